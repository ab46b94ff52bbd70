"""Exact arithmetic of expressie.py's vocabulary on int64 columns.

A number is `teller / noemer`: money facts are cents over 100, a percentage of 4.8 is
48 / 10, `deling: [x, 12]` has noemer 12 × that of x. Nothing is ever a float, so every
result is the exact rational that Decimal approximates to 28 digits; with the small
denominators of the policy (powers of ten, counts of persons, 12 months) the exact value
and Decimal's never fall on different sides of a rounding point, so `afronden` (half-up,
`ROUND_HALF_UP`: half away from zero) gives Decimal's cents. Each column carries a bound
of |teller|; an operation whose bound would pass 2**62 switches to Python ints (numpy
object arrays): slower, never wrong.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

import numpy as np

from .kolom import GETAL, Kolom, rationaal

GRENS = 2 ** 62


def _obj(x: Any) -> Any:
    return np.asarray(x).astype(object) if isinstance(x, np.ndarray | np.generic) else x


def _noemergrens(n: Any) -> int:
    return n if isinstance(n, int) else int(np.max(n, initial=1))


def _maal(x: Any, k: Any, grens: int) -> Any:
    """x × k exactly: int64 while the bound allows, else Python ints."""
    if grens >= GRENS:
        return _obj(x) * _obj(k)
    return x * k


def gelijknamig(a: Kolom, b: Kolom) -> tuple[Any, Any, Any, int, int]:
    """Both numerators over one denominator: (ta, tb, noemer, bound a, bound b)."""
    na, nb = a.noemer, b.noemer
    if isinstance(na, int) and isinstance(nb, int):
        if na == nb:
            return a.data, b.data, na, a.grens, b.grens
        noemer = math.lcm(na, nb)
        ka, kb = noemer // na, noemer // nb
        return (_maal(a.data, ka, a.grens * ka), _maal(b.data, kb, b.grens * kb), noemer,
                a.grens * ka, b.grens * kb)
    ga, gb = a.grens * _noemergrens(nb), b.grens * _noemergrens(na)
    noemer = _maal(na, nb, _noemergrens(na) * _noemergrens(nb))
    return _maal(a.data, nb, ga), _maal(b.data, na, gb), noemer, ga, gb


def getal(teller: Any, noemer: Any = 1, grens: int | None = None) -> Kolom:
    if grens is None:
        grens = int(np.max(np.abs(teller), initial=0))
    return Kolom(GETAL, teller, noemer, grens)


def som(delen: Sequence[Kolom], teken: Sequence[int] | None = None) -> Kolom:
    """Σ delen (or Σ teken_i × deel_i, for `verschil`)."""
    uit = delen[0] if not teken or teken[0] > 0 else _min(delen[0])
    for i, d in enumerate(delen[1:], 1):
        ta, tb, noemer, ga, gb = gelijknamig(uit, d)
        grens = ga + gb
        if grens >= GRENS:
            ta, tb = _obj(ta), _obj(tb)
        uit = getal(ta + tb if not teken or teken[i] > 0 else ta - tb, noemer, grens)
    return uit


def _min(k: Kolom) -> Kolom:
    return getal(-k.data, k.noemer, k.grens)


def verschil(delen: Sequence[Kolom]) -> Kolom:
    return som(delen, [1] + [-1] * (len(delen) - 1))


def product(delen: Sequence[Kolom]) -> Kolom:
    uit = delen[0]
    for d in delen[1:]:
        grens = uit.grens * d.grens
        noemer = _maal(uit.noemer, d.noemer, _noemergrens(uit.noemer) * _noemergrens(d.noemer))
        uit = getal(_maal(uit.data, d.data, grens), noemer, grens)
    return uit


def deling(a: Kolom, b: Kolom) -> tuple[Kolom, np.ndarray | None]:
    """a / b, and where b is zero (Decimal raises there; the caller marks those rows)."""
    nul = b.data == 0
    deler = np.where(nul, 1, b.data) if np.any(nul) else b.data
    negatief = deler < 0
    teller = _maal(a.data, b.noemer, a.grens * _noemergrens(b.noemer))
    if np.any(negatief):
        teller, deler = np.where(negatief, -teller, teller), np.abs(deler)
    noemer = a.noemer * deler if np.ndim(deler) or not isinstance(a.noemer, int) \
        else a.noemer * int(deler)
    if isinstance(noemer, np.ndarray) and _noemergrens(a.noemer) * b.grens >= GRENS:
        noemer = _obj(a.noemer) * _obj(deler)
    uit = getal(teller, noemer, a.grens * _noemergrens(b.noemer))
    return uit, (nul if np.any(nul) else None)


def percentage(p: Kolom, x: Kolom) -> Kolom:
    k = product([p, x])
    return getal(k.data, _maal(k.noemer, 100, _noemergrens(k.noemer) * 100), k.grens)


def _uiterste(delen: Sequence[Kolom], functie: Any) -> Kolom:
    uit = delen[0]
    for d in delen[1:]:
        ta, tb, noemer, ga, gb = gelijknamig(uit, d)
        uit = getal(functie(ta, tb), noemer, max(ga, gb))
    return uit


def minimum(delen: Sequence[Kolom]) -> Kolom:
    return _uiterste(delen, np.minimum)


def maximum(delen: Sequence[Kolom]) -> Kolom:
    return _uiterste(delen, np.maximum)


def _deel_half_op(n: Any, d: Any) -> Any:
    """round(n / d) half away from zero, for d > 0 (Decimal's ROUND_HALF_UP)."""
    if not isinstance(n, np.ndarray) or n.dtype != np.int64 or not n.ndim or \
            not isinstance(d, int):
        q = (2 * np.abs(n) + d) // (2 * d)
        return np.where(n < 0, -q, q)
    q = np.abs(n)  # in place from here: each temporary of a column costs as much as a step
    q *= 2
    q += d
    q //= 2 * d
    np.negative(q, out=q, where=n < 0)
    return q


def _veelvoud(noemer: Any, deler: int) -> int | None:
    """deler / noemer when that is whole: then a value over `noemer` is a whole multiple of
    1 / deler, and rounding to it is exact (cents of cents, a count in cents)."""
    if isinstance(noemer, int) and deler % noemer == 0:
        return deler // noemer
    return None


def afronden(k: Kolom, op: Decimal = Decimal("0.01")) -> Kolom:
    """Half-up to a multiple of `op` (cents by default): expressie.Afronden."""
    stap = rationaal(op)
    p, q = int(stap.data), stap.noemer
    grens = k.grens * q // (max(1, p) * (k.noemer if isinstance(k.noemer, int) else 1)) + 1
    factor = _veelvoud(k.noemer, q) if p == 1 else None
    if factor is not None:  # already a multiple of 1/q: nothing to round
        return getal(k.data if factor == 1 else _maal(k.data, factor, grens), q, grens)
    n = _maal(k.data, q, k.grens * q)
    d = _maal(k.noemer, p, _noemergrens(k.noemer) * p)
    heel = _deel_half_op(n, d)
    return getal(_maal(heel, p, grens * p), q, grens * p)


def centen_half_even(k: Kolom) -> Any:
    """Whole cents as the rule engine holds a computed amount (grootheden.in_centen:
    Decimal's default rounding, half to even)."""
    factor = _veelvoud(k.noemer, 100)
    if factor is not None:  # whole cents already
        return k.data if factor == 1 else _maal(k.data, factor, k.grens * factor)
    n = _maal(k.data, 100, k.grens * 100)
    d = k.noemer
    q, r = n // d, n % d
    twee_r = 2 * r
    omhoog = (twee_r > d) | ((twee_r == d) & (q % 2 == 1))
    return q + omhoog


def centen(k: Kolom) -> Any:
    """Whole cents, half-up (calculate.round_cents and facts.cents)."""
    return afronden(k).data


def vergelijk(op: str, a: Kolom, b: Kolom) -> Any:
    """a <op> b for numbers (op of expressie.VERGELIJKINGEN without een_van/bestaat)."""
    ta, tb, _, _, _ = gelijknamig(a, b)
    return {"is": np.equal, "is_niet": np.not_equal, "minder_dan": np.less,
            "hoogstens": np.less_equal, "meer_dan": np.greater,
            "minstens": np.greater_equal}[op](ta, tb)


def kies(voorwaarde: Any, a: Kolom, b: Kolom) -> Kolom:
    """Per row a where `voorwaarde` holds, else b."""
    ta, tb, noemer, ga, gb = gelijknamig(a, b)
    return getal(np.where(voorwaarde, ta, tb), noemer, max(ga, gb))


def als_decimal(teller: int, noemer: int) -> Decimal:
    return Decimal(int(teller)) / Decimal(int(noemer))

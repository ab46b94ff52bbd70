"""`Kolom`: one value per household (or per person or item) with the engine's absences.

The scalar engine raises `Ontbreekt` when a formula reads a fact the case lacks; the
exception carries the case paths to ask for, and may carry none (a fact that does not
apply, such as the partner's age without a partner). A column keeps both per row:
`ok` (the value was computed) and `benoemd` (where it was not: paths were named). So the
evaluator can decide `onvoldoende_gegevens` exactly as the scalar path does.

Values by kind: `getal` is an exact rational `data / noemer` in int64 (see getallen.py),
`waar` a bool, `tekst` an interned code (`Woorden`), `datum` days since 1970-01-01.
A constant has 0-d `data`; numpy broadcasts it against the columns.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Any

import numpy as np

GETAL, WAAR, TEKST, DATUM = "getal", "waar", "tekst", "datum"

Masker = Any  # a bool ndarray, or None: true for every row
Array = Any  # an ndarray, or a numpy scalar for a constant


@dataclass(frozen=True, slots=True)
class Kolom:
    soort: str
    data: Array
    noemer: Any = 1  # int > 0, or an int64 array > 0 (after a division by a column)
    grens: int = 0  # getal: an upper bound of |data|, to keep int64 exact (getallen.py)
    ok: Masker = None  # the value was computed
    benoemd: Masker = None  # where not ok: the absence names case paths
    leeg: Masker = None  # the value is None (a norm category without that field)

    def met(self, **wijzig: Any) -> Kolom:
        return replace(self, **wijzig)


class Woorden:
    """Interned texts: a text column holds codes, so comparing texts compares ints."""

    def __init__(self) -> None:
        self._code: dict[str, int] = {}
        self.tekst: list[str] = []

    def code(self, tekst: str) -> int:
        c = self._code.get(tekst)
        if c is None:
            c = self._code[tekst] = len(self.tekst)
            self.tekst.append(tekst)
        return c


WOORDEN = Woorden()  # process-wide: codes are only compared, never stored


def en(a: Masker, b: Masker) -> Masker:
    if a is None:
        return b
    if b is None:
        return a
    return a & b


def of(a: Masker, b: Masker) -> Masker:
    """OR where None means all-true (so the OR is all-true too)."""
    if a is None or b is None:
        return None
    return a | b


def niet(m: Masker, n: int) -> np.ndarray:
    return np.zeros(n, dtype=bool) if m is None else ~m


def vol(m: Masker, n: int) -> np.ndarray:
    """The mask as an array of n booleans."""
    return np.ones(n, dtype=bool) if m is None else np.broadcast_to(m, (n,))


def constante(waarde: object) -> Kolom:
    """A literal of a formula (Decimal, bool, text) or a parameter value."""
    if isinstance(waarde, bool):
        return Kolom(WAAR, np.bool_(waarde))
    if isinstance(waarde, str):
        return Kolom(TEKST, np.int64(WOORDEN.code(waarde)))
    if isinstance(waarde, int | float | Decimal):
        return rationaal(Decimal(str(waarde)))
    raise TypeError(f"geen waarde voor een kolom: {waarde!r}")


def rationaal(d: Decimal) -> Kolom:
    """A Decimal as numerator / power of ten (exact)."""
    teken, cijfers, exponent = d.as_tuple()
    assert isinstance(exponent, int)
    teller = int("".join(map(str, cijfers)) or "0") * (-1 if teken else 1)
    if exponent >= 0:
        teller, noemer = teller * 10 ** exponent, 1
    else:
        noemer = 10 ** -exponent
    return Kolom(GETAL, np.int64(teller) if abs(teller) < 2 ** 62 else np.array(teller, object),
                 noemer, abs(teller))


def ontbreekt(n: int, benoemd: bool = True) -> Kolom:
    """A value missing on every row (a fact the policy names that this batch lacks)."""
    return Kolom(GETAL, np.int64(0), 1, 0, np.zeros(n, dtype=bool),
                 None if benoemd else np.zeros(n, dtype=bool))


def neem(k: Kolom, index: Array) -> Kolom:
    """The rows `index` of `k` (a row value read per person or item)."""
    def t(x: Any) -> Any:
        return x if x is None or np.ndim(x) == 0 else x[index]
    return Kolom(k.soort, t(k.data), t(k.noemer), k.grens, t(k.ok), t(k.benoemd), t(k.leeg))


def lengte(*kolommen: Kolom) -> int:
    """The rows of the first column that has any, 1 if all are scalars; 0 is a length
    (an empty list of items), not "scalar" — `grootte(...) or 1` mistook it."""
    n = grootte(*kolommen)
    return 1 if n is None else n


def grootte(*kolommen: Kolom) -> int | None:
    for k in kolommen:
        for x in (k.data, k.ok, k.leeg):
            if x is not None and np.ndim(x):
                return len(x)
    return None

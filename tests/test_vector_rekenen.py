"""The compiled arithmetic equals expressie.py's Decimal arithmetic (hypothesis).

Random formulas over the closed vocabulary (som, verschil, product, deling, percentage,
min, max, afronden, keuze with every comparison) on random amounts of the policy's size
(euros with two decimals, small whole numbers) are computed per value with Decimal and
per column with the vectorised compiler; the results must be equal to the cent, and a
division by zero must leave the value absent where Decimal raises.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal, DivisionByZero, InvalidOperation
from typing import Any

import numpy as np
from hypothesis import example, given, settings
from hypothesis import strategies as st

from sora_rules.expressie import parse_expressie
from sora_rules.vector import getallen
from sora_rules.vector.formules import Vertaler
from sora_rules.vector.kolom import Kolom, vol

NAMEN = ("x", "y", "z")
_bedrag = st.integers(0, 100_000_000).map(lambda c: Decimal(c) / 100)
_getal = st.sampled_from(["x", "y", "z"]).map(lambda n: {"feit": n}) | st.integers(
    0, 100) | st.sampled_from([Decimal("4.8"), Decimal("0.5"), Decimal("12.5"), 12, 100])


def _formule(diepte: int) -> st.SearchStrategy[Any]:
    if diepte == 0:
        return _getal
    deel = _formule(diepte - 1)
    rekenen = st.sampled_from(["som", "verschil", "product", "deling", "min", "max"]).flatmap(
        lambda op: st.lists(deel, min_size=2, max_size=3 if op != "product" else 2).map(
            lambda xs: {op: xs}))
    vergelijking = st.tuples(deel, st.sampled_from(
        ["is", "is_niet", "minder_dan", "hoogstens", "meer_dan", "minstens"]), deel).map(
        lambda t: {"waarde": t[0], t[1]: t[2]})
    return st.one_of(
        rekenen, st.tuples(deel, deel).map(lambda t: {"percentage": [t[0], t[1]]}),
        deel.map(lambda x: {"afronden": x}),
        st.tuples(deel, st.sampled_from(["1", "0.05", "0.01"])).map(
            lambda t: {"afronden": t[0], "op": t[1]}),
        st.tuples(vergelijking, deel, deel).map(
            lambda t: {"keuze": {"als": t[0], "dan": t[1], "anders": t[2]}}))


class _Scalair:
    """An expressie.Omgeving with three facts."""

    def __init__(self, waarden: dict[str, Decimal]) -> None:
        self.waarden = waarden

    @property
    def peildatum(self) -> date:
        return date(2026, 1, 1)

    def lees(self, soort: str, naam: str) -> Any:
        return self.waarden[naam]


class _Kolommen:
    """The same facts as columns, for the compiled formula."""

    def __init__(self, kolommen: dict[str, Kolom]) -> None:
        self.kolommen = kolommen

    def feit(self, naam: str) -> Kolom:
        return self.kolommen[naam]


@settings(max_examples=300, deadline=None)
@example(formule={"deling": [{"feit": "x"}, 0]},  # a literal 0: every row, not "scalar"
         rijen=[(Decimal("0.01"), Decimal(0), Decimal(0))])
@given(formule=_formule(2), rijen=st.lists(st.tuples(_bedrag, _bedrag, _bedrag),
                                            min_size=1, max_size=8))
def test_kolommen_rekenen_als_decimal(formule: Any, rijen: list[tuple[Decimal, ...]]) -> None:
    boom = parse_expressie({"afronden": formule})
    vertaler = Vertaler(lambda pid: None, frozenset(), lambda pid: (np.zeros(0), []))
    kolommen = {n: getallen.getal(np.array([int(r[i] * 100) for r in rijen], dtype=np.int64),
                                  100) for i, n in enumerate(NAMEN)}
    uit = vertaler.expr(boom)(_Kolommen(kolommen))  # type: ignore[arg-type]
    ok = vol(uit.ok, len(rijen))
    centen = np.broadcast_to(getallen.centen(uit), (len(rijen),))
    for i, rij in enumerate(rijen):
        try:
            verwacht = boom.bereken(_Scalair(dict(zip(NAMEN, rij, strict=True))))
        except (DivisionByZero, InvalidOperation, ZeroDivisionError):
            assert not ok[i], (formule, rij)
            continue
        assert ok[i], (formule, rij)
        assert Decimal(int(centen[i])) / 100 == verwacht, (formule, rij, verwacht)


@given(teller=st.integers(-10 ** 15, 10 ** 15), noemer=st.integers(1, 10 ** 6),
       op=st.sampled_from([Decimal("0.01"), Decimal("1"), Decimal("0.05"), Decimal("10")]))
def test_afronden_half_op(teller: int, noemer: int, op: Decimal) -> None:
    """Half away from zero, as Decimal's ROUND_HALF_UP, for any exact rational."""
    from decimal import ROUND_HALF_UP, localcontext
    k = getallen.getal(np.array([teller], dtype=np.int64), noemer)
    uit = getallen.afronden(k, op)
    with localcontext() as ctx:
        ctx.prec = 60
        verwacht = (Decimal(teller) / noemer / op).quantize(Decimal(1), ROUND_HALF_UP) * op
    assert Decimal(int(uit.data[0])) / uit.noemer == verwacht

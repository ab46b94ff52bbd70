"""The scalar engine for a regeling the column compiler cannot handle.

Kept so that the vectorised answer is never a guess: such a regeling is decided per
household by `Engine.evaluate` (durable-rules), and the caller counts the households.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

import numpy as np

from . import datums
from .beslissen import BEDRAG_SOORTEN, Besluiten

if TYPE_CHECKING:
    from ..engine import Engine
    from ..model import Regeling
    from .motor import Casussen


def scalair(engine: Engine, r: Regeling, slug: str, rijen: np.ndarray, gekozen: np.ndarray,
            peildag: np.ndarray, casussen: Casussen, uitkomsten: tuple[str, ...]) -> Besluiten:
    n = len(rijen)
    uitkomst = np.full(n, -1, dtype=np.int64)
    bedragen = {k: (np.zeros(n, dtype=np.int64), np.zeros(n, dtype=bool))
                for k in BEDRAG_SOORTEN}
    regels: list[str] = []
    eerste = np.full(n, -1, dtype=np.int64)
    keuze = np.flatnonzero(gekozen)
    for i, case in zip(keuze, casussen(rijen[keuze]), strict=True):
        b = _besluit(engine, case, r.id, slug, datums.als_datum(peildag[rijen[i]]))
        if b is None:
            continue
        uitkomst[i] = uitkomsten.index(b.uitkomst)
        for key, bedrag in b.bedrag.items():
            if key in bedragen:
                bedragen[key][0][i] = int(Decimal(bedrag) * 100)
                bedragen[key][1][i] = True
        falend = next((g.regel for g in b.gronden if not g.voldaan), None)
        if falend is not None:
            if falend not in regels:
                regels.append(falend)
            eerste[i] = regels.index(falend)
    return Besluiten(r, gekozen, uitkomst, bedragen, eerste, tuple(regels))


def _besluit(engine: Engine, case: dict[str, Any], rid: str, slug: str, dag: Any) -> Any:
    """The besluit of `rid` for one case: decided by name, so `aanvraag.regelingen` (which
    only says where the besluit is shown) is left out."""
    case = dict(case)
    aanvraag = {k: v for k, v in (case.pop("aanvraag", None) or {}).items()
                if k != "regelingen"}
    if aanvraag:
        case["aanvraag"] = aanvraag
    beslissing = engine.evaluate(case, gemeente=slug, peildatum=dag, regelingen=[rid])
    for b in (*beslissing.besluiten, *(beslissing.mogelijk_recht or ())):
        if b.regeling == rid:
            return b
    return None

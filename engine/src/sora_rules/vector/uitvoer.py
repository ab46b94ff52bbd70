"""A `Resultaat` as the decision document's keys (JSON Lines) or as flat columns.

Per household: `gemeente`, `peildatum`, `besluiten: [{regeling, uitkomst, bedrag,
eerste_falende_voorwaarde}]` in the order of the decision document (basispakket first,
then by id), and `mogelijk_recht` in the same shape when the case lists
`aanvraag.regelingen`. Amounts are euros as the JSON of a besluit has them.

Flat (CSV, Parquet): one row per household with `gemeente`, `peildatum` and per regeling
`<regeling>.uitkomst`, `<regeling>.bedrag_<soort>` (euros, two decimals, exact as
decimal128), `<regeling>.eerste_falende_voorwaarde` and, with `aanvraag.regelingen`,
`<regeling>.aangevraagd`. A regeling without a besluit for a household is empty there.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import numpy as np
import pyarrow as pa

from . import datums
from .indeling import GELD_TYPE
from .motor import Resultaat

EERSTE = "eerste_falende_voorwaarde"


def _besluit(r: Resultaat, rid: str, i: int) -> dict[str, Any]:
    k = r.regelingen[rid]
    bedrag = {key: float(Decimal(int(centen[i])) / 100)
              for key, (centen, aanwezig) in k.bedragen.items() if aanwezig[i]}
    eerste = int(k.eerste[i])
    return {"regeling": rid, "uitkomst": r.uitkomsten[int(k.uitkomst[i])], "bedrag": bedrag,
            EERSTE: r.regels[eerste] if eerste >= 0 else None}


def records(r: Resultaat) -> list[dict[str, Any]]:
    """One record per household, in input order."""
    uit = []
    met_aanvraag = r.met_aanvraag if r.met_aanvraag is not None else np.zeros(r.n, bool)
    for i in range(r.n):
        besluiten, mogelijk = [], []
        for rid, k in r.regelingen.items():
            if not k.gekozen[i]:
                continue
            b = _besluit(r, rid, i)
            if k.aangevraagd[i]:
                besluiten.append(b)
            elif b["uitkomst"] in r.mogelijk_recht:
                mogelijk.append(b)
        rec: dict[str, Any] = {"gemeente": str(r.gemeente[i]),
                               "peildatum": datums.als_datum(r.peildatum[i]).isoformat(),
                               "besluiten": besluiten}
        if met_aanvraag[i]:
            rec["mogelijk_recht"] = mogelijk
        uit.append(rec)
    return uit


def _centen_array(centen: np.ndarray, aanwezig: np.ndarray) -> pa.Array:
    """Cents as exact decimal euros: decimal128 holds the unscaled integer (the cents)
    with scale 2, so the 128-bit words are the cents, sign-extended."""
    woorden = np.empty((len(centen), 2), dtype=np.int64)
    woorden[:, 0] = centen
    woorden[:, 1] = np.where(centen < 0, -1, 0)
    geldig = pa.py_buffer(np.packbits(aanwezig, bitorder="little").tobytes())
    return pa.Array.from_buffers(GELD_TYPE, len(centen),
                                 [geldig, pa.py_buffer(woorden.tobytes())],
                                 null_count=int((~aanwezig).sum()))


def _verspreid(x: np.ndarray, rijen: np.ndarray | None, n: int, vul: object) -> np.ndarray:
    """Values of the variant's rows placed in the rows of the whole chunk."""
    if rijen is None:
        return x
    uit = np.full(n, vul, dtype=x.dtype)
    uit[rijen] = x
    return uit


def _regeling(r: Resultaat, rid: str, prefix: str, rijen: np.ndarray | None, n: int
              ) -> dict[str, pa.Array]:
    """The columns of one regeling: outcome, amounts, first failure, applied for."""
    k = r.regelingen[rid]
    gekozen = _verspreid(k.gekozen, rijen, n, False)
    uitkomst = _verspreid(k.uitkomst, rijen, n, -1)
    namen = np.array([*r.uitkomsten, ""], dtype=object)
    uit = {f"{prefix}{rid}.uitkomst": pa.array(namen[uitkomst], pa.string(), mask=~gekozen)}
    for key in r.bedragsoorten.get(rid, ()):
        centen, aanwezig = k.bedragen[key]
        uit[f"{prefix}{rid}.bedrag_{key}"] = _centen_array(
            _verspreid(centen, rijen, n, 0), _verspreid(aanwezig, rijen, n, False))
    eerste = _verspreid(k.eerste, rijen, n, -1)
    regels = np.array([*r.regels, ""], dtype=object)
    uit[f"{prefix}{rid}.{EERSTE}"] = pa.array(regels[eerste], pa.string(),
                                              mask=~gekozen | (eerste < 0))
    uit[f"{prefix}{rid}.aangevraagd"] = pa.array(
        _verspreid(k.aangevraagd, rijen, n, False), pa.bool_(), mask=~gekozen)
    return uit


def tabel(r: Resultaat, variant: Resultaat | None = None, rijen: np.ndarray | None = None
          ) -> pa.Table:
    """The flat layout: one row per household, columns per regeling (and per regeling of
    the variant, `variant.<regeling>.…`, filled for the variant's gemeente)."""
    kolommen: dict[str, pa.Array] = {
        "gemeente": pa.array(r.gemeente, pa.string()),
        "peildatum": pa.array(datums.naar_dagen(r.peildatum).astype(np.int32),
                              pa.int32()).cast(pa.date32())}
    for rid in r.regelingen:
        kolommen |= _regeling(r, rid, "", None, r.n)
    if variant is not None or rijen is not None:
        bron = variant if variant is not None else r
        leeg = np.zeros(0, dtype=np.int64) if variant is None else rijen
        for rid in bron.regelingen:
            kolommen |= _regeling(bron, rid, "variant.", leeg, r.n)
    return pa.table(kolommen)

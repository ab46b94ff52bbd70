"""The summaries `batch` prints, counted on columns: per regeling × uitkomst, the totals,
and with a variant the households whose outcome or amount changes (batch.Samenvatting and
batch.WhatIf, filled without a record per household)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

import numpy as np

from ..batch import BEDRAG_SOORTEN, Samenvatting, WhatIf
from .motor import Regelingkolommen, Resultaat


def _in_besluit(k: Regelingkolommen) -> np.ndarray:
    return k.gekozen & k.aangevraagd


def tel(r: Resultaat, s: Samenvatting) -> None:
    """Add a chunk's besluiten to the summary."""
    s.verwerkt += r.n
    for rid, k in r.regelingen.items():
        mee = _in_besluit(k)
        if not mee.any():
            continue
        for i, naam in enumerate(r.uitkomsten):
            aantal = int(np.sum(mee & (k.uitkomst == i)))
            if aantal:
                s.aantallen[(rid, naam)] += aantal
        for soort in BEDRAG_SOORTEN:  # the amounts batch totals
            centen, aanwezig = k.bedragen[soort]
            telt = mee & aanwezig
            if telt.any():
                totaal = Decimal(int(np.sum(centen[telt], dtype=object))) / 100
                s.bedragen[(rid, soort)] = s.bedragen.get((rid, soort), Decimal(0)) + totaal


@dataclass(frozen=True)
class Verschil:
    """One regeling under the current policy (a) and a variant (b), over the same rows:
    where a besluit differs in outcome or any amount (batch.besluit_diffs), both
    outcomes (-1: no besluit) and where each side has a besluit."""

    anders: np.ndarray
    ux: np.ndarray
    uy: np.ndarray
    in_a: np.ndarray
    in_b: np.ndarray


def verschil(a: Regelingkolommen | None, b: Regelingkolommen | None, rijen: np.ndarray
             ) -> Verschil:
    """`a` over all rows of its chunk (`rijen` select those `b` holds, in that order); a
    regeling one side does not know (a variant may add one) has no besluit there."""
    n = len(rijen)
    in_a = _in_besluit(a)[rijen] if a is not None else np.zeros(n, dtype=bool)
    in_b = _in_besluit(b) if b is not None else np.zeros(n, dtype=bool)
    ux = np.where(in_a, a.uitkomst[rijen], -1) if a is not None else np.full(n, -1)
    uy = np.where(in_b, b.uitkomst, -1) if b is not None else np.full(n, -1)
    anders = ux != uy
    for soort in sorted({*(a.bedragen if a else ()), *(b.bedragen if b else ())}):
        va, xa = _bedrag(a, soort, rijen, in_a)
        vb, xb = _bedrag(b, soort, None, in_b)
        anders |= (xa != xb) | (va != vb)
    return Verschil(anders, ux, uy, in_a, in_b)


def _bedrag(k: Regelingkolommen | None, soort: str, rijen: np.ndarray | None,
            in_besluit: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """An amount in cents (0 where absent) and where the besluit has it."""
    if k is None or soort not in k.bedragen:
        return np.zeros(len(in_besluit), dtype=np.int64), np.zeros(len(in_besluit), dtype=bool)
    centen, aanwezig = k.bedragen[soort]
    if rijen is not None:
        centen, aanwezig = centen[rijen], aanwezig[rijen]
    x = in_besluit & aanwezig
    return np.where(x, centen, 0), x


def vergelijk(huidig: Resultaat, variant: Resultaat, w: WhatIf, rijen: np.ndarray) -> None:
    """Add the differences between the current policy and the variant (batch.besluit_diffs),
    over the households `rijen` (those of the variant's gemeente, which `variant` holds in
    that order)."""
    ergens = np.zeros(len(rijen), dtype=bool)
    for rid in sorted(huidig.regelingen.keys() | variant.regelingen.keys()):
        a, b = huidig.regelingen.get(rid), variant.regelingen.get(rid)
        v = verschil(a, b, rijen)
        delta = {soort: _bedrag(b, soort, None, v.in_b)[0]
                 - _bedrag(a, soort, rijen, v.in_a)[0] for soort in BEDRAG_SOORTEN}
        ergens |= v.anders
        _registreer(w, rid, v.anders, v.ux, v.uy, delta, huidig.uitkomsten)
    w.huishoudens += int(ergens.sum())


def _registreer(w: WhatIf, rid: str, anders: np.ndarray, ux: np.ndarray, uy: np.ndarray,
                delta: dict[str, np.ndarray], namen: tuple[str, ...]) -> None:
    veranderd = anders & (ux != uy)
    if veranderd.any():
        w.veranderd[rid] += int(veranderd.sum())
        paren, aantallen = np.unique(np.stack([ux[veranderd], uy[veranderd]], axis=1), axis=0,
                                     return_counts=True)
        for (x, y), n in zip(paren, aantallen, strict=True):
            van = str(namen[x]) if x >= 0 else "None"
            naar = str(namen[y]) if y >= 0 else "None"
            w.overgangen[(rid, van, naar)] += int(n)
    for soort, d in delta.items():
        som = int(np.sum(d[anders], dtype=object)) if anders.any() else 0
        if som:
            w.verschil[(rid, soort)] = w.verschil.get((rid, soort), Decimal(0)) + Decimal(
                som) / 100

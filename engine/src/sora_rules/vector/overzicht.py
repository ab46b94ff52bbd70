"""The summaries `batch` prints, counted on columns: per regeling × uitkomst, the totals,
and with a variant the households whose outcome or amount changes (batch.Samenvatting and
batch.WhatIf, filled without a record per household)."""

from __future__ import annotations

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


def vergelijk(huidig: Resultaat, variant: Resultaat, w: WhatIf, rijen: np.ndarray) -> None:
    """Add the differences between the current policy and the variant (batch.besluit_diffs),
    over the households `rijen` (those of the variant's gemeente, which `variant` holds in
    that order)."""
    ergens = np.zeros(len(rijen), dtype=bool)
    for rid, a in huidig.regelingen.items():
        b = variant.regelingen[rid]
        in_a, in_b = _in_besluit(a)[rijen], _in_besluit(b)
        ux = np.where(in_a, a.uitkomst[rijen], -1)
        uy = np.where(in_b, b.uitkomst, -1)
        anders = ux != uy
        delta: dict[str, np.ndarray] = {}
        for soort, (ca, pa_) in a.bedragen.items():  # every key differs (besluit_diffs)
            cb, pb = b.bedragen[soort]
            xa, xb = in_a & pa_[rijen], in_b & pb
            va, vb = np.where(xa, ca[rijen], 0), np.where(xb, cb, 0)
            anders |= (xa != xb) | (va != vb)
            if soort in BEDRAG_SOORTEN:  # … but batch totals only these
                delta[soort] = vb - va
        ergens |= anders
        _registreer(w, rid, anders, ux, uy, delta, huidig.uitkomsten)
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

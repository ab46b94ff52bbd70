"""`eerder` on columns: per-item quantities that use up a budget in date order.

The drempel of bijzondere bijstand is used by the earliest kostenposten first: the part
of a post within the drempel is what the earlier posts left of it. That is a running sum
over a household's posts, and every household has few posts; so the items are ranked
within their household (by the `volgorde` date, then by list order, as
grootheden.Berekening.eerdere) and computed one rank at a time, each rank one vector step
over all households, with per household the sum of what the earlier ranks used.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import numpy as np

from . import getallen
from .formules import NietVectoriseerbaar
from .kolom import DATUM, Kolom, neem, vol

if TYPE_CHECKING:
    from .omgeving import ItemOmgeving


def _rangen(rij: np.ndarray, sleutel: np.ndarray, plaats: np.ndarray) -> tuple[np.ndarray,
                                                                               np.ndarray]:
    """The items in household, date, list order, and each one's rank in its household."""
    orde = np.lexsort((plaats, sleutel, rij))
    r = rij[orde]
    begin = np.flatnonzero(np.concatenate([[True], r[1:] != r[:-1]])) if len(r) else r
    eerste = np.repeat(begin, np.diff(np.concatenate([begin, [len(r)]])))
    return orde, np.arange(len(r)) - eerste


def per_rang(items: ItemOmgeving, gid: str) -> dict[str, Kolom]:
    """Every per-item quantity `gid` needs, computed rank by rank."""
    from .omgeving import ItemOmgeving, Segment

    periode = items.rijen.periode
    sluiting, doelen = periode.post_sluiting(gid)
    if len(items.segmenten) != 1 or items.segmenten[0].index is None or len(set(
            doelen.values())) != 1:
        raise NietVectoriseerbaar("eerder over meer dan één lijst of volgorde")
    s = items.segmenten[0]
    assert s.index is not None
    lijst = items.rijen.batch.lijsten[s.naam]
    volgorde = next(iter(doelen.values()))
    veld = lijst.velden.get(volgorde)
    if veld is None or veld.soort != DATUM:
        raise NietVectoriseerbaar(f"eerder op volgorde {volgorde}")
    sleutel = neem(veld, s.index)
    n = items.ouder.n
    zonder = np.bincount(s.rij[~vol(sleutel.ok, len(s.rij))], minlength=n) > 0
    accu = {g: getallen.getal(np.zeros(n, dtype=np.int64), 1, 0).met(ok=~zonder)
            for g in doelen}
    orde, rang = _rangen(s.rij, np.broadcast_to(sleutel.data, s.rij.shape),
                         lijst.plaats[s.index])
    stukken: dict[str, list[tuple[np.ndarray, Kolom]]] = {g: [] for g in sluiting}
    for r in range(int(rang.max(initial=-1)) + 1):
        keuze = orde[rang == r]
        rij = s.rij[keuze]
        sub = ItemOmgeving(items.ouder, [Segment(s.naam, rij, s.index[keuze])],
                           {g: neem(a, rij) for g, a in accu.items()})
        for g in sluiting:
            stukken[g].append((keuze, sub.grootheid(g)))
        for g in doelen:
            accu[g] = _tel_op(accu[g], sub.grootheid(g), rij, n)
    return {g: _voeg(delen, items.n) for g, delen in stukken.items()}


def _tel_op(accu: Kolom, waarde: Kolom, rij: np.ndarray, n: int) -> Kolom:
    """The running sum per household plus this rank's values (one item per household)."""
    data = np.zeros(n, dtype=np.asarray(waarde.data).dtype)
    data[rij] = waarde.data
    nieuw = getallen.som([accu, getallen.getal(data, waarde.noemer, waarde.grens)])
    ok = vol(accu.ok, n).copy()
    ok[rij] &= vol(waarde.ok, len(rij))
    return nieuw.met(ok=ok)


def _voeg(delen: list[tuple[np.ndarray, Kolom]], n: int) -> Kolom:
    """The ranks' values back in item order, over one denominator."""
    if not delen:  # no items at all
        return getallen.getal(np.zeros(n, dtype=np.int64), 1, 0)
    eerste = delen[0][1]
    if eerste.soort != "getal":
        data = np.zeros(n, dtype=np.asarray(eerste.data).dtype)
        for keuze, k in delen:
            data[keuze] = k.data
        return Kolom(eerste.soort, data, ok=_masker(delen, n, "ok"),
                     benoemd=_masker(delen, n, "benoemd"))
    if not all(isinstance(k.noemer, int) for _, k in delen):
        raise NietVectoriseerbaar("eerder met een deling door een kolom")
    noemer = math.lcm(*(int(k.noemer) for _, k in delen))
    grens = max(k.grens * (noemer // int(k.noemer)) for _, k in delen)
    data = np.zeros(n, dtype=object if grens >= getallen.GRENS else np.int64)
    for keuze, k in delen:
        data[keuze] = np.asarray(k.data) * (noemer // int(k.noemer))
    return Kolom("getal", data, noemer, grens, _masker(delen, n, "ok"),
                 _masker(delen, n, "benoemd"))


def _masker(delen: list[tuple[np.ndarray, Kolom]], n: int, naam: str) -> np.ndarray | None:
    if all(getattr(k, naam) is None for _, k in delen):
        return None
    uit = np.ones(n, dtype=bool)
    for keuze, k in delen:
        uit[keuze] = vol(getattr(k, naam), len(keuze))
    return uit

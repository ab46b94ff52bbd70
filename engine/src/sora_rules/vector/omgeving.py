"""What a compiled formula reads, for a whole group of households at once.

`RijOmgeving` is grootheden.Berekening for every household of one gemeente and policy
period: facts, parameters, the selected norm category per household, the income test of
the regeling being decided, and the declared quantities (each computed once per group).
`ItemOmgeving` is the same for persons or items (`aantal`, `som_over`): one row per
person or item, each knowing its household row, so a household value is read by
indexing and a sum over persons is a bincount back to the households (a segment
reduction). Quantities per item that read `eerder` (what earlier items used of a
budget) are computed item rank by item rank in date order: per rank one vector step.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from ..expressie import Personen
from ..model import Inkomenstoets
from . import datums, getallen
from .formules import Fn, NietVectoriseerbaar
from .kolom import DATUM, GETAL, WAAR, Kolom, constante, neem, ontbreekt, vol

if TYPE_CHECKING:
    from ..termijnen import Kalender
    from .kolommen import Batch
    from .periode import Periode

_VEILIG = 2 ** 53  # below this a float64 bincount of whole numbers is exact


class Rijen:
    """The shared state of one group: its columns, facts, norm category and caches."""

    def __init__(self, periode: Periode, batch: Batch, peildag: np.ndarray,
                 feiten: dict[str, Kolom], kalender: Kalender) -> None:
        self.periode, self.batch, self.peildag, self.feiten = periode, batch, peildag, feiten
        self.kalender = kalender
        self.n = batch.n
        self.categorie: np.ndarray | None = None  # index of the category; -1: none
        self.cache: dict[tuple[Any, ...], Kolom] = {}
        self.items: dict[tuple[Any, ...], ItemOmgeving] = {}

    def omgeving(self, toets: Inkomenstoets | None = None) -> RijOmgeving:
        return RijOmgeving(self, toets)

    def sluit(self) -> None:
        """Forget the caches: their item sets point back here, and a cycle would keep the
        group's columns alive until the next full garbage collection."""
        self.cache.clear()
        self.items.clear()


@dataclass(frozen=True)
class Segment:
    """Part of a person or item set: the applicant, the partner, or a list's items."""

    naam: str
    rij: np.ndarray  # the household row of each
    index: np.ndarray | None = None  # for a list: the item numbers in Batch.lijsten
    geheel: bool = False  # every row (applicant) or item (list) in order: read, no gather


class _Omgeving:
    rijen: Rijen
    toets: Inkomenstoets | None
    n: int

    @property
    def kalender(self) -> Kalender:
        return self.rijen.kalender

    def toetsveld(self, veld: str) -> Kolom:
        if self.toets is None:
            raise NietVectoriseerbaar("inkomenstoets buiten een regeling met inkomenstoets")
        if veld == "percentage":
            return constante(self.rijen.periode.parameter(self.toets.percentage))
        return Kolom(WAAR, np.bool_(getattr(self.toets, veld)))

    def toets_sleutel(self, gid: str) -> Any:
        if gid not in self.rijen.periode.toetsafhankelijk or self.toets is None:
            return None
        t = self.toets
        return (t.percentage, t.kostendelersnorm, t.vakantietoeslag)


class RijOmgeving(_Omgeving):
    """One row per household of the group."""

    def __init__(self, rijen: Rijen, toets: Inkomenstoets | None) -> None:
        self.rijen, self.toets, self.n = rijen, toets, rijen.n

    def feit(self, naam: str) -> Kolom:
        k = self.rijen.feiten.get(naam)
        if k is not None:
            return k
        if naam in self.rijen.periode.grootheden:  # a stage-2 fact is a quantity
            return self.grootheid(naam)
        return ontbreekt(self.n)

    def grootheid(self, gid: str) -> Kolom:
        sleutel = ("g", gid, self.toets_sleutel(gid))
        k = self.rijen.cache.get(sleutel)
        if k is None:
            k = self.rijen.cache[sleutel] = self.rijen.periode.grootheid_fn(gid)(self)
        return k

    def categorie(self, veld: str) -> Kolom:
        cat = self.rijen.categorie
        if cat is None:
            return ontbreekt(self.n, benoemd=False)
        return self.rijen.periode.categorie_kolom(veld, cat)

    def persoon(self, veld: str) -> Kolom:
        raise NietVectoriseerbaar(f"persoon: {veld} buiten aantal of som_over")

    def peildatum(self) -> Kolom:
        return Kolom(DATUM, self.rijen.peildag)

    def eerder(self, gid: str, volgorde: str) -> Kolom:
        raise NietVectoriseerbaar("eerder buiten een som over posten")

    def over(self, spec: Personen, als: Fn | None, waarde: Fn | None) -> Kolom:
        """`aantal` / `som_over`: evaluate per person or item, reduce per household."""
        items, ok, benoemd = self._items(spec)
        n = self.n
        geteld: np.ndarray | None = None  # None: every item counts (no gather needed)
        fout = np.zeros(items.n, dtype=bool)
        if als is not None:
            c = als(items)
            geteld = vol(c.ok, items.n) & np.broadcast_to(c.data, (items.n,))
            fout |= ~vol(c.ok, items.n)
            geteld = None if geteld.all() else geteld
        rij = items.rij if geteld is None else items.rij[geteld]
        if waarde is None:
            uit = getallen.getal(np.bincount(rij, minlength=n).astype(np.int64), 1, items.n)
        else:
            w = waarde(items)
            if w.ok is not None:
                fout |= ~vol(w.ok, items.n) if geteld is None else geteld & ~w.ok
            uit = _som_per_rij(rij, w if geteld is None else neem(w, np.flatnonzero(geteld)), n)
        if fout.any():
            slecht = np.bincount(items.rij[fout], minlength=n) > 0
            ok = ~slecht if ok is None else ok & ~slecht
        return uit.met(ok=ok, benoemd=benoemd)

    def _items(self, spec: Personen) -> tuple[ItemOmgeving, Any, Any]:
        """The persons or items of `spec`, and the households for which there are none to
        read (`niet_leeg`: a missing fact; no norm category: nothing to name)."""
        sleutel = ("i", spec.namen, spec.ref, spec.niet_leeg,
                   None if self.toets is None else id(self.toets))
        if sleutel not in self.rijen.items:
            self.rijen.items[sleutel] = ItemOmgeving(self, _segmenten(self, spec))
        items = self.rijen.items[sleutel]
        ok: Any = None
        benoemd: Any = None
        if spec.ref is not None:  # the category's rechthebbenden: none without a category
            cat = self.rijen.categorie
            ok = np.zeros(self.n, dtype=bool) if cat is None else cat >= 0
            benoemd = np.zeros(self.n, dtype=bool)
        if spec.niet_leeg:
            leeg = np.bincount(items.rij, minlength=self.n) == 0
            ok = ~leeg if ok is None else ok & ~leeg
        return items, ok, benoemd


def _segmenten(env: RijOmgeving, spec: Personen) -> list[Segment]:
    """grootheden.Berekening.personen: the applicant, the partner if there is one, each
    item of a list; for the category's rechthebbenden, the partner only where it counts."""
    n, b = env.n, env.rijen.batch
    partner = env.rijen.feiten.get("partner.aanwezig")
    heeft_partner = vol(None if partner is None else partner.data, n).astype(bool)
    namen: Sequence[str] = spec.namen
    if spec.ref is not None:
        cat = env.rijen.categorie
        alleen = env.rijen.periode.alleen_aanvrager(cat) if cat is not None else np.ones(n, bool)
        heeft_partner = heeft_partner & ~alleen
        namen = ("aanvrager", "partner")
    segmenten = []
    for naam in namen:
        if naam == "aanvrager":
            segmenten.append(Segment(naam, np.arange(n), geheel=True))
        elif naam == "partner":
            segmenten.append(Segment(naam, np.flatnonzero(heeft_partner)))
        elif naam in b.lijsten:
            lijst = b.lijsten[naam]
            segmenten.append(Segment(naam, lijst.rij, np.arange(len(lijst.rij)), True))
        else:
            raise NietVectoriseerbaar(f"personen: {naam}")
    return segmenten


def _som_per_rij(rij: np.ndarray, k: Kolom, n: int) -> Kolom:
    """Σ per household of an item value, exactly."""
    if not isinstance(k.noemer, int):
        raise NietVectoriseerbaar("som over waarden met verschillende noemers")
    teller = np.broadcast_to(k.data, rij.shape)
    grens = k.grens * int(np.bincount(rij).max(initial=1)) if len(rij) else 0
    if grens < _VEILIG and teller.dtype != object:
        s = np.rint(np.bincount(rij, weights=teller, minlength=n)).astype(np.int64)
        return getallen.getal(s, k.noemer, grens)
    s = np.zeros(n, dtype=object)
    np.add.at(s, rij, teller.astype(object))
    return getallen.getal(s, k.noemer, grens)


class ItemOmgeving(_Omgeving):
    """One row per person or item; household values are read by the item's row."""

    def __init__(self, ouder: RijOmgeving, segmenten: list[Segment],
                 accu: dict[str, Kolom] | None = None) -> None:
        self.ouder, self.segmenten = ouder, segmenten
        self.rijen, self.toets = ouder.rijen, ouder.toets
        self.rij = np.concatenate([s.rij for s in segmenten]) if segmenten else \
            np.zeros(0, dtype=np.int64)
        self.n = len(self.rij)
        self.accu = accu  # per rank (eerder): what the earlier items of the row used
        self.cache: dict[str, Kolom] = {}

    def feit(self, naam: str) -> Kolom:
        return neem(self.ouder.feit(naam), self.rij)

    def grootheid(self, gid: str) -> Kolom:
        g = self.rijen.periode.grootheden[gid]
        if not g.per_post:
            return neem(self.ouder.grootheid(gid), self.rij)
        if gid not in self.cache:
            if self.accu is None and self.rijen.periode.leest_eerder(gid):
                from .rangen import per_rang
                self.cache.update(per_rang(self, gid))
            else:
                self.cache[gid] = self.rijen.periode.grootheid_fn(gid)(self)
        return self.cache[gid]

    def categorie(self, veld: str) -> Kolom:
        return neem(self.ouder.categorie(veld), self.rij)

    def peildatum(self) -> Kolom:
        return Kolom(DATUM, self.rijen.peildag[self.rij])

    def over(self, spec: Personen, als: Fn | None, waarde: Fn | None) -> Kolom:
        raise NietVectoriseerbaar("aantal of som_over binnen een persoon")

    def eerder(self, gid: str, volgorde: str) -> Kolom:
        if self.accu is None or gid not in self.accu:
            raise NietVectoriseerbaar(f"eerder: {gid}")
        return self.accu[gid]

    def persoon(self, veld: str) -> Kolom:
        delen = [self._lees(s, veld) for s in self.segmenten]
        return _aaneen(delen, [len(s.rij) for s in self.segmenten])

    def _lees(self, s: Segment, veld: str) -> Kolom:
        """grootheden.Berekening._lid and the applicant's or partner's own facts."""
        if s.index is None:
            k = self.ouder.feit(f"{s.naam}.{veld}")
            return k if s.geheel else neem(k, s.rij)
        lijst = self.rijen.batch.lijsten[s.naam]
        if veld == "aow" and s.naam == "kinderen":
            return Kolom(WAAR, np.zeros(len(s.index), dtype=bool))  # as Berekening._lid
        bron = lijst.velden.get("geboortedatum" if veld == "leeftijd" else veld)
        if bron is None:
            return ontbreekt(len(s.index))
        k = bron if s.geheel else neem(bron, s.index)
        if veld == "leeftijd":
            jaren = datums.leeftijd(k.data, self.rijen.peildag[s.rij])
            return getallen.getal(jaren, 1, 200).met(ok=k.ok)
        return k


def _aaneen(delen: list[Kolom], lengtes: list[int]) -> Kolom:
    """The persons' values one after the other (one column over all items)."""
    if len(delen) == 1:
        return delen[0]
    if delen and all(d.soort == GETAL for d in delen):
        noemer = delen[0].noemer
        for d in delen[1:]:
            _, _, noemer, _, _ = getallen.gelijknamig(delen[0].met(noemer=noemer), d)
        delen = [getallen.som([d, getallen.getal(np.int64(0), noemer, 0)]) .met(
            ok=d.ok, benoemd=d.benoemd) for d in delen]

    def stuk(x: Any, n: int, vul: Any) -> np.ndarray:
        return np.broadcast_to(vul if x is None else x, (n,))
    data = np.concatenate([stuk(d.data, m, 0) for d, m in zip(delen, lengtes, strict=True)])
    ok = None if all(d.ok is None for d in delen) else np.concatenate(
        [stuk(d.ok, m, True) for d, m in zip(delen, lengtes, strict=True)])
    benoemd = None if all(d.benoemd is None for d in delen) else np.concatenate(
        [stuk(d.benoemd, m, True) for d, m in zip(delen, lengtes, strict=True)])
    eerste = delen[0]
    return Kolom(eerste.soort, data, eerste.noemer, max(d.grens for d in delen), ok, benoemd)


Omgeving = RijOmgeving | ItemOmgeving

"""`VectorEngine`: a whole caseload at once, per household and regeling.

Households are grouped by gemeente and policy period; each group is one pass of
compiled column functions (periode.py): facts, norm category, each regeling's
voorwaarden, outcome, amounts and first failed ground (beslissen.py). A regeling that
uses a construct the column compiler does not know is decided for its households by the
scalar `Engine` instead (counted in `Resultaat.terugval`), so the answer is always the
scalar one.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np

from ..case import parse_peildatum
from ..compile import needs_norm
from ..errors import InvoerFout
from ..model import Besluitlogica, Regeling, Regelset
from ..policy import load_regelset, stage2_facts
from ..resources import data_root
from ..termijnen import Kalender
from . import datums
from .beslissen import BEDRAG_SOORTEN, Beslisser, Besluiten
from .controle import InvoerKolomFout, check_huishouden
from .feiten import Bron, bouw_feiten
from .formules import NietVectoriseerbaar
from .kolom import WOORDEN, vol
from .kolommen import Batch
from .norm import bereken_norm
from .omgeving import Rijen
from .periode import Periode, wisseldata

Casussen = Callable[[np.ndarray], list[dict[str, Any]]]  # the source cases of some rows


@dataclass
class Regelingkolommen:
    """One regeling over all rows of a batch."""

    gekozen: np.ndarray  # a besluit (or mogelijk recht) is made
    uitkomst: np.ndarray  # index into Resultaat.uitkomsten; -1 where not gekozen
    bedragen: dict[str, tuple[np.ndarray, np.ndarray]]  # key -> (cents, present)
    eerste: np.ndarray  # index into Resultaat.regels; -1: no failed ground
    aangevraagd: np.ndarray  # False: only under mogelijk_recht (aanvraag.regelingen)


@dataclass
class Resultaat:
    n: int
    gemeente: np.ndarray  # slug per household (object array)
    peildatum: np.ndarray  # days since 1970-01-01
    uitkomsten: tuple[str, ...]
    regels: list[str]
    regelingen: dict[str, Regelingkolommen]
    mogelijk_recht: tuple[str, ...] = ()
    terugval: dict[str, int] = field(default_factory=dict)  # regeling -> households
    bedragsoorten: dict[str, tuple[str, ...]] = field(default_factory=dict)
    met_aanvraag: np.ndarray | None = None  # the case lists aanvraag.regelingen


class VectorEngine:
    """The column evaluator over one rules root (default: the packaged rules)."""

    def __init__(self, rules_dir: str | Path | None = None) -> None:
        self.root = Path(rules_dir) if rules_dir is not None else data_root()
        self.regelset: Regelset = load_regelset(self.root)
        assert self.regelset.besluitlogica is not None
        self.logica: Besluitlogica = self.regelset.besluitlogica
        self.kalender = Kalender(self.regelset.feestdagen)
        self._wissel = {slug: np.array([datums.dag(d) for d in wisseldata(self.regelset, b)])
                        for slug, b in self.regelset.beleid.items()}
        self._perioden: dict[tuple[str, int], Periode] = {}
        self._eerste = min(r.geldig_vanaf for b in self.regelset.beleid.values()
                           for vs in b.regelingen.values() for r in vs)
        self._scalair: Any = None
        self._alleen: frozenset[str] | None = None
        alle = {r.id: r for b in self.regelset.beleid.values() for vs in b.regelingen.values()
                for r in vs}
        self.regeling_ids = tuple(sorted(alle, key=lambda i: (alle[i].pakket != "basis", i)))
        self.uitkomsten = tuple(u for u, _ in self.logica.uitkomsten)
        versies = [r for b in self.regelset.beleid.values() for vs in b.regelingen.values()
                   for r in vs]
        self.bedragsoorten = {rid: tuple(k for k in BEDRAG_SOORTEN if any(
            k in r.bedrag_formules for r in versies if r.id == rid)) for rid in self.regeling_ids}

    def periode(self, slug: str, index: int, dag: date) -> Periode:
        sleutel = (slug, index)
        if sleutel not in self._perioden:
            self._perioden[sleutel] = Periode(self.regelset, self.regelset.beleid[slug], dag)
        return self._perioden[sleutel]

    def beslis(self, batch: Batch, gemeente: str | None = None,
               peildatum: str | date | None = None, casussen: Casussen | None = None,
               regels: np.ndarray | None = None,
               regelingen: Sequence[str] | None = None) -> Resultaat:
        """Decide every regeling (or those named, as `evaluate --regeling`) for every
        household of `batch` (`casussen`: the source cases, only needed when a regeling
        falls back to the scalar engine; `regels`: the input line of each row)."""
        self._alleen = frozenset(regelingen) if regelingen is not None else None
        codes, peildag = self._gemeente_en_peildag(batch, gemeente, peildatum, regels)
        check_huishouden(batch, peildag, regels, self.regelset.gemeenten)
        slugs = np.array(WOORDEN.tekst, dtype=object)[codes]
        uit = self._leeg_resultaat(batch.n, slugs, peildag)
        namen, sleutel = self._groepen(codes, peildag)
        if sleutel.ndim == 0:  # one gemeente and period: the batch as it is
            self._groep(uit, batch, namen[0], int(sleutel), np.arange(batch.n), peildag,
                        casussen)
            return uit
        self._aanvul(uit)  # the columns first: each group writes its rows into them
        orde = np.argsort(sleutel, kind="stable")
        geordend = batch if np.all(orde[1:] > orde[:-1]) else batch.deel(orde)
        grenzen = np.flatnonzero(np.diff(sleutel[orde])) + 1
        for begin, eind in zip([0, *grenzen], [*grenzen, batch.n], strict=True):
            g = int(sleutel[orde[begin]])
            self._groep(uit, geordend.plak(begin, eind), namen[g // 10_000], g % 10_000,
                        orde[begin:eind], peildag, casussen)
        return uit

    def _groepen(self, codes: np.ndarray, peildag: np.ndarray) -> tuple[list[str], np.ndarray]:
        """The gemeenten by name, and per row gemeente index × 10,000 + policy period; a
        0-d key when every row has the same (the usual batch: one check, no sort)."""
        if np.all(codes == codes[0]):
            slug = WOORDEN.tekst[int(codes[0])]
            sleutel = np.searchsorted(self._wissel[slug], peildag[0], "right")
            if not np.all(peildag == peildag[0]):
                sleutel = np.searchsorted(self._wissel[slug], peildag, "right")
            return [slug], (sleutel if np.any(sleutel != sleutel.flat[0]) else sleutel.flat[0])
        uniek = np.unique(codes)
        namen = sorted(WOORDEN.tekst[int(c)] for c in uniek)
        index = np.zeros(int(uniek[-1]) + 1, dtype=np.int64)
        index[[WOORDEN.code(slug) for slug in namen]] = np.arange(len(namen))
        code = index[codes]
        sleutel = np.zeros(len(codes), dtype=np.int64)
        for i, slug in enumerate(namen):
            m = code == i
            sleutel[m] = i * 10_000 + np.searchsorted(self._wissel[slug], peildag[m], "right")
        return namen, sleutel

    def _gemeente_en_peildag(self, batch: Batch, gemeente: str | None,
                             peildatum: str | date | None, regels: np.ndarray | None
                             ) -> tuple[np.ndarray, np.ndarray]:
        """Per row the gemeente (its code in WOORDEN: ints compare fast, strings do not)
        and the peildatum."""
        n = batch.n
        if gemeente is not None and gemeente not in self.regelset.beleid:
            raise InvoerFout("gemeente", f"onbekende gemeente '{gemeente}'; kies uit: "
                             + ", ".join(sorted(self.regelset.beleid)))
        g = batch.velden["gemeente"]
        if gemeente is None and not np.all(vol(g.ok, n)):
            raise InvoerKolomFout.eerste("gemeente", ~vol(g.ok, n), regels, "ontbreekt")
        if gemeente is not None:
            codes = np.full(n, WOORDEN.code(gemeente), dtype=np.int64)
        else:
            codes = np.broadcast_to(np.asarray(g.data, dtype=np.int64), (n,))
        onbekend = ~np.isin(codes, [WOORDEN.code(slug) for slug in self.regelset.beleid])
        if onbekend.any():
            raise InvoerKolomFout.eerste("gemeente", onbekend, regels, "gemeente")
        p = batch.velden["peildatum"]
        vandaag = datums.dag(parse_peildatum(None))
        if peildatum is not None:
            peildag = np.full(n, datums.dag(parse_peildatum(peildatum)), dtype=np.int64)
        else:
            peildag = np.where(vol(p.ok, n), p.data, vandaag).astype(np.int64)
        te_vroeg = peildag < datums.dag(self._eerste)
        if np.any(te_vroeg):
            raise InvoerKolomFout.eerste("peildatum", te_vroeg, regels, "begin",
                                         self._eerste.isoformat())
        return codes, peildag

    def _leeg_resultaat(self, n: int, slugs: np.ndarray, peildag: np.ndarray) -> Resultaat:
        """A result without columns: a regeling gets them when a group decides it
        (`_schrijf`), the empty ones otherwise (`_aanvul`)."""
        return Resultaat(n, slugs, peildag, self.uitkomsten, [], {},
                         tuple(self.logica.mogelijk_recht), {}, self.bedragsoorten,
                         np.zeros(n, dtype=bool))

    def _aanvul(self, uit: Resultaat) -> None:
        """Every regeling's columns, in the engine's order; empty where none was decided."""
        uit.regelingen = {rid: _lege_kolommen(uit.n) if k is None else k
                          for rid, k in ((rid, uit.regelingen.get(rid))
                                         for rid in self.regeling_ids)}

    def _groep(self, uit: Resultaat, deel: Batch, slug: str, p: int, rijen: np.ndarray,
               peildag: np.ndarray, casussen: Casussen | None) -> None:
        """One gemeente and period: `deel` holds its households (rows `rijen` of the
        batch)."""
        periode = self.periode(slug, p, datums.als_datum(peildag[rijen[0]]))
        gekozen = {r.id: self._gekozen(r, deel) for r in periode.regelingen.values()}
        if self._alleen is not None:  # named: decided whatever the case contains
            gekozen = {rid: np.full(deel.n, rid in self._alleen) for rid in gekozen}
        try:
            besluiten = self._vector(periode, deel, peildag[rijen], slug, gekozen)
        except NietVectoriseerbaar:
            besluiten = {}
        for rid, r in periode.regelingen.items():
            b = besluiten.get(rid)
            if not gekozen[rid].any():
                continue
            if b is None:
                b = self._scalair_besluit(r, slug, rijen, gekozen[rid], peildag, casussen)
                uit.terugval[rid] = uit.terugval.get(rid, 0) + int(gekozen[rid].sum())
            self._schrijf(uit, rid, rijen, b)
        self._aanvul(uit)
        self._aanvraag(uit, deel, rijen, periode)

    def _vector(self, periode: Periode, deel: Batch, peildag: np.ndarray, slug: str,
                gekozen: dict[str, np.ndarray]) -> dict[str, Besluiten]:
        rijen = Rijen(periode, deel, peildag, {}, self.kalender)
        bouw_feiten(Bron(deel, peildag, periode, slug), rijen)
        regelingen = [r for r in periode.regelingen.values() if gekozen[r.id].any()]
        gebruikt = np.zeros(deel.n, dtype=bool)
        for r in regelingen:
            if needs_norm(r):
                gebruikt |= gekozen[r.id]
        nb = periode.nb
        norm = bereken_norm(nb, rijen, gebruikt) if nb is not None and gebruikt.any() else None
        beslisser = Beslisser(rijen, norm, self.logica,
                              frozenset(stage2_facts(regelingen, nb)))
        uit: dict[str, Besluiten] = {}
        try:
            for r in regelingen:
                try:
                    uit[r.id] = beslisser.regeling(r, gekozen[r.id])
                except NietVectoriseerbaar:
                    continue
        finally:
            rijen.sluit()
        return uit

    def _gekozen(self, r: Regeling, b: Batch) -> np.ndarray:
        """Engine._regelingen: a regeling that answers an application (schuldhulp, kosten)
        only with that part of the case, or when applied for by name."""
        if r.aanvraag is None or not self.logica.aanvraag_alleen_met_casusdeel:
            return np.ones(b.n, dtype=bool)
        return b.gevuld.get(r.aanvraag, np.zeros(b.n, dtype=bool)) | _bij_naam(b, r.id)

    def _schrijf(self, uit: Resultaat, rid: str, rijen: np.ndarray, b: Besluiten) -> None:
        codes = np.array([_code(uit.regels, regel) for regel in b.regels] + [-1])
        uitkomst = np.where(b.gekozen, b.uitkomst, -1)
        eerste = np.where(b.gekozen, codes[b.eerste], -1)
        bedragen = {key: (centen, aanwezig & b.gekozen)
                    for key, (centen, aanwezig) in b.bedragen.items()}
        k = uit.regelingen.get(rid)
        if k is None:
            k = uit.regelingen[rid] = _lege_kolommen(uit.n)
            if len(rijen) == uit.n:  # a group's rows ascend, so these are all, in order:
                # the group's columns become the result's, no scatter into empty ones
                k.bedragen.update({key: (np.array(c, dtype=np.int64), a)
                                   for key, (c, a) in bedragen.items()})
                uit.regelingen[rid] = Regelingkolommen(b.gekozen.copy(), uitkomst, k.bedragen,
                                                       eerste, k.aangevraagd)
                return
        k.gekozen[rijen] = b.gekozen
        k.uitkomst[rijen] = uitkomst
        for key, (centen, aanwezig) in bedragen.items():
            k.bedragen[key][0][rijen] = centen
            k.bedragen[key][1][rijen] = aanwezig
        k.eerste[rijen] = eerste

    def _aanvraag(self, uit: Resultaat, deel: Batch, rijen: np.ndarray,
                  periode: Periode) -> None:
        """aanvraag.regelingen: only those get a besluit; the rest is mogelijk recht."""
        lijst = deel.woordlijsten.get(AANGEVRAAGD)
        if uit.met_aanvraag is not None and AANGEVRAAGD in deel.blokken:
            uit.met_aanvraag[rijen] = deel.blokken[AANGEVRAAGD]
        if lijst is None or not len(lijst.rij):
            if AANGEVRAAGD in deel.blokken and deel.blokken[AANGEVRAAGD].any():
                for k in uit.regelingen.values():  # an empty list: nothing applied for
                    k.aangevraagd[rijen[deel.blokken[AANGEVRAAGD]]] = False
            return
        woord = np.asarray(lijst.velden["woord"].data)
        bekend = np.isin(woord, [WOORDEN.code(rid) for rid in periode.beleid.regelingen])
        if not bekend.all():
            i = int(np.flatnonzero(~bekend)[0])
            raise InvoerKolomFout(f"aanvraag.regelingen[{int(lijst.plaats[i])}]",
                                  int(rijen[lijst.rij[i]]), "regeling")
        met_lijst = rijen[deel.blokken[AANGEVRAAGD]]
        for rid, k in uit.regelingen.items():
            k.aangevraagd[met_lijst] = False
            k.aangevraagd[rijen[_bij_naam(deel, rid)]] = True

    def _scalair_besluit(self, r: Regeling, slug: str, rijen: np.ndarray,
                         gekozen: np.ndarray, peildag: np.ndarray,
                         casussen: Casussen | None) -> Besluiten:
        """The scalar engine for one regeling, on the households that need it."""
        from .terugval import scalair
        if self._scalair is None:
            from ..engine import Engine
            self._scalair = Engine(self.root)
        if casussen is None:
            raise NietVectoriseerbaar(f"{r.id}: terugval zonder casussen")
        return scalair(self._scalair, r, slug, rijen, gekozen, peildag, casussen,
                       self.uitkomsten)


AANGEVRAAGD = "aanvraag.regelingen"


def _lege_kolommen(n: int) -> Regelingkolommen:
    """A regeling no group decided: not chosen, no outcome, no amounts."""
    return Regelingkolommen(
        np.zeros(n, dtype=bool), np.full(n, -1, dtype=np.int64),
        {k: (np.zeros(n, dtype=np.int64), np.zeros(n, dtype=bool)) for k in BEDRAG_SOORTEN},
        np.full(n, -1, dtype=np.int64), np.ones(n, dtype=bool))


def _bij_naam(b: Batch, rid: str) -> np.ndarray:
    """The households that name `rid` in aanvraag.regelingen."""
    uit = np.zeros(b.n, dtype=bool)
    lijst = b.woordlijsten.get(AANGEVRAAGD)
    if lijst is not None and len(lijst.rij):
        uit[lijst.rij[np.asarray(lijst.velden["woord"].data) == WOORDEN.code(rid)]] = True
    return uit


def _code(lijst: list[str], regel: str) -> int:
    try:
        return lijst.index(regel)
    except ValueError:
        lijst.append(regel)
        return len(lijst) - 1


def regels_van(resultaat: Resultaat, rid: str) -> Sequence[str | None]:
    """The first failed ground of regeling `rid` per row, as a regel id."""
    codes = resultaat.regelingen[rid].eerste
    return [None if c < 0 else resultaat.regels[c] for c in codes]

"""One regeling's besluit for every household of a group: outcome, amounts, first failure.

The reasoning is engine.py's, step for step (Engine._voorwaarden, _norm_gronden,
_termijnen, _uitkomst, _bedragen), with per household a mask instead of a list:

- a voorwaarde is decided when every fact it reads is known (the rule engine guards each
  rule by them); it fails where decided and its condition is false;
- an undecided voorwaarde asks for data when one of its facts is missing and named, or
  waits on the norm or the regeling's own calculation that names what it misses;
- no norm category (and no category fact missing) is a ground that is not met;
- the outcome is the first rule of besluitlogica.yaml whose `als` holds; a grant whose
  amount cannot be computed asks for data after all; every other outcome shows the
  amounts the income was tested against (`toetsbedragen`).

"First failed condition" is the `regel` of the first ground with `voldaan: false` in the
scalar besluit: the first voorwaarde in declared order that is decided and false, else
the normbepaling's ground when no norm category fits; none when nothing failed.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..compile import needs_norm
from ..model import Besluitlogica, Regeling, Voorwaarde
from . import getallen
from .formules import NietVectoriseerbaar
from .kolom import GETAL, Kolom, vol
from .norm import Norm
from .omgeving import Rijen, RijOmgeving

# The bedrag keys of the decision document (DESIGN §5), in its order.
BEDRAG_SOORTEN = ("per_maand", "per_jaar", "eenmalig", "norm", "waarvan_vakantietoeslag")
# What besluitlogica.yaml's `als` can name (engine.Engine._uitkomst).
NIET_BEVOEGD, GROND_NIET_VOLDAAN, GEGEVENS_ONTBREKEN = (
    "niet_bevoegd", "een_grond_niet_voldaan", "gegevens_ontbreken")
TOEGEKEND = "toegekend"


@dataclass
class Besluiten:
    """One regeling over the rows of a group."""

    regeling: Regeling
    gekozen: np.ndarray  # a besluit is made for this household
    uitkomst: np.ndarray  # index into Uitkomsten.namen
    bedragen: dict[str, tuple[np.ndarray, np.ndarray]]  # key -> (cents, present)
    eerste: np.ndarray  # index into `regels` of the first failed ground; -1: none
    regels: tuple[str, ...]


class _VoorwaardeOmgeving(RijOmgeving):
    """A voorwaarde reads a computed quantity as the rule engine holds it: in whole cents
    (grootheden.in_centen, half to even) or, for a count, its integer part."""

    def feit(self, naam: str) -> Kolom:
        if naam in self.rijen.feiten or naam not in self.rijen.periode.grootheden:
            return super().feit(naam)
        k = super().feit(naam)
        if k.soort != GETAL:
            return k
        if self.rijen.periode.grootheden[naam].is_geld:
            return getallen.getal(getallen.centen_half_even(k), 100, k.grens * 100 + 1).met(
                ok=k.ok, benoemd=k.benoemd)
        heel = np.asarray(k.data) // k.noemer
        return getallen.getal(np.where(np.asarray(k.data) < 0, -(-np.asarray(k.data)
                                                              // k.noemer), heel),
                              1, k.grens).met(ok=k.ok, benoemd=k.benoemd)


class Beslisser:
    """Decides the regelingen of one group, sharing its facts and norm."""

    def __init__(self, rijen: Rijen, norm: Norm | None, logica: Besluitlogica,
                 fase2: frozenset[str]) -> None:
        self.rijen, self.norm, self.logica, self.fase2 = rijen, norm, logica, fase2
        self.namen = tuple(u for u, _ in logica.uitkomsten)
        self.aanwezig: dict[str, np.ndarray] = dict(norm.aanwezig) if norm else {}

    def _nul(self) -> np.ndarray:
        return np.zeros(self.rijen.n, dtype=bool)

    def eigen(self, r: Regeling) -> np.ndarray:
        """The regeling's own stage-2 quantities (its income limit, its calculation); what
        they leave missing and named (Engine._tussen and _grootheden)."""
        n, env = self.rijen.n, self.rijen.omgeving(r.inkomenstoets)
        nb = self.rijen.periode.nb
        volledig = self.norm.volledig if self.norm is not None else self._nul()
        if r.inkomenstoets is not None and nb is not None:
            grens = env.grootheid(nb.berekening.inkomensgrens)
            self.aanwezig[r.eigen_feit(nb.berekening.inkomensgrens)] = volledig & vol(
                grens.ok, n)
        gids = r.berekening.grootheden if r.berekening is not None else ()
        ok, benoemd = np.ones(n, dtype=bool), self._nul()
        for gid in gids:
            k = env.grootheid(gid)
            benoemd |= ~vol(k.ok, n) & vol(k.benoemd, n)
            ok &= vol(k.ok, n)
        for gid in gids:
            self.aanwezig[gid] = ok
        return ~ok & benoemd

    def _feiten(self, r: Regeling, v: Voorwaarde) -> list[str]:
        """The facts a voorwaarde's rule is guarded by, its own income limit renamed."""
        feiten, params = self.rijen.periode.refs(v.als)
        per = {p for p in params if self.rijen.periode.beleid.parameters[p].per}
        nb = self.rijen.periode.nb
        eigen = {nb.berekening.inkomensgrens: r.eigen_feit(nb.berekening.inkomensgrens)} \
            if nb is not None and r.inkomenstoets is not None else {}
        return sorted({eigen.get(f, f) for f in feiten} | per)

    def _bekend(self, f: str) -> np.ndarray:
        k = self.rijen.feiten.get(f)
        if k is not None:
            return vol(k.ok, self.rijen.n)
        return self.aanwezig.get(f, self._nul())

    def _vraagt(self, f: str, fase2: bool, wacht_op: np.ndarray) -> np.ndarray:
        """Engine._voorwaarden: what an undecided voorwaarde adds to ontbrekende_gegevens."""
        k = self.rijen.feiten.get(f)
        feit_mist = self._nul() if k is None or k.ok is None else ~k.ok & vol(
            k.benoemd, self.rijen.n)
        norm = self.norm
        if norm is not None and f in norm.in_per_grootheid:
            rest = np.where(norm.in_per_grootheid[f], norm.per_grootheid_benoemd[f],
                            fase2 & wacht_op)
        else:
            rest = fase2 & wacht_op
        return feit_mist | rest

    def voorwaarden(self, r: Regeling, wacht_op: np.ndarray) -> tuple[
            list[np.ndarray], np.ndarray, np.ndarray]:
        """Per voorwaarde where it fails; where one asks for data; where the college is
        not competent (a failing voorwaarde with `doorverwijzen_naar`)."""
        env = _VoorwaardeOmgeving(self.rijen, r.inkomenstoets)
        n = self.rijen.n
        falen, vraagt, niet_bevoegd = [], self._nul(), self._nul()
        gevraagd: dict[tuple[str, bool], np.ndarray] = {}  # a fact recurs in voorwaarden
        for v in r.voorwaarden:
            feiten = self._feiten(r, v)
            beslist = np.ones(n, dtype=bool)
            for f in feiten:
                beslist &= self._bekend(f)
            geldt = np.broadcast_to(np.asarray(
                self.rijen.periode.vertaler.conditie(v.als)(env).data, dtype=bool), (n,))
            faalt = beslist & ~geldt
            falen.append(faalt)
            if not beslist.all():
                fase2 = any(f in self.fase2 for f in feiten)
                vraagt |= ~beslist & np.logical_or.reduce(
                    [self._gevraagd(gevraagd, f, fase2, wacht_op) for f in feiten])
            if v.doorverwijzen_naar is not None:
                niet_bevoegd |= faalt
        return falen, vraagt, niet_bevoegd

    def _gevraagd(self, gevraagd: dict[tuple[str, bool], np.ndarray], f: str, fase2: bool,
                  wacht_op: np.ndarray) -> np.ndarray:
        sleutel = (f, fase2)
        if sleutel not in gevraagd:
            gevraagd[sleutel] = self._vraagt(f, fase2, wacht_op)
        return gevraagd[sleutel]

    def regeling(self, r: Regeling, gekozen: np.ndarray) -> Besluiten:
        n = self.rijen.n
        eigen_mist = self.eigen(r)
        norm = self.norm
        gebruikt = needs_norm(r) and norm is not None
        cat_mist = norm.categorie_mist if gebruikt and norm is not None else self._nul()
        norm_mist = norm.ontbreekt_benoemd if norm is not None else self._nul()
        falen, vraagt, niet_bevoegd = self.voorwaarden(r, cat_mist | norm_mist | eigen_mist)
        geen_categorie = (norm.categorie < 0) & ~cat_mist if gebruikt and norm is not None \
            else self._nul()
        afgewezen = np.logical_or.reduce([*falen, geen_categorie]) if falen else geen_categorie
        if self.logica.termijnen_na_afwijzing:
            vraagt |= self._termijnen(r)
        else:
            vraagt |= ~afgewezen & self._termijnen(r)
        tokens = {NIET_BEVOEGD: niet_bevoegd, GROND_NIET_VOLDAAN: afgewezen,
                  GEGEVENS_ONTBREKEN: vraagt}
        uitkomst = self._uitkomst(tokens)
        bedragen, uitkomst = self._bedragen(r, tokens, uitkomst)
        regels = tuple(v.regel for v in r.voorwaarden)
        eerste = np.full(n, -1, dtype=np.int64)
        for i in reversed(range(len(falen))):
            eerste = np.where(falen[i], i, eerste)
        if norm is not None and self.rijen.periode.nb is not None:
            regels += (self.rijen.periode.nb.regel,)
            eerste = np.where((eerste < 0) & geen_categorie, len(regels) - 1, eerste)
        return Besluiten(r, gekozen, uitkomst, bedragen, eerste, regels)

    def _termijnen(self, r: Regeling) -> np.ndarray:
        """A term that starts from a date in the case that is missing (not optional)."""
        vraagt = self._nul()
        for spec in r.termijnen.values():
            if spec.vanaf in r.termijnen or spec.optioneel:
                continue
            k = self.rijen.batch.velden.get(spec.vanaf)
            if k is None:
                raise NietVectoriseerbaar(f"termijn vanaf {spec.vanaf}")
            vraagt |= ~vol(k.ok, self.rijen.n)
        return vraagt

    def _uitkomst(self, tokens: dict[str, np.ndarray]) -> np.ndarray:
        """Besluitlogica.uitkomst: the first outcome whose `als` holds."""
        uit = np.full(self.rijen.n, -1, dtype=np.int64)
        for i in reversed(range(len(self.logica.uitkomsten))):
            als = self.logica.uitkomsten[i][1]
            if als is None:
                uit[:] = i
            elif als in tokens:
                uit = np.where(tokens[als], i, uit)
            else:
                raise NietVectoriseerbaar(f"besluitlogica: als {als}")
        return uit

    def _bedragen(self, r: Regeling, tokens: dict[str, np.ndarray], uitkomst: np.ndarray
                  ) -> tuple[dict[str, tuple[np.ndarray, np.ndarray]], np.ndarray]:
        """Engine._uitkomst's amounts: a grant's (or data asked after all), else the
        tested ones; each rounded half-up to cents."""
        env = self.rijen.omgeving(r.inkomenstoets)
        n = self.rijen.n
        toegekend = uitkomst == self.namen.index(TOEGEKEND) if TOEGEKEND in self.namen \
            else np.zeros(n, dtype=bool)
        waarden: dict[str, tuple[np.ndarray, np.ndarray, np.ndarray]] = {}
        mist = np.zeros(n, dtype=bool)
        for key in BEDRAG_SOORTEN:
            if key in r.bedrag_formules:
                k = self.rijen.periode.vertaler.expr(r.bedrag_formules[key])(env)
                ok = vol(k.ok, n)
                centen = np.broadcast_to(getallen.centen(k), (n,))
                waarden[key] = (centen, ok, vol(k.benoemd, n))
                mist |= toegekend & ~ok & vol(k.benoemd, n)
        if mist.any():
            tokens = {**tokens, GEGEVENS_ONTBREKEN: tokens[GEGEVENS_ONTBREKEN] | mist}
            uitkomst = np.where(toegekend, self._uitkomst(tokens), uitkomst)
            toegekend = uitkomst == self.namen.index(TOEGEKEND)
        toets = set(self.logica.toetsbedragen)
        return {key: (centen, ok & (toegekend | (key in toets)))
                for key, (centen, ok, _) in waarden.items()}, uitkomst

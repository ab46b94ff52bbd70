"""facts.py on columns: the declared facts (rules/algemeen/feiten.yaml) of a group.

Each fact kind of facts.BUILDERS has a column twin here with the same reading of the
case: a value, an assumed default (`standaard`), a missing field (named: `ok` false,
`benoemd` true), or a fact that does not apply because its block is absent (`ok` false,
nothing named). The parameters of a kind (the kostendelers' minimum age, the AOW age in
months) come from the period; `soort: formule` facts are compiled like any formula.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

import numpy as np

from ..facts import lookup
from ..model import Feit
from ..policy import LEEFVORMEN
from . import datums, getallen
from .formules import NietVectoriseerbaar
from .kolom import DATUM, GETAL, TEKST, WAAR, WOORDEN, Kolom, constante, vol
from .kolommen import Batch
from .omgeving import Rijen, RijOmgeving
from .periode import Periode

ALLEENSTAANDE, ALLEENSTAANDE_OUDER, GEHUWDEN = LEEFVORMEN


@dataclass
class Bron:
    """What a fact is built from: the group's columns, peildata and period."""

    batch: Batch
    peildag: np.ndarray
    periode: Periode
    gemeente: str
    gedeeld: dict[str, tuple[np.ndarray, np.ndarray]] = field(default_factory=dict)

    @property
    def n(self) -> int:
        return self.batch.n

    def veld(self, pad: str) -> tuple[Kolom, np.ndarray]:
        """The field at a dotted path and where its block is absent in the sense of
        facts.lookup ('geen_ouder': an absent partner means no partner)."""
        deel, _, rest = pad.partition(".")
        b = self.batch
        if not rest:
            aanwezig = b.blokken.get(deel)
            if aanwezig is None:
                raise NietVectoriseerbaar(f"veld {pad}")
            return Kolom(WAAR, aanwezig, ok=aanwezig), np.zeros(self.n, dtype=bool)
        geen_ouder = lookup({}, f"{deel}.x")[0] == "geen_ouder"
        ouder = ~b.blokken[deel] if geen_ouder else np.zeros(self.n, dtype=bool)
        if pad in b.velden:
            return b.velden[pad], ouder
        if pad in b.woordlijsten:
            lengte = np.bincount(b.woordlijsten[pad].rij, minlength=self.n).astype(np.int64)
            return getallen.getal(lengte, 1, 1000).met(ok=b.blokken[pad]), ouder
        raise NietVectoriseerbaar(f"veld {pad}")

    def param(self, pid: str) -> Any:
        return self.periode.parameter(pid)

    def inkomsten(self, naam: str) -> tuple[np.ndarray, np.ndarray]:
        """Per item of an income list its kind (-1: none) and its cents where it is the
        applicant's or the partner's (there is one) and has an amount, else 0: shared by
        every `som_inkomsten` fact of the list (facts._som_inkomsten)."""
        if naam not in self.gedeeld:
            lijst = self.batch.lijsten[naam]
            m = len(lijst.rij)
            soort, persoon = lijst.velden["soort"], lijst.velden["persoon"]
            wie = np.where(vol(persoon.ok, m), persoon.data, WOORDEN.code("aanvrager"))
            partner = self.batch.blokken["partner"][lijst.rij]
            telt = (wie == WOORDEN.code("aanvrager")) | (
                (wie == WOORDEN.code("partner")) & partner)
            bedrag = lijst.velden["netto_per_maand"]
            self.gedeeld[naam] = (np.where(vol(soort.ok, m), soort.data, -1),
                                  np.where(telt & vol(bedrag.ok, m), bedrag.data, 0))
        return self.gedeeld[naam]


def _uit_veld(f: Feit, bron: Bron, omzetten: Callable[[Kolom], Kolom] | None = None) -> Kolom:
    """facts._from_field: the converted value, else the declared default, else a missing
    field (named) — unless the block is absent (not named)."""
    k, geen_ouder = bron.veld(f.opties["van"])
    waarde = omzetten(k) if omzetten is not None else k
    n = bron.n
    heeft = vol(k.ok, n)
    if "standaard" in f.opties:
        std = constante(f.opties["standaard"])
        from .formules import samen_kies
        waarde = samen_kies(heeft, waarde, std)
        heeft = heeft | ~geen_ouder
    return waarde.met(ok=heeft, benoemd=~geen_ouder, leeg=None)


def _gegeven(f: Feit, bron: Bron) -> Kolom:
    return _uit_veld(f, bron)


def _gemeente(f: Feit, bron: Bron) -> Kolom:
    return Kolom(TEKST, np.int64(WOORDEN.code(bron.gemeente)))


def _aanwezig(f: Feit, bron: Bron) -> Kolom:
    k, _ = bron.veld(f.opties["van"])
    return Kolom(WAAR, vol(k.ok, bron.n).copy())


def _leeftijd(f: Feit, bron: Bron) -> Kolom:
    return _uit_veld(f, bron, lambda k: getallen.getal(datums.leeftijd(k.data, bron.peildag),
                                                       1, 200))


def _aow_bereikt(f: Feit, bron: Bron) -> Kolom:
    maanden = int(bron.param(f.opties["parameter"]))
    return _uit_veld(f, bron, lambda k: Kolom(WAAR, datums.plus_maanden(k.data, maanden)
                                              <= bron.peildag))


def _kinderen(bron: Bron, lijst_naam: str, tot: int, van: int = 0) -> tuple[np.ndarray,
                                                                            np.ndarray]:
    """facts._children: per household the children aged van ≤ age < tot (a child without a
    birth date counts when `van` is 0) and whether a needed birth date is missing."""
    lijst = bron.batch.lijsten[lijst_naam]
    geb = lijst.velden["geboortedatum"]
    heeft = vol(geb.ok, len(lijst.rij))
    leeftijd = datums.leeftijd(geb.data, bron.peildag[lijst.rij])
    telt = heeft & (leeftijd >= van) & (leeftijd < tot)
    if van == 0:
        telt |= ~heeft
    aantal = np.bincount(lijst.rij[telt], minlength=bron.n)
    mist = np.bincount(lijst.rij[~heeft], minlength=bron.n) > 0 if van > 0 \
        else np.zeros(bron.n, dtype=bool)
    return aantal.astype(np.int64), mist


def _aantal_kinderen(f: Feit, bron: Bron) -> Kolom:
    aantal, mist = _kinderen(bron, f.opties["van"], int(f.opties["tot_leeftijd"]),
                             int(f.opties.get("van_leeftijd", 0)))
    return getallen.getal(aantal, 1, 100).met(ok=~mist if mist.any() else None)


def _leefvorm(f: Feit, bron: Bron) -> Kolom:
    partner = bron.batch.blokken[f.opties["partner"]]
    kinderen, _ = _kinderen(bron, f.opties["kinderen"], int(f.opties["tot_leeftijd"]))
    codes = [WOORDEN.code(v) for v in (GEHUWDEN, ALLEENSTAANDE_OUDER, ALLEENSTAANDE)]
    return Kolom(TEKST, np.where(partner, codes[0], np.where(kinderen > 0, codes[1],
                                                                codes[2])))


def _kostendelers(f: Feit, bron: Bron) -> Kolom:
    """facts._kostendelers: medebewoners of the minimum age who are not excepted."""
    lijst = bron.batch.lijsten[f.opties["van"]]
    m = len(lijst.rij)
    minimum = int(bron.param(f.opties["minimumleeftijd"]))
    geb = lijst.velden["geboortedatum"]
    heeft = vol(geb.ok, m)
    telt = heeft & (datums.leeftijd(geb.data, bron.peildag[lijst.rij]) >= minimum)
    for vlag, spec in (f.opties.get("uitgezonderd") or {}).items():
        if isinstance(spec, dict) and not bron.param(spec["geldt"]):
            continue
        k = lijst.velden.get(vlag)
        if k is not None:
            telt &= ~(vol(k.ok, m) & np.asarray(k.data, dtype=bool))
    mist = np.bincount(lijst.rij[~heeft], minlength=bron.n) > 0
    aantal = np.bincount(lijst.rij[telt], minlength=bron.n).astype(np.int64)
    return getallen.getal(aantal, 1, 100).met(ok=~mist if mist.any() else None)


def _som_inkomsten(f: Feit, bron: Bron) -> Kolom:
    """facts._som_inkomsten: the counted incomes of applicant and partner, in cents."""
    naam = f.opties["van"]
    soort, bedrag = bron.inkomsten(naam)
    telt = ~_een_van(soort, f.opties.get("niet_meetellend", []))
    alleen = f.opties.get("alleen", [])
    if alleen:
        telt &= _een_van(soort, alleen)
    totaal = np.bincount(bron.batch.lijsten[naam].rij, weights=np.where(telt, bedrag, 0),
                         minlength=bron.n)
    aanwezig = bron.batch.blokken[naam]
    return getallen.getal(np.rint(totaal).astype(np.int64), 100).met(
        ok=aanwezig, benoemd=np.ones(bron.n, dtype=bool))


def _een_van(codes: np.ndarray, teksten: list[str]) -> np.ndarray:
    """codes ∈ teksten, by a table over every interned text (np.isin sorts); the code -1
    (no text) reads the extra last entry, False."""
    gezocht = [WOORDEN.code(t) for t in teksten]  # may intern a text no case had yet
    tabel = np.zeros(len(WOORDEN.tekst) + 1, dtype=bool)
    tabel[gezocht] = True
    return tabel[codes]


def _vermogen(f: Feit, bron: Bron) -> Kolom:
    pad = f.opties["van"]
    bez, sch = bron.batch.velden[f"{pad}.bezittingen"], bron.batch.velden[f"{pad}.schulden"]
    ok = bron.batch.blokken[pad] & vol(bez.ok, bron.n)
    schulden = np.where(vol(sch.ok, bron.n), sch.data, 0)
    return getallen.getal(bez.data - schulden, 100).met(ok=ok, benoemd=np.ones(bron.n, bool))


def _maanden_sinds(f: Feit, bron: Bron) -> Kolom:
    return _uit_veld(f, bron, lambda k: getallen.getal(
        datums.maanden_tussen(k.data, bron.peildag), 1, 3000))


def _niet_leeg(f: Feit, bron: Bron) -> Kolom:
    return _uit_veld(f, bron, lambda k: Kolom(WAAR, np.asarray(k.data) > 0))


def _jaren_tussen(f: Feit, bron: Bron) -> Kolom:
    van = _uit_veld(f, bron)
    tot, _ = bron.veld(f.opties["tot"])
    k, _ = bron.veld(f.opties["van"])
    heeft_van = vol(k.ok, bron.n)
    jaren = datums.leeftijd(np.asarray(k.data), np.asarray(tot.data))
    std = f.opties.get("standaard", 0)
    data = np.where(heeft_van, jaren, std)
    ok = np.where(heeft_van, vol(tot.ok, bron.n), vol(van.ok, bron.n))
    return getallen.getal(data.astype(np.int64), 1, 10 ** 6).met(ok=ok, benoemd=van.benoemd)


BOUWERS: dict[str, Callable[[Feit, Bron], Kolom]] = {
    "gegeven": _gegeven, "gemeente": _gemeente, "aanwezig": _aanwezig, "leeftijd": _leeftijd,
    "aow_bereikt": _aow_bereikt, "aantal_kinderen": _aantal_kinderen, "leefvorm": _leefvorm,
    "kostendelers": _kostendelers, "som_inkomsten": _som_inkomsten, "vermogen": _vermogen,
    "maanden_sinds": _maanden_sinds, "niet_leeg": _niet_leeg, "jaren_tussen": _jaren_tussen,
}


class _FeitOmgeving(RijOmgeving):
    """What a `soort: formule` fact reads: the facts built so far (facts._FeitOmgeving)."""

    def feit(self, naam: str) -> Kolom:
        k = self.rijen.feiten.get(naam)
        if k is None:
            return Kolom(GETAL, np.int64(0), ok=np.zeros(self.n, bool),
                         benoemd=np.zeros(self.n, bool))
        return k


def _formule(f: Feit, rijen: Rijen) -> Kolom:
    """facts._formule: the value (money rounded to cents, half-up), or absent."""
    assert f.formule is not None
    k = rijen.periode.vertaler.expr(f.formule)(_FeitOmgeving(rijen, None))
    if k.soort == GETAL and f.is_geld:
        return getallen.afronden(k).met(ok=k.ok, benoemd=k.benoemd)
    return k


def bouw_feiten(bron: Bron, rijen: Rijen) -> dict[str, Kolom]:
    """Every declared fact (formula facts last, in their order), then the parameters per
    leefvorm as the household's facts (facts.build_facts)."""
    uit = rijen.feiten
    feiten = bron.periode.beleid.feiten
    for f in feiten.values():
        if f.formule is None:
            bouwer = BOUWERS.get(f.soort)
            if bouwer is None:
                raise NietVectoriseerbaar(f"feit van soort {f.soort}")
            uit[f.naam] = bouwer(f, bron)
    for f in feiten.values():
        if f.formule is not None:
            uit[f.naam] = _formule(f, rijen)
    for pid, p in bron.periode.beleid.parameters.items():
        if p.per and p.per in uit:
            uit[pid] = _per_leefvorm(bron.param(pid), uit[p.per])
    return uit


def _per_leefvorm(waarden: dict[str, Any], leefvorm: Kolom) -> Kolom:
    """A parameter per leefvorm as the household's value."""
    uit: Kolom = constante(Decimal(0))
    from .formules import samen_kies
    for lv, w in waarden.items():
        uit = samen_kies(leefvorm.data == WOORDEN.code(lv), constante(Decimal(str(w))), uit)
    return uit.met(ok=leefvorm.ok, benoemd=leefvorm.benoemd)


_ = DATUM  # dates are columns of kind DATUM (kolom.py)

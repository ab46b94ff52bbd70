"""Input checks on whole columns: what case.py checks per case, per column at once.

The scalar path refuses a case that breaks the contract with `InvoerFout(pad, bericht)`.
Here each rule is one array comparison over a column; the first row that breaks one
raises `InvoerKolomFout` with the field and the row. The caller then asks the scalar
validator for its exact Dutch message on that one case (io.py), so the wording of
input errors stays in case.py.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from typing import TYPE_CHECKING

import numpy as np

from ..case import (
    EERSTE_DATUM,
    KIND_HOOGSTENS,
    LAATSTE_DATUM,
    VERZOEK_NA_JAREN,
    VERZOEK_VOOR_JAREN,
    check_text,
    woonplaats_aanname,
)
from ..errors import InvoerFout
from . import datums
from .indeling import DATUM, GEHEEL, GELD, WOORD, Veld
from .kolom import WOORDEN, Kolom

if TYPE_CHECKING:
    from .kolommen import Batch


class InvoerKolomFout(ValueError):
    """Row `rij` breaks the contract at field `pad` (`soort` says which rule)."""

    def __init__(self, pad: str, rij: int | None, soort: str, extra: str = "") -> None:
        super().__init__(f"{pad}: {soort} {extra}".strip())
        self.pad, self.rij, self.soort, self.extra = pad, rij, soort, extra

    @classmethod
    def eerste(cls, pad: str, fout: np.ndarray, regels: np.ndarray | None, soort: str,
               extra: str = "") -> InvoerKolomFout:
        i = int(np.flatnonzero(fout)[0])
        return cls(pad, int(regels[i]) if regels is not None else i, soort, extra)


_EERSTE, _LAATSTE = datums.dag(EERSTE_DATUM), datums.dag(LAATSTE_DATUM)


def check_veld(veld: Veld, data: np.ndarray, ok: np.ndarray, regels: np.ndarray | None) -> None:
    """The schema's rules for one field: range, enum, pattern, printable text."""
    def fout(m: np.ndarray, soort: str) -> None:
        if np.any(m & ok):
            raise InvoerKolomFout.eerste(veld.pad, m & ok, regels, soort)

    if veld.soort == DATUM:
        fout((data < _EERSTE) | (data > _LAATSTE), "bereik")
    elif veld.soort in (GELD, GEHEEL):
        schaal = 100 if veld.soort == GELD else 1
        if veld.minimum is not None:
            fout(data < veld.minimum * schaal, "minimum")
        if veld.maximum is not None:
            fout(data > veld.maximum * schaal, "maximum")
    elif veld.soort == WOORD:
        _check_woorden(veld, data, ok, regels)


def _check_woorden(veld: Veld, data: np.ndarray, ok: np.ndarray,
                   regels: np.ndarray | None) -> None:
    """Enum, pattern, length and printable text, checked once per distinct text."""
    for code in np.unique(data[ok]):
        tekst = WOORDEN.tekst[int(code)]
        goed = (not veld.opties or tekst in veld.opties) and (
            veld.patroon is None or re.search(veld.patroon, tekst) is not None) and (
            veld.max_lengte is None or len(tekst) <= veld.max_lengte)
        try:
            check_text(veld.pad, tekst)
        except InvoerFout:
            goed = False
        if not goed:
            raise InvoerKolomFout.eerste(veld.pad, ok & (data == code), regels, "woord")


def _ouder_dan(pad: str, k: Kolom, grens: np.ndarray, regels: np.ndarray | None,
               rij: np.ndarray | None = None) -> None:
    """A date that must not lie after `grens` (per row of the household)."""
    g = grens if rij is None else grens[rij]
    fout = k.ok & (k.data > g)  # type: ignore[operator]
    if np.any(fout):
        r = np.flatnonzero(fout)[0]
        r = int(rij[r]) if rij is not None else int(r)
        raise InvoerKolomFout(pad, int(regels[r]) if regels is not None else r, "volgorde")


def check_huishouden(b: Batch, peildag: np.ndarray, regels: np.ndarray | None,
                     gemeenten: Collection[str]) -> None:
    """case.check_household, the partner-income rule and the woonplaats near miss."""
    for pad in ("aanvrager.geboortedatum", "partner.geboortedatum", "minima.laatste_iit_toekenning",
                "aanvrager.in_nederland_sinds", "partner.in_nederland_sinds"):
        _ouder_dan(pad, b.velden[pad], peildag, regels)
    for naam in ("kinderen", "medebewoners"):
        lijst = b.lijsten[naam]
        _ouder_dan(f"{naam}[].geboortedatum", lijst.velden["geboortedatum"], peildag, regels,
                   lijst.rij)
    kind = b.lijsten["kinderen"].velden["geboortedatum"]
    rij = b.lijsten["kinderen"].rij
    te_oud = kind.ok & (datums.leeftijd(kind.data, peildag[rij]) > KIND_HOOGSTENS)
    if np.any(te_oud):
        r = int(rij[np.flatnonzero(te_oud)[0]])
        raise InvoerKolomFout("kinderen[].geboortedatum", int(regels[r]) if regels is not None
                              else r, "leeftijd")
    ink = b.lijsten["inkomsten"]
    _ouder_dan("inkomsten[].sinds", ink.velden["sinds"], peildag, regels, ink.rij)
    hulp = b.velden["schuldhulp.hulpvraag_datum"]
    _ouder_dan("schuldhulp.eerdere_schuldhulp_beeindigd_op",
               b.velden["schuldhulp.eerdere_schuldhulp_beeindigd_op"],
               np.where(hulp.ok, hulp.data, np.iinfo(np.int64).max), regels)  # type: ignore[arg-type]
    for pad in ("schuldhulp.hulpvraag_datum", "aanvraag.melddatum"):
        _verzoek(pad, b.velden[pad], peildag, regels)
    _partner_inkomen(b, regels)
    _woonplaats(b.velden["aanvrager.woonplaats"], regels, gemeenten)


def _verzoek(pad: str, k: Kolom, peildag: np.ndarray, regels: np.ndarray | None) -> None:
    """A request date within VERZOEK_VOOR_JAREN before to VERZOEK_NA_JAREN after."""
    rijen = np.flatnonzero(k.ok)
    if not len(rijen):
        return
    laatste = datums.plus_maanden(peildag[rijen], 12 * VERZOEK_NA_JAREN)
    eerste = datums.plus_maanden(peildag[rijen], -12 * VERZOEK_VOOR_JAREN)
    fout = (k.data[rijen] > laatste) | (k.data[rijen] < eerste)
    if np.any(fout):
        r = int(rijen[np.flatnonzero(fout)[0]])
        raise InvoerKolomFout(pad, int(regels[r]) if regels is not None else r, "verzoek")


def _partner_inkomen(b: Batch, regels: np.ndarray | None) -> None:
    ink = b.lijsten["inkomsten"]
    persoon = ink.velden["persoon"]
    fout = persoon.ok & (persoon.data == WOORDEN.code("partner")) & ~b.blokken["partner"][ink.rij]  # type: ignore[operator]
    if np.any(fout):
        r = int(ink.rij[np.flatnonzero(fout)[0]])
        raise InvoerKolomFout("inkomsten[].persoon", int(regels[r]) if regels is not None
                              else r, "partner")


def _woonplaats(k: Kolom, regels: np.ndarray | None, gemeenten: Collection[str]) -> None:
    """A near miss of a gemeente of the region ('heilo'), once per distinct woonplaats."""
    for code in np.unique(k.data[k.ok]):  # type: ignore[index]
        tekst = WOORDEN.tekst[int(code)]
        try:
            woonplaats_aanname({"aanvrager": {"woonplaats": tekst}}, gemeenten)
        except InvoerFout:
            raise InvoerKolomFout.eerste("aanvrager.woonplaats", k.ok & (k.data == code),  # type: ignore[operator]
                                         regels, "woonplaats") from None

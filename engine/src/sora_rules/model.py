"""Domain values of a policy: parameters, facts, regelingen, gemeenten.

Everything here is immutable; a loaded `Regelset` can be shared between
threads and `Engine` instances without copying.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from datetime import date
from typing import Any


@dataclass(frozen=True)
class Bron:
    """Legal source of a rule or value: what Awb art. 3:47 wants named."""

    regeling: str
    artikel: str
    url: str | None = None

    def to_dict(self) -> dict[str, str]:
        d = {"regeling": self.regeling, "artikel": self.artikel}
        if self.url:
            d["url"] = self.url
        return d

    def kort(self) -> str:
        return f"art. {self.artikel} {self.regeling}"


@dataclass(frozen=True)
class Waarde:
    """One dated value of a parameter, with where it comes from."""

    vanaf: date
    waarde: Any
    status: str
    bron: str


@dataclass(frozen=True)
class Parameter:
    id: str
    beschrijving: str
    eenheid: str
    grondslag: Bron
    waarden: tuple[Waarde, ...]
    bestand: str
    bekend_tot: date | None = None
    per: str | None = None
    pakket: str = "basis"

    def op(self, peildatum: date) -> Waarde | None:
        """The value in force on `peildatum` (the last one that started on or before it)."""
        i = bisect.bisect_right([w.vanaf for w in self.waarden], peildatum)
        return self.waarden[i - 1] if i else None

    @property
    def is_geld(self) -> bool:
        return self.eenheid == "euro"


@dataclass(frozen=True)
class Feit:
    """A fact the rules may use, derived from the case by a named calculation kind."""

    naam: str
    soort: str
    opties: dict[str, Any] = field(hash=False)

    @property
    def is_geld(self) -> bool:
        return self.opties.get("eenheid") == "euro"


@dataclass(frozen=True)
class Voorwaarde:
    """A condition of a regeling: compiled to a pair of engine rules (voldaan / niet)."""

    regel: str
    als: Any = field(hash=False)
    bron: Bron
    tekst_voldaan: str
    tekst_niet_voldaan: str
    bestand: str
    pakket: str


@dataclass(frozen=True)
class Categorie:
    """One norm category; the engine selects the one whose `als` holds."""

    id: str
    norm: str
    als: Any = field(hash=False)
    bron: Bron
    tekst: str
    kostendelers_basis: str | None = None
    kostendelers_jongere_partner: str | None = None


@dataclass(frozen=True)
class Signalering:
    """A point for the consulent: when `als` holds, the decision carries a warning."""

    regel: str
    als: Any = field(hash=False)
    bron: Bron
    tekst: str


@dataclass(frozen=True)
class Regeling:
    id: str
    naam: str
    pakket: str
    grondslag: Bron
    geldig_vanaf: date
    voorwaarden: tuple[Voorwaarde, ...]
    bestand: str
    geldig_tot: date | None = None
    normcategorieen: tuple[Categorie, ...] = ()
    signaleringen: tuple[Signalering, ...] = ()
    berekening: dict[str, Any] = field(default_factory=dict, hash=False)

    def geldig_op(self, peildatum: date) -> bool:
        return self.geldig_vanaf <= peildatum and (
            self.geldig_tot is None or peildatum <= self.geldig_tot
        )


@dataclass(frozen=True)
class Gemeente:
    slug: str
    naam: str
    cbs_code: str
    bestand: str


@dataclass(frozen=True)
class Rechtsmiddelen:
    tekst: str
    bron: Bron


@dataclass(frozen=True)
class Regelset:
    """The basispakket plus all overlays, as loaded from one rules root."""

    parameters: dict[str, Parameter] = field(hash=False)
    feiten: dict[str, Feit] = field(hash=False)
    regelingen: dict[str, Regeling] = field(hash=False)
    gemeenten: dict[str, Gemeente] = field(hash=False)
    rechtsmiddelen: Rechtsmiddelen
    basis_hash: str
    overlay_hashes: dict[str, str] = field(hash=False)

    def versie(self, gemeente: str) -> str:
        """Content hash of the files a decision for `gemeente` rests on."""
        import hashlib

        h = hashlib.sha256()
        h.update(self.basis_hash.encode())
        h.update(self.overlay_hashes.get(gemeente, "").encode())
        return "sha256:" + h.hexdigest()

"""The decision document (DESIGN §5) and its Dutch renderings (the letter: brief.py).

Everything a beschikking must state under Awb art. 3:46–3:47 and 3:45: per
regeling the outcome, the amount, every ground with its legal source, and the
rechtsmiddelenclausule. Output is deterministic: no clock, fixed key order.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from .brief import brief_html, brief_tekst, maak_brief
from .model import Bron
from .teksten import Teksten, datum_tekst, euro_text, standaard_teksten, vul

__all__ = ["Beslissing", "Besluit", "Grond", "datum_tekst", "euro_text", "json_geld",
           "render_html", "render_text", "vul"]

@dataclass(frozen=True)
class Grond:
    regel: str
    voldaan: bool
    tekst: str
    bron: Bron
    bestand: str
    pakket: str

    def to_dict(self) -> dict[str, Any]:
        return {"regel": self.regel, "voldaan": self.voldaan, "tekst": self.tekst,
                "bron": self.bron.to_dict(), "pakket": self.pakket, "bestand": self.bestand}


def json_geld(amount: Decimal) -> float:
    """A money amount as a JSON number that reads back as exactly the same cents.

    The case schema bounds amounts and list lengths so every result stays far below
    2**53 cents, where a float's shortest repr is the decimal itself; should that
    ever fail, refuse (an internal error) rather than publish a different amount.
    """
    getal = float(amount)
    if Decimal(repr(getal)) != amount:  # json.dumps writes repr(getal)
        raise ValueError(f"bedrag {amount} is niet exact als JSON-getal te schrijven")
    return getal


@dataclass(frozen=True)
class Besluit:
    regeling: str
    naam: str
    pakket: str
    uitkomst: str
    bedrag: dict[str, Decimal] = field(hash=False)
    termijnen: dict[str, str] = field(hash=False)
    gronden: tuple[Grond, ...]
    ontbrekende_gegevens: tuple[str, ...]
    aannames: tuple[str, ...]
    waarschuwingen: tuple[str, ...]
    doorverwezen_naar: str | None = None  # the competent body when `doorverwezen` (§7)
    vorm: str | None = None  # om_niet | lening, where the law allows a loan (§7)

    def to_dict(self) -> dict[str, Any]:
        extra: dict[str, Any] = {}  # contract v2 keys, only where they apply
        if self.doorverwezen_naar is not None:
            extra["doorverwezen_naar"] = self.doorverwezen_naar
        if self.vorm is not None:
            extra["vorm"] = self.vorm
        return {
            "regeling": self.regeling,
            "naam": self.naam,
            "pakket": self.pakket,
            "uitkomst": self.uitkomst,
            **extra,
            "bedrag": {k: json_geld(v) for k, v in self.bedrag.items()},
            "termijnen": dict(sorted(self.termijnen.items())),
            "gronden": [g.to_dict() for g in self.gronden],
            "ontbrekende_gegevens": list(self.ontbrekende_gegevens),
            "aannames": list(self.aannames),
            "waarschuwingen": list(self.waarschuwingen),
        }


@dataclass(frozen=True)
class Beslissing:
    """All besluiten for one case, gemeente and peildatum."""

    gemeente: str
    gemeente_naam: str
    peildatum: str
    versie: str
    pluspakket: str
    besluiten: tuple[Besluit, ...]
    rechtsmiddelen: str
    # what the case did not apply for (only when `aanvraag.regelingen` is given, §7)
    mogelijk_recht: tuple[Besluit, ...] | None = None

    def to_dict(self) -> dict[str, Any]:
        extra: dict[str, Any] = {}
        if self.mogelijk_recht is not None:
            extra["mogelijk_recht"] = [b.to_dict() for b in self.mogelijk_recht]
        return {
            "gemeente": self.gemeente,
            "peildatum": self.peildatum,
            "regelset": {"versie": self.versie, "pluspakket": self.pluspakket},
            "besluiten": [b.to_dict() for b in self.besluiten],
            **extra,
            "rechtsmiddelen": self.rechtsmiddelen,
        }

    def to_json(self, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    def to_text(self, teksten: Teksten | None = None) -> str:
        return render_text(self, teksten)

    def to_html(self, teksten: Teksten | None = None) -> str:
        return render_html(self, teksten)


def render_text(b: Beslissing, teksten: Teksten | None = None) -> str:
    """The beschikking as a text letter (brief.py); every sentence from the catalogue."""
    return brief_tekst(maak_brief(b, teksten or standaard_teksten()))


def render_html(b: Beslissing, teksten: Teksten | None = None) -> str:
    """The same letter as one self-contained, printable HTML page."""
    return brief_html(maak_brief(b, teksten or standaard_teksten()))

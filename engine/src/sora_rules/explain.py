"""The decision document (DESIGN §5) and its Dutch text rendering.

Everything a beschikking must state under Awb art. 3:46–3:47 and 3:45: per
regeling the outcome, the amount, every ground with its legal source, and the
rechtsmiddelenclausule. Output is deterministic: no clock, fixed key order.
"""

from __future__ import annotations

import json
import textwrap
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from .model import Bron
from .teksten import Teksten, datum_tekst, euro_text, standaard_teksten, vul

__all__ = ["Beslissing", "Besluit", "Grond", "datum_tekst", "euro_text", "json_geld",
           "render_text", "vul"]

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


def _wrap(text: str, first: str, rest: str) -> list[str]:
    """Wrap at 88 columns without separating "€" from its amount."""
    lines = textwrap.wrap(text.replace("€ ", "€\0"), width=88, initial_indent=first,
                          subsequent_indent=rest)
    return [line.replace("€\0", "€ ") for line in lines]


def render_text(b: Beslissing, teksten: Teksten | None = None) -> str:
    """The beschikking as text; every sentence from the catalogue, dates in Dutch."""
    t = teksten or standaard_teksten()
    lines = [
        t.tekst("besluit.kop", gemeente=b.gemeente_naam),
        t.tekst("besluit.peildatum", peildatum=datum_tekst(b.peildatum)),
        t.tekst("besluit.regelset", versie=b.versie, pluspakket=b.pluspakket),
    ]
    for besluit in b.besluiten:
        lines += ["", *_besluit_regels(besluit, t)]
    lines += ["", t.tekst("besluit.rechtsmiddelen")]
    lines += _wrap(b.rechtsmiddelen, "  ", "  ")
    return "\n".join(lines) + "\n"


def _besluit_regels(besluit: Besluit, t: Teksten) -> list[str]:
    lines = [t.tekst("besluit.regeling", naam=besluit.naam,
                     pakket=t.woord("pakket", besluit.pakket)),
             "  " + t.tekst("besluit.uitkomst", uitkomst=t.woord("uitkomst", besluit.uitkomst))]
    for key, value in besluit.bedrag.items():
        lines.append("  " + t.tekst("besluit.bedrag", soort=t.woord("bedrag", key),
                                    bedrag=euro_text(value)))
    for key, datum in sorted(besluit.termijnen.items()):
        lines.append("  " + t.tekst("besluit.termijn", termijn=t.woord("termijn", key),
                                    datum=datum_tekst(datum)))
    if besluit.gronden:
        lines.append("  " + t.tekst("besluit.gronden"))
        for g in besluit.gronden:
            mark = "[x]" if g.voldaan else "[ ]"
            lines += _wrap(f"{g.tekst} ({g.bron.kort()})", f"   {mark} ", "       ")
    for sleutel, items, merk in (("besluit.ontbrekend", besluit.ontbrekende_gegevens, "-"),
                                 ("besluit.aannames", besluit.aannames, "-"),
                                 ("besluit.waarschuwingen", besluit.waarschuwingen, "!")):
        if items:
            lines.append("  " + t.tekst(sleutel))
            lines += [f"   {merk} {item}" for item in items]
    return lines

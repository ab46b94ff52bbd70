"""The decision document (DESIGN §5) and its Dutch text rendering.

Everything a beschikking must state under Awb art. 3:46–3:47 and 3:45: per
regeling the outcome, the amount, every ground with its legal source, and the
rechtsmiddelenclausule. Output is deterministic: no clock, fixed key order.
"""

from __future__ import annotations

import json
import re
import textwrap
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from .model import Bron

UITKOMST_TEKST = {
    "toegekend": "toegekend",
    "afgewezen": "afgewezen",
    "onvoldoende_gegevens": "nog niet te beoordelen: er ontbreken gegevens",
}


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

    def to_dict(self) -> dict[str, Any]:
        return {
            "regeling": self.regeling,
            "naam": self.naam,
            "pakket": self.pakket,
            "uitkomst": self.uitkomst,
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

    def to_dict(self) -> dict[str, Any]:
        return {
            "gemeente": self.gemeente,
            "peildatum": self.peildatum,
            "regelset": {"versie": self.versie, "pluspakket": self.pluspakket},
            "besluiten": [b.to_dict() for b in self.besluiten],
            "rechtsmiddelen": self.rechtsmiddelen,
        }

    def to_json(self, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    def to_text(self) -> str:
        return render_text(self)


_MAANDEN = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
            "september", "oktober", "november", "december")


_PLAATSHOUDER = re.compile(r"\{([A-Za-z_][A-Za-z0-9_.]*)\}")


def vul(template: str, **waarden: object) -> str:
    """Fill the `{naam}` placeholders of a text from YAML with already formatted values.

    One pass over the template: a value is inserted verbatim and never read as a
    template, so user text such as "bril {kosten}" stays as typed. Placeholders
    without a value stay as they are.
    """

    def waarde(match: re.Match[str]) -> str:
        naam = match.group(1)
        return str(waarden[naam]) if naam in waarden else match.group(0)

    return _PLAATSHOUDER.sub(waarde, template)


def datum_tekst(d: Any) -> str:
    """Dutch date notation: 30 april 2026."""
    return f"{d.day} {_MAANDEN[d.month - 1]} {d.year}"


def euro_text(amount: Decimal) -> str:
    """Dutch money notation: € 1.401,50."""
    text = f"{amount:,.2f}"  # 1,401.50
    return "€ " + text.replace(",", " ").replace(".", ",").replace(" ", ".")


_BEDRAG_LABEL = {
    "per_maand": "per maand",
    "per_jaar": "per jaar",
    "eenmalig": "eenmalig",
    "norm": "toepasselijke norm per maand",
    "waarvan_vakantietoeslag": "waarvan vakantietoeslag",
}


def _wrap(text: str, first: str, rest: str) -> list[str]:
    """Wrap at 88 columns without separating "€" from its amount."""
    lines = textwrap.wrap(text.replace("€ ", "€\0"), width=88, initial_indent=first,
                          subsequent_indent=rest)
    return [line.replace("€\0", "€ ") for line in lines]


def render_text(b: Beslissing) -> str:
    lines = [
        f"BESLUIT — gemeente {b.gemeente_naam}",
        f"Peildatum: {b.peildatum}",
        f"Regelset: {b.versie} (pluspakket {b.pluspakket})",
    ]
    for besluit in b.besluiten:
        lines += ["", f"{besluit.naam} ({besluit.pakket}pakket)",
                  f"  Uitkomst: {UITKOMST_TEKST[besluit.uitkomst]}"]
        for key, value in besluit.bedrag.items():
            lines.append(f"  Bedrag {_BEDRAG_LABEL.get(key, key)}: {euro_text(value)}")
        for key, datum in sorted(besluit.termijnen.items()):
            lines.append(f"  Termijn {key.replace('_', ' ')}: {datum}")
        if besluit.gronden:
            lines.append("  Gronden:")
            for g in besluit.gronden:
                mark = "[x]" if g.voldaan else "[ ]"
                lines += _wrap(f"{g.tekst} ({g.bron.kort()})", f"   {mark} ", "       ")
        if besluit.ontbrekende_gegevens:
            lines.append("  Ontbrekende gegevens (graag aanleveren):")
            lines += [f"   - {p}" for p in besluit.ontbrekende_gegevens]
        if besluit.aannames:
            lines.append("  Aannames:")
            lines += [f"   - {a}" for a in besluit.aannames]
        if besluit.waarschuwingen:
            lines.append("  Waarschuwingen:")
            lines += [f"   ! {w}" for w in besluit.waarschuwingen]
    lines += ["", "Rechtsmiddelen"]
    lines += _wrap(b.rechtsmiddelen, "  ", "  ")
    return "\n".join(lines) + "\n"

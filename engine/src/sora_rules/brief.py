"""The decision letter (beschikking) a consulent can send: as plain text and as one HTML page.

Why: the decision document (`explain.Beslissing`) is complete but reads as data. A
citizen needs, per regeling, what was decided, from when and how much, and why: the
met conditions as reasons, and for a refusal the failed ones as *the* reason. Then
what was assumed (never shown as a met condition), what to watch, what to do (the
inlichtingenplicht), the dates, what else may be claimed and how to object (Awb
3:45–3:47). The letter is built once as a small document (`Brief`: parts with a
heading, paragraphs and lists) and written twice, so the text and the HTML page can
never say different things. Every sentence comes from the catalogue (`brief.*` in
rules/algemeen/teksten.yaml); this module only chooses which, and in what order.
Output is deterministic: no clock, the order of the decision document.
"""

from __future__ import annotations

import html
import re
import textwrap
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .teksten import Teksten, datum_tekst, euro_text

if TYPE_CHECKING:
    from .explain import Beslissing, Besluit, Grond

__all__ = ["Alinea", "Brief", "Deel", "Lijst", "brief_html", "brief_tekst", "maak_brief"]

BREEDTE = 80  # columns of the text letter: readable in a terminal and in an e-mail


@dataclass(frozen=True)
class Alinea:
    """A paragraph; `soort` is its role (a CSS class in HTML)."""

    tekst: str
    soort: str = ""


@dataclass(frozen=True)
class Lijst:
    """A bulleted list, attached to the paragraph before it."""

    punten: tuple[str, ...]
    soort: str = ""


Inhoud = Alinea | Lijst


@dataclass(frozen=True)
class Deel:
    """A part of the letter: an optional heading and its paragraphs and lists."""

    kop: str | None
    inhoud: tuple[Inhoud, ...]
    soort: str


@dataclass(frozen=True)
class Brief:
    """The letter, independent of how it is written out."""

    titel: str
    paginatitel: str
    briefhoofd: tuple[Alinea, ...]
    delen: tuple[Deel, ...]


# ------------------------------------------------------------------ building the letter

# The catalogue key per outcome, amount kind and form of the benefit.
_UITKOMST = {"toegekend": "brief.toegekend", "afgewezen": "brief.afgewezen"}
_BETALING = {"per_maand": "brief.per_maand", "per_jaar": "brief.per_jaar",
             "eenmalig": "brief.eenmalig"}
_NORM = {"norm": "brief.norm", "waarvan_vakantietoeslag": "brief.vakantietoeslag"}
_VORM = {"om_niet": "brief.om_niet", "lening": "brief.lening"}


def maak_brief(b: Beslissing, t: Teksten) -> Brief:
    """The whole letter: heading, one part per besluit, the letter-wide parts, objection."""
    titel = t.tekst("brief.titel")
    afzender = t.tekst("brief.afzender", gemeente=b.gemeente_naam)
    hoofd = (Alinea(afzender, "afzender"),
             Alinea(t.tekst("brief.datum", datum=datum_tekst(b.peildatum)), "datum"),
             Alinea(t.tekst("brief.regelset", versie=b.versie, pluspakket=b.pluspakket),
                    "regelset"))
    extra = (_aannames(b, t), _waarschuwingen(b, t), _plicht(b, t), _termijnen(b, t),
             _mogelijk_recht(b, t))
    delen = (_aanhef(b, t), *(_besluit_deel(x, t) for x in b.besluiten),
             *(d for d in extra if d is not None), _slot(b, t),
             Deel(t.tekst("brief.rechtsmiddelen_kop"), (Alinea(b.rechtsmiddelen),),
                  "rechtsmiddelen"))
    return Brief(titel=titel, paginatitel=f"{titel} — {afzender}", briefhoofd=hoofd,
                 delen=delen)


def _aanhef(b: Beslissing, t: Teksten) -> Deel:
    return Deel(None, (Alinea(t.tekst("brief.aanhef")),
                       Alinea(t.tekst("brief.inleiding", aantal=len(b.besluiten)))), "aanhef")


def _slot(b: Beslissing, t: Teksten) -> Deel:
    return Deel(None, (Alinea(t.tekst("brief.groet")),
                       Alinea(t.tekst("brief.ondertekening", gemeente=b.gemeente_naam))),
                "slot")


def _besluit_deel(x: Besluit, t: Teksten) -> Deel:
    """What was decided (and from when), how much, and why."""
    inhoud: list[Inhoud] = [Alinea(_besluit_zin(x, t), "uitkomst")]
    bedragen = _bedrag_zinnen(x, t)
    if bedragen:
        inhoud.append(Alinea(" ".join(bedragen), "bedrag"))
    inhoud += _redenen(x, t)
    return Deel(x.naam, tuple(inhoud), "besluit")


def _besluit_zin(x: Besluit, t: Teksten) -> str:
    """The decision in one or two sentences; a grant names its starting date if known."""
    if x.uitkomst == "doorverwezen" and x.doorverwezen_naar:
        zin = t.tekst("brief.doorverwezen",
                      instantie=t.woord("instantie", x.doorverwezen_naar))
    elif x.uitkomst in _UITKOMST:
        zin = t.tekst(_UITKOMST[x.uitkomst], naam=x.naam)
    elif x.uitkomst == "onvoldoende_gegevens":
        zin = t.tekst("brief.onvoldoende_gegevens")
    else:
        zin = t.tekst("brief.uitkomst", uitkomst=t.woord("uitkomst", x.uitkomst))
    ingang = x.termijnen.get("ingangsdatum")
    if ingang and x.uitkomst == "toegekend":
        zin += " " + t.tekst("brief.ingangsdatum", datum=datum_tekst(ingang))
    return zin


def _bedrag_zinnen(x: Besluit, t: Teksten) -> list[str]:
    """How much: a payment only for a grant; the applicable norm also with a refusal or
    missing facts, not when another body decides."""
    if x.uitkomst == "doorverwezen":
        return []
    zinnen = []
    for soort, bedrag in x.bedrag.items():
        if soort in _BETALING:
            if x.uitkomst == "toegekend":
                zinnen.append(t.tekst(_BETALING[soort], bedrag=euro_text(bedrag)))
        elif soort in _NORM:
            zinnen.append(t.tekst(_NORM[soort], bedrag=euro_text(bedrag)))
        else:
            zinnen.append(t.tekst("brief.bedrag", soort=t.woord("bedrag", soort),
                                  bedrag=euro_text(bedrag)))
    if x.uitkomst == "toegekend" and x.vorm in _VORM:
        zinnen.append(t.tekst(_VORM[x.vorm]))
    return zinnen


def _grond(g: Grond) -> str:
    return f"{g.tekst} ({g.bron.kort()})"


def _redenen(x: Besluit, t: Teksten) -> list[Inhoud]:
    """Why: met conditions first, then the failed ones as the reason; missing facts last."""
    voldaan = tuple(_grond(g) for g in x.gronden if g.voldaan)
    niet = tuple(_grond(g) for g in x.gronden if not g.voldaan)
    if x.uitkomst == "toegekend":
        return _met_lijst(t.tekst("brief.redenen_toegekend"), voldaan, "voldaan")
    if x.uitkomst == "doorverwezen":
        return _met_lijst(t.tekst("brief.reden_doorverwezen"), niet, "niet-voldaan")
    afgewezen = x.uitkomst == "afgewezen"
    inhoud = _met_lijst(t.tekst("brief.redenen_voldaan" if afgewezen
                                else "brief.redenen_al_voldaan"), voldaan, "voldaan")
    if niet:
        kop = (t.tekst("brief.reden_afwijzing", aantal=len(niet)) if afgewezen
               else t.tekst("brief.niet_voldaan"))
        inhoud += [Alinea(kop, "reden"), Lijst(niet, "niet-voldaan")]
    if x.ontbrekende_gegevens:
        gegevens = tuple(dict.fromkeys(_gegeven(p, t) for p in x.ontbrekende_gegevens))
        inhoud += [Alinea(t.tekst("brief.ontbrekend"), "reden"), Lijst(gegevens, "ontbrekend"),
                   Alinea(t.tekst("brief.ontbrekend_vraag"))]
    return inhoud


def _met_lijst(inleiding: str, punten: tuple[str, ...], soort: str) -> list[Inhoud]:
    return [Alinea(inleiding), Lijst(punten, soort)] if punten else []


def _gegeven(pad: str, t: Teksten) -> str:
    """A missing fact in plain words (`woorden.gegeven`, list index as `[]`); else its path."""
    woorden: Mapping[str, str] = t.woorden.get("gegeven", {})
    return woorden.get(re.sub(r"\[\d+\]", "[]", pad), pad)


def _verzameld(lijsten: Iterable[Iterable[str]]) -> tuple[str, ...]:
    """All items once, in order of first appearance: one list for the whole letter."""
    return tuple(dict.fromkeys(item for lijst in lijsten for item in lijst))


def _aannames(b: Beslissing, t: Teksten) -> Deel | None:
    """Assumed facts in their own part, so they never read as met conditions."""
    aannames = _verzameld(x.aannames for x in b.besluiten)
    if not aannames:
        return None
    return Deel(t.tekst("brief.aannames_kop"),
                (Alinea(t.tekst("brief.aannames")), Lijst(aannames, "aannames")), "aannames")


def _waarschuwingen(b: Beslissing, t: Teksten) -> Deel | None:
    punten = _verzameld(x.waarschuwingen for x in b.besluiten)
    if not punten:
        return None
    return Deel(t.tekst("brief.waarschuwingen_kop"), (Lijst(punten, "waarschuwingen"),),
                "waarschuwingen")


def _plicht(b: Beslissing, t: Teksten) -> Deel | None:
    """The inlichtingenplicht, only with a granted regeling listed under
    `woorden.inlichtingenplicht` (regeling → legal source): policy, so it lives in YAML."""
    bronnen: Mapping[str, str] = t.woorden.get("inlichtingenplicht", {})
    gevonden = _verzameld([bronnen[x.regeling]] for x in b.besluiten
                          if x.uitkomst == "toegekend" and x.regeling in bronnen)
    if not gevonden:
        return None
    inhoud = (*(Alinea(t.tekst("brief.inlichtingenplicht", bron=bron)) for bron in gevonden),
              Alinea(t.tekst("brief.inlichtingenplicht_gevolg")))
    return Deel(t.tekst("brief.plicht_kop"), inhoud, "plicht")


def _termijnen(b: Beslissing, t: Teksten) -> Deel | None:
    """Every date of every besluit, earliest first (ISO dates sort as dates)."""
    rijen = sorted((datum, i, soort) for i, x in enumerate(b.besluiten)
                   for soort, datum in x.termijnen.items())
    if not rijen:
        return None
    punten = tuple(t.tekst("brief.termijn", datum=datum_tekst(datum),
                           termijn=t.woord("termijn", soort), naam=b.besluiten[i].naam)
                   for datum, i, soort in rijen)
    return Deel(t.tekst("brief.termijnen_kop"), (Lijst(punten, "termijnen"),), "termijnen")


def _mogelijk_recht(b: Beslissing, t: Teksten) -> Deel | None:
    """Schemes not applied for that would be granted: named, never decided in this letter."""
    namen = _verzameld([x.naam] for x in b.mogelijk_recht or () if x.uitkomst == "toegekend")
    if not namen:
        return None
    return Deel(t.tekst("brief.mogelijk_recht_kop"),
                (Alinea(t.tekst("brief.mogelijk_recht", aantal=len(namen))),
                 Lijst(namen, "mogelijk-recht"), Alinea(t.tekst("brief.mogelijk_recht_vraag"))),
                "mogelijk-recht")


# ------------------------------------------------------------------ as text


# "€ 1.401,50", "art. 22a" and "lid 1" stay on one line.
_VAST = re.compile(r"(?<!\w)(€|art\.|lid) ")


def _wrap(tekst: str, eerste: str, rest: str) -> list[str]:
    """Wrap at BREEDTE without separating an amount or article number from its word, and
    without splitting a word at its hyphen (AOW-leeftijd)."""
    regels = textwrap.wrap(_VAST.sub("\\1\0", tekst), width=BREEDTE, initial_indent=eerste,
                           subsequent_indent=rest, break_on_hyphens=False,
                           break_long_words=False)
    return [regel.replace("\0", " ") for regel in regels]


def brief_tekst(brief: Brief) -> str:
    """The letter as plain text: headings underlined, lists as '-' with a hanging indent."""
    regels = [a.tekst for a in brief.briefhoofd]
    regels += ["", brief.titel, "=" * len(brief.titel)]
    for deel in brief.delen:
        regels.append("")
        if deel.kop:
            regels += [deel.kop, "-" * len(deel.kop)]
        regels += _tekst_inhoud(deel.inhoud)
    return "\n".join(regels) + "\n"


def _tekst_inhoud(inhoud: tuple[Inhoud, ...]) -> list[str]:
    """Paragraphs separated by a blank line; a list follows its paragraph directly."""
    regels: list[str] = []
    for i, stuk in enumerate(inhoud):
        if isinstance(stuk, Lijst):
            for punt in stuk.punten:
                regels += _wrap(punt, "  - ", "    ")
            continue
        if i:
            regels.append("")
        regels += _wrap(stuk.tekst, "", "")
    return regels


# ------------------------------------------------------------------ as HTML

# Print-friendly and self-contained: system fonts, no URLs, A4 margins when printed.
_CSS = """\
@page { size: A4; margin: 2cm; }
html { font-family: system-ui, "Segoe UI", Arial, sans-serif; font-size: 11pt;
       line-height: 1.45; color: #000; background: #fff; }
body { margin: 0; }
main { max-width: 44rem; margin: 2rem auto; padding: 0 1rem; }
.briefhoofd p { margin: 0; }
.briefhoofd .afzender { font-weight: bold; }
.briefhoofd .regelset { font-size: 8pt; color: #444; overflow-wrap: anywhere; }
h1 { font-size: 16pt; margin: 1.5rem 0 1rem; }
h2 { font-size: 13pt; margin: 1.5rem 0 .5rem; padding-bottom: .1rem;
     border-bottom: 1px solid #888; break-after: avoid; page-break-after: avoid; }
p { margin: .5rem 0; }
ul { margin: .25rem 0 .75rem; padding-left: 1.5rem; }
li { margin: .2rem 0; break-inside: avoid; page-break-inside: avoid; }
.uitkomst, .reden { font-weight: bold; }
ul.niet-voldaan li, ul.ontbrekend li { font-weight: bold; }
section { break-inside: auto; }
.rechtsmiddelen { border-top: 1px solid #000; margin-top: 2rem; }
@media print { main { max-width: none; margin: 0; padding: 0; } }
"""


def brief_html(brief: Brief) -> str:
    """The letter as one printable HTML page; every text is escaped (case data is free text)."""
    e = _html_tekst
    hoofd = "".join(_html_stuk(a) for a in brief.briefhoofd)
    delen = "".join(_html_deel(d) for d in brief.delen)
    return ('<!DOCTYPE html>\n<html lang="nl">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{e(brief.paginatitel)}</title>\n<style>\n{_CSS}</style>\n</head>\n"
            f'<body>\n<main>\n<header class="briefhoofd">\n{hoofd}</header>\n'
            f"<h1>{e(brief.titel)}</h1>\n{delen}</main>\n</body>\n</html>\n")


def _klasse(soort: str) -> str:
    return f' class="{html.escape(soort)}"' if soort else ""


def _html_tekst(tekst: str) -> str:
    """Escaped, with a no-break space after "€", "art." and "lid", as in the text letter."""
    return _VAST.sub("\\1&nbsp;", html.escape(tekst))


def _html_deel(deel: Deel) -> str:
    kop = f"<h2>{_html_tekst(deel.kop)}</h2>\n" if deel.kop else ""
    inhoud = "".join(_html_stuk(s) for s in deel.inhoud)
    return f"<section{_klasse(deel.soort)}>\n{kop}{inhoud}</section>\n"


def _html_stuk(stuk: Inhoud) -> str:
    if isinstance(stuk, Lijst):
        punten = "".join(f"<li>{_html_tekst(p)}</li>\n" for p in stuk.punten)
        return f"<ul{_klasse(stuk.soort)}>\n{punten}</ul>\n"
    return f"<p{_klasse(stuk.soort)}>{_html_tekst(stuk.tekst)}</p>\n"

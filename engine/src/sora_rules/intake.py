"""The intake form for consulenten (`sora-rules serve`: GET and POST /v1/paginas/intake).

Why: at the desk a consulent wants the decision for the household in front of them
without writing a case file. The questions are policy, so they are data
(rules/algemeen/intake.yaml, `soort: formulier`, checked against the case schema by
`sora-rules validate`): each field names its case path, label, kind, choices and
help text. This module only turns those fields into HTML inputs and the submitted
values into a case; the engine's own validation is the form's validation, its
`InvoerFout.pad` naming the field the Dutch message is shown next to.

Every input's name is its case path (`aanvrager.geboortedatum`,
`kinderen[1].geboortedatum`), so an error path maps onto a field without a table.
Rows of a list that were left empty are skipped, so the case index of a row can be
lower than its form index: `Intake.rijen` translates back. The page needs no
script: a switched group (the partner) is always shown and only counts when ticked.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from html import escape
from typing import Any
from urllib.parse import parse_qs

from .engine import Engine
from .errors import InvoerFout
from .model import Regelset
from .paginas import document
from .teksten import Teksten, vul

__all__ = ["Formulier", "FormulierFout", "Groep", "Intake", "Veld", "beoordeel", "casus",
           "formulier", "intake_pagina", "invoer_uit"]

MAX_VELDEN = 500  # a submitted form with more fields is not this form
_SOORTEN_MET_INVOER = ("datum", "bedrag", "geheel", "keuze", "gemeente")
_RIJ = re.compile(r"^([a-z_]+)\[(\d+)\](.*)$")


@dataclass(frozen=True)
class Veld:
    """One question: `pad` in the case (relative to a row in a list group)."""

    pad: str
    label: str
    soort: str  # datum | bedrag | geheel | keuze | gemeente | ja_nee
    verplicht: bool = False
    hulp: str = ""
    keuzes: tuple[tuple[str, str], ...] = ()
    leeg: str = ""
    standaard_van: str = ""


@dataclass(frozen=True)
class Groep:
    """A fieldset: plain, switched on by a tick box (`schakelaar`: case object and its
    label) or a list of the case (`lijst`: case path, number of rows, row heading)."""

    kop: str
    velden: tuple[Veld, ...]
    uitleg: str = ""
    schakelaar: tuple[str, str] | None = None
    lijst: tuple[str, int, str] | None = None

    def rijen(self) -> list[tuple[str, list[tuple[str, Veld]]]]:
        """Per row (one for a group that is no list): its heading, and the input name
        and field of each of its inputs."""
        if self.lijst is None:
            return [("", [(v.pad, v) for v in self.velden])]
        pad, rijen, rij = self.lijst
        return [(vul(rij, nummer=i + 1), [(f"{pad}[{i}].{v.pad}", v) for v in self.velden])
                for i in range(rijen)]


@dataclass(frozen=True)
class Formulier:
    groepen: tuple[Groep, ...]


def _veld(d: Mapping[str, Any]) -> Veld:
    return Veld(pad=d["pad"], label=d["label"], soort=d["soort"],
                verplicht=bool(d.get("verplicht", False)), hulp=d.get("hulp", ""),
                keuzes=tuple(d.get("keuzes", {}).items()), leeg=d.get("leeg", ""),
                standaard_van=d.get("standaard_van", ""))


def formulier(regelset: Regelset, naam: str = "intake") -> Formulier | None:
    """The form `naam` of the rules (validated when they loaded); None without one."""
    data = regelset.formulieren.get(naam)
    if data is None:
        return None
    groepen = []
    for g in data["groepen"]:
        s, lijst = g.get("schakelaar"), g.get("lijst")
        groepen.append(Groep(
            kop=g["kop"], velden=tuple(_veld(v) for v in g["velden"]), uitleg=g.get("uitleg", ""),
            schakelaar=(s["pad"], s["label"]) if s else None,
            lijst=(lijst["pad"], int(lijst["rijen"]), lijst["rij"]) if lijst else None))
    return Formulier(tuple(groepen))


# --------------------------------------------------------------- from input to a case


class FormulierFout(Exception):
    """Unusable input: the Dutch message per input name (or case path)."""

    def __init__(self, fouten: Mapping[str, str]) -> None:
        super().__init__(", ".join(fouten))
        self.fouten = dict(fouten)


@dataclass(frozen=True)
class Intake:
    """The case built from a form, and per list the form row of each case index."""

    casus: dict[str, Any]
    rijen: Mapping[str, tuple[int, ...]] = field(default_factory=dict)

    def veldnaam(self, pad: str) -> str:
        """The input name of a case path (`kinderen[0]` may be form row 2)."""
        m = _RIJ.match(pad)
        if m is None or m.group(1) not in self.rijen:
            return pad
        rijen = self.rijen[m.group(1)]
        index = int(m.group(2))
        return f"{m.group(1)}[{rijen[index] if index < len(rijen) else index}]{m.group(3)}"


def invoer_uit(body: str, t: Teksten) -> dict[str, str]:
    """The submitted fields (application/x-www-form-urlencoded), the first of each name."""
    try:
        velden = parse_qs(body, keep_blank_values=True, max_num_fields=MAX_VELDEN)
    except ValueError:
        raise FormulierFout({"": t.tekst("pagina.intake_te_veel")}) from None
    return {naam: waarden[0] for naam, waarden in velden.items()}


def _bedrag(tekst: str) -> Decimal | None:
    """An amount as typed: 1250,50 or 1.250,50 or 1250.50 (and an optional €)."""
    schoon = tekst.replace("€", "").replace(" ", "").replace("\u00a0", "")
    if "," in schoon:
        schoon = schoon.replace(".", "").replace(",", ".")
    try:
        waarde = Decimal(schoon)
    except InvalidOperation:
        return None
    return waarde if waarde.is_finite() else None


def _waarde(veld: Veld, tekst: str, gemeenten: Mapping[str, str], t: Teksten) -> Any:
    """The case value of a filled-in input; `ValueError` with the Dutch reason if none."""
    if veld.soort == "bedrag":
        bedrag = _bedrag(tekst)
        if bedrag is None:
            raise ValueError(t.tekst("pagina.intake_geen_bedrag", waarde=tekst))
        return bedrag
    if veld.soort == "geheel":
        if not re.fullmatch(r"-?[0-9]{1,6}", tekst):
            raise ValueError(t.tekst("pagina.intake_geen_getal", waarde=tekst))
        return int(tekst)
    keuzes = gemeenten if veld.soort == "gemeente" else dict(veld.keuzes)
    if veld.soort in ("keuze", "gemeente") and tekst not in keuzes:
        raise ValueError(t.tekst("pagina.intake_geen_keuze", waarde=tekst))
    return tekst


def _zet(doel: dict[str, Any], pad: str, waarde: Any) -> None:
    *boven, laatste = pad.split(".")
    for deel in boven:
        doel = doel.setdefault(deel, {})
    doel[laatste] = waarde


@dataclass
class _Bouw:
    """The case under construction and the errors found so far."""

    invoer: Mapping[str, str]
    gemeenten: Mapping[str, str]
    t: Teksten
    casus: dict[str, Any] = field(default_factory=dict)
    fouten: dict[str, str] = field(default_factory=dict)
    rijen: dict[str, tuple[int, ...]] = field(default_factory=dict)

    def vul(self, doel: dict[str, Any], pad: str, naam: str, veld: Veld) -> None:
        """Put one input into `doel` at `pad`; an empty one is absent (or an error), or
        takes the value of its `standaard_van` field (whose own error says what is wrong)."""
        if veld.soort == "ja_nee":
            _zet(doel, pad, naam in self.invoer)
            return
        tekst = self.invoer.get(naam, "").strip()
        overgenomen = not tekst and bool(veld.standaard_van)
        if overgenomen:
            tekst = self.invoer.get(veld.standaard_van, "").strip()
        if not tekst:
            if veld.verplicht:
                self.fouten[naam] = self.t.tekst("pagina.intake_leeg")
            return
        try:
            _zet(doel, pad, _waarde(veld, tekst, self.gemeenten, self.t))
        except ValueError as exc:
            if not overgenomen:
                self.fouten[naam] = str(exc)

    def lijst(self, groep: Groep) -> None:
        """A list group: a case item per row with anything but a tick box filled in."""
        assert groep.lijst is not None
        pad, rijen, _ = groep.lijst
        items, gebruikt = [], []
        for i in range(rijen):
            namen = [(f"{pad}[{i}].{v.pad}", v) for v in groep.velden]
            if not any(self.invoer.get(n, "").strip() for n, v in namen
                       if v.soort in _SOORTEN_MET_INVOER):
                continue
            item: dict[str, Any] = {}
            for naam, veld in namen:
                self.vul(item, veld.pad, naam, veld)
            items.append(item)
            gebruikt.append(i)
        self.casus[pad] = items
        self.rijen[pad] = tuple(gebruikt)


def casus(f: Formulier, invoer: Mapping[str, str], gemeenten: Mapping[str, str],
          t: Teksten) -> Intake:
    """The case the form describes; `FormulierFout` names every input that is unusable.

    Empty inputs are left out (the engine says what it misses), an unticked box is
    `false`, a list without filled rows is empty, and a switched group only counts
    when its box is ticked."""
    bouw = _Bouw(invoer, gemeenten, t)
    for groep in f.groepen:
        if groep.lijst is not None:
            bouw.lijst(groep)
            continue
        if groep.schakelaar is not None:
            if groep.schakelaar[0] not in invoer:
                continue
            bouw.casus.setdefault(groep.schakelaar[0], {})
        for veld in groep.velden:
            bouw.vul(bouw.casus, veld.pad, veld.pad, veld)
    if bouw.fouten:
        raise FormulierFout(bouw.fouten)
    return Intake(bouw.casus, bouw.rijen)


def beoordeel(engine: Engine, f: Formulier, body: str, t: Teksten) -> tuple[int, str]:
    """A submitted form: (200, the decision letter as HTML, as `evaluate --format html`)
    or (400, the form again with every value kept and the errors at their fields)."""
    gemeenten = gemeente_namen(engine.regelset)
    invoer: dict[str, str] = {}
    try:
        invoer = invoer_uit(body, t)
        intake = casus(f, invoer, gemeenten, t)
        try:
            besluit = engine.evaluate(intake.casus)
        except InvoerFout as exc:
            raise FormulierFout({intake.veldnaam(exc.pad): exc.bericht}) from None
    except FormulierFout as fout:
        return 400, intake_pagina(f, gemeenten, t, invoer, fout.fouten)
    return 200, besluit.to_html(t)


def gemeente_namen(regelset: Regelset) -> dict[str, str]:
    """slug → name of every gemeente of the rules, by slug."""
    return {slug: regelset.gemeenten[slug].naam for slug in sorted(regelset.gemeenten)}


# ------------------------------------------------------------------------ the page


def _e(waarde: object) -> str:
    return escape(str(waarde), quote=True)


def _id(naam: str) -> str:
    return "veld-" + re.sub(r"[^a-z0-9]+", "-", naam.lower()).strip("-")


@dataclass(frozen=True)
class _Stand:
    """What the page shows: the values typed so far and the errors per input name."""

    invoer: Mapping[str, str]
    fouten: Mapping[str, str]
    gemeenten: Mapping[str, str]
    t: Teksten


def _keuzelijst(veld: Veld, waarde: str, stand: _Stand) -> str:
    keuzes = stand.gemeenten.items() if veld.soort == "gemeente" else veld.keuzes
    leeg = veld.leeg or stand.t.tekst("pagina.intake_kies")
    opties = [f'<option value=""{" selected" if not waarde else ""}>{_e(leeg)}</option>']
    opties += [f'<option value="{_e(k)}"{" selected" if k == waarde else ""}>{_e(label)}</option>'
               for k, label in keuzes]
    return "".join(opties)


def _invoer(veld: Veld, naam: str, attrs: str, stand: _Stand) -> str:
    """The input element itself, with the value typed before."""
    waarde = stand.invoer.get(naam, "")
    if veld.soort in ("keuze", "gemeente"):
        return f"<select {attrs}>{_keuzelijst(veld, waarde, stand)}</select>"
    soort = {"datum": 'type="date"', "bedrag": 'type="text" inputmode="decimal"',
             "geheel": 'type="text" inputmode="numeric"'}[veld.soort]
    return f'<input {soort} {attrs} value="{_e(waarde)}">'


def _veld_html(veld: Veld, naam: str, kop: str, altijd: bool, stand: _Stand) -> str:
    """One field: label (with its required mark), help, error, input; linked by id."""
    vid, fout, t = _id(naam), stand.fouten.get(naam), stand.t
    hulp = f'<p class="hulp" id="hulp-{vid}">{_e(veld.hulp)}</p>' if veld.hulp else ""
    melding = f'<p class="fout" id="fout-{vid}">{_e(fout)}</p>' if fout else ""
    beschreven = " ".join(i for i, deel in ((f"hulp-{vid}", hulp), (f"fout-{vid}", melding))
                          if deel)
    attrs = (f'id="{vid}" name="{_e(naam)}"' + (" required" if veld.verplicht and altijd else "")
             + (' aria-invalid="true"' if fout else "")
             + (f' aria-describedby="{beschreven}"' if beschreven else ""))
    klasse = f"veld {veld.soort}" + (" heeft-fout" if fout else "")
    label = _e(veld.label if not kop else f"{veld.label} ({kop})")
    if veld.soort == "ja_nee":
        vink = " checked" if naam in stand.invoer else ""
        return (f'<div class="{klasse}"><input type="checkbox" {attrs} value="ja"{vink}> '
                f'<label for="{vid}">{label}</label>{hulp}{melding}</div>')
    if veld.verplicht:
        merk = t.tekst("pagina.intake_verplicht" if altijd else "pagina.intake_verplicht_groep")
        label += f' <span class="verplicht">{_e(merk)}</span>'
    return (f'<div class="{klasse}"><label for="{vid}">{label}</label>{hulp}{melding}'
            f"{_invoer(veld, naam, attrs, stand)}</div>")


def _groep_html(groep: Groep, stand: _Stand) -> list[str]:
    """A fieldset; a list group has a nested fieldset per row."""
    delen = ["<fieldset>", f"<legend>{_e(groep.kop)}</legend>"]
    if groep.uitleg:
        delen.append(f'<p class="hulp">{_e(groep.uitleg)}</p>')
    if groep.schakelaar is not None:
        pad, label = groep.schakelaar
        delen.append(_veld_html(Veld(pad, label, "ja_nee"), pad, "", True, stand))
    altijd = groep.schakelaar is None and groep.lijst is None
    for kop, velden in groep.rijen():
        rij = [_veld_html(veld, naam, kop, altijd, stand) for naam, veld in velden]
        delen += ["<fieldset>", f"<legend>{_e(kop)}</legend>", *rij, "</fieldset>"] if kop \
            else rij
    return [*delen, "</fieldset>"]


def _labels(f: Formulier) -> dict[str, str]:
    """Input name → how the error summary names it."""
    labels = {}
    for groep in f.groepen:
        if groep.schakelaar is not None:
            labels[groep.schakelaar[0]] = groep.schakelaar[1]
        labels.update({naam: f"{kop}, {v.label}" if kop else v.label
                       for kop, velden in groep.rijen() for naam, v in velden})
    return labels


def _overzicht(f: Formulier, fouten: Mapping[str, str], t: Teksten) -> list[str]:
    """The errors at the top, each linking to its field (or, without one, its path)."""
    labels = _labels(f)
    punten = []
    for naam, bericht in fouten.items():
        if naam in labels:
            tekst = t.tekst("pagina.intake_fout", veld=labels[naam], bericht=bericht)
            punten.append(f'<li><a href="#{_id(naam)}">{_e(tekst)}</a></li>')
        else:
            tekst = t.tekst("pagina.intake_fout", veld=naam, bericht=bericht) if naam else bericht
            punten.append(f"<li>{_e(tekst)}</li>")
    kop = t.tekst("pagina.intake_fouten", aantal=len(fouten))
    return ['<div class="foutmeldingen" role="alert" aria-labelledby="foutkop">',
            f'<h2 id="foutkop">{_e(kop)}</h2>', "<ul>", *punten, "</ul>", "</div>"]


def intake_pagina(f: Formulier, gemeenten: Mapping[str, str], t: Teksten,
                  invoer: Mapping[str, str] | None = None,
                  fouten: Mapping[str, str] | None = None) -> str:
    """The form as one page (no script), filled with `invoer` and showing `fouten`."""
    stand = _Stand(invoer or {}, fouten or {}, gemeenten, t)
    inhoud = [f"<p>{_e(t.tekst('pagina.intake_uitleg'))}</p>"]
    if stand.fouten:
        inhoud += _overzicht(f, stand.fouten, t)
    inhoud.append('<form method="post" accept-charset="utf-8" novalidate>')
    for groep in f.groepen:
        inhoud += _groep_html(groep, stand)
    inhoud += [f'<button type="submit">{_e(t.tekst("pagina.intake_versturen"))}</button>',
               "</form>"]
    return document(t.tekst("pagina.intake_titel"), inhoud)

"""Validation of every text in rules/ and gemeenten/: placeholders and spelled-out values.

Why: a text is printed on a beschikking. An unknown `{naam}` would be printed as
typed, and a text that spells out a parameter's value ("120%") tells the citizen
the wrong figure the day the parameter changes. Both are found at load time, at
the text's `file:line:col`. Called once from `policy.load_regelset`;
policy's `_tekst_refs` already checks voorwaarden, signaleringen and
normcategorie texts, so those placeholders are not checked twice here.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator, Mapping
from decimal import Decimal
from typing import Any

from .expressie import ExpressieFout, parse_conditie
from .load import Document, Pad
from .model import Beleid, Normbepaling, Parameter
from .teksten import CATALOGUS, PLAATSHOUDER, SLEUTELS, WOORDSOORTEN, Teksten, uit_document
from .validate import Melding

# The names the engine fills in its own texts, per file kind (engine.py, calculate.py).
ENGINE_NAMEN: dict[str, frozenset[str]] = {
    "besluitvorming": frozenset({"regeling", "datum", "iso", "peildatum", "parameter", "pad",
                                 "waarde", "vanaf"}),
    "normbepaling": frozenset({"percentage", "norm", "vakantietoeslag", "kostendelersnorm",
                               "grens", "toelichting", "bedrag", "nummer", "reden"}),
    "kalender": frozenset({"dagen", "einde", "grondslag", "status"}),
    "regeling": frozenset({"weken", "werkdagen", "vanaf", "datum", "nummer"}),
}
ENGINE_NAMEN["gemeente"] = ENGINE_NAMEN["regeling"]
# an `uitleg` with `per_detail`, and the fields of an item (`posten`) a ground explains
ENGINE_NAMEN["grootheden"] = frozenset({"nummer", "reden", "post.omschrijving", "post.datum",
                                        "post.sinds",
                                        "parameter", "datum", "pad", "waarde", "vanaf"})
_ALTIJD = frozenset({"gemeente", "gemeente.naam"})
_TEKSTSLEUTELS = ("tekst", "teksten", "toelichting")
# Checked by policy._tekst_refs (with the parameters they make the engine read).
_AL_GECONTROLEERD = ("voorwaarden", "signaleringen", "normcategorieen")
_ACCOLADE = re.compile(r"[{}]")


def controleer_teksten(docs: Mapping[str, Document], beleid: Mapping[str, Beleid],
                       nb: Normbepaling | None) -> list[Melding]:
    """All text findings: the catalogue, engine texts, and (when on) spelled-out values."""
    from .policy import stage2_facts

    catalogus = docs.get(CATALOGUS)
    meldingen = _catalogus(catalogus) if catalogus is not None else [Melding(
        CATALOGUS, "de tekstcatalogus ontbreekt: een bestand met 'soort: teksten' en de "
        "teksten van besluit, overzichten en command line (kopieer het uit de meegeleverde "
        "regels)")]
    params = {pid for pol in beleid.values() for pid in pol.parameters}
    bekend = frozenset({f for pol in beleid.values() for f in pol.feiten}) | set(stage2_facts(
        [r for pol in beleid.values() for vs in pol.regelingen.values() for r in vs], nb))
    bekend |= _grootheid_namen(docs)
    for doc in docs.values():
        soort = doc.data.get("soort") if isinstance(doc.data, dict) else None
        if soort == "teksten" and doc is not catalogus:
            meldingen.append(Melding(doc.plaats(("soort",)),
                                     f"de tekstcatalogus hoort in {CATALOGUS}"))
        elif isinstance(soort, str) and soort != "teksten":
            namen = bekend | params | _ALTIJD | ENGINE_NAMEN.get(soort, frozenset())
            meldingen += _engine_teksten(doc, namen)
    meldingen += uitgeschreven_waarden(docs, beleid)
    return meldingen


def _grootheid_namen(docs: Mapping[str, Document]) -> frozenset[str]:
    """The declared quantities (`soort: grootheden`): their values fill texts too."""
    return frozenset(naam for doc in docs.values() if isinstance(doc.data, dict)
                     and doc.data.get("soort") == "grootheden"
                     for naam in doc.data.get("grootheden") or {})


def _catalogus(doc: Document) -> list[Melding]:
    """Keys against the code's contract (`SLEUTELS`), and each text's placeholders."""
    data = doc.data
    teksten = data.get("teksten") if isinstance(data, dict) else None
    if not isinstance(teksten, dict):
        return []  # the schema has said why
    meldingen = [Melding(doc.plaats(("teksten",), sleutel=True), f"tekstsleutel ontbreekt: "
                         f"'{k}' (plaatshouders: {_opsomming(SLEUTELS[k])})")
                 for k in SLEUTELS if k not in teksten]
    for sleutel, tekst in teksten.items():
        pad = ("teksten", sleutel)
        if sleutel not in SLEUTELS:
            gelijk = difflib.get_close_matches(sleutel, list(SLEUTELS), n=1, cutoff=0.7)
            meldingen.append(Melding(doc.plaats(pad, sleutel=True), f"onbekende tekstsleutel "
                                     f"'{sleutel}'" + (f"; bedoelt u '{gelijk[0]}'?" if gelijk
                                                        else "")))
        elif isinstance(tekst, str):
            meldingen += _plaatshouders(doc, pad, tekst, frozenset(SLEUTELS[sleutel]),
                                        f"deze tekst kent: {_opsomming(SLEUTELS[sleutel])}")
    woorden = data.get("woorden", {})
    meldingen += [Melding(doc.plaats(("woorden",) if "woorden" in data else ("soort",)),
                          f"woordenlijst ontbreekt: 'woorden: {{{s}: …}}'")
                  for s in WOORDSOORTEN if not isinstance(woorden, dict) or s not in woorden]
    return meldingen


def _opsomming(namen: tuple[str, ...] | frozenset[str]) -> str:
    return ", ".join("{" + n + "}" for n in sorted(namen)) or "geen"


def _plaatshouders(doc: Document, pad: Pad, tekst: str, namen: frozenset[str],
                   uitleg: str) -> list[Melding]:
    """Unknown names, and braces that are no placeholder (they would print as typed)."""
    meldingen = []
    for m in PLAATSHOUDER.finditer(tekst):
        if m.group(1) not in namen:
            meldingen.append(Melding(doc.plaats(pad), f"onbekende plaatshouder "
                                     f"'{{{m.group(1)}}}'; {uitleg}"))
    rest = PLAATSHOUDER.sub("", tekst)
    if _ACCOLADE.search(rest):
        meldingen.append(Melding(doc.plaats(pad), "losse accolade: een plaatshouder is "
                                 "{naam} of {aantal|enkelvoud|meervoud}"))
    return meldingen


def _teksten_in(data: Any, pad: Pad = (), in_tekst: bool = False) -> Iterator[tuple[Pad, str]]:
    """(path, text) of every string under a `tekst`, `teksten` or `toelichting` key."""
    if isinstance(data, str) and in_tekst:
        yield pad, data
    elif isinstance(data, dict):
        for k, v in data.items():
            if k in _AL_GECONTROLEERD:
                continue
            yield from _teksten_in(v, (*pad, k), in_tekst or k in _TEKSTSLEUTELS)
    elif isinstance(data, list):
        for i, v in enumerate(data):
            yield from _teksten_in(v, (*pad, i), in_tekst)


def _engine_teksten(doc: Document, namen: frozenset[str]) -> list[Melding]:
    """Texts the engine fills itself (terms, calculations, Awb, calendar, toelichtingen)."""
    uitleg = "verwacht een feit, een parameter of een berekend bedrag"
    meldingen: list[Melding] = []
    for pad, tekst in _teksten_in(doc.data):
        meldingen += _plaatshouders(doc, pad, tekst, namen, uitleg)
    return meldingen


# ------------------------------------------------------------------ spelled-out values


def _regelingen_in(doc: Document) -> Iterator[tuple[Pad, dict[str, Any]]]:
    data = doc.data if isinstance(doc.data, dict) else {}
    if isinstance(data.get("regeling"), dict):
        yield ("regeling",), data["regeling"]
    for i, r in enumerate(data.get("regelingen") or ()):
        if isinstance(r, dict):
            yield ("regelingen", i), r


def _parameters_van(r: dict[str, Any]) -> set[str]:
    """The parameters a regeling's conditions, income test and amounts name."""
    from .afhankelijkheid import bedrag_refs

    ids: set[str] = set()
    for v in r.get("voorwaarden") or ():
        try:
            ids |= parse_conditie(v.get("als")).refs()["parameter"] if isinstance(v, dict) \
                else set()
        except ExpressieFout:
            continue  # reported where the regeling is built
    toets = r.get("inkomenstoets")
    if isinstance(toets, dict) and isinstance(toets.get("percentage"), str):
        ids.add(toets["percentage"])
    if isinstance(r.get("bedrag"), dict):
        ids |= bedrag_refs(list(r["bedrag"].values()))[1]
    return ids


def _schrijfwijzen(p: Parameter, teksten: Teksten) -> set[str]:
    """Each dated value of `p` as the listings print it (120%, € 1.401,50, 36 maanden)."""
    from .listing import waarde_tekst

    return {waarde_tekst(w.waarde, p.eenheid, teksten) for w in p.waarden
            if isinstance(w.waarde, int | Decimal) and not isinstance(w.waarde, bool)}


def _regeling_teksten(r: dict[str, Any], pad: Pad) -> Iterator[tuple[Pad, str]]:
    for i, v in enumerate(r.get("voorwaarden") or ()):
        for k, t in ((v.get("tekst") or {}) if isinstance(v, dict) else {}).items():
            yield (*pad, "voorwaarden", i, "tekst", k), t
    for i, s in enumerate(r.get("signaleringen") or ()):
        if isinstance(s, dict) and isinstance(s.get("tekst"), str):
            yield (*pad, "signaleringen", i, "tekst"), s["tekst"]
    toets = r.get("inkomenstoets")
    if isinstance(toets, dict) and isinstance(toets.get("toelichting"), str):
        yield (*pad, "inkomenstoets", "toelichting"), toets["toelichting"]


def uitgeschreven_waarden(docs: Mapping[str, Document], beleid: Mapping[str, Beleid]
                          ) -> list[Melding]:
    """Texts of a regeling that spell out the value of a parameter it uses."""
    catalogus = docs.get(CATALOGUS)
    if catalogus is None or not isinstance(catalogus.data.get("woorden"), dict):
        return []
    teksten = uit_document(catalogus)
    meldingen = []
    for doc in docs.values():
        for pad, r in _regelingen_in(doc):
            schrijf = {(pid, w) for pid in _parameters_van(r) for pol in beleid.values()
                       if pid in pol.parameters
                       for w in _schrijfwijzen(pol.parameters[pid], teksten)}
            for tpad, tekst in _regeling_teksten(r, pad):
                for pid, w in sorted(schrijf):
                    if isinstance(tekst, str) and re.search(
                            r"(?<![\d.,])" + re.escape(w).replace(r"\ ", r"\s?") + r"(?![\d])",
                            tekst):
                        meldingen.append(Melding(doc.plaats(tpad), f"noem de waarde met "
                                                 f"{{{pid}}} in plaats van '{w}'"))
    return meldingen

"""Scheme templates (`soort: sjablonen`): a regeling written once, instantiated with parameters.

The minima schemes of the region share one shape (woonplaats, leeftijd, an income test as
a percentage of the applicable bijstandsnorm, optionally vermogen); writing it out per
gemeente copied mistakes along with it. A template declares named, typed parameters and a
regeling body with `${naam}` placeholders; an overlay (or a basispakket file) instantiates
it with `- sjabloon: <naam>` and only what differs. Expansion is plain data in, plain data
out, before the regeling is built, so the engine never sees a template.

Placements stay exact: the expanded regeling lives in a `Samengesteld` document whose
paths report where each value came from (the instance's parameter or the template), so a
finding about an instantiated regeling still names `file:line:col` an advisor can open.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from .load import Document, Pad
from .validate import Melding, check_schema

# `${naam}`: distinct from the `{feit}` placeholders a text fills at evaluation time.
PLAATSHOUDER = re.compile(r"\$\{([a-z_][a-z0-9_.]*)\}")
# Parameters every instance in an overlay has without declaring them.
GEMEENTE_PARAMETERS = ("gemeente.naam", "gemeente.slug")
_DATUM = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
# Parameter kinds: how an advisor calls them, and whether a value is one.
_SOORTEN: dict[str, tuple[str, Any]] = {
    "tekst": ("tekst", lambda v: isinstance(v, str)),
    "getal": ("een getal", lambda v: isinstance(v, int | Decimal) and not isinstance(v, bool)),
    "ja_nee": ("true of false", lambda v: isinstance(v, bool)),
    "datum": ("een datum JJJJ-MM-DD", lambda v: isinstance(v, str) and _DATUM.fullmatch(v)),
    "bron": ("een bron {regeling: …, artikel: …}", lambda v: isinstance(v, dict)),
    "lijst": ("een lijst", lambda v: isinstance(v, list)),
    "opsomming": ("een opsomming van sleutels", lambda v: isinstance(v, dict)),
    "waarde": ("een waarde", lambda v: True),
}
SOORTEN = tuple(_SOORTEN)


class _Weg:
    """An optional parameter without a value: the key or list item that is it is left out."""


_WEG = _Weg()
Herkomst = tuple[Any, Document, Pad]  # a value, and the document and path it was written at


@dataclass(frozen=True)
class Samengesteld(Document):
    """A policy file with template instances expanded: paths into an expansion report the
    place each value was written (`elders`), everything else its own place."""

    elders: dict[Pad, str] = field(default_factory=dict, repr=False)
    elders_sleutels: dict[Pad, str] = field(default_factory=dict, repr=False)

    def plaats(self, pad: Pad, sleutel: bool = False) -> str:
        if sleutel and pad in self.elders_sleutels:
            return self.elders_sleutels[pad]
        for n in range(len(pad), 0, -1):
            if pad[:n] in self.elders:
                return self.elders[pad[:n]]
        return super().plaats(pad, sleutel)


def vervang(doc: Document, pad: Pad, waarde: Any, elders: dict[Pad, str],
            sleutels: dict[Pad, str]) -> Samengesteld:
    """`doc` with the value at `pad` replaced by `waarde`, written at the places `elders`."""
    return Samengesteld(bestand=doc.bestand, data=_vervang(doc.data, pad, waarde),
                        posities=doc.posities, sleutels=doc.sleutels,
                        elders={**getattr(doc, "elders", {}), **elders},
                        elders_sleutels={**getattr(doc, "elders_sleutels", {}), **sleutels})


def _paden(node: Any, pad: Pad = ()) -> Iterator[Pad]:
    """`pad` and the path of every value below it."""
    yield pad
    items = node.items() if isinstance(node, dict) else enumerate(node) \
        if isinstance(node, list) else ()
    for k, v in items:
        yield from _paden(v, (*pad, k))


def toets_voorwaarde(r: dict[str, Any], doc: Document, pad: Pad, als: dict[str, Any] | None
                     ) -> tuple[dict[str, Any], Document, str | None]:
    """The regeling at `pad` with the voorwaarde its inkomenstoets produces, and a problem.

    `inkomenstoets.voorwaarde` names the rule and its texts; the condition `als` is the
    normbepaling's (`berekening.inkomenstoets`: income not above the regeling's own
    `inkomensgrens`). It stands where the voorwaarden list the word `inkomenstoets`, else
    last.
    """
    tv = (r.get("inkomenstoets") or {}).get("voorwaarde")
    items = r["voorwaarden"]
    markeringen = [i for i, v in enumerate(items) if not isinstance(v, dict)]
    if tv is None or len(markeringen) > 1:
        fout = "'inkomenstoets' staat hier, maar de inkomenstoets heeft geen 'voorwaarde'" \
            if tv is None else "'inkomenstoets' staat meer dan eens in de voorwaarden"
        return r, doc, fout if markeringen else None
    if als is None:  # no normbepaling: validation says so for every regeling that needs it
        return r, doc, None
    plek = markeringen[0] if markeringen else len(items)
    tpad, vpad = (*pad, "inkomenstoets", "voorwaarde"), (*pad, "voorwaarden")
    v = {"regel": tv["regel"], "als": als,
         **({"bron": tv["bron"]} if "bron" in tv else {}), "tekst": tv["tekst"]}
    rest = [x for x in items if isinstance(x, dict)]  # the others keep their index
    elders = {(*vpad, plek, *s): doc.plaats((*tpad, *s) if s and s[0] in tv else tpad)
              for s in _paden(v)}
    sleutels = {(*vpad, plek, *s): doc.plaats((*tpad, *s), sleutel=True)
                for s in _paden(v) if s and s[0] in tv}
    nieuw = [*rest[:plek], v, *rest[plek:]]
    samen = vervang(doc, vpad, nieuw, elders, sleutels)
    return {**r, "voorwaarden": nieuw}, samen, None


def _vervang(data: Any, pad: Pad, waarde: Any) -> Any:
    if not pad:
        return waarde
    kop, rest = pad[0], pad[1:]
    if isinstance(data, list):
        assert isinstance(kop, int)
        return [_vervang(v, rest, waarde) if i == kop else v for i, v in enumerate(data)]
    return {k: _vervang(v, rest, waarde) if k == kop else v for k, v in data.items()}


@dataclass(frozen=True)
class Sjabloon:
    """A template with its base resolved: declared parameters, defaults and the body."""

    naam: str
    soorten: dict[str, str]  # parameter -> kind
    verplicht: frozenset[str]
    standaard: dict[str, Herkomst]
    regeling: Herkomst


class Sjablonen:
    """The templates of the basispakket, and the expansion of their instances."""

    def __init__(self, meldingen: list[Melding]) -> None:
        self.ruw: dict[str, tuple[dict[str, Any], Document, Pad]] = {}
        self.meldingen = meldingen  # the builder's: every finding is collected in one list

    def laden(self, doc: Document) -> None:
        """Remember a `soort: sjablonen` file's templates; a name may be declared once."""
        for naam, t in doc.data["sjablonen"].items():
            pad: Pad = ("sjablonen", naam)
            if naam in self.ruw:
                self.meldingen.append(Melding(doc.plaats(pad, sleutel=True), (
                    f"sjabloon '{naam}' is al gedefinieerd in {self.ruw[naam][1].bestand}")))
                continue
            self.ruw[naam] = (t, doc, pad)

    def controleren(self) -> None:
        """Every `${naam}` and `alleen_met` in a template names a declared parameter."""
        for naam in sorted(self.ruw):
            sj = self.sjabloon(naam)
            if sj is None:
                continue
            bekend = set(sj.soorten) | set(GEMEENTE_PARAMETERS)
            body, bdoc, bpad = sj.regeling
            plekken = [(bdoc, p, n) for p, n in _namen(body, bpad)]
            plekken += [(d, p, n) for v, d, vp in sj.standaard.values() for p, n in _namen(v, vp)]
            for d, p, n in plekken:
                if n not in bekend:
                    self.meldingen.append(Melding(d.plaats(p), (
                        f"sjabloon '{naam}': parameter '{n}' is niet gedeclareerd onder "
                        "'parameters'" + _suggestie(n, bekend))))

    def sjabloon(self, naam: str, keten: tuple[str, ...] = ()) -> Sjabloon | None:
        """The template `naam` with its `basis` applied (defaults override the base's)."""
        if naam not in self.ruw or naam in keten:
            return None
        t, doc, pad = self.ruw[naam]
        if "basis" in t:
            basis = self.sjabloon(t["basis"], (*keten, naam))
            if basis is None:
                wat = "verwijst in een kring naar zichzelf" if t["basis"] in keten or \
                    t["basis"] == naam else "is onbekend"
                self._fout(doc, (*pad, "basis"), f"sjabloon '{naam}': basis '{t['basis']}' {wat}")
                return None
            standaard = dict(basis.standaard)
            for p, v in t.get("standaard", {}).items():
                if p not in basis.soorten:
                    self._fout(doc, (*pad, "standaard", p), f"sjabloon '{naam}': basis "
                               f"'{t['basis']}' kent geen parameter '{p}'"
                               + _suggestie(p, set(basis.soorten)), sleutel=True)
                standaard[p] = (v, doc, (*pad, "standaard", p))
            return Sjabloon(naam, basis.soorten, basis.verplicht - set(standaard), standaard,
                            basis.regeling)
        params = t.get("parameters", {})
        standaard = {p: (d["standaard"], doc, (*pad, "parameters", p, "standaard"))
                     for p, d in params.items() if "standaard" in d}
        verplicht = frozenset(p for p, d in params.items()
                              if "standaard" not in d and not d.get("optioneel", False))
        return Sjabloon(naam, {p: d["soort"] for p, d in params.items()}, verplicht, standaard,
                        (t["regeling"], doc, (*pad, "regeling")))

    def _fout(self, doc: Document, pad: Pad, bericht: str, sleutel: bool = False) -> None:
        melding = Melding(doc.plaats(pad, sleutel=sleutel), bericht)
        if melding not in self.meldingen:
            self.meldingen.append(melding)

    def instantie(self, doc: Document, pad: Pad, schema: str) -> Samengesteld | None:
        """`doc` with the instance at `pad` expanded, or None after findings.

        The expanded regeling is checked against the regeling schema, each finding at
        the place the offending value was written.
        """
        r = doc.data
        for stap in pad:
            r = r[stap]
        naam = r["sjabloon"]
        sj = self.sjabloon(naam)
        if sj is None:
            self._fout(doc, (*pad, "sjabloon"), f"onbekend sjabloon '{naam}'"
                       + _suggestie(naam, set(self.ruw)))
            return None
        waarden = self._waarden(sj, r, doc, pad)
        if waarden is None:
            return None
        invuller = _Invuller(waarden, doc.plaats(pad), naam)
        body, bdoc, bpad = sj.regeling
        uit = invuller.vul(body, bdoc, bpad, pad)
        self.meldingen.extend(invuller.meldingen)
        if invuller.meldingen:
            return None
        invuller.plaatsen[pad] = doc.plaats(pad)  # the regeling is where it is instantiated
        samen = vervang(doc, pad, uit, invuller.plaatsen, invuller.sleutels)
        gevonden = check_schema(samen, schema)
        self.meldingen.extend(gevonden)
        return None if gevonden else samen

    def _waarden(self, sj: Sjabloon, r: dict[str, Any], doc: Document,
                 pad: Pad) -> dict[str, Herkomst] | None:
        """The instance's parameters over the template's defaults: known, complete, typed."""
        waarden = dict(sj.standaard)
        fouten = len(self.meldingen)
        if isinstance(doc.data.get("gemeente"), dict):
            for p in GEMEENTE_PARAMETERS:
                sleutel = p.split(".")[1]
                waarden[p] = (doc.data["gemeente"][sleutel], doc, ("gemeente", sleutel))
        for p, v in r.items():
            if p == "sjabloon":
                continue
            if p not in sj.soorten:
                self._fout(doc, (*pad, p), f"sjabloon '{sj.naam}' kent geen parameter '{p}'"
                           + _suggestie(p, set(sj.soorten)), sleutel=True)
                continue
            naam, past = _SOORTEN[sj.soorten[p]]
            if not PLAATSHOUDER.fullmatch(str(v)) and not past(v):
                self._fout(doc, (*pad, p), f"sjabloon '{sj.naam}': parameter '{p}' moet "
                           f"{naam} zijn")
            waarden[p] = (v, doc, (*pad, p))
        for p in sorted(sj.verplicht - set(r)):
            self._fout(doc, pad, f"sjabloon '{sj.naam}': verplichte parameter '{p}' ontbreekt")
        return None if len(self.meldingen) > fouten else waarden


class _Invuller:
    """Fills a template body, recording where every value of the result was written."""

    def __init__(self, waarden: dict[str, Herkomst], instantie: str, sjabloon: str) -> None:
        self.waarden = waarden
        self.instantie = instantie  # the place of the instance, for what it leaves out
        self.sjabloon = sjabloon
        self.plaatsen: dict[Pad, str] = {}
        self.sleutels: dict[Pad, str] = {}
        self.bezig: list[str] = []
        self.meldingen: list[Melding] = []

    def vul(self, node: Any, doc: Document, pad: Pad, uit: Pad) -> Any:
        self.plaatsen[uit] = doc.plaats(pad)
        if isinstance(node, str):
            return self._tekst(node, doc, pad, uit)
        if isinstance(node, dict):
            result = {}
            for k, v in node.items():
                gevuld = self.vul(v, doc, (*pad, k), (*uit, k))
                if gevuld is not _WEG:
                    self.sleutels[(*uit, k)] = doc.plaats((*pad, k), sleutel=True)
                    result[k] = gevuld
            return result
        if isinstance(node, list):
            return self._lijst(node, doc, pad, uit)
        return node

    def _lijst(self, node: list[Any], doc: Document, pad: Pad, uit: Pad) -> list[Any]:
        """Items with `alleen_met: p` only when p is on; `${p}` of a list is spliced in."""
        result: list[Any] = []
        for i, item in enumerate(node):
            if isinstance(item, dict) and "alleen_met" in item:
                waarde = self.waarden.get(str(item["alleen_met"]), (None,))[0]
                if waarde is None or waarde is False:
                    continue
                item = {k: v for k, v in item.items() if k != "alleen_met"}
            m = PLAATSHOUDER.fullmatch(item) if isinstance(item, str) else None
            if m and isinstance(self.waarden.get(m.group(1), (None,))[0], list):
                lijst, ldoc, lpad = self.waarden[m.group(1)]
                for j, deel in enumerate(lijst):
                    result.append(self.vul(deel, ldoc, (*lpad, j), (*uit, len(result))))
                continue
            gevuld = self.vul(item, doc, (*pad, i), (*uit, len(result)))
            if gevuld is not _WEG:
                result.append(gevuld)
        return result

    def _tekst(self, node: str, doc: Document, pad: Pad, uit: Pad) -> Any:
        m = PLAATSHOUDER.fullmatch(node)
        if m:
            return self._parameter(m.group(1), doc, pad, uit)

        def deel(m: re.Match[str]) -> str:
            waarde = self._parameter(m.group(1), doc, pad, uit)
            if isinstance(waarde, str | int | Decimal) and not isinstance(waarde, bool):
                return str(waarde)
            if waarde is not _WEG:
                self._fout(doc, pad, f"'${{{m.group(1)}}}' staat in een tekst maar is geen "
                           "tekst of getal")
            return m.group(0)

        tekst = PLAATSHOUDER.sub(deel, node)
        self.plaatsen[uit] = doc.plaats(pad)
        return tekst

    def _parameter(self, naam: str, doc: Document, pad: Pad, uit: Pad) -> Any:
        """The filled value of a parameter; a default may itself use parameters."""
        if naam in self.bezig:
            self._fout(doc, pad, f"parameter '{naam}' verwijst via "
                       f"{' → '.join(self.bezig)} naar zichzelf")
            return _WEG
        if naam not in self.waarden:
            if naam in GEMEENTE_PARAMETERS:
                self.meldingen.append(Melding(self.instantie, (
                    f"sjabloon '{self.sjabloon}': '${{{naam}}}' is alleen in een gemeente "
                    "bekend; geef hier de parameter op die het gebruikt")))
            return _WEG
        waarde, wdoc, wpad = self.waarden[naam]
        self.bezig.append(naam)
        try:
            return self.vul(waarde, wdoc, wpad, uit)
        finally:
            self.bezig.pop()

    def _fout(self, doc: Document, pad: Pad, bericht: str) -> None:
        self.meldingen.append(Melding(doc.plaats(pad), f"sjabloon '{self.sjabloon}': {bericht}"))


def _namen(node: Any, pad: Pad) -> Iterator[tuple[Pad, str]]:
    """(path, parameter) for every `${naam}` and `alleen_met` in a template value."""
    if isinstance(node, str):
        for m in PLAATSHOUDER.finditer(node):
            yield pad, m.group(1)
    elif isinstance(node, dict):
        for k, v in node.items():
            if k == "alleen_met":
                yield (*pad, k), str(v)
            else:
                yield from _namen(v, (*pad, k))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from _namen(v, (*pad, i))


def _suggestie(naam: str, bekend: set[str]) -> str:
    gelijk = difflib.get_close_matches(naam, sorted(bekend), n=1, cutoff=0.6)
    return f"; bedoelt u '{gelijk[0]}'?" if gelijk else (
        f"; bekend: {', '.join(sorted(bekend))}" if bekend and len(bekend) <= 12 else "")

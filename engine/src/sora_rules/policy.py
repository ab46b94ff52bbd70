"""Build a `Regelset` from a rules root (rules/ + gemeenten/), validating as we go.

The basispakket (rules/) declares national law, the regional schemes and the
open terms: choices the law leaves to the gemeente, each with a default. An
overlay (gemeenten/<slug>.yaml) may implement open terms with its own source,
add its own parameters, facts and regelingen (pakket `plus`), and switch off a
regional scheme the basispakket marks `uitschakelbaar`. Anything else it
touches is an error. Validation collects every finding before failing, so
`sora-rules validate` shows an advisor all mistakes at once.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

from .errors import RegelFout
from .expressie import (
    Conditie,
    Expr,
    ExpressieFout,
    Ref,
    Samengesteld,
    parse_bedrag,
    parse_conditie,
    parse_expressie,
    vergelijkingen,
)
from .grootheden import Grootheid, afhankelijkheden, lees_grootheden
from .load import Document, Pad, load_file, yaml_files
from .model import (
    Beleid,
    Berekeningsgrond,
    Besluitlogica,
    Bron,
    Categorie,
    Feit,
    Gemeente,
    Inkomenstoets,
    Normbepaling,
    Normberekening,
    Parameter,
    PreciesEen,
    Rechtsmiddelen,
    Regeling,
    RegelingBerekening,
    Regelset,
    Signalering,
    Termijnregel,
    Termijnspec,
    Voorwaarde,
    Vormregel,
    Waarde,
    combined_hash,
)
from .resources import schema_path
from .sjablonen import Sjablonen, toets_voorwaarde
from .tekstcontrole import controleer_teksten
from .uitzondering import pas_uitzonderingen_toe
from .validate import Melding, check_schema

_PLACEHOLDER = re.compile(r"\{([a-z_][a-z0-9_.]*)\}")
_TEXT_NAMES = frozenset({"gemeente", "gemeente.naam"})


# What `facts._leefvorm` yields: the keys of a value `per: <leefvorm-feit>`.
LEEFVORMEN = ("alleenstaande", "alleenstaande_ouder", "gehuwden")
# Per unit: how an advisor calls it, an example, the maximum, and whether it is whole.
_EENHEDEN: dict[str, tuple[str, str, Decimal, bool]] = {
    "euro": ("bedrag in euro", "1401.50", Decimal(10_000_000), False),
    "procent": ("percentage", "130", Decimal(1000), False),
    "jaren": ("aantal jaren", "27", Decimal(150), True),
    "maanden": ("aantal maanden", "804", Decimal(1200), True),  # a birth date + 100 years
    "weken": ("aantal weken", "8", Decimal(520), True),
    "dagen": ("aantal dagen", "28", Decimal(3660), True),
    "aantal": ("aantal", "3", Decimal(10_000), True),
}


def _toon(waarde: Any) -> str:
    """A value as the advisor wrote it, for a message."""
    if isinstance(waarde, str):
        return f"'{waarde}'"
    if waarde is None:
        return "een lege waarde (null)"
    if isinstance(waarde, bool):
        return "true" if waarde else "false"
    if isinstance(waarde, list):
        return "een lijst"
    if isinstance(waarde, dict):
        return "een opsomming van sleutels"
    return str(waarde)


def waarde_fout(eenheid: str, waarde: Any) -> str | None:
    """Why `waarde` is no value of `eenheid` (None when it is): the engine computes with it."""
    if eenheid == "ja_nee":
        return None if isinstance(waarde, bool) else (
            f"{_toon(waarde)} is geen geldige ja/nee-waarde: verwacht true of false")
    naam, voorbeeld, maximum, geheel = _EENHEDEN[eenheid]
    fout = f"{_toon(waarde)} is geen geldig {naam}: "
    if isinstance(waarde, bool) or not isinstance(waarde, int | Decimal) or (
            isinstance(waarde, Decimal) and not waarde.is_finite()):
        komma = isinstance(waarde, str) and re.fullmatch(r"-?[0-9.]*,[0-9]+", waarde.strip())
        return fout + (f"schrijf een getal met een punt, bijvoorbeeld {voorbeeld}" if komma
                       else f"verwacht een getal, bijvoorbeeld {voorbeeld}")
    if waarde < 0:
        return fout + "het mag niet negatief zijn"
    if geheel and not isinstance(waarde, int):
        return fout + f"verwacht een geheel getal, bijvoorbeeld {voorbeeld}"
    if waarde > maximum:
        return fout + f"ten hoogste {maximum}"
    if isinstance(waarde, Decimal) and waarde != waarde.quantize(Decimal("0.01")) and \
            eenheid == "euro":
        return fout + "ten hoogste 2 cijfers achter de punt"
    return None


class RegelsetFout(RegelFout):
    """All findings of a failed load; `meldingen` lists each `file:line:col`."""

    def __init__(self, meldingen: list[Melding]) -> None:
        self.meldingen = meldingen
        super().__init__(meldingen[0].plaats, meldingen[0].bericht)

    def __str__(self) -> str:
        return "\n".join(str(m) for m in self.meldingen)


def bron(d: dict[str, Any]) -> Bron:
    return Bron(regeling=d["regeling"], artikel=str(d["artikel"]), url=d.get("url"))


def _rel(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def _hash(files: list[tuple[str, bytes]]) -> str:
    h = hashlib.sha256()
    for naam, inhoud in sorted(files):
        h.update(naam.encode() + b"\0" + hashlib.sha256(inhoud).digest())
    return h.hexdigest()


def _sort_key(m: Melding) -> tuple[str, int, int, str]:
    parts = m.plaats.rsplit(":", 2)
    if len(parts) == 3 and parts[1].isdigit() and parts[2].isdigit():
        return (parts[0], int(parts[1]), int(parts[2]), m.bericht)
    return (m.plaats, 0, 0, m.bericht)


class _Builder:
    """Collects findings while turning documents into domain values."""

    def __init__(self) -> None:
        self.meldingen: list[Melding] = []
        self.docs: dict[str, Document] = {}  # by file: references are reported at their place
        self.regeling_pad: dict[str, Pad] = {}  # by Regeling.plaats: where it is in its file
        self.sjablonen = Sjablonen(self.meldingen)
        self.uitgesteld: list[Document] = []  # basispakket instances, once templates loaded
        self.toets_als: dict[str, Any] | None = None  # the condition of every inkomenstoets

    def fout(self, doc: Document, pad: tuple[Any, ...], bericht: str,
             sleutel: bool = False) -> None:
        """A finding at `pad`; with `sleutel` at its key (for mistakes in a name)."""
        self.meldingen.append(Melding(doc.plaats(pad, sleutel=sleutel), bericht))

    def datum(self, text: str, doc: Document, pad: tuple[Any, ...]) -> date:
        try:
            d = date.fromisoformat(text)
        except (TypeError, ValueError):
            self.fout(doc, pad, f"'{text}' is geen geldige datum", sleutel=True)
            return date.min
        if not 1900 <= d.year <= 2999:  # the engine adds days and months to these dates
            self.fout(doc, pad, f"datum '{text}' ligt niet tussen 1900 en 2999", sleutel=True)
        return d

    def waarde(self, doc: Document, pad: Pad, eenheid: str, per: str | None, w: Any) -> None:
        """Check one `waarde`: per leefvorm, an age table or a single value of `eenheid`."""
        if per is not None:
            if eenheid != "euro":
                self.fout(doc, pad, f"een waarde per leefvorm ('per: {per}') kan alleen een "
                          f"bedrag in euro zijn, niet eenheid {eenheid}")
            elif not isinstance(w, dict):
                self.fout(doc, pad, f"verwacht een bedrag per leefvorm ({', '.join(LEEFVORMEN)})"
                          f", niet {_toon(w)}")
            else:
                for lv in LEEFVORMEN:
                    if lv not in w:
                        self.fout(doc, pad, f"het bedrag voor leefvorm '{lv}' ontbreekt")
                for lv, v in w.items():
                    if lv not in LEEFVORMEN:
                        self.fout(doc, (*pad, lv), f"onbekende leefvorm '{lv}'; kies uit: "
                                  + ", ".join(LEEFVORMEN), sleutel=True)
                    elif (fout := waarde_fout(eenheid, v)) is not None:
                        self.fout(doc, (*pad, lv), fout)
        elif isinstance(w, list) and eenheid == "euro":
            self.tabel(doc, pad, eenheid, w)
        elif (fout := waarde_fout(eenheid, w)) is not None:
            self.fout(doc, pad, fout)

    def tabel(self, doc: Document, pad: Pad, eenheid: str, banden: list[Any]) -> None:
        """A leeftijdstabel: bands {van, tot, bedrag}; van/tot whole years or 'aow'."""
        if eenheid != "euro":
            self.fout(doc, pad, "een leeftijdstabel bevat bedragen in euro, niet eenheid "
                      + eenheid)
            return
        for i, band in enumerate(banden):
            if not isinstance(band, dict) or "bedrag" not in band:
                self.fout(doc, (*pad, i), "verwacht een leeftijdsband {van: …, tot: …, bedrag: …}")
                continue
            for sleutel, v in band.items():
                if sleutel == "bedrag":
                    fout = waarde_fout("euro", v)
                elif sleutel in ("van", "tot"):
                    fout = None if v == "aow" or (type(v) is int and 0 <= v <= 150) else (
                        f"{_toon(v)} is geen geldige leeftijd: verwacht een geheel aantal jaren "
                        "(0 tot en met 150) of 'aow'")
                else:
                    fout = f"onbekende sleutel '{sleutel}' in een leeftijdsband; toegestaan: " \
                           "van, tot, bedrag"
                if fout is not None:
                    self.fout(doc, (*pad, i, sleutel), fout, sleutel=sleutel not in (
                        "bedrag", "van", "tot"))

    def parameter(self, pid: str, p: dict[str, Any], doc: Document, pad: tuple[Any, ...],
                  pakket: str) -> Parameter:
        for d, w in p["waarden"].items():
            self.waarde(doc, (*pad, "waarden", d, "waarde"), p["eenheid"], p.get("per"),
                        w["waarde"])
        waarden = tuple(
            Waarde(vanaf=self.datum(d, doc, (*pad, "waarden", d)), waarde=w["waarde"],
                   status=w["status"], bron=w["bron"], reden=w.get("reden"))
            for d, w in sorted(p["waarden"].items())
        )
        return Parameter(
            id=pid, beschrijving=p["beschrijving"], eenheid=p["eenheid"],
            grondslag=bron(p["grondslag"]), waarden=waarden, bestand=doc.bestand,
            bekend_tot=(self.datum(p["bekend_tot"], doc, (*pad, "bekend_tot"))
                        if "bekend_tot" in p else None),
            per=p.get("per"), pakket=pakket,
            open_norm=(p.get("open_norm") or {}).get("gedelegeerd_aan"),
            open_norm_grenzen={k: v for k, v in (p.get("open_norm") or {}).items()
                               if k in ("maximum", "minimum")},
        )

    def regeling(self, r: dict[str, Any], doc: Document, pad: tuple[Any, ...],
                 pakket: str) -> Regeling:
        """A regeling; its inkomenstoets may add its own voorwaarde, and a voorwaarde or
        signalering without `bron` has the regeling's `grondslag` as its source."""
        r, doc = self._toets_voorwaarde(r, doc, pad)
        grondslag = bron(r["grondslag"])
        voorwaarden = tuple(
            Voorwaarde(regel=v["regel"], als=self.conditie(v["als"], doc,
                                                        (*pad, "voorwaarden", i, "als")),
                       bron=bron(v["bron"]) if "bron" in v else grondslag,
                       tekst_voldaan=v["tekst"]["voldaan"],
                       tekst_niet_voldaan=v["tekst"]["niet_voldaan"],
                       bestand=doc.bestand, pakket=pakket,
                       plaats=doc.plaats((*pad, "voorwaarden", i)),
                       doorverwijzen_naar=v.get("doorverwijzen_naar"))
            for i, v in enumerate(r["voorwaarden"]) if isinstance(v, dict)
        )
        toets = r.get("inkomenstoets")
        return Regeling(
            id=r["id"], naam=r["naam"], pakket=pakket, grondslag=grondslag,
            geldig_vanaf=self.datum(r["geldig_vanaf"], doc, (*pad, "geldig_vanaf")),
            geldig_tot=(self.datum(r["geldig_tot"], doc, (*pad, "geldig_tot"))
                        if "geldig_tot" in r else None),
            voorwaarden=voorwaarden, bestand=doc.bestand,
            berekening=_regeling_berekening(r.get("berekening")),
            bedrag=dict(r.get("bedrag", {})),
            signaleringen=tuple(Signalering(
                regel=s["regel"], bron=bron(s["bron"]) if "bron" in s else grondslag,
                als=self.conditie(s.get("als"), doc, (*pad, "signaleringen", k, "als")),
                tekst=s["tekst"]) for k, s in enumerate(r.get("signaleringen", []))),
            inkomenstoets=(Inkomenstoets(
                percentage=toets["percentage"],
                kostendelersnorm=toets["norm"] == "met_kostendelersnorm",
                vakantietoeslag=toets["vakantietoeslag"] == "inclusief",
                bron=bron(toets["bron"]), status=toets["status"],
                toelichting=toets.get("toelichting", "")) if toets else None),
            uitschakelbaar=bool(r.get("uitschakelbaar", False)),
            omschrijving=r.get("omschrijving", ""),
            plaats=self._plaats(doc, pad),
            aanvraag=r.get("aanvraag"),
            termijnen=self.termijnen(r, doc, pad),
            vorm=self.vorm(r.get("vorm"), doc, (*pad, "vorm"), grondslag),
            bedrag_formules=self.bedrag_formules(r, doc, pad),
        )

    def feit(self, naam: str, f: dict[str, Any], doc: Document) -> Feit:
        """A fact; one of `soort: formule` has its formula parsed once (a formula that does
        not parse is a finding at its place)."""
        formule = None
        if f["soort"] == "formule":
            try:
                formule = parse_expressie(f["formule"], ("feiten", naam, "formule"))
            except ExpressieFout as exc:
                self.meldingen.append(Melding(doc.plaats(exc.pad), exc.bericht))
        return Feit(naam=naam, soort=f["soort"], opties=dict(f), bestand=doc.bestand,
                    formule=formule)

    def conditie(self, data: object, doc: Document, pad: Pad) -> Conditie:
        """A condition parsed once (None when absent: it always holds); one that does not
        parse is a finding at its place (and the rules do not load)."""
        if data is None:
            return None  # type: ignore[return-value]
        try:
            return parse_conditie(data, pad)
        except ExpressieFout as exc:
            self.meldingen.append(Melding(doc.plaats(exc.pad), exc.bericht))
            return Samengesteld("alle", ())

    def vorm(self, spec: dict[str, Any] | None, doc: Document, pad: Pad,
             grondslag: Bron) -> Vormregel | None:
        if spec is None:
            return None
        return Vormregel(regel=spec["regel"], als=self.conditie(spec["als"], doc, (*pad, "als")),
                         bron=bron(spec["bron"]) if "bron" in spec else grondslag,
                         tekst_lening=spec["tekst"]["lening"],
                         tekst_om_niet=spec["tekst"]["om_niet"])

    def termijnen(self, r: dict[str, Any], doc: Document, pad: Pad) -> dict[str, Termijnspec]:
        """The terms of a regeling, typed; a number of weeks that does not parse is a
        finding at its place."""
        result: dict[str, Termijnspec] = {}
        for naam, spec in (r.get("termijnen") or {}).items():
            regels = []
            for k, regel in enumerate(spec["regels"]):
                eenheid = "werkdagen" if "werkdagen" in regel else "weken"
                waarde = regel[eenheid]
                try:
                    aantal = parse_expressie({"parameter": waarde} if isinstance(waarde, str)
                                             else waarde, (*pad, "termijnen", naam, "regels", k))
                except ExpressieFout as exc:
                    self.meldingen.append(Melding(doc.plaats(exc.pad), exc.bericht))
                    continue
                als = self.conditie(regel.get("als"), doc,
                                    (*pad, "termijnen", naam, "regels", k, "als"))
                regels.append(Termijnregel(regel["regel"], eenheid, aantal, bron(regel["bron"]),
                                           regel["tekst"], als))
            result[naam] = Termijnspec(naam, spec["vanaf"], spec.get("kies", "vroegste"),
                                       tuple(regels),
                                       bool(spec.get("algemene_termijnenwet", True)),
                                       bool(spec.get("optioneel", False)))
        return result

    def bedrag_formules(self, r: dict[str, Any], doc: Document, pad: Pad) -> dict[str, Expr]:
        """Every amount of a regeling as a formula; one that does not parse is a finding at
        its place."""
        formules: dict[str, Expr] = {}
        for key, spec in (r.get("bedrag") or {}).items():
            try:
                formules[key] = parse_bedrag(spec, (*pad, "bedrag", key))
            except ExpressieFout as exc:
                self.meldingen.append(Melding(doc.plaats(exc.pad), exc.bericht))
        return formules


    def _toets_voorwaarde(self, r: dict[str, Any], doc: Document, pad: Pad
                          ) -> tuple[dict[str, Any], Document]:
        """`r` with its inkomenstoets's own voorwaarde in place (see sjablonen)."""
        r, doc, fout = toets_voorwaarde(r, doc, pad, self.toets_als)
        if fout is not None:
            plek = next(i for i, v in enumerate(r["voorwaarden"]) if not isinstance(v, dict))
            self.fout(doc, (*pad, "voorwaarden", plek), f"regeling '{r['id']}': {fout}")
        return r, doc

    def instantie(self, doc: Document, pad: Pad) -> tuple[dict[str, Any], Document] | None:
        """The regeling at `pad` with a template instance expanded (None after findings);
        the document it returns reports each expanded value at the place it was written."""
        huidig = self.docs.get(doc.bestand, doc)  # earlier instances in the file, expanded
        r = huidig.data
        for stap in pad:
            r = r[stap]
        if "sjabloon" not in r:
            return r, huidig
        schema = "overlay.schema.json" if huidig.data.get("soort") == "gemeente" \
            else "rules.schema.json"
        samen = self.sjablonen.instantie(huidig, pad, schema)
        if samen is None:
            return None
        self.docs[doc.bestand] = samen
        r = samen.data
        for stap in pad:
            r = r[stap]
        return r, samen

    def _plaats(self, doc: Document, pad: Pad) -> str:
        """`doc.plaats(pad)`, remembering the document and path for the reference checks."""
        plaats = doc.plaats(pad)
        self.docs[doc.bestand] = doc
        self.regeling_pad[plaats] = pad
        return plaats


@dataclass
class _Basis:
    """What the basispakket (rules/) declares, collected file by file."""

    parameters: dict[str, Parameter] = field(default_factory=dict)
    feiten: dict[str, Feit] = field(default_factory=dict)
    regelingen: dict[str, list[Regeling]] = field(default_factory=dict)
    grootheden: dict[str, Grootheid] = field(default_factory=dict)
    normbepaling: Normbepaling | None = None
    rechtsmiddelen: Rechtsmiddelen | None = None
    besluitlogica: Besluitlogica | None = None
    kalender: dict[str, Any] | None = None
    teksten: dict[str, str] = field(default_factory=dict)
    formulieren: dict[str, dict[str, Any]] = field(default_factory=dict)
    bestanden: list[tuple[str, bytes]] = field(default_factory=list)


def _regeling_berekening(spec: dict[str, Any] | None) -> RegelingBerekening | None:
    if not spec:
        return None
    return RegelingBerekening(
        normgronden=bool(spec.get("normgronden", False)),
        grootheden=tuple(spec.get("grootheden", ())),
        gronden=tuple(Berekeningsgrond(
            regel=g["regel"], uitleg=g["uitleg"], bron=bron(g["bron"]), posten=g.get("posten"),
            volgorde=g.get("volgorde"), zonder_omschrijving=g.get("zonder_omschrijving", ""))
            for g in spec.get("gronden", ())))


def load_regelset(root: Path) -> Regelset:
    """Load and validate everything under `root/rules` and `root/gemeenten`."""
    b = _Builder()
    basis = _lees_basis(b, root)
    basis_hash = _hash(basis.bestanden)
    gemeenten: dict[str, Gemeente] = {}
    beleid: dict[str, Beleid] = {}
    for path in yaml_files(root / "gemeenten"):
        doc = _laad(b, root, path, "overlay.schema.json")
        if doc is None:
            continue
        overlay = _overlay(b, doc, path, basis.parameters, basis.feiten, basis.regelingen)
        gemeenten[overlay.gemeente.slug] = overlay.gemeente
        beleid[overlay.gemeente.slug] = replace(
            overlay, versie=combined_hash(basis_hash, _hash([(doc.bestand, path.read_bytes())])))
    regelingen = {k: tuple(v) for k, v in basis.regelingen.items()}
    _check_versions(b, regelingen)
    _controleer_geheel(b, basis, beleid)
    if b.meldingen:
        raise RegelsetFout(sorted(set(b.meldingen), key=_sort_key))
    assert basis.rechtsmiddelen is not None
    kalender = basis.kalender
    return Regelset(parameters=basis.parameters, feiten=basis.feiten, regelingen=regelingen,
                    gemeenten=gemeenten, beleid=beleid, normbepaling=basis.normbepaling,
                    rechtsmiddelen=basis.rechtsmiddelen, basis_hash=basis_hash,
                    feestdagen=tuple(kalender["feestdagen"]) if kalender else (),
                    kalender_bron=bron(kalender["bron"]) if kalender else None,
                    kalender_teksten=dict(kalender["teksten"]) if kalender else {},
                    teksten=basis.teksten, grootheden=basis.grootheden,
                    besluitlogica=basis.besluitlogica, formulieren=basis.formulieren)


def _laad(b: _Builder, root: Path, path: Path, schema: str) -> Document | None:
    """One policy file, schema-checked; None (with its findings) when it is not usable."""
    try:
        doc = load_file(path, _rel(path, root))
    except RegelFout as exc:
        b.meldingen.append(Melding(exc.plaats, exc.bericht))
        return None
    found = check_schema(doc, schema)
    b.meldingen.extend(found)
    b.docs[doc.bestand] = doc
    return None if found else doc


def _lees_basis(b: _Builder, root: Path) -> _Basis:
    """Every file under rules/, by its `soort`; template instances once all templates loaded."""
    basis = _Basis()
    docs: list[Document] = []
    for path in yaml_files(root / "rules"):
        basis.bestanden.append((_rel(path, root), path.read_bytes()))
        doc = _laad(b, root, path, "rules.schema.json")
        if doc is not None:
            docs.append(doc)
    # The normbepaling first: every regeling's income test takes its condition from it.
    for doc in sorted(docs, key=lambda d: d.data["soort"] != "normbepaling"):
        _basis_document(b, doc, basis)
    _basis_instanties(b, basis.regelingen)
    if basis.normbepaling is not None:
        basis.normbepaling = replace(basis.normbepaling, parameters=_norm_parameters(
            basis.normbepaling, basis.grootheden))
    return basis


def _basis_document(b: _Builder, doc: Document, basis: _Basis) -> None:
    """What one rules file adds to the basispakket."""
    d, soort = doc.data, doc.data["soort"]
    if soort == "parameters":
        for pid, p in d["parameters"].items():
            if pid in basis.parameters:
                b.fout(doc, ("parameters", pid), f"parameter '{pid}' is al gedefinieerd in "
                       f"{basis.parameters[pid].bestand}", sleutel=True)
                continue
            basis.parameters[pid] = b.parameter(pid, p, doc, ("parameters", pid), "basis")
    elif soort == "feiten":
        basis.feiten.update({naam: b.feit(naam, f, doc) for naam, f in d["feiten"].items()})
    elif soort == "sjablonen":  # its texts are checked where filled in, not as written
        b.sjablonen.laden(b.docs.pop(doc.bestand))
    elif soort == "regeling" and "sjabloon" in d["regeling"]:
        b.uitgesteld.append(doc)  # built once every template has loaded
    elif soort == "regeling":
        r = b.regeling(d["regeling"], doc, ("regeling",), d["regeling"]["pakket"])
        basis.regelingen.setdefault(r.id, []).append(r)
    elif soort == "normbepaling":
        basis.normbepaling = _normbepaling(b, doc)
        b.toets_als = basis.normbepaling.berekening.inkomenstoets
    elif soort == "grootheden":
        _grootheden(b, doc, basis.grootheden)
    elif soort == "besluitlogica":
        basis.besluitlogica = Besluitlogica(
            uitkomsten=tuple((u["uitkomst"], u.get("als")) for u in d["uitkomsten"]),
            termijnen_na_afwijzing=d["termijnen_na_afwijzing"],
            aanvraag_alleen_met_casusdeel=d["aanvraag_alleen_met_casusdeel"],
            toetsbedragen=tuple(d["toetsbedragen"]),
            mogelijk_recht=tuple(d.get("mogelijk_recht", ())))
    elif soort == "kalender":
        basis.kalender = d["kalender"]
    elif soort == "formulier":
        _formulier(b, doc, basis.formulieren)
    elif soort == "besluitvorming":
        rm = d["rechtsmiddelen"]
        basis.rechtsmiddelen = Rechtsmiddelen(tekst=rm["tekst"], bron=bron(rm["bron"]))
        basis.teksten = dict(d["teksten"])


def _controleer_geheel(b: _Builder, basis: _Basis, beleid: Mapping[str, Beleid]) -> None:
    """What needs every file: the required files, then every reference and text."""
    if basis.rechtsmiddelen is None and not b.meldingen:
        b.meldingen.append(Melding("rules", "geen bestand met 'soort: besluitvorming' "
                                   "(de rechtsmiddelenclausule)"))
    if basis.besluitlogica is None and not b.meldingen:
        b.meldingen.append(Melding("rules", "geen bestand met 'soort: besluitlogica' "
                                   "(hoe de uitkomst uit de gronden volgt)"))
    elif basis.besluitlogica is not None and basis.besluitlogica.uitkomsten[-1][1] is not None:
        b.meldingen.append(Melding("rules", "besluitlogica: de laatste uitkomst moet zonder "
                                   "'als' zijn, zodat elk besluit een uitkomst heeft"))
    if b.meldingen:  # references only mean something once every file has loaded
        return
    eerste = min((r.geldig_vanaf for pol in beleid.values() for vs in pol.regelingen.values()
                  for r in vs), default=None)  # the engine's first peildatum
    for pol in beleid.values():
        _check_references(b, pol, basis.normbepaling, eerste, basis.grootheden)
    b.meldingen += controleer_teksten(b.docs, beleid, basis.normbepaling)  # tekstcontrole.py


def _grootheden(b: _Builder, doc: Document, grootheden: dict[str, Grootheid]) -> None:
    """The quantities of one `soort: grootheden` file; a formula that does not parse, or a
    quantity declared twice, is a finding at its place."""
    gelezen, fouten = lees_grootheden(doc, bron)
    for pad, bericht in fouten:
        b.meldingen.append(Melding(doc.plaats(pad), bericht))
    for g in gelezen:
        if g.id in grootheden:
            b.fout(doc, ("grootheden", g.id), f"grootheid '{g.id}' is al gedefinieerd in "
                   f"{grootheden[g.id].bestand}", sleutel=True)
        grootheden[g.id] = g


def _normbepaling(b: _Builder, doc: Document) -> Normbepaling:
    """The norm categories with their exceptions resolved (uitzondering.py), and the sets of
    which exactly one member must hold (proved by dekking.py)."""
    nb = doc.data
    categorieen = tuple(
        Categorie(id=c["id"], norm=c["norm"], bron=bron(c["bron"]),
                  als=b.conditie(c["als"], doc, ("normcategorieen", j, "als")),
                  tekst=c["tekst"], kostendelers_basis=c.get("kostendelers_basis"),
                  kostendelers_jongere_partner=c.get("kostendelers_jongere_partner"),
                  percentage=c.get("percentage"), plus=tuple(c.get("plus", ())),
                  alleen_aanvrager=bool(c.get("alleen_aanvrager", False)),
                  uitzondering_op=_ids(c.get("uitzondering_op")),
                  plaats=doc.plaats(("normcategorieen", j)))
        for j, c in enumerate(nb["normcategorieen"]))
    categorieen, fouten = pas_uitzonderingen_toe(doc, "normcategorieen", categorieen)
    b.meldingen += fouten
    sets = []
    for k, s in enumerate(nb.get("precies_een", [])):
        try:
            domein = parse_conditie(s["domein"], ("precies_een", k, "domein")) \
                if "domein" in s else None
        except ExpressieFout as exc:
            b.meldingen.append(Melding(doc.plaats(exc.pad), exc.bericht))
            continue
        sets.append(PreciesEen(lijst=s["lijst"], naam=s["naam"], domein=domein,
                               plaats=doc.plaats(("precies_een", k))))
    nbb = nb["berekening"]
    berekening = Normberekening(
        regel=nbb["regel"], bron=bron(nbb["bron"]), grootheden=tuple(nbb["grootheden"]),
        uitleg=nbb["uitleg"], inkomensgrens=nbb["inkomensgrens"], toetsnorm=nbb["toetsnorm"],
        inkomenstoets=nbb["inkomenstoets"])
    return Normbepaling(categorieen=categorieen, berekening=berekening,
                        bestand=doc.bestand, regel=nb["regel"], teksten=dict(nb["teksten"]),
                        precies_een=tuple(sets))


def _ids(waarde: str | list[str] | None) -> tuple[str, ...]:
    """`uitzondering_op` as written: one id or a list of ids."""
    return () if waarde is None else (waarde,) if isinstance(waarde, str) else tuple(waarde)


def _norm_parameters(nb: Normbepaling, grootheden: Mapping[str, Grootheid]) -> frozenset[str]:
    """The parameters the norm's quantities read, following references between quantities."""
    gids = nb.berekening.alle
    refs = afhankelijkheden(gids, grootheden)
    return refs["parameter"] | refs["parameter_op"]


def _basis_instanties(b: _Builder, regelingen: dict[str, list[Regeling]]) -> None:
    """Check the templates, then build the basispakket's regelingen that instantiate one."""
    b.sjablonen.controleren()
    for doc in b.uitgesteld:
        gevonden = b.instantie(doc, ("regeling",))
        if gevonden is not None:
            r = b.regeling(gevonden[0], gevonden[1], ("regeling",), gevonden[0]["pakket"])
            regelingen.setdefault(r.id, []).append(r)


def _overlay(b: _Builder, doc: Document, path: Path, parameters: dict[str, Parameter],
             feiten: dict[str, Feit], regelingen: dict[str, list[Regeling]]) -> Beleid:
    """One gemeente's policy: the basispakket with its overlay (which may only add)."""
    data = doc.data
    g = data["gemeente"]
    if g["slug"] != path.stem:
        b.fout(doc, ("gemeente", "slug"), f"slug '{g['slug']}' hoort in bestand {g['slug']}.yaml")
    gemeente = Gemeente(slug=g["slug"], naam=g["naam"], cbs_code=g["cbs_code"],
                        bestand=doc.bestand, omschrijving=g.get("omschrijving", ""))
    params = _overlay_parameters(b, doc, parameters)
    facts = dict(feiten)
    for naam, f in data.get("feiten", {}).items():
        if naam in feiten:
            b.fout(doc, ("feiten", naam), f"feit '{naam}' bestaat al in het basispakket",
                   sleutel=True)
            continue
        facts[naam] = b.feit(naam, f, doc)
    regs = _overlay_regelingen(b, doc, regelingen)
    uit = _uitschakelen(b, doc, regelingen, regs)
    return Beleid(gemeente=gemeente, parameters=params, feiten=facts,
                  regelingen={k: tuple(v) for k, v in regs.items()}, uitgeschakeld=tuple(uit))


def _overlay_parameters(b: _Builder, doc: Document, parameters: dict[str, Parameter]
                        ) -> dict[str, Parameter]:
    """The basispakket's parameters with the open norms the overlay fills in, and its own."""
    params = dict(parameters)
    for pid, impl in doc.data.get("open_normen", {}).items():
        pad = ("open_normen", pid)
        basis = parameters.get(pid)
        if basis is None or basis.open_norm is None:
            b.fout(doc, pad, f"'{pid}' is geen open norm van het basispakket" if basis is None
                   else f"'{pid}' is landelijk recht ({basis.grondslag.kort()}, "
                   f"{basis.bestand}); een gemeente kan dit niet wijzigen", sleutel=True)
            continue
        per = {"per": basis.per} if basis.per else {}  # the unit and shape are the basis's
        eigen = b.parameter(pid, {**_param_dict(basis), **impl, **per}, doc, pad, "plus")
        _check_grenzen(b, doc, pad, basis, impl["waarden"])
        params[pid] = replace(eigen, open_norm=basis.open_norm, standaard=basis,
                              per=basis.per, eenheid=basis.eenheid,
                              bekend_tot=eigen.bekend_tot or basis.bekend_tot)
    for pid, p in doc.data.get("parameters", {}).items():
        if pid in parameters:
            b.fout(doc, ("parameters", pid),
                   f"parameter '{pid}' bestaat al in het basispakket ({parameters[pid].bestand}); "
                   "een open norm vult u in onder 'open_normen'", sleutel=True)
            continue
        params[pid] = b.parameter(pid, p, doc, ("parameters", pid), "plus")
    return params


def _overlay_regelingen(b: _Builder, doc: Document, regelingen: dict[str, list[Regeling]]
                        ) -> dict[str, list[Regeling]]:
    """The basispakket's regelingen and the overlay's own (template instances expanded);
    each own regeling's versions may not overlap."""
    regs = {k: list(v) for k, v in regelingen.items()}
    eigen_ids: set[str] = set()
    for i in range(len(doc.data.get("regelingen", []))):
        gevonden = b.instantie(doc, ("regelingen", i))  # a template instance, expanded
        if gevonden is None:
            continue
        reg = b.regeling(gevonden[0], gevonden[1], ("regelingen", i), "plus")
        if reg.id in regelingen:
            b.fout(gevonden[1], ("regelingen", i, "id"), f"regeling '{reg.id}' bestaat al in het "
                   "basispakket; een gemeente kan die niet opnieuw definiëren")
            continue
        regs.setdefault(reg.id, []).append(reg)
        eigen_ids.add(reg.id)
    for rid in sorted(eigen_ids):
        _check_versions(b, {rid: tuple(regs[rid])})
    return regs


def _uitschakelen(b: _Builder, doc: Document, regelingen: dict[str, list[Regeling]],
                  regs: dict[str, list[Regeling]]) -> list[str]:
    """The regional regelingen the overlay switches off (only those that allow it)."""
    uit = []
    for i, rid in enumerate(doc.data.get("uitschakelen", [])):
        versies = regelingen.get(rid)
        if not versies:
            b.fout(doc, ("uitschakelen", i), f"onbekende regeling '{rid}'")
        elif not all(v.uitschakelbaar for v in versies):
            b.fout(doc, ("uitschakelen", i), f"regeling '{rid}' mag niet worden uitgeschakeld "
                   "(het basispakket staat dat niet toe)")
        else:
            uit.append(rid)
            regs.pop(rid, None)
    return uit


def _getallen(waarde: Any, pad: Pad) -> Iterator[tuple[Pad, Decimal | int]]:
    """Every number in a value: itself, per leefvorm, or each band's bedrag."""
    if isinstance(waarde, dict):
        for k, v in waarde.items():
            yield from _getallen(v, (*pad, k)) if k in LEEFVORMEN or k == "bedrag" else ()
    elif isinstance(waarde, list):
        for i, band in enumerate(waarde):
            yield from _getallen(band, (*pad, i))
    elif isinstance(waarde, int | Decimal) and not isinstance(waarde, bool):
        yield pad, waarde


def _check_grenzen(b: _Builder, doc: Document, pad: Pad, basis: Parameter,
                   waarden: dict[str, Any]) -> None:
    """An implementation stays within the open term's `maximum` and `minimum`, in every form."""
    for grens, te in (("maximum", "hoger"), ("minimum", "lager")):
        limit = basis.open_norm_grenzen.get(grens)
        if limit is None:
            continue
        for d, w in waarden.items():
            for wpad, getal in _getallen(w.get("waarde"), (*pad, "waarden", d, "waarde")):
                if getal > limit if grens == "maximum" else getal < limit:
                    b.fout(doc, wpad, f"'{basis.id}' mag niet {te} zijn dan {limit} "
                           f"({basis.grondslag.kort()})")


def _param_dict(p: Parameter) -> dict[str, Any]:
    """The keys an implementation may leave out: they default to the open term's."""
    return {"beschrijving": p.beschrijving, "eenheid": p.eenheid,
            "grondslag": p.grondslag.to_dict()}


def _check_versions(b: _Builder, regelingen: dict[str, tuple[Regeling, ...]]) -> None:
    for rid, versies in regelingen.items():
        ordered = sorted(versies, key=lambda r: r.geldig_vanaf)
        for r in ordered:
            if r.geldig_tot is not None and r.geldig_tot < r.geldig_vanaf:
                b.meldingen.append(Melding(r.plaats, f"regeling '{rid}': geldig_tot ligt voor "
                                           "geldig_vanaf"))
        for prev, nxt in zip(ordered, ordered[1:], strict=False):
            if prev.geldig_tot is None or prev.geldig_tot >= nxt.geldig_vanaf:
                b.meldingen.append(Melding(
                    nxt.plaats, f"regeling '{rid}': geldigheid overlapt met de versie in "
                    f"{prev.plaats} (vanaf {prev.geldig_vanaf.isoformat()})"))


def condition_refs(cond: Conditie | None) -> tuple[frozenset[str], frozenset[str]]:
    """(facts, parameters) a condition reads; an absent one (always) reads nothing."""
    if cond is None:
        return frozenset(), frozenset()
    refs = cond.refs()
    return refs["feit"], refs["parameter"]


def stage2_facts(regelingen: Sequence[Regeling], nb: Normbepaling | None) -> dict[str, str]:
    """Facts known only after the first engine stage, each with the declared quantity that
    gives it: the normbepaling's, each income test's limit, each regeling's own."""
    feiten: dict[str, str] = {}
    if nb is not None:
        feiten.update({gid: gid for gid in nb.berekening.grootheden})
        grens = nb.berekening.inkomensgrens
        feiten.update({r.eigen_feit(grens): grens for r in regelingen if r.inkomenstoets})
    for r in regelingen:
        if r.berekening is not None:
            feiten.update({gid: gid for gid in r.berekening.grootheden})
    return feiten


def norm_invoer(nb: Normbepaling | None, grootheden: Mapping[str, Grootheid]) -> frozenset[str]:
    """The facts the norm's quantities read, besides its categories' conditions."""
    if nb is None:
        return frozenset()
    gids = nb.berekening.alle
    return afhankelijkheden(gids, grootheden)["feit"]


def stage2_geld(regelset: Regelset) -> frozenset[str]:
    """The stage-2 facts that are money (the rule engine holds them in cents)."""
    alle = [r for pol in regelset.beleid.values() for vs in pol.regelingen.values() for r in vs]
    fase2 = stage2_facts(alle, regelset.normbepaling)
    return frozenset(naam for paar in fase2.items() for naam in paar
                     if paar[1] in regelset.grootheden and regelset.grootheden[paar[1]].is_geld)


@dataclass(frozen=True)
class _Gebruik:
    """One place that reads a parameter, and what the engine needs from it there."""

    pid: str
    vorm: str  # getal | per | getal_of_per | tabel (see _VORM_NAAM)
    eenheden: tuple[str, ...]  # () for any unit
    plaats: str
    vanaf: date | None  # the first day it is read (None: the engine has a fallback)
    wie: str  # what reads it, to start the message


_VORM_NAAM = {"getal": "één waarde", "per": "een waarde per leefvorm",
              "getal_of_per": "één waarde of een waarde per leefvorm",
              "tabel": "een leeftijdstabel", "gemengd": "afwisselend een tabel en één waarde"}
_VORMEN_OK = {"getal": {"getal"}, "per": {"per"}, "getal_of_per": {"getal", "per"},
              "tabel": {"tabel"}}


def _vorm(p: Parameter) -> str:
    if p.per:
        return "per"
    tabellen = [isinstance(w.waarde, list) for w in p.waarden]
    return "tabel" if all(tabellen) else ("getal" if not any(tabellen) else "gemengd")


def _check_gebruik(b: _Builder, pol: Beleid, u: _Gebruik) -> None:
    """The parameter exists, has the shape and unit the engine reads, and a value in time."""
    p = pol.parameters.get(u.pid)
    if p is None:
        b.meldingen.append(Melding(u.plaats, f"{u.wie}onbekende parameter '{u.pid}'"))
        return
    vorm = _vorm(p)
    if vorm not in _VORMEN_OK[u.vorm]:
        b.meldingen.append(Melding(u.plaats, f"{u.wie}parameter '{u.pid}' is "
                                   f"{_VORM_NAAM[vorm]}; hier is {_VORM_NAAM[u.vorm]} nodig"))
    elif u.eenheden and p.eenheid not in u.eenheden:
        b.meldingen.append(Melding(u.plaats, f"{u.wie}parameter '{u.pid}' heeft eenheid "
                                   f"{p.eenheid}; hier is {' of '.join(u.eenheden)} nodig"))
    if u.vanaf is not None and p.waarden and p.op(u.vanaf) is None:
        b.meldingen.append(Melding(u.plaats, (
            f"{u.wie}parameter '{u.pid}' heeft geen waarde op {u.vanaf.isoformat()} (de "
            f"eerste geldt vanaf {p.waarden[0].vanaf.isoformat()}, {p.bestand}); geef een "
            "waarde die uiterlijk dan ingaat")))


@cache
def _casus_schema() -> dict[str, Any]:
    return dict(json.loads(schema_path("case.schema.json").read_text(encoding="utf-8")))


def casus_veld(pad: str, door_lijsten: bool = False) -> dict[str, Any] | None:
    """The case schema of the field at dotted `pad` ($refs followed), or None if absent;
    `door_lijsten`: through lists too (`kinderen.geboortedatum` is each child's)."""
    schema = _casus_schema()
    node: Any = schema
    for deel in pad.split("."):
        if door_lijsten and isinstance(node, dict) and node.get("type") == "array":
            node = node.get("items")
        node = node.get("properties", {}).get(deel) if isinstance(node, dict) else None
        while isinstance(node, dict) and str(node.get("$ref", "")).startswith("#/$defs/"):
            node = schema["$defs"][node["$ref"].removeprefix("#/$defs/")]
        if node is None:
            return None
    return node if isinstance(node, dict) else None


# What the case holds at the path of each kind of form field (intake.py writes it).
_FORMULIER_SOORTEN: dict[str, Callable[[dict[str, Any]], bool]] = {
    "datum": lambda n: n.get("format") == "date",
    "bedrag": lambda n: n is _casus_schema()["$defs"].get("geld"),
    "geheel": lambda n: n.get("type") == "integer",
    "ja_nee": lambda n: n.get("type") == "boolean",
    "keuze": lambda n: "enum" in n,
    "gemeente": lambda n: n.get("type") == "string" and "format" not in n,
}


def _formulier(b: _Builder, doc: Document, formulieren: dict[str, dict[str, Any]]) -> None:
    """A form (`soort: formulier`): each field a case field of its kind, each path once."""
    f = doc.data["formulier"]
    if f["id"] in formulieren:
        b.fout(doc, ("formulier", "id"), f"formulier '{f['id']}' is al gedefinieerd")
        return
    formulieren[f["id"]] = f
    paden: set[str] = set()
    for g, groep in enumerate(f["groepen"]):
        plek = ("formulier", "groepen", g)
        voor = _formuliergroep(b, doc, plek, groep)
        for v, veld in enumerate(groep["velden"]):
            pad = voor + veld["pad"]
            if pad in paden:
                b.fout(doc, (*plek, "velden", v, "pad"), f"'{pad}' staat al in het formulier")
            paden.add(pad)
            _formulierveld(b, doc, (*plek, "velden", v), pad, veld)
    for g, groep in enumerate(f["groepen"]):
        for v, veld in enumerate(groep["velden"]):
            if "standaard_van" in veld and veld["standaard_van"] not in paden:
                b.fout(doc, ("formulier", "groepen", g, "velden", v, "standaard_van"),
                       f"'{veld['standaard_van']}' is geen veld van dit formulier")


def _formuliergroep(b: _Builder, doc: Document, plek: tuple[Any, ...],
                    groep: dict[str, Any]) -> str:
    """A list group: a list of the case (its fields' prefix); a switched group: the
    object the switch adds, holding every field of the group."""
    if "lijst" in groep:
        pad = groep["lijst"]["pad"]
        if (casus_veld(pad, door_lijsten=True) or {}).get("type") != "array":
            b.fout(doc, (*plek, "lijst", "pad"), f"'{pad}' is geen lijst van de casus")
        return pad + "."
    if "schakelaar" in groep:
        pad = groep["schakelaar"]["pad"]
        if (casus_veld(pad, door_lijsten=True) or {}).get("type") != "object":
            b.fout(doc, (*plek, "schakelaar", "pad"), f"'{pad}' is geen onderdeel van de casus")
        for v, veld in enumerate(groep["velden"]):
            if not veld["pad"].startswith(pad + "."):
                b.fout(doc, (*plek, "velden", v, "pad"),
                       f"'{veld['pad']}' hoort niet bij de schakelaar '{pad}'")
    return ""


def _formulierveld(b: _Builder, doc: Document, plek: tuple[Any, ...], pad: str,
                   veld: dict[str, Any]) -> None:
    node = casus_veld(pad, door_lijsten=True)
    if node is None:
        b.fout(doc, (*plek, "pad"), f"'{pad}' is geen veld van de casus (specs/case.schema.json)")
    elif not _FORMULIER_SOORTEN[veld["soort"]](node):
        b.fout(doc, (*plek, "soort"), f"'{pad}' is in de casus geen veld voor soort "
               f"'{veld['soort']}'")
    elif veld["soort"] == "keuze" and not set(veld["keuzes"]) <= set(node["enum"]):
        vreemd = ", ".join(sorted(set(veld["keuzes"]) - set(node["enum"])))
        b.fout(doc, (*plek, "keuzes"), f"'{pad}' kent niet: {vreemd}; wel: "
               + ", ".join(node["enum"]))


# What each fact kind reads from the case at its keys (facts.py): a date, money, a list
# of persons or items at the top level of the case, an object, or any field.
_CASUS_VELDEN: dict[str, dict[str, str]] = {
    "leeftijd": {"van": "datum"}, "aow_bereikt": {"van": "datum"},
    "maanden_sinds": {"van": "datum"}, "jaren_tussen": {"van": "datum", "tot": "datum"},
    "aantal_kinderen": {"van": "personen"}, "kostendelers": {"van": "personen"},
    "leefvorm": {"partner": "object", "kinderen": "personen"},
    "som_inkomsten": {"van": "lijst"}, "vermogen": {"van": "object"},
    "gegeven": {"van": "veld"}, "aanwezig": {"van": "veld"}, "niet_leeg": {"van": "lijst_ergens"},
}
_CASUS_NAAM = {"datum": "een datum (JJJJ-MM-DD)", "personen": "een lijst personen bovenaan "
               "de casus (zoals kinderen of medebewoners)", "lijst": "een lijst bovenaan de casus",
               "object": "een onderdeel bovenaan de casus", "geld": "een bedrag",
               "veld": "een veld", "lijst_ergens": "een lijst"}


def _casus_past(pad: str, soort: str) -> bool:
    node = casus_veld(pad)
    if node is None:
        return False
    boven = "." not in pad
    return {"datum": node.get("format") == "date", "geld": node is _casus_schema()["$defs"]
            .get("geld"), "veld": True, "lijst_ergens": node.get("type") == "array",
            "lijst": boven and node.get("type") == "array",
            "object": boven and node.get("type") == "object",
            "personen": boven and node.get("type") == "array"
            and "geboortedatum" in node.get("items", {}).get("properties", {})}[soort]


def _feit_refs(b: _Builder, pol: Beleid, eerste: date | None) -> list[_Gebruik]:
    """Each fact reads case fields of the right kind and parameters of the right unit."""
    uses: list[_Gebruik] = []
    for naam, f in pol.feiten.items():
        doc = b.docs.get(f.bestand)
        if doc is not None:
            _feit_velden(b, doc, naam, f)
            uses += _feit_parameters(b, pol, doc, naam, f, eerste)
    for pid, p in pol.parameters.items():
        bron_p = p.standaard or p
        doc = b.docs.get(bron_p.bestand)
        if p.per and doc is not None:
            per = pol.feiten.get(p.per)
            if per is None or per.soort != "leefvorm":
                b.fout(doc, ("parameters", pid, "per"), f"parameter '{pid}': 'per' moet een "
                       f"feit van soort leefvorm zijn, niet '{p.per}'")
            uses.append(_Gebruik(pid, "per", (), doc.plaats(("parameters", pid, "waarden")),
                                 eerste, ""))
    return uses


def _feit_velden(b: _Builder, doc: Document, naam: str, f: Feit) -> None:
    """The case fields a fact reads exist and are of the kind its `soort` reads."""
    velden = dict(_CASUS_VELDEN.get(f.soort, {}))
    if f.soort == "gegeven" and f.is_geld:
        velden["van"] = "geld"
    for sleutel, soort in velden.items():
        veld = f.opties.get(sleutel)
        if isinstance(veld, str) and not _casus_past(veld, soort):
            wat = "is geen veld van de casus" if casus_veld(veld) is None else \
                f"is in de casus geen {_CASUS_NAAM[soort]}"
            b.fout(doc, ("feiten", naam, sleutel), f"feit {naam}: '{veld}' {wat} "
                   f"(specs/case.schema.json); hier is {_CASUS_NAAM[soort]} nodig")


def _feit_parameters(b: _Builder, pol: Beleid, doc: Document, naam: str, f: Feit,
                     eerste: date | None) -> list[_Gebruik]:
    """The parameters (and, in a formula, the facts) a fact reads."""
    pad, wie = ("feiten", naam), f"feit {naam}: "
    uses: list[_Gebruik] = []
    if f.formule is not None:
        refs = f.formule.refs()
        for onbekend in sorted(refs["feit"] - set(pol.feiten)):
            b.fout(doc, (*pad, "formule"), f"{wie}onbekend feit '{onbekend}' in de formule")
        uses += [_Gebruik(pid, "getal", (), doc.plaats((*pad, "formule")), eerste, wie)
                 for pid in sorted(refs["parameter"])]
    uses += [_Gebruik(str(spec["geldt"]), "getal", ("ja_nee",),
                      doc.plaats((*pad, "uitgezonderd", vlag, "geldt")), eerste, wie)
             for vlag, spec in (f.opties.get("uitgezonderd") or {}).items()
             if isinstance(spec, dict)]
    for sleutel, eenheid in (("parameter", "maanden"), ("minimumleeftijd", "jaren")):
        if f.soort in ("aow_bereikt", "kostendelers") and sleutel in f.opties:
            uses.append(_Gebruik(str(f.opties[sleutel]), "getal", (eenheid,),
                                 doc.plaats((*pad, sleutel)), eerste, wie))
    return uses


def _conditie_refs(b: _Builder, doc: Document, cond: Conditie | None, known: set[str],
                   wie: str, vanaf: date | None) -> list[_Gebruik]:
    """Each fact a condition reads is known; each parameter is read as a number (on the
    left it is compared when the rules compile) or, on the right, also per leefvorm."""
    uses = []
    for v in vergelijkingen(cond) if cond is not None else ():
        for ref in (v.links, *v.rechts):
            if not isinstance(ref, Ref):
                continue
            if ref.soort == "feit" and ref.naam not in known:
                b.fout(doc, ref.pad, f"{wie}onbekend feit '{ref.naam}'")
            elif ref.soort == "parameter":
                uses.append(_Gebruik(ref.naam, "getal" if ref is v.links else "getal_of_per", (),
                                     doc.plaats(ref.pad), vanaf, wie))
    return uses


def _bedrag_refs(b: _Builder, pol: Beleid, doc: Document, pad: Pad, spec: Any,
                 geld: set[str], wie: str, vanaf: date) -> list[_Gebruik]:
    """A `bedrag`: a money fact, a parameter in euro, an age table, or a list of those."""
    if isinstance(spec, list):
        return [u for i, s in enumerate(spec)
                for u in _bedrag_refs(b, pol, doc, (*pad, i), s, geld, wie, vanaf)]
    if isinstance(spec, str):
        if spec not in geld:
            b.fout(doc, pad, f"{wie}'{spec}' is geen bekend bedrag: verwacht een feit in euro "
                   "(zoals bijstand.bedrag), {parameter: …} of {leeftijdstabel: …}")
        return []
    if "parameter" in spec:
        return [_Gebruik(spec["parameter"], "getal_of_per", ("euro",),
                         doc.plaats((*pad, "parameter")), vanaf, wie)]
    if "formule" in spec:
        return _formule_refs(b, doc, (*pad, "formule"), spec["formule"], geld | set(pol.feiten),
                             wie, vanaf)
    return [_Gebruik(spec["leeftijdstabel"], "tabel", ("euro",),
                     doc.plaats((*pad, "leeftijdstabel")), vanaf, wie)]


def _formule_refs(b: _Builder, doc: Document, pad: Pad, formule: Any, known: set[str],
                  wie: str, vanaf: date) -> list[_Gebruik]:
    """An amount formula reads known facts and existing parameters (its syntax was checked
    when the regeling was built)."""
    try:
        refs = parse_expressie(formule, pad).refs()
    except ExpressieFout:
        return []
    for naam in sorted(refs["feit"] - known):
        b.fout(doc, pad, f"{wie}onbekend feit '{naam}' in de formule")
    return [_Gebruik(pid, "getal", (), doc.plaats(pad), vanaf, wie)
            for pid in sorted(refs["parameter"])]


def _tekst_refs(b: _Builder, pol: Beleid, doc: Document, teksten: list[tuple[Pad, str]],
                known: set[str], wie: str, vanaf: date | None) -> list[_Gebruik]:
    """`{naam}` in a text is a fact, the gemeente, or a parameter the engine can show then."""
    uses = []
    for tpad, tekst in teksten:
        for name in _PLACEHOLDER.findall(tekst):
            if name in pol.parameters and name not in known:
                uses.append(_Gebruik(name, "getal_of_per", (), doc.plaats(tpad), vanaf, wie))
            elif name not in known | _TEXT_NAMES:
                b.fout(doc, tpad, f"{wie}tekst verwijst naar onbekend '{{{name}}}'")
    return uses


def _teksten(r: Regeling, pad: Pad) -> list[tuple[Pad, str]]:
    """The texts of a regeling's voorwaarden and signaleringen, with their paths."""
    teksten = [((*pad, "voorwaarden", i, "tekst", k), t) for i, v in enumerate(r.voorwaarden)
               for k, t in (("voldaan", v.tekst_voldaan), ("niet_voldaan", v.tekst_niet_voldaan))]
    if r.vorm is not None:
        teksten += [((*pad, "vorm", "tekst", "lening"), r.vorm.tekst_lening),
                    ((*pad, "vorm", "tekst", "om_niet"), r.vorm.tekst_om_niet)]
    return teksten + [((*pad, "signaleringen", k, "tekst"), s.tekst)
                      for k, s in enumerate(r.signaleringen)]


def _regeling_refs(b: _Builder, pol: Beleid, r: Regeling, known: set[str], geld: set[str],
                   nb: Normbepaling | None, grootheden: Mapping[str, Grootheid]
                   ) -> list[_Gebruik]:
    """Every reference of one regeling version, each at its own `file:line:col`."""
    doc, pad = b.docs[r.bestand], b.regeling_pad[r.plaats]
    wie, vanaf = f"{r.id}: ", r.geldig_vanaf
    if r.inkomenstoets is not None and nb is not None:  # its own income limit
        known = known | {nb.berekening.inkomensgrens}
    conds = [v.als for v in r.voorwaarden] + [s.als for s in r.signaleringen]
    conds += [r.vorm.als] if r.vorm is not None else []
    uses: list[_Gebruik] = []
    for tnaam, spec in r.termijnen.items():
        tpad = (*pad, "termijnen", tnaam)
        if spec.vanaf == tnaam or (spec.vanaf not in r.termijnen
                                   and not _casus_past(spec.vanaf, "datum")):
            b.fout(doc, (*tpad, "vanaf"), f"{wie}termijn {tnaam}: 'vanaf' moet een datum uit "
                   f"de casus of een andere termijn zijn, niet '{spec.vanaf}'")
        for k, regel in enumerate(spec.regels):
            conds.append(regel.als)
            uses += [_Gebruik(pid, "getal", (regel.eenheid,),
                              doc.plaats((*tpad, "regels", k, regel.eenheid)), vanaf, wie)
                     for pid in sorted(regel.aantal.refs()["parameter"])]
    for cond in conds:
        uses += _conditie_refs(b, doc, cond, known, wie, vanaf)
    uses += _tekst_refs(b, pol, doc, _teksten(r, pad), known, wie, vanaf)
    for key, spec in r.bedrag.items():
        uses += _bedrag_refs(b, pol, doc, (*pad, "bedrag", key), spec, geld, wie, vanaf)
    if r.inkomenstoets:
        tp = (*pad, "inkomenstoets")
        uses.append(_Gebruik(r.inkomenstoets.percentage, "getal", ("procent",),
                             doc.plaats((*tp, "percentage")), vanaf, wie))
    if r.berekening is not None:
        _berekening_refs(b, doc, (*pad, "berekening"), r.berekening, grootheden, wie)
    if (r.inkomenstoets or r.berekening is not None) and nb is None:
        b.fout(doc, pad, f"{wie}gebruikt de bijstandsnorm, maar er is geen normbepaling")
    return uses


def _berekening_refs(b: _Builder, doc: Document, pad: Pad, berekening: RegelingBerekening,
                     grootheden: Mapping[str, Grootheid], wie: str) -> None:
    """A regeling's own quantities and the quantities its grounds explain are declared; a
    ground per item names a list in the case."""
    for i, gid in enumerate(berekening.grootheden):
        if gid not in grootheden:
            b.fout(doc, (*pad, "grootheden", i), f"{wie}onbekende grootheid '{gid}'")
    for i, g in enumerate(berekening.gronden):
        if g.uitleg not in grootheden:
            b.fout(doc, (*pad, "gronden", i, "uitleg"), f"{wie}onbekende grootheid '{g.uitleg}'")
        if g.posten is not None and not _casus_past(g.posten, "lijst"):
            b.fout(doc, (*pad, "gronden", i, "posten"), f"{wie}'{g.posten}' is in de casus "
                   f"geen {_CASUS_NAAM['lijst']}")


def _norm_refs(b: _Builder, pol: Beleid, nb: Normbepaling, known: set[str],
               vanaf: date | None) -> list[_Gebruik]:
    """The norm categories' conditions and parameters, read from `vanaf` (the first regeling
    that needs the norm)."""
    doc = b.docs.get(nb.bestand)
    if doc is None:
        return []
    uses: list[_Gebruik] = []
    for j, c in enumerate(nb.categorieen):
        pad, wie = ("normcategorieen", j), f"normcategorie {c.id}: "
        uses += _conditie_refs(b, doc, c.als, known, wie, vanaf)
        uses += _tekst_refs(b, pol, doc, [((*pad, "tekst"), c.tekst)], known, wie, vanaf)
        for key, eenheid in (("norm", "euro"), ("kostendelers_basis", "euro"),
                             ("kostendelers_jongere_partner", "euro"), ("percentage", "procent")):
            pid = getattr(c, key, None)
            if pid:
                uses.append(_Gebruik(pid, "getal", (eenheid,), doc.plaats((*pad, key)), vanaf,
                                     wie))
        uses += [_Gebruik(pid, "getal", ("euro",), doc.plaats((*pad, "plus", k)), vanaf, wie)
                 for k, pid in enumerate(c.plus)]
    return uses


_CATEGORIE_VELDEN = frozenset({"norm", "kostendelers_basis", "kostendelers_jongere_partner",
                               "percentage", "plus", "rechthebbenden", "alleen_aanvrager"})
_TOETS_VELDEN = frozenset({"percentage", "kostendelersnorm", "vakantietoeslag"})


def _grootheid_refs(b: _Builder, pol: Beleid, grootheden: Mapping[str, Grootheid],
                    known: set[str], vanaf: date | None) -> list[_Gebruik]:
    """Every reference in the quantities' formulas and explanations resolves."""
    uses: list[_Gebruik] = []
    for g in grootheden.values():
        refs, wie = g.refs(), f"grootheid {g.id}: "
        fout = [f"onbekend feit '{n}'" for n in sorted(refs["feit"] - known)]
        fout += [f"onbekende grootheid '{n}'" for n in sorted(refs["grootheid"] - set(grootheden))]
        fout += [f"onbekend veld van de normcategorie '{n}'"
                 for n in sorted(refs["categorie"] - _CATEGORIE_VELDEN)]
        fout += [f"onbekend veld van de inkomenstoets '{n}'"
                 for n in sorted(refs["inkomenstoets"] - _TOETS_VELDEN)]
        fout += [f"onbekend persoonsfeit '{n}'" for n in sorted(refs["persoon"])
                 if f"aanvrager.{n}" not in known]
        b.meldingen += [Melding(g.plaats, wie + f) for f in fout]
        uses += [_Gebruik(pid, "getal_of_per", (), g.plaats, vanaf, wie)
                 for pid in sorted(refs["parameter"])]
        uses += [_Gebruik(pid, "getal", (), g.plaats, None, wie)  # the first value is used
                 for pid in sorted(refs["parameter_op"])]  # before it starts
    return uses


def _check_references(b: _Builder, pol: Beleid, nb: Normbepaling | None,
                      eerste: date | None, grootheden: Mapping[str, Grootheid]) -> None:
    """Everything the engine reads resolves, with the shape, unit and dates it computes with.

    Each finding names the exact reference (`file:line:col`), like a schema error.
    """
    alle = [r for versies in pol.regelingen.values() for r in versies]
    indexed = {p.id for p in pol.parameters.values() if p.per}
    fase2 = stage2_facts(alle, nb)
    # a regeling's own value of a per-regeling quantity is known in that regeling only
    known = set(pol.feiten) | {n for n, gid in fase2.items() if n == gid} | indexed
    geld = ({n for n, f in pol.feiten.items() if f.is_geld}
            | {gid for gid in fase2.values() if gid in grootheden and grootheden[gid].is_geld}
            | {p for p in indexed if pol.parameters[p].is_geld})
    uses = _feit_refs(b, pol, eerste)
    for r in alle:
        uses += _regeling_refs(b, pol, r, known, geld, nb, grootheden)
    if nb is not None:
        norm_vanaf = min((r.geldig_vanaf for r in alle
                          if r.inkomenstoets or r.berekening is not None),
                         default=None)
        uses += _norm_refs(b, pol, nb, known, norm_vanaf)
        uses += _grootheid_refs(b, pol, grootheden, known, norm_vanaf)
    for u in uses:
        _check_gebruik(b, pol, u)

"""Proposal impact (issue #11, analysis 3): what a policy proposal does to a caseload.

Why: before a council harmonises a choice (say: the minima income limit at 130% in
Heiloo and Uitgeest) it wants to know who gains a right, who loses one and what it
costs per year, for its own households rather than for standard ones.

A proposal is the `batch --variant` format, once per gemeente: one or more
gemeente overlays in one YAML file, separated by `---`. Each document replaces the
overlay of the gemeente it names, exactly as `--variant` does (`batch.variant_slug`
checks it, `batch.kopieer_regels` builds the rules root). The chosen gemeenten are
`--gemeente` (each must be in the proposal) or, by default, every gemeente the
proposal names; only cases of those gemeenten count.

Each counted case is decided twice, under the base rules and under the proposal,
and `batch.besluit_diffs` yields the regelingen that differ. Per gemeente and
regeling the report counts the households that gain a right (the outcome becomes
`toegekend`) and lose one, and the change in the amount per year (`per_jaar` +
12 × `per_maand` + `eenmalig`), in total and per household type. Examples are the
first three line numbers per transition, so the output is deterministic.

A long run reports progress through `voortgang(verwerkt, totaal)`: the CLI's
progress line and the status of a job under `sora-rules serve`. The report names
the proposal and the caseload by their paths, or by `namen` (the service's
uploads live in a private temp directory whose path means nothing to a client).
"""

from __future__ import annotations

import contextlib
import re
import shutil
import tempfile
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any, BinaryIO, TypeVar

from .batch import besluit_diffs, decodeer, kopieer_regels, tel_regels, utf8_bestand, variant_slug
from .case import load_case_json
from .engine import Engine
from .errors import InvoerFout, RegelFout
from .resources import data_root
from .teksten import Teksten, euro_text, standaard_teksten

__all__ = ["HUISHOUDTYPEN", "TOEGEKEND", "VOORTGANG_STAP", "Effect", "Opzet", "Telling",
           "Voorstel", "beoordeel", "huishoudtype", "jaarbedrag", "kies_gemeenten",
           "laad_variant", "laad_voorstel", "render_voorstel", "variant_root",
           "voorstel_effect"]

TOEGEKEND = "toegekend"
HUISHOUDTYPEN = ("alleenstaande", "alleenstaande_ouder", "paar", "paar_met_kinderen")
VOORBEELDEN = 3
VOORTGANG_STAP = 25  # lines between progress reports: often enough for a status page
_DOCUMENTGRENS = re.compile(r"^---[ \t]*$", re.MULTILINE)
_NUL = Decimal(0)
E = TypeVar("E")


@dataclass(frozen=True)
class Voorstel:
    """The proposal's overlays (slug → a file in the `--variant` format); `naam` is how
    messages name the proposal (its path, or the service's neutral name)."""

    pad: Path
    overlays: Mapping[str, Path]
    naam: str


def _documenten(tekst: str) -> list[str]:
    """The YAML documents of the proposal; an empty one (a leading `---`) is skipped."""
    return [d for d in _DOCUMENTGRENS.split(tekst) if d.strip()]


def _tekst(pad: Path, naam: str) -> str:
    try:
        return utf8_bestand(pad)
    except InvoerFout as exc:  # named `variant` by batch; here it is the proposal
        raise InvoerFout("voorstel", exc.bericht.replace(str(pad), naam)) from None


def laad_voorstel(pad: Path, basis: Path, tmp: Path, t: Teksten,
                  naam: str | None = None) -> Voorstel:
    """Split the proposal into overlays and check each as `--variant` does; messages
    name it `naam` (default: its path)."""
    naam = naam if naam is not None else str(pad)
    documenten = _documenten(_tekst(pad, naam))
    if not documenten:
        raise InvoerFout("voorstel", t.tekst("voorstel.leeg", voorstel=naam))
    overlays: dict[str, Path] = {}
    for nummer, tekst in enumerate(documenten, start=1):
        deel = tmp / f"voorstel-{nummer}.yaml"
        deel.write_text(tekst, encoding="utf-8")
        document = naam if len(documenten) == 1 else t.tekst(
            "voorstel.document", voorstel=naam, nummer=nummer)
        try:
            slug = variant_slug(basis, deel)
        except InvoerFout as exc:
            raise InvoerFout("voorstel", exc.bericht.replace(str(deel), document)) from None
        if slug in overlays:
            raise InvoerFout("voorstel", t.tekst("voorstel.dubbel", voorstel=naam, gemeente=slug))
        overlays[slug] = deel
    return Voorstel(pad, overlays, naam)


def kies_gemeenten(voorstel: Voorstel, gemeenten: Sequence[str] | None, t: Teksten
                   ) -> tuple[str, ...]:
    """`--gemeente` (each one in the proposal), or every gemeente the proposal names."""
    genoemd = sorted(voorstel.overlays)
    for slug in gemeenten or ():
        if slug not in voorstel.overlays:
            raise InvoerFout("gemeente", t.tekst("voorstel.niet_in_voorstel", gemeente=slug,
                                                 voorstel=voorstel.naam,
                                                 gemeenten=", ".join(genoemd)))
    return tuple(sorted(set(gemeenten))) if gemeenten else tuple(genoemd)


def variant_root(basis: Path, voorstel: Voorstel, gemeenten: Sequence[str], doel: Path) -> Path:
    """A copy of the rules with the chosen gemeenten's overlays replaced."""
    eerste, *rest = gemeenten
    root = Path(kopieer_regels(basis, voorstel.overlays[eerste], eerste, doel))
    for slug in rest:
        shutil.copyfile(voorstel.overlays[slug], doel / "gemeenten" / f"{slug}.yaml")
    return root


def laad_variant(maak: Callable[[Path], E], root: Path, voorstel: Voorstel,
                 gemeenten: Sequence[str]) -> E:
    """`maak(root)` (an Engine, or the vectorised one); invalid rules are the proposal's
    fault, named as the proposal rather than as the temporary copy."""
    try:
        return maak(root)
    except RegelFout as exc:
        meldingen = [str(m) for m in getattr(exc, "meldingen", None) or [exc]]
        for slug in gemeenten:
            kopie = f"gemeenten/{slug}.yaml"
            meldingen = [m.replace(str(root / kopie), kopie).replace(kopie, voorstel.naam)
                         for m in meldingen]
        raise InvoerFout("voorstel", "\n".join(meldingen)) from None


def huishoudtype(case: Mapping[str, Any]) -> str:
    """Alleenstaande (ouder) or paar (met kinderen): a partner, and any children."""
    kinderen = bool(case.get("kinderen"))
    if case.get("partner"):
        return "paar_met_kinderen" if kinderen else "paar"
    return "alleenstaande_ouder" if kinderen else "alleenstaande"


def jaarbedrag(bedrag: Mapping[str, Any] | None) -> Decimal:
    """per_jaar + 12 × per_maand + eenmalig, exact (the JSON floats via their repr)."""
    b = bedrag or {}
    return sum((Decimal(repr(b.get(s, 0))) * k for s, k in
                (("per_jaar", 1), ("per_maand", 12), ("eenmalig", 1))), _NUL)


@dataclass
class Effect:
    """One gemeente × regeling: the transitions and the change per year."""

    erbij: list[int] = field(default_factory=list)
    eraf: list[int] = field(default_factory=list)
    verschil: dict[str, Decimal] = field(default_factory=lambda: dict.fromkeys(
        HUISHOUDTYPEN, _NUL))
    zonder_bedrag: int = 0  # gained a right whose regeling has no amount: cost unknown

    def voeg_toe(self, diff: Mapping[str, Any], soort: str) -> None:
        self.tel(diff["regel"], diff["uitkomst"]["huidig"], diff["uitkomst"]["variant"],
                 jaarbedrag(diff["bedrag"]["variant"]) - jaarbedrag(diff["bedrag"]["huidig"]),
                 soort, bool(diff["bedrag"]["variant"]))

    def tel(self, regel: int, huidig: str | None, variant: str | None, per_jaar: Decimal,
            soort: str, met_bedrag: bool) -> None:
        """One household whose besluit differs: line `regel`, its outcomes, the change per
        year, its household type, and whether the proposal's besluit has any amount."""
        if variant == TOEGEKEND and huidig != TOEGEKEND:
            self.erbij.append(regel)
            self.zonder_bedrag += not met_bedrag
        elif huidig == TOEGEKEND and variant != TOEGEKEND:
            self.eraf.append(regel)
        self.verschil[soort] += per_jaar

    def to_dict(self, gemeente: str, regeling: str) -> dict[str, Any]:
        return {"gemeente": gemeente, "regeling": regeling,
                "erbij": len(self.erbij), "eraf": len(self.eraf),
                "verschil_per_jaar": sum(self.verschil.values(), _NUL),
                "per_huishoudtype": dict(self.verschil),
                "zonder_bedrag": self.zonder_bedrag,
                "voorbeelden": {"erbij": self.erbij[:VOORBEELDEN],
                                "eraf": self.eraf[:VOORBEELDEN]}}


def _onleesbaar(naam: str, t: Teksten) -> InvoerFout:
    return InvoerFout("caseload", t.tekst("voorstel.caseload_onleesbaar", pad=naam))


def _tel(caseload: Path, naam: str, t: Teksten) -> int:
    """The number of lines, for progress; counting first also proves the file readable."""
    if not caseload.is_file():
        raise _onleesbaar(naam, t)
    try:
        return tel_regels(caseload)
    except InvoerFout:
        raise _onleesbaar(naam, t) from None


def _regels(caseload: Path, naam: str, t: Teksten) -> Iterator[tuple[int, bytes]]:
    try:
        with caseload.open("rb") as handle:
            yield from enumerate(handle, start=1)
    except OSError:
        raise _onleesbaar(naam, t) from None


@dataclass
class Telling:
    """What a run over the caseload has counted so far."""

    gelezen: int = 0
    fouten: list[int] = field(default_factory=list)
    per_gemeente: dict[str, int] = field(default_factory=dict)
    effecten: dict[tuple[str, str], Effect] = field(default_factory=dict)


def beoordeel(engines: tuple[Engine, Engine], gemeenten: Sequence[str],
              peildatum: date | None, item: tuple[int, bytes], telling: Telling) -> None:
    """One caseload line: counted if its gemeente is chosen, its diffs added."""
    regel, raw = item
    telling.gelezen += 1
    try:
        case = load_case_json(decodeer(regel, raw), f"regel {regel}")
        if case.get("gemeente") not in gemeenten:
            return
        huidig, variant = (e.evaluate(case, peildatum=peildatum).to_dict() for e in engines)
    except InvoerFout:
        telling.fouten.append(regel)
        return
    slug = str(case["gemeente"])
    telling.per_gemeente[slug] = telling.per_gemeente.get(slug, 0) + 1
    soort = huishoudtype(case)
    for diff in besluit_diffs(regel, huidig, variant):
        effect = telling.effecten.setdefault((slug, diff["regeling"]), Effect())
        effect.voeg_toe(diff, soort)


Voortgang = Callable[[int, int], None]


@dataclass
class Opzet:
    """What both ways of counting share: the rules, the proposal, the choices, and the
    durable-rules engines (made when first needed: the vectorised way needs them only
    for a chunk with a refused line)."""

    basis: Path
    root: Path  # the rules with the proposal's overlays
    voorstel: Voorstel
    gekozen: tuple[str, ...]
    peildatum: date | None
    engine: Engine | None = None  # on `basis`, when the caller has one
    _engines: tuple[Engine, Engine] | None = None

    def engines(self) -> tuple[Engine, Engine]:
        if self._engines is None:
            self._engines = (self.engine if self.engine is not None else Engine(self.basis),
                             laad_variant(Engine, self.root, self.voorstel, self.gekozen))
        return self._engines

    def beoordeel(self, item: tuple[int, bytes], telling: Telling) -> None:
        beoordeel(self.engines(), self.gekozen, self.peildatum, item, telling)


def voorstel_effect(voorstel_pad: Path, caseload: Path, gemeenten: Sequence[str] | None = None,
                    peildatum: date | None = None, regels: Path | None = None,
                    teksten: Teksten | None = None, voortgang: Voortgang | None = None, *,
                    engine: Engine | None = None, namen: tuple[str, str] | None = None,
                    per_huishouden: bool = False) -> dict[str, Any]:
    """The proposal's effect on the caseload as plain data (see the module docstring).

    Counted on columns by the vectorised evaluator (vector/voorstel.py), or with
    `per_huishouden` by deciding each household twice on the durable-rules path: the
    same report. `voortgang(verwerkt, totaal)` is called at least every 50,000 lines
    (per household: every `VOORTGANG_STAP`), at multiples of `VOORTGANG_STAP`, and once
    after the last, `totaal` from a line count first. `engine` is one already loaded on
    `regels` (the service shares its own); `namen` replace the paths of the proposal
    and the caseload in the report and its messages.
    """
    t = teksten if teksten is not None else standaard_teksten()
    basis = Path(regels) if regels is not None else data_root()
    voorstel_naam, caseload_naam = namen if namen is not None else (str(voorstel_pad),
                                                                     str(caseload))
    totaal = _tel(caseload, caseload_naam, t)

    def gemeld(n: int) -> None:
        if voortgang is not None and n < totaal:
            voortgang(n, totaal)

    with tempfile.TemporaryDirectory(prefix="sora-voorstel-") as tmp:
        (Path(tmp) / "voorstel").mkdir()
        voorstel = laad_voorstel(voorstel_pad, basis, Path(tmp) / "voorstel", t, voorstel_naam)
        gekozen = kies_gemeenten(voorstel, gemeenten, t)
        opzet = Opzet(basis, variant_root(basis, voorstel, gekozen, Path(tmp) / "root"),
                      voorstel, gekozen, peildatum, engine)
        telling = Telling()
        if per_huishouden:
            opzet.engines()  # the proposal's rules checked before the first line
            for item in _regels(caseload, caseload_naam, t):
                opzet.beoordeel(item, telling)
                if telling.gelezen % VOORTGANG_STAP == 0:
                    gemeld(telling.gelezen)
        else:
            from .vector.voorstel import op_kolommen

            with _geopend(caseload, caseload_naam, t) as f:
                op_kolommen(opzet, f, telling, gemeld)
    if voortgang is not None:
        voortgang(telling.gelezen, max(totaal, telling.gelezen))
    return _als_data(voorstel_naam, caseload_naam, gekozen, peildatum, telling)


@contextlib.contextmanager
def _geopend(caseload: Path, naam: str, t: Teksten) -> Iterator[BinaryIO]:
    try:
        with caseload.open("rb") as f:
            yield f
    except OSError:
        raise _onleesbaar(naam, t) from None


def _als_data(voorstel: str, caseload: str, gemeenten: Sequence[str], peildatum: date | None,
              telling: Telling) -> dict[str, Any]:
    effecten = [e.to_dict(g, r) for (g, r), e in sorted(telling.effecten.items())
                if e.erbij or e.eraf or any(e.verschil.values())]
    return {"voorstel": voorstel, "caseload": caseload,
            "gemeenten": list(gemeenten),
            "peildatum": peildatum.isoformat() if peildatum else None,
            "regels_gelezen": telling.gelezen, "fouten": len(telling.fouten),
            "fout_regels": telling.fouten[:VOORBEELDEN],
            "huishoudens": {g: telling.per_gemeente.get(g, 0) for g in gemeenten},
            "effecten": effecten}


def _regels_tekst(regels: Sequence[int]) -> str:
    return ", ".join(str(r) for r in regels)


def _effect_tekst(e: Mapping[str, Any], t: Teksten) -> list[str]:
    lines = ["    " + t.tekst("voorstel.regeling", regeling=e["regeling"], erbij=e["erbij"],
                              eraf=e["eraf"],
                              bedrag=euro_text(e["verschil_per_jaar"], teken=True))]
    for soort in HUISHOUDTYPEN:
        bedrag = e["per_huishoudtype"][soort]
        if bedrag:
            lines.append("      " + t.tekst("voorstel.huishoudtype",
                                            huishouden=t.tekst(f"voorstel.type.{soort}"),
                                            bedrag=euro_text(bedrag, teken=True)))
    if e["zonder_bedrag"]:
        lines.append("      " + t.tekst("voorstel.zonder_bedrag", aantal=e["zonder_bedrag"]))
    for overgang in ("erbij", "eraf"):
        if e["voorbeelden"][overgang]:
            lines.append("      " + t.tekst(f"voorstel.voorbeelden_{overgang}",
                                            regels=_regels_tekst(e["voorbeelden"][overgang])))
    return lines


def render_voorstel(data: Mapping[str, Any], teksten: Teksten | None = None) -> str:
    """The report for a terminal: heading, then per gemeente its regelingen."""
    t = teksten if teksten is not None else standaard_teksten()
    lines = [t.tekst("voorstel.kop", voorstel=data["voorstel"],
                     gemeenten=", ".join(data["gemeenten"])),
             t.tekst("voorstel.caseload", caseload=data["caseload"],
                     aantal=data["regels_gelezen"],
                     meegeteld=sum(data["huishoudens"].values()), fouten=data["fouten"])]
    if data["fout_regels"]:
        lines.append("  " + t.tekst("voorstel.fout_regels",
                                    regels=_regels_tekst(data["fout_regels"])))
    for slug in data["gemeenten"]:
        lines.append("  " + t.tekst("voorstel.gemeente", gemeente=slug,
                                    aantal=data["huishoudens"][slug]))
        effecten = [e for e in data["effecten"] if e["gemeente"] == slug]
        if not effecten:
            lines.append("    " + t.tekst("voorstel.geen_verschil"))
        for e in effecten:
            lines += _effect_tekst(e, t)
    return "\n".join(lines) + "\n"

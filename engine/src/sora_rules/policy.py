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
import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from .errors import RegelFout
from .load import Document, load_file, yaml_files
from .model import (
    Beleid,
    Bron,
    Categorie,
    Feit,
    Gemeente,
    Inkomenstoets,
    Normbepaling,
    Parameter,
    Rechtsmiddelen,
    Regeling,
    Regelset,
    Signalering,
    Voorwaarde,
    Waarde,
    combined_hash,
)
from .validate import Melding, check_schema

# Facts the normbepaling produces for the second engine stage (cents unless noted).
NORM_FEITEN = ("bijstand.norm", "bijstand.norm_zonder_kostendelers", "bijstand.vakantietoeslag",
               "bijstand.bedrag", "kostendelers.a")
GELD_FEITEN = frozenset(NORM_FEITEN) - {"kostendelers.a"}
# Facts the norm calculation reads besides the category conditions (calculate.bijstandsnorm).
NORM_INVOER = frozenset({"huishouden.kostendelers", "inkomen.meetellend"})


def is_geld_feit(name: str) -> bool:
    """Stage-2 facts in cents: the norm facts, income limits and vergoedingen."""
    return name in GELD_FEITEN or name.endswith((".inkomensgrens", ".vergoeding"))
_PLACEHOLDER = re.compile(r"\{([a-z_][a-z0-9_.]*)\}")
_TEXT_NAMES = frozenset({"gemeente", "gemeente.naam"})


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

    def fout(self, doc: Document, pad: tuple[Any, ...], bericht: str,
             sleutel: bool = False) -> None:
        """A finding at `pad`; with `sleutel` at its key (for mistakes in a name)."""
        self.meldingen.append(Melding(doc.plaats(pad, sleutel=sleutel), bericht))

    def datum(self, text: str, doc: Document, pad: tuple[Any, ...]) -> date:
        try:
            return date.fromisoformat(text)
        except (TypeError, ValueError):
            self.fout(doc, pad, f"'{text}' is geen geldige datum", sleutel=True)
            return date.min

    def parameter(self, pid: str, p: dict[str, Any], doc: Document, pad: tuple[Any, ...],
                  pakket: str) -> Parameter:
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
        voorwaarden = tuple(
            Voorwaarde(regel=v["regel"], als=v["als"], bron=bron(v["bron"]),
                       tekst_voldaan=v["tekst"]["voldaan"],
                       tekst_niet_voldaan=v["tekst"]["niet_voldaan"],
                       bestand=doc.bestand, pakket=pakket,
                       plaats=doc.plaats((*pad, "voorwaarden", i)))
            for i, v in enumerate(r["voorwaarden"])
        )
        toets = r.get("inkomenstoets")
        return Regeling(
            id=r["id"], naam=r["naam"], pakket=pakket, grondslag=bron(r["grondslag"]),
            geldig_vanaf=self.datum(r["geldig_vanaf"], doc, (*pad, "geldig_vanaf")),
            geldig_tot=(self.datum(r["geldig_tot"], doc, (*pad, "geldig_tot"))
                        if "geldig_tot" in r else None),
            voorwaarden=voorwaarden, bestand=doc.bestand,
            berekening=dict(r.get("berekening", {})), bedrag=dict(r.get("bedrag", {})),
            signaleringen=tuple(Signalering(regel=s["regel"], als=s.get("als"),
                                            bron=bron(s["bron"]), tekst=s["tekst"])
                                for s in r.get("signaleringen", [])),
            inkomenstoets=(Inkomenstoets(
                percentage=toets["percentage"],
                kostendelersnorm=toets["norm"] == "met_kostendelersnorm",
                vakantietoeslag=toets["vakantietoeslag"] == "inclusief",
                bron=bron(toets["bron"]), status=toets["status"],
                toelichting=toets.get("toelichting", "")) if toets else None),
            uitschakelbaar=bool(r.get("uitschakelbaar", False)),
            omschrijving=r.get("omschrijving", ""),
            plaats=doc.plaats(pad),
            aanvraag=r.get("aanvraag"),
            termijnen=dict(r.get("termijnen", {})),
        )


def load_regelset(root: Path) -> Regelset:
    """Load and validate everything under `root/rules` and `root/gemeenten`."""
    b = _Builder()
    parameters: dict[str, Parameter] = {}
    feiten: dict[str, Feit] = {}
    regelingen: dict[str, list[Regeling]] = {}
    normbepaling: Normbepaling | None = None
    rechtsmiddelen: Rechtsmiddelen | None = None
    kalender: dict[str, Any] | None = None
    teksten: dict[str, str] = {}
    basis_files: list[tuple[str, bytes]] = []

    def load(path: Path, schema: str) -> Document | None:
        try:
            doc = load_file(path, _rel(path, root))
        except RegelFout as exc:
            b.meldingen.append(Melding(exc.plaats, exc.bericht))
            return None
        found = check_schema(doc, schema)
        b.meldingen.extend(found)
        return None if found else doc

    for path in yaml_files(root / "rules"):
        basis_files.append((_rel(path, root), path.read_bytes()))
        doc = load(path, "rules.schema.json")
        if doc is None:
            continue
        soort = doc.data["soort"]
        if soort == "parameters":
            for pid, p in doc.data["parameters"].items():
                if pid in parameters:
                    b.fout(doc, ("parameters", pid), f"parameter '{pid}' is al gedefinieerd in "
                           f"{parameters[pid].bestand}", sleutel=True)
                    continue
                parameters[pid] = b.parameter(pid, p, doc, ("parameters", pid), "basis")
        elif soort == "feiten":
            for naam, f in doc.data["feiten"].items():
                feiten[naam] = Feit(naam=naam, soort=f["soort"], opties=dict(f),
                                    bestand=doc.bestand)
        elif soort == "regeling":
            r = b.regeling(doc.data["regeling"], doc, ("regeling",), doc.data["regeling"]["pakket"])
            regelingen.setdefault(r.id, []).append(r)
        elif soort == "normbepaling":
            nb = doc.data
            normbepaling = Normbepaling(
                categorieen=tuple(
                    Categorie(id=c["id"], norm=c["norm"], als=c["als"], bron=bron(c["bron"]),
                              tekst=c["tekst"], kostendelers_basis=c.get("kostendelers_basis"),
                              kostendelers_jongere_partner=c.get("kostendelers_jongere_partner"))
                    for c in nb["normcategorieen"]),
                berekening=dict(nb["berekening"]), bestand=doc.bestand, regel=nb["regel"],
                teksten=dict(nb["teksten"]))
        elif soort == "kalender":
            kalender = doc.data["kalender"]
        elif soort == "besluitvorming":
            rm = doc.data["rechtsmiddelen"]
            rechtsmiddelen = Rechtsmiddelen(tekst=rm["tekst"], bron=bron(rm["bron"]))
            teksten = dict(doc.data["teksten"])

    basis_hash = _hash(basis_files)
    gemeenten: dict[str, Gemeente] = {}
    beleid: dict[str, Beleid] = {}
    for path in yaml_files(root / "gemeenten"):
        doc = load(path, "overlay.schema.json")
        if doc is None:
            continue
        overlay = _overlay(b, doc, path, parameters, feiten, regelingen)
        gemeenten[overlay.gemeente.slug] = overlay.gemeente
        beleid[overlay.gemeente.slug] = replace(
            overlay, versie=combined_hash(basis_hash, _hash([(doc.bestand, path.read_bytes())])))

    if rechtsmiddelen is None and not b.meldingen:
        b.meldingen.append(Melding("rules", "geen bestand met 'soort: besluitvorming' "
                                   "(de rechtsmiddelenclausule)"))
    basis = {k: tuple(v) for k, v in regelingen.items()}
    _check_versions(b, basis)
    if not b.meldingen:  # references only mean something once every file has loaded
        for pol in beleid.values():
            _check_references(b, pol, normbepaling)
    if b.meldingen:
        raise RegelsetFout(sorted(set(b.meldingen), key=_sort_key))
    assert rechtsmiddelen is not None
    return Regelset(parameters=parameters, feiten=feiten, regelingen=basis, gemeenten=gemeenten,
                    beleid=beleid, normbepaling=normbepaling, rechtsmiddelen=rechtsmiddelen,
                    basis_hash=basis_hash,
                    feestdagen=tuple(kalender["feestdagen"]) if kalender else (),
                    kalender_bron=bron(kalender["bron"]) if kalender else None,
                    kalender_teksten=dict(kalender["teksten"]) if kalender else {},
                    teksten=teksten)


def _overlay(b: _Builder, doc: Document, path: Path, parameters: dict[str, Parameter],
             feiten: dict[str, Feit], regelingen: dict[str, list[Regeling]]) -> Beleid:
    data = doc.data
    g = data["gemeente"]
    if g["slug"] != path.stem:
        b.fout(doc, ("gemeente", "slug"), f"slug '{g['slug']}' hoort in bestand {g['slug']}.yaml")
    gemeente = Gemeente(slug=g["slug"], naam=g["naam"], cbs_code=g["cbs_code"],
                        bestand=doc.bestand, omschrijving=g.get("omschrijving", ""))
    params = dict(parameters)
    for pid, impl in data.get("open_normen", {}).items():
        pad = ("open_normen", pid)
        basis = parameters.get(pid)
        if basis is None:
            b.fout(doc, pad, f"'{pid}' is geen open norm van het basispakket", sleutel=True)
            continue
        if basis.open_norm is None:
            b.fout(doc, pad, f"'{pid}' is landelijk recht ({basis.grondslag.kort()}, "
                   f"{basis.bestand}); een gemeente kan dit niet wijzigen", sleutel=True)
            continue
        eigen = b.parameter(pid, {**_param_dict(basis), **impl}, doc, pad, "plus")
        for grens, te in (("maximum", "hoger"), ("minimum", "lager")):
            limit = basis.open_norm_grenzen.get(grens)
            for w in eigen.waarden:
                if limit is not None and isinstance(w.waarde, int | float | Decimal) and (
                        w.waarde > limit if grens == "maximum" else w.waarde < limit):
                    b.fout(doc, (*pad, "waarden", w.vanaf.isoformat(), "waarde"),
                           f"'{pid}' mag niet {te} zijn dan {limit} ({basis.grondslag.kort()})")
        params[pid] = replace(eigen, open_norm=basis.open_norm, standaard=basis,
                              per=basis.per, eenheid=basis.eenheid,
                              bekend_tot=eigen.bekend_tot or basis.bekend_tot)
    for pid, p in data.get("parameters", {}).items():
        if pid in parameters:
            b.fout(doc, ("parameters", pid),
                   f"parameter '{pid}' bestaat al in het basispakket ({parameters[pid].bestand}); "
                   "een open norm vult u in onder 'open_normen'", sleutel=True)
            continue
        params[pid] = b.parameter(pid, p, doc, ("parameters", pid), "plus")
    facts = dict(feiten)
    for naam, f in data.get("feiten", {}).items():
        if naam in feiten:
            b.fout(doc, ("feiten", naam), f"feit '{naam}' bestaat al in het basispakket",
                   sleutel=True)
            continue
        facts[naam] = Feit(naam=naam, soort=f["soort"], opties=dict(f), bestand=doc.bestand)
    regs = {k: list(v) for k, v in regelingen.items()}
    eigen_ids: set[str] = set()
    for i, r in enumerate(data.get("regelingen", [])):
        reg = b.regeling(r, doc, ("regelingen", i), "plus")
        if reg.id in regelingen:
            b.fout(doc, ("regelingen", i, "id"), f"regeling '{reg.id}' bestaat al in het "
                   "basispakket; een gemeente kan die niet opnieuw definiëren")
            continue
        regs.setdefault(reg.id, []).append(reg)
        eigen_ids.add(reg.id)
    uit = []
    for i, rid in enumerate(data.get("uitschakelen", [])):
        versies = regelingen.get(rid)
        if not versies:
            b.fout(doc, ("uitschakelen", i), f"onbekende regeling '{rid}'")
        elif not all(v.uitschakelbaar for v in versies):
            b.fout(doc, ("uitschakelen", i), f"regeling '{rid}' mag niet worden uitgeschakeld "
                   "(het basispakket staat dat niet toe)")
        else:
            uit.append(rid)
            regs.pop(rid, None)
    for rid in sorted(eigen_ids):
        _check_versions(b, {rid: tuple(regs[rid])})
    return Beleid(gemeente=gemeente, parameters=params, feiten=facts,
                  regelingen={k: tuple(v) for k, v in regs.items()}, uitgeschakeld=tuple(uit))


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


def condition_refs(cond: Any) -> tuple[set[str], set[str]]:
    """(facts, parameters) a condition tree refers to."""
    facts: set[str] = set()
    params: set[str] = set()
    if "parameter" in cond:
        params.add(cond["parameter"])
    elif "feit" in cond:
        facts.add(cond["feit"])
        for key, operand in cond.items():
            if key != "feit" and isinstance(operand, dict):
                facts.update([operand["feit"]] if "feit" in operand else [])
                params.update([operand["parameter"]] if "parameter" in operand else [])
    else:
        for sub in cond.get("alle", []) + cond.get("een_van", []):
            f, p = condition_refs(sub)
            facts |= f
            params |= p
    return facts, params


def stage2_facts(regelingen: Sequence[Regeling]) -> frozenset[str]:
    """Facts known only after the first engine stage (the norm, income limits, vergoedingen)."""
    return (frozenset(NORM_FEITEN) | {r.grens_feit for r in regelingen if r.inkomenstoets}
            | {r.vergoeding_feit for r in regelingen
               if r.berekening.get("soort") == "bijzondere_bijstand"})


def bedrag_params(spec: Any) -> set[str]:
    """Parameters a `bedrag` spec reads (see calculate.bedrag)."""
    items = spec if isinstance(spec, list) else [spec]
    found: set[str] = set()
    for item in items:
        if isinstance(item, dict):
            found.update(v for k, v in item.items() if k in ("parameter", "leeftijdstabel"))
    return found


def parameters_of(regeling: Regeling, nb: Normbepaling | None) -> set[str]:
    """Every parameter a regeling's decision depends on (conditions, amounts, income test, norm)."""
    ids: set[str] = set()
    for v in regeling.voorwaarden:
        ids |= condition_refs(v.als)[1]
    for s in regeling.signaleringen:
        ids |= condition_refs(s.als)[1]
    ids |= bedrag_params(list(regeling.bedrag.values()))
    if regeling.inkomenstoets:
        ids.add(regeling.inkomenstoets.percentage)
    for key in ("drempel", "draagkracht_pct", "inkomensbasis_pct", "vermogensgrens"):
        if key in regeling.berekening:
            ids.add(regeling.berekening[key])
    for spec in regeling.termijnen.values():
        ids |= {r["weken"] for r in spec["regels"] if isinstance(r.get("weken"), str)}
    if nb is not None and (regeling.inkomenstoets or regeling.berekening):
        for cat in nb.categorieen:
            ids |= {p for p in (cat.norm, cat.kostendelers_basis,
                                cat.kostendelers_jongere_partner) if p}
        ids |= {nb.berekening[k] for k in ("basis_pct", "per_persoon_pct", "vakantietoeslag_pct")}
    return ids


def _check_references(b: _Builder, pol: Beleid, nb: Normbepaling | None) -> None:
    alle = [r for versies in pol.regelingen.values() for r in versies]
    indexed = {p.id for p in pol.parameters.values() if p.per}
    known_facts = set(pol.feiten) | stage2_facts(alle) | indexed
    for r in alle:
        def melding(plaats: str, bericht: str, r: Regeling = r) -> None:
            b.meldingen.append(Melding(plaats or r.plaats, f"{r.id}: {bericht}"))

        items: list[tuple[str, str, Any, list[str]]] = [
            (v.regel, v.plaats, v.als, [v.tekst_voldaan, v.tekst_niet_voldaan])
            for v in r.voorwaarden]
        items += [(s.regel, r.plaats, s.als or {"alle": []}, [s.tekst]) for s in r.signaleringen]
        for tnaam, spec in r.termijnen.items():
            for regel in spec["regels"]:
                items.append((f"termijn {tnaam}", r.plaats, regel.get("als") or {"alle": []}, []))
                if isinstance(regel.get("weken"), str) and regel["weken"] not in pol.parameters:
                    melding(r.plaats, f"termijn {tnaam}: onbekende parameter '{regel['weken']}'")
        for naam, plaats, als, teksten in items:
            facts, params = condition_refs(als)
            for f in sorted(facts - known_facts):
                melding(plaats, f"{naam}: onbekend feit '{f}'")
            for p in sorted(params - set(pol.parameters)):
                melding(plaats, f"{naam}: onbekende parameter '{p}'")
            for tekst in teksten:
                for name in _PLACEHOLDER.findall(tekst):
                    if name not in known_facts | set(pol.parameters) | _TEXT_NAMES:
                        melding(plaats, f"{naam}: tekst verwijst naar onbekend '{{{name}}}'")
        needed = bedrag_params(list(r.bedrag.values()))
        if r.inkomenstoets:
            needed.add(r.inkomenstoets.percentage)
        for p in sorted(needed - set(pol.parameters)):
            melding(r.plaats, f"onbekende parameter '{p}'")
        for key in ("drempel", "draagkracht_pct", "inkomensbasis_pct", "vermogensgrens"):
            if key in r.berekening and r.berekening[key] not in pol.parameters:
                melding(r.plaats, f"berekening: onbekende parameter '{r.berekening[key]}'")
        if (r.inkomenstoets or r.berekening) and nb is None:
            melding(r.plaats, "gebruikt de bijstandsnorm, maar er is geen normbepaling")
    if nb is not None:
        for c in nb.categorieen:
            for pid in (c.norm, c.kostendelers_basis, c.kostendelers_jongere_partner):
                if pid and pid not in pol.parameters:
                    b.meldingen.append(Melding(nb.bestand, f"normcategorie {c.id}: onbekende "
                                               f"parameter '{pid}'"))
            for f in sorted(condition_refs(c.als)[0] - known_facts):
                b.meldingen.append(Melding(nb.bestand,
                                           f"normcategorie {c.id}: onbekend feit '{f}'"))

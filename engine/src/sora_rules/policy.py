"""Build a `Regelset` from a rules root (rules/ + gemeenten/), validating as we go.

Validation collects every finding before failing, so `sora-rules validate`
shows an advisor all mistakes at once instead of one per run.
"""

from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path
from typing import Any

from .errors import RegelFout
from .load import Document, load_file, yaml_files
from .model import (
    Bron,
    Categorie,
    Feit,
    Gemeente,
    Parameter,
    Rechtsmiddelen,
    Regeling,
    Regelset,
    Signalering,
    Voorwaarde,
    Waarde,
)
from .validate import Melding, check_schema

# Facts a berekening kind produces for the second engine stage.
BEREKENING_FEITEN: dict[str, tuple[str, ...]] = {
    "bijstandsnorm": ("bijstand.norm", "bijstand.vakantietoeslag", "bijstand.bedrag",
                      "kostendelers.a"),
}


class RegelsetFout(RegelFout):
    """All findings of a failed load; `meldingen` lists each `file:line:col`."""

    def __init__(self, meldingen: list[Melding]) -> None:
        self.meldingen = meldingen
        super().__init__(meldingen[0].plaats, meldingen[0].bericht)

    def __str__(self) -> str:
        return "\n".join(str(m) for m in self.meldingen)


def _bron(d: dict[str, Any]) -> Bron:
    return Bron(regeling=d["regeling"], artikel=str(d["artikel"]), url=d.get("url"))


def _datum(text: str, doc: Document, pad: tuple[Any, ...], meldingen: list[Melding]) -> date:
    try:
        return date.fromisoformat(text)
    except (TypeError, ValueError):
        meldingen.append(Melding(doc.plaats(pad), f"'{text}' is geen geldige datum"))
        return date.min


def _hash_files(docs: list[tuple[str, bytes]]) -> str:
    h = hashlib.sha256()
    for naam, inhoud in sorted(docs):
        h.update(naam.encode() + b"\0" + hashlib.sha256(inhoud).digest())
    return h.hexdigest()


def _rel(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def load_regelset(root: Path) -> Regelset:
    """Load and validate everything under `root/rules` and `root/gemeenten`."""
    meldingen: list[Melding] = []
    parameters: dict[str, Parameter] = {}
    feiten: dict[str, Feit] = {}
    regelingen: dict[str, Regeling] = {}
    gemeenten: dict[str, Gemeente] = {}
    rechtsmiddelen: Rechtsmiddelen | None = None
    basis_bytes: list[tuple[str, bytes]] = []
    overlay_hashes: dict[str, str] = {}

    def load(path: Path) -> Document | None:
        naam = _rel(path, root)
        try:
            return load_file(path, naam)
        except RegelFout as exc:
            meldingen.append(Melding(exc.plaats, exc.bericht))
            return None

    for path in yaml_files(root / "rules"):
        basis_bytes.append((_rel(path, root), path.read_bytes()))
        doc = load(path)
        if doc is None:
            continue
        found = check_schema(doc, "rules.schema.json")
        meldingen.extend(found)
        if found:
            continue
        soort = doc.data["soort"]
        if soort == "parameters":
            for pid, p in doc.data["parameters"].items():
                if pid in parameters:
                    meldingen.append(Melding(doc.plaats(("parameters", pid)),
                                             f"parameter '{pid}' is al gedefinieerd in "
                                             f"{parameters[pid].bestand}"))
                    continue
                waarden = tuple(
                    Waarde(vanaf=_datum(d, doc, ("parameters", pid, "waarden", d), meldingen),
                           waarde=w["waarde"], status=w["status"], bron=w["bron"])
                    for d, w in sorted(p["waarden"].items())
                )
                parameters[pid] = Parameter(
                    id=pid, beschrijving=p["beschrijving"], eenheid=p["eenheid"],
                    grondslag=_bron(p["grondslag"]), waarden=waarden, bestand=doc.bestand,
                    bekend_tot=(_datum(p["bekend_tot"], doc, ("parameters", pid, "bekend_tot"),
                                       meldingen) if "bekend_tot" in p else None),
                    per=p.get("per"),
                )
        elif soort == "feiten":
            for naam, f in doc.data["feiten"].items():
                feiten[naam] = Feit(naam=naam, soort=f["soort"], opties=dict(f))
        elif soort == "regeling":
            r = doc.data["regeling"]
            regeling = _regeling(r, doc, meldingen)
            if regeling.id in regelingen:
                meldingen.append(Melding(doc.plaats(("regeling", "id")),
                                         f"regeling '{regeling.id}' is al gedefinieerd in "
                                         f"{regelingen[regeling.id].bestand}"))
            else:
                regelingen[regeling.id] = regeling
        elif soort == "besluitvorming":
            rm = doc.data["rechtsmiddelen"]
            rechtsmiddelen = Rechtsmiddelen(tekst=rm["tekst"], bron=_bron(rm["bron"]))

    for path in yaml_files(root / "gemeenten"):
        doc = load(path)
        if doc is None:
            continue
        found = check_schema(doc, "overlay.schema.json")
        meldingen.extend(found)
        if found:
            continue
        g = doc.data["gemeente"]
        if g["slug"] != path.stem:
            meldingen.append(Melding(doc.plaats(("gemeente", "slug")),
                                     f"slug '{g['slug']}' hoort bij bestand {g['slug']}.yaml"))
        gemeenten[g["slug"]] = Gemeente(slug=g["slug"], naam=g["naam"],
                                        cbs_code=g["cbs_code"], bestand=doc.bestand)
        overlay_hashes[g["slug"]] = _hash_files([(doc.bestand, path.read_bytes())])

    if rechtsmiddelen is None and not meldingen:
        meldingen.append(Melding(_rel(root / "rules", root),
                                 "geen bestand met 'soort: besluitvorming' (rechtsmiddelen)"))
    meldingen.extend(_check_references(parameters, feiten, regelingen))
    if meldingen:
        raise RegelsetFout(sorted(set(meldingen), key=_sort_key))
    assert rechtsmiddelen is not None
    return Regelset(parameters=parameters, feiten=feiten, regelingen=regelingen,
                    gemeenten=gemeenten, rechtsmiddelen=rechtsmiddelen,
                    basis_hash=_hash_files(basis_bytes), overlay_hashes=overlay_hashes)


def _sort_key(m: Melding) -> tuple[str, int, int, str]:
    parts = m.plaats.rsplit(":", 2)
    if len(parts) == 3 and parts[1].isdigit() and parts[2].isdigit():
        return (parts[0], int(parts[1]), int(parts[2]), m.bericht)
    return (m.plaats, 0, 0, m.bericht)


def _regeling(r: dict[str, Any], doc: Document, meldingen: list[Melding]) -> Regeling:
    pakket = r["pakket"]
    voorwaarden = tuple(
        Voorwaarde(regel=v["regel"], als=v["als"], bron=_bron(v["bron"]),
                   tekst_voldaan=v["tekst"]["voldaan"],
                   tekst_niet_voldaan=v["tekst"]["niet_voldaan"],
                   bestand=doc.bestand, pakket=pakket)
        for v in r["voorwaarden"]
    )
    categorieen = tuple(
        Categorie(id=c["id"], norm=c["norm"], als=c["als"], bron=_bron(c["bron"]),
                  tekst=c["tekst"], kostendelers_basis=c.get("kostendelers_basis"),
                  kostendelers_jongere_partner=c.get("kostendelers_jongere_partner"))
        for c in r.get("normcategorieen", [])
    )
    return Regeling(
        id=r["id"], naam=r["naam"], pakket=pakket, grondslag=_bron(r["grondslag"]),
        geldig_vanaf=_datum(r["geldig_vanaf"], doc, ("regeling", "geldig_vanaf"), meldingen),
        geldig_tot=(_datum(r["geldig_tot"], doc, ("regeling", "geldig_tot"), meldingen)
                    if "geldig_tot" in r else None),
        voorwaarden=voorwaarden, bestand=doc.bestand, normcategorieen=categorieen,
        signaleringen=tuple(Signalering(regel=s["regel"], als=s["als"], bron=_bron(s["bron"]),
                                        tekst=s["tekst"]) for s in r.get("signaleringen", [])),
        berekening=dict(r.get("berekening", {})),
    )


def condition_refs(cond: Any) -> tuple[set[str], set[str]]:
    """(facts, parameters) a condition tree refers to."""
    facts: set[str] = set()
    params: set[str] = set()
    if "feit" in cond:
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


def _check_references(parameters: dict[str, Parameter], feiten: dict[str, Feit],
                      regelingen: dict[str, Regeling]) -> list[Melding]:
    meldingen = []
    for r in regelingen.values():
        produced = set(BEREKENING_FEITEN.get(r.berekening.get("soort", ""), ()))
        known = set(feiten) | produced | {p.id for p in parameters.values() if p.per}
        conds = [(v.regel, v.als) for v in r.voorwaarden]
        conds += [(f"normcategorie {c.id}", c.als) for c in r.normcategorieen]
        conds += [(s.regel, s.als) for s in r.signaleringen]
        for naam, als in conds:
            facts, params = condition_refs(als)
            for f in sorted(facts - known):
                meldingen.append(Melding(r.bestand, f"{r.id}, {naam}: onbekend feit '{f}'"))
            for p in sorted(params - set(parameters)):
                meldingen.append(Melding(r.bestand, f"{r.id}, {naam}: onbekende parameter '{p}'"))
        for c in r.normcategorieen:
            for p in (c.norm, c.kostendelers_basis, c.kostendelers_jongere_partner):
                if p and p not in parameters:
                    meldingen.append(Melding(
                        r.bestand, f"{r.id}, normcategorie {c.id}: onbekende parameter '{p}'"))
    return meldingen

"""Advisor tooling (issue #3 item 5): `gemeenten`, `regelingen`, `diff`, `bronnen`, `validate`.

Most assertions call the pure functions in `sora_rules.listing` and `sora_rules.diff`
directly (fast); the command line is checked in-process with click's `CliRunner` and, for
the contract end to end (exit codes, stderr, paths that open from the current directory),
with a few real `python -m sora_rules` subprocesses.

Exact values are asserted against a rules root built in a temporary directory: a copy of
the repository's rules/ and gemeenten/ plus a small basispakket addition (rules/proef/)
and two overlays of our own (proefdorp, proefstad). The lead's overlays may change; these
fixtures do not.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner

from sora_rules import listing
from sora_rules.cli import main
from sora_rules.diff import diff, render_diff
from sora_rules.errors import InvoerFout
from sora_rules.explain import euro_text
from sora_rules.listing import bronnen, gemeenten, regelingen, to_json
from sora_rules.load import load_text
from sora_rules.model import Regelset
from sora_rules.policy import RegelsetFout, load_regelset

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "engine" / "src"
SLUGS = ["alkmaar", "bergen", "castricum", "dijk-en-waard", "heiloo", "uitgeest"]
PEILDATUM = date(2026, 3, 1)
MELDING = re.compile(r"^(?P<file>.+):(?P<line>\d+):(?P<col>\d+): (?P<msg>.+)$")


def sora(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    return subprocess.run([sys.executable, "-m", "sora_rules", *(str(a) for a in args)],
                          input="", capture_output=True, text=True, encoding="utf-8", env=env,
                          cwd=cwd or ROOT, timeout=120)


def cli(*args: str | Path) -> Any:
    """Run the click command in-process (stdout and stderr kept apart)."""
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


# ---------------------------------------------------------------------- fixture rules

BRON_WET = {"regeling": "Proefwet", "artikel": "1", "url": "https://example.org/proefwet"}

PROEF_PARAMETERS = """\
soort: parameters
parameters:
  proef.minimumleeftijd:
    beschrijving: Minimumleeftijd van de proefregeling
    eenheid: jaren
    grondslag: {regeling: Proefwet, artikel: "2"}
    open_norm: {gedelegeerd_aan: gemeenteraad, toelichting: "De raad kiest de leeftijd."}
    waarden:
      2024-01-01: {waarde: 18, status: aanname, bron: "Proefnotitie 2023",
                   reden: "Nog niet vastgesteld."}
      2026-01-01: {waarde: 19, status: bevestigd, bron: "Proefbesluit 2025"}
  proef.bedrag:
    beschrijving: Bedrag van de proefregeling per jaar
    eenheid: euro
    grondslag: {regeling: Proefwet, artikel: "3"}
    waarden:
      2024-01-01: {waarde: 25.50, status: bevestigd, bron: "Proefbesluit 2023"}
"""

PROEF_FEITEN = """\
soort: feiten
feiten:
  proef.leeftijd: {soort: leeftijd, van: aanvrager.geboortedatum}
"""


def _regeling(rid: str, pakket: str, voorwaarden: list[dict[str, Any]], **extra: Any
              ) -> dict[str, Any]:
    return {"id": rid, "naam": rid.replace("_", " ").capitalize(), "pakket": pakket,
            "geldig_vanaf": "2024-01-01", "grondslag": BRON_WET, "voorwaarden": voorwaarden,
            **extra}


def _voorwaarde(regel: str, als: dict[str, Any], artikel: str = "1") -> dict[str, Any]:
    return {"regel": regel, "als": als, "bron": {**BRON_WET, "artikel": artikel},
            "tekst": {"voldaan": f"{regel} is voldaan.", "niet_voldaan": f"{regel} niet."}}


PROEF_REGELING = {"soort": "regeling", "regeling": _regeling(
    "proef_regeling", "basis",
    [_voorwaarde("proef.leeftijd", {"feit": "proef.leeftijd",
                                    "minstens": {"parameter": "proef.minimumleeftijd"}}, "2")],
    bedrag={"per_jaar": {"parameter": "proef.bedrag"}})}

PROEF_UITSCHAKELBAAR = {"soort": "regeling", "regeling": _regeling(
    "proef_uitschakelbaar", "basis",
    [_voorwaarde("proef.uit", {"feit": "proef.leeftijd", "minstens": 4})],
    uitschakelbaar=True)}

PROEFDORP = {
    "soort": "gemeente",
    "gemeente": {"slug": "proefdorp", "naam": "Proefdorp", "cbs_code": "9991",
                 "omschrijving": "Gemeente voor de tests van de advieswerktuigen."},
    "open_normen": {"proef.minimumleeftijd": {
        "grondslag": {"regeling": "Verordening Proefdorp", "artikel": "4"},
        "waarden": {"2024-01-01": {"waarde": 21, "status": "bevestigd",
                                   "bron": "Verordening Proefdorp 2024, art. 4"}}}},
    "parameters": {"proefdorp.pas_bedrag": {
        "beschrijving": "Saldo van de Proefpas", "eenheid": "euro",
        "grondslag": {"regeling": "Verordening Proefdorp", "artikel": "5"},
        "waarden": {"2024-01-01": {"waarde": 40, "status": "aanname",
                                   "bron": "Raadsvoorstel Proefpas",
                                   "reden": "Voorstel, nog niet vastgesteld."}}}},
    "regelingen": [
        _regeling("proefpas", "plus",
                  [_voorwaarde("pp.leeftijd", {"feit": "proef.leeftijd", "minstens": 18})],
                  geldig_vanaf="2025-01-01",
                  bedrag={"per_jaar": {"parameter": "proefdorp.pas_bedrag"}}),
        _regeling("gedeelde_regeling", "plus", [
            _voorwaarde("gd.leeftijd", {"feit": "proef.leeftijd", "minstens": 18}),
            _voorwaarde("gd.extra", {"feit": "proef.leeftijd", "hoogstens": 120}),
        ]),
    ],
}

PROEFSTAD = {
    "soort": "gemeente",
    "gemeente": {"slug": "proefstad", "naam": "Proefstad", "cbs_code": "9992"},
    "regelingen": [
        _regeling("gedeelde_regeling", "plus", [
            _voorwaarde("gd.leeftijd", {"feit": "proef.leeftijd", "minstens": 65}),
        ]),
    ],
    "uitschakelen": ["proef_uitschakelbaar"],
}


def _dump(path: Path, data: Any) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    text = data if isinstance(data, str) else yaml.safe_dump(data, allow_unicode=True,
                                                             sort_keys=False)
    path.write_text(text, encoding="utf-8")


def kopie(doel: Path) -> Path:
    """A copy of the repository's rules/ and gemeenten/ under `doel`."""
    for folder in ("rules", "gemeenten"):
        shutil.copytree(ROOT / folder, doel / folder)
    return doel


@pytest.fixture(scope="module")
def proef_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = kopie(tmp_path_factory.mktemp("proef"))
    _dump(root / "rules" / "proef" / "parameters.yaml", PROEF_PARAMETERS)
    _dump(root / "rules" / "proef" / "feiten.yaml", PROEF_FEITEN)
    _dump(root / "rules" / "proef" / "proef_regeling.yaml", PROEF_REGELING)
    _dump(root / "rules" / "proef" / "proef_uitschakelbaar.yaml", PROEF_UITSCHAKELBAAR)
    _dump(root / "gemeenten" / "proefdorp.yaml", PROEFDORP)
    _dump(root / "gemeenten" / "proefstad.yaml", PROEFSTAD)
    return root


@pytest.fixture(scope="module")
def proef(proef_root: Path) -> Regelset:
    return load_regelset(proef_root)


@pytest.fixture(scope="module")
def repo() -> Regelset:
    return load_regelset(ROOT)


def _by_id(items: list[dict[str, Any]], key: str = "id") -> dict[str, dict[str, Any]]:
    return {item[key]: item for item in items}


# ------------------------------------------------------------------------- gemeenten


def test_gemeenten_noemt_alle_zes(repo: Regelset) -> None:
    data = gemeenten(repo, PEILDATUM)
    assert [g["slug"] for g in data["gemeenten"]] == SLUGS
    for g in data["gemeenten"]:
        assert re.fullmatch(r"[0-9]{4}", g["cbs_code"]), g
        assert g["bestand"] == f"gemeenten/{g['slug']}.yaml"
        for p in g["open_normen"]:
            assert p["invulling"] == "gemeente" and p["bron"] and p["standaard"], p
    tekst = listing.render_gemeenten(data)
    for g in data["gemeenten"]:
        assert f"{g['naam']} ({g['slug']}, CBS-code {g['cbs_code']})" in tekst


def test_gemeenten_toont_pluspakket(proef: Regelset) -> None:
    data = _by_id(gemeenten(proef, PEILDATUM)["gemeenten"], "slug")
    dorp, stad = data["proefdorp"], data["proefstad"]
    assert [r["id"] for r in dorp["regelingen"]] == ["gedeelde_regeling", "proefpas"]
    [norm] = dorp["open_normen"]
    assert norm["id"] == "proef.minimumleeftijd"
    assert (norm["waarde"], norm["waarde_tekst"]) == (21, "21 jaar")
    assert norm["bron"] == "Verordening Proefdorp 2024, art. 4"
    assert norm["bestand"] == "gemeenten/proefdorp.yaml"
    assert norm["standaard"]["waarde"] == 19  # the basispakket default on the peildatum
    assert [p["id"] for p in dorp["parameters"]] == ["proefdorp.pas_bedrag"]
    assert dorp["uitgeschakeld"] == []
    assert stad["open_normen"] == [] and stad["parameters"] == []
    assert [u["id"] for u in stad["uitgeschakeld"]] == ["proef_uitschakelbaar"]
    # Before the Proefpas starts, it is listed but marked as not in force.
    vroeg = _by_id(gemeenten(proef, date(2024, 6, 1))["gemeenten"], "slug")["proefdorp"]
    assert _by_id(vroeg["regelingen"])["proefpas"]["van_kracht"] is False
    tekst = listing.render_gemeenten(gemeenten(proef, PEILDATUM))
    assert "proef.minimumleeftijd: 21 jaar" in tekst
    assert "Uitgeschakelde regionale regelingen: proef_uitschakelbaar" in tekst


# ------------------------------------------------------------------------ regelingen


def test_regelingen_alkmaar_algemene_bijstand_met_bronnen(repo: Regelset) -> None:
    data = regelingen(repo, "alkmaar", PEILDATUM)
    regs = _by_id(data["regelingen"])
    ab = regs["algemene_bijstand"]
    assert ab["pakket"] == "basis"
    assert ab["bestand"] == "rules/participatiewet/algemene_bijstand.yaml"
    assert ab["grondslag"]["regeling"] == "Participatiewet"
    assert ab["voorwaarden"] and all(v["bron"]["artikel"] for v in ab["voorwaarden"])
    params = _by_id(ab["parameters"])
    for pid in ("pw.norm.alleenstaande", "pw.vermogensgrens", "pw.kostendelers_basis_pct"):
        assert pid in params, sorted(params)
    for p in params.values():
        assert p["bron"] and p["status"] in ("aanname", "bevestigd"), p
        assert p["bestand"].startswith("rules/"), p
    norm = repo.beleid["alkmaar"].parameters["pw.norm.alleenstaande"].op(PEILDATUM)
    assert norm is not None
    assert params["pw.norm.alleenstaande"]["waarde_tekst"] == euro_text(Decimal(norm.waarde))
    tekst = listing.render_regelingen(data)
    assert "Algemene bijstand (algemene_bijstand) — basispakket" in tekst
    assert f"pw.norm.alleenstaande: {euro_text(Decimal(norm.waarde))}" in tekst
    assert f"bron: {norm.bron}" in tekst


def test_regelingen_open_norm_van_gemeente_en_standaard(proef: Regelset) -> None:
    dorp = _by_id(regelingen(proef, "proefdorp", PEILDATUM)["regelingen"])
    stad = _by_id(regelingen(proef, "proefstad", PEILDATUM)["regelingen"])
    assert {"proef_regeling", "proefpas", "gedeelde_regeling", "proef_uitschakelbaar"} <= set(dorp)
    assert "proefpas" not in stad and "proef_uitschakelbaar" not in stad
    assert dorp["proefpas"]["pakket"] == "plus"
    assert dorp["proefpas"]["bestand"] == "gemeenten/proefdorp.yaml"

    p_dorp = _by_id(dorp["proef_regeling"]["parameters"])
    assert sorted(p_dorp) == ["proef.bedrag", "proef.minimumleeftijd"]
    eigen = p_dorp["proef.minimumleeftijd"]
    assert (eigen["waarde"], eigen["invulling"], eigen["pakket"]) == (21, "gemeente", "plus")
    assert eigen["bron"] == "Verordening Proefdorp 2024, art. 4"
    assert eigen["open_norm"] == "gemeenteraad"
    assert eigen["standaard"]["waarde"] == 19
    assert p_dorp["proef.bedrag"]["waarde_tekst"] == "€ 25,50"
    assert p_dorp["proef.bedrag"]["invulling"] is None

    standaard = _by_id(stad["proef_regeling"]["parameters"])["proef.minimumleeftijd"]
    assert (standaard["waarde"], standaard["invulling"], standaard["status"]) == (
        19, "standaard", "bevestigd")
    assert standaard["bestand"] == "rules/proef/parameters.yaml"
    # An earlier peildatum takes the earlier dated value, with its reason.
    vroeg = _by_id(regelingen(proef, "proefstad", date(2025, 6, 1))["regelingen"])
    oud = _by_id(vroeg["proef_regeling"]["parameters"])["proef.minimumleeftijd"]
    assert (oud["waarde"], oud["status"], oud["reden"]) == (18, "aanname", "Nog niet vastgesteld.")
    # The Proefpas starts on 2025-01-01.
    assert "proefpas" not in {r["id"] for r in regelingen(proef, "proefdorp",
                                                          date(2024, 6, 1))["regelingen"]}

    tekst = listing.render_regelingen(regelingen(proef, "proefdorp", PEILDATUM))
    assert "Proefpas (proefpas) — pluspakket" in tekst
    assert "open norm, ingevuld door de gemeente" in tekst
    assert "standaard basispakket: 19 jaar" in tekst


def test_regelingen_onbekende_gemeente_en_peildatum(proef: Regelset) -> None:
    with pytest.raises(InvoerFout) as fout:
        regelingen(proef, "atlantis", PEILDATUM)
    assert fout.value.pad == "gemeente" and "alkmaar" in fout.value.bericht
    for tekst in ("2026-02-30", "1-3-2026", "morgen"):
        with pytest.raises(InvoerFout) as fout:
            listing.peildatum(tekst)
        assert fout.value.pad == "peildatum"
    assert listing.peildatum(None, vandaag=PEILDATUM) == PEILDATUM


# ------------------------------------------------------------------------------ diff


def test_diff_per_regeling(proef: Regelset) -> None:
    data = diff(proef, "proefdorp", "proefstad", PEILDATUM)
    regs = _by_id(data["regelingen"])
    assert regs["proefpas"]["uitkomst"] == "alleen_in_a"
    assert regs["proefpas"]["b"] is None and regs["proefpas"]["a"]["pakket"] == "plus"
    assert regs["proef_uitschakelbaar"]["uitkomst"] == "alleen_in_a"
    assert regs["proef_uitschakelbaar"]["uitgeschakeld_in"] == "b"

    # The open term: each side with value, source, status and file.
    pr = regs["proef_regeling"]
    assert pr["uitkomst"] == "verschillend"
    [verschil] = pr["verschillen"]
    assert (verschil["soort"], verschil["id"]) == ("parameter", "proef.minimumleeftijd")
    a, b = verschil["a"], verschil["b"]
    assert (a["waarde"], a["bron"], a["status"], a["bestand"], a["invulling"]) == (
        21, "Verordening Proefdorp 2024, art. 4", "bevestigd", "gemeenten/proefdorp.yaml",
        "gemeente")
    assert (b["waarde"], b["bron"], b["status"], b["bestand"], b["invulling"]) == (
        19, "Proefbesluit 2025", "bevestigd", "rules/proef/parameters.yaml", "standaard")

    # The same plus regeling id in both: conditions on one side only, or with another `als`.
    gd = regs["gedeelde_regeling"]
    assert gd["uitkomst"] == "verschillend"
    voorwaarden = {v["id"]: v for v in gd["verschillen"] if v["soort"] == "voorwaarde"}
    assert voorwaarden["gd.leeftijd"]["anders"] == ["als"]
    assert voorwaarden["gd.leeftijd"]["a"]["als"]["minstens"] == 18
    assert voorwaarden["gd.leeftijd"]["b"]["als"]["minstens"] == 65
    assert voorwaarden["gd.extra"]["b"] is None and voorwaarden["gd.extra"]["a"] is not None

    # Everything else (the lead's basispakket, untouched by either overlay) is the same.
    gelijk = {r["id"] for r in data["regelingen"] if r["uitkomst"] == "gelijk"}
    basis = set(proef.beleid["proefstad"].regelingen_op(PEILDATUM)) - {
        "proef_regeling", "gedeelde_regeling"}
    assert gelijk == basis
    assert data["samenvatting"] == {"alleen_in_a": 2, "alleen_in_b": 0, "verschillend": 2,
                                    "gelijk": len(basis)}

    omgekeerd = diff(proef, "proefstad", "proefdorp", PEILDATUM)["samenvatting"]
    assert (omgekeerd["alleen_in_a"], omgekeerd["alleen_in_b"]) == (0, 2)
    assert all(r["uitkomst"] == "gelijk"
               for r in diff(proef, "proefdorp", "proefdorp", PEILDATUM)["regelingen"])


def test_diff_tekst(proef: Regelset) -> None:
    data = diff(proef, "proefdorp", "proefstad", PEILDATUM)
    tekst = render_diff(data)
    n = data["samenvatting"]["gelijk"]
    assert (f"2 alleen in Proefdorp, 0 alleen in Proefstad, 2 verschillend, {n} gelijk"
            in tekst.splitlines()[1])
    assert "  - proefpas: Proefpas (pluspakket, gemeenten/proefdorp.yaml" in tekst
    assert "uitgeschakeld door Proefstad" in tekst
    assert "parameter proef.minimumleeftijd" in tekst
    assert "21 jaar; vanaf 2024-01-01; bevestigd — bron: Verordening Proefdorp 2024" in tekst
    assert "voorwaarde gd.extra alleen in proefdorp" in tekst
    gelijk_regels = [r for r in tekst.splitlines() if r.startswith("Gelijk in beide")]
    assert gelijk_regels == [f"Gelijk in beide ({n}): " + ", ".join(
        sorted(r["id"] for r in data["regelingen"] if r["uitkomst"] == "gelijk"))]


def test_diff_alkmaar_heiloo(repo: Regelset) -> None:
    data = diff(repo, "alkmaar", "heiloo", PEILDATUM)
    s = data["samenvatting"]
    assert sum(s.values()) == len(data["regelingen"]) > 0
    overlay = (ROOT / "gemeenten" / "alkmaar.yaml").read_text(encoding="utf-8")
    if "alkmaarpas" in overlay:
        assert _by_id(data["regelingen"])["alkmaarpas"]["uitkomst"] == "alleen_in_a"
        assert "Alleen in Alkmaar:\n  - alkmaarpas: AlkmaarPas" in render_diff(data)


def test_nieuwe_regeling_in_kopie_van_heiloo(tmp_path: Path) -> None:
    """Policy is data: a scheme added to a copy of heiloo.yaml shows up in `regelingen`
    and `diff` without any Python change (issue #3 item 7, for the tooling)."""
    root = kopie(tmp_path / "regels")
    bestand = root / "gemeenten" / "heiloo.yaml"
    overlay = yaml.safe_load(bestand.read_text(encoding="utf-8"))
    overlay.setdefault("parameters", {})["heiloo.proefbedrag"] = {
        "beschrijving": "Bedrag van de Heiloose proefregeling", "eenheid": "euro",
        "grondslag": {"regeling": "Proefverordening Heiloo", "artikel": "2"},
        "waarden": {"2024-01-01": {"waarde": 75, "status": "aanname", "bron": "Raadsvoorstel",
                                   "reden": "Nog niet vastgesteld."}}}
    overlay.setdefault("regelingen", []).append({
        "id": "heiloo_proefregeling", "naam": "Heiloose proefregeling", "pakket": "plus",
        "geldig_vanaf": "2024-01-01",
        "grondslag": {"regeling": "Proefverordening Heiloo", "artikel": "1"},
        "voorwaarden": [{
            "regel": "hp.leeftijd", "als": {"feit": "aanvrager.leeftijd", "minstens": 18},
            "bron": {"regeling": "Proefverordening Heiloo", "artikel": "1"},
            "tekst": {"voldaan": "U bent 18 of ouder.", "niet_voldaan": "U bent jonger."}}],
        "bedrag": {"eenmalig": {"parameter": "heiloo.proefbedrag"}}})
    _dump(bestand, overlay)
    regelset = load_regelset(root)
    regs = _by_id(regelingen(regelset, "heiloo", PEILDATUM)["regelingen"])
    nieuw = regs["heiloo_proefregeling"]
    assert (nieuw["pakket"], nieuw["bestand"]) == ("plus", "gemeenten/heiloo.yaml")
    assert [v["regel"] for v in nieuw["voorwaarden"]] == ["hp.leeftijd"]
    param = _by_id(nieuw["parameters"])["heiloo.proefbedrag"]
    assert (param["waarde_tekst"], param["status"], param["bron"]) == (
        "€ 75,00", "aanname", "Raadsvoorstel")
    verschil = _by_id(diff(regelset, "alkmaar", "heiloo", PEILDATUM)["regelingen"])
    assert verschil["heiloo_proefregeling"]["uitkomst"] == "alleen_in_b"
    gemeente = _by_id(gemeenten(regelset, PEILDATUM)["gemeenten"], "slug")["heiloo"]
    assert "heiloo_proefregeling" in {r["id"] for r in gemeente["regelingen"]}


def test_json_is_deterministisch_en_gesorteerd(proef: Regelset) -> None:
    data = diff(proef, "proefdorp", "proefstad", PEILDATUM)
    tekst = to_json(data)
    assert tekst == to_json(diff(proef, "proefdorp", "proefstad", PEILDATUM))
    doc = json.loads(tekst)
    assert list(doc) == sorted(doc)
    assert [r["id"] for r in doc["regelingen"]] == sorted(r["id"] for r in doc["regelingen"])
    regs = json.loads(to_json(regelingen(proef, "proefdorp", PEILDATUM)))["regelingen"]
    bedrag = _by_id(_by_id(regs)["proef_regeling"]["parameters"])["proef.bedrag"]
    assert bedrag["waarde"] == 25.5  # a Decimal becomes a JSON number


# --------------------------------------------------------------------------- bronnen


def test_bronnen_aanname_heeft_elk_een_bron(repo: Regelset) -> None:
    data = bronnen(repo, status="aanname")
    waarden = [w for f in data["bestanden"] for w in f["waarden"]]
    assert waarden and len(waarden) == data["aantal"] == data["per_status"]["aanname"]
    assert data["per_status"]["bevestigd"] == 0
    for w in waarden:
        assert w["status"] == "aanname" and w["bron"], w
    assert [f["bestand"] for f in data["bestanden"] if f["pakket"] == "basis"] == sorted(
        f["bestand"] for f in data["bestanden"] if f["pakket"] == "basis")


def test_bronnen_basis_en_overlays(proef: Regelset) -> None:
    data = bronnen(proef)
    per_bestand = {f["bestand"]: f for f in data["bestanden"]}
    basis = [w for w in per_bestand["rules/proef/parameters.yaml"]["waarden"]
             if w["id"] == "proef.minimumleeftijd"]
    assert [(w["vanaf"], w["waarde"], w["status"]) for w in basis] == [
        ("2024-01-01", 18, "aanname"), ("2026-01-01", 19, "bevestigd")]
    assert basis[0]["reden"] == "Nog niet vastgesteld." and not basis[0]["overlay"]
    dorp = per_bestand["gemeenten/proefdorp.yaml"]
    assert (dorp["pakket"], dorp["gemeente"]) == ("plus", "proefdorp")
    assert {w["id"] for w in dorp["waarden"]} == {"proef.minimumleeftijd",
                                                  "proefdorp.pas_bedrag"}
    assert all(w["overlay"] for w in dorp["waarden"])
    assert "gemeenten/proefstad.yaml" not in per_bestand  # no values of its own
    # Basispakket files come before the overlays.
    pakketten = [f["pakket"] for f in data["bestanden"]]
    assert pakketten == sorted(pakketten, key=lambda p: p == "plus")


def test_bronnen_per_gemeente_status_en_peildatum(proef: Regelset) -> None:
    dorp = bronnen(proef, gemeente="proefdorp")
    alle = [w for f in dorp["bestanden"] for w in f["waarden"]]
    leeftijd = [w for w in alle if w["id"] == "proef.minimumleeftijd"]
    # Resolved: the overlay's value replaces the basispakket's default.
    assert [(w["waarde"], w["bestand"], w["overlay"]) for w in leeftijd] == [
        (21, "gemeenten/proefdorp.yaml", True)]
    stad = [w for f in bronnen(proef, gemeente="proefstad")["bestanden"] for w in f["waarden"]]
    assert [w["waarde"] for w in stad if w["id"] == "proef.minimumleeftijd"] == [18, 19]

    op_dag = bronnen(proef, gemeente="proefstad", dag=PEILDATUM)
    ids = [w["id"] for f in op_dag["bestanden"] for w in f["waarden"]]
    assert len(ids) == len(set(ids))  # one value per parameter on a peildatum
    aanname = bronnen(proef, gemeente="proefdorp", status="aanname")
    ids = {w["id"] for f in aanname["bestanden"] for w in f["waarden"]}
    assert "proefdorp.pas_bedrag" in ids and "proef.minimumleeftijd" not in ids
    with pytest.raises(InvoerFout):
        bronnen(proef, status="misschien")
    tekst = listing.render_bronnen(aanname)
    assert "proefdorp.pas_bedrag vanaf 2024-01-01: € 40,00 [aanname] [overlay]" in tekst
    assert "reden: Voorstel, nog niet vastgesteld." in tekst


# ------------------------------------------------------------------ command line


@pytest.mark.parametrize("opdracht", ["gemeenten", "regelingen", "diff", "bronnen",
                                      "validate"])
def test_help_toont_voorbeeld(opdracht: str) -> None:
    result = cli(opdracht, "--help")
    assert result.exit_code == 0
    assert "Voorbeeld" in result.output and f"sora-rules {opdracht}" in result.output
    assert "--format" in result.output


def test_cli_met_eigen_regels(proef_root: Path) -> None:
    result = cli("diff", "proefdorp", "proefstad", "--peildatum", "2026-03-01",
                 "--regels", proef_root, "--format", "json")
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert doc["samenvatting"]["alleen_in_a"] == 2
    result = cli("regelingen", "--gemeente", "proefdorp", "--peildatum", "2026-03-01",
                 "--regels", proef_root)
    assert result.exit_code == 0 and "Proefpas (proefpas) — pluspakket" in result.stdout
    result = cli("bronnen", "--regels", proef_root, "--status", "aanname", "--format", "json")
    assert result.exit_code == 0
    assert all(w["status"] == "aanname"
               for f in json.loads(result.stdout)["bestanden"] for w in f["waarden"])
    result = cli("gemeenten", "--regels", proef_root, "--format", "json")
    assert "proefdorp" in [g["slug"] for g in json.loads(result.stdout)["gemeenten"]]


@pytest.mark.parametrize("args, pad", [
    (["regelingen", "--gemeente", "atlantis"], "gemeente"),
    (["diff", "alkmaar", "atlantis"], "gemeente"),
    (["bronnen", "--gemeente", "atlantis"], "gemeente"),
    (["gemeenten", "--peildatum", "2026-02-30"], "peildatum"),
    (["regelingen", "--gemeente", "alkmaar", "--regels", "/bestaat/niet"], "--regels"),
])
def test_cli_onbruikbare_invoer(args: list[str], pad: str) -> None:
    result = cli(*args)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith(f"fout: {pad}: ")


def test_cli_end_to_end_subprocess() -> None:
    """The real command: text output for an advisor, exit codes, Dutch errors on stderr."""
    result = sora("diff", "alkmaar", "heiloo", "--peildatum", "2026-03-01")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Verschillen Alkmaar (alkmaar) en Heiloo (heiloo)")
    result = sora("bronnen", "--status", "aanname", "--format", "json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["status"] == "aanname"
    result = sora("regelingen", "--gemeente", "nergens")
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.startswith("fout: gemeente: onbekende gemeente 'nergens'")
    result = sora("bronnen", "--status", "misschien")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stderr.startswith("fout: ongeldige waarde 'misschien' voor --status")


# ------------------------------------------------------------------------- validate


def _meldingen(output: str) -> list[tuple[str, int, int, str]]:
    return [(m["file"], int(m["line"]), int(m["col"]), m["msg"])
            for m in map(MELDING.match, output.splitlines()) if m]


def test_onbekende_sleutel_wijst_naar_de_sleutel(tmp_path: Path) -> None:
    root = kopie(tmp_path / "regels")
    bestand = root / "gemeenten" / "heiloo.yaml"
    tekst = bestand.read_text(encoding="utf-8")
    tekst = tekst.replace("  naam: Heiloo\n", "  naam: Heiloo\n  cbs_kode: \"0399\"\n", 1)
    bestand.write_text(tekst, encoding="utf-8")
    ab = root / "rules" / "participatiewet" / "algemene_bijstand.yaml"
    regels = ab.read_text(encoding="utf-8").splitlines(keepends=True)
    nr = next(i for i, r in enumerate(regels) if "bron: {regeling:" in r and "artikel:" in r)
    regels[nr] = regels[nr].replace("artikel:", "artikl:", 1)
    ab.write_text("".join(regels), encoding="utf-8")
    with pytest.raises(RegelsetFout) as fout:
        load_regelset(root)
    plaatsen = {m.bericht.split(";")[0]: m.plaats for m in fout.value.meldingen}
    regel = tekst.splitlines().index('  cbs_kode: "0399"') + 1
    assert plaatsen["onbekende sleutel 'cbs_kode'"] == f"gemeenten/heiloo.yaml:{regel}:3"
    kolom = regels[nr].index("artikl:") + 1
    assert plaatsen["onbekende sleutel 'artikl'"] == (
        f"rules/participatiewet/algemene_bijstand.yaml:{nr + 1}:{kolom}")
    berichten = [m.bericht for m in fout.value.meldingen]
    assert "onbekende sleutel 'artikl'; bedoelt u 'artikel'?" in berichten


def test_dubbele_sleutel_wijst_naar_tweede_sleutel() -> None:
    with pytest.raises(Exception) as fout:
        load_text("gemeente:\n  slug: a\n  naam: A\n  naam: B\n", "g.yaml")
    assert str(fout.value) == "g.yaml:4:3: sleutel 'naam' komt dubbel voor (eerder op regel 3)"
    doc = load_text("a:\n  bb: {c: 1, dd: 2}\n", "f.yaml")
    assert doc.plaats(("a", "bb", "dd")) == "f.yaml:2:18"
    assert doc.plaats(("a", "bb", "dd"), sleutel=True) == "f.yaml:2:14"
    assert doc.plaats(("a", "onbekend"), sleutel=True) == "f.yaml:2:3"


@pytest.mark.parametrize("tekst, plaats, woorden", [
    ("a: b: c\n", "1:5", "hier mag geen ':' staan"),
    ("a:\n\tb: 1\n", "2:1", "tab-teken"),
    ("a: \"abc\nb: 2\n", "1:4", "aanhalingsteken"),
    ("a:\n  b: 1\n c: 2\n", "3:2", "inspringing"),
    ("a: {b: 1\nc: 2\n", "2:2", "ontbreekt een komma"),
    ("a: 1\nb\nc: 2\n", "2:1", "dubbele punt"),
])
def test_yaml_syntaxfout_in_het_nederlands(tekst: str, plaats: str, woorden: str) -> None:
    with pytest.raises(Exception) as fout:
        load_text(tekst, "f.yaml")
    bericht = str(fout.value)
    assert bericht.startswith(f"f.yaml:{plaats}: ongeldige YAML: "), bericht
    assert woorden in bericht
    assert bericht.endswith(")")  # PyYAML's own text follows in parentheses


def test_validate_paden_openen_vanuit_huidige_map(tmp_path: Path) -> None:
    root = kopie(tmp_path / "regels")
    bestand = root / "gemeenten" / "heiloo.yaml"
    tekst = bestand.read_text(encoding="utf-8").replace("  naam: Heiloo\n",
                                                        "  naam: Heiloo\n  nam: x\n", 1)
    bestand.write_text(tekst, encoding="utf-8")
    (root / "rules" / "algemeen" / "kapot.yaml").write_text("soort: parameters\nx: [1,\n",
                                                            encoding="utf-8")
    result = sora("validate", "regels", cwd=tmp_path)
    assert result.returncode == 1, result.stdout + result.stderr
    meldingen = _meldingen(result.stdout)
    assert meldingen, result.stdout
    for file, line, col, _ in meldingen:
        assert (tmp_path / file).is_file(), file
        lijnen = (tmp_path / file).read_text(encoding="utf-8").splitlines() + [""]
        assert 1 <= line <= len(lijnen) and 1 <= col <= len(lijnen[line - 1]) + 1
    files = {m[0] for m in meldingen}
    assert {"regels/gemeenten/heiloo.yaml", "regels/rules/algemeen/kapot.yaml"} <= files
    assert re.search(r"^\d+ fouten gevonden in 2 bestanden$", result.stderr, re.M), result.stderr
    regel = tekst.splitlines().index("  nam: x") + 1
    assert f"regels/gemeenten/heiloo.yaml:{regel}:3: onbekende sleutel 'nam'" in result.stdout

    # One file inside the root: only its findings, the rest counted.
    result = sora("validate", "regels/gemeenten/heiloo.yaml", cwd=tmp_path)
    assert result.returncode == 1
    assert {m[0] for m in _meldingen(result.stdout)} == {"regels/gemeenten/heiloo.yaml"}
    assert "1 fout gevonden in 1 bestand" in result.stderr
    assert "let op: 1 melding in andere bestanden van regels" in result.stderr
    # A file without findings of its own: exit 0, but the rest of the root is mentioned.
    result = sora("validate", "regels/gemeenten/alkmaar.yaml", cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "regels/gemeenten/alkmaar.yaml: geen fouten" in result.stdout
    assert "let op: " in result.stderr


def test_validate_json_en_enkel_bestand(tmp_path: Path) -> None:
    root = kopie(tmp_path / "regels")
    result = cli("validate", root, "--format", "json")
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert doc["geldig"] is True and doc["fouten"] == 0
    los = tmp_path / "los.yaml"
    regel = "gemeente: {slug: x, naam: X, cbs_code: '12'}"
    los.write_text(f"soort: gemeente\n{regel}\n", encoding="utf-8")
    result = cli("validate", los, "--format", "json")
    assert result.exit_code == 1
    [pad] = json.loads(result.stdout)["paden"]
    [melding] = pad["meldingen"]
    assert (melding["regel"], melding["kolom"]) == (2, regel.index("'12'") + 1)
    assert "heeft niet de juiste vorm" in melding["bericht"]
    assert "alleen het schema" in pad["samenvatting"]


def test_validate_pad_bestaat_niet() -> None:
    result = sora("validate", "/bestaat/niet")
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.startswith("fout: /bestaat/niet: bestaat niet")
    assert "Traceback" not in result.stderr

"""The minima-effect report (issue #11, analysis 2): `sora-rules harmonisatie minima-effect`.

The expected figures are worked out by hand from the YAML, not copied from the
output: the bijstandsnormen of 1-1-2026 (rules/participatiewet/normen.yaml:
alleenstaande 1.401,50, AOW-alleenstaande 1.564,69, AOW-gehuwden 2.144,16), the IIT
(rules/minima/open_normen.yaml: 479 alleenstaande) and the AlkmaarPas
(gemeenten/alkmaar.yaml: 188 per person 18 to AOW, 302 from the AOW age, up to
120% of the norm like the IIT and the collectieve zorgverzekering). Most tests
evaluate one gemeente through the library; one fixture runs all six once.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from regelkopie import kopieer_regels

from sora_rules import Engine
from sora_rules.cli import main
from sora_rules.errors import InvoerFout
from sora_rules.harmonisatie import BREEDTE
from sora_rules.listing import to_json
from sora_rules.minima_effect import (
    HUISHOUDENS,
    PROCENTEN,
    _punt,
    casus,
    minima_effect,
    render_minima_effect,
)

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "engine" / "src"
PEILDATUM = date(2026, 3, 1)
D = Decimal


def sora(*args: str | Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    return subprocess.run([sys.executable, "-m", "sora_rules", *(str(a) for a in args)],
                          input="", capture_output=True, text=True, encoding="utf-8", env=env,
                          cwd=ROOT, timeout=120)


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine(ROOT)


@pytest.fixture(scope="module")
def alkmaar(engine: Engine) -> dict[str, Any]:
    return minima_effect(engine, PEILDATUM, ["alkmaar"])


@pytest.fixture(scope="module")
def alle(engine: Engine) -> dict[str, Any]:
    return minima_effect(engine, PEILDATUM)


def _reeks(data: dict[str, Any], huishouden: str, gemeente: str = "alkmaar") -> dict[str, Any]:
    return next(r for r in data["reeksen"]
                if (r["gemeente"], r["huishouden"]) == (gemeente, huishouden))


def _punt_op(reeks: dict[str, Any], procent: int) -> dict[str, Any]:
    return next(p for p in reeks["punten"] if p["procent"] == procent)


def _van(stappen: list[dict[str, Any]], huishouden: str) -> list[dict[str, Any]]:
    return [s for s in stappen if s["huishouden"] == huishouden]


def test_huishoudens_zijn_de_standaardtypen_van_nibud() -> None:
    assert [h.id for h in HUISHOUDENS] == [
        "alleenstaande", "alleenstaande_ouder_een_kind", "alleenstaande_ouder_twee_kinderen",
        "paar", "paar_twee_kinderen", "aow_alleenstaande", "aow_paar"]
    gezin = casus(HUISHOUDENS[4], "heiloo", PEILDATUM, D("100.00"))
    assert gezin["aanvrager"]["geboortedatum"] == "1991-03-01"  # 35 on 1-3-2026
    assert gezin["partner"]["geboortedatum"] == "1991-03-01"
    assert [k["geboortedatum"] for k in gezin["kinderen"]] == ["2020-03-01", "2017-03-01"]
    assert gezin["inkomsten"] == [{"persoon": "aanvrager", "soort": "arbeid",
                                   "netto_per_maand": D("100.00")}]
    assert "kosten" not in gezin and "schuldhulp" not in gezin
    schrikkel = casus(HUISHOUDENS[0], "heiloo", date(2024, 2, 29), None)
    assert schrikkel["aanvrager"]["geboortedatum"] == "1989-02-28"
    assert schrikkel["inkomsten"] == []


def test_norm_en_inkomenspunten(alkmaar: dict[str, Any]) -> None:
    reeks = _reeks(alkmaar, "alleenstaande")
    assert reeks["norm"] == D("1401.50")
    assert [p["procent"] for p in reeks["punten"]] == list(range(100, 151)) == list(PROCENTEN)
    inkomen = {p["procent"]: p["inkomen_per_maand"] for p in reeks["punten"]}
    assert inkomen[100] == D("1401.50")
    assert inkomen[103] == D("1443.55")  # 1.443,545 rounded half up (half even: ,54)
    assert inkomen[120] == D("1681.80")
    assert inkomen[121] == D("1695.82")  # 1.695,815
    assert inkomen[150] == D("2102.25")
    assert all(isinstance(v, Decimal) for v in inkomen.values())
    assert not reeks["aio_svb"]


def test_steun_bij_100_procent_alleenstaande_alkmaar(alkmaar: dict[str, Any]) -> None:
    # bijstand: norm − inkomen = 0; IIT 479; AlkmaarPas 188; zorgverzekering without amount
    punt = _punt_op(_reeks(alkmaar, "alleenstaande"), 100)
    assert punt["per_regeling"] == {"alkmaarpas": D("188"), "collectieve_zorgverzekering": 0,
                                    "individuele_inkomenstoeslag": D("479")}
    assert punt["zonder_bedrag"] == ["collectieve_zorgverzekering"]
    assert punt["steun_per_jaar"] == D("667")
    assert _punt_op(_reeks(alkmaar, "alleenstaande"), 121)["per_regeling"] == {}


def test_alkmaarpas_grens_tussen_120_en_121_procent(alkmaar: dict[str, Any]) -> None:
    # 120% × 1.401,50 = 1.681,80 ≤ the limit; 121% = 1.695,82 is above it
    [overgang] = _van(alkmaar["grensovergangen"], "alleenstaande")
    assert overgang["van"] == {"procent": 120, "inkomen_per_maand": D("1681.80")}
    assert overgang["naar"] == {"procent": 121, "inkomen_per_maand": D("1695.82")}
    assert overgang["vervallen"] == ["alkmaarpas", "collectieve_zorgverzekering",
                                     "individuele_inkomenstoeslag"]
    assert overgang["gemeente"] == "alkmaar"


def test_armoedeval_bij_de_grens_van_120_procent(alkmaar: dict[str, Any]) -> None:
    # Δ inkomen 14,02 per maand = 168,24 per jaar; weg: 188 + 479 = 667 → 498,76 minder
    [val] = _van(alkmaar["armoedevallen"], "alleenstaande")
    assert (val["van"]["procent"], val["naar"]["procent"]) == (120, 121)
    assert val["meer_inkomen_per_jaar"] == D("168.24")
    assert val["minder_steun_per_jaar"] == D("667")
    assert val["verlies_per_jaar"] == D("498.76")
    assert "alkmaarpas" in val["vervallen"]


def test_armoedeval_aow_paar(alkmaar: dict[str, Any]) -> None:
    # norm 2.144,16: 120% = 2.572,99 (2.572,992), 121% = 2.594,43 (2.594,4336);
    # Δ 21,44 × 12 = 257,28; weg: AlkmaarPas 2 × 302 = 604 (no IIT from the AOW age)
    [val] = _van(alkmaar["armoedevallen"], "aow_paar")
    assert val["van"]["inkomen_per_maand"] == D("2572.99")
    assert val["naar"]["inkomen_per_maand"] == D("2594.43")
    assert val["meer_inkomen_per_jaar"] == D("257.28")
    assert val["minder_steun_per_jaar"] == D("604")
    assert val["verlies_per_jaar"] == D("346.72")


def test_aow_telt_de_aio_van_de_svb(engine: Engine, alkmaar: dict[str, Any]) -> None:
    reeks = _reeks(alkmaar, "aow_alleenstaande")
    assert reeks["aio_svb"] and reeks["norm"] == D("1564.69")
    assert "algemene_bijstand" not in _punt_op(reeks, 100)["per_regeling"]  # norm − norm = 0
    ids = ["algemene_bijstand"]
    besluiten = engine.evaluate(casus(HUISHOUDENS[5], "alkmaar", PEILDATUM, D("1000.00")),
                                gemeente="alkmaar", peildatum=PEILDATUM,
                                regelingen=ids).besluiten
    assert besluiten[0].uitkomst == "doorverwezen"
    # 12 × (1.564,69 − 1.000,00) = 6.776,28
    assert _punt(besluiten, 71, D("1000.00"))["per_regeling"] == {
        "algemene_bijstand": D("6776.28")}


def test_elke_gemeente_elke_grens_benoemd(alle: dict[str, Any]) -> None:
    assert alle["gemeenten"] == ["alkmaar", "bergen", "castricum", "dijk-en-waard", "heiloo",
                                 "uitgeest"]
    assert len(alle["reeksen"]) == 6 * 7
    for reeks in alle["reeksen"]:
        eerste, laatste = reeks["punten"][0], reeks["punten"][-1]
        weg = set(eerste["per_regeling"]) - set(laatste["per_regeling"])
        genoemd = {rid for s in alle["grensovergangen"]
                   if (s["gemeente"], s["huishouden"]) == (reeks["gemeente"], reeks["huishouden"])
                   for rid in s["vervallen"]}
        assert weg <= genoemd, (reeks["gemeente"], reeks["huishouden"])
    for val in alle["armoedevallen"]:
        assert val["meer_inkomen_per_jaar"] < val["minder_steun_per_jaar"]
        assert val["vervallen"]


def test_limiet_verschuift_met_de_overlay(tmp_path: Path) -> None:
    """AlkmaarPas at 130% in a copy: its crossing moves, the IIT's stays at 120%."""
    root = kopieer_regels(tmp_path)
    pad = root / "gemeenten" / "alkmaar.yaml"
    tekst = pad.read_text(encoding="utf-8")
    assert "2024-01-01: {waarde: 120, status: aanname, bron: \"072nieuws" in tekst
    pad.write_text(tekst.replace("2024-01-01: {waarde: 120, status: aanname, bron: \"072nieuws",
                                 "2024-01-01: {waarde: 130, status: aanname, bron: \"072nieuws"),
                   encoding="utf-8")
    data = minima_effect(Engine(root), PEILDATUM, ["alkmaar"])
    stappen = {(s["van"]["procent"], tuple(s["vervallen"]))
               for s in _van(data["grensovergangen"], "alleenstaande")}
    assert (120, ("individuele_inkomenstoeslag",)) in stappen
    assert any(van == 130 and "alkmaarpas" in ids for van, ids in stappen)
    # 130% → 131%: Δ 14,01 or 14,02 per month (≈ 168 per year) < 188: still a trap
    assert any(v["van"]["procent"] == 130 for v in _van(data["armoedevallen"], "alleenstaande"))


def test_onbekende_gemeente_en_peildatum_voor_de_regels(engine: Engine) -> None:
    with pytest.raises(InvoerFout) as fout:
        minima_effect(engine, PEILDATUM, ["xyz"])
    assert fout.value.pad == "gemeente" and "onbekende gemeente 'xyz'" in fout.value.bericht
    with pytest.raises(InvoerFout) as fout:
        minima_effect(engine, date(2023, 6, 1), ["alkmaar"])
    assert fout.value.pad == "peildatum"


def test_json_is_deterministisch_en_exact(engine: Engine, alkmaar: dict[str, Any]) -> None:
    assert to_json(minima_effect(engine, PEILDATUM, ["alkmaar"])) == to_json(alkmaar)
    doc = json.loads(to_json(alkmaar), parse_float=Decimal)
    assert set(doc) == {"peildatum", "huishoudens", "gemeenten", "reeksen", "armoedevallen",
                        "grensovergangen"}
    punt = doc["reeksen"][0]["punten"][21]
    assert {"procent", "inkomen_per_maand", "steun_per_jaar", "per_regeling"} <= set(punt)
    assert D(str(punt["inkomen_per_maand"])) == D("1695.82")
    assert D(str(doc["armoedevallen"][0]["verlies_per_jaar"])) == D("498.76")


def test_tekst(alkmaar: dict[str, Any]) -> None:
    tekst = render_minima_effect(alkmaar)
    regels = tekst.splitlines()
    assert regels[0].startswith("Minima-effectrapportage op 2026-03-01: 1 gemeente × 7")
    assert "Alkmaar (alkmaar), alleenstaande (35 jaar): bijstandsnorm € 1.401,50 per maand" \
        in regels
    assert any(r.startswith("  ! 121%") and "€ 1.695,82" in r for r in regels)
    assert any(r.startswith("    120%") for r in regels)  # the side before the cliff
    assert not any(r.startswith("    101%") for r in regels)  # no cliff there
    assert "per saldo € 498,76 per jaar minder" in " ".join(tekst.split())
    assert "AIO-aanvulling van de SVB" in tekst
    assert all(len(r) <= BREEDTE for r in regels)


def test_cli(engine: Engine) -> None:
    goed = sora("harmonisatie", "minima-effect", "--peildatum", "2026-03-01",
                "--gemeente", "heiloo", "--format", "json")
    assert goed.returncode == 0, goed.stderr
    assert goed.stdout == to_json(minima_effect(engine, PEILDATUM, ["heiloo"]))  # other process
    fout = sora("harmonisatie", "minima-effect", "--gemeente", "xyz")
    assert fout.returncode == 2 and fout.stdout == ""
    assert fout.stderr.startswith("fout: gemeente: onbekende gemeente 'xyz'; kies uit: alkmaar")
    assert "Traceback" not in fout.stderr


def test_cli_ongeldige_peildatum() -> None:
    result = CliRunner().invoke(main, ["harmonisatie", "minima-effect", "--peildatum",
                                       "2026-02-30"])
    assert result.exit_code == 2
    assert "'2026-02-30' is geen geldige datum" in result.stderr


def test_help_toont_voorbeeld() -> None:
    result = CliRunner().invoke(main, ["harmonisatie", "minima-effect", "--help"])
    assert result.exit_code == 0
    assert "Voorbeeld" in result.output
    assert "sora-rules harmonisatie minima-effect --peildatum 2026-03-01" in result.output

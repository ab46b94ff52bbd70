"""The harmonisation matrix (issue #11): `sora-rules harmonisatie matrix`.

The expectations are read from the YAML itself (gemeenten/*.yaml and the open
norms of the basispakket), not from the output: if an advisor changes a value,
the test follows the YAML and checks that the matrix does too. As in
tests/test_tooling.py, most assertions call the pure functions; a few real
`python -m sora_rules` subprocesses check the command line.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner

from sora_rules.cli import main
from sora_rules.errors import InvoerFout
from sora_rules.harmonisatie import BREEDTE, gedeelde_naam, matrix, render_matrix
from sora_rules.listing import to_json
from sora_rules.model import Regelset
from sora_rules.policy import load_regelset

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "engine" / "src"
SLUGS = ["alkmaar", "bergen", "castricum", "dijk-en-waard", "heiloo", "uitgeest"]
PEILDATUM = date(2026, 3, 1)


def sora(*args: str | Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    return subprocess.run([sys.executable, "-m", "sora_rules", *(str(a) for a in args)],
                          input="", capture_output=True, text=True, encoding="utf-8", env=env,
                          cwd=ROOT, timeout=120)


def cli(*args: str | Path) -> Any:
    """Run the click command in-process (stdout and stderr kept apart)."""
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


@pytest.fixture(scope="module")
def repo() -> Regelset:
    return load_regelset(ROOT)


@pytest.fixture(scope="module")
def data(repo: Regelset) -> dict[str, Any]:
    return matrix(repo, PEILDATUM)


def _rij(data: dict[str, Any], rid: str) -> dict[str, Any]:
    return next(r for r in data["rijen"] if r["id"] == rid)


def _overlay(slug: str) -> dict[str, Any]:
    result: dict[str, Any] = yaml.safe_load(
        (ROOT / "gemeenten" / f"{slug}.yaml").read_text(encoding="utf-8"))
    return result


def _op(waarden: dict[Any, dict[str, Any]], dag: date) -> dict[str, Any]:
    """The dated value in force on `dag`, as the YAML states it."""
    return waarden[max(d for d in waarden if date.fromisoformat(str(d)) <= dag)]


def _basis(pid: str, bestand: str) -> dict[str, Any]:
    doc = yaml.safe_load((ROOT / bestand).read_text(encoding="utf-8"))
    return _op(doc["parameters"][pid]["waarden"], PEILDATUM)


def _waar(rij: dict[str, Any]) -> list[str]:
    return [slug for slug, cel in rij["cellen"].items() if cel is not None]


# ------------------------------------------------------------------------------ data


def test_minima_inkomensgrens_volgt_de_overlays(data: dict[str, Any]) -> None:
    rij = _rij(data, "minima.inkomensgrens_pct")
    verwacht = {slug: _op(_overlay(slug)["open_normen"]["minima.inkomensgrens_pct"]["waarden"],
                          PEILDATUM) for slug in SLUGS}
    assert rij["soort"] == "parameter" and rij["eenheid"] == "procent"
    assert rij["verschilt"] is (len({v["waarde"] for v in verwacht.values()}) > 1)
    for slug, yml in verwacht.items():
        cel = rij["cellen"][slug]
        assert (cel["waarde"], cel["status"], cel["bron"]) == (
            yml["waarde"], yml["status"], yml["bron"])
        assert cel["tekst"] == f"{yml['waarde']}%"
        assert (cel["bestand"], cel["pakket"]) == (f"gemeenten/{slug}.yaml", "plus")


def test_pluspakket_regelingen_staan_alleen_waar_ze_gelden(data: dict[str, Any]) -> None:
    assert data["gemeenten"] == SLUGS
    alkmaarpas = _rij(data, "alkmaarpas")
    assert (alkmaarpas["soort"], alkmaarpas["naam"], alkmaarpas["pakket"]) == (
        "regeling", "AlkmaarPas", "plus")
    assert _waar(alkmaarpas) == ["alkmaar"]
    assert alkmaarpas["cellen"]["alkmaar"]["waarde"] == "van_kracht"
    assert alkmaarpas["cellen"]["alkmaar"]["grondslag"]["regeling"] == "Verordening AlkmaarPas"
    assert _waar(_rij(data, "meedoenpas")) == ["dijk-en-waard"]
    mp = _rij(data, "maatschappelijke_participatie")
    assert _waar(mp) == ["bergen", "castricum", "heiloo", "uitgeest"]
    assert mp["naam"] == "Maatschappelijke participatie"  # what the four names share
    assert mp["cellen"]["heiloo"]["tekst"] == "Maatschappelijke participatie Heiloo"
    assert all(_rij(data, r)["verschilt"] for r in ("alkmaarpas", "meedoenpas",
                                                    "maatschappelijke_participatie"))
    bijstand = _rij(data, "algemene_bijstand")
    assert _waar(bijstand) == SLUGS and bijstand["verschilt"] is False


def test_open_norm_van_bergen_tegen_de_regionale_standaard(data: dict[str, Any]) -> None:
    pid = "wgs.eerste_gesprek_weken_gezinnen_met_kinderen"
    standaard = _basis(pid, "rules/schuldhulpverlening/open_normen.yaml")
    bergen = _op(_overlay("bergen")["open_normen"][pid]["waarden"], PEILDATUM)
    rij = _rij(data, pid)
    assert rij["verschilt"] is (bergen["waarde"] != standaard["waarde"])
    assert rij["cellen"]["bergen"]["waarde"] == bergen["waarde"]
    for slug in ("alkmaar", "heiloo"):
        cel = rij["cellen"][slug]
        assert (cel["waarde"], cel["bron"], cel["pakket"]) == (
            standaard["waarde"], standaard["bron"], "basis")
        assert cel["bestand"] == "rules/schuldhulpverlening/open_normen.yaml"


def test_bedragen_en_inkomensgrenzen_zijn_rijen(repo: Regelset, data: dict[str, Any]) -> None:
    ids = {r["id"] for r in data["rijen"] if r["soort"] == "parameter"}
    assert {"alkmaar.alkmaarpas.saldo", "dijk_en_waard.meedoenpas.bedrag",
            "dijk_en_waard.meedoenpas.ouderbijdrage_school", "iit.bedrag",
            "iit.inkomensgrens_pct", "minima.inkomensgrens_pct"} <= ids
    # national law (no open norm, not read by an amount or income test) is no choice
    assert "pw.vermogensgrens" in repo.parameters and "pw.vermogensgrens" not in ids
    saldo = _rij(data, "alkmaar.alkmaarpas.saldo")
    assert _waar(saldo) == ["alkmaar"]
    yml = _op(_overlay("alkmaar")["parameters"]["alkmaar.alkmaarpas.saldo"]["waarden"],
              PEILDATUM)
    assert saldo["cellen"]["alkmaar"]["waarde"] == yml["waarde"]
    iit = _rij(data, "iit.bedrag")["cellen"]["uitgeest"]
    assert iit["waarde"] == _basis("iit.bedrag", "rules/minima/open_normen.yaml")["waarde"]
    assert iit["tekst"].startswith("alleenstaande: € 479,00; ")


def test_verschillende_rijen_eerst_en_elke_groep_op_id(data: dict[str, Any]) -> None:
    vlaggen = [r["verschilt"] for r in data["rijen"]]
    n = data["samenvatting"]["verschillend"]
    assert vlaggen == [True] * n + [False] * (len(vlaggen) - n) and 0 < n < len(vlaggen)
    for groep in (data["rijen"][:n], data["rijen"][n:]):
        assert [r["id"] for r in groep] == sorted(r["id"] for r in groep)
    for r in data["rijen"]:  # a row is equal exactly when all six have the same value
        waarden = [None if c is None else c["waarde"] for c in r["cellen"].values()]
        assert r["verschilt"] is (None in waarden and waarden != [None] * 6
                                  or any(w != waarden[0] for w in waarden))


def test_voor_het_begin_van_de_regels(repo: Regelset) -> None:
    with pytest.raises(InvoerFout) as fout:
        matrix(repo, date(2023, 12, 31))
    assert fout.value.pad == "peildatum"
    assert fout.value.bericht.startswith("2023-12-31 ligt voor het begin van de regels "
                                         "(2024-01-01)")
    assert matrix(repo, date(2024, 1, 1))["rijen"]


def test_gedeelde_naam() -> None:
    assert gedeelde_naam(["Maatschappelijke participatie Bergen (NH)",
                          "Maatschappelijke participatie Heiloo"]) == (
        "Maatschappelijke participatie")
    assert gedeelde_naam(["AlkmaarPas"]) == "AlkmaarPas"
    assert gedeelde_naam(["Pas A", "Regeling B"]) == "Pas A"


def test_uitgeschakelde_regeling_in_een_kopie(tmp_path: Path) -> None:
    """A regional scheme switched off in a copy of heiloo.yaml shows as such, with the
    overlay that switched it off as its file."""
    for deel in ("rules", "gemeenten"):
        shutil.copytree(ROOT / deel, tmp_path / deel)
    bestand = tmp_path / "gemeenten" / "heiloo.yaml"
    bestand.write_text(bestand.read_text(encoding="utf-8")
                       + "\nuitschakelen: [jeugdfonds_sport_cultuur]\n", encoding="utf-8")
    rij = _rij(matrix(load_regelset(tmp_path), PEILDATUM), "jeugdfonds_sport_cultuur")
    assert rij["verschilt"] is True
    cel = rij["cellen"]["heiloo"]
    assert (cel["waarde"], cel["tekst"], cel["bestand"]) == (
        "uitgeschakeld", "uitgeschakeld", "gemeenten/heiloo.yaml")
    assert rij["cellen"]["alkmaar"]["waarde"] == "van_kracht"
    result = cli("harmonisatie", "matrix", "--peildatum", "2026-03-01", "--regels", tmp_path)
    assert result.exit_code == 0, result.output
    assert "\n  heiloo: uitgeschakeld\n" in result.stdout


# ------------------------------------------------------------------------------ text


def test_tekst_markeert_aannames_en_zet_verschillen_eerst(data: dict[str, Any]) -> None:
    tekst = render_matrix(data)
    regels = tekst.splitlines()
    s = data["samenvatting"]
    assert regels[0] == (f"Harmonisatiematrix op 2026-03-01: 6 gemeenten, {s['rijen']} rijen, "
                         f"waarvan {s['verschillend']} verschillend en {s['gelijk']} gelijk")
    assert "Legenda: * = aanname (nog te bevestigen); — = niet in deze gemeente" in regels
    # AlkmaarPas saldo is an aanname in alkmaar.yaml: marked; the other five lack it
    blok = tekst[tekst.index("parameter alkmaar.alkmaarpas.saldo"):]
    assert "  alkmaar: van 18 jaar tot de AOW-leeftijd: € 188,00; " in blok
    assert blok.index("€ 302,00*") < blok.index("\n\n")
    assert "  bergen, castricum, dijk-en-waard, heiloo, uitgeest: —" in blok
    # wgs.eerste_gesprek_weken is bevestigd in the basispakket: no marker, all six alike
    assert _basis("wgs.eerste_gesprek_weken",
                  "rules/schuldhulpverlening/open_normen.yaml")["status"] == "bevestigd"
    blok = tekst[tekst.index("parameter wgs.eerste_gesprek_weken:"):]
    assert blok.splitlines()[1] == "  alle gemeenten: 4 weken"
    verschil, gelijk = (tekst.index("Verschillend tussen de gemeenten ("),
                        tekst.index("Gelijk in alle gemeenten ("))
    assert verschil < tekst.index("regeling alkmaarpas:") < gelijk
    assert gelijk < tekst.index("regeling algemene_bijstand:")
    assert all(len(r) <= BREEDTE for r in regels)
    assert render_matrix(matrix(load_regelset(ROOT), PEILDATUM)) == tekst


# ---------------------------------------------------------------------- command line


def test_json_is_byte_voor_byte_gelijk(data: dict[str, Any]) -> None:
    eerste = sora("harmonisatie", "matrix", "--peildatum", "2026-03-01", "--format", "json")
    tweede = sora("harmonisatie", "matrix", "--peildatum", "2026-03-01", "--format", "json")
    assert eerste.returncode == 0, eerste.stderr
    assert eerste.stdout == tweede.stdout == to_json(data)
    doc = json.loads(eerste.stdout)
    assert set(doc) == {"peildatum", "gemeenten", "samenvatting", "rijen"}
    assert doc["peildatum"] == "2026-03-01" and doc["gemeenten"] == SLUGS
    assert set(doc["rijen"][0]["cellen"]) == set(SLUGS)


@pytest.mark.parametrize(("peildatum", "melding"), [
    ("2026-13-45", "fout: peildatum: '2026-13-45' is geen geldige datum (JJJJ-MM-DD)"),
    ("2023-06-01", "fout: peildatum: 2023-06-01 ligt voor het begin van de regels"),
])
def test_cli_onbruikbare_peildatum(peildatum: str, melding: str) -> None:
    result = sora("harmonisatie", "matrix", "--peildatum", peildatum)
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.startswith(melding), result.stderr
    assert "Traceback" not in result.stderr


def test_cli_tekst() -> None:
    result = cli("harmonisatie", "matrix", "--peildatum", "2026-03-01")
    assert result.exit_code == 0
    assert result.stdout.startswith("Harmonisatiematrix op 2026-03-01: 6 gemeenten")


@pytest.mark.parametrize("opdracht", [["harmonisatie"], ["harmonisatie", "matrix"]])
def test_help_toont_voorbeeld(opdracht: list[str]) -> None:
    result = cli(*opdracht, "--help")
    assert result.exit_code == 0
    assert "Voorbeeld" in result.output and "sora-rules harmonisatie matrix" in result.output
    if opdracht[-1] == "matrix":
        assert "--format" in result.output and '"verschilt"' in result.output

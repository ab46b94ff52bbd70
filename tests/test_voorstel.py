"""`sora-rules harmonisatie voorstel` (issue #11, analysis 3): proposal impact.

The acceptance check: the counts and amounts agree with evaluating every case
twice, with an Engine on the base rules and one on the proposal's rules.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from voorstel_hulp import GEMEENTEN, overlay_130, variant_regels, vergelijk, voorstel_130

from sora_rules.cli import main
from sora_rules.voorstel import VOORTGANG_STAP, voorstel_effect

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
from households import write_caseload  # noqa: E402


@pytest.fixture(scope="module")
def opzet(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    tmp = tmp_path_factory.mktemp("voorstel")
    voorstel = tmp / "minima-130.yaml"
    voorstel.write_text(voorstel_130(), encoding="utf-8")
    caseload = tmp / "caseload.jsonl"
    write_caseload(caseload, 60, seed=4)
    variant = variant_regels(tmp / "variant")
    return {"voorstel": voorstel, "caseload": caseload, "variant": variant, "tmp": tmp}


def test_telt_als_twee_engines_per_casus(opzet: dict[str, Path]) -> None:
    data = voorstel_effect(opzet["voorstel"], opzet["caseload"])
    assert data["gemeenten"] == list(GEMEENTEN)
    vergelijk(data, opzet["caseload"], opzet["variant"])
    assert sum(e["erbij"] for e in data["effecten"]) > 0  # the proposal does something here


def test_gemeente_kiest_een_deel_en_is_deterministisch(opzet: dict[str, Path]) -> None:
    args = ["harmonisatie", "voorstel", str(opzet["voorstel"]), str(opzet["caseload"]),
            "--gemeente", "heiloo", "--format", "json"]
    een, twee = CliRunner().invoke(main, args), CliRunner().invoke(main, args)
    assert een.exit_code == 0, een.output
    assert een.output == twee.output
    data = json.loads(een.output)
    assert data["gemeenten"] == ["heiloo"]
    assert all(e["gemeente"] == "heiloo" for e in data["effecten"])


def test_tekstuitvoer(opzet: dict[str, Path]) -> None:
    res = CliRunner().invoke(main, ["harmonisatie", "voorstel", str(opzet["voorstel"]),
                                    str(opzet["caseload"])])
    assert res.exit_code == 0, res.output
    assert res.output.startswith("Effect van het voorstel")
    assert "uitgeest:" in res.output and "krijgen recht" in res.output


@pytest.mark.parametrize("geval", ["geen_voorstel", "kapotte_yaml", "geen_caseload",
                                   "onbekende_gemeente", "gemeente_niet_in_voorstel",
                                   "geen_overlay"])
def test_foute_invoer_geeft_exitcode_2(opzet: dict[str, Path], geval: str) -> None:
    tmp = opzet["tmp"]
    voorstel, caseload, extra = opzet["voorstel"], opzet["caseload"], []
    if geval == "geen_voorstel":
        voorstel = tmp / "bestaat-niet.yaml"
    elif geval == "kapotte_yaml":
        voorstel = tmp / "kapot.yaml"
        voorstel.write_text("soort: gemeente\ngemeente: [\n", encoding="utf-8")
    elif geval == "geen_caseload":
        caseload = tmp / "bestaat-niet.jsonl"
    elif geval == "onbekende_gemeente":
        voorstel = tmp / "onbekend.yaml"
        voorstel.write_text(overlay_130("heiloo").replace("slug: heiloo", "slug: limmen"),
                            encoding="utf-8")
    elif geval == "gemeente_niet_in_voorstel":
        extra = ["--gemeente", "alkmaar"]
    else:
        voorstel = tmp / "casus.yaml"
        voorstel.write_text("gemeente: heiloo\n", encoding="utf-8")
    res = CliRunner().invoke(main, ["harmonisatie", "voorstel", str(voorstel), str(caseload),
                                    *extra])
    assert res.exit_code == 2, res.output
    assert "Traceback" not in res.output
    assert str(voorstel.name) in res.output or str(caseload.name) in res.output


def test_voortgang_elke_stap_en_aan_het_eind(opzet: dict[str, Path]) -> None:
    gemeld: list[tuple[int, int]] = []
    voorstel_effect(opzet["voorstel"], opzet["caseload"],
                    voortgang=lambda n, totaal: gemeld.append((n, totaal)))
    assert VOORTGANG_STAP == 25
    assert gemeld == [(25, 60), (50, 60), (60, 60)]  # 60 lines: every 25, then the end


def test_voortgang_op_stderr_en_stdout_alleen_het_rapport(opzet: dict[str, Path]) -> None:
    args = ["harmonisatie", "voorstel", str(opzet["voorstel"]), str(opzet["caseload"]),
            "--format", "json"]
    zonder, met = CliRunner().invoke(main, args), CliRunner().invoke(main, [*args, "--voortgang"])
    assert zonder.exit_code == 0 and met.exit_code == 0, met.output
    assert zonder.stderr == ""
    assert met.stdout == zonder.stdout
    json.loads(met.stdout)
    assert met.stderr.startswith("\r") and met.stderr.endswith("\n")
    assert "\r60/60 (100.0%" in met.stderr


VOORBEELDEN = ROOT / "voorbeelden" / "voorstellen"


def _met_fouten(caseload: Path, doel: Path) -> Path:
    """The example caseload with refused Heiloo lines among the good ones (null, money as
    text, an empty line, broken JSON, an unknown verblijfsstatus, a bad peildatum), in
    chunks of several sizes (chunks double from 25 lines), and a BOM on line 1."""
    regels = caseload.read_text(encoding="utf-8").splitlines()
    heiloo = [r for r in regels if '"gemeente": "heiloo"' in r]
    slecht = [heiloo[0].replace('"schulden": ', '"schulden": null, "x": '),
              heiloo[1].replace('"bezittingen": ', '"bezittingen": "1", "y": '), "", "{kapot",
              heiloo[2].replace('"verblijfsstatus": "', '"verblijfsstatus": "x'),
              heiloo[3].replace('"peildatum": "', '"peildatum": "1')]
    assert all(s not in regels for s in slecht)
    for plek, regel in zip((2, 30, 77, 140, 333, 590), slecht, strict=True):
        regels.insert(plek, regel)
    doel.write_text("\ufeff" + "\n".join(regels) + "\n", encoding="utf-8")
    return doel


@pytest.mark.parametrize("voorstel", ["minima-130-heiloo-uitgeest.yaml",
                                      "meedoenpas-heiloo-uitgeest.yaml"])
@pytest.mark.parametrize("fouten", [False, True])
def test_op_kolommen_gelijk_aan_per_huishouden(tmp_path: Path, voorstel: str,
                                               fouten: bool) -> None:
    """The vectorised count (the default) and deciding every household twice on the
    durable-rules path give the same report, errors and examples included."""
    caseload = VOORBEELDEN / "caseload.jsonl"
    if fouten:
        caseload = _met_fouten(caseload, tmp_path / "met-fouten.jsonl")
    kolommen = voorstel_effect(VOORBEELDEN / voorstel, caseload)
    per_huishouden = voorstel_effect(VOORBEELDEN / voorstel, caseload, per_huishouden=True)
    assert kolommen == per_huishouden
    assert sum(e["erbij"] for e in kolommen["effecten"]) > 0
    if fouten:
        assert kolommen["fouten"] == 6 and kolommen["regels_gelezen"] == 606

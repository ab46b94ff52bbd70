"""`sora-rules harmonisatie voorstel` (issue #11, analysis 3): proposal impact.

The acceptance check: the counts and amounts agree with evaluating every case
twice, with an Engine on the base rules and one on the proposal's rules.
"""

from __future__ import annotations

import json
import re
import shutil
import sys
from collections import Counter
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner

from sora_rules import Engine
from sora_rules.cli import main
from sora_rules.voorstel import huishoudtype, jaarbedrag, voorstel_effect

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
from households import write_caseload  # noqa: E402

GEMEENTEN = ("heiloo", "uitgeest")


def _overlay_130(slug: str) -> str:
    """The gemeente's overlay with minima.inkomensgrens_pct at 130 instead of 120."""
    tekst = (ROOT / "gemeenten" / f"{slug}.yaml").read_text(encoding="utf-8")
    nieuw, n = re.subn(r"(minima\.inkomensgrens_pct:.*?waarde: )120", r"\g<1>130", tekst,
                       count=1, flags=re.S)
    assert n == 1
    return nieuw


@pytest.fixture(scope="module")
def opzet(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    tmp = tmp_path_factory.mktemp("voorstel")
    voorstel = tmp / "minima-130.yaml"
    voorstel.write_text("\n---\n".join(_overlay_130(g) for g in GEMEENTEN), encoding="utf-8")
    caseload = tmp / "caseload.jsonl"
    write_caseload(caseload, 60, seed=4)
    variant = tmp / "variant"
    for deel in ("rules", "gemeenten", "specs"):
        shutil.copytree(ROOT / deel, variant / deel)
    for g in GEMEENTEN:
        (variant / "gemeenten" / f"{g}.yaml").write_text(_overlay_130(g), encoding="utf-8")
    return {"voorstel": voorstel, "caseload": caseload, "variant": variant, "tmp": tmp}


def _verwacht(caseload: Path, variant: Path) -> dict[tuple[str, str], dict[str, object]]:
    """Independently: evaluate each case with two Engines and compare per regeling."""
    basis, alt = Engine(), Engine(variant)
    uit: dict[tuple[str, str], dict[str, object]] = {}
    for n, regel in enumerate(caseload.read_text(encoding="utf-8").splitlines(), start=1):
        case = json.loads(regel)
        if case["gemeente"] not in GEMEENTEN:
            continue
        a = {b.regeling: b for b in basis.evaluate(case).besluiten}
        b = {x.regeling: x for x in alt.evaluate(case).besluiten}
        for rid in a.keys() | b.keys():
            x, y = a[rid].to_dict(), b[rid].to_dict()
            r = uit.setdefault((case["gemeente"], rid), {"erbij": [], "eraf": [],
                                                         "per": Counter()})
            if y["uitkomst"] == "toegekend" and x["uitkomst"] != "toegekend":
                r["erbij"].append(n)  # type: ignore[attr-defined]
            if x["uitkomst"] == "toegekend" and y["uitkomst"] != "toegekend":
                r["eraf"].append(n)  # type: ignore[attr-defined]
            r["per"][huishoudtype(case)] += (  # type: ignore[index]
                jaarbedrag(y.get("bedrag")) - jaarbedrag(x.get("bedrag")))
    return uit


def test_telt_als_twee_engines_per_casus(opzet: dict[str, Path]) -> None:
    data = voorstel_effect(opzet["voorstel"], opzet["caseload"])
    verwacht = _verwacht(opzet["caseload"], opzet["variant"])
    assert data["gemeenten"] == list(GEMEENTEN)
    gevonden = {(e["gemeente"], e["regeling"]): e for e in data["effecten"]}
    for key, r in verwacht.items():
        per = {k: v for k, v in r["per"].items() if v}  # type: ignore[attr-defined]
        if not (r["erbij"] or r["eraf"] or per):
            assert key not in gevonden
            continue
        e = gevonden.pop(key)
        assert e["erbij"] == len(r["erbij"]) and e["eraf"] == len(r["eraf"])  # type: ignore
        assert e["voorbeelden"]["erbij"] == r["erbij"][:3]  # type: ignore[index]
        assert e["voorbeelden"]["eraf"] == r["eraf"][:3]  # type: ignore[index]
        assert {k: v for k, v in e["per_huishoudtype"].items() if v} == per
        assert e["verschil_per_jaar"] == sum(per.values(), Decimal(0))
    assert gevonden == {}
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
        voorstel.write_text(_overlay_130("heiloo").replace("slug: heiloo", "slug: limmen"),
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

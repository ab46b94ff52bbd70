"""Scheme templates (issue #9, item 5): a regeling written once in rules/minima/sjablonen.yaml
and instantiated by an overlay with only what differs, with no Python change."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from sora_rules import Engine
from sora_rules.policy import RegelsetFout, load_regelset

ROOT = Path(__file__).resolve().parents[1]

# € 75 per child under 12, at most € 300 a year, for households under 115% of the norm: the
# template plus its own formula (expressie.py), in YAML only.
KINDPAKKET = """
  - sjabloon: minimaregeling
    id: heiloo_kindpakket
    naam: Kindpakket Heiloo
    regel_prefix: kindpakket
    geldig_vanaf: 2026-01-01
    grondslag: {regeling: "Proefregeling kindpakket Heiloo", artikel: "1"}
    inkomensgrens: heiloo.kindpakket_pct
    extra_voorwaarden:
      - regel: kindpakket.kinderen
        als: {feit: heiloo.kinderen_onder_12, minstens: 1}
        tekst:
          voldaan: "In uw huishouden wonen kinderen jonger dan 12 jaar."
          niet_voldaan: "In uw huishouden wonen geen kinderen jonger dan 12 jaar."
    bedrag:
      per_jaar:
        formule:
          min:
            - product:
                - {parameter: heiloo.kindpakket}
                - {aantal: {personen: [kinderen], als: {persoon: leeftijd, minder_dan: 12}}}
            - {parameter: heiloo.kindpakket_maximum}
"""

EIGEN = """
feiten:
  heiloo.kinderen_onder_12: {soort: aantal_kinderen, van: kinderen, tot_leeftijd: 12}

parameters:
  heiloo.kindpakket:
    beschrijving: Kindpakket per jaar
    eenheid: euro
    grondslag: {regeling: "Proefregeling kindpakket Heiloo", artikel: "2"}
    waarden:
      2026-01-01: {waarde: 75, status: aanname, bron: "proef"}
  heiloo.kindpakket_maximum:
    beschrijving: Kindpakket per jaar ten hoogste
    eenheid: euro
    grondslag: {regeling: "Proefregeling kindpakket Heiloo", artikel: "2"}
    waarden:
      2026-01-01: {waarde: 300, status: aanname, bron: "proef"}
  heiloo.kindpakket_pct:
    beschrijving: Inkomensgrens kindpakket
    eenheid: procent
    grondslag: {regeling: "Proefregeling kindpakket Heiloo", artikel: "3"}
    waarden:
      2026-01-01: {waarde: 115, status: aanname, bron: "proef"}
"""


def _sora(root: Path, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "engine" / "src")}
    regels = [] if args[0] == "validate" else ["--regels", str(root)]
    return subprocess.run([sys.executable, "-m", "sora_rules", *args, *regels],
                          input=stdin, capture_output=True, text=True, env=env, check=False)


def _kopie(tmp_path: Path, slug: str, vervang: str, door: str) -> Path:
    root = tmp_path / "regels"
    shutil.copytree(ROOT / "rules", root / "rules")
    shutil.copytree(ROOT / "gemeenten", root / "gemeenten")
    overlay = root / "gemeenten" / f"{slug}.yaml"
    text = overlay.read_text(encoding="utf-8")
    assert vervang in text
    overlay.write_text(text.replace(vervang, door, 1), encoding="utf-8")
    return root


def _case(**extra: Any) -> dict[str, Any]:
    return {"gemeente": "heiloo", "peildatum": "2026-03-01",
            "aanvrager": {"geboortedatum": "1990-05-01", "woonplaats": "heiloo",
                          "verblijfsstatus": "nederlander"},
            "vermogen": {"bezittingen": 0}, **extra}


def test_new_scheme_from_template_in_yaml_only(tmp_path: Path) -> None:
    root = _kopie(tmp_path, "heiloo", "\nregelingen:\n", EIGEN + "\nregelingen:\n" + KINDPAKKET)
    assert _sora(root, "validate", str(root)).returncode == 0
    case = _case(kinderen=[{"geboortedatum": "2020-01-01"}],
                 inkomsten=[{"persoon": "aanvrager", "soort": "arbeid", "netto_per_maand": 1500}])
    ok = _sora(root, "evaluate", "-", "--format", "json", stdin=json.dumps(case))
    assert ok.returncode == 0, ok.stderr
    besluit = {b["regeling"]: b for b in json.loads(ok.stdout)["besluiten"]}["heiloo_kindpakket"]
    # one child under 12: 1 × € 75 = € 75
    assert (besluit["uitkomst"], besluit["pakket"], besluit["bedrag"]) == (
        "toegekend", "plus", {"per_jaar": 75.0})
    # five children, four under 12: min(4 × € 75, € 300) = € 300; three under 12: € 225
    for geboren, verwacht in ((["2020-01-01"] * 4 + ["2010-01-01"], 300.0),
                              (["2020-01-01"] * 3 + ["2010-01-01"] * 2, 225.0)):
        gezin = {**case, "kinderen": [{"geboortedatum": d} for d in geboren]}
        uit = _sora(root, "evaluate", "-", "--format", "json", stdin=json.dumps(gezin))
        per_id = {b["regeling"]: b for b in json.loads(uit.stdout)["besluiten"]}
        assert per_id["heiloo_kindpakket"]["bedrag"] == {"per_jaar": verwacht}
    assert [g["regel"] for g in besluit["gronden"]] == [
        "kindpakket.woonplaats", "kindpakket.kinderen", "kindpakket.inkomen",
        "heiloo_kindpakket.inkomensgrens"]
    gronden = {g["regel"]: g for g in besluit["gronden"]}
    assert gronden["kindpakket.woonplaats"]["tekst"] == "U woont in Heiloo."
    assert gronden["kindpakket.kinderen"]["bron"] == {  # inherited from the grondslag
        "regeling": "Proefregeling kindpakket Heiloo", "artikel": "1"}
    assert gronden["kindpakket.inkomen"]["bestand"] == "gemeenten/heiloo.yaml"
    # € 1.700 > 115% × € 1.401,50 = € 1.611,73: its own income test refuses.
    case["inkomsten"][0]["netto_per_maand"] = 1700
    nee = _sora(root, "evaluate", "-", "--format", "json", stdin=json.dumps(case))
    besluit = {b["regeling"]: b for b in json.loads(nee.stdout)["besluiten"]}["heiloo_kindpakket"]
    assert [g["regel"] for g in besluit["gronden"] if not g["voldaan"]] == ["kindpakket.inkomen"]

    lijst = _sora(root, "regelingen", "--gemeente", "heiloo", "--peildatum", "2026-03-01",
                  "--format", "json")
    assert "heiloo_kindpakket" in {r["id"] for r in json.loads(lijst.stdout)["regelingen"]}
    verschil = _sora(root, "diff", "alkmaar", "heiloo", "--peildatum", "2026-03-01",
                     "--format", "json")
    per_id = {r["id"]: r for r in json.loads(verschil.stdout)["regelingen"]}
    assert per_id["heiloo_kindpakket"]["uitkomst"] == "alleen_in_b"
    bronnen = _sora(root, "bronnen", "--gemeente", "heiloo", "--peildatum", "2026-03-01")
    assert bronnen.returncode == 0, bronnen.stderr
    assert "heiloo.kindpakket_pct" in bronnen.stdout


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine(ROOT)


# (gemeente, income, partner, outcome, limit) from specs/features/gemeente_*.feature.
BUCH = [
    ("bergen", None, False, "toegekend", "€ 1.681,80"),
    ("castricum", Decimal("1681.81"), False, "afgewezen", "€ 1.681,80"),
    ("heiloo", Decimal("1681.80"), False, "toegekend", "€ 1.681,80"),
    ("uitgeest", Decimal("2402.56"), True, "toegekend", "€ 2.402,56"),
    ("uitgeest", Decimal("2402.57"), True, "afgewezen", "€ 2.402,56"),
]


@pytest.mark.parametrize(("slug", "inkomen", "partner", "uitkomst", "grens"), BUCH)
def test_buch_maatschappelijke_participatie_decides_as_before(
        engine: Engine, slug: str, inkomen: Decimal | None, partner: bool, uitkomst: str,
        grens: str) -> None:
    case = _case(gemeente=slug)
    case["aanvrager"]["woonplaats"] = slug
    case["inkomsten"] = [] if inkomen is None else [
        {"persoon": "aanvrager", "soort": "arbeid", "netto_per_maand": float(inkomen)}]
    if partner:
        case["partner"] = {"geboortedatum": "1991-01-01", "verblijfsstatus": "nederlander"}
    besluit = {b["regeling"]: b for b in engine.evaluate(case).to_dict()["besluiten"]}[
        "maatschappelijke_participatie"]
    assert besluit["uitkomst"] == uitkomst
    assert besluit["pakket"] == "plus"
    gronden = {g["regel"]: g for g in besluit["gronden"]}
    assert list(gronden)[:3] == ["mp.woonplaats", "mp.leeftijd", "mp.inkomen"]
    assert gronden["mp.inkomen"]["bestand"] == f"gemeenten/{slug}.yaml"
    assert gronden["mp.inkomen"]["voldaan"] is (uitkomst == "toegekend")
    naam = engine.regelset.gemeenten[slug].naam
    assert gronden["mp.woonplaats"]["tekst"] == f"U woont in {naam}."
    assert f"{grens} per maand" in gronden["maatschappelijke_participatie.inkomensgrens"]["tekst"]


def _fouten(tmp_path: Path, door: str) -> list[str]:
    root = _kopie(tmp_path, "heiloo", "  - sjabloon: maatschappelijke_participatie\n", door)
    with pytest.raises(RegelsetFout) as exc:
        load_regelset(root)
    return [str(m) for m in exc.value.meldingen]


def test_unknown_template(tmp_path: Path) -> None:
    fouten = _fouten(tmp_path, "  - sjabloon: maatschappelijke_participatei\n")
    assert fouten == ["gemeenten/heiloo.yaml:17:15: onbekend sjabloon "
                      "'maatschappelijke_participatei'; bedoelt u 'maatschappelijke_participatie'?"]


def test_unknown_and_missing_parameter(tmp_path: Path) -> None:
    fouten = _fouten(tmp_path, "  - sjabloon: minimaregeling\n    regel_prefx: mp\n")
    assert "gemeenten/heiloo.yaml:18:5: sjabloon 'minimaregeling' kent geen parameter " \
        "'regel_prefx'; bedoelt u 'regel_prefix'?" in fouten
    for p in ("geldig_vanaf", "id", "naam", "regel_prefix"):
        assert f"gemeenten/heiloo.yaml:17:5: sjabloon 'minimaregeling': verplichte " \
            f"parameter '{p}' ontbreekt" in fouten


def test_parameter_of_wrong_kind(tmp_path: Path) -> None:
    fouten = _fouten(tmp_path, "  - sjabloon: maatschappelijke_participatie\n"
                     "    minimumleeftijd: achttien\n")
    assert fouten == ["gemeenten/heiloo.yaml:18:22: sjabloon 'maatschappelijke_participatie': "
                      "parameter 'minimumleeftijd' moet een getal zijn"]


def test_expanded_regeling_is_checked_where_written(tmp_path: Path) -> None:
    fouten = _fouten(tmp_path, "  - sjabloon: maatschappelijke_participatie\n"
                     "    vakantietoeslag: soms\n")
    assert fouten == ["gemeenten/heiloo.yaml:18:22: 'soms' is geen geldige waarde; kies uit: "
                      "inclusief, exclusief"]


def test_undeclared_template_parameter(tmp_path: Path) -> None:
    root = tmp_path / "regels"
    shutil.copytree(ROOT / "rules", root / "rules")
    shutil.copytree(ROOT / "gemeenten", root / "gemeenten")
    sjablonen = root / "rules" / "minima" / "sjablonen.yaml"
    text = sjablonen.read_text(encoding="utf-8")
    oud = 'woonplaats_voldaan: {soort: tekst, standaard: "U woont in ${gemeente_naam}."}'
    assert oud in text
    sjablonen.write_text(text.replace(oud, oud.replace("gemeente_naam", "gemeentenaam")),
                         encoding="utf-8")
    with pytest.raises(RegelsetFout) as exc:
        load_regelset(root)
    assert any(str(m).startswith("rules/minima/sjablonen.yaml:") and
               "parameter 'gemeentenaam' is niet gedeclareerd onder 'parameters'; "
               "bedoelt u 'gemeente_naam'?" in str(m) for m in exc.value.meldingen)

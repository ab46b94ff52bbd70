"""Policy is data (issue #3, item 7): a new municipal scheme with its own condition,
written only in YAML in a copy of gemeenten/heiloo.yaml, shows up in `evaluate`,
`regelingen` and `diff` — with no Python change."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

NIEUWE_REGELING = """
  - id: heiloo_sportbijdrage
    naam: Sportbijdrage Heiloo
    pakket: plus
    geldig_vanaf: 2026-01-01
    grondslag: {regeling: "Proefregeling sportbijdrage Heiloo", artikel: "1"}
    inkomenstoets:
      percentage: minima.inkomensgrens_pct
      norm: met_kostendelersnorm
      vakantietoeslag: inclusief
      bron: {regeling: "Proefregeling sportbijdrage Heiloo", artikel: "2"}
      status: aanname
    voorwaarden:
      - regel: sport.leeftijd
        als: {feit: aanvrager.leeftijd, minstens: 55}
        bron: {regeling: "Proefregeling sportbijdrage Heiloo", artikel: "3"}
        tekst:
          voldaan: "U bent 55 jaar of ouder."
          niet_voldaan: "De sportbijdrage is voor wie 55 jaar of ouder is."
      - regel: sport.inkomen
        als: {feit: inkomen.meetellend, hoogstens: {feit: inkomensgrens}}
        bron: {regeling: "Proefregeling sportbijdrage Heiloo", artikel: "2"}
        tekst:
          voldaan: "Uw inkomen is niet hoger dan {inkomensgrens}."
          niet_voldaan: "Uw inkomen is hoger dan {inkomensgrens}."
    bedrag:
      per_jaar: {parameter: heiloo.sportbijdrage}
"""

NIEUWE_PARAMETER = """
parameters:
  heiloo.sportbijdrage:
    beschrijving: Sportbijdrage per jaar
    eenheid: euro
    grondslag: {regeling: "Proefregeling sportbijdrage Heiloo", artikel: "4"}
    waarden:
      2026-01-01: {waarde: 150, status: aanname, bron: "proef"}
"""


def _sora(root: Path | None, *args: str, stdin: str | None = None
          ) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "engine" / "src")}
    regels = ["--regels", str(root)] if root else []
    return subprocess.run([sys.executable, "-m", "sora_rules", *args, *regels],
                          input=stdin, capture_output=True, text=True, env=env, check=False)


def _besluit(stdout: str) -> dict[str, object]:
    return {b["regeling"]: b for b in json.loads(stdout)["besluiten"]}["heiloo_sportbijdrage"]


def _case(geboren: str) -> str:
    return json.dumps({
        "gemeente": "heiloo", "peildatum": "2026-03-01",
        "aanvrager": {"geboortedatum": geboren, "woonplaats": "heiloo",
                      "verblijfsstatus": "nederlander"},
        "inkomsten": [{"persoon": "aanvrager", "soort": "pensioen", "netto_per_maand": 1500}],
        "vermogen": {"bezittingen": 0},
    })


def test_new_scheme_in_yaml_only(tmp_path: Path) -> None:
    root = tmp_path / "regels"
    shutil.copytree(ROOT / "rules", root / "rules")
    shutil.copytree(ROOT / "gemeenten", root / "gemeenten")
    heiloo = root / "gemeenten" / "heiloo.yaml"
    text = heiloo.read_text(encoding="utf-8")
    assert "\nregelingen:\n" in text
    text = text.replace("\nregelingen:\n", NIEUWE_PARAMETER + "\nregelingen:\n" + NIEUWE_REGELING)
    heiloo.write_text(text, encoding="utf-8")

    assert _sora(None, "validate", str(root)).returncode == 0

    # 60 years old, € 1.500 ≤ 120% × € 1.401,50 = € 1.681,80 → toegekend, € 150 per jaar.
    ok = _sora(root, "evaluate", "-", "--format", "json", stdin=_case("1966-01-01"))
    assert ok.returncode == 0, ok.stderr
    besluit = _besluit(ok.stdout)
    assert (besluit["uitkomst"], besluit["pakket"]) == ("toegekend", "plus")
    assert besluit["bedrag"] == {"per_jaar": 150.0}
    assert {g["bestand"] for g in besluit["gronden"]} == {"gemeenten/heiloo.yaml"}
    # 40 years old: its own condition fails.
    nee = _sora(root, "evaluate", "-", "--format", "json", stdin=_case("1986-01-01"))
    besluit = _besluit(nee.stdout)
    assert besluit["uitkomst"] == "afgewezen"
    assert [g["regel"] for g in besluit["gronden"] if not g["voldaan"]] == ["sport.leeftijd"]

    regelingen = _sora(root, "regelingen", "--gemeente", "heiloo", "--peildatum", "2026-03-01",
                       "--format", "json")
    assert regelingen.returncode == 0, regelingen.stderr
    assert "heiloo_sportbijdrage" in {r["id"] for r in json.loads(regelingen.stdout)["regelingen"]}

    verschil = _sora(root, "diff", "alkmaar", "heiloo", "--peildatum", "2026-03-01",
                     "--format", "json")
    assert verschil.returncode == 0, verschil.stderr
    per_id = {r["id"]: r for r in json.loads(verschil.stdout)["regelingen"]}
    assert per_id["heiloo_sportbijdrage"]["uitkomst"] == "alleen_in_b"

"""End-to-end tests of the `sora-rules` command line (DESIGN §3, §5).

The CLI runs as a real subprocess (`python -m sora_rules`), so exit codes, stdout and
stderr are what a consulent or a script sees. Subprocess calls cost ~0.3 s each, so
the checks are grouped: one run answers several questions where that stays readable.

Expected amounts are computed by hand from the Normenbrief figures in
rules/participatiewet/normen.yaml:

- 2026-01-01, alleenstaande 21+ sharing with one kostendeler (A = 2):
  (40% + 2 × 30%) / 2 × € 2.002,13 = € 1.001,065 → € 1.001,07;
- 2024-07-01 (peildatum 2024-09-01), same household:
  (40% + 2 × 30%) / 2 × € 1.869,21 = € 934,605 → € 934,61.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from decision_schema import assert_valid_decision

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "engine" / "src"
VOORBEELDEN = ROOT / "voorbeelden"
VOORBEELD = VOORBEELDEN / "alleenstaande-met-kostendeler.yaml"

# `<file>:<line>:<col>: <message>`; the file part may itself contain ':' on odd systems,
# so the line and column are taken from the right.
MELDING = re.compile(r"^(?P<file>.+):(?P<line>\d+):(?P<col>\d+): (?P<msg>.+)$")
# Words of the validator's Dutch vocabulary; an English message contains none of them.
NEDERLANDS = ("onbekend", "sleutel", "dubbel", "geen geldige", "ongeldig", "ontbreekt", "moet")


# --------------------------------------------------------------------------- helpers


def sora(*args: str | Path, stdin: str | None = None,
         cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run `python -m sora_rules ARGS` with the checkout's engine on PYTHONPATH."""
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    return subprocess.run(
        [sys.executable, "-m", "sora_rules", *(str(a) for a in args)],
        input=stdin if stdin is not None else "",
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        cwd=cwd or ROOT,
        timeout=120,
    )




def decision(result: subprocess.CompletedProcess[str]) -> dict[str, Any]:
    """The JSON decision document of a successful run, validated against the schema."""
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    doc = json.loads(result.stdout)
    assert_valid_decision(doc)
    return doc


def besluit(doc: dict[str, Any], regeling: str = "algemene_bijstand") -> dict[str, Any]:
    found = [b for b in doc["besluiten"] if b["regeling"] == regeling]
    assert len(found) == 1, [b["regeling"] for b in doc["besluiten"]]
    return found[0]


def assert_invoerfout(result: subprocess.CompletedProcess[str], *fragments: str) -> None:
    """Exit 2, nothing on stdout, a message on stderr containing every fragment."""
    assert result.returncode == 2, (result.returncode, result.stdout, result.stderr)
    assert result.stdout == "", "stdout must stay empty on exit 2"
    assert result.stderr.strip(), "a Dutch message on stderr is required"
    assert "Traceback" not in result.stderr, result.stderr
    for fragment in fragments:
        assert fragment in result.stderr, (fragment, result.stderr)


def line_of(text: str, needle: str, occurrence: int = 1) -> int:
    """1-based line number of the `occurrence`-th line containing `needle`."""
    hits = [i for i, line in enumerate(text.splitlines(), start=1) if needle in line]
    assert len(hits) >= occurrence, (needle, hits)
    return hits[occurrence - 1]


def validator_meldingen(output: str, root: Path) -> list[tuple[Path, int, int, str]]:
    """Parse `file:line:col: message` lines; the file is resolved against `root`
    when it is relative (the validator names files relative to the PAD it checks)."""
    meldingen = []
    for line in output.splitlines():
        m = MELDING.match(line)
        if m is None:
            continue
        file = Path(m["file"])
        if not file.is_absolute():
            file = root / file
        meldingen.append((file.resolve(), int(m["line"]), int(m["col"]), m["msg"]))
    return meldingen


# ------------------------------------------------------------------- shared runs


@pytest.fixture(scope="module")
def voorbeeld_json() -> subprocess.CompletedProcess[str]:
    return sora("evaluate", VOORBEELD, "--format", "json")


@pytest.fixture(scope="module")
def voorbeeld_doc(voorbeeld_json: subprocess.CompletedProcess[str]) -> dict[str, Any]:
    return decision(voorbeeld_json)


# --------------------------------------------------------------------------- evaluate


def test_voorbeeld_kostendeler_json(voorbeeld_doc: dict[str, Any]) -> None:
    assert voorbeeld_doc["gemeente"] == "alkmaar"
    assert voorbeeld_doc["peildatum"] == "2026-03-01"
    assert voorbeeld_doc["regelset"]["pluspakket"] == "alkmaar"
    ab = besluit(voorbeeld_doc)
    assert ab["uitkomst"] == "toegekend"
    # (0.40 + 2 × 0.30) / 2 × 2002.13 = 1001.065 → 1001.07
    assert ab["bedrag"]["per_maand"] == 1001.07
    assert ab["bedrag"]["norm"] == 1001.07
    # 4.8% of the norm (art. 19 lid 3): 48.05136 → 48.05
    assert ab["bedrag"]["waarvan_vakantietoeslag"] == 48.05
    kostendelers = [g for g in ab["gronden"] if g["bron"]["artikel"] == "22a"]
    assert kostendelers, "a ground citing art. 22a (kostendelersnorm) is required"
    assert all(g["voldaan"] for g in kostendelers)
    assert "zes weken" in voorbeeld_doc["rechtsmiddelen"]


@pytest.mark.parametrize("pad", sorted(p for p in VOORBEELDEN.iterdir() if p.is_file()),
                         ids=lambda p: p.name)
def test_elk_voorbeeld_geeft_geldig_besluit(pad: Path) -> None:
    doc = decision(sora("evaluate", pad, "--format", "json"))
    assert doc["besluiten"], "at least one besluit"
    for b in doc["besluiten"]:
        assert b["uitkomst"] in ("toegekend", "afgewezen", "onvoldoende_gegevens", "doorverwezen")


def test_tekstformaat_is_nederlandse_beschikking() -> None:
    result = sora("evaluate", VOORBEELD, "--format", "text")
    assert result.returncode == 0, result.stderr
    tekst = result.stdout
    assert "toegekend" in tekst
    assert "€ 1.001,07" in tekst
    assert re.search(r"art\. 22a\b", tekst), tekst
    assert "zes weken" in tekst
    assert "bezwaar" in tekst
    assert "Algemene bijstand" in tekst
    # Not JSON: a readable summary.
    with pytest.raises(json.JSONDecodeError):
        json.loads(tekst)


def test_standaardformaat_zonder_terminal_is_json_en_deterministisch(
        voorbeeld_json: subprocess.CompletedProcess[str]) -> None:
    # stdout is a pipe here, not a terminal: the default must be JSON.
    result = sora("evaluate", VOORBEELD)
    doc = decision(result)
    assert besluit(doc)["bedrag"]["per_maand"] == 1001.07
    # Same input + same rules → byte-identical output (no clock, no random order).
    assert result.stdout == voorbeeld_json.stdout


def test_determinisme_twee_runs_byte_identiek(
        voorbeeld_json: subprocess.CompletedProcess[str]) -> None:
    again = sora("evaluate", VOORBEELD, "--format", "json")
    assert again.returncode == 0
    assert again.stdout.encode() == voorbeeld_json.stdout.encode()


def test_casus_van_standaardinvoer_json(voorbeeld_doc: dict[str, Any]) -> None:
    case = {
        "gemeente": "alkmaar",
        "peildatum": "2026-03-01",
        "aanvrager": {"geboortedatum": "1990-05-01", "woonplaats": "alkmaar",
                      "verblijfsstatus": "nederlander", "in_detentie": False,
                      "recht_op_studiefinanciering": False, "dagen_in_buitenland": 0},
        "medebewoners": [{"geboortedatum": "1976-01-01",
                          "student_met_studiefinanciering": False,
                          "commerciele_relatie": False}],
        "inkomsten": [],
        "vermogen": {"bezittingen": 2500.00, "schulden": 0},
    }
    doc = decision(sora("evaluate", "-", "--format", "json", stdin=json.dumps(case)))
    # The same household as the example file: the same decision.
    assert doc == voorbeeld_doc


def test_casus_van_standaardinvoer_yaml(
        voorbeeld_json: subprocess.CompletedProcess[str]) -> None:
    result = sora("evaluate", "-", "--format", "json",
                  stdin=VOORBEELD.read_text(encoding="utf-8"))
    decision(result)
    assert result.stdout == voorbeeld_json.stdout


def test_peildatum_en_regeling_van_opdrachtregel() -> None:
    # The case says 2026-03-01; --peildatum overrides it. On 2024-09-01 the 1-7-2024
    # gehuwdennorm applies: (0.4 + 0.6) / 2 × 1869.21 = 934.605 → 934.61.
    doc = decision(sora("evaluate", VOORBEELD, "--peildatum", "2024-09-01",
                        "--regeling", "algemene_bijstand", "--format", "json"))
    assert doc["peildatum"] == "2024-09-01"
    assert [b["regeling"] for b in doc["besluiten"]] == ["algemene_bijstand"]
    ab = besluit(doc)
    assert ab["uitkomst"] == "toegekend"
    assert ab["bedrag"]["per_maand"] == 934.61
    assert ab["bedrag"]["norm"] == 934.61


def test_gemeente_van_opdrachtregel_gaat_voor_casus() -> None:
    # The case says alkmaar (and lives there); --gemeente heiloo overrides the gemeente,
    # so the woonplaats condition (art. 40 Pw) now fails.
    doc = decision(sora("evaluate", VOORBEELD, "--gemeente", "heiloo", "--format", "json"))
    assert doc["gemeente"] == "heiloo"
    assert doc["regelset"]["pluspakket"] == "heiloo"
    ab = besluit(doc)
    assert ab["uitkomst"] == "afgewezen"
    woonplaats = [g for g in ab["gronden"] if g["bron"]["artikel"].startswith("40")]
    assert woonplaats and not woonplaats[0]["voldaan"]
    assert "Heiloo" in doc["rechtsmiddelen"]


def test_onbekende_regeling() -> None:
    result = sora("evaluate", VOORBEELD, "--regeling", "bestaat_niet")
    assert_invoerfout(result, "regeling", "bestaat_niet", "onbekende")


def test_peildatum_na_bekende_normen_zonder_strikt_geeft_waarschuwing() -> None:
    doc = decision(sora("evaluate", VOORBEELD, "--peildatum", "2026-08-01",
                        "--format", "json"))
    ab = besluit(doc)
    assert ab["uitkomst"] == "toegekend"
    assert any("2026-06-30" in w for w in ab["waarschuwingen"]), ab["waarschuwingen"]


# ------------------------------------------------------------------ unusable input


ONGELDIGE_DATUM = "aanvrager:\n  geboortedatum: 1990-02-30\n"
ONBEKEND_VELD = "aanvrager:\n  geboortedatum_typo: 1990-05-01\n"
ONGELDIGE_YAML = "gemeente: alkmaar\naanvrager: [\n  geboortedatum: : 1990\n"


@pytest.mark.parametrize(
    ("inhoud", "extra", "fragmenten"),
    [
        pytest.param(ONGELDIGE_DATUM, ["--gemeente", "alkmaar"],
                     ["aanvrager.geboortedatum", "geen geldige datum", "1990-02-30"],
                     id="ongeldige-datum"),
        pytest.param(ONBEKEND_VELD, ["--gemeente", "alkmaar"],
                     ["aanvrager.geboortedatum_typo", "onbekend"], id="onbekend-veld"),
        pytest.param(None, ["--gemeente", "amsterdam"], ["gemeente", "amsterdam", "onbekende"],
                     id="onbekende-gemeente"),
        pytest.param(ONGELDIGE_YAML, [], ["casus.yaml", "ongeldige YAML"], id="ongeldige-yaml"),
        pytest.param(None, ["--peildatum", "2023-06-01"], ["peildatum", "2023-06-01"],
                     id="peildatum-voor-regels"),
        pytest.param(None, ["--peildatum", "2026-08-01", "--strikt"],
                     ["peildatum", "2026-06-30"], id="peildatum-na-normen-strikt"),
        pytest.param(None, ["--peildatum", "2026-13-01"],
                     ["peildatum", "2026-13-01", "geen geldige datum"],
                     id="peildatum-ongeldig"),
        # §3: --peildatum is JJJJ-MM-DD. Python's date.fromisoformat also takes the ISO
        # week form; 2026-W10-1 must not silently become 2026-03-02.
        pytest.param(None, ["--peildatum", "2026-W10-1"], ["peildatum", "2026-W10-1"],
                     id="peildatum-iso-week"),
        pytest.param(None, ["--peildatum", "20260301"], ["peildatum", "20260301"],
                     id="peildatum-zonder-streepjes"),
    ],
)
def test_onbruikbare_invoer_exit_2(tmp_path: Path, inhoud: str | None, extra: list[str],
                                   fragmenten: list[str]) -> None:
    if inhoud is None:
        casus = VOORBEELD
    else:
        casus = tmp_path / "casus.yaml"
        casus.write_text(inhoud, encoding="utf-8")
    assert_invoerfout(sora("evaluate", casus, "--format", "json", *extra), *fragmenten)


def test_onleesbaar_bestand_exit_2(tmp_path: Path) -> None:
    ontbreekt = tmp_path / "bestaat-niet.yaml"
    assert_invoerfout(sora("evaluate", ontbreekt), "bestaat-niet.yaml", "niet gevonden")
    # A directory is not a readable case file either.
    assert_invoerfout(sora("evaluate", tmp_path), str(tmp_path))


def test_onbruikbare_invoer_van_standaardinvoer_schrijft_niets_naar_stdout() -> None:
    # The JSON route on stdin: the same Dutch message with the field path.
    case = {"gemeente": "alkmaar", "aanvrager": {"geboortedatum": "1990-02-30"}}
    result = sora("evaluate", "-", "--format", "json", stdin=json.dumps(case))
    assert_invoerfout(result, "aanvrager.geboortedatum", "geen geldige datum")


# --------------------------------------------------------------------------- validate


def test_validate_meegeleverde_regels() -> None:
    result = sora("validate")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Traceback" not in result.stderr


@pytest.fixture
def regels_kopie(tmp_path: Path) -> Path:
    root = tmp_path / "regels"
    for folder in ("rules", "gemeenten"):
        shutil.copytree(ROOT / folder, root / folder)
    return root


def _fout_in_kopie(root: Path, bestand: Path, verwachte_regel: int) -> str:
    """Run validate on `root`; assert exit 1 and a `file:line:col:` line for the mistake."""
    result = sora("validate", root)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    meldingen = validator_meldingen(result.stdout + result.stderr, root)
    assert meldingen, f"no file:line:col lines in:\n{result.stdout}{result.stderr}"
    raak = [(r, k, m) for f, r, k, m in meldingen
            if f == bestand.resolve() and r == verwachte_regel]
    assert raak, (f"expected {bestand}:{verwachte_regel}:…, got:\n"
                  + "\n".join(f"{f}:{r}:{k}: {m}" for f, r, k, m in meldingen))
    regel, kolom, bericht = raak[0]
    lijn = bestand.read_text(encoding="utf-8").splitlines()[regel - 1]
    assert 1 <= kolom <= len(lijn) + 1, (kolom, lijn)
    assert any(w in bericht for w in NEDERLANDS), bericht
    return bericht


def test_validate_typfout_in_voorwaarde(regels_kopie: Path) -> None:
    bestand = regels_kopie / "rules" / "participatiewet" / "algemene_bijstand.yaml"
    tekst = bestand.read_text(encoding="utf-8")
    assert "      bron:" in tekst
    tekst = tekst.replace("      bron:", "      brom:", 1)  # the first voorwaarde
    bestand.write_text(tekst, encoding="utf-8")
    bericht = _fout_in_kopie(regels_kopie, bestand, line_of(tekst, "brom:"))
    assert "brom" in bericht


def test_validate_dubbele_sleutel_in_overlay(regels_kopie: Path) -> None:
    bestand = regels_kopie / "gemeenten" / "heiloo.yaml"
    tekst = bestand.read_text(encoding="utf-8")
    naam_regel = next(line for line in tekst.splitlines() if line.startswith("  naam:"))
    # Repeat the `naam:` key inside the `gemeente:` mapping, right after the original.
    tekst = tekst.replace(naam_regel + "\n", f"{naam_regel}\n  naam: Heiloo bis\n", 1)
    bestand.write_text(tekst, encoding="utf-8")
    bericht = _fout_in_kopie(regels_kopie, bestand, line_of(tekst, "  naam: Heiloo bis"))
    assert "naam" in bericht


def test_validate_ongeldige_datumsleutel(regels_kopie: Path) -> None:
    bestand = regels_kopie / "rules" / "participatiewet" / "normen.yaml"
    tekst = bestand.read_text(encoding="utf-8")
    origineel = "2026-01-01: {waarde: 2002.13"
    assert tekst.count(origineel) == 1
    tekst = tekst.replace(origineel, "2026-02-30: {waarde: 2002.13")
    bestand.write_text(tekst, encoding="utf-8")
    bericht = _fout_in_kopie(regels_kopie, bestand, line_of(tekst, "2026-02-30:"))
    assert "2026-02-30" in bericht


# ------------------------------------------------------------------------------- help


def test_help_van_evaluate_toont_voorbeeld() -> None:
    result = sora("evaluate", "--help")
    assert result.returncode == 0, result.stderr
    assert "Voorbeeld" in result.stdout
    assert "sora-rules evaluate" in result.stdout
    for optie in ("--gemeente", "--peildatum", "--regeling", "--format", "--strikt"):
        assert optie in result.stdout

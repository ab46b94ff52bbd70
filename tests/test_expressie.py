"""The formula vocabulary (expressie.py) and declared quantities (normberekening.yaml).

Each operation is computed by hand here; the last tests change a formula in a copy of the
rules, without Python, and check that the amounts follow.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
import yaml
from regelkopie import kopieer_regels

from sora_rules.expressie import (
    ExpressieFout,
    Ontbreekt,
    Personen,
    Waarde,
    parse_conditie,
    parse_expressie,
)

ROOT = Path(__file__).resolve().parents[1]


@dataclass
class Env:
    """A minimal `Omgeving`: facts per person, parameters, quantities as plain values."""

    waarden: dict[tuple[str, str], Waarde] = field(default_factory=dict)
    persoon: str | None = None

    @property
    def peildatum(self) -> date:
        return date(2026, 3, 1)

    def lees(self, soort: str, naam: str) -> Waarde:
        if soort == "persoon":
            soort, naam = "feit", f"{self.persoon}.{naam}"
        if (soort, naam) not in self.waarden:
            raise Ontbreekt([naam])
        return self.waarden[(soort, naam)]

    def personen(self, spec: Personen) -> list[str]:
        return [n for n in spec.namen if ("feit", f"{n}.leeftijd") in self.waarden]

    def met_persoon(self, wie: str) -> Env:
        return Env(self.waarden, wie)

    def werkdagen_na(self, start: date, aantal: int) -> date:
        d = start
        while aantal:
            d += timedelta(days=1)
            aantal -= d.weekday() < 5
        return d


def reken(formule: str, **waarden: Waarde) -> Waarde:
    env = Env({tuple(k.split("__", 1)): v for k, v in waarden.items()})  # type: ignore[misc]
    return parse_expressie(yaml.safe_load(formule)).bereken(env)


@pytest.mark.parametrize(("formule", "verwacht"), [
    ("{som: [1, 2.5, 3]}", Decimal("6.5")),
    ("{verschil: [10, 2.5]}", Decimal("7.5")),
    ("{product: [2, 3, 0.5]}", Decimal("3")),
    ("{deling: [10, 4]}", Decimal("2.5")),
    ("{percentage: [120, 1401.50]}", Decimal("1681.8")),
    ("{min: [300, 225]}", Decimal("225")),
    ("{max: [0, -5]}", Decimal("0")),
    # (40 + 3 × 30) / (3 × 100) × 2.002,13 = 867,5896… → 867,59 (half-up to cents)
    ("{afronden: {deling: [{product: [130, 2002.13]}, 300]}}", Decimal("867.59")),
    ("{afronden: 1001.065}", Decimal("1001.07")),
    ("{afronden: 12.5, op: 1}", Decimal("13")),
    ("{keuze: {als: {parameter: p, minstens: 18}, dan: 1, anders: 2}}", Decimal("1")),
    ("{tabel: {waarde: 13, banden: [{tot: 12, uitkomst: 75}, {van: 12, tot: 18, uitkomst: 50}]}}",
     Decimal("50")),
    ("{tabel: {waarde: 20, banden: [{tot: 12, uitkomst: 75}]}}", Decimal("0")),
])
def test_bewerkingen(formule: str, verwacht: Decimal) -> None:
    assert reken(formule, parameter__p=Decimal(20)) == verwacht


def test_personen_tellen_en_optellen() -> None:
    # Aanvrager 19 en partner 30: één persoon van 21+; som van 100 per persoon van 21+.
    waarden = {"feit__aanvrager.leeftijd": Decimal(19), "feit__partner.leeftijd": Decimal(30)}
    aantal = "{aantal: {personen: [aanvrager, partner], als: {persoon: leeftijd, minstens: 21}}}"
    assert reken(aantal, **waarden) == 1
    som = ("{som_over: {personen: [aanvrager, partner], waarde: {keuze: {als: {persoon: leeftijd,"
           " minstens: 21}, dan: 1001.07, anders: 345.99}}}}")
    assert reken(som, **waarden) == Decimal("1347.06")


def test_datums() -> None:
    assert reken("{leeftijd: {geboortedatum: {feit: g}}}", feit__g="1990-03-02") == 35
    assert reken("{datum_plus: {datum: {feit: d}, weken: 4}}",
                 feit__d="2026-04-11") == date(2026, 5, 9)
    assert reken("{datum_plus: {datum: {feit: d}, maanden: 1}}",
                 feit__d="2026-01-31") == date(2026, 2, 28)
    # Vrijdag 24 april 2026 + 3 werkdagen (zonder feestdagen in deze Env) = woensdag 29 april.
    assert reken("{werkdagen_na: {datum: {feit: d}, aantal: 3}}",
                 feit__d="2026-04-24") == date(2026, 4, 29)


def test_condities_met_niet_en_een_van() -> None:
    env = Env({("feit", "a"): Decimal(5), ("feit", "s"): "geen"})
    assert parse_conditie({"niet": {"feit": "a", "minder_dan": 3}}).geldt(env)
    assert parse_conditie({"feit": "s", "een_van": ["geen", "eu_burger"]}).geldt(env)
    beide = {"alle": [{"feit": "a", "is": 5}, {"feit": "s", "is": "x"}]}
    assert not parse_conditie(beide).geldt(env)
    with pytest.raises(Ontbreekt) as exc:
        parse_conditie({"feit": "onbekend", "is": True}).geldt(env)
    assert exc.value.paden == ("onbekend",)


@pytest.mark.parametrize(("formule", "pad", "woord"), [
    ({"wortel": 4}, (), "onbekende bewerking 'wortel'"),
    ({"som": [1]}, ("som",), "ten minste 2"),
    ({"keuze": {"als": {"feit": "x", "is": 1}, "dan": 1}}, ("keuze",), "'anders' ontbreekt"),
    ({"som": [1, {"feit": ""}]}, ("som", 1, "feit"), "verwacht een naam"),
    ({"keuze": {"als": {"feit": "x"}, "dan": 1, "anders": 2}}, ("keuze", "als"),
     "één vergelijking"),
])
def test_fouten_noemen_de_plek(formule: object, pad: tuple[object, ...], woord: str) -> None:
    with pytest.raises(ExpressieFout) as exc:
        parse_expressie(formule)
    assert exc.value.pad == pad
    assert woord in exc.value.bericht


# ------------------------------------------------------------------ formulas in YAML


def _sora(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "engine" / "src")}
    return subprocess.run([sys.executable, "-m", "sora_rules", *args],
                          input=stdin, capture_output=True, text=True, env=env, check=False)


def _kopie(tmp_path: Path) -> Path:
    return kopieer_regels(tmp_path / "regels", ("rules", "gemeenten", "specs"))


def _norm(root: Path, kostendelers: int) -> dict[str, float]:
    case = {"gemeente": "alkmaar", "peildatum": "2026-03-01",
            "aanvrager": {"geboortedatum": "1990-05-01", "woonplaats": "alkmaar",
                          "verblijfsstatus": "nederlander"},
            "medebewoners": [{"geboortedatum": "1970-01-01"}] * kostendelers,
            "inkomsten": [], "vermogen": {"bezittingen": 0}}
    uit = _sora("evaluate", "-", "--format", "json", "--regeling", "algemene_bijstand",
                "--regels", str(root), stdin=json.dumps(case))
    assert uit.returncode == 0, uit.stderr
    bedrag: dict[str, float] = json.loads(uit.stdout)["besluiten"][0]["bedrag"]
    return bedrag


def test_kostendelersformule_wijzigen_zonder_python(tmp_path: Path) -> None:
    root = _kopie(tmp_path)
    bestand = root / "rules" / "participatiewet" / "normberekening.yaml"
    tekst = bestand.read_text(encoding="utf-8")
    # 40% + A × 30%  →  50% + A × 25%
    tekst = tekst.replace("- {parameter: pw.kostendelers_basis_pct}", "- 50")
    tekst = tekst.replace("{parameter: pw.kostendelers_per_persoon_pct}", "25")
    bestand.write_text(tekst, encoding="utf-8")
    assert _sora("validate", str(root)).returncode == 0
    # A = 3: (50 + 3 × 25) / 3 % × 2.002,13 = 834,2208… → 834,22 (was 867,59)
    bedrag = _norm(root, 2)
    assert Decimal(str(bedrag["norm"])) == Decimal("834.22")
    # vakantietoeslag 4,8%: 40,04256 → 40,04
    assert Decimal(str(bedrag["waarvan_vakantietoeslag"])) == Decimal("40.04")
    assert Decimal(str(_norm(ROOT, 2)["norm"])) == Decimal("867.59")


def test_onbekende_verwijzing_in_een_formule(tmp_path: Path) -> None:
    root = _kopie(tmp_path)
    bestand = root / "rules" / "participatiewet" / "normberekening.yaml"
    tekst = bestand.read_text(encoding="utf-8").replace(
        "{feit: inkomen.meetellend}", "{feit: inkomen.meetelend}")
    bestand.write_text(tekst, encoding="utf-8")
    uit = _sora("validate", str(root))
    assert uit.returncode == 1
    assert "normberekening.yaml:" in uit.stdout
    assert "onbekend feit 'inkomen.meetelend'" in uit.stdout


def _bijzondere_bijstand(root: Path, **casus: object) -> dict[str, object]:
    case = {"gemeente": "alkmaar", "peildatum": "2026-03-01",
            "aanvrager": {"geboortedatum": "1990-05-01", "woonplaats": "alkmaar",
                          "verblijfsstatus": "nederlander"},
            "inkomsten": [{"persoon": "aanvrager", "soort": "arbeid", "netto_per_maand": 1500}],
            "vermogen": {"bezittingen": 0}, **casus}
    case = {k: v for k, v in case.items() if v is not None}  # None: leave the field out
    uit = _sora("evaluate", "-", "--format", "json", "--regeling", "bijzondere_bijstand",
                "--regels", str(root), stdin=json.dumps(case))
    assert uit.returncode == 0, uit.stderr
    besluit: dict[str, object] = json.loads(uit.stdout)["besluiten"][0]
    return besluit


def test_draagkrachtperiode_wijzigen_zonder_python(tmp_path: Path) -> None:
    """The draagkracht is a formula in YAML: a period of 6 instead of 12 months follows."""
    kosten = [{"omschrijving": "wasmachine", "bedrag": 1000, "datum": "2026-02-01"}]
    # 12 maanden: (1.500,00 − 1.401,50) × 35% × 12 = 413,70; 1.000 − 176 − 413,70 = 410,30
    assert _bijzondere_bijstand(ROOT, kosten=kosten)["bedrag"] == {"eenmalig": 410.3}
    root = _kopie(tmp_path)
    bestand = root / "rules" / "participatiewet" / "bijzondere_bijstand_berekening.yaml"
    tekst = bestand.read_text(encoding="utf-8")
    assert "      2024-01-01: 12\n" in tekst
    bestand.write_text(tekst.replace("      2024-01-01: 12\n", "      2024-01-01: 6\n"),
                       encoding="utf-8")
    # 6 maanden: 98,50 × 35% × 6 = 206,85; 1.000 − 176 − 206,85 = 617,15
    besluit = _bijzondere_bijstand(root, kosten=kosten)
    assert besluit["bedrag"] == {"eenmalig": 617.15}
    draagkracht = next(g for g in besluit["gronden"] if g["regel"] == "bb.draagkracht")
    assert "over 6 maanden = € 206,85" in draagkracht["tekst"]


def test_drempel_en_draagkracht_op_datum_over_de_posten() -> None:
    """Posts are taken by date: the drempel (176,00) and the draagkracht (413,70) are used
    once, by the earliest posts, whatever the order in the case."""
    kosten = [{"omschrijving": "bank", "bedrag": 600, "datum": "2026-02-20"},
              {"omschrijving": "bril", "bedrag": 100, "datum": "2026-01-05"},
              {"omschrijving": "fiets", "bedrag": 300, "datum": "2026-02-01"}]
    besluit = _bijzondere_bijstand(ROOT, kosten=kosten)
    # bril (5-1): 100 binnen de drempel → 0; fiets (1-2): drempel rest 76, 224 uit draagkracht
    # → 0; bank (20-2): draagkracht rest 189,70 → 600 − 189,70 = 410,30
    assert besluit["bedrag"] == {"eenmalig": 410.3}
    regels = [g["regel"] for g in besluit["gronden"] if str(g["regel"]).startswith("bb.kosten")]
    assert regels == ["bb.kosten[1]", "bb.kosten[2]", "bb.kosten[0]"]


def test_alle_ontbrekende_gegevens_tegelijk() -> None:
    """A post without a date and no income: both are asked for at once."""
    besluit = _bijzondere_bijstand(ROOT, kosten=[{"omschrijving": "bril", "bedrag": 300}],
                                   inkomsten=None)
    assert besluit["uitkomst"] == "onvoldoende_gegevens"
    assert besluit["ontbrekende_gegevens"] == ["inkomsten", "kosten[0].datum"]

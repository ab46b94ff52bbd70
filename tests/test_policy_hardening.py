"""Issue #8: what `evaluate` would choke on, `validate` reports first, at `file:line:col`.

Each test makes one mistake in a copy of rules/ and gemeenten/ and runs both commands on
it: `sora-rules validate <kopie>` must exit 1 with the finding at the line of the mistake,
and `sora-rules evaluate <casus> --regels <kopie>` must exit 1 with the same finding and no
traceback. The classes: (1) a `waarde` that does not fit its unit, (2) anything else the
engine reads (fact options, numbers, termijnen, age tables, references), (3) YAML that is
no plain data (alias bombs, tags, bad UTF-8, huge files).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner
from regelkopie import kopieer_regels

from sora_rules.cli import main

ROOT = Path(__file__).resolve().parents[1]
CASUS = ROOT / "voorbeelden" / "alleenstaande-met-kostendeler.yaml"
PLAATS = re.compile(r"(?P<file>[^\s:]+\.yaml):(?P<line>\d+):(?P<col>\d+): (?P<msg>.+)$")


@pytest.fixture(scope="module")
def origineel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return kopieer_regels(tmp_path_factory.mktemp("origineel"))


@pytest.fixture
def kopie(origineel: Path, tmp_path: Path) -> Path:
    root = tmp_path / "regels"
    shutil.copytree(origineel, root)
    return root


def vervang(root: Path, pad: str, oud: str, nieuw: str) -> int:
    """Replace the first `oud` in `pad` by `nieuw`; the 1-based line of the change."""
    bestand = root / pad
    tekst = bestand.read_text(encoding="utf-8")
    assert oud in tekst, f"{oud!r} niet in {pad}"
    bestand.write_text(tekst.replace(oud, nieuw, 1), encoding="utf-8")
    return tekst[:tekst.index(oud)].count("\n") + 1


def meldingen(uitvoer: str) -> list[tuple[str, int, int, str]]:
    return [(m["file"], int(m["line"]), int(m["col"]), m["msg"])
            for m in map(PLAATS.search, uitvoer.splitlines()) if m]


def controleer(root: Path, pad: str, regel: int, fragment: str) -> None:
    """Both commands refuse the copy with the finding at `pad:regel` (any column)."""
    runner = CliRunner()
    valid = runner.invoke(main, ["validate", str(root)], catch_exceptions=False)
    assert valid.exit_code == 1, valid.output
    gevonden = [m for m in meldingen(valid.stdout)
                if m[0].endswith(pad) and m[1] == regel and fragment in m[3]]
    assert gevonden, f"verwacht {pad}:{regel}: …{fragment}…; kreeg:\n{valid.stdout}"
    evalu = runner.invoke(main, ["evaluate", str(CASUS), "--regels", str(root)],
                          catch_exceptions=False)
    assert evalu.exit_code == 1, evalu.output
    assert "Traceback" not in evalu.output
    _, line, col, msg = gevonden[0]
    assert any(m[0].endswith(pad) and (m[1], m[2], m[3]) == (line, col, msg)
               for m in meldingen(evalu.stderr)), evalu.stderr


# ----------------------------------------------------------------- (1) waarde per eenheid


HEILOO_PCT = "{waarde: 120, status: aanname, bron: \"Geen gemeentelijke"


@pytest.mark.parametrize("waarde, fragment", [
    ('"130%"', "'130%' is geen geldig percentage: verwacht een getal, bijvoorbeeld 130"),
    ("12O", "'12O' is geen geldig percentage"),
    ("null", "een lege waarde (null) is geen geldig percentage"),
    ("true", "true is geen geldig percentage"),
    ("[120]", "geen geldig percentage"),  # a list is an age table: only for euro
    ("-5", "-5 is geen geldig percentage: het mag niet negatief zijn"),
    ("1300", "1300 is geen geldig percentage: ten hoogste 1000"),
    ('"1401,50"', "schrijf een getal met een punt"),
    (".nan", "geen getal waarmee gerekend kan worden"),
])
def test_waarde_past_bij_de_eenheid_van_de_open_norm(kopie: Path, waarde: str,
                                                     fragment: str) -> None:
    pad = "gemeenten/heiloo.yaml"
    regel = vervang(kopie, pad, HEILOO_PCT, HEILOO_PCT.replace("120", waarde, 1))
    controleer(kopie, pad, regel, fragment.replace("[120]", "een"))


def test_heiloo_mag_130_procent_kiezen(kopie: Path) -> None:
    vervang(kopie, "gemeenten/heiloo.yaml", HEILOO_PCT, HEILOO_PCT.replace("120", "130", 1))
    result = CliRunner().invoke(main, ["validate", str(kopie)], catch_exceptions=False)
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize("pad, oud, nieuw, fragment", [
    ("rules/participatiewet/grenzen.yaml", "{waarde: 27,", "{waarde: 27.5,",
     "geen geldig aantal jaren: verwacht een geheel getal"),
    ("rules/participatiewet/grenzen.yaml", "{waarde: 804,", "{waarde: 99999,",
     "99999 is geen geldig aantal maanden: ten hoogste 1200"),
    ("rules/participatiewet/grenzen.yaml", "alleenstaande: 8000,", "alleenstaande: 8000.001,",
     "ten hoogste 2 cijfers achter de punt"),
    ("rules/participatiewet/grenzen.yaml", "{alleenstaande: 8000, ", "{",
     "het bedrag voor leefvorm 'alleenstaande' ontbreekt"),
    ("gemeenten/dijk-en-waard.yaml", "{van: 12, tot: 18, bedrag: 180}",
     "{van: twaalf, tot: 18, bedrag: 180}", "'twaalf' is geen geldige leeftijd"),
])
def test_waarde_per_leefvorm_en_leeftijdstabel(kopie: Path, pad: str, oud: str, nieuw: str,
                                               fragment: str) -> None:
    controleer(kopie, pad, vervang(kopie, pad, oud, nieuw), fragment)


# ----------------------------------------------------- (2) wat evaluate verder leest


FEITEN = "rules/algemeen/feiten.yaml"


@pytest.mark.parametrize("pad, oud, nieuw, fragment", [
    (FEITEN, "kinderen: kinderen, tot_leeftijd: 18}", "kinderen: kinderen, tot_leeftijd: null}",
     "verkeerd type"),
    (FEITEN, "kinderen: kinderen, tot_leeftijd: 18}", "kinderen: kinderen, tot_leeftijd: \"\"}",
     "verkeerd type"),
    (FEITEN, "{soort: leeftijd, van: aanvrager.geboortedatum}",
     "{soort: leeftijd, van: aanvrager.woonplaats}", "is in de casus geen een datum"),
    ("rules/participatiewet/algemene_bijstand.yaml", "minder_dan: 27}", "minder_dan: .inf}",
     "geen getal waarmee gerekend kan worden"),
    ("rules/participatiewet/algemene_bijstand.yaml", "minder_dan: 27}",
     "minder_dan: 1.0e+999}", "te groot"),
    ("rules/schuldhulpverlening/schuldhulpverlening.yaml", "werkdagen: 3", "werkdagen: 3000000",
     "260"),
    ("rules/schuldhulpverlening/open_normen.yaml", "{waarde: 4,", "{waarde: 1000000000,",
     "geen geldig aantal weken"),
    ("rules/algemeen/kalender.yaml", "datum: \"05-05\"", "datum: \"02-30\"", "MM-DD"),
])
def test_wat_de_engine_leest_heeft_het_juiste_type(kopie: Path, pad: str, oud: str, nieuw: str,
                                                   fragment: str) -> None:
    controleer(kopie, pad, vervang(kopie, pad, oud, nieuw), fragment)


@pytest.mark.parametrize("oud, nieuw, fragment", [
    ("{feit: aanvrager.leeftijd, minder_dan: 27}", "{feit: aanvrager.leefdtijd, minder_dan: 27}",
     "onbekend feit 'aanvrager.leefdtijd'"),
    ("hoogstens: {parameter: pw.vermogensgrens}", "hoogstens: {parameter: pw.vermogensgrns}",
     "onbekende parameter 'pw.vermogensgrns'"),
])
def test_verwijzing_wijst_naar_de_plek_zelf(kopie: Path, oud: str, nieuw: str,
                                            fragment: str) -> None:
    """Not the regeling's first line: the line and column of the name itself."""
    pad = "rules/participatiewet/algemene_bijstand.yaml"
    regel = vervang(kopie, pad, oud, nieuw)
    controleer(kopie, pad, regel, fragment)
    result = CliRunner().invoke(main, ["validate", str(kopie)], catch_exceptions=False)
    tekst = (kopie / pad).read_text(encoding="utf-8").splitlines()[regel - 1]
    naam = fragment.split("'")[1]
    kolom = tekst.index(naam) + 1
    assert any(m[1:3] == (regel, kolom) for m in meldingen(result.stdout)), result.stdout


def test_signalering_zonder_als_geldt_altijd(kopie: Path) -> None:
    pad = "rules/participatiewet/algemene_bijstand.yaml"
    vervang(kopie, pad, "      als: {feit: aanvrager.leeftijd, minder_dan: 27}\n", "")
    runner = CliRunner()
    assert runner.invoke(main, ["validate", str(kopie)]).exit_code == 0
    result = runner.invoke(main, ["evaluate", str(CASUS), "--regels", str(kopie)],
                           catch_exceptions=False)
    assert result.exit_code == 0, result.output


# ------------------------------------------------------------ (3) YAML is gewone data


BOM = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]\n" for i in range(1, 9))


def _alias_bom(root: Path) -> tuple[str, int]:
    pad = "gemeenten/heiloo.yaml"
    with (root / pad).open("a", encoding="utf-8") as f:
        f.write("\nbom:\n" + "".join("  " + r + "\n" for r in BOM.splitlines()))
    regels = (root / pad).read_text(encoding="utf-8").splitlines()
    return pad, next(i for i, r in enumerate(regels, 1) if "*a0" in r)


def _python_tag(root: Path) -> tuple[str, int]:
    pad = "gemeenten/heiloo.yaml"
    regel = vervang(root, pad, "  naam: Heiloo\n", "  naam: !!python/object:os.system {}\n")
    return pad, regel


def _eigen_tag(root: Path) -> tuple[str, int]:
    pad = "gemeenten/heiloo.yaml"
    return pad, vervang(root, pad, "  naam: Heiloo\n", "  naam: !gemeente Heiloo\n")


def _utf8(root: Path) -> tuple[str, int]:
    pad = "gemeenten/heiloo.yaml"
    bestand = root / pad
    inhoud = bestand.read_bytes().replace(b"  naam: Heiloo\n", b"  naam: Heil\xf6o\n", 1)
    bestand.write_bytes(inhoud)
    return pad, inhoud[:inhoud.index(b"\xf6")].count(b"\n") + 1


def _half_teken(root: Path) -> tuple[str, int]:
    """A `\\ud…` escape is half a character; the rule engine's C code refused the ruleset."""
    pad = "rules/participatiewet/algemene_bijstand.yaml"
    return pad, vervang(root, pad, "is: false}", 'is: "\\uda77\\udfea"}')


def _te_groot(root: Path) -> tuple[str, int]:
    pad = "gemeenten/heiloo.yaml"
    with (root / pad).open("a", encoding="utf-8") as f:
        f.write("# " + "x" * 1_100_000 + "\n")
    return pad, 1


@pytest.mark.parametrize("maak, fragment", [
    (_alias_bom, "herhaalt via verwijzingen"),
    (_python_tag, "aanduiding '!!python/object:os.system' is niet toegestaan"),
    (_eigen_tag, "aanduiding '!gemeente' is niet toegestaan"),
    (_utf8, "ongeldige UTF-8: byte 0xF6"),
    (_te_groot, "bestand is te groot"),
    (_half_teken, "ongeldig teken \\uda77 (een half teken)"),
])
def test_yaml_die_geen_gewone_data_is(kopie: Path,
                                      maak: Callable[[Path], tuple[str, int]],
                                      fragment: str) -> None:
    pad, regel = maak(kopie)
    controleer(kopie, pad, regel, fragment)


def test_utf8_fout_noemt_kolom(kopie: Path) -> None:
    pad, regel = _utf8(kopie)
    result = CliRunner().invoke(main, ["validate", str(kopie)], catch_exceptions=False)
    assert any(m[1:3] == (regel, len("  naam: Heil") + 1) for m in meldingen(result.stdout))


# ------------------------------------------------------- de echte opdrachtregel (done-when)


def test_opdrachtregel_weigert_130_procent_als_tekst(kopie: Path) -> None:
    pad = "gemeenten/heiloo.yaml"
    regel = vervang(kopie, pad, HEILOO_PCT, HEILOO_PCT.replace("120", '"130%"', 1))
    kolom = (kopie / pad).read_text(encoding="utf-8").splitlines()[regel - 1].index('"130%"') + 1
    env = {**os.environ, "PYTHONPATH": str(ROOT / "engine" / "src")}
    for args in (["validate", str(kopie)], ["evaluate", str(CASUS), "--regels", str(kopie)]):
        result = subprocess.run([sys.executable, "-m", "sora_rules", *args], capture_output=True,
                                text=True, encoding="utf-8", env=env, timeout=120, check=False)
        assert result.returncode == 1, result.stdout + result.stderr
        assert "Traceback" not in result.stderr
        verwacht = (f"gemeenten/heiloo.yaml:{regel}:{kolom}: '130%' is geen geldig percentage: "
                    "verwacht een getal, bijvoorbeeld 130")
        assert verwacht in result.stdout + result.stderr, result.stdout + result.stderr


@pytest.mark.parametrize("posten", [2, 10])
def test_ontbrekend_feit_bij_veel_kostenposten_blijft_lineair(
        posten: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """A missing birth date under several kostenposten: what a quantity missed is
    remembered like its value. Before, each formula level and each earlier post
    recomputed it (5 posts took 33 s); now the lookups grow linearly with the posts."""
    import yaml

    from sora_rules import Engine, grootheden

    case = yaml.safe_load((ROOT / "voorbeelden" / "bijzondere-bijstand.yaml").read_text())
    del case["aanvrager"]["geboortedatum"]
    case["kosten"] = [{"omschrijving": f"post {i}", "bedrag": 100 + i,
                       "datum": f"2026-02-{i + 1:02d}"} for i in range(posten)]
    opvragen = [0]
    origineel = grootheden.Berekening.grootheid

    def tel(self: grootheden.Berekening, gid: str) -> object:
        opvragen[0] += 1
        return origineel(self, gid)

    engine = Engine()
    monkeypatch.setattr(grootheden.Berekening, "grootheid", tel)
    besluit = {b.regeling: b.to_dict() for b in engine.evaluate(case).besluiten}
    bb = besluit["bijzondere_bijstand"]
    assert bb["uitkomst"] == "onvoldoende_gegevens"
    assert bb["ontbrekende_gegevens"] == ["aanvrager.geboortedatum"]
    assert opvragen[0] <= 100 * (posten + 1)

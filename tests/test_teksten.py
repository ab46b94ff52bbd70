"""The text catalogue: loading, the code's contract, validation of every text, notation."""

from __future__ import annotations

import ast
import re
import shutil
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner

from sora_rules.cli import main
from sora_rules.policy import RegelsetFout, load_regelset
from sora_rules.resources import data_root
from sora_rules.teksten import (
    CATALOGUS,
    SLEUTELS,
    datum_tekst,
    euro_text,
    laad_teksten,
    standaard_teksten,
    vul,
)

BRON = Path(__file__).resolve().parents[1] / "engine" / "src" / "sora_rules"


def _kopie(tmp_path: Path) -> Path:
    root = tmp_path / "regels"
    for deel in ("rules", "gemeenten"):
        shutil.copytree(data_root() / deel, root / deel)
    return root


def _vervang(pad: Path, oud: str, nieuw: str) -> None:
    tekst = pad.read_text(encoding="utf-8")
    assert oud in tekst, f"{oud!r} niet in {pad}"
    pad.write_text(tekst.replace(oud, nieuw, 1), encoding="utf-8")


def _regel_van(pad: Path, stuk: str) -> int:
    return next(i for i, r in enumerate(pad.read_text(encoding="utf-8").splitlines(), 1)
                if stuk in r)


def test_catalogus_laadt_en_heeft_precies_de_sleutels_van_de_code() -> None:
    t = standaard_teksten()
    assert set(t.teksten) == set(SLEUTELS)
    assert t.tekst("brief.afzender", gemeente="Alkmaar") == "Gemeente Alkmaar"
    with pytest.raises(KeyError):
        t.tekst("brief.bestaat_niet")
    with pytest.raises(ValueError):
        t.tekst("brief.afzender", gemeente="Alkmaar", extra="x")


def _code() -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted(BRON.glob("*.py")))


# Keys the code builds from a value: prefix → the values it can take.
_DYNAMISCH = {"waarde.": ("procent", "jaren", "maanden", "weken", "dagen"),
              "herkomst.": ("gemeente", "standaard"),
              "regelingen.": ("voorwaarden", "signaleringen")}


def test_elke_sleutel_in_de_code_bestaat_en_elke_sleutel_wordt_gebruikt() -> None:
    code = _code()
    gebruikt = set(re.findall(r"\"([a-z_]+\.[a-z_.]+)\"", code)) & set(SLEUTELS)
    gebruikt |= {p + w for p, ws in _DYNAMISCH.items() for w in ws}
    for sleutel in re.findall(r"\.tekst\(\s*\"([a-z_.]+)\"", code):
        assert sleutel in SLEUTELS, sleutel
    assert set(SLEUTELS) - gebruikt == set()


@pytest.mark.parametrize(("n", "verwacht"), [(1, "1 kind"), (2, "2 kinderen"),
                                            (0, "0 kinderen"), (Decimal("2.5"), "2,5 kinderen")])
def test_enkelvoud_en_meervoud(n: object, verwacht: str) -> None:
    assert vul("{aantal|kind|kinderen}", aantal=n) == verwacht


def test_notatie_van_geld_datum_en_woorden() -> None:
    t = standaard_teksten()
    assert euro_text(Decimal("1401.5")) == "€ 1.401,50"
    assert euro_text(Decimal("-23000"), teken=True) == "−€ 23.000,00"
    assert euro_text(Decimal("5"), teken=True) == "+€ 5,00"
    assert datum_tekst(date(2026, 4, 30)) == datum_tekst("2026-04-30") == "30 april 2026"
    assert t.woord("verblijfsstatus", "nederlander") == "Nederlander"
    assert t.woord("verblijfsstatus", "eu_burger") == "EU-burger"
    assert t.woord("verblijfsstatus", "verblijfsvergunning") == "met een verblijfsvergunning"
    assert t.woord("leefvorm", "alleenstaande_ouder") == "alleenstaande ouder"
    assert t.woord("uitkomst", "onvoldoende_gegevens") == (
        "nog niet te beoordelen: er ontbreken gegevens")
    assert (t.ja_nee(True), t.ja_nee(False)) == ("ja", "nee")
    assert t.tekst("cli.fouten", aantal=1, bestanden=2) == "1 fout gevonden in 2 bestanden"


def test_besluit_in_tekst_heeft_nederlandse_datums(voorbeeld_tekst: str) -> None:
    assert re.search(r"^Datum: \d{1,2} [a-z]+ 20\d\d$", voorbeeld_tekst, re.M)


@pytest.fixture(scope="module")
def voorbeeld_tekst() -> str:
    from sora_rules import Engine

    case = {"gemeente": "alkmaar", "peildatum": "2026-03-01",
            "aanvrager": {"geboortedatum": "1990-05-01", "woonplaats": "alkmaar"}}
    return Engine().evaluate(case).to_text(laad_teksten())


def test_onbekende_plaatshouder_in_de_catalogus_is_een_fout_met_plaats(tmp_path: Path) -> None:
    root = _kopie(tmp_path)
    bestand = root / CATALOGUS
    _vervang(bestand, '"Gemeente {gemeente}"', '"Gemeente {gemeent}"')
    regel = _regel_van(bestand, "{gemeent}")
    res = CliRunner().invoke(main, ["validate", str(root)])
    assert res.exit_code == 1
    assert re.search(rf"teksten\.yaml:{regel}:\d+: onbekende plaatshouder '{{gemeent}}'; "
                     r"deze tekst kent: \{gemeente\}", res.output), res.output


def test_onbekende_sleutel_en_losse_accolade(tmp_path: Path) -> None:
    root = _kopie(tmp_path)
    bestand = root / CATALOGUS
    _vervang(bestand, "  brief.aannames_kop:", "  brief.aanname_kop:")
    _vervang(bestand, '"Let op"', '"Let op {:"')
    with pytest.raises(RegelsetFout) as exc:
        load_regelset(root)
    berichten = [m.bericht for m in exc.value.meldingen]
    assert "onbekende tekstsleutel 'brief.aanname_kop'; bedoelt u 'brief.aannames_kop'?" in (
        berichten)
    assert any(b.startswith("tekstsleutel ontbreekt: 'brief.aannames_kop'") for b in berichten)
    assert any(b.startswith("losse accolade") for b in berichten)


def test_onbekende_plaatshouder_in_een_termijntekst(tmp_path: Path) -> None:
    root = _kopie(tmp_path)
    bestand = root / "rules" / "schuldhulpverlening" / "schuldhulpverlening.yaml"
    _vervang(bestand, "uiterlijk op {datum}.", "uiterlijk op {datun}.")
    regel = _regel_van(bestand, "{datun}")
    with pytest.raises(RegelsetFout) as exc:
        load_regelset(root)
    plaatsen = [m.plaats for m in exc.value.meldingen if "'{datun}'" in m.bericht]
    assert plaatsen and plaatsen[0].startswith(f"rules/schuldhulpverlening/"
                                               f"schuldhulpverlening.yaml:{regel}:")


def test_regelmap_zonder_catalogus_is_ongeldig(tmp_path: Path) -> None:
    root = _kopie(tmp_path)
    (root / CATALOGUS).unlink()
    res = CliRunner().invoke(main, ["validate", str(root)])
    assert res.exit_code == 1
    assert "de tekstcatalogus ontbreekt" in res.output


def test_uitgeschreven_waarde_wordt_geweigerd(tmp_path: Path) -> None:
    root = _kopie(tmp_path)
    bestand = root / "rules" / "participatiewet" / "algemene_bijstand.yaml"
    _vervang(bestand, 'niet_voldaan: "U verbleef dit kalenderjaar',
             'niet_voldaan: "Meer dan 28 dagen. U verbleef dit kalenderjaar')
    regel = _regel_van(bestand, "28 dagen")
    with pytest.raises(RegelsetFout) as exc:
        load_regelset(root)
    gevonden = [m for m in exc.value.meldingen
                if m.bericht == "noem de waarde met {pw.buitenland_max_dagen} in plaats van "
                                "'28 dagen'"]
    assert [m.plaats.split(":")[:2] for m in gevonden] == [
        ["rules/participatiewet/algemene_bijstand.yaml", str(regel)]]


# ------------------------------------------------------------ no Dutch text in Python

# Dutch function words; three of them in one literal make it a sentence.
_NL = frozenset("de het een van en is niet op met voor geen in naar u uw dat bij te zijn of "
                "tot wordt worden dit deze er ook als om aan".split())
# Modules whose printed texts come from the catalogue; batch.py only for its to_text methods.
_MODULES = ("explain.py", "brief.py", "listing.py", "diff.py", "cli.py", "cli_batch.py",
            "batch.py", "harmonisatie.py", "cli_harmonisatie.py", "minima_effect.py",
            "voorstel.py", "serve.py", "paginas.py", "intake.py",
            "opdrachten.py", "cli_simuleer.py", "vector/io.py", "vector/uitvoer.py",
            "vector/overzicht.py", "vector/motor.py", "verdeeld.py")


def _letterlijk(tree: ast.AST, alleen_to_text: bool) -> list[tuple[int, str]]:
    """String literals except docstrings, click help texts and programmer-error messages."""
    overslaan: set[int] = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if isinstance(body, list) and body and isinstance(body[0], ast.Expr) and isinstance(
                body[0].value, ast.Constant):
            overslaan.add(id(body[0].value))
        if isinstance(node, ast.keyword) and node.arg in ("help", "short_help"):
            overslaan.update(id(n) for n in ast.walk(node.value))
        if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call) and isinstance(
                node.exc.func, ast.Name) and node.exc.func.id in ("ValueError", "TypeError"):
            overslaan.update(id(n) for n in ast.walk(node.exc))
    wortels = [n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef)
               and n.name == "to_text"] if alleen_to_text else [tree]
    return [(n.lineno, n.value) for w in wortels for n in ast.walk(w)
            if isinstance(n, ast.Constant) and isinstance(n.value, str)
            and id(n) not in overslaan]


def _zinnen(bron: str, alleen_to_text: bool = False) -> list[str]:
    found = []
    for regel, tekst in _letterlijk(ast.parse(bron), alleen_to_text):
        woorden = re.findall(r"[a-zà-ÿ]+", tekst.lower())
        if sum(w in _NL for w in woorden) >= 3:
            found.append(f"{regel}: {tekst!r}")
    return found


def test_de_zinnentest_vindt_een_nederlandse_zin() -> None:
    assert _zinnen('x = f"U heeft geen recht op {y}"\n')
    assert not _zinnen('def f():\n    """Dit is de uitleg van een functie."""\n')


@pytest.mark.parametrize("module", _MODULES)
def test_geen_nederlandse_zinnen_in_de_python_van_de_uitvoer(module: str) -> None:
    bron = (BRON / module).read_text(encoding="utf-8")
    assert _zinnen(bron, alleen_to_text=module == "batch.py") == []

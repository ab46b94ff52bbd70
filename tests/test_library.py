"""The engine as a Python library (DESIGN §2 "Other services", §5).

Covers the public API (`Engine`, `Beslissing`, `InvoerFout`), rules loaded from a
directory (policy lives in YAML: a changed figure changes the decision without a
Python change), isolation between calls, engines and threads, the content hash in
`regelset.versie`, the wheel with its packaged data, and property-based checks of
the bijstand arithmetic and of input handling.

Hand arithmetic used below (rules/participatiewet/normen.yaml, 2026-01-01):
alleenstaande 21+ with one kostendeler, A = 2:
(40% + 2 × 30%) / 2 × € 2.002,13 = € 1.001,065 → € 1.001,07; with the gehuwdennorm
changed to € 2.100,00: (0.4 + 0.6) / 2 × 2100.00 = € 1.050,00.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import os
import random
import re
import shutil
import subprocess
import sys
import threading
import zipfile
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

import pytest
from decision_schema import assert_valid_decision
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sora_rules import Beslissing, Engine, InvoerFout

ROOT = Path(__file__).resolve().parents[1]

GEMEENTEN = ("alkmaar", "bergen", "castricum", "dijk-en-waard", "heiloo", "uitgeest")
UITKOMSTEN = ("toegekend", "afgewezen", "onvoldoende_gegevens", "doorverwezen")
SOORTEN = ("arbeid", "uitkering", "pensioen", "alimentatie", "zorgtoeslag", "huurtoeslag",
           "kindgebonden_budget", "kinderbijslag", "overig")
MEETELLEND = {"arbeid", "uitkering", "pensioen", "alimentatie", "overig"}
VERBLIJF = ("nederlander", "eu_burger", "verblijfsvergunning", "geen")
PEILDATUM = dt.date(2026, 3, 1)
CENT = Decimal("0.01")

VOORBEELD: dict[str, Any] = {
    "gemeente": "alkmaar",
    "peildatum": "2026-03-01",
    "aanvrager": {"geboortedatum": "1990-05-01", "woonplaats": "alkmaar",
                  "verblijfsstatus": "nederlander", "in_detentie": False,
                  "recht_op_studiefinanciering": False, "dagen_in_buitenland": 0},
    "medebewoners": [{"geboortedatum": "1976-01-01", "student_met_studiefinanciering": False,
                      "commerciele_relatie": False}],
    "inkomsten": [],
    "vermogen": {"bezittingen": 2500.00, "schulden": 0},
}


# --------------------------------------------------------------------------- helpers




def bijstand(doc: dict[str, Any]) -> dict[str, Any]:
    [b] = [b for b in doc["besluiten"] if b["regeling"] == "algemene_bijstand"]
    return b


def round_half_up(value: Decimal, places: int = 2) -> Decimal:
    return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def geld(value: float | int) -> Decimal:
    """A JSON number from the decision document as an exact Decimal."""
    return Decimal(str(value))


def kopieer_regels(doel: Path) -> Path:
    """Copy the repository's rules/ and gemeenten/ into `doel` and return it."""
    for folder in ("rules", "gemeenten"):
        shutil.copytree(ROOT / folder, doel / folder)
    return doel


def zet_gehuwdennorm(root: Path, waarde: str) -> None:
    """Change the 2026-01-01 pw.norm.gehuwden value (2002.13) in a copy of the rules."""
    normen = root / "rules" / "participatiewet" / "normen.yaml"
    tekst = normen.read_text(encoding="utf-8")
    origineel = "2026-01-01: {waarde: 2002.13,"
    assert tekst.count(origineel) == 1, "normen.yaml changed: update this test"
    normen.write_text(tekst.replace(origineel, f"2026-01-01: {{waarde: {waarde},"),
                      encoding="utf-8")


def gevarieerde_casus(rng: random.Random) -> dict[str, Any]:
    """A household with varied gemeente, peildatum, people, income and assets."""
    gemeente = rng.choice(GEMEENTEN)
    peil = dt.date(2024, 1, 1) + dt.timedelta(days=rng.randrange(0, 900))
    case: dict[str, Any] = {
        "gemeente": gemeente,
        "peildatum": peil.isoformat(),
        "aanvrager": {
            "geboortedatum": f"{rng.randint(1950, 2007)}-{rng.randint(1, 12):02d}-15",
            "woonplaats": gemeente if rng.random() < 0.85 else rng.choice(GEMEENTEN),
            "verblijfsstatus": rng.choice(VERBLIJF),
        },
        # Nobody is born after the peildatum (issue #8: such a case is refused).
        "medebewoners": [{"geboortedatum": min(f"{rng.randint(1940, 2020)}-06-01",
                                               peil.isoformat()),
                          "commerciele_relatie": rng.random() < 0.2}
                         for _ in range(rng.randint(0, 3))],
        "inkomsten": [{"persoon": "aanvrager", "soort": rng.choice(SOORTEN),
                       "netto_per_maand": rng.randint(0, 150_000) / 100}
                      for _ in range(rng.randint(0, 3))],
    }
    if rng.random() < 0.4:
        case["partner"] = {"geboortedatum": f"{rng.randint(1950, 2007)}-03-03",
                           "verblijfsstatus": rng.choice(VERBLIJF)}
    if rng.random() < 0.4:
        case["kinderen"] = [{"geboortedatum": min(f"{rng.randint(2009, 2024)}-09-09",
                                                  peil.isoformat())}
                            for _ in range(rng.randint(1, 3))]
    if rng.random() < 0.9:  # sometimes unknown: onvoldoende_gegevens
        case["vermogen"] = {"bezittingen": rng.randint(0, 2_000_000) / 100,
                            "schulden": rng.randint(0, 500_000) / 100}
    return case


# ----------------------------------------------------------------------- fixtures


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine()


# ---------------------------------------------------------------------- public API


def test_publieke_api_evalueert_een_dict(engine: Engine) -> None:
    b = engine.evaluate(copy.deepcopy(VOORBEELD))
    assert isinstance(b, Beslissing)
    doc = b.to_dict()
    assert_valid_decision(doc)
    assert doc["gemeente"] == "alkmaar"
    assert doc["peildatum"] == "2026-03-01"
    ab = bijstand(doc)
    assert ab["uitkomst"] == "toegekend"
    assert ab["bedrag"]["per_maand"] == 1001.07
    assert ab["bedrag"]["norm"] == 1001.07
    assert ab["bedrag"]["waarvan_vakantietoeslag"] == 48.05
    assert any(g["bron"]["artikel"] == "22a" for g in ab["gronden"])
    # to_json() is the JSON of to_dict() with indent=2.
    tekst = b.to_json()
    assert json.loads(tekst) == json.loads(json.dumps(doc, indent=2)) == doc
    assert tekst.splitlines()[1].startswith('  "'), "indent of 2 spaces"
    # The input is not modified.
    assert engine.evaluate(VOORBEELD).to_json() == tekst and VOORBEELD["inkomsten"] == []


def test_publieke_api_argumenten_gaan_voor_casus(engine: Engine) -> None:
    # peildatum as a date object and as text; gemeente argument over the case's.
    case = copy.deepcopy(VOORBEELD)
    a = engine.evaluate(case, peildatum=dt.date(2024, 9, 1)).to_dict()
    b = engine.evaluate(case, peildatum="2024-09-01").to_dict()
    assert a == b
    # (0.4 + 0.6) / 2 × 1869.21 = 934.605 → 934.61
    assert bijstand(a)["bedrag"]["per_maand"] == 934.61
    heiloo = engine.evaluate(case, gemeente="heiloo").to_dict()
    assert heiloo["gemeente"] == "heiloo"
    assert bijstand(heiloo)["uitkomst"] == "afgewezen"  # woont in alkmaar


def test_invoerfout_noemt_veldpad(engine: Engine) -> None:
    case = copy.deepcopy(VOORBEELD)
    case["aanvrager"]["geboortedatum"] = "1990-02-30"
    with pytest.raises(InvoerFout) as info:
        engine.evaluate(case)
    assert info.value.pad == "aanvrager.geboortedatum"
    assert "geen geldige datum" in str(info.value)
    with pytest.raises(InvoerFout) as info:
        engine.evaluate(VOORBEELD, regelingen=["bestaat_niet"])
    assert info.value.pad == "regeling"


@pytest.mark.parametrize("peildatum", ["20260301", "2026-W10-1"])
def test_peildatum_argument_alleen_jjjj_mm_dd(engine: Engine, peildatum: str) -> None:
    # The peildatum argument follows the same JJJJ-MM-DD rule as the case's peildatum
    # (which rejects '20260301'); date.fromisoformat alone accepts the ISO basic and
    # week forms ('2026-W10-1' is 2026-03-02).
    with pytest.raises(InvoerFout) as info:
        engine.evaluate(VOORBEELD, peildatum=peildatum)
    assert info.value.pad == "peildatum"


# --------------------------------------------------------------- rules from a folder


def test_regels_uit_map_en_gewijzigde_waarde(tmp_path: Path, engine: Engine) -> None:
    kopie = kopieer_regels(tmp_path / "regels")
    uit_kopie = Engine(rules_dir=kopie)
    origineel = uit_kopie.evaluate(VOORBEELD).to_dict()
    assert origineel == engine.evaluate(VOORBEELD).to_dict()  # same files, same decision

    zet_gehuwdennorm(kopie, "2100.00")
    gewijzigd = Engine(rules_dir=str(kopie)).evaluate(VOORBEELD).to_dict()
    assert_valid_decision(gewijzigd)
    ab = bijstand(gewijzigd)
    # (0.4 + 0.6) / 2 × 2100.00 = 1050.00; vakantietoeslag 4.8% = 50.40
    assert ab["bedrag"]["per_maand"] == 1050.00
    assert ab["bedrag"]["norm"] == 1050.00
    assert ab["bedrag"]["waarvan_vakantietoeslag"] == 50.40
    assert gewijzigd["regelset"]["versie"] != origineel["regelset"]["versie"]
    # The engine built before the change keeps its own rules.
    assert bijstand(uit_kopie.evaluate(VOORBEELD).to_dict())["bedrag"]["per_maand"] == 1001.07


def test_regelset_versie_is_inhoudshash(tmp_path: Path) -> None:
    kopie = kopieer_regels(tmp_path / "regels")
    versies = [Engine(rules_dir=kopie).evaluate(VOORBEELD).to_dict()["regelset"]["versie"]
               for _ in range(2)]
    assert re.fullmatch(r"sha256:[0-9a-f]{64}", versies[0]), versies[0]
    assert versies[0] == versies[1]
    # Same content at another path: same version (a decision is reproducible elsewhere).
    assert Engine().evaluate(VOORBEELD).to_dict()["regelset"]["versie"] == versies[0]

    # A change in a rule file changes the version.
    zet_gehuwdennorm(kopie, "2002.14")
    na_wijziging = Engine(rules_dir=kopie).evaluate(VOORBEELD).to_dict()["regelset"]["versie"]
    assert re.fullmatch(r"sha256:[0-9a-f]{64}", na_wijziging)
    assert na_wijziging != versies[0]

    # The gemeente's overlay is one of the files a decision rests on.
    alkmaar = kopie / "gemeenten" / "alkmaar.yaml"
    alkmaar.write_text(alkmaar.read_text(encoding="utf-8") + "# opmerking\n", encoding="utf-8")
    assert Engine(rules_dir=kopie).evaluate(VOORBEELD).to_dict()["regelset"]["versie"] \
        != na_wijziging


# --------------------------------------------------------------------- isolation


def test_twee_engines_identiek_en_zonder_wederzijdse_invloed(tmp_path: Path) -> None:
    rng = random.Random(20260301)
    cases = [gevarieerde_casus(rng) for _ in range(60)]
    een, twee = Engine(), Engine()
    for case in cases:  # interleaved
        assert een.evaluate(case).to_json() == twee.evaluate(case).to_json()

    # An engine on changed rules next to one on the original rules: interleaved calls
    # must each see only their own rules (durable-rules keeps global state per name).
    kopie = kopieer_regels(tmp_path / "regels")
    zet_gehuwdennorm(kopie, "2100.00")
    anders = Engine(rules_dir=kopie)
    for _ in range(3):
        assert bijstand(anders.evaluate(VOORBEELD).to_dict())["bedrag"]["per_maand"] == 1050.00
        assert bijstand(een.evaluate(VOORBEELD).to_dict())["bedrag"]["per_maand"] == 1001.07
        assert bijstand(Engine(rules_dir=kopie).evaluate(VOORBEELD).to_dict())[
            "bedrag"]["per_maand"] == 1050.00


def test_threads_op_een_gedeelde_engine(engine: Engine) -> None:
    threads, per_thread = 8, 50
    rng = random.Random(8 * 50)
    werk = [[gevarieerde_casus(rng) for _ in range(per_thread)] for _ in range(threads)]
    verwacht = [[engine.evaluate(case).to_json() for case in cases] for cases in werk]

    gedeeld = Engine()  # fresh: threads also race on the first compilation
    resultaten: list[list[str] | None] = [None] * threads
    fouten: list[BaseException] = []
    start = threading.Barrier(threads)

    def draai(i: int) -> None:
        try:
            start.wait()
            resultaten[i] = [gedeeld.evaluate(case).to_json() for case in werk[i]]
        except BaseException as exc:  # reported below with the thread's number
            fouten.append(exc)

    pool = [threading.Thread(target=draai, args=(i,)) for i in range(threads)]
    for t in pool:
        t.start()
    for t in pool:
        t.join(timeout=120)
    assert not any(t.is_alive() for t in pool), "a thread hangs"
    assert not fouten, fouten
    assert resultaten == verwacht
    # Sanity: the varied cases really vary.
    uitkomsten = {bijstand(json.loads(r))["uitkomst"] for rs in verwacht for r in rs}
    assert uitkomsten == set(UITKOMSTEN), uitkomsten


def test_meer_evaluaties_dan_de_sessielimiet(engine: Engine) -> None:
    # durable-rules allows 1024 live sessions per ruleset; every evaluation must clean up.
    rng = random.Random(2000)
    varianten = [gevarieerde_casus(rng) for _ in range(20)] + [VOORBEELD]
    verwacht = {i: engine.evaluate(c).to_json() for i, c in enumerate(varianten)}
    for n in range(2000):
        i = n % len(varianten)
        assert engine.evaluate(varianten[i]).to_json() == verwacht[i], n
    assert bijstand(engine.evaluate(VOORBEELD).to_dict())["bedrag"]["per_maand"] == 1001.07


# ------------------------------------------------------------------------ packaging


def test_wheel_bevat_regels_en_werkt_buiten_de_checkout(tmp_path: Path) -> None:
    # Build from a clean copy of the sources: an in-tree build would write build/ and
    # *.egg-info into the shared checkout (and could pick up a stale build/lib).
    bron = tmp_path / "bron"
    shutil.copytree(ROOT, bron, ignore=shutil.ignore_patterns(
        ".git", "build", "dist", ".venv", ".hypothesis", ".pytest_cache", ".ruff_cache",
        "*.egg-info", "__pycache__", "_data", "bench"))
    wheels = tmp_path / "wheels"
    bouw = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
         "--disable-pip-version-check", "-w", str(wheels), str(bron)],
        capture_output=True, text=True, timeout=300)
    if bouw.returncode != 0:
        uitvoer = bouw.stdout + bouw.stderr
        if ("invalid command 'bdist_wheel'" in uitvoer
                or "No module named 'wheel'" in uitvoer
                or "No module named 'setuptools'" in uitvoer):
            pytest.skip("cannot build a wheel without build isolation: the test "
                        f"interpreter ({sys.executable}) lacks the 'wheel' package or "
                        "setuptools >= 70.1 (which provides bdist_wheel itself)")
        pytest.fail(f"pip wheel failed:\n{uitvoer[-4000:]}")
    [wheel] = sorted(wheels.glob("sora_rules-*.whl"))
    with zipfile.ZipFile(wheel) as zf:
        namen = set(zf.namelist())
        for verplicht in ("sora_rules/_data/rules/participatiewet/normen.yaml",
                          "sora_rules/_data/gemeenten/alkmaar.yaml",
                          "sora_rules/_data/specs/case.schema.json",
                          "sora_rules/_data/specs/decision.schema.json",
                          "sora_rules/__init__.py", "sora_rules/py.typed"):
            assert verplicht in namen, verplicht
        uitgepakt = tmp_path / "uitgepakt"
        zf.extractall(uitgepakt)

    elders = tmp_path / "elders"  # a cwd outside the repository
    elders.mkdir()
    script = (
        "import json, sys\n"
        "import sora_rules\n"
        "from sora_rules import Engine\n"
        "from sora_rules.resources import data_root\n"
        "b = Engine().evaluate(json.loads(sys.argv[1])).to_dict()\n"
        "[ab] = [x for x in b['besluiten'] if x['regeling'] == 'algemene_bijstand']\n"
        "print(json.dumps({'module': sora_rules.__file__, 'data': str(data_root()),\n"
        "                  'per_maand': ab['bedrag']['per_maand']}))\n"
    )
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env["PYTHONPATH"] = str(uitgepakt)
    run = subprocess.run([sys.executable, "-c", script, json.dumps(VOORBEELD)],
                         capture_output=True, text=True, cwd=elders, env=env, timeout=120)
    assert run.returncode == 0, run.stderr
    uit = json.loads(run.stdout)
    assert Path(uit["module"]).resolve().is_relative_to(uitgepakt.resolve()), uit
    assert Path(uit["data"]).resolve().is_relative_to(uitgepakt.resolve()), uit
    assert uit["per_maand"] == 1001.07


# ------------------------------------------------------------------------ properties


def _jaren_terug(d: dt.date, jaren: int) -> dt.date:
    return d.replace(year=d.year - jaren)  # PEILDATUM is 1 March: never 29 February


def geboortedatum(min_leeftijd: int, max_leeftijd: int) -> st.SearchStrategy[str]:
    """ISO birth dates for an age in [min_leeftijd, max_leeftijd] on PEILDATUM."""
    laatste = _jaren_terug(PEILDATUM, min_leeftijd)
    eerste = _jaren_terug(PEILDATUM, max_leeftijd + 1) + dt.timedelta(days=1)
    return st.dates(eerste, laatste).map(dt.date.isoformat)


def bedrag(max_euro: int) -> st.SearchStrategy[Decimal]:
    return st.integers(0, max_euro * 100).map(lambda c: Decimal(c) / 100)


vlag = st.one_of(st.none(), st.booleans())  # None: leave the field out


def _zonder_none(d: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in d.items() if v is not None}


@st.composite
def huishoudens(draw: st.DrawFn) -> dict[str, Any]:
    gemeente = draw(st.sampled_from(GEMEENTEN))
    andere = st.sampled_from(GEMEENTEN + ("amsterdam",))
    aanvrager = _zonder_none({
        "geboortedatum": draw(geboortedatum(18, 80)),
        "woonplaats": gemeente if draw(st.integers(0, 9)) else draw(andere),
        "verblijfsstatus": draw(st.sampled_from(VERBLIJF)),
        "in_detentie": draw(vlag),
        "recht_op_studiefinanciering": draw(vlag),
        "dagen_in_buitenland": draw(st.one_of(st.none(), st.integers(0, 60))),
    })
    case: dict[str, Any] = {"gemeente": gemeente, "peildatum": PEILDATUM.isoformat(),
                            "aanvrager": aanvrager}
    personen = ["aanvrager"]
    if draw(st.booleans()):
        case["partner"] = _zonder_none({
            "geboortedatum": draw(geboortedatum(18, 80)),
            "verblijfsstatus": draw(st.sampled_from(VERBLIJF)),
            "in_detentie": draw(vlag),
            "recht_op_studiefinanciering": draw(vlag),
        })
        personen.append("partner")
    kinderen = draw(st.lists(geboortedatum(0, 17), max_size=3))
    if kinderen or draw(st.booleans()):
        case["kinderen"] = [{"geboortedatum": g} for g in kinderen]
    medebewoners = draw(st.lists(st.fixed_dictionaries(
        {"geboortedatum": geboortedatum(0, 90)},
        optional={"student_met_studiefinanciering": st.booleans(),
                  "commerciele_relatie": st.booleans()}), max_size=3))
    if medebewoners or draw(st.booleans()):
        case["medebewoners"] = medebewoners
    case["inkomsten"] = draw(st.lists(st.fixed_dictionaries({
        "persoon": st.sampled_from(personen),
        "soort": st.sampled_from(SOORTEN),
        "netto_per_maand": bedrag(1500),
    }), max_size=4))
    case["vermogen"] = draw(st.fixed_dictionaries(
        {"bezittingen": bedrag(20_000)},
        optional={"schulden": bedrag(5_000), "overwaarde_eigen_woning": bedrag(10_000)}))
    # Money as a JSON reader gives it: floats (exact for two decimals via repr).
    as_float = draw(st.booleans())
    for item in case["inkomsten"]:
        item["netto_per_maand"] = float(item["netto_per_maand"]) if as_float \
            else item["netto_per_maand"]
    case["vermogen"] = {k: float(v) if as_float else v for k, v in case["vermogen"].items()}
    return case


def meetellend_inkomen(case: dict[str, Any]) -> Decimal:
    return sum((Decimal(str(i["netto_per_maand"])) for i in case["inkomsten"]
                if i["soort"] in MEETELLEND and i["persoon"] in ("aanvrager", "partner")),
               Decimal(0))


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(case=huishoudens())
def test_eigenschap_bijstandsbedrag(engine: Engine, case: dict[str, Any]) -> None:
    doc = engine.evaluate(case).to_dict()
    assert_valid_decision(doc)
    assert doc["besluiten"]
    for b in doc["besluiten"]:
        assert b["uitkomst"] in UITKOMSTEN
        if b["uitkomst"] == "afgewezen":
            assert any(g["voldaan"] is False for g in b["gronden"]), b["gronden"]
        if b["uitkomst"] == "onvoldoende_gegevens":
            assert b["ontbrekende_gegevens"]
    ab = bijstand(doc)
    if ab["uitkomst"] == "toegekend":
        norm = geld(ab["bedrag"]["norm"])
        per_maand = geld(ab["bedrag"]["per_maand"])
        assert per_maand == norm - meetellend_inkomen(case), (ab["bedrag"], case["inkomsten"])
        assert per_maand > 0
        assert geld(ab["bedrag"]["waarvan_vakantietoeslag"]) == round_half_up(
            norm * Decimal("0.048")), ab["bedrag"]
        for waarde in ab["bedrag"].values():
            assert geld(waarde) == geld(waarde).quantize(CENT)


json_achtig = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=12),
              st.sampled_from(["2026-03-01", "1990-02-30", "alkmaar", "aanvrager", "arbeid",
                               "", "-1", "1e400"])),
    lambda kinderen: st.one_of(st.lists(kinderen, max_size=4),
                               st.dictionaries(st.text(max_size=8), kinderen, max_size=4)),
    max_leaves=20,
)

VELDEN = ("gemeente", "peildatum", "aanvrager", "partner", "kinderen", "medebewoners",
          "inkomsten", "vermogen", "minima", "schuldhulp", "kosten")


@st.composite
def verminkte_huishoudens(draw: st.DrawFn) -> dict[str, Any]:
    """A valid household with one value somewhere replaced by junk."""
    case = draw(huishoudens())
    houder: Any = case
    while True:
        if isinstance(houder, dict) and houder:
            sleutel: Any = draw(st.sampled_from(sorted(houder) + [draw(st.sampled_from(VELDEN))]))
        elif isinstance(houder, list) and houder:
            sleutel = draw(st.integers(0, len(houder) - 1))
        else:
            return case
        if sleutel not in (houder if isinstance(houder, dict) else range(len(houder))) \
                or not isinstance(houder[sleutel], dict | list) or draw(st.booleans()):
            houder[sleutel] = draw(json_achtig)
            return case
        houder = houder[sleutel]


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(invoer=st.one_of(json_achtig, st.dictionaries(st.sampled_from(VELDEN), json_achtig),
                        verminkte_huishoudens()),
       gemeente=st.one_of(st.none(), st.sampled_from(GEMEENTEN), st.text(max_size=8)),
       peildatum=st.one_of(st.none(), st.text(max_size=12),
                           st.dates(dt.date(1900, 1, 1), dt.date(2100, 1, 1))
                           .map(dt.date.isoformat)))
def test_eigenschap_rommel_geeft_alleen_invoerfout(engine: Engine, invoer: Any,
                                                   gemeente: str | None,
                                                   peildatum: str | None) -> None:
    try:
        b = engine.evaluate(invoer, gemeente=gemeente, peildatum=peildatum)
    except InvoerFout as exc:
        assert str(exc), "an InvoerFout carries a Dutch message"
        return
    assert_valid_decision(b.to_dict())

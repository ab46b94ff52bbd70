"""Steps for the Dutch scenarios on schuldhulpverlening (Wgs) and bijzondere bijstand.

These come on top of the shared vocabulary in tests/conftest.py (households, inkomsten,
vermogen, `is de uitkomst …`, `is grond … voldaan`, …). pytest-bdd registers a step as a
fixture in the module that defines it, so a test module that uses these steps imports them
all: ``from steps_schuldhulp import *  # noqa: F403``.

Vocabulary in short:

- Gegeven: `een inwoner van "GEMEENTE" vraagt op "DATUM" om schuldhulp` (the peildatum is
  the day of the hulpvraag), `er dreigt "SITUATIE"`, `de eerdere schuldhulp eindigde op
  "DATUM"`, `de aanvrager heeft (g)een onherroepelijke fraudevordering`; per gemeente a
  refusal ground switched on in a copy of the rules (`gemeente "…" weigert schuldhulp …`);
  for bijzondere bijstand `kosten voor "OMSCHRIJVING" van BEDRAG op "DATUM"`;
- Als: `de schuldhulp wordt beoordeeld`, `de bijzondere bijstand wordt beoordeeld`;
- Dan: the termijnen (`moet het eerste gesprek uiterlijk op "DATUM" plaatsvinden`, `is de
  beschikking uiterlijk op "DATUM" gegeven`, `geldt de termijn van grond "REGEL"`),
  `is het bedrag BEDRAG eenmalig`, and
  `verwijzen alle gronden naar de "REGELING"`.

Switching a refusal ground on: the step copies rules/ and gemeenten/ to a temporary root,
adds the open norm to that gemeente's overlay (`open_normen`, status `aanname`) and the
scenario is evaluated with `Engine(rules_dir=<copy>)`. Engines over the same set of
switches are built once per test session.
"""

from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml
from conftest import BEDRAG, _beoordeel, _besluit, _gronden, _uitleg, geld
from pytest_bdd import given, parsers, then, when

ROOT = Path(__file__).resolve().parents[1]

WGS = "Wet gemeentelijke schuldhulpverlening"
WGS_URL = "https://wetten.overheid.nl/BWBR0031331/2026-01-01"

# The rules that can set the term for the first conversation; exactly one of them (the
# earliest date) is stated in the besluit.
TERMIJN_EERSTE_GESPREK = ("wgs.eerste_gesprek", "wgs.bedreigende_situatie",
                          "wgs.gezinnen_met_kinderen")

# Birth date of the aanvrager in the schuldhulp scenarios: an adult on every hulpvraag date.
GEBOORTEDATUM = "1985-06-15"

# Engines over a changed copy of the rules, keyed by the switches that were set.
_OVERLAY_ENGINES: dict[tuple, Any] = {}


# --------------------------------------------------------------------------- helpers


def _schuldhulp(ctx) -> dict:
    return ctx["case"].setdefault("schuldhulp", {})


def _termijn(besluit: dict, naam: str) -> str | None:
    return (besluit.get("termijnen") or {}).get(naam)


def _met_termijnen(besluit: dict) -> str:
    return f"termijnen={besluit.get('termijnen')!r}\n{_uitleg(besluit)}"


def _overlay_engine(ctx: dict, tmp_path_factory):
    """The engine over the rules with this scenario's switches; built once per set."""
    switches = ctx.get("switches") or {}
    key = tuple(sorted((g, p, repr(w)) for (g, p), w in switches.items()))
    engine = _OVERLAY_ENGINES.get(key)
    if engine is None:
        from sora_rules import Engine

        root = tmp_path_factory.mktemp("regels")
        for folder in ("rules", "gemeenten"):
            shutil.copytree(ROOT / folder, root / folder)
        per_gemeente: dict[str, dict] = {}
        for (gemeente, parameter), implementatie in switches.items():
            per_gemeente.setdefault(gemeente, {})[parameter] = implementatie
        for gemeente, normen in per_gemeente.items():
            pad = root / "gemeenten" / f"{gemeente}.yaml"
            assert pad.exists(), f"geen overlay voor gemeente {gemeente!r}"
            overlay = yaml.safe_load(pad.read_text(encoding="utf-8"))
            overlay.setdefault("open_normen", {}).update(normen)
            pad.write_text(yaml.safe_dump(overlay, allow_unicode=True, sort_keys=False),
                           encoding="utf-8")
        engine = Engine(rules_dir=root)
        _OVERLAY_ENGINES[key] = engine
    return engine


def _switch(ctx: dict, gemeente: str, parameter: str, artikel: str, waarde: Any) -> None:
    ctx.setdefault("switches", {})[(gemeente, parameter)] = {
        "grondslag": {"regeling": WGS, "artikel": artikel, "url": WGS_URL},
        "waarden": {
            "2024-01-01": {
                "waarde": waarde,
                "status": "aanname",
                "bron": "Testscenario: weigeringsgrond aangezet in een kopie van de regels",
            }
        },
    }


# --------------------------------------------------------------------------- Gegeven


@given(parsers.parse('een inwoner van "{gemeente}" vraagt op "{datum}" om schuldhulp'))
def hulpvraag(ctx, gemeente, datum):
    case = ctx["case"]
    case["gemeente"] = gemeente
    case["peildatum"] = datum
    case["aanvrager"] = {
        "geboortedatum": GEBOORTEDATUM,
        "woonplaats": gemeente,
        "verblijfsstatus": "nederlander",
    }
    _schuldhulp(ctx)["hulpvraag_datum"] = datum


@given(parsers.parse('de aanvrager vraagt op "{datum}" om schuldhulp'))
def aanvrager_vraagt_schuldhulp(ctx, datum):
    _schuldhulp(ctx)["hulpvraag_datum"] = datum


@given(parsers.parse('er dreigt "{situatie}"'))
def bedreigende_situatie(ctx, situatie):
    _schuldhulp(ctx).setdefault("bedreigende_situaties", []).append(situatie)


@given("er is geen bedreigende situatie")
def geen_bedreigende_situatie(ctx):
    _schuldhulp(ctx)["bedreigende_situaties"] = []


@given(parsers.parse('de eerdere schuldhulp eindigde op "{datum}"'))
def eerdere_schuldhulp(ctx, datum):
    _schuldhulp(ctx)["eerdere_schuldhulp_beeindigd_op"] = datum


@given("de aanvrager heeft een onherroepelijke fraudevordering")
def fraudevordering(ctx):
    _schuldhulp(ctx)["fraudevordering_onherroepelijk"] = True


@given("de aanvrager heeft geen onherroepelijke fraudevordering")
def geen_fraudevordering(ctx):
    _schuldhulp(ctx)["fraudevordering_onherroepelijk"] = False


@given("de datum van de hulpvraag is onbekend")
def hulpvraag_datum_onbekend(ctx):
    _schuldhulp(ctx).pop("hulpvraag_datum", None)


@given(
    parsers.parse(
        'gemeente "{gemeente}" weigert schuldhulp als eerdere schuldhulp minder dan '
        "{jaren:d} jaar voor de hulpvraag eindigde"
    )
)
def weigering_recidive(ctx, gemeente, jaren):
    _switch(ctx, gemeente, "wgs.weigering_recidive_jaren", "3 lid 2", jaren)


@given(parsers.parse('gemeente "{gemeente}" weigert schuldhulp bij een onherroepelijke '
                     "fraudevordering"))
def weigering_fraude(ctx, gemeente):
    _switch(ctx, gemeente, "wgs.weigering_fraude", "3 lid 3", True)


@given(
    parsers.re(
        r"kosten voor \"(?P<omschrijving>[^\"]+)\" van " + BEDRAG
        + r" op \"(?P<datum>\d{4}-\d{2}-\d{2})\""
    )
)
def kosten(ctx, omschrijving, bedrag, datum):
    ctx["case"].setdefault("kosten", []).append(
        {"omschrijving": omschrijving, "bedrag": float(geld(bedrag)), "datum": datum}
    )


@given(parsers.re(r"kosten voor \"(?P<omschrijving>[^\"]+)\" van " + BEDRAG + r" zonder datum"))
def kosten_zonder_datum(ctx, omschrijving, bedrag):
    ctx["case"].setdefault("kosten", []).append(
        {"omschrijving": omschrijving, "bedrag": float(geld(bedrag))}
    )


# --------------------------------------------------------------------------- Als


def _engine(ctx, spec_engine, tmp_path_factory):
    return _overlay_engine(ctx, tmp_path_factory) if ctx.get("switches") else spec_engine


@when("de schuldhulp wordt beoordeeld")
def beoordeel_schuldhulp(ctx, spec_engine, tmp_path_factory):
    _beoordeel(ctx, _engine(ctx, spec_engine, tmp_path_factory), ["schuldhulpverlening"])


@when("de bijzondere bijstand wordt beoordeeld")
def beoordeel_bijzondere_bijstand(ctx, spec_engine, tmp_path_factory):
    _beoordeel(ctx, _engine(ctx, spec_engine, tmp_path_factory), ["bijzondere_bijstand"])


# --------------------------------------------------------------------------- Dan


@then(parsers.parse('moet het eerste gesprek uiterlijk op "{datum}" plaatsvinden'))
def eerste_gesprek(ctx, datum):
    besluit = _besluit(ctx)
    assert _termijn(besluit, "eerste_gesprek_uiterlijk") == datum, (
        f"eerste_gesprek_uiterlijk: verwacht {datum}\n{_met_termijnen(besluit)}"
    )


@then(parsers.parse('is de beschikking uiterlijk op "{datum}" gegeven'))
def beschikking(ctx, datum):
    besluit = _besluit(ctx)
    assert _termijn(besluit, "beschikking_uiterlijk") == datum, (
        f"beschikking_uiterlijk: verwacht {datum}\n{_met_termijnen(besluit)}"
    )


@then(parsers.parse('geldt de termijn van grond "{regel}"'))
def gekozen_termijn(ctx, regel):
    """The besluit states the term that decided the date, and only that one."""
    besluit = _besluit(ctx)
    assert all(g.get("voldaan") is True for g in _gronden(besluit, regel)), _uitleg(besluit)
    genoemd = sorted({g.get("regel") for g in besluit.get("gronden", [])
                      if g.get("regel") in TERMIJN_EERSTE_GESPREK})
    assert genoemd == [regel], (
        f"verwacht alleen de termijn {regel!r}, genoemd: {genoemd}\n{_uitleg(besluit)}"
    )


@then("zijn er geen termijnen")
def geen_termijnen(ctx):
    besluit = _besluit(ctx)
    assert not besluit.get("termijnen"), _met_termijnen(besluit)


@then(parsers.re(r"is het bedrag " + BEDRAG + r" eenmalig"))
def eenmalig(ctx, bedrag):
    besluit = _besluit(ctx)
    waarde = (besluit.get("bedrag") or {}).get("eenmalig")
    assert waarde is not None, f"bedrag.eenmalig ontbreekt\n{_uitleg(besluit)}"
    assert Decimal(str(waarde)) == geld(bedrag), f"eenmalig\n{_uitleg(besluit)}"


@then(parsers.parse('verwijzen alle gronden naar de "{regeling}"'))
def alle_gronden_naar(ctx, regeling):
    besluit = _besluit(ctx)
    gronden = besluit.get("gronden") or []
    assert gronden, _uitleg(besluit)
    anders = [(g.get("regel"), (g.get("bron") or {}).get("regeling")) for g in gronden
              if (g.get("bron") or {}).get("regeling") != regeling
              or not (g.get("bron") or {}).get("artikel")]
    assert not anders, f"gronden zonder artikel uit de {regeling}: {anders}"


@then(parsers.parse('ontbreekt alleen het gegeven "{pad}"'))
def ontbreekt_alleen(ctx, pad):
    besluit = _besluit(ctx)
    assert besluit.get("ontbrekende_gegevens") == [pad], (
        f"verwacht alleen {pad!r} bij ontbrekende_gegevens\n{_uitleg(besluit)}"
    )

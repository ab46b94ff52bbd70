"""Shared step definitions for the Dutch scenarios in specs/features/*.feature.

The feature files are written for policy advisors: expected amounts there are computed by
hand from reference/beleidsfeiten.md, with the arithmetic in a comment above each example.
Every `tests/test_specs_*.py` module only binds its feature files with `scenarios(...)` and
adds the steps that only its features use; the vocabulary below is shared.

Vocabulary in short:

- Gegeven: a household (`een aanvraag in gemeente …`, `een aanvrager geboren op …`,
  partner, kinderen, medebewoners, inkomsten, vermogen, minima gegevens);
- Als: `algemene bijstand wordt beoordeeld`, `de individuele inkomenstoeslag wordt
  beoordeeld`, `de regeling "ID" wordt beoordeeld` (one regeling), or `alle regelingen
  worden beoordeeld` (the gemeente's whole basis- and pluspakket);
- Dan: checks on the besluit "in focus": the regeling that was evaluated, or the one named
  in `Dan is er een besluit over "ID"` after evaluating all regelingen.

Money in the steps is written Dutch style ("1.401,50"); a decimal point ("250.25") is
accepted too. Amounts are compared as Decimal against Decimal(str(value)) of the JSON
number in the decision document.
"""

from __future__ import annotations

import copy
import datetime as dt
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml
from pytest_bdd import given, parsers, then, when

ROOT = Path(__file__).resolve().parents[1]

# Birth dates for "het aantal kostendelende medebewoners … is N": all 27 or older on every
# peildatum from 2024 on (48/58/39 years on 2024-09-01).
KOSTENDELER_GEBOORTEDATA = ["1976-01-01", "1966-06-15", "1985-03-10", "1970-11-30"]

BEDRAG = r"(?P<bedrag>\d[\d.,]*)"


# --------------------------------------------------------------------------- helpers


def geld(tekst: str) -> Decimal:
    """Parse a Dutch money amount: '1.401,50' → 1401.50; '400,00'; '250.25'; '16.000'."""
    t = tekst.strip()
    if "," in t:
        t = t.replace(".", "").replace(",", ".")
    elif re.fullmatch(r"\d{1,3}(\.\d{3})+", t):
        t = t.replace(".", "")
    return Decimal(t)


def _als_getal(bedrag: Decimal) -> float:
    """Money in the case as a JSON-like number (the CLI reads JSON numbers too)."""
    return float(bedrag)


def _iso_datums(waarde: Any) -> Any:
    """YAML turns unquoted 2026-03-01 into a date; the case contract wants ISO strings."""
    if isinstance(waarde, dict):
        return {k: _iso_datums(v) for k, v in waarde.items()}
    if isinstance(waarde, list):
        return [_iso_datums(v) for v in waarde]
    if isinstance(waarde, dt.date):
        return waarde.isoformat()
    return waarde


def _doc(ctx: dict) -> dict:
    fout = ctx.get("fout")
    if fout is not None:
        pytest.fail(f"De invoer werd geweigerd (InvoerFout), geen besluit: {fout}")
    doc = ctx.get("doc")
    assert doc is not None, "Er is (nog) niet beoordeeld: ontbreekt de stap 'Als … beoordeeld'?"
    return doc


def _regelingen_in(doc: dict) -> list[str]:
    return [b.get("regeling") for b in doc.get("besluiten", [])]


def _besluit(ctx: dict) -> dict:
    """The besluit in focus: the evaluated regeling, or the one named by 'er is een besluit'."""
    doc = _doc(ctx)
    regeling = ctx.get("regeling")
    assert regeling, (
        "alle regelingen zijn beoordeeld: noem eerst de regeling met "
        "'Dan is er een besluit over \"ID\"'"
    )
    besluiten = [b for b in doc.get("besluiten", []) if b.get("regeling") == regeling]
    assert len(besluiten) == 1, (
        f"verwacht precies één besluit '{regeling}', gevonden: {_regelingen_in(doc)}"
    )
    return besluiten[0]


def _uitleg(besluit: dict) -> str:
    """A compact dump of the decision for assertion messages."""
    return (
        f"regeling={besluit.get('regeling')!r} pakket={besluit.get('pakket')!r}\n"
        f"uitkomst={besluit.get('uitkomst')!r} bedrag={besluit.get('bedrag')!r}\n"
        f"gronden={[(g.get('regel'), g.get('voldaan')) for g in besluit.get('gronden', [])]}\n"
        f"ontbrekende_gegevens={besluit.get('ontbrekende_gegevens')!r}\n"
        f"aannames={besluit.get('aannames')!r}\n"
        f"waarschuwingen={besluit.get('waarschuwingen')!r}"
    )


def _bedrag(besluit: dict, sleutel: str) -> Decimal:
    bedrag = besluit.get("bedrag") or {}
    assert sleutel in bedrag and bedrag[sleutel] is not None, (
        f"bedrag.{sleutel} ontbreekt\n{_uitleg(besluit)}"
    )
    return Decimal(str(bedrag[sleutel]))


def _gronden(besluit: dict, regel: str) -> list[dict]:
    gevonden = [g for g in besluit.get("gronden", []) if g.get("regel") == regel]
    assert gevonden, f"geen grond '{regel}' in het besluit\n{_uitleg(besluit)}"
    return gevonden


def _controleer_motivering(besluit: dict) -> None:
    """DESIGN §5: every ground of a toegekend/afgewezen besluit carries its legal source,
    and an afgewezen besluit has at least one ground that is not met."""
    gronden = besluit.get("gronden") or []
    assert gronden, f"een {besluit.get('uitkomst')} besluit zonder gronden\n{_uitleg(besluit)}"
    for grond in gronden:
        bron = grond.get("bron")
        assert isinstance(bron, dict), f"grond {grond.get('regel')!r} heeft geen bron"
        assert bron.get("regeling"), f"grond {grond.get('regel')!r}: bron zonder regeling"
        assert bron.get("artikel"), f"grond {grond.get('regel')!r}: bron zonder artikel"
    if besluit.get("uitkomst") == "afgewezen":
        assert any(g.get("voldaan") is False for g in gronden), (
            f"afgewezen zonder grond die niet is voldaan\n{_uitleg(besluit)}"
        )


# --------------------------------------------------------------------------- fixtures


@pytest.fixture(scope="session")
def spec_engine():
    # Imported here so that the scenarios collect even before the engine exists.
    from sora_rules import Engine

    return Engine()


@pytest.fixture
def ctx() -> dict:
    return {"case": {}, "doc": None, "fout": None, "regeling": None}


# --------------------------------------------------------------------------- Gegeven


@given(parsers.parse('een aanvraag in gemeente "{gemeente}" op peildatum "{peildatum}"'))
def aanvraag(ctx, gemeente, peildatum):
    ctx["case"]["gemeente"] = gemeente
    ctx["case"]["peildatum"] = peildatum


@given(parsers.parse('een aanvrager geboren op "{datum}" die woont in "{woonplaats}"'))
def aanvrager(ctx, datum, woonplaats):
    case = ctx["case"]
    case["aanvrager"] = {
        "geboortedatum": datum,
        "woonplaats": woonplaats,
        "verblijfsstatus": "nederlander",
        "in_detentie": False,
        "recht_op_studiefinanciering": False,
        "dagen_in_buitenland": 0,
    }
    case.setdefault("inkomsten", [])
    case.setdefault("vermogen", {"bezittingen": 0, "schulden": 0})


def _partner(datum: str | None) -> dict:
    partner: dict[str, Any] = {
        "verblijfsstatus": "nederlander",
        "in_detentie": False,
        "recht_op_studiefinanciering": False,
    }
    if datum is not None:
        partner["geboortedatum"] = datum
    return partner


@given(parsers.parse('een partner geboren op "{datum}"'))
def partner(ctx, datum):
    ctx["case"]["partner"] = _partner(datum)


@given("een partner van wie de geboortedatum onbekend is")
def partner_zonder_geboortedatum(ctx):
    ctx["case"]["partner"] = _partner(None)


@given(parsers.parse('een kind geboren op "{datum}"'))
def kind(ctx, datum):
    ctx["case"].setdefault("kinderen", []).append({"geboortedatum": datum})


def _medebewoner(ctx, datum: str | None, *, commercieel=False, student=False) -> None:
    medebewoner: dict[str, Any] = {
        "student_met_studiefinanciering": student,
        "commerciele_relatie": commercieel,
    }
    if datum is not None:
        medebewoner["geboortedatum"] = datum
    ctx["case"].setdefault("medebewoners", []).append(medebewoner)


@given(parsers.parse('een medebewoner geboren op "{datum}"'))
def medebewoner(ctx, datum):
    _medebewoner(ctx, datum)


@given(parsers.parse('een medebewoner geboren op "{datum}" met een commerciële huurrelatie'))
def medebewoner_commercieel(ctx, datum):
    _medebewoner(ctx, datum, commercieel=True)


@given(parsers.parse('een medebewoner geboren op "{datum}" die studiefinanciering ontvangt'))
def medebewoner_student(ctx, datum):
    _medebewoner(ctx, datum, student=True)


@given("een medebewoner van wie de geboortedatum onbekend is")
def medebewoner_zonder_geboortedatum(ctx):
    _medebewoner(ctx, None)


@given(parsers.parse("het aantal kostendelende medebewoners van 27 jaar of ouder is {aantal:d}"))
def kostendelers(ctx, aantal):
    assert 0 <= aantal <= len(KOSTENDELER_GEBOORTEDATA)
    for datum in KOSTENDELER_GEBOORTEDATA[:aantal]:
        _medebewoner(ctx, datum)


@given(
    parsers.re(
        r"inkomsten van de (?P<persoon>aanvrager|partner) uit \"(?P<soort>[^\"]+)\" van "
        + BEDRAG
        + r" per maand"
    )
)
def inkomsten(ctx, persoon, soort, bedrag):
    ctx["case"].setdefault("inkomsten", []).append(
        {"persoon": persoon, "soort": soort, "netto_per_maand": _als_getal(geld(bedrag))}
    )


@given(parsers.parse('de aanvraag is voor "{regelingen}"'))
def aanvraag_voor(ctx, regelingen):
    """`aanvraag.regelingen` (DESIGN §7): a comma-separated list of regeling ids."""
    ids = [r.strip() for r in regelingen.split(",")]
    ctx["case"].setdefault("aanvraag", {})["regelingen"] = ids


@given(parsers.parse('de melding is gedaan op "{datum}"'))
def melddatum(ctx, datum):
    ctx["case"].setdefault("aanvraag", {})["melddatum"] = datum


@given("de aanvrager heeft geen inkomsten")
def geen_inkomsten(ctx):
    ctx["case"]["inkomsten"] = []


@given("de inkomsten zijn onbekend")
def inkomsten_onbekend(ctx):
    ctx["case"].pop("inkomsten", None)


@given(
    parsers.re(
        r"vermogen met bezittingen (?P<bezittingen>\d[\d.,]*) en schulden (?P<schulden>\d[\d.,]*)"
    )
)
def vermogen(ctx, bezittingen, schulden):
    ctx["case"]["vermogen"] = {
        "bezittingen": _als_getal(geld(bezittingen)),
        "schulden": _als_getal(geld(schulden)),
    }


@given("het vermogen is onbekend")
def vermogen_onbekend(ctx):
    ctx["case"].pop("vermogen", None)


@given(parsers.re(r"bij de (?P<wie>aanvrager|partner) is \"(?P<veld>[^\"]+)\" (?P<waarde>.+)"))
def gegeven_veld(ctx, wie, veld, waarde):
    # The value is read as a YAML scalar: 29 → int, true → bool, geen → 'geen'.
    assert wie in ctx["case"], f"eerst een {wie} opgeven"
    ctx["case"][wie][veld] = yaml.safe_load(waarde)


@given(parsers.re(r"de (?P<wie>aanvrager|partner) heeft \"(?P<veld>[^\"]+)\" niet opgegeven"))
def veld_niet_opgegeven(ctx, wie, veld):
    assert wie in ctx["case"], f"eerst een {wie} opgeven"
    ctx["case"][wie].pop(veld, None)


@given(
    parsers.re(
        r"de (?P<veld>geboortedatum|woonplaats|verblijfsstatus) van de "
        r"(?P<wie>aanvrager|partner) is onbekend"
    )
)
def veld_onbekend(ctx, veld, wie):
    assert wie in ctx["case"], f"eerst een {wie} opgeven"
    ctx["case"][wie].pop(veld, None)


@given(parsers.re(r"de casus:?"))
def casus(ctx, docstring):
    case = yaml.safe_load(docstring)
    assert isinstance(case, dict), "de casus moet een YAML-mapping zijn"
    ctx["case"] = _iso_datums(case)


@given(parsers.re(r"in de casus ook:?"))
def casus_aanvulling(ctx, docstring):
    """Top-level sections added to (or replacing those of) the case built so far."""
    deel = yaml.safe_load(docstring)
    assert isinstance(deel, dict), "de aanvulling moet een YAML-mapping zijn"
    ctx["case"].update(_iso_datums(deel))


# Minima (individuele inkomenstoeslag): the `minima` section of the case (DESIGN §4).


def _minima(ctx) -> dict:
    return ctx["case"].setdefault("minima", {})


@given(parsers.parse("de aanvrager heeft {maanden:d} maanden een laag inkomen"))
def maanden_laag_inkomen(ctx, maanden):
    _minima(ctx)["maanden_laag_inkomen"] = maanden


@given("de aanvrager heeft geen zicht op inkomensverbetering")
def geen_zicht_op_inkomensverbetering(ctx):
    _minima(ctx)["zicht_op_inkomensverbetering"] = False


@given("de aanvrager heeft zicht op inkomensverbetering")
def zicht_op_inkomensverbetering(ctx):
    _minima(ctx)["zicht_op_inkomensverbetering"] = True


@given(parsers.parse('de aanvrager kreeg de laatste individuele inkomenstoeslag op "{datum}"'))
def laatste_iit(ctx, datum):
    _minima(ctx)["laatste_iit_toekenning"] = datum


@given("het aantal maanden laag inkomen is onbekend")
def maanden_laag_inkomen_onbekend(ctx):
    _minima(ctx).pop("maanden_laag_inkomen", None)


@given("het zicht op inkomensverbetering is onbekend")
def zicht_onbekend(ctx):
    _minima(ctx).pop("zicht_op_inkomensverbetering", None)


@given("over een eerdere individuele inkomenstoeslag is niets opgegeven")
def laatste_iit_onbekend(ctx):
    _minima(ctx).pop("laatste_iit_toekenning", None)


# --------------------------------------------------------------------------- Als


def _engine_voor(ctx: dict, standaard):
    """The engine of the scenario: over a changed copy of the rules if a step made one."""
    if ctx.get("engine") is None and ctx.get("regels_kopie") is not None:
        from sora_rules import Engine

        ctx["engine"] = Engine(rules_dir=ctx["regels_kopie"])
    return ctx.get("engine") or standaard


def _beoordeel(ctx: dict, engine, regelingen: list[str] | None, *, strikt: bool = False) -> None:
    from sora_rules import InvoerFout

    ctx["regeling"] = regelingen[0] if regelingen else None
    case = copy.deepcopy(ctx["case"])
    try:
        doc = _engine_voor(ctx, engine).evaluate(
            case,
            gemeente=case.get("gemeente"),
            peildatum=case.get("peildatum"),
            regelingen=regelingen,
            strikt=strikt,
        )
    except InvoerFout as fout:
        ctx["fout"] = fout
        return
    ctx["doc"] = doc.to_dict()


@when("algemene bijstand wordt beoordeeld")
def beoordeel(ctx, spec_engine):
    _beoordeel(ctx, spec_engine, ["algemene_bijstand"])


@when("algemene bijstand strikt wordt beoordeeld")
def beoordeel_strikt(ctx, spec_engine):
    _beoordeel(ctx, spec_engine, ["algemene_bijstand"], strikt=True)


@when("de individuele inkomenstoeslag wordt beoordeeld")
def beoordeel_iit(ctx, spec_engine):
    _beoordeel(ctx, spec_engine, ["individuele_inkomenstoeslag"])


@when(parsers.parse('de regeling "{regeling}" wordt beoordeeld'))
def beoordeel_regeling(ctx, spec_engine, regeling):
    _beoordeel(ctx, spec_engine, [regeling])


@when("alle regelingen worden beoordeeld")
def beoordeel_alles(ctx, spec_engine):
    _beoordeel(ctx, spec_engine, None)


# --------------------------------------------------------------------------- Dan


@then(parsers.parse('is er een besluit over "{regeling}"'))
def er_is_een_besluit(ctx, regeling):
    doc = _doc(ctx)
    assert regeling in _regelingen_in(doc), (
        f"geen besluit over {regeling!r}; wel over: {_regelingen_in(doc)}"
    )
    ctx["regeling"] = regeling


@then(parsers.parse('is er geen besluit over "{regeling}"'))
def er_is_geen_besluit(ctx, regeling):
    doc = _doc(ctx)
    assert regeling not in _regelingen_in(doc), (
        f"onverwacht een besluit over {regeling!r}: {_regelingen_in(doc)}"
    )


@then(parsers.parse('is de uitkomst "{uitkomst}"'))
def uitkomst(ctx, uitkomst):
    besluit = _besluit(ctx)
    assert besluit.get("uitkomst") == uitkomst, (
        f"verwacht uitkomst {uitkomst!r}\n{_uitleg(besluit)}"
    )
    if uitkomst in ("toegekend", "afgewezen"):
        _controleer_motivering(besluit)


def _besluitveld(ctx, sleutel: str, waarde: str) -> None:
    besluit = _besluit(ctx)
    assert besluit.get(sleutel) == waarde, f"{sleutel} {besluit.get(sleutel)!r}\n{_uitleg(besluit)}"


@then(parsers.parse('is het besluit doorverwezen naar "{naam}"'))
def doorverwezen_naar(ctx, naam):
    _besluitveld(ctx, "doorverwezen_naar", naam)


@then(parsers.re(r'heeft het besluit geen grond "(?P<regel>[^"]+)"'))
def zonder_grond(ctx, regel):
    besluit = _besluit(ctx)
    assert all(g["regel"] != regel for g in besluit["gronden"]), _uitleg(besluit)


@then(parsers.parse('is de ingangsdatum "{datum}"'))
def ingangsdatum(ctx, datum):
    besluit = _besluit(ctx)
    assert besluit["termijnen"].get("ingangsdatum") == datum, f"termijnen\n{_uitleg(besluit)}"


@then("is er geen ingangsdatum")
def geen_ingangsdatum(ctx):
    besluit = _besluit(ctx)
    assert "ingangsdatum" not in besluit["termijnen"], f"termijnen\n{_uitleg(besluit)}"


@then(parsers.parse('is de vorm "{vorm}"'))
def vorm(ctx, vorm):
    _besluitveld(ctx, "vorm", vorm)


@then(parsers.parse("zijn er {aantal:d} besluiten"))
def aantal_besluiten(ctx, aantal):
    doc = _doc(ctx)
    assert len(doc["besluiten"]) == aantal, _regelingen_in(doc)


@then(parsers.parse('staat "{regeling}" onder mogelijk recht'))
def mogelijk_recht(ctx, regeling):
    doc = _doc(ctx)
    ids = [b["regeling"] for b in doc.get("mogelijk_recht") or []]
    assert regeling in ids, f"mogelijk_recht: {ids}"


@then("is er geen lijst mogelijk recht")
def geen_mogelijk_recht(ctx):
    assert "mogelijk_recht" not in _doc(ctx)


@then(parsers.parse('hoort het besluit bij pakket "{pakket}"'))
def besluit_pakket(ctx, pakket):
    _besluitveld(ctx, "pakket", pakket)


@then(parsers.parse('heet het besluit "{naam}"'))
def besluit_naam(ctx, naam):
    _besluitveld(ctx, "naam", naam)


@then(parsers.re(r"is de norm " + BEDRAG + r" per maand"))
def norm(ctx, bedrag):
    besluit = _besluit(ctx)
    assert _bedrag(besluit, "norm") == geld(bedrag), f"norm\n{_uitleg(besluit)}"


@then(parsers.re(r"is het bedrag " + BEDRAG + r" per maand"))
def per_maand(ctx, bedrag):
    besluit = _besluit(ctx)
    assert _bedrag(besluit, "per_maand") == geld(bedrag), f"per_maand\n{_uitleg(besluit)}"


@then(parsers.re(r"is het bedrag " + BEDRAG + r" per jaar"))
def per_jaar(ctx, bedrag):
    besluit = _besluit(ctx)
    assert _bedrag(besluit, "per_jaar") == geld(bedrag), f"per_jaar\n{_uitleg(besluit)}"


@then("is er geen bedrag")
def geen_bedrag(ctx):
    besluit = _besluit(ctx)
    assert not besluit.get("bedrag"), f"verwacht geen bedrag\n{_uitleg(besluit)}"


@then("is er geen bedrag per maand")
def geen_bedrag_per_maand(ctx):
    besluit = _besluit(ctx)
    assert "per_maand" not in (besluit.get("bedrag") or {}), (
        f"verwacht geen bedrag per maand\n{_uitleg(besluit)}"
    )


@then(parsers.re(r"noemt grond \"(?P<regel>[^\"]+)\" \"(?P<tekst>[^\"]+)\""))
def grond_tekst(ctx, regel, tekst):
    besluit = _besluit(ctx)
    teksten = [g.get("tekst") or "" for g in _gronden(besluit, regel)]
    assert any(tekst in t for t in teksten), (
        f"grond {regel!r} noemt {tekst!r} niet: {teksten!r}"
    )


@then(parsers.parse('is er geen grond "{regel}" met "{tekst}"'))
def geen_grond_met(ctx, regel, tekst):
    for grond in _gronden(_besluit(ctx), regel):
        assert tekst not in grond.get("tekst", ""), f"grond {regel!r}: {grond.get('tekst')!r}"


@then(parsers.re(r"is de vakantietoeslag daarin " + BEDRAG))
def vakantietoeslag(ctx, bedrag):
    besluit = _besluit(ctx)
    assert _bedrag(besluit, "waarvan_vakantietoeslag") == geld(bedrag), (
        f"waarvan_vakantietoeslag\n{_uitleg(besluit)}"
    )


_EURO = re.compile(r"€\s*(\d[\d.]*,\d{2}) per maand")


@then(parsers.re(r"is de inkomensgrens " + BEDRAG + r" per maand"))
def inkomensgrens(ctx, bedrag):
    """The limit of the regeling's income test, as its ground `<regeling>.inkomensgrens`
    states it ("… : € 1.681,80 per maand")."""
    besluit = _besluit(ctx)
    regel = f"{besluit.get('regeling')}.inkomensgrens"
    teksten = [g.get("tekst") or "" for g in _gronden(besluit, regel)]
    bedragen = [geld(m) for t in teksten for m in _EURO.findall(t)]
    assert bedragen, f"grond {regel!r} noemt geen bedrag per maand: {teksten!r}"
    assert bedragen[-1] == geld(bedrag), (
        f"inkomensgrens {bedragen[-1]} in plaats van {geld(bedrag)}: {teksten!r}"
    )


@then(parsers.re(r"is grond \"(?P<regel>[^\"]+)\" (?P<oordeel>voldaan|niet voldaan)"))
def grond_voldaan(ctx, regel, oordeel):
    besluit = _besluit(ctx)
    verwacht = oordeel == "voldaan"
    gronden = _gronden(besluit, regel)
    assert all(g.get("voldaan") is verwacht for g in gronden), (
        f"grond {regel!r}: verwacht voldaan={verwacht}\n{_uitleg(besluit)}"
    )


@then(parsers.parse('is alleen grond "{regel}" niet voldaan'))
def alleen_grond_niet_voldaan(ctx, regel):
    besluit = _besluit(ctx)
    _gronden(besluit, regel)
    niet = sorted({g.get("regel") for g in besluit.get("gronden", [])
                   if g.get("voldaan") is False})
    assert niet == [regel], (
        f"verwacht alleen {regel!r} niet voldaan, niet voldaan zijn: {niet}\n{_uitleg(besluit)}"
    )


@then(parsers.parse('verwijst grond "{regel}" naar artikel "{artikel}"'))
def grond_artikel(ctx, regel, artikel):
    besluit = _besluit(ctx)
    artikelen = [(g.get("bron") or {}).get("artikel") for g in _gronden(besluit, regel)]
    assert artikel in artikelen, f"grond {regel!r} verwijst naar {artikelen!r}"


@then(parsers.parse('komt grond "{regel}" uit pakket "{pakket}" in bestand "{bestand}"'))
def grond_herkomst(ctx, regel, pakket, bestand):
    besluit = _besluit(ctx)
    herkomst = [(g.get("pakket"), g.get("bestand")) for g in _gronden(besluit, regel)]
    assert all(h == (pakket, bestand) for h in herkomst), (
        f"grond {regel!r} komt uit {herkomst!r}, verwacht ({pakket!r}, {bestand!r})"
    )


@then(parsers.parse('ontbreekt het gegeven "{pad}"'))
def ontbreekt(ctx, pad):
    besluit = _besluit(ctx)
    assert pad in (besluit.get("ontbrekende_gegevens") or []), (
        f"{pad!r} niet bij ontbrekende_gegevens\n{_uitleg(besluit)}"
    )


@then("ontbreken er geen gegevens")
def niets_ontbreekt(ctx):
    besluit = _besluit(ctx)
    assert not besluit.get("ontbrekende_gegevens"), _uitleg(besluit)


@then(parsers.parse('is er een aanname over "{tekst}"'))
def aanname(ctx, tekst):
    besluit = _besluit(ctx)
    assert any(tekst in a for a in besluit.get("aannames") or []), (
        f"geen aanname met {tekst!r}\n{_uitleg(besluit)}"
    )


@then(parsers.parse('is er geen aanname over "{tekst}"'))
def geen_aanname(ctx, tekst):
    besluit = _besluit(ctx)
    assert not any(tekst in a for a in besluit.get("aannames") or []), (
        f"onverwacht een aanname met {tekst!r}\n{_uitleg(besluit)}"
    )


@then(parsers.parse('is er een waarschuwing met "{tekst}"'))
def waarschuwing(ctx, tekst):
    besluit = _besluit(ctx)
    assert any(tekst in w for w in besluit.get("waarschuwingen") or []), (
        f"geen waarschuwing met {tekst!r}\n{_uitleg(besluit)}"
    )


@then(parsers.parse('is er geen waarschuwing met "{tekst}"'))
def geen_waarschuwing_met(ctx, tekst):
    besluit = _besluit(ctx)
    assert not any(tekst in w for w in besluit.get("waarschuwingen") or []), (
        f"onverwacht een waarschuwing met {tekst!r}\n{_uitleg(besluit)}"
    )


@then("zijn er geen waarschuwingen")
def geen_waarschuwingen(ctx):
    besluit = _besluit(ctx)
    assert not besluit.get("waarschuwingen"), _uitleg(besluit)


@then(parsers.parse('is de invoer onbruikbaar bij veld "{pad}"'))
def invoer_onbruikbaar(ctx, pad):
    fout = ctx.get("fout")
    assert fout is not None, "verwacht een InvoerFout, maar er kwam een besluit: " + (
        str(_regelingen_in(ctx["doc"])) if ctx.get("doc") else "geen"
    )
    assert fout.pad == pad, f"InvoerFout bij {fout.pad!r} in plaats van {pad!r}: {fout.bericht}"
    assert fout.bericht, "InvoerFout zonder Nederlandse melding"

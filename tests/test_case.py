"""Tests for reading and validating a case (DESIGN §4) and for the two JSON Schemas."""

from __future__ import annotations

import copy
import datetime as dt
import io
import json
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from sora_rules.case import load_case_file, load_case_text, validate_case
from sora_rules.errors import InvoerFout
from sora_rules.resources import data_root, schema_path

FULL_CASE_YAML = """\
gemeente: alkmaar
peildatum: 2026-03-01
aanvrager:
  geboortedatum: 1990-05-01
  woonplaats: alkmaar              # gemeente slug of the registered address (BRP)
  verblijfsstatus: nederlander
  in_detentie: false
  recht_op_studiefinanciering: false
  dagen_in_buitenland: 0
partner:
  geboortedatum: 1991-01-01
  verblijfsstatus: nederlander
  in_detentie: false
  recht_op_studiefinanciering: false
kinderen:
  - geboortedatum: 2015-09-01
medebewoners:
  - geboortedatum: 1960-01-01
    student_met_studiefinanciering: false
    commerciele_relatie: false
inkomsten:
  - persoon: aanvrager
    soort: arbeid
    netto_per_maand: 850.00
vermogen:
  bezittingen: 2500.00
  schulden: 0
  overwaarde_eigen_woning: 0
minima:
  maanden_laag_inkomen: 40
  laatste_iit_toekenning: 2025-01-10
  zicht_op_inkomensverbetering: false
schuldhulp:
  hulpvraag_datum: 2026-04-24
  bedreigende_situaties: [woningontruiming]
  eerdere_schuldhulp_beeindigd_op: 2022-05-01
  fraudevordering_onherroepelijk: false
  schulden_totaal: 12000
kosten:
  - omschrijving: bril
    bedrag: 150.00
    datum: 2026-02-01
"""

FULL_CASE_JSON = """\
{
  "gemeente": "alkmaar",
  "peildatum": "2026-03-01",
  "aanvrager": {"geboortedatum": "1990-05-01", "woonplaats": "alkmaar",
                "verblijfsstatus": "nederlander", "in_detentie": false,
                "recht_op_studiefinanciering": false, "dagen_in_buitenland": 0},
  "partner": {"geboortedatum": "1991-01-01", "verblijfsstatus": "nederlander",
              "in_detentie": false, "recht_op_studiefinanciering": false},
  "kinderen": [{"geboortedatum": "2015-09-01"}],
  "medebewoners": [{"geboortedatum": "1960-01-01", "student_met_studiefinanciering": false,
                    "commerciele_relatie": false}],
  "inkomsten": [{"persoon": "aanvrager", "soort": "arbeid", "netto_per_maand": 850.00}],
  "vermogen": {"bezittingen": 2500.00, "schulden": 0, "overwaarde_eigen_woning": 0},
  "minima": {"maanden_laag_inkomen": 40, "laatste_iit_toekenning": "2025-01-10",
             "zicht_op_inkomensverbetering": false},
  "schuldhulp": {"hulpvraag_datum": "2026-04-24", "bedreigende_situaties": ["woningontruiming"],
                 "eerdere_schuldhulp_beeindigd_op": "2022-05-01",
                 "fraudevordering_onherroepelijk": false, "schulden_totaal": 12000},
  "kosten": [{"omschrijving": "bril", "bedrag": 150.00, "datum": "2026-02-01"}]
}
"""


def fout(data: object) -> InvoerFout:
    """The InvoerFout validate_case raises for `data`."""
    with pytest.raises(InvoerFout) as info:
        validate_case(data)
    return info.value


def fout_yaml(text: str) -> InvoerFout:
    with pytest.raises(InvoerFout) as info:
        validate_case(load_case_text(text))
    return info.value


# ------------------------------------------------------------------ valid input


@pytest.mark.parametrize("text", [FULL_CASE_YAML, FULL_CASE_JSON], ids=["yaml", "json"])
def test_full_design_case_is_valid(text: str) -> None:
    case = validate_case(load_case_text(text))
    assert case["gemeente"] == "alkmaar"
    assert case["peildatum"] == "2026-03-01"
    assert case["aanvrager"]["geboortedatum"] == "1990-05-01"
    assert case["kinderen"] == [{"geboortedatum": "2015-09-01"}]
    assert case["schuldhulp"]["bedreigende_situaties"] == ["woningontruiming"]
    assert case["minima"]["maanden_laag_inkomen"] == 40


def test_money_becomes_exact_decimal() -> None:
    case = validate_case(load_case_text(FULL_CASE_YAML))
    amount = case["inkomsten"][0]["netto_per_maand"]
    assert isinstance(amount, Decimal)
    assert amount == Decimal("850.00")
    assert str(amount) == "850.00"
    assert isinstance(case["vermogen"]["schulden"], Decimal)
    assert case["schuldhulp"]["schulden_totaal"] == Decimal("12000")
    assert case["kosten"][0]["bedrag"] == Decimal("150.00")


def test_json_and_yaml_are_equivalent() -> None:
    from_yaml = load_case_text(FULL_CASE_YAML)
    from_json = load_case_text(FULL_CASE_JSON)
    assert from_yaml == from_json
    assert validate_case(from_yaml) == validate_case(from_json)


def test_empty_object_is_a_valid_case() -> None:
    assert validate_case({}) == {}
    assert validate_case(load_case_text("{}")) == {}


def test_unquoted_yaml_date_stays_text() -> None:
    assert load_case_text("peildatum: 2026-03-01") == {"peildatum": "2026-03-01"}


def test_validate_does_not_modify_its_input() -> None:
    data = load_case_text(FULL_CASE_YAML)
    data["vermogen"]["schulden"] = 0.5
    before = copy.deepcopy(data)
    validate_case(data)
    assert data == before


def test_library_callers_may_pass_floats_and_dates() -> None:
    case = validate_case(
        {
            "peildatum": dt.date(2026, 3, 1),
            "kosten": [{"bedrag": 149.95, "datum": dt.date(2026, 2, 1)}],
            "aanvrager": {"dagen_in_buitenland": 3.0},
        }
    )
    assert case["peildatum"] == "2026-03-01"
    assert case["kosten"][0] == {"bedrag": Decimal("149.95"), "datum": "2026-02-01"}
    assert case["aanvrager"]["dagen_in_buitenland"] == 3
    assert isinstance(case["aanvrager"]["dagen_in_buitenland"], int)


def test_money_with_trailing_zeros_beyond_cents_is_fine() -> None:
    case = validate_case(load_case_text('{"kosten": [{"bedrag": 1.500}]}'))
    assert case["kosten"][0]["bedrag"] == Decimal("1.5")


def test_woonplaats_may_be_outside_the_region() -> None:
    case = validate_case({"aanvrager": {"woonplaats": "amsterdam"}})
    assert case["aanvrager"]["woonplaats"] == "amsterdam"


# ---------------------------------------------------------------- invalid input


def test_impossible_date_names_path_and_value() -> None:
    error = fout_yaml("aanvrager:\n  geboortedatum: 1990-02-30\n")
    assert error.pad == "aanvrager.geboortedatum"
    assert error.bericht == "'1990-02-30' is geen geldige datum"
    assert str(error) == "aanvrager.geboortedatum: '1990-02-30' is geen geldige datum"


def test_quoted_impossible_date_in_json() -> None:
    error = fout(load_case_text('{"aanvrager": {"geboortedatum": "1990-02-30"}}'))
    assert str(error) == "aanvrager.geboortedatum: '1990-02-30' is geen geldige datum"


def test_date_with_trailing_newline() -> None:
    error = fout({"peildatum": "2026-03-01\n"})
    assert error.pad == "peildatum"
    assert "geen geldige datum (JJJJ-MM-DD)" in error.bericht


def test_huge_integer_from_library_caller() -> None:
    error = fout({"vermogen": {"schulden": 10**5000}})
    assert error.pad == "vermogen.schulden"
    # Issue #8: every input error names its field; the list's contents do not matter.
    error = fout({"aanvrager": [10**5000]})
    assert (error.pad, error.bericht) == ("aanvrager", "moet een object zijn")


def test_money_above_the_sanity_limit() -> None:
    error = fout({"vermogen": {"bezittingen": 10**13}})
    assert error.pad == "vermogen.bezittingen"
    assert error.bericht.startswith("mag niet groter zijn dan")


def test_badly_formatted_date() -> None:
    error = fout({"peildatum": "1-3-2026"})
    assert error.pad == "peildatum"
    assert error.bericht == "'1-3-2026' is geen geldige datum (JJJJ-MM-DD)"


def test_date_with_wrong_type() -> None:
    error = fout({"peildatum": 20260301})
    assert error.pad == "peildatum"
    assert "datum" in error.bericht


def test_path_into_list_items() -> None:
    error = fout_yaml(
        "medebewoners:\n  - geboortedatum: 1960-01-01\n  - geboortedatum: 1961-02-29\n"
    )
    assert error.pad == "medebewoners[1].geboortedatum"
    assert str(error) == "medebewoners[1].geboortedatum: '1961-02-29' is geen geldige datum"


def test_unknown_key_at_top_level() -> None:
    error = fout({"gemeente": "alkmaar", "gemeentee": "bergen"})
    assert error.pad == "gemeentee"
    assert error.bericht.startswith("onbekend veld 'gemeentee'")
    assert "gemeente" in error.bericht  # suggestion


def test_unknown_key_nested() -> None:
    error = fout_yaml("aanvrager:\n  geboortedatun: 1990-01-01\n")
    assert error.pad == "aanvrager.geboortedatun"
    assert str(error).startswith("aanvrager.geboortedatun: onbekend veld")
    assert "'geboortedatum'" in error.bericht


def test_unknown_key_in_list_item() -> None:
    error = fout({"kosten": [{"bedrag": 1}, {"bedrag": 2, "btw": 0}]})
    assert error.pad == "kosten[1].btw"
    assert error.bericht.startswith("onbekend veld 'btw'")


def test_duplicate_key_in_yaml() -> None:
    with pytest.raises(InvoerFout) as info:
        load_case_text("gemeente: alkmaar\ngemeente: bergen\n", bron="casus.yaml")
    assert str(info.value) == "casus.yaml:2:1: veld 'gemeente' komt meer dan eens voor"


def test_duplicate_key_nested_in_yaml() -> None:
    with pytest.raises(InvoerFout, match="casus.yaml:3:3: veld 'in_detentie'"):
        load_case_text("aanvrager:\n  in_detentie: false\n  in_detentie: true\n", bron="casus.yaml")


def test_duplicate_key_in_json() -> None:
    with pytest.raises(InvoerFout, match="veld 'gemeente' komt meer dan eens voor"):
        load_case_text('{"gemeente": "alkmaar", "gemeente": "bergen"}')


def test_yaml_merge_key_may_override() -> None:
    text = "b:\n  <<: {x: 1, y: 1}\n  x: 2\n"
    assert load_case_text(text)["b"] == {"x": 2, "y": 1}


def test_yaml_aliases_are_refused() -> None:
    # a few nested aliases would otherwise expand to a billion elements
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 9)]
    lines.append("aanvrager: *a8")
    with pytest.raises(InvoerFout, match=r"casus.yaml:2:\d+: verwijzing '\*a0'"):
        load_case_text("\n".join(lines), bron="casus.yaml")


def test_negative_money() -> None:
    error = fout_yaml("vermogen:\n  schulden: -10.00\n")
    assert error.pad == "vermogen.schulden"
    assert error.bericht == "mag niet negatief zijn"


def test_money_with_three_decimals() -> None:
    error = fout_yaml("inkomsten:\n  - netto_per_maand: 850.123\n")
    assert error.pad == "inkomsten[0].netto_per_maand"
    assert "850.123" in error.bericht
    assert "2 decimalen" in error.bericht


def test_float_money_with_binary_noise_is_rejected() -> None:
    error = fout({"kosten": [{"bedrag": 0.1 + 0.2}]})
    assert error.pad == "kosten[0].bedrag"
    assert "2 decimalen" in error.bericht


def test_wrong_enum_value() -> None:
    error = fout_yaml("aanvrager:\n  verblijfsstatus: toerist\n")
    assert error.pad == "aanvrager.verblijfsstatus"
    assert error.bericht == (
        "'toerist' is geen geldige waarde; kies uit: "
        "nederlander, eu_burger, verblijfsvergunning, geen"
    )


def test_unknown_gemeente() -> None:
    error = fout({"gemeente": "amsterdam"})
    assert error.pad == "gemeente"
    assert error.bericht.startswith("'amsterdam' is geen geldige waarde; kies uit: alkmaar,")


def test_wrong_enum_in_list() -> None:
    error = fout({"schuldhulp": {"bedreigende_situaties": ["woningontruiming", "brand"]}})
    assert error.pad == "schuldhulp.bedreigende_situaties[1]"


@pytest.mark.parametrize(
    ("data", "pad", "bericht"),
    [
        ({"vermogen": {"schulden": "veel"}}, "vermogen.schulden", "moet een getal zijn"),
        ({"vermogen": {"schulden": True}}, "vermogen.schulden", "moet een getal zijn"),
        ({"kosten": [{"omschrijving": 3}]}, "kosten[0].omschrijving", "moet tekst zijn"),
        (
            {"aanvrager": {"in_detentie": "nee"}},
            "aanvrager.in_detentie",
            "moet ja/nee (true/false) zijn",
        ),
        ({"kinderen": {"geboortedatum": "2015-01-01"}}, "kinderen", "moet een lijst zijn"),
        ({"partner": "ja"}, "partner", "moet een object zijn"),
        ([], "", "moet een object zijn"),
        (
            {"aanvrager": {"dagen_in_buitenland": 400}},
            "aanvrager.dagen_in_buitenland",
            "mag niet groter zijn dan 366",
        ),
        (
            {"minima": {"maanden_laag_inkomen": -1}},
            "minima.maanden_laag_inkomen",
            "mag niet negatief zijn",
        ),
    ],
)
def test_wrong_types_in_dutch(data: object, pad: str, bericht: str) -> None:
    error = fout(data)
    assert (error.pad, error.bericht) == (pad, bericht)


def test_first_error_by_path_is_reported() -> None:
    data = {
        "vermogen": {"schulden": -1},
        "aanvrager": {"geboortedatum": "1990-02-30", "verblijfsstatus": "x"},
    }
    error = fout(data)
    assert error.pad == "aanvrager.geboortedatum"
    # and deterministically so
    assert all(str(fout(data)) == str(error) for _ in range(3))


def test_null_value_is_explained() -> None:
    error = fout_yaml("aanvrager:\n  geboortedatum:\n")
    assert error.pad == "aanvrager.geboortedatum"
    assert "geen waarde" in error.bericht


@pytest.mark.parametrize("text", ["x: 010", "x: 1:30", "x: .nan", "x: -.inf", '{"x": NaN}'])
def test_ambiguous_or_non_finite_numbers_are_refused(text: str) -> None:
    with pytest.raises(InvoerFout, match="getal"):
        load_case_text(text)


@pytest.mark.parametrize("text", ["", "# alleen commentaar\n", "[1, 2]", "tekst", "x: ["])
def test_unusable_text(text: str) -> None:
    with pytest.raises(InvoerFout) as info:
        load_case_text(text, bron="casus.yaml")
    assert info.value.pad == ""
    assert str(info.value).startswith("casus.yaml")


def test_yaml_syntax_error_has_line_and_column() -> None:
    with pytest.raises(InvoerFout, match=r"^casus.yaml:2:\d+: ongeldige YAML"):
        load_case_text("a: 1\n b: [\n", bron="casus.yaml")


def test_python_tags_are_refused() -> None:
    with pytest.raises(InvoerFout):
        load_case_text("x: !!python/object/apply:os.system ['true']")


# ---------------------------------------------------------------------- files


def test_load_case_file(tmp_path: Path) -> None:
    path = tmp_path / "casus.yaml"
    path.write_text(FULL_CASE_YAML, encoding="utf-8")
    assert load_case_file(str(path)) == load_case_text(FULL_CASE_YAML)


def test_load_case_file_with_bom(tmp_path: Path) -> None:
    path = tmp_path / "casus.json"
    path.write_bytes(b"\xef\xbb\xbf" + FULL_CASE_JSON.encode())
    assert load_case_file(path) == load_case_text(FULL_CASE_JSON)


def test_missing_file(tmp_path: Path) -> None:
    missing = tmp_path / "bestaat-niet.yaml"
    with pytest.raises(InvoerFout) as info:
        load_case_file(str(missing))
    assert str(missing) in str(info.value)
    assert "niet gevonden" in str(info.value)


def test_directory_is_not_a_case(tmp_path: Path) -> None:
    with pytest.raises(InvoerFout, match="map"):
        load_case_file(str(tmp_path))


def test_file_that_is_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "casus.yaml"
    path.write_bytes(b"gemeente: \xff\xfe\n")
    with pytest.raises(InvoerFout, match="UTF-8"):
        load_case_file(str(path))


def test_error_location_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "casus.yaml"
    path.write_text("a: 1\na: 2\n", encoding="utf-8")
    with pytest.raises(InvoerFout, match=f"^{path}:2:1: "):
        load_case_file(str(path))


def test_dash_reads_standard_input(monkeypatch: pytest.MonkeyPatch) -> None:
    stdin = io.TextIOWrapper(io.BytesIO(FULL_CASE_JSON.encode()), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", stdin)
    assert load_case_file("-") == load_case_text(FULL_CASE_JSON)


# -------------------------------------------------------------------- schemas


def test_resources_point_at_the_checkout() -> None:
    assert (data_root() / "specs" / "case.schema.json").is_file()
    assert schema_path("case.schema.json").is_file()
    assert schema_path("decision.schema.json").is_file()


@pytest.mark.parametrize("name", ["case.schema.json", "decision.schema.json"])
def test_schemas_are_valid_draft_2020_12(name: str) -> None:
    schema = json.loads(schema_path(name).read_text(encoding="utf-8"))
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    Draft202012Validator.check_schema(schema)


def _decision_validator() -> Draft202012Validator:
    schema = json.loads(schema_path("decision.schema.json").read_text(encoding="utf-8"))
    return Draft202012Validator(schema)


def _design_decision() -> dict[str, Any]:
    return {
        "gemeente": "alkmaar",
        "peildatum": "2026-03-01",
        "regelset": {"versie": "sha256:" + "ab" * 32, "pluspakket": "alkmaar"},
        "besluiten": [
            {
                "regeling": "algemene_bijstand",
                "naam": "Algemene bijstand",
                "pakket": "basis",
                "uitkomst": "toegekend",
                "bedrag": {"per_maand": 1001.07, "norm": 1001.07, "waarvan_vakantietoeslag": 48.05},
                "termijnen": {},
                "gronden": [
                    {
                        "regel": "pw.kostendelersnorm",
                        "voldaan": True,
                        "tekst": "U deelt uw woning met 1 kostendelende medebewoner.",
                        "bron": {
                            "regeling": "Participatiewet",
                            "artikel": "22a",
                            "url": "https://wetten.overheid.nl/BWBR0015703/2026-01-01",
                        },
                        "bestand": "rules/participatiewet/algemene_bijstand.yaml",
                        "pakket": "basis",
                    }
                ],
                "ontbrekende_gegevens": [],
                "aannames": ["aanvrager.in_detentie niet opgegeven: aangenomen 'nee'"],
                "waarschuwingen": [],
            }
        ],
        "rechtsmiddelen": "Bent u het niet eens met dit besluit? … binnen zes weken …",
    }


def test_design_decision_example_is_valid() -> None:
    assert list(_decision_validator().iter_errors(_design_decision())) == []


def test_rejection_needs_an_unmet_ground() -> None:
    decision = _design_decision()
    besluit = decision["besluiten"][0]
    besluit["uitkomst"] = "afgewezen"
    assert list(_decision_validator().iter_errors(decision))
    besluit["gronden"].append(
        {
            "regel": "pw.vermogen",
            "voldaan": False,
            "tekst": "Uw vermogen is hoger dan de grens.",
            "bron": {"regeling": "Participatiewet", "artikel": "34"},
        }
    )
    assert list(_decision_validator().iter_errors(decision)) == []


@pytest.mark.parametrize(
    "change",
    [
        lambda d: d["regelset"].update(versie="sha256:abc"),
        lambda d: d["besluiten"][0].update(uitkomst="misschien"),
        lambda d: d["besluiten"][0]["bedrag"].update(totaal=1),
        lambda d: d["besluiten"][0]["termijnen"].update(eerste_gesprek_uiterlijk="30-04-2026"),
        lambda d: d["besluiten"][0]["gronden"][0]["bron"].pop("artikel"),
        lambda d: d["besluiten"][0].update(uitkomst="onvoldoende_gegevens"),
        lambda d: d.pop("rechtsmiddelen"),
    ],
)
def test_decision_schema_rejects(change: Any) -> None:
    decision = _design_decision()
    change(decision)
    assert list(_decision_validator().iter_errors(decision))


# ---------------------------------------------------------- property tests

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

KNOWN_KEYS = [
    "gemeente", "peildatum", "aanvrager", "partner", "kinderen", "medebewoners",
    "inkomsten", "vermogen", "minima", "schuldhulp", "kosten", "geboortedatum",
    "woonplaats", "verblijfsstatus", "in_detentie", "dagen_in_buitenland", "persoon",
    "soort", "netto_per_maand", "bezittingen", "schulden", "bedrag", "datum",
    "bedreigende_situaties", "maanden_laag_inkomen",
]  # fmt: skip

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.decimals(allow_nan=True, allow_infinity=True),
    st.text(max_size=20),
    st.sampled_from(["alkmaar", "1990-02-30", "2024-02-29", "nederlander", "arbeid"]),
    st.dates(),
)
json_like = st.recursive(
    scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.dictionaries(
            st.one_of(st.sampled_from(KNOWN_KEYS), st.text(max_size=8)), children, max_size=5
        ),
    ),
    max_leaves=25,
)


@SETTINGS
@given(json_like)
def test_validate_only_ever_raises_invoerfout(data: object) -> None:
    try:
        result = validate_case(data)
    except InvoerFout as error:
        assert isinstance(error.pad, str)
        assert error.bericht
    else:
        assert isinstance(result, dict)


yaml_ish = st.one_of(
    st.text(max_size=80),
    st.text(alphabet="{}[]:,-'\"#&*!|>%@ \n\tab019.e_", max_size=60),
    st.lists(
        st.tuples(
            st.sampled_from(KNOWN_KEYS), st.sampled_from(["", " ", "  "]), st.text(max_size=12)
        ),
        max_size=5,
    ).map(lambda rows: "".join(f"{ind}{k}: {v}\n" for k, ind, v in rows)),
)


@SETTINGS
@given(yaml_ish)
def test_load_text_returns_dict_or_raises_invoerfout(text: str) -> None:
    try:
        data = load_case_text(text)
    except InvoerFout:
        return
    assert isinstance(data, dict)
    try:
        validate_case(data)
    except InvoerFout:
        pass


# Valid cases, built from the parts of the contract.
dates = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)).map(
    dt.date.isoformat
)
money = st.one_of(
    st.decimals(min_value=0, max_value=10**7, places=2),
    st.integers(min_value=0, max_value=10**7),
    st.integers(min_value=0, max_value=10**9).map(lambda cents: cents / 100),
)
booleans = st.booleans()
gemeenten = st.sampled_from(
    ["alkmaar", "bergen", "castricum", "dijk-en-waard", "heiloo", "uitgeest"]
)
statussen = st.sampled_from(["nederlander", "eu_burger", "verblijfsvergunning", "geen"])
dagen = st.integers(min_value=0, max_value=366)


def optional(**fields: st.SearchStrategy[Any]) -> st.SearchStrategy[dict[str, Any]]:
    return st.fixed_dictionaries({}, optional=fields)


valid_cases = optional(
    gemeente=gemeenten,
    peildatum=dates,
    aanvrager=optional(
        geboortedatum=dates,
        woonplaats=st.one_of(gemeenten, st.from_regex(r"\A[a-z][a-z0-9-]{0,15}\Z")),
        verblijfsstatus=statussen,
        in_detentie=booleans,
        recht_op_studiefinanciering=booleans,
        dagen_in_buitenland=dagen,
    ),
    partner=optional(
        geboortedatum=dates,
        verblijfsstatus=statussen,
        in_detentie=booleans,
        recht_op_studiefinanciering=booleans,
        dagen_in_buitenland=dagen,
    ),
    kinderen=st.lists(optional(geboortedatum=dates), max_size=3),
    medebewoners=st.lists(
        optional(
            geboortedatum=dates,
            student_met_studiefinanciering=booleans,
            commerciele_relatie=booleans,
        ),
        max_size=3,
    ),
    inkomsten=st.lists(
        optional(
            persoon=st.sampled_from(["aanvrager", "partner"]),
            soort=st.sampled_from(
                [
                    "arbeid",
                    "uitkering",
                    "pensioen",
                    "alimentatie",
                    "zorgtoeslag",
                    "huurtoeslag",
                    "kindgebonden_budget",
                    "kinderbijslag",
                    "overig",
                ]
            ),
            netto_per_maand=money,
        ),
        max_size=3,
    ),
    vermogen=optional(bezittingen=money, schulden=money, overwaarde_eigen_woning=money),
    minima=optional(
        maanden_laag_inkomen=st.integers(min_value=0, max_value=600),
        laatste_iit_toekenning=dates,
        zicht_op_inkomensverbetering=booleans,
    ),
    schuldhulp=optional(
        hulpvraag_datum=dates,
        bedreigende_situaties=st.lists(
            st.sampled_from(
                [
                    "woningontruiming",
                    "afsluiting_energie",
                    "afsluiting_water",
                    "beeindiging_zorgverzekering",
                ]
            ),
            unique=True,
        ),
        eerdere_schuldhulp_beeindigd_op=dates,
        fraudevordering_onherroepelijk=booleans,
        schulden_totaal=money,
    ),
    kosten=st.lists(
        # Issue #8: text holds no control characters (category Cc) or lone surrogates (Cs).
        optional(omschrijving=st.text(st.characters(exclude_categories=("Cc", "Cs")),
                                      max_size=20), bedrag=money, datum=dates), max_size=3
    ),
)


def _exact(value: Any) -> Any:
    """`value` with floats as the Decimal of their shortest repr (as validate_case does)."""
    if isinstance(value, dict):
        return {key: _exact(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_exact(item) for item in value]
    if isinstance(value, float):
        return Decimal(repr(value))
    return value


def _json_default(value: object) -> object:
    if isinstance(value, Decimal):
        return float(value)
    raise TypeError(value)


@SETTINGS
@given(valid_cases)
def test_generated_valid_cases_pass(data: dict[str, Any]) -> None:
    result = validate_case(data)
    assert result == _exact(data)  # same values; floats and ints became Decimal
    for inkomen in result.get("inkomsten", []):
        if "netto_per_maand" in inkomen:
            assert isinstance(inkomen["netto_per_maand"], Decimal)
    # and the same case survives a trip through JSON text
    text = json.dumps(data, default=_json_default)
    assert validate_case(load_case_text(text)) == result

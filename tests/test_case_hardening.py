"""Issue #8: bad case input gives a Dutch error naming its field (exit 2), or a correct
decision; never exit 1, a hang or a silent change. One section per class of input."""

from __future__ import annotations

import copy
import datetime as dt
import json
import subprocess
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sora_rules import Engine, InvoerFout
from sora_rules.case import load_case_file, load_case_text
from sora_rules.explain import vul
from sora_rules.facts import add_months
from sora_rules.resources import schema_path

ROOT = Path(__file__).resolve().parents[1]
SORA = ROOT / ".venv" / "bin" / "sora-rules"

BASE: dict[str, Any] = {
    "gemeente": "alkmaar",
    "peildatum": "2026-03-01",
    "aanvrager": {"geboortedatum": "1990-05-01", "woonplaats": "alkmaar",
                  "verblijfsstatus": "nederlander"},
    "inkomsten": [],
    "vermogen": {"bezittingen": 0, "schulden": 0},
}


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine()


def case(**changes: Any) -> dict[str, Any]:
    """BASE with `a__b=value` changes (a `None` value deletes the key)."""
    result = copy.deepcopy(BASE)
    for key, value in changes.items():
        *parents, last = key.split("__")
        node = result
        for part in parents:
            node = node.setdefault(part, {})
        if value is None:
            node.pop(last, None)
        else:
            node[last] = value
    return result


def fout(engine: Engine, data: Any, **kwargs: Any) -> InvoerFout:
    with pytest.raises(InvoerFout) as info:
        engine.evaluate(data, **kwargs)
    error = info.value
    str(error).encode("utf-8")  # always printable
    return error


def cli(tmp_path: Path, text: str, name: str = "casus.json",
        *args: str | bytes) -> subprocess.CompletedProcess[bytes]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    command = [str(SORA)] if SORA.exists() else [sys.executable, "-m", "sora_rules"]
    return subprocess.run([*command, "evaluate", str(path), "--format", "json", *args],
                          capture_output=True, timeout=60)


def assert_exit2(result: subprocess.CompletedProcess[bytes], pad: str) -> str:
    stderr = result.stderr.decode("utf-8")
    assert result.returncode == 2, stderr
    assert stderr.startswith(f"fout: {pad}:"), stderr
    assert "Traceback" not in stderr
    return stderr


# ------------------------------------------------------------ 1. dates out of range


@pytest.mark.parametrize(("changes", "pad"), [
    ({"aanvrager__geboortedatum": "9999-12-31"}, "aanvrager.geboortedatum"),
    ({"aanvrager__geboortedatum": "9933-01-01"}, "aanvrager.geboortedatum"),
    ({"schuldhulp": {"hulpvraag_datum": "9933-01-01"}}, "schuldhulp.hulpvraag_datum"),
    ({"partner": {"geboortedatum": "0001-01-01"}}, "partner.geboortedatum"),
    ({"kinderen": [{"geboortedatum": "1899-12-31"}]}, "kinderen[0].geboortedatum"),
    ({"kosten": [{"bedrag": 1, "datum": "9999-12-31"}]}, "kosten[0].datum"),
    ({"peildatum": "9999-12-31"}, "peildatum"),
])
def test_date_out_of_range_is_refused(engine: Engine, changes: dict[str, Any], pad: str) -> None:
    error = fout(engine, case(**changes))
    assert error.pad == pad
    assert "ligt niet tussen 1900-01-01 en 2100-12-31" in error.bericht


def test_peildatum_argument_out_of_range(engine: Engine) -> None:
    for peildatum in ("9999-12-31", dt.date(9999, 12, 31), "1800-01-01"):
        assert fout(engine, BASE, peildatum=peildatum).pad == "peildatum"


def test_add_months_never_loops() -> None:
    assert add_months(dt.date(2024, 1, 31), 1) == dt.date(2024, 2, 29)
    assert add_months(dt.date(2023, 3, 31), -1) == dt.date(2023, 2, 28)
    assert add_months(dt.date(9999, 11, 30), 1) == dt.date(9999, 12, 30)
    with pytest.raises(OverflowError):
        add_months(dt.date(9999, 12, 31), 804)


@pytest.mark.parametrize(("datum", "deel"), [
    ("2027-03-02", "meer dan 1 jaar na"), ("2016-02-29", "meer dan 10 jaar voor")])
def test_request_date_far_from_peildatum(engine: Engine, datum: str, deel: str) -> None:
    error = fout(engine, case(schuldhulp={"hulpvraag_datum": datum}))
    assert error.pad == "schuldhulp.hulpvraag_datum"
    assert deel in error.bericht


def test_request_date_near_peildatum_is_decided(engine: Engine) -> None:
    for datum in ("2027-03-01", "2016-03-01"):
        engine.evaluate(case(schuldhulp={"hulpvraag_datum": datum}))


def test_cli_far_dates(tmp_path: Path) -> None:
    assert_exit2(cli(tmp_path, json.dumps(case(aanvrager__geboortedatum="9999-12-31"))),
                 "aanvrager.geboortedatum")
    assert_exit2(cli(tmp_path, json.dumps(BASE), "casus.json", "--peildatum", "9999-12-31"),
                 "peildatum")


# ------------------------------------------------------- 2. unprintable characters


@pytest.mark.parametrize("tekst", ["\ud800", "bril\x00", "a\nb", "\x7f", "\x85", "\udcff"])
def test_unprintable_text_is_refused(engine: Engine, tekst: str) -> None:
    error = fout(engine, case(kosten=[{"omschrijving": tekst, "bedrag": 1,
                                       "datum": "2026-02-01"}]))
    assert error.pad == "kosten[0].omschrijving"
    assert "ongeldig teken" in error.bericht


def test_unknown_key_with_a_surrogate_gives_a_printable_error(engine: Engine) -> None:
    error = fout(engine, case(**{"aanvrager__x\ud800": 1}))
    assert error.pad == "aanvrager.x\\ud800"
    assert "onbekend veld" in error.bericht


def test_ordinary_unicode_is_fine(engine: Engine) -> None:
    besluit = engine.evaluate(case(kosten=[{"omschrijving": "brïl é € 😀 ß", "bedrag": 150,
                                            "datum": "2026-02-01"}]))
    assert "brïl é € 😀 ß" in besluit.to_json()
    besluit.to_json().encode("utf-8")
    besluit.to_text().encode("utf-8")


def test_cli_unprintable(tmp_path: Path) -> None:
    text = json.dumps(case(kosten=[{"omschrijving": "\ud800", "bedrag": 1}]))
    assert_exit2(cli(tmp_path, text), "kosten[0].omschrijving")
    text = json.dumps(case(**{"aanvrager__\ud800": 1}))
    assert_exit2(cli(tmp_path, text), "aanvrager.\\ud800")
    # a command-line value that is no valid UTF-8 (arrives as a lone surrogate)
    assert_exit2(cli(tmp_path, json.dumps(BASE), "casus.json", "--gemeente", b"alk\xffmaar"),
                 "gemeente")


# ------------------------------------------------------ 3. deep nesting and size


def _deep_dict(depth: int) -> dict[str, Any]:
    root = node = {}
    for _ in range(depth):
        node["x"] = {}
        node = node["x"]
    return root


@pytest.mark.parametrize(("text", "pad"), [
    ('{"gemeente": "alkmaar", "aanvrager": ' + '{"x": ' * 1000 + "1" + "}" * 1001,
     "aanvrager.x"),
    ('{"gemeente": "alkmaar", "kinderen": ' + "[" * 1000 + "]" * 1000 + "}", "kinderen[0]"),
    ("gemeente: alkmaar\nkinderen: " + "[" * 1000 + "]" * 1000 + "\n", "kinderen[0]"),
    ("gemeente: alkmaar\naanvrager:\n" + "".join(" " * (i + 1) + "x:\n" for i in range(1000))
     + " " * 1001 + "1\n", "aanvrager.x"),
    ("gemeente: alkmaar\nvermogen:\n  schulden: " + "9" * 5000 + "\n", "vermogen.schulden"),
], ids=["json-object", "json-list", "yaml-flow", "yaml-block", "yaml-long-int"])
def test_deep_text_names_the_field(engine: Engine, text: str, pad: str) -> None:
    assert fout(engine, load_case_text(text)).pad == pad


def test_deep_or_cyclic_python_data_names_the_field(engine: Engine) -> None:
    assert fout(engine, case(aanvrager__x=_deep_dict(10_000))).pad == "aanvrager.x"
    cyclic: dict[str, Any] = {}
    cyclic["x"] = cyclic
    assert fout(engine, case(aanvrager__x=cyclic)).pad == "aanvrager.x"
    loop: list[Any] = []
    loop.append(loop)
    assert fout(engine, case(kinderen=loop)).pad == "kinderen[0]"


def test_input_size_is_capped(tmp_path: Path) -> None:
    text = json.dumps(case(kosten=[{"omschrijving": "x" * 1_000_001}]))
    with pytest.raises(InvoerFout, match="te groot"):
        load_case_text(text)
    stderr = assert_exit2(cli(tmp_path, text), str(tmp_path / "casus.json"))
    assert "te groot" in stderr


def test_cli_deep_nesting(tmp_path: Path) -> None:
    text = '{"gemeente": "alkmaar", "aanvrager": ' + '{"x": ' * 1000 + "1" + "}" * 1001
    assert_exit2(cli(tmp_path, text), "aanvrager.x")


# --------------------------------------------------------- 4. impossible households


def test_adult_child_is_refused(engine: Engine) -> None:
    error = fout(engine, case(kinderen=[{"geboortedatum": "2007-01-01"}]))
    assert error.pad == "kinderen[0].geboortedatum"
    assert "19 jaar" in error.bericht and "medebewoners" in error.bericht


def test_child_of_18_or_younger_is_decided(engine: Engine) -> None:
    # The specs decide on a child of exactly 18 under kinderen (Leergeld "tot en met 18").
    engine.evaluate(case(kinderen=[{"geboortedatum": "2008-03-01"},
                                   {"geboortedatum": "2026-03-01"}]))


@pytest.mark.parametrize("changes, pad", [
    ({"aanvrager__geboortedatum": "2030-01-01"}, "aanvrager.geboortedatum"),
    ({"partner": {"geboortedatum": "2026-03-02"}}, "partner.geboortedatum"),
    ({"kinderen": [{"geboortedatum": "2027-01-01"}]}, "kinderen[0].geboortedatum"),
    ({"medebewoners": [{"geboortedatum": "1960-01-01"}, {"geboortedatum": "2026-04-01"}]},
     "medebewoners[1].geboortedatum"),
    ({"minima": {"laatste_iit_toekenning": "2026-06-01"}}, "minima.laatste_iit_toekenning"),
    ({"schuldhulp": {"hulpvraag_datum": "2026-03-01",
                     "eerdere_schuldhulp_beeindigd_op": "2026-05-01"}},
     "schuldhulp.eerdere_schuldhulp_beeindigd_op"),
])
def test_born_after_peildatum_is_refused(engine: Engine, changes: dict[str, Any],
                                         pad: str) -> None:
    error = fout(engine, case(**changes))
    assert error.pad == pad
    assert "ligt na" in error.bericht


def test_cli_adult_child(tmp_path: Path) -> None:
    stderr = assert_exit2(cli(tmp_path, json.dumps(case(kinderen=[{"geboortedatum":
                                                                   "2007-01-01"}]))),
                          "kinderen[0].geboortedatum")
    assert "medebewoners" in stderr


# -------------------------------------------------------- 5. user text is no template


def test_vul_is_a_single_pass() -> None:
    assert vul("{a} en {b}", a="{b}", b="x") == "{b} en x"
    assert vul("{a} {onbekend}", a="1") == "1 {onbekend}"


def test_kosten_omschrijving_stays_verbatim(engine: Engine) -> None:
    omschrijving = "bril {kosten} {gemeente.naam}"
    data = case(kosten=[{"omschrijving": omschrijving, "bedrag": 150, "datum": "2026-02-01"}])
    beslissing = engine.evaluate(data, gemeente="alkmaar", peildatum="2026-03-01")
    besluit = next(b for b in beslissing.besluiten if b.regeling == "bijzondere_bijstand")
    assert any(g.tekst.startswith(omschrijving + " (") for g in besluit.gronden)


# ------------------------------------------------------------ 6. money in JSON


def _money_maximum() -> Decimal:
    schema = json.loads(Path(schema_path("case.schema.json")).read_text(encoding="utf-8"))
    return Decimal(schema["$defs"]["geld"]["maximum"])


@settings(max_examples=500, deadline=None)
@given(st.decimals(min_value=0, max_value=100 * _money_maximum(), places=2))
def test_every_allowed_amount_and_sum_survives_json(amount: Decimal) -> None:
    """Up to 100 items at the schema maximum: JSON's float reads back as the same cents."""
    assert Decimal(repr(float(amount))) == amount


def test_amount_above_the_maximum_is_refused(engine: Engine) -> None:
    error = fout(engine, case(kosten=[{"bedrag": 999_999_999_999.99}]))
    assert error.pad == "kosten[0].bedrag"
    too_many = [{"bedrag": 1, "datum": "2026-02-01"}] * 101
    assert fout(engine, case(kosten=too_many)).pad == "kosten"


def test_largest_amounts_are_exact_in_json(engine: Engine) -> None:
    grootste = _money_maximum() - Decimal("0.01")
    kosten = [{"omschrijving": f"post {i}", "bedrag": grootste, "datum": "2026-02-01"}
              for i in range(100)]
    beslissing = engine.evaluate(case(kosten=kosten))
    doc = json.loads(beslissing.to_json(), parse_float=Decimal)
    besluit = next(b for b in beslissing.besluiten if b.regeling == "bijzondere_bijstand")
    assert besluit.bedrag["eenmalig"] > 99_999_999_000
    for uit, besluit in zip(doc["besluiten"], beslissing.besluiten, strict=True):
        assert {k: Decimal(v) for k, v in uit["bedrag"].items()} == besluit.bedrag


# ------------------------------------------------------ 7. JSON is JSON; comma decimals


def test_json_file_with_trailing_comma_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "casus.json"
    path.write_text('{"gemeente": "alkmaar",\n "peildatum": "2026-03-01",\n}', encoding="utf-8")
    with pytest.raises(InvoerFout, match=r"casus.json:3:1: ongeldige JSON: .*komma"):
        load_case_file(path)
    assert_exit2(cli(tmp_path, path.read_text()), f"{path}:3:1")


def test_comma_decimal_in_json(tmp_path: Path) -> None:
    text = '{"inkomsten": [{"soort": "arbeid", "netto_per_maand": 850,50}]}'
    for formaat in ("json", None):
        with pytest.raises(InvoerFout, match="gebruik een punt als decimaalteken: 850.50"):
            load_case_text(text, "casus.json", formaat)
    stderr = assert_exit2(cli(tmp_path, text), str(tmp_path / "casus.json") + ":1")
    assert "850.50" in stderr


def test_comma_decimal_in_yaml(engine: Engine) -> None:
    data = load_case_text("inkomsten:\n  - netto_per_maand: 1.234,56\n", "casus.yaml")
    error = fout(engine, data)
    assert error.pad == "inkomsten[0].netto_per_maand"
    assert error.bericht == "moet een getal zijn; gebruik een punt als decimaalteken: 1234.56"


def test_yaml_and_auto_detection_still_work(tmp_path: Path) -> None:
    assert load_case_text("gemeente: alkmaar\n") == {"gemeente": "alkmaar"}
    assert load_case_text("gemeente: alkmaar\n", "x", "yaml") == {"gemeente": "alkmaar"}
    path = tmp_path / "casus.yml"
    path.write_text('{"gemeente": "alkmaar"}', encoding="utf-8")
    assert load_case_file(path) == {"gemeente": "alkmaar"}


# ------------------------------------------------------------------ 8. woonplaats


@pytest.mark.parametrize(("woonplaats", "bedoeld"), [("heilo", "heiloo"),
                                                     ("bergen-nh", "bergen")])
def test_near_miss_woonplaats_is_refused(engine: Engine, woonplaats: str, bedoeld: str) -> None:
    error = fout(engine, case(aanvrager__woonplaats=woonplaats))
    assert error.pad == "aanvrager.woonplaats"
    assert f"bedoelt u '{bedoeld}'?" in error.bericht


def test_woonplaats_outside_the_region_is_an_aanname(engine: Engine) -> None:
    beslissing = engine.evaluate(case(aanvrager__woonplaats="amsterdam",
                                      kosten=[{"bedrag": 100, "datum": "2026-02-01"}]))
    aanname = ("aanvrager.woonplaats 'amsterdam' is geen gemeente van de regio Alkmaar; "
               "aangenomen dat de aanvrager daar woont")
    woonplaats_besluiten = [b for b in beslissing.besluiten
                            if any(g.regel.endswith(".woonplaats") for g in b.gronden)]
    assert len(woonplaats_besluiten) >= 3
    for besluit in woonplaats_besluiten:
        assert aanname in besluit.aannames, besluit.regeling
    assert all(aanname not in b.aannames for b in engine.evaluate(BASE).besluiten)


def test_cli_near_miss_woonplaats(tmp_path: Path) -> None:
    stderr = assert_exit2(cli(tmp_path, json.dumps(case(aanvrager__woonplaats="heilo"))),
                          "aanvrager.woonplaats")
    assert "bedoelt u 'heiloo'?" in stderr

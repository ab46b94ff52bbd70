"""Issue #8, property-based: a mutated valid case gives a valid decision or an
`InvoerFout` naming the field, never another exception (library and CLI).

Mutations start from the cases in voorbeelden/ and set random values of random types
at random paths, delete keys, add unknown keys, and put in extreme dates, huge
numbers, odd strings and deep nesting.
"""

from __future__ import annotations

import copy
import json
import subprocess
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from decision_schema import assert_valid_decision
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sora_rules import Engine, InvoerFout
from sora_rules.case import load_case_file

ROOT = Path(__file__).resolve().parents[1]
SORA = ROOT / ".venv" / "bin" / "sora-rules"
VOORBEELDEN = [load_case_file(p) for p in sorted((ROOT / "voorbeelden").glob("*.*"))]
ENGINE = Engine()

EXTREME_DATES = ["9999-12-31", "0001-01-01", "1899-12-31", "2101-01-01", "1900-01-01",
                 "2100-12-31", "2026-02-29", "2024-02-29", "2026-03-02", "2008-03-01"]
scalars = st.one_of(
    st.none(), st.booleans(),
    st.integers(), st.integers(12, 5000).map(lambda exponent: 10**exponent + 7),
    st.floats(), st.decimals(), st.decimals(min_value=0, max_value=10**9, places=2),
    st.text(max_size=12), st.text(st.characters(codec=None), max_size=6),
    st.sampled_from(["\ud800", "a\x00", "{kosten}", "850,50", "heilo", "amsterdam",
                     "alkmaar", "bergen-nh", "x" * 600]),
    st.sampled_from(EXTREME_DATES), st.dates().map(str),
)
values = st.recursive(scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=6), inner, max_size=3)),
    max_leaves=8)


def deep(depth: int, kind: str) -> Any:
    node: Any = 1
    for _ in range(depth):
        node = [node] if kind == "list" else {"x": node}
    return node


def paths(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every path into `node` (dict keys and list indexes), the root included."""
    found = [prefix]
    if isinstance(node, dict):
        for key, item in node.items():
            found += paths(item, (*prefix, key))
    elif isinstance(node, list):
        for index, item in enumerate(node):
            found += paths(item, (*prefix, index))
    return found


@st.composite
def mutated_cases(draw: st.DrawFn) -> tuple[Any, bool]:
    """A voorbeeld with 1–3 mutations; and whether the root itself was replaced."""
    data: Any = copy.deepcopy(draw(st.sampled_from(VOORBEELDEN)))
    root_replaced = False
    for _ in range(draw(st.integers(1, 3))):
        path = draw(st.sampled_from(paths(data)))
        kind = draw(st.sampled_from(["value", "delete", "unknown", "date", "deep"]))
        value = {"value": values, "unknown": values, "date": st.sampled_from(EXTREME_DATES),
                 "delete": st.none(),
                 "deep": st.builds(deep, st.integers(1, 1200), st.sampled_from(["list", "dict"]))
                 }[kind]
        new = draw(value)
        if not path:
            if kind == "value":
                data, root_replaced = new, True
            continue
        *parents, last = path
        parent = data
        for part in parents:
            parent = parent[part]
        if kind == "delete" and isinstance(parent, dict):
            del parent[last]
        elif kind == "unknown" and isinstance(parent[last], dict):
            parent[last][draw(st.text(min_size=1, max_size=8))] = new
        else:
            parent[last] = new
    return data, root_replaced


def check_decision(doc: dict[str, Any]) -> None:
    """The decision contract (DESIGN §5) on one JSON document."""
    assert_valid_decision(doc)
    for besluit in doc["besluiten"]:
        if besluit["uitkomst"] == "afgewezen":
            assert any(not g["voldaan"] for g in besluit["gronden"]), besluit["regeling"]
        for amount in besluit["bedrag"].values():
            exact = Decimal(repr(amount))
            assert exact >= 0 and exact == exact.quantize(Decimal("0.01")), besluit
        if besluit["regeling"] == "algemene_bijstand" and "per_maand" in besluit["bedrag"]:
            assert besluit["bedrag"]["per_maand"] <= besluit["bedrag"]["norm"]


@settings(max_examples=800, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(mutated_cases())
def test_mutated_case_decides_or_names_the_field(mutated: tuple[Any, bool]) -> None:
    data, root_replaced = mutated
    try:
        beslissing = ENGINE.evaluate(data)
    except InvoerFout as error:
        assert error.bericht
        str(error).encode("utf-8")  # printable: the CLI writes it to stderr
        assert error.pad or root_replaced, str(error)
        return
    text = beslissing.to_json()
    text.encode("utf-8")
    beslissing.to_text().encode("utf-8")
    check_decision(json.loads(text))


def _json_default(value: object) -> object:
    if isinstance(value, Decimal):
        return float(value) if value.is_finite() else str(value)
    raise TypeError(value)


@settings(max_examples=15, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                 HealthCheck.function_scoped_fixture])
@given(mutated_cases())
def test_mutated_case_through_the_cli(tmp_path: Path, mutated: tuple[Any, bool]) -> None:
    data, _ = mutated
    try:
        text = json.dumps(data, default=_json_default, ensure_ascii=True)
    except (ValueError, RecursionError):  # not representable as JSON: nothing to send
        return
    path = tmp_path / "casus.json"
    path.write_text(text, encoding="utf-8")
    command = [str(SORA)] if SORA.exists() else [sys.executable, "-m", "sora_rules"]
    result = subprocess.run([*command, "evaluate", str(path), "--format", "json"],
                            capture_output=True, timeout=60)
    stderr = result.stderr.decode("utf-8")
    assert result.returncode in (0, 2), stderr
    assert "Traceback" not in stderr
    if result.returncode == 0:
        check_decision(json.loads(result.stdout))
    else:
        assert stderr.startswith("fout: ")


@pytest.mark.parametrize("voorbeeld", range(len(VOORBEELDEN)))
def test_voorbeelden_themselves_decide(voorbeeld: int) -> None:
    check_decision(json.loads(ENGINE.evaluate(VOORBEELDEN[voorbeeld]).to_json()))

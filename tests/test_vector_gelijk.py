"""The vectorised evaluator decides exactly as the scalar engine (issue #12).

Households from tests/huishoudens_vector.py (six gemeenten, every period, every household
kind, ages and amounts at the limits) go through both paths; per household and regeling
the outcome, every amount to the cent and the first failed condition must be the same,
for the besluiten and for `mogelijk_recht`. A difference fails with the household.

Size: SORA_VECTOR_HUISHOUDENS (default below, CI), seed SORA_VECTOR_ZAAD; for the bench
run `SORA_VECTOR_HUISHOUDENS=100000 pytest tests/test_vector_gelijk.py`.
"""

from __future__ import annotations

import json
import os
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import pyarrow as pa
import pytest

sys.path.insert(0, str(Path(__file__).parent))
from huishoudens_vector import huishoudens  # noqa: E402

from sora_rules import Engine  # noqa: E402
from sora_rules.vector import VectorEngine  # noqa: E402
from sora_rules.vector.indeling import indeling  # noqa: E402
from sora_rules.vector.kolommen import uit_arrow  # noqa: E402
from sora_rules.vector.uitvoer import records  # noqa: E402

# The scalar path decides ~200 of these households per second here (bijzondere bijstand
# with several kostenposten is slow there), so CI takes 5,000 (≈ 30 s); the seed varies
# the sample.
AANTAL = int(os.environ.get("SORA_VECTOR_HUISHOUDENS", "5000"))
ZAAD = int(os.environ.get("SORA_VECTOR_ZAAD", "12"))


@pytest.fixture(scope="module")
def engines() -> tuple[Engine, VectorEngine]:
    return Engine(), VectorEngine()


def scalair(engine: Engine, case: dict[str, Any]) -> dict[str, Any]:
    """The scalar decision in the vectorised record's shape."""
    d = engine.evaluate(case)

    def besluit(b: Any) -> dict[str, Any]:
        return {"regeling": b.regeling, "uitkomst": b.uitkomst,
                "bedrag": {k: Decimal(v) for k, v in b.bedrag.items()},
                "eerste_falende_voorwaarde": next(
                    (g.regel for g in b.gronden if not g.voldaan), None)}

    uit = {"gemeente": d.gemeente, "peildatum": d.peildatum,
           "besluiten": [besluit(b) for b in d.besluiten]}
    if d.mogelijk_recht is not None:
        uit["mogelijk_recht"] = [besluit(b) for b in d.mogelijk_recht]
    return uit


def _exact(rec: dict[str, Any]) -> dict[str, Any]:
    """A vectorised record with its amounts as Decimal (JSON floats of whole cents)."""
    def b(x: dict[str, Any]) -> dict[str, Any]:
        return {**x, "bedrag": {k: Decimal(repr(v)) for k, v in x["bedrag"].items()}}
    uit = {**rec, "besluiten": [b(x) for x in rec["besluiten"]]}
    if "mogelijk_recht" in rec:
        uit["mogelijk_recht"] = [b(x) for x in rec["mogelijk_recht"]]
    return uit


def vergelijk(engine: Engine, vector: VectorEngine, cases: list[dict[str, Any]]) -> list[str]:
    batch = uit_arrow(pa.Table.from_pylist(cases, schema=indeling().arrow_schema()))
    resultaat = vector.beslis(batch)
    assert resultaat.terugval == {}, resultaat.terugval
    verschillen = []
    for case, rec in zip(cases, records(resultaat), strict=True):
        verwacht = scalair(engine, case)
        if _exact(rec) != verwacht:
            verschillen.append(json.dumps({"casus": case, "scalair": verwacht, "vector": rec},
                                          default=str, ensure_ascii=False))
    return verschillen


def test_vector_gelijk_aan_scalair(engines: tuple[Engine, VectorEngine]) -> None:
    engine, vector = engines
    cases = huishoudens(AANTAL, engine.regelset, seed=ZAAD)
    verschillen = vergelijk(engine, vector, cases)
    assert not verschillen, f"{len(verschillen)} verschillen, de eerste:\n{verschillen[0]}"


def test_elk_huishouden_alleen_in_een_stuk(engines: tuple[Engine, VectorEngine]) -> None:
    """A chunk of one household: a group whose lists are all empty (no income items at
    all) has per-item columns of length 0, which once broadcast to 1 and crashed."""
    engine, vector = engines
    cases = huishoudens(200, engine.regelset, seed=ZAAD + 1)
    zonder = [c for c in cases if not c.get("inkomsten")]
    assert zonder  # the generator makes such households
    verschillen = [v for case in cases for v in vergelijk(engine, vector, [case])]
    assert not verschillen, f"{len(verschillen)} verschillen, de eerste:\n{verschillen[0]}"

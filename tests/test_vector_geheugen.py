"""The vectorised evaluator leaves no reference cycles behind (issue #12).

A cycle (a closure that calls itself, a cache that points back at its owner) keeps a
group's columns alive until the next full garbage collection, and a process that holds
its cases makes that collection walk the whole heap; so `VectorEngine.beslis` must free
everything by reference counting alone. With `gc.DEBUG_SAVEALL` every object a
collection finds unreachable is kept in `gc.garbage`, also when an automatic collection
ran during the evaluation, so nothing may be found there.
"""

from __future__ import annotations

import gc
import sys
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa
import pytest

sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(0, str(Path(__file__).parents[1] / "bench"))
from huishoudens_vector import huishoudens  # noqa: E402

from households import households  # noqa: E402
from sora_rules.vector import VectorEngine  # noqa: E402
from sora_rules.vector.indeling import indeling  # noqa: E402
from sora_rules.vector.kolommen import Batch, uit_arrow  # noqa: E402


@pytest.fixture(scope="module")
def engine() -> VectorEngine:
    return VectorEngine()


def _batch(cases: list[dict[str, Any]]) -> Batch:
    return uit_arrow(pa.Table.from_pylist(cases, schema=indeling().arrow_schema()))


def onbereikbaar_na_beslis(engine: VectorEngine, batch: Batch) -> tuple[int, list[Any]]:
    """What `gc.collect()` after one evaluation finds, and every object any collection
    found unreachable during and after it."""
    gc.collect()
    gc.garbage.clear()
    gc.set_debug(gc.DEBUG_SAVEALL)
    try:
        engine.beslis(batch)
        return gc.collect(), list(gc.garbage)
    finally:
        gc.set_debug(0)
        gc.garbage.clear()


def _geen_kringen(engine: VectorEngine, batch: Batch) -> None:
    gevonden, rest = onbereikbaar_na_beslis(engine, batch)
    soorten = ", ".join(sorted({type(x).__qualname__ for x in rest}))
    assert (gevonden, len(rest)) == (0, 0), f"objecten in kringen: {soorten}"


def test_geen_kringen_bench_huishoudens(engine: VectorEngine) -> None:
    """Several gemeenten and peildata, so several groups and periods: the first call
    compiles them, the second only evaluates."""
    batch = _batch(households(2_000, seed=3))
    _geen_kringen(engine, batch)
    _geen_kringen(engine, batch)


def test_geen_kringen_randgevallen(engine: VectorEngine) -> None:
    """Every household kind, missing fields, kostenposten with `eerder` (rank by rank)."""
    _geen_kringen(engine, _batch(huishoudens(2_000, engine.regelset, seed=5)))


def test_een_van_met_een_tekst_die_nog_niemand_gebruikte() -> None:
    """A policy word no case has used yet is interned while the lookup table is made:
    the table must count it (a fresh `sora-rules serve` failed with IndexError)."""
    import uuid

    from sora_rules.vector.feiten import _een_van
    from sora_rules.vector.kolom import WOORDEN

    bekend = WOORDEN.code("arbeid")
    codes = np.array([bekend, -1, bekend])
    nieuw = f"nog-nooit-gezien-{uuid.uuid4().hex}"
    assert _een_van(codes, [nieuw]).tolist() == [False, False, False]
    assert _een_van(codes, ["arbeid", f"{nieuw}-2"]).tolist() == [True, False, True]

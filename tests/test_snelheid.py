"""Speed guards that are about growth, not about the machine: work that must not grow
with the size of a case beyond the case itself."""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Any

import pytest

from sora_rules import Engine

ROOT = Path(__file__).resolve().parents[1]


def test_veel_kostenposten_zonder_inkomen_blijven_snel() -> None:
    """Without income every kostenpost misses the draagkracht. Each quantity that misses a
    fact fails once per case: re-computing it inside every later item (to name all missing
    facts) took ~0.85 s per item, and 100 items (the schema's maximum) took minutes."""
    engine = Engine()
    case = {"gemeente": "heiloo", "peildatum": "2026-03-01",
            "aanvrager": {"geboortedatum": "1980-08-20", "woonplaats": "heiloo"},
            "kosten": [{"omschrijving": f"post {i}", "bedrag": 100,
                        "datum": f"2026-02-{1 + i % 28:02d}"} for i in range(100)]}
    engine.evaluate(case, regelingen=["bijzondere_bijstand"])  # compile once
    start = time.perf_counter()
    besluit = engine.evaluate(case, regelingen=["bijzondere_bijstand"]).besluiten[0]
    assert time.perf_counter() - start < 5
    assert besluit.uitkomst == "onvoldoende_gegevens"
    assert "inkomsten" in besluit.ontbrekende_gegevens


def _huishoudens(n: int, seed: int) -> list[dict[str, Any]]:
    sys.path.insert(0, str(ROOT / "bench"))
    from households import households

    return households(n, seed=seed)


def test_wat_de_engine_onthoudt_hangt_niet_af_van_eerdere_casussen() -> None:
    """Filled texts, grounds, parameter values and the rule engine's reused state are kept
    between cases, keyed on what decides them: a case's decision must not depend on the
    cases evaluated before it (in another order, or in a fresh engine)."""
    cases = _huishoudens(60, seed=11)
    vooruit = Engine()
    eerst = [vooruit.evaluate(c).to_json() for c in cases]
    achteruit = Engine()
    for c in _huishoudens(200, seed=12):  # other households first
        achteruit.evaluate(c)
    assert [achteruit.evaluate(c).to_json() for c in reversed(cases)] == eerst[::-1]
    for i in (0, 17, 59):
        assert Engine().evaluate(cases[i]).to_json() == eerst[i]


def test_na_een_fout_midden_in_een_casus_blijft_de_regelengine_schoon(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A failure between the two asserts of a case leaves its facts in the rule engine's
    state; that state is deleted, so the next cases are decided as by a fresh engine."""
    cases = _huishoudens(20, seed=13)
    verwacht = [Engine().evaluate(c).to_json() for c in cases[:3]]
    engine = Engine()
    for c in cases:
        engine.evaluate(c)
    echt = Engine._tussen

    def kapot(self: Engine, *args: Any) -> Any:
        raise RuntimeError("kapot")

    monkeypatch.setattr(Engine, "_tussen", kapot)
    with pytest.raises(RuntimeError):
        engine.evaluate(cases[0])
    monkeypatch.setattr(Engine, "_tussen", echt)
    assert [engine.evaluate(c).to_json() for c in cases[:3]] == verwacht

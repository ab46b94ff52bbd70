"""Speed guards that are about growth, not about the machine: work that must not grow
with the size of a case beyond the case itself."""

from __future__ import annotations

import time

from sora_rules import Engine


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

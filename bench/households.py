"""Deterministic generator of varied, valid households for the benchmarks."""

from __future__ import annotations

import random
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

GEMEENTEN = ("alkmaar", "bergen", "castricum", "dijk-en-waard", "heiloo", "uitgeest")
SOORTEN = ("arbeid", "uitkering", "pensioen", "alimentatie", "zorgtoeslag", "huurtoeslag",
           "kindgebonden_budget", "kinderbijslag", "overig")
PEILDATA = ("2024-03-01", "2024-09-01", "2025-03-01", "2025-09-01", "2026-03-01")


def _birth(rng: random.Random, peildatum: date, lo: int, hi: int) -> str:
    return (peildatum - timedelta(days=rng.randint(lo * 365, hi * 365))).isoformat()


def _money(rng: random.Random, hi: int) -> Decimal:
    return Decimal(rng.randint(0, hi * 100)) / 100


def household(rng: random.Random) -> dict[str, Any]:
    gemeente = rng.choice(GEMEENTEN)
    peil = rng.choice(PEILDATA)
    dag = date.fromisoformat(peil)
    case: dict[str, Any] = {
        "gemeente": gemeente,
        "peildatum": peil,
        "aanvrager": {
            "geboortedatum": _birth(rng, dag, 17, 80),
            "woonplaats": gemeente if rng.random() < 0.95 else rng.choice(GEMEENTEN),
            "verblijfsstatus": rng.choice(("nederlander",) * 8 + ("eu_burger", "geen")),
            "in_detentie": rng.random() < 0.02,
            "recht_op_studiefinanciering": rng.random() < 0.05,
            "dagen_in_buitenland": rng.choice((0, 0, 0, 10, 30)),
        },
        "inkomsten": [
            {"persoon": "aanvrager", "soort": rng.choice(SOORTEN),
             "netto_per_maand": _money(rng, 900)}
            for _ in range(rng.randint(0, 3))
        ],
        "vermogen": {"bezittingen": _money(rng, 20000), "schulden": _money(rng, 5000)},
    }
    if rng.random() < 0.4:
        case["partner"] = {"geboortedatum": _birth(rng, dag, 18, 80),
                           "verblijfsstatus": "nederlander"}
    if rng.random() < 0.4:
        case["kinderen"] = [{"geboortedatum": _birth(rng, dag, 0, 17)}
                            for _ in range(rng.randint(1, 3))]
    if rng.random() < 0.3:
        case["medebewoners"] = [
            {"geboortedatum": _birth(rng, dag, 18, 85),
             "student_met_studiefinanciering": rng.random() < 0.1,
             "commerciele_relatie": rng.random() < 0.1}
            for _ in range(rng.randint(1, 3))
        ]
    return case


def households(n: int, seed: int = 2026) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    return [household(rng) for _ in range(n)]


def to_json_line(case: dict[str, Any]) -> str:
    """One JSON Lines record; Decimal amounts as JSON numbers (exact at 2 decimals)."""
    import json

    def number(value: Any) -> Any:
        if isinstance(value, Decimal):
            return float(value)
        raise TypeError(type(value).__name__)

    return json.dumps(case, default=number, ensure_ascii=False)


def write_caseload(path: Any, n: int, seed: int = 2026) -> None:
    rng = random.Random(seed)
    with open(path, "w", encoding="utf-8") as handle:
        for _ in range(n):
            handle.write(to_json_line(household(rng)) + "\n")

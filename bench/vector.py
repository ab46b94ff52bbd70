"""Benchmark of the vectorised evaluator (issue #12): households per second.

Three figures, each the best of several runs (the machine is shared):

1. a gemeente's full policy with the caseload in memory (columns built once);
2. the same from a Parquet file to a Parquet file (`sora-rules simuleer`, in process):
   reading, checking, deciding, writing and the summary;
3. algemene bijstand written by hand in plain numpy over the same households (norm by
   household type, kostendelersnorm, income and vermogen tests; the parameters read from
   the policy), as the practical limit, and our algemene bijstand beside it.

Usage: python bench/vector.py [--huishoudens N] [--gemeente SLUG] [--herhaal K] [--stuk S]
Targets: ≥ 500,000/s per core in memory, ≥ 100,000/s from Parquet to Parquet.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

sys.path.insert(0, str(Path(__file__).parent))
from households import households  # noqa: E402
from sora_rules.cli import main  # noqa: E402
from sora_rules.vector import VectorEngine, datums  # noqa: E402
from sora_rules.vector.indeling import indeling  # noqa: E402
from sora_rules.vector.kolommen import Batch, uit_arrow  # noqa: E402
from sora_rules.vector.plat import plat  # noqa: E402


def beste(functie: Any, herhaal: int) -> float:
    tijden = []
    for _ in range(herhaal):
        start = time.perf_counter()
        functie()
        tijden.append(time.perf_counter() - start)
    return min(tijden)


def _param(engine: VectorEngine, slug: str, pid: str, dag: date) -> Any:
    waarde = engine.regelset.beleid[slug].parameters[pid].op(dag)
    assert waarde is not None
    return waarde.waarde


def numpy_bijstand(b: Batch, engine: VectorEngine, slug: str, dag: date) -> np.ndarray:
    """Algemene bijstand in plain numpy for one peildatum: the practical speed limit
    (simplified: no art. 23/24, no vrijlatingen, no missing data)."""
    p = {k: Decimal(str(_param(engine, slug, f"pw.norm.{k}", dag)))
         for k in ("alleenstaande", "gehuwden", "jongere_alleenstaande")}
    grens = _param(engine, slug, "pw.vermogensgrens", dag)
    peil = datums.dag(dag)
    leeftijd = (peil - b.velden["aanvrager.geboortedatum"].data) // 10000
    partner = b.blokken["partner"]
    med = b.lijsten["medebewoners"]
    kd = np.bincount(med.rij[(peil - med.velden["geboortedatum"].data) // 10000 >= 27],
                     minlength=b.n)
    a = kd + 1 + partner
    norm = np.where(partner, int(p["gehuwden"] * 100), np.where(
        leeftijd >= 21, int(p["alleenstaande"] * 100), int(p["jongere_alleenstaande"] * 100)))
    kdn = (40 + a * 30) * int(p["gehuwden"] * 100) // (a * 100) * np.where(partner, 2, 1)
    norm = np.where((kd > 0) & (leeftijd >= 21), kdn, norm)
    ink = b.lijsten["inkomsten"]
    inkomen = np.bincount(ink.rij, weights=ink.velden["netto_per_maand"].data, minlength=b.n)
    vermogen = b.velden["vermogen.bezittingen"].data - b.velden["vermogen.schulden"].data
    recht = (leeftijd >= 18) & (vermogen <= int(grens.get("alleenstaande", 0) * 100)
                                if isinstance(grens, dict) else True) & (inkomen < norm)
    return np.where(recht, norm - inkomen, 0)


def in_stukken(engine: VectorEngine, batch: Batch, stuk: int, **opties: Any) -> None:
    """Decide the batch in chunks of `stuk` rows (as `simuleer --stuk`): columns that fit
    in the processor's cache are faster than one pass over everything."""
    for begin in range(0, batch.n, stuk):
        engine.beslis(batch.plak(begin, min(batch.n, begin + stuk)), **opties)


def _caseload(n: int, slug: str, dag: str) -> list[dict[str, Any]]:
    cases = households(n, seed=12)
    for c in cases:
        c["gemeente"], c["peildatum"] = slug, dag
        c["aanvrager"]["woonplaats"] = slug
    return cases


def main_(args: argparse.Namespace) -> None:
    engine = VectorEngine()
    cases = _caseload(args.huishoudens, args.gemeente, args.peildatum)
    tabel = pa.Table.from_pylist(cases, schema=indeling().arrow_schema())
    batch = uit_arrow(tabel)
    n = batch.n
    engine.beslis(batch)  # compile the period's functions once
    t_vol = beste(lambda: in_stukken(engine, batch, args.stuk), args.herhaal)
    t_ab = beste(lambda: in_stukken(engine, batch, args.stuk, regelingen=["algemene_bijstand"]),
                 args.herhaal)
    dag = date.fromisoformat(args.peildatum)
    t_np = beste(lambda: numpy_bijstand(batch, engine, args.gemeente, dag), args.herhaal)
    with tempfile.TemporaryDirectory() as tmp:
        invoer, uit = Path(tmp) / "c.parquet", Path(tmp) / "u.parquet"
        pq.write_table(plat(tabel), invoer)
        from click.testing import CliRunner
        t_io = beste(lambda: CliRunner().invoke(
            main, ["simuleer", str(invoer), "--uitvoer", str(uit)], catch_exceptions=False),
            args.herhaal)
    print(f"huishoudens: {n} ({args.gemeente}, peildatum {args.peildatum}, "
          f"per stuk {args.stuk})")
    print(f"volledig beleid, in het geheugen:        {n / t_vol:>12,.0f} /s  (doel ≥ 500.000)")
    print(f"Parquet → Parquet (simuleer):            {n / t_io:>12,.0f} /s  (doel ≥ 100.000)")
    print(f"algemene bijstand, sora-rules vector:    {n / t_ab:>12,.0f} /s")
    print(f"algemene bijstand, gewone numpy (grens): {n / t_np:>12,.0f} /s")
    print(f"verhouding numpy / sora-rules:           {t_ab / t_np:>12.1f} ×")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--huishoudens", type=int, default=500_000)
    parser.add_argument("--gemeente", default="alkmaar")
    parser.add_argument("--peildatum", default="2026-03-01")
    parser.add_argument("--herhaal", type=int, default=3)
    parser.add_argument("--stuk", type=int, default=50_000, help="households per pass")
    main_(parser.parse_args())

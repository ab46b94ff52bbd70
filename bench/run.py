"""Benchmark: warm throughput, CLI cold start and memory over many evaluations.

Run with `make bench` (or `python bench/run.py [--rss-cases N]`). Prints a table
and writes bench/results/latest.json. Targets (issue #2, 2-core machine):
≥ 2,000 evaluations/s in one process, cold start ≤ 0.6 s, RSS growth ≤ 10 MB
between 1,000 and 100,000 evaluations.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from households import households  # noqa: E402
from sora_rules import Engine  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def throughput(engine: Engine, cases: list[dict], regelingen: list[str] | None) -> float:
    for case in cases:  # warm: compile every period's ruleset once
        engine.evaluate(case, regelingen=regelingen)
    n, start = 0, time.perf_counter()
    while time.perf_counter() - start < 3.0:
        for case in cases:
            engine.evaluate(case, regelingen=regelingen)
        n += len(cases)
    return n / (time.perf_counter() - start)


def cold_start(runs: int) -> float:
    example = ROOT / "voorbeelden" / "alleenstaande-met-kostendeler.yaml"
    cli = Path(sys.executable).with_name("sora-rules")
    cmd = [str(cli)] if cli.exists() else [sys.executable, "-m", "sora_rules"]
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([*cmd, "evaluate", str(example), "--format", "json"], check=True,
                       stdout=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def memory(engine: Engine, cases: list[dict], total: int) -> tuple[float, float]:
    done = 0
    after_1000 = 0.0
    while done < total:
        for case in cases:
            engine.evaluate(case)
            done += 1
            if done == 1000:
                after_1000 = rss_mb()
            if done >= total:
                break
    return after_1000, rss_mb()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cases", type=int, default=1000, help="generated households")
    parser.add_argument("--rss-cases", type=int, default=100_000, help="evaluations for RSS")
    parser.add_argument("--cold-runs", type=int, default=7)
    args = parser.parse_args()

    cases = households(args.cases)
    engine = Engine()
    results = {
        "huishoudens": len(cases),
        "algemene_bijstand_per_s": round(throughput(engine, cases, ["algemene_bijstand"])),
        "alle_regelingen_per_s": round(throughput(engine, cases, None)),
        "cold_start_s_mediaan": round(cold_start(args.cold_runs), 3),
    }
    rss_1k, rss_end = memory(engine, cases, args.rss_cases)
    results.update({"rss_mb_na_1000": round(rss_1k, 1),
                    f"rss_mb_na_{args.rss_cases}": round(rss_end, 1),
                    "rss_groei_mb": round(rss_end - rss_1k, 1)})
    width = max(len(k) for k in results)
    for key, value in results.items():
        print(f"{key:<{width}}  {value}")
    out = ROOT / "bench" / "results"
    out.mkdir(exist_ok=True)
    (out / "latest.json").write_text(json.dumps(results, indent=2) + "\n")


if __name__ == "__main__":
    main()

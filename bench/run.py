"""Benchmark: latency, throughput (in-process and batch), cold start, memory.

Run with `make bench` (or `python bench/run.py [--snel] [--rss-cases N]`). Prints a
table and writes bench/results/latest.json. Targets on this 2-core machine:

- algemene bijstand: ≥ 2,000 evaluations/s in one process, p50 ≤ 0.5 ms;
- a full gemeente policy: ≥ 1,000 evaluations/s in one process, ≥ 1,500 cases/s per
  batch worker, 2 workers ≥ 1.7 × 1 worker (issue #12: ≥ 1.8 ×), printed beside the
  machine's own ceiling: two independent evaluating processes against one;
- `sora-rules evaluate` cold start ≤ 0.6 s;
- RSS growth ≤ 10 MB from 1,000 to 100,000 evaluations (≤ 20 MB over 1,000,000).
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from households import households, write_caseload  # noqa: E402
from sora_rules import Engine  # noqa: E402
from sora_rules.batch import run_batch  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
AB = ["algemene_bijstand"]


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def throughput(engine: Engine, cases: list[dict], regelingen: list[str] | None,
               seconds: float) -> float:
    for case in cases:  # warm: compile every period's ruleset once
        engine.evaluate(case, regelingen=regelingen)
    n, start = 0, time.perf_counter()
    while time.perf_counter() - start < seconds:
        for case in cases:
            engine.evaluate(case, regelingen=regelingen)
        n += len(cases)
    return n / (time.perf_counter() - start)


def latency(engine: Engine, cases: list[dict], regelingen: list[str] | None
            ) -> tuple[float, float]:
    """p50 and p99 in milliseconds of single warm evaluations."""
    times = []
    for _ in range(3):
        for case in cases:
            start = time.perf_counter_ns()
            engine.evaluate(case, regelingen=regelingen)
            times.append(time.perf_counter_ns() - start)
    times.sort()
    return times[len(times) // 2] / 1e6, times[int(len(times) * 0.99)] / 1e6


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


def batch(n: int, workers: int, tmp: Path) -> float:
    caseload = tmp / f"caseload-{n}.jsonl"
    if not caseload.exists():
        write_caseload(caseload, n)
    start = time.perf_counter()
    run_batch(caseload, tmp / f"uit-{workers}.jsonl", workers=workers)
    return n / (time.perf_counter() - start)


PLAFOND = r"""
import sys, time
sys.path.insert(0, {bench!r})
from households import households
from sora_rules import Engine
engine = Engine()
cases = households(1000)
for case in cases:
    engine.evaluate(case)
start = time.perf_counter()
for _ in range({rondes}):
    for case in cases:
        engine.evaluate(case)
print(time.perf_counter() - start)
"""


def plafond(rondes: int) -> float:
    """What two independent processes gain over one on this machine: the same evaluations
    in one process, then in two at once (each its own engine, no communication). Batch
    with 2 workers cannot scale beyond this; on a VM whose two vCPUs share a core it is
    well below 2."""
    code = PLAFOND.format(bench=str(Path(__file__).parent), rondes=rondes)

    def gelijktijdig(n: int) -> float:
        procs = [subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE,
                                  text=True) for _ in range(n)]
        return max(float(p.communicate()[0]) for p in procs)

    return 2 * gelijktijdig(1) / gelijktijdig(2)


def memory(engine: Engine, cases: list[dict], total: int) -> tuple[float, float]:
    done, after_1000 = 0, 0.0
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
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cases", type=int, default=1000, help="generated households")
    parser.add_argument("--batch-cases", type=int, default=100_000)
    parser.add_argument("--rss-cases", type=int, default=100_000,
                        help="evaluations for the memory measurement (1000000 for the 1M figure)")
    parser.add_argument("--cold-runs", type=int, default=7)
    parser.add_argument("--snel", action="store_true", help="short run, for a quick check")
    args = parser.parse_args()
    if args.snel:
        args.batch_cases, args.rss_cases, args.cold_runs = 5_000, 10_000, 3
    seconds = 1.0 if args.snel else 3.0

    cases = households(args.cases)
    engine = Engine()
    r: dict[str, float | int] = {"huishoudens": len(cases)}
    r["algemene_bijstand_per_s"] = round(throughput(engine, cases, AB, seconds))
    r["volledig_beleid_per_s"] = round(throughput(engine, cases, None, seconds))
    p50, p99 = latency(engine, cases, AB)
    r["algemene_bijstand_p50_ms"], r["algemene_bijstand_p99_ms"] = round(p50, 3), round(p99, 3)
    p50, p99 = latency(engine, cases, None)
    r["volledig_beleid_p50_ms"], r["volledig_beleid_p99_ms"] = round(p50, 3), round(p99, 3)
    r["cold_start_s_mediaan"] = round(cold_start(args.cold_runs), 3)
    with tempfile.TemporaryDirectory(prefix="sora-bench-") as tmp:
        one = batch(args.batch_cases, 1, Path(tmp))
        two = batch(args.batch_cases, 2, Path(tmp))
    r["batch_cases"] = args.batch_cases
    r["batch_1_worker_per_s"] = round(one)
    r["batch_2_workers_per_s"] = round(two)
    r["batch_versnelling_2_vs_1"] = round(two / one, 2)
    r["plafond_2_processen_vs_1"] = round(plafond(2 if args.snel else 5), 2)
    r["batch_deel_van_plafond"] = round(two / one / r["plafond_2_processen_vs_1"], 2)
    rss_1k, rss_end = memory(engine, cases, args.rss_cases)
    r["rss_mb_na_1000"] = round(rss_1k, 1)
    r[f"rss_mb_na_{args.rss_cases}"] = round(rss_end, 1)
    r["rss_groei_mb"] = round(rss_end - rss_1k, 1)
    width = max(len(k) for k in r)
    for key, value in r.items():
        print(f"{key:<{width}}  {value}")
    out = ROOT / "bench" / "results"
    out.mkdir(exist_ok=True)
    (out / "latest.json").write_text(json.dumps(r, indent=2) + "\n")


if __name__ == "__main__":
    main()

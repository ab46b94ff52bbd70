"""A/B throughput of two commits, interleaved, on the same machine conditions.

`python bench/ab.py A B [--rondes 3] [--seconden 3] [--regeling algemene_bijstand]`
extracts both commits with `git archive` into a temporary directory (the work tree is
not touched), then alternates A, B, A, B, … each in a fresh process that evaluates the
benchmark's 1,000 households (warm) for the given seconds. It prints every run, the
best of each side and the ratio B / A, per second of wall-clock time and per second of
CPU time of the measuring process (less sensitive to other work on a shared machine).
With `--batch` it measures `run_batch` on a caseload instead (`--workers`).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

MEET = r"""
import sys, time
sys.path.insert(0, {bench!r})
from households import households
from sora_rules import Engine
cases = households(1000)
engine = Engine()
regelingen = {regelingen!r}
for case in cases:
    engine.evaluate(case, regelingen=regelingen)
if {vers}:  # households never seen before, each evaluated once
    cases = households({vers}, seed=7)
    start, cpu = time.perf_counter(), time.process_time()
    for case in cases:
        engine.evaluate(case, regelingen=regelingen)
    print(len(cases) / (time.perf_counter() - start), len(cases) / (time.process_time() - cpu))
    raise SystemExit
n, start, cpu = 0, time.perf_counter(), time.process_time()
while time.perf_counter() - start < {seconden}:
    for case in cases:
        engine.evaluate(case, regelingen=regelingen)
    n += len(cases)
print(n / (time.perf_counter() - start), n / (time.process_time() - cpu))
"""

BATCH = r"""
import sys, time
from pathlib import Path
sys.path.insert(0, {bench!r})
from sora_rules.batch import run_batch
start = time.perf_counter()
run_batch(Path({invoer!r}), Path({uitvoer!r}), workers={workers})
print({n} / (time.perf_counter() - start))
"""


def extract(rev: str, doel: Path) -> Path:
    doel.mkdir(parents=True)
    archief = subprocess.run(["git", "-C", str(ROOT), "archive", rev], check=True,
                             capture_output=True).stdout
    subprocess.run(["tar", "-x", "-C", str(doel)], input=archief, check=True)
    return doel


def meet(code: Path, script: str) -> tuple[float, float]:
    """Cases per second of wall-clock time, and per second of this process's CPU time."""
    env = {**os.environ, "PYTHONPATH": str(code / "engine" / "src")}
    out = subprocess.run([sys.executable, "-c", script], env=env, check=True,
                         capture_output=True, text=True).stdout
    woorden = out.strip().splitlines()[-1].split()
    return float(woorden[0]), float(woorden[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("a")
    parser.add_argument("b")
    parser.add_argument("--rondes", type=int, default=3)
    parser.add_argument("--seconden", type=float, default=3.0)
    parser.add_argument("--regeling", action="append")
    parser.add_argument("--vers", type=int, default=0,
                        help="evaluate this many new households once each (no repeats: "
                             "what a memo of texts or grounds gains on unseen cases)")
    parser.add_argument("--batch", type=int, default=0, help="cases in a batch caseload")
    parser.add_argument("--workers", type=int, default=1)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="sora-ab-") as tmp:
        t = Path(tmp)
        codes = {"A": extract(args.a, t / "a"), "B": extract(args.b, t / "b")}
        if args.batch:
            sys.path.insert(0, str(ROOT / "bench"))
            from households import write_caseload

            invoer = t / "caseload.jsonl"
            write_caseload(invoer, args.batch)
        uitkomst: dict[str, list[tuple[float, float]]] = {"A": [], "B": []}
        for ronde in range(args.rondes):
            for kant, code in codes.items():
                if args.batch:
                    uit = t / f"uit-{kant}-{ronde}.jsonl"
                    script = BATCH.format(bench=str(code / "bench"), invoer=str(invoer),
                                          uitvoer=str(uit), workers=args.workers, n=args.batch)
                else:
                    script = MEET.format(bench=str(code / "bench"), regelingen=args.regeling,
                                         seconden=args.seconden, vers=args.vers)
                r = meet(code, script)
                uitkomst[kant].append(r)
                print(f"ronde {ronde + 1} {kant}: {r[0]:,.0f}/s ({r[1]:,.0f}/s CPU)", flush=True)
        for i, wat in ((0, "wandklok"), (1, "CPU-tijd")):
            a, b = max(r[i] for r in uitkomst["A"]), max(r[i] for r in uitkomst["B"])
            print(f"{wat}: beste A ({args.a}) {a:,.0f}/s, beste B ({args.b}) {b:,.0f}/s, "
                  f"B/A {b / a:.2f}")


if __name__ == "__main__":
    main()

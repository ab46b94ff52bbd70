"""National scale (issue #12): 1.5 million households, current policy against a variant.

The caseload is generated with bench/households.py over the six gemeenten and five
peildata, 50,000 households at a time written as row groups of one flat Parquet file
(dates as Parquet dates, amounts as decimals), so generating it stays flat in memory
too. It is cached under bench/results/ (git ignores that directory) and reused when
present. Then `sora-rules simuleer … --variant` runs in a child process, as a user runs
it, and per caseload size we report:

- the wall time (best of `--herhaal` runs; the 2 cores are shared, so timings are noisy);
- the peak memory: ru_maxrss of that child (os.wait4: that run only; with --dask the
  largest of its processes, the client or a worker), which must stay flat from 150,000
  to 1,500,000 households (the reader streams chunks of `--stuk` households).

With `--profiel` the largest caseload also runs in this process phase by phase (reading
and checking the input, evaluating both policies, writing), to show where the time goes.
With `--dask` each size also runs with `--dask lokaal` (2 worker processes).

Usage: python bench/nationaal.py [--klein] [--herhaal K] [--variant OVERLAY.yaml]
                                 [--profiel] [--dask]
Target on this 2-core machine: ≤ 60 s for 1.5 million households with the variant, and
a peak memory that does not grow with the caseload. Writes bench/results/nationaal.json.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

sys.path.insert(0, str(Path(__file__).parent))
from households import household  # noqa: E402
from sora_rules.vector.indeling import DATUM, indeling  # noqa: E402
from sora_rules.vector.plat import plat  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
RESULTATEN = ROOT / "bench" / "results"
VOORSTEL = ROOT / "voorbeelden" / "voorstellen" / "minima-130-heiloo-uitgeest.yaml"
STUK = 50_000
SEED = 2026


# ------------------------------------------------------------------ the caseload


def _tabellen(n: int) -> Iterator[pa.Table]:
    """`n` households as flat tables of at most STUK rows: one chunk in memory at a time."""
    rng = random.Random(SEED)
    schema = indeling().arrow_schema()
    for begin in range(0, n, STUK):
        cases = [household(rng) for _ in range(min(STUK, n - begin))]
        yield _met_datums(plat(pa.Table.from_pylist(cases, schema=schema)))


def _datumvelden() -> tuple[set[str], set[str]]:
    """The date fields of the case: dotted paths, and field names within list items."""
    ind = indeling()
    return ({v.pad for v in ind.velden if v.soort == DATUM},
            {v.pad for lst in ind.lijsten for v in lst.velden if v.soort == DATUM})


def _met_datums(tabel: pa.Table) -> pa.Table:
    """Dates as Parquet dates (date32), as a data pipeline writes them; the reader also
    takes JJJJ-MM-DD text, but then has to check and parse every date."""
    velden, in_items = _datumvelden()
    for i, naam in enumerate(tabel.schema.names):
        if naam in velden or ("_" in naam and naam.rsplit(".", 1)[-1] in in_items
                              and naam.split(".", 1)[0].rsplit("_", 1)[-1].isdigit()):
            tabel = tabel.set_column(i, naam, pc.cast(tabel.column(i), pa.date32()))
    return tabel


def _gelijk_schema(tabel: pa.Table, schema: pa.Schema) -> pa.Table:
    """A chunk in the file's schema: a column the chunk happens to lack (no household
    with a third child, say) is written empty."""
    extra = set(tabel.schema.names) - set(schema.names)
    if extra:
        raise ValueError(f"kolommen buiten het schema van het eerste stuk: {sorted(extra)}")
    return pa.table({f.name: tabel.column(f.name).cast(f.type) if f.name in tabel.schema.names
                     else pa.nulls(tabel.num_rows, f.type) for f in schema})


def caseload(n: int) -> Path:
    """The cached caseload of `n` households (generated once, then reused)."""
    doel = RESULTATEN / f"nationaal-{n}-{SEED}-v2.parquet"
    if doel.exists():
        return doel
    RESULTATEN.mkdir(parents=True, exist_ok=True)
    tijdelijk = doel.with_name(doel.name + ".deel")
    start = time.perf_counter()
    schrijver: pq.ParquetWriter | None = None
    for tabel in _tabellen(n):
        if schrijver is None:
            schrijver = pq.ParquetWriter(tijdelijk, tabel.schema)
        schrijver.write_table(_gelijk_schema(tabel, schrijver.schema), row_group_size=STUK)
    assert schrijver is not None
    schrijver.close()
    os.replace(tijdelijk, doel)
    print(f"caseload van {n:,} huishoudens gemaakt in {time.perf_counter() - start:.0f} s: "
          f"{doel}".replace(",", "."), flush=True)
    return doel


def variant_overlay(voorstel: Path, slug: str, map_: Path) -> Path:
    """One gemeente's overlay out of a voorstel (documents separated by `---`):
    `simuleer --variant` takes one gemeente overlay."""
    for doc in voorstel.read_text(encoding="utf-8").split("\n---\n"):
        if f"\n  slug: {slug}\n" in doc:
            pad = map_ / f"{slug}-variant.yaml"
            pad.write_text(doc, encoding="utf-8")
            return pad
    raise SystemExit(f"{voorstel}: geen overlay voor {slug}")


# ------------------------------------------------------------------ measuring


@dataclass(frozen=True)
class Meting:
    huishoudens: int
    modus: str
    seconden: float
    piek_geheugen_mb: float
    per_seconde: int


def _cli() -> list[str]:
    cli = Path(sys.executable).with_name("sora-rules")
    return [str(cli)] if cli.exists() else [sys.executable, "-m", "sora_rules"]


def draai(args: list[str], map_: Path) -> tuple[float, float]:
    """Wall time and peak RSS (MB) of one `sora-rules` child process (os.wait4: the
    rusage of that child alone, not the maximum over every child so far)."""
    log = map_ / "uitvoer.txt"
    with log.open("wb") as uit:
        start = time.perf_counter()
        proces = subprocess.Popen([*_cli(), *args], stdout=uit, stderr=subprocess.STDOUT)
        _, status, gebruik = os.wait4(proces.pid, 0)
        duur = time.perf_counter() - start
    proces.returncode = os.waitstatus_to_exitcode(status)
    if proces.returncode != 0:
        raise SystemExit(f"sora-rules {' '.join(args)} faalde ({proces.returncode}):\n"
                         + log.read_text(encoding="utf-8", errors="replace"))
    return duur, gebruik.ru_maxrss / 1024


def meet(n: int, invoer: Path, variant: Path, map_: Path, herhaal: int,
         extra: list[str], modus: str) -> Meting:
    uit = map_ / f"uit-{n}-{modus}.parquet"
    beste: tuple[float, float] | None = None
    for _ in range(herhaal):
        for oud in (uit, uit.with_name(uit.name + ".d")):
            _weg(oud)
        duur, rss = draai(["simuleer", str(invoer), "--uitvoer", str(uit), "--variant",
                           str(variant), *extra], map_)
        beste = (duur, rss) if beste is None or duur < beste[0] else beste
    assert beste is not None
    return Meting(n, modus, round(beste[0], 2), round(beste[1], 1), int(n / beste[0]))


def _weg(pad: Path) -> None:
    if pad.is_dir():
        for kind in pad.iterdir():
            kind.unlink()
        pad.rmdir()
    elif pad.exists():
        pad.unlink()


# ------------------------------------------------------------------ where the time goes


class _Klok:
    """Seconds per phase, summed over the chunks."""

    def __init__(self) -> None:
        self.fasen: dict[str, float] = {}

    def tel(self, fase: str, start: float) -> float:
        nu = time.perf_counter()
        self.fasen[fase] = self.fasen.get(fase, 0.0) + nu - start
        return nu


def profiel(invoer: Path, variant: Path, map_: Path) -> dict[str, float]:
    """The phases of `simuleer --variant` in this process, chunk by chunk: reading (Arrow,
    the flat layout nested, the typed columns), evaluating the current policy and the
    variant, the summaries, and the output (columns and Parquet)."""
    import numpy as np

    from sora_rules.batch import Samenvatting, WhatIf, kopieer_regels, variant_slug
    from sora_rules.resources import data_root
    from sora_rules.vector import VectorEngine
    from sora_rules.vector.io import Schrijver, lees
    from sora_rules.vector.overzicht import tel, vergelijk
    from sora_rules.vector.uitvoer import tabel

    slug = variant_slug(data_root(), variant)
    engine = VectorEngine()
    alt = VectorEngine(kopieer_regels(data_root(), variant, slug, map_ / "regels"))
    klok, s, w = _Klok(), Samenvatting(), WhatIf()
    schrijver = Schrijver(map_ / "profiel.parquet")
    t = time.perf_counter()
    for stuk in lees(invoer, STUK):
        t = klok.tel("lezen", t)
        r = engine.beslis(stuk.batch, casussen=stuk.casussen)
        rijen = np.flatnonzero(r.gemeente == slug)
        v = alt.beslis(stuk.batch.deel(rijen), casussen=lambda ix, s_=stuk, r_=rijen:
                       s_.casussen(r_[ix]))
        t = klok.tel("evalueren", t)
        tel(r, s)
        vergelijk(r, v, w, rijen)
        t = klok.tel("samenvatten", t)
        schrijver.tabel(tabel(r, v, rijen))
        t = klok.tel("schrijven", t)
    schrijver.klaar()
    klok.tel("schrijven", t)
    return {k: round(v, 2) for k, v in klok.fasen.items()}


# ------------------------------------------------------------------ main


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--klein", action="store_true",
                        help="snelle run: 15.000 en 150.000 huishoudens, één keer")
    parser.add_argument("--herhaal", type=int, default=2, help="runs per grootte (beste telt)")
    parser.add_argument("--variant", type=Path, default=None,
                        help="gemeente-overlay (standaard: Heiloo uit het voorstel minima 130%%)")
    parser.add_argument("--profiel", action="store_true", help="tijd per fase, in dit proces")
    parser.add_argument("--dask", action="store_true", help="ook met --dask lokaal (2 werkers)")
    args = parser.parse_args()
    groottes = (15_000, 150_000) if args.klein else (150_000, 1_500_000)
    herhaal = 1 if args.klein else args.herhaal
    metingen: list[Meting] = []
    resultaat: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="sora-nationaal-") as tmp:
        map_ = Path(tmp)
        variant = args.variant or variant_overlay(VOORSTEL, "heiloo", map_)
        resultaat["variant"] = str(args.variant or f"{VOORSTEL.name} (heiloo)")
        for n in groottes:
            invoer = caseload(n)
            metingen.append(meet(n, invoer, variant, map_, herhaal, [], "simuleer"))
            _toon(metingen[-1])
            if args.dask:
                metingen.append(meet(n, invoer, variant, map_, herhaal,
                                     ["--dask", "lokaal", "--werkers", "2"], "dask-lokaal-2"))
                _toon(metingen[-1])
        if args.profiel:
            resultaat["profiel_s"] = profiel(caseload(groottes[-1]), variant, map_)
            print("profiel (s):", resultaat["profiel_s"])
    resultaat["metingen"] = [asdict(m) for m in metingen]
    RESULTATEN.mkdir(parents=True, exist_ok=True)
    (RESULTATEN / "nationaal.json").write_text(json.dumps(resultaat, indent=2) + "\n")


def _toon(m: Meting) -> None:
    print(f"{m.huishoudens:>9,} huishoudens  {m.modus:<14} {m.seconden:>7.1f} s  "
          f"{m.per_seconde:>9,}/s  piekgeheugen {m.piek_geheugen_mb:>7.1f} MB"
          .replace(",", "."), flush=True)


if __name__ == "__main__":
    main()

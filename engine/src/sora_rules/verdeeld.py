"""A caseload in partitions on a Dask cluster: `simuleer --dask` and `batch --dask` (#12).

Why this shape:

- A partition is a file or a range of one, so any worker reads it on its own. Parquet
  by row groups (consecutive groups of at least `--stuk` rows: a national caseload is
  many files or row groups), JSON Lines by ranges of lines (`--stuk` lines for
  simuleer, `--deel` for batch; JSON holds no raw newline inside a record), CSV as a
  whole file (a quoted field may hold a newline, so a CSV cannot be cut at line ends).
  INVOER of simuleer may be a file, a directory or a quoted glob: its .jsonl, .csv and
  .parquet files in name order.
- Each partition writes `UIT.d/deel-00042-<bestand>-<eerste>-<laatste>.<ext>` through a
  temporary file and a rename, after a small `.json` beside it with its totals and a
  stamp of the options, the rules and its source (size, mtime, range). A rerun skips
  every part that is there with the same stamp: an interrupted or failed run resumes
  without computing or writing anything twice, and a changed source is recomputed.
- At the end the parts are joined in input order into UIT (again a temporary file and a
  rename): byte-identical to the single-machine run for JSON Lines and CSV, the same
  table for Parquet. UIT.d stays for the next rerun; remove it when it is not needed.
- The policy is compiled once per worker: a WorkerPlugin carries the rule files (so a
  remote worker needs sora-rules installed, not the same rules directory), builds the
  engines in `setup` and keeps them; a task finds them through `get_worker()`.
- Input, UIT and UIT.d must be on storage that every worker sees under the same path.
"""

from __future__ import annotations

import asyncio
import contextlib
import glob
import hashlib
import io
import json
import logging
import os
import re
import shutil
import tempfile
import time
import uuid
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click
import numpy as np
from distributed import WorkerPlugin

from .batch import OmgevingsFout, Samenvatting, WhatIf
from .errors import InvoerFout, SoraFout
from .resources import data_root
from .teksten import Teksten, standaard_teksten

if TYPE_CHECKING:
    import pyarrow as pa
    from distributed import Client

    from .batch import Resultaat
    from .vector.io import Stuk

FORMATEN = (".jsonl", ".csv", ".parquet")
VERBINDEN = 10.0  # seconds to reach a scheduler, and for it to have a worker
STANDAARD_WERKERS = 2  # worker processes of `--dask lokaal`
BATCH_DEEL = 10_000  # lines per partition of `batch --dask`
_STEMPEL = 1  # raise when the layout of a part changes: older parts are then recomputed
_ADRES = re.compile(r"^(?:[a-z]+://)?(?:\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9._-]+):([0-9]{1,5})$")


class ClusterFout(OmgevingsFout):
    """The cluster failed (a worker died, the scheduler went away), not the input: exit 1.
    The parts done so far stay in UIT.d and the same command continues from there."""


@dataclass(frozen=True)
class Cluster:
    """Where partitions run: `lokaal` (a LocalCluster of `werkers` processes) or the
    address of a running scheduler."""

    adres: str
    werkers: int | None = None


# ---------------------------------------------------------------------- partitions


@dataclass(frozen=True)
class Deel:
    """One partition: records `eerste`…`laatste` (1-based lines, or rows of a Parquet
    file; `laatste` 0 for a whole CSV) of the file `bron`."""

    nummer: int
    bron: str
    stempel: str  # size and modification time of `bron`: a changed source is recomputed
    eerste: int
    laatste: int
    rijgroepen: tuple[int, ...] = ()  # Parquet
    bereik: tuple[int, int] = (0, 0)  # JSON Lines: bytes [begin, eind)

    def naam(self, soort: str) -> str:
        stam = re.sub(r"[^A-Za-z0-9_.-]+", "_", Path(self.bron).stem)[:40]
        tot = f"-{self.eerste}-{self.laatste}" if self.laatste else ""
        return f"deel-{self.nummer:05d}-{stam}{tot}{soort}"

    def sleutel(self) -> list[Any]:
        """What must match for an earlier part to count (as JSON gives it back)."""
        return [self.bron, self.stempel, self.eerste, self.laatste, list(self.rijgroepen),
                list(self.bereik)]


def invoerbestanden(invoer: Path, t: Teksten) -> list[Path]:
    """A file, the caseload files of a directory, or of a glob pattern; in name order."""
    if invoer.is_file():
        if invoer.suffix.lower() not in FORMATEN:
            raise InvoerFout("invoer", t.tekst("simuleer.formaat", pad=invoer))
        return [invoer.resolve()]
    if invoer.is_dir():
        kandidaten = sorted(invoer.iterdir())
    elif any(c in str(invoer) for c in "*?["):
        kandidaten = sorted(Path(p) for p in glob.glob(str(invoer)))
    else:
        kandidaten = []
    bestanden = [p.resolve() for p in kandidaten
                 if p.is_file() and p.suffix.lower() in FORMATEN]
    if not bestanden:
        raise InvoerFout("invoer", t.tekst("verdeeld.geen_invoer", pad=invoer))
    return bestanden


def _stempel(pad: Path) -> str:
    st = pad.stat()
    return f"{st.st_size}:{st.st_mtime_ns}"


def verdeel(bestanden: Sequence[Path], grootte: int, t: Teksten) -> list[Deel]:
    """The partitions of the caseload in input order (see the module docstring)."""
    import pyarrow as pa

    delen: list[Deel] = []
    for pad in bestanden:
        soort = pad.suffix.lower()
        try:
            if soort == ".parquet":
                delen += _parquet_delen(pad, grootte, len(delen))
            elif soort == ".jsonl":
                delen += regel_delen(pad, grootte, len(delen))
            else:
                delen.append(Deel(len(delen) + 1, str(pad), _stempel(pad), 2, 0))
        except pa.ArrowException as exc:  # not a Parquet file
            raise InvoerFout("invoer", t.tekst("simuleer.onleesbaar", pad=pad, fout=exc)
                             ) from None
    return delen


def _parquet_delen(pad: Path, grootte: int, al: int) -> list[Deel]:
    """Consecutive row groups of at least `grootte` rows (the last may have fewer)."""
    import pyarrow.parquet as pq

    meta = pq.ParquetFile(pad).metadata
    stempel, delen = _stempel(pad), list[Deel]()
    groep: list[int] = []
    eerste = rijen = 1
    for i in range(meta.num_row_groups):
        groep.append(i)
        rijen += meta.row_group(i).num_rows
        if rijen - eerste >= grootte or i == meta.num_row_groups - 1:
            if rijen > eerste:
                delen.append(Deel(al + len(delen) + 1, str(pad), stempel, eerste, rijen - 1,
                                  tuple(groep)))
            groep, eerste = [], rijen
    return delen


def regel_delen(pad: Path, grootte: int, al: int = 0) -> list[Deel]:
    """Ranges of `grootte` lines, found by counting newlines (numpy, 4 MB at a time);
    a last line without a newline counts, as batch counts it."""
    grenzen, regels, positie, laatste = [0], 0, 0, b"\n"
    with pad.open("rb") as f:
        while blok := f.read(1 << 22):
            nieuw = np.flatnonzero(np.frombuffer(blok, dtype=np.uint8) == 10)
            eerste_grens = grootte - 1 - regels % grootte
            grenzen += [positie + int(j) + 1 for j in nieuw[eerste_grens::grootte]]
            regels, positie, laatste = regels + len(nieuw), positie + len(blok), blok[-1:]
    if laatste != b"\n":
        regels += 1
    if grenzen[-1] != positie:
        grenzen.append(positie)
    stempel = _stempel(pad)
    return [Deel(al + i + 1, str(pad), stempel, i * grootte + 1,
                 min((i + 1) * grootte, regels), bereik=(begin, eind))
            for i, (begin, eind) in enumerate(zip(grenzen, grenzen[1:], strict=False))]


# ---------------------------------------------------------------------- the rules on a worker


@dataclass(frozen=True)
class Regelbundel:
    """The rule files of a run, shipped to every worker, and the --variant overlay."""

    bestanden: tuple[tuple[str, bytes], ...]
    variant: tuple[str, bytes] | None

    @classmethod
    def van(cls, regels: Path | None, variant: Path | None) -> Regelbundel:
        basis = regels if regels is not None else data_root()
        bestanden = sorted((p.relative_to(basis).as_posix(), p.read_bytes())
                           for deel in ("rules", "gemeenten", "specs") if (basis / deel).is_dir()
                           for p in (basis / deel).rglob("*")
                           if p.is_file() and "__pycache__" not in p.parts)
        return cls(tuple(bestanden), (variant.name, variant.read_bytes()) if variant else None)

    def kenmerk(self) -> str:
        h = hashlib.sha256()
        for naam, data in (*self.bestanden, *([self.variant] if self.variant else [])):
            h.update(f"{naam}\0{len(data)}\0".encode())
            h.update(data)
        return h.hexdigest()

    def pak_uit(self, map_: Path) -> tuple[Path, Path | None]:
        """The rules root and the overlay, written under `map_`."""
        for naam, data in self.bestanden:
            (map_ / "basis" / naam).parent.mkdir(parents=True, exist_ok=True)
            (map_ / "basis" / naam).write_bytes(data)
        if self.variant is None:
            return map_ / "basis", None
        overlay = map_ / self.variant[0]
        overlay.write_bytes(self.variant[1])
        return map_ / "basis", overlay


@dataclass(frozen=True)
class Motor:
    """A run's engines on one worker."""

    engine: Any
    alt: Any  # the variant's engine, or None
    slug: str | None  # the gemeente the variant replaces (simuleer)
    basis: Path  # the rules root, unpacked
    variant: Path | None  # the overlay, unpacked
    variant_regels: str | None  # the variant's rules root (batch)


def bouw_motor(bundel: Regelbundel, soort: str, map_: Path) -> Motor:
    """The engines `simuleer` (vectorised) or `batch` (scalar) needs."""
    from .batch import _bouw_engines, kopieer_regels, variant_slug

    basis, variant = bundel.pak_uit(map_ / "regels")
    if soort == "batch":
        (engine, alt), variant_regels = _bouw_engines(basis, variant, map_ / "variant")
        return Motor(engine, alt, None, basis, variant, variant_regels)
    from .vector import VectorEngine

    vector = VectorEngine(basis)
    if variant is None:
        return Motor(vector, None, None, basis, None, None)
    slug = variant_slug(basis, variant)
    anders = VectorEngine(kopieer_regels(basis, variant, slug, map_ / "variant"))
    return Motor(vector, anders, slug, basis, variant, None)


class Motoren(WorkerPlugin):  # type: ignore[misc]
    """Compiles the policy once per worker: in `setup`, when the plugin is registered or
    a worker joins; tasks take the engines from here (no module-level state)."""

    def __init__(self, bundel: Regelbundel, soort: str) -> None:
        self.bundel, self.soort = bundel, soort
        self.motor: Motor | None = None
        self.map: str | None = None

    def setup(self, worker: Any) -> None:
        self.map = tempfile.mkdtemp(prefix="sora-werker-")
        self.motor = bouw_motor(self.bundel, self.soort, Path(self.map))

    def teardown(self, worker: Any) -> None:
        if self.map is not None:
            shutil.rmtree(self.map, ignore_errors=True)


def _motor(plugin: str) -> Motor:
    from distributed import get_worker

    motoren = get_worker().plugins[plugin]
    assert isinstance(motoren, Motoren) and motoren.motor is not None, plugin
    return motoren.motor


# ---------------------------------------------------------------------- what a part reports


@dataclass(frozen=True)
class Deelverslag:
    """A part's totals: what the summary of the whole run adds up."""

    samenvatting: Samenvatting
    whatif: WhatIf | None
    terugval: dict[str, int]

    def naar_json(self) -> dict[str, Any]:
        s, w = self.samenvatting, self.whatif
        return {"verwerkt": s.verwerkt, "fouten": s.fouten,
                "aantallen": [[*k, n] for k, n in sorted(s.aantallen.items())],
                "bedragen": [[*k, str(v)] for k, v in sorted(s.bedragen.items())],
                "terugval": self.terugval,
                "wat_als": None if w is None else {
                    "huishoudens": w.huishoudens,
                    "veranderd": sorted(w.veranderd.items()),
                    "overgangen": [[*k, n] for k, n in sorted(w.overgangen.items())],
                    "verschil": [[*k, str(v)] for k, v in sorted(w.verschil.items())]}}

    @classmethod
    def van_json(cls, d: dict[str, Any]) -> Deelverslag:
        s = Samenvatting(d["verwerkt"], d["fouten"],
                         Counter({(a, b): n for a, b, n in d["aantallen"]}),
                         {(a, b): Decimal(v) for a, b, v in d["bedragen"]})
        w = d["wat_als"]
        whatif = None if w is None else WhatIf(
            Counter(dict(w["veranderd"])),
            Counter({(a, b, c): n for a, b, c, n in w["overgangen"]}),
            {(a, b): Decimal(v) for a, b, v in w["verschil"]}, w["huishoudens"])
        return cls(s, whatif, dict(d["terugval"]))


@dataclass(frozen=True)
class Fout:
    """Unusable input in a part (an InvoerFout does not survive pickling)."""

    bron: str
    pad: str
    bericht: str


def totaal(verslagen: Sequence[Deelverslag], variant: bool
           ) -> tuple[Samenvatting, WhatIf | None, dict[str, int]]:
    s, w, terugval = Samenvatting(), WhatIf() if variant else None, Counter[str]()
    for v in verslagen:
        s.voeg_samen(v.samenvatting)
        if w is not None and v.whatif is not None:
            w.voeg_samen(v.whatif)
        terugval.update(v.terugval)
    return s, w, dict(terugval)


# ---------------------------------------------------------------------- files


def _umask() -> int:
    masker = os.umask(0)
    os.umask(masker)
    return masker


@contextlib.contextmanager
def tijdelijk(doel: Path) -> Iterator[Path]:
    """A temporary file beside `doel` that gets its name only when the block completes."""
    fd, naam = tempfile.mkstemp(prefix=f".{doel.name}.", suffix=".deel", dir=doel.parent)
    os.close(fd)
    pad = Path(naam)
    try:
        yield pad
        os.chmod(pad, 0o666 & ~_umask())  # mkstemp makes it private
        os.replace(pad, doel)
    except BaseException:
        with contextlib.suppress(OSError):
            pad.unlink()
        raise


def _verslagpad(doel: Path) -> Path:
    return doel.with_name(doel.name + ".json")


def _verschilpad(doel: Path) -> Path:
    return doel.with_name(doel.stem + ".verschillen.jsonl")


def _begin(*paden: Path | None) -> None:
    """A part is (re)made: first its output goes (the mark that it is done), then the rest."""
    for pad in paden:
        if pad is not None:
            for p in (pad, _verslagpad(pad)):
                with contextlib.suppress(FileNotFoundError):
                    p.unlink()


def _bewaar_verslag(doel: Path, taak: Taak, verslag: Deelverslag) -> None:
    data = {"kenmerk": taak.kenmerk, "deel": taak.deel.sleutel(), "verslag": verslag.naar_json()}
    with tijdelijk(_verslagpad(doel)) as pad:
        pad.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def eerder_klaar(taak: Taak) -> Deelverslag | None:
    """The report of a part an earlier run finished with the same stamp, if any."""
    doel = Path(taak.doel)
    if not doel.is_file() or (taak.verschillen and not _verschilpad(doel).is_file()):
        return None
    try:
        data = json.loads(_verslagpad(doel).read_bytes())
        if data["kenmerk"] != taak.kenmerk or data["deel"] != taak.deel.sleutel():
            return None
        return Deelverslag.van_json(data["verslag"])
    except (OSError, ValueError, KeyError, TypeError):
        return None


def delenmap(uitvoer: Path, t: Teksten) -> Path:
    """UIT.d (absolute: a worker may run elsewhere or in another directory), without the
    temporary files of an interrupted run."""
    map_ = uitvoer.resolve().with_name(uitvoer.name + ".d")
    if map_.exists() and not map_.is_dir():
        raise InvoerFout("uitvoer", t.tekst("verdeeld.geen_map", pad=map_))
    map_.mkdir(exist_ok=True)
    for oud in map_.glob(".*.deel"):
        with contextlib.suppress(OSError):
            oud.unlink()
    return map_


def voeg_samen(delen: Sequence[Path], doel: Path) -> None:
    """The parts in input order as one file, as the single-machine run writes it."""
    with tijdelijk(doel) as pad:
        if doel.suffix.lower() == ".parquet":
            _parquet_samen(delen, pad)
        else:
            _tekst_samen(delen, pad, kop=doel.suffix.lower() == ".csv")


def _tekst_samen(delen: Sequence[Path], pad: Path, kop: bool) -> None:
    """JSON Lines as they are; CSV with the header of the first part only."""
    geschreven = False
    with pad.open("wb") as uit:
        for deel in delen:
            if deel.stat().st_size == 0:
                continue
            with deel.open("rb") as f:
                if kop and geschreven:
                    f.readline()
                shutil.copyfileobj(f, uit, 1 << 20)
            geschreven = True


def _parquet_samen(delen: Sequence[Path], pad: Path) -> None:
    """Row group by row group, so memory stays flat."""
    import pyarrow.parquet as pq

    schrijver: pq.ParquetWriter | None = None
    for deel in delen:
        if deel.stat().st_size == 0:
            continue
        bron = pq.ParquetFile(deel)
        if schrijver is None:
            schrijver = pq.ParquetWriter(str(pad), bron.schema_arrow)
        for i in range(bron.num_row_groups):
            schrijver.write_table(bron.read_row_group(i))
    if schrijver is not None:
        schrijver.close()


# ---------------------------------------------------------------------- reading a part


class _Venster(io.RawIOBase):
    """Bytes [begin, eind) of a file as a stream Arrow's JSON reader can read."""

    def __init__(self, pad: Path, begin: int, eind: int) -> None:
        super().__init__()
        self._f: io.BufferedReader = pad.open("rb")
        self._f.seek(begin)
        self._over = eind - begin

    def readable(self) -> bool:
        return True

    def readinto(self, b: Any) -> int:
        n = self._f.readinto(memoryview(b)[:max(0, min(len(b), self._over))])
        self._over -= n
        return n

    def close(self) -> None:
        self._f.close()
        super().close()


def lees_deel(deel: Deel, stuk: int) -> Iterator[Stuk]:
    """A part in chunks of at most `stuk` households, as vector.io.lees reads a file."""
    from .vector.io import lees

    pad = Path(deel.bron)
    if pad.suffix.lower() == ".csv":
        yield from lees(pad, stuk)
        return
    if pad.suffix.lower() == ".parquet":
        import pyarrow.parquet as pq

        yield from _stukken(pq.ParquetFile(pad).iter_batches(
            batch_size=stuk, row_groups=list(deel.rijgroepen)), stuk, deel.eerste)
        return
    from .vector.io import jsonl_stukken

    with _Venster(pad, *deel.bereik) as venster:
        yield from jsonl_stukken(io.BufferedReader(venster, 1 << 20), deel.eerste, stuk)


def _stukken(batches: Iterator[pa.RecordBatch], stuk: int, regel: int) -> Iterator[Stuk]:
    from .vector.io import Stuk, _in_stukken
    from .vector.kolommen import uit_arrow
    from .vector.plat import genest, is_plat

    for tabel in _in_stukken(batches, stuk):
        if is_plat(tabel.schema):
            tabel = genest(tabel)
        yield Stuk(uit_arrow(tabel), tabel, regel)
        regel += tabel.num_rows


def regelblokken(deel: Deel, grootte: int) -> Iterator[list[tuple[int, bytes]]]:
    """The lines of a JSON Lines part with their numbers, in blocks, as batch reads them."""
    blok: list[tuple[int, bytes]] = []
    nummer, over = deel.eerste, deel.bereik[1] - deel.bereik[0]
    with Path(deel.bron).open("rb") as f:
        f.seek(deel.bereik[0])
        while over > 0 and (regel := f.readline(over)):
            over -= len(regel)
            blok.append((nummer, regel))
            nummer += 1
            if len(blok) == grootte:
                yield blok
                blok = []
    if blok:
        yield blok


# ---------------------------------------------------------------------- tasks on a worker


@dataclass(frozen=True)
class Taak:
    """One part to compute: where its output goes, and the options of the run."""

    plugin: str
    deel: Deel
    doel: str
    kenmerk: str
    gemeente: str | None
    peildatum: str | None
    stuk: int
    verschillen: bool = False  # batch --variant: a part of the differences beside it


def simuleer_deel(taak: Taak) -> Deelverslag | Fout:
    """`simuleer` over one part, with the single-machine code per chunk (cli_simuleer)."""
    from .cli_simuleer import _Opdracht, _resultaten, _schrijf, _tel
    from .vector.io import Schrijver

    m, doel = _motor(taak.plugin), Path(taak.doel)
    _begin(doel)
    o = _Opdracht(Path(taak.deel.bron), doel, m.variant, taak.gemeente, taak.peildatum,
                  taak.stuk, m.basis)
    s, w, terugval = Samenvatting(), WhatIf(), Counter[str]()
    schrijver = Schrijver(doel)
    try:
        for r, v, rijen in _resultaten(o, m.engine, m.alt, m.slug, standaard_teksten(),
                                       lees_deel(taak.deel, taak.stuk), taak.deel.eerste):
            _schrijf(schrijver, r, v, rijen)
            _tel(s, w, r, v, rijen)
            terugval.update(r.terugval)
        verslag = Deelverslag(s, w if m.alt is not None else None, dict(terugval))
        _bewaar_verslag(doel, taak, verslag)
        schrijver.klaar()
    except InvoerFout as exc:
        schrijver.weg()
        return Fout(taak.deel.bron, exc.pad, exc.bericht)
    except BaseException:
        schrijver.weg()
        raise
    return verslag


def batch_deel(taak: Taak) -> Deelverslag:
    """`batch` over one part: the same worker code, line for line (batch._Worker)."""
    from .batch import BLOK, _Opdracht, _Worker

    m, doel = _motor(taak.plugin), Path(taak.doel)
    werker = _Worker(_Opdracht(str(m.basis), m.variant_regels, taak.gemeente, taak.peildatum),
                     (m.engine, m.alt))
    verschil = _verschilpad(doel) if m.alt is not None else None
    _begin(doel, verschil)
    s, w = Samenvatting(), WhatIf() if m.alt is not None else None
    with tijdelijk(doel) as uit_pad, contextlib.ExitStack() as stapel:
        dif = stapel.enter_context(tijdelijk(verschil)).open("wb") if verschil else None
        with uit_pad.open("wb") as uit:
            for blok in regelblokken(taak.deel, BLOK):
                b = werker.evaluate_block(blok)
                uit.write(b.uitvoer)
                s.voeg_samen(b.samenvatting)
                if dif is not None and w is not None and b.whatif is not None:
                    dif.write(b.verschillen)
                    w.voeg_samen(b.whatif)
        if dif is not None:
            dif.close()
        verslag = Deelverslag(s, w, {})
        _bewaar_verslag(doel, taak, verslag)
    return verslag


# ---------------------------------------------------------------------- the cluster


def _controleer_adres(adres: str, t: Teksten) -> None:
    """A malformed address or a scheduler that does not answer: exit 2, before a Client
    exists (a Client that failed to connect prints a traceback when Python exits)."""
    from distributed.comm import connect

    async def probeer() -> None:
        comm = await connect(adres, timeout=VERBINDEN)
        await comm.close()

    m = _ADRES.match(adres)
    if m is None or int(m.group(1)) > 65535:
        raise InvoerFout("--dask", t.tekst("verdeeld.adres", adres=adres))
    try:
        asyncio.run(probeer())
    except ValueError:
        raise InvoerFout("--dask", t.tekst("verdeeld.adres", adres=adres)) from None
    except OSError:
        raise InvoerFout("--dask", t.tekst("verdeeld.onbereikbaar", adres=adres,
                                           seconden=f"{VERBINDEN:g}")) from None


@contextlib.contextmanager
def verbind(cluster: Cluster, t: Teksten) -> Iterator[Client]:
    """A Client on a new LocalCluster (`lokaal`) or on the scheduler at the address."""
    from distributed import Client, LocalCluster

    if cluster.adres == "lokaal":
        with LocalCluster(n_workers=cluster.werkers or STANDAARD_WERKERS, threads_per_worker=1,
                          processes=True, dashboard_address=":0",
                          silence_logs=logging.ERROR) as lokaal, \
                Client(lokaal, set_as_default=False) as client:
            yield client
        return
    _controleer_adres(cluster.adres, t)
    try:
        client = Client(cluster.adres, timeout=VERBINDEN, set_as_default=False)
    except (OSError, ValueError):
        raise InvoerFout("--dask", t.tekst("verdeeld.onbereikbaar", adres=cluster.adres,
                                           seconden=f"{VERBINDEN:g}")) from None
    with client:
        try:
            client.wait_for_workers(1, timeout=VERBINDEN)
        except (OSError, TimeoutError):
            raise InvoerFout("--dask", t.tekst("verdeeld.geen_werkers", adres=cluster.adres,
                                               seconden=f"{VERBINDEN:g}")) from None
        yield client


def reken(client: Client, functie: Callable[[Taak], Any], taken: Sequence[Taak],
          bij_elk: Callable[[Deelverslag], None]) -> list[Deelverslag | Fout]:
    """Every task's report in input order. At unusable input the parts after it are
    cancelled, but those before it still run: the error reported is always the first in
    input order, as on one machine."""
    from distributed import as_completed

    futures = client.map(functie, taken, pure=False)
    plek = {f.key: i for i, f in enumerate(futures)}
    uit: dict[int, Deelverslag | Fout] = {}
    eerste_fout = len(futures)
    for f in as_completed(futures, loop=client.loop):
        i = plek[f.key]
        if i > eerste_fout:
            continue
        r = f.result()
        uit[i] = r
        if isinstance(r, Fout):
            eerste_fout = i
            client.cancel(futures[i + 1:])
        else:
            bij_elk(r)
    return [uit[i] for i in range(min(eerste_fout + 1, len(futures)))]


@dataclass(frozen=True)
class Run:
    """One distributed run: its parts, where they go, and how to compute one."""

    cluster: Cluster
    bundel: Regelbundel
    soort: str  # "simuleer" or "batch"
    taken: tuple[Taak, ...]
    map: Path
    meerdere_bestanden: bool


def draai(run: Run, t: Teksten, voortgang: Callable[[Deelverslag], None] | None = None
          ) -> tuple[list[Deelverslag], int]:
    """The reports of all parts in input order, and how many an earlier run had done.
    Only the parts still missing go to the cluster; none missing, no cluster."""
    bij_elk = voortgang or _niets
    klaar: dict[int, Deelverslag] = {}
    for i, taak in enumerate(run.taken):
        if (verslag := eerder_klaar(taak)) is not None:
            klaar[i] = verslag
            bij_elk(verslag)
    open_ = [tk for i, tk in enumerate(run.taken) if i not in klaar]
    nieuw: list[Deelverslag] = []
    if open_:
        functie = simuleer_deel if run.soort == "simuleer" else batch_deel
        with verbind(run.cluster, t) as client:
            nieuw = _zonder_fout(_op_het_cluster(client, run, functie, open_, bij_elk, t),
                                 run, t)
    rest = iter(nieuw)
    return [klaar[i] if i in klaar else next(rest) for i in range(len(run.taken))], len(klaar)


def _zonder_fout(uit: list[Deelverslag | Fout], run: Run, t: Teksten) -> list[Deelverslag]:
    """The reports; unusable input in a part (the last one `reken` returns) is raised."""
    for r in uit:
        if isinstance(r, Fout):
            bericht = t.tekst("verdeeld.bestand", pad=r.bron, bericht=r.bericht) \
                if run.meerdere_bestanden else r.bericht
            raise InvoerFout(r.pad, bericht)
    return [r for r in uit if isinstance(r, Deelverslag)]


def _niets(_: Deelverslag) -> None:
    return None


def _op_het_cluster(client: Client, run: Run, functie: Callable[[Taak], Any],
                    taken: list[Taak], bij_elk: Callable[[Deelverslag], None], t: Teksten
                    ) -> list[Deelverslag | Fout]:
    """Register the engines, compute, unregister; a failing cluster becomes ClusterFout."""
    naam = taken[0].plugin
    try:
        client.register_plugin(Motoren(run.bundel, run.soort), name=naam)
        return reken(client, functie, taken, bij_elk)
    except (SoraFout, KeyboardInterrupt):
        raise
    except Exception as exc:  # a worker died, the scheduler went away, a disk on a worker
        raise ClusterFout(t.tekst("verdeeld.mislukt", fout=f"{type(exc).__name__}: {exc}",
                                  map=run.map)) from None
    finally:
        with contextlib.suppress(Exception):
            client.unregister_worker_plugin(naam)


def _taken(delen: Sequence[Deel], map_: Path, soort: str, kenmerk: str,
           opties: tuple[str | None, str | None, int, bool]) -> tuple[Taak, ...]:
    plugin = f"sora-rules-{uuid.uuid4().hex[:12]}"
    return tuple(Taak(plugin, d, str(map_ / d.naam(soort)), kenmerk, *opties) for d in delen)


def kenmerk(commando: str, bundel: Regelbundel, gemeente: str | None,
            peildatum: str | None, uitvoer: Path) -> str:
    """What makes a part's content: the command, the rules, the options, the format."""
    data = [_STEMPEL, commando, bundel.kenmerk(), gemeente, peildatum, uitvoer.suffix.lower()]
    return hashlib.sha256(json.dumps(data).encode()).hexdigest()


# ---------------------------------------------------------------------- the commands


def simuleer_verdeeld(cluster: Cluster, o: Any) -> None:
    """`sora-rules simuleer --dask`; `o` is cli_simuleer's _Opdracht. Prints what the
    single-machine run prints, and where the parts are."""
    from .cli_simuleer import _engines, _toon
    from .vector.io import FormaatFout, formaat

    t, start = standaard_teksten(), time.perf_counter()
    try:
        formaat(o.uitvoer)
    except FormaatFout:
        raise InvoerFout("uitvoer", t.tekst("simuleer.formaat", pad=o.uitvoer)) from None
    bestanden = invoerbestanden(o.invoer, t)
    _controleer_uitvoer(o.invoer, o.uitvoer, bestanden, t)
    with tempfile.TemporaryDirectory(prefix="sora-verdeeld-") as tmp:
        slug = _engines(o, Path(tmp))[2]  # refuses bad rules or a bad variant up front
    bundel = Regelbundel.van(o.regels, o.variant)
    map_ = delenmap(o.uitvoer, t)
    taken = _taken(verdeel(bestanden, o.stuk, t), map_, o.uitvoer.suffix.lower(),
                   kenmerk("simuleer", bundel, o.gemeente, o.peildatum, o.uitvoer),
                   (o.gemeente, o.peildatum, o.stuk, False))
    try:
        verslagen, hervat = draai(Run(cluster, bundel, "simuleer", taken, map_,
                                      len(bestanden) > 1), t)
    except ClusterFout as exc:  # simuleer maps only input, rule and disk errors itself
        from .cli_batch import Omgevingsfout

        raise Omgevingsfout(str(exc)) from None
    voeg_samen([Path(tk.doel) for tk in taken], o.uitvoer)
    s, w, terugval = totaal(verslagen, o.variant is not None)
    _meld_delen(t, len(taken), hervat, map_)
    _toon(t, o, s, w, slug, terugval, time.perf_counter() - start)


def _meld_delen(t: Teksten, aantal: int, hervat: int, map_: Path) -> None:
    click.echo(t.tekst("verdeeld.klaar", aantal=aantal, map=map_))
    if hervat:
        click.echo(t.tekst("verdeeld.hervat", aantal=hervat))


def _controleer_uitvoer(invoer: Path, uitvoer: Path, bestanden: Sequence[Path], t: Teksten
                        ) -> None:
    """UIT is none of the input files, and not where a rerun would take it for one."""
    doel = uitvoer.resolve()
    if not doel.parent.is_dir():
        raise InvoerFout("uitvoer", t.tekst("simuleer.map", pad=uitvoer.parent))
    if doel in bestanden:
        raise InvoerFout("uitvoer", t.tekst("simuleer.zelfde", pad=uitvoer))
    if (invoer.is_dir() and doel.parent == invoer.resolve()) or (
            not invoer.exists() and doel.match(str(invoer.resolve()))):
        raise InvoerFout("uitvoer", t.tekst("verdeeld.in_invoer", pad=uitvoer, invoer=invoer))


@dataclass(frozen=True)
class Batchopties:
    """The options of `batch` that a distributed run uses."""

    gemeente: str | None = None
    peildatum: str | None = None
    variant: Path | None = None
    verschillen: Path | None = None
    regels: Path | None = None
    samenvatting_pad: Path | None = None
    deel: int = BATCH_DEEL


def batch_verdeeld(cluster: Cluster, invoer: Path, uitvoer: Path, b: Batchopties,
                   voortgang: Callable[[int, int], None] | None = None) -> Resultaat:
    """`sora-rules batch --dask`: the same files as run_batch writes, from parts."""
    from .batch import Resultaat, _bouw_engines, controleer_paden, schrijf_samenvatting

    t = standaard_teksten()
    verschillen = b.verschillen if b.variant is None or b.verschillen is not None else \
        uitvoer.with_name(uitvoer.stem + ".verschillen.jsonl")
    controleer_paden(invoer, {"uitvoer": uitvoer, "verschillen": verschillen,
                              "samenvatting": b.samenvatting_pad}, b.variant)
    with tempfile.TemporaryDirectory(prefix="sora-verdeeld-") as tmp:
        _bouw_engines(b.regels, b.variant, Path(tmp))  # refuses bad rules or variant up front
    bundel = Regelbundel.van(b.regels, b.variant)
    map_ = delenmap(uitvoer, t)
    delen = regel_delen(invoer.resolve(), b.deel)
    taken = _taken(delen, map_, ".jsonl", kenmerk("batch", bundel, b.gemeente, b.peildatum,
                                                  uitvoer),
                   (b.gemeente, b.peildatum, 0, verschillen is not None))
    verslagen, hervat = draai(Run(cluster, bundel, "batch", taken, map_, False), t,
                              _teller(voortgang, delen[-1].laatste if delen else 0))
    voeg_samen([Path(tk.doel) for tk in taken], uitvoer)
    if verschillen is not None:
        voeg_samen([_verschilpad(Path(tk.doel)) for tk in taken], verschillen)
    s, w, _ = totaal(verslagen, b.variant is not None)
    resultaat = Resultaat(s, w, uitvoer, verschillen, 0)
    if b.samenvatting_pad is not None:
        schrijf_samenvatting(b.samenvatting_pad, resultaat.to_dict(), uitvoer)
    _meld_delen(t, len(taken), hervat, map_)
    return resultaat


def _teller(voortgang: Callable[[int, int], None] | None, totaal_: int
            ) -> Callable[[Deelverslag], None] | None:
    """batch's progress bar, moved on per finished part."""
    if voortgang is None:
        return None
    gedaan = [0]

    def bij(v: Deelverslag) -> None:
        gedaan[0] += v.samenvatting.verwerkt
        voortgang(gedaan[0], totaal_)

    return bij

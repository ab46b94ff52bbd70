"""Reading caseloads and writing results in chunks: JSON Lines, CSV and Parquet.

The format follows the file name (`.jsonl`, `.csv`, `.parquet`). Reading streams Arrow
record batches of about `STUK` households, so memory stays flat however large the file;
JSON Lines are parsed by Arrow with the case schema, and a chunk Arrow would read more
leniently than the case contract (`null`, money as text) goes through the contract's own
validation, so simuleer accepts exactly what batch and evaluate accept. Output goes to
a temporary file beside the target and is renamed into place only when complete, so a
failed or interrupted run leaves nothing half-written under the target's name.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import re
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, BinaryIO

import orjson
import pyarrow as pa
import pyarrow.csv as pcsv
import pyarrow.json as pjson
import pyarrow.parquet as pq

from .indeling import DATUM, GEHEEL, GELD, GELD_TYPE, WAAR, WOORD, indeling
from .kolommen import Batch, uit_arrow
from .plat import genest, is_plat, item_kolommen, rij_als_casus

STUK = 50_000
FORMATEN = (".jsonl", ".csv", ".parquet")


class FormaatFout(ValueError):
    """A file name without a known format; `pad` is the file."""


def formaat(pad: Path) -> str:
    if pad.suffix.lower() not in FORMATEN:
        raise FormaatFout(str(pad))
    return pad.suffix.lower()


@dataclass
class Stuk:
    """A chunk of the caseload: its columns, its nested form and its first line number."""

    batch: Batch
    tabel: pa.Table
    eerste_regel: int  # the line in the file (JSON Lines, CSV) or the row (Parquet)

    def casussen(self, rijen: Any) -> list[dict[str, Any]]:
        return [rij_als_casus(self.tabel, int(i)) for i in rijen]


def lees(pad: Path, stuk: int = STUK) -> Iterator[Stuk]:
    """The caseload in chunks of at most `stuk` households."""
    soort = formaat(pad)
    if soort == ".jsonl":
        with pad.open("rb") as f:
            yield from jsonl_stukken(f, 1, stuk)
        return
    batches = {".csv": _csv, ".parquet": _parquet}[soort](pad, stuk)
    regel = 2 if soort == ".csv" else 1  # a line of the file (CSV: after its header)
    for tabel in _in_stukken(batches, stuk):
        if is_plat(tabel.schema):
            tabel = genest(tabel)
        yield Stuk(uit_arrow(tabel), tabel, regel)
        regel += tabel.num_rows


def _in_stukken(batches: Iterator[pa.RecordBatch], stuk: int) -> Iterator[pa.Table]:
    """Arrow's batches regrouped into tables of `stuk` rows (the last may be smaller)."""
    wachtend: list[pa.RecordBatch] = []
    aantal = 0
    for b in batches:
        wachtend.append(b)
        aantal += b.num_rows
        while aantal >= stuk:
            tabel = pa.Table.from_batches(wachtend)
            yield tabel.slice(0, stuk)
            rest = tabel.slice(stuk)
            wachtend, aantal = rest.to_batches(), rest.num_rows
    if aantal:
        yield pa.Table.from_batches(wachtend)


class RegelFout(ValueError):
    """A line of a JSON Lines caseload that the case contract refuses, as batch says it."""

    def __init__(self, regel: int, bericht: str) -> None:
        super().__init__(f"regel {regel}: {bericht}")
        self.regel, self.bericht = regel, bericht


def jsonl_stukken(f: BinaryIO, regel: int, stuk: int) -> Iterator[Stuk]:
    """JSON Lines from line `regel` on, `stuk` lines per chunk.

    Arrow parses a chunk unless it looks lenient: Arrow reads `null` as absent and a
    money amount written as text as a number, where the case contract (batch, evaluate)
    refuses both. Such a chunk, or one Arrow refuses, is read line by line with the
    contract's own validation, so simuleer accepts exactly what batch accepts and names
    the first line it does not.
    """
    for data, n in blokken(f, itertools.repeat(stuk)):
        if regel == 1:
            data = data.removeprefix(BOM)
        tabel = snel(data, n)
        if tabel is None:
            tabel = _streng(data, regel)
        yield Stuk(uit_arrow(tabel), tabel, regel)
        regel += n


def blokken(f: BinaryIO, groottes: Iterator[int]) -> Iterator[tuple[bytes, int]]:
    """Whole lines as one bytes object per block, `next(groottes)` lines each, with their
    number: cut from large reads, so no Python object per line (the file's last line
    may lack its newline)."""
    buf, einde = b"", False
    stuk = next(groottes)
    while buf or not einde:
        eind = na_regels(buf, stuk)
        if eind is None and not einde:
            nieuw = f.read(1 << 24)
            buf, einde = buf + nieuw, not nieuw
            continue
        data = buf if eind is None else buf[:eind]
        buf = b"" if eind is None else buf[eind:]
        yield data, data.count(b"\n") + (not data.endswith(b"\n"))
        stuk = next(groottes)


def na_regels(buf: bytes, stuk: int) -> int | None:
    """The position after the `stuk`-th newline, None with fewer in `buf`."""
    if buf.count(b"\n") < stuk:
        return None
    pos = -1
    for _ in range(stuk):
        pos = buf.find(b"\n", pos + 1)
    return pos + 1


BOM = "\ufeff".encode()  # on the first line: read as batch reads it (batch.decodeer)


@cache
def _geld_als_tekst() -> re.Pattern[bytes]:
    """A money amount written as text (`"bezittingen": "2500.00"`): Arrow reads it as a
    number, the contract refuses it."""
    geld = sorted({v.pad.rsplit(".", 1)[-1] for v in _alle_velden() if v.soort == GELD})
    namen = b"|".join(re.escape(n.encode()) for n in geld)
    return re.compile(rb'"(?:' + namen + rb')"\s*:\s*"')


_NULL = re.compile(rb"[:\[,]\s*null\b")  # a JSON null, which Arrow reads as absent


def _alle_velden() -> list[Any]:
    ind = indeling()
    return [*ind.velden, *(v for lst in ind.lijsten for v in lst.velden)]


def snel(data: bytes, n: int) -> pa.Table | None:
    """Arrow's parse of `n` lines, or None where it would be more lenient than the contract
    (text that only contains such words costs a strict read, never a wrong result)."""
    if (b"null" in data and _NULL.search(data)) or _geld_als_tekst().search(data):
        return None
    opties = pjson.ParseOptions(explicit_schema=indeling().arrow_schema(),
                                unexpected_field_behavior="error")
    try:
        tabel = pjson.read_json(pa.BufferReader(data), read_options=pjson.ReadOptions(
            block_size=max(1 << 20, len(data) + 1)), parse_options=opties)
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError, pa.ArrowTypeError):
        return None
    return tabel if tabel.num_rows == n else None  # Arrow skips an empty line


def _streng(data: bytes, eerste: int) -> pa.Table:
    """The chunk line by line through the contract's validation (as batch reads it)."""
    from ..batch import decodeer
    from ..case import load_case_json, validate_case
    from ..errors import InvoerFout

    casussen = []
    regels = data.split(b"\n")
    for nummer, raw in enumerate(regels[:-1] if data.endswith(b"\n") else regels,
                                 start=eerste):
        try:
            tekst = decodeer(nummer, raw)
            if not tekst.strip():
                raise InvoerFout("", "lege regel")
            casussen.append(validate_case(load_case_json(tekst, f"regel {nummer}")))
        except InvoerFout as exc:
            raise RegelFout(nummer, str(exc)) from None
    return pa.Table.from_pylist(casussen, schema=indeling().arrow_schema())


def _parquet(pad: Path, stuk: int) -> Iterator[pa.RecordBatch]:
    yield from pq.ParquetFile(pad).iter_batches(batch_size=stuk)


_CSV_TYPE = {DATUM: pa.string(), GELD: GELD_TYPE, GEHEEL: pa.int64(), WAAR: pa.bool_(),
             WOORD: pa.string()}


def csv_types(namen: list[str]) -> dict[str, pa.DataType]:
    """The Arrow type of each column of the flat layout that the header names."""
    ind = indeling()
    types = {v.pad: _CSV_TYPE[v.soort] for v in ind.velden}
    types |= {w.pad: pa.string() for w in ind.woordlijsten}
    types |= {b: pa.bool_() for b in ind.blokken}
    types |= {lst.naam: pa.int64() for lst in ind.lijsten}
    for naam, items in item_kolommen(namen).items():
        velden = {v.pad: v for v in ind.lijst(naam).velden} if any(
            lst.naam == naam for lst in ind.lijsten) else {}
        for per_item in items.values():
            for veld, kolom in per_item.items():
                if veld in velden:
                    types[kolom] = _CSV_TYPE[velden[veld].soort]
    return {k: v for k, v in types.items() if k in namen}


def _csv(pad: Path, stuk: int) -> Iterator[pa.RecordBatch]:
    with pad.open("r", encoding="utf-8", newline="") as f:
        kop = f.readline().strip("\r\n").split(",")
    opties = pcsv.ConvertOptions(column_types=csv_types(kop), strings_can_be_null=True)
    yield from pcsv.open_csv(pad, read_options=pcsv.ReadOptions(block_size=1 << 24),
                             convert_options=opties)


# ---------------------------------------------------------------------------- writing


class Schrijver:
    """Writes chunks to a temporary file; `klaar` renames it to the target."""

    def __init__(self, doel: Path, schema: pa.Schema | None = None) -> None:
        self.doel, self.soort, self.schema = doel, formaat(doel), schema
        fd, naam = tempfile.mkstemp(prefix=f".{doel.name}.", suffix=".deel",
                                    dir=doel.parent or Path("."))
        os.close(fd)
        self.tijdelijk = Path(naam)
        self._bestand: BinaryIO | None = None
        self._writer: Any = None

    def records(self, recs: list[dict[str, Any]]) -> None:
        if self._bestand is None:
            self._bestand = self.tijdelijk.open("wb")
        self._bestand.write(b"".join(orjson.dumps(r) + b"\n" for r in recs))

    def tabel(self, tabel: pa.Table) -> None:
        if self._writer is None:
            maak = pq.ParquetWriter if self.soort == ".parquet" else pcsv.CSVWriter
            self._writer = maak(str(self.tijdelijk), tabel.schema)
        self._writer.write_table(tabel)

    def klaar(self) -> None:
        self._sluit()
        if self.soort != ".jsonl" and self._writer is None and self.schema is not None:
            self.tabel(self.schema.empty_table())
            self._sluit()
        masker = os.umask(0)
        os.umask(masker)
        os.chmod(self.tijdelijk, 0o666 & ~masker)  # mkstemp makes it private
        os.replace(self.tijdelijk, self.doel)

    def _sluit(self) -> None:
        if self._bestand is not None:
            self._bestand.close()
            self._bestand = None
        if self._writer is not None:
            self._writer.close()
            self._writer = None

    def weg(self) -> None:
        """Give up: nothing remains of the run."""
        with contextlib.suppress(Exception):
            self._sluit()
        with contextlib.suppress(OSError):
            self.tijdelijk.unlink()

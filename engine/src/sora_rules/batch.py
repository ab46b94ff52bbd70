"""Evaluate a caseload (JSON Lines) in parallel, optionally against a variant policy.

Why this shape:
- One input line → exactly one output line, in input order: a decision, or an
  error record `{"regel": n, "fout": {...}}`. So `--hervat` only has to count
  the complete lines already written to know where to continue.
- Output goes to `<uitvoer>.deel` and is renamed when the run is complete, so an
  interrupted run never leaves a file that looks finished.
- Workers are processes (durable-rules holds the GIL); each has its own Engine.
  Workers send back the output line plus small summary tuples, so the parent
  never re-parses what it writes.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import shutil
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from .case import load_case_json
from .errors import InvoerFout
from .load import load_file
from .resources import data_root

BEDRAG_SOORTEN = ("per_maand", "per_jaar", "eenmalig")

# (regeling, uitkomst, ((soort, bedrag-as-text), ...))
Samenvattingsregel = tuple[str, str, tuple[tuple[str, str], ...]]


@dataclass
class Samenvatting:
    """Counts per regeling × uitkomst and total amounts over a run."""

    verwerkt: int = 0
    fouten: int = 0
    aantallen: Counter[tuple[str, str]] = field(default_factory=Counter)
    bedragen: dict[tuple[str, str], Decimal] = field(default_factory=dict)

    def voeg_toe(self, regels: list[Samenvattingsregel] | None) -> None:
        self.verwerkt += 1
        if regels is None:
            self.fouten += 1
            return
        for regeling, uitkomst, bedragen in regels:
            self.aantallen[(regeling, uitkomst)] += 1
            for soort, waarde in bedragen:
                key = (regeling, soort)
                self.bedragen[key] = self.bedragen.get(key, Decimal(0)) + Decimal(waarde)

    def voeg_samen(self, other: Samenvatting) -> None:
        self.verwerkt += other.verwerkt
        self.fouten += other.fouten
        self.aantallen.update(other.aantallen)
        for key, total in other.bedragen.items():
            self.bedragen[key] = self.bedragen.get(key, Decimal(0)) + total

    def to_dict(self) -> dict[str, Any]:
        regelingen: dict[str, Any] = {}
        for (regeling, uitkomst), n in sorted(self.aantallen.items()):
            regelingen.setdefault(regeling, {"uitkomsten": {}, "totaal": {}})
            regelingen[regeling]["uitkomsten"][uitkomst] = n
        for (regeling, soort), total in sorted(self.bedragen.items()):
            regelingen.setdefault(regeling, {"uitkomsten": {}, "totaal": {}})
            regelingen[regeling]["totaal"][soort] = float(total)
        return {"verwerkt": self.verwerkt, "fouten": self.fouten, "regelingen": regelingen}

    def to_text(self) -> str:
        from .explain import euro_text

        lines = [f"Verwerkt: {self.verwerkt} casussen, waarvan {self.fouten} met een invoerfout."]
        for regeling, data in self.to_dict()["regelingen"].items():
            uit = ", ".join(f"{k} {v}" for k, v in data["uitkomsten"].items())
            lines.append(f"  {regeling}: {uit}")
            for soort, total in data["totaal"].items():
                lines.append(f"    totaal {soort.replace('_', ' ')}: "
                             f"{euro_text(Decimal(str(total)))}")
        return "\n".join(lines)


def samenvattingsregels(doc: dict[str, Any]) -> list[Samenvattingsregel]:
    return [(b["regeling"], b["uitkomst"],
             tuple((s, repr(b["bedrag"][s])) for s in BEDRAG_SOORTEN if s in b["bedrag"]))
            for b in doc["besluiten"]]


@dataclass
class WhatIf:
    """Per regeling: households whose outcome changes, and the change in total amounts."""

    veranderd: Counter[str] = field(default_factory=Counter)
    overgangen: Counter[tuple[str, str, str]] = field(default_factory=Counter)
    verschil: dict[tuple[str, str], Decimal] = field(default_factory=dict)
    huishoudens: int = 0

    def voeg_toe(self, diffs: list[dict[str, Any]]) -> None:
        if diffs:
            self.huishoudens += 1
        for d in diffs:
            if d["uitkomst"]["huidig"] != d["uitkomst"]["variant"]:
                self.veranderd[d["regeling"]] += 1
                self.overgangen[(d["regeling"], str(d["uitkomst"]["huidig"]),
                                 str(d["uitkomst"]["variant"]))] += 1
            for soort in BEDRAG_SOORTEN:
                a = Decimal(repr(d["bedrag"]["huidig"].get(soort, 0)))
                b = Decimal(repr(d["bedrag"]["variant"].get(soort, 0)))
                if a != b:
                    key = (d["regeling"], soort)
                    self.verschil[key] = self.verschil.get(key, Decimal(0)) + (b - a)

    def voeg_samen(self, other: WhatIf) -> None:
        self.huishoudens += other.huishoudens
        self.veranderd.update(other.veranderd)
        self.overgangen.update(other.overgangen)
        for key, delta in other.verschil.items():
            self.verschil[key] = self.verschil.get(key, Decimal(0)) + delta

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"huishoudens_met_verschil": self.huishoudens, "regelingen": {}}
        regs = out["regelingen"]
        for (regeling, van, naar), n in sorted(self.overgangen.items()):
            r = regs.setdefault(regeling, {"uitkomst_veranderd": 0, "overgangen": {},
                                           "verschil_totaal": {}})
            r["overgangen"][f"{van} -> {naar}"] = n
        for regeling, n in sorted(self.veranderd.items()):
            regs[regeling]["uitkomst_veranderd"] = n
        for (regeling, soort), delta in sorted(self.verschil.items()):
            r = regs.setdefault(regeling, {"uitkomst_veranderd": 0, "overgangen": {},
                                           "verschil_totaal": {}})
            r["verschil_totaal"][soort] = float(delta)
        return out

    def to_text(self) -> str:
        from .explain import euro_text

        data = self.to_dict()
        lines = [f"Wat-als: {data['huishoudens_met_verschil']} huishoudens met een ander besluit."]
        for regeling, r in data["regelingen"].items():
            lines.append(f"  {regeling}: uitkomst anders bij {r['uitkomst_veranderd']} huishoudens")
            for overgang, n in r["overgangen"].items():
                lines.append(f"    {overgang}: {n}")
            for soort, delta in r["verschil_totaal"].items():
                teken = "+" if delta >= 0 else "-"
                lines.append(f"    verschil totaal {soort.replace('_', ' ')}: {teken}"
                             f"{euro_text(abs(Decimal(str(delta))))}")
        return "\n".join(lines)


def besluit_diffs(regel: int, huidig: dict[str, Any], variant: dict[str, Any]
                  ) -> list[dict[str, Any]]:
    """Per regeling whose outcome or amount differs between the two decision documents."""
    a = {b["regeling"]: b for b in huidig["besluiten"]}
    b = {b["regeling"]: b for b in variant["besluiten"]}
    diffs = []
    for rid in sorted(a.keys() | b.keys()):
        x, y = a.get(rid), b.get(rid)
        ux, uy = (x or {}).get("uitkomst"), (y or {}).get("uitkomst")
        bx, by = (x or {}).get("bedrag", {}), (y or {}).get("bedrag", {})
        if ux != uy or bx != by:
            diffs.append({"regel": regel, "gemeente": huidig["gemeente"], "regeling": rid,
                          "uitkomst": {"huidig": ux, "variant": uy},
                          "bedrag": {"huidig": bx, "variant": by}})
    return diffs


# -- worker side ----------------------------------------------------------------------

@dataclass
class _Opdracht:
    regels: str | None
    variant_regels: str | None
    gemeente: str | None
    peildatum: str | None


def _compact(doc: dict[str, Any]) -> str:
    """Compact, deterministic JSON; orjson when installed (several times faster)."""
    if _orjson is not None:
        return str(_orjson.dumps(doc), "utf-8")
    return json.dumps(doc, ensure_ascii=False, separators=(",", ":"))


_orjson: Any
try:
    import orjson as _orjson
except ImportError:  # pragma: no cover - optional speed-up
    _orjson = None


class _Worker:
    """One process's engines; in a pool each worker process builds its own."""

    def __init__(self, opdracht: _Opdracht) -> None:
        from .engine import Engine

        self.opdracht = opdracht
        self.engine = Engine(opdracht.regels)
        self.variant = Engine(opdracht.variant_regels) if opdracht.variant_regels else None

    def evaluate_line(self, item: tuple[int, bytes]) -> Uitkomstregel:
        regel, raw = item
        o = self.opdracht
        try:
            text = raw.decode("utf-8-sig" if regel == 1 else "utf-8", errors="replace")
            if not text.strip():
                raise InvoerFout("", "lege regel")
            case = load_case_json(text, f"regel {regel}")
            doc = self.engine.evaluate(case, gemeente=o.gemeente, peildatum=o.peildatum).to_dict()
        except InvoerFout as exc:
            fout = {"regel": regel, "fout": {"pad": exc.pad, "bericht": exc.bericht}}
            return json.dumps(fout, ensure_ascii=False), None, []
        diffs: list[dict[str, Any]] = []
        if self.variant is not None:
            alt = self.variant.evaluate(case, gemeente=o.gemeente, peildatum=o.peildatum)
            diffs = besluit_diffs(regel, doc, alt.to_dict())
        return _compact(doc), samenvattingsregels(doc), diffs


    def evaluate_block(self, block: list[tuple[int, bytes]]) -> _Blok:
        """A run of lines → their output, diffs (UTF-8 bytes) and partial summaries."""
        out, diff_out = [], []
        samenvatting = Samenvatting()
        whatif = WhatIf() if self.variant is not None else None
        for item in block:
            line, regels, diffs = self.evaluate_line(item)
            out.append(line + "\n")
            diff_out += [_compact(d) + "\n" for d in diffs]
            samenvatting.voeg_toe(regels)
            if whatif is not None:
                whatif.voeg_toe(diffs)
        return _Blok("".join(out).encode(), "".join(diff_out).encode(), samenvatting, whatif)


Uitkomstregel = tuple[str, list[Samenvattingsregel] | None, list[dict[str, Any]]]


@dataclass
class _Blok:
    """What a worker sends back for a run of lines: encoded once, so the parent only copies."""

    uitvoer: bytes
    verschillen: bytes
    samenvatting: Samenvatting
    whatif: WhatIf | None


_PROCESS_WORKER: list[_Worker] = []  # set once in each pool process by its initializer


def _init_process(opdracht: _Opdracht) -> None:
    _PROCESS_WORKER[:] = [_Worker(opdracht)]


def _evaluate_in_process(block: list[tuple[int, bytes]]) -> _Blok:
    return _PROCESS_WORKER[0].evaluate_block(block)


# -- parent side ----------------------------------------------------------------------

@dataclass
class Resultaat:
    samenvatting: Samenvatting
    whatif: WhatIf | None
    uitvoer: Path
    verschillen: Path | None
    hervat_vanaf: int


def deel_pad(path: Path) -> Path:
    return path.with_name(path.name + ".deel")


def _complete_lines(path: Path) -> list[bytes]:
    """The complete (newline-terminated) lines of a partial file; truncates a torn last line."""
    data = path.read_bytes()
    end = data.rfind(b"\n") + 1
    if end != len(data):
        with path.open("r+b") as handle:
            handle.truncate(end)
    return data[:end].splitlines()


def variant_root(basis: Path, variant: Path, doel: Path) -> str:
    """A rules root equal to `basis` but with `variant` as the overlay of its gemeente."""
    doc = load_file(variant)
    slug = (doc.data.get("gemeente") or {}).get("slug") if isinstance(doc.data, dict) else None
    if not slug:
        raise InvoerFout("variant", f"{variant}: geen gemeente.slug in de variant-overlay")
    shutil.copytree(basis / "rules", doel / "rules")
    shutil.copytree(basis / "gemeenten", doel / "gemeenten")
    if not (doel / "gemeenten" / f"{slug}.yaml").exists():
        raise InvoerFout("variant", f"{variant}: onbekende gemeente '{slug}'")
    shutil.copyfile(variant, doel / "gemeenten" / f"{slug}.yaml")
    schemas = basis / "specs"
    if schemas.is_dir():
        shutil.copytree(schemas, doel / "specs")
    return str(doel)


def run_batch(invoer: Path, uitvoer: Path, *, gemeente: str | None = None,
              peildatum: str | None = None, workers: int = 1, hervat: bool = False,
              variant: Path | None = None, verschillen: Path | None = None,
              regels: Path | None = None,
              voortgang: Callable[[int, int], None] | None = None) -> Resultaat:
    """Evaluate every line of `invoer` into `uitvoer` (see the module docstring)."""
    if not invoer.is_file():
        raise InvoerFout("invoer", f"{invoer} bestaat niet of is geen bestand")
    deel = deel_pad(uitvoer)
    if variant is not None and verschillen is None:
        verschillen = uitvoer.with_name(uitvoer.stem + ".verschillen.jsonl")
    diff_deel = deel_pad(verschillen) if verschillen else None
    samenvatting, whatif = Samenvatting(), (WhatIf() if variant else None)
    skip = 0
    if deel.exists() and not hervat:
        raise InvoerFout("uitvoer", f"{deel} bestaat al: een eerdere run is onderbroken; "
                         "gebruik --hervat of verwijder het bestand")
    if hervat and deel.exists():
        done = _complete_lines(deel)
        skip = len(done)
        for raw in done:
            record = json.loads(raw)
            samenvatting.voeg_toe(None if "fout" in record else samenvattingsregels(record))
        if diff_deel is not None and whatif is not None and diff_deel.exists():
            kept = [r for r in _complete_lines(diff_deel) if json.loads(r)["regel"] <= skip]
            diff_deel.write_bytes(b"".join(r + b"\n" for r in kept))
            per_regel: dict[int, list[dict[str, Any]]] = {}
            for r in kept:
                d = json.loads(r)
                per_regel.setdefault(d["regel"], []).append(d)
            for diffs in per_regel.values():
                whatif.voeg_toe(diffs)
    elif diff_deel is not None and diff_deel.exists():
        diff_deel.unlink()

    totaal = sum(1 for _ in invoer.open("rb"))
    basis = Path(regels) if regels else data_root()
    with tempfile.TemporaryDirectory(prefix="sora-variant-") as tmp:
        variant_regels = variant_root(basis, variant, Path(tmp)) if variant else None
        if variant_regels:
            from .engine import Engine

            Engine(variant_regels)  # fail early (exit 1/2) on an invalid variant
        opdracht = _Opdracht(str(regels) if regels else None, variant_regels, gemeente,
                             peildatum)
        with deel.open("ab") as out, (diff_deel.open("ab") if diff_deel else _nullfile()) as dout:
            for blok in _results(invoer, skip, workers, opdracht):
                dout.write(blok.verschillen)  # diffs first: on resume, extra ones are dropped
                out.write(blok.uitvoer)
                samenvatting.voeg_samen(blok.samenvatting)
                if whatif is not None and blok.whatif is not None:
                    whatif.voeg_samen(blok.whatif)
                if voortgang is not None:
                    voortgang(samenvatting.verwerkt, totaal)
            out.flush()
            os.fsync(out.fileno())
    os.replace(deel, uitvoer)
    if diff_deel is not None and verschillen is not None:
        diff_deel.touch()
        os.replace(diff_deel, verschillen)
    return Resultaat(samenvatting, whatif, uitvoer, verschillen, skip)


class _nullfile:
    def __enter__(self) -> _nullfile:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def write(self, _data: bytes) -> int:
        return 0


BLOK = 200  # lines per unit of work: large enough to keep IPC cheap, small for resume


def _blocks(invoer: Path, skip: int) -> Iterator[list[tuple[int, bytes]]]:
    block: list[tuple[int, bytes]] = []
    with invoer.open("rb") as handle:  # workers decode: the parent only passes bytes on
        for n, text in enumerate(handle, start=1):
            if n > skip:
                block.append((n, text))
                if len(block) == BLOK:
                    yield block
                    block = []
    if block:
        yield block


def _results(invoer: Path, skip: int, workers: int, opdracht: _Opdracht) -> Iterator[_Blok]:
    if workers <= 1:
        yield from map(_Worker(opdracht).evaluate_block, _blocks(invoer, skip))
        return
    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(workers, initializer=_init_process, initargs=(opdracht,)) as pool:
        yield from pool.imap(_evaluate_in_process, _blocks(invoer, skip), chunksize=2)


def voortgangsbalk(stream: Any) -> Callable[[int, int], None]:
    """A progress line on a terminal, at most ~5 updates a second."""
    start = time.perf_counter()
    last = [0.0]

    def show(done: int, total: int) -> None:
        now = time.perf_counter()
        if now - last[0] < 0.2 and done < total:
            return
        last[0] = now
        rate = done / max(now - start, 1e-9)
        pct = 100 * done / total if total else 100
        stream.write(f"\r{done}/{total} ({pct:5.1f}%, {rate:,.0f}/s)".replace(",", "."))
        if done >= total:
            stream.write("\n")
        stream.flush()

    return show

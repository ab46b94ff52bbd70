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
- Nothing destroyed, nothing lost: outputs that are the input are refused, and
  the output directory, --regels and --variant are checked before the first
  evaluation. A failure during the run (full disk, Ctrl-C) cuts the `.deel`
  back to whole lines, so `--hervat` continues exactly there.
"""

from __future__ import annotations

import contextlib
import errno
import json
import multiprocessing
import os
import shutil
import signal
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable, Generator, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .case import load_case_json
from .errors import InvoerFout, RegelFout, SoraFout
from .load import load_text
from .resources import data_root
from .teksten import Teksten, euro_text, standaard_teksten

if TYPE_CHECKING:
    from .engine import Engine

    _Engines = tuple[Engine, Engine | None]

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

    def to_text(self, teksten: Teksten | None = None) -> str:
        t = teksten or standaard_teksten()
        lines = [t.tekst("batch.verwerkt", verwerkt=self.verwerkt, fouten=self.fouten)]
        for regeling, data in self.to_dict()["regelingen"].items():
            uit = ", ".join(f"{k} {v}" for k, v in data["uitkomsten"].items())
            lines.append(f"  {regeling}: {uit}")
            for soort, total in data["totaal"].items():
                lines.append("    " + t.tekst("batch.totaal", soort=soort.replace("_", " "),
                                              bedrag=euro_text(Decimal(str(total)))))
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

    def to_text(self, teksten: Teksten | None = None) -> str:
        t = teksten or standaard_teksten()
        data = self.to_dict()
        lines = [t.tekst("batch.whatif", aantal=data["huishoudens_met_verschil"])]
        for regeling, r in data["regelingen"].items():
            lines.append("  " + t.tekst("batch.whatif_regeling", regeling=regeling,
                                        aantal=r["uitkomst_veranderd"]))
            for overgang, n in r["overgangen"].items():
                lines.append(f"    {overgang}: {n}")
            for soort, delta in r["verschil_totaal"].items():
                lines.append("    " + t.tekst("batch.verschil", soort=soort.replace("_", " "),
                                              bedrag=euro_text(Decimal(str(delta)), teken=True)))
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


def decodeer(regel: int, raw: bytes) -> str:
    """Strict UTF-8: a replaced byte could silently change a case, so it is an error record."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InvoerFout("", f"regel {regel} is geen geldige UTF-8-tekst (byte "
                         f"0x{raw[exc.start]:02x} op positie {exc.start + 1})") from None
    return text[1:] if regel == 1 and text.startswith("\ufeff") else text


class _Worker:
    """One process's engines; in a pool each worker process builds its own."""

    def __init__(self, opdracht: _Opdracht, engines: _Engines | None = None) -> None:
        from .engine import Engine

        self.opdracht = opdracht
        if engines is None:
            engines = (Engine(opdracht.regels),
                       Engine(opdracht.variant_regels) if opdracht.variant_regels else None)
        self.engine, self.variant = engines

    def evaluate_line(self, item: tuple[int, bytes]) -> Uitkomstregel:
        regel, raw = item
        o = self.opdracht
        try:
            text = decodeer(regel, raw)
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
    """Build the worker; Ctrl-C is the parent's to handle (it stops the pool)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _PROCESS_WORKER[:] = [_Worker(opdracht)]


def _evaluate_in_process(block: list[tuple[int, bytes]]) -> _Blok:
    return _PROCESS_WORKER[0].evaluate_block(block)


# -- parent side ----------------------------------------------------------------------

class OmgevingsFout(SoraFout):
    """The environment failed (disk full, no permission), not the input: exit 1.

    The message names the file and says what is left: a `.deel` to resume, or nothing.
    """


class _Bestandsfout(Exception):
    """An OSError on a known file, carried up so the message can say what is left."""

    def __init__(self, pad: Path, fout: OSError, handeling: str) -> None:
        super().__init__(pad, fout, handeling)
        self.pad, self.fout, self.handeling = pad, fout, handeling


_OORZAKEN = {
    errno.ENOSPC: "de schijf is vol", errno.EDQUOT: "het schijfquotum is op",
    errno.EACCES: "geen toestemming", errno.EPERM: "geen toestemming",
    errno.EROFS: "het bestandssysteem is alleen-lezen",
    errno.EIO: "lees- of schrijffout van de schijf",
    errno.ENOENT: "bestaat niet", errno.EISDIR: "is een map",
    errno.ENOTDIR: "een deel van het pad is geen map",
    errno.EFBIG: "het bestand wordt te groot", errno.ENAMETOOLONG: "de naam is te lang",
}


def oorzaak(exc: OSError) -> str:
    """A Dutch reason for an OSError: its own text is English and names no file we chose."""
    if exc.errno in _OORZAKEN:
        return _OORZAKEN[exc.errno]
    naam = errno.errorcode.get(exc.errno or 0)
    return f"systeemfout {naam}" if naam else "onbekende systeemfout"


@dataclass
class Resultaat:
    """What a finished run produced: the totals, and where the files are."""

    samenvatting: Samenvatting
    whatif: WhatIf | None
    uitvoer: Path
    verschillen: Path | None
    hervat_vanaf: int

    def to_dict(self) -> dict[str, Any]:
        """What `--samenvatting` writes."""
        data = {"samenvatting": self.samenvatting.to_dict()}
        if self.whatif is not None:
            data["wat_als"] = self.whatif.to_dict()
        return data


def deel_pad(path: Path) -> Path:
    """Where a run writes until it is complete; only then does the file get its name."""
    return path.with_name(path.name + ".deel")


def _zelfde(a: Path, b: Path) -> bool:
    """Same file, also through `./`, `..`, a symlink or a hard link."""
    if a.resolve() == b.resolve():
        return True
    try:
        return os.path.samefile(a, b)
    except (OSError, ValueError):
        return False


def controleer_paden(invoer: Path, uitvoer: dict[str, Path | None],
                     variant: Path | None = None) -> None:
    """Refuse, before anything is read or written, an output that would destroy the
    caseload, the variant or another output, or that cannot be a file at all."""
    if not invoer.is_file():
        raise InvoerFout("invoer", f"{invoer} bestaat niet of is geen bestand")
    bronnen = [(f"het invoerbestand {invoer}", invoer)]
    if variant is not None:
        bronnen.append((f"de variant {variant}", variant))
    gezien: list[tuple[str, Path]] = []
    for optie, pad in uitvoer.items():
        if pad is None:
            continue
        for p, (wat, bron) in ((p, b) for p in (pad, deel_pad(pad)) for b in bronnen):
            if _zelfde(p, bron):
                raise InvoerFout(optie, f"{p} is {wat}; kies een andere naam, anders gaat "
                                 "dat bestand verloren")
        for eerder, ander in gezien:
            if _zelfde(pad, ander):
                raise InvoerFout(optie, f"{pad} is hetzelfde bestand als --{eerder}")
        if pad.is_dir():
            raise InvoerFout(optie, f"{pad} is een map; geef een bestandsnaam")
        if not pad.parent.is_dir():
            raise InvoerFout(optie, f"map {pad.parent} bestaat niet")
        gezien.append((optie, pad))


def tel_regels(invoer: Path) -> int:
    """Count lines in chunks (a huge line need not fit twice); proves the file readable."""
    n, laatste = 0, b"\n"
    try:
        with invoer.open("rb") as handle:
            while chunk := handle.read(1 << 20):
                n += chunk.count(b"\n")
                laatste = chunk[-1:]
    except OSError as exc:
        raise InvoerFout("invoer", f"{invoer} is niet leesbaar ({oorzaak(exc)})") from None
    return n + (laatste != b"\n")


def _complete_lines(path: Path) -> list[bytes]:
    """The complete (newline-terminated) lines of a partial file; truncates a torn last line."""
    data = path.read_bytes()
    end = data.rfind(b"\n") + 1
    if end != len(data):
        with path.open("r+b") as handle:
            handle.truncate(end)
    return data[:end].split(b"\n")[:-1]


@dataclass
class _Stand:
    """Where a run stands: the totals over the lines that are safely in the `.deel`."""

    samenvatting: Samenvatting
    whatif: WhatIf | None
    skip: int = 0


def _hervatstand(deel: Path, diff_deel: Path | None, hervat: bool, met_variant: bool) -> _Stand:
    """The totals of an interrupted run, recounted from its `.deel` files."""
    stand = _Stand(Samenvatting(), WhatIf() if met_variant else None)
    try:
        if not (hervat and deel.exists()):
            if diff_deel is not None and diff_deel.exists():
                diff_deel.unlink()  # diffs of an earlier run that is not resumed
            return stand
        if not deel.is_file():
            raise InvoerFout("uitvoer", f"{deel} is geen gewoon bestand; verwijder het")
        done = _complete_lines(deel)
        stand.skip = len(done)
        for n, raw in enumerate(done, start=1):
            stand.samenvatting.voeg_toe(_eerder_besluit(deel, n, raw))
        if diff_deel is not None and stand.whatif is not None and diff_deel.exists():
            kept = [r for r in _complete_lines(diff_deel) if json.loads(r)["regel"] <= stand.skip]
            diff_deel.write_bytes(b"".join(r + b"\n" for r in kept))
            per_regel: dict[int, list[dict[str, Any]]] = {}
            for r in kept:
                d = json.loads(r)
                per_regel.setdefault(d["regel"], []).append(d)
            for diffs in per_regel.values():
                stand.whatif.voeg_toe(diffs)
    except OSError as exc:
        raise OmgevingsFout(f"{deel}: hervatten mislukt ({oorzaak(exc)})") from None
    except (ValueError, KeyError, TypeError):
        raise InvoerFout("uitvoer", f"{diff_deel}: geen verschillen van een eerdere run; "
                         "verwijder het bestand") from None
    return stand


def _eerder_besluit(deel: Path, n: int, raw: bytes) -> list[Samenvattingsregel] | None:
    """One line of an earlier run's `.deel`: its summary, or refused if it is no output."""
    try:
        record = json.loads(raw)
        return None if "fout" in record else samenvattingsregels(record)
    except (ValueError, KeyError, TypeError):
        raise InvoerFout("uitvoer", f"{deel}: regel {n} is geen besluit of foutrecord van "
                         "een eerdere run; verwijder het bestand of kies een andere --uitvoer"
                         ) from None


def variant_slug(basis: Path, variant: Path) -> str:
    """The gemeente a variant overlay replaces. Anything else (a case file, broken YAML,
    an unknown gemeente) is refused up front, naming the file."""
    try:
        data = load_text(utf8_bestand(variant), str(variant)).data
    except RegelFout as exc:
        raise InvoerFout("variant", str(exc)) from None
    if not isinstance(data, dict) or data.get("soort") != "gemeente":
        raise InvoerFout("variant", f"{variant} is geen gemeente-overlay ('soort: gemeente' "
                         "ontbreekt; een casus hoort in de caseload)")
    gemeente = data.get("gemeente")
    slug = gemeente.get("slug") if isinstance(gemeente, dict) else None
    if not slug:
        raise InvoerFout("variant", f"{variant}: geen gemeente.slug in de variant-overlay")
    bekend = sorted(p.stem for p in (basis / "gemeenten").glob("*.yaml"))
    if slug not in bekend:
        raise InvoerFout("variant", f"{variant}: onbekende gemeente '{slug}' (bekend: "
                         f"{', '.join(bekend)})")
    return str(slug)


def utf8_bestand(pad: Path) -> str:
    """The overlay's text; decoded here so a bad byte is named in Dutch, not by the codec."""
    try:
        raw = pad.read_bytes()
        return raw.decode("utf-8")
    except OSError as exc:
        raise InvoerFout("variant", f"{pad} is niet leesbaar ({oorzaak(exc)})") from None
    except UnicodeDecodeError as exc:
        raise InvoerFout("variant", f"{pad} is geen geldige UTF-8-tekst (byte "
                         f"0x{raw[exc.start]:02x} op positie {exc.start + 1})") from None


def variant_root(basis: Path, variant: Path, doel: Path) -> str:
    """A rules root equal to `basis` but with `variant` as the overlay of its gemeente."""
    return kopieer_regels(basis, variant, variant_slug(basis, variant), doel)


def kopieer_regels(basis: Path, variant: Path, slug: str, doel: Path) -> str:
    """A copy of the rules, because an Engine loads a whole rules root, not one overlay."""
    shutil.copytree(basis / "rules", doel / "rules")
    shutil.copytree(basis / "gemeenten", doel / "gemeenten")
    shutil.copyfile(variant, doel / "gemeenten" / f"{slug}.yaml")
    schemas = basis / "specs"
    if schemas.is_dir():
        shutil.copytree(schemas, doel / "specs")
    return str(doel)


def _bouw_engines(regels: Path | None, variant: Path | None, tmp: Path
                  ) -> tuple[_Engines, str | None]:
    """Both engines, before anything is written: a bad --regels or --variant stops the
    run with a message naming the file, not after (or halfway through) the caseload.
    Invalid rules under --regels stay a RegelFout (exit 1, like `evaluate`)."""
    from .engine import Engine

    basis = Path(regels) if regels is not None else data_root()
    if not ((basis / "rules").is_dir() and (basis / "gemeenten").is_dir()):
        raise InvoerFout("regels", f"{basis} is geen regelmap (verwacht de mappen rules/ en "
                         "gemeenten/)")
    engine = Engine(basis)
    if variant is None:
        return (engine, None), None
    slug = variant_slug(basis, variant)
    root = kopieer_regels(basis, variant, slug, tmp)
    try:
        return (engine, Engine(root)), root
    except RegelFout as exc:
        kopie = f"gemeenten/{slug}.yaml"
        meldingen = [str(m) for m in getattr(exc, "meldingen", None) or [exc]]
        for prefix in (str(tmp / kopie), kopie):
            meldingen = [str(variant) + m[len(prefix):] if m.startswith(prefix) else m
                         for m in meldingen]
        raise InvoerFout("variant", f"{variant} is geen geldige gemeente-overlay:\n"
                         + "\n".join(meldingen)) from None


class _Deel:
    """An append-only `.deel` file that only ever ends on a whole block.

    Unbuffered, so no buffer is flushed half after a failure; `herstel` cuts off a
    torn write, so what is kept is exactly what `--hervat` counts.
    """

    def __init__(self, pad: Path) -> None:
        self.pad = pad
        self.nieuw = not os.path.lexists(pad)
        try:
            self.handle = pad.open("ab", buffering=0)
            self.goed = self.handle.seek(0, os.SEEK_END)
        except OSError as exc:
            raise OmgevingsFout(f"{pad} kan niet worden geschreven ({oorzaak(exc)}); er is "
                                "niets geschreven") from None

    def schrijf(self, data: bytes) -> None:
        try:
            view = memoryview(data)
            while view:
                n = self.handle.write(view)
                if not n:
                    raise OSError(errno.ENOSPC, "")
                view = view[n:]
        except OSError as exc:
            raise _Bestandsfout(self.pad, exc, "schrijven naar") from None
        self.goed += len(data)

    def sync(self) -> None:
        try:
            os.fsync(self.handle.fileno())
        except OSError as exc:
            raise _Bestandsfout(self.pad, exc, "schrijven naar") from None
        self.handle.close()

    def herstel(self) -> bool:
        """After a failure: cut off a torn write; drop the file if this run created it
        and wrote nothing. Best effort (the disk may be the problem). True if kept."""
        with contextlib.suppress(OSError, ValueError):  # ValueError: already synced, closed
            if self.handle.seek(0, os.SEEK_END) != self.goed:
                self.handle.truncate(self.goed)
        self.handle.close()
        if self.nieuw and self.goed == 0:
            with contextlib.suppress(OSError):
                self.pad.unlink()
            return False
        return True


def _probeer_schrijven(pad: Path) -> None:
    """Fail before the run, not after it, when a file at the end cannot be written."""
    proef = deel_pad(pad)
    nieuw = not os.path.lexists(proef)
    try:
        with proef.open("ab"):
            pass
        if nieuw:
            proef.unlink()
    except OSError as exc:
        raise OmgevingsFout(f"{pad} kan niet worden geschreven ({oorzaak(exc)}); er is niets "
                            "geschreven") from None


def schrijf_samenvatting(pad: Path, data: dict[str, Any], uitvoer: Path) -> None:
    """The summary as JSON, written beside and then renamed: no half file under its name."""
    tijdelijk = deel_pad(pad)
    try:
        with tijdelijk.open("wb") as handle:
            handle.write((json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode())
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tijdelijk, pad)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tijdelijk.unlink()
        raise OmgevingsFout(f"schrijven naar {pad} mislukt ({oorzaak(exc)}); de besluiten "
                            f"staan wel compleet in {uitvoer}") from None


@dataclass
class _Run:
    """The fixed inputs of one run's writing phase."""

    invoer: Path
    deel: Path
    diff_deel: Path | None
    workers: int
    opdracht: _Opdracht
    engines: _Engines
    totaal: int
    voortgang: Callable[[int, int], None] | None


def _verwerk(run: _Run, stand: _Stand, uit: _Deel, verschil: _Deel | None) -> None:
    """Write block by block, diffs before decisions (on resume, diffs past the last
    decision are dropped); totals only count what has been written."""
    with contextlib.closing(_results(run.invoer, stand.skip, run.workers, run.opdracht,
                                     run.engines)) as blokken:
        for blok in blokken:
            if verschil is not None:
                verschil.schrijf(blok.verschillen)
            uit.schrijf(blok.uitvoer)
            stand.samenvatting.voeg_samen(blok.samenvatting)
            if stand.whatif is not None and blok.whatif is not None:
                stand.whatif.voeg_samen(blok.whatif)
            if run.voortgang is not None:
                run.voortgang(stand.samenvatting.verwerkt, run.totaal)
    if verschil is not None:
        verschil.sync()
    uit.sync()


def _draai(run: _Run, stand: _Stand) -> None:
    """Run into the `.deel` files. On any failure, Ctrl-C included, keep only whole
    lines; a disk or permission error becomes a message that says what is left."""
    uit = _Deel(run.deel)
    verschil: _Deel | None = None
    try:
        verschil = _Deel(run.diff_deel) if run.diff_deel is not None else None
        _verwerk(run, stand, uit, verschil)
    except BaseException as exc:
        bewaard = uit.herstel()
        if verschil is not None:
            verschil.herstel()
        if isinstance(exc, _Bestandsfout):
            wat = f"{exc.handeling} {exc.pad} mislukt: {oorzaak(exc.fout)}"
        elif isinstance(exc, OSError):
            wat = f"systeemfout tijdens de run: {oorzaak(exc)}"
        else:
            raise
        klaar = stand.samenvatting.verwerkt
        rest = ("er is niets geschreven" if not bewaard else
                f"de eerste {klaar} regels staan in {run.deel}; los het op en hervat met --hervat")
        raise OmgevingsFout(f"{wat}; {rest}") from None


def _rond_af(resultaat: Resultaat, deel: Path, diff_deel: Path | None,
             samenvatting_pad: Path | None) -> None:
    """Final names only for complete, fsynced files; decisions first."""
    paren = [(deel, resultaat.uitvoer)]
    if diff_deel is not None and resultaat.verschillen is not None:
        paren.append((diff_deel, resultaat.verschillen))
    for van, naar in paren:
        try:
            os.replace(van, naar)
        except OSError as exc:
            raise OmgevingsFout(f"{van} kan niet worden hernoemd naar {naar} ({oorzaak(exc)}); "
                                f"de inhoud is compleet en staat in {van}") from None
    if samenvatting_pad is not None:
        schrijf_samenvatting(samenvatting_pad, resultaat.to_dict(), resultaat.uitvoer)


def run_batch(invoer: Path, uitvoer: Path, *, gemeente: str | None = None,
              peildatum: str | None = None, workers: int = 1, hervat: bool = False,
              variant: Path | None = None, verschillen: Path | None = None,
              regels: Path | None = None, samenvatting_pad: Path | None = None,
              voortgang: Callable[[int, int], None] | None = None) -> Resultaat:
    """Evaluate every line of `invoer` into `uitvoer` (see the module docstring).

    Whatever can be checked is checked before the first evaluation. Raises InvoerFout
    for unusable input (exit 2), OmgevingsFout when the disk or permissions fail (exit
    1), RegelFout for invalid rules under `regels`.
    """
    if variant is not None and verschillen is None:
        verschillen = uitvoer.with_name(uitvoer.stem + ".verschillen.jsonl")
    controleer_paden(invoer, {"uitvoer": uitvoer, "verschillen": verschillen,
                              "samenvatting": samenvatting_pad}, variant)
    deel = deel_pad(uitvoer)
    diff_deel = deel_pad(verschillen) if verschillen else None
    if deel.exists() and not hervat:
        raise InvoerFout("uitvoer", f"{deel} bestaat al: een eerdere run is onderbroken; "
                         "gebruik --hervat of verwijder het bestand")
    totaal = tel_regels(invoer)
    with tempfile.TemporaryDirectory(prefix="sora-variant-") as tmp:
        engines, variant_regels = _bouw_engines(regels, variant, Path(tmp))
        opdracht = _Opdracht(str(regels) if regels else None, variant_regels, gemeente,
                             peildatum)
        if samenvatting_pad is not None:
            _probeer_schrijven(samenvatting_pad)
        stand = _hervatstand(deel, diff_deel, hervat, variant is not None)
        _draai(_Run(invoer, deel, diff_deel, workers, opdracht, engines, totaal, voortgang),
               stand)
    resultaat = Resultaat(stand.samenvatting, stand.whatif, uitvoer, verschillen, stand.skip)
    _rond_af(resultaat, deel, diff_deel, samenvatting_pad)
    return resultaat


BLOK = 200  # lines per unit of work: large enough to keep IPC cheap, small for resume


def _blocks(invoer: Path, skip: int) -> Iterator[list[tuple[int, bytes]]]:
    block: list[tuple[int, bytes]] = []
    try:
        with invoer.open("rb") as handle:  # workers decode: the parent only passes bytes on
            for n, text in enumerate(handle, start=1):
                if n > skip:
                    block.append((n, text))
                    if len(block) == BLOK:
                        yield block
                        block = []
    except OSError as exc:
        raise _Bestandsfout(invoer, exc, "lezen van") from None
    if block:
        yield block


@contextlib.contextmanager
def _sigint_genegeerd() -> Iterator[None]:
    """Ignore Ctrl-C while the pool starts its processes: they inherit SIG_IGN, so a
    Ctrl-C during their start-up leaves them alone and only the parent reacts."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    vorige = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, vorige if vorige is not None else signal.SIG_DFL)


def _results(invoer: Path, skip: int, workers: int, opdracht: _Opdracht,
             engines: _Engines) -> Generator[_Blok, None, None]:
    """Evaluated blocks in input order; closing this (or Ctrl-C) terminates the pool."""
    if workers <= 1:
        yield from map(_Worker(opdracht, engines).evaluate_block, _blocks(invoer, skip))
        return
    ctx = multiprocessing.get_context("spawn")
    with _sigint_genegeerd():
        pool = ctx.Pool(workers, initializer=_init_process, initargs=(opdracht,))
    with pool:
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

"""Proposal impact on columns (issue #12): the counts of `voorstel.voorstel_effect` from
the vectorised evaluator.

Why: deciding a national caseload twice per household on the durable-rules path takes
hours, on columns minutes. The report stays the same to the cent, by construction where
columns cannot be exact: a chunk in which any line is refused (by Arrow, the case
contract or a household check) goes line by line through the durable-rules path, so
errors are counted and named exactly as there; and only the households whose besluiten
differ are turned into Python values, one by one, for their line and household type.
Chunks start at `VOORTGANG_STAP` lines and double up to `STUK`, so a small caseload
reports progress as often as before and a large one is read in large chunks.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from decimal import Decimal
from typing import BinaryIO

import numpy as np
import orjson
import pyarrow as pa

from ..errors import InvoerFout
from ..voorstel import VOORTGANG_STAP, Effect, Opzet, Telling, huishoudtype, laad_variant
from .controle import InvoerKolomFout
from .io import BOM, STUK, Stuk, blokken, na_regels, snel
from .kolommen import uit_arrow
from .motor import Regelingkolommen, Resultaat, VectorEngine
from .overzicht import Verschil, verschil

_JAAR = (("per_jaar", 1), ("per_maand", 12), ("eenmalig", 1))  # voorstel.jaarbedrag


def op_kolommen(opzet: Opzet, f: BinaryIO, telling: Telling,
                gemeld: Callable[[int], None]) -> None:
    """Count the caseload `f` into `telling`; `gemeld(lines read)` after each chunk."""
    engines = (VectorEngine(opzet.basis),
               laad_variant(VectorEngine, opzet.root, opzet.voorstel, opzet.gekozen))
    for data, n in blokken(f, _groottes()):
        eerste = telling.gelezen + 1
        _verwerk(engines, opzet, data.removeprefix(BOM) if eerste == 1 else data, n, telling)
        gemeld(telling.gelezen)


def _verwerk(engines: tuple[VectorEngine, VectorEngine], opzet: Opzet, data: bytes, n: int,
             telling: Telling) -> None:
    """`n` lines on columns; where some line is refused, each half again, down to
    `VOORTGANG_STAP` lines that go through the durable-rules path: one bad line in a
    chunk of 50,000 costs a few small chunks, not 50,000 households decided twice."""
    if _stuk(engines, opzet, data, n, telling.gelezen + 1, telling):
        telling.gelezen += n
    elif n <= VOORTGANG_STAP:
        for item in enumerate(data.split(b"\n")[:n], start=telling.gelezen + 1):
            opzet.beoordeel(item, telling)
    else:
        midden = na_regels(data, n // 2)
        _verwerk(engines, opzet, data[:midden], n // 2, telling)
        _verwerk(engines, opzet, data[midden:], n - n // 2, telling)


def _groottes() -> Iterator[int]:
    """VOORTGANG_STAP, VOORTGANG_STAP, then doubling up to STUK lines per chunk."""
    yield VOORTGANG_STAP
    stap = VOORTGANG_STAP
    while stap < STUK:
        yield stap
        stap *= 2
    yield from itertools.repeat(STUK)


def _stuk(engines: tuple[VectorEngine, VectorEngine], opzet: Opzet, data: bytes, n: int,
          eerste: int, telling: Telling) -> bool:
    """One chunk on columns; False when some line is refused (or Arrow would read it
    more leniently than the contract), and the chunk must go line by line."""
    tabel = snel(data, n)
    if tabel is None:
        return False
    gemeente = np.asarray(tabel.column("gemeente").to_numpy(zero_copy_only=False),
                          dtype=object)
    rijen = np.flatnonzero(np.isin(gemeente, list(opzet.gekozen)))
    if not len(rijen):
        return True
    deel = tabel.take(pa.array(rijen))
    try:
        stuk = Stuk(uit_arrow(deel), deel, eerste)
        huidig, variant = (e.beslis(stuk.batch, None, opzet.peildatum, stuk.casussen)
                           for e in engines)
    except (InvoerKolomFout, InvoerFout):
        return False
    for slug, aantal in zip(*np.unique(gemeente[rijen].astype(str), return_counts=True),
                            strict=True):
        telling.per_gemeente[str(slug)] = telling.per_gemeente.get(str(slug), 0) + int(aantal)
    _effecten(huidig, variant, _Rijen(eerste, rijen, gemeente[rijen], data), telling)
    return True


class _Rijen:
    """The counted rows of a chunk: their lines, gemeenten and (on demand) types."""

    def __init__(self, eerste: int, rijen: np.ndarray, gemeente: np.ndarray,
                 data: bytes) -> None:
        self.eerste, self.rijen, self.gemeente, self.data = eerste, rijen, gemeente, data
        self._regels: list[bytes] | None = None
        self._typen: dict[int, str] = {}

    def regel(self, i: int) -> int:
        return self.eerste + int(self.rijen[i])

    def huishoudtype(self, i: int) -> str:
        """From the line itself, as `voorstel.huishoudtype` reads the case."""
        if i not in self._typen:
            if self._regels is None:
                self._regels = self.data.split(b"\n")
            self._typen[i] = huishoudtype(orjson.loads(self._regels[int(self.rijen[i])]))
        return self._typen[i]


def _effecten(huidig: Resultaat, variant: Resultaat, rijen: _Rijen, telling: Telling) -> None:
    """Per regeling, each household whose besluit differs (batch.besluit_diffs)."""
    alle = np.arange(huidig.n)
    namen = huidig.uitkomsten
    for rid in sorted(huidig.regelingen.keys() | variant.regelingen.keys()):
        a, b = huidig.regelingen.get(rid), variant.regelingen.get(rid)
        v = verschil(a, b, alle)
        if not v.anders.any():
            continue
        delta = _per_jaar(b, v.in_b) - _per_jaar(a, v.in_a)
        met_bedrag = _met_bedrag(b, v)
        for i in map(int, np.flatnonzero(v.anders)):
            effect = telling.effecten.setdefault((str(rijen.gemeente[i]), rid), Effect())
            effect.tel(rijen.regel(i), namen[v.ux[i]] if v.ux[i] >= 0 else None,
                       namen[v.uy[i]] if v.uy[i] >= 0 else None,
                       Decimal(int(delta[i])) / 100, rijen.huishoudtype(i),
                       bool(met_bedrag[i]))


def _per_jaar(k: Regelingkolommen | None, in_besluit: np.ndarray) -> np.ndarray:
    """per_jaar + 12 × per_maand + eenmalig in cents, where the besluit has them."""
    totaal = np.zeros(len(in_besluit), dtype=np.int64)
    for soort, keer in _JAAR:
        if k is not None and soort in k.bedragen:
            centen, aanwezig = k.bedragen[soort]
            totaal += np.where(in_besluit & aanwezig, centen * keer, 0)
    return totaal


def _met_bedrag(k: Regelingkolommen | None, v: Verschil) -> np.ndarray:
    """The variant's besluit has some amount (any kind, as its `bedrag` is not empty)."""
    if k is None:
        return np.zeros(len(v.in_b), dtype=bool)
    return v.in_b & np.logical_or.reduce([aanwezig for _, aanwezig in k.bedragen.values()])

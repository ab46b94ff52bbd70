"""Cases as columns (`Batch`): every field of the contract one typed array per household.

Built from Arrow (JSON Lines are read nested, CSV and Parquet flat: io.py, plat.py), so no
Python object is made per household. A field that a case leaves out has `ok` false, with
the engine's reading of absence (facts.lookup): a block that is absent (`partner`) is not
the same as a field that is absent inside it. Lists (`kinderen`, `inkomsten` …) are flat
item columns with the household row of each item; `Batch.deel` takes the rows of one
gemeente and policy period with their items.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from . import datums
from .controle import InvoerKolomFout, check_veld
from .indeling import DATUM, GEHEEL, GELD, WAAR, WOORD, Indeling, Veld, indeling
from .kolom import DATUM as K_DATUM
from .kolom import GETAL, TEKST, WOORDEN, Kolom
from .kolom import WAAR as K_WAAR


@dataclass(frozen=True)
class Lijst:
    """The items of one top-level list: household row, place in the list, fields."""

    rij: np.ndarray
    plaats: np.ndarray
    velden: dict[str, Kolom]

    def deel(self, keuze: np.ndarray, nieuw: np.ndarray) -> Lijst:
        """The items of the chosen rows, ordered by their new row number (`nieuw` maps an
        old row to it), so that a range of rows has a range of items."""
        m = np.flatnonzero(keuze[self.rij])
        m = m[np.argsort(nieuw[self.rij[m]], kind="stable")]
        return Lijst(nieuw[self.rij[m]], self.plaats[m],
                     {k: _neem(v, m) for k, v in self.velden.items()})

    def plak(self, begin: int, eind: int) -> Lijst:
        """The items of rows begin..eind (items ordered by row): views, no copy."""
        a, b = np.searchsorted(self.rij, [begin, eind])
        return Lijst(self.rij[a:b] - begin, self.plaats[a:b],
                     {k: _neem(v, slice(a, b)) for k, v in self.velden.items()})


@dataclass(frozen=True)
class Batch:
    n: int
    velden: dict[str, Kolom]  # top-level words and block fields, by dotted path
    blokken: dict[str, np.ndarray]  # a top-level block or list is there (not None)
    gevuld: dict[str, np.ndarray]  # … and not empty (what `data.get(x)` tests as true)
    lijsten: dict[str, Lijst]
    # lists of words in a block (`aanvraag.regelingen`): items with one field, `woord`;
    # whether the list is there is in `blokken` under its dotted path
    woordlijsten: dict[str, Lijst] = field(default_factory=dict)

    def deel(self, rijen: np.ndarray) -> Batch:
        keuze = np.zeros(self.n, dtype=bool)
        keuze[rijen] = True
        nieuw = np.full(self.n, -1, dtype=np.int64)
        nieuw[rijen] = np.arange(len(rijen))
        return Batch(len(rijen), {k: _neem(v, rijen) for k, v in self.velden.items()},
                     {k: v[rijen] for k, v in self.blokken.items()},
                     {k: v[rijen] for k, v in self.gevuld.items()},
                     {k: v.deel(keuze, nieuw) for k, v in self.lijsten.items()},
                     {k: v.deel(keuze, nieuw) for k, v in self.woordlijsten.items()})

    def plak(self, begin: int, eind: int) -> Batch:
        """Rows begin..eind of a batch whose list items are ordered by row (after `deel`)."""
        s = slice(begin, eind)
        return Batch(eind - begin, {k: _neem(v, s) for k, v in self.velden.items()},
                     {k: v[s] for k, v in self.blokken.items()},
                     {k: v[s] for k, v in self.gevuld.items()},
                     {k: v.plak(begin, eind) for k, v in self.lijsten.items()},
                     {k: v.plak(begin, eind) for k, v in self.woordlijsten.items()})


def _neem(k: Kolom, index: Any) -> Kolom:
    def t(x: Any) -> Any:
        return x if x is None or np.ndim(x) == 0 else x[index]
    return Kolom(k.soort, t(k.data), k.noemer, k.grens, t(k.ok), t(k.benoemd), t(k.leeg))


def _array(a: pa.Array | pa.ChunkedArray) -> pa.Array:
    return a.combine_chunks() if isinstance(a, pa.ChunkedArray) else a


def naar_kolom(a: pa.Array, veld: Veld, regels: np.ndarray | None = None) -> Kolom:
    """One Arrow column of the case as a typed column; a value the contract refuses raises
    `InvoerKolomFout` with the row (`regels`: the input line of each row)."""
    a = _array(a)
    ok = a.is_valid().to_numpy(zero_copy_only=False)
    data = _waarden(a, veld, ok, regels)
    check_veld(veld, data, ok, regels)
    if veld.soort == GELD:
        return Kolom(GETAL, data, 100, int(np.max(np.abs(data), initial=0)), ok)
    if veld.soort == GEHEEL:
        return Kolom(GETAL, data, 1, int(np.max(np.abs(data), initial=0)), ok)
    soort = {DATUM: K_DATUM, WAAR: K_WAAR}.get(veld.soort, TEKST)
    return Kolom(soort, data, 1, 0, ok)


def _waarden(a: pa.Array, veld: Veld, ok: np.ndarray, regels: np.ndarray | None) -> np.ndarray:
    if veld.soort == DATUM:
        return _datums(a, veld, ok, regels)
    if veld.soort == GELD:
        return _centen(a, veld, ok, regels)
    if veld.soort == WOORD:
        return _woorden(a)
    if veld.soort == GEHEEL and pa.types.is_floating(a.type):
        heel = pc.round(a)
        if not pc.all(pc.or_kleene(pc.equal(heel, a), pc.is_null(a))).as_py():
            raise InvoerKolomFout.eerste(veld.pad, ~pc.equal(heel, a).fill_null(True)
                                         .to_numpy(zero_copy_only=False), regels, "geheel")
        a = heel
    if veld.soort == GEHEEL and not pa.types.is_integer(a.type):
        a = _cast(a, pa.int64(), veld, regels)
    if veld.soort == WAAR and not pa.types.is_boolean(a.type):
        a = _cast(a, pa.bool_(), veld, regels)
    vul = False if veld.soort == WAAR else 0
    return a.fill_null(vul).to_numpy(zero_copy_only=False)


def _cast(a: pa.Array, doel: pa.DataType, veld: Veld, regels: np.ndarray | None) -> pa.Array:
    try:
        return a.cast(doel)
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
        raise InvoerKolomFout(veld.pad, None, "type", str(a.type)) from None


def _datums(a: pa.Array, veld: Veld, ok: np.ndarray, regels: np.ndarray | None) -> np.ndarray:
    """ISO dates, strictly: JJJJ-MM-DD of an existing day (Arrow's own parser would read
    2024-02-30 as 1 March), as YYYYMMDD numbers."""
    if pa.types.is_date32(a.type):
        return datums.van_dagen(a.cast(pa.int32()).fill_null(0).to_numpy(zero_copy_only=False))
    if not pa.types.is_string(a.type) and not pa.types.is_large_string(a.type):
        a = _cast(a, pa.string(), veld, regels)
    vorm, jaar, maand, dag = _iso(a)
    bestaat = vorm & (maand >= 1) & (maand <= 12) & (dag >= 1)
    bestaat &= dag <= datums.maandlengte(jaar, np.clip(maand, 1, 12))
    if not np.all(bestaat | ~ok):
        raise InvoerKolomFout.eerste(veld.pad, ~bestaat & ok, regels, "datum")
    return np.where(ok, jaar * 10000 + maand * 100 + dag, 0)


_CIJFERS = np.array([0, 1, 2, 3, 5, 6, 8, 9])  # JJJJ-MM-DD: the digits' places
_WEGING = np.array([10_000_000, 1_000_000, 100_000, 10_000, 1_000, 100, 10, 1])


def _iso(a: pa.Array) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Per string whether it is JJJJ-MM-DD (ten bytes: digits and two dashes), and its
    year, month and day (0 where not), read from the string bytes in numpy: Arrow's
    regular expression, slices and casts cost ~1 ms per column of 10,000 dates."""
    n = len(a)
    breed = pa.types.is_large_string(a.type)
    grenzen = np.frombuffer(a.buffers()[1], dtype=np.int64 if breed else np.int32,
                            count=n + 1, offset=a.offset * (8 if breed else 4)).astype(np.int64)
    lengte = np.diff(grenzen)
    tien = np.flatnonzero(lengte == 10)
    tekens = _tien_tekens(a.buffers()[2], grenzen, lengte, tien)
    cijfers = tekens[:, _CIJFERS] - np.uint8(ord("0"))  # below '0' wraps past 9
    goed = np.all(cijfers <= 9, axis=1) & (tekens[:, 4] == ord("-")) & (
        tekens[:, 7] == ord("-"))
    vorm = np.zeros(n, dtype=bool)
    vorm[tien[goed]] = True
    getal = np.zeros(n, dtype=np.int64)
    getal[tien[goed]] = cijfers[goed].astype(np.int64) @ _WEGING  # JJJJMMDD
    jm = getal // 100
    jaar = jm // 100
    return vorm, jaar, jm - jaar * 100, getal - jm * 100


def _tien_tekens(buffer: pa.Buffer | None, grenzen: np.ndarray, lengte: np.ndarray,
                 tien: np.ndarray) -> np.ndarray:
    """The bytes of the ten-byte strings, one row each: when every string is empty or ten
    bytes long (dates, nulls) they lie back to back, so a view; else gathered."""
    if buffer is None or not len(tien):
        return np.zeros((0, 10), dtype=np.uint8)
    tekens = np.frombuffer(buffer, dtype=np.uint8)
    if np.all((lengte == 10) | (lengte == 0)):
        return tekens[grenzen[0]:grenzen[-1]].reshape(-1, 10)
    return tekens[grenzen[tien][:, None] + np.arange(10)]


def _centen(a: pa.Array, veld: Veld, ok: np.ndarray, regels: np.ndarray | None) -> np.ndarray:
    """Money as whole cents, exactly: a decimal column directly; a float column (CSV) only
    where the number is a whole number of cents."""
    if pa.types.is_decimal(a.type):
        if a.type.scale > 2:
            a = _cast(a, pa.decimal128(a.type.precision, 2), veld, regels)
        centen = pc.multiply(a.cast(pa.decimal128(18, a.type.scale)),
                             pa.scalar(10 ** (2 - a.type.scale) * 100, pa.int64()))
        return _cast(centen, pa.int64(), veld, regels).fill_null(0).to_numpy(
            zero_copy_only=False)
    if pa.types.is_integer(a.type):
        return a.fill_null(0).to_numpy(zero_copy_only=False).astype(np.int64) * 100
    if not pa.types.is_floating(a.type):
        a = _cast(a, pa.float64(), veld, regels)
    x = a.fill_null(0).to_numpy(zero_copy_only=False).astype(np.float64)
    centen = np.rint(x * 100)
    goed = (centen / 100 == x) & np.isfinite(x)
    if not np.all(goed | ~ok):
        raise InvoerKolomFout.eerste(veld.pad, ~goed & ok, regels, "decimalen")
    return centen.astype(np.int64)


def _woorden(a: pa.Array) -> np.ndarray:
    """Texts as interned codes: each distinct text is looked up once."""
    if not pa.types.is_dictionary(a.type):
        if not (pa.types.is_string(a.type) or pa.types.is_large_string(a.type)):
            a = a.cast(pa.string())
        a = a.dictionary_encode()
    codes = np.array([WOORDEN.code(t) for t in a.dictionary.to_pylist()], dtype=np.int64)
    index = a.indices.fill_null(0).to_numpy(zero_copy_only=False)
    return codes[index] if len(codes) else np.zeros(len(a), dtype=np.int64)


def uit_arrow(tabel: pa.Table | pa.RecordBatch, regels: np.ndarray | None = None,
              ind: Indeling | None = None) -> Batch:
    """A Batch from cases read nested (JSON Lines, or `pa.Table.from_pylist`)."""
    ind = ind or indeling()
    n = tabel.num_rows
    kolommen = {naam: _array(tabel.column(naam)) for naam in tabel.schema.names}
    velden: dict[str, Kolom] = {}
    blokken: dict[str, np.ndarray] = {}
    gevuld: dict[str, np.ndarray] = {}
    woordlijsten: dict[str, Lijst] = {}
    for blok in ind.blokken:
        _blok(kolommen.get(blok), blok, n, ind, regels, (velden, blokken, gevuld, woordlijsten))
    for v in ind.velden:
        if "." not in v.pad:
            a = kolommen.get(v.pad)
            velden[v.pad] = naar_kolom(a if a is not None else pa.nulls(n), v, regels)
    lijsten = {}
    for lst in ind.lijsten:
        a = kolommen.get(lst.naam)
        lijsten[lst.naam], blokken[lst.naam], gevuld[lst.naam] = _lijst(
            a if a is not None else pa.nulls(n, pa.list_(pa.struct([]))), lst.velden, regels,
            lst.naam, lst.max_items)
    return Batch(n, velden, blokken, gevuld, lijsten, woordlijsten)


def _blok(a: pa.Array | None, blok: str, n: int, ind: Indeling, regels: np.ndarray | None,
          uit: tuple[dict[str, Kolom], dict[str, np.ndarray], dict[str, np.ndarray],
                     dict[str, Lijst]]) -> None:
    velden, blokken, gevuld, woordlijsten = uit
    if a is None:
        a = pa.nulls(n, pa.struct([]))
    aanwezig = a.is_valid().to_numpy(zero_copy_only=False)
    kinderen = dict(zip([f.name for f in a.type], a.flatten(), strict=True))
    iets = np.zeros(n, dtype=bool)
    for v in ind.velden:
        if v.pad.startswith(blok + "."):
            sub = kinderen.get(v.pad.split(".", 1)[1])
            velden[v.pad] = naar_kolom(sub if sub is not None else pa.nulls(n), v, regels)
            iets |= velden[v.pad].ok  # type: ignore[arg-type]
    for w in ind.woordlijsten:
        if w.pad.startswith(blok + "."):
            sub = kinderen.get(w.pad.split(".", 1)[1])
            woordlijsten[w.pad], blokken[w.pad] = _woordlijst(sub, w, n, regels)
            iets |= blokken[w.pad]
    blokken[blok], gevuld[blok] = aanwezig, aanwezig & iets


def _woordlijst(a: pa.Array | None, veld: Veld, n: int, regels: np.ndarray | None
                ) -> tuple[Lijst, np.ndarray]:
    """A list of words in a block as items with the field `woord`, and where it is there."""
    if a is None:
        a = pa.nulls(n, pa.list_(pa.string()))
    aanwezig = a.is_valid().to_numpy(zero_copy_only=False)
    rij = pc.list_parent_indices(a).to_numpy(zero_copy_only=False).astype(np.int64)
    lengte = pc.list_value_length(a).fill_null(0).to_numpy(zero_copy_only=False)
    begin = np.concatenate([[0], np.cumsum(lengte)[:-1]]) if len(lengte) else lengte
    plaats = np.arange(len(rij), dtype=np.int64) - begin[rij] if len(rij) else rij
    woord = naar_kolom(a.flatten(), veld, regels[rij] if regels is not None else rij)
    return Lijst(rij, plaats, {"woord": woord}), aanwezig


def _lijst(a: pa.Array, velden: tuple[Veld, ...], regels: np.ndarray | None, naam: str,
           max_items: int) -> tuple[Lijst, np.ndarray, np.ndarray]:
    a = _array(a)
    aanwezig = a.is_valid().to_numpy(zero_copy_only=False)
    lengte = pc.list_value_length(a).fill_null(0).to_numpy(zero_copy_only=False)
    if np.any(lengte > max_items):
        raise InvoerKolomFout.eerste(naam, lengte > max_items, regels, "lengte",
                                     str(max_items))
    rij = pc.list_parent_indices(a).to_numpy(zero_copy_only=False).astype(np.int64)
    items = a.flatten()
    begin = np.concatenate([[0], np.cumsum(lengte)[:-1]]) if len(lengte) else lengte
    plaats = np.arange(len(rij), dtype=np.int64) - begin[rij] if len(rij) else rij
    kinderen = dict(zip([f.name for f in items.type], items.flatten(), strict=True)) \
        if pa.types.is_struct(items.type) else {}
    item_regels = regels[rij] if regels is not None else rij
    kolommen = {v.pad: naar_kolom(kinderen.get(v.pad, pa.nulls(len(rij))), _in(v, naam),
                                  item_regels) for v in velden}
    return Lijst(rij, plaats, kolommen), aanwezig, lengte > 0


def _in(v: Veld, lijst: str) -> Veld:
    """The item field, named with its list for messages (`kinderen[].geboortedatum`)."""
    return replace(v, pad=f"{lijst}[].{v.pad}")


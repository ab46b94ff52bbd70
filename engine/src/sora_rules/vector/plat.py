"""The flat column layout of a case, for CSV and Parquet (one row per household).

Input columns (every one optional; an empty cell is an absent field):

- `gemeente`, `peildatum`, and each block field by its dotted path:
  `aanvrager.geboortedatum`, `partner.geboortedatum`, `vermogen.bezittingen`,
  `schuldhulp.hulpvraag_datum` …; a list of words in a block
  (`aanvraag.regelingen`, `schuldhulp.bedreigende_situaties`) as words separated by `;`
  (or a Parquet list column);
- a block is there when one of its fields is filled, or when a yes/no column with its
  name says so (`partner`: true for a partner whose details are unknown);
- the items of a list as `<lijst>_<n>.<veld>`, numbered from 1:
  `kinderen_1.geboortedatum`, `medebewoners_2.commerciele_relatie`,
  `inkomsten_1.soort`, `inkomsten_1.netto_per_maand`, `kosten_3.datum`; an item is there
  when one of its fields is filled;
- `<lijst>` (a whole number) says how many items the list has, where that matters:
  `inkomsten` 0 is "no income" while an absent list of incomes is unknown. Without that
  column a list has the items found, and none found is an absent list.

Output: see uitvoer.py. Everything is read into the nested Arrow form of a case (the
shape of JSON Lines), so one reader (kolommen.uit_arrow) handles all formats.
"""

from __future__ import annotations

import re
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from .indeling import Indeling, indeling

_ITEM = re.compile(r"^([a-z_]+)_([0-9]+)\.([a-z_]+)$")


def is_plat(schema: pa.Schema, ind: Indeling | None = None) -> bool:
    """A table is flat unless a block or list comes as a nested column."""
    ind = ind or indeling()
    genest = {*ind.blokken, *(lst.naam for lst in ind.lijsten)}
    return not any(f.name in genest and (pa.types.is_struct(f.type) or pa.types.is_list(f.type))
                   for f in schema)


def item_kolommen(namen: list[str]) -> dict[str, dict[int, dict[str, str]]]:
    """Per list, per item number, its fields and their column names."""
    uit: dict[str, dict[int, dict[str, str]]] = {}
    for naam in namen:
        m = _ITEM.match(naam)
        if m:
            uit.setdefault(m.group(1), {}).setdefault(int(m.group(2)), {})[m.group(3)] = naam
    return uit


def _gevuld(kolommen: list[pa.Array], n: int) -> np.ndarray:
    uit = np.zeros(n, dtype=bool)
    for a in kolommen:
        uit |= a.is_valid().to_numpy(zero_copy_only=False)
    return uit


def _woordlijst(a: pa.Array) -> pa.Array:
    """`a;b` (or a list column) as a list of words."""
    if pa.types.is_list(a.type) or pa.types.is_large_list(a.type):
        return a.cast(pa.list_(pa.string()))
    tekst = pc.utf8_trim_whitespace(a.cast(pa.string()))
    leeg = pa.scalar([], pa.list_(pa.string()))
    return pc.if_else(pc.equal(tekst, ""), leeg, pc.split_pattern(tekst, ";"))


def _begin(tabel: pa.Table | pa.RecordBatch, ind: Indeling | None
           ) -> tuple[Indeling, int, dict[str, pa.Array], dict[str, pa.Array]]:
    """What both directions start from: the layout, the row count, the columns by name
    and the top-level fields (`gemeente`, `peildatum`), which are the same in both forms."""
    ind = ind or indeling()
    kol = {naam: _array(tabel.column(naam)) for naam in tabel.schema.names}
    return ind, tabel.num_rows, kol, {v.pad: kol[v.pad] for v in ind.velden
                                      if "." not in v.pad and v.pad in kol}


def genest(tabel: pa.Table | pa.RecordBatch, ind: Indeling | None = None) -> pa.Table:
    """A flat table as the nested Arrow form of cases."""
    ind, n, kol, uit = _begin(tabel, ind)
    for blok in ind.blokken:
        namen, kinderen = [], []
        for v in (*ind.velden, *ind.woordlijsten):
            if v.pad.startswith(blok + ".") and v.pad in kol:
                namen.append(v.pad.split(".", 1)[1])
                kinderen.append(_woordlijst(kol[v.pad]) if v in ind.woordlijsten
                                else kol[v.pad])
        aanwezig = _gevuld(kinderen, n)
        if blok in kol:
            aanwezig |= kol[blok].cast(pa.bool_()).fill_null(False).to_numpy(
                zero_copy_only=False)
        if kinderen:
            uit[blok] = pa.StructArray.from_arrays(kinderen, namen, mask=pa.array(~aanwezig))
        elif aanwezig.any():
            uit[blok] = pa.array([{} if a else None for a in aanwezig], pa.struct([]))
    items = item_kolommen(list(kol))
    for lst in ind.lijsten:
        lijst = _lijst(kol, items.get(lst.naam, {}), lst.naam, n)
        if lijst is not None:
            uit[lst.naam] = lijst
    return pa.table(uit)


def _array(a: Any) -> pa.Array:
    return a.combine_chunks() if isinstance(a, pa.ChunkedArray) else a


def _lijst(kol: dict[str, pa.Array], items: dict[int, dict[str, str]], naam: str,
           n: int) -> pa.Array | None:
    """The `<lijst>_<k>.<veld>` columns as one list of items per household."""
    nummers = sorted(items)
    velden = sorted({v for k in nummers for v in items[k]})
    bestaat = np.zeros((n, len(nummers)), dtype=bool)
    for j, k in enumerate(nummers):
        bestaat[:, j] = _gevuld([kol[c] for c in items[k].values()], n)
    if naam in kol:
        lengte = kol[naam].cast(pa.int64())
        aanwezig = lengte.is_valid().to_numpy(zero_copy_only=False)
        lengte_np = lengte.fill_null(0).to_numpy(zero_copy_only=False)
        bestaat = np.arange(len(nummers))[None, :] < lengte_np[:, None]
    else:
        aanwezig = bestaat.any(axis=1)
        if not nummers:
            return None
    rij, plek = np.nonzero(bestaat)
    kinderen = []
    for v in velden:
        kolommen = [kol.get(items[k].get(v, ""), pa.nulls(n)) for k in nummers]
        kinderen.append(_stapel(kolommen, rij, plek))
    offsets = np.concatenate([[0], np.cumsum(bestaat.sum(axis=1))]).astype(np.int32)
    struct = pa.StructArray.from_arrays(kinderen, velden) if velden else pa.array(
        [{}] * len(rij), pa.struct([]))
    return pa.ListArray.from_arrays(pa.array(offsets), struct, mask=pa.array(~aanwezig))


def _stapel(kolommen: list[pa.Array], rij: np.ndarray, plek: np.ndarray) -> pa.Array:
    """Item values in row-major order from one column per item number."""
    soorten = {a.type for a in kolommen if not pa.types.is_null(a.type)}
    doel = soorten.pop() if len(soorten) == 1 else pa.string()
    samen = pa.concat_arrays([a.cast(doel) for a in kolommen])
    n = len(kolommen[0]) if kolommen else 0
    return samen.take(pa.array(plek * n + rij, pa.int64())) if len(rij) else samen.slice(0, 0)


def rij_als_casus(tabel: pa.Table, i: int) -> dict[str, Any]:
    """One household of a nested table as a case dict (for the scalar engine)."""
    rec = tabel.slice(i, 1).to_pylist()[0]
    return _zonder_leeg(rec)


def _zonder_leeg(x: Any) -> Any:
    if isinstance(x, dict):
        return {k: _zonder_leeg(v) for k, v in x.items() if v is not None}
    if isinstance(x, list):
        return [_zonder_leeg(v) for v in x]
    if hasattr(x, "isoformat"):
        return x.isoformat()
    return x


def plat(tabel: pa.Table, ind: Indeling | None = None) -> pa.Table:
    """Nested cases in the flat layout (the inverse of `genest`): for writing a caseload
    as CSV or Parquet."""
    ind, n, kol, uit = _begin(tabel, ind)
    for blok in ind.blokken:
        a = kol.get(blok)
        if a is None:
            continue
        aanwezig = a.is_valid().to_numpy(zero_copy_only=False)
        uit[blok] = pa.array(aanwezig, pa.bool_(), mask=~aanwezig)
        for naam, kind in zip([f.name for f in a.type], a.flatten(), strict=True):
            if pa.types.is_list(kind.type):
                kind = pc.binary_join(kind, ";")
            uit[f"{blok}.{naam}"] = kind
    for lst in ind.lijsten:
        a = kol.get(lst.naam)
        if a is not None:
            uit |= _plat_lijst(a, lst.naam, n)
    return pa.table(uit)


def _plat_lijst(a: pa.Array, naam: str, n: int) -> dict[str, pa.Array]:
    lengte = pc.list_value_length(a)
    uit: dict[str, pa.Array] = {naam: lengte}
    items = a.flatten()
    if not len(items) or not pa.types.is_struct(items.type):
        return uit
    rij = pc.list_parent_indices(a).to_numpy(zero_copy_only=False)
    begin = np.concatenate([[0], np.cumsum(lengte.fill_null(0).to_numpy(
        zero_copy_only=False))[:-1]])
    plek = np.arange(len(rij)) - begin[rij]
    velden = dict(zip([f.name for f in items.type], items.flatten(), strict=True))
    for k in range(int(plek.max(initial=-1)) + 1):
        keuze = np.flatnonzero(plek == k)
        waar = np.full(n, -1, dtype=np.int64)
        waar[rij[keuze]] = keuze
        index = pa.array(waar, mask=waar < 0)
        for veld, waarden in velden.items():
            uit[f"{naam}_{k + 1}.{veld}"] = waarden.take(index)
    return uit

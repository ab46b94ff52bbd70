"""The policy of one gemeente in one policy period, compiled once for columns.

A policy period is a stretch of dates in which no parameter value, regeling version or
formula changes (the scalar Engine compiles its rulesets per period for the same
reason). Within it every parameter is one constant, so the compiled functions carry the
values themselves; households are grouped by (gemeente, period) and each group is
evaluated with the period's functions.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import fields
from datetime import date
from decimal import Decimal
from functools import cached_property
from typing import Any

import numpy as np

from ..expressie import Eerder, Ref
from ..grootheden import Grootheid
from ..model import Beleid, Regeling, Regelset
from ..policy import condition_refs
from . import datums
from .formules import Fn, NietVectoriseerbaar, Vertaler
from .kolom import GETAL, WAAR, Kolom, constante

_CATEGORIE_PARAMETERS = ("norm", "kostendelers_basis", "kostendelers_jongere_partner",
                         "percentage")


def knopen(node: object) -> Iterator[object]:
    """Every node of a typed formula or condition tree (expressie dataclasses)."""
    yield node
    if not hasattr(node, "__dataclass_fields__"):
        return
    for veld in fields(node):  # type: ignore[arg-type]
        waarde = getattr(node, veld.name)
        for deel in waarde if isinstance(waarde, tuple) else (waarde,):
            if hasattr(deel, "__dataclass_fields__"):
                yield from knopen(deel)


def wisseldata(regelset: Regelset, beleid: Beleid) -> list[date]:
    """The dates on which something in this gemeente's policy changes."""
    data = {w.vanaf for p in beleid.parameters.values() for w in p.waarden}
    for versies in beleid.regelingen.values():
        for r in versies:
            data.add(r.geldig_vanaf)
            if r.geldig_tot is not None:
                data.add(date.fromordinal(r.geldig_tot.toordinal() + 1))
    data |= {f.vanaf for g in regelset.grootheden.values() for f in g.formules}
    return sorted(data)


class Periode:
    """Compiled functions, category tables and regelingen of (gemeente, period)."""

    def __init__(self, regelset: Regelset, beleid: Beleid, dag: date) -> None:
        self.regelset, self.beleid, self.dag = regelset, beleid, dag
        self.grootheden: dict[str, Grootheid] = dict(regelset.grootheden)
        self.nb = regelset.normbepaling
        per = frozenset(pid for pid, p in beleid.parameters.items() if p.per)
        self.vertaler = Vertaler(self.parameter, per, self.op_datum)
        self._fns: dict[str, Fn] = {}
        self._categorie: dict[str, Kolom] = {}
        self.regelingen: dict[str, Regeling] = beleid.regelingen_op(dag)
        self._refs: dict[int, tuple[frozenset[str], frozenset[str]]] = {}

    def refs(self, cond: object) -> tuple[frozenset[str], frozenset[str]]:
        """(facts, parameters) a condition reads (policy.condition_refs), once per tree."""
        uit = self._refs.get(id(cond))
        if uit is None:
            uit = self._refs[id(cond)] = condition_refs(cond)  # type: ignore[arg-type]
        return uit

    def parameter(self, pid: str) -> Any:
        """The value in this period (facts.Context.param)."""
        waarde = self.beleid.parameters[pid].op(self.dag)
        if waarde is None:
            raise NietVectoriseerbaar(f"parameter {pid} heeft geen waarde op {self.dag}")
        return waarde.waarde

    def op_datum(self, pid: str) -> tuple[np.ndarray, list[Any]]:
        """A parameter's start days and values, for a value on another date (`op:`)."""
        p = self.beleid.parameters[pid]
        return (np.array([datums.dag(w.vanaf) for w in p.waarden], dtype=np.int64),
                [w.waarde for w in p.waarden])

    def grootheid_fn(self, gid: str) -> Fn:
        fn = self._fns.get(gid)
        if fn is None:
            formule = self.grootheden[gid].formule_op(self.dag)
            if formule is None:
                raise NietVectoriseerbaar(f"grootheid {gid} heeft geen formule op {self.dag}")
            fn = self._fns[gid] = self.vertaler.expr(formule.expressie)
        return fn

    def _leest(self, gid: str) -> list[object]:
        formule = self.grootheden[gid].formule_op(self.dag)
        return [] if formule is None else list(knopen(formule.expressie))

    def _sluiting(self, gid: str, alleen_per_post: bool = False) -> list[str]:
        """`gid` and every quantity its formula reads, also through others."""
        gezien: list[str] = []
        todo = [gid]
        while todo:
            g = todo.pop()
            if g in gezien or g not in self.grootheden:
                continue
            if alleen_per_post and not self.grootheden[g].per_post:
                continue
            gezien.append(g)
            todo += [k.naam if isinstance(k, Ref) else k.grootheid for k in self._leest(g)
                     if (isinstance(k, Ref) and k.soort in ("grootheid", "feit"))
                     or isinstance(k, Eerder)]
        return gezien

    @cached_property
    def toetsafhankelijk(self) -> frozenset[str]:
        """The quantities that read the regeling's income test (computed per regeling)."""
        return frozenset(g for g in self.grootheden if any(
            isinstance(k, Ref) and k.soort == "inkomenstoets"
            for h in self._sluiting(g) for k in self._leest(h)))

    def leest_eerder(self, gid: str) -> bool:
        return any(isinstance(k, Eerder) for g in self._sluiting(gid, True)
                   for k in self._leest(g))

    def post_sluiting(self, gid: str) -> tuple[list[str], dict[str, str]]:
        """The per-item quantities `gid` needs, and for each `eerder` its volgorde."""
        sluiting = self._sluiting(gid, True)
        doelen = {k.grootheid: k.volgorde for g in sluiting for k in self._leest(g)
                  if isinstance(k, Eerder)}
        return sluiting, doelen

    # ------------------------------------------------------------------ categories

    def categorie_kolom(self, veld: str, cat: np.ndarray) -> Kolom:
        """A field of each household's norm category (Berekening._categorie); without a
        category the value is absent and names nothing."""
        if veld == "rechthebbenden":
            raise NietVectoriseerbaar("rechthebbenden buiten som_over")
        tabel = self._categorie.get(veld)
        if tabel is None:
            tabel = self._categorie[veld] = self._tabel(veld)
        idx = np.maximum(cat, 0)
        ok = cat >= 0
        leeg = None if tabel.leeg is None else tabel.leeg[idx]
        return Kolom(tabel.soort, tabel.data[idx], tabel.noemer, tabel.grens, ok,
                     np.zeros(len(cat), dtype=bool), leeg)

    def alleen_aanvrager(self, cat: np.ndarray) -> np.ndarray:
        return np.asarray(self.categorie_kolom("alleen_aanvrager", cat).data, dtype=bool)

    def _tabel(self, veld: str) -> Kolom:
        assert self.nb is not None
        cats = self.nb.categorieen
        if veld == "alleen_aanvrager":
            return Kolom(WAAR, np.array([c.alleen_aanvrager for c in cats], dtype=bool))
        if veld == "plus":
            waarden: list[Decimal | None] = [
                sum((Decimal(str(self.parameter(p))) for p in c.plus), Decimal(0)) for c in cats]
        elif veld in _CATEGORIE_PARAMETERS:
            waarden = [None if getattr(c, veld) is None else
                       Decimal(str(self.parameter(getattr(c, veld)))) for c in cats]
        else:
            raise NietVectoriseerbaar(f"veld van de normcategorie: {veld}")
        getal = [constante(w if w is not None else Decimal(0)) for w in waarden]
        noemer = math.lcm(*(int(k.noemer) for k in getal))
        data = np.array([int(k.data) * (noemer // int(k.noemer)) for k in getal], dtype=np.int64)
        return Kolom(GETAL, data, noemer, int(np.max(np.abs(data), initial=0)),
                     leeg=np.array([w is None for w in waarden], dtype=bool))

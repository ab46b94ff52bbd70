"""Compile expressie.py's typed trees into functions over columns.

Each node of a formula (`Bewerking`, `Keuze`, `Tabel`, `OverPersonen` …) becomes a Python
closure that takes an `Omgeving` (the columns of one gemeente and policy period, see
omgeving.py) and returns a `Kolom`; parameters are read once, at compile time, since a
period is by definition a stretch in which no parameter changes. The closures call numpy
once per node for a whole column, so the Python cost is per node, not per household.
The semantics are the scalar ones, node for node: a `keuze` computes both branches and
takes one per row, an absence travels as `status.py` describes.

What does not compile raises `NietVectoriseerbaar`; the evaluator then decides that
regeling on the scalar path (motor.py).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import numpy as np

from ..expressie import (
    Afronden,
    Bewerking,
    Datumbewerking,
    Eerder,
    Getal,
    Keuze,
    Leeftijdsband,
    OverPersonen,
    ParameterOp,
    Peildatum,
    Ref,
    Samengesteld,
    Standaard,
    Tabel,
    Vergelijking,
)
from . import datums, getallen, status
from .kolom import DATUM, GETAL, TEKST, WAAR, WOORDEN, Kolom, constante, lengte, vol

if TYPE_CHECKING:
    from .omgeving import Omgeving

Fn = Callable[["Omgeving"], Kolom]


class NietVectoriseerbaar(Exception):  # noqa: N818 - a Dutch term: "cannot be vectorised"
    """A construct the column compiler does not handle; the scalar engine decides."""


class Vertaler:
    """Compiles the formulas and conditions of one gemeente and policy period."""

    def __init__(self, parameter: Callable[[str], Any], per: frozenset[str],
                 op_datum: Callable[[str], tuple[np.ndarray, list[Any]]]) -> None:
        self.parameter = parameter  # the value of a parameter in this period
        self.per = per  # parameters per leefvorm: read as the household's fact
        self.op_datum = op_datum  # (start days, values) of a parameter, for `op: datum`
        self._cache: dict[int, Fn] = {}

    # ------------------------------------------------------------------ formulas

    def expr(self, e: object) -> Fn:
        sleutel = id(e)
        fn = self._cache.get(sleutel)
        if fn is None:
            fn = self._cache[sleutel] = self._vertaal(e)
            self._cache[sleutel] = fn
        return fn

    def _vertaal(self, e: object) -> Fn:
        vertalers: dict[type, Callable[[Any], Fn]] = {
            Getal: self._getal, Ref: self._ref, Standaard: self._standaard,
            Peildatum: lambda _: lambda env: env.peildatum(), Bewerking: self._bewerking,
            Afronden: self._afronden, Keuze: self._keuze, Tabel: self._tabel,
            OverPersonen: self._over, Eerder: self._eerder, ParameterOp: self._parameter_op,
            Leeftijdsband: self._leeftijdsband, Datumbewerking: self._datum,
            Vergelijking: self.conditie, Samengesteld: self.conditie}
        vertaler = vertalers.get(type(e))
        if vertaler is None:
            raise NietVectoriseerbaar(type(e).__name__)
        return vertaler(e)

    def _getal(self, e: Getal) -> Fn:
        k = constante(e.waarde)
        return lambda env: k

    def _constante(self, waarde: Any) -> Kolom:
        if isinstance(waarde, list | dict) or waarde is None:
            return Kolom(GETAL, np.int64(0), 1, 0, leeg=np.bool_(True))
        return constante(waarde)

    def _ref(self, e: Ref) -> Fn:
        naam, soort = e.naam, e.soort
        if soort == "parameter" and naam in self.per:
            return lambda env: env.feit(naam)
        if soort == "parameter":
            k = self._constante(self.parameter(naam))
            return lambda env: k
        lezers: dict[str, Fn] = {
            "feit": lambda env: env.feit(naam), "grootheid": lambda env: env.grootheid(naam),
            "categorie": lambda env: env.categorie(naam),
            "inkomenstoets": lambda env: env.toetsveld(naam),
            "persoon": lambda env: env.persoon(naam), "post": lambda env: env.persoon(naam)}
        if soort not in lezers:
            raise NietVectoriseerbaar(f"verwijzing {soort}")
        return lezers[soort]

    def _standaard(self, e: Standaard) -> Fn:
        ref, std = self._ref(e.ref), constante(e.standaard.waarde)

        def f(env: Omgeving) -> Kolom:
            k = ref(env)
            if k.ok is None:
                return k
            return samen_kies(k.ok, k, std).met(ok=None, benoemd=None)
        return f

    def _bewerking(self, e: Bewerking) -> Fn:
        delen = [self.expr(a) for a in e.args]
        reken = _REKEN[e.op]

        def f(env: Omgeving) -> Kolom:
            waarden = [d(env) for d in delen]
            ok, benoemd = status.alle(waarden)
            uit, fout = reken(waarden)
            if fout is not None:  # a division by zero: Decimal raises, so no value
                fout = np.broadcast_to(fout, (lengte(*waarden),))  # also by a literal 0
                ok = ~fout if ok is None else ok & ~fout
                benoemd = np.where(fout, False, vol(benoemd, len(fout)))
            return uit.met(ok=ok, benoemd=benoemd)
        return f

    def _afronden(self, e: Afronden) -> Fn:
        arg, op = self.expr(e.arg), e.op

        def f(env: Omgeving) -> Kolom:
            k = arg(env)
            return getallen.afronden(k, op).met(ok=k.ok, benoemd=k.benoemd)
        return f

    def _keuze(self, e: Keuze) -> Fn:
        als, dan, anders = self.conditie(e.als), self.expr(e.dan), self.expr(e.anders)

        def f(env: Omgeving) -> Kolom:
            c = als(env)
            d, a = dan(env), anders(env)
            h = c.data
            ok, benoemd = status.kies(h, c, d, a)
            return samen_kies(h, d, a).met(ok=ok, benoemd=benoemd)
        return f

    def _tabel(self, e: Tabel) -> Fn:
        waarde = self.expr(e.waarde)
        banden = [(None if b.van is None else constante(b.van),
                   None if b.tot is None else constante(b.tot), self.expr(b.uitkomst))
                  for b in e.banden]
        nul = constante(Decimal(0))

        def f(env: Omgeving) -> Kolom:
            x = waarde(env)
            uit = nul
            for van, tot, u in reversed(banden):  # the first band that fits wins
                past = np.bool_(True)
                if van is not None:
                    past = past & getallen.vergelijk("minstens", x, van)
                if tot is not None:
                    past = past & getallen.vergelijk("minder_dan", x, tot)
                k = u(env)
                uit = samen_kies(past, k, uit).met(
                    ok=_kies_masker(past, k.ok, uit.ok), benoemd=None)
            ok, benoemd = status.eerste([x, uit])
            return uit.met(ok=ok, benoemd=benoemd)
        return f

    def _over(self, e: OverPersonen) -> Fn:
        als = self.conditie(e.als) if e.als is not None else None
        waarde = self.expr(e.waarde) if e.waarde is not None else None
        spec = e.personen

        def f(env: Omgeving) -> Kolom:
            return env.over(spec, als, waarde)
        return f

    def _eerder(self, e: Eerder) -> Fn:
        gid, volgorde = e.grootheid, e.volgorde
        return lambda env: env.eerder(gid, volgorde)

    def _parameter_op(self, e: ParameterOp) -> Fn:
        datum = self.expr(e.datum)
        vanaf, waarden = self.op_datum(e.parameter)
        tabel = [constante(w) for w in waarden]

        def f(env: Omgeving) -> Kolom:
            d = datum(env)
            i = np.maximum(np.searchsorted(vanaf, d.data, side="right") - 1, 0)
            uit = tabel[0]
            for j in range(1, len(tabel)):
                uit = samen_kies(i == j, tabel[j], uit)
            return uit.met(ok=d.ok, benoemd=d.benoemd)
        return f

    def _leeftijdsband(self, e: Leeftijdsband) -> Fn:
        banden = self.parameter(e.parameter)
        banden = list(banden) if isinstance(banden, list) else []
        met_aow = any("aow" in (b.get("van"), b.get("tot")) for b in banden)

        def f(env: Omgeving) -> Kolom:
            leeftijd = env.persoon("leeftijd")
            aow = env.persoon("aow") if met_aow else Kolom(WAAR, np.bool_(False))
            uit = constante(Decimal(0))
            for band in reversed(banden):
                past = _in_band(band, leeftijd, aow.data)
                uit = samen_kies(past, constante(Decimal(str(band["bedrag"]))), uit)
            ok, benoemd = status.eerste([leeftijd, aow])
            return uit.met(ok=ok, benoemd=benoemd)
        return f

    def _datum(self, e: Datumbewerking) -> Fn:
        datum = self.expr(e.datum)
        n = self.expr(e.n) if e.n is not None else None
        if e.op == "werkdagen_na":
            assert n is not None
            return lambda env: _werkdagen(env, datum(env), n(env))

        def f(env: Omgeving) -> Kolom:
            d = datum(env)
            if e.op == "leeftijd":
                op = n(env) if n is not None else env.peildatum()
                ok, benoemd = status.eerste([d, op])
                jaren = datums.leeftijd(d.data, op.data)
                return getallen.getal(jaren, 1, 200).met(ok=ok, benoemd=benoemd)
            assert n is not None
            aantal = n(env)
            stappen = np.asarray(aantal.data) // aantal.noemer
            if e.eenheid == "maanden":
                uit = datums.plus_maanden(d.data, stappen)
            else:
                uit = datums.plus_dagen(d.data, stappen * (7 if e.eenheid == "weken" else 1))
            ok, benoemd = status.eerste([d, aantal])
            return Kolom(DATUM, uit, ok=ok, benoemd=benoemd)
        return f

    # ---------------------------------------------------------------- conditions

    def conditie(self, c: object) -> Fn:
        sleutel = id(c)
        fn = self._cache.get(sleutel)
        if fn is None:
            if isinstance(c, Samengesteld):
                fn = self._samengesteld(c)
            elif isinstance(c, Vergelijking):
                fn = self._vergelijking(c)
            else:
                raise NietVectoriseerbaar(type(c).__name__)
            self._cache[sleutel] = fn
        return fn

    def _vergelijking(self, c: Vergelijking) -> Fn:
        links = self.expr(c.links)
        rechts = [self.expr(r) for r in c.rechts]
        op = c.op

        def f(env: Omgeving) -> Kolom:
            a = links(env)
            bs = [r(env) for r in rechts]
            ok, benoemd = status.eerste([a, *bs])
            return Kolom(WAAR, vergelijk(op, a, bs), ok=ok, benoemd=benoemd)
        return f

    def _samengesteld(self, c: Samengesteld) -> Fn:
        delen = [self.conditie(d) for d in c.delen]
        if c.op == "niet":
            deel = delen[0]

            def niet(env: Omgeving) -> Kolom:
                k = deel(env)
                return k.met(data=~np.asarray(k.data, dtype=bool))
            return niet
        stop = c.op != "alle"  # alle stops at the first false part, een_van at the first true

        def f(env: Omgeving) -> Kolom:
            return _kortsluit([d(env) for d in delen], stop)
        return f


# ------------------------------------------------------------------------- helpers


def _kortsluit(delen: list[Kolom], stop: bool) -> Kolom:
    """`alle` (stop at False) or `een_van` (stop at True), left to right: a part that is
    absent on a row decides that row only if no earlier part stopped it."""
    if all(k.ok is None for k in delen):
        data = np.asarray(delen[0].data, dtype=bool)
        for k in delen[1:]:
            data = (data | k.data) if stop else (data & k.data)
        return Kolom(WAAR, data)
    n = lengte(*delen)
    open_ = np.ones(n, dtype=bool)  # no part stopped the row nor was absent on it yet
    fout = np.zeros(n, dtype=bool)  # a part was absent before any stopped
    benoemd = np.zeros(n, dtype=bool)  # … and named paths
    for k in delen:
        if k.ok is not None:
            nieuw = open_ & ~np.asarray(k.ok)  # disjoint from the earlier `fout` rows
            fout |= nieuw
            benoemd |= nieuw if k.benoemd is None else nieuw & k.benoemd
            open_ &= k.ok
        waarde = np.asarray(k.data, dtype=bool)
        open_ &= ~waarde if stop else waarde
    klaar = ~open_
    klaar &= ~fout  # rows that stopped at a part
    return Kolom(WAAR, klaar if stop else ~klaar, ok=~fout, benoemd=benoemd)


def _kies_masker(h: Any, a: Any, b: Any) -> Any:
    if a is None and b is None:
        return None
    return np.where(h, True if a is None else a, True if b is None else b)


def samen_kies(h: Any, a: Kolom, b: Kolom) -> Kolom:
    """Per row a where h holds, else b (values only; the caller sets the status)."""
    leeg = None if a.leeg is None and b.leeg is None else np.where(
        h, False if a.leeg is None else a.leeg, False if b.leeg is None else b.leeg)
    if a.soort == GETAL and b.soort == GETAL:
        return getallen.kies(h, a, b).met(leeg=leeg)
    return Kolom(a.soort, np.where(h, a.data, b.data), leeg=leeg)


def _datum_van(k: Kolom) -> Any:
    """A date operand: a date column, or a text literal read as JJJJ-MM-DD."""
    if k.soort == TEKST and np.ndim(k.data) == 0:
        return datums.dag(date.fromisoformat(WOORDEN.tekst[int(k.data)]))
    return k.data


def gelijk(a: Kolom, b: Kolom) -> Any:
    if a.soort == GETAL and b.soort == GETAL:
        return getallen.vergelijk("is", a, b)
    if a.soort != b.soort:
        return np.bool_(False)
    return np.equal(a.data, b.data)


_ORDE = {"minder_dan": np.less, "hoogstens": np.less_equal, "meer_dan": np.greater,
         "minstens": np.greater_equal}


def vergelijk(op: str, a: Kolom, bs: list[Kolom]) -> Any:
    """expressie.vergelijk on columns."""
    if op == "bestaat":
        geen = np.bool_(False) if a.leeg is None else a.leeg
        return ~geen == bool(bs[0].data)
    if op == "een_van":
        uit: Any = np.bool_(False)
        for b in bs:
            uit = uit | gelijk(a, b)
        return uit
    b = bs[0]
    if op in ("is", "is_niet"):
        return gelijk(a, b) == (op == "is")
    if DATUM in (a.soort, b.soort):
        return _ORDE[op](_datum_van(a), _datum_van(b))
    return getallen.vergelijk(op, a, b)


def _in_band(band: dict[str, Any], leeftijd: Kolom, aow: Any) -> Any:
    """A person's age band of a `leeftijdstabel` (expressie.Leeftijdsband)."""
    van, tot = band.get("van", 0), band.get("tot")
    past_van = aow if van == "aow" else getallen.vergelijk(
        "minstens", leeftijd, constante(Decimal(str(van))))
    if tot is None:
        return past_van
    past_tot = ~aow if tot == "aow" else getallen.vergelijk(
        "minder_dan", leeftijd, constante(Decimal(str(tot))))
    return past_van & past_tot


def _werkdagen(env: Omgeving, d: Kolom, n: Kolom) -> Kolom:
    """`werkdagen_na` once per distinct (date, number): the calendar of the scalar engine."""
    paren = np.stack(np.broadcast_arrays(d.data, np.asarray(n.data) // n.noemer), axis=-1)
    uniek, terug = np.unique(paren.reshape(-1, 2), axis=0, return_inverse=True)
    uit = np.array([datums.dag(env.kalender.plus_werkdagen(datums.als_datum(x), int(k)))
                    for x, k in uniek], dtype=np.int64)
    ok, benoemd = status.eerste([d, n])
    return Kolom(DATUM, uit[terug.reshape(-1)].reshape(np.shape(paren)[:-1]), ok=ok,
                 benoemd=benoemd)


def _reken(functie: Callable[[list[Kolom]], Kolom]) -> Callable[[list[Kolom]], Any]:
    return lambda ks: (functie(ks), None)


def _deling(ks: list[Kolom]) -> tuple[Kolom, Any]:
    uit, fout = ks[0], None
    for k in ks[1:]:
        uit, nul = getallen.deling(uit, k)
        fout = nul if fout is None else (fout if nul is None else fout | nul)
    return uit, fout


_REKEN: dict[str, Callable[[list[Kolom]], tuple[Kolom, Any]]] = {
    "som": _reken(getallen.som), "verschil": _reken(getallen.verschil),
    "product": _reken(getallen.product), "deling": _deling,
    "percentage": _reken(lambda ks: getallen.percentage(ks[0], ks[1])),
    "min": _reken(getallen.minimum), "max": _reken(getallen.maximum)}

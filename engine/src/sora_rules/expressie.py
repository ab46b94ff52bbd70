"""A small, closed vocabulary for the formulas the law prescribes, written in YAML.

Why a vocabulary of our own: an advisor must be able to read and change a formula
(the kostendelersnorm, the vakantietoeslag, an income limit) without Python, and
validation must be able to check it. So a formula is a tree of a few named
operations (regelrecht's idea), parsed once into typed nodes that know what they
refer to (`refs`) and how to compute themselves on `Decimal`s. Conditions inside a
formula (a `keuze`, the persons an `aantal` counts) use the same condition shape as
the regelingen; the conditions that decide a besluit stay in the rule engine.

Operations (one key each):

- references: `{feit: naam}`, `{parameter: id}`, `{grootheid: id}`, `{categorie: veld}`
  (a field of the selected norm category), `{inkomenstoets: veld}` (of the regeling
  being decided), `{persoon: veld}` (inside `aantal` / `som_over`);
- arithmetic: `som`, `verschil`, `product`, `deling` (lists), `percentage: [pct, van]`,
  `min`, `max`, `afronden` (half-up, to cents unless `op:` says otherwise);
- choice and tables: `keuze: {als, dan, anders}`, `tabel: {waarde, banden: [{van, tot,
  uitkomst}]}`;
- persons and items: `aantal: {personen, als}`, `som_over: {personen, waarde, als}`; over
  the items of a case list (`posten: kosten`, read with `{post: veld}`; `niet_leeg: true`
  makes an empty list a missing fact); `eerder: {grootheid, volgorde}` sums a per-item
  quantity over the items before this one (a budget used up in date order);
- a parameter on another date than the peildatum: `{parameter: id, op: <datum>}`; the
  peildatum itself: `{peildatum: true}` (dates compare as dates);
- a reference with a value for when it is absent: `{post: vrijlating, standaard: false}`;
- dates: `leeftijd: {geboortedatum, op}`, `datum_plus: {datum, dagen|weken|maanden}`,
  `werkdagen_na: {datum, aantal}` (Algemene termijnenwet).
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, fields
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from functools import reduce
from typing import Any, Protocol, Union

Waarde = Union[Decimal, bool, str, date, tuple[str, ...], None]  # noqa: UP007 - a runtime alias
Pad = tuple[str | int, ...]

REF_SOORTEN = ("feit", "parameter", "grootheid", "categorie", "inkomenstoets", "persoon", "post")
VERGELIJKINGEN = ("is", "is_niet", "minder_dan", "hoogstens", "meer_dan", "minstens", "een_van",
                  "bestaat")


class ExpressieFout(ValueError):
    """A formula or condition that does not parse; `pad` is where inside the YAML."""

    def __init__(self, pad: Pad, bericht: str) -> None:
        super().__init__(bericht)
        self.pad = pad
        self.bericht = bericht


class Ontbreekt(Exception):  # noqa: N818 - a Dutch term: "is missing"
    """A fact a formula needs is absent from the case; `paden` are the case paths."""

    def __init__(self, paden: Sequence[str]) -> None:
        super().__init__(", ".join(paden))
        self.paden = tuple(paden)


class Omgeving(Protocol):
    """What a formula can read while it is computed (see grootheden.Berekening)."""

    @property
    def peildatum(self) -> date: ...

    def lees(self, soort: str, naam: str) -> Waarde: ...

    def personen(self, spec: Personen) -> list[str]: ...

    def met_persoon(self, wie: str) -> Omgeving: ...

    def werkdagen_na(self, start: date, aantal: int) -> date: ...

    def eerdere(self, volgorde: str) -> list[str]: ...

    def parameter_op(self, pid: str, datum: date) -> Waarde: ...

    def tabel(self, pid: str) -> list[dict[str, object]]: ...


@dataclass(frozen=True)
class Refs:
    """Everything an expression or condition reads, per kind of reference."""

    per_soort: Mapping[str, frozenset[str]] = field(default_factory=dict)

    def __or__(self, other: Refs) -> Refs:
        keys = set(self.per_soort) | set(other.per_soort)
        return Refs({k: self.per_soort.get(k, frozenset()) | other.per_soort.get(k, frozenset())
                     for k in keys})

    def __getitem__(self, soort: str) -> frozenset[str]:
        return self.per_soort.get(soort, frozenset())


def _alle_refs(delen: Sequence[Expr | Conditie | Personen | None]) -> Refs:
    return reduce(operator.or_, (d.refs() for d in delen if d is not None), Refs())


# --------------------------------------------------------------------------- nodes


@dataclass(frozen=True)
class Getal:
    waarde: Decimal | bool | str

    def refs(self) -> Refs:
        return Refs()

    def bereken(self, env: Omgeving) -> Waarde:
        return self.waarde

    def naar_yaml(self) -> object:
        w = self.waarde
        if isinstance(w, Decimal) and "." not in str(w) and "E" not in str(w):
            return int(w)  # written as a whole number
        return w


@dataclass(frozen=True)
class Ref:
    soort: str
    naam: str
    pad: Pad = field(default=(), compare=False)  # where it is written, for findings

    def refs(self) -> Refs:
        return Refs({self.soort: frozenset({self.naam})})

    def bereken(self, env: Omgeving) -> Waarde:
        return env.lees(self.soort, self.naam)

    def naar_yaml(self) -> object:
        return {self.soort: self.naam}


def _alle(delen: Sequence[Expr], envs: Sequence[Omgeving]) -> list[Waarde]:
    """Every part computed (part i in envs[i]); a consulent is told every missing fact at
    once, not only the first. The common case, nothing missing, takes one pass."""
    try:
        return [d.bereken(e) for d, e in zip(delen, envs, strict=True)]
    except Ontbreekt:
        pass
    paden: list[str] = []
    for d, e in zip(delen, envs, strict=True):
        try:
            d.bereken(e)
        except Ontbreekt as exc:
            paden += [p for p in exc.paden if p not in paden]
    raise Ontbreekt(paden)


def _getal(x: Waarde) -> Decimal:
    if type(x) is Decimal:  # the common case; Decimal(x) would be an equal copy
        return x
    if isinstance(x, bool) or not isinstance(x, Decimal | int):
        raise TypeError(f"verwacht een getal, niet {x!r}")
    return Decimal(x)


_REKEN: dict[str, Callable[[list[Decimal]], Decimal]] = {
    "som": lambda xs: sum(xs, Decimal(0)),
    "verschil": lambda xs: reduce(operator.sub, xs),
    "product": lambda xs: reduce(operator.mul, xs, Decimal(1)),
    "deling": lambda xs: reduce(operator.truediv, xs),
    "percentage": lambda xs: xs[0] * xs[1] / 100,
    "min": min,
    "max": max,
}


@dataclass(frozen=True)
class Bewerking:
    """One arithmetic operation of the closed set `_REKEN` over its arguments."""

    op: str
    args: tuple[Expr, ...]

    def refs(self) -> Refs:
        return _alle_refs(self.args)

    def bereken(self, env: Omgeving) -> Waarde:
        try:
            waarden = [a.bereken(env) for a in self.args]
        except Ontbreekt:  # name every missing fact, not only the first
            waarden = _alle(self.args, [env] * len(self.args))
        return _REKEN[self.op]([_getal(w) for w in waarden])

    def naar_yaml(self) -> object:
        return {self.op: [naar_yaml(a) for a in self.args]}


@dataclass(frozen=True)
class Afronden:
    """Half-up to a multiple of `op` (cents by default): the rounding points the law names."""

    arg: Expr
    op: Decimal = Decimal("0.01")

    def refs(self) -> Refs:
        return self.arg.refs()

    def bereken(self, env: Omgeving) -> Waarde:
        x = _getal(self.arg.bereken(env))
        return (x / self.op).quantize(Decimal(1), rounding=ROUND_HALF_UP) * self.op


@dataclass(frozen=True)
class Keuze:
    als: Conditie
    dan: Expr
    anders: Expr

    def refs(self) -> Refs:
        return _alle_refs([self.als, self.dan, self.anders])

    def bereken(self, env: Omgeving) -> Waarde:
        return (self.dan if self.als.geldt(env) else self.anders).bereken(env)


@dataclass(frozen=True)
class Band:
    van: Decimal | None
    tot: Decimal | None
    uitkomst: Expr


@dataclass(frozen=True)
class Tabel:
    """The outcome of the first band `van ≤ waarde < tot` (e.g. an amount by age)."""

    waarde: Expr
    banden: tuple[Band, ...]

    def refs(self) -> Refs:
        return _alle_refs([self.waarde, *(b.uitkomst for b in self.banden)])

    def bereken(self, env: Omgeving) -> Waarde:
        x = _getal(self.waarde.bereken(env))
        for band in self.banden:
            if (band.van is None or x >= band.van) and (band.tot is None or x < band.tot):
                return band.uitkomst.bereken(env)
        return Decimal(0)


@dataclass(frozen=True)
class Personen:
    """A list of persons (`aanvrager`, `partner`, `kinderen`, `medebewoners`), the items of a
    case list (`posten: kosten`), or a reference that yields one (the category's
    `rechthebbenden`). `niet_leeg`: an empty list is a missing fact, not zero."""

    namen: tuple[str, ...] = ()
    ref: Ref | None = None
    niet_leeg: bool = False

    def refs(self) -> Refs:
        return self.ref.refs() if self.ref else Refs()


@dataclass(frozen=True)
class OverPersonen:
    """`aantal` (how many persons meet `als`) or `som_over` (the sum of `waarde` over them)."""

    soort: str
    personen: Personen
    als: Conditie | None
    waarde: Expr | None = None

    def refs(self) -> Refs:
        return _alle_refs([self.personen, self.als, self.waarde])

    def bereken(self, env: Omgeving) -> Waarde:
        wie = env.personen(self.personen)
        if not wie and self.personen.niet_leeg:
            raise Ontbreekt(self.personen.namen)
        envs = [env.met_persoon(w) for w in wie]
        if self.als is not None:
            envs = [e for e in envs if self.als.geldt(e)]
        if self.waarde is None:
            return Decimal(len(envs))
        return sum((_getal(w) for w in _alle([self.waarde] * len(envs), envs)), Decimal(0))


@dataclass(frozen=True)
class Eerder:
    """The sum of a per-item quantity over the items before this one in `volgorde` (then in
    list order): what earlier items used of a budget such as the drempel."""

    grootheid: str
    volgorde: str

    def refs(self) -> Refs:
        return Refs({"grootheid": frozenset({self.grootheid}), "post": frozenset({self.volgorde})})

    def bereken(self, env: Omgeving) -> Waarde:
        return sum((_getal(env.met_persoon(w).lees("grootheid", self.grootheid))
                    for w in env.eerdere(self.volgorde)), Decimal(0))


@dataclass(frozen=True)
class Standaard:
    """A reference with a value for when it is absent (`{post: vrijlating, standaard: false}`):
    an optional field of a case item that means "no" when left out."""

    ref: Ref
    standaard: Getal

    def refs(self) -> Refs:
        return self.ref.refs()

    def bereken(self, env: Omgeving) -> Waarde:
        try:
            return self.ref.bereken(env)
        except Ontbreekt:
            return self.standaard.waarde


@dataclass(frozen=True)
class Peildatum:
    """The date the decision is about (`{peildatum: true}`), to compare dates with."""

    def refs(self) -> Refs:
        return Refs()

    def bereken(self, env: Omgeving) -> Waarde:
        return env.peildatum


@dataclass(frozen=True)
class Leeftijdsband:
    """The amount of a person's age band in a dated table parameter (`leeftijdstabel`):
    bands `{van, tot, bedrag}` in whole years, where `aow` means the AOW age."""

    parameter: str

    def refs(self) -> Refs:
        return Refs({"parameter": frozenset({self.parameter}), "persoon": frozenset({"leeftijd"})})

    def bereken(self, env: Omgeving) -> Waarde:
        banden = env.tabel(self.parameter)
        leeftijd = _getal(env.lees("persoon", "leeftijd"))
        aow = any("aow" in (b.get("van"), b.get("tot")) for b in banden) \
            and env.lees("persoon", "aow") is True
        for band in banden:
            van, tot = band.get("van", 0), band.get("tot")
            past_van = aow if van == "aow" else leeftijd >= Decimal(str(van))
            past_tot = tot is None or (not aow if tot == "aow" else leeftijd < Decimal(str(tot)))
            if past_van and past_tot:
                return Decimal(str(band["bedrag"]))
        return Decimal(0)


@dataclass(frozen=True)
class ParameterOp:
    """A parameter's value in force on another date (a kostenpost's date), not the peildatum."""

    parameter: str
    datum: Expr

    def refs(self) -> Refs:  # its own kind: read on a date of the case, not the peildatum
        return Refs({"parameter_op": frozenset({self.parameter})}) | self.datum.refs()

    def bereken(self, env: Omgeving) -> Waarde:
        return env.parameter_op(self.parameter, _datum(self.datum.bereken(env)))


def _datum(x: Waarde) -> date:
    if isinstance(x, date):
        return x
    if isinstance(x, str):
        return date.fromisoformat(x)
    raise TypeError(f"verwacht een datum, niet {x!r}")


@dataclass(frozen=True)
class Datumbewerking:
    """`leeftijd` in whole years, `datum_plus` days/weeks/months, `werkdagen_na`."""

    op: str
    datum: Expr
    n: Expr | None = None  # the number of units; for `leeftijd` the date to measure on
    eenheid: str = ""

    def refs(self) -> Refs:
        return _alle_refs([self.datum, self.n])

    def bereken(self, env: Omgeving) -> Waarde:
        d = _datum(self.datum.bereken(env))
        if self.op == "leeftijd":
            op = _datum(self.n.bereken(env)) if self.n is not None else env.peildatum
            return Decimal(op.year - d.year - ((op.month, op.day) < (d.month, d.day)))
        assert self.n is not None
        n = int(_getal(self.n.bereken(env)))
        if self.op == "werkdagen_na":
            return env.werkdagen_na(d, n)
        if self.eenheid == "maanden":
            return _plus_maanden(d, n)
        return d + timedelta(days=n * (7 if self.eenheid == "weken" else 1))


def _plus_maanden(d: date, n: int) -> date:
    jaar, maand = divmod(d.month - 1 + n, 12)
    for dag in range(d.day, 27, -1):  # 31 januari + 1 maand = 28 of 29 februari
        try:
            return date(d.year + jaar, maand + 1, dag)
        except ValueError:
            continue
    return date(d.year + jaar, maand + 1, min(d.day, 28))


Expr = (Getal | Ref | Standaard | Peildatum | Bewerking | Afronden | Keuze | Tabel | OverPersonen
        | Eerder | ParameterOp | Leeftijdsband | Datumbewerking)


# ----------------------------------------------------------------------- conditions


def vergelijk(op: str, links: Waarde, rechts: Waarde | tuple[Waarde, ...]) -> bool:
    if op == "bestaat":
        return (links is not None) == rechts
    if op == "een_van":
        assert isinstance(rechts, tuple)
        return links in rechts
    if op in ("is", "is_niet"):
        return (links == rechts) == (op == "is")
    if isinstance(links, date) or isinstance(rechts, date):  # dates compare as dates
        return bool(_ORDE[op](_datum(links), _datum(rechts)))  # type: ignore[arg-type]
    return bool(_ORDE[op](_getal(links), _getal(rechts)))  # type: ignore[arg-type]


_ORDE: dict[str, Callable[[Any, Any], Any]] = {
    "minder_dan": operator.lt, "hoogstens": operator.le, "meer_dan": operator.gt,
    "minstens": operator.ge}


@dataclass(frozen=True)
class Vergelijking:
    links: Expr
    op: str
    rechts: tuple[Expr, ...]  # one operand, or the options of `een_van`

    def refs(self) -> Refs:
        return _alle_refs([self.links, *self.rechts])

    def geldt(self, env: Omgeving) -> bool:
        links = self.links.bereken(env)
        if self.op == "een_van":
            return vergelijk(self.op, links, tuple(r.bereken(env) for r in self.rechts))
        return vergelijk(self.op, links, self.rechts[0].bereken(env))

    def naar_yaml(self) -> object:
        links = self.links.naar_yaml() if isinstance(self.links, Ref) else {
            "waarde": naar_yaml(self.links)}
        rechts = [naar_yaml(r) for r in self.rechts]
        assert isinstance(links, dict)
        return {**links, self.op: rechts if self.op == "een_van" else rechts[0]}


@dataclass(frozen=True)
class Samengesteld:
    """`alle` (every part), `een_van` (at least one), `niet` (the single part does not hold).
    Evaluated left to right, stopping as soon as the answer is known."""

    op: str
    delen: tuple[Conditie, ...]

    def refs(self) -> Refs:
        return _alle_refs(self.delen)

    def geldt(self, env: Omgeving) -> bool:
        if self.op == "niet":
            return not self.delen[0].geldt(env)
        if self.op == "alle":
            for d in self.delen:
                if not d.geldt(env):
                    return False
            return True
        for d in self.delen:
            if d.geldt(env):
                return True
        return False

    def naar_yaml(self) -> object:
        if self.op == "niet":
            return {"niet": self.delen[0].naar_yaml()}
        return {self.op: [d.naar_yaml() for d in self.delen]}


Conditie = Vergelijking | Samengesteld


def naar_yaml(node: Expr | Conditie | None) -> object:
    """The YAML form of a parsed formula or condition, as an advisor writes it (listings)."""
    if node is None:
        return None
    maak = getattr(node, "naar_yaml", None)
    return maak() if maak is not None else repr(node)


def condities_in(node: object) -> Iterator[Conditie]:
    """Every condition inside a formula (a `keuze`'s `als`, whom an `aantal` counts), outermost
    first: what a proof over the facts a formula reads must vary."""
    if isinstance(node, Vergelijking | Samengesteld):
        yield node
        return
    if not hasattr(node, "__dataclass_fields__"):
        return
    for veld in fields(node):  # type: ignore[arg-type]
        waarde = getattr(node, veld.name)
        for deel in waarde if isinstance(waarde, tuple) else (waarde,):
            yield from condities_in(deel)


def vergelijkingen(c: Conditie) -> Iterator[Vergelijking]:
    """The comparisons of a condition, left to right."""
    if isinstance(c, Samengesteld):
        for d in c.delen:
            yield from vergelijkingen(d)
    else:
        yield c


# -------------------------------------------------------------------------- parsing


_BEWERKINGEN = frozenset(_REKEN)
_DATUMS = ("leeftijd", "datum_plus", "werkdagen_na")


def parse_expressie(data: object, pad: Pad = ()) -> Expr:
    """The typed tree of a formula from its YAML form; `ExpressieFout` names the place."""
    if isinstance(data, bool | str):
        return Getal(data)
    if isinstance(data, dict) and data == {"peildatum": True}:
        return Peildatum()
    if isinstance(data, int | Decimal | float):
        return Getal(Decimal(str(data)))
    if not isinstance(data, dict) or not data:
        raise ExpressieFout(pad, f"onbekende formule {data!r}: verwacht een getal of één "
                            "bewerking, bijvoorbeeld {som: [...]}")
    soort = next(iter(data))
    if soort in REF_SOORTEN and len(data) == 1:
        return _ref(soort, data[soort], pad)
    if soort in REF_SOORTEN and set(data) == {soort, "standaard"}:
        standaard = parse_expressie(data["standaard"], (*pad, "standaard"))
        if not isinstance(standaard, Getal):
            raise ExpressieFout((*pad, "standaard"), "standaard is een getal, ja/nee of tekst")
        return Standaard(_ref(soort, data[soort], pad), standaard)
    if soort == "parameter" and set(data) == {"parameter", "op"}:
        return ParameterOp(_ref(soort, data[soort], pad).naam,
                           parse_expressie(data["op"], (*pad, "op")))
    if soort in _BEWERKINGEN and len(data) == 1:
        return Bewerking(soort, _lijst(data[soort], (*pad, soort), 2))
    if soort == "afronden":
        return Afronden(parse_expressie(data["afronden"], (*pad, "afronden")),
                        Decimal(str(data.get("op", "0.01"))))
    parsers: dict[str, Callable[[object, Pad], Expr]] = {
        "keuze": _keuze, "tabel": _tabel, "aantal": _over_personen, "som_over": _over_personen,
        "eerder": _eerder,
        **dict.fromkeys(_DATUMS, _datumbewerking)}
    if soort in parsers and len(data) == 1:
        return parsers[soort]({soort: data[soort]}, pad)
    raise ExpressieFout(pad, f"onbekende bewerking '{soort}'; kies uit: "
                        + ", ".join(sorted({*_BEWERKINGEN, "afronden", *parsers, *REF_SOORTEN})))


def _ref(soort: str, naam: object, pad: Pad) -> Ref:
    if not isinstance(naam, str) or not naam:
        raise ExpressieFout((*pad, soort), f"'{soort}' verwacht een naam")
    return Ref(soort, naam, (*pad, soort))


def _lijst(data: object, pad: Pad, minimum: int) -> tuple[Expr, ...]:
    if not isinstance(data, list) or len(data) < minimum:
        raise ExpressieFout(pad, f"verwacht een lijst van ten minste {minimum} waarden")
    return tuple(parse_expressie(x, (*pad, i)) for i, x in enumerate(data))


def _veld(data: object, sleutel: str, pad: Pad) -> object:
    if not isinstance(data, dict) or sleutel not in data:
        raise ExpressieFout(pad, f"'{sleutel}' ontbreekt")
    return data[sleutel]


def _keuze(data: object, pad: Pad) -> Expr:
    spec, p = _veld(data, "keuze", pad), (*pad, "keuze")
    return Keuze(parse_conditie(_veld(spec, "als", p), (*p, "als")),
                 parse_expressie(_veld(spec, "dan", p), (*p, "dan")),
                 parse_expressie(_veld(spec, "anders", p), (*p, "anders")))


def _grens(band: dict[str, object], sleutel: str) -> Decimal | None:
    waarde = band.get(sleutel)
    return None if waarde is None else Decimal(str(waarde))


def _tabel(data: object, pad: Pad) -> Expr:
    spec, p = _veld(data, "tabel", pad), (*pad, "tabel")
    banden = _veld(spec, "banden", p)
    if not isinstance(banden, list) or not banden:
        raise ExpressieFout((*p, "banden"), "verwacht een lijst van banden {van, tot, uitkomst}")
    return Tabel(parse_expressie(_veld(spec, "waarde", p), (*p, "waarde")), tuple(
        Band(_grens(b, "van"), _grens(b, "tot"),
             parse_expressie(_veld(b, "uitkomst", (*p, "banden", i)), (*p, "banden", i)))
        for i, b in enumerate(banden) if isinstance(b, dict)))


def _personen(data: object, pad: Pad) -> Personen:
    if isinstance(data, list) and all(isinstance(x, str) for x in data):
        return Personen(namen=tuple(str(x) for x in data))
    if isinstance(data, dict) and len(data) == 1 and next(iter(data)) in REF_SOORTEN:
        soort = next(iter(data))
        return Personen(ref=_ref(soort, data[soort], pad))
    raise ExpressieFout(pad, "verwacht een lijst van personen, bijvoorbeeld [aanvrager, partner]")


def _posten(spec: object, pad: Pad) -> Personen:
    if isinstance(spec, dict) and "posten" in spec:
        lijst = spec["posten"]
        if not isinstance(lijst, str) or not lijst:
            raise ExpressieFout((*pad, "posten"), "verwacht de naam van een lijst in de casus")
        return Personen(namen=(lijst,), niet_leeg=spec.get("niet_leeg") is True)
    return _personen(_veld(spec, "personen", pad), (*pad, "personen"))


def _over_personen(data: object, pad: Pad) -> Expr:
    assert isinstance(data, dict)
    soort = next(iter(data))
    spec, p = data[soort], (*pad, soort)
    als = spec.get("als") if isinstance(spec, dict) else None
    waarde = _veld(spec, "waarde", p) if soort == "som_over" else None
    return OverPersonen(
        soort, _posten(spec, p),
        None if als is None else parse_conditie(als, (*p, "als")),
        None if waarde is None else parse_expressie(waarde, (*p, "waarde")))


def _eerder(data: object, pad: Pad) -> Expr:
    spec, p = _veld(data, "eerder", pad), (*pad, "eerder")
    gid, volgorde = _veld(spec, "grootheid", p), _veld(spec, "volgorde", p)
    if not isinstance(gid, str) or not isinstance(volgorde, str):
        raise ExpressieFout(p, "eerder verwacht {grootheid: naam, volgorde: veld}")
    return Eerder(gid, volgorde)


def _datumbewerking(data: object, pad: Pad) -> Expr:
    assert isinstance(data, dict)
    soort = next(iter(data))
    spec, p = data[soort], (*pad, soort)
    if soort == "leeftijd":
        op = spec.get("op") if isinstance(spec, dict) else None
        return Datumbewerking(soort, parse_expressie(_veld(spec, "geboortedatum", p), p),
                              None if op is None else parse_expressie(op, (*p, "op")))
    if soort == "werkdagen_na":
        return Datumbewerking(soort, parse_expressie(_veld(spec, "datum", p), p),
                              parse_expressie(_veld(spec, "aantal", p), (*p, "aantal")))
    eenheden = [e for e in ("dagen", "weken", "maanden") if isinstance(spec, dict) and e in spec]
    if len(eenheden) != 1:
        raise ExpressieFout(p, "noem precies één van dagen, weken of maanden")
    assert isinstance(spec, dict)
    return Datumbewerking(soort, parse_expressie(_veld(spec, "datum", p), p),
                          parse_expressie(spec[eenheden[0]], (*p, eenheden[0])), eenheden[0])


def parse_bedrag(spec: object, pad: Pad = ()) -> Expr:
    """An amount of a regeling as a formula: a quantity by name (`bijstand.bedrag`), a
    parameter (one per leefvorm is the household's), an age table summed over persons, a
    `{formule: …}`, or a list of those (their sum)."""
    if isinstance(spec, str):
        return Ref("feit", spec)  # a fact, or a quantity computed between the stages
    if isinstance(spec, list):
        delen = tuple(parse_bedrag(s, (*pad, i)) for i, s in enumerate(spec))
        return delen[0] if len(delen) == 1 else Bewerking("som", delen)
    if isinstance(spec, dict) and set(spec) == {"formule"}:
        return parse_expressie(spec["formule"], (*pad, "formule"))
    if isinstance(spec, dict) and set(spec) == {"parameter"}:
        return _ref("parameter", spec["parameter"], pad)
    if isinstance(spec, dict) and set(spec) == {"leeftijdstabel", "personen"}:
        tabel = _ref("leeftijdstabel", spec["leeftijdstabel"], pad).naam
        return OverPersonen("som_over", _personen(spec["personen"], (*pad, "personen")), None,
                            Leeftijdsband(tabel))
    raise ExpressieFout(pad, "verwacht een bedrag: een grootheid, {parameter: …}, "
                        "{leeftijdstabel: …, personen: […]}, {formule: …} of een lijst daarvan")


def parse_conditie(data: object, pad: Pad = ()) -> Conditie:
    """The typed tree of a condition: `{feit|…: x, <vergelijking>: y}`, `alle`, `een_van`,
    `niet`, or `{waarde: <formule>, <vergelijking>: y}`."""
    if not isinstance(data, dict) or not data:
        raise ExpressieFout(pad, "verwacht een conditie, bijvoorbeeld {feit: x, minstens: 18}")
    if set(data) == {"niet"}:
        return Samengesteld("niet", (parse_conditie(data["niet"], (*pad, "niet")),))
    for op in ("alle", "een_van"):
        if set(data) == {op} and isinstance(data[op], list):
            return Samengesteld(op, tuple(parse_conditie(c, (*pad, op, i))
                                          for i, c in enumerate(data[op])))
    links = [k for k in data if k in (*REF_SOORTEN, "waarde")]
    ops = [k for k in data if k in VERGELIJKINGEN]
    if len(links) != 1 or len(ops) != 1 or len(data) != 2:
        raise ExpressieFout(pad, "een conditie heeft één onderwerp (feit, parameter, grootheid, "
                            "categorie, inkomenstoets, persoon of waarde) en één vergelijking ("
                            + ", ".join(VERGELIJKINGEN) + ")")
    onderwerp, op = links[0], ops[0]
    linker = (parse_expressie(data["waarde"], (*pad, "waarde")) if onderwerp == "waarde"
              else _ref(onderwerp, data[onderwerp], pad))
    rechts = data[op]
    if op == "een_van":
        if not isinstance(rechts, list):
            raise ExpressieFout((*pad, op), "een_van verwacht een lijst")
        return Vergelijking(linker, op, tuple(parse_expressie(r, (*pad, op, i))
                                              for i, r in enumerate(rechts)))
    return Vergelijking(linker, op, (parse_expressie(rechts, (*pad, op)),))

"""Turn a validated case into the facts the rules speak about.

Each fact has a `soort`: a named calculation kind the law fixes (age on the
peildatum, the art. 19a kostendelers count, art. 31/34 middelen). Its
parameters come from YAML. Money facts are whole cents (int) so the rule
engine compares them exactly; a fact whose input is absent is left out and its
case path is recorded, so a decision can name what to ask for.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache, partial
from typing import Any

from .expressie import ExpressieFout, Ontbreekt, Personen, Waarde
from .model import Feit, Parameter


def cents(amount: Decimal | int | float | str) -> int:
    """Euros to whole cents, rounded half-up (the only rounding of money inputs)."""
    exact = amount if type(amount) is Decimal else Decimal(str(amount))  # str(d) reads back as d
    return int((exact * 100).quantize(_EEN, rounding=ROUND_HALF_UP))


_EEN = Decimal(1)


def parse_date(text: str) -> date:
    return date.fromisoformat(text)


def age_on(birth: date, peildatum: date) -> int:
    """Age in whole years on the peildatum."""
    before_birthday = (peildatum.month, peildatum.day) < (birth.month, birth.day)
    return peildatum.year - birth.year - before_birthday


def add_months(d: date, months: int) -> date:
    """`d` plus whole months, clamped to the month's last day (31 Jan + 1 → 28/29 Feb).

    Computed, not searched: a result outside `date`'s range raises OverflowError
    instead of looping (the old day-by-day retry never ended past year 9999).
    """
    y, m = divmod(d.month - 1 + months, 12)
    year, month = d.year + y, m + 1
    if not date.min.year <= year <= date.max.year:
        raise OverflowError(f"{d.isoformat()} + {months} maanden valt buiten het datumbereik")
    leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
    last = (31, 29 if leap else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)[month - 1]
    return date(year, month, min(d.day, last))


@dataclass
class Feiten:
    """Facts of one case at one peildatum (mutable only while being built)."""

    waarden: dict[str, Any] = field(default_factory=dict)
    ontbrekend: dict[str, tuple[str, ...]] = field(default_factory=dict)
    aannames: dict[str, tuple[str, ...]] = field(default_factory=dict)  # per fact
    details: dict[str, Any] = field(default_factory=dict)


# DESIGN §4: an absent partner, kinderen or medebewoners means "none", not "unknown".
_NONE_IF_ABSENT = frozenset({"partner", "kinderen", "medebewoners"})


@lru_cache(maxsize=1024)
def _delen(pad: str) -> tuple[str, ...]:
    """A dotted path's parts (the paths come from the rules: a few dozen)."""
    return tuple(pad.split("."))


def lookup(case: Mapping[str, Any], pad: str) -> tuple[str, Any]:
    """('ok', value) | ('ontbreekt', None) | ('geen_ouder', None) for a dotted path.

    'geen_ouder' means the enclosing object itself is absent (no partner), so
    the field is not needed rather than missing.
    """
    return _zoek(case, _delen(pad))


def _zoek(case: Mapping[str, Any], parts: tuple[str, ...]) -> tuple[str, Any]:
    """`lookup` of a path already split."""
    node: Any = case
    for i, part in enumerate(parts):
        if not (type(node) is dict or isinstance(node, Mapping)) or node.get(part) is None:
            if i == 0 and len(parts) > 1 and part in _NONE_IF_ABSENT:
                return "geen_ouder", None
            return "ontbreekt", None
        node = node[part]
    return "ok", node


Builder = Callable[[Feit, Mapping[str, Any], "Context", Feiten], None]


@dataclass(frozen=True)
class Context:
    peildatum: date
    gemeente: str
    parameters: Mapping[str, Parameter]
    # the values read so far: a case reads the same parameters many times
    _gelezen: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    def param(self, pid: str) -> Any:
        gelezen = self._gelezen
        if pid in gelezen:
            return gelezen[pid]
        waarde = self.parameters[pid].op(self.peildatum)
        if waarde is None:
            raise KeyError(pid)
        gelezen[pid] = waarde.waarde
        return waarde.waarde


def _from_field(f: Feit, case: Mapping[str, Any], out: Feiten,
                convert: Callable[[Any], Any]) -> None:
    """The shared shape of one-field facts: convert the value, else the declared
    default (an aanname), else name the field as missing; an absent partner means
    the fact simply does not apply."""
    state, value = lookup(case, f.opties["van"])
    if state == "ok":
        out.waarden[f.naam] = convert(value)
    elif state == "ontbreekt" and "standaard" in f.opties:
        _assume(f, out)
    elif state == "ontbreekt":
        out.ontbrekend[f.naam] = (f.opties["van"],)


def _gegeven(f: Feit, case: Mapping[str, Any], ctx: Context, out: Feiten) -> None:
    _from_field(f, case, out, lambda v: cents(v) if f.is_geld else v)


def _assume(f: Feit, out: Feiten) -> None:
    """Use the declared default for an absent field and say so under `aannames`."""
    out.waarden[f.naam] = f.opties["standaard"]
    out.aannames[f.naam] = (f.opties["aanname"].replace("{pad}", f.opties["van"]),)


def _maanden_sinds(f: Feit, case: Mapping[str, Any], ctx: Context, out: Feiten) -> None:
    """Whole months from a date in the case to the peildatum (e.g. since the last IIT)."""
    p = ctx.peildatum

    def months(value: str) -> int:
        d = parse_date(value)
        return (p.year - d.year) * 12 + p.month - d.month - (p.day < d.day)

    _from_field(f, case, out, months)


def _niet_leeg(f: Feit, case: Mapping[str, Any], ctx: Context, out: Feiten) -> None:
    """True when the list at `van` has at least one item (e.g. bedreigende situaties)."""
    _from_field(f, case, out, bool)


def _jaren_tussen(f: Feit, case: Mapping[str, Any], ctx: Context, out: Feiten) -> None:
    """Whole years from the date at `van` to the one at `tot` (earlier help → new request)."""
    state, value = lookup(case, f.opties["van"])
    tot_state, tot = lookup(case, f.opties["tot"])
    if state == "ok" and tot_state == "ok":
        out.waarden[f.naam] = age_on(parse_date(value), parse_date(tot))
    elif state == "ok":
        out.ontbrekend[f.naam] = (f.opties["tot"],)
    elif state == "ontbreekt" and "standaard" in f.opties:
        _assume(f, out)
    elif state == "ontbreekt":
        out.ontbrekend[f.naam] = (f.opties["van"],)


def _gemeente(f: Feit, case: Mapping[str, Any], ctx: Context, out: Feiten) -> None:
    out.waarden[f.naam] = ctx.gemeente


def _aanwezig(f: Feit, case: Mapping[str, Any], ctx: Context, out: Feiten) -> None:
    out.waarden[f.naam] = lookup(case, f.opties["van"])[0] == "ok"


def _leeftijd(f: Feit, case: Mapping[str, Any], ctx: Context, out: Feiten) -> None:
    _from_field(f, case, out, lambda v: age_on(parse_date(v), ctx.peildatum))


def _aow_bereikt(f: Feit, case: Mapping[str, Any], ctx: Context, out: Feiten) -> None:
    months = int(ctx.param(f.opties["parameter"]))
    _from_field(f, case, out, lambda v: add_months(parse_date(v), months) <= ctx.peildatum)


def _children(case: Mapping[str, Any], pad: str, tot: int, peildatum: date,
              van: int = 0) -> tuple[int, list[str]]:
    """Children aged `van` up to (not incl.) `tot`, and the birth dates that are missing.

    Without a birth date a child counts as under 18 (DESIGN §4), so the date is
    only needed when the range starts above 0.
    """
    count, missing = 0, []
    for i, kind in enumerate(case.get(pad) or []):
        geboren = kind.get("geboortedatum")
        if geboren is None:
            if van > 0:
                missing.append(f"{pad}[{i}].geboortedatum")
            else:
                count += 1
        elif van <= age_on(parse_date(geboren), peildatum) < tot:
            count += 1
    return count, missing


def _aantal_kinderen(f: Feit, case: Mapping[str, Any], ctx: Context, out: Feiten) -> None:
    count, missing = _children(case, f.opties["van"], int(f.opties["tot_leeftijd"]),
                               ctx.peildatum, int(f.opties.get("van_leeftijd", 0)))
    if missing:
        out.ontbrekend[f.naam] = tuple(missing)
    else:
        out.waarden[f.naam] = count
    if "te_oud" in f.opties:  # an entry past the age limit is not dropped silently
        out.aannames[f.naam] = tuple(_te_oud(f, case, ctx.peildatum))


def _te_oud(f: Feit, case: Mapping[str, Any], peildatum: date) -> Iterator[str]:
    """The `te_oud` text for every entry at `van` aged `tot_leeftijd` or more."""
    tot = int(f.opties["tot_leeftijd"])
    for i, kind in enumerate(case.get(f.opties["van"]) or []):
        geboren = kind.get("geboortedatum")
        if geboren is not None and (leeftijd := age_on(parse_date(geboren), peildatum)) >= tot:
            yield (f.opties["te_oud"].replace("{pad}", f"{f.opties['van']}[{i}]")
                   .replace("{leeftijd}", str(leeftijd)))


def _leefvorm(f: Feit, case: Mapping[str, Any], ctx: Context, out: Feiten) -> None:
    if case.get(f.opties["partner"]) is not None:
        out.waarden[f.naam] = "gehuwden"
    elif _children(case, f.opties["kinderen"], int(f.opties["tot_leeftijd"]), ctx.peildatum)[0]:
        out.waarden[f.naam] = "alleenstaande_ouder"
    else:
        out.waarden[f.naam] = "alleenstaande"


def _kostendelers(f: Feit, case: Mapping[str, Any], ctx: Context, out: Feiten) -> None:
    pad = f.opties["van"]
    minimum = int(ctx.param(f.opties["minimumleeftijd"]))
    # flag -> the reason, or {reden, geldt: a ja_nee parameter} for one that applies from a date
    uitgezonderd: dict[str, str | dict[str, str]] = f.opties.get("uitgezonderd", {})
    missing: list[str] = []
    niet_tellend: list[tuple[int, str]] = []
    aannames: list[str] = []
    count = 0
    for i, persoon in enumerate(case.get(pad) or []):
        geboren = persoon.get("geboortedatum")
        if geboren is None:
            missing.append(f"{pad}[{i}].geboortedatum")
            continue
        leeftijd = age_on(parse_date(geboren), ctx.peildatum)
        redenen = []
        if leeftijd < minimum:
            redenen.append(f.opties["te_jong"].replace("{leeftijd}", str(minimum)))
        for vlag, spec in uitgezonderd.items():
            if isinstance(spec, dict) and not ctx.param(spec["geldt"]):
                continue  # an exception the law makes only from a date (art. 22a lid 4)
            if vlag not in persoon:
                aannames.append(f.opties["aanname"].replace("{pad}", f"{pad}[{i}].{vlag}"))
            elif persoon[vlag]:
                redenen.append(spec if isinstance(spec, str) else spec["reden"])
        if redenen:
            niet_tellend.append((i + 1, "; ".join(redenen)))
        else:
            count += 1
    out.details[f.naam] = tuple(niet_tellend)
    if aannames:
        out.aannames[f.naam] = tuple(aannames)
    if missing:
        out.ontbrekend[f.naam] = tuple(missing)
    else:
        out.waarden[f.naam] = count


def _som_inkomsten(f: Feit, case: Mapping[str, Any], ctx: Context, out: Feiten) -> None:
    pad = f.opties["van"]
    if case.get(pad) is None:
        out.ontbrekend[f.naam] = (pad,)
        return
    skip = set(f.opties.get("niet_meetellend", []))
    alleen = set(f.opties.get("alleen", []))  # only these kinds (e.g. kinderalimentatie)
    personen = {"aanvrager"} | ({"partner"} if case.get("partner") is not None else set())
    total = Decimal(0)
    for item in case[pad]:
        if item.get("soort") in skip or item.get("persoon", "aanvrager") not in personen \
                or (alleen and item.get("soort") not in alleen):
            continue
        total += Decimal(str(item.get("netto_per_maand", 0)))
    out.waarden[f.naam] = cents(total)


def _vermogen(f: Feit, case: Mapping[str, Any], ctx: Context, out: Feiten) -> None:
    pad = f.opties["van"]
    block = case.get(pad)
    if block is None:
        out.ontbrekend[f.naam] = (pad,)
        return
    if block.get("bezittingen") is None:
        out.ontbrekend[f.naam] = (f"{pad}.bezittingen",)
        return
    if block.get("schulden") is None:
        out.aannames[f.naam] = (f.opties["aanname"].replace("{pad}", f"{pad}.schulden"),)
    out.waarden[f.naam] = cents(block["bezittingen"]) - cents(block.get("schulden") or 0)


BUILDERS: dict[str, Builder] = {
    "gegeven": _gegeven,
    "gemeente": _gemeente,
    "aanwezig": _aanwezig,
    "leeftijd": _leeftijd,
    "aow_bereikt": _aow_bereikt,
    "aantal_kinderen": _aantal_kinderen,
    "leefvorm": _leefvorm,
    "kostendelers": _kostendelers,
    "som_inkomsten": _som_inkomsten,
    "vermogen": _vermogen,
    "maanden_sinds": _maanden_sinds,
    "niet_leeg": _niet_leeg,
    "jaren_tussen": _jaren_tussen,
}


class _FeitOmgeving:
    """What a `soort: formule` fact reads: the facts built so far and the parameters."""

    def __init__(self, feiten: Mapping[str, Feit], out: Feiten, ctx: Context) -> None:
        self.feiten, self.out, self.ctx = feiten, out, ctx

    @property
    def peildatum(self) -> date:
        return self.ctx.peildatum

    def lees(self, soort: str, naam: str) -> Waarde:
        if soort == "parameter":
            return _waarde(self.ctx.param(naam), False)
        if soort != "feit":
            raise ExpressieFout((), f"een feit met een formule leest geen {soort}")
        if naam not in self.out.waarden:
            raise Ontbreekt(self.out.ontbrekend.get(naam, ()))
        feit = self.feiten.get(naam)
        return _waarde(self.out.waarden[naam], feit is not None and feit.is_geld)

    def personen(self, spec: Personen) -> list[str]:
        raise ExpressieFout((), "een feit met een formule telt geen personen")

    def met_persoon(self, wie: str) -> _FeitOmgeving:
        return self

    def werkdagen_na(self, start: date, aantal: int) -> date:
        raise ExpressieFout((), "een feit met een formule rekent geen termijnen")

    def eerdere(self, volgorde: str) -> list[str]:
        raise ExpressieFout((), "een feit met een formule telt geen posten")

    def parameter_op(self, pid: str, datum: date) -> Waarde:
        raise ExpressieFout((), "een feit met een formule leest parameters op de peildatum")

    def tabel(self, pid: str) -> list[dict[str, object]]:
        raise ExpressieFout((), "een feit met een formule leest geen tabellen")


def _waarde(x: object, geld: bool) -> Waarde:
    if isinstance(x, bool | str | date) or x is None:
        return x
    if geld and isinstance(x, int):
        return Decimal(x) / 100
    return Decimal(str(x))


def _formule(f: Feit, feiten: Mapping[str, Feit], ctx: Context, out: Feiten) -> None:
    """A fact computed from other facts (after them): what the law derives, such as 'the
    applicant or the partner has reached the AOW age'."""
    assert f.formule is not None
    try:
        waarde = f.formule.bereken(_FeitOmgeving(feiten, out, ctx))
    except Ontbreekt as exc:
        if exc.paden:
            out.ontbrekend[f.naam] = exc.paden
        return
    if isinstance(waarde, Decimal):
        out.waarden[f.naam] = cents(waarde) if f.is_geld else (
            int(waarde) if waarde == waarde.to_integral_value() else waarde)
    elif isinstance(waarde, date):  # the rule engine holds dates as ISO text
        out.waarden[f.naam] = waarde.isoformat()
    else:
        out.waarden[f.naam] = waarde


def build_facts(feiten: Mapping[str, Feit], indexed: Mapping[str, Parameter],
                case: Mapping[str, Any], ctx: Context) -> Feiten:
    """All declared facts of `case` (those with a formula last, in their order), then the
    value of each indexed parameter for it."""
    return FeitPlan(feiten, indexed)(case, ctx)


Stap = Callable[[Mapping[str, Any], Context, Feiten], None]


class FeitPlan:
    """`build_facts` for one set of facts, each fact's builder chosen (and, for the most
    common kinds, its path split) once instead of for every case."""

    def __init__(self, feiten: Mapping[str, Feit], indexed: Mapping[str, Parameter]) -> None:
        self._stappen: tuple[Stap, ...] = (
            *(_stap(f) for f in feiten.values() if f.formule is None),
            *(partial(_formule_stap, f, feiten) for f in feiten.values()
              if f.formule is not None))
        self._indexed = tuple((pid, p.per or "", p.is_geld) for pid, p in indexed.items())

    def __call__(self, case: Mapping[str, Any], ctx: Context) -> Feiten:
        out = Feiten()
        for stap in self._stappen:
            stap(case, ctx, out)
        for pid, key, geld in self._indexed:
            if key in out.waarden:
                waarde = ctx.param(pid)[out.waarden[key]]
                out.waarden[pid] = cents(waarde) if geld else waarde
            elif key in out.ontbrekend:
                out.ontbrekend[pid] = out.ontbrekend[key]
        return out


def _formule_stap(f: Feit, feiten: Mapping[str, Feit], case: Mapping[str, Any], ctx: Context,
                  out: Feiten) -> None:
    _formule(f, feiten, ctx, out)


def _stap(f: Feit) -> Stap:
    """The builder of one fact; a one-field fact (`gegeven`, `leeftijd`) as its own step."""
    if f.soort == "gegeven" and f.is_geld:
        return _veld_stap(f, lambda v, ctx: cents(v))
    if f.soort == "gegeven":
        return _veld_stap(f, lambda v, ctx: v)
    if f.soort == "leeftijd":
        return _veld_stap(f, lambda v, ctx: age_on(parse_date(v), ctx.peildatum))
    return partial(BUILDERS[f.soort], f)


def _veld_stap(f: Feit, convert: Callable[[Any, Context], Any]) -> Stap:
    """`_from_field` for one fact, its path split once."""
    van = f.opties["van"]
    delen = _delen(van)
    standaard = "standaard" in f.opties

    def stap(case: Mapping[str, Any], ctx: Context, out: Feiten) -> None:
        state, value = _zoek(case, delen)
        if state == "ok":
            out.waarden[f.naam] = convert(value, ctx)
        elif state == "ontbreekt" and standaard:
            _assume(f, out)
        elif state == "ontbreekt":
            out.ontbrekend[f.naam] = (van,)

    return stap

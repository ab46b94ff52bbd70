"""Compile a gemeente's regelingen into one durable-rules ruleset (as data).

Each voorwaarde becomes one rule for its negation ("niet voldaan"), guarded by
the existence of every fact it reads. So for a condition whose facts are all
present the engine decides: the rule fires (not met) or it does not (met);
with a fact missing it cannot fire and the evaluator answers
`onvoldoende_gegevens`. Compiling only the failing side keeps the number of
consequences per case to the conditions that fail (each consequence costs a
state round trip in durable-rules). Each norm category and each signalering
becomes one rule that fires when it holds.

Parameter values are resolved at compile time, so a ruleset belongs to one
gemeente and policy period, and is named after a hash of its own definition.
All regelingen of a gemeente share one ruleset (one session, two asserts per
case) — far below the ~480-rule size where durable-rules fails.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from functools import cache
from typing import Any

from .expressie import Conditie, Expr, Getal, Ref, Samengesteld, Vergelijking, Waarde, vergelijk
from .facts import Context, cents
from .grootheden import Grootheid, afhankelijkheden
from .model import Feit, Normbepaling, Parameter, Regeling
from .policy import condition_refs, stage2_facts
from .uitzondering import vereenvoudig

FASE = "fase"
_OPS = {"is_niet": "$neq", "minder_dan": "$lt", "hoogstens": "$lte",
        "meer_dan": "$gt", "minstens": "$gte"}
_NEGATE = {"is": "is_niet", "is_niet": "is", "minder_dan": "minstens", "minstens": "minder_dan",
           "hoogstens": "meer_dan", "meer_dan": "hoogstens"}


def fact_key(name: str) -> str:
    """Fact names have dots; durable-rules would read those as nesting."""
    return name.replace(".", "__")


@dataclass(frozen=True)
class RegelNaam:
    """The name of one compiled rule, and what it decides: the same object names the rule
    when it is compiled and looks it up among the rules that fired."""

    soort: str  # v: voorwaarde (fires when not met), s: signalering, t: termijn, c: categorie,
    # f: vorm (fires when the besluit is a loan)
    regeling: str = ""  # the regeling's prefix in this ruleset
    index: int = 0
    termijn: str = ""

    def __str__(self) -> str:
        return f"{self.regeling}{self.soort}{self.termijn}{self.index}"

    @staticmethod
    @cache
    def voorwaarde(prefix: str, i: int) -> str:
        return str(RegelNaam("v", prefix, i))

    @staticmethod
    @cache
    def signalering(prefix: str, k: int) -> str:
        return str(RegelNaam("s", prefix, k))

    @staticmethod
    @cache
    def termijnregel(prefix: str, termijn: str, k: int) -> str:
        return str(RegelNaam("t", prefix, k, termijn))

    @staticmethod
    @cache
    def vorm(prefix: str) -> str:
        return str(RegelNaam("f", prefix))

    @staticmethod
    @cache
    def categorie(j: int) -> str:
        return str(RegelNaam("c", "", j))


@dataclass(frozen=True)
class CompiledRegeling:
    regeling: Regeling
    prefix: str
    feiten_van_voorwaarde: tuple[frozenset[str], ...]
    fase_van_voorwaarde: tuple[int, ...]
    gebruikte_feiten: frozenset[str]  # every fact its rules read (for the aannames it shows)


@dataclass(frozen=True)
class CompiledPolicy:
    naam: str
    rules: dict[str, dict[str, Any]] = field(hash=False)
    regelingen: tuple[CompiledRegeling, ...]
    uses_norm: bool
    # the facts some rule reads: only these go to the rule engine (each assert is JSON)
    gelezen: frozenset[str] = frozenset()
    # per stage, the facts its rules read and their keys in the rule engine: each stage's
    # assert carries only those
    sleutels: tuple[tuple[tuple[str, str], ...], ...] = ((), ())


class _Compiler:
    def __init__(self, feiten: Mapping[str, Feit], parameters: Mapping[str, Parameter],
                 ctx: Context, geld2: frozenset[str]) -> None:
        self.feiten = feiten
        self.parameters = parameters
        self.ctx = ctx
        self.geld2 = geld2  # stage-2 facts in cents

    def _is_money(self, name: str) -> bool:
        if name in self.feiten:
            return self.feiten[name].is_geld
        if name in self.parameters:
            return self.parameters[name].is_geld
        return name in self.geld2

    def _literal(self, value: object, money: bool) -> object:
        if isinstance(value, bool | str):
            return value
        if money and isinstance(value, Decimal):
            return cents(value)
        if isinstance(value, Decimal):
            return int(value) if value == value.to_integral_value() else float(value)
        return value

    def _operand(self, operand: Expr, money: bool) -> object:
        if isinstance(operand, Ref) and operand.soort == "feit":
            return {"$m": fact_key(operand.naam)}
        if isinstance(operand, Ref):  # a parameter: per leefvorm a fact, else its value
            param = self.parameters[operand.naam]
            if param.per:
                return {"$m": fact_key(param.id)}
            return self._literal(_decimaal(self.ctx.param(param.id)), param.is_geld)
        assert isinstance(operand, Getal)
        return self._literal(operand.waarde, money)

    def _leaf(self, op: str, key: str, value: object) -> dict[str, Any]:
        return {key: value} if op == "is" else {_OPS[op]: {key: value}}

    def _constant(self, v: Vergelijking, negate: bool) -> bool:
        """A comparison on a parameter is known at compile time ('weigering_fraude is
        false')."""
        assert isinstance(v.links, Ref)
        waarde = _decimaal(self.ctx.param(v.links.naam))
        rechts = tuple(r.waarde for r in v.rechts if isinstance(r, Getal))
        return vergelijk(v.op, waarde, rechts if v.op == "een_van" else rechts[0]) != negate

    def condition(self, c: Conditie, negate: bool = False) -> dict[str, Any] | bool:
        """The durable-rules expression of `c` (or its negation); True/False when constant."""
        if isinstance(c, Samengesteld):
            if c.op == "niet":
                return self.condition(c.delen[0], not negate)
            return self._samengesteld(c, negate)
        assert isinstance(c.links, Ref)  # the rules schema allows a fact or a parameter
        if c.links.soort == "parameter":
            return self._constant(c, negate)
        key = fact_key(c.links.naam)
        money = self._is_money(c.links.naam)
        if c.op == "een_van":
            options = [self._operand(o, money) for o in c.rechts]
            if negate:
                return {"$and": [self._leaf("is_niet", key, o) for o in options]}
            return {"$or": [self._leaf("is", key, o) for o in options]}
        return self._leaf(_NEGATE[c.op] if negate else c.op, key,
                          self._operand(c.rechts[0], money))

    def _samengesteld(self, c: Samengesteld, negate: bool) -> dict[str, Any] | bool:
        conjunction = (c.op == "alle") != negate  # De Morgan
        parts = [self.condition(d, negate) for d in c.delen]
        if conjunction:
            if False in parts:
                return False
            parts = [p for p in parts if p is not True]
            return {"$and": parts} if parts else True
        if True in parts:
            return True
        parts = [p for p in parts if p is not False]
        return {"$or": parts} if parts else False

    def rule(self, fase: int, facts: frozenset[str], body: dict[str, Any] | bool
             ) -> dict[str, Any] | None:
        """A rule over the guards and `body`; None when `body` can never hold."""
        if body is False:
            return None
        guards: list[dict[str, Any]] = [{FASE: fase}]
        guards += [{"$ex": {fact_key(f): 1}} for f in sorted(facts)]
        return {"all": [{"m": {"$and": guards if body is True else [*guards, body]}}]}


def needs_norm(regeling: Regeling) -> bool:
    """Income tests and calculations need the applicable bijstandsnorm (stage 2)."""
    return regeling.inkomenstoets is not None or regeling.berekening is not None


def _categorie_regels(c: _Compiler, nb: Normbepaling,
                      refs: Callable[[Conditie], frozenset[str]]) -> dict[str, dict[str, Any]]:
    """One rule per norm category that fires when its scope holds."""
    rules: dict[str, dict[str, Any]] = {}
    for j, cat in enumerate(nb.categorieen):
        # A rule fires on the category's own condition; which of the categories that fire
        # decides is Normbepaling.kies (base and exceptions). A base is guarded by the facts
        # of its exceptions too: it waits until it is known whether one of them holds.
        # (Compiling "a base's scope and not an exception" into each rule makes expressions
        # longer than durable-rules allows: error 113, 32 per rule.)
        facts = refs(cat.als).union(*(refs(e.als) for e in nb.uitzonderingen(cat)))
        body = vereenvoudig(cat.als)
        rule = c.rule(1, facts, body if isinstance(body, bool) else c.condition(body))
        if rule is not None:
            rules[RegelNaam.categorie(j)] = rule
    return rules


def _eigen_feiten(c: Conditie, eigen: Mapping[str, str]) -> Conditie:
    """`c` with a per-regeling quantity (`inkomensgrens`) read as this regeling's fact."""
    if not eigen:
        return c
    if isinstance(c, Samengesteld):
        return replace(c, delen=tuple(_eigen_feiten(d, eigen) for d in c.delen))

    def ref(e: Expr) -> Expr:
        if isinstance(e, Ref) and e.soort == "feit" and e.naam in eigen:
            return replace(e, naam=eigen[e.naam])
        return e

    return replace(c, links=ref(c.links), rechts=tuple(ref(r) for r in c.rechts))


def _decimaal(waarde: object) -> Waarde:
    if isinstance(waarde, int | float) and not isinstance(waarde, bool):
        return Decimal(str(waarde))
    return waarde  # type: ignore[return-value]


@dataclass
class _Ruleset:
    """The rules of one gemeente's ruleset as they are added, regeling by regeling."""

    c: _Compiler
    stage2: frozenset[str]  # facts known only in the second stage
    per: frozenset[str]  # parameters per leefvorm: facts of the household
    rules: dict[str, Any] = field(default_factory=dict)
    gelezen: set[str] = field(default_factory=set)  # every fact a rule reads

    def refs(self, cond: Conditie) -> frozenset[str]:
        facts, params = condition_refs(cond)
        return frozenset(facts | (params & self.per))

    def add(self, name: str, cond: Conditie | None, negate: bool = False,
            eigen: Mapping[str, str] | None = None) -> frozenset[str]:
        """A rule for `cond` (or its negation), in the stage of the facts it reads; the
        facts it reads."""
        cond = None if cond is None else _eigen_feiten(cond, eigen or {})
        facts = self.refs(cond) if cond is not None else frozenset()
        self.gelezen |= facts
        rule = self.c.rule(2 if facts & self.stage2 else 1, facts,
                           self.c.condition(cond, negate) if cond is not None else True)
        if rule is not None:
            self.rules[name] = rule
        return facts

    def regeling(self, prefix: str, r: Regeling, eigen: Mapping[str, str],
                 grootheden: Mapping[str, Grootheid]) -> CompiledRegeling:
        """The rules of one regeling: each voorwaarde (firing when not met), signalering and
        term rule."""
        v_facts = [self.add(RegelNaam.voorwaarde(prefix, i), v.als, True, eigen)
                   for i, v in enumerate(r.voorwaarden)]
        used = set().union(*v_facts)
        for k, sig in enumerate(r.signaleringen):
            used |= self.add(RegelNaam.signalering(prefix, k), sig.als, eigen=eigen)
        for tnaam, spec in sorted(r.termijnen.items()):
            for k, regel in enumerate(spec.regels):
                used |= self.add(RegelNaam.termijnregel(prefix, tnaam, k), regel.als,
                                 eigen=eigen)
        if r.vorm is not None:
            used |= self.add(RegelNaam.vorm(prefix), r.vorm.als, eigen=eigen)
        if r.berekening is not None:  # the facts its own quantities read
            used |= afhankelijkheden(r.berekening.grootheden, grootheden)["feit"]
        return CompiledRegeling(r, prefix, tuple(v_facts),
                                tuple(2 if f & self.stage2 else 1 for f in v_facts),
                                frozenset(used))


def compile_policy(regelingen: Sequence[Regeling], normbepaling: Normbepaling | None,
                   feiten: Mapping[str, Feit], parameters: Mapping[str, Parameter],
                   ctx: Context, grootheden: Mapping[str, Grootheid]) -> CompiledPolicy:
    """One ruleset for the regelingen of a gemeente at one policy period."""
    fase2 = stage2_facts(regelingen, normbepaling)
    c = _Compiler(feiten, parameters, ctx, frozenset(
        n for n, gid in fase2.items() if gid in grootheden and grootheden[gid].is_geld))
    regels = _Ruleset(c, frozenset(fase2), frozenset(p for p in parameters
                                                      if parameters[p].per))
    compiled = []
    for n, r in enumerate(regelingen):
        eigen = {gid: r.eigen_feit(gid) for naam, gid in fase2.items()
                 if naam == r.eigen_feit(gid)}  # its own income limit, by its plain name
        compiled.append(regels.regeling(f"r{n}", r, eigen, grootheden))
    uses_norm = normbepaling is not None and any(needs_norm(r) for r in regelingen)
    if uses_norm:
        assert normbepaling is not None
        regels.rules.update(_categorie_regels(c, normbepaling, regels.refs))
        regels.gelezen |= {f for cat in normbepaling.categorieen
                           for f in regels.refs(cat.effectief or cat.als)}
    digest = hashlib.sha256(json.dumps(regels.rules, sort_keys=True).encode()).hexdigest()[:24]
    return CompiledPolicy(naam=f"sora_{ctx.gemeente.replace('-', '_')}_{digest}",
                          rules=regels.rules, regelingen=tuple(compiled), uses_norm=uses_norm,
                          gelezen=frozenset(regels.gelezen),
                          sleutels=_sleutels_per_fase(regels.rules, regels.gelezen))


def _sleutels_per_fase(rules: Mapping[str, Mapping[str, Any]], gelezen: set[str]
                       ) -> tuple[tuple[tuple[str, str], ...], ...]:
    """Per stage (1, 2): the facts of `gelezen` its rules read, with their keys."""
    per_fase: dict[int, set[str]] = {1: set(), 2: set()}
    for rule in rules.values():
        for alias in rule["all"]:
            guards = alias["m"]["$and"]
            per_fase[guards[0][FASE]] |= _gelezen_sleutels(guards)
    return tuple(tuple((f, fact_key(f)) for f in sorted(gelezen) if fact_key(f) in per_fase[n])
                 for n in (1, 2))


def _gelezen_sleutels(expr: object) -> set[str]:
    """The fact keys a durable-rules expression reads (operands `{"$m": key}` too)."""
    if isinstance(expr, list):
        return set().union(*map(_gelezen_sleutels, expr))
    if not isinstance(expr, dict):
        return set()
    keys: set[str] = set()
    for k, v in expr.items():
        if k in ("$and", "$or"):
            keys |= _gelezen_sleutels(v)
        elif k == "$m":
            keys.add(v)
        elif k.startswith("$"):  # an operator over {key: operand}
            keys |= set(v) | _gelezen_sleutels(list(v.values()))
        else:
            keys.add(k)
            keys |= _gelezen_sleutels(v)
    return keys

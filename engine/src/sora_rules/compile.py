"""Compile a regeling's YAML conditions into a durable-rules ruleset (as data).

Each voorwaarde becomes one rule for its negation ("niet voldaan"), guarded by
the existence of every fact it reads. So for a condition whose facts are all
present the engine decides: the rule fires (not met) or it does not (met);
with a fact missing it cannot fire and the evaluator answers
`onvoldoende_gegevens`. Compiling only the failing side keeps the number of
consequences per case to the conditions that fail (each consequence costs a
state round trip in durable-rules), which is what makes ≥ 2,000 cases/s.
Each norm category becomes one rule. Parameter values are resolved at compile
time, so a ruleset belongs to one policy period and is cached under a hash of
its own definition.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from .facts import Context, cents
from .model import Feit, Parameter, Regeling
from .policy import BEREKENING_FEITEN, condition_refs

FASE = "fase"
_OPS = {"is_niet": "$neq", "minder_dan": "$lt", "hoogstens": "$lte",
        "meer_dan": "$gt", "minstens": "$gte"}
_NEGATE = {"is": "is_niet", "is_niet": "is", "minder_dan": "minstens", "minstens": "minder_dan",
           "hoogstens": "meer_dan", "meer_dan": "hoogstens"}


def fact_key(name: str) -> str:
    """Fact names have dots; durable-rules would read those as nesting."""
    return name.replace(".", "__")


@dataclass(frozen=True)
class RuleRef:
    """What a compiled rule stands for: (kind, index, voldaan)."""

    soort: str  # "voorwaarde" | "categorie" | "signalering"
    index: int
    voldaan: bool = True


@dataclass(frozen=True)
class CompiledRegeling:
    regeling: Regeling
    naam: str
    rules: dict[str, dict[str, Any]] = field(hash=False)
    refs: dict[str, RuleRef] = field(hash=False)
    fase_van_voorwaarde: tuple[int, ...]
    feiten_van_voorwaarde: tuple[frozenset[str], ...]
    feiten_van_categorie: tuple[frozenset[str], ...]


class _Compiler:
    def __init__(self, feiten: Mapping[str, Feit], parameters: Mapping[str, Parameter],
                 ctx: Context) -> None:
        self.feiten = feiten
        self.parameters = parameters
        self.ctx = ctx

    def _is_money_fact(self, name: str) -> bool:
        if name in self.feiten:
            return self.feiten[name].is_geld
        if name in self.parameters:
            return self.parameters[name].is_geld
        return name.startswith("bijstand.")

    def _literal(self, value: Any, money: bool) -> Any:
        if isinstance(value, bool) or isinstance(value, str):
            return value
        if money:
            return cents(value)
        if isinstance(value, Decimal):
            return int(value) if value == value.to_integral_value() else float(value)
        return value

    def _operand(self, operand: Any, money: bool) -> Any:
        if isinstance(operand, dict) and "feit" in operand:
            return {"$m": fact_key(operand["feit"])}
        if isinstance(operand, dict) and "parameter" in operand:
            param = self.parameters[operand["parameter"]]
            if param.per:
                return {"$m": fact_key(param.id)}
            return self._literal(self.ctx.param(param.id), param.is_geld)
        return self._literal(operand, money)

    def _leaf(self, op: str, key: str, value: Any) -> dict[str, Any]:
        return {key: value} if op == "is" else {_OPS[op]: {key: value}}

    def condition(self, cond: Mapping[str, Any], negate: bool = False) -> dict[str, Any]:
        if "feit" in cond:
            (op, operand), = ((k, v) for k, v in cond.items() if k != "feit")
            key = fact_key(cond["feit"])
            money = self._is_money_fact(cond["feit"])
            if op == "een_van":
                options = [self._operand(o, money) for o in operand]
                if negate:
                    return {"$and": [self._leaf("is_niet", key, o) for o in options]}
                return {"$or": [self._leaf("is", key, o) for o in options]}
            return self._leaf(_NEGATE[op] if negate else op, key, self._operand(operand, money))
        if "alle" in cond:
            parts = [self.condition(c, negate) for c in cond["alle"]]
            return {"$or" if negate else "$and": parts}
        parts = [self.condition(c, negate) for c in cond["een_van"]]
        return {"$and" if negate else "$or": parts}

    def rule(self, fase: int, facts: frozenset[str], body: dict[str, Any]) -> dict[str, Any]:
        guards: list[dict[str, Any]] = [{FASE: fase}]
        guards += [{"$ex": {fact_key(f): 1}} for f in sorted(facts)]
        return {"all": [{"m": {"$and": [*guards, body]}}]}


def _all_facts(cond: Any, parameters: Mapping[str, Parameter]) -> frozenset[str]:
    facts, params = condition_refs(cond)
    return frozenset(facts | {p for p in params if parameters[p].per})


def compile_regeling(regeling: Regeling, feiten: Mapping[str, Feit],
                     parameters: Mapping[str, Parameter], ctx: Context) -> CompiledRegeling:
    c = _Compiler(feiten, parameters, ctx)
    stage2 = set(BEREKENING_FEITEN.get(regeling.berekening.get("soort", ""), ()))
    rules: dict[str, dict[str, Any]] = {}
    refs: dict[str, RuleRef] = {}
    fases: list[int] = []
    v_facts: list[frozenset[str]] = []
    for i, v in enumerate(regeling.voorwaarden):
        facts = _all_facts(v.als, parameters)
        fase = 2 if facts & stage2 else 1
        fases.append(fase)
        v_facts.append(facts)
        rules[f"v{i}_nee"] = c.rule(fase, facts, c.condition(v.als, negate=True))
        refs[f"v{i}_nee"] = RuleRef("voorwaarde", i, False)
    c_facts: list[frozenset[str]] = []
    for j, cat in enumerate(regeling.normcategorieen):
        facts = _all_facts(cat.als, parameters)
        c_facts.append(facts)
        rules[f"c{j}"] = c.rule(1, facts, c.condition(cat.als))
        refs[f"c{j}"] = RuleRef("categorie", j)
    for k, sig in enumerate(regeling.signaleringen):
        facts = _all_facts(sig.als, parameters)
        rules[f"s{k}"] = c.rule(2 if facts & stage2 else 1, facts, c.condition(sig.als))
        refs[f"s{k}"] = RuleRef("signalering", k)
    digest = hashlib.sha256(json.dumps(rules, sort_keys=True).encode()).hexdigest()[:20]
    return CompiledRegeling(
        regeling=regeling, naam=f"sora_{regeling.id}_{digest}", rules=rules, refs=refs,
        fase_van_voorwaarde=tuple(fases), feiten_van_voorwaarde=tuple(v_facts),
        feiten_van_categorie=tuple(c_facts),
    )

"""What a regeling's decision depends on, computed in one place.

Why one place: the listing (`regelingen`), the check on the last day the figures are
known, and the assumptions a besluit shows all ask the same question — which facts,
parameters and quantities does this regeling read — and gave different answers when
each walked the YAML itself.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .expressie import ExpressieFout, parse_expressie
from .grootheden import Grootheid, afhankelijkheden
from .model import Beleid, Normbepaling, Regeling
from .policy import condition_refs


@dataclass(frozen=True)
class Afhankelijkheid:
    """The facts, parameters and declared quantities one regeling reads."""

    feiten: frozenset[str]
    parameters: frozenset[str]
    grootheden: frozenset[str]


def bedrag_refs(spec: Any) -> tuple[set[str], set[str]]:
    """(names, parameters) an amount reads: a fact or quantity by name, a parameter, an
    age table, a formula, or a list of those."""
    namen: set[str] = set()
    params: set[str] = set()
    for item in spec if isinstance(spec, list) else [spec]:
        if isinstance(item, str):
            namen.add(item)
        elif isinstance(item, dict) and "formule" in item:
            try:
                refs = parse_expressie(item["formule"]).refs()
            except ExpressieFout:
                continue
            namen |= refs["feit"] | refs["grootheid"]
            params |= refs["parameter"]
        elif isinstance(item, dict):
            params.update(v for k, v in item.items() if k in ("parameter", "leeftijdstabel"))
    return namen, params


def afhankelijkheid(r: Regeling, pol: Beleid, nb: Normbepaling | None,
                    grootheden: Mapping[str, Grootheid]) -> Afhankelijkheid:
    """Everything `r` reads: its conditions, signals, terms, amounts, income test, its own
    quantities and (when it tests income or calculates) the norm with its categories —
    and the parameters behind the facts it reads (the AOW age behind `aanvrager.aow`)."""
    feiten: set[str] = set()
    params: set[str] = set()
    conds = [v.als for v in r.voorwaarden] + [s.als for s in r.signaleringen]
    conds += [regel.als for spec in r.termijnen.values() for regel in spec.regels]
    for als in conds:
        f, p = condition_refs(als)
        feiten |= f
        params |= p
    params |= {pid for spec in r.termijnen.values() for regel in spec.regels
               for pid in regel.aantal.refs()["parameter"]}
    namen, p = bedrag_refs(list(r.bedrag.values()))
    params |= p
    gids = {n for n in namen if n in grootheden}
    feiten |= namen - gids
    if r.inkomenstoets is not None:
        params.add(r.inkomenstoets.percentage)
    if r.berekening is not None:
        gids |= set(r.berekening.grootheden) | {g.uitleg for g in r.berekening.gronden}
    if nb is not None and (r.inkomenstoets is not None or r.berekening is not None):
        for c in nb.categorieen:
            feiten |= condition_refs(c.als)[0]
            params |= set(c.parameter_ids)
        gids |= {*nb.berekening.get("grootheden", ()), nb.berekening.get("inkomensgrens", ""),
                 nb.berekening.get("uitleg", "")}
    refs = afhankelijkheden(sorted(gids), grootheden)
    feiten |= refs["feit"]
    params |= refs["parameter"] | refs["parameter_op"]
    for naam in sorted(feiten):
        feit = pol.feiten.get(naam)
        if feit is not None:
            params.update(v for v in feit.opties.values() if isinstance(v, str)
                          and v in pol.parameters)
    params |= {f for f in feiten if f in pol.parameters}  # a parameter per leefvorm
    return Afhankelijkheid(frozenset(feiten), frozenset(params), refs["grootheid"])

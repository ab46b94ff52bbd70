"""What a regeling's decision depends on, computed in one place.

Why one place: the listing (`regelingen`), the check on the last day the figures are
known, and the assumptions a besluit shows all ask the same question — which facts,
parameters and quantities does this regeling read — and gave different answers when
each walked the YAML itself.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from .expressie import ExpressieFout, Refs, parse_expressie
from .grootheden import Grootheid, afhankelijkheden
from .model import Beleid, Normbepaling, Regeling


@dataclass(frozen=True)
class Afhankelijkheid:
    """The facts, parameters and declared quantities one regeling reads."""

    feiten: frozenset[str]
    parameters: frozenset[str]
    grootheden: frozenset[str]


def bedrag_refs(spec: object) -> tuple[set[str], set[str]]:
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


def _eigen_refs(r: Regeling, grootheden: Mapping[str, Grootheid]) -> tuple[Refs, set[str]]:
    """What the regeling itself names: its conditions, signals, terms, amounts and income
    test; and the quantities it computes or explains."""
    refs = Refs()
    conds = [v.als for v in r.voorwaarden] + [s.als for s in r.signaleringen]
    conds += [r.vorm.als] if r.vorm is not None else []
    conds += [regel.als for spec in r.termijnen.values() for regel in spec.regels]
    for deel in [*conds, *(regel.aantal for spec in r.termijnen.values()
                           for regel in spec.regels)]:
        refs = refs | (deel.refs() if deel is not None else Refs())
    namen, params = bedrag_refs(list(r.bedrag.values()))
    gids = {n for n in namen if n in grootheden}
    if r.inkomenstoets is not None:
        params.add(r.inkomenstoets.percentage)
    if r.berekening is not None:
        gids |= set(r.berekening.grootheden) | {g.uitleg for g in r.berekening.gronden}
    return refs | Refs({"feit": frozenset(namen - gids), "parameter": frozenset(params)}), gids


def _norm_refs(nb: Normbepaling) -> tuple[Refs, set[str]]:
    """The norm: its categories' conditions and parameters, and its quantities."""
    refs = Refs()
    for c in nb.categorieen:
        refs = refs | Refs({"feit": c.als.refs()["feit"], "parameter": frozenset(c.parameter_ids)})
    gids = set(nb.berekening.alle)
    return refs, gids


def afhankelijkheid(r: Regeling, pol: Beleid, nb: Normbepaling | None,
                    grootheden: Mapping[str, Grootheid]) -> Afhankelijkheid:
    """Everything `r` reads: its own references, its quantities and (when it tests income
    or calculates) the norm with its categories, each quantity followed to what it reads;
    and the parameters behind the facts it reads (the AOW age behind `aanvrager.aow`)."""
    refs, gids = _eigen_refs(r, grootheden)
    if nb is not None and (r.inkomenstoets is not None or r.berekening is not None):
        norm, norm_gids = _norm_refs(nb)
        refs, gids = refs | norm, gids | norm_gids
    refs = refs | afhankelijkheden(sorted(gids - {""}), grootheden)
    feiten = refs["feit"]
    params = set(refs["parameter"] | refs["parameter_op"])
    for naam in sorted(feiten):
        feit = pol.feiten.get(naam)
        if feit is not None:
            params.update(v for v in feit.opties.values() if isinstance(v, str)
                          and v in pol.parameters)
    params |= {f for f in feiten if f in pol.parameters}  # a parameter per leefvorm
    return Afhankelijkheid(feiten, frozenset(params), refs["grootheid"])

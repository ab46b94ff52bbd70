"""Exceptions the way the law writes them: a base category and its exceptions (`uitzondering_op`).

Art. 24 Pw reads as an exception to the couple norms of art. 20–22: "heeft een van de
echtgenoten geen recht, dan …". Written as separate categories, every couple category had
to repeat "de partner heeft zelf recht" and every art. 24 category the couple conditions.
Catala's answer, taken here: an exception names the categories it refines; it holds when its
own `als` and the scope of one of its bases hold, and there the base does not hold. So

- scope(C)     = als(C)                                   without bases,
                 als(C) AND (scope(B1) OR scope(B2) …)    for an exception on B1, B2 …;
- effectief(C) = scope(C) AND NOT (als(E1) OR als(E2) …)  for the exceptions E of C.

Built once where the categories are loaded, in both shapes the engine uses: YAML-shaped
for the rule compiler (compile.py guards each rule by every fact it reads, so a base now
also waits for the facts of its exceptions) and typed (expressie.Conditie) for validation.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Any

from .expressie import Conditie, ExpressieFout, Samengesteld, parse_conditie
from .load import Document
from .model import Categorie
from .validate import Melding

__all__ = ["pas_uitzonderingen_toe"]


@dataclass(frozen=True)
class _Vorm:
    """One condition in both shapes: as YAML for compile.py, typed for evaluation."""

    yaml: Any
    typed: Conditie


def _samen(op: str, delen: Sequence[_Vorm]) -> _Vorm:
    """`alle` / `een_van` of `delen`; a single part stands for itself."""
    if len(delen) == 1:
        return delen[0]
    return _Vorm({op: [d.yaml for d in delen]}, Samengesteld(op, tuple(d.typed for d in delen)))


def _niet(deel: _Vorm) -> _Vorm:
    return _Vorm({"niet": deel.yaml}, Samengesteld("niet", (deel.typed,)))


def pas_uitzonderingen_toe(doc: Document, lijst: str, categorieen: tuple[Categorie, ...]
                           ) -> tuple[tuple[Categorie, ...], list[Melding]]:
    """The categories with `effectief` and `conditie` set, and the findings: a condition that
    does not parse, a duplicate id, an unknown base, an exception cycle."""
    meldingen: list[Melding] = []
    eigen: dict[str, _Vorm] = {}
    for j, c in enumerate(categorieen):
        try:
            eigen[c.id] = _Vorm(c.als, parse_conditie(c.als, (lijst, j, "als")))
        except ExpressieFout as exc:
            meldingen.append(Melding(doc.plaats(exc.pad), exc.bericht))
    meldingen += _fouten_in_bases(doc, lijst, categorieen)
    if meldingen:
        return categorieen, meldingen
    scopes: dict[str, _Vorm] = {}

    def scope(c: Categorie) -> _Vorm:
        if c.id not in scopes:
            bases = [scope(b) for b in categorieen if b.id in c.uitzondering_op]
            scopes[c.id] = (_samen("alle", [eigen[c.id], _samen("een_van", bases)]) if bases
                            else eigen[c.id])
        return scopes[c.id]

    uit: list[Categorie] = []
    for c in categorieen:
        excs = [eigen[e.id] for e in categorieen if c.id in e.uitzondering_op]
        vorm = _samen("alle", [scope(c), _niet(_samen("een_van", excs))]) if excs else scope(c)
        uit.append(replace(c, effectief=vorm.yaml, conditie=vorm.typed))
    return tuple(uit), []


def _basis_pad(doc: Document, lijst: str, j: int, k: int) -> tuple[str | int, ...]:
    """Where base `k` of category `j` is written: an item of a list, or the single value."""
    waarde = doc.data[lijst][j].get("uitzondering_op")
    return (lijst, j, "uitzondering_op", k) if isinstance(waarde, list) else (
        lijst, j, "uitzondering_op")


def _fouten_in_bases(doc: Document, lijst: str, categorieen: tuple[Categorie, ...]
                     ) -> list[Melding]:
    """Duplicate ids, unknown bases and cycles, each at the place it is written."""
    meldingen: list[Melding] = []
    ids: dict[str, int] = {}
    bekend = {x.id for x in categorieen}
    for j, c in enumerate(categorieen):
        if c.id in ids:
            meldingen.append(Melding(doc.plaats((lijst, j, "id")), f"categorie '{c.id}' komt al "
                                     f"voor (nummer {ids[c.id] + 1} in de lijst)"))
        ids.setdefault(c.id, j)
        for k, basis in enumerate(c.uitzondering_op):
            if basis not in bekend:
                meldingen.append(Melding(doc.plaats(_basis_pad(doc, lijst, j, k)), (
                    f"'{c.id}' is een uitzondering op onbekende categorie '{basis}'; kies uit: "
                    + ", ".join(x.id for x in categorieen if x.id != c.id))))
    if meldingen:
        return meldingen
    for kring in _kringen(categorieen):
        j = min(ids[i] for i in kring)
        meldingen.append(Melding(doc.plaats((lijst, j, "uitzondering_op")), (
            "uitzonderingen vormen een kring: " + " → ".join([*kring, kring[0]])
            + "; een uitzondering kan niet (via andere) op zichzelf gelden")))
    return meldingen


def _kringen(categorieen: tuple[Categorie, ...]) -> list[list[str]]:
    """Every cycle in the `uitzondering_op` graph, once each (depth-first search)."""
    bases = {c.id: c.uitzondering_op for c in categorieen}
    klaar: set[str] = set()
    gevonden: list[list[str]] = []

    def zoek(cid: str, pad: list[str]) -> None:
        if cid in pad:
            gevonden.append(pad[pad.index(cid):])
            return
        if cid in klaar:
            return
        for b in bases.get(cid, ()):
            zoek(b, [*pad, cid])
        klaar.add(cid)

    for c in categorieen:
        zoek(c.id, [])
    return gevonden


# ------------------------------------------------------------- smaller compiled rules

_ORDE = {"minder_dan": lambda a, b: a < b, "hoogstens": lambda a, b: a <= b,
         "meer_dan": lambda a, b: a > b, "minstens": lambda a, b: a >= b}


def _leaf(cond: Any) -> tuple[str, str, Any] | None:
    """(fact, comparison, operand) of a leaf on a fact against literals, else None."""
    if not isinstance(cond, dict) or "feit" not in cond or len(cond) != 2:
        return None
    (op, operand), = ((k, v) for k, v in cond.items() if k != "feit")
    waarden = operand if op == "een_van" and isinstance(operand, list) else [operand]
    if any(isinstance(w, dict | list) for w in waarden):
        return None
    return cond["feit"], op, operand


def _geldt(op: str, v: Any, operand: Any) -> bool:
    if op == "een_van":
        return bool(v in operand)
    if op in ("is", "is_niet"):
        return (v == operand) == (op == "is")
    if isinstance(v, bool) or isinstance(operand, bool | str) or isinstance(v, str):
        return False
    return bool(_ORDE[op](v, operand))


def _proefwaarden(leaves: Sequence[tuple[str, str, Any]]) -> list[Any]:
    """Values that meet every region the leaves' constants cut out: each constant, a value
    between two, one below and one above; for other values also one not named."""
    consts = [w for _, op, o in leaves for w in (o if op == "een_van" else [o])]
    getallen = sorted({Decimal(str(c)) for c in consts if isinstance(c, int | float | Decimal)
                       and not isinstance(c, bool)})
    if getallen:
        tussen = [(a + b) / 2 for a, b in zip(getallen, getallen[1:], strict=False)]
        return [getallen[0] - 1, *getallen, *tussen, getallen[-1] + 1]
    return [*dict.fromkeys(consts), True, False, object()]


def _beslist(leaf: tuple[str, str, Any], bekend: Sequence[tuple[str, str, Any]]) -> bool | None:
    """True when the known leaves on the same fact imply `leaf`, False when they exclude it."""
    zelfde = [k for k in bekend if k[0] == leaf[0]]
    if not zelfde:
        return None
    mogelijk = [v for v in _proefwaarden([*zelfde, leaf])
                if all(_geldt(op, v, o) for _, op, o in zelfde)]
    uitkomsten = {_geldt(leaf[1], v, leaf[2]) for v in mogelijk}
    return next(iter(uitkomsten)) if len(uitkomsten) == 1 else None


def vereenvoudig(cond: Any, bekend: Sequence[tuple[str, str, Any]] = ()) -> Any:
    """`cond` without the leaves its own `alle` siblings already decide (True/False when it is
    decided). An exception on several bases repeats their conditions; durable-rules expands a
    rule into a disjunctive normal form and refuses one too large (error 113)."""
    if (leaf := _leaf(cond)) is not None:
        besluit = _beslist(leaf, bekend)
        return cond if besluit is None else besluit
    if isinstance(cond, dict) and "niet" in cond:
        binnen = vereenvoudig(cond["niet"], bekend)
        return (not binnen) if isinstance(binnen, bool) else {"niet": binnen}
    if not isinstance(cond, dict) or not ({"alle", "een_van"} & set(cond)):
        return cond
    op = "alle" if "alle" in cond else "een_van"
    delen = [x for d in cond[op] for x in (d[op] if isinstance(d, dict) and set(d) == {op}
                                           else [d])]  # nested alle in alle: one level
    if op == "alle":
        ctx = list(bekend)
        bladeren = []
        for d in delen:
            v = vereenvoudig(d, ctx) if _leaf(d) is not None else d
            if (blad := _leaf(v)) is not None:
                ctx.append(blad)
            bladeren.append(v)
        delen = [vereenvoudig(d, ctx) if _leaf(d) is None and not isinstance(d, bool) else d
                 for d in bladeren]
    else:
        delen = [vereenvoudig(d, bekend) for d in delen]
    neutraal = op == "alle"
    if (not neutraal) in delen:
        return not neutraal
    delen = [d for d in delen if d is not neutraal]
    return neutraal if not delen else delen[0] if len(delen) == 1 else {op: delen}

"""Exceptions the way the law writes them: a base category and its exceptions (`uitzondering_op`).

Art. 24 Pw reads as an exception to the couple norms of art. 20–22: "heeft een van de
echtgenoten geen recht, dan …". Written as separate categories, every couple category had
to repeat "de partner heeft zelf recht" and every art. 24 category the couple conditions.
Catala's answer, taken here: an exception names the categories it refines; it holds when its
own `als` and the scope of one of its bases hold, and there the base does not hold. So

- scope(C)     = als(C)                                   without bases,
                 als(C) AND (scope(B1) OR scope(B2) …)    for an exception on B1, B2 …;
- effectief(C) = scope(C) AND NOT (als(E1) OR als(E2) …)  for the exceptions E of C.

Built once where the categories are loaded (compile.py guards each rule by every fact it
reads, so a base also waits for the facts of its exceptions).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from decimal import Decimal

from .expressie import Conditie, Getal, Ref, Samengesteld, Vergelijking
from .load import Document
from .model import Categorie
from .validate import Melding

__all__ = ["pas_uitzonderingen_toe"]


def _samen(op: str, delen: Sequence[Conditie]) -> Conditie:
    """`alle` / `een_van` of `delen`; a single part stands for itself."""
    return delen[0] if len(delen) == 1 else Samengesteld(op, tuple(delen))


def pas_uitzonderingen_toe(doc: Document, lijst: str, categorieen: tuple[Categorie, ...]
                           ) -> tuple[tuple[Categorie, ...], list[Melding]]:
    """The categories with `effectief` set, and the findings: a duplicate id, an unknown
    base, an exception cycle."""
    meldingen = _fouten_in_bases(doc, lijst, categorieen)
    if meldingen:
        return categorieen, meldingen
    scopes: dict[str, Conditie] = {}

    def scope(c: Categorie) -> Conditie:
        if c.id not in scopes:
            bases = [scope(b) for b in categorieen if b.id in c.uitzondering_op]
            scopes[c.id] = _samen("alle", [c.als, _samen("een_van", bases)]) if bases else c.als
        return scopes[c.id]

    uit: list[Categorie] = []
    for c in categorieen:
        excs = [e.als for e in categorieen if c.id in e.uitzondering_op]
        effectief = _samen("alle", [scope(c), Samengesteld("niet", (_samen("een_van", excs),))]
                           ) if excs else scope(c)
        uit.append(replace(c, effectief=effectief, scope=scope(c)))
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
Blad = tuple[str, str, tuple[object, ...]]  # fact, comparison, literal operands


def _blad(c: Conditie | bool) -> Blad | None:
    """(fact, comparison, operands) of a comparison of a fact with literals, else None."""
    if not isinstance(c, Vergelijking) or not isinstance(c.links, Ref) \
            or c.links.soort != "feit" or not all(isinstance(r, Getal) for r in c.rechts):
        return None
    return c.links.naam, c.op, tuple(r.waarde for r in c.rechts if isinstance(r, Getal))


def _geldt(op: str, v: object, operanden: tuple[object, ...]) -> bool:
    if op == "een_van":
        return v in operanden
    operand = operanden[0]
    if op in ("is", "is_niet"):
        return (v == operand) == (op == "is")
    if op == "bestaat" or not isinstance(v, Decimal) or not isinstance(operand, Decimal):
        return False
    return bool(_ORDE[op](v, operand))


def _proefwaarden(bladeren: Sequence[Blad]) -> list[object]:
    """Values that meet every region the leaves' constants cut out: each constant, a value
    between two, one below and one above; for other values also one not named."""
    consts = [w for _, _, ops in bladeren for w in ops]
    getallen = sorted({c for c in consts if isinstance(c, Decimal)})
    if getallen:
        tussen = [(a + b) / 2 for a, b in zip(getallen, getallen[1:], strict=False)]
        return [getallen[0] - 1, *getallen, *tussen, getallen[-1] + 1]
    return [*dict.fromkeys(consts), True, False, object()]


def _beslist(blad: Blad, bekend: Sequence[Blad]) -> bool | None:
    """True when the known leaves on the same fact imply `blad`, False when they exclude it."""
    zelfde = [k for k in bekend if k[0] == blad[0]]
    if not zelfde:
        return None
    mogelijk = [v for v in _proefwaarden([*zelfde, blad])
                if all(_geldt(op, v, o) for _, op, o in zelfde)]
    uitkomsten = {_geldt(blad[1], v, blad[2]) for v in mogelijk}
    return next(iter(uitkomsten)) if len(uitkomsten) == 1 else None


def vereenvoudig(c: Conditie, bekend: Sequence[Blad] = ()) -> Conditie | bool:
    """`c` without the leaves its own `alle` siblings already decide (True/False when it is
    decided). An exception on several bases repeats their conditions; durable-rules expands a
    rule into a disjunctive normal form and refuses one too large (error 113)."""
    if (blad := _blad(c)) is not None:
        besluit = _beslist(blad, bekend)
        return c if besluit is None else besluit
    if not isinstance(c, Samengesteld):
        return c
    if c.op == "niet":
        binnen = vereenvoudig(c.delen[0], bekend)
        return (not binnen) if isinstance(binnen, bool) else Samengesteld("niet", (binnen,))
    delen = [x for d in c.delen
             for x in (d.delen if isinstance(d, Samengesteld) and d.op == c.op else (d,))]
    return _combineer(c.op, _vereenvoudig_delen(c.op, delen, bekend))


def _vereenvoudig_delen(op: str, delen: list[Conditie], bekend: Sequence[Blad]
                        ) -> list[Conditie | bool]:
    """Inside `alle`, the leaves first (each decides the ones after it), then the rest."""
    if op != "alle":
        return [vereenvoudig(d, bekend) for d in delen]
    ctx = list(bekend)
    eerst: list[Conditie | bool] = []
    for d in delen:
        v = vereenvoudig(d, ctx) if _blad(d) is not None else d
        if (blad := _blad(v)) is not None:
            ctx.append(blad)
        eerst.append(v)
    return [vereenvoudig(d, ctx) if _blad(d) is None and not isinstance(d, bool) else d
            for d in eerst]


def _combineer(op: str, delen: list[Conditie | bool]) -> Conditie | bool:
    neutraal = op == "alle"
    if (not neutraal) in delen:
        return not neutraal
    rest = [d for d in delen if not isinstance(d, bool)]
    return neutraal if not rest else rest[0] if len(rest) == 1 else Samengesteld(op, tuple(rest))

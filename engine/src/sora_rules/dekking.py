"""Proof that exactly one member of a set holds (the norm categories): no overlap, no gap.

The engine takes the first norm category that fired; two that hold at once would make the
norm depend on their order, and a household without one gets no norm. Catala calls two
definitions that both apply an error; this checks it before any case is decided.

How: enumerate every household the case can express, over the facts the members and the
set's `domein` read. Each case field behind those facts gets candidate values: for a birth
date the ages c−1, c, c+1 around every constant an age is compared with and the days
around reaching the AOW age; both answers for a yes/no field; every value of an enum
(from specs/case.schema.json, else the values named plus one other); c−1, c, c+1 for a
count. Candidates a field's own facts cannot tell apart (the same answer to every
comparison) are merged, which keeps the product small. The real fact builders
(facts.build_facts) derive the facts of each case, so `aow` follows the birth date and
partner facts exist only with a partner; every member's effective condition is then
evaluated in Python, guarded like its compiled rule by the existence of every fact it
reads. This runs once per date on which a parameter behind those facts changes.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from .expressie import (
    Conditie,
    Getal,
    Personen,
    Ref,
    Standaard,
    Vergelijking,
    Waarde,
    condities_in,
    vergelijkingen,
)
from .facts import Context, Feiten, add_months, age_on, build_facts
from .model import Feit, Parameter, PreciesEen, Regelset
from .validate import Melding

__all__ = ["bewijs_precies_een"]

_KIND_LEEFTIJD = 9  # the age of an enumerated child
_VOORBEELDEN = 3  # gap findings per set


@dataclass
class _Veld:
    """One case field the enumeration varies; `ouder` must be present for it to exist."""

    pad: str
    soort: str  # datum | aanwezig | gegeven | aantal
    waarden: list[Any] = field(default_factory=list)
    ouder: str | None = None


class _Omgeving:
    """The facts of one household as an `expressie.Omgeving` (conditions only read facts
    and parameters)."""

    def __init__(self, waarden: Mapping[str, Any], ctx: Context) -> None:
        self.waarden, self.ctx = waarden, ctx

    @property
    def peildatum(self) -> date:
        return self.ctx.peildatum

    def lees(self, soort: str, naam: str) -> Waarde:
        waarde = self.waarden.get(naam) if soort == "feit" else self.ctx.param(naam)
        return Decimal(waarde) if isinstance(waarde, int) and not isinstance(waarde, bool) \
            else waarde

    def personen(self, spec: Personen) -> list[str]:
        raise TypeError("een conditie van een normcategorie telt geen personen")

    def met_persoon(self, wie: str) -> _Omgeving:
        return self

    def werkdagen_na(self, start: date, aantal: int) -> date:
        raise TypeError("een conditie van een normcategorie rekent geen termijnen")

    def eerdere(self, volgorde: str) -> list[str]:
        raise TypeError("een conditie van een normcategorie telt geen posten")

    def parameter_op(self, pid: str, datum: date) -> Waarde:
        raise TypeError("een conditie van een normcategorie leest parameters op de peildatum")

    def tabel(self, pid: str) -> list[dict[str, object]]:
        raise TypeError("een conditie van een normcategorie leest geen tabellen")


def _geldt(c: Conditie, env: _Omgeving, feiten: frozenset[str] = frozenset()) -> bool:
    """`c` holds, and every fact in `feiten` (those it reads) exists, as its compiled rule
    is guarded."""
    if not feiten <= env.waarden.keys():
        return False
    try:
        return c.geldt(env)
    except TypeError:  # a comparison on a fact this household does not have
        return False


def bewijs_precies_een(regelset: Regelset) -> list[Melding]:
    """Every overlap and gap of every `precies_een` set, as findings."""
    nb = regelset.normbepaling
    if nb is None:
        return []
    meldingen: list[Melding] = []
    for s in nb.precies_een:
        leden = [(c.id, c.effectief, c.plaats) for c in nb.categorieen if c.effectief is not None]
        meldingen += _bewijs(s, leden, regelset.feiten, regelset.parameters)
    return meldingen


def _bewijs(s: PreciesEen, leden: Sequence[tuple[str, Conditie, str]],
            feiten: Mapping[str, Feit], parameters: Mapping[str, Parameter]) -> list[Melding]:
    """The findings of one set, over every date on which its parameters change."""
    condities = [c for _, c, _ in leden] + ([s.domein] if s.domein is not None else [])
    gelezen = _met_invoer({f for c in condities for f in c.refs()["feit"]}, feiten)
    onbekend = [f for f in gelezen if f not in feiten or feiten[f].soort not in _SOORTEN]
    if onbekend:
        return [Melding(s.plaats, f"{s.naam}: de dekking kan niet worden bewezen over feit "
                        + ", ".join(f"'{f}'" for f in onbekend))]
    nodig = {f: feiten[f] for f in gelezen}
    condities += [c for f in nodig.values() for c in condities_in(f.formule)]
    gemeld: set[tuple[str, ...]] = set()
    meldingen: list[Melding] = []
    for dag in _peildata(nodig, condities, parameters):
        ctx = Context(peildatum=dag, gemeente="", parameters=parameters)
        meldingen += _bewijs_op(s, leden, nodig, condities, ctx, gemeld)
    return meldingen


def _met_invoer(namen: set[str], feiten: Mapping[str, Feit]) -> list[str]:
    """`namen` and, for a fact with a formula, the facts it reads (the proof varies those)."""
    gezien: set[str] = set()
    todo = sorted(namen)
    while todo:
        naam = todo.pop()
        if naam in gezien:
            continue
        gezien.add(naam)
        f = feiten.get(naam)
        if f is not None and f.formule is not None:
            todo += sorted(f.formule.refs()["feit"])
    return sorted(gezien)


def _peildata(nodig: Mapping[str, Feit], condities: Sequence[Conditie],
              parameters: Mapping[str, Parameter]) -> list[date]:
    """Every date on which a parameter the facts or conditions read changes."""
    pids = {str(f.opties["parameter"]) for f in nodig.values() if "parameter" in f.opties}
    pids |= {p for c in condities for p in c.refs()["parameter"]}
    return sorted({w.vanaf for p in pids for w in parameters[p].waarden}) or [date.today()]


def _bewijs_op(s: PreciesEen, leden: Sequence[tuple[str, Conditie, str]],
               nodig: Mapping[str, Feit], condities: Sequence[Conditie], ctx: Context,
               gemeld: set[tuple[str, ...]]) -> list[Melding]:
    """The findings on one peildatum: each household in the domain where not exactly one
    member holds."""
    leest = [c.refs()["feit"] for _, c, _ in leden]
    meldingen: list[Melding] = []
    for waarden, beschrijving in _huishoudens(nodig, condities, ctx):
        env = _Omgeving(waarden, ctx)
        if s.domein is not None and not _geldt(s.domein, env):
            continue
        gelden = [(i, p) for (i, c, p), f in zip(leden, leest, strict=True)
                  if _geldt(c, env, f)]
        meldingen += _vondsten(s, gelden, f"{beschrijving} (peildatum {ctx.peildatum})", gemeld)
    return meldingen


def _vondsten(s: PreciesEen, gelden: list[tuple[str, str]], beschrijving: str,
              gemeld: set[tuple[str, ...]]) -> list[Melding]:
    """A finding per overlapping pair (at the second member) or for a gap, once each."""
    uit: list[Melding] = []
    if not gelden:
        nummer = sum(1 for g in gemeld if g[0] == "")
        if nummer < _VOORBEELDEN:
            gemeld.add(("", beschrijving))
            uit.append(Melding(s.plaats, f"geen {s.naam} geldt voor: {beschrijving}"))
    for (a, _), (b, plaats) in itertools.combinations(gelden, 2):
        if (a, b) not in gemeld:
            gemeld.add((a, b))
            uit.append(Melding(plaats, f"{s.naam} '{a}' en '{b}' gelden allebei voor: "
                               f"{beschrijving}"))
    return uit


_SOORTEN = frozenset({"leeftijd", "aow_bereikt", "aanwezig", "gegeven", "aantal_kinderen",
                      "formule"})


def _huishoudens(nodig: Mapping[str, Feit], condities: Sequence[Conditie], ctx: Context
                 ) -> Iterator[tuple[dict[str, Any], str]]:
    """(fact values, description) of every household over the fields behind `nodig`."""
    velden = _velden(nodig, condities, ctx)
    atomen = [a for c in condities for a in vergelijkingen(c)]
    for v in velden.values():
        v.waarden = _samenvoegen(v, velden, nodig, atomen, ctx)
    for keuze in _combinaties(list(velden.values())):
        feiten = build_facts(nodig, {}, _casus(keuze, velden, ctx), ctx)
        yield feiten.waarden, _beschrijf(keuze, velden, nodig, feiten, ctx)


def _constanten(feit: str, condities: Sequence[Conditie], ctx: Context) -> list[Any]:
    """The literal values (and parameter values) `feit` is compared with."""
    uit: list[Any] = []
    for c in condities:
        for a in vergelijkingen(c):
            links = a.links.ref if isinstance(a.links, Standaard) else a.links
            if isinstance(links, Ref) and links.naam == feit:
                for r in a.rechts:
                    if isinstance(r, Getal):
                        uit.append(r.waarde)
                    elif isinstance(r, Ref) and r.soort == "parameter":
                        uit.append(ctx.param(r.naam))
    return uit


def _rond(getallen: Sequence[Any], minimum: int = 0) -> list[int]:
    """c−1, c and c+1 for every number c, not below `minimum`, ascending."""
    return sorted(n for n in {int(c) + d for c in getallen if isinstance(c, int | Decimal)
                              and not isinstance(c, bool) for d in (-1, 0, 1)} if n >= minimum)


def _velden(nodig: Mapping[str, Feit], condities: Sequence[Conditie], ctx: Context
            ) -> dict[str, _Veld]:
    """The case fields behind the facts, each with its candidate values (aanvrager first,
    counts last)."""
    ouders = {str(f.opties["van"]) for f in nodig.values() if f.soort == "aanwezig"}
    velden: dict[str, _Veld] = {}
    for naam, f in nodig.items():
        if f.formule is not None:
            continue  # computed from the other facts, which are varied
        pad = str(f.opties["van"])
        soort = {"leeftijd": "datum", "aow_bereikt": "datum", "aanwezig": "aanwezig",
                 "aantal_kinderen": "aantal"}.get(f.soort, "gegeven")
        ouder = pad.split(".")[0] if "." in pad and pad.split(".")[0] in ouders else None
        v = velden.setdefault(pad, _Veld(pad, soort, ouder=ouder))
        v.waarden += _kandidaten(f, naam, _constanten(naam, condities, ctx), ctx)
    for v in velden.values():
        v.waarden = list(dict.fromkeys(v.waarden))
        if v.soort == "datum":  # youngest first, so an example names the lowest age
            v.waarden.sort(reverse=True)
    return dict(sorted(velden.items(), key=lambda kv: (kv[1].soort == "aantal", kv[0])))


def _kandidaten(f: Feit, naam: str, constanten: list[Any], ctx: Context) -> list[Any]:
    """Candidate case values for the field behind fact `f`."""
    if f.soort == "aanwezig":
        return [False, True]
    if f.soort == "aantal_kinderen":
        return _rond(constanten) or [0, 1]
    if f.soort == "leeftijd":
        return [_jaren_terug(ctx.peildatum, n) for n in _rond(constanten) or [30]]
    if f.soort == "aow_bereikt":
        dag = add_months(ctx.peildatum, -int(ctx.param(str(f.opties["parameter"]))))
        return [date.fromordinal(dag.toordinal() + d).isoformat() for d in (-1, 0, 1)]
    from .policy import casus_veld  # policy loads the rules; this runs after

    schema = casus_veld(str(f.opties["van"])) or {}
    if schema.get("type") == "boolean" or constanten and all(
            isinstance(c, bool) for c in constanten):
        return [False, True]
    if "enum" in schema:
        return list(schema["enum"])
    getallen = _rond(constanten)
    return getallen or [*dict.fromkeys(constanten), "anders"]


def _jaren_terug(dag: date, jaren: int) -> str:
    """The birth date of someone who turns `jaren` on `dag`."""
    return add_months(dag, -12 * jaren).isoformat()


def _samenvoegen(v: _Veld, velden: Mapping[str, _Veld], nodig: Mapping[str, Feit],
                 atomen: Sequence[Vergelijking], ctx: Context) -> list[Any]:
    """The first candidate of each group that answers every comparison on the field's own
    facts alike; merged candidates make no difference to any condition."""
    eigen = {n: f for n, f in nodig.items() if f.opties.get("van") == v.pad}
    if v.soort == "aanwezig" or not eigen:
        return v.waarden
    mijn = [a for a in atomen if a.refs()["feit"] <= eigen.keys()]
    gezien: dict[tuple[bool, ...], Any] = {}
    for w in v.waarden:
        keuze = {v.pad: w, **({v.ouder: True} if v.ouder else {})}
        env = _Omgeving(build_facts(eigen, {}, _casus(keuze, velden, ctx), ctx).waarden, ctx)
        gezien.setdefault(tuple(_geldt(a, env) for a in mijn), w)
    return list(gezien.values())


def _combinaties(velden: Sequence[_Veld]) -> Iterator[dict[str, Any]]:
    """Every choice of candidates; a field under an absent parent is left out."""
    boven = [v for v in velden if v.ouder is None]
    for basis in itertools.product(*(v.waarden for v in boven)):
        keuze = dict(zip((v.pad for v in boven), basis, strict=True))
        onder = [v for v in velden if v.ouder is not None and keuze.get(v.ouder) is True]
        for rest in itertools.product(*(v.waarden for v in onder)):
            yield {**keuze, **dict(zip((v.pad for v in onder), rest, strict=True))}


def _casus(keuze: Mapping[str, Any], velden: Mapping[str, _Veld], ctx: Context
           ) -> dict[str, Any]:
    """The case of one choice, as a user would write it."""
    casus: dict[str, Any] = {}
    for pad, w in keuze.items():
        soort = velden[pad].soort if pad in velden else "aanwezig"
        if soort == "aanwezig" and not w:
            continue
        *boven, laatste = pad.split(".")
        node = casus
        for deel in boven:
            node = node.setdefault(deel, {})
        if soort == "aantal":
            node[laatste] = [{"geboortedatum": _jaren_terug(ctx.peildatum, _KIND_LEEFTIJD)}] * w
        elif soort == "aanwezig":
            node.setdefault(laatste, {})
        else:
            node[laatste] = w
    return casus


def _beschrijf(keuze: Mapping[str, Any], velden: Mapping[str, _Veld], nodig: Mapping[str, Feit],
               feiten: Feiten, ctx: Context) -> str:
    """A household in words: `aanvrager 21 jaar, geen partner, kinderen: 0`."""
    delen: list[str] = []
    for pad, w in keuze.items():
        soort = velden[pad].soort
        if soort == "datum":
            wie = pad.rsplit(".", 1)[0]
            aow = any(f.soort == "aow_bereikt" and f.opties["van"] == pad
                      and feiten.waarden.get(n) is True for n, f in nodig.items())
            leeftijd = age_on(date.fromisoformat(w), ctx.peildatum)
            delen.append(f"{wie} {leeftijd} jaar" + (" (AOW-leeftijd bereikt)" if aow else ""))
        elif soort == "aanwezig":
            onder = any(v.ouder == pad for v in velden.values())
            delen += [f"geen {pad}"] if not w else [] if onder else [f"met {pad}"]
        elif isinstance(w, bool):
            delen.append(f"{pad} {'ja' if w else 'nee'}")
        else:
            delen.append(f"geen {pad}" if soort == "aantal" and w == 0 else
                         f"{pad}: {w}" if soort == "aantal" else f"{pad} {w}")
    return ", ".join(delen)

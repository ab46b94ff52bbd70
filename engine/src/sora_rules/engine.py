"""`Engine`: evaluate a case for a gemeente and peildatum into reasoned decisions.

Flow per case: validate the case → resolve the gemeente's policy at the
peildatum → build facts → run the gemeente's compiled ruleset (stage 1:
conditions on case facts and the norm category; stage 2: conditions on
calculated amounts such as income against the norm) → explain.
An Engine holds only immutable policy and caches; it is safe to share between
threads (the rule host serialises its sessions).
"""

from __future__ import annotations

import bisect
import re
import threading
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from functools import partial
from pathlib import Path
from typing import Any

from .afhankelijkheid import afhankelijkheid
from .calculate import Termijn, begin, euro, round_cents, termijn, toelichting
from .case import (
    check_household,
    check_text,
    parse_peildatum,
    show_value,
    validate_case,
    woonplaats_aanname,
)
from .compile import (
    CompiledPolicy,
    CompiledRegeling,
    RegelNaam,
    compile_policy,
    needs_norm,
)
from .errors import InvoerFout
from .explain import Beslissing, Besluit, Grond, datum_tekst, euro_text, vul
from .expressie import Ontbreekt, Waarde
from .facts import Context, Feiten, FeitPlan
from .grootheden import Berekening, Grootheid, in_centen
from .model import (
    Beleid,
    Berekeningsgrond,
    Categorie,
    Inkomenstoets,
    Normbepaling,
    Regeling,
    Regelset,
    Voorwaarde,
)
from .policy import (
    condition_refs,
    load_regelset,
    norm_invoer,
    stage2_geld,
)
from .resources import data_root
from .rete import RuleHost
from .teksten import getal, laad_teksten
from .termijnen import Kalender

_PLACEHOLDER = re.compile(r"\{([a-z_][a-z0-9_.]*)\}")
_BEDRAG_ORDER = ("per_maand", "per_jaar", "eenmalig", "norm", "waarvan_vakantietoeslag")
_GEVULD_MAX = 10_000  # filled texts kept (emptied when full: a bound, a few MB)
_GRENS = object()  # marks an income limit's text among the filled texts
# a condition's rule name, the facts it reads, its stage, the condition, its ground (not met,
# met) when its text has no placeholders
_Voorwaardeplan = tuple[str, frozenset[str], int, Voorwaarde,
                        tuple[Grond | None, Grond | None]]


# types whose values print alike only when equal (others are keyed by their repr)
_EXACT = frozenset({int, str, bool, date})


def _rauw(waarde: object) -> tuple[type, object]:
    """A value with its type, hashable: exact for what prints alike only when equal."""
    soort = type(waarde)
    return soort, waarde if soort in _EXACT else repr(waarde)



class Engine:
    """The decision engine over one rules root (default: the packaged rules).

    >>> Engine().evaluate(case, gemeente="alkmaar", peildatum="2026-03-01").to_json()
    """

    def __init__(self, rules_dir: str | Path | None = None) -> None:
        root = Path(rules_dir) if rules_dir is not None else data_root()
        self.regelset: Regelset = load_regelset(root)
        self._host = RuleHost()
        self._compiled: dict[tuple[str, int, tuple[str, ...]], CompiledPolicy] = {}
        self._compile_lock = threading.Lock()
        changes: set[date] = set()
        for pol in self.regelset.beleid.values():
            changes |= {w.vanaf for p in pol.parameters.values() for w in p.waarden}
            for versies in pol.regelingen.values():
                for r in versies:
                    changes.add(r.geldig_vanaf)
                    if r.geldig_tot:
                        changes.add(date.fromordinal(r.geldig_tot.toordinal() + 1))
        self._changes = sorted(changes)
        self._eerste = min((r.geldig_vanaf for pol in self.regelset.beleid.values()
                            for vs in pol.regelingen.values() for r in vs), default=date.min)
        self._indexed = {slug: {pid: p for pid, p in pol.parameters.items() if p.per}
                         for slug, pol in self.regelset.beleid.items()}
        self._feitplannen = {slug: FeitPlan(pol.feiten, self._indexed[slug])
                             for slug, pol in self.regelset.beleid.items()}
        nb = self.regelset.normbepaling
        self._cat_facts: tuple[str, ...] = tuple(sorted(
            {f for c in nb.categorieen for f in condition_refs(c.als)[0]})) if nb else ()
        self._known: dict[tuple[str, str, date], date | None] = {}
        self._kalender = Kalender(self.regelset.feestdagen)
        # parsed text templates: parts and placeholder names
        self._templates: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {}
        # filled texts by template and what decides each placeholder's text (`_sleutel`): the
        # same sentences recur across cases (~1,300 distinct in 10,000 fills of 300 cases)
        self._gevuld: dict[tuple[object, ...], str] = {}
        self._gronden: dict[tuple[object, ...], Grond] = {}  # a condition's ground, shared
        self._voorwaarde_plannen: dict[int, tuple[_Voorwaardeplan, ...]] = {}
        self._feitsoorten: dict[tuple[str, str], str] = {}  # (gemeente, fact): how it is written
        # a regeling's facts with those of the norm (for its aannames)
        self._met_norm: dict[frozenset[str], frozenset[str]] = {}
        assert self.regelset.besluitlogica is not None  # load_regelset requires it
        self._teksten = laad_teksten(root)
        self._logica = self.regelset.besluitlogica
        self._geld2 = stage2_geld(self.regelset)  # stage-2 facts in cents
        self._norm_invoer = norm_invoer(nb, self.regelset.grootheden)

    # -- public API -------------------------------------------------------------------

    def evaluate(self, case: Mapping[str, Any], gemeente: str | None = None,
                 peildatum: str | date | None = None, regelingen: Sequence[str] | None = None,
                 strikt: bool = False) -> Beslissing:
        """Decide every (or the named) regeling for `case`.

        Raises `InvoerFout` for unusable input (schema, unknown gemeente or
        regeling, peildatum outside the rules' coverage under `strikt`).
        """
        data = validate_case(case)
        _check_consistency(data)
        beleid, dag = self._beleid_en_dag(data, gemeente, peildatum, regelingen)
        check_household(data, dag)
        aangevraagd = self._aangevraagd(data, beleid)
        woonplaats = woonplaats_aanname(data, self.regelset.gemeenten)
        gekozen = self._regelingen(beleid, dag, regelingen, data)
        slug = beleid.gemeente.slug
        ctx = Context(peildatum=dag, gemeente=slug, parameters=beleid.parameters)
        feiten = self._feitplannen[slug](data, ctx)
        if woonplaats:  # a woonplaats outside the region: said on every besluit using it
            feit = "aanvrager.woonplaats"
            feiten.aannames[feit] = (*feiten.aannames.get(feit, ()), woonplaats)
        compiled = self._compiled_for(beleid, ctx, gekozen)
        run = self._run(compiled, feiten, ctx, data)
        besluiten = tuple(self._besluit(cr, beleid, run, feiten, ctx, data, strikt)
                          for cr in compiled.regelingen)
        g = beleid.gemeente
        gevraagd = tuple(b for b in besluiten if aangevraagd is None or b.regeling in aangevraagd)
        return Beslissing(
            gemeente=slug, gemeente_naam=g.naam, peildatum=dag.isoformat(),
            versie=beleid.versie, pluspakket=slug, besluiten=gevraagd,
            rechtsmiddelen=self.regelset.rechtsmiddelen.tekst.replace("{gemeente.naam}", g.naam),
            mogelijk_recht=None if aangevraagd is None else tuple(
                b for b in besluiten if b.regeling not in aangevraagd
                and b.uitkomst in self._logica.mogelijk_recht),
        )

    def _beleid_en_dag(self, data: Mapping[str, Any], gemeente: str | None,
                       peildatum: str | date | None, regelingen: Sequence[str] | None
                       ) -> tuple[Beleid, date]:
        """The gemeente's policy and the peildatum (argument before case), checked."""
        slug = gemeente or data.get("gemeente")
        if not slug:
            raise InvoerFout("gemeente", "geen gemeente opgegeven (in de casus of met --gemeente)")
        if slug not in self.regelset.beleid:
            raise InvoerFout("gemeente", f"onbekende gemeente {show_value(slug)}; kies uit: "
                             + ", ".join(sorted(self.regelset.beleid)))
        for rid in regelingen or ():
            check_text("regeling", rid)
        dag = parse_peildatum(peildatum if peildatum is not None else data.get("peildatum"))
        return self.regelset.beleid[slug], dag

    @staticmethod
    def _aangevraagd(data: Mapping[str, Any], beleid: Beleid) -> frozenset[str] | None:
        """The regelingen applied for (`aanvraag.regelingen`), each known to the gemeente;
        None without that list (every regeling is decided, v1)."""
        ids = (data.get("aanvraag") or {}).get("regelingen")
        if ids is None:
            return None
        for i, rid in enumerate(ids):
            if rid not in beleid.regelingen:
                raise InvoerFout(f"aanvraag.regelingen[{i}]", f"onbekende regeling '{rid}' voor "
                                 f"{beleid.gemeente.naam}; kies uit: "
                                 + ", ".join(sorted(beleid.regelingen)))
        return frozenset(ids)

    # -- steps ------------------------------------------------------------------------

    def _regelingen(self, beleid: Beleid, dag: date, ids: Sequence[str] | None,
                    data: Mapping[str, Any]) -> list[Regeling]:
        for rid in ids or ():
            if rid not in beleid.regelingen:
                raise InvoerFout("regeling", f"onbekende regeling '{rid}' voor "
                                 f"{beleid.gemeente.naam}; kies uit: "
                                 + ", ".join(sorted(beleid.regelingen)))
        if dag < self._eerste:
            raise InvoerFout("peildatum", f"{dag.isoformat()} ligt voor het begin van de regels "
                             f"({self._eerste.isoformat()}); daarvoor zijn geen normen vastgelegd")
        actief = beleid.regelingen_op(dag)
        if ids:
            for rid in ids:
                if rid not in actief:
                    raise InvoerFout("peildatum", f"regeling '{rid}' geldt niet op "
                                     f"{dag.isoformat()}")
            return [actief[rid] for rid in dict.fromkeys(ids)]
        # A regeling that answers an application (schuldhulp, kosten) is decided only when
        # the case contains that application, or when it is asked for by name (besluitlogica).
        alleen_met_deel = self._logica.aanvraag_alleen_met_casusdeel
        gevraagd = set((data.get("aanvraag") or {}).get("regelingen") or ())
        return sorted((r for r in actief.values()
                       if r.aanvraag is None or not alleen_met_deel or data.get(r.aanvraag)
                       or r.id in gevraagd), key=lambda r: (r.pakket != "basis", r.id))

    def _compiled_for(self, beleid: Beleid, ctx: Context,
                      gekozen: list[Regeling]) -> CompiledPolicy:
        period = bisect.bisect_right(self._changes, ctx.peildatum)
        key = (beleid.gemeente.slug, period, tuple(r.id for r in gekozen))
        compiled = self._compiled.get(key)
        if compiled is None:
            with self._compile_lock:
                compiled = self._compiled.get(key)
                if compiled is None:
                    compiled = compile_policy(gekozen, self.regelset.normbepaling, beleid.feiten,
                                              beleid.parameters, ctx, self.regelset.grootheden)
                    self._host.ensure(compiled.naam, compiled.rules)
                    self._compiled[key] = compiled
        return compiled

    def _run(self, compiled: CompiledPolicy, feiten: Feiten, ctx: Context,
             case: Mapping[str, Any]) -> _Run:
        """Both engine stages in one session; the quantities are computed between them.
        Each stage's fact holds only what its rules read."""
        waarden = feiten.waarden
        sleutels1, sleutels2 = compiled.sleutels
        encoded = {"fase": 1, **{e: waarden[k] for k, e in sleutels1 if k in waarden}}
        berekening = Berekening(self.regelset.grootheden, feiten,
                                self.regelset.beleid[ctx.gemeente].feiten, ctx, self._kalender,
                                case=case)
        with self._host.session(compiled.naam) as session:
            fired = set(session.assert_fact(encoded))
            run = self._tussen(compiled, fired, berekening)
            if run.stage2:
                stage2 = run.stage2
                encoded2 = {"fase": 2, **{e: stage2[k] if k in stage2 else waarden[k]
                                          for k, e in sleutels2
                                          if k in stage2 or k in waarden}}
                fired |= set(session.assert_fact(encoded2))
        run.bekend = waarden.keys() | run.stage2.keys()
        return run

    def _tussen(self, compiled: CompiledPolicy, fired: set[str], berekening: Berekening
                ) -> _Run:
        """Between the stages: the norm category that fired, the norm, each income test's
        limit and each regeling's own quantities, as stage-2 facts."""
        nb = self.regelset.normbepaling
        run = _Run(fired, {}, None, None, {}, berekening)
        if compiled.uses_norm and nb is not None:
            run.categorie = nb.kies([c for j, c in enumerate(nb.categorieen)
                                     if RegelNaam.categorie(j) in fired])
            run.berekening = berekening = berekening.met(categorie=run.categorie)
            if run.categorie is not None:
                run.norm = self._norm(nb, berekening)
                run.stage2.update(run.norm.waarden)
        for cr in compiled.regelingen:
            r = cr.regeling
            toets = r.inkomenstoets
            if toets is not None and nb is not None and run.norm and run.norm.volledig:
                sleutel = (toets.percentage, toets.kostendelersnorm, toets.vakantietoeslag)
                if sleutel not in run.toetsen:
                    run.toetsen[sleutel] = berekening.voor_regeling(toets)
                grens = run.toetsen[sleutel].grootheid(nb.berekening.inkomensgrens)
                run.stage2[r.eigen_feit(nb.berekening.inkomensgrens)] = in_centen(grens)
            if r.berekening is not None and (r.berekening.grootheden or r.berekening.gronden):
                # its own quantities in its own Berekening (their warnings stay its own);
                # only explaining grounds share the case's
                eigen = self._grootheden(r.berekening.grootheden, berekening
                                         if toets is None and not r.berekening.grootheden
                                         else berekening.voor_regeling(toets))
                run.eigen[r.id] = eigen
                run.stage2.update(eigen.waarden)
        return run

    def _grootheden(self, gids: Sequence[str], berekening: Berekening) -> _Eigen:
        """A regeling's stage-2 quantities (cents, counts); all of them, or what is missing."""
        waarden: dict[str, int] = {}
        ontbrekend: list[str] = []
        for gid in gids:
            try:
                waarden[gid] = self._centen(gid, berekening.grootheid(gid))
            except Ontbreekt as exc:
                ontbrekend += exc.paden
        if len(waarden) < len(gids):
            return _Eigen({}, berekening, tuple(dict.fromkeys(ontbrekend)), volledig=False)
        return _Eigen(waarden, berekening)

    def _centen(self, gid: str, waarde: Waarde) -> int:
        return in_centen(waarde) if self.regelset.grootheden[gid].is_geld \
            else int(waarde)  # type: ignore[arg-type]

    def _norm(self, nb: Normbepaling, berekening: Berekening) -> _Eigen:
        """The norm's quantities as stage-2 facts (cents, counts).

        Without the norm itself nothing is known; a quantity that needs a missing fact
        (the amount without the income) is left out, and a condition will name the fact.
        """
        try:
            berekening.grootheid(nb.berekening.uitleg)
        except Ontbreekt as exc:
            return _Eigen({}, berekening, exc.paden, volledig=False)
        waarden: dict[str, int] = {}
        per_grootheid: dict[str, tuple[str, ...]] = {}
        for gid in nb.berekening.grootheden:
            try:
                waarden[gid] = self._centen(gid, berekening.grootheid(gid))
            except Ontbreekt as exc:
                per_grootheid[gid] = exc.paden
        return _Eigen(waarden, berekening, (), per_grootheid=per_grootheid)

    def _uitleg(self, g: Grootheid, berekening: Berekening, feiten: Feiten, ctx: Context,
                woorden: Mapping[str, str] | None = None) -> str:
        """The sentences of a quantity's explanation whose condition holds, filled in one
        pass with the computed quantities, facts, parameters and `woorden` (so a value from
        the case, such as a description, is never read as a placeholder)."""
        zinnen: list[str] = []
        for u in g.uitleg:
            if u.per_detail is not None:
                zinnen += [vul(u.tekst, nummer=nummer, reden=reden)
                           for nummer, reden in feiten.details.get(u.per_detail, ())]
            elif u.als is None or u.als.geldt(berekening):
                zinnen.append(u.tekst)
        if not zinnen:
            return ""
        bekend = _Bekend(self.regelset.grootheden, berekening.cache, berekening.persoon,
                         woorden or {})
        return self._fill(" ".join(zinnen), feiten, ctx, {}, bekend)

    def _known_until(self, regeling: Regeling, beleid: Beleid) -> date | None:
        """The last day for which every indexed figure this regeling uses is known."""
        key = (beleid.gemeente.slug, regeling.id, regeling.geldig_vanaf)
        if key not in self._known:
            params = beleid.parameters
            ids = afhankelijkheid(regeling, beleid, self.regelset.normbepaling,
                                  self.regelset.grootheden).parameters
            known = [d for p in ids if p in params and (d := params[p].bekend_tot) is not None]
            self._known[key] = min(known) if known else None
        return self._known[key]

    def _fill(self, template: str, feiten: Feiten, ctx: Context, extra: Mapping[str, int],
              woorden: Mapping[str, str] | None = None) -> str:
        """Fill `{naam}` placeholders with `woorden` (text already made), facts, calculated
        amounts and parameters, in one pass."""
        parts, namen = self._template(template)
        if not namen:
            return template
        sleutel = self._sleutel(template, namen, feiten, ctx, extra, woorden)
        tekst = self._gevuld.get(sleutel)
        if tekst is None:
            out = list(parts)
            for i in range(1, len(parts), 2):
                out[i] = self._waarde(parts[i], feiten, ctx, extra, woorden)
            tekst = "".join(out)
            self._onthoud(sleutel, tekst)
        return tekst

    def _template(self, template: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """A text's literal parts and placeholder names (re.split with one group: literal,
        name, literal, …, literal), and its names alone."""
        plan = self._templates.get(template)
        if plan is None:
            parts = tuple(_PLACEHOLDER.split(template))
            plan = self._templates[template] = (parts, parts[1::2])
        return plan

    def _sleutel(self, kop: object, namen: tuple[str, ...], feiten: Feiten, ctx: Context,
                 extra: Mapping[str, int], woorden: Mapping[str, str] | None
                 ) -> tuple[object, ...]:
        """What decides a text with these placeholders (see `_waarde`), after `kop`: per
        placeholder where its value comes from and the value, typed (1, True and 1.0 print
        differently), without writing it. One flat tuple: each source's tag fixes how many
        items follow it, so two different texts never share a key."""
        sleutel: list[object] = [kop]
        waarden = feiten.waarden
        for name in namen:
            if woorden is not None and name in woorden:
                sleutel += ("w", woorden[name])
                continue
            if name in extra:
                w: object = extra[name]
                sleutel.append("x")
            elif name in ("gemeente", "gemeente.naam"):
                sleutel += ("g", ctx.gemeente)
                continue
            elif name in waarden:
                w = waarden[name]
                sleutel += ("f", ctx.gemeente)
            elif name in ctx.parameters:
                w = ctx.param(name)
                sleutel += ("p", ctx.gemeente)
            else:
                sleutel.append("?")
                continue
            soort = type(w)
            sleutel += (soort, w if soort in _EXACT else repr(w))
        return tuple(sleutel)

    def _waarde(self, name: str, feiten: Feiten, ctx: Context, extra: Mapping[str, int],
                woorden: Mapping[str, str] | None) -> str:
        """One placeholder's text: `woorden`, a stage-2 amount, the gemeente, a fact or a
        parameter, in that order; unknown names stay as they are."""
        if woorden is not None and name in woorden:
            return woorden[name]
        if name in extra:
            return euro_text(euro(extra[name])) if name in self._geld2 else str(extra[name])
        if name in ("gemeente", "gemeente.naam"):
            return self.regelset.gemeenten[ctx.gemeente].naam
        waarden = feiten.waarden
        if name in waarden:
            soort = self._feitsoorten.get((ctx.gemeente, name))
            if soort is None:
                soort = self._feitsoorten[(ctx.gemeente, name)] = self._feitsoort(ctx, name)
            v = waarden[name]
            if soort == "geld":
                return euro_text(euro(v))
            return datum_tekst(v) if soort == "datum" else self._woord(name, v)
        params = ctx.parameters
        if name in params:
            p = params[name]
            w = ctx.param(name)
            if p.is_geld:
                return euro_text(Decimal(str(w)))
            return getal(w) if isinstance(w, int | float | Decimal) and not isinstance(
                w, bool) else str(w)
        return "{" + name + "}"

    def _feitsoort(self, ctx: Context, name: str) -> str:
        """How a fact of this gemeente is written: money, a date, or a word."""
        feit = self.regelset.beleid[ctx.gemeente].feiten.get(name)
        param = ctx.parameters.get(name)
        if (feit and feit.is_geld) or (param and param.is_geld):
            return "geld"
        if feit and feit.opties.get("eenheid") == "datum":
            return "datum"
        return "woord"

    def _woord(self, naam: str, waarde: object) -> str:
        """A fact's code value as the catalogue's word (`nederlander` → "Nederlander"),
        looked up by the last part of the fact's name; booleans as ja/nee."""
        if isinstance(waarde, bool):
            return self._teksten.ja_nee(waarde)
        soort = naam.rsplit(".", 1)[-1]
        if isinstance(waarde, str) and soort in self._teksten.woorden:
            return self._teksten.woord(soort, waarde)
        return str(waarde)

    def _besluit(self, cr: CompiledRegeling, beleid: Beleid, run: _Run, feiten: Feiten,
                 ctx: Context, case: Mapping[str, Any], strikt: bool) -> Besluit:
        """One regeling's besluit, in the order a beschikking reasons: coverage, conditions,
        the calculation, terms, signals, then the outcome and the amounts."""
        regeling = cr.regeling
        uses_norm = needs_norm(regeling) and self.regelset.normbepaling is not None
        run = self._voor_regeling(regeling, run)
        waarschuwingen = self._dekking(regeling, beleid, ctx, strikt)
        gronden, ontbrekend = self._voorwaarden(cr, run, feiten, ctx, uses_norm)
        gronden += self._berekening(regeling, run, feiten, ctx, uses_norm, waarschuwingen)
        termijnen = self._termijnen(cr, run, case, ctx, gronden, ontbrekend)
        waarschuwingen += self._signaleringen(cr, run, feiten, ctx)
        naar = _doorverwijzing(regeling, gronden)
        uitkomst, bedragen, ontbrekend = self._uitkomst(regeling, gronden, ontbrekend, run,
                                                        naar is not None)
        vorm = self._vorm(cr, run, feiten, ctx, gronden) if uitkomst == "toegekend" else None
        return Besluit(
            regeling=regeling.id, naam=regeling.naam, pakket=regeling.pakket,
            uitkomst=uitkomst, bedrag=bedragen,
            termijnen={k: v.isoformat() for k, v in termijnen.items()}, gronden=tuple(gronden),
            ontbrekende_gegevens=tuple(sorted(set(ontbrekend))),
            aannames=self._aannames(cr, feiten, uses_norm), waarschuwingen=tuple(waarschuwingen),
            doorverwezen_naar=naar if uitkomst == "doorverwezen" else None, vorm=vorm)

    def _voor_regeling(self, regeling: Regeling, run: _Run) -> _Run:
        """The run as one regeling sees it: its own income limit under its plain name."""
        nb = self.regelset.normbepaling
        if nb is None or regeling.inkomenstoets is None:
            return run
        gid = nb.berekening.inkomensgrens
        eigen = run.stage2.get(regeling.eigen_feit(gid))
        return run if eigen is None else run.met_stage2({**run.stage2, gid: eigen}, gid)

    def _dekking(self, regeling: Regeling, beleid: Beleid, ctx: Context,
                 strikt: bool) -> list[str]:
        """A warning (or, with `strikt`, a refusal) past the last day the figures are known."""
        bekend_tot = self._known_until(regeling, beleid)
        if bekend_tot is None or ctx.peildatum <= bekend_tot:
            return []
        if strikt:
            raise InvoerFout("peildatum", f"{ctx.peildatum.isoformat()} ligt na "
                             f"{bekend_tot.isoformat()}, de laatste dag waarvoor de bedragen "
                             f"van '{regeling.id}' bekend zijn")
        return [vul(self.regelset.teksten["bekend_tot"], regeling=regeling.naam,
                    datum=datum_tekst(bekend_tot), iso=bekend_tot.isoformat(),
                    peildatum=ctx.peildatum.isoformat())]

    def _voorwaarden(self, cr: CompiledRegeling, run: _Run, feiten: Feiten, ctx: Context,
                     uses_norm: bool) -> tuple[list[Grond], list[str]]:
        """A ground per condition the engine could decide; the case paths of those it could
        not (a stage-2 condition waits on the norm category or the calculation)."""
        gronden: list[Grond] = []
        ontbrekend: list[str] = []
        known = run.bekend
        fired = run.fired
        for naam, facts, fase, v, vast in self._voorwaarde_plan(cr):
            nee = naam in fired
            ja = not nee and facts <= known
            if ja or nee:
                grond = vast[ja]
                if grond is None:
                    grond = self._voorwaarde_grond(v, ja, feiten, ctx, run.stage2)
                gronden.append(grond)
            else:
                ontbrekend += self._niet_beslist(cr, facts, fase, run, feiten, uses_norm)
        return gronden, ontbrekend

    def _voorwaarde_plan(self, cr: CompiledRegeling) -> tuple[_Voorwaardeplan, ...]:
        """Per condition of a compiled regeling what is the same for every case: its rule's
        name, the facts it reads, and its ground per outcome when the text has nothing to
        fill in (the check for it and the lookup by text were ~a third of `_voorwaarden`)."""
        plan = self._voorwaarde_plannen.get(id(cr))  # cr lives as long as this Engine
        if plan is None:
            plan = self._voorwaarde_plannen[id(cr)] = tuple(
                (RegelNaam.voorwaarde(cr.prefix, i), cr.feiten_van_voorwaarde[i],
                 cr.fase_van_voorwaarde[i], v,
                 (self._vaste_grond(v, False), self._vaste_grond(v, True)))
                for i, v in enumerate(cr.regeling.voorwaarden))
        return plan

    @staticmethod
    def _vaste_grond(v: Voorwaarde, ja: bool) -> Grond | None:
        tekst = v.tekst_voldaan if ja else v.tekst_niet_voldaan
        if _PLACEHOLDER.search(tekst):
            return None
        return Grond(v.regel, ja, tekst, v.bron, v.bestand, v.pakket)

    def _niet_beslist(self, cr: CompiledRegeling, facts: frozenset[str], fase: int, run: _Run,
                      feiten: Feiten, uses_norm: bool) -> list[str]:
        """The case paths a condition the engine could not decide waits on."""
        ontbrekend: list[str] = []
        for f in sorted(facts):
            if f in feiten.ontbrekend:
                ontbrekend.extend(feiten.ontbrekend[f])
            elif run.norm is not None and f in run.norm.per_grootheid:
                ontbrekend.extend(run.norm.per_grootheid[f])  # what that quantity needs
            elif fase == 2:
                ontbrekend.extend(self._categorie_ontbrekend(feiten, uses_norm)
                                  or self._berekening_ontbrekend(cr.regeling, run))
        return ontbrekend

    def _voorwaarde_grond(self, v: Voorwaarde, ja: bool, feiten: Feiten, ctx: Context,
                          extra: Mapping[str, int]) -> Grond:
        """A condition's ground with its text filled; an immutable one made once for every
        case that fills it alike (found by what decides the text: one lookup, not two)."""
        template = v.tekst_voldaan if ja else v.tekst_niet_voldaan
        # the Voorwaarde lives as long as this Engine
        sleutel = self._sleutel((id(v), ja), self._template(template)[1], feiten, ctx, extra,
                                None)
        grond = self._gronden.get(sleutel)
        if grond is None:
            grond = self._bewaar_grond(sleutel, Grond(
                v.regel, ja, self._fill(template, feiten, ctx, extra), v.bron, v.bestand,
                v.pakket))
        return grond

    def _bewaar_grond(self, sleutel: tuple[object, ...], grond: Grond) -> Grond:
        """Remember a ground for every case that makes it alike (bounded, as the texts)."""
        if len(self._gronden) >= _GEVULD_MAX:
            self._gronden.clear()
        self._gronden[sleutel] = grond
        return grond

    def _categorie_ontbrekend(self, feiten: Feiten, uses_norm: bool) -> list[str]:
        if not uses_norm or not feiten.ontbrekend:
            return []
        return sorted({p for fs in self._cat_facts for p in feiten.ontbrekend.get(fs, ())})

    @staticmethod
    def _berekening_ontbrekend(regeling: Regeling, run: _Run) -> list[str]:
        ontbrekend = list(run.norm.ontbrekend) if run.norm else []
        eigen = run.eigen.get(regeling.id)
        return ontbrekend + (list(eigen.ontbrekend) if eigen is not None else [])

    def _berekening(self, regeling: Regeling, run: _Run, feiten: Feiten, ctx: Context,
                    uses_norm: bool, waarschuwingen: list[str]) -> list[Grond]:
        """The grounds of the calculation: the norm, the income limit, the regeling's own."""
        nb = self.regelset.normbepaling
        gronden: list[Grond] = []
        if uses_norm and nb is not None:
            gronden += self._norm_gronden(regeling, nb, run, feiten, ctx)
        eigen = run.eigen.get(regeling.id)
        if eigen is not None and eigen.volledig and regeling.berekening is not None:
            for spec in regeling.berekening.gronden:
                gronden += self._eigen_gronden(regeling, spec, eigen.berekening, feiten, ctx)
            waarschuwingen += self._voor_eerste(eigen.berekening, ctx)
        return gronden

    def _eigen_gronden(self, regeling: Regeling, spec: Berekeningsgrond, berekening: Berekening,
                       feiten: Feiten, ctx: Context) -> list[Grond]:
        """One ground with a quantity's explanation, or one per item of a case list (in the
        order of `volgorde`), named `regel[i]` after the item's place in the case."""
        g = self.regelset.grootheden[spec.uitleg]
        maak = partial(Grond, bron=spec.bron, bestand=regeling.bestand, pakket=regeling.pakket)
        if spec.posten is None:
            try:  # without its facts (the income unknown) the ground has nothing to say
                berekening.grootheid(g.id)
                tekst = self._uitleg(g, berekening, feiten, ctx)
            except Ontbreekt:
                return []
            return [maak(spec.regel, True, tekst)] if tekst else []
        items = list(berekening.case.get(spec.posten) or [])
        volgorde = spec.volgorde
        orde = sorted(range(len(items)),
                      key=lambda i: (str(items[i].get(volgorde) or "") if volgorde else "", i))
        gronden = []
        for i in orde:
            wie = f"{spec.posten}[{i}]"
            post = berekening.met_persoon(wie)
            try:  # an item the quantity cannot be computed for has no ground (yet)
                post.grootheid(g.id)
                woorden = {f"post.{k}": datum_tekst(date.fromisoformat(v)) if k == volgorde
                           else str(v) for k, v in items[i].items() if isinstance(v, str)}
                woorden.setdefault("post.omschrijving",
                                   vul(spec.zonder_omschrijving, nummer=i + 1))
                tekst = self._uitleg(g, post, feiten, ctx, woorden)
            except Ontbreekt:
                continue
            if tekst:
                gronden.append(maak(f"{spec.regel}[{i}]", True, tekst))
        return gronden

    def _voor_eerste(self, berekening: Berekening, ctx: Context) -> list[str]:
        """A warning per parameter read on a date before its first value: the text of the
        quantity that reads it, or the general one."""
        if not berekening.voor_eerste:
            return []
        teksten = {pid: g.voor_eerste for g in self.regelset.grootheden.values()
                   if g.voor_eerste for pid in g.refs()["parameter_op"]}
        result = []
        for pid, datum, pad in berekening.voor_eerste:
            p = ctx.parameters[pid]
            eerste = p.waarden[0]
            waarde = euro_text(Decimal(str(eerste.waarde))) if p.is_geld else str(eerste.waarde)
            result.append(vul(teksten.get(pid, self.regelset.teksten["parameter_voor_eerste"]),
                              parameter=p.beschrijving, datum=datum_tekst(datum), pad=pad,
                              waarde=waarde, vanaf=datum_tekst(eerste.vanaf)))
        return list(dict.fromkeys(result))

    def _termijnen(self, cr: CompiledRegeling, run: _Run, case: Mapping[str, Any],
                   ctx: Context, gronden: list[Grond], ontbrekend: list[str]) -> dict[str, date]:
        """The shortest applicable term per termijn, each a ground; none after a refusal
        (a refusal needs no conversation or plan of action)."""
        termijnen: dict[str, date] = {}
        regeling = cr.regeling
        if not self._logica.termijnen_na_afwijzing and any(not g.voldaan for g in gronden):
            return termijnen
        for tnaam, spec in regeling.termijnen.items():
            start = begin(spec, case, termijnen, frozenset(regeling.termijnen))
            if isinstance(start, Termijn):
                ontbrekend.extend(start.ontbrekend)
                continue

            def geldend(k: int, tnaam: str = tnaam) -> bool:
                return RegelNaam.termijnregel(cr.prefix, tnaam, k) in run.fired

            t = termijn(spec, geldend, start, run.berekening, self._kalender)
            if t.datum is not None and t.regel is not None:
                termijnen[tnaam] = t.datum
                extra = toelichting(t, start, ctx, self._kalender, self.regelset.kalender_teksten)
                gronden.append(Grond(t.regel.regel, True, f"{t.tekst} {extra}".strip(),
                                     t.regel.bron, regeling.bestand, regeling.pakket))
        return termijnen

    def _vorm(self, cr: CompiledRegeling, run: _Run, feiten: Feiten, ctx: Context,
              gronden: list[Grond]) -> str | None:
        """A grant's form: a loan when the regeling's `vorm` rule fired, else om niet; the
        ground says which and why (art. 48–50 Pw)."""
        regel = cr.regeling.vorm
        if regel is None:
            return None
        lening = RegelNaam.vorm(cr.prefix) in run.fired
        tekst = regel.tekst_lening if lening else regel.tekst_om_niet
        gronden.append(Grond(regel.regel, True, self._fill(tekst, feiten, ctx, run.stage2),
                             regel.bron, cr.regeling.bestand, cr.regeling.pakket))
        return "lening" if lening else "om_niet"

    def _signaleringen(self, cr: CompiledRegeling, run: _Run, feiten: Feiten,
                       ctx: Context) -> list[str]:
        return [f"{self._fill(sig.tekst, feiten, ctx, run.stage2)} ({sig.bron.kort()})"
                for k, sig in enumerate(cr.regeling.signaleringen)
                if RegelNaam.signalering(cr.prefix, k) in run.fired]

    def _uitkomst(self, regeling: Regeling, gronden: list[Grond], ontbrekend: list[str],
                  run: _Run, niet_bevoegd: bool) -> tuple[str, dict[str, Decimal], list[str]]:
        """The outcome by the ranking of besluitlogica.yaml; a grant gets its amounts (an
        amount that cannot be computed is missing data after all), every other outcome the
        amounts the income was tested against."""
        logica = self._logica
        waar = frozenset({"een_grond_niet_voldaan"} if any(not g.voldaan for g in gronden)
                         else set()) | frozenset({"gegevens_ontbreken"} if ontbrekend else set())
        waar |= frozenset({"niet_bevoegd"} if niet_bevoegd else set())
        uitkomst = logica.uitkomst(waar)
        if uitkomst in ("afgewezen", "doorverwezen"):  # decided without the missing facts
            ontbrekend = []
        bedragen: dict[str, Decimal] = {}
        if uitkomst == "toegekend":
            bedragen = _bedragen(regeling, _BEDRAG_ORDER, run, ontbrekend)
            if ontbrekend:
                uitkomst = logica.uitkomst(waar | {"gegevens_ontbreken"})
        if uitkomst != "toegekend":
            bedragen = _bedragen(regeling, logica.toetsbedragen, run, [])
        return uitkomst, bedragen, ontbrekend

    def _aannames(self, cr: CompiledRegeling, feiten: Feiten, uses_norm: bool) -> tuple[str, ...]:
        """What was assumed about the facts this besluit rests on."""
        used = cr.gebruikte_feiten
        if uses_norm:
            met_norm = self._met_norm.get(used)
            if met_norm is None:
                met_norm = self._met_norm[used] = used | self._norm_invoer | set(self._cat_facts)
            used = met_norm
        return tuple(sorted({a for f, lijst in feiten.aannames.items() if f in used
                             for a in lijst}))

    def _norm_gronden(self, regeling: Regeling, nb: Normbepaling, run: _Run, feiten: Feiten,
                      ctx: Context) -> list[Grond]:
        """Grounds for the applicable norm: the category, the kostendelersnorm, the limit."""
        if run.categorie is None:
            if self._categorie_ontbrekend(feiten, True):
                return []
            return [Grond(nb.regel, False, nb.teksten["geen_categorie"], nb.categorieen[0].bron,
                          nb.bestand, "basis")]
        gronden: list[Grond] = []
        if regeling.berekening is not None and regeling.berekening.normgronden:
            gronden.append(Grond(nb.regel, True, self._fill(run.categorie.tekst, feiten, ctx,
                                                            run.stage2),
                                 run.categorie.bron, nb.bestand, "basis"))
            if run.norm is not None and run.norm.volledig:
                uitleg = self.regelset.grootheden[nb.berekening.uitleg]
                gronden.append(Grond(nb.berekening.regel, True,
                                     self._uitleg(uitleg, run.norm.berekening, feiten, ctx),
                                     nb.berekening.bron, nb.bestand, "basis"))
        toets = regeling.inkomenstoets
        if toets is not None and nb.berekening.inkomensgrens in run.stage2:
            gronden.append(self._grens_grond(regeling, toets, nb, run, feiten, ctx))
        return gronden

    def _grens_grond(self, regeling: Regeling, toets: Inkomenstoets, nb: Normbepaling,
                     run: _Run, feiten: Feiten, ctx: Context) -> Grond:
        """The income limit of an income test: percentage, norm, and what it includes."""
        sleutel = (toets.percentage, toets.kostendelersnorm, toets.vakantietoeslag)
        toetsnorm = _getal(run.toetsen[sleutel].grootheid(nb.berekening.toetsnorm))
        pp = ctx.parameters[toets.percentage]
        grens = run.stage2[nb.berekening.inkomensgrens]
        toelichting = self._fill(toets.toelichting, feiten, ctx, run.stage2)
        # schemes with the same test share this text (several per case): made once
        bekend = (_GRENS, *sleutel, _rauw(ctx.param(toets.percentage)), repr(toetsnorm), grens,
                  toelichting)
        # and each scheme's ground is the same for every case with that text (the regeling
        # and the parameter live as long as this Engine)
        gsleutel = (id(regeling), id(pp), *bekend)
        grond = self._gronden.get(gsleutel)
        if grond is None:
            grond = self._bewaar_grond(gsleutel, Grond(
                regeling.eigen_feit(nb.berekening.inkomensgrens), True,
                self._grens_tekst(bekend, toets, nb, toetsnorm, grens, toelichting, ctx),
                pp.grondslag, pp.bestand, pp.pakket))
        return grond

    def _grens_tekst(self, bekend: tuple[object, ...], toets: Inkomenstoets, nb: Normbepaling,
                     toetsnorm: Decimal, grens: int, toelichting: str, ctx: Context) -> str:
        """The text of an income limit's ground, made once (`bekend` decides it)."""
        tekst = self._gevuld.get(bekend)
        if tekst is None:
            woord = self._teksten.woord
            tekst = vul(nb.teksten["inkomensgrens"], percentage=ctx.param(toets.percentage),
                        norm=euro_text(toetsnorm),
                        vakantietoeslag=woord("inkomenstoets", "inclusief"
                                              if toets.vakantietoeslag else "exclusief"),
                        kostendelersnorm=woord("inkomenstoets", "met_kostendelersnorm"
                                               if toets.kostendelersnorm
                                               else "zonder_kostendelersnorm"),
                        grens=euro_text(euro(grens)), toelichting=toelichting).strip()
            self._onthoud(bekend, tekst)
        return tekst

    def _onthoud(self, sleutel: tuple[object, ...], tekst: str) -> None:
        if len(self._gevuld) >= _GEVULD_MAX:
            self._gevuld.clear()
        self._gevuld[sleutel] = tekst


class _Bekend(Mapping[str, str]):
    """The computed quantities as text, looked up only for the placeholders a text has:
    an item's own value (`gid@kosten[0]`) first, then the case's; `woorden` go first."""

    def __init__(self, grootheden: Mapping[str, Grootheid], cache: Mapping[str, Waarde],
                 persoon: str | None, woorden: Mapping[str, str]) -> None:
        self.grootheden, self.cache, self.persoon, self.woorden = (grootheden, cache, persoon,
                                                                    woorden)

    def __getitem__(self, naam: str) -> str:
        if naam in self.woorden:
            return self.woorden[naam]
        w = self.cache.get(f"{naam}@{self.persoon}") if self.persoon else None
        if w is None:
            w = self.cache.get(naam)
        if isinstance(w, date):
            return datum_tekst(w)
        if isinstance(w, Decimal) and naam in self.grootheden:
            return euro_text(w) if self.grootheden[naam].is_geld else str(int(w))
        raise KeyError(naam)

    def __contains__(self, naam: object) -> bool:
        try:
            self[str(naam)]
        except KeyError:
            return False
        return True

    def __iter__(self) -> Iterator[str]:
        return iter(self.woorden)

    def __len__(self) -> int:
        return len(self.woorden)


@dataclass(frozen=True)
class _Eigen:
    """Quantities computed for one case (the norm's, or a regeling's own), the `Berekening`
    that holds them for the explanation, or the case paths that are missing."""

    waarden: dict[str, int]
    berekening: Berekening
    ontbrekend: tuple[str, ...] = ()
    volledig: bool = True  # False: not computed (`ontbrekend` may be empty when the norm
    # category is what is missing; the category's own facts are then named)
    # a quantity left out (the amount without the income) and the case paths it needs
    per_grootheid: dict[str, tuple[str, ...]] = field(default_factory=dict)


@dataclass
class _Run:
    """What one case's engine session produced, shared by all its besluiten."""

    fired: set[str]
    stage2: dict[str, int]
    categorie: Categorie | None
    norm: _Eigen | None
    eigen: dict[str, _Eigen]  # per regeling id: its own quantities
    berekening: Berekening  # computes the quantities and amount formulas of this case
    # per income test (percentage, kostendelersnorm, vakantietoeslag): schemes share it
    toetsen: dict[tuple[str, bool, bool], Berekening] = field(default_factory=dict)
    # the same per income test (None: none) for the amounts, made when first needed
    voor_bedragen: dict[tuple[str, bool, bool] | None, Berekening] = field(default_factory=dict)
    # the facts and stage-2 values known (a condition reading only these is decided), once
    # per case, and with a regeling's own income limit under its plain name
    bekend: set[str] = field(default_factory=set)
    bekend_met: dict[str, set[str]] = field(default_factory=dict)

    def met_stage2(self, stage2: dict[str, int], gid: str) -> _Run:
        """The same run with other stage-2 values: a regeling's own income limit as `gid`."""
        bekend = self.bekend_met.get(gid)
        if bekend is None:
            bekend = self.bekend_met[gid] = self.bekend | {gid}
        return _Run(self.fired, stage2, self.categorie, self.norm, self.eigen, self.berekening,
                    self.toetsen, self.voor_bedragen, bekend, self.bekend_met)

    def voor_toets(self, toets: Inkomenstoets | None) -> Berekening:
        """The case's calculation for amounts under an income test (schemes with the same
        test share it, as they share its limit): the one that computed the limit, which
        holds what the amounts read, or else one made for them."""
        sleutel = None if toets is None else (toets.percentage, toets.kostendelersnorm,
                                              toets.vakantietoeslag)
        berekening = self.toetsen.get(sleutel) if sleutel is not None else None
        if berekening is not None:
            return berekening
        berekening = self.voor_bedragen.get(sleutel)
        if berekening is None:
            berekening = self.voor_bedragen[sleutel] = self.berekening.voor_regeling(toets)
        return berekening


def _doorverwijzing(regeling: Regeling, gronden: Sequence[Grond]) -> str | None:
    """The competent body when a voorwaarde with `doorverwijzen_naar` is not met."""
    niet = {g.regel for g in gronden if not g.voldaan}
    return next((v.doorverwijzen_naar for v in regeling.voorwaarden
                 if v.doorverwijzen_naar is not None and v.regel in niet), None)


def _bedragen(regeling: Regeling, keys: Sequence[str], run: _Run,
              ontbrekend: list[str]) -> dict[str, Decimal]:
    """The amounts `keys` of a regeling that can be computed (rounded to cents); what is
    missing goes to `ontbrekend`."""
    eigen = run.eigen.get(regeling.id)
    berekening = eigen.berekening if eigen is not None else \
        run.voor_toets(regeling.inkomenstoets)
    bedragen: dict[str, Decimal] = {}
    for key in keys:
        if key in regeling.bedrag_formules:
            try:
                bedragen[key] = round_cents(_getal(regeling.bedrag_formules[key]
                                                   .bereken(berekening)))
            except Ontbreekt as exc:
                ontbrekend.extend(exc.paden)
    return bedragen


def _getal(waarde: Waarde) -> Decimal:
    assert isinstance(waarde, Decimal), waarde
    return waarde


def _check_consistency(data: Mapping[str, Any]) -> None:
    """What the schema cannot see: income of a partner the case does not have."""
    if data.get("partner") is None:
        for i, item in enumerate(data.get("inkomsten") or []):
            if item.get("persoon") == "partner":
                raise InvoerFout(f"inkomsten[{i}].persoon", "inkomen van een partner, maar de "
                                 "casus heeft geen partner; voeg de partner toe of corrigeer "
                                 "de persoon")

"""`Engine`: evaluate a case for a gemeente and peildatum into reasoned decisions.

Flow per case: validate the case → resolve the policy period → build facts →
run each regeling's compiled ruleset (stage 1: conditions on case facts and
the norm category; stage 2: conditions on calculated amounts) → explain.
An Engine holds only immutable policy and caches; it is safe to share
between threads (the rule host serialises its sessions).
"""

from __future__ import annotations

import bisect
import re
import threading
from collections.abc import Mapping, Sequence
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from .calculate import BEREKENINGEN, euro
from .case import validate_case
from .compile import CompiledRegeling, compile_regeling, fact_key
from .errors import InvoerFout
from .explain import Beslissing, Besluit, Grond, euro_text
from .facts import Context, Feiten, build_facts
from .model import Regeling, Regelset
from .policy import condition_refs, load_regelset
from .resources import data_root
from .rete import RuleHost

_PLACEHOLDER = re.compile(r"\{([a-z_][a-z0-9_.]*)\}")
_MAANDEN = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
            "september", "oktober", "november", "december")


def datum_tekst(d: date) -> str:
    return f"{d.day} {_MAANDEN[d.month - 1]} {d.year}"


class Engine:
    """The decision engine over one rules root (default: the packaged rules).

    >>> Engine().evaluate(case, gemeente="alkmaar", peildatum="2026-03-01").to_json()
    """

    def __init__(self, rules_dir: str | Path | None = None) -> None:
        root = Path(rules_dir) if rules_dir is not None else data_root()
        self.regelset: Regelset = load_regelset(root)
        self._host = RuleHost()
        self._compiled: dict[tuple[str, str, int], CompiledRegeling] = {}
        self._compile_lock = threading.Lock()
        changes = {w.vanaf for p in self.regelset.parameters.values() for w in p.waarden}
        changes |= {r.geldig_vanaf for r in self.regelset.regelingen.values()}
        self._changes = sorted(changes)
        self._indexed = {pid: p for pid, p in self.regelset.parameters.items() if p.per}
        self._known_until = {r.id: self._bekend_tot(r) for r in self.regelset.regelingen.values()}

    # -- public API -------------------------------------------------------------------

    def evaluate(self, case: Mapping[str, Any], gemeente: str | None = None,
                 peildatum: str | date | None = None, regelingen: Sequence[str] | None = None,
                 strikt: bool = False) -> Beslissing:
        """Decide every (or the named) regeling for `case`.

        Raises `InvoerFout` for unusable input (schema, unknown gemeente or
        regeling, peildatum outside the rules' coverage under `strikt`).
        """
        data = validate_case(case)
        slug = gemeente or data.get("gemeente")
        if not slug:
            raise InvoerFout("gemeente", "geen gemeente opgegeven (in de casus of met --gemeente)")
        if slug not in self.regelset.gemeenten:
            raise InvoerFout("gemeente", f"onbekende gemeente '{slug}'; kies uit: "
                             + ", ".join(sorted(self.regelset.gemeenten)))
        dag = self._peildatum(peildatum if peildatum is not None else data.get("peildatum"))
        gekozen = self._regelingen(dag, regelingen)
        ctx = Context(peildatum=dag, gemeente=slug, parameters=self.regelset.parameters)
        feiten = build_facts(self.regelset.feiten, self._indexed, data, ctx)
        besluiten = tuple(self._besluit(r, slug, feiten, ctx, strikt) for r in gekozen)
        g = self.regelset.gemeenten[slug]
        rm = self.regelset.rechtsmiddelen
        return Beslissing(
            gemeente=slug, gemeente_naam=g.naam, peildatum=dag.isoformat(),
            versie=self.regelset.versie(slug), pluspakket=slug, besluiten=besluiten,
            rechtsmiddelen=rm.tekst.replace("{gemeente.naam}", g.naam),
        )

    # -- steps ------------------------------------------------------------------------

    def _peildatum(self, value: str | date | None) -> date:
        if value is None:
            return date.today()
        if isinstance(value, date):
            return value
        try:
            return date.fromisoformat(str(value))
        except ValueError:
            raise InvoerFout("peildatum", f"'{value}' is geen geldige datum (JJJJ-MM-DD)") from None

    def _regelingen(self, dag: date, ids: Sequence[str] | None) -> list[Regeling]:
        alle = self.regelset.regelingen
        for rid in ids or ():
            if rid not in alle:
                raise InvoerFout("regeling", f"onbekende regeling '{rid}'; kies uit: "
                                 + ", ".join(sorted(alle)))
        eerste = min(r.geldig_vanaf for r in alle.values())
        if dag < eerste:
            raise InvoerFout("peildatum", f"{dag.isoformat()} ligt voor het begin van de regels "
                             f"({eerste.isoformat()}); daarvoor zijn geen normen vastgelegd")
        gekozen = [alle[r] for r in ids] if ids else sorted(alle.values(), key=lambda r: r.id)
        for r in gekozen:
            if r.geldig_vanaf > dag:
                raise InvoerFout("peildatum", f"regeling '{r.id}' geldt pas vanaf "
                                 f"{r.geldig_vanaf.isoformat()}")
        return [r for r in gekozen if r.geldig_op(dag)]

    def _compiled_for(self, regeling: Regeling, gemeente: str, ctx: Context) -> CompiledRegeling:
        period = bisect.bisect_right(self._changes, ctx.peildatum)
        key = (gemeente, regeling.id, period)
        compiled = self._compiled.get(key)
        if compiled is None:
            with self._compile_lock:
                compiled = self._compiled.get(key)
                if compiled is None:
                    compiled = compile_regeling(regeling, self.regelset.feiten,
                                                self.regelset.parameters, ctx)
                    self._host.ensure(compiled.naam, compiled.rules)
                    self._compiled[key] = compiled
        return compiled

    def _bekend_tot(self, regeling: Regeling) -> date | None:
        """The last day for which every indexed figure this regeling uses is known."""
        ids: set[str] = set()
        for cat in regeling.normcategorieen:
            ids |= {p for p in (cat.norm, cat.kostendelers_basis) if p}
        for v in regeling.voorwaarden:
            ids |= condition_refs(v.als)[1]
        dates = [self.regelset.parameters[p].bekend_tot for p in ids]
        known = [d for d in dates if d is not None]
        return min(known) if known else None

    def _fill(self, template: str, feiten: Feiten, ctx: Context, extra: Mapping[str, int]) -> str:
        def value(match: re.Match[str]) -> str:
            name = match.group(1)
            if name in extra:
                return euro_text(euro(extra[name])) if name.startswith("bijstand.") \
                    else str(extra[name])
            if name == "gemeente":
                return self.regelset.gemeenten[ctx.gemeente].naam
            if name in feiten.waarden:
                v = feiten.waarden[name]
                feit = self.regelset.feiten.get(name)
                param = self.regelset.parameters.get(name)
                if (feit and feit.is_geld) or (param and param.is_geld):
                    return euro_text(euro(v))
                return {True: "ja", False: "nee"}.get(v, str(v)) if isinstance(v, bool) else str(v)
            if name in self.regelset.parameters:
                p = self.regelset.parameters[name]
                w = ctx.param(name)
                return euro_text(Decimal(str(w))) if p.is_geld else str(w)
            return match.group(0)

        return _PLACEHOLDER.sub(value, template)

    def _besluit(self, regeling: Regeling, gemeente: str, feiten: Feiten, ctx: Context,
                 strikt: bool) -> Besluit:
        waarschuwingen: list[str] = []
        bekend_tot = self._known_until[regeling.id]
        if bekend_tot is not None and ctx.peildatum > bekend_tot:
            if strikt:
                raise InvoerFout("peildatum", f"{ctx.peildatum.isoformat()} ligt na "
                                 f"{bekend_tot.isoformat()}, de laatste dag waarvoor de normen "
                                 f"van '{regeling.id}' bekend zijn")
            waarschuwingen.append(
                f"De normen voor {regeling.naam.lower()} zijn bekend tot en met "
                f"{datum_tekst(bekend_tot)} ({bekend_tot.isoformat()}). Voor peildatum "
                f"{ctx.peildatum.isoformat()} zijn de laatst bekende bedragen gebruikt; "
                "controleer dit besluit zodra de nieuwe normen zijn gepubliceerd.")
        compiled = self._compiled_for(regeling, gemeente, ctx)
        encoded = {"fase": 1, **{fact_key(k): v for k, v in feiten.waarden.items()}}
        stage2: dict[str, int] = {}
        calc_ground: Grond | None = None
        calc_missing: tuple[str, ...] = ()
        with self._host.session(compiled.naam) as session:
            fired = set(session.assert_fact(encoded))
            categorie = next((c for j, c in enumerate(regeling.normcategorieen)
                              if f"c{j}" in fired), None)
            soort = regeling.berekening.get("soort")
            if soort and categorie is not None:
                uitkomst = BEREKENINGEN[soort](
                    regeling.berekening, categorie, feiten, ctx,
                    lambda t, extra: self._fill(t, feiten, ctx, extra))
                stage2 = uitkomst.waarden
                calc_missing = uitkomst.ontbrekend
                if not calc_missing:
                    calc_ground = Grond(
                        regel=regeling.berekening["regel"], voldaan=True, tekst=uitkomst.tekst,
                        bron=_bron(regeling.berekening["bron"]), bestand=regeling.bestand,
                        pakket=regeling.pakket)
                    fired |= set(session.assert_fact(
                        {**encoded, "fase": 2, **{fact_key(k): v for k, v in stage2.items()}}))

        gronden: list[Grond] = []
        ontbrekend: list[str] = []
        categorie_missing = sorted({p for fs in compiled.feiten_van_categorie for f in fs
                                    for p in feiten.ontbrekend.get(f, ())})
        known = feiten.waarden.keys() | stage2.keys()
        for i, v in enumerate(regeling.voorwaarden):
            nee = f"v{i}_nee" in fired
            ja = not nee and compiled.feiten_van_voorwaarde[i] <= known
            if ja or nee:
                tekst = v.tekst_voldaan if ja else v.tekst_niet_voldaan
                gronden.append(Grond(v.regel, ja, self._fill(tekst, feiten, ctx, stage2),
                                     v.bron, v.bestand, v.pakket))
                continue
            for f in sorted(compiled.feiten_van_voorwaarde[i]):
                if f in feiten.ontbrekend:
                    ontbrekend.extend(feiten.ontbrekend[f])
                elif compiled.fase_van_voorwaarde[i] == 2:
                    ontbrekend.extend(categorie_missing or calc_missing)
        if categorie is not None:
            gronden.append(Grond("pw.norm" if soort == "bijstandsnorm" else f"{regeling.id}.norm",
                                 True, self._fill(categorie.tekst, feiten, ctx, stage2),
                                 categorie.bron, regeling.bestand, regeling.pakket))
        elif regeling.normcategorieen and not categorie_missing:
            gronden.append(Grond("pw.norm", False,
                                 "Voor uw huishouden past geen norm uit de Participatiewet "
                                 "(art. 20–22); neem contact op met een consulent.",
                                 regeling.normcategorieen[0].bron, regeling.bestand,
                                 regeling.pakket))
        if calc_ground is not None:
            gronden.append(calc_ground)

        for k, sig in enumerate(regeling.signaleringen):
            if f"s{k}" in fired:
                tekst = self._fill(sig.tekst, feiten, ctx, stage2)
                waarschuwingen.append(f"{tekst} ({sig.bron.kort()})")
        ontbrekend = sorted(set(ontbrekend))
        if any(not g.voldaan for g in gronden):
            uitkomst_naam = "afgewezen"
            ontbrekend = []
        elif ontbrekend:
            uitkomst_naam = "onvoldoende_gegevens"
        else:
            uitkomst_naam = "toegekend"
        bedrag: dict[str, Decimal] = {}
        if uitkomst_naam == "toegekend":
            for key, feit in regeling.berekening.get("uitkomst", {}).items():
                if feit in stage2:
                    bedrag[key] = euro(stage2[feit])
            order = ["per_maand", "per_jaar", "eenmalig", "norm", "waarvan_vakantietoeslag"]
            bedrag = {k: bedrag[k] for k in order if k in bedrag}
        return Besluit(
            regeling=regeling.id, naam=regeling.naam, pakket=regeling.pakket,
            uitkomst=uitkomst_naam, bedrag=bedrag, termijnen={}, gronden=tuple(gronden),
            ontbrekende_gegevens=tuple(ontbrekend),
            aannames=tuple(feiten.aannames[k] for k in sorted(feiten.aannames)),
            waarschuwingen=tuple(waarschuwingen),
        )


def _bron(d: Mapping[str, Any]) -> Any:
    from .model import Bron

    return Bron(regeling=d["regeling"], artikel=str(d["artikel"]), url=d.get("url"))

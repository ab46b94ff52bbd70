"""Declared quantities (`soort: grootheden`): what the engine computes, with dated formulas.

Like an OpenFisca variable, each quantity has a label, a unit, a legal source with its
status, and one or more formulas keyed by the date from which they apply; its
explanation (`uitleg`) is a list of texts, each shown when its condition holds. The
norm, the kostendelersnorm, the vakantietoeslag and the income limits are quantities,
so an advisor changes a formula in YAML, not in Python.

`Berekening` computes quantities for one case: it reads facts (money in euros),
parameters at the peildatum, the selected norm category, the regeling's income test,
and other quantities (each computed once; a cycle is an error).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from functools import cached_property
from typing import Any

from .expressie import (
    Conditie,
    Expr,
    ExpressieFout,
    Ontbreekt,
    Pad,
    Personen,
    Refs,
    Waarde,
    parse_conditie,
    parse_expressie,
)
from .facts import Context, Feiten, age_on
from .load import Document
from .model import Bron, Categorie, Feit, Inkomenstoets, geldend_op

EENHEDEN = ("euro", "procent", "aantal", "datum", "ja_nee", "jaren", "dagen", "weken", "maanden")
CENT = Decimal("0.01")


@dataclass(frozen=True)
class Formule:
    vanaf: date
    expressie: Expr
    plaats: str


@dataclass(frozen=True)
class Uitleg:
    """One sentence of a quantity's explanation: shown when `als` holds (or always).
    With `per_detail`, once per entry of that fact's details (e.g. each medebewoner that
    does not count as kostendeler), filling `{nummer}` and `{reden}`."""

    tekst: str
    als: Conditie | None = None
    per_detail: str | None = None


@dataclass(frozen=True)
class Grootheid:
    id: str
    label: str
    eenheid: str
    bron: Bron
    status: str
    formules: tuple[Formule, ...]
    bestand: str
    plaats: str
    uitleg: tuple[Uitleg, ...] = ()
    per_regeling: bool = False  # computed per regeling (it reads `inkomenstoets`)
    per_post: bool = False  # computed per item of a case list (it reads `post`)
    voor_eerste: str = ""  # the warning when it reads a parameter before its first value

    def formule_op(self, peildatum: date) -> Formule | None:
        op = self._op
        bekend = op.get(peildatum, _GEEN)  # one lookup: another thread may clear it
        if bekend is not _GEEN:
            return bekend  # type: ignore[return-value]
        formule = geldend_op(self.formules, self._vanaf, peildatum)
        if len(op) >= 512:  # a bound: each day a case is decided on is one entry
            op.clear()
        op[peildatum] = formule
        return formule

    @cached_property
    def _op(self) -> dict[date, Formule | None]:
        """The formula in force per peildatum seen (a case computes many quantities)."""
        return {}

    @cached_property
    def _vanaf(self) -> list[date]:
        return [f.vanaf for f in self.formules]

    def refs(self) -> Refs:
        refs = Refs()
        for f in self.formules:
            refs = refs | f.expressie.refs()
        for u in self.uitleg:
            if u.als is not None:
                refs = refs | u.als.refs()
        return refs

    @property
    def is_geld(self) -> bool:
        return self.eenheid == "euro"


def afhankelijkheden(gids: Iterable[str], grootheden: Mapping[str, Grootheid]) -> Refs:
    """Everything the quantities `gids` read, also through the quantities they use."""
    gezien: set[str] = set()
    refs, todo = Refs(), list(gids)
    while todo:
        gid = todo.pop()
        if gid in gezien or gid not in grootheden:
            continue
        gezien.add(gid)
        eigen = grootheden[gid].refs()
        refs = refs | eigen | Refs({"grootheid": frozenset({gid})})
        todo += sorted(eigen["grootheid"])
    return refs


def lees_grootheden(doc: Document, bron_van: Any) -> tuple[list[Grootheid], list[tuple[Pad, str]]]:
    """The quantities of one `soort: grootheden` document, and the (path, message) of every
    formula or condition that does not parse."""
    result: list[Grootheid] = []
    fouten: list[tuple[Pad, str]] = []
    for gid, spec in doc.data["grootheden"].items():
        pad: Pad = ("grootheden", gid)
        try:
            result.append(_grootheid(gid, spec, doc, pad, bron_van))
        except ExpressieFout as exc:
            fouten.append((exc.pad, exc.bericht))
    return result, fouten


def _grootheid(gid: str, spec: dict[str, Any], doc: Document, pad: Pad,
               bron_van: Any) -> Grootheid:
    formules = tuple(
        Formule(date.fromisoformat(d), parse_expressie(f, (*pad, "formules", d)),
                doc.plaats((*pad, "formules", d)))
        for d, f in sorted(spec["formules"].items()))
    uitleg = tuple(
        Uitleg(tekst=u["tekst"],
               als=parse_conditie(u["als"], (*pad, "uitleg", i, "als")) if "als" in u else None,
               per_detail=u.get("per_detail"))
        for i, u in enumerate(spec.get("uitleg", [])))
    return Grootheid(id=gid, label=spec["label"], eenheid=spec["eenheid"],
                     bron=bron_van(spec["bron"]), status=spec["status"], formules=formules,
                     bestand=doc.bestand, plaats=doc.plaats(pad), uitleg=uitleg,
                     per_regeling=bool(spec.get("per_regeling", False)),
                     per_post=bool(spec.get("per_post", False)),
                     voor_eerste=spec.get("voor_eerste", ""))


def fout_bij(doc: Document, pad: Pad, bericht: str) -> tuple[str, str]:
    """`file:line:col` of a parse error at `pad` inside `doc`."""
    return doc.plaats(pad), bericht


# ------------------------------------------------------------------------ computing


_CATEGORIE_PARAMETERS = ("norm", "kostendelers_basis", "kostendelers_jongere_partner",
                         "percentage")


@dataclass
class Berekening:
    """The `Omgeving` formulas read from while one case is decided."""

    grootheden: Mapping[str, Grootheid]
    feiten: Feiten
    feitdefs: Mapping[str, Feit]
    ctx: Context
    kalender: Any
    categorie: Categorie | None = None
    toets: Inkomenstoets | None = None
    case: Mapping[str, Any] = field(default_factory=dict)
    persoon: str | None = None  # the person or item (`kosten[0]`) inside som_over/aantal
    cache: dict[str, Waarde] = field(default_factory=dict)
    # the case paths a quantity misses, so that it fails once: re-computing a failing
    # quantity inside other failing ones (to name every missing fact) grew with every
    # level of formulas and every earlier item of a list
    mist: dict[str, tuple[str, ...]] = field(default_factory=dict)
    feit_cache: dict[str, Waarde] = field(default_factory=dict)  # facts as formula values
    bezig: set[str] = field(default_factory=set)
    # (parameter, date, item) read before the parameter's first value: the first was used
    voor_eerste: list[tuple[str, date, str]] = field(default_factory=list)

    @property
    def peildatum(self) -> date:
        return self.ctx.peildatum

    def lees(self, soort: str, naam: str) -> Waarde:
        if soort == "grootheid":
            return self.grootheid(naam)
        if soort == "feit":
            return self._feit(naam)
        if soort == "parameter":
            return self._parameter(naam)
        if soort == "persoon" or soort == "post":
            if self.persoon is None:
                raise ExpressieFout((), f"'{soort}: {naam}' buiten aantal of som_over")
            if "[" in self.persoon:
                return self._lid(self.persoon, naam)
            return self._feit(f"{self.persoon}.{naam}")
        if soort == "categorie":
            return self._categorie(naam)
        return self._toets(naam)

    def _feit(self, naam: str) -> Waarde:
        if naam in self.feit_cache:
            return self.feit_cache[naam]
        if naam not in self.feiten.waarden:
            if naam in self.grootheden:  # a stage-2 fact is a declared quantity
                return self.grootheid(naam)
            raise Ontbreekt(self.feiten.ontbrekend.get(naam, (naam,)))
        waarde = self.feiten.waarden[naam]
        feit = self.feitdefs.get(naam)
        if feit is not None and feit.is_geld:
            uit: Waarde = (Decimal(waarde) / 100).quantize(CENT)
        else:
            uit = _als_waarde(waarde)
        self.feit_cache[naam] = uit
        return uit

    def _parameter(self, pid: str) -> Waarde:
        """A parameter at the peildatum; one per leefvorm is the household's (a fact)."""
        sleutel = "parameter:" + pid
        if sleutel in self.feit_cache:
            return self.feit_cache[sleutel]
        p = self.ctx.parameters[pid]
        if not p.per:
            waarde = self.feit_cache[sleutel] = _als_waarde(self.ctx.param(pid))
            return waarde
        if pid not in self.feiten.waarden:
            raise Ontbreekt(self.feiten.ontbrekend.get(pid, (pid,)))
        waarde = self.feiten.waarden[pid]
        return (Decimal(waarde) / 100).quantize(CENT) if p.is_geld else _als_waarde(waarde)

    def parameter_op(self, pid: str, datum: date) -> Waarde:
        """The value in force on `datum`; before the first value, the first (and a note)."""
        p = self.ctx.parameters[pid]
        waarde = p.op(datum)
        if waarde is None:
            waarde = p.waarden[0]
            self.voor_eerste.append((pid, datum, self.persoon or ""))
        return _als_waarde(waarde.waarde)

    def tabel(self, pid: str) -> list[dict[str, object]]:
        waarde = self.ctx.param(pid)
        return list(waarde) if isinstance(waarde, list) else []

    def eerdere(self, volgorde: str) -> list[str]:
        """The items of this item's list that come before it: by `volgorde`, then by index."""
        lijst, _, rest = (self.persoon or "").partition("[")
        items = self.case.get(lijst) or []
        hier = int(rest.rstrip("]"))

        def sleutel(i: int) -> tuple[str, int]:
            if items[i].get(volgorde) is None:
                raise Ontbreekt([f"{lijst}[{i}].{volgorde}"])
            return str(items[i][volgorde]), i

        return [f"{lijst}[{i}]" for i in range(len(items)) if sleutel(i) < sleutel(hier)]

    def _lid(self, wie: str, veld: str) -> Waarde:
        """A field of a listed person (`kinderen[0]`); `leeftijd` from the birth date."""
        lijst, _, rest = wie.partition("[")
        item = (self.case.get(lijst) or [])[int(rest.rstrip("]"))]
        if veld == "aow" and lijst == "kinderen":
            return False  # a child (at most 18, checked on input) is below the AOW age
        sleutel = "geboortedatum" if veld == "leeftijd" else veld
        if item.get(sleutel) is None:
            raise Ontbreekt([f"{wie}.{sleutel}"])
        if veld == "leeftijd":
            return Decimal(age_on(date.fromisoformat(item[sleutel]), self.peildatum))
        return _als_waarde(item[sleutel])

    def _categorie(self, veld: str) -> Waarde:
        c = self.categorie
        if c is None:
            raise Ontbreekt(())
        if veld == "rechthebbenden":
            return ("aanvrager",) if c.alleen_aanvrager else ("aanvrager", "partner")
        if veld == "alleen_aanvrager":
            return c.alleen_aanvrager
        if veld == "plus":
            return sum((Decimal(str(self.ctx.param(p))) for p in c.plus), Decimal(0))
        if veld in _CATEGORIE_PARAMETERS:
            pid = getattr(c, veld)
            return None if pid is None else _als_waarde(self.ctx.param(pid))
        raise ExpressieFout((), f"onbekend veld van de normcategorie: {veld}")

    def _toets(self, veld: str) -> Waarde:
        t = self.toets
        if t is None:
            raise ExpressieFout((), "inkomenstoets buiten een regeling met inkomenstoets")
        if veld == "percentage":
            return _als_waarde(self.ctx.param(t.percentage))
        return {"kostendelersnorm": t.kostendelersnorm, "vakantietoeslag": t.vakantietoeslag}[veld]

    def grootheid(self, gid: str) -> Waarde:
        g = self.grootheden[gid]
        sleutel = f"{gid}@{self.persoon}" if g.per_post else gid
        bekend = self.cache.get(sleutel, _GEEN)
        if bekend is not _GEEN:
            return bekend  # type: ignore[return-value]
        if sleutel in self.mist:
            raise Ontbreekt(self.mist[sleutel])
        if sleutel in self.bezig:
            raise ExpressieFout((), f"grootheid '{gid}' hangt van zichzelf af")
        if g.per_post and self.persoon is None:
            raise ExpressieFout((), f"grootheid '{gid}' is per post; lees haar binnen som_over")
        formule = g.formule_op(self.peildatum)
        if formule is None:
            raise ExpressieFout((), f"grootheid '{gid}' heeft geen formule op "
                                f"{self.peildatum.isoformat()}")
        self.bezig.add(sleutel)
        try:
            waarde = formule.expressie.bereken(self)
        except Ontbreekt as exc:
            self.mist[sleutel] = exc.paden
            raise
        finally:
            self.bezig.discard(sleutel)
        self.cache[sleutel] = waarde
        return waarde

    def personen(self, spec: Personen) -> list[str]:
        namen: Iterable[Any] = spec.namen
        if spec.ref is not None:
            gevonden = spec.ref.bereken(self)
            namen = gevonden if isinstance(gevonden, tuple) else ()
        aanwezig = {"aanvrager": True, "partner": bool(self.feiten.waarden.get("partner.aanwezig"))}
        result: list[str] = []
        for n in map(str, namen):
            if n in aanwezig:
                result += [n] if aanwezig[n] else []
            else:  # a list in the case: each of its persons
                result += [f"{n}[{i}]" for i in range(len(self.case.get(n) or []))]
        return result

    def met_persoon(self, wie: str) -> Berekening:
        return self.met(persoon=wie)

    def met(self, **wijzigingen: Any) -> Berekening:
        """`dataclasses.replace` (no field has init=False, there is no __post_init__), as
        a shallow copy: several times cheaper."""
        sub = object.__new__(Berekening)
        sub.__dict__.update(self.__dict__, **wijzigingen)
        return sub

    def werkdagen_na(self, start: date, aantal: int) -> date:
        result: date = self.kalender.plus_werkdagen(start, aantal)
        return result

    def voor_regeling(self, toets: Inkomenstoets | None) -> Berekening:
        """The same case, for a regeling's own quantities (its income limit)."""
        eigen = _per_regeling(self.grootheden)
        gedeeld = {k: v for k, v in self.cache.items() if k not in eigen}
        mist = {k: v for k, v in self.mist.items() if k.partition("@")[0] not in eigen}
        return self.met(toets=toets, cache=gedeeld, mist=mist, bezig=set(), voor_eerste=[])


_PER_REGELING: dict[int, tuple[Mapping[str, Grootheid], frozenset[str]]] = {}


def _per_regeling(grootheden: Mapping[str, Grootheid]) -> frozenset[str]:
    """The quantities computed per regeling, found once per set of quantities (the mapping
    is kept with its answer, so its id cannot be reused while it is remembered)."""
    bekend = _PER_REGELING.get(id(grootheden))
    if bekend is None or bekend[0] is not grootheden:
        if len(_PER_REGELING) >= 64:
            _PER_REGELING.clear()
        bekend = _PER_REGELING[id(grootheden)] = (
            grootheden, frozenset(gid for gid, g in grootheden.items() if g.per_regeling))
    return bekend[1]


_GEEN = object()  # not computed yet (None is a value)


def _als_waarde(x: object) -> Waarde:
    soort = type(x)
    if soort is Decimal or soort is bool or soort is str:
        return x  # type: ignore[return-value]
    if isinstance(x, bool | Decimal | str | date) or x is None:
        return x
    if isinstance(x, int | float):
        return Decimal(str(x))
    return None


def in_centen(waarde: Waarde) -> int:
    """A money quantity (euros) as whole cents for the rule engine (already rounded)."""
    assert isinstance(waarde, Decimal)
    return int((waarde * 100).to_integral_value())

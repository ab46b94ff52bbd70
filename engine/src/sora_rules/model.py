"""Domain values of a policy: parameters, facts, regelingen, gemeenten.

Everything here is immutable; a loaded `Regelset` can be shared between
threads and `Engine` instances without copying.
"""

from __future__ import annotations

import bisect
import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import TYPE_CHECKING, Any, TypeVar

T = TypeVar("T")

if TYPE_CHECKING:
    from .expressie import Conditie, Expr
    from .grootheden import Grootheid


@dataclass(frozen=True)
class Bron:
    """Legal source of a rule or value: what Awb art. 3:47 wants named."""

    regeling: str
    artikel: str
    url: str | None = None

    def to_dict(self) -> dict[str, str]:
        d = {"regeling": self.regeling, "artikel": self.artikel}
        if self.url:
            d["url"] = self.url
        return d

    def kort(self) -> str:
        """`art. 22a Participatiewet` for a law article, `Zaffier, studenten` otherwise."""
        if self.artikel[:1].isdigit():
            return f"art. {self.artikel} {self.regeling}"
        return f"{self.regeling}, {self.artikel}"


def geldend_op(reeks: Sequence[T], vanaf: Sequence[date], peildatum: date) -> T | None:
    """The item of a dated series in force on `peildatum`: the last whose start date
    (`vanaf`, sorted, one per item) is on or before it."""
    i = bisect.bisect_right(vanaf, peildatum)
    return reeks[i - 1] if i else None


@dataclass(frozen=True)
class Waarde:
    """One dated value of a parameter, with where it comes from."""

    vanaf: date
    waarde: Any
    status: str
    bron: str
    reden: str | None = None


@dataclass(frozen=True)
class Parameter:
    """A dated value. An open term (`open_norm`) may be implemented by a gemeente."""

    id: str
    beschrijving: str
    eenheid: str
    grondslag: Bron
    waarden: tuple[Waarde, ...]
    bestand: str
    bekend_tot: date | None = None
    per: str | None = None
    pakket: str = "basis"
    open_norm: str | None = None  # to whom the law delegates the choice (gemeenteraad, college)
    open_norm_grenzen: dict[str, Any] = field(default_factory=dict, hash=False)
    standaard: Parameter | None = None  # for an implemented open term: the basispakket default

    def op(self, peildatum: date) -> Waarde | None:
        """The value in force on `peildatum` (the last one that started on or before it)."""
        return geldend_op(self.waarden, self._vanaf, peildatum)

    @cached_property
    def _vanaf(self) -> list[date]:
        return [w.vanaf for w in self.waarden]

    @property
    def is_geld(self) -> bool:
        return self.eenheid == "euro"


@dataclass(frozen=True)
class Feit:
    """A fact the rules may use, derived from the case by a named calculation kind."""

    naam: str
    soort: str
    opties: dict[str, Any] = field(hash=False)
    bestand: str = ""
    formule: Expr | None = field(default=None, hash=False)  # soort formule: parsed once

    @property
    def is_geld(self) -> bool:
        return self.opties.get("eenheid") == "euro"


@dataclass(frozen=True)
class Voorwaarde:
    """A condition of a regeling: compiled to an engine rule that fires when it fails."""

    regel: str
    als: Conditie = field(hash=False)
    bron: Bron
    tekst_voldaan: str
    tekst_niet_voldaan: str
    bestand: str
    pakket: str
    plaats: str = ""
    doorverwijzen_naar: str | None = None  # not met: that body is competent (art. 47a Pw)


@dataclass(frozen=True)
class Categorie:
    """One norm category; the engine selects the one whose effective condition holds.

    `als` is the condition as written; with exceptions (`uitzondering_op`, as in Catala)
    the one that decides is `effectief`: an exception also needs one of its bases' scope,
    and a base does not hold where one of its exceptions does (uitzondering.py).
    """

    id: str
    norm: str
    als: Conditie = field(hash=False)
    bron: Bron
    tekst: str
    kostendelers_basis: str | None = None
    kostendelers_jongere_partner: str | None = None
    percentage: str | None = None  # the norm is this share of `norm` (art. 24 Pw)
    plus: tuple[str, ...] = ()  # parameters added to the norm (art. 23 lid 2 and 3 Pw)
    alleen_aanvrager: bool = False  # only the applicant has a right (art. 22a lid 2 Pw)
    uitzondering_op: tuple[str, ...] = ()  # the categories this one is an exception to
    plaats: str = ""  # file:line:col of the category, for findings
    effectief: Conditie | None = field(default=None, hash=False)  # with its exceptions
    scope: Conditie | None = field(default=None, hash=False)  # `als` and a base's scope

    @property
    def parameter_ids(self) -> tuple[str, ...]:
        """Every parameter this category reads, for references and coverage dates."""
        return tuple(p for p in (self.norm, self.kostendelers_basis,
                                 self.kostendelers_jongere_partner, self.percentage, *self.plus)
                     if p)


@dataclass(frozen=True)
class PreciesEen:
    """A list of which exactly one member holds for every household in `domein` (typed
    condition): `sora-rules validate` proves it (dekking.py)."""

    lijst: str  # the key of the list, e.g. normcategorieen
    naam: str  # what one member is called in a finding, e.g. normcategorie
    domein: Conditie | None = field(hash=False, compare=False)
    plaats: str = ""


@dataclass(frozen=True)
class Normberekening:
    """What the engine computes from the selected norm category (normbepaling.yaml)."""

    regel: str  # the ground that explains the norm
    bron: Bron
    grootheden: tuple[str, ...]  # stage-2 facts, named by their id
    uitleg: str  # the quantity whose explanation is that ground
    inkomensgrens: str  # the per-regeling quantity of an income test's limit
    toetsnorm: str  # the per-regeling quantity of the norm an income test uses
    inkomenstoets: dict[str, Any] = field(hash=False)  # the condition of every income test

    @property
    def alle(self) -> tuple[str, ...]:
        """Every quantity the norm's calculation names."""
        return (*self.grootheden, self.uitleg, self.inkomensgrens, self.toetsnorm)


@dataclass(frozen=True)
class Normbepaling:
    """How the applicable bijstandsnorm is found (art. 20–22a Pw); shared by all regelingen."""

    categorieen: tuple[Categorie, ...]
    berekening: Normberekening
    bestand: str = ""
    regel: str = ""  # id of the ground naming the selected category (normbepaling.yaml)
    teksten: dict[str, str] = field(default_factory=dict, hash=False)
    parameters: frozenset[str] = frozenset()  # every parameter its quantities' formulas read
    precies_een: tuple[PreciesEen, ...] = ()  # sets of which exactly one member must hold

    def kies(self, gelden: Sequence[Categorie]) -> Categorie | None:
        """Of the categories whose own condition holds, the one that decides (Catala's base
        and exceptions): an exception counts only where one of its bases counts, and a base
        does not count where one of its exceptions does."""
        per_id = {c.id: c for c in gelden}

        def in_scope(c: Categorie) -> bool:
            return not c.uitzondering_op or any(
                b in per_id and in_scope(per_id[b]) for b in c.uitzondering_op)

        kandidaten = [c for c in gelden if in_scope(c)]
        return next((c for c in kandidaten
                     if not any(c.id in e.uitzondering_op for e in kandidaten)), None)

    def uitzonderingen(self, c: Categorie) -> tuple[Categorie, ...]:
        """The categories that are an exception to `c`."""
        return tuple(e for e in self.categorieen if c.id in e.uitzondering_op)


@dataclass(frozen=True)
class Signalering:
    """A point for the consulent: when `als` holds, the decision carries a warning."""

    regel: str
    als: Conditie | None = field(hash=False)  # None: always
    bron: Bron
    tekst: str


@dataclass(frozen=True)
class Inkomenstoets:
    """'Inkomen ≤ X% van de toepasselijke bijstandsnorm', the test all minima schemes share."""

    percentage: str  # parameter id (usually an open term)
    kostendelersnorm: bool  # the norm with (True) or without the art. 22a reduction
    vakantietoeslag: bool  # the norm including (True) or excluding vakantietoeslag
    bron: Bron
    status: str
    toelichting: str


@dataclass(frozen=True)
class Vormregel:
    """When a granted besluit takes the form of a loan (art. 48–50 Pw): `als` holds → lening,
    else om niet; each form with the text of its ground."""

    regel: str
    als: Conditie = field(hash=False)
    bron: Bron
    tekst_lening: str
    tekst_om_niet: str


@dataclass(frozen=True)
class Termijnregel:
    """One way to set a term: `aantal` weeks (Algemene termijnenwet: a last day that is no
    werkdag moves on) or werkdagen after the start, when `als` holds (always without)."""

    regel: str
    eenheid: str  # weken | werkdagen
    aantal: Expr  # a number or {parameter: …}
    bron: Bron
    tekst: str
    als: Conditie | None = field(default=None, hash=False)  # None: always


@dataclass(frozen=True)
class Termijnspec:
    """A term of a regeling: from a date in the case or another term, the `kies` (earliest
    or latest) among the rules that apply."""

    naam: str
    vanaf: str
    kies: str  # vroegste | laatste
    regels: tuple[Termijnregel, ...]
    algemene_termijnenwet: bool = True  # False: plain calendar weeks (an ingangsdatum)
    optioneel: bool = False  # without the `vanaf` date in the case: no term, nothing missing


@dataclass(frozen=True)
class Berekeningsgrond:
    """A ground that shows a quantity's explanation (`uitleg`); with `posten`, once per item
    of that case list, taken in the order of `volgorde`."""

    regel: str
    uitleg: str  # grootheid id
    bron: Bron
    posten: str | None = None
    volgorde: str | None = None
    zonder_omschrijving: str = ""


@dataclass(frozen=True)
class RegelingBerekening:
    """What the engine computes for a regeling between its two stages: `grootheden` become
    stage-2 facts (named by their id); `gronden` explain them; `normgronden` shows the
    grounds of the norm category and the norm."""

    normgronden: bool = False
    grootheden: tuple[str, ...] = ()
    gronden: tuple[Berekeningsgrond, ...] = ()


@dataclass(frozen=True)
class Regeling:
    id: str
    naam: str
    pakket: str
    grondslag: Bron
    geldig_vanaf: date
    voorwaarden: tuple[Voorwaarde, ...]
    bestand: str
    geldig_tot: date | None = None
    berekening: RegelingBerekening | None = None
    bedrag: dict[str, Any] = field(default_factory=dict, hash=False)
    signaleringen: tuple[Signalering, ...] = ()
    vorm: Vormregel | None = None  # om niet or as a loan (art. 48–50 Pw)
    inkomenstoets: Inkomenstoets | None = None
    uitschakelbaar: bool = False
    omschrijving: str = ""
    plaats: str = ""
    aanvraag: str | None = None  # the case section that makes this an application
    termijnen: dict[str, Termijnspec] = field(default_factory=dict, hash=False)
    # bedrag key -> the amount as a formula (expressie.Expr); `bedrag` keeps the YAML form
    # for the listings
    bedrag_formules: dict[str, Expr] = field(default_factory=dict, hash=False)

    def geldig_op(self, peildatum: date) -> bool:
        return self.geldig_vanaf <= peildatum and (
            self.geldig_tot is None or peildatum <= self.geldig_tot
        )

    def eigen_feit(self, gid: str) -> str:
        """The rule engine's fact for this regeling's value of a per-regeling quantity (its
        income limit): in the regeling's own conditions and texts it is simply `gid`."""
        return f"{self.id}.{gid}"


@dataclass(frozen=True)
class Gemeente:
    slug: str
    naam: str
    cbs_code: str
    bestand: str
    omschrijving: str = ""


@dataclass(frozen=True)
class Beleid:
    """The resolved policy of one gemeente: basispakket + its overlay (any peildatum)."""

    gemeente: Gemeente
    parameters: dict[str, Parameter] = field(hash=False)
    feiten: dict[str, Feit] = field(hash=False)
    regelingen: dict[str, tuple[Regeling, ...]] = field(hash=False)
    uitgeschakeld: tuple[str, ...] = ()
    versie: str = ""

    def regelingen_op(self, peildatum: date) -> dict[str, Regeling]:
        """The version of every regeling in force on `peildatum`, by id."""
        result = {}
        for rid, versies in sorted(self.regelingen.items()):
            for r in versies:
                if r.geldig_op(peildatum):
                    result[rid] = r
        return result


@dataclass(frozen=True)
class Besluitlogica:
    """How a besluit's outcome follows from its grounds (rules/algemeen/besluitlogica.yaml)."""

    uitkomsten: tuple[tuple[str, str | None], ...]  # (uitkomst, als); the first that holds
    termijnen_na_afwijzing: bool
    aanvraag_alleen_met_casusdeel: bool
    toetsbedragen: tuple[str, ...]
    mogelijk_recht: tuple[str, ...] = ()  # outcomes of a regeling not applied for to list

    def uitkomst(self, waar: frozenset[str]) -> str:
        """The outcome of the first rule whose `als` is among `waar` (or has none)."""
        return next(u for u, als in self.uitkomsten if als is None or als in waar)


@dataclass(frozen=True)
class Rechtsmiddelen:
    tekst: str
    bron: Bron


@dataclass(frozen=True)
class Regelset:
    """The basispakket plus all overlays, as loaded from one rules root."""

    parameters: dict[str, Parameter] = field(hash=False)
    feiten: dict[str, Feit] = field(hash=False)
    regelingen: dict[str, tuple[Regeling, ...]] = field(hash=False)
    gemeenten: dict[str, Gemeente] = field(hash=False)
    beleid: dict[str, Beleid] = field(hash=False)
    normbepaling: Normbepaling | None
    rechtsmiddelen: Rechtsmiddelen
    basis_hash: str
    feestdagen: tuple[dict[str, Any], ...] = field(default=(), hash=False)
    kalender_bron: Bron | None = None
    kalender_teksten: dict[str, str] = field(default_factory=dict, hash=False)
    teksten: dict[str, str] = field(default_factory=dict, hash=False)  # engine's own texts
    grootheden: Mapping[str, Grootheid] = field(default_factory=dict, hash=False)
    besluitlogica: Besluitlogica | None = None
    # The input forms of `sora-rules serve` (`soort: formulier`), by id; intake.py reads them.
    formulieren: Mapping[str, Mapping[str, Any]] = field(default_factory=dict, hash=False)

    def versie(self, gemeente: str) -> str:
        """Content hash of the files a decision for `gemeente` rests on."""
        return self.beleid[gemeente].versie


def combined_hash(*parts: str) -> str:
    h = hashlib.sha256()
    for part in parts:
        h.update(part.encode() + b"\0")
    return "sha256:" + h.hexdigest()

"""The minima-effect report (issue #11, analysis 2), after Nibud's minima-effectrapportage.

Why: a gemeente's schemes each have their own income limit; where a household
earning a little more loses a scheme worth more than that extra income, work does
not pay (the poverty trap). Harmonising the six gemeenten means seeing those
cliffs side by side, for the same standard households.

For every gemeente and standard household the engine decides all regelingen at
a net monthly income from work of 100% to 150% of the household's bijstandsnorm,
in steps of 1%. The support per year is the sum of:

- algemene bijstand: 12 × `per_maand` when toegekend. AOW households are
  `doorverwezen` to the SVB (AIO, art. 47a Pw); their aanvulling counts as
  12 × (norm − inkomen) when positive, although the SVB pays it;
- every other regeling that is toegekend, valued per year: `per_jaar`,
  12 × `per_maand` and `eenmalig`. One without an amount (collectieve
  zorgverzekering) counts € 0 and is listed under `zonder_bedrag`.

Bijzondere bijstand and schuldhulpverlening are left out: they answer an
application for costs or debts, not an income level.

Pure apart from the engine: an `Engine` and a peildatum in, plain data out;
`render_minima_effect` turns it into Dutch text, the JSON is `listing.to_json`.
"""

from __future__ import annotations

import textwrap
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from .calculate import round_cents
from .engine import Engine
from .explain import Besluit
from .harmonisatie import BREEDTE, check_peildatum
from .listing import beleid_van
from .teksten import Teksten, euro_text, getal, standaard_teksten

__all__ = ["HUISHOUDENS", "PROCENTEN", "Huishouden", "armoedevallen", "casus",
           "grensovergangen", "huishouden_naam", "minima_effect", "render_minima_effect",
           "stap_waarden"]

PROCENTEN = tuple(range(100, 151))  # income as % of the norm: Nibud's usual 100–150%
TABELSTAP = 5  # the text table shows every 5%, plus the points around a cliff
BIJSTAND = "algemene_bijstand"
AANVRAGEN = frozenset({"bijzondere_bijstand", "schuldhulpverlening"})  # not income-driven
_MINIMA = {"maanden_laag_inkomen": 36, "zicht_op_inkomensverbetering": False}  # IIT: long low
_JAAR = Decimal(12)
_NUL = Decimal(0)


@dataclass(frozen=True)
class Huishouden:
    """A standard household type: ages on the peildatum of the aanvrager, the
    partner (None: alleenstaand) and the children. `sleutel` is its Dutch label in
    the catalogue; the last part of it is the household's id."""

    sleutel: str
    leeftijd: int
    partner: int | None
    kinderen: tuple[int, ...] = ()

    @property
    def id(self) -> str:
        return self.sleutel.rsplit(".", 1)[1]


# Nibud's standard types (not policy, so not in rules/): working age 35, children of
# school age 6 and 9, and the AOW age 70 (well past the AOW age of any peildatum).
HUISHOUDENS: tuple[Huishouden, ...] = (
    Huishouden("minima_effect.huishouden.alleenstaande", 35, None),
    Huishouden("minima_effect.huishouden.alleenstaande_ouder_een_kind", 35, None, (6,)),
    Huishouden("minima_effect.huishouden.alleenstaande_ouder_twee_kinderen", 35, None, (6, 9)),
    Huishouden("minima_effect.huishouden.paar", 35, 35),
    Huishouden("minima_effect.huishouden.paar_twee_kinderen", 35, 35, (6, 9)),
    Huishouden("minima_effect.huishouden.aow_alleenstaande", 70, None),
    Huishouden("minima_effect.huishouden.aow_paar", 70, 70),
)


# ---------------------------------------------------------------------------- cases


def _geboren(dag: date, jaren: int) -> str:
    """The birth date of someone exactly `jaren` old on `dag` (29 Feb → 28 Feb)."""
    try:
        return dag.replace(year=dag.year - jaren).isoformat()
    except ValueError:
        return dag.replace(year=dag.year - jaren, day=28).isoformat()


def casus(h: Huishouden, slug: str, dag: date, inkomen: Decimal | None) -> dict[str, Any]:
    """The case of household `h` in `slug`: all income from work on the aanvrager
    (None: no income), no vermogen, long on a low income without prospects."""
    persoon = {"verblijfsstatus": "nederlander"}
    data: dict[str, Any] = {
        "aanvrager": {"geboortedatum": _geboren(dag, h.leeftijd), "woonplaats": slug, **persoon},
        "inkomsten": [] if inkomen is None else [
            {"persoon": "aanvrager", "soort": "arbeid", "netto_per_maand": inkomen}],
        "vermogen": {"bezittingen": 0}, "minima": dict(_MINIMA)}
    if h.partner is not None:
        data["partner"] = {"geboortedatum": _geboren(dag, h.partner), **persoon}
    if h.kinderen:
        data["kinderen"] = [{"geboortedatum": _geboren(dag, k)} for k in h.kinderen]
    return data


# ---------------------------------------------------------------------------- values


def _jaarwaarde(b: Besluit) -> Decimal | None:
    """A granted scheme's worth per year; None when it carries no amount."""
    delen = [b.bedrag[s] * f for s, f in (("per_jaar", 1), ("per_maand", _JAAR),
                                          ("eenmalig", 1)) if s in b.bedrag]
    return sum(delen, _NUL) if delen else None


def _bijstand(b: Besluit, inkomen: Decimal) -> Decimal:
    """Algemene bijstand per year; for a household the SVB serves, the AIO it pays."""
    if b.uitkomst == "toegekend":
        return b.bedrag.get("per_maand", _NUL) * _JAAR
    if b.uitkomst == "doorverwezen" and "norm" in b.bedrag:
        return max(b.bedrag["norm"] - inkomen, _NUL) * _JAAR
    return _NUL


def _punt(besluiten: Sequence[Besluit], procent: int, inkomen: Decimal) -> dict[str, Any]:
    """One income point: the support per regeling present (bijstand only when > 0)."""
    per_regeling: dict[str, Decimal] = {}
    zonder: list[str] = []
    for b in besluiten:
        if b.regeling == BIJSTAND:
            waarde: Decimal | None = _bijstand(b, inkomen)
            if waarde:
                per_regeling[b.regeling] = waarde
        elif b.uitkomst == "toegekend":
            waarde = _jaarwaarde(b)
            per_regeling[b.regeling] = _NUL if waarde is None else waarde
            if waarde is None:
                zonder.append(b.regeling)
    return {"procent": procent, "inkomen_per_maand": inkomen,
            "steun_per_jaar": sum(per_regeling.values(), _NUL),
            "per_regeling": dict(sorted(per_regeling.items())), "zonder_bedrag": sorted(zonder)}


def _regeling_ids(engine: Engine, slug: str, dag: date) -> list[str]:
    """The regelingen in force in `slug` except the applications (bijzondere bijstand,
    schuldhulpverlening)."""
    return sorted(rid for rid in engine.regelset.beleid[slug].regelingen_op(dag)
                  if rid not in AANVRAGEN)


def _reeks(engine: Engine, slug: str, h: Huishouden, dag: date, ids: list[str]
           ) -> dict[str, Any]:
    """Household `h` in `slug` at 100–150% of its norm (the norm decided at no income)."""
    def besluit(inkomen: Decimal | None) -> Sequence[Besluit]:
        return engine.evaluate(casus(h, slug, dag, inkomen), gemeente=slug, peildatum=dag,
                               regelingen=ids).besluiten

    nul = {b.regeling: b for b in besluit(None)}
    norm = nul[BIJSTAND].bedrag["norm"]
    punten = []
    for procent in PROCENTEN:
        inkomen = round_cents(norm * procent / 100)
        punten.append(_punt(besluit(inkomen), procent, inkomen))
    return {"gemeente": slug, "gemeente_naam": engine.regelset.beleid[slug].gemeente.naam,
            "huishouden": h.id, "norm": norm, "aio_svb": nul[BIJSTAND].uitkomst == "doorverwezen",
            "punten": punten}


# ----------------------------------------------------------------------- the cliffs


def _stap(reeks: Mapping[str, Any], van: Mapping[str, Any], naar: Mapping[str, Any]
          ) -> dict[str, Any]:
    """Who and where: the gemeente, household and both income points of a step."""
    def plek(p: Mapping[str, Any]) -> dict[str, Any]:
        return {"procent": p["procent"], "inkomen_per_maand": p["inkomen_per_maand"]}

    verloren = sorted(set(van["per_regeling"]) - set(naar["per_regeling"]))
    return {"gemeente": reeks["gemeente"], "huishouden": reeks["huishouden"],
            "van": plek(van), "naar": plek(naar), "vervallen": verloren}


def armoedevallen(reeks: Mapping[str, Any]) -> list[dict[str, Any]]:
    """Steps where the support falls by more than the income gained over the year:
    the household has less to spend after earning more."""
    vallen = []
    for van, naar in zip(reeks["punten"], reeks["punten"][1:], strict=False):
        meer = (naar["inkomen_per_maand"] - van["inkomen_per_maand"]) * _JAAR
        minder = van["steun_per_jaar"] - naar["steun_per_jaar"]
        if meer - minder < 0:
            vallen.append({**_stap(reeks, van, naar), "meer_inkomen_per_jaar": meer,
                           "minder_steun_per_jaar": minder, "verlies_per_jaar": minder - meer})
    return vallen


def grensovergangen(reeks: Mapping[str, Any]) -> list[dict[str, Any]]:
    """Steps where a regeling present at the lower income is gone at the next: the
    income limit of that scheme lies in between."""
    stappen = (_stap(reeks, van, naar)
               for van, naar in zip(reeks["punten"], reeks["punten"][1:], strict=False))
    return [s for s in stappen if s["vervallen"]]


def _gemeenten(engine: Engine, gemeenten: Sequence[str] | None, t: Teksten) -> list[str]:
    """The gemeenten asked for (each known, else `InvoerFout`), sorted; default all."""
    slugs = sorted(set(gemeenten)) if gemeenten else sorted(engine.regelset.beleid)
    for slug in slugs:
        beleid_van(engine.regelset, slug, t)
    return slugs


def minima_effect(engine: Engine | None, peildatum: date,
                  gemeenten: Sequence[str] | None = None, teksten: Teksten | None = None
                  ) -> dict[str, Any]:
    """The report on `peildatum` for `gemeenten` (default all) × `HUISHOUDENS`.

    Series in gemeente order, then household order; deterministic for the same rules.
    """
    t = teksten if teksten is not None else standaard_teksten()
    engine = engine if engine is not None else Engine()
    check_peildatum(engine.regelset, peildatum, t)
    slugs = _gemeenten(engine, gemeenten, t)
    reeksen = []
    for slug in slugs:
        ids = _regeling_ids(engine, slug, peildatum)
        reeksen += [_reeks(engine, slug, h, peildatum, ids) for h in HUISHOUDENS]
    return {"peildatum": peildatum.isoformat(), "huishoudens": [h.id for h in HUISHOUDENS],
            "gemeenten": slugs, "reeksen": reeksen,
            "armoedevallen": [v for r in reeksen for v in armoedevallen(r)],
            "grensovergangen": [g for r in reeksen for g in grensovergangen(r)]}


# ------------------------------------------------------------------------ rendering


def huishouden_naam(hid: str, t: Teksten) -> str:
    """The Dutch label of a household type, its ages filled in from `HUISHOUDENS`."""
    h = next(x for x in HUISHOUDENS if x.id == hid)
    kinderen = t.tekst("diff.en").join(str(k) for k in h.kinderen)
    return t.tekst(h.sleutel, leeftijd=h.leeftijd, kinderen=kinderen)


_HEEL = "\u00a0"  # a space textwrap does not break at: "€ 1.401,50" stays on one line


def _wrap(tekst: str, inspring: str = "", vervolg: str = "      ") -> list[str]:
    """Wrap to `BREEDTE` without breaking words, identifiers or amounts."""
    regels = textwrap.wrap(tekst.replace("€ ", "€" + _HEEL), width=BREEDTE,
                           initial_indent=inspring, subsequent_indent=vervolg,
                           break_long_words=False, break_on_hyphens=False)
    return [r.replace(_HEEL, " ") for r in regels] or [inspring.rstrip()]


def _kolommen(merk: str, procent: str, inkomen: str, steun: str, rest: str) -> list[str]:
    """One table line, wrapped in its last column; widths fit the longest heading."""
    kop = f"  {merk:1} {procent:>4} {inkomen:>17} {steun:>14}  "
    return _wrap(rest, kop, " " * len(kop))


def _regelingen_tekst(punt: Mapping[str, Any], t: Teksten) -> str:
    """The regelingen of a point, those without an amount marked."""
    merk = t.tekst("minima_effect.merk_zonder_bedrag")
    ids = [rid + (merk if rid in punt["zonder_bedrag"] else "") for rid in punt["per_regeling"]]
    return ", ".join(ids) or t.tekst("lijst.geen")


def _waarden(punt: Mapping[str, Any], t: Teksten) -> str:
    """What each regeling is worth per year at one point, for the series' heading."""
    merk = t.tekst("minima_effect.merk_zonder_bedrag")
    return ", ".join(rid + (merk if rid in punt["zonder_bedrag"] else " " + euro_text(w))
                     for rid, w in punt["per_regeling"].items()) or t.tekst("lijst.geen")


def _tabel(reeks: Mapping[str, Any], vallen: set[int], tonen: set[int], t: Teksten
           ) -> list[str]:
    """A series as a table: every `TABELSTAP`%, and both sides of every cliff (`tonen`);
    the income reached by a poverty trap (`vallen`) is marked."""
    eerste = reeks["punten"][0]
    kop = t.tekst("minima_effect.reeks", gemeente=reeks["gemeente_naam"],
                  slug=reeks["gemeente"], huishouden=huishouden_naam(reeks["huishouden"], t),
                  norm=euro_text(reeks["norm"]))
    lines = ["", *_wrap(kop, "", "    ")]
    if reeks["aio_svb"]:
        lines.append("  " + t.tekst("minima_effect.aio_kort"))
    lines += _wrap(t.tekst("minima_effect.waarden", procent=eerste["procent"],
                           lijst=_waarden(eerste, t)), "  ")
    lines += _kolommen("", t.tekst("minima_effect.kolom_procent"),
                       t.tekst("minima_effect.kolom_inkomen"), t.tekst("minima_effect.kolom_steun"),
                       t.tekst("minima_effect.kolom_regelingen"))
    vorige = None
    for p in reeks["punten"]:
        if p["procent"] % TABELSTAP and p["procent"] not in tonen:
            continue
        merk = t.tekst("minima_effect.merk_val") if p["procent"] in vallen else ""
        nu = _regelingen_tekst(p, t)
        lines += _kolommen(merk, f"{p['procent']}%", euro_text(p["inkomen_per_maand"]),
                           euro_text(p["steun_per_jaar"]), "" if nu == vorige else nu)
        vorige = nu
    return lines


def stap_waarden(s: Mapping[str, Any], t: Teksten) -> dict[str, str]:
    """The placeholders a trap and a crossing share."""
    return {"gemeente": s["gemeente"], "huishouden": huishouden_naam(s["huishouden"], t),
            "van": euro_text(s["van"]["inkomen_per_maand"]), "van_pct": getal(s["van"]["procent"]),
            "naar": euro_text(s["naar"]["inkomen_per_maand"]),
            "naar_pct": getal(s["naar"]["procent"]),
            "regelingen": ", ".join(s["vervallen"]) or t.tekst("lijst.geen")}


_KOP_REGEL = {"armoedevallen": ("minima_effect.armoedevallen", "minima_effect.armoedeval"),
             "grensovergangen": ("minima_effect.grensovergangen",
                                 "minima_effect.grensovergang")}  # heading, line of a list


def _stappen(data: Mapping[str, Any], soort: str, t: Teksten) -> list[str]:
    """The list of poverty traps or crossings, one wrapped line each."""
    stappen = data[soort]
    kop, regel = _KOP_REGEL[soort]
    lines = ["", *_wrap(t.tekst(kop, aantal=len(stappen)), "", "    ")]
    for s in stappen:
        extra = {} if soort == "grensovergangen" else {
            "inkomen": euro_text(s["meer_inkomen_per_jaar"]),
            "steun": euro_text(s["minder_steun_per_jaar"]),
            "verlies": euro_text(s["verlies_per_jaar"])}
        tekst = t.tekst(regel, **stap_waarden(s, t), **extra)
        lines += _wrap(tekst, "  ")
    if not stappen:
        lines.append("  " + t.tekst("lijst.geen"))
    return lines


def _kop(data: Mapping[str, Any], t: Teksten) -> list[str]:
    """The report's heading and how to read it."""
    tekst = [t.tekst("minima_effect.kop", peildatum=data["peildatum"],
                     gemeenten=len(data["gemeenten"]), huishoudens=len(data["huishoudens"]),
                     van=PROCENTEN[0], tot=PROCENTEN[-1]),
             t.tekst("minima_effect.uitleg"), t.tekst("minima_effect.aio"),
             t.tekst("minima_effect.legenda", zonder=t.tekst("minima_effect.merk_zonder_bedrag"),
                     val=t.tekst("minima_effect.merk_val"), stap=TABELSTAP)]
    return [r for alinea in tekst for r in _wrap(alinea, "", "")]


def _van_reeks(stappen: list[dict[str, Any]], reeks: Mapping[str, Any]
               ) -> list[dict[str, Any]]:
    """The steps (traps or crossings) of one series."""
    return [s for s in stappen if (s["gemeente"], s["huishouden"])
            == (reeks["gemeente"], reeks["huishouden"])]


def render_minima_effect(data: Mapping[str, Any], teksten: Teksten | None = None) -> str:
    """The report for a terminal: heading, a table per gemeente and household, then
    the poverty traps and the crossed income limits."""
    t = teksten if teksten is not None else standaard_teksten()
    lines = _kop(data, t)
    for reeks in data["reeksen"]:
        vallen = _van_reeks(data["armoedevallen"], reeks)
        grenzen = _van_reeks(data["grensovergangen"], reeks)
        lines += _tabel(reeks, {s["naar"]["procent"] for s in vallen},
                        {p for s in vallen + grenzen
                         for p in (s["van"]["procent"], s["naar"]["procent"])}, t)
    lines += _stappen(data, "armoedevallen", t) + _stappen(data, "grensovergangen", t)
    return "\n".join(lines) + "\n"

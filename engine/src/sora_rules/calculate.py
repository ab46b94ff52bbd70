"""Named calculation kinds the law fixes, parameterised from YAML.

(The norm, the kostendelersnorm, the vakantietoeslag and the income limits are
quantities with formulas in YAML: rules/participatiewet/normberekening.yaml.)

- `bedrag`: an amount from a parameter (possibly per leefvorm), from a fact, or
  from an age table summed over the household's members.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from .explain import datum_tekst, euro_text, vul
from .facts import Context, Feiten, age_on, cents, lookup, parse_date

CENT = Decimal("0.01")


def euro(cents_value: int) -> Decimal:
    return (Decimal(cents_value) / 100).quantize(CENT)


def round_cents(amount: Decimal) -> Decimal:
    return amount.quantize(CENT, rounding=ROUND_HALF_UP)


def _dec(value: Any) -> Decimal:
    return Decimal(str(value))


@dataclass(frozen=True)
class Uitkomst:
    """Stage-2 facts (cents) plus the text of the calculation ground, or what is missing."""

    waarden: dict[str, int]
    tekst: str
    ontbrekend: tuple[str, ...] = ()


def _band_amount(table: list[dict[str, Any]], leeftijd: int, aow: bool) -> Decimal:
    for band in table:
        van, tot = band.get("van", 0), band.get("tot")
        past_van = aow if van == "aow" else leeftijd >= int(van)
        past_tot = True if tot is None else (not aow if tot == "aow" else leeftijd < int(tot))
        if past_van and past_tot:
            return _dec(band["bedrag"])
    return Decimal(0)


def bedrag(spec: Any, feiten: Feiten, stage2: Mapping[str, int], case: Mapping[str, Any],
           ctx: Context) -> tuple[Decimal | None, tuple[str, ...]]:
    """Evaluate one `bedrag` spec: (amount, missing case paths)."""
    if isinstance(spec, list):
        total, missing = Decimal(0), list[str]()
        for item in spec:
            amount, miss = bedrag(item, feiten, stage2, case, ctx)
            missing.extend(miss)
            total += amount or 0
        return (None, tuple(missing)) if missing else (round_cents(total), ())
    if isinstance(spec, str):
        if spec in stage2:
            return euro(stage2[spec]), ()
        if spec in feiten.waarden:
            return euro(feiten.waarden[spec]), ()
        return None, feiten.ontbrekend.get(spec, ())
    if "parameter" in spec:
        pid = spec["parameter"]
        param = ctx.parameters[pid]
        if param.per:
            if pid in feiten.waarden:
                return euro(feiten.waarden[pid]), ()
            return None, feiten.ontbrekend.get(pid, ())
        return round_cents(_dec(ctx.param(pid))), ()
    table = ctx.param(spec["leeftijdstabel"])
    total, missing = Decimal(0), []
    for wie in spec["personen"]:
        if wie == "kinderen":
            for i, kind in enumerate(case.get("kinderen") or []):
                if kind.get("geboortedatum") is None:
                    missing.append(f"kinderen[{i}].geboortedatum")
                    continue
                total += _band_amount(table, age_on(parse_date(kind["geboortedatum"]),
                                                    ctx.peildatum), False)
        elif f"{wie}.leeftijd" in feiten.waarden:
            total += _band_amount(table, feiten.waarden[f"{wie}.leeftijd"],
                                  bool(feiten.waarden.get(f"{wie}.aow")))
        elif f"{wie}.leeftijd" in feiten.ontbrekend:
            missing.extend(feiten.ontbrekend[f"{wie}.leeftijd"])
    return (None, tuple(missing)) if missing else (round_cents(total), ())


@dataclass(frozen=True)
class Stap:
    """One step of a calculation, shown as a ground of the decision."""

    regel: str
    tekst: str
    bron: Any  # model.Bron


@dataclass(frozen=True)
class Vergoeding:
    """Bijzondere bijstand: the amount (cents), each step, warnings, or what is missing."""

    cents: int
    boven_drempel: int = 0  # cents of the costs left after the drempel (art. 35 lid 2)
    stappen: tuple[Stap, ...] = ()
    waarschuwingen: tuple[str, ...] = ()
    ontbrekend: tuple[str, ...] = ()


def bijzondere_bijstand(opties: Mapping[str, Any], feiten: Feiten, stage2: Mapping[str, int],
                        case: Mapping[str, Any], ctx: Context, bron_van: Callable[[Any], Any]
                        ) -> Vergoeding:
    """Vergoeding = kosten − drempel (art. 35 lid 2) − draagkracht, never negative.

    Items are taken in date order; the drempel and the draagkracht over the
    period are used up once, by the first items, not once per item.
    """
    missing: list[str] = []
    for naam in ("inkomen.meetellend", "vermogen.netto"):
        if naam not in feiten.waarden:
            missing.extend(feiten.ontbrekend.get(naam, (naam,)))
    items = []
    for i, item in enumerate(case.get("kosten") or []):
        for key in ("bedrag", "datum"):
            if item.get(key) is None:
                missing.append(f"kosten[{i}].{key}")
        if item.get("bedrag") is not None and item.get("datum") is not None:
            items.append((parse_date(item["datum"]), i, item))
    if not case.get("kosten"):
        missing.append("kosten")
    if missing or "bijstand.norm" not in stage2:
        return Vergoeding(0, ontbrekend=tuple(missing))

    norm = euro(stage2["bijstand.norm"])
    inkomen = euro(feiten.waarden["inkomen.meetellend"])
    basis = round_cents(norm * _dec(ctx.param(opties["inkomensbasis_pct"])) / 100)
    boven = max(Decimal(0), inkomen - basis)
    pct = _dec(ctx.param(opties["draagkracht_pct"]))
    maanden = int(opties["maanden"])
    dk_inkomen = round_cents(boven * pct / 100 * maanden)
    grens = euro(feiten.waarden["pw.vermogensgrens"])
    vermogen = euro(feiten.waarden["vermogen.netto"])
    dk_vermogen = max(Decimal(0), vermogen - grens)
    draagkracht = dk_inkomen + dk_vermogen
    teksten = opties["tekst"]
    vermogen_zin = vul(teksten["vermogen_boven_grens" if dk_vermogen else "vermogen_onder_grens"],
                       vermogen=euro_text(vermogen), uit_vermogen=euro_text(dk_vermogen),
                       grens=euro_text(grens))
    stappen = [Stap("bb.draagkracht", vul(
        teksten["draagkracht"], inkomen=euro_text(inkomen),
        basis_pct=ctx.param(opties["inkomensbasis_pct"]), norm=euro_text(norm),
        basis=euro_text(basis), boven=euro_text(boven), pct=pct, maanden=maanden,
        uit_inkomen=euro_text(dk_inkomen), vermogen_zin=vermogen_zin,
        draagkracht=euro_text(draagkracht)), bron_van(opties["bron_draagkracht"]))]

    drempel_param = ctx.parameters[opties["drempel"]]
    eerste = drempel_param.waarden[0]
    waarschuwingen = []
    gebruikt_drempel = Decimal(0)
    over_draagkracht = draagkracht
    totaal = boven_drempel = Decimal(0)
    bron_drempel = bron_van(opties["bron_drempel"])
    for datum, i, item in sorted(items, key=lambda t: (t[0], t[1])):
        waarde = drempel_param.op(datum)
        if waarde is None:
            waarde = eerste
            waarschuwingen.append(vul(teksten["drempel_onbekend"], vanaf=datum_tekst(eerste.vanaf),
                                      pad=f"kosten[{i}]", drempel=euro_text(_dec(eerste.waarde))))
        drempel = _dec(waarde.waarde)
        kosten = _dec(item["bedrag"])
        eigen = min(kosten, max(Decimal(0), drempel - gebruikt_drempel))
        gebruikt_drempel += eigen
        boven_drempel += kosten - eigen
        dk = min(kosten - eigen, over_draagkracht)
        over_draagkracht -= dk
        vergoed = kosten - eigen - dk
        totaal += vergoed
        omschrijving = item.get("omschrijving") or f"kostenpost {i + 1}"
        stappen.append(Stap(f"bb.kosten[{i}]", vul(
            teksten["kosten"], omschrijving=omschrijving, datum=datum_tekst(datum),
            kosten=euro_text(kosten), drempel=euro_text(drempel), eigen=euro_text(eigen),
            uit_draagkracht=euro_text(dk), vergoed=euro_text(vergoed)), bron_drempel))
    return Vergoeding(cents(totaal), cents(boven_drempel), tuple(stappen), tuple(waarschuwingen))


@dataclass(frozen=True)
class Termijn:
    datum: Any  # date
    stap: Stap | None
    ontbrekend: tuple[str, ...] = ()


def termijn(spec: Mapping[str, Any], geldend: Callable[[int], bool], case: Mapping[str, Any],
            eerder: Mapping[str, Any], ctx: Context, kalender: Any,
            bron_van: Callable[[Any], Any], termijn_namen: frozenset[str] = frozenset(),
            teksten: Mapping[str, str] | None = None) -> Termijn:
    """The earliest date among the applicable term rules (werkdagen or weeks after `vanaf`)."""
    vanaf_naam = spec["vanaf"]
    if vanaf_naam in eerder:
        vanaf = eerder[vanaf_naam]
    elif vanaf_naam in termijn_namen:
        return Termijn(None, None)  # the earlier term could not be set; it names what is missing
    else:
        state, value = lookup(case, vanaf_naam)
        if state != "ok":
            return Termijn(None, None, (vanaf_naam,))
        vanaf = parse_date(value)
    beste: tuple[Any, int, dict[str, Any], int] | None = None
    for k, regel in enumerate(spec["regels"]):
        if not geldend(k):
            continue
        if "werkdagen" in regel:
            n = int(regel["werkdagen"])
            datum = kalender.plus_werkdagen(vanaf, n)
        else:
            weken = regel["weken"]
            n = int(ctx.param(weken)) if isinstance(weken, str) else int(weken)
            datum = kalender.plus_weken(vanaf, n)
        if beste is None or datum < beste[0]:
            beste = (datum, k, regel, n)
    if beste is None:
        return Termijn(None, None)
    datum, _, regel, n = beste
    tekst = (regel["tekst"].replace("{weken}", str(n)).replace("{werkdagen}", str(n))
             .replace("{vanaf}", datum_tekst(vanaf)).replace("{datum}", datum_tekst(datum)))
    extra = teksten or {}
    if isinstance(regel.get("weken"), str):
        param = ctx.parameters[regel["weken"]]
        waarde = param.op(ctx.peildatum)
        if param.pakket == "plus" and waarde is not None and "keuze_gemeente" in extra:
            tekst += " " + vul(extra["keuze_gemeente"], grondslag=param.grondslag.kort(),
                               status=waarde.status)
    if "werkdagen" in regel:
        skipped = kalender.overgeslagen(vanaf, datum)
        if skipped and "niet_werkdag" in extra:
            dagen = ", ".join(f"{naam} ({datum_tekst(d)})" for d, naam in skipped)
            tekst += " " + vul(extra["niet_werkdag"], dagen=dagen)
    else:
        einde = vanaf + timedelta(weeks=n)
        if einde != datum and "doorgeschoven" in extra:
            tekst += " " + vul(extra["doorgeschoven"], einde=datum_tekst(einde))
    return Termijn(datum, Stap(regel["regel"], tekst, bron_van(regel["bron"])))

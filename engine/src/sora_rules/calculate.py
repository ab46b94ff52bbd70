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

from .explain import datum_tekst, vul
from .facts import Context, Feiten, age_on, lookup, parse_date

CENT = Decimal("0.01")


def euro(cents_value: int) -> Decimal:
    return (Decimal(cents_value) / 100).quantize(CENT)


def round_cents(amount: Decimal) -> Decimal:
    return amount.quantize(CENT, rounding=ROUND_HALF_UP)


def _dec(value: Any) -> Decimal:
    return Decimal(str(value))


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

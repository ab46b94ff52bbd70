"""Named calculation kinds the law fixes, parameterised from YAML.

- `bijstandsnorm`: the norm of the selected category (art. 20–22 Pw), replaced
  by the kostendelersnorm of art. 22a when kostendelende medebewoners share the
  home, with its vakantietoeslag part (art. 19 lid 3) and the amount after income;
- `inkomensgrens`: X% of the applicable norm, the income test of all minima schemes;
- `bedrag`: an amount from a parameter (possibly per leefvorm), from a fact, or
  from an age table summed over the household's members.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from .facts import Context, Feiten, age_on, cents, parse_date
from .model import Categorie, Inkomenstoets, Normbepaling

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


def bijstandsnorm(nb: Normbepaling, categorie: Categorie, feiten: Feiten, ctx: Context,
                  fill: Callable[[str, Mapping[str, int]], str]) -> Uitkomst:
    opties = nb.berekening
    kd_naam = "huishouden.kostendelers"
    teksten = opties["tekst"]
    personen = [feiten.waarden.get("aanvrager.leeftijd")]
    if feiten.waarden.get("partner.aanwezig"):
        personen.append(feiten.waarden.get("partner.leeftijd"))
    minimum = int(opties["minimumleeftijd"])
    volwassen = [p for p in personen if p is not None and p >= minimum]

    basisnorm = _dec(ctx.param(categorie.norm))
    norm = basisnorm
    a = 0
    regels: list[str] = []
    if categorie.kostendelers_basis is None:
        regels.append(teksten["jonger_dan_21"])
    elif kd_naam in feiten.ontbrekend:
        return Uitkomst({}, "", feiten.ontbrekend[kd_naam])
    elif feiten.waarden.get(kd_naam, 0) > 0 and volwassen:
        a = feiten.waarden[kd_naam] + len(volwassen)
        basis = _dec(ctx.param(categorie.kostendelers_basis))
        pct = _dec(ctx.param(opties["basis_pct"])) + a * _dec(ctx.param(opties["per_persoon_pct"]))
        per_persoon = round_cents(pct * basis / (a * 100))
        norm = per_persoon * len(volwassen)
        jong = categorie.kostendelers_jongere_partner or categorie.norm
        norm += _dec(ctx.param(jong)) * (len(personen) - len(volwassen))
    vakantie = round_cents(norm * _dec(ctx.param(opties["vakantietoeslag_pct"])) / 100)
    waarden = {"bijstand.norm": cents(norm), "bijstand.norm_zonder_kostendelers": cents(basisnorm),
               "bijstand.vakantietoeslag": cents(vakantie), "kostendelers.a": a}
    if "inkomen.meetellend" in feiten.waarden:
        waarden["bijstand.bedrag"] = waarden["bijstand.norm"] - feiten.waarden["inkomen.meetellend"]
    if categorie.kostendelers_basis is not None:
        regels.insert(0, teksten["van_toepassing" if a else "niet_van_toepassing"])
    for nummer, reden in feiten.details.get(kd_naam, ()):
        regels.append(teksten["uitgezonderd"].replace("{nummer}", str(nummer))
                      .replace("{reden}", reden))
    return Uitkomst(waarden, fill(" ".join(regels), waarden))


def inkomensgrens(toets: Inkomenstoets, norm: Mapping[str, int], ctx: Context) -> int:
    """X% of the applicable norm (with/without kostendelersnorm, incl./excl. vakantietoeslag)."""
    key = "bijstand.norm" if toets.kostendelersnorm else "bijstand.norm_zonder_kostendelers"
    basis = euro(norm[key])
    if not toets.vakantietoeslag:
        pct = _dec(ctx.param("pw.vakantietoeslag_pct"))
        basis -= round_cents(basis * pct / 100)
    return cents(round_cents(basis * _dec(ctx.param(toets.percentage)) / 100))


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
        total, missing = Decimal(0), []
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

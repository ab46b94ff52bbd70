"""Named calculation kinds the law fixes, parameterised from the regeling's YAML.

`bijstandsnorm`: the norm of the selected category (art. 20–22 Pw), replaced by
the kostendelersnorm of art. 22a when kostendelende medebewoners share the
home, plus the vakantietoeslag part (art. 19 lid 3) and the amount after income.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from .facts import Context, Feiten
from .model import Categorie

CENT = Decimal("0.01")


def euro(cents_value: int) -> Decimal:
    return (Decimal(cents_value) / 100).quantize(CENT)


def round_cents(amount: Decimal) -> Decimal:
    return amount.quantize(CENT, rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class Uitkomst:
    """Stage-2 facts (cents) plus the text of the calculation ground, or what is missing."""

    waarden: dict[str, int]
    tekst: str
    ontbrekend: tuple[str, ...] = ()


def bijstandsnorm(opties: Mapping[str, Any], categorie: Categorie, feiten: Feiten,
                  ctx: Context, fill: Any) -> Uitkomst:
    kd_naam = "huishouden.kostendelers"
    teksten = opties["tekst"]
    personen = [feiten.waarden.get("aanvrager.leeftijd")]
    if feiten.waarden.get("partner.aanwezig"):
        personen.append(feiten.waarden.get("partner.leeftijd"))
    minimum = int(opties["minimumleeftijd"])
    volwassen = [p for p in personen if p is not None and p >= minimum]

    norm = Decimal(str(ctx.param(categorie.norm)))
    a = 0
    regels: list[str] = []
    if categorie.kostendelers_basis is None:
        regels.append(teksten["jonger_dan_21"])
    elif kd_naam in feiten.ontbrekend:
        return Uitkomst({}, "", feiten.ontbrekend[kd_naam])
    elif feiten.waarden.get(kd_naam, 0) > 0 and volwassen:
        a = feiten.waarden[kd_naam] + len(volwassen)
        basis = Decimal(str(ctx.param(categorie.kostendelers_basis)))
        pct = Decimal(str(ctx.param(opties["basis_pct"]))) + a * Decimal(
            str(ctx.param(opties["per_persoon_pct"])))
        per_persoon = round_cents(pct * basis / (a * 100))
        norm = per_persoon * len(volwassen)
        for _ in range(len(personen) - len(volwassen)):
            jong = categorie.kostendelers_jongere_partner or categorie.norm
            norm += Decimal(str(ctx.param(jong)))
    vakantie = round_cents(norm * Decimal(str(ctx.param(opties["vakantietoeslag_pct"]))) / 100)
    waarden = {"bijstand.norm": int(norm * 100), "bijstand.vakantietoeslag": int(vakantie * 100),
               "kostendelers.a": a}
    if "inkomen.meetellend" in feiten.waarden:
        waarden["bijstand.bedrag"] = waarden["bijstand.norm"] - feiten.waarden["inkomen.meetellend"]
    if categorie.kostendelers_basis is not None:
        key = "van_toepassing" if a else "niet_van_toepassing"
        regels.insert(0, teksten[key])
    for nummer, reden in feiten.details.get(kd_naam, ()):
        regels.append(teksten["uitgezonderd"].replace("{nummer}", str(nummer))
                      .replace("{reden}", reden))
    return Uitkomst(waarden, fill(" ".join(regels), waarden))


BEREKENINGEN = {"bijstandsnorm": bijstandsnorm}

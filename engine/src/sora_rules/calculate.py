"""Terms (termijnen) of a regeling, and the money helpers the engine shares.

(Every amount is a formula of expressie.py; the quantities are declared in YAML.)
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from .explain import datum_tekst, vul
from .expressie import Omgeving
from .facts import Context, lookup, parse_date
from .model import Termijnregel, Termijnspec
from .termijnen import Kalender

CENT = Decimal("0.01")


def euro(cents_value: int) -> Decimal:
    return (Decimal(cents_value) / 100).quantize(CENT)


def round_cents(amount: Decimal) -> Decimal:
    return amount.quantize(CENT, rounding=ROUND_HALF_UP)


def _dec(value: Any) -> Decimal:
    return Decimal(str(value))


@dataclass(frozen=True)
class Termijn:
    """The date a term ends, the rule that set it and the text of its ground; or nothing
    (no rule applies, or what is missing)."""

    datum: date | None
    regel: Termijnregel | None = None
    tekst: str = ""
    ontbrekend: tuple[str, ...] = ()
    aantal: int = 0  # the weeks or werkdagen of `regel`


def begin(spec: Termijnspec, case: Mapping[str, Any], eerder: Mapping[str, date],
          namen: frozenset[str]) -> date | Termijn:
    """Where a term starts: another term's end, or a date in the case; else what is missing
    (nothing, when the earlier term could not be set: that one names the missing field)."""
    if spec.vanaf in eerder:
        return eerder[spec.vanaf]
    if spec.vanaf in namen:
        return Termijn(None)
    state, value = lookup(case, spec.vanaf)
    if state != "ok":
        return Termijn(None, ontbrekend=() if spec.optioneel else (spec.vanaf,))
    return parse_date(value)


def termijn(spec: Termijnspec, geldend: Callable[[int], bool], vanaf: date, env: Omgeving,
            kalender: Kalender) -> Termijn:
    """Among the rules that apply, the earliest (or latest, by `kies`) end date: weeks
    (moved on to a werkdag) or werkdagen after `vanaf`."""
    kandidaten: list[tuple[date, int, Termijnregel, int]] = []
    for k, regel in enumerate(spec.regels):
        if geldend(k):
            n = int(_dec(regel.aantal.bereken(env)))
            if regel.eenheid == "werkdagen":
                datum = kalender.plus_werkdagen(vanaf, n)
            elif spec.algemene_termijnenwet:
                datum = kalender.plus_weken(vanaf, n)
            else:
                datum = vanaf + timedelta(weeks=n)
            kandidaten.append((datum, k, regel, n))
    if not kandidaten:
        return Termijn(None)
    datum, _, regel, n = (min if spec.kies == "vroegste" else max)(kandidaten,
                                                                    key=lambda t: t[:2])
    tekst = vul(regel.tekst, weken=n, werkdagen=n, vanaf=datum_tekst(vanaf),
                datum=datum_tekst(datum))
    return Termijn(datum, regel, tekst, aantal=n)


def toelichting(t: Termijn, vanaf: date, ctx: Context, kalender: Kalender,
                teksten: Mapping[str, str]) -> str:
    """What a term's ground adds: a number of weeks the gemeente chose, the days that are no
    werkdag, a last day moved on (Algemene termijnenwet)."""
    assert t.regel is not None and t.datum is not None
    delen = []
    for pid in sorted(t.regel.aantal.refs()["parameter"]):
        param = ctx.parameters[pid]
        waarde = param.op(ctx.peildatum)
        if param.pakket == "plus" and waarde is not None and "keuze_gemeente" in teksten:
            delen.append(vul(teksten["keuze_gemeente"], grondslag=param.grondslag.kort(),
                             status=waarde.status))
    if t.regel.eenheid == "werkdagen":
        skipped = kalender.overgeslagen(vanaf, t.datum)
        if skipped and "niet_werkdag" in teksten:
            dagen = ", ".join(f"{naam} ({datum_tekst(d)})" for d, naam in skipped)
            delen.append(vul(teksten["niet_werkdag"], dagen=dagen))
    else:
        einde = vanaf + timedelta(weeks=t.aantal)
        if einde != t.datum and "doorgeschoven" in teksten:
            delen.append(vul(teksten["doorgeschoven"], einde=datum_tekst(einde)))
    return " ".join(delen)

"""Dutch scenarios on the pluspakket of each gemeente and the regional minima schemes.

Features: specs/features/gemeente_<slug>.feature (one per gemeente) and
specs/features/regionale_minima.feature. Expected amounts are computed by hand from
reference/beleidsfeiten.md §1 and §6, with the arithmetic in a comment above each example.
The household and besluit steps are shared (tests/conftest.py); this module adds the steps
that read a gemeente's resolved policy (open terms) without evaluating a case.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import yaml
from pytest_bdd import given, parsers, scenarios, then

scenarios(
    "gemeente_alkmaar.feature",
    "gemeente_bergen.feature",
    "gemeente_castricum.feature",
    "gemeente_dijk-en-waard.feature",
    "gemeente_heiloo.feature",
    "gemeente_uitgeest.feature",
    "regionale_minima.feature",
)


@given(parsers.parse('het beleid van gemeente "{slug}" op peildatum "{peildatum}"'))
def beleid_van_gemeente(ctx, spec_engine, slug, peildatum):
    beleid = spec_engine.regelset.beleid
    assert slug in beleid, f"onbekende gemeente {slug!r}; bekend: {sorted(beleid)}"
    ctx["beleid"] = beleid[slug]
    ctx["peildatum"] = dt.date.fromisoformat(peildatum)


def _open_norm(ctx, pid: str):
    beleid = ctx.get("beleid")
    assert beleid is not None, "eerst 'Gegeven het beleid van gemeente …'"
    parameter = beleid.parameters.get(pid)
    assert parameter is not None, f"{beleid.gemeente.slug} kent geen parameter {pid!r}"
    assert parameter.open_norm, f"{pid!r} is geen open norm ({parameter.bestand})"
    waarde = parameter.op(ctx["peildatum"])
    assert waarde is not None, f"{pid!r} heeft geen waarde op {ctx['peildatum']}"
    return parameter, waarde


@then(parsers.parse('is de open norm "{pid}" ingevuld met {verwacht}'))
def open_norm_waarde(ctx, pid, verwacht):
    _, waarde = _open_norm(ctx, pid)
    gelezen = yaml.safe_load(verwacht)
    if isinstance(gelezen, bool) or isinstance(waarde.waarde, bool):
        assert waarde.waarde is gelezen, f"{pid}: {waarde.waarde!r} in plaats van {gelezen!r}"
    else:
        assert Decimal(str(waarde.waarde)) == Decimal(str(gelezen)), (
            f"{pid}: {waarde.waarde!r} in plaats van {gelezen!r}"
        )


@then(parsers.parse('komt de open norm "{pid}" uit pakket "{pakket}" in bestand "{bestand}"'))
def open_norm_herkomst(ctx, pid, pakket, bestand):
    parameter, _ = _open_norm(ctx, pid)
    assert (parameter.pakket, parameter.bestand) == (pakket, bestand), (
        f"{pid} komt uit ({parameter.pakket!r}, {parameter.bestand!r})"
    )


@then(parsers.parse('heeft de open norm "{pid}" de status "{status}"'))
def open_norm_status(ctx, pid, status):
    _, waarde = _open_norm(ctx, pid)
    assert waarde.status == status, f"{pid}: status {waarde.status!r}"
    if status == "aanname":
        assert waarde.reden, f"{pid}: een aanname zonder reden"

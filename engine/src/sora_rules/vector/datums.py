"""Calendar arithmetic on columns of dates, held as YYYYMMDD integers.

Why that form: the scalar engine's date rules are about calendar fields, not day counts —
whole years on the peildatum (facts.age_on) is the integer part of the difference of two
YYYYMMDD numbers divided by 10,000, months are added by clamping to the month's last day
(facts.add_months) — and YYYYMMDD numbers compare in date order. So ages, months and
comparisons are one integer operation per column; only adding days (a rare `datum_plus`
in days or weeks) goes through day counts (numpy's datetime64, in C).
"""

from __future__ import annotations

from datetime import date
from typing import Any

import numpy as np


def dag(d: date) -> int:
    """One date as YYYYMMDD."""
    return d.year * 10000 + d.month * 100 + d.day


def als_datum(v: Any) -> date:
    v = int(v)
    return date(v // 10000, v // 100 % 100, v % 100)


def _delen(v: Any) -> tuple[Any, Any, Any]:
    """(year, month, day) of YYYYMMDD by floor division only: numpy divides an int64 column
    by a constant several times faster than it takes a remainder (`%`)."""
    jm = v // 100
    jaar = jm // 100
    return jaar, jm - jaar * 100, v - jm * 100


def van_dagen(dagen: Any) -> Any:
    """YYYYMMDD of days since 1970-01-01 (Arrow's date32)."""
    d = np.asarray(dagen, dtype=np.int64).astype("datetime64[D]")
    maand = d.astype("datetime64[M]")
    m = maand.astype(np.int64)
    jaar = m // 12
    return (jaar + 1970) * 10000 + (m - jaar * 12 + 1) * 100 + (d - maand).astype(np.int64) + 1


def naar_dagen(v: Any) -> Any:
    """Days since 1970-01-01 of YYYYMMDD (for Arrow's date32, and to add days)."""
    jaar, maand, dag = _delen(np.asarray(v, dtype=np.int64))
    maanden = ((jaar - 1970) * 12 + maand - 1).astype("datetime64[M]")
    return maanden.astype("datetime64[D]").astype(np.int64) + dag - 1


def leeftijd(geboren: Any, op: Any) -> Any:
    """Whole years on `op` (facts.age_on): the year difference, one less before the
    birthday — exactly the integer part of the difference of the YYYYMMDD numbers."""
    return (np.asarray(op) - geboren) // 10000


def maandlengte(jaar: Any, maand: Any) -> Any:
    """Days in the month (maand 1..12): 30 or 31 alternating, with the switch after July
    (bit 0 of maand + maand // 8), February 28 or 29; bit operations, no table lookup."""
    eeuw = jaar // 100
    schrikkel = ((jaar & 3) == 0) & ((jaar != eeuw * 100) | ((eeuw & 3) == 0))
    februari = maand == 2
    return 30 + ((maand + maand // 8) & 1) - 2 * februari + (februari & schrikkel)


def plus_maanden(v: Any, maanden: Any) -> Any:
    """Plus whole months, clamped to the month's last day (31 Jan + 1 = 28/29 Feb). Every
    month has 28 days, so only the rows past the 28th look up their month's length. In
    place where it can: a new column costs about as much as the arithmetic on it."""
    v = np.asarray(v, dtype=np.int64)
    if np.ndim(maanden) and np.shape(maanden) != v.shape:
        v = np.broadcast_to(v, np.broadcast_shapes(v.shape, np.shape(maanden)))
    jm = v // 100
    dag = jm * -100
    dag += v
    totaal = jm // 100
    totaal *= -88
    totaal += jm
    totaal += np.asarray(maanden) - 1  # jaar * 12 + maand - 1
    jaar = totaal // 12
    jaar *= 8800
    totaal *= 100
    totaal += jaar
    totaal += dag
    totaal += 100  # jaar * 10000 + maand * 100 + dag
    if totaal.ndim == 0:
        return _klem(totaal) if dag > 28 else totaal
    i = np.flatnonzero(dag > 28)
    if len(i):
        totaal[i] = _klem(totaal[i])
    return totaal


def _klem(v: Any) -> Any:
    """A YYYYMMDD whose day may pass the month's end, back to the month's last day."""
    jaar, maand, dag = _delen(v)
    return v - dag + np.minimum(dag, maandlengte(jaar, maand))


def plus_dagen(v: Any, dagen: Any) -> Any:
    return van_dagen(naar_dagen(v) + dagen)


def maanden_tussen(van: Any, tot: Any) -> Any:
    """Whole months from `van` to `tot` (facts `maanden_sinds`): the difference of the
    month numbers jaar * 12 + maand (= YYYYMM - 88 * jaar), one less before the day."""
    jm_van, jm_tot = np.asarray(van) // 100, np.asarray(tot) // 100
    uit = jm_tot - jm_van
    uit -= 88 * (jm_tot // 100 - jm_van // 100)
    uit -= (np.asarray(tot) - jm_tot * 100) < (np.asarray(van) - jm_van * 100)
    return uit

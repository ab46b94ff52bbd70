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

_MAANDLENGTE = np.array([31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31], dtype=np.int64)


def dag(d: date) -> int:
    """One date as YYYYMMDD."""
    return d.year * 10000 + d.month * 100 + d.day


def als_datum(v: Any) -> date:
    v = int(v)
    return date(v // 10000, v // 100 % 100, v % 100)


def van_dagen(dagen: Any) -> Any:
    """YYYYMMDD of days since 1970-01-01 (Arrow's date32)."""
    d = np.asarray(dagen, dtype=np.int64).astype("datetime64[D]")
    maand = d.astype("datetime64[M]")
    m = maand.astype(np.int64)
    return (m // 12 + 1970) * 10000 + (m % 12 + 1) * 100 + (d - maand).astype(np.int64) + 1


def naar_dagen(v: Any) -> Any:
    """Days since 1970-01-01 of YYYYMMDD (for Arrow's date32, and to add days)."""
    v = np.asarray(v, dtype=np.int64)
    maand = ((v // 10000 - 1970) * 12 + v // 100 % 100 - 1).astype("datetime64[M]")
    return maand.astype("datetime64[D]").astype(np.int64) + v % 100 - 1


def leeftijd(geboren: Any, op: Any) -> Any:
    """Whole years on `op` (facts.age_on): the year difference, one less before the
    birthday — exactly the integer part of the difference of the YYYYMMDD numbers."""
    return (np.asarray(op) - geboren) // 10000


def maandlengte(jaar: Any, maand: Any) -> Any:
    """Days in the month (maand 1..12)."""
    schrikkel = (jaar % 4 == 0) & ((jaar % 100 != 0) | (jaar % 400 == 0))
    return _MAANDLENGTE[maand - 1] + (schrikkel & (maand == 2))


def plus_maanden(v: Any, maanden: Any) -> Any:
    """Plus whole months, clamped to the month's last day (31 Jan + 1 = 28/29 Feb)."""
    v = np.asarray(v, dtype=np.int64)
    totaal = v // 10000 * 12 + (v // 100 % 100 - 1) + maanden
    jaar, maand = np.floor_divide(totaal, 12), totaal % 12 + 1
    return jaar * 10000 + maand * 100 + np.minimum(v % 100, maandlengte(jaar, maand))


def plus_dagen(v: Any, dagen: Any) -> Any:
    return van_dagen(naar_dagen(v) + dagen)


def maanden_tussen(van: Any, tot: Any) -> Any:
    """Whole months from `van` to `tot` (facts `maanden_sinds`)."""
    van, tot = np.asarray(van), np.asarray(tot)
    return (tot // 10000 - van // 10000) * 12 + tot // 100 % 100 - van // 100 % 100 - (
        tot % 100 < van % 100)

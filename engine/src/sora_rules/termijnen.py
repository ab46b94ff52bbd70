"""Terms in werkdagen and weeks under the Algemene termijnenwet.

Art. 3 Atw names the algemeen erkende feestdagen (which ones is data, in
rules/algemeen/kalender.yaml); art. 1 Atw extends a term that ends on a
Saturday, Sunday or feestdag to the next werkdag. Easter-based days are
computed for any year.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, timedelta
from functools import lru_cache
from typing import Any


def pasen(year: int) -> date:
    """Easter Sunday (Gregorian calendar; the anonymous 'Meeus/Jones/Butcher' algorithm)."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    ell = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ell) // 451
    month, day = divmod(h + ell - 7 * m + 114, 31)
    return date(year, month, day + 1)


def _feestdag(spec: Mapping[str, Any], year: int) -> date:
    if "pasen" in spec:
        return pasen(year) + timedelta(days=int(spec["pasen"]))
    month, day = (int(x) for x in str(spec["datum"]).split("-"))
    d = date(year, month, day)
    if d.weekday() == 6 and "op_zondag" in spec:  # Koningsdag: the 26th when the 27th is a Sunday
        month, day = (int(x) for x in str(spec["op_zondag"]).split("-"))
        d = date(year, month, day)
    return d


class Kalender:
    """Werkdagen for a set of feestdag rules; cached per year."""

    def __init__(self, feestdagen: Iterable[Mapping[str, Any]]) -> None:
        self._specs = tuple(dict(s) for s in feestdagen)
        self._jaar = lru_cache(maxsize=64)(self._feestdagen)

    def _feestdagen(self, year: int) -> dict[date, str]:
        days: dict[date, str] = {}
        for s in self._specs:  # two feestdagen can share a day (Hemelvaart on 5 mei, 2016)
            d = _feestdag(s, year)
            days[d] = f"{days[d]} en {s['naam']}" if d in days else str(s["naam"])
        return days

    def feestdag(self, d: date) -> str | None:
        return self._jaar(d.year).get(d)

    def is_werkdag(self, d: date) -> bool:
        return d.weekday() < 5 and self.feestdag(d) is None

    def plus_werkdagen(self, start: date, n: int) -> date:
        """The n-th werkdag after `start` (the day itself does not count)."""
        d = start
        while n > 0:
            d += timedelta(days=1)
            if self.is_werkdag(d):
                n -= 1
        return d

    def plus_weken(self, start: date, weeks: int) -> date:
        """`weeks` after `start`, moved to the next werkdag if it ends on a non-werkdag."""
        d = start + timedelta(weeks=weeks)
        while not self.is_werkdag(d):
            d += timedelta(days=1)
        return d

    def overgeslagen(self, start: date, end: date) -> list[tuple[date, str]]:
        """Feestdagen on weekdays between start (excl.) and end (incl.), for the explanation."""
        out = []
        d = start + timedelta(days=1)
        while d <= end:
            naam = self.feestdag(d)
            if naam and d.weekday() < 5:
                out.append((d, naam))
            d += timedelta(days=1)
        return out

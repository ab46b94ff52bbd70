"""Unit and property tests of sora_rules.termijnen: Easter, the feestdagen of the Algemene
termijnenwet (art. 3) and terms in werkdagen and weeks (art. 1).

The Kalender is built from the shipped rules/algemeen/kalender.yaml, so these tests also
check that the data names every feestdag of art. 3 Atw. Expected dates are worked out by
hand (calendar reasoning in the comments); the property tests compare against an
independent Easter formula (Gauss, with Lichtenberg's corrections) and against the
definitions themselves.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from sora_rules.termijnen import Kalender, pasen

ROOT = Path(__file__).resolve().parents[1]
KALENDER_YAML = ROOT / "rules" / "algemeen" / "kalender.yaml"

FEESTDAGEN = {
    "Nieuwjaarsdag", "Tweede Paasdag", "Koningsdag", "Bevrijdingsdag", "Hemelvaartsdag",
    "Tweede Pinksterdag", "Eerste Kerstdag", "Tweede Kerstdag",
}

JAREN = st.integers(min_value=1900, max_value=2200)
DATA = st.dates(min_value=date(1900, 1, 1), max_value=date(2200, 12, 31))


@pytest.fixture(scope="module")
def kalender() -> Kalender:
    data = yaml.safe_load(KALENDER_YAML.read_text(encoding="utf-8"))
    return Kalender(data["kalender"]["feestdagen"])


# One Kalender for the hypothesis tests (function-scoped fixtures do not mix with @given).
_KALENDER = Kalender(
    yaml.safe_load(KALENDER_YAML.read_text(encoding="utf-8"))["kalender"]["feestdagen"]
)


def pasen_gauss(year: int) -> date:
    """Easter Sunday by Gauss's formula with Lichtenberg's corrections (Gregorian)."""
    k = year // 100
    m = 15 + (3 * k + 3) // 4 - (8 * k + 13) // 25
    s = 2 - (3 * k + 3) // 4
    a = year % 19
    d = (19 * a + m) % 30
    r = (d + a // 11) // 29
    og = 21 + d - r
    sz = 7 - (year + year // 4 + s) % 7
    oe = 7 - (og - sz) % 7
    return date(year, 3, 1) + timedelta(days=og + oe - 1)


def feestdagen_van(kal: Kalender, year: int) -> dict[date, str]:
    d, out = date(year, 1, 1), {}
    while d.year == year:
        naam = kal.feestdag(d)
        if naam:
            out[d] = naam
        d += timedelta(days=1)
    return out


# --------------------------------------------------------------------------- Pasen


@pytest.mark.parametrize(
    ("jaar", "verwacht"),
    [
        (2024, date(2024, 3, 31)),
        (2025, date(2025, 4, 20)),
        (2026, date(2026, 4, 5)),
        (2027, date(2027, 3, 28)),
        (2038, date(2038, 4, 25)),  # the latest possible date
        (2000, date(2000, 4, 23)),
        (2285, date(2285, 3, 22)),  # the earliest possible date
        (1818, date(1818, 3, 22)),
        (1943, date(1943, 4, 25)),
        (2019, date(2019, 4, 21)),
        (2031, date(2031, 4, 13)),
        (2036, date(2036, 4, 13)),
    ],
)
def test_pasen_bekende_jaren(jaar, verwacht):
    assert pasen(jaar) == verwacht


@given(st.integers(min_value=1583, max_value=4099))
def test_pasen_is_een_zondag_tussen_22_maart_en_25_april(jaar):
    p = pasen(jaar)
    assert p.weekday() == 6
    assert date(jaar, 3, 22) <= p <= date(jaar, 4, 25)


@given(st.integers(min_value=1583, max_value=4099))
def test_pasen_gelijk_aan_de_formule_van_gauss(jaar):
    assert pasen(jaar) == pasen_gauss(jaar)


# --------------------------------------------------------------------------- feestdagen


def test_feestdagen_2026(kalender):
    # Pasen 5-4-2026: Tweede Paasdag 6-4, Hemelvaartsdag (+39) 14-5, Tweede Pinksterdag
    # (+50) 25-5; Koningsdag ma 27-4.
    assert feestdagen_van(kalender, 2026) == {
        date(2026, 1, 1): "Nieuwjaarsdag",
        date(2026, 4, 6): "Tweede Paasdag",
        date(2026, 4, 27): "Koningsdag",
        date(2026, 5, 5): "Bevrijdingsdag",
        date(2026, 5, 14): "Hemelvaartsdag",
        date(2026, 5, 25): "Tweede Pinksterdag",
        date(2026, 12, 25): "Eerste Kerstdag",
        date(2026, 12, 26): "Tweede Kerstdag",
    }


def test_feestdagen_2025(kalender):
    # Pasen 20-4-2025: Tweede Paasdag 21-4, Hemelvaartsdag 29-5, Tweede Pinksterdag 9-6;
    # 27-4-2025 is een zondag → Koningsdag za 26-4.
    assert feestdagen_van(kalender, 2025) == {
        date(2025, 1, 1): "Nieuwjaarsdag",
        date(2025, 4, 21): "Tweede Paasdag",
        date(2025, 4, 26): "Koningsdag",
        date(2025, 5, 5): "Bevrijdingsdag",
        date(2025, 5, 29): "Hemelvaartsdag",
        date(2025, 6, 9): "Tweede Pinksterdag",
        date(2025, 12, 25): "Eerste Kerstdag",
        date(2025, 12, 26): "Tweede Kerstdag",
    }


@pytest.mark.parametrize("jaar", [2014, 2025, 2031, 2036, 2042])
def test_koningsdag_op_26_april_als_27_april_een_zondag_is(kalender, jaar):
    assert date(jaar, 4, 27).weekday() == 6
    assert kalender.feestdag(date(jaar, 4, 26)) == "Koningsdag"
    assert kalender.feestdag(date(jaar, 4, 27)) is None
    # Koningsdag schuift niet naar maandag: 28 april is een gewone werkdag.
    assert kalender.feestdag(date(jaar, 4, 28)) is None
    assert kalender.is_werkdag(date(jaar, 4, 28))


@given(JAREN)
def test_koningsdag_regel(jaar):
    zondag = date(jaar, 4, 27).weekday() == 6
    koningsdag = date(jaar, 4, 26) if zondag else date(jaar, 4, 27)
    assert _KALENDER.feestdag(koningsdag) == "Koningsdag"
    andere = date(jaar, 4, 27) if zondag else date(jaar, 4, 26)
    assert _KALENDER.feestdag(andere) != "Koningsdag"


@given(JAREN)
def test_aantal_feestdagen_per_jaar(jaar):
    # Acht feestdagen op acht data; alleen als Hemelvaartsdag op 5 mei valt (Pasen op
    # 27 maart, zoals in 2016) vallen twee feestdagen samen.
    dagen = feestdagen_van(_KALENDER, jaar)
    samen = pasen(jaar) + timedelta(days=39) == date(jaar, 5, 5)
    assert len(dagen) == (7 if samen else 8)
    namen = {n for samengevoegd in dagen.values() for n in samengevoegd.split(" en ")}
    assert namen == FEESTDAGEN


def test_hemelvaart_op_bevrijdingsdag_2016(kalender):
    # Pasen 27-3-2016 + 39 = do 5-5-2016: beide feestdagen op één dag, geen werkdag.
    assert pasen(2016) == date(2016, 3, 27)
    assert kalender.feestdag(date(2016, 5, 5)) == "Bevrijdingsdag en Hemelvaartsdag"
    assert not kalender.is_werkdag(date(2016, 5, 5))
    assert len(feestdagen_van(kalender, 2016)) == 7


def test_goede_vrijdag_en_eerste_paasdag_zijn_geen_feestdag_van_de_atw(kalender):
    assert kalender.feestdag(date(2026, 4, 3)) is None  # Goede Vrijdag
    assert kalender.is_werkdag(date(2026, 4, 3))
    assert kalender.feestdag(date(2026, 4, 5)) is None  # Eerste Paasdag (zondag)
    assert not kalender.is_werkdag(date(2026, 4, 5))


@given(DATA)
def test_werkdag_is_geen_weekend_en_geen_feestdag(d):
    verwacht = d.weekday() < 5 and _KALENDER.feestdag(d) is None
    assert _KALENDER.is_werkdag(d) is verwacht


# --------------------------------------------------------------------------- werkdagen


@pytest.mark.parametrize(
    ("start", "n", "verwacht"),
    [
        # vr 24-4-2026: za, zo; ma 27 Koningsdag; di 28, wo 29, do 30.
        (date(2026, 4, 24), 3, date(2026, 4, 30)),
        # wo 23-12-2026: do 24; vr 25 Kerst; za 26, zo 27; ma 28, di 29.
        (date(2026, 12, 23), 3, date(2026, 12, 29)),
        # ma 29-12-2025: di 30, wo 31; do 1-1 Nieuwjaarsdag; vr 2-1.
        (date(2025, 12, 29), 3, date(2026, 1, 2)),
        # vr 25-4-2025: za 26 Koningsdag, zo 27; ma 28, di 29, wo 30.
        (date(2025, 4, 25), 3, date(2025, 4, 30)),
        # di 12-5-2026: wo 13; do 14 Hemelvaartsdag; vr 15; za, zo; ma 18.
        (date(2026, 5, 12), 3, date(2026, 5, 18)),
        # vr 22-5-2026: za, zo; ma 25 Tweede Pinksterdag; di 26, wo 27, do 28.
        (date(2026, 5, 22), 3, date(2026, 5, 28)),
        # do 2-4-2026: vr 3 (Goede Vrijdag, werkdag); za, zo; ma 6 Tweede Paasdag; di 7, wo 8.
        (date(2026, 4, 2), 3, date(2026, 4, 8)),
        # za 2-5-2026: zo; ma 4 (1); di 5 Bevrijdingsdag; wo 6 (2).
        (date(2026, 5, 2), 2, date(2026, 5, 6)),
        (date(2026, 3, 2), 1, date(2026, 3, 3)),
        (date(2026, 3, 2), 0, date(2026, 3, 2)),
    ],
)
def test_plus_werkdagen(kalender, start, n, verwacht):
    assert kalender.plus_werkdagen(start, n) == verwacht


@given(DATA, st.integers(min_value=1, max_value=40))
def test_plus_werkdagen_eigenschappen(start, n):
    eind = _KALENDER.plus_werkdagen(start, n)
    assert eind > start
    assert _KALENDER.is_werkdag(eind)
    assert eind.weekday() < 5
    assert _KALENDER.feestdag(eind) is None
    # Precies n werkdagen in (start, eind].
    tussen = [start + timedelta(days=i) for i in range(1, (eind - start).days + 1)]
    assert sum(_KALENDER.is_werkdag(d) for d in tussen) == n


@given(DATA, st.integers(min_value=1, max_value=40))
def test_plus_werkdagen_is_monotoon(start, n):
    assert _KALENDER.plus_werkdagen(start, n + 1) > _KALENDER.plus_werkdagen(start, n)


# --------------------------------------------------------------------------- weken


@pytest.mark.parametrize(
    ("start", "weken", "verwacht"),
    [
        # za 11-4-2026 + 4 weken = za 9-5; zo 10-5 → ma 11-5.
        (date(2026, 4, 11), 4, date(2026, 5, 11)),
        # ma 30-3-2026 + 4 weken = ma 27-4 Koningsdag → di 28-4.
        (date(2026, 3, 30), 4, date(2026, 4, 28)),
        # vr 27-11-2026 + 4 weken = vr 25-12; za 26, zo 27 → ma 28-12.
        (date(2026, 11, 27), 4, date(2026, 12, 28)),
        # do 4-12-2025 + 4 weken = do 1-1-2026 Nieuwjaarsdag → vr 2-1.
        (date(2025, 12, 4), 4, date(2026, 1, 2)),
        # do 30-4-2026 + 8 weken = do 25-6-2026, een werkdag.
        (date(2026, 4, 30), 8, date(2026, 6, 25)),
        # do 19-3-2026 + 8 weken = do 14-5 Hemelvaartsdag → vr 15-5.
        (date(2026, 3, 19), 8, date(2026, 5, 15)),
        # do 27-11-2025 + 4 weken = do 25-12; vr 26 Kerst; za, zo → ma 29-12 (+4 dagen).
        (date(2025, 11, 27), 4, date(2025, 12, 29)),
    ],
)
def test_plus_weken(kalender, start, weken, verwacht):
    assert kalender.plus_weken(start, weken) == verwacht


@given(DATA, st.integers(min_value=1, max_value=12))
@settings(max_examples=300)
def test_plus_weken_eigenschappen(start, weken):
    eind = _KALENDER.plus_weken(start, weken)
    termijn = start + timedelta(weeks=weken)
    assert termijn <= eind < termijn + timedelta(days=5)
    assert _KALENDER.is_werkdag(eind)
    # Doorlopen alleen over dagen die geen werkdag zijn (art. 1 Atw).
    d = termijn
    while d < eind:
        assert not _KALENDER.is_werkdag(d)
        d += timedelta(days=1)


# --------------------------------------------------------------------------- uitleg


def test_overgeslagen_noemt_feestdagen_op_weekdagen(kalender):
    assert kalender.overgeslagen(date(2026, 4, 24), date(2026, 4, 30)) == [
        (date(2026, 4, 27), "Koningsdag")
    ]
    # Tweede Kerstdag 2026 valt op zaterdag: niet als overgeslagen werkdag genoemd.
    assert kalender.overgeslagen(date(2026, 12, 23), date(2026, 12, 29)) == [
        (date(2026, 12, 25), "Eerste Kerstdag")
    ]
    # Koningsdag 2025 (zaterdag) evenmin.
    assert kalender.overgeslagen(date(2025, 4, 25), date(2025, 4, 30)) == []

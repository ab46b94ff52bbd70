"""Households for proving the vectorised evaluator equal to the scalar engine.

Every kind the case contract can express, and the edges where outcomes flip: ages on the
peildatum at 17/18/21/27 and at the AOW age (the birthday itself, the day before, the day
after), couples with a young or an AOW partner or a partner without a right of his own,
kostendelers of every kind, inrichting, detention, studiefinanciering, EU citizens in
their first months, vermogen and incomes at the limits to the cent (the limits are read
from the policy: every amount of a parameter, and the percentages of the norms, ± 1 cent),
every income kind with and without vrijlating, giften, alimentatie, kostenposten around
the drempel's start date, schuldhulp, minima data, and missing fields. Deterministic per
seed; used by tests/test_vector_gelijk.py and bench/vector.py.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from sora_rules.facts import add_months
from sora_rules.model import Regelset

GEMEENTEN = ("alkmaar", "bergen", "castricum", "dijk-en-waard", "heiloo", "uitgeest")
PEILDATA = ("2024-01-01", "2024-03-01", "2024-06-30", "2024-07-01", "2024-12-31",
            "2025-01-01", "2025-03-15", "2025-06-30", "2025-07-01", "2025-10-01",
            "2025-12-31", "2026-01-01", "2026-03-01", "2026-06-30", "2026-07-01",
            "2026-11-15")
SOORTEN = ("arbeid", "arbeid", "uitkering", "pensioen", "alimentatie", "zorgtoeslag",
           "huurtoeslag", "kindgebonden_budget", "kinderbijslag", "overig",
           "kinderalimentatie", "partneralimentatie", "giften")
GRENSLEEFTIJDEN = (17, 18, 20, 21, 26, 27, 28, 45)
CENT = Decimal("0.01")


def grensbedragen(regelset: Regelset) -> list[Decimal]:
    """Amounts where outcomes flip: every euro value of a parameter, percentages of those
    (income limits, vakantietoeslag), each ± 1 cent."""
    bedragen: set[Decimal] = set()
    procenten: set[Decimal] = {Decimal(100)}
    for p in regelset.parameters.values():
        for w in p.waarden:
            for x in _getallen(w.waarde):
                (bedragen if p.eenheid == "euro" else procenten if p.eenheid == "procent"
                 else set()).add(x)
    for b in regelset.beleid.values():
        for p in b.parameters.values():
            if p.eenheid == "procent":
                procenten |= {x for w in p.waarden for x in _getallen(w.waarde)}
    afgeleid = {(x * p / 100).quantize(CENT) for x in bedragen for p in procenten}
    return sorted({y + d for y in bedragen | afgeleid for d in (-CENT, 0, CENT) if y + d >= 0})


def _getallen(waarde: Any) -> list[Decimal]:
    if isinstance(waarde, bool):
        return []
    if isinstance(waarde, int | float | Decimal):
        return [Decimal(str(waarde))]
    if isinstance(waarde, dict):
        return [x for v in waarde.values() for x in _getallen(v)]
    if isinstance(waarde, list):
        return [x for v in waarde for x in _getallen(v.get("bedrag") if isinstance(v, dict)
                                                    else v)]
    return []


class Generator:
    def __init__(self, rng: random.Random, bedragen: list[Decimal]) -> None:
        self.rng, self.bedragen = rng, bedragen

    def kans(self, p: float) -> bool:
        return self.rng.random() < p

    def geld(self, hoog: int = 3000) -> Decimal:
        if self.kans(0.5):
            return self.rng.choice(self.bedragen)
        return Decimal(self.rng.randint(0, hoog * 100)) / 100

    def geboren(self, dag: date, lo: int = 18, hi: int = 80) -> str:
        """A birth date; often exactly around a boundary age or the AOW age."""
        r = self.rng.random()
        if r < 0.25:
            jaren = self.rng.choice(GRENSLEEFTIJDEN)
            d = add_months(dag, -12 * jaren) + timedelta(days=self.rng.choice((-1, 0, 0, 1)))
        elif r < 0.4:
            d = add_months(dag, -self.rng.randint(798, 812)) + timedelta(
                days=self.rng.choice((-1, 0, 1)))
        else:
            d = dag - timedelta(days=self.rng.randint(lo * 365, hi * 365))
        return min(d, dag).isoformat()

    def persoon(self, dag: date, partner: bool = False) -> dict[str, Any]:
        p: dict[str, Any] = {}
        if self.kans(0.97):
            p["geboortedatum"] = self.geboren(dag)
        if self.kans(0.95):
            p["verblijfsstatus"] = self.rng.choice(("nederlander",) * 6 + (
                "eu_burger", "eu_burger", "verblijfsvergunning", "geen"))
        for veld, kans in (("in_detentie", 0.05), ("recht_op_studiefinanciering", 0.06),
                           ("in_inrichting", 0.05)):
            if self.kans(0.7):
                p[veld] = self.kans(kans)
        if self.kans(0.6):
            p["dagen_in_buitenland"] = self.rng.choice((0, 0, 10, 28, 29, 90, 91, 92))
        if p.get("verblijfsstatus") == "eu_burger" or self.kans(0.05):
            if self.kans(0.85):
                p["in_nederland_sinds"] = add_months(dag, -self.rng.randint(0, 8)).isoformat()
            if self.kans(0.8):
                p["economisch_actief"] = self.kans(0.4)
        return p

    def inkomsten(self, dag: date, partner: bool) -> list[dict[str, Any]]:
        items = []
        for _ in range(self.rng.choice((0, 0, 1, 1, 1, 2, 3, 4))):
            item: dict[str, Any] = {"soort": self.rng.choice(SOORTEN),
                                    "netto_per_maand": self.geld(1500)}
            if partner and self.kans(0.3):
                item["persoon"] = "partner"
            elif self.kans(0.5):
                item["persoon"] = "aanvrager"
            if item["soort"] == "arbeid" and self.kans(0.6):
                item["vrijlating"] = self.kans(0.7)
                if self.kans(0.9):
                    item["sinds"] = add_months(dag, -self.rng.randint(0, 40)).isoformat()
            items.append(item)
        return items

    def medebewoners(self, dag: date) -> list[dict[str, Any]]:
        uit = []
        for _ in range(self.rng.randint(1, 3)):
            m: dict[str, Any] = {}
            if self.kans(0.95):
                m["geboortedatum"] = self.geboren(dag, 18, 85)
            for vlag in ("student_met_studiefinanciering", "commerciele_relatie", "mantelzorg"):
                if self.kans(0.6):
                    m[vlag] = self.kans(0.2)
            uit.append(m)
        return uit

    def kinderen(self, dag: date) -> list[dict[str, Any]]:
        uit = []
        for _ in range(self.rng.randint(1, 3)):
            if self.kans(0.05):
                uit.append({})
                continue
            jaren = self.rng.choice((0, 3, 4, 5, 11, 12, 13, 17, 18))
            d = add_months(dag, -12 * jaren) - timedelta(days=self.rng.randint(0, 300))
            if jaren == 18:
                d = add_months(dag, -12 * 18)
            uit.append({"geboortedatum": max(d, add_months(dag, -12 * 19) + timedelta(
                days=1)).isoformat()})
        return uit

    def kosten(self, dag: date, bekend: bool) -> list[dict[str, Any]]:
        """Kostenposten; one (and rarely) when the draagkracht cannot be computed: the
        scalar engine then recomputes the absent quantities for every earlier post and
        every level of the formula (seconds to a minute per household from two posts on)."""
        uit = []
        for i in range(self.rng.randint(1, 4 if bekend else 1)):
            k: dict[str, Any] = {"bedrag": self.geld(800)}
            if self.kans(0.7):
                k["omschrijving"] = f"post {i}"
            if self.kans(0.95):
                k["datum"] = (dag - timedelta(days=self.rng.choice(
                    (0, 0, 1, 30, 200, 400, 800)))).isoformat()
            uit.append(k)
        return uit

    def huishouden(self, regelingen: dict[str, tuple[str, ...]]) -> dict[str, Any]:
        rng = self.rng
        gemeente = rng.choice(GEMEENTEN)
        dag = date.fromisoformat(rng.choice(PEILDATA))
        case: dict[str, Any] = {"gemeente": gemeente, "peildatum": dag.isoformat()}
        aanvrager = self.persoon(dag)
        if self.kans(0.97):
            aanvrager["woonplaats"] = gemeente if self.kans(0.9) else rng.choice(
                (*GEMEENTEN, "amsterdam"))
        case["aanvrager"] = aanvrager
        partner = self.kans(0.4)
        if partner:
            case["partner"] = self.persoon(dag, partner=True)
        if self.kans(0.4):
            case["kinderen"] = self.kinderen(dag)
        if self.kans(0.35):
            case["medebewoners"] = self.medebewoners(dag)
        if self.kans(0.93):
            case["inkomsten"] = self.inkomsten(dag, partner)
        if self.kans(0.93):
            case["vermogen"] = self.vermogen()
        self.aanvullen(case, dag, regelingen[gemeente])
        return case

    def vermogen(self) -> dict[str, Any]:
        v: dict[str, Any] = {}
        if self.kans(0.97):
            v["bezittingen"] = self.geld(40000)
        if self.kans(0.7):
            v["schulden"] = self.geld(3000) if self.kans(0.5) else Decimal(0)
        if self.kans(0.2):
            v["overwaarde_eigen_woning"] = self.geld(120000)
        return v

    def aanvullen(self, case: dict[str, Any], dag: date, ids: tuple[str, ...]) -> None:
        """Minima, schuldhulp, kosten and aanvraag blocks."""
        rng = self.rng
        if self.kans(0.5):
            m: dict[str, Any] = {}
            if self.kans(0.9):
                m["maanden_laag_inkomen"] = rng.choice((0, 11, 12, 35, 36, 37, 60))
            if self.kans(0.5):
                m["laatste_iit_toekenning"] = add_months(dag, -rng.choice((1, 11, 12, 13, 30))
                                                         ).isoformat()
            if self.kans(0.9):
                m["zicht_op_inkomensverbetering"] = self.kans(0.2)
            case["minima"] = m
        if self.kans(0.25):
            case["schuldhulp"] = self.schuldhulp(dag)
        bekend = _draagkracht_bekend(case, dag)
        if self.kans(0.25 if bekend else 0.03):
            case["kosten"] = self.kosten(dag, bekend)
        if self.kans(0.15):
            a: dict[str, Any] = {}
            if self.kans(0.7):
                a["melddatum"] = (dag - timedelta(days=rng.randint(0, 60))).isoformat()
            if self.kans(0.5):
                a["regelingen"] = rng.sample(list(ids), rng.randint(1, min(3, len(ids))))
            case["aanvraag"] = a

    def schuldhulp(self, dag: date) -> dict[str, Any]:
        s: dict[str, Any] = {}
        if self.kans(0.9):
            hulp = dag - timedelta(days=self.rng.randint(0, 40))
            s["hulpvraag_datum"] = hulp.isoformat()
            if self.kans(0.3):
                s["eerdere_schuldhulp_beeindigd_op"] = add_months(
                    hulp, -12 * self.rng.choice((1, 2, 3, 5, 6))).isoformat()
        if self.kans(0.4):
            s["bedreigende_situaties"] = self.rng.sample(
                ["woningontruiming", "afsluiting_energie", "afsluiting_water"],
                self.rng.randint(0, 2))
        if self.kans(0.5):
            s["fraudevordering_onherroepelijk"] = self.kans(0.2)
        if self.kans(0.5):
            s["schulden_totaal"] = self.geld(30000)
        return s


def _draagkracht_bekend(case: dict[str, Any], dag: date) -> bool:
    """Income, vermogen and a norm category can be known (every birth date there, the
    applicant and partner of age)."""
    v = case.get("vermogen") or {}
    volwassen = add_months(dag, -12 * 18).isoformat()
    personen = [case["aanvrager"], *([case["partner"]] if "partner" in case else [])]
    return "inkomsten" in case and "bezittingen" in v and all(
        p.get("geboortedatum", "9999") <= volwassen for p in personen) and (
        "verblijfsstatus" in case.get("partner", {"verblijfsstatus": 1})) and all(
        "geboortedatum" in m for m in case.get("medebewoners", []))


def huishoudens(n: int, regelset: Regelset, seed: int = 2026) -> list[dict[str, Any]]:
    """`n` valid households over the six gemeenten, every period and every kind."""
    gen = Generator(random.Random(seed), grensbedragen(regelset))
    regelingen = {slug: tuple(sorted(b.regelingen)) for slug, b in regelset.beleid.items()}
    return [gen.huishouden(regelingen) for _ in range(n)]

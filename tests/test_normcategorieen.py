"""Exactly one norm category (art. 20–24 Pw) holds for every household the case can express.

The categories in rules/participatiewet/normbepaling.yaml are selected by the rule engine;
two that hold at once would make the result depend on their order, and a household without
one gets no norm at all. This walks every combination of the facts the categories read
(ages around each boundary, AOW, children, each ground a partner can lack a right on) and
counts the category rules that fire.
"""

from __future__ import annotations

import itertools

import pytest

from sora_rules import Engine
from sora_rules.compile import RegelNaam
from sora_rules.facts import Context, build_facts

PEILDATUM = "2026-03-01"
# Ages on the peildatum around the boundaries 18, 21 and the AOW age (67).
GEBOORTEDATA = {18: "2007-06-01", 20: "2005-06-01", 21: "2004-06-01", 45: "1980-06-01",
                66: "1959-06-01", 67: "1958-06-01", 80: "1945-06-01"}
PARTNER_RECHT = {
    "heeft recht": {},
    "detentie": {"in_detentie": True},
    "studiefinanciering": {"recht_op_studiefinanciering": True},
    "geen verblijf": {"verblijfsstatus": "geen"},
}


def _huishoudens():
    for aanvrager, partner, kinderen, recht in itertools.product(
            GEBOORTEDATA, [None, *GEBOORTEDATA], (0, 1), PARTNER_RECHT):
        if partner is None and recht != "heeft recht":
            continue
        case = {"aanvrager": {"geboortedatum": GEBOORTEDATA[aanvrager], "woonplaats": "alkmaar",
                              "verblijfsstatus": "nederlander"},
                "inkomsten": [], "vermogen": {"bezittingen": 0}}
        if partner is not None:
            case["partner"] = {"geboortedatum": GEBOORTEDATA[partner],
                               "verblijfsstatus": "nederlander", **PARTNER_RECHT[recht]}
        if kinderen:
            case["kinderen"] = [{"geboortedatum": "2020-01-01"}]
        yield f"aanvrager {aanvrager}, partner {partner}, kinderen {kinderen}, {recht}", case


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine()


def test_precies_een_normcategorie_per_huishouden(engine: Engine) -> None:
    from sora_rules.case import parse_peildatum

    nb = engine.regelset.normbepaling
    assert nb is not None
    beleid = engine.regelset.beleid["alkmaar"]
    dag = parse_peildatum(PEILDATUM)
    ctx = Context(peildatum=dag, gemeente="alkmaar", parameters=beleid.parameters)
    regelingen = [beleid.regelingen_op(dag)["algemene_bijstand"]]
    compiled = engine._compiled_for(beleid, ctx, regelingen)
    fouten = []
    aantal = 0
    for naam, case in _huishoudens():
        feiten = build_facts(beleid.feiten, engine._indexed["alkmaar"], case, ctx)
        run = engine._run(compiled, feiten, ctx, case)
        gekozen = [nb.categorieen[j].id for j in range(len(nb.categorieen))
                   if RegelNaam.categorie(j) in run.fired]
        aantal += 1
        if len(gekozen) != 1:
            fouten.append(f"{naam}: {gekozen or 'geen categorie'}")
    assert aantal > 300
    assert not fouten, "\n".join(fouten)

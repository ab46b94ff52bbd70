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


INRICHTING = ("niemand", "aanvrager", "partner", "beiden")  # in een inrichting (art. 23)


def _huishoudens():
    for aanvrager, partner, kinderen, recht, inrichting in itertools.product(
            GEBOORTEDATA, [None, *GEBOORTEDATA], (0, 1), PARTNER_RECHT, INRICHTING):
        if partner is None and (recht != "heeft recht" or inrichting in ("partner", "beiden")):
            continue
        case = {"aanvrager": {"geboortedatum": GEBOORTEDATA[aanvrager], "woonplaats": "alkmaar",
                              "verblijfsstatus": "nederlander"},
                "inkomsten": [], "vermogen": {"bezittingen": 0}}
        if partner is not None:
            case["partner"] = {"geboortedatum": GEBOORTEDATA[partner],
                               "verblijfsstatus": "nederlander", **PARTNER_RECHT[recht]}
        if kinderen:
            case["kinderen"] = [{"geboortedatum": "2020-01-01"}]
        for wie in ("aanvrager", "partner"):
            if inrichting in (wie, "beiden"):
                case[wie]["in_inrichting"] = True
        yield (f"aanvrager {aanvrager}, partner {partner}, kinderen {kinderen}, {recht}, "
               f"inrichting: {inrichting}"), case


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine()


def test_precies_een_normcategorie_per_huishouden(engine: Engine) -> None:
    """Exactly one category's effective condition (with its exceptions) holds, and it is
    the one the engine chooses from the rules that fired (Normbepaling.kies)."""
    from sora_rules.case import parse_peildatum
    from sora_rules.dekking import _geldt, _Omgeving

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
        env = _Omgeving(feiten.waarden, ctx)  # the categories' typed effective conditions
        gelden = [c.id for c in nb.categorieen if c.effectief is not None
                  and _geldt(c.effectief, env, c.effectief.refs()["feit"])]
        aantal += 1
        if len(gelden) != 1 or run.categorie is None or run.categorie.id != gelden[0]:
            fouten.append(f"{naam}: {gelden or 'geen categorie'}, gekozen: "
                          f"{run.categorie.id if run.categorie else None}")
    assert aantal > 300
    assert not fouten, "\n".join(fouten)

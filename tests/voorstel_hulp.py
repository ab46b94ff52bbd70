"""Shared by the tests of `harmonisatie voorstel` and its job under `sora-rules serve`:
the proposal "minima-inkomensgrens 130% in Heiloo and Uitgeest", caseloads, and the
independent count (every case evaluated with two Engines)."""

from __future__ import annotations

import json
import re
import shutil
from collections import Counter
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from sora_rules import Engine
from sora_rules.calculate import round_cents
from sora_rules.minima_effect import HUISHOUDENS, casus
from sora_rules.voorstel import huishoudtype, jaarbedrag

ROOT = Path(__file__).resolve().parents[1]
GEMEENTEN = ("heiloo", "uitgeest")
PEILDATUM = "2026-03-01"


def overlay_130(slug: str) -> str:
    """The gemeente's overlay with minima.inkomensgrens_pct at 130 instead of 120."""
    tekst = (ROOT / "gemeenten" / f"{slug}.yaml").read_text(encoding="utf-8")
    nieuw, n = re.subn(r"(minima\.inkomensgrens_pct:.*?waarde: )120", r"\g<1>130", tekst,
                       count=1, flags=re.S)
    assert n == 1
    return nieuw


def voorstel_130() -> str:
    """The proposal: both overlays in one YAML text, separated by `---`."""
    return "\n---\n".join(overlay_130(g) for g in GEMEENTEN)


def variant_regels(doel: Path) -> Path:
    """A rules root with the proposal applied by hand, for the independent count."""
    for deel in ("rules", "gemeenten", "specs"):
        shutil.copytree(ROOT / deel, doel / deel)
    for g in GEMEENTEN:
        (doel / "gemeenten" / f"{g}.yaml").write_text(overlay_130(g), encoding="utf-8")
    return doel


def caseload_rond_de_grens(n: int = 40) -> str:
    """`n` households in heiloo, uitgeest and alkmaar (in turn) with an income from work
    of 110% to 135% of their bijstandsnorm: around the limits 120% and 130%."""
    engine, dag = Engine(), date.fromisoformat(PEILDATUM)
    typen = [h for h in HUISHOUDENS if h.leeftijd < 67]  # no AOW: the SVB decides there
    regels = []
    for i in range(n):
        slug, h = ("heiloo", "uitgeest", "alkmaar")[i % 3], typen[i % len(typen)]
        zonder = casus(h, slug, dag, None)
        norm = engine.evaluate(zonder, gemeente=slug, peildatum=dag,
                               regelingen=["algemene_bijstand"]).besluiten[0].bedrag["norm"]
        procent = 110 + (i * 7) % 26  # 110..135, spread over the types
        case = casus(h, slug, dag, round_cents(norm * procent / 100))
        regels.append(json.dumps({"gemeente": slug, "peildatum": PEILDATUM, **case},
                                 default=float, ensure_ascii=False))
    return "\n".join(regels) + "\n"


def verwacht(caseload: Path, variant: Path) -> dict[tuple[str, str], dict[str, Any]]:
    """Independently: evaluate each case with two Engines and compare per regeling.

    Per (gemeente, regeling): the lines that gain (`erbij`) and lose (`eraf`) a right,
    the change per year per household type (`per`), and how many gained a right to a
    regeling without an amount (`zonder`)."""
    basis, alt = Engine(), Engine(variant)
    uit: dict[tuple[str, str], dict[str, Any]] = {}
    for n, regel in enumerate(caseload.read_text(encoding="utf-8").splitlines(), start=1):
        case = json.loads(regel)
        if case["gemeente"] not in GEMEENTEN:
            continue
        a = {b.regeling: b.to_dict() for b in basis.evaluate(case).besluiten}
        b = {x.regeling: x.to_dict() for x in alt.evaluate(case).besluiten}
        for rid in a.keys() | b.keys():
            x, y = a[rid], b[rid]
            r = uit.setdefault((case["gemeente"], rid), {"erbij": [], "eraf": [],
                                                         "per": Counter(), "zonder": 0})
            if y["uitkomst"] == "toegekend" and x["uitkomst"] != "toegekend":
                r["erbij"].append(n)
                r["zonder"] += not y.get("bedrag")
            if x["uitkomst"] == "toegekend" and y["uitkomst"] != "toegekend":
                r["eraf"].append(n)
            r["per"][huishoudtype(case)] += (jaarbedrag(y.get("bedrag"))
                                             - jaarbedrag(x.get("bedrag")))
    return uit


def vergelijk(data: dict[str, Any], caseload: Path, variant: Path) -> None:
    """Assert that the report's effects are exactly the independent count."""
    gevonden = {(e["gemeente"], e["regeling"]): e for e in data["effecten"]}
    for key, r in verwacht(caseload, variant).items():
        per = {k: v for k, v in r["per"].items() if v}
        if not (r["erbij"] or r["eraf"] or per):
            assert key not in gevonden
            continue
        e = gevonden.pop(key)
        assert e["erbij"] == len(r["erbij"]) and e["eraf"] == len(r["eraf"])
        assert e["voorbeelden"]["erbij"] == r["erbij"][:3]
        assert e["voorbeelden"]["eraf"] == r["eraf"][:3]
        assert e["zonder_bedrag"] == r["zonder"]
        assert {k: Decimal(str(v)) for k, v in e["per_huishoudtype"].items() if v} == per
        assert Decimal(str(e["verschil_per_jaar"])) == sum(per.values(), Decimal(0))
    assert gevonden == {}

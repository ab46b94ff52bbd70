"""Proof of equality for speed work: the same cases give byte-identical output.

`python bench/gelijk.py schrijf REF.jsonl` evaluates a fixed set of cases and stores, per
case, the decision JSON (in full) and a SHA-256 of the text and HTML letters (or the
error message). `python bench/gelijk.py vergelijk REF.jsonl` evaluates them again and
compares byte for byte; it exits 1 when any differs (it names up to ten).

The cases: the benchmark's generated households (all six gemeenten, five periods), the
full policy and algemene bijstand alone; a richer generator that adds what the benchmark
lacks (aanvraag, minima, schuldhulp, kosten, vrijlatingen, inrichting, EU citizens,
eigen woning, mantelzorg, giften, peildata past the known figures, missing facts); and
every case in voorbeelden/.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
from collections.abc import Iterator
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))

from households import GEMEENTEN, households  # noqa: E402
from sora_rules import Engine  # noqa: E402
from sora_rules.case import load_case_file, load_case_json  # noqa: E402
from sora_rules.errors import InvoerFout  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
PEILDATA = ("2024-01-15", "2024-07-01", "2024-12-31", "2025-01-01", "2025-07-15",
            "2026-01-01", "2026-03-01", "2026-06-30", "2026-08-01", "2027-02-01")
REGELINGEN = ("algemene_bijstand", "individuele_inkomenstoeslag", "bijzondere_bijstand",
              "schuldhulpverlening", "collectieve_zorgverzekering")
SOORTEN = ("arbeid", "uitkering", "pensioen", "alimentatie", "zorgtoeslag", "huurtoeslag",
           "kindgebonden_budget", "kinderbijslag", "overig", "kinderalimentatie",
           "partneralimentatie", "giften")
Geval = tuple[str, dict[str, Any], list[str] | None]  # name, case, regelingen


def _dag(rng: random.Random, rond: date, voor: int, na: int) -> str:
    return (rond + timedelta(days=rng.randint(-voor, na))).isoformat()


def _money(rng: random.Random, hi: int) -> Decimal:
    return Decimal(rng.randint(0, hi * 100)) / 100


def _persoon(rng: random.Random, dag: date, lo: int, hi: int) -> dict[str, Any]:
    p: dict[str, Any] = {"geboortedatum": _dag(rng, dag, hi * 365, -lo * 365)}
    status = rng.choice(("nederlander",) * 6 + ("eu_burger", "verblijfsvergunning", "geen"))
    for veld, kans, waarde in (("verblijfsstatus", 0.9, status),
                               ("in_detentie", 0.7, rng.random() < 0.03),
                               ("recht_op_studiefinanciering", 0.7, rng.random() < 0.05),
                               ("dagen_in_buitenland", 0.6, rng.choice((0, 5, 29, 40, 95))),
                               ("in_inrichting", 0.3, rng.random() < 0.2),
                               ("economisch_actief", 0.2, rng.random() < 0.5)):
        if rng.random() < kans:
            p[veld] = waarde
    if status == "eu_burger" and rng.random() < 0.7:
        p["in_nederland_sinds"] = _dag(rng, dag, 200, 0)
    return p


def _inkomen(rng: random.Random, dag: date, partner: bool) -> dict[str, Any]:
    item: dict[str, Any] = {"soort": rng.choice(SOORTEN),
                            "netto_per_maand": _money(rng, rng.choice((300, 900, 2500)))}
    if rng.random() < 0.9:
        item["persoon"] = "partner" if partner and rng.random() < 0.4 else "aanvrager"
    if rng.random() < 0.3:
        item["sinds"] = _dag(rng, dag, 1500, 0)
        if rng.random() < 0.6:
            item["vrijlating"] = rng.random() < 0.8
    return item


def _rijk(rng: random.Random) -> dict[str, Any]:
    """A household with the parts the benchmark generator leaves out."""
    gemeente = rng.choice(GEMEENTEN)
    peil = rng.choice(PEILDATA)
    dag = date.fromisoformat(peil)
    case: dict[str, Any] = {"gemeente": gemeente, "peildatum": peil,
                            "aanvrager": _persoon(rng, dag, 17, 90)}
    if rng.random() < 0.9:
        case["aanvrager"]["woonplaats"] = gemeente if rng.random() < 0.9 else rng.choice(
            (*GEMEENTEN, "amsterdam"))
    partner = rng.random() < 0.4
    if partner:
        case["partner"] = _persoon(rng, dag, 18, 85)
    if rng.random() < 0.45:
        case["kinderen"] = [{"geboortedatum": _dag(rng, dag, 18 * 365 - 1, 0)}
                            if rng.random() < 0.95 else {}
                            for _ in range(rng.randint(1, 4))]
    if rng.random() < 0.3:
        case["medebewoners"] = [_medebewoner(rng, dag) for _ in range(rng.randint(1, 3))]
    if rng.random() < 0.85:
        case["inkomsten"] = [_inkomen(rng, dag, partner) for _ in range(rng.randint(0, 4))]
    if rng.random() < 0.85:
        case["vermogen"] = _vermogen(rng)
    _delen(rng, case, dag)
    return case


def _medebewoner(rng: random.Random, dag: date) -> dict[str, Any]:
    m: dict[str, Any] = {"geboortedatum": _dag(rng, dag, 90 * 365, -16 * 365)}
    for veld in ("student_met_studiefinanciering", "commerciele_relatie", "mantelzorg"):
        if rng.random() < 0.6:
            m[veld] = rng.random() < 0.2
    return m


def _vermogen(rng: random.Random) -> dict[str, Any]:
    v: dict[str, Any] = {}
    if rng.random() < 0.95:
        v["bezittingen"] = _money(rng, rng.choice((3000, 20000)))
    if rng.random() < 0.8:
        v["schulden"] = _money(rng, 5000)
    if rng.random() < 0.2:
        v["overwaarde_eigen_woning"] = _money(rng, 120000)
    return v


def _delen(rng: random.Random, case: dict[str, Any], dag: date) -> None:
    """aanvraag, minima, schuldhulp and kosten, each in some of the cases."""
    if rng.random() < 0.35:
        aanvraag: dict[str, Any] = {}
        if rng.random() < 0.7:
            aanvraag["melddatum"] = _dag(rng, dag, 60, 10)
        if rng.random() < 0.6:
            aanvraag["regelingen"] = rng.sample(REGELINGEN, rng.randint(1, 3))
        case["aanvraag"] = aanvraag
    if rng.random() < 0.4:
        minima: dict[str, Any] = {"maanden_laag_inkomen": rng.choice((0, 12, 36, 40, 60))}
        if rng.random() < 0.5:
            minima["laatste_iit_toekenning"] = _dag(rng, dag, 800, 0)
        if rng.random() < 0.7:
            minima["zicht_op_inkomensverbetering"] = rng.random() < 0.2
        case["minima"] = minima
    if rng.random() < 0.3:
        hulp = _dag(rng, dag, 30, 30)
        s: dict[str, Any] = {"hulpvraag_datum": hulp,
                             "bedreigende_situaties": rng.sample(
                                 ["woningontruiming", "afsluiting_energie", "afsluiting_water",
                                  "beeindiging_zorgverzekering"], rng.randint(0, 2))}
        if rng.random() < 0.4:
            s["eerdere_schuldhulp_beeindigd_op"] = _dag(
                rng, date.fromisoformat(hulp), 2000, -1)
        if rng.random() < 0.7:
            s["fraudevordering_onherroepelijk"] = rng.random() < 0.1
        if rng.random() < 0.8:
            s["schulden_totaal"] = _money(rng, 30000)
        case["schuldhulp"] = s
    if rng.random() < 0.3:
        case["kosten"] = [{k: v for k, v in (("omschrijving", rng.choice(("bril", "bed", "tand"))),
                                             ("bedrag", _money(rng, 800)),
                                             ("datum", _dag(rng, dag, 300, 0)))
                           if rng.random() < 0.93}
                          for _ in range(rng.randint(1, 3))]


_FOUTEN = (
    ("aanvrager", "geboortedatum", "1990-02-30"), ("aanvrager", "geboortedatum", "2090-01-01"),
    ("aanvrager", "dagen_in_buitenland", -1), ("aanvrager", "verblijfsstatus", "marsbewoner"),
    ("aanvrager", "woonplaats", "heilo"), ("aanvrager", "woonplaats", "Den\x07Helder"),
    ("aanvrager", "onbekend_veld", 1), ("vermogen", "bezittingen", Decimal("10.005")),
    ("vermogen", "schulden", "veel"), ("vermogen", "bezittingen", -5),
    ("minima", "maanden_laag_inkomen", 2.5), ("minima", "laatste_iit_toekenning", "2099-01-01"),
    ("aanvraag", "regelingen", ["onbekende_regeling"]), ("aanvraag", "melddatum", "1950-01-01"),
    ("schuldhulp", "bedreigende_situaties", ["brand"]), ("", "peildatum", "2023-01-01"),
    ("", "gemeente", "amsterdam"), ("", "kinderen", [{"geboortedatum": "1990-01-01"}]),
    ("", "inkomsten", [{"persoon": "partner", "soort": "arbeid", "netto_per_maand": 5}]),
    ("", "kosten", [{"bedrag": 1e12}]), ("", "medebewoners", "twee"),
)


def _fout(rng: random.Random, case: dict[str, Any]) -> dict[str, Any]:
    """The case with one thing wrong (most are refused with a message, some are not)."""
    blok, veld, waarde = rng.choice(_FOUTEN)
    doel = case if not blok else case.setdefault(blok, {})
    doel[veld] = waarde
    if veld == "inkomsten":
        case.pop("partner", None)
    return case


def gevallen() -> Iterator[Geval]:
    for i, case in enumerate(households(2000)):
        yield f"huishouden {i}", case, None
        if i < 600:
            yield f"huishouden {i} (algemene bijstand)", case, ["algemene_bijstand"]
    rng = random.Random(12)
    for i in range(2500):
        yield f"rijk {i}", _rijk(rng), None
    rng = random.Random(13)
    for i in range(600):
        yield f"fout {i}", _fout(rng, _rijk(rng)), None
    for pad in sorted((ROOT / "voorbeelden").glob("*.*")):
        if pad.suffix in (".yaml", ".json"):
            yield pad.name, load_case_file(pad), None
    regels = (ROOT / "voorbeelden" / "voorstellen" / "caseload.jsonl").read_text().splitlines()
    for i, regel in enumerate(regels):
        yield f"caseload {i}", load_case_json(regel), None


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def uitkomsten() -> Iterator[tuple[str, str]]:
    engine = Engine()
    for naam, case, regs in gevallen():
        try:
            b = engine.evaluate(case, regelingen=regs)
        except InvoerFout as exc:
            yield naam, f"FOUT {exc.pad}: {exc.bericht}"
            continue
        yield naam, b.to_json() + f"\ntekst {_sha(b.to_text())}\nhtml {_sha(b.to_html())}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("actie", choices=("schrijf", "vergelijk"))
    parser.add_argument("referentie", type=Path)
    args = parser.parse_args()
    if args.actie == "schrijf":
        with args.referentie.open("w", encoding="utf-8") as out:
            n = 0
            for naam, uit in uitkomsten():
                out.write(json.dumps([naam, uit], ensure_ascii=False) + "\n")
                n += 1
        print(f"{n} uitkomsten geschreven naar {args.referentie}")
        return
    ref = [json.loads(r) for r in args.referentie.read_text(encoding="utf-8").splitlines()]
    verschil = n = 0
    for (naam, uit), (rnaam, ruit) in zip(uitkomsten(), ref, strict=True):
        n += 1
        if naam != rnaam or uit != ruit:
            verschil += 1
            if verschil <= 10:
                print(f"VERSCHIL {naam}")
    fouten = sum(1 for _, u in ref if u.startswith("FOUT"))
    print(f"{n} uitkomsten vergeleken ({fouten} foutmeldingen), {verschil} verschillend")
    sys.exit(1 if verschil else 0)


if __name__ == "__main__":
    main()

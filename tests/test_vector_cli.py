"""`sora-rules simuleer` and the vectorised evaluator's files and fallback (issue #12).

- the three formats give the same besluiten, in input order, and the same summary;
- bad input stops with exit 2, the line and the field in Dutch, no traceback, nothing
  written under the target's name and no temporary file left behind;
- `--variant` adds the variant's besluiten and the what-if summary of `batch --variant`;
- a regeling with a construct the column compiler does not handle is decided by the
  scalar engine for those households, counted and reported, with the same answers.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.csv as pcsv
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(0, str(Path(__file__).parents[1] / "bench"))
from huishoudens_vector import huishoudens  # noqa: E402
from regelkopie import kopieer_regels  # noqa: E402
from test_vector_gelijk import _exact, scalair  # noqa: E402

from households import to_json_line  # noqa: E402
from sora_rules import Engine  # noqa: E402
from sora_rules.cli import main  # noqa: E402
from sora_rules.policy import load_regelset  # noqa: E402
from sora_rules.resources import data_root  # noqa: E402
from sora_rules.vector import VectorEngine  # noqa: E402
from sora_rules.vector.indeling import indeling  # noqa: E402
from sora_rules.vector.kolommen import uit_arrow  # noqa: E402
from sora_rules.vector.plat import plat  # noqa: E402
from sora_rules.vector.uitvoer import records  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def cases() -> list[dict[str, Any]]:
    return huishoudens(400, load_regelset(data_root()), seed=3)


@pytest.fixture(scope="module")
def invoer(tmp_path_factory: pytest.TempPathFactory, cases: list[dict[str, Any]]) -> Path:
    map_ = tmp_path_factory.mktemp("caseload")
    (map_ / "c.jsonl").write_text("".join(to_json_line(c) + "\n" for c in cases),
                                  encoding="utf-8")
    tabel = plat(pa.Table.from_pylist(cases, schema=indeling().arrow_schema()))
    pq.write_table(tabel, map_ / "c.parquet")
    pcsv.write_csv(tabel, map_ / "c.csv")
    return map_


def _draai(*args: str) -> Any:
    return CliRunner().invoke(main, ["simuleer", *args])


def _rijen(pad: Path) -> list[dict[str, Any]]:
    if pad.suffix == ".jsonl":
        return [json.loads(r) for r in pad.read_text(encoding="utf-8").splitlines()]
    tabel = pq.read_table(pad) if pad.suffix == ".parquet" else pcsv.read_csv(
        pad, convert_options=pcsv.ConvertOptions(strings_can_be_null=True))
    return tabel.to_pylist()


def _van_plat(rij: dict[str, Any], mogelijk: tuple[str, ...]) -> list[tuple[str, str, Any]]:
    """(regeling, uitkomst, first failure) of a flat output row: the besluiten, and what
    is not applied for but shown as mogelijk recht."""
    return sorted((k.removesuffix(".uitkomst"), v, rij.get(
        k.replace(".uitkomst", ".eerste_falende_voorwaarde")))
        for k, v in rij.items() if k.endswith(".uitkomst") and v is not None
        and not k.startswith("variant.")
        and (rij[k.replace(".uitkomst", ".aangevraagd")] or v in mogelijk))


@pytest.mark.parametrize("formaat", [".jsonl", ".parquet", ".csv"])
def test_formaten_geven_dezelfde_besluiten(invoer: Path, tmp_path: Path, formaat: str) -> None:
    uit = tmp_path / f"uit{formaat}"
    res = _draai(str(invoer / f"c{formaat}"), "--uitvoer", str(uit))
    assert res.exit_code == 0, res.output
    assert "400 huishoudens beoordeeld" in res.output
    referentie = tmp_path / "ref.jsonl"
    assert _draai(str(invoer / "c.jsonl"), "--uitvoer", str(referentie)).exit_code == 0
    verwacht = [sorted((b["regeling"], b["uitkomst"], b["eerste_falende_voorwaarde"])
                       for b in r["besluiten"] + r.get("mogelijk_recht", []))
                for r in _rijen(referentie)]
    if formaat == ".jsonl":
        assert uit.read_bytes() == referentie.read_bytes()
    else:
        mogelijk = VectorEngine().logica.mogelijk_recht
        assert [_van_plat(r, mogelijk) for r in _rijen(uit)] == verwacht
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".deel")] == []


def test_jsonl_gelijk_aan_scalair(invoer: Path, tmp_path: Path,
                                  cases: list[dict[str, Any]]) -> None:
    uit = tmp_path / "uit.jsonl"
    assert _draai(str(invoer / "c.jsonl"), "--uitvoer", str(uit)).exit_code == 0
    engine = Engine()
    for case, rec in list(zip(cases, _rijen(uit), strict=True))[:60]:
        assert _exact(rec) == scalair(engine, case)


@pytest.mark.parametrize("regel, fout", [
    ('{"aanvrager": {"geboortedatum": "1990-02-30"}}', "aanvrager.geboortedatum"),
    ('{"aanvrager": {"geboortedatum": "1990-01-01"}, "vermogen": {"bezittingen": 1.234}}',
     "vermogen.bezittingen"),
    ('{"aanvrager": {"onbekend": 1}}', "aanvrager"),
    ('{"aanvrager": {"woonplaats": "heilo"}}', "aanvrager.woonplaats"),
    ('{"kinderen": [{"geboortedatum": "2000-01-01"}]}', "kinderen[0].geboortedatum"),
])
def test_foute_invoer_exit_2_met_regel_en_veld(tmp_path: Path, regel: str, fout: str) -> None:
    goed = '{"gemeente": "alkmaar", "peildatum": "2026-03-01"}'
    regel = regel[:-1] + ', "gemeente": "alkmaar", "peildatum": "2026-03-01"}'
    invoer = tmp_path / "c.jsonl"
    invoer.write_text(f"{goed}\n{goed}\n{regel}\n", encoding="utf-8")
    uit = tmp_path / "uit.jsonl"
    res = CliRunner().invoke(main, ["simuleer", str(invoer), "--uitvoer", str(uit)])
    assert res.exit_code == 2, res.output
    assert "regel 3" in res.output and fout in res.output, res.output
    assert "Traceback" not in res.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["c.jsonl"]


_GOED = {"gemeente": "alkmaar", "peildatum": "2026-03-01",
         "aanvrager": {"geboortedatum": "1990-05-01", "woonplaats": "alkmaar"},
         "vermogen": {"bezittingen": 2500.0, "schulden": 0},
         "inkomsten": [{"persoon": "aanvrager", "soort": "arbeid", "netto_per_maand": 800}]}


def _met(pad: str, waarde: Any) -> str:
    case = json.loads(json.dumps(_GOED))
    *boven, naam = pad.split(".")
    doel = case
    for deel in boven:
        doel = doel[int(deel)] if deel.isdigit() else doel[deel]
    doel[naam] = waarde
    return json.dumps(case)


@pytest.mark.parametrize("regel, pad, bericht", [
    (_met("vermogen.bezittingen", "2500.00"), "vermogen.bezittingen", "moet een getal zijn"),
    (_met("inkomsten.0.netto_per_maand", "800"), "inkomsten[0].netto_per_maand",
     "moet een getal zijn"),
    (_met("vermogen.bezittingen", None), "vermogen.bezittingen", "heeft geen waarde"),
    (_met("aanvrager.woonplaats", None), "aanvrager.woonplaats", "heeft geen waarde"),
    (_met("inkomsten", None), "inkomsten", "heeft geen waarde"),
    (_met("partner", None), "partner", "heeft geen waarde"),
    ("", "", "lege regel"),
])
def test_simuleer_weigert_wat_batch_weigert(tmp_path: Path, regel: str, pad: str,
                                           bericht: str) -> None:
    """Arrow alone would read null as absent and "2500.00" as money; the contract (and
    batch) refuse both. The bad line sits in the second chunk (--stuk 2)."""
    goed = json.dumps(_GOED)
    invoer = tmp_path / "c.jsonl"
    invoer.write_text(f"{goed}\n{goed}\n{goed}\n{regel}\n{goed}\n", encoding="utf-8")
    res = _draai(str(invoer), "--uitvoer", str(tmp_path / "uit.jsonl"), "--stuk", "2")
    assert res.exit_code == 2, res.output
    assert f"regel 4: {pad}: {bericht}".replace(": : ", ": ") in res.output, res.output
    b = CliRunner().invoke(main, ["batch", str(invoer), "--uitvoer", str(tmp_path / "b.jsonl")])
    fout = json.loads((tmp_path / "b.jsonl").read_text(encoding="utf-8").splitlines()[3])
    assert b.exit_code == 0 and fout["regel"] == 4 and fout["fout"]["pad"] == pad
    assert fout["fout"]["bericht"].startswith(bericht)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b.jsonl", "c.jsonl"]


def test_simuleer_leest_wat_batch_leest(tmp_path: Path) -> None:
    """What the contract accepts and Arrow would not (a BOM, a whole number written 3.0,
    the word null inside a text) is read as batch reads it: the same besluiten."""
    regels = ["\ufeff" + json.dumps(_GOED), _met("aanvrager.dagen_in_buitenland", 3.0),
              _met("aanvrager.woonplaats", "alkmaar").replace(
                  '"inkomsten"', '"kosten": [{"omschrijving": "bril: null, [null", '
                  '"bedrag": 120, "datum": "2026-02-01"}], "inkomsten"')]
    invoer = tmp_path / "c.jsonl"
    invoer.write_text("".join(r + "\n" for r in regels), encoding="utf-8")
    res = _draai(str(invoer), "--uitvoer", str(tmp_path / "uit.jsonl"))
    assert res.exit_code == 0, res.output
    engine = Engine()
    uit = _rijen(tmp_path / "uit.jsonl")
    for regel, rec in zip(regels, uit, strict=True):
        assert _exact(rec) == scalair(engine, json.loads(regel.removeprefix("\ufeff")))
    assert "bijzondere_bijstand" in {b["regeling"] for b in uit[2]["besluiten"]}


def test_foute_parquet_noemt_het_veld(tmp_path: Path) -> None:
    invoer = tmp_path / "c.parquet"
    pq.write_table(pa.table({"gemeente": ["alkmaar", "alkmaar"],
                             "peildatum": ["2026-03-01", "2026-03-01"],
                             "aanvrager.geboortedatum": ["1990-01-01", "1990-13-01"]}), invoer)
    res = _draai(str(invoer), "--uitvoer", str(tmp_path / "uit.parquet"))
    assert res.exit_code == 2, res.output
    assert "regel 2" in res.output and "aanvrager.geboortedatum" in res.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["c.parquet"]


def test_onbekend_formaat(tmp_path: Path, invoer: Path) -> None:
    res = _draai(str(invoer / "c.jsonl"), "--uitvoer", str(tmp_path / "uit.txt"))
    assert res.exit_code == 2 and "onbekend bestandsformaat" in res.output


def test_variant_wat_als(invoer: Path, tmp_path: Path) -> None:
    variant = tmp_path / "heiloo-130.yaml"
    variant.write_text((ROOT / "gemeenten" / "heiloo.yaml").read_text(encoding="utf-8")
                       .replace("waarde: 120,", "waarde: 130,"), encoding="utf-8")
    uit = tmp_path / "uit.jsonl"
    res = _draai(str(invoer / "c.jsonl"), "--uitvoer", str(uit), "--variant", str(variant))
    assert res.exit_code == 0, res.output
    assert "Wat-als:" in res.output
    rijen = _rijen(uit)
    assert all(("variant" in r) == (r["gemeente"] == "heiloo") for r in rijen)


def test_variant_met_een_nieuwe_regeling(tmp_path: Path) -> None:
    """A variant may add a regeling the current rules do not know at all: simuleer's
    what-if says what batch --variant says (every Heiloo household gets a besluit)."""
    voorstel = ROOT / "voorbeelden" / "voorstellen" / "meedoenpas-heiloo-uitgeest.yaml"
    heiloo = voorstel.read_text(encoding="utf-8").split("\n---")[0]
    variant = tmp_path / "heiloo.yaml"
    variant.write_text(heiloo.replace("id: meedoenpas\n", "id: meedoenpas_heiloo\n"),
                       encoding="utf-8")
    caseload = ROOT / "voorbeelden" / "voorstellen" / "caseload.jsonl"
    sim = _draai(str(caseload), "--uitvoer", str(tmp_path / "s.parquet"), "--variant",
                 str(variant))
    bat = CliRunner().invoke(main, ["batch", str(caseload), "--uitvoer",
                                    str(tmp_path / "b.jsonl"), "--variant", str(variant)])
    assert sim.exit_code == 0 and bat.exit_code == 0, sim.output + bat.output
    wat_als = sim.output[sim.output.index("Wat-als:"):].split("\n")[:5]
    assert "  meedoenpas_heiloo: uitkomst anders bij 97 huishoudens" in wat_als
    assert "\n".join(wat_als) in bat.output


def test_terugval_naar_de_gewone_engine(tmp_path: Path, cases: list[dict[str, Any]]) -> None:
    """An amount with an `aantal` per person inside a `som_over` is not compiled: the
    households of that regeling are decided by the scalar engine, with the same answer."""
    root = kopieer_regels(tmp_path / "regels")
    overlay = root / "gemeenten" / "dijk-en-waard.yaml"
    tekst = overlay.read_text(encoding="utf-8")
    regel = ("        - {leeftijdstabel: dijk_en_waard.meedoenpas.ouderbijdrage_school, "
             "personen: [kinderen]}\n")
    assert regel in tekst
    overlay.write_text(tekst.replace(regel, regel + (
        "        - {formule: {som_over: {personen: [kinderen], waarde: {aantal: "
        "{personen: [aanvrager]}}}}}\n")), encoding="utf-8")
    gekozen = [c for c in cases if c["gemeente"] == "dijk-en-waard"][:40]
    vector = VectorEngine(root)
    resultaat = vector.beslis(
        uit_arrow(pa.Table.from_pylist(gekozen, schema=indeling().arrow_schema())),
        casussen=lambda rijen: [gekozen[int(i)] for i in rijen])
    assert resultaat.terugval == {"meedoenpas": len(gekozen)}
    engine = Engine(root)
    for case, rec in zip(gekozen, records(resultaat), strict=True):
        assert _exact(rec) == scalair(engine, case)


def test_evaluate_laadt_geen_numpy_of_pyarrow() -> None:
    """`sora-rules evaluate` starts without the vectorised path's libraries (≈ 0.3 s of
    imports): the CLI loads them only when simuleer runs."""
    import subprocess

    code = ("import sys, sora_rules.cli; "
            "print(sorted(m for m in ('numpy', 'pyarrow') if m in sys.modules))")
    uit = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    assert uit.strip() == "[]"

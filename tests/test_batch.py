"""Batch evaluation: order, error records, resume after a kill, parallel, what-if."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from sora_rules import Engine
from sora_rules.batch import deel_pad, run_batch

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
from households import to_json_line, write_caseload  # noqa: E402


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT / "engine" / "src")}


def _cli(*args: str, **kw: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "sora_rules", *args], capture_output=True,
                          text=True, env=_env(), **kw)  # type: ignore[call-overload]


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine()


@pytest.fixture(scope="module")
def caseload(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("batch") / "caseload.jsonl"
    write_caseload(path, 400)
    with path.open("a", encoding="utf-8") as handle:
        handle.write('{"gemeente": "amsterdam"}\n')  # line 401: unknown gemeente
        handle.write("dit is geen json\n")  # line 402
        handle.write("\n")  # line 403: empty
    return path


def test_one_decision_per_line_in_input_order(tmp_path: Path, caseload: Path,
                                              engine: Engine) -> None:
    out = tmp_path / "besluiten.jsonl"
    result = run_batch(caseload, out)
    lines = out.read_text(encoding="utf-8").splitlines()
    inputs = caseload.read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(inputs) == 403
    assert not deel_pad(out).exists()
    for text, line in list(zip(inputs, lines, strict=True))[:50]:
        expected = engine.evaluate(json.loads(text)).to_dict()
        assert json.loads(line) == json.loads(json.dumps(expected))
    errors = [json.loads(x) for x in lines[400:]]
    assert [e["regel"] for e in errors] == [401, 402, 403]
    assert errors[0]["fout"]["pad"] == "gemeente"
    assert "ongeldige JSON" in errors[1]["fout"]["bericht"]
    assert result.samenvatting.verwerkt == 403 and result.samenvatting.fouten == 3
    counts = result.samenvatting.aantallen
    assert sum(n for (r, _), n in counts.items() if r == "algemene_bijstand") == 400


def test_summary_totals_match_the_decisions(tmp_path: Path, caseload: Path) -> None:
    out = tmp_path / "b.jsonl"
    result = run_batch(caseload, out)
    total = 0.0
    for line in out.read_text(encoding="utf-8").splitlines():
        doc = json.loads(line)
        for b in doc.get("besluiten", []):
            if b["regeling"] == "algemene_bijstand":
                total += b["bedrag"].get("per_maand", 0)
    got = result.samenvatting.to_dict()["regelingen"]["algemene_bijstand"]["totaal"]["per_maand"]
    assert got == pytest.approx(total, abs=0.005)


def test_two_workers_give_identical_output(tmp_path: Path, caseload: Path) -> None:
    one, two = tmp_path / "een.jsonl", tmp_path / "twee.jsonl"
    run_batch(caseload, one, workers=1)
    run_batch(caseload, two, workers=2)
    assert one.read_bytes() == two.read_bytes()


def test_interrupted_run_resumes_without_loss_or_duplicates(tmp_path: Path,
                                                            caseload: Path) -> None:
    full = tmp_path / "volledig.jsonl"
    run_batch(caseload, full)
    out = tmp_path / "onderbroken.jsonl"

    class Stop(Exception):
        pass

    def stop_after(done: int, _total: int) -> None:
        if done >= 150:
            raise Stop

    with pytest.raises(Stop):
        run_batch(caseload, out, voortgang=stop_after)
    assert not out.exists() and deel_pad(out).exists()
    with deel_pad(out).open("ab") as handle:  # a torn, half-written last line
        handle.write(b'{"gemeente": "alk')
    with pytest.raises(Exception, match="hervat"):
        run_batch(caseload, out)
    result = run_batch(caseload, out, hervat=True)
    assert 150 <= result.hervat_vanaf < 403
    assert out.read_bytes() == full.read_bytes()
    assert result.samenvatting.verwerkt == 403


def test_killed_cli_run_resumes_to_identical_file(tmp_path: Path) -> None:
    caseload = tmp_path / "groot.jsonl"
    write_caseload(caseload, 6000, seed=7)
    full = tmp_path / "volledig.jsonl"
    assert _cli("batch", str(caseload), "--uitvoer", str(full), "--workers", "2").returncode == 0
    out = tmp_path / "gedood.jsonl"
    proc = subprocess.Popen([sys.executable, "-m", "sora_rules", "batch", str(caseload),
                             "--uitvoer", str(out), "--workers", "2"], env=_env(),
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            start_new_session=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        part = deel_pad(out)
        if part.exists() and part.stat().st_size > 200_000:
            break
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    assert not out.exists(), "a killed run must not leave a complete-looking file"
    resumed = _cli("batch", str(caseload), "--uitvoer", str(out), "--workers", "2", "--hervat")
    assert resumed.returncode == 0, resumed.stderr
    assert "Hervat na regel" in resumed.stdout
    assert out.read_bytes() == full.read_bytes()


def test_cli_batch_summary_and_refusal_to_overwrite_partial(tmp_path: Path,
                                                            caseload: Path) -> None:
    out = tmp_path / "cli.jsonl"
    deel_pad(out).write_text("", encoding="utf-8")
    refused = _cli("batch", str(caseload), "--uitvoer", str(out))
    assert refused.returncode == 2 and "--hervat" in refused.stderr
    deel_pad(out).unlink()
    summary = tmp_path / "samenvatting.json"
    ok = _cli("batch", str(caseload), "--uitvoer", str(out), "--samenvatting", str(summary))
    assert ok.returncode == 0, ok.stderr
    assert "Verwerkt: 403 casussen, waarvan 3 met een invoerfout." in ok.stdout
    data = json.loads(summary.read_text(encoding="utf-8"))
    assert data["samenvatting"]["fouten"] == 3
    missing = _cli("batch", str(tmp_path / "bestaat-niet.jsonl"), "--uitvoer", str(out))
    assert missing.returncode == 2 and "invoer" in missing.stderr
    assert "Traceback" not in missing.stderr


def _heiloo(inkomen: str, *, gemeente: str = "heiloo", kind: bool = False) -> str:
    case = {
        "gemeente": gemeente, "peildatum": "2026-03-01",
        "aanvrager": {"geboortedatum": "1980-05-01", "woonplaats": gemeente,
                      "verblijfsstatus": "nederlander", "in_detentie": False,
                      "recht_op_studiefinanciering": False, "dagen_in_buitenland": 0},
        "inkomsten": [{"persoon": "aanvrager", "soort": "arbeid",
                       "netto_per_maand": float(inkomen)}],
        "vermogen": {"bezittingen": 0, "schulden": 0},
        "minima": {"maanden_laag_inkomen": 40, "zicht_op_inkomensverbetering": False},
    }
    if kind:
        case["kinderen"] = [{"geboortedatum": "2016-01-01"}]
    return to_json_line(case)


def test_what_if_heiloo_130_percent(tmp_path: Path) -> None:
    # Alleenstaande 2026, norm € 1.401,50 (incl. vakantietoeslag, geen kostendelers):
    #   120% = 1.681,80 and 130% = 1.401,50 × 1,30 = 1.821,95.
    # Heiloo implements minima.inkomensgrens_pct (collectieve zorgverzekering, Jeugdfonds,
    # maatschappelijke participatie); the IIT has its own open term and does not move.
    # With kinderen the alleenstaande-ouder norm is the same € 1.401,50.
    caseload = tmp_path / "heiloo.jsonl"
    lines = [
        _heiloo("1600.00"),              # under 120%: nothing changes
        _heiloo("1700.00"),              # between: czv + mp flip to toegekend
        _heiloo("1821.95"),              # exactly 130%: flips as well (≤)
        _heiloo("1821.96"),              # above 130%: nothing changes
        _heiloo("1750.00", kind=True),   # between, with a child: czv + mp + Jeugdfonds flip
        _heiloo("1700.00", gemeente="alkmaar"),  # another gemeente: untouched
    ]
    caseload.write_text("\n".join(lines) + "\n", encoding="utf-8")
    variant = tmp_path / "heiloo-130.yaml"
    text = (ROOT / "gemeenten" / "heiloo.yaml").read_text(encoding="utf-8")
    variant.write_text(text.replace("{waarde: 120,", "{waarde: 130,"), encoding="utf-8")
    result = run_batch(caseload, tmp_path / "uit.jsonl", variant=variant)
    assert result.whatif is not None
    report = result.whatif.to_dict()
    assert report["huishoudens_met_verschil"] == 3
    regs = report["regelingen"]
    assert regs["collectieve_zorgverzekering"]["uitkomst_veranderd"] == 3
    assert regs["maatschappelijke_participatie"]["uitkomst_veranderd"] == 3
    assert regs["maatschappelijke_participatie"]["overgangen"] == {"afgewezen -> toegekend": 3}
    assert regs["jeugdfonds_sport_cultuur"]["uitkomst_veranderd"] == 1
    assert "individuele_inkomenstoeslag" not in regs
    diffs = [json.loads(x) for x in result.verschillen.read_text(encoding="utf-8").splitlines()]
    assert sorted({d["regel"] for d in diffs}) == [2, 3, 5]
    assert all(d["gemeente"] == "heiloo" for d in diffs)

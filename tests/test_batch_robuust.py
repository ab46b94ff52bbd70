"""Batch robustness (issue #8): nothing lost, nothing destroyed, every failure a clear message.

Each test here failed against the batch code before the fix: an output on top of the
caseload, a missing or read-only output directory, a variant that is no overlay, a full
disk, invalid UTF-8 and Ctrl-C all ended in a traceback-ish internal error, a destroyed
input, a lost line or exit 0.
"""

from __future__ import annotations

import errno
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from sora_rules.batch import OmgevingsFout, deel_pad, run_batch
from sora_rules.errors import InvoerFout

ROOT = Path(__file__).resolve().parents[1]
SORA = ROOT / ".venv" / "bin" / "sora-rules"
sys.path.insert(0, str(ROOT / "bench"))
from households import to_json_line, write_caseload  # noqa: E402


def _cli(*args: str | Path) -> subprocess.CompletedProcess[str]:
    cmd = [str(SORA)] if SORA.exists() else [sys.executable, "-m", "sora_rules"]
    env = {**os.environ, "PYTHONPATH": str(ROOT / "engine" / "src")}
    return subprocess.run([*cmd, *map(str, args)], capture_output=True, text=True, env=env,
                          timeout=120)


def _schoon(result: subprocess.CompletedProcess[str]) -> None:
    """No traceback and no Python class name reaches the user."""
    assert "Traceback" not in result.stderr
    for naam in ("Error", "Exception", "KeyboardInterrupt", "AttributeError"):
        assert naam not in result.stderr, result.stderr


@pytest.fixture
def caseload(tmp_path: Path) -> Path:
    path = tmp_path / "caseload.jsonl"
    write_caseload(path, 12)
    return path


@pytest.fixture(scope="module")
def volledig(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, bytes]:
    """A caseload and the output of an uninterrupted run, shared by the resume tests."""
    tmp = tmp_path_factory.mktemp("volledig")
    path = tmp / "caseload.jsonl"
    write_caseload(path, 450, seed=11)
    run_batch(path, tmp / "uit.jsonl")
    return path, (tmp / "uit.jsonl").read_bytes()


# -- 1. an output on top of the input ------------------------------------------------

def test_cli_refuses_output_equal_to_input_and_leaves_it_untouched(tmp_path: Path,
                                                                   caseload: Path) -> None:
    before = caseload.read_bytes()
    result = _cli("batch", caseload, "--uitvoer", caseload)
    assert result.returncode == 2, result.stderr
    assert "is het invoerbestand" in result.stderr and str(caseload) in result.stderr
    _schoon(result)
    assert caseload.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["caseload.jsonl"]


def test_cli_refuses_a_symlink_to_the_input(tmp_path: Path, caseload: Path) -> None:
    before = caseload.read_bytes()
    (tmp_path / "link.jsonl").symlink_to(caseload)
    result = _cli("batch", caseload, "--uitvoer", tmp_path / "link.jsonl")
    assert result.returncode == 2 and "invoerbestand" in result.stderr
    assert caseload.read_bytes() == before


def _spellings(tmp_path: Path, caseload: Path) -> Iterator[tuple[str, dict[str, Any]]]:
    rel = Path(os.path.relpath(caseload))
    (tmp_path / "hard.jsonl").hardlink_to(caseload)
    (tmp_path / "sub").mkdir()
    yield "relative", {"uitvoer": rel}
    yield "dotdot", {"uitvoer": tmp_path / "sub" / ".." / caseload.name}
    yield "hardlink", {"uitvoer": tmp_path / "hard.jsonl"}
    yield "verschillen", {"uitvoer": tmp_path / "u.jsonl", "verschillen": caseload}
    yield "samenvatting", {"uitvoer": tmp_path / "u.jsonl", "samenvatting_pad": caseload}
    yield "absolute", {"uitvoer": caseload.resolve()}


def test_no_spelling_of_the_input_is_accepted_as_an_output(tmp_path: Path,
                                                           caseload: Path) -> None:
    before = caseload.read_bytes()
    for naam, kwargs in _spellings(tmp_path, caseload):
        uitvoer = kwargs.pop("uitvoer")
        with pytest.raises(InvoerFout, match="invoerbestand"):
            run_batch(caseload, uitvoer, **kwargs)
        assert caseload.read_bytes() == before, naam
    assert not list(tmp_path.glob("*.deel")) and not (tmp_path / "u.jsonl").exists()


def test_resume_into_a_deel_that_is_the_input_is_refused(tmp_path: Path,
                                                         caseload: Path) -> None:
    invoer = tmp_path / "q.jsonl.deel"
    shutil.copyfile(caseload, invoer)
    before = invoer.read_bytes()
    with pytest.raises(InvoerFout, match="invoerbestand"):
        run_batch(invoer, tmp_path / "q.jsonl", hervat=True)
    assert invoer.read_bytes() == before and not (tmp_path / "q.jsonl").exists()


def test_the_variant_is_not_overwritten_either(tmp_path: Path, caseload: Path) -> None:
    variant = tmp_path / "heiloo-130.yaml"
    shutil.copyfile(ROOT / "gemeenten" / "heiloo.yaml", variant)
    with pytest.raises(InvoerFout, match="is de variant"):
        run_batch(caseload, tmp_path / "u.jsonl", variant=variant, verschillen=variant)
    assert variant.read_bytes() == (ROOT / "gemeenten" / "heiloo.yaml").read_bytes()


def test_two_outputs_on_one_file_are_refused(tmp_path: Path, caseload: Path) -> None:
    out = tmp_path / "u.jsonl"
    with pytest.raises(InvoerFout, match="hetzelfde bestand als --uitvoer"):
        run_batch(caseload, out, verschillen=out)


# -- 2. output directory, variant and rules checked before the run ---------------------

def test_cli_missing_output_directory_is_input_error(tmp_path: Path, caseload: Path) -> None:
    result = _cli("batch", caseload, "--uitvoer", tmp_path / "nergens" / "u.jsonl")
    assert result.returncode == 2 and "nergens" in result.stderr and "bestaat niet" in result.stderr
    _schoon(result)


def test_cli_output_that_is_a_directory_is_input_error(tmp_path: Path, caseload: Path) -> None:
    (tmp_path / "map").mkdir()
    result = _cli("batch", caseload, "--uitvoer", tmp_path / "map")
    assert result.returncode == 2 and "is een map" in result.stderr
    _schoon(result)
    assert not deel_pad(tmp_path / "map").exists()


@pytest.fixture
def onveranderlijke_map(tmp_path: Path) -> Iterator[Path]:
    """A directory even root cannot write in (chattr +i), where the filesystem allows it."""
    path = tmp_path / "alleen-lezen"
    path.mkdir()
    if shutil.which("chattr") is None or subprocess.run(
            ["chattr", "+i", str(path)], capture_output=True).returncode != 0:
        pytest.skip("chattr +i is hier niet mogelijk")
    try:
        yield path
    finally:
        subprocess.run(["chattr", "-i", str(path)], check=True)


def test_cli_read_only_output_directory_is_environment_error(onveranderlijke_map: Path,
                                                             caseload: Path) -> None:
    out = onveranderlijke_map / "u.jsonl"
    result = _cli("batch", caseload, "--uitvoer", out)
    assert result.returncode == 1, result.stderr
    assert "geen toestemming" in result.stderr and "niets geschreven" in result.stderr
    assert str(deel_pad(out)) in result.stderr
    _schoon(result)
    assert list(onveranderlijke_map.iterdir()) == []


def test_permission_denied_is_reported_before_any_evaluation(
        tmp_path: Path, caseload: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    echte_open = Path.open

    def open_zonder_rechten(self: Path, *args: Any, **kwargs: Any) -> Any:
        if self.name.endswith(".deel"):
            raise PermissionError(errno.EACCES, "Permission denied", str(self))
        return echte_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", open_zonder_rechten)
    voortgang: list[int] = []
    with pytest.raises(OmgevingsFout, match="geen toestemming.*niets geschreven"):
        run_batch(caseload, tmp_path / "u.jsonl", voortgang=lambda n, _t: voortgang.append(n))
    assert voortgang == [] and not (tmp_path / "u.jsonl").exists()


def _overlay(tmp_path: Path, naam: str, tekst: str | bytes) -> Path:
    path = tmp_path / naam
    if isinstance(tekst, bytes):
        path.write_bytes(tekst)
    else:
        path.write_text(tekst, encoding="utf-8")
    return path


def test_cli_case_file_as_variant_is_input_error(tmp_path: Path, caseload: Path) -> None:
    casus = ROOT / "voorbeelden" / "alleenstaande-met-kostendeler.yaml"
    result = _cli("batch", caseload, "--uitvoer", tmp_path / "u.jsonl", "--variant", casus)
    assert result.returncode == 2 and "geen gemeente-overlay" in result.stderr
    assert str(casus) in result.stderr
    _schoon(result)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["caseload.jsonl"]


def test_broken_variants_are_refused_naming_the_file(tmp_path: Path, caseload: Path) -> None:
    heiloo = (ROOT / "gemeenten" / "heiloo.yaml").read_text(encoding="utf-8")
    gevallen: dict[str, tuple[str | bytes, str]] = {
        "kapot.yaml": ("a: [", "ongeldige YAML"),
        "ongeldig.yaml": (heiloo + "onzin: 1\n", "onbekende sleutel 'onzin'"),
        "amsterdam.yaml": (heiloo.replace("slug: heiloo", "slug: amsterdam"),
                           "onbekende gemeente 'amsterdam'"),
        "latin1.yaml": (heiloo.encode() + b"# caf\xe9\n", "geen geldige UTF-8-tekst (byte 0xe9"),
        "lijst.yaml": ("- 1\n- 2\n", "geen gemeente-overlay"),
    }
    for naam, (tekst, melding) in gevallen.items():
        variant = _overlay(tmp_path, naam, tekst)
        with pytest.raises(InvoerFout, match="variant") as info:
            run_batch(caseload, tmp_path / "u.jsonl", variant=variant)
        assert melding in str(info.value) and naam in str(info.value), str(info.value)
        assert "sora-variant" not in str(info.value)  # the temporary copy is not named
    assert sorted(p.name for p in tmp_path.glob("u*")) == []


def test_cli_rules_dir_that_is_not_one_is_input_error(tmp_path: Path, caseload: Path) -> None:
    result = _cli("batch", caseload, "--uitvoer", tmp_path / "u.jsonl", "--regels", tmp_path)
    assert result.returncode == 2 and "geen regelmap" in result.stderr
    _schoon(result)
    assert not deel_pad(tmp_path / "u.jsonl").exists()


# -- 2b. a full disk during the run ---------------------------------------------------------

class _VolNa:
    """A raw file that fills up after `ruimte` bytes, tearing the write that crosses it."""

    def __init__(self, echt: Any, ruimte: int) -> None:
        self.echt, self.ruimte = echt, ruimte

    def write(self, data: Any) -> int:
        if self.ruimte <= 0:
            raise OSError(errno.ENOSPC, "No space left on device")
        n = self.echt.write(bytes(data)[:self.ruimte])
        self.ruimte -= n
        return int(n)

    def __getattr__(self, naam: str) -> Any:
        return getattr(self.echt, naam)


def _schijf_vol_na(monkeypatch: pytest.MonkeyPatch, ruimte: int) -> None:
    echte_open = Path.open

    def open_met_grens(self: Path, *args: Any, **kwargs: Any) -> Any:
        handle = echte_open(self, *args, **kwargs)
        return _VolNa(handle, ruimte) if self.name.endswith(".deel") else handle

    monkeypatch.setattr(Path, "open", open_met_grens)


def test_disk_full_midway_keeps_whole_lines_and_resumes_identically(
        tmp_path: Path, volledig: tuple[Path, bytes], monkeypatch: pytest.MonkeyPatch) -> None:
    invoer, verwacht = volledig
    out = tmp_path / "u.jsonl"
    _schijf_vol_na(monkeypatch, len(verwacht) // 2)
    with pytest.raises(OmgevingsFout) as info:
        run_batch(invoer, out)
    bericht = str(info.value)
    assert "de schijf is vol" in bericht and str(deel_pad(out)) in bericht and "--hervat" in bericht
    monkeypatch.undo()
    deel = deel_pad(out).read_bytes()
    assert not out.exists() and deel.endswith(b"\n") and verwacht.startswith(deel)
    klaar = deel.count(b"\n")
    assert f"de eerste {klaar} regels" in bericht
    result = run_batch(invoer, out, hervat=True)
    assert result.hervat_vanaf == klaar > 0
    assert out.read_bytes() == verwacht and result.samenvatting.verwerkt == 450


def test_disk_full_from_the_start_leaves_nothing(tmp_path: Path, caseload: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    echte_open = Path.open

    def open_dev_full(self: Path, *args: Any, **kwargs: Any) -> Any:
        if self.name.endswith(".deel"):
            return echte_open(Path("/dev/full"), *args, **kwargs)
        return echte_open(self, *args, **kwargs)

    if not Path("/dev/full").exists():
        pytest.skip("geen /dev/full")
    monkeypatch.setattr(Path, "open", open_dev_full)
    with pytest.raises(OmgevingsFout, match="de schijf is vol; er is niets geschreven"):
        run_batch(caseload, tmp_path / "u.jsonl")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["caseload.jsonl"]


def test_cli_full_disk_for_the_summary_is_environment_error(tmp_path: Path,
                                                            caseload: Path) -> None:
    if not Path("/dev/full").exists():
        pytest.skip("geen /dev/full")
    out, summary = tmp_path / "u.jsonl", tmp_path / "s.json"
    deel_pad(summary).symlink_to("/dev/full")
    result = _cli("batch", caseload, "--uitvoer", out, "--samenvatting", summary)
    assert result.returncode == 1, result.stderr
    assert "de schijf is vol" in result.stderr and str(summary) in result.stderr
    _schoon(result)
    assert not summary.exists()
    assert len(out.read_bytes().splitlines()) == 12  # the decisions themselves are complete


# -- 3. every input line gives exactly one output line ------------------------------------

def _regels() -> list[bytes]:
    geldig = to_json_line({
        "gemeente": "alkmaar", "peildatum": "2026-03-01",
        "aanvrager": {"geboortedatum": "1980-05-01", "woonplaats": "alkmaar",
                      "verblijfsstatus": "nederlander"},
        "inkomsten": [], "vermogen": {"bezittingen": 0},
        "kosten": [{"omschrijving": "bril", "bedrag": 120.0, "datum": "2026-02-01"}]}).encode()
    return [
        geldig + b"\n",
        geldig.replace(b"bril", b"br\xffil") + b"\n",  # invalid UTF-8 inside a free text
        b" \t \n",  # only whitespace
        geldig + b"\r\n",  # CRLF
        geldig.replace(b"bril", b"br\x00il") + b"\n",  # a NUL byte
        b'{"kosten": [' + b'{"omschrijving": "x"}, ' * 150_000 + b"{}]}\n",  # ~3 MB
        b"\xc3\n",  # a truncated multi-byte sequence
        geldig,  # the last line has no newline
    ]


@pytest.mark.parametrize("workers", [1, 2])
def test_every_line_gives_exactly_one_output_line(tmp_path: Path, workers: int) -> None:
    invoer, out = tmp_path / "raar.jsonl", tmp_path / "u.jsonl"
    invoer.write_bytes(b"".join(_regels()))
    result = run_batch(invoer, out, workers=workers)
    data = out.read_bytes()
    assert data.endswith(b"\n") and b"\r" not in data and b"\x00" not in data
    lines = [json.loads(x) for x in data.split(b"\n")[:-1]]
    assert len(lines) == 8 and result.samenvatting.verwerkt == 8
    fouten = {x["regel"]: x["fout"] for x in lines if "fout" in x}
    assert sorted(fouten) == [2, 3, 5, 6, 7]
    positie = _regels()[1].index(b"\xff") + 1
    assert fouten[2] == {"pad": "", "bericht": "regel 2 is geen geldige UTF-8-tekst "
                                               f"(byte 0xff op positie {positie})"}
    assert fouten[7]["bericht"] == "regel 7 is geen geldige UTF-8-tekst (byte 0xc3 op positie 1)"
    assert fouten[3]["bericht"] == "lege regel"
    assert lines[0] == lines[3] == lines[7]
    assert result.samenvatting.fouten == 5


# -- 4. Ctrl-C -------------------------------------------------------------------------

def _levende_processen(pgid: int) -> list[str]:
    """Processes of a process group that still run (zombies of a non-reaping init excluded)."""
    levend = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            velden = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(velden[2]) == pgid and velden[0] != "Z":
            levend.append(stat.parent.name)
    return levend


def test_sigint_with_workers_exits_130_and_resumes_to_identical_file(tmp_path: Path) -> None:
    caseload = tmp_path / "groot.jsonl"
    write_caseload(caseload, 10000, seed=5)  # long enough that SIGINT lands mid-run under load
    out = tmp_path / "onderbroken.jsonl"
    cmd = [str(SORA)] if SORA.exists() else [sys.executable, "-m", "sora_rules"]
    proc = subprocess.Popen([*cmd, "batch", str(caseload), "--uitvoer", str(out), "--workers",
                             "2"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=True)
    deel, deadline = deel_pad(out), time.monotonic() + 60
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            if deel.stat().st_size > 0:
                break
        except FileNotFoundError:  # not yet created, or the up-front write check removed it
            pass
        time.sleep(0.02)
    proc.send_signal(signal.SIGINT)
    try:
        _, stderr = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
    assert proc.returncode == 130, stderr
    assert "Traceback" not in stderr and "--hervat" in stderr
    for _ in range(50):
        if not _levende_processen(proc.pid):
            break
        time.sleep(0.1)
    assert _levende_processen(proc.pid) == [], "pool processes outlived the interrupted run"
    kept = deel.read_bytes()
    assert not out.exists() and kept.endswith(b"\n") and 0 < kept.count(b"\n") < 10000
    resumed = _cli("batch", caseload, "--uitvoer", out, "--workers", "2", "--hervat")
    assert resumed.returncode == 0, resumed.stderr
    full = tmp_path / "volledig.jsonl"
    run_batch(caseload, full, workers=2)
    assert out.read_bytes() == full.read_bytes()

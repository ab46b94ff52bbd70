"""`sora-rules serve` against a real running server (DESIGN §7, HTTP)."""

from __future__ import annotations

import json
import os
import socket
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CASUS = ROOT / "voorbeelden" / "gezin-met-inkomen.json"
AANTAL = int(os.environ.get("SORA_SERVE_AANTAL", "2000"))


def _vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def basis() -> Iterator[str]:
    poort = _vrije_poort()
    proc = subprocess.Popen([sys.executable, "-m", "sora_rules", "serve", "--port", str(poort)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{poort}"
    try:
        for _ in range(300):
            try:
                urllib.request.urlopen(url + "/v1/openapi.json", timeout=1).close()
                break
            except OSError:
                if proc.poll() is not None:
                    pytest.fail(proc.stderr.read().decode() if proc.stderr else "gestopt")
                time.sleep(0.1)
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def _vraag(url: str, data: bytes | None = None,
           methode: str | None = None) -> tuple[int, dict[str, str], bytes]:
    req = urllib.request.Request(url, data=data, method=methode,
                                 headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(req, timeout=120) as r:
            return r.status, dict(r.headers), r.read()
    except urllib.error.HTTPError as exc:
        return exc.code, dict(exc.headers), exc.read()


def test_besluit_is_byte_gelijk_aan_de_cli(basis: str) -> None:
    cli = subprocess.run([sys.executable, "-m", "sora_rules", "evaluate", str(CASUS),
                          "--format", "json", "--peildatum", "2026-03-01"],
                         capture_output=True, check=True).stdout
    status, headers, body = _vraag(basis + "/v1/besluiten?peildatum=2026-03-01",
                                   CASUS.read_bytes())
    assert status == 200
    assert headers["content-type"] == "application/json"
    assert body == cli


def test_ongeldige_casus_is_400_met_het_veldpad(basis: str) -> None:
    casus = json.loads(CASUS.read_text(encoding="utf-8"))
    casus["aanvrager"]["geboortedatum"] = "gisteren"
    status, headers, body = _vraag(basis + "/v1/besluiten", json.dumps(casus).encode())
    assert status == 400
    assert headers["content-type"] == "application/problem+json"
    doc = json.loads(body)
    assert {"type", "title", "status", "detail", "invalid-params"} <= set(doc)
    assert doc["status"] == 400
    assert [p["name"] for p in doc["invalid-params"]] == ["aanvrager.geboortedatum"]
    assert doc["invalid-params"][0]["reason"]


def test_kapotte_json_te_groot_en_onbekend_pad_zijn_problemen(basis: str) -> None:
    for url, data, verwacht in ((basis + "/v1/besluiten", b"{kapot", 400),
                                (basis + "/v1/besluiten", b" " * 1_000_001, 413),
                                (basis + "/v1/bestaat-niet", None, 404),
                                (basis + "/v1/regelingen", None, 400)):
        status, headers, body = _vraag(url, data)
        assert status == verwacht, url
        assert headers["content-type"] == "application/problem+json"
        assert headers["api-version"] == "1.0.0"
        assert json.loads(body)["status"] == verwacht


def test_api_version_en_overzichten(basis: str) -> None:
    for pad in ("/v1/openapi.json", "/v1/gemeenten?peildatum=2026-03-01",
                "/v1/regelingen?gemeente=heiloo&peildatum=2026-03-01",
                "/v1/harmonisatie/matrix?peildatum=2026-03-01",
                "/v1/harmonisatie/minima-effect?peildatum=2026-03-01&gemeente=bergen"):
        status, headers, body = _vraag(basis + pad)
        assert status == 200, pad
        assert headers["api-version"] == "1.0.0"
        assert isinstance(json.loads(body), dict)


def test_overzicht_is_gelijk_aan_de_cli(basis: str) -> None:
    cli = subprocess.run([sys.executable, "-m", "sora_rules", "gemeenten", "--format", "json",
                          "--peildatum", "2026-03-01"], capture_output=True, check=True).stdout
    assert _vraag(basis + "/v1/gemeenten?peildatum=2026-03-01")[2] == cli


def test_openapi_is_geldig(basis: str) -> None:
    from openapi_spec_validator import validate

    doc = json.loads(_vraag(basis + "/v1/openapi.json")[2])
    validate(doc)
    assert doc["openapi"].startswith("3.")
    assert "/v1/besluiten" in doc["paths"]


def belast(basis: str, aantal: int, draden: int = 8) -> tuple[float, float, int]:
    """`aantal` decisions from `draden` client threads: (p50 ms, p99 ms, errors)."""
    data = CASUS.read_bytes()

    def een(_: int) -> tuple[float, int]:
        begin = time.perf_counter()
        status = _vraag(basis + "/v1/besluiten?peildatum=2026-03-01", data)[0]
        return (time.perf_counter() - begin) * 1000, status

    with ThreadPoolExecutor(draden) as pool:
        uitkomsten = list(pool.map(een, range(aantal)))
    tijden = sorted(t for t, _ in uitkomsten)
    fouten = sum(1 for _, s in uitkomsten if s != 200)
    return statistics.median(tijden), tijden[int(len(tijden) * 0.99) - 1], fouten


def test_belasting(basis: str) -> None:
    begin = time.perf_counter()
    p50, p99, fouten = belast(basis, AANTAL)
    duur = time.perf_counter() - begin
    print(f"\n{AANTAL} besluiten, 8 draden: p50 {p50:.1f} ms, p99 {p99:.1f} ms, {duur:.1f} s")
    assert fouten == 0

"""`sora-rules serve` against a real running server (DESIGN §7, HTTP)."""

from __future__ import annotations

import http.client
import json
import os
import re
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from server import draaiende_server
from voorstel_hulp import (
    caseload_rond_de_grens,
    overlay_130,
    variant_regels,
    vergelijk,
    voorstel_130,
)

from sora_rules.case import MAX_INVOER
from sora_rules.opdrachten import MAX_OPDRACHT
from sora_rules.voorstel import VOORTGANG_STAP

ROOT = Path(__file__).resolve().parents[1]
CASUS = ROOT / "voorbeelden" / "gezin-met-inkomen.json"
AANTAL = int(os.environ.get("SORA_SERVE_AANTAL", "2000"))


@pytest.fixture(scope="module")
def basis() -> Iterator[str]:
    with draaiende_server() as url:
        yield url


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


def test_kapotte_json_en_onbekend_pad_zijn_problemen(basis: str) -> None:
    for url, data, verwacht in ((basis + "/v1/besluiten", b"{kapot", 400),
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
    opdrachten = "/v1/harmonisatie/voorstel-opdrachten"
    verwacht = {("/v1/diff", "get"): {"200", "400"},
                (opdrachten, "post"): {"202", "400", "413", "503"},
                (opdrachten + "/{opdracht_id}", "get"): {"200", "404"},
                (opdrachten + "/{opdracht_id}/resultaat", "get"): {"200", "404", "409"},
                ("/v1/paginas/voorstel-opdrachten/{opdracht_id}", "get"): {"200", "404", "409"}}
    for (pad, methode), codes in verwacht.items():
        operatie = doc["paths"][pad][methode]
        assert operatie["summary"], pad
        assert set(operatie["responses"]) == codes, pad
    body = doc["paths"][opdrachten]["post"]["requestBody"]["content"]["application/json"]
    assert body["schema"]["required"] == ["voorstel", "caseload"]


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


# ------------------------------------------------------------------------- diff


def test_diff_is_byte_gelijk_aan_de_cli(basis: str) -> None:
    cli = subprocess.run([sys.executable, "-m", "sora_rules", "diff", "heiloo", "alkmaar",
                          "--format", "json", "--peildatum", "2026-03-01"],
                         capture_output=True, check=True).stdout
    status, headers, body = _vraag(basis + "/v1/diff?a=heiloo&b=alkmaar&peildatum=2026-03-01")
    assert status == 200
    assert headers["content-type"] == "application/json"
    assert body == cli


@pytest.mark.parametrize(("query", "namen"), [("a=heiloo&b=limmen", ["b"]),
                                              ("b=heiloo", ["a"]),
                                              ("a=limmen&b=egmond", ["a", "b"])])
def test_diff_onbekende_gemeente_noemt_de_parameter(basis: str, query: str,
                                                    namen: list[str]) -> None:
    status, headers, body = _vraag(basis + "/v1/diff?" + query)
    assert status == 400
    assert headers["content-type"] == "application/problem+json"
    assert [p["name"] for p in json.loads(body)["invalid-params"]] == namen


# ------------------------------------------------------------ voorstel-opdrachten

OPDRACHTEN = "/v1/harmonisatie/voorstel-opdrachten"


def _dien_in(basis: str, doc: dict[str, Any]) -> tuple[int, dict[str, str], dict[str, Any]]:
    status, headers, body = _vraag(basis + OPDRACHTEN, json.dumps(doc).encode("utf-8"))
    return status, headers, json.loads(body)


def _wacht(basis: str, pad: str) -> list[dict[str, Any]]:
    """Poll the status until the job is done; every status document seen, in order."""
    gezien: list[dict[str, Any]] = []
    for _ in range(2400):
        status, _headers, body = _vraag(basis + pad)
        assert status == 200
        gezien.append(json.loads(body))
        if gezien[-1]["status"] in ("klaar", "mislukt"):
            return gezien
        time.sleep(0.05)
    pytest.fail(f"{pad} niet klaar: {gezien[-1]}")


@pytest.fixture(scope="module")
def opdracht(basis: str, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The proposal "minima 130% in Heiloo and Uitgeest" over 40 households around the
    limits, as a job; the same files for the CLI under the names the job reports."""
    tmp = tmp_path_factory.mktemp("opdracht")
    (tmp / "voorstel.yaml").write_text(voorstel_130(), encoding="utf-8")
    (tmp / "caseload.jsonl").write_text(caseload_rond_de_grens(40), encoding="utf-8")
    status, headers, doc = _dien_in(basis, {
        "voorstel": voorstel_130(), "caseload": caseload_rond_de_grens(40)})
    assert status == 202, doc
    pad = urlsplit(headers["location"]).path
    return {"tmp": tmp, "ingediend": doc, "pad": pad, "statussen": _wacht(basis, pad)}


def test_opdracht_status_is_samenhangend(opdracht: dict[str, Any]) -> None:
    ingediend, statussen = opdracht["ingediend"], opdracht["statussen"]
    assert opdracht["pad"] == f"{OPDRACHTEN}/{ingediend['id']}"
    assert ingediend["totaal"] == 40 and ingediend["status"] in ("wachtend", "bezig")
    for doc in [ingediend, *statussen]:
        assert doc["id"] == ingediend["id"] and doc["totaal"] == 40
        assert doc["verwerkt"] % VOORTGANG_STAP == 0 or doc["verwerkt"] == 40
        assert doc["voortgang"] == round(doc["verwerkt"] / 40, 4)
    verwerkt = [d["verwerkt"] for d in statussen]
    assert verwerkt == sorted(verwerkt)
    assert statussen[-1] == {"id": ingediend["id"], "status": "klaar", "verwerkt": 40,
                             "totaal": 40, "voortgang": 1.0,
                             "resultaat": opdracht["pad"] + "/resultaat",
                             "pagina": f"/v1/paginas/voorstel-opdrachten/{ingediend['id']}"}


def test_opdracht_resultaat_is_byte_gelijk_aan_de_cli(basis: str,
                                                     opdracht: dict[str, Any]) -> None:
    cli = subprocess.run([sys.executable, "-m", "sora_rules", "harmonisatie", "voorstel",
                          "voorstel.yaml", "caseload.jsonl", "--format", "json"],
                         capture_output=True, check=True, cwd=opdracht["tmp"]).stdout
    status, headers, body = _vraag(basis + opdracht["pad"] + "/resultaat")
    assert status == 200
    assert headers["content-type"] == "application/json"
    assert body == cli


def test_opdracht_telt_als_twee_engines_per_casus(basis: str, opdracht: dict[str, Any],
                                                  tmp_path: Path) -> None:
    data = json.loads(_vraag(basis + opdracht["pad"] + "/resultaat")[2])
    vergelijk(data, opdracht["tmp"] / "caseload.jsonl", variant_regels(tmp_path / "variant"))
    # By hand: line i+1 is in heiloo, uitgeest, alkmaar for i % 3 = 0, 1, 2, at
    # 110 + (7i mod 26)% of its norm. Between the old limit (120%) and the new (130%):
    # heiloo i = 6, 9, 21, 24, 36, 39 (126, 121, 127, 122, 128, 123%) and
    # uitgeest i = 10, 13, 25, 28 (128, 123, 129, 124%); nobody sits exactly on a limit.
    assert data["huishoudens"] == {"heiloo": 14, "uitgeest": 13}
    assert (data["voorstel"], data["caseload"]) == ("voorstel.yaml", "caseload.jsonl")
    participatie = {e["gemeente"]: e for e in data["effecten"]
                    if e["regeling"] == "maatschappelijke_participatie"}
    assert (participatie["heiloo"]["erbij"], participatie["heiloo"]["eraf"]) == (6, 0)
    assert participatie["heiloo"]["voorbeelden"]["erbij"] == [7, 10, 22]
    assert (participatie["uitgeest"]["erbij"], participatie["uitgeest"]["eraf"]) == (4, 0)
    assert participatie["uitgeest"]["voorbeelden"]["erbij"] == [11, 14, 26]


def test_pagina_van_de_opdracht_toont_de_cijfers(basis: str, opdracht: dict[str, Any]) -> None:
    pad = f"/v1/paginas/voorstel-opdrachten/{opdracht['ingediend']['id']}"
    status, headers, body = _vraag(basis + pad)
    assert status == 200
    assert headers["content-type"] == "text/html; charset=utf-8"
    pagina = body.decode("utf-8")
    heiloo, _, uitgeest = pagina.partition("Uitgeest: 13 huishoudens")
    assert "Heiloo: 14 huishoudens" in heiloo and uitgeest
    rij = re.compile(r"<code>maatschappelijke_participatie</code></th>(.*?)</tr>", re.S)
    for deel, erbij, voorbeelden in ((heiloo, "6", "7, 10, 22"), (uitgeest, "4", "11, 14, 26")):
        cellen = rij.search(deel)
        assert cellen is not None
        assert re.findall(r"<td[^>]*>([^<]*)</td>", cellen.group(1))[:2] == [erbij, "0"]
        assert voorbeelden in cellen.group(1)


def test_onbekende_opdracht_is_404(basis: str) -> None:
    for pad in (OPDRACHTEN + "/onbekend", OPDRACHTEN + "/onbekend/resultaat",
                "/v1/paginas/voorstel-opdrachten/onbekend"):
        status, headers, body = _vraag(basis + pad)
        assert status == 404, pad
        assert headers["content-type"] == "application/problem+json"
        assert "onbekend" in json.loads(body)["detail"]


_GOED = {"voorstel": voorstel_130(), "caseload": "{}\n"}


@pytest.mark.parametrize(("doc", "veld"), [
    ({**_GOED, "voorstel": "soort: gemeente\ngemeente: [\n"}, "voorstel"),
    ({**_GOED, "voorstel": overlay_130("heiloo").replace("slug: heiloo", "slug: limmen")},
     "voorstel"),
    ({**_GOED, "voorstel": "gemeente: heiloo\n"}, "voorstel"),
    ({**_GOED, "voorstel": 130}, "voorstel"),
    ({"voorstel": voorstel_130()}, "caseload"),
    ({**_GOED, "gemeenten": ["alkmaar"]}, "gemeenten"),
    ({**_GOED, "gemeenten": "heiloo"}, "gemeenten"),
    ({**_GOED, "peildatum": "gisteren"}, "peildatum"),
    ({**_GOED, "gemeente": ["heiloo"]}, "gemeente"),
])
def test_fout_voorstel_is_400_met_het_veld(basis: str, doc: dict[str, Any], veld: str) -> None:
    status, headers, probleem = _dien_in(basis, doc)
    assert status == 400
    assert headers["content-type"] == "application/problem+json"
    assert [p["name"] for p in probleem["invalid-params"]] == [veld]
    assert "location" not in headers


def test_geen_json_object_is_400(basis: str) -> None:
    for data in (b"{kapot", b"[]", b"\xff\xfe"):
        status, headers, body = _vraag(basis + OPDRACHTEN, data)
        assert status == 400
        assert json.loads(body)["invalid-params"] == []


def _te_groot(basis: str, pad: str, lengte: int) -> tuple[int, str | None, dict[str, Any]]:
    """As curl sends a large body: the headers with `Expect: 100-continue`, and the body
    only once the server asks for it; the answer comes before a byte is sent (a client
    that sends the body at once may see the connection closed under it)."""
    host, poort = urlsplit(basis).netloc.split(":")
    verbinding = http.client.HTTPConnection(host, int(poort), timeout=30)
    try:
        verbinding.putrequest("POST", pad)
        for naam, waarde in (("Content-Type", "application/json"), ("Expect", "100-continue"),
                             ("Content-Length", str(lengte))):
            verbinding.putheader(naam, waarde)
        verbinding.endheaders()
        antwoord = verbinding.getresponse()
        return antwoord.status, antwoord.getheader("content-type"), json.loads(antwoord.read())
    finally:
        verbinding.close()


@pytest.mark.parametrize(("pad", "maximum"), [("/v1/besluiten", MAX_INVOER),
                                              (OPDRACHTEN, MAX_OPDRACHT)])
def test_te_grote_body_is_413(basis: str, pad: str, maximum: int) -> None:
    status, soort, doc = _te_groot(basis, pad, maximum + 1)
    assert (status, soort, doc["status"]) == (413, "application/problem+json", 413)
    assert str(maximum) in doc["detail"]


def test_mislukte_opdracht_geeft_de_fout_en_409(basis: str) -> None:
    """A proposal that parses but whose values are invalid fails in the run."""
    kapot = overlay_130("heiloo").replace("waarde: 130", "waarde: veel", 1)
    status, headers, _doc = _dien_in(basis, {"voorstel": kapot, "caseload": "{}\n"})
    assert status == 202
    pad = urlsplit(headers["location"]).path
    laatste = _wacht(basis, pad)[-1]
    assert laatste["status"] == "mislukt" and "resultaat" not in laatste
    assert laatste["fout"]["status"] == 400
    assert [p["name"] for p in laatste["fout"]["invalid-params"]] == ["voorstel"]
    assert "voorstel.yaml:" in laatste["fout"]["detail"]  # the neutral name, not a temp path
    status, _headers, body = _vraag(basis + pad + "/resultaat")
    assert status == 409 and json.loads(body)["status"] == 409


def test_resultaat_voor_het_klaar_is_is_409(basis: str) -> None:
    """One worker: a job queued behind a long one waits, and has no result yet."""
    lang = {"voorstel": voorstel_130(), "caseload": caseload_rond_de_grens(40) * 25}
    _dien_in(basis, lang)
    status, headers, doc = _dien_in(basis, {"voorstel": voorstel_130(), "caseload": "{}\n"})
    assert status == 202 and doc["status"] == "wachtend"
    pad = urlsplit(headers["location"]).path
    status, _headers, body = _vraag(basis + pad + "/resultaat")
    assert status == 409
    assert "wachtend" in json.loads(body)["detail"]
    assert _wacht(basis, pad)[-1]["status"] == "klaar"


def test_opdrachten_bewaart_er_hoogstens_maximum() -> None:
    """In-process: the oldest finished job makes way; with none finished the queue is
    full; stopping ends the running job and removes every upload directory."""
    from sora_rules import Engine
    from sora_rules.opdrachten import Opdrachten, WachtrijVol
    from sora_rules.teksten import standaard_teksten

    opdrachten = Opdrachten(Engine(), None, standaard_teksten(), maximum=1)
    klein = json.dumps({"voorstel": voorstel_130(), "caseload": "{}\n"}).encode()
    lang = json.dumps({"voorstel": voorstel_130(),
                       "caseload": caseload_rond_de_grens(40) * 25}).encode()
    try:
        a = opdrachten.dien_in(klein)
        for _ in range(600):
            if getattr(opdrachten.opdracht(a.id), "status", None) == "klaar":
                break
            time.sleep(0.05)
        assert not a.map.exists()  # the uploads are gone once the run is over
        b = opdrachten.dien_in(lang)
        assert opdrachten.opdracht(a.id) is None  # evicted: the oldest finished job
        with pytest.raises(WachtrijVol):
            opdrachten.dien_in(klein)  # b is the only job and it is not finished
    finally:
        opdrachten.sluit()
    assert getattr(opdrachten.opdracht(b.id), "status", None) in ("wachtend", "bezig")
    assert not b.map.exists()

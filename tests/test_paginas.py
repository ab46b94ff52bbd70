"""The HTML pages of the workbench (paginas.py): renderers, `rapport`, and a browser."""

from __future__ import annotations

import subprocess
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from browser import chromium
from click.testing import CliRunner
from voorstel_voorbeeld import voorstel_alkmaar

from sora_rules.cli import main
from sora_rules.paginas import matrix_pagina, minima_effect_pagina, voorstel_pagina


def _cel(tekst: str, status: str | None) -> dict[str, Any]:
    return {"waarde": tekst, "tekst": tekst, "status": status}


MATRIX: dict[str, Any] = {
    "peildatum": "2026-03-01", "gemeenten": ["a", "b"],
    "samenvatting": {"rijen": 2, "verschillend": 1, "gelijk": 1},
    "rijen": [
        {"id": "p.gelijk", "soort": "parameter", "beschrijving": "Gelijk", "verschilt": False,
         "cellen": {"a": _cel("1", None), "b": _cel("1", None)}},
        {"id": "p.anders", "soort": "parameter", "beschrijving": "Anders <b>&", "verschilt": True,
         "cellen": {"a": _cel("€ 5 <script>", "aanname"), "b": None}}]}


def _punt(procent: int, steun: int) -> dict[str, Any]:
    return {"procent": procent, "inkomen_per_maand": Decimal(1000 + procent),
            "steun_per_jaar": Decimal(steun), "per_regeling": {}, "zonder_bedrag": []}


def _minima() -> dict[str, Any]:
    hh = ["alleenstaande", "paar"]
    reeksen = [{"gemeente": g, "gemeente_naam": n, "huishouden": h, "norm": Decimal(1000),
                "aio_svb": False, "punten": [_punt(p, 600 if p < 120 else 0)
                                             for p in range(100, 151)]}
               for h in hh for g, n in (("a", "Aa & Co"), ("b", "Bee"))]
    val = {"gemeente": "a", "huishouden": "alleenstaande", "vervallen": ["pas"],
           "van": {"procent": 119, "inkomen_per_maand": Decimal(1119)},
           "naar": {"procent": 120, "inkomen_per_maand": Decimal(1120)},
           "meer_inkomen_per_jaar": Decimal(12), "minder_steun_per_jaar": Decimal(600),
           "verlies_per_jaar": Decimal(588)}
    return {"peildatum": "2026-03-01", "huishoudens": hh, "gemeenten": ["a", "b"],
            "reeksen": reeksen, "armoedevallen": [val], "grensovergangen": []}


def test_matrix_pagina_is_toegankelijk_en_ontsnapt() -> None:
    html = matrix_pagina(MATRIX, {"a": "Aa", "b": "B<e>"})
    assert html.startswith("<!DOCTYPE html>") and '<html lang="nl">' in html
    assert "<caption>" in html and '<th scope="col">Aa</th>' in html
    assert '<th scope="col">B&lt;e&gt;</th>' in html and 'scope="row"' in html
    assert "<script" not in html and "&lt;script&gt;" in html and "Anders &lt;b&gt;&amp;" in html
    assert html.index("p.<wbr>anders") < html.index("p.<wbr>gelijk")  # ids wrap at . and _
    assert '<tr class="verschilt">' in html and ">verschilt</span>" in html
    assert 'class="aanname">€&nbsp;5 &lt;script&gt; <span class="merk">(aanname)</span>' in html
    assert "http" not in html.replace('content="width=device-width', "")
    assert html == matrix_pagina(MATRIX, {"a": "Aa", "b": "B<e>"})


def test_minima_effect_pagina_een_grafiek_per_huishouden() -> None:
    html = minima_effect_pagina(_minima())
    assert '<html lang="nl">' in html
    assert html.count("<svg ") == 2 and html.count("<desc id=") == 2
    assert '<title id="titel-alleenstaande">' in html and '<title id="titel-paar">' in html
    assert html.count("<polyline ") == 4 and "Aa &amp; Co" in html and "Aa & Co" not in html
    assert html.count("<table>") == 2 and '<th scope="row">150%</th>' in html
    assert "Armoedevallen (1)" in html and "€&nbsp;588,00" in html
    assert "<script" not in html


def test_rapport_schrijft_beide_paginas(tmp_path: Path) -> None:
    uit = tmp_path / "nieuw" / "rapport"
    r = CliRunner().invoke(main, ["harmonisatie", "rapport", "--uitvoer", str(uit),
                                  "--peildatum", "2026-03-01"])
    assert r.exit_code == 0, r.output
    matrix = (uit / "matrix.html").read_text(encoding="utf-8")
    minima = (uit / "minima-effect.html").read_text(encoding="utf-8")
    assert "AlkmaarPas" in matrix and "Dijk en Waard" in matrix and "(aanname)" in matrix
    assert minima.count("<svg ") == 7 and "Uitgeest" in minima
    from sora_rules import harmonisatie
    from sora_rules.policy import load_regelset
    from sora_rules.resources import data_root
    regelset = load_regelset(data_root())
    namen = {s: p.gemeente.naam for s, p in regelset.beleid.items()}
    assert matrix == matrix_pagina(harmonisatie.matrix(regelset, date(2026, 3, 1)), namen)


def test_rapport_weigert_een_bestand_als_map(tmp_path: Path) -> None:
    bestand = tmp_path / "bestand"
    bestand.write_text("x", encoding="utf-8")
    r = CliRunner().invoke(main, ["harmonisatie", "rapport", "--uitvoer", str(bestand)])
    assert r.exit_code == 2 and "geen map" in r.output


_chromium = chromium


def test_matrix_in_de_browser(tmp_path: Path) -> None:
    browser = _chromium()
    r = CliRunner().invoke(main, ["harmonisatie", "rapport", "--uitvoer", str(tmp_path / "r"),
                                  "--peildatum", "2026-03-01"])
    assert r.exit_code == 0, r.output
    uit = subprocess.run([browser, "--headless=new", "--disable-gpu", "--no-sandbox",
                          "--no-first-run", "--disable-dev-shm-usage",
                          f"--user-data-dir={tmp_path / 'profiel'}", "--dump-dom",
                          (tmp_path / "r" / "matrix.html").as_uri()],
                         capture_output=True, text=True, timeout=120, check=False)
    assert uit.returncode == 0 and '<html lang="nl">' in uit.stdout, uit.stderr[-2000:]
    for naam in ("AlkmaarPas", "Alkmaar", "Bergen (NH)", "Castricum", "Dijk en Waard",
                 "Heiloo", "Uitgeest", "Harmonisatiematrix op 1 maart 2026"):
        assert naam in uit.stdout


# ------------------------------------------------ crossings on the minima-effect page


def test_minima_effect_pagina_toont_de_grensovergangen() -> None:
    data = _minima()
    data["grensovergangen"] = [
        {"gemeente": "a", "huishouden": "paar", "vervallen": ["pas", "zorg"],
         "van": {"procent": 120, "inkomen_per_maand": Decimal("2402.56")},
         "naar": {"procent": 121, "inkomen_per_maand": Decimal("2422.58")}}]
    html = minima_effect_pagina(data).replace("&nbsp;", " ")
    kop = html.index('<h2 id="grensovergangen">')
    assert html.index('<h2 id="armoedevallen">') < kop  # under the charts, after the traps
    assert "Overschreden inkomensgrenzen (1)" in html[kop:]
    assert ("<li>a, paar zonder kinderen (beiden 35 jaar): tussen € 2.402,56 (120%) en "
            "€ 2.422,58 (121%) per maand vervalt pas, zorg</li>") in html[kop:]


def test_minima_effect_pagina_zonder_grensovergangen_zegt_geen() -> None:
    html = minima_effect_pagina(_minima())
    assert "Overschreden inkomensgrenzen (0)" in html
    assert html[html.index('<h2 id="grensovergangen">'):].count("<p>geen</p>") == 1


# ------------------------------------------------------------ the proposal page


def _voorstel_data() -> dict[str, Any]:
    """As `voorstel_effect` after a JSON round trip: amounts are floats."""
    return {"voorstel": "/srv/tmp/minima <130>.yaml", "caseload": "/srv/tmp/cases.jsonl",
            "gemeenten": ["heiloo", "uitgeest"], "peildatum": None, "regels_gelezen": 10,
            "fouten": 1, "fout_regels": [7], "huishoudens": {"heiloo": 6, "uitgeest": 3},
            "effecten": [
                {"gemeente": "heiloo", "regeling": "individuele_inkomenstoeslag",
                 "erbij": 2, "eraf": 1, "verschil_per_jaar": 1234.5,
                 "per_huishoudtype": {"alleenstaande": 1000.0, "alleenstaande_ouder": 0,
                                      "paar": -100.5, "paar_met_kinderen": 335.0},
                 "voorbeelden": {"erbij": [1, 4], "eraf": [9]}},
                {"gemeente": "heiloo", "regeling": "maatschappelijke_participatie",
                 "erbij": 1, "eraf": 0, "verschil_per_jaar": 0,
                 "per_huishoudtype": dict.fromkeys(
                     ("alleenstaande", "alleenstaande_ouder", "paar", "paar_met_kinderen"), 0),
                 "zonder_bedrag": 1, "voorbeelden": {"erbij": [2], "eraf": []}}]}


def _cellen(html: str, regeling: str) -> list[str]:
    """The data cells of a regeling's row (the texts are escaped: no '>' inside)."""
    rij = html[html.index(f"<code>{regeling}</code>"):]
    return [c.rsplit(">", 1)[1] for c in rij[:rij.index("</tr>")].split("</td>")[:-1]]


def test_voorstel_pagina_een_tabel_per_gemeente() -> None:
    html = voorstel_pagina(_voorstel_data(), {"heiloo": "Heiloo", "uitgeest": "Uitgeest"})
    assert "€&nbsp;1.234,50" in html  # an amount never breaks over two lines
    html = html.replace("&nbsp;", " ")
    assert '<html lang="nl">' in html and "<script" not in html
    assert "<h1>Effect van het voorstel minima &lt;130&gt;.yaml</h1>" in html
    assert "/srv" not in html  # a server path means nothing to the reader
    assert ("Caseload cases.jsonl: 10 regels, waarvan 9 van deze gemeenten; 1 met een "
            "fout") in html
    assert "fout in regel 7 (eerste drie)" in html
    assert "<h2>Heiloo: 6 huishoudens</h2>" in html and "<h2>Uitgeest: 3 huishoudens</h2>" in html
    # 1000 + 0 - 100,50 + 335 = 1234,50; the second regeling changes nothing in money
    assert ("<caption>Effect per regeling in Heiloo: 2 regelingen veranderen; in totaal per "
            "jaar +€ 1.234,50</caption>") in html
    assert html.count("<table>") == 1 and html.count('<th scope="row">') == 2
    assert html.count('<th scope="col">') == 9  # regeling, 2 counts, total, 4 types, examples
    assert '<th scope="col">Verschil per jaar: alleenstaande ouder</th>' in html
    assert _cellen(html, "individuele_inkomenstoeslag") == [
        "2", "1", "+€ 1.234,50", "+€ 1.000,00", "€ 0,00", "−€ 100,50", "+€ 335,00",
        "krijgen recht, bijvoorbeeld regel 1, 4; verliezen recht, bijvoorbeeld regel 9"]
    # the regeling without an amount: its cost is not in the € 0,00, and the page says so
    assert _cellen(html, "maatschappelijke_participatie")[-1] == (
        "krijgen recht, bijvoorbeeld regel 2; waarvan 1 zonder bedrag in de regels (die kosten "
        "zitten niet in het verschil)")
    uitgeest = html[html.index("<h2>Uitgeest"):]
    assert "<p>geen verschil in recht of bedrag</p>" in uitgeest


def test_rapport_schrijft_voorstel_html(tmp_path: Path) -> None:
    voorstel, caseload = voorstel_alkmaar(tmp_path)
    uit = tmp_path / "rapport"
    r = CliRunner().invoke(main, ["harmonisatie", "rapport", "--uitvoer", str(uit),
                                  "--peildatum", "2026-03-01", "--voorstel", str(voorstel),
                                  "--caseload", str(caseload)])
    assert r.exit_code == 0, r.output
    assert f"Geschreven: {uit / 'voorstel.html'}" in r.output
    html = (uit / "voorstel.html").read_text(encoding="utf-8").replace("&nbsp;", " ")
    # 6 lines: 4 in Alkmaar, 1 in Heiloo (not in the proposal), 1 broken.
    assert ("Caseload caseload.jsonl: 6 regels, waarvan 4 van deze gemeenten; 1 met een "
            "fout") in html
    assert "<h2>Alkmaar: 4 huishoudens</h2>" in html
    # AlkmaarPas per adult € 188 → € 250: +62 (line 1), +2 × 62 (line 2, a couple), +62
    # (line 3); line 4 earns € 1.750: above 120% (€ 1.681,80) and below 130% (€ 1.821,95)
    # of € 1.401,50: it gains the pass (+250) and the collectieve zorgverzekering (no amount).
    assert ("Effect per regeling in Alkmaar: 2 regelingen veranderen; in totaal per jaar "
            "+€ 498,00") in html
    assert _cellen(html, "alkmaarpas") == [
        "1", "0", "+€ 498,00", "+€ 312,00", "+€ 62,00", "+€ 124,00", "€ 0,00",
        "krijgen recht, bijvoorbeeld regel 4"]
    assert _cellen(html, "collectieve_zorgverzekering")[:3] == ["1", "0", "€ 0,00"]


def test_rapport_voorstel_en_caseload_samen(tmp_path: Path) -> None:
    voorstel, caseload = voorstel_alkmaar(tmp_path)
    uit = str(tmp_path / "r")
    for extra, bericht in (
            (["--voorstel", str(voorstel)], "--voorstel kan alleen samen met --caseload"),
            (["--caseload", str(caseload)], "--caseload kan alleen samen met --voorstel"),
            (["--gemeente", "alkmaar"], "--gemeente kan alleen samen met --voorstel en "
                                        "--caseload")):
        r = CliRunner().invoke(main, ["harmonisatie", "rapport", "--uitvoer", uit, *extra])
        assert r.exit_code == 2 and bericht in r.output, r.output
    assert not (tmp_path / "r").exists()
    r = CliRunner().invoke(main, ["harmonisatie", "rapport", "--uitvoer", uit, "--voorstel",
                                  str(voorstel), "--caseload", str(caseload), "--gemeente",
                                  "heiloo"])
    assert r.exit_code == 2 and "de gemeente 'heiloo' staat niet in het voorstel" in r.output

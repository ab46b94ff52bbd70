"""The HTML pages of the workbench (paginas.py): renderers, `rapport`, and a browser."""

from __future__ import annotations

import subprocess
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from browser import chromium
from click.testing import CliRunner

from sora_rules.cli import main
from sora_rules.paginas import matrix_pagina, minima_effect_pagina


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
    assert html.index("p.anders") < html.index("p.gelijk")
    assert '<tr class="verschilt">' in html and ">verschilt</span>" in html
    assert 'class="aanname">€ 5 &lt;script&gt; <span class="merk">(aanname)</span>' in html
    assert "http" not in html.replace('content="width=device-width', "")
    assert html == matrix_pagina(MATRIX, {"a": "Aa", "b": "B<e>"})


def test_minima_effect_pagina_een_grafiek_per_huishouden() -> None:
    html = minima_effect_pagina(_minima())
    assert '<html lang="nl">' in html
    assert html.count("<svg ") == 2 and html.count("<desc id=") == 2
    assert '<title id="titel-alleenstaande">' in html and '<title id="titel-paar">' in html
    assert html.count("<polyline ") == 4 and "Aa &amp; Co" in html and "Aa & Co" not in html
    assert html.count("<table>") == 2 and '<th scope="row">150%</th>' in html
    assert "Armoedevallen (1)" in html and "€ 588,00" in html
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

"""Take the README's screenshots of the workbench pages and the intake form.

Starts `sora-rules serve` on a free localhost port, writes the proposal page with
`sora-rules harmonisatie rapport --voorstel … --caseload …`, and photographs each
page with the system Chromium driven by Playwright (no browser download), at a
1280 pixel wide viewport:

    docs/matrix.png          /v1/paginas/matrix
    docs/minima-effect.png   /v1/paginas/minima-effect (all six gemeenten)
    docs/voorstel.png        voorstel.html: AlkmaarPas € 250 and minima limit 130%
                             in Alkmaar, on a generated caseload of 400 households
    docs/intake.png          /v1/paginas/intake, empty
    docs/intake-besluit.png  the letter after submitting an alleenstaande of 35 in
                             Alkmaar without income

Run from the repository root: `.venv/bin/python docs/screenshots.py` (or `make
screenshots`). Needs `playwright` (the test extras) and a `chromium` on PATH.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from playwright.sync_api import Page, sync_playwright

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
from server import draaiende_server  # noqa: E402 - the tests' server helper, pytest-free

DOCS = ROOT / "docs"
PEILDATUM = "2026-03-01"
BREEDTE, HOOGTE = 1280, 900


def _chromium() -> str:
    for naam in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        pad = shutil.which(naam)
        if pad:
            return pad
    sys.exit("geen chromium gevonden (installeer het pakket chromium)")


def _voorstel_pagina(tmp: Path) -> Path:
    """voorstel.html for a proposal in Alkmaar on a generated caseload."""
    overlay = (ROOT / "gemeenten" / "alkmaar.yaml").read_text(encoding="utf-8")
    overlay = overlay.replace("{waarde: 120, status: aanname", "{waarde: 130, status: aanname", 1)
    overlay = overlay.replace("{van: 18, tot: aow, bedrag: 188}",
                              "{van: 18, tot: aow, bedrag: 250}")
    voorstel = tmp / "alkmaarpas-250-minima-130.yaml"
    voorstel.write_text(overlay, encoding="utf-8")
    sys.path.insert(0, str(ROOT / "bench"))
    from households import write_caseload

    caseload = tmp / "caseload.jsonl"
    write_caseload(caseload, 400, seed=11)
    subprocess.run([sys.executable, "-m", "sora_rules", "harmonisatie", "rapport", "--uitvoer",
                    str(tmp / "rapport"), "--peildatum", PEILDATUM, "--voorstel", str(voorstel),
                    "--caseload", str(caseload), "--gemeente", "alkmaar"],
                   check=True, stdout=subprocess.DEVNULL)
    return tmp / "rapport" / "voorstel.html"


def _foto(page: Page, naam: str, hoogte: int = HOOGTE) -> None:
    """The top `hoogte` pixels of the page (the whole page when shorter)."""
    volle = int(page.evaluate("document.documentElement.scrollHeight"))
    pad = DOCS / naam
    page.screenshot(path=str(pad), full_page=True,
                    clip={"x": 0, "y": 0, "width": BREEDTE, "height": min(volle, hoogte)})
    print(f"{pad.relative_to(ROOT)}: {pad.stat().st_size // 1024} kB")


def _intake(page: Page, basis: str) -> None:
    page.goto(f"{basis}/v1/paginas/intake")
    _foto(page, "intake.png", 1400)
    for label, waarde in (("Peildatum (verplicht)", PEILDATUM),
                          ("Geboortedatum (verplicht)", "1990-05-01"),
                          ("Bezittingen in euro's (verplicht)", "0"),
                          ("Aaneengesloten maanden met een laag inkomen", "40")):
        page.get_by_label(label, exact=True).fill(waarde)
    page.get_by_label("Gemeente die beslist (verplicht)").select_option("alkmaar")
    page.get_by_label("Nationaliteit of verblijfsstatus (verplicht)").select_option("nederlander")
    with page.expect_navigation():
        page.get_by_role("button", name="Beoordeel de aanvraag").click()
    _foto(page, "intake-besluit.png", 1400)


def main() -> None:
    DOCS.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp, draaiende_server() as basis, sync_playwright() as p:
        voorstel = _voorstel_pagina(Path(tmp))
        browser: Any = p.chromium.launch(executable_path=_chromium(), headless=True,
                                         args=["--no-sandbox", "--disable-dev-shm-usage"])
        page = browser.new_page(viewport={"width": BREEDTE, "height": HOOGTE}, locale="nl-NL")
        page.goto(f"{basis}/v1/paginas/matrix?peildatum={PEILDATUM}")
        _foto(page, "matrix.png")
        page.goto(f"{basis}/v1/paginas/minima-effect?peildatum={PEILDATUM}")
        _foto(page, "minima-effect.png", 1100)
        page.goto(voorstel.as_uri())
        _foto(page, "voorstel.png")
        _intake(page, basis)
        browser.close()


if __name__ == "__main__":
    main()

"""The workbench pages and the intake form in a real browser against a real server.

A `sora-rules serve` process (tests/server.py) on a free localhost port, and headless
Chromium (the system binary, tests/browser.py) driven by Playwright: each page is
loaded and read as rendered, the intake form is filled in and submitted like a
consulent would, and every page gets the accessibility checks a test can make (lang,
labels, table headers, contrast, no external resources). Amounts are worked out by
hand from the rule files, never copied from the engine's output.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from browser import chromium
from click.testing import CliRunner
from server import draaiende_server
from voorstel_voorbeeld import voorstel_alkmaar

from sora_rules.cli import main

sync_api = pytest.importorskip("playwright.sync_api")

PEILDATUM = "2026-03-01"


@pytest.fixture(scope="module")
def basis() -> Iterator[str]:
    with draaiende_server() as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    pad = chromium()  # skipped locally without Chromium, required in CI
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=pad, headless=True,
                              args=["--no-sandbox", "--disable-dev-shm-usage"])
        yield b
        b.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL")
    pagina = context.new_page()
    yield pagina
    context.close()


def _tekst(locator: Any) -> str:
    """Rendered text with no-break spaces as spaces (€&nbsp;1.401,50)."""
    return " ".join(str(locator.inner_text()).replace("\u00a0", " ").split())


# -------------------------------------------------------------- accessibility checks

_FEITEN = """() => {
  const velden = [...document.querySelectorAll('input, select, textarea')]
    .filter(e => !['hidden', 'submit', 'button'].includes(e.type));
  const kleur = e => e instanceof SVGElement ? getComputedStyle(e).fill
                                             : getComputedStyle(e).color;
  const achtergrond = e => {
    for (let x = e instanceof SVGElement ? e.closest('svg').parentElement : e; x;
         x = x.parentElement) {
      const a = getComputedStyle(x).backgroundColor;
      if (a && a !== 'transparent' && !a.startsWith('rgba(0, 0, 0, 0')) return a;
    }
    return 'rgb(255, 255, 255)';
  };
  const tekstelementen = [...document.querySelectorAll('body *')].filter(e =>
    [...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim()) &&
    e.getClientRects().length > 0);
  return {
    lang: document.documentElement.lang,
    zonderLabel: velden.filter(e => e.labels.length === 0).map(e => e.name || e.id),
    zonderScope: [...document.querySelectorAll('th')]
      .filter(th => !['col', 'row', 'colgroup', 'rowgroup'].includes(th.getAttribute('scope')))
      .map(th => th.textContent),
    tabellenZonderKop: [...document.querySelectorAll('table')]
      .filter(t => !t.querySelector('th') || !t.caption).length,
    extern: [...document.querySelectorAll('[src], [href]')]
      .map(e => e.getAttribute('src') || e.getAttribute('href'))
      .filter(u => /^(https?:)?\\/\\//i.test(u)),
    verwijzingen: [...document.querySelectorAll('[aria-describedby], [aria-labelledby]')]
      .flatMap(e => ((e.getAttribute('aria-describedby') || '') + ' ' +
                     (e.getAttribute('aria-labelledby') || '')).split(/\\s+/))
      .filter(id => id && !document.getElementById(id)),
    kleuren: [...new Set(tekstelementen.map(e => kleur(e) + '|' + achtergrond(e)))],
    css: [...document.querySelectorAll('style')].map(s => s.textContent).join('\\n'),
  };
}"""


def _kanaal(c: float) -> float:
    c /= 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def _luminantie(rgb: tuple[float, float, float]) -> float:
    r, g, b = (_kanaal(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: tuple[float, float, float], b: tuple[float, float, float]) -> float:
    """WCAG 2 contrast ratio of two sRGB colours (1 to 21)."""
    la, lb = sorted((_luminantie(a), _luminantie(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def _rgb(tekst: str) -> tuple[float, float, float] | None:
    """A CSS colour as #rgb, #rrggbb or rgb()/rgba() (opaque); None for anything else."""
    tekst = tekst.strip().lower()
    if m := re.fullmatch(r"#([0-9a-f]{3}|[0-9a-f]{6})", tekst):
        h = m.group(1) if len(m.group(1)) == 6 else "".join(c * 2 for c in m.group(1))
        return (int(h[0:2], 16), int(h[2:4], 16), int(h[4:6], 16))
    if m := re.fullmatch(r"rgba?\((\d+),\s*(\d+),\s*(\d+)(?:,\s*([\d.]+))?\)", tekst):
        if m.group(4) is not None and float(m.group(4)) < 1:
            return None
        return (float(m.group(1)), float(m.group(2)), float(m.group(3)))
    return None


def css_kleurparen(css: str) -> list[tuple[str, str, str]]:
    """(selector, text colour, background) of every rule that sets a colour or a
    background, from the CSS alone: a rule without one of both takes the page's
    (the `html`/`body` rule, else black on white)."""
    regels = [(sel.strip(), dict((k.strip(), v.strip()) for k, _, v in
                                 (d.partition(":") for d in body.split(";") if ":" in d)))
              for sel, body in re.findall(r"([^{}]+)\{([^{}]*)\}", css)]
    pagina = {k: v for sel, d in regels if sel in ("html", "body") for k, v in d.items()}
    voor = pagina.get("color", "#000")
    achter = pagina.get("background", pagina.get("background-color", "#fff"))
    paren = []
    for sel, d in regels:
        kleur, grond = d.get("color"), d.get("background", d.get("background-color"))
        if kleur or grond:
            paren.append((sel, kleur or voor, grond or achter))
    return paren


def toegankelijk(page: Any) -> dict[str, Any]:
    """The checks a test can make on the rendered page; returns what it read."""
    f = page.evaluate(_FEITEN)
    assert f["lang"] == "nl"
    assert f["zonderLabel"] == [], "velden zonder <label for>"
    assert f["zonderScope"] == [], "th zonder scope"
    assert f["tabellenZonderKop"] == 0, "tabel zonder th of caption"
    assert f["extern"] == [], "externe bronnen"
    assert f["verwijzingen"] == [], "aria-verwijzing naar een id dat niet bestaat"
    for paar in f["kleuren"]:
        voor, achter = (_rgb(k) for k in paar.split("|"))
        assert voor is not None and achter is not None, paar
        assert contrast(voor, achter) >= 4.5, f"contrast {paar}"
    paren = css_kleurparen(f["css"])
    assert paren, "geen kleuren in de CSS gevonden"
    for sel, tekst, grond in paren:
        a, b = _rgb(tekst), _rgb(grond)
        if a is not None and b is not None:
            assert contrast(a, b) >= 4.5, f"contrast in de CSS: {sel} {tekst} op {grond}"
    return f


def test_contrastberekening_klopt() -> None:
    # WCAG's own examples: black on white 21:1, #777 on white just under 4.5:1.
    assert round(contrast((0, 0, 0), (255, 255, 255)), 1) == 21.0
    assert contrast((0x77, 0x77, 0x77), (255, 255, 255)) < 4.5
    assert css_kleurparen("body{color:#111}.fout{color:#a00000}thead th{background:#eee}") == [
        ("body", "#111", "#fff"), (".fout", "#a00000", "#fff"), ("thead th", "#111", "#eee")]


# ------------------------------------------------------------------------ the pages


def test_matrix(page: Any, basis: str) -> None:
    page.goto(f"{basis}/v1/paginas/matrix?peildatum={PEILDATUM}")
    assert _tekst(page.locator("h1")) == "Harmonisatiematrix op 1 maart 2026"
    koppen = [_tekst(k) for k in page.locator("thead th").all()]
    assert koppen == ["Regeling of parameter", "Alkmaar", "Bergen (NH)", "Castricum",
                      "Dijk en Waard", "Heiloo", "Uitgeest"]
    # gemeenten/alkmaar.yaml: saldo € 188 from 18 to the AOW age, € 302 from it (aanname)
    rij = page.locator("tbody tr", has=page.locator("code", has_text="alkmaar.alkmaarpas.saldo"))
    cellen = [_tekst(c) for c in rij.locator("td").all()]
    assert "€ 188,00" in cellen[0] and "€ 302,00" in cellen[0] and "(aanname)" in cellen[0]
    assert cellen[1:] == ["—"] * 5
    assert "verschilt" in _tekst(rij.locator("th"))
    toegankelijk(page)


def test_minima_effect(page: Any, basis: str) -> None:
    page.goto(f"{basis}/v1/paginas/minima-effect?peildatum={PEILDATUM}&gemeente=alkmaar")
    assert _tekst(page.locator("h1")) == "Minima-effectrapportage op 1 maart 2026"
    assert page.locator("svg[role=img]").count() == 7
    sectie = page.locator("section").first
    assert _tekst(sectie.locator("h2")) == "alleenstaande (35 jaar)"
    sectie.get_by_text("Toon de cijfers als tabel").click()  # open the <details>
    tabel = sectie.locator("table")
    assert tabel.is_visible()

    def steun(procent: str) -> str:
        return _tekst(tabel.locator("tr", has=page.locator(f"th:text-is('{procent}')"))
                      .locator("td"))

    # Alleenstaande of 35 in Alkmaar, norm € 1.401,50; at 100-120% of it: individuele
    # inkomenstoeslag € 479 + AlkmaarPas € 188 + collectieve zorgverzekering € 0 = € 667.
    # At 121% (1,21 x 1.401,50 = 1.695,815 → € 1.695,82) above the 120% limit: nothing.
    assert steun("100%") == "€ 667,00" and steun("120%") == "€ 667,00"
    assert steun("121%") == "€ 0,00" and steun("150%") == "€ 0,00"
    vallen = _tekst(page.locator("h2#armoedevallen + ul"))
    # (1.695,82 - 1.681,80) x 12 = € 168,24 more income, € 667 less support: € 498,76 lost
    assert ("alkmaar, alleenstaande (35 jaar): van € 1.681,80 (120%) naar € 1.695,82 (121%) "
            "per maand: € 168,24 meer inkomen, € 667,00 minder steun, per saldo € 498,76 per "
            "jaar minder") in vallen
    grenzen = _tekst(page.locator("h2#grensovergangen + ul"))
    assert _tekst(page.locator("h2#grensovergangen")).startswith(
        "Overschreden inkomensgrenzen (7)")  # one per household type: all cross at 120%
    assert ("alkmaar, alleenstaande (35 jaar): tussen € 1.681,80 (120%) en € 1.695,82 (121%) "
            "per maand vervalt alkmaarpas, collectieve_zorgverzekering, "
            "individuele_inkomenstoeslag") in grenzen
    # AOW norm € 1.564,69: 120% = 1.877,628 → € 1.877,63, 121% = 1.893,275 → € 1.893,27;
    # no individuele inkomenstoeslag from the AOW age
    assert ("alkmaar, AOW-alleenstaande (70 jaar): tussen € 1.877,63 (120%) en € 1.893,27 "
            "(121%) per maand vervalt alkmaarpas, collectieve_zorgverzekering") in grenzen
    toegankelijk(page)


def test_voorstel_uit_rapport(page: Any, tmp_path: Path) -> None:
    voorstel, caseload = voorstel_alkmaar(tmp_path)
    uit = tmp_path / "rapport"
    r = CliRunner().invoke(main, ["harmonisatie", "rapport", "--uitvoer", str(uit),
                                  "--peildatum", PEILDATUM, "--voorstel", str(voorstel),
                                  "--caseload", str(caseload)])
    assert r.exit_code == 0, r.output
    page.goto((uit / "voorstel.html").as_uri())
    assert _tekst(page.locator("h1")) == "Effect van het voorstel alkmaarpas-250.yaml"
    assert _tekst(page.locator("h2")) == "Alkmaar: 4 huishoudens"
    assert _tekst(page.locator("caption")) == (
        "Effect per regeling in Alkmaar: 2 regelingen veranderen; in totaal per jaar +€ 498,00")
    rij = page.locator("tbody tr", has=page.locator("code", has_text="alkmaarpas"))
    assert [_tekst(c) for c in rij.locator("td").all()] == [
        "1", "0", "+€ 498,00", "+€ 312,00", "+€ 62,00", "+€ 124,00", "€ 0,00",
        "krijgen recht, bijvoorbeeld regel 4"]
    toegankelijk(page)


def _vul_in(page: Any, velden: dict[str, str]) -> None:
    """Fill in inputs and choose options by their visible label, as a person would."""
    for label, waarde in velden.items():
        veld = page.get_by_label(label, exact=True)
        if veld.evaluate("e => e.tagName") == "SELECT":
            veld.select_option(label=waarde)
        else:
            veld.fill(waarde)


def _verstuur(page: Any) -> int:
    with page.expect_response(lambda r: r.request.method == "POST") as antwoord:
        page.get_by_role("button", name="Beoordeel de aanvraag").click()
    page.wait_for_load_state()
    return int(antwoord.value.status)


ALLEENSTAANDE_35 = {"Gemeente die beslist (verplicht)": "Alkmaar",
                    "Peildatum (verplicht)": PEILDATUM,
                    "Geboortedatum (verplicht)": "1990-05-01",
                    "Nationaliteit of verblijfsstatus (verplicht)": "Nederlander",
                    "Bezittingen in euro's (verplicht)": "0",
                    "Aaneengesloten maanden met een laag inkomen": "40"}


def test_intake_ingevuld_en_beslist(page: Any, basis: str) -> None:
    page.goto(f"{basis}/v1/paginas/intake")
    assert _tekst(page.locator("h1")) == "Intake algemene bijstand en minimaregelingen"
    toegankelijk(page)
    _vul_in(page, ALLEENSTAANDE_35)
    assert _verstuur(page) == 200
    assert _tekst(page.locator("h1")) == "Besluit over uw aanvraag"
    assert _tekst(page.locator(".briefhoofd")).startswith("Gemeente Alkmaar Datum: 1 maart 2026")

    def besluit(naam: str) -> str:
        return _tekst(page.locator("section", has=page.locator(f"h2:text-is('{naam}')")))

    # Norm alleenstaande 21 jaar tot AOW-leeftijd per 1-1-2026: € 1.401,50 (normen.yaml),
    # no income, so the whole norm; vakantietoeslag 4,8% (art. 19 lid 3, grenzen.yaml)
    # of 1.401,50 = 67,272 → € 67,27.
    bijstand = besluit("Algemene bijstand")
    assert "Ons besluit: toegekend. U krijgt Algemene bijstand." in bijstand
    assert ("U krijgt € 1.401,50 per maand. De bijstandsnorm voor u is € 1.401,50 per maand. "
            "Daarin zit € 67,27 vakantietoeslag.") in bijstand
    # rules/minima/open_normen.yaml: € 479 for an alleenstaande; gemeenten/alkmaar.yaml: € 188
    assert "U krijgt € 479,00 per jaar." in besluit("Individuele inkomenstoeslag")
    assert "U krijgt € 188,00 per jaar." in besluit("AlkmaarPas")
    assert "Ons besluit: afgewezen." in besluit("Stichting Leergeld Alkmaar")
    toegankelijk(page)


def test_intake_fouten_bij_hun_veld_en_verbeterd(page: Any, basis: str) -> None:
    page.goto(f"{basis}/v1/paginas/intake")
    _vul_in(page, {**ALLEENSTAANDE_35, "Bezittingen in euro's (verplicht)": "12,5x"})
    page.get_by_label("De aanvrager heeft een partner").check()
    assert _verstuur(page) == 400
    assert _tekst(page.locator("#foutkop")) == (
        "Het formulier is niet verwerkt. Verbeter 3 gegevens:")
    bezit = page.get_by_label("Bezittingen in euro's (verplicht)", exact=True)
    assert bezit.input_value() == "12,5x" and bezit.get_attribute("aria-invalid") == "true"
    fout = page.locator("#" + str(bezit.get_attribute("aria-describedby")).split()[-1])
    assert _tekst(fout) == "'12,5x' is geen bedrag; schrijf bijvoorbeeld 1250,00"
    assert page.locator('a[href="#veld-partner-geboortedatum"]').count() == 1
    toegankelijk(page)

    # Second try: no partner after all, the amount fixed, a birth date after the peildatum:
    # now the engine refuses, and its message is at the field its path names.
    page.get_by_label("De aanvrager heeft een partner").uncheck()
    _vul_in(page, {"Bezittingen in euro's (verplicht)": "0",
                   "Geboortedatum (verplicht)": "2027-01-01"})
    assert _verstuur(page) == 400
    geboorte = page.get_by_label("Geboortedatum (verplicht)", exact=True)
    assert geboorte.input_value() == "2027-01-01"
    fout = page.locator("#" + str(geboorte.get_attribute("aria-describedby")))
    assert _tekst(fout).startswith("2027-01-01 ligt na de peildatum (2026-03-01)")
    assert page.get_by_label("Gemeente die beslist (verplicht)").input_value() == "alkmaar"
    toegankelijk(page)

    _vul_in(page, {"Geboortedatum (verplicht)": "1990-05-01"})
    assert _verstuur(page) == 200
    assert _tekst(page.locator("h1")) == "Besluit over uw aanvraag"

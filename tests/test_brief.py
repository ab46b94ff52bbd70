"""The decision letter (`evaluate --format text` and `--format html`, sora_rules/brief.py).

The letter must read as a beschikking a consulent can send: per besluit what was decided,
from when and how much, and why (the met conditions; for a refusal the failed ones as the
reason); assumed facts in their own part; the inlichtingenplicht only with granted
bijstand; every date in date order; what else may be claimed; the rechtsmiddelen last.
Expected amounts are computed by hand from the 2026 norms (reference/beleidsfeiten.md).
The HTML page is checked as written and as rendered by headless Chromium.
"""

from __future__ import annotations

import html
import re
import subprocess
from dataclasses import replace
from decimal import Decimal
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from browser import chromium
from click.testing import CliRunner

from sora_rules import Beslissing, Besluit, Engine, Grond
from sora_rules.cli import main
from sora_rules.model import Bron
from sora_rules.teksten import euro_text, standaard_teksten

ROOT = Path(__file__).resolve().parents[1]
T = standaard_teksten()

ALLEENSTAANDE = {"geboortedatum": "1990-05-01", "woonplaats": "alkmaar",
                 "verblijfsstatus": "nederlander", "in_detentie": False,
                 "recht_op_studiefinanciering": False, "dagen_in_buitenland": 0}
SCRIPT = "<script>alert(1)</script>"


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine()


def _beoordeel(engine: Engine, case: dict[str, Any], *regelingen: str) -> Beslissing:
    return engine.evaluate(case, gemeente=case.get("gemeente"), peildatum=case.get("peildatum"),
                           regelingen=list(regelingen) or None)


@pytest.fixture(scope="module")
def toegekend(engine: Engine) -> Beslissing:
    """Alleenstaande of 35 in Alkmaar, no income, no housemates, 1 March 2026."""
    case = {"gemeente": "alkmaar", "peildatum": "2026-03-01", "aanvrager": ALLEENSTAANDE,
            "inkomsten": [], "vermogen": {"bezittingen": 2500, "schulden": 0}}
    return _beoordeel(engine, case, "algemene_bijstand")


@pytest.fixture(scope="module")
def afgewezen(engine: Engine) -> Beslissing:
    """The same alleenstaande with € 1.500 net wages: more than the norm of € 1.401,50."""
    case = {"gemeente": "alkmaar", "peildatum": "2026-03-01", "aanvrager": ALLEENSTAANDE,
            "inkomsten": [{"persoon": "aanvrager", "soort": "arbeid", "netto_per_maand": 1500}],
            "vermogen": {"bezittingen": 0, "schulden": 0}}
    return _beoordeel(engine, case, "algemene_bijstand")


def _plat(tekst: str) -> str:
    """Whitespace normalised: a sentence wrapped over lines reads as one line again."""
    return " ".join(tekst.split())


def _delen(brief: str) -> dict[str, str]:
    """The parts of a text letter by heading (a line underlined with '-'), flattened; the
    greeting starts a part of its own (under its own words)."""
    regels = brief.splitlines()
    delen: dict[str, list[str]] = {"": []}
    kop = ""
    for i, regel in enumerate(regels):
        volgende = regels[i + 1] if i + 1 < len(regels) else ""
        if regel and (volgende == "-" * len(regel) or regel == T.tekst("brief.groet")):
            kop = regel
            delen[kop] = []
        elif regel != "-" * len(kop) or not regel:
            delen[kop].append(regel)
    return {k: _plat("\n".join(v)) for k, v in delen.items()}


def _voor(tekst: str, *stukken: str) -> None:
    """Each piece occurs in `tekst`, in this order."""
    plaatsen = [tekst.find(s) for s in stukken]
    assert -1 not in plaatsen, [s for s, p in zip(stukken, plaatsen, strict=True) if p < 0]
    assert plaatsen == sorted(plaatsen), list(zip(stukken, plaatsen, strict=True))


def _niet_voldaan(tekst: str, regeling: str, artikel: str) -> Grond:
    return Grond(regel="test.grond", voldaan=False, tekst=tekst,
                 bron=Bron(regeling=regeling, artikel=artikel, url=""),
                 bestand="rules/test.yaml", pakket="basis")


# ------------------------------------------------------------------ (1) a granted bijstand


def test_toekenning_noemt_bedrag_redenen_inlichtingenplicht_en_rechtsmiddelen(
        toegekend: Beslissing) -> None:
    brief = toegekend.to_text()
    delen = _delen(brief)
    kop = _plat(brief.split("\n\n", 1)[0])
    assert kop.startswith("Gemeente Alkmaar Datum: 1 maart 2026"), kop
    assert "Besluit over uw aanvraag\n========================" in brief
    bijstand = delen["Algemene bijstand"]
    assert "Ons besluit: toegekend." in bijstand
    # alleenstaande of 21 or older (art. 21 a), no income: € 1.401,50 per month
    assert "U krijgt € 1.401,50 per maand." in bijstand
    # the norm of art. 21 a, and the vakantietoeslag in it as the engine computed it
    vakantietoeslag = euro_text(toegekend.besluiten[0].bedrag["waarvan_vakantietoeslag"])
    assert (f"De bijstandsnorm voor u is € 1.401,50 per maand. Daarin zit {vakantietoeslag} "
            "vakantietoeslag.") in bijstand
    _voor(bijstand, "Waarom krijgt u dit? U voldoet aan deze voorwaarden:",
          "U bent 35 jaar; u bent 18 jaar of ouder. (art. 13 lid 3 Participatiewet)",
          "Uw vermogen (bezittingen min schulden) is € 2.500,00; dat is niet meer dan de "
          "grens van € 8.000,00. (art. 34 Participatiewet)")
    assert "U voldoet niet" not in bijstand
    plicht = delen["Wat moet u doen?"]
    assert "inlichtingenplicht (art. 17 Participatiewet)" in plicht
    assert "meteen aan ons door. Ook als wij er niet om vragen." in plicht
    laatste_kop, rechtsmiddelen = list(delen.items())[-1]
    assert laatste_kop == "Bezwaar maken"
    assert rechtsmiddelen == _plat(toegekend.rechtsmiddelen)
    assert "binnen zes weken" in rechtsmiddelen


def test_de_brief_is_deterministisch(engine: Engine, toegekend: Beslissing) -> None:
    case = {"gemeente": "alkmaar", "peildatum": "2026-03-01", "aanvrager": ALLEENSTAANDE,
            "inkomsten": [], "vermogen": {"bezittingen": 2500, "schulden": 0}}
    opnieuw = _beoordeel(engine, case, "algemene_bijstand")
    assert opnieuw.to_text() == toegekend.to_text()
    assert opnieuw.to_html() == toegekend.to_html()


# ------------------------------------------------------------------ (2) a refusal


def test_afwijzing_noemt_de_niet_vervulde_voorwaarde_als_reden_na_de_vervulde(
        afgewezen: Beslissing) -> None:
    besluit = afgewezen.besluiten[0]
    assert besluit.uitkomst == "afgewezen"
    niet = [g for g in besluit.gronden if not g.voldaan]
    assert [g.regel for g in niet] == ["pw.middelen"]
    bijstand = _delen(afgewezen.to_text())["Algemene bijstand"]
    assert "Ons besluit: afgewezen. U krijgt geen Algemene bijstand." in bijstand
    assert "U krijgt € " not in bijstand  # no payment on a refusal; the norm is still named
    assert "De bijstandsnorm voor u is € 1.401,50 per maand." in bijstand
    reden = "U voldoet niet aan 1 voorwaarde. Dat is de reden van de afwijzing:"
    _voor(bijstand, "Aan deze voorwaarden voldoet u wel:",
          "U bent 35 jaar; u bent 18 jaar of ouder. (art. 13 lid 3 Participatiewet)",
          reden, f"{niet[0].tekst} (art. 31 Participatiewet)")
    # € 1.500,00 counted income against the norm of € 1.401,50
    assert "€ 1.500,00" in bijstand.split(reden)[1]
    assert niet[0].tekst not in bijstand.split(reden)[0]


def test_afwijzing_heeft_geen_inlichtingenplicht(afgewezen: Beslissing) -> None:
    brief = afgewezen.to_text()
    assert "Wat moet u doen?" not in _delen(brief)
    assert "inlichtingenplicht" not in brief


def test_afwijzing_in_html_markeert_de_reden(afgewezen: Beslissing) -> None:
    pagina = afgewezen.to_html()
    lijst = re.search(r'<ul class="niet-voldaan">\n<li>(.*?)</li>', pagina)
    assert lijst and "€&nbsp;1.500,00" in lijst.group(1)


# ------------------------------------------------------------------ (3) aannames


def test_aannames_staan_onder_een_eigen_kop_en_niet_bij_de_redenen(engine: Engine) -> None:
    aanvrager = {k: v for k, v in ALLEENSTAANDE.items()
                 if k not in ("in_detentie", "recht_op_studiefinanciering", "dagen_in_buitenland")}
    case = {"gemeente": "alkmaar", "peildatum": "2026-03-01", "aanvrager": aanvrager,
            "inkomsten": [], "vermogen": {"bezittingen": 0, "schulden": 0}}
    beslissing = _beoordeel(engine, case, "algemene_bijstand")
    aannames = beslissing.besluiten[0].aannames
    for veld in ("in_detentie", "recht_op_studiefinanciering", "dagen_in_buitenland"):
        assert any(f"aanvrager.{veld}" in a for a in aannames), aannames
    delen = _delen(beslissing.to_text())
    kop = T.tekst("brief.aannames_kop")
    assert kop == "Wat wij hebben aangenomen"
    for aanname in aannames:
        assert aanname in delen[kop]
        assert all(aanname not in tekst for naam, tekst in delen.items() if naam != kop)
    assert list(delen).index(kop) > list(delen).index("Algemene bijstand")
    pagina = beslissing.to_html()
    sectie = re.search(r'<section class="aannames">(.*?)</section>', pagina, re.S)
    assert sectie and all(_html(a) in sectie.group(1) for a in aannames)
    redenen = re.findall(r'<ul class="voldaan">(.*?)</ul>', pagina, re.S)
    assert redenen and not any(_html(a) in r for a in aannames for r in redenen)


def _html(tekst: str) -> str:
    return re.sub(r"(€|art\.|lid) ", r"\1&nbsp;", html.escape(tekst))


# ------------------------------------------------------------------ (4) dates


def test_termijnen_van_alle_besluiten_in_datumvolgorde(engine: Engine) -> None:
    # Hulpvraag on Saturday 11-4-2026, no threat (schuldhulpverlening_termijnen.feature):
    # + 4 weeks = Sat 9-5 → Mon 11-5-2026 (first conversation);
    # + 8 weeks = Mon 6-7-2026 (beschikking). Key order (beschikking < eerste) ≠ date order.
    case = {"gemeente": "alkmaar", "peildatum": "2026-04-11",
            "aanvrager": {**ALLEENSTAANDE, "geboortedatum": "1985-06-15"},
            "inkomsten": [], "vermogen": {"bezittingen": 0, "schulden": 0},
            "schuldhulp": {"hulpvraag_datum": "2026-04-11", "bedreigende_situaties": []}}
    beslissing = _beoordeel(engine, case, "algemene_bijstand", "schuldhulpverlening")
    schuld = next(b for b in beslissing.besluiten if b.regeling == "schuldhulpverlening")
    assert schuld.termijnen == {"eerste_gesprek_uiterlijk": "2026-05-11",
                                "beschikking_uiterlijk": "2026-07-06"}
    # an ingangsdatum on the bijstand (contract v2) falls between the two
    besluiten = tuple(replace(b, termijnen={"ingangsdatum": "2026-06-01"})
                      if b.regeling == "algemene_bijstand" else b for b in beslissing.besluiten)
    brief = replace(beslissing, besluiten=besluiten).to_text()
    datums = _delen(brief)["Belangrijke datums"]
    assert datums == ("- 11 mei 2026: uiterlijk uw eerste gesprek (Schuldhulpverlening) "
                      "- 1 juni 2026: begindatum (Algemene bijstand) "
                      "- 6 juli 2026: uiterlijk uw plan van aanpak (Schuldhulpverlening)")
    assert "Ons besluit: toegekend. U krijgt Algemene bijstand. Dit geldt vanaf 1 juni 2026." \
        in _delen(brief)["Algemene bijstand"]


# ------------------------------------------------------------------ (5) escaping


@pytest.fixture(scope="module")
def met_script(engine: Engine) -> Beslissing:
    """Bijzondere bijstand for a cost item whose description is a script tag."""
    case = {"gemeente": "heiloo", "peildatum": "2026-03-01",
            "aanvrager": {**ALLEENSTAANDE, "woonplaats": "heiloo"},
            "inkomsten": [], "vermogen": {"bezittingen": 0, "schulden": 0},
            "kosten": [{"omschrijving": SCRIPT, "bedrag": 450, "datum": "2026-02-01"}]}
    return _beoordeel(engine, case, "bijzondere_bijstand")


def test_html_escapet_de_omschrijving_van_een_kostenpost(met_script: Beslissing) -> None:
    assert any(SCRIPT in g.tekst for g in met_script.besluiten[0].gronden)
    pagina = met_script.to_html()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in pagina
    assert "<script" not in pagina.lower()
    assert SCRIPT in met_script.to_text()  # free text stays literal in the text letter


def test_html_is_een_zelfstandige_pagina(toegekend: Beslissing) -> None:
    pagina = toegekend.to_html()
    assert pagina.startswith('<!DOCTYPE html>\n<html lang="nl">\n')
    assert "<title>Besluit over uw aanvraag — Gemeente Alkmaar</title>" in pagina
    assert '<meta charset="utf-8">' in pagina
    assert "<h1>Besluit over uw aanvraag</h1>" in pagina
    assert "<h2>Algemene bijstand</h2>" in pagina
    assert "@media print" in pagina and "@page" in pagina
    for extern in ("://", "src=", "href=", "@import", "url(", "<link", "<script"):
        assert extern not in pagina, extern


# ------------------------------------------------------------------ other outcomes


def test_onvoldoende_gegevens_noemt_wat_wij_nog_nodig_hebben(engine: Engine) -> None:
    case = {"gemeente": "castricum", "peildatum": "2026-02-01", "inkomsten": [],
            "aanvrager": {**ALLEENSTAANDE, "woonplaats": "castricum"}}
    beslissing = _beoordeel(engine, case, "algemene_bijstand")
    assert beslissing.besluiten[0].ontbrekende_gegevens == ("vermogen",)
    bijstand = _delen(beslissing.to_text())["Algemene bijstand"]
    assert "Ons besluit: nog niet te beoordelen." in bijstand
    _voor(bijstand, "Aan deze voorwaarden voldoet u al:", "Wat wij nog van u nodig hebben:",
          "- uw vermogen: spaargeld, bezittingen en schulden",
          "Stuur ons deze gegevens.")
    assert "inlichtingenplicht" not in beslissing.to_text()


def test_doorverwezen_en_mogelijk_recht(toegekend: Beslissing) -> None:
    basis = toegekend.besluiten[0]
    svb = replace(basis, uitkomst="doorverwezen", doorverwezen_naar="SVB", bedrag={},
                  gronden=(_niet_voldaan("U heeft de AOW-leeftijd bereikt; de SVB beslist.",
                                         "Participatiewet", "47a"),))
    iit = replace(basis, regeling="individuele_inkomenstoeslag",
                  naam="Individuele inkomenstoeslag")
    afgewezen = replace(basis, regeling="jeugdfonds", naam="Jeugdfonds", uitkomst="afgewezen")
    beslissing = replace(toegekend, besluiten=(svb,), mogelijk_recht=(iit, afgewezen))
    delen = _delen(beslissing.to_text())
    _voor(delen["Algemene bijstand"],
          "Ons besluit: doorgestuurd naar de Sociale Verzekeringsbank (SVB).",
          "De reden:", "U heeft de AOW-leeftijd bereikt; de SVB beslist. "
          "(art. 47a Participatiewet)")
    assert "bijstandsnorm" not in delen["Algemene bijstand"]  # the SVB decides the amount
    assert "inlichtingenplicht" not in beslissing.to_text()
    mogelijk = delen["Wat kunt u nog meer aanvragen?"]
    assert "U kunt mogelijk ook iets anders aanvragen. Het gaat om 1 regeling:" in mogelijk
    assert "- Individuele inkomenstoeslag" in mogelijk
    assert "Jeugdfonds" not in beslissing.to_text()


def test_lening_en_eenmalig_bedrag() -> None:
    besluit = Besluit(regeling="bijzondere_bijstand", naam="Bijzondere bijstand", pakket="basis",
                      uitkomst="toegekend", bedrag={"eenmalig": Decimal("160.30")},
                      termijnen={}, gronden=(), ontbrekende_gegevens=(), aannames=(),
                      waarschuwingen=("Controleer de bedragen.",), vorm="lening")
    beslissing = Beslissing(gemeente="heiloo", gemeente_naam="Heiloo", peildatum="2026-03-01",
                            versie="sha256:0", pluspakket="heiloo", besluiten=(besluit,),
                            rechtsmiddelen="Bezwaar binnen zes weken.")
    delen = _delen(beslissing.to_text())
    assert ("U krijgt eenmalig € 160,30. U krijgt dit geld als lening. U moet het later "
            "terugbetalen.") in delen["Bijzondere bijstand"]
    assert delen["Let op"] == "- Controleer de bedragen."


def test_ontbrekende_gegevens_in_gewone_woorden_en_anders_het_pad(
        toegekend: Beslissing) -> None:
    besluit = replace(toegekend.besluiten[0], uitkomst="onvoldoende_gegevens", gronden=(),
                      ontbrekende_gegevens=("medebewoners[0].geboortedatum",
                                            "medebewoners[1].geboortedatum", "iets.nieuws"))
    bijstand = _delen(replace(toegekend, besluiten=(besluit,)).to_text())["Algemene bijstand"]
    assert bijstand.endswith("Wat wij nog van u nodig hebben: - de geboortedatum van iedereen "
                             "die bij u woont - iets.nieuws Stuur ons deze gegevens. Dan kunnen "
                             "wij over uw aanvraag beslissen.")


# ------------------------------------------------------------------ the command line


def test_cli_format_html_en_text(tmp_path: Path) -> None:
    voorbeeld = str(ROOT / "voorbeelden" / "alleenstaande-met-kostendeler.yaml")
    html_uit = CliRunner().invoke(main, ["evaluate", voorbeeld, "--format", "html"])
    assert html_uit.exit_code == 0, html_uit.output
    assert html_uit.output.startswith("<!DOCTYPE html>")
    # (0,40 + 2 × 0,30) / 2 × € 2.002,13 = € 1.001,065 → € 1.001,07 (kostendelersnorm, A = 2)
    assert "U krijgt €&nbsp;1.001,07 per maand." in html_uit.output
    tekst_uit = CliRunner().invoke(main, ["evaluate", voorbeeld, "--format", "text"])
    assert "U krijgt € 1.001,07 per maand." in tekst_uit.output
    assert tekst_uit.output.rstrip().endswith("(art. 3:45, 6:5, 6:7 en 6:8 Awb).")


# ------------------------------------------------------------------ (6) in a browser


_chromium = chromium


def _render(pagina: str, tmp_path: Path, *extra: str) -> str:
    """The DOM after Chromium has loaded and laid out the page (its --dump-dom)."""
    bestand = tmp_path / "besluit.html"
    bestand.write_text(pagina, encoding="utf-8")
    uit = subprocess.run([_chromium(), "--headless=new", "--disable-gpu", "--no-sandbox",
                          "--no-first-run", "--disable-dev-shm-usage",
                          f"--user-data-dir={tmp_path / 'profiel'}", *extra,
                          "--dump-dom", bestand.as_uri()],
                         capture_output=True, text=True, timeout=120, check=False)
    assert uit.returncode == 0 and "<html" in uit.stdout, uit.stderr[-2000:]
    return uit.stdout


class _Tekst(HTMLParser):
    """The visible text of a rendered DOM, per element name (style and title apart)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[str] = []
        self.per_tag: dict[str, list[str]] = {}
        self.alles: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in ("meta", "br"):
            self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in self.open:
            del self.open[len(self.open) - 1 - self.open[::-1].index(tag):]

    def handle_data(self, data: str) -> None:
        tag = self.open[-1] if self.open else ""
        self.per_tag.setdefault(tag, []).append(data)
        if "style" not in self.open and "title" not in self.open:
            self.alles.append(data)


def _lees(dom: str) -> _Tekst:
    lezer = _Tekst()
    lezer.feed(dom)
    return lezer


def test_browser_toont_de_brief(toegekend: Beslissing, tmp_path: Path) -> None:
    dom = _render(toegekend.to_html(), tmp_path)
    lezer = _lees(dom)
    zichtbaar = _plat(" ".join(lezer.alles).replace("\xa0", " "))
    assert lezer.per_tag["h1"] == ["Besluit over uw aanvraag"]
    assert lezer.per_tag["title"] == ["Besluit over uw aanvraag — Gemeente Alkmaar"]
    assert "Algemene bijstand" in lezer.per_tag["h2"]
    assert "Gemeente Alkmaar" in zichtbaar and "Datum: 1 maart 2026" in zichtbaar
    assert "U krijgt € 1.401,50 per maand." in zichtbaar
    assert "inlichtingenplicht (art. 17 Participatiewet)" in zichtbaar
    assert zichtbaar.endswith("(art. 3:45, 6:5, 6:7 en 6:8 Awb).")
    assert re.search(r'<html lang="nl"', dom)


def test_browser_voert_geen_script_uit_de_casus_uit(met_script: Beslissing,
                                                    tmp_path: Path) -> None:
    dom = _render(met_script.to_html(), tmp_path)
    lezer = _lees(dom)
    assert "script" not in lezer.per_tag  # no script element was created
    assert any(SCRIPT in t for t in lezer.per_tag["li"])  # shown as text instead


def test_browser_drukt_de_brief_af(toegekend: Beslissing, tmp_path: Path) -> None:
    pdf = tmp_path / "besluit.pdf"
    _render(toegekend.to_html(), tmp_path, "--no-pdf-header-footer", f"--print-to-pdf={pdf}")
    inhoud = pdf.read_bytes()
    assert inhoud.startswith(b"%PDF")
    assert len(re.findall(rb"/Type\s*/Page\b", inhoud)) >= 1

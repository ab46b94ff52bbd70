"""The intake form for consulenten (intake.py, rules/algemeen/intake.yaml) without a server:
the form as data, from submitted values to a case, errors at their fields, the letter."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from decimal import Decimal
from pathlib import Path
from urllib.parse import urlencode

import pytest
from click.testing import CliRunner

from sora_rules import Engine
from sora_rules.cli import main
from sora_rules.intake import (
    Formulier,
    FormulierFout,
    beoordeel,
    casus,
    formulier,
    gemeente_namen,
    intake_pagina,
    invoer_uit,
)
from sora_rules.resources import data_root
from sora_rules.teksten import standaard_teksten

T = standaard_teksten()

# An alleenstaande of 35 in Alkmaar without income, as a consulent fills in the form.
ALLEENSTAANDE = {"gemeente": "alkmaar", "peildatum": "2026-03-01",
                 "aanvrager.geboortedatum": "1990-05-01",
                 "aanvrager.verblijfsstatus": "nederlander", "vermogen.bezittingen": "0",
                 "minima.maanden_laag_inkomen": "40"}


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine()


@pytest.fixture(scope="module")
def form(engine: Engine) -> Formulier:
    f = formulier(engine.regelset)
    assert f is not None
    return f


def _namen(f: Formulier) -> set[str]:
    return {naam for g in f.groepen for _, velden in g.rijen() for naam, _ in velden}


def test_het_formulier_vraagt_wat_bijstand_en_minima_nodig_hebben(form: Formulier) -> None:
    namen = _namen(form)
    for pad in ("gemeente", "peildatum", "aanvrager.geboortedatum", "aanvrager.woonplaats",
                "aanvrager.verblijfsstatus", "aanvrager.in_detentie",
                "aanvrager.recht_op_studiefinanciering", "aanvrager.dagen_in_buitenland",
                "partner.geboortedatum", "kinderen[0].geboortedatum",
                "kinderen[5].geboortedatum", "medebewoners[3].geboortedatum",
                "inkomsten[0].netto_per_maand", "inkomsten[0].soort", "vermogen.bezittingen",
                "vermogen.schulden", "minima.maanden_laag_inkomen",
                "minima.zicht_op_inkomensverbetering", "aanvraag.melddatum"):
        assert pad in namen, pad
    assert [g.kop for g in form.groepen][:3] == ["Aanvraag", "Aanvrager", "Partner"]


def test_van_invoer_naar_casus(form: Formulier, engine: Engine) -> None:
    invoer = {**ALLEENSTAANDE, "partner.geboortedatum": "1991-01-01",  # box not ticked
              "kinderen[2].geboortedatum": "2018-01-01",
              "inkomsten[1].persoon": "aanvrager", "inkomsten[1].soort": "arbeid",
              "inkomsten[1].netto_per_maand": "€ 1.250,50", "inkomsten[1].vrijlating": "ja",
              "medebewoners[0].mantelzorg": "ja",  # a tick box alone is no row
              "vermogen.schulden": "100.5", "aanvrager.in_detentie": "ja"}
    intake = casus(form, invoer, gemeente_namen(engine.regelset), T)
    assert intake.casus == {
        "gemeente": "alkmaar", "peildatum": "2026-03-01",
        "aanvrager": {"geboortedatum": "1990-05-01", "woonplaats": "alkmaar",
                      "verblijfsstatus": "nederlander", "economisch_actief": False,
                      "in_detentie": True, "in_inrichting": False,
                      "recht_op_studiefinanciering": False},
        "kinderen": [{"geboortedatum": "2018-01-01"}], "medebewoners": [],
        "inkomsten": [{"persoon": "aanvrager", "soort": "arbeid",
                       "netto_per_maand": Decimal("1250.50"), "vrijlating": True}],
        "vermogen": {"bezittingen": Decimal("0"), "schulden": Decimal("100.5")},
        "minima": {"maanden_laag_inkomen": 40, "zicht_op_inkomensverbetering": False}}
    assert intake.rijen == {"kinderen": (2,), "medebewoners": (), "inkomsten": (1,)}
    assert intake.veldnaam("kinderen[0].geboortedatum") == "kinderen[2].geboortedatum"
    assert intake.veldnaam("aanvrager.geboortedatum") == "aanvrager.geboortedatum"


def test_partner_telt_alleen_aangevinkt(form: Formulier, engine: Engine) -> None:
    invoer = {**ALLEENSTAANDE, "partner": "ja", "partner.geboortedatum": "1991-01-01",
              "partner.verblijfsstatus": "eu_burger"}
    partner = casus(form, invoer, gemeente_namen(engine.regelset), T).casus["partner"]
    assert partner == {"geboortedatum": "1991-01-01", "verblijfsstatus": "eu_burger",
                       "in_detentie": False, "in_inrichting": False,
                       "recht_op_studiefinanciering": False}


def test_elke_onbruikbare_invoer_bij_haar_veld(form: Formulier, engine: Engine) -> None:
    invoer = {**ALLEENSTAANDE, "vermogen.bezittingen": "12,5x", "gemeente": "amsterdam",
              "aanvrager.dagen_in_buitenland": "drie", "partner": "ja",
              "inkomsten[3].soort": "arbeid"}
    del invoer["aanvrager.geboortedatum"]
    with pytest.raises(FormulierFout) as exc:
        casus(form, invoer, gemeente_namen(engine.regelset), T)
    assert exc.value.fouten == {
        "gemeente": "'amsterdam' is geen van de keuzes",
        "aanvrager.geboortedatum": "vul dit veld in",
        "aanvrager.dagen_in_buitenland": "'drie' is geen heel getal",
        "partner.geboortedatum": "vul dit veld in",
        "partner.verblijfsstatus": "vul dit veld in",
        "inkomsten[3].persoon": "vul dit veld in",
        "inkomsten[3].netto_per_maand": "vul dit veld in",
        "vermogen.bezittingen": "'12,5x' is geen bedrag; schrijf bijvoorbeeld 1250,00"}


def test_fout_van_de_engine_staat_bij_de_goede_rij(form: Formulier, engine: Engine) -> None:
    body = urlencode({**ALLEENSTAANDE, "kinderen[4].geboortedatum": "2027-01-01"})
    status, html = beoordeel(engine, form, body, T)
    assert status == 400
    plek = html.index('id="veld-kinderen-4-geboortedatum"')
    veld = html[html.rindex("<div ", 0, plek):html.index("</div>", plek)]
    assert veld.startswith('<div class="veld datum heeft-fout">')
    assert '<p class="fout" id="fout-veld-kinderen-4-geboortedatum">2027-01-01 ligt na de ' \
           "peildatum (2026-03-01)" in veld
    assert 'aria-invalid="true" aria-describedby="fout-veld-kinderen-4-geboortedatum"' in veld
    assert 'value="2027-01-01"' in veld  # what was typed stays
    assert '<a href="#veld-kinderen-4-geboortedatum">Kind 5, Geboortedatum: 2027-01-01' in html
    assert 'value="1990-05-01"' in html and '<option value="alkmaar" selected>' in html


def test_ongeldige_invoer_blijft_ontsnapt(form: Formulier, engine: Engine) -> None:
    status, html = beoordeel(engine, form, urlencode(
        {**ALLEENSTAANDE, "vermogen.bezittingen": '<script>"x"'}), T)
    assert status == 400 and "<script" not in html
    assert 'value="&lt;script&gt;&quot;x&quot;"' in html


def test_te_veel_velden(form: Formulier, engine: Engine) -> None:
    status, html = beoordeel(engine, form, "&".join(f"x{i}=1" for i in range(600)), T)
    assert status == 400 and "<li>het formulier bevat te veel velden</li>" in html
    assert invoer_uit("a=1&a=2&b=", T) == {"a": "1", "b": ""}


def test_besluit_is_de_brief_van_evaluate_html(form: Formulier, engine: Engine,
                                               tmp_path: Path) -> None:
    status, html = beoordeel(engine, form, urlencode(ALLEENSTAANDE), T)
    assert status == 200
    geval = tmp_path / "casus.yaml"
    geval.write_text("\n".join([
        "gemeente: alkmaar", "peildatum: 2026-03-01",
        "aanvrager: {geboortedatum: 1990-05-01, woonplaats: alkmaar, verblijfsstatus: "
        "nederlander, economisch_actief: false, in_detentie: false, in_inrichting: false, "
        "recht_op_studiefinanciering: false}",
        "kinderen: []", "medebewoners: []", "inkomsten: []", "vermogen: {bezittingen: 0}",
        "minima: {maanden_laag_inkomen: 40, zicht_op_inkomensverbetering: false}", ""]),
        encoding="utf-8")
    cli = subprocess.run([sys.executable, "-m", "sora_rules", "evaluate", str(geval),
                          "--format", "html"], capture_output=True, text=True, check=True)
    assert html == cli.stdout
    # Norm alleenstaande 21 tot AOW-leeftijd op 1-1-2026: € 1.401,50 (normen.yaml); zonder
    # inkomen is de bijstand de hele norm; vakantietoeslag 4,8% x 1.401,50 = 67,272 → 67,27.
    assert "U krijgt €&nbsp;1.401,50 per maand." in html
    assert "Daarin zit €&nbsp;67,27 vakantietoeslag." in html


def test_pagina_labels_en_verplichte_velden(form: Formulier, engine: Engine) -> None:
    html = intake_pagina(form, gemeente_namen(engine.regelset), T)
    ids = re.findall(r'<(?:input|select)[^>]* id="([^"]+)"', html)
    assert len(ids) == len(_namen(form)) + 1  # every input, and the partner box
    for vid in ids:
        assert html.count(f'<label for="{vid}">') == 1, vid
    assert len(set(re.findall(r'<label for="[^"]+">([^<]+)', html))) == len(ids)  # unique
    geboorte = html[html.index('<label for="veld-aanvrager-geboortedatum">'):]
    assert geboorte.startswith('<label for="veld-aanvrager-geboortedatum">Geboortedatum '
                               '<span class="verplicht">(verplicht)</span></label>')
    assert 'name="aanvrager.geboortedatum" required' in geboorte
    assert 'name="partner.geboortedatum" value' in html  # required only with a partner
    assert "(verplicht als u dit deel invult)" in html
    assert '<form method="post" accept-charset="utf-8" novalidate>' in html
    assert "<script" not in html and not re.search(r'(?:src|href)="(?:https?:)?//', html)
    assert html.count('<option value="') == html.count("</option>")
    assert '<option value="dijk-en-waard">Dijk en Waard</option>' in html


# ---------------------------------------------------------- the form as data, validated


def _kopie(tmp_path: Path) -> Path:
    root = tmp_path / "regels"
    for deel in ("rules", "gemeenten"):
        shutil.copytree(data_root() / deel, root / deel)
    return root


@pytest.mark.parametrize(("oud", "nieuw", "melding"), [
    ("pad: aanvrager.geboortedatum\n", "pad: aanvrager.geboortedatun\n",
     "'aanvrager.geboortedatun' is geen veld van de casus (specs/case.schema.json)"),
    ("pad: vermogen.schulden\n          label: Schulden in euro's\n          soort: bedrag",
     "pad: vermogen.schulden\n          label: Schulden in euro's\n          soort: datum",
     "'vermogen.schulden' is in de casus geen veld voor soort 'datum'"),
    ("            geen: Geen rechtmatig verblijf\n        - pad: aanvrager.in_nederland_sinds",
     "            vluchteling: Vluchteling\n        - pad: aanvrager.in_nederland_sinds",
     "'aanvrager.verblijfsstatus' kent niet: vluchteling; wel: nederlander, eu_burger, "
     "verblijfsvergunning, geen"),
    ("          standaard_van: gemeente\n", "          standaard_van: gemeentee\n",
     "'gemeentee' is geen veld van dit formulier"),
])
def test_validate_controleert_het_formulier(tmp_path: Path, oud: str, nieuw: str,
                                            melding: str) -> None:
    root = _kopie(tmp_path)
    bestand = root / "rules" / "algemeen" / "intake.yaml"
    tekst = bestand.read_text(encoding="utf-8")
    assert tekst.count(oud) == 1
    bestand.write_text(tekst.replace(oud, nieuw), encoding="utf-8")
    r = CliRunner().invoke(main, ["validate", str(root)])
    assert r.exit_code == 1
    assert re.search(r"rules/algemeen/intake\.yaml:\d+:\d+: " + re.escape(melding), r.output), \
        r.output


def test_validate_weigert_een_onbekende_soort_invoer(tmp_path: Path) -> None:
    root = _kopie(tmp_path)
    bestand = root / "rules" / "algemeen" / "intake.yaml"
    tekst = bestand.read_text(encoding="utf-8")
    bestand.write_text(tekst.replace("soort: geheel", "soort: tekst", 1), encoding="utf-8")
    r = CliRunner().invoke(main, ["validate", str(root)])
    assert r.exit_code == 1 and "intake.yaml" in r.output

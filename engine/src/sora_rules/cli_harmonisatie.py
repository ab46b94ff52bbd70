"""`sora-rules harmonisatie`: the harmonisation workbench of issue #11 (`matrix`,
`minima-effect`).

A group of its own, so that later analyses (scenarios, proposals) join as
subcommands without crowding `cli.py`; the options, the loading of the rules and
the exit codes are those of the other listings (`cli._lijst`).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from .cli import FORMAT_OPTIE, PEILDATUM_OPTIE, REGELS_OPTIE, _engine, _lijst, _regelset
from .teksten import Teksten

if TYPE_CHECKING:
    from .engine import Engine


@click.group("harmonisatie", short_help="Werkbank voor harmonisatie van de zes gemeenten.")
def harmonisatie() -> None:
    """Werkbank voor de harmonisatie van het beleid van de zes gemeenten.

    \b
    Voorbeeld:
      sora-rules harmonisatie matrix --peildatum 2026-03-01
      sora-rules harmonisatie matrix --format json > matrix.json
      sora-rules harmonisatie minima-effect --gemeente alkmaar
      sora-rules harmonisatie voorstel minima-130.yaml caseload.jsonl
      sora-rules harmonisatie rapport --uitvoer rapport/
    """


@harmonisatie.command(short_help="Alle gemeenten naast elkaar: regelingen en keuzes.")
@PEILDATUM_OPTIE
@FORMAT_OPTIE
@REGELS_OPTIE
def matrix(peildatum: str | None, formaat: str, regels: Path | None) -> None:
    """Zet de gemeenten naast elkaar op de peildatum: per rij een regeling (geldt,
    uitgeschakeld of ontbreekt) of een parameter die een gemeente kiest (elke open
    norm, de eigen parameters van de overlay, en de inkomensgrenzen en bedragen van
    de regelingen), met per gemeente de waarde, de bron en de status. Een aanname
    staat met een * ; een gemeente zonder die regeling of parameter met een —.
    Eerst de rijen waarin de gemeenten verschillen, dan de gelijke, elk op id.
    Een rij verschilt als de waarden niet overal gelijk zijn; dezelfde waarde met
    een andere bron is geen verschil (zoals bij diff).

    \b
    JSON (--format json):
      {"peildatum", "gemeenten": [slug, ...],
       "samenvatting": {"rijen", "verschillend", "gelijk"},
       "rijen": [{"id", "soort": "regeling" | "parameter",
                  "naam" en "pakket" (regeling) | "beschrijving" en "eenheid" (parameter),
                  "verschilt": true | false,
                  "cellen": {slug: null | {"waarde", "tekst", "status", "bron",
                                           "grondslag", "vanaf", "bestand", "pakket"}}}]}
      waarde van een regeling: "van_kracht" of "uitgeschakeld"; status: "aanname",
      "bevestigd" of null (regeling); null = de gemeente heeft het niet.

    \b
    Voorbeeld:
      sora-rules harmonisatie matrix
      sora-rules harmonisatie matrix --peildatum 2026-03-01 --format json

    \b
    Exitcodes: 0 = gelukt; 2 = ongeldige peildatum of een peildatum voor het
               begin van de regels; 1 = de regelbestanden zijn ongeldig.
    """
    from . import harmonisatie as module
    from . import listing

    _lijst(lambda t: module.matrix(_regelset(regels), listing.peildatum(peildatum), t),
          formaat, module.render_matrix, regels)


@harmonisatie.command("minima-effect",
                      short_help="Steun per jaar bij een stijgend inkomen; armoedevallen.")
@PEILDATUM_OPTIE
@click.option("--gemeente", "gemeenten", multiple=True, metavar="SLUG",
              help="Alleen deze gemeente; herhaalbaar (standaard: alle gemeenten).")
@FORMAT_OPTIE
@REGELS_OPTIE
def minima_effect(peildatum: str | None, gemeenten: tuple[str, ...], formaat: str,
                  regels: Path | None) -> None:
    """Minima-effectrapportage (naar Nibud): de steun per jaar van zeven
    standaardhuishoudens bij een netto inkomen uit arbeid van 100% tot 150% van
    hun bijstandsnorm, in stappen van 1%, per gemeente. Steun is de algemene
    bijstand (12 x per maand), de individuele inkomenstoeslag en elke toegekende
    minimaregeling (per jaar, 12 x per maand of eenmalig; zonder bedrag telt
    als 0). Bijzondere bijstand en schuldhulpverlening tellen niet mee. Voor een
    AOW-huishouden telt de AIO van de SVB als 12 x (norm - inkomen), als dat
    positief is.

    Een armoedeval is een stap van 1% waarin de steun meer daalt dan het inkomen
    per jaar stijgt; een grensovergang is een stap waarin een regeling vervalt.
    Huishoudens: alleenstaande (35), alleenstaande ouder met 1 kind (6) en met
    2 kinderen (6 en 9), paar zonder kinderen en paar met 2 kinderen (6 en 9),
    beiden 35, AOW-alleenstaande (70) en AOW-paar (beiden 70).

    \b
    JSON (--format json):
      {"peildatum", "huishoudens": [id, ...], "gemeenten": [slug, ...],
       "reeksen": [{"gemeente", "gemeente_naam", "huishouden", "norm", "aio_svb",
                    "punten": [{"procent", "inkomen_per_maand", "steun_per_jaar",
                                "per_regeling": {id: euro}, "zonder_bedrag": [id]}]}],
       "armoedevallen": [{"gemeente", "huishouden", "van", "naar", "vervallen",
                          "meer_inkomen_per_jaar", "minder_steun_per_jaar",
                          "verlies_per_jaar"}],
       "grensovergangen": [{"gemeente", "huishouden", "van", "naar", "vervallen"}]}
      van en naar: {"procent", "inkomen_per_maand"}; bedragen in euro's.

    \b
    Voorbeeld:
      sora-rules harmonisatie minima-effect --peildatum 2026-03-01 --gemeente alkmaar
      sora-rules harmonisatie minima-effect --format json > minima-effect.json

    \b
    Exitcodes: 0 = gelukt; 2 = onbekende gemeente, ongeldige peildatum of een
               peildatum voor het begin van de regels; 1 = de regelbestanden
               zijn ongeldig.
    """
    from . import listing
    from . import minima_effect as module

    _lijst(lambda t: module.minima_effect(_engine(regels), listing.peildatum(peildatum),
                                          gemeenten or None, t),
          formaat, module.render_minima_effect, regels)


@harmonisatie.command(short_help="Effect van een beleidsvoorstel op een caseload.")
@click.argument("voorstel_pad", metavar="VOORSTEL.yaml", type=click.Path(path_type=Path))
@click.argument("caseload", metavar="CASELOAD.jsonl", type=click.Path(path_type=Path))
@click.option("--gemeente", "gemeenten", multiple=True, metavar="SLUG",
              help="Alleen deze gemeente uit het voorstel; herhaalbaar (standaard: "
                   "alle gemeenten die het voorstel noemt).")
@PEILDATUM_OPTIE
@FORMAT_OPTIE
@REGELS_OPTIE
@click.option("--voortgang", "toon_voortgang", is_flag=True,
              help="Toon de voortgang op stderr, ook als dat geen terminal is "
                   "(op een terminal altijd).")
@click.option("--per-huishouden", is_flag=True,
              help="Beslis elk huishouden afzonderlijk met de gewone engine in plaats van "
                   "in kolommen (trager; hetzelfde rapport, ter controle).")
def voorstel(voorstel_pad: Path, caseload: Path, gemeenten: tuple[str, ...],
             peildatum: str | None, formaat: str, regels: Path | None,
             toon_voortgang: bool, per_huishouden: bool) -> None:
    """Beoordeel elke casus van de caseload (JSON Lines) twee keer: met de huidige
    regels en met het voorstel, in kolommen (de gevectoriseerde rekenweg van
    simuleer); een blok met een geweigerde regel gaat regel voor regel door de
    gewone engine, zodat fouten precies zo tellen. Het voorstel is het formaat van
    batch --variant:
    een of meer gemeente-overlays in één YAML-bestand, gescheiden door ---; elke
    overlay vervangt die van de gemeente die hij noemt. Alleen casussen van de
    gekozen gemeenten tellen mee.

    Per gemeente en regeling: hoeveel huishoudens recht krijgen (de uitkomst wordt
    toegekend) en recht verliezen, en het verschil in bedrag per jaar (per jaar +
    12 x per maand + eenmalig), in totaal en per huishoudtype (alleenstaande,
    alleenstaande ouder, paar, paar met kinderen), met hoogstens drie
    voorbeeldregels per overgang. Zonder --peildatum geldt die van elke casus.
    Op een terminal (of met --voortgang) staat de voortgang op stderr; stdout
    bevat alleen het rapport.

    \b
    JSON (--format json):
      {"voorstel", "caseload", "gemeenten": [slug, ...], "peildatum",
       "regels_gelezen", "fouten", "fout_regels": [regel, ...],
       "huishoudens": {slug: aantal},
       "effecten": [{"gemeente", "regeling", "erbij", "eraf", "verschil_per_jaar",
                     "per_huishoudtype": {type: euro},
                     "voorbeelden": {"erbij": [regel, ...], "eraf": [regel, ...]}}]}

    \b
    Voorbeeld:
      sora-rules harmonisatie voorstel minima-130.yaml caseload.jsonl
      sora-rules harmonisatie voorstel minima-130.yaml caseload.jsonl --gemeente heiloo

    \b
    Exitcodes: 0 = gelukt; 2 = voorstel of caseload ontbreekt of is ongeldig,
               een gemeente die niet in het voorstel staat, of een ongeldige
               peildatum; 1 = de regelbestanden zijn ongeldig.
    """
    import sys

    from . import listing
    from . import voorstel as module
    from .batch import voortgangsbalk

    balk = voortgangsbalk(sys.stderr) if toon_voortgang or sys.stderr.isatty() else None
    _lijst(lambda t: module.voorstel_effect(
        voorstel_pad, caseload, gemeenten or None,
        listing.peildatum(peildatum) if peildatum else None, regels, t, balk,
        per_huishouden=per_huishouden), formaat, module.render_voorstel, regels)


@harmonisatie.command(short_help="Schrijf de matrix, het minima-effect en een voorstel als "
                                  "HTML-pagina's.")
@click.option("--uitvoer", required=True, metavar="MAP", type=click.Path(path_type=Path),
              help="De map voor matrix.html en minima-effect.html (wordt gemaakt).")
@click.option("--voorstel", "voorstel_pad", metavar="VOORSTEL.yaml",
              type=click.Path(path_type=Path),
              help="Schrijf ook voorstel.html: het effect van dit voorstel op de caseload "
                   "(zoals harmonisatie voorstel); alleen samen met --caseload.")
@click.option("--caseload", metavar="CASELOAD.jsonl", type=click.Path(path_type=Path),
              help="De caseload (JSON Lines) voor --voorstel.")
@click.option("--gemeente", "gemeenten", multiple=True, metavar="SLUG",
              help="Bij --voorstel: alleen deze gemeente uit het voorstel; herhaalbaar.")
@PEILDATUM_OPTIE
@REGELS_OPTIE
def rapport(uitvoer: Path, voorstel_pad: Path | None, caseload: Path | None,
            gemeenten: tuple[str, ...], peildatum: str | None, regels: Path | None) -> None:
    """Schrijf de harmonisatiematrix (matrix.html) en de minima-effectrapportage van
    alle gemeenten (minima-effect.html) als losse HTML-pagina's in MAP, dezelfde als
    /v1/paginas/matrix en /v1/paginas/minima-effect van sora-rules serve; met
    --voorstel en --caseload ook voorstel.html, het effect van het voorstel op de
    caseload per gemeente (zoals harmonisatie voorstel: zonder --peildatum geldt die
    van elke casus). MAP wordt zo nodig gemaakt; bestaande bestanden worden overschreven.

    \b
    Voorbeeld:
      sora-rules harmonisatie rapport --uitvoer rapport --peildatum 2026-03-01
      sora-rules harmonisatie rapport --uitvoer rapport \\
          --voorstel minima-130.yaml --caseload caseload.jsonl --gemeente heiloo

    \b
    Exitcodes: 0 = gelukt; 2 = MAP is geen map, ongeldige peildatum of een voor het
               begin van de regels, --voorstel zonder --caseload (of omgekeerd), een
               ongeldig voorstel of onleesbare caseload; 1 = ongeldige regelbestanden.
    """
    from .cli import Invoerfout, _tk
    from .errors import InvoerFout

    engine = _engine(regels)
    t = _tk(regels)
    _samen(voorstel_pad, caseload, gemeenten, t)
    if uitvoer.exists() and not uitvoer.is_dir():
        raise Invoerfout(t.tekst("pagina.uitvoer_geen_map", pad=str(uitvoer)))
    try:
        bladen = _bladen(engine, t, peildatum, voorstel_pad, caseload, gemeenten, regels)
    except InvoerFout as exc:
        raise Invoerfout(str(exc)) from None
    uitvoer.mkdir(parents=True, exist_ok=True)
    for naam, pagina in bladen.items():
        tijdelijk = uitvoer / f".{naam}.tmp"
        tijdelijk.write_text(pagina, encoding="utf-8")
        tijdelijk.replace(uitvoer / naam)  # a reader never sees a half-written page
        click.echo(t.tekst("pagina.geschreven", pad=str(uitvoer / naam)))


def _bladen(engine: Engine, t: Teksten, peildatum: str | None, voorstel_pad: Path | None,
            caseload: Path | None, gemeenten: tuple[str, ...], regels: Path | None
            ) -> dict[str, str]:
    """Every page of the report, built before anything is written (file name → HTML)."""
    from . import harmonisatie as module
    from . import listing, minima_effect, paginas

    dag = listing.peildatum(peildatum)
    namen = {slug: pol.gemeente.naam for slug, pol in engine.regelset.beleid.items()}
    bladen = {"matrix.html": paginas.matrix_pagina(module.matrix(engine.regelset, dag, t),
                                                   namen, t),
              "minima-effect.html": paginas.minima_effect_pagina(
                  minima_effect.minima_effect(engine, dag, None, t), t)}
    if voorstel_pad is not None and caseload is not None:
        from . import voorstel as effect

        data = effect.voorstel_effect(voorstel_pad, caseload, gemeenten or None,
                                      dag if peildatum else None, regels, t)
        bladen["voorstel.html"] = paginas.voorstel_pagina(data, namen, t)
    return bladen


def _samen(voorstel_pad: Path | None, caseload: Path | None, gemeenten: tuple[str, ...],
           t: Teksten) -> None:
    """--voorstel and --caseload come together, and --gemeente only with them (exit 2)."""
    from .cli import Invoerfout

    if voorstel_pad is not None and caseload is None:
        raise Invoerfout(t.tekst("pagina.samen_opgeven", optie="--voorstel", met="--caseload"))
    if caseload is not None and voorstel_pad is None:
        raise Invoerfout(t.tekst("pagina.samen_opgeven", optie="--caseload", met="--voorstel"))
    if gemeenten and voorstel_pad is None:
        raise Invoerfout(t.tekst("pagina.samen_opgeven", optie="--gemeente",
                                 met="--voorstel en --caseload"))

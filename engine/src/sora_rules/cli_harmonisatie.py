"""`sora-rules harmonisatie`: the harmonisation workbench of issue #11 (now: `matrix`).

A group of its own, so that later analyses (scenarios, proposals) join as
subcommands without crowding `cli.py`; the options, the loading of the rules and
the exit codes are those of the other listings (`cli._lijst`).
"""

from __future__ import annotations

from pathlib import Path

import click

from .cli import FORMAT_OPTIE, PEILDATUM_OPTIE, REGELS_OPTIE, _lijst, _regelset


@click.group("harmonisatie", short_help="Werkbank voor harmonisatie van de zes gemeenten.")
def harmonisatie() -> None:
    """Werkbank voor de harmonisatie van het beleid van de zes gemeenten.

    \b
    Voorbeeld:
      sora-rules harmonisatie matrix --peildatum 2026-03-01
      sora-rules harmonisatie matrix --format json > matrix.json
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

"""`sora-rules batch`: a caseload in, decisions out (see batch.py for the file protocol)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from .batch import run_batch, voortgangsbalk
from .errors import InvoerFout, RegelFout


@click.command("batch")
@click.argument("invoer", metavar="INVOER.jsonl", type=click.Path(path_type=Path))
@click.option("--uitvoer", required=True, type=click.Path(path_type=Path),
              metavar="BESLUITEN.jsonl", help="Eén besluit (of foutrecord) per invoerregel.")
@click.option("--gemeente", metavar="SLUG", help="Gemeente voor alle casussen.")
@click.option("--peildatum", metavar="JJJJ-MM-DD", help="Peildatum voor alle casussen.")
@click.option("--workers", type=click.IntRange(1, 64), default=1, show_default=True,
              help="Aantal processen.")
@click.option("--hervat", is_flag=True, help="Ga verder met een onderbroken run.")
@click.option("--variant", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              metavar="OVERLAY.yaml",
              help="Wat-als: beoordeel ook met deze variant van een gemeente-overlay.")
@click.option("--verschillen", type=click.Path(path_type=Path), metavar="PAD.jsonl",
              help="Verschillen per casus bij --variant (standaard <uitvoer>.verschillen.jsonl).")
@click.option("--samenvatting", "samenvatting_pad", type=click.Path(path_type=Path),
              metavar="PAD.json", help="Schrijf de samenvatting ook als JSON.")
@click.option("--regels", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Map met rules/ en gemeenten/ (standaard: de meegeleverde regels).")
def batch(invoer: Path, uitvoer: Path, gemeente: str | None, peildatum: str | None,
          workers: int, hervat: bool, variant: Path | None, verschillen: Path | None,
          samenvatting_pad: Path | None, regels: Path | None) -> None:
    """Beoordeel een caseload: één casus (JSON) per regel, één besluit per regel terug.

    Een regel met een fout wordt een foutrecord met regelnummer en melding; de run
    gaat door. Tijdens de run schrijft sora-rules naar <uitvoer>.deel; pas als alles
    klaar is, krijgt het bestand zijn naam. --hervat gaat verder waar een
    onderbroken run stopte, zonder besluiten te verliezen of dubbel te schrijven.

    \b
    Voorbeeld:
      sora-rules batch caseload.jsonl --uitvoer besluiten.jsonl --workers 2
      sora-rules batch caseload.jsonl --uitvoer besluiten.jsonl \\
          --variant heiloo-130.yaml --verschillen verschillen.jsonl
    """
    from .cli import Interne_fout, Invoerfout

    voortgang = voortgangsbalk(sys.stderr) if sys.stderr.isatty() else None
    try:
        resultaat = run_batch(invoer, uitvoer, gemeente=gemeente, peildatum=peildatum,
                              workers=workers, hervat=hervat, variant=variant,
                              verschillen=verschillen, regels=regels, voortgang=voortgang)
    except InvoerFout as exc:
        raise Invoerfout(str(exc)) from None
    except RegelFout as exc:
        raise Interne_fout(f"de regelbestanden zijn ongeldig:\n{exc}") from None
    if resultaat.hervat_vanaf:
        click.echo(f"Hervat na regel {resultaat.hervat_vanaf}.")
    click.echo(resultaat.samenvatting.to_text())
    data = {"samenvatting": resultaat.samenvatting.to_dict()}
    if resultaat.whatif is not None:
        click.echo(resultaat.whatif.to_text())
        click.echo(f"Verschillen per casus: {resultaat.verschillen}")
        data["wat_als"] = resultaat.whatif.to_dict()
    if samenvatting_pad is not None:
        samenvatting_pad.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n",
                                    encoding="utf-8")

"""`sora-rules batch`: a caseload in, decisions out (see batch.py for the file protocol)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any, NoReturn

import click

from .batch import OmgevingsFout, Resultaat, deel_pad, run_batch, voortgangsbalk
from .errors import InvoerFout, RegelFout
from .teksten import standaard_teksten


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

    Exitcodes: 0 klaar; 2 onbruikbare invoer of opties; 1 schijf vol, geen
    schrijfrechten of ongeldige regels; 130 onderbroken met Ctrl-C (hervat met
    --hervat).

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
                              verschillen=verschillen, regels=regels,
                              samenvatting_pad=samenvatting_pad, voortgang=voortgang)
    except InvoerFout as exc:
        raise Invoerfout(str(exc)) from None
    except OmgevingsFout as exc:
        raise Omgevingsfout(str(exc)) from None
    except RegelFout as exc:
        raise Interne_fout(standaard_teksten().tekst(
            "batch.ongeldig", waar=f" in {regels}" if regels is not None else "",
            pad=f" {regels}" if regels else "", fout=exc)) from None
    except KeyboardInterrupt:
        _onderbroken(uitvoer, voortgang is not None)
    except Exception as exc:  # a bug: still a Dutch message that says what is left
        deel = deel_pad(uitvoer)
        waar = "; " + standaard_teksten().tekst("batch.deel", pad=deel).removesuffix("; ") \
            if deel.exists() else ""
        raise Interne_fout(standaard_teksten().tekst("batch.onverwacht", fout=exc,
                                                     waar=waar)) from None
    _toon(resultaat)


class Omgevingsfout(click.ClickException):
    """Disk full, no permission: exit 1, but the input is fine and the message says so."""

    exit_code = 1

    def show(self, file: Any = None) -> None:
        click.echo(standaard_teksten().tekst("cli.fout", bericht=self.format_message()),
                   err=True)


def _onderbroken(uitvoer: Path, op_terminal: bool) -> NoReturn:
    """Ctrl-C: exit 130 like any interrupted Unix tool (cli.run would make click's Abort 1)."""
    deel = deel_pad(uitvoer)
    if op_terminal:
        click.echo("", err=True)
    t = standaard_teksten()
    waar = t.tekst("batch.deel", pad=deel) if deel.exists() else ""
    click.echo(t.tekst("batch.onderbroken", waar=waar), err=True)
    raise SystemExit(130)


def _toon(resultaat: Resultaat) -> None:
    """The summary on stdout; the files themselves are already in place."""
    t = standaard_teksten()
    if resultaat.hervat_vanaf:
        click.echo(t.tekst("batch.hervat", regel=resultaat.hervat_vanaf))
    click.echo(resultaat.samenvatting.to_text(t))
    if resultaat.whatif is not None:
        click.echo(resultaat.whatif.to_text(t))
        click.echo(t.tekst("batch.verschillen", pad=resultaat.verschillen))

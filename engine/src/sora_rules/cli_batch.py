"""`sora-rules batch`: a caseload in, decisions out (see batch.py for the file protocol)."""

from __future__ import annotations

import sys
from collections.abc import Callable
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
@click.option("--workers", "--werkers", "workers", type=click.IntRange(1, 64), default=None,
              show_default="1; 2 bij --dask lokaal", help="Aantal processen.")
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
@click.option("--dask", metavar="lokaal|ADRES", default=None,
              help="Reken de caseload in delen op een Dask-cluster: 'lokaal' start er een op "
                   "deze machine (--workers processen), een adres verbindt met een draaiende "
                   "scheduler, bv. --dask tcp://10.0.0.5:8786. De delen komen in "
                   "<uitvoer>.d; een nieuwe run slaat klare delen over (--hervat is niet nodig).")
@click.option("--deel", "deel_grootte", type=click.IntRange(1, 10_000_000), default=None,
              metavar="N", help="Regels per deel bij --dask (standaard 10.000).")
def batch(invoer: Path, uitvoer: Path, gemeente: str | None, peildatum: str | None,
          workers: int | None, hervat: bool, variant: Path | None, verschillen: Path | None,
          samenvatting_pad: Path | None, regels: Path | None, dask: str | None,
          deel_grootte: int | None) -> None:
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
      sora-rules batch caseload.jsonl --uitvoer besluiten.jsonl --dask tcp://10.0.0.5:8786
    """
    from .cli import Interne_fout, Invoerfout

    voortgang = voortgangsbalk(sys.stderr) if sys.stderr.isatty() else None
    opties: dict[str, Any] = {"gemeente": gemeente, "peildatum": peildatum, "variant": variant,
                              "verschillen": verschillen, "regels": regels,
                              "samenvatting_pad": samenvatting_pad}
    try:
        resultaat = _op_dask(dask, workers, deel_grootte, invoer, uitvoer, voortgang, opties) \
            if dask is not None else run_batch(invoer, uitvoer, workers=workers or 1,
                                               hervat=hervat, voortgang=voortgang, **opties)
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


def _op_dask(adres: str, werkers: int | None, deel: int | None, invoer: Path, uitvoer: Path,
             voortgang: Callable[[int, int], None] | None, opties: dict[str, Any]
             ) -> Resultaat:
    """`batch --dask`: the same output files, computed in parts on the cluster."""
    from .verdeeld import BATCH_DEEL, Batchopties, Cluster, batch_verdeeld

    return batch_verdeeld(Cluster(adres, werkers), invoer, uitvoer,
                          Batchopties(**opties, deel=deel or BATCH_DEEL), voortgang)


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

"""The `sora-rules` command line (DESIGN §3).

Exit codes: 0 decisions produced; 1 internal error or invalid rules; 2 unusable
input, with a Dutch message naming the field. Never a traceback for bad input.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any, NoReturn

import click

from .case import load_case_file
from .errors import InvoerFout, RegelFout


class Invoerfout(click.ClickException):
    """Unusable input: exit 2 with `fout: <pad>: <bericht>` on stderr."""

    exit_code = 2

    def show(self, file: Any = None) -> None:
        click.echo(f"fout: {self.format_message()}", err=True)


class Interne_fout(click.ClickException):  # noqa: N801 - Dutch term of art
    exit_code = 1

    def show(self, file: Any = None) -> None:
        click.echo(f"interne fout: {self.format_message()}", err=True)


def _engine(regels: Path | None) -> Any:
    from .engine import Engine

    try:
        return Engine(regels)
    except RegelFout as exc:
        raise Interne_fout(f"de regelbestanden zijn ongeldig:\n{exc}") from None


REGELS_OPTIE = click.option(
    "--regels", type=click.Path(file_okay=False, path_type=Path), default=None,
    help="Map met rules/ en gemeenten/ (standaard: de meegeleverde regels).")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="sora-rules")
def main() -> None:
    """sora-rules: gemotiveerde besluiten voor het sociaal domein in de regio Alkmaar.

    \b
    Voorbeeld:
      sora-rules evaluate voorbeelden/alleenstaande-met-kostendeler.yaml --format text
    """


@main.command()
@click.argument("casus", metavar="CASE")
@click.option("--gemeente", metavar="SLUG", help="Gemeente (gaat voor de casus).")
@click.option("--peildatum", metavar="JJJJ-MM-DD", help="Datum waarop het besluit ziet.")
@click.option("--regeling", "regelingen", multiple=True, metavar="ID",
              help="Alleen deze regeling(en); herhaalbaar.")
@click.option("--format", "formaat", type=click.Choice(["text", "json"]), default=None,
              help="Uitvoer; standaard text op een terminal, anders json.")
@click.option("--strikt", is_flag=True,
              help="Weiger een peildatum na de laatst bekende normen (exit 2).")
@REGELS_OPTIE
def evaluate(casus: str, gemeente: str | None, peildatum: str | None,
             regelingen: tuple[str, ...], formaat: str | None, strikt: bool,
             regels: Path | None) -> None:
    """Beoordeel een casus (JSON of YAML, of - voor standaardinvoer).

    \b
    Voorbeeld:
      sora-rules evaluate casus.yaml --gemeente alkmaar --peildatum 2026-03-01
      cat casus.json | sora-rules evaluate - --format json --regeling algemene_bijstand
    """
    try:
        case = load_case_file(casus)
        besluit = _engine(regels).evaluate(case, gemeente=gemeente, peildatum=peildatum,
                                           regelingen=list(regelingen) or None, strikt=strikt)
    except InvoerFout as exc:
        raise Invoerfout(str(exc)) from None
    if formaat is None:
        formaat = "text" if sys.stdout.isatty() else "json"
    click.echo(besluit.to_text() if formaat == "text" else besluit.to_json(), nl=formaat == "json")


@main.command()
@click.argument("paden", nargs=-1, type=click.Path(path_type=Path), metavar="[PAD]...")
def validate(paden: tuple[Path, ...]) -> None:
    """Controleer regelbestanden en overlays; exit 1 bij een fout.

    PAD is een map met rules/ en gemeenten/ (standaard: de meegeleverde regels).

    \b
    Voorbeeld:
      sora-rules validate .
    """
    from .policy import RegelsetFout, load_regelset
    from .resources import data_root

    fouten = 0
    for root in paden or (data_root(),):
        try:
            regelset = load_regelset(root)
        except RegelsetFout as exc:
            for melding in exc.meldingen:
                click.echo(str(melding))
            fouten += len(exc.meldingen)
            continue
        click.echo(f"{root}: {len(regelset.regelingen)} regelingen, "
                   f"{len(regelset.parameters)} parameters, {len(regelset.gemeenten)} gemeenten: "
                   "geldig")
    if fouten:
        click.echo(f"{fouten} fout(en) gevonden", err=True)
        sys.exit(1)


def run() -> NoReturn:
    """Entry point that turns anything unexpected into exit 1 without a traceback."""
    try:
        main.main(standalone_mode=True)
    except SystemExit:
        raise
    except Exception as exc:  # pragma: no cover - last line of defence
        click.echo(f"interne fout: {type(exc).__name__}: {exc}", err=True)
        sys.exit(1)
    sys.exit(0)

"""The `sora-rules` command line (DESIGN §3).

Exit codes: 0 decisions produced; 1 internal error or invalid rules; 2 unusable
input, with a Dutch message naming the field. Never a traceback for bad input.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, NoReturn

import click

from .case import load_case_file
from .errors import InvoerFout, RegelFout
from .teksten import Teksten, laad_teksten, standaard_teksten


def _tk(regels: Path | None = None) -> Teksten:
    """The catalogue of --regels (already validated with the rules), else the packaged one."""
    return laad_teksten(regels) if regels is not None else standaard_teksten()


class Invoerfout(click.ClickException):
    """Unusable input: exit 2 with `fout: <pad>: <bericht>` on stderr."""

    exit_code = 2

    def show(self, file: Any = None) -> None:
        click.echo(_tk().tekst("cli.fout", bericht=self.format_message()), err=True)


class Interne_fout(click.ClickException):  # noqa: N801 - Dutch term of art
    exit_code = 1

    def show(self, file: Any = None) -> None:
        click.echo(_tk().tekst("cli.interne_fout", bericht=self.format_message()), err=True)


def _engine(regels: Path | None) -> Any:
    from .engine import Engine
    from .policy import RegelsetFout

    try:
        return Engine(regels)
    except RegelsetFout as exc:
        raise _ongeldige_regels(regels, exc) from None
    except RegelFout as exc:
        raise Interne_fout(_tk().tekst("cli.ongeldig", bericht=str(exc))) from None


def _check_regels(ctx: click.Context, param: click.Parameter, value: Path | None) -> Path | None:
    if value is not None and not value.is_dir():
        raise Invoerfout(_tk().tekst("cli.regels_ontbreken", pad=value))
    return value


REGELS_OPTIE = click.option(
    "--regels", type=click.Path(path_type=Path), default=None, metavar="PAD",
    callback=_check_regels,
    help="Map met rules/ en gemeenten/ (standaard: de meegeleverde regels).")
FORMAT_OPTIE = click.option(
    "--format", "formaat", type=click.Choice(["text", "json"]), default="text",
    show_default=True, help="Uitvoer: leesbare tekst, of json voor andere diensten.")
PEILDATUM_OPTIE = click.option(
    "--peildatum", metavar="JJJJ-MM-DD", default=None,
    help="Datum waarop de regels gelden (standaard: vandaag).")


def _regelset(regels: Path | None) -> Any:
    """The loaded rules; invalid rules are exit 1 with the validator's findings."""
    from .policy import RegelsetFout, load_regelset
    from .resources import data_root

    try:
        return load_regelset(regels if regels is not None else data_root())
    except RegelsetFout as exc:
        raise _ongeldige_regels(regels, exc) from None


def _ongeldige_regels(regels: Path | None, exc: Any) -> Interne_fout:
    from .resources import data_root

    root = regels if regels is not None else data_root()
    meldingen = "\n".join(f"{_toon(root, m.plaats)}: {m.bericht}" for m in exc.meldingen)
    return Interne_fout(_tk().tekst("cli.ongeldige_regels", pad=_basis(root),
                                    meldingen=meldingen))


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
@click.option("--format", "formaat", type=click.Choice(["text", "json", "html"]),
              default=None,
              help="Uitvoer: text (een besluitbrief), json (het beslisdocument) of html "
                   "(dezelfde brief als webpagina om te printen); standaard text op een "
                   "terminal, anders json.")
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
      sora-rules evaluate casus.yaml --format html > besluit.html
    """
    try:
        case = load_case_file(casus)
        besluit = _engine(regels).evaluate(case, gemeente=gemeente, peildatum=peildatum,
                                           regelingen=list(regelingen) or None, strikt=strikt)
    except InvoerFout as exc:
        raise Invoerfout(str(exc)) from None
    if formaat is None:
        formaat = "text" if sys.stdout.isatty() else "json"
    click.echo(_uitvoer(besluit, formaat, regels), nl=formaat == "json")


def _uitvoer(besluit: Any, formaat: str, regels: Path | None) -> str:
    """The decision as asked: the letter as text or HTML page (catalogue of --regels), or JSON."""
    if formaat == "text":
        return str(besluit.to_text(_tk(regels)))
    if formaat == "html":
        return str(besluit.to_html(_tk(regels)))
    return str(besluit.to_json())


@main.command(short_help="Controleer regelbestanden en overlays.")
@click.argument("paden", nargs=-1, type=click.Path(path_type=Path), metavar="[PAD]...")
@FORMAT_OPTIE
def validate(paden: tuple[Path, ...], formaat: str) -> None:
    """Controleer regelbestanden en overlays: schema en samenhang.

    PAD is een regelmap (met rules/ en gemeenten/), of een bestand of map daarin:
    dan wordt de hele regelmap gecontroleerd en worden alleen de meldingen over
    dat deel getoond. Zonder PAD: de meegeleverde regels. Elke melding staat op
    één regel als bestand:regel:kolom: bericht, met het bestand te openen vanuit
    de huidige map; de laatste regel telt de fouten.

    \b
    Exitcodes: 0 = geldig; 1 = fouten gevonden;
               2 = PAD bestaat niet of is geen regelmap.

    \b
    Voorbeeld:
      sora-rules validate .
      sora-rules validate gemeenten/heiloo.yaml
      sora-rules validate /pad/naar/kopie --format json
    """
    from .resources import data_root

    for pad in paden:
        if not pad.exists():
            raise Invoerfout(_tk().tekst("cli.pad_bestaat_niet", pad=pad))
    resultaten = [_valideer(pad, getoond=True) for pad in paden] or [
        _valideer(data_root(), getoond=False)]
    fouten = sum(len(r["meldingen"]) for r in resultaten)
    if formaat == "json":
        from .listing import to_json

        click.echo(to_json({"geldig": fouten == 0, "fouten": fouten,
                            "paden": resultaten}), nl=False)
    else:
        _toon_validatie(resultaten, fouten)
    if fouten:
        sys.exit(1)


def _toon_validatie(resultaten: list[dict[str, Any]], fouten: int) -> None:
    """The text output of `validate`: one line per finding, then the count on stderr."""
    t = _tk()
    for r in resultaten:
        for m in r["meldingen"]:
            click.echo(m["tekst"])
        if not r["meldingen"] and r["samenvatting"]:
            click.echo(t.tekst("cli.geldig", pad=r["pad"], samenvatting=r["samenvatting"]))
        elif not r["meldingen"]:
            click.echo(t.tekst("cli.geen_fouten", pad=r["pad"]))
        if r["elders"]:
            click.echo(t.tekst("cli.elders", aantal=r["elders"], regelmap=r["regelmap"]),
                       err=True)
    if fouten:
        bestanden = len({m["bestand"] for r in resultaten for m in r["meldingen"]})
        click.echo(t.tekst("cli.fouten", aantal=fouten, bestanden=bestanden), err=True)


def _toon(root: Path | str, plaats: str) -> str:
    """`plaats` (relative to `root`) as a path that opens from the current directory."""
    if not plaats or Path(plaats).is_absolute():
        return plaats
    return os.path.normpath(os.path.join(_basis(Path(root)), plaats))


def _basis(root: Path) -> str:
    """`root` as shown: as typed when relative; relative to the current directory when an
    absolute path lies below it; otherwise absolute."""
    if not root.is_absolute():
        return str(root)
    cwd = Path.cwd()
    return os.path.relpath(root, cwd) if root.is_relative_to(cwd) else str(root)


def _regelmap(pad: Path) -> Path | None:
    """The rules root `pad` is, or lies in: the nearest directory with rules/ or gemeenten/."""
    start = pad if pad.is_dir() else pad.parent
    for kandidaat in (start, *start.parents):
        if (kandidaat / "rules").is_dir() or (kandidaat / "gemeenten").is_dir():
            return kandidaat
    return None


def _splits(plaats: str) -> tuple[str, int | None, int | None]:
    parts = plaats.rsplit(":", 2)
    if len(parts) == 3 and parts[1].isdigit() and parts[2].isdigit():
        return parts[0], int(parts[1]), int(parts[2])
    return plaats, None, None


def _samenvatting(regelset: Any) -> str:
    return _tk().tekst("cli.samenvatting", regelingen=len(regelset.regelingen),
                       parameters=len(regelset.parameters), gemeenten=len(regelset.gemeenten))


def _valideer(pad: Path, getoond: bool) -> dict[str, Any]:
    """Validate `pad` (a rules root, or a file or folder inside one) into plain data.

    Findings are named relative to the current directory; for a file or folder
    inside a root, findings elsewhere in that root are only counted (`elders`).
    """
    absoluut = pad.resolve()
    root = _regelmap(absoluut)
    if root is None:
        if pad.is_dir():
            raise Invoerfout(_tk().tekst("cli.geen_regelmap", pad=pad))
        toon_root: Path = pad.parent  # a loose file: only the schema can be checked
        meldingen, samenvatting = _los_bestand(pad, absoluut)
    else:
        if absoluut == root:
            toon_root = pad
        elif pad.is_absolute():
            toon_root = root
        else:
            toon_root = Path(os.path.relpath(root, Path.cwd()))
        meldingen, samenvatting = _regelmap_meldingen(root)
    elders = 0
    result = []
    for m in meldingen:
        bestand, regel, kolom = _splits(m.plaats)
        if root is not None and absoluut != root:
            doel = (root / bestand).resolve()
            if doel != absoluut and absoluut not in doel.parents:
                elders += 1
                continue
        naam = _toon(toon_root, bestand)
        plaats = naam + (f":{regel}:{kolom}" if regel is not None else "")
        result.append({"bestand": naam, "regel": regel, "kolom": kolom,
                       "bericht": m.bericht, "tekst": f"{plaats}: {m.bericht}"})
    return {"pad": str(pad) if getoond else _basis(pad),
            "regelmap": _basis(toon_root) if root is not None else None,
            "meldingen": result, "elders": elders, "samenvatting": samenvatting}


def _los_bestand(pad: Path, absoluut: Path) -> tuple[list[Any], str]:
    """A YAML file outside any rules root: only its schema can be checked."""
    from .load import load_file
    from .validate import Melding, check_schema

    try:
        doc = load_file(absoluut, pad.name)
        gemeente = isinstance(doc.data, dict) and doc.data.get("soort") == "gemeente"
        meldingen = check_schema(doc, "overlay.schema.json" if gemeente else "rules.schema.json")
    except RegelFout as exc:
        meldingen = [Melding(exc.plaats, exc.bericht)]
    return meldingen, _tk().tekst("cli.alleen_schema")


def _regelmap_meldingen(root: Path) -> tuple[list[Any], str]:
    """Every finding of a rules root, and on success the proof that exactly one norm category
    holds per household (not on every Engine() load: ~0.1 s)."""
    from .dekking import bewijs_precies_een
    from .policy import RegelsetFout, load_regelset

    try:
        regelset = load_regelset(root)
    except RegelsetFout as exc:
        return list(exc.meldingen), ""
    return bewijs_precies_een(regelset), _samenvatting(regelset)


# ------------------------------------------------------------------ advisor listings


@main.command(short_help="De gemeenten en hun pluspakket.")
@PEILDATUM_OPTIE
@FORMAT_OPTIE
@REGELS_OPTIE
def gemeenten(peildatum: str | None, formaat: str, regels: Path | None) -> None:
    """Toon de gemeenten en hun pluspakket: eigen regelingen, ingevulde open normen
    (met waarde en bron op de peildatum) en uitgeschakelde regionale regelingen.

    \b
    Voorbeeld:
      sora-rules gemeenten
      sora-rules gemeenten --peildatum 2026-03-01 --format json

    \b
    Exitcodes: 0 = gelukt; 2 = onbekende gemeente of ongeldige peildatum;
               1 = de regelbestanden zijn ongeldig (zie sora-rules validate).
    """
    from . import listing

    _lijst(lambda t: listing.gemeenten(_regelset(regels), listing.peildatum(peildatum), t),
          formaat, listing.render_gemeenten, regels)


@main.command(short_help="Wat in een gemeente geldt, met bronnen.")
@click.option("--gemeente", metavar="SLUG", required=True,
              help="Gemeente, bijv. alkmaar, bergen, castricum, dijk-en-waard, heiloo, uitgeest.")
@PEILDATUM_OPTIE
@FORMAT_OPTIE
@REGELS_OPTIE
def regelingen(gemeente: str, peildatum: str | None, formaat: str, regels: Path | None) -> None:
    """Toon de regelingen die op de peildatum in een gemeente gelden, met hun
    grondslag, voorwaarden en elke parameter met waarde, bron en status.

    \b
    Voorbeeld:
      sora-rules regelingen --gemeente alkmaar
      sora-rules regelingen --gemeente heiloo --peildatum 2026-03-01 --format json

    \b
    Exitcodes: 0 = gelukt; 2 = onbekende gemeente of ongeldige peildatum;
               1 = de regelbestanden zijn ongeldig (zie sora-rules validate).
    """
    from . import listing

    _lijst(lambda t: listing.regelingen(_regelset(regels), gemeente,
                                        listing.peildatum(peildatum), t),
          formaat, listing.render_regelingen, regels)


@main.command(short_help="Beleidsverschillen tussen twee gemeenten.")
@click.argument("gemeente_a", metavar="SLUG_A")
@click.argument("gemeente_b", metavar="SLUG_B")
@PEILDATUM_OPTIE
@FORMAT_OPTIE
@REGELS_OPTIE
def diff(gemeente_a: str, gemeente_b: str, peildatum: str | None, formaat: str,
         regels: Path | None) -> None:
    """Vergelijk het beleid van twee gemeenten op de peildatum, per regeling:
    alleen in A, alleen in B, of in beide met de verschillen (waarden van open
    normen en parameters, voorwaarden, bedragen), elk met bron en bestand.
    Parameters worden op hun waarde vergeleken: dezelfde waarde met een andere
    bron is geen verschil.

    \b
    Voorbeeld:
      sora-rules diff alkmaar heiloo
      sora-rules diff bergen castricum --peildatum 2026-03-01 --format json

    \b
    Exitcodes: 0 = gelukt; 2 = onbekende gemeente of ongeldige peildatum;
               1 = de regelbestanden zijn ongeldig (zie sora-rules validate).
    """
    from . import diff as diff_module
    from . import listing

    _lijst(lambda t: diff_module.diff(_regelset(regels), gemeente_a, gemeente_b,
                                     listing.peildatum(peildatum), t),
          formaat, diff_module.render_diff, regels)


@main.command(short_help="Elke waarde met bron en status.")
@click.option("--gemeente", metavar="SLUG", default=None,
              help="Alleen de waarden die voor deze gemeente gelden (basis- plus pluspakket).")
@click.option("--status", type=click.Choice(["aanname", "bevestigd"]), default=None,
              help="Alleen waarden met deze status; 'aanname' = nog te bevestigen.")
@click.option("--peildatum", metavar="JJJJ-MM-DD", default=None,
              help="Alleen de waarde die op deze datum geldt (standaard: alle waarden).")
@FORMAT_OPTIE
@REGELS_OPTIE
def bronnen(gemeente: str | None, status: str | None, peildatum: str | None, formaat: str,
            regels: Path | None) -> None:
    """Toon elke waarde met bron, status en reden, per bestand: het basispakket en
    alle overlays, of met --gemeente wat voor die gemeente geldt.

    \b
    Voorbeeld:
      sora-rules bronnen --status aanname
      sora-rules bronnen --gemeente bergen --peildatum 2026-03-01 --format json

    \b
    Exitcodes: 0 = gelukt; 2 = onbekende gemeente of ongeldige peildatum;
               1 = de regelbestanden zijn ongeldig (zie sora-rules validate).
    """
    from . import listing

    _lijst(lambda t: listing.bronnen(_regelset(regels), gemeente, status,
                                    listing.peildatum(peildatum) if peildatum is not None
                                    else None, t),
          formaat, listing.render_bronnen, regels)


def _lijst(bereken: Callable[[Teksten], Any], formaat: str,
           render: Callable[[Any, Teksten], str], regels: Path | None) -> None:
    """Compute a listing (bad input → exit 2 in Dutch) and print it as text or JSON.

    The rules load first, so an invalid --regels (or its catalogue) is reported by
    the validator before any text is needed."""
    from .listing import to_json

    try:
        _regelset(regels)
        t = _tk(regels)
        data = bereken(t)
    except InvoerFout as exc:
        raise Invoerfout(str(exc)) from None
    click.echo(to_json(data) if formaat == "json" else render(data, t), nl=False)


_GEBRUIKSFOUTEN: tuple[tuple[re.Pattern[str], str, tuple[str, ...]], ...] = tuple(
    (re.compile(rx), sleutel, namen) for rx, sleutel, namen in (
        (r"^No such option:? '?([^'\s]+?)'?\.?(?:\s+Did you mean '?([^'\s?]+)'?\?)?$",
         "gebruik.onbekende_optie", ("optie",)),
        (r"^No such command '(.+)'", "gebruik.onbekende_opdracht", ("opdracht",)),
        (r"^Missing argument '(.+)'", "gebruik.argument_ontbreekt", ("argument",)),
        (r"^Missing option '(.+)'", "gebruik.optie_ontbreekt", ("optie",)),
        (r"^Option '(.+)' requires an argument", "gebruik.optie_vraagt_waarde", ("optie",)),
        (r"^Got unexpected extra arguments? \((.+)\)", "gebruik.extra_argument",
         ("argument",)),
        (r"^Invalid value for '(.+?)': '(.+)' is not one of (.+)\.$",
         "gebruik.ongeldige_keuze", ("optie", "waarde", "keuzes")),
        (r"^Invalid value for '(.+?)': (.+)$", "gebruik.ongeldige_waarde",
         ("optie", "bericht")),
    ))


def _gebruiksfout(exc: click.UsageError) -> str:
    """Click's English usage error in Dutch (the contract: a Dutch message on stderr)."""
    t = _tk()
    bericht = exc.format_message()
    for rx, sleutel, namen in _GEBRUIKSFOUTEN:
        m = rx.search(bericht)
        if m:
            tekst = t.tekst(sleutel, **dict(zip(namen, m.groups(), strict=False)))
            if sleutel == "gebruik.onbekende_optie" and m.group(2):
                tekst += t.tekst("cli.bedoelt_u", optie=m.group(2))
            return tekst
    return bericht


def run() -> NoReturn:
    """Entry point: exit 2 with a Dutch message for a usage error, exit 1 without a
    traceback for anything unexpected."""
    try:
        code = main.main(prog_name="sora-rules", standalone_mode=False)
    except click.UsageError as exc:
        click.echo(_tk().tekst("cli.fout", bericht=_gebruiksfout(exc)), err=True)
        pad = exc.ctx.command_path if exc.ctx is not None else "sora-rules"
        click.echo(_tk().tekst("cli.zie_help", pad=pad), err=True)
        sys.exit(2)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except click.Abort:
        click.echo(_tk().tekst("cli.afgebroken"), err=True)
        sys.exit(1)
    except SystemExit:
        raise
    except Exception as exc:  # pragma: no cover - last line of defence
        click.echo(_interne_fout(f"{type(exc).__name__}: {exc}"), err=True)
        sys.exit(1)
    sys.exit(code if isinstance(code, int) else 0)


def _interne_fout(bericht: str) -> str:
    """The last line of defence must print even when the catalogue itself cannot load."""
    try:
        return _tk().tekst("cli.interne_fout", bericht=bericht)
    except Exception:  # pragma: no cover - a broken packaged catalogue
        return f"interne fout: {bericht}"


@main.command(short_help="Bied de engine aan als HTTP-service (/v1).")
@click.option("--host", default="127.0.0.1", show_default=True, metavar="ADRES",
              help="Adres om op te luisteren.")
@click.option("--port", default=8080, show_default=True, type=click.IntRange(1, 65535),
              help="Poort om op te luisteren.")
@REGELS_OPTIE
def serve(host: str, port: int, regels: Path | None) -> None:
    """Bied de engine aan als HTTP-service volgens de API-strategie van de
    Nederlandse overheid: POST /v1/besluiten (de casus als JSON; query gemeente,
    peildatum en regeling), GET /v1/gemeenten, /v1/regelingen, /v1/diff,
    /v1/harmonisatie/matrix en /v1/harmonisatie/minima-effect, en het effect van
    een voorstel op een caseload als opdracht (POST
    /v1/harmonisatie/voorstel-opdrachten, dan de status opvragen); de beschrijving
    staat op /v1/openapi.json. Fouten zijn application/problem+json. Er wordt
    geen casusgegeven gelogd. Stoppen met Ctrl-C.

    \b
    Voorbeeld:
      sora-rules serve --port 8080
      curl -s -X POST 'http://127.0.0.1:8080/v1/besluiten?gemeente=alkmaar' \\
           -H 'Content-Type: application/json' --data @casus.json
    """
    from .serve import start

    engine = _engine(regels)
    start(engine, _tk(regels), host, port, regels)


def _register_batch() -> None:
    """`batch` lives in its own module (it brings multiprocessing along)."""
    from .cli_batch import batch

    main.add_command(batch)


def _register_harmonisatie() -> None:
    """`harmonisatie` is a group in its own module (the workbench of issue #11)."""
    from .cli_harmonisatie import harmonisatie

    main.add_command(harmonisatie)


_register_batch()
_register_harmonisatie()


def _register_simuleer() -> None:
    """`simuleer` (the vectorised evaluator, issue #12) lives in its own module."""
    from .cli_simuleer import simuleer

    main.add_command(simuleer)


_register_simuleer()

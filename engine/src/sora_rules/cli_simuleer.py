"""`sora-rules simuleer`: a whole caseload through the vectorised evaluator (issue #12).

Per household and regeling the outcome, the amounts and the first failed condition, for
population work; the reasoned besluit for a citizen stays `evaluate`. Input and output
format follow the file name (.jsonl, .csv, .parquet; the flat layout is in
vector/plat.py and vector/uitvoer.py). Bad input stops the run with exit 2 and the
scalar engine's Dutch message for the first bad household, naming its line and field.
"""

from __future__ import annotations

import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from .batch import Samenvatting, WhatIf, kopieer_regels, variant_slug
from .errors import InvoerFout, RegelFout
from .teksten import Teksten, standaard_teksten

if TYPE_CHECKING:  # numpy and pyarrow only when simuleer runs: evaluate starts faster
    import numpy as np


@click.command("simuleer")
@click.argument("invoer", type=click.Path(path_type=Path), metavar="INVOER")
@click.option("--uitvoer", required=True, type=click.Path(path_type=Path), metavar="UIT",
              help="Per huishouden de besluiten (.jsonl, .csv of .parquet).")
@click.option("--variant", type=click.Path(path_type=Path), metavar="OVERLAY.yaml",
              help="Wat-als: beoordeel ook met deze variant van een gemeente-overlay.")
@click.option("--gemeente", metavar="SLUG", help="Gemeente voor alle huishoudens.")
@click.option("--peildatum", metavar="JJJJ-MM-DD", help="Peildatum voor alle huishoudens.")
@click.option("--stuk", type=click.IntRange(1, 10_000_000), default=50_000, show_default=True,
              help="Huishoudens per stuk (het geheugen blijft vlak).")
@click.option("--regels", type=click.Path(file_okay=False, path_type=Path), default=None,
              metavar="PAD", help="Map met rules/ en gemeenten/ (standaard: de meegeleverde).")
@click.option("--dask", metavar="lokaal|ADRES", default=None,
              help="Reken de caseload in delen op een Dask-cluster: 'lokaal' start er een op "
                   "deze machine, een adres verbindt met een draaiende scheduler, bv. --dask "
                   "tcp://10.0.0.5:8786. INVOER mag dan ook een map of een patroon "
                   "('caseload/*.parquet') zijn; de delen komen in UIT.d.")
@click.option("--werkers", type=click.IntRange(1, 256), default=None, metavar="N",
              help="Aantal werkprocessen bij --dask lokaal (standaard 2).")
def simuleer(invoer: Path, uitvoer: Path, variant: Path | None, gemeente: str | None,
             peildatum: str | None, stuk: int, regels: Path | None, dask: str | None,
             werkers: int | None) -> None:
    """Beoordeel een hele caseload in één keer (gevectoriseerd): per huishouden en
    regeling de uitkomst, de bedragen en de eerste voorwaarde die niet is voldaan.

    Het formaat volgt uit de bestandsnaam: .jsonl (één casus per regel, zoals bij
    batch), .csv of .parquet (platte kolommen, zoals aanvrager.geboortedatum,
    kinderen_1.geboortedatum, inkomsten_1.netto_per_maand). De uitvoer komt pas onder
    zijn naam als alles klaar is. Met --variant ook de uitkomsten onder een gewijzigde
    gemeente-overlay en een samenvatting van de verschillen.

    Exitcodes: 0 klaar; 2 onbruikbare invoer of opties (de melding noemt regel en
    veld); 1 ongeldige regels of een schijffout.

    \b
    Voorbeeld:
      sora-rules simuleer caseload.parquet --uitvoer besluiten.parquet
      sora-rules simuleer caseload.jsonl --uitvoer uit.jsonl --variant heiloo-130.yaml
      sora-rules simuleer caseload/ --uitvoer besluiten.parquet --dask tcp://10.0.0.5:8786
    """
    from .cli import Interne_fout, Invoerfout

    t = standaard_teksten()
    try:
        if dask is not None:  # partitions on a Dask cluster (verdeeld.py)
            from .verdeeld import Cluster, simuleer_verdeeld

            simuleer_verdeeld(Cluster(dask, werkers), _Opdracht(
                invoer, uitvoer, variant, gemeente, peildatum, stuk, regels))
            return
        _controleer_paden(invoer, uitvoer, t)
        _draai(_Opdracht(invoer, uitvoer, variant, gemeente, peildatum, stuk, regels), t)
    except InvoerFout as exc:
        raise Invoerfout(str(exc)) from None
    except RegelFout as exc:
        raise Interne_fout(str(exc)) from None
    except OSError as exc:
        raise Interne_fout(t.tekst("simuleer.onleesbaar", pad=uitvoer, fout=exc)) from None


class _Opdracht:
    def __init__(self, invoer: Path, uitvoer: Path, variant: Path | None, gemeente: str | None,
                 peildatum: str | None, stuk: int, regels: Path | None) -> None:
        self.invoer, self.uitvoer, self.variant = invoer, uitvoer, variant
        self.gemeente, self.peildatum, self.stuk, self.regels = gemeente, peildatum, stuk, regels


def _controleer_paden(invoer: Path, uitvoer: Path, t: Teksten) -> None:
    from .vector.io import FormaatFout, formaat

    for pad, veld in ((invoer, "invoer"), (uitvoer, "uitvoer")):
        try:
            formaat(pad)
        except FormaatFout:
            raise InvoerFout(veld, t.tekst("simuleer.formaat", pad=pad)) from None
    if not invoer.is_file():
        raise InvoerFout("invoer", t.tekst("simuleer.leesbaar", pad=invoer))
    if not uitvoer.resolve().parent.is_dir():
        raise InvoerFout("uitvoer", t.tekst("simuleer.map", pad=uitvoer.parent))
    if uitvoer.exists() and uitvoer.resolve() == invoer.resolve():
        raise InvoerFout("uitvoer", t.tekst("simuleer.zelfde", pad=uitvoer))


def _engines(o: _Opdracht, tmp: Path) -> tuple[Any, Any, str | None]:
    """The vectorised engine, and the variant's with the gemeente it replaces."""
    from .resources import data_root
    from .vector import VectorEngine

    basis = o.regels if o.regels is not None else data_root()
    engine = VectorEngine(basis)
    if o.variant is None:
        return engine, None, None
    slug = variant_slug(basis, o.variant)
    return engine, VectorEngine(kopieer_regels(basis, o.variant, slug, tmp)), slug


def _draai(o: _Opdracht, t: Teksten) -> None:
    from .vector.io import Schrijver

    start = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="sora-simuleer-") as tmp:
        engine, alt, slug = _engines(o, Path(tmp))
        schrijver = Schrijver(o.uitvoer)
        samenvatting, whatif = Samenvatting(), WhatIf()
        terugval: dict[str, int] = {}
        try:
            for resultaat, variant, rijen in _resultaten(o, engine, alt, slug, t):
                _schrijf(schrijver, resultaat, variant, rijen)
                _tel(samenvatting, whatif, resultaat, variant, rijen)
                for rid, n in resultaat.terugval.items():
                    terugval[rid] = terugval.get(rid, 0) + n
            schrijver.klaar()
        except BaseException:
            schrijver.weg()
            raise
    _toon(t, o, samenvatting, whatif if alt is not None else None, slug, terugval,
          time.perf_counter() - start)


def _resultaten(o: _Opdracht, engine: Any, alt: Any, slug: str | None, t: Teksten,
                stukken: Iterator[Any] | None = None, regel: int = 1
                ) -> Iterator[tuple[Any, Any, np.ndarray | None]]:
    """Per chunk: the result, the variant's (if any) and the rows of its gemeente
    (`stukken`, from line `regel`: one part of the file, for verdeeld.py)."""
    import numpy as np
    import pyarrow as pa

    from .vector.controle import InvoerKolomFout
    from .vector.io import RegelFout, lees

    stukken = lees(o.invoer, o.stuk) if stukken is None else stukken
    while True:
        try:
            stuk = next(stukken)
        except StopIteration:
            return
        except (pa.ArrowInvalid, pa.ArrowNotImplementedError, pa.ArrowTypeError) as exc:
            raise _leesfout(o, exc, t) from None
        except InvoerKolomFout as exc:
            raise _kolomfout(o, regel, exc, None, t) from None
        except RegelFout as exc:
            raise InvoerFout("invoer", t.tekst("simuleer.regel", regel=exc.regel,
                                               bericht=exc.bericht)) from None
        try:
            r = engine.beslis(stuk.batch, o.gemeente, o.peildatum, stuk.casussen)
        except InvoerKolomFout as exc:
            raise _kolomfout(o, stuk.eerste_regel, exc, stuk, t) from None
        rijen = np.flatnonzero(r.gemeente == slug)
        v = alt.beslis(stuk.batch.deel(rijen), o.gemeente, o.peildatum,
                       lambda ix, s=stuk, rs=rijen: s.casussen(rs[ix])) if alt is not None \
            and len(rijen) else None
        regel = stuk.eerste_regel + stuk.batch.n
        yield r, v, (rijen if alt is not None else None)


def _scalair_bericht(o: _Opdracht, case: dict[str, Any] | None) -> str | None:
    """The scalar engine's own Dutch message for one case, if it refuses it."""
    if case is None:
        return None
    from .engine import Engine

    try:
        Engine(o.regels).evaluate(case, gemeente=o.gemeente, peildatum=o.peildatum)
    except InvoerFout as exc:
        return str(exc)
    return None


def _kolomfout(o: _Opdracht, eerste: int, exc: Any, stuk: Any, t: Teksten) -> InvoerFout:
    """A bad value in some household: its line, and the scalar engine's message."""
    rij = exc.rij if exc.rij is not None else 0
    case = stuk.casussen([rij])[0] if stuk is not None else None
    bericht = _scalair_bericht(o, case) or t.tekst("simuleer.ongeldig", veld=exc.pad,
                                                   regel=f"{exc.soort} {exc.extra}".strip())
    return InvoerFout("invoer", t.tekst("simuleer.regel", regel=eerste + rij, bericht=bericht))


def _leesfout(o: _Opdracht, exc: Exception, t: Teksten) -> InvoerFout:
    """Arrow refused a CSV or Parquet file (JSON Lines are read line by line instead)."""
    return InvoerFout("invoer", t.tekst("simuleer.onleesbaar", pad=o.invoer, fout=exc))


def _schrijf(schrijver: Any, r: Any, v: Any, rijen: np.ndarray | None) -> None:
    from .vector.uitvoer import records, tabel

    if schrijver.soort == ".jsonl":
        recs = records(r)
        if v is not None and rijen is not None:
            for rec, alt in zip([recs[i] for i in rijen], records(v), strict=True):
                rec["variant"] = {k: alt[k] for k in ("besluiten", "mogelijk_recht") if k in alt}
        schrijver.records(recs)
        return
    schrijver.tabel(tabel(r, v, rijen))


def _tel(s: Samenvatting, w: WhatIf, r: Any, v: Any, rijen: np.ndarray | None) -> None:
    from .vector.overzicht import tel, vergelijk

    tel(r, s)
    if v is not None and rijen is not None:
        vergelijk(r, v, w, rijen)


def _toon(t: Teksten, o: _Opdracht, s: Samenvatting, w: WhatIf | None, slug: str | None,
          terugval: dict[str, int], duur: float) -> None:
    echo: Callable[[str], None] = click.echo
    echo(s.to_text(t))
    for rid, n in sorted(terugval.items()):
        echo(t.tekst("simuleer.terugval", regeling=rid, aantal=n))
    if w is not None:
        echo(t.tekst("simuleer.variant", pad=o.variant, gemeente=slug))
        echo(w.to_text(t))
    echo(t.tekst("simuleer.klaar", aantal=s.verwerkt, seconden=f"{duur:.1f}",
                 per_seconde=int(s.verwerkt / duur) if duur > 0 else s.verwerkt,
                 pad=o.uitvoer))

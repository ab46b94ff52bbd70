"""The text catalogue (rules/algemeen/teksten.yaml) and Dutch formatting in one place.

Why: every sentence the beschikking, the listings and the CLI print is policy
wording, so it lives in YAML where an advisor can read and change it. Python
keeps only the contract (`SLEUTELS`: which keys exist and which placeholders the
code fills) and the notation rules: money, dates, numbers, singular/plural.

A placeholder is `{naam}`, or `{naam|enkelvoud|meervoud}` for a count:
`{aantal|kind|kinderen}` prints "1 kind" or "2 kinderen".
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Any

from .load import Document, load_file
from .resources import data_root

__all__ = ["CATALOGUS", "SLEUTELS", "Teksten", "datum_tekst", "euro_text", "getal",
           "laad_teksten", "plaatshouders", "standaard_teksten", "vul"]

CATALOGUS = "rules/algemeen/teksten.yaml"

# {naam} or {naam|enkelvoud|meervoud}; a name is a dotted snake_case word.
PLAATSHOUDER = re.compile(r"\{([A-Za-z_][A-Za-z0-9_.]*)(?:\|([^{}|]*)\|([^{}|]*))?\}")

# Calendar primitive: the Dutch month names (DESIGN: the calendar stays in Python).
_MAANDEN = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
            "september", "oktober", "november", "december")
_MIN = "\u2212"  # the minus sign of typeset money: −€ 23.000,00

_P = tuple[str, ...]
# The contract between code and catalogue: every key and the placeholders the code fills.
SLEUTELS: dict[str, _P] = {
    # the decision letter (brief.py: evaluate --format text and html)
    "brief.titel": (), "brief.afzender": ("gemeente",), "brief.datum": ("datum",),
    "brief.regelset": ("versie", "pluspakket"), "brief.aanhef": (),
    "brief.inleiding": ("aantal",),
    "brief.toegekend": ("naam",), "brief.afgewezen": ("naam",),
    "brief.onvoldoende_gegevens": (), "brief.doorverwezen": ("instantie",),
    "brief.uitkomst": ("uitkomst",), "brief.ingangsdatum": ("datum",),
    "brief.per_maand": ("bedrag",), "brief.per_jaar": ("bedrag",), "brief.eenmalig": ("bedrag",),
    "brief.norm": ("bedrag",), "brief.vakantietoeslag": ("bedrag",),
    "brief.bedrag": ("soort", "bedrag"), "brief.om_niet": (), "brief.lening": (),
    "brief.redenen_toegekend": (), "brief.redenen_voldaan": (),
    "brief.reden_afwijzing": ("aantal",), "brief.redenen_al_voldaan": (),
    "brief.niet_voldaan": (), "brief.reden_doorverwezen": (), "brief.ontbrekend": (),
    "brief.ontbrekend_vraag": (), "brief.aannames_kop": (), "brief.aannames": (),
    "brief.waarschuwingen_kop": (), "brief.plicht_kop": (),
    "brief.inlichtingenplicht": ("bron",), "brief.inlichtingenplicht_gevolg": (),
    "brief.termijnen_kop": (), "brief.termijn": ("datum", "termijn", "naam"),
    "brief.mogelijk_recht_kop": (), "brief.mogelijk_recht": ("aantal",),
    "brief.mogelijk_recht_vraag": (), "brief.groet": (), "brief.ondertekening": ("gemeente",),
    "brief.rechtsmiddelen_kop": (),
    # values (listing.waarde_tekst and friends)
    "waarde.geen": (), "waarde.geen_op_peildatum": (), "waarde.procent": ("aantal",),
    "waarde.jaren": ("aantal",), "waarde.maanden": ("aantal",), "waarde.weken": ("aantal",),
    "waarde.dagen": ("aantal",), "band.aow": (), "band.tot_aow": ("van",),
    "band.vanaf": ("van",), "band.tot": ("tot",), "band.van_tot": ("van", "tot"),
    "band.regel": ("deel", "waarde"),
    "herkomst.gemeente": ("gedelegeerd",), "herkomst.standaard": ("gedelegeerd",),
    "herkomst.eigen": (), "herkomst.basis": (),
    "toets.keuze": ("kostendelersnorm", "vakantietoeslag"),
    "toets.beschrijving": ("naam",), "toets.beschrijving_toelichting": ("naam", "toelichting"),
    "bedragspec.feit": ("naam",), "bedragspec.parameter": ("naam",),
    "bedragspec.tabel": ("naam", "personen"),
    # parameter lines in the listings
    "parameter.vanaf": ("vanaf",), "parameter.regel": ("id", "waarde", "vanaf", "status"),
    "parameter.bron": ("bron",), "parameter.reden": ("reden",),
    "parameter.herkomst": ("herkomst", "bestand"),
    "parameter.standaard": ("waarde", "status", "bestand"),
    # sora-rules gemeenten
    "gemeenten.kop": ("aantal", "peildatum"), "gemeenten.gemeente": ("naam", "slug", "cbs",
                                                                    "bestand"),
    "gemeenten.eigen": (), "gemeenten.eigen_geen": (),
    "gemeenten.regeling": ("id", "naam", "vanaf", "tot"), "gemeenten.tot": ("datum",),
    "gemeenten.niet_van_kracht": (), "gemeenten.open_normen": (),
    "gemeenten.open_normen_geen": (), "gemeenten.parameters": (),
    "gemeenten.uitgeschakeld": ("lijst",), "lijst.geen": (),
    # sora-rules regelingen
    "regelingen.kop": ("naam", "slug", "peildatum", "aantal"), "regelingen.geen": (),
    "regelingen.regeling": ("naam", "id", "pakket"), "regelingen.bestand": ("bestand",),
    "regelingen.grondslag": ("bron",), "regelingen.geldig": ("vanaf", "tot"),
    "regelingen.tot": ("datum",), "regelingen.omschrijving": ("tekst",),
    "regelingen.voorwaarden": (), "regelingen.signaleringen": (),
    "regelingen.inkomenstoets": ("percentage", "parameter", "norm", "vakantietoeslag", "bron",
                                 "status"),
    "regelingen.bedrag": ("lijst",), "regelingen.parameters": (),
    "regelingen.uitgeschakeld": ("lijst",),
    # sora-rules bronnen
    "bronnen.gemeente": ("gemeente",), "bronnen.alles": (), "bronnen.status": ("status",),
    "bronnen.peildatum": ("peildatum",), "bronnen.alle_waarden": (),
    "bronnen.kop": ("wat", "filters", "aantal", "telling"),
    "bronnen.bestand_gemeente": ("gemeente",), "bronnen.bestand_basis": (),
    "bronnen.overlay": (), "bronnen.open_ingevuld": (), "bronnen.open_standaard": (),
    "bronnen.waarde": ("id", "vanaf", "waarde", "status", "merk"), "bronnen.bron": ("bron",),
    "bronnen.reden": ("reden",), "bronnen.geen": (),
    # sora-rules diff
    "diff.kop": ("a", "slug_a", "b", "slug_b", "peildatum"),
    "diff.telling": ("alleen_a", "a", "alleen_b", "b", "verschillend", "gelijk"),
    "diff.alleen_in": ("naam",), "diff.uitgeschakeld": ("naam",),
    "diff.regeling": ("id", "naam", "pakket", "bestand", "bron", "extra"),
    "diff.verschillend": (), "diff.gelijk": ("aantal", "lijst"),
    "diff.parameter": ("id", "beschrijving"), "diff.regel_alleen": ("soort", "id", "wie",
                                                                    "als", "bron", "plaats"),
    "diff.regel_anders": ("soort", "id", "wat"), "diff.en": (),
    "diff.kenmerk_anders": ("soort",), "diff.geen": (),
    "diff.toets": ("percentage", "norm", "vakantietoeslag"),
    "diff.param_ontbreekt": (), "diff.param_open_gemeente": (),
    "diff.param_open_standaard": (), "diff.param_vanaf": ("vanaf",),
    "diff.param_bron": ("tekst", "bron"), "diff.param_regel": ("tekst", "bestand", "soort"),
    # sora-rules harmonisatie matrix (harmonisatie.py)
    "harmonisatie.kop": ("peildatum", "gemeenten", "rijen", "verschillend", "gelijk"),
    "harmonisatie.gemeenten": ("lijst",), "harmonisatie.legenda": ("merk", "ontbreekt"),
    "harmonisatie.merk_aanname": (), "harmonisatie.ontbreekt": (),
    "harmonisatie.verschillend": ("aantal",), "harmonisatie.gelijk": ("aantal",),
    "harmonisatie.regeling": ("id", "naam", "pakket"),
    "harmonisatie.parameter": ("id", "beschrijving"),
    "harmonisatie.cel": ("gemeenten", "waarde"), "harmonisatie.alle": (),
    "harmonisatie.uitgeschakeld": (), "harmonisatie.bron": ("bron", "bestand"),
    "harmonisatie.grondslag": ("bron", "bestand"),
    "harmonisatie.voor_begin": ("peildatum", "begin"),
    # sora-rules harmonisatie minima-effect (minima_effect.py)
    "minima_effect.kop": ("peildatum", "gemeenten", "huishoudens", "van", "tot"),
    "minima_effect.uitleg": (), "minima_effect.aio": (),
    "minima_effect.legenda": ("zonder", "val", "stap"),
    "minima_effect.merk_zonder_bedrag": (), "minima_effect.merk_val": (),
    "minima_effect.reeks": ("gemeente", "slug", "huishouden", "norm"),
    "minima_effect.aio_kort": (), "minima_effect.waarden": ("procent", "lijst"),
    "minima_effect.kolom_procent": (), "minima_effect.kolom_inkomen": (),
    "minima_effect.kolom_steun": (), "minima_effect.kolom_regelingen": (),
    "minima_effect.armoedevallen": ("aantal",),
    "minima_effect.armoedeval": ("gemeente", "huishouden", "van", "van_pct", "naar",
                                 "naar_pct", "regelingen", "inkomen", "steun", "verlies"),
    "minima_effect.grensovergangen": ("aantal",),
    "minima_effect.grensovergang": ("gemeente", "huishouden", "van", "van_pct", "naar",
                                    "naar_pct", "regelingen"),
    "minima_effect.huishouden.alleenstaande": ("leeftijd", "kinderen"),
    "minima_effect.huishouden.alleenstaande_ouder_een_kind": ("leeftijd", "kinderen"),
    "minima_effect.huishouden.alleenstaande_ouder_twee_kinderen": ("leeftijd", "kinderen"),
    "minima_effect.huishouden.paar": ("leeftijd", "kinderen"),
    "minima_effect.huishouden.paar_twee_kinderen": ("leeftijd", "kinderen"),
    "minima_effect.huishouden.aow_alleenstaande": ("leeftijd", "kinderen"),
    "minima_effect.huishouden.aow_paar": ("leeftijd", "kinderen"),
    # the HTML pages of the workbench (paginas.py: serve and harmonisatie rapport)
    "pagina.matrix_titel": ("peildatum",),
    "pagina.matrix_bijschrift": ("rijen", "verschillend", "gelijk"),
    "pagina.matrix_legenda": ("aanname", "ontbreekt", "verschilt"),
    "pagina.onderwerp": (), "pagina.aanname": (), "pagina.verschilt": (), "pagina.gelijk": (),
    "pagina.minima_titel": ("peildatum",), "pagina.grafiek_titel": ("huishouden",),
    "pagina.grafiek_beschrijving": ("huishouden", "gemeenten"),
    "pagina.as_x": (), "pagina.as_y": (), "pagina.tabel_tonen": (),
    "pagina.tabel_bijschrift": ("huishouden",), "pagina.uitvoer_geen_map": ("pad",),
    "pagina.geschreven": ("pad",),
    "pagina.voorstel_titel": ("voorstel",),
    "pagina.voorstel_bijschrift": ("gemeente", "regelingen", "bedrag"),
    "pagina.voorstel_regeling": (), "pagina.voorstel_erbij": (), "pagina.voorstel_eraf": (),
    "pagina.voorstel_verschil": (), "pagina.voorstel_per_type": ("huishouden",),
    "pagina.voorstel_voorbeelden": (), "pagina.samen_opgeven": ("optie", "met"),
    # the intake form of `sora-rules serve` (intake.py; its fields: rules/algemeen/intake.yaml)
    "pagina.intake_titel": (), "pagina.intake_uitleg": (), "pagina.intake_verplicht": (),
    "pagina.intake_verplicht_groep": (), "pagina.intake_kies": (),
    "pagina.intake_versturen": (), "pagina.intake_fouten": ("aantal",),
    "pagina.intake_fout": ("veld", "bericht"), "pagina.intake_leeg": (),
    "pagina.intake_geen_bedrag": ("waarde",), "pagina.intake_geen_getal": ("waarde",),
    "pagina.intake_geen_keuze": ("waarde",), "pagina.intake_te_veel": (),
    # sora-rules harmonisatie voorstel (voorstel.py)
    "voorstel.kop": ("voorstel", "gemeenten"),
    "voorstel.caseload": ("caseload", "aantal", "meegeteld", "fouten"),
    "voorstel.fout_regels": ("regels",), "voorstel.gemeente": ("gemeente", "aantal"),
    "voorstel.geen_verschil": (), "voorstel.regeling": ("regeling", "erbij", "eraf", "bedrag"),
    "voorstel.huishoudtype": ("huishouden", "bedrag"),
    "voorstel.zonder_bedrag": ("aantal",),
    "voorstel.voorbeelden_erbij": ("regels",), "voorstel.voorbeelden_eraf": ("regels",),
    "voorstel.type.alleenstaande": (), "voorstel.type.alleenstaande_ouder": (),
    "voorstel.type.paar": (), "voorstel.type.paar_met_kinderen": (),
    "voorstel.leeg": ("voorstel",), "voorstel.document": ("voorstel", "nummer"),
    "voorstel.dubbel": ("voorstel", "gemeente"),
    "voorstel.niet_in_voorstel": ("gemeente", "voorstel", "gemeenten"),
    "voorstel.caseload_onleesbaar": ("pad",),
    # input errors the listings raise
    "invoer.gemeente": ("slug", "keuzes"), "invoer.status": ("status", "keuzes"),
    # sora-rules batch
    "batch.verwerkt": ("verwerkt", "fouten"), "batch.totaal": ("soort", "bedrag"),
    "batch.whatif": ("aantal",), "batch.whatif_regeling": ("regeling", "aantal"),
    "batch.verschil": ("soort", "bedrag"), "batch.hervat": ("regel",),
    "batch.verschillen": ("pad",), "batch.onderbroken": ("waar",),
    "batch.deel": ("pad",), "batch.ongeldig": ("waar", "pad", "fout"),
    # sora-rules simuleer (cli_simuleer.py)
    "simuleer.formaat": ("pad",), "simuleer.leesbaar": ("pad",), "simuleer.map": ("pad",),
    "simuleer.zelfde": ("pad",), "simuleer.regel": ("regel", "bericht"),
    "simuleer.ongeldig": ("veld", "regel"), "simuleer.onleesbaar": ("pad", "fout"),
    "simuleer.klaar": ("aantal", "seconden", "per_seconde", "pad"),
    "simuleer.terugval": ("regeling", "aantal"), "simuleer.variant": ("pad", "gemeente"),
    # simuleer and batch with --dask: partitions on a Dask cluster (verdeeld.py)
    "verdeeld.adres": ("adres",), "verdeeld.onbereikbaar": ("adres", "seconden"),
    "verdeeld.geen_werkers": ("adres", "seconden"), "verdeeld.geen_invoer": ("pad",),
    "verdeeld.geen_map": ("pad",), "verdeeld.bestand": ("pad", "bericht"),
    "verdeeld.mislukt": ("fout", "map"), "verdeeld.klaar": ("aantal", "map"),
    "verdeeld.hervat": ("aantal",), "verdeeld.in_invoer": ("pad", "invoer"),
    "batch.onverwacht": ("fout", "waar"),
    # the command line
    "cli.fout": ("bericht",), "cli.interne_fout": ("bericht",), "cli.afgebroken": (),
    "cli.zie_help": ("pad",), "cli.bedoelt_u": ("optie",),
    "cli.regels_ontbreken": ("pad",), "cli.ongeldige_regels": ("pad", "meldingen"),
    "cli.ongeldig": ("bericht",),
    "cli.pad_bestaat_niet": ("pad",), "cli.geen_regelmap": ("pad",),
    "cli.geldig": ("pad", "samenvatting"), "cli.geen_fouten": ("pad",),
    "cli.elders": ("aantal", "regelmap"), "cli.fouten": ("aantal", "bestanden"),
    "cli.samenvatting": ("regelingen", "parameters", "gemeenten"),
    "cli.alleen_schema": (),
    # sora-rules serve (serve.py): the problem documents
    "serve.titel.ongeldige_invoer": (), "serve.titel.niet_gevonden": (),
    "serve.titel.methode_niet_toegestaan": (), "serve.titel.te_groot": (),
    "serve.titel.interne_fout": (), "serve.verplicht": (), "serve.te_groot": ("maximum",),
    "serve.niet_gevonden": ("pad", "methode"), "serve.http_fout": ("pad", "methode"),
    # sora-rules serve: the voorstel jobs (opdrachten.py)
    "serve.titel.geen_resultaat": (), "serve.titel.bezet": (),
    "serve.opdracht_te_groot": ("maximum",), "serve.geen_json_object": (),
    "serve.onbekend_veld": ("keuzes",), "serve.geen_tekst": (), "serve.geen_lijst": (),
    "serve.opdracht_onbekend": ("id", "maximum"),
    "serve.opdracht_niet_klaar": ("id", "status"), "serve.opdracht_mislukt": ("id",),
    "serve.wachtrij_vol": ("maximum",),
    "gebruik.onbekende_optie": ("optie",), "gebruik.onbekende_opdracht": ("opdracht",),
    "gebruik.argument_ontbreekt": ("argument",), "gebruik.optie_ontbreekt": ("optie",),
    "gebruik.optie_vraagt_waarde": ("optie",), "gebruik.extra_argument": ("argument",),
    "gebruik.ongeldige_keuze": ("optie", "waarde", "keuzes"),
    "gebruik.ongeldige_waarde": ("optie", "bericht"),
}

# The word lists (`woorden:`) the code looks values up in.
WOORDSOORTEN = ("uitkomst", "bedrag", "termijn", "pakket", "verblijfsstatus", "leefvorm",
                "ja_nee", "inkomenstoets", "gegeven", "inlichtingenplicht", "instantie")


def getal(value: Decimal | int | float) -> str:
    """Dutch number: decimal comma, no trailing zeros (2,5 and 120)."""
    text = format(Decimal(str(value)).normalize(), "f")
    whole, _, frac = text.partition(".")
    return whole + ("," + frac if frac else "")


def euro_text(amount: Decimal, teken: bool = False) -> str:
    """Dutch money notation: € 1.401,50; with `teken` a difference: +€ 5,00 / −€ 23.000,00."""
    text = f"{abs(amount) if teken else amount:,.2f}"  # 1,401.50
    bedrag = "€ " + text.replace(",", " ").replace(".", ",").replace(" ", ".")
    if not teken:
        return bedrag
    return (_MIN if amount < 0 else "+") + bedrag


def datum_tekst(d: date | str) -> str:
    """Dutch date notation: 30 april 2026 (an ISO string is read first)."""
    dag = date.fromisoformat(d) if isinstance(d, str) else d
    return f"{dag.day} {_MAANDEN[dag.month - 1]} {dag.year}"


def _meervoud(value: object, enkelvoud: str, meervoud: str) -> str:
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
        raise TypeError(f"telwoord verwacht een getal, niet {value!r}")
    return f"{getal(value)} {enkelvoud if value == 1 else meervoud}"


def vul(template: str, **waarden: object) -> str:
    """Fill the placeholders of a text with already formatted values, in one pass.

    A value is inserted verbatim and never read as a template, so user text such
    as "bril {kosten}" stays as typed. Placeholders without a value stay as they are.
    """

    def waarde(match: re.Match[str]) -> str:
        naam, enkelvoud, meervoud = match.groups()
        if naam not in waarden:
            return match.group(0)
        if enkelvoud is not None:
            return _meervoud(waarden[naam], enkelvoud, meervoud)
        return str(waarden[naam])

    return PLAATSHOUDER.sub(waarde, template)


def plaatshouders(tekst: str) -> list[str]:
    """The placeholder names of a text, in order."""
    return [m.group(1) for m in PLAATSHOUDER.finditer(tekst)]


@dataclass(frozen=True)
class Teksten:
    """The loaded catalogue: `tekst(sleutel, **waarden)` and `woord(soort, waarde)`.

    An unknown key or a wrong set of placeholder values is a programming error
    (KeyError/ValueError), caught by the tests that render every output.
    """

    teksten: Mapping[str, str] = field(hash=False)
    woorden: Mapping[str, Mapping[str, str]] = field(hash=False)
    bestand: str = CATALOGUS

    def tekst(self, sleutel: str, **waarden: object) -> str:
        verwacht = SLEUTELS[sleutel]
        if set(waarden) != set(verwacht):
            raise ValueError(f"{sleutel}: verwacht {sorted(verwacht)}, kreeg {sorted(waarden)}")
        return vul(self.teksten[sleutel], **waarden)

    def woord(self, soort: str, waarde: object) -> str:
        """A code value as a word: `eu_burger` → "EU-burger"; unknown: underscores as spaces."""
        sleutel = ("ja" if waarde else "nee") if isinstance(waarde, bool) else str(waarde)
        return self.woorden[soort].get(sleutel, sleutel.replace("_", " "))

    def ja_nee(self, waarde: bool) -> str:
        return self.woord("ja_nee", waarde)


def uit_document(doc: Document) -> Teksten:
    """A Teksten from a loaded catalogue document (validated by `tekstcontrole`)."""
    data: dict[str, Any] = doc.data
    return Teksten(teksten={k: str(v) for k, v in data["teksten"].items()},
                   woorden={s: {str(k): str(v) for k, v in w.items()}
                            for s, w in data.get("woorden", {}).items()},
                   bestand=doc.bestand)


@lru_cache(maxsize=16)
def _laad(pad: str) -> Teksten:
    return uit_document(load_file(Path(pad), CATALOGUS))


def laad_teksten(root: Path | str | None = None) -> Teksten:
    """The catalogue of a rules root (default: the packaged rules), loaded once per root.

    `load_regelset` has validated it; an invalid or missing file raises `RegelFout`.
    """
    basis = Path(root) if root is not None else data_root()
    return _laad(str((basis / CATALOGUS).resolve()))


def standaard_teksten() -> Teksten:
    """The packaged catalogue: the CLI's own messages, before any --regels is read."""
    return laad_teksten(None)

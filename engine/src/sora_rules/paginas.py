"""Server-rendered HTML pages of the harmonisation workbench (issue #11, items 3 and 4).

Pure functions from the data of `harmonisatie.matrix`, `minima_effect.minima_effect`
and `voorstel.voorstel_effect` to one self-contained HTML document each: Dutch
(`lang="nl"`), inline CSS, no scripts and no external resources, every value escaped,
and deterministic, so that `sora-rules serve` and `sora-rules harmonisatie rapport`
give the same bytes. The intake form (intake.py) shares `document` and its CSS.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from decimal import Decimal
from html import escape
from pathlib import PurePath
from typing import Any

from .minima_effect import huishouden_naam, stap_waarden
from .teksten import Teksten, datum_tekst, euro_text, standaard_teksten
from .voorstel import HUISHOUDTYPEN

__all__ = ["document", "matrix_pagina", "minima_effect_pagina", "voorstel_pagina"]

_CSS = """
body{font-family:system-ui,sans-serif;margin:1.5rem;color:#111;line-height:1.4}
table{border-collapse:collapse;margin:1rem 0;font-size:.95rem}
caption{text-align:left;font-weight:bold;padding:.3rem 0}
th,td{border:1px solid #888;padding:.3rem .5rem;vertical-align:top;text-align:left}
thead th{background:#eee}
tr.verschilt th[scope=row]{border-left:.4rem solid #b35900}
.merk{font-weight:bold}
.aanname{background:#fff3cd}
svg{max-width:100%;height:auto;border:1px solid #ccc}
td.getal{text-align:right;white-space:nowrap}
fieldset{border:1px solid #888;margin:1rem 0;padding:.5rem 1rem;max-width:44rem}
fieldset fieldset{margin:.5rem 0}
legend{font-weight:bold;padding:0 .3rem}
.veld{margin:.7rem 0}
.veld label{display:block;font-weight:bold}
.veld.ja_nee label{display:inline;font-weight:normal}
.hulp{color:#444;margin:.1rem 0}
.fout{color:#a00000;font-weight:bold;margin:.1rem 0}
.veld.heeft-fout{border-left:.3rem solid #a00000;padding-left:.5rem}
.foutmeldingen{border:3px solid #a00000;padding:.3rem 1rem;max-width:44rem}
.foutmeldingen a{color:#a00000}
input,select,button{font:inherit}
input,select{padding:.2rem;border:1px solid #555}
button{padding:.4rem 1.2rem;margin:1rem 0}
:focus-visible{outline:3px solid #1b4f9c;outline-offset:1px}
"""
# Line styles of the gemeenten in a chart: colour and dash pattern (not colour alone).
_LIJNEN = (("#1b4f9c", ""), ("#b35900", "8 4"), ("#2e7d32", "2 3"), ("#7b1fa2", "10 3 2 3"),
           ("#c62828", "4 4"), ("#00838f", "1 6"))
_B, _H, _M = 640, 320, 60  # chart width, height, margin (px)


def _t(teksten: Teksten | None) -> Teksten:
    return teksten if teksten is not None else standaard_teksten()


def _e(waarde: object) -> str:
    """Escaped; "€ 188,00" keeps its amount on one line (a no-break space, as in the letter)."""
    return escape(str(waarde), quote=True).replace("€ ", "€&nbsp;")


def _id(tekst: str) -> str:
    """An identifier that may wrap after "." and "_": a long one must not widen a column."""
    return re.sub(r"([._])", r"\1<wbr>", _e(tekst))


def document(titel: str, inhoud: list[str]) -> str:
    """A complete page: inline CSS, one h1, the given body parts (also the intake form's)."""
    return "\n".join(["<!DOCTYPE html>", '<html lang="nl">', "<head>", '<meta charset="utf-8">',
                      '<meta name="viewport" content="width=device-width, initial-scale=1">',
                      f"<title>{_e(titel)}</title>", f"<style>{_CSS}</style>", "</head>",
                      "<body>", f"<h1>{_e(titel)}</h1>", *inhoud, "</body>", "</html>", ""])


def _matrix_cel(cel: Mapping[str, Any] | None, t: Teksten) -> str:
    if cel is None:
        return f"<td>{_e(t.tekst('harmonisatie.ontbreekt'))}</td>"
    if cel["status"] != "aanname":
        return f"<td>{_e(cel['tekst'])}</td>"
    merk = _e(t.tekst("pagina.aanname"))
    return f'<td class="aanname">{_e(cel["tekst"])} <span class="merk">{merk}</span></td>'


def _matrix_rij(rij: Mapping[str, Any], t: Teksten) -> str:
    naam = rij["naam"] if rij["soort"] == "regeling" else rij["beschrijving"]
    sleutel = "pagina.verschilt" if rij["verschilt"] else "pagina.gelijk"
    klasse = ' class="verschilt"' if rij["verschilt"] else ""
    kop = (f'<th scope="row">{_e(naam)}<br><code>{_id(rij["id"])}</code> '
           f'<span class="merk">{_e(t.tekst(sleutel))}</span></th>')
    cellen = "".join(_matrix_cel(c, t) for c in rij["cellen"].values())
    return f"<tr{klasse}>{kop}{cellen}</tr>"


def matrix_pagina(data: Mapping[str, Any], namen: Mapping[str, str],
                  teksten: Teksten | None = None) -> str:
    """The harmonisation matrix as an accessible table; `namen` maps slug → gemeente name."""
    t = _t(teksten)
    s = data["samenvatting"]
    rijen = sorted(data["rijen"], key=lambda r: not r["verschilt"])  # stable: differing first
    koppen = "".join(f'<th scope="col">{_e(namen.get(g, g))}</th>' for g in data["gemeenten"])
    tabel = ["<table>", "<caption>" + _e(t.tekst(
        "pagina.matrix_bijschrift", rijen=s["rijen"], verschillend=s["verschillend"],
        gelijk=s["gelijk"])) + "</caption>",
        f'<thead><tr><th scope="col">{_e(t.tekst("pagina.onderwerp"))}</th>{koppen}</tr></thead>',
        "<tbody>", *(_matrix_rij(r, t) for r in rijen), "</tbody>", "</table>"]
    legenda = _e(t.tekst("pagina.matrix_legenda", aanname=t.tekst("pagina.aanname"),
                         ontbreekt=t.tekst("harmonisatie.ontbreekt"),
                         verschilt=t.tekst("pagina.verschilt")))
    titel = t.tekst("pagina.matrix_titel", peildatum=datum_tekst(data["peildatum"]))
    return document(titel, [f"<p>{legenda}</p>", *tabel])


def _schaal(reeksen: Sequence[Mapping[str, Any]]) -> Decimal:
    """The top of the y axis: the highest support rounded up to a multiple of 500."""
    hoogste = max((p["steun_per_jaar"] for r in reeksen for p in r["punten"]),
                  default=Decimal(0))
    return max(Decimal(500), (hoogste / 500).to_integral_value(rounding="ROUND_CEILING") * 500)


def _xy(procent: int, steun: Decimal, top: Decimal) -> str:
    x = _M + (procent - 100) * (_B - 2 * _M) / 50
    y = _H - _M - float(steun / top) * (_H - 2 * _M)
    return f"{x:.1f},{y:.1f}"


def _assen(top: Decimal, t: Teksten) -> list[str]:
    """Axes, ticks (whole euros) and labels of one chart."""
    onder, rechts = _H - _M, _B - _M
    delen = [f'<line x1="{_M}" y1="{onder}" x2="{rechts}" y2="{onder}" stroke="#333"/>',
             f'<line x1="{_M}" y1="{_M}" x2="{_M}" y2="{onder}" stroke="#333"/>']
    for procent in range(100, 151, 10):
        x = _xy(procent, Decimal(0), top).split(",")[0]
        delen.append(f'<text x="{x}" y="{onder + 18}" text-anchor="middle" '
                     f'font-size="12">{procent}%</text>')
    for stap in range(5):
        waarde = top * stap / 4
        y = _xy(100, waarde, top).split(",")[1]
        delen.append(f'<text x="{_M - 6}" y="{y}" text-anchor="end" font-size="11">'
                     f"{_e(euro_text(waarde.quantize(Decimal(1))).removesuffix(',00'))}</text>")
    delen.append(f'<text x="{_B / 2}" y="{_H - 12}" text-anchor="middle" font-size="12">'
                 f'{_e(t.tekst("pagina.as_x"))}</text>')
    delen.append(f'<text x="8" y="{_M - 20}" font-size="12">{_e(t.tekst("pagina.as_y"))}</text>')
    return delen


def _svg(hid: str, reeksen: Sequence[Mapping[str, Any]], naam: str, t: Teksten) -> str:
    """One line chart: a polyline per gemeente, with title, description and legend."""
    top = _schaal(reeksen)
    desc = t.tekst("pagina.grafiek_beschrijving", huishouden=naam,
                   gemeenten=", ".join(r["gemeente_naam"] for r in reeksen))
    delen = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {_B} {_H}" role="img" '
             f'aria-labelledby="titel-{_e(hid)} desc-{_e(hid)}">',
             f'<title id="titel-{_e(hid)}">{_e(t.tekst("pagina.grafiek_titel", huishouden=naam))}'
             "</title>", f'<desc id="desc-{_e(hid)}">{_e(desc)}</desc>', *_assen(top, t)]
    for i, reeks in enumerate(reeksen):
        kleur, streep = _LIJNEN[i % len(_LIJNEN)]
        punten = " ".join(_xy(p["procent"], p["steun_per_jaar"], top) for p in reeks["punten"])
        delen.append(f'<polyline fill="none" stroke="{kleur}" stroke-width="2" '
                     f'stroke-dasharray="{streep}" points="{punten}">'
                     f'<title>{_e(reeks["gemeente_naam"])}</title></polyline>')
        y = _M + 14 * i
        delen.append(f'<line x1="{_B - _M - 150}" y1="{y}" x2="{_B - _M - 120}" y2="{y}" '
                     f'stroke="{kleur}" stroke-width="2" stroke-dasharray="{streep}"/>'
                     f'<text x="{_B - _M - 114}" y="{y + 4}" font-size="11">'
                     f'{_e(reeks["gemeente_naam"])}</text>')
    return "\n".join([*delen, "</svg>"])


def _datatabel(reeksen: Sequence[Mapping[str, Any]], naam: str, t: Teksten) -> list[str]:
    """The chart's numbers as a table: a row per income step, a column per gemeente."""
    koppen = "".join(f'<th scope="col">{_e(r["gemeente_naam"])}</th>' for r in reeksen)
    rijen = []
    for i, punt in enumerate(reeksen[0]["punten"] if reeksen else []):
        cellen = "".join(f"<td>{_e(euro_text(r['punten'][i]['steun_per_jaar']))}</td>"
                         for r in reeksen)
        rijen.append(f'<tr><th scope="row">{punt["procent"]}%</th>{cellen}</tr>')
    return ["<details>", f"<summary>{_e(t.tekst('pagina.tabel_tonen'))}</summary>", "<table>",
            f"<caption>{_e(t.tekst('pagina.tabel_bijschrift', huishouden=naam))}</caption>",
            f'<thead><tr><th scope="col">{_e(t.tekst("pagina.as_x"))}</th>{koppen}</tr></thead>',
            "<tbody>", *rijen, "</tbody>", "</table>", "</details>"]


# The lists below the charts: heading and line, the keys `render_minima_effect` uses.
_STAPPEN = {"armoedevallen": ("minima_effect.armoedevallen", "minima_effect.armoedeval"),
            "grensovergangen": ("minima_effect.grensovergangen", "minima_effect.grensovergang")}


def _stap(s: Mapping[str, Any], soort: str, t: Teksten) -> str:
    """One poverty trap (with its amounts) or one crossed income limit."""
    extra = {} if soort == "grensovergangen" else {
        "inkomen": euro_text(s["meer_inkomen_per_jaar"]),
        "steun": euro_text(s["minder_steun_per_jaar"]),
        "verlies": euro_text(s["verlies_per_jaar"])}
    return t.tekst(_STAPPEN[soort][1], **stap_waarden(s, t), **extra)


def _stappen(data: Mapping[str, Any], soort: str, t: Teksten) -> list[str]:
    """The poverty traps or the crossed income limits as a text list below the charts."""
    stappen = data[soort]
    kop = f'<h2 id="{soort}">{_e(t.tekst(_STAPPEN[soort][0], aantal=len(stappen)))}</h2>'
    if not stappen:
        return [kop, f"<p>{_e(t.tekst('lijst.geen'))}</p>"]
    return [kop, "<ul>", *(f"<li>{_e(_stap(s, soort, t))}</li>" for s in stappen), "</ul>"]


def minima_effect_pagina(data: Mapping[str, Any], teksten: Teksten | None = None) -> str:
    """The minima-effect report: a chart and data table per household type, then the
    poverty traps and the crossed income limits."""
    t = _t(teksten)
    inhoud = [f"<p>{_e(t.tekst('minima_effect.uitleg'))}</p>"]
    for hid in data["huishoudens"]:
        reeksen = [r for r in data["reeksen"] if r["huishouden"] == hid]
        naam = huishouden_naam(hid, t)
        inhoud += ["<section>", f"<h2>{_e(naam)}</h2>", "<figure>", _svg(hid, reeksen, naam, t),
                   "</figure>", *_datatabel(reeksen, naam, t), "</section>"]
    titel = t.tekst("pagina.minima_titel", peildatum=datum_tekst(data["peildatum"]))
    return document(titel, [*inhoud, *_stappen(data, "armoedevallen", t),
                            *_stappen(data, "grensovergangen", t)])


# ------------------------------------------------------------------ proposal impact


def _bedrag(waarde: object) -> Decimal:
    """An amount of the report: Decimal in memory, a number once it went through JSON."""
    return waarde if isinstance(waarde, Decimal) else Decimal(str(waarde))


def _verschil(waarde: object) -> str:
    """A change per year with its sign; no change is plain € 0,00."""
    bedrag = _bedrag(waarde)
    return euro_text(bedrag, teken=bool(bedrag))


def _voorbeelden(e: Mapping[str, Any], t: Teksten) -> str:
    """The example lines per transition, and how many gained a right without an amount."""
    delen = [t.tekst(f"voorstel.voorbeelden_{overgang}",
                     regels=", ".join(str(r) for r in e["voorbeelden"][overgang]))
             for overgang in ("erbij", "eraf") if e["voorbeelden"][overgang]]
    if e.get("zonder_bedrag"):
        delen.append(t.tekst("voorstel.zonder_bedrag", aantal=e["zonder_bedrag"]))
    return "; ".join(delen)


def _effect_rij(e: Mapping[str, Any], t: Teksten) -> str:
    """One regeling: the transitions, the change per year, per household type, examples."""
    getallen = [str(e["erbij"]), str(e["eraf"]), _verschil(e["verschil_per_jaar"]),
                *(_verschil(e["per_huishoudtype"].get(s, 0)) for s in HUISHOUDTYPEN)]
    cellen = "".join(f'<td class="getal">{_e(g)}</td>' for g in getallen)
    return (f'<tr><th scope="row"><code>{_e(e["regeling"])}</code></th>{cellen}'
            f"<td>{_e(_voorbeelden(e, t))}</td></tr>")


def _effect_tabel(effecten: Sequence[Mapping[str, Any]], naam: str, t: Teksten) -> list[str]:
    """The table of one gemeente, its caption the summary: how many regelingen, the total."""
    totaal = sum((_bedrag(e["verschil_per_jaar"]) for e in effecten), Decimal(0))
    bijschrift = t.tekst("pagina.voorstel_bijschrift", gemeente=naam,
                         regelingen=len(effecten), bedrag=_verschil(totaal))
    koppen = [t.tekst("pagina.voorstel_regeling"), t.tekst("pagina.voorstel_erbij"),
              t.tekst("pagina.voorstel_eraf"), t.tekst("pagina.voorstel_verschil"),
              *(t.tekst("pagina.voorstel_per_type", huishouden=t.tekst(f"voorstel.type.{s}"))
                for s in HUISHOUDTYPEN), t.tekst("pagina.voorstel_voorbeelden")]
    kop = "".join(f'<th scope="col">{_e(k)}</th>' for k in koppen)
    return ["<table>", f"<caption>{_e(bijschrift)}</caption>", f"<thead><tr>{kop}</tr></thead>",
            "<tbody>", *(_effect_rij(e, t) for e in effecten), "</tbody>", "</table>"]


def _effect_gemeente(data: Mapping[str, Any], slug: str, naam: str, t: Teksten) -> list[str]:
    """One gemeente: how many households counted, then its table (or: no difference)."""
    effecten = [e for e in data["effecten"] if e["gemeente"] == slug]
    kop = t.tekst("voorstel.gemeente", gemeente=naam, aantal=data["huishoudens"][slug])
    inhoud = (_effect_tabel(effecten, naam, t) if effecten
              else [f"<p>{_e(t.tekst('voorstel.geen_verschil'))}</p>"])
    return ["<section>", f"<h2>{_e(kop)}</h2>", *inhoud, "</section>"]


def voorstel_pagina(data: Mapping[str, Any], namen: Mapping[str, str],
                    teksten: Teksten | None = None) -> str:
    """The proposal's effect on a caseload (`voorstel.voorstel_effect`): a table per
    gemeente. Proposal and caseload are named by file name only: a path on the server
    means nothing to the reader."""
    t = _t(teksten)
    regels = ", ".join(str(r) for r in data["fout_regels"])
    telling = t.tekst("voorstel.caseload", caseload=PurePath(data["caseload"]).name,
                      aantal=data["regels_gelezen"], meegeteld=sum(data["huishoudens"].values()),
                      fouten=data["fouten"])
    inhoud = [f"<p>{_e(telling)}</p>"]
    if regels:
        inhoud.append(f"<p>{_e(t.tekst('voorstel.fout_regels', regels=regels))}</p>")
    for slug in data["gemeenten"]:
        inhoud += _effect_gemeente(data, slug, namen.get(slug, slug), t)
    titel = t.tekst("pagina.voorstel_titel", voorstel=PurePath(data["voorstel"]).name)
    return document(titel, inhoud)

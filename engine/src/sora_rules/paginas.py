"""Server-rendered HTML pages of the harmonisation workbench (issue #11, item 3).

Pure functions from the data of `harmonisatie.matrix` and `minima_effect.minima_effect`
to one self-contained HTML document each: Dutch (`lang="nl"`), inline CSS, no
scripts and no external resources, every value escaped, and deterministic, so that
`sora-rules serve` and `sora-rules harmonisatie rapport` give the same bytes.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal
from html import escape
from typing import Any

from .minima_effect import huishouden_naam, stap_waarden
from .teksten import Teksten, datum_tekst, euro_text, standaard_teksten

__all__ = ["matrix_pagina", "minima_effect_pagina"]

_CSS = """
body{font-family:system-ui,sans-serif;margin:1.5rem;color:#111;line-height:1.4}
table{border-collapse:collapse;margin:1rem 0}
caption{text-align:left;font-weight:bold;padding:.3rem 0}
th,td{border:1px solid #888;padding:.3rem .5rem;vertical-align:top;text-align:left}
thead th{background:#eee}
tr.verschilt th[scope=row]{border-left:.4rem solid #b35900}
.merk{font-weight:bold}
.aanname{background:#fff3cd}
svg{max-width:100%;height:auto;border:1px solid #ccc}
"""
# Line styles of the gemeenten in a chart: colour and dash pattern (not colour alone).
_LIJNEN = (("#1b4f9c", ""), ("#b35900", "8 4"), ("#2e7d32", "2 3"), ("#7b1fa2", "10 3 2 3"),
           ("#c62828", "4 4"), ("#00838f", "1 6"))
_B, _H, _M = 640, 320, 60  # chart width, height, margin (px)


def _t(teksten: Teksten | None) -> Teksten:
    return teksten if teksten is not None else standaard_teksten()


def _e(waarde: object) -> str:
    return escape(str(waarde), quote=True)


def _document(titel: str, inhoud: list[str]) -> str:
    """A complete page: inline CSS, one h1, the given body parts."""
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
    kop = (f'<th scope="row">{_e(naam)}<br><code>{_e(rij["id"])}</code> '
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
    return _document(titel, [f"<p>{legenda}</p>", *tabel])


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
    """Axes, ticks and labels of one chart."""
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
                     f"{_e(euro_text(waarde.quantize(Decimal(1))))}</text>")
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


def _val(s: Mapping[str, Any], t: Teksten) -> str:
    return t.tekst("minima_effect.armoedeval", **stap_waarden(s, t),
                   inkomen=euro_text(s["meer_inkomen_per_jaar"]),
                   steun=euro_text(s["minder_steun_per_jaar"]),
                   verlies=euro_text(s["verlies_per_jaar"]))


def _armoedevallen(data: Mapping[str, Any], t: Teksten) -> list[str]:
    """The poverty traps as a text list below the charts."""
    vallen = data["armoedevallen"]
    kop = f'<h2>{_e(t.tekst("minima_effect.armoedevallen", aantal=len(vallen)))}</h2>'
    if not vallen:
        return [kop, f"<p>{_e(t.tekst('lijst.geen'))}</p>"]
    return [kop, "<ul>", *(f"<li>{_e(_val(s, t))}</li>" for s in vallen), "</ul>"]


def minima_effect_pagina(data: Mapping[str, Any], teksten: Teksten | None = None) -> str:
    """The minima-effect report: a chart and data table per household type, then the traps."""
    t = _t(teksten)
    inhoud = [f"<p>{_e(t.tekst('minima_effect.uitleg'))}</p>"]
    for hid in data["huishoudens"]:
        reeksen = [r for r in data["reeksen"] if r["huishouden"] == hid]
        naam = huishouden_naam(hid, t)
        inhoud += ["<section>", f"<h2>{_e(naam)}</h2>", "<figure>", _svg(hid, reeksen, naam, t),
                   "</figure>", *_datatabel(reeksen, naam, t), "</section>"]
    titel = t.tekst("pagina.minima_titel", peildatum=datum_tekst(data["peildatum"]))
    return _document(titel, [*inhoud, *_armoedevallen(data, t)])

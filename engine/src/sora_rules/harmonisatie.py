"""The harmonisation matrix (issue #11): every gemeente × every regeling and choice.

Why: `diff` compares two gemeenten; an advisor who wants to harmonise the six needs
one view of all of them at once — which schemes each has, and what each fills in
for the open norms, limits and amounts — with the source and status of every
value, so that unconfirmed choices (`aanname`) stand out.

A row is a regeling (in force or switched off via `uitschakelen`) or a parameter a
gemeente chooses: every open norm, every parameter of its own overlay, and the
parameters of the income tests and amounts of its regelingen. A row `verschilt`
when the six do not all have the same value (or not all have it); the same value
from another source is no difference, as in `diff`. What differs *inside* a
regeling (conditions, texts) is `diff`'s job.

Pure: a `Regelset` and a peildatum in, plain data out; `render_matrix` turns it
into Dutch text. The JSON is `listing.to_json` of the data.
"""

from __future__ import annotations

import textwrap
from datetime import date
from typing import Any

from .afhankelijkheid import bedrag_refs
from .errors import InvoerFout
from .listing import bron_dict, bron_tekst, invulling, parameter_info
from .model import Beleid, Regeling, Regelset
from .teksten import Teksten, standaard_teksten

__all__ = ["BREEDTE", "begin_van_de_regels", "check_peildatum", "gedeelde_naam",
           "gekozen_parameters", "matrix", "render_matrix"]

BREEDTE = 96  # text output fits a terminal of 80–100 columns


# ---------------------------------------------------------------------------- data


def begin_van_de_regels(regelset: Regelset) -> date:
    """The first day any regeling applies: before it no values are laid down (as evaluate)."""
    return min((r.geldig_vanaf for pol in regelset.beleid.values()
                for versies in pol.regelingen.values() for r in versies), default=date.min)


def check_peildatum(regelset: Regelset, dag: date, t: Teksten) -> None:
    """A matrix before the rules begin would be all dashes: refuse it like evaluate does."""
    begin = begin_van_de_regels(regelset)
    if dag < begin:
        raise InvoerFout("peildatum", t.tekst("harmonisatie.voor_begin",
                                              peildatum=dag.isoformat(),
                                              begin=begin.isoformat()))


def _t(teksten: Teksten | None) -> Teksten:
    """The catalogue of --regels when given, so an advisor's wording is used throughout."""
    return teksten if teksten is not None else standaard_teksten()


def _regeling_cel(r: Regeling, tekst: str, waarde: str, bestand: str, pakket: str
                  ) -> dict[str, Any]:
    """One gemeente's side of a regeling row: in force (its name there) or switched off
    (then the overlay that switched it off is where it is decided)."""
    return {"waarde": waarde, "tekst": tekst, "status": None,
            "bron": bron_tekst(bron_dict(r.grondslag)), "grondslag": bron_dict(r.grondslag),
            "vanaf": r.geldig_vanaf.isoformat(), "bestand": bestand, "pakket": pakket}


def _uitgeschakelde(regelset: Regelset, pol: Beleid, dag: date, t: Teksten
                    ) -> dict[str, dict[str, Any]]:
    """Cells of the regional schemes this gemeente switched off that would apply on `dag`."""
    cellen = {}
    for rid in pol.uitgeschakeld:
        r = next((v for v in regelset.regelingen.get(rid, ()) if v.geldig_op(dag)), None)
        if r is not None:
            cellen[rid] = _regeling_cel(r, t.tekst("harmonisatie.uitgeschakeld"),
                                        "uitgeschakeld", pol.gemeente.bestand, "plus")
    return cellen


def _regeling_rijen(regelset: Regelset, dag: date, t: Teksten) -> list[dict[str, Any]]:
    """One row per regeling in force or switched off in any gemeente."""
    per_gemeente: dict[str, dict[str, dict[str, Any]]] = {}
    versies: dict[str, list[Regeling]] = {}
    for slug, pol in sorted(regelset.beleid.items()):
        op = pol.regelingen_op(dag)
        cellen = {rid: _regeling_cel(r, r.naam, "van_kracht", r.bestand, r.pakket)
                  for rid, r in op.items()}
        cellen.update(_uitgeschakelde(regelset, pol, dag, t))
        for rid in cellen:  # switched off (only a regional scheme can be): the basis version
            versies.setdefault(rid, []).append(op[rid] if rid in op
                                               else regelset.regelingen[rid][-1])
        per_gemeente[slug] = cellen
    return [_rij(rid, "regeling", {"naam": gedeelde_naam([r.naam for r in rs]),
                                   "pakket": rs[0].pakket},
                 {slug: cellen.get(rid) for slug, cellen in per_gemeente.items()})
            for rid, rs in sorted(versies.items())]


def gedeelde_naam(namen: list[str]) -> str:
    """The words the names of one regeling share in every gemeente ("Maatschappelijke
    participatie" for "… Bergen (NH)" and "… Heiloo"), else the first name."""
    woorden = [n.split() for n in namen]
    gedeeld = []
    for kolom in zip(*woorden, strict=False):
        if len(set(kolom)) > 1:
            break
        gedeeld.append(kolom[0])
    return " ".join(gedeeld) or namen[0]


def gekozen_parameters(pol: Beleid, regelset: Regelset, dag: date) -> set[str]:
    """The parameters a gemeente chooses: open norms, its overlay's own parameters, and
    what the income tests and amounts of its regelingen in force read."""
    ids = {pid for pid, p in pol.parameters.items()
           if invulling(p) is not None or p.bestand == pol.gemeente.bestand}
    for r in pol.regelingen_op(dag).values():
        ids |= bedrag_refs(list(r.bedrag.values()))[1]
        if r.inkomenstoets is not None:
            ids.add(r.inkomenstoets.percentage)
    return {pid for pid in ids if pid in pol.parameters}


def _parameter_cel(info: dict[str, Any]) -> dict[str, Any]:
    """One gemeente's value of a parameter, from `listing.parameter_info`."""
    return {"waarde": info["waarde"], "tekst": info["waarde_tekst"], "status": info["status"],
            "bron": info["bron"], "grondslag": info["grondslag"], "vanaf": info["vanaf"],
            "bestand": info["bestand"], "pakket": info["pakket"]}


def _parameter_rijen(regelset: Regelset, dag: date, t: Teksten) -> list[dict[str, Any]]:
    """One row per parameter any gemeente chooses, with every gemeente's value."""
    beleid = sorted(regelset.beleid.items())
    ids = set().union(*(gekozen_parameters(pol, regelset, dag) for _, pol in beleid))
    rijen = []
    for pid in sorted(ids):
        infos = {slug: parameter_info(pol.parameters[pid], dag, t)
                 if pid in pol.parameters else None for slug, pol in beleid}
        eerste = next(i for i in infos.values() if i is not None)
        rijen.append(_rij(pid, "parameter", {"beschrijving": eerste["beschrijving"],
                                             "eenheid": eerste["eenheid"]},
                          {slug: None if i is None else _parameter_cel(i)
                           for slug, i in infos.items()}))
    return rijen


def _rij(rid: str, soort: str, kop: dict[str, Any], cellen: dict[str, Any]) -> dict[str, Any]:
    """A row; it differs when the cells' values (or their presence) are not all equal."""
    waarden = [None if c is None else c["waarde"] for c in cellen.values()]
    absent = [c is None for c in cellen.values()]
    verschilt = len(set(absent)) > 1 or any(w != waarden[0] for w in waarden)
    return {"id": rid, "soort": soort, **kop, "verschilt": verschilt, "cellen": cellen}


def matrix(regelset: Regelset, peildatum: date, teksten: Teksten | None = None
           ) -> dict[str, Any]:
    """All gemeenten × every regeling and chosen parameter on `peildatum`.

    Rows that differ come first, then the equal ones; each group sorted by id (and
    kind), so the same rules always give the same matrix.
    """
    t = _t(teksten)
    check_peildatum(regelset, peildatum, t)
    rijen = _regeling_rijen(regelset, peildatum, t) + _parameter_rijen(regelset, peildatum, t)
    rijen.sort(key=lambda r: (not r["verschilt"], r["id"], r["soort"]))
    verschillend = sum(1 for r in rijen if r["verschilt"])
    return {"peildatum": peildatum.isoformat(), "gemeenten": sorted(regelset.beleid),
            "samenvatting": {"rijen": len(rijen), "verschillend": verschillend,
                             "gelijk": len(rijen) - verschillend},
            "rijen": rijen}


# ------------------------------------------------------------------------ rendering


def _wrap(tekst: str, inspring: str, vervolg: str) -> list[str]:
    """Wrap one line to `BREEDTE` without breaking words, sources or amounts."""
    return textwrap.wrap(tekst, width=BREEDTE, initial_indent=inspring,
                         subsequent_indent=vervolg, break_long_words=False,
                         break_on_hyphens=False) or [inspring.rstrip()]


def _cel_tekst(cel: dict[str, Any] | None, t: Teksten) -> tuple[str, str]:
    """(value, source line) of a cell as printed; an `aanname` carries the marker."""
    if cel is None:
        return t.tekst("harmonisatie.ontbreekt"), ""
    merk = t.tekst("harmonisatie.merk_aanname") if cel["status"] == "aanname" else ""
    sleutel = "harmonisatie.grondslag" if cel["status"] is None else "harmonisatie.bron"
    bron = t.tekst(sleutel, bron=cel["bron"] or t.tekst("lijst.geen"), bestand=cel["bestand"])
    return cel["tekst"] + merk, bron


def _rij_regels(rij: dict[str, Any], aantal: int, t: Teksten) -> list[str]:
    """A row as a block: its heading, then the gemeenten grouped by identical cells."""
    if rij["soort"] == "regeling":
        kop = t.tekst("harmonisatie.regeling", id=rij["id"], naam=rij["naam"],
                      pakket=t.woord("pakket", rij["pakket"]))
    else:
        kop = t.tekst("harmonisatie.parameter", id=rij["id"], beschrijving=rij["beschrijving"])
    groepen: dict[tuple[str, str], list[str]] = {}
    for slug, cel in rij["cellen"].items():
        groepen.setdefault(_cel_tekst(cel, t), []).append(slug)
    lines = ["", *_wrap(kop, "", "    ")]
    for (waarde, bron), slugs in groepen.items():
        wie = t.tekst("harmonisatie.alle") if len(slugs) == aantal > 1 else ", ".join(slugs)
        lines += _wrap(t.tekst("harmonisatie.cel", gemeenten=wie, waarde=waarde), "  ", "      ")
        if bron:
            lines += _wrap(bron, "      ", "        ")
    return lines


def render_matrix(data: dict[str, Any], teksten: Teksten | None = None) -> str:
    """The matrix for a terminal: a heading, a legend, then per group a block per row."""
    t = _t(teksten)
    s = data["samenvatting"]
    aantal = len(data["gemeenten"])
    lines = [t.tekst("harmonisatie.kop", peildatum=data["peildatum"], gemeenten=aantal,
                     rijen=s["rijen"], verschillend=s["verschillend"], gelijk=s["gelijk"]),
             *_wrap(t.tekst("harmonisatie.gemeenten", lijst=", ".join(data["gemeenten"])),
                    "", "    "),
             t.tekst("harmonisatie.legenda", merk=t.tekst("harmonisatie.merk_aanname"),
                     ontbreekt=t.tekst("harmonisatie.ontbreekt"))]
    for verschilt, sleutel, n in ((True, "harmonisatie.verschillend", s["verschillend"]),
                                  (False, "harmonisatie.gelijk", s["gelijk"])):
        lines += ["", t.tekst(sleutel, aantal=n)]
        for rij in data["rijen"]:
            if rij["verschilt"] is verschilt:
                lines += _rij_regels(rij, aantal, t)
    return "\n".join(lines) + "\n"

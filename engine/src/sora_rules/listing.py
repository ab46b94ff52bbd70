"""What applies where, and on what source: the data behind `gemeenten`, `regelingen`
and `bronnen` (DESIGN §2: advisors must see every value with its source).

The functions here are pure: a loaded `Regelset` and the arguments in, plain
data out (dicts, lists, strings, numbers, `Decimal`), sorted so that the same
rules always give the same output. `to_json` and the `render_*` functions turn
that data into JSON for other services or Dutch text for people.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from typing import Any

from .afhankelijkheid import afhankelijkheid
from .case import parse_peildatum
from .errors import InvoerFout
from .expressie import naar_yaml
from .model import (
    Beleid,
    Bron,
    Parameter,
    Regeling,
    RegelingBerekening,
    Regelset,
    Voorwaarde,
    Waarde,
)
from .teksten import Teksten, euro_text, getal, standaard_teksten

STATUSSEN = ("aanname", "bevestigd")


# ------------------------------------------------------------------------ arguments


peildatum = parse_peildatum  # the same strict JJJJ-MM-DD as evaluate


def _t(teksten: Teksten | None) -> Teksten:
    """The catalogue given by the caller (that of --regels), else the packaged one."""
    return teksten if teksten is not None else standaard_teksten()


def beleid_van(regelset: Regelset, slug: str, teksten: Teksten | None = None) -> Beleid:
    """The resolved policy of `slug`, or `InvoerFout` naming the known slugs."""
    if slug not in regelset.beleid:
        raise InvoerFout("gemeente", _t(teksten).tekst(
            "invoer.gemeente", slug=slug, keuzes=", ".join(sorted(regelset.beleid))))
    return regelset.beleid[slug]


def check_status(status: str | None, teksten: Teksten | None = None) -> None:
    if status is not None and status not in STATUSSEN:
        raise InvoerFout("status", _t(teksten).tekst("invoer.status", status=status,
                                                     keuzes=", ".join(STATUSSEN)))


# --------------------------------------------------------------------------- values


_getal = getal  # Dutch number notation lives in teksten.py
_EENHEDEN = ("procent", "jaren", "maanden", "weken", "dagen")


def waarde_tekst(waarde: Any, eenheid: str, teksten: Teksten | None = None) -> str:
    """A parameter value in Dutch notation: € 1.401,50, 120%, 36 maanden, per leefvorm."""
    t = _t(teksten)
    if waarde is None:
        return t.tekst("waarde.geen")
    if isinstance(waarde, bool):
        return t.ja_nee(waarde)
    if isinstance(waarde, dict):
        return "; ".join(f"{t.woord('leefvorm', k)}: {waarde_tekst(v, eenheid, t)}"
                         for k, v in waarde.items())
    if isinstance(waarde, list):
        return "; ".join(_band_tekst(item, eenheid, t) if isinstance(item, dict)
                         else waarde_tekst(item, eenheid, t) for item in waarde)
    if isinstance(waarde, int | float | Decimal):
        if eenheid == "euro":
            return euro_text(Decimal(str(waarde)))
        if eenheid in _EENHEDEN:
            aantal = getal(waarde) if eenheid == "procent" else Decimal(str(waarde))
            return t.tekst(f"waarde.{eenheid}", aantal=aantal)
        return getal(waarde)
    return str(waarde)


def _band_tekst(band: dict[str, Any], eenheid: str, t: Teksten) -> str:
    """One row of an age table {van, tot, bedrag}: 'van 4 tot 12 jaar: € 50,00'."""
    if "bedrag" not in band:
        return ", ".join(f"{k}: {v}" for k, v in band.items())
    van, tot = str(band.get("van", 0)), band.get("tot")
    tot = None if tot is None else str(tot)
    if van == "aow":
        deel = t.tekst("band.aow")
    elif tot == "aow":
        deel = t.tekst("band.tot_aow", van=van)
    elif tot is None:
        deel = t.tekst("band.vanaf", van=van)
    elif van == "0":
        deel = t.tekst("band.tot", tot=tot)
    else:
        deel = t.tekst("band.van_tot", van=van, tot=tot)
    return t.tekst("band.regel", deel=deel, waarde=waarde_tekst(band["bedrag"], eenheid, t))


def bron_dict(bron: Bron) -> dict[str, str]:
    return bron.to_dict()


def _waarde_dict(p: Parameter, w: Waarde | None, t: Teksten) -> dict[str, Any]:
    if w is None:
        return {"vanaf": None, "waarde": None, "waarde_tekst": t.tekst("waarde.geen_op_peildatum"),
                "status": None, "bron": None, "reden": None}
    return {"vanaf": w.vanaf.isoformat(), "waarde": w.waarde,
            "waarde_tekst": waarde_tekst(w.waarde, p.eenheid, t), "status": w.status,
            "bron": w.bron, "reden": w.reden}


def invulling(p: Parameter) -> str | None:
    """For an open term: 'gemeente' (implemented by the overlay) or 'standaard'."""
    if p.open_norm is None:
        return None
    return "gemeente" if p.pakket == "plus" and p.standaard is not None else "standaard"


def herkomst_tekst(p: Parameter, teksten: Teksten | None = None) -> str:
    t = _t(teksten)
    soort = invulling(p)
    if soort is not None:
        return t.tekst(f"herkomst.{soort}", gedelegeerd=p.open_norm)
    return t.tekst("herkomst.eigen" if p.pakket == "plus" else "herkomst.basis")


def parameter_info(p: Parameter, dag: date, teksten: Teksten | None = None) -> dict[str, Any]:
    """One parameter at `dag`: value, source, status, file, and whether it is an open term."""
    info: dict[str, Any] = {
        "id": p.id, "beschrijving": p.beschrijving, "eenheid": p.eenheid, "per": p.per,
        **_waarde_dict(p, p.op(dag), _t(teksten)),
        "grondslag": bron_dict(p.grondslag), "bestand": p.bestand, "pakket": p.pakket,
        "open_norm": p.open_norm, "invulling": invulling(p),
        "herkomst": herkomst_tekst(p, teksten),
        "bekend_tot": p.bekend_tot.isoformat() if p.bekend_tot else None,
        "standaard": None,
    }
    if p.standaard is not None:
        info["standaard"] = {**_waarde_dict(p.standaard, p.standaard.op(dag), _t(teksten)),
                             "bestand": p.standaard.bestand}
    return info


# ----------------------------------------------------------------------- regelingen


def afhankelijke_parameters(r: Regeling, pol: Beleid, regelset: Regelset) -> list[str]:
    """Every parameter a regeling's decision depends on, sorted (afhankelijkheid.py)."""
    afh = afhankelijkheid(r, pol, regelset.normbepaling, regelset.grootheden)
    return sorted(i for i in afh.parameters if i in pol.parameters)


def _voorwaarde_info(v: Voorwaarde) -> dict[str, Any]:
    return {"regel": v.regel, "als": naar_yaml(v.als), "bron": bron_dict(v.bron),
            "bestand": v.bestand, "pakket": v.pakket, "plaats": v.plaats}


def regeling_info(r: Regeling, pol: Beleid, regelset: Regelset, dag: date,
                  teksten: Teksten | None = None) -> dict[str, Any]:
    """One regeling of a gemeente at `dag`, with every ground and parameter and its source."""
    toets = r.inkomenstoets
    return {
        "id": r.id, "naam": r.naam, "pakket": r.pakket, "bestand": r.bestand,
        "plaats": r.plaats, "omschrijving": r.omschrijving,
        "geldig_vanaf": r.geldig_vanaf.isoformat(),
        "geldig_tot": r.geldig_tot.isoformat() if r.geldig_tot else None,
        "grondslag": bron_dict(r.grondslag),
        "voorwaarden": [_voorwaarde_info(v) for v in r.voorwaarden],
        "signaleringen": [{"regel": s.regel, "als": naar_yaml(s.als), "bron": bron_dict(s.bron)}
                          for s in r.signaleringen],
        "inkomenstoets": None if toets is None else {
            "percentage": toets.percentage,
            "norm": "met_kostendelersnorm" if toets.kostendelersnorm
            else "zonder_kostendelersnorm",
            "vakantietoeslag": "inclusief" if toets.vakantietoeslag else "exclusief",
            "bron": bron_dict(toets.bron), "status": toets.status,
            "toelichting": toets.toelichting},
        "berekening": None if r.berekening is None else _berekening_info(r.berekening),
        "bedrag": dict(sorted(r.bedrag.items())),
        "parameters": [parameter_info(pol.parameters[pid], dag, teksten)
                       for pid in afhankelijke_parameters(r, pol, regelset)],
    }


def _berekening_info(b: RegelingBerekening) -> dict[str, Any]:
    return {"normgronden": b.normgronden, "grootheden": list(b.grootheden),
            "gronden": [{"regel": g.regel, "uitleg": g.uitleg, "bron": bron_dict(g.bron),
                         "posten": g.posten} for g in b.gronden]}


def _gemeente_kop(pol: Beleid) -> dict[str, str]:
    g = pol.gemeente
    return {"slug": g.slug, "naam": g.naam, "cbs_code": g.cbs_code, "bestand": g.bestand}


def regelingen(regelset: Regelset, slug: str, dag: date,
               teksten: Teksten | None = None) -> dict[str, Any]:
    """The regelingen of gemeente `slug` in force on `dag` (`Beleid.regelingen_op`)."""
    pol = beleid_van(regelset, slug, teksten)
    return {
        "gemeente": _gemeente_kop(pol),
        "peildatum": dag.isoformat(),
        "regelingen": [regeling_info(r, pol, regelset, dag, teksten)
                       for _, r in sorted(pol.regelingen_op(dag).items())],
        "uitgeschakeld": _uitgeschakeld(pol, regelset),
    }


def _uitgeschakeld(pol: Beleid, regelset: Regelset) -> list[dict[str, str]]:
    result = []
    for rid in sorted(pol.uitgeschakeld):
        versies = regelset.regelingen.get(rid, ())
        result.append({"id": rid, "naam": versies[-1].naam if versies else rid,
                       "bestand": versies[-1].bestand if versies else ""})
    return result


def _versie_op(versies: Iterable[Regeling], dag: date) -> tuple[Regeling, bool]:
    """The version in force on `dag`, else the latest one (and whether it is in force)."""
    ordered = sorted(versies, key=lambda r: r.geldig_vanaf)
    for r in ordered:
        if r.geldig_op(dag):
            return r, True
    return ordered[-1], False


# ------------------------------------------------------------------------ gemeenten


def eigen_regelingen(pol: Beleid, regelset: Regelset) -> list[str]:
    """Ids of the regelingen the overlay adds (pluspakket)."""
    return sorted(rid for rid in pol.regelingen if rid not in regelset.regelingen)


def gemeente_info(pol: Beleid, regelset: Regelset, dag: date,
                  teksten: Teksten | None = None) -> dict[str, Any]:
    eigen = []
    for rid in eigen_regelingen(pol, regelset):
        r, van_kracht = _versie_op(pol.regelingen[rid], dag)
        eigen.append({"id": rid, "naam": r.naam, "bestand": r.bestand,
                      "geldig_vanaf": r.geldig_vanaf.isoformat(),
                      "geldig_tot": r.geldig_tot.isoformat() if r.geldig_tot else None,
                      "van_kracht": van_kracht})
    params = [p for _, p in sorted(pol.parameters.items()) if p.bestand == pol.gemeente.bestand]
    return {
        **_gemeente_kop(pol), "omschrijving": pol.gemeente.omschrijving,
        "regelingen": eigen,
        "open_normen": [parameter_info(p, dag, teksten) for p in params
                        if invulling(p) == "gemeente"],
        "parameters": [parameter_info(p, dag, teksten) for p in params
                       if invulling(p) != "gemeente"],
        "uitgeschakeld": _uitgeschakeld(pol, regelset),
    }


def gemeenten(regelset: Regelset, dag: date, teksten: Teksten | None = None) -> dict[str, Any]:
    """Every gemeente with its pluspakket: own regelingen, open terms, switched-off schemes."""
    return {"peildatum": dag.isoformat(),
            "gemeenten": [gemeente_info(pol, regelset, dag, teksten)
                          for _, pol in sorted(regelset.beleid.items())]}


# -------------------------------------------------------------------------- bronnen


def _bron_regels(p: Parameter, dag: date | None, overlay: bool, t: Teksten
                 ) -> list[dict[str, Any]]:
    waarden = p.waarden if dag is None else tuple(w for w in (p.op(dag),) if w is not None)
    return [{"id": p.id, "soort": "parameter", "beschrijving": p.beschrijving,
             "eenheid": p.eenheid, **_waarde_dict(p, w, t), "grondslag": bron_dict(p.grondslag),
             "bestand": p.bestand, "overlay": overlay, "open_norm": p.open_norm,
             "invulling": invulling(p)}
            for w in waarden]


def _toets_regels(r: Regeling, overlay: bool, tk: Teksten) -> list[dict[str, Any]]:
    t = r.inkomenstoets
    if t is None:
        return []
    keuze = tk.tekst("toets.keuze", kostendelersnorm=tk.woord(
        "inkomenstoets", "met_kostendelersnorm" if t.kostendelersnorm
        else "zonder_kostendelersnorm"), vakantietoeslag=tk.woord(
        "inkomenstoets", "inclusief" if t.vakantietoeslag else "exclusief"))
    beschrijving = (tk.tekst("toets.beschrijving_toelichting", naam=r.naam,
                             toelichting=t.toelichting) if t.toelichting
                    else tk.tekst("toets.beschrijving", naam=r.naam))
    return [{"id": f"{r.id}.inkomenstoets", "soort": "inkomenstoets",
             "beschrijving": beschrijving,
             "eenheid": None, "vanaf": r.geldig_vanaf.isoformat(),
             "waarde": keuze, "waarde_tekst": keuze, "status": t.status,
             "bron": t.bron.kort(), "reden": None, "grondslag": bron_dict(t.bron),
             "bestand": r.bestand, "overlay": overlay, "open_norm": None, "invulling": None}]


def _alle_bron_regels(regelset: Regelset, dag: date | None, t: Teksten
                      ) -> list[dict[str, Any]]:
    """The basispakket plus every overlay's own values (`bronnen` without a gemeente)."""
    regels: list[dict[str, Any]] = []
    for p in regelset.parameters.values():
        regels += _bron_regels(p, dag, False, t)
    for versies in regelset.regelingen.values():
        regels += [x for r in versies if dag is None or r.geldig_op(dag)
                   for x in _toets_regels(r, False, t)]
    for pol in regelset.beleid.values():
        for p in pol.parameters.values():
            if p.bestand == pol.gemeente.bestand:
                regels += _bron_regels(p, dag, True, t)
        for rid in eigen_regelingen(pol, regelset):
            regels += [x for r in pol.regelingen[rid] if dag is None or r.geldig_op(dag)
                       for x in _toets_regels(r, True, t)]
    return regels


def bronnen(regelset: Regelset, gemeente: str | None = None, status: str | None = None,
            dag: date | None = None, teksten: Teksten | None = None) -> dict[str, Any]:
    """Every value with its source and status, grouped per file.

    Without `gemeente`: the basispakket plus every overlay's own values; with it:
    that gemeente's resolved parameters (overlay values marked `overlay`).
    Every dated value, unless `dag` is given (then the value in force on it).
    """
    check_status(status, teksten)
    t = _t(teksten)
    regels: list[dict[str, Any]] = []
    if gemeente is None:
        regels = _alle_bron_regels(regelset, dag, t)
    else:
        pol = beleid_van(regelset, gemeente, teksten)
        for p in pol.parameters.values():
            regels += _bron_regels(p, dag, p.bestand == pol.gemeente.bestand, t)
        for versies in pol.regelingen.values():
            for r in versies:
                if dag is None or r.geldig_op(dag):
                    regels += _toets_regels(r, r.bestand == pol.gemeente.bestand, t)
    if status is not None:
        regels = [r for r in regels if r["status"] == status]
    per_bestand: dict[str, list[dict[str, Any]]] = {}
    for regel in regels:
        per_bestand.setdefault(regel["bestand"], []).append(regel)
    overlays = {pol.gemeente.bestand: slug for slug, pol in regelset.beleid.items()}
    bestanden = [
        {"bestand": naam, "pakket": "plus" if naam in overlays else "basis",
         "gemeente": overlays.get(naam),
         "waarden": sorted(items, key=lambda x: (x["id"], x["vanaf"] or ""))}
        for naam, items in sorted(per_bestand.items(),
                                  key=lambda kv: (kv[0] in overlays, kv[0]))]
    return {
        "gemeente": gemeente, "peildatum": dag.isoformat() if dag else None, "status": status,
        "aantal": len(regels),
        "per_status": {s: sum(1 for r in regels if r["status"] == s) for s in STATUSSEN},
        "bestanden": bestanden,
    }


# ----------------------------------------------------------------------- rendering


def _json_default(value: Any) -> Any:
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(f"niet naar JSON te schrijven: {type(value).__name__}")


def to_json(data: Any) -> str:
    """Deterministic JSON: sorted keys, Decimals as numbers, UTF-8 text."""
    return json.dumps(data, default=_json_default, ensure_ascii=False, indent=2,
                      sort_keys=True) + "\n"


def als_tekst(als: Any) -> str:
    """A condition tree, compact and readable: {feit: x, minstens: 18}."""
    if isinstance(als, dict):
        return "{" + ", ".join(f"{k}: {als_tekst(v)}" for k, v in als.items()) + "}"
    if isinstance(als, list):
        return "[" + ", ".join(als_tekst(v) for v in als) + "]"
    if isinstance(als, bool):
        return "true" if als else "false"
    if isinstance(als, Decimal):
        return _getal(als).replace(",", ".")
    return str(als)


def bedrag_tekst(spec: Any, teksten: Teksten | None = None) -> str:
    """An amount spec in words: a fact, a parameter, an age table, or a sum of those."""
    t = _t(teksten)
    if isinstance(spec, list):
        return " + ".join(bedrag_tekst(s, t) for s in spec)
    if isinstance(spec, str):
        return t.tekst("bedragspec.feit", naam=spec)
    if isinstance(spec, dict) and "parameter" in spec:
        return t.tekst("bedragspec.parameter", naam=spec["parameter"])
    if isinstance(spec, dict) and "leeftijdstabel" in spec:
        return t.tekst("bedragspec.tabel", naam=spec["leeftijdstabel"],
                       personen=", ".join(spec.get("personen", [])))
    return als_tekst(spec)


def bron_tekst(bron: dict[str, str]) -> str:
    """'art. 36 Participatiewet', or 'Zaffier, inkomensgrens' for a non-numbered part."""
    return Bron(regeling=bron["regeling"], artikel=bron["artikel"]).kort()


def _status(status: str | None) -> str:
    return status or "—"


def _tot(sleutel: str, datum: str | None, t: Teksten) -> str:
    return t.tekst(sleutel, datum=datum) if datum else ""


def parameter_regels(p: dict[str, Any], inspring: str, teksten: Teksten | None = None
                     ) -> list[str]:
    """Text lines of one parameter (from `parameter_info`)."""
    t = _t(teksten)
    vanaf = (t.tekst("parameter.vanaf", vanaf=p["vanaf"]) if p["vanaf"]
             else t.tekst("waarde.geen_op_peildatum"))
    lines = [inspring + t.tekst("parameter.regel", id=p["id"], waarde=p["waarde_tekst"],
                                vanaf=vanaf, status=_status(p["status"])),
             f"{inspring}    {p['beschrijving']}"]
    if p["bron"]:
        lines.append(f"{inspring}    " + t.tekst("parameter.bron", bron=p["bron"]))
    if p.get("reden"):
        lines.append(f"{inspring}    " + t.tekst("parameter.reden", reden=p["reden"]))
    lines.append(f"{inspring}    " + t.tekst("parameter.herkomst", herkomst=p["herkomst"],
                                             bestand=p["bestand"]))
    if p.get("standaard"):
        s = p["standaard"]
        lines.append(f"{inspring}    " + t.tekst("parameter.standaard", waarde=s["waarde_tekst"],
                                                 status=_status(s["status"]),
                                                 bestand=s["bestand"]))
    return lines


def _lijst(items: list[dict[str, Any]], t: Teksten) -> str:
    return ", ".join(f"{u['id']} ({u['naam']})" for u in items) or t.tekst("lijst.geen")


def render_gemeenten(data: dict[str, Any], teksten: Teksten | None = None) -> str:
    t = _t(teksten)
    lines = [t.tekst("gemeenten.kop", aantal=len(data["gemeenten"]),
                     peildatum=data["peildatum"])]
    for g in data["gemeenten"]:
        lines += ["", t.tekst("gemeenten.gemeente", naam=g["naam"], slug=g["slug"],
                              cbs=g["cbs_code"], bestand=g["bestand"])]
        if g["omschrijving"]:
            lines.append(f"  {g['omschrijving']}")
        lines.append("  " + t.tekst("gemeenten.eigen" if g["regelingen"]
                                    else "gemeenten.eigen_geen"))
        for r in g["regelingen"]:
            kracht = "" if r["van_kracht"] else t.tekst("gemeenten.niet_van_kracht")
            lines.append("    " + t.tekst("gemeenten.regeling", id=r["id"], naam=r["naam"],
                                          vanaf=r["geldig_vanaf"],
                                          tot=_tot("gemeenten.tot", r["geldig_tot"], t))
                         + kracht)
        lines.append("  " + t.tekst("gemeenten.open_normen" if g["open_normen"]
                                    else "gemeenten.open_normen_geen"))
        for p in g["open_normen"]:
            lines += parameter_regels(p, "    ", t)
        if g["parameters"]:
            lines.append("  " + t.tekst("gemeenten.parameters"))
            for p in g["parameters"]:
                lines += parameter_regels(p, "    ", t)
        lines.append("  " + t.tekst("gemeenten.uitgeschakeld",
                                    lijst=_lijst(g["uitgeschakeld"], t)))
    return "\n".join(lines) + "\n"


def _regeling_regels(r: dict[str, Any], t: Teksten) -> list[str]:
    lines = ["", t.tekst("regelingen.regeling", naam=r["naam"], id=r["id"],
                         pakket=t.woord("pakket", r["pakket"])),
             "  " + t.tekst("regelingen.bestand", bestand=r["plaats"] or r["bestand"]),
             "  " + t.tekst("regelingen.grondslag", bron=bron_tekst(r["grondslag"])),
             "  " + t.tekst("regelingen.geldig", vanaf=r["geldig_vanaf"],
                            tot=_tot("regelingen.tot", r["geldig_tot"], t))]
    if r["omschrijving"]:
        lines.append("  " + t.tekst("regelingen.omschrijving", tekst=r["omschrijving"]))
    for sleutel in ("voorwaarden", "signaleringen"):
        if r[sleutel]:
            lines.append("  " + t.tekst(f"regelingen.{sleutel}"))
            lines += [f"    - {v['regel']} ({bron_tekst(v['bron'])})" for v in r[sleutel]]
    toets = r["inkomenstoets"]
    if toets:
        pct = next((p["waarde_tekst"] for p in r["parameters"]
                    if p["id"] == toets["percentage"]), "?")
        lines.append("  " + t.tekst(
            "regelingen.inkomenstoets", percentage=pct, parameter=toets["percentage"],
            norm=t.woord("inkomenstoets", toets["norm"]),
            vakantietoeslag=t.woord("inkomenstoets", toets["vakantietoeslag"]),
            bron=bron_tekst(toets["bron"]), status=toets["status"]))
    if r["bedrag"]:
        lines.append("  " + t.tekst("regelingen.bedrag", lijst="; ".join(
            f"{k.replace('_', ' ')}: {bedrag_tekst(v, t)}" for k, v in r["bedrag"].items())))
    if r["parameters"]:
        lines.append("  " + t.tekst("regelingen.parameters"))
        for p in r["parameters"]:
            lines += parameter_regels(p, "    ", t)
    return lines


def render_regelingen(data: dict[str, Any], teksten: Teksten | None = None) -> str:
    t = _t(teksten)
    g = data["gemeente"]
    regs = data["regelingen"]
    lines = [t.tekst("regelingen.kop", naam=g["naam"], slug=g["slug"],
                     peildatum=data["peildatum"], aantal=len(regs))]
    if not regs:
        lines.append(t.tekst("regelingen.geen"))
    for r in regs:
        lines += _regeling_regels(r, t)
    if data["uitgeschakeld"]:
        lines += ["", t.tekst("regelingen.uitgeschakeld", lijst=_lijst(data["uitgeschakeld"], t))]
    return "\n".join(lines) + "\n"


def _bronnen_kop(data: dict[str, Any], t: Teksten) -> str:
    wat = (t.tekst("bronnen.gemeente", gemeente=data["gemeente"]) if data["gemeente"]
           else t.tekst("bronnen.alles"))
    filters = []
    if data["status"]:
        filters.append(t.tekst("bronnen.status", status=data["status"]))
    filters.append(t.tekst("bronnen.peildatum", peildatum=data["peildatum"]) if data["peildatum"]
                   else t.tekst("bronnen.alle_waarden"))
    telling = ", ".join(f"{n} {s}" for s, n in data["per_status"].items())
    return t.tekst("bronnen.kop", wat=wat, filters=", ".join(filters), aantal=data["aantal"],
                   telling=telling)


def render_bronnen(data: dict[str, Any], teksten: Teksten | None = None) -> str:
    t = _t(teksten)
    lines = [_bronnen_kop(data, t)]
    for f in data["bestanden"]:
        kop = (t.tekst("bronnen.bestand_gemeente", gemeente=f["gemeente"]) if f["gemeente"]
               else t.tekst("bronnen.bestand_basis"))
        lines += ["", f"{f['bestand']} ({kop})"]
        for w in f["waarden"]:
            merk = t.tekst("bronnen.overlay") if w["overlay"] and data["gemeente"] else ""
            if w["invulling"] == "gemeente":
                merk += t.tekst("bronnen.open_ingevuld")
            elif w["invulling"] == "standaard":
                merk += t.tekst("bronnen.open_standaard")
            lines.append("  " + t.tekst("bronnen.waarde", id=w["id"], vanaf=w["vanaf"],
                                        waarde=w["waarde_tekst"], status=w["status"], merk=merk))
            lines.append("      " + t.tekst("bronnen.bron", bron=w["bron"]))
            if w["reden"]:
                lines.append("      " + t.tekst("bronnen.reden", reden=w["reden"]))
    if not data["bestanden"]:
        lines += ["", t.tekst("bronnen.geen")]
    return "\n".join(lines) + "\n"

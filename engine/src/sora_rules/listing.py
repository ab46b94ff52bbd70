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

from .case import parse_peildatum
from .errors import InvoerFout
from .explain import euro_text
from .model import Beleid, Bron, Parameter, Regeling, Regelset, Waarde
from .policy import NORM_INVOER, condition_refs, parameters_of

STATUSSEN = ("aanname", "bevestigd")


# ------------------------------------------------------------------------ arguments


peildatum = parse_peildatum  # the same strict JJJJ-MM-DD as evaluate


def beleid_van(regelset: Regelset, slug: str) -> Beleid:
    """The resolved policy of `slug`, or `InvoerFout` naming the known slugs."""
    if slug not in regelset.beleid:
        raise InvoerFout("gemeente", f"onbekende gemeente '{slug}'; kies uit: "
                         + ", ".join(sorted(regelset.beleid)))
    return regelset.beleid[slug]


def check_status(status: str | None) -> None:
    if status is not None and status not in STATUSSEN:
        raise InvoerFout("status", f"onbekende status '{status}'; kies uit: "
                         + ", ".join(STATUSSEN))


# --------------------------------------------------------------------------- values


def _getal(value: Decimal | int | float) -> str:
    """Dutch number: decimal comma, no trailing zeros (2,5 and 120)."""
    text = format(Decimal(str(value)).normalize(), "f")
    whole, _, frac = text.partition(".")
    return whole + ("," + frac if frac else "")


_EENHEID = {"jaren": ("jaar", "jaar"), "maanden": ("maand", "maanden"),
            "dagen": ("dag", "dagen"), "weken": ("week", "weken")}


def waarde_tekst(waarde: Any, eenheid: str) -> str:
    """A parameter value in Dutch notation: € 1.401,50, 120%, 36 maanden, per leefvorm."""
    if waarde is None:
        return "geen waarde"
    if isinstance(waarde, bool):
        return "ja" if waarde else "nee"
    if isinstance(waarde, dict):
        return "; ".join(f"{k.replace('_', ' ')}: {waarde_tekst(v, eenheid)}"
                         for k, v in waarde.items())
    if isinstance(waarde, list):
        return "; ".join(_band_tekst(item, eenheid) if isinstance(item, dict)
                         else waarde_tekst(item, eenheid) for item in waarde)
    if isinstance(waarde, int | float | Decimal):
        if eenheid == "euro":
            return euro_text(Decimal(str(waarde)))
        if eenheid == "procent":
            return f"{_getal(waarde)}%"
        if eenheid in _EENHEID:
            een, meer = _EENHEID[eenheid]
            return f"{_getal(waarde)} {een if waarde == 1 else meer}"
        return _getal(waarde)
    return str(waarde)


def _band_tekst(band: dict[str, Any], eenheid: str) -> str:
    """One row of an age table {van, tot, bedrag}: 'van 4 tot 12 jaar: € 50,00'."""
    if "bedrag" not in band:
        return ", ".join(f"{k}: {v}" for k, v in band.items())
    van, tot = str(band.get("van", 0)), band.get("tot")
    tot = None if tot is None else str(tot)
    if van == "aow":
        deel = "vanaf de AOW-leeftijd"
    elif tot == "aow":
        deel = f"van {van} jaar tot de AOW-leeftijd"
    elif tot is None:
        deel = f"vanaf {van} jaar"
    elif van == "0":
        deel = f"tot {tot} jaar"
    else:
        deel = f"van {van} tot {tot} jaar"
    return f"{deel}: {waarde_tekst(band['bedrag'], eenheid)}"


def bron_dict(bron: Bron) -> dict[str, str]:
    return bron.to_dict()


def _waarde_dict(p: Parameter, w: Waarde | None) -> dict[str, Any]:
    if w is None:
        return {"vanaf": None, "waarde": None, "waarde_tekst": "geen waarde op de peildatum",
                "status": None, "bron": None, "reden": None}
    return {"vanaf": w.vanaf.isoformat(), "waarde": w.waarde,
            "waarde_tekst": waarde_tekst(w.waarde, p.eenheid), "status": w.status,
            "bron": w.bron, "reden": w.reden}


def invulling(p: Parameter) -> str | None:
    """For an open term: 'gemeente' (implemented by the overlay) or 'standaard'."""
    if p.open_norm is None:
        return None
    return "gemeente" if p.pakket == "plus" and p.standaard is not None else "standaard"


def herkomst_tekst(p: Parameter) -> str:
    soort = invulling(p)
    if soort == "gemeente":
        return f"open norm, ingevuld door de gemeente (gedelegeerd aan {p.open_norm})"
    if soort == "standaard":
        return f"open norm, standaard van het basispakket (gedelegeerd aan {p.open_norm})"
    if p.pakket == "plus":
        return "eigen parameter van de gemeente"
    return "basispakket"


def parameter_info(p: Parameter, dag: date) -> dict[str, Any]:
    """One parameter at `dag`: value, source, status, file, and whether it is an open term."""
    info: dict[str, Any] = {
        "id": p.id, "beschrijving": p.beschrijving, "eenheid": p.eenheid, "per": p.per,
        **_waarde_dict(p, p.op(dag)),
        "grondslag": bron_dict(p.grondslag), "bestand": p.bestand, "pakket": p.pakket,
        "open_norm": p.open_norm, "invulling": invulling(p), "herkomst": herkomst_tekst(p),
        "bekend_tot": p.bekend_tot.isoformat() if p.bekend_tot else None,
        "standaard": None,
    }
    if p.standaard is not None:
        info["standaard"] = {**_waarde_dict(p.standaard, p.standaard.op(dag)),
                             "bestand": p.standaard.bestand}
    return info


# ----------------------------------------------------------------------- regelingen


def _uses_norm(r: Regeling) -> bool:
    return r.inkomenstoets is not None or r.berekening.get("soort") == "bijstandsnorm"


def _feiten_van(r: Regeling, regelset: Regelset) -> set[str]:
    facts: set[str] = set()
    for als in [v.als for v in r.voorwaarden] + [s.als for s in r.signaleringen]:
        facts |= condition_refs(als)[0]
    for spec in r.bedrag.values():
        facts.update(s for s in (spec if isinstance(spec, list) else [spec])
                     if isinstance(s, str))
    nb = regelset.normbepaling
    if nb is not None and _uses_norm(r):
        for c in nb.categorieen:
            facts |= condition_refs(c.als)[0]
        facts.update(NORM_INVOER)
    return facts


def afhankelijke_parameters(r: Regeling, pol: Beleid, regelset: Regelset) -> list[str]:
    """Every parameter a regeling's decision depends on, sorted.

    `policy.parameters_of` (conditions, amounts, income test, norm) plus the
    parameters of the facts it reads (e.g. the AOW age behind `aanvrager.aow`).
    """
    ids = parameters_of(r, regelset.normbepaling)
    for naam in _feiten_van(r, regelset):
        feit = pol.feiten.get(naam)
        if feit is not None:
            ids.update(v for v in feit.opties.values()
                       if isinstance(v, str) and v in pol.parameters)
    return sorted(i for i in ids if i in pol.parameters)


def _voorwaarde_info(v: Any) -> dict[str, Any]:
    return {"regel": v.regel, "als": v.als, "bron": bron_dict(v.bron), "bestand": v.bestand,
            "pakket": v.pakket, "plaats": v.plaats}


def regeling_info(r: Regeling, pol: Beleid, regelset: Regelset, dag: date) -> dict[str, Any]:
    """One regeling of a gemeente at `dag`, with every ground and parameter and its source."""
    toets = r.inkomenstoets
    return {
        "id": r.id, "naam": r.naam, "pakket": r.pakket, "bestand": r.bestand,
        "plaats": r.plaats, "omschrijving": r.omschrijving,
        "geldig_vanaf": r.geldig_vanaf.isoformat(),
        "geldig_tot": r.geldig_tot.isoformat() if r.geldig_tot else None,
        "grondslag": bron_dict(r.grondslag),
        "voorwaarden": [_voorwaarde_info(v) for v in r.voorwaarden],
        "signaleringen": [{"regel": s.regel, "als": s.als, "bron": bron_dict(s.bron)}
                          for s in r.signaleringen],
        "inkomenstoets": None if toets is None else {
            "percentage": toets.percentage,
            "norm": "met_kostendelersnorm" if toets.kostendelersnorm
            else "zonder_kostendelersnorm",
            "vakantietoeslag": "inclusief" if toets.vakantietoeslag else "exclusief",
            "bron": bron_dict(toets.bron), "status": toets.status,
            "toelichting": toets.toelichting},
        "berekening": dict(sorted(r.berekening.items())),
        "bedrag": dict(sorted(r.bedrag.items())),
        "parameters": [parameter_info(pol.parameters[pid], dag)
                       for pid in afhankelijke_parameters(r, pol, regelset)],
    }


def _gemeente_kop(pol: Beleid) -> dict[str, str]:
    g = pol.gemeente
    return {"slug": g.slug, "naam": g.naam, "cbs_code": g.cbs_code, "bestand": g.bestand}


def regelingen(regelset: Regelset, slug: str, dag: date) -> dict[str, Any]:
    """The regelingen of gemeente `slug` in force on `dag` (`Beleid.regelingen_op`)."""
    pol = beleid_van(regelset, slug)
    return {
        "gemeente": _gemeente_kop(pol),
        "peildatum": dag.isoformat(),
        "regelingen": [regeling_info(r, pol, regelset, dag)
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


def gemeente_info(pol: Beleid, regelset: Regelset, dag: date) -> dict[str, Any]:
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
        "open_normen": [parameter_info(p, dag) for p in params if invulling(p) == "gemeente"],
        "parameters": [parameter_info(p, dag) for p in params if invulling(p) != "gemeente"],
        "uitgeschakeld": _uitgeschakeld(pol, regelset),
    }


def gemeenten(regelset: Regelset, dag: date) -> dict[str, Any]:
    """Every gemeente with its pluspakket: own regelingen, open terms, switched-off schemes."""
    return {"peildatum": dag.isoformat(),
            "gemeenten": [gemeente_info(pol, regelset, dag)
                          for _, pol in sorted(regelset.beleid.items())]}


# -------------------------------------------------------------------------- bronnen


def _bron_regels(p: Parameter, dag: date | None, overlay: bool) -> list[dict[str, Any]]:
    waarden = p.waarden if dag is None else tuple(w for w in (p.op(dag),) if w is not None)
    return [{"id": p.id, "soort": "parameter", "beschrijving": p.beschrijving,
             "eenheid": p.eenheid, **_waarde_dict(p, w), "grondslag": bron_dict(p.grondslag),
             "bestand": p.bestand, "overlay": overlay, "open_norm": p.open_norm,
             "invulling": invulling(p)}
            for w in waarden]


def _toets_regels(r: Regeling, overlay: bool) -> list[dict[str, Any]]:
    t = r.inkomenstoets
    if t is None:
        return []
    keuze = (f"{'met' if t.kostendelersnorm else 'zonder'} kostendelersnorm, "
             f"{'inclusief' if t.vakantietoeslag else 'exclusief'} vakantietoeslag")
    return [{"id": f"{r.id}.inkomenstoets", "soort": "inkomenstoets",
             "beschrijving": f"Inkomenstoets {r.naam}: welke bijstandsnorm ({t.toelichting})"
             if t.toelichting else f"Inkomenstoets {r.naam}: welke bijstandsnorm",
             "eenheid": None, "vanaf": r.geldig_vanaf.isoformat(),
             "waarde": keuze, "waarde_tekst": keuze, "status": t.status,
             "bron": t.bron.kort(), "reden": None, "grondslag": bron_dict(t.bron),
             "bestand": r.bestand, "overlay": overlay, "open_norm": None, "invulling": None}]


def bronnen(regelset: Regelset, gemeente: str | None = None, status: str | None = None,
            dag: date | None = None) -> dict[str, Any]:
    """Every value with its source and status, grouped per file.

    Without `gemeente`: the basispakket plus every overlay's own values; with it:
    that gemeente's resolved parameters (overlay values marked `overlay`).
    Every dated value, unless `dag` is given (then the value in force on it).
    """
    check_status(status)
    regels: list[dict[str, Any]] = []
    if gemeente is None:
        for p in regelset.parameters.values():
            regels += _bron_regels(p, dag, overlay=False)
        for versies in regelset.regelingen.values():
            for r in versies:
                if dag is None or r.geldig_op(dag):
                    regels += _toets_regels(r, overlay=False)
        for pol in regelset.beleid.values():
            for p in pol.parameters.values():
                if p.bestand == pol.gemeente.bestand:
                    regels += _bron_regels(p, dag, overlay=True)
            for rid in eigen_regelingen(pol, regelset):
                for r in pol.regelingen[rid]:
                    if dag is None or r.geldig_op(dag):
                        regels += _toets_regels(r, overlay=True)
    else:
        pol = beleid_van(regelset, gemeente)
        for p in pol.parameters.values():
            regels += _bron_regels(p, dag, overlay=p.bestand == pol.gemeente.bestand)
        for versies in pol.regelingen.values():
            for r in versies:
                if dag is None or r.geldig_op(dag):
                    regels += _toets_regels(r, overlay=r.bestand == pol.gemeente.bestand)
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


def bedrag_tekst(spec: Any) -> str:
    """An amount spec in words: a fact, a parameter, an age table, or a sum of those."""
    if isinstance(spec, list):
        return " + ".join(bedrag_tekst(s) for s in spec)
    if isinstance(spec, str):
        return f"feit {spec}"
    if isinstance(spec, dict) and "parameter" in spec:
        return f"parameter {spec['parameter']}"
    if isinstance(spec, dict) and "leeftijdstabel" in spec:
        return (f"leeftijdstabel {spec['leeftijdstabel']} voor "
                + ", ".join(spec.get("personen", [])))
    return als_tekst(spec)


def bron_tekst(bron: dict[str, str]) -> str:
    """'art. 36 Participatiewet', or 'Zaffier, inkomensgrens' for a non-numbered part."""
    return Bron(regeling=bron["regeling"], artikel=bron["artikel"]).kort()


def _pakket(pakket: str) -> str:
    return "pluspakket" if pakket == "plus" else "basispakket"


def _status(status: str | None) -> str:
    return status or "—"


def parameter_regels(p: dict[str, Any], inspring: str) -> list[str]:
    """Text lines of one parameter (from `parameter_info`)."""
    vanaf = f"vanaf {p['vanaf']}" if p["vanaf"] else "geen waarde op de peildatum"
    lines = [f"{inspring}- {p['id']}: {p['waarde_tekst']} ({vanaf}; {_status(p['status'])})",
             f"{inspring}    {p['beschrijving']}"]
    if p["bron"]:
        lines.append(f"{inspring}    bron: {p['bron']}")
    if p.get("reden"):
        lines.append(f"{inspring}    reden: {p['reden']}")
    herkomst = f"{p['herkomst']}; {p['bestand']}"
    lines.append(f"{inspring}    herkomst: {herkomst}")
    if p.get("standaard"):
        s = p["standaard"]
        lines.append(f"{inspring}    standaard basispakket: {s['waarde_tekst']} "
                     f"({_status(s['status'])}; {s['bestand']})")
    return lines


def render_gemeenten(data: dict[str, Any]) -> str:
    lines = [f"Gemeenten en hun pluspakket ({len(data['gemeenten'])}), "
             f"peildatum {data['peildatum']}"]
    for g in data["gemeenten"]:
        lines += ["", f"{g['naam']} ({g['slug']}, CBS-code {g['cbs_code']}) — {g['bestand']}"]
        if g["omschrijving"]:
            lines.append(f"  {g['omschrijving']}")
        if g["regelingen"]:
            lines.append("  Eigen regelingen (pluspakket):")
            for r in g["regelingen"]:
                tot = f" t/m {r['geldig_tot']}" if r["geldig_tot"] else ""
                kracht = "" if r["van_kracht"] else " — niet van kracht op de peildatum"
                lines.append(f"    - {r['id']}: {r['naam']} (vanaf {r['geldig_vanaf']}{tot})"
                             f"{kracht}")
        else:
            lines.append("  Eigen regelingen (pluspakket): geen")
        if g["open_normen"]:
            lines.append("  Ingevulde open normen:")
            for p in g["open_normen"]:
                lines += parameter_regels(p, "    ")
        else:
            lines.append("  Ingevulde open normen: geen (de standaard van het basispakket geldt)")
        if g["parameters"]:
            lines.append("  Eigen parameters:")
            for p in g["parameters"]:
                lines += parameter_regels(p, "    ")
        uit = ", ".join(f"{u['id']} ({u['naam']})" for u in g["uitgeschakeld"]) or "geen"
        lines.append(f"  Uitgeschakelde regionale regelingen: {uit}")
    return "\n".join(lines) + "\n"


def render_regelingen(data: dict[str, Any]) -> str:
    g = data["gemeente"]
    regs = data["regelingen"]
    lines = [f"Regelingen van gemeente {g['naam']} ({g['slug']}) op {data['peildatum']}: "
             f"{len(regs)}"]
    if not regs:
        lines.append("Geen regelingen van kracht op deze peildatum.")
    for r in regs:
        tot = f" t/m {r['geldig_tot']}" if r["geldig_tot"] else ""
        lines += ["", f"{r['naam']} ({r['id']}) — {_pakket(r['pakket'])}",
                  f"  Bestand: {r['plaats'] or r['bestand']}",
                  f"  Grondslag: {bron_tekst(r['grondslag'])}",
                  f"  Geldig: vanaf {r['geldig_vanaf']}{tot}"]
        if r["omschrijving"]:
            lines.append(f"  Omschrijving: {r['omschrijving']}")
        if r["voorwaarden"]:
            lines.append("  Voorwaarden:")
            lines += [f"    - {v['regel']} ({bron_tekst(v['bron'])})" for v in r["voorwaarden"]]
        if r["signaleringen"]:
            lines.append("  Signaleringen:")
            lines += [f"    - {s['regel']} ({bron_tekst(s['bron'])})" for s in r["signaleringen"]]
        t = r["inkomenstoets"]
        if t:
            pct = next((p["waarde_tekst"] for p in r["parameters"] if p["id"] == t["percentage"]),
                       "?")
            lines.append(f"  Inkomenstoets: inkomen ten hoogste {pct} ({t['percentage']}) van de "
                         f"bijstandsnorm {t['norm'].replace('_', ' ')}, {t['vakantietoeslag']} "
                         f"vakantietoeslag ({bron_tekst(t['bron'])}; {t['status']})")
        if r["bedrag"]:
            lines.append("  Bedrag: " + "; ".join(f"{k.replace('_', ' ')}: {bedrag_tekst(v)}"
                                                  for k, v in r["bedrag"].items()))
        if r["parameters"]:
            lines.append("  Parameters:")
            for p in r["parameters"]:
                lines += parameter_regels(p, "    ")
    if data["uitgeschakeld"]:
        lines += ["", "Uitgeschakeld door de gemeente: "
                  + ", ".join(f"{u['id']} ({u['naam']})" for u in data["uitgeschakeld"])]
    return "\n".join(lines) + "\n"


def render_bronnen(data: dict[str, Any]) -> str:
    wat = (f"gemeente {data['gemeente']} (basispakket met pluspakket)" if data["gemeente"]
           else "basispakket en alle gemeenten")
    filters = []
    if data["status"]:
        filters.append(f"status {data['status']}")
    filters.append(f"peildatum {data['peildatum']}" if data["peildatum"]
                   else "alle gedateerde waarden")
    telling = ", ".join(f"{n} {s}" for s, n in data["per_status"].items())
    lines = [f"Bronnen — {wat}; {', '.join(filters)}: {data['aantal']} waarden ({telling})"]
    for f in data["bestanden"]:
        kop = f"gemeente {f['gemeente']}" if f["gemeente"] else "basispakket"
        lines += ["", f"{f['bestand']} ({kop})"]
        for w in f["waarden"]:
            merk = " [overlay]" if w["overlay"] and data["gemeente"] else ""
            if w["invulling"] == "gemeente":
                merk += " [open norm, ingevuld]"
            elif w["invulling"] == "standaard":
                merk += " [open norm, standaard]"
            lines.append(f"  {w['id']} vanaf {w['vanaf']}: {w['waarde_tekst']} "
                         f"[{w['status']}]{merk}")
            lines.append(f"      bron: {w['bron']}")
            if w["reden"]:
                lines.append(f"      reden: {w['reden']}")
    if not data["bestanden"]:
        lines += ["", "Geen waarden gevonden."]
    return "\n".join(lines) + "\n"

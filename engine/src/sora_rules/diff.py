"""Policy differences between two gemeenten at a peildatum (`sora-rules diff A B`).

Per regeling id: only in A, only in B, or in both — then what differs: parameter
values (each side with value, source, status and file), conditions present on
one side only or with a different `als` or source, the amount spec, the income
test, the calculation kind, name and legal basis. Parameters are compared by
value: the same value with another source (each gemeente citing its own
verordening) is not a policy difference. Texts of reasons are wording, not
policy, and are not compared. Pure: a `Regelset` in, plain data out.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from .listing import (
    afhankelijke_parameters,
    als_tekst,
    bedrag_tekst,
    beleid_van,
    bron_dict,
    bron_tekst,
    invulling,
    to_json,
    waarde_tekst,
)
from .model import Beleid, Regeling, Regelset

__all__ = ["UITKOMSTEN", "diff", "render_diff", "to_json"]

UITKOMSTEN = ("alleen_in_a", "alleen_in_b", "verschillend", "gelijk")


def _param_kant(pol: Beleid, pid: str, dag: date) -> dict[str, Any] | None:
    p = pol.parameters.get(pid)
    if p is None:
        return None
    w = p.op(dag)
    return {
        "waarde": None if w is None else w.waarde,
        "waarde_tekst": "geen waarde op de peildatum" if w is None
        else waarde_tekst(w.waarde, p.eenheid),
        "vanaf": None if w is None else w.vanaf.isoformat(),
        "bron": None if w is None else w.bron,
        "status": None if w is None else w.status,
        "reden": None if w is None else w.reden,
        "bestand": p.bestand, "pakket": p.pakket, "invulling": invulling(p),
    }


def _parameter_verschillen(ra: Regeling, rb: Regeling, a: Beleid, b: Beleid, regelset: Regelset,
                           dag: date) -> list[dict[str, Any]]:
    ids = set(afhankelijke_parameters(ra, a, regelset)) | set(
        afhankelijke_parameters(rb, b, regelset))
    result = []
    for pid in sorted(ids):
        ka, kb = _param_kant(a, pid, dag), _param_kant(b, pid, dag)
        if (ka is None) != (kb is None) or (ka and kb and ka["waarde"] != kb["waarde"]):
            p = a.parameters.get(pid) or b.parameters[pid]
            result.append({"soort": "parameter", "id": pid, "beschrijving": p.beschrijving,
                           "eenheid": p.eenheid, "a": ka, "b": kb})
    return result


def _regel_verschillen(soort: str, va: dict[str, Any], vb: dict[str, Any]
                       ) -> list[dict[str, Any]]:
    """Conditions (or signaleringen) by rule id: on one side only, or different als/bron."""
    result = []
    for regel in sorted(set(va) | set(vb)):
        x, y = va.get(regel), vb.get(regel)
        if x is not None and y is not None and x["als"] == y["als"] and x["bron"] == y["bron"]:
            continue
        anders = [] if x is None or y is None else [
            k for k in ("als", "bron") if x[k] != y[k]]
        result.append({"soort": soort, "id": regel, "anders": anders, "a": x, "b": y})
    return result


def _voorwaarden(r: Regeling) -> dict[str, dict[str, Any]]:
    return {v.regel: {"als": v.als, "bron": bron_dict(v.bron), "bestand": v.bestand,
                      "plaats": v.plaats} for v in r.voorwaarden}


def _signaleringen(r: Regeling) -> dict[str, dict[str, Any]]:
    return {s.regel: {"als": s.als, "bron": bron_dict(s.bron), "bestand": r.bestand,
                      "plaats": r.plaats} for s in r.signaleringen}


def _toets(r: Regeling) -> dict[str, Any] | None:
    t = r.inkomenstoets
    if t is None:
        return None
    return {"percentage": t.percentage,
            "norm": "met_kostendelersnorm" if t.kostendelersnorm else "zonder_kostendelersnorm",
            "vakantietoeslag": "inclusief" if t.vakantietoeslag else "exclusief"}


def _kenmerken(ra: Regeling, rb: Regeling) -> list[dict[str, Any]]:
    paren: list[tuple[str, Any, Any]] = [
        ("naam", ra.naam, rb.naam),
        ("pakket", ra.pakket, rb.pakket),
        ("grondslag", bron_dict(ra.grondslag), bron_dict(rb.grondslag)),
        ("berekening", ra.berekening, rb.berekening),
        ("bedrag", ra.bedrag, rb.bedrag),
        ("inkomenstoets", _toets(ra), _toets(rb)),
    ]
    return [{"soort": veld, "id": veld, "a": x, "b": y} for veld, x, y in paren if x != y]


def _kant(r: Regeling) -> dict[str, Any]:
    return {"naam": r.naam, "pakket": r.pakket, "bestand": r.bestand, "plaats": r.plaats,
            "grondslag": bron_dict(r.grondslag), "geldig_vanaf": r.geldig_vanaf.isoformat(),
            "geldig_tot": r.geldig_tot.isoformat() if r.geldig_tot else None}


def diff(regelset: Regelset, slug_a: str, slug_b: str, dag: date) -> dict[str, Any]:
    """The policy differences between gemeenten `slug_a` and `slug_b` on `dag`."""
    a, b = beleid_van(regelset, slug_a), beleid_van(regelset, slug_b)
    op_a, op_b = a.regelingen_op(dag), b.regelingen_op(dag)
    regelingen = []
    for rid in sorted(set(op_a) | set(op_b)):
        ra, rb = op_a.get(rid), op_b.get(rid)
        eerste = ra if ra is not None else rb
        assert eerste is not None
        item: dict[str, Any] = {
            "id": rid, "naam": eerste.naam,
            "a": _kant(ra) if ra else None, "b": _kant(rb) if rb else None,
            "uitgeschakeld_in": ("a" if rid in a.uitgeschakeld else
                                 "b" if rid in b.uitgeschakeld else None),
            "verschillen": [],
        }
        if ra is None:
            item["uitkomst"] = "alleen_in_b"
        elif rb is None:
            item["uitkomst"] = "alleen_in_a"
        else:
            verschillen = (_kenmerken(ra, rb)
                           + _regel_verschillen("voorwaarde", _voorwaarden(ra), _voorwaarden(rb))
                           + _regel_verschillen("signalering", _signaleringen(ra),
                                                _signaleringen(rb))
                           + _parameter_verschillen(ra, rb, a, b, regelset, dag))
            item["verschillen"] = verschillen
            item["uitkomst"] = "verschillend" if verschillen else "gelijk"
        regelingen.append(item)
    return {
        "peildatum": dag.isoformat(),
        "a": _gemeente(a), "b": _gemeente(b),
        "samenvatting": {u: sum(1 for r in regelingen if r["uitkomst"] == u) for u in UITKOMSTEN},
        "regelingen": regelingen,
    }


def _gemeente(pol: Beleid) -> dict[str, str]:
    g = pol.gemeente
    return {"slug": g.slug, "naam": g.naam, "bestand": g.bestand}


# ----------------------------------------------------------------------- rendering


def _pakket(pakket: str) -> str:
    return "pluspakket" if pakket == "plus" else "basispakket"


def _kenmerk_tekst(soort: str, waarde: Any) -> str:
    if waarde is None or waarde == {}:
        return "geen"
    if soort == "grondslag":
        return bron_tekst(waarde)
    if soort == "bedrag":
        return "; ".join(f"{k.replace('_', ' ')}: {bedrag_tekst(v)}" for k, v in waarde.items())
    if soort == "inkomenstoets":
        return (f"{waarde['percentage']}, {waarde['norm'].replace('_', ' ')}, "
                f"{waarde['vakantietoeslag']} vakantietoeslag")
    return als_tekst(waarde)


def _param_tekst(k: dict[str, Any] | None) -> str:
    if k is None:
        return "geen (parameter ontbreekt)"
    soort = {"gemeente": "open norm, ingevuld door de gemeente",
             "standaard": "open norm, standaard basispakket"}.get(k["invulling"] or "",
                                                                  _pakket(k["pakket"]))
    delen = [k["waarde_tekst"]]
    if k["vanaf"]:
        delen.append(f"vanaf {k['vanaf']}")
    if k["status"]:
        delen.append(k["status"])
    tekst = "; ".join(delen)
    if k["bron"]:
        tekst += f" — bron: {k['bron']}"
    return f"{tekst} — {k['bestand']} ({soort})"


def render_diff(data: dict[str, Any]) -> str:
    a, b = data["a"], data["b"]
    na, nb = a["naam"], b["naam"]
    s = data["samenvatting"]
    breed = max(len(a["slug"]), len(b["slug"]))
    lines = [
        f"Verschillen {na} ({a['slug']}) en {nb} ({b['slug']}) op {data['peildatum']}",
        f"{s['alleen_in_a']} alleen in {na}, {s['alleen_in_b']} alleen in {nb}, "
        f"{s['verschillend']} verschillend, {s['gelijk']} gelijk",
    ]
    per = {u: [r for r in data["regelingen"] if r["uitkomst"] == u] for u in
           ("alleen_in_a", "alleen_in_b", "verschillend", "gelijk")}
    for uitkomst, kant, naam in (("alleen_in_a", "a", na), ("alleen_in_b", "b", nb)):
        if not per[uitkomst]:
            continue
        lines += ["", f"Alleen in {naam}:"]
        for r in per[uitkomst]:
            k = r[kant]
            extra = ""
            if r["uitgeschakeld_in"]:
                weg = nb if r["uitgeschakeld_in"] == "b" else na
                extra = f"; uitgeschakeld door {weg}"
            lines.append(f"  - {r['id']}: {k['naam']} ({_pakket(k['pakket'])}, "
                         f"{k['bestand']}; {bron_tekst(k['grondslag'])}{extra})")
    if per["verschillend"]:
        lines += ["", "Verschillend:"]
        for r in per["verschillend"]:
            lines.append(f"  {r['id']}: {r['naam']}")
            for v in r["verschillen"]:
                lines += _verschil_regels(v, a["slug"], b["slug"], breed)
    if per["gelijk"]:
        ids = ", ".join(r["id"] for r in per["gelijk"])
        lines += ["", f"Gelijk in beide ({len(per['gelijk'])}): {ids}"]
    return "\n".join(lines) + "\n"


def _verschil_regels(v: dict[str, Any], sa: str, sb: str, breed: int) -> list[str]:
    soort = v["soort"]
    if soort == "parameter":
        return [f"    parameter {v['id']} ({v['beschrijving']}):",
                f"      {sa:<{breed}}: {_param_tekst(v['a'])}",
                f"      {sb:<{breed}}: {_param_tekst(v['b'])}"]
    if soort in ("voorwaarde", "signalering"):
        x, y = v["a"], v["b"]
        if x is None or y is None:
            wie, k = (sa, x) if y is None else (sb, y)
            return [f"    {soort} {v['id']} alleen in {wie}: {als_tekst(k['als'])} "
                    f"({bron_tekst(k['bron'])}; {k['plaats'] or k['bestand']})"]
        regels = [f"    {soort} {v['id']} anders ({' en '.join(v['anders'])}):"]
        for slug, k in ((sa, x), (sb, y)):
            regels.append(f"      {slug:<{breed}}: {als_tekst(k['als'])} "
                          f"({bron_tekst(k['bron'])}; {k['plaats'] or k['bestand']})")
        return regels
    return [f"    {soort} anders:",
            f"      {sa:<{breed}}: {_kenmerk_tekst(soort, v['a'])}",
            f"      {sb:<{breed}}: {_kenmerk_tekst(soort, v['b'])}"]

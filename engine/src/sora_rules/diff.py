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

from .expressie import naar_yaml
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
from .teksten import Teksten, standaard_teksten

__all__ = ["UITKOMSTEN", "diff", "render_diff", "to_json"]

UITKOMSTEN = ("alleen_in_a", "alleen_in_b", "verschillend", "gelijk")


def _param_kant(pol: Beleid, pid: str, dag: date, t: Teksten) -> dict[str, Any] | None:
    p = pol.parameters.get(pid)
    if p is None:
        return None
    w = p.op(dag)
    return {
        "waarde": None if w is None else w.waarde,
        "waarde_tekst": t.tekst("waarde.geen_op_peildatum") if w is None
        else waarde_tekst(w.waarde, p.eenheid, t),
        "vanaf": None if w is None else w.vanaf.isoformat(),
        "bron": None if w is None else w.bron,
        "status": None if w is None else w.status,
        "reden": None if w is None else w.reden,
        "bestand": p.bestand, "pakket": p.pakket, "invulling": invulling(p),
    }


def _parameter_verschillen(ra: Regeling, rb: Regeling, a: Beleid, b: Beleid, regelset: Regelset,
                           dag: date, t: Teksten) -> list[dict[str, Any]]:
    ids = set(afhankelijke_parameters(ra, a, regelset)) | set(
        afhankelijke_parameters(rb, b, regelset))
    result = []
    for pid in sorted(ids):
        ka, kb = _param_kant(a, pid, dag, t), _param_kant(b, pid, dag, t)
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
    return {v.regel: {"als": naar_yaml(v.als), "bron": bron_dict(v.bron), "bestand": v.bestand,
                      "plaats": v.plaats} for v in r.voorwaarden}


def _signaleringen(r: Regeling) -> dict[str, dict[str, Any]]:
    return {s.regel: {"als": naar_yaml(s.als), "bron": bron_dict(s.bron), "bestand": r.bestand,
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


def diff(regelset: Regelset, slug_a: str, slug_b: str, dag: date,
         teksten: Teksten | None = None) -> dict[str, Any]:
    """The policy differences between gemeenten `slug_a` and `slug_b` on `dag`."""
    t = teksten if teksten is not None else standaard_teksten()
    a, b = beleid_van(regelset, slug_a, t), beleid_van(regelset, slug_b, t)
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
                           + _parameter_verschillen(ra, rb, a, b, regelset, dag, t))
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


def _kenmerk_tekst(soort: str, waarde: Any, t: Teksten) -> str:
    if waarde is None or waarde == {}:
        return t.tekst("diff.geen")
    if soort == "grondslag":
        return bron_tekst(waarde)
    if soort == "bedrag":
        return "; ".join(f"{k.replace('_', ' ')}: {bedrag_tekst(v, t)}"
                         for k, v in waarde.items())
    if soort == "inkomenstoets":
        return t.tekst("diff.toets", percentage=waarde["percentage"],
                       norm=t.woord("inkomenstoets", waarde["norm"]),
                       vakantietoeslag=t.woord("inkomenstoets", waarde["vakantietoeslag"]))
    return als_tekst(waarde)


def _param_tekst(k: dict[str, Any] | None, t: Teksten) -> str:
    if k is None:
        return t.tekst("diff.param_ontbreekt")
    soort = {"gemeente": t.tekst("diff.param_open_gemeente"),
             "standaard": t.tekst("diff.param_open_standaard")}.get(
        k["invulling"] or "", t.woord("pakket", k["pakket"]))
    delen = [k["waarde_tekst"]]
    if k["vanaf"]:
        delen.append(t.tekst("diff.param_vanaf", vanaf=k["vanaf"]))
    if k["status"]:
        delen.append(k["status"])
    tekst = "; ".join(delen)
    if k["bron"]:
        tekst = t.tekst("diff.param_bron", tekst=tekst, bron=k["bron"])
    return t.tekst("diff.param_regel", tekst=tekst, bestand=k["bestand"], soort=soort)


def render_diff(data: dict[str, Any], teksten: Teksten | None = None) -> str:
    t = teksten if teksten is not None else standaard_teksten()
    a, b = data["a"], data["b"]
    na, nb = a["naam"], b["naam"]
    s = data["samenvatting"]
    lines = [
        t.tekst("diff.kop", a=na, slug_a=a["slug"], b=nb, slug_b=b["slug"],
                peildatum=data["peildatum"]),
        t.tekst("diff.telling", alleen_a=s["alleen_in_a"], a=na, alleen_b=s["alleen_in_b"],
                b=nb, verschillend=s["verschillend"], gelijk=s["gelijk"]),
    ]
    per = {u: [r for r in data["regelingen"] if r["uitkomst"] == u] for u in UITKOMSTEN}
    for uitkomst, kant, naam in (("alleen_in_a", "a", na), ("alleen_in_b", "b", nb)):
        if per[uitkomst]:
            lines += ["", t.tekst("diff.alleen_in", naam=naam)]
            lines += [_alleen_regel(r, kant, na, nb, t) for r in per[uitkomst]]
    if per["verschillend"]:
        lines += ["", t.tekst("diff.verschillend")]
        breed = max(len(a["slug"]), len(b["slug"]))
        for r in per["verschillend"]:
            lines.append(f"  {r['id']}: {r['naam']}")
            for v in r["verschillen"]:
                lines += _verschil_regels(v, a["slug"], b["slug"], breed, t)
    if per["gelijk"]:
        ids = ", ".join(r["id"] for r in per["gelijk"])
        lines += ["", t.tekst("diff.gelijk", aantal=len(per["gelijk"]), lijst=ids)]
    return "\n".join(lines) + "\n"


def _alleen_regel(r: dict[str, Any], kant: str, na: str, nb: str, t: Teksten) -> str:
    k = r[kant]
    extra = ""
    if r["uitgeschakeld_in"]:
        extra = t.tekst("diff.uitgeschakeld", naam=nb if r["uitgeschakeld_in"] == "b" else na)
    return "  " + t.tekst("diff.regeling", id=r["id"], naam=k["naam"],
                          pakket=t.woord("pakket", k["pakket"]), bestand=k["bestand"],
                          bron=bron_tekst(k["grondslag"]), extra=extra)


def _verschil_regels(v: dict[str, Any], sa: str, sb: str, breed: int, t: Teksten) -> list[str]:
    soort = v["soort"]
    if soort == "parameter":
        return ["    " + t.tekst("diff.parameter", id=v["id"], beschrijving=v["beschrijving"]),
                f"      {sa:<{breed}}: {_param_tekst(v['a'], t)}",
                f"      {sb:<{breed}}: {_param_tekst(v['b'], t)}"]
    if soort in ("voorwaarde", "signalering"):
        x, y = v["a"], v["b"]
        if x is None or y is None:
            wie, k = (sa, x) if y is None else (sb, y)
            return ["    " + t.tekst("diff.regel_alleen", soort=soort, id=v["id"], wie=wie,
                                     als=als_tekst(k["als"]), bron=bron_tekst(k["bron"]),
                                     plaats=k["plaats"] or k["bestand"])]
        regels = ["    " + t.tekst("diff.regel_anders", soort=soort, id=v["id"],
                                   wat=t.tekst("diff.en").join(v["anders"]))]
        for slug, k in ((sa, x), (sb, y)):
            regels.append(f"      {slug:<{breed}}: {als_tekst(k['als'])} "
                          f"({bron_tekst(k['bron'])}; {k['plaats'] or k['bestand']})")
        return regels
    return ["    " + t.tekst("diff.kenmerk_anders", soort=soort),
            f"      {sa:<{breed}}: {_kenmerk_tekst(soort, v['a'], t)}",
            f"      {sb:<{breed}}: {_kenmerk_tekst(soort, v['b'], t)}"]

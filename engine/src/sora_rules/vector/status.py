"""How absences combine, the way `Ontbreekt` travels through the scalar engine.

An arithmetic operation (`Bewerking`) computes all its parts and names every missing
path; a comparison or `alle`/`een_van` stops at the first part that raises. Per row we
keep whether a value was computed (`ok`) and, where not, whether paths were named
(`benoemd`): an empty `Ontbreekt` (a fact that does not apply) names none.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from .kolom import Kolom, Masker, lengte, vol


def alle(delen: Sequence[Kolom]) -> tuple[Masker, Masker]:
    """(ok, benoemd) of an operation over all parts: ok where every part is; named where a
    failing part names paths (expressie._alle collects them all)."""
    falend = [k for k in delen if k.ok is not None]
    if not falend:
        return None, None
    ok: Masker = falend[0].ok
    for k in falend[1:]:
        ok = ok & k.ok
    if all(k.benoemd is None for k in falend):
        return ok, None
    n = lengte(*delen)
    benoemd = np.zeros(n, dtype=bool)
    for k in falend:
        benoemd |= ~vol(k.ok, n) & vol(k.benoemd, n)
    return ok, benoemd


def eerste(delen: Sequence[Kolom]) -> tuple[Masker, Masker]:
    """(ok, benoemd) when the parts are computed in order and the first absence stops it."""
    ok: Masker = None
    benoemd: Masker = None
    n = lengte(*delen)
    for k in delen:
        if k.ok is None:
            continue
        if ok is None:
            ok, benoemd = k.ok, k.benoemd
            continue
        if k.benoemd is not None or benoemd is not None:
            benoemd = np.where(ok, vol(k.benoemd, n), vol(benoemd, n))
        ok = ok & k.ok
    return ok, benoemd


def kies(h: np.ndarray, c: Kolom, dan: Kolom, anders: Kolom) -> tuple[Masker, Masker]:
    """(ok, benoemd) of a choice: the condition's absence first, then the chosen branch's."""
    if c.ok is None and dan.ok is None and anders.ok is None:
        return None, None
    n = lengte(c, dan, anders)
    tak_ok = _per_tak(h, dan.ok, anders.ok, n)
    ok = tak_ok if c.ok is None else vol(c.ok, n) & tak_ok
    if c.benoemd is None and dan.benoemd is None and anders.benoemd is None:
        return ok, None
    tak = _per_tak(h, dan.benoemd, anders.benoemd, n)
    return ok, tak if c.ok is None else _per_tak(vol(c.ok, n), tak, c.benoemd, n)


def _per_tak(h: np.ndarray, a: Masker, b: Masker, n: int) -> np.ndarray:
    """Per row mask a where h holds, else b (None: true), as n booleans; one operation
    when a side is None, where np.where would first need a column of ones for it."""
    if a is None and b is None:
        return vol(None, n)
    if a is None:
        uit = np.logical_or(h, b)
    elif b is None:
        uit = np.logical_or(a, np.logical_not(h))
    else:
        uit = np.where(h, a, b)
    return np.broadcast_to(uit, (n,)) if np.ndim(uit) == 0 else uit

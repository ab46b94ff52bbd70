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
    tak_ok = np.where(h, vol(dan.ok, n), vol(anders.ok, n))
    ok = tak_ok if c.ok is None else vol(c.ok, n) & tak_ok
    if c.benoemd is None and dan.benoemd is None and anders.benoemd is None:
        return ok, None
    tak = np.where(h, vol(dan.benoemd, n), vol(anders.benoemd, n))
    return ok, np.where(vol(c.ok, n), tak, vol(c.benoemd, n))

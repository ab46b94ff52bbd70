"""The norm category and the norm's quantities of every household of a group.

engine.py fires one rule per category (when every fact the category and its exceptions
read is there and the category's `als` holds) and lets Normbepaling.kies choose among the
fired ones (base and exceptions, as in Catala). Here each category is one condition over
the columns and `kies` is the same choice on boolean matrices. Then the quantities of
normbepaling.yaml (`berekening.grootheden`) become the stage-2 facts, as in Engine._norm.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from ..model import Categorie, Normbepaling
from .kolom import Kolom, vol
from .omgeving import Rijen


@dataclass
class Norm:
    """Per household: the category (-1: none), and what the norm makes known."""

    categorie: np.ndarray
    categorie_mist: np.ndarray  # a category fact is missing (named): engine's categorie_missing
    bestaat: np.ndarray  # run.norm is there (a category was selected)
    volledig: np.ndarray  # the norm itself was computed
    ontbreekt_benoemd: np.ndarray  # … not, and that names paths
    aanwezig: dict[str, np.ndarray] = field(default_factory=dict)  # stage-2 facts known
    in_per_grootheid: dict[str, np.ndarray] = field(default_factory=dict)
    per_grootheid_benoemd: dict[str, np.ndarray] = field(default_factory=dict)


def _gelezen(rijen: Rijen, cond: object) -> np.ndarray:
    """Every fact (and parameter per leefvorm) a condition reads is there."""
    feiten, params = rijen.periode.refs(cond)
    n = rijen.n
    ok = np.ones(n, dtype=bool)
    for f in feiten | (params & rijen.feiten.keys()):
        k = rijen.feiten.get(f)
        ok &= vol(None, n) if k is not None and k.ok is None else (
            vol(k.ok, n) if k is not None else np.zeros(n, dtype=bool))
    return ok


def kies_categorie(nb: Normbepaling, rijen: Rijen, gebruikt: np.ndarray) -> np.ndarray:
    """Normbepaling.kies on columns: the category index per household, -1 for none."""
    env = rijen.omgeving()
    cats = nb.categorieen
    n = rijen.n
    gevuurd = np.zeros((len(cats), n), dtype=bool)
    for j, c in enumerate(cats):
        bewaakt = _gelezen(rijen, c.als)
        for e in nb.uitzonderingen(c):
            bewaakt &= _gelezen(rijen, e.als)
        geldt = np.broadcast_to(rijen.periode.vertaler.conditie(c.als)(env).data, (n,))
        gevuurd[j] = bewaakt & geldt & gebruikt
    index = {c.id: j for j, c in enumerate(cats)}
    in_scope: dict[int, np.ndarray] = {}
    kandidaat = np.array([_scope(j, cats, index, gevuurd, in_scope)
                          for j in range(len(cats))]).reshape(len(cats), n)
    gekozen = kandidaat.copy()
    for j, c in enumerate(cats):
        for basis in c.uitzondering_op:
            if basis in index:
                gekozen[index[basis]] &= ~kandidaat[j]
    heeft = gekozen.any(axis=0)
    return np.where(heeft, np.argmax(gekozen, axis=0), -1)


def _scope(j: int, cats: Sequence[Categorie], index: dict[str, int], gevuurd: np.ndarray,
           in_scope: dict[int, np.ndarray]) -> np.ndarray:
    """Where category `j` fired and is in scope: an exception only where its base is (a
    plain function, not a closure calling itself, which would be a reference cycle)."""
    if j not in in_scope:
        bases = [index[b] for b in cats[j].uitzondering_op if b in index]
        s = gevuurd[j].copy()
        if cats[j].uitzondering_op:
            s &= np.logical_or.reduce([_scope(b, cats, index, gevuurd, in_scope)
                                       for b in bases]) if bases else False
        in_scope[j] = s
    return in_scope[j]


def categorie_mist(nb: Normbepaling, rijen: Rijen) -> np.ndarray:
    """A fact of some category's condition is missing and named (engine's
    `_categorie_ontbrekend`: then no category is no refusal but a question)."""
    feiten = set().union(*(rijen.periode.refs(c.als)[0] for c in nb.categorieen))
    mist = np.zeros(rijen.n, dtype=bool)
    for f in feiten:
        k = rijen.feiten.get(f)
        if k is not None and k.ok is not None:
            mist |= ~k.ok & vol(k.benoemd, rijen.n)
    return mist


def bereken_norm(nb: Normbepaling, rijen: Rijen, gebruikt: np.ndarray) -> Norm:
    """Category, then the norm's stage-2 quantities (Engine._tussen and Engine._norm)."""
    cat = kies_categorie(nb, rijen, gebruikt)
    rijen.categorie = cat
    env = rijen.omgeving()
    n = rijen.n
    bestaat = cat >= 0
    uitleg = env.grootheid(nb.berekening.uitleg)
    ok = vol(uitleg.ok, n)
    norm = Norm(cat, categorie_mist(nb, rijen), bestaat, bestaat & ok,
                bestaat & ~ok & vol(uitleg.benoemd, n))
    for gid in nb.berekening.grootheden:
        k: Kolom = env.grootheid(gid)
        g_ok = vol(k.ok, n)
        norm.aanwezig[gid] = norm.volledig & g_ok
        norm.in_per_grootheid[gid] = norm.volledig & ~g_ok
        norm.per_grootheid_benoemd[gid] = norm.volledig & ~g_ok & vol(k.benoemd, n)
    return norm

"""A copy of the packaged rules (rules/, gemeenten/, optionally specs/) that a test may change."""

from __future__ import annotations

import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def kopieer_regels(doel: Path, mappen: tuple[str, ...] = ("rules", "gemeenten")) -> Path:
    """Copy `mappen` of the repository to `doel` and return `doel` (a rules root)."""
    for map_ in mappen:
        shutil.copytree(ROOT / map_, doel / map_)
    return doel

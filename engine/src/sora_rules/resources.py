"""Where the data files (rules, overlays, schemas) live.

Installed from a wheel, the build copies `rules/`, `gemeenten/` and `specs/` into
`sora_rules/_data/`; in a source checkout they sit at the repository root. These
helpers hide that difference from the rest of the package.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent
_PACKAGED_DATA = _PACKAGE_DIR / "_data"
# engine/src/sora_rules/resources.py -> parents: sora_rules, src, engine, <repo root>
_CHECKOUT_ROOT = _PACKAGE_DIR.parents[2]


def data_root() -> Path:
    """The directory that contains `rules/`, `gemeenten/` and `specs/`.

    The packaged `_data` directory when it exists, otherwise the repository root.
    """
    if _PACKAGED_DATA.is_dir():
        return _PACKAGED_DATA
    return _CHECKOUT_ROOT


def schema_path(name: str) -> Path:
    """Path of the JSON Schema `name` (e.g. `case.schema.json`) under `specs/`."""
    packaged = _PACKAGED_DATA / "specs" / name
    if packaged.exists():
        return packaged
    return _CHECKOUT_ROOT / "specs" / name

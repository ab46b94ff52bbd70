"""Dutch scenarios on validation: an advisor's mistake gives the right `file:line` message.

Feature: specs/features/validatie.feature. Each scenario copies the repository's rules/ and
gemeenten/ to a temporary directory, makes one mistake there, and validates the copy with
`sora_rules.policy.load_regelset` (or the `sora-rules validate` command). The expected line
is found in the changed file by searching for a text the scenario names, so the scenarios
stay right when the rule files above the mistake change. Only the file and the line are
compared, and a fragment of the Dutch message; the column is not.

After validation, the shared steps (tests/conftest.py) can evaluate a case with an engine
over the changed copy.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from pytest_bdd import given, parsers, scenarios, then, when

scenarios("validatie.feature")

ROOT = Path(__file__).resolve().parents[1]

# `file:line:col` (the column is optional here); the file part is taken up to the last
# two numeric parts, so a path with ':' still parses.
PLAATS = re.compile(r"^(?P<bestand>.+?):(?P<regel>\d+)(?::(?P<kolom>\d+))?$")
UITVOER = re.compile(r"^(?P<bestand>.+?):(?P<regel>\d+):(?P<kolom>\d+): (?P<bericht>.+)$")


# --------------------------------------------------------------------------- helpers


def _bestand(ctx, pad: str):
    root = ctx.get("regels_kopie")
    assert root is not None, "eerst 'Gegeven een kopie van de regels en overlays van de regio'"
    bestand = root / pad
    assert bestand.is_file(), f"{pad} bestaat niet in de kopie"
    return bestand


def regel_met(ctx, pad: str, tekst: str) -> int:
    """The 1-based number of the first line in the (changed) file that contains `tekst`."""
    regels = _bestand(ctx, pad).read_text(encoding="utf-8").splitlines()
    for nummer, regel in enumerate(regels, start=1):
        if tekst in regel:
            return nummer
    pytest.fail(f"geen regel met {tekst!r} in {pad}")


def _lijst(meldingen: list[tuple[str, int | None, str]]) -> str:
    return "\n".join(f"  {b}:{r}: {m}" for b, r, m in meldingen) or "  (geen meldingen)"


def _zelfde_bestand(gemeld: str, pad: str) -> bool:
    """The file in a message is relative to the rules root, or a full path ending in it."""
    gemeld = gemeld.replace("\\", "/")
    return gemeld == pad or gemeld.endswith("/" + pad)


def _verwacht_melding(ctx, meldingen, pad: str, anker: str, fragment: str) -> None:
    regel = regel_met(ctx, pad, anker)
    gevonden = [m for m in meldingen
                if _zelfde_bestand(m[0], pad) and m[1] == regel and fragment in m[2]]
    assert gevonden, (
        f"verwacht een melding in {pad} op regel {regel} (de regel met {anker!r}) "
        f"met {fragment!r}; gemeld:\n{_lijst(meldingen)}"
    )


# --------------------------------------------------------------------------- Gegeven


@given("een kopie van de regels en overlays van de regio")
def kopie_van_de_regels(ctx, tmp_path):
    root = tmp_path / "regels"
    for map_ in ("rules", "gemeenten"):
        shutil.copytree(ROOT / map_, root / map_)
    ctx["regels_kopie"] = root
    ctx["engine"] = None


@given(parsers.parse('in "{pad}" staat "{nieuw}" in plaats van de eerste "{oud}"'))
def vervang(ctx, pad, nieuw, oud):
    bestand = _bestand(ctx, pad)
    tekst = bestand.read_text(encoding="utf-8")
    assert oud in tekst, f"{oud!r} komt niet voor in {pad}"
    bestand.write_text(tekst.replace(oud, nieuw, 1), encoding="utf-8")


def _inspringen(tekst: str, spaties: int) -> str:
    """Indent the (dedented) doc string of a step by `spaties` spaces."""
    voor = " " * spaties
    return "".join(voor + r if r.strip() else r for r in tekst.rstrip("\n").splitlines(True)) + "\n"


def _inspringing(regel: str) -> int:
    return len(regel) - len(regel.lstrip(" "))


@given(parsers.parse('in "{pad}" wordt na de regel met "{anker}" ingevoegd:'))
def voeg_in_na(ctx, pad, anker, docstring):
    """Insert the doc string after the first line with `anker`, indented like the next
    line with content (a new key among the keys that follow)."""
    bestand = _bestand(ctx, pad)
    regels = bestand.read_text(encoding="utf-8").splitlines(keepends=True)
    nummer = regel_met(ctx, pad, anker)
    volgende = [r for r in regels[nummer:] if r.strip() and not r.lstrip().startswith("#")]
    spaties = _inspringing(volgende[0]) if volgende else 0
    regels.insert(nummer, _inspringen(docstring, spaties))
    bestand.write_text("".join(regels), encoding="utf-8")


@given(parsers.parse('aan "{pad}" wordt toegevoegd:'))
def voeg_toe(ctx, pad, docstring):
    """Append top-level keys to the end of the file."""
    bestand = _bestand(ctx, pad)
    tekst = bestand.read_text(encoding="utf-8")
    if not tekst.endswith("\n"):
        tekst += "\n"
    bestand.write_text(tekst + _inspringen(docstring, 0), encoding="utf-8")


@given(parsers.parse('aan de regelingen in "{pad}" wordt toegevoegd:'))
def voeg_regeling_toe(ctx, pad, docstring):
    """Append an item to the overlay's `regelingen` list (its last top-level key)."""
    bestand = _bestand(ctx, pad)
    regels = bestand.read_text(encoding="utf-8").splitlines(keepends=True)
    top = [i for i, r in enumerate(regels) if r[:1].isalpha()]
    assert top and regels[top[-1]].startswith("regelingen:"), (
        f"'regelingen:' is niet de laatste sleutel in {pad}"
    )
    items = [r for r in regels[top[-1] + 1:] if r.lstrip().startswith("- ")]
    assert items, f"geen regelingen in {pad}"
    tekst = "".join(regels)
    if not tekst.endswith("\n"):
        tekst += "\n"
    bestand.write_text(tekst + _inspringen(docstring, _inspringing(items[0])), encoding="utf-8")


# --------------------------------------------------------------------------- Als


@when("de regels worden gevalideerd")
def valideer(ctx):
    from sora_rules.policy import RegelsetFout, load_regelset

    root = ctx["regels_kopie"]
    ctx["engine"] = None  # an engine over the copy is made after validation, if needed
    try:
        load_regelset(root)
    except RegelsetFout as fout:
        meldingen = []
        for melding in fout.meldingen:
            m = PLAATS.match(melding.plaats)
            if m:
                meldingen.append((m["bestand"], int(m["regel"]), melding.bericht))
            else:
                meldingen.append((melding.plaats, None, melding.bericht))
        ctx["meldingen"] = meldingen
    else:
        ctx["meldingen"] = []


@when('"sora-rules validate" de kopie controleert')
def valideer_opdrachtregel(ctx):
    env = {**os.environ, "PYTHONPATH": str(ROOT / "engine" / "src")}
    ctx["uitvoer"] = subprocess.run(
        [sys.executable, "-m", "sora_rules", "validate", str(ctx["regels_kopie"])],
        capture_output=True, text=True, encoding="utf-8", env=env, cwd=ROOT, timeout=120,
    )


# --------------------------------------------------------------------------- Dan


@then("is de validatie geslaagd")
def validatie_geslaagd(ctx):
    meldingen = ctx.get("meldingen")
    assert meldingen is not None, "eerst 'Als de regels worden gevalideerd'"
    assert not meldingen, f"verwacht geen meldingen; gemeld:\n{_lijst(meldingen)}"


@then(parsers.parse(
    'meldt de validatie in "{pad}" op de regel met "{anker}" een fout met "{fragment}"'))
def validatie_meldt(ctx, pad, anker, fragment):
    meldingen = ctx.get("meldingen")
    assert meldingen is not None, "eerst 'Als de regels worden gevalideerd'"
    _verwacht_melding(ctx, meldingen, pad, anker, fragment)


@then(parsers.parse("eindigt de controle met code {code:d}"))
def controle_code(ctx, code):
    uitvoer = ctx["uitvoer"]
    assert uitvoer.returncode == code, (
        f"exit {uitvoer.returncode}\nstdout:\n{uitvoer.stdout}\nstderr:\n{uitvoer.stderr}"
    )
    assert "Traceback" not in uitvoer.stdout + uitvoer.stderr


@then(parsers.parse(
    'toont de controle in "{pad}" op de regel met "{anker}" een fout met "{fragment}"'))
def controle_toont(ctx, pad, anker, fragment):
    uitvoer = ctx["uitvoer"]
    meldingen = []
    for regel in (uitvoer.stdout + uitvoer.stderr).splitlines():
        m = UITVOER.match(regel.strip())
        if m:
            meldingen.append((m["bestand"], int(m["regel"]), m["bericht"]))
    _verwacht_melding(ctx, meldingen, pad, anker, fragment)

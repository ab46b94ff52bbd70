"""Exceptions (`uitzondering_op`) and the proof that exactly one norm category holds.

Each test copies rules/ and gemeenten/, changes rules/participatiewet/normbepaling.yaml and
validates the copy: an overlap names both categories and an example household at the
second category's `file:line:col`, a gap names a household, and a wrong exception is a
load-time finding.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from sora_rules.dekking import bewijs_precies_een
from sora_rules.policy import RegelsetFout, load_regelset
from sora_rules.resources import data_root

ROOT = Path(__file__).resolve().parents[1]
NORMBEPALING = "rules/participatiewet/normbepaling.yaml"
DUBBEL = '''  - id: alleenstaande_dubbel  # overlapt
    norm: pw.norm.alleenstaande
    als: {feit: partner.aanwezig, is: false}
    bron: {regeling: Participatiewet, artikel: "21 onder a"}
    tekst: "Dubbel."
'''


def _kopie(tmp_path: Path, oud: str, nieuw: str) -> Path:
    root = tmp_path / "regels"
    for map_ in ("rules", "gemeenten"):
        shutil.copytree(ROOT / map_, root / map_)
    bestand = root / NORMBEPALING
    tekst = bestand.read_text(encoding="utf-8")
    assert oud in tekst
    bestand.write_text(tekst.replace(oud, nieuw, 1), encoding="utf-8")
    return root


def _regel(root: Path, tekst: str) -> int:
    regels = (root / NORMBEPALING).read_text(encoding="utf-8").splitlines()
    return next(i for i, r in enumerate(regels, start=1) if tekst in r)


def test_de_echte_regels_hebben_precies_een_categorie() -> None:
    assert bewijs_precies_een(load_regelset(data_root())) == []


def test_overlap_noemt_beide_categorieen_en_een_huishouden(tmp_path: Path) -> None:
    root = _kopie(tmp_path, "  - id: gehuwden\n", DUBBEL + "  - id: gehuwden\n")
    env = {**os.environ, "PYTHONPATH": str(ROOT / "engine" / "src")}
    uit = subprocess.run([sys.executable, "-m", "sora_rules", "validate", str(root)],
                         capture_output=True, text=True, encoding="utf-8", env=env, timeout=120)
    assert uit.returncode == 1, uit.stdout + uit.stderr
    verwacht = (f"{NORMBEPALING}:{_regel(root, 'alleenstaande_dubbel')}:5: normcategorie "
                "'alleenstaande' en 'alleenstaande_dubbel' gelden allebei voor: aanvrager 21 "
                "jaar, aanvrager.in_inrichting nee, geen partner, geen kinderen")
    assert any(verwacht in regel for regel in uit.stdout.splitlines()), uit.stdout


def test_een_ontbrekende_categorie_laat_een_gat(tmp_path: Path) -> None:
    root = _kopie(tmp_path, "  - id: alleenstaande_aow\n", "  - id: alleenstaande_aow_weg\n"
                  "    uitzondering_op: alleenstaande\n")
    bestand = root / NORMBEPALING  # the inrichting exception names the renamed category
    bestand.write_text(bestand.read_text(encoding="utf-8").replace(
        "[alleenstaande, alleenstaande_aow, jongere_alleenstaande]",
        "[alleenstaande, alleenstaande_aow_weg, jongere_alleenstaande]"), encoding="utf-8")
    meldingen = bewijs_precies_een(load_regelset(root))
    gaten = [m for m in meldingen if m.bericht.startswith("geen normcategorie geldt voor: ")]
    assert gaten, meldingen
    assert "aanvrager 67 jaar (AOW-leeftijd bereikt)" in gaten[0].bericht
    assert "geen partner" in gaten[0].bericht
    assert gaten[0].plaats == f"{NORMBEPALING}:{_regel(root, '- lijst: normcategorieen')}:5"


@pytest.mark.parametrize(("oud", "nieuw", "fragment"), [
    ("    uitzondering_op: [gehuwden_aow, gehuwden_aow_kinderen]",
     "    uitzondering_op: [gehuwden_aow, gehuwd_aow]",
     "onbekende categorie 'gehuwd_aow'"),
    ("  - id: gehuwden\n", "  - id: gehuwden\n    uitzondering_op: partner_zonder_recht\n",
     "kring: gehuwden → partner_zonder_recht → gehuwden"),
])
def test_een_verkeerde_uitzondering_is_een_fout(tmp_path: Path, oud: str, nieuw: str,
                                                 fragment: str) -> None:
    root = _kopie(tmp_path, oud, nieuw)
    with pytest.raises(RegelsetFout) as fout:
        load_regelset(root)
    assert any(fragment in m.bericht and m.plaats.startswith(NORMBEPALING)
               for m in fout.value.meldingen), fout.value.meldingen


def test_een_uitzondering_verfijnt_haar_basis() -> None:
    """The base holds only outside its exceptions; the exception only inside a base."""
    nb = load_regelset(data_root()).normbepaling
    assert nb is not None
    cat = {c.id: c for c in nb.categorieen}
    assert cat["partner_zonder_recht_aow"].uitzondering_op == ("gehuwden_aow",
                                                               "gehuwden_aow_kinderen")
    assert "niet" in str(cat["gehuwden"].effectief)
    assert "partner.in_detentie" not in str(cat["gehuwden"].als)
    assert cat["partner_zonder_recht"].effectief == cat["partner_zonder_recht"].scope
    assert cat["inrichting_alleenstaande"].uitzondering_op == (
        "alleenstaande", "alleenstaande_aow", "jongere_alleenstaande")

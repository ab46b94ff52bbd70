"""Dutch scenarios on competence (art. 47a Pw), middelen (art. 31–32: alimentatie, giften)
and what was applied for (`aanvraag.regelingen`, `mogelijk_recht`).

Feature: specs/features/bevoegdheid_en_middelen.feature; amounts computed by hand from
reference/beleidsfeiten.md with the arithmetic in a comment above each scenario.
Shared steps: tests/conftest.py; the kosten steps: tests/steps_schuldhulp.py.
"""

from __future__ import annotations

from pytest_bdd import scenarios
from steps_schuldhulp import *  # noqa: F403  (pytest-bdd steps are fixtures of this module)

scenarios("bevoegdheid_en_middelen.feature")

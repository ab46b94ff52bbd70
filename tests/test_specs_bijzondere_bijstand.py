"""Dutch scenarios on bijzondere bijstand (Participatiewet art. 35).

Feature: specs/features/bijzondere_bijstand.feature. Amounts are computed by hand from
reference/beleidsfeiten.md §1–§3 (drempel, norms, vermogensgrens) and the open norms in
rules/participatiewet/open_normen.yaml (35% over 12 months above 100% of the norm), with
the arithmetic in a comment above each scenario. Shared steps: tests/conftest.py;
extra steps: tests/steps_schuldhulp.py.
"""

from __future__ import annotations

from pytest_bdd import scenarios
from steps_schuldhulp import *  # noqa: F403  (pytest-bdd steps are fixtures of this module)

scenarios("bijzondere_bijstand.feature")

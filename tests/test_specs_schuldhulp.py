"""Dutch scenarios on schuldhulpverlening (Wet gemeentelijke schuldhulpverlening).

Features: specs/features/schuldhulpverlening_termijnen.feature (the terms for the first
conversation and the beschikking, across weekends and feestdagen) and
specs/features/schuldhulpverlening_toelating.feature (toelating and the refusal grounds per
gemeente). Dates are worked out by hand, with the calendar reasoning in a comment above
each scenario. Shared steps: tests/conftest.py; schuldhulp steps: tests/steps_schuldhulp.py.
"""

from __future__ import annotations

from pytest_bdd import scenarios
from steps_schuldhulp import *  # noqa: F403  (pytest-bdd steps are fixtures of this module)

scenarios("schuldhulpverlening_termijnen.feature", "schuldhulpverlening_toelating.feature")

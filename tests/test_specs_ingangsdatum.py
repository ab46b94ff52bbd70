"""Dutch scenarios on the ingangsdatum (art. 44 Pw), EU citizens' first months (art. 11) and
bijstand as a loan (art. 50).

Feature: specs/features/ingangsdatum_verblijf_en_vorm.feature; dates and amounts worked out
by hand, with the arithmetic in a comment above each scenario. Steps: tests/conftest.py.
"""

from __future__ import annotations

from pytest_bdd import scenarios

scenarios("ingangsdatum_verblijf_en_vorm.feature")

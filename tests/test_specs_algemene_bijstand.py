"""Dutch scenarios on algemene bijstand (Participatiewet).

The feature files live in specs/features/algemene_bijstand_*.feature and are written for
policy advisors: the expected amounts there are computed by hand from
reference/beleidsfeiten.md, with the arithmetic in a comment above each example.

The step definitions are shared with the other specs and live in tests/conftest.py
(households, `Als algemene bijstand wordt beoordeeld`, the checks on the besluit).
"""

from __future__ import annotations

from pytest_bdd import scenarios

scenarios(
    "algemene_bijstand_normen.feature",
    "algemene_bijstand_inrichting.feature",
    "algemene_bijstand_kostendelers.feature",
    "algemene_bijstand_recht.feature",
    "algemene_bijstand_gegevens.feature",
    "algemene_bijstand_signaleringen.feature",
    "algemene_bijstand_partner.feature",
)

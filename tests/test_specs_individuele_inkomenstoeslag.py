"""Dutch scenarios on the individuele inkomenstoeslag (Participatiewet art. 36, Zaffier).

Feature: specs/features/individuele_inkomenstoeslag.feature. Expected amounts are computed
by hand from reference/beleidsfeiten.md §1, §3 and §5, with the arithmetic in a comment
above each example. The step definitions are shared: tests/conftest.py.
"""

from __future__ import annotations

from pytest_bdd import scenarios

scenarios("individuele_inkomenstoeslag.feature")

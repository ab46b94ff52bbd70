"""Vectorised evaluation: a whole caseload per gemeente and policy period at once.

For population work (an advisor's what-if over a regional caseload, an impact study of
1.5 million households) the reasoned, per-household path (durable-rules, ~1,000
decisions/s) is too slow and says more than needed. This package compiles the *same*
typed policy (policy.load_regelset: facts, norm categories with their exceptions,
quantities, voorwaarden, besluitlogica) into functions over columns and returns per
household and regeling the outcome, the amounts and the first failed condition. No rule
or figure is written twice: the compiler walks expressie.py's trees and reads the
parameters of the period; the reasoned besluit for a citizen stays on the scalar path.

Why these libraries:

- **numpy** for the compute. Money is int64 cents and every number an exact rational
  (numerator / denominator in int64, getallen.py), so rounding half-up to cents is done
  with integer arithmetic and equals Decimal's `ROUND_HALF_UP` to the cent; floats would
  not. numpy's ufuncs, `where`, `bincount` (segment sums over persons and items) and
  `lexsort` are all the evaluator needs, with no second dataframe model in between.
- **pyarrow** for input and output: it reads JSON Lines nested (with the case schema as
  an explicit Arrow schema: exact `decimal128` cents, unknown fields refused), CSV and
  Parquet in streaming batches, and writes all three. Polars was considered: its
  expressions would hide the integer rounding we must control, its Decimal support is
  partial, and it would add a second engine next to numpy for no gain here.

Modules, one job each: indeling (the case contract as columns), kolommen (Arrow → typed
columns), controle (input checks per column), datums and getallen (calendar and exact
arithmetic), kolom and status (a column with the engine's absences), formules (typed
trees → column functions), omgeving and rangen (what formulas read; persons, items and
`eerder`), periode (a gemeente's policy in one period), feiten, norm and beslissen (facts,
norm category, besluit), motor (grouping and the scalar fallback), io and plat (files).
"""

from __future__ import annotations

from .motor import Resultaat, VectorEngine

__all__ = ["Resultaat", "VectorEngine"]

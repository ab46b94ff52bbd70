"""The decision schema check shared by the CLI and library tests."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator

DECISION_SCHEMA = Path(__file__).resolve().parents[1] / "specs" / "decision.schema.json"


@cache
def decision_validator() -> Draft202012Validator:
    schema = json.loads(DECISION_SCHEMA.read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


def assert_valid_decision(doc: Any) -> None:
    errors = sorted(decision_validator().iter_errors(doc), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors)

"""Validate policy files: JSON Schema first, then the checks a schema cannot express.

Every finding is a `Melding` with `file:line:col` so an advisor can jump to it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from typing import Any

from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError

from .load import Document
from .resources import schema_path


@dataclass(frozen=True, order=True)
class Melding:
    """One validation finding, printable as `file:line:col: bericht`."""

    plaats: str
    bericht: str

    def __str__(self) -> str:
        return f"{self.plaats}: {self.bericht}"


_POLICY_SCHEMAS = ("rules.schema.json", "overlay.schema.json")


@cache
def _validator(naam: str) -> Draft202012Validator:
    """A validator for `naam` that resolves `$ref`s between the policy schemas."""
    from referencing import Registry, Resource

    resources = []
    for other in _POLICY_SCHEMAS:
        schema = json.loads(schema_path(other).read_text(encoding="utf-8"))
        resources.append((schema["$id"], Resource.from_contents(schema)))
    registry = Registry().with_resources(resources)
    main = json.loads(schema_path(naam).read_text(encoding="utf-8"))
    return Draft202012Validator(main, registry=registry)


def _jsonable(value: Any) -> Any:
    """Decimals are numbers to the schema."""
    from decimal import Decimal

    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_jsonable(v) for v in value]
    return value


def _bericht(error: ValidationError) -> str:
    v = error.validator
    if v == "additionalProperties":
        extra = sorted(set(error.instance) - set(error.schema.get("properties", {})))
        return f"onbekende sleutel '{extra[0]}'" if extra else "onbekende sleutel"
    if v == "required":
        return f"verplichte sleutel ontbreekt: {error.message.split(' ')[0]}"
    if v == "enum":
        keuzes = ", ".join(str(x) for x in error.validator_value)
        return f"'{error.instance}' is geen geldige waarde; kies uit: {keuzes}"
    if v == "const":
        return f"moet '{error.validator_value}' zijn"
    if v == "type":
        return f"verkeerd type: verwacht {error.validator_value}"
    if v == "pattern":
        return f"'{error.instance}' heeft niet de juiste vorm ({error.validator_value})"
    if v in ("oneOf", "anyOf"):
        return "onbekende of onvolledige opbouw (controleer de sleutels)"
    return error.message


def _unknown_key_path(error: ValidationError) -> tuple[Any, ...]:
    path = tuple(error.absolute_path)
    if error.validator == "additionalProperties" and isinstance(error.instance, dict):
        extra = sorted(set(error.instance) - set(error.schema.get("properties", {})))
        if extra:
            return (*path, extra[0])
    return path


def check_schema(doc: Document, schema: str) -> list[Melding]:
    """All schema errors of one document; the most specific error per place."""
    meldingen = []
    for error in _validator(schema).iter_errors(_jsonable(doc.data)):
        leaf = error
        if error.context:
            leaf = min(error.context, key=lambda e: (-len(e.absolute_path), str(e.absolute_path)))
        meldingen.append(Melding(doc.plaats(_unknown_key_path(leaf)), _bericht(leaf)))
    return sorted(set(meldingen))

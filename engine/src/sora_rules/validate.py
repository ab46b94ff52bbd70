"""Validate policy files: JSON Schema first, then the checks a schema cannot express.

Every finding is a `Melding` with `file:line:col` so an advisor can jump to it.
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
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


@cache
def _snelle_validator(naam: str) -> Any:
    """jsonschema-rs for `naam` (with the other policy schema for `$ref`s): it only tells
    valid from invalid, ~10x faster, which is most of the cold start; an invalid document
    goes to the Python validator for the Dutch findings. None where it is unavailable."""
    try:
        import jsonschema_rs
    except ImportError:  # pragma: no cover - optional speed-up
        return None
    schemas = {n: json.loads(schema_path(n).read_text(encoding="utf-8")) for n in _POLICY_SCHEMAS}
    registry = jsonschema_rs.Registry([(s["$id"], s) for s in schemas.values()])
    return jsonschema_rs.validator_for(schemas[naam], registry=registry)


def _snel_geldig(naam: str, data: Any) -> bool:
    snel = _snelle_validator(naam)
    try:
        return snel is not None and bool(snel.is_valid(data))
    except Exception:  # anything it cannot represent goes the careful way
        return False


def _jsonable(value: Any) -> Any:
    """Decimals are numbers to the schema."""
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_jsonable(v) for v in value]
    return value


def _onbekende_sleutels(error: ValidationError) -> list[str]:
    if not isinstance(error.instance, dict):
        return []
    bekend = set(error.schema.get("properties", {}))
    return sorted(set(error.instance) - bekend)


def _suggestie(sleutel: str, error: ValidationError) -> str:
    bekend = sorted(set(error.schema.get("properties", {})) - set(error.instance))
    gelijk = difflib.get_close_matches(sleutel, bekend, n=1, cutoff=0.6)
    return f"; bedoelt u '{gelijk[0]}'?" if gelijk else (
        f"; toegestaan: {', '.join(bekend)}" if bekend and len(bekend) <= 12 else "")


def _is_sleutelnaam(error: ValidationError) -> bool:
    """An error about a mapping key itself (`propertyNames`), not about its value."""
    return "propertyNames" in error.absolute_schema_path


def _bericht(error: ValidationError) -> str:
    v = error.validator
    if v == "required":
        return f"verplichte sleutel ontbreekt: {error.message.split(' ')[0]}"
    if v == "enum":
        keuzes = ", ".join(str(x) for x in error.validator_value)
        return f"'{error.instance}' is geen geldige waarde; kies uit: {keuzes}"
    if v == "const":
        return f"moet '{error.validator_value}' zijn"
    if v == "type":
        soorten = error.validator_value
        soorten = soorten if isinstance(soorten, list) else [soorten]
        return "verkeerd type: verwacht " + " of ".join(_TYPES.get(str(t), str(t)) for t in soorten)
    if v == "pattern":
        vorm = _VORMEN.get(error.validator_value, error.validator_value)
        if _is_sleutelnaam(error):
            return f"sleutel '{error.instance}' heeft niet de juiste vorm ({vorm})"
        return f"'{error.instance}' heeft niet de juiste vorm ({vorm})"
    if v in ("oneOf", "anyOf"):
        return "onbekende of onvolledige opbouw (controleer de sleutels)"
    if v == "minProperties":
        return f"moet ten minste {error.validator_value} sleutel(s) bevatten"
    if v == "maxProperties":
        return f"mag ten hoogste {error.validator_value} sleutel(s) bevatten"
    if v == "minItems":
        return f"moet ten minste {error.validator_value} element(en) bevatten"
    if v == "minLength":
        return "mag niet leeg zijn"
    return error.message


# The schemas' patterns, as an advisor would describe them.
_VORMEN = {
    "^[0-9]{4}-[0-9]{2}-[0-9]{2}$": "een datum JJJJ-MM-DD",
    "^[0-9]{4}$": "vier cijfers",
    "^[0-9]{2}-[0-9]{2}$": "MM-DD",
    "^((01|03|05|07|08|10|12)-(0[1-9]|[12][0-9]|3[01])|(04|06|09|11)-(0[1-9]|[12][0-9]|30)"
    "|02-(0[1-9]|1[0-9]|2[0-8]))$": "een dag die elk jaar bestaat, MM-DD (dus niet 02-29)",
    "^[a-z][a-z0-9-]*$": "kleine letters, cijfers en '-'",
    "^[a-z][a-z0-9_]*$": "kleine letters, cijfers en '_'",
    "^[a-z][a-z0-9_]*(\\.[a-z0-9_]+)*$": "kleine letters, cijfers, '_' en '.'",
    "^https://": "een adres dat begint met https://",
}
_TYPES = {"string": "tekst", "object": "een opsomming van sleutels", "array": "een lijst",
          "integer": "een geheel getal", "number": "een getal", "boolean": "true of false"}


# No number in a policy file comes near this; beyond it money in cents and dates overflow.
MAX_GETAL = Decimal(10) ** 12


def _getallen(data: Any, pad: tuple[Any, ...] = ()) -> Iterator[tuple[tuple[Any, ...], str]]:
    """(path, message) for each number the engine cannot compute with: NaN, infinity, huge."""
    if isinstance(data, dict):
        for k, v in data.items():
            yield from _getallen(v, (*pad, k))
    elif isinstance(data, list):
        for i, v in enumerate(data):
            yield from _getallen(v, (*pad, i))
    elif isinstance(data, int | float | Decimal) and not isinstance(data, bool):
        getal = Decimal(data) if isinstance(data, int | float) else data
        if not getal.is_finite():
            yield pad, f"'{data}' is geen getal waarmee gerekend kan worden (.nan of .inf)"
        elif abs(getal) >= MAX_GETAL:
            yield pad, f"getal {data} is te groot (ten hoogste 1.000.000.000.000)"


def check_schema(doc: Document, schema: str) -> list[Melding]:
    """All schema errors of one document; the most specific error per place.

    Unknown keys and malformed key names point at the key (`file:line:col` of
    the key, not of its value), one finding per key.
    """
    meldingen = [Melding(doc.plaats(pad), bericht) for pad, bericht in _getallen(doc.data)]
    data = _jsonable(doc.data)
    if not meldingen and _snel_geldig(schema, data):
        return []
    for error in _validator(schema).iter_errors(data):
        leaf = error
        if error.context:
            leaf = min(error.context, key=lambda e: (-len(e.absolute_path), str(e.absolute_path)))
        pad = tuple(leaf.absolute_path)
        if leaf.validator == "additionalProperties" and _onbekende_sleutels(leaf):
            for sleutel in _onbekende_sleutels(leaf):
                meldingen.append(Melding(doc.plaats((*pad, sleutel), sleutel=True),
                                         f"onbekende sleutel '{sleutel}'"
                                         + _suggestie(sleutel, leaf)))
        elif _is_sleutelnaam(leaf) and isinstance(leaf.instance, str):
            meldingen.append(Melding(doc.plaats((*pad, leaf.instance), sleutel=True),
                                     _bericht(leaf)))
        else:
            meldingen.append(Melding(doc.plaats(pad), _bericht(leaf)))
    return sorted(set(meldingen))

"""Reading and validating a case: the household the engine decides about (DESIGN §4).

Public API:

- `load_case_text(text, bron)` parses JSON or YAML into plain Python data
  (no schema check yet);
- `load_case_file(path)` does the same for a file, `-` being standard input;
- `validate_case(data)` checks the data against `specs/case.schema.json` plus the
  rules a schema cannot express, and returns the case with money as `Decimal`
  and dates as ISO strings.

Every problem raises `InvoerFout(pad, bericht)` with a Dutch message and the dotted
field path (`aanvrager.geboortedatum`, `medebewoners[0].geboortedatum`, root = ``).
"""

from __future__ import annotations

import datetime as dt
import decimal
import difflib
import functools
import json
import math
import re
import sys
from collections.abc import Callable, Iterator
from decimal import Decimal
from os import PathLike
from typing import Any

import yaml
from jsonschema import Draft202012Validator, validators
from jsonschema.exceptions import ValidationError
from jsonschema.protocols import Validator

from .errors import InvoerFout
from .resources import schema_path

__all__ = ["load_case_file", "load_case_text", "validate_case"]

CASE_SCHEMA = "case.schema.json"
STDIN_NAME = "<standaardinvoer>"

_DATE_RE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_MAX_SHOWN = 60
_MAX_INT_BITS = 10_000  # ~3000 digits: below Python's 4300-digit str() limit

FieldPath = tuple[str | int, ...]
"""A field path: dict keys (str) and list indexes (int)."""


# --------------------------------------------------------------------------- parsing


class _YamlFout(yaml.YAMLError):
    """A YAML problem we detect ourselves; carries a Dutch message and a position."""

    def __init__(self, mark: yaml.Mark | None, bericht: str) -> None:
        super().__init__(bericht)
        self.mark = mark
        self.bericht = bericht


class _CaseLoader(yaml.SafeLoader):
    """SafeLoader for case files.

    Differences with `yaml.SafeLoader` (all local to this subclass):
    dates stay text (the timestamp constructor is replaced), decimal numbers
    become exact `Decimal`s, duplicate keys are an error, aliases (`*anker`) are
    refused, and so are the YAML 1.1 integer forms that silently change a value
    (leading-zero octal `010`, base-60 `1:30`).
    """

    def compose_node(self, parent: yaml.Node | None, index: object) -> yaml.Node | None:
        # Aliases are refused: a case needs none, and a few nested aliases can expand
        # into a structure with billions of elements (the "billion laughs" attack).
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise _YamlFout(
                event.start_mark,
                f"verwijzing '*{event.anchor}' wordt in een casus niet ondersteund; "
                "schrijf de waarde uit",
            )
        return super().compose_node(parent, index)  # type: ignore[arg-type]  # stub: int

    def construct_mapping(self, node: yaml.Node, deep: bool = False) -> dict[Any, Any]:
        if isinstance(node, yaml.MappingNode):
            seen: set[Any] = set()
            for key_node, _ in node.value:
                if key_node.tag == "tag:yaml.org,2002:merge":
                    continue  # keys merged in with `<<:` may be overridden on purpose
                key = self.construct_object(key_node, deep=True)
                try:
                    duplicate = key in seen
                except TypeError:
                    raise _YamlFout(
                        key_node.start_mark, "een sleutel moet een enkele waarde zijn"
                    ) from None
                if duplicate:
                    raise _YamlFout(
                        key_node.start_mark, f"veld {_show(key)} komt meer dan eens voor"
                    )
                seen.add(key)
        assert isinstance(node, yaml.MappingNode)
        return super().construct_mapping(node, deep=deep)


def _construct_decimal(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> Decimal:
    """A YAML float, read exactly as a `Decimal`; infinities and NaN are refused."""
    text = str(loader.construct_scalar(node))
    value = text.replace("_", "")
    if value.lower().lstrip("+-") in (".inf", ".nan") or ":" in value:
        raise _YamlFout(node.start_mark, f"{_show(text)} is geen geldig getal")
    try:
        number = Decimal(value)
    except decimal.InvalidOperation:
        raise _YamlFout(node.start_mark, f"{_show(text)} is geen geldig getal") from None
    if not number.is_finite():
        raise _YamlFout(node.start_mark, f"{_show(text)} is geen geldig getal")
    return number


def _construct_int(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> int:
    """A YAML integer; the ambiguous YAML 1.1 octal and base-60 forms are refused."""
    text = str(loader.construct_scalar(node))
    digits = text.replace("_", "").lstrip("+-")
    if ":" in digits or (len(digits) > 1 and digits[0] == "0" and digits[1] not in "xXbBoO"):
        raise _YamlFout(
            node.start_mark,
            f"{_show(text)} is geen eenduidig getal; schrijf het zonder voorloopnullen of ':'",
        )
    try:
        return int(yaml.SafeLoader.construct_yaml_int(loader, node))
    except ValueError:
        raise _YamlFout(node.start_mark, f"{_show(text)} is geen geldig getal") from None


_CaseLoader.add_constructor(  # type: ignore[type-var]  # the stubs type this too narrowly
    "tag:yaml.org,2002:timestamp", yaml.SafeLoader.construct_yaml_str)
_CaseLoader.add_constructor("tag:yaml.org,2002:float", _construct_decimal)
_CaseLoader.add_constructor("tag:yaml.org,2002:int", _construct_int)


class _JsonFout(Exception):
    """A JSON problem found by our hooks (duplicate key, NaN/Infinity)."""


def _json_object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise _JsonFout(f"veld {_show(key)} komt meer dan eens voor")
        result[key] = value
    return result


def _json_constant(name: str) -> Any:
    raise _JsonFout(f"{name} is geen geldig getal")


def _parse_json(text: str) -> Any:
    return json.loads(
        text,
        parse_float=Decimal,
        parse_constant=_json_constant,
        object_pairs_hook=_json_object,
    )


def _json_or_fout(text: str, bron: str) -> Any:
    """Parse JSON; JSON-specific problems become `InvoerFout`, a syntax error propagates."""
    try:
        return _parse_json(text)
    except _JsonFout as exc:
        raise InvoerFout("", f"{bron}: {exc}") from None
    except RecursionError:
        raise InvoerFout("", f"{bron}: de invoer is te diep genest") from None
    except json.JSONDecodeError:
        raise
    except (ValueError, ArithmeticError):  # a number with too many digits or exponent
        raise InvoerFout("", f"{bron}: ongeldige JSON: een getal is te groot") from None


def load_case_text(text: str, bron: str = "<invoer>") -> dict[str, Any]:
    """Parse a case written as JSON or YAML; `bron` names the source in messages.

    Numbers with a decimal point become exact `Decimal`s, dates stay strings, and
    duplicate keys are an error. Only the syntax is checked here: pass the result
    to `validate_case`.
    """
    if text.startswith("\ufeff"):
        text = text[1:]
    try:
        data = _json_or_fout(text, bron)
    except json.JSONDecodeError:
        data = _parse_yaml(text, bron)
    if data is None:
        raise InvoerFout("", f"{bron}: de invoer is leeg")
    if not isinstance(data, dict):
        raise InvoerFout("", f"{bron}: de invoer moet een object zijn (velden met waarden)")
    return data


def load_case_json(text: str, bron: str = "<invoer>") -> dict[str, Any]:
    """Parse one case written as JSON only (a JSON Lines record); syntax only."""
    try:
        data = _json_or_fout(text, bron)
    except json.JSONDecodeError as exc:
        raise InvoerFout("", f"{bron}: ongeldige JSON (kolom {exc.colno}): {exc.msg}") from None
    if not isinstance(data, dict):
        raise InvoerFout("", f"{bron}: een regel moet een object zijn (velden met waarden)")
    return data


def parse_peildatum(value: str | dt.date | None, vandaag: dt.date | None = None) -> dt.date:
    """A peildatum as `JJJJ-MM-DD` (strictly: not `20260301` or `2026-W10-1`); None → today."""
    if value is None:
        return vandaag or dt.date.today()
    if isinstance(value, dt.date):
        return value
    text = str(value)
    if _DATE_RE.fullmatch(text):
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            pass
    raise InvoerFout("peildatum", f"'{value}' is geen geldige datum (JJJJ-MM-DD)")


def _parse_yaml(text: str, bron: str) -> Any:
    try:
        return yaml.load(text, Loader=_CaseLoader)  # a SafeLoader subclass
    except _YamlFout as exc:
        raise InvoerFout("", f"{_where(bron, exc.mark)}{exc.bericht}") from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or exc.context or "onbekende fout"
        raise InvoerFout("", f"{_where(bron, mark)}ongeldige YAML: {problem}") from None
    except yaml.YAMLError as exc:
        raise InvoerFout("", f"{bron}: ongeldige YAML: {exc}") from None
    except RecursionError:
        raise InvoerFout("", f"{bron}: de invoer is te diep genest") from None
    except (ValueError, ArithmeticError, TypeError):
        raise InvoerFout(
            "", f"{bron}: ongeldige YAML: een waarde kan niet gelezen worden"
        ) from None


def _where(bron: str, mark: yaml.Mark | None) -> str:
    if mark is None:
        return f"{bron}: "
    return f"{bron}:{mark.line + 1}:{mark.column + 1}: "


def load_case_file(path: str | PathLike[str]) -> dict[str, Any]:
    """Read and parse a case file; `-` means standard input. See `load_case_text`."""
    name = str(path)
    try:
        if name == "-":
            bron = STDIN_NAME
            stream = getattr(sys.stdin, "buffer", None)
            raw: bytes | str = stream.read() if stream is not None else sys.stdin.read()
        else:
            bron = name
            with open(path, "rb") as handle:
                raw = handle.read()
    except FileNotFoundError:
        raise InvoerFout("", f"{name}: bestand niet gevonden") from None
    except IsADirectoryError:
        raise InvoerFout("", f"{name}: is een map, geen bestand") from None
    except PermissionError:
        raise InvoerFout("", f"{name}: geen toestemming om het bestand te lezen") from None
    except OSError as exc:
        raise InvoerFout("", f"{name}: bestand kan niet gelezen worden ({exc.strerror})") from None
    if isinstance(raw, bytes):
        try:
            raw = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise InvoerFout("", f"{bron}: het bestand is geen UTF-8-tekst") from None
    return load_case_text(raw, bron)


# ------------------------------------------------------------------------ validation


def _is_number(_checker: object, instance: object) -> bool:
    """JSON number: int, finite float or finite Decimal; never bool."""
    if isinstance(instance, bool):
        return False
    if isinstance(instance, int):
        return True
    if isinstance(instance, float):
        return math.isfinite(instance)
    if isinstance(instance, Decimal):
        return instance.is_finite()
    return False


def _is_integer(checker: object, instance: object) -> bool:
    """JSON integer: a number without a fractional part (so `3.0` counts)."""
    if not _is_number(checker, instance):
        return False
    if isinstance(instance, float):
        return instance.is_integer()
    if isinstance(instance, Decimal):
        return instance == instance.to_integral_value()
    return True


@functools.lru_cache(maxsize=1)
def _case_schema() -> dict[str, Any]:
    """The case schema, loaded once. Treat as read-only."""
    with open(schema_path(CASE_SCHEMA), encoding="utf-8") as handle:
        schema: dict[str, Any] = json.load(handle)
    return schema


@functools.lru_cache(maxsize=1)
def _case_validator() -> Validator:
    """One reusable validator (building it per call is ~10x slower)."""
    schema = _case_schema()
    Draft202012Validator.check_schema(schema)
    type_checker = Draft202012Validator.TYPE_CHECKER.redefine_many(
        {"number": _is_number, "integer": _is_integer}
    )
    cls = validators.extend(Draft202012Validator, type_checker=type_checker)
    validator: Validator = cls(schema)
    return validator


@functools.lru_cache(maxsize=1)
def _fast_validator() -> Any:
    """jsonschema-rs, ~70x faster, to pass valid cases; None where it is unavailable.

    It only answers valid/invalid: an invalid case is re-checked by the Python
    validator, whose errors we translate into Dutch with their field paths.
    """
    try:
        import jsonschema_rs
    except ImportError:  # pragma: no cover - optional speed-up
        return None
    return jsonschema_rs.validator_for(_case_schema())


def _fast_is_valid(fast: Any, prepared: Any) -> bool:
    try:
        return bool(fast.is_valid(prepared))
    except Exception:  # anything it cannot represent goes the slow, careful way
        return False


def _validate_slowly(schema: dict[str, Any], data: object, errors: list[_Fout]) -> Any:
    """The careful path: every schema error, translated into Dutch with its field path."""
    prepared = _walk(schema, schema, data, (), _prepare_leaf, errors)
    if errors:  # values jsonschema cannot even print; report before it tries
        path, _, bericht = min(errors, key=_sort_key)
        raise InvoerFout(format_path(path), bericht)
    try:
        for error in _case_validator().iter_errors(prepared):
            errors.extend(_translate(error))
    except (ValueError, RecursionError):
        # jsonschema formats the offending value into its (English) message; an int
        # beyond Python's digit limit or a very deep structure makes that fail.
        raise InvoerFout(
            "", "de invoer bevat een waarde die te groot of te diep genest is"
        ) from None
    return _walk(schema, schema, prepared, (), _finish_leaf, errors)


# A problem found: (path, priority, message). Lower priority wins on the same path.
_Fout = tuple[FieldPath, int, str]


def validate_case(data: object) -> dict[str, Any]:
    """Validate a parsed case and return it normalised.

    Money becomes `Decimal` (exact, as given), integer fields `int`, and
    `datetime.date` values (from library callers) ISO strings. The input is not
    modified. Raises `InvoerFout` for the first problem, ordered by field path.
    """
    schema = _case_schema()
    errors: list[_Fout] = []
    # NaN Decimals from library callers must not raise inside jsonschema's comparisons;
    # the type checker already rejects them as "not a number".
    with decimal.localcontext() as ctx:
        ctx.traps[decimal.InvalidOperation] = False
        fast = _fast_validator()
        if fast is not None and _fast_is_valid(fast, data):
            # The common case: one pass for what the schema cannot say (real dates, cents).
            result = _walk(schema, schema, data, (), _finish_leaf, errors)
        else:
            result = _validate_slowly(schema, data, errors)
    if errors:
        path, _, bericht = min(errors, key=_sort_key)
        raise InvoerFout(format_path(path), bericht)
    assert isinstance(result, dict)
    return result


def format_path(path: FieldPath) -> str:
    """`('medebewoners', 1, 'geboortedatum')` -> `medebewoners[1].geboortedatum`."""
    text = ""
    for part in path:
        if isinstance(part, int) and not isinstance(part, bool):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else str(part)
    return text


def _sort_key(fout: _Fout) -> tuple[tuple[tuple[int, int | str], ...], int, str]:
    path, priority, bericht = fout
    key = tuple((0, p) if isinstance(p, int) else (1, str(p)) for p in path)
    return key, priority, bericht


_Leaf = Callable[[str | None, dict[str, Any], Any, FieldPath, list[_Fout]], Any]


def _walk(
    root: dict[str, Any],
    sub: dict[str, Any],
    value: Any,
    path: FieldPath,
    leaf: _Leaf,
    errors: list[_Fout],
) -> Any:
    """Copy `value`, following the schema; `leaf` maps every value the schema does
    not descend into. `kind` is the `$defs` name a `$ref` pointed at (`geld`, `datum`).

    Driven by the schema, so recursion depth is bounded by the schema, not the data.
    """
    kind: str | None = None
    while "$ref" in sub:
        ref = sub["$ref"]
        kind = ref.rsplit("/", 1)[-1]
        sub = _resolve(root, ref)
    properties = sub.get("properties")
    if isinstance(properties, dict) and isinstance(value, dict):
        return {
            key: (
                _walk(root, properties[key], item, (*path, key), leaf, errors)
                if isinstance(key, str) and key in properties
                else item
            )
            for key, item in value.items()
        }
    items = sub.get("items")
    if isinstance(items, dict) and isinstance(value, list):
        return [
            _walk(root, items, item, (*path, index), leaf, errors)
            for index, item in enumerate(value)
        ]
    return leaf(kind, sub, value, path, errors)


def _resolve(root: dict[str, Any], ref: str) -> dict[str, Any]:
    if not ref.startswith("#/"):
        raise ValueError(f"only local $ref supported in the case schema: {ref}")
    node: Any = root
    for part in ref[2:].split("/"):
        node = node[part]
    assert isinstance(node, dict)
    return node


def _prepare_leaf(
    kind: str | None, sub: dict[str, Any], value: Any, path: FieldPath, errors: list[_Fout]
) -> Any:
    """Before the schema check: `datetime.date` objects become ISO strings, and
    integers too long to print are refused."""
    if isinstance(value, int) and value.bit_length() > _MAX_INT_BITS:
        errors.append((path, 0, "is een te groot getal"))
        return value
    if (
        sub.get("format") == "date"
        and isinstance(value, dt.date)
        and not isinstance(value, dt.datetime)
    ):
        return value.isoformat()
    return value


def _finish_leaf(
    kind: str | None, sub: dict[str, Any], value: Any, path: FieldPath, errors: list[_Fout]
) -> Any:
    """After the schema check: real calendar dates, cents, Decimal/int conversion."""
    if sub.get("format") == "date":
        if isinstance(value, str):
            if not _DATE_RE.fullmatch(value):  # e.g. a trailing newline, which `$` allows
                errors.append((path, 2, f"{_show(value)} is geen geldige datum (JJJJ-MM-DD)"))
                return value
            year, month, day = (int(part) for part in value.split("-"))
            try:
                dt.date(year, month, day)
            except ValueError:
                errors.append((path, 2, f"{_show(value)} is geen geldige datum"))
        return value
    if kind == "geld":
        if _is_number(None, value):
            amount = _to_decimal(value)
            if not _has_at_most_two_decimals(amount):
                errors.append(
                    (path, 2, f"{_show(value)} heeft meer dan 2 decimalen; bedragen in hele centen")
                )
            return amount
        return value
    if sub.get("type") == "integer" and _is_integer(None, value):
        return int(value)
    return value


def _to_decimal(value: int | float | Decimal) -> Decimal:
    if isinstance(value, Decimal):
        return value
    if isinstance(value, float):
        return Decimal(repr(value))  # the shortest repr: 850.1 -> Decimal('850.1')
    return Decimal(value)


def _has_at_most_two_decimals(amount: Decimal) -> bool:
    """Exact check on the value (1.500 is fine, 1.505 is not); no context rounding."""
    _, digits, exponent = amount.as_tuple()
    assert isinstance(exponent, int)
    excess = -exponent - 2
    if excess <= 0:
        return True
    return all(digit == 0 for digit in digits[-excess:])


# ------------------------------------------------------------------ Dutch messages

_TYPE_NAMES = {
    "number": "moet een getal zijn",
    "integer": "moet een geheel getal zijn",
    "string": "moet tekst zijn",
    "boolean": "moet ja/nee (true/false) zijn",
    "array": "moet een lijst zijn",
    "object": "moet een object zijn",
}


def _translate(error: ValidationError) -> Iterator[_Fout]:
    """Turn one jsonschema error into Dutch (path, priority, message) entries."""
    path: FieldPath = tuple(error.absolute_path)
    schema = error.schema if isinstance(error.schema, dict) else {}
    keyword = error.validator
    instance = error.instance
    if keyword == "additionalProperties" and isinstance(instance, dict):
        known = schema.get("properties", {})
        for key in instance:
            if isinstance(key, str) and key in known:
                continue
            bericht = f"onbekend veld {_show(str(key))}"
            close = difflib.get_close_matches(str(key), list(known), n=1, cutoff=0.75)
            if close:
                bericht += f" (bedoelt u '{close[0]}'?)"
            yield (*path, str(key)), 1, bericht
        return
    if keyword == "type":
        expected = error.validator_value
        if instance is None:
            bericht = "heeft geen waarde; laat het veld weg als het onbekend is"
        elif schema.get("format") == "date":
            bericht = "moet een datum zijn (JJJJ-MM-DD)"
        elif isinstance(expected, str) and expected in _TYPE_NAMES:
            bericht = _TYPE_NAMES[expected]
        else:
            bericht = f"heeft niet het juiste type ({expected})"
        yield path, 0, bericht
        return
    if keyword == "enum":
        choices = ", ".join(str(choice) for choice in error.validator_value)
        yield path, 1, f"{_show(instance)} is geen geldige waarde; kies uit: {choices}"
    elif keyword == "pattern":
        if schema.get("format") == "date":
            yield path, 1, f"{_show(instance)} is geen geldige datum (JJJJ-MM-DD)"
        elif path and path[-1] in ("woonplaats", "gemeente"):
            yield (
                path,
                1,
                f"{_show(instance)} is geen geldige gemeentenaam; gebruik kleine letters, "
                "cijfers en '-' (bv. 'dijk-en-waard')",
            )
        else:
            yield path, 1, f"{_show(instance)} heeft niet de juiste vorm"
    elif keyword == "minimum":
        if error.validator_value == 0:
            yield path, 1, "mag niet negatief zijn"
        else:
            yield path, 1, f"moet minstens {error.validator_value} zijn"
    elif keyword == "maximum":
        yield path, 1, f"mag niet groter zijn dan {error.validator_value}"
    elif keyword == "uniqueItems":
        yield path, 1, "bevat dezelfde waarde meer dan eens"
    else:
        yield path, 1, f"ongeldige waarde (regel '{keyword}' van het schema)"


def _show(value: object) -> str:
    """A value as it appears in a message: text quoted, long values shortened."""
    if isinstance(value, str):
        text = value if len(value) <= _MAX_SHOWN else value[: _MAX_SHOWN - 1] + "…"
        return f"'{text}'"
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float | Decimal):
        try:
            text = str(value)
        except ValueError:  # an int beyond Python's digit limit
            text = "een zeer groot getal"
    else:
        text = type(value).__name__
    return text if len(text) <= _MAX_SHOWN else text[: _MAX_SHOWN - 1] + "…"

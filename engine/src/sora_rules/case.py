"""Reading and validating a case: the household the engine decides about (DESIGN §4).

Public API:

- `load_case_text(text, bron, formaat)` parses JSON or YAML into plain Python data
  (no schema check yet);
- `load_case_file(path)` does the same for a file, `-` being standard input; a
  `*.json` file is read as JSON only;
- `validate_case(data)` checks the data against `specs/case.schema.json` plus the
  rules a schema cannot express, and returns the case with money as `Decimal`
  and dates as ISO strings;
- `check_household(data, peildatum)` checks what only the peildatum reveals
  (people not yet born, "children" of 18 or older, requests decades away);
- `woonplaats_aanname(data, gemeenten)` refuses a near miss of a known gemeente and
  words the assumption made for a woonplaats outside the region.

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
from collections.abc import Callable, Collection, Iterator, Mapping
from decimal import Decimal
from os import PathLike
from typing import Any

import yaml
from jsonschema import Draft202012Validator, validators
from jsonschema.exceptions import ValidationError
from jsonschema.protocols import Validator

from .errors import InvoerFout
from .facts import add_months, age_on
from .resources import schema_path

__all__ = [
    "check_household",
    "load_case_file",
    "load_case_text",
    "show_value",
    "validate_case",
    "woonplaats_aanname",
]

CASE_SCHEMA = "case.schema.json"
STDIN_NAME = "<standaardinvoer>"

_DATE_RE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_MAX_SHOWN = 60
_MAX_INT_BITS = 10_000  # ~3000 digits: below Python's 4300-digit str() limit
_MAX_INT_DIGITS = 1_000  # longer integer literals are read as Decimal (refused by maximum)
MAX_INVOER = 1_000_000
"""Largest case: characters of text, bytes of a file. A real case is a few kilobytes."""
MAX_DIEPTE = 32
"""Nesting kept when parsing. The schema needs 3 levels; anything deeper sits inside a
value that is wrong anyway, and is read as an empty list/object so the schema can
name the field instead of the parser overflowing its stack."""
EERSTE_DATUM = dt.date(1900, 1, 1)
LAATSTE_DATUM = dt.date(2100, 12, 31)
"""Every date in a case and the peildatum lie in this range (see the schema)."""
KIND_HOOGSTENS = 18
"""Oldest age of a `kinderen` entry on the peildatum. DESIGN §4 says "under 18", but the
specs decide on children of exactly 18 listed there (Stichting Leergeld "tot en met 18",
schuldhulp "een kind van 18 is niet minderjarig"); older ones are medebewoners."""
VERZOEK_NA_JAREN, VERZOEK_VOOR_JAREN = 1, 10
"""A request date (hulpvraag, melding) lies at most 1 year after and 10 years before
the peildatum: further away it is a typo, not a request this decision is about."""
_ONDRUKBAAR = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")
"""Control characters and lone surrogates: they cannot be printed or encoded."""

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
    (leading-zero octal `010`, base-60 `1:30`). A list or mapping nested deeper
    than `MAX_DIEPTE` is read as an empty one (see there).
    """

    _diepte = 0

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
        if self._diepte >= MAX_DIEPTE and self.check_event(
            yaml.SequenceStartEvent, yaml.MappingStartEvent
        ):
            return self._skip_collection()
        self._diepte += 1
        try:
            return super().compose_node(parent, index)  # type: ignore[arg-type]  # stub: int
        finally:
            self._diepte -= 1

    def _skip_collection(self) -> yaml.Node:
        """Consume a too deep list or mapping without recursion; an empty one stands in."""
        start = self.get_event()
        open_events = 1
        while open_events:
            event = self.get_event()
            if isinstance(event, yaml.SequenceStartEvent | yaml.MappingStartEvent):
                open_events += 1
            elif isinstance(event, yaml.SequenceEndEvent | yaml.MappingEndEvent):
                open_events -= 1
        marks: tuple[Any, Any] = (start.start_mark, event.end_mark)
        if isinstance(start, yaml.SequenceStartEvent):
            return yaml.SequenceNode("tag:yaml.org,2002:seq", [], *marks)
        return yaml.MappingNode("tag:yaml.org,2002:map", [], *marks)

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


def _construct_int(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> int | Decimal:
    """A YAML integer; the ambiguous YAML 1.1 octal and base-60 forms are refused.

    A very long decimal integer becomes a `Decimal`, so the schema's maximum names
    its field (Python refuses to convert more than 4300 digits to `int`).
    """
    text = str(loader.construct_scalar(node))
    digits = text.replace("_", "").lstrip("+-")
    if ":" in digits or (len(digits) > 1 and digits[0] == "0" and digits[1] not in "xXbBoO"):
        raise _YamlFout(
            node.start_mark,
            f"{_show(text)} is geen eenduidig getal; schrijf het zonder voorloopnullen of ':'",
        )
    if len(digits) > _MAX_INT_DIGITS and digits.isdigit():
        return Decimal(text.replace("_", ""))
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


def _json_int(text: str) -> int | Decimal:
    """A JSON integer; a very long one becomes a `Decimal` (see `_construct_int`)."""
    return int(text) if len(text) <= _MAX_INT_DIGITS else Decimal(text)


def _parse_json(text: str) -> Any:
    return json.loads(
        _ondiep_json(text),
        parse_float=Decimal,
        parse_int=_json_int,
        parse_constant=_json_constant,
        object_pairs_hook=_json_object,
    )


# A JSON string (with escapes) or a bracket; the unrolled form stays linear on long strings.
_JSON_TOKEN = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"|[\[\]{}]', re.DOTALL)


def _ondiep_json(text: str) -> str:
    """`text` with every list or object nested deeper than `MAX_DIEPTE` emptied.

    Positions before the first emptied value are unchanged, so syntax errors keep
    their line and column. An unclosed deep value is left alone: the parser then
    reports it (as too deep).
    """
    if text.count("[") + text.count("{") <= MAX_DIEPTE:
        return text
    parts: list[str] = []
    kept_until, depth, skip_from = 0, 0, -1
    for match in _JSON_TOKEN.finditer(text):
        token = match.group()
        if token[0] == '"':
            continue
        if token in "[{":
            depth += 1
            if depth == MAX_DIEPTE + 1:
                skip_from = match.start()
        else:
            if depth == MAX_DIEPTE + 1 and skip_from >= 0:
                opener = text[skip_from]
                parts += [text[kept_until:skip_from], opener, "]" if opener == "[" else "}"]
                kept_until, skip_from = match.end(), -1
            depth -= 1
    if skip_from >= 0:
        return text
    parts.append(text[kept_until:])
    return "".join(parts)


def _json_or_fout(text: str, bron: str) -> Any:
    """Parse JSON; JSON-specific problems become `InvoerFout`, a syntax error propagates."""
    try:
        return _parse_json(text)
    except _JsonFout as exc:
        raise InvoerFout("", f"{bron}: {exc}") from None
    except RecursionError:
        raise InvoerFout(
            "", f"{bron}: ongeldige JSON: haakjes die te diep genest zijn of niet sluiten"
        ) from None
    except json.JSONDecodeError:
        raise
    except (ValueError, ArithmeticError):  # a number with too many digits or exponent
        raise InvoerFout("", f"{bron}: ongeldige JSON: een getal is te groot") from None


_JSON_MELDINGEN = {
    "Expecting value": "waarde verwacht",
    "Expecting property name enclosed in double quotes": "veldnaam tussen dubbele "
    "aanhalingstekens verwacht",
    "Expecting ',' delimiter": "',' verwacht",
    "Expecting ':' delimiter": "':' verwacht",
    "Extra data": "tekst na het einde van de JSON",
    "Unterminated string starting at": "tekst zonder afsluitend '\"'",
    "Invalid control character at": "stuurteken in tekst (schrijf \\n of \\t)",
    "Invalid \\escape": "ongeldige escape met '\\'",
    "Invalid \\uXXXX escape": "ongeldige escape \\uXXXX",
}


def _json_fout(exc: json.JSONDecodeError, bron: str) -> InvoerFout:
    """A JSON syntax error in Dutch with line, column and, where we can tell, the fix."""
    bericht = _JSON_MELDINGEN.get(exc.msg, exc.msg)
    voor, na = exc.doc[max(0, exc.pos - 40) : exc.pos], exc.doc[exc.pos : exc.pos + 40]
    komma = re.search(r"([0-9]+),\s*$", voor)
    decimalen = re.match(r"[0-9]+", na)
    if komma and decimalen:
        bericht += (
            f"; gebruik een punt als decimaalteken: {komma.group(1)}.{decimalen.group()}"
        )
    elif voor.rstrip().endswith(",") and na[:1] in ("]", "}"):
        bericht += (f"; verwijder de komma voor '{na[0]}' (JSON staat geen komma na het "
                    "laatste element toe)")
    return InvoerFout("", f"{bron}:{exc.lineno}:{exc.colno}: ongeldige JSON: {bericht}")


def _lijkt_json(text: str) -> bool:
    """An object whose first key is quoted: meant as JSON, so not re-read as YAML."""
    return re.match(r'\s*\{\s*"', text) is not None


def load_case_text(
    text: str, bron: str = "<invoer>", formaat: str | None = None
) -> dict[str, Any]:
    """Parse a case written as JSON or YAML; `bron` names the source in messages.

    `formaat` is "json" (JSON only: no silent YAML reading of broken JSON), "yaml",
    or None: JSON, else YAML, except that text that starts like a JSON object gets
    the JSON error. Numbers with a decimal point become exact `Decimal`s, dates
    stay strings, and duplicate keys are an error. Only the syntax is checked
    here: pass the result to `validate_case`.
    """
    if len(text) > MAX_INVOER:
        raise InvoerFout("", f"{bron}: de invoer is te groot ({len(text)} tekens; "
                         f"hoogstens {MAX_INVOER}); een casus is enkele kilobytes")
    if text.startswith("\ufeff"):
        text = text[1:]
    if formaat == "yaml":
        data = _parse_yaml(text, bron)
    else:
        try:
            data = _json_or_fout(text, bron)
        except json.JSONDecodeError as exc:
            if formaat == "json" or _lijkt_json(text):
                raise _json_fout(exc, bron) from None
            data = _parse_yaml(text, bron)
    if data is None:
        raise InvoerFout("", f"{bron}: de invoer is leeg")
    if not isinstance(data, dict):
        raise InvoerFout("", f"{bron}: de invoer moet een object zijn (velden met waarden)")
    return data


def load_case_json(text: str, bron: str = "<invoer>") -> dict[str, Any]:
    """Parse one case written as JSON only (a JSON Lines record); syntax only."""
    if len(text) > MAX_INVOER:
        raise InvoerFout("", f"{bron}: de invoer is te groot (hoogstens {MAX_INVOER} tekens)")
    try:
        data = _json_or_fout(text, bron)
    except json.JSONDecodeError as exc:
        raise InvoerFout("", f"{bron}: ongeldige JSON (kolom {exc.colno}): {exc.msg}") from None
    if not isinstance(data, dict):
        raise InvoerFout("", f"{bron}: een regel moet een object zijn (velden met waarden)")
    return data


def parse_peildatum(value: str | dt.date | None, vandaag: dt.date | None = None) -> dt.date:
    """A peildatum as `JJJJ-MM-DD` (strictly: not `20260301` or `2026-W10-1`); None → today.

    Like every date in a case it lies between `EERSTE_DATUM` and `LAATSTE_DATUM`.
    """
    if value is None:
        return vandaag or dt.date.today()
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        dag = value
    else:
        text = str(value)
        try:
            if not _DATE_RE.fullmatch(text):
                raise ValueError(text)
            dag = dt.date.fromisoformat(text)
        except ValueError:
            raise InvoerFout(
                "peildatum", f"{_show(text)} is geen geldige datum (JJJJ-MM-DD)"
            ) from None
    if not EERSTE_DATUM <= dag <= LAATSTE_DATUM:
        raise InvoerFout("peildatum", _buiten_bereik(dag.isoformat()))
    return dag


def _buiten_bereik(text: str) -> str:
    return (f"{_show(text)} ligt niet tussen {EERSTE_DATUM.isoformat()} en "
            f"{LAATSTE_DATUM.isoformat()}; controleer het jaar")


def _parse_yaml(text: str, bron: str) -> Any:
    try:
        return yaml.load(text, Loader=_CaseLoader)  # a SafeLoader subclass
    except _YamlFout as exc:
        raise InvoerFout("", f"{_where(bron, exc.mark)}{exc.bericht}") from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = _safe(exc.problem or exc.context or "onbekende fout")
        raise InvoerFout("", f"{_where(bron, mark)}ongeldige YAML: {problem}") from None
    except yaml.YAMLError as exc:
        raise InvoerFout("", f"{bron}: ongeldige YAML: {_safe(str(exc))}") from None
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
    """Read and parse a case file; `-` means standard input. See `load_case_text`.

    A file named `*.json` is JSON only; anything else is JSON or YAML. At most
    `MAX_INVOER` bytes are read.
    """
    name = _safe(str(path))
    bron = STDIN_NAME if name == "-" else name
    raw = _read_bytes(path, name)
    if len(raw) > MAX_INVOER:
        raise InvoerFout("", f"{bron}: het bestand is te groot (meer dan {MAX_INVOER} bytes); "
                         "een casus is enkele kilobytes")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InvoerFout("", f"{bron}: het bestand is geen UTF-8-tekst") from None
    formaat = "json" if name.lower().endswith(".json") else None
    return load_case_text(text, bron, formaat)


def _read_bytes(path: str | PathLike[str], name: str) -> bytes:
    """The first `MAX_INVOER + 1` bytes of a file or standard input (`-`)."""
    try:
        if name == "-":
            stream = getattr(sys.stdin, "buffer", None)
            if stream is None:
                return sys.stdin.read(MAX_INVOER + 1).encode("utf-8", "surrogatepass")
            return bytes(stream.read(MAX_INVOER + 1))
        with open(path, "rb") as handle:
            return handle.read(MAX_INVOER + 1)
    except FileNotFoundError:
        raise InvoerFout("", f"{name}: bestand niet gevonden") from None
    except IsADirectoryError:
        raise InvoerFout("", f"{name}: is een map, geen bestand") from None
    except PermissionError:
        raise InvoerFout("", f"{name}: geen toestemming om het bestand te lezen") from None
    except OSError as exc:
        raise InvoerFout("", f"{name}: bestand kan niet gelezen worden ({exc.strerror})") from None


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
            result = _afronden()(data, (), errors)
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
            name = str(part)  # an unknown key may be long or hold unprintable characters
            name = _safe(name if len(name) <= _MAX_SHOWN else name[: _MAX_SHOWN - 1] + "…")
            text += f".{name}" if text else name
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
                else _shallow(item)  # an unknown key: its value is never looked at
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


_Stap = Callable[[Any, FieldPath, list[_Fout]], Any]


@functools.lru_cache(maxsize=1)
def _afronden() -> _Stap:
    """`_walk` with `_finish_leaf` over the case schema, compiled once into one function
    per schema node (the walk looked up `$ref`, `properties` and the leaf's kind anew for
    every value of every case). The case schema is not recursive."""
    schema = _case_schema()
    return _stap(schema, schema)


def _stap(root: dict[str, Any], sub: dict[str, Any]) -> _Stap:
    """The compiled `_walk(root, sub, …, _finish_leaf, …)` of one schema node."""
    kind: str | None = None
    while "$ref" in sub:
        ref = sub["$ref"]
        kind = ref.rsplit("/", 1)[-1]
        sub = _resolve(root, ref)
    properties, items = sub.get("properties"), sub.get("items")
    velden = ({k: _stap(root, v) for k, v in properties.items()}
              if isinstance(properties, dict) else None)
    elk = _stap(root, items) if isinstance(items, dict) else None
    blad = _blad(kind, sub)

    def stap(value: Any, path: FieldPath, errors: list[_Fout]) -> Any:
        if velden is not None and isinstance(value, dict):
            return {key: (velden[key](item, (*path, key), errors)
                          if isinstance(key, str) and key in velden else _shallow(item))
                    for key, item in value.items()}
        if elk is not None and isinstance(value, list):
            return [elk(item, (*path, index), errors) for index, item in enumerate(value)]
        return blad(value, path, errors)

    return stap


def _blad(kind: str | None, sub: dict[str, Any]) -> _Stap:
    """`_finish_leaf` for one schema node, its branch on the node chosen once."""
    if sub.get("format") == "date":
        return functools.partial(_finish_leaf, kind, sub)
    geheel = sub.get("type") == "integer"

    def blad(value: Any, path: FieldPath, errors: list[_Fout]) -> Any:
        if isinstance(value, str):
            if teken := _ONDRUKBAAR.search(value):
                errors.append((path, 2, _ongeldig_teken(teken.group())))
            return value
        if kind == "geld":
            return _finish_leaf(kind, sub, value, path, errors)
        if geheel and _is_integer(None, value):
            return int(value)
        return value

    return blad


def _resolve(root: dict[str, Any], ref: str) -> dict[str, Any]:
    if not ref.startswith("#/"):
        raise ValueError(f"only local $ref supported in the case schema: {ref}")
    node: Any = root
    for part in ref[2:].split("/"):
        node = node[part]
    assert isinstance(node, dict)
    return node


def _shallow(value: Any) -> Any:
    """A value that is wrong whatever it holds (a list where text belongs, the value of
    an unknown key), reduced to what the error needs: its type. jsonschema prints the
    values it reports on; a deep, cyclic or huge one would make that fail."""
    if isinstance(value, dict | list | tuple | set | frozenset):
        return type(value)()
    if isinstance(value, int) and not isinstance(value, bool):
        return 0 if value.bit_length() > _MAX_INT_BITS else value
    return value


def _prepare_leaf(
    kind: str | None, sub: dict[str, Any], value: Any, path: FieldPath, errors: list[_Fout]
) -> Any:
    """Before the schema check: `datetime.date` objects become ISO strings, integers
    too long to print are refused, and a container where the schema has none is
    reduced to an empty one (it fails the type check either way)."""
    if isinstance(value, int) and value.bit_length() > _MAX_INT_BITS:
        errors.append((path, 0, "is een te groot getal"))
        return value
    if isinstance(value, dict | list | tuple | set | frozenset):
        return _shallow(value)
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
    """After the schema check: printable text, real calendar dates in range, cents,
    Decimal/int conversion."""
    if sub.get("format") != "date" and isinstance(value, str):
        if teken := _ONDRUKBAAR.search(value):
            errors.append((path, 2, _ongeldig_teken(teken.group())))
        return value
    if sub.get("format") == "date":
        if isinstance(value, str):
            if not _DATE_RE.fullmatch(value):  # e.g. a trailing newline, which `$` allows
                errors.append((path, 2, f"{_show(value)} is geen geldige datum (JJJJ-MM-DD)"))
                return value
            year, month, day = (int(part) for part in value.split("-"))
            try:
                datum = dt.date(year, month, day)
            except ValueError:
                errors.append((path, 2, f"{_show(value)} is geen geldige datum"))
                return value
            if not EERSTE_DATUM <= datum <= LAATSTE_DATUM:
                errors.append((path, 2, _buiten_bereik(value)))
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


def _ongeldig_teken(teken: str) -> str:
    soort = "een losse surrogaat" if "\ud800" <= teken <= "\udfff" else "een stuurteken"
    return (f"bevat een ongeldig teken (U+{ord(teken):04X}, {soort}); gebruik gewone tekst "
            "zonder stuurtekens of regeleinden")


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
            bericht = _TYPE_NAMES[expected] + _komma_hint(expected, instance)
        else:
            bericht = f"heeft niet het juiste type ({expected})"
        yield path, 0, bericht
        return
    yield path, 1, _value_message(error, path, schema)


def _value_message(error: ValidationError, path: FieldPath, schema: dict[str, Any]) -> str:
    """The Dutch message for a value of the right type that the schema still refuses."""
    keyword, instance = error.validator, error.instance
    if keyword == "enum":
        choices = ", ".join(str(choice) for choice in error.validator_value)
        return f"{_show(instance)} is geen geldige waarde; kies uit: {choices}"
    if keyword == "pattern":
        if schema.get("format") == "date":
            return f"{_show(instance)} is geen geldige datum (JJJJ-MM-DD)"
        if path and path[-1] in ("woonplaats", "gemeente"):
            return (
                f"{_show(instance)} is geen geldige gemeentenaam; gebruik kleine letters, "
                "cijfers en '-' (bv. 'dijk-en-waard')"
            )
        return f"{_show(instance)} heeft niet de juiste vorm"
    if keyword == "minimum":
        if error.validator_value == 0:
            return "mag niet negatief zijn"
        return f"moet minstens {error.validator_value} zijn"
    if keyword == "maximum":
        return f"mag niet groter zijn dan {error.validator_value}"
    if keyword == "uniqueItems":
        return "bevat dezelfde waarde meer dan eens"
    if keyword == "maxItems":
        return f"bevat meer dan {error.validator_value} elementen"
    if keyword == "maxLength":
        return f"is langer dan {error.validator_value} tekens"
    return f"ongeldige waarde (regel '{keyword}' van het schema)"


_KOMMA_GETAL = re.compile(r"\s*([0-9]{1,3}(?:\.[0-9]{3})+|[0-9]+),([0-9]+)\s*")


def _komma_hint(expected: str, instance: object) -> str:
    """For "850,50" where a number belongs: say how to write it."""
    if expected != "number" or not isinstance(instance, str):
        return ""
    match = _KOMMA_GETAL.fullmatch(instance)
    if match is None:
        return ""
    geheel = match.group(1).replace(".", "")
    return f"; gebruik een punt als decimaalteken: {geheel}.{match.group(2)}"


def _safe(text: str) -> str:
    """`text` with control characters and lone surrogates written as `\\uXXXX`, so a
    message about them can be printed and encoded."""
    return _ONDRUKBAAR.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def _show(value: object) -> str:
    """A value as it appears in a message: text quoted and printable, long values
    shortened."""
    if isinstance(value, str):
        text = value if len(value) <= _MAX_SHOWN else value[: _MAX_SHOWN - 1] + "…"
        return f"'{_safe(text)}'"
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


def show_value(value: object) -> str:
    """A value for a message, quoted, shortened and printable (for other modules)."""
    return _show(value)


# ------------------------------------------------------------ checks on the peildatum


def check_household(data: Mapping[str, Any], peildatum: dt.date) -> None:
    """What only the peildatum reveals, refused rather than decided on silently.

    A person born after the peildatum ("U bent -4 jaar"), a `kinderen` entry older
    than 18 (it would silently drop out of the household), an earlier IIT or earlier
    schuldhulp that lies after the moment it precedes, and a request date decades
    away. `data` is a validated case; raises `InvoerFout` for the first problem.
    """
    personen: list[tuple[str, Any]] = [("aanvrager", data.get("aanvrager")),
                                       ("partner", data.get("partner"))]
    personen += [(f"kinderen[{i}]", kind) for i, kind in enumerate(data.get("kinderen") or [])]
    personen += [(f"medebewoners[{i}]", persoon)
                 for i, persoon in enumerate(data.get("medebewoners") or [])]
    for pad, persoon in personen:
        geboren = _datum(persoon, "geboortedatum")
        if geboren is None:
            continue
        if geboren > peildatum:
            raise InvoerFout(f"{pad}.geboortedatum", (
                f"{geboren.isoformat()} ligt na de peildatum ({peildatum.isoformat()}); "
                "wie op de peildatum nog niet geboren is hoort niet in de casus — "
                "controleer de geboortedatum of de peildatum"))
        leeftijd = age_on(geboren, peildatum)
        if pad.startswith("kinderen[") and leeftijd > KIND_HOOGSTENS:
            raise InvoerFout(f"{pad}.geboortedatum", (
                f"dit kind is op de peildatum {leeftijd} jaar; kinderen zijn jonger dan 18 "
                f"(of precies 18) — geef meerderjarige kinderen op onder medebewoners"))
    for eerder in (("minima", "laatste_iit_toekenning"), ("aanvrager", "in_nederland_sinds"),
                   ("partner", "in_nederland_sinds")):
        _check_not_after(data, eerder, peildatum, "de peildatum")
    for i, item in enumerate(data.get("inkomsten") or []):
        sinds = _datum(item, "sinds")
        if sinds is not None and sinds > peildatum:
            raise InvoerFout(f"inkomsten[{i}].sinds", (
                f"{sinds.isoformat()} ligt na de peildatum ({peildatum.isoformat()}); een "
                "inkomen dat nog moet beginnen, telt op de peildatum niet — laat het weg"))
    hulpvraag = _datum(data.get("schuldhulp"), "hulpvraag_datum")
    if hulpvraag is not None:
        _check_not_after(data, ("schuldhulp", "eerdere_schuldhulp_beeindigd_op"), hulpvraag,
                         "de hulpvraag (schuldhulp.hulpvraag_datum)")
    for blok, veld in (("schuldhulp", "hulpvraag_datum"), ("aanvraag", "melddatum")):
        _check_request_date(data, blok, veld, peildatum)


def _datum(blok: object, veld: str) -> dt.date | None:
    """The date `veld` of a validated block, if both are there."""
    if not isinstance(blok, Mapping) or not isinstance(blok.get(veld), str):
        return None
    return dt.date.fromisoformat(blok[veld])


def _check_not_after(data: Mapping[str, Any], pad: tuple[str, str], grens: dt.date,
                     wat: str) -> None:
    """A date of something earlier (a previous IIT, earlier schuldhulp) after `grens`."""
    datum = _datum(data.get(pad[0]), pad[1])
    if datum is not None and datum > grens:
        raise InvoerFout(".".join(pad), f"{datum.isoformat()} ligt na {wat} "
                         f"({grens.isoformat()}); dit veld gaat over iets dat eraan voorafging")


def _check_request_date(data: Mapping[str, Any], blok: str, veld: str,
                        peildatum: dt.date) -> None:
    """A request date within VERZOEK_VOOR_JAREN before to VERZOEK_NA_JAREN after."""
    datum = _datum(data.get(blok), veld)
    if datum is None:
        return
    laatste = add_months(peildatum, 12 * VERZOEK_NA_JAREN)
    eerste = add_months(peildatum, -12 * VERZOEK_VOOR_JAREN)
    if datum > laatste:
        wat = f"meer dan {VERZOEK_NA_JAREN} jaar na"
    elif datum < eerste:
        wat = f"meer dan {VERZOEK_VOOR_JAREN} jaar voor"
    else:
        return
    raise InvoerFout(f"{blok}.{veld}", (
        f"{datum.isoformat()} ligt {wat} de peildatum ({peildatum.isoformat()}); een besluit "
        "gaat over een verzoek rond de peildatum — controleer de datum of de peildatum"))


WOONPLAATS_GELIJKENIS = 0.8
"""How close (difflib ratio) a woonplaats outside the region may come to a gemeente of
the region before it is taken for a typo: 'heilo' (0.91), 'bergen-nh' (0.8) are."""


def woonplaats_aanname(data: Mapping[str, Any], gemeenten: Collection[str]) -> str | None:
    """The aanname for a woonplaats outside the region, or None when there is none.

    People move, so a woonplaats that is no gemeente of the region is allowed and
    said under `aannames`; one that looks like a typo of a gemeente of the region
    ('heilo') is refused, since it would silently refuse what the household may claim.
    """
    aanvrager = data.get("aanvrager")
    woonplaats = aanvrager.get("woonplaats") if isinstance(aanvrager, Mapping) else None
    if not isinstance(woonplaats, str) or woonplaats in gemeenten:
        return None
    bekend = sorted(gemeenten)
    close = difflib.get_close_matches(woonplaats, bekend, n=1, cutoff=WOONPLAATS_GELIJKENIS)
    if close:
        raise InvoerFout("aanvrager.woonplaats", (
            f"{_show(woonplaats)} is geen gemeente van de regio (bedoelt u '{close[0]}'?); "
            "kies uit: " + ", ".join(bekend)))
    return (f"aanvrager.woonplaats {_show(woonplaats)} is geen gemeente van de regio "
            "Alkmaar; aangenomen dat de aanvrager daar woont")


def check_text(pad: str, value: object) -> None:
    """Refuse text from outside the case (a command-line option) that cannot be printed."""
    if isinstance(value, str) and (teken := _ONDRUKBAAR.search(value)):
        raise InvoerFout(pad, f"{_show(value)} {_ongeldig_teken(teken.group())}")

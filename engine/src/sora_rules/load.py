"""Load YAML policy files keeping `file:line:col` for every node.

PyYAML is composed once into a node tree; we construct plain Python values
from it ourselves so that (a) duplicate keys are an error instead of "last one
wins", (b) dates stay ISO strings (no silent `date` objects, no crash on
2024-02-30), (c) decimals become `Decimal` exactly, and (d) every value's
position -- and every mapping key's -- can be looked up by its path for
validation messages. A YAML syntax error becomes a Dutch message at the place
an advisor has to look (the English PyYAML text follows in parentheses).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import yaml

from .errors import RegelFout

Pad = tuple[str | int, ...]


# libyaml's parser when PyYAML was built with it (the wheels are): ~5x faster composing,
# which is most of the CLI's cold start. Marks (line, column) are the same.
_Base: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_Base):  # type: ignore[misc, valid-type]
    """SafeLoader without the timestamp resolver: dates remain strings."""


class _PyLoader(yaml.SafeLoader):
    """The pure-Python parser, only to word a syntax error (its messages are what we translate)."""


_Loader.yaml_implicit_resolvers = _PyLoader.yaml_implicit_resolvers = {
    key: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@dataclass(frozen=True)
class Document:
    """One loaded YAML file: its data and the position of every path in it.

    `posities` holds where each value starts; `sleutels` where the key of each
    mapping entry starts (the same path: `("gemeente", "naam")` is the key
    `naam:` in `sleutels` and its value in `posities`).
    """

    bestand: str
    data: Any
    posities: dict[Pad, tuple[int, int]] = field(repr=False)
    sleutels: dict[Pad, tuple[int, int]] = field(default_factory=dict, repr=False)

    def positie(self, pad: Pad, sleutel: bool = False) -> tuple[int, int]:
        """(line, col), 1-based, of the deepest known node on `pad`.

        With `sleutel`, the key of the last step when `pad` ends in a mapping
        key (unknown keys, date keys); otherwise, and for list items, the value.
        """
        if sleutel and pad in self.sleutels:
            return self.sleutels[pad]
        for n in range(len(pad), -1, -1):
            if pad[:n] in self.posities:
                return self.posities[pad[:n]]
        return (1, 1)

    def plaats(self, pad: Pad, sleutel: bool = False) -> str:
        """`file:line:col` (1-based) of `pad`: its value, or with `sleutel` its key."""
        line, col = self.positie(pad, sleutel)
        return f"{self.bestand}:{line}:{col}"


def _scalar(node: yaml.ScalarNode, bestand: str) -> Any:
    tag = node.tag
    if tag == "tag:yaml.org,2002:float":
        try:
            return Decimal(node.value.replace("_", ""))
        except InvalidOperation:
            return yaml.SafeLoader.construct_yaml_float(yaml.SafeLoader(""), node)
    if tag == "tag:yaml.org,2002:int":
        return yaml.SafeLoader.construct_yaml_int(yaml.SafeLoader(""), node)
    if tag == "tag:yaml.org,2002:bool":
        return yaml.SafeLoader.construct_yaml_bool(yaml.SafeLoader(""), node)
    if tag == "tag:yaml.org,2002:null":
        return None
    return node.value


def _pos(node: yaml.Node) -> tuple[int, int]:
    return (node.start_mark.line + 1, node.start_mark.column + 1)


def _construct(node: yaml.Node, pad: Pad, posities: dict[Pad, tuple[int, int]],
               sleutels: dict[Pad, tuple[int, int]], bestand: str) -> Any:
    posities[pad] = _pos(node)
    if isinstance(node, yaml.MappingNode):
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = _scalar(key_node, bestand) if isinstance(key_node, yaml.ScalarNode) else None
            if not isinstance(key, str | int | bool) or key is None:
                raise RegelFout(_mark(bestand, key_node), "een sleutel moet tekst zijn")
            key = str(key).lower() if isinstance(key, bool) else str(key)
            if key in result:
                eerder = sleutels[(*pad, key)][0]
                raise RegelFout(_mark(bestand, key_node),
                                f"sleutel '{key}' komt dubbel voor (eerder op regel {eerder})")
            sleutels[(*pad, key)] = _pos(key_node)
            result[key] = _construct(value_node, (*pad, key), posities, sleutels, bestand)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_construct(item, (*pad, i), posities, sleutels, bestand)
                for i, item in enumerate(node.value)]
    assert isinstance(node, yaml.ScalarNode)
    return _scalar(node, bestand)


def _mark(bestand: str, node: yaml.Node) -> str:
    return f"{bestand}:{node.start_mark.line + 1}:{node.start_mark.column + 1}"


# PyYAML's problem texts, in Dutch. The flag says whether the place to look is
# where the construct began (`context_mark`, e.g. an opening quote) rather than
# where the parser gave up (`problem_mark`, often the next line or the end).
_YAML_PROBLEMEN: tuple[tuple[re.Pattern[str], str, bool], ...] = tuple(
    (re.compile(rx), tekst, bij_begin) for rx, tekst, bij_begin in (
        (r"mapping values are not allowed here",
         "hier mag geen ':' staan; zet tekst met een dubbele punt tussen aanhalingstekens "
         "of controleer de inspringing", False),
        (r"found character '\\t'",
         "tab-teken gevonden; spring in met spaties", False),
        (r"found character '(.)' that cannot start any token",
         "het teken '{0}' mag hier niet beginnen; zet de tekst tussen aanhalingstekens", False),
        (r"could not find expected ':'",
         "dubbele punt ':' na de sleutel ontbreekt", True),
        (r"found unexpected end of stream",
         "onverwacht einde van het bestand; is een aanhalingsteken niet gesloten?", True),
        (r"found unknown escape character '(.)'",
         "onbekende escape '\\{0}' tussen dubbele aanhalingstekens; gebruik enkele "
         "aanhalingstekens", False),
        (r"expected ',' or '\}', but got '<stream end>'",
         "accolade '{{' wordt niet gesloten met '}}'", True),
        (r"expected ',' or '\]', but got '<stream end>'",
         "blokhaak '[' wordt niet gesloten met ']'", True),
        (r"expected ',' or '\}'",
         "verwacht ',' of '}}' in de {{…}}-opsomming; ontbreekt een komma of sluitaccolade?",
         False),
        (r"expected ',' or '\]'",
         "verwacht ',' of ']' in de […]-lijst; ontbreekt een komma of sluithaak?", False),
        (r"expected <block end>, but found '-'",
         "onverwacht lijstelement '-'; controleer de inspringing", False),
        (r"expected <block end>, but found '<scalar>'",
         "onverwachte tekst na de waarde; zet de hele waarde tussen aanhalingstekens", False),
        (r"expected <block end>",
         "onverwachte inspringing; sleutels op hetzelfde niveau moeten even ver inspringen",
         False),
        (r"expected the node content",
         "waarde ontbreekt (bijvoorbeeld twee komma's achter elkaar)", False),
        (r"but found another document",
         "meer dan één YAML-document ('---') in één bestand", False),
        (r"found undefined alias '(.*)'",
         "onbekende verwijzing '*{0}' (alias zonder anker)", False),
        (r"second occurrence",
         "anker komt dubbel voor", False),
        (r"expected chomping or indentation indicators",
         "ongeldige aanduiding na '|' of '>'", False),
    ))


def yaml_fout(exc: yaml.MarkedYAMLError) -> tuple[tuple[int, int] | None, str]:
    """(line, col) and a Dutch message for a PyYAML syntax error."""
    probleem = exc.problem or exc.context or str(exc)
    for rx, tekst, bij_begin in _YAML_PROBLEMEN:
        m = rx.search(probleem)
        if m:
            mark = (exc.context_mark if bij_begin else exc.problem_mark) \
                or exc.problem_mark or exc.context_mark
            bericht = tekst.format(*m.groups())
            break
    else:
        mark = exc.problem_mark or exc.context_mark
        bericht = "ongeldige opbouw"
    positie = (mark.line + 1, mark.column + 1) if mark else None
    return positie, f"ongeldige YAML: {bericht} ({probleem})"


def load_text(text: str, bestand: str) -> Document:
    """Parse one YAML document; a syntax error becomes a `RegelFout` with its place."""
    try:
        try:
            node = yaml.compose(text, Loader=_Loader)
        except yaml.YAMLError:
            node = yaml.compose(text, Loader=_PyLoader)  # raises again, in PyYAML's words
    except yaml.MarkedYAMLError as exc:
        positie, bericht = yaml_fout(exc)
        plaats = f"{bestand}:{positie[0]}:{positie[1]}" if positie else bestand
        raise RegelFout(plaats, bericht) from None
    except yaml.reader.ReaderError as exc:
        voor = text[:exc.position] if isinstance(exc.position, int) else ""
        line, col = voor.count("\n") + 1, len(voor) - (voor.rfind("\n") + 1) + 1
        teken = f"#x{exc.character:04X}" if isinstance(exc.character, int) else repr(exc.character)
        raise RegelFout(f"{bestand}:{line}:{col}", f"ongeldige YAML: niet-toegestaan teken "
                        f"{teken} (een stuurteken); verwijder het ({exc.reason})") from None
    except yaml.YAMLError as exc:
        probleem = " ".join(str(exc).split())
        raise RegelFout(bestand, f"ongeldige YAML: niet te lezen ({probleem})") from None
    posities: dict[Pad, tuple[int, int]] = {}
    sleutels: dict[Pad, tuple[int, int]] = {}
    data = {} if node is None else _construct(node, (), posities, sleutels, bestand)
    return Document(bestand=bestand, data=data, posities=posities, sleutels=sleutels)


def load_file(path: Path, naam: str | None = None) -> Document:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise RegelFout(str(naam or path), f"bestand niet leesbaar: {exc}") from None
    return load_text(text, naam or str(path))


def yaml_files(root: Path) -> Iterator[Path]:
    """All `*.yaml` files below `root`, in a stable order."""
    yield from sorted(p for p in root.rglob("*.yaml") if p.is_file())

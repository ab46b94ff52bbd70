"""Load YAML policy files keeping `file:line:col` for every node.

PyYAML is composed once into a node tree; we construct plain Python values
from it ourselves so that (a) duplicate keys are an error instead of "last one
wins", (b) dates stay ISO strings (no silent `date` objects, no crash on
2024-02-30), (c) decimals become `Decimal` exactly, and (d) every value's
position can be looked up by its path for validation messages.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import yaml

from .errors import RegelFout

Pad = tuple[str | int, ...]


class _Loader(yaml.SafeLoader):
    """SafeLoader without the timestamp resolver: dates remain strings."""


_Loader.yaml_implicit_resolvers = {
    key: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@dataclass(frozen=True)
class Document:
    """One loaded YAML file: its data and the position of every path in it."""

    bestand: str
    data: Any
    posities: dict[Pad, tuple[int, int]] = field(repr=False)

    def plaats(self, pad: Pad) -> str:
        """`file:line:col` (1-based) of the deepest known node on `pad`."""
        for n in range(len(pad), -1, -1):
            if pad[:n] in self.posities:
                line, col = self.posities[pad[:n]]
                return f"{self.bestand}:{line}:{col}"
        return f"{self.bestand}:1:1"


def _scalar(node: yaml.ScalarNode, bestand: str) -> Any:
    tag = node.tag
    if tag == "tag:yaml.org,2002:float":
        try:
            return Decimal(node.value.replace("_", ""))
        except InvalidOperation:
            return _Loader.construct_yaml_float(_Loader(""), node)
    if tag == "tag:yaml.org,2002:int":
        return _Loader.construct_yaml_int(_Loader(""), node)
    if tag == "tag:yaml.org,2002:bool":
        return _Loader.construct_yaml_bool(_Loader(""), node)
    if tag == "tag:yaml.org,2002:null":
        return None
    return node.value


def _construct(
    node: yaml.Node, pad: Pad, posities: dict[Pad, tuple[int, int]], bestand: str
) -> Any:
    posities[pad] = (node.start_mark.line + 1, node.start_mark.column + 1)
    if isinstance(node, yaml.MappingNode):
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = _scalar(key_node, bestand) if isinstance(key_node, yaml.ScalarNode) else None
            if not isinstance(key, str | int | bool) or key is None:
                raise RegelFout(_mark(bestand, key_node), "een sleutel moet tekst zijn")
            key = str(key).lower() if isinstance(key, bool) else str(key)
            if key in result:
                raise RegelFout(_mark(bestand, key_node), f"sleutel '{key}' komt dubbel voor")
            result[key] = _construct(value_node, (*pad, key), posities, bestand)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [
            _construct(item, (*pad, i), posities, bestand) for i, item in enumerate(node.value)
        ]
    return _scalar(node, bestand)


def _mark(bestand: str, node: yaml.Node) -> str:
    return f"{bestand}:{node.start_mark.line + 1}:{node.start_mark.column + 1}"


def load_text(text: str, bestand: str) -> Document:
    """Parse one YAML document; a syntax error becomes a `RegelFout` with its place."""
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        plaats = f"{bestand}:{mark.line + 1}:{mark.column + 1}" if mark else bestand
        raise RegelFout(plaats, f"ongeldige YAML: {exc.problem or exc}") from None
    except yaml.YAMLError as exc:
        raise RegelFout(bestand, f"ongeldige YAML: {exc}") from None
    posities: dict[Pad, tuple[int, int]] = {}
    data = {} if node is None else _construct(node, (), posities, bestand)
    return Document(bestand=bestand, data=data, posities=posities)


def load_file(path: Path, naam: str | None = None) -> Document:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise RegelFout(str(naam or path), f"bestand niet leesbaar: {exc}") from None
    return load_text(text, naam or str(path))


def yaml_files(root: Path) -> Iterator[Path]:
    """All `*.yaml` files below `root`, in a stable order."""
    yield from sorted(p for p in root.rglob("*.yaml") if p.is_file())

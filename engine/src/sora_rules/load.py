"""Load YAML policy files keeping `file:line:col` for every node.

PyYAML is composed once into a node tree; we construct plain Python values
from it ourselves so that (a) duplicate keys are an error instead of "last one
wins", (b) dates stay ISO strings (no silent `date` objects, no crash on
2024-02-30), (c) decimals become `Decimal` exactly, and (d) every value's
position -- and every mapping key's -- can be looked up by its path for
validation messages. A YAML syntax error becomes a Dutch message at the place
an advisor has to look (the English PyYAML text follows in parentheses).

Policy files are plain data, so what plain data never needs is refused with
its place: aliases (`*naam`) that expand to more than `MAX_HERHAALD` values
(nested aliases turn a small file into billions of nodes) or into themselves,
explicit tags (`!!python/object`, `!eigen`), files over `MAX_BYTES`,
nesting deeper than `MAX_DIEPTE` and bytes that are not UTF-8.
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

MAX_BYTES = 1_000_000  # a policy file is a few kB; more is a mistake or an attack
MAX_DIEPTE = 64  # the deepest policy file nests about 12 levels
MAX_HERHAALD = 10_000  # values repeated through aliases (a shared `bron` is a handful)
# The tags the resolver gives plain YAML; any other tag was written by hand (`!!python/…`).
_TAGS = frozenset(f"tag:yaml.org,2002:{t}" for t in ("str", "int", "float", "bool", "null",
                                                        "map", "seq"))


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


# A `"\\udXXX"` escape gives half a character (a surrogate): no text, and the rule engine's
# C code refuses it. Written as the character itself, every character is fine.
_SURROGAAT = re.compile("[\ud800-\udfff]")


def _scalar(node: yaml.ScalarNode, bestand: str) -> Any:
    tag = node.tag
    if m := _SURROGAAT.search(node.value):
        raise RegelFout(_mark(bestand, node), f"ongeldig teken \\u{ord(m.group()):04x} (een half "
                        "teken); schrijf het teken zelf in plaats van de \\u-code")
    try:
        if tag == "tag:yaml.org,2002:float":
            try:
                return Decimal(node.value.replace("_", ""))
            except InvalidOperation:
                return yaml.SafeLoader.construct_yaml_float(yaml.SafeLoader(""), node)
        if tag == "tag:yaml.org,2002:int":
            return yaml.SafeLoader.construct_yaml_int(yaml.SafeLoader(""), node)
        if tag == "tag:yaml.org,2002:bool":
            return yaml.SafeLoader.construct_yaml_bool(yaml.SafeLoader(""), node)
    except (ValueError, KeyError):  # an explicit `!!int abc` or `!!bool misschien`
        raise RegelFout(_mark(bestand, node), f"'{node.value}' past niet bij de aanduiding "
                        f"'{_kort(tag)}'; laat de aanduiding weg") from None
    if tag == "tag:yaml.org,2002:null":
        return None
    return node.value


def _kort(tag: str) -> str:
    return "!!" + tag.removeprefix("tag:yaml.org,2002:") if tag.startswith("tag:yaml.org") else tag


def _pos(node: yaml.Node) -> tuple[int, int]:
    return (node.start_mark.line + 1, node.start_mark.column + 1)


class _Opbouw:
    """Constructs plain values from composed nodes, refusing what policy data never needs."""

    def __init__(self, bestand: str, text: str) -> None:
        self.bestand = bestand
        self.text = text
        self.posities: dict[Pad, tuple[int, int]] = {}
        self.sleutels: dict[Pad, tuple[int, int]] = {}
        self.gezien: set[int] = set()  # nodes constructed before: met again via an alias
        self.open: set[int] = set()  # nodes being constructed: an alias to one is a cycle
        self.herhaald = 0  # values constructed again through aliases

    def waarde(self, node: yaml.Node, pad: Pad, herhaling: bool = False) -> Any:
        herhaling = herhaling or id(node) in self.gezien
        self._controleer(node, pad, herhaling)
        self.posities[pad] = _pos(node)
        self.open.add(id(node))
        try:
            if isinstance(node, yaml.MappingNode):
                return self._mapping(node, pad, herhaling)
            if isinstance(node, yaml.SequenceNode):
                return [self.waarde(item, (*pad, i), herhaling)
                        for i, item in enumerate(node.value)]
            assert isinstance(node, yaml.ScalarNode)
            return _scalar(node, self.bestand)
        finally:
            self.open.discard(id(node))

    def _controleer(self, node: yaml.Node, pad: Pad, herhaling: bool) -> None:
        """Aliases may repeat a little, never recurse; a tag not from the resolver was
        written by hand."""
        if id(node) in self.open:
            raise RegelFout(*_alias(self.text, self.bestand, node, "verwijst naar zichzelf"))
        self.gezien.add(id(node))
        self.herhaald += herhaling
        if self.herhaald > MAX_HERHAALD:
            raise RegelFout(*_alias(self.text, self.bestand, node, (
                f"herhaalt via verwijzingen meer dan {MAX_HERHAALD:_} waarden".replace("_", "."))))
        if node.tag == "tag:yaml.org,2002:merge":
            raise RegelFout(_mark(self.bestand, node), "samenvoegen met '<<' is niet toegestaan "
                            "in een regelbestand; schrijf de sleutels voluit")
        if node.tag not in _TAGS:
            raise RegelFout(_mark(self.bestand, node), f"aanduiding '{_kort(node.tag)}' is niet "
                            "toegestaan in een regelbestand; laat haar weg (alleen gewone "
                            "tekst, getallen, lijsten en sleutels)")
        if len(pad) > MAX_DIEPTE:
            raise RegelFout(_mark(self.bestand, node), f"te diep genest (meer dan {MAX_DIEPTE} "
                            "niveaus)")

    def _mapping(self, node: yaml.MappingNode, pad: Pad, herhaling: bool) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            self._controleer(key_node, pad, herhaling or id(key_node) in self.gezien)
            key = _scalar(key_node, self.bestand) if isinstance(key_node, yaml.ScalarNode) \
                else None
            if not isinstance(key, str | int | bool) or key is None:
                raise RegelFout(_mark(self.bestand, key_node), "een sleutel moet tekst zijn")
            key = str(key).lower() if isinstance(key, bool) else str(key)
            if key in result:
                eerder = self.sleutels[(*pad, key)][0]
                raise RegelFout(_mark(self.bestand, key_node),
                                f"sleutel '{key}' komt dubbel voor (eerder op regel {eerder})")
            self.sleutels[(*pad, key)] = _pos(key_node)
            result[key] = self.waarde(value_node, (*pad, key), herhaling)
        return result


def _alias(text: str, bestand: str, node: yaml.Node, probleem: str) -> tuple[str, str]:
    """The place and message for an alias (`*naam`) to `node`; the node tree lost its place."""
    for event in _events(text):
        mark = event.start_mark
        if isinstance(event, yaml.AliasEvent) and mark is not None:
            plaats = f"{bestand}:{mark.line + 1}:{mark.column + 1}"
            return plaats, (f"verwijzing '*{event.anchor}' {probleem}; schrijf de waarden "
                            "voluit (YAML-ankers en -verwijzingen zijn hier niet nodig)")
    return _mark(bestand, node), f"verwijzing {probleem}; schrijf de waarden voluit"


def _events(text: str) -> Iterator[yaml.Event]:
    try:
        yield from yaml.parse(text, Loader=_PyLoader)
    except yaml.YAMLError:
        return


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
    if len(text) > MAX_BYTES:
        raise RegelFout(f"{bestand}:1:1", f"bestand is te groot (meer dan {MAX_BYTES:_} tekens); "
                        "een regelbestand is een paar kB".replace("_", "."))
    node = _compose(text, bestand)
    opbouw = _Opbouw(bestand, text)
    try:
        data = {} if node is None else opbouw.waarde(node, ())
    except RecursionError:
        raise RegelFout(f"{bestand}:1:1", "te diep genest") from None
    return Document(bestand=bestand, data=data, posities=opbouw.posities,
                    sleutels=opbouw.sleutels)


def _compose(text: str, bestand: str) -> yaml.Node | None:
    try:
        try:
            return yaml.compose(text, Loader=_Loader)
        except yaml.YAMLError:
            return yaml.compose(text, Loader=_PyLoader)  # raises again, in PyYAML's words
    except yaml.MarkedYAMLError as exc:
        positie, bericht = yaml_fout(exc)
        plaats = f"{bestand}:{positie[0]}:{positie[1]}" if positie else f"{bestand}:1:1"
        raise RegelFout(plaats, bericht) from None
    except yaml.reader.ReaderError as exc:
        voor = text[:exc.position] if isinstance(exc.position, int) else ""
        line, col = voor.count("\n") + 1, len(voor) - (voor.rfind("\n") + 1) + 1
        teken = f"#x{exc.character:04X}" if isinstance(exc.character, int) else repr(exc.character)
        raise RegelFout(f"{bestand}:{line}:{col}", f"ongeldige YAML: niet-toegestaan teken "
                        f"{teken} (een stuurteken); verwijder het ({exc.reason})") from None
    except yaml.YAMLError as exc:
        probleem = " ".join(str(exc).split())
        raise RegelFout(f"{bestand}:1:1", f"ongeldige YAML: niet te lezen ({probleem})") from None
    except RecursionError:
        raise RegelFout(f"{bestand}:1:1", "te diep genest") from None


def load_file(path: Path, naam: str | None = None) -> Document:
    """Read one policy file: at most `MAX_BYTES`, UTF-8 (a bad byte is named with its place)."""
    bestand = naam or str(path)
    try:
        with path.open("rb") as f:
            inhoud = f.read(MAX_BYTES + 1)
    except OSError as exc:
        raise RegelFout(f"{bestand}:1:1", f"bestand niet leesbaar: {exc.strerror or exc}") from None
    if len(inhoud) > MAX_BYTES:
        raise RegelFout(f"{bestand}:1:1", f"bestand is te groot (meer dan {MAX_BYTES:_} bytes); "
                        "een regelbestand is een paar kB".replace("_", "."))
    try:
        text = inhoud.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise RegelFout(_byte_plaats(bestand, inhoud, exc.start),
                        f"ongeldige UTF-8: byte 0x{inhoud[exc.start]:02X} hoort niet in "
                        "UTF-8-tekst; sla het bestand op als UTF-8") from None
    return load_text(text, bestand)


def _byte_plaats(bestand: str, inhoud: bytes, start: int) -> str:
    """`file:line:col` of byte `start` (the column counted in characters)."""
    regel_begin = inhoud.rfind(b"\n", 0, start) + 1
    kolom = len(inhoud[regel_begin:start].decode("utf-8", errors="replace")) + 1
    regel = inhoud.count(b"\n", 0, start) + 1
    return f"{bestand}:{regel}:{kolom}"


def yaml_files(root: Path) -> Iterator[Path]:
    """All `*.yaml` files below `root`, in a stable order."""
    yield from sorted(p for p in root.rglob("*.yaml") if p.is_file())

"""The shape of a case as columns, read from specs/case.schema.json (one source).

Every field of the case contract has one column: `aanvrager.geboortedatum`; the items of
a top-level list (`kinderen`, `medebewoners`, `inkomsten`, `kosten`) are columns of their
own with a row number; a list of words inside a block (`schuldhulp.bedreigende_situaties`,
`aanvraag.regelingen`) is kept as a list. The kind of each column (date, money, whole
number, yes/no, word) follows from the schema, so a field added to the contract is read
without a change here.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from typing import Any

import pyarrow as pa

from ..resources import schema_path

DATUM, GELD, GEHEEL, WAAR, WOORD = "datum", "geld", "geheel", "waar", "woord"
GELD_TYPE = pa.decimal128(14, 2)  # exact cents; a third decimal is refused on reading


@dataclass(frozen=True)
class Veld:
    pad: str  # dotted, relative to the case (or to a list item)
    soort: str  # datum | geld | geheel | waar | woord
    opties: tuple[str, ...] = ()  # the enum of a word, if any
    minimum: int | None = None
    maximum: int | None = None
    patroon: str | None = None
    max_lengte: int | None = None


@dataclass(frozen=True)
class Lijst:
    naam: str
    velden: tuple[Veld, ...]
    max_items: int


@dataclass(frozen=True)
class Indeling:
    velden: tuple[Veld, ...]  # top-level words and block fields
    blokken: tuple[str, ...]  # top-level objects
    lijsten: tuple[Lijst, ...]  # top-level lists of objects
    woordlijsten: tuple[Veld, ...] = field(default=())  # lists of words in a block

    def lijst(self, naam: str) -> Lijst:
        return next(lst for lst in self.lijsten if lst.naam == naam)

    def arrow_schema(self) -> pa.Schema:
        """The nested Arrow schema of a case (JSON Lines are read with it)."""
        boven: dict[str, Any] = {}
        for v in self.velden:
            if "." not in v.pad:
                boven[v.pad] = _arrow(v.soort)
        for blok in self.blokken:
            kinderen = [pa.field(v.pad.split(".", 1)[1], _arrow(v.soort)) for v in self.velden
                        if v.pad.startswith(blok + ".")]
            kinderen += [pa.field(w.pad.split(".", 1)[1], pa.list_(pa.string()))
                         for w in self.woordlijsten if w.pad.startswith(blok + ".")]
            boven[blok] = pa.struct(kinderen)
        for lst in self.lijsten:
            boven[lst.naam] = pa.list_(pa.struct([pa.field(v.pad, _arrow(v.soort))
                                                  for v in lst.velden]))
        return pa.schema([pa.field(k, t) for k, t in boven.items()])


def _arrow(soort: str) -> pa.DataType:
    return {DATUM: pa.string(), GELD: GELD_TYPE, GEHEEL: pa.int64(), WAAR: pa.bool_(),
            WOORD: pa.string()}[soort]


def _los(schema: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node:
        node = schema["$defs"][node["$ref"].rsplit("/", 1)[-1]]
    return node


def _veld(pad: str, node: dict[str, Any], geld: dict[str, Any]) -> Veld:
    soort = (GELD if node is geld else DATUM if node.get("format") == "date"
             else GEHEEL if node.get("type") == "integer" else WAAR
             if node.get("type") == "boolean" else WOORD)
    return Veld(pad, soort, tuple(node.get("enum", ())), node.get("minimum"),
                node.get("maximum"), node.get("pattern"), node.get("maxLength"))


@cache
def indeling() -> Indeling:
    """The case contract as columns."""
    schema = json.loads(schema_path("case.schema.json").read_text(encoding="utf-8"))
    geld = schema["$defs"]["geld"]
    velden: list[Veld] = []
    blokken: list[str] = []
    lijsten: list[Lijst] = []
    woordlijsten: list[Veld] = []
    for naam, node in schema["properties"].items():
        node = _los(schema, node)
        if node.get("type") == "object":
            blokken.append(naam)
            for sub, kind in node["properties"].items():
                kind = _los(schema, kind)
                if kind.get("type") == "array":
                    woordlijsten.append(_veld(f"{naam}.{sub}", _los(schema, kind["items"]), geld))
                else:
                    velden.append(_veld(f"{naam}.{sub}", kind, geld))
        elif node.get("type") == "array":
            items = _los(schema, node["items"])
            lijsten.append(Lijst(naam, tuple(_veld(k, _los(schema, v), geld)
                                             for k, v in items["properties"].items()),
                                 int(node.get("maxItems", 100))))
        else:
            velden.append(_veld(naam, node, geld))
    return Indeling(tuple(velden), tuple(blokken), tuple(lijsten), tuple(woordlijsten))

"""Property test (issue #8): whatever an advisor types into a policy file, the engine either
refuses it with `file:line` findings or decides cases with it — never a Python exception.

Each example replaces one scalar in one rules/ or gemeenten/ file by a value of another
type or an extreme (text, negative or huge numbers, .nan/.inf, null, lists, booleans,
dates, names of other facts and parameters), or deletes one mapping key. Then:

- `load_regelset` returns, or raises `RegelsetFout` whose findings all have a `file:line`;
- when it loads, an `Engine` over the changed copy decides a few fixed cases for the
  gemeente concerned: a `Beslissing` or an `InvoerFout`, nothing else. Anything else means
  validation let through what evaluation chokes on.

Only the changed file is written (into one pre-made copy) and restored after each example.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from regelkopie import kopieer_regels

from sora_rules.case import load_case_file
from sora_rules.engine import Engine
from sora_rules.errors import InvoerFout
from sora_rules.explain import Beslissing
from sora_rules.policy import RegelsetFout, load_regelset

ROOT = Path(__file__).resolve().parents[1]
CASUSSEN = [load_case_file(str(ROOT / "voorbeelden" / naam)) for naam in (
    "alleenstaande-met-kostendeler.yaml", "bijzondere-bijstand.yaml",
    "schuldhulp-dreigende-ontruiming.yaml", "gezin-met-inkomen.json")]
PLAATS = re.compile(r"^.+\.yaml:\d+(:\d+)?$")
GEMEENTEN = sorted(p.stem for p in (ROOT / "gemeenten").glob("*.yaml"))


@dataclass(frozen=True)
class Bestand:
    pad: str
    tekst: str
    scalars: tuple[tuple[int, int], ...]  # (start, end) offsets of each scalar value
    sleutels: tuple[tuple[str | int, ...], ...]  # paths of mapping keys, for deletion


def _nodes(node: yaml.Node, pad: tuple[str | int, ...] = ()
           ) -> Iterator[tuple[yaml.Node, tuple[str | int, ...], bool]]:
    """(node, path, is-a-mapping-key-path) for every scalar value and every mapping entry."""
    if isinstance(node, yaml.MappingNode):
        for k, v in node.value:
            yield v, (*pad, k.value), True
            yield from _nodes(v, (*pad, k.value))
    elif isinstance(node, yaml.SequenceNode):
        for i, v in enumerate(node.value):
            yield from _nodes(v, (*pad, i))
    else:
        yield node, pad, False


def _bestand(pad: Path) -> Bestand:
    tekst = pad.read_text(encoding="utf-8")
    scalars, sleutels = [], []
    for node, p, is_sleutel in _nodes(yaml.compose(tekst, Loader=yaml.SafeLoader)):
        if is_sleutel:
            sleutels.append(p)
        elif isinstance(node, yaml.ScalarNode):
            scalars.append((node.start_mark.index, node.end_mark.index))
    return Bestand(pad.relative_to(ROOT).as_posix(), tekst, tuple(scalars), tuple(sleutels))


BESTANDEN = [_bestand(p) for d in ("rules", "gemeenten") for p in sorted((ROOT / d).rglob(
    "*.yaml"))]
NAMEN = sorted({s for b in BESTANDEN for s in re.findall(r"\b[a-z_]+\.[a-z_.]+\b", b.tekst)})

WAARDEN = st.one_of(
    st.sampled_from(["null", "~", "true", "false", "[]", "{}", "[1, 2]", "{a: 1}", "''",
                     ".nan", ".inf", "-.inf", "1.0e+999", "-1.0e+999", "1e999", "0", "-1",
                     "-0.5", "99999999999999999999", "2024-02-30", "2024-01-01", "0001-01-01",
                     "9999-12-31", "aow", "euro", "procent", "'130%'", "12O", "'1401,50'",
                     "[{van: 0, bedrag: 1}]", "[{van: aow, tot: 4}]",
                     "{alleenstaande: 1, alleenstaande_ouder: 2, gehuwden: 3}",
                     "{feit: aanvrager.leeftijd}", "{parameter: pw.vermogensgrens}",
                     "'{onbekend}'", "!!int abc", "&a x", "*b", "'12-31'", "'02-29'"]),
    st.sampled_from(NAMEN),
    st.integers(min_value=-10**6, max_value=10**6).map(str),
    st.integers(min_value=10**9, max_value=10**30).map(str),
    st.decimals(allow_nan=False, allow_infinity=False, places=3,
                min_value=-10**7, max_value=10**7).map(str),
    st.dates().map(lambda d: d.isoformat()),
    st.text(max_size=12).map(json.dumps),
)


@pytest.fixture(scope="module")
def kopie(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return kopieer_regels(tmp_path_factory.mktemp("eigenschappen"))


class _ZonderDatums(yaml.SafeLoader):
    """Dates stay text, as in sora_rules.load (the paths to delete are text)."""


_ZonderDatums.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:timestamp"]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()}


def _verwijder(tekst: str, pad: tuple[str | int, ...]) -> str:
    """The file without the key at `pad` (re-dumped: only the meaning matters here)."""
    data = yaml.load(tekst, Loader=_ZonderDatums)  # noqa: S506 - a SafeLoader
    ouder: Any = data
    for stap in pad[:-1]:
        ouder = ouder[stap]
    del ouder[pad[-1]]
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


@st.composite
def mutaties(draw: st.DrawFn) -> tuple[Bestand, str]:
    bestand = draw(st.sampled_from(BESTANDEN))
    if draw(st.integers(0, 9)) == 0:
        return bestand, _verwijder(bestand.tekst, draw(st.sampled_from(bestand.sleutels)))
    start, end = draw(st.sampled_from(bestand.scalars))
    return bestand, bestand.tekst[:start] + draw(WAARDEN) + bestand.tekst[end:]


GELADEN: list[str] = []  # per example: 'geweigerd' or 'geladen' (reported at the end)


@settings(max_examples=150, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(mutatie=mutaties())
def test_gemuteerde_regels_geven_meldingen_of_besluiten(kopie: Path,
                                                        mutatie: tuple[Bestand, str]) -> None:
    bestand, tekst = mutatie
    doel = kopie / bestand.pad
    doel.write_text(tekst, encoding="utf-8")
    try:
        try:
            load_regelset(kopie)
        except RegelsetFout as fout:
            GELADEN.append("geweigerd")
            zonder = [str(m) for m in fout.meldingen if not PLAATS.match(m.plaats)]
            assert not zonder, f"meldingen zonder file:line: {zonder}"
            return
        GELADEN.append("geladen")
        engine = Engine(kopie)
        slug = Path(bestand.pad).stem if bestand.pad.startswith("gemeenten/") else None
        for case in CASUSSEN:
            gemeente = slug if slug in engine.regelset.beleid else None
            try:
                assert isinstance(engine.evaluate(case, gemeente=gemeente), Beslissing)
            except InvoerFout:
                pass
    finally:
        doel.write_text(bestand.tekst, encoding="utf-8")


def test_verslag_eigenschappen() -> None:
    """Runs after the property test (file order): shows how many changes loaded."""
    if GELADEN:
        print(f"\n{len(GELADEN)} mutaties: {GELADEN.count('geweigerd')} geweigerd met "
              f"meldingen, {GELADEN.count('geladen')} geladen en beoordeeld")
    assert set(GELADEN) <= {"geweigerd", "geladen"}

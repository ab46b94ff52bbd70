"""Dutch scenarios on the decision letter (brief.py): what a consulent sends.

Feature: specs/features/beschikking.feature. Shared steps: tests/conftest.py; the letter
steps are here: make the letter (text or HTML), and find sentences in it and their order.
"""

from __future__ import annotations

import copy
import html

from pytest_bdd import parsers, scenarios, then, when

from sora_rules import Engine

scenarios("beschikking.feature")


def _brief(ctx: dict, engine: Engine, formaat: str) -> None:
    case = copy.deepcopy(ctx["case"])
    beslissing = engine.evaluate(case, gemeente=case.get("gemeente"),
                                 peildatum=case.get("peildatum"))
    ctx["brief"] = beslissing.to_html() if formaat == "html" else beslissing.to_text()


@when("de brief wordt gemaakt")
def brief_tekst(ctx, spec_engine):
    _brief(ctx, spec_engine, "text")


@when("de brief als HTML wordt gemaakt")
def brief_html(ctx, spec_engine):
    _brief(ctx, spec_engine, "html")


def _plat(tekst: str) -> str:
    """The letter with its line breaks as spaces (a sentence may wrap) and, in HTML, its
    entities as characters (a non-breaking space keeps "€" with its amount)."""
    return " ".join(html.unescape(tekst).replace("\xa0", " ").split())


@then(parsers.re(r'staat in de brief "(?P<tekst>.+)"$'))
def staat_in_brief(ctx, tekst):
    tekst = tekst.replace('\\"', '"')
    assert tekst in _plat(ctx["brief"]), ctx["brief"]


@then(parsers.re(r'staat niet in de brief "(?P<tekst>.+)"$'))
def staat_niet_in_brief(ctx, tekst):
    assert tekst not in _plat(ctx["brief"]), ctx["brief"]


@then(parsers.re(r'staat "(?P<eerst>[^"]+)" in de brief voor "(?P<daarna>[^"]+)"'))
def volgorde(ctx, eerst, daarna):
    brief = _plat(ctx["brief"])
    assert eerst in brief and daarna in brief, brief
    assert brief.index(eerst) < brief.index(daarna), brief

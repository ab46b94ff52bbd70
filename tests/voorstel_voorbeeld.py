"""A proposal for Alkmaar and a small caseload whose effect is worked out by hand
(tests/test_paginas.py and tests/test_paginas_browser.py).

The proposal: AlkmaarPas € 250 instead of € 188 per adult from 18 to the AOW age, and
the minima income limit at 130% instead of 120% of the bijstandsnorm. The caseload
(peildatum 1 maart 2026, all aged 35, no vermogen, 40 months on a low income):

1. alleenstaande in Alkmaar, no income             AlkmaarPas +62
2. paar in Alkmaar, € 1.000 from work               AlkmaarPas +2 x 62 = +124
3. alleenstaande ouder (1 kind) in Alkmaar, none    AlkmaarPas +62
4. alleenstaande in Alkmaar, € 1.750 from work: above 120% (€ 1.681,80) and below 130%
   (€ 1.821,95) of the norm € 1.401,50, so gains the AlkmaarPas (+250) and the
   collectieve zorgverzekering (no amount)
5. alleenstaande in Heiloo: not in the proposal, not counted
6. a broken line

Alkmaar: alkmaarpas 1 erbij, 0 eraf, +498 per year (alleenstaande 62 + 250 = 312,
alleenstaande ouder 62, paar 124); collectieve_zorgverzekering 1 erbij, € 0.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any


def voorstel_alkmaar(tmp: Path) -> tuple[Path, Path]:
    """Write the proposal and the caseload (see the module docstring) into `tmp`."""
    root = Path(__file__).resolve().parents[1]
    overlay = (root / "gemeenten" / "alkmaar.yaml").read_text(encoding="utf-8")
    overlay = overlay.replace("{waarde: 120, status: aanname", "{waarde: 130, status: aanname", 1)
    overlay = overlay.replace("{van: 18, tot: aow, bedrag: 188}",
                              "{van: 18, tot: aow, bedrag: 250}")
    assert overlay.count("waarde: 130") == 1 and overlay.count("bedrag: 250") == 1
    voorstel = tmp / "alkmaarpas-250.yaml"
    voorstel.write_text(overlay, encoding="utf-8")
    persoon = {"verblijfsstatus": "nederlander"}

    def casus(gemeente: str, inkomen: str, partner: bool = False, kind: bool = False) -> str:
        c: dict[str, Any] = {
            "gemeente": gemeente, "peildatum": "2026-03-01",
            "aanvrager": {"geboortedatum": "1990-05-01", "woonplaats": gemeente, **persoon},
            "inkomsten": [{"persoon": "aanvrager", "soort": "arbeid",
                           "netto_per_maand": float(inkomen)}],
            "vermogen": {"bezittingen": 0},
            "minima": {"maanden_laag_inkomen": 40, "zicht_op_inkomensverbetering": False}}
        if partner:
            c["partner"] = {"geboortedatum": "1991-01-01", **persoon}
        if kind:
            c["kinderen"] = [{"geboortedatum": "2018-01-01"}]
        return json.dumps(c)

    regels = [casus("alkmaar", "0"), casus("alkmaar", "1000", partner=True),
              casus("alkmaar", "0", kind=True), casus("alkmaar", "1750"),
              casus("heiloo", "1750"), "{kapot"]
    caseload = tmp / "caseload.jsonl"
    caseload.write_text("\n".join(regels) + "\n", encoding="utf-8")
    return voorstel, caseload

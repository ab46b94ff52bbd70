# language: nl
Functionaliteit: De norm bij verblijf in een inrichting (Participatiewet art. 23)
  Als consulent
  wil ik dat wie in een inrichting verblijft de norm van art. 23 krijgt, verhoogd met het
  bedrag van lid 2,
  zodat het besluit over iemand in een verpleeg- of verzorgingsinstelling klopt.

  Art. 23 lid 1: alleenstaande (ouder) / gehuwden: 406,51 / 632,31 (1-1-2024), 414,31 /
  644,45 (1-7-2024), 426,03 / 662,69 (1-1-2025), 433,49 / 674,29 (1-7-2025), 443,76 /
  690,27 (1-1-2026). Lid 2, verhoging (per 1 januari): 42 / 95 (2024), 45 / 101 (2025),
  47 / 106 (2026). Lid 3: is één van de gehuwden in een inrichting, dan is de norm de som
  van de normen voor ieder als alleenstaande (inrichting + art. 21 onder a: 1.401,50 in 2026).
  Art. 13 lid 2 onder a: wie 18, 19 of 20 is en in een inrichting verblijft, heeft geen recht.
  Geen kostendelersnorm: die geldt voor de normen van art. 21 en 22.

  Abstract Scenario: Een alleenstaande in een inrichting op <peildatum>
    Gegeven een aanvraag in gemeente "alkmaar" op peildatum "<peildatum>"
    En een aanvrager geboren op "1980-05-01" die woont in "alkmaar"
    En bij de aanvrager is "in_inrichting" true
    Als algemene bijstand wordt beoordeeld
    Dan is de uitkomst "toegekend"
    En is de norm <norm> per maand
    En is het bedrag <norm> per maand
    En verwijst grond "pw.norm" naar artikel "23 lid 1 en 2"

    Voorbeelden:
      | peildatum  | norm   |
      # 406,51 + 42,00 = 448,51
      | 2024-03-01 | 448,51 |
      # 414,31 + 42,00 = 456,31
      | 2024-09-01 | 456,31 |
      # 426,03 + 45,00 = 471,03
      | 2025-03-01 | 471,03 |
      # 433,49 + 45,00 = 478,49
      | 2025-09-01 | 478,49 |
      # 443,76 + 47,00 = 490,76
      | 2026-03-01 | 490,76 |

  Scenario: Gehuwden die allebei in een inrichting verblijven (2026)
    # 690,27 + 106,00 = 796,27
    Gegeven een aanvraag in gemeente "bergen" op peildatum "2026-03-01"
    En een aanvrager geboren op "1970-05-01" die woont in "bergen"
    En een partner geboren op "1972-01-01"
    En bij de aanvrager is "in_inrichting" true
    En bij de partner is "in_inrichting" true
    Als algemene bijstand wordt beoordeeld
    Dan is de norm 796,27 per maand
    En is het bedrag 796,27 per maand

  Scenario: Eén van de gehuwden in een inrichting (art. 23 lid 3, 2026)
    # 443,76 + 47,00 + 1.401,50 = 1.892,26
    Gegeven een aanvraag in gemeente "bergen" op peildatum "2026-03-01"
    En een aanvrager geboren op "1970-05-01" die woont in "bergen"
    En een partner geboren op "1972-01-01"
    En bij de partner is "in_inrichting" true
    Als algemene bijstand wordt beoordeeld
    Dan is de norm 1.892,26 per maand
    En verwijst grond "pw.norm" naar artikel "23 lid 3"

  Scenario: Een inrichting kent geen kostendelersnorm
    # 443,76 + 47,00 = 490,76, ook met een medebewoner van 30
    Gegeven een aanvraag in gemeente "alkmaar" op peildatum "2026-03-01"
    En een aanvrager geboren op "1980-05-01" die woont in "alkmaar"
    En bij de aanvrager is "in_inrichting" true
    En een medebewoner geboren op "1996-01-01"
    Als algemene bijstand wordt beoordeeld
    Dan is de norm 490,76 per maand

  Scenario: Een jongere van 19 in een inrichting heeft geen recht (art. 13 lid 2 onder a)
    Gegeven een aanvraag in gemeente "alkmaar" op peildatum "2026-03-01"
    En een aanvrager geboren op "2007-01-01" die woont in "alkmaar"
    En bij de aanvrager is "in_inrichting" true
    Als algemene bijstand wordt beoordeeld
    Dan is de uitkomst "afgewezen"
    En is alleen grond "pw.inrichting_jongere" niet voldaan
    En verwijst grond "pw.inrichting_jongere" naar artikel "13 lid 2 onder a"

  Scenario: Niet opgegeven: aangenomen dat de aanvrager niet in een inrichting verblijft
    Gegeven een aanvraag in gemeente "alkmaar" op peildatum "2026-03-01"
    En een aanvrager geboren op "1980-05-01" die woont in "alkmaar"
    Als algemene bijstand wordt beoordeeld
    Dan is de norm 1.401,50 per maand
    En is er een aanname over "aanvrager.in_inrichting niet opgegeven"

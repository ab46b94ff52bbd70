# language: nl
Functionaliteit: Recht op algemene bijstand en de hoogte ervan (Participatiewet)
  Als consulent
  wil ik dat elke afwijzing de grond noemt die niet is voldaan, met het artikel waarop zij berust,
  en dat het bedrag gelijk is aan de norm min het inkomen dat meetelt,
  zodat ik de beschikking aan de inwoner kan uitleggen (Awb art. 3:46 en 3:47).

  Gronden voor geen recht: jonger dan 18 (art. 13 lid 3); woont niet in de gemeente (art. 40 lid 1);
  geen rechtmatig verblijf (art. 11); in detentie (art. 13 lid 1 onder a); meer dan 4 weken
  (28 dagen) per kalenderjaar in het buitenland (art. 13 lid 1 onder e); recht op
  studiefinanciering (art. 13 lid 2 onder c); vermogen boven de grens (art. 34);
  middelen gelijk aan of hoger dan de norm (art. 31).
  Vermogensgrenzen: alleenstaande 7.575 (2024), 7.770 (2025), 8.000 (2026);
  gehuwden 16.000 (2026). Vermogen = bezittingen − schulden (art. 34 lid 1).
  Zorgtoeslag, huurtoeslag, kindgebonden budget en kinderbijslag tellen niet mee (art. 31 lid 2).

  Scenario: Wie jonger is dan 18 heeft geen recht op algemene bijstand
    # Geboren 2009-01-01: 17 jaar op 2026-03-01
    Gegeven een aanvraag in gemeente "alkmaar" op peildatum "2026-03-01"
    En een aanvrager geboren op "2009-01-01" die woont in "alkmaar"
    Als algemene bijstand wordt beoordeeld
    Dan is de uitkomst "afgewezen"
    En is grond "pw.leeftijd" niet voldaan
    En verwijst grond "pw.leeftijd" naar artikel "13 lid 3"

  Scenario: Wie in een andere gemeente woont, vraagt bijstand aan bij die gemeente
    Gegeven een aanvraag in gemeente "alkmaar" op peildatum "2026-03-01"
    En een aanvrager geboren op "1990-05-01" die woont in "heiloo"
    Als algemene bijstand wordt beoordeeld
    Dan is de uitkomst "afgewezen"
    En is grond "pw.woonplaats" niet voldaan
    En verwijst grond "pw.woonplaats" naar artikel "40 lid 1"

  Scenario: Zonder rechtmatig verblijf geen recht op bijstand
    Gegeven een aanvraag in gemeente "alkmaar" op peildatum "2026-03-01"
    En een aanvrager geboren op "1990-05-01" die woont in "alkmaar"
    En bij de aanvrager is "verblijfsstatus" geen
    Als algemene bijstand wordt beoordeeld
    Dan is de uitkomst "afgewezen"
    En is grond "pw.rechtmatig_verblijf" niet voldaan
    En verwijst grond "pw.rechtmatig_verblijf" naar artikel "11"

  Scenario: Met een verblijfsvergunning bestaat wel recht op bijstand
    Gegeven een aanvraag in gemeente "alkmaar" op peildatum "2026-03-01"
    En een aanvrager geboren op "1990-05-01" die woont in "alkmaar"
    En bij de aanvrager is "verblijfsstatus" verblijfsvergunning
    Als algemene bijstand wordt beoordeeld
    Dan is de uitkomst "toegekend"
    En is grond "pw.rechtmatig_verblijf" voldaan
    En is het bedrag 1.401,50 per maand

  Scenario: Wie in detentie zit heeft geen recht op bijstand
    Gegeven een aanvraag in gemeente "alkmaar" op peildatum "2026-03-01"
    En een aanvrager geboren op "1990-05-01" die woont in "alkmaar"
    En bij de aanvrager is "in_detentie" true
    Als algemene bijstand wordt beoordeeld
    Dan is de uitkomst "afgewezen"
    En is grond "pw.detentie" niet voldaan
    En verwijst grond "pw.detentie" naar artikel "13 lid 1 onder a"

  Scenario: Meer dan vier weken in het buitenland: geen recht op bijstand
    Gegeven een aanvraag in gemeente "alkmaar" op peildatum "2026-03-01"
    En een aanvrager geboren op "1990-05-01" die woont in "alkmaar"
    En bij de aanvrager is "dagen_in_buitenland" 29
    Als algemene bijstand wordt beoordeeld
    Dan is de uitkomst "afgewezen"
    En is grond "pw.buitenland" niet voldaan
    En verwijst grond "pw.buitenland" naar artikel "13 lid 1 onder e"

  Scenario: Precies vier weken in het buitenland mag nog
    Gegeven een aanvraag in gemeente "alkmaar" op peildatum "2026-03-01"
    En een aanvrager geboren op "1990-05-01" die woont in "alkmaar"
    En bij de aanvrager is "dagen_in_buitenland" 28
    Als algemene bijstand wordt beoordeeld
    Dan is de uitkomst "toegekend"
    En is grond "pw.buitenland" voldaan
    En is het bedrag 1.401,50 per maand

  Scenario: Wie recht heeft op studiefinanciering heeft geen recht op bijstand
    Gegeven een aanvraag in gemeente "alkmaar" op peildatum "2026-03-01"
    En een aanvrager geboren op "1990-05-01" die woont in "alkmaar"
    En bij de aanvrager is "recht_op_studiefinanciering" true
    Als algemene bijstand wordt beoordeeld
    Dan is de uitkomst "afgewezen"
    En is grond "pw.studiefinanciering" niet voldaan
    En verwijst grond "pw.studiefinanciering" naar artikel "13 lid 2 onder c"

  Abstract Scenario: Vermogensgrens voor een alleenstaande: op de grens mag, een cent erboven niet
    Gegeven een aanvraag in gemeente "alkmaar" op peildatum "<peildatum>"
    En een aanvrager geboren op "1990-05-01" die woont in "alkmaar"
    En vermogen met bezittingen <bezittingen> en schulden 0,00
    Als algemene bijstand wordt beoordeeld
    Dan is de uitkomst "<uitkomst>"
    En is grond "pw.vermogen" <voldaan>
    En verwijst grond "pw.vermogen" naar artikel "34"

    Voorbeelden:
      | peildatum  | bezittingen | uitkomst  | voldaan      |
      # grens 1-1-2026: 8.000
      | 2026-03-01 | 8.000,00    | toegekend | voldaan      |
      | 2026-03-01 | 8.000,01    | afgewezen | niet voldaan |
      # grens 2024: 7.575
      | 2024-03-01 | 7.575,00    | toegekend | voldaan      |
      | 2024-03-01 | 7.575,01    | afgewezen | niet voldaan |
      # grens 2025: 7.770
      | 2025-03-01 | 7.770,00    | toegekend | voldaan      |
      | 2025-03-01 | 7.770,01    | afgewezen | niet voldaan |

  Abstract Scenario: Vermogensgrens voor gehuwden in 2026
    Gegeven een aanvraag in gemeente "alkmaar" op peildatum "2026-03-01"
    En een aanvrager geboren op "1990-05-01" die woont in "alkmaar"
    En een partner geboren op "1991-01-01"
    En vermogen met bezittingen <bezittingen> en schulden 0,00
    Als algemene bijstand wordt beoordeeld
    Dan is de uitkomst "<uitkomst>"
    En is grond "pw.vermogen" <voldaan>
    En verwijst grond "pw.vermogen" naar artikel "34"

    Voorbeelden:
      | bezittingen | uitkomst  | voldaan      |
      # grens gehuwden 1-1-2026: 16.000
      | 16.000,00   | toegekend | voldaan      |
      | 16.000,01   | afgewezen | niet voldaan |

  Scenario: Schulden gaan van de bezittingen af
    # 10.000,00 − 2.500,00 = 7.500,00 ≤ 8.000 → binnen de grens
    Gegeven een aanvraag in gemeente "alkmaar" op peildatum "2026-03-01"
    En een aanvrager geboren op "1990-05-01" die woont in "alkmaar"
    En vermogen met bezittingen 10.000,00 en schulden 2.500,00
    Als algemene bijstand wordt beoordeeld
    Dan is de uitkomst "toegekend"
    En is grond "pw.vermogen" voldaan
    En is het bedrag 1.401,50 per maand

  Scenario: Inkomen uit arbeid wordt op de norm in mindering gebracht
    # 1.401,50 − 400,00 = 1.001,50; vakantietoeslag 4,8% × 1.401,50 = 67,272 → 67,27
    Gegeven een aanvraag in gemeente "alkmaar" op peildatum "2026-03-01"
    En een aanvrager geboren op "1990-05-01" die woont in "alkmaar"
    En inkomsten van de aanvrager uit "arbeid" van 400,00 per maand
    Als algemene bijstand wordt beoordeeld
    Dan is de uitkomst "toegekend"
    En is de norm 1.401,50 per maand
    En is het bedrag 1.001,50 per maand
    En is de vakantietoeslag daarin 67,27

  Scenario: Alimentatie telt mee als inkomen (bedrag met decimale punt geschreven)
    # 1.401,50 − 250,25 = 1.151,25
    Gegeven een aanvraag in gemeente "alkmaar" op peildatum "2026-03-01"
    En een aanvrager geboren op "1990-05-01" die woont in "alkmaar"
    En inkomsten van de aanvrager uit "alimentatie" van 250.25 per maand
    Als algemene bijstand wordt beoordeeld
    Dan is de uitkomst "toegekend"
    En is het bedrag 1.151,25 per maand

  Scenario: Toeslagen en kinderbijslag tellen niet mee als middelen
    # art. 31 lid 2: zorgtoeslag, huurtoeslag, kindgebonden budget en kinderbijslag blijven buiten beschouwing
    # alleenstaande ouder: norm 1.401,50; bedrag 1.401,50 − 0 = 1.401,50
    Gegeven een aanvraag in gemeente "alkmaar" op peildatum "2026-03-01"
    En een aanvrager geboren op "1990-05-01" die woont in "alkmaar"
    En een kind geboren op "2015-09-01"
    En inkomsten van de aanvrager uit "zorgtoeslag" van 150,00 per maand
    En inkomsten van de aanvrager uit "huurtoeslag" van 300,00 per maand
    En inkomsten van de aanvrager uit "kindgebonden_budget" van 200,00 per maand
    En inkomsten van de aanvrager uit "kinderbijslag" van 100,00 per maand
    Als algemene bijstand wordt beoordeeld
    Dan is de uitkomst "toegekend"
    En is de norm 1.401,50 per maand
    En is het bedrag 1.401,50 per maand

  Scenario: Naast toeslagen telt alleen het inkomen uit arbeid mee
    # 1.401,50 − 400,00 (arbeid) = 1.001,50; toeslagen (150 + 300 + 200 + 100) tellen niet mee
    Gegeven een aanvraag in gemeente "alkmaar" op peildatum "2026-03-01"
    En een aanvrager geboren op "1990-05-01" die woont in "alkmaar"
    En een kind geboren op "2015-09-01"
    En inkomsten van de aanvrager uit "arbeid" van 400,00 per maand
    En inkomsten van de aanvrager uit "zorgtoeslag" van 150,00 per maand
    En inkomsten van de aanvrager uit "huurtoeslag" van 300,00 per maand
    En inkomsten van de aanvrager uit "kindgebonden_budget" van 200,00 per maand
    En inkomsten van de aanvrager uit "kinderbijslag" van 100,00 per maand
    Als algemene bijstand wordt beoordeeld
    Dan is de uitkomst "toegekend"
    En is het bedrag 1.001,50 per maand

  Scenario: Het inkomen van de partner telt mee
    # gehuwdennorm 2.002,13 − 500,00 = 1.502,13
    Gegeven een aanvraag in gemeente "alkmaar" op peildatum "2026-03-01"
    En een aanvrager geboren op "1990-05-01" die woont in "alkmaar"
    En een partner geboren op "1991-01-01"
    En inkomsten van de partner uit "arbeid" van 500,00 per maand
    Als algemene bijstand wordt beoordeeld
    Dan is de uitkomst "toegekend"
    En is de norm 2.002,13 per maand
    En is het bedrag 1.502,13 per maand

  Scenario: Inkomen van beide partners wordt opgeteld
    # 2.002,13 − (300,00 + 500,00) = 1.202,13
    Gegeven een aanvraag in gemeente "alkmaar" op peildatum "2026-03-01"
    En een aanvrager geboren op "1990-05-01" die woont in "alkmaar"
    En een partner geboren op "1991-01-01"
    En inkomsten van de aanvrager uit "uitkering" van 300,00 per maand
    En inkomsten van de partner uit "arbeid" van 500,00 per maand
    Als algemene bijstand wordt beoordeeld
    Dan is de uitkomst "toegekend"
    En is het bedrag 1.202,13 per maand

  Scenario: Inkomen gelijk aan de norm: geen recht op bijstand
    # 1.401,50 − 1.401,50 = 0 → geen aanvulling nodig
    Gegeven een aanvraag in gemeente "alkmaar" op peildatum "2026-03-01"
    En een aanvrager geboren op "1990-05-01" die woont in "alkmaar"
    En inkomsten van de aanvrager uit "arbeid" van 1.401,50 per maand
    Als algemene bijstand wordt beoordeeld
    Dan is de uitkomst "afgewezen"
    En is grond "pw.middelen" niet voldaan

  Scenario: Inkomen boven de norm: geen recht op bijstand
    Gegeven een aanvraag in gemeente "alkmaar" op peildatum "2026-03-01"
    En een aanvrager geboren op "1990-05-01" die woont in "alkmaar"
    En inkomsten van de aanvrager uit "pensioen" van 1.500,00 per maand
    Als algemene bijstand wordt beoordeeld
    Dan is de uitkomst "afgewezen"
    En is grond "pw.middelen" niet voldaan

  Scenario: Een kostendelende medebewoner van 50 jaar verlaagt de norm (controle uit het ontwerp)
    # Geboren 1976-01-01: 50 jaar op 2026-03-01 → A = 2
    # (0,40 + 2×0,30)/2 × 2.002,13 = 1.001,065 → 1.001,07; vakantietoeslag 4,8% = 48,05136 → 48,05
    Gegeven een aanvraag in gemeente "alkmaar" op peildatum "2026-03-01"
    En een aanvrager geboren op "1990-05-01" die woont in "alkmaar"
    En een medebewoner geboren op "1976-01-01"
    Als algemene bijstand wordt beoordeeld
    Dan is de uitkomst "toegekend"
    En is het bedrag 1.001,07 per maand
    En is de norm 1.001,07 per maand
    En is de vakantietoeslag daarin 48,05
    En is grond "pw.kostendelersnorm" voldaan
    En verwijst grond "pw.kostendelersnorm" naar artikel "22a"

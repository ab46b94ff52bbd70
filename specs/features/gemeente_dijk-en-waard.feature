# language: nl
Functionaliteit: Pluspakket van Dijk en Waard: de Meedoenpas
  Als beleidsadviseur van Dijk en Waard
  wil ik dat de Meedoenpas voor elk gezinslid het bedrag naar leeftijd geeft, met de bijdrage
  in de schoolkosten voor kinderen,
  zodat een gezin met een laag inkomen weet waar het recht op heeft.

  Bron: reference/beleidsfeiten.md §6; "Nadere regels Meedoenpas Dijk en Waard" (CVDR676470).
  De bedragen zijn die van de voormalige MeedoenPas van Langedijk (status aanname):
  per persoon per jaar 100 (4 t/m 11 jaar), 180 (12 t/m 17 jaar), 80 (18 jaar tot de
  AOW-leeftijd), 160 (vanaf de AOW-leeftijd, 67 in 2026); plus een bijdrage in de
  ouderbijdrage van school: 50 (4 t/m 11 jaar, basisschool) en 100 (12 t/m 17 jaar,
  voortgezet onderwijs). Kinderen onder 4 jaar krijgen niets.
  Inkomensgrens 120% van de voor het huishouden geldende bijstandsnorm (inclusief
  vakantietoeslag, afgerond op centen). Normen 1-1-2026: alleenstaande 1.401,50; gehuwden 2.002,13.

  Achtergrond:
    Gegeven een aanvraag in gemeente "dijk-en-waard" op peildatum "2026-03-01"

  Scenario: Een gezin met kinderen van 6 en 14 jaar
    # aanvrager 80 + partner 80 + kind van 6: 100 + school 50 + kind van 14: 180 + school 100
    # = 80 + 80 + 100 + 50 + 180 + 100 = 590
    Gegeven een aanvrager geboren op "1990-05-01" die woont in "dijk-en-waard"
    En een partner geboren op "1991-01-01"
    En een kind geboren op "2019-06-01"
    En een kind geboren op "2011-06-01"
    Als de regeling "meedoenpas" wordt beoordeeld
    Dan is de uitkomst "toegekend"
    En hoort het besluit bij pakket "plus"
    En is het bedrag 590 per jaar
    En komt grond "meedoenpas.inkomen" uit pakket "plus" in bestand "gemeenten/dijk-en-waard.yaml"
    En komt grond "meedoenpas.inkomensgrens" uit pakket "plus" in bestand "gemeenten/dijk-en-waard.yaml"

  Abstract Scenario: Een alleenstaande volwassene krijgt een bedrag naar leeftijd
    Gegeven een aanvrager geboren op "<geboortedatum>" die woont in "dijk-en-waard"
    Als de regeling "meedoenpas" wordt beoordeeld
    Dan is de uitkomst "toegekend"
    En is het bedrag <bedrag> per jaar

    Voorbeelden:
      | geboortedatum | bedrag |
      # 35 jaar: 18 tot AOW-leeftijd
      | 1990-05-01    | 80     |
      # precies 67 jaar op de peildatum: AOW-leeftijd
      | 1959-03-01    | 160    |
      # een dag voor de AOW-leeftijd
      | 1959-03-02    | 80     |

  Abstract Scenario: Een alleenstaande ouder met één kind: bedrag en schoolbijdrage naar de leeftijd van het kind
    Gegeven een aanvrager geboren op "1985-05-01" die woont in "dijk-en-waard"
    En een kind geboren op "<kind>"
    Als de regeling "meedoenpas" wordt beoordeeld
    Dan is de uitkomst "toegekend"
    En is het bedrag <bedrag> per jaar

    Voorbeelden:
      | kind       | bedrag |
      # kind van 3: 80 + 0 = 80
      | 2022-06-01 | 80     |
      # kind van precies 4: 80 + 100 + 50 = 230
      | 2022-03-01 | 230    |
      # kind van 11 (wordt morgen 12): 80 + 100 + 50 = 230
      | 2014-03-02 | 230    |
      # kind van precies 12: 80 + 180 + 100 = 360
      | 2014-03-01 | 360    |
      # kind van 17: 80 + 180 + 100 = 360
      | 2008-09-01 | 360    |

  Scenario: Gehuwden van wie één de AOW-leeftijd heeft
    # 80 + 160 = 240
    Gegeven een aanvrager geboren op "1965-05-01" die woont in "dijk-en-waard"
    En een partner geboren op "1955-01-01"
    Als de regeling "meedoenpas" wordt beoordeeld
    Dan is de uitkomst "toegekend"
    En is het bedrag 240 per jaar

  Abstract Scenario: De inkomensgrens van gehuwden
    # 2.002,13 × 1,20 = 2.402,556 → 2.402,56; gehuwden zonder kinderen: 80 + 80 = 160
    Gegeven een aanvrager geboren op "1990-05-01" die woont in "dijk-en-waard"
    En een partner geboren op "1991-01-01"
    En inkomsten van de aanvrager uit "arbeid" van <inkomen> per maand
    Als de regeling "meedoenpas" wordt beoordeeld
    Dan is de uitkomst "<uitkomst>"
    En is grond "meedoenpas.inkomen" <oordeel>
    En is de inkomensgrens 2.402,56 per maand

    Voorbeelden:
      | inkomen  | uitkomst  | oordeel      |
      | 2.402,56 | toegekend | voldaan      |
      | 2.402,57 | afgewezen | niet voldaan |

  Scenario: Een gehuwd paar precies op de inkomensgrens krijgt 160
    # 2.402,56 = 120% van 2.002,13 (afgerond); 80 + 80 = 160
    Gegeven een aanvrager geboren op "1990-05-01" die woont in "dijk-en-waard"
    En een partner geboren op "1991-01-01"
    En inkomsten van de aanvrager uit "arbeid" van 1.402,56 per maand
    En inkomsten van de partner uit "arbeid" van 1.000,00 per maand
    Als de regeling "meedoenpas" wordt beoordeeld
    Dan is de uitkomst "toegekend"
    En is het bedrag 160 per jaar

  Scenario: Een alleenstaande met een inkomen net boven 120% krijgt geen Meedoenpas
    # 1.401,50 × 1,20 = 1.681,80; 1.681,81 is te veel
    Gegeven een aanvrager geboren op "1990-05-01" die woont in "dijk-en-waard"
    En inkomsten van de aanvrager uit "arbeid" van 1.681,81 per maand
    Als de regeling "meedoenpas" wordt beoordeeld
    Dan is de uitkomst "afgewezen"
    En is alleen grond "meedoenpas.inkomen" niet voldaan
    En is er geen bedrag

  Scenario: Wie niet in Dijk en Waard woont krijgt geen Meedoenpas
    Gegeven een aanvrager geboren op "1990-05-01" die woont in "alkmaar"
    Als de regeling "meedoenpas" wordt beoordeeld
    Dan is de uitkomst "afgewezen"
    En is alleen grond "meedoenpas.woonplaats" niet voldaan

  Scenario: Dijk en Waard heeft geen AlkmaarPas
    Gegeven een aanvrager geboren op "1990-05-01" die woont in "dijk-en-waard"
    Als de regeling "alkmaarpas" wordt beoordeeld
    Dan is de invoer onbruikbaar bij veld "regeling"

  Scenario: Dijk en Waard heeft het regionale basispakket en de Meedoenpas
    Gegeven een aanvrager geboren op "1990-05-01" die woont in "dijk-en-waard"
    Als alle regelingen worden beoordeeld
    Dan is er een besluit over "meedoenpas"
    En is het bedrag 80 per jaar
    En is er een besluit over "collectieve_zorgverzekering"
    En is er een besluit over "jeugdfonds_sport_cultuur"
    En is er geen besluit over "alkmaarpas"
    En is er geen besluit over "stichting_leergeld"
    En is er geen besluit over "maatschappelijke_participatie"

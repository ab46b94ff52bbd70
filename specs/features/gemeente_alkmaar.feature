# language: nl
Functionaliteit: Pluspakket van Alkmaar: AlkmaarPas en Stichting Leergeld
  Als beleidsadviseur van Alkmaar
  wil ik dat de AlkmaarPas en Stichting Leergeld volgens het Alkmaarse beleid worden beoordeeld,
  naast het regionale basispakket,
  zodat inwoners met een laag inkomen het juiste jaarsaldo krijgen.

  Bron: reference/beleidsfeiten.md §6 (072nieuws.nl 7-9-2023; alkmaar.nl januari 2023).
  AlkmaarPas: inkomensgrens 120% van de voor het huishouden geldende bijstandsnorm
  (inclusief vakantietoeslag, afgerond op centen); vermogen niet boven de grens van art. 34 Pw
  (2026: 8.000 alleenstaande, 16.000 gehuwden); jaarsaldo per volwassene:
  188 van 18 jaar tot de AOW-leeftijd, 302 vanaf de AOW-leeftijd (67 in 2026); kinderen
  krijgen geen eigen saldo.
  Stichting Leergeld Alkmaar: voor huishoudens met een kind van 4 tot en met 18 jaar,
  inkomen tot 120%; hulp in natura, dus zonder bedrag.
  Normen 1-1-2026: alleenstaande 1.401,50; gehuwden 2.002,13; alleenstaande AOW 1.564,69.

  Achtergrond:
    Gegeven een aanvraag in gemeente "alkmaar" op peildatum "2026-03-01"

  Scenario: Een alleenstaande van 18 jaar tot de AOW-leeftijd krijgt 188 per jaar
    # inkomensgrens 1.401,50 × 1,20 = 1.681,80
    Gegeven een aanvrager geboren op "1990-05-01" die woont in "alkmaar"
    En inkomsten van de aanvrager uit "arbeid" van 1.681,80 per maand
    Als de regeling "alkmaarpas" wordt beoordeeld
    Dan is de uitkomst "toegekend"
    En hoort het besluit bij pakket "plus"
    En is het bedrag 188 per jaar
    En is de inkomensgrens 1.681,80 per maand
    En komt grond "alkmaarpas.inkomen" uit pakket "plus" in bestand "gemeenten/alkmaar.yaml"
    En komt grond "alkmaarpas.inkomensgrens" uit pakket "plus" in bestand "gemeenten/alkmaar.yaml"

  Abstract Scenario: Het jaarsaldo van een alleenstaande hangt af van de leeftijd
    Gegeven een aanvrager geboren op "<geboortedatum>" die woont in "alkmaar"
    Als de regeling "alkmaarpas" wordt beoordeeld
    Dan is de uitkomst "toegekend"
    En is het bedrag <saldo> per jaar

    Voorbeelden:
      | geboortedatum | saldo |
      # 35 jaar: 18 tot AOW-leeftijd
      | 1990-05-01    | 188   |
      # 20 jaar: ook 18 tot AOW-leeftijd
      | 2006-01-01    | 188   |
      # 67 jaar op de peildatum: AOW-leeftijd
      | 1959-03-01    | 302   |
      # 76 jaar
      | 1950-01-01    | 302   |

  Abstract Scenario: Gehuwden krijgen elk een jaarsaldo naar hun leeftijd
    Gegeven een aanvrager geboren op "<aanvrager>" die woont in "alkmaar"
    En een partner geboren op "<partner>"
    Als de regeling "alkmaarpas" wordt beoordeeld
    Dan is de uitkomst "toegekend"
    En is het bedrag <saldo> per jaar

    Voorbeelden:
      | aanvrager  | partner    | saldo |
      # beiden 18 tot AOW: 188 + 188 = 376
      | 1990-05-01 | 1991-01-01 | 376   |
      # aanvrager AOW, partner niet: 302 + 188 = 490
      | 1950-01-01 | 1970-01-01 | 490   |
      # aanvrager niet, partner AOW: 188 + 302 = 490
      | 1970-01-01 | 1950-01-01 | 490   |
      # beiden AOW: 302 + 302 = 604
      | 1950-01-01 | 1952-06-01 | 604   |

  Scenario: Kinderen krijgen geen eigen saldo op de AlkmaarPas
    # alleen de aanvrager: 188
    Gegeven een aanvrager geboren op "1990-05-01" die woont in "alkmaar"
    En een kind geboren op "2015-09-01"
    En een kind geboren op "2019-02-01"
    Als de regeling "alkmaarpas" wordt beoordeeld
    Dan is de uitkomst "toegekend"
    En is het bedrag 188 per jaar

  Abstract Scenario: De inkomensgrens van 120%
    Gegeven een aanvrager geboren op "<geboortedatum>" die woont in "alkmaar"
    En inkomsten van de aanvrager uit "<soort>" van <inkomen> per maand
    Als de regeling "alkmaarpas" wordt beoordeeld
    Dan is de uitkomst "<uitkomst>"
    En is grond "alkmaarpas.inkomen" <oordeel>
    En is de inkomensgrens <grens> per maand

    Voorbeelden:
      | geboortedatum | soort    | inkomen  | grens    | uitkomst  | oordeel      |
      # alleenstaande: 1.401,50 × 1,20 = 1.681,80
      | 1990-05-01    | arbeid   | 1.681,80 | 1.681,80 | toegekend | voldaan      |
      | 1990-05-01    | arbeid   | 1.681,81 | 1.681,80 | afgewezen | niet voldaan |
      # alleenstaande AOW: 1.564,69 × 1,20 = 1.877,628 → 1.877,63
      | 1950-01-01    | pensioen | 1.877,63 | 1.877,63 | toegekend | voldaan      |
      | 1950-01-01    | pensioen | 1.877,64 | 1.877,63 | afgewezen | niet voldaan |

  Scenario: Een inkomen boven 120% is de enige reden voor afwijzing
    Gegeven een aanvrager geboren op "1990-05-01" die woont in "alkmaar"
    En inkomsten van de aanvrager uit "arbeid" van 1.681,81 per maand
    Als de regeling "alkmaarpas" wordt beoordeeld
    Dan is de uitkomst "afgewezen"
    En is alleen grond "alkmaarpas.inkomen" niet voldaan
    En is er geen bedrag

  Abstract Scenario: De inkomensgrens van gehuwden
    # 2.002,13 × 1,20 = 2.402,556 → 2.402,56
    Gegeven een aanvrager geboren op "1990-05-01" die woont in "alkmaar"
    En een partner geboren op "1991-01-01"
    En inkomsten van de aanvrager uit "arbeid" van <inkomen> per maand
    Als de regeling "alkmaarpas" wordt beoordeeld
    Dan is de uitkomst "<uitkomst>"
    En is de inkomensgrens 2.402,56 per maand

    Voorbeelden:
      | inkomen  | uitkomst  |
      | 2.402,56 | toegekend |
      | 2.402,57 | afgewezen |

  Scenario: Wie niet in Alkmaar woont krijgt geen AlkmaarPas
    Gegeven een aanvrager geboren op "1990-05-01" die woont in "heiloo"
    Als de regeling "alkmaarpas" wordt beoordeeld
    Dan is de uitkomst "afgewezen"
    En is alleen grond "alkmaarpas.woonplaats" niet voldaan

  Scenario: Een vermogen boven de grens van art. 34 Pw
    # 2026 alleenstaande: 8.000; 8.000,01 is te veel
    Gegeven een aanvrager geboren op "1990-05-01" die woont in "alkmaar"
    En vermogen met bezittingen 8.000,01 en schulden 0
    Als de regeling "alkmaarpas" wordt beoordeeld
    Dan is de uitkomst "afgewezen"
    En is alleen grond "alkmaarpas.vermogen" niet voldaan

  Abstract Scenario: Stichting Leergeld is er voor kinderen van 4 tot en met 18 jaar
    Gegeven een aanvrager geboren op "1980-05-01" die woont in "alkmaar"
    En een kind geboren op "<kind>"
    Als de regeling "stichting_leergeld" wordt beoordeeld
    Dan is de uitkomst "<uitkomst>"
    En is grond "leergeld.kinderen" <oordeel>

    Voorbeelden:
      | kind       | uitkomst  | oordeel      |
      # 3 jaar (wordt morgen 4)
      | 2022-03-02 | afgewezen | niet voldaan |
      # precies 4 jaar op de peildatum
      | 2022-03-01 | toegekend | voldaan      |
      # 10 jaar
      | 2015-09-01 | toegekend | voldaan      |
      # precies 18 jaar op de peildatum: tot en met 18
      | 2008-03-01 | toegekend | voldaan      |

  Scenario: Stichting Leergeld helpt in natura, zonder bedrag, uit het pluspakket
    Gegeven een aanvrager geboren op "1980-05-01" die woont in "alkmaar"
    En een kind geboren op "2022-03-01"
    Als de regeling "stichting_leergeld" wordt beoordeeld
    Dan is de uitkomst "toegekend"
    En hoort het besluit bij pakket "plus"
    En is er geen bedrag
    En komt grond "leergeld.kinderen" uit pakket "plus" in bestand "gemeenten/alkmaar.yaml"

  Scenario: Alleen een kind van 3 jaar is geen reden voor Stichting Leergeld
    Gegeven een aanvrager geboren op "1980-05-01" die woont in "alkmaar"
    En een kind geboren op "2022-06-01"
    Als de regeling "stichting_leergeld" wordt beoordeeld
    Dan is de uitkomst "afgewezen"
    En is alleen grond "leergeld.kinderen" niet voldaan

  Scenario: Een kind van 3 en een kind van 10: het oudste kind telt
    Gegeven een aanvrager geboren op "1980-05-01" die woont in "alkmaar"
    En een kind geboren op "2022-06-01"
    En een kind geboren op "2015-09-01"
    Als de regeling "stichting_leergeld" wordt beoordeeld
    Dan is de uitkomst "toegekend"

  Scenario: Stichting Leergeld kent dezelfde inkomensgrens van 120%
    # alleenstaande ouder: 1.401,50 × 1,20 = 1.681,80; 1.681,81 is te veel
    Gegeven een aanvrager geboren op "1980-05-01" die woont in "alkmaar"
    En een kind geboren op "2015-09-01"
    En inkomsten van de aanvrager uit "arbeid" van 1.681,81 per maand
    Als de regeling "stichting_leergeld" wordt beoordeeld
    Dan is de uitkomst "afgewezen"
    En is alleen grond "leergeld.inkomen" niet voldaan
    En is de inkomensgrens 1.681,80 per maand

  Scenario: Alkmaar heeft het regionale basispakket en zijn eigen pluspakket, niet dat van een ander
    Gegeven een aanvrager geboren op "1980-05-01" die woont in "alkmaar"
    En een kind geboren op "2015-09-01"
    Als alle regelingen worden beoordeeld
    Dan is er een besluit over "alkmaarpas"
    En is het bedrag 188 per jaar
    En is er een besluit over "stichting_leergeld"
    En is de uitkomst "toegekend"
    En is er een besluit over "collectieve_zorgverzekering"
    En is er een besluit over "jeugdfonds_sport_cultuur"
    En is er een besluit over "individuele_inkomenstoeslag"
    En is er geen besluit over "meedoenpas"
    En is er geen besluit over "maatschappelijke_participatie"

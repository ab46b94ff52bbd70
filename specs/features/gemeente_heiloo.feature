# language: nl
Functionaliteit: Pluspakket van Heiloo: maatschappelijke participatie (BUCH-vorm, aangenomen)
  Als beleidsadviseur van Heiloo
  wil ik dat de regeling maatschappelijke participatie in Heiloo wordt beoordeeld zoals in de
  andere BUCH-gemeenten, en dat Heiloo geen regelingen van andere gemeenten krijgt,
  zodat het pluspakket van Heiloo alleen bevat wat Heiloo heeft.

  Bron: reference/beleidsfeiten.md §6: van Heiloo zijn geen minimabedragen of -grenzen
  gevonden; de BUCH-vorm (maatschappelijke participatie, 120%) is aangenomen.
  Voorwaarden: wonen in Heiloo, 18 jaar of ouder, meetellend inkomen hoogstens 120% van de
  voor het huishouden geldende bijstandsnorm (inclusief vakantietoeslag en inclusief de
  kostendelersnorm, afgerond op centen). Voor kinderen gaat het Jeugdfonds Sport & Cultuur voor.
  Normen 1-1-2026: alleenstaande 1.401,50; gehuwden 2.002,13; kostendelersnorm (A = 2) 1.001,07.

  Achtergrond:
    Gegeven een aanvraag in gemeente "heiloo" op peildatum "2026-03-01"

  Scenario: Een alleenstaande met een inkomen van precies 120% krijgt maatschappelijke participatie
    # 1.401,50 × 1,20 = 1.681,80
    Gegeven een aanvrager geboren op "1990-05-01" die woont in "heiloo"
    En inkomsten van de aanvrager uit "arbeid" van 1.681,80 per maand
    Als de regeling "maatschappelijke_participatie" wordt beoordeeld
    Dan is de uitkomst "toegekend"
    En hoort het besluit bij pakket "plus"
    En is de inkomensgrens 1.681,80 per maand
    En komt grond "mp.inkomen" uit pakket "plus" in bestand "gemeenten/heiloo.yaml"
    En komt grond "maatschappelijke_participatie.inkomensgrens" uit pakket "plus" in bestand "gemeenten/heiloo.yaml"

  Abstract Scenario: De inkomensgrens met een kostendelende medebewoner
    # A = 2: (0,40 + 2 × 0,30) / 2 × 2.002,13 = 1.001,065 → 1.001,07
    # 1.001,07 × 1,20 = 1.201,284 → 1.201,28
    Gegeven een aanvrager geboren op "1990-05-01" die woont in "heiloo"
    En het aantal kostendelende medebewoners van 27 jaar of ouder is 1
    En inkomsten van de aanvrager uit "arbeid" van <inkomen> per maand
    Als de regeling "maatschappelijke_participatie" wordt beoordeeld
    Dan is de uitkomst "<uitkomst>"
    En is grond "mp.inkomen" <oordeel>
    En is de inkomensgrens 1.201,28 per maand

    Voorbeelden:
      | inkomen  | uitkomst  | oordeel      |
      | 1.201,28 | toegekend | voldaan      |
      | 1.201,29 | afgewezen | niet voldaan |

  Scenario: Een inkomen boven 120% is de enige reden voor afwijzing
    # 1.681,81 > 1.681,80
    Gegeven een aanvrager geboren op "1990-05-01" die woont in "heiloo"
    En inkomsten van de aanvrager uit "arbeid" van 1.681,81 per maand
    Als de regeling "maatschappelijke_participatie" wordt beoordeeld
    Dan is de uitkomst "afgewezen"
    En is alleen grond "mp.inkomen" niet voldaan

  Scenario: Een huishouden met kinderen hoort dat het Jeugdfonds Sport & Cultuur voorgaat
    Gegeven een aanvrager geboren op "1985-05-01" die woont in "heiloo"
    En een kind geboren op "2019-06-01"
    Als alle regelingen worden beoordeeld
    Dan is er een besluit over "maatschappelijke_participatie"
    En is de uitkomst "toegekend"
    En is er een waarschuwing met "Jeugdfonds Sport & Cultuur"
    En is er een waarschuwing met "voorliggende voorziening"
    En is er een besluit over "jeugdfonds_sport_cultuur"
    En is de uitkomst "toegekend"

  Scenario: Zonder kinderen geen verwijzing naar het Jeugdfonds
    Gegeven een aanvrager geboren op "1985-05-01" die woont in "heiloo"
    Als de regeling "maatschappelijke_participatie" wordt beoordeeld
    Dan is de uitkomst "toegekend"
    En is er geen waarschuwing met "Jeugdfonds"

  Scenario: Wie niet in Heiloo woont krijgt geen maatschappelijke participatie van Heiloo
    Gegeven een aanvrager geboren op "1990-05-01" die woont in "uitgeest"
    Als de regeling "maatschappelijke_participatie" wordt beoordeeld
    Dan is de uitkomst "afgewezen"
    En is alleen grond "mp.woonplaats" niet voldaan

  Scenario: Alle regelingen van Heiloo: geen AlkmaarPas
    Gegeven een aanvrager geboren op "1990-05-01" die woont in "heiloo"
    Als alle regelingen worden beoordeeld
    Dan is er een besluit over "maatschappelijke_participatie"
    En is er een besluit over "individuele_inkomenstoeslag"
    En is er een besluit over "collectieve_zorgverzekering"
    En is er een besluit over "jeugdfonds_sport_cultuur"
    En is er geen besluit over "alkmaarpas"
    En is er geen besluit over "stichting_leergeld"
    En is er geen besluit over "meedoenpas"

  Abstract Scenario: Een pluspakketregeling van een andere gemeente bestaat in Heiloo niet
    Gegeven een aanvrager geboren op "1990-05-01" die woont in "heiloo"
    Als de regeling "<regeling>" wordt beoordeeld
    Dan is de invoer onbruikbaar bij veld "regeling"

    Voorbeelden:
      | regeling           |
      | alkmaarpas         |
      | stichting_leergeld |
      | meedoenpas         |

  Scenario: Heiloo vult het schuldhulpaccent van Bergen niet in: de regionale standaard geldt
    Gegeven het beleid van gemeente "heiloo" op peildatum "2026-03-01"
    Dan is de open norm "wgs.weigering_recidive_jaren" ingevuld met 0
    En komt de open norm "wgs.weigering_recidive_jaren" uit pakket "basis" in bestand "rules/schuldhulpverlening/open_normen.yaml"

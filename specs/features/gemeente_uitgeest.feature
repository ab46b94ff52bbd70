# language: nl
Functionaliteit: Pluspakket van Uitgeest: maatschappelijke participatie (BUCH-vorm, aangenomen)
  Als beleidsadviseur van Uitgeest
  wil ik dat de regeling maatschappelijke participatie in Uitgeest wordt beoordeeld zoals in
  de andere BUCH-gemeenten,
  zodat inwoners met een laag inkomen, ook ouderen en jongeren, mee kunnen doen.

  Bron: reference/beleidsfeiten.md §6: van Uitgeest zijn geen minimabedragen of -grenzen
  gevonden; de BUCH-vorm (maatschappelijke participatie, 120%) is aangenomen.
  Voorwaarden: wonen in Uitgeest, 18 jaar of ouder, meetellend inkomen hoogstens 120% van de
  voor het huishouden geldende bijstandsnorm (inclusief vakantietoeslag, afgerond op centen).
  Voor kinderen gaat het Jeugdfonds Sport & Cultuur voor.
  Normen 1-1-2026: alleenstaande 1.401,50; alleenstaande AOW 1.564,69; jongere 18–20 345,99.

  Achtergrond:
    Gegeven een aanvraag in gemeente "uitgeest" op peildatum "2026-03-01"

  Scenario: Een alleenstaande zonder inkomen krijgt maatschappelijke participatie uit het pluspakket
    Gegeven een aanvrager geboren op "1990-05-01" die woont in "uitgeest"
    Als de regeling "maatschappelijke_participatie" wordt beoordeeld
    Dan is de uitkomst "toegekend"
    En hoort het besluit bij pakket "plus"
    En is de inkomensgrens 1.681,80 per maand
    En komt grond "mp.inkomen" uit pakket "plus" in bestand "gemeenten/uitgeest.yaml"
    En komt grond "maatschappelijke_participatie.inkomensgrens" uit pakket "plus" in bestand "gemeenten/uitgeest.yaml"

  Abstract Scenario: De inkomensgrens hangt af van de leeftijd van de alleenstaande
    Gegeven een aanvrager geboren op "<geboortedatum>" die woont in "uitgeest"
    En inkomsten van de aanvrager uit "<soort>" van <inkomen> per maand
    Als de regeling "maatschappelijke_participatie" wordt beoordeeld
    Dan is de uitkomst "<uitkomst>"
    En is grond "mp.inkomen" <oordeel>
    En is de inkomensgrens <grens> per maand

    Voorbeelden:
      | geboortedatum | soort    | inkomen  | grens    | uitkomst  | oordeel      |
      # AOW-leeftijd: 1.564,69 × 1,20 = 1.877,628 → 1.877,63
      | 1950-01-01    | pensioen | 1.877,63 | 1.877,63 | toegekend | voldaan      |
      | 1950-01-01    | pensioen | 1.877,64 | 1.877,63 | afgewezen | niet voldaan |
      # 19 jaar (jongerennorm art. 20): 345,99 × 1,20 = 415,188 → 415,19
      | 2006-06-01    | arbeid   | 415,19   | 415,19   | toegekend | voldaan      |
      | 2006-06-01    | arbeid   | 415,20   | 415,19   | afgewezen | niet voldaan |
      # 21 – AOW: 1.401,50 × 1,20 = 1.681,80
      | 1990-05-01    | arbeid   | 1.681,80 | 1.681,80 | toegekend | voldaan      |
      | 1990-05-01    | arbeid   | 1.681,81 | 1.681,80 | afgewezen | niet voldaan |

  Scenario: Een inkomen boven 120% is de enige reden voor afwijzing
    # 1.681,81 > 1.681,80
    Gegeven een aanvrager geboren op "1990-05-01" die woont in "uitgeest"
    En inkomsten van de aanvrager uit "arbeid" van 1.681,81 per maand
    Als de regeling "maatschappelijke_participatie" wordt beoordeeld
    Dan is de uitkomst "afgewezen"
    En is alleen grond "mp.inkomen" niet voldaan

  Scenario: Een alleenstaande ouder hoort dat het Jeugdfonds Sport & Cultuur voorgaat
    Gegeven een aanvrager geboren op "1985-05-01" die woont in "uitgeest"
    En een kind geboren op "2012-10-01"
    Als de regeling "maatschappelijke_participatie" wordt beoordeeld
    Dan is de uitkomst "toegekend"
    En is er een waarschuwing met "Jeugdfonds Sport & Cultuur"
    En is er een waarschuwing met "voorliggende voorziening"

  Scenario: Wie niet in Uitgeest woont krijgt geen maatschappelijke participatie van Uitgeest
    Gegeven een aanvrager geboren op "1990-05-01" die woont in "bergen"
    Als de regeling "maatschappelijke_participatie" wordt beoordeeld
    Dan is de uitkomst "afgewezen"
    En is alleen grond "mp.woonplaats" niet voldaan

  Scenario: Uitgeest heeft geen AlkmaarPas en geen Meedoenpas
    Gegeven een aanvrager geboren op "1990-05-01" die woont in "uitgeest"
    Als alle regelingen worden beoordeeld
    Dan is er een besluit over "maatschappelijke_participatie"
    En is er geen besluit over "alkmaarpas"
    En is er geen besluit over "meedoenpas"
    En is er geen besluit over "stichting_leergeld"

  Scenario: Wie in Uitgeest de Meedoenpas aanvraagt krijgt een foutmelding
    Gegeven een aanvrager geboren op "1990-05-01" die woont in "uitgeest"
    Als de regeling "meedoenpas" wordt beoordeeld
    Dan is de invoer onbruikbaar bij veld "regeling"

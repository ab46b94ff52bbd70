# language: nl
Functionaliteit: Pluspakket van Castricum: maatschappelijke participatie
  Als beleidsadviseur van Castricum
  wil ik dat de regeling maatschappelijke participatie (declaratie van kosten voor sport,
  cultuur, bibliotheek en museumkaart) volgens het beleid van Castricum wordt beoordeeld,
  zodat inwoners met een laag inkomen mee kunnen doen.

  Bron: reference/beleidsfeiten.md §6; castricum.nl "Regelingen voor minima" (ongedateerd):
  "bij veel regelingen mag uw inkomen niet hoger zijn dan 120% van uw bijstandsnorm".
  Voorwaarden: wonen in Castricum, 18 jaar of ouder, meetellend inkomen hoogstens 120% van de
  voor het huishouden geldende bijstandsnorm (inclusief vakantietoeslag, afgerond op centen).
  Voor kinderen gaat het Jeugdfonds Sport & Cultuur voor (voorliggende voorziening).
  Normen 1-1-2026: alleenstaande 1.401,50; gehuwden 2.002,13; gehuwden AOW 2.144,16.

  Achtergrond:
    Gegeven een aanvraag in gemeente "castricum" op peildatum "2026-03-01"

  Scenario: Een alleenstaande zonder inkomen krijgt maatschappelijke participatie uit het pluspakket
    Gegeven een aanvrager geboren op "1990-05-01" die woont in "castricum"
    Als de regeling "maatschappelijke_participatie" wordt beoordeeld
    Dan is de uitkomst "toegekend"
    En hoort het besluit bij pakket "plus"
    En is de inkomensgrens 1.681,80 per maand
    En komt grond "mp.inkomen" uit pakket "plus" in bestand "gemeenten/castricum.yaml"
    En komt grond "mp.woonplaats" uit pakket "plus" in bestand "gemeenten/castricum.yaml"
    En zijn er geen waarschuwingen

  Abstract Scenario: De inkomensgrens van gehuwden
    Gegeven een aanvrager geboren op "<aanvrager>" die woont in "castricum"
    En een partner geboren op "<partner>"
    En inkomsten van de aanvrager uit "<soort>" van <inkomen> per maand
    Als de regeling "maatschappelijke_participatie" wordt beoordeeld
    Dan is de uitkomst "<uitkomst>"
    En is grond "mp.inkomen" <oordeel>
    En is de inkomensgrens <grens> per maand

    Voorbeelden:
      | aanvrager  | partner    | soort    | inkomen  | grens    | uitkomst  | oordeel      |
      # gehuwden 21 – AOW: 2.002,13 × 1,20 = 2.402,556 → 2.402,56
      | 1990-05-01 | 1991-01-01 | arbeid   | 2.402,56 | 2.402,56 | toegekend | voldaan      |
      | 1990-05-01 | 1991-01-01 | arbeid   | 2.402,57 | 2.402,56 | afgewezen | niet voldaan |
      # gehuwden, beiden AOW: 2.144,16 × 1,20 = 2.572,992 → 2.572,99
      | 1950-01-01 | 1952-06-01 | pensioen | 2.572,99 | 2.572,99 | toegekend | voldaan      |
      | 1950-01-01 | 1952-06-01 | pensioen | 2.573,00 | 2.572,99 | afgewezen | niet voldaan |

  Scenario: Een inkomen boven 120% is de enige reden voor afwijzing
    # 1.401,50 × 1,20 = 1.681,80; 1.681,81 is te veel
    Gegeven een aanvrager geboren op "1990-05-01" die woont in "castricum"
    En inkomsten van de aanvrager uit "arbeid" van 1.681,81 per maand
    Als de regeling "maatschappelijke_participatie" wordt beoordeeld
    Dan is de uitkomst "afgewezen"
    En is alleen grond "mp.inkomen" niet voldaan

  Scenario: Huurtoeslag en zorgtoeslag duwen niemand over de grens
    # meetellend alleen de arbeid: 1.681,80 = de grens; met toeslagen 1.681,80 + 420,00 + 154,00 = 2.255,80
    Gegeven een aanvrager geboren op "1990-05-01" die woont in "castricum"
    En inkomsten van de aanvrager uit "arbeid" van 1.681,80 per maand
    En inkomsten van de aanvrager uit "huurtoeslag" van 420,00 per maand
    En inkomsten van de aanvrager uit "zorgtoeslag" van 154,00 per maand
    Als de regeling "maatschappelijke_participatie" wordt beoordeeld
    Dan is de uitkomst "toegekend"

  Scenario: Een gezin met kinderen hoort dat het Jeugdfonds Sport & Cultuur voorgaat
    Gegeven een aanvrager geboren op "1985-05-01" die woont in "castricum"
    En een partner geboren op "1986-01-01"
    En een kind geboren op "2014-07-01"
    Als de regeling "maatschappelijke_participatie" wordt beoordeeld
    Dan is de uitkomst "toegekend"
    En is er een waarschuwing met "Jeugdfonds Sport & Cultuur"
    En is er een waarschuwing met "voorliggende voorziening"

  Scenario: Wie niet in Castricum woont krijgt geen maatschappelijke participatie van Castricum
    Gegeven een aanvrager geboren op "1990-05-01" die woont in "heiloo"
    Als de regeling "maatschappelijke_participatie" wordt beoordeeld
    Dan is de uitkomst "afgewezen"
    En is alleen grond "mp.woonplaats" niet voldaan

  Scenario: Castricum heeft geen AlkmaarPas en geen Meedoenpas
    Gegeven een aanvrager geboren op "1990-05-01" die woont in "castricum"
    Als alle regelingen worden beoordeeld
    Dan is er een besluit over "maatschappelijke_participatie"
    En is er geen besluit over "alkmaarpas"
    En is er geen besluit over "meedoenpas"
    En is er geen besluit over "stichting_leergeld"

  Scenario: Castricum vult de inkomensgrens van de minimaregelingen zelf in
    Gegeven het beleid van gemeente "castricum" op peildatum "2026-03-01"
    Dan is de open norm "minima.inkomensgrens_pct" ingevuld met 120
    En komt de open norm "minima.inkomensgrens_pct" uit pakket "plus" in bestand "gemeenten/castricum.yaml"
    En heeft de open norm "minima.inkomensgrens_pct" de status "aanname"

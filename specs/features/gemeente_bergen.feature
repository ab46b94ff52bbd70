# language: nl
Functionaliteit: Pluspakket van Bergen (NH): maatschappelijke participatie en het schuldhulpaccent
  Als beleidsadviseur van Bergen (NH)
  wil ik dat de regeling maatschappelijke participatie en het accent "Bergen op weg naar een
  schuldenvrije gemeente" volgens het beleid van Bergen worden toegepast,
  zodat inwoners met een laag inkomen mee kunnen doen en niemand om eerdere schuldhulp
  wordt geweigerd.

  Bron: reference/beleidsfeiten.md §6; Beleidsregels maatschappelijke participatie 2016
  gemeente Bergen (CVDR428153, vervallen per 1-1-2022; opvolger niet gevonden, status aanname).
  Voorwaarden: wonen in Bergen, 18 jaar of ouder, meetellend inkomen hoogstens 120% van de
  voor het huishouden geldende bijstandsnorm (inclusief vakantietoeslag, afgerond op centen).
  Voor kinderen van 0 tot 18 jaar gaat het Jeugdfonds Sport & Cultuur voor (voorliggende
  voorziening). De regeling vergoedt gedeclareerde kosten: het besluit noemt geen bedrag.
  Normen: alleenstaande 1.283,83 (1-1-2024) en 1.401,50 (1-1-2026); gehuwden 2.002,13 (1-1-2026).

  Achtergrond:
    Gegeven een aanvraag in gemeente "bergen" op peildatum "2026-03-01"

  Scenario: Een alleenstaande met een inkomen van precies 120% krijgt maatschappelijke participatie
    # 1.401,50 × 1,20 = 1.681,80
    Gegeven een aanvrager geboren op "1990-05-01" die woont in "bergen"
    En inkomsten van de aanvrager uit "arbeid" van 1.681,80 per maand
    Als de regeling "maatschappelijke_participatie" wordt beoordeeld
    Dan is de uitkomst "toegekend"
    En hoort het besluit bij pakket "plus"
    En is er geen bedrag
    En is de inkomensgrens 1.681,80 per maand
    En komt grond "mp.inkomen" uit pakket "plus" in bestand "gemeenten/bergen.yaml"
    En komt grond "maatschappelijke_participatie.inkomensgrens" uit pakket "plus" in bestand "gemeenten/bergen.yaml"
    En zijn er geen waarschuwingen

  Abstract Scenario: De inkomensgrens van 120% in 2024 en 2026
    Gegeven een aanvraag in gemeente "bergen" op peildatum "<peildatum>"
    En een aanvrager geboren op "1990-05-01" die woont in "bergen"
    En inkomsten van de aanvrager uit "uitkering" van <inkomen> per maand
    Als de regeling "maatschappelijke_participatie" wordt beoordeeld
    Dan is de uitkomst "<uitkomst>"
    En is grond "mp.inkomen" <oordeel>
    En is de inkomensgrens <grens> per maand

    Voorbeelden:
      | peildatum  | inkomen  | grens    | uitkomst  | oordeel      |
      # 1-1-2024: 1.283,83 × 1,20 = 1.540,596 → 1.540,60
      | 2024-03-01 | 1.540,60 | 1.540,60 | toegekend | voldaan      |
      | 2024-03-01 | 1.540,61 | 1.540,60 | afgewezen | niet voldaan |
      # 1-1-2026: 1.401,50 × 1,20 = 1.681,80
      | 2026-03-01 | 1.681,80 | 1.681,80 | toegekend | voldaan      |
      | 2026-03-01 | 1.681,81 | 1.681,80 | afgewezen | niet voldaan |

  Scenario: Een inkomen boven 120% is de enige reden voor afwijzing
    # 1.681,81 > 1.681,80
    Gegeven een aanvrager geboren op "1990-05-01" die woont in "bergen"
    En inkomsten van de aanvrager uit "arbeid" van 1.681,81 per maand
    Als de regeling "maatschappelijke_participatie" wordt beoordeeld
    Dan is de uitkomst "afgewezen"
    En is alleen grond "mp.inkomen" niet voldaan

  Scenario: Voor kinderen gaat het Jeugdfonds Sport & Cultuur voor
    Gegeven een aanvrager geboren op "1985-05-01" die woont in "bergen"
    En een kind geboren op "2016-04-01"
    Als alle regelingen worden beoordeeld
    Dan is er een besluit over "maatschappelijke_participatie"
    En is de uitkomst "toegekend"
    En is er een waarschuwing met "Jeugdfonds Sport & Cultuur"
    En is er een waarschuwing met "voorliggende voorziening"
    En is er een besluit over "jeugdfonds_sport_cultuur"
    En is de uitkomst "toegekend"
    En hoort het besluit bij pakket "basis"

  Scenario: Wie niet in Bergen woont krijgt geen maatschappelijke participatie van Bergen
    Gegeven een aanvrager geboren op "1990-05-01" die woont in "castricum"
    Als de regeling "maatschappelijke_participatie" wordt beoordeeld
    Dan is de uitkomst "afgewezen"
    En is alleen grond "mp.woonplaats" niet voldaan

  Scenario: Bergen heeft geen AlkmaarPas en geen Meedoenpas
    Gegeven een aanvrager geboren op "1990-05-01" die woont in "bergen"
    Als alle regelingen worden beoordeeld
    Dan is er een besluit over "maatschappelijke_participatie"
    En is er een besluit over "collectieve_zorgverzekering"
    En is er geen besluit over "alkmaarpas"
    En is er geen besluit over "meedoenpas"
    En is er geen besluit over "stichting_leergeld"

  Scenario: Wie in Bergen de AlkmaarPas aanvraagt krijgt een foutmelding
    Gegeven een aanvrager geboren op "1990-05-01" die woont in "bergen"
    Als de regeling "alkmaarpas" wordt beoordeeld
    Dan is de invoer onbruikbaar bij veld "regeling"

  Scenario: Schuldhulpaccent: Bergen weigert niet om eerdere schuldhulp (Wgs art. 3 lid 2)
    # De weigeringsgrond is een open norm van het basispakket (standaard 0 = niet weigeren);
    # Bergen vult hem zelf in, met de actieagenda als bron.
    Gegeven het beleid van gemeente "bergen" op peildatum "2026-03-01"
    Dan is de open norm "wgs.weigering_recidive_jaren" ingevuld met 0
    En komt de open norm "wgs.weigering_recidive_jaren" uit pakket "plus" in bestand "gemeenten/bergen.yaml"
    En heeft de open norm "wgs.weigering_recidive_jaren" de status "aanname"

  Scenario: De inkomensgrens van de minimaregelingen is een open norm die Bergen invult
    Gegeven het beleid van gemeente "bergen" op peildatum "2026-03-01"
    Dan is de open norm "minima.inkomensgrens_pct" ingevuld met 120
    En komt de open norm "minima.inkomensgrens_pct" uit pakket "plus" in bestand "gemeenten/bergen.yaml"

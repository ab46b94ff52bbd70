# language: nl
Functionaliteit: Kostendelersnorm in de algemene bijstand (Participatiewet art. 19a en 22a)
  Als beleidsadviseur
  wil ik dat de norm lager wordt als iemand de woning deelt met andere volwassenen die de kosten kunnen delen,
  en alleen met de medebewoners die de wet als kostendeler aanwijst.

  Norm per persoon van 21 jaar of ouder = (40% + A × 30%) / A × B, afgerond op centen
  (een halve cent naar boven).
  A = aantal kostendelende medebewoners + de aanvrager + diens partner (als die 21 of ouder is).
  B = de gehuwdennorm: art. 21 onder b (21 jaar – AOW-leeftijd) of art. 22 (AOW-leeftijd).
  Voor gehuwden is de norm de som van de normen per partner (art. 22a lid 2).
  Kostendelende medebewoner (art. 19a lid 1): 27 jaar of ouder, hoofdverblijf in dezelfde woning,
  niet de partner, geen commerciële huur- of kostgangersrelatie, geen student met studiefinanciering.
  Gehuwdennorm art. 21 onder b: 1.869,21 (1-7-2024), 2.002,13 (1-1-2026); art. 22: 2.144,16 (1-1-2026).

  Abstract Scenario: Alleenstaande met kostendelende medebewoners op 1 maart 2026
    Gegeven een aanvraag in gemeente "alkmaar" op peildatum "2026-03-01"
    En een aanvrager geboren op "1990-05-01" die woont in "alkmaar"
    En het aantal kostendelende medebewoners van 27 jaar of ouder is <aantal>
    Als algemene bijstand wordt beoordeeld
    Dan is de uitkomst "toegekend"
    En is de norm <norm> per maand
    En is het bedrag <norm> per maand
    En is de vakantietoeslag daarin <vakantietoeslag>
    En is grond "pw.kostendelersnorm" voldaan

    Voorbeelden:
      | aantal | norm     | vakantietoeslag |
      # A = 2: (0,40 + 2×0,30)/2 × 2.002,13 = 1.001,065 → 1.001,07; 4,8% = 48,05136 → 48,05
      | 1      | 1.001,07 | 48,05           |
      # A = 3: (0,40 + 3×0,30)/3 × 2.002,13 = 867,58966… → 867,59; 4,8% = 41,64432 → 41,64
      | 2      | 867,59   | 41,64           |
      # A = 4: (0,40 + 4×0,30)/4 × 2.002,13 = 800,852 → 800,85; 4,8% = 38,4408 → 38,44
      | 3      | 800,85   | 38,44           |

  Abstract Scenario: Alleenstaande met kostendelende medebewoners op 1 september 2024
    Gegeven een aanvraag in gemeente "alkmaar" op peildatum "2024-09-01"
    En een aanvrager geboren op "1990-05-01" die woont in "alkmaar"
    En het aantal kostendelende medebewoners van 27 jaar of ouder is <aantal>
    Als algemene bijstand wordt beoordeeld
    Dan is de uitkomst "toegekend"
    En is de norm <norm> per maand
    En is het bedrag <norm> per maand

    Voorbeelden:
      | aantal | norm   |
      # A = 2: (0,40 + 2×0,30)/2 × 1.869,21 = 934,605 → 934,61
      | 1      | 934,61 |
      # A = 3: (0,40 + 3×0,30)/3 × 1.869,21 = 809,991 → 809,99
      | 2      | 809,99 |
      # A = 4: (0,40 + 4×0,30)/4 × 1.869,21 = 747,684 → 747,68
      | 3      | 747,68 |

  Scenario: Een medebewoner van 26 jaar is geen kostendeler
    # Geboren 2000-01-01: 26 jaar op 2026-03-01, jonger dan 27 → alleenstaandennorm 1.401,50
    Gegeven een aanvraag in gemeente "alkmaar" op peildatum "2026-03-01"
    En een aanvrager geboren op "1990-05-01" die woont in "alkmaar"
    En een medebewoner geboren op "2000-01-01"
    Als algemene bijstand wordt beoordeeld
    Dan is de uitkomst "toegekend"
    En is de norm 1.401,50 per maand
    En is het bedrag 1.401,50 per maand

  Scenario: Een medebewoner die op de peildatum 27 wordt is wel kostendeler
    # Geboren 1999-03-01: precies 27 jaar op 2026-03-01 → A = 2
    # (0,40 + 2×0,30)/2 × 2.002,13 = 1.001,065 → 1.001,07
    Gegeven een aanvraag in gemeente "alkmaar" op peildatum "2026-03-01"
    En een aanvrager geboren op "1990-05-01" die woont in "alkmaar"
    En een medebewoner geboren op "1999-03-01"
    Als algemene bijstand wordt beoordeeld
    Dan is de uitkomst "toegekend"
    En is de norm 1.001,07 per maand

  Scenario: Een medebewoner met een commerciële huurrelatie is geen kostendeler
    Gegeven een aanvraag in gemeente "alkmaar" op peildatum "2026-03-01"
    En een aanvrager geboren op "1990-05-01" die woont in "alkmaar"
    En een medebewoner geboren op "1976-01-01" met een commerciële huurrelatie
    Als algemene bijstand wordt beoordeeld
    Dan is de uitkomst "toegekend"
    En is de norm 1.401,50 per maand
    En is het bedrag 1.401,50 per maand

  Scenario: Een medebewoner die studiefinanciering ontvangt is geen kostendeler
    Gegeven een aanvraag in gemeente "alkmaar" op peildatum "2026-03-01"
    En een aanvrager geboren op "1990-05-01" die woont in "alkmaar"
    En een medebewoner geboren op "1976-01-01" die studiefinanciering ontvangt
    Als algemene bijstand wordt beoordeeld
    Dan is de uitkomst "toegekend"
    En is de norm 1.401,50 per maand
    En is het bedrag 1.401,50 per maand

  Scenario: Alleen de medebewoners die kosten delen tellen mee
    # Medebewoner van 50 telt mee, medebewoner van 26 niet → A = 2
    # (0,40 + 2×0,30)/2 × 2.002,13 = 1.001,065 → 1.001,07
    Gegeven een aanvraag in gemeente "alkmaar" op peildatum "2026-03-01"
    En een aanvrager geboren op "1990-05-01" die woont in "alkmaar"
    En een medebewoner geboren op "1976-01-01"
    En een medebewoner geboren op "2000-01-01"
    Als algemene bijstand wordt beoordeeld
    Dan is de uitkomst "toegekend"
    En is de norm 1.001,07 per maand

  Scenario: Gehuwden met één kostendelende medebewoner
    # A = 3 (aanvrager, partner, medebewoner)
    # per partner: (0,40 + 3×0,30)/3 × 2.002,13 = 867,58966… → 867,59
    # gehuwden samen: 2 × 867,59 = 1.735,18; vakantietoeslag 4,8% × 1.735,18 = 83,28864 → 83,29
    Gegeven een aanvraag in gemeente "alkmaar" op peildatum "2026-03-01"
    En een aanvrager geboren op "1990-05-01" die woont in "alkmaar"
    En een partner geboren op "1991-01-01"
    En een medebewoner geboren op "1976-01-01"
    Als algemene bijstand wordt beoordeeld
    Dan is de uitkomst "toegekend"
    En is de norm 1.735,18 per maand
    En is het bedrag 1.735,18 per maand
    En is de vakantietoeslag daarin 83,29

  Scenario: De voorbeeldcasus uit het ontwerp: gezin met een kostendelende medebewoner en inkomen uit arbeid
    # A = 3; per partner (0,40 + 3×0,30)/3 × 2.002,13 = 867,58966… → 867,59; samen 1.735,18
    # bedrag: 1.735,18 − 850,00 = 885,18; vermogen 2.500 ≤ 16.000
    Gegeven de casus:
      """
      gemeente: alkmaar
      peildatum: 2026-03-01
      aanvrager:
        geboortedatum: 1990-05-01
        woonplaats: alkmaar
        verblijfsstatus: nederlander
        in_detentie: false
        recht_op_studiefinanciering: false
        dagen_in_buitenland: 0
      partner:
        geboortedatum: 1991-01-01
        verblijfsstatus: nederlander
        in_detentie: false
        recht_op_studiefinanciering: false
      kinderen:
        - geboortedatum: 2015-09-01
      medebewoners:
        - geboortedatum: 1960-01-01
          student_met_studiefinanciering: false
          commerciele_relatie: false
      inkomsten:
        - persoon: aanvrager
          soort: arbeid
          netto_per_maand: 850.00
      vermogen:
        bezittingen: 2500.00
        schulden: 0
        overwaarde_eigen_woning: 0
      """
    Als algemene bijstand wordt beoordeeld
    Dan is de uitkomst "toegekend"
    En is de norm 1.735,18 per maand
    En is het bedrag 885,18 per maand
    En is grond "pw.kostendelersnorm" voldaan
    En verwijst grond "pw.kostendelersnorm" naar artikel "22a"

  Scenario: Alleenstaande met de AOW-leeftijd en één kostendelende medebewoner
    # B = gehuwdennorm art. 22 = 2.144,16; A = 2
    # (0,40 + 2×0,30)/2 × 2.144,16 = 1.072,08; vakantietoeslag 4,8% × 1.072,08 = 51,45984 → 51,46
    Gegeven een aanvraag in gemeente "alkmaar" op peildatum "2026-03-01"
    En een aanvrager geboren op "1950-01-01" die woont in "alkmaar"
    En een medebewoner geboren op "1976-01-01"
    Als algemene bijstand wordt beoordeeld
    # De AOW-leeftijd is bereikt: de SVB beslist over algemene bijstand (art. 47a); de norm staat in het besluit.
    Dan is de uitkomst "doorverwezen"
    En is de norm 1.072,08 per maand
    En is er geen bedrag per maand
    En is de vakantietoeslag daarin 51,46

  Scenario: Een jongere van 20 met een medebewoner houdt de jongerennorm
    # Geboren 2006-01-01: 20 jaar op 2026-03-01; kostendelersnorm geldt niet onder 21 → 345,99
    Gegeven een aanvraag in gemeente "alkmaar" op peildatum "2026-03-01"
    En een aanvrager geboren op "2006-01-01" die woont in "alkmaar"
    En een medebewoner geboren op "1976-01-01"
    Als algemene bijstand wordt beoordeeld
    Dan is de uitkomst "toegekend"
    En is de norm 345,99 per maand
    En is het bedrag 345,99 per maand

  Scenario: Inkomen wordt gekort op de kostendelersnorm
    # (0,40 + 2×0,30)/2 × 2.002,13 = 1.001,065 → 1.001,07; bedrag 1.001,07 − 400,00 = 601,07
    Gegeven een aanvraag in gemeente "alkmaar" op peildatum "2026-03-01"
    En een aanvrager geboren op "1990-05-01" die woont in "alkmaar"
    En een medebewoner geboren op "1976-01-01"
    En inkomsten van de aanvrager uit "arbeid" van 400,00 per maand
    Als algemene bijstand wordt beoordeeld
    Dan is de uitkomst "toegekend"
    En is de norm 1.001,07 per maand
    En is het bedrag 601,07 per maand

  Regel: Sinds 2026 telt wie mantelzorg geeft of krijgt niet als kostendeler (art. 22a lid 4)

    Scenario: Een medebewoner die mantelzorg geeft, in 2026
      # geen kostendeler: alleenstaandennorm 1.401,50
      Gegeven een aanvraag in gemeente "alkmaar" op peildatum "2026-03-01"
      En een aanvrager geboren op "1990-05-01" die woont in "alkmaar"
      En in de casus ook:
        """
        medebewoners: [{geboortedatum: "1976-01-01", mantelzorg: true}]
        """
      Als algemene bijstand wordt beoordeeld
      Dan is de norm 1.401,50 per maand
      En noemt grond "pw.kostendelersnorm" "geeft of krijgt mantelzorg"

    Scenario: Dezelfde medebewoner in 2025 telt wel als kostendeler
      # A = 2: (0,40 + 2×0,30)/2 × 1.955,80 = 977,90
      Gegeven een aanvraag in gemeente "alkmaar" op peildatum "2025-09-01"
      En een aanvrager geboren op "1990-05-01" die woont in "alkmaar"
      En in de casus ook:
        """
        medebewoners: [{geboortedatum: "1976-01-01", mantelzorg: true}]
        """
      Als algemene bijstand wordt beoordeeld
      Dan is de norm 977,90 per maand

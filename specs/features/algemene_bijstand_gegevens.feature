# language: nl
Functionaliteit: Ontbrekende gegevens en de peildatum bij de algemene bijstand
  Als consulent
  wil ik bij een onvolledige aanvraag horen welke gegevens ik nog moet opvragen,
  en wil ik gewaarschuwd worden als de regels voor de peildatum nog niet bekend zijn.

  Een gegeven dat ontbreekt en nodig is, geeft de uitkomst "onvoldoende_gegevens" met het pad
  van het gegeven. Ontbreken "inkomsten" of "vermogen", dan zijn die onbekend; een lege lijst
  inkomsten betekent: geen inkomen. Een ontbrekende uitsluitingsgrond (zoals in_detentie) wordt
  aangenomen als "nee" en als aanname vermeld. Een voorwaarde die zeker niet is vervuld, beslist
  vóór ontbrekende gegevens: dan is de uitkomst "afgewezen".
  De normen per 1-1-2026 zijn bekend tot en met 2026-06-30 (volgende indexatie 1-7-2026).
  Een latere peildatum rekent met de laatst bekende normen en waarschuwt; strikt beoordeeld is
  zo'n peildatum onbruikbare invoer. Voor 1-1-2024 zijn er geen regels.

  Scenario: Zonder geboortedatum kan de norm niet worden bepaald
    Gegeven een aanvraag in gemeente "alkmaar" op peildatum "2026-03-01"
    En een aanvrager geboren op "1990-05-01" die woont in "alkmaar"
    En de geboortedatum van de aanvrager is onbekend
    Als algemene bijstand wordt beoordeeld
    Dan is de uitkomst "onvoldoende_gegevens"
    En ontbreekt het gegeven "aanvrager.geboortedatum"

  Scenario: Zonder opgave van inkomsten zijn de middelen onbekend
    Gegeven een aanvraag in gemeente "alkmaar" op peildatum "2026-03-01"
    En een aanvrager geboren op "1990-05-01" die woont in "alkmaar"
    En de inkomsten zijn onbekend
    Als algemene bijstand wordt beoordeeld
    Dan is de uitkomst "onvoldoende_gegevens"
    En ontbreekt het gegeven "inkomsten"

  Scenario: Zonder opgave van vermogen is het vermogen onbekend
    Gegeven een aanvraag in gemeente "alkmaar" op peildatum "2026-03-01"
    En een aanvrager geboren op "1990-05-01" die woont in "alkmaar"
    En het vermogen is onbekend
    Als algemene bijstand wordt beoordeeld
    Dan is de uitkomst "onvoldoende_gegevens"
    En ontbreekt het gegeven "vermogen"

  Scenario: Zonder woonplaats is niet bekend welke gemeente beslist
    Gegeven een aanvraag in gemeente "alkmaar" op peildatum "2026-03-01"
    En een aanvrager geboren op "1990-05-01" die woont in "alkmaar"
    En de woonplaats van de aanvrager is onbekend
    Als algemene bijstand wordt beoordeeld
    Dan is de uitkomst "onvoldoende_gegevens"
    En ontbreekt het gegeven "aanvrager.woonplaats"

  Scenario: Zonder verblijfsstatus is het rechtmatig verblijf onbekend
    Gegeven een aanvraag in gemeente "alkmaar" op peildatum "2026-03-01"
    En een aanvrager geboren op "1990-05-01" die woont in "alkmaar"
    En de verblijfsstatus van de aanvrager is onbekend
    Als algemene bijstand wordt beoordeeld
    Dan is de uitkomst "onvoldoende_gegevens"
    En ontbreekt het gegeven "aanvrager.verblijfsstatus"

  Scenario: Zonder geboortedatum van een medebewoner is de kostendelersnorm onbekend
    Gegeven een aanvraag in gemeente "alkmaar" op peildatum "2026-03-01"
    En een aanvrager geboren op "1990-05-01" die woont in "alkmaar"
    En een medebewoner van wie de geboortedatum onbekend is
    Als algemene bijstand wordt beoordeeld
    Dan is de uitkomst "onvoldoende_gegevens"
    En ontbreekt het gegeven "medebewoners[0].geboortedatum"

  Scenario: Zonder geboortedatum van de partner is de gehuwdennorm onbekend
    Gegeven een aanvraag in gemeente "alkmaar" op peildatum "2026-03-01"
    En een aanvrager geboren op "1990-05-01" die woont in "alkmaar"
    En een partner van wie de geboortedatum onbekend is
    Als algemene bijstand wordt beoordeeld
    Dan is de uitkomst "onvoldoende_gegevens"
    En ontbreekt het gegeven "partner.geboortedatum"

  Scenario: Een niet opgegeven detentie wordt aangenomen als "nee" en vermeld
    Gegeven een aanvraag in gemeente "alkmaar" op peildatum "2026-03-01"
    En een aanvrager geboren op "1990-05-01" die woont in "alkmaar"
    En de aanvrager heeft "in_detentie" niet opgegeven
    Als algemene bijstand wordt beoordeeld
    Dan is de uitkomst "toegekend"
    En is het bedrag 1.401,50 per maand
    En is er een aanname over "aanvrager.in_detentie"

  Scenario: Een lege lijst inkomsten betekent: geen inkomen
    Gegeven een aanvraag in gemeente "alkmaar" op peildatum "2026-03-01"
    En een aanvrager geboren op "1990-05-01" die woont in "alkmaar"
    En de aanvrager heeft geen inkomsten
    Als algemene bijstand wordt beoordeeld
    Dan is de uitkomst "toegekend"
    En ontbreken er geen gegevens
    En is het bedrag 1.401,50 per maand

  Scenario: Een voorwaarde die zeker niet is vervuld gaat voor ontbrekende gegevens
    # Geboren 2009-01-01: 17 jaar op 2026-03-01 (art. 13 lid 3); het vermogen is onbekend
    Gegeven een aanvraag in gemeente "alkmaar" op peildatum "2026-03-01"
    En een aanvrager geboren op "2009-01-01" die woont in "alkmaar"
    En het vermogen is onbekend
    Als algemene bijstand wordt beoordeeld
    Dan is de uitkomst "afgewezen"
    En is grond "pw.leeftijd" niet voldaan

  Scenario: Op de eerste dag van de eerste periode gelden de normen van 1 januari 2024
    Gegeven een aanvraag in gemeente "alkmaar" op peildatum "2024-01-01"
    En een aanvrager geboren op "1990-05-01" die woont in "alkmaar"
    Als algemene bijstand wordt beoordeeld
    Dan is de uitkomst "toegekend"
    En is de norm 1.283,83 per maand

  Abstract Scenario: Na de laatst bekende datum wordt gerekend met de laatst bekende normen, met een waarschuwing
    Gegeven een aanvraag in gemeente "alkmaar" op peildatum "<peildatum>"
    En een aanvrager geboren op "1990-05-01" die woont in "alkmaar"
    Als algemene bijstand wordt beoordeeld
    Dan is de uitkomst "toegekend"
    En is de norm 1.401,50 per maand
    En is het bedrag 1.401,50 per maand
    En is er een waarschuwing met "2026-06-30"

    Voorbeelden:
      | peildatum  |
      | 2026-07-01 |
      | 2026-08-01 |

  Scenario: Tot en met de laatst bekende datum is er geen waarschuwing
    Gegeven een aanvraag in gemeente "alkmaar" op peildatum "2026-06-30"
    En een aanvrager geboren op "1990-05-01" die woont in "alkmaar"
    Als algemene bijstand wordt beoordeeld
    Dan is de uitkomst "toegekend"
    En is de norm 1.401,50 per maand
    En zijn er geen waarschuwingen

  Scenario: Strikt beoordeeld is een peildatum na de laatst bekende datum onbruikbaar
    Gegeven een aanvraag in gemeente "alkmaar" op peildatum "2026-08-01"
    En een aanvrager geboren op "1990-05-01" die woont in "alkmaar"
    Als algemene bijstand strikt wordt beoordeeld
    Dan is de invoer onbruikbaar bij veld "peildatum"

  Scenario: Een peildatum vóór de eerste periode is onbruikbaar
    Gegeven een aanvraag in gemeente "alkmaar" op peildatum "2023-12-31"
    En een aanvrager geboren op "1990-05-01" die woont in "alkmaar"
    Als algemene bijstand wordt beoordeeld
    Dan is de invoer onbruikbaar bij veld "peildatum"

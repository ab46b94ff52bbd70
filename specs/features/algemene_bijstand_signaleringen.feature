# language: nl
Functionaliteit: Signaleringen voor de consulent bij de algemene bijstand
  Als consulent
  wil ik in het besluit zien welke punten ik zelf nog moet beoordelen,
  zodat het besluit niet stilzwijgend voorbijgaat aan een zoektermijn.

  Jongeren onder 27 jaar kunnen de aanvraag pas doen vier weken na de melding
  (art. 41 lid 4 Pw). Een partner die zelf geen recht heeft, wordt niet meer gesignaleerd:
  de norm van art. 24 wordt berekend (algemene_bijstand_partner.feature).

  Scenario: Een aanvrager van 26 krijgt de zoektermijn gemeld
    Gegeven een aanvraag in gemeente "bergen" op peildatum "2026-03-01"
    En een aanvrager geboren op "1999-05-01" die woont in "bergen"
    Als algemene bijstand wordt beoordeeld
    Dan is de uitkomst "toegekend"
    En is er een waarschuwing met "zoektermijn"
    En is er een waarschuwing met "41 lid 4"

  Scenario: Een aanvrager die op de peildatum 27 wordt, krijgt geen zoektermijn
    Gegeven een aanvraag in gemeente "bergen" op peildatum "2026-03-01"
    En een aanvrager geboren op "1999-03-01" die woont in "bergen"
    Als algemene bijstand wordt beoordeeld
    Dan is de uitkomst "toegekend"
    En zijn er geen waarschuwingen

  Scenario: Een partner zonder uitsluitingsgrond geeft geen signalering
    Gegeven een aanvraag in gemeente "uitgeest" op peildatum "2026-03-01"
    En een aanvrager geboren op "1980-05-01" die woont in "uitgeest"
    En een partner geboren op "1982-01-01"
    Als algemene bijstand wordt beoordeeld
    Dan is de uitkomst "toegekend"
    En is de norm 2.002,13 per maand
    En zijn er geen waarschuwingen

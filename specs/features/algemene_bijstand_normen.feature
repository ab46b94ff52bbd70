# language: nl
Functionaliteit: Normen voor de algemene bijstand (Participatiewet art. 19, 20, 21 en 22)
  Als beleidsadviseur
  wil ik dat de regelengine voor elke leefsituatie en elk halfjaar de juiste bijstandsnorm gebruikt,
  zodat elke beschikking op de landelijk vastgestelde normen berust.

  De normen zijn netto per maand, inclusief de vakantietoeslag (art. 19 lid 3 Pw).
  Bron van de bedragen: reference/beleidsfeiten.md §1 (normenoverzichten 2024 en 2025,
  SZW Normenbrief 1 januari 2026). Zonder inkomen is het bedrag per maand gelijk aan de norm.
  De vakantietoeslag is 4,8% van de norm: art. 19 lid 3 (tekst 2024–2026) zegt "4,8 procent
  van die bijstand"; afgerond op centen (een halve cent naar boven).

  Peildatum per periode: 1-1-2024 → 2024-03-01, 1-7-2024 → 2024-09-01,
  1-1-2025 → 2025-03-01, 1-7-2025 → 2025-09-01, 1-1-2026 → 2026-03-01.

  Abstract Scenario: Alleenstaande van 21 jaar tot de AOW-leeftijd (art. 21 onder a)
    Gegeven een aanvraag in gemeente "alkmaar" op peildatum "<peildatum>"
    En een aanvrager geboren op "1990-05-01" die woont in "alkmaar"
    Als algemene bijstand wordt beoordeeld
    Dan is de uitkomst "toegekend"
    En is de norm <norm> per maand
    En is het bedrag <norm> per maand
    En is de vakantietoeslag daarin <vakantietoeslag>

    Voorbeelden:
      | peildatum  | norm     | vakantietoeslag |
      # 4,8% × 1.283,83 = 61,62384 → 61,62
      | 2024-03-01 | 1.283,83 | 61,62           |
      # 4,8% × 1.308,45 = 62,8056 → 62,81
      | 2024-09-01 | 1.308,45 | 62,81           |
      # 4,8% × 1.345,45 = 64,5816 → 64,58
      | 2025-03-01 | 1.345,45 | 64,58           |
      # 4,8% × 1.369,06 = 65,71488 → 65,71
      | 2025-09-01 | 1.369,06 | 65,71           |
      # 4,8% × 1.401,50 = 67,272 → 67,27
      | 2026-03-01 | 1.401,50 | 67,27           |

  Abstract Scenario: Alleenstaande ouder van 21 jaar tot de AOW-leeftijd heeft dezelfde norm als een alleenstaande
    Gegeven een aanvraag in gemeente "alkmaar" op peildatum "<peildatum>"
    En een aanvrager geboren op "1990-05-01" die woont in "alkmaar"
    En een kind geboren op "2015-09-01"
    Als algemene bijstand wordt beoordeeld
    Dan is de uitkomst "toegekend"
    En is de norm <norm> per maand
    En is het bedrag <norm> per maand
    En is de vakantietoeslag daarin <vakantietoeslag>

    Voorbeelden:
      | peildatum  | norm     | vakantietoeslag |
      # 4,8% × 1.283,83 = 61,62384 → 61,62
      | 2024-03-01 | 1.283,83 | 61,62           |
      # 4,8% × 1.308,45 = 62,8056 → 62,81
      | 2024-09-01 | 1.308,45 | 62,81           |
      # 4,8% × 1.345,45 = 64,5816 → 64,58
      | 2025-03-01 | 1.345,45 | 64,58           |
      # 4,8% × 1.369,06 = 65,71488 → 65,71
      | 2025-09-01 | 1.369,06 | 65,71           |
      # 4,8% × 1.401,50 = 67,272 → 67,27
      | 2026-03-01 | 1.401,50 | 67,27           |

  Abstract Scenario: Gehuwden, beiden van 21 jaar tot de AOW-leeftijd (art. 21 onder b)
    Gegeven een aanvraag in gemeente "alkmaar" op peildatum "<peildatum>"
    En een aanvrager geboren op "1990-05-01" die woont in "alkmaar"
    En een partner geboren op "1991-01-01"
    Als algemene bijstand wordt beoordeeld
    Dan is de uitkomst "toegekend"
    En is de norm <norm> per maand
    En is het bedrag <norm> per maand
    En is de vakantietoeslag daarin <vakantietoeslag>

    Voorbeelden:
      | peildatum  | norm     | vakantietoeslag |
      # 4,8% × 1.834,04 = 88,03392 → 88,03
      | 2024-03-01 | 1.834,04 | 88,03           |
      # 4,8% × 1.869,21 = 89,72208 → 89,72
      | 2024-09-01 | 1.869,21 | 89,72           |
      # 4,8% × 1.922,07 = 92,25936 → 92,26
      | 2025-03-01 | 1.922,07 | 92,26           |
      # 4,8% × 1.955,80 = 93,8784 → 93,88
      | 2025-09-01 | 1.955,80 | 93,88           |
      # 4,8% × 2.002,13 = 96,10224 → 96,10
      | 2026-03-01 | 2.002,13 | 96,10          |

  Abstract Scenario: Alleenstaande die de AOW-leeftijd heeft bereikt (art. 22)
    Gegeven een aanvraag in gemeente "alkmaar" op peildatum "<peildatum>"
    En een aanvrager geboren op "1950-01-01" die woont in "alkmaar"
    Als algemene bijstand wordt beoordeeld
    # De AOW-leeftijd is bereikt: de SVB beslist over algemene bijstand (art. 47a); de norm staat in het besluit.
    Dan is de uitkomst "doorverwezen"
    En is de norm <norm> per maand
    En is er geen bedrag per maand
    En is de vakantietoeslag daarin <vakantietoeslag>

    Voorbeelden:
      | peildatum  | norm     | vakantietoeslag |
      # 4,8% × 1.425,76 = 68,43648 → 68,44
      | 2024-03-01 | 1.425,76 | 68,44           |
      # 4,8% × 1.456,85 = 69,9288 → 69,93
      | 2024-09-01 | 1.456,85 | 69,93           |
      # 4,8% × 1.501,07 = 72,05136 → 72,05
      | 2025-03-01 | 1.501,07 | 72,05           |
      # 4,8% × 1.530,21 = 73,45008 → 73,45
      | 2025-09-01 | 1.530,21 | 73,45           |
      # 4,8% × 1.564,69 = 75,10512 → 75,11
      | 2026-03-01 | 1.564,69 | 75,11           |

  Abstract Scenario: Gehuwden van wie ten minste één de AOW-leeftijd heeft bereikt (art. 22)
    Gegeven een aanvraag in gemeente "alkmaar" op peildatum "<peildatum>"
    En een aanvrager geboren op "1950-01-01" die woont in "alkmaar"
    En een partner geboren op "1960-01-01"
    Als algemene bijstand wordt beoordeeld
    # De AOW-leeftijd is bereikt: de SVB beslist over algemene bijstand (art. 47a); de norm staat in het besluit.
    Dan is de uitkomst "doorverwezen"
    En is de norm <norm> per maand
    En is er geen bedrag per maand
    En is de vakantietoeslag daarin <vakantietoeslag>

    Voorbeelden:
      | peildatum  | norm     | vakantietoeslag |
      # 4,8% × 1.933,98 = 92,83104 → 92,83
      | 2024-03-01 | 1.933,98 | 92,83           |
      # 4,8% × 1.976,64 = 94,87872 → 94,88
      | 2024-09-01 | 1.976,64 | 94,88           |
      # 4,8% × 2.053,48 = 98,56704 → 98,57
      | 2025-03-01 | 2.053,48 | 98,57          |
      # 4,8% × 2.094,98 = 100,55904 → 100,56
      | 2025-09-01 | 2.094,98 | 100,56          |
      # 4,8% × 2.144,16 = 102,91968 → 102,92
      | 2026-03-01 | 2.144,16 | 102,92          |

  Abstract Scenario: Alleenstaande jongere van 18 tot en met 20 jaar (art. 20)
    # Geboren 2006-01-01: 18 jaar op 2024-03-01, 20 jaar op 2026-03-01.
    Gegeven een aanvraag in gemeente "alkmaar" op peildatum "<peildatum>"
    En een aanvrager geboren op "2006-01-01" die woont in "alkmaar"
    Als algemene bijstand wordt beoordeeld
    Dan is de uitkomst "toegekend"
    En is de norm <norm> per maand
    En is het bedrag <norm> per maand
    En is de vakantietoeslag daarin <vakantietoeslag>

    Voorbeelden:
      | peildatum  | norm   | vakantietoeslag |
      # 4,8% × 316,94 = 15,21312 → 15,21
      | 2024-03-01 | 316,94 | 15,21           |
      # 4,8% × 323,03 = 15,50544 → 15,51
      | 2024-09-01 | 323,03 | 15,51           |
      # 4,8% × 332,17 = 15,94416 → 15,94
      | 2025-03-01 | 332,17 | 15,94           |
      # 4,8% × 337,98 = 16,22304 → 16,22
      | 2025-09-01 | 337,98 | 16,22           |
      # 4,8% × 345,99 = 16,60752 → 16,61
      | 2026-03-01 | 345,99 | 16,61           |

  Abstract Scenario: Gehuwden, beiden van 18 tot en met 20 jaar, zonder kinderen (art. 20)
    Gegeven een aanvraag in gemeente "alkmaar" op peildatum "<peildatum>"
    En een aanvrager geboren op "2006-01-01" die woont in "alkmaar"
    En een partner geboren op "2005-12-01"
    Als algemene bijstand wordt beoordeeld
    Dan is de uitkomst "toegekend"
    En is de norm <norm> per maand
    En is het bedrag <norm> per maand
    En is de vakantietoeslag daarin <vakantietoeslag>

    Voorbeelden:
      | peildatum  | norm   | vakantietoeslag |
      # 4,8% × 633,88 = 30,42624 → 30,43
      | 2024-03-01 | 633,88 | 30,43           |
      # 4,8% × 646,06 = 31,01088 → 31,01
      | 2024-09-01 | 646,06 | 31,01           |
      # 4,8% × 664,34 = 31,88832 → 31,89
      | 2025-03-01 | 664,34 | 31,89           |
      # 4,8% × 675,96 = 32,44608 → 32,45
      | 2025-09-01 | 675,96 | 32,45           |
      # 4,8% × 691,98 = 33,21504 → 33,22
      | 2026-03-01 | 691,98 | 33,22           |

  Abstract Scenario: Gehuwden, beiden van 18 tot en met 20 jaar, met kinderen (art. 20)
    Gegeven een aanvraag in gemeente "alkmaar" op peildatum "<peildatum>"
    En een aanvrager geboren op "2006-01-01" die woont in "alkmaar"
    En een partner geboren op "2005-12-01"
    En een kind geboren op "2023-06-01"
    Als algemene bijstand wordt beoordeeld
    Dan is de uitkomst "toegekend"
    En is de norm <norm> per maand
    En is het bedrag <norm> per maand
    En is de vakantietoeslag daarin <vakantietoeslag>

    Voorbeelden:
      | peildatum  | norm     | vakantietoeslag |
      # 4,8% × 1.000,69 = 48,03312 → 48,03
      | 2024-03-01 | 1.000,69 | 48,03           |
      # 4,8% × 1.019,90 = 48,9552 → 48,96 (halve cent naar boven)
      | 2024-09-01 | 1.019,90 | 48,96           |
      # 4,8% × 1.048,75 = 50,34 → 50,34
      | 2025-03-01 | 1.048,75 | 50,34           |
      # 4,8% × 1.067,12 = 51,22176 → 51,22
      | 2025-09-01 | 1.067,12 | 51,22           |
      # 4,8% × 1.092,41 = 52,43568 → 52,44
      | 2026-03-01 | 1.092,41 | 52,44           |

  Abstract Scenario: Gehuwden, één van 18 tot en met 20 jaar en één van 21 jaar of ouder, zonder kinderen (art. 20)
    Gegeven een aanvraag in gemeente "alkmaar" op peildatum "<peildatum>"
    En een aanvrager geboren op "1990-05-01" die woont in "alkmaar"
    En een partner geboren op "2006-01-01"
    Als algemene bijstand wordt beoordeeld
    Dan is de uitkomst "toegekend"
    En is de norm <norm> per maand
    En is het bedrag <norm> per maand
    En is de vakantietoeslag daarin <vakantietoeslag>

    Voorbeelden:
      | peildatum  | norm     | vakantietoeslag |
      # 4,8% × 1.233,96 = 59,23008 → 59,23
      | 2024-03-01 | 1.233,96 | 59,23           |
      # 4,8% × 1.257,64 = 60,36672 → 60,37
      | 2024-09-01 | 1.257,64 | 60,37           |
      # 4,8% × 1.293,21 = 62,07408 → 62,07
      | 2025-03-01 | 1.293,21 | 62,07           |
      # 4,8% × 1.315,88 = 63,16224 → 63,16
      | 2025-09-01 | 1.315,88 | 63,16           |
      # 4,8% × 1.347,06 = 64,65888 → 64,66
      | 2026-03-01 | 1.347,06 | 64,66           |

  Abstract Scenario: Gehuwden, één van 18 tot en met 20 jaar en één van 21 jaar of ouder, met kinderen (art. 20)
    Gegeven een aanvraag in gemeente "alkmaar" op peildatum "<peildatum>"
    En een aanvrager geboren op "1990-05-01" die woont in "alkmaar"
    En een partner geboren op "2006-01-01"
    En een kind geboren op "2023-06-01"
    Als algemene bijstand wordt beoordeeld
    Dan is de uitkomst "toegekend"
    En is de norm <norm> per maand
    En is het bedrag <norm> per maand
    En is de vakantietoeslag daarin <vakantietoeslag>

    Voorbeelden:
      | peildatum  | norm     | vakantietoeslag |
      # 4,8% × 1.600,77 = 76,83696 → 76,84
      | 2024-03-01 | 1.600,77 | 76,84           |
      # 4,8% × 1.631,48 = 78,31104 → 78,31
      | 2024-09-01 | 1.631,48 | 78,31           |
      # 4,8% × 1.677,62 = 80,52576 → 80,53
      | 2025-03-01 | 1.677,62 | 80,53           |
      # 4,8% × 1.707,04 = 81,93792 → 81,94
      | 2025-09-01 | 1.707,04 | 81,94           |
      # 4,8% × 1.747,49 = 83,87952 → 83,88
      | 2026-03-01 | 1.747,49 | 83,88           |

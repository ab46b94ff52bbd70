# language: nl
Functionaliteit: Normen voor de algemene bijstand (Participatiewet art. 19, 20, 21 en 22)
  Als beleidsadviseur
  wil ik dat de regelengine voor elke leefsituatie en elk halfjaar de juiste bijstandsnorm gebruikt,
  zodat elke beschikking op de landelijk vastgestelde normen berust.

  De normen zijn netto per maand, inclusief 5% vakantietoeslag (art. 19 lid 3 Pw).
  Bron van de bedragen: reference/beleidsfeiten.md §1 (normenoverzichten 2024 en 2025,
  SZW Normenbrief 1 januari 2026). Zonder inkomen is het bedrag per maand gelijk aan de norm.
  De vakantietoeslag is 5% van de norm, afgerond op centen (een halve cent naar boven).

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
      # 5% × 1.283,83 = 64,1915 → 64,19
      | 2024-03-01 | 1.283,83 | 64,19           |
      # 5% × 1.308,45 = 65,4225 → 65,42
      | 2024-09-01 | 1.308,45 | 65,42           |
      # 5% × 1.345,45 = 67,2725 → 67,27
      | 2025-03-01 | 1.345,45 | 67,27           |
      # 5% × 1.369,06 = 68,453 → 68,45
      | 2025-09-01 | 1.369,06 | 68,45           |
      # 5% × 1.401,50 = 70,075 → 70,08
      | 2026-03-01 | 1.401,50 | 70,08           |

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
      # 5% × 1.283,83 = 64,1915 → 64,19
      | 2024-03-01 | 1.283,83 | 64,19           |
      # 5% × 1.308,45 = 65,4225 → 65,42
      | 2024-09-01 | 1.308,45 | 65,42           |
      # 5% × 1.345,45 = 67,2725 → 67,27
      | 2025-03-01 | 1.345,45 | 67,27           |
      # 5% × 1.369,06 = 68,453 → 68,45
      | 2025-09-01 | 1.369,06 | 68,45           |
      # 5% × 1.401,50 = 70,075 → 70,08
      | 2026-03-01 | 1.401,50 | 70,08           |

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
      # 5% × 1.834,04 = 91,702 → 91,70
      | 2024-03-01 | 1.834,04 | 91,70           |
      # 5% × 1.869,21 = 93,4605 → 93,46
      | 2024-09-01 | 1.869,21 | 93,46           |
      # 5% × 1.922,07 = 96,1035 → 96,10
      | 2025-03-01 | 1.922,07 | 96,10           |
      # 5% × 1.955,80 = 97,79 → 97,79
      | 2025-09-01 | 1.955,80 | 97,79           |
      # 5% × 2.002,13 = 100,1065 → 100,11
      | 2026-03-01 | 2.002,13 | 100,11          |

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
      # 5% × 1.425,76 = 71,288 → 71,29
      | 2024-03-01 | 1.425,76 | 71,29           |
      # 5% × 1.456,85 = 72,8425 → 72,84
      | 2024-09-01 | 1.456,85 | 72,84           |
      # 5% × 1.501,07 = 75,0535 → 75,05
      | 2025-03-01 | 1.501,07 | 75,05           |
      # 5% × 1.530,21 = 76,5105 → 76,51
      | 2025-09-01 | 1.530,21 | 76,51           |
      # 5% × 1.564,69 = 78,2345 → 78,23
      | 2026-03-01 | 1.564,69 | 78,23           |

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
      # 5% × 1.933,98 = 96,699 → 96,70
      | 2024-03-01 | 1.933,98 | 96,70           |
      # 5% × 1.976,64 = 98,832 → 98,83
      | 2024-09-01 | 1.976,64 | 98,83           |
      # 5% × 2.053,48 = 102,674 → 102,67
      | 2025-03-01 | 2.053,48 | 102,67          |
      # 5% × 2.094,98 = 104,749 → 104,75
      | 2025-09-01 | 2.094,98 | 104,75          |
      # 5% × 2.144,16 = 107,208 → 107,21
      | 2026-03-01 | 2.144,16 | 107,21          |

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
      # 5% × 316,94 = 15,847 → 15,85
      | 2024-03-01 | 316,94 | 15,85           |
      # 5% × 323,03 = 16,1515 → 16,15
      | 2024-09-01 | 323,03 | 16,15           |
      # 5% × 332,17 = 16,6085 → 16,61
      | 2025-03-01 | 332,17 | 16,61           |
      # 5% × 337,98 = 16,899 → 16,90
      | 2025-09-01 | 337,98 | 16,90           |
      # 5% × 345,99 = 17,2995 → 17,30
      | 2026-03-01 | 345,99 | 17,30           |

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
      # 5% × 633,88 = 31,694 → 31,69
      | 2024-03-01 | 633,88 | 31,69           |
      # 5% × 646,06 = 32,303 → 32,30
      | 2024-09-01 | 646,06 | 32,30           |
      # 5% × 664,34 = 33,217 → 33,22
      | 2025-03-01 | 664,34 | 33,22           |
      # 5% × 675,96 = 33,798 → 33,80
      | 2025-09-01 | 675,96 | 33,80           |
      # 5% × 691,98 = 34,599 → 34,60
      | 2026-03-01 | 691,98 | 34,60           |

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
      # 5% × 1.000,69 = 50,0345 → 50,03
      | 2024-03-01 | 1.000,69 | 50,03           |
      # 5% × 1.019,90 = 50,995 → 51,00 (halve cent naar boven)
      | 2024-09-01 | 1.019,90 | 51,00           |
      # 5% × 1.048,75 = 52,4375 → 52,44
      | 2025-03-01 | 1.048,75 | 52,44           |
      # 5% × 1.067,12 = 53,356 → 53,36
      | 2025-09-01 | 1.067,12 | 53,36           |
      # 5% × 1.092,41 = 54,6205 → 54,62
      | 2026-03-01 | 1.092,41 | 54,62           |

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
      # 5% × 1.233,96 = 61,698 → 61,70
      | 2024-03-01 | 1.233,96 | 61,70           |
      # 5% × 1.257,64 = 62,882 → 62,88
      | 2024-09-01 | 1.257,64 | 62,88           |
      # 5% × 1.293,21 = 64,6605 → 64,66
      | 2025-03-01 | 1.293,21 | 64,66           |
      # 5% × 1.315,88 = 65,794 → 65,79
      | 2025-09-01 | 1.315,88 | 65,79           |
      # 5% × 1.347,06 = 67,353 → 67,35
      | 2026-03-01 | 1.347,06 | 67,35           |

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
      # 5% × 1.600,77 = 80,0385 → 80,04
      | 2024-03-01 | 1.600,77 | 80,04           |
      # 5% × 1.631,48 = 81,574 → 81,57
      | 2024-09-01 | 1.631,48 | 81,57           |
      # 5% × 1.677,62 = 83,881 → 83,88
      | 2025-03-01 | 1.677,62 | 83,88           |
      # 5% × 1.707,04 = 85,352 → 85,35
      | 2025-09-01 | 1.707,04 | 85,35           |
      # 5% × 1.747,49 = 87,3745 → 87,37
      | 2026-03-01 | 1.747,49 | 87,37           |

# language: nl
Functionaliteit: Individuele inkomenstoeslag (Participatiewet art. 36), regionaal beleid Zaffier
  Als beleidsadviseur
  wil ik dat de individuele inkomenstoeslag (IIT) in alle zes gemeenten volgens het regionale
  beleid wordt beoordeeld, met voor elke voorwaarde een grond en een bron,
  zodat een inwoner weet waarom hij de toeslag wel of niet krijgt.

  Voorwaarden (art. 36 lid 1 Pw en het beleid van Zaffier, reference/beleidsfeiten.md §5):
  21 jaar of ouder en jonger dan de AOW-leeftijd (67 in 2024–2027); wonen in de gemeente
  (art. 40 lid 1); ten minste 36 maanden een laag inkomen (referteperiode); een meetellend
  inkomen van hoogstens 120% van de toepasselijke bijstandsnorm; vermogen niet boven de
  grens van art. 34 (2026: 8.000 alleenstaande, 16.000 alleenstaande ouder en gehuwden);
  geen IIT in de 12 maanden voor de peildatum; geen zicht op inkomensverbetering; wie
  studiefinanciering kan krijgen heeft volgens het beleid zicht op inkomensverbetering.

  Bedrag per jaar: 479 alleenstaande, 607 alleenstaande ouder, 673 gehuwden.

  De inkomensgrens is 120% van de norm die voor het huishouden geldt, inclusief de
  vakantietoeslag en inclusief de kostendelersnorm, afgerond op centen (een halve cent
  naar boven). Normen (beleidsfeiten §1): alleenstaande 1.283,83 (1-1-2024), 1.308,45
  (1-7-2024), 1.345,45 (1-1-2025), 1.369,06 (1-7-2025), 1.401,50 (1-1-2026); gehuwden
  2.002,13 (1-1-2026). Zorgtoeslag, huurtoeslag, kindgebonden budget en kinderbijslag
  tellen niet mee als inkomen (art. 31 lid 2 Pw).

  Achtergrond:
    Gegeven een aanvraag in gemeente "alkmaar" op peildatum "2026-03-01"
    En een aanvrager geboren op "1990-05-01" die woont in "alkmaar"
    En de aanvrager heeft 40 maanden een laag inkomen
    En de aanvrager heeft geen zicht op inkomensverbetering

  Scenario: Een alleenstaande die aan alle voorwaarden voldoet krijgt 479 per jaar
    # inkomensgrens 1.401,50 × 1,20 = 1.681,80
    Als de individuele inkomenstoeslag wordt beoordeeld
    Dan is de uitkomst "toegekend"
    En hoort het besluit bij pakket "basis"
    En is het bedrag 479 per jaar
    En is de inkomensgrens 1.681,80 per maand
    En is grond "iit.leeftijd" voldaan
    En is grond "iit.aow_leeftijd" voldaan
    En is grond "iit.woonplaats" voldaan
    En is grond "iit.langdurig_laag_inkomen" voldaan
    En is grond "iit.inkomen" voldaan
    En is grond "iit.vermogen" voldaan
    En is grond "iit.eerdere_toekenning" voldaan
    En is grond "iit.zicht_op_inkomensverbetering" voldaan
    En is grond "iit.studie" voldaan
    En ontbreken er geen gegevens
    En komt grond "iit.inkomen" uit pakket "basis" in bestand "rules/minima/individuele_inkomenstoeslag.yaml"
    En verwijst grond "iit.inkomen" naar artikel "36 lid 1"

  Scenario: Een alleenstaande ouder krijgt 607 per jaar
    # De norm voor een alleenstaande ouder is die van een alleenstaande (art. 21 onder a):
    # inkomensgrens 1.401,50 × 1,20 = 1.681,80
    Gegeven een kind geboren op "2015-09-01"
    Als de individuele inkomenstoeslag wordt beoordeeld
    Dan is de uitkomst "toegekend"
    En is het bedrag 607 per jaar
    En is de inkomensgrens 1.681,80 per maand

  Scenario: Gehuwden krijgen samen 673 per jaar
    # inkomensgrens 2.002,13 × 1,20 = 2.402,556 → 2.402,56
    Gegeven een partner geboren op "1991-01-01"
    Als de individuele inkomenstoeslag wordt beoordeeld
    Dan is de uitkomst "toegekend"
    En is het bedrag 673 per jaar
    En is de inkomensgrens 2.402,56 per maand

  Scenario: Gehuwden met kinderen krijgen ook 673 per jaar
    Gegeven een partner geboren op "1991-01-01"
    En een kind geboren op "2015-09-01"
    En een kind geboren op "2019-02-01"
    Als de individuele inkomenstoeslag wordt beoordeeld
    Dan is de uitkomst "toegekend"
    En is het bedrag 673 per jaar
    En is de inkomensgrens 2.402,56 per maand

  Abstract Scenario: De leeftijdsgrens van 21 jaar
    # Geboren 2005-03-02: 20 jaar op 2026-03-01. Geboren 2005-03-01: precies 21 jaar.
    Gegeven een aanvrager geboren op "<geboortedatum>" die woont in "alkmaar"
    Als de individuele inkomenstoeslag wordt beoordeeld
    Dan is de uitkomst "<uitkomst>"
    En is grond "iit.leeftijd" <oordeel>

    Voorbeelden:
      | geboortedatum | uitkomst  | oordeel     |
      | 2005-03-02    | afgewezen | niet voldaan |
      | 2005-03-01    | toegekend | voldaan     |

  Scenario: Een aanvrager van 20 jaar wordt alleen op de leeftijd afgewezen
    Gegeven een aanvrager geboren op "2005-03-02" die woont in "alkmaar"
    Als de individuele inkomenstoeslag wordt beoordeeld
    Dan is de uitkomst "afgewezen"
    En is alleen grond "iit.leeftijd" niet voldaan
    En is er geen bedrag

  Abstract Scenario: De AOW-leeftijd (67 jaar in 2026)
    # Geboren 1959-03-01: 67 jaar op 2026-03-01. Geboren 1959-03-02: een dag jonger dan 67.
    Gegeven een aanvrager geboren op "<geboortedatum>" die woont in "alkmaar"
    Als de individuele inkomenstoeslag wordt beoordeeld
    Dan is de uitkomst "<uitkomst>"
    En is grond "iit.aow_leeftijd" <oordeel>

    Voorbeelden:
      | geboortedatum | uitkomst  | oordeel      |
      | 1959-03-01    | afgewezen | niet voldaan |
      | 1959-03-02    | toegekend | voldaan      |
      | 1950-01-01    | afgewezen | niet voldaan |

  Scenario: Wie de AOW-leeftijd heeft bereikt wordt alleen daarop afgewezen
    Gegeven een aanvrager geboren op "1959-03-01" die woont in "alkmaar"
    Als de individuele inkomenstoeslag wordt beoordeeld
    Dan is de uitkomst "afgewezen"
    En is alleen grond "iit.aow_leeftijd" niet voldaan

  Scenario: Wie niet in de gemeente woont wordt afgewezen
    Gegeven een aanvrager geboren op "1990-05-01" die woont in "heiloo"
    Als de individuele inkomenstoeslag wordt beoordeeld
    Dan is de uitkomst "afgewezen"
    En is alleen grond "iit.woonplaats" niet voldaan
    En verwijst grond "iit.woonplaats" naar artikel "40 lid 1"

  Abstract Scenario: De referteperiode van 36 maanden laag inkomen
    Gegeven de aanvrager heeft <maanden> maanden een laag inkomen
    Als de individuele inkomenstoeslag wordt beoordeeld
    Dan is de uitkomst "<uitkomst>"
    En is grond "iit.langdurig_laag_inkomen" <oordeel>

    Voorbeelden:
      | maanden | uitkomst  | oordeel      |
      | 0       | afgewezen | niet voldaan |
      | 35      | afgewezen | niet voldaan |
      | 36      | toegekend | voldaan      |
      | 37      | toegekend | voldaan      |

  Scenario: 35 maanden laag inkomen is net te kort
    Gegeven de aanvrager heeft 35 maanden een laag inkomen
    Als de individuele inkomenstoeslag wordt beoordeeld
    Dan is de uitkomst "afgewezen"
    En is alleen grond "iit.langdurig_laag_inkomen" niet voldaan

  Abstract Scenario: De inkomensgrens van een alleenstaande in elk halfjaar
    # 1-1-2024: 1.283,83 × 1,20 = 1.540,596 → 1.540,60
    # 1-7-2024: 1.308,45 × 1,20 = 1.570,14
    # 1-1-2025: 1.345,45 × 1,20 = 1.614,54
    # 1-7-2025: 1.369,06 × 1,20 = 1.642,872 → 1.642,87
    # 1-1-2026: 1.401,50 × 1,20 = 1.681,80
    Gegeven een aanvraag in gemeente "alkmaar" op peildatum "<peildatum>"
    En inkomsten van de aanvrager uit "arbeid" van <inkomen> per maand
    Als de individuele inkomenstoeslag wordt beoordeeld
    Dan is de uitkomst "<uitkomst>"
    En is grond "iit.inkomen" <oordeel>
    En is de inkomensgrens <grens> per maand

    Voorbeelden:
      | peildatum  | grens    | inkomen  | uitkomst  | oordeel      |
      | 2024-03-01 | 1.540,60 | 1.540,60 | toegekend | voldaan      |
      | 2024-03-01 | 1.540,60 | 1.540,61 | afgewezen | niet voldaan |
      | 2024-09-01 | 1.570,14 | 1.570,14 | toegekend | voldaan      |
      | 2024-09-01 | 1.570,14 | 1.570,15 | afgewezen | niet voldaan |
      | 2025-03-01 | 1.614,54 | 1.614,54 | toegekend | voldaan      |
      | 2025-09-01 | 1.642,87 | 1.642,87 | toegekend | voldaan      |
      | 2025-09-01 | 1.642,87 | 1.642,88 | afgewezen | niet voldaan |
      | 2026-03-01 | 1.681,80 | 1.681,80 | toegekend | voldaan      |
      | 2026-03-01 | 1.681,80 | 1.681,81 | afgewezen | niet voldaan |

  Scenario: Een inkomen net boven de grens is de enige reden voor afwijzing
    # 1.401,50 × 1,20 = 1.681,80; 1.681,81 is een cent te veel
    Gegeven inkomsten van de aanvrager uit "arbeid" van 1.681,81 per maand
    Als de individuele inkomenstoeslag wordt beoordeeld
    Dan is de uitkomst "afgewezen"
    En is alleen grond "iit.inkomen" niet voldaan

  Abstract Scenario: De inkomensgrens van gehuwden telt het inkomen van beide partners
    # 2.002,13 × 1,20 = 2.402,556 → 2.402,56 (afgekapt zou 2.402,55 zijn)
    # inkomen samen: 1.200,00 + <partnerinkomen>
    Gegeven een partner geboren op "1991-01-01"
    En inkomsten van de aanvrager uit "arbeid" van 1.200,00 per maand
    En inkomsten van de partner uit "uitkering" van <partnerinkomen> per maand
    Als de individuele inkomenstoeslag wordt beoordeeld
    Dan is de uitkomst "<uitkomst>"
    En is grond "iit.inkomen" <oordeel>
    En is de inkomensgrens 2.402,56 per maand

    Voorbeelden:
      | partnerinkomen | uitkomst  | oordeel      |
      # 1.200,00 + 1.202,56 = 2.402,56: precies de grens
      | 1.202,56       | toegekend | voldaan      |
      # 1.200,00 + 1.202,57 = 2.402,57: een cent erboven
      | 1.202,57       | afgewezen | niet voldaan |

  Abstract Scenario: De inkomensgrens met een kostendelende medebewoner
    # A = 2: (0,40 + 2 × 0,30) / 2 × 2.002,13 = 1.001,065 → 1.001,07
    # 1.001,07 × 1,20 = 1.201,284 → 1.201,28
    Gegeven het aantal kostendelende medebewoners van 27 jaar of ouder is 1
    En inkomsten van de aanvrager uit "arbeid" van <inkomen> per maand
    Als de individuele inkomenstoeslag wordt beoordeeld
    Dan is de uitkomst "<uitkomst>"
    En is grond "iit.inkomen" <oordeel>
    En is de inkomensgrens 1.201,28 per maand

    Voorbeelden:
      | inkomen  | uitkomst  | oordeel      |
      | 1.201,28 | toegekend | voldaan      |
      | 1.201,29 | afgewezen | niet voldaan |

  Abstract Scenario: De inkomensgrens van gehuwden met een kostendelende medebewoner
    # A = 3: per partner (0,40 + 3 × 0,30) / 3 × 2.002,13 = 867,58966… → 867,59
    # gehuwden samen 2 × 867,59 = 1.735,18; × 1,20 = 2.082,216 → 2.082,22
    Gegeven een partner geboren op "1991-01-01"
    En een medebewoner geboren op "1976-01-01"
    En inkomsten van de aanvrager uit "arbeid" van <inkomen> per maand
    Als de individuele inkomenstoeslag wordt beoordeeld
    Dan is de uitkomst "<uitkomst>"
    En is grond "iit.inkomen" <oordeel>
    En is de inkomensgrens 2.082,22 per maand

    Voorbeelden:
      | inkomen  | uitkomst  | oordeel      |
      | 2.082,22 | toegekend | voldaan      |
      | 2.082,23 | afgewezen | niet voldaan |

  Abstract Scenario: De inkomensgrens van gehuwden met een partner van 20 jaar
    # Partner geboren 2005-06-01: 20 jaar op 2026-03-01; norm art. 20 (één 18–20, één 21+,
    # zonder kinderen) 1.347,06 × 1,20 = 1.616,472 → 1.616,47
    Gegeven een partner geboren op "2005-06-01"
    En inkomsten van de aanvrager uit "arbeid" van <inkomen> per maand
    Als de individuele inkomenstoeslag wordt beoordeeld
    Dan is de uitkomst "<uitkomst>"
    En is grond "iit.inkomen" <oordeel>
    En is de inkomensgrens 1.616,47 per maand

    Voorbeelden:
      | inkomen  | uitkomst  | oordeel      |
      | 1.616,47 | toegekend | voldaan      |
      | 1.616,48 | afgewezen | niet voldaan |

  Scenario: Toeslagen tellen niet mee als inkomen
    # meetellend: alleen de arbeid, 1.681,80 = de grens (1.401,50 × 1,20);
    # met de toeslagen erbij zou het 1.681,80 + 154,00 + 420,00 = 2.255,80 zijn
    Gegeven inkomsten van de aanvrager uit "arbeid" van 1.681,80 per maand
    En inkomsten van de aanvrager uit "zorgtoeslag" van 154,00 per maand
    En inkomsten van de aanvrager uit "huurtoeslag" van 420,00 per maand
    Als de individuele inkomenstoeslag wordt beoordeeld
    Dan is de uitkomst "toegekend"
    En is grond "iit.inkomen" voldaan
    En is het bedrag 479 per jaar

  Scenario: Kinderbijslag en kindgebonden budget tellen niet mee voor een alleenstaande ouder
    # meetellend: alleen de uitkering, 1.681,80 = de grens (1.401,50 × 1,20)
    Gegeven een kind geboren op "2015-09-01"
    En inkomsten van de aanvrager uit "uitkering" van 1.681,80 per maand
    En inkomsten van de aanvrager uit "kinderbijslag" van 95,00 per maand
    En inkomsten van de aanvrager uit "kindgebonden_budget" van 210,00 per maand
    Als de individuele inkomenstoeslag wordt beoordeeld
    Dan is de uitkomst "toegekend"
    En is het bedrag 607 per jaar

  Scenario: Alimentatie telt wel mee als inkomen
    # 1.600,00 + 81,81 = 1.681,81 > 1.681,80
    Gegeven inkomsten van de aanvrager uit "arbeid" van 1.600,00 per maand
    En inkomsten van de aanvrager uit "alimentatie" van 81,81 per maand
    Als de individuele inkomenstoeslag wordt beoordeeld
    Dan is de uitkomst "afgewezen"
    En is alleen grond "iit.inkomen" niet voldaan

  Scenario: Zonder opgave van inkomsten is het inkomen onbekend
    Gegeven de inkomsten zijn onbekend
    Als de individuele inkomenstoeslag wordt beoordeeld
    Dan is de uitkomst "onvoldoende_gegevens"
    En ontbreekt het gegeven "inkomsten"

  Abstract Scenario: De vermogensgrens van art. 34 Pw
    # 2026: alleenstaande 8.000; vermogen = bezittingen − schulden
    Gegeven vermogen met bezittingen <bezittingen> en schulden <schulden>
    Als de individuele inkomenstoeslag wordt beoordeeld
    Dan is de uitkomst "<uitkomst>"
    En is grond "iit.vermogen" <oordeel>

    Voorbeelden:
      | bezittingen | schulden | uitkomst  | oordeel      |
      # 8.000,00 − 0 = 8.000,00: precies de grens
      | 8.000,00    | 0        | toegekend | voldaan      |
      # 8.000,01 − 0 = 8.000,01
      | 8.000,01    | 0        | afgewezen | niet voldaan |
      # 10.000,00 − 2.000,00 = 8.000,00
      | 10.000,00   | 2.000,00 | toegekend | voldaan      |

  Scenario: Een vermogen boven de grens is de enige reden voor afwijzing
    Gegeven vermogen met bezittingen 8.000,01 en schulden 0
    Als de individuele inkomenstoeslag wordt beoordeeld
    Dan is de uitkomst "afgewezen"
    En is alleen grond "iit.vermogen" niet voldaan

  Abstract Scenario: De hogere vermogensgrens voor gehuwden en alleenstaande ouders
    # 2026: alleenstaande ouder en gehuwden 16.000
    Gegeven een <gezinslid> geboren op "<geboren>"
    En vermogen met bezittingen <bezittingen> en schulden 0
    Als de individuele inkomenstoeslag wordt beoordeeld
    Dan is de uitkomst "<uitkomst>"
    En is grond "iit.vermogen" <oordeel>

    Voorbeelden:
      | gezinslid | geboren    | bezittingen | uitkomst  | oordeel      |
      | partner   | 1991-01-01 | 16.000,00   | toegekend | voldaan      |
      | partner   | 1991-01-01 | 16.000,01   | afgewezen | niet voldaan |
      | kind      | 2015-09-01 | 16.000,00   | toegekend | voldaan      |
      | kind      | 2015-09-01 | 16.000,01   | afgewezen | niet voldaan |

  Abstract Scenario: Geen individuele inkomenstoeslag in de 12 maanden voor de peildatum
    # peildatum 2026-03-01
    Gegeven de aanvrager kreeg de laatste individuele inkomenstoeslag op "<laatste>"
    Als de individuele inkomenstoeslag wordt beoordeeld
    Dan is de uitkomst "<uitkomst>"
    En is grond "iit.eerdere_toekenning" <oordeel>
    En is er geen aanname over "laatste_iit_toekenning"

    Voorbeelden:
      | laatste    | uitkomst  | oordeel      |
      # 2025-04-01 → 2026-03-01: 11 maanden
      | 2025-04-01 | afgewezen | niet voldaan |
      # 2025-03-02 → 2026-03-01: 11 maanden en 27 dagen, nog geen 12 maanden
      | 2025-03-02 | afgewezen | niet voldaan |
      # 2025-03-01 → 2026-03-01: precies 12 maanden
      | 2025-03-01 | toegekend | voldaan      |
      # 2024-01-10 → 2026-03-01: 25 maanden
      | 2024-01-10 | toegekend | voldaan      |

  Scenario: Een toekenning 11 maanden geleden is de enige reden voor afwijzing
    Gegeven de aanvrager kreeg de laatste individuele inkomenstoeslag op "2025-04-01"
    Als de individuele inkomenstoeslag wordt beoordeeld
    Dan is de uitkomst "afgewezen"
    En is alleen grond "iit.eerdere_toekenning" niet voldaan
    En verwijst grond "iit.eerdere_toekenning" naar artikel "36"

  Scenario: Zonder opgave van een eerdere toekenning wordt aangenomen dat er geen was
    Gegeven over een eerdere individuele inkomenstoeslag is niets opgegeven
    Als de individuele inkomenstoeslag wordt beoordeeld
    Dan is de uitkomst "toegekend"
    En is grond "iit.eerdere_toekenning" voldaan
    En is er een aanname over "minima.laatste_iit_toekenning"
    En ontbreken er geen gegevens

  Scenario: Wie zicht heeft op inkomensverbetering wordt afgewezen
    Gegeven de aanvrager heeft zicht op inkomensverbetering
    Als de individuele inkomenstoeslag wordt beoordeeld
    Dan is de uitkomst "afgewezen"
    En is alleen grond "iit.zicht_op_inkomensverbetering" niet voldaan

  Scenario: Een student met recht op studiefinanciering heeft zicht op inkomensverbetering
    Gegeven bij de aanvrager is "recht_op_studiefinanciering" true
    Als de individuele inkomenstoeslag wordt beoordeeld
    Dan is de uitkomst "afgewezen"
    En is alleen grond "iit.studie" niet voldaan
    En verwijst grond "iit.studie" naar artikel "studenten"

  Scenario: Zonder het aantal maanden laag inkomen kan de referteperiode niet worden getoetst
    Gegeven het aantal maanden laag inkomen is onbekend
    Als de individuele inkomenstoeslag wordt beoordeeld
    Dan is de uitkomst "onvoldoende_gegevens"
    En ontbreekt het gegeven "minima.maanden_laag_inkomen"

  Scenario: Zonder opgave over zicht op inkomensverbetering wordt niets aangenomen
    Gegeven het zicht op inkomensverbetering is onbekend
    Als de individuele inkomenstoeslag wordt beoordeeld
    Dan is de uitkomst "onvoldoende_gegevens"
    En ontbreekt het gegeven "minima.zicht_op_inkomensverbetering"

  Scenario: Zonder minimagegevens ontbreken beide
    Gegeven het aantal maanden laag inkomen is onbekend
    En het zicht op inkomensverbetering is onbekend
    Als de individuele inkomenstoeslag wordt beoordeeld
    Dan is de uitkomst "onvoldoende_gegevens"
    En ontbreekt het gegeven "minima.maanden_laag_inkomen"
    En ontbreekt het gegeven "minima.zicht_op_inkomensverbetering"

  Scenario: Een voorwaarde die zeker niet is vervuld gaat voor ontbrekende gegevens
    # 20 jaar op 2026-03-01; het aantal maanden laag inkomen is onbekend
    Gegeven een aanvrager geboren op "2005-03-02" die woont in "alkmaar"
    En het aantal maanden laag inkomen is onbekend
    Als de individuele inkomenstoeslag wordt beoordeeld
    Dan is de uitkomst "afgewezen"
    En is grond "iit.leeftijd" niet voldaan

  Scenario: De inkomensgrens komt uit de regionale open norm als de gemeente die niet invult
    # Alkmaar vult iit.inkomensgrens_pct niet in: de regionale standaard (120%) geldt.
    Als de individuele inkomenstoeslag wordt beoordeeld
    Dan komt grond "individuele_inkomenstoeslag.inkomensgrens" uit pakket "basis" in bestand "rules/minima/open_normen.yaml"

  Abstract Scenario: De individuele inkomenstoeslag geldt in alle zes gemeenten gelijk
    # basispakket: 479 alleenstaande; inkomensgrens 1.401,50 × 1,20 = 1.681,80
    Gegeven een aanvraag in gemeente "<gemeente>" op peildatum "2026-03-01"
    En een aanvrager geboren op "1990-05-01" die woont in "<gemeente>"
    En inkomsten van de aanvrager uit "arbeid" van 1.681,80 per maand
    Als de individuele inkomenstoeslag wordt beoordeeld
    Dan is de uitkomst "toegekend"
    En hoort het besluit bij pakket "basis"
    En is het bedrag 479 per jaar
    En is de inkomensgrens 1.681,80 per maand

    Voorbeelden:
      | gemeente      |
      | alkmaar       |
      | bergen        |
      | castricum     |
      | dijk-en-waard |
      | heiloo        |
      | uitgeest      |

  Scenario: Wie bijstand ontvangt en de toeslag al kreeg, hoort dat de volgende ambtshalve komt
    # Zaffier kent de IIT aan bijstandsklanten na één aanvraag ambtshalve toe; vorige op
    # 15-5-2025 → de volgende kan vanaf 15-5-2026 (12 maanden later). Zonder inkomen is het
    # inkomen lager dan de norm: een bijstandsklant.
    Gegeven de aanvrager kreeg de laatste individuele inkomenstoeslag op "2025-05-15"
    Als de individuele inkomenstoeslag wordt beoordeeld
    Dan is er een waarschuwing met "voortaan automatisch (ambtshalve); de volgende toekenning kan vanaf 15 mei 2026"

  Scenario: Zonder eerdere toeslag geen melding over de ambtshalve toekenning
    Als de individuele inkomenstoeslag wordt beoordeeld
    Dan is er geen waarschuwing met "ambtshalve"

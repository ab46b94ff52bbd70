# language: nl
Functionaliteit: Bijzondere bijstand (Participatiewet art. 35): drempel en draagkracht
  Als beleidsadviseur
  wil ik dat bijzondere bijstand per kostenpost wordt berekend als kosten − drempel −
  draagkracht, met elke stap van de berekening als grond,
  zodat een inwoner kan narekenen welk deel van zijn kosten vergoed wordt.

  Regels (reference/beleidsfeiten.md §1–§3, rules/participatiewet/bijzondere_bijstand.yaml):
  - drempel per 12 maanden (art. 35 lid 2), naar de datum van de kostenpost:
    170 vanaf 1-7-2025, 176 vanaf 1-1-2026;
  - draagkracht uit inkomen: het meetellende inkomen boven 100% van de toepasselijke
    bijstandsnorm telt voor 35% mee over 12 maanden (open normen, status aanname);
    zorgtoeslag, huurtoeslag, kindgebonden budget en kinderbijslag tellen niet mee;
  - draagkracht uit vermogen: vermogen (bezittingen − schulden) boven de grens van art. 34
    telt volledig mee (2025: 7.770 alleenstaande; 2026: 8.000 alleenstaande, 16.000
    alleenstaande ouder en gehuwden);
  - vergoeding = kosten − drempel − draagkracht, nooit negatief, als bedrag.eenmalig;
    drempel en draagkracht worden één keer gebruikt, door de kostenposten op datum.
  Normen 2026 (incl. vakantietoeslag): alleenstaande 1.401,50; gehuwden 2.002,13;
  kostendelersnorm met 1 kostendeler (A = 2): (40% + 2 × 30%) / 2 × 2.002,13 = 1.001,07.
  Norm 1-7-2025: alleenstaande 1.369,06.

  Achtergrond:
    Gegeven een aanvraag in gemeente "alkmaar" op peildatum "2026-03-01"
    En een aanvrager geboren op "1990-05-01" die woont in "alkmaar"

  Regel: Kosten binnen de drempel worden niet vergoed

    Scenario: Een bril van 150 euro valt binnen de drempel van 176 euro
      # 150,00 − 176,00 < 0 → niets te vergoeden.
      Gegeven kosten voor "bril" van 150,00 op "2026-02-01"
      Als de bijzondere bijstand wordt beoordeeld
      Dan is de uitkomst "afgewezen"
      En is grond "bb.drempel" niet voldaan
      En verwijst grond "bb.drempel" naar artikel "35 lid 2"
      En noemt grond "bb.drempel" "binnen de drempel"
      En is er geen bedrag
      En noemt grond "bb.kosten[0]" "Drempel € 176,00"
      En noemt grond "bb.kosten[0]" "te vergoeden € 0,00"
      En verwijst grond "bb.kosten[0]" naar artikel "35 lid 2"

    Scenario: Vermogen onder de grens telt niet mee en wordt ook zo genoemd
      # 400 ≤ 8.000 (alleenstaande, 2026): geen draagkracht uit vermogen, en de tekst zegt
      # niet dat het vermogen "€ 0,00 boven de grens" ligt.
      Gegeven vermogen met bezittingen 400 en schulden 0
      En kosten voor "bril" van 150,00 op "2026-02-01"
      Als de bijzondere bijstand wordt beoordeeld
      Dan noemt grond "bb.draagkracht" "Uw vermogen € 400,00 ligt niet boven de grens van € 8.000,00 en telt niet mee"
      En is er geen grond "bb.draagkracht" met "telt volledig mee"

    Scenario: Kosten gelijk aan de drempel: niets te vergoeden
      Gegeven kosten voor "bril" van 176,00 op "2026-02-01"
      Als de bijzondere bijstand wordt beoordeeld
      Dan is de uitkomst "afgewezen"
      En is grond "bb.drempel" niet voldaan
      En is grond "bb.vergoeding" niet voldaan

    Scenario: Eén cent boven de drempel wordt vergoed
      # 176,01 − 176,00 = 0,01
      Gegeven kosten voor "bril" van 176,01 op "2026-02-01"
      Als de bijzondere bijstand wordt beoordeeld
      Dan is de uitkomst "toegekend"
      En is het bedrag 0,01 eenmalig

  Regel: Zonder draagkracht wordt alles boven de drempel vergoed

    Scenario: Geen inkomen en geen vermogen
      # 500,00 − 176,00 − 0,00 = 324,00
      Gegeven kosten voor "wasmachine" van 500,00 op "2026-02-01"
      Als de bijzondere bijstand wordt beoordeeld
      Dan is de uitkomst "toegekend"
      En is het bedrag 324,00 eenmalig
      En is grond "bb.woonplaats" voldaan
      En is grond "bb.leeftijd" voldaan
      En is grond "bb.rechtmatig_verblijf" voldaan
      En is grond "bb.vergoeding" voldaan
      En noemt grond "bb.draagkracht" "Uw draagkracht is € 0,00"
      En noemt grond "bb.kosten[0]" "wasmachine (1 februari 2026): € 500,00"
      En noemt grond "bb.kosten[0]" "te vergoeden € 324,00"
      En verwijst grond "bb.draagkracht" naar artikel "35 lid 1 en 34"
      En verwijst grond "bb.woonplaats" naar artikel "40 lid 1"
      En hoort het besluit bij pakket "basis"

    Scenario: Een inkomen precies op de bijstandsnorm geeft geen draagkracht
      # 1.401,50 − 1.401,50 = 0 → draagkracht 0; 1.000,00 − 176,00 = 824,00
      Gegeven inkomsten van de aanvrager uit "arbeid" van 1.401,50 per maand
      En kosten voor "wasmachine" van 1.000,00 op "2026-02-01"
      Als de bijzondere bijstand wordt beoordeeld
      Dan is het bedrag 824,00 eenmalig

    Scenario: Toeslagen tellen niet mee als inkomen (art. 31 lid 2)
      # meetellend: alleen arbeid 1.401,50 (zorgtoeslag en huurtoeslag tellen niet)
      # → draagkracht 0; 1.000,00 − 176,00 = 824,00
      Gegeven inkomsten van de aanvrager uit "arbeid" van 1.401,50 per maand
      En inkomsten van de aanvrager uit "zorgtoeslag" van 131,00 per maand
      En inkomsten van de aanvrager uit "huurtoeslag" van 350,00 per maand
      En kosten voor "wasmachine" van 1.000,00 op "2026-02-01"
      Als de bijzondere bijstand wordt beoordeeld
      Dan is het bedrag 824,00 eenmalig

  Regel: Inkomen boven de norm telt voor 35% over 12 maanden als draagkracht

    Scenario: Een alleenstaande met 1.500 euro inkomen
      # (1.500,00 − 1.401,50) = 98,50 per maand; × 35% × 12 = 413,70
      # 1.000,00 − 176,00 − 413,70 = 410,30
      Gegeven inkomsten van de aanvrager uit "arbeid" van 1.500,00 per maand
      En kosten voor "wasmachine" van 1.000,00 op "2026-02-01"
      Als de bijzondere bijstand wordt beoordeeld
      Dan is de uitkomst "toegekend"
      En is het bedrag 410,30 eenmalig
      En noemt grond "bb.draagkracht" "Daarboven: € 98,50 per maand"
      En noemt grond "bb.draagkracht" "Uw draagkracht is € 413,70"
      En noemt grond "bb.kosten[0]" "uit draagkracht € 413,70; te vergoeden € 410,30"

    Scenario: De grond over de vergoeding noemt het bedrag in euro's
      # Zelfde berekening: 1.000,00 − 176,00 − 413,70 = 410,30
      Gegeven inkomsten van de aanvrager uit "arbeid" van 1.500,00 per maand
      En kosten voor "wasmachine" van 1.000,00 op "2026-02-01"
      Als de bijzondere bijstand wordt beoordeeld
      Dan noemt grond "bb.vergoeding" "€ 410,30"

    Scenario: De draagkracht is groter dan de kosten boven de drempel
      # 500,00 − 176,00 = 324,00 ≤ 413,70 → niets te vergoeden
      Gegeven inkomsten van de aanvrager uit "arbeid" van 1.500,00 per maand
      En kosten voor "wasmachine" van 500,00 op "2026-02-01"
      Als de bijzondere bijstand wordt beoordeeld
      Dan is de uitkomst "afgewezen"
      En is alleen grond "bb.vergoeding" niet voldaan
      En noemt grond "bb.kosten[0]" "uit draagkracht € 324,00; te vergoeden € 0,00"

    Scenario: Gehuwden: het inkomen van beide partners boven de gehuwdennorm
      # 1.200,00 + 899,93 = 2.099,93; − 2.002,13 = 97,80 per maand;
      # × 35% = 34,23; × 12 = 410,76; 1.000,00 − 176,00 − 410,76 = 413,24
      Gegeven een partner geboren op "1991-01-01"
      En inkomsten van de aanvrager uit "arbeid" van 1.200,00 per maand
      En inkomsten van de partner uit "arbeid" van 899,93 per maand
      En kosten voor "wasmachine" van 1.000,00 op "2026-02-01"
      Als de bijzondere bijstand wordt beoordeeld
      Dan is het bedrag 413,24 eenmalig
      En noemt grond "bb.draagkracht" "€ 2.002,13"

  Regel: De kostendelersnorm verlaagt de norm en verhoogt zo de draagkracht

    Abstract Scenario: Inkomen 1.101,07 met <aantal> kostendelende medebewoner(s)
      # 0 kostendelers: norm 1.401,50 > 1.101,07 → draagkracht 0 → 1.000 − 176 = 824,00
      # 1 kostendeler: norm 1.001,07; 1.101,07 − 1.001,07 = 100,00; × 35% × 12 = 420,00
      #   → 1.000,00 − 176,00 − 420,00 = 404,00
      Gegeven inkomsten van de aanvrager uit "arbeid" van 1.101,07 per maand
      En het aantal kostendelende medebewoners van 27 jaar of ouder is <aantal>
      En kosten voor "wasmachine" van 1.000,00 op "2026-02-01"
      Als de bijzondere bijstand wordt beoordeeld
      Dan is het bedrag <eenmalig> eenmalig
      En noemt grond "bb.draagkracht" "<norm>"

      Voorbeelden:
        | aantal | norm       | eenmalig |
        | 0      | € 1.401,50 | 824,00   |
        | 1      | € 1.001,07 | 404,00   |

  Regel: Vermogen boven de grens van art. 34 telt volledig als draagkracht

    Scenario: Een alleenstaande met 8.300 euro vermogen
      # 8.300 − 8.000 = 300,00 draagkracht; 500,00 − 176,00 − 300,00 = 24,00
      Gegeven vermogen met bezittingen 8.300 en schulden 0
      En kosten voor "wasmachine" van 500,00 op "2026-02-01"
      Als de bijzondere bijstand wordt beoordeeld
      Dan is de uitkomst "toegekend"
      En is het bedrag 24,00 eenmalig
      En noemt grond "bb.draagkracht" "ligt € 300,00 boven de grens van € 8.000,00"
      En noemt grond "bb.draagkracht" "Uw draagkracht is € 300,00"

    Abstract Scenario: Vermogen <bezittingen> min schulden <schulden>
      # netto = bezittingen − schulden; draagkracht = netto − 8.000 (niet onder 0);
      # vergoeding = 500 − 176 − draagkracht
      Gegeven vermogen met bezittingen <bezittingen> en schulden <schulden>
      En kosten voor "wasmachine" van 500,00 op "2026-02-01"
      Als de bijzondere bijstand wordt beoordeeld
      Dan is het bedrag <eenmalig> eenmalig

      Voorbeelden:
        | bezittingen | schulden | eenmalig |
        | 8.000       | 0        | 324,00   |
        | 9.000       | 1.000    | 324,00   |
        | 8.100       | 0        | 224,00   |
        | 8.323,50    | 0        | 0,50     |

    Scenario: Vermogen ruim boven de grens: niets te vergoeden
      # 8.500 − 100 = 8.400; − 8.000 = 400 draagkracht > 500 − 176 = 324
      Gegeven vermogen met bezittingen 8.500 en schulden 100
      En kosten voor "wasmachine" van 500,00 op "2026-02-01"
      Als de bijzondere bijstand wordt beoordeeld
      Dan is de uitkomst "afgewezen"
      En is grond "bb.vergoeding" niet voldaan

    Scenario: Een alleenstaande ouder heeft een vermogensgrens van 16.000 euro
      # 8.300 < 16.000 → draagkracht 0; 500,00 − 176,00 = 324,00
      Gegeven een kind geboren op "2015-09-01"
      En vermogen met bezittingen 8.300 en schulden 0
      En kosten voor "wasmachine" van 500,00 op "2026-02-01"
      Als de bijzondere bijstand wordt beoordeeld
      Dan is het bedrag 324,00 eenmalig
      En noemt grond "bb.draagkracht" "€ 16.000,00"

    Scenario: Draagkracht uit inkomen en uit vermogen samen
      # inkomen: 98,50 × 35% × 12 = 413,70; vermogen: 8.300 − 8.000 = 300,00;
      # samen 713,70; 1.000,00 − 176,00 − 713,70 = 110,30
      Gegeven inkomsten van de aanvrager uit "arbeid" van 1.500,00 per maand
      En vermogen met bezittingen 8.300 en schulden 0
      En kosten voor "wasmachine" van 1.000,00 op "2026-02-01"
      Als de bijzondere bijstand wordt beoordeeld
      Dan is het bedrag 110,30 eenmalig
      En noemt grond "bb.draagkracht" "Uw draagkracht is € 713,70"

  Regel: De drempel hangt af van de datum van de kostenpost

    Abstract Scenario: Kosten van <datum> hebben een drempel van <drempel>
      # 500,00 − <drempel> = <eenmalig>
      Gegeven kosten voor "wasmachine" van 500,00 op "<datum>"
      Als de bijzondere bijstand wordt beoordeeld
      Dan is het bedrag <eenmalig> eenmalig
      En noemt grond "bb.kosten[0]" "Drempel € <drempel> per 12 maanden"

      Voorbeelden:
        | datum      | drempel | eenmalig |
        | 2025-09-01 | 170,00  | 330,00   |
        | 2025-12-31 | 170,00  | 330,00   |
        | 2026-01-01 | 176,00  | 324,00   |
        | 2026-02-01 | 176,00  | 324,00   |

    Scenario: Peildatum in 2025: norm, vermogensgrens en drempel van 2025
      # vermogen 8.000 − grens 7.770 = 230,00 draagkracht; drempel 170 (1-7-2025);
      # 500,00 − 170,00 − 230,00 = 100,00
      Gegeven een aanvraag in gemeente "alkmaar" op peildatum "2025-10-01"
      En vermogen met bezittingen 8.000 en schulden 0
      En kosten voor "wasmachine" van 500,00 op "2025-09-01"
      Als de bijzondere bijstand wordt beoordeeld
      Dan is het bedrag 100,00 eenmalig
      En noemt grond "bb.draagkracht" "€ 1.369,06"
      En noemt grond "bb.draagkracht" "boven de grens van € 7.770,00"

    Scenario: Kosten van voor 1 juli 2025: de eerste bekende drempel, met een waarschuwing
      # Drempel voor 1-7-2025 niet bekend → 170 met waarschuwing; 500,00 − 170,00 = 330,00
      Gegeven een aanvraag in gemeente "alkmaar" op peildatum "2025-07-15"
      En kosten voor "wasmachine" van 500,00 op "2025-06-20"
      Als de bijzondere bijstand wordt beoordeeld
      Dan is het bedrag 330,00 eenmalig
      En is er een waarschuwing met "De drempel voor kosten van vóór 1 juli 2025 is niet bekend"

  Regel: Meerdere kostenposten delen één drempel en één draagkracht

    Scenario: Twee kostenposten zonder draagkracht
      # bril 150,00: geheel drempel (176 − 150 = 26 drempel over); tandarts 100,00 − 26,00
      # = 74,00. Samen: 250,00 − 176,00 = 74,00
      Gegeven kosten voor "bril" van 150,00 op "2026-02-01"
      En kosten voor "tandarts" van 100,00 op "2026-02-10"
      Als de bijzondere bijstand wordt beoordeeld
      Dan is de uitkomst "toegekend"
      En is het bedrag 74,00 eenmalig
      En noemt grond "bb.kosten[0]" "hiervan nu € 150,00; uit draagkracht € 0,00; te vergoeden € 0,00"
      En noemt grond "bb.kosten[1]" "hiervan nu € 26,00; uit draagkracht € 0,00; te vergoeden € 74,00"

    Scenario: Twee kostenposten met draagkracht uit inkomen
      # draagkracht 413,70 (zie hierboven).
      # wasmachine 450,00: drempel 176,00, uit draagkracht 274,00 (139,70 over) → 0,00
      # bril 300,00: drempel op, uit draagkracht 139,70 → 160,30
      # Samen: 750,00 − 176,00 − 413,70 = 160,30
      Gegeven inkomsten van de aanvrager uit "arbeid" van 1.500,00 per maand
      En kosten voor "wasmachine" van 450,00 op "2026-02-01"
      En kosten voor "bril" van 300,00 op "2026-02-15"
      Als de bijzondere bijstand wordt beoordeeld
      Dan is het bedrag 160,30 eenmalig
      En noemt grond "bb.kosten[0]" "hiervan nu € 176,00; uit draagkracht € 274,00; te vergoeden € 0,00"
      En noemt grond "bb.kosten[1]" "hiervan nu € 0,00; uit draagkracht € 139,70; te vergoeden € 160,30"

    Scenario: De kostenposten worden op datum genomen, niet in de volgorde van opgave
      # Zelfde posten, de bril eerst opgegeven: de wasmachine (1-2) gaat voor de bril (15-2).
      Gegeven inkomsten van de aanvrager uit "arbeid" van 1.500,00 per maand
      En kosten voor "bril" van 300,00 op "2026-02-15"
      En kosten voor "wasmachine" van 450,00 op "2026-02-01"
      Als de bijzondere bijstand wordt beoordeeld
      Dan is het bedrag 160,30 eenmalig
      En noemt grond "bb.kosten[1]" "te vergoeden € 0,00"
      En noemt grond "bb.kosten[0]" "te vergoeden € 160,30"

  Regel: Voorwaarden en ontbrekende gegevens

    Scenario: Wie in een andere gemeente woont, krijgt hier geen bijzondere bijstand
      Gegeven bij de aanvrager is "woonplaats" heiloo
      En kosten voor "wasmachine" van 500,00 op "2026-02-01"
      Als de bijzondere bijstand wordt beoordeeld
      Dan is de uitkomst "afgewezen"
      En is alleen grond "bb.woonplaats" niet voldaan

    Scenario: Zonder rechtmatig verblijf geen bijzondere bijstand
      Gegeven bij de aanvrager is "verblijfsstatus" geen
      En kosten voor "wasmachine" van 500,00 op "2026-02-01"
      Als de bijzondere bijstand wordt beoordeeld
      Dan is de uitkomst "afgewezen"
      En is grond "bb.rechtmatig_verblijf" niet voldaan
      En verwijst grond "bb.rechtmatig_verblijf" naar artikel "11"

    Scenario: Een aanvrager jonger dan 18 krijgt geen bijzondere bijstand
      # Geboren 1-6-2008: 17 jaar op 1-3-2026.
      Gegeven een aanvrager geboren op "2008-06-01" die woont in "alkmaar"
      En kosten voor "wasmachine" van 500,00 op "2026-02-01"
      Als de bijzondere bijstand wordt beoordeeld
      Dan is de uitkomst "afgewezen"
      En is grond "bb.leeftijd" niet voldaan

    Scenario: Zonder gegevens over het vermogen geen besluit
      Gegeven het vermogen is onbekend
      En kosten voor "wasmachine" van 500,00 op "2026-02-01"
      Als de bijzondere bijstand wordt beoordeeld
      Dan is de uitkomst "onvoldoende_gegevens"
      En ontbreekt het gegeven "vermogen"
      En is er geen bedrag

    Scenario: Zonder gegevens over de inkomsten geen besluit
      Gegeven de inkomsten zijn onbekend
      En kosten voor "wasmachine" van 500,00 op "2026-02-01"
      Als de bijzondere bijstand wordt beoordeeld
      Dan is de uitkomst "onvoldoende_gegevens"
      En ontbreekt het gegeven "inkomsten"

    Scenario: Een kostenpost zonder datum
      Gegeven kosten voor "wasmachine" van 500,00 zonder datum
      Als de bijzondere bijstand wordt beoordeeld
      Dan is de uitkomst "onvoldoende_gegevens"
      En ontbreekt het gegeven "kosten[0].datum"

    Scenario: Zonder kosten geen besluit over bijzondere bijstand
      Als alle regelingen worden beoordeeld
      Dan is er geen besluit over "bijzondere_bijstand"

    Scenario: Met kosten beslist de gemeente ook over bijzondere bijstand
      Gegeven kosten voor "wasmachine" van 500,00 op "2026-02-01"
      Als alle regelingen worden beoordeeld
      Dan is er een besluit over "bijzondere_bijstand"
      En is het bedrag 324,00 eenmalig

    Scenario: Voor 1 juli 2025 beslist deze regelset niet over bijzondere bijstand
      Gegeven een aanvraag in gemeente "alkmaar" op peildatum "2025-06-01"
      En kosten voor "wasmachine" van 500,00 op "2025-05-01"
      Als de bijzondere bijstand wordt beoordeeld
      Dan is de invoer onbruikbaar bij veld "peildatum"

# language: nl
Functionaliteit: De norm bij een jonge partner, een partner zonder eigen recht, een afwijzing en verblijf in het buitenland
  Als consulent
  wil ik dat de norm ook klopt voor gehuwden van wie één jonger is dan 21 of zelf geen recht
  op bijstand heeft, dat een afwijzing laat zien tegen welke norm het inkomen is getoetst,
  en dat wie de AOW-leeftijd heeft de langere termijn voor het buitenland krijgt.

  Art. 22a Pw (kostendelersnorm): A = kostendelende medebewoners + de belanghebbende + diens
  echtgenoot van 21 jaar of ouder; B = gehuwdennorm (art. 21 onder b, of art. 22 als de
  belanghebbende of zijn echtgenoot de AOW-leeftijd heeft). Voor gehuwden is de norm de som
  van de normen van de rechthebbende echtgenoten (lid 2). Een echtgenoot van 18, 19 of 20 jaar
  krijgt geen kostendelersnorm maar het vaste bedrag van lid 3: zonder kinderen gelijk aan de
  jongerennorm alleenstaande (2026: 345,99; 1-7-2024: 323,03), met kinderen de norm voor
  gehuwden van 18–20 met kinderen min die jongerennorm (2026: 1.092,41 − 345,99 = 746,42;
  1-7-2024: 1.019,90 − 323,03 = 696,87, zoals de wettekst per 1-7-2024).
  Art. 24 Pw: heeft de partner zelf geen recht (detentie, studiefinanciering, geen rechtmatig
  verblijf), dan is de norm 50% van de gehuwdennorm van gelijke leeftijd (21+ zonder
  kostendelers, of jonger dan 21); met kostendelers telt alleen de eigen kostendelersnorm.
  Gehuwdennorm 2026: 2.002,13 (art. 21 b), 2.144,16 (art. 22); 1-7-2025: 2.094,98 (art. 22).
  Vakantietoeslag: 4,8% van de norm (art. 19 lid 3: "4,8 procent van die bijstand"), half naar boven
  afgerond op centen.

  Regel: Een partner van 18, 19 of 20 jaar krijgt bij de kostendelersnorm het bedrag van art. 22a lid 3

    Scenario: Aanvrager van 18, partner van 70, één kostendeler van 50 (2026)
      # Partner 70 heeft de AOW-leeftijd: B = 2.144,16; A = 1 kostendeler + partner = 2.
      # Partner: (40% + 2 × 30%) / 2 × 2.144,16 = 1.072,08; aanvrager 18: 345,99.
      # Norm = 1.072,08 + 345,99 = 1.418,07 (niet 3.216,24). Vakantietoeslag 4,8% × 1.418,07 = 68,06736 → 68,07.
      Gegeven een aanvraag in gemeente "alkmaar" op peildatum "2026-03-01"
      En een aanvrager geboren op "2007-06-01" die woont in "alkmaar"
      En een partner geboren op "1955-06-01"
      En een medebewoner geboren op "1976-01-01"
      Als algemene bijstand wordt beoordeeld
      # De AOW-leeftijd is bereikt: de SVB beslist over algemene bijstand (art. 47a); de norm staat in het besluit.
      Dan is de uitkomst "doorverwezen"
      En is de norm 1.418,07 per maand
      En is er geen bedrag per maand
      En is de vakantietoeslag daarin 68,07
      En noemt grond "pw.kostendelersnorm" "art. 22a lid 3"

    Scenario: Hetzelfde huishouden met een kind
      # 1.072,08 + 746,42 (lid 3 onder a, 2026) = 1.818,50
      Gegeven een aanvraag in gemeente "alkmaar" op peildatum "2026-03-01"
      En een aanvrager geboren op "2007-06-01" die woont in "alkmaar"
      En een partner geboren op "1955-06-01"
      En een kind geboren op "2025-09-01"
      En een medebewoner geboren op "1976-01-01"
      Als algemene bijstand wordt beoordeeld
      # De AOW-leeftijd is bereikt: de SVB beslist over algemene bijstand (art. 47a); de norm staat in het besluit.
      Dan is de uitkomst "doorverwezen"
      En is de norm 1.818,50 per maand

    Abstract Scenario: Aanvrager van 18, partner van 70, één kostendeler, in elke periode
      # Partner: 2.144,16/2 (2026) … 1.933,98/2 = 966,99 (1-1-2024); plus lid 3 onder b.
      Gegeven een aanvraag in gemeente "heiloo" op peildatum "<peildatum>"
      En een aanvrager geboren op "2005-06-01" die woont in "heiloo"
      En een partner geboren op "1953-06-01"
      En een medebewoner geboren op "1976-01-01"
      Als algemene bijstand wordt beoordeeld
      # De AOW-leeftijd is bereikt: de SVB beslist over algemene bijstand (art. 47a); de norm staat in het besluit.
      Dan is de uitkomst "doorverwezen"
      En is de norm <norm> per maand

      Voorbeelden:
        | peildatum  | norm     |
        # 1.933,98 / 2 = 966,99; + 316,94 = 1.283,93
        | 2024-03-01 | 1.283,93 |
        # 1.976,64 / 2 = 988,32; + 323,03 = 1.311,35
        | 2024-09-01 | 1.311,35 |
        # 2.053,48 / 2 = 1.026,74; + 332,17 = 1.358,91
        | 2025-03-01 | 1.358,91 |
        # 2.094,98 / 2 = 1.047,49; + 337,98 = 1.385,47
        | 2025-09-01 | 1.385,47 |
        # 2.144,16 / 2 = 1.072,08; + 345,99 = 1.418,07
        | 2026-03-01 | 1.418,07 |

    Abstract Scenario: Aanvrager van 19 en partner van 30 met kostendelers
      # Partner 30: B = 2.002,13 (2026). Aanvrager 19 krijgt het bedrag van lid 3.
      Gegeven een aanvraag in gemeente "castricum" op peildatum "2026-03-01"
      En een aanvrager geboren op "2006-06-01" die woont in "castricum"
      En een partner geboren op "1996-01-01"
      En het aantal kostendelende medebewoners van 27 jaar of ouder is <kostendelers>
      Als algemene bijstand wordt beoordeeld
      Dan is de uitkomst "toegekend"
      En is de norm <norm> per maand

      Voorbeelden:
        | kostendelers | norm     |
        # A = 2: 1.001,065 → 1.001,07; + 345,99 = 1.347,06 (gelijk aan art. 20 lid 1 onder c)
        | 1            | 1.347,06 |
        # A = 3: (40% + 90%) / 3 × 2.002,13 = 867,5896… → 867,59; + 345,99 = 1.213,58
        | 2            | 1.213,58 |

    Scenario: Aanvrager van 19 en partner van 30 met een kind en een kostendeler op 1 september 2024
      # 1.869,21 / 2 = 934,605 → 934,61; + 696,87 (lid 3 onder a, tekst per 1-7-2024) = 1.631,48
      Gegeven een aanvraag in gemeente "castricum" op peildatum "2024-09-01"
      En een aanvrager geboren op "2005-06-01" die woont in "castricum"
      En een partner geboren op "1994-01-01"
      En een kind geboren op "2023-09-01"
      En een medebewoner geboren op "1976-01-01"
      Als algemene bijstand wordt beoordeeld
      Dan is de uitkomst "toegekend"
      En is de norm 1.631,48 per maand

  Regel: Heeft de partner zelf geen recht, dan is de norm 50% van de gehuwdennorm (art. 24)

    Abstract Scenario: Partner zonder eigen recht, aanvrager van 35 (2026)
      # 50% × 2.002,13 = 1.001,065 → 1.001,07; vakantietoeslag 4,8% = 48,05136 → 48,05
      Gegeven een aanvraag in gemeente "uitgeest" op peildatum "2026-03-01"
      En een aanvrager geboren op "1990-05-01" die woont in "uitgeest"
      En een partner geboren op "1991-01-01"
      En bij de partner is "<veld>" <waarde>
      Als algemene bijstand wordt beoordeeld
      Dan is de uitkomst "toegekend"
      En is de norm 1.001,07 per maand
      En is het bedrag 1.001,07 per maand
      En is de vakantietoeslag daarin 48,05
      En is grond "pw.norm" voldaan
      En verwijst grond "pw.norm" naar artikel "24"
      En noemt grond "pw.norm" "geen recht op bijstand"

      Voorbeelden:
        | veld                        | waarde |
        | in_detentie                 | true   |
        | recht_op_studiefinanciering | true   |
        | verblijfsstatus             | geen   |

    Scenario: Het inkomen van de partner zonder eigen recht telt mee
      # 1.001,07 − 300,00 = 701,07
      Gegeven een aanvraag in gemeente "uitgeest" op peildatum "2026-03-01"
      En een aanvrager geboren op "1990-05-01" die woont in "uitgeest"
      En een partner geboren op "1991-01-01"
      En bij de partner is "verblijfsstatus" geen
      En inkomsten van de partner uit "arbeid" van 300,00 per maand
      Als algemene bijstand wordt beoordeeld
      Dan is de uitkomst "toegekend"
      En is de norm 1.001,07 per maand
      En is het bedrag 701,07 per maand

    Scenario: Partner in detentie op 1 september 2024
      # 50% × 1.869,21 = 934,605 → 934,61
      Gegeven een aanvraag in gemeente "bergen" op peildatum "2024-09-01"
      En een aanvrager geboren op "1985-05-01" die woont in "bergen"
      En een partner geboren op "1986-01-01"
      En bij de partner is "in_detentie" true
      Als algemene bijstand wordt beoordeeld
      Dan is de norm 934,61 per maand

    Scenario: Partner zonder eigen recht en een kostendeler: alleen de eigen kostendelersnorm
      # A = 1 kostendeler + aanvrager + partner (beiden 21+) = 3;
      # (40% + 3 × 30%) / 3 × 2.002,13 = 867,5896… → 867,59; de partner krijgt geen norm.
      Gegeven een aanvraag in gemeente "uitgeest" op peildatum "2026-03-01"
      En een aanvrager geboren op "1990-05-01" die woont in "uitgeest"
      En een partner geboren op "1991-01-01"
      En bij de partner is "in_detentie" true
      En een medebewoner geboren op "1976-01-01"
      Als algemene bijstand wordt beoordeeld
      Dan is de uitkomst "toegekend"
      En is de norm 867,59 per maand
      En noemt grond "pw.kostendelersnorm" "alleen uw eigen kostendelersnorm"

    Scenario: Aanvrager van 19 met een partner zonder eigen recht, zonder kinderen
      # 50% × 691,98 (gehuwden 18–20 zonder kinderen) = 345,99
      Gegeven een aanvraag in gemeente "alkmaar" op peildatum "2026-03-01"
      En een aanvrager geboren op "2006-06-01" die woont in "alkmaar"
      En een partner geboren op "2004-01-01"
      En bij de partner is "in_detentie" true
      Als algemene bijstand wordt beoordeeld
      Dan is de uitkomst "toegekend"
      En is de norm 345,99 per maand

    Scenario: Aanvrager van 19 met een partner zonder eigen recht, met een kind
      # 50% × 1.092,41 (gehuwden 18–20 met kinderen) = 546,205 → 546,21
      Gegeven een aanvraag in gemeente "alkmaar" op peildatum "2026-03-01"
      En een aanvrager geboren op "2006-06-01" die woont in "alkmaar"
      En een partner geboren op "2004-01-01"
      En bij de partner is "in_detentie" true
      En een kind geboren op "2025-01-01"
      Als algemene bijstand wordt beoordeeld
      Dan is de uitkomst "toegekend"
      En is de norm 546,21 per maand

    Scenario: Zonder verblijfsstatus van de partner is de norm niet te bepalen
      Gegeven een aanvraag in gemeente "uitgeest" op peildatum "2026-03-01"
      En een aanvrager geboren op "1990-05-01" die woont in "uitgeest"
      En een partner geboren op "1991-01-01"
      En de verblijfsstatus van de partner is onbekend
      Als algemene bijstand wordt beoordeeld
      Dan is de uitkomst "onvoldoende_gegevens"
      En ontbreekt het gegeven "partner.verblijfsstatus"

  Regel: Bij een afwijzing staat de norm waartegen het inkomen is getoetst in het besluit

    Scenario: Inkomen boven de norm
      # Alleenstaande 2026: norm 1.401,50; vakantietoeslag 4,8% = 67,272 → 67,27.
      Gegeven een aanvraag in gemeente "alkmaar" op peildatum "2026-03-01"
      En een aanvrager geboren op "1990-05-01" die woont in "alkmaar"
      En inkomsten van de aanvrager uit "arbeid" van 1.500,00 per maand
      Als algemene bijstand wordt beoordeeld
      Dan is de uitkomst "afgewezen"
      En is grond "pw.middelen" niet voldaan
      En is de norm 1.401,50 per maand
      En is de vakantietoeslag daarin 67,27
      En is er geen bedrag per maand

    Scenario: Vermogen boven de grens, met kostendeler
      # Norm met 1 kostendeler: 1.001,07; vakantietoeslag 4,8% × 1.001,07 = 48,05136 → 48,05.
      Gegeven een aanvraag in gemeente "alkmaar" op peildatum "2026-03-01"
      En een aanvrager geboren op "1990-05-01" die woont in "alkmaar"
      En een medebewoner geboren op "1976-01-01"
      En vermogen met bezittingen 9.000 en schulden 0
      Als algemene bijstand wordt beoordeeld
      Dan is de uitkomst "afgewezen"
      En is grond "pw.vermogen" niet voldaan
      En is de norm 1.001,07 per maand
      En is de vakantietoeslag daarin 48,05
      En is er geen bedrag per maand

  Regel: Wie de AOW-leeftijd heeft bereikt, mag dertien weken per jaar in het buitenland zijn

    Abstract Scenario: Dagen in het buitenland voor en na de AOW-leeftijd (art. 13 lid 1 onder e)
      # Vier weken = 28 dagen; dertien weken = 91 dagen voor wie de AOW-leeftijd heeft bereikt.
      Gegeven een aanvraag in gemeente "heiloo" op peildatum "2026-03-01"
      En een aanvrager geboren op "<geboren>" die woont in "heiloo"
      En bij de aanvrager is "dagen_in_buitenland" <dagen>
      Als algemene bijstand wordt beoordeeld
      Dan is grond "pw.buitenland" <oordeel>

      Voorbeelden:
        | geboren    | dagen | oordeel      |
        # 68 jaar (AOW-leeftijd 67): 60 ≤ 91
        | 1958-01-01 | 60    | voldaan      |
        | 1958-01-01 | 91    | voldaan      |
        | 1958-01-01 | 92    | niet voldaan |
        # 40 jaar: 28 is de grens
        | 1986-01-01 | 28    | voldaan      |
        | 1986-01-01 | 29    | niet voldaan |
        | 1986-01-01 | 60    | niet voldaan |

  Regel: Een kind van 18 telt niet mee als minderjarig kind, en het besluit zegt dat

    Scenario: Een alleenstaande met een kind dat op de peildatum 18 is
      # Het kind telt niet als minderjarig: alleenstaandennorm 1.401,50 (art. 21 onder a),
      # met een aanname die dat noemt. Een kind ouder dan 18 is een invoerfout.
      Gegeven een aanvraag in gemeente "alkmaar" op peildatum "2026-03-01"
      En een aanvrager geboren op "1980-06-01" die woont in "alkmaar"
      En een kind geboren op "2008-01-01"
      Als algemene bijstand wordt beoordeeld
      Dan is de uitkomst "toegekend"
      En is de norm 1.401,50 per maand
      En is er een aanname over "kinderen[0] is op de peildatum 18 jaar"

  Regel: Ook een partner die te lang in het buitenland is, heeft geen eigen recht (art. 24 met art. 13)

    Scenario: De partner was dit jaar 40 dagen in het buitenland (2026)
      # 40 > 28 dagen: de partner heeft geen recht; 50% × 2.002,13 = 1.001,065 → 1.001,07
      Gegeven een aanvraag in gemeente "alkmaar" op peildatum "2026-03-01"
      En een aanvrager geboren op "1990-05-01" die woont in "alkmaar"
      En een partner geboren op "1991-01-01"
      En bij de partner is "dagen_in_buitenland" 40
      Als algemene bijstand wordt beoordeeld
      Dan is de norm 1.001,07 per maand
      En verwijst grond "pw.norm" naar artikel "24"

    Scenario: Vier weken in het buitenland mag: de gehuwdennorm blijft
      # 28 ≤ 28 dagen: gehuwdennorm 2.002,13
      Gegeven een aanvraag in gemeente "alkmaar" op peildatum "2026-03-01"
      En een aanvrager geboren op "1990-05-01" die woont in "alkmaar"
      En een partner geboren op "1991-01-01"
      En bij de partner is "dagen_in_buitenland" 28
      Als algemene bijstand wordt beoordeeld
      Dan is de norm 2.002,13 per maand

# language: nl
Functionaliteit: Schuldhulpverlening: de termijnen voor het eerste gesprek en de beschikking
  Als beleidsadviseur
  wil ik dat het besluit over schuldhulp de uiterste datum van het eerste gesprek en van de
  beschikking noemt, juist berekend over weekenden en feestdagen heen,
  zodat een inwoner in nood op tijd geholpen wordt en weet wanneer.

  Wet gemeentelijke schuldhulpverlening (Wgs, reference/beleidsfeiten.md §7):
  - art. 4 lid 1: het eerste gesprek binnen 4 weken na de hulpvraag;
  - art. 4 lid 2: binnen 3 werkdagen in een bedreigende situatie: dreigende
    woningontruiming, afsluiting van energie of water, beëindiging van de zorgverzekering;
  - art. 4a: de beschikking binnen (open norm, ten hoogste) 8 weken na het eerste gesprek;
    de regelset rekent vanaf de uiterste datum van het eerste gesprek;
  - art. 2 lid 2: aandacht voor gezinnen met minderjarige kinderen; Bergen (NH) geeft hun
    een eerste gesprek binnen 2 weken (gemeenten/bergen.yaml, status aanname).
  De kortste termijn die van toepassing is, geldt.

  Algemene termijnenwet: werkdagen zijn niet zaterdag, zondag of een feestdag van art. 3
  (Nieuwjaarsdag, Tweede Paasdag, Koningsdag — 26 april als 27 april een zondag is —,
  5 mei, Hemelvaartsdag, Tweede Pinksterdag, Eerste en Tweede Kerstdag). Goede Vrijdag is
  geen feestdag. De dag van de hulpvraag telt niet mee. Een termijn in weken die op een
  zaterdag, zondag of feestdag eindigt, loopt door tot de eerstvolgende werkdag (art. 1).

  Feestdagen die hier meetellen: Pasen 2025 20-4, 2026 5-4, 2027 28-3 (Tweede Paasdag
  ma 21-4-2025, ma 6-4-2026, ma 29-3-2027); Hemelvaartsdag (Pasen + 39) do 29-5-2025,
  do 14-5-2026; Tweede Pinksterdag (Pasen + 50) ma 9-6-2025, ma 25-5-2026; Koningsdag
  za 26-4-2025 (27-4 is een zondag), ma 27-4-2026, di 27-4-2027, za 26-4-2031, za 26-4-2036;
  Bevrijdingsdag di 5-5-2026; Kerst do 25 + vr 26-12-2025, vr 25 + za 26-12-2026.

  Regel: De afspraken van issue #4

    Scenario: Hulpvraag op vrijdag voor Koningsdag bij een dreigende ontruiming
      # vr 24-4-2026 + 3 werkdagen: za 25 en zo 26 weekend; ma 27-4 Koningsdag telt niet;
      # di 28 (1), wo 29 (2), do 30 (3) → 2026-04-30.
      # Beschikking: do 30-4-2026 + 8 weken = do 25-6-2026 (30-4 + 31 = 31-5, + 25 = 25-6),
      # een werkdag → 2026-06-25.
      Gegeven een inwoner van "alkmaar" vraagt op "2026-04-24" om schuldhulp
      En er dreigt "woningontruiming"
      Als de schuldhulp wordt beoordeeld
      Dan is de uitkomst "toegekend"
      En moet het eerste gesprek uiterlijk op "2026-04-30" plaatsvinden
      En is de beschikking uiterlijk op "2026-06-25" gegeven
      En geldt de termijn van grond "wgs.bedreigende_situatie"
      En verwijst grond "wgs.bedreigende_situatie" naar artikel "4 lid 2"
      En noemt grond "wgs.bedreigende_situatie" "Koningsdag (27 april 2026)"
      En verwijst grond "wgs.beschikking" naar artikel "4a"
      En verwijzen alle gronden naar de "Wet gemeentelijke schuldhulpverlening"

    Scenario: Hulpvraag op zaterdag zonder bedreigende situatie
      # za 11-4-2026 + 4 weken = za 9-5-2026 (11-4 + 19 = 30-4, + 9 = 9-5): geen werkdag;
      # zo 10-5 ook niet → ma 11-5-2026.
      # Beschikking: ma 11-5-2026 + 8 weken = ma 6-7-2026 (11-5 + 20 = 31-5, + 30 = 30-6,
      # + 6 = 6-7), een werkdag → 2026-07-06.
      Gegeven een inwoner van "alkmaar" vraagt op "2026-04-11" om schuldhulp
      En er is geen bedreigende situatie
      Als de schuldhulp wordt beoordeeld
      Dan is de uitkomst "toegekend"
      En moet het eerste gesprek uiterlijk op "2026-05-11" plaatsvinden
      En is de beschikking uiterlijk op "2026-07-06" gegeven
      En geldt de termijn van grond "wgs.eerste_gesprek"
      En verwijst grond "wgs.eerste_gesprek" naar artikel "4 lid 1"
      En noemt grond "wgs.eerste_gesprek" "loopt door tot de eerstvolgende werkdag"
      En verwijzen alle gronden naar de "Wet gemeentelijke schuldhulpverlening"

  Regel: Elke bedreigende situatie geeft een eerste gesprek binnen 3 werkdagen

    Abstract Scenario: Bedreigende situatie "<situatie>"
      # ma 2-3-2026 + 3 werkdagen: di 3 (1), wo 4 (2), do 5 (3) → 2026-03-05.
      # Beschikking: do 5-3 + 8 weken = do 30-4-2026 (5-3 + 26 = 31-3, + 30 = 30-4) → werkdag.
      Gegeven een inwoner van "alkmaar" vraagt op "2026-03-02" om schuldhulp
      En er dreigt "<situatie>"
      Als de schuldhulp wordt beoordeeld
      Dan is de uitkomst "toegekend"
      En moet het eerste gesprek uiterlijk op "2026-03-05" plaatsvinden
      En is de beschikking uiterlijk op "2026-04-30" gegeven
      En geldt de termijn van grond "wgs.bedreigende_situatie"

      Voorbeelden:
        | situatie                    |
        | woningontruiming            |
        | afsluiting_energie          |
        | afsluiting_water            |
        | beeindiging_zorgverzekering |

    Scenario: Twee bedreigende situaties tegelijk geven dezelfde termijn
      Gegeven een inwoner van "heiloo" vraagt op "2026-03-02" om schuldhulp
      En er dreigt "afsluiting_energie"
      En er dreigt "afsluiting_water"
      Als de schuldhulp wordt beoordeeld
      Dan moet het eerste gesprek uiterlijk op "2026-03-05" plaatsvinden
      En geldt de termijn van grond "wgs.bedreigende_situatie"

    Scenario: Zonder bedreigende situatie geldt de termijn van 4 weken
      # ma 2-3-2026 + 4 weken = ma 30-3-2026 (2-3 + 28), een werkdag.
      # Beschikking: ma 30-3 + 8 weken = ma 25-5-2026 (30-3 + 1 = 31-3, + 30 = 30-4,
      # + 25 = 25-5) = Tweede Pinksterdag → di 26-5-2026.
      Gegeven een inwoner van "alkmaar" vraagt op "2026-03-02" om schuldhulp
      En er is geen bedreigende situatie
      Als de schuldhulp wordt beoordeeld
      Dan moet het eerste gesprek uiterlijk op "2026-03-30" plaatsvinden
      En is de beschikking uiterlijk op "2026-05-26" gegeven
      En geldt de termijn van grond "wgs.eerste_gesprek"
      En noemt grond "wgs.beschikking" "26 mei 2026"

    Scenario: Zijn er geen bedreigende situaties opgegeven, dan wordt aangenomen dat er geen zijn
      Gegeven een inwoner van "castricum" vraagt op "2026-03-02" om schuldhulp
      Als de schuldhulp wordt beoordeeld
      Dan is de uitkomst "toegekend"
      En moet het eerste gesprek uiterlijk op "2026-03-30" plaatsvinden
      En is er een aanname over "schuldhulp.bedreigende_situaties"

    Scenario: Een hulpvraag op zondag: de 3 werkdagen beginnen op maandag
      # zo 1-3-2026 + 3 werkdagen: ma 2 (1), di 3 (2), wo 4 (3) → 2026-03-04.
      Gegeven een inwoner van "alkmaar" vraagt op "2026-03-01" om schuldhulp
      En er dreigt "beeindiging_zorgverzekering"
      Als de schuldhulp wordt beoordeeld
      Dan moet het eerste gesprek uiterlijk op "2026-03-04" plaatsvinden

    Scenario: Een termijn van 4 weken die op een zondag eindigt, loopt door tot maandag
      # zo 1-3-2026 + 4 weken = zo 29-3-2026 → ma 30-3-2026.
      Gegeven een inwoner van "alkmaar" vraagt op "2026-03-01" om schuldhulp
      Als de schuldhulp wordt beoordeeld
      Dan moet het eerste gesprek uiterlijk op "2026-03-30" plaatsvinden
      En noemt grond "wgs.eerste_gesprek" "29 maart 2026"

  Regel: Koningsdag is geen werkdag; valt 27 april op zondag, dan is het 26 april

    Scenario: Hulpvraag op de donderdag voor Koningsdag 2026
      # do 23-4-2026: vr 24 (1); za 25, zo 26 weekend; ma 27 Koningsdag; di 28 (2), wo 29 (3).
      Gegeven een inwoner van "uitgeest" vraagt op "2026-04-23" om schuldhulp
      En er dreigt "afsluiting_energie"
      Als de schuldhulp wordt beoordeeld
      Dan moet het eerste gesprek uiterlijk op "2026-04-29" plaatsvinden

    Scenario: Hulpvraag op Koningsdag zelf
      # ma 27-4-2026 (Koningsdag; de dag van de hulpvraag telt niet mee):
      # di 28 (1), wo 29 (2), do 30 (3) → 2026-04-30.
      Gegeven een inwoner van "alkmaar" vraagt op "2026-04-27" om schuldhulp
      En er dreigt "woningontruiming"
      Als de schuldhulp wordt beoordeeld
      Dan moet het eerste gesprek uiterlijk op "2026-04-30" plaatsvinden

    Scenario: Een termijn van 4 weken die op Koningsdag eindigt
      # ma 30-3-2026 + 4 weken = ma 27-4-2026 (30-3 + 1 = 31-3, + 27 = 27-4), Koningsdag
      # → di 28-4-2026. Beschikking: di 28-4 + 8 weken = di 23-6-2026 (28-4 + 2 = 30-4,
      # + 31 = 31-5, + 23 = 23-6), een werkdag.
      Gegeven een inwoner van "alkmaar" vraagt op "2026-03-30" om schuldhulp
      Als de schuldhulp wordt beoordeeld
      Dan moet het eerste gesprek uiterlijk op "2026-04-28" plaatsvinden
      En is de beschikking uiterlijk op "2026-06-23" gegeven
      En noemt grond "wgs.eerste_gesprek" "De termijn eindigt op 27 april 2026, geen werkdag"

    Scenario: Koningsdag 2027 valt op een dinsdag
      # vr 23-4-2027: za 24, zo 25 weekend; ma 26 (1); di 27 Koningsdag; wo 28 (2), do 29 (3).
      Gegeven een inwoner van "alkmaar" vraagt op "2027-04-23" om schuldhulp
      En er dreigt "woningontruiming"
      Als de schuldhulp wordt beoordeeld
      Dan moet het eerste gesprek uiterlijk op "2027-04-29" plaatsvinden

    Abstract Scenario: In <jaar> is 27 april een zondag: Koningsdag valt op zaterdag 26 april
      # vr 25-4: za 26 (Koningsdag, maar al een zaterdag), zo 27; ma 28 is een gewone
      # werkdag (Koningsdag schuift niet naar maandag): ma 28 (1), di 29 (2), wo 30 (3).
      # Beschikking: wo 30-4 + 8 weken = wo 25-6 (30-4 + 31 = 31-5, + 25 = 25-6).
      Gegeven een inwoner van "bergen" vraagt op "<jaar>-04-25" om schuldhulp
      En er dreigt "woningontruiming"
      Als de schuldhulp wordt beoordeeld
      Dan moet het eerste gesprek uiterlijk op "<jaar>-04-30" plaatsvinden
      En is de beschikking uiterlijk op "<jaar>-06-25" gegeven

      Voorbeelden:
        | jaar |
        | 2025 |
        | 2031 |
        | 2036 |

    Scenario: Een termijn van 4 weken die op Koningsdag 2025 (zaterdag) eindigt, loopt door tot maandag
      # za 29-3-2025 + 4 weken = za 26-4-2025 (29-3 + 2 = 31-3, + 26 = 26-4); zo 27-4 ook
      # geen werkdag; ma 28-4-2025 wel.
      Gegeven een inwoner van "alkmaar" vraagt op "2025-03-29" om schuldhulp
      Als de schuldhulp wordt beoordeeld
      Dan moet het eerste gesprek uiterlijk op "2025-04-28" plaatsvinden

  Regel: Tweede Paasdag en Bevrijdingsdag zijn geen werkdagen; Goede Vrijdag wel

    Scenario: Hulpvraag op de donderdag voor Pasen 2026
      # do 2-4-2026: vr 3-4 Goede Vrijdag is een werkdag (1); za 4, zo 5 (Eerste Paasdag);
      # ma 6 Tweede Paasdag telt niet; di 7 (2), wo 8 (3) → 2026-04-08.
      Gegeven een inwoner van "dijk-en-waard" vraagt op "2026-04-02" om schuldhulp
      En er dreigt "afsluiting_water"
      Als de schuldhulp wordt beoordeeld
      Dan moet het eerste gesprek uiterlijk op "2026-04-08" plaatsvinden
      En noemt grond "wgs.bedreigende_situatie" "Tweede Paasdag (6 april 2026)"

    Scenario: Hulpvraag op Goede Vrijdag 2027
      # vr 26-3-2027: za 27, zo 28 (Pasen), ma 29 Tweede Paasdag; di 30 (1), wo 31 (2),
      # do 1-4 (3) → 2027-04-01.
      Gegeven een inwoner van "alkmaar" vraagt op "2027-03-26" om schuldhulp
      En er dreigt "woningontruiming"
      Als de schuldhulp wordt beoordeeld
      Dan moet het eerste gesprek uiterlijk op "2027-04-01" plaatsvinden

    Scenario: Een termijn van 4 weken die op Tweede Paasdag eindigt
      # ma 9-3-2026 + 4 weken = ma 6-4-2026 (9-3 + 22 = 31-3, + 6 = 6-4), Tweede Paasdag
      # → di 7-4-2026.
      Gegeven een inwoner van "alkmaar" vraagt op "2026-03-09" om schuldhulp
      Als de schuldhulp wordt beoordeeld
      Dan moet het eerste gesprek uiterlijk op "2026-04-07" plaatsvinden

    Scenario: Bevrijdingsdag telt niet als werkdag
      # ma 4-5-2026: di 5-5 Bevrijdingsdag telt niet; wo 6 (1), do 7 (2), vr 8 (3).
      Gegeven een inwoner van "alkmaar" vraagt op "2026-05-04" om schuldhulp
      En er dreigt "woningontruiming"
      Als de schuldhulp wordt beoordeeld
      Dan moet het eerste gesprek uiterlijk op "2026-05-08" plaatsvinden
      En noemt grond "wgs.bedreigende_situatie" "Bevrijdingsdag (5 mei 2026)"

  Regel: Hemelvaartsdag is geen werkdag

    Scenario: Hulpvraag op de dinsdag voor Hemelvaart 2026
      # di 12-5-2026: wo 13 (1); do 14 Hemelvaartsdag telt niet; vr 15 (2); za 16, zo 17;
      # ma 18 (3) → 2026-05-18.
      Gegeven een inwoner van "alkmaar" vraagt op "2026-05-12" om schuldhulp
      En er dreigt "afsluiting_energie"
      Als de schuldhulp wordt beoordeeld
      Dan moet het eerste gesprek uiterlijk op "2026-05-18" plaatsvinden
      En noemt grond "wgs.bedreigende_situatie" "Hemelvaartsdag (14 mei 2026)"

    Scenario: Hulpvraag op de woensdag voor Hemelvaart 2025
      # wo 28-5-2025: do 29 Hemelvaartsdag telt niet; vr 30 (1); za 31-5, zo 1-6;
      # ma 2-6 (2), di 3-6 (3) → 2025-06-03.
      Gegeven een inwoner van "alkmaar" vraagt op "2025-05-28" om schuldhulp
      En er dreigt "woningontruiming"
      Als de schuldhulp wordt beoordeeld
      Dan moet het eerste gesprek uiterlijk op "2025-06-03" plaatsvinden

    Scenario: Een termijn van 4 weken die op Hemelvaartsdag eindigt
      # do 16-4-2026 + 4 weken = do 14-5-2026 (16-4 + 14 = 30-4, + 14 = 14-5),
      # Hemelvaartsdag → vr 15-5-2026.
      Gegeven een inwoner van "alkmaar" vraagt op "2026-04-16" om schuldhulp
      Als de schuldhulp wordt beoordeeld
      Dan moet het eerste gesprek uiterlijk op "2026-05-15" plaatsvinden

    Scenario: Een beschikkingstermijn die op Hemelvaartsdag eindigt
      # ma 16-3-2026: di 17 (1), wo 18 (2), do 19 (3) → eerste gesprek 19-3-2026.
      # do 19-3 + 8 weken = do 14-5-2026 (19-3 + 12 = 31-3, + 30 = 30-4, + 14 = 14-5),
      # Hemelvaartsdag → vr 15-5-2026.
      Gegeven een inwoner van "alkmaar" vraagt op "2026-03-16" om schuldhulp
      En er dreigt "woningontruiming"
      Als de schuldhulp wordt beoordeeld
      Dan moet het eerste gesprek uiterlijk op "2026-03-19" plaatsvinden
      En is de beschikking uiterlijk op "2026-05-15" gegeven

    Scenario: Een beschikkingstermijn die op Koningsdag eindigt
      # ma 2-2-2026 + 4 weken = ma 2-3-2026 (februari 2026 heeft 28 dagen), een werkdag.
      # ma 2-3 + 8 weken = ma 27-4-2026 (2-3 + 29 = 31-3, + 27 = 27-4), Koningsdag
      # → di 28-4-2026.
      Gegeven een inwoner van "alkmaar" vraagt op "2026-02-02" om schuldhulp
      Als de schuldhulp wordt beoordeeld
      Dan moet het eerste gesprek uiterlijk op "2026-03-02" plaatsvinden
      En is de beschikking uiterlijk op "2026-04-28" gegeven

  Regel: Tweede Pinksterdag is geen werkdag

    Scenario: Hulpvraag op de vrijdag voor Pinksteren 2026
      # vr 22-5-2026: za 23, zo 24 (Eerste Pinksterdag); ma 25 Tweede Pinksterdag telt niet;
      # di 26 (1), wo 27 (2), do 28 (3) → 2026-05-28.
      Gegeven een inwoner van "alkmaar" vraagt op "2026-05-22" om schuldhulp
      En er dreigt "woningontruiming"
      Als de schuldhulp wordt beoordeeld
      Dan moet het eerste gesprek uiterlijk op "2026-05-28" plaatsvinden
      En noemt grond "wgs.bedreigende_situatie" "Tweede Pinksterdag (25 mei 2026)"

    Scenario: Hulpvraag op de vrijdag voor Pinksteren 2025
      # vr 6-6-2025: za 7, zo 8; ma 9 Tweede Pinksterdag; di 10 (1), wo 11 (2), do 12 (3).
      Gegeven een inwoner van "alkmaar" vraagt op "2025-06-06" om schuldhulp
      En er dreigt "afsluiting_water"
      Als de schuldhulp wordt beoordeeld
      Dan moet het eerste gesprek uiterlijk op "2025-06-12" plaatsvinden

    Scenario: Een termijn van 4 weken vanaf Koningsdag eindigt op Tweede Pinksterdag
      # ma 27-4-2026 + 4 weken = ma 25-5-2026 (27-4 + 3 = 30-4, + 25 = 25-5), Tweede
      # Pinksterdag → di 26-5-2026.
      Gegeven een inwoner van "alkmaar" vraagt op "2026-04-27" om schuldhulp
      Als de schuldhulp wordt beoordeeld
      Dan moet het eerste gesprek uiterlijk op "2026-05-26" plaatsvinden

  Regel: Kerst en de jaarwisseling

    Scenario: Hulpvraag op 23 december 2026 (Tweede Kerstdag valt op zaterdag)
      # wo 23-12-2026: do 24 (1); vr 25 Eerste Kerstdag telt niet; za 26 (Tweede Kerstdag,
      # al een zaterdag), zo 27; ma 28 is een gewone werkdag (2), di 29 (3) → 2026-12-29.
      # Beschikking: di 29-12-2026 + 8 weken = di 23-2-2027 (29-12 + 2 = 31-12, + 31 = 31-1,
      # + 23 = 23-2), een werkdag.
      Gegeven een inwoner van "alkmaar" vraagt op "2026-12-23" om schuldhulp
      En er dreigt "woningontruiming"
      Als de schuldhulp wordt beoordeeld
      Dan moet het eerste gesprek uiterlijk op "2026-12-29" plaatsvinden
      En is de beschikking uiterlijk op "2027-02-23" gegeven

    Scenario: Hulpvraag op 24 december 2025 (beide Kerstdagen op werkdagen)
      # wo 24-12-2025: do 25 en vr 26 Kerst tellen niet; za 27, zo 28; ma 29 (1), di 30 (2),
      # wo 31 (3) → 2025-12-31.
      Gegeven een inwoner van "alkmaar" vraagt op "2025-12-24" om schuldhulp
      En er dreigt "afsluiting_energie"
      Als de schuldhulp wordt beoordeeld
      Dan moet het eerste gesprek uiterlijk op "2025-12-31" plaatsvinden
      En noemt grond "wgs.bedreigende_situatie" "Eerste Kerstdag (25 december 2025), Tweede Kerstdag (26 december 2025)"

    Scenario: Over de jaarwisseling 2025-2026
      # ma 29-12-2025: di 30 (1), wo 31 (2); do 1-1-2026 Nieuwjaarsdag telt niet;
      # vr 2-1 (3) → 2026-01-02.
      Gegeven een inwoner van "alkmaar" vraagt op "2025-12-29" om schuldhulp
      En er dreigt "woningontruiming"
      Als de schuldhulp wordt beoordeeld
      Dan moet het eerste gesprek uiterlijk op "2026-01-02" plaatsvinden
      En noemt grond "wgs.bedreigende_situatie" "Nieuwjaarsdag (1 januari 2026)"

    Scenario: Over de jaarwisseling 2026-2027
      # di 29-12-2026: wo 30 (1), do 31 (2); vr 1-1-2027 Nieuwjaarsdag; za 2, zo 3;
      # ma 4-1-2027 (3).
      Gegeven een inwoner van "alkmaar" vraagt op "2026-12-29" om schuldhulp
      En er dreigt "woningontruiming"
      Als de schuldhulp wordt beoordeeld
      Dan moet het eerste gesprek uiterlijk op "2027-01-04" plaatsvinden

    Scenario: Een termijn van 4 weken die op Nieuwjaarsdag eindigt
      # do 4-12-2025 + 4 weken = do 1-1-2026 (4-12 + 27 = 31-12, + 1 = 1-1), Nieuwjaarsdag
      # → vr 2-1-2026.
      Gegeven een inwoner van "alkmaar" vraagt op "2025-12-04" om schuldhulp
      Als de schuldhulp wordt beoordeeld
      Dan moet het eerste gesprek uiterlijk op "2026-01-02" plaatsvinden

    Scenario: Een termijn van 4 weken die op Eerste Kerstdag eindigt
      # vr 27-11-2026 + 4 weken = vr 25-12-2026 (27-11 + 3 = 30-11, + 25 = 25-12), Eerste
      # Kerstdag; za 26 (Tweede Kerstdag) en zo 27 ook niet → ma 28-12-2026.
      Gegeven een inwoner van "alkmaar" vraagt op "2026-11-27" om schuldhulp
      Als de schuldhulp wordt beoordeeld
      Dan moet het eerste gesprek uiterlijk op "2026-12-28" plaatsvinden

  Regel: Bergen (NH) geeft gezinnen met minderjarige kinderen binnen 2 weken een eerste gesprek

    Scenario: Een gezin met een kind in Bergen
      # ma 2-3-2026 + 2 weken = ma 16-3-2026, een werkdag.
      # Beschikking: ma 16-3 + 8 weken = ma 11-5-2026 (16-3 + 15 = 31-3, + 30 = 30-4,
      # + 11 = 11-5), een werkdag.
      Gegeven een inwoner van "bergen" vraagt op "2026-03-02" om schuldhulp
      En een kind geboren op "2018-01-01"
      Als de schuldhulp wordt beoordeeld
      Dan is de uitkomst "toegekend"
      En moet het eerste gesprek uiterlijk op "2026-03-16" plaatsvinden
      En is de beschikking uiterlijk op "2026-05-11" gegeven
      En geldt de termijn van grond "wgs.gezinnen_met_kinderen"
      En noemt grond "wgs.gezinnen_met_kinderen" "binnen 2 weken"
      En verwijzen alle gronden naar de "Wet gemeentelijke schuldhulpverlening"

    Scenario: Zonder kinderen geldt ook in Bergen de termijn van 4 weken
      # ma 2-3-2026 + 4 weken = ma 30-3-2026; beschikking ma 25-5-2026 is Tweede
      # Pinksterdag → di 26-5-2026.
      Gegeven een inwoner van "bergen" vraagt op "2026-03-02" om schuldhulp
      Als de schuldhulp wordt beoordeeld
      Dan moet het eerste gesprek uiterlijk op "2026-03-30" plaatsvinden
      En is de beschikking uiterlijk op "2026-05-26" gegeven
      En geldt de termijn van grond "wgs.eerste_gesprek"

    Scenario: Een kind van 18 is niet minderjarig
      # Geboren 15-1-2008: 18 jaar op 2-3-2026 → geen minderjarig kind → 4 weken.
      Gegeven een inwoner van "bergen" vraagt op "2026-03-02" om schuldhulp
      En een kind geboren op "2008-01-15"
      Als de schuldhulp wordt beoordeeld
      Dan moet het eerste gesprek uiterlijk op "2026-03-30" plaatsvinden

    Scenario: In een bedreigende situatie gaan 3 werkdagen ook in Bergen voor
      # 3 werkdagen: do 5-3-2026, eerder dan 2 weken (ma 16-3-2026).
      Gegeven een inwoner van "bergen" vraagt op "2026-03-02" om schuldhulp
      En een kind geboren op "2018-01-01"
      En er dreigt "woningontruiming"
      Als de schuldhulp wordt beoordeeld
      Dan moet het eerste gesprek uiterlijk op "2026-03-05" plaatsvinden
      En geldt de termijn van grond "wgs.bedreigende_situatie"

    Scenario: Een termijn van 2 weken die op Koningsdag eindigt
      # ma 13-4-2026 + 2 weken = ma 27-4-2026, Koningsdag → di 28-4-2026.
      # Beschikking: di 28-4 + 8 weken = di 23-6-2026.
      Gegeven een inwoner van "bergen" vraagt op "2026-04-13" om schuldhulp
      En een kind geboren op "2018-01-01"
      Als de schuldhulp wordt beoordeeld
      Dan moet het eerste gesprek uiterlijk op "2026-04-28" plaatsvinden
      En is de beschikking uiterlijk op "2026-06-23" gegeven

    Abstract Scenario: In <gemeente> krijgt een gezin met kinderen de gewone termijn van 4 weken
      # Alleen Bergen heeft een kortere termijn voor gezinnen: ma 2-3-2026 + 4 weken = 30-3.
      Gegeven een inwoner van "<gemeente>" vraagt op "2026-03-02" om schuldhulp
      En een kind geboren op "2018-01-01"
      Als de schuldhulp wordt beoordeeld
      Dan is de uitkomst "toegekend"
      En moet het eerste gesprek uiterlijk op "2026-03-30" plaatsvinden
      En is de beschikking uiterlijk op "2026-05-26" gegeven

      Voorbeelden:
        | gemeente      |
        | alkmaar       |
        | castricum     |
        | dijk-en-waard |
        | heiloo        |
        | uitgeest      |

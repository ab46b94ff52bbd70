# language: nl
Functionaliteit: Schuldhulpverlening: toelating en weigeringsgronden per gemeente
  Als beleidsadviseur
  wil ik dat elke gemeente haar eigen keuze voor de weigeringsgronden van de Wgs maakt,
  standaard "niet weigeren", en dat elk besluit per grond het Wgs-artikel noemt,
  zodat een inwoner weet waarom hij wel of geen schuldhulp krijgt.

  Wet gemeentelijke schuldhulpverlening (reference/beleidsfeiten.md §7):
  - art. 2 lid 1: de gemeente helpt haar eigen inwoners (aanvrager.woonplaats);
  - art. 3 lid 4: vreemdelingen alleen bij rechtmatig verblijf (Vw 2000 art. 8 a–e, l);
  - art. 3 lid 2: de gemeente kán weigeren bij eerdere schuldhulp (recidive): open norm
    wgs.weigering_recidive_jaren, standaard 0 (niet weigeren, status aanname);
  - art. 3 lid 3: de gemeente kán weigeren bij fraude met een onherroepelijke vordering:
    open norm wgs.weigering_fraude, standaard nee (status aanname).
  Bergen (NH) kiest bewust voor "niet weigeren bij recidive" (schuldenvrije gemeente).

  Zo'n weigeringsgrond "aanzetten" gebeurt hier in een kopie van de regels: de stap
  `gemeente "…" weigert schuldhulp …` zet de open norm in de overlay van die ene gemeente.

  Recidive telt in hele jaren van het einde van de eerdere schuldhulp tot de hulpvraag
  (hulpvraag ma 2-3-2026): eindigde op 2-3-2021 → precies 5 jaar; op 3-3-2021 → 4 jaar;
  op 2-3-2022 → 4 jaar; op 2-3-2025 → 1 jaar.

  Regel: Een inwoner met rechtmatig verblijf wordt toegelaten; elke grond noemt haar artikel

    Scenario: Een inwoner van Alkmaar zonder weigeringsgrond
      Gegeven een inwoner van "alkmaar" vraagt op "2026-03-02" om schuldhulp
      Als de schuldhulp wordt beoordeeld
      Dan is de uitkomst "toegekend"
      En hoort het besluit bij pakket "basis"
      En is grond "wgs.woonplaats" voldaan
      En is grond "wgs.rechtmatig_verblijf" voldaan
      En is grond "wgs.recidive" voldaan
      En is grond "wgs.fraude" voldaan
      En is grond "wgs.eerste_gesprek" voldaan
      En is grond "wgs.beschikking" voldaan
      En verwijst grond "wgs.woonplaats" naar artikel "2 lid 1"
      En verwijst grond "wgs.rechtmatig_verblijf" naar artikel "3 lid 4"
      En verwijst grond "wgs.recidive" naar artikel "3 lid 2"
      En verwijst grond "wgs.fraude" naar artikel "3 lid 3"
      En verwijst grond "wgs.eerste_gesprek" naar artikel "4 lid 1"
      En verwijst grond "wgs.beschikking" naar artikel "4a"
      En verwijzen alle gronden naar de "Wet gemeentelijke schuldhulpverlening"
      En komt grond "wgs.recidive" uit pakket "basis" in bestand "rules/schuldhulpverlening/schuldhulpverlening.yaml"
      En ontbreken er geen gegevens
      En is er een aanname over "schuldhulp.eerdere_schuldhulp_beeindigd_op"
      En is er een aanname over "schuldhulp.fraudevordering_onherroepelijk"

    Abstract Scenario: Een vreemdeling met verblijfsstatus "<status>" wordt toegelaten
      Gegeven een inwoner van "alkmaar" vraagt op "2026-03-02" om schuldhulp
      En bij de aanvrager is "verblijfsstatus" <status>
      Als de schuldhulp wordt beoordeeld
      Dan is de uitkomst "toegekend"
      En is grond "wgs.rechtmatig_verblijf" voldaan

      Voorbeelden:
        | status              |
        | eu_burger           |
        | verblijfsvergunning |

    Scenario: Zonder rechtmatig verblijf geen schuldhulp
      Gegeven een inwoner van "alkmaar" vraagt op "2026-03-02" om schuldhulp
      En bij de aanvrager is "verblijfsstatus" geen
      Als de schuldhulp wordt beoordeeld
      Dan is de uitkomst "afgewezen"
      En is alleen grond "wgs.rechtmatig_verblijf" niet voldaan
      En verwijst grond "wgs.rechtmatig_verblijf" naar artikel "3 lid 4"
      En verwijzen alle gronden naar de "Wet gemeentelijke schuldhulpverlening"

    Scenario: Wie in een andere gemeente woont, krijgt hier geen schuldhulp
      Gegeven een inwoner van "alkmaar" vraagt op "2026-03-02" om schuldhulp
      En bij de aanvrager is "woonplaats" heiloo
      Als de schuldhulp wordt beoordeeld
      Dan is de uitkomst "afgewezen"
      En is alleen grond "wgs.woonplaats" niet voldaan
      En noemt grond "wgs.woonplaats" "heiloo"
      En verwijst grond "wgs.woonplaats" naar artikel "2 lid 1"
      En verwijzen alle gronden naar de "Wet gemeentelijke schuldhulpverlening"

  Regel: Standaard weigert geen enkele gemeente op recidive of fraude

    Abstract Scenario: <gemeente> weigert niet om eerdere schuldhulp of een fraudevordering
      # Eerdere schuldhulp eindigde 1 jaar voor de hulpvraag (2-3-2025 → 2-3-2026).
      Gegeven een inwoner van "<gemeente>" vraagt op "2026-03-02" om schuldhulp
      En de eerdere schuldhulp eindigde op "2025-03-02"
      En de aanvrager heeft een onherroepelijke fraudevordering
      Als de schuldhulp wordt beoordeeld
      Dan is de uitkomst "toegekend"
      En is grond "wgs.recidive" voldaan
      En is grond "wgs.fraude" voldaan
      En noemt grond "wgs.recidive" "0 jaar"
      En verwijzen alle gronden naar de "Wet gemeentelijke schuldhulpverlening"

      Voorbeelden:
        | gemeente      |
        | alkmaar       |
        | bergen        |
        | castricum     |
        | dijk-en-waard |
        | heiloo        |
        | uitgeest      |

  Regel: Een gemeente die weigert bij recidive, weigert alleen binnen haar eigen termijn

    Abstract Scenario: <gemeente> weigert bij eerdere schuldhulp binnen 5 jaar; die eindigde op <eindigde_op>
      Gegeven een inwoner van "<gemeente>" vraagt op "2026-03-02" om schuldhulp
      En gemeente "<gemeente>" weigert schuldhulp als eerdere schuldhulp minder dan 5 jaar voor de hulpvraag eindigde
      En de eerdere schuldhulp eindigde op "<eindigde_op>"
      Als de schuldhulp wordt beoordeeld
      Dan is de uitkomst "<uitkomst>"
      En is grond "wgs.recidive" <oordeel>
      En verwijst grond "wgs.recidive" naar artikel "3 lid 2"
      En verwijzen alle gronden naar de "Wet gemeentelijke schuldhulpverlening"

      Voorbeelden: 4 jaar: weigeren
        | gemeente      | eindigde_op | uitkomst  | oordeel      |
        | alkmaar       | 2022-03-02  | afgewezen | niet voldaan |
        | castricum     | 2022-03-02  | afgewezen | niet voldaan |
        | dijk-en-waard | 2022-03-02  | afgewezen | niet voldaan |
        | heiloo        | 2022-03-02  | afgewezen | niet voldaan |
        | uitgeest      | 2022-03-02  | afgewezen | niet voldaan |

      Voorbeelden: de grens: één dag voor precies 5 jaar, precies 5 jaar, langer
        | gemeente | eindigde_op | uitkomst  | oordeel      |
        | alkmaar  | 2021-03-03  | afgewezen | niet voldaan |
        | alkmaar  | 2021-03-02  | toegekend | voldaan      |
        | alkmaar  | 2019-06-30  | toegekend | voldaan      |

    Scenario: De weigering op recidive is de enige reden en noemt de jaren
      Gegeven een inwoner van "alkmaar" vraagt op "2026-03-02" om schuldhulp
      En gemeente "alkmaar" weigert schuldhulp als eerdere schuldhulp minder dan 5 jaar voor de hulpvraag eindigde
      En de eerdere schuldhulp eindigde op "2022-03-02"
      Als de schuldhulp wordt beoordeeld
      Dan is de uitkomst "afgewezen"
      En is alleen grond "wgs.recidive" niet voldaan
      En noemt grond "wgs.recidive" "eindigde 4 jaar voor uw hulpvraag"
      En noemt grond "wgs.recidive" "minder dan 5 jaar"

    Scenario: Zonder eerdere schuldhulp weigert ook een strenge gemeente niet
      Gegeven een inwoner van "alkmaar" vraagt op "2026-03-02" om schuldhulp
      En gemeente "alkmaar" weigert schuldhulp als eerdere schuldhulp minder dan 5 jaar voor de hulpvraag eindigde
      Als de schuldhulp wordt beoordeeld
      Dan is de uitkomst "toegekend"
      En is grond "wgs.recidive" voldaan
      En is er een aanname over "schuldhulp.eerdere_schuldhulp_beeindigd_op"

    Scenario: De keuze van de ene gemeente geldt niet in de andere
      Gegeven een inwoner van "alkmaar" vraagt op "2026-03-02" om schuldhulp
      En gemeente "heiloo" weigert schuldhulp als eerdere schuldhulp minder dan 5 jaar voor de hulpvraag eindigde
      En de eerdere schuldhulp eindigde op "2025-03-02"
      Als de schuldhulp wordt beoordeeld
      Dan is de uitkomst "toegekend"
      En is grond "wgs.recidive" voldaan

    Scenario: Bergen weigert niet om recidive, ook niet als de buurgemeenten dat wel doen
      # Eerdere schuldhulp eindigde 2 maanden voor de hulpvraag (2-1-2026 → 2-3-2026).
      Gegeven een inwoner van "bergen" vraagt op "2026-03-02" om schuldhulp
      En gemeente "alkmaar" weigert schuldhulp als eerdere schuldhulp minder dan 5 jaar voor de hulpvraag eindigde
      En gemeente "heiloo" weigert schuldhulp als eerdere schuldhulp minder dan 5 jaar voor de hulpvraag eindigde
      En de eerdere schuldhulp eindigde op "2026-01-02"
      Als de schuldhulp wordt beoordeeld
      Dan is de uitkomst "toegekend"
      En is grond "wgs.recidive" voldaan
      En noemt grond "wgs.recidive" "0 jaar"

  Regel: Een gemeente die weigert bij fraude, weigert alleen bij een onherroepelijke vordering

    Abstract Scenario: <gemeente> weigert bij een onherroepelijke fraudevordering
      Gegeven een inwoner van "<gemeente>" vraagt op "2026-03-02" om schuldhulp
      En gemeente "<gemeente>" weigert schuldhulp bij een onherroepelijke fraudevordering
      En de aanvrager heeft een onherroepelijke fraudevordering
      Als de schuldhulp wordt beoordeeld
      Dan is de uitkomst "afgewezen"
      En is alleen grond "wgs.fraude" niet voldaan
      En verwijst grond "wgs.fraude" naar artikel "3 lid 3"
      En verwijzen alle gronden naar de "Wet gemeentelijke schuldhulpverlening"

      Voorbeelden:
        | gemeente      |
        | alkmaar       |
        | bergen        |
        | castricum     |
        | dijk-en-waard |
        | heiloo        |
        | uitgeest      |

    Scenario: Geen onherroepelijke fraudevordering: geen weigering
      Gegeven een inwoner van "castricum" vraagt op "2026-03-02" om schuldhulp
      En gemeente "castricum" weigert schuldhulp bij een onherroepelijke fraudevordering
      En de aanvrager heeft geen onherroepelijke fraudevordering
      Als de schuldhulp wordt beoordeeld
      Dan is de uitkomst "toegekend"
      En is grond "wgs.fraude" voldaan
      En is er geen aanname over "schuldhulp.fraudevordering_onherroepelijk"

    Scenario: Over een fraudevordering is niets opgegeven: aangenomen dat er geen is
      Gegeven een inwoner van "castricum" vraagt op "2026-03-02" om schuldhulp
      En gemeente "castricum" weigert schuldhulp bij een onherroepelijke fraudevordering
      Als de schuldhulp wordt beoordeeld
      Dan is de uitkomst "toegekend"
      En is grond "wgs.fraude" voldaan
      En is er een aanname over "schuldhulp.fraudevordering_onherroepelijk"

    Scenario: De fraudegrond van de ene gemeente geldt niet in de andere
      Gegeven een inwoner van "uitgeest" vraagt op "2026-03-02" om schuldhulp
      En gemeente "castricum" weigert schuldhulp bij een onherroepelijke fraudevordering
      En de aanvrager heeft een onherroepelijke fraudevordering
      Als de schuldhulp wordt beoordeeld
      Dan is de uitkomst "toegekend"

  Regel: Zonder de nodige gegevens geen besluit

    Scenario: De datum van de hulpvraag ontbreekt
      Gegeven een inwoner van "alkmaar" vraagt op "2026-03-02" om schuldhulp
      En er dreigt "woningontruiming"
      En de datum van de hulpvraag is onbekend
      Als de schuldhulp wordt beoordeeld
      Dan is de uitkomst "onvoldoende_gegevens"
      En ontbreekt het gegeven "schuldhulp.hulpvraag_datum"
      En zijn er geen termijnen

    Scenario: Alleen de datum van de hulpvraag wordt als ontbrekend gegeven genoemd
      # ontbrekende_gegevens noemt velden van de casus (DESIGN §4); de termijn
      # "eerste_gesprek_uiterlijk" is een uitkomst, geen gegeven.
      Gegeven een inwoner van "alkmaar" vraagt op "2026-03-02" om schuldhulp
      En de datum van de hulpvraag is onbekend
      Als de schuldhulp wordt beoordeeld
      Dan is de uitkomst "onvoldoende_gegevens"
      En ontbreekt alleen het gegeven "schuldhulp.hulpvraag_datum"

    Scenario: De woonplaats ontbreekt
      Gegeven een inwoner van "alkmaar" vraagt op "2026-03-02" om schuldhulp
      En de woonplaats van de aanvrager is onbekend
      Als de schuldhulp wordt beoordeeld
      Dan is de uitkomst "onvoldoende_gegevens"
      En ontbreekt het gegeven "aanvrager.woonplaats"

    Scenario: De verblijfsstatus ontbreekt
      Gegeven een inwoner van "alkmaar" vraagt op "2026-03-02" om schuldhulp
      En de verblijfsstatus van de aanvrager is onbekend
      Als de schuldhulp wordt beoordeeld
      Dan is de uitkomst "onvoldoende_gegevens"
      En ontbreekt het gegeven "aanvrager.verblijfsstatus"

  Regel: Over schuldhulp wordt alleen beslist als erom gevraagd is

    Scenario: Zonder hulpvraag om schuldhulp geen besluit over schuldhulp
      Gegeven een aanvraag in gemeente "alkmaar" op peildatum "2026-03-02"
      En een aanvrager geboren op "1990-05-01" die woont in "alkmaar"
      Als alle regelingen worden beoordeeld
      Dan is er geen besluit over "schuldhulpverlening"

    Scenario: Met een hulpvraag om schuldhulp beslist de gemeente ook daarover
      Gegeven een aanvraag in gemeente "alkmaar" op peildatum "2026-03-02"
      En een aanvrager geboren op "1990-05-01" die woont in "alkmaar"
      En de aanvrager vraagt op "2026-03-02" om schuldhulp
      Als alle regelingen worden beoordeeld
      Dan is er een besluit over "schuldhulpverlening"
      En is de uitkomst "toegekend"
      En moet het eerste gesprek uiterlijk op "2026-03-30" plaatsvinden

# language: nl
Functionaliteit: Ingangsdatum (art. 44), EU-burgers (art. 11) en bijstand als lening (art. 50)
  Als consulent
  wil ik dat het besluit de ingangsdatum noemt, een EU-burger zonder werk in zijn eerste
  maanden geen bijstand geeft en bij overwaarde in de eigen woning een lening verstrekt,
  zodat het besluit volgens de wet kan worden verstuurd.

  Art. 44 lid 1 Pw: de bijstand gaat in op de dag van de melding (aanvraag.melddatum).
  Art. 41 lid 4 en 44 lid 2: wie jonger is dan 27 doet de aanvraag pas vier weken na de
  melding; de bijstand gaat dan in vier weken na de melding (een kalenderdatum, die niet
  doorschuift). Art. 44 lid 5 (sinds 1-1-2026): terugwerkende kracht is mogelijk: een
  signalering. Art. 11 lid 2 Pw met art. 8 onder e Vw 2000: een EU-burger die niet
  economisch actief is, heeft de eerste drie maanden geen recht. Art. 34 lid 2 onder d en
  art. 50 lid 2: vermogen in de eigen woning boven € 67.500 (2026) maakt de bijstand een
  lening, als de bijstand over een jaar meer is dan het netto minimumloon.

  Regel: De bijstand gaat in op de melddatum, voor wie jonger is dan 27 na de zoektermijn

    Scenario: Een aanvrager van 36 meldt zich op 2 februari 2026
      Gegeven een aanvraag in gemeente "alkmaar" op peildatum "2026-03-01"
      En een aanvrager geboren op "1990-01-01" die woont in "alkmaar"
      En de melding is gedaan op "2026-02-02"
      Als algemene bijstand wordt beoordeeld
      Dan is de uitkomst "toegekend"
      En is de ingangsdatum "2026-02-02"
      En verwijst grond "pw.ingangsdatum" naar artikel "44 lid 1"
      En noemt grond "pw.ingangsdatum" "2 februari 2026"
      En is er een waarschuwing met "terugwerkende kracht"

    Scenario: Een aanvrager van 25 krijgt bijstand na de zoektermijn van vier weken
      # 2 februari 2026 + 4 weken = 2 maart 2026 (een maandag; de ingangsdatum schuift niet)
      Gegeven een aanvraag in gemeente "alkmaar" op peildatum "2026-03-01"
      En een aanvrager geboren op "2001-01-01" die woont in "alkmaar"
      En de melding is gedaan op "2026-02-02"
      Als algemene bijstand wordt beoordeeld
      Dan is de ingangsdatum "2026-03-02"
      En verwijst grond "pw.ingangsdatum_zoektermijn" naar artikel "41 lid 4 en 44 lid 2"
      En noemt grond "pw.ingangsdatum_zoektermijn" "op 2 maart 2026"

    Scenario: Een zoektermijn die op zaterdag eindigt, schuift niet door
      # zaterdag 7 februari 2026 + 4 weken = zaterdag 7 maart 2026
      Gegeven een aanvraag in gemeente "heiloo" op peildatum "2026-03-01"
      En een aanvrager geboren op "2001-01-01" die woont in "heiloo"
      En de melding is gedaan op "2026-02-07"
      Als algemene bijstand wordt beoordeeld
      Dan is de ingangsdatum "2026-03-07"

    Scenario: In 2025 geen signalering over terugwerkende kracht
      Gegeven een aanvraag in gemeente "alkmaar" op peildatum "2025-09-01"
      En een aanvrager geboren op "1990-01-01" die woont in "alkmaar"
      En de melding is gedaan op "2025-08-04"
      Als algemene bijstand wordt beoordeeld
      Dan is de ingangsdatum "2025-08-04"
      En is er geen waarschuwing met "terugwerkende kracht"

    Scenario: Zonder melddatum geen ingangsdatum, en niets ontbreekt
      Gegeven een aanvraag in gemeente "alkmaar" op peildatum "2026-03-01"
      En een aanvrager geboren op "1990-01-01" die woont in "alkmaar"
      Als algemene bijstand wordt beoordeeld
      Dan is de uitkomst "toegekend"
      En is er geen ingangsdatum

    Scenario: Na een afwijzing geen ingangsdatum
      Gegeven een aanvraag in gemeente "alkmaar" op peildatum "2026-03-01"
      En een aanvrager geboren op "1990-01-01" die woont in "alkmaar"
      En de melding is gedaan op "2026-02-02"
      En vermogen met bezittingen 20.000 en schulden 0
      Als algemene bijstand wordt beoordeeld
      Dan is de uitkomst "afgewezen"
      En is er geen ingangsdatum

  Regel: Een EU-burger zonder werk heeft de eerste drie maanden geen recht

    Abstract Scenario: EU-burger sinds <sinds>, economisch actief: <actief>
      Gegeven een aanvraag in gemeente "castricum" op peildatum "2026-03-01"
      En een aanvrager geboren op "1990-01-01" die woont in "castricum"
      En bij de aanvrager is "verblijfsstatus" eu_burger
      En bij de aanvrager is "in_nederland_sinds" "<sinds>"
      En bij de aanvrager is "economisch_actief" <actief>
      Als algemene bijstand wordt beoordeeld
      Dan is grond "pw.eu_eerste_maanden" <oordeel>

      Voorbeelden:
        | sinds      | actief | oordeel      |
        # 15-1-2026 tot 1-3-2026: 1 hele maand < 3
        | 2026-01-15 | false  | niet voldaan |
        # 1-12-2025 tot 1-3-2026: precies 3 maanden
        | 2025-12-01 | false  | voldaan      |
        # 2-12-2025: 2 hele maanden < 3
        | 2025-12-02 | false  | niet voldaan |
        | 2026-01-15 | true   | voldaan      |

    Scenario: Een Nederlander hoeft niets over zijn aankomst op te geven
      Gegeven een aanvraag in gemeente "castricum" op peildatum "2026-03-01"
      En een aanvrager geboren op "1990-01-01" die woont in "castricum"
      Als algemene bijstand wordt beoordeeld
      Dan is grond "pw.eu_eerste_maanden" voldaan
      En ontbreken er geen gegevens

    Scenario: Een EU-burger die niet zegt of hij werkt: dat gegeven ontbreekt
      Gegeven een aanvraag in gemeente "castricum" op peildatum "2026-03-01"
      En een aanvrager geboren op "1990-01-01" die woont in "castricum"
      En bij de aanvrager is "verblijfsstatus" eu_burger
      Als algemene bijstand wordt beoordeeld
      Dan is de uitkomst "onvoldoende_gegevens"
      En ontbreekt het gegeven "aanvrager.economisch_actief"

  Regel: Vermogen in de eigen woning boven de grens maakt de bijstand een lening

    Abstract Scenario: Overwaarde <overwaarde> in 2026
      # Grens art. 34 lid 2 onder d: 67.500; bijstand 1.401,50 × 12 = 16.818 > netto minimumloon
      Gegeven een aanvraag in gemeente "alkmaar" op peildatum "2026-03-01"
      En een aanvrager geboren op "1990-01-01" die woont in "alkmaar"
      En in de casus ook:
        """
        vermogen: {bezittingen: 0, overwaarde_eigen_woning: <overwaarde>}
        """
      Als algemene bijstand wordt beoordeeld
      Dan is de uitkomst "toegekend"
      En is het bedrag 1.401,50 per maand
      En is de vorm "<vorm>"
      En verwijst grond "pw.vorm" naar artikel "48 lid 1 en 50 lid 2"

      Voorbeelden:
        | overwaarde | vorm    |
        | 67500      | om_niet |
        | 67500.01   | lening  |
        | 100000     | lening  |

    Scenario: In 2025 is de grens 65.500
      Gegeven een aanvraag in gemeente "alkmaar" op peildatum "2025-09-01"
      En een aanvrager geboren op "1990-01-01" die woont in "alkmaar"
      En in de casus ook:
        """
        vermogen: {bezittingen: 0, overwaarde_eigen_woning: 66000}
        """
      Als algemene bijstand wordt beoordeeld
      Dan is de vorm "lening"

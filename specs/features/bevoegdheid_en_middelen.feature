# language: nl
Functionaliteit: Wie beslist (art. 47a), welke middelen tellen (art. 31–32) en waarvoor is aangevraagd
  Als consulent
  wil ik dat de engine een aanvraag van iemand met de AOW-leeftijd doorstuurt naar de SVB,
  alimentatie en giften volgens de wet meetelt en alleen beslist over wat is aangevraagd,
  zodat het besluit klopt en de burger geen afwijzingen krijgt voor wat hij niet vroeg.

  Art. 47a lid 1 Pw: de SVB verleent algemene bijstand (aanvullende inkomensvoorziening
  ouderen) aan een alleenstaande die de AOW-leeftijd heeft bereikt en aan gehuwden van wie
  één of beiden die leeftijd hebben bereikt; de aanvraag hoort bij de SVB (art. 47d lid 2)
  en het college zendt haar door (art. 2:3 Awb). AOW-leeftijd 67 jaar in 2024–2027.
  Bijzondere bijstand en de minimaregelingen blijven bij de gemeente.
  Art. 32 lid 1 onder a: partner- en kinderalimentatie tellen allebei mee als inkomen.
  Art. 31 lid 2 onder m (sinds 1-1-2026): giften tot € 1.200 per kalenderjaar tellen niet
  mee; per maand opgegeven telt wat boven € 1.200 / 12 = € 100,00 uitkomt. Vóór 2026
  beoordeelt het college de giften (een signalering); de engine telt ze dan mee.
  Normen: alleenstaande 21+ 1.401,50 (2026), 1.369,06 (1-7-2025); alleenstaande met de
  AOW-leeftijd 1.564,69 (2026); gehuwden van wie één de AOW-leeftijd heeft 2.144,16 (2026).

  Regel: Heeft de aanvrager of de partner de AOW-leeftijd, dan beslist de SVB

    Scenario: Een alleenstaande van 68 die in Alkmaar aanvraagt, wordt doorverwezen naar de SVB
      # Geboren 1958-01-01: 68 jaar op 2026-03-01 ≥ 67.
      Gegeven een aanvraag in gemeente "alkmaar" op peildatum "2026-03-01"
      En een aanvrager geboren op "1958-01-01" die woont in "alkmaar"
      En de aanvraag is voor "algemene_bijstand"
      Als alle regelingen worden beoordeeld
      Dan is er een besluit over "algemene_bijstand"
      En is de uitkomst "doorverwezen"
      En is het besluit doorverwezen naar "SVB"
      En is grond "pw.bevoegdheid" niet voldaan
      En verwijst grond "pw.bevoegdheid" naar artikel "47a lid 1"
      En noemt grond "pw.bevoegdheid" "Wij sturen uw aanvraag door naar de SVB"
      En is de norm 1.564,69 per maand
      En is er geen bedrag per maand

    Scenario: Ook zonder aanvraagblok wordt de alleenstaande van 68 doorverwezen
      Gegeven een aanvraag in gemeente "alkmaar" op peildatum "2026-03-01"
      En een aanvrager geboren op "1958-01-01" die woont in "alkmaar"
      Als algemene bijstand wordt beoordeeld
      Dan is de uitkomst "doorverwezen"
      En is het besluit doorverwezen naar "SVB"

    Scenario: Gehuwden van wie alleen de partner de AOW-leeftijd heeft, worden doorverwezen
      # Aanvrager 60, partner 68: art. 47a lid 1 onder b; norm art. 22: 2.144,16.
      Gegeven een aanvraag in gemeente "heiloo" op peildatum "2026-03-01"
      En een aanvrager geboren op "1966-01-01" die woont in "heiloo"
      En een partner geboren op "1958-01-01"
      Als algemene bijstand wordt beoordeeld
      Dan is de uitkomst "doorverwezen"
      En is het besluit doorverwezen naar "SVB"
      En is de norm 2.144,16 per maand

    Scenario: Wie 66 is, krijgt het besluit van de gemeente
      # Geboren 1960-01-01: 66 jaar op 2026-03-01 < 67.
      Gegeven een aanvraag in gemeente "alkmaar" op peildatum "2026-03-01"
      En een aanvrager geboren op "1960-01-01" die woont in "alkmaar"
      Als algemene bijstand wordt beoordeeld
      Dan is de uitkomst "toegekend"
      En is grond "pw.bevoegdheid" voldaan
      En is het bedrag 1.401,50 per maand

    Scenario: Bijzondere bijstand voor iemand met de AOW-leeftijd blijft bij de gemeente
      # Norm AOW 1.564,69; geen inkomen, geen vermogen → draagkracht 0;
      # 500,00 − drempel 176,00 = 324,00
      Gegeven een aanvraag in gemeente "alkmaar" op peildatum "2026-03-01"
      En een aanvrager geboren op "1958-01-01" die woont in "alkmaar"
      En kosten voor "wasmachine" van 500,00 op "2026-02-01"
      Als de regeling "bijzondere_bijstand" wordt beoordeeld
      Dan is de uitkomst "toegekend"
      En is het bedrag 324,00 eenmalig

  Regel: Partner- en kinderalimentatie tellen allebei mee, elk bij naam genoemd

    Scenario: Een alleenstaande ouder met 250 euro kinderalimentatie
      # 1.401,50 − 250,00 = 1.151,50
      Gegeven een aanvraag in gemeente "alkmaar" op peildatum "2026-03-01"
      En een aanvrager geboren op "1990-05-01" die woont in "alkmaar"
      En een kind geboren op "2018-04-01"
      En inkomsten van de aanvrager uit "kinderalimentatie" van 250,00 per maand
      Als algemene bijstand wordt beoordeeld
      Dan is de uitkomst "toegekend"
      En is het bedrag 1.151,50 per maand
      En noemt grond "pw.inkomsten" "Kinderalimentatie van € 250,00 per maand telt mee als inkomen"
      En verwijst grond "pw.inkomsten" naar artikel "31 en 32"
      En is er geen grond "pw.inkomsten" met "Partneralimentatie"

    Scenario: Partneralimentatie telt mee en heet ook zo
      # 1.401,50 − 300,00 = 1.101,50
      Gegeven een aanvraag in gemeente "bergen" op peildatum "2026-03-01"
      En een aanvrager geboren op "1980-05-01" die woont in "bergen"
      En inkomsten van de aanvrager uit "partneralimentatie" van 300,00 per maand
      Als algemene bijstand wordt beoordeeld
      Dan is het bedrag 1.101,50 per maand
      En noemt grond "pw.inkomsten" "Partneralimentatie van € 300,00 per maand"
      En is er geen grond "pw.inkomsten" met "Kinderalimentatie"

  Regel: Giften tot 1.200 euro per kalenderjaar tellen sinds 2026 niet mee

    Scenario: Giften van 50 euro per maand in 2026 tellen niet mee
      # 50,00 ≤ 1.200,00 / 12 = 100,00 → niets telt mee; bijstand 1.401,50
      Gegeven een aanvraag in gemeente "castricum" op peildatum "2026-03-01"
      En een aanvrager geboren op "1980-05-01" die woont in "castricum"
      En inkomsten van de aanvrager uit "giften" van 50,00 per maand
      Als algemene bijstand wordt beoordeeld
      Dan is het bedrag 1.401,50 per maand
      En noemt grond "pw.inkomsten" "Giften tot € 1.200,00 per kalenderjaar tellen niet mee"
      En zijn er geen waarschuwingen

    Scenario: Giften van 150 euro per maand in 2026: het deel boven de vrijlating telt
      # 150,00 − 100,00 = 50,00 telt mee; 1.401,50 − 50,00 = 1.351,50
      Gegeven een aanvraag in gemeente "castricum" op peildatum "2026-03-01"
      En een aanvrager geboren op "1980-05-01" die woont in "castricum"
      En inkomsten van de aanvrager uit "giften" van 150,00 per maand
      Als algemene bijstand wordt beoordeeld
      Dan is het bedrag 1.351,50 per maand
      En noemt grond "pw.inkomsten" "telt € 50,00 per maand mee"
      En is er een waarschuwing met "het college kan ook dat buiten beschouwing laten"

    Scenario: Vóór 2026 beoordeelt het college de giften
      # 1-7-2025: 1.369,06 − 50,00 = 1.319,06 (de giften tellen mee tot het college anders oordeelt)
      Gegeven een aanvraag in gemeente "castricum" op peildatum "2025-09-01"
      En een aanvrager geboren op "1980-05-01" die woont in "castricum"
      En inkomsten van de aanvrager uit "giften" van 50,00 per maand
      Als algemene bijstand wordt beoordeeld
      Dan is het bedrag 1.319,06 per maand
      En is er een waarschuwing met "het college beoordeelt of ze uit een oogpunt van bijstandsverlening verantwoord zijn"

  Regel: Met een aanvraagblok wordt alleen beslist over wat is aangevraagd

    Scenario: Alleen algemene bijstand aangevraagd in Alkmaar: de AlkmaarPas staat onder mogelijk recht
      # Geen inkomen: onder 120% van de norm, dus recht op de AlkmaarPas; geen besluit daarover.
      Gegeven een aanvraag in gemeente "alkmaar" op peildatum "2026-03-01"
      En een aanvrager geboren op "1990-05-01" die woont in "alkmaar"
      En de aanvraag is voor "algemene_bijstand"
      Als alle regelingen worden beoordeeld
      Dan zijn er 1 besluiten
      En is er een besluit over "algemene_bijstand"
      En is er geen besluit over "alkmaarpas"
      En staat "alkmaarpas" onder mogelijk recht

    Scenario: Zonder aanvraagblok krijgt elke regeling een besluit en is er geen mogelijk recht
      Gegeven een aanvraag in gemeente "alkmaar" op peildatum "2026-03-01"
      En een aanvrager geboren op "1990-05-01" die woont in "alkmaar"
      Als alle regelingen worden beoordeeld
      Dan is er een besluit over "alkmaarpas"
      En is er geen lijst mogelijk recht

    Scenario: Een onbekende regeling in de aanvraag is een fout met het veldpad
      Gegeven een aanvraag in gemeente "alkmaar" op peildatum "2026-03-01"
      En een aanvrager geboren op "1990-05-01" die woont in "alkmaar"
      En de aanvraag is voor "meedoenpas"
      Als alle regelingen worden beoordeeld
      Dan is de invoer onbruikbaar bij veld "aanvraag.regelingen[0]"

  Regel: De inkomstenvrijlatingen van art. 31 lid 2 onder n en r, als het college ze toepast

    # n: 25% van de inkomsten uit arbeid, ten hoogste € 285 (2026) / € 273 (1-1-2025) per
    # maand, zes maanden vanaf `sinds`. r: daarna voor een alleenstaande ouder met een kind
    # jonger dan 12 nog 30 maanden 12,5%, ten hoogste € 177,66 (2026). Lid 5: niet onder 27.
    # De bijstand is de norm min de middelen (meetellend inkomen min de vrijlating).

    Scenario: Werk sinds januari 2026 met vrijlating: 25% telt niet mee
      # 25% × 800,00 = 200,00 ≤ 285,00; middelen 600,00; 1.401,50 − 600,00 = 801,50
      Gegeven een aanvraag in gemeente "alkmaar" op peildatum "2026-03-01"
      En een aanvrager geboren op "1990-01-01" die woont in "alkmaar"
      En in de casus ook:
        """
        inkomsten:
          - {persoon: aanvrager, soort: arbeid, netto_per_maand: 800, sinds: "2026-01-01", vrijlating: true}
        """
      Als algemene bijstand wordt beoordeeld
      Dan is het bedrag 801,50 per maand
      En noemt grond "pw.inkomstenvrijlating[0]" "€ 200,00 per maand (art. 31 lid 2 onder n), tot 1 juli 2026"
      En noemt grond "pw.middelen" "Uw meetellende inkomen is € 600,00 per maand"

    Scenario: Zonder oordeel van het college geen vrijlating
      # 1.401,50 − 800,00 = 601,50
      Gegeven een aanvraag in gemeente "alkmaar" op peildatum "2026-03-01"
      En een aanvrager geboren op "1990-01-01" die woont in "alkmaar"
      En in de casus ook:
        """
        inkomsten:
          - {persoon: aanvrager, soort: arbeid, netto_per_maand: 800, sinds: "2026-01-01"}
        """
      Als algemene bijstand wordt beoordeeld
      Dan is het bedrag 601,50 per maand
      En heeft het besluit geen grond "pw.inkomstenvrijlating[0]"

    Scenario: Wie jonger is dan 27 krijgt geen vrijlating (lid 5)
      # 25 jaar: 1.401,50 − 800,00 = 601,50
      Gegeven een aanvraag in gemeente "alkmaar" op peildatum "2026-03-01"
      En een aanvrager geboren op "2001-01-01" die woont in "alkmaar"
      En in de casus ook:
        """
        inkomsten:
          - {persoon: aanvrager, soort: arbeid, netto_per_maand: 800, sinds: "2026-01-01", vrijlating: true}
        """
      Als algemene bijstand wordt beoordeeld
      Dan is het bedrag 601,50 per maand

    Abstract Scenario: Het maximum van onderdeel n op <peildatum>
      # 25% × 1.200,00 = 300,00 > maximum <max>; middelen 1.200,00 − <max> = <middelen>;
      # bijstand <norm> − <middelen> = <bijstand>
      Gegeven een aanvraag in gemeente "heiloo" op peildatum "<peildatum>"
      En een aanvrager geboren op "1990-01-01" die woont in "heiloo"
      En in de casus ook:
        """
        inkomsten:
          - {persoon: aanvrager, soort: arbeid, netto_per_maand: 1200, sinds: "<sinds>", vrijlating: true}
        """
      Als algemene bijstand wordt beoordeeld
      Dan is het bedrag <bijstand> per maand

      Voorbeelden:
        | peildatum  | sinds      | max    | norm     | middelen | bijstand |
        | 2026-03-01 | 2026-01-01 | 285,00 | 1.401,50 | 915,00   | 486,50   |
        | 2025-03-01 | 2025-01-01 | 273,00 | 1.345,45 | 927,00   | 418,45   |

    Scenario: Een alleenstaande ouder na de zes maanden: 12,5% (onderdeel r)
      # sinds 1-6-2025: n tot 1-12-2025; r tot 1-6-2028. 12,5% × 800,00 = 100,00 ≤ 177,66;
      # middelen 700,00; 1.401,50 − 700,00 = 701,50
      Gegeven een aanvraag in gemeente "alkmaar" op peildatum "2026-03-01"
      En een aanvrager geboren op "1990-01-01" die woont in "alkmaar"
      En een kind geboren op "2020-01-01"
      En in de casus ook:
        """
        inkomsten:
          - {persoon: aanvrager, soort: arbeid, netto_per_maand: 800, sinds: "2025-06-01", vrijlating: true}
        """
      Als algemene bijstand wordt beoordeeld
      Dan is het bedrag 701,50 per maand
      En noemt grond "pw.inkomstenvrijlating[0]" "12,5%"
      En noemt grond "pw.inkomstenvrijlating[0]" "tot 1 juni 2028"

    Scenario: Zonder kind jonger dan 12 eindigt de vrijlating na zes maanden
      # 1.401,50 − 800,00 = 601,50
      Gegeven een aanvraag in gemeente "alkmaar" op peildatum "2026-03-01"
      En een aanvrager geboren op "1990-01-01" die woont in "alkmaar"
      En in de casus ook:
        """
        inkomsten:
          - {persoon: aanvrager, soort: arbeid, netto_per_maand: 800, sinds: "2025-06-01", vrijlating: true}
        """
      Als algemene bijstand wordt beoordeeld
      Dan is het bedrag 601,50 per maand

    Scenario: Een vrijlating zonder begindatum: die ontbreekt
      Gegeven een aanvraag in gemeente "alkmaar" op peildatum "2026-03-01"
      En een aanvrager geboren op "1990-01-01" die woont in "alkmaar"
      En in de casus ook:
        """
        inkomsten:
          - {persoon: aanvrager, soort: arbeid, netto_per_maand: 800, vrijlating: true}
        """
      Als algemene bijstand wordt beoordeeld
      Dan is de uitkomst "onvoldoende_gegevens"
      En ontbreekt het gegeven "inkomsten[0].sinds"

# language: nl
Functionaliteit: Validatie van regels en overlays: een fout van de beleidsadviseur wijst naar bestand en regel
  Als beleidsadviseur
  wil ik dat een vergissing in een regelbestand of gemeente-overlay wordt gemeld met het bestand,
  het regelnummer en een Nederlandse uitleg,
  zodat ik de fout direct kan vinden en geen besluit op een verkeerde regel berust.

  Elk scenario werkt op een eigen kopie van rules/ en gemeenten/ en brengt daar één
  vergissing in aan. De verwachte regel is de regel in het gewijzigde bestand waarop de
  genoemde tekst staat (ingevoegde regels dragen daarvoor een herkenbaar commentaar).
  Tekst die "na de regel met …" wordt ingevoegd, krijgt de inspringing van de regel die erna
  komt; tekst die "aan de regelingen" wordt toegevoegd, wordt een nieuw element van de lijst
  regelingen; andere toegevoegde tekst komt onderaan het bestand, zonder inspringing.
  Een overlay mag open normen invullen, eigen parameters, feiten en regelingen toevoegen en
  een regionale regeling uitschakelen als het basispakket dat toestaat (DESIGN §6); landelijk
  recht wijzigen mag niet.

  Achtergrond:
    Gegeven een kopie van de regels en overlays van de regio

  Scenario: Een ongewijzigde kopie is geldig
    Als de regels worden gevalideerd
    Dan is de validatie geslaagd

  Scenario: Een tikfout in een sleutel van een pluspakketregeling
    Gegeven in "gemeenten/alkmaar.yaml" staat "tekts:" in plaats van de eerste "tekst:"
    Als de regels worden gevalideerd
    Dan meldt de validatie in "gemeenten/alkmaar.yaml" op de regel met "tekts:" een fout met "onbekende sleutel 'tekts'"

  Scenario: Een tikfout in een sleutel van een regionale regeling
    Gegeven in "rules/minima/individuele_inkomenstoeslag.yaml" staat "voorwaardes:" in plaats van de eerste "voorwaarden:"
    Als de regels worden gevalideerd
    Dan meldt de validatie in "rules/minima/individuele_inkomenstoeslag.yaml" op de regel met "voorwaardes:" een fout met "onbekende sleutel 'voorwaardes'"

  Scenario: Een dubbele sleutel
    Gegeven in "gemeenten/heiloo.yaml" wordt na de regel met "naam: Heiloo" ingevoegd:
      """
      naam: Gemeente Heiloo  # dubbele sleutel
      """
    Als de regels worden gevalideerd
    Dan meldt de validatie in "gemeenten/heiloo.yaml" op de regel met "# dubbele sleutel" een fout met "dubbel"

  Scenario: Een overlay die een landelijke bijstandsnorm wil wijzigen
    Gegeven in "gemeenten/heiloo.yaml" wordt na de regel met "open_normen:" ingevoegd:
      """
      pw.norm.alleenstaande: {grondslag: {regeling: "Minimabeleid Heiloo", artikel: "1"}, waarden: {2026-01-01: {waarde: 1500.00, status: aanname, bron: "eigen norm Heiloo"}}}  # landelijk recht
      """
    Als de regels worden gevalideerd
    Dan meldt de validatie in "gemeenten/heiloo.yaml" op de regel met "# landelijk recht" een fout met "landelijk recht"

  Scenario: Een overlay die de vermogensgrens van art. 34 Pw wil wijzigen
    Gegeven in "gemeenten/castricum.yaml" wordt na de regel met "open_normen:" ingevoegd:
      """
      pw.vermogensgrens: {grondslag: {regeling: "Minimabeleid Castricum", artikel: "3"}, waarden: {2026-01-01: {waarde: 10000, status: aanname, bron: "eigen grens"}}}  # vermogensgrens
      """
    Als de regels worden gevalideerd
    Dan meldt de validatie in "gemeenten/castricum.yaml" op de regel met "# vermogensgrens" een fout met "landelijk recht"

  Scenario: Een overlay die een parameter van het basispakket opnieuw definieert
    Gegeven aan "gemeenten/heiloo.yaml" wordt toegevoegd:
      """
      parameters:
        iit.bedrag: {beschrijving: "Eigen IIT-bedrag", eenheid: euro, grondslag: {regeling: "Minimabeleid Heiloo", artikel: "4"}, waarden: {2026-01-01: {waarde: 500, status: aanname, bron: "eigen bedrag"}}}  # basisparameter
      """
    Als de regels worden gevalideerd
    Dan meldt de validatie in "gemeenten/heiloo.yaml" op de regel met "# basisparameter" een fout met "bestaat al in het basispakket"

  Scenario: Een overlay die een regeling van het basispakket opnieuw definieert
    Gegeven aan de regelingen in "gemeenten/heiloo.yaml" wordt toegevoegd:
      """
      - id: individuele_inkomenstoeslag  # eigen IIT
        naam: Eigen inkomenstoeslag Heiloo
        pakket: plus
        geldig_vanaf: 2024-01-01
        grondslag: {regeling: "Minimabeleid Heiloo", artikel: "5", url: "https://www.heiloo.nl"}
        voorwaarden:
          - regel: eigen.woonplaats
            als: {feit: aanvrager.woonplaats, is: heiloo}
            bron: {regeling: "Minimabeleid Heiloo", artikel: "5", url: "https://www.heiloo.nl"}
            tekst:
              voldaan: "U woont in Heiloo."
              niet_voldaan: "U woont niet in Heiloo."
      """
    Als de regels worden gevalideerd
    Dan meldt de validatie in "gemeenten/heiloo.yaml" op de regel met "# eigen IIT" een fout met "bestaat al in het basispakket"

  Scenario: Twee versies van een pluspakketregeling met overlappende geldigheid
    # De eerste versie geldt vanaf 2024-01-01 zonder einddatum; de tweede vanaf 2025-01-01.
    Gegeven aan de regelingen in "gemeenten/heiloo.yaml" wordt toegevoegd:
      """
      - id: maatschappelijke_participatie  # versie 2025
        naam: Maatschappelijke participatie Heiloo 2025
        pakket: plus
        geldig_vanaf: 2025-01-01
        grondslag: {regeling: "Regeling maatschappelijke participatie Heiloo 2025", artikel: "1", url: "https://www.heiloo.nl"}
        voorwaarden:
          - regel: mp.woonplaats
            als: {feit: aanvrager.woonplaats, is: heiloo}
            bron: {regeling: "Regeling maatschappelijke participatie Heiloo 2025", artikel: "2", url: "https://www.heiloo.nl"}
            tekst:
              voldaan: "U woont in Heiloo."
              niet_voldaan: "U woont niet in Heiloo."
      """
    Als de regels worden gevalideerd
    Dan meldt de validatie in "gemeenten/heiloo.yaml" op de regel met "# versie 2025" een fout met "overlapt"

  Abstract Scenario: Twee versies die op elkaar aansluiten zijn geldig en gelden elk in hun eigen periode
    # versie 1: 2024-01-01 t/m 2024-12-31; versie 2: vanaf 2025-01-01
    Gegeven in "gemeenten/heiloo.yaml" wordt na de regel met "sjabloon: maatschappelijke_participatie" ingevoegd:
      """
      geldig_tot: 2024-12-31
      """
      En aan de regelingen in "gemeenten/heiloo.yaml" wordt toegevoegd:
      """
      - id: maatschappelijke_participatie  # versie 2025
        naam: Maatschappelijke participatie Heiloo 2025
        pakket: plus
        geldig_vanaf: 2025-01-01
        grondslag: {regeling: "Regeling maatschappelijke participatie Heiloo 2025", artikel: "1", url: "https://www.heiloo.nl"}
        inkomenstoets:
          percentage: minima.inkomensgrens_pct
          norm: met_kostendelersnorm
          vakantietoeslag: inclusief
          bron: {regeling: "Regeling maatschappelijke participatie Heiloo 2025", artikel: "3", url: "https://www.heiloo.nl"}
          status: aanname
        voorwaarden:
          - regel: mp.woonplaats
            als: {feit: aanvrager.woonplaats, is: heiloo}
            bron: {regeling: "Regeling maatschappelijke participatie Heiloo 2025", artikel: "2", url: "https://www.heiloo.nl"}
            tekst:
              voldaan: "U woont in Heiloo."
              niet_voldaan: "U woont niet in Heiloo."
          - regel: mp.inkomen
            als: {feit: inkomen.meetellend, hoogstens: {feit: inkomensgrens}}
            bron: {regeling: "Regeling maatschappelijke participatie Heiloo 2025", artikel: "3", url: "https://www.heiloo.nl"}
            tekst:
              voldaan: "Uw inkomen is niet hoger dan de inkomensgrens."
              niet_voldaan: "Uw inkomen is hoger dan de inkomensgrens."
      """
    Als de regels worden gevalideerd
    Dan is de validatie geslaagd
    Gegeven een aanvraag in gemeente "heiloo" op peildatum "<peildatum>"
    En een aanvrager geboren op "1990-05-01" die woont in "heiloo"
    Als de regeling "maatschappelijke_participatie" wordt beoordeeld
    Dan is de uitkomst "toegekend"
    En heet het besluit "<naam>"

    Voorbeelden:
      | peildatum  | naam                                      |
      | 2024-12-31 | Maatschappelijke participatie Heiloo      |
      | 2025-01-01 | Maatschappelijke participatie Heiloo 2025 |

  # Een regeling waarbij in de hele sessie geen enkele regel vuurt (alle voorwaarden vervuld,
  # geen inkomenstoets): regressie voor een crash in durable-rules bij het opruimen.
  Scenario: Een nieuwe regeling met alleen een woonplaatsvoorwaarde wordt toegekend
    Gegeven aan de regelingen in "gemeenten/heiloo.yaml" wordt toegevoegd:
      """
      - id: zwemles_heiloo  # nieuwe regeling
        naam: Zwemles voor volwassenen Heiloo
        pakket: plus
        geldig_vanaf: 2024-01-01
        grondslag: {regeling: "Regeling zwemles Heiloo", artikel: "1", url: "https://www.heiloo.nl"}
        voorwaarden:
          - regel: zwemles.woonplaats
            als: {feit: aanvrager.woonplaats, is: heiloo}
            bron: {regeling: "Regeling zwemles Heiloo", artikel: "2", url: "https://www.heiloo.nl"}
            tekst:
              voldaan: "U woont in Heiloo."
              niet_voldaan: "U woont niet in Heiloo."
      """
    En een aanvraag in gemeente "heiloo" op peildatum "2026-03-01"
    En een aanvrager geboren op "1990-05-01" die woont in "heiloo"
    Als de regeling "zwemles_heiloo" wordt beoordeeld
    Dan is de uitkomst "toegekend"
    En hoort het besluit bij pakket "plus"
    En komt grond "zwemles.woonplaats" uit pakket "plus" in bestand "gemeenten/heiloo.yaml"

  # De melding wijst naar de sleutel met de tikfout, niet naar de regel van de waarde.
  Scenario: Een tikfout in de naam van een open norm
    Gegeven in "gemeenten/heiloo.yaml" staat "minima.inkomensgrenz_pct:" in plaats van de eerste "minima.inkomensgrens_pct:"
    Als de regels worden gevalideerd
    Dan meldt de validatie in "gemeenten/heiloo.yaml" op de regel met "inkomensgrenz" een fout met "geen open norm"

  Scenario: Een overlay die een norm invult die het basispakket niet als open norm kent
    Gegeven in "gemeenten/uitgeest.yaml" wordt na de regel met "open_normen:" ingevoegd:
      """
      iit.maximale_leeftijd: {grondslag: {regeling: "Minimabeleid Uitgeest", artikel: "2"}, waarden: {2024-01-01: {waarde: 65, status: aanname, bron: "eigen keuze"}}}  # onbekende norm
      """
    Als de regels worden gevalideerd
    Dan meldt de validatie in "gemeenten/uitgeest.yaml" op de regel met "# onbekende norm" een fout met "geen open norm"

  Scenario: Een regionale regeling die niet uitgeschakeld mag worden
    Gegeven aan "gemeenten/heiloo.yaml" wordt toegevoegd:
      """
      uitschakelen: [individuele_inkomenstoeslag]  # niet toegestaan
      """
    Als de regels worden gevalideerd
    Dan meldt de validatie in "gemeenten/heiloo.yaml" op de regel met "# niet toegestaan" een fout met "mag niet worden uitgeschakeld"

  Scenario: Het Jeugdfonds Sport & Cultuur mag een gemeente uitschakelen
    Gegeven aan "gemeenten/heiloo.yaml" wordt toegevoegd:
      """
      uitschakelen: [jeugdfonds_sport_cultuur]  # eigen kindregeling
      """
    Als de regels worden gevalideerd
    Dan is de validatie geslaagd
    Gegeven een aanvraag in gemeente "heiloo" op peildatum "2026-03-01"
    En een aanvrager geboren op "1985-05-01" die woont in "heiloo"
    En een kind geboren op "2016-04-01"
    Als alle regelingen worden beoordeeld
    Dan is er geen besluit over "jeugdfonds_sport_cultuur"
    En is er een besluit over "maatschappelijke_participatie"
    En is er een besluit over "collectieve_zorgverzekering"

  Scenario: Een uitgeschakelde regeling kan in die gemeente niet meer worden aangevraagd
    Gegeven aan "gemeenten/heiloo.yaml" wordt toegevoegd:
      """
      uitschakelen: [jeugdfonds_sport_cultuur]  # eigen kindregeling
      """
    En een aanvraag in gemeente "heiloo" op peildatum "2026-03-01"
    En een aanvrager geboren op "1985-05-01" die woont in "heiloo"
    En een kind geboren op "2016-04-01"
    Als de regeling "jeugdfonds_sport_cultuur" wordt beoordeeld
    Dan is de invoer onbruikbaar bij veld "regeling"

  Scenario: Een uitgeschakelde regeling blijft in de andere gemeenten gelden
    Gegeven aan "gemeenten/heiloo.yaml" wordt toegevoegd:
      """
      uitschakelen: [jeugdfonds_sport_cultuur]  # eigen kindregeling
      """
    En een aanvraag in gemeente "castricum" op peildatum "2026-03-01"
    En een aanvrager geboren op "1985-05-01" die woont in "castricum"
    En een kind geboren op "2016-04-01"
    Als de regeling "jeugdfonds_sport_cultuur" wordt beoordeeld
    Dan is de uitkomst "toegekend"

  Scenario: Alle fouten worden in één keer gemeld, elk in zijn eigen bestand
    Gegeven in "gemeenten/alkmaar.yaml" staat "tekts:" in plaats van de eerste "tekst:"
    En in "gemeenten/bergen.yaml" wordt na de regel met "naam: Bergen (NH)" ingevoegd:
      """
      naam: Bergen  # dubbele naam
      """
    Als de regels worden gevalideerd
    Dan meldt de validatie in "gemeenten/alkmaar.yaml" op de regel met "tekts:" een fout met "onbekende sleutel"
    En meldt de validatie in "gemeenten/bergen.yaml" op de regel met "# dubbele naam" een fout met "dubbel"

  Scenario: De opdrachtregel toont de fout als bestand:regel:kolom en eindigt met code 1
    Gegeven in "gemeenten/alkmaar.yaml" staat "tekts:" in plaats van de eerste "tekst:"
    Als "sora-rules validate" de kopie controleert
    Dan eindigt de controle met code 1
    En toont de controle in "gemeenten/alkmaar.yaml" op de regel met "tekts:" een fout met "onbekende sleutel"

  # Issue #8: elke waarde heeft een eenheid; wat de engine niet kan uitrekenen, meldt de
  # validatie al, met bestand en regel, en niet pas een beoordeling.

  Scenario: Een percentage met een procentteken is tekst, geen getal
    Gegeven in "gemeenten/heiloo.yaml" staat "{waarde: '130%', status: aanname" in plaats van de eerste "{waarde: 120, status: aanname"
    Als de regels worden gevalideerd
    Dan meldt de validatie in "gemeenten/heiloo.yaml" op de regel met "'130%'" een fout met "'130%' is geen geldig percentage: verwacht een getal, bijvoorbeeld 130"

  Scenario: Een inkomensgrens van 130% mag een gemeente kiezen
    Gegeven in "gemeenten/heiloo.yaml" staat "{waarde: 130, status: aanname" in plaats van de eerste "{waarde: 120, status: aanname"
    Als de regels worden gevalideerd
    Dan is de validatie geslaagd

  Scenario: Een negatief percentage
    Gegeven in "gemeenten/heiloo.yaml" staat "{waarde: -5, status: aanname" in plaats van de eerste "{waarde: 120, status: aanname"
    Als de regels worden gevalideerd
    Dan meldt de validatie in "gemeenten/heiloo.yaml" op de regel met "{waarde: -5" een fout met "mag niet negatief zijn"

  Scenario: Een bedrag met een komma in plaats van een punt
    Gegeven in "rules/participatiewet/grenzen.yaml" staat "alleenstaande: '8000,00'," in plaats van de eerste "alleenstaande: 8000,"
    Als de regels worden gevalideerd
    Dan meldt de validatie in "rules/participatiewet/grenzen.yaml" op de regel met "'8000,00'" een fout met "schrijf een getal met een punt"

  Scenario: Een AOW-leeftijd in maanden die geen datum meer oplevert
    Gegeven in "rules/participatiewet/grenzen.yaml" staat "{waarde: 99999," in plaats van de eerste "{waarde: 804,"
    Als de regels worden gevalideerd
    Dan meldt de validatie in "rules/participatiewet/grenzen.yaml" op de regel met "{waarde: 99999," een fout met "ten hoogste 1200"

  Scenario: Een leeftijdsgrens zonder waarde
    Gegeven in "rules/algemeen/feiten.yaml" staat "tot_leeftijd: null}" in plaats van de eerste "tot_leeftijd: 18}"
    Als de regels worden gevalideerd
    Dan meldt de validatie in "rules/algemeen/feiten.yaml" op de regel met "tot_leeftijd: null" een fout met "verkeerd type: verwacht een geheel getal"

  Scenario: Een onbekend feit wordt gemeld op de regel van de voorwaarde zelf
    Gegeven in "rules/participatiewet/algemene_bijstand.yaml" staat "{feit: aanvrager.leefdtijd, minder_dan: 27}" in plaats van de eerste "{feit: aanvrager.leeftijd, minder_dan: 27}"
    Als de regels worden gevalideerd
    Dan meldt de validatie in "rules/participatiewet/algemene_bijstand.yaml" op de regel met "aanvrager.leefdtijd" een fout met "onbekend feit 'aanvrager.leefdtijd'"

  Scenario: Een signalering zonder voorwaarde geldt altijd
    Gegeven in "rules/participatiewet/algemene_bijstand.yaml" staat "# zonder 'als' geldt de signalering altijd" in plaats van de eerste "als: {feit: aanvrager.leeftijd, minder_dan: 27}"
    Als de regels worden gevalideerd
    Dan is de validatie geslaagd

  Scenario: Een getal dat niet bestaat (.nan)
    Gegeven in "gemeenten/heiloo.yaml" staat "{waarde: .nan, status: aanname" in plaats van de eerste "{waarde: 120, status: aanname"
    Als "sora-rules validate" de kopie controleert
    Dan eindigt de controle met code 1
    En toont de controle in "gemeenten/heiloo.yaml" op de regel met "{waarde: .nan" een fout met "geen getal waarmee gerekend kan worden"

  Scenario: Twee normcategorieën die voor hetzelfde huishouden gelden
    Precies één normcategorie past bij een huishouden (art. 20–24 Pw). De validatie somt alle
    huishoudens op die een casus kan uitdrukken en noemt beide categorieën met een voorbeeld.
    Gegeven in "rules/participatiewet/normbepaling.yaml" wordt na de regel met "van 21 jaar of ouder en nog niet de AOW-leeftijd: de norm is" ingevoegd:
      """
      - id: alleenstaande_dubbel  # overlapt
        norm: pw.norm.alleenstaande
        als: {feit: partner.aanwezig, is: false}
        bron: {regeling: Participatiewet, artikel: "21 onder a"}
        tekst: "Dubbel."
      """
    Als "sora-rules validate" de kopie controleert
    Dan eindigt de controle met code 1
    En toont de controle in "rules/participatiewet/normbepaling.yaml" op de regel met "# overlapt" een fout met "normcategorie 'alleenstaande' en 'alleenstaande_dubbel' gelden allebei voor: aanvrager 21 jaar, aanvrager.in_inrichting nee, geen partner"

  Scenario: Een uitzondering op een onbekende normcategorie
    Gegeven in "rules/participatiewet/normbepaling.yaml" staat "uitzondering_op: [gehuwden_aow, gehuwd_aow]  # tikfout" in plaats van de eerste "uitzondering_op: [gehuwden_aow, gehuwden_aow_kinderen]"
    Als de regels worden gevalideerd
    Dan meldt de validatie in "rules/participatiewet/normbepaling.yaml" op de regel met "# tikfout" een fout met "onbekende categorie 'gehuwd_aow'"

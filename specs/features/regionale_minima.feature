# language: nl
Functionaliteit: Regionale minimaregelingen in alle zes gemeenten (basispakket Zaffier)
  Als beleidsadviseur van de regio
  wil ik dat de collectieve zorgverzekering en het Jeugdfonds Sport & Cultuur in elke gemeente
  hetzelfde worden beoordeeld, met de inkomensgrens die de gemeente als open norm invult,
  zodat het basispakket overal gelijk is.

  Bron: reference/beleidsfeiten.md §6 (zaffier.nl, privacyverklaring minimaregelingen).
  Inkomensgrens 120% van de voor het huishouden geldende bijstandsnorm (inclusief
  vakantietoeslag, afgerond op centen); elke gemeente vult die grens (minima.inkomensgrens_pct)
  in haar overlay in. Alleenstaande 1-1-2026: 1.401,50 × 1,20 = 1.681,80.
  Het Jeugdfonds Sport & Cultuur is voor huishoudens met kinderen onder 18 jaar.

  Abstract Scenario: De collectieve zorgverzekering tot 120% in <gemeente>
    Gegeven een aanvraag in gemeente "<gemeente>" op peildatum "2026-03-01"
    En een aanvrager geboren op "1990-05-01" die woont in "<gemeente>"
    En inkomsten van de aanvrager uit "arbeid" van 1.681,80 per maand
    Als alle regelingen worden beoordeeld
    Dan is er een besluit over "collectieve_zorgverzekering"
    En is de uitkomst "toegekend"
    En hoort het besluit bij pakket "basis"
    En is de inkomensgrens 1.681,80 per maand
    En komt grond "czv.inkomen" uit pakket "basis" in bestand "rules/minima/collectieve_zorgverzekering.yaml"
    En komt grond "collectieve_zorgverzekering.inkomensgrens" uit pakket "plus" in bestand "gemeenten/<gemeente>.yaml"

    Voorbeelden:
      | gemeente      |
      | alkmaar       |
      | bergen        |
      | castricum     |
      | dijk-en-waard |
      | heiloo        |
      | uitgeest      |

  Abstract Scenario: Boven 120% geen collectieve zorgverzekering in <gemeente>
    # 1.681,81 > 1.681,80
    Gegeven een aanvraag in gemeente "<gemeente>" op peildatum "2026-03-01"
    En een aanvrager geboren op "1990-05-01" die woont in "<gemeente>"
    En inkomsten van de aanvrager uit "arbeid" van 1.681,81 per maand
    Als de regeling "collectieve_zorgverzekering" wordt beoordeeld
    Dan is de uitkomst "afgewezen"
    En is alleen grond "czv.inkomen" niet voldaan

    Voorbeelden:
      | gemeente      |
      | alkmaar       |
      | bergen        |
      | castricum     |
      | dijk-en-waard |
      | heiloo        |
      | uitgeest      |

  Abstract Scenario: Het Jeugdfonds Sport & Cultuur voor een gezin met kinderen in <gemeente>
    Gegeven een aanvraag in gemeente "<gemeente>" op peildatum "2026-03-01"
    En een aanvrager geboren op "1985-05-01" die woont in "<gemeente>"
    En een kind geboren op "2016-04-01"
    Als alle regelingen worden beoordeeld
    Dan is er een besluit over "jeugdfonds_sport_cultuur"
    En is de uitkomst "toegekend"
    En hoort het besluit bij pakket "basis"
    En komt grond "jsc.kinderen" uit pakket "basis" in bestand "rules/minima/jeugdfonds_sport_cultuur.yaml"

    Voorbeelden:
      | gemeente      |
      | alkmaar       |
      | bergen        |
      | castricum     |
      | dijk-en-waard |
      | heiloo        |
      | uitgeest      |

  Abstract Scenario: Geen Jeugdfonds Sport & Cultuur zonder kinderen in <gemeente>
    Gegeven een aanvraag in gemeente "<gemeente>" op peildatum "2026-03-01"
    En een aanvrager geboren op "1985-05-01" die woont in "<gemeente>"
    Als de regeling "jeugdfonds_sport_cultuur" wordt beoordeeld
    Dan is de uitkomst "afgewezen"
    En is alleen grond "jsc.kinderen" niet voldaan

    Voorbeelden:
      | gemeente      |
      | alkmaar       |
      | bergen        |
      | castricum     |
      | dijk-en-waard |
      | heiloo        |
      | uitgeest      |

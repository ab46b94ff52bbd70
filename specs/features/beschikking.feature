# language: nl
Functionaliteit: Een beschikking die de consulent kan versturen (Awb 3:45–3:47, Pw art. 17)
  Als consulent
  wil ik het besluit als brief in eenvoudig Nederlands (B1),
  zodat ik hem zonder herschrijven kan versturen: wat er besloten is, vanaf wanneer en
  hoeveel, waarom, wat is aangenomen, wat de burger moet doen en hoe hij bezwaar maakt.

  Normen 2026: alleenstaande 21+ 1.401,50; vakantietoeslag 4,8% = 67,27.

  Scenario: Een toekenning noemt bedrag, ingangsdatum, redenen en de inlichtingenplicht
    Gegeven een aanvraag in gemeente "alkmaar" op peildatum "2026-03-01"
    En een aanvrager geboren op "1990-05-01" die woont in "alkmaar"
    En de melding is gedaan op "2026-02-02"
    En de aanvraag is voor "algemene_bijstand"
    Als de brief wordt gemaakt
    Dan staat in de brief "Gemeente Alkmaar"
    En staat in de brief "Ons besluit: toegekend."
    En staat in de brief "Dit geldt vanaf 2 februari 2026."
    En staat in de brief "U krijgt € 1.401,50 per maand."
    En staat in de brief "Daarin zit € 67,27 vakantietoeslag."
    En staat in de brief "inlichtingenplicht (art. 17 Participatiewet)"
    En staat "U voldoet aan deze voorwaarden" in de brief voor "Wat wij hebben aangenomen"
    En staat "Wat moet u doen?" in de brief voor "Bezwaar maken"
    En staat in de brief "AlkmaarPas"

  Scenario: Een afwijzing noemt eerst wat wel klopt en dan de reden van de afwijzing
    # vermogen 20.000 > grens 8.000 (alleenstaande, 2026)
    Gegeven een aanvraag in gemeente "heiloo" op peildatum "2026-03-01"
    En een aanvrager geboren op "1990-05-01" die woont in "heiloo"
    En vermogen met bezittingen 20.000 en schulden 0
    En de aanvraag is voor "algemene_bijstand"
    Als de brief wordt gemaakt
    Dan staat in de brief "Ons besluit: afgewezen."
    En staat "Aan deze voorwaarden voldoet u wel" in de brief voor "Dat is de reden van de afwijzing"
    En staat "Dat is de reden van de afwijzing" in de brief voor "dat is meer dan de grens van € 8.000,00"
    En staat niet in de brief "inlichtingenplicht"

  Scenario: Wie de AOW-leeftijd heeft, leest dat de aanvraag naar de SVB gaat
    Gegeven een aanvraag in gemeente "alkmaar" op peildatum "2026-03-01"
    En een aanvrager geboren op "1958-01-01" die woont in "alkmaar"
    En de aanvraag is voor "algemene_bijstand"
    Als de brief wordt gemaakt
    Dan staat in de brief "doorgestuurd naar de Sociale Verzekeringsbank (SVB)"
    En staat in de brief "art. 2:3 Algemene wet bestuursrecht"

  Scenario: De brief als HTML-pagina zegt hetzelfde
    Gegeven een aanvraag in gemeente "alkmaar" op peildatum "2026-03-01"
    En een aanvrager geboren op "1990-05-01" die woont in "alkmaar"
    Als de brief als HTML wordt gemaakt
    Dan staat in de brief "<html lang=\"nl\">"
    En staat in de brief "€ 1.401,50"
    En staat niet in de brief "http"

"""`sora-rules serve`: the engine as an HTTP service (DESIGN §7, NL API Design Rules).

One `Engine`, created at startup, serves every request (it is thread-safe). Paths are
versioned under `/v1`; every response carries `API-Version`; every error is an
`application/problem+json` document (RFC 9457) whose Dutch title comes from the
catalogue (`serve.*`). `POST /v1/besluiten` answers the exact bytes of
`sora-rules evaluate --format json`, `GET /v1/diff` those of `sora-rules diff
--format json`. The effect of a proposal on an uploaded caseload runs as a job
(opdrachten.py): `POST /v1/harmonisatie/voorstel-opdrachten` answers 202 with a
status URL to poll, and the result is byte for byte `sora-rules harmonisatie voorstel
--format json`. Case data is never logged: the access log is off and no handler
logs a body.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from datetime import date
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request, Response
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException

from . import listing
from .case import MAX_INVOER, load_case_text
from .engine import Engine
from .errors import InvoerFout
from .opdrachten import (
    KLAAR,
    MAX_OPDRACHT,
    MISLUKT,
    Opdracht,
    Opdrachten,
    WachtrijVol,
    aanvraag_schema,
    status_schema,
)
from .teksten import Teksten

API_VERSIE = "1.0.0"
JSON = "application/json"
PROBLEEM = "application/problem+json"
HTML = "text/html; charset=utf-8"
_TYPE = "urn:sora-rules:probleem:"
_SOORTEN = {400: ("ongeldige-invoer", "serve.titel.ongeldige_invoer"),
            404: ("niet-gevonden", "serve.titel.niet_gevonden"),
            405: ("methode-niet-toegestaan", "serve.titel.methode_niet_toegestaan"),
            409: ("geen-resultaat", "serve.titel.geen_resultaat"),
            413: ("te-groot", "serve.titel.te_groot"),
            500: ("interne-fout", "serve.titel.interne_fout"),
            503: ("bezet", "serve.titel.bezet")}
OPDRACHTEN = "/v1/harmonisatie/voorstel-opdrachten"


class _TeGroot(Exception):
    """The request body is larger than its route allows (`maximum` bytes)."""

    def __init__(self, maximum: int, sleutel: str) -> None:
        super().__init__(maximum)
        self.maximum, self.sleutel = maximum, sleutel


def probleem_document(t: Teksten, status: int, detail: str,
                      invalid: list[dict[str, str]] | None = None) -> dict[str, Any]:
    """A problem document (RFC 9457) with the Dutch title of its status."""
    soort, sleutel = _SOORTEN.get(status, _SOORTEN[500])
    doc: dict[str, Any] = {"type": _TYPE + soort, "title": t.tekst(sleutel),
                           "status": status, "detail": detail}
    if invalid is not None:
        doc["invalid-params"] = invalid
    return doc


def probleem(t: Teksten, status: int, detail: str,
             invalid: list[dict[str, str]] | None = None) -> Response:
    """The problem document as an `application/problem+json` response."""
    doc = probleem_document(t, status, detail, invalid)
    return Response(listing.to_json(doc).encode("utf-8"), status_code=status,
                    media_type=PROBLEEM)


def _invoerfout(t: Teksten, exc: InvoerFout) -> Response:
    params = [{"name": exc.pad, "reason": exc.bericht}] if exc.pad else []
    return probleem(t, 400, str(exc), params)


async def _lees_body(request: Request, maximum: int = MAX_INVOER,
                     sleutel: str = "serve.te_groot") -> bytes:
    """The request body, refused (`_TeGroot`) as soon as it exceeds `maximum` bytes."""
    lengte = request.headers.get("content-length", "")
    if lengte.isdigit() and int(lengte) > maximum:
        raise _TeGroot(maximum, sleutel)
    delen: list[bytes] = []
    totaal = 0
    async for deel in request.stream():
        totaal += len(deel)
        if totaal > maximum:
            raise _TeGroot(maximum, sleutel)
        delen.append(deel)
    return b"".join(delen)


def _peildatum(request: Request) -> date:
    return listing.peildatum(request.query_params.get("peildatum"))


def _json(data: Any) -> Response:
    return Response(listing.to_json(data).encode("utf-8"), media_type=JSON)


def _verplicht(request: Request, naam: str, t: Teksten) -> str:
    waarde = request.query_params.get(naam)
    if not waarde:
        raise InvoerFout(naam, t.tekst("serve.verplicht"))
    return waarde


def _middleware(app: FastAPI, t: Teksten) -> None:
    """`API-Version` on every response; InvoerFout → 400, too large → 413, else 500."""

    @app.middleware("http")
    async def versie(request: Request,
                     volgende: Callable[[Request], Awaitable[Response]]) -> Response:
        try:
            antwoord = await volgende(request)
        except InvoerFout as exc:
            antwoord = _invoerfout(t, exc)
        except _TeGroot as exc:
            antwoord = probleem(t, 413, t.tekst(exc.sleutel, maximum=exc.maximum))
        except Exception as exc:  # noqa: BLE001 - no traceback with case data in the log
            antwoord = probleem(t, 500, type(exc).__name__)
        antwoord.headers["API-Version"] = API_VERSIE
        return antwoord

    @app.exception_handler(HTTPException)
    async def http_fout(request: Request, exc: HTTPException) -> Response:
        sleutel = "serve.niet_gevonden" if exc.status_code == 404 else "serve.http_fout"
        detail = t.tekst(sleutel, pad=request.url.path, methode=request.method)
        return probleem(t, exc.status_code, detail)


def _besluiten(app: FastAPI, engine: Engine) -> None:
    @app.post("/v1/besluiten", summary="Beoordeel een casus",
              response_class=Response, openapi_extra={"requestBody": {
                  "required": True, "content": {JSON: {"schema": {"type": "object"}}}}})
    async def besluiten(request: Request) -> Response:
        """De casus als JSON; query gemeente, peildatum en regeling (herhaalbaar) als op
        de command line. Het antwoord is byte voor byte `sora-rules evaluate --format json`."""
        body = await _lees_body(request)
        tekst = body.decode("utf-8", errors="replace")
        query = request.query_params

        def beoordeel() -> bytes:
            case = load_case_text(tekst, "body", formaat="json")
            besluit = engine.evaluate(case, gemeente=query.get("gemeente"),
                                      peildatum=query.get("peildatum"),
                                      regelingen=query.getlist("regeling") or None)
            return (besluit.to_json() + "\n").encode("utf-8")

        return Response(await run_in_threadpool(beoordeel), media_type=JSON)


def _overzichten(app: FastAPI, engine: Engine, t: Teksten) -> None:
    from . import harmonisatie, minima_effect

    regelset = engine.regelset

    @app.get("/v1/gemeenten", summary="De gemeenten en hun pluspakket",
             response_class=Response)
    def gemeenten(request: Request) -> Response:
        return _json(listing.gemeenten(regelset, _peildatum(request), t))

    @app.get("/v1/regelingen", summary="Regelingen per gemeente",
             response_class=Response)
    def regelingen(request: Request) -> Response:
        slug = _verplicht(request, "gemeente", t)
        return _json(listing.regelingen(regelset, slug, _peildatum(request), t))

    @app.get("/v1/harmonisatie/matrix", summary="Alle gemeenten naast elkaar",
             response_class=Response)
    def matrix(request: Request) -> Response:
        return _json(harmonisatie.matrix(regelset, _peildatum(request), t))

    @app.get("/v1/harmonisatie/minima-effect", summary="Minima-effectrapportage",
             response_class=Response)
    def minima(request: Request) -> Response:
        slugs = request.query_params.getlist("gemeente") or None
        return _json(minima_effect.minima_effect(engine, _peildatum(request), slugs, t))


def _paginas(app: FastAPI, engine: Engine, t: Teksten) -> None:
    """The HTML pages of the workbench (paginas.py), the same bytes as `harmonisatie rapport`,
    and the intake form for consulenten (intake.py), whose answer is the decision letter."""
    from . import harmonisatie, intake, minima_effect, paginas

    regelset = engine.regelset
    namen = {slug: pol.gemeente.naam for slug, pol in regelset.beleid.items()}

    @app.get("/v1/paginas/matrix", summary="Harmonisatiematrix als HTML",
             response_class=Response)
    def matrix(request: Request) -> Response:
        data = harmonisatie.matrix(regelset, _peildatum(request), t)
        return Response(paginas.matrix_pagina(data, namen, t), media_type=HTML)

    @app.get("/v1/paginas/minima-effect", summary="Minima-effectrapportage als HTML",
             response_class=Response)
    def minima(request: Request) -> Response:
        slugs = request.query_params.getlist("gemeente") or None
        data = minima_effect.minima_effect(engine, _peildatum(request), slugs, t)
        return Response(paginas.minima_effect_pagina(data, t), media_type=HTML)

    formulier = intake.formulier(regelset)
    if formulier is None:  # rules without a `soort: formulier` file: no intake pages
        return

    leeg = intake.intake_pagina(formulier, intake.gemeente_namen(regelset), t)  # never changes

    @app.get("/v1/paginas/intake", summary="Intakeformulier voor consulenten",
             response_class=Response)
    def intake_formulier() -> Response:
        return Response(leeg, media_type=HTML)

    @app.post("/v1/paginas/intake", summary="Besluit op een ingevuld intakeformulier",
              response_class=Response, openapi_extra={"requestBody": {
                  "required": True, "content": {"application/x-www-form-urlencoded": {
                      "schema": {"type": "object"}}}}})
    async def intake_besluit(request: Request) -> Response:
        """Het besluit als brief (de HTML van `evaluate --format html`), of 400 met het
        formulier, de ingevulde waarden en elke fout bij haar veld."""
        body = (await _lees_body(request)).decode("utf-8", errors="replace")
        status, pagina = await run_in_threadpool(intake.beoordeel, engine, formulier, body, t)
        return Response(pagina, status_code=status, media_type=HTML)


def _problemen(t: Teksten, *codes: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI: the problem document of each error status a route answers."""
    tekst = {"type": "string"}
    schema = {"type": "object", "properties": {
        "type": tekst, "title": tekst, "status": {"type": "integer"}, "detail": tekst,
        "invalid-params": {"type": "array", "items": {"type": "object", "properties": {
            "name": tekst, "reason": tekst}}}}}
    return {code: {"description": t.tekst(_SOORTEN[code][1]),
                   "content": {PROBLEEM: {"schema": schema}}} for code in codes}


def _parameters(*namen: tuple[str, str, bool]) -> dict[str, Any]:
    """OpenAPI: parameters (name, in, required) the handler reads from the request
    itself, so that a bad one is a 400 problem and not FastAPI's 422."""
    return {"parameters": [{"name": naam, "in": plaats, "required": verplicht,
                            "schema": {"type": "string"}} for naam, plaats, verplicht in namen]}


def _diff(app: FastAPI, engine: Engine, t: Teksten) -> None:
    """`GET /v1/diff`: both gemeenten are checked before the diff, so that one problem
    names every unknown one (NL API Design Rules: all invalid params at once)."""
    from . import diff

    regelset = engine.regelset

    @app.get("/v1/diff", summary="Beleidsverschillen tussen twee gemeenten",
             response_class=Response, responses=_problemen(t, 400),
             openapi_extra=_parameters(("a", "query", True), ("b", "query", True),
                                       ("peildatum", "query", False)))
    def verschillen(request: Request) -> Response:
        """Gemeenten a en b naast elkaar per regeling, byte voor byte
        `sora-rules diff A B --format json`; een onbekende gemeente is 400 met de
        parameter (a of b) in invalid-params."""
        slugs, invalid = [], []
        for naam in ("a", "b"):
            slug = request.query_params.get(naam, "")
            try:
                if not slug:
                    raise InvoerFout(naam, t.tekst("serve.verplicht"))
                listing.beleid_van(regelset, slug, t)
            except InvoerFout as exc:
                invalid.append({"name": naam, "reason": exc.bericht})
            slugs.append(slug)
        if invalid:
            detail = "; ".join(f"{p['name']}: {p['reason']}" for p in invalid)
            return probleem(t, 400, detail, invalid)
        return _json(diff.diff(regelset, slugs[0], slugs[1], _peildatum(request), t))


def _status(o: Opdracht, t: Teksten) -> dict[str, Any]:
    """The status document of a job; `fout` is the problem that ended it."""
    doc: dict[str, Any] = {"id": o.id, "status": o.status, "verwerkt": o.verwerkt,
                           "totaal": o.totaal, "voortgang": o.voortgang}
    if o.fout is not None:
        invalid = None if o.fout.invalid is None else [
            {"name": naam, "reason": reden} for naam, reden in o.fout.invalid]
        doc["fout"] = probleem_document(t, o.fout.status, o.fout.detail, invalid)
    if o.status == KLAAR:
        doc["resultaat"] = f"{OPDRACHTEN}/{o.id}/resultaat"
        doc["pagina"] = f"/v1/paginas/voorstel-opdrachten/{o.id}"
    return doc


def _zoek(opdrachten: Opdrachten, request: Request, t: Teksten,
          klaar: bool = False) -> Opdracht | Response:
    """The job of the path's id, else a 404 problem; with `klaar`, a 409 problem for a
    job without a result (still running, or failed)."""
    oid = request.path_params["opdracht_id"]
    o = opdrachten.opdracht(oid)
    if o is None:
        return probleem(t, 404, t.tekst("serve.opdracht_onbekend", id=oid,
                                        maximum=opdrachten.maximum))
    if klaar and o.status == MISLUKT:
        return probleem(t, 409, t.tekst("serve.opdracht_mislukt", id=oid))
    if klaar and o.status != KLAAR:
        return probleem(t, 409, t.tekst("serve.opdracht_niet_klaar", id=oid, status=o.status))
    return o


def _voorstel_opdrachten(app: FastAPI, opdrachten: Opdrachten, t: Teksten) -> None:
    """The proposal jobs (opdrachten.py): submit (202 + Location), status, result."""
    status = {"description": "Status", "content": {JSON: {"schema": status_schema()}}}
    pad = _parameters(("opdracht_id", "path", True))

    @app.post(OPDRACHTEN, summary="Start een voorstel-opdracht",
              status_code=202, response_class=Response,
              responses={202: status, **_problemen(t, 400, 413, 503)},
              openapi_extra={"requestBody": {"required": True, "content": {
                  JSON: {"schema": aanvraag_schema()}}}})
    async def dien_in(request: Request) -> Response:
        """Het voorstel (YAML) en de caseload (JSON Lines) als tekst in één JSON-object,
        met gemeenten en peildatum als op de command line. Antwoord 202 met Location:
        de status, op te vragen tot die klaar of mislukt is."""
        body = await _lees_body(request, MAX_OPDRACHT, "serve.opdracht_te_groot")
        try:
            o = await run_in_threadpool(opdrachten.dien_in, body)
        except WachtrijVol:
            antwoord = probleem(t, 503, t.tekst("serve.wachtrij_vol",
                                                maximum=opdrachten.maximum))
            antwoord.headers["Retry-After"] = "10"
            return antwoord
        return Response(listing.to_json(_status(o, t)).encode("utf-8"), status_code=202,
                        media_type=JSON, headers={"Location": f"{OPDRACHTEN}/{o.id}"})

    @app.get(OPDRACHTEN + "/{opdracht_id}", summary="Status van een opdracht",
             response_class=Response, responses={200: status, **_problemen(t, 404)},
             openapi_extra=pad)
    def toestand(request: Request) -> Response:
        """Status, voortgang (verwerkt van totaal regels) en, als die klaar is, de URL
        van het resultaat; bij mislukt de fout als probleemdocument."""
        o = _zoek(opdrachten, request, t)
        return o if isinstance(o, Response) else _json(_status(o, t))

    @app.get(OPDRACHTEN + "/{opdracht_id}/resultaat", summary="Resultaat van een opdracht",
             response_class=Response, responses=_problemen(t, 404, 409), openapi_extra=pad)
    def resultaat(request: Request) -> Response:
        """Byte voor byte `sora-rules harmonisatie voorstel voorstel.yaml caseload.jsonl
        --format json`; 409 zolang de opdracht niet klaar is."""
        o = _zoek(opdrachten, request, t, klaar=True)
        return o if isinstance(o, Response) else Response(o.resultaat, media_type=JSON)


def _voorstel_pagina(app: FastAPI, engine: Engine, opdrachten: Opdrachten,
                     t: Teksten) -> None:
    """The page of a finished job (paginas.voorstel_pagina), beside the other pages."""
    namen = {slug: pol.gemeente.naam for slug, pol in engine.regelset.beleid.items()}

    @app.get("/v1/paginas/voorstel-opdrachten/{opdracht_id}",
             summary="Voorstel-effect als HTML", response_class=Response,
             responses=_problemen(t, 404, 409),
             openapi_extra=_parameters(("opdracht_id", "path", True)))
    def pagina(request: Request) -> Response:
        """Het resultaat van een afgeronde opdracht als pagina: per gemeente een tabel
        met per regeling wie recht krijgt of verliest en het verschil per jaar."""
        from . import paginas

        o = _zoek(opdrachten, request, t, klaar=True)
        if isinstance(o, Response):
            return o
        return Response(paginas.voorstel_pagina(o.data or {}, namen, t), media_type=HTML)


def maak_app(engine: Engine, teksten: Teksten, regels: Path | None = None) -> FastAPI:
    """The application around one shared, already loaded engine; `regels` is where it
    was loaded from (default: the packaged rules), copied by the proposal jobs."""
    opdrachten = Opdrachten(engine, regels, teksten)

    @asynccontextmanager
    async def levensloop(_: FastAPI) -> AsyncIterator[None]:
        yield
        opdrachten.sluit()

    app = FastAPI(title="sora-rules", version=API_VERSIE, openapi_url="/v1/openapi.json",
                  docs_url=None, redoc_url=None, lifespan=levensloop)
    _middleware(app, teksten)
    _besluiten(app, engine)
    _overzichten(app, engine, teksten)
    _diff(app, engine, teksten)
    _voorstel_opdrachten(app, opdrachten, teksten)
    _paginas(app, engine, teksten)
    _voorstel_pagina(app, engine, opdrachten, teksten)
    return app


def start(engine: Engine, teksten: Teksten, host: str, port: int,
          regels: Path | None = None) -> None:
    """Serve until interrupted; no access log (it would show query strings)."""
    import uvicorn

    uvicorn.run(maak_app(engine, teksten, regels), host=host, port=port, access_log=False,
                log_level="warning")

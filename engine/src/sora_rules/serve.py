"""`sora-rules serve`: the engine as an HTTP service (DESIGN §7, NL API Design Rules).

One `Engine`, created at startup, serves every request (it is thread-safe). Paths are
versioned under `/v1`; every response carries `API-Version`; every error is an
`application/problem+json` document (RFC 9457) whose Dutch title comes from the
catalogue (`serve.*`). `POST /v1/besluiten` answers the exact bytes of
`sora-rules evaluate --format json`. Case data is never logged: the access log is
off and no handler logs a body.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import date
from typing import Any

from fastapi import FastAPI, Request, Response
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException

from . import listing
from .case import MAX_INVOER, load_case_text
from .engine import Engine
from .errors import InvoerFout
from .teksten import Teksten

API_VERSIE = "1.0.0"
JSON = "application/json"
PROBLEEM = "application/problem+json"
HTML = "text/html; charset=utf-8"
_TYPE = "urn:sora-rules:probleem:"
_SOORTEN = {400: ("ongeldige-invoer", "serve.titel.ongeldige_invoer"),
            404: ("niet-gevonden", "serve.titel.niet_gevonden"),
            405: ("methode-niet-toegestaan", "serve.titel.methode_niet_toegestaan"),
            413: ("te-groot", "serve.titel.te_groot"),
            500: ("interne-fout", "serve.titel.interne_fout")}


class _TeGroot(Exception):
    """The request body is larger than `MAX_INVOER` bytes."""


def probleem(t: Teksten, status: int, detail: str,
             invalid: list[dict[str, str]] | None = None) -> Response:
    """A problem document (RFC 9457) with the Dutch title of its status."""
    soort, sleutel = _SOORTEN.get(status, _SOORTEN[500])
    doc: dict[str, Any] = {"type": _TYPE + soort, "title": t.tekst(sleutel),
                           "status": status, "detail": detail}
    if invalid is not None:
        doc["invalid-params"] = invalid
    return Response(listing.to_json(doc).encode("utf-8"), status_code=status,
                    media_type=PROBLEEM)


def _invoerfout(t: Teksten, exc: InvoerFout) -> Response:
    params = [{"name": exc.pad, "reason": exc.bericht}] if exc.pad else []
    return probleem(t, 400, str(exc), params)


async def _lees_body(request: Request) -> bytes:
    """The request body, refused (`_TeGroot`) as soon as it exceeds `MAX_INVOER` bytes."""
    lengte = request.headers.get("content-length", "")
    if lengte.isdigit() and int(lengte) > MAX_INVOER:
        raise _TeGroot
    delen: list[bytes] = []
    totaal = 0
    async for deel in request.stream():
        totaal += len(deel)
        if totaal > MAX_INVOER:
            raise _TeGroot
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
        except _TeGroot:
            antwoord = probleem(t, 413, t.tekst("serve.te_groot", maximum=MAX_INVOER))
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
    """The HTML pages of the workbench (paginas.py), the same bytes as `harmonisatie rapport`."""
    from . import harmonisatie, minima_effect, paginas

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


def maak_app(engine: Engine, teksten: Teksten) -> FastAPI:
    """The application around one shared, already loaded engine."""
    app = FastAPI(title="sora-rules", version=API_VERSIE, openapi_url="/v1/openapi.json",
                  docs_url=None, redoc_url=None)
    _middleware(app, teksten)
    _besluiten(app, engine)
    _overzichten(app, engine, teksten)
    _paginas(app, engine, teksten)
    return app


def start(engine: Engine, teksten: Teksten, host: str, port: int) -> None:
    """Serve until interrupted; no access log (it would show query strings)."""
    import uvicorn

    uvicorn.run(maak_app(engine, teksten), host=host, port=port, access_log=False,
                log_level="warning")

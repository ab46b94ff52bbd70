"""Proposal impact as a job for `sora-rules serve` (issue #11, item 2).

Why a job: a caseload of tens of thousands of households takes minutes, longer than
an HTTP request should stay open. The POST checks what is cheap (the body, the
proposal's YAML and gemeenten, the peildatum) and answers at once; one background
thread then runs `voorstel.voorstel_effect`, reporting progress, and keeps the
result as the exact bytes of `sora-rules harmonisatie voorstel --format json`.

The body is one JSON object (`{"voorstel", "caseload", "gemeenten", "peildatum"}`,
the files as text): no multipart parser needed, the same kind of body as
`/v1/besluiten`. The uploads are written to a private temp directory (mode 0700)
under the neutral names `voorstel.yaml` and `caseload.jsonl` — the names the report
shows, as the CLI would when run beside files of those names — and removed after
the run. Jobs live in memory, in one `Opdrachten` per app: at most `MAX_OPDRACHTEN`;
a new job evicts the oldest finished one, and when none has finished the queue is
full. Nothing of a case reaches a log.
"""

from __future__ import annotations

import json
import shutil
import tempfile
import threading
import uuid
from collections.abc import Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any, Literal

from . import listing
from .batch import tel_regels
from .engine import Engine
from .errors import InvoerFout
from .resources import data_root
from .teksten import Teksten
from .voorstel import kies_gemeenten, laad_voorstel, voorstel_effect

__all__ = ["MAX_OPDRACHT", "MAX_OPDRACHTEN", "NAMEN", "Aanvraag", "Fout", "Opdracht",
           "Opdrachten", "WachtrijVol", "aanvraag_schema", "lees_aanvraag", "status_schema"]

MAX_OPDRACHT = 50_000_000
"""Largest POST body in bytes: a caseload of some 30,000 households as JSON text."""
MAX_OPDRACHTEN = 32  # jobs kept in memory; a result is a few kilobytes
NAMEN = ("voorstel.yaml", "caseload.jsonl")  # how the report names the uploads
VELDEN = ("voorstel", "caseload", "gemeenten", "peildatum")
Status = Literal["wachtend", "bezig", "klaar", "mislukt"]
KLAAR: Status = "klaar"
MISLUKT: Status = "mislukt"


class WachtrijVol(Exception):
    """Every kept job is unfinished (or the service is stopping): try again later."""


class _Gestopt(Exception):
    """The service stops: the running job ends at its next progress report."""


@dataclass(frozen=True)
class Aanvraag:
    """A POST body, checked field by field."""

    voorstel: str
    caseload: str
    gemeenten: tuple[str, ...] | None
    peildatum: date | None


@dataclass(frozen=True)
class Fout:
    """Why a job failed: the status, detail and invalid-params of a problem document."""

    status: int
    detail: str
    invalid: tuple[tuple[str, str], ...] | None = None


@dataclass(frozen=True)
class Opdracht:
    """One job's state; replaced whole under the store's lock, never changed in place."""

    id: str
    map: Path  # the private temp directory with the uploads
    totaal: int
    gemeenten: tuple[str, ...] | None
    peildatum: date | None
    status: Status = "wachtend"
    verwerkt: int = 0
    resultaat: bytes | None = None  # the JSON report, when klaar
    data: Mapping[str, Any] | None = None  # the same report as data (for the HTML page)
    fout: Fout | None = None

    @property
    def voortgang(self) -> float:
        """The fraction done, 0..1 (an empty caseload is done when the job is)."""
        if self.totaal:
            return round(self.verwerkt / self.totaal, 4)
        return 1.0 if self.status == KLAAR else 0.0


def _tekst(doc: Mapping[str, Any], veld: str, t: Teksten) -> str:
    waarde = doc.get(veld)
    if not isinstance(waarde, str):
        raise InvoerFout(veld, t.tekst("serve.geen_tekst"))
    return waarde


def _gemeenten(waarde: Any, t: Teksten) -> tuple[str, ...] | None:
    if waarde is None:
        return None
    if not isinstance(waarde, list) or not all(isinstance(g, str) for g in waarde):
        raise InvoerFout("gemeenten", t.tekst("serve.geen_lijst"))
    return tuple(waarde) or None


def lees_aanvraag(body: bytes, t: Teksten) -> Aanvraag:
    """The JSON body; an `InvoerFout` names the field that is wrong (or none: no object)."""
    try:
        doc = json.loads(body)
    except (ValueError, RecursionError):
        doc = None
    if not isinstance(doc, dict):
        raise InvoerFout("", t.tekst("serve.geen_json_object"))
    for veld in doc:
        if veld not in VELDEN:
            raise InvoerFout(str(veld), t.tekst("serve.onbekend_veld", keuzes=", ".join(VELDEN)))
    peildatum = doc.get("peildatum")
    if peildatum is not None and not isinstance(peildatum, str):
        raise InvoerFout("peildatum", t.tekst("serve.geen_tekst"))
    return Aanvraag(_tekst(doc, "voorstel", t), _tekst(doc, "caseload", t),
                    _gemeenten(doc.get("gemeenten"), t),
                    listing.peildatum(peildatum) if peildatum else None)


def _schrijf(pad: Path, tekst: str) -> None:
    """As UTF-8; a lone surrogate stays an invalid byte, refused by the run as on the CLI."""
    pad.write_bytes(tekst.encode("utf-8", "surrogatepass"))


class Opdrachten:
    """The proposal jobs of one app: a bounded store and one worker thread.

    The base `Engine` is the service's own (thread-safe); each job builds the
    proposal's engine on a copy of the same rules, as the CLI does.
    """

    def __init__(self, engine: Engine, regels: Path | None, teksten: Teksten,
                 maximum: int = MAX_OPDRACHTEN) -> None:
        self.maximum = maximum
        self._engine, self._regels, self._t = engine, regels, teksten
        self._basis = Path(regels) if regels is not None else data_root()
        self._lock = threading.Lock()
        self._opdrachten: dict[str, Opdracht] = {}  # in order of arrival
        self._stop = threading.Event()
        self._uitvoerder = ThreadPoolExecutor(max_workers=1,
                                              thread_name_prefix="sora-opdracht")

    def dien_in(self, body: bytes) -> Opdracht:
        """Check the body, store the uploads and queue the job (blocking: call it off
        the event loop). Raises `InvoerFout` naming the field, or `WachtrijVol`."""
        aanvraag = lees_aanvraag(body, self._t)
        map_ = Path(tempfile.mkdtemp(prefix="sora-opdracht-"))
        try:
            _schrijf(map_ / NAMEN[0], aanvraag.voorstel)
            _schrijf(map_ / NAMEN[1], aanvraag.caseload)
            self._controleer(map_, aanvraag.gemeenten)
            opdracht = Opdracht(uuid.uuid4().hex, map_, tel_regels(map_ / NAMEN[1]),
                                aanvraag.gemeenten, aanvraag.peildatum)
            self._bewaar(opdracht)
            self._uitvoerder.submit(self._draai, opdracht.id)
        except BaseException:
            shutil.rmtree(map_, ignore_errors=True)
            raise
        return opdracht

    def _controleer(self, map_: Path, gemeenten: tuple[str, ...] | None) -> None:
        """The cheap part of the run up front: the proposal's documents and gemeenten."""
        with tempfile.TemporaryDirectory(dir=map_) as tmp:
            voorstel = laad_voorstel(map_ / NAMEN[0], self._basis, Path(tmp), self._t,
                                     NAMEN[0])
            try:
                kies_gemeenten(voorstel, gemeenten, self._t)
            except InvoerFout as exc:
                raise InvoerFout("gemeenten", exc.bericht) from None

    def _bewaar(self, opdracht: Opdracht) -> None:
        """Keep the job, evicting the oldest finished one when the store is full."""
        with self._lock:
            if self._stop.is_set():
                raise WachtrijVol
            if len(self._opdrachten) >= self.maximum:
                oud = next((k for k, o in self._opdrachten.items()
                            if o.status in (KLAAR, MISLUKT)), None)
                if oud is None:
                    raise WachtrijVol
                del self._opdrachten[oud]
            self._opdrachten[opdracht.id] = opdracht

    def opdracht(self, opdracht_id: str) -> Opdracht | None:
        """A snapshot of the job's state, or None for an unknown (or evicted) id."""
        with self._lock:
            return self._opdrachten.get(opdracht_id)

    def _zet(self, opdracht_id: str, **wijziging: Any) -> Opdracht | None:
        with self._lock:
            oud = self._opdrachten.get(opdracht_id)
            if oud is None:
                return None
            nieuw = self._opdrachten[opdracht_id] = replace(oud, **wijziging)
            return nieuw

    def _vorder(self, opdracht_id: str, verwerkt: int) -> None:
        if self._stop.is_set():
            raise _Gestopt
        self._zet(opdracht_id, verwerkt=verwerkt)

    def _draai(self, opdracht_id: str) -> None:
        """In the worker thread: the run, then the result or the failure; no logging."""
        o = self._zet(opdracht_id, status="bezig")
        if o is None:
            return
        try:
            data = voorstel_effect(o.map / NAMEN[0], o.map / NAMEN[1], o.gemeenten,
                                   o.peildatum, self._regels, self._t,
                                   lambda n, _: self._vorder(opdracht_id, n),
                                   engine=self._engine, namen=NAMEN)
        except _Gestopt:
            return
        except InvoerFout as exc:
            invalid = ((exc.pad, exc.bericht),) if exc.pad else ()
            self._zet(opdracht_id, status=MISLUKT, fout=Fout(400, str(exc), invalid))
        except Exception as exc:  # noqa: BLE001 - the type only: a message may hold case data
            self._zet(opdracht_id, status=MISLUKT, fout=Fout(500, type(exc).__name__))
        else:
            self._zet(opdracht_id, status=KLAAR, verwerkt=data["regels_gelezen"],
                      totaal=data["regels_gelezen"], data=data,
                      resultaat=listing.to_json(data).encode("utf-8"))
        finally:
            shutil.rmtree(o.map, ignore_errors=True)

    def sluit(self) -> None:
        """Stop: the running job ends at its next progress report, queued ones are
        dropped, and every upload directory is removed."""
        self._stop.set()
        self._uitvoerder.shutdown(wait=True, cancel_futures=True)
        with self._lock:
            for o in self._opdrachten.values():
                shutil.rmtree(o.map, ignore_errors=True)


def aanvraag_schema() -> dict[str, Any]:
    """OpenAPI: the POST body."""
    tekst = {"type": "string"}
    return {"type": "object", "required": ["voorstel", "caseload"],
            "additionalProperties": False,
            "properties": {"voorstel": {**tekst, "description": "VOORSTEL.yaml"},
                           "caseload": {**tekst, "description": "CASELOAD.jsonl"},
                           "gemeenten": {"type": "array", "items": tekst},
                           "peildatum": {"type": ["string", "null"], "format": "date"}}}


def status_schema() -> dict[str, Any]:
    """OpenAPI: the status document of a job."""
    geheel = {"type": "integer", "minimum": 0}
    return {"type": "object", "required": ["id", "status", "verwerkt", "totaal", "voortgang"],
            "properties": {"id": {"type": "string"},
                           "status": {"type": "string",
                                      "enum": ["wachtend", "bezig", "klaar", "mislukt"]},
                           "verwerkt": geheel, "totaal": geheel,
                           "voortgang": {"type": "number", "minimum": 0, "maximum": 1},
                           "fout": {"type": "object"},
                           "resultaat": {"type": "string", "format": "uri-reference"},
                           "pagina": {"type": "string", "format": "uri-reference"}}}

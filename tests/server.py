"""A real `sora-rules serve` process on a free localhost port, for the tests that need one.

Why a process and not the ASGI app in-process: the tests then cover what a user
runs (the console entry, uvicorn, the real socket). Also used by docs/screenshots.py,
so it does not depend on pytest.
"""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager


class ServerFout(RuntimeError):
    """The server stopped or did not answer in time (a test reports it as an error)."""


def vrije_poort() -> int:
    """A port nobody listens on right now (the OS picks it)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def draaiende_server(*opties: str, wachten: float = 30.0) -> Iterator[str]:
    """Start `sora-rules serve` with `opties`, wait until it answers, yield its base URL
    (`http://127.0.0.1:<poort>`) and stop it afterwards; fail with its stderr if it dies."""
    poort = vrije_poort()
    proc = subprocess.Popen([sys.executable, "-m", "sora_rules", "serve", "--port", str(poort),
                             *opties], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{poort}"
    try:
        einde = time.monotonic() + wachten
        while True:
            try:
                urllib.request.urlopen(url + "/v1/openapi.json", timeout=1).close()
                break
            except OSError:
                if proc.poll() is not None:
                    raise ServerFout(proc.stderr.read().decode() if proc.stderr
                                     else "gestopt") from None
                if time.monotonic() > einde:
                    raise ServerFout(f"geen antwoord binnen {wachten} s") from None
                time.sleep(0.1)
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=10)
        if proc.stderr is not None:
            proc.stderr.close()

"""Error types that carry a Dutch message and the field path it is about.

The CLI maps `InvoerFout` to exit code 2 and `RegelFout` (a broken rule file) to
exit code 1 for evaluate / a listing for validate; nothing else needs to know.
"""

from __future__ import annotations


class SoraFout(Exception):
    """Base class for every error sora-rules raises on purpose."""


class InvoerFout(SoraFout):
    """Unusable input: a case that fails the schema, unknown gemeente, bad peildatum."""

    def __init__(self, pad: str, bericht: str) -> None:
        self.pad = pad
        self.bericht = bericht
        super().__init__(f"{pad}: {bericht}" if pad else bericht)


class RegelFout(SoraFout):
    """A rule file or overlay that is invalid; `plaats` is `file:line:col`."""

    def __init__(self, plaats: str, bericht: str) -> None:
        self.plaats = plaats
        self.bericht = bericht
        super().__init__(f"{plaats}: {bericht}" if plaats else bericht)

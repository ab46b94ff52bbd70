"""The headless browser the page tests render with: Chromium, required in CI."""

from __future__ import annotations

import os
import shutil

import pytest


def chromium() -> str:
    """The browser binary; skipped locally without one, required in CI."""
    for naam in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        pad = shutil.which(naam)
        if pad:
            return pad
    if os.environ.get("CI"):
        pytest.fail("geen chromium gevonden, en in CI moet de browsertest draaien")
    pytest.skip("geen chromium gevonden (installeer het pakket chromium)")

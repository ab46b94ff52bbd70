"""Ship the policy data inside the wheel.

`rules/`, `gemeenten/` and the JSON Schemas in `specs/` live at the repository
root where advisors edit them; the build copies them to `sora_rules/_data/`
so an installed engine evaluates without a checkout. Everything else is in
pyproject.toml.
"""

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).parent
DATA = {"rules": "*.yaml", "gemeenten": "*.yaml", "specs": "*.schema.json"}


class BuildWithData(build_py):
    def run(self) -> None:
        super().run()
        if self.editable_mode:
            return  # an editable install reads the checkout directly
        target = Path(self.build_lib) / "sora_rules" / "_data"
        shutil.rmtree(target, ignore_errors=True)
        for folder, pattern in DATA.items():
            for src in sorted((ROOT / folder).rglob(pattern)):
                dest = target / src.relative_to(ROOT)
                dest.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(src, dest)


setup(cmdclass={"build_py": BuildWithData})

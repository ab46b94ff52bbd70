"""`python -m sora_rules` is the `sora-rules` command."""

from .cli import run

run()

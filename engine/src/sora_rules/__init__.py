"""sora-rules: reasoned decisions on Dutch social-services schemes for the regio Alkmaar.

Library use::

    from sora_rules import Engine
    besluit = Engine().evaluate(case, gemeente="alkmaar", peildatum="2026-03-01")
    print(besluit.to_json())
"""

from .engine import Engine
from .errors import InvoerFout, RegelFout, SoraFout
from .explain import Beslissing, Besluit, Grond

__all__ = ["Beslissing", "Besluit", "Engine", "Grond", "InvoerFout", "RegelFout", "SoraFout"]
__version__ = "0.1.0"

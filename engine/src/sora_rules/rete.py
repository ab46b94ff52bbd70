"""The only module that touches durable-rules.

Why a wrapper: durable-rules keeps global state per ruleset name, starts
polling threads in its default `Host`, limits live sessions to 1024 per
ruleset, and swallows exceptions raised in consequences. `RuleHost` makes it
behave like a pure function: one session per evaluation, deleted afterwards,
serialised by a lock, no background threads.
"""

from __future__ import annotations

import copy
import itertools
import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import Any

from durable import engine as _durable

# The C engine keeps process-wide tables and does no locking of its own; two
# RuleHosts (two Engines) used from two threads must not interleave in it.
_ENGINE_LOCK = threading.RLock()


class _QuietHost(_durable.Host):
    """A Host without the polling timers: consequences run only on our thread."""

    def _run(self) -> None:  # noqa: D401 - deliberately does nothing
        return None


class RuleError(RuntimeError):
    """The rule engine itself failed (not bad input)."""


class Session:
    """One case's working memory; `assert_fact` returns the rules that fired."""

    def __init__(self, host: _QuietHost, ruleset: str, sid: str, fired: list[str]) -> None:
        self._host = host
        self._ruleset = ruleset
        self._sid = sid
        self._fired = fired
        self.has_state = False  # did any fact match, so that the engine holds state for sid?

    def assert_fact(self, fact: Mapping[str, Any]) -> list[str]:
        start = len(self._fired)
        try:
            state = self._host.assert_fact(self._ruleset, {**fact, "sid": self._sid})
        except _durable.MessageNotHandledException:
            # No rule matched this fact: nothing fired. Cheaper than a catch-all
            # rule (whose consequence would cost a state round trip per case).
            return []
        except Exception as exc:  # the C engine reports errors as plain exceptions
            raise RuleError(f"regelengine: {exc}") from exc
        self.has_state = True
        if isinstance(state, dict) and state.get("exception"):
            raise RuleError(f"regelengine: {state['exception']}")
        return self._fired[start:]


class RuleHost:
    """Registers compiled rulesets once and runs isolated sessions on them."""

    def __init__(self) -> None:
        self._host = _QuietHost()
        self._lock = _ENGINE_LOCK
        self._registered: set[str] = set()
        self._fired: list[str] = []
        self._sids = itertools.count()

    def ensure(self, name: str, rules: Mapping[str, Mapping[str, Any]]) -> None:
        """Register ruleset `name` unless present. Every rule records its own name when it fires."""
        with self._lock:
            if name in self._registered:
                return
            definition: dict[str, Any] = {}
            for rule_name, rule in rules.items():
                body = copy.deepcopy(dict(rule))  # set_rulesets mutates what it gets
                body["run"] = self._recorder(rule_name)
                definition[rule_name] = body
            self._host.set_rulesets({name: definition})
            self._registered.add(name)

    def _recorder(self, rule_name: str) -> Any:
        fired = self._fired

        def record(_c: Any) -> None:
            fired.append(rule_name)

        return record

    @contextmanager
    def session(self, name: str) -> Iterator[Session]:
        """Exclusive use of the engine for one case; its state is deleted afterwards."""
        with self._lock:
            sid = str(next(self._sids))
            self._fired.clear()
            session = Session(self._host, name, sid, self._fired)
            try:
                yield session
            finally:
                self._fired.clear()
                # Deleting the state of a sid no fact ever matched crashes the C engine
                # (free(): invalid pointer), so only delete what exists.
                if session.has_state:
                    self._host.delete_state(name, sid)

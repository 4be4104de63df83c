"""The engine's guard: a reader or a rule that crashes costs one file, never the run.

A bug in a reader or a rule (an ``Exception``), or a panic inside a Rust extension (pyo3's
``PanicException``, which derives from ``BaseException`` so that ``except Exception`` misses it),
becomes one error line for that file; ``KeyboardInterrupt`` and ``SystemExit`` still stop the run.
"""

from __future__ import annotations


class Crash(Exception):
    """A reader or rule failed on a file: ``stage`` says which ("reader markdown", "rule P105")."""

    def __init__(self, stage: str, error: BaseException) -> None:
        super().__init__(f"internal error in {stage}: {describe(error)}")
        self.stage = stage
        self.error = error
        import traceback  # here: only this path needs it, not every run's start-up

        self.trace = "".join(traceback.format_exception(type(error), error, error.__traceback__))


def is_panic(error: BaseException) -> bool:
    """A Rust panic surfaced by pyo3 (markdown-it-pyrs): named by its class, as pyo3 creates that class
    at run time in a module of its own."""
    cls = type(error)
    return cls.__name__ == "PanicException" and cls.__module__ in ("pyo3_runtime", "builtins")


class StopRun(Exception):
    """Raised by a rule or provider to end the whole run with one message and exit 2, not as a crash of the
    file it was checking (``--require-languagetool`` and no server): the guard lets it through."""


def is_crash(error: BaseException) -> bool:
    """What the guard catches: every Exception and a Rust panic; not KeyboardInterrupt or SystemExit, and
    not ``StopRun``."""
    return (isinstance(error, Exception) and not isinstance(error, StopRun)) or is_panic(error)


def describe(error: BaseException, limit: int = 160) -> str:
    """The error in one short line: its class and the first line of its message (never a whole text)."""
    message = str(error).strip().splitlines()[0] if str(error).strip() else ""
    if len(message) > limit:
        message = message[: limit - 1] + "…"
    name = "panic" if is_panic(error) else type(error).__name__
    return f"{name}: {message}" if message else name

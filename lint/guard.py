"""The engine's guard: a reader or a rule that crashes costs one file, never the run.

A bug in a reader or a rule (an ``Exception``), or a panic inside a Rust extension (pyo3's
``PanicException``, which derives from ``BaseException`` so that ``except Exception`` misses it),
becomes one error line for that file; ``KeyboardInterrupt`` and ``SystemExit`` still stop the run.

A reader or rule that runs too long (a pattern that backtracks on some input) is stopped too: ``Deadline``
arms a timer for one file (``file-timeout``), whose signal handler raises ``TimedOut`` wherever the
process is, ``re``'s matching loop included (it checks for signals as it runs), and the engine makes that
one error for the file, naming what was running and, where known, the line of the segment it read.
What a process does once, not for the file it comes with (importing and making the rules), runs with the
timer paused (``SettingUp``): a small first file is not stopped for the run's set-up.
"""

from __future__ import annotations

# The C module under ``signal``: its functions without the enum wrapping of handlers and numbers that
# ``signal``'s add (two handler swaps a file cost some 50,000 instructions through them), and without
# importing ``signal`` at start-up (3M instructions).
import _signal as signal
import sys
import threading
from types import TracebackType
from typing import Any


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


class TimedOut(BaseException):
    """A file's time limit ran out (``Deadline``). A BaseException, as ``KeyboardInterrupt`` is: a rule's or
    reader's ``except Exception`` must not swallow it (the timer fires once, so a swallowed one would leave
    the file to run on unguarded), nor the guards that turn a bug into ``Crash`` (``is_crash``).
    ``stage`` (what was running) and ``line`` (of the segment being checked) are filled in on the way out;
    where that segment is of the text as a fix has left it so far (a later pass), not of the file, its line
    is ``fixed_line`` instead (``in_fixed_text``), which the message names: no line of the file is."""

    def __init__(self, seconds: float) -> None:
        super().__init__(seconds)
        self.seconds = seconds
        self.stage: str | None = None
        self.line: int | None = None
        self.fixed_line: int | None = None

    def in_fixed_text(self) -> None:
        """The line is one of the text as fixed so far, not of the file."""
        if self.line is not None:
            self.fixed_line, self.line = self.line, None

    def message(self) -> str:
        where = "" if self.fixed_line is None else f" at line {self.fixed_line} of the text as fixed so far"
        return (f"{self.stage or 'copylint'} took more than {self.seconds:g} s on this file (stopped{where}); "
                "please report it")

    def __str__(self) -> str:
        return self.message()


class Deadline:
    """``with Deadline(seconds):`` raises ``TimedOut`` in the block once ``seconds`` have passed (0: never).

    One timer per file: ``setitimer`` arms SIGALRM on entry and disarms it on exit (or at ``stop``, before
    the engine writes a file or a cache entry, which must not be cut in half), and the handler that was
    there before is put back. Signals reach the main thread only, so elsewhere (a language server's or a
    Dask worker's thread) and where the platform has no ``setitimer`` the block runs unguarded, as it did
    before. A host's own alarm (pytest-timeout's) is kept: one due first is left alone (the block runs
    unguarded), a later one is put back on exit with the time the block took taken off it."""

    __slots__ = ("_armed", "_base", "_fired", "_outer", "_previous", "_within", "seconds")

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self._armed = False
        self._previous: Any = None  # (None too where the old handler was not set from Python)
        self._outer: tuple[float, float] = (0.0, 0.0)  # the host's timer: (seconds left, interval)
        self._base: Any = None  # the frame that entered the block (imports below it are the host's)
        self._fired = False  # the limit ran out (the timer since is the handler's own, not the block's)
        self._within: Deadline | None = None  # the armed Deadline this one is inside (``SettingUp`` pauses it after)

    def __enter__(self) -> Deadline:
        global _running
        seconds = self.seconds
        if seconds > 0 and _ALARMS and threading.current_thread() is threading.main_thread():
            outer = signal.getitimer(signal.ITIMER_REAL)
            if outer[0] == 0 or outer[0] > seconds:
                self._outer = outer
                self._previous = signal.signal(signal.SIGALRM, self._expired)
                self._armed = True
                self._base = sys._getframe(1)
                self._within, _running = _running, self
                try:
                    signal.setitimer(signal.ITIMER_REAL, seconds)
                except BaseException:  # due at once (a tiny limit, a process descheduled): no __exit__ then
                    self.stop()
                    raise
        return self

    def _expired(self, signum: int, frame: Any) -> None:
        # Not inside an import: one cut in half leaves its module broken for the rest of the process (the
        # next file's ``import`` finds a module half made, and a C extension cannot be made twice), every
        # later file of the worker an error. The import ends first; the file is stopped just after. (Only
        # imports begun inside the block: a host may check files while its own module is imported.)
        if not self._armed:  # (an alarm due as ``stop`` disarmed the timer: the block is over)
            return
        base = self._base
        while frame is not None and frame is not base:
            if frame.f_code.co_filename.startswith("<frozen importlib._bootstrap"):
                signal.setitimer(signal.ITIMER_REAL, _AFTER_IMPORT)
                return
            frame = frame.f_back
        # Armed again before the stop is raised: where the handler ran inside a ``__del__``, a weakref's or
        # the collector's callback, the interpreter prints the exception and drops it ("Exception ignored
        # in"), and a timer spent would leave the file to run on unguarded. The next alarm stops it there.
        signal.setitimer(signal.ITIMER_REAL, _AGAIN)
        self._fired = True
        raise TimedOut(self.seconds)

    def stop(self) -> None:
        """Disarm the timer and put the old handler (and timer) back (again: nothing)."""
        while self._armed:
            try:
                self._disarm()
            except TimedOut:  # (due in the instant before it was disarmed: the block is over all the same)
                continue

    def _disarm(self) -> None:
        global _running
        self._armed = False
        if _running is self:  # (the one it is inside is armed again: its set-up is paused as before)
            _running = self._within
        self._within = None
        self._base = None  # (a frame holds this object: no cycle kept)
        try:
            left = signal.setitimer(signal.ITIMER_REAL, 0)[0]
        finally:  # (a TimedOut raised just before the timer was disarmed still restores the handler)
            signal.signal(signal.SIGALRM, signal.SIG_DFL if self._previous is None else self._previous)
        if self._fired:  # (what is left is of the handler's second alarm: the whole limit was used)
            left = 0.0
        outer, every = self._outer
        if outer:
            signal.setitimer(signal.ITIMER_REAL, max(outer - (self.seconds - left), 1e-6), every)

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.stop()


class SettingUp:
    """``with SettingUp():`` pauses the armed ``Deadline`` of this process, if any, for one-time set-up
    (importing the rules, compiling their patterns): it comes with whichever file is first, and must not
    count against that file's limit (a limit of 1 s stopped small first files). The file gets what was left
    of its time when the set-up ends. Where nothing is armed (off the main thread, no limit), nothing."""

    __slots__ = ("_deadline", "_left")

    def __enter__(self) -> SettingUp:
        deadline = self._deadline = _running
        self._left = 0.0
        if deadline is not None and deadline._armed and not deadline._fired:
            # (0 left: the alarm is due now; its handler stops the file, which had used its time)
            self._left = signal.setitimer(signal.ITIMER_REAL, 0)[0]
        return self

    @property
    def limit(self) -> float:
        """The whole limit of the file whose time is paused (0: none is): a wait in the set-up (a server's
        first answer) is kept within it, so that it costs the run at most one file's time."""
        return self._deadline.seconds if self._deadline is not None and self._left > 0 else 0.0

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        deadline = self._deadline
        if deadline is not None and self._left > 0 and deadline._armed and not deadline._fired:
            signal.setitimer(signal.ITIMER_REAL, self._left)
        self._deadline = None


class WaitingOnServer(SettingUp):
    """``with WaitingOnServer():`` pauses the file's limit while a server answers a request (LanguageTool's):
    the limit guards copylint's own work, and the wait has the server's own bound (its client's timeout),
    past which the server has failed (said once, its checks off), not copylint on this file."""

    __slots__ = ()


_running: Deadline | None = None  # the armed Deadline of this process (``SettingUp`` pauses it)
_ALARMS = hasattr(signal, "setitimer") and hasattr(signal, "SIGALRM")
_AFTER_IMPORT = 0.005  # seconds: how soon a stop that found an import under way looks again
_AGAIN = 0.1  # seconds: how soon a stop raised where the interpreter drops it is raised again


def segment_line(error: BaseException) -> int | None:
    """The line, in the checked document's source, of the segment the innermost frame of ``error``'s
    traceback that holds one (a local ``seg``: the checker's loops and ``check_segment``) was reading."""
    from lint.model import Segment

    line = None
    trace = error.__traceback__
    while trace is not None:
        frame = trace.tb_frame
        seg, doc = frame.f_locals.get("seg"), frame.f_locals.get("doc")
        if isinstance(seg, Segment) and doc is not None and hasattr(doc, "source"):
            line = doc.source.position(seg.to_source(0)).line
        trace = trace.tb_next
    return line

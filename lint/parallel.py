"""Linting many files on several cores: a process pool (``--jobs N``), results in the order of the files.

Rules are pure and per file (DESIGN.md), so files are independent: each worker holds its own
``Linter`` and lints a batch of files; the parent yields the results in the order the files were
listed, whatever finished first, so the output does not depend on ``--jobs``. At most a few batches
per worker are in flight: the memory of a run is bounded by the window, not by the number of files.

Workers are forked where the platform allows it, after the parent has prepared the rules: they start
with the rule modules imported and the patterns compiled (and with any user rules that a config
registered). Elsewhere they are spawned and prepare their own.

Ctrl-C reaches the whole process group, workers included. A worker stops the batch it is running (the
parent reads the run as interrupted and stops the pool) and every batch after it, but one waiting for
work takes no notice: Python's default would end it with a traceback of its own on the terminal
(``worker_pool``, also for corpus mode's pools).
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import signal
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from multiprocessing.context import BaseContext
from types import FrameType
from typing import Any, TypeVar

from lint.check import Checker
from lint.config import Config
from lint.engine import FileResult, Linter, Selection
from lint.guard import StopRun, describe

# A batch: files up to this many bytes (or _BATCH_FILES files), so that small files share a round trip
# and a big one travels alone.
_BATCH_BYTES = 1 << 20
_BATCH_FILES = 16
# Batches in flight per worker: enough to keep every worker busy while the parent reports.
_WINDOW = 4


def can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


def default_jobs() -> int:
    """The cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


@dataclass(frozen=True)
class Task:
    path: str
    config_key: int  # the same number for the same config object in the parent
    config: Config  # pickled with its batch; its user rules by reference (lint.custom.kinds.base._by_reference)


@dataclass(frozen=True)
class Options:
    fix: bool = False
    unsafe: bool = False
    write: bool = True


_worker: tuple[Linter, Options, dict[int, Config]] | None = None

# In a worker: whether Ctrl-C has reached it, and whether it runs a task now (where Ctrl-C stops it).
_interrupted = False
_in_task = False
_R = TypeVar("_R")


def _on_interrupt(signum: int, frame: FrameType | None) -> None:
    global _interrupted
    _interrupted = True
    if _in_task:
        raise KeyboardInterrupt


def interrupted_in_workers() -> None:
    """A pool's initializer: Ctrl-C stops the task a worker runs and every later one (``interruptibly``),
    and leaves a waiting worker waiting, for the parent to stop."""
    signal.signal(signal.SIGINT, _on_interrupt)


def interruptibly(do: Callable[..., _R], *args: Any) -> _R:
    """``do(*args)`` in a worker set up by ``interrupted_in_workers``: KeyboardInterrupt, at once if
    Ctrl-C came before (a batch sent before the interrupt is not done after it), else where it comes."""
    global _in_task
    _in_task = True
    try:
        if _interrupted:  # (read after ``_in_task`` is set: an interrupt in between raises itself)
            raise KeyboardInterrupt
        return do(*args)
    finally:
        _in_task = False


@contextmanager
def worker_pool(jobs: int, context: BaseContext, initializer: Callable[..., None] | None = None,
                initargs: tuple[Any, ...] = ()) -> Iterator[ProcessPoolExecutor]:
    """A process pool whose workers Ctrl-C reaches as ``interrupted_in_workers`` says (run ``interruptibly``
    what they are sent), and that drops the tasks not yet started when the block ends by an exception (Ctrl-C,
    an error, the report closed, a worker killed), rather than run them all before it shuts down.

    Whatever ends the block, the pool's threads have ended when it is left (``shutdown(wait=True)``, the
    documented wait for the pool's resources to be freed). Left running, its manager thread closes its wake-up
    pipe while the interpreter's exit hook for pools (CPython 3.11's ``concurrent.futures.process._python_exit``,
    which takes no lock) may be writing to it: a traceback (``OSError``: bad file descriptor, or handle is
    closed) after the run's own error line, seen with a killed worker (the manager thread still stops the
    other workers when the error reaches the command). The exit hook waits for that thread anyway, so the
    process ends no later for the wait here."""
    with ProcessPoolExecutor(jobs, mp_context=context, initializer=_worker_started,
                             initargs=(initializer, initargs)) as pool:
        try:
            yield pool
        except BaseException:
            pool.shutdown(wait=True, cancel_futures=True)
            raise


def _worker_started(initializer: Callable[..., None] | None, initargs: tuple[Any, ...]) -> None:
    interrupted_in_workers()
    if initializer is not None:
        initializer(*initargs)


def _init(selection: Selection, options: Options, env: dict[str, str]) -> None:
    global _worker
    # A forked worker inherits the parent's collector switched off for start-up (lint.cli's check): on,
    # with what it inherited left out of its collections.
    gc.freeze()
    gc.enable()
    os.environ.update(env)
    linter = Linter(selection)
    linter.by_stat = False  # the parent served every file the stat index answers for
    _worker = (linter, options, {})


def _lint_batch(batch: Sequence[Task]) -> list[FileResult]:
    return interruptibly(_linted_batch, batch)


def _linted_batch(batch: Sequence[Task]) -> list[FileResult]:
    assert _worker is not None
    linter, options, configs = _worker
    out = []
    for task in batch:
        # One config object per config across batches, so the worker prepares its rules once.
        config = configs.setdefault(task.config_key, task.config)
        result = linter.lint_file(task.path, config, fix=options.fix, unsafe=options.unsafe, write=options.write)
        out.append(slim(result))
    return out


def slim(result: FileResult) -> FileResult:
    """The result without what the report does not read: the bytes as read always, the text too when
    nothing in the file is reported or shown."""
    source = result.source
    if source is None:
        return result
    if not result.findings and result.fixed_text is None:
        result.source = None
    elif source.raw is not None:
        from dataclasses import replace

        result.source = replace(source, raw=None)
    return result


def prepared_for_fork(checker: Checker) -> Checker:
    """The checker with what its rules load on first use loaded (``Rule.prepare``): done in the parent
    of forked workers, it is done once and shared, not once per worker (T109's word list: 0.2 s)."""
    for rule in checker.rules:
        rule.prepare()
    return checker


def _batches(tasks: Iterable[Task]) -> Iterator[list[Task]]:
    batch: list[Task] = []
    size = 0
    for task in tasks:
        batch.append(task)
        try:
            size += os.path.getsize(task.path)
        except OSError:
            pass
        if len(batch) >= _BATCH_FILES or size >= _BATCH_BYTES:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch


class PoolError(Exception):
    """The pool as a whole failed, not a file: a worker died (killed, or by the kernel out of memory), a
    batch could not be sent to it or its results read back. The command says so in one line, exit 2 (a
    file's own crash is that file's error, caught in the worker: ``Linter.lint_file``)."""


def lint_in_pool(tasks: Iterable[Task], selection: Selection, options: Options, jobs: int,
                 prepare: Config | None = None) -> Iterator[FileResult]:
    """The results of linting the tasks' files on ``jobs`` processes, in the tasks' order."""
    context = multiprocessing.get_context("fork" if can_fork() else "spawn")
    if prepare is not None and context.get_start_method() == "fork":
        # Import the rules and compile their patterns once, before the fork: every worker inherits them.
        prepared_for_fork(Linter(selection).checker(prepare))
    env = {k: v for k, v in os.environ.items() if k.startswith("COPYLINT_")}
    run = _Run(iter(tasks))
    try:
        yield from _pooled(run, context, (selection, options, env), jobs)
    except StopRun:  # (a rule's way to stop the run, said by the command as it is)
        raise
    except Exception as exc:  # (not KeyboardInterrupt: Ctrl-C stops the run as it does without a pool)
        raise PoolError(f"--jobs {jobs}: the worker processes failed ({describe(exc)}); the run stopped there"
                        f"{run.unreported()} (--jobs 1 lints every file in this process)") from exc


class _Run:
    """A pooled run's files: those not yet sent (``tasks``) and the batches sent and not yet reported
    (``sent``, with their ``futures``), so that the error that stops the run can say which files it leaves out."""

    def __init__(self, tasks: Iterator[Task]) -> None:
        self.tasks = tasks
        self.sent: deque[list[Task]] = deque()
        self.futures: deque[Future[list[FileResult]]] = deque()

    def next_results(self) -> list[FileResult]:
        results = self.futures[0].result()
        self.futures.popleft()
        self.sent.popleft()
        return results

    def unreported(self) -> str:
        """``: N files not reported, from PATH on`` (PATH the first file the report does not hold), or
        nothing. (Not reported rather than not linted: a batch sent after the one that failed may have been
        linted, its fixes written, with its results never read.)"""
        from lint.report.locations import display_path

        first = next((task for batch in self.sent for task in batch), None)
        count = sum(len(batch) for batch in self.sent)
        for task in self.tasks:
            first = first or task
            count += 1
        if first is None:
            return ""
        return f": {count} file{'s' if count != 1 else ''} not reported, from {display_path(first.path)} on"


def _pooled(run: _Run, context: BaseContext, initargs: tuple[Selection, Options, dict[str, str]],
            jobs: int) -> Iterator[FileResult]:
    with worker_pool(jobs, context, _init, initargs) as pool:
        for batch in _batches(run.tasks):
            run.sent.append(batch)  # (before it is sent: a pool already broken refuses it)
            run.futures.append(pool.submit(_lint_batch, batch))
            if len(run.futures) >= jobs * _WINDOW:
                yield from run.next_results()
        while run.futures:
            yield from run.next_results()

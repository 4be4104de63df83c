"""``copylint check --watch``: lint, then lint again each time a watched file changes, until Ctrl-C.

Each run is the same ``check`` command without ``--watch``, in a fresh process: a run sees the config,
the custom rules and the packs as they are on disk now, and one that fails cannot leave state behind
for the next. The watcher polls (a ``stat`` of each file every half second) rather than asking the
operating system for events: it needs no dependency and works the same on every file system,
network and container mounts included, at the cost of noticing a change up to half a second late.

Watched: every file under the folders given (or named), except inside hidden folders, ``node_modules``,
``__pycache__`` and the results cache, and the config files (``.copylint.yaml``, ``pyproject.toml``)
of each folder from the ones given up to the root. A run's own writes (``--fix``, ``--output-file``)
do not start another run: the snapshot to compare with is taken after each run.
"""

from __future__ import annotations

import gc
import os
import sys
import time
from collections.abc import Iterable, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any, NoReturn

import click

POLL_SECONDS = 0.5
# A change is acted on once the files have stopped changing for this long: an editor that saves in
# two steps, or a `git checkout` of many files, starts one run, not several.
SETTLE_SECONDS = 0.2
SKIPPED_FOLDERS = frozenset({"node_modules", "__pycache__", ".copylint_cache"})  # lint.cache.CACHE_DIR_NAME

Snapshot = dict[str, tuple[int, int]]


def option_callback(ctx: click.Context, _param: click.Parameter, value: bool) -> bool:
    """Remember ``--watch`` for :class:`WatchableCommand` (the option is not a parameter of ``check``)."""
    if value:
        ctx.meta["copylint.watch"] = True
        gc.enable()  # (paused by ``lint.cli.main`` for ``check``'s start-up: the watcher runs no check itself)
    return value


class WatchableCommand(click.Command):
    """A command that, given ``--watch``, runs itself (without it) on every change instead of once."""

    def invoke(self, ctx: click.Context) -> Any:
        if ctx.meta.get("copylint.watch"):
            run(ctx)
        return super().invoke(ctx)


def run(ctx: click.Context) -> NoReturn:
    """Run the check now and on every change, until Ctrl-C."""
    params = ctx.params
    paths: tuple[str, ...] = params.get("paths") or (".",)
    if "-" in paths:
        click.echo("copylint: --watch needs files or folders to watch, not stdin ('-')", err=True)
        sys.exit(2)
    argv = [a for a in sys.argv[1:] if a != "--watch"]
    ignored = {os.path.abspath(params["output_file"])} if params.get("output_file") else set()
    sys.exit(watch(argv, paths, ignored))


def watch(argv: Sequence[str], paths: Sequence[str], ignored: set[str],
          runs: int | None = None) -> int:
    """Run ``copylint <argv>`` now and after each change to the files under ``paths``.

    Returns 0 at Ctrl-C (or after ``runs`` runs, for a caller that wants a bounded loop).
    """
    import subprocess  # here: every run imports this module, few of them watch

    command = [sys.executable, "-m", "lint", *argv]
    done = 0
    try:
        _say("Starting the linter in watch mode (Ctrl-C stops it).")
        while True:
            subprocess.run(command, check=False)
            done += 1
            if runs is not None and done >= runs:
                return 0
            before = snapshot(paths, ignored)
            _say("Watching for file changes.")
            changed = _wait_for_change(paths, ignored, before)
            _say(f"File change detected: {changed}" if changed else "File change detected.")
    except KeyboardInterrupt:
        return 0


def _wait_for_change(paths: Sequence[str], ignored: set[str], before: Snapshot) -> str:
    while True:
        time.sleep(POLL_SECONDS)
        now = snapshot(paths, ignored)
        if now != before:
            # Let a burst of writes finish, then report one of the files that changed.
            while True:
                time.sleep(SETTLE_SECONDS)
                later = snapshot(paths, ignored)
                if later == now:
                    break
                now = later
            first = next(iter(changed_paths(before, now)), "")
            return os.path.relpath(first) if first else ""


def changed_paths(before: Snapshot, after: Snapshot) -> list[str]:
    """The files added, removed or modified between two snapshots, sorted."""
    keys = before.keys() | after.keys()
    return sorted(k for k in keys if before.get(k) != after.get(k))


def snapshot(paths: Iterable[str], ignored: set[str]) -> Snapshot:
    """Each watched file's modification time (ns) and size."""
    state: Snapshot = {}
    for arg in paths:
        top = os.path.abspath(arg)
        _stat_into(state, top, ignored)
        folder = top if os.path.isdir(top) else os.path.dirname(top)
        if os.path.isdir(top):
            _walk_into(state, top, ignored)
        for parent in (Path(folder), *Path(folder).parents):
            for name in _config_names():
                _stat_into(state, str(parent / name), ignored)
    return state


def _config_names() -> tuple[str, ...]:
    from lint.config import CONFIG_FILE_NAMES  # imported when watching only: every command imports this module

    return CONFIG_FILE_NAMES


def _walk_into(state: Snapshot, top: str, ignored: set[str]) -> None:
    for folder, dirs, files in os.walk(top):
        dirs[:] = [d for d in dirs if not d.startswith(".") and d not in SKIPPED_FOLDERS]
        for name in files:
            _stat_into(state, os.path.join(folder, name), ignored)


def _stat_into(state: Snapshot, path: str, ignored: set[str]) -> None:
    if path in ignored:
        return
    try:
        st = os.stat(path)
    except OSError:
        return  # absent (or gone since the walk saw it): its absence is the state
    if not os.path.isdir(path):
        state[path] = (st.st_mtime_ns, st.st_size)


def _say(message: str) -> None:
    click.echo(f"[{datetime.now():%H:%M:%S}] {message}", err=True)

"""`copylint check --watch` as a user runs it in a terminal beside an editor: the real command in its own
process, files edited on disk, Ctrl-C (SIGINT) to stop."""

from __future__ import annotations

import os
import queue
import re
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

pytestmark = [pytest.mark.timeout(90),
              pytest.mark.skipif(sys.platform == "win32", reason="stops the watcher with SIGINT")]

WAIT = 30.0  # seconds for a run to show up: a loaded machine starts Python slowly
# The last line of a run's report on stdout (`copylint check`'s summary).
_SUMMARY = re.compile(r"(Found \d+ finding|All checks passed|Fixed \d+ finding)")


class Watcher:
    """`copylint check --watch ARGS` in CWD, its stdout and stderr read line by line as they come."""

    def __init__(self, cwd: Path, *args: str) -> None:
        env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "lint", "check", "--watch", "--no-cache", *args], cwd=cwd, env=env,
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8",
            # Ctrl-C reaches it as in a terminal, even when this suite runs in the background (`cmd &`
            # in a script), where the shell hands every process it starts SIGINT ignored.
            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
        self.lines: queue.Queue[tuple[str, str]] = queue.Queue()
        self.seen: list[tuple[str, str]] = []
        for name in ("stdout", "stderr"):
            threading.Thread(target=self._read, args=(name,), daemon=True).start()

    def _read(self, name: str) -> None:
        stream = getattr(self.proc, name)
        for line in stream:
            self.lines.put((name, line.rstrip("\n")))

    def until(self, text: str, stream: str = "stderr") -> list[str]:
        """The lines printed up to and including the first on ``stream`` that contains ``text`` and, where
        that is the watcher's "Watching" after a run, the run's summary on stdout: the two pipes are read
        by two threads, so a run's last report lines may reach the queue after the watcher's next line
        (the test saw the report cut in two, one run's end in the next run's lines)."""
        got: list[str] = []
        waiting = {(stream, text)}
        if stream == "stderr" and text.startswith("Watching"):
            waiting.add(("stdout", ""))
        deadline = time.monotonic() + WAIT
        while time.monotonic() < deadline:
            try:
                name, line = self.lines.get(timeout=0.2)
            except queue.Empty:
                continue
            self.seen.append((name, line))
            got.append(line)
            waiting -= {(name, text)} if name == stream and text in line else set()
            waiting -= {("stdout", "")} if name == "stdout" and _SUMMARY.match(line) else set()
            if not waiting:
                return got
        raise AssertionError(f"no {text!r} on {stream} within {WAIT} s; seen: {self.seen}")

    def quiet_for(self, seconds: float) -> list[str]:
        """What it printed in the next ``seconds`` (a watcher at rest prints nothing)."""
        got: list[str] = []
        deadline = time.monotonic() + seconds
        while (left := deadline - time.monotonic()) > 0:
            try:
                got.append(self.lines.get(timeout=left)[1])
            except queue.Empty:
                break
        return got

    def interrupt(self) -> tuple[int, str]:
        """Ctrl-C: the exit code, and what it printed since."""
        self.proc.send_signal(signal.SIGINT)
        code = self.proc.wait(timeout=WAIT)
        time.sleep(0.2)  # let the reader threads drain the pipes
        rest = []
        while not self.lines.empty():
            rest.append(self.lines.get()[1])
        return code, "\n".join(rest)

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(timeout=WAIT)


@pytest.fixture
def watcher(tmp_path: Path):  # type: ignore[no-untyped-def]
    started: list[Watcher] = []

    def start(*args: str) -> Watcher:
        w = Watcher(tmp_path, *args)
        started.append(w)
        return w

    yield start
    for w in started:
        w.stop()


def _edit(path: Path, text: str) -> None:
    # A new modification time even on a file system that keeps whole seconds.
    before = path.stat().st_mtime_ns if path.exists() else 0
    path.write_text(text, encoding="utf-8")
    if path.stat().st_mtime_ns == before:
        os.utime(path, ns=(before + 1_000_000_000, before + 1_000_000_000))


def test_watch_lints_again_when_a_file_or_the_config_changes(tmp_path: Path, watcher) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "docs").mkdir()
    page = tmp_path / "docs" / "page.txt"
    page.write_text("A clean sentence.\n", encoding="utf-8")
    w = watcher("docs")
    first = w.until("Watching for file changes.")
    assert any("All checks passed (1 file)." in line for line in first)

    _edit(page, "A clean sentence.\n\n\n\n\nAnd the the end.\n")
    second = w.until("Watching for file changes.")
    assert any("File change detected" in line and "page.txt" in line for line in second), second
    assert any(line.startswith("docs/page.txt:2:1: W103") for line in second), second
    assert any(line.startswith("docs/page.txt:6:9: T102") for line in second), second

    # A file added to the folder is linted too.
    _edit(tmp_path / "docs" / "new.txt", "Text  with a double space.\n")
    third = w.until("Watching for file changes.")
    assert any(line.startswith("docs/new.txt:1:5: W105") for line in third), third

    # The config is watched: ignoring a rule there takes effect without restarting.
    _edit(tmp_path / ".copylint.yaml", "ignore: [W103]\n")
    fourth = w.until("Watching for file changes.")
    assert not any(": W103 " in line for line in fourth), fourth
    assert any(line.startswith("docs/page.txt:6:9: T102") for line in fourth), fourth

    assert w.quiet_for(1.5) == []  # nothing changed: no run
    code, rest = w.interrupt()
    assert code == 0
    assert "Traceback" not in rest


def test_watch_with_fix_does_not_rerun_on_its_own_writes(tmp_path: Path, watcher) -> None:  # type: ignore[no-untyped-def]
    page = tmp_path / "page.txt"
    page.write_text("  Indented start.\n", encoding="utf-8")
    w = watcher("--fix", "page.txt")
    first = w.until("Watching for file changes.")
    assert any("Fixed 1 finding" in line or "1 fixed" in line for line in first), first
    assert page.read_text(encoding="utf-8") == "Indented start.\n"
    assert w.quiet_for(2.0) == []  # the fix's write is not a change to react to
    _edit(page, "Text.\n\n\n\n\nMore.\n")
    w.until("Watching for file changes.")
    assert page.read_text(encoding="utf-8") == "Text.\n\nMore.\n"
    assert w.interrupt()[0] == 0


def test_watch_refuses_stdin(run) -> None:  # type: ignore[no-untyped-def]
    proc = run("check", "--watch", "-", input=b"Text.\n")
    assert proc.returncode == 2
    assert proc.stderr.strip() == "copylint: --watch needs files or folders to watch, not stdin ('-')"


def test_watch_is_in_the_help(run) -> None:  # type: ignore[no-untyped-def]
    assert "--watch" in run("check", "--help").stdout


def test_the_results_cache_is_not_watched(tmp_path: Path) -> None:
    """A run writes its cache under the watched folder: were the cache watched, each run would start the next."""
    from lint.cache import CACHE_DIR_NAME
    from lint.watch import snapshot

    (tmp_path / "a.txt").write_text("Text.\n", encoding="utf-8")
    (tmp_path / CACHE_DIR_NAME).mkdir()
    (tmp_path / CACHE_DIR_NAME / "entry").write_text("x", encoding="utf-8")
    (tmp_path / "node_modules").mkdir()
    (tmp_path / "node_modules" / "b.md").write_text("Text.\n", encoding="utf-8")
    assert [Path(p).name for p in snapshot([str(tmp_path)], set()) if Path(p).is_relative_to(tmp_path)] == ["a.txt"]

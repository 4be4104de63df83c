"""Shared fixtures of the LanguageTool tests: the real server, installed and started once per session.

Test modules import what they use (``from tests.languagetool_fixtures import lt_server``). The server
runs from the install that ``.ci/languagetool.sh`` makes (installing it here if it is missing), under a
home folder of the session's own (its jars linked to the real install), so ``--home`` reaches it and
a server the developer runs is left alone. No fake server: without Java (or without the jars and Maven
to fetch them) these tests are skipped, with that reason.
"""

from __future__ import annotations

import os
import shutil
import signal
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from lint.languagetool import LT_VERSION, install, provider, server, store
from lint.languagetool.client import Client


@dataclass(frozen=True)
class LTServer:
    url: str
    home: Path  # pass as --home to reach it with `copylint languagetool ...`
    pid: int
    max_text_length: int


_servers: dict[str, LTServer] = {}


def why_no_languagetool() -> str | None:
    """Why the real server cannot run here (None when it can): what a test skipped for it reports."""
    if shutil.which("java") is None:
        return "needs Java 17+ on PATH for the LanguageTool server (the G tests)"
    if install.installed() is None and shutil.which("mvn") is None:
        return "needs LanguageTool installed (`copylint languagetool install`) or Maven to install it"
    return None


needs_languagetool = pytest.mark.skipif(why_no_languagetool() is not None, reason=why_no_languagetool() or "")


def _home_for(base: Path) -> Path:
    reason = why_no_languagetool()
    if reason is not None:
        pytest.skip(reason)
    real = install.install()  # a no-op when .ci/languagetool.sh has installed it
    home = base
    home.mkdir(parents=True, exist_ok=True)
    link = home / LT_VERSION
    if not link.exists():
        link.symlink_to(real.root, target_is_directory=True)
    return home


def answering(home: Path) -> server.RunState | None:
    """The server recorded in ``home`` if its process lives and it answers its health check (what a test
    asserts of a server it expects up or gone; copylint itself takes a live recorded server as the server)."""
    state = server.read_state(where=home)
    return state if state is not None and Client(state.url).healthy(2.0) else None


def start_server(base: Path, name: str, **properties: str) -> LTServer:
    """A real LanguageTool server of its own home ``base``/``name``, on a free port, that ends with this
    process: a test run killed at its time limit, which stops no fixture, leaves no JVM behind."""
    home = _home_for(base / name)
    state = server.start(port=server.free_port(), heap="768m", timeout=120, where=home, properties=properties,
                         tied=True)
    return LTServer(state.url, home, state.pid, state.max_text_length)


def stop_server(lt: LTServer) -> None:
    try:
        os.kill(lt.pid, signal.SIGCONT)  # in case a test froze it
    except ProcessLookupError:
        pass
    server.stop(where=lt.home)


@pytest.fixture(scope="session")
def lt_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LTServer]:
    """The session's LanguageTool server (started once however many modules import this fixture)."""
    if "shared" not in _servers:
        _servers["shared"] = start_server(tmp_path_factory.getbasetemp() / "languagetool", "shared")
    yield _servers["shared"]
    lt = _servers.pop("shared", None)
    if lt is not None:
        stop_server(lt)


@pytest.fixture
def lt_fresh(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A test's own results cache, and a process that has learnt nothing about servers yet."""
    cache = tmp_path / "cache"
    monkeypatch.setenv("COPYLINT_CACHE_DIR", str(cache))
    monkeypatch.delenv("COPYLINT_NO_CACHE", raising=False)
    provider.reset()
    store.clear_memory()
    yield cache
    provider.reset()
    store.clear_memory()

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seed" / "article.txt"


def _missing(path: Path) -> str:
    return f"needs {path}: ../shared (the seed article, corpora, schemas) sits beside a working copy, not in a clone"


def ctrl_c_reaches_it() -> None:
    """A child's ``preexec_fn``: SIGINT as a terminal's Ctrl-C gives it. A shell without job control starts
    a background job (a CI step's ``cmd &``) with SIGINT ignored, which its children inherit: there, a test
    that sends SIGINT would see the run finish as if it had never been sent."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_DFL)


def needs_shared(*parts: str) -> pytest.MarkDecorator:
    """Skip the test (with the reason) when ``../shared/<parts>`` is absent, as in a fresh clone."""
    path = SHARED.joinpath(*parts)
    return pytest.mark.skipif(not path.exists(), reason=_missing(path))


def shared_path(*parts: str) -> Path:
    """``../shared/<parts>``, or skip the calling test or fixture when it is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(_missing(path))
    return path


needs_seed = needs_shared("seed", "article.txt")

# Fixtures that copy or read the seed article. A test using one is skipped before any fixture runs:
# skipping from inside the fixture would come after the others (a language server already started,
# which pytest-lsp then waits on at teardown).
SEED_FIXTURES = frozenset({"workdir", "seed_findings", "seed_text"})


def pytest_sessionstart(session: pytest.Session) -> None:
    """Byte-compile the package once. Hundreds of tests run the real command in a subprocess; where
    PYTHONDONTWRITEBYTECODE is set (as in many CI containers) each of them would otherwise compile every
    module of lint/ and rules/ again. A subprocess still reads a .pyc that exists."""
    import compileall

    for folder in ("lint", "rules"):
        compileall.compile_dir(ROOT / folder, quiet=2)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # The heavy tests first: the workers take tests in this order, and one of them left for the end
    # would run alone while the other cores idle.
    items.sort(key=lambda item: item.get_closest_marker("heavy") is None)
    if SEED.exists():
        return
    for item in items:
        if SEED_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(needs_seed)


@pytest.fixture
def run():
    """Run the real `copylint` command (python -m lint) and return the CompletedProcess."""

    def _run(*args: str, cwd: Path | None = None, input: bytes | None = None,
             env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
        full_env = dict(os.environ)
        full_env.pop("NO_COLOR", None)
        full_env.update(env or {})
        proc = subprocess.run(
            [sys.executable, "-m", "lint", *args], cwd=cwd, input=input, capture_output=True, env=full_env,
            timeout=120,
        )
        return subprocess.CompletedProcess(
            proc.args, proc.returncode, proc.stdout.decode("utf-8", "replace"), proc.stderr.decode("utf-8", "replace")
        )

    return _run


@pytest.fixture
def seed_text() -> str:
    return shared_path("seed", "article.txt").read_text(encoding="utf-8")

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seed" / "article.txt"


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
    return SEED.read_text(encoding="utf-8")

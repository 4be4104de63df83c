"""The pre-commit hooks (.pre-commit-hooks.yaml), run by the real `pre-commit` against this checkout.

pre-commit installs a hook repository at a revision into its own virtualenv (pip, from PyPI), so the
working tree is first committed to a scratch repository (tests run before a commit) and every test of
the session shares one PRE_COMMIT_HOME: copylint is installed once per session.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.conftest import ROOT, SEED, needs_seed

# One worker runs every test here (with -n): they share the session's pre-commit home and its install.
pytestmark = pytest.mark.xdist_group("pre-commit")

GIT_ENV = {
    "GIT_AUTHOR_NAME": "copylint tests", "GIT_AUTHOR_EMAIL": "tests@example.invalid",
    "GIT_COMMITTER_NAME": "copylint tests", "GIT_COMMITTER_EMAIL": "tests@example.invalid",
}


def _git(*args: str, cwd: Path) -> str:
    return subprocess.run(
        ["git", *args], cwd=cwd, capture_output=True, text=True, check=True, env={**os.environ, **GIT_ENV}
    ).stdout.strip()


@pytest.fixture(scope="session")
def hook_repo(tmp_path_factory) -> tuple[Path, str]:
    """This checkout's working tree as a git repository: (path, revision)."""
    dest = tmp_path_factory.mktemp("hook-repo") / "copylint"
    files = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT, capture_output=True, text=True, check=True,
    ).stdout.splitlines()
    for name in files:
        src = ROOT / name
        if src.is_file():
            target = dest / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, target)
    _git("init", "-q", cwd=dest)
    _git("add", "-A", cwd=dest)
    _git("commit", "-q", "-m", "snapshot of the working tree", cwd=dest)
    return dest, _git("rev-parse", "HEAD", cwd=dest)


@pytest.fixture(scope="session")
def pre_commit_home(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("pre-commit-home")


@pytest.fixture
def pre_commit(pre_commit_home):
    def _run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("COPYLINT_", "PRE_COMMIT"))}
        env.update(GIT_ENV, PRE_COMMIT_HOME=str(pre_commit_home), PRE_COMMIT_COLOR="never")
        return subprocess.run(
            [sys.executable, "-m", "pre_commit", *args], cwd=cwd, capture_output=True, text=True,
            env=env, timeout=1200,
        )

    return _run


def _project(tmp_path: Path, hook_repo: tuple[Path, str], files: dict[str, str | bytes]) -> Path:
    """A content repository using both hooks from this checkout."""
    repo, rev = hook_repo
    project = tmp_path / "content"
    project.mkdir()
    _git("init", "-q", cwd=project)
    config = {"repos": [{"repo": str(repo), "rev": rev, "hooks": [{"id": "copylint-fix"}, {"id": "copylint"}]}]}
    (project / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config))
    for name, content in files.items():
        path = project / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    _git("add", "-A", cwd=project)
    return project


def test_hooks_manifest_is_what_pre_commit_expects():
    hooks = {h["id"]: h for h in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())}
    assert set(hooks) == {"copylint", "copylint-fix"}
    for hook in hooks.values():
        assert hook["language"] == "python" and hook["require_serial"] is False
        assert hook["entry"].startswith("copylint check")
    assert "--fix" in hooks["copylint-fix"]["entry"]
    from identify import extensions

    known = set().union(*extensions.EXTENSIONS.values())
    for tag in hooks["copylint"]["types_or"]:
        assert tag in known, tag
    # identify tags the formats copylint reads by extension
    for ext in ("txt", "md", "markdown", "rst", "html", "po", "xliff"):
        assert extensions.EXTENSIONS[ext] & set(hooks["copylint"]["types_or"]), ext


@needs_seed
def test_check_hook_fails_on_the_seed(tmp_path, hook_repo, pre_commit):
    project = _project(tmp_path, hook_repo, {"news/article.txt": SEED.read_text(encoding="utf-8")})
    r = pre_commit("run", "copylint", "--all-files", cwd=project)
    assert r.returncode == 1, r.stdout + r.stderr
    assert "news/article.txt:1:1: W101 [leading-whitespace]" in r.stdout
    assert "Failed" in r.stdout
    # the check hook never writes
    assert (project / "news/article.txt").read_text(encoding="utf-8") == SEED.read_text(encoding="utf-8")


def test_check_hook_passes_on_a_clean_file_and_skips_other_types(tmp_path, hook_repo, pre_commit):
    project = _project(tmp_path, hook_repo, {
        "clean.md": "A clean sentence.\n",
        # not a prose format: identify tags it python, so the hook never sees it
        "tool.py": "  x = 1  # starts with spaces, which W101 would flag in prose\n",
    })
    r = pre_commit("run", "copylint", "--all-files", "--verbose", cwd=project)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "Passed" in r.stdout
    assert "tool.py" not in r.stdout


def test_fix_hook_rewrites_then_passes(tmp_path, hook_repo, pre_commit):
    project = _project(tmp_path, hook_repo, {"lead.txt": "  Indented start.\n", "ok.md": "Fine.\n"})
    first = pre_commit("run", "copylint-fix", "--all-files", cwd=project)
    assert first.returncode == 1, first.stdout + first.stderr
    assert "files were modified by this hook" in first.stdout
    assert (project / "lead.txt").read_text() == "Indented start.\n"
    assert (project / "ok.md").read_text() == "Fine.\n"
    second = pre_commit("run", "copylint-fix", "--all-files", cwd=project)
    assert second.returncode == 0, second.stdout + second.stderr
    check = pre_commit("run", "copylint", "--all-files", cwd=project)
    assert check.returncode == 0, check.stdout + check.stderr


@needs_seed
def test_fix_hook_rewrites_the_seed_and_a_second_run_passes(tmp_path, hook_repo, pre_commit):
    original = SEED.read_text(encoding="utf-8")
    project = _project(tmp_path, hook_repo, {"article.txt": original})
    first = pre_commit("run", "copylint-fix", "--all-files", cwd=project)
    assert first.returncode == 1, first.stdout + first.stderr
    assert "files were modified by this hook" in first.stdout
    fixed = (project / "article.txt").read_text(encoding="utf-8")
    assert fixed != original and not fixed.startswith(" ")
    second = pre_commit("run", "copylint-fix", "--all-files", cwd=project)
    assert second.returncode == 0, second.stdout + second.stderr
    assert (project / "article.txt").read_text(encoding="utf-8") == fixed


@needs_seed
def test_try_repo_runs_the_check_hook(tmp_path, hook_repo, pre_commit):
    repo, rev = hook_repo
    project = tmp_path / "content"
    project.mkdir()
    _git("init", "-q", cwd=project)
    (project / "article.txt").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    _git("add", "-A", cwd=project)
    r = pre_commit("try-repo", str(repo), "copylint", "--ref", rev, "--all-files", cwd=project)
    assert r.returncode == 1, r.stdout + r.stderr
    assert "article.txt:1:1: W101" in r.stdout

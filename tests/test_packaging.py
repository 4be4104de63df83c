"""The distribution: a wheel from a clean checkout ships the rules under lint.rules (never a top-level
`rules` package), and an editable install finds them too."""

from __future__ import annotations

import site
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

from tests.conftest import ROOT

# One worker runs every test here (with -n): they share the module's fixture.
pytestmark = pytest.mark.xdist_group("packaging")


@pytest.fixture(scope="module")
def clean_checkout(tmp_path_factory) -> Path:
    dest = tmp_path_factory.mktemp("checkout") / "copylint"
    subprocess.run(["git", "clone", "-q", str(ROOT), str(dest)], check=True)
    # The working tree may hold changes not yet committed (tests run before a commit): overlay them.
    files = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT, capture_output=True, text=True, check=True,
    ).stdout.split()
    for name in files:
        src = ROOT / name
        if src.is_file():
            target = dest / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(src.read_bytes())
    return dest


def test_wheel_ships_rules_under_lint_namespace(clean_checkout, tmp_path):
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(tmp_path)],
        cwd=clean_checkout, check=True, capture_output=True,
    )
    wheel = next(tmp_path.glob("copylint-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    assert "lint/rules/whitespace/leading_whitespace.py" in names
    assert "lint/data/output.schema.json" in names and "lint/data/config.schema.json" in names
    assert not any(n.startswith("rules/") for n in names), "a top-level 'rules' package would clash on PyPI"
    assert "lint/manual/rules.md" in names, "the rule links (SARIF, LSP) point at the docs shipped here"
    # Every rule module in the tree is in the wheel.
    for module in (clean_checkout / "rules").rglob("*.py"):
        rel = module.relative_to(clean_checkout / "rules").as_posix()
        assert f"lint/rules/{rel}" in names, rel
    # So is every module of the engine (a sub-package missing from setup.cfg's list would not be).
    for module in (clean_checkout / "lint").rglob("*.py"):
        rel = module.relative_to(clean_checkout).as_posix()
        assert rel in names, rel
    entry_points = next(n for n in names if n.endswith("entry_points.txt"))
    assert "copylint = lint.cli:run" in zipfile.ZipFile(wheel).read(entry_points).decode()


def test_editable_install_finds_rules(clean_checkout, tmp_path):
    env_dir = tmp_path / "venv"
    # The new environment sees this one's packages (pip, and the setuptools the test extras require)
    # rather than the base Python's, which inside a virtualenv may be too old to build an editable install.
    venv.create(env_dir, system_site_packages=False, with_pip=False)
    python = env_dir / "bin" / "python"
    own_site = subprocess.run([python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                              capture_output=True, text=True, check=True).stdout.strip()
    Path(own_site, "outer-environment.pth").write_text("\n".join(site.getsitepackages()) + "\n")
    subprocess.run(
        [python, "-m", "pip", "install", "-q", "--no-deps", "--no-build-isolation", "-e", str(clean_checkout)],
        check=True, capture_output=True,
    )
    code = (
        "import lint, lint.rules.whitespace.leading_whitespace as m, lint.registry as r;"
        "print(m.__file__); print(len(r.builtin_rules()))"
    )
    out = subprocess.run([python, "-c", code], cwd=tmp_path, capture_output=True, text=True, check=True).stdout
    first, count = out.split()
    assert first.startswith(str(clean_checkout / "rules"))
    assert int(count) >= 1


# What `pip install copylint` pulls in: each core dependency is imported by the package (the extras
# carry the rest: language-tool-python for a Maven-less LanguageTool install, the test tools).
IMPORT_NAMES = {"click": "click", "regex": "regex", "PyYAML": "yaml", "pathspec": "pathspec", "ftfy": "ftfy",
                "pysbd": "pysbd", "markdown-it-py": "markdown_it", "markdown-it-pyrs": "markdown_it_pyrs",
                "mdit-py-plugins": "mdit_py_plugins",
                "lxml": "lxml", "polib": "polib", "pygls": "pygls", "pyphen": "pyphen", "tomli": "tomli",
                "pycld2": "pycld2", "tqdm": "tqdm", "pypinyin": "pypinyin", "ahocorasick-rs": "ahocorasick_rs"}
# markdown-it-py is the fallback parser issue 20 adds (lint/formats/markdown_fallback.py); until that
# module is in the tree nothing imports it.
NOT_YET = {"markdown-it-py": ROOT / "lint" / "formats" / "markdown_fallback.py"}


def test_every_core_dependency_is_imported_by_the_package():
    import configparser
    import re

    cfg = configparser.ConfigParser()
    cfg.read(ROOT / "setup.cfg")
    requires = [line.split("#")[0].strip() for line in cfg["options"]["install_requires"].splitlines()]
    names = [re.split(r"[<>=!;\[ ]", r)[0] for r in requires if r]
    assert "language-tool-python" not in names and "docutils" not in names
    sources = "\n".join(p.read_text(encoding="utf-8") for folder in ("lint", "rules")
                        for p in (ROOT / folder).rglob("*.py"))
    for name in names:
        if name in NOT_YET and not NOT_YET[name].exists():
            continue
        module = IMPORT_NAMES[name]
        assert re.search(rf"^\s*(?:import|from) {module}\b", sources, re.M), f"{name} is declared, never imported"

"""Start-up does only what a run needs: a check of a small file imports no module it has no use for, and
data a rule ships is read from its YAML once, then from what was kept of it (bench/startup.py measures
the time; these tests hold the behaviour the time depends on)."""

from __future__ import annotations

import datetime
import os
import subprocess
import sys
from pathlib import Path

import pytest

from lint.rule import rule_data

_RUN = (
    "import sys\n"
    "from lint.cli import main\n"
    "sys.argv = ['copylint', 'check', '--no-cache', *sys.argv[1:]]\n"
    "try:\n"
    "    main()\n"
    "except SystemExit as exc:\n"
    "    print('exit', exc.code, file=sys.stderr)\n"
    "print(' '.join(sorted(sys.modules)), file=sys.stderr)\n"
)


def _modules_of_a_check(*args: str, cwd: Path) -> tuple[str, set[str]]:
    """The report and the modules imported by `copylint check --no-cache ARGS` in a new interpreter that
    writes bytecode caches, as a user's does (the run before it has written them)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    for _ in range(2):
        run = subprocess.run([sys.executable, "-c", _RUN, *args], capture_output=True, text=True, cwd=cwd,
                             check=True, env=env)
    exit_line, modules = run.stderr.strip().splitlines()[-2:]
    return run.stdout + exit_line, set(modules.split())


def test_a_small_text_file_is_checked_without_pyyaml(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Share this\n\nTwo  spaces here.\n", encoding="utf-8")
    report, modules = _modules_of_a_check("a.txt", cwd=tmp_path)
    assert "S102" in report and "W105" in report and "exit 1" in report
    assert "yaml" not in modules


def test_a_config_file_is_still_read(tmp_path: Path) -> None:
    (tmp_path / ".copylint.yaml").write_text("ignore: [W105]\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Share this\n\nTwo  spaces here.\n", encoding="utf-8")
    report, modules = _modules_of_a_check("a.txt", cwd=tmp_path)
    assert "S102" in report and "W105" not in report
    assert "yaml" in modules


@pytest.fixture()
def writing_caches(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "dont_write_bytecode", False)


def _kept(path: Path) -> list[Path]:
    return sorted((path.parent / "__pycache__").glob(f"{path.name}.*.marshal"))


def test_rule_data_is_kept_and_read_again_when_its_file_changes(tmp_path: Path, writing_caches: None) -> None:
    data = tmp_path / "labels.yaml"
    data.write_text("date: [Posted, Updated]\nlimit: 3\nstrict: true\n", encoding="utf-8")
    assert rule_data(data) == {"date": ["Posted", "Updated"], "limit": 3, "strict": True}
    assert len(_kept(data)) == 1
    assert rule_data(data) == {"date": ["Posted", "Updated"], "limit": 3, "strict": True}
    data.write_text("date: [Posted]\n", encoding="utf-8")  # the same size class, a new text
    assert rule_data(data) == {"date": ["Posted"]}
    assert list(rule_data(data)) == ["date"]


def test_rule_data_kept_nowhere_without_bytecode_caches(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    data = tmp_path / "labels.yaml"
    data.write_text("date: [Posted]\n", encoding="utf-8")
    assert rule_data(data) == {"date": ["Posted"]}
    assert not (tmp_path / "__pycache__").exists()


def test_rule_data_that_marshal_cannot_hold_is_read_each_time(tmp_path: Path, writing_caches: None) -> None:
    data = tmp_path / "dates.yaml"
    data.write_text("since: 2024-01-24\n", encoding="utf-8")
    assert rule_data(data) == {"since": datetime.date(2024, 1, 24)}
    assert rule_data(data) == {"since": datetime.date(2024, 1, 24)}
    assert not _kept(data) and not list((tmp_path / "__pycache__").glob("*.tmp"))


def test_a_damaged_kept_file_is_replaced(tmp_path: Path, writing_caches: None) -> None:
    data = tmp_path / "labels.yaml"
    data.write_text("date: [Posted]\n", encoding="utf-8")
    rule_data(data)
    (kept,) = _kept(data)
    kept.write_bytes(b"\x00not marshal")
    assert rule_data(data) == {"date": ["Posted"]}
    assert rule_data(data) == {"date": ["Posted"]}
    assert kept.read_bytes() != b"\x00not marshal"

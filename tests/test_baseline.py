"""The baseline (`copylint baseline write`, `check --baseline`) and `check --changed-since REF`."""

from __future__ import annotations

import json
import subprocess


def _findings(proc):
    return json.loads(proc.stdout)["findings"]


def test_baseline_hides_recorded_findings_even_after_lines_are_inserted_above(run, tmp_path):
    a = tmp_path / "docs" / "a.txt"
    a.parent.mkdir()
    a.write_text("Intro line.\n\nThe minister  said on Monday.\n\nHe said “yes.\n", encoding="utf-8")
    before = _findings(run("check", ".", "--isolated", "--no-cache", "--format", "json", cwd=tmp_path))
    assert len(before) >= 2
    wrote = run("baseline", "write", ".", "--isolated", "-o", "base.json", cwd=tmp_path)
    assert wrote.returncode == 0, wrote.stderr
    # Lines inserted above every finding: the same findings at other lines, still known.
    a.write_text("New first paragraph.\n\nAnother one.\n\n" + a.read_text(encoding="utf-8"), encoding="utf-8")
    shifted = run("check", ".", "--isolated", "--no-cache", "--format", "json", "--baseline", "base.json", cwd=tmp_path)
    assert _findings(shifted) == [] and shifted.returncode == 0
    # A new finding is reported, and only it.
    a.write_text(a.read_text(encoding="utf-8") + "\nA new  gap appears.\n", encoding="utf-8")
    new = run("check", ".", "--isolated", "--no-cache", "--format", "json", "--baseline", "base.json", cwd=tmp_path)
    found = _findings(new)
    assert [f["code"] for f in found] == ["W105"] and found[0]["start"]["line"] == 11
    assert new.returncode == 1


def test_baseline_counts_identical_findings(run, tmp_path):
    a = tmp_path / "a.txt"
    a.write_text("One  gap.\n\nOne  gap.\n", encoding="utf-8")
    run("baseline", "write", "a.txt", "--isolated", "--select", "W105", "-o", "b.json", cwd=tmp_path)
    a.write_text("One  gap.\n\nOne  gap.\n\nOne  gap.\n", encoding="utf-8")
    proc = run("check", "a.txt", "--isolated", "--no-cache", "--select", "W105", "--format", "json",
               "--baseline", "b.json", cwd=tmp_path)
    assert len(_findings(proc)) == 1


def test_a_bad_baseline_is_one_clear_error(run, tmp_path):
    (tmp_path / "a.txt").write_text("Fine.\n")
    (tmp_path / "b.json").write_text("{not json")
    proc = run("check", "a.txt", "--isolated", "--baseline", "b.json", cwd=tmp_path)
    assert proc.returncode == 2 and "b.json" in proc.stderr and "Traceback" not in proc.stderr


def _git(*args, cwd):
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


def test_changed_since_lints_only_changed_and_untracked_files(run, tmp_path):
    _git("init", "-q", cwd=tmp_path)
    _git("config", "user.email", "t@example.org", cwd=tmp_path)
    _git("config", "user.name", "T", cwd=tmp_path)
    for name in ("old.txt", "edited.txt"):
        (tmp_path / name).write_text("The minister  said so.\n")
    _git("add", ".", cwd=tmp_path)
    _git("commit", "-q", "-m", "one", cwd=tmp_path)
    (tmp_path / "edited.txt").write_text("The minister  said so again.\n")
    (tmp_path / "new.txt").write_text("A  new file.\n")
    proc = run("check", ".", "--isolated", "--no-cache", "--format", "json", "--changed-since", "HEAD", cwd=tmp_path)
    assert sorted({f["path"] for f in _findings(proc)}) == ["edited.txt", "new.txt"]
    bad = run("check", ".", "--isolated", "--changed-since", "no-such-ref", cwd=tmp_path)
    assert bad.returncode == 2 and "no-such-ref" in bad.stderr and "Traceback" not in bad.stderr

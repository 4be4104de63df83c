"""The results cache: an unchanged file under unchanged settings is not re-checked; any change is a miss."""

from __future__ import annotations

import json


def _entries(folder):
    return sorted(p for p in (folder / ".copylint_cache").rglob("*.json"))


def test_second_run_reads_the_cache_and_changes_invalidate_it(run, tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("  Indented.\n")
    first = run("check", "a.txt", "--format", "json", cwd=tmp_path)
    entries = _entries(tmp_path)
    assert len(entries) == 1
    # Mark the cached entry: a second run that reports the mark read the cache instead of re-checking.
    data = json.loads(entries[0].read_text())
    data["findings"][0]["message"] = "served from the cache"
    entries[0].write_text(json.dumps(data))
    second = run("check", "a.txt", "--format", "json", cwd=tmp_path)
    assert json.loads(second.stdout)["findings"][0]["message"] == "served from the cache"
    assert second.returncode == first.returncode == 1
    # --no-cache re-checks.
    fresh = run("check", "a.txt", "--format", "json", "--no-cache", cwd=tmp_path)
    assert json.loads(fresh.stdout)["findings"][0]["message"] != "served from the cache"
    # Other settings: a different entry.
    run("check", "a.txt", "--select", "W101", cwd=tmp_path)
    assert len(_entries(tmp_path)) == 2
    # Changed content: a miss, and the new findings are right.
    f.write_text("Not indented.\n")
    third = run("check", "a.txt", "--format", "json", "--select", "W101", cwd=tmp_path)
    assert json.loads(third.stdout)["findings"] == [] and third.returncode == 0


def test_corrupt_entry_is_a_miss(run, tmp_path):
    (tmp_path / "a.txt").write_text("  Indented.\n")
    run("check", "a.txt", cwd=tmp_path)
    for entry in _entries(tmp_path):
        entry.write_text("{not json")
    r = run("check", "a.txt", "--format", "json", cwd=tmp_path)
    assert json.loads(r.stdout)["findings"][0]["code"] == "W101"


def test_cache_folder_ignores_itself(run, tmp_path):
    (tmp_path / "a.txt").write_text("x.\n")
    run("check", "a.txt", cwd=tmp_path)
    assert (tmp_path / ".copylint_cache" / ".gitignore").read_text() == "*\n"

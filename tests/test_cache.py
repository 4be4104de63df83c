"""The results cache: an unchanged file under unchanged settings is not re-checked; any change is a miss."""

from __future__ import annotations

import json
import os

import pytest


def _entries(folder):
    """The entries keyed by content (the index by size and mtime lives under index/)."""
    return sorted(p for p in (folder / ".copylint_cache").rglob("*.json") if "index" not in p.parts)


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


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_unchanged_file_is_served_by_size_and_mtime_and_an_edit_is_seen(run, tmp_path, jobs):
    """A file with the size, modification time and inode it had is not read again, whether it was linted
    in this process or on the pool (--jobs 2): an edit that keeps all three (which only a hash would
    see) still gets the old findings; one that changes the mtime is linted again."""
    old = 1_700_000_000 * 10**9  # older than the racy window
    files = [tmp_path / f"{i}.txt" for i in range(6)]
    for f in files:
        f.write_text("  Indented.\n")
        os.utime(f, ns=(old, old))
    first = run("check", ".", "--format", "json", "--jobs", jobs, cwd=tmp_path)
    assert [f["code"] for f in json.loads(first.stdout)["findings"]] == ["W101"] * 6
    for f in files:
        f.write_text("Not indent.\n")  # same size, same inode
        os.utime(f, ns=(old, old))
    second = run("check", ".", "--format", "json", "--jobs", jobs, cwd=tmp_path)
    assert second.stdout == first.stdout
    os.utime(files[0], ns=(old + 10**9, old + 10**9))
    third = run("check", ".", "--format", "json", "--jobs", jobs, cwd=tmp_path)
    assert [f["path"] for f in json.loads(third.stdout)["findings"]] == [f"{i}.txt" for i in range(1, 6)]


def test_cache_dir_from_config_and_env_and_clean(run, tmp_path):
    (tmp_path / "a.txt").write_text("  Indented.\n")
    (tmp_path / ".copylint.yaml").write_text("cache-dir: build/lint-cache\n")
    run("check", "a.txt", cwd=tmp_path)
    assert list((tmp_path / "build" / "lint-cache").rglob("*.json"))
    assert not (tmp_path / ".copylint_cache").exists()
    env_dir = tmp_path / "env-cache"
    run("check", "a.txt", cwd=tmp_path, env={"COPYLINT_CACHE_DIR": str(env_dir)})
    assert list(env_dir.rglob("*.json"))
    cleaned = run("clean", cwd=tmp_path)
    assert cleaned.returncode == 0
    assert not (tmp_path / "build" / "lint-cache").exists()
    # A folder that is not a copylint cache is never removed.
    (tmp_path / "build" / "lint-cache").mkdir(parents=True)
    (tmp_path / "build" / "lint-cache" / "keep.txt").write_text("mine")
    refused = run("clean", cwd=tmp_path)
    assert refused.returncode == 2
    assert (tmp_path / "build" / "lint-cache" / "keep.txt").exists()


def test_no_cache_is_an_option_of_the_run_not_of_the_process(tmp_path, monkeypatch):
    """--no-cache turns the cache off for its own run, in this process and in its workers, and leaves the
    environment alone: a later run in the same process (a tool that calls copylint in-process) caches."""
    from click.testing import CliRunner

    from lint.cli import cli

    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("COPYLINT_NO_CACHE", raising=False)
    for i in range(4):
        (tmp_path / f"{i}.txt").write_text("  Indented.\n")
    runner = CliRunner()
    off = runner.invoke(cli, ["check", "--no-cache", "--jobs", "2", "--isolated", "."])
    assert off.exit_code == 1, off.output
    assert not (tmp_path / ".copylint_cache").exists()
    assert "COPYLINT_NO_CACHE" not in os.environ
    on = runner.invoke(cli, ["check", "--isolated", "0.txt"])
    assert on.exit_code == 1, on.output
    assert len(_entries(tmp_path)) == 1


def test_a_tampered_stat_index_is_a_miss(run, tmp_path):
    """The index that answers for unchanged files, garbled or with findings that run past the text, is
    not believed: the file is linted (or found by its content) and reported as it is."""
    f = tmp_path / "a.txt"
    f.write_text("Two  spaces.\n")
    old = 1_700_000_000 * 10**9
    os.utime(f, ns=(old, old))
    first = run("check", "a.txt", "--format", "json", cwd=tmp_path)
    [index] = list((tmp_path / ".copylint_cache").rglob("index/*.json"))
    row = next(iter(json.loads(index.read_text()).values()))
    row[7][0]["end"] = 10_000  # past the end of the text
    for bad in ("{not json", "[1, 2]", json.dumps({str(f): [1, 2]}), json.dumps({str(f): row})):
        index.write_text(bad)
        again = run("check", "a.txt", "--format", "json", cwd=tmp_path)
        assert again.returncode == 1 and "Traceback" not in again.stderr, again.stderr
        assert again.stdout == first.stdout


def test_the_stat_index_forgets_files_that_are_gone(run, tmp_path):
    """Deleted and renamed files do not stay in the index for ever: the next run that writes it drops
    them, and keeps the files it did not look at (another folder's) that still exist."""
    old = 1_700_000_000 * 10**9
    for name in ("a/1.txt", "a/2.txt", "b/3.txt"):
        f = tmp_path / name
        f.parent.mkdir(exist_ok=True)
        f.write_text("  Indented.\n")
        os.utime(f, ns=(old, old))
    run("check", ".", cwd=tmp_path)

    def indexed():
        [index] = list((tmp_path / ".copylint_cache").rglob("index/*.json"))
        return sorted(os.path.relpath(p, tmp_path) for p in json.loads(index.read_text()))

    assert indexed() == ["a/1.txt", "a/2.txt", "b/3.txt"]
    (tmp_path / "a" / "2.txt").rename(tmp_path / "a" / "4.txt")
    run("check", "a", cwd=tmp_path)
    assert indexed() == ["a/1.txt", "a/4.txt", "b/3.txt"]


def test_the_tree_pre_pass_digest_is_the_cache_s() -> None:
    """A --no-cache run counts each file's lines under lint.tree's digest, a warm run under its stat record's
    (lint.cache's): the same files must count once whichever."""
    from lint import cache, tree

    for data in (b"", b"Two  spaces here.\n", "Caf\u00e9\n".encode()):
        assert tree.content_digest(data) == cache.content_digest(data)

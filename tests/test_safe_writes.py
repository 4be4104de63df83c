"""--fix never loses or damages a file: symbolic links are fixed through to their target, hard links,
owner and mode are kept (or the write refused with one line), read-only files are refused, a write
that fails (full disk, here a file-size limit) leaves the file as it was, temporaries of a killed run
are cleaned, and stdin --fix always writes its input back, in the input's encoding."""

from __future__ import annotations

import os
import resource
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from lint.source import stale_temporaries

CHECK = ("check", "--isolated", "--no-cache")
DIRTY, CLEAN = "Two  spaces.\n", "Two spaces.\n"


def test_a_symlink_is_fixed_through_to_its_target(run, tmp_path):
    (tmp_path / "target.txt").write_text(DIRTY)
    (tmp_path / "alias.txt").symlink_to("target.txt")
    r = run(*CHECK, "--fix", "alias.txt", cwd=tmp_path)
    assert r.returncode == 0, r.stdout + r.stderr
    assert (tmp_path / "alias.txt").is_symlink() and os.readlink(tmp_path / "alias.txt") == "target.txt"
    assert (tmp_path / "target.txt").read_text() == CLEAN


def test_a_symlink_loop_is_one_error_and_the_other_files_are_fixed(run, tmp_path):
    (tmp_path / "self.txt").symlink_to("self.txt")
    (tmp_path / "good.txt").write_text(DIRTY)
    r = run(*CHECK, "--fix", "self.txt", "good.txt", cwd=tmp_path)
    assert r.returncode == 2
    assert "self.txt: a symbolic link loop" in r.stdout + r.stderr and "Traceback" not in r.stderr
    assert (tmp_path / "good.txt").read_text() == CLEAN


def test_a_file_with_hard_links_is_refused_and_both_names_keep_one_text(run, tmp_path):
    (tmp_path / "a.txt").write_text(DIRTY)
    os.link(tmp_path / "a.txt", tmp_path / "b.txt")
    r = run(*CHECK, "--fix", "a.txt", cwd=tmp_path)
    assert r.returncode == 2
    assert "a.txt: has 2 hard links: an atomic write would split them; not written" in r.stdout
    assert "a.txt:1:4: W105" in r.stdout  # still reported, at its place in the unchanged file
    assert "Fixed" not in r.stdout
    assert (tmp_path / "a.txt").read_text() == DIRTY and os.stat(tmp_path / "a.txt").st_nlink == 2


def test_a_read_only_file_is_refused(run, tmp_path):
    path = tmp_path / "ro.txt"
    path.write_text(DIRTY)
    path.chmod(0o444)
    r = run(*CHECK, "--fix", "ro.txt", cwd=tmp_path)
    assert r.returncode == 2 and "ro.txt: read-only file; not written" in r.stdout
    assert path.read_text() == DIRTY and (path.stat().st_mode & 0o777) == 0o444


def test_mode_is_kept(run, tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(DIRTY)
    path.chmod(0o640)
    assert run(*CHECK, "--fix", "a.txt", cwd=tmp_path).returncode == 0
    assert path.read_text() == CLEAN and (path.stat().st_mode & 0o777) == 0o640


@pytest.mark.skipif(os.geteuid() != 0, reason="only root can give a file to another user")
def test_owner_and_group_are_kept_when_root_fixes_another_users_file(run, tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(DIRTY)
    os.chown(path, 65534, 65534)
    assert run(*CHECK, "--fix", "a.txt", cwd=tmp_path).returncode == 0
    st = path.stat()
    assert path.read_text() == CLEAN and (st.st_uid, st.st_gid) == (65534, 65534)


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes in a read-only folder")
def test_a_read_only_folder_is_one_error(run, tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    (folder / "a.txt").write_text(DIRTY)
    folder.chmod(0o555)
    try:
        r = run(*CHECK, "--fix", "ro/a.txt", cwd=tmp_path)
    finally:
        folder.chmod(0o755)
    assert r.returncode == 2 and "cannot create a temporary file in its folder" in r.stdout
    assert (folder / "a.txt").read_text() == DIRTY


def test_a_failed_write_leaves_the_file_and_no_temporary(tmp_path):
    """A write that fails half-way (a full disk; here the process's file-size limit, which fails the
    same write with EFBIG) is one error line; the file and its folder are as they were."""
    path = tmp_path / "a.txt"
    path.write_text("Two  spaces and a longer line of text.\n")

    def limit_file_size() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (8, 8))

    r = subprocess.run([sys.executable, "-m", "lint", *CHECK, "--fix", "a.txt"], cwd=tmp_path,
                       capture_output=True, text=True, preexec_fn=limit_file_size, timeout=120)
    assert r.returncode == 2 and "a.txt: cannot write: File too large; not written" in r.stdout, r.stdout + r.stderr
    assert "Traceback" not in r.stderr
    assert path.read_text() == "Two  spaces and a longer line of text.\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt"]


def test_temporaries_of_a_killed_run_are_cleaned_when_a_fix_run_starts(run, tmp_path):
    (tmp_path / "a.txt").write_text(DIRTY)
    stale = tmp_path / ".a.txt.k2j4_9xq.copylint"
    stale.write_text("half a file")
    old = time.time() - 3600
    os.utime(stale, (old, old))
    fresh = tmp_path / ".b.txt.abcdefgh.copylint"  # another run may be writing it right now
    fresh.write_text("being written")
    mine = tmp_path / ".notes.copylint"  # not a name copylint gives its temporaries
    mine.write_text("a user's file")
    os.utime(mine, (old, old))
    assert stale_temporaries(tmp_path) == [stale]
    r = run(*CHECK, "--fix", "--verbose", "a.txt", cwd=tmp_path)
    assert r.returncode == 0
    assert not stale.exists() and fresh.exists() and mine.exists()
    assert "removed a temporary file a killed run left" in r.stderr
    assert (tmp_path / "a.txt").read_text() == CLEAN


def test_stdin_fix_echoes_binary_input_unchanged(run, tmp_path):
    data = bytes(range(256)) * 12
    r = subprocess.run([sys.executable, "-m", "lint", *CHECK, "--fix", "-", "--stdin-filename", "x.txt"],
                       input=data, capture_output=True, timeout=120)
    assert r.stdout == data
    assert b"x.txt: not fixed: binary file" in r.stderr


def test_stdin_fix_echoes_undecodable_input_unchanged_and_says_so(tmp_path):
    data = "café  au lait\n".encode("latin-1")
    r = subprocess.run([sys.executable, "-m", "lint", *CHECK, "--fix", "-", "--stdin-filename", "x.txt"],
                       input=data, capture_output=True, timeout=120)
    assert r.returncode == 2 and r.stdout == data
    assert b"x.txt: cannot decode as UTF-8" in r.stderr


@pytest.mark.parametrize("encoding", ["utf-16", "utf-8-sig", "utf-32"])
def test_stdin_fix_writes_back_in_the_input_encoding(encoding):
    data = DIRTY.encode(encoding)
    r = subprocess.run([sys.executable, "-m", "lint", *CHECK, "--fix", "-", "--stdin-filename", "x.txt"],
                       input=data, capture_output=True, timeout=120)
    assert r.returncode == 0, r.stderr
    assert r.stdout == CLEAN.encode(encoding)


def test_symlink_target_written_in_place_keeps_the_link_target_mode(run, tmp_path):
    target = tmp_path / "sub" / "t.txt"
    target.parent.mkdir()
    target.write_text(DIRTY)
    target.chmod(0o600)
    (tmp_path / "l.txt").symlink_to(Path("sub") / "t.txt")
    assert run(*CHECK, "--fix", "l.txt", cwd=tmp_path).returncode == 0
    assert target.read_text() == CLEAN and (target.stat().st_mode & 0o777) == 0o600
    assert sorted(p.name for p in target.parent.iterdir()) == ["t.txt"]

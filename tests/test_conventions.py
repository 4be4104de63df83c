"""The habits ruff and Vale users bring: summaries that agree with the exit code, fail levels, config in
pyproject.toml, extend, fixable/unfixable, output options, excerpt windows."""

from __future__ import annotations

# -- the summary line agrees with the exit code --------------------------------------------------------


def test_missing_file_is_named_in_the_summary_and_never_passes(run, tmp_path):
    r = run("check", "--isolated", "nosuch.txt", cwd=tmp_path)
    assert r.returncode == 2
    assert "All checks passed" not in r.stdout
    assert r.stdout.splitlines()[-1] == "No findings in 0 files; 1 file with errors: nosuch.txt."


def test_undecodable_file_is_counted_apart_from_the_checked_ones(run, tmp_path):
    (tmp_path / "cp.txt").write_bytes("caf\u00e9 ok.\n".encode("cp1252"))
    (tmp_path / "a.txt").write_text("Hello  world.\n")
    r = run("check", "--isolated", "cp.txt", "a.txt", cwd=tmp_path)
    assert r.returncode == 2
    assert "cp.txt: cannot decode as UTF-8" in r.stdout
    assert r.stdout.splitlines()[-1] == (
        "Found 1 finding in 1 file (1 fixable with --fix); 1 file with errors: cp.txt.")


def test_clean_files_beside_an_unreadable_one_do_not_pass(run, tmp_path):
    (tmp_path / "ok.txt").write_text("A clean sentence.\n")
    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe\xfa broken\n")
    r = run("check", "--isolated", "ok.txt", "bad.txt", cwd=tmp_path)
    assert r.returncode == 2
    assert r.stdout.splitlines()[-1] == "No findings in 1 file; 1 file with errors: bad.txt."
    r = run("check", "--isolated", "ok.txt", cwd=tmp_path)
    assert r.returncode == 0 and r.stdout.splitlines()[-1] == "All checks passed (1 file)."

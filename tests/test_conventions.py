"""The habits ruff and Vale users bring: summaries that agree with the exit code, fail levels, config in
pyproject.toml, extend, fixable/unfixable, output options, excerpt windows."""

from __future__ import annotations

import json

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


# -- --fail-level and fail-level: (Vale's --minAlertLevel) ---------------------------------------------


def _severities(run, cwd, *args):
    r = run("check", "--format", "json", *args, cwd=cwd)
    return {f["code"]: f["severity"] for f in json.loads(r.stdout)["findings"]}


def test_fail_level_error_passes_on_warnings_only(run, tmp_path):
    (tmp_path / "w.txt").write_text("  Indented start.\n")
    assert _severities(run, tmp_path, "--isolated", "w.txt") == {"W101": "warning"}
    r = run("check", "--isolated", "--fail-level", "error", "w.txt", cwd=tmp_path)
    assert r.returncode == 0, r.stdout
    assert "w.txt:1:1: W101" in r.stdout  # still reported
    assert r.stdout.splitlines()[-1].endswith("; none at or above the fail level.")
    assert run("check", "--isolated", "--fail-level", "warning", "w.txt", cwd=tmp_path).returncode == 1
    assert run("check", "--isolated", "w.txt", cwd=tmp_path).returncode == 1  # default: any finding fails


def test_fail_level_info_is_the_default_and_info_findings_pass_a_warning_level(run, tmp_path):
    (tmp_path / "i.txt").write_text("Two  spaces.\n")
    assert _severities(run, tmp_path, "--isolated", "i.txt") == {"W105": "info"}
    assert run("check", "--isolated", "--fail-level", "info", "i.txt", cwd=tmp_path).returncode == 1
    assert run("check", "--isolated", "--fail-level", "warning", "i.txt", cwd=tmp_path).returncode == 0


def test_fail_level_in_the_config_and_the_option_overrides_it(run, tmp_path):
    (tmp_path / ".git").mkdir()
    (tmp_path / ".copylint.yaml").write_text("fail-level: error\nseverity: {W105: error}\n")
    (tmp_path / "w.txt").write_text("  Indented start.\n")
    (tmp_path / "e.txt").write_text("Two  spaces.\n")
    assert run("check", "w.txt", cwd=tmp_path).returncode == 0
    assert run("check", "e.txt", cwd=tmp_path).returncode == 1  # raised to error by the same config
    assert run("check", "--fail-level", "warning", "w.txt", cwd=tmp_path).returncode == 1


def test_fail_level_never_hides_an_error_exit(run, tmp_path):
    r = run("check", "--isolated", "--fail-level", "error", "nosuch.txt", cwd=tmp_path)
    assert r.returncode == 2


def test_bad_fail_level_in_config_names_the_line(run, tmp_path):
    (tmp_path / ".git").mkdir()
    (tmp_path / ".copylint.yaml").write_text("select: [W]\nfail-level: loud\n")
    (tmp_path / "a.txt").write_text("A sentence.\n")
    r = run("check", "a.txt", cwd=tmp_path)
    assert r.returncode == 2
    assert ".copylint.yaml:2: 'fail-level' must be error, warning or info, not 'loud'" in r.stderr

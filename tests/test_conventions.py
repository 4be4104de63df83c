"""The habits ruff and Vale users bring: summaries that agree with the exit code, fail levels, config in
pyproject.toml, extend, fixable/unfixable, output options, excerpt windows."""

from __future__ import annotations

import json
from pathlib import Path

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


# -- config in pyproject.toml, extend, fixable/unfixable ----------------------------------------------

NO_NEWLINE = "No final newline."  # W104 only
BOILERPLATE = "The minister spoke on Monday.\n\nAdvertisement\n\nShe left at noon.\n"  # S102 only


def _project(tmp_path: Path, files: dict[str, str]) -> Path:
    (tmp_path / ".git").mkdir()  # the config search stops here
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


def _codes(run, cwd, *args):
    r = run("check", "--format", "json", *args, cwd=cwd)
    assert r.returncode in (0, 1), r.stdout + r.stderr
    return sorted(f["code"] for f in json.loads(r.stdout)["findings"])


def test_pyproject_tool_copylint_ignore_silences_w104(run, tmp_path):
    root = _project(tmp_path, {"a.txt": NO_NEWLINE})
    assert _codes(run, root, "a.txt") == ["W104"]
    (root / "pyproject.toml").write_text('[project]\nname = "x"\n\n[tool.copylint]\nignore = ["W104"]\n')
    r = run("check", "a.txt", cwd=root)
    assert r.returncode == 0 and "All checks passed" in r.stdout, r.stdout


def test_pyproject_without_a_copylint_table_is_not_a_config(run, tmp_path):
    root = _project(tmp_path, {"a.txt": NO_NEWLINE, "pyproject.toml": '[tool.ruff]\nline-length = 100\n'})
    assert _codes(run, root, "a.txt") == ["W104"]


def test_pyproject_sub_tables_and_every_yaml_key(run, tmp_path):
    root = _project(tmp_path, {
        "legacy/a.txt": NO_NEWLINE, "b.txt": "  Indented start.\n",
        "pyproject.toml": ('[tool.copylint]\nfail-level = "error"\n'
                           '[tool.copylint.per-file-ignores]\n"legacy/**" = ["W"]\n'
                           '[tool.copylint.severity]\nW101 = "error"\n'),
    })
    assert _codes(run, root, "legacy/a.txt", "b.txt") == ["W101"]
    r = run("check", "--format", "json", "b.txt", cwd=root)
    assert json.loads(r.stdout)["findings"][0]["severity"] == "error" and r.returncode == 1


def test_pyproject_errors_name_the_file_and_line(run, tmp_path):
    root = _project(tmp_path, {"a.txt": NO_NEWLINE,
                               "pyproject.toml": '[project]\nname = "x"\n[tool.copylint]\nselect = ["W"]\nignor = ["W104"]\n'})
    r = run("check", "a.txt", cwd=root)
    assert r.returncode == 2
    assert "pyproject.toml:5: unknown key 'ignor' (did you mean 'ignore'?)" in r.stderr, r.stderr
    (root / "pyproject.toml").write_text('[tool.copylint]\nselect = ["W"\n')
    r = run("check", "a.txt", cwd=root)
    assert r.returncode == 2 and "pyproject.toml:" in r.stderr and "invalid TOML" in r.stderr, r.stderr
    assert "Traceback" not in r.stderr


def test_the_nearer_config_wins_and_yaml_wins_in_the_same_folder(run, tmp_path):
    root = _project(tmp_path, {"docs/a.txt": NO_NEWLINE, "pyproject.toml": '[tool.copylint]\nignore = ["W104"]\n'})
    assert _codes(run, root, "docs/a.txt") == []
    (root / "docs" / ".copylint.yaml").write_text("select: [W]\n")  # nearer: a YAML file in docs/
    assert _codes(run, root, "docs/a.txt") == ["W104"]
    (root / "docs" / "pyproject.toml").write_text('[tool.copylint]\nignore = ["W104"]\n')  # same folder as it
    assert _codes(run, root, "docs/a.txt") == ["W104"]  # .copylint.yaml wins over pyproject.toml
    (root / "docs" / ".copylint.yaml").unlink()
    assert _codes(run, root, "docs/a.txt") == []


def test_extend_inherits_the_base_and_each_key_set_replaces_it(run, tmp_path):
    root = _project(tmp_path, {
        "shared/base.yaml": "ignore: [W104]\nseverity: {W101: error}\n",
        "site/.copylint.yaml": "extend: ../shared/base.yaml\nseverity: {W101: info}\n",
        "site/a.txt": NO_NEWLINE, "site/b.txt": "  Indented start.\n",
    })
    r = run("check", "--format", "json", "site/a.txt", "site/b.txt", cwd=root)
    findings = json.loads(r.stdout)["findings"]
    assert [(f["code"], f["severity"]) for f in findings] == [("W101", "info")]  # W104 ignored by the base


def test_extend_from_pyproject_and_a_missing_base(run, tmp_path):
    root = _project(tmp_path, {"base.yaml": "ignore: [W104]\n", "a.txt": NO_NEWLINE,
                               "pyproject.toml": '[tool.copylint]\nextend = "base.yaml"\n'})
    assert _codes(run, root, "a.txt") == []
    (root / "pyproject.toml").write_text('[tool.copylint]\nextend = "nosuch.yaml"\n')
    r = run("check", "a.txt", cwd=root)
    assert r.returncode == 2 and "pyproject.toml:2: 'extend': no config file at" in r.stderr, r.stderr


def test_extend_cycle_is_an_error(run, tmp_path):
    root = _project(tmp_path, {"a.yaml": "extend: b.yaml\n", "b.yaml": "select: [W]\nextend: a.yaml\n",
                               ".copylint.yaml": "extend: a.yaml\n", "x.txt": NO_NEWLINE})
    r = run("check", "x.txt", cwd=root)
    assert r.returncode == 2
    assert "b.yaml:2: 'extend' makes a cycle:" in r.stderr and "Traceback" not in r.stderr, r.stderr


def test_unfixable_reports_without_fixing(run, tmp_path):
    root = _project(tmp_path, {"s.txt": BOILERPLATE, ".copylint.yaml": "unfixable: [S102]\n"})
    r = run("check", "--fix", "s.txt", cwd=root)
    assert r.returncode == 1
    assert "s.txt:3:1: S102 [boilerplate-line] Boilerplate line 'Advertisement'\n" in r.stdout  # no [*]
    assert (root / "s.txt").read_text() == BOILERPLATE
    r = run("check", "--format", "json", "s.txt", cwd=root)
    assert json.loads(r.stdout)["findings"][0]["fix"] is None
    (root / ".copylint.yaml").write_text("fixable: [W]\n")  # only W fixes: S102 is not among them
    r = run("check", "--fix", "s.txt", cwd=root)
    assert r.returncode == 1 and (root / "s.txt").read_text() == BOILERPLATE
    (root / ".copylint.yaml").write_text("fixable: [ALL]\nunfixable: [W]\n")
    r = run("check", "--fix", "s.txt", cwd=root)
    assert "Advertisement" not in (root / "s.txt").read_text()
    # The blank lines left behind are W103's, whose fix W's unfixable holds back: reported, no [*].
    assert r.returncode == 1 and "s.txt:2:1: W103 [blank-line-run] 2 blank lines in a row\n" in r.stdout


# -- --output-file, --show-fixes, --color, --show-settings, --show-files --------------------------------

MESSY = "  Hello  world"  # W101, W105, W104: all with safe fixes


def test_output_file_holds_the_report_and_stdout_stays_empty(run, tmp_path):
    (tmp_path / "a.txt").write_text(MESSY)
    r = run("check", "--isolated", "--output-file", "report.json", "--format", "json", "a.txt", cwd=tmp_path)
    assert r.returncode == 1 and r.stdout == ""
    report = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    assert sorted(f["code"] for f in report["findings"]) == ["W101", "W104", "W105"]
    r = run("check", "--isolated", "-o", "report.txt", "a.txt", cwd=tmp_path)
    text = (tmp_path / "report.txt").read_text(encoding="utf-8")
    assert r.stdout == "" and text.splitlines()[-1] == "Found 3 findings in 1 file (3 fixable with --fix)."
    assert "\x1b[" not in text


def test_output_file_that_cannot_be_written_is_exit_2(run, tmp_path):
    (tmp_path / "a.txt").write_text(MESSY)
    r = run("check", "--isolated", "-o", "nosuch/report.txt", "a.txt", cwd=tmp_path)
    assert r.returncode == 2 and "cannot write the report to nosuch/report.txt" in r.stderr
    assert "Traceback" not in r.stderr


def test_show_fixes_lists_the_fixes_applied_per_file_and_rule(run, tmp_path):
    (tmp_path / "a.txt").write_text(MESSY)
    (tmp_path / "b.txt").write_text("Clean text.\n")
    r = run("check", "--isolated", "--fix", "--show-fixes", "a.txt", "b.txt", cwd=tmp_path)
    assert r.returncode == 0
    assert r.stdout == (
        "Fixed 3 findings:\n"
        "- a.txt:\n"
        "      1 × W101 (leading-whitespace)\n"
        "      1 × W104 (missing-final-newline)\n"
        "      1 × W105 (space-run)\n"
        "Fixed 3 findings in 1 file (0 remaining).\n"
    )
    assert (tmp_path / "a.txt").read_text() == "Hello world\n"


def test_color_always_never_and_the_environment(run, tmp_path):
    (tmp_path / "a.txt").write_text(MESSY)

    def coloured(*args, env=None):
        return "\x1b[" in run("check", "--isolated", *args, "a.txt", cwd=tmp_path, env=env).stdout

    assert not coloured()  # a pipe: no colour by default
    assert coloured("--color", "always")
    assert coloured(env={"FORCE_COLOR": "1"})
    assert not coloured(env={"FORCE_COLOR": "1", "NO_COLOR": "1"})  # NO_COLOR wins over FORCE_COLOR
    assert not coloured("--color", "never", env={"FORCE_COLOR": "1"})
    assert coloured("--color", "always", env={"NO_COLOR": "1"})  # the option wins over the environment


def test_show_settings_names_the_config_file_and_what_it_sets(run, tmp_path):
    root = _project(tmp_path, {
        "base.yaml": "severity: {W101: error}\n",
        "pyproject.toml": '[tool.copylint]\nextend = "base.yaml"\nignore = ["W104"]\nunfixable = ["S102"]\n',
        "docs/a.md": "# Title\n",
    })
    r = run("check", "--show-settings", "docs/a.md", cwd=root)
    assert r.returncode == 0, r.stderr
    lines = r.stdout.splitlines()
    assert f"Config file: [tool.copylint] in {(root / 'pyproject.toml').resolve()}" in lines
    assert f"Extends: {(root / 'base.yaml').resolve()}" in lines
    assert "Format: markdown" in lines
    assert "ignore: [W104]" in lines and "unfixable: [S102]" in lines and "severity: {W101: error}" in lines
    rules = next(line for line in lines if line.startswith("Rules ("))
    assert "W101" in rules and "W104" not in rules
    (root / "docs" / ".copylint.yaml").write_text("select: [W]\n")
    r = run("check", "--show-settings", "docs/a.md", cwd=root)
    assert f"Config file: {(root / 'docs' / '.copylint.yaml').resolve()}" in r.stdout.splitlines()
    r = run("check", "--isolated", "--show-settings", "docs/a.md", cwd=root)
    assert "Config file: none: the built-in defaults (--isolated)" in r.stdout.splitlines()


def test_show_files_lists_what_would_be_linted(run, tmp_path):
    root = _project(tmp_path, {"a.md": "# A\n", "docs/b.txt": "B.\n", "vendor/c.md": "# C\n",
                               "image.png": "", ".copylint.yaml": "extend-exclude: [vendor]\n"})
    r = run("check", "--show-files", cwd=root)
    assert r.returncode == 0
    assert sorted(Path(p).as_posix() for p in r.stdout.split()) == ["a.md", "docs/b.txt"]


# -- excerpts: a window around the finding, not the whole paragraph -------------------------------------


def test_one_character_finding_on_a_long_line_prints_a_short_excerpt(run, tmp_path):
    words = " ".join(f"word{i}" for i in range(60))
    line = f"{words} , {words}."
    assert len(line) > 375
    (tmp_path / "p.txt").write_text(line + "\n")
    finding = json.loads(run("check", "--isolated", "--select", "S107", "--format", "json", "p.txt",
                             cwd=tmp_path).stdout)["findings"][0]
    start = finding["start"]["offset"]
    r = run("check", "--isolated", "--select", "S107", "--show-source", "p.txt", cwd=tmp_path)
    out = r.stdout.splitlines()
    shown, carets = out[1], out[2]
    assert shown.startswith("   1 | …") and shown.endswith("…")
    assert len(shown) < 100 and len(carets) < 60  # not 375 characters and a 366-space caret line
    excerpt, caret_col = shown[len("   1 | "):], carets.index("^") - len("     | ")
    assert carets.count("^") == finding["end"]["offset"] - start
    assert excerpt[caret_col:caret_col + 3] == line[start:start + 3]  # the carets point at the finding
    assert excerpt.strip("…") in line  # a cut of the line, nothing rewritten


def test_short_lines_are_shown_whole(run, tmp_path):
    (tmp_path / "s.txt").write_text("Two  spaces.\n")
    r = run("check", "--isolated", "--show-source", "s.txt", cwd=tmp_path)
    assert r.stdout.splitlines()[1:3] == ["   1 | Two  spaces.", "     |    ^^"]

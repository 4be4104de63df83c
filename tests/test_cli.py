"""The command line as a user drives it: exit codes, formats, stdin, --diff, --fix, rules, explain."""

from __future__ import annotations

import json
import os
import stat
import sys
from pathlib import Path

import jsonschema
import pytest

from tests.conftest import ROOT, SEED, ctrl_c_reaches_it, needs_seed

OUTPUT_SCHEMA = json.loads((ROOT / "lint" / "data" / "output.schema.json").read_text())


def test_version(run):
    r = run("--version")
    assert r.returncode == 0 and "copylint" in r.stdout


def test_clean_file_exits_0(run, tmp_path):
    (tmp_path / "ok.txt").write_text("A clean sentence.\n")
    r = run("check", "ok.txt", cwd=tmp_path)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "All checks passed" in r.stdout


def test_findings_exit_1_with_text_lines(run, tmp_path):
    (tmp_path / "a.txt").write_text("  Indented start.\n")
    r = run("check", "a.txt", "--select", "W101", cwd=tmp_path)
    assert r.returncode == 1
    assert r.stdout.splitlines()[0] == "a.txt:1:1: W101 [leading-whitespace] The text starts with whitespace [*]"
    assert "Found 1 finding in 1 file (1 fixable with --fix)." in r.stdout
    assert "\x1b[" not in r.stdout  # no colour when stdout is not a terminal


def test_exit_zero(run, tmp_path):
    (tmp_path / "a.txt").write_text("  Indented start.\n")
    assert run("check", "a.txt", "--exit-zero", cwd=tmp_path).returncode == 0


def test_unknown_select_is_usage_error(run, tmp_path):
    r = run("check", ".", "--select", "W1O1", cwd=tmp_path)
    assert r.returncode == 2
    assert "unknown rule code or slug 'W1O1'" in r.stderr and "W101" in r.stderr
    assert "Traceback" not in r.stderr


def test_select_by_slug_and_family(run, tmp_path):
    (tmp_path / "a.txt").write_text("  Indented start.\n")
    for sel in ("leading-whitespace", "W", "W1"):
        r = run("check", "a.txt", "--select", sel, "--format", "json", cwd=tmp_path)
        codes = {f["code"] for f in json.loads(r.stdout)["findings"]}
        assert "W101" in codes, sel
    r = run("check", "a.txt", "--ignore", "leading-whitespace", "--format", "json", cwd=tmp_path)
    assert "W101" not in {f["code"] for f in json.loads(r.stdout)["findings"]}


@needs_seed
def test_json_output_validates_against_schema(run):
    r = run("check", str(SEED), "--format", "json")
    data = json.loads(r.stdout)
    jsonschema.validate(data, OUTPUT_SCHEMA)
    assert r.returncode == 1
    first = data["findings"][0]
    assert first["code"] == "W101" and first["start"] == {"line": 1, "column": 1, "offset": 0}
    assert data["summary"]["findings"] == len(data["findings"])


def test_json_errors_validate_and_exit_2(run, tmp_path):
    (tmp_path / "good.txt").write_text("  Indented.\n")
    (tmp_path / "bad.txt").write_bytes(b"caf\xe9 au lait\n")
    r = run("check", "good.txt", "bad.txt", "--format", "json", cwd=tmp_path)
    data = json.loads(r.stdout)
    jsonschema.validate(data, OUTPUT_SCHEMA)
    assert r.returncode == 2
    assert data["errors"] == [{"path": "bad.txt", "message": "cannot decode as UTF-8 at byte 3"}]
    # The other file is still linted and reported.
    assert any(f["path"] == "good.txt" for f in data["findings"])


def test_stdin_with_filename(run):
    r = run("check", "-", "--stdin-filename", "a.txt", "--format", "json", input=b"  Indented.\n")
    data = json.loads(r.stdout)
    assert data["findings"][0]["path"] == "a.txt"
    assert r.returncode == 1


def test_stdin_fix_writes_fixed_text_to_stdout(run):
    r = run("check", "-", "--stdin-filename", "a.txt", "--fix", "--select", "W101", input=b"  Indented.\n")
    assert r.stdout == "Indented.\n"
    assert r.returncode == 0


def test_diff_writes_nothing_and_exits_1(run, tmp_path):
    f = tmp_path / "a.txt"
    f.write_bytes(b"  Indented.\n")
    r = run("check", "a.txt", "--diff", "--select", "W101", cwd=tmp_path)
    assert r.returncode == 1
    assert "--- a/a.txt" in r.stdout and "-  Indented." in r.stdout and "+Indented." in r.stdout
    assert f.read_bytes() == b"  Indented.\n"
    f.write_bytes(b"Indented.\n")
    r = run("check", "a.txt", "--diff", "--select", "W101", cwd=tmp_path)
    assert r.returncode == 0 and r.stdout == ""


def test_fix_writes_in_place_keeps_permissions_and_is_idempotent(run, tmp_path):
    f = tmp_path / "a.txt"
    f.write_bytes(b"  Indented.\n")
    os.chmod(f, 0o640)
    r = run("check", "a.txt", "--fix", "--select", "W101", cwd=tmp_path)
    assert r.returncode == 0, r.stdout
    assert "Fixed 1 finding in 1 file (0 remaining)." in r.stdout
    assert f.read_bytes() == b"Indented.\n"
    assert stat.S_IMODE(f.stat().st_mode) == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["a.txt"]  # no temporary file left behind
    r = run("check", "a.txt", "--fix", "--select", "W101", cwd=tmp_path)
    assert r.returncode == 0 and f.read_bytes() == b"Indented.\n"


def test_statistics(run, tmp_path):
    (tmp_path / "a.txt").write_text("  One.\n")
    (tmp_path / "b.txt").write_text("  Two.\n")
    r = run("check", ".", "--statistics", "--select", "W101", cwd=tmp_path)
    assert "     2  W101     leading-whitespace" in r.stdout


def test_quiet_prints_no_findings(run, tmp_path):
    (tmp_path / "a.txt").write_text("  One.\n")
    r = run("check", "a.txt", "--quiet", cwd=tmp_path)
    assert r.returncode == 1 and r.stdout == ""


def test_missing_file_is_error(run, tmp_path):
    r = run("check", "nope.txt", cwd=tmp_path)
    assert r.returncode == 2
    assert "nope.txt: No such file or directory" in r.stdout


def test_rules_lists_every_rule_in_every_format(run):
    from lint import registry

    text = run("rules").stdout
    for rule in registry.builtin_rules():
        assert f"{rule.code} " in text and rule.slug in text
    data = json.loads(run("rules", "--format", "json").stdout)
    assert {r["code"] for r in data} >= {r.code for r in registry.builtin_rules()}
    assert run("rules", "--format", "markdown").stdout.startswith("# copylint rules")


@pytest.mark.parametrize("name", ["W101", "w101", "leading-whitespace"])
def test_explain(run, name):
    r = run("explain", name)
    assert r.returncode == 0
    assert r.stdout.startswith("# W101 leading-whitespace")
    assert "Why is this bad?" in r.stdout and "Fix safety" in r.stdout and "Flagged:" in r.stdout


def test_explain_unknown(run):
    r = run("explain", "leading-whitespaces")
    assert r.returncode == 2 and "did you mean 'leading-whitespace'" in r.stderr


def test_python_m_lint_and_console_script_agree(tmp_path):
    import shutil
    import subprocess

    exe = shutil.which("copylint")
    assert exe, "the console script is installed"
    r = subprocess.run([exe, "--version"], capture_output=True, text=True)
    assert r.returncode == 0 and "copylint" in r.stdout


_RUN_WITH = (
    "import atexit, sys, threading, time\n"
    "atexit.register(lambda: print('exit functions ran', file=sys.stderr))\n"
    "if sys.argv[1] == 'thread':\n"
    "    threading.Thread(target=lambda: (time.sleep(0.3), print('thread ended', file=sys.stderr))).start()\n"
    "from lint.cli import run\n"
    "sys.argv = ['copylint', *sys.argv[2:]]\n"
    "run()\n"
)


@pytest.mark.parametrize("thread", ["thread", "alone"])
def test_the_console_script_s_exit_keeps_its_status_output_and_exit_functions(tmp_path, thread):
    # ``run`` ends the process without the interpreter's teardown: the report, the status and the exit
    # functions (the kept patterns are saved by one) are what a normal exit gives, and a thread still
    # running is waited for as before.
    import subprocess

    (tmp_path / "a.txt").write_text("  Indented start.\n", encoding="utf-8")
    for args, status in ((["check", "--no-cache", "--isolated", "a.txt"], 1),
                         (["check", "--no-cache", "--isolated", "--exit-zero", "a.txt"], 0),
                         (["check", "--no-such-option"], 2), (["--version"], 0)):
        r = subprocess.run([sys.executable, "-c", _RUN_WITH, thread, *args], capture_output=True, text=True,
                           cwd=tmp_path)
        assert r.returncode == status, r.stderr
        assert r.stderr.count("exit functions ran") == 1
        assert ("thread ended" in r.stderr) == (thread == "thread")
        if args[0] == "check" and status != 2:
            assert "a.txt:1:1: W101" in r.stdout


def test_a_report_file_keeps_what_was_written_before_an_error_stops_the_run(tmp_path):
    # A config broken in a subfolder stops the run (exit 2) after the report has begun: the report file
    # holds its beginning, as a normal exit leaves it, however the console script ends the process.
    import subprocess

    (tmp_path / "a.txt").write_text("Hello  world.\n", encoding="utf-8")
    (tmp_path / "z").mkdir()
    (tmp_path / "z" / ".copylint.yaml").write_text("rules: [\n", encoding="utf-8")
    (tmp_path / "z" / "b.txt").write_text("x\n", encoding="utf-8")
    r = subprocess.run([sys.executable, "-c", _RUN_WITH, "alone", "check", "--no-cache", "--format", "sarif",
                        "-o", "out.json", "."], capture_output=True, text=True, cwd=tmp_path)
    assert r.returncode == 2 and "invalid YAML" in r.stderr
    assert (tmp_path / "out.json").read_text(encoding="utf-8").startswith("{")


def test_python_m_cprofile_profiles_a_check(tmp_path):
    # A profiler gets the program back when it ends, to report (``run`` leaves the fast exit to runs
    # nobody profiles or traces).
    import subprocess

    (tmp_path / "a.txt").write_text("Hello  world.\n", encoding="utf-8")
    r = subprocess.run([sys.executable, "-m", "cProfile", "-o", "prof.out", "-m", "lint", "check", "--no-cache",
                        "--isolated", "a.txt"], capture_output=True, text=True, cwd=tmp_path)
    assert "Traceback" not in r.stderr, r.stderr  # (cProfile itself ends with 0: it swallows the exit)
    assert (tmp_path / "prof.out").stat().st_size > 0


def test_file_in_folder_walk_uses_format_extensions(run, tmp_path):
    (tmp_path / "a.txt").write_text("  x.\n")
    (tmp_path / "b.md").write_text("  y.\n")
    (tmp_path / "c.py").write_text("  z = 1\n")
    r = run("check", ".", "--select", "W101", "--format", "json", cwd=tmp_path)
    paths = sorted(f["path"] for f in json.loads(r.stdout)["findings"])
    assert paths == ["a.txt", "b.md"]
    # Named explicitly, a file is always linted, whatever its extension.
    r = run("check", "c.py", "--select", "W101", "--format", "json", cwd=tmp_path)
    assert [f["path"] for f in json.loads(r.stdout)["findings"]] == ["c.py"]


def test_text_output_shows_source_with_caret_when_asked(run, tmp_path):
    (tmp_path / "a.txt").write_text("  Indented start.\n")
    r = run("check", "a.txt", "--select", "W101", "--show-source", cwd=tmp_path)
    lines = r.stdout.splitlines()
    assert lines[1] == "   1 |   Indented start."
    assert lines[2] == "     | ^^"


def test_help_lists_commands(run):
    r = run("--help")
    for name in ("check", "rules", "explain"):
        assert name in r.stdout


def test_paths_default_to_current_folder(run, tmp_path):
    (tmp_path / "a.txt").write_text("  x.\n")
    r = run("check", "--select", "W101", cwd=tmp_path)
    assert r.returncode == 1 and "a.txt:1:1" in r.stdout


def test_json_stdout_is_parseable_with_many_files(run, tmp_path):
    for i in range(30):
        (tmp_path / f"f{i}.txt").write_text("  x.\n" if i % 2 else "x.\n")
    r = run("check", ".", "--select", "W101", "--format", "json", cwd=tmp_path)
    data = json.loads(r.stdout)
    assert data["summary"]["files"] == 30 and data["summary"]["findings"] == 15


@needs_seed
def test_seed_path_exists():
    assert Path(SEED).is_file()


def test_rules_and_explain_show_user_rules_of_the_nearest_config(run, tmp_path):
    (tmp_path / ".git").mkdir()
    (tmp_path / ".copylint.yaml").write_text(
        "custom-rules:\n  - code: X.house.kyiv\n    kind: substitution\n    swap: {Kiev: Kyiv}\n"
    )
    listed = run("rules", cwd=tmp_path)
    assert listed.returncode == 0 and "X.house.kyiv" in listed.stdout
    assert "X.house.kyiv" not in run("rules", "--isolated", cwd=tmp_path).stdout
    explained = run("explain", "X.house.kyiv", cwd=tmp_path)
    assert explained.returncode == 0 and "Kyiv" in explained.stdout


def test_explain_grammar_family(run):
    r = run("explain", "G:MORFOLOGIK_RULE_EN_US")
    assert r.returncode == 0 and r.stdout.startswith("# G languagetool") and "unsafe" in r.stdout


def test_isolated_with_config_is_a_usage_error(run, tmp_path):
    (tmp_path / "c.yaml").write_text("select: [W]\n")
    (tmp_path / "a.txt").write_text("Text.\n")
    r = run("check", "--isolated", "--config", "c.yaml", "a.txt", cwd=tmp_path)
    assert r.returncode == 2
    assert "--isolated" in r.stderr and "--config" in r.stderr and "Traceback" not in r.stderr


def _cpu_seconds(pid: int) -> float:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except FileNotFoundError:  # it ended
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _workers(pid: int) -> list[int]:
    """The child processes of ``pid`` (none once it has ended)."""
    try:
        return [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except FileNotFoundError:
        return []


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads a process's CPU time from /proc")
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_ctrl_c_mid_run_exits_130_with_one_line(tmp_path, jobs):
    # Ctrl-C while files are checked: the shell's code for SIGINT and one line, not click's "Aborted!"
    # and exit 1 (the code for findings), nor a traceback from the --jobs pool's shutdown.
    import random
    import signal
    import subprocess
    import time

    rng = random.Random(1)
    words = "the port workers said a new plan would be reviewed by the city council next week and".split()
    text = "".join(" ".join(rng.choice(words) for _ in range(14)).capitalize() + ".\n\n" for _ in range(60000))
    names = [f"b{i}.txt" for i in range(5)]
    for name in names:
        (tmp_path / name).write_text(text, encoding="utf-8")  # some 4 s of CPU each
    p = subprocess.Popen([sys.executable, "-m", "lint", "check", "--no-cache", "--isolated", "--jobs", jobs,
                          *names], cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                         start_new_session=True, preexec_fn=ctrl_c_reaches_it)
    # (Interrupted once it is well into the files: a second of CPU is past start-up, far from the end.)
    while p.poll() is None and _cpu_seconds(p.pid) < 1.0:
        time.sleep(0.02)
    assert p.poll() is None, "the run ended before it could be interrupted"
    os.killpg(p.pid, signal.SIGINT)  # (the process group, as a terminal's Ctrl-C: the workers too)
    stderr = p.communicate(timeout=120)[1]
    assert p.returncode == 130, stderr
    assert stderr.strip() == "copylint: interrupted"


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads a process's CPU time from /proc")
def test_ctrl_c_reaching_idle_pool_workers_prints_no_traceback(tmp_path):
    # One big file and five small ones (one batch) on three workers: when Ctrl-C reaches the whole process
    # group, at least one worker waits for work. A waiting worker that does not ignore SIGINT dies printing
    # its own traceback ("Process ForkProcess-3: … KeyboardInterrupt").
    import signal
    import subprocess
    import time

    (tmp_path / "big.txt").write_text("The port workers said a plan would be reviewed next week.\n\n" * 150000,
                                      encoding="utf-8")
    small = [f"s{i}.txt" for i in range(5)]
    for name in small:
        (tmp_path / name).write_text("A short note.\n", encoding="utf-8")
    p = subprocess.Popen([sys.executable, "-m", "lint", "check", "--no-cache", "--isolated", "--jobs", "3",
                          "big.txt", *small], cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                         start_new_session=True, preexec_fn=ctrl_c_reaches_it)
    # Until the worker with the big file is well into it (the others have had their small files): the
    # parent's own CPU time said nothing of that, and on a fast machine the run ended before it reached 1 s.
    deadline = time.time() + 120
    while p.poll() is None and time.time() < deadline and max(map(_cpu_seconds, _workers(p.pid)), default=0) < 0.5:
        time.sleep(0.02)
    workers = _workers(p.pid)
    assert p.poll() is None and len(workers) == 3, "the run ended, or its pool had not started, before Ctrl-C"
    os.killpg(p.pid, signal.SIGINT)
    stderr = p.communicate(timeout=120)[1]
    assert p.returncode == 130, stderr
    assert stderr.strip() == "copylint: interrupted"


def _without_wordfreq(tmp_path: Path) -> dict[str, str]:
    """FAKE: an environment where wordfreq (the `glue` extra) is not installed. The test suite installs it,
    so its absence can only be made: a package of that name that fails to import, first on the path."""
    blocked = tmp_path / "blocked"
    (blocked / "wordfreq").mkdir(parents=True)
    (blocked / "wordfreq" / "__init__.py").write_text("raise ImportError('not installed (test)')\n")
    return {"PYTHONPATH": os.pathsep.join([str(blocked), str(ROOT)])}


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_selected_rule_whose_extra_is_missing_stops_the_run_with_one_message(run, tmp_path, jobs):
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text("The new policy theyalso requires more work from the team.\n")
    proc = run("check", "--isolated", "--no-cache", "--select", "T", "--jobs", jobs, str(tmp_path / "a.txt"),
               str(tmp_path / "b.txt"), env=_without_wordfreq(tmp_path))
    assert proc.returncode == 2
    assert "T109 (glued-words) needs wordfreq: pip install 'copylint[glue]'" in proc.stderr
    assert "Traceback" not in proc.stderr and "internal error" not in proc.stdout + proc.stderr


def test_corpus_mode_stops_with_one_message_where_a_selected_rules_extra_is_missing(run, tmp_path):
    records = tmp_path / "in.jsonl"
    records.write_text(json.dumps({"id": 1, "text": "The new policy theyalso requires more work."}) + "\n")
    proc = run("corpus", str(records), str(tmp_path / "out"), "--text-field", "text", "--select", "T",
               "--jobs", "1", env=_without_wordfreq(tmp_path))
    assert proc.returncode == 2
    assert "T109 (glued-words) needs wordfreq" in proc.stderr and "Traceback" not in proc.stderr

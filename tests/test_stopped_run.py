"""A run stopped part-way (exit 2, or 130 for Ctrl-C) still leaves a whole report in the JSON formats.

What stops a run: a broken ``.copylint.yaml`` met on the walk, a ``--jobs`` pool that fails, a rule's
``StopRun`` (``--require-languagetool`` and no server), Ctrl-C. The report then holds what was reported
before the stop and the error that stopped it, and is valid JSON (SARIF: valid against the official
schema), so a CI step that uploads or parses it shows the error instead of failing on the file. Real runs
of the command, in a subprocess.
"""

from __future__ import annotations

import json
import signal
import socket
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from tests.conftest import ROOT, ctrl_c_reaches_it, shared_path

OUTPUT_SCHEMA = json.loads((ROOT / "lint" / "data" / "output.schema.json").read_text())
YAML_ERROR = "invalid YAML: expected the node content, but found '<stream end>'"


@pytest.fixture(scope="module")
def sarif_schema() -> dict:
    """The official SARIF 2.1.0 schema, from ../shared/schemas (the test skips without it)."""
    return json.loads(shared_path("schemas", "sarif-2.1.0.json").read_text(encoding="utf-8"))


def _broken_second_folder(tmp_path: Path) -> Path:
    """A tree whose first folder lints with a finding and whose second folder's config is broken."""
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "x.txt").write_text("Hello  world.\n", encoding="utf-8")
    (tmp_path / "z").mkdir()
    (tmp_path / "z" / ".copylint.yaml").write_text("rules: [\n", encoding="utf-8")
    (tmp_path / "z" / "b.txt").write_text("Hello  there.\n", encoding="utf-8")
    return tmp_path


def _check(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "lint", "check", "--no-cache", *args], cwd=tmp_path,
                          capture_output=True, text=True, timeout=120)


def _stopped_by_the_config(r: subprocess.CompletedProcess[str], tmp_path: Path) -> None:
    """Exit 2 and the command's one line on stderr, as before reports were closed."""
    assert r.returncode == 2, r.stderr
    assert r.stderr == f"copylint: {tmp_path / 'z' / '.copylint.yaml'}:2: {YAML_ERROR}\n"


def test_json_of_a_run_stopped_by_a_broken_config_is_whole(tmp_path):
    # The walk (which reads each folder's config) ends before the first file is linted: the report holds
    # no finding, and the config's error with its file and line.
    r = _check(_broken_second_folder(tmp_path), "--format", "json", ".")
    _stopped_by_the_config(r, tmp_path)
    out = json.loads(r.stdout)
    jsonschema.validate(out, OUTPUT_SCHEMA)
    assert out["findings"] == []
    assert out["errors"] == [{"path": "z/.copylint.yaml", "message": YAML_ERROR, "line": 2}]
    assert out["summary"]["errors"] == 1


def test_sarif_of_a_run_stopped_by_a_broken_config_is_valid(tmp_path, sarif_schema):
    r = _check(_broken_second_folder(tmp_path), "--format", "sarif", ".")
    _stopped_by_the_config(r, tmp_path)
    log = json.loads(r.stdout)
    jsonschema.Draft4Validator(sarif_schema).validate(log)
    invocation = log["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    [note] = invocation["toolExecutionNotifications"]
    assert note["level"] == "error" and note["message"]["text"] == YAML_ERROR
    location = note["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "z/.copylint.yaml" and location["region"] == {"startLine": 2}


def test_rdjson_and_gitlab_of_a_run_stopped_by_a_broken_config_parse(tmp_path):
    _broken_second_folder(tmp_path)
    r = _check(tmp_path, "--format", "rdjson", ".")
    _stopped_by_the_config(r, tmp_path)
    [diag] = json.loads(r.stdout)["diagnostics"]
    assert diag["severity"] == "ERROR" and diag["message"] == YAML_ERROR
    assert diag["location"] == {"path": "z/.copylint.yaml", "range": {"start": {"line": 2}}}
    r = _check(tmp_path, "--format", "gitlab", ".")
    _stopped_by_the_config(r, tmp_path)
    [issue] = json.loads(r.stdout)
    assert issue["severity"] == "blocker" and YAML_ERROR in issue["description"]
    assert issue["location"] == {"path": "z/.copylint.yaml", "lines": {"begin": 2, "end": 2}}


def test_a_report_file_of_a_stopped_run_is_closed(tmp_path):
    r = _check(_broken_second_folder(tmp_path), "--format", "json", "--output-file", "out.json", ".")
    _stopped_by_the_config(r, tmp_path)
    assert r.stdout == ""
    out = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    jsonschema.validate(out, OUTPUT_SCHEMA)
    assert [e["path"] for e in out["errors"]] == ["z/.copylint.yaml"]


def test_text_and_github_reports_of_a_stopped_run_are_unchanged(tmp_path):
    # Line-oriented: each line stands alone, nothing is added at the stop.
    _broken_second_folder(tmp_path)
    for fmt in ("text", "github"):
        r = _check(tmp_path, "--format", fmt, ".")
        _stopped_by_the_config(r, tmp_path)
        assert r.stdout == "", fmt


def _first_folder_without_languagetool(tmp_path: Path) -> Path:
    """``a`` (LanguageTool off in its config) lints with a finding; ``b`` then asks for LanguageTool."""
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / ".copylint.yaml").write_text("languagetool:\n  enabled: false\n", encoding="utf-8")
    (tmp_path / "a" / "x.txt").write_text("Hello  world.\n", encoding="utf-8")
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "y.txt").write_text("Hello  there.\n", encoding="utf-8")
    return tmp_path


def test_a_run_stopped_by_a_rule_keeps_the_findings_before_it(tmp_path, sarif_schema):
    # --require-languagetool and a server that refuses (a port bound, not listening): StopRun at ``b``,
    # after ``a``'s finding was reported.
    _first_folder_without_languagetool(tmp_path)
    with socket.socket() as closed:
        closed.bind(("127.0.0.1", 0))
        url = "http://127.0.0.1:%d" % closed.getsockname()[1]
        runs = {fmt: _check(tmp_path, "--format", fmt, "--require-languagetool", "--languagetool", url, ".")
                for fmt in ("json", "sarif")}
    for r in runs.values():
        assert r.returncode == 2, r.stderr
        assert r.stderr.startswith(f"copylint: cannot reach LanguageTool at {url}") and r.stderr.count("\n") == 1
    out = json.loads(runs["json"].stdout)
    jsonschema.validate(out, OUTPUT_SCHEMA)
    assert [(f["path"], f["code"]) for f in out["findings"]] == [("a/x.txt", "W105")]
    [error] = out["errors"]
    assert error["path"] == "" and error["message"] == runs["json"].stderr[len("copylint: "):].rstrip("\n")
    assert out["summary"]["findings"] == 1 and out["summary"]["errors"] == 1
    log = json.loads(runs["sarif"].stdout)
    jsonschema.Draft4Validator(sarif_schema).validate(log)
    assert [r["ruleId"] for r in log["runs"][0]["results"]] == ["W105"]
    [note] = log["runs"][0]["invocations"][0]["toolExecutionNotifications"]
    assert "locations" not in note and note["message"]["text"].startswith("cannot reach LanguageTool")


def _stopped_while_waiting(tmp_path: Path, stop: object, *args: str) -> subprocess.CompletedProcess[str]:
    """Run the check with ``b``'s LanguageTool at a server that accepts and never answers; once the run
    has connected (``a`` is reported), ``stop(process)`` stops it."""
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen()
        server.settimeout(60)
        url = "http://127.0.0.1:%d" % server.getsockname()[1]
        proc = subprocess.Popen([sys.executable, "-m", "lint", "check", "--no-cache", "--format", "json",
                                 "--languagetool", url, *args, "."], cwd=tmp_path, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True, preexec_fn=ctrl_c_reaches_it)
        try:
            conn, _ = server.accept()
            with conn:
                stop(proc)  # type: ignore[operator]
                stdout, stderr = proc.communicate(timeout=60)
        finally:
            proc.kill()
            proc.wait()
    return subprocess.CompletedProcess(proc.args, proc.returncode, stdout, stderr)


def test_a_run_stopped_by_ctrl_c_closes_its_report(tmp_path):
    _first_folder_without_languagetool(tmp_path)
    r = _stopped_while_waiting(tmp_path, lambda proc: proc.send_signal(signal.SIGINT), "--jobs", "1")
    assert r.returncode == 130 and r.stderr == "copylint: interrupted\n", r.stderr
    out = json.loads(r.stdout)
    jsonschema.validate(out, OUTPUT_SCHEMA)
    assert [f["path"] for f in out["findings"]] == ["a/x.txt"]
    assert out["errors"] == [{"path": "", "message": "interrupted"}]

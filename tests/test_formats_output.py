"""The CI output formats (sarif, github, rdjson, gitlab) as their consumers read them.

- SARIF is validated against the official SARIF 2.1.0 schema (../shared/schemas) with jsonschema.
- Every format reports the same findings at the same places: each format's positions are converted
  back to code-point offsets with that format's own column unit and compared with the JSON output.
- Columns after emoji and CJK text are checked in each unit (UTF-16 for SARIF, UTF-8 bytes for
  rdjson, code points for github and gitlab).
- Large outputs stream: 10,000 findings are reported with bounded memory (tracemalloc).
"""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import subprocess
import sys
import tracemalloc
from pathlib import Path
from typing import Any
from urllib.parse import urlparse
from urllib.request import url2pathname

import jsonschema
import pytest

from lint.engine import FileResult
from lint.model import Applicability, Edit, FileError, Finding, Fix, Severity, Source
from lint.report import ReportOptions, Summary, finding_dict, reporter_for, rule_url
from tests.conftest import ROOT, SEED, shared_path


@pytest.fixture(scope="session")
def sarif_schema() -> dict:
    """The official SARIF 2.1.0 schema, from ../shared/schemas (the test skips without it)."""
    return json.loads(shared_path("schemas", "sarif-2.1.0.json").read_text(encoding="utf-8"))
FORMATS = ("json", "sarif", "github", "rdjson", "gitlab")

# A file whose defects sit after emoji and CJK characters on their lines, for every rule family to
# find something in once it exists (today: W101 at the start).
WIDE = (
    "  東京の記者 😀 reported it.\n"
    "\n"
    "Smiles 😀😀 and 漢字 around a doubled  space and a trailing one. \n"
    "Kiev said.The 😀 minister spoke , then left\n"
)


def _check_output(run, cwd: Path, fmt: str, *paths: str) -> str:
    r = run("check", "--no-cache", "--isolated", "--format", fmt, *paths, cwd=cwd)
    assert r.returncode in (0, 1), r.stderr
    assert "Traceback" not in r.stderr
    return r.stdout


@pytest.fixture
def workdir(tmp_path: Path) -> Path:
    shutil.copyfile(shared_path("seed", "article.txt"), tmp_path / "article.txt")
    (tmp_path / "wide.txt").write_text(WIDE, encoding="utf-8")
    return tmp_path


# -- converting positions back ---------------------------------------------------------------------

UNIT = {
    "codepoints": lambda ch: 1,
    "utf-16": lambda ch: 2 if ord(ch) > 0xFFFF else 1,
    "utf-8": lambda ch: len(ch.encode("utf-8")),
}


def to_offset(text: str, line: int, column: int, unit: str) -> int:
    """The code-point offset of a 1-based (line, column) counted in ``unit``; fails if it splits a character."""
    starts = Source("x", text).line_starts()
    start = starts[line - 1]
    units = 0
    i = start
    while units < column - 1:
        units += UNIT[unit](text[i])
        i += 1
    assert units == column - 1, f"column {column} ({unit}) falls inside a character on line {line}"
    return i


def _positions(fmt: str, out: str, texts: dict[str, str]) -> set[tuple[str, str, int, int]]:
    found = set()
    if fmt == "json":
        for f in json.loads(out)["findings"]:
            found.add((f["path"], f["code"], f["start"]["offset"], f["end"]["offset"]))
    elif fmt == "sarif":
        log = json.loads(out)
        run = log["runs"][0]
        assert run["columnKind"] == "utf16CodeUnits"
        for r in run["results"]:
            loc = r["locations"][0]["physicalLocation"]
            path, region = loc["artifactLocation"]["uri"], loc["region"]
            text = texts[path]
            found.add((path, r["ruleId"], to_offset(text, region["startLine"], region["startColumn"], "utf-16"),
                       to_offset(text, region["endLine"], region["endColumn"], "utf-16")))
    elif fmt == "github":
        pattern = re.compile(
            r"^::(error|warning|notice) file=([^,]+),line=(\d+),col=(\d+),endLine=(\d+),endColumn=(\d+),"
            r"title=(\S+) (\S+)::(.*)$"
        )
        for line in out.splitlines():
            m = pattern.match(line)
            assert m, line
            path = m[2]
            text = texts[path]
            found.add((path, m[7], to_offset(text, int(m[3]), int(m[4]), "codepoints"),
                       to_offset(text, int(m[5]), int(m[6]), "codepoints")))
    elif fmt == "rdjson":
        for d in json.loads(out)["diagnostics"]:
            path, rng = d["location"]["path"], d["location"]["range"]
            text = texts[path]
            found.add((path, d["code"]["value"],
                       to_offset(text, rng["start"]["line"], rng["start"]["column"], "utf-8"),
                       to_offset(text, rng["end"]["line"], rng["end"]["column"], "utf-8")))
    elif fmt == "gitlab":
        for issue in json.loads(out):
            loc = issue["location"]
            path, pos = loc["path"], loc["positions"]
            text = texts[path]
            found.add((path, issue["check_name"],
                       to_offset(text, pos["begin"]["line"], pos["begin"]["column"], "codepoints"),
                       to_offset(text, pos["end"]["line"], pos["end"]["column"], "codepoints")))
    return found


# -- acceptance 2: the seed in every format ----------------------------------------------------------------


def test_sarif_of_the_seed_validates_against_the_official_schema(run, workdir, sarif_schema):
    out = _check_output(run, workdir, "sarif", "article.txt", "wide.txt")
    log = json.loads(out)
    jsonschema.Draft4Validator(sarif_schema).validate(log)
    assert log["version"] == "2.1.0" and len(log["runs"]) == 1
    run_ = log["runs"][0]
    driver = run_["tool"]["driver"]
    assert driver["name"] == "copylint" and driver["version"]
    assert Path(url2pathname(urlparse(driver["informationUri"]).path), "rules.md").is_file()
    rules = driver["rules"]
    assert len({r["id"] for r in rules}) == len(rules)
    for r in rules:
        assert r["name"] and r["shortDescription"]["text"] and r["fullDescription"]["text"]
        assert r["helpUri"] == rule_url(r["id"], r["name"])
        # The rule's docs travel in the log: its section of docs/rules.md.
        assert r["help"]["markdown"].startswith(f"## {r['id']} {r['name']}\n")
        assert f"\n{r['help']['markdown']}" in (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
        assert r["defaultConfiguration"]["level"] in ("error", "warning", "note")
    results = run_["results"]
    assert results, "the seed has findings"
    for res in results:
        assert rules[res["ruleIndex"]]["id"] == res["ruleId"]
        assert res["level"] in ("error", "warning", "note") and res["message"]["text"]
        loc = res["locations"][0]["physicalLocation"]
        assert loc["artifactLocation"]["uri"] in ("article.txt", "wide.txt")
        assert set(loc["region"]) == {"startLine", "startColumn", "endLine", "endColumn"}
    w101 = [r for r in results if r["ruleId"] == "W101" and
            r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "article.txt"]
    assert len(w101) == 1
    assert w101[0]["locations"][0]["physicalLocation"]["region"] == {
        "startLine": 1, "startColumn": 1, "endLine": 1, "endColumn": 2}
    (fix,) = w101[0]["fixes"]
    (change,) = fix["artifactChanges"]
    assert change["replacements"] == [{
        "deletedRegion": {"startLine": 1, "startColumn": 1, "endLine": 1, "endColumn": 2},
        "insertedContent": {"text": ""},
    }]
    assert run_["invocations"][0]["executionSuccessful"] is True


def test_every_format_reports_the_same_findings_at_the_same_places(run, workdir):
    texts = {"article.txt": SEED.read_text(encoding="utf-8"), "wide.txt": WIDE}
    results = {fmt: _positions(fmt, _check_output(run, workdir, fmt, "article.txt", "wide.txt"), texts)
               for fmt in FORMATS}
    reference = results["json"]
    assert ("article.txt", "W101", 0, 1) in reference
    assert ("wide.txt", "W101", 0, 2) in reference
    for fmt in FORMATS:
        assert results[fmt] == reference, fmt


def test_selection_and_exit_code_are_the_same_in_every_format(run, workdir):
    for fmt in FORMATS:
        r = run("check", "--no-cache", "--isolated", "--select", "W101", "--format", fmt, "article.txt", cwd=workdir)
        assert r.returncode == 1, (fmt, r.stderr)
        assert "W101" in r.stdout


# -- columns after emoji and CJK, per unit ----------------------------------------------------------------

LINE = "東京😀 x and more\n"  # 'x' is code point 5, UTF-16 unit 6, UTF-8 byte 12 (1-based)


def _result(text: str, findings: list[Finding], path: str = "docs/page.md") -> FileResult:
    source = Source(path, text)
    return FileResult(path, [dataclass_replace(f, path=path) for f in findings], [], source)


def dataclass_replace(f: Finding, **kw: Any) -> Finding:
    import dataclasses

    return dataclasses.replace(f, **kw)


def _report(fmt: str, results: list[FileResult]) -> str:
    out = io.StringIO()
    reporter = reporter_for(fmt, out, ReportOptions())
    summary = Summary()
    reporter.start()
    for r in results:
        summary.add(r)
        reporter.file(r)
    reporter.finish(summary)
    return out.getvalue()


def _x_finding(severity: Severity = Severity.WARNING) -> Finding:
    x = LINE.index("x")
    return Finding("W101", "leading-whitespace", "An x, flagged", x, x + 1, severity,
                   Fix((Edit(x, x + 1, "y"),), Applicability.SAFE))


def test_columns_after_emoji_and_cjk_in_each_unit(sarif_schema):
    text = "First line.\n" + LINE
    x = text.index("x")
    finding = dataclass_replace(_x_finding(), start=x, end=x + 1, fix=Fix((Edit(x, x + 1, "y"),)))
    results = [_result(text, [finding])]

    sarif = json.loads(_report("sarif", results))
    jsonschema.Draft4Validator(sarif_schema).validate(sarif)
    res = sarif["runs"][0]["results"][0]
    assert res["locations"][0]["physicalLocation"]["region"] == {
        "startLine": 2, "startColumn": 6, "endLine": 2, "endColumn": 7}
    assert res["fixes"][0]["artifactChanges"][0]["replacements"][0]["deletedRegion"]["startColumn"] == 6

    rd = json.loads(_report("rdjson", results))["diagnostics"][0]
    assert rd["location"]["range"] == {"start": {"line": 2, "column": 12}, "end": {"line": 2, "column": 13}}
    assert rd["suggestions"] == [{"range": rd["location"]["range"], "text": "y"}]

    gh = _report("github", results)
    assert ",line=2,col=5,endLine=2,endColumn=6," in gh

    gl = json.loads(_report("gitlab", results))[0]
    assert gl["location"]["positions"] == {"begin": {"line": 2, "column": 5}, "end": {"line": 2, "column": 6}}

    js = json.loads(_report("json", results))["findings"][0]
    assert js["start"]["column"] == 5


# -- format details ----------------------------------------------------------------------------------------


def test_github_escapes_data_and_properties():
    text = "50% done\n"
    f = Finding("W101", "leading-whitespace", "100% sure,\r\nsecond line: yes", 0, 2, Severity.INFO)
    out = _report("github", [_result(text, [f], path="odd, name:1.txt")])
    assert out == (
        "::notice file=odd%2C name%3A1.txt,line=1,col=1,endLine=1,endColumn=3,"
        "title=W101 leading-whitespace::100%25 sure,%0D%0Asecond line: yes\n"
    )


def test_github_severities_and_errors():
    text = "abc\n"
    findings = [
        Finding("W101", "leading-whitespace", "e", 0, 1, Severity.ERROR),
        Finding("W101", "leading-whitespace", "w", 1, 2, Severity.WARNING),
        Finding("W101", "leading-whitespace", "i", 2, 3, Severity.INFO),
    ]
    broken = FileResult("bad.txt", [], [FileError("bad.txt", "cannot decode as UTF-8 at byte 3")], None)
    out = _report("github", [_result(text, findings, path="a.txt"), broken]).splitlines()
    assert [line.split(" ")[0] for line in out] == ["::error", "::warning", "::notice", "::error"]
    assert out[3] == "::error file=bad.txt,title=copylint::cannot decode as UTF-8 at byte 3"


def test_rdjson_structure_and_merged_multi_edit_suggestion():
    text = "He said «hello» twice.\n"
    s, e = text.index("«"), text.index("»") + 1
    fix = Fix((Edit(s, s + 1, "“"), Edit(e - 1, e, "”")), Applicability.UNSAFE)
    f = Finding("W101", "leading-whitespace", "Guillemets in English", s, e, Severity.ERROR, fix)
    out = json.loads(_report("rdjson", [_result(text, [f], path="a.txt")]))
    assert out["source"]["name"] == "copylint"
    (d,) = out["diagnostics"]
    assert d["severity"] == "ERROR" and d["message"] == "Guillemets in English"
    assert d["code"] == {"value": "W101", "url": rule_url("W101", "leading-whitespace")}
    # « is 2 bytes in UTF-8: the span is bytes 9..17 (1-based columns 9 and 18)
    assert d["location"] == {"path": "a.txt", "range": {"start": {"line": 1, "column": 9},
                                                         "end": {"line": 1, "column": 18}}}
    (sug,) = d["suggestions"]
    assert sug["text"] == "“hello”"
    assert sug["range"] == d["location"]["range"]


def test_gitlab_fingerprints_are_stable_and_survive_edits_above():
    text = "one  two\nthree  four\n"
    def findings_for(t: str) -> list[Finding]:
        out, pos = [], 0
        while (i := t.find("  ", pos)) >= 0:
            out.append(Finding("W101", "leading-whitespace", "Double space", i, i + 2))
            pos = i + 2
        return out

    first = json.loads(_report("gitlab", [_result(text, findings_for(text), path="a.md")]))
    again = json.loads(_report("gitlab", [_result(text, findings_for(text), path="a.md")]))
    assert [i["fingerprint"] for i in first] == [i["fingerprint"] for i in again]
    assert len({i["fingerprint"] for i in first}) == 2  # same text twice: told apart by occurrence
    assert first[0]["location"]["positions"]["begin"] == {"line": 1, "column": 4}

    moved = "A new paragraph above.\n\n" + text
    after = json.loads(_report("gitlab", [_result(moved, findings_for(moved), path="a.md")]))
    assert [i["fingerprint"] for i in after] == [i["fingerprint"] for i in first]
    assert after[0]["location"]["positions"]["begin"]["line"] == 3

    other = json.loads(_report("gitlab", [_result(text, findings_for(text), path="b.md")]))
    assert not {i["fingerprint"] for i in other} & {i["fingerprint"] for i in first}
    for issue in first:
        assert issue["severity"] in ("info", "minor", "major", "critical", "blocker")
        assert issue["check_name"] == "W101" and issue["description"]
        assert issue["location"]["path"] == "a.md"


def test_gitlab_fingerprints_are_the_same_across_cli_runs(run, workdir):
    one = json.loads(_check_output(run, workdir, "gitlab", "article.txt", "wide.txt"))
    two = json.loads(_check_output(run, workdir, "gitlab", "article.txt", "wide.txt"))
    assert one and [i["fingerprint"] for i in one] == [i["fingerprint"] for i in two]
    assert len({i["fingerprint"] for i in one}) == len(one)


def test_unreadable_file_is_reported_in_every_format(run, tmp_path, sarif_schema):
    (tmp_path / "bad.txt").write_bytes(b"caf\xe9 au lait\n")
    (tmp_path / "ok.txt").write_text("  Indented.\n")
    outs = {}
    for fmt in FORMATS:
        r = run("check", "--no-cache", "--isolated", "--format", fmt, "bad.txt", "ok.txt", cwd=tmp_path)
        assert r.returncode == 2, (fmt, r.stderr)
        outs[fmt] = r.stdout
    sarif = json.loads(outs["sarif"])
    jsonschema.Draft4Validator(sarif_schema).validate(sarif)
    inv = sarif["runs"][0]["invocations"][0]
    assert inv["executionSuccessful"] is False
    assert "cannot decode" in inv["toolExecutionNotifications"][0]["message"]["text"]
    assert sarif["runs"][0]["results"][0]["ruleId"] == "W101"
    assert "::error file=bad.txt,title=copylint::cannot decode" in outs["github"]
    rd = json.loads(outs["rdjson"])["diagnostics"]
    assert rd[0]["location"]["path"] == "bad.txt" and rd[0]["severity"] == "ERROR"
    gl = json.loads(outs["gitlab"])
    assert gl[0]["location"]["path"] == "bad.txt" and gl[0]["severity"] == "blocker"


def test_sarif_insertions_and_paths_outside_the_folder(tmp_path, monkeypatch, sarif_schema):
    monkeypatch.chdir(tmp_path)
    text = "No final newline"
    end = len(text)
    f = Finding("W101", "leading-whitespace", "Missing newline", end, end, Severity.INFO,
                Fix((Edit(end, end, "\n"),)))
    outside = str(tmp_path.parent / "elsewhere dir" / "x.txt")
    log = json.loads(_report("sarif", [_result(text, [f], path="sub dir/a.txt"), _result(text, [f], path=outside)]))
    jsonschema.Draft4Validator(sarif_schema).validate(log)
    first, second = log["runs"][0]["results"]
    loc = first["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"] == {"uri": "sub%20dir/a.txt", "uriBaseId": "%SRCROOT%"}
    assert loc["region"] == {"startLine": 1, "startColumn": 17, "endLine": 1, "endColumn": 17}
    rep = first["fixes"][0]["artifactChanges"][0]["replacements"][0]
    assert rep == {"deletedRegion": loc["region"], "insertedContent": {"text": "\n"}}
    assert first["level"] == "note"
    assert second["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].startswith("file:///")
    assert log["runs"][0]["originalUriBaseIds"]["%SRCROOT%"]["uri"] == tmp_path.as_uri() + "/"


# -- acceptance 3: streaming ------------------------------------------------------------------------------


class _Sink:
    """A stream that counts what is written and keeps none of it."""

    def __init__(self) -> None:
        self.chars = 0

    def write(self, s: str) -> int:
        self.chars += len(s)
        return len(s)


def _many_results(files: int, per_file: int) -> list[FileResult]:
    results = []
    for n in range(files):
        lines = [f"Line {i} of file {n} 😀 ends with word{i}  " for i in range(per_file)]
        text = "\n".join(lines) + "\n"
        source = Source(f"docs/file{n}.md", text)
        starts = source.line_starts()
        findings = []
        for i in range(per_file):
            end = starts[i] + len(lines[i])
            start = end - len(f"word{i}  ")  # every flagged text differs: the worst case for fingerprints
            findings.append(Finding("W101", "leading-whitespace", "Trailing whitespace", start, end,
                                    Severity.WARNING, Fix((Edit(end - 2, end, ""),)), source.path))
        results.append(FileResult(source.path, findings, [], source))
    return results


def _peak(fn) -> int:  # type: ignore[no-untyped-def]
    tracemalloc.start()
    try:
        fn()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


@pytest.mark.heavy
@pytest.mark.parametrize("shape", [(100, 100), (1, 10_000)], ids=["100x100", "1x10000"])
def test_ten_thousand_findings_stream_with_bounded_memory(shape):
    from lint import registry

    registry.all_rules()  # import the rules and the reporters before measuring
    for fmt in FORMATS:
        reporter_for(fmt, _Sink(), ReportOptions())  # type: ignore[arg-type]
    files, per_file = shape
    tracemalloc.start()
    results = _many_results(files, per_file)
    findings_size = tracemalloc.get_traced_memory()[0]  # the sources and findings themselves
    tracemalloc.stop()
    assert sum(len(r.findings) for r in results) == 10_000

    def naive() -> None:  # what a reporter that collects before writing would hold
        json.dumps([finding_dict(f, r.source) for r in results for f in r.findings])

    naive_peak = _peak(naive)
    for fmt in FORMATS:
        sink = _Sink()

        def report(fmt: str = fmt, sink: _Sink = sink) -> None:
            reporter = reporter_for(fmt, sink, ReportOptions())  # type: ignore[arg-type]
            reporter.start()
            summary = Summary()
            for r in results:
                summary.add(r)
                reporter.file(r)
            reporter.finish(summary)

        # A first report in a process does one-time work (patterns compiled or read from the kept store,
        # tables built on first use): not memory that grows with the findings, and whether an earlier test
        # in the same worker had done it decided the figure (a fresh clone's CI: SARIF 1.95 MB, once).
        report(fmt, _Sink())
        # And the lower of two measured reports: one-time work a worker happens to do while the first is
        # measured (a fresh clone's CI, the first test in its worker: rdjson 1.93 MB once) does not recur,
        # where memory that grows with the findings would show in both.
        peak = min(_peak(report), _peak(report))
        # The output is megabytes. Nothing a reporter holds grows with the number of files (measured:
        # under 20 KB); within one file only GitLab's and SARIF's fingerprint occurrence counts grow
        # (one int per distinct flagged text: about 0.7 MB for 10,000 in one file), a fraction of the
        # findings' own size and far below collecting everything before writing.
        assert sink.chars > 1_000_000, fmt
        limit = 64 * 1024 if files > 1 else findings_size / 6
        assert peak < limit, (fmt, peak, limit)
        assert peak * 5 < naive_peak, (fmt, peak, naive_peak)


# -- the GitHub Action --------------------------------------------------------------------------------------


def _action_step(name: str) -> dict[str, Any]:
    import yaml

    from tests.conftest import ROOT

    action = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    assert action["runs"]["using"] == "composite"
    steps = {s["name"]: s for s in action["runs"]["steps"]}
    return steps[name]


def _run_step(script: str, cwd: Path, env: dict[str, str]) -> tuple[subprocess.CompletedProcess[str], dict[str, str]]:
    """Run a step's script the way the runner does (`bash --noprofile --norc -eo pipefail file`)."""
    (cwd / "step.sh").write_text(script)
    output = cwd / "github_output"
    output.write_text("")
    full = {**os.environ, **env, "GITHUB_OUTPUT": str(output),
            "PATH": str(Path(sys.executable).parent) + os.pathsep + os.environ.get("PATH", "")}
    full.pop("COPYLINT_NO_CACHE", None)
    r = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "step.sh"], cwd=cwd, env=full,
                       capture_output=True, text=True, timeout=300)
    outputs = dict(line.split("=", 1) for line in output.read_text().splitlines() if "=" in line)
    return r, outputs


def test_github_action_annotates_and_writes_sarif(workdir, sarif_schema):
    step = _action_step("Run copylint")
    assert set(step["env"]) == {"ARGS", "SARIF", "SARIF_FILE"}  # inputs reach the script as data, never as code
    r, outputs = _run_step(step["run"], workdir, {"ARGS": "article.txt wide.txt", "SARIF": "true",
                                                   "SARIF_FILE": "copylint.sarif"})
    assert r.returncode == 0, r.stderr
    assert "::warning file=article.txt,line=1,col=1,endLine=1,endColumn=2,title=W101 leading-whitespace::" in r.stdout
    assert outputs == {"exit-code": "1", "sarif-file": "copylint.sarif"}
    log = json.loads((workdir / "copylint.sarif").read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(sarif_schema).validate(log)
    assert {res["ruleId"] for res in log["runs"][0]["results"]} >= {"W101"}

    clean = workdir / "clean"
    clean.mkdir()
    (clean / "ok.txt").write_text("A clean sentence.\n")
    r, outputs = _run_step(step["run"], clean, {"ARGS": "ok.txt", "SARIF": "false", "SARIF_FILE": "x.sarif"})
    assert r.returncode == 0 and outputs == {"exit-code": "0"} and not (clean / "x.sarif").exists()

    r, outputs = _run_step(step["run"], clean, {"ARGS": "missing.txt", "SARIF": "false", "SARIF_FILE": "x.sarif"})
    assert outputs == {"exit-code": "2"}
    assert "::error title=copylint::copylint could not run" in r.stdout

    # Exit 2 with sarif: true: no SARIF output, so the upload step (if: sarif-file != '') is skipped
    # and cannot show code scanning a clean run; the step fails on the exit code.
    r, outputs = _run_step(step["run"], clean, {"ARGS": "ok.txt missing.txt", "SARIF": "true", "SARIF_FILE": "x.sarif"})
    assert outputs == {"exit-code": "2"} and not (clean / "x.sarif").exists()
    assert "steps.check.outputs.sarif-file != ''" in _action_step("Upload SARIF to code scanning")["if"]

    fail = _action_step("Fail on findings")
    r, _ = _run_step(fail["run"], clean, {"CODE": "1"})
    assert r.returncode == 1


@pytest.mark.heavy
def test_github_action_installs_into_a_virtualenv_of_its_own(tmp_path):
    """With `python-version: ""` the runner's own Python may be externally managed (PEP 668): the
    install step makes a virtualenv and puts its bin/ on the PATH of the later steps."""
    from tests.conftest import ROOT

    step = _action_step("Install copylint")
    venv_dir = tmp_path / "copylint-venv"
    path_file = tmp_path / "github_path"
    # No index, no dependencies: the step's own commands, installing a wheel built from a clone of this
    # checkout (where the action would install its own folder).
    subprocess.run(["git", "clone", "-q", str(ROOT), str(tmp_path / "src")], check=True)
    subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation", "-w",
                    str(tmp_path / "dist"), str(tmp_path / "src")], check=True, capture_output=True)
    wheel = next((tmp_path / "dist").glob("copylint-*.whl"))
    r, _ = _run_step(step["run"], tmp_path, {"COPYLINT_VERSION": "", "ACTION_PATH": str(wheel), "VENV": str(venv_dir),
                                             "GITHUB_PATH": str(path_file), "PIP_NO_DEPS": "1", "PIP_NO_INDEX": "1"})
    assert r.returncode == 0, r.stderr
    assert path_file.read_text().splitlines() == [str(venv_dir / "bin")]
    show = subprocess.run([venv_dir / "bin" / "python", "-m", "pip", "show", "copylint"], capture_output=True, text=True)
    assert show.returncode == 0 and f"Location: {venv_dir}" in show.stdout, show.stdout + show.stderr


# -- a finding that reports a habit names its other places ---------------------------------------------------

MIXED = "one\r\ntwo\nthree\r\nfour\nfive\r\nsix\nseven\r\n"  # three LF among four CRLF


def test_a_habit_finding_lists_its_other_places_in_json_and_sarif_and_after_the_cache(run, tmp_path, sarif_schema):
    from tests.test_cli import OUTPUT_SCHEMA

    (tmp_path / "mixed.txt").write_bytes(MIXED.encode())
    env = {**os.environ, "COPYLINT_CACHE_DIR": str(tmp_path / "cache")}
    outputs = [run("check", "--isolated", "--select", "W106", "--format", "json", "mixed.txt", cwd=tmp_path, env=env)
               for _ in range(2)]  # cold, then served by the cache
    for r in outputs:
        data = json.loads(r.stdout)
        jsonschema.validate(data, OUTPUT_SCHEMA)
        (w106,) = data["findings"]
        assert w106["message"].startswith("3 LF line endings") and w106["start"]["line"] == 2
        assert [(p["start"]["line"], p["start"]["offset"], p["message"]) for p in w106["related"]] == [
            (4, MIXED.index("four\n") + 4, "LF line ending"), (6, MIXED.index("six\n") + 3, "LF line ending")]
    assert outputs[0].stdout == outputs[1].stdout and any((tmp_path / "cache").rglob("*.json"))
    r = run("check", "--isolated", "--no-cache", "--select", "W106", "--format", "sarif", "mixed.txt", cwd=tmp_path)
    log = json.loads(r.stdout)
    jsonschema.Draft4Validator(sarif_schema).validate(log)
    (result,) = log["runs"][0]["results"]
    assert [(loc["id"], loc["physicalLocation"]["region"]["startLine"], loc["message"]["text"])
            for loc in result["relatedLocations"]] == [(0, 4, "LF line ending"), (1, 6, "LF line ending")]
    assert all(loc["physicalLocation"]["artifactLocation"]["uri"] == "mixed.txt" for loc in result["relatedLocations"])
    r = run("check", "--isolated", "--no-cache", "--select", "W106", "--format", "rdjson", "mixed.txt", cwd=tmp_path)
    (diag,) = json.loads(r.stdout)["diagnostics"]
    assert [(p["location"]["range"]["start"]["line"], p["message"]) for p in diag["related_locations"]] == [
        (4, "LF line ending"), (6, "LF line ending")]


def test_a_slip_seen_once_has_no_related_places(run, tmp_path):
    (tmp_path / "one.txt").write_bytes(b"one\r\ntwo\nthree\r\n")
    r = run("check", "--isolated", "--no-cache", "--select", "W106", "--format", "json", "one.txt", cwd=tmp_path)
    (w106,) = json.loads(r.stdout)["findings"]
    assert "related" not in w106

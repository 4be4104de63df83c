"""The config file: discovery, every key, and errors that name the file, the line and the closest valid name."""

from __future__ import annotations

import json

import jsonschema
import pytest
import yaml

from lint.config import ConfigError, find_config_file, load_config, parse_config
from tests.conftest import ROOT

CONFIG_SCHEMA = json.loads((ROOT / "lint" / "data" / "config.schema.json").read_text())


def _parse(text: str):
    return parse_config(text, ".copylint.yaml", ROOT)


def test_every_key_parses():
    text = """
select: [W, E]
extend-select: [leading-whitespace]
ignore: [E104]
severity: {W101: error}
per-file-ignores: {"legacy/**": [W]}
exclude: [vendor]
extend-exclude: ["drafts/*.md"]
language: en-GB
rules: {}
formats: {"*.txt.j2": text}
words: [Kyiv, copylint]
file-timeout: 2.5
"""
    c = _parse(text)
    assert c.file_timeout == 2.5
    assert c.select == ["W", "E"] and c.extend_select == ["leading-whitespace"] and c.ignore == ["E104"]
    assert c.severity["W101"].value == "error"
    assert c.per_file_ignores == {"legacy/**": ["W"]}
    assert c.exclude == ["vendor"] and c.extend_exclude == ["drafts/*.md"]
    assert c.language == "en-GB" and c.formats == {"*.txt.j2": "text"} and c.words == ["Kyiv", "copylint"]
    # The shipped JSON Schema accepts what the loader accepts.
    jsonschema.validate(yaml.safe_load(text), CONFIG_SCHEMA)


@pytest.mark.parametrize(
    "text, line, fragment",
    [
        ("select: [W]\nignor: [W101]\n", 2, "unknown key 'ignor' (did you mean 'ignore'?)"),
        ("select:\n  - W101\n  - W1O1\n", 3, "unknown rule code or slug 'W1O1' (did you mean 'W101'?)"),
        ("severity:\n  W101: loud\n", 2, "severity of 'W101' must be error, warning or info, not 'loud'"),
        ("rules:\n  W101:\n    colour: red\n", 3, "rule W101 (leading-whitespace): no option 'colour'"),
        ("rules:\n  leading-whitespaces: {}\n", 2, "did you mean 'leading-whitespace'?"),
        ("per-file-ignores:\n  'a/*': [Q999]\n", 2, "unknown rule code or slug 'Q999'"),
        ("select: [W\n", 2, "invalid YAML"),
        ("- just\n- a list\n", 1, "must be a mapping"),
        ("formats:\n  '*.j2': markdwn\n", 2, "unknown format 'markdwn' (did you mean 'markdown'?)"),
    ],
)
def test_errors_name_file_line_and_closest(text, line, fragment):
    with pytest.raises(ConfigError) as info:
        _parse(text)
    assert info.value.line == line, str(info.value)
    assert fragment in str(info.value)
    assert str(info.value).startswith(f".copylint.yaml:{line}: ")


def test_unsafe_yaml_tags_are_refused():
    with pytest.raises(ConfigError) as info:
        _parse("select: !!python/object/apply:os.system ['echo hacked']\n")
    assert "invalid YAML" in str(info.value)


def test_empty_file_is_default():
    c = _parse("")
    assert c.select is None and c.language is None  # unset: each file's own, detected, else en


def test_found_upward_stopping_at_repository_root(tmp_path):
    (tmp_path / ".copylint.yaml").write_text("select: [W]\n")
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    (repo / "docs" / "a").mkdir(parents=True)
    # Above the repository root: not used.
    assert find_config_file(repo / "docs" / "a") is None
    (repo / ".copylint.yaml").write_text("select: [E]\n")
    assert find_config_file(repo / "docs" / "a") == (repo / ".copylint.yaml").resolve()
    assert load_config(find_config_file(repo / "docs" / "a")).select == ["E"]


def test_cli_reports_config_error_with_line(run, tmp_path):
    (tmp_path / ".git").mkdir()
    (tmp_path / ".copylint.yaml").write_text("select: [W]\nexclud: [x]\n")
    (tmp_path / "a.txt").write_text("ok.\n")
    r = run("check", ".", cwd=tmp_path)
    assert r.returncode == 2
    assert r.stderr.strip().splitlines() == [
        "copylint: .copylint.yaml:2: unknown key 'exclud' (did you mean 'exclude'?)"
    ] or r.stderr.strip().endswith(".copylint.yaml:2: unknown key 'exclud' (did you mean 'exclude'?)")


def test_cli_config_select_severity_and_per_file_ignores(run, tmp_path):
    (tmp_path / ".git").mkdir()
    (tmp_path / ".copylint.yaml").write_text(
        "select: [W101]\nseverity: {W101: error}\nper-file-ignores: {'legacy/**': [W101]}\n"
    )
    (tmp_path / "legacy").mkdir()
    (tmp_path / "legacy" / "old.txt").write_text("  old.\n")
    (tmp_path / "new.txt").write_text("  new.\n")
    r = run("check", ".", "--format", "json", cwd=tmp_path)
    findings = json.loads(r.stdout)["findings"]
    assert [(f["path"], f["severity"]) for f in findings] == [("new.txt", "error")]


def test_formats_globs_are_relative_to_the_config_s_folder_from_wherever_copylint_runs(run, tmp_path):
    """`formats: {"locales/*.json": i18n-json}` matched the path as typed: run from the project's folder it
    applied, run from its parent (`project/locales/fr.json`) or given an absolute path, as editors, scripts
    and `git ls-files | xargs` from elsewhere name files, the file was read as plain JSON and its
    untranslated string went unreported."""
    project = tmp_path / "project"
    (project / ".git").mkdir(parents=True)
    (project / "locales").mkdir()
    (project / ".copylint.yaml").write_text('formats: {"locales/*.json": i18n-json}\n')
    (project / "locales" / "en.json").write_text('{"greeting": "Hello, world.", "bye": "Goodbye."}\n')
    (project / "locales" / "fr.json").write_text('{"greeting": "Hello, world.", "bye": "Au revoir."}\n')
    for cwd, path in ((project, "locales/fr.json"), (tmp_path, "project/locales/fr.json"),
                      (tmp_path, str(project / "locales" / "fr.json")), (project / "locales", "fr.json")):
        r = run("check", path, "--no-cache", "--format", "json", cwd=cwd)
        assert [f["code"] for f in json.loads(r.stdout)["findings"]] == ["B102"], (cwd, path)


def test_isolated_and_explicit_config(run, tmp_path):
    (tmp_path / ".git").mkdir()
    (tmp_path / ".copylint.yaml").write_text("ignore: [W101]\n")
    (tmp_path / "other.yaml").write_text("select: [W101]\n")
    (tmp_path / "a.txt").write_text("  a.\n")
    assert run("check", "a.txt", cwd=tmp_path).returncode == 0
    assert run("check", "a.txt", "--isolated", cwd=tmp_path).returncode == 1
    assert run("check", "a.txt", "--config", "other.yaml", cwd=tmp_path).returncode == 1


def test_nearest_config_applies_per_folder(run, tmp_path):
    (tmp_path / ".git").mkdir()
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / ".copylint.yaml").write_text("ignore: [W101]\n")
    (tmp_path / "a.txt").write_text("  a.\n")
    (tmp_path / "sub" / "b.txt").write_text("  b.\n")
    r = run("check", ".", "--format", "json", "--select", "W101", cwd=tmp_path)
    paths = [f["path"] for f in json.loads(r.stdout)["findings"]]
    assert paths == ["a.txt"]


def test_user_rules_run_only_under_the_config_that_brought_them(run, tmp_path):
    (tmp_path / ".git").mkdir()
    for name in ("styled", "plain"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "a.txt").write_text("Kiev and Moscow exchanged prisoners.\n")
    (tmp_path / "styled" / ".copylint.yaml").write_text(
        "custom-rules:\n  - code: X.house.kyiv\n    kind: substitution\n    swap: {Kiev: Kyiv}\n"
    )
    r = run("check", "styled", "plain", "--format", "json", "--no-cache", cwd=tmp_path)
    found = [(f["path"], f["code"]) for f in json.loads(r.stdout)["findings"] if f["code"].startswith("X.")]
    assert found == [("styled/a.txt", "X.house.kyiv")]


def test_every_known_key_is_read_by_one_reader_or_is_a_section():
    from lint.config import KEY_READERS, KNOWN_KEYS, SECTION_VALIDATORS

    assert sorted(KEY_READERS) == sorted(k for k in KNOWN_KEYS if k not in SECTION_VALIDATORS)

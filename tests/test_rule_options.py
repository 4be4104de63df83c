"""Rule options are typed: a wrong type or value in `rules:` is one error naming the file, the line, the
rule and the type the option takes (it was a traceback from inside the rule), and the docs show each
option's type and default."""

from __future__ import annotations

import json

import pytest

from lint import registry
from lint.config import ConfigError, parse_config
from lint.docs import rule_markdown
from lint.options import OptionError, specs
from tests.conftest import ROOT

RULES_WITH_OPTIONS = [r for r in registry.builtin_rules() if specs(r.Options)]


def _parse(text: str):
    return parse_config(text, ".copylint.yaml", ROOT)


def test_the_bad_window_of_the_issue_is_one_error_with_file_line_rule_and_type(run, tmp_path):
    (tmp_path / ".git").mkdir()
    (tmp_path / ".copylint.yaml").write_text("select: [S]\nrules:\n  S110:\n    window: lots\n")
    (tmp_path / "a.txt").write_text("Hello.\n")
    r = run("check", "a.txt", cwd=tmp_path)
    assert r.returncode == 2, r.stderr
    assert "Traceback" not in r.stderr and "ValueError" not in r.stderr
    assert r.stderr.strip() == (
        f"copylint: {tmp_path / '.copylint.yaml'}:4: rule S110 (furniture-block): "
        "'window' must be an integer ≥ 1, not 'lots'")


def test_pyproject_options_are_checked_alike(run, tmp_path):
    (tmp_path / ".git").mkdir()
    (tmp_path / "pyproject.toml").write_text(
        "[project]\nname = 'x'\n\n[tool.copylint.rules.W103]\nmaximum = true\n")
    (tmp_path / "a.txt").write_text("Hello.\n")
    r = run("check", "a.txt", cwd=tmp_path)
    assert r.returncode == 2 and "Traceback" not in r.stderr
    assert "pyproject.toml:5: rule W103 (blank-line-run): 'maximum' must be an integer ≥ 0 or null, not true" \
        in r.stderr


@pytest.mark.parametrize(("options", "line", "message"), [
    ("{confidence: 101}", 3, "rule L101 (other-language-sentence): 'confidence' must be an integer from 0 to "
                             "100, not 101"),
    ("{min-words: 2.5}", 3, "'min-words' must be an integer ≥ 1, not 2.5"),
    ("{min-words: yes}", 3, "'min-words' must be an integer ≥ 1, not true"),
    ("{minwords: 3}", 3, "rule L101 (other-language-sentence): no option 'minwords' (did you mean 'min-words'?)"),
    ("[6]", 3, "the options of rule L101 (other-language-sentence) must be a mapping"),
])
def test_a_wrong_type_or_value_names_the_line_the_rule_and_the_type(options, line, message):
    with pytest.raises(ConfigError) as caught:
        _parse(f"language: en\nrules:\n  other-language-sentence: {options}\n")
    assert caught.value.line == line and caught.value.path == ".copylint.yaml"
    assert message in caught.value.message


def test_nested_values_are_checked_to_the_item():
    with pytest.raises(ConfigError, match=r"'phrases' must be a list of strings or null, not a list"):
        _parse("rules:\n  S102:\n    phrases: [Advertisement, 7]\n")
    with pytest.raises(ConfigError, match=r"'extend-labels' has no key 'dates' \(its keys: date, credit, byline\)"):
        _parse("rules:\n  S101:\n    extend-labels: {dates: [zuletzt]}\n")


def test_a_string_stands_for_a_list_of_one_and_reaches_the_rule():
    from lint.engine import Linter

    config = _parse("rules:\n  S102:\n    extend-phrases: Powered by Acme CMS 4\n  S110: {min-lines: 6}\n")
    checker = Linter().checker(config)
    by_code = {r.code: r for r in checker.rules}
    assert by_code["S102"].opts.extend_phrases == ("Powered by Acme CMS 4",)
    assert by_code["S110"].opts.min_lines == 6 and by_code["S110"].opts.window == 20


@pytest.mark.parametrize("rule", RULES_WITH_OPTIONS, ids=lambda r: r.code)
def test_every_option_takes_its_default_and_refuses_a_wrong_type(rule):
    for spec in specs(rule.Options):
        written = json.dumps(spec.default if not isinstance(spec.default, tuple) else list(spec.default))
        config = _parse(f"rules:\n  {rule.code}:\n    {spec.key}: {written}\n")
        assert rule(config.rule_options[rule.code]).opts == rule.Options()
        wrong = '"text"' if spec.type_name.split()[0] in ("integer", "boolean", "mapping") else "{a: 1}"
        with pytest.raises(ConfigError) as caught:
            _parse(f"rules:\n  {rule.code}:\n    {spec.key}: {wrong}\n")
        assert caught.value.line == 3
        assert caught.value.message.startswith(f"rule {rule.code} ({rule.slug}): '{spec.key}' must be ")


@pytest.mark.parametrize("rule", RULES_WITH_OPTIONS, ids=lambda r: r.code)
def test_the_docs_show_each_option_with_its_type_and_default(rule):
    shown = rule_markdown(rule)
    for spec in specs(rule.Options):
        assert f"- `{spec.key}` ({spec.type_name}, default `{spec.shown_default}`)" in shown


def test_a_rule_made_in_code_with_a_bad_option_says_which_rule():
    rule = registry.rule_by_name("S110")
    assert rule is not None
    with pytest.raises(OptionError, match=r"rule S110 \(furniture-block\): 'window' must be an integer ≥ 1"):
        rule({"window": "lots"})


@pytest.mark.parametrize("rule", RULES_WITH_OPTIONS, ids=lambda r: r.code)
def test_the_json_schema_of_each_option_agrees_with_the_loader(rule):
    """`copylint rules --format json` gives each option as JSON Schema (for editors and tools): it
    accepts what the config accepts and refuses what it refuses."""
    import jsonschema

    from lint.docs import rule_dict

    shown = rule_dict(rule)["options"]
    for spec in specs(rule.Options):
        validator = jsonschema.Draft202012Validator(shown[spec.key])
        samples = [spec.default if not isinstance(spec.default, tuple) else list(spec.default),
                   "text", {"a": 1}, {"date": ["x"]}, ["a", "b"], [1], 7, -1, 101, True, None, 2.5]
        for value in samples:
            try:
                _parse(f"rules:\n  {rule.code}:\n    {spec.key}: {json.dumps(value)}\n")
                loads = True
            except ConfigError:
                loads = False
            assert validator.is_valid(value) == loads, (spec.key, value, loads)


def _config_schema():
    return json.loads((ROOT / "lint" / "data" / "config.schema.json").read_text(encoding="utf-8"))


def test_the_config_schema_gives_the_rules_options():
    from lint.options import config_schema

    schema = _config_schema()
    assert schema == config_schema(schema, registry.builtin_rules()), \
        "lint/data/config.schema.json is stale: run copylint rules --format schema > lint/data/config.schema.json"


@pytest.mark.parametrize("text", [
    "rules: {S110: {window: lots}}",
    "rules: {furniture-block: {window: 0}}",
    "rules: {S110: {windw: 3}}",
    "rules: {W101: {colour: red}}",
    "rules: {S101: {extend-labels: {dates: [x]}}}",
    "rules: {L101: {confidence: 101}}",
    "rules: {S110: {window: 30, min-lines: 6}}",
    "rules: {furniture-block: {window: 30}}",
    "rules: {S102: {extend-phrases: Powered by Acme}}",
    "rules: {W103: {maximum: null}}",
    "rules: {W101: {}}",
    "rules: {W101: null}",
    "rules: {S110: null}",
    "rules: [S110]",
])
def test_an_editor_and_copylint_agree_on_rule_options(text):
    """What yaml-language-server says of `rules:` by the config schema, copylint says when it loads."""
    import jsonschema
    import yaml

    try:
        _parse(text + "\n")
        loads = True
    except ConfigError:
        loads = False
    assert jsonschema.Draft202012Validator(_config_schema()).is_valid(yaml.safe_load(text)) == loads


def test_an_option_of_a_type_the_config_cannot_write_is_refused_when_declared():
    from dataclasses import dataclass

    from lint.options import RuleOptions, option

    @dataclass(frozen=True)
    class Odd(RuleOptions):
        ratio: float = option(0.5, "a float: YAML writes it, but no rule option is one")

    with pytest.raises(TypeError, match=r"Odd.ratio: an option is a bool, int, str"):
        specs(Odd)


@pytest.mark.parametrize(("pattern", "message"), [
    ("bad (", "rule S102 (boilerplate-line): 'extend-patterns': 'bad (': not a regular expression: missing ), "
              "unterminated subpattern"),
    ("Posted (?&dat)", "'extend-patterns': 'Posted (?&dat)': no named part 'dat' (the parts: age, clock, credit, date,"),
])
def test_a_furniture_pattern_that_cannot_compile_is_a_config_error_naming_it(pattern, message):
    # It was an internal error of S102 on the first file, at a position in the joined pattern.
    with pytest.raises(ConfigError) as caught:
        _parse(f"rules:\n  S102:\n    extend-patterns: [{json.dumps(pattern)}]\n")
    assert caught.value.line == 3 and message in caught.value.message


def test_a_users_furniture_pattern_may_use_the_built_in_named_parts(run, tmp_path):
    (tmp_path / ".git").mkdir()
    (tmp_path / ".copylint.yaml").write_text("rules:\n  S102:\n    extend-patterns: ['Filed (?&date)']\n")
    (tmp_path / "a.txt").write_text("The story starts here and goes on for a while.\n\nFiled June 1, 2024\n")
    r = run("check", "--select", "S102", "a.txt", cwd=tmp_path)
    assert r.returncode == 1, r.stderr
    assert "Boilerplate line 'Filed June 1, 2024'" in r.stdout

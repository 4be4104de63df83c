"""Rule packs: built-in ones, installed ones (entry point copylint.packs), the JSON Schema, and `copylint test-rules`."""

from __future__ import annotations

import importlib.metadata
import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import jsonschema
import pytest
import yaml

from lint import registry
from lint.config import ConfigError, load_config
from lint.custom import config as custom_config
from lint.custom import packs
from lint.custom.build import COMMON_FIELDS
from lint.custom.examples import run_examples
from lint.custom.kinds import KINDS
from lint.engine import Linter, Selection
from lint.model import Source
from tests.conftest import ROOT, SEED, needs_seed

FIXTURES = Path(__file__).parent / "fixtures" / "custom"
SCHEMA = json.loads((ROOT / "lint" / "data" / "custom-rules.schema.json").read_text(encoding="utf-8"))
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)


@pytest.fixture(autouse=True)
def _forget_user_rules():
    yield
    custom_config.reset()


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
    return path


# -- built-in packs --------------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(packs.builtin_packs()))
def test_builtin_pack_loads_validates_and_passes_its_examples(name):
    path = packs.builtin_packs()[name]
    assert not list(VALIDATOR.iter_errors(yaml.safe_load(path.read_text(encoding="utf-8"))))
    pack = packs.load_builtin(name)
    assert pack.name == name and pack.rules
    for rule in pack.rules:
        # The bar of a built-in rule: five examples each way, a summary, a rationale, a fix note.
        assert len(rule.flag) >= 5 and len(rule.allow) >= 5, rule.code
        assert rule.summary and rule.rationale.strip()
        assert not rule.fix or rule.fix_note
        assert run_examples(rule) == []


def test_builtin_packs_exist():
    assert {"ukraine-places", "tech-terms", "en-spelling"} <= set(packs.builtin_packs())


@needs_seed
def test_builtin_pack_by_name_catches_the_seed_defect(tmp_path):
    cfg = write(tmp_path / ".copylint.yaml", "packs: [ukraine-places]\n")
    config = load_config(cfg)
    text = SEED.read_text(encoding="utf-8")
    found = Linter(Selection(select=("X",))).findings(Source(str(tmp_path / "article.txt"), text), config)
    assert [(f.code, f.message) for f in found] == [
        ("X.ukraine.places", "Write 'Kyiv', the Ukrainian spelling, not 'Kiev'")
    ]


def test_unknown_pack_name_names_the_config_line(tmp_path):
    cfg = write(tmp_path / ".copylint.yaml", "language: en\npacks:\n  - ukraine-place\n")
    with pytest.raises(ConfigError) as err:
        load_config(cfg)
    assert err.value.line == 3 and err.value.path == str(cfg)
    assert "no rule pack named 'ukraine-place' (did you mean 'ukraine-places'?)" in err.value.message
    write(cfg, "packs: [./missing.yaml]\n")
    with pytest.raises(ConfigError, match=r"rule pack file '\./missing\.yaml' not found"):
        load_config(cfg)


def test_pack_file_shape_errors(tmp_path):
    pack = write(tmp_path / "p.yaml", "name: p\nprefix: newsroom\nrules: []\n")
    cfg = write(tmp_path / ".copylint.yaml", "packs: [./p.yaml]\n")
    with pytest.raises(ConfigError) as err:
        load_config(cfg)
    assert (err.value.path, err.value.line) == (str(pack), 2) and "must be a dotted code starting with 'X.'" in err.value.message
    write(pack, "name: p\nrule: []\n")
    with pytest.raises(ConfigError, match="unknown pack field 'rule' \\(did you mean 'rules'\\?\\)"):
        load_config(cfg)
    write(pack, "rules:\n  - code: X.a.b\n    kind: existence\n    tokens: [x\n")
    with pytest.raises(ConfigError) as err:
        load_config(cfg)
    assert err.value.path == str(pack) and "invalid YAML" in err.value.message
    write(pack, "prefix: X.news\nrules:\n  - {code: X.other.b, kind: existence, tokens: [x]}\n")
    with pytest.raises(ConfigError, match=r"outside the pack's prefix 'X\.news'"):
        load_config(cfg)


def test_pack_paths_are_relative_to_the_config(tmp_path, monkeypatch):
    write(tmp_path / "style" / "house.yaml", "rules:\n  - {code: X.house.a, kind: existence, tokens: [synergy]}\n")
    cfg = write(tmp_path / "site" / ".copylint.yaml", "packs: [../style/house.yaml]\n")
    monkeypatch.chdir(tmp_path / "style")
    config = load_config(cfg)
    assert [r.code for r in config.sections["packs"]] == ["X.house.a"]
    assert registry.rule_by_name("X.house.a").pack == "house"  # type: ignore[union-attr]


# -- installed packs: entry point copylint.packs -----------------------------------------------------


def test_entry_point_pack_is_loaded_from_the_object_it_names(monkeypatch, tmp_path):
    monkeypatch.syspath_prepend(str(FIXTURES / "pack-package"))
    ep = importlib.metadata.EntryPoint("newsroom-style", "copylint_newsroom_style:PACK", packs.ENTRY_POINT_GROUP)
    pack = packs.load_entry_point(ep)
    assert pack.name == "newsroom-style"
    assert [r.code for r in pack.rules] == ["X.newsroom.glossary", "X.newsroom.jargon"]
    assert pack.path.endswith("newsroom-style.yaml")
    # A function returning the path works too; a broken package is a ConfigError, not a crash.
    module = tmp_path / "pack_factory.py"
    module.write_text(
        "from pathlib import Path\n"
        f"def pack():\n    return Path({str(FIXTURES / 'newsroom.yaml')!r})\n"
        "NOT_A_PATH = 42\n"
        "raise_on_import = None\n"
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    ep = importlib.metadata.EntryPoint("factory", "pack_factory:pack", packs.ENTRY_POINT_GROUP)
    assert packs.load_entry_point(ep).name == "newsroom"
    ep = importlib.metadata.EntryPoint("bad", "pack_factory:NOT_A_PATH", packs.ENTRY_POINT_GROUP)
    with pytest.raises(ConfigError, match="must point to a YAML file path, not int"):
        packs.load_entry_point(ep)
    ep = importlib.metadata.EntryPoint("gone", "no_such_module_for_copylint:PACK", packs.ENTRY_POINT_GROUP)
    with pytest.raises(ConfigError, match=r"cannot load rule pack entry point 'gone'.*ModuleNotFoundError"):
        packs.load_entry_point(ep)


# One worker runs every test here (with -n): they share the module's fixture.
pytestmark = pytest.mark.xdist_group("installed-pack")


@pytest.fixture(scope="module")
def installed_pack(tmp_path_factory) -> Path:
    """The fixture package installed by pip (no index, no build isolation: about a second)."""
    work = tmp_path_factory.mktemp("pack")
    src = work / "src"
    shutil.copytree(FIXTURES / "pack-package", src)
    target = work / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-build-isolation", "--no-index",
         "--target", str(target), str(src)],
        check=True, capture_output=True, timeout=300,
    )
    return target


def test_pip_installed_pack_is_found_by_name(installed_pack, tmp_path, run):
    env = {"PYTHONPATH": os.pathsep.join([str(installed_pack), str(ROOT)])}
    write(tmp_path / ".copylint.yaml", "packs: [newsroom-style]\n")
    (tmp_path / "a.txt").write_text("Going forward, Kiev will publish daily.\n", encoding="utf-8")
    result = run("check", "--no-cache", "--select", "X.newsroom", "a.txt", cwd=tmp_path, env=env)
    assert result.returncode == 1, result.stderr
    assert "a.txt:1:1: X.newsroom.jargon" in result.stdout
    assert "a.txt:1:16: X.newsroom.glossary" in result.stdout
    fixed = run("check", "--no-cache", "--fix", "--select", "X.newsroom.glossary", "a.txt", cwd=tmp_path, env=env)
    assert fixed.returncode == 0, fixed.stdout + fixed.stderr
    assert (tmp_path / "a.txt").read_text() == "Going forward, Kyiv will publish daily.\n"
    tested = run("test-rules", cwd=tmp_path, env=env)
    assert tested.returncode == 0, tested.stdout + tested.stderr
    assert "ok    X.newsroom.glossary (2 examples)" in tested.stdout
    # Without the package on the path the name is unknown: one error, exit 2.
    missing = run("check", "--no-cache", "a.txt", cwd=tmp_path)
    assert missing.returncode == 2 and "no rule pack named 'newsroom-style'" in missing.stderr


# -- the JSON Schema --------------------------------------------------------------------------------


def test_schema_is_valid_and_accepts_the_fixture_pack():
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    for path in [FIXTURES / "newsroom.yaml", FIXTURES / "pack-package" / "copylint_newsroom_style" / "newsroom-style.yaml"]:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert not [e.message for e in VALIDATOR.iter_errors(data)], path


@pytest.mark.parametrize("rule, complaint", [
    ({"code": "X.a", "kind": "existense", "tokens": ["x"]}, "is not one of"),
    ({"kind": "existence", "tokens": ["x"]}, "'code' is a required property"),
    ({"code": "X.a", "kind": "existence", "tokens": ["x"], "swap": {"a": "b"}}, "'swap' was unexpected"),
    ({"code": "X.a", "kind": "substitution"}, "is not valid under any of the given schemas"),
    ({"code": "X.a", "kind": "occurrence", "token": "x"}, "is not valid under any of the given schemas"),
    ({"code": "X.a", "kind": "existence", "tokens": ["x"], "severity": "fatal"}, "is not one of"),
    ({"code": "X.a", "kind": "existence", "tokens": ["x"], "examples": {"allow": ["x"]}}, "'allow' was unexpected"),
    ({"code": "X.a", "kind": "existence", "tokens": ["x"], "examples": {"pass": [{"text": "x", "fixed": "y"}]}},
     "is not valid under any of the given schemas"),
])
def test_schema_rejects_what_the_loader_rejects(tmp_path, rule, complaint):
    errors = [e.message for e in VALIDATOR.iter_errors({"rules": [rule]})]
    assert any(complaint in e for e in errors), errors
    cfg = write(tmp_path / ".copylint.yaml", "custom-rules:\n  - " + json.dumps(rule) + "\n")
    with pytest.raises(ConfigError):
        load_config(cfg)


def test_schema_and_loader_know_the_same_fields():
    rule_def = SCHEMA["$defs"]["rule"]
    assert set(rule_def["properties"]) == set(COMMON_FIELDS)
    by_kind = {b["if"]["properties"]["kind"]["const"]: set(b["then"]["properties"]) for b in rule_def["allOf"]}
    assert set(rule_def["properties"]["kind"]["enum"]) == set(KINDS) == set(by_kind)
    for name, cls in KINDS.items():
        assert by_kind[name] == set(cls.FIELDS), name


# -- copylint test-rules -----------------------------------------------------------------------------


def test_test_rules_passes_reports_failures_and_load_errors(tmp_path, run):
    good = tmp_path / "good.yaml"
    shutil.copy(FIXTURES / "newsroom.yaml", good)
    result = run("test-rules", str(good), cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "ok    X.newsroom.kyiv" in result.stdout
    assert result.stdout.strip().splitlines()[-1].startswith("9 rules, ") and "all as expected" in result.stdout

    bad = write(tmp_path / "bad.yaml", """
        prefix: X.t
        rules:
          - code: kyiv
            kind: substitution
            swap: {Kiev: Kyiv}
            examples:
              flag:
                - "Kiev"
                - {text: "KIEV", fixed: "Kyiv"}
              pass:
                - "Kiev"
                - "Kyiv"
          - {code: quiet, kind: existence, tokens: [x]}
    """)
    result = run("test-rules", str(bad), cwd=tmp_path)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert f"{bad}:9: X.t.kyiv: flag example 'KIEV': fixed to 'KYIV', expected 'Kyiv'" in lines
    assert f"{bad}:11: X.t.kyiv: pass example 'Kiev': flagged: Use 'Kyiv' instead of 'Kiev'" in lines
    assert f"{bad}:13: X.t.quiet: no examples (add examples: {{flag: [...], pass: [...]}})" in lines
    assert lines[-1] == "2 rules, 4 examples, 2 failing"

    broken = write(tmp_path / "broken.yaml", "rules:\n  - {code: X.a.b, kind: existence, patterns: ['(']}\n")
    result = run("test-rules", str(broken), cwd=tmp_path)
    assert result.returncode == 2 and f"{broken}:2: rule X.a.b: invalid regular expression '('" in result.stderr


def test_test_rules_uses_the_nearest_config(tmp_path, run):
    write(tmp_path / ".copylint.yaml", """
        packs: [tech-terms]
        custom-rules:
          - code: X.house.kyiv
            kind: substitution
            swap: {Kiev: Kyiv}
            examples: {flag: [Kiev], pass: [Kyiv]}
    """)
    (tmp_path / "sub").mkdir()
    result = run("test-rules", cwd=tmp_path / "sub")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "ok    X.house.kyiv (2 examples)" in result.stdout and "ok    X.tech.casing" in result.stdout
    empty = tmp_path / "empty"
    empty.mkdir()
    write(empty / ".copylint.yaml", "select: [W]\n")
    result = run("test-rules", cwd=empty)
    assert result.returncode == 2 and "no custom rules to test" in result.stderr


def test_check_select_by_pack_prefix_with_the_cli(tmp_path, run):
    shutil.copy(FIXTURES / "newsroom.yaml", tmp_path / "newsroom.yaml")
    write(tmp_path / ".copylint.yaml", "packs: [./newsroom.yaml]\n")
    (tmp_path / "a.md").write_text("# Going Forward In Kiev\n\nGoing forward, Kiev will grow.  \n", encoding="utf-8")
    result = run("check", "--no-cache", "--select", "X.newsroom.kyiv,X.newsroom.banned", "a.md", cwd=tmp_path)
    assert result.returncode == 1
    codes = [line.split()[1] for line in result.stdout.splitlines() if line.startswith("a.md:")]
    assert sorted(codes) == ["X.newsroom.banned", "X.newsroom.banned", "X.newsroom.kyiv", "X.newsroom.kyiv"]
    result = run("check", "--no-cache", "--select", "X.newsroom.kyib", "a.md", cwd=tmp_path)
    assert result.returncode == 2 and "did you mean 'X.newsroom.kyiv'" in result.stderr


def test_config_schema_can_refer_to_the_rule_definition():
    """How the config schema covers custom-rules: items {"$ref": "custom-rules.schema.json#/$defs/rule"}."""
    from referencing import Registry, Resource

    config_schema = json.loads((ROOT / "lint" / "data" / "config.schema.json").read_text(encoding="utf-8"))
    config_schema["properties"]["custom-rules"]["items"] = {"$ref": "custom-rules.schema.json#/$defs/rule"}
    registry_ = Registry().with_resource(SCHEMA["$id"], Resource.from_contents(SCHEMA))
    validator = jsonschema.Draft202012Validator(config_schema, registry=registry_)
    good = {"custom-rules": [{"code": "X.house.kyiv", "kind": "substitution", "swap": {"Kiev": "Kyiv"}}]}
    assert not list(validator.iter_errors(good))
    bad = {"custom-rules": [{"code": "X.house.kyiv", "kind": "substitution", "swapp": {"Kiev": "Kyiv"}}]}
    assert list(validator.iter_errors(bad))

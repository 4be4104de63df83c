"""Segment kinds, rule scopes and families are declared once (lint.model); every list and schema that
names them agrees with the declarations."""

from __future__ import annotations

import json
import re
import textwrap
from pathlib import Path

import pytest

from lint import docs, registry
from lint.config import load_config
from lint.custom import config as custom_config
from lint.custom.build import SEGMENT_KINDS
from lint.engine import Linter, Selection
from lint.formats import FORMATS
from lint.model import TRANSLATION_KINDS, Family, Scope, SegmentKind, Source

ROOT = Path(__file__).resolve().parent.parent
KINDS = {k.value for k in SegmentKind}


@pytest.fixture(autouse=True)
def _forget_user_rules():
    yield
    custom_config.reset()


def test_the_custom_rules_schema_names_every_segment_kind_and_nothing_else():
    schema = json.loads((ROOT / "lint" / "data" / "custom-rules.schema.json").read_text(encoding="utf-8"))
    listed = set(schema["$defs"]["segmentKind"]["enum"])
    # Each kind as written, and a kind with an underscore also with a space or a hyphen (`list item`).
    spelled = {form for k in KINDS for form in (k, k.replace("_", " "), k.replace("_", "-"))}
    assert listed == {"any", "all"} | spelled


def test_the_user_rule_loader_and_the_readme_name_every_segment_kind():
    assert set(SEGMENT_KINDS) == KINDS
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    row = next(line for line in readme.splitlines() if line.startswith("| `scope` |"))
    named = {name.replace(" ", "_") for name in re.findall(r"`([a-z_ ]+)`", row)} - {"scope", "any"}
    assert named == KINDS


def test_a_user_rule_scoped_to_xliff_targets_loads_and_reads_only_targets(tmp_path):
    """The `target` gap: XLIFF segments are of kind target, and a user rule could not name it."""
    config_path = tmp_path / ".copylint.yaml"
    config_path.write_text(textwrap.dedent("""\
        custom-rules:
          - {code: X.t.kiev, kind: existence, tokens: [Kiev], scope: target}
        """), encoding="utf-8")
    config = load_config(config_path)
    xliff = ('<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="uk">'
             '<file id="f"><unit id="u1"><segment><source>Kiev</source><target>Kiev</target></segment></unit>'
             "</file></xliff>\n")
    source = Source(str(tmp_path / "a.xlf"), xliff)
    found = Linter(Selection(select=("X",))).findings(source, config)
    assert [(f.code, xliff[f.start:f.end], f.start > xliff.index("<target>")) for f in found] == [
        ("X.t.kiev", "Kiev", True)]


def test_built_in_rules_name_only_declared_kinds_scopes_and_families():
    scopes = {s.value for s in Scope}
    families = {f.value for f in Family}
    for rule in registry.builtin_rules():
        assert rule.scope in scopes, rule.code
        assert rule.kinds is None or set(rule.kinds) <= KINDS, (rule.code, set(rule.kinds) - KINDS)
        assert rule.code[0] in families, rule.code
        # A family's rules live in its package (rules/<family>/), named as docs and `copylint rules` name it.
        package = rule.__module__.split(".")[-2]
        assert package == Family(rule.code[0]).label, (rule.code, rule.__module__)


def test_user_rule_kinds_default_to_declared_segment_kinds():
    from lint.custom.kinds import KINDS as USER_KINDS

    for name, kind in USER_KINDS.items():
        assert kind.DEFAULT_KINDS is None or set(kind.DEFAULT_KINDS) <= KINDS, name
    assert any(kind.DEFAULT_KINDS for kind in USER_KINDS.values())


def test_family_names_shown_in_docs_are_the_declared_ones():
    assert docs.FAMILY_NAMES == {f.value: f.label for f in Family}
    rules_md = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    shown = set(re.findall(r"^Family: (\w+)", rules_md, re.M))
    assert shown and shown <= {f.label for f in Family}


def test_translation_kinds_are_the_kinds_of_the_bilingual_formats():
    bilingual = {f.name for f in FORMATS.values() if f.pair is not None}
    assert bilingual == {"po", "xliff", "i18n-json", "i18n-yaml", "android-strings", "properties"}
    made = set()
    for name in bilingual:
        for example in FORMATS[name].examples:
            if example.error_line is None:
                made |= {seg.kind for seg in FORMATS[name].read_string(example.text, example.options).segments}
    assert made == TRANSLATION_KINDS

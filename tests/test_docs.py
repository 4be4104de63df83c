"""docs/rules.md is generated from the rules' metadata; a stale copy fails here."""

from __future__ import annotations

from lint import docs, registry
from tests.conftest import ROOT


def test_rules_md_is_current():
    generated = docs.rules_markdown(registry.builtin_rules())
    current = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert current == generated, "docs/rules.md is stale: run `copylint rules --format markdown > docs/rules.md`"


def test_every_rule_has_an_anchor_in_rules_md():
    text = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    for rule in registry.builtin_rules():
        assert f"## {rule.code} {rule.slug}" in text


def test_languages_md_is_current():
    from lint.language_docs import languages_markdown

    current = (ROOT / "docs" / "languages.md").read_text(encoding="utf-8")
    assert current == languages_markdown(), "docs/languages.md is stale: run `copylint languages > docs/languages.md`"

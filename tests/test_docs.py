"""docs/rules.md is generated from the rules' metadata; a stale copy fails here."""

from __future__ import annotations

from pathlib import Path

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


def test_every_rule_link_opens_its_section_of_the_shipped_docs():
    """The links in SARIF, rdjson and the editor's diagnostics name docs that ship with copylint (a
    checkout's docs/, a wheel's lint/manual), not a web page that does not exist."""
    from urllib.parse import urlparse
    from urllib.request import url2pathname

    from lint.report import rule_url

    for rule in registry.builtin_rules():
        url = urlparse(rule_url(rule.code, rule.slug))
        assert url.scheme == "file"
        page = Path(url2pathname(url.path))
        assert page == ROOT / "docs" / "rules.md"
        # GitHub's and editors' anchor for the heading `## W101 leading-whitespace`
        heading = url.fragment.split("-", 1)
        assert f"\n## {heading[0].upper()} {heading[1]}\n" in page.read_text(encoding="utf-8")

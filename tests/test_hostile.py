"""Generated hostile documents (tests/hostile_documents.py), a few dozen per format with a fixed seed:
no exception, offsets inside the text, findings on the characters they claim, fixes that keep the
format's structure, change only prose through the edits they report, and are idempotent.
bench/hostile.py runs the same with 10,000 documents per format."""

from __future__ import annotations

import pytest

from lint import registry
from lint.engine import Linter, Selection
from lint.formats.markdown import parse as parse_markdown
from lint.model import Finding, Severity, Source
from tests.crashing_rules import FakeCrashingRule
from tests.hostile_documents import KINDS, Tally, _on_its_characters, check, documents

PER_FORMAT = 60
SEED = 20


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Linter()


@pytest.mark.parametrize("fmt", sorted(KINDS))
def test_generated_documents_keep_every_invariant(linter, fmt):
    tally = Tally()
    for text in documents(fmt, SEED, PER_FORMAT):
        check(linter, fmt, text, tally)
    shown = "\n".join(f"{check_}: {message}\n  in {doc!r}" for check_, message, doc in tally.examples[:5])
    assert tally.exceptions == 0 and tally.invariant_failures == 0, shown
    assert tally.documents == PER_FORMAT
    assert tally.documents - tally.refused >= PER_FORMAT // 2  # mostly documents the reader takes
    assert tally.findings > 0 and tally.fixed > 0  # hostile enough to be flagged and fixed


def test_the_generator_is_reproducible():
    assert list(documents("po", SEED, 5)) == list(documents("po", SEED, 5))
    assert list(documents("po", SEED, 5)) != list(documents("po", SEED + 1, 5))


def test_an_exception_is_counted_not_raised():
    """The generator's own check can fail: a fake rule that raises (tests/crashing_rules.py)."""
    registry.register(FakeCrashingRule)
    try:
        tally = Tally()
        check(Linter(Selection(select=("Z901",))), "text", "BOOM here.\n", tally)
    finally:
        registry.unregister(FakeCrashingRule.code)
    assert tally.exceptions == 1 and tally.examples[0][0] == "no exception (check)"
    assert "internal error in rule Z901" in tally.examples[0][1]


def test_a_finding_inside_code_is_not_on_its_characters():
    text = "Prose here.\n\n```\ncode  block\n```\n"
    doc = parse_markdown(Source("a.md", text))
    inside_code = text.index("code  block") + 4
    on_code = Finding("P105", "unbalanced-brackets", "m", inside_code, inside_code + 2, Severity.WARNING, None, "a.md")
    on_prose = Finding("P105", "unbalanced-brackets", "m", 0, 5, Severity.WARNING, None, "a.md")
    assert not _on_its_characters(doc, on_code) and _on_its_characters(doc, on_prose)

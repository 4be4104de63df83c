"""Fakes, named so: rules that crash on purpose, for the engine's guard (no built-in rule crashes on
purpose, and every crash the hostile run found is fixed, so a test needs one it can count on).

``FakeCrashingRule`` raises a ValueError on a segment containing "BOOM"; ``FakePanickingRule`` makes
markdown-it-pyrs panic for real (a Rust ``PanicException``, a BaseException) on a segment containing
"PANIC". ``install()`` registers both in this process.
"""

from __future__ import annotations

from collections.abc import Iterable

from lint import registry
from lint.model import Document, Finding, Segment
from lint.rule import Rule


class FakeCrashingRule(Rule):
    code = "Z901"
    slug = "fake-crashing-rule"
    summary = "A fake that raises ValueError (tests only)"
    rationale = "Tests the engine's guard."
    trigger = "BOOM"

    def check_segment(self, seg: Segment, doc: Document) -> Iterable[Finding]:
        raise ValueError("this fake rule always fails on BOOM")


class FakePanickingRule(Rule):
    code = "Z902"
    slug = "fake-panicking-rule"
    summary = "A fake that makes markdown-it-pyrs panic (tests only)"
    rationale = "Tests the engine's guard against Rust panics."
    trigger = "PANIC"

    def check_segment(self, seg: Segment, doc: Document) -> Iterable[Finding]:
        from markdown_it_pyrs import MarkdownIt

        from lint.formats.markdown import quiet_stderr

        with quiet_stderr():
            MarkdownIt("commonmark").tree("[`x\n")  # panics: index out of bounds in the code-span scanner
        return []


def install() -> None:
    registry.register(FakeCrashingRule)
    registry.register(FakePanickingRule)

"""Running a declarative rule's own examples: what it must flag (and how its fix reads), what it must not.

The same check as tests/test_rule_examples.py does for built-in rules, with the
real parser, checker and fix loop, but only the one rule: a user's rule is
tested before it is registered, and ``copylint test-rules`` reports every
failure of every rule.
"""

from __future__ import annotations

from dataclasses import dataclass

from lint import formats
from lint.check import Checker
from lint.fix import apply_fixes
from lint.model import Document, Finding, Segment, Severity, Source
from lint.rule import Example, Rule

MAX_PASSES = 10


@dataclass(frozen=True)
class CustomExample(Example):
    """An example from YAML: where it is written, and optionally the segment kind it stands for."""

    segment_kind: str | None = None  # test the text as one segment of this kind (heading), whatever the format
    line: int | None = None


@dataclass(frozen=True)
class Failure:
    rule: type[Rule]
    example: Example
    must_flag: bool
    problem: str

    @property
    def line(self) -> int | None:
        return getattr(self.example, "line", None)

    def __str__(self) -> str:
        which = "flag" if self.must_flag else "pass"
        return f"{which} example {self.example.text!r}: {self.problem}"


def _language(rule: type[Rule]) -> str:
    if rule.languages is None or "en" in rule.languages:
        return "en"
    return sorted(rule.languages)[0]


def _document(rule: type[Rule], ex: Example, text: str) -> Document:
    source = Source(ex.path, text)
    kind = getattr(ex, "segment_kind", None)
    if kind:
        stripped = text.strip()
        lead = len(text) - len(text.lstrip())
        segs = [Segment.contiguous(stripped, kind, lead)] if stripped else []
        return Document(source, "text", segs, language=_language(rule))
    fmt = formats.format_of(ex.path)
    return formats.parse(source, fmt, _language(rule))


def findings(rule: type[Rule], ex: Example, text: str | None = None) -> list[Finding]:
    doc = _document(rule, ex, ex.text if text is None else text)
    return [f for f in Checker([rule()]).check(doc) if f.code == rule.code]


def fixed_text(rule: type[Rule], ex: Example, text: str) -> str:
    """The text after every fix of the rule (safe and unsafe), to a fixed point."""
    for _ in range(MAX_PASSES):
        fixes = [f.fix for f in findings(rule, ex, text) if f.fix is not None]
        if not fixes:
            break
        new, count = apply_fixes(text, fixes)
        if count == 0 or new == text:
            break
        text = new
    return text


def check_example(rule: type[Rule], ex: Example, must_flag: bool) -> str | None:
    """What is wrong with the rule on this example, or None."""
    found = findings(rule, ex)
    errors = [f for f in found if f.severity == Severity.ERROR and f.message.startswith(f"rule {rule.code} stopped:")]
    if errors:
        return errors[0].message
    if not must_flag:
        if found:
            return "flagged: " + "; ".join(f.message for f in found)
        return None
    if not found:
        return "not flagged"
    if ex.fixed is not None:
        got = fixed_text(rule, ex, ex.text)
        if got != ex.fixed:
            if got == ex.text:
                return f"no fix applied; expected {ex.fixed!r}"
            return f"fixed to {got!r}, expected {ex.fixed!r}"
        again = fixed_text(rule, ex, got)
        if again != got:
            return f"the fix is not idempotent: fixing {got!r} again gives {again!r}"
    return None


def run_examples(rule: type[Rule]) -> list[Failure]:
    out = []
    for must_flag, examples in ((True, rule.flag), (False, rule.allow)):
        for ex in examples:
            problem = check_example(rule, ex, must_flag)
            if problem is not None:
                out.append(Failure(rule, ex, must_flag, problem))
    return out

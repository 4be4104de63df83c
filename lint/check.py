"""The check stage: run the selected rules over a Document and return its findings.

Prose rules are gated by their triggers: the triggers of all prose rules are joined
into one alternation that is searched once per segment, and only in a segment
where it matches does each rule's own trigger (and then its check) run. A clean
segment therefore costs one regex scan however many rules are on.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from lint.model import Document, Finding
from lint.rule import Rule


def _scoped(pattern: str, flags: int) -> str:
    inline = ""
    if flags & re.IGNORECASE:
        inline += "i"
    if flags & re.MULTILINE:
        inline += "m"
    if flags & re.DOTALL:
        inline += "s"
    if flags & re.VERBOSE:
        inline += "x"
    return f"(?{inline}:{pattern})" if inline else f"(?:{pattern})"


class Checker:
    """The selected rules, prepared once and reused for every file."""

    def __init__(self, rules: Sequence[Rule]) -> None:
        self.rules = list(rules)
        self.document_rules = [r for r in rules if r.scope == "document"]
        prose = [r for r in rules if r.scope == "prose"]
        self.always = [r for r in prose if r.trigger is None]
        self.triggered: list[tuple[Rule, re.Pattern[str]]] = []
        for r in prose:
            pattern = r.compiled_trigger()
            if pattern is not None:
                self.triggered.append((r, pattern))
        self.any_trigger = (
            re.compile("|".join(_scoped(r.trigger or "", r.trigger_flags) for r, _ in self.triggered))
            if self.triggered
            else None
        )

    def check(self, doc: Document) -> list[Finding]:
        language = doc.language
        findings: list[Finding] = []
        for rule in self.document_rules:
            if rule.applies_to(language):
                findings.extend(rule.check_document(doc))
        always = [r for r in self.always if r.applies_to(language)]
        triggered = [(r, p) for r, p in self.triggered if r.applies_to(language)]
        any_trigger = self.any_trigger
        for seg in doc.segments:
            text = seg.text
            for rule in always:
                if rule.kinds is None or seg.kind in rule.kinds:
                    findings.extend(rule.check_segment(seg, doc))
            first = any_trigger.search(text) if any_trigger is not None else None
            if first is None:
                continue
            # The alternation finds the leftmost match of any trigger: no rule's own trigger can match
            # before it, so each rule's search starts there.
            at = first.start()
            for rule, pattern in triggered:
                if (rule.kinds is None or seg.kind in rule.kinds) and pattern.search(text, at):
                    findings.extend(rule.check_segment(seg, doc))
        return dedupe(findings)


def dedupe(findings: Iterable[Finding]) -> list[Finding]:
    seen: set[tuple[str, int, int]] = set()
    out = []
    for f in sorted(findings, key=lambda f: (f.start, f.end, f.code)):
        key = (f.code, f.start, f.end)
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out

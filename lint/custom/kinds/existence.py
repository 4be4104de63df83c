"""The `existence` kind of custom rule: words or patterns that must not appear (README, "The kinds")."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, ClassVar

import regex

from lint.custom.kinds.base import (
    UserRule,
    _case_mode,
    _exceptions,
    _groups_of,
    _listing,
    _match_values,
    _preview,
)
from lint.custom.matcher import TermMatcher
from lint.custom.spec import Spec
from lint.model import Document, Finding, Segment


class Existence(UserRule):
    kind = "existence"
    FIELDS = frozenset({"tokens", "patterns", "ignorecase", "nonword", "exceptions", "timeout"})
    DEFAULT_MESSAGE = "Avoid '{match}'"
    USES_PATTERNS = True

    terms: ClassVar[TermMatcher | None] = None
    patterns: ClassVar[tuple[regex.Pattern[str], ...]] = ()

    @classmethod
    def configure(cls, spec: Spec) -> dict[str, Any]:
        ignorecase = spec.boolean("ignorecase")
        nonword = spec.boolean("nonword")
        tokens = spec.strings("tokens")
        raw_patterns = spec.strings("patterns")
        if not tokens and not raw_patterns:
            raise spec.error((), "missing field 'tokens' (words or phrases) or 'patterns' (regular expressions)")
        patterns = tuple(
            spec.pattern(("patterns", i), p, ignorecase=ignorecase, nonword=nonword)
            for i, p in enumerate(raw_patterns)
        )
        terms = TermMatcher(tokens, case=_case_mode(spec), nonword=nonword) if tokens else None
        attrs: dict[str, Any] = {
            "terms": terms, "patterns": patterns, "ignorecase": ignorecase, "nonword": nonword,
            **_exceptions(spec, ignorecase, nonword), "_groups": _groups_of(patterns),
            "_listed": tokens + raw_patterns,
        }
        if terms is not None and not patterns:
            attrs["trigger"] = terms.source
        return attrs

    @classmethod
    def default_summary(cls, attrs: Mapping[str, Any]) -> str:
        return f"Avoid {_preview(attrs['_listed'])}"

    @classmethod
    def details(cls, attrs: Mapping[str, Any]) -> str:
        return "Flags: " + _listing(f"`{t}`" for t in attrs["_listed"]) + "."

    def scan(self, seg: Segment, doc: Document) -> Iterator[Finding]:
        memo: dict[str, Any] = {}
        if self.terms is not None:
            for t in self.terms.finditer(seg.text):
                if not self.excepted_at(seg, t.start, t.end, t.text, memo):
                    yield self.finding(seg, t.start, t.end, self.say(match=t.text))
        for p in self.patterns:
            for m in self.finditer(p, seg):
                if not self.excepted_at(seg, m.start(), m.end(), m.group(), memo):
                    yield self.finding(seg, m.start(), m.end(), self.say(**_match_values(m)))

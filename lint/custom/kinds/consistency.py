"""The `consistency` kind of custom rule: one of two spellings per file (README, "The kinds")."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Mapping
from typing import Any, ClassVar

from lint.custom import matcher
from lint.custom.kinds.base import (
    UserRule,
    _case_mode,
    _listing,
    _preview,
)
from lint.custom.matcher import TermMatcher
from lint.custom.spec import Spec
from lint.model import Applicability, Document, Finding, Segment


class Consistency(UserRule):
    kind = "consistency"
    FIELDS = frozenset({"either", "ignorecase", "nonword", "fix"})
    PLACEHOLDERS = frozenset({"match", "other", "count"})
    DEFAULT_MESSAGE = "Both '{match}' and '{other}' are used in this file: use '{other}' throughout"
    DEFAULT_FIX = Applicability.SAFE

    terms: ClassVar[TermMatcher | None] = None
    partner: ClassVar[Mapping[str, str]] = {}
    pairs: ClassVar[tuple[tuple[str, str], ...]] = ()

    @classmethod
    def configure(cls, spec: Spec) -> dict[str, Any]:
        either = spec.mapping("either", required=True)
        ignorecase = spec.boolean("ignorecase")
        nonword = spec.boolean("nonword")
        partner: dict[str, str] = {}
        for a, b in either.items():
            if matcher.normalize_space(a) == matcher.normalize_space(b):
                raise spec.error(("either", a), f"'{a}' is paired with itself")
            for word in (a, b):
                if word in partner:
                    raise spec.error(("either", a), f"'{word}' is in two pairs")
            partner[a] = b
            partner[b] = a
        terms = TermMatcher(partner, case=_case_mode(spec), nonword=nonword)
        scope = "document"
        return {"terms": terms, "partner": partner, "pairs": tuple(either.items()), "scope": scope,
                "ignorecase": ignorecase, "nonword": nonword, "_groups": (0, set())}

    @classmethod
    def default_summary(cls, attrs: Mapping[str, Any]) -> str:
        return "One spelling per file: " + _preview([f"{a}/{b}" for a, b in attrs["pairs"]], 2)

    @classmethod
    def details(cls, attrs: Mapping[str, Any]) -> str:
        return "Pairs: " + _listing(f"`{a}`/`{b}`" for a, b in attrs["pairs"]) + "."

    def scan_document(self, segments: list[Segment], doc: Document) -> Iterator[Finding]:
        assert self.terms is not None
        hits = [(seg, t) for seg in segments for t in self.terms.finditer(seg.text)]
        if not hits:
            return
        counts = Counter(t.key for _, t in hits)
        first_seen: dict[str, int] = {}
        for i, (_, t) in enumerate(hits):
            first_seen.setdefault(t.key, i)
        for seg, t in hits:
            other = self.partner[t.key]
            if not counts[other]:
                continue
            mine, theirs = counts[t.key], counts[other]
            if mine > theirs or (mine == theirs and first_seen[t.key] < first_seen[other]):
                continue
            repl = matcher.adapt_case(t.text, t.key, other)
            yield self.finding(seg, t.start, t.end, self.say(match=t.text, other=repl, count=theirs), repl)

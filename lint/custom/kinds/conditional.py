"""The `conditional` kind of custom rule: a term used before it is defined (README, "The kinds")."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, ClassVar

import regex

from lint.custom.kinds.base import (
    UserRule,
    _exceptions,
    _groups_of,
    _match_values,
)
from lint.custom.spec import Spec
from lint.model import Document, Finding, Segment

DEFAULT_FIRST = r"[A-Z]{2,}"
DEFAULT_SECOND = r"(?|\(\s*([A-Z]{2,})s?\s*\)|([A-Z]{2,})\s+\((?=[A-Z][a-z]))"


class Conditional(UserRule):
    kind = "conditional"
    FIELDS = frozenset({"first", "second", "exceptions", "ignorecase", "timeout"})
    DEFAULT_MESSAGE = "'{match}' is used before it is defined"
    USES_PATTERNS = True

    first: ClassVar[regex.Pattern[str] | None] = None
    second: ClassVar[regex.Pattern[str] | None] = None

    @classmethod
    def configure(cls, spec: Spec) -> dict[str, Any]:
        ignorecase = spec.boolean("ignorecase")
        first = spec.pattern(("first",), spec.get("first") or DEFAULT_FIRST, ignorecase=ignorecase, nonword=False)
        second = spec.pattern(("second",), spec.get("second") or DEFAULT_SECOND, ignorecase=ignorecase, nonword=False)
        return {"first": first, "second": second, "ignorecase": ignorecase, "scope": "document",
                **_exceptions(spec, ignorecase), "_groups": _groups_of([first]),
                "_acronyms": not spec.has("first")}

    @classmethod
    def default_summary(cls, attrs: Mapping[str, Any]) -> str:
        return "An acronym used before it is defined" if attrs["_acronyms"] else "A term used before it is defined"

    @staticmethod
    def _term(m: regex.Match[str]) -> str:
        return next((g for g in m.groups() if g), m.group()) if m.groups() else m.group()

    def scan_document(self, segments: list[Segment], doc: Document) -> Iterator[Finding]:
        assert self.first is not None and self.second is not None
        defined: set[str] = set()
        reported: set[str] = set()
        for seg in segments:
            text = seg.text
            if not any(c.islower() for c in text):
                continue  # a heading in capitals: every word would look like an acronym
            definitions = [(m.start(), m.end(), self.norm(self._term(m))) for m in self.finditer(self.second, seg)]
            uses = list(self.finditer(self.first, seg))
            events = sorted([(s, 0, e, term) for s, e, term in definitions]
                            + [(m.start(), 1, m.end(), m) for m in uses], key=lambda x: (x[0], x[1]))
            for start, is_use, _end, item in events:
                if not is_use:
                    defined.add(item)
                    continue
                m = item
                if any(s <= start < e for s, e, _ in definitions):
                    continue
                term = self.norm(self._term(m))
                if term in defined or term in reported or self.excepted(term):
                    continue
                reported.add(term)
                yield self.finding(seg, m.start(), m.end(), self.say(**_match_values(m)))

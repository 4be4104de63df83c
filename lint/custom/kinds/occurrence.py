"""The `occurrence` kind of custom rule: at most or at least N matches per sentence, segment or file (README, "The kinds")."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, ClassVar

import regex

from lint.custom import text as textm
from lint.custom.kinds.base import (
    UserRule,
    _case_mode,
    _exceptions,
    _preview,
)
from lint.custom.matcher import TermMatcher
from lint.custom.spec import Spec
from lint.model import Document, Finding, Segment


class Occurrence(UserRule):
    kind = "occurrence"
    FIELDS = frozenset({"token", "tokens", "max", "min", "per", "ignorecase", "nonword", "exceptions", "timeout"})
    PLACEHOLDERS = frozenset({"match", "count", "max", "min", "per"})
    USES_PATTERNS = True

    terms: ClassVar[TermMatcher | None] = None
    token: ClassVar[regex.Pattern[str] | None] = None
    token_source: ClassVar[str] = ""
    per: ClassVar[str] = "segment"
    max: ClassVar[int | None] = None
    min: ClassVar[int | None] = None

    @classmethod
    def configure(cls, spec: Spec) -> dict[str, Any]:
        ignorecase = spec.boolean("ignorecase")
        nonword = spec.boolean("nonword")
        tokens = spec.strings("tokens")
        token_src = spec.get("token")
        if token_src is None and not tokens:
            raise spec.error((), r"missing field 'token' (a regular expression, e.g. '\w+' to count words) or 'tokens'")
        if token_src is not None and tokens:
            raise spec.error("tokens", "give either 'token' (a pattern) or 'tokens' (words), not both")
        token = spec.pattern(("token",), token_src, ignorecase=ignorecase, nonword=nonword) if token_src else None
        most = spec.number("max", minimum=0, integer=True)
        least = spec.number("min", minimum=1, integer=True)
        if most is None and least is None:
            raise spec.error((), "missing field 'max' or 'min'")
        if most is not None and least is not None and least > most:
            raise spec.error("min", f"'min' ({least:g}) is more than 'max' ({most:g})")
        per = spec.choice("per", ["sentence", "segment", "document"], "segment") or "segment"
        terms = TermMatcher(tokens, case=_case_mode(spec), nonword=nonword) if tokens else None
        attrs: dict[str, Any] = {
            "terms": terms, "token": token, "token_source": token_src or "", "per": per,
            "ignorecase": ignorecase, "nonword": nonword,
            "max": None if most is None else int(most), "min": None if least is None else int(least),
            **_exceptions(spec, ignorecase, nonword), "_groups": (0, set()),
            "scope": "document" if per == "document" else "prose",
            "DEFAULT_MESSAGE": (
                "{count} matches in this {per}; at most {max}" if most is not None and least is None
                else "{count} matches in this {per}; at least {min}" if most is None
                else "{count} matches in this {per}; between {min} and {max}"
            ),
        }
        if terms is not None and least is None and per != "document":
            attrs["trigger"] = terms.source
        return attrs

    @classmethod
    def default_summary(cls, attrs: Mapping[str, Any]) -> str:
        what = f"'{attrs['token_source']}'" if attrs["token"] is not None else _preview(dict.fromkeys(attrs["terms"].lookup.values()))
        bounds = []
        if attrs["max"] is not None:
            bounds.append(f"at most {attrs['max']}")
        if attrs["min"] is not None:
            bounds.append(f"at least {attrs['min']}")
        return f"{' and '.join(bounds).capitalize()} of {what} per {attrs['per']}"

    def _spans(self, seg: Segment, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
        text = seg.text if end is None and start == 0 else seg.text[start:end]
        spans: list[tuple[int, int]] = []
        if self.terms is not None:
            spans = [(t.start, t.end) for t in self.terms.finditer(text) if not self.excepted(t.text)]
        elif self.token is not None:
            spans = [m.span() for m in self.finditer(self.token, seg, text, self.token_source)
                     if not self.excepted(m.group())]
        return [(s + start, e + start) for s, e in spans]

    def _bad(self, count: int) -> bool:
        return (self.max is not None and count > self.max) or (self.min is not None and count < self.min)

    def scan(self, seg: Segment, doc: Document) -> Iterator[Finding]:
        if self.per == "sentence":
            for s, e in textm.sentences(seg.text):
                n = len(self._spans(seg, s, e))
                if self._bad(n):
                    msg = self.say(count=n, max=self.max, min=self.min, per="sentence", match=seg.text[s:e])
                    yield self.finding(seg, s, e, msg)
        else:
            n = len(self._spans(seg))
            if self._bad(n):
                kind = seg.kind.replace("_", " ")
                yield self.finding(seg, 0, len(seg.text),
                                   self.say(count=n, max=self.max, min=self.min, per=kind, match=seg.text))

    def scan_document(self, segments: list[Segment], doc: Document) -> Iterator[Finding]:
        if not segments:
            return
        hits = [(seg, s, e) for seg in segments for s, e in self._spans(seg)]
        n = len(hits)
        if not self._bad(n):
            return
        if self.max is not None and n > self.max:
            seg, s, e = hits[self.max]
        else:
            seg, s, e = segments[0], 0, len(segments[0].text.split("\n", 1)[0])
        yield self.finding(seg, s, e, self.say(count=n, max=self.max, min=self.min, per="file",
                                                match=seg.text[s:e]))

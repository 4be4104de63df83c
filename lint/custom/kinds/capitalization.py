"""The `capitalization` kind of custom rule: fixed casing of terms, or the case of headings (README, "The kinds")."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any, ClassVar

from lint.custom import matcher
from lint.custom.kinds.base import (
    UserRule,
    _listing,
    _preview,
)
from lint.custom.matcher import TermMatcher
from lint.custom.spec import Spec
from lint.model import Applicability, Document, Finding, Segment

SMALL_WORDS = frozenset(
    "a an the and but or nor for so yet as at by from in into of off on onto out over per to up upon via vs with".split()
)
_WORDS = re.compile(r"[^\W_][\w'\u2019.-]*[^\W_]|[^\W_]")
_BREAK = re.compile(r"[:.!?\u2014\u2013]\s*$|^\s*$")


class Capitalization(UserRule):
    kind = "capitalization"
    FIELDS = frozenset({"terms", "match", "exceptions", "small-words", "fix", "nonword"})
    PLACEHOLDERS = frozenset({"match", "expected", "style"})
    DEFAULT_FIX = Applicability.SAFE

    terms: ClassVar[TermMatcher | None] = None
    style: ClassVar[str | None] = None
    small_words: ClassVar[frozenset[str]] = SMALL_WORDS
    exception_words: ClassVar[TermMatcher | None] = None

    @classmethod
    def configure(cls, spec: Spec) -> dict[str, Any]:
        terms = spec.strings("terms")
        style = spec.choice("match", ["sentence", "title", "lower", "upper"])
        if not terms and style is None:
            raise spec.error((), "missing field 'terms' (e.g. [GitHub, iPhone]) or 'match' (sentence, title, lower, upper)")
        if terms and style:
            raise spec.error("match", "a rule has either 'terms' or 'match', not both: write two rules")
        nonword = spec.boolean("nonword")
        exceptions = spec.strings("exceptions")
        attrs: dict[str, Any] = {"style": style, "nonword": nonword, "_groups": (0, set())}
        if terms:
            seen: dict[str, str] = {}
            for i, term in enumerate(terms):
                if term.casefold() in seen:
                    raise spec.error(("terms", i), f"'{term}' and '{seen[term.casefold()]}' differ only in case")
                seen[term.casefold()] = term
            matched = TermMatcher(terms, case="ignore", nonword=nonword)
            attrs.update(terms=matched, trigger=matched.source,
                         exceptions=frozenset(matcher.normalize_space(e) for e in exceptions),
                         DEFAULT_MESSAGE="Write '{expected}', not '{match}'", _listed=terms)
            if spec.has("small-words"):
                raise spec.error("small-words", "'small-words' goes with match: title")
        else:
            small = spec.strings("small-words")
            attrs.update(
                exception_words=TermMatcher(exceptions, case="exact", nonword=nonword) if exceptions else None,
                small_words=frozenset(w.lower() for w in small) if small else SMALL_WORDS,
                DEFAULT_MESSAGE="Use {style} case: '{expected}'",
                DEFAULT_KINDS=frozenset({"heading"}),
                DEFAULT_FIX=Applicability.UNSAFE,
            )
        return attrs

    @classmethod
    def default_summary(cls, attrs: Mapping[str, Any]) -> str:
        if attrs.get("style"):
            return f"Headings in {attrs['style']} case"
        return f"Fixed casing of {_preview(attrs['_listed'])}"

    @classmethod
    def details(cls, attrs: Mapping[str, Any]) -> str:
        if attrs.get("style"):
            return ""
        return "Terms: " + _listing(f"`{t}`" for t in attrs["_listed"]) + "."

    def scan(self, seg: Segment, doc: Document) -> Iterator[Finding]:
        if self.terms is not None:
            yield from self._scan_terms(seg)
        elif self.style is not None:
            yield from self._scan_style(seg)

    def _scan_terms(self, seg: Segment) -> Iterator[Finding]:
        assert self.terms is not None
        text = seg.text
        shouting = None
        for t in self.terms.finditer(text):
            expected = t.key
            if t.text == expected or matcher.normalize_space(t.text) in self.exceptions:
                continue
            if matcher.is_shouting(t.text) and not matcher.is_shouting(expected):
                if shouting is None:  # a heading in capitals: its terms are in capitals too
                    shouting = not any(c.islower() for c in text)
                if shouting:
                    continue
            yield self.finding(seg, t.start, t.end, self.say(match=t.text, expected=expected), expected)

    def _expected_word(self, word: str, first: bool, last: bool) -> str | None:
        """The word as the style wants it, or None when the style has no say (acronyms, names like iPhone)."""
        letters = [c for c in word if c.isalpha()]
        if not letters or any(c.isdigit() for c in word):
            return None
        if self.style == "upper":
            return word.upper()
        if matcher.is_shouting(word) or any(c.isupper() for c in word[1:]):
            return None  # an acronym, or a name with inner capitals (iPhone, McDonald)
        if self.style == "lower":
            return word.lower()
        if self.style == "sentence":
            if first:
                return matcher.upper_first(word)
            if word[0].isupper() and word not in ("I",) and not word.startswith(("I'", "I\u2019")):
                return word.lower()
            return word
        # title case
        if not first and not last and word.lower() in self.small_words:
            return word.lower()
        return matcher.upper_first(word)

    def _scan_style(self, seg: Segment) -> Iterator[Finding]:
        text = seg.text
        protected: list[tuple[int, int]] = []
        if self.exception_words is not None:
            protected = [(t.start, t.end) for t in self.exception_words.finditer(text)]
        words = list(_WORDS.finditer(text))
        edits: list[tuple[int, int, str]] = []
        for i, m in enumerate(words):
            start, end = m.span()
            first = i == 0 or bool(_BREAK.search(text, words[i - 1].end(), start))
            last = i == len(words) - 1
            if any(s <= start < e for s, e in protected):
                continue
            word = m.group()
            if self.style == "title" and "-" in word:
                parts = word.split("-")
                fixed = "-".join(self._expected_word(p, first and j == 0, last) or p if p else p
                                 for j, p in enumerate(parts))
            else:
                fixed = self._expected_word(word, first, last) or word
            if fixed != word:
                edits.append((start, end, fixed))
        if not edits:
            return
        expected = text
        for s, e, r in reversed(edits):
            expected = expected[:s] + r + expected[e:]
        yield self.finding(seg, 0, len(text), self.say(match=text, expected=expected, style=self.style),
                           edits=edits)

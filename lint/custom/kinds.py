"""The kinds of declarative rules: what each reads from YAML (``configure``) and how it checks.

A user rule is a class made at load time (``lint.custom.build``) from one of
these, carrying its data as class attributes like a built-in rule's metadata.
Each kind's ``configure`` reads and validates its own fields and returns the
class attributes; ``check_segment``/``check_document`` do the work.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, ClassVar

import regex

from lint.custom import matcher
from lint.custom import text as textm
from lint.custom.matcher import PatternTimeout, TermMatcher
from lint.custom.spec import Spec
from lint.model import Applicability, Document, Finding, Segment, Severity
from lint.rule import Rule


class UserRuleMeta(type):
    """Its repr carries the fingerprint of the rule's definition: the results cache keys on it."""

    def __repr__(cls) -> str:
        fp = cls.__dict__.get("fingerprint")
        if fp:
            return f"<custom rule {cls.__dict__.get('code')} {fp}>"
        return super().__repr__()


class UserRule(Rule, metaclass=UserRuleMeta):
    """What every declarative rule has besides the Rule metadata."""

    kind: ClassVar[str] = ""
    message: ClassVar[str] = ""
    origin: ClassVar[str] = ""  # "file:line" where the rule is written
    pack: ClassVar[str | None] = None
    fingerprint: ClassVar[str] = ""
    timeout: ClassVar[float] = matcher.DEFAULT_TIMEOUT
    exceptions: ClassVar[frozenset[str]] = frozenset()
    # The exceptions as a matcher: a match inside an occurrence of one (chicken Kiev) is not flagged.
    exception_terms: ClassVar[TermMatcher | None] = None
    ignorecase: ClassVar[bool] = False
    nonword: ClassVar[bool] = False

    # What the kind accepts, for the builder.
    FIELDS: ClassVar[frozenset[str]] = frozenset()
    DEFAULT_FIX: ClassVar[Applicability | None] = None  # None: the kind has no fix
    PLACEHOLDERS: ClassVar[frozenset[str]] = frozenset({"match"})
    DEFAULT_MESSAGE: ClassVar[str] = "'{match}'"
    DEFAULT_KINDS: ClassVar[frozenset[str] | None] = None
    DEFAULT_LANGUAGES: ClassVar[frozenset[str] | None] = None
    USES_PATTERNS: ClassVar[bool] = False

    def __init__(self, options: Mapping[str, Any] | None = None) -> None:
        super().__init__(options)
        # The document in which a pattern of this rule timed out: the rest of it is skipped.
        self._timed_out: Document | None = None

    # -- reading YAML ------------------------------------------------------------------------

    @classmethod
    def configure(cls, spec: Spec) -> dict[str, Any]:
        """Read the kind's own fields; return class attributes (``_groups``: pattern groups for messages)."""
        return {}

    @classmethod
    def default_summary(cls, attrs: Mapping[str, Any]) -> str:
        return f"House style ({cls.kind})"

    @classmethod
    def details(cls, attrs: Mapping[str, Any]) -> str:
        """Markdown for ``explain``: the rule's data (its list of terms, its bounds)."""
        return ""

    # -- helpers -----------------------------------------------------------------------------

    def say(self, **values: Any) -> str:
        return matcher.render(self.message, values)

    def norm(self, text: str) -> str:
        t = matcher.normalize_space(text.strip())
        return t.casefold() if self.ignorecase else t

    def excepted(self, text: str) -> bool:
        return bool(self.exceptions) and self.norm(text) in self.exceptions

    def excepted_at(self, seg: Segment, start: int, end: int, found: str, memo: dict[str, Any]) -> bool:
        """The match is an exception, or lies inside an occurrence of one in the segment."""
        if not self.exceptions:
            return False
        if self.norm(found) in self.exceptions:
            return True
        if self.exception_terms is None:
            return False
        if "spans" not in memo:
            memo["spans"] = [(t.start, t.end) for t in self.exception_terms.finditer(seg.text)]
        return any(s <= start and end <= e for s, e in memo["spans"])

    def accepts(self, seg: Segment) -> bool:
        return self.kinds is None or seg.kind in self.kinds

    def timeout_finding(self, seg: Segment, exc: PatternTimeout) -> Finding:
        first_line = seg.text.split("\n", 1)[0]
        size = len(seg.text)
        message = (
            f"rule {self.code} stopped: its pattern '{exc.pattern}' took more than {exc.seconds:g} s on this "
            f"{seg.kind.replace('_', ' ')} ({size:,} characters), so the rest of this file was not checked "
            "by it; nested quantifiers such as (a+)+ backtrack catastrophically"
        )
        return Finding(self.code, self.slug, message, seg.to_source(0), seg.to_source_end(len(first_line)),
                       Severity.ERROR, None)

    def check_segment(self, seg: Segment, doc: Document) -> Iterable[Finding]:
        if self._timed_out is doc:
            return []
        try:
            return list(self.scan(seg, doc))
        except PatternTimeout as exc:
            self._timed_out = doc
            return [self.timeout_finding(seg, exc)]

    def check_document(self, doc: Document) -> Iterable[Finding]:
        segments = [s for s in doc.segments if self.accepts(s)]
        try:
            return list(self.scan_document(segments, doc))
        except _SegmentTimeout as exc:
            return [self.timeout_finding(exc.segment, exc.timeout)]

    def scan(self, seg: Segment, doc: Document) -> Iterator[Finding]:
        return iter(())

    def scan_document(self, segments: list[Segment], doc: Document) -> Iterator[Finding]:
        return iter(())

    def finditer(self, pattern: regex.Pattern[str], seg: Segment, text: str | None = None,
                 label: str | None = None) -> Iterator[regex.Match[str]]:
        """Matches of a user pattern in a segment, bounded by the rule's timeout; URL-glued ones dropped.

        ``label`` is the pattern as the user wrote it, for the timeout's message.
        """
        text = seg.text if text is None else text
        try:
            for m in matcher.finditer_timed(pattern, text, self.timeout, label or pattern.pattern):
                if not self.nonword and matcher.glued(text, m.start(), m.end()):
                    continue
                yield m
        except PatternTimeout as exc:
            shown = exc if label else _user_pattern(exc)
            if self.scope == "document":
                raise _SegmentTimeout(seg, shown) from None
            raise shown from None


class _SegmentTimeout(Exception):
    def __init__(self, segment: Segment, timeout: PatternTimeout) -> None:
        super().__init__(str(timeout))
        self.segment = segment
        self.timeout = timeout


def _user_pattern(exc: PatternTimeout) -> PatternTimeout:
    """The timeout with the user's own pattern, not its wrapping in word boundaries."""
    p = exc.pattern
    for head, tail in ((matcher.BOUNDARY_START + "(?:", ")" + matcher.BOUNDARY_END),):
        if p.startswith(head) and p.endswith(tail):
            p = p[len(head) : -len(tail)]
    return PatternTimeout(p, exc.seconds)


def _groups_of(patterns: Iterable[regex.Pattern[str]]) -> tuple[int, set[str]]:
    n = 0
    names: set[str] = set()
    for p in patterns:
        n = max(n, p.groups)
        names |= set(p.groupindex)
    return n, names


def _match_values(m: regex.Match[str]) -> dict[str, Any]:
    values: dict[str, Any] = {"match": m.group()}
    for i, g in enumerate(m.groups(), 1):
        values[str(i)] = g or ""
    for name, g in m.groupdict().items():
        values[name] = g or ""
    return values


def _case_mode(spec: Spec) -> str:
    return "ignore" if spec.boolean("ignorecase") else "variants"


def _exceptions(spec: Spec, ignorecase: bool, nonword: bool = False) -> dict[str, Any]:
    """Class attributes for the rule's ``exceptions``: the normalized set and a matcher for phrases."""
    listed = spec.strings("exceptions")
    out = set()
    for e in listed:
        t = matcher.normalize_space(e.strip())
        out.add(t.casefold() if ignorecase else t)
    terms = TermMatcher(listed, case="ignore" if ignorecase else "variants", nonword=nonword) if listed else None
    return {"exceptions": frozenset(out), "exception_terms": terms}


def _preview(items: Iterable[str], n: int = 3) -> str:
    items = list(items)
    shown = ", ".join(items[:n])
    return shown + (f" and {len(items) - n} more" if len(items) > n else "")


def _listing(items: Iterable[str], n: int = 30) -> str:
    return _preview(items, n)


# -- existence -----------------------------------------------------------------------------


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


# -- substitution --------------------------------------------------------------------------


class Substitution(UserRule):
    kind = "substitution"
    FIELDS = frozenset({"swap", "patterns", "ignorecase", "case", "nonword", "exceptions", "fix", "timeout"})
    DEFAULT_FIX = Applicability.SAFE
    PLACEHOLDERS = frozenset({"match", "replacement"})
    DEFAULT_MESSAGE = "Use '{replacement}' instead of '{match}'"
    USES_PATTERNS = True

    terms: ClassVar[TermMatcher | None] = None
    swap: ClassVar[Mapping[str, str]] = {}
    # key -> offsets at which the key occurs inside its own replacement (Macedonia → North Macedonia)
    inside: ClassVar[Mapping[str, tuple[int, ...]]] = {}
    patterns: ClassVar[tuple[tuple[regex.Pattern[str], str], ...]] = ()
    preserve_case: ClassVar[bool] = True

    @classmethod
    def configure(cls, spec: Spec) -> dict[str, Any]:
        ignorecase = spec.boolean("ignorecase")
        nonword = spec.boolean("nonword")
        case = spec.choice("case", ["preserve", "exact"], "preserve")
        swap = spec.mapping("swap")
        raw_patterns = spec.mapping("patterns")
        if not swap and not raw_patterns:
            raise spec.error((), "missing field 'swap' (e.g. {Kiev: Kyiv}) or 'patterns' (regex: replacement)")
        mode = "ignore" if ignorecase else ("variants" if case == "preserve" else "exact")
        seen: dict[str, str] = {}
        for key, repl in swap.items():
            k = matcher.normalize_space(key.strip())
            folded = k.casefold() if ignorecase else k
            if folded in seen:
                raise spec.error(("swap", key), f"'{key}' is listed twice (also as '{seen[folded]}')")
            seen[folded] = key
            if matcher.normalize_space(repl.strip()) == k:
                raise spec.error(("swap", key), f"'{key}' is swapped for itself")
        terms = TermMatcher(swap, case=mode, nonword=nonword) if swap else None
        inside: dict[str, tuple[int, ...]] = {}
        if terms is not None:
            for key, repl in swap.items():
                for t in terms.finditer(repl):
                    if t.key != key:
                        raise spec.error(
                            ("swap", key),
                            f"the replacement '{repl}' contains '{t.text}', which this rule swaps too: "
                            "list the final form for each key",
                        )
                # The key as a proper part of its replacement: its occurrences inside the replacement are fine.
                offsets = tuple(i for i in range(len(repl)) if repl[i:].casefold().startswith(key.casefold())
                                and len(repl) > len(key))
                if offsets:
                    inside[key] = offsets
        patterns = []
        for source, template in raw_patterns.items():
            p = spec.pattern(("patterns", source), source, ignorecase=ignorecase, nonword=nonword)
            names = set(p.groupindex)
            spec.template(("patterns", source), template, {"match"}, p.groups, names)
            patterns.append((p, template))
        attrs: dict[str, Any] = {
            "terms": terms, "swap": dict(swap), "inside": inside, "patterns": tuple(patterns),
            "ignorecase": ignorecase, "nonword": nonword, "preserve_case": case == "preserve",
            **_exceptions(spec, ignorecase, nonword), "_groups": _groups_of(p for p, _ in patterns),
        }
        if terms is not None and not patterns:
            attrs["trigger"] = terms.source
        return attrs

    @classmethod
    def default_summary(cls, attrs: Mapping[str, Any]) -> str:
        pairs = [f"{v} for {k}" for k, v in attrs["swap"].items()] + [f"{t} for /{p.pattern}/" for p, t in attrs["patterns"]]
        if len(pairs) == 1:
            return f"Use {pairs[0]}"
        return f"House terms: use {_preview(pairs, 2)}"

    @classmethod
    def details(cls, attrs: Mapping[str, Any]) -> str:
        pairs = [f"`{k}` → `{v}`" for k, v in attrs["swap"].items()]
        pairs += [f"`/{p.pattern}/` → `{t}`" for p, t in attrs["patterns"]]
        return "Replaces: " + _listing(pairs) + "."

    def _adapt(self, text: str, start: int, found: str, key: str, repl: str) -> str:
        if self.preserve_case:
            repl = matcher.adapt_case(found, key, repl)
            i = matcher._first_cased(repl)
            if (i >= 0 and repl[i].islower() and found[:1].isupper()
                    and matcher.sentence_initial(text, start)):
                repl = matcher.upper_first(repl)
        return repl

    def _within_replacement(self, text: str, start: int, key: str) -> bool:
        repl = self.swap[key]
        for k in self.inside.get(key, ()):
            s = start - k
            if s >= 0 and text[s : s + len(repl)].casefold() == repl.casefold():
                return True
        return False

    def scan(self, seg: Segment, doc: Document) -> Iterator[Finding]:
        text = seg.text
        memo: dict[str, Any] = {}
        if self.terms is not None:
            for t in self.terms.finditer(text):
                if self.excepted_at(seg, t.start, t.end, t.text, memo) or self._within_replacement(text, t.start, t.key):
                    continue
                repl = self._adapt(text, t.start, t.text, t.key, self.swap[t.key])
                if repl == t.text:
                    continue
                yield self.finding(seg, t.start, t.end, self.say(match=t.text, replacement=repl), repl)
        for p, template in self.patterns:
            for m in self.finditer(p, seg):
                found = m.group()
                if self.excepted_at(seg, m.start(), m.end(), found, memo):
                    continue
                values = _match_values(m)
                repl = self._adapt(text, m.start(), found, found, matcher.render(template, values))
                if repl == found:
                    continue
                yield self.finding(seg, m.start(), m.end(), self.say(**values, replacement=repl), repl)


# -- capitalization ------------------------------------------------------------------------

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


# -- occurrence ----------------------------------------------------------------------------


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

    def _message(self, count: int, unit: str) -> str:
        return self.say(count=count, max=self.max, min=self.min, per=unit.replace("_", " "), match="")

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


# -- consistency ---------------------------------------------------------------------------


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


# -- repetition ----------------------------------------------------------------------------


class Repetition(UserRule):
    kind = "repetition"
    FIELDS = frozenset({"token", "ignorecase", "exceptions", "fix", "timeout"})
    DEFAULT_MESSAGE = "'{match}' is repeated"
    DEFAULT_FIX = Applicability.UNSAFE
    USES_PATTERNS = True

    pattern: ClassVar[regex.Pattern[str] | None] = None
    token: ClassVar[str] = r"[^\W\d_]+"

    @classmethod
    def configure(cls, spec: Spec) -> dict[str, Any]:
        ignorecase = spec.boolean("ignorecase", True)
        token = spec.get("token") or r"[^\W\d_]+"
        spec.pattern(("token",), token, ignorecase=ignorecase, nonword=True)  # validates it alone
        source = (rf"{matcher.BOUNDARY_START}(?P<copylint_token>(?:{token}))"
                  rf"(?P<copylint_gap>\s+)(?P=copylint_token){matcher.BOUNDARY_END}")
        try:
            compiled = regex.compile(source, regex.IGNORECASE if ignorecase else 0)
        except regex.error as exc:
            raise spec.error("token", f"invalid regular expression '{token}': {exc.msg}") from None
        return {"pattern": compiled, "token": token, "ignorecase": ignorecase,
                **_exceptions(spec, ignorecase), "_groups": (0, set())}

    @classmethod
    def default_summary(cls, attrs: Mapping[str, Any]) -> str:
        return "A word repeated"

    def scan(self, seg: Segment, doc: Document) -> Iterator[Finding]:
        assert self.pattern is not None
        for m in self.finditer(self.pattern, seg, label=self.token):
            word = m.group("copylint_token")
            second = m.group()[m.end("copylint_gap") - m.start():]
            if self.excepted(word) or (word[:1].isupper() and second[:1].isupper()):
                continue  # both capitalized: a name (Bora Bora, Walla Walla)
            yield self.finding(seg, m.start(), m.end(), self.say(match=word),
                               edits=[(m.start("copylint_gap"), m.end(), "")])


# -- conditional ---------------------------------------------------------------------------

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


# -- metric --------------------------------------------------------------------------------


class Metric(UserRule):
    kind = "metric"
    FIELDS = frozenset({"formula", "max", "min", "min-words"})
    PLACEHOLDERS = frozenset({"match", "score", "formula", "max", "min", "words"})
    DEFAULT_KINDS = frozenset({"paragraph"})
    DEFAULT_LANGUAGES = frozenset({"en"})

    formula: ClassVar[str] = "flesch-reading-ease"
    max: ClassVar[float | None] = None
    min: ClassVar[float | None] = None
    min_words: ClassVar[int] = 30

    @classmethod
    def configure(cls, spec: Spec) -> dict[str, Any]:
        formula = spec.choice("formula", sorted(textm.FORMULAS))
        if formula is None:
            raise spec.error((), f"missing field 'formula' (one of {', '.join(sorted(textm.FORMULAS))})")
        most = spec.number("max")
        least = spec.number("min")
        if most is None and least is None:
            raise spec.error((), "missing field 'max' or 'min' (the score a paragraph must not pass)")
        min_words = spec.number("min-words", 30, minimum=1, integer=True)
        label = textm.FORMULAS[formula][0]
        if most is not None and least is None:
            message = "{formula} is {score}; at most {max} wanted"
        elif least is not None and most is None:
            message = "{formula} is {score}; at least {min} wanted"
        else:
            message = "{formula} is {score}; between {min} and {max} wanted"
        return {"formula": formula, "max": most, "min": least, "min_words": int(min_words or 30),
                "DEFAULT_MESSAGE": message, "_groups": (0, set()), "_label": label}

    @classmethod
    def default_summary(cls, attrs: Mapping[str, Any]) -> str:
        bounds = []
        if attrs["min"] is not None:
            bounds.append(f"at least {attrs['min']:g}")
        if attrs["max"] is not None:
            bounds.append(f"at most {attrs['max']:g}")
        return f"{attrs['_label']} {' and '.join(bounds)} per paragraph"

    def scan(self, seg: Segment, doc: Document) -> Iterator[Finding]:
        c = textm.counts(seg.text)
        if c.words < self.min_words:
            return
        label, formula, _ = textm.FORMULAS[self.formula]
        score = round(formula(c), 1)
        if (self.max is not None and score > self.max) or (self.min is not None and score < self.min):
            first_line = len(seg.text.split("\n", 1)[0])
            yield self.finding(seg, 0, first_line, self.say(
                match=seg.text, score=f"{score:g}", formula=label,
                max=None if self.max is None else f"{self.max:g}",
                min=None if self.min is None else f"{self.min:g}", words=c.words))


KINDS: dict[str, type[UserRule]] = {
    k.kind: k for k in (Existence, Substitution, Capitalization, Occurrence, Consistency, Repetition,
                        Conditional, Metric)
}

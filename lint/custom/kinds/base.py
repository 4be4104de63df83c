"""What every kind of declarative rule shares: the ``UserRule`` base class (reading a rule's fields,
running its patterns under a time limit) and the helpers the kinds' ``configure`` methods use.

A user rule is a class made at load time (``lint.custom.build``) from one of the kinds (one module
each in this package), carrying its data as class attributes like a built-in rule's metadata.
"""

from __future__ import annotations

import copyreg
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any, ClassVar

import regex

from lint.custom import matcher
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


def _by_reference(cls: UserRuleMeta) -> str | tuple[Callable[[str, str], UserRuleMeta], tuple[str, str]]:
    """How pickle writes a user rule class: by its code and fingerprint, looked up again in the process
    that reads it (``lint.custom.config.registered``).

    A rule made at load time lives in no module (its ``__module__`` names none that imports), so pickle's
    default, by module and name, fails: a ``Config`` shipped to a ``--jobs`` worker carries its rule
    classes in ``sections``. A forked worker inherited the parent's registry, so it finds the same class.
    The kinds themselves (``Existence``…) are module attributes and stay pickled by name.
    """
    if not cls.__dict__.get("fingerprint"):
        return cls.__qualname__
    from lint.custom.config import registered

    return registered, (cls.__dict__["code"], cls.__dict__["fingerprint"])


copyreg.pickle(UserRuleMeta, _by_reference)


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

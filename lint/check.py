"""The check stage: run the selected rules over a Document and return its findings.

Prose rules are gated by their triggers, scanned over the document's prose joined into one string
(``Document.prose``), so the regex engine walks the text in C and Python runs only where a trigger
matched: a rule whose trigger appears nowhere in a document costs one scan and no Python work per
segment. Adding a rule adds at most one scan of the prose, never a pass in Python; three cases are
cheaper still:

- a trigger anchored at the start (`^Home`) is tried at each segment's start only;
- a trigger of a few literal-led alternatives, or one that opens with a class of a few characters, is
  scanned in literal-led pieces (``lint.scan``: the engine skips to a literal, but stops at every
  character where a pattern opens with a choice);
- triggers that start outside ASCII (full-width marks, Cyrillic, CJK) share one scan for all their
  first characters, and each is then tried on the few segments that scan found.

Document rules see the whole Document; rules of scope "findings" (C002) run last, on the others'
findings before inline switches are applied.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import compress
from operator import attrgetter

from lint.guard import Crash, TimedOut, is_crash, segment_line

# (``lead_character_of``: the character each pattern's matches open with, kept per pattern for
# ``Document.segments_matching`` too, which asks it again of the pieces a plan lets through.)
from lint.model import Document, Finding, Segment, lead_character_of
from lint.patterns import compiled_on_use, kept_answer
from lint.rule import Rule
from lint.scan import line_scanner, non_ascii, non_ascii_first_class, parsed, scanners


def _document_patterns(rule: Rule) -> list[re.Pattern[str]]:
    """The rule's trigger, made to find in the joined prose every match it finds in one segment (`^`
    and `$` must also hold at the segments' edges, which are line breaks there), in pieces the regex
    engine skips to fast (``lint.scan``)."""
    if not rule.trigger:
        return []
    return scanners(rule.trigger, rule.trigger_flags | re.MULTILINE)


def _anchored(rule: Rule) -> bool:
    """Whether the trigger can only match at a segment's start (`^…`, no MULTILINE): trying it
    there is cheaper than a MULTILINE scan that stops at every line break of the prose."""
    trigger, flags = rule.trigger, rule.trigger_flags
    if not trigger or flags & re.MULTILINE or "^" not in trigger:
        return False
    return kept_answer("anchored", trigger, flags, lambda: _opens_at_start(trigger, flags))


def _opens_at_start(pattern: str, flags: int) -> bool:
    reading = parsed(pattern, flags)
    if reading is None:
        return False
    parser, items, _ = reading
    return bool(items) and items[0] == (parser.AT, parser.AT_BEGINNING)


class Checker:
    """The selected rules, prepared once and reused for every file."""

    def __init__(self, rules: Sequence[Rule], idle: Sequence[tuple[str, str]] = ()) -> None:
        """``idle``: (code, slug) of rules selected but left out because they would find nothing in the
        documents this checker sees (``Linter.checker``): for ``ran``, they ran."""
        self.rules = list(rules)
        self.idle = list(idle)
        self._ran: dict[str, bool] = {}
        self._present: frozenset[str] = frozenset()  # the segment kinds of the document being checked
        self.document_rules = [r for r in rules if r.scope == "document"]
        self.finding_rules = [r for r in rules if r.scope == "findings"]
        prose = [r for r in rules if r.scope == "prose"]
        self.always = [r for r in prose if r.trigger is None]
        # Each anchored rule: its trigger, and where the trigger stays on one line, the same pattern after a
        # line break, searched once over the whole prose (lint.scan.line_scanner); else None.
        self.anchored: list[tuple[Rule, re.Pattern[str], re.Pattern[str] | None]] = []
        self.triggered: list[tuple[Rule, list[re.Pattern[str]]]] = []
        # Rules whose trigger starts with a character outside ASCII (full-width marks, Cyrillic, CJK):
        # one scan for all their first characters finds the few segments any of them could match.
        self.foreign: list[tuple[Rule, re.Pattern[str]]] = []
        foreign_classes: list[str] = []
        # Rules that tell the segments they read themselves (``Rule.segments_to_read``), in place of a trigger.
        self.gated = [r for r in prose if type(r).segments_to_read is not Rule.segments_to_read]
        for r in prose:
            if r in self.gated:
                continue
            if _anchored(r):
                scan = line_scanner(r.trigger or "", r.trigger_flags)
                self.anchored.append((r, compiled_on_use(r.trigger or "", r.trigger_flags),
                                      compiled_on_use(scan, r.trigger_flags) if scan is not None else None))
            elif r.trigger:
                patterns = _document_patterns(r)
                first = non_ascii_first_class(r.trigger, r.trigger_flags) if len(patterns) == 1 else None
                if first is not None:
                    self.foreign.append((r, patterns[0]))
                    foreign_classes.append(first)
                else:
                    self.triggered.append((r, patterns))
        self.foreign_start = compiled_on_use("[" + "".join(foreign_classes) + "]") if foreign_classes else None
        self._plans: dict[str, _Plan] = {}

    def _plan(self, language: str) -> _Plan:
        """The rules of each bucket that apply to ``language``: asked once per language, where each
        document asked every rule (a corpus's records are short, and were asked 36 times each)."""
        plan = self._plans.get(language)
        if plan is None:
            def applying(rules: Iterable[Rule]) -> list[Rule]:
                return [r for r in rules if r.applies_to(language)]

            plan = self._plans[language] = _Plan(
                applying(self.document_rules), [a for a in self.anchored if a[0].applies_to(language)],
                applying(self.always), [f for f in self.foreign if f[0].applies_to(language)],
                [(r, r.kinds, [(p, lead_character_of(p)) for p in patterns])
                 for r, patterns in self.triggered if r.applies_to(language)],
                applying(self.gated))
        return plan

    def ran(self, selector: str) -> bool:
        """Whether a rule that ``selector`` (a code, a code prefix or a slug) names is among these."""
        # Asked per document (S110 asks whether S102 ran): answered once per selector, as the rules are fixed.
        answer = self._ran.get(selector)
        if answer is None:
            s = selector.strip().upper()
            answer = self._ran[selector] = any(
                code.upper().startswith(s) or slug.upper() == s
                for code, slug in [*((r.code, r.slug) for r in self.rules), *self.idle])
        return answer

    def check(self, doc: Document) -> list[Finding]:
        """The rules' findings; a rule that raises (or panics) becomes ``Crash`` naming that rule, and one
        stopped by the file's time limit says so in the ``TimedOut`` it raises (and the segment's line)."""
        self._running: Rule | None = None
        try:
            found = self._check(doc)
            if self.finding_rules:
                for rule in self.finding_rules:
                    self._running = rule
                    found.extend(rule.check_findings(doc, list(found), self.ran))
                found = dedupe(found)
        except BaseException as exc:
            if isinstance(exc, TimedOut) and exc.stage is None:
                exc.stage = f"rule {self._running.code}" if self._running is not None else "the checker"
                exc.line = segment_line(exc)
            if not is_crash(exc):
                raise
            running = self._running
            raise Crash(f"rule {running.code}" if running is not None else "the checker", exc) from exc
        return found

    def _check(self, doc: Document) -> list[Finding]:
        """The findings of every bucket of rules, each bucket choosing the segments its rules see."""
        findings: list[Finding] = []
        # The kinds of segment the document has: a rule for all of them reads the segments as they are.
        self._present = frozenset(map(_KIND, doc.segments))
        plan = self._plan(doc.language)
        self._check_documents(doc, plan.document, findings)
        self._check_anchored(doc, plan.anchored, findings)
        if doc.segments:
            self._check_always(doc, plan.always, findings)
            self._check_foreign(doc, plan.foreign, findings)
            self._check_triggered(doc, plan.triggered, findings)
            self._check_gated(doc, plan.gated, findings)
        self._running = None
        return dedupe(findings)

    def _check_documents(self, doc: Document, rules: list[Rule], findings: list[Finding]) -> None:
        for rule in rules:
            self._running = rule
            findings.extend(rule.check_document(doc))

    def _check_anchored(self, doc: Document, anchored: list[tuple[Rule, re.Pattern[str], re.Pattern[str] | None]],
                        findings: list[Finding]) -> None:
        """Rules whose segments must start with a pattern: only those that do are checked."""
        for rule, pattern, scan in anchored:
            self._running = rule
            segments = self._of_kinds(doc.segments, rule)
            if scan is not None and segments:
                # One search over the prose, from line break to line break in C, for the few texts
                # that open with one of the pattern's literals.
                chosen: Iterable[Segment] = _starting_with(doc, pattern, scan)
                if segments is not doc.segments:
                    kinds = rule.kinds or frozenset()
                    chosen = [seg for seg in chosen if seg.kind in kinds]
            else:
                # The segments whose text the pattern matches, chosen in C (a Python test per segment
                # and rule costs more than the match itself).
                chosen = compress(segments, map(pattern.match, map(_TEXT, segments)))
            for seg in chosen:
                findings.extend(rule.check_segment(seg, doc))

    def _check_always(self, doc: Document, rules: list[Rule], findings: list[Finding]) -> None:
        """Rules that see every segment of their kinds."""
        present = self._present
        for rule in rules:
            self._running = rule
            # A rule for kinds this document has none of (B rules on a Markdown page) costs nothing.
            if rule.kinds is None or not rule.kinds.isdisjoint(present):
                for seg in self._of_kinds(doc.segments, rule):
                    findings.extend(rule.check_segment(seg, doc))

    def _check_foreign(self, doc: Document, foreign: list[tuple[Rule, re.Pattern[str]]],
                       findings: list[Finding]) -> None:
        """Rules whose trigger starts outside ASCII: one scan finds the segments any of them could match."""
        # Every first character of their triggers lies outside ASCII: prose all in ASCII has none of
        # them (and then their patterns are never compiled).
        prose = doc.prose[0]
        if not foreign or self.foreign_start is None or prose.isascii():
            return
        # Most prose outside ASCII holds only a few such characters (a curly quote, a masked URL's
        # placeholder): they alone are asked first, without a scan of the whole prose for the class.
        if self.foreign_start.search(non_ascii(prose)) is None:
            return
        candidates = list(doc.segments_matching(self.foreign_start))
        for rule, pattern in foreign if candidates else ():
            self._running = rule
            for seg in candidates:
                if (rule.kinds is None or seg.kind in rule.kinds) and pattern.search(seg.text):
                    findings.extend(rule.check_segment(seg, doc))

    def _check_triggered(self, doc: Document, triggered: list[_Triggered], findings: list[Finding]) -> None:
        """Rules that look only at segments where one of their trigger patterns occurs."""
        prose = doc.prose[0]
        for rule, kinds, pieces in triggered:
            # A piece that opens with a character the prose lacks matches nowhere: asked here with one
            # ``in`` (memchr), before a scan is set up for it (most pieces open with a mark most prose lacks).
            patterns = [p for p, lead in pieces if not lead or lead in prose]
            if not patterns:
                continue
            self._running = rule
            for seg in doc.segments_matching_any(patterns):
                if kinds is None or seg.kind in kinds:
                    findings.extend(rule.check_segment(seg, doc))

    def _check_gated(self, doc: Document, rules: list[Rule], findings: list[Finding]) -> None:
        """Rules that name the segments they read (``Rule.segments_to_read``)."""
        for rule in rules:
            self._running = rule
            chosen = rule.segments_to_read(doc)
            for seg in self._of_kinds(doc.segments if chosen is None else list(chosen), rule):
                findings.extend(rule.check_segment(seg, doc))

    def _of_kinds(self, segments: list[Segment], rule: Rule) -> list[Segment]:
        """Those of ``segments`` (the document's, or some of them) of the rule's kinds: all of them, as they
        are, when the document has no others (every segment of plain text is a paragraph)."""
        kinds = rule.kinds
        return segments if kinds is None or self._present <= kinds else [s for s in segments if s.kind in kinds]


# A triggered rule, its kinds, and its trigger's pieces (``lint.scan.scanners``) each with the character
# every match of it opens with ("" where none: ``lint.scan.lead_character``).
_Triggered = tuple[Rule, frozenset[str] | None, list[tuple[re.Pattern[str], str]]]


@dataclass(frozen=True)
class _Plan:
    """The rules of each bucket of a Checker that apply to one language, in the bucket's order."""

    document: list[Rule]
    anchored: list[tuple[Rule, re.Pattern[str], re.Pattern[str] | None]]
    always: list[Rule]
    foreign: list[tuple[Rule, re.Pattern[str]]]
    triggered: list[_Triggered]
    gated: list[Rule]


def _starting_with(doc: Document, pattern: re.Pattern[str], scan: re.Pattern[str]) -> list[Segment]:
    """The segments whose text ``pattern`` (anchored, staying on a line: ``lint.scan.line_scanner``)
    matches, in order: the first asked itself, the others where ``scan`` matches at the line break before
    them in the prose (a break inside a text is no segment's start, and is passed over)."""
    segments = doc.segments
    prose, starts = doc.prose
    out = [segments[0]] if pattern.match(segments[0].text) else []
    for m in scan.finditer(prose):
        at = m.start() + 1
        i = bisect_right(starts, at) - 1
        if i > 0 and starts[i] == at:
            out.append(segments[i])
    return out


_KIND = attrgetter("kind")
_TEXT = attrgetter("text")


def dedupe(findings: Iterable[Finding]) -> list[Finding]:
    seen: set[tuple[str, int, int]] = set()
    out = []
    for f in sorted(findings, key=lambda f: (f.start, f.end, f.code)):
        key = (f.code, f.start, f.end)
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out

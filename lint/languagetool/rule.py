"""The G rule: a document's prose segments checked by a LanguageTool server, matches mapped to findings.

For each document the rule

1. cuts its prose into units (a segment, or slices of a segment longer than one request allows) and
   looks each unit up in the results cache (``store``: by a hash of its text and the settings);
2. joins the units not found, separated by blank lines (LanguageTool's paragraph break), into as few
   requests as the server's ``maxTextLength`` allows, remembering where each unit starts;
3. maps every match back: LanguageTool's offsets count UTF-16 code units, ours code points; a match
   belongs to the unit it starts in (one that runs past its unit's end is dropped); unit offsets go
   through the segment's source map (``Segment.to_source``) to offsets in the file;
4. drops spelling matches on words the config lists (``words:``) and matches that one of our own
   rules reports on the same span (``overlap.OVERLAPS``), and makes the rest findings: code
   ``G:<rule id>``, the first replacement as an unsafe fix (safe only for the whitespace rules in
   ``SAFE_FIX_RULES`` and only when the edit changes nothing but whitespace).

A server that is down, slow or answers an error is reported once on stderr, and G is off for the
rest of the run (other rules still report); with ``--require-languagetool`` it stops the run instead.
"""

from __future__ import annotations

import bisect
import json
import re
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from lint.guard import WaitingOnServer
from lint.languagetool import LanguageToolError, LanguageToolUnavailable
from lint.languagetool.client import Client
from lint.languagetool.overlap import OVERLAP
from lint.languagetool.store import ResultStore, key_for
from lint.model import Applicability, Document, Edit, Finding, Fix, Segment, Severity
from lint.rule import Rule

if TYPE_CHECKING:
    from lint.check import Checker

SEPARATOR = "\n\n"
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")
_SPACE = re.compile(r"\s+")

# LanguageTool rules whose whole purpose is whitespace: their fix is safe when it changes only
# whitespace (checked per edit), because deleting or adding a space cannot change what a sentence says.
SAFE_FIX_RULES = frozenset({
    "WHITESPACE_RULE",  # a run of spaces → one space
    "CONSECUTIVE_SPACES",  # the same, in newer rule sets
    "COMMA_PARENTHESIS_WHITESPACE",  # space before a comma or inside a bracket → removed
})

# LanguageTool's issue types (ITS 2.0 localization quality) → our severities.
WARNING_TYPES = frozenset({
    "misspelling", "grammar", "duplication", "inconsistency", "characters", "mistranslation", "omission",
    "addition", "untranslated", "terminology", "legal", "numbers",
})

# A cached match: [start, end (code points in its unit), rule id, message, category id, category name,
# issue type, replacements].
Raw = list[Any]


def slug_for(rule_id: str) -> str:
    return rule_id.lower().replace("_", "-")


def severity_for(issue_type: str) -> Severity:
    return Severity.WARNING if issue_type in WARNING_TYPES else Severity.INFO


def utf16_length(text: str) -> int:
    return len(text) + len(_ASTRAL.findall(text))


def split_long(text: str, limit: int) -> list[tuple[int, str]]:
    """Cut a text longer than ``limit`` UTF-16 units into (offset, piece) at line, sentence or word ends."""
    if utf16_length(text) <= limit:
        return [(0, text)]
    out = []
    start = 0
    n = len(text)
    step = max(limit - len(_ASTRAL.findall(text[:limit])) - 1, 1)
    while start < n:
        end = min(start + step, n)
        if end < n:
            window = text[start:end]
            for sep in ("\n", ". ", " "):
                cut = window.rfind(sep)
                if cut > step // 2:
                    end = start + cut + len(sep)
                    break
        out.append((start, text[start:end]))
        start = end
    return out


@dataclass
class Unit:
    seg: Segment
    offset: int  # where the unit starts in its segment
    text: str
    key: str = ""


@dataclass
class Session:
    """One server and one set of settings: what a G rule instance talks to."""

    client: Client
    params: dict[str, str]  # language, level, rules and categories for /v2/check
    version: str  # the server's, part of every cache key
    max_text_length: int
    words: frozenset[str] = frozenset()
    required: bool = False
    overlap: dict[str, list[Checker]] = field(default_factory=dict)  # LT rule id -> our active rules
    store: ResultStore = field(default_factory=ResultStore)
    requests: int = 0
    characters: int = 0

    @property
    def fingerprint(self) -> str:
        return json.dumps([self.version, sorted(self.params.items())], separators=(",", ":"))


# Servers that failed in this process: url -> message (said once; G stays off for them).
_failed: dict[str, str] = {}


def say(message: str) -> None:
    print(f"copylint: {message}", file=sys.stderr, flush=True)


def sentence(message: str) -> str:
    return message if message.endswith((".", "!", "?")) else message + "."


def fail(session: Session, exc: LanguageToolError) -> None:
    message = str(exc)
    if session.required:
        raise LanguageToolUnavailable(message)
    if session.client.server not in _failed:
        _failed[session.client.server] = message
        say(f"{sentence(message)} Grammar checks (G) are off for the rest of this run.")


class LanguageToolRule(Rule):
    code = "G"
    slug = "languagetool"
    summary = "Grammar and spelling matches from a LanguageTool server"
    rationale = """
**What it does.** Sends the prose of each file (never code, markup or front matter) to a
LanguageTool server and reports its matches as findings with code `G:` + LanguageTool's rule id
(`G:MORFOLOGIK_RULE_EN_US`, `G:HE_VERB_AGR`), its message, category and suggestions.

**Why is this bad?** Grammar and spelling errors are what machine translation and hasty edits leave
beside the artifacts copylint's own rules catch; LanguageTool is the open-source checker for them.
Where LanguageTool and a copylint rule flag the same span for the same reason, only copylint's
finding is kept; spelling matches on the words listed under `words:` are dropped.
"""
    severity = Severity.WARNING
    fix = Applicability.UNSAFE
    fix_note = ("The first suggestion, as an unsafe fix: a grammar suggestion can change the meaning. "
                "Safe only for LanguageTool's whitespace rules, and only when the edit changes whitespace alone.")
    scope = "document"

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session

    def check_document(self, doc: Document) -> Iterable[Finding]:
        session = self.session
        if session.client.server in _failed and not session.required:
            return []
        units = self._units(doc)
        if not units:
            return []
        results = session.store.get_many(u.key for u in units)
        missing: dict[str, Unit] = {}
        for u in units:
            if u.key not in results:
                missing.setdefault(u.key, u)
        if missing:
            new: dict[str, list[Raw]] = {}
            try:
                for batch in self._batches(list(missing.values())):
                    new.update(self._request(batch))
            except LanguageToolError as exc:
                fail(session, exc)
            finally:
                session.store.put_many({k: v for k, v in new.items() if not isinstance(v, _Incomplete)})
            results.update(new)
        findings = []
        for u in units:
            for raw in results.get(u.key) or ():
                f = self._finding(u, raw)
                if f is not None:
                    findings.append(f)
        return self._drop_overlaps(findings, doc)

    # -- 1. units -------------------------------------------------------------------------------

    def _units(self, doc: Document) -> list[Unit]:
        fingerprint = self.session.fingerprint
        limit = self.session.max_text_length
        units = []
        for seg in doc.segments:
            if not seg.text.strip():
                continue
            for offset, piece in split_long(seg.text, limit):
                units.append(Unit(seg, offset, piece, key_for(fingerprint, piece)))
        return units

    # -- 2. batches and requests ------------------------------------------------------------------

    def _batches(self, units: Sequence[Unit]) -> Iterable[list[Unit]]:
        limit = self.session.max_text_length
        batch: list[Unit] = []
        size = 0
        for u in units:
            n = utf16_length(u.text)
            if batch and size + len(SEPARATOR) + n > limit:
                yield batch
                batch, size = [], 0
            size += n + (len(SEPARATOR) if batch else 0)
            batch.append(u)
        if batch:
            yield batch

    def _request(self, batch: list[Unit]) -> dict[str, list[Raw]]:
        session = self.session
        text = SEPARATOR.join(u.text for u in batch)
        starts = []
        pos = 0
        for u in batch:
            starts.append(pos)
            pos += len(u.text) + len(SEPARATOR)
        with WaitingOnServer():  # (the server's time, bounded by its timeout: not this file's)
            answer = session.client.check(text, session.params)
        session.requests += 1
        session.characters += len(text)
        to_cp = _utf16_to_codepoints(text)
        per_unit: list[list[Raw]] = [[] for _ in batch]
        for m in answer["matches"]:
            try:
                s = to_cp(int(m["offset"]))
                e = to_cp(int(m["offset"]) + int(m["length"]))
                rule = m["rule"]
                i = bisect.bisect_right(starts, s) - 1
                base = starts[i]
                if i < 0 or e > base + len(batch[i].text):
                    continue  # runs across the separator: not about one unit's text
                category = rule.get("category") or {}
                replacements = [r["value"] for r in (m.get("replacements") or [])[:8] if "value" in r]
                per_unit[i].append([s - base, e - base, str(rule["id"]), str(m.get("message", "")),
                                    str(category.get("id", "")), str(category.get("name", "")),
                                    str(rule.get("issueType", "")), replacements])
            except (KeyError, TypeError, ValueError):
                continue
        incomplete = bool((answer.get("warnings") or {}).get("incompleteResults"))
        if incomplete:
            say(f"LanguageTool at {session.client.server} cut a check short (incompleteResults); "
                "its results are not cached")
        if incomplete:  # used in this run, never stored
            return {u.key: _Incomplete(found) for u, found in zip(batch, per_unit, strict=True)}
        return {u.key: found for u, found in zip(batch, per_unit, strict=True)}

    # -- 3. findings ------------------------------------------------------------------------------

    def _finding(self, unit: Unit, raw: Raw) -> Finding | None:
        try:
            start, end, rule_id, message, _category_id, category, issue_type, replacements = raw
        except ValueError:
            return None
        seg = unit.seg
        s = unit.offset + int(start)
        e = unit.offset + int(end)
        if not (0 <= s <= e <= len(seg.text)):
            return None
        if issue_type == "misspelling" and self._known_word(seg.text[s:e]):
            return None
        src_start = seg.to_source(s) if s < len(seg.text) else seg.to_source_end(s)
        src_end = seg.to_source_end(e) if e > s else src_start
        fix = None
        if replacements and seg.is_contiguous(s, e):
            first = replacements[0]
            safe = rule_id in SAFE_FIX_RULES and _SPACE.sub("", seg.text[s:e]) == _SPACE.sub("", first)
            fix = Fix((Edit(src_start, src_end, first),), Applicability.SAFE if safe else Applicability.UNSAFE)
        note = category
        if replacements:
            shown = ", ".join(r if r.strip() == r and r else repr(r) for r in replacements[:3])
            note += f"; suggestion{'s' if len(replacements) > 1 else ''}: {shown}"
        message = message.strip() or f"LanguageTool rule {rule_id}"
        text = f"{message} [{note}]" if note else message
        return Finding(f"G:{rule_id}", slug_for(rule_id), text, src_start, src_end, severity_for(issue_type), fix)

    def _known_word(self, word: str) -> bool:
        words = self.session.words
        if not words:
            return False
        if word in words:
            return True
        for suffix in ("'s", "’s", "'", "’"):
            if word.endswith(suffix) and word[: -len(suffix)] in words:
                return True
        return False

    # -- 4. overlap with our own rules ------------------------------------------------------------

    def _drop_overlaps(self, findings: list[Finding], doc: Document) -> list[Finding]:
        overlap = self.session.overlap
        if not overlap:
            return findings
        ours: dict[str, list[tuple[int, int]]] = {}
        out = []
        for f in findings:
            lt_rule = f.code[2:]
            checkers = overlap.get(lt_rule)
            if checkers:
                if lt_rule not in ours:
                    # What our rules flag, and what they decided to leave alone (``Rule.decided``: W105's
                    # runs of spaces in a rendered page's prose, a table's padding): their call, either way.
                    ours[lt_rule] = [(o.start, o.end) for c in checkers for o in c.check(doc)]
                    ours[lt_rule] += [span for c in checkers for r in c.rules if r.applies_to(doc.language)
                                      for span in r.decided(doc)]
                if any(_overlaps(f.start, f.end, s, e) for s, e in ours[lt_rule]):
                    continue
            out.append(f)
        return out


class _Incomplete(list):  # type: ignore[type-arg]
    """Matches of a check the server cut short: used in this run, never stored."""


def _overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    if a_start == a_end or b_start == b_end:
        return b_start <= a_start <= b_end or a_start <= b_start <= a_end
    return a_start < b_end and b_start < a_end


def _utf16_to_codepoints(text: str):  # type: ignore[no-untyped-def]
    """A function from a UTF-16 offset in ``text`` to the code-point offset."""
    astral = [m.start() for m in _ASTRAL.finditer(text)]
    if not astral:
        return lambda o: o
    # The k-th astral character (k from 0) starts at UTF-16 offset cp + k and takes two units.
    u16_starts = [cp + k for k, cp in enumerate(astral)]

    def convert(o: int) -> int:
        return o - bisect.bisect_left(u16_starts, o)

    return convert


def overlap_checkers(config: Any, selection: Any) -> dict[str, list[Checker]]:
    """For each LanguageTool rule in the overlap table, our rules that are selected in this run."""
    from lint import registry
    from lint.check import Checker
    from lint.engine import selected_rule_classes

    active = {cls.code for cls in selected_rule_classes(config, selection)}
    out: dict[str, list[Checker]] = {}
    for lt_rule, selectors in OVERLAP.items():
        checkers = []
        for name in selectors:
            for cls in registry.matching_rules(name):
                if cls.code in active:
                    checkers.append(Checker([cls(config.rule_options.get(cls.code))]))
        if checkers:
            out[lt_rule] = checkers
    return out

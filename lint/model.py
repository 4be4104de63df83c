"""The data that flows through copylint: Source → Document (Segments) → Finding (Fix, Edit).

Offsets everywhere are code-point indexes into ``Source.text`` (the decoded file,
newlines exactly as found, without the BOM). Lines and columns are derived only
when reporting (see ``Source.position``).
"""

from __future__ import annotations

import bisect
import enum
import re
from array import array
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import accumulate, repeat
from operator import add, attrgetter
from pathlib import Path
from typing import Any

from lint.patterns import compiled_on_use

_EOL = compiled_on_use(r"\r\n?|\n")
# The characters whose line starts are found at a time (``line_starts_of``).
_LINES_STEP = 1 << 16


def line_break_count(text: str) -> int:
    """The line breaks of ``text``: each LF, CRLF and lone CR one, counted in C (a list of them held a
    string or a tuple each: 59 MB for a million CRLF lines)."""
    return text.count("\n") + (text.count("\r") - text.count("\r\n") if "\r" in text else 0)


def line_breaks_by_kind(text: str | bytes) -> dict[str, int]:
    """How many line breaks of each kind ``text`` (decoded, or bytes) holds (CRLF, lone CR, LF), counted in
    C: CRLF are looked for only where there are both CR and LF."""
    cr, lf = ("\r", "\n") if isinstance(text, str) else (b"\r", b"\n")
    crs, lfs = text.count(cr), text.count(lf)  # type: ignore[arg-type]
    crlf = text.count(cr + lf) if crs and lfs else 0  # type: ignore[arg-type,operator]
    return {"\r\n": crlf, "\r": crs - crlf, "\n": lfs - crlf}


def one_kind_of_line_end(text: str | bytes) -> bool:
    """Whether every line break of ``text`` is of one kind: all LF, all CRLF or all lone CR (or none). A
    text without a CR is read once, up to its first CR."""
    if ("\r" if isinstance(text, str) else b"\r") not in text:  # type: ignore[operator]
        return True
    return sum(n > 0 for n in line_breaks_by_kind(text).values()) <= 1


_ENCODE_STEP = 1 << 16  # characters encoded at a time (Source.encode)




def line_starts_of(text: str, at: int = 0) -> array[int]:
    """Offsets where each line of ``text`` starts (a line ends at LF, CRLF or a lone CR), ``at`` added: one
    8-byte slot a line, where a list held an int object besides its slot (36 bytes a line: 84 MB for 2 MB of
    blank lines, issue 18). Made the right size at once and filled some 64 KB of text at a time, so that no
    list of every line (nor a second array while one grows) exists."""
    cr = "\r" in text
    starts = array("q", [at]) * (line_break_count(text) + 1)
    filled, start, size = 1, 0, len(text)
    while start < size:
        end = text.find("\n", start + _LINES_STEP)
        end = size if end < 0 else end + 1  # (cut after an LF: no line break is cut in two)
        if cr:  # (a list of some 64 KB of text's line ends: an array made from a list is filled in C)
            ends = [m.end() for m in _EOL.finditer(text, start, end)]
            found = array("q", map(add, ends, repeat(at)) if at else ends)
        else:  # the lengths of the split lines, summed in C; the first sum is ``start``, counted already
            sums = accumulate(map(add, map(len, text[start:end].split("\n")[:-1]), repeat(1)), initial=at + start)
            next(sums)
            found = array("q", sums)
        starts[filled:filled + len(found)] = found
        filled += len(found)
        start = end
    return starts


_TEXT = attrgetter("text")


class Severity(str, enum.Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        """Higher is more severe: what ``--fail-level`` compares."""
        return _SEVERITY_RANK[self.value]


_SEVERITY_RANK = {"info": 1, "warning": 2, "error": 3}


class Applicability(str, enum.Enum):
    SAFE = "safe"  # applied by --fix
    UNSAFE = "unsafe"  # applied only with --unsafe-fixes; a suggestion in editors


class SegmentKind(str, enum.Enum):
    """What a Segment is in its file: the only kinds format readers make. Built-in rules name them in
    ``Rule.kinds``; a user rule's ``scope`` (YAML) and an example's ``kind`` name them too (the custom-rules
    schema's ``segmentKind`` lists the same, tests/test_kinds.py checks it). Compare a segment's ``kind``
    (a plain string) with ``.value``: a str enum hashes by its name, so ``"msgstr" in {SegmentKind.MSGSTR}``
    is False."""

    PARAGRAPH = "paragraph"
    HEADING = "heading"
    LIST_ITEM = "list_item"
    TABLE_CELL = "table_cell"
    BLOCKQUOTE = "blockquote"
    CAPTION = "caption"  # image alt text, a figure caption, a title attribute, a front matter description
    MSGSTR = "msgstr"  # a PO translation
    TARGET = "target"  # an XLIFF translation
    CUE = "cue"  # a subtitle's text
    STRING = "string"  # a catalogue's string value (i18n JSON and YAML, Java properties)


# The kinds whose segments translate a source (``Segment.source_text``): what family B compares. A
# catalogue's string has one where its source-language catalogue is found (lint.formats.source_catalogue).
TRANSLATION_KINDS = frozenset({SegmentKind.MSGSTR.value, SegmentKind.TARGET.value, SegmentKind.STRING.value})


class Scope(str, enum.Enum):
    """What a built-in rule's ``check`` reads (``Rule.scope``). Not the YAML ``scope`` of a user rule,
    which names the segment kinds it reads (SegmentKind)."""

    PROSE = "prose"  # check_segment, once per prose segment of the rule's kinds
    DOCUMENT = "document"  # check_document, once per Document
    FINDINGS = "findings"  # check_findings, last, on the other rules' findings (family C)
    TREE = "tree"  # no check of its own: the engine reports the lines many documents of a run hold (lint.tree)


class Family(str, enum.Enum):
    """The rule families: the letter that starts a code, named for what it catches. A built-in family's
    rules live in ``rules/<name>/`` (G comes from LanguageTool, X from user rules)."""

    WHITESPACE = "W"
    ENCODING = "E"
    SCRAPE = "S"
    TRANSLATION = "T"
    PUNCTUATION = "P"
    LANGUAGE = "L"
    BILINGUAL = "B"
    GRAMMAR = "G"
    USER = "X"
    COPYLINT = "C"

    @property
    def label(self) -> str:
        """The family's name (``scrape``): its rules' package and what docs and ``copylint rules`` show."""
        return self.name.lower()


@dataclass(frozen=True)
class Position:
    """A place in a Source, as reports show it."""

    line: int  # 1-based
    column: int  # 1-based, in code points
    offset: int  # 0-based code-point offset into Source.text


@dataclass
class Source:
    """A file as the user has it; fixes are written back byte-faithfully."""

    path: str
    text: str
    encoding: str = "utf-8"  # codec name without BOM handling: utf-8, utf-16-le, utf-16-be
    bom: bool = False
    raw: bytes | None = None  # the bytes as read, to detect a change on disk before writing
    _line_starts: Sequence[int] | None = field(default=None, repr=False, compare=False)
    # The last offset ``position`` was asked for, the line breaks before it, the characters it has read to
    # find them (see there) and where that offset's line starts. Not an argument of the constructor, so
    # that ``dataclasses.replace`` with another text (a fix's) starts counting afresh.
    _counted: tuple[int, int, int, int] | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def newline(self) -> str:
        """The dominant newline of the file ("\\n" where there is none)."""
        counts = line_breaks_by_kind(self.text)
        best = max((counts["\n"], "\n"), (counts["\r\n"], "\r\n"), (counts["\r"], "\r"))
        return best[1] if best[0] else "\n"

    def line_starts(self) -> Sequence[int]:
        """Offsets where each line starts (a line ends at LF, CRLF or a lone CR): ``line_starts_of``."""
        if self._line_starts is None:
            self._line_starts = line_starts_of(self.text)
        return self._line_starts

    def position(self, offset: int) -> Position:
        counted = self._counted
        if self._line_starts is None and offset >= 0:
            # A report asks for its findings' places in order, and most lines hold none: the line breaks
            # are counted in C from the last place asked, where the start of every line (``line_starts``:
            # a string made per line) cost the PEPs as text 50 ms for 11,456 findings. Places asked out of
            # order are counted from the one before too, until the characters read pass twice the
            # text's length: then the line starts are made after all. A line's start is looked for only
            # where a line break lies between two places asked, and never past the last one counted
            # forward: on a long line, many places cost what counting to them does.
            text = self.text
            if counted is None:
                if "\r" in text:
                    return self._position_of_lines(offset)
                counted = (0, 0, 0, 0)
            at, breaks, spent, start = counted
            if spent <= 2 * len(text):
                if offset >= at:
                    if more := text.count("\n", at, offset):
                        breaks, start = breaks + more, text.rfind("\n", at, offset) + 1
                    spent += offset - at
                elif fewer := text.count("\n", offset, at):
                    breaks, start = breaks - fewer, text.rfind("\n", 0, offset) + 1
                    spent += at - start
                else:
                    spent += at - offset
                self._counted = (offset, breaks, spent, start)
                return Position(breaks + 1, offset - start + 1, offset)
        return self._position_of_lines(offset)

    def _position_of_lines(self, offset: int) -> Position:
        starts = self.line_starts()
        line = bisect.bisect_right(starts, offset) - 1
        return Position(line + 1, offset - starts[line] + 1, offset)

    def line_text(self, line: int) -> str:
        """The text of a 1-based line without its newline."""
        starts = self.line_starts()
        start = starts[line - 1]
        end = starts[line] if line < len(starts) else len(self.text)
        return self.text[start:end].rstrip("\r\n")

    def encode(self, text: str | None = None) -> bytes:
        text = self.text if text is None else text
        bom = "\ufeff".encode(self.encoding) if self.bom else b""
        if len(text) <= _ENCODE_STEP:
            return bom + text.encode(self.encoding)
        # A big text a step at a time: encoding a string of four bytes a character (one character past U+FFFF
        # makes it so) to UTF-8 first takes four bytes a character, then gives back what it did not use (55 MB
        # for a 14 MB file). A step ends between two code points, which every codec here encodes apart.
        return b"".join([bom, *(text[at:at + _ENCODE_STEP].encode(self.encoding)
                                for at in range(0, len(text), _ENCODE_STEP))])

    @property
    def name(self) -> str:
        return Path(self.path).name


# A word of three letters or more: what the plural forms of one string share (`choice`, `choices`).
_FORM_WORD = compiled_on_use(r"[^\W\d_]{3,}")


@dataclass(frozen=True)
class Segment:
    """A run of prose with a map back to the Source.

    ``anchors`` is a sorted tuple of (segment offset, source offset) pairs: segment
    character ``i`` sits at ``src + (i - seg)`` for the last anchor with ``seg <= i``.
    Plain text has one anchor; formats that drop markup inside a paragraph add one
    anchor per contiguous run.
    """

    text: str
    kind: str  # a SegmentKind value: paragraph, heading, list_item, msgstr, target, string, ...
    anchors: tuple[tuple[int, int], ...]
    index: int = 0  # position in Document.segments
    # Bilingual formats (PO, XLIFF): the text this segment translates (msgid, <source>).
    source_text: str | None = None
    # Where the segment came from inside its file, when the format names it (an i18n key, a PO msgctxt).
    key: str | None = None
    # Segment ranges whose characters do not stand for themselves in the Source: a decoded entity
    # (`&amp;` shown as `&`), an escape, a placeholder for inline code or a URL. A fix touching one
    # would edit the wrong bytes, so it is dropped.
    opaque: tuple[tuple[int, int], ...] = ()

    def __init__(self, text: str, kind: str, anchors: tuple[tuple[int, int], ...], index: int = 0,
                 source_text: str | None = None, key: str | None = None,
                 opaque: tuple[tuple[int, int], ...] = ()) -> None:
        # The fields written straight into the instance's dict: a frozen dataclass's own __init__ calls
        # object.__setattr__ once per field, twice the cost, and readers make a Segment per paragraph.
        d = self.__dict__
        d["text"] = text
        d["kind"] = kind
        d["anchors"] = anchors
        d["index"] = index
        d["source_text"] = source_text
        d["key"] = key
        d["opaque"] = opaque

    @classmethod
    def contiguous(cls, text: str, kind: str, start: int, index: int = 0) -> Segment:
        return cls(text, kind, ((0, start),), index)

    def translates_plural_forms(self) -> bool:
        """Whether this translates plural forms a program picks from, written in one string and parted
        by `|` (Symfony's and Laravel's `one choice|{{ limit }} choices`): forms that repeat each other's
        words by design. A `|` between parts that share no word (`Save | Cancel`, `%s | %s`, a table
        row) parts something else."""
        source = self.source_text
        if source is None or "|" not in source:
            return False
        parts = [set(_FORM_WORD.findall(part.lower())) for part in source.split("|")]
        return len(parts) >= 2 and bool(parts[0]) and all(part & parts[0] for part in parts[1:])

    def to_source(self, i: int) -> int:
        anchors = self.anchors
        if len(anchors) == 1:
            return anchors[0][1] + i
        k = bisect.bisect_right(anchors, (i, float("inf"))) - 1
        seg, src = anchors[max(k, 0)]
        return src + (i - seg)

    def source_span(self) -> tuple[int, int]:
        """``(to_source(0), to_source_end(len(text)))``: where the segment's text starts in the Source and where
        it ends, read off its first and last anchors where they are the ones those two look up (the first
        at 0 and alone there, the last before the text's end: nearly every segment), without the lookups."""
        anchors, n = self.anchors, len(self.text)
        last_at, last_src = anchors[-1]
        if anchors[0][0] == 0 and last_at < n and (len(anchors) == 1 or anchors[1][0] > 0):
            return anchors[0][1], last_src + n - last_at
        return self.to_source(0), self.to_source_end(n)

    def to_source_end(self, i: int) -> int:
        """Map an exclusive end offset: the end of the character before ``i``."""
        if i <= 0:
            return self.to_source(0)
        return self.to_source(i - 1) + 1

    def is_contiguous(self, start: int, end: int) -> bool:
        """True when segment[start:end] is one unbroken run of the Source that stands for itself."""
        for o_start, o_end in self.opaque:
            if o_start < max(end, start + 1) and start < o_end:
                return False
        if end <= start:
            return True
        return self.to_source_end(end) - self.to_source(start) == end - start


@dataclass(frozen=True)
class Suppression:
    """Findings whose start lies in [start, end) and whose code matches ``codes`` (None: all) are dropped."""

    start: int
    end: int
    codes: frozenset[str] | None = None
    line: int = 0  # where the switch is written, to report it when unused or unknown
    peer: str = ""  # another prose linter's switch copylint honours (`textlint`, `vale`): never reported unused

    def covers(self, finding: Finding, at: int | None = None) -> bool:
        """Whether the switch silences ``finding`` (at ``at``, one of its other places, where given)."""
        if not (self.start <= (finding.start if at is None else at) < self.end):
            return False
        if self.codes is None:
            # A blanket switch silences what the text says, not the reports about the switches
            # themselves (family C: a switch that silences nothing would otherwise hide its own report).
            return not finding.code.startswith("C")
        return any(finding.code.upper().startswith(c.upper()) or finding.rule == c for c in self.codes)


# The memo key of ``Document.segment_spans``.
_SPANS_KEY = "lint.model.segment_spans"


# The formats read as Markdown (MDX is Markdown with JSX): its layout rules apply to each alike.
MARKDOWN_FORMATS = frozenset({"markdown", "mdx"})


@dataclass
class Document:
    """What a format parser makes of a Source: its prose segments, in order."""

    source: Source
    format: str
    segments: list[Segment]
    language: str = "en"
    # Where ``language`` came from: inline, path, file, config, detected or default (lint.language).
    language_from: str = "default"
    # Source ranges that are not prose (code, markup, front matter): source-scope
    # rules that must not look inside them (e.g. runs of spaces) consult this.
    protected: list[tuple[int, int]] = field(default_factory=list)
    # Inline switches found by the parser (``<!-- copylint-disable S102 -->``).
    suppressions: list[Suppression] = field(default_factory=list)
    _prose: tuple[str, list[int]] | None = field(default=None, init=False, repr=False, compare=False)
    # Values that helpers derive from this document and that several rules ask for (the B rules'
    # source/translation pairs), keyed by the helper: computed once, gone with the document.
    memo: dict[str, Any] = field(default_factory=dict, init=False, repr=False, compare=False)

    @property
    def text(self) -> str:
        return self.source.text

    @property
    def prose(self) -> tuple[str, list[int]]:
        """The segments' texts joined by newlines, and where each starts in it: one string that a
        regex scans in C, instead of a Python loop calling it once per segment."""
        if self._prose is None:
            texts = list(map(_TEXT, self.segments))
            # Each text starts one past the end of the one before (the newline between them), summed in C.
            starts = list(accumulate(map((1).__add__, map(len, texts[:-1])), initial=0)) if texts else []
            self._prose = ("\n".join(texts), starts)
        return self._prose

    def segment_spans(self) -> list[tuple[int, int]]:
        """Each segment's ``source_span``, sorted (made once: the fix guard and W105 both ask)."""
        spans: list[tuple[int, int]] | None = self.memo.get(_SPANS_KEY)
        if spans is None:
            spans = self.memo[_SPANS_KEY] = sorted(map(Segment.source_span, self.segments))
        return spans

    def segments_matching(self, pattern: re.Pattern[str]) -> Iterator[Segment]:
        """The segments in which ``pattern`` has a match that starts there (scanned over ``prose``; a
        match that runs on into the next segment only adds one)."""
        joined, starts = self.prose
        lead = lead_character_of(pattern)
        if lead and lead not in joined:
            return  # (most of the pieces that ``lint.scan.scanners`` makes open with a mark most prose lacks)
        pos = 0
        last = len(starts) - 1
        search = pattern.search
        while True:
            m = search(joined, pos)
            if m is None:
                return
            i = bisect.bisect_right(starts, m.start()) - 1
            yield self.segments[i]
            if i >= last:
                return
            pos = starts[i + 1]

    def segments_matching_any(self, patterns: Sequence[re.Pattern[str]]) -> Iterable[Segment]:
        """The segments in which one of ``patterns`` has a match, in document order (the pieces of one
        trigger that ``lint.scan.scanners`` made)."""
        if len(patterns) == 1:
            return self.segments_matching(patterns[0])
        hits = {seg.index: seg for p in patterns for seg in self.segments_matching(p)}
        return [hits[i] for i in sorted(hits)]

    def introduces_block(self, seg: Segment) -> bool:
        """True when the segment is followed by a block of another kind: code or markup (protected),
        a list, a block quote. Such a paragraph often ends without punctuation or runs on into it."""
        end = seg.to_source_end(len(seg.text))
        text = self.source.text
        nxt = end
        while nxt < len(text) and text[nxt] in " \t\r\n:":
            nxt += 1
        if nxt >= len(text):
            return False
        if self.protected and self.is_protected(nxt):
            return True
        following = self.segments[seg.index + 1] if seg.index + 1 < len(self.segments) else None
        return following is not None and following.kind != seg.kind and following.kind in (
            "list_item", "blockquote", "table_cell")

    def is_protected(self, offset: int) -> bool:
        return in_ranges(self.protected, offset)


# Each pattern a document was scanned for, by id, with the character its matches open with (see
# ``lint.scan.lead_character``): a pattern kept here is not freed while it is kept, so its id is no other
# pattern's (an entry is trusted only where it holds the very pattern asked about).
_LEADS: dict[int, tuple[re.Pattern[str], str]] = {}


def lead_character_of(pattern: re.Pattern[str]) -> str:
    """The character every match of a compiled pattern opens with (\"\" where none), kept per pattern."""
    kept = _LEADS.get(id(pattern))
    if kept is not None and kept[0] is pattern:
        return kept[1]
    from lint.scan import lead_character

    lead = lead_character(pattern.pattern, pattern.flags)
    if len(_LEADS) >= 4096:  # (patterns built per call, should a caller make them: never a leak)
        _LEADS.clear()
    _LEADS[id(pattern)] = (pattern, lead)
    return lead


def in_ranges(ranges: Sequence[tuple[int, int]], offset: int) -> bool:
    """Whether ``offset`` lies in one of sorted, non-overlapping half-open ``ranges``."""
    i = bisect.bisect_right(ranges, (offset, float("inf"))) - 1
    return i >= 0 and ranges[i][0] <= offset < ranges[i][1]


@dataclass(frozen=True)
class Edit:
    """Replace Source offsets [start, end) by ``replacement`` (an insertion where they are equal)."""

    start: int
    end: int
    replacement: str


@dataclass(frozen=True)
class Fix:
    """The edits that repair a finding, and whether `--fix` may apply them unasked."""

    edits: tuple[Edit, ...]
    applicability: Applicability = Applicability.SAFE

    @property
    def span(self) -> tuple[int, int]:
        return min(e.start for e in self.edits), max(e.end for e in self.edits)


@dataclass(frozen=True)
class Related:
    """Another place a finding speaks of (Source offsets): the other slips of a habit that one finding
    reports, shown by editors and CI beside it (SARIF relatedLocations, LSP relatedInformation)."""

    start: int
    end: int
    message: str


@dataclass(frozen=True)
class Finding:
    """One defect a rule found: where it is in the Source, what it is, and its fix if it has one."""

    code: str
    rule: str  # slug
    message: str
    start: int
    end: int
    severity: Severity = Severity.WARNING
    fix: Fix | None = None
    path: str = ""
    related: tuple[Related, ...] = ()


@dataclass(frozen=True)
class FileError:
    """A file that could not be read, parsed or written: reported, exit 2."""

    path: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"

"""The tree-wide line counts that S112 (repeated-line-across-files) reads: how many documents of a run
(the files of a tree, the records of a corpus) hold each line.

A line is known by a 63-bit hash of its normalized text (``line_key``): spaces collapsed, case folded,
every run of digits read as one digit, so `Posted 2 hours ago` and `Posted 5 hours ago` are one line.
Only lines of three words or more count: shorter ones (`See also`, `References`, a name) repeat across
any set of documents and say nothing about furniture.

A run counts in two steps, as web-corpus pipelines count lines (C4, Gopher, FineWeb):
1. a pass over every document's line hashes (``TreeCounts.add``) before any document is checked; a
   document already checked and unchanged gives its hashes from the results cache, without being read;
2. each document's lines (``TreeLine``, with their positions and whether they are prose the rule may
   report) are checked against the counts as its result comes (``tree_findings``).
A document's own findings never depend on the others (its results cache entry stays valid): only this
last step does, and it costs a dictionary lookup per line. Copies of one document count once, so a
corpus that holds a record ten times does not make its every line boilerplate (duplicate documents are
for deduplication to find).
"""

from __future__ import annotations

import bisect
import hashlib
import re
from array import array
from collections.abc import Container, Iterable, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from lint.model import Document, Finding, SegmentKind, Severity

MIN_WORDS = 3
MAX_CHARS = 400  # longer lines are paragraphs of prose: S108 compares those within a document
_DIGITS = re.compile(r"\d+")
_WORD = re.compile(r"[^\W\d_]{2,}")


def content_digest(content: bytes) -> bytes:
    """The hash of a file's bytes: what the tree pre-pass keeps a file's line counts under (``Linter.tree_counts``)
    and what the results cache's content key is made from (``lint.cache`` takes it from here, so that a
    --no-cache run does without lint.cache and its imports: json, some 14M instructions)."""
    return hashlib.sha256(content).digest()


class TreeLine(NamedTuple):
    """One candidate line of a document: its key, its span (Source offsets, edges stripped) and whether it
    lies in prose that is not a heading (only such a line is reported; every line is counted)."""

    key: int
    start: int
    end: int
    prose: bool = True


def _key(normal: str) -> int:
    digest = hashlib.blake2b(normal.encode("utf-8", "surrogatepass"), digest_size=8).digest()
    return int.from_bytes(digest, "big") >> 1


def line_key(line: str) -> int | None:
    """The line's hash (as ``tree_lines`` makes it), or None for a line it leaves out."""
    normal = " ".join(_DIGITS.sub("0", line.casefold()).split())
    return _key(normal) if _counted(line, normal) else None


def _counted(line: str, normal: str) -> bool:
    """Whether a line is a candidate: three tokens or more (its words are counted when it is reported,
    ``worded``), and not a paragraph (MAX_CHARS)."""
    return 7 < len(line) <= MAX_CHARS and normal.count(" ") >= MIN_WORDS - 1


def worded(text: str) -> bool:
    """Whether a line has MIN_WORDS words of letters (asked only of lines that repeat)."""
    return len(_WORD.findall(text)) >= MIN_WORDS


def tree_lines(text: str) -> list[TreeLine]:
    """The text's candidate lines, all marked prose (the engine marks them from the Document). Only a
    line that may be one is case folded and has its digits read: most of a text's characters are in
    paragraphs longer than MAX_CHARS, or in lines of fewer than MIN_WORDS spaces, and neither step adds
    or removes a space (no character folds to or from one), so the raw line's spaces tell."""
    out = []
    start = 0
    digits = _DIGITS.sub
    for line in text.split("\n"):
        size = len(line)
        if 7 < size <= MAX_CHARS and line.count(" ") >= MIN_WORDS - 1:
            normal = " ".join(digits("0", line.casefold()).split())
            if normal.count(" ") >= MIN_WORDS - 1:
                lead = size - len(line.lstrip())
                out.append(TreeLine(_key(normal), start + lead, start + len(line.rstrip())))
        start += size + 1
    return out


# (text length, text hash, keys, starts, ends): a text's lines as LineMemo keeps them.
KeptLines = tuple[int, int, "array[int]", "array[int]", "array[int]"]


def kept_lines(text: str, lines: Sequence[TreeLine]) -> KeptLines:
    """The text's lines as LineMemo keeps them (the text known by its length and ``hash``)."""
    return (len(text), hash(text), array("q", [t.key for t in lines]), array("q", [t.start for t in lines]),
            array("q", [t.end for t in lines]))


class LineMemo:
    """The lines the pre-pass read of each file (``tree_lines``), kept compact (24 bytes a line, up to
    ``budget`` lines in all) until the file is checked, so that its check does not hash them again:
    the run hashes each line once. Forked workers inherit it. A text that is not the one the pre-pass
    read (a block of a big file, a fix's result) is not answered."""

    def __init__(self, budget: int = 4_000_000) -> None:
        self.budget = budget
        self._kept: dict[str, KeptLines] = {}

    def put(self, path: str, text: str, lines: Sequence[TreeLine]) -> None:
        self.put_entry(path, kept_lines(text, lines))

    def put_entry(self, path: str, entry: KeptLines) -> None:
        """Keep lines made elsewhere (``kept_lines``: a forked worker's pre-pass, whose ``hash`` of a text
        is this process's)."""
        if len(entry[2]) > self.budget:
            return
        self.budget -= len(entry[2])
        self._kept[path] = entry

    def restrict(self, keys: Container[int]) -> None:
        """Keep only the lines whose key is in ``keys``: for a caller that reads a text's lines for nothing
        but the findings of the repeated ones (corpus mode, once the run's counts are known)."""
        for path, (size, digest, held, starts, ends) in list(self._kept.items()):
            wanted = [i for i, key in enumerate(held) if key in keys]
            if len(wanted) < len(held):
                self.budget += len(held) - len(wanted)
                self._kept[path] = (size, digest, array("q", [held[i] for i in wanted]),
                                    array("q", [starts[i] for i in wanted]), array("q", [ends[i] for i in wanted]))

    def move(self, path: str, to: str) -> None:
        """Keep ``path``'s lines under ``to`` (a corpus record's, under the name it is checked as)."""
        kept = self._kept.pop(path, None)
        if kept is not None:
            old = self._kept.pop(to, None)
            if old is not None:
                self.budget += len(old[2])
            self._kept[to] = kept

    def pop(self, path: str, text: str) -> list[TreeLine] | None:
        kept = self._kept.pop(path, None)
        if kept is None:
            return None
        size, digest, keys, starts, ends = kept
        self.budget += len(keys)
        if size != len(text) or digest != hash(text):
            return None
        return list(map(TreeLine, keys, starts, ends))


def document_lines(doc: Document, code: str, known: list[TreeLine] | None = None) -> list[TreeLine]:
    """The Document's candidate lines (``known``: ``tree_lines`` of its text, when the pre-pass kept
    them), each marked prose when a prose segment other than a heading overlaps it (code blocks, front
    matter and markup lines are counted, never reported) and no inline switch silences ``code`` there."""
    lines = known if known is not None else tree_lines(doc.text)
    if not lines:
        return lines
    heading = SegmentKind.HEADING.value
    spans = []
    for seg in doc.segments:
        text = seg.text
        if seg.kind == heading or not text.strip():
            continue
        anchors = seg.anchors
        if len(anchors) == 1:  # (one run, as every plain-text segment: its span read off the anchor)
            start = anchors[0][1]
            spans.append((start, start + len(text)))
        else:
            spans.append((seg.to_source(0), seg.to_source_end(len(text))))
    spans.sort()
    starts = [s for s, _ in spans]
    reach = []  # the furthest end of the spans so far
    furthest = -1
    for _, e in spans:
        furthest = max(furthest, e)
        reach.append(furthest)
    out = []
    for line in lines:
        k = bisect.bisect_left(starts, line.end)
        prose = bool(k) and reach[k - 1] > line.start
        if prose and doc.suppressions:
            probe = Finding(code, "", "", line.start, line.end)
            prose = not any(s.covers(probe) for s in doc.suppressions)
        out.append(line if prose else line._replace(prose=False))
    return out


def shifted(lines: Iterable[TreeLine], by: int) -> list[TreeLine]:
    return [TreeLine(t.key, t.start + by, t.end + by, t.prose) for t in lines]


def packed(lines: Sequence[TreeLine]) -> list[int]:
    """The lines as the results cache keeps them: four integers each (prose as 1 or 0)."""
    return [v for t in lines for v in (t.key, t.start, t.end, int(t.prose))]


def unpacked(values: object, length: int | None = None) -> list[TreeLine] | None:
    """``packed``'s lines, or None when ``values`` is not what it makes (a tampered or foreign entry) or a
    span runs past a text of ``length`` characters."""
    if not isinstance(values, list) or len(values) % 4 or any(type(v) is not int or v < 0 for v in values):
        return None
    out = [TreeLine(values[i], values[i + 1], values[i + 2], bool(values[i + 3])) for i in range(0, len(values), 4)]
    if any(t.start > t.end or (length is not None and t.end > length) for t in out):
        return None
    return out


@dataclass
class TreeCounts:
    """How many distinct documents of the run hold each line key."""

    counts: dict[int, int] = field(default_factory=dict)
    documents: int = 0
    _seen: set[bytes] = field(default_factory=set)

    def add(self, digest: bytes, lines: Iterable[TreeLine]) -> None:
        """Count a document's lines once (``digest``: its content's hash; a copy already counted adds
        nothing)."""
        if digest not in self._seen:
            self.add_keys(digest, {t.key for t in lines})

    def add_keys(self, digest: bytes, keys: Iterable[int]) -> None:
        """``add`` with the lines' keys only."""
        if digest in self._seen:
            return
        self._seen.add(digest)
        self.documents += 1
        counts = self.counts
        for key in set(keys):
            counts[key] = counts.get(key, 0) + 1

    def repeated(self, minimum: int) -> frozenset[int]:
        """The keys held by ``minimum`` documents or more."""
        return frozenset(k for k, n in self.counts.items() if n >= minimum)


def tree_findings(text: str, lines: Sequence[TreeLine], counts: TreeCounts, minimum: int, code: str, slug: str,
                  severity: Severity, path: str = "") -> list[Finding]:
    """A finding on each prose line of ``text`` held by ``minimum`` documents of the run or more."""
    table = counts.counts
    out = []
    for t in lines:
        n = table.get(t.key, 0)
        if t.prose and n >= minimum and worded(text[t.start:t.end]):
            out.append(Finding(code, slug, f"Line repeated in {n} of the {counts.documents} documents checked "
                               "(site boilerplate?)", t.start, t.end, severity, None, path))
    return out

"""reStructuredText (Sphinx and PEP-style documents): a fast line-based reader.

Prose: paragraphs, section titles, list items, block quotes and the bodies of admonitions.
Not prose (in ``Document.protected``, never in a segment): the RFC 2822 header of a PEP, field lists,
comments, explicit markup (directives other than admonitions, hyperlink targets, substitution
definitions, footnotes), literal blocks after ``::``, doctest blocks, tables, section adornments.
Inside a paragraph, inline literals, roles, interpreted text, substitution and footnote references
stand as one placeholder (U+FFFC); the text of a hyperlink reference is prose, its target is not;
emphasis markers are left out.

Why not docutils: building a docutils doctree costs far more than the 2x-of-plain-text budget for
parsing (measured: docutils' parser alone ran at well under 1 MB/s on the PEPs, against about 40 MB/s
for this reader), and the doctree keeps line numbers, not the character offsets a fix needs. This
reader follows the reST specification's block rules (indentation, blank lines, explicit markup
starts, literal block markers) and is tested against real PEPs.

Inline switches are comments: ``.. copylint-disable CODES``, ``.. copylint-enable``,
``.. copylint-disable-next-line CODES``, ``.. copylint-disable-file``.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import accumulate, repeat
from operator import add
from typing import Any

from lint.formats import Format, FormatExample
from lint.formats.builder import PLACEHOLDER, mask_urls, merge_ranges, pattern_switches, segment_of, suppressions_from
from lint.model import Document, Segment, Source
from lint.patterns import compiled_on_use

_SIMPLE_TABLE_BORDER = compiled_on_use(r"^\s*=+( +=+)+\s*$")
_ADORNMENT = compiled_on_use(r"^([!-/:-@\[-`{-~])\1{2,}\s*$")
# A list item's marker: a bullet, or an enumerator (1. 1) (1) #. a) iv.).
_MARKER = r"[-*+•‣⁃]|\d+[.)]|#[.)]|[a-zA-Z][.)]|\(\d+\)|\([a-zA-Z]\)|[ivxlcdm]+[.)]"
_BULLET = compiled_on_use(rf"^(\s*)({_MARKER})(\s+)(?=\S)")
_FIELD = compiled_on_use(r"^\s*:[^:\s][^:]*:(\s|$)")
_HEADER_FIELD = compiled_on_use(r"^[A-Z][\w-]*:\s")
_EMPTY_FIELD = compiled_on_use(r"^[A-Z][\w-]*:$")
_ADMONITIONS = frozenset(
    "note warning tip important attention caution danger error hint admonition seealso topic sidebar "
    "epigraph highlights pull-quote versionadded versionchanged deprecated".split()
)
_DIRECTIVE = compiled_on_use(r"^\s*\.\.\s+([\w:-]+)::(.*)$")
# Inline markup. Every alternative starts with a literal character, so that the regex engine skips to
# the next candidate character in C; reference names (``word_``), which start anywhere, are found by
# ``_inline_matches`` with their own pattern, with the same leftmost-first result as one alternation.
_ROLE_SOURCE = r":[\w:+.-]+:`(?:[^`\\]|\\.)+`"  # role
_INLINE_REST_SOURCE = (
    # inline literal (may span lines): to the first "``" after one character at least, read a run of other
    # characters at a time (a lazy ``.+?`` tried the closing "``" after every character of the literal).
    r"``(?s:.[^`]*+(?:`(?!`)[^`]*+)*+)``"
    r"|`(?:[^`\\]|\\.)+`:[\w:+.-]+:"  # role written after
    # hyperlink with embedded target: the link text's white space is read a run at a time (a lazy text then
    # `\s*<` read a run to its end from each of its characters: 40,000 spaces in a backquote, 3 s), the
    # run before the `<` alone a character at a time (the text is one character at least).
    r"|`(?P<linktext>(?:[^`<\\\s]|\\.|\s++(?!<)|\s(?=\s*<))+?)\s*<[^`>]*>`__?"
    r"|`(?P<reftext>(?:[^`\\]|\\.)+)`__?"  # hyperlink reference by name
    r"|`(?:[^`\\]|\\.)+`"  # interpreted text (default role)
    r"|\|[^|\s][^|]*\|_{0,2}"  # substitution reference
    r"|\[(?:#[\w-]*|\*|\d+|[\w.-]+)\]_"  # footnote or citation reference
    r"|\*\*(?=\S)|\*(?=\S)"  # emphasis or strong, opening
    r"|\*(?<=\S\*)\*(?!\w)|\*(?<=\S\*)(?!\w)"  # closing: ** or * after a non-space
    r"|\\(?P<escaped>.)"  # escape
)
# ``_INLINE``, the inline markup, is these alternatives with the role second (after the inline literal), read
# as two patterns (``_Inline``): no other alternative starts with `:`, and where no `:` precedes a
# backquote there is no role, which one pattern still looked for from every `:`.
_ROLE = compiled_on_use(_ROLE_SOURCE)
_INLINE_REST = compiled_on_use(_INLINE_REST_SOURCE)
_NOT_ROLE_NAME = compiled_on_use(r"[^\w:+.-]")
# The same alternation as one group: ``split`` gives the text between matches and each match's groups
# (whole match, linktext, reftext, escaped) as strings, without a Match object per match.
_INLINE_REST_SPLIT = compiled_on_use(f"({_INLINE_REST_SOURCE})")
# The whole alternation as one group (the role's `:` starts no other alternative, so its place among them is
# free): on a short paragraph with few `:`, the engine's tries of a role from each `:` read at most that many
# runs to their ends, and one split in C is the cheaper reading (PEPs: 4,268 paragraphs hold a role; read as
# matches, their inline markup took 30% longer).
_INLINE_SPLIT = compiled_on_use(f"({_ROLE_SOURCE}|{_INLINE_REST_SOURCE})")
_SHORT, _FEW_COLONS = 2048, 32
_REFNAME = compiled_on_use(r"(?P<refname>\b[\w.-]+)__?(?![\w])")  # reference name: word_
_REFNAME_END = compiled_on_use(r"_(?!\w)")  # where every reference name ends
_NAME_CHAR = compiled_on_use(r"[\w.-]")
_NAME_RUN = compiled_on_use(r"[\w.-]*")
_WORD_CHAR = compiled_on_use(r"\w")
_WORD_EDGE = compiled_on_use(r"\b")
# In a file without "\r": the newline before a line that is blank or starts with ".. " and more.
_PARAGRAPH_END = compiled_on_use(r"\n[^\S\n]*(?:\n|\Z|\.\. (?=[^\n]*\S))")
_INDENTED_LINE = compiled_on_use(r"\n\s")
# In a file without "\r": a line that is not blank and indented by at most N spaces or tabs (one
# pattern per N, made when first needed), a blank line, a line that starts a list item.
# Each opens with the line break before the line (a literal the regex engine skips to in C, where a
# MULTILINE ``^`` is tried at every character): searched from the break before a line, a match is the
# ``^`` pattern's at the character after its break.
_SHALLOW_LINE: dict[int, re.Pattern[str]] = {}
_BLANK_LINE = compiled_on_use(r"\n[^\S\n]*$", re.M)
_BULLET_LINE = compiled_on_use(rf"\n([^\S\n]*)(?:{_MARKER})[^\S\n]+(?=\S)")
# The ASCII punctuation that explicit markup, adornments, tables, fields and doctest blocks start with.
# What a list item's marker can start with, besides a digit, and a letter followed by "." or ")".
_BULLET_START = frozenset("-*+•‣⁃#(ivxlcdm")
_BLOCK_START = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")


def _has_markup(text: str) -> bool:
    """Whether ``text`` holds a character some inline markup starts or ends with (`` ` * | \\ _ [ ``):
    six substring tests, each a memchr in C, cost a paragraph a fifth of one class search, which stops
    at every character."""
    return "`" in text or "*" in text or "_" in text or "[" in text or "|" in text or "\\" in text


_SWITCH = compiled_on_use(r"^[ \t]*\.\.[ \t]+copylint-(disable-next-line|disable-file|disable|enable)\b(.*)$", re.M)


def _inline_matches(para: str, m2: re.Match[str] | None) -> list[re.Match[str]]:
    """The matches ``finditer`` would give for the alternation of ``_INLINE`` and ``_REFNAME`` (in that
    order): the leftmost match wins, ``_INLINE`` on a tie, and scanning resumes at its end. ``m2`` is
    the first reference name in ``para``."""
    out: list[re.Match[str]] = []
    inline = _Inline(para)
    m1 = inline.search(0)
    while m2 is not None:
        m = m1 if m1 is not None and m1.start() <= m2.start() else m2
        out.append(m)
        pos = m.end()
        if m1 is not None and m1.start() < pos:
            m1 = inline.search(pos)
        if m2.start() < pos:
            m2 = _next_refname(para, pos)
    if m1 is not None:  # no reference name after ``pos``: the rest is ``_INLINE``'s, from ``m1`` on
        out.append(m1)
        if not inline.has_role:
            out.extend(_INLINE_REST.finditer(para, m1.end()))
            return out
        while (m1 := inline.search(m1.end())) is not None:
            out.append(m1)
    return out


class _Inline:
    """``_INLINE.search(para, pos)`` for increasing ``pos``. Where a role can end (`:` then a backquote), its
    role is found apart: the engine tried one at every `:` of a run of name characters and read the run to
    its end from each (15 s on a paragraph of 50,000 `:a`). The next role is kept until a match passes its
    start: looked for again after each match before it, it read every `:` up to it each time (20 s on a
    paragraph of 8,000 `*a*: ` then a role)."""

    def __init__(self, para: str) -> None:
        self.para = para
        self.has_role = ":`" in para  # (no role, which the engine would still look for at every `:`)
        self.role = _next_role(para, 0) if self.has_role else None

    def search(self, pos: int) -> re.Match[str] | None:
        rest = _INLINE_REST.search(self.para, pos)
        role = self.role
        if role is not None and role.start() < pos:
            role = self.role = _next_role(self.para, pos)
        return role if role is not None and (rest is None or role.start() < rest.start()) else rest


def _next_role(para: str, pos: int) -> re.Match[str] | None:
    """``_ROLE.search(para, pos)``. A role's name is the run of name characters before a `:` and a
    backquote; tried from the run's first `:` from ``pos`` on, leaving a name of one character at least:
    from a later `:` it would read the same end and the same text."""
    low = pos  # no role starts before it
    while (sign := para.find(":`", low)) >= 0:
        start = para.find(":", low, sign - 1)
        while start >= 0 and (gap := _NOT_ROLE_NAME.search(para, start, sign)) is not None:
            low = gap.end()
            start = para.find(":", low, sign - 1)
        if start >= 0 and (m := _ROLE.match(para, start)) is not None:
            return m
        low = sign + 1
    return None


def _inline_parts(para: str) -> list[Any]:
    """``para`` cut at its inline markup, as ``_INLINE_SPLIT.split`` cuts it: the text before the first
    match, then per match five items: the match, its link text, its reference text (or reference
    name), its escaped character (each None when the match has none) and the text up to the next match.
    A reference name (``word_``) is found as ``_inline_matches`` finds it."""
    refname = _next_refname(para, 0) if "_" in para else None
    if refname is None and ":`" not in para:  # the usual case: no reference name, no role
        return _INLINE_REST_SPLIT.split(para)
    if refname is None and len(para) <= _SHORT and para.count(":") <= _FEW_COLONS:
        return _INLINE_SPLIT.split(para)
    flat: list[Any] = []
    pos = 0
    for m in _inline_matches(para, refname):
        start, stop = m.span()
        group = m.lastgroup
        flat.append(para[pos:start])
        flat.append(m.group())
        flat.append(m.group(group) if group == "linktext" else None)
        flat.append(m.group(group) if group in ("reftext", "refname") else None)
        flat.append(m.group(group) if group == "escaped" else None)
        pos = stop
    flat.append(para[pos:])
    return flat


def _next_refname(para: str, pos: int) -> re.Match[str] | None:
    """``_REFNAME.search(para, pos)``, read only in the runs of name characters that hold a place where
    a reference name can end (no match can start or end outside such a run)."""
    rev: str | None = None  # ``para`` reversed, when first needed
    while True:
        end = _REFNAME_END.search(para, pos)
        if end is None:
            return None
        start = end.start()
        if start > pos and _NAME_CHAR.match(para, start - 1):
            # The run of name characters before the mark, back to ``pos`` at most: matched forwards in
            # the reversed text (in C), where a loop stepped back one character at a time.
            if rev is None:
                rev = para[::-1]
            size = len(para)
            start -= _NAME_RUN.match(rev, size - start, size - pos).end() - (size - start)  # type: ignore[union-attr]
        stop = _NAME_RUN.match(para, end.start()).end()  # type: ignore[union-attr]
        # Bounded at the run's end, which is not a word character: the lookahead reads the same.
        m = _refname_in_run(para, start, stop)
        if m is not None:
            return m
        pos = stop


def _refname_in_run(para: str, start: int, stop: int) -> re.Match[str] | None:
    """``_REFNAME.search(para, start, stop)`` where ``para[start:stop]`` is a run of name characters: the
    search read the run to its end from every word edge in it and stepped back to a `_`, which took time
    in the square of the run where no `_` ends a name after its edges (6.6 s on a paragraph of 40 KB of
    `a.`). Its greedy name reaches the run's last `_` not followed by a word character, from the run's
    first word edge before that mark: the match is read once, from that edge."""
    mark = stop
    while (mark := para.rfind("_", start, mark)) > start and _WORD_CHAR.match(para, mark + 1, stop):
        pass
    if mark <= start:  # no mark, or one with no name character before it
        return None
    edge = _WORD_EDGE.search(para, start, mark)
    if edge is None or edge.start() >= mark:
        return None
    return _REFNAME.match(para, edge.start(), stop)


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" \t"))


def _shallow_line(base: int) -> re.Pattern[str]:
    """The line break before a line (in an LF text) that is not blank and has at most ``base`` spaces or
    tabs before its first other character: where a block indented deeper than ``base`` ends."""
    pattern = _SHALLOW_LINE.get(base)
    if pattern is None:
        pattern = _SHALLOW_LINE[base] = re.compile(r"\n[ \t]{0,%d}(?![ \t\n])(?=[^\n]*\S)" % base)
    return pattern


def parse(source: Source) -> Document:
    r = _Reader(source)
    lines, n = r.lines, r.n
    i = r.header_end()
    while i < n:
        line = lines[i]
        stripped = line.strip()
        if not stripped:
            i += 1
            continue
        ind = len(line) - len(line.lstrip(" \t"))
        # Explicit markup, adornments, tables, fields and doctest blocks start with ASCII punctuation.
        if stripped[0] in _BLOCK_START:
            after = r.markup_block(i, line, stripped, ind)
            if after is not None:
                i = after
                continue
        # A title's underline starts with punctuation: most lines' next line does not.
        if i + 1 < n and lines[i + 1][:1] in _BLOCK_START and r.is_title(i, stripped):
            i = r.title(i)
        else:
            i = r.paragraph_block(i, line, stripped, ind)
    return r.document()


class _Reader:
    """A reST file cut into lines, and what ``parse`` found in it so far: it is read block by block,
    each method reading one kind of block and returning the line after it."""

    def __init__(self, source: Source) -> None:
        self.source = source
        text = self.text = source.text
        self.lf_only = "\r" not in text
        if self.lf_only:  # the usual case: lines and their offsets without a regex
            lines = text.split("\n")
            starts: Sequence[int] = [0, *accumulate(map(add, map(len, lines[:-1]), repeat(1)))]
        else:
            starts = source.line_starts()
            lines = [text[starts[i] : (starts[i + 1] if i + 1 < len(starts) else len(text))].rstrip("\r\n")
                     for i in range(len(starts))]
        self.lines = lines
        self.starts = starts
        self.n = len(lines)
        self.segments: list[Segment] = []
        self.protected: list[tuple[int, int]] = []

    def document(self) -> Document:
        doc = Document(self.source, "rst", self.segments, protected=merge_ranges(self.protected))
        doc.memo["verbatim"] = doc.protected  # literal blocks, directives, roles: the author's bytes (W106)
        if "copylint-" in self.text:
            doc.suppressions = suppressions_from(self.text, self.starts, pattern_switches(_SWITCH))
        return doc

    def offset(self, i: int) -> int:
        return self.starts[i] if i < len(self.starts) else len(self.text)

    def protect(self, a: int, b: int) -> None:
        if b > a:
            n, starts, size = self.n, self.starts, len(self.text)
            self.protected.append((starts[a] if a < n else size, starts[b] if b < n else size))

    def skip_indented(self, i: int, base: int) -> int:
        """The first line after the block indented deeper than ``base`` (blank lines inside it included)."""
        lines, n = self.lines, self.n
        if self.lf_only:
            if i < n:
                # From the break before line i (i > 0: the line after a block's first).
                m = _shallow_line(base).search(self.text, self.starts[i] - 1)
                i = bisect.bisect_left(self.starts, m.start() + 1) if m else n
        else:
            while i < n and (not lines[i].strip() or _indent(lines[i]) > base):
                i += 1
        while i > 0 and not lines[i - 1].strip():
            i -= 1
        return i

    def next_blank(self, i: int) -> int:
        """The first blank line from line ``i`` on (``n`` if none)."""
        lines, n = self.lines, self.n
        if self.lf_only:
            if i < n:
                if i == 0:  # no break before the first line
                    if not lines[0].strip():
                        return 0
                    i = 1
                    if n == 1:
                        return 1
                m = _BLANK_LINE.search(self.text, self.starts[i] - 1)
                i = bisect.bisect_left(self.starts, m.start() + 1) if m else n
            return i
        while i < n and lines[i].strip():
            i += 1
        return i

    def header_end(self) -> int:
        """The line after a PEP's header (protected), or 0. The header: "Key: value" lines (and their
        indented continuations) up to the first blank line; two fields at least, and nothing else in
        the block ("Photo: Getty Images ::" is a paragraph)."""
        lines, n = self.lines, self.n
        if not (n and _HEADER_FIELD.match(lines[0])):
            return 0
        end = 0
        while end < n and lines[end].strip():
            end += 1
        block = lines[:end]
        if sum(1 for line in block if _HEADER_FIELD.match(line)) >= 2 and all(
                _HEADER_FIELD.match(line) or _EMPTY_FIELD.match(line) or line[:1] in " \t" for line in block):
            self.protect(0, end)
            return end
        return 0

    def markup_block(self, i: int, line: str, stripped: str, ind: int) -> int | None:
        """The line after the markup block that starts at line ``i`` (protected), or None when the line,
        though it starts with punctuation, starts prose."""
        lines, n = self.lines, self.n
        if stripped.startswith(".."):
            return self.explicit_markup(i, line, ind)
        if _ADORNMENT.match(line) and (i + 1 >= n or not lines[i + 1].strip() or _ADORNMENT.match(lines[i + 1])
                                       or (i + 2 < n and _ADORNMENT.match(lines[i + 2]))):
            self.protect(i, i + 1)  # a transition or an overline
            return i + 1
        if stripped.startswith((">>>", "+-", "+=", "|")):
            # A doctest block, a grid table or a line block: markup up to the next blank line.
            end = self.next_blank(i)
            self.protect(i, end)
            return end
        if _SIMPLE_TABLE_BORDER.match(line) or (_ADORNMENT.match(line) and i + 1 < n and lines[i + 1].strip()
                                                 and not _ADORNMENT.match(lines[i + 1])
                                                 and not (i + 2 < n and _ADORNMENT.match(lines[i + 2]))):
            return self.simple_table(i)
        if _FIELD.match(line):
            end = self.skip_indented(i + 1, ind)
            self.protect(i, end)
            return end
        return None

    def explicit_markup(self, i: int, line: str, ind: int) -> int:
        """A ".." block: an admonition's directive line and options are markup and its body is prose,
        read as a nested block; any other directive, comment or target is markup with its body."""
        m = _DIRECTIVE.match(line)
        if m and m.group(1) in _ADMONITIONS:
            self.protect(i, i + 1)
            i += 1
            # Options of the directive (":class: x") are markup.
            while i < self.n and _FIELD.match(self.lines[i]):
                self.protect(i, i + 1)
                i += 1
            return i
        end = self.skip_indented(i + 1, ind)
        self.protect(i, end)
        return end

    def simple_table(self, i: int) -> int:
        """A simple table: from its top border to the border that a blank line (or the end) follows."""
        lines, n = self.lines, self.n
        end = i + 1
        while end < n:
            is_border = _SIMPLE_TABLE_BORDER.match(lines[end]) or _ADORNMENT.match(lines[end])
            if is_border and (end + 1 >= n or not lines[end + 1].strip()):
                break
            end += 1
        last = end + 1 if end < n else i + 1  # no closing border: only the line itself is markup
        self.protect(i, last)
        return last

    def is_title(self, i: int, stripped: str) -> bool:
        """Whether line ``i`` is a section title: one line, underlined."""
        lines = self.lines
        return (i + 1 < self.n and lines[i + 1][:1] in _BLOCK_START and _ADORNMENT.match(lines[i + 1]) is not None
                and len(lines[i + 1].strip()) >= len(stripped) - 1)

    def title(self, i: int) -> int:
        _paragraph(self, i, i + 1, "heading")
        self.protect(i + 1, i + 2)
        return i + 2

    def paragraph_block(self, i: int, line: str, stripped: str, ind: int) -> int:
        """A paragraph (or list item, or block quote), and the literal block its "::" introduces."""
        lines, n = self.lines, self.n
        c = stripped[0]
        bullet = _BULLET.match(line) if (c in _BULLET_START or c.isdigit() or stripped[1:2] in (".", ")")) else None
        # The line after the paragraph: lines until a blank line or a change that starts another block
        # (here, not in a method of its own: this runs for every paragraph).
        end = i + 1
        if self.lf_only and end < n:
            starts, text = self.starts, self.text
            # Where the paragraph stops: a blank line, a line that starts explicit markup, the end.
            stop = _PARAGRAPH_END.search(text, starts[end] - 1)
            stop_at = stop.start() + 1 if stop else None
            if bullet:
                # or a list item indented no deeper than this one.
                for item in _BULLET_LINE.finditer(text, starts[end] - 1, len(text) if stop_at is None else stop_at):
                    lead = item.group(1)
                    if len(lead) - len(lead.lstrip(" \t")) <= ind:
                        stop_at = item.start() + 1
                        break
            end = n if stop_at is None else bisect.bisect_left(starts, stop_at)
        while end < n and lines[end].strip():
            nxt = lines[end]
            # A list item may follow another without a blank line; a paragraph's wrapped line that
            # happens to start with "2012)" or "- and" does not start a list.
            if bullet and _BULLET.match(nxt) and _indent(nxt) <= ind:
                break
            if nxt.strip().startswith(".. "):
                break
            end += 1
        if bullet:
            kind = "list_item"
        elif ind > 0:
            kind = "blockquote"
        else:
            kind = "paragraph"
        literal_next = "::" in lines[end - 1] and lines[end - 1].rstrip().endswith("::")
        if stripped == "::":
            self.protect(i, end)
        else:
            after = end
            while after < n and not lines[after].strip():
                after += 1
            colon_at = self.starts[after] if after < n and lines[after].strip() == "::" else None
            _paragraph(self, i, end, kind, bullet.end() if bullet else None, literal_next, colon_at)
            if not literal_next:
                return after  # the blank lines after the paragraph are read
        return self.literal_block(end, ind) if literal_next else end

    def literal_block(self, i: int, ind: int) -> int:
        """The line after the literal block a "::" introduced: the indented (or quoted) lines after the
        blank line (protected); ``i`` if there is none."""
        lines, n = self.lines, self.n
        j = i
        while j < n and not lines[j].strip():
            j += 1
        if j < n and (_indent(lines[j]) > ind or lines[j][:1] in _BLOCK_START):
            end_lit = self.skip_indented(j, ind) if _indent(lines[j]) > ind else j
            if end_lit == j:
                end_lit = self.next_blank(j)
            self.protect(j, end_lit)
            return end_lit
        return i


@dataclass
class _Para:
    """A paragraph's text without its indentation, one string, so that inline markup may span lines,
    and its runs: run k starts at ``run_seg[k]`` in the string and at ``run_src[k]`` in the Source and
    lasts to the next run's start (the runs cover the string; only the last may be empty)."""

    text: str
    run_seg: list[int]
    run_src: list[int]
    flat: list[Any]  # the paragraph cut at its inline markup (``_inline_parts``)
    cr_runs: set[int] | None = None  # runs that are a CRLF or CR line end, read as one opaque newline
    marker: int | None = None  # where a literal-block marker " ::" stood, to read it as ":"


def _paragraph(r: _Reader, first: int, end: int, kind: str, marker_end: int | None = None,
               strip_marker: bool = False, colon_at: int | None = None) -> None:
    """Add the segment of lines ``first`` to ``end`` (a list item's text from ``marker_end``; with
    ``strip_marker``, less its closing "::"; ``colon_at``: where a lone "::" paragraph after it stands)."""
    para: _Para | None = None
    # The common case, a plain unindented paragraph: one contiguous run of the Source.
    if marker_end is None and not strip_marker and colon_at is None and not r.lines[first][:1].isspace():
        block = r.text[r.starts[first] : r.starts[end - 1] + len(r.lines[end - 1])]
        if (r.lf_only or "\r" not in block) and (end - first == 1 or not _INDENTED_LINE.search(block)):
            # Without "\r" and indentation the paragraph's text is the block itself.
            flat = _inline_parts(block) if _has_markup(block) else None
            if flat is None or len(flat) == 1:
                _add_plain(r.segments, block, flat is not None, kind, r.starts[first])
                return
            para = _Para(block, [0], [r.starts[first]], flat)
    if para is None:
        para = _joined_lines(r, first, end, marker_end, strip_marker)
    # The segment of the paragraph cut at its inline markup, with the colon its "::" stands for.
    anchors: list[tuple[int, int]] = []
    opaque: list[tuple[int, int]] = []
    flat, run_seg, run_src = para.flat, para.run_seg, para.run_src
    if len(flat) == 1 and r.lf_only:
        # No markup: the string as it is, one anchor per run (in an LF file no run follows on from the
        # one before in the Source: a line that does is part of it).
        plen = len(para.text)
        pieces: list[str] = [para.text]
        olen = plen
        anchors = [(s, src) for s, src in zip(run_seg, run_src, strict=True) if s < plen]
    elif len(run_seg) == 1:
        olen, pieces = _emit_run(flat, run_src[0], anchors, opaque, r.protected)
    else:
        olen, pieces = _emit_runs(para.text, run_seg, run_src, para.cr_runs, flat, anchors, opaque, r.protected)
    if para.marker is not None and para.text.strip():
        anchors.append((olen, para.marker))  # "statement ::" introduces a literal block, as a colon would
        opaque.append((olen, olen + 1))
        pieces.append(":")
        olen += 1
    if colon_at is not None:
        anchors.append((olen, colon_at))  # so does a lone "::" paragraph after it
        opaque.append((olen, olen + 1))
        pieces.append(":")
    built = segment_of("".join(pieces), kind, anchors, opaque, len(r.segments))
    if built is not None:
        r.segments.append(built)


def _add_plain(out: list[Segment], block: str, has_markup: bool, kind: str, start: int) -> None:
    """Add the segment of a paragraph that is its block of the Source as it is."""
    body = block.rstrip()
    opaque: list[tuple[int, int]] = []
    if "://" in body or "www." in body or "@" in body:
        body, opaque = mask_urls(body, opaque)
        if has_markup and not body.replace(PLACEHOLDER, "").strip():
            return  # a URL alone
    out.append(Segment(body, kind, ((0, start),), len(out), opaque=tuple(opaque)))


def _joined_lines(r: _Reader, first: int, end: int, marker_end: int | None, strip_marker: bool) -> _Para:
    """The paragraph of lines ``first`` to ``end`` as one string of runs of the Source."""
    lines, starts, text, lf_only = r.lines, r.starts, r.text, r.lf_only
    run_seg: list[int] = []
    run_src: list[int] = []
    cr_runs: set[int] = set()  # runs that are a CRLF or CR line end
    marker: int | None = None
    parts: list[str] = []
    length = 0
    last = end - 1
    for k in range(first, end):
        line = lines[k]
        if k == first and marker_end is not None:
            col = marker_end
            body = line[col:]
        else:
            body = line.lstrip(" \t")
            col = len(line) - len(body)
        if k == last and strip_marker:
            b = body.rstrip()
            if b.endswith(" ::") or b == "::":
                marker = starts[k] + col + len(b) - 2
                body = b[:-2].rstrip()
            else:
                body = b[:-1]  # "Paragraph::" reads "Paragraph:"
        if k > first:
            parts.append("\n")
            if lf_only:
                # The newline follows the line before in the Source; so does this line if not indented.
                length += 1
                if col == 0:
                    parts.append(body)
                    length += len(body)
                    continue
            else:
                newline_at = starts[k] - (2 if text.startswith("\r\n", starts[k] - 2) else 1)
                if text[newline_at] != "\n":
                    cr_runs.add(len(run_seg))
                run_seg.append(length)
                run_src.append(newline_at)
                length += 1
        run_seg.append(length)
        run_src.append(starts[k] + col)
        parts.append(body)
        length += len(body)
    joined = "".join(parts)
    flat = _inline_parts(joined) if _has_markup(joined) else [joined]
    return _Para(joined, run_seg, run_src, flat, cr_runs or None, marker)


def _emit_run(flat: list[Any], base: int, anchors: list[tuple[int, int]], opaque: list[tuple[int, int]],
              protected: list[tuple[int, int]] | None) -> tuple[int, list[str]]:
    """The segment's pieces (and its length) of a paragraph that is one run of the Source from ``base``,
    cut at its inline markup (``flat``): the text between the markup, link texts, a placeholder for
    literals, roles and references, escaped characters; emphasis markers dropped."""
    pieces: list[str] = []
    olen = 0
    src = base  # the Source offset of the next character of the paragraph
    next_src = -1  # the Source offset after the last verbatim piece (-1: the last piece is opaque)
    text = flat[0]
    if text:
        anchors.append((0, src))
        pieces.append(text)
        olen = len(text)
        src = next_src = base + olen
    it = iter(flat)
    next(it)
    for whole, link, ref, esc, text in zip(it, it, it, it, it, strict=True):
        kept = link if link is not None else ref
        if kept is not None:  # link text or reference name: prose
            at = src + (1 if whole[0] == "`" else 0)
            if at != next_src:
                anchors.append((olen, at))
            pieces.append(kept)
            olen += len(kept)
            next_src = at + len(kept)
        elif esc is not None:
            anchors.append((olen, src))
            opaque.append((olen, olen + 1))
            pieces.append(esc)
            olen += 1
            next_src = -1
        elif whole[0] != "*" and whole[-1] != "*":  # emphasis markers are dropped
            anchors.append((olen, src))
            opaque.append((olen, olen + 1))
            pieces.append(PLACEHOLDER)
            olen += 1
            next_src = -1
            if protected is not None and whole.startswith("``"):
                # Inline literals are code: layout rules (runs of spaces) must not touch them.
                protected.append((src, src + len(whole)))
        src += len(whole)
        if text:
            if src != next_src:
                anchors.append((olen, src))
            pieces.append(text)
            olen += len(text)
            src += len(text)
            next_src = src
    return olen, pieces

class _Runs:
    """The pieces of a segment taken from a paragraph string made of several runs of the Source, and
    their anchors: ``keep`` copies a range of the string, ``mark`` puts one opaque character."""

    __slots__ = ("anchors", "cr_runs", "k", "next_src", "nruns", "olen", "opaque", "para", "pieces", "plen",
                 "run_seg", "run_src")

    def __init__(self, para: str, run_seg: list[int], run_src: list[int], cr_runs: set[int] | None,
                 anchors: list[tuple[int, int]], opaque: list[tuple[int, int]]) -> None:
        self.para, self.plen, self.run_seg, self.run_src, self.cr_runs = para, len(para), run_seg, run_src, cr_runs
        self.nruns = len(run_seg)
        self.anchors, self.opaque = anchors, opaque
        self.pieces: list[str] = []
        self.olen = 0
        self.next_src = -1  # the Source offset after the last verbatim piece (-1: the last piece is opaque)
        self.k = 0  # the run of the last offset mapped: offsets are mapped in increasing order

    def keep(self, a: int, b: int) -> None:
        """Copy ``para[a:b]``, with an anchor wherever it does not follow on in the Source."""
        if a >= b:
            return
        # Locals, not attributes, in the loop: it runs for every run of every paragraph of a CRLF file.
        run_seg, run_src, nruns, cr_runs = self.run_seg, self.run_src, self.nruns, self.cr_runs
        anchors, pieces, para = self.anchors, self.pieces, self.para
        olen, next_src, k = self.olen, self.next_src, self.k
        while k + 1 < nruns and run_seg[k + 1] <= a:
            k += 1
        while True:
            r_start = run_seg[k]
            r_end = run_seg[k + 1] if k + 1 < nruns else self.plen
            lo = a if a > r_start else r_start
            hi = b if b < r_end else r_end
            if lo < hi:
                src = run_src[k] + lo - r_start
                if cr_runs is not None and k in cr_runs:
                    anchors.append((olen, src))  # a CRLF or CR line end, read as one newline
                    self.opaque.append((olen, olen + 1))
                    pieces.append("\n")
                    olen += 1
                    next_src = -1
                else:
                    if src != next_src:
                        anchors.append((olen, src))
                    pieces.append(para[lo:hi])
                    olen += hi - lo
                    next_src = src + hi - lo
            if r_end >= b or k + 1 >= nruns:
                self.olen, self.next_src, self.k = olen, next_src, k
                return
            k += 1

    def mark(self, src: int, char: str) -> None:
        """One opaque character standing for the Source from ``src``."""
        self.anchors.append((self.olen, src))
        self.opaque.append((self.olen, self.olen + 1))
        self.pieces.append(char)
        self.olen += 1
        self.next_src = -1

    def src_of(self, i: int) -> int:
        run_seg, nruns, k = self.run_seg, self.nruns, self.k
        while k + 1 < nruns and run_seg[k + 1] <= i:
            k += 1
        self.k = k
        return self.run_src[k] + i - run_seg[k]


def _emit_runs(para: str, run_seg: list[int], run_src: list[int], cr_runs: set[int] | None,
               flat: list[Any], anchors: list[tuple[int, int]], opaque: list[tuple[int, int]],
               protected: list[tuple[int, int]] | None) -> tuple[int, list[str]]:
    """``_emit_run`` for a paragraph string made of several runs of the Source."""
    runs = _Runs(para, run_seg, run_src, cr_runs, anchors, opaque)
    pos = len(flat[0])
    runs.keep(0, pos)
    it = iter(flat)
    next(it)
    for whole, link, ref, esc, text in zip(it, it, it, it, it, strict=True):
        start = pos
        stop = pos + len(whole)
        kept = link if link is not None else ref
        if kept is not None:  # link text or reference name: prose
            g_start = start + (1 if whole[0] == "`" else 0)
            runs.keep(g_start, g_start + len(kept))
        elif esc is not None or (whole[0] != "*" and whole[-1] != "*"):  # emphasis markers are dropped
            at = runs.src_of(start)
            runs.mark(at, PLACEHOLDER if esc is None else esc)
            if esc is None and protected is not None and whole.startswith("``"):
                protected.append((at, runs.src_of(stop - 1) + 1))
        pos = stop + len(text)
        runs.keep(stop, pos)
    return runs.olen, runs.pieces


FORMAT = Format(
    name='rst',
    title='reStructuredText (Sphinx, PEPs)',
    reader=parse,
    extensions=(".rst", ".rest"),
    language_ids=("restructuredtext", "rst"),
    prose='paragraphs, section titles, list items, block quotes, admonition bodies',
    not_prose='the PEP header, field lists, comments and directives, literal blocks (`::`), doctest blocks, '
              'tables, inline literals, roles, interpreted text, substitution and footnote references, '
              'hyperlink targets',
    examples=(
        FormatExample(
            'Title\n=====\n\nA paragraph with ``literal`` text::\n\n    code block\n\n- an item\n',
            segments=('Title', 'A paragraph with \ufffc text:', 'an item'),
        ),
    ),
)

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
from itertools import accumulate

from lint.formats.builder import PLACEHOLDER, SegmentBuilder, mask_urls, merge_ranges, suppressions_from
from lint.model import Document, Segment, Source

_SIMPLE_TABLE_BORDER = re.compile(r"^\s*=+( +=+)+\s*$")
_ADORNMENT = re.compile(r"^([!-/:-@\[-`{-~])\1{2,}\s*$")
_BULLET = re.compile(r"^(\s*)([-*+•‣⁃]|\d+[.)]|#[.)]|[a-zA-Z][.)]|\(\d+\)|\([a-zA-Z]\)|[ivxlcdm]+[.)])(\s+)(?=\S)")
_FIELD = re.compile(r"^\s*:[^:\s][^:]*:(\s|$)")
_HEADER_FIELD = re.compile(r"^[A-Z][\w-]*:\s")
_ADMONITIONS = frozenset(
    "note warning tip important attention caution danger error hint admonition seealso topic sidebar "
    "epigraph highlights pull-quote versionadded versionchanged deprecated".split()
)
_DIRECTIVE = re.compile(r"^\s*\.\.\s+([\w:-]+)::(.*)$")
# Inline markup. Every alternative starts with a literal character, so that the regex engine skips to
# the next candidate character in C; reference names (``word_``), which start anywhere, are found by
# ``_inline_matches`` with their own pattern, with the same leftmost-first result as one alternation.
_INLINE = re.compile(
    r"``(?s:.+?)``"  # inline literal (may span lines)
    r"|:[\w:+.-]+:`(?:[^`\\]|\\.)+`"  # role
    r"|`(?:[^`\\]|\\.)+`:[\w:+.-]+:"  # role written after
    r"|`(?P<linktext>(?:[^`<\\]|\\.)+?)\s*<[^`>]*>`__?"  # hyperlink with embedded target
    r"|`(?P<reftext>(?:[^`\\]|\\.)+)`__?"  # hyperlink reference by name
    r"|`(?:[^`\\]|\\.)+`"  # interpreted text (default role)
    r"|\|[^|\s][^|]*\|_{0,2}"  # substitution reference
    r"|\[(?:#[\w-]*|\*|\d+|[\w.-]+)\]_"  # footnote or citation reference
    r"|\*\*(?=\S)|\*(?=\S)"  # emphasis or strong, opening
    r"|\*(?<=\S\*)\*(?!\w)|\*(?<=\S\*)(?!\w)"  # closing: ** or * after a non-space
    r"|\\(?P<escaped>.)"  # escape
)
_REFNAME = re.compile(r"(?P<refname>\b[\w.-]+)__?(?![\w])")  # reference name: word_
_REFNAME_END = re.compile(r"_(?!\w)")  # where every reference name ends
_NAME_CHAR = re.compile(r"[\w.-]")
_NAME_RUN = re.compile(r"[\w.-]*")
# In a file without "\r": the newline before a line that is blank or starts with ".. " and more.
_PARAGRAPH_END = re.compile(r"\n[^\S\n]*(?:\n|\Z|\.\. (?=[^\n]*\S))")
_INDENTED_LINE = re.compile(r"\n\s")
_MARKUP = re.compile(r"[`*|\\_\[]")  # a character some inline markup starts or ends with
_SWITCH = re.compile(r"^[ \t]*\.\.[ \t]+copylint-(disable-next-line|disable-file|disable|enable)\b(.*)$", re.M)


def _inline_matches(para: str) -> list[re.Match[str]]:
    """The matches ``finditer`` would give for the alternation of ``_INLINE`` and ``_REFNAME`` (in that
    order): the leftmost match wins, ``_INLINE`` on a tie, and scanning resumes at its end."""
    out: list[re.Match[str]] = []
    m1 = _INLINE.search(para)
    m2 = _next_refname(para, 0)
    while m1 is not None or m2 is not None:
        m = m1 if m2 is None or (m1 is not None and m1.start() <= m2.start()) else m2
        assert m is not None
        out.append(m)
        pos = m.end()
        if m1 is not None and m1.start() < pos:
            m1 = _INLINE.search(para, pos)
        if m2 is not None and m2.start() < pos:
            m2 = _next_refname(para, pos)
    return out


def _next_refname(para: str, pos: int) -> re.Match[str] | None:
    """``_REFNAME.search(para, pos)``, read only in the runs of name characters that hold a place where
    a reference name can end (no match can start or end outside such a run)."""
    while True:
        end = _REFNAME_END.search(para, pos)
        if end is None:
            return None
        start = end.start()
        while start > pos and _NAME_CHAR.match(para, start - 1):
            start -= 1
        stop = _NAME_RUN.match(para, end.start()).end()  # type: ignore[union-attr]
        # Bounded at the run's end, which is not a word character: the lookahead reads the same.
        m = _REFNAME.search(para, start, stop)
        if m is not None:
            return m
        pos = stop


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" \t"))


def parse(source: Source) -> Document:
    text = source.text
    lf_only = "\r" not in text
    if lf_only:  # the usual case: lines and their offsets without a regex
        lines = text.split("\n")
        starts = [0, *accumulate(map((1).__add__, map(len, lines[:-1])))]
    else:
        starts = source.line_starts()
        lines = [text[starts[i] : (starts[i + 1] if i + 1 < len(starts) else len(text))].rstrip("\r\n")
                 for i in range(len(starts))]
    n = len(lines)
    segments: list[Segment] = []
    protected: list[tuple[int, int]] = []

    def offset(i: int) -> int:
        return starts[i] if i < len(starts) else len(text)

    def protect(a: int, b: int) -> None:
        if b > a:
            protected.append((offset(a), offset(b)))

    def skip_indented(i: int, base: int) -> int:
        """The first line after the block indented deeper than ``base`` (blank lines inside it included)."""
        while i < n and (not lines[i].strip() or _indent(lines[i]) > base):
            i += 1
        while i > 0 and not lines[i - 1].strip():
            i -= 1
        return i

    i = 0
    # A PEP's header: "Key: value" lines (and their indented continuations) up to the first blank line.
    if n and _HEADER_FIELD.match(lines[0]):
        while i < n and lines[i].strip():
            i += 1
        protect(0, i)
    while i < n:
        line = lines[i]
        stripped = line.strip()
        if not stripped:
            i += 1
            continue
        ind = _indent(line)
        if stripped.startswith(".."):
            m = _DIRECTIVE.match(line)
            if m and m.group(1) in _ADMONITIONS:
                # The directive line is markup; its body is prose, read as a nested block.
                protect(i, i + 1)
                i += 1
                # Options of the directive (":class: x") are markup.
                while i < n and _FIELD.match(lines[i]):
                    protect(i, i + 1)
                    i += 1
                continue
            end = skip_indented(i + 1, ind)
            protect(i, end)
            i = end
            continue
        if _ADORNMENT.match(line) and (i + 1 >= n or not lines[i + 1].strip() or _ADORNMENT.match(lines[i + 1])
                                       or (i + 2 < n and _ADORNMENT.match(lines[i + 2]))):
            protect(i, i + 1)  # a transition or an overline
            i += 1
            continue
        if stripped.startswith((">>>", "+-", "+=", "|")):
            # A doctest block, a grid table or a line block: markup up to the next blank line.
            end = i
            while end < n and lines[end].strip():
                end += 1
            protect(i, end)
            i = end
            continue
        if _SIMPLE_TABLE_BORDER.match(line) or (_ADORNMENT.match(line) and i + 1 < n and lines[i + 1].strip()
                                                 and not _ADORNMENT.match(lines[i + 1])
                                                 and not (i + 2 < n and _ADORNMENT.match(lines[i + 2]))):
            # A simple table: from its top border to the border that a blank line (or the end) follows.
            end = i + 1
            while end < n:
                is_border = _SIMPLE_TABLE_BORDER.match(lines[end]) or _ADORNMENT.match(lines[end])
                if is_border and (end + 1 >= n or not lines[end + 1].strip()):
                    break
                end += 1
            last = end + 1 if end < n else i + 1  # no closing border: only the line itself is markup
            protect(i, last)
            i = last
            continue
        if _FIELD.match(line):
            end = skip_indented(i + 1, ind)
            protect(i, end)
            i = end
            continue
        # A section title: one line, underlined.
        if i + 1 < n and _ADORNMENT.match(lines[i + 1]) and len(lines[i + 1].strip()) >= len(stripped) - 1:
            _paragraph(text, starts, lines, i, i + 1, "heading", segments, protected=protected, lf_only=lf_only)
            protect(i + 1, i + 2)
            i += 2
            continue
        # A paragraph (or list item): lines until a blank line or a change that starts another block.
        bullet = _BULLET.match(line)
        end = i + 1
        if lf_only and not bullet and end < n:
            # Where the paragraph stops: a blank line, a line that starts explicit markup, the end.
            stop = _PARAGRAPH_END.search(text, starts[end] - 1)
            end = bisect.bisect_left(starts, stop.start() + 1) if stop else n
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
        literal_next = lines[end - 1].rstrip().endswith("::")
        if stripped == "::":
            protect(i, end)
        else:
            after = end
            while after < n and not lines[after].strip():
                after += 1
            colon_at = offset(after) if after < n and lines[after].strip() == "::" else None
            _paragraph(text, starts, lines, i, end, kind, segments, bullet.end() if bullet else None,
                       strip_marker=literal_next, colon_at=colon_at, protected=protected, lf_only=lf_only)
        i = end
        if literal_next:
            # The literal block: the indented (or quoted) lines after the blank line.
            j = i
            while j < n and not lines[j].strip():
                j += 1
            if j < n and (_indent(lines[j]) > ind or lines[j][:1] in "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"):
                end_lit = skip_indented(j, ind) if _indent(lines[j]) > ind else j
                if end_lit == j:
                    while end_lit < n and lines[end_lit].strip():
                        end_lit += 1
                protect(j, end_lit)
                i = end_lit
    doc = Document(source, "rst", segments, protected=merge_ranges(protected))
    if "copylint-" in text:
        doc.suppressions = suppressions_from(text, starts, _SWITCH)
    return doc


def _paragraph(text: str, starts: list[int], lines: list[str], first: int, end: int, kind: str,
               out: list[Segment], marker_end: int | None = None, strip_marker: bool = False,
               colon_at: int | None = None, protected: list[tuple[int, int]] | None = None,
               lf_only: bool = False) -> None:
    matches: list[re.Match[str]] | None = None
    # The common case, a plain unindented paragraph: one contiguous run of the Source.
    if marker_end is None and not strip_marker and colon_at is None and not lines[first][:1].isspace():
        block = text[starts[first] : starts[end - 1] + len(lines[end - 1])]
        if (lf_only or "\r" not in block) and (end - first == 1 or not _INDENTED_LINE.search(block)):
            # Without "\r" and indentation the paragraph's text is the block itself.
            matches = _inline_matches(block) if _MARKUP.search(block) else None
            if not matches:
                body = block.rstrip()
                opaque: list[tuple[int, int]] = []
                if "://" in body or "www." in body or "@" in body:
                    body, opaque = mask_urls(body, opaque)
                    if matches is not None and not body.replace(PLACEHOLDER, "").strip():
                        return  # a URL alone
                out.append(Segment(body, kind, ((0, starts[first]),), len(out), opaque=tuple(opaque)))
                return
    # The paragraph's text without its indentation, one string, so that inline markup may span lines;
    # ``runs`` maps it back to the Source: (start in the string, start in the Source, length), one run
    # per stretch that is contiguous in the Source.
    parts: list[str] = []
    runs: list[list[int]] = []
    length = 0
    marker: int | None = None  # where a literal-block marker " ::" stood, to read it as ":"
    if matches:  # an unindented paragraph with markup, the block read above: one run
        parts.append(block)
        runs.append([0, starts[first], len(block)])
        first = end
    for k in range(first, end):
        line = lines[k]
        col = marker_end if (k == first and marker_end is not None) else _indent(line)
        body = line[col:]
        if k == end - 1 and strip_marker:
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
                runs[-1][2] += 1
                length += 1
                if col == 0:
                    runs[-1][2] += len(body)
                    parts.append(body)
                    length += len(body)
                    continue
            else:
                newline_at = starts[k] - (2 if text.startswith("\r\n", starts[k] - 2) else 1)
                runs.append([length, newline_at, 1])
                length += 1
        runs.append([length, starts[k] + col, len(body)])
        parts.append(body)
        length += len(body)
    para = "".join(parts)
    builder = SegmentBuilder(kind)
    run_starts = [r[0] for r in runs]
    nruns = len(runs)

    def add(a: int, b: int) -> None:
        if a >= b:
            return
        if nruns == 1:
            builder.add(para[a:b], runs[0][1] + a)
            return
        k = bisect.bisect_right(run_starts, a) - 1
        if k < 0:
            k = 0
        while k < nruns:
            r_start, r_src, r_len = runs[k]
            if r_start >= b:
                break
            lo = a if a > r_start else r_start
            hi = b if b < r_start + r_len else r_start + r_len
            if lo < hi:
                if not lf_only and para[lo:hi] == "\n" and text[r_src] != "\n":
                    builder.add_opaque("\n", r_src)  # a CRLF line end, read as one newline
                else:
                    builder.add(para[lo:hi], r_src + (lo - r_start))
            k += 1

    def src_of(i: int) -> int:
        k = bisect.bisect_right(run_starts, i) - 1
        if k >= 0:
            r_start, r_src, r_len = runs[k]
            if i < r_start + r_len:
                return r_src + (i - r_start)
        return runs[-1][1] + runs[-1][2] if runs else 0

    pos = 0
    if matches is None:
        matches = _inline_matches(para) if _MARKUP.search(para) else []
    if nruns == 1:
        # One run of the Source (the usual case): string offset i is Source offset base + i.
        base = runs[0][1]
        add_text, add_opaque = builder.add, builder.add_opaque
        for m in matches:
            start, stop = m.span()
            if pos < start:
                add_text(para[pos:start], base + pos)
            group = m.lastgroup
            if group is None:
                if para[start] != "*" and para[stop - 1] != "*":
                    add_opaque(PLACEHOLDER, base + start)
                    if protected is not None and para.startswith("``", start):
                        protected.append((base + start, base + stop))
            elif group == "escaped":
                add_opaque(m.group(group), base + start)
            else:
                g_start, g_stop = m.span(group)
                if g_start < g_stop:
                    add_text(para[g_start:g_stop], base + g_start)
            pos = stop
        matches = []
    for m in matches:
        add(pos, m.start())
        group = m.lastgroup
        if group in ("linktext", "reftext", "refname"):
            add(m.start(group), m.end(group))
        elif group == "escaped":
            builder.add_opaque(m.group("escaped"), src_of(m.start()))
        elif para[m.start()] != "*" and para[m.end() - 1] != "*":
            builder.add_opaque(PLACEHOLDER, src_of(m.start()))
            if protected is not None and para.startswith("``", m.start()):
                # Inline literals are code: layout rules (runs of spaces) must not touch them.
                protected.append((src_of(m.start()), src_of(m.end() - 1) + 1))
        # emphasis markers are dropped
        pos = m.end()
    add(pos, len(para))
    if marker is not None and para.strip():
        builder.add_opaque(":", marker)  # "statement ::" introduces a literal block, as a colon would
    if colon_at is not None:
        builder.add_opaque(":", colon_at)  # so does a lone "::" paragraph after it
    built = builder.build(len(out))
    if built is not None:
        out.append(built)

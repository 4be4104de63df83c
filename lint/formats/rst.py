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

from lint.formats.builder import PLACEHOLDER, mask_urls, merge_ranges, segment_of, suppressions_from
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
    marker: int | None = None  # where a literal-block marker " ::" stood, to read it as ":"
    # The paragraph's text without its indentation, one string, so that inline markup may span lines,
    # and its runs: run k starts at ``run_seg[k]`` in the string and at ``run_src[k]`` in the Source and
    # lasts to the next run's start (the runs cover the string; only the last may be empty).
    run_seg: list[int]
    run_src: list[int]
    cr_runs: set[int] | None = None  # runs that are a CRLF or CR line end, read as one opaque newline
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
            para = block
            run_seg, run_src = [0], [starts[first]]
    if matches is None:
        parts: list[str] = []
        run_seg, run_src = [], []
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
                        if cr_runs is None:
                            cr_runs = set()
                        cr_runs.add(len(run_seg))
                    run_seg.append(length)
                    run_src.append(newline_at)
                    length += 1
            run_seg.append(length)
            run_src.append(starts[k] + col)
            parts.append(body)
            length += len(body)
        para = "".join(parts)
        matches = _inline_matches(para) if _MARKUP.search(para) else []
    plen = len(para)
    nruns = len(run_seg)
    anchors: list[tuple[int, int]] = []
    opaque = []
    if not matches and lf_only:
        # No markup: the string as it is, one anchor per run (in an LF file no run follows on from the
        # one before in the Source: a line that does is part of it).
        pieces = [para]
        olen = plen
        anchors = [(s, r) for s, r in zip(run_seg, run_src, strict=True) if s < plen]
    elif nruns == 1:
        # One run of the Source (the usual case with markup): string offset i is Source offset base + i.
        pieces = []
        base = run_src[0]
        olen = 0
        next_src = -1
        pos = 0
        for m in matches:
            start, stop = m.span()
            if pos < start:
                if base + pos != next_src:
                    anchors.append((olen, base + pos))
                pieces.append(para[pos:start])
                olen += start - pos
                next_src = base + start
            group = m.lastgroup
            if group is None:
                if para[start] != "*" and para[stop - 1] != "*":
                    anchors.append((olen, base + start))
                    opaque.append((olen, olen + 1))
                    pieces.append(PLACEHOLDER)
                    olen += 1
                    next_src = -1
                    if protected is not None and para.startswith("``", start):
                        # Inline literals are code: layout rules (runs of spaces) must not touch them.
                        protected.append((base + start, base + stop))
            elif group == "escaped":
                anchors.append((olen, base + start))
                opaque.append((olen, olen + 1))
                pieces.append(para[start + 1])
                olen += 1
                next_src = -1
            else:
                g_start, g_stop = m.span(group)
                if g_start < g_stop:
                    if base + g_start != next_src:
                        anchors.append((olen, base + g_start))
                    pieces.append(para[g_start:g_stop])
                    olen += g_stop - g_start
                    next_src = base + g_stop
            pos = stop
        if pos < plen:
            if base + pos != next_src:
                anchors.append((olen, base + pos))
            pieces.append(para[pos:])
            olen += plen - pos
    else:
        olen, pieces = _emit_runs(para, run_seg, run_src, cr_runs, matches, anchors, opaque, protected)
    if marker is not None and para.strip():
        anchors.append((olen, marker))  # "statement ::" introduces a literal block, as a colon would
        opaque.append((olen, olen + 1))
        pieces.append(":")
        olen += 1
    if colon_at is not None:
        anchors.append((olen, colon_at))  # so does a lone "::" paragraph after it
        opaque.append((olen, olen + 1))
        pieces.append(":")
    built = segment_of("".join(pieces), kind, anchors, opaque, len(out))
    if built is not None:
        out.append(built)


def _emit_runs(para: str, run_seg: list[int], run_src: list[int], cr_runs: set[int] | None,
               matches: list[re.Match[str]], anchors: list[tuple[int, int]], opaque: list[tuple[int, int]],
               protected: list[tuple[int, int]] | None) -> tuple[int, list[str]]:
    """The segment's pieces of a paragraph string made of several runs of the Source (appending to
    ``anchors`` and ``opaque``), and its length: the text between inline markup, link texts, a
    placeholder for literals, roles and references, escaped characters; emphasis markers dropped."""
    pieces: list[str] = []
    plen = len(para)
    nruns = len(run_seg)
    olen = 0
    next_src = -1
    k = 0  # the run of the last offset mapped: offsets are mapped in increasing order

    def keep(a: int, b: int) -> None:
        nonlocal olen, next_src, k
        if a >= b:
            return
        while k + 1 < nruns and run_seg[k + 1] <= a:
            k += 1
        while True:
            r_start = run_seg[k]
            r_end = run_seg[k + 1] if k + 1 < nruns else plen
            lo = a if a > r_start else r_start
            hi = b if b < r_end else r_end
            if lo < hi:
                src = run_src[k] + lo - r_start
                if cr_runs is not None and k in cr_runs:
                    anchors.append((olen, src))  # a CRLF or CR line end, read as one newline
                    opaque.append((olen, olen + 1))
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
                return
            k += 1

    def src_of(i: int) -> int:
        nonlocal k
        while k + 1 < nruns and run_seg[k + 1] <= i:
            k += 1
        return run_src[k] + i - run_seg[k]

    pos = 0
    for m in matches:
        start, stop = m.span()
        keep(pos, start)
        group = m.lastgroup
        if group in ("linktext", "reftext", "refname"):
            keep(*m.span(group))
        elif group == "escaped" or (para[start] != "*" and para[stop - 1] != "*"):
            at = src_of(start)
            anchors.append((olen, at))
            opaque.append((olen, olen + 1))
            pieces.append(para[start + 1] if group == "escaped" else PLACEHOLDER)
            olen += 1
            next_src = -1
            if group is None and protected is not None and para.startswith("``", start):
                protected.append((at, src_of(stop - 1) + 1))
        # emphasis markers are dropped
        pos = stop
    keep(pos, plen)
    return olen, pieces

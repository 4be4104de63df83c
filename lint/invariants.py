"""What a fix must never change: the markup around the prose, and the structure of the file.

Two guards, both applied by the engine whatever a rule computes:

- ``guarded_fix``, before a fix is offered: every character a fix removes must be prose (a run of a
  segment that stands for itself) or whitespace outside the protected ranges; a fix that touches
  anything else (a tag, a link target, a code span, a msgid) is dropped, and its finding is reported
  without one. So is a fix that empties a whole block of a marked-up file (a paragraph, a list item, an
  element's text, a msgstr): only in plain text is a line that is nothing but furniture a block a fix may
  delete.
- ``structure``, after each fix pass: a signature of what the file's own parser sees besides the prose
  (HTML: the tags, attributes and code; Markdown: the token tree and every code span; PO: the entries'
  msgids and comments; …). A pass that changes it is undone, exactly as one the parser rejects.

Line endings are compared as line breaks: turning a CRLF into an LF inside code is a change of bytes the
user asked for (W106's option), never of structure.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence
from functools import lru_cache
from itertools import chain, compress, pairwise, repeat
from operator import add, attrgetter, itemgetter, sub
from typing import Any

from lint.model import Document, Fix, Segment, line_break_count
from lint.patterns import compiled_on_use

_EOL = compiled_on_use(r"\r\n?")
_LINE_BREAKS = compiled_on_use(r"(?:\r\n|\r|\n)+")

# Formats without markup: a whole block of one is just lines of text.
_PLAIN = frozenset({"text"})


def _lf(text: str) -> str:
    return _EOL.sub("\n", text) if "\r" in text else text


# --- before a fix is offered --------------------------------------------------------------------

def prose_runs(doc: Document) -> tuple[list[int], list[int]]:
    """The Source ranges that are prose standing for itself (starts, ends; sorted, merged): each
    segment's anchor runs, less its opaque ranges (entities, escapes, placeholders)."""
    memo = doc.memo.get("prose_runs")
    if memo is not None:
        return memo  # type: ignore[no-any-return]
    ranges: list[tuple[int, int]] = []
    for seg in doc.segments:
        ranges.extend(_segment_runs(seg))
    doc.memo["prose_runs"] = memo = _merged(ranges)
    return memo


def prose_runs_near(doc: Document, lo: int, hi: int) -> tuple[list[int], list[int]]:
    """``prose_runs`` as far as [lo, hi] (closed) can tell: merged from the runs of the segments whose
    Source extent may reach into it. Any run that covers a point of [lo, hi] is among those, so a range
    or a point inside [lo, hi] lies in one of these merged runs exactly when it lies in one of all of
    them; a fix reads only its own edits' neighbourhood, not every segment of the file.

    The anchors whose bounds may meet [lo, hi] are found by bisection, so a file with many fixes (a
    scraped dump with an entity in every paragraph) does not read all its anchors for each. Where the
    anchors read for the questions of one document outnumber its anchors (one very long segment
    widens every window), or its questions one in eight of its anchors (a fix in most paragraphs), the
    whole file's runs, built once, answer instead: the same answers, cheaper by then."""
    whole = doc.memo.get("prose_runs")
    if whole is not None:
        return whole  # type: ignore[no-any-return]
    lows, highs, owners, span = _anchor_bounds(doc)
    # No anchor's high bound lies more than ``span`` after its low one: the anchors that may reach
    # [lo, hi] have a low bound in [lo - span, hi].
    i, j = bisect.bisect_left(lows, lo - span), bisect.bisect_right(lows, hi)
    read, asked = doc.memo.get("anchors_read", (0, 0))
    read, asked = doc.memo["anchors_read"] = read + j - i, asked + 1
    if read > 2 * len(lows) + 64 or asked > len(lows) // 8 + 8:
        return prose_runs(doc)
    memo: dict[int, list[tuple[int, int]]] = doc.memo.setdefault("segment_runs", {})
    segments = doc.segments
    ranges: list[tuple[int, int]] = []
    for k in sorted(set(compress(owners[i:j], map(lo.__le__, highs[i:j])))):
        runs = memo.get(k)
        if runs is None:
            runs = memo[k] = _segment_runs(segments[k])
        ranges.extend(runs)
    return _merged(ranges)


def _anchor_bounds(doc: Document) -> tuple[list[int], list[int], list[int], int]:
    """For every anchor of every segment, ordered by the first: a Source offset no run of its segment's
    from it starts before (its offset less its place in the segment), one no such run ends after (its
    offset plus the segment's length), and its segment's index; and the largest gap between the two. A
    lone anchor is read as the segment's start, whose runs lie between its offset and that plus the
    length: within the same bounds."""
    memo = doc.memo.get("anchor_bounds")
    if memo is None:
        segments = doc.segments
        per = list(map(_ANCHORS, segments))
        counts = list(map(len, per))
        flat = list(chain.from_iterable(per))
        srcs = list(map(_SRC, flat))
        lows = list(map(sub, srcs, map(_AT, flat)))
        highs = list(map(add, srcs, chain.from_iterable(map(repeat, map(len, map(_TEXT, segments)), counts))))
        owners = list(chain.from_iterable(map(repeat, range(len(segments)), counts)))
        span = max(map(sub, highs, lows), default=0)
        order = sorted(range(len(lows)), key=lows.__getitem__)  # nearly sorted already: segments in order
        lows, highs, owners = [lows[k] for k in order], [highs[k] for k in order], [owners[k] for k in order]
        memo = doc.memo["anchor_bounds"] = (lows, highs, owners, span)
    return memo  # type: ignore[no-any-return]


_ANCHORS = attrgetter("anchors")
_TEXT = attrgetter("text")
_AT = itemgetter(0)
_SRC = itemgetter(1)


def _segment_runs(seg: Segment) -> list[tuple[int, int]]:
    """The Source ranges of one segment's anchor runs, less its opaque ranges (not merged)."""
    n = len(seg.text)
    anchors = seg.anchors
    if len(anchors) == 1 and not seg.opaque and anchors[0][0] == 0:
        # One run from its first character (every segment of plain text, most of the others): the
        # cuts below would be [0, n], one range.
        return [(seg.to_source(0), seg.to_source_end(n))] if n else []
    ranges: list[tuple[int, int]] = []
    cuts = sorted({0, n, *(a for a, _ in anchors), *(x for o in seg.opaque for x in o)})
    # An interval between cuts lies inside an opaque range when the furthest end of those that
    # start at or before it reaches its end (one pass over both, not every range for each cut).
    opaque = sorted(seg.opaque)
    j, reach = 0, -1
    # No anchor starts inside an interval between cuts (every anchor is a cut): the whole interval
    # lies in the run of the last anchor at or before its start, found by walking the anchors along
    # (what ``Segment.to_source`` and ``to_source_end`` find by bisecting, for each end).
    k, last = 0, len(anchors) - 1
    for a, b in pairwise(cuts):
        while j < len(opaque) and opaque[j][0] <= a:
            reach = max(reach, opaque[j][1])
            j += 1
        if a >= b or b <= reach:
            continue
        while k < last and anchors[k + 1][0] <= a:
            k += 1
        at, src = anchors[k]
        if not last:
            at = 0  # ``to_source`` reads a lone anchor as the segment's start
        ranges.append((src + a - at, src + b - at))
    return ranges


def _merged(ranges: list[tuple[int, int]]) -> tuple[list[int], list[int]]:
    """Sorted ranges joined where they overlap or touch, as their starts and ends."""
    ranges.sort()
    starts: list[int] = []
    ends: list[int] = []
    for a, b in ranges:
        if ends and a <= ends[-1]:
            ends[-1] = max(ends[-1], b)
        else:
            starts.append(a)
            ends.append(b)
    return starts, ends


def _in_prose(starts: list[int], ends: list[int], a: int, b: int) -> bool:
    """Whether [a, b) lies inside one prose run (an empty range: at a run, its edges included)."""
    k = bisect.bisect_right(starts, a) - 1
    return k >= 0 and a >= starts[k] and b <= ends[k]


def _only_line_breaks(s: str) -> bool:
    return bool(s) and not s.strip("\r\n")


def _whitespace_for_whitespace(text: str, a: int, b: int, new: str) -> bool:
    """Whether an edit removes only whitespace (at least one character) and puts only whitespace (or
    nothing) in its place: outside protected ranges such an edit passes every test below, prose or not."""
    return a < b and (not new or new.isspace()) and text[a:b].isspace()


def _meets(ranges: Sequence[tuple[int, int]], a: int, b: int) -> bool:
    """Whether [a, b) may share an offset with one of sorted, non-overlapping ``ranges`` (an empty range
    after ``a`` counts: a cheap answer that is never a wrong no)."""
    i = bisect.bisect_right(ranges, (a, float("inf")))
    return (i > 0 and ranges[i - 1][1] > a) or (i < len(ranges) and ranges[i][0] < b)


def touches_markup(doc: Document, fix: Fix) -> bool:
    """Whether a fix would change something that is not prose: a character outside every prose run
    that is not whitespace, or whitespace inside a protected range (code, a tag, a msgid)."""
    text = doc.text
    protected = doc.protected
    if not protected and all(_whitespace_for_whitespace(text, e.start, e.end, e.replacement) for e in fix.edits):
        return False  # whitespace for whitespace where nothing is protected (a blank-line run): never markup
    # Whitespace for whitespace that meets no protected range, or whitespace put where nothing is strictly
    # protected, passes every test below whether it is prose or not: only the other edits are read.
    edits = [e for e in fix.edits if not (
        _whitespace_for_whitespace(text, e.start, e.end, e.replacement) and not _meets(protected, e.start, e.end)
        if e.start < e.end else e.replacement.isspace() and not _strictly_protected(doc, e.start))]
    if not edits:
        return False
    starts, ends = prose_runs_near(doc, min(e.start for e in edits), max(e.end for e in edits))
    for edit in edits:
        a, b, new = edit.start, edit.end, edit.replacement
        if a == b:
            # An insertion: into prose (or at its edge), or whitespace where nothing is protected.
            if _in_prose(starts, ends, a, a):
                continue
            if new.isspace() and not _strictly_protected(doc, a):
                continue
            return True
        removed = text[a:b]
        if _only_line_breaks(removed) and _only_line_breaks(new) and line_break_count(removed) == line_break_count(new):
            continue  # one kind of line ending for another: never structure (see the module's doc)
        if _in_prose(starts, ends, a, b):
            continue
        # Character by character: prose, or whitespace outside the protected ranges.
        pos = a
        while pos < b:
            k = bisect.bisect_right(starts, pos) - 1
            if k >= 0 and pos < ends[k]:
                pos = min(ends[k], b)
                continue
            if not text[pos].isspace() or (doc.protected and doc.is_protected(pos)):
                return True
            pos += 1
        if new and not new.isspace() and not (_in_prose(starts, ends, a, a) or _in_prose(starts, ends, b, b)):
            return True
    return False


def _strictly_protected(doc: Document, offset: int) -> bool:
    """Inside a protected range, not at its edge (an insertion at an edge goes before or after it)."""
    if not doc.protected:
        return False
    i = bisect.bisect_right(doc.protected, (offset, float("inf"))) - 1
    return i >= 0 and doc.protected[i][0] < offset < doc.protected[i][1]


def empties_a_block(doc: Document, fix: Fix) -> bool:
    """Whether a fix deletes all the prose of one segment (a paragraph, an item, a cell, a msgstr)."""
    deleted = [(e.start, e.end) for e in fix.edits if e.end > e.start and not e.replacement.strip()]
    if not deleted:
        return False
    firsts, lasts = _segment_extents(doc)
    for a, b in deleted:
        i = bisect.bisect_left(firsts, a)
        while i < len(firsts) and firsts[i] < b:
            if lasts[i] <= b:
                return True
            i += 1
    return False


def _segment_extents(doc: Document) -> tuple[list[int], list[int]]:
    """Each segment's first and last Source offsets, ordered by the first."""
    memo = doc.memo.get("segment_extents")
    if memo is None:
        pairs = doc.segment_spans()
        memo = ([a for a, _ in pairs], [b for _, b in pairs])
        doc.memo["segment_extents"] = memo
    return memo  # type: ignore[no-any-return]


def empties_an_html_text(doc: Document, fix: Fix) -> bool:
    """Whether a fix deletes every visible character between two tags of an HTML file (the text of a
    link, a list item, a cell). The structure check would undo that pass (an element left without its
    text), at the cost of parsing the page again for every half of the pass; a fix known to do it is
    never offered."""
    text = doc.text
    for e in fix.edits:
        if e.end <= e.start or e.replacement.strip():
            continue
        left = text.rfind(">", 0, e.start) + 1
        right = text.find("<", e.end)
        right = len(text) if right < 0 else right
        if text[left:e.start].strip() or text[e.end:right].strip():
            continue
        if text[e.start:e.end].strip():
            return True
    return False


def guarded_fix(doc: Document, fix: Fix) -> Fix | None:
    """The fix as the engine may offer it, or None: one that touches markup is dropped, and so is one that
    empties a whole block of a marked-up file (a paragraph, a list item, an element's text, a msgstr),
    which always changes the file's structure. In plain text a block is just lines: deleting a line that
    is nothing but furniture is the rule's to judge."""
    if touches_markup(doc, fix):
        return None
    if doc.format not in _PLAIN and empties_a_block(doc, fix):
        return None
    if doc.format == "html" and empties_an_html_text(doc, fix):
        return None
    return fix


# --- after a fix pass ---------------------------------------------------------------------------

def structure(doc: Document) -> Any:
    """A comparable signature of everything but the prose, as the format's own parser reads it."""
    if "structure" not in doc.memo:
        reader = _STRUCTURE.get(doc.format) or _declared_structure(doc.format)
        try:
            doc.memo["structure"] = reader(doc) if reader is not None else None
        except Exception as exc:  # the format's own parser rejects the text: no structure to match
            doc.memo["structure"] = ("unreadable", type(exc).__name__)
    return doc.memo["structure"]


def _declared_structure(fmt: str) -> Callable[[Document], Any] | None:
    from lint.formats import FORMATS

    return FORMATS[fmt].structure if fmt in FORMATS else None


def structure_kept(before: Document, after: Document) -> bool:
    return structure(before) == structure(after)


def html_structure(text: str, prose_attributes: Sequence[str] = ("alt", "title")) -> list[tuple[Any, ...]]:
    """The HTML parser's events besides text: start and end tags with their attributes (the values of
    attributes read as prose left out), comments, declarations, and the text of code, pre, script and
    style, which is not prose. Between two events, whether there is any text: a fix may edit the words
    of an element, never leave it empty (a link with no text, a paragraph that is only its tags)."""
    parser = _structure_parser()({a.lower() for a in prose_attributes})
    parser.feed(text)
    parser.close()
    parser.event("eof")
    # Text of a verbatim element can come in several calls: join the runs.
    merged: list[tuple[Any, ...]] = []
    for ev in parser.events:
        if ev[0] == "data" and merged and merged[-1][0] == "data":
            merged[-1] = ("data", merged[-1][1] + ev[1])
        else:
            merged.append(ev)
    return merged


_VERBATIM_HTML = frozenset({"script", "style", "code", "pre", "kbd", "samp", "textarea", "template", "svg", "math",
                            "noscript", "var"})


def _without_prose(attrs: list[tuple[str, str | None]], prose: set[str]) -> tuple[tuple[str, str | None], ...]:
    """The attributes with the values of those read as prose left out."""
    return tuple((k, None if k in prose else v) for k, v in attrs)


class _StructureEvents:
    """The handlers of the HTML parser that ``html_structure`` feeds, and the events they record. Mixed
    into the HTML reader's parser on first use (``_structure_parser``): that reader is imported only
    when an HTML document is checked."""

    cdata_elem: str | None  # the HTML parser's: inside script or style

    def __init__(self, prose: set[str]) -> None:
        super().__init__(convert_charrefs=True)  # type: ignore[call-arg]
        self.prose = prose
        self.events: list[tuple[Any, ...]] = []
        self.verbatim_depth = 0
        self.text_seen = False

    def event(self, *ev: Any) -> None:
        if self.text_seen:
            self.events.append(("text",))
            self.text_seen = False
        self.events.append(ev)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.event("start", tag, _without_prose(attrs, self.prose))
        if tag in _VERBATIM_HTML:
            self.verbatim_depth += 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.event("startend", tag, _without_prose(attrs, self.prose))

    def handle_endtag(self, tag: str) -> None:
        self.event("end", tag)
        if tag in _VERBATIM_HTML and self.verbatim_depth:
            self.verbatim_depth -= 1

    def handle_data(self, data: str) -> None:
        if self.verbatim_depth or self.cdata_elem:
            self.event("data", _lf(data))
        elif not self.text_seen and not data.isspace():
            self.text_seen = True

    def handle_comment(self, data: str) -> None:
        self.event("comment", _lf(data))

    def handle_decl(self, decl: str) -> None:
        self.event("decl", decl)

    def handle_pi(self, data: str) -> None:
        self.event("pi", data)

    def unknown_decl(self, data: str) -> None:
        self.event("unknown", data)


@lru_cache(maxsize=1)
def _structure_parser() -> Any:
    """The parser class ``html_structure`` feeds, made on first use."""
    from lint.formats.html import TolerantParser  # `<![-- x -->` is a bogus comment, not an AssertionError

    class StructureParser(_StructureEvents, TolerantParser):
        pass

    return StructureParser


def _html(doc: Document) -> Any:
    return html_structure(doc.text, doc.memo.get("prose_attributes", ("alt", "title")))


# Markdown nodes whose text is not prose (compared whole), and nodes that are only prose.
_MD_VERBATIM = frozenset({"code_inline", "fence", "code_block", "html_block", "html_inline", "math_block",
                          "math_inline", "autolink"})
_MD_PROSE = frozenset({"text", "softbreak"})


def markdown_structure(text: str, mdx: bool = False) -> list[tuple[Any, ...]]:
    """markdown-it's node tree in document order, without the prose: each node's name, depth, attributes
    (link targets, fence info) and whether it holds any words (a fix may edit the words of a link or an
    item, never leave it empty); code and HTML with their text. Front matter compares as the YAML it
    holds with its strings left out (named keys' values are prose)."""
    from lint.formats.markdown import syntax_tree  # markdown-it-pyrs, or markdown-it-py where it panics

    out: list[tuple[Any, ...]] = []

    def walk(node: Any, depth: int) -> bool:
        """Adds the node and its children; whether it holds any words."""
        name = node.name
        if name in _MD_PROSE:
            return name == "text" and not node.meta.get("content", "").isspace()
        meta = dict(node.meta)
        content = meta.pop("content", None)
        if name == "front_matter":
            out.append((depth, name, _yaml_shape(content or "")))
            return False
        if name == "code_inline":
            content = "".join(c.meta.get("content", "") for c in node.children)
            out.append((depth, name, (), _lf(content)))
            return False
        at = len(out)
        out.append(())
        words = False
        for child in node.children:
            words = walk(child, depth + 1) or words
        out[at] = (depth, name, tuple(sorted((k, str(v)) for k, v in meta.items())),
                   _lf(content) if name in _MD_VERBATIM and content is not None else None, words)
        return words

    walk(syntax_tree(text, mdx=mdx)[0], 0)
    return out


def _markdown(doc: Document) -> Any:
    return markdown_structure(doc.text)


def _yaml_shape(text: str) -> Any:
    """YAML as data with every string value left out (keys and other values kept); the text itself
    where it is not YAML that loads."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        data = yaml.load(text, Loader=loader)
    except yaml.YAMLError:
        return ("unparsed", _lf(text))
    return _shape(data)


def _shape(value: Any) -> Any:
    if isinstance(value, dict):
        return tuple((str(k), _shape(v)) for k, v in value.items())
    if isinstance(value, list):
        return tuple(_shape(v) for v in value)
    return None if isinstance(value, str) else repr(value)


def json_structure(text: str) -> Any:
    import json

    def pairs(items: list[tuple[str, Any]]) -> tuple[Any, ...]:
        return tuple((k, v) for k, v in items)

    data = json.loads(text, object_pairs_hook=pairs)
    return _json_shape(data)


def _json_shape(value: Any) -> Any:
    if isinstance(value, tuple):  # an object, as its pairs
        return tuple((k, _json_shape(v)) for k, v in value)
    if isinstance(value, list):
        return ["list", *(_json_shape(v) for v in value)]
    return None if isinstance(value, str) else repr(value)


def po_structure(text: str) -> Any:
    """Every entry's context, msgid, plural msgid, flags, references and comments, the header's
    metadata, and whether it is obsolete: all but the translations."""
    import polib

    from lint.formats.po import polib_text

    catalogue = polib.pofile(polib_text(text))  # U+2028 and friends in a string, which polib splits at
    entries = [(e.msgctxt, e.msgid, e.msgid_plural, e.obsolete, tuple(e.flags), tuple(e.occurrences), e.comment,
                e.tcomment, e.previous_msgid, len(e.msgstr_plural)) for e in catalogue]
    return (tuple(sorted(catalogue.metadata.items())), _lf(catalogue.header), entries)


def xliff_structure(text: str) -> Any:
    """The XML tree in document order: tags, attributes and text, except the text inside targets (the
    translations), whose inline tags are still compared."""
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    root = etree.fromstring(text.encode("utf-8"), parser)
    out: list[tuple[Any, ...]] = []
    inside: set[Any] = set()
    for el in root.iter():
        tag = el.tag if isinstance(el.tag, str) else str(el.tag)
        parent = el.getparent()
        in_target = parent is not None and parent in inside
        if tag.rsplit("}", 1)[-1] == "target" or in_target:
            inside.add(el)
        mine = el in inside
        out.append((tag, tuple(sorted(el.attrib.items())) if hasattr(el, "attrib") else (),
                    None if mine else _lf(el.text or "").strip(), None if in_target else _lf(el.tail or "").strip()))
    return out


def yaml_structure(text: str) -> Any:
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return _shape(yaml.load(text, Loader=loader))


_TIMING = compiled_on_use(r"^[^\r\n]*-->[^\r\n]*$", re.MULTILINE)


def subtitle_structure(text: str) -> Any:
    """The cues' timings (with their settings) and what is not cue text, in order."""
    return [line.strip() for line in _TIMING.findall(text)]


# reST inline markup by its shape (the words inside may change, the markup may not): inline literals, roles,
# phrase and word references, footnote references, substitutions, strong, emphasis.
_RST_INLINE = compiled_on_use(
    r"(?P<literal>``(?=\S).+?``)|(?P<role>:[\w.+-]+:`)|(?P<phrase>`[^`]+`_{1,2})|(?P<interpreted>`[^`]+`)"
    r"|(?P<footnote>\[[#*]?[\w-]*\]_)|(?P<substitution>\|(?=\S)[^|]+\|_{0,2})|(?P<strong>\*\*(?=\S)[^*]+\*\*)"
    r"|(?P<emphasis>\*(?=\S)[^*]+\*)|(?P<reference>(?<![\w`])[\w.-]*\w__?(?![\w`]))")


def _protected_and_blocks(doc: Document) -> Any:
    """A marked-up format read by our own reader alone (reST): the non-prose text in order, the blocks'
    kinds (a deleted paragraph, a merged list item, a changed directive or literal), and the shapes of the
    inline markup (a role, a reference `Word_` whose word a fix would delete)."""
    text = doc.text
    return ([_LINE_BREAKS.sub("\n", text[a:b]).strip() for a, b in doc.protected if text[a:b].strip()],
            [seg.kind for seg in doc.segments],
            [m.lastgroup for m in _RST_INLINE.finditer(text)])


def _subtitles(doc: Document) -> Any:
    return subtitle_structure(doc.text)


_STRUCTURE: dict[str, Callable[[Document], Any]] = {
    "html": _html,
    "markdown": _markdown,
    "rst": _protected_and_blocks,
    "po": lambda doc: po_structure(doc.text),
    "xliff": lambda doc: xliff_structure(doc.text),
    "i18n-json": lambda doc: json_structure(doc.text),
    "i18n-yaml": lambda doc: yaml_structure(doc.text),
    "srt": _subtitles,
    "vtt": _subtitles,
}

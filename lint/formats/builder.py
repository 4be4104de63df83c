"""Building a Segment piece by piece, keeping each character's place in the Source.

Format parsers add text that stands for itself (``add``: it is in the Source verbatim from ``at``),
and characters that stand for other bytes (``add_opaque``: an entity, an escape, a placeholder for
inline code or markup); the builder joins them with one anchor per run. URLs and e-mail addresses are
masked when the segment is built: they are not prose, and rules must not read their dots as sentence
ends.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from operator import gt, itemgetter, le

from lint.model import Segment, Suppression, in_ranges
from lint.patterns import compiled, compiled_on_use

PLACEHOLDER = "\ufffc"
# Software placeholders in message catalogues (gettext, Python, .NET, ICU simple arguments, Mustache):
# syntax, not prose, in the formats whose strings are templates by design.
# printf's space flag is left out: "50% discount" and "a 5% increase" are prose, not "% d" and "% i".
# A printf conversion after its `%` and argument position: flags, width, precision, the length modifier
# (`%ld`, `%zu`, `%lld`: C's, which a catalogue's strings carry as often as the bare types), the type.
PRINTF_SPEC = r"[-+0#]*\d*(?:\.\d+)?(?:hh|ll|[hljztLq])?[sdifuxXeEgGc@]"
# (Through the kept patterns, ``lint.patterns``: a real pattern, which other modules import by name.)
TEMPLATE_PLACEHOLDER = compiled(
    r"\{\{[^{}]*\}\}|%(?:\d+\$)?" + PRINTF_SPEC + r"|%\([\w.]+\)[sdif]|\{\d+\}|\{[a-zA-Z_][\w.]*\}"
)  # OBJECT REPLACEMENT CHARACTER: stands for inline code, a URL, inline markup
# A URL may hold balanced parentheses (Wikipedia's `Foo_(bar)`); it does not end with punctuation. Its body
# is a run of plain characters between the groups in parentheses (not a choice per character, which the
# engine steps through four times slower: 9,104 URLs in the PEPs): the same matches, tried in the same order.
_WEB_SOURCE = (
    r"\b(?:https?://|ftp://|www\.)[^\s<>\"'`()]*(?:\([^\s<>\"'`()]*\)[^\s<>\"'`()]*)*(?:[^\s<>\"'`.,;:!?()\]}»”’]|\([^\s<>\"'`()]*\))"
)
_URL = compiled_on_use(_WEB_SOURCE + r"|\b[\w.+-]+@[\w-]+\.[\w.-]*\w")

# What every match of _URL holds, and what ends a word.
_URL_MARK = compiled_on_use(r"://|www\.|@")
_SPACE = compiled_on_use(r"\s")
# _URL's two branches, read apart (``url_matches``): a web address; an e-mail address's `@` and domain, after
# at least one character of its name.
_WEB = compiled_on_use(_WEB_SOURCE)
_EMAIL_AT = compiled_on_use(r"(?<=[\w.+-])@[\w-]+\.[\w.-]*\w")
_NAME_RUN = compiled_on_use(r"[\w.+-]*")
_WORD_CHAR = compiled_on_use(r"\w")
_NON_WORD = compiled_on_use(r"\W")
_BRACE = compiled_on_use(r"[{}]")
# The head of an ICU plural or select argument up to its first selector (`{count, plural,`), the kind its group.
ICU_COMPLEX = compiled_on_use(r"\{\s*[\w.]+\s*,\s*(plural|selectordinal|select)\s*,")


class SegmentBuilder:
    __slots__ = ("anchors", "kind", "length", "next_src", "opaque", "parts")

    def __init__(self, kind: str) -> None:
        self.kind = kind
        self.parts: list[str] = []
        self.anchors: list[tuple[int, int]] = []
        self.opaque: list[tuple[int, int]] = []
        self.length = 0
        # The Source offset right after the last verbatim character: public, as the Markdown reader's hot
        # loop does the steps of ``add`` on these fields itself.
        self.next_src: int | None = None

    def add(self, text: str, at: int) -> None:
        """Text that is in the Source verbatim, starting at offset ``at``."""
        if not text:
            return
        n = len(text)
        if self.next_src != at:
            self.anchors.append((self.length, at))
        self.parts.append(text)
        self.length += n
        self.next_src = at + n

    def add_opaque(self, text: str, at: int) -> None:
        """Characters that stand for other bytes of the Source starting at ``at`` (mapped there, never fixed)."""
        if not text:
            return
        length = self.length
        self.anchors.append((length, at))
        self.length = length + len(text)
        self.opaque.append((length, self.length))
        self.parts.append(text)
        self.next_src = None

    def build(self, index: int, strip: bool = True) -> Segment | None:
        return segment_of("".join(self.parts), self.kind, self.anchors, self.opaque, index, strip)


def segment_of(text: str, kind: str, anchors: list[tuple[int, int]], opaque: list[tuple[int, int]], index: int,
               strip: bool = True) -> Segment | None:
    """The Segment a builder makes of its text, anchors (first at 0, increasing, one per run) and opaque
    ranges: URLs masked, surrounding whitespace left out (``strip``), None when nothing is prose."""
    if "://" in text or "www." in text or "@" in text:
        text, opaque = mask_urls(text, opaque)
    if strip and text and (text[0].isspace() or text[-1].isspace()):
        lead = len(text) - len(text.lstrip())
        trail = len(text.rstrip())
        text, anchors, opaque = _slice(text, anchors, opaque, lead, trail)
    first = text[:1]
    if not anchors or not first:
        return None
    # Nothing but placeholders and whitespace is no prose (a text that starts with another character is).
    if (first == PLACEHOLDER or first.isspace()) and not text.replace(PLACEHOLDER, "").strip():
        return None
    # (Every argument by position: a keyword makes the call to the class take its slow path, some 800
    # instructions, and a reader makes a Segment per paragraph.)
    return Segment(text, kind, tuple(anchors), index, None, None, tuple(opaque))


def mask_urls(text: str, opaque: list[tuple[int, int]]) -> tuple[str, list[tuple[int, int]]]:
    """URLs and e-mail addresses are not prose: each character becomes a placeholder (same length, so
    the map to the Source is unchanged) and the span is opaque."""
    spans = _url_spans(text)
    if not spans:
        return text, opaque
    parts: list[str] = []
    pos = 0
    for s, e in spans:
        parts.append(text[pos:s])
        parts.append(PLACEHOLDER * (e - s))
        pos = e
    parts.append(text[pos:])
    return "".join(parts), sorted([*opaque, *spans])


def _url_spans(text: str) -> list[tuple[int, int]]:
    """Where ``_URL`` matches in ``text``, as its ``finditer`` finds them. Every match holds `://`, `www.`
    or `@` and no whitespace, so the pattern is run only over the words around those marks (from after
    a space or line break to before the next): the engine stops at every character where a pattern
    opens with a choice (`\\b`, then alternatives), which over a whole paragraph costs far more. The marks
    are found with the string's ``find`` (in C, a few instructions a character), each mark's next place
    kept until the words read pass it: no two marks overlap, so these are the places ``_URL_MARK`` finds
    (which stopped at every character, some 80 instructions each)."""
    spans: list[tuple[int, int]] = []
    scanned = 0  # the text before it has been searched
    colon, www, sign = text.find("://"), text.find("www."), text.find("@")
    while True:
        # The next mark at or after ``scanned``, and where it ends.
        if 0 <= colon < scanned:
            colon = text.find("://", scanned)
        if 0 <= www < scanned:
            www = text.find("www.", scanned)
        if 0 <= sign < scanned:
            sign = text.find("@", scanned)
        at, after = colon, colon + 3
        if www >= 0 and (at < 0 or www < at):
            at, after = www, www + 4
        if sign >= 0 and (at < 0 or sign < at):
            at, after = sign, sign + 1
        if at < 0:
            return spans
        start = max(text.rfind(" ", scanned, at), text.rfind("\n", scanned, at)) + 1 or scanned
        end = _SPACE.search(text, after)
        scanned = len(text) if end is None else end.start()
        spans.extend(url_matches(text, start, scanned))


def _web_search(text: str, pos: int, end: int) -> re.Match[str] | None:
    """``_WEB.search(text, pos, end)``, tried only from the first place a web address can start (`http`,
    `ftp://` or `www.`, found with ``find``): before it the engine tried its opening `\\b` and choice at
    every character."""
    first = -1
    for head in ("http", "ftp://", "www."):
        found = text.find(head, pos, end)
        if found >= 0 and (first < 0 or found < first):
            first = found
    return None if first < 0 else _WEB.search(text, first, end)


def url_matches(text: str, pos: int, end: int) -> list[tuple[int, int]]:
    """The spans ``finditer(text, pos, end)`` gives for ``_WEB|\\b[\\w.+-]+`` + ``_EMAIL_AT`` (read from an
    address's `@` on): the leftmost match, ``_WEB``'s on a tie, and on from its end. The engine tried the
    address from every offset of a run of name characters and read the run to its end from each (26 s on
    a word of 40,000 `a.`); here each `@` is found once and its name read back from it once."""
    out: list[tuple[int, int]] = []
    url, mail = _web_search(text, pos, end), email_match(text, pos, end, _EMAIL_AT)
    while url is not None or mail is not None:
        span = url.span() if url is not None and (mail is None or url.start() <= mail[0]) else mail
        assert span is not None
        out.append(span)
        pos = span[1]
        if url is not None and url.start() < pos:
            url = _web_search(text, pos, end)
        if mail is not None and mail[0] < pos:
            mail = email_match(text, pos, end, _EMAIL_AT)
    return out


def email_match(text: str, pos: int, end: int, at: re.Pattern[str]) -> tuple[int, int] | None:
    """The span of ``search(text, pos, end)`` for ``\\b[\\w.+-]+`` + ``at``: the name is the run of name
    characters before the first `@` where ``at`` matches whose run (from ``pos`` on) holds a word
    boundary, from the first one; what ``at`` matches does not depend on where the name starts. ``at``
    matches from an `@` (after a lookbehind at most, which reads before its start as a search does): each
    `@` is found with ``find`` and ``at`` matched there, where a search tried ``at`` at every character."""
    low = pos  # no name reaches back past it: the start, or the last `@` tried
    while True:
        sign = text.find("@", low, end)
        if sign < 0:
            return None
        m = at.match(text, sign, end)
        if m is None:
            low = sign + 1
            continue
        start = sign - _NAME_RUN.match(text[low:sign][::-1]).end()  # type: ignore[union-attr]
        first = _first_boundary(text, start, sign)
        if first is not None:
            return first, m.end()
        low = sign + 1


def _first_boundary(text: str, start: int, end: int) -> int | None:
    """The first offset in ``range(start, end)`` where ``\\b`` holds (it reads the character before
    ``start``, as the engine does), or None."""
    if start >= end:
        return None
    here = _WORD_CHAR.match(text, start) is not None
    if here != (start > 0 and _WORD_CHAR.match(text, start - 1) is not None):
        return start
    change = (_NON_WORD if here else _WORD_CHAR).search(text, start, end)
    return None if change is None else change.start()


def _slice(text: str, anchors: list[tuple[int, int]], opaque: list[tuple[int, int]], start: int,
           end: int) -> tuple[str, list[tuple[int, int]], list[tuple[int, int]]]:
    """text[start:end] with its anchors and opaque ranges (anchors start at 0 and increase)."""
    new_anchors: list[tuple[int, int]] = []
    n = len(anchors)
    for i in range(n):
        a_seg, a_src = anchors[i]
        a_end = anchors[i + 1][0] if i + 1 < n else len(text)
        lo = a_seg if a_seg > start else start
        hi = a_end if a_end < end else end
        if lo < hi:
            new_anchors.append((lo - start, a_src + lo - a_seg))
    new_opaque = [(max(s, start) - start, min(e, end) - start) for s, e in opaque if s < end and e > start]
    return text[start:end], new_anchors, new_opaque


def repeated_branches(value: str, selector: re.Pattern[str]) -> dict[int, int]:
    """The bodies of ICU plural and select branches that say word for word what an earlier branch of the same
    argument says (`few {# plików} many {# plików} other {# plików}`), as start -> end (the body's closing
    brace): the branches are alternatives, one of them shown, and Polish or Russian repeat a form in several;
    read one after another they are a repeated word or a loop no reader sees. The first is read, the
    others are not prose. ``selector`` matches a selector with its opening brace (` other {`), as the
    catalogue's reader reads one."""
    closing = _closing_braces(value)
    dropped: dict[int, int] = {}
    for head in ICU_COMPLEX.finditer(value):
        seen: set[str] = set()
        at = head.end()
        while (branch := selector.match(value, at)) is not None:
            start = branch.end()
            end = closing.get(start - 1, -1)
            if end < 0:
                break
            body = value[start:end].strip()
            if body in seen:
                dropped[start] = end
            seen.add(body)
            at = end + 1
    return dropped


def _closing_braces(value: str) -> dict[int, int]:
    """Each brace of ``value`` that closes, by where it opens -> where it closes (one pass: a hostile string
    of openings costs no more than its length)."""
    opened: list[int] = []
    closing: dict[int, int] = {}
    for m in _BRACE.finditer(value):
        if m.group() == "{":
            opened.append(m.start())
        elif opened:
            closing[opened.pop()] = m.start()
    return closing


def merge_ranges(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted, non-overlapping ranges (what ``Document.protected`` must be)."""
    # The usual case, ranges already in order, apart and not reversed, checked without a Python loop.
    range_starts = list(map(itemgetter(0), ranges))
    range_ends = list(map(itemgetter(1), ranges))
    if all(map(le, range_starts, range_ends)) and all(map(gt, range_starts[1:], range_ends)):
        return list(ranges)
    out: list[tuple[int, int]] = []
    for a, b in sorted(ranges):
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def complement(ranges: list[tuple[int, int]], length: int) -> list[tuple[int, int]]:
    """The parts of [0, length) that sorted ``ranges`` leave out (what is not prose, from what is)."""
    out: list[tuple[int, int]] = []
    pos = 0
    for a, b in ranges:
        if a > pos:
            out.append((pos, a))
        pos = max(pos, b)
    if pos < length:
        out.append((pos, length))
    return out


def switch_codes(arg: str) -> frozenset[str] | None:
    """The codes a switch names (`S102, T1`), or None for a switch that names none (all rules)."""
    return frozenset(c for c in re.split(r"[\s,]+", arg) if c) or None


# Other prose linters' switches that turn every one of their rules off and on again, in HTML comments:
# textlint's comment filter (`<!-- textlint-disable -->` … `<!-- textlint-enable -->`) and Vale's
# (`<!-- vale off -->` … `<!-- vale on -->`). A switch that names rules of its own linter
# (`<!-- textlint-disable prh -->`, `<!-- vale Microsoft.Passive = NO -->`) says nothing of ours.
PEER_SWITCH_TOOLS = ("textlint", "vale")
_PEER_SWITCH_WORDS = {"textlint": r"textlint-(disable|enable)", "vale": r"vale\s+(off|on)"}
_PEER_SWITCH = {tool: compiled_on_use(rf"<!--\s*{words}\s*-->") for tool, words in _PEER_SWITCH_WORDS.items()}
# MDX has no HTML comments: the same switches as JavaScript comments in an expression (`{/* vale off */}`),
# each comment closed as it opened (the group that matched is the last one).
_MDX_PEER_SWITCH = {tool: compiled_on_use(rf"<!--\s*{words}\s*-->|\{{/\*\s*{words}\s*\*/\s*\}}")
                    for tool, words in _PEER_SWITCH_WORDS.items()}


def peer_suppressions(text: str, line_starts: Callable[[], Sequence[int]], tools: Iterable[str],
                      code: Iterable[tuple[int, int]] = (), mdx: bool = False) -> list[Suppression]:
    """The regions where the authors turned another prose linter off entirely (``PEER_SWITCH_TOOLS``):
    text they marked as not for linting (a style guide's "wrong" example, a quotation kept as written),
    silenced for every copylint rule but the C family, as copylint's own blanket switch is. An
    unclosed region runs to the end of the file. A switch inside ``code`` (the file's code blocks:
    a page that documents the syntax) switches nothing. ``line_starts``: the text's line starts, asked for
    only where a region opens (a string made per line: most pages that name a tool, `equivalent` holds
    `vale`, open none)."""
    import bisect

    out: list[Suppression] = []
    blocks = sorted(code)
    for tool in tools:
        opened: tuple[int, int] | None = None
        if tool not in text:
            continue
        for m in (_MDX_PEER_SWITCH if mdx else _PEER_SWITCH)[tool].finditer(text):
            if in_ranges(blocks, m.start()):
                continue
            if m.group(m.lastindex or 1) in ("disable", "off"):
                if opened is None:
                    opened = (m.end(), bisect.bisect_right(line_starts(), m.start()))
            elif opened is not None:
                out.append(Suppression(opened[0], m.start(), None, opened[1], peer=tool))
                opened = None
        if opened is not None:
            out.append(Suppression(opened[0], len(text) + 1, None, opened[1], peer=tool))
    return out


# A switch as suppressions_from reads it: where it starts and ends, its kind (disable, disable-next-line,
# disable-file or enable), where the codes it names start and end.
Switch = tuple[int, int, str, int, int]
SwitchFinder = Callable[[str], Iterable[Switch]]
SWITCH_KIND = r"copylint-(disable-next-line|disable-file|disable|enable)\b"
# `<!--\s*copylint-KIND\b([^>]*?)-->`, the switch in an HTML or XML comment, read in two parts: the opening,
# then the codes up to the first `>`, which must close `-->`.
_COMMENT_OPENING = compiled_on_use(r"<!--\s*" + SWITCH_KIND)
_COMMENT_END = compiled_on_use(">")


def pattern_switches(switch: re.Pattern[str]) -> SwitchFinder:
    """The switches ``switch`` matches (the last two groups that matched: the kind, the codes), for a pattern
    that reads a switch on its own line (reST's `.. copylint-…`, a properties file's `# copylint-…`)."""
    def find(text: str) -> Iterator[Switch]:
        for m in switch.finditer(text):
            last = m.lastindex or 2
            yield m.start(), m.end(), m.group(last - 1), m.start(last), m.end(last)
    return find


def comment_switches(text: str) -> Iterator[Switch]:
    """Each switch `<!--\\s*copylint-KIND\\b([^>]*?)-->` matches at an opening, those that overlap one before
    them included (``suppressions_from`` leaves them out, as ``finditer`` does). The codes end at the first
    `>`, which is looked for once for all the openings before it: the pattern read from each opening to it
    (a line of 8,000 openings and no `>`: 16 s, issue 18)."""
    close = -1
    for m in _COMMENT_OPENING.finditer(text):
        at = m.end()
        if close < at:
            found = _COMMENT_END.search(text, at)
            if found is None:
                return
            close = found.start()
        if close - 2 >= at and text.startswith("--", close - 2):
            yield m.start(), close + 1, m.group(1), at, close - 2


def suppressions_from(text: str, starts: Sequence[int], switches: SwitchFinder,
                      code: Iterable[tuple[int, int]] = ()) -> list[Suppression]:
    """Inline switches (``switches``: those of the text, in order of their start; one that starts inside the
    one before it is left out) as the ranges they cover. An enable without codes closes every open disable.
    A switch inside ``code`` (the file's code blocks: a page that documents the syntax) switches nothing."""
    import bisect

    out: list[Suppression] = []
    open_at: dict[frozenset[str] | None, tuple[int, int]] = {}
    blocks = sorted(code)
    after = 0
    for start, end, kind, codes_start, codes_end in switches(text):
        if start < after:
            continue
        after = end
        if in_ranges(blocks, start):
            continue
        codes = switch_codes(text[codes_start:codes_end].strip())
        line = bisect.bisect_right(starts, start)
        if kind == "disable-file":
            out.append(Suppression(0, len(text) + 1, codes, line))
        elif kind == "disable-next-line":
            next_start = starts[line] if line < len(starts) else len(text)
            next_end = starts[line + 1] if line + 1 < len(starts) else len(text) + 1
            out.append(Suppression(next_start, next_end, codes, line))
        elif kind == "disable":
            open_at[codes] = (end, line)
        else:  # enable: closes the matching disable, or all when no codes are named
            keys = [codes] if codes in open_at else list(open_at) if codes is None else []
            for key in keys:
                at, at_line = open_at.pop(key)
                out.append(Suppression(at, start, key, at_line))
    for key, (at, at_line) in open_at.items():
        out.append(Suppression(at, len(text) + 1, key, at_line))
    return out

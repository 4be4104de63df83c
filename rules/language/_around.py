"""The language family's cheap look at the text around a mark: the sentence or line it is in (L102,
L103 judge a mark by it: an English message quoted inside a French page keeps English typography)."""

from __future__ import annotations

from lint.model import MARKDOWN_FORMATS, Document, Segment
from lint.patterns import compiled_on_use


def sentence_around(text: str, at: int) -> str:
    """The sentence (or line) around offset ``at``: from after the last line end or `. ` before it to
    the first one after it."""
    start = max(text.rfind("\n", 0, at), text.rfind(". ", 0, at)) + 1
    ends = [i for i in (text.find("\n", at), text.find(". ", at)) if i >= 0]
    return text[start:min(ends) if ends else len(text)]


# An element that shows a program's output: HTML's <samp> and <output>, and the components docs sites
# name for it (MDX <ConsoleBlock>, <ConsoleLogLine>, <TerminalOutput>, <LogLine>…). What it holds is what
# the program prints, in the program's language, whatever the page's.
_OUTPUT_TAG = compiled_on_use(r"<(samp|output|[A-Z][\w.]*)(?=[\s>/])[^>\n]*>")
_OUTPUT_NAME = compiled_on_use(r"(?:samp|output)\Z|Console|Terminal|Output|Log(?:s|[A-Z]|\Z)")
# How far back an output element's opening tag is looked for.
_OUTPUT_REACH = 4_000


def in_program_output(doc: Document, seg: Segment, at: int) -> bool:
    """Whether offset ``at`` of ``seg`` lies inside an element that shows a program's output (an English
    error message a French page quotes inside <ConsoleBlock level="error">). Asked only of a finding
    about to be made, so its cost (a look at the text before it) is paid rarely."""
    if doc.format != "html" and doc.format not in MARKDOWN_FORMATS:
        return False
    src = seg.to_source(at)
    text = doc.text
    openings = [m for m in _OUTPUT_TAG.finditer(text, max(0, src - _OUTPUT_REACH), src)
                if _OUTPUT_NAME.match(m.group(1)) or _OUTPUT_NAME.search(m.group(1), 1)]
    return any(not m.group().endswith("/>") and f"</{m.group(1)}>" not in text[m.end():src] for m in openings)


# How far a link's text may reach on either side of a mark, in the source (a title, never a paragraph).
_LINK_REACH = 200


def link_text_around(doc: Document, seg: Segment, at: int) -> str | None:
    """The text of the Markdown link around offset ``at`` of ``seg`` (`[What's new in Ruby 2.1?](…)`),
    read in the source, or None outside one: a link's text is often the title of the page it links to,
    written in that page's language. Asked only of a finding about to be made."""
    if doc.format not in MARKDOWN_FORMATS:
        return None
    src = seg.to_source(at)
    text = doc.text
    o = text.rfind("[", max(0, src - _LINK_REACH), src)
    if o < 0 or "]" in text[o:src] or "\n\n" in text[o:src]:
        return None
    c = text.find("](", src, src + _LINK_REACH)
    if c < 0 or "[" in text[src:c] or "\n\n" in text[src:c]:
        return None
    return text[o + 1:c]


_QUOTE_PAIRS = {"“": "”", "«": "»", "„": "“", "‘": "’", '"': '"'}


def quotation_around(text: str, at: int) -> str | None:
    """The quoted text around offset ``at`` on its line (“Hello, world!”), or None outside quotation marks."""
    span = quotation_span_around(text, at)
    return None if span is None else text[span[0] + 1:span[1]]


def quotation_span_around(text: str, at: int) -> tuple[int, int] | None:
    """Where the quotation marks around offset ``at`` on its line stand (the opening's offset, the closing's),
    or None outside quotation marks."""
    line_start = text.rfind("\n", 0, at) + 1
    line_end = text.find("\n", at)
    line_end = len(text) if line_end < 0 else line_end
    for opening, closing in _QUOTE_PAIRS.items():
        o = text.rfind(opening, line_start, at)
        if o < 0:
            continue
        if opening == closing and text.count(opening, line_start, o) % 2:
            continue  # that straight quote closes an earlier quotation
        c = text.find(closing, at, line_end)
        if c >= 0 and (opening == closing or text.rfind(closing, o + 1, at) < 0):
            return o, c
    return None

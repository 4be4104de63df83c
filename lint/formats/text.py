"""Plain text: every block of non-blank lines is one paragraph segment.

Lines inside a block stay in the segment with their newlines (hard-wrapped prose
is one paragraph); leading and trailing whitespace of the block is left out so
that rules see where the words start.
"""

from __future__ import annotations

from lint.formats import Format, FormatExample
from lint.formats.builder import mask_urls
from lint.model import Document, Segment, Source
from lint.patterns import compiled_on_use

# A block of lines that each hold a visible character; group 1 starts at its first one (the blanks
# before it, on the first line, are left out: ``\s`` is what ``str.strip`` strips). A match starts only where
# a run of blanks starts (the lookbehind): from inside a run that no visible character ends, the search read
# the rest of the run again from each blank (a line of n spaces: n**2 / 2 steps, 3.5 s at 16,000 through the
# CLI), and from inside a run that one ends, the match from the run's start was already taken.
_BLOCK = compiled_on_use(r"(?<![^\S\r\n])[^\S\r\n]*(\S[^\r\n]*(?:(?:\r\n|\r|\n)[^\r\n]*\S[^\r\n]*)*)")
# What parts two blocks where lines end in LF only: a line break, then lines of blanks, each ended. The
# pattern opens with a literal, so the engine skips from line break to line break in C, where _BLOCK
# steps through every character of every line in its loop. Its lines are read possessively (each can be read
# one way only): `re` keeps a backtracking state for each line of a greedy run, some 150 bytes, 300 MB for a
# gap of two million blank lines.
_GAP = compiled_on_use(r"(\n(?:[^\S\n]*+\n)++)")


def segments_of(text: str, offset: int = 0, kind: str = "paragraph", start_index: int = 0) -> list[Segment]:
    """Paragraph segments of a stretch of plain text that starts at ``offset`` in the Source."""
    if "\r" in text:
        return _segments_of_any_lines(text, offset, kind, start_index)
    out: list[Segment] = []
    index = start_index
    at = offset
    # The blocks and the gaps between them, in turn: the blocks, stripped, are the blocks _BLOCK finds
    # (blank lines are only at the text's start or end of a part, which ``strip`` leaves out).
    parts = _GAP.split(text)
    parts.append("")
    for block, gap in zip(parts[::2], parts[1::2], strict=True):
        stripped = block.strip()
        if stripped:
            start = at + block.index(stripped[0]) if block[0].isspace() else at
            out.append(_paragraph(stripped, kind, start, index))
            index += 1
        at += len(block) + len(gap)
    return out


def _segments_of_any_lines(text: str, offset: int, kind: str, start_index: int) -> list[Segment]:
    """``segments_of`` for text whose lines may end in CR or CRLF."""
    out: list[Segment] = []
    index = start_index
    for m in _BLOCK.finditer(text):
        stripped = m.group(1)
        if stripped[-1].isspace():
            stripped = stripped.rstrip()
        out.append(_paragraph(stripped, kind, offset + m.start(1), index))
        index += 1
    return out


def _paragraph(text: str, kind: str, start: int, index: int) -> Segment:
    """The segment of one stripped block at ``start`` in the Source, its URLs and e-mail addresses
    masked (asked first of the marks one must hold: most paragraphs have none). Every argument by position:
    a keyword makes the call to the class take its slow path."""
    if "://" in text or "www." in text or "@" in text:
        masked, opaque = mask_urls(text, [])
        return Segment(masked, kind, ((0, start),), index, None, None, tuple(opaque))
    return Segment(text, kind, ((0, start),), index)


def parse(source: Source) -> Document:
    return Document(source, "text", segments_of(source.text))


FORMAT = Format(
    name='text',
    title='plain text',
    reader=parse,
    extensions=(".txt", ".text"),
    language_ids=("plaintext", "text"),
    claims='and any file named explicitly',
    prose='paragraphs (blocks of non-blank lines)',
    not_prose='URLs and e-mail addresses',
    examples=(
        FormatExample(
            'First paragraph,\nstill the first.\n\nSee https://example.com for more.\n',
            segments=('First paragraph,\nstill the first.', 'See \ufffc\ufffc\ufffc\ufffc\ufffc\ufffc\ufffc\ufffc\ufffc\ufffc\ufffc\ufffc\ufffc\ufffc\ufffc\ufffc\ufffc\ufffc\ufffc for more.'),
        ),
    ),
)

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

_BLOCK = compiled_on_use(r"[^\r\n]*\S[^\r\n]*(?:(?:\r\n|\r|\n)[^\r\n]*\S[^\r\n]*)*")


def segments_of(text: str, offset: int = 0, kind: str = "paragraph", start_index: int = 0) -> list[Segment]:
    """Paragraph segments of a stretch of plain text that starts at ``offset`` in the Source."""
    out: list[Segment] = []
    for m in _BLOCK.finditer(text):
        block = m.group()
        stripped = block.strip()
        lead = len(block) - len(block.lstrip())
        seg = Segment.contiguous(stripped, kind, offset + m.start() + lead, start_index + len(out))
        if "://" in stripped or "www." in stripped or "@" in stripped:
            masked, opaque = mask_urls(stripped, [])
            seg = Segment(masked, kind, seg.anchors, seg.index, opaque=tuple(opaque))
        out.append(seg)
    return out


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

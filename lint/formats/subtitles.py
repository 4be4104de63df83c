"""Subtitles: SubRip (.srt) and WebVTT (.vtt). Each cue's text is one prose segment (kind ``cue``).

Not prose: the cue index, the timing line and its cue settings, the WEBVTT header, NOTE, STYLE and
REGION blocks, cue identifiers, and tags inside cue text (`<i>`, `<b>`, `<c.yellow>`, `<00:01.500>`,
`{\\an8}`), which stand as a placeholder (U+FFFC). A timing line that does not parse is an error with
its line number: a subtitle file with a broken timing will not play.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lint.formats import Format, FormatExample, ParseError
from lint.formats.builder import PLACEHOLDER, SegmentBuilder, merge_ranges
from lint.model import Document, Segment, Source
from lint.patterns import compiled_on_use
from lint.scan import closed_matches

_TIME_SRT = r"\d{1,2}:\d{2}:\d{2}[,.]\d{3}"
_TIME_VTT = r"(?:\d{1,2}:)?\d{2}:\d{2}\.\d{3}"
_TIMING = {
    "srt": re.compile(rf"^\s*{_TIME_SRT}\s*-->\s*{_TIME_SRT}(?:\s+.*)?$"),
    "vtt": re.compile(rf"^\s*{_TIME_VTT}\s*-->\s*{_TIME_VTT}(?:\s+.*)?$"),
}
_LOOKS_LIKE_TIMING = compiled_on_use(r"-->")
_TAG = compiled_on_use(r"</?[a-zA-Z][^>]*>|<\d[\d:.]*>|\{\\[^}]*\}")
# Where a tag may start, for ``closed_matches``: a line of `<z` or `{\` that nothing closes was searched for
# _TAG from each of them to the line's end (a cue line of 128,000 characters: 7.5 s).
_TAG_OPENING = compiled_on_use(r"</?[a-zA-Z]|<\d|\{\\")
_EOL = compiled_on_use(r"\r\n|\r|\n")


def _tag_closer(opening: str) -> str:
    return "}" if opening == "{\\" else ">"


def _tags(line: str) -> Iterator[re.Match[str]]:
    """``_TAG.finditer(line)``."""
    return closed_matches(_TAG, _TAG_OPENING, _tag_closer, line)


def _lines(text: str) -> list[tuple[int, str]]:
    """(offset, line without its line end) for every line."""
    out = []
    pos = 0
    for m in _EOL.finditer(text):
        out.append((pos, text[pos : m.start()]))
        pos = m.end()
    if pos < len(text):
        out.append((pos, text[pos:]))
    return out


def parse(source: Source, flavour: str | None = None) -> Document:
    text = source.text
    kind = flavour or ("vtt" if source.path.lower().endswith(".vtt") else "srt")
    timing = _TIMING[kind]
    lines = _lines(text)
    segments: list[Segment] = []
    protected: list[tuple[int, int]] = []
    i = 0
    n = len(lines)
    if kind == "vtt":
        if not lines or not lines[0][1].lstrip("\ufeff").startswith("WEBVTT"):
            raise ParseError("a WebVTT file must start with WEBVTT", 1)
    while i < n:
        start_i = i
        while i < n and lines[i][1].strip():
            i += 1
        block = lines[start_i:i]
        i += 1
        if not block:
            continue
        first = block[0][1].strip()
        if kind == "vtt" and (start_i == 0 or first.startswith(("NOTE", "STYLE", "REGION"))):
            protected.append((block[0][0], block[-1][0] + len(block[-1][1])))
            continue
        # The timing line: the first or second line of the block (after an index or a cue identifier).
        t = next((k for k, (_, line) in enumerate(block[:2]) if _LOOKS_LIKE_TIMING.search(line)), None)
        if t is None:
            raise ParseError(f"cue without a timing line: {first[:40]!r}", start_i + 1)
        if not timing.match(block[t][1]):
            raise ParseError(f"malformed timing {block[t][1].strip()!r}", start_i + t + 1)
        protected.append((block[0][0], block[t][0] + len(block[t][1])))
        builder = SegmentBuilder("cue")
        for k, (offset, line) in enumerate(block[t + 1 :]):
            if k:
                if text[offset - 1] == "\n":
                    builder.add("\n", offset - 1)
                else:  # a CR-only line end, read as a newline
                    builder.add_opaque("\n", offset - 1)
            pos = 0
            for m in _tags(line):
                builder.add(line[pos : m.start()], offset + pos)
                builder.add_opaque(PLACEHOLDER, offset + m.start())
                protected.append((offset + m.start(), offset + m.end()))
                pos = m.end()
            builder.add(line[pos:], offset + pos)
        seg = builder.build(len(segments))
        if seg is not None:
            segments.append(seg)
    return Document(source, kind, segments, protected=merge_ranges(protected))


def parse_srt(source: Source) -> Document:
    return parse(source, "srt")


def parse_vtt(source: Source) -> Document:
    return parse(source, "vtt")


_NOT_PROSE = ("cue indexes and identifiers, timing lines and cue settings, the WEBVTT header, NOTE/STYLE/REGION "
              "blocks, tags inside cues (`<i>`, `<v Name>`, `{\\an8}`). A timing line that does not parse is an "
              "error with its line (exit 2)")
FORMATS = (
    Format(
        name="srt",
        title="SubRip subtitles",
        reader=parse_srt,
        extensions=(".srt",),
        language_ids=("srt", "subrip"),
        prose="cue text",
        not_prose=_NOT_PROSE,
        examples=(
            FormatExample(
                '1\n00:00:01,000 --> 00:00:02,000\n<i>Hello</i> there.\n\n2\n00:00:03,000 --> 00:00:04,000\nBye.\n',
                segments=('\ufffcHello\ufffc there.', 'Bye.'),
            ),
            FormatExample(
                '1\n00:00:01 --> 00:00:02\nHi\n',
                error_line=2,
            ),
        ),
    ),
    Format(
        name="vtt",
        title="WebVTT subtitles",
        reader=parse_vtt,
        extensions=(".vtt",),
        language_ids=("vtt", "webvtt"),
        prose="cue text",
        not_prose=_NOT_PROSE,
        examples=(
            FormatExample(
                'WEBVTT\n\nNOTE a note\n\n00:00.000 --> 00:01.000\n<v Anna>Hello.\n',
                segments=('\ufffcHello.',),
            ),
        ),
    ),
)

"""Sentence boundaries, from pysbd (a rule-based segmenter in the Golden Rules tradition).

Why pysbd: it handles abbreviations (`U.S.`, `Dr.`), initials, decimals, ellipses and quotations
that a split on `[.!?] ` gets wrong, it is pure Python (no model download) and keeps character
offsets. It is slow — on the order of 0.1 MB/s (``bench/sentences.py`` prints the figure) — so no rule
calls it on every segment: a rule asks for sentences only in the segments its trigger has matched, and
results are cached per text.

pysbd's own cost grows with the square of the text's length twice over: its processor rewrites the
whole text once per abbreviation or mark it meets, and with ``char_span=True`` it finds each sentence
by a fresh regex search from the start of the text. 200 KB of one paragraph took 26 s. So:

- a text longer than ``_CHUNK_MAX`` is cut into pieces at a clear sentence end (a word of two or more
  lowercase letters, an end mark, space, a capital: no abbreviation ends so) and each piece is split
  on its own, which bounds the processor's work by the piece, not the paragraph;
- the sentences pysbd returns are located in the text by a forward ``str.find`` from where the last
  one ended, which is linear, instead of pysbd's per-sentence regex from offset 0.

On texts shorter than ``_CHUNK_MAX`` (all but a handful of paragraphs in real prose) the spans are
pysbd's own.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from lint.patterns import compiled_on_use, kept_re

# Pieces are cut between _CHUNK_MIN and _CHUNK_MAX characters: long enough that a cut almost never
# falls where pysbd would not split, short enough that pysbd's quadratic steps stay cheap.
_CHUNK_MIN, _CHUNK_MAX = 1500, 4000
# A clear sentence end: a lowercase word of two letters or more, an end mark, white space, a capital.
# The word must not be one of pysbd's own abbreviations for the language (`etc. The`, `Inc. The`).
_CLEAR_END = compiled_on_use(r"\b([a-z]{2,})[.!?][ \t\r\n]+(?=[A-Z])")
_SPACE = compiled_on_use(r"\s*")


@lru_cache(maxsize=1)
def _pysbd() -> Any:
    """pysbd, its patterns compiled from opcodes kept between runs (``lint.patterns.kept_re``): it hands ``re``
    some 150 of them as strings, which a process would parse and compile anew."""
    import pysbd
    import pysbd.languages

    kept_re("pysbd")
    return pysbd


@lru_cache(maxsize=8)
def _abbreviations(language: str) -> frozenset[str]:
    Language = _pysbd().languages.Language

    try:
        module = Language.get_language_code(language)
    except ValueError:
        module = Language.get_language_code("en")
    return frozenset(a.lower() for a in module.Abbreviation.ABBREVIATIONS)


def _clear_ends(text: str, language: str, start: int = 0, stop: int | None = None) -> list[int]:
    """Offsets where a sentence clearly starts, in [start, stop)."""
    abbreviations = _abbreviations(language)
    return [m.end() for m in _CLEAR_END.finditer(text, start, len(text) if stop is None else stop)
            if m.group(1) not in abbreviations]


@lru_cache(maxsize=8)
def _segmenter(language: str) -> Any:
    pysbd = _pysbd()
    try:
        return pysbd.Segmenter(language=language, clean=False, char_span=True)
    except ValueError:
        return pysbd.Segmenter(language="en", clean=False, char_span=True)


def _cut_before(text: str, start: int, stop: int, language: str) -> int:
    """Where to end the piece that starts at ``start``: after the last clear sentence end in
    [start + _CHUNK_MIN, stop), else at the last white space there, else at ``stop``."""
    low = min(start + _CHUNK_MIN, stop)
    ends = _clear_ends(text, language, low, stop)
    if ends:
        return ends[-1]
    space = max(text.rfind(" ", low, stop), text.rfind("\n", low, stop))
    return space + 1 if space > low else stop


def _pieces(text: str, language: str) -> list[int]:
    """The offsets where pieces start (0 first)."""
    starts = [0]
    while len(text) - starts[-1] > _CHUNK_MAX:
        starts.append(_cut_before(text, starts[-1], starts[-1] + _CHUNK_MAX, language))
    return starts


def _raw_spans(text: str, language: str) -> list[tuple[int, int]]:
    """pysbd's sentences of one piece, located in it left to right (trailing white space included, as
    pysbd's own char spans do)."""
    segmenter = _segmenter(language)
    segmenter.original_text = text
    spans: list[tuple[int, int]] = []
    pos = prior_end = 0
    try:
        sentences = segmenter.processor(text).process()
    except (ValueError, re.error):
        # pysbd reads a list item's number with int(), which refuses the separator characters it took for
        # digits' neighbours (`\x1c1.`), and some of its languages (de, ru, bg, ar, fa) put the text an
        # abbreviation matched into a pattern unescaped (`u+a` beside `u.a.`: a variable-width look-behind):
        # the piece is read as its lines, one sentence each (pysbd's first breaks, which ``final_line`` counts
        # on), not a crash of every rule that asks.
        sentences = [line for line in text.replace("\r", "\n").split("\n") if line.strip()]
    for sent in sentences:
        for at, stop in _written(text, sent, pos):
            end = _SPACE.match(text, stop).end()  # type: ignore[union-attr]
            if end > prior_end:
                spans.append((at, end))
                prior_end, pos = end, stop
                break
    return spans


def _written(text: str, sent: str, pos: int) -> Iterator[tuple[int, int]]:
    """Where ``sent`` may be written in ``text`` from ``pos`` on, first to last: as pysbd gives it back, or with
    other white space (no line break) between its words. pysbd writes some white space anew: its rules for
    spaced dots (``ThreeSpaceRule``, ``FourSpaceRule``) give `.\\t. .` back as `. . .`. Such a sentence was found
    nowhere and left out, or found as written further on (`. . . .` out of `.\\t. . . .`), and the next one
    was placed at an earlier match of its text (`it is` in `bit is`)."""
    if not sent:
        return
    at = text.find(sent, pos)
    if at != -1 and (at == pos or text[pos:at].isspace()):
        # Nothing but white space before it: no other way of writing it starts earlier (the usual case).
        while at != -1:
            yield at, at + len(sent)
            at = text.find(sent, at + 1)
        return
    words = sent.split()
    if not words:
        return
    spaced = re.compile(_BETWEEN_WORDS.join(map(re.escape, words)))
    m = spaced.search(text, pos)
    while m is not None:
        yield m.span()
        m = spaced.search(text, m.start() + 1)


_BETWEEN_WORDS = r"[^\S\r\n]+"  # (pysbd breaks every line before it reads the rest)


def _trimmed(text: str, spans: list[tuple[int, int]], offset: int, out: list[tuple[int, int]]) -> None:
    for start, end in spans:
        while end > start and text[end - 1].isspace():
            end -= 1
        while start < end and text[start].isspace():
            start += 1
        if end > start:
            out.append((start + offset, end + offset))


@lru_cache(maxsize=1024)
def sentence_spans(text: str, language: str = "en") -> tuple[tuple[int, int], ...]:
    """(start, end) of each sentence of ``text``, trailing whitespace excluded."""
    if not text.strip():
        return ()
    lang = language.split("-")[0].lower()
    starts = _pieces(text, lang)
    out: list[tuple[int, int]] = []
    for start, end in zip(starts, [*starts[1:], len(text)], strict=True):
        piece = text[start:end]
        _trimmed(piece, _raw_spans(piece, lang), start, out)
    return tuple(out)


# The characters pysbd writes into a text as it works (stand-ins for the marks it protects: `∯` for a full
# stop, `ȹ` for a line break, which it turns back into one) or reads as marks of its own: every character
# outside ASCII in its processor and in its common language modules (``tests/test_sentences.py`` checks the
# list against them). A text holding one may come back with a sentence carried over a line break.
_PYSBD_SYMBOLS = frozenset("«»ûũǃȸȹʼᓰᓱᓳᓴᓷᓸ‘’“”•⁃∯∮⌬⎋☄☇☈☉☏☝♝♟♨♬♭✂。！．？°ƪ،「」（）")


def final_line(text: str) -> str | None:
    """The last line of ``text`` (after its last ``\\n`` or ``\\r``; trailing white space left out), within which
    the text of ``final_sentence``'s sentence lies, wherever the segmenter puts its other breaks: pysbd turns
    every line break into a break between sentences before it reads anything else (and its span too, since
    ``_written`` finds a sentence pysbd gives back with other white space, `.\\t. .` as `. . .`, where it is).
    None where the text holds one of pysbd's own symbols (``_PYSBD_SYMBOLS``)."""
    if not text.isascii() and not _PYSBD_SYMBOLS.isdisjoint(text):
        return None
    text = text.rstrip()
    return text[max(text.rfind("\n"), text.rfind("\r")) + 1:]


def final_sentence(text: str, language: str = "en") -> tuple[int, int] | None:
    """The span of the last sentence of ``text`` when it has two or more; None for one or none.

    Only the text after its last clear sentence end is split (pysbd splits there too, and what comes
    before cannot move the last boundary): the cost is that of the last sentence or two, however long
    the paragraph. Without a clear end the whole text is split, in bounded pieces."""
    lang = language.split("-")[0].lower()
    ends = _clear_ends(text, lang, max(0, len(text) - _CHUNK_MAX))
    if not ends:
        spans = sentence_spans(text, language)
        return spans[-1] if len(spans) >= 2 else None
    cut = ends[-1]
    spans = sentence_spans(text[cut:], language)
    if not spans:
        return None
    return spans[-1][0] + cut, spans[-1][1] + cut

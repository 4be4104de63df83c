"""Small text measures the declarative kinds share: sentences, words, syllables, readability formulas.

Readability is computed here from published formulas with syllables counted by
``pyphen``'s hyphenation dictionaries (imported only when a metric rule runs).
``textstat`` was the first choice, but for English it fetches NLTK's CMU
dictionary over the network on first use, which a linter must not do.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

# A sentence ends at . ! ? … (then closing quotes or brackets) before whitespace and
# a capital, a digit or an opening quote, or at the end of the text.
# A match starts where a run of end marks starts: a shorter run is followed by a mark, which neither the
# lookahead nor a closer takes, so where the whole run fails (or matches) so does any part of it, and
# finditer, which never stops inside a run, needs no try from within one (each read the run to its end:
# 22 s on a line of 20,000 dots).
_END = re.compile(r"(?<![.!?\u2026])[.!?\u2026]++[\"'\u201d\u2019)\]]*+(?=\s+[\"'\u201c\u2018(\[]?[A-Z0-9\u00c0-\u024f]|\s*$)")
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof st jr sr vs etc e.g i.e u.s u.k no fig inc ltd co gen col lt sgt rep sen gov mt ft approx".split()
)
_WORD = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)*")
_WORD_BEFORE = re.compile(r"([\w.]+)\.$")


def sentences(text: str) -> list[tuple[int, int]]:
    """Spans of the sentences of a segment (whitespace between them left out)."""
    out: list[tuple[int, int]] = []
    start = 0
    n = len(text)
    for m in _END.finditer(text):
        if m.group().startswith(".") and len(m.group().rstrip("\"'\u201d\u2019)]")) == 1:
            before = _WORD_BEFORE.search(text, max(0, m.start() - 12), m.start() + 1)
            if before:
                word = before.group(1).lower()
                if word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha()):
                    continue
        end = m.end()
        while start < end and text[start].isspace():
            start += 1
        if start < end:
            out.append((start, end))
        start = end
    while start < n and text[start].isspace():
        start += 1
    if start < n:
        out.append((start, len(text.rstrip())))
    return out


def words(text: str) -> list[str]:
    return _WORD.findall(text)


@lru_cache(maxsize=1)
def _hyphenator() -> Any:
    import pyphen  # type: ignore[import-untyped]

    return pyphen.Pyphen(lang="en_US")


@lru_cache(maxsize=50_000)
def syllables(word: str) -> int:
    word = word.lower().replace("\u2019", "'")
    if len(word) <= 3:
        return 1
    return len(_hyphenator().positions(word)) + 1


@dataclass(frozen=True)
class Counts:
    words: int
    sentences: int
    syllables: int
    letters: int
    polysyllables: int  # words of three or more syllables


def counts(text: str) -> Counts:
    ws = words(text)
    syl = [syllables(w) for w in ws]
    return Counts(
        words=len(ws),
        sentences=max(1, len(sentences(text))),
        syllables=sum(syl),
        letters=sum(len(w) for w in ws),
        polysyllables=sum(1 for s in syl if s >= 3),
    )


def _fre(c: Counts) -> float:
    return 206.835 - 1.015 * (c.words / c.sentences) - 84.6 * (c.syllables / c.words)


def _fkg(c: Counts) -> float:
    return 0.39 * (c.words / c.sentences) + 11.8 * (c.syllables / c.words) - 15.59


def _fog(c: Counts) -> float:
    return 0.4 * ((c.words / c.sentences) + 100 * (c.polysyllables / c.words))


def _smog(c: Counts) -> float:
    return 1.043 * math.sqrt(c.polysyllables * (30 / c.sentences)) + 3.1291


def _cli(c: Counts) -> float:
    return 0.0588 * (100 * c.letters / c.words) - 0.296 * (100 * c.sentences / c.words) - 15.8


def _ari(c: Counts) -> float:
    return 4.71 * (c.letters / c.words) + 0.5 * (c.words / c.sentences) - 21.43


# name -> (label, function, True when a higher score is harder to read)
FORMULAS: dict[str, tuple[str, Callable[[Counts], float], bool]] = {
    "flesch-reading-ease": ("Flesch reading ease", _fre, False),
    "flesch-kincaid-grade": ("Flesch-Kincaid grade", _fkg, True),
    "gunning-fog": ("Gunning fog index", _fog, True),
    "smog-index": ("SMOG index", _smog, True),
    "coleman-liau-index": ("Coleman-Liau index", _cli, True),
    "automated-readability-index": ("Automated readability index", _ari, True),
}

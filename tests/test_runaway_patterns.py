"""Seven patterns bench/pattern_audit.py found super-linear (issue 18), rewritten to read their input once,
with the answers they gave: each is checked against the pattern it replaced, kept here, on every short
string of the pieces it turns on and on random longer ones (the match's span and groups where the caller
reads them, whether it matches where the caller only asks that).

Then each is given the input that made it run away, sized so that the old pattern needs some 10**10 steps
or more (2**40 on the exponential ones, 10**10 to 10**12 on the quadratic ones) and the new one some 10**6:
it must finish under the engine's own stop for runaways (``lint.guard.Deadline``, which interrupts ``re``),
set at seconds. This is a count with a margin of 10,000 or more, not a timing: the old patterns never finish
there (each of these tests fails before its change, stopped by the deadline), the new ones take
milliseconds."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from lint.rules.bilingual import untranslated_string
from lint.rules.punctuation import unbalanced_brackets
from lint.rules.scrape import boilerplate_line
from lint.rules.translation import placeholder_residue
from lint.rules.whitespace import blank_line_run, leading_whitespace

from lint.formats import i18n_json
from lint.guard import Deadline
from tests.differential import differences, texts_of

# The patterns as they were (dace62c).
_LEADING = re.compile(r"\A(?:[ \t]*(?:\r\n|\r|\n))*[ \t]*(?=\S)|\A(?:[ \t]*(?:\r\n|\r|\n))+")
_CODE_NEXT = re.compile(r"[ \t]*(?:\r\n|\r|\n)(?:[ \t]*(?:\r\n|\r|\n))*"
                        r"(?:[ \t]*(?:```|~~~)|    |\t|[ \t]*`[^`\r\n]+`[ \t]*(?:\r\n|\r|\n|$)|\.\. code)")
_RST_TITLE = re.compile(r"(?:([=\-~^\"'`#*+:._])\1{2,}[ \t]*(?:\r\n|\r|\n|\Z))?[^\r\n]*\S[^\r\n]*(?:\r\n|\r|\n)"
                        r"([=\-~^\"'`#*+:._])\2{2,}[ \t]*(?:\r\n|\r|\n|\Z)")
_SELECTOR = re.compile(r"\s*,?\s*(?:offset:\d+\s*)?[=\w]+\s*\{")
_CITATION = re.compile(r"\s*(?:PEP|RFC)?\s*:(?:pep|rfc|issue|gh|bpo)(?:-reference)?:`[^`]+`\s*(?:--|[-–—:])\s")
_NAMED = re.compile(r"(?:\s*(?:,|and|or)\s*%\S+)*\s+(?:format(?:ting|ters?|s)?|specifiers?|placeholders?|"
                    r"directives?|conversions?|tokens?|verbs?)\b", re.IGNORECASE)
_QUOTED = re.compile(
    r"""(?<=["'‘“`«])[()\[\]{}]+(?=["'’”`»])"""
    r"""|(?<=\\)[()\[\]{}]"""
    r"""|"[^"\s]*[()\[\]{}][^"\s]*"|“[^”\s]*[()\[\]{}][^”\s]*”"""
    r"""|(?<=[\w.])[(\[{](?=['"’”`](?:[^\w'"’”`]|$))"""
)

# White space of several kinds `\s` reads, and some it does not (`[ \t]` is narrower).
_BLANKS = [" ", "\t", "\r\n", "\r", "\n", "\xa0", "\x0b"]
Answer = Callable[[str], object]


def _span(pattern: re.Pattern[str]) -> Answer:
    return lambda text: (m := pattern.match(text)) and (m.span(), m.groups())


def _found(pattern: re.Pattern[str]) -> Answer:
    return lambda text: pattern.match(text) is not None


def _all(pattern: re.Pattern[str]) -> Answer:
    return lambda text: [m.span() for m in pattern.finditer(text)]


# name: (the caller's reading with the pattern now, the same with the one before, the pieces of the strings)
CASES: dict[str, tuple[Answer, Answer, list[str]]] = {
    "W101 _LEADING": (_span(leading_whitespace._LEADING), _span(_LEADING), [*_BLANKS, "a"]),
    "S102 _CODE_NEXT": (_found(boilerplate_line._CODE_NEXT), _found(_CODE_NEXT),
                        [" ", "    ", "\t", "\r\n", "\r", "\n", "```", "~~~", "`", "x", ".. code"]),
    "W103 _RST_TITLE": (_span(blank_line_run._RST_TITLE), _span(_RST_TITLE), ["=", "===", "-", "a", *_BLANKS, "\x85"]),
    "i18n-json _SELECTOR": (_span(i18n_json._SELECTOR), _span(_SELECTOR),
                            [" ", ",", "offset:", "1", "12", "=", "a", "{", "\n", "-", ":"]),
    "B102 _CITATION": (_found(untranslated_string._CITATION), _found(_CITATION),
                       [" ", "PEP", "RFC", ":pep:", ":issue-reference:", "`", "`x`", "x", "--", "-", "—", "\n"]),
    "T106 _NAMED": (_found(placeholder_residue._NAMED), _found(_NAMED),
                    [",", "and", "or", "AND", "%", "d", "s", " ", "\t", "format", "formats", "x", "a", "n"]),
    # (the caller reads the spans the pattern and _quoted_spans find together)
    "P105 _QUOTED": (lambda text: list(unbalanced_brackets._quoted_spans(text)), _all(_QUOTED),
                     ['"', "“", "”", "(", ")", "[", "}", "a", " ", "'", "\\", "’", "."]),
}

# name: an input the old pattern ran away on (the new one reads it once)
HOSTILE = {
    "W101 _LEADING": "\r\n" * 40,  # blank CRLF lines and no text: each split into CR and LF tried
    "S102 _CODE_NEXT": "\r\n" * 40 + "Then prose.",
    "W103 _RST_TITLE": "word " * 200_000,  # a long line with no underline after it
    "i18n-json _SELECTOR": " " * 1_000_000 + "}",
    "B102 _CITATION": " " * 1_000_000 + "x",
    "T106 _NAMED": ",%d" * 40 + ".",
    "P105 _QUOTED": '"' + "(" * 200_000 + "“(" * 20_000,  # each “ read the rest of the line again
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_the_pattern_answers_what_it_answered(name: str) -> None:
    new, old, pieces = CASES[name]
    texts = [*texts_of(pieces, len(name), 4, 40_000, 16), HOSTILE[name][:24]]
    assert differences(iter(texts), new, old) == []


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_the_pattern_reads_its_runaway_input_once(name: str) -> None:
    new, _, _ = CASES[name]
    with Deadline(5):
        new(HOSTILE[name])

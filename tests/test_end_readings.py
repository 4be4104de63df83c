"""B107's and B108's readings of what a string ends with, and B109's of where its roles start and whether a
link lacks its opening backquote, rewritten to take time in proportion to the string (a search for a pattern
that ends in `$`, or whose run must be followed by what is not there, tried it from every offset and read
each run of spaces, words or names to its end from each: seconds on a string of long runs), must answer what
the searches answered. Each is checked against the plain pattern it replaced, kept here, on every short
string of the pieces the patterns turn on and on random longer ones."""

from __future__ import annotations

import re
import sys
from collections.abc import Callable

import pytest
from lint.rules.bilingual import edge_whitespace_mismatch as b107
from lint.rules.bilingual import end_punctuation_mismatch as b108
from lint.rules.bilingual import markup_broken as b109

import lint
from tests.differential import differences as _differences
from tests.differential import texts_of as _texts

_TRAIL = re.compile(r"\s*$")
_END = re.compile(r"(\.\.\.|\u0f0b{3,}|\u2024{2,}|[…⋯.。।۔．။།༎។៕։።॥?？؟;；՞!！:：፦፥៖꞉])?(?:[\s\"'”’»)\]）］」』\u00a0\u202f*`\u061c\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]|"
                  r"`_{1,2}|<[^<>]*>|\[(?:#[\w-]*|\*|\d+)\]_|[(（][_&]\w[)）])*$")
_ABBREVIATION = re.compile(r"(?:^|[\s,(])(?:[^\W\d_][^\s\d,.()]{0,5}\.[ \u00a0]?){2,}$"
                           r"|,[ \u00a0]?[^\W\d_][^\s\d,.()]{0,5}\.$|[(\[（［][^\W\d_][^\s\d,.()\[\]]{0,5}\.$")
_LAST_TOKEN = re.compile(r"(\S+?)[\"'”’»)\]]*\s*$")

# White space of every kind: a line end last, `\x1c`, `\x85`, no-break, ideographic, line separator.
_SPACES = [" ", "  ", "\n", "\t", "\r\n", "\x0b", "\x1c", "\x1f", "\x85", "\xa0", "\u202f", "\u2003", "\u2028", "\u3000"]


def test_str_isspace_is_the_patterns_white_space() -> None:
    # B107 strips with str.rstrip() where `\s*$` read the spaces, and B108 splits off the last word with
    # str.rsplit(): both rest on `\s` and str.isspace() being the same set.
    assert all(bool(re.fullmatch(r"\s", chr(c))) == chr(c).isspace() for c in range(sys.maxunicode + 1))


def test_b107_trailing_space_is_what_the_search_found() -> None:
    pieces = ["a", "é", ".", "\u0301", "\U0001f600", *_SPACES]
    texts = [*_texts(pieces, 107, 4, 20_000), "x" + " " * 5000 + "y \n", "\n", ""]
    assert _differences(iter(texts), b107._trailing_space, lambda text: _TRAIL.search(text).group()) == []  # type: ignore[union-attr]


def _plain_ending(text: str) -> tuple[str | None, int, int]:
    m = _END.search(text)
    assert m is not None
    return (m.group(1), m.start(1), m.end(1)) if m.group(1) else (None, -1, -1)


def _our_ending(text: str) -> tuple[str | None, int, int]:
    end = b108._ending(text)
    return (end.mark, end.start, end.end) if end.mark else (None, -1, -1)


# The pieces B108's end turns on: each mark and the runs that make one, what may follow a mark (closing
# quotes and brackets, `*`, backquotes with their `_`s, tags, footnote references, accelerators), and the
# characters that break them (a letter, a digit, `-`, `#`, `&`, a lone bracket or angle).
_END_PIECES = ["...", ".", "…", "?", ";", ":", "!", "。", "؟", "\u0f0b", "\u2024", "a", "C", "1", "-", "_", "&", "#",
               "*", "`", '"', "»", ")", "(", "]", "[", "）", "（", "<", ">", " ", "\n", "\xa0", "\u3000", "\x1c", "\u200f", "\ufeff"]
# Whole items, so that the random strings hold complete ones often.
_END_ITEMS = ["`_", "`__", "<b>", "</pc>", "<a x='1'>", "[#]_", "[#note-1]_", "[*]_", "[12]_", "(_C)", "(&F)", "（_Z）",
              "\u0f0b\u0f0b\u0f0b", "\u2024\u2024", "....", "''", "”", "\u202f"]


def test_b108_ending_is_what_the_search_found() -> None:
    exhaustive = _texts(_END_PIECES, 108, 3, 0)
    mixed = _texts(_END_PIECES + _END_ITEMS * 2, 1080, 0, 60_000)
    assert _differences(exhaustive, _our_ending, _plain_ending) == []
    assert _differences(mixed, _our_ending, _plain_ending) == []


def test_b108_ending_where_a_bracket_closes_an_accelerator_or_is_alone() -> None:
    # `)` ends a single closing item and an accelerator `(_C)`: the longer reading must win where the
    # accelerator is whole, and the lone bracket where it is not (`(C)`, `x_C)`, `(__)`).
    texts = ["Save.(_C)", "Save.(&F) ", "Save.(C)", "Save.x_C)", "Save.(__)", "Save!（_Z）", "Save?(_C))", "a.`__",
             "a.`_`_", "a.[#x-y]_ ", "a.[1a]_", "a.[#]_[2]_", "a.<x<y>", "a.<>", "a.>", "x\u0f0b\u0f0b", "\u0f0b" * 5 + " ",
             "x\u2024", "\u2024\u2024\u2024\n", "....", ". . .", "", " ", "\n"]
    assert [_our_ending(text) for text in texts] == [_plain_ending(text) for text in texts]


def test_b108_abbreviation_is_what_the_search_found() -> None:
    pieces = ["a", "é", "Bc", "abcdef", "abcdefg", "1", ".", ". ", ".\xa0", " ", ",", "(", "[", "（", "]", "-", "_"]
    texts = [text + "." for text in _texts(pieces, 1081, 4, 60_000)]

    def plain(text: str) -> bool:
        return _ABBREVIATION.search(text, 0, len(text)) is not None

    def ours(text: str) -> bool:
        return b108._ABBREVIATION_REVERSED.match(text[::-1]) is not None

    assert _differences(iter(texts), ours, plain) == []


def test_b108_last_name_is_what_the_search_found() -> None:
    pieces = ["a", ":", "e.g.", "x", '"', "'", ")", "]", "»", "(", " ", "\n", "\xa0", "\u3000", "\x1c", "-"]

    def plain(text: str) -> str | None:
        m = _LAST_TOKEN.search(text)
        return m.group(1) if m else None

    assert _differences(_texts(pieces, 1082, 4, 40_000), b108._last_name, plain) == []


_HYE = 'msgid ""\nmsgstr ""\n"Language: hye\\n"\n\n'
_EL = 'msgid ""\nmsgstr ""\n"Language: el\\n"\n\n'
_FR = 'msgid ""\nmsgstr ""\n"Language: fr\\n"\n\n'


@pytest.mark.parametrize("text", [
    # Armenian typed with `:` for `։`, the mark inside the closing guillemet.
    _HYE + 'msgid "He said \\"you may harm your system.\\""\nmsgstr "Նա ասաց «Դուք կարող եք վնասել ձեր համակարգը:»"\n',
    # A Greek `;` after the source's `;` is its semicolon, inside the closing bracket too.
    _EL + 'msgid "Keywords (calculator;math;)"\nmsgstr "Λέξεις-κλειδιά (αριθμομηχανή;μαθηματικά;)"\n',
    # One point ends `etc.` and the sentence, before the closing guillemet.
    _FR + 'msgid "It handles \\"addresses, subnets, and so on.\\""\nmsgstr "Il gère « adresses, sous-réseaux, etc. »"\n',
    # A French list item's ` ;` after the source's ellipsis, a footnote reference after both.
    _FR + '#: library/x.rst:1\nmsgid "the first item ... [#]_"\nmsgstr "le premier élément… ; [#]_"\n',
], ids=["hye-colon-in-quotes", "el-semicolons-in-brackets", "etc-in-quotes", "fr-item-before-footnote"])
def test_b108_callers_read_the_mark_before_what_follows_it(text: str) -> None:
    # B108's callers ask `_ending` for the mark where the search's group was read: a mark followed by a
    # closing quote, a bracket or a footnote reference is the mark (`text.rstrip().endswith(...)` in its
    # place passes the tests above, and flags each of these).
    assert [f.message for f in lint.check_text(text, "messages.po", select=["B108"]) if f.code == "B108"] == []


_ROLE_START = re.compile(r":[\w+.-]+(?::[\w+.-]+)*:`")
_LINK_WITHOUT_BACKQUOTE = re.compile(r"(?<!`)\b[^`<>\n]*<[^<>\s]+>`_")


def test_b109_role_starts_are_what_the_search_found() -> None:
    # B109's role starts and its link without a backquote were searches of the same kind (a run read to its
    # end from each of its characters, then a `:`` or a target that is not there): read from the end too.
    pieces = [":", "::", ":`", "a", "é", "1", "+", ".", "-", "_", "`", " ", "!", ":a:`", ":py:func:`"]
    assert _differences(_texts(pieces, 109, 4, 40_000), b109._role_starts,
                        lambda text: [m.start() for m in _ROLE_START.finditer(text)]) == []


def test_b109_link_without_backquote_is_what_the_search_found() -> None:
    pieces = ["a", "é", "1", " ", "_", "`", "<", ">", "\n", "-", ":", "<x>`_", "<a b>`_", "x>`_", "`<y>`_", "``"]
    assert _differences(_texts(pieces, 1090, 4, 40_000), b109._link_without_backquote,
                        lambda text: _LINK_WITHOUT_BACKQUOTE.search(text) is not None) == []


_TRAILING = re.compile(r"[ \t]+(?=\r\n|\r|\n|\Z)")


def test_w102_trailing_blanks_are_what_the_plain_pattern_found() -> None:
    # W102's pattern is tried from a run's first blank only (a run read to its end from each of its blanks
    # was seconds on a long run inside a line): the same runs must be found.
    from lint.rules.whitespace import trailing_whitespace as w102

    pieces = [" ", "  ", "\t", "\n", "\r", "\r\n", "a", "é", "\x0b", "\x0c", "\x85", "\u2028", "\xa0", "\u3000"]

    def spans(pattern: re.Pattern[str]) -> Callable[[str], list[tuple[int, int]]]:
        return lambda text: [m.span() for m in pattern.finditer(text)]

    assert _differences(_texts(pieces, 102, 4, 40_000), spans(w102._TRAILING), spans(_TRAILING)) == []

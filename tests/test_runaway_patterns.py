"""Seven patterns bench/pattern_audit.py found super-linear (issue 18), rewritten to read their input once,
with the answers they gave, and i18n-yaml's _SELECTOR, which read an offset's digits as i18n-json's did: each
is checked against the pattern it replaced, kept here, on every short string of the pieces it turns on, on
random longer ones and on the shape that made it run away, at a size the old pattern still reads (the
match's span and groups where the caller reads them, whether it matches where the caller only asks that).

That the new ones read the runaway input once is a bound on work, which is counted, never timed
(CONTRIBUTING): `re` keeps no count of its steps, so the runaway inputs at full size are bench/hostile_repros.py's
(`--only 'issue 18, h184'`, each through the CLI under a 20 s limit, before and after in their comments);
_quoted_spans, ours, is counted here: the characters its searches step over. So is T106's _named, which walks a
list of placeholders once per segment where _NAMED read it from each placeholder to its end (quadratic). Markdown's
_MDX_SWITCH (now its codes, _MDX_CODES) and XLIFF's _DISABLE are bounded by the `regex` module's timeout at a size where
the old pattern takes an hour; so are the plain-text reader's _BLOCK, and subtitles' _TAG and L101's _QUOTED (tried only
at an opening that something closes, ``lint.scan.closed_matches``), read through the parser or the rule. The comment
switches (HTML's, MDX's), read by a scanner now, are checked against the pattern they replaced, and the searches for
where each switch's codes end are counted. W106's and W103's counts of line endings, in C now, are checked against the
lists they counted, and their peak memory is traced."""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterable
from typing import Any, cast

import pytest
from lint.rules.bilingual import untranslated_string
from lint.rules.language import other_language_sentence
from lint.rules.punctuation import unbalanced_brackets
from lint.rules.scrape import boilerplate_line, furniture_block
from lint.rules.translation import placeholder_residue
from lint.rules.whitespace import blank_line_run, leading_whitespace

from lint.engine import check_text
from lint.formats import i18n_json, i18n_yaml, subtitles
from lint.formats import text as plain_text
from tests.differential import differences, texts_of

# The patterns as they were (dace62c).
_LEADING = re.compile(r"\A(?:[ \t]*(?:\r\n|\r|\n))*[ \t]*(?=\S)|\A(?:[ \t]*(?:\r\n|\r|\n))+")
_CODE_NEXT = re.compile(r"[ \t]*(?:\r\n|\r|\n)(?:[ \t]*(?:\r\n|\r|\n))*"
                        r"(?:[ \t]*(?:```|~~~)|    |\t|[ \t]*`[^`\r\n]+`[ \t]*(?:\r\n|\r|\n|$)|\.\. code)")
_RST_TITLE = re.compile(r"(?:([=\-~^\"'`#*+:._])\1{2,}[ \t]*(?:\r\n|\r|\n|\Z))?[^\r\n]*\S[^\r\n]*(?:\r\n|\r|\n)"
                        r"([=\-~^\"'`#*+:._])\2{2,}[ \t]*(?:\r\n|\r|\n|\Z)")
_SELECTOR = re.compile(r"\s*,?\s*(?:offset:\d+\s*)?[=\w]+\s*\{")
_YAML_SELECTOR = re.compile(r"\s*(?:offset:\s*\d+\s*)?(?:=\d+|[\w-]+)\s*\{")
_CITATION = re.compile(r"\s*(?:PEP|RFC)?\s*:(?:pep|rfc|issue|gh|bpo)(?:-reference)?:`[^`]+`\s*(?:--|[-–—:])\s")
_NAMED = re.compile(r"(?:\s*(?:,|and|or)\s*%\S+)*\s+(?:format(?:ting|ters?|s)?|specifiers?|placeholders?|"
                    r"directives?|conversions?|tokens?|verbs?)\b", re.IGNORECASE)
# T106's list read with one pattern from each placeholder (3641d15), until _named walked each list once.
_NAMED_FROM_EACH = re.compile(r"(?:\s*+(?:,|and|or)\s*+%\S(?:(?!(?:,|and|or)\s*%\S)\S)*+)*+\s+(?:format(?:ting|ters?|s)?|"
                              r"specifiers?|placeholders?|directives?|conversions?|tokens?|verbs?)\b", re.IGNORECASE)
# The plain-text reader's blocks where lines may end in CR (24765da): searched from each blank of a run.
_BLOCK = re.compile(r"[^\S\r\n]*(\S[^\r\n]*(?:(?:\r\n|\r|\n)[^\r\n]*\S[^\r\n]*)*)")
# Subtitles' tags in a cue's line and L101's quotations and glosses (24765da): searched from each opening that
# nothing closes to the end of the line or paragraph.
_TAG = re.compile(r"</?[a-zA-Z][^>]*>|<\d[\d:.]*>|\{\\[^}]*\}")
_GLOSS = re.compile(r"«[^»]*»|“[^”]*”|„[^“”]*[“”]|\"[^\"]*\"|「[^」]*」|『[^』]*』|‘[^’]*’|\([^)]*\)|（[^）]*）|\[[^\]]*\]")
# S110's cut of a title into its parts (24765da): split from each space of a run.
_TITLE_SPLIT = re.compile(r" +[|/–—-] +")
_QUOTED = re.compile(
    r"""(?<=["'‘“`«])[()\[\]{}]+(?=["'’”`»])"""
    r"""|(?<=\\)[()\[\]{}]"""
    r"""|"[^"\s]*[()\[\]{}][^"\s]*"|“[^”\s]*[()\[\]{}][^”\s]*”"""
    r"""|(?<=[\w.])[(\[{](?=['"’”`](?:[^\w'"’”`]|$))"""
)

# White space of several kinds `\s` reads, and some it does not (`[ \t]` is narrower).
_BLANKS = [" ", "\t", "\r\n", "\r", "\n", "\xa0", "\x0b"]
_UNICODE_BLANKS = ["\xa0", "\u3000"]  # what `\s` reads and `[ \t]` does not
Answer = Callable[[str], object]


def _span(pattern: re.Pattern[str]) -> Answer:
    return lambda text: (m := pattern.match(text)) and (m.span(), m.groups())


def _found(pattern: re.Pattern[str]) -> Answer:
    return lambda text: pattern.match(text) is not None


def _all(pattern: re.Pattern[str]) -> Answer:
    return lambda text: [m.span() for m in pattern.finditer(text)]


def _every(pattern: re.Pattern[str]) -> Answer:
    return lambda text: [(m.span(), m.groups()) for m in pattern.finditer(text)]


# name: (the caller's reading with the pattern now, the same with the one before, the pieces of the strings)
CASES: dict[str, tuple[Answer, Answer, list[str]]] = {
    "W101 _LEADING": (_span(leading_whitespace._LEADING), _span(_LEADING), [*_BLANKS, "a"]),
    # (whether found only: the match now ends at a blank line of four spaces or a tab, where the old one went on
    # to the first line after the run that opens code, if any, and backtracked to it if none)
    "S102 _CODE_NEXT": (_found(boilerplate_line._CODE_NEXT), _found(_CODE_NEXT),
                        [" ", "    ", "\t", "\r\n", "\r", "\n", "```", "~~~", "`", "x", ".. code"]),
    "W103 _RST_TITLE": (_span(blank_line_run._RST_TITLE), _span(_RST_TITLE), ["=", "===", "-", "a", *_BLANKS, "\x85"]),
    "i18n-json _SELECTOR": (_span(i18n_json._SELECTOR), _span(_SELECTOR),
                            [" ", ",", "offset:", "1", "12", "=", "a", "{", "\n", "-", ":", *_UNICODE_BLANKS]),
    "i18n-yaml _SELECTOR": (_span(i18n_yaml._SELECTOR), _span(_YAML_SELECTOR),
                            [" ", "\t", "offset:", "1", "12", "\u0663", "=", "a", "-", "{", ":", "\xa0"]),
    "B102 _CITATION": (_found(untranslated_string._CITATION), _found(_CITATION),
                       [" ", "PEP", "RFC", ":pep:", ":issue-reference:", "`", "`x`", "x", "--", "-", "—", "\n", *_UNICODE_BLANKS]),
    "T106 _NAMED": (lambda text: placeholder_residue._named(text, 0, {}), _found(_NAMED),
                    [",", "and", "or", "AND", "%", "d", "s", " ", "\t", "format", "formats", "x", "a", "n", "\xa0"]),
    # (the caller reads the spans the pattern and _quoted_spans find together)
    "P105 _QUOTED": (lambda text: list(unbalanced_brackets._quoted_spans(text)), _all(_QUOTED),
                     ['"', "“", "”", "(", ")", "[", "}", "a", " ", "'", "\\", "’", ".", "\xa0", "«"]),
    "subtitles _TAG": (lambda text: [m.span() for m in subtitles._tags(text)], _all(_TAG),
                       ["<", ">", "</", "z", "B", "1", ":", ".", "{", "\\", "}", "{\\", " ", "<i>", "é", "\n"]),
    "L101 _QUOTED": (other_language_sentence._quotes_blanked, lambda text: _GLOSS.sub(other_language_sentence._blank, text),
                     [*"«»“”„\"「」『』‘’()（）[]", "a", " ", "\n", "é"]),
    "S110 _TITLE_SPLIT": (furniture_block._TITLE_SPLIT.split, _TITLE_SPLIT.split,
                          [" ", "  ", "|", "/", "–", "—", "-", "a", "b c", "\t", "\xa0", "·"]),
    "text _BLOCK": (_every(plain_text._BLOCK), _every(_BLOCK),
                    [" ", "  ", "\t", "\r", "\n", "\r\n", "x", "ab", "\xa0", "\x0b", "\x85", "\u3000"]),
}

# name: the shape the old pattern ran away on, at a size it still reads (2**12 splits, some 10**6 steps)
RUNAWAY_SHAPES = {
    "W101 _LEADING": "\r\n" * 12,  # blank CRLF lines and no text: each split into CR and LF tried
    "S102 _CODE_NEXT": "\r\n" * 12 + "Then prose.",
    "W103 _RST_TITLE": "word " * 300,  # a long line with no underline after it
    "i18n-json _SELECTOR": " " * 2000 + "}",
    "i18n-yaml _SELECTOR": "offset:" + "1" * 2000,  # an offset's digits and no `{`
    "B102 _CITATION": " " * 2000 + "x",
    "T106 _NAMED": ",%d" * 12 + ".",
    "P105 _QUOTED": '"' + "(" * 2000 + "“(" * 300,  # each “ read the rest of the line again
    "subtitles _TAG": "<z" * 1000 + "{\\" * 1000 + ">",  # each `{\` read the rest of the line again
    "L101 _QUOTED": "『." * 1000 + "(" * 1000 + "『",
    "S110 _TITLE_SPLIT": "a" + " " * 2000 + "b - c",  # each space read the rest of the run again
    "text _BLOCK": "x\r\n" + " " * 2000 + "\r\ny",  # a line of blanks: read from each of them
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_the_pattern_answers_what_it_answered(name: str) -> None:
    new, old, pieces = CASES[name]
    texts = [*texts_of(pieces, len(name), 4, 40_000, 16), RUNAWAY_SHAPES[name]]
    assert differences(iter(texts), new, old) == []


def test_quoted_spans_step_over_each_character_a_few_times(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    # Counted, not timed: the searches for a curly token's end and its first bracket step over at most the
    # line once each however many `“` open on it (a search from each `“` stepped over the rest of the line:
    # 2 * 10**8 characters here).
    stepped = [0]

    class Counted:
        def __init__(self, pattern: re.Pattern[str]) -> None:
            self.pattern = pattern

        def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
            found = self.pattern.search(text, pos, endpos)
            stepped[0] += (found.end() if found else min(endpos, len(text))) - pos
            return found

    monkeypatch.setattr(unbalanced_brackets, "_CURLY_END", Counted(unbalanced_brackets._CURLY_END))
    monkeypatch.setattr(unbalanced_brackets, "_BRACKETS", Counted(unbalanced_brackets._BRACKETS))
    for line in ("“(" * 20_000, "“a" * 20_000 + "(", "“" * 20_000 + "(”", ("“(" * 2000 + "” ") * 10):
        stepped[0] = 0
        list(unbalanced_brackets._quoted_spans(line))
        assert stepped[0] <= 2 * len(line), (line[:4], stepped[0])


_T106_PIECES = [",", ", ", "and", " and ", "or", "AND", "%", "%d", "%s", "d", " ", "\t", "format", " formats", "x", "a",
                "n", "\xa0", "\n", "specifier", "s", "."]


def _named_at_every_offset(text: str) -> list[bool]:
    known: dict[int, bool] = {}  # shared from offset to offset, as check_segment shares it between placeholders
    return [placeholder_residue._named(text, at, known) for at in range(len(text) + 1)]


def _named_by_pattern(pattern: re.Pattern[str]) -> Answer:
    return lambda text: [pattern.match(text, at) is not None for at in range(len(text) + 1)]


def test_named_lists_answer_what_the_patterns_answered() -> None:
    # From every offset of each string, in order, with the answers found so far kept (what check_segment asks):
    # the same as the one pattern read from each offset, and as the pattern before it (dace62c's, on the strings
    # it reads in time: 2**n in a list with no noun).
    texts = list(texts_of(_T106_PIECES, 106, 3, 30_000, 18))
    assert differences(iter(texts), _named_at_every_offset, _named_by_pattern(_NAMED_FROM_EACH)) == []
    assert differences(iter(texts[:12_000]), _named_at_every_offset, _named_by_pattern(_NAMED)) == []
    lists = [", ".join(["%d"] * 40) + " and %s formats", ",".join(["%d"] * 40) + ".", "%d,%s" * 30 + " verbs"]
    assert differences(iter(lists), _named_at_every_offset, _named_by_pattern(_NAMED_FROM_EACH)) == []


def test_t106_reads_a_list_of_placeholders_once(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    # Counted, not timed: the characters T106's reading of the lists steps over, in a segment of n placeholders
    # joined by commas (the named list read from each placeholder to the list's end: n**2 / 2 links, 23 s at
    # 8,000), and the placeholders ending a list of n before a noun.
    stepped = [0]

    class Counted:
        def __init__(self, pattern: re.Pattern[str]) -> None:
            self.pattern = pattern

        def match(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
            found = self.pattern.match(text, pos, endpos)
            stepped[0] += 1 + (found.end() - pos if found else 0)
            return found

    monkeypatch.setattr(placeholder_residue, "_NAMED_LINK", Counted(placeholder_residue._NAMED_LINK))
    monkeypatch.setattr(placeholder_residue, "_NAMED_NOUN", Counted(placeholder_residue._NAMED_NOUN))
    for n in (2_000, 4_000):
        for text, found in ((",".join(["%d"] * n) + ".", n), (", ".join(["%s"] * n) + " and %d specifiers", 0)):
            stepped[0] = 0
            assert len(check_text(text, "a.txt", select=["T106"])) == found
            assert stepped[0] <= 3 * len(text), (text[:8], n, stepped[0])


# The cut between a big text's blocks as it was searched (lint.engine, 650d5fe): a run of blank lines not followed
# by a visible character was read again from each of its lines (2 MB of blank lines: killed at 120 s). Its line
# ends are LF, CRLF (one line end: its LF never read as a second one) or a lone CR since CR and CRLF files are
# cut into blocks too.
_BLOCK_BREAK = re.compile(r"(?:\n|\r\n?+)(?:[ \t]*(?:\n|\r\n?+))+(?=[^\s\ufeff])")


def test_block_break_is_the_match_it_was() -> None:
    from lint import engine

    pieces = ["\n", "\n\n", " ", "\t", "x", "\r", "\r\n", "\xa0", "\x0b", "\u3000", "\ufeff"]
    texts = [*texts_of(pieces, 849, 4, 20_000, 16)]

    def each_from(search: Callable[[str, int], re.Match[str] | None]) -> Answer:
        return lambda text: [(m.span() if (m := search(text, pos)) else None) for pos in range(len(text) + 1)]

    assert differences(iter(texts), each_from(engine._block_break), each_from(_BLOCK_BREAK.search)) == []
    # (the runaway shapes from a few places, at a size the old pattern reads: it read each run from each line)
    runs = ["\n" * 300, "\n" * 300 + " x", "\n \n\t\n" * 100 + "x", "x" + "\n" * 300 + "\xa0y\n\nz",
            "\r\n" * 300 + "x", "x" + "\r \r\t" * 100 + "\ry"]
    assert [[(m.span() if (m := engine._block_break(t, p)) else None) for p in (0, 1, 150)] for t in runs] == \
           [[(m.span() if (m := _BLOCK_BREAK.search(t, p)) else None) for p in (0, 1, 150)] for t in runs]


def test_block_break_reads_a_run_of_blank_lines_once(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    # Counted, not timed: the characters the runs of blank lines the search reads cover, from a block's start
    # to the text's end, in texts whose runs are not followed by a visible character.
    from lint import engine

    read = [0]

    class Counted:
        def __init__(self, pattern: re.Pattern[str]) -> None:
            self.pattern = pattern

        def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
            found = self.pattern.search(text, pos, endpos)
            read[0] += (found.end() if found else min(endpos, len(text))) - pos
            return found

    monkeypatch.setattr(engine, "_BLANK_RUN", Counted(re.compile(r"\n(?:[ \t]*+\n)++")))
    for text in ("x" + "\n" * 200_000, ("x" + "\n" * 1000 + " ") * 200, "\n \n\t\n" * 50_000):
        read[0] = 0
        assert engine._block_break(text, 10) is None
        assert read[0] <= len(text), read[0]


# Markdown's switches in a .mdx file as they were matched (84d2737): the codes read lazily, then `\s*` before `*/`,
# so a run of blanks with no `*/` after it was split every way (64,000 spaces after `{/*copylint-disable-file`: 18 s).
_MDX_SWITCH = re.compile(r"<!--\s*copylint-(disable-next-line|disable-file|disable|enable)\b([^>]*?)-->"
                         r"|\{/\*\s*copylint-(disable-next-line|disable-file|disable|enable)\b"
                         r"((?:(?!\*/)[^>\n])*?)\s*\*/\s*\}")
_MDX_HEADS = ["{/*copylint-disable", "{/* copylint-disable-file", "{/*\n\tcopylint-enable", "{/*copylint-disable-next-line",
              "{/*copylint-enablex", "<!--copylint-disable", "x"]
_MDX_TAILS = ["{/*", "*/", "*", "/", "}", " ", "\t", "\n", "\r", "\x0b", "\xa0", "\u3000", ">", "x", " E101", "-->",
              "-file", "*/}"]


# The switch in an HTML or XML comment as Markdown, HTML, Android and XLIFF matched it (84d2737): the codes read
# lazily from each opening to the first `>`, so a line of openings and no `>` was read once per opening (a
# .md of 8,000 `<!--copylint-disable `: 16 s).
_COMMENT_SWITCH = re.compile(r"<!--\s*copylint-(disable-next-line|disable-file|disable|enable)\b([^>]*?)-->")
_COMMENT_HEADS = ["<!--copylint-disable", "<!-- copylint-disable-file", "<!--\n\tcopylint-enable",
                  "<!--copylint-disable-next-line", "<!--copylint-enablex", "x"]
_COMMENT_TAILS = ["<!--", "-->", "--", "-", ">", " ", "\n", "\xa0", "x", " E101", "-file", "<!--copylint-enable"]


def _switches(find: Callable[[str], object]) -> Answer:
    # what suppressions_from reads of each switch it keeps (those that start after the one before ends): where
    # it is, its kind, its codes
    from lint.formats.builder import Switch

    def read(text: str) -> list[tuple[int, int, str, str]]:
        kept, after = [], 0
        switches = cast("Iterable[Switch]", find(text))
        for start, end, kind, codes_start, codes_end in switches:
            if start >= after:
                kept.append((start, end, kind, text[codes_start:codes_end]))
                after = end
        return kept
    return read


def _suppressions(find: Callable[[str], object]) -> Answer:
    from lint.formats.builder import suppressions_from

    return lambda text: suppressions_from(text, [0, *(m.end() for m in re.finditer("\n", text))],
                                          cast("Callable[[str], Iterable[Any]]", find))


def _switch_texts(heads: list[str], tails: list[str], seed: int) -> list[str]:
    # each switch's opening then every short tail and random longer ones (a random string seldom opens one), and
    # the shape that ran away at a size the old pattern reads
    texts = [heads[i % len(heads)] + tail for i, tail in enumerate(texts_of(tails, seed, 3, 40_000, 12))]
    texts += [head + " " * 2000 + tail for head in heads for tail in ("", "*/", "*/}", "x */ }", "\n*/}", ">*/}", "-->")]
    return texts + ["".join(heads[:-1]) * 200 + tail for tail in ("", "-->", "\n-->", "*/}", "\n*/}")]


def test_comment_switches_are_the_matches_they_were() -> None:
    from lint.formats.builder import comment_switches, pattern_switches

    texts = _switch_texts(_COMMENT_HEADS, _COMMENT_TAILS, 87)
    texts += texts_of(["<!--", "copylint-", "disable", "-file", "enable", "-->", "--", ">", " ", "\n", "x"], 88, 3, 5_000, 14)
    old = pattern_switches(_COMMENT_SWITCH)
    assert differences(iter(texts), _switches(comment_switches), _switches(old)) == []
    assert differences(iter(texts[::7]), _suppressions(comment_switches), _suppressions(old)) == []


def test_mdx_switches_are_the_matches_they_were() -> None:
    from lint.formats import markdown
    from lint.formats.builder import pattern_switches

    texts = _switch_texts(_MDX_HEADS, _MDX_TAILS, 85)
    texts += texts_of(["{/*", "copylint-", "disable", "-file", "enable", "*/", "}", " ", "\n", ">", "x"], 86, 3, 5_000, 14)
    old = pattern_switches(_MDX_SWITCH)
    assert differences(iter(texts), _switches(markdown._mdx_switches), _switches(old)) == []
    assert differences(iter(texts[::7]), _suppressions(markdown._mdx_switches), _suppressions(old)) == []


def test_mdx_codes_read_a_run_of_blanks_once() -> None:
    # `re` counts no steps: the same patterns in the `regex` module (which splits the run the same way) are given
    # 5 s for a megabyte of blanks after a switch's opening, which a linear read takes some milliseconds over and
    # the old pattern's n**2 / 2 splits about an hour.
    import regex

    from lint.formats import markdown

    codes, close = regex.compile(markdown._MDX_CODES.pattern), regex.compile(markdown._MDX_CLOSE.pattern)
    for blank in (" ", "\t", "\xa0"):
        for text in ("E101" + blank * (1 << 20), blank * (1 << 20)):
            assert close.match(text, codes.match(text, timeout=5).end(), timeout=5) is None


def test_switches_read_a_line_of_openings_once(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    # Counted, not timed: the characters the searches for where each switch's codes end step over, on lines of
    # n openings with no end, or one end after them all (read from each opening to the line's end: n**2 / 2 * 21
    # characters, 16 s at 8,000), and on as many short lines.
    from lint.formats import builder, markdown

    stepped, calls = [0], [0]

    class Counted:
        def __init__(self, pattern: re.Pattern[str]) -> None:
            self.pattern = pattern

        def search(self, text: str, pos: int = 0) -> re.Match[str] | None:
            found = self.pattern.search(text, pos)
            stepped[0], calls[0] = stepped[0] + (found.end() if found else len(text)) - pos, calls[0] + 1
            return found

        def match(self, text: str, pos: int = 0) -> re.Match[str] | None:
            found = self.pattern.match(text, pos)
            stepped[0], calls[0] = stepped[0] + (found.end() - pos if found else 1), calls[0] + 1
            return found

    for name in ("_COMMENT_END",):
        monkeypatch.setattr(builder, name, Counted(getattr(builder, name)))
    for name in ("_MDX_CODES", "_MDX_CLOSE"):
        monkeypatch.setattr(markdown, name, Counted(getattr(markdown, name)))
    n = 8_000
    for head in ("<!--copylint-disable ", "{/*copylint-disable "):
        for text in (head * n, head * n + "-->", head * n + "*/}", (head + "\n") * n, (head + "-->\n") * n):
            stepped[0] = calls[0] = 0
            assert len(list(markdown._mdx_switches(text))) in (0, 1, n), text[-8:]
            assert stepped[0] <= 2 * len(text) and calls[0] <= 2 * text.count("\n") + 2, (text[-8:], stepped, calls)


# Runs of blank lines as W103 and the plain-text reader read them (84d2737): greedy, so `re` kept a backtracking
# state for each line of a run (a .txt of 'x' then 2 MB of blank lines peaked at 373 MB through the CLI).
def _old_run_pattern(maximum: int, any_eol: bool) -> re.Pattern[str]:
    if any_eol:
        return re.compile(rf"(\r\n|\r(?!\n)|\n)((?:[ \t]*(?:\r\n|\r(?!\n)|\n)){{{maximum + 1},}})")
    return re.compile(rf"(\n)((?:[ \t]*\n){{{maximum + 1},}})")


_GAP = re.compile(r"(\n(?:[^\S\n]*\n)+)")
_BLANK_PIECES = ["\n", "\n\n", " ", "\t", "\r", "\r\n", "\xa0", "\x0b", "x", " \n"]


def _runs(pattern: re.Pattern[str]) -> Answer:
    return lambda text: [(m.span(), m.groups()) for m in pattern.finditer(text)]


def test_blank_line_runs_are_the_matches_they_were() -> None:
    from lint.rules.whitespace.blank_line_run import _run_pattern

    from lint.formats import text as plain

    texts = [*texts_of(_BLANK_PIECES, 103, 4, 20_000, 20)]
    for maximum in (0, 1, 2):
        for any_eol in (False, True):
            new, old = _runs(_run_pattern(maximum, any_eol)), _runs(_old_run_pattern(maximum, any_eol))
            assert differences(iter(texts), new, old) == [], (maximum, any_eol)
    assert differences(iter(texts), plain._GAP.split, _GAP.split) == []


def test_a_run_of_blank_lines_is_read_in_memory_that_does_not_grow_with_its_lines() -> None:
    # Counted, not timed: the bytes allocated at the peak of reading a run of 200,000 blank lines, against the
    # text's size (a greedy run kept some 150-180 bytes a line: about 30 MB here).
    import tracemalloc

    from lint.rules.whitespace.blank_line_run import _run_pattern

    from lint.formats import text as plain

    text = "x\n" + "\n" * 200_000 + "y\n"
    reads: dict[str, Callable[[], object]] = {
        "W103": lambda: [m.span() for m in _run_pattern(1, False).finditer(text)],
        "W103 any line end": lambda: [m.span() for m in _run_pattern(1, True).finditer(text)],
        "text _GAP": lambda: plain._GAP.split(text),
    }
    for name, read in reads.items():
        read()  # (compiled before the count)
        tracemalloc.start()
        try:
            read()
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
        assert peak <= 4 * len(text), (name, peak)


def test_plain_text_blocks_read_a_line_of_blanks_once() -> None:
    # `re` counts no steps: the pattern in the `regex` module is given 5 s for a line of 262,144 blanks in a text
    # with CR line ends, which a linear read takes some milliseconds over and the old pattern's n**2 / 2 steps
    # (searched from each blank to the line's end) minutes.
    import regex

    pattern = regex.compile(plain_text._BLOCK.pattern)
    for blank in (" ", "\t", "\xa0"):
        text = "x\r\n" + blank * (1 << 18) + "\r\ny"
        assert [m.span(1) for m in pattern.finditer(text, timeout=5)] == [(0, 1), (len(text) - 1, len(text))]


class _Limited:
    """A module's pattern in the `regex` module, each read given 5 s (`re` counts no steps): an input that the
    old search read from each opening runs past it, and a linear read takes some milliseconds. It counts the
    calls, to show the input reached it."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        import regex

        self.pattern = regex.compile(pattern.pattern)
        self.calls = 0

    def match(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> object:
        self.calls += 1
        return self.pattern.match(text, pos, endpos, timeout=5)

    def finditer(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> object:
        self.calls += 1
        return self.pattern.finditer(text, pos, endpos, timeout=5)

    def sub(self, replace: Callable[..., str], text: str) -> str:
        self.calls += 1
        return self.pattern.sub(replace, text, timeout=5)

    def split(self, text: str) -> list[str]:
        self.calls += 1
        return self.pattern.split(text, timeout=5)


def test_subtitle_tags_read_a_line_of_openings_once(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    # A cue's line of 262,144 characters of tag openings that nothing closes, read through the parser.
    for opening in ("<z", "{\\", "</b"):
        limited = _Limited(subtitles._TAG)
        monkeypatch.setattr(subtitles, "_TAG", limited)
        line = "<i>a</i> " + opening * ((1 << 18) // len(opening)) + "x"
        check_text("1\n00:00:01,000 --> 00:00:02,000\n" + line + "\n", "a.srt")
        assert limited.calls > 0


def test_l101_blanks_a_paragraph_of_openings_once(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    # A French page's paragraph with an English sentence, then 262,144 characters of openings nothing closes.
    english = ("Le chat dort sur la table et il est content. "
               "The cat is sleeping on the table with the dog and it is very happy today. ")
    for opening in ("『.", "(", '"'):
        limited = _Limited(other_language_sentence._QUOTED)
        monkeypatch.setattr(other_language_sentence, "_QUOTED", limited)
        check_text("# Titre\n\n" + english + "(voir) " + opening * ((1 << 18) // len(opening)) + "\n", "fr/page.md", select=["L101"])
        assert limited.calls > 0


def test_s110_splits_a_first_line_of_spaces_once(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    # A text whose first line holds 262,144 spaces and no separator, with a line S102 reports (so S110 reads it).
    limited = _Limited(furniture_block._TITLE_SPLIT)
    monkeypatch.setattr(furniture_block, "_TITLE_SPLIT", limited)
    text = "a" + " " * (1 << 18) + "b\n\nSeveral crashes fixed\n\nAdvertisement\n\nThe update is free for every user.\n"
    assert [f.code for f in check_text(text, "a.txt", select=["S102", "S110"])] == ["S102"]
    assert limited.calls > 0


# XLIFF's `<!-- copylint: disable=CODES -->` as its comment was matched (84d2737): the codes lazily, then `\s*$`, so
# a run of blanks after them not followed by the comment's end was read again from each blank.
_XLIFF_DISABLE = re.compile(r"^\s*copylint:\s*disable=([\w.,:\s-]+?)\s*$")


def test_xliff_disable_matches_what_it_matched() -> None:
    from lint.formats import xliff

    pieces = [" ", "\t", "\n", "\r", "\xa0", "a", "B101", ",", ".", ":", "-", "!", "=", "é", "copylint: disable="]
    texts = ["copylint: disable=" + tail for tail in texts_of(pieces, 90, 4, 30_000, 12)]
    texts += [*texts_of(pieces, 91, 2, 5_000, 8), "copylint: disable=a" + " " * 2000 + "!", " copylint:disable=" + " " * 2000]
    assert differences(iter(texts), _span(xliff._DISABLE), _span(_XLIFF_DISABLE)) == []


def test_xliff_disable_reads_a_run_of_blanks_once() -> None:
    # The `regex` module's timeout, as for the MDX codes: 5 s for a megabyte of blanks after the codes, which the
    # old pattern reads n**2 / 2 times.
    import regex

    from lint.formats import xliff

    pattern = regex.compile(xliff._DISABLE.pattern)
    for tail in ("!", "x!", ""):
        text = "copylint: disable=T101" + " " * (1 << 20) + tail
        assert (pattern.match(text, timeout=5) is None) == bool(tail)


def _old_counts(text: str) -> list[tuple[str, int]]:
    # W106's count of line endings as it was (84d2737): a list of every line ending, then counted
    from collections import Counter

    endings = [(m.start(), m.group()) for m in re.finditer(r"\r\n|\r|\n", text)]
    return list(Counter(e for _, e in endings).items())


def test_line_endings_are_counted_as_they_were() -> None:
    # the kinds in the order they first occur (the majority's tie-break) and their counts
    from lint.rules.whitespace import mixed_line_endings

    texts = texts_of(["\r\n", "\r", "\n", "\n\r", "x", " "], 106, 5, 20_000, 24)
    assert differences(texts, lambda text: list(mixed_line_endings._counts(text).items()), _old_counts) == []


def test_line_endings_are_counted_in_memory_that_does_not_grow_with_the_lines() -> None:
    # Counted, not timed: the bytes allocated at the peak of W106's reading of 200,000 CRLF lines, one kind
    # (a tuple a line ending: some 30 MB), and with one LF among them (the finding holds the minority's places).
    import tracemalloc

    from lint.rules.whitespace.mixed_line_endings import MixedLineEndings

    from lint.formats.text import parse
    from lint.model import Source

    rule = MixedLineEndings()
    for text, found in (("x\r\n" * 200_000, 0), ("x\r\n" * 100_000 + "y\n" + "x\r\n" * 100_000, 1)):
        doc = parse(Source("a.txt", text))
        len(list(rule.check_document(doc)))  # (compiled before the count)
        tracemalloc.start()
        try:
            assert len(list(rule.check_document(doc))) == found
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
        assert peak <= len(text) // 4, (found, peak)


_EOL = re.compile(r"\r\n|\r|\n")


def test_blank_line_runs_count_their_line_endings_as_they_did() -> None:
    # W103's count in its message against the list of the run's line endings it counted before (84d2737), on
    # short texts of blank-line pieces and on a run of 200,000 CRLF lines, read in memory that does not grow
    # with the run (a string a line ending in that list: some 12 MB here).
    import tracemalloc

    from lint.rules.whitespace.blank_line_run import BlankLineRun

    from lint.formats.text import parse
    from lint.model import Source

    def counts(text: str) -> list[str]:
        return [f.message for f in BlankLineRun().check_document(parse(Source("a.txt", "x" + text)))]

    def listed(text: str) -> list[str]:
        text = "x" + text
        found = BlankLineRun().check_document(parse(Source("a.txt", text)))
        return [f"{len(_EOL.findall(text[f.start:f.end]))} blank lines in a row" for f in found]

    assert differences(texts_of(_BLANK_PIECES, 104, 4, 10_000, 20), counts, listed) == []
    doc = parse(Source("a.txt", "x" + "\r\n" * 200_000 + "y"))
    rule = BlankLineRun()
    list(rule.check_document(doc))  # (compiled before the count)
    tracemalloc.start()
    try:
        assert [f.message for f in rule.check_document(doc)] == ["199999 blank lines in a row"]
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak <= 2 * len(doc.text), peak  # (the run, copied: a byte a character)

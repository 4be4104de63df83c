"""Gates and triggers rewritten for speed must choose what the plain reading chooses: T102's gate reads its
words in C, as bytes, and must find the parts the documented reading finds (lowered, marks read as spaces,
str.split()); S101's trigger, factored and possessive, must match where the plain alternation matches; P105's
gate, which pairs all brackets of a document at once in bytes, must choose the segments read one by one; T107's
loop gate must find the same segments in a text's tokens read as ASCII bytes as in its str.split(); an anchored
trigger searched after the prose's line breaks must choose the segments whose texts it matches; P101's and P103's
sentence-end tests, asked as literal-led pieces or string strips, must answer as their patterns."""

from __future__ import annotations

import operator
import os
import random
import re
import sys
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest
from lint.rules.punctuation import mixed_quote_styles, unbalanced_brackets
from lint.rules.scrape import boilerplate_line, duplicated_text
from lint.rules.scrape.leading_metadata_label import LeadingMetadataLabel
from lint.rules.translation import mid_sentence_capital, repeated_phrase, repeated_word

from lint.config import Config
from lint.engine import Linter
from lint.formats.builder import PLACEHOLDER
from lint.model import Document, Segment, Source
from lint.words import SEPARATOR, split_tokens

# The repeats English allows anywhere (its pack's): the gate passes over a part that holds no other pair.
_ENGLISH_REPEATS = repeated_word._repeat_words("en").anywhere


def _segments_with_repeats_by_hand(text: str) -> list[int]:
    """The parts in which a word follows itself, read word by word from the text as a str."""
    low = text.lower()
    for mark in repeated_word._MARKS:
        low = low.replace(mark, " ")
    found: list[int] = []
    for part, piece in enumerate(low.split(SEPARATOR)):
        words = piece.split()
        if any(a == b and (len(a) >= 2 or a == "a") and a.isalpha() and a not in _ENGLISH_REPEATS
               for a, b in pairwise(words)):
            found.append(part)
    return found


def test_unicode_spaces_are_all_that_str_split_breaks_at_outside_ascii() -> None:
    spaces = {chr(c) for c in range(128, sys.maxunicode + 1) if chr(c).isspace()}
    assert spaces == set(repeated_word.UNICODE_SPACES)


def test_t102_gate_finds_the_parts_a_plain_reading_finds() -> None:
    rng = random.Random(18)
    pieces = ["the", "The", "THE", "a", "A", "in", "is", "of", "foo", "x", " ", " ", " ", "\n", "\t", ",", ".", "(",
              "'", "-", "\x1c", "\x1f", "\x0b", "\x01", "\ufffc", "\ufffc\ufffc", "\r", "\x0c", "1", "x1", "|", "@",
              "[", "`", "{", "~"]
    beyond = ["é", "É", "’", "«", "»", "\xa0", "\x85", "\u2003", "\u3000", "İ", "\u2028", "—", "\udc80", "ß"]
    ascii_seen = other_seen = 0
    for n in range(6000):
        alphabet = pieces if n % 2 else pieces + beyond
        parts = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12))) for _ in range(rng.randint(1, 4))]
        text = f" {SEPARATOR} ".join(parts)
        if text.replace("\ufffc", "").isascii():
            ascii_seen += 1
        else:
            other_seen += 1
        assert repeated_word._segments_with_repeats(text, None, _ENGLISH_REPEATS) == _segments_with_repeats_by_hand(text), text
    assert ascii_seen > 1000 and other_seen > 1000


_S101_PLAIN = re.compile(
    r"^(?i:date|dated|updated|last|published|first|posted|modified|created|released|issued|photo|image|"
    r"picture|video|credit|source|foto|illustration|by|written|reporting)\b"
    r"|^[^\W\d_]+(?: [^\W\d_]+){0,3}(?::| \d)")


def test_s101_trigger_matches_where_the_plain_alternation_matches() -> None:
    trigger = re.compile(LeadingMetadataLabel.trigger or "", LeadingMetadataLabel.trigger_flags)
    rng = random.Random(101)
    pieces = ["date", "Date", "DATED", "dates", "by", "By", "bye", "Photo", "photos", "source", "lasting", "x", "É",
              "Ünd", "ß", " ", " ", ":", " 5", "5", "_", "-", "\n", "İ", "credit", "Crédit"]
    texts = ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 9))) for _ in range(20000)]
    texts += ["Updated 10:42 GMT The minister", "Photo: AP Protesters", "By Jane Doe | Reuters", "Released",
              "Mike Blake Reuters Files 3", "One two three four five: x", "One two three four: x"]
    for text in texts:
        ours, plain = trigger.match(text), _S101_PLAIN.match(text)
        assert (ours and ours.span()) == (plain and plain.span()), text


def test_t101_gate_finds_a_match_where_its_trigger_as_written_finds_one() -> None:
    # The gate starts from the space before the capital: a match of one is a match of the other in the
    # same segment (a space is no segment break), text by text, names, accents and line breaks mixed in.
    gate = re.compile(mid_sentence_capital._GATE, re.MULTILINE)
    written = re.compile(mid_sentence_capital._TRIGGER, re.MULTILINE)
    rng = random.Random(1011)
    pieces = ["The", "They", "A", "An", "It", "Is", "Était", "Über", "When", "the", "and", "word", "NASA", ",", ".",
              " ", " ", "  ", "\n", "é", "ö", "x", "Th", "'", "’", "-", "5", "Die", "Het", "Les"]
    for _ in range(20000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        assert (gate.search(text) is None) == (written.search(text) is None), text
    assert gate.search("the border city The most violent") and not gate.search("The most violent")


def test_t101_gate_matches_at_the_space_before_each_capital_the_trigger_matches_at() -> None:
    # The gate reads the character before the space through one class (`[\\w'’,-]`) that must hold every
    # character any branch's lookbehind allows: Latin letters and punctuation and some beyond before the
    # space, each of the trigger's words after it. A class left narrower (no `’`, no `,`, no `œ`) fails here.
    gate = re.compile(mid_sentence_capital._GATE, re.MULTILINE)
    written = re.compile(mid_sentence_capital._TRIGGER, re.MULTILINE)
    t101 = mid_sentence_capital
    words = sorted({*t101._WORDS, *t101._OTHER_WORDS, *t101._RUN_TRIGGER_WORDS, "A", *t101._LETTERS})
    # (Latin, general punctuation, a few letters and marks beyond: the lookbehinds list only such characters.)
    befores = "".join(map(chr, [*range(0x21, 0x250), *range(0x2000, 0x2070)])) + "ΑλЖж中ー。、\ufffc\u3000"
    text = "\n".join(f"x{c} {w} next" for w in words for c in befores)
    assert [m.start() for m in gate.finditer(text)] == [m.start() - 1 for m in written.finditer(text)]
    assert sum(1 for _ in gate.finditer(text)) > 10 * len(words)


def test_s108_split_mark_by_mark_cuts_the_pieces_the_class_split_cuts() -> None:
    # Marks next to marks, every kind of white space str patterns know, the cut character in the text.
    rng = random.Random(108)
    pieces = [".", "!", "?", "..", "?!", " ", "  ", "\n", "\t", "\xa0", "\u2003", "\x1c", "\x85", "\x01", "\0", "a",
              "Word", "é"]
    for _ in range(20000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 14)))
        assert duplicated_text._pieces_split(text) == duplicated_text._MARK_SPLIT.split(text), repr(text)


def test_p105_gate_reads_the_segments_whose_brackets_do_not_nest_or_may_hold_an_emoticon() -> None:
    linter, config = Linter(), Config()
    rng = random.Random(105)
    pieces = ["(", ")", "[", "]", "{", "}", "a", "word", " ", "\n\n", "é", "𝄞", "\ufffc", ":)", ";-(", "=]", "\udc80"]
    for _ in range(1500):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 40)))
        doc: Document = linter.document(Source(path="a.txt", text=text), config)
        by_hand = [seg for seg in doc.segments if not unbalanced_brackets._nested_well(seg.text)
                   or unbalanced_brackets._EMOTICON_HINT.search(seg.text)]
        assert unbalanced_brackets._segments_to_read(doc) == by_hand, text


def test_p105_gate_reads_the_same_segments_off_the_one_byte_text_the_repeat_rules_leave() -> None:
    # Where T107 and T102 left lint.words.encoded on the document, P105 pairs its brackets there, not in a
    # UTF-8 pass of its own: the same segments, whatever the text holds (curly quotes, placeholders, \x02).
    from lint.words import encoded, known_encoded

    linter, config = Linter(), Config()
    rng = random.Random(1105)
    pieces = ["(", ")", "[", "]", "{", "}", "a", "word", " ", "\n\n", "é", "’", "€", "𝄞", "\ufffc", "\x02", ":)",
              "=]", "\udc80", "\0"]
    held = 0
    for _ in range(1500):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 40)))
        doc: Document = linter.document(Source(path="a.txt", text=text), config)
        assert known_encoded(doc) is None
        before = unbalanced_brackets._segments_to_read(doc)
        held += encoded(doc) is not None
        assert unbalanced_brackets._segments_to_read(doc) == before, text
    assert held > 100


def test_t107_loop_gate_finds_the_same_segments_in_bytes_as_in_str_tokens() -> None:
    rng = random.Random(107)
    pieces = ["the", "The", "cat", "sat", "foo", "a", "of", "is", " ", " ", " ", "\n", "\t", ",", ".", ";", "!", ")", "]", '"',
              "\ufffc", "\x01", "\x02", "\x1c", "\x1f", "\x0b", f" {SEPARATOR} ", " the cat the cat the cat ",
              " foo, foo, foo, foo "]
    as_bytes = beyond_ascii = with_loops = 0
    for n in range(8000):
        # (Text in Windows-1252's repertoire is split as its bytes too; a character outside it, as str.)
        alphabet = pieces if n % 4 == 1 else [*pieces, "é", "”", "’", "“", "—", "Ü", "\xa0", "€", "it’s", "cat’"] if n % 4 \
            else [*pieces, "é", "”", "\xa0", "\u3000", "\x85", "\u2003"]
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 60)))
        tokens = split_tokens(text)
        as_bytes += bool(tokens) and isinstance(tokens[0], bytes)
        beyond_ascii += bool(tokens) and isinstance(tokens[0], bytes) and not text.replace("\ufffc", "").isascii()
        found = repeated_phrase._segments_with_loops(tokens)
        with_loops += bool(found)
        assert found == repeated_phrase._segments_with_loops(text.split()), text
    assert as_bytes > 3000 and beyond_ascii > 500 and with_loops > 50


def test_t107_doublings_are_found_where_the_pattern_finds_them() -> None:
    """``_doubled_matches`` (the engine started at the word before each ` and `) against the pattern's own
    ``finditer``: words of letters, capitals, digits, underscores and letters outside ASCII run into the
    `and`s, marks and other clause words follow, the pairs run on (`calm and calm and calm`)."""
    rng = random.Random(1073)
    words = ["calm", "calm", "calm", "and", "Calm", "ca", "xcalm", "calm_", "1calm", "écalm", "calmé", "or", "but",
             "\ufffc", "more", "an", "d", "_", ""]
    gaps = [" and ", " and ", " and ", " ", "  ", "\n", ". ", ",", ")", "!", " and\n", "\t", "and "]
    found = 0
    for _ in range(20000):
        text = "".join(rng.choice(words) + rng.choice(gaps) for _ in range(rng.randint(0, 12)))
        expected = [(m.span(), m.groups()) for m in repeated_phrase._DOUBLED.finditer(text)]
        assert [(m.span(), m.groups()) for m in repeated_phrase._doubled_matches(text)] == expected, text
        found += bool(expected)
    assert found > 500


def test_t107_doublings_are_looked_for_where_a_paragraph_may_hold_one() -> None:
    """``_holds_doubling`` over the joined texts is True wherever one text holds a match of ``_DOUBLED`` (the
    oracle: the pattern searched in each text), at a text's end before the separator, after its start, over
    trailing spaces and line breaks; and its scan (the engine started at each ` and `) agrees with a search of
    the joined pattern."""
    from lint.words import SEPARATOR

    rng = random.Random(1074)
    words = ["calm", "calm", "calm", "and", "Calm", "ca", "xcalm", "écalm", "or", "but", "\ufffc", "more", "d", "_", ""]
    gaps = [" and ", " and ", " and ", " ", "\n", ". ", ",", ")", " and\n", "\t", "and "]
    held = 0
    for _ in range(20000):
        texts = ["".join(rng.choice(words) + rng.choice(gaps) for _ in range(rng.randint(0, 6))).strip(rng.choice(["", " "]))
                 for _ in range(rng.randint(1, 4))]
        joined = f" {SEPARATOR} ".join(texts)
        holds = repeated_phrase._holds_doubling(joined)
        assert holds == (repeated_phrase._DOUBLED_JOINED.search(joined) is not None), texts
        if any(repeated_phrase._DOUBLED.search(t) for t in texts):
            held += 1
            assert holds, texts
    assert held > 1000


def test_t107_loop_gate_names_the_segments_that_hold_a_loop() -> None:
    # The segment of a hit is told by the separators before it: a loop in the first or the last segment, after
    # empty ones, or found at a longer period before one in an earlier segment at a shorter, is named where it is.
    rng = random.Random(1071)
    named = 0
    for n in range(3000):
        parts: list[str] = []
        looped: set[int] = set()
        for i in range(rng.randint(1, 12)):
            # (Two empty parts in a row are three separators in a row: the gate reads them as a word's loop.)
            if rng.random() < 0.25 and parts[-1:] != [""]:
                parts.append("")
                continue
            # Words no other part holds: no run of equal pairs may cross a separator.
            filler = [f"w{i}x{k}" for k in range(rng.randint(1, 4))]
            if rng.random() < 0.4:
                phrase = [f"p{i}y{k}" for k in range(rng.randint(1, 4))]
                at = rng.randint(0, len(filler))
                filler[at:at] = phrase * 3
                looped.add(i)
            parts.append(" ".join(filler))
        text = f" {SEPARATOR} ".join(parts)
        tokens = split_tokens(text) if n % 2 else text.split()
        assert repeated_phrase._segments_with_loops(tokens) == looped, parts
        named += len(looped) > 1
    assert named > 1000


def _t107_segments_read(monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    """The words of each segment T107 reads for loops from now on (its ``_loops_in`` counted)."""
    read: list[list[str]] = []
    loops_in = repeated_phrase._loops_in

    def counted(words: list[str], *args: Any) -> list[tuple[int, int, int]]:
        read.append(words)
        return loops_in(words, *args)

    monkeypatch.setattr(repeated_phrase, "_loops_in", counted)
    return read


def test_t107_reads_for_loops_only_the_segments_its_loop_gate_chose(monkeypatch: pytest.MonkeyPatch) -> None:
    # `` `a` and `b` `` is a doubling to its gate (two placeholders): the segment is read for `X and X`, not
    # word by word for loops, which the loop gate found none of (191 of the Rust book's 197 segments read so).
    read = _t107_segments_read(monkeypatch)
    rule = repeated_phrase.RepeatedPhrase()
    text = ("Set `a` and `b` to the values you need.\n\nThe reform plan the reform plan the reform plan was ready.\n\n"
            "Officials urged calm and calm.\n")
    doc = Linter().document(Source("a.md", text), Config())
    found = sorted(f.message for f in rule.check_document(doc))
    assert found == ["'calm and calm': a word joined to itself", "Phrase 'The reform plan' repeated 3 times in a row"]
    assert [words[:3] for words in read] == [["the", "reform", "plan"]]


def _t107_loops_by_hand(seg: Segment, source: str, sentence_case: bool) -> list[tuple[int, int, str]]:
    """T107's loops in a segment as the rule first read them: each word's span, then its text lowered (a
    placeholder: the source it stands for), the spans read for every segment."""
    text = seg.text
    pattern = repeated_phrase._SPAN_OR_CODE if PLACEHOLDER in text else repeated_phrase._SPAN
    spans = [m.span() for m in pattern.finditer(text)]
    words = [repeated_phrase._code_as_written(seg, source, s) if text[s] == PLACEHOLDER else text[s:e].lower()
             for s, e in spans]
    loops = []
    for d in range(1, repeated_phrase._LONGEST + 1):
        run = b"\x01" * (2 * d if d > 1 else 2)
        same = bytes(map(operator.eq, words, words[d:]))
        at = same.find(run)
        while at >= 0:
            copies = 3
            while words[at + copies * d:at + (copies + 1) * d] == words[at:at + d]:
                copies += 1
            phrase = words[at:at + d]
            if any(len(w) > 1 and not w.isdigit() for w in phrase) and (d > 1 or len(phrase[0]) > 3) and (
                    d > 1 or copies > 3
                    or repeated_phrase._triple_in_prose(text, spans, at, phrase[0], sentence_case)) and (
                    any(len(w) > 2 for w in phrase) or repeated_phrase._loop_of_short_words(text, spans, at, d, copies)):
                loops.append((at, d, copies))
            at = same.find(run, at + d * copies)
    out, covered = [], -1
    for k, d, copies in sorted(loops):
        if k >= covered:
            covered = k + d * copies
            said = text[spans[k][0]:spans[k + d - 1][1]]
            out.append((spans[k + d][0], spans[k + d * copies - 1][1], f"Phrase '{said}' repeated {copies} times"))
    return out


def test_t107_loops_read_from_lowered_matches_find_what_the_spans_found() -> None:
    # The words are read as the pattern's matches lowered, a placeholder replaced by its source in place,
    # the spans only where a loop is found: the same loops, at the same places, as span by span.
    rng = random.Random(1070)
    words = ["the", "The", "Orchestral", "orchestral", "tournament", "knock", "plan", "a", "1", "and", "of", "`x`",
             "`the`", "`plan`", "`x y`", "*plan*", "é", "Straße", "İstanbul", "ǅemal", "Gooooal"]
    gaps = [" ", " ", " ", ", ", ": ", "\n", " and "]
    rule = repeated_phrase.RepeatedPhrase()
    coded = looped = 0
    for _ in range(4000):
        phrase = [rng.choice(words) for _ in range(rng.randint(1, 3))]
        parts = [rng.choice(words) for _ in range(rng.randint(0, 4))] + phrase * rng.randint(2, 5) + \
            [rng.choice(words) for _ in range(rng.randint(0, 4))]
        text = "".join(w + rng.choice(gaps) for w in parts).strip() + "\n"
        doc = Linter().document(Source(path="a.md", text=text), Config())
        for seg in doc.segments:
            for sentence_case in (True, False):
                found = [(f.start, f.end, f.message) for f in rule._loops(seg, doc.text, sentence_case)]
                by_hand = [(seg.to_source(s), seg.to_source_end(e), m + " in a row")
                           for s, e, m in _t107_loops_by_hand(seg, doc.text, sentence_case)]
                assert found == by_hand, text
                coded += PLACEHOLDER in seg.text and bool(found)
                looped += bool(found)
    assert looped > 1000 and coded > 300, (looped, coded)


def test_anchored_triggers_searched_over_the_prose_choose_the_segments_each_text_matching_chooses() -> None:
    from lint.check import _starting_with
    from lint.model import Segment
    from lint.scan import line_scanner

    patterns = [r"^(?:Home|Start|Startseite|Accueil|Inicio|Main|Index|News)\b", r"^(?i:ab)c", r"^(?:ab|a)\B",
                r"^x(?:y|z)*+\b", r"^(?:Q|q )\w", r"^a.b"]
    refused = [r"^a\s", r"^a$", r"^(?=a)", r"^a|b", r"^[^x]", r"^\w+ \d", r"(?m)^a", r"^(?s:a.)"]
    assert all(line_scanner(p, 0) is None for p in refused)
    rng = random.Random(109)
    pieces = ["Home", "home", "News", "Newsletter", "Start", "ab", "AB", "abc", "aBc", "a", "b", "c", "x", "y", "z",
              "Q", "q", " ", "\n", "\t", ".", ":", "é", "_", "1", "axb", "a\nb"]
    tried = 0
    for pattern in patterns:
        scan = line_scanner(pattern, 0)
        assert scan is not None, pattern
        compiled, scanner = re.compile(pattern), re.compile(scan)
        for _ in range(1500):
            texts = ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 6))) for _ in range(rng.randint(1, 6))]
            segments = [Segment(t, "paragraph", ((0, 0),), i) for i, t in enumerate(texts)]
            doc = Document(Source(path="a.txt", text="\n".join(texts)), "text", segments)
            expected = [s for s in segments if compiled.match(s.text)]
            assert _starting_with(doc, compiled, scanner) == expected, (pattern, texts)
            tried += bool(expected)
    assert tried > 1000


def test_p101_and_p103_sentence_end_tests_answer_as_their_patterns() -> None:
    from lint.rules.punctuation import missing_terminal_punctuation as p103
    from lint.rules.punctuation import orphaned_quote as p101

    rng = random.Random(103)
    pieces = ["a", "A", "I", "x", "Mr", "b.", " ", "  ", "\n", "\t", "\u2003", "\xa0", ".", "!", "?", "…", '"', "”",
              "’", ")", "]", "(", "“", "[", "‘", "é"]
    seen = [0, 0, 0]
    for _ in range(30000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 10)))
        answers = (p101._holds_inner_end(text), p103._holds_inner_sentence_end(text), p103._ends_sentence(text))
        assert answers == (p101._INNER_END.search(text) is not None,
                           p103._INNER_SENTENCE_END.search(text) is not None,
                           p103._ENDS_SENTENCE.search(text) is not None), text
        seen = [n + a for n, a in zip(seen, answers, strict=True)]
    assert min(seen) > 100  # each test answered yes often enough to compare


def test_t102_gate_reads_the_bytes_t107_shares_as_it_reads_the_text() -> None:
    from lint.words import encoded_text

    rng = random.Random(102)
    # (\t, \r, \x0c: the white space the pair regex over those bytes reads as a space, as bytes.split() did;
    # ª: a letter of that repertoire, outside A-Z and Latin-1's accented block)
    pieces = ["the", "The", "a", "of", "x", " ", " ", "\n", "\t", "\r", "\x0c", ",", ".", "'", "\x02", "\ufffc", "é",
              "É", "ª", "’", "«", "\xa0", "\u2003", "—", "ß"]
    shared = 0
    for _ in range(6000):
        parts = ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 10))) for _ in range(rng.randint(1, 4))]
        text = f" {SEPARATOR} ".join(parts)
        data = encoded_text(text)
        shared += data is not None
        assert repeated_word._segments_with_repeats(text, data, _ENGLISH_REPEATS) == _segments_with_repeats_by_hand(text), text
    assert shared > 1000


def test_s102_s_next_lines_are_its_line_pattern_s_lines() -> None:
    # The lines after one that ends a sentence, found through the cheaper patterns, are those the one
    # pattern finds, in order, whatever the line breaks and the spaces or tabs before them.
    rng = random.Random(145)
    pieces = ["Word", "two", ".", "!", "?", ":", ")", "\u201d", " ", "\t", "\n", "\r\n", "\r", "\u00a0", "A", "x y"]
    for _ in range(5000):
        body = "".join(rng.choice(pieces) for _ in range(rng.randrange(40)))
        assert boilerplate_line._next_lines(body) == boilerplate_line._NEXT_LINE.findall(body), repr(body)


def test_s108_pieces_are_the_mark_split_s_with_few_or_many_other_marks() -> None:
    rng = random.Random(1450)
    for weights in ((8, 1, 1), (1, 4, 4)):  # mostly full stops; mostly ! and ?
        for _ in range(3000):
            text = "".join(rng.choices([".", "!", "?", " ", "\n", "a", "b c"], [*weights, 3, 1, 4, 2],
                                       k=rng.randrange(60)))
            assert duplicated_text._pieces_split(text) == duplicated_text._MARK_SPLIT.split(text), repr(text)


def test_t102_s_utf8_pair_pattern_passes_over_tokens_that_are_not_words() -> None:
    # Pairs of numbers, codes or table cells are no repeated word: found in C, each would cost a step
    # in Python for a pair the rule throws away (a Greek page's table of digits ran 40 % slower).
    pair = repeated_word._TOKEN_PAIR
    assert [m.group(1) for m in pair.finditer(" 1 1 x1 x1 | 0 | 0 | \u00ce\u00a9 \u00ce\u00a9 the the ")] == [
        "\u00ce\u00a9", "the"]


def _matched_texts(pattern: re.Pattern[str], pieces: list[str], rnd: random.Random, count: int,
                   longest: int) -> list[str]:
    """The texts the pattern finds something in, of ``count`` made of up to ``longest`` random pieces."""
    texts = ("".join(rnd.choice(pieces) for _ in range(rnd.randint(1, longest))) for _ in range(count))
    return [text for text in texts if pattern.search(text) is not None]


def test_t101_article_a_matches_only_where_a_space_stands_on_each_side_of_an_a() -> None:
    """T101 scans for the article `A` only in a text holding " A ": on random texts made of the pattern's
    pieces, every match is in such a text."""
    pattern = mid_sentence_capital._ARTICLE_A
    pieces = ["A", " A ", "A  ", " ", "  ", "\n", "\t", "in", "it's", "It’s", "At", "signing", "the", "to",
              "contract", "major", "a", "x", ",", ".", "-", "’"]
    matched = _matched_texts(pattern, pieces, random.Random(4), 20000, 12)
    assert len(matched) > 100
    assert all(" A " in text for text in matched), [text for text in matched if " A " not in text]


def test_s102_credit_end_matches_only_where_a_credit_mark_stands() -> None:
    """S102 asks its caption-credit pattern only of a line holding one of ``_CREDIT_MARKS``: on random
    lines made of the pattern's pieces, every line it matches holds one."""
    pattern, marks = boilerplate_line._CREDIT_END, boilerplate_line._CREDIT_MARKS
    pieces = ["(", ")", " (", "AP ", "Getty ", "Photo", "Image", "Picture", " credit", " by ", "/", ": ", "Credit",
              "Courtesy", "...", "Doug Mills", "NASA", "JPL", " ", ".", "!", "?", "”", "The", "caption", "x", "\n",
              "(Photo by Ann Lee)", "(Credit: Ann Lee)", "Credit...Doug", ". (NASA/JPL)", ". (Ann Lee / ESA)", "(Image: AP)"]
    matched = _matched_texts(pattern, pieces, random.Random(6), 30000, 14)
    assert len(matched) > 200
    assert all(any(mark in line for mark in marks) for line in matched), matched


def test_p102_lists_curly_marks_only_where_a_straight_mark_could_be_curly(monkeypatch: pytest.MonkeyPatch) -> None:
    """Most pages with curly marks have no straight mark that could be curly: their curly marks, many, are
    not listed (a finding needs both kinds)."""
    scanned: list[str] = []
    curly = mixed_quote_styles._CURLY

    class Counted:
        def finditer(self, text: str) -> Any:
            scanned.append(text)
            return curly.finditer(text)

    monkeypatch.setattr(mixed_quote_styles, "_CURLY", Counted())
    rule = mixed_quote_styles.MixedQuoteStyles()
    linter = Linter()
    curly_only = "She said “go” and it’s done.\n\nHe said “stop”, then `print('x')` ran.\n"
    assert list(rule.check_document(linter.document(Source("a.md", curly_only), Config()))) == []
    assert scanned == []
    mixed = "She said “go” and it’s done.\n\nHe said \"stop\", then left.\n"
    list(rule.check_document(linter.document(Source("a.md", mixed), Config())))
    assert scanned == ["She said “go” and it’s done."]


def test_template_expressions_with_the_one_line_shape_first_match_as_the_plain_alternation() -> None:
    from lint.formats import templates

    plain = re.compile(templates._EXPRESSION.pattern.split("|", 3)[3])  # the alternation without the fast shape
    assert plain.pattern.startswith(r"\{\{\{")
    rng = random.Random(1801)
    pieces = ["{", "{", "{{", "}", "}}", "%", "#", "`", "\n", "\n\n", " \n", "a", "b c", "é", "<", ">", "#include x",
              "{%", "%}", "{#", "#}", "-}}", "{{-", "\r\n"]
    matched = 0
    for n in range(20000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 14)))
        if n % 4 == 0:  # a body about as long as the shapes' bound: 400 characters, or 400 steps of the alternation
            text = rng.choice(["{{", "{%", "{#", "{{{"]) + "x" * rng.randint(397, 401) + rng.choice(["}}", "%}", "#}"]) + text
        fast = [m.span() for m in templates._EXPRESSION.finditer(text)]
        assert fast == [m.span() for m in plain.finditer(text)], text
        matched += bool(fast)
    assert matched > 1000


def test_template_view_reads_only_where_its_markers_say_as_with_every_scan() -> None:
    from lint.formats import templates

    rng = random.Random(1802)
    pieces = ["{", "{{", "}}", "{%", "%}", "{#", "#}", "{.", "{:", "{ ", ":::", "::::", "!!!", "???", "???+", "[[toc]]",
              "[[", "<<< @/a.js", "<<<", "\n", "\n", "   ", "    ", " ", "## ", "tip", '"T"', "a", "`", "é", "\r\n",
              "{' '}", '{" "}', "'", "{{'"]
    found = 0
    for _ in range(6000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 16)))
        present = templates._markers(text)
        # Every scan template_view may skip finds nothing where its marker is absent.
        if ":::" not in present:
            assert not list(templates._CONTAINER.finditer(text)), text
        if not {"!!!", "???"} & present:
            assert not list(templates._ADMONITION.finditer(text)), text
        if not {"[[", "<<<"} & present:
            assert not list(templates._DIRECTIVE.finditer(text)), text
        if not present:
            assert templates.block_attributes(text) == ([], []) and not templates.expression_spans(text), text
        if present.isdisjoint(templates._ATTRIBUTE_HINTS):
            assert templates.block_attributes(text) == ([], []), text
        if present.isdisjoint(templates._JSX_OPENINGS):
            assert not templates._JSX_LITERAL.search(text), text
        found += bool(present)
    assert found > 3000


def test_t107_unspaced_gate_chooses_every_segment_the_plain_loop_pattern_matches() -> None:
    # The gate (characters equal to those a period on, in C over the segments with Han, kana or Hangul)
    # must choose every segment in which the plain pattern (a unit, then copies glued or parted by one mark
    # each time) matches.
    from lint.rules.translation import _unspaced_loops as unspaced

    rng = random.Random(1071)
    pieces = ["奶油", "的", "金融", "产品", "总统", "少数の", "サービス", "は", "哈", "ドキ", "대통령", "x", "1", " ", "，",
              "、", "。", ",", ", ", "|", "\t", "\n", "\ufffc", "\x01", "\0", "「", "……", "é"]
    chosen = matched = 0
    for _ in range(6000):
        texts = ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 14))) for _ in range(rng.randint(1, 4))]
        if rng.random() < 0.4:  # a loop put in: one piece said three times or more, glued or parted
            unit, gap = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 3))), rng.choice(["", "，", ", ", " "])
            k = rng.randrange(len(texts))
            texts[k] += gap.join([unit] * rng.randint(3, 5))
        segments = [Segment(t, "paragraph", ((0, 0),), i) for i, t in enumerate(texts)]
        doc = Document(Source(path="a.txt", text="\n".join(texts)), "text", segments)
        gate = unspaced.segments_with_unspaced_loops(doc)
        plain = {i for i, text in enumerate(texts) if unspaced._LOOP.search(text)}
        assert plain <= gate, texts
        chosen += len(gate)
        matched += bool(plain)
    assert matched > 1000 and chosen < 6000 * 2.5


def test_t107_reads_no_segment_for_words_said_again_only_across_segments(monkeypatch: pytest.MonkeyPatch) -> None:
    # Three paragraphs alike (a list of the same item, entries of a catalogue that say the same): each says
    # its words once, and the run of equal tokens the gate sees goes through the separators between them.
    read = _t107_segments_read(monkeypatch)
    rule = repeated_phrase.RepeatedPhrase()
    text = "Install the package first.\n\nInstall the package first.\n\nInstall the package first.\n\nDone.\n"
    doc = Linter().document(Source("a.md", text), Config())
    assert list(rule.check_document(doc)) == [] and read == []


def test_furniture_keys_cut_from_the_lowered_text_are_the_lines_lowered_one_by_one() -> None:
    """S102's exact phrases are asked of each candidate line stripped and lowered: ``_keys`` cuts them from
    the lines' text lowered once. Its premises hold on every code point (no character lowers to a newline or
    to a string with a ``_TRIM`` character at an end; those are caseless and lower to themselves; a newline
    is neither cased nor case-ignorable), and the keys equal the plain ones on random lines of capitals,
    sigmas, dotted I, trimmed marks and case-ignorable characters."""
    from lint.rules.scrape._furniture import _TRIM, _keys

    trim = set(_TRIM)
    for code in range(sys.maxunicode + 1):
        ch = chr(code)
        low = ch.lower()
        assert "\n" not in low or ch == "\n"
        if ch in trim:
            assert low == ch == ch.upper()
        elif low:
            assert low[0] not in trim and low[-1] not in trim, hex(code)
    assert "\n".lower() == "\n" and "A\nΣ".lower() == "a\nσ" and "AΣ\n".lower() == "aς\n"
    pool = "aAΣσςİıſK\u212a\u0307'.·:-– \t\u00a0…!»«|*>ÉéßẞΩΣ" + "xyz"
    rng = random.Random(18)
    for _ in range(20_000):
        lines = ["".join(rng.choice(pool) for _ in range(rng.randrange(0, 9))) for _ in range(rng.randrange(0, 6))]
        joined = "\n" + "\n".join(lines)
        plain = [line.strip(_TRIM).lower() for line in lines]
        assert _keys(lines, joined, joined.lower()) == plain, lines
    lines = ["a\nb", "C"]  # a line with a newline of its own: read one by one
    joined = "\n" + "\n".join(lines)
    assert _keys(lines, joined, joined.lower()) == ["a\nb", "c"]


def test_furniture_exact_gate_finds_the_lines_whose_keys_are_exact_phrases() -> None:
    """S102 finds the candidate lines that are an exact phrase with one scan of their lowered text
    (``Judge.exact_gate``), where each line's key was cut and looked up: the same lines, on random lines of
    the phrases' words, capitals, sigmas, dotted I, trimmed marks and line breaks of other kinds."""
    from lint.rules.scrape._furniture import _TRIM, _default_judge, _keys

    from lint.lowered import lowered

    judge = _default_judge()
    assert judge.exact_gate is not None
    phrases = sorted(judge.exact)
    pool = ["Advertisement", "SHARE", "share this", "Σ", "İ", "ı", " ", "\t", "•", ":", "…", "-", "x", "ad", "\r",
            "\u2028", "é", "ß", "Read", "more", "  "]
    rng = random.Random(246)
    matched = 0
    for _ in range(20_000):
        lines = []
        for _ in range(rng.randrange(1, 6)):
            words = [rng.choice(pool) for _ in range(rng.randrange(0, 4))]
            if rng.random() < 0.5:
                words.insert(rng.randrange(len(words) + 1), rng.choice(phrases).upper() if rng.random() < 0.3
                             else rng.choice(phrases))
            lines.append("".join(words))
        joined = "\n" + "\n".join(lines)
        expected = {i for i, key in enumerate(_keys(lines, joined, lowered(joined))) if key in judge.exact}
        assert judge._exact_lines(lines, joined, lowered(joined)) == expected, lines
        assert expected <= set(judge.maybe_furniture(lines)), lines
        matched += len(expected)
    assert matched > 2000 and all(c in _TRIM for c in "•:…-")


def test_s102_slow_gates_words_are_found_in_one_pass_as_substring_tests_find_them() -> None:
    """S102 finds which of its slow gates' ASCII words a text holds in one pass (Aho-Corasick, every
    occurrence: `news` inside `newsletter`, `hoto` inside `photo`), where each word was a substring test: the
    same words, on random texts of the words, their pieces and other characters; and every line a slow gate
    matches is still among the lines ``maybe_furniture`` names."""
    from lint.rules.scrape._furniture import _default_judge

    judge = _default_judge()
    assert judge.ascii_words is not None
    words = sorted({w for required, _ in judge.slow_gates for c in required for w in c if w.isascii()})
    pool = [*words, *(w[: len(w) // 2] for w in words), *(w[len(w) // 2:] for w in words), " ", "\n", "é", "’", "x",
            "By ", ": Getty Images", "Photo: ", "Follow us on ", "\nFollow us on Twitter\n", "\nPhoto: Getty Images\n",
            "\nSign up for our newsletter\n", "\nShare on Facebook\n", "\nJane Doe/Getty Images\n"]
    rng = random.Random(102)
    found = 0
    for _ in range(5_000):
        text = "".join(rng.choice(pool) for _ in range(rng.randrange(0, 12)))
        expected = {w for w in words if w in text}
        assert set(judge.ascii_words.find_matches_as_strings(text, overlapping=True)) == expected, text
        lines = text.split("\n")
        gated = {i for i, line in enumerate(lines) for _, gate in judge.slow_gates
                 if gate is not None and gate.match("\n" + line)}
        assert gated <= set(judge.maybe_furniture(lines)), lines
        found += len(gated)
    assert found > 500


def test_s102_first_lines_cut_from_the_texts_are_the_ones_its_pattern_finds_in_the_body() -> None:
    """S102 cuts each segment's first line from its text (``_first_lines``), where ``_FIRST_LINE`` was searched
    for in the texts joined after NULs: the same lines in the same order, on random texts of words, line
    breaks, CRs, NULs of their own, empty texts and lines around the 160 characters' bound."""
    from lint.rules.scrape.boilerplate_line import _FIRST_LINE, _first_lines

    pool = ["word", " ", "\n", "\n\n", "x" * 80, "y" * 79, "é", "\u2028", "\x85", ".", "\r", "\x00"]
    rng = random.Random(102)
    cut = 0
    for _ in range(20_000):
        texts = ["".join(rng.choice(pool[:-2] if rng.random() < 0.9 else pool) for _ in range(rng.randrange(0, 6)))
                 for _ in range(rng.randrange(1, 6))]
        body = "\x00" + "\x00".join(texts)
        expected = _FIRST_LINE.findall(body)
        assert _first_lines(body, texts) == expected, texts
        cut += "\r" not in body and body.count("\x00") == len(texts)
    assert cut > 10_000


def _p101_paragraphs_searched_for_scripts(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The paragraphs P101 searches for letters of a right-to-left script from now on (the real search, counted)."""
    from lint.rules.punctuation import orphaned_quote as p101

    searched: list[str] = []
    written = p101._written_right_to_left

    def counted(text: str) -> bool:
        searched.append(text)
        return written(text)

    monkeypatch.setattr(p101, "_written_right_to_left", counted)
    return searched


def test_p101_searches_no_paragraph_for_right_to_left_letters_where_the_prose_holds_none(
        monkeypatch: pytest.MonkeyPatch) -> None:
    # English with curly double quotes, outside ASCII: each paragraph with a double mark was searched at every
    # character for a Hebrew or Arabic letter (199 of the Rust book's paragraphs), none of which the prose holds.
    from lint.rules.punctuation import orphaned_quote as p101

    searched = _p101_paragraphs_searched_for_scripts(monkeypatch)
    text = "He said “yes” to it.\n\nShe wrote “no” — twice.\n\nThe end “of it.\n"
    doc = Linter().document(Source("a.md", text), Config())
    found = [f.message for f in p101.OrphanedQuote().check_document(doc)]
    assert found == ["Opening quotation mark is never closed in this paragraph"]
    assert searched == []
    # A paragraph of Arabic letters in the same document: every paragraph with a double mark is read again.
    doc = Linter().document(Source("a.md", text + "\nقال “نعم” له.\n"), Config())
    list(p101.OrphanedQuote().check_document(doc))
    assert len(searched) == 4


def test_p101_right_to_left_gate_keeps_every_paragraphs_reading() -> None:
    """P101 asks a paragraph for its right-to-left letters only where the prose's characters outside ASCII
    hold one (the document-wide gate): on random documents of Latin, Hebrew, Arabic, digits and marks, and
    every page of the Rust book, each paragraph reads as the ungated test reads it."""
    from lint.rules.punctuation import orphaned_quote as p101

    from lint.scan import non_ascii

    pieces = ["word ", "Wort ", "שלום ", "مرحبا ", "٣ ", "“", "”", '"', "é", "\u05b0", "\u0660", "\u08a0", "\ufb1d",
              "\ufe70", "ﷲ", "\n\n", ". ", "ـ"]
    rng = random.Random(101)
    texts = ["".join(rng.choice(pieces) for _ in range(rng.randrange(1, 30))) for _ in range(3000)]
    shared = Path(os.environ.get("COPYLINT_SHARED") or Path(__file__).resolve().parents[1] / ".." / "shared")
    texts += [p.read_text(encoding="utf-8") for p in sorted((shared / "corpus" / "rust-book").glob("*.md"))]
    for text in texts:
        doc = Linter().document(Source("a.md", text), Config())
        prose = doc.prose[0]
        scripts = p101._RTL_LETTER.search("" if prose.isascii() else non_ascii(prose)) is not None
        for seg in doc.segments:
            for language in ("en", "ar", "pnb"):
                assert p101._right_to_left(seg.text, language, scripts) == p101._right_to_left(seg.text, language)


def test_a_segment_s_source_span_is_where_its_first_and_last_characters_map() -> None:
    """``Segment.source_span`` reads the span off the first and last anchors where it can: for every segment of
    the format fixtures, the seed, the Rust book and a sample of the PEPs (Markdown, reST, HTML, PO, XLIFF, JSON,
    subtitles ...), it is ``(to_source(0), to_source_end(len(text)))``, and a document's spans are those sorted.
    In a clone without ../shared, the format fixtures alone."""
    shared = Path(os.environ.get("COPYLINT_SHARED") or Path(__file__).resolve().parents[1] / ".." / "shared")
    paths = sorted(p for p in (Path(__file__).parent / "fixtures" / "formats").rglob("*") if p.is_file())
    fixtures = len(paths)
    paths += sorted((shared / "seed").rglob("*.*")) + sorted((shared / "corpus" / "rust-book").glob("*.md"))
    paths += sorted((shared / "corpus" / "peps").glob("*.rst"))[::10]
    linter, config = Linter(), Config()
    read = 0
    for path in paths:
        try:
            doc = linter.document(Source(str(path), path.read_text(encoding="utf-8")), config)
        except Exception:  # a fixture that is no document (a broken file for the error tests)
            continue
        spans = [(seg.to_source(0), seg.to_source_end(len(seg.text))) for seg in doc.segments]
        assert [seg.source_span() for seg in doc.segments] == spans, path
        assert doc.segment_spans() == sorted(spans), path
        read += len(spans)
    assert read > (8000 if len(paths) > fixtures else 40)


def test_the_characters_outside_ascii_kept_from_the_bytes_as_read_are_the_text_s(tmp_path: Path) -> None:
    """A file read as UTF-8 without a BOM hands its bytes to ``lint.scan.non_ascii`` before they are let go:
    after checking files of every kind of text (Latin-1 letters, curly quotes, CJK, emoji, a BOM, UTF-16, a
    Markdown page whose reader hands over its own bytes), every answer kept is its text's characters outside
    ASCII, and the findings are those of the same texts checked from memory (``findings``, no bytes)."""
    from lint import scan

    texts = {"a.txt": "Café “quoted” text, 東京 and 😀.\n", "b.rst": "Title\n=====\n\nNaïve ``code`` — text.\n",
             "c.md": "# Über\n\nSome “text” here.\n", "d.txt": "\ufeffWith a BOM: é.\n", "e.txt": "plain ascii\n"}
    paths = []
    for name, text in texts.items():
        path = tmp_path / name
        path.write_bytes(text.encode("utf-8"))
        paths.append(path)
    utf16 = tmp_path / "f.txt"
    utf16.write_bytes("\ufeffUTF-16: ñ “x”.\n".encode("utf-16"))
    paths.append(utf16)
    linter, config = Linter(), Config()
    for path in paths:
        result = linter.lint_file(str(path), config)
        for text, answer in scan._LAST_NON_ASCII:
            assert answer == "".join(c for c in text if not c.isascii()), path
        assert result.source is not None
        source = result.source
        in_memory = Linter().findings(Source(str(path), source.text, source.encoding, source.bom), config)
        assert [(f.code, f.start, f.end) for f in result.findings] == [(f.code, f.start, f.end) for f in in_memory]


def test_p101_s_excerpt_end_is_the_pattern_s_search() -> None:
    """P101 asks whether a paragraph ends in an excerpt's ellipsis of its end alone (less its trailing white
    space), where a search of the pattern tested every character: the same answer on random texts of dots,
    ellipses, spaces of every kind and line breaks."""
    from lint.rules.punctuation.orphaned_quote import _EXCERPT_END, _EXCERPT_ENDS

    pool = [".", "..", "...", "…", "x", " ", "\n", "\t", "\xa0", "\u2028", "\u3000", "\x1c", "\x85", "\r", "a."]
    rng = random.Random(101)
    ends = 0
    for _ in range(20_000):
        text = "".join(rng.choice(pool) for _ in range(rng.randrange(8)))
        expected = _EXCERPT_END.search(text) is not None
        assert text.rstrip().endswith(_EXCERPT_ENDS) == expected, repr(text)
        ends += expected
    assert ends > 2000


def test_code_names_found_one_mark_at_a_time_are_those_a_class_of_the_marks_finds() -> None:
    """T108 and T109's code names are found by a scan per mark (a literal the regex engine skips to), where a
    class of the marks was tested at every character: the same words, on random texts of marks, letters, digits
    and words outside ASCII."""
    from lint.rules.translation._code_names import code_names

    after = re.compile(r"[`_./]([^\W\d_]+)\b")
    before = re.compile(r"[`_(]([^\W\d_]+)\b")
    before_dot = re.compile(r"\.(?<=\w\.)([^\W\d_]+)\b")
    pool = ["a", "bc", "é", "1", "_", ".", "/", "`", "(", ")", " ", "x", "Foo", "ß", "’", "\n", "__", "..", "`a`"]
    rng = random.Random(108)
    named = 0
    for _ in range(20_000):
        text = "".join(rng.choice(pool) for _ in range(rng.randrange(14)))
        backwards = text[::-1]
        expected = frozenset(after.findall(text)) | frozenset(
            w[::-1] for w in before.findall(backwards) + before_dot.findall(backwards))
        assert code_names.__wrapped__(text) == expected, repr(text)
        named += bool(expected)
    assert named > 5000

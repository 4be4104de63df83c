"""Sentence boundaries (pysbd): abbreviations, decimals, quotations and offsets that map back to the text."""

from __future__ import annotations

import random
from itertools import pairwise
from pathlib import Path

from lint import sentences
from lint.sentences import final_line, final_sentence, sentence_spans
from tests.conftest import SHARED


def _sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in sentence_spans(text)]


def test_abbreviations_and_decimals_do_not_split():
    text = "The U.S. Army spent $2.5 billion. Dr. Smith agreed. It ended."
    assert _sentences(text) == ["The U.S. Army spent $2.5 billion.", "Dr. Smith agreed.", "It ended."]


def test_offsets_index_the_original_text():
    text = "  Gladkov said. I changed my work schedule. All details later.”  "
    spans = sentence_spans(text)
    assert text[spans[0][0] : spans[0][1]] == "Gladkov said."
    assert all(not text[s].isspace() and not text[e - 1].isspace() for s, e in spans)


def test_empty():
    assert sentence_spans("   ") == ()


# P103 asks ``final_line`` before the segmenter: the last sentence must lie in the last line, whatever pysbd
# makes of the rest. Pieces that break fast paths: CR and CRLF ends, a trailing break or blank, a word of one
# letter opening the last line (a slice one character short drops it), a last line of exactly four words.
_PIECES = ["word", "Word", "the", "a", "I", "x", "Mr.", "Dr.", "e.g.", "i.e.", "U.S.", "etc.", "No.", "1.", "2)", "a)",
           "(b)", "iii.", ".", ". ", "? ", "! ", "...", "…", " ", "  ", "\n", "\r", "\r\n", "\n\n", "\t", ",", ";", ":",
           '"', "'", "(", ")", "[", "]", "\ufffc", "😀", "-", "—", "3.14", "v2.0", "www.example.com", "foo.py", "Jan.",
           "St.", "\u2028", "\x0c", "\x1c", "\x1c1.", "_", "___", "é", "\xa0"]
_SYMBOLS = ["ȹ", "ȸ", "∯", "♨", "☝", "&ᓴ&", "“", "。"]
_LAST_LINES = ["a b c d", "x is the end", "Next one here now", "a", "a b c", "I said so", "e.g. this one"]


def _random_text(rng: random.Random, long: bool = False) -> str:
    pieces = _PIECES + _SYMBOLS if rng.random() < 0.2 else _PIECES
    words = [rng.choice(pieces) + rng.choice(["", " ", " ", "\n"]) for _ in range(rng.randint(1, 700 if long else 40))]
    text = "".join(words)
    if rng.random() < 0.5:  # a sentence, then a last line of its own
        text += rng.choice([". ", "? ", ".\n", ".\r\n", ".\r", "\n"]) + rng.choice(_LAST_LINES)
    return text + rng.choice(["", "", " ", "\n", " \n ", "\r\n", "\n\n"])


def _texts() -> list[tuple[str, str]]:
    rng = random.Random(157)
    texts = [(_random_text(rng, long=n % 40 == 0), rng.choice(["en", "en", "de", "fr", "es", "sk", "kk", "xx"]))
             for n in range(2500)]
    peps = SHARED / "corpus" / "peps"
    if peps.is_dir():  # real paragraphs that end in a letter, over several lines (PEPs read as plain text)
        real = [p for path in sorted(peps.glob("*.rst"))[::7] for p in path.read_text(encoding="utf-8").split("\n\n")
                if "\n" in p.strip() and p.rstrip()[-1:].isalpha()]
        texts += [(p, "en") for p in real[::3]]
    return texts


def test_final_sentence_lies_in_the_final_line() -> None:
    asked = symbols = 0
    for text, language in _texts():
        line = final_line(text)
        if line is None:
            symbols += 1
            continue
        span = final_sentence(text, language)
        asked += 1
        if span is not None:
            assert text[span[0]:span[1]] in line, (text, language, span, line)
    assert asked > 2000 and symbols > 100
    # pysbd gives `.\t. .` back as `. . .`: the sentence after it was placed at an earlier match of its text,
    # the `a` of `la` (review h165), till the sentences were found with any white space between their words.
    text = "It ended. Then la .\t. . b\na"
    assert final_line(text) == "a" and final_sentence(text) == (len(text) - 1, len(text))


def test_p103_skips_the_segmenter_only_where_the_last_sentence_is_under_four_words() -> None:
    from lint.rules.punctuation.missing_terminal_punctuation import _last_line_is_a_label

    skipped = kept_four = 0
    for text, language in _texts():
        span = final_sentence(text, language)
        short = span is None or len(text[span[0]:span[1]].split()) < 4
        if _last_line_is_a_label(text):
            skipped += 1
            assert short, (text, span)
        elif span is not None and len(text[span[0]:span[1]].split()) == 4:
            kept_four += 1
    assert skipped > 300 and kept_four > 20
    assert not _last_line_is_a_label("It ended. Then\nx is the end\n")
    assert _last_line_is_a_label("It ended. Then\nx is the\n") and final_line("a\r\nb c\r\n") == "b c"
    assert final_line("It ended ȹ here.\nNext") is None


def test_final_line_symbols_hold_every_character_pysbd_writes_outside_ascii() -> None:
    import pysbd

    root = Path(pysbd.__file__).parent
    written = {ch for path in [*root.glob("*.py"), *(root / "lang" / "common").glob("*.py")]
               for ch in path.read_text(encoding="utf-8") if not ch.isascii()}
    assert written <= sentences._PYSBD_SYMBOLS


def test_a_piece_pysbd_cannot_read_is_read_as_its_lines() -> None:
    # pysbd's list-item reader raised ValueError (int('\x1c1')), and P103 reported an internal error for the file.
    text = "It ended here. Then \x1c1. we went on\nand on and on"
    assert sentence_spans(text) == ((0, text.index("\n")), (text.index("and"), len(text)))
    assert final_sentence(text) == (text.index("and"), len(text))


def test_final_line_starts_after_a_lone_carriage_return() -> None:
    # pysbd breaks at a lone `\r` as at `\n` (it turns each `\n` into `\r` before it splits): a final_line that
    # looked for `\n` alone would run back over it and lose P103 the skip, which no other test noticed.
    from lint.rules.punctuation.missing_terminal_punctuation import _last_line_is_a_label

    assert final_line("It ended here. Then we went on\rx y") == "x y"
    assert _last_line_is_a_label("It ended here. Then we went on and on\rx y")


def test_a_piece_pysbd_builds_a_broken_pattern_from_is_read_as_its_lines() -> None:
    # pysbd's de, ru, bg, ar and fa readers put the text an abbreviation matched into a pattern unescaped: its dot
    # matches any character, so `u+a` beside `u.a.` gave `(?<=u+a)` and re.error (a variable-width look-behind), and
    # P103, P101 and S108 reported an internal error for the file (exit 2).
    cases = [("Die Regel gilt u.a. für Verträge. Der Ausdruck u+a steht für die Summe\nder beiden Werte", "de"),
             ("Это y.e. и y(e здесь. Потом мы\nушли домой", "ru"), ("ج[ب ج.ب نعم. ثم\nذهبنا", "ar")]
    for text, language in cases:
        assert final_sentence(text, language) == (text.rindex("\n") + 1, len(text)), (text, language)


def test_a_sentence_pysbd_gives_back_with_other_white_space_keeps_its_place() -> None:
    # pysbd's rules for spaced dots give `.\t. .` back as `. . .`: that sentence was found nowhere and left out,
    # and the next one was placed at an earlier match of its text, inside the `bit` of the one left out, so S108
    # named the first copy below as repeating it.
    from lint.engine import check_text

    text = "a .\t. . bit is all over now. it is all over now. it is all over now."
    assert sentence_spans(text) == ((0, 28), (29, 48), (49, 68))
    assert [(f.code, f.start, f.end) for f in check_text(text + "\n", "a.txt", select=["S108"])] == [("S108", 49, 68)]


# Pieces of texts that pysbd rewrites: spaced dots with a tab or another white space between them.
_SPACED = [".", ".", " ", " ", "\t", "\n", "\r", "\xa0", "\u2009", "\x0c", "a", "b", "Go", "la", "I", "A", '"', "'",
           "“", "”", ".\t. .", " .\t. . ", ". .\t."]


def test_every_sentence_span_is_the_text_it_claims() -> None:
    # Differential: the spans, in order and apart, hold every character of the text but white space, each once
    # (a sentence left out, or one placed at an earlier match of its text, leaves a character out or reads one
    # twice), whatever white space pysbd writes back.
    rng = random.Random(172)
    for _ in range(2000):
        text = "".join(rng.choice(_SPACED) for _ in range(rng.randint(1, 20)))
        spans = sentence_spans(text)
        assert all(a < b <= c for (a, b), (c, _) in pairwise(spans)), (text, spans)
        assert "".join("".join(text[a:b].split()) for a, b in spans) == "".join(text.split()), (text, spans)

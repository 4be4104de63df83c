"""lint.words: the packed comparisons the repeat gates (T107, T102) stand on must find every run that a
plain comparison of the keys finds, and only those."""

from __future__ import annotations

import random

from lint.model import Document, Segment, Source
from lint.words import SEPARATOR, Keys, joined


def _runs_by_hand(keys: str, distance: int, length: int) -> list[tuple[int, int]]:
    """Maximal runs of positions k where keys[k] == keys[k + distance], at least ``length`` long."""
    same = [keys[k] == keys[k + distance] for k in range(len(keys) - distance)]
    runs, k = [], 0
    while k < len(same):
        if not same[k]:
            k += 1
            continue
        end = k
        while end < len(same) and same[end]:
            end += 1
        if end - k >= length:
            runs.append((k, end))
        k = end
    return runs


def test_runs_match_a_plain_comparison_in_ascii_and_beyond() -> None:
    rng = random.Random(7)
    # ASCII keys pack one byte each; others four, where a key's code has zero bytes of its own (U+0100,
    # U+10000) that must not join a run of zero fields; a lone surrogate (a byte that was not UTF-8, read
    # with surrogate escapes) is a key too.
    alphabets = ["ab", "abc.", "a\u0100", "\u0100\u0200x", "a\U00010000\u0100", "a\udcff"]
    for _ in range(3000):
        alphabet = rng.choice(alphabets)
        keys = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 60)))
        table = Keys(keys)
        for distance in range(1, 7):
            length = rng.randint(1, 11)
            assert list(table.runs(distance, length)) == _runs_by_hand(keys, distance, length), (keys, distance)


def test_a_long_run_is_one_run_to_its_end() -> None:
    keys = "x" * 500 + "y" + "ab" * 300
    assert list(Keys(keys).runs(1, 2)) == [(0, 499)]
    assert list(Keys(keys).runs(2, 3)) == [(0, 498), (501, 1099)]


def _document(*texts: str) -> Document:
    segments, at = [], 0
    for i, text in enumerate(texts):
        segments.append(Segment.contiguous(text, "paragraph", at, i))
        at += len(text) + 2
    return Document(source=Source(path="a.txt", text="\n\n".join(texts)), format="text", segments=segments)


def test_joined_text_parts_segments_and_refuses_a_text_with_a_nul() -> None:
    text = joined(_document("The the cat.", "Next one."))
    assert text is not None and text.split() == ["The", "the", "cat.", SEPARATOR, "Next", "one."]
    assert joined(_document("a\0b", "c")) is None


def test_the_last_reader_takes_the_tokens_of_big_prose_only(monkeypatch) -> None:
    import lint.words as words

    doc = _document("The the cat.", "Next one.")
    taken = words.tokens(doc, keep=False)
    assert taken == [b"The", b"the", b"cat.", SEPARATOR.encode(), b"Next", b"one."]
    assert words.tokens(doc) is taken  # (a reader after the last one: no second split)
    monkeypatch.setattr(words, "_HELD", 10)
    doc = _document("The the cat.", "Next one.")
    assert words.tokens(doc, keep=False) == taken and "lint.words.tokens" not in doc.memo


def test_encoded_text_told_the_characters_outside_ascii_encodes_as_it_reads_them() -> None:
    from lint.formats.builder import PLACEHOLDER
    from lint.scan import non_ascii
    from lint.words import encoded_text

    rng = random.Random(152)
    alphabet = ["a", " ", "\n", "\0", "\x02", PLACEHOLDER, "é", "ÿ", "€", "’", "“", "Ÿ", "ž", "—", "ā", "中", "\udc80",
                "\U0001f600"]
    encoded = 0
    for _ in range(6000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))
        expected = encoded_text(text)
        encoded += expected is not None and not text.isascii()
        assert encoded_text(text, non_ascii(text)) == expected, repr(text)
        assert encoded_text(text, "".join(reversed(non_ascii(text))) * 2) == expected, repr(text)
    assert encoded > 1000


def test_a_document_s_joined_prose_is_encoded_from_the_prose_s_characters_outside_ascii(monkeypatch) -> None:
    """``encoded`` reads the joined texts' characters outside ASCII off the prose's (which P101 and the
    checker read), not off the joined text again: the same bytes."""
    import lint.scan as scan
    import lint.words as words

    read: list[str] = []
    real = scan.non_ascii

    def counted(text: str) -> str:
        read.append(text)
        return real(text)

    monkeypatch.setattr(scan, "non_ascii", counted)
    doc = _document("The “cat” sat.", "Next € one ’", "plain")
    data = words.encoded(doc)
    assert read == [doc.prose[0]]
    assert data == words.encoded_text(joined(doc) or "") == "The “cat” sat. \0\0\0\0\0 Next € one ’ \0\0\0\0\0 plain".encode("cp1252")

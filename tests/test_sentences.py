"""Sentence boundaries (pysbd): abbreviations, decimals, quotations and offsets that map back to the text."""

from __future__ import annotations

from lint.sentences import sentence_spans


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

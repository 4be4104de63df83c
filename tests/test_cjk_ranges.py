"""The named ranges of East Asian letters (``lint.language``: KANA, HAN, HAN_COMPATIBILITY, HANGUL,
CJK_LETTERS) that the rules build their character classes from."""

from __future__ import annotations

import re

from lint.rules.language import other_language_sentence, untranslated_page
from lint.rules.punctuation import mixed_quote_styles
from lint.rules.translation import untranslated_span

from lint import language


def test_the_yijing_hexagram_symbols_between_the_two_han_blocks_are_no_han_letters() -> None:
    # U+4DC0-U+4DFF (`䷀`) lie between CJK Extension A and the Unified Ideographs: symbols, not letters.
    # Five classes wrote Han as one range over both blocks, and so took them for Han; now all read HAN.
    hexagram, han, extension_a = "\u4dc0", "\u4e2d", "\u3400"
    classes = [language._SCRIPT_LETTERS["Hani"], mixed_quote_styles._CJK, untranslated_page._CJK,
               other_language_sentence._CJK, re.compile(f"[{untranslated_span._FOLDER_LETTERS['zh']}]"),
               re.compile(f"[{untranslated_span._FOLDER_LETTERS['ja']}]")]
    for pattern in classes:
        assert pattern.search(hexagram) is None, pattern.pattern
        assert pattern.search(han) and pattern.search(extension_a), pattern.pattern
    assert other_language_sentence._CUT.search("Word\u4dc0") is None
    assert other_language_sentence._CUT.search("Word\u4e2d") is not None


def test_cjk_letters_are_kana_han_and_hangul() -> None:
    letters = re.compile(f"[{language.CJK_LETTERS}]")
    assert all(letters.match(c) for c in "ひカー中한\u3400\u9fff")
    assert not any(letters.match(c) for c in "a1，。\u4dc0\uf900\u3000")

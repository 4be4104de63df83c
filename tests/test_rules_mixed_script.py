"""T104's fix on a page written in the script its look-alikes come from."""

from __future__ import annotations

import lint
from lint.config import Config


def test_t104_safe_fix_keeps_a_latin_words_script_on_a_cyrillic_page() -> None:
    text = "Сервис в Moscоw работает.\n"
    config = Config(language="ru")
    assert lint.fix_text(text, path="a.txt", config=config, select=["T104"]) == "Сервис в Moscow работает.\n"


def test_t104_safe_fix_keeps_a_cyrillic_words_script() -> None:
    for language in ("ru", None):
        config = Config(language=language) if language else Config()
        assert lint.fix_text("Мы купили орeх на рынке.\n", path="a.txt", config=config, select=["T104"]) \
            == "Мы купили орех на рынке.\n"


def test_t104_tie_and_language_specific_letters_are_unsafe() -> None:
    config = Config(language="ru")
    text = "Мы купили Сoсa и Вiдкрити.\n"
    assert lint.fix_text(text, path="a.txt", config=config, select=["T104"]) == text
    assert lint.fix_text(text, path="a.txt", config=config, select=["T104"], unsafe=True) \
        == "Мы купили Сосchallenge и Відкрити.\n".replace("challenge", "а")


def test_t104_safe_fix_replaces_look_alikes_in_a_latin_page() -> None:
    assert lint.fix_text("Kyiv and Moscоw met.\n", path="a.txt", select=["T104"]) == "Kyiv and Moscow met.\n"


def test_t104_tie_read_as_the_sources_word_is_still_unsafe() -> None:
    # hexchat mk.po: one Cyrillic and one Latin letter; the source's `Op` decides the reading, not the fix.
    text = 'msgid "Op"\nmsgstr "Оp"\n'
    config = Config(language="mk")
    assert lint.fix_text(text, path="mk.po", config=config, select=["T104"]) == text
    assert lint.fix_text(text, path="mk.po", config=config, select=["T104"], unsafe=True) == 'msgid "Op"\nmsgstr "Op"\n'


def test_t104_tie_on_a_latin_page_reads_as_latin_and_is_unsafe() -> None:
    text = "We bought Сoсa at the market.\n"
    assert lint.fix_text(text, path="a.txt", select=["T104"]) == text
    assert lint.fix_text(text, path="a.txt", select=["T104"], unsafe=True) == "We bought Coca at the market.\n"

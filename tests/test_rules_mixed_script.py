"""T104's fix on a page written in the script its look-alikes come from."""

from __future__ import annotations

import lint
from lint.config import Config


def test_t104_safe_fix_never_rewrites_the_documents_own_letters() -> None:
    text = "Сервис в Moscоw работает.\n"
    config = Config(language="ru")
    assert lint.fix_text(text, path="a.txt", config=config, select=["T104"]) == text
    assert lint.fix_text(text, path="a.txt", config=config, select=["T104"], unsafe=True) == "Сервис в Moscow работает.\n"


def test_t104_safe_fix_replaces_look_alikes_in_a_latin_page() -> None:
    assert lint.fix_text("Kyiv and Moscоw met.\n", path="a.txt", select=["T104"]) == "Kyiv and Moscow met.\n"

"""B110's messages name the line that changed and count what the reader sees (h127's review: 'on line 3: 4
spaces where the source's are 4', 'the source's 3 lines' for two lines and a final line break, '1 spaces')."""

from __future__ import annotations

import pytest

import lint

_RST = "#: library/x.rst:10\n"


def _messages(msgid: str, msgstr: str) -> list[str]:
    text = f"{_RST}msgid {msgid}\nmsgstr {msgstr}\n"
    return [f.message for f in lint.check_text(text, path="messages.po", select=["B110"])]


@pytest.mark.parametrize(("msgid", "msgstr", "message"), [
    ('"def f():\\n    a = 1\\n    return a"', '"def f():\\n  a = 1\\n    return a"',
     "Literal block's indentation differs from the source on line 2: 2 spaces where the source's are 4"),
    ('"x = 1\\ny = 2\\n"', '"x = 1 y = 2\\n"',
     "Literal block's line breaks are gone: the source's 2 lines are one in the translation"),
    ('"x = 1\\ny = 2"', '"\\n"', "Literal block's translation is blank: the source's 2 lines are not in it"),
    ('"if x:\\n    y()\\nz()"', '"if x:\\n y()\\n z()"',
     "Literal block's indentation differs from the source on line 3: 1 space where the source's are 0"),
    ('"x = 1\\ny = 2\\nprint(x + y)"', '"x = 1\\n\\nprint(x + y)"',
     "Literal block's line 2 is blank in the translation where the source's has text"),
    ('"x = 1\\n\\nprint(x)"', '"x = 1\\ny = 2\\nprint(x)"',
     "Literal block's line 2 has text in the translation where the source's is blank"),
])
def test_message_names_the_changed_line(msgid: str, msgstr: str, message: str) -> None:
    assert _messages(msgid, msgstr) == [message]

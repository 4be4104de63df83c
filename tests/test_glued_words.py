"""T109 (glued-words): two content words joined are flagged only in a document without code; each sign
of code the rule reads turns them off, and look-alikes that are not code do not."""

import pytest

from lint.engine import check_text

GLUED = "It was the first private company to have a rocketreach outer space."


def t109(text: str) -> list[str]:
    return [text[f.start:f.end] for f in check_text(text, path="a.txt", select=["T109"])]


@pytest.mark.parametrize("code", [
    "Call `run` first.", "Set max_size first.", "Use _private_ names.", "Call run() first.",
    "Call os.path.join(here) first.", "Use std::vec here.", "Map x => y here.", "Map x -> y here.",
    "Use {name} here.", "Close it with } here.",
])
def test_a_sign_of_code_turns_compounds_off(code):
    assert t109(f"{GLUED}\n\n{code}\n") == []


@pytest.mark.parametrize("prose", [
    "Nothing here is code.", "Use snake _ case.", "The value (see above) holds.", "Call () alone.",
    "Call Os.path(here).", "Call 9os.path(here).", "It is one. Then(again) not.", "Time: 10:30 today.",
])
def test_prose_that_looks_like_code_does_not(prose):
    assert t109(f"{GLUED}\n\n{prose}\n") == ["rocketreach"]

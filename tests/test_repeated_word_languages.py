"""T102 (repeated-word) reads each language's legitimate repeats from its pack (rules/language/data/*.yaml), or,
for a language with none, from the rule's data/repeats.yaml: English's allowances hold for English only."""

from __future__ import annotations

import pytest
from lint.rules.translation import repeated_word

import lint
from lint.config import Config
from lint.language import packs
from lint.rule import rule_data


def _repeated(text: str, language: str) -> list[str]:
    found = lint.check_text(text, path="a.txt", config=Config(language=language), select=["T102"])
    return [text[f.start:f.end] for f in found]


@pytest.mark.parametrize(("language", "text"), [
    ("fr", "Cliquez sur la la case pour choisir le fichier.\n"),
    ("es", "Pulse la la tecla para continuar con la instalación.\n"),
    ("it", "Premi la la barra spaziatrice per continuare.\n"),
    ("pt", "Feche a janela e abra la la aplicação de novo.\n"),
])
def test_an_article_typed_twice_is_a_repeated_word_outside_english(language: str, text: str) -> None:
    # The English list (`la la`, a song's syllables) was applied to every language before: a doubled article
    # in French, Spanish or Italian went unflagged.
    assert _repeated(text, language) == ["la"]


@pytest.mark.parametrize(("language", "text", "flagged"), [
    ("es", "Ella cantaba la la la la la la mientras cocinaba.\n", []),  # T107's own example of a sound
    ("fr", "Il fredonne « la la la » et ouvre la la porte.\n", ["la"]),
    ("it", "Cantava la la la sotto la doccia, poi accese la la radio.\n", ["la"]),
])
def test_a_sound_said_three_times_passes_where_an_article_typed_twice_is_flagged(
        language: str, text: str, flagged: list[str]) -> None:
    # English's sounds (la, ha) said three times or more are sounds in any language; the article a
    # translator typed twice is two copies, and stays flagged beside them.
    assert _repeated(text, language) == flagged


def test_english_keeps_its_own_allowed_repeats() -> None:
    assert _repeated("The crowd sang la la la along with the band.\n", "en") == []
    assert _repeated("She had had enough, and bye bye it was.\n", "en") == []
    assert _repeated("He sang la la along.\n", "en-GB") == []


def test_a_language_s_own_repeats_that_the_english_list_held_pass() -> None:
    # broad.sh's WMT/NTREX pages (h239/base): French laughter, the Portuguese demonstrative «o» joined to «de»
    # before a phrase of «de», which the English list let pass before it held for English only.
    assert _repeated("Avez-vous divulgué le document ? Ha ha, bien sûr.\n", "fr") == []
    assert _repeated("O tom do discurso foi drasticamente diferente do do ano passado.\n", "pt") == []


def test_english_quoted_in_another_language_keeps_english_s_allowed_repeats() -> None:
    # UD German-PUD (broad.sh's h239/base): an English song's title in a German sentence; a French quotation's
    # doubled article is still flagged.
    assert _repeated("„Really really love you“ wurde im August veröffentlicht.\n", "de") == []
    assert _repeated("Il a écrit « Cliquez sur la la case pour continuer » dans le guide.\n", "fr") == ["la"]
    assert _repeated("Really really love you, sagte er, und ging.\n", "de") == ["really"]


def test_a_catalan_word_s_geminate_l_is_no_repeat_edge() -> None:
    # AntennaPod's values-ca (broad.sh's h218/ap): `Cancel·la`, one word (l·l), then the article `la`; the English
    # list's `la` hid it before it held for English only. A Catalan `la la` is still flagged.
    assert _repeated("Cancel·la la baixada.\n", "ca") == []
    assert _repeated("Col·loca la la carpeta al disc.\n", "ca") == ["la"]


def _allowed_anywhere() -> list[tuple[str, str]]:
    """Each language's repeats allowed without a condition (its pack's, or data/repeats.yaml's)."""
    data = dict(rule_data(repeated_word._PACKLESS))
    data.update({tag: p for tag, p in packs().items() if "-" not in tag})
    return [(tag, word) for tag, p in data.items() for word in p.get("repeats") or ()
            if word not in (p.get("repeats-where") or {})]


@pytest.mark.parametrize(("language", "word"), _allowed_anywhere())
def test_every_language_s_own_repeats_pass(language: str, word: str) -> None:
    # The word said twice between words of no language's, as the pack lets it double anywhere.
    assert _repeated(f"Abc def {word} {word} ghi.\n", language) == [], (language, word)

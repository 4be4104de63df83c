"""T104 mixed-script-word: a Cyrillic or Greek look-alike letter inside a Latin word (homoglyph)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from lint.formats.bilingual import pair
from lint.language import primary
from lint.model import Applicability, Document, Finding, Segment, Severity
from lint.patterns import compiled_on_use
from lint.rule import Example, Rule

# Letters that look exactly like a Latin letter (the confusables that matter in running text).
HOMOGLYPHS = {
    "а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "у": "y", "х": "x", "і": "i", "ј": "j", "ѕ": "s",
    "ԁ": "d", "һ": "h", "ӏ": "l", "ԛ": "q", "ԝ": "w",
    "А": "A", "В": "B", "Е": "E", "К": "K", "М": "M", "Н": "H", "О": "O", "Р": "P", "С": "C", "Т": "T",
    "Х": "X", "І": "I", "Ј": "J", "Ѕ": "S", "Ү": "Y",
    "Α": "A", "Β": "B", "Ε": "E", "Ζ": "Z", "Η": "H", "Ι": "I", "Κ": "K", "Μ": "M", "Ν": "N", "Ο": "O",
    "Ρ": "P", "Τ": "T", "Υ": "Y", "Χ": "X", "ο": "o", "ν": "v",
}
# Cyrillic letters that are not look-alikes but stand for one Latin letter when a keyboard layout or
# transliteration went wrong (Kиev): reported with an unsafe fix.
_TRANSLITERATION = {"и": "i", "к": "k", "м": "m", "н": "n", "т": "t", "в": "v", "л": "l", "д": "d", "г": "g",
                    "б": "b", "з": "z", "ф": "f", "п": "p"}
_WORD = compiled_on_use(r"[^\W\d_]+")
_FOREIGN = compiled_on_use("[\u0370-\u03ff\u0400-\u04ff\u0500-\u052f]")
_LATIN = compiled_on_use("[A-Za-z\u00c0-\u024f]")
# In a language written in Cyrillic, a Latin name takes the language's case endings (`Pythonу`, `GitHubе`,
# `Dockerом`): a Cyrillic ending of up to three letters after two Latin letters or more is grammar, where
# the document writes the name alone too (`Coca-Colа` has no `Col` of its own: a look-alike). Serbian is
# left out: it is written in Latin letters as well.
_CYRILLIC_LANGUAGES = frozenset({"ru", "uk", "be", "bg", "mk", "kk", "ky", "tg", "mn", "tt", "ba"})
_DECLINED = compiled_on_use("([A-Za-z\u00c0-\u024f]{2,})[\u0400-\u04ff]{1,3}")
_LATIN_HEAD = compiled_on_use("[A-Za-z\u00c0-\u024f]+")
_CYRILLIC = compiled_on_use("[\u0400-\u052f]")
_GREEK = compiled_on_use("[\u0370-\u03ff]")


def _own_script(seg: Segment, doc: Document) -> re.Pattern[str] | None:
    """The letters of the script the segment's language is written in, where that is Cyrillic or Greek
    (Serbian is written in both: Cyrillic where most of the segment's letters are)."""
    lang = primary(doc.language)
    if lang == "el":
        return _GREEK
    if lang in _CYRILLIC_LANGUAGES or lang == "sr":
        cyrillic = len(_CYRILLIC.findall(seg.text))
        return _CYRILLIC if lang != "sr" or cyrillic > len(_LATIN.findall(seg.text)) else None
    return None


def _escape_head(text: str, start: int, word: str, source: str) -> bool:
    """Whether the Latin letters ``word`` opens with are an escape glued to a translated word, as its
    source glues them: hexchat's `$t` before `Не могу` where the source has `$tCannot`. The rest of the
    word has no Latin letter, the source holds the same letters after the same character right before a
    letter, and not the word as its look-alikes read (`-Colа` where the source has `-Cola` is the word)."""
    head = _LATIN_HEAD.match(word)
    if head is None or start == 0 or text[start - 1].isalnum() or _LATIN.search(word, head.end()):
        return False
    before = text[start - 1]
    read = "".join(HOMOGLYPHS.get(c, c) for c in word)
    return re.search(re.escape(before + head.group()) + r"[^\W\d_]", source) is not None \
        and before + read not in source


def _in_source(word: str, both: tuple[str, str] | None) -> bool:
    """Whether the word, its look-alikes read as Latin, is a word of its source (`Оp` with a Cyrillic `О`
    for the source's `Op`): the source's Latin word, typed with a look-alike."""
    if both is None:
        return False
    read = "".join(HOMOGLYPHS.get(c, c) for c in word).lower()
    return any(w.lower() == read for w in _WORD.findall(both[0]))


def _written_alone(text: str, stem: str) -> bool:
    """Whether ``text`` holds ``stem`` as a word of its own (no letter touching it on either side)."""
    at = text.find(stem)
    while at >= 0:
        end = at + len(stem)
        if (at == 0 or not text[at - 1].isalpha()) and (end == len(text) or not text[end].isalpha()):
            return True
        at = text.find(stem, at + 1)
    return False


class MixedScriptWord(Rule):
    code = "T104"
    slug = "mixed-script-word"
    summary = "Cyrillic or Greek letter inside a Latin word"
    rationale = """
**What it does.** Flags a word written mostly in Latin letters that contains a Cyrillic or Greek
letter — usually a look-alike (`Kyiv` with a Cyrillic `у`, `Аpple` with a Cyrillic `А`).

**Why is this bad?** The word looks right and is wrong: search, spell checking, sorting and
glossaries all miss it. It comes from OCR, from keyboards switched mid-word, from MT of names, and
sometimes from spam filters' evasions.

Not flagged: words wholly in Greek or Cyrillic, a word mostly in the letters of the document's own
language (Cyrillic in Russian or Serbian, Greek in Greek: the fix would rewrite them to Latin), Latin
letters glued before a translated word where the source glues the same letters after the same character
(an escape such as hexchat's `$t` in `$tCannot`), a Latin name with a case ending in a language written in
Cyrillic (`Pythonу` in Russian), and scientific notation with Greek letters that look
like no Latin letter (`β-blocker`, `μm`, `ΔG`).
"""
    severity = Severity.ERROR
    fix = Applicability.SAFE
    fix_note = (
        "Replaces each look-alike letter by the Latin letter it looks like: nothing visible changes. Where "
        "a letter is not a look-alike (Kиev), or is a letter of the script the document's language is written "
        "in (a Cyrillic `о` in `Moscоw` on a Russian page), the fix is offered as an unsafe one: a safe fix "
        "never rewrites the document's own letters."
    )
    trigger = "[\u0370-\u03ff\u0400-\u052f](?<=[A-Za-z].)|[\u0370-\u03ff\u0400-\u052f][A-Za-z]"
    flag = (
        Example("Kyiv and Moscоw exchanged prisoners.", "Kyiv and Moscow exchanged prisoners."),
        Example("The Аpple store opened.", "The Apple store opened."),
        Example("Bеlgorod is near the border.", "Belgorod is near the border."),
        Example("Prisoners in Kиev were released.", "Prisoners in Kiev were released."),
        Example("The CΝΝ report was cited.", "The CNN report was cited."),
        Example("Pay with yоur card.", "Pay with your card."),
        Example("Mixed in uppercase: ТEST.", "Mixed in uppercase: TEST."),
        Example("The word pаssword hides a Cyrillic a.", "The word password hides a Cyrillic a."),
        Example("Pythonу has a Cyrillic letter at its end.", "Pythony has a Cyrillic letter at its end.",
                note="in English text, no case ending"),
        Example("Сервис в Moscоw работает.\n", "Сервис в Moscow работает.\n", language="ru",
                note="inside the word, not an ending"),
        Example("Компания Coca-Colа выпустила новый напиток.\n", "Компания Coca-Cola выпустила новый напиток.\n",
                language="ru", note="a look-alike at the end of a name the text never writes alone"),
        Example('msgid "$tCannot reach Moscow"\nmsgstr "$tНе могу до Moscоw"\n',
                'msgid "$tCannot reach Moscow"\nmsgstr "$tНе могу до Moscow"\n', path="sr.po", language="sr",
                note="the escape's glue is the source's; the look-alike inside the Latin name is not"),
        Example('msgid "Op"\nmsgstr "Оp"\n', 'msgid "Op"\nmsgstr "Op"\n', path="mk.po", language="mk",
                note="the source's Latin word typed with a Cyrillic look-alike, in a Macedonian catalogue"),
    )
    allow = (
        Example("Kyiv and Moscow exchanged prisoners."),
        Example("The Greek word Ελλάδα means Greece."),
        Example("In Russian, Москва is Moscow."),
        Example("The drug is a β-blocker."),
        Example("Particles of 5 μm were measured."),
        Example("The free energy ΔG was negative."),
        Example("An α-helix and β-sheets."),
        Example("Café, naïve and Škoda are Latin letters with accents."),
        Example("Pythonу придётся сравнить весь общий префикс. Python сравнивает строки.\n", language="ru",
                note="a Latin name with a Russian case ending, the name written alone too"),
        Example("Сервис работает на GitHubе и в Dockerом образе. GitHub и Docker бесплатны.\n", language="ru"),
        Example('msgid "%C20*%O$tCannot join %s"\nmsgstr "%C20*%O$tНе могу да се прикључим %s"\n', path="sr.po",
                language="sr", note="hexchat's `$t` escape glued to the word, as in the source: not the word's letters"),
        Example("Додатак за приступ помоћу DBUSа. DBUS је магистрала.\n", language="sr",
                note="a Latin name with a Serbian case ending, in a Serbian text written in Cyrillic"),
        Example("Грешка: tНе могу да се прикључим.\n", language="sr",
                note="mostly Cyrillic in a Serbian text: reading it as Latin would rewrite the language's own letters"),
    )

    def check_segment(self, seg: Segment, doc: Document) -> Iterator[Finding]:
        text = seg.text
        both = pair(seg, doc) if seg.source_text else None
        own = _own_script(seg, doc)
        for m in _WORD.finditer(text):
            word = m.group()
            if not _FOREIGN.search(word) or not _LATIN.search(word):
                continue
            if both is not None and _escape_head(text, m.start(), word, both[0]):
                continue  # `$tНе`: an escape before a word of the translation, not a letter of it
            if own is not None and own.search(word) and len(own.findall(word)) >= len(_LATIN.findall(word)) \
                    and not _in_source(word, both):
                continue  # mostly the document's own letters: a word of its language, never rewritten to Latin
            declined = _DECLINED.fullmatch(word)
            cyrillic_text = primary(doc.language) in _CYRILLIC_LANGUAGES or own is _CYRILLIC  # Serbian in Cyrillic too
            if declined and cyrillic_text and _written_alone(doc.text, declined.group(1)):
                continue
            foreign = [c for c in word if _FOREIGN.match(c)]
            latin = len(_LATIN.findall(word))
            if all(c in HOMOGLYPHS for c in foreign):
                fixed = "".join(HOMOGLYPHS.get(c, c) for c in word)
                applicability = Applicability.SAFE
            elif latin > len(foreign) and all(c in HOMOGLYPHS or c in _TRANSLITERATION for c in foreign):
                fixed = "".join(HOMOGLYPHS.get(c, _TRANSLITERATION.get(c, c)) for c in word)
                applicability = Applicability.UNSAFE
            else:
                continue  # scientific notation (μm, ΔG) or a genuinely mixed term
            if own is not None and own.search(word):
                applicability = Applicability.UNSAFE  # a safe fix never rewrites the document's own letters
            names = ", ".join(sorted({f"{c} (U+{ord(c):04X})" for c in foreign}))
            edits = [(m.start() + i, m.start() + i + 1, fixed[i]) for i, c in enumerate(word) if c != fixed[i]]
            yield self.finding(seg, m.start(), m.end(), f"'{word}' mixes scripts: {names}; read as '{fixed}'",
                               edits=edits, applicability=applicability)

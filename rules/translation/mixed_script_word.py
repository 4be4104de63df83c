"""T104 mixed-script-word: a Cyrillic or Greek look-alike letter inside a Latin word (homoglyph)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

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
# left out of the list: it is written in Latin letters as well (its Cyrillic segments count by their letters).
_CYRILLIC_LANGUAGES = frozenset({"ru", "uk", "be", "bg", "mk", "kk", "ky", "tg", "mn", "tt", "ba"})
_DECLINED = compiled_on_use("([A-Za-z\u00c0-\u024f]{2,})[\u0400-\u04ff]{1,3}")
_LATIN_HEAD = compiled_on_use("[A-Za-z\u00c0-\u024f]+")
# T104's own ranges, not lint.language's script tables: those stop Cyrillic at U+04FF, and the Cyrillic
# Supplement holds look-alikes (ԁ ԛ ԝ) that must count as Cyrillic letters of the word.
_CYRILLIC = compiled_on_use("[\u0400-\u052f]")
_GREEK = compiled_on_use("[\u0370-\u03ff]")
# The other way round: the Cyrillic or Greek letter a stray Latin one stands for inside a word of that
# script (`орeх` with a Latin `e`). Only letters of the Russian alphabet and of Greek are a safe reading;
# `i`, `j`, `s` read as `і`, `ј`, `ѕ` belong to some Cyrillic languages only (unsafe); a Latin `l`, `h`, `d`,
# `q` or `w` stands for no letter of a living Cyrillic alphabet that looks like it (`всемl`: a typo).
# A Latin letter glued after an escape's sign (`^BУбаци`, `%Bтекст`: a bold code written out) is no letter
# of the word.
_ESCAPE_SIGNS = "^%$\\&@~"
_LOOK_ALIKE_IN = {
    "Cyrl": {lat: cyr for cyr, lat in HOMOGLYPHS.items() if "\u0400" <= cyr <= "\u04ff" and cyr not in "һӏ"},
    "Grek": {lat: grk for grk, lat in HOMOGLYPHS.items() if "\u0370" <= grk <= "\u03ff"},
}
_SAFE_IN = {"Cyrl": frozenset("абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ"),
            "Grek": frozenset(_LOOK_ALIKE_IN["Grek"].values())}


def _script_counts(text: str) -> dict[str, int]:
    """How many of the text's letters are Latin, Cyrillic and Greek."""
    return {"Latn": len(_LATIN.findall(text)), "Cyrl": len(_CYRILLIC.findall(text)), "Grek": len(_GREEK.findall(text))}


def _majority(counts: dict[str, int]) -> str | None:
    """The script most of the letters are in; None on a tie between the first two."""
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    return None if ranked[0][1] == ranked[1][1] else ranked[0][0]


def _escape_head(text: str, start: int, word: str, read: str, source: str) -> bool:
    """Whether the Latin letters ``word`` opens with are an escape glued to a translated word, as its
    source glues them: hexchat's `$t` before `Не могу` where the source has `$tCannot`. The rest of the
    word has no Latin letter, the source holds the same letters after the same character right before a
    letter, and not the word as its look-alikes read (``read``: `-Colа` where the source has `-Cola` is
    the word)."""
    head = _LATIN_HEAD.match(word)
    if head is None or start == 0 or text[start - 1].isalnum() or text[start - 1].isspace() \
            or _LATIN.search(word, head.end()):
        return False  # an escape is glued to its sign (`$t`); after a space, `Aпликацију` is the word
    before = text[start - 1]
    return re.search(re.escape(before + head.group()) + r"[^\W\d_]", source) is not None \
        and before + read not in source


def _in_source(read: str, both: tuple[str, str] | None) -> bool:
    """Whether the word, its look-alikes read as Latin (``read``), is a word of its source (`Оp` with a
    Cyrillic `О` for the source's `Op`): the source's Latin word, typed with a look-alike."""
    if both is None:
        return False
    read = read.lower()
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


@dataclass(frozen=True)
class _Reading:
    """A mixed word read in one script: the fixed word, whether the fix is safe, and the stray letters."""

    fixed: str
    applicability: Applicability
    stray: tuple[str, ...]


def _read_as_latin(word: str, read: str) -> _Reading | None:
    """The word with its Cyrillic and Greek letters read as Latin: safe where every one is a look-alike,
    unsafe where some stand for a Latin letter by transliteration (Kиev); None for scientific notation
    (μm, ΔG) or a genuinely mixed term."""
    foreign = tuple(c for c in word if _FOREIGN.match(c))
    if all(c in HOMOGLYPHS for c in foreign):
        return _Reading(read, Applicability.SAFE, foreign)
    if len(_LATIN.findall(word)) > len(foreign) and all(c in HOMOGLYPHS or c in _TRANSLITERATION for c in foreign):
        fixed = "".join(HOMOGLYPHS.get(c, _TRANSLITERATION.get(c, c)) for c in word)
        return _Reading(fixed, Applicability.UNSAFE, foreign)
    return None


# The palochka (Ӏ U+04C0, ӏ U+04CF), a letter of Chechen, Ingush, Avar, Kabardian and other Caucasian
# alphabets, that keyboards without it replace with a Latin `I` or `l`. Between Cyrillic letters it is told
# from a stray letter by the document, which writes it there elsewhere.
_PALOCHKA_IN_WORD = compiled_on_use("(?<=[\u0400-\u052f])[\u04c0\u04cf]|[\u04c0\u04cf](?=[\u0400-\u052f])")


# The languages whose alphabets hold it (Chechen, Ingush, Avar, Lak, Dargwa, Lezgian, Tabasaran, Kabardian,
# Adyghe, Abaza): elsewhere a palochka is a quoted name (`ГӀалгӀай` in a list of languages), and a Latin `I`
# in a Ukrainian, Belarusian or Kazakh word stands for `І`.
_PALOCHKA_LANGUAGES = frozenset({"ce", "inh", "av", "lbe", "dar", "lez", "tab", "kbd", "ady", "abq"})


@lru_cache(maxsize=2)
def _palochka(text: str) -> str | None:
    """The palochka the document writes inside its Cyrillic words, the commoner of its two cases, or None."""
    found = Counter(m.group() for m in _PALOCHKA_IN_WORD.finditer(text)) if "\u04c0" in text or "\u04cf" in text else None
    return found.most_common(1)[0][0] if found else None


def _read_in(word: str, script: str, palochka: str | None = None) -> _Reading | None:
    """The word with its stray Latin letters read in ``script`` (`орeх` -> `орех`); None where a Latin
    letter has no look-alike there (`tНе`) or the word mixes in a third script. In a document that writes
    the ``palochka``, a Latin `I` or `l` reads as it (`гIишло` -> `гӀишло`), not as the Ukrainian `І`."""
    table = _LOOK_ALIKE_IN[script]
    if palochka is not None and script == "Cyrl":
        table = {**table, "I": palochka, "l": palochka}
    own = _CYRILLIC if script == "Cyrl" else _GREEK
    stray = tuple(c for c in word if _LATIN.match(c))
    if any(not own.match(c) for c in word if _FOREIGN.match(c)) or any(c not in table for c in stray):
        return None
    fixed = "".join(table.get(c, c) for c in word)
    safe = all(table[c] in _SAFE_IN[script] for c in stray)
    return _Reading(fixed, Applicability.SAFE if safe else Applicability.UNSAFE, stray)


class MixedScriptWord(Rule):
    code = "T104"
    slug = "mixed-script-word"
    summary = "Latin and Cyrillic or Greek look-alike letters mixed inside one word"
    rationale = """
**What it does.** Flags a word that mixes Latin letters with Cyrillic or Greek ones — usually a
look-alike (`Kyiv` with a Cyrillic `у`, `Аpple` with a Cyrillic `А`, or the other way round `орeх`
with a Latin `e` on a Russian page).

**Why is this bad?** The word looks right and is wrong: search, spell checking, sorting and
glossaries all miss it. It comes from OCR, from keyboards switched mid-word, from MT of names, and
sometimes from spam filters' evasions.

The word is read in the script most of its own letters are in (on a tie, the script most of the
segment's letters are in; a catalogue's Latin source word typed with a look-alike reads as that word):
`Moscоw` reads as Latin, `орeх` as Cyrillic, whatever language the document declares. In a document
in a language whose alphabet has the palochka (`Ӏ`: Chechen, Ingush, Avar, Kabardian…) and that writes it
inside its Cyrillic words, a Latin `I`
or `l` there reads as the palochka (`гIишло` -> `гӀишло`), the letter a keyboard without it stood in for.

Not flagged: words wholly in one script, Latin letters glued before a translated word where the source
glues the same letters after the same character (an escape such as hexchat's `$t` in `$tCannot`), a word
of Cyrillic or Greek whose Latin letters have no look-alike there (`tНе`; on a page mostly in Latin
letters such a word reads as Latin: `CΝΝ`), a Latin name with a case ending
on a page written in Cyrillic (`Pythonу` in Russian, the name written alone too), and scientific notation
with Greek letters that look like no Latin letter (`β-blocker`, `μm`, `ΔG`).
"""
    severity = Severity.ERROR
    fix = Applicability.SAFE
    fix_note = (
        "Replaces each stray letter by its look-alike in the script most of the word is in (`Moscоw` -> "
        "`Moscow`, `орeх` -> `орех`): nothing visible changes and the word keeps its script. Offered as an "
        "unsafe fix where a letter is not a look-alike (Kиev), where the reading is a letter of some "
        "Cyrillic alphabets only (a Latin `i` read as `і`), or where the word has as many letters of each "
        "script (`Сoсa`, or `Оp` for a source's `Op`: which one was meant is a guess)."
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
        Example("Мы купили орeх на рынке.\n", "Мы купили орех на рынке.\n", language="ru",
                note="a Latin look-alike inside a Russian word: read in the word's own script"),
        Example('msgid "Walnut tree"\nmsgstr "Орeх дарахти"\n', 'msgid "Walnut tree"\nmsgstr "Орех дарахти"\n',
                path="uz@cyrillic.po", language="uz", note="the word's letters decide, not a list of languages"),
        Example("Отвори Aпликацију.\n", "Отвори Апликацију.\n", language="sr"),
        Example('msgid "Open Application"\nmsgstr "Отвори Aпликацију"\n', 'msgid "Open Application"\nmsgstr "Отвори Апликацију"\n',
                path="sr.po", language="sr", note="the source's ` Ap` is no escape: a space is not an escape's sign"),
        Example("Йаш йолу гӀишло.\n\nЛазартне гIишло.\n", "Йаш йолу гӀишло.\n\nЛазартне гӀишло.\n", language="ce",
                note="a Latin `I` for the palochka, which the document writes elsewhere: read as `Ӏ`, not `І`"),
        Example("Мови: ГӀалгӀай, українська.\n\nIнформація про сайт.\n", "Мови: ГӀалгӀай, українська.\n\nІнформація про сайт.\n",
                language="uk", note="a palochka in a quoted language name: a Ukrainian page's `I` is still `І`"),
        Example("Мы купили Сoсa на рынке.\n", "Мы купили Сосa на рынке.\n".replace("a", "а"), language="ru",
                note="as many letters of each script: the page's script, offered as an unsafe fix"),
        Example("Η λέξη Αλφa και η ΑΘΗΝA.\n", "Η λέξη Αλφa και η ΑΘΗΝΑ.\n", language="el",
                note="`a` has no Greek look-alike: `Αλφa` is left alone"),
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
                note="mostly Cyrillic, and a Latin `t` has no Cyrillic look-alike: no reading to offer"),
        Example('msgid "%C20*%O$tCannot join %s"\nmsgstr "%C20*%O$tНе могу %s"\n', path="ru.po",
                note="the escape, without a declared language"),
        Example('msgid "The \x02Insert\x02 command"\nmsgstr "Наредба ^BУбаци у запис^B ради"\n', path="sr.po",
                note="a bold code written out as `^B`, glued to the word"),
        Example("Посылает сообщение всемl операторам.\n", language="ru",
                note="a Latin `l` looks like no Russian letter: a typo, not a look-alike"),
    )

    def check_segment(self, seg: Segment, doc: Document) -> Iterator[Finding]:
        text = seg.text
        both = pair(seg, doc) if seg.source_text else None
        page: str | None = None  # the segment's majority script, counted once it is needed
        for m in _WORD.finditer(text):
            word = m.group()
            if not _FOREIGN.search(word) or not _LATIN.search(word):
                continue
            read = "".join(HOMOGLYPHS.get(c, c) for c in word)
            if both is not None and _escape_head(text, m.start(), word, read, both[0]):
                continue  # `$tНе`: an escape before a word of the translation, not a letter of it
            if m.start() and text[m.start() - 1] in _ESCAPE_SIGNS and (head := _LATIN_HEAD.match(word)) \
                    and not _LATIN.search(word, head.end()):
                continue  # `^BУбаци`: a bold code written out before the word
            if page is None:
                page = _majority(_script_counts(text)) or "Latn"
            own = _majority(_script_counts(word))
            # As many letters of each script (`Сoсa`, mk.po's `Оp`): which one was meant is a guess, so the
            # fix is unsafe however the word is read (the source's word, else the page's script).
            tie = own is None
            script = "Latn" if _in_source(read, both) else own or page
            if script == "Latn":
                declined = _DECLINED.fullmatch(word)
                cyrillic_text = primary(doc.language) in _CYRILLIC_LANGUAGES or page == "Cyrl"
                if declined and cyrillic_text and _written_alone(doc.text, declined.group(1)):
                    continue
                reading = _read_as_latin(word, read)
            else:
                reading = _read_in(word, script, _palochka(doc.text) if script == "Cyrl"
                                   and primary(doc.language) in _PALOCHKA_LANGUAGES else None)
                if reading is None and page == "Latn":
                    reading = _read_as_latin(word, read)  # `CΝΝ` on an English page: no Greek `C`, a Latin word
            if reading is None:
                continue
            applicability = Applicability.UNSAFE if tie else reading.applicability
            fixed = reading.fixed
            names = ", ".join(sorted({f"{c} (U+{ord(c):04X})" for c in reading.stray}))
            edits = [(m.start() + i, m.start() + i + 1, fixed[i]) for i, c in enumerate(word) if c != fixed[i]]
            yield self.finding(seg, m.start(), m.end(), f"'{word}' mixes scripts: {names}; read as '{fixed}'",
                               edits=edits, applicability=applicability)

"""B108 end-punctuation-mismatch: the translation ends with another mark than the source."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import partial

from lint.formats.bilingual import (
    markup_of,
    pair,
    stands_as_token,
    translations_hold,
    translations_write_whole,
    xliff_example,
)
from lint.formats.builder import TEMPLATE_PLACEHOLDER
from lint.language import abbreviations, primary
from lint.model import Document, Finding, Segment, Severity
from lint.patterns import compiled_on_use
from lint.rule import Example, Rule

from ._pairwise import habit_or_each
from .placeholder_mismatch import is_date_format
from .tag_mismatch import ends_with_metavariable

_PO = "messages.po"
_XLF = "app.xlf"
# The end marks of many scripts, by what they do: a Chinese 。 ends a sentence as a full stop does, an
# Arabic ؟ and a Greek ; ask as ? does.
_CLASSES = {
    "...": "ellipsis", "…": "ellipsis", "⋯": "ellipsis",
    ".": "full stop", "。": "full stop", "।": "full stop", "۔": "full stop", "．": "full stop", "။": "full stop",
    "།": "shad", "༎": "shad", "។": "full stop", "៕": "full stop", "։": "full stop", "።": "full stop",
    "॥": "full stop", "᱾": "full stop", "᱿": "full stop", "᠃": "full stop", "᠉": "full stop", "꘎": "full stop",
    "꛳": "full stop", "｡": "full stop",
    # BENGALI CURRENCY NUMERATOR FOUR, which Bengali keyboards type for the danda it looks like (`বড়৷`).
    "৷": "full stop",
    "?": "question mark", "？": "question mark", "؟": "question mark", "՞": "question mark",
    ";": "semicolon", "；": "semicolon",
    "!": "exclamation mark", "！": "exclamation mark",
    ":": "colon", "：": "colon", "፦": "colon", "፥": "colon", "៖": "colon", "꞉": "colon",
    # the vertical two-dot leader and the small colon, which Chinese input methods offer for `：` (`条目︰`)
    "\ufe30": "colon", "\ufe55": "colon",
}
# Closing quotes (German's and Bulgarian's `„…“` and `‚…‘` close with `“` and `‘`) and brackets after the mark, closing inline markup (`*Open...*`, ``` ``x.`` ```, `` `text.`_ ``), the spaces French puts before it, a reST footnote
# reference (`[#]_`) and an accelerator key written after a label (`(_C)`, `(&F)`) are not compared.
# Read from the string's end, reversed (`_ending`): each of these items, then the mark, in one match of
# the reversed string at its start. A search for the same items forward, to the end (`(mark)?(?:…)*$`),
# tried them from every offset and read a run of spaces to its end from each of its spaces: 46 s on a
# string of 1 MB of runs between words. Where `)` both closes a bracket and ends an accelerator
# (`(_C)`), the accelerator is tried first: what follows the lone `)` (`C`) starts no item, so the
# longer item is the one the forward search found too.
_END_REVERSED = compiled_on_use(r"(?:[)）]\w[_&][(（]|[\s\"'”’“‘»)\]）］」』\u00a0\u202f*`\u061c\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]|_`|__`|>[^<>]*<"
                                r"|_\](?:[\w-]*#|\*|\d+)\[)*(\.\.\.|\u0f0b{3,}|\u2024{2,}|[…⋯.。।৷۔．။།༎។៕։።॥᱾᱿᠃᠉꘎꛳｡?？؟;；՞!！:：፦፥៖꞉\ufe30\ufe55])?")


@dataclass(frozen=True)
class _Ending:
    """The mark a string ends with (None: none) and where it starts and ends, before what follows it and
    is not compared (closing quotes and brackets, tags, white space)."""

    mark: str | None
    start: int
    end: int


def _ending(text: str) -> _Ending:
    m = _END_REVERSED.match(text[::-1])
    assert m is not None  # every item is optional: it matches the empty string at least
    if m.group(1) is None:
        return _Ending(None, len(text) - m.end(), len(text) - m.end())
    # The mark read backwards is the mark: `...`, a run of one character, or one character.
    return _Ending(m.group(1), len(text) - m.end(1), len(text) - m.start(1))


# An abbreviation's point (`мор.м.`, `сын. бағ.`, `e.g.`) ends a word, not a sentence: short words in a row,
# each with its point, or one short word after a comma or in brackets (`(alt.)`, `[Maj.]`). Matched on the
# string reversed, at its start: the same words read forward, to the end (`…{2,}$`), were tried from every
# space and read the words in a row to the end from each (`a. a. … a. 1.`: 6.7 s at 20 KB).
_ABBREVIATION_REVERSED = compiled_on_use(r"(?:[ \u00a0]?\.[^\s\d,.()]{0,5}[^\W\d_]){2,}(?:[\s,(]|\Z)"
                                         r"|\.[^\s\d,.()]{0,5}[^\W\d_][ \u00a0]?,|\.[^\s\d,.()\[\]]{0,5}[^\W\d_][(\[（［]")
# Two capitalized words of four letters or more, each with its point, at the end: one-word sentences
# (`Diagrams. Made. Simple.`), not abbreviations (`e.g.`, `p. ej.`, `Dr. Med.`).
_SENTENCE_WORDS = compiled_on_use(r"(?<![^\s.])[A-Z][a-z]{3,}\.\s+[A-Z][a-z]{3,}\.$")
# Inline code in the markups a catalogue's strings may be written in.
_LITERALS = {"rst": compiled_on_use(r"``[^`]+``"), "markdown": compiled_on_use(r"`[^`]+`")}
# A source that reads as a sentence: a capital, then four words or more.
_SENTENCE = compiled_on_use(r"^\W*[A-Z][^\s]*(?:\s+\S+){3,}")
# … or a placeholder in the capital's place, then four words or more (`%(qty)d copies of '%(product)s' have
# been added to your basket`), or sentences, the last left without its mark (`… (%(reason)s). Please adjust
# your basket to continue`).
_PLACEHOLDER_SENTENCE = compiled_on_use(r"^\W*(?:%(?:\(\w+\))?[-+ #0-9.]*[a-zA-Z]|\{\w*\})\S*(?:\s+\S+){4,}")
_SENTENCES = compiled_on_use(r"\w[)\]\"'”’]?[.!?][)\]\"'”’]?\s+[A-Z]")
# A short capitalized word before the point is an abbreviation's (`No. Items`, `Dr. Smith`), no sentence's end.
_SHORT_CAPITALIZED = compiled_on_use(r"(?<![^\W\d_])[A-Z][a-z]{0,2}$")
_SENTENCE_BEFORE = 3  # the words a sentence before the last one holds at least
# The word before a translation's final point (`kl.` of `Startet kl.`).
_LAST_ABBREVIATED = compiled_on_use(r"(?<![^\W\d_])([^\W\d_]{1,6})\.$")
# The language's abbreviations that are its words too, whose point at the end is a sentence's (French `vol`,
# flight, and `sept`, seven, besides vol. volume and sept. septembre; `ex`; Polish `ok`, besides ok. około).
_ALSO_WORDS = {"fr": frozenset({"vol", "sept", "ex"}), "pl": frozenset({"ok"})}
# The tags a string opens with (`<strong>`, `<p>`).
_OPENING_TAGS = compiled_on_use(r"^\s*(?:<[A-Za-z][\w-]*>\s*)+")
# A form of address, which languages abbreviate with a point (`Miss` as `Mw.`, `Srta.`, `Gdč.`; `Mr` as `Hr.`).
_ADDRESS = compiled_on_use(r"\s*(?:Mr|Mrs|Miss|Ms|Mx|Mister|Madam|Madame|Sir|Dr|Doctor|Prof|Professor)\s*")


# A smiley at the end (`;)`, `:)`, after a space): its `;` or `:` ends no sentence.
_SMILEY = compiled_on_use(r"(?<!\S)[:;]\)\s*$")
# Armenian by its ISO 639-1 and 639-2/T codes (`hy`, `hye`: catalogues use both) and Western Armenian.
_ARMENIAN = frozenset({"hy", "hye", "hyw"})
# Armenian marks a question (`՞`) or an exclamation (`՜`) over the stressed vowel of the word it bears
# on, and ends the sentence with `։` or nothing: `Բացե՞լ բոլոր պանակները։` asks "Open all folders?".
_ARMENIAN_TONE = {"\u055e": "question mark", "\u055c": "exclamation mark"}


def _end_class(text: str, language: str = "en") -> str | None:
    end = _ending(text)
    if end.mark is None:
        return None
    if end.mark.startswith("\u0f0b"):
        return "ellipsis"  # Tibetan and Dzongkha write an ellipsis as a run of tshegs (`བཙུགས་་་་`)
    if end.mark.startswith("\u2024"):
        return "ellipsis"  # one dot leaders in a row (`Վերանվանել․․․`: Armenian typed with its mijaket's key)
    if end.mark == "." and primary(language) in _ARMENIAN:
        return "colon"  # Armenian: `։` ends a sentence, `.` stands where English writes a colon
    if end.mark == "." and _ABBREVIATION_REVERSED.match(text[:end.end][::-1]) \
            and not _SENTENCE_WORDS.search(text[:end.end]):
        return None
    if end.mark in (":", ";") and (smiley := _SMILEY.search(text)) is not None \
            and text.count("(", 0, smiley.start()) <= text.count(")", 0, smiley.start()):
        # a smiley's eyes (`Nothing to see here ;)`), no mark: `:)` for `;)` is the same end; but not a
        # bracket's mark where the `)` closes one (French's `(voir ci-dessous :)`)
        return None
    if end.mark == ";" and language.split("-")[0].lower() == "el":
        return "question mark"  # the Greek question mark is written as a semicolon
    return _CLASSES.get(end.mark)


# Languages that end no sentence with a mark: Thai and Lao (a space), Lojban, whose `.` is a pause and whose
# sentences are parted by the word `.i` that opens each (The Complete Lojban Language, ch. 3 and 19).
_UNPUNCTUATED = frozenset({"th", "lo", "jbo"})
# Of those, the ones whose `.` is no sentence's end at all: one a translation adds is still reported (Lojban's `.`
# is a pause before a word, never after a sentence's last: `.i ko troci.` for `Try again`).
_NO_FULL_STOP_ONLY = frozenset({"jbo"})
_NO_QUESTION_MARK = frozenset({"my"})


def _unpunctuated(language: str, target: str | None) -> bool:
    """Whether the language ends its sentences with no mark, so a full stop lost (or, but in Lojban, added) is none."""
    return language.split("-")[0].lower() in _UNPUNCTUATED and (target is None or primary(language) not in _NO_FULL_STOP_ONLY)
# Thai asks with a particle or a question word and, in running text, no mark after it (the question mark is
# an optional borrowing: Royal Institute of Thailand, หลักเกณฑ์การใช้เครื่องหมายวรรคตอน, ปรัศนี): `…จริงหรอ`,
# `…หรือไม่`, `แน่ใจหรือว่า…`, `ไหม`, `อะไร`, `ทำไม`.
# (`ไหม` not in `ไหม้`, burn; `เปล่า` only after `หรือ`: alone it says empty. `หรือ` asks at the end or
# before ไม่, เปล่า, ว่า, ยัง; between two words it is `or`: `ไฟล์หรือโฟลเดอร์หายไป`, the file or folder has gone.)
_THAI_QUESTION = compiled_on_use("ไหม(?!\u0e49)|มั้ย|หรือ(?=ไม่|เปล่า|ว่า|ยัง|\\W*$)|หรอ|เหรอ|อะไร|ใคร|ที่ไหน|เมื่อไร|เมื่อไหร่|อย่างไร|ยังไง|ทำไม|กี่")
# Ends a list item may have in one language and not in another: French closes list items with ` ;` or
# ` :` (the last with `.`), where English writes no mark or a full stop; a comma or a semicolon ends an item, not a
# sentence, in every language.
_ITEM_ENDS = frozenset({"semicolon", "colon", None})
_SEPARATOR_ENDS = frozenset({"semicolon", None})
# The Tibetan shad closes a sentence or a phrase, a label as well (Dzongkha, Tibetan): it stands for a
# full stop or for no mark.
_SHAD_ENDS = frozenset({"shad", "full stop", None})
_TIBETAN_LETTER = compiled_on_use(r"[\u0f40-\u0fbc]")  # a translation in Tibetan script, which has no colon


def _equivalent(source: str | None, target: str | None, language: str, translation: str) -> bool:
    if source == target:
        return True
    if primary(language) in _ARMENIAN:
        if (source, target) == ("full stop", "colon"):
            return _ending(translation).mark == ":"  # Armenian typed with `:` for `։`, which it looks like
        if (source, target) == ("colon", None):
            return translation.rstrip().endswith("\u2024")  # the Armenian colon, mijaket, typed as ONE DOT LEADER
        if target in (None, "full stop") and source in _ARMENIAN_TONE.values():
            # The source's question kept over a word of the translation's last sentence. (Not the reverse: a
            # question word such as `Արդյո՞ք`, "whether", may render a statement's words.)
            last = translation.rstrip().rstrip("։.").rsplit("։", 1)[-1]
            return any(mark in last for mark, tone in _ARMENIAN_TONE.items() if tone == source)
    if (source, target) == ("question mark", "full stop") and primary(language) in _NO_QUESTION_MARK:
        return True  # Burmese asks with a particle (`လား`) and ends the question with its full stop `။`
    if (source, target) == ("question mark", None) and primary(language) == "th":
        return _THAI_QUESTION.search(translation) is not None  # Thai asks with its particle, no mark after it
    if "shad" in (source, target) and {source, target} <= _SHAD_ENDS:
        return True
    if (source, target) == ("colon", "shad") and _TIBETAN_LETTER.search(translation):
        return True  # Tibetan script has no colon of its own: the shad closes the phrase a colon would introduce
    if {source, target} <= _SEPARATOR_ENDS:
        return True
    if language.split("-")[0].lower() != "fr":
        return False
    return {source, target} <= _ITEM_ENDS or {source, target} == {"full stop", "semicolon"}


def _item_end_after(source: str | None, target_text: str, language: str) -> bool:
    """A French list item closes with ` ;` or ` :` after the mark its source ends with (`Attendez… ;` for
    `Wait...`): the source's mark is kept, and the item's mark is added after it."""
    if source is None or primary(language) != "fr":
        return False
    end = _ending(target_text)
    if end.mark not in (";", ":"):
        return False
    return _end_class(target_text[:end.start].rstrip(" \u00a0\u202f"), language) == source


_FR = 'msgid ""\nmsgstr ""\n"Language: fr\\n"\n\n'
_KO = 'msgid ""\nmsgstr ""\n"Language: ko\\n"\n\n'


_TH = 'msgid ""\nmsgstr ""\n"Language: th\\n"\n\n'
_HY = 'msgid ""\nmsgstr ""\n"Language: hy\\n"\n\n'
_JBO = 'msgid ""\nmsgstr ""\n"Language: jbo\\n"\n\n'
_EL = 'msgid ""\nmsgstr ""\n"Language: el\\n"\n\n'

# A source of three letters at most (`Acc`, `Inv`), and one word with its point (`Dakł.`): abbreviations.
_SHORT = compiled_on_use(r"\s*[^\W\d_]{1,3}\s*")
_ABBREVIATED = compiled_on_use(r"\s*[^\W\d_]{1,6}\.\s*")
# A label that ends with an English abbreviation (`No.`, `Vol.`, `Max.`, `Serial No.`): its point ends a
# word, and the translation may abbreviate without one (`Д/д`) or write the word whole. Not any short word
# with a point: `Done.` and `Saved.` are sentences. A label's words are capitalized; a lowercase word
# (`Just say No.`, `Set to Max.`) or an instruction's verb (`Click No.`) makes it a sentence that names a
# button or a value, whose full stop the translation keeps.
_ABBREVIATED_LABEL = compiled_on_use(
    r"\s*(?!(?:Click|Press|Tap|Select|Choose|Pick|Answer|Say|Type|Enter|Set|Use|Switch) )"
    r"(?:[A-Z][^\W\d_]* ){0,2}(?=[A-Z])(?i:no|nos|vol|vols|fig|figs|max|min|avg|approx|misc|ref|refs|ver|rev|ed|eds|pp|cf|"
    r"vs|ca|dept|tel|ext|qty|sq|temp|prev|est|abbr|num|pt|pts|sec|hr|hrs|yr|yrs|wk|wks|mo|mos|incl|excl|"
    r"corp|inc|ltd|co|jr|sr|dr|mr|mrs|ms|prof|st|ave|blvd|apt|dist|div|dec|hex|oct|bin|deg|rad|grad)\.\s*")
# A mark, closing brackets or quotes, then a full stop: the translation ends its sentence after a bracket
# that holds the source's mark (`(… !).` for `(…!)`).
_CLOSED_THEN_STOP = compiled_on_use(r"[?!？！…][\s\u00a0\u202f]*[)\]）»”\"']+\.\s*$")
# A question against no mark or a full stop: in a documentation page, a short one is a title a
# translator may word as a statement (or the reverse); a sentence's question is longer.
_REWORDED = frozenset({"question mark", "full stop", None})
_TITLE_WORDS = 8
# A source that starts in lower case or with inline markup: a list item or a fragment of a sentence.
_FRAGMENT = compiled_on_use(r"\s*(?:[a-z]|[:`*])")


class EndPunctuationMismatch(Rule):
    code = "B108"
    slug = "end-punctuation-mismatch"
    summary = "Translation ends with another punctuation mark than the source"
    rationale = """
**What it does.** Compares the mark that ends a translation with the one that ends its source, by what
the mark does (full stop, question, exclamation, colon, ellipsis; the Tibetan shad `།`, which closes
phrases and labels as well as sentences, matches a full stop or no mark, and, in Tibetan script, a colon, for which it has no
mark of its own), so a Chinese `。`, a
Khmer `។`, an Ol Chiki (Santali) `᱾`, a Mongolian `᠃`, an Arabic `؟` or a
Greek `;` (in a Greek translation only) matches its English counterpart, and `…` matches `...`; the
point of abbreviated words (`мор.м.`, `e.g.`, the last of a list: `rok,roky,r.`; a label's English
abbreviation, `No.` as `Д/д`; a unit's after a placeholder, `%s tis.` for `%sK`, `%s jt.` for `%s yd`, or after a number, `5 dk.` for `5 m`, not a word
of four letters or more the catalogue writes whole, `5 dakika.`, nor one of two or three letters that it writes as a word of
its own, with no number before it, `1 час.` for `1 h` beside `Один час`; units after numbers, each abbreviated
with its point, cut short before a vowel, `%s ч. %s мин.` for `%s h %s min`, `%s мин.` for `%s minute`, not
`%s минута.`, `%s Tage.`, `%s jour.`, `%s h %s min.`; a short label's
last word cut short to fit a column, six letters at most ending on a consonant, one the catalogue never writes whole,
where the source is abbreviated too, another word is cut as well or the catalogue writes the word it was cut from:
`Downl.` for `Down` beside `Downloaden`, `Blokken ontv.` for `Dn Blocks`; not `Fertig.` for `Done`) ends no sentence, a
point that ends both an abbreviation and the sentence
(`…, etc.`) is its full stop, a full stop a translation adds to a source that reads as a sentence (a capital and four words or more, a
placeholder and four words or more, after the tags it opens with or not, or sentences, the last without its mark: `… (%(reason)s). Please adjust
your basket to continue`, not a label with an abbreviation's point, `No. Items`) corrects it, a form of address abbreviated with a point (`Miss` as `Mw.`, `Srta.`)
ends a word, and so does the point of one of the language's abbreviations that ends a translation (Danish
`Startet kl.` for `Started At`; not one the language also writes as a word, French `Annuler le vol.`), and a full stop inside a closing parenthesis may be left out (`(Contributed by X.)`).
A smiley's eyes at the end (`here ;)` as `itt :)`) are no mark, `︰` and `﹕` are colons, nor is a mark inside the brackets that close the source
where the translation writes those brackets whole elsewhere (`letter A (a, b, ...)` as `Buchstaben A (a, b, ...) starten`),
nor, the other way round, a mark inside the brackets that close the translation where the source writes that mark
inside brackets or quotes before its end (`add letter (a, b, ...) to generated keys` as `harf ekle (a, b ...)`).
Thai and Lao write no full stop (nor does Lojban, which opens each sentence with `.i`; a point it adds is still reported), and Thai asks with a particle or a question word and no mark (`…จริงหรอ`,
`…หรือไม่` for `…?`; not a translation without one, a question made a statement, nor one whose `หรือ` stands between two words: `or`); Armenian writes `։` for a full stop and `.` for a colon, and an accelerator written after
a label (`মূল্য: (_C)`) is skipped; a string that ends with a metavariable (`function :<funcname>`: a
`<name>` of no element, never closed) ends with a word, but for a question or exclamation mark before it (`Continue? <Enter>`); closing quotes, brackets, tags and XLIFF inline codes and the space French puts before
`?` or `:` are skipped, and so is the colon of a quoted token that ends the source and that the
translation writes, quotes and colon, inside it (`is not 'file:'` as `şema 'file:' değil`), and the colon inside the quotes
of a label of three words at most that ends either string (`in video "Details:"`, the label as the UI shows it),
unless the other string writes that label without its colon, or the translation ends so and the source quotes
no label with its colon (`the field "Name"` as `das Feld „Titel:“`), and the colon of a header's name that the other string writes inside it
(`add Cc: header` as `tambahkan kepala Cc:`), and a colon that introduces a value the program appends, where
the source ends with a word and the space before that value and the translation with a colon and the same
space (`ahead ` as `다음 앞에: `), or where the source, a clause with a copula, stops at a copula or a preposition that asks for that value
(`is`, `are`, `was`, `were`, `at`, `onto`, `into`, `from`, `of`, `as`: `HEAD is now at` as `HEAD konumu:`; not a label, `Save as` as `Enregistrer sous :`),
or where the source, of three words or more, stops at such a preposition or `for`, `to`, `by`, `with`, and
opens with a participle (a status message: `Generated citation key for` as `생성된 인용 키:`; not an
imperative, `Bring the window to`) or is translated
into a language whose postpositions follow their noun, Japanese, Korean or Turkish (`Automatically save the
library to` as `自動的にライブラリを右記に保存：`): the value comes last in the language's word order; it could hide a colon
added to such a fragment by mistake, shown before the value). A mark alone in quotes that ends the translation, a key the user types, is not its end where the source
quotes it too (`(use '?' for help)` as `(за помощ натиснете „?“)`). An ellipsis that is a usage's repetition mark glued to the source's last metavariable (`<param2>...`) is not
flagged where the translation writes such a mark inside it after that metavariable or a new one (`<param2>... eşanlamlısı`: it moved with the word
order; not onto another of the source's, `[<options>...] <pathspec>`; it could hide a trailing ellipsis lost in such a string). A source that ends with an English article
(`… and read the`) is a fragment a template completes, whose translation may end elsewhere with a colon or a full stop
(not `?`, `!` or `...` added), and
`etc...`'s points end the abbreviation (a translation's full stop stands for them). A mark the source has and the translation lacks, or the reverse, is flagged. By language: a
semicolon against no mark is not flagged (it ends a list item, not a sentence), nor, in French, ` :` or
` ;` against no mark (French closes list items so, and ` ;` against a full stop, or after the source's own mark), and `;` is never read as a question mark but in
Greek, and there only where the source does not end with `;` itself (a keyword list `a;b;`). In Korean on a
documentation page, a sentence that ends with a verb's final ending (`정의합니다.`) closes with a full stop
where its source ends with a colon, a semicolon or no mark (`… the following functions:` as `… 정의합니다.`),
and one that ends with a noun may leave out its source's full stop (`The logging message.` as `로깅 메시지`;
a Latin word or a number after Hangul ones ends with a noun too, `… 정수 UUID`, but not after a verb's ending, `… 설정합니다 3`),
as Korean orthography allows; a decimal fraction's points that the source writes too are the number's (`상수 *e* = 2.718281...`);
a list item closes with a full stop for its source's semicolon whatever word ends it, and a question asked
with the interrogative ending `-까` (`… 제거합니까?`) closes with its question mark where the source asks one too
(it opens with `How`, `What`, `Is`, `Do`…, or asks `how can I` after an opening phrase). In a catalogue written in reST or Markdown, a mark inside inline code is code, not the end of
a sentence (``` ``ask_ok('Quit?')`` ```), a translation that is one literal holding the source's words with their
mark ends as the source does (``` ``start, step, ...`` ``` for `start, step, ...`), a date format (`%b %e` as Hungarian `%B %-e.`) is not compared, and a paragraph that ends with a full stop in the source may end
with a colon in the translation, which introduces the list or example the page shows after it. A catalogue in which five translations or more differ from their sources the same way (all leave
out the colon of labels, say) made one choice for its language: one finding, at the first, naming how
many.

**Why is this bad?** A question shown as a statement, a label without its colon before a field, or a
button that gained a full stop are the small inconsistencies that make an interface look machine-made.
"""
    severity = Severity.INFO
    scope = "document"
    kinds = frozenset({"msgstr", "string", "target"})
    flag = (
        Example('msgid "One hour"\nmsgstr "Один час"\n\nmsgid "1 h"\nmsgstr "1 час."\n', path="ru.po",
                note="a short word the catalogue writes on its own, with a full stop added"),
        Example('msgid "15 minutes"\nmsgstr "15 dakika"\n\nmsgid "5 m"\nmsgstr "5 dakika."\n', path="tr.po",
                note="a unit's word the catalogue writes whole, with a full stop added"),
        Example(_KO + '#: library/copy.rst:3\nmsgid "This module provides shallow and deep copy operations."\n'
                'msgstr "이 모듈은 얕은 복사와 깊은 복사 연산을 제공합니다"\n', path="ko.po",
                note="a Korean sentence that ends with its verb's final ending closes with a full stop"),
        Example(_KO + 'msgid "Choose the file to open:"\nmsgstr "열 파일을 선택하십시오."\n', path="ko.po",
                note="an application's label before its field, not a page's paragraph"),
        Example(_KO + '#: library/x.rst:3\nmsgid "*This function is deprecated.*"\nmsgstr "*이 함수는 폐지되었습니다*"\n',
                path="ko.po", note="a Korean sentence in emphasis ends with its verb before the emphasis closes"),
        Example(_KO + '#: library/x.rst:3\nmsgid "Set the value to three, as the manual says."\n'
                'msgstr "설명서대로 값을 3으로 설정합니다 3"\n', path="ko.po",
                note="a number after a verb's ending: the verb ended the sentence, its mark lost"),
        Example(_KO + '#: library/x.rst:3\nmsgid "Call the function and return to the main loop."\n'
                'msgstr "함수를 호출하고 메인 루프로 돌아갈까?"\n', path="ko.po",
                note="`-까` made a question of a source that asks none"),
        Example(_KO + '#: library/x.rst:3\nmsgid "You can remove it."\nmsgstr "제거할 수 있습니까?"\n', path="ko.po",
                note="`-니까?` made a question of a short statement: a full stop ends a sentence, no title"),
        Example(_KO + '#: library/x.rst:3\nmsgid "When the call returns, the value is stored."\nmsgstr "호출이 반환되면 값이 저장됩니까?"\n',
                path="ko.po", note="a statement that opens with `When`, no question's word order"),
        Example(_KO + '#: library/x.rst:3\nmsgid "The list holds one, two and three."\nmsgstr "리스트는 1, 2, 3..."\n',
                path="ko.po", note="an ellipsis after a whole number, which no source's decimal writes"),
        Example('msgid "Save a copy of the file and then close the"\nmsgstr "파일의 사본을 저장하고 닫습니다!"\n', path="ko.po",
                note="a fragment ending with an article, given an exclamation mark"),
        Example('msgid "Read the manual"\nmsgstr "설명서를 읽으십시오:"\n', path="ko.po",
                note="a source that ends with a noun, not an article: a colon added"),
        Example('msgid "It took so long..."\nmsgstr "Cela a pris tant de temps."\n', path="fr.po",
                note="an ellipsis after a word, not `etc`: lost"),
        Example(_KO + '#: library/ssl.rst:3\nmsgid "It supports checking (see :pep:`8`)."\n'
                'msgstr "검사를 지원합니다 (PEP 8)"\n', path="ko.po",
                note="a verb ends the sentence before brackets of Latin words: not a noun's end"),
        Example('msgid "Start with letter A (a, b, ...)"\nmsgstr "Mit Buchstaben A (a, b) starten"\n', path="de.po",
                note="the bracketed list lost its ellipsis: not the source's brackets moved"),
        Example('msgid "Always add a letter to generated keys"\n'
                'msgstr "Oluşturulmuş anahtarlara her zaman harf ekle (a, b ...)"\n', path="tr.po",
                note="brackets and an ellipsis the source does not have"),
        Example('#, c-format\nmsgid "%s left"\nmsgstr "%s zbývá."\n', path="cs.po",
                note="a word after the placeholder, no abbreviation"),
        Example('#, c-format\nmsgid "%s now"\nmsgstr "%s teď."\n', path="cs.po",
                note="a short word after the placeholder, no unit: a full stop added"),
        Example('msgid "Press the button \\"Details\\":"\nmsgstr "Stiskněte tlačítko „Podrobnosti“"\n', path="cs.po",
                note="a colon after the quotes ends the sentence"),
        Example('msgid "Citation key for"\nmsgstr "인용 키:"\n', path="ko.po",
                note="a label that stops at a preposition, no participle's status message: a colon added to it"),
        Example('msgid "Select the folder to save to"\nmsgstr "保存先のフォルダを選択："\n', path="ja.po",
                note="the preposition's noun stands before it (`the folder to save to`): no value appended, a colon added"),
        Example('msgid "Bring the selected window to"\nmsgstr "Ausgewähltes Fenster nach:"\n', path="de.po",
                note="an imperative, no participle (`Bring`): a label, and a colon added to it"),
        Example('msgid "Set the \\"Name:\\" field to the title of the book"\nmsgstr "Das Feld „Name:“"\n', path="de.po",
                note="a translation that stops at the source's own quoted label: the rest of the sentence lost"),
        Example('msgid "Set the \\"Name\\" field to the title"\nmsgstr "Das Feld „Titel:“"\n', path="de.po",
                note="a colon the translation adds inside the quotes of a label the source writes without one"),
        Example('msgid "Start with letter A (a, b, ...)"\nmsgstr "Mit Buchstaben A (a, b, ...) starten!"\n', path="de.po",
                note="the brackets moved with their ellipsis, and the translation gained an exclamation mark"),
        Example('#: library/exceptions.rst:3\nmsgid "For example, compiling it results in (\'f-string: ...\', 1)."\n'
                'msgstr "Par exemple, le compiler produit ``(\'f-string: ...\', 1).``"\n', path="messages.po",
                note="a sentence's full stop inside its last literal"),
        Example('#: library/os.rst:3\nmsgid "Call it with the defaults."\nmsgstr "Appelez-la avec ``defaults``"\n',
                path="messages.po", note="code that ends the translation without the source's mark"),
        Example('msgid "Delete this file?"\nmsgstr "Supprimer ce fichier."\n', path=_PO),
        Example('msgid "process only the lines of <file>"\nmsgstr "procesar solo las líneas de <archivo>:"\n', path="es.po",
                note="a colon after the metavariable that ends the string is its end"),
        Example('msgid "Warning: disk full"\nmsgstr "Warning:"\n', path="id.po",
                note="a name and its colon alone: the rest of the string lost"),
        Example('msgid "add Cc: header"\nmsgstr "dodaj pole DW:"\n', path="pl.po",
                note="a colon after a name the source does not write"),
        Example('msgid "Continue? <Enter>"\nmsgstr "Continuer <Entrée>"\n', path=_PO,
                note="a question before a final metavariable ends the sentence: lost"),
        Example('msgid "missing host and scheme is not \'file:\'"\nmsgstr "ana bilgisayar eksik ve şema \'file\' değil"\n',
                path="tr.po", note="a quoted literal's colon lost with the literal changed"),
        Example('msgid "Copy to <b>"\nmsgstr "Copier vers :<b>"\n', path=_PO,
                note="an element's tag is skipped, the mark before it compared"),
        Example('msgid "Run „git gc“ now?"\nmsgstr "Изпълнение на „git gc“."\n', path="bg.po",
                note="the question lost before the closing `“`"),
        Example('msgid "Deleted %d files in %s."\nmsgstr "%d fichiers supprimés dans %s"\n', path=_PO,
                note="printf conversions: no date format"),
        Example('#: library/optparse.rst:10\nmsgid "The name to use when expanding ``%prog`` in ``usage``."\n'
                'msgstr "El nombre a usar al expandir ``%prog`` en ``usage``"\n', path="es.po",
                note="a sentence that mentions a strftime conversion is no date format"),
        Example('msgid "Delete this file?"\nmsgstr "ᱨᱮᱫ ᱢᱮᱴᱟᱣ ᱾"\n', path="sat.po",
                note="the Ol Chiki full stop `᱾` is no question mark"),
        Example('msgid "Overwrite"\nmsgstr "Վերագրառել՞"\n', path=_PO, note="`՞` at the end: a question the source is not"),
        Example('msgid "Your changes were saved."\nmsgstr "Vos modifications ont été enregistrées"\n', path=_PO),
        Example('msgid "Password:"\nmsgstr "Mot de passe"\n', path=_PO),
        Example("".join(f'msgid "Field {i}:"\nmsgstr "Felt {i}"\n\n' for i in range(6)), path="fo.po",
                note="six labels without their colon: one finding, naming the count"),
        Example('msgid "Save"\nmsgstr "Enregistrer."\n', path=_PO),
        Example('msgid "%s files"\nmsgstr "%s fichiers."\n', path=_PO, note="a placeholder and a word: a label"),
        Example('msgid "Missing"\nmsgstr "Manque."\n', path=_PO, note="no form of address"),
        Example('msgid "Torrent"\nmsgstr "Torrent."\n\nmsgid "Add a torrent"\nmsgstr "Torrent hinzufügen"\n', path="de.po",
                note="a short label's last word the catalogue writes whole elsewhere: its point a full stop added"),
        Example('msgid "Down"\nmsgstr "Herunterladen."\n', path="de.po",
                note="a word too long to be one cut short: a full stop added to a label"),
        Example('msgid "Significant _places:"\nmsgstr "རྩ་ཅན་ས་གནས་ཚུ་ (_p)"\n', path="dz.po",
                note="a label's colon dropped, with no shad for it either"),
        Example(_JBO + 'msgid "Download complete."\nmsgstr ".i le nu kibycpa cu mulno?"\n', path="jbo.po",
                note="Lojban writes no full stop, but a question mark for one is a question the source is not"),
        Example(_JBO + 'msgid "Try again"\nmsgstr ".i ko za\'ure\'u troci."\n', path="jbo.po",
                note="a point Lojban adds after a sentence's last word: no mark of its, and none in the source"),
        Example('msgid "Done"\nmsgstr "Fertig."\n', path="de.po",
                note="a whole word with a full stop added: no abbreviated source, no other word cut short, no longer "
                     "word in the catalogue it could be cut from"),
        Example('msgid "Result:"\nmsgstr "Ergebnis\u0f0d"\n', path="de.po",
                note="a shad closes no German label: the source's colon lost"),
        Example('msgid "Done."\nmsgstr "Fertig"\n', path="de.po", note="a short sentence, no abbreviation: its full stop lost"),
        Example('msgid "Just say No."\nmsgstr "Sag einfach Nein"\n', path="de.po",
                note="a sentence that ends with a word like an abbreviation: a lowercase word makes it no label"),
        Example('msgid "Click No."\nmsgstr "Klicken Sie auf Nein"\n', path="de.po",
                note="an instruction that names a button: its full stop lost"),
        Example('msgid "Loading..."\nmsgstr "Chargement !"\n', path=_PO),
        Example(xliff_example("Delete this project?", "Supprimer ce projet"), path=_XLF),
        Example('msgid "Are you sure?"\nmsgstr "Êtes-vous sûr ;"\n', path=_PO, note="`;` is no question mark in French"),
        Example('msgid "Open With"\nmsgstr "Ouvrir avec..."\n', path=_PO, note="no progress message: an ellipsis added"),
        Example('msgid "Warning"\nmsgstr "Avertissement…"\n', path=_PO, note="a noun in -ing: no progress message"),
        Example('msgid "Nothing to do"\nmsgstr "Rien à faire…"\n', path=_PO, note="a -thing word is no gerund"),
        Example('msgid "Loading files."\nmsgstr "Chargement des fichiers…"\n', path=_PO,
                note="a progress message whose source ends with its own mark"),
        Example('msgid "Close this window, cancel further changes"\nmsgstr "Fermer cette fenêtre, annuler les changements :"\n',
                path=_PO, note="a colon the source's words do not hold"),
        Example('msgid "git add [<options>] <pathspec>..."\nmsgstr "git add [<options>...] <pathspec>"\n', path="fr.po",
                note="the repetition mark moved onto another metavariable of the source's"),
        Example('msgid "Cloning into bare repository \'%s\'..."\nmsgstr "Clonage dans le dépôt nu \'%s\'"\n', path="fr.po",
                note="a progress message's ellipsis, no metavariable's repetition mark"),
        Example('msgid "synonym for --dirstat=files,<param1>,<param2>..."\nmsgstr "--dirstat=files,<param1>,<param2> eşanlamlısı"\n',
                path="tr.po", note="the repetition mark lost with the word order"),
        Example('#, c-format\nmsgid "Unknown command \'%s\' (use h for help)"\n'
                'msgstr "Непозната команда „%s“ (за помощ натиснете „?“)"\n', path="bg.po",
                note="a quoted key the source does not quote"),
        Example('msgid "Save as"\nmsgstr "Enregistrer sous :"\n', path="fr.po",
                note="a menu's label that stops at a preposition, no clause: a colon added to it"),
        Example('msgid "Import from"\nmsgstr "Importieren aus:"\n', path="de.po"),
        Example('msgid "Open with"\nmsgstr "Aç:"\n', path="tr.po",
                note="no space after the source's last word, a preposition a label may end with: no value appended"),
        Example('msgid "ahead "\nmsgstr "다음 앞에:"\n', path="ko.po",
                note="the colon without the source's space: the value would stick to it"),
        Example(_HY + 'msgid "Overwrite?"\nmsgstr "Վերագրառել"\n', path=_PO,
                note="no question mark, at the end or over a vowel"),
        Example(_HY + 'msgid "Overwrite the file?"\nmsgstr "Ֆայլը պահպանվեց:"\n', path=_PO,
                note="a `:` stands for `։` only where the source ends with a full stop"),
        Example(_HY + 'msgid "Do you want to run it, or display its contents?"\n'
                'msgstr "Ցանկանու՞մ եք գործարկել այն։ Ցույց տալ դրա պարունակությունը։"\n', path=_PO,
                note="the question mark over a word of another sentence than the last"),
        Example(_HY + 'msgid "The file was saved."\nmsgstr "Ֆայլը պահպանվեց."\n', path=_PO,
                note="the same `.` on both sides: Armenian reads it as a colon, its full stop is `։`"),
        Example(_FR + 'msgid "Print the file."\nmsgstr "Imprimer le fichier :"\n', path=_PO),
        Example(_FR + 'msgid "the second item..."\nmsgstr "le deuxième élément ;"\n', path=_PO,
                note="the source's ellipsis lost, not kept before the item's ` ;`"),
        Example('msgid "Saved!"\nmsgstr "已保存。"\n', path=_PO),
        Example(_TH + 'msgid "Delete this file?"\nmsgstr "ลบไฟล์นี้"\n', path=_PO,
                note="a Thai translation with no question word: the question made an order"),
        Example(_TH + 'msgid "Is the file or folder missing?"\nmsgstr "ไฟล์หรือโฟลเดอร์หายไป"\n', path=_PO,
                note="`หรือ` between two words is `or`: the question made a statement"),
        Example('msgid "Cancel flight"\nmsgstr "Annuler le vol."\n', path=_PO,
                note="`vol` is a French word too (flight), not only vol. (volume)"),
        Example('msgid "No. Items"\nmsgstr "Nombre d\'articles."\n', path=_PO,
                note="an abbreviation's point before a capital: a label, not a run of sentences"),
    )
    allow = (
        Example(_KO + '#: library/uuid.rst:3\nmsgid "The :mod:`uuid` module defines the following functions:"\n'
                'msgstr ":mod:`uuid` 모듈은 다음의 함수들을 정의합니다."\n', path="ko.po",
                note="Korean closes the sentence that introduces a list or an example with a full stop"),
        Example(_KO + '#: library/gc.rst:3\nmsgid "``collections`` is the number of times this generation was collected;"\n'
                'msgstr "``collections``\\\\는 이 세대가 수거된 횟수입니다."\n', path="ko.po",
                note="… and a list item its source ends with a semicolon"),
        Example(_KO + '#: library/logging.rst:3\nmsgid "The logging message."\nmsgstr "로깅 메시지"\n', path="ko.po",
                note="a Korean sentence that ends with a noun may leave out its full stop"),
        Example(_KO + '#: library/os.rst:3\nmsgid "The name of the module, or ``None`` if unavailable."\n'
                'msgstr "모듈의 이름 또는 (없는 경우) ``None``"\n', path="ko.po", note="… and one that ends with code"),
        Example(_KO + '#: library/os.rst:3\nmsgid "The *dir_fd* argument."\nmsgstr "*dir_fd* 인자"\n', path="ko.po",
                note="… and one that ends with `-자`, a noun's (`인자`, argument), not a verb's"),
        Example(_KO + '#: library/uuid.rst:3\nmsgid "The UUID as a 128-bit integer."\nmsgstr "128비트 정수 UUID"\n',
                path="ko.po", note="… and one that ends with a Latin word after its Hangul ones, a noun"),
        Example(_KO + '#: library/tkinter.rst:3\nmsgid "an integer, starting with 0;"\nmsgstr "0에서 시작하는 정수."\n',
                path="ko.po", note="a list item ended with a full stop for its source's semicolon, whatever word ends it"),
        Example(_KO + '#: faq/programming.rst:3\nmsgid "How do you remove multiple items from a list"\n'
                'msgstr "리스트에서 여러 항목을 어떻게 제거합니까?"\n', path="ko.po",
                note="the interrogative ending `-까` asks a question, closed by its question mark"),
        Example('msgid "You should upgrade, and read the"\nmsgstr "업그레이드하고, 다음 설명서를 읽어야 합니다:"\n', path="ko.po",
                note="a source that ends with an article is a fragment the template completes"),
        Example('msgid "how long it took, how many calls, etc..."\nmsgstr "durée, nombre d\'appels, etc."\n', path="fr.po",
                note="`etc...`'s points end the abbreviation: a full stop for them"),
        Example('msgid "Start with letter A (a, b, ...)"\nmsgstr "Mit Buchstaben A (a, b, ...) starten"\n', path="de.po",
                note="the ellipsis of a bracketed list that moved with its brackets"),
        Example('msgid "Total items found:"\nmsgstr "找到的全部条目\ufe30"\n', path="zh_CN.po",
                note="a vertical two-dot leader, a colon as Chinese input methods offer it"),
        Example('msgid "Nothing to be surprised here ;)"\nmsgstr "Nincs itt semmi meglepő :)"\n', path="hu.po",
                note="a smiley ends both, no semicolon nor colon"),
        Example('msgid "Options (see the following:)"\nmsgstr "Options (voir ci-dessous :)"\n', path="fr.po",
                note="French's space before a colon inside brackets: a colon, no smiley"),
        Example('msgid "process only line range <start>,<end> or function :<funcname>"\n'
                'msgstr "Yalnızca <başlangıç>,<bitiş> satır erimini veya :<işlevadı> işlevini işle"\n', path="tr.po",
                note="a metavariable ends the source, a word the user replaces: its `:` ends no sentence"),
        Example('msgid "process only line range <start>,<end> or function :<funcname>"\n'
                'msgstr "hanya proses rentang baris <awal>,<akhir> atau fungsi :<nama fungsi>"\n', path="id.po",
                note="… and the translation, worded in two words"),
        Example('msgid "add Cc: header"\nmsgstr "tambahkan kepala Cc:"\n', path="id.po",
                note="a header's name moved to the end with its colon"),
        Example('msgid "add Signed-off-by:"\nmsgstr "Signed-off-by: 줄을 추가합니다"\n', path="ko.po",
                note="… and to the start"),
        Example('msgid "ahead "\nmsgstr "다음 앞에: "\n', path="ko.po",
                note="a colon before the value the program appends after the source's space"),
        Example('msgid "HEAD detached at "\nmsgstr "HEAD가 다음 위치에서 분리: "\n', path="ko.po"),
        Example('msgid "HEAD is now at"\nmsgstr "HEAD konumu:"\n', path="tr.po",
                note="a source that stops at a preposition: the program appends the rest"),
        Example('msgid "Generated citation key for"\nmsgstr "생성된 인용 키:"\n', path="ko.po",
                note="a status message that opens with a participle: the key is appended after the colon"),
        Example('msgid "Always add letter (a, b, ...) to generated keys"\n'
                'msgstr "Oluşturulmuş anahtarlara her zaman harf ekle (a, b ...)"\n', path="tr.po",
                note="the source's bracketed list, ellipsis and all, moved to the translation's end"),
        Example('msgid "synonym for --dirstat=files,<param1>,<param2>..."\n'
                'msgstr "--dirstat=files,<param1>,<param2>... eşanlamlısı"\n', path="tr.po",
                note="a usage's repetition mark moved with its metavariable"),
        Example('#, c-format\nmsgid "Unknown command \'%s\' (use \'?\' for help)"\n'
                'msgstr "Непозната команда „%s“ (за помощ натиснете „?“)"\n', path="bg.po",
                note="a key in quotes the source quotes too, moved to the end"),
        Example('msgid "\\nThe most similar command is"\nmsgstr "\\nBuna en yakın komut:"\n', path="tr.po",
                note="… or at a copula"),
        Example('msgid "Acc"\nmsgstr "Dakł."\n', path="be@latin.po", note="an abbreviation for an abbreviation"),
        Example('#. Translators: A timer quick start value\nmsgid "5 m"\nmsgstr "5 dk."\n', path="tr.po",
                note="GNOME Clocks: a unit's symbol after a number, the language's abbreviation with its point"),
        Example('#, javascript-format\nmsgid "%s h %s min"\nmsgstr "%s ч. %s мин."\n', path="sr.po",
                note="GNOME Maps: a trip's duration, each unit abbreviated with its point"),
        Example('#, c-format\nmsgid "%sK"\nmsgstr "%s tis."\n', path="cs.po",
                note="a unit's abbreviation after a number (Czech thousands)"),
        Example('msgid "Show tip when pressing the popup button in video \\"Details:\\""\n'
                'msgstr "Zobrazit tip po klepnutí na tlačítko v „Podrobnostech“ videa"\n', path="cs.po",
                note="the colon of a quoted label, translated elsewhere in the sentence"),
        Example('msgid "No."\nmsgstr "Д/д"\n', path="mn.po",
                note="a column label's abbreviation (gnome-calculator): its point ends a word, not a sentence"),
        Example('msgid "Up Reqs"\nmsgstr "Upl.-verz."\n\nmsgid "Dn Blocks"\nmsgstr "Blokken ontv."\n', path="nl.po",
                note="a column head's words cut short with a point (transmission), never written whole in the catalogue"),
        Example('msgid "%s yd"\nmsgstr "%s jt."\n', path="af.po", note="a unit's abbreviation after a number"),
        Example('msgid "Click a _value or description to edit it:"\n'
                'msgstr "འདི་ཞུན་དག་འབད་ནིའི་དོན་ལུ་ བེ་ལུའམ་ འགྲེལ་བཤད་ཅིག་ལུ་ ཨེབ་གཏང་འབད།  (_v)"\n', path="dz.po",
                note="the shad closes what the colon introduces: Tibetan script has no colon of its own"),
        Example('msgid "Delete this file?"\nmsgstr "למחוק את הקובץ?\u200f"\n', path="he.po",
                note="a right-to-left mark after the question mark, as RTL translations write it (invisible "
                     "format characters follow a mark as white space does)"),
        Example('msgid "_Insert ASCII value..."\nmsgstr "ASCII བེ་ལུ་བཙུགས་་་་ (_I)"\n', path="dz.po",
                note="a Dzongkha ellipsis: a run of tshegs"),
        Example('msgid "Switch to Keyboard Mode (alt.)"\nmsgstr "切换到键盘模式（alt.）"\n', path="zh_CN.po",
                note="an abbreviation's point in brackets, full-width ones too"),
        Example('msgid "Inverse Modifier [Shift]"\nmsgstr "Inversar lo modificador [Maj.]"\n', path="oc.po"),
        Example('#: library/json.rst:3\nmsgid "the content and maximum length of JSON strings"\n'
                'msgstr "le contenu et la longueur maximale des chaînes JSON."\n', path="messages.po",
                note="a list item the translation closes"),
        Example('#: library/idle.rst:3\nmsgid "Open Module..."\nmsgstr "*Open Module...*"\n', path="messages.po",
                note="the mark inside emphasis"),
        Example('#: tutorial/controlflow.rst:3\nmsgid "giving only the argument: ``ask_ok(\'Quit?\')``"\n'
                'msgstr "en ne fournissant que l\'argument : ``ask_ok(\'Quit?\')`` ;"\n', path="messages.po",
                note="a mark inside an inline literal is code"),
        Example('#: library/itertools.rst:3\nmsgid "start, start+step, start+2*step, ..."\n'
                'msgstr "``start, start+step, start+2*step, ...``"\n', path="messages.po",
                note="the source's words set as code with their mark"),
        Example('#: library/importlib.rst:3\nmsgid "The purpose of the package is three-fold."\n'
                'msgstr "El propósito del paquete es triple:"\n', path="messages.po",
                note="a page's paragraph that introduces the list after it"),
        Example('msgid "Delete this file?"\nmsgstr "Supprimer ce fichier ?"\n', path=_PO),
        Example('msgid "Password:"\nmsgstr "Mot de passe :"\n', path=_PO),
        Example('msgid "Loading..."\nmsgstr "Chargement…"\n', path=_PO),
        Example('msgid "File saved."\nmsgstr "文件已保存。"\n', path=_PO),
        Example('msgid "synonym for --dirstat=files,<param1>,<param2>..."\n'
                'msgstr "псевдоним на „--dirstat=files,ПАРАМЕТЪР_1,ПАРАМЕТЪР_2,…“"\n', path="bg.po",
                note="Bulgarian closes a quotation with `“`: the ellipsis before it ends the string"),
        Example('msgid "%b %e"\nmsgstr "%B %-e."\n', path="hu.po",
                note="a date format: Hungarian writes the day as an ordinal, with its point"),
        Example('msgid "The width of the main window."\nmsgstr "ᱢᱩᱬᱩᱛ ᱣᱤᱱᱰᱚ ᱨᱮᱭᱟᱜ ᱚᱥᱟᱨ ᱾"\n', path="sat.po",
                note="Santali in Ol Chiki ends a sentence with `᱾` (mucaad), its full stop"),
        Example('msgid "He said \\"yes.\\""\nmsgstr "Il a dit « oui »."\n', path=_PO),
        Example('msgid "Save"\nmsgstr "Enregistrer"\n', path=_PO),
        Example(_FR + 'msgid "the first item"\nmsgstr "le premier élément ;"\n', path=_PO,
                note="a French list item ends with ` ;`"),
        Example(_FR + 'msgid "if it is an integer"\nmsgstr "si c\'est un entier :"\n', path=_PO),
        Example(_FR + 'msgid "the first item ..."\nmsgstr "le premier élément… ;"\n', path=_PO,
                note="the source's ellipsis kept, the French list item's ` ;` after it"),
        Example(_FR + 'msgid "Is it an integer?"\nmsgstr "Est-ce un entier ? ;"\n', path=_PO),
        Example(_EL + 'msgid "Delete this file?"\nmsgstr "Διαγραφή αυτού του αρχείου;"\n', path=_PO,
                note="the Greek question mark"),
        Example(_EL + 'msgid "calculator;math;arithmetic;"\nmsgstr "αριθμομηχανή;μαθηματικά;αριθμητική;"\n', path=_PO,
                note="a keyword list ends with the source's own semicolon, which Greek keeps"),
        Example('msgid "Delete this file?"\nmsgstr "删除此文件？"\n', path=_PO),
        Example('msgid "missing host and scheme is not \'file:\'"\nmsgstr "ana bilgisayar eksik ve şema \'file:\' değil"\n',
                path="tr.po", note="the colon of a quoted literal the translation keeps inside it"),
        Example('msgid "missing host and scheme is not \'file:\'"\nmsgstr "thiếu máy chủ và lược đồ không phải là \'file:\'"\n',
                path="vi.po", note="… or at its end, as the source does"),
        Example('msgid "_Cost:"\nmsgstr "মূল্য: (_C)"\n', path=_PO, note="an accelerator after the label"),
        Example('msgid "Ch_aracter:"\nmsgstr "ፊደል፦ (_A)"\n', path=_PO, note="the Ethiopic preface colon"),
        Example('msgid "Nautical miles"\nmsgstr "мор. мили, мор.м."\n', path=_PO, note="an abbreviation\'s point"),
        Example('msgid "Show the result."\nmsgstr "ཐོན་འབྲས་སྟོན།"\n', path=_PO),
        Example('msgid "Overflow. Try a bigger word size"\nmsgstr "Dépassement. Essayez une taille plus grande."\n',
                path=_PO, note="the translation adds the sentence\'s full stop"),
        Example(_TH + 'msgid "Window size of the last closed window."\nmsgstr "ขนาดหน้าต่างที่ปิดล่าสุด"\n', path=_PO),
        Example(_JBO + 'msgid "Please correct the errors and try again."\nmsgstr ".i e\'o ko dragau lo selsre gi\'e za\'ure\'u troci"\n',
                path="jbo.po", note="Lojban opens a sentence with `.i` and ends it with no mark (transmission)"),
        Example('msgid "%(qty)d copies of \'%(product)s\' have been added to your basket"\n'
                'msgstr "%(qty)d kopier af \'%(product)s\' er lagt i din kurv."\n', path="da.po",
                note="a sentence that opens with a placeholder, its full stop added"),
        Example('msgid "\'%(title)s\' is no longer available to buy (%(reason)s). Please adjust your basket to continue"\n'
                'msgstr "\'%(title)s\' er ikke længere tilgængelig (%(reason)s). Tjek din kurv for at fortsætte."\n',
                path="da.po", note="the last of the source's sentences, its full stop added"),
        Example('#: templates/reviews/review.html:9\nmsgid ""\n"\\n"\n"    <strong>%(up)s</strong> of %(all)s customers found this useful\\n"\n"    "\n'
                'msgstr "\\n<strong>%(up)s</strong> de %(all)s clientes acharam isto útil."\n', path="pt.po",
                note="a sentence that opens with a tag and a placeholder"),
        Example('msgid "Miss"\nmsgstr "Srta."\n', path="pt.po", note="a form of address abbreviated"),
        Example('msgid ""\nmsgstr ""\n"Language: da\\n"\n\nmsgid "Last seen at"\nmsgstr "Sidst set kl."\n', path=_PO,
                note="a Danish abbreviation, `kl.` (klokken), ends the translation"),
        Example(_TH + 'msgid "Are you sure you want to sign out?"\nmsgstr "คุณแน่ใจหรือว่าต้องการจะลงชื่อออก"\n', path=_PO,
                note="Thai asks with a particle (`หรือ`), no question mark"),
        Example(_TH + 'msgid "Do you really want to remove the selected email address?"\n'
                'msgstr "คุณต้องการที่จะลบอีเมลนี้จริงหรือไม่"\n', path=_PO),
        Example('msgid ""\nmsgstr ""\n"Language: my\\n"\n\nmsgid "Do you wish to continue?"\nmsgstr "ဆက်လက်ဆောင်ရွက်လိုပါသလား။"\n',
                path=_PO, note="Burmese has no question mark: a particle asks, `။` ends the question"),
        Example('msgid ""\nmsgstr ""\n"Language: bn\\n"\n\nmsgid "File is too big."\nmsgstr "ফাইলটি খুব বড়৷"\n', path=_PO,
                note="`৷`, typed for the danda it looks like"),
        Example('msgid "Diagrams. Made. Simple."\nmsgstr "Diagramy. Vytvořeny. Jednoduše."\n', path=_PO,
                note="one-word sentences, not an abbreviation"),
        Example(_HY + 'msgid "Future _Value:"\nmsgstr "Ապագա _Արժեք."\n', path=_PO),
        Example(_HY + 'msgid "Calculator with scientific modes."\nmsgstr "Հաշվիչ գիտական ռեժիմներով։"\n', path=_PO,
                note="the source is read as English"),
        Example(_HY + 'msgid "Overwrite?"\nmsgstr "Վերագրառե՞լ"\n', path=_PO,
                note="Armenian marks a question over the stressed vowel"),
        Example(_HY + 'msgid "Open all folders?"\nmsgstr "Բացե՞լ բոլոր պանակները։"\n', path=_PO,
                note="… and ends the question with its full stop"),
        Example(_HY + 'msgid "Warning!"\nmsgstr "Ուշադրությու՜ն։"\n', path=_PO,
                note="… and an exclamation (`՜`) the same way"),
        Example('msgid ""\nmsgstr ""\n"Language: hyw\\n"\n\nmsgid "Overwrite?"\nmsgstr "Վերագրառե՞լ"\n', path=_PO,
                note="Western Armenian (`hyw`) marks its questions the same way"),
        Example('msgid "Overwrite?"\nmsgstr "Վերագրառել՞"\n', path=_PO,
                note="`՞` typed at the end as `?` is: a question, whatever the catalogue's language"),
        Example(_HY + 'msgid "Whether a background has been set."\nmsgstr "Արդյո՞ք հետին պլանը սահմանվել է։"\n',
                path=_PO, note="`Արդյո՞ք`, whether: a question word, not a question the source lacks"),
        Example(_HY + 'msgid "Use a _custom command:"\nmsgstr "Գործածել _այլ յաւելուած․"\n', path=_PO,
                note="the Armenian colon (mijaket) typed as U+2024"),
        Example(_HY + 'msgid "_Rename..."\nmsgstr "_Վերանվանել․․․"\n', path=_PO,
                note="an ellipsis typed as one dot leaders"),
        Example(_HY + 'msgid "Unknown closing element <%s>"\nmsgstr "Անհայտ «%s» տարր․"\n', path=_PO,
                note="a mijaket where the source has no mark is not read as a colon"),
        Example('msgid ""\nmsgstr ""\n"Language: hye\\n"\n\nmsgid "You may harm your system."\n'
                'msgstr "Դուք կարող եք վնասել ձեր համակարգը:"\n', path=_PO,
                note="Armenian (ISO 639-2 `hye`) typed with `:` for its full stop `։`"),
        Example('msgctxt "unit-symbols"\nmsgid "foot,feet,ft"\nmsgstr "அடி, அடிகள், அடி."\n', path=_PO),
        Example('msgid "(Contributed by Victor Stinner.)"\nmsgstr "(Contribution de Victor Stinner)"\n', path=_PO),
        Example('msgctxt "unit-symbols"\nmsgid "year,years"\nmsgstr "rok,roky,let,r."\n', path=_PO),
        Example('msgid "Handle IP addresses, subnets, and so on."\nmsgstr "Maneja direcciones IP, subredes, etc."\n',
                path=_PO, note="the point of `etc.` ends the sentence too"),
        Example('msgid "Property which is true if alive, false otherwise."\n'
                'msgstr "Propiedad que es verdadera si está vivo, caso contrario, falso."\n', path=_PO),
        Example('msgid "Malformed function"\nmsgstr "བཟོ་བསྒྱུར་བའི་ལས་འགན།"\n', path=_PO, note="a shad after a label"),
        Example('msgid "Unmounting device"\nmsgstr "Ontkoppelen van apparaat..."\n', path="nl.po",
                note="an ellipsis added to a progress message"),
        Example('msgid "Encoding %r seems to be wrong, try giving an :encoding: option"\n'
                'msgstr "Kodimi %r duket të jetë gabim, provoni dhënien e një mundësie :encoding:"\n', path="sq.po",
                note="the translation ends with a name the source holds: its `:` ends no sentence"),
        Example(xliff_example('Read the <pc id="1">terms</pc>.', 'Lisez les <pc id="1">conditions.</pc>'),
                path=_XLF, note="tags and inline codes after the mark are skipped"),
    )

    def check_document(self, doc: Document) -> Iterator[Finding]:
        by_kind: dict[tuple[str | None, str | None], list[Segment]] = {}
        for seg in doc.segments:
            if seg.kind in self.kinds:
                kind = self._mismatch(seg, doc)
                if kind is not None:
                    by_kind.setdefault(kind, []).append(seg)
        for (source, target), segs in by_kind.items():
            # The translator's choice for the language, made once: one finding that says how often.
            yield from habit_or_each(segs, partial(self._habit, source, target), partial(self._each, source, target))

    def _habit(self, source: str | None, target: str | None, segs: Sequence[Segment]) -> Finding:
        return self._at(segs[0], _habit_message(len(segs), source, target))

    def _each(self, source: str | None, target: str | None, seg: Segment) -> Finding:
        return self._at(seg, _message(source, target))

    def _at(self, seg: Segment, message: str) -> Finding:
        end = len(seg.text.rstrip())
        return self.finding(seg, max(end - 1, 0), max(end, 1), message)

    def _mismatch(self, seg: Segment, doc: Document) -> tuple[str | None, str | None] | None:
        """The source's and the translation's end classes where they differ, else None."""
        both = pair(seg, doc)
        # A date format's marks are the language's way of writing a date (Hungarian `%B %-e.`, German
        # `%-d. %b`), no sentence's end.
        if both is None or is_date_format(both[0]):
            return None
        language = doc.language
        markup = markup_of(doc)
        written = both
        if markup in _LITERALS:
            # A mark inside code ends no sentence: ``ask_ok('Quit?')`` ends with code, not with a question.
            both = (_LITERALS[markup].sub("``x``", both[0]), _LITERALS[markup].sub("``x``", both[1]))
        # A Greek `;` after a source's `;` is the semicolon it copies, not a question. (Only `;`: an
        # Armenian `.` after a source's `.` is still read as its colon, its full stop being `։`.)
        if [_ending(text).mark for text in both] == [";", ";"] \
                or (markup in _LITERALS and _set_as_code(written, _LITERALS[markup], language)):
            return None  # (or the source set as one literal with its mark: ``start, ...``)
        # The source is read as English (its own language), the translation as its language. A string
        # that ends with a metavariable (`function :<funcname>`, `<source>... <destination>`) ends with a
        # word, whatever mark stands before it, but a question or an exclamation, which ends a sentence
        # before it (`Continue? <Enter>`).
        source, target = _end_class(both[0]), _end_class(both[1], language)
        if source == "colon" and target != "colon" and _quoted_token_kept(both):
            source = None  # `… is not 'file:'`: the colon is the quoted literal's, kept inside the translation
        # `… in video "Details:"`: the colon is the quoted label's, on either side, not the sentence's end.
        source = None if source == "colon" and _quoted_label_colon(both[0], both[1]) else source
        target = None if target == "colon" and _quoted_label_colon(both[1], both[0], colon_quoted=True) else target
        source = None if source not in _SENTENCE_ENDS and ends_with_metavariable(both[0]) else source
        target = None if target not in _SENTENCE_ENDS and ends_with_metavariable(both[1]) else target
        # The source's mark inside brackets the translation moved whole: the translation's end is compared with none.
        source = None if _bracket_moved(source, both) else source
        target = None if _bracket_moved_to_end(target, both, language) else target
        if markup in _LITERALS and (source, target) == ("full stop", "colon"):
            return None  # a page's paragraph the translation ends with a colon introduces what follows it
        if _equivalent(source, target, language, both[1]) or _item_end_after(source, both[1], language):
            return None
        if target == "full stop" and source is not None and _CLOSED_THEN_STOP.search(both[1]) \
                and _end_class(both[1].rstrip()[:-1], language) == source:
            return None  # the source's mark kept inside the brackets, the sentence's full stop after them: `!).`
        if markup in _LITERALS and "question mark" in (source, target) and {source, target} <= _REWORDED \
                and len(both[0].split()) <= _TITLE_WORDS and "?" not in both[0].rstrip()[:-1] \
                and (source, target) != ("full stop", "question mark"):  # (a full stop ends a sentence, no title)
            return None  # a page's title reworded: `What Now?` as `Pour aller plus loin`, `Who should read this` as a question
        if source == "full stop" and target is None and _ending(both[1]).mark == ".":
            return None  # one point ends an abbreviation and the sentence (`…, etc.`, `…, p. ej.`)
        if {source, target} == {"full stop", None} and (_unpunctuated(language, target)
                                                         or (target is None and _ABBREVIATED_LABEL.fullmatch(both[0]))):
            return None  # Thai and Lao end sentences with a space, not a mark; `No.`'s point ends a word
        if {source, target} == {"full stop", None} and all(t.rstrip().endswith(")") for t in both):
            return None  # a full stop inside a closing parenthesis is optional: `(Contributed by X.)`
        if source is None and target == "full stop" and _closed_by_choice(both, language, doc):
            return None
        if _added_by_a_name(source, both) or _progress_ellipsis(source, target, both[0]) \
                or _fragment_or_etc(source, target, both) \
                or _field_name_moved(source, target, both) or _before_appended_value(source, target, both, language) \
                or _repetition_moved(source, target, both) or _quoted_mark(source, both) \
                or (markup in _LITERALS and _korean_end(source, target, both, language)):
            return None
        return source, target


# An English article ends no sentence: a source that ends with one is a fragment (`You should upgrade, and read the`).
_ARTICLE_END = compiled_on_use(r"(?<![^\s(])(?:the|a|an)\s*$")
_ETC_END = compiled_on_use(r"(?<![^\W\d_])etc\.\.\.\s*$")


def _fragment_or_etc(source: str | None, target: str | None, both: tuple[str, str]) -> bool:
    """Whether the source is a fragment that ends with an article (`… and read the`, completed by its template,
    in the translation's own order), or ends with `etc...`, whose points end the abbreviation (a translation's
    full stop, `etc.`, stands for them)."""
    if source is None and _ARTICLE_END.search(both[0]):
        return target in ("colon", "full stop")  # (a verb's end and its mark: not `?`, `!` nor `...` added)
    return source == "ellipsis" and target in ("full stop", None) and _ETC_END.search(both[0]) is not None \
        and both[1].rstrip().endswith(".") and not both[1].rstrip().endswith("..")


# The brackets that close the source, with the mark inside them (`(a, b, ...)`).
_LAST_BRACKETS = compiled_on_use(r"\([^()]*[^\s()]\)\s*$")


def _bracket_moved(source: str | None, both: tuple[str, str]) -> bool:
    """Whether the source's mark is inside the brackets that close it, and the translation writes those
    brackets whole, mark and all, elsewhere (`letter A (a, b, ...)` as `mit Buchstaben A (a, b, ...) starten`):
    the bracket moved with the language's word order, and with it the mark."""
    if source is None:
        return False
    m = _LAST_BRACKETS.search(both[0])
    if m is None or _end_class(m.group().rstrip()[:-1]) != source:
        return False
    return m.group().rstrip() in both[1] and not both[1].rstrip().endswith(m.group().rstrip())


# The brackets that close the translation (ASCII or full-width), with the mark inside them (`(a, b ...)`).
_LAST_BRACKETS_ANY = compiled_on_use(r"[(（][^()（）]*[^\s()（）][)）]\s*$")
# An ellipsis, a question or an exclamation mark right before a closing bracket or quote (`...)`, `..."`).
_MARK_CLOSED = compiled_on_use(r"(?:\.\.\.|…|[!?])[)）\]\"'”’»」]")


def _bracket_moved_to_end(target: str | None, both: tuple[str, str], language: str) -> bool:
    """Whether the translation's mark is inside the brackets that close it, and the source writes that mark
    inside brackets or quotes before its end (`letter (a, b, ...) to generated keys` as `harf ekle (a, b ...)`,
    `add "Cited on pages..." at the end` as `添加 "Cited on pages..."（引用自页码...）`): the brackets moved to
    the end with the language's word order, and the mark with them (``_bracket_moved``, the other way round)."""
    if target is None:
        return False
    m = _LAST_BRACKETS_ANY.search(both[1])
    if m is None or _end_class(m.group().rstrip()[:-1], language) != target:
        return False
    end = len(both[0].rstrip())
    return any(_end_class(both[0][: k.end() - 1]) == target for k in _MARK_CLOSED.finditer(both[0]) if k.end() < end)


def _sentences(source: str) -> bool:
    """Whether ``source`` is a run of sentences: a sentence's mark after three words or more, then a capital
    (`… (%(reason)s). Please adjust your basket`); not an abbreviation's point (`No. Items`, `Dr. Smith Clinic`)."""
    for m in _SENTENCES.finditer(source):
        before = source[: m.start() + 1]
        if len(before.split()) >= _SENTENCE_BEFORE and not _SHORT_CAPITALIZED.search(before):
            return True
    return False


# A unit after a number's placeholder: glued to it (`%sK`, `%dms`), in capitals (`%s MB`), or a unit's symbol
# (`%s min`); not a word after it (`%s now` as `%s teď.`: a full stop added to a sentence).
_UNIT_AFTER = compiled_on_use(r"[^\W\d_]+|[^\S\n]+(?:[^\W\d_]*[A-Z][^\W\d_]*|min|sec|ms|[hms]|kb|mb|gb|km|kg|mi|ft|lb|px|pt|nm|yd|gal|oz|mm|cm|ml|qt)\s*",
                              re.A)


def _unit_after_placeholder(source: str) -> bool:
    """Whether the source is a number's placeholder and a unit after it (`%sK`, `%s MB`, `%s min`)."""
    m = TEMPLATE_PLACEHOLDER.match(source.lstrip())
    return m is not None and _UNIT_AFTER.fullmatch(source.lstrip()[m.end():]) is not None


# A number written in digits at a string's start (`5 m`, `1 h`).
_LEADING_NUMBER = compiled_on_use(r"\s*\d+(?:[.,]\d+)?")


def _unit_after_number(both: tuple[str, str], doc: Document) -> bool:
    """Whether the source is a number and a unit's symbol after it (`5 m`, `1 h`) and the translation the same
    number and the language's abbreviation of the unit, with its point (tr `5 dk.`, `1 sa.`, bg `1 мин.`): the
    point ends the word, not a sentence. Not a word the catalogue's translations write as a word of their
    own (`5 dakika.` beside `15 dakika`; ru `1 час.` beside `Один час`): a full stop added."""
    number = _LEADING_NUMBER.match(both[0])
    if number is None or not both[1].lstrip().startswith(number.group().strip()):
        return False
    unit, rest = both[0][number.end():], both[1].lstrip()[len(number.group().strip()):]
    word = _ABBREVIATED.fullmatch(rest)
    return word is not None and _SHORT.fullmatch(unit) is not None and _UNIT_AFTER.fullmatch(unit) is not None \
        and _abbreviated_unit(rest.strip().rstrip("."), doc)


# A unit's abbreviation of this many letters or fewer, after a number, may be one the catalogue also writes
# without its point after a number (tr `1 dk` beside `5 dk.`: the point is the language's, TDK's `dk.`); a longer
# word must be one the catalogue never writes whole.
_UNIT_LETTERS = 3
# A number or a number's placeholder right before a word (`5 dk`, `%s dk`, `{n} dk`, and the object replacement
# character a segment's text holds for a placeholder).
_NUMBER_BEFORE = compiled_on_use(r"(?:\d|%(?:\d+\$)?[-+ #0-9.]*[a-zA-Z]|\}|\ufffc)[^\S\n]*$")


def _abbreviated_unit(word: str, doc: Document, longer: bool = True) -> bool:
    """Whether ``word``, which the translation writes with a point after a number, is the language's abbreviation of
    a unit: one of three letters or fewer that no translation of the catalogue writes as a word of its own in running
    text (ru `час` of `Один час`, `через час`: hour, a whole word; tr `dk` is only ever written after a number, `1 dk`,
    af `jt` only after one or in a unit's list of names, `jaart,jaarts,jt`); with ``longer``, a longer one that no
    translation writes whole at all."""
    if len(word) > _UNIT_LETTERS:
        return not longer or not translations_write_whole(doc, word)
    return len(word) < 2 or not _written_in_prose(doc, word)  # (a letter alone is often a word too: bg `с`, with)


def _written_in_prose(doc: Document, word: str) -> bool:
    """Whether a translation of the catalogue writes ``word`` as a word of its running text: with no point after it,
    no number before it, and a word before or after it, a space between (`Один час`, `час назад`)."""
    pattern = re.compile(r"(?<=[^\W\d_] )" + re.escape(word) + r"(?![\w.])|(?<![\w.])" + re.escape(word)
                         + r"(?= [^\W\d_])", re.IGNORECASE)
    return any(_NUMBER_BEFORE.search(s.text, 0, m.start()) is None
               for s in doc.segments if s.source_text is not None for m in pattern.finditer(s.text))


# A number or a number's placeholder, then a unit: the source's a symbol (`%s h %s min`) or a word of time
# (`%s minute`), the translation's a word of six letters at most, its point after it or none (`%s ч. %s мин.`).
_QUANTITY = r"(?:\d+(?:[.,]\d+)?|%(?:\d+\$)?[sdiu])[^\S\n]*"
_SOURCE_QUANTITY = compiled_on_use(rf"({_QUANTITY})(min|sec|ms|[hms]|km|mi|ft|yd|mm|cm|(?:minute|hour|second|day)s?)"
                                   r"(?![^\W\d_])[^\S\n]*")
_TARGET_QUANTITY = compiled_on_use(rf"({_QUANTITY})([^\W\d_]{{1,6}})(\.?)(?![^\W\d_])[^\S\n]*")


def _quantities(pattern: re.Pattern[str], text: str) -> list[re.Match[str]] | None:
    """The quantities ``text`` is made of, one after another from its start to its end; None if it holds more."""
    found, at = [], len(text) - len(text.lstrip())
    while at < len(text):
        m = pattern.match(text, at)
        if m is None or m.end() == at:
            return None
        found.append(m)
        at = m.end()
    return found or None


def _units_after_numbers(both: tuple[str, str], doc: Document) -> bool:
    """Whether the source is quantities alone, numbers or their placeholders each with a unit's symbol or a
    word of time (`%s h %s min`, `%s minute`), and the translation as many, each unit the language's abbreviation,
    the last with its point (sr, bg `%s ч. %s мин.`, GNOME Maps' trip durations; pl `%s godz.`): the point ends the
    word. Each abbreviation must be of four letters at most and one ``_abbreviated_unit`` reads as one (`%s минути.`
    for `%s min`, `%s minuta.` for `%s minute` are words with a full stop added)."""
    source, target = _quantities(_SOURCE_QUANTITY, both[0]), _quantities(_TARGET_QUANTITY, both[1])
    if source is None or target is None or len(source) != len(target) or not all(t.group(3) for t in target):
        return False  # (a unit written with no point before the last, `%s h %s min.`: its point is a full stop)
    if [m.group(1).strip() for m in source] != [m.group(1).strip() for m in target]:
        return False  # another number (`6 dk.` for `5 m`), or a placeholder for a number: B103's, and no unit alone
    return all(len(t.group(2)) <= _DURATION_LETTERS and _ends_cut(t.group(2)) and _abbreviated_unit(t.group(2), doc)
               for t in target)


_DURATION_LETTERS = 4


def _ends_cut(word: str) -> bool:
    """Whether ``word`` ends as a word cut short for an abbreviation does, before a vowel: one of three letters on a
    consonant (`мин`, `Std`), one of four on two (`godz`, `klst`); not as a whole word often does, on a vowel or on
    a vowel and a consonant (`%s Tage.`, `%s часа.`, `%s día.`, `%s jour.`, `%s дней.`: a full stop added)."""
    ending = word[-(len(word) - _UNIT_LETTERS + 1):] if len(word) >= _UNIT_LETTERS else ""
    return not any(unicodedata.normalize("NFD", c)[0] in _VOWELS for c in ending.lower())  # (`día`'s í too)


# A short label with no mark (a column's head: `Down`, `Dn Reqs`, `Up Blocks`, `N/A`), and a translation of
# two words at most whose last word, of six letters at most, is cut short with a point (`Ats.`, `Downl.-verz.`,
# `Pedid. Receb.`, `Блокови пр.`): the point ends a word the translator shortened to fit, not a sentence.
_SHORT_LABEL = compiled_on_use(r"\s*[^\W\d_]+(?:[ /][^\W\d_]+)?\s*")
_SHORT_LABEL_CHARS = 10
_CUT_WORD_END = compiled_on_use(r"\s*(?:[^\W\d_]+\.?[ -])?([^\W\d_]{2,6})\.\s*")
# A word cut short for an abbreviation ends on a consonant, the vowel after it dropped (`Downl.`, `Receb.`,
# `indisp.`, `пр.`); a whole word with a point added often ends on a vowel (`Fertig.` does not, hence the
# catalogue's test below, and `Herunterladen.` is too long for a word cut short).
_VOWELS = frozenset("aeiouyаеёиоуыэюяіїєөүαεηιουω")


def _truncated_for_a_short_label(both: tuple[str, str], language: str, doc: Document) -> bool:
    """Whether the translation of a short label ends with a word cut short with a point, one the catalogue's
    translations never write whole (transmission's nb `Oppforesp.` for `Up Reqs`, nl `Downl.` for `Down`):
    a word the catalogue writes whole elsewhere (vi `torrent`), or one the language writes whole as well as
    abbreviated (French `sept`), is whole here too, and its point a full stop."""
    source, target = both
    if len(source.strip()) > _SHORT_LABEL_CHARS or not _SHORT_LABEL.fullmatch(source):
        return False
    cut = _CUT_WORD_END.fullmatch(target)
    if cut is None:
        return False
    word = cut.group(1)
    last = unicodedata.normalize("NFD", word[-1].lower())[0]
    if last in _VOWELS or word.lower() in _ALSO_WORDS.get(primary(language), frozenset()) \
            or translations_write_whole(doc, word):
        return False
    # A whole word with a full stop added (`Fertig.`, `Status.`, `Port.`, `Datum.`) passes all of the above; a cut
    # word is told by the label around it: a source abbreviated itself (a word with no vowel: `Dn Blocks`, `N/A`),
    # a word before it in the translation cut short as well (`Upl.-verz.`, `Pedid. Receb.`), or the longer word
    # it was cut from written in the catalogue's translations (`Downl.` beside `Downloaden`, `Receb.` beside
    # `Recebidos`).
    return any(_VOWELLESS_WORD.fullmatch(w) for w in _LETTERS.findall(source)) or _CUT_BEFORE.match(target) is not None \
        or _translations_write_longer(doc, word)


_LETTERS = compiled_on_use(r"[^\W\d_]+")
_VOWELLESS_WORD = compiled_on_use(r"[^aeiouyAEIOUY]+", re.A)
_CUT_BEFORE = compiled_on_use(r"\s*[^\W\d_]+\.[ -]")


def _translations_write_longer(doc: Document, word: str) -> bool:
    """Whether a translation of the catalogue writes a longer word that opens with ``word`` (`Downloaden` for
    `Downl.`): the word it was cut from."""
    return translations_hold(doc, re.compile(r"(?<![\w.])" + re.escape(word) + r"[^\W\d_]", re.IGNORECASE))


def _closed_by_choice(both: tuple[str, str], language: str, doc: Document) -> bool:
    """Whether a full stop the translation adds to a source without one is the translator's to add."""
    source = _OPENING_TAGS.sub("", both[0])  # `<strong>%(n)s</strong> of %(m)s customers found this useful`
    if _SENTENCE.match(source) or _PLACEHOLDER_SENTENCE.match(source) or _sentences(both[0]):
        return True  # a sentence the source left without its full stop: the translation corrects it
    if _ADDRESS.fullmatch(both[0]) and _ABBREVIATED.fullmatch(both[1]):
        return True  # a form of address abbreviated (`Miss` as `Srta.`): its point ends a word
    last = _LAST_ABBREVIATED.search(both[1].rstrip()[-9:])
    if last is not None and last.group(1).lower() in abbreviations(language) - _ALSO_WORDS.get(primary(language), frozenset()):
        return True  # the language's abbreviation ends the translation (da `Startet kl.` for `Started At`)
    if _SHORT.fullmatch(both[0]) and _ABBREVIATED.fullmatch(both[1]):
        return True  # an abbreviation for an abbreviation (`Acc` → `Dakł.`): its point ends a word
    if _truncated_for_a_short_label(both, language, doc):
        return True  # a column head's word cut short to fit (`Downl.` for `Down`)
    if all(TEMPLATE_PLACEHOLDER.search(t) for t in both) and _SHORT.fullmatch(TEMPLATE_PLACEHOLDER.sub("", both[0])) \
            and _ABBREVIATED.fullmatch(TEMPLATE_PLACEHOLDER.sub("", both[1])) and _unit_after_placeholder(both[0]) \
            and _abbreviated_unit(TEMPLATE_PLACEHOLDER.sub("", both[1]).strip().rstrip("."), doc, longer=False):
        return True  # the same beside a placeholder: a unit after a number (`%s tis.` for `%sK`)
    if _unit_after_number(both, doc) or _units_after_numbers(both, doc):
        return True  # the same after a number (`5 dk.` for `5 m`, GNOME Clocks' timer values; `%s ч. %s мин.`)
    # A list item or a fragment (`the content of ...`, ``` ``Py_X`` ```): closing it is style.
    return _FRAGMENT.match(both[0]) is not None


# A mark alone in quotes at the string's end, before closing brackets (`(за помощ натиснете „?“)`): a key the
# user types, whose quotes hold it.
_QUOTED_MARK_END = compiled_on_use(r"['\"‘“„«‚]([?!:.;])['\"’”»‘“][)\]]*\s*$")


def _quoted_mark(source: str | None, both: tuple[str, str]) -> bool:
    """Whether the mark the translation ends with is a key in quotes that the source writes in quotes too
    (`(use '?' for help)` as `(за помощ натиснете „?“)`): the user's input, no sentence's end."""
    ending = _QUOTED_MARK_END.search(both[1]) if source is None else None
    return ending is not None and re.search("['\"‘“„«‚]" + re.escape(ending.group(1)) + "['\"’”»‘“]", both[0]) is not None


# A usage's repetition mark glued to its metavariable (`<param2>...`, `<path>…`).
_REPEATED_ARGUMENT = compiled_on_use(r">(?:\.\.\.|…)")
# A metavariable and the repetition mark glued to it (`<param2>...`): the name the mark repeats.
_REPEATED_NAME = compiled_on_use(r"<([^<>\s]+)>(?:\.\.\.|…)")
# A usage's metavariable (`<pathspec>`).
_METAVARIABLE_NAME = compiled_on_use(r"<([^<>\s]+)>")


def _repetition_moved(source: str | None, target: str | None, both: tuple[str, str]) -> bool:
    """Whether the source's ellipsis is a usage's repetition mark glued to its last metavariable (`synonym for
    --dirstat=files,<param1>,<param2>...`) and the translation writes such a mark inside it (`--dirstat=files,
    <param1>,<param2>... eşanlamlısı`): the argument moved with the word order, no sentence trails off."""
    if source != "ellipsis" or target == "ellipsis":
        return False
    ending = _REPEATED_ARGUMENT.search(both[0].rstrip()[-4:])
    if ending is None:
        return False
    # The mark moved with its metavariable, the source's last or one the translation words anew; not onto
    # another of the source's (`[<options>...] <pathspec>` for `[<options>] <pathspec>...`: a wrong usage).
    names = _METAVARIABLE_NAME.findall(both[0])
    others = set(names[:-1]) - set(names[-1:])
    return any(name not in others for name in _REPEATED_NAME.findall(both[1]))


# A progress message: a source that opens with a gerund and goes on with its object or particle
# (`Unmounting device`, `copying Texinfo support files`, `Setting up`); a word in -ing alone is as often a
# noun or a label (`Warning`, `String`, `Pending`), and no -thing word is a gerund (`Nothing to do`).
_PROGRESS = compiled_on_use(r"\s*[A-Za-z][a-z]*ing(?<!thing) +\w")
_CLOSING = "\"'”’»)]"


def _last_name(text: str) -> str | None:
    """The string's last word without the closing quotes and brackets after it (its first character at
    least), or None where it has no word. Split off from the end, where a search for `(\\S+?)[…]*\\s*$`
    tried every character of a long word as the name's start, then every length: 13 s on a word of 20 KB."""
    words = text.rsplit(None, 1)
    if not words:
        return None
    return words[-1][:max(1, len(words[-1].rstrip(_CLOSING)))]


def _added_by_a_name(source: str | None, both: tuple[str, str]) -> bool:
    """Whether the mark a translation ends with and its source lacks belongs to a name the source holds
    inside it: `… une option :encoding:` for `… giving an :encoding: option`, whose `:` ends no sentence.
    Only a name with a mark of its own besides its last character (`:encoding:`, `e.g.`)."""
    if source is not None:
        return False
    name = _last_name(both[1])
    if name is None:
        return False
    return len(name) > 2 and not name[:-1].isalnum() and stands_as_token(name, both[0])


# The marks that end a sentence before a final metavariable (`Continue? <Enter>`), not the metavariable's.
_SENTENCE_ENDS = frozenset({"question mark", "exclamation mark"})


# A header's or a trailer's name with its colon (`Cc:`, `To:`, `Signed-off-by:`): ASCII, capitalized.
_FIELD_NAME = compiled_on_use(r"[A-Z][A-Za-z]*(?:-[a-z]+)*:")


def _field_name_moved(source: str | None, target: str | None, both: tuple[str, str]) -> bool:
    """Whether the colon one string ends with and the other lacks is a header's name's, which the other
    string writes with its colon inside it (`add Cc: header` as `tambahkan kepala Cc:`, `add
    Signed-off-by:` as `Signed-off-by: 줄을 추가합니다`): the name moved with the word order, no sentence ends.
    Not a name alone (`Warning: disk full` as `Warning:` lost the rest)."""
    if {source, target} != {None, "colon"}:
        return False
    ending, other = both if source == "colon" else both[::-1]
    name = _last_name(ending.rstrip())
    return (name is not None and _FIELD_NAME.fullmatch(name) is not None and len(ending.split()) > 1
            and stands_as_token(name, other))


# English words a clause cannot stop at, a copula or a preposition that asks for what follows (`HEAD is now
# at`, `The most similar command is`): a source that ends with one is completed by a value the program appends.
_ASKS_FOR_MORE = frozenset("is are was were at onto into from of as".split())
# Only in a clause, a source that holds a copula (`HEAD is now at`): a label that stops at a preposition
# (`Save as`, `Import from`, a menu's item) takes no appended value, and a colon added to it is a slip.
_COPULAS = frozenset("is are was were".split())
# Or a status message, three words or more that open with a participle and stop at the preposition its value
# follows (JabRef's `Generated citation key for` + the key, `Generating citation key for`): a menu's label
# opens with a verb's bare form (`Save as`, `Open with`), as `Bring`, `String`, `Shred` do: a participle's stem
# holds a vowel (`Generat|ing`, `Us|ed`).
_PARTICIPLE = compiled_on_use(r"[a-z]*[aeiouy][a-z]*(?:ing(?<!thing)|[^e]ed)")
_STATUS_ASKS = _ASKS_FOR_MORE | {"for", "to", "by", "with"}
_STATUS_WORDS = 3
# The same in any such source of three words or more in a language whose postpositions follow their noun
# (Japanese, Korean, Turkish): the value the English preposition asks for can only come after a colon.
_POSTPOSITIONAL = frozenset({"ja", "ko", "tr"})
# … but not a preposition whose noun came before it, in an infinitive's clause after that noun (`Select the
# folder to save to`, `Choose the group to add the entries to`): the sentence is whole, and a colon added to it.
_STRANDED = compiled_on_use(r"\b(?:the|a|an|this|that|which|each|your)\s+(?:[a-z-]+\s+){0,2}?[a-z-]+\s+to\s+[a-z]+"
                            r"(?:\s+[a-z-]+)*?\s+[a-z]+$")


def _before_appended_value(source: str | None, target: str | None, both: tuple[str, str], language: str) -> bool:
    """Whether the translation's colon introduces a value the program appends: the source ends with a word
    and the space the value follows (`ahead `, `HEAD detached at `), or with a copula or a preposition
    that asks for it (`HEAD is now at`), and the translation ends with a colon and the source's space
    (`다음 앞에: `, `HEAD konumu:`): a language that puts the value last, after its own words."""
    if (source, target) != (None, "colon"):
        return False
    stripped = both[0].rstrip()
    space = both[0][len(stripped):]
    if "\n" in space or not stripped[-1:].isalnum() or not both[1].endswith((":" + space, "：" + space)):
        return False
    words = stripped.lower().split()
    if len(words) >= _STATUS_WORDS and words[-1] in _STATUS_ASKS and (
            _PARTICIPLE.fullmatch(words[0]) is not None
            or (primary(language) in _POSTPOSITIONAL and _STRANDED.search(stripped.lower()) is None)):
        return True  # `Generated citation key for` as `생성된 인용 키:`, `Save the library to` as `ライブラリを右記に保存：`
    return bool(space) or (words[-1] in _ASKS_FOR_MORE and not _COPULAS.isdisjoint(words))


# A quoted token that ends the string with a colon of its own (`'file:'`, `"refs:"`): one word with no
# space inside straight or typographic quotes, a literal the program compares, not a sentence's end.
_QUOTED_COLON = compiled_on_use(r"(['\"`‘“«„])[^\s'\"`‘’“”«»„]*:['\"`’”»]\s*$")


# A short label in quotes that ends the string with a colon inside them (`in video "Details:"`, `«Détails :»`).
_QUOTED_LABEL_COLON = compiled_on_use(r"[\"'“„«‘‚「]([^\"'“”„«»‘’‚「」\n]{1,40}?)[\s\u00a0\u202f]*[:：][\"'”»’“」]\s*$")
_LABEL_WORDS = 3


def _quoted_label_colon(text: str, other: str, colon_quoted: bool = False) -> bool:
    """Whether ``text`` ends with a label of three words at most in quotes, whose colon is inside them
    (`Show tip … in video "Details:"`): the colon is the label's, as the UI shows it, not the sentence's;
    unless the ``other`` string writes the label as it is without the colon (`'file:'` as `'file'`: a literal
    that lost its colon). With ``colon_quoted`` (``text`` a translation), the source must quote a label with its
    colon too (`In "Details:" show …`): a colon the translation adds to a label the source quotes without one
    (`the field "Name"` as `das Feld „Titel:“`) is the translation's."""
    m = _QUOTED_LABEL_COLON.search(text)
    if m is None or len(m.group(1).split()) > _LABEL_WORDS:
        return False
    if colon_quoted and _COLON_IN_QUOTES.search(other) is None:
        return False
    label = m.group(1)
    if colon_quoted and label in other and _cut_short(text[:m.start()], other.replace(label, "", 1)):
        return False  # `Set the "Name:" field to the title of the book` as `Das Feld „Name:“`: the rest lost
    return label not in other or re.search(re.escape(label) + r"[\s\u00a0\u202f]*[:：]", other) is not None


def _cut_short(kept: str, source: str) -> bool:
    """Whether a translation's words before the label it ends with are under half its source's other words, by
    length (a wide character counted as three letters, as a Chinese or Japanese one stands for a word)."""
    def size(text: str) -> int:
        return sum(3 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text if c.isalnum())
    return size(kept) * 2 < size(source)


# A colon inside closing quotes (`"Details:"`, `«Détails :»`).
_COLON_IN_QUOTES = compiled_on_use(r"[:：][\"'”»’“」]")


def _quoted_token_kept(both: tuple[str, str]) -> bool:
    """Whether the source ends with a quoted token whose colon is the token's (`missing host and scheme
    is not 'file:'`) and the translation writes the same token, quotes and colon, anywhere (`şema 'file:'
    değil`): the colon moved with the literal. A token changed or unquoted (`'file'`) is still compared."""
    token = _QUOTED_COLON.search(both[0])
    return token is not None and token.group().rstrip() in both[1]


def _progress_ellipsis(source: str | None, target: str | None, text: str) -> bool:
    """Whether a translation adds an ellipsis to a progress message (`Ontkoppelen van apparaat...` for
    `Unmounting device`): the ellipsis says the work goes on, as the source's gerund does."""
    return source is None and target == "ellipsis" and _PROGRESS.match(text) is not None


def _set_as_code(both: tuple[str, str], literal: re.Pattern[str], language: str) -> bool:
    """Whether the translation sets the source as code with its mark (``start, step, ...`` for `start,
    step, ...`): one literal is the whole translation and ends as the source does, which ends outside code.
    A sentence whose last literal swallowed its full stop (``('f-string: ...', 1).``) lost its mark."""
    last = [m for m in literal.finditer(both[1]) if (m.start(), m.end()) == (len(both[1]) - len(both[1].lstrip()),
                                                                              len(both[1].rstrip()))]
    if not last:
        return False
    source = _end_class(literal.sub("``x``", both[0]))
    return source is not None and _end_class(last[0].group().strip("`"), language) == source


def _an(mark: str) -> str:
    return ("an " if mark[0] in "aeiou" else "a ") + mark


def _message(source: str | None, target: str | None) -> str:
    if target is None:
        return f"The source ends with {_an(str(source))}, the translation does not"
    if source is None:
        return f"The translation ends with {_an(target)}, the source does not"
    return f"The source ends with {_an(source)}, the translation with {_an(target)}"


def _habit_message(n: int, source: str | None, target: str | None) -> str:
    if target is None:
        return f"{n} translations leave out the {source} their sources end with (the first here)"
    if source is None:
        return f"{n} translations end with {_an(target)} their sources do not have (the first here)"
    return f"{n} translations end with {_an(target)} where their sources end with {_an(source)} (the first here)"


# Korean on a documentation page (Korean orthography, 문장 부호, 2015): a sentence that ends with a verb's
# final ending (`정의합니다.`, `있어요.`) closes with a full stop, also where its English source introduces
# what follows with a colon or ends a list item with a semicolon (`… the following functions:` as
# `… 다음 함수들을 정의합니다.`); one that ends with a noun (`The logging message.` as `로깅 메시지`, or
# with code, a role or a link: `… 튜플 ``(prefix, uri)```) may leave the full stop out.
# (Not `자`: a documentation's `-자` ends a noun, `인자`, `연산자`, `문자`; its propositive `하자` is a tutorial's, none in
# python-docs-ko 3.13.)
_KO_VERB_END = "다요까오죠라네"
_KO_MARKUP_END = compiled_on_use(r"(?:``|`_{0,2}|\*)$")
_KO_FINAL = compiled_on_use(r"[\uac00-\ud7a3][)\]\"'”’*]*\s*$")
_KO_LATIN_END = compiled_on_use(r"[\uac00-\ud7a3][^\S\n]*[(\[]?[^\W_\uac00-\ud7a3]+(?:[-.][^\W_\uac00-\ud7a3]+)*[)\]]?$")
_KO_LATIN_BRACKETS = compiled_on_use(r"(?<=[\uac00-\ud7a3])\s*\([A-Za-z0-9][A-Za-z0-9 .,-]*\)$")
# A decimal fraction whose digits go on (`2.718281...`), as its source writes it.
_KO_NUMBER_ELLIPSIS = compiled_on_use(r"\d+\.\d+\.\.\.$")
# An English question's opening: an interrogative word, or an auxiliary before its subject; or, after an
# opening phrase, an interrogative word, an auxiliary and its subject (`Q. Within a calculation, how can I …`).
_AUXILIARY = r"(?:is|are|was|were|do|does|did|can|could|should|would|will|shall|may|might|must|has|have|had)"
_EN_QUESTION = compiled_on_use(rf"\W*(?:how|what|why|when|where|which|who|whom|whose|{_AUXILIARY})\b"
                               rf"|.*\b(?:how|what|why|where|which|who) {_AUXILIARY} (?:I|you|we|it|they|one)\b", re.I)
# A source that ends with a full stop asks a question only with the question's word order: an interrogative word
# or an auxiliary before its subject (`How can I …`, `Is it …`, `… how can I make sure …`), not an opening
# `When`, `Where` or `What` of a statement (`When the call returns, the value is stored.`).
_EN_QUESTION_INVERTED = compiled_on_use(
    rf"\W*(?:(?:how|what|why|when|where|which|who) )?{_AUXILIARY} (?:I|you|we|it|they|one|he|she|there)\b"
    rf"|.*\b(?:how|what|why|where|which|who) {_AUXILIARY} (?:I|you|we|it|they|one)\b", re.I)
_KO_NUMBER_END = compiled_on_use(r"(?<![^\s(=])\d+(?:[.,]\d+)?$")
_HANGUL = compiled_on_use(r"[\uac00-\ud7a3]")


def _korean_end(source: str | None, target: str | None, both: tuple[str, str], language: str) -> bool:
    """Whether a Korean translation ends as its language writes that sentence (see the note above)."""
    if primary(language) != "ko":
        return False
    words = both[1].rstrip()
    if target == "full stop" and source == "semicolon" and words.endswith(".") and _HANGUL.search(words):
        return True  # a list item Korean closes with a full stop, whatever word ends it (Korean sets no `;` there)
    if target == "full stop" and source in ("colon", "semicolon", None):
        last = _KO_FINAL.search(words[:-1])
        return last is not None and last.group()[0] in _KO_VERB_END and words.endswith(".")
    if target == "question mark" and source in ("full stop", None):
        # The interrogative ending `-까` (`합니까?`) makes the sentence a question: its question mark is Korean's.
        last = _KO_FINAL.search(words[:-1])
        # Its source asks one too, opening as an English question does (`How do you…`), not `Call it and return.`
        asks = _EN_QUESTION_INVERTED if source == "full stop" else _EN_QUESTION
        return last is not None and last.group()[0] == "까" and words.endswith("?") and asks.match(both[0]) is not None
    ellipsis = _KO_NUMBER_ELLIPSIS.search(words)
    if source == "full stop" and target == "ellipsis" and ellipsis is not None and ellipsis.group() in both[0]:
        words = words[:-3]  # `수학 상수 *e* = 2.718281...`: the points are the number's, which ends the sentence
        target = None
    if source == "full stop" and target is None:
        last = _KO_FINAL.search(words)
        if last is not None:  # (a Hangul word before closing emphasis too: `*…폐지되었습니다*` ends with a verb)
            return last.group()[0] not in _KO_VERB_END
        # (A verb ends a Korean sentence: one that ends with code, a role, a link or emphasis ends with a noun, and
        # so does one that ends with a Latin word or a number after its Hangul ones: `… 프로세스 ID`, `… 정수 UUID`.
        # Brackets of Latin words after a Hangul word are read past: `… 그룹(special-interest-group)`.)
        if _KO_MARKUP_END.search(words) is not None:
            return True
        bare = _KO_LATIN_BRACKETS.sub("", words)
        last = _KO_FINAL.search(bare)
        if last is not None:
            return last.group()[0] not in _KO_VERB_END
        # (The Hangul word before them must be no verb's end: `… 설정합니다 3`, `… 반환합니다. PEP 8` are a verb's
        # sentence with words after it.)
        if _KO_LATIN_END.search(bare) is None and _KO_NUMBER_END.search(bare) is None:
            return False
        hangul = _HANGUL.findall(bare)
        return bool(hangul) and hangul[-1] not in _KO_VERB_END
    return False

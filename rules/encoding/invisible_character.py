"""E102 invisible-character: zero-width and bidi control characters hidden in the text."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

from lint.language import RIGHT_TO_LEFT, primary
from lint.model import Applicability, Document, Finding, Segment, Severity
from lint.patterns import compiled_on_use
from lint.rule import Example, Rule
from lint.scan import non_ascii, places

_NAMES = {
    "\u200b": "ZERO WIDTH SPACE",
    "\u200c": "ZERO WIDTH NON-JOINER",
    "\u200d": "ZERO WIDTH JOINER",
    "\u2060": "WORD JOINER",
    "\u00ad": "SOFT HYPHEN",
    "\ufeff": "BYTE ORDER MARK (zero width no-break space)",
    "\u200e": "LEFT-TO-RIGHT MARK",
    "\u200f": "RIGHT-TO-LEFT MARK",
    "\u061c": "ARABIC LETTER MARK",
}
_INVISIBLE = compiled_on_use("[\u200b-\u200f\u2060\u00ad\ufeff\u061c\u202a-\u202e\u2066-\u2069]")
# Scripts whose spelling uses ZWNJ/ZWJ between letters (Persian, Indic, Sinhala …): there they are letters' glue.
# Arabic, Syriac, Thaana, Indic, Sinhala, Thai/Lao/Tibetan, Myanmar, Khmer, Mongolian, Arabic forms.
_JOINING_SCRIPTS = compiled_on_use(
    "[\u0600-\u07bf\u0860-\u08ff\u0900-\u0fff\u1000-\u109f\u1780-\u18af\ufb50-\ufdff\ufe70-\ufefe]"
)
# Scripts written without spaces between words (Thai, Lao, Tibetan, Myanmar, Khmer, Balinese, Javanese):
# a zero-width space there is the word boundary, a line-break opportunity their spelling relies on.
_UNSPACED_SCRIPTS = compiled_on_use("[\u0e00-\u0fff\u1000-\u109f\u1780-\u17ff\u19e0-\u19ff\u1b00-\u1b7f\ua980-\ua9df]")
# Near right-to-left text, marks, embeddings and isolates are how bidirectional text is written
# correctly; overrides (U+202D, U+202E) are not: they reorder what is displayed (the "Trojan Source"
# trick) and stay flagged everywhere.
_RTL_OK = frozenset("\u200e\u200f\u061c\u202a\u202b\u202c\u2066\u2067\u2068\u2069")
_RTL = compiled_on_use("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")
# In a right-to-left language's text (lint.language.RIGHT_TO_LEFT) a string with no right-to-left letter
# (`%d × %d`, `ZIP (.zip)`) is still shown in a right-to-left line, and a mark at its start or between its
# runs is how the translator sets their order (UAX #9: a paragraph's direction is its first strong
# character's; W3C, "Inline markup and bidirectional text in HTML", marks for neutral runs).


def _is_emoji_context(text: str, i: int) -> bool:
    """ZWJ inside an emoji sequence (👨‍👩‍👧) joins pictographs: not a defect."""
    before = text[i - 1] if i > 0 else ""
    after = text[i + 1] if i + 1 < len(text) else ""

    def pictographic(ch: str) -> bool:
        return bool(ch) and (ord(ch) >= 0x1F000 or 0x2600 <= ord(ch) <= 0x27BF or ch in "\ufe0f\u2640\u2642")

    return pictographic(before) or pictographic(after)


# Opening and closing brackets and quotation marks (general categories Ps, Pe, Pi, Pf).
_BRACKET_OR_QUOTE = frozenset({"Ps", "Pe", "Pi", "Pf"})


def _binds_a_mark(text: str, i: int) -> bool:
    """Whether the word joiner at ``i`` keeps a bracket or quotation mark to the word beside it (`«\u2060%{user}\u2060»`,
    `(\u2060«x»`): what the character is for, forbidding a line break there (The Unicode Standard, §23.2,
    Word Joiner), where a line break after an opening mark or before a closing one would strand it."""
    before = text[i - 1 : i]
    after = text[i + 1 : i + 2]
    if not before or not after or before.isspace() or after.isspace():
        return False  # beside a space or an end it holds nothing together (`«⁠ bonjour`)
    return unicodedata.category(before) in _BRACKET_OR_QUOTE or unicodedata.category(after) in _BRACKET_OR_QUOTE


# Every direction control: those a right-to-left text may use, and the overrides.
def _hyphenates_a_translation(doc: Document, text: str, i: int) -> bool:
    """Whether the soft hyphen at ``i`` parts a word of a catalogue's translation (one paired with its source)
    between two letters, each part three letters or more (Dutch `Kanaal|tabbladen`, the bar a soft hyphen): a
    line-break hint the translator typed for a narrow screen, not a PDF's residue (`hy|phen`, or in other text)."""
    if i < 3 or not (text[i - 3 : i].isalpha() and text[i + 1 : i + 4].isalpha()):
        return False
    if _soft_hyphens_in_word(text, i) >= _HYPHENATED:
        return False  # `Ver|bin|dun|gen`: a hyphenator's mark at every syllable, pasted with the text
    seg = _segment_at(doc, i)
    return seg is not None and seg.source_text is not None


# A word with this many soft hyphens or more was hyphenated syllable by syllable, by a program (a web page's
# or a PDF's hyphenator), not given a line-break hint or two between its compound's parts by a translator.
_HYPHENATED = 3


def _soft_hyphens_in_word(text: str, i: int) -> int:
    """How many soft hyphens the word around ``i`` (its letters and soft hyphens) holds."""
    start, end = i, i + 1
    while start > 0 and (text[start - 1].isalpha() or text[start - 1] == "\u00ad"):
        start -= 1
    while end < len(text) and (text[end].isalpha() or text[end] == "\u00ad"):
        end += 1
    return text.count("\u00ad", start, end)


def _segment_at(doc: Document, i: int) -> Segment | None:
    for seg in doc.segments:
        if seg.to_source(0) <= i < seg.to_source(len(seg.text)):
            return seg
    return None


_DIRECTION_CONTROLS = _RTL_OK | frozenset("\u202d\u202e")


def _sets_direction(text: str, i: int) -> bool:
    """Whether the direction control at ``i``, in a right-to-left text, stands where one sets the order
    of runs: at the string's start or end, or between a letter and a space, mark or digit; never inside
    a word (`Fire‏fox`). An embedding or isolate must be closed in the same string (U+202C, U+2069),
    but one that opens the string."""
    ch = text[i]
    # One that opens the string sets its direction to the paragraph's end, where the bidi algorithm closes
    # it (UAX #9, X8): an Android string `\u202b%d قسمت`. Anywhere else it must be closed.
    j = i - 1
    while j >= 0 and text[j] in _DIRECTION_CONTROLS:
        j -= 1
    opens_string = j < 0 or text[j] in "\n\r>\"'"  # a line's, an element's or a quoted value's start
    if ch in "\u202a\u202b" and "\u202c" not in text[i + 1:] and not opens_string:
        return False
    if ch in "\u2066\u2067\u2068" and "\u2069" not in text[i + 1:] and not opens_string:
        return False
    before, after = text[i - 1 : i], text[i + 1 : i + 2]
    return not (before.isalpha() and after.isalpha())


class InvisibleCharacter(Rule):
    code = "E102"
    slug = "invisible-character"
    summary = "Invisible character (zero-width, soft hyphen, stray BOM, bidi control)"
    rationale = """
**What it does.** Flags characters that render as nothing: zero-width space and joiners, word joiner,
soft hyphen, a byte order mark after the start of the text, and bidirectional controls (LRM, RLM,
embeddings, overrides, isolates).

**Why is this bad?** They come in with copy-paste from web pages, PDFs and CMS editors, and break
search, spell checking, word counts and diffs; bidi overrides can make text display in a different order
than it is stored (the "Trojan Source" trick).

Not flagged: a zero-width joiner inside an emoji sequence, zero-width (non-)joiners next to letters of
a script whose spelling needs them (Arabic, Persian, Indic scripts, Sinhala, Khmer, Mongolian …),
a word joiner beside a bracket or a quotation mark (between `«` and a name: it forbids the line break that
would strand the mark), a soft hyphen between two parts of a word of three letters or more in a catalogue's
translation (Dutch `Kanaal|tabbladen`, with a soft hyphen at the bar: a line-break hint the translator typed;
not in a word with three soft hyphens or more, `Ver|bin|dun|gen`, hyphenated syllable by syllable by a
program), a zero-width space next to a letter of a script written without spaces between words (Thai, Lao,
Khmer, Myanmar, Tibetan: it marks the word boundary),
direction marks, embeddings and isolates near right-to-left text or anywhere in a text in a right-to-left
language (Hebrew, Arabic, Persian, Urdu …, where a string of digits or Latin letters alone is still set in a
right-to-left line; overrides are flagged everywhere), a byte order mark at the very start of a text that was not
read with its BOM already removed, and anything inside code or markup the format protects (a code
example that shows these characters on purpose).
"""
    severity = Severity.WARNING
    fix = Applicability.SAFE
    fix_note = "Deletes the invisible character; nothing visible changes."
    scope = "document"
    flag = (
        Example('msgid ""\nmsgstr ""\n"Language: he\\n"\n\nmsgid "Firefox"\nmsgstr "Fire\u200ffox"\n', path="he.po",
                note="a direction mark inside a word sets no run's order"),
        Example('msgid ""\nmsgstr ""\n"Language: he\\n"\n\nmsgid "Save file"\nmsgstr "Save\u2066 file"\n', path="he.po",
                note="an isolate opened inside the string and never closed"),
        Example("Il dit «\u2060 bonjour.", note="a word joiner beside a space joins nothing"),
        Example("Zero\u200bwidth space inside a word.\n", "Zerowidth space inside a word.\n"),
        Example("A soft hy\u00adphen pasted from a PDF.\n", "A soft hyphen pasted from a PDF.\n"),
        Example('msgid "Soft hyphen"\nmsgstr "Zacht af\u00adbreekstreepje"\n', "msgid \"Soft hyphen\"\nmsgstr \"Zacht afbreekstreepje\"\n",
                path="nl.po", note="in a translation too, where a part of the word is two letters"),
        Example('msgid "Connections"\nmsgstr "Ver\u00adbin\u00addun\u00adgen"\n', "msgid \"Connections\"\nmsgstr \"Verbindungen\"\n",
                path="de.po", note="a word hyphenated at every syllable: a hyphenator's residue, not a translator's hint"),
        Example("Two files glued:\n\ufeffSecond file.\n", "Two files glued:\nSecond file.\n"),
        Example("Price \u202e01$\u202c in text.\n", "Price 01$ in text.\n"),
        Example("Word\u2060joiner in English.\n", "Wordjoiner in English.\n"),
        Example("A stray\u200d joiner.\n", "A stray joiner.\n"),
        Example("\u05e7\u05d5\u05d1\u05e5 invoice\u202egpj.exe\n", "\u05e7\u05d5\u05d1\u05e5 invoicegpj.exe\n"),
        Example("\u0e44\u0e17\u0e22 and a zero\u200bwidth space in Latin.\n",
                "\u0e44\u0e17\u0e22 and a zerowidth space in Latin.\n"),
    )
    allow = (
        Example('<resources>\n    <string name="marked">\u202b\u200f%d قسمت علامت خورد</string>\n</resources>\n',
                path="res/values-fa/strings.xml", note="an embedding that opens the string: closed at its end"),
        Example("Plain text without hidden characters.\n"),
        Example("A family emoji: \U0001F468\u200d\U0001F469\u200d\U0001F467.\n"),
        Example("Persian: \u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645\n"),
        Example("Hindi: \u0915\u094d\u200d\u0937\n"),
        Example("Hebrew with a mark: \u05e9\u05dc\u05d5\u05dd\u200f!\n"),
        Example("\u0646\u0648\u0627\u06ba \u00ab\u2060%{user}\u2060\u00bb \u06a9\u06cc\u062a\u0627\n",
                note="word joiners keep the guillemets to the name a line break would part them from"),
        Example("Le lieu (\u2060\u00abGare du Nord\u00bb\u2060) est proche.\n"),
        Example('msgid ""\nmsgstr ""\n"Language: he\\n"\n\nmsgid "ZIP (.zip)"\nmsgstr "\u200fZIP\u200f \u200e(.zip)"\n', path="he.po",
                note="a right-to-left catalogue's string with no Hebrew letter: the marks set its order"),
        Example('msgid ""\nmsgstr ""\n"Language: fa\\n"\n\nmsgid "%d \u00d7 %d"\nmsgstr "\u200f%d \u00d7 %d"\n', path="fa.po"),
        Example("Non-breaking\u00a0space is visible spacing, not this rule.\n"),
        Example("\ufeffA text read without stripping its byte order mark.\n"),
        Example("\u05d4\u05de\u05d7\u05d9\u05e8 \u2066$20\u2069 \u05dc\u05d9\u05d7\u05d9\u05d3\u05d4\n"),
        Example("Code:\n\n```\ns = \"x\u200f\"\n```\n", path="a.md"),
        Example("Khmer: \u1782\u178e\u1793\u17b6\u200b\u1798\u17c9\u17b6\u179f\u17ca\u17b8\u1793\n",
                note="a zero-width space marks Khmer word boundaries"),
        Example("Thai: \u0e40\u0e04\u0e23\u0e37\u0e48\u0e2d\u0e07\u200b\u0e04\u0e34\u0e14\u200b\u0e40\u0e25\u0e02\n"),
        Example("Flags: \U0001F3F3\ufe0f\u200d\U0001F308 and \U0001F469\U0001F3FD\u200d\U0001F4BB.\n"),
        Example('msgid "Channel tabs"\nmsgstr "Kanaal\u00adtabbladen"\n', path="nl.po",
                note="a translator's line-break hint inside a long compound"),
    )

    def check_document(self, doc: Document) -> Iterator[Finding]:
        text = doc.text
        # (Asked of the characters outside ASCII: all that the class holds; then found in the text from one
        # to the next, ``lint.scan.places``.)
        found = [] if text.isascii() else _INVISIBLE.findall(non_ascii(text))  # isascii: O(1) in CPython
        if not found:
            return
        rtl_document = primary(doc.language) in RIGHT_TO_LEFT
        for i, ch in zip(places(text, found), found, strict=True):
            if ch == "\ufeff" and i == 0 and not doc.source.bom:
                continue  # the byte order mark itself, in text handed over without decoding it away
            if ch == "\u200d" and _is_emoji_context(text, i):
                continue
            if ch in "\u200c\u200d" and _JOINING_SCRIPTS.search(text[max(0, i - 2) : i + 3]):
                continue
            if ch == "\u200b" and _UNSPACED_SCRIPTS.search(text[max(0, i - 1) : i + 2]):
                continue
            if ch in _RTL_OK and (rtl_document or _RTL.search(text[max(0, i - 40) : i + 40])) and _sets_direction(
                    text, i):
                continue
            if ch == "\u2060" and _binds_a_mark(text, i):
                continue
            if ch == "\u00ad" and _hyphenates_a_translation(doc, text, i):
                continue
            if doc.protected and doc.is_protected(i):
                continue
            name = _NAMES.get(ch) or unicodedata.name(ch, f"U+{ord(ch):04X}")
            yield self.finding_at(i, i + 1, f"Invisible character U+{ord(ch):04X} {name}", "")

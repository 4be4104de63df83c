"""E103 control-character: C0 and C1 control characters in text."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from lint.lines import line_bounds
from lint.model import Applicability, Document, Finding, Segment, Severity, in_ranges
from lint.patterns import compiled_on_use
from lint.rule import Example, Rule
from lint.scan import uncommon

from ._repair import repair_span

# Tab, LF, CR and form feed (a page break in plain-text documents such as RFCs) are layout, not defects.
_CONTROL = compiled_on_use("[\x00-\x08\x0b\x0e-\x1f\x7f\x80-\x9f]")
# The characters whose UTF-8 form opens with a byte a control character's opens with: a C0 control and DEL
# stand for themselves, a C1 control is 0xC2 and one more byte (as every character of U+0080-U+00BF is). A
# text without them holds no control character: asked of its characters other than printable ASCII and
# layout (``lint.scan.uncommon``: mostly a few, kept from the bytes as read), where the class above is tried
# at every character.
_CONTROL_LEAD = compiled_on_use("[\x00-\x08\x0b\x0e-\x1f\x7f\x80-\xbf]")


class ControlCharacter(Rule):
    code = "E103"
    slug = "control-character"
    summary = "Control character in text"
    rationale = """
**What it does.** Flags C0 control characters other than tab, line feed, carriage return and form
feed, DEL, and C1 controls (U+0080–U+009F).

**Why is this bad?** They are never prose: a vertical tab from a word processor, an escape from a
terminal log, or a C1 character left by Windows-1252 text decoded as Latin-1 (U+0092 where `’` was
meant). Many XML-based formats reject them outright.

Not flagged either: a control character inside a bilingual segment's source (a PO msgid is the
program's string, not the translation) or one a translation copies from its source, as many times as
the source holds it (IRC clients mark bold, colour and reset with U+0002, U+0003 and U+000F in their
strings: the program needs them). A translation with more of one than its source is flagged for the
extra ones, and one with fewer (but some), an odd number fewer, for the dropped one: a bold left open runs
to the line's end. A translation that drops all of them, or pairs of them, is plainer text, not flagged.

Nor is a control character in a listing of the characters of a range, eight or more in code point
order one after another, eight of them printable (`…xyz{|}~` then DEL and the C1 controls: a tutorial's
output of `String.fromCodePoint` from 65 to 220): written on purpose. A stray one beside fewer in order,
or a run of control characters alone (`\x10\x11\x12…`, a binary table pasted in), is still flagged.

Form feed is not flagged: it is the page break of plain-text documents (RFCs, old manuals, Python
source). C1 characters that E101 (mojibake) repairs are E101's findings, not this rule's, so the
character is reported once and repaired to what was meant rather than deleted.
"""
    severity = Severity.ERROR
    fix = Applicability.SAFE
    fix_note = (
        "Deletes the control character: it has no visible form and no meaning in prose, so the text reads "
        "the same without it. A C1 character that ftfy reads as part of mojibake (U+0092 for `’`, U+0085 "
        "for `…`) is left to E101, which restores the character that was meant instead of deleting it. "
        "Where a translation holds more of a character than its source, which one is the extra copy is a "
        "guess: deleting the last is an unsafe fix; a dropped one is reported without a fix."
    )
    scope = "document"
    flag = (
        Example("Vertical\x0btab from a word processor.\n", "Verticaltab from a word processor.\n"),
        Example("Bell\x07 character.\n", "Bell character.\n"),
        Example("Escape \x1b[31mred\x1b[0m text.\n", "Escape [31mred[0m text.\n"),
        Example("Backspace\x08 in a log.\n", "Backspace in a log.\n"),
        Example("DEL\x7f character.\n", "DEL character.\n"),
        Example("Keys {|}~\x7f here.\n", "Keys {|}~ here.\n", note="five in code point order: no listing"),
        Example("Header \x10\x11\x12\x13\x14\x15\x16\x17\x18 here.\n", "Header  here.\n",
                note="controls alone in code point order (a binary table pasted in): no listing of what a reader sees"),
        Example("Null\x00 byte.\r\n", "Null byte.\r\n"),
        Example("Stray C1\x81 that is no Windows-1252 character.\n", "Stray C1 that is no Windows-1252 character.\n"),
        Example('msgid "The Run action"\nmsgstr "Die \x02Run Aktion"\n', 'msgid "The Run action"\nmsgstr "Die Run Aktion"\n',
                path="de.po", note="the source has no control character"),
        Example('msgid "The \x02Run\x02 action"\nmsgstr "Die \x02Run\x02 \x02Aktion"\n',
                'msgid "The \x02Run\x02 action"\nmsgstr "Die \x02Run\x02 Aktion"\n', path="de.po",
                note="one bold more than the source's two: the extra one's deletion is an unsafe fix"),
        Example('msgid "\x02Bold\x02 text"\nmsgstr "\x02Fett Text"\n', path="de.po",
                note="the closing bold dropped: bold runs on; reported without a fix"),
        Example("```\nprintf x\x01y\n```\n", path="a.md",
                note="in code too (reported; fixes never edit code): only a catalogue's source side is the program's"),
    )
    allow = (
        Example("Tabs\tare layout.\n"),
        Example("```\n// " + "".join(chr(c) for c in range(0x70, 0x80)) + "\n```\n", path="a.md",
                note="a listing of a range's characters, DEL among them"),
        Example("Page one.\n\x0c\nPage two.\n"),
        Example("Windows line\r\nendings.\r\n"),
        Example("Plain text.\n"),
        Example("Curly apostrophe’s fine.\n"),
        Example("He said \x93hi\x94 (Windows-1252 quotes read as Latin-1: E101 repairs them).\n"),
        Example("don\x92t (E101's)\n"),
        Example('msgid "The \x02Run\x02 action"\nmsgstr "Die \x02Run\x02 Aktion"\n', path="de.po",
                note="IRC's bold (U+0002) copied from the source: the program's, not a stray byte"),
        Example('msgid "\x0303Joined\x0f %s"\nmsgstr "%s"\n', path="de.po", note="in the msgid only: the source is not checked"),
        Example('msgid "A \x02b\x02 c \x02d\x02"\nmsgstr "A \x02b\x02 c d"\n', path="de.po",
                note="a pair of bold marks dropped together: plainer, not broken"),
        Example('msgid "\x0303Joined\x0f %s"\nmsgstr "%s \x0303beigetreten\x0f"\n', path="de.po",
                note="as many of each as the source, moved with the words they mark"),
    )

    def check_document(self, doc: Document) -> Iterator[Finding]:
        text = doc.text
        if _CONTROL_LEAD.search(uncommon(text)) is None:
            return
        translations = [seg for seg in doc.segments if seg.source_text]
        spans = sorted((seg.to_source(0), seg.to_source_end(len(seg.text))) for seg in translations)
        mojibake = _Mojibake(text)
        for m in _CONTROL.finditer(text):
            i = m.start()
            if spans and (in_ranges(spans, i) or doc.is_protected(i)):
                continue  # a translation is asked below, against its source; a PO msgid is the program's
            if not mojibake.holds(i, m.group()) and not _in_listing(text, i):
                yield self.finding_at(i, i + 1, f"Control character U+{ord(m.group()):04X}", "")
        for seg in translations:
            yield from self._against_source(seg, mojibake)

    def _against_source(self, seg: Segment, mojibake: _Mojibake) -> Iterator[Finding]:
        """A translation's control characters beyond its source's count of each (IRC's bold U+0002, colour
        U+0003 and reset U+000F are the program's where the source holds as many), and a character the
        translation holds fewer of than its source (a dropped closing bold: bold runs on to the line's end)."""
        if _CONTROL.search(seg.text) is None:
            return
        source = Counter(_CONTROL.findall(seg.source_text or ""))
        seen: Counter[str] = Counter()
        last: dict[str, int] = {}
        for m in _CONTROL.finditer(seg.text):
            char, i = m.group(), m.start()
            seen[char] += 1
            last[char] = i
            if seen[char] <= source[char] or mojibake.holds(seg.to_source(i), char):
                continue  # as many as the source's: the program's format codes, copied
            name = f"U+{ord(char):04X}"
            if source[char]:
                # Which copy is the extra one is a guess: its deletion is offered, not applied.
                yield self.finding(seg, i, i + 1, f"Control character {name}: {seen[char]} in the translation, "
                                   f"{source[char]} in the source", "", applicability=Applicability.UNSAFE)
            else:
                yield self.finding(seg, i, i + 1, f"Control character {name}", "")
        for char, count in seen.items():  # (each character's count, once the walk is done)
            # Bold, italic and the like toggle: pairs dropped together leave plain text, one dropped
            # leaves the rest of the line in the wrong style.
            if count < source[char] and (source[char] - count) % 2:
                yield self.finding(seg, last[char], last[char] + 1,
                                   f"Control character U+{ord(char):04X}: {count} in the translation, "
                                   f"{source[char]} in the source (one left unpaired)")


# How many printable characters in code point order, one after another, make a listing of a range (a
# character table, a loop's output): `stuvwxyz{|}~` and DEL after them.
_LISTING = 8


def _in_listing(text: str, i: int) -> bool:
    """Whether the control character at ``i`` stands in a run of characters each the code point after the
    one before it that holds ``_LISTING`` printable ones or more: a listing of the range that holds it,
    written on purpose. A run of control characters alone (`\\x10\\x11\\x12…`, a binary table pasted into
    the text) lists nothing a reader sees. The controls are at most 33 in a row (DEL and C1), so each
    walk stops within a few dozen characters."""
    printable = 0
    start = i
    while start > 0 and printable < _LISTING and ord(text[start - 1]) == ord(text[start]) - 1:
        start -= 1
        printable += not _CONTROL.match(text, start)
    end = i + 1
    while end < len(text) and printable < _LISTING and ord(text[end]) == ord(text[end - 1]) + 1:
        printable += not _CONTROL.match(text, end)
        end += 1
    return printable >= _LISTING


class _Mojibake:
    """Whether ftfy's repair of a line changes a C1 character there (E101's): asked once per line however
    many C1 characters it holds."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.line: tuple[int, int, tuple[int, int, str] | None] = (-1, -1, None)

    def holds(self, i: int, char: str) -> bool:
        if not "\x80" <= char <= "\x9f":
            return False
        if not self.line[0] <= i < self.line[1]:
            self.line = _line_repair(self.text, i)
        start, _, span = self.line
        return span is not None and span[0] <= i - start < span[1]


def _line_repair(text: str, i: int) -> tuple[int, int, tuple[int, int, str] | None]:
    """The line holding ``i`` (start, end) and where ftfy's repair changes it (``repair_span``)."""
    start, end = line_bounds(text, i, i)
    return start, end, repair_span(text[start:end])

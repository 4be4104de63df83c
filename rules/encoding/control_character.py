"""E103 control-character: C0 and C1 control characters in text."""

from __future__ import annotations

import bisect
from collections.abc import Iterator

from lint.lines import line_bounds
from lint.model import Applicability, Document, Finding, Segment, Severity
from lint.patterns import compiled_on_use
from lint.rule import Example, Rule

from ._repair import repair_span

# Tab, LF, CR and form feed (a page break in plain-text documents such as RFCs) are layout, not defects.
_CONTROL = compiled_on_use("[\x00-\x08\x0b\x0e-\x1f\x7f\x80-\x9f]")
# Every byte but those a control character's UTF-8 form opens with: a C0 control and DEL stand for
# themselves, a C1 control is 0xC2 and one more byte. A text whose UTF-8 form keeps none of them once
# the others are deleted holds no control character: asked in C at memory speed, where the class above
# is tried at every character.
_NOT_CONTROL_LEAD = bytes(b for b in range(256) if not (b <= 0x08 or b == 0x0B or 0x0E <= b <= 0x1F or b in (0x7F, 0xC2)))


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
program's string, not the translation) or one a translation copies from its source (IRC clients mark
bold, colour and reset with U+0002, U+0003 and U+000F in their strings: the program needs them).

Form feed is not flagged: it is the page break of plain-text documents (RFCs, old manuals, Python
source). C1 characters that E101 (mojibake) repairs are E101's findings, not this rule's, so the
character is reported once and repaired to what was meant rather than deleted.
"""
    severity = Severity.ERROR
    fix = Applicability.SAFE
    fix_note = (
        "Deletes the control character: it has no visible form and no meaning in prose, so the text reads "
        "the same without it. A C1 character that ftfy reads as part of mojibake (U+0092 for `’`, U+0085 "
        "for `…`) is left to E101, which restores the character that was meant instead of deleting it."
    )
    scope = "document"
    flag = (
        Example("Vertical\x0btab from a word processor.\n", "Verticaltab from a word processor.\n"),
        Example("Bell\x07 character.\n", "Bell character.\n"),
        Example("Escape \x1b[31mred\x1b[0m text.\n", "Escape [31mred[0m text.\n"),
        Example("Backspace\x08 in a log.\n", "Backspace in a log.\n"),
        Example("DEL\x7f character.\n", "DEL character.\n"),
        Example("Null\x00 byte.\r\n", "Null byte.\r\n"),
        Example("Stray C1\x81 that is no Windows-1252 character.\n", "Stray C1 that is no Windows-1252 character.\n"),
        Example('msgid "The Run action"\nmsgstr "Die \x02Run Aktion"\n', 'msgid "The Run action"\nmsgstr "Die Run Aktion"\n',
                path="de.po", note="the source has no control character"),
    )
    allow = (
        Example("Tabs\tare layout.\n"),
        Example("Page one.\n\x0c\nPage two.\n"),
        Example("Windows line\r\nendings.\r\n"),
        Example("Plain text.\n"),
        Example("Curly apostrophe’s fine.\n"),
        Example("He said \x93hi\x94 (Windows-1252 quotes read as Latin-1: E101 repairs them).\n"),
        Example("don\x92t (E101's)\n"),
        Example('msgid "The \x02Run\x02 action"\nmsgstr "Die \x02Run\x02 Aktion"\n', path="de.po",
                note="IRC's bold (U+0002) copied from the source: the program's, not a stray byte"),
        Example('msgid "\x0303Joined\x0f %s"\nmsgstr "%s"\n', path="de.po", note="in the msgid only: the source is not checked"),
    )

    def check_document(self, doc: Document) -> Iterator[Finding]:
        text = doc.text
        if not text.encode("utf-8", "surrogatepass").translate(None, _NOT_CONTROL_LEAD):
            return
        # ftfy's repair of a line, asked once per line however many C1 characters it holds.
        line: tuple[int, int, tuple[int, int, str] | None] = (-1, -1, None)
        translations: list[tuple[int, int, Segment]] | None = None
        for m in _CONTROL.finditer(text):
            i = m.start()
            if doc.protected and doc.is_protected(i):
                continue  # a PO msgid, code, markup: not the document's prose
            if translations is None:
                translations = _translations(doc)
            if translations and _copied_from_source(translations, i, m.group()):
                continue  # IRC's format codes (U+0002 bold, U+0003 colour) the source holds too: the program's
            if "\x80" <= m.group() <= "\x9f":
                if not line[0] <= i < line[1]:
                    line = _line_repair(text, i)
                start, _, span = line
                if span is not None and span[0] <= i - start < span[1]:
                    continue  # ftfy's repair of the line changes it: E101's
            yield self.finding_at(i, i + 1, f"Control character U+{ord(m.group()):04X}", "")


def _translations(doc: Document) -> list[tuple[int, int, Segment]]:
    """Where each segment that translates a source (a PO msgstr, an XLIFF target) stands in the file."""
    return sorted((seg.to_source(0), seg.to_source_end(len(seg.text)), seg) for seg in doc.segments
                  if seg.source_text)


def _copied_from_source(translations: list[tuple[int, int, Segment]], i: int, char: str) -> bool:
    """Whether the control character at ``i`` stands in a translation whose source holds it too."""
    k = bisect.bisect_right(translations, (i, float("inf"))) - 1
    if k < 0:
        return False
    start, end, seg = translations[k]
    return start <= i < end and char in (seg.source_text or "")


def _line_repair(text: str, i: int) -> tuple[int, int, tuple[int, int, str] | None]:
    """The line holding ``i`` (start, end) and where ftfy's repair changes it (``repair_span``)."""
    start, end = line_bounds(text, i, i)
    return start, end, repair_span(text[start:end])

"""E101 mojibake: text decoded with the wrong encoding (UTF-8 read as Windows-1252 and the like)."""

from __future__ import annotations

from collections.abc import Iterator

from lint.lines import line_bounds
from lint.model import Applicability, Document, Finding, Severity, in_ranges
from lint.patterns import compiled_on_use
from lint.rule import Example, Rule
from lint.scan import non_ascii, places

from ._repair import badness, repair_span

# Cheap gate before ftfy: mojibake always holds some non-ASCII character other than the punctuation
# English prose uses every day (curly quotes, dashes, ellipsis, bullets, currency, spaces). Only lines
# holding one are shown to ftfy. (ftfy's own `is_bad` on whole documents as the gate was measured at
# 5.5 MB/s on the corpus: its badness regex is written for short strings; this gate runs at C speed.)
_SUSPECT = compiled_on_use("[^\x00-\x7f\u201c\u201d\u2018\u2019\u2014\u2013\u2026\u2022\u00b7\u00d7\u00b0\u00a9\u00ae\u2122"
                      "\u20ac\u00a3\u00a5\u00a7\u00b6\u2020\u2021\u2032\u2033\u00a0\u2009\u202f\u2010\u2011\u2212]")


_UNPRINTABLE = compiled_on_use("[\x00-\x1f\x7f-\x9f]")


# A text with fewer suspect characters than one in this many finds each from the last (``_suspect_lines``).
_SPARSE = 64


def _suspect_lines(text: str, suspects: list[str]) -> Iterator[tuple[int, int]]:
    """The bounds of each line of ``text`` that holds a suspect character, in order; ``suspects``: the text's
    suspect characters, all of them in order (its characters outside ASCII hold them so).

    Where they are few (English: a name, a symbol), each is found from the one before (``lint.scan.places``),
    where a search of the class tested every character of the text. Where they are many (French: every
    accented letter), the class is searched from each line's end, passing over the rest of a line, as a
    find per suspect would not."""
    if len(suspects) * _SPARSE < len(text):
        end = -1
        for at in places(text, suspects):
            if at >= end:  # (before it: on the line of the last one)
                start, end = line_bounds(text, at, at + 1)
                yield start, end
        return
    hit = _SUSPECT.search(text)
    while hit is not None:
        start, end = line_bounds(text, hit.start(), hit.end())
        hit = _SUSPECT.search(text, end)
        yield start, end


def _show(text: str) -> str:
    """Control characters written as escapes, so that a message shows what is there."""
    return _UNPRINTABLE.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


_PO = "messages.po"
_RST = "#: library/codecs.rst:12\n"


def _translated_code(doc: Document) -> list[tuple[int, int]]:
    """Where a catalogue's translated literal blocks lie in the file (each msgstr, from inside its first
    quote), those whose source shows no mojibake: code is out of bounds, as shown on purpose, but a
    translation's garbled characters its source lacks are an encoding's accident, in code as in prose."""
    # (Imported here: only a catalogue with mojibake in a literal block gets this far, and the PO reader
    # with html's entity table is some 14M instructions of a one-file check of any other format.)
    from lint.formats.bilingual import pair
    from lint.formats.po import raw_string

    literal = doc.memo.get("po-literal-blocks", ())
    starts = doc.memo.get("po-string-start", {})
    spans = []
    for seg in doc.segments:
        if seg.index not in literal or seg.index not in starts:
            continue
        both = pair(seg, doc, code=True)
        if both is None or any(repair_span(line) for line in both[0].split("\n")):
            continue
        start = starts[seg.index]
        spans.append((start, start + len(raw_string(doc.text, start))))
    return spans


class Mojibake(Rule):
    code = "E101"
    slug = "mojibake"
    summary = "Garbled characters from a wrong encoding (mojibake)"
    rationale = """
**What it does.** Finds mojibake — `Ã©` for `é`, `â€™` for `’`, `Ã¢â‚¬â€œ` for `–` — with
[ftfy](https://ftfy.readthedocs.io), the library made for exactly this, and repairs it where ftfy is
confident.

Code (a Markdown code block, a msgid) is read as shown on purpose and left alone, except a Sphinx
catalogue's literal block whose translation shows mojibake its source does not: an encoding's accident,
reported, but never fixed (a fix never rewrites code).

**Why is this bad?** Text that went through a system reading UTF-8 as Windows-1252 (or the reverse)
is unreadable where it matters most: names, quotes, currency. Each round trip makes it worse.
"""
    severity = Severity.ERROR
    fix = Applicability.SAFE
    fix_note = (
        "ftfy's encoding repair, applied only to the characters that differ, and only when the repaired "
        "text no longer looks broken to ftfy; otherwise the finding is reported without a fix."
    )
    scope = "document"
    flag = (
        Example("He said itâ€™s done.\n", "He said it’s done.\n"),
        Example("CafÃ© au lait, crÃ¨me brÃ»lÃ©e.\n", "Café au lait, crème brûlée.\n"),
        Example("The price is â‚¬20.\n", "The price is €20.\n"),
        Example("ÄŒeÅ¡tina is a language.\n", "Čeština is a language.\n"),
        Example("â€œQuotedâ€\x9d text.\n", "“Quoted” text.\n"),
        Example("voilÃ  le travail\n", "voilà le travail\n"),
        Example(_RST + 'msgid "print(\'café\')\\nprint(\'crème\')"\nmsgstr "print(\'cafÃ©\')\\nprint(\'crÃ¨me\')"\n',
                path=_PO, note="a Sphinx catalogue's literal block whose source shows none: reported, not fixed (code)"),
    )
    allow = (
        Example("Café au lait, crème brûlée.\n"),
        Example("He said it’s done.\n"),
        Example("Η ¨ανατροφή¨ δυστυχώς από τους προπονητές\n"),
        Example("Price: €20, £15 or ¥300.\n"),
        Example("Ørsted and Škoda are company names.\n"),
        Example("The temperature was 20°C ± 2°.\n"),
        Example(_RST + 'msgid ">>> \'café\'.encode().decode(\'cp1252\')\\n\'cafÃ©\'"\n'
                'msgstr ">>> \'café\'.encode().decode(\'cp1252\')\\n\'cafÃ©\'"\n',
                path=_PO, note="a literal block whose source shows mojibake on purpose"),
        Example("```\n'cafÃ©'\n```\n", path="a.md", note="a code block: shown on purpose"),
    )

    def check_document(self, doc: Document) -> Iterator[Finding]:
        text = doc.text
        # (Asked of the characters outside ASCII: all that the class holds.)
        suspects = [] if text.isascii() else _SUSPECT.findall(non_ascii(text))  # isascii: O(1) in CPython
        if not suspects:
            return
        code: list[tuple[int, int]] | None = None  # the translated literal blocks, read at the first need
        for line_start, line_end in _suspect_lines(text, suspects):
            line = text[line_start:line_end]
            span = repair_span(line)
            if span is None:
                continue
            p, q, replacement = span
            start, end = line_start + p, line_start + q
            message = f"Mojibake: '{_show(line[p:q])}' should read '{_show(replacement)}'"
            if doc.protected and doc.is_protected(start):
                code = _translated_code(doc) if code is None else code
                if in_ranges(code, start):
                    yield self.finding_at(start, end, message)  # a translation's code: reported, never rewritten
                continue  # else a code block showing mojibake on purpose
            confident = not badness().is_bad(line[:p] + replacement + line[q:])
            yield self.finding_at(
                start, end, message, replacement,
                applicability=Applicability.SAFE if confident else Applicability.UNSAFE,
            )

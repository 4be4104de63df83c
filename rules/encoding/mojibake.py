"""E101 mojibake: text decoded with the wrong encoding (UTF-8 read as Windows-1252 and the like)."""

from __future__ import annotations

from collections.abc import Iterator

from lint.lines import line_bounds
from lint.model import Applicability, Document, Finding, Severity
from lint.patterns import compiled_on_use
from lint.rule import Example, Rule
from lint.scan import non_ascii

from ._repair import badness, repair_span

# Cheap gate before ftfy: mojibake always holds some non-ASCII character other than the punctuation
# English prose uses every day (curly quotes, dashes, ellipsis, bullets, currency, spaces). Only lines
# holding one are shown to ftfy. (ftfy's own `is_bad` on whole documents as the gate was measured at
# 5.5 MB/s on the corpus: its badness regex is written for short strings; this gate runs at C speed.)
_SUSPECT = compiled_on_use("[^\x00-\x7f\u201c\u201d\u2018\u2019\u2014\u2013\u2026\u2022\u00b7\u00d7\u00b0\u00a9\u00ae\u2122"
                      "\u20ac\u00a3\u00a5\u00a7\u00b6\u2020\u2021\u2032\u2033\u00a0\u2009\u202f\u2010\u2011\u2212]")


_UNPRINTABLE = compiled_on_use("[\x00-\x1f\x7f-\x9f]")


def _show(text: str) -> str:
    """Control characters written as escapes, so that a message shows what is there."""
    return _UNPRINTABLE.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


class Mojibake(Rule):
    code = "E101"
    slug = "mojibake"
    summary = "Garbled characters from a wrong encoding (mojibake)"
    rationale = """
**What it does.** Finds mojibake — `Ã©` for `é`, `â€™` for `’`, `Ã¢â‚¬â€œ` for `–` — with
[ftfy](https://ftfy.readthedocs.io), the library made for exactly this, and repairs it where ftfy is
confident.

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
    )
    allow = (
        Example("Café au lait, crème brûlée.\n"),
        Example("He said it’s done.\n"),
        Example("Η ¨ανατροφή¨ δυστυχώς από τους προπονητές\n"),
        Example("Price: €20, £15 or ¥300.\n"),
        Example("Ørsted and Škoda are company names.\n"),
        Example("The temperature was 20°C ± 2°.\n"),
    )

    def check_document(self, doc: Document) -> Iterator[Finding]:
        text = doc.text
        # (Asked of the characters outside ASCII first: all that the class holds.)
        if text.isascii() or _SUSPECT.search(non_ascii(text)) is None:  # isascii: O(1) in CPython
            return
        hit = _SUSPECT.search(text)
        if hit is None:
            return
        while hit is not None:
            line_start, line_end = line_bounds(text, hit.start(), hit.end())
            hit = _SUSPECT.search(text, line_end)
            line = text[line_start:line_end]
            span = repair_span(line)
            if span is None:
                continue
            p, q, replacement = span
            start, end = line_start + p, line_start + q
            if doc.protected and doc.is_protected(start):
                continue  # a code block showing mojibake on purpose
            confident = not badness().is_bad(line[:p] + replacement + line[q:])
            yield self.finding_at(
                start, end,
                f"Mojibake: '{_show(line[p:q])}' should read '{_show(replacement)}'",
                replacement,
                applicability=Applicability.SAFE if confident else Applicability.UNSAFE,
            )

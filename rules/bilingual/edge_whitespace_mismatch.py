"""B107 edge-whitespace-mismatch: the translation starts or ends with other whitespace than the source."""

from __future__ import annotations

import re
from collections.abc import Iterator

from lint.formats.bilingual import pair, xliff_example
from lint.model import Document, Finding, Segment, Severity
from lint.rule import Example, Rule

_PO = "messages.po"
_XLF = "app.xlf"
_LEAD = re.compile(r"^\s*")
_TRAIL = re.compile(r"\s*$")


def _shape(ws: str) -> tuple[int, bool]:
    """Line breaks, and whether other whitespace stands there: `\\n` and ` ` differ, one space and two do not."""
    return ws.count("\n"), bool(ws.replace("\n", ""))


class EdgeWhitespaceMismatch(Rule):
    code = "B107"
    slug = "edge-whitespace-mismatch"
    summary = "Translation's leading or trailing whitespace differs from the source's"
    rationale = """
**What it does.** Compares the whitespace at the start and at the end of a translation with the
source's: a line break or a space the source has and the translation lacks (or the reverse) is flagged.
The number of spaces is not compared, only whether there are line breaks (and how many) and other
whitespace.

**Why is this bad?** Programs concatenate such strings: `"Name: " + value` loses its space when the
translation is `"Nom :"`, and a missing trailing `\\n` glues two log lines or two paragraphs.
"""
    severity = Severity.WARNING
    kinds = frozenset({"msgstr", "target"})
    flag = (
        Example('msgid "Name: "\nmsgstr "Nom :"\n', path=_PO),
        Example('msgid "Done.\\n"\nmsgstr "Terminé."\n', path=_PO),
        Example('msgid " (optional)"\nmsgstr "(facultatif)"\n', path=_PO),
        Example('msgid "Warning"\nmsgstr "Avertissement "\n', path=_PO),
        Example('msgid "\\nDetails"\nmsgstr "Détails"\n', path=_PO),
        Example(xliff_example("Total: ", "Total :"), path=_XLF),
    )
    allow = (
        Example('msgid "Name: "\nmsgstr "Nom : "\n', path=_PO),
        Example('msgid "Done.\\n"\nmsgstr "Terminé.\\n"\n', path=_PO),
        Example('msgid "Warning"\nmsgstr "Avertissement"\n', path=_PO),
        Example('msgid "Calculates the value of a loan. "\nmsgstr "Calcule la valeur d\'un prêt."\n', path=_PO,
                note="a space after the source's last full stop, nothing follows it"),
        Example('msgid " (optional)"\nmsgstr "  (facultatif)"\n', path=_PO, note="the count of spaces is not compared"),
        Example('msgid "Line one\\nLine two"\nmsgstr "Ligne un\\nLigne deux"\n', path=_PO),
        Example(xliff_example('Total: <ph id="1"/>', 'Total : <ph id="1"/>'), path=_XLF),
    )

    def check_segment(self, seg: Segment, doc: Document) -> Iterator[Finding]:
        both = pair(seg, doc)
        if both is None:
            return
        source, target = both
        if not source.strip() or not target.strip():
            return
        lead_s, lead_t = (_LEAD.match(t).group() for t in both)  # type: ignore[union-attr]
        trail_s, trail_t = (_TRAIL.search(t).group() for t in both)  # type: ignore[union-attr]
        if _shape(lead_s) != _shape(lead_t):
            yield self.finding(seg, 0, 1, "Leading whitespace differs from the source's")
        if _shape(trail_s) != _shape(trail_t) and not _closed_sentence(source, target, trail_s, trail_t):
            yield self.finding(seg, len(seg.text) - 1, len(seg.text), "Trailing whitespace differs from the source's")


# A sentence's final mark in any script: full stop, ideographic, Devanagari/Bengali danda, Arabic, Ethiopic.
_FINAL = re.compile(r"[.!?\u3002\uff01\uff1f\u0964\u0965\u06d4\u1362][\"'\u201d\u2019)]?$")


def _closed_sentence(source: str, target: str, trail_s: str, trail_t: str) -> bool:
    """Whether a translation leaves out the space after its source's last full stop (`...period. `) and
    ends its own sentence there: a space nothing follows, not a join a program makes."""
    return bool(trail_s) and set(trail_s) == {" "} and not trail_t and bool(_FINAL.search(source.rstrip(" "))) \
        and bool(_FINAL.search(target))

"""B102 untranslated-string: the translation is the source text, copied."""

from __future__ import annotations

import re
from collections.abc import Iterator

from lint.model import Document, Finding, Segment, Severity
from lint.rule import Example, Rule

_WORD = re.compile(r"[^\W\d_]{2,}")


class UntranslatedString(Rule):
    code = "B102"
    slug = "untranslated-string"
    summary = "Translation identical to its source"
    rationale = """
**What it does.** Flags a translation (PO `msgstr`) that is identical to its source string and holds at
least two words.

**Why is this bad?** A translation tool or an MT fallback copied the source when it had nothing: the
interface shows the source language to users who do not read it.

Not flagged: one-word strings (`OK`, `Email`, brand names), strings of numbers, placeholders and
symbols, and empty translations (untranslated on purpose, which gettext falls back from).
"""
    severity = Severity.WARNING
    kinds = frozenset({"msgstr", "target"})
    flag = (
        Example('msgid "Supprimer le fichier"\nmsgstr "Supprimer le fichier"\n', path="messages.po"),
        Example('msgid "Votre panier est vide."\nmsgstr "Votre panier est vide."\n', path="messages.po"),
        Example('msgid "Bonjour %(name)s, bienvenue !"\nmsgstr "Bonjour %(name)s, bienvenue !"\n', path="messages.po"),
        Example('msgid "Mot de passe oublié ?"\nmsgstr "Mot de passe oublié ?"\n', path="messages.po"),
        Example('msgid "Frais de port offerts"\nmsgstr "Frais de port offerts"\n', path="messages.po"),
    )
    allow = (
        Example('msgid "OK"\nmsgstr "OK"\n', path="messages.po"),
        Example('msgid "Email"\nmsgstr "Email"\n', path="messages.po"),
        Example('msgid "%d / %d"\nmsgstr "%d / %d"\n', path="messages.po"),
        Example('msgid "Supprimer le fichier"\nmsgstr "Delete the file"\n', path="messages.po"),
        Example('msgid "Brouillon"\nmsgstr ""\n', path="messages.po"),
        Example('# copylint: disable=B102\nmsgid "Mot de passe"\nmsgstr "Mot de passe"\n', path="messages.po"),
    )

    def check_segment(self, seg: Segment, doc: Document) -> Iterator[Finding]:
        source = seg.source_text
        if not source:
            return
        from lint.formats.po import raw_string

        raw = raw_string(doc.text, seg.to_source(0))
        from lint.formats.po import decoded_raw
        if decoded_raw(raw) != source or len(_WORD.findall(source)) < 2:
            return
        yield self.finding(seg, 0, len(seg.text), "The translation is the source text, untranslated")

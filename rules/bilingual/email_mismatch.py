"""B105 email-mismatch: the translation's e-mail addresses differ from the source's."""

from __future__ import annotations

from lint.formats.bilingual import emails, xliff_example
from lint.model import Document, Segment, Severity
from lint.rule import Example

from ._pairwise import Difference, PairwiseRule

_PO = "messages.po"
_XLF = "app.xlf"


class EmailMismatch(PairwiseRule):
    code = "B105"
    slug = "email-mismatch"
    summary = "Translation's e-mail addresses differ from the source's"
    rationale = """
**What it does.** Compares the e-mail addresses (case-insensitive) of a translation with those of its
source, and flags any that are missing, added or changed.

**Why is this bad?** An address is data, not prose: an MT engine that "translates" `support@` into
`assistance@`, or a translator who drops it, leaves users writing to nobody.
"""
    severity = Severity.ERROR
    kinds = frozenset({"msgstr", "target"})
    flag = (
        Example('msgid "Write to support@example.com"\nmsgstr "Écrivez à assistance@example.com"\n', path=_PO),
        Example('msgid "Contact sales@example.com."\nmsgstr "Contactez notre service commercial."\n', path=_PO),
        Example('msgid "Questions? Ask us."\nmsgstr "Des questions ? help@example.fr"\n', path=_PO),
        Example('msgid "Mail jobs@example.com"\nmsgstr "Mail jobs@example.org"\n', path=_PO),
        Example('msgid "Send it to a@example.com and b@example.com"\nmsgstr "Envoyez-le à a@example.com"\n',
                path=_PO),
        Example(xliff_example("Write to billing@example.com", "Écrivez à facturation@example.com"), path=_XLF),
    )
    allow = (
        Example('msgid "Write to support@example.com"\nmsgstr "Écrivez à support@example.com"\n', path=_PO),
        Example('msgid "Write to Support@Example.com"\nmsgstr "Écrivez à support@example.com"\n', path=_PO),
        Example('msgid "Contact us."\nmsgstr "Contactez-nous."\n', path=_PO),
        Example('msgid "Email %(address)s"\nmsgstr "Écrire à %(address)s"\n', path=_PO),
        Example('msgid "Follow @example on Mastodon"\nmsgstr "Suivez @example sur Mastodon"\n', path=_PO),
        Example(xliff_example('Write to <pc id="1">billing@example.com</pc>',
                              'Écrivez à <pc id="1">billing@example.com</pc>'), path=_XLF),
    )

    head = "E-mail addresses differ from the source"

    def difference(self, seg: Segment, doc: Document, both: tuple[str, str]) -> Difference:
        ours, theirs = (emails(t) for t in both)
        return Difference(sorted((ours - theirs).elements()), sorted((theirs - ours).elements()))

"""B105 email-mismatch: the translation's e-mail addresses differ from the source's."""

from __future__ import annotations

from collections import Counter

from lint.formats.bilingual import emails, xliff_example
from lint.model import Document, Segment, Severity
from lint.rule import Example

from ._pairwise import Difference, PairwiseRule

_PO = "messages.po"
_XLF = "app.xlf"
# The domains RFC 2606 and RFC 6761 reserve for examples: no one receives mail there.
_EXAMPLE_DOMAINS = ("example.com", "example.net", "example.org")
_EXAMPLE_TLDS = (".example", ".test", ".invalid", ".localhost")


def _example_domain(address: str) -> str | None:
    """The address's domain where it is reserved for examples, else None."""
    domain = address.rpartition("@")[2]
    if domain in _EXAMPLE_DOMAINS or domain.endswith(tuple("." + d for d in _EXAMPLE_DOMAINS) + _EXAMPLE_TLDS):
        return domain
    return None


def _unlocalized(missing: Counter[str], extra: Counter[str]) -> tuple[Counter[str], Counter[str]]:
    """``missing`` and ``extra`` less each missing address at a reserved domain that an added one at the same
    domain replaces (`you@example.com` written `vous@example.com`): an illustration of the reader's own
    address, localized with the prose."""
    missing, extra = Counter(missing), Counter(extra)
    for address in sorted(missing.elements()):
        domain = _example_domain(address)
        stand_in = next((a for a in sorted(extra) if extra[a] > 0 and domain is not None
                         and _example_domain(a) == domain), None)
        if stand_in is not None:
            missing[address] -= 1
            extra[stand_in] -= 1
    return +missing, +extra


class EmailMismatch(PairwiseRule):
    code = "B105"
    slug = "email-mismatch"
    summary = "Translation's e-mail addresses differ from the source's"
    rationale = """
**What it does.** Compares the e-mail addresses (case-insensitive) of a translation with those of its
source, and flags any that are missing, added or changed.

**Why is this bad?** An address is data, not prose: an MT engine that "translates" `support@` into
`assistance@`, or a translator who drops it, leaves users writing to nobody.

Not flagged: an illustration of the reader's own address at a domain reserved for examples (RFC 2606
and 6761: `example.com`, `.org`, `.net`, their subdomains, `.example`, `.test`, `.invalid`,
`.localhost`) whose name the translation localizes at the same domain (`git config user.email
you@example.com` as `usuari@example.com`): no one receives mail there in either language. A reserved
address dropped, or moved to another domain (a real one, where someone may), is still flagged.
"""
    severity = Severity.ERROR
    kinds = frozenset({"msgstr", "string", "target"})
    flag = (
        Example('msgid "Write to support@acme-shop.com"\nmsgstr "Écrivez à assistance@acme-shop.com"\n', path=_PO),
        Example('msgid "Set user.email to you@example.com"\nmsgstr "Définissez user.email à vous@exemple.fr"\n',
                path=_PO, note="a reserved example moved to a real domain"),
        Example('msgid "Set user.email to you@example.com"\nmsgstr "Définissez user.email."\n', path=_PO,
                note="a reserved example dropped"),
        Example('msgid "Write to a@example.com or b@example.com"\nmsgstr "Écrivez à x@example.com"\n', path=_PO,
                note="one of two reserved examples dropped: one stands in for one"),
        Example('msgid "Contact sales@example.com."\nmsgstr "Contactez notre service commercial."\n', path=_PO),
        Example('msgid "Questions? Ask us."\nmsgstr "Des questions ? help@example.fr"\n', path=_PO),
        Example('msgid "Mail jobs@example.com"\nmsgstr "Mail jobs@example.org"\n', path=_PO),
        Example('msgid "Send it to a@example.com and b@example.com"\nmsgstr "Envoyez-le à a@example.com"\n',
                path=_PO),
        Example(xliff_example("Write to billing@acme-shop.com", "Écrivez à facturation@acme-shop.com"), path=_XLF),
    )
    allow = (
        Example('msgid "Write to support@example.com"\nmsgstr "Écrivez à support@example.com"\n', path=_PO),
        Example('msgid "Write to Support@Example.com"\nmsgstr "Écrivez à support@example.com"\n', path=_PO),
        Example('msgid "Contact us."\nmsgstr "Contactez-nous."\n', path=_PO),
        Example('msgid "Run git config user.email you@example.com"\n'
                'msgstr "Executeu git config user.email usuari@example.com"\n',
                path=_PO, note="an example of the reader's own address, localized at the reserved domain"),
        Example('msgid "Sign as jane@mail.example"\nmsgstr "Signez comme jeanne@mail.example"\n', path=_PO),
        Example('msgid "Email %(address)s"\nmsgstr "Écrire à %(address)s"\n', path=_PO),
        Example('msgid "Follow @example on Mastodon"\nmsgstr "Suivez @example sur Mastodon"\n', path=_PO),
        Example(xliff_example('Write to <pc id="1">billing@example.com</pc>',
                              'Écrivez à <pc id="1">billing@example.com</pc>'), path=_XLF),
    )

    head = "E-mail addresses differ from the source"

    def difference(self, seg: Segment, doc: Document, both: tuple[str, str]) -> Difference:
        ours, theirs = (emails(t) for t in both)
        missing, extra = _unlocalized(ours - theirs, theirs - ours)
        return Difference(sorted(missing.elements()), sorted(extra.elements()))

"""B106 tag-mismatch: the translation's markup tags differ from the source's."""

from __future__ import annotations

from collections.abc import Iterator

from lint.formats.bilingual import pair, tags
from lint.model import Document, Finding, Segment, Severity
from lint.rule import Example, Rule

_PO = "messages.po"


class TagMismatch(Rule):
    code = "B106"
    slug = "tag-mismatch"
    summary = "Translation's markup tags differ from the source's"
    rationale = """
**What it does.** Compares the markup tags of a translation (`<b>`, `</a>`, `<br/>`) with those of its
source, by name and kind (opening, closing, self-closing), and flags any that are missing or added.
Attributes are not compared: a link's `title` may be translated. The order may change with the
language.

**Why is this bad?** A dropped closing tag runs bold text to the end of the page; a lost `<a>` removes
a link; a tag an MT engine invented shows up as text or breaks the template.
"""
    severity = Severity.ERROR
    kinds = frozenset({"msgstr", "target"})
    flag = (
        Example('msgid "Click <b>Save</b> to continue."\nmsgstr "Cliquez sur <b>Enregistrer pour continuer."\n',
                path=_PO),
        Example('msgid "Read the <a href=\\"/terms\\">terms</a>."\nmsgstr "Lisez les conditions."\n', path=_PO),
        Example('msgid "Line one<br/>Line two"\nmsgstr "Ligne un Ligne deux"\n', path=_PO),
        Example('msgid "It is <em>free</em>."\nmsgstr "C\'est <strong>gratuit</strong>."\n', path=_PO),
        Example('msgid "Save changes"\nmsgstr "<b>Enregistrer</b> les modifications"\n', path=_PO),
    )
    allow = (
        Example('msgid "Click <b>Save</b> to continue."\nmsgstr "Cliquez sur <b>Enregistrer</b> pour continuer."\n',
                path=_PO),
        Example('msgid "<a href=\\"/en/terms\\" title=\\"Terms\\">terms</a>"\n'
                'msgstr "<a href=\\"/fr/terms\\" title=\\"Conditions\\">conditions</a>"\n', path=_PO),
        Example('msgid "<b>New</b>: <i>beta</i>"\nmsgstr "<i>bêta</i> : <b>nouveau</b>"\n', path=_PO,
                note="the order may change"),
        Example('msgid "Less than 5 < 10"\nmsgstr "Moins que 5 < 10"\n', path=_PO),
        Example('msgid "Plain text"\nmsgstr "Texte brut"\n', path=_PO),
    )

    def check_segment(self, seg: Segment, doc: Document) -> Iterator[Finding]:
        both = pair(seg, doc)
        if both is None:
            return
        source, target = (tags(t) for t in both)
        if source == target:
            return
        missing = sorted((source - target).elements())
        extra = sorted((target - source).elements())
        parts = []
        if missing:
            parts.append("missing " + " ".join(missing))
        if extra:
            parts.append("not in the source " + " ".join(extra))
        yield self.finding(seg, 0, len(seg.text), "Markup tags differ from the source: " + "; ".join(parts))

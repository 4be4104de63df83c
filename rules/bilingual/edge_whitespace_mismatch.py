"""B107 edge-whitespace-mismatch: the translation starts or ends with other whitespace than the source."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from lint.formats.bilingual import markup_of, pair, xliff_example
from lint.language import HAN, HAN_COMPATIBILITY, KANA
from lint.model import Document, Finding, Segment, Severity
from lint.patterns import compiled_on_use
from lint.rule import Example, Rule

from ._number_words import joined_letters
from ._pairwise import habit_or_each

_PO = "messages.po"
_XLF = "app.xlf"
_LEAD = compiled_on_use(r"^\s*")
_COLLAPSIBLE = compiled_on_use(r"[ \t\r\n]*")  # what HTML collapses: not a no-break space
_TEMPLATE = "#: templates/basket.html:12\n"
_NG = ('<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file source-language="en" '
       'target-language="de" datatype="plaintext" original="ng2.template"><body>'
       '<trans-unit id="1" datatype="html"><source>{}</source><target>{}</target></trans-unit></body></file></xliff>\n')


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

One finding per entry (leading and trailing together). A catalogue in which five translations or more
each add a space their source lacks (a translator's habit: an input method, a team's convention) gets
one finding, at the first, naming how many. Not flagged: a translation in a script written without
spaces between words (Chinese, Japanese, Thai, Lao, Khmer, Myanmar) or in full-width punctuation
that leaves out its source's spaces at that edge (`" in "` → `"转为"`, `"Size: "` → `"大小："`), a translation
that leaves out its source's trailing space after a one-letter word its script writes joined to the next
one (Arabic's `و` "and" and `ب`, `ل`, `ك`, `ف`; Hebrew's prefixed letters ו ה ב כ ל מ ש: `"%s and "` → `"%s و"`,
where the appended word follows with no space; a whole word, `"%s with "` → `"%s مع"`, is still flagged),
and a translation that ends its sentence where the source
has a space after its last full stop. In a catalogue of HTML a page renders (the `#:` references name
`.html` templates; not an application's labels with HTML or Pango tags, shown as written), in a string of
its templates only (not one an entry's `#:` locations also name a program's file for, `shop/views.py`), an edge where the source has a line break is the template's layout, not a join:
Django's `{% blocktrans %}` without `trimmed` keeps the line breaks and indentation around the text
(`"\\n    <strong>%(title)s</strong> has been added to your basket.\\n    "`), which the page shows as one
space at most; a translation that trims them (`"\\n<strong>%(title)s</strong> a été ajouté."`) renders
the same. (It could hide a line break lost at such an edge of a plain-text e-mail template in that
catalogue.) In an Angular template's catalogue (XLIFF from `ng extract-i18n`, `original="ng2.template"`),
whose strings are each an element's text with its line breaks collapsed to one space (`<button>` and a
line break before `Load all records` extracted as `" Load all records "`), spaces and line breaks at the
edges are layout and not compared; a no-break space is (it could hide a space lost between an element's text
and the inline element beside it).
"""
    severity = Severity.WARNING
    kinds = frozenset({"msgstr", "string", "target"})
    scope = "document"
    flag = (
        Example('msgid "Name: "\nmsgstr "Nom :"\n', path=_PO),
        Example('msgid "Done.\\n"\nmsgstr "Terminé."\n', path=_PO),
        Example('msgid " (optional)"\nmsgstr "(facultatif)"\n', path=_PO),
        Example('msgid "Warning"\nmsgstr "Avertissement "\n', path=_PO),
        Example('msgid "\\nDetails"\nmsgstr "Détails"\n', path=_PO),
        Example(_TEMPLATE + 'msgid " created after %s"\nmsgstr "créées après %s"\n', path="fr.po",
                note="in a template's catalogue too, a space the source has and no line break: a join lost"),
        Example('#: shop/mail.py:3\nmsgid ""\n"\\n"\n"    Your basket is empty.\\n"\n"    "\nmsgstr "Votre panier est vide."\n',
                path="fr.po", note="a program's string: its line breaks are the text's"),
        Example(_TEMPLATE + '#: shop/views.py:30\nmsgid "Items:\\n"\nmsgstr "Articles :"\n', path="fr.po",
                note="in a template's catalogue, a program's string: its line break is the text's"),
        Example(xliff_example("Total: ", "Total :"), path=_XLF),
        Example('msgid " in "\nmsgstr "во"\n', path="mk.po", note="one finding for both edges"),
        Example("".join(f'msgid "Label {i}"\nmsgstr "Étiquette {i} "\n\n' for i in range(6)), path=_PO,
                note="six translations add a trailing space: one finding, naming the count"),
        Example('msgid "Degrees"\nmsgstr "ডিগ্রি  "\n', path="bn.po"),
        Example('msgid "%s with "\nmsgstr "%s مع"\n', path="ar.po",
                note="a whole word: the appended one needs its space"),
        Example('msgid "%s in "\nmsgstr "%s في"\n', path="ar.po", note="`في` (in) is a word of its own"),
        Example(_NG.format("Total:&#160;", "Gesamt:"), path="messages.de.xlf",
                note="in an Angular template too, a no-break space is text, not layout"),
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
        Example('msgid " in "\nmsgstr "转为"\n', path="zh_HK.po", note="Chinese joins words with no space"),
        Example('msgid " in "\nmsgstr "ក្នុង"\n', path="km.po", note="Khmer: no space between words"),
        Example('msgid " of "\nmsgstr "の"\n', path="ja.po"),
        Example('msgid "Size: "\nmsgstr "大小："\n', path="zh_TW.po", note="a full-width colon holds its own space"),
        Example('msgid "%s and "\nmsgstr "%s و"\n', path="ar.po",
                note="Arabic's `و` (and) is written joined to the word after it"),
        Example('msgid "%s and "\nmsgstr "%s ו"\n', path="he.po", note="Hebrew's prefixed `ו` (and)"),
        Example(_TEMPLATE + 'msgid ""\n"\\n"\n"    <strong>%(title)s</strong> has been added to your basket.\\n"\n"    "\n'
                'msgstr ""\n"\\n"\n"<strong>%(title)s</strong> a été ajouté à votre panier."\n', path="fr.po",
                note="a template's line breaks and indentation around the text, trimmed: the page shows the same"),
        Example(_NG.format(" Load all records ", "Lade alle Aufzeichnungen"), path="messages.de.xlf",
                note="Angular's template: `<button>` and a line break before its text, collapsed to a space"),
        Example(_NG.format("Save", " Speichern "), path="messages.de.xlf"),
    )

    def check_document(self, doc: Document) -> Iterator[Finding]:
        added: list[tuple[Segment, str]] = []
        # HTML a page renders, not an application's labels in HTML or Pango markup, shown as written (GTK, git).
        rendered = markup_of(doc) == "html" and not doc.memo.get("markup-shown-as-written")
        # An Angular template's strings: each edge is an element's, its line breaks collapsed to a space.
        collapsed = bool(doc.memo.get("angular-template"))
        for seg in doc.segments:
            if seg.kind not in self.kinds:
                continue
            both = pair(seg, doc)
            if both is None:
                continue
            # … and a string of the templates only, not of a program (`#: shop/views.py:3`), whose line breaks are its text's.
            found = _difference(*both, rendered=rendered and seg.index not in doc.memo.get("po-program-strings", ()),
                                collapsed=collapsed)
            if found is None:
                continue
            edges, only_added = found
            if only_added:
                added.append((seg, edges))
            else:
                yield self._at(seg, edges)
        # The translator's habit, not a slip: one finding that says how often, at the first.
        yield from habit_or_each(added, self._habit, lambda found: self._at(*found))

    def _habit(self, added: Sequence[tuple[Segment, str]]) -> Finding:
        seg = added[0][0]
        return self.finding(seg, 0, len(seg.text), f"{len(added)} translations add a space at their start or end "
                                                   "that their sources do not have (the first here)")

    def _at(self, seg: Segment, edges: str) -> Finding:
        if edges == "leading":
            return self.finding(seg, 0, 1, "Leading whitespace differs from the source's")
        if edges == "trailing":
            return self.finding(seg, len(seg.text) - 1, len(seg.text), "Trailing whitespace differs from the source's")
        return self.finding(seg, 0, len(seg.text), "Leading and trailing whitespace differ from the source's")



def _trailing_space(text: str) -> str:
    """The white space a string ends with, what `\\s*$` finds: `str.isspace` and `\\s` agree on every
    character. Cut off with rstrip, where the search tried the pattern at every space of the string and
    read each run to its end from each of its spaces: seconds on a string of long runs between words."""
    return text[len(text.rstrip()):]


def _difference(source: str, target: str, rendered: bool = False, collapsed: bool = False) -> tuple[str, bool] | None:
    """Which edges of the translation differ from the source's (`leading`, `trailing` or `both`) and
    whether the translation only adds spaces there, or None where the edges agree. ``rendered``: the
    strings are HTML a page renders, where a source's edge that holds a line break is a template's layout;
    ``collapsed``: an Angular template's, where a space at an edge may be such a line break, collapsed."""
    if not source.strip() or not target.strip():
        return None
    lead_s, lead_t = (_LEAD.match(t).group() for t in (source, target))  # type: ignore[union-attr]
    trail_s, trail_t = (_trailing_space(t) for t in (source, target))
    lead = (_shape(lead_s) != _shape(lead_t) and not _unspaced(lead_s, lead_t, target.lstrip()[:1])
            and not (rendered and "\n" in lead_s))
    trail = (_shape(trail_s) != _shape(trail_t) and not _closed_sentence(source, target, trail_s, trail_t)
             and not _unspaced(trail_s, trail_t, target.rstrip()[-1:]) and not _proclitic_end(trail_s, trail_t, target)
             and not (rendered and "\n" in trail_s))
    if collapsed:
        lead = lead and not (_COLLAPSIBLE.fullmatch(lead_s) and _COLLAPSIBLE.fullmatch(lead_t))
        trail = trail and not (_COLLAPSIBLE.fullmatch(trail_s) and _COLLAPSIBLE.fullmatch(trail_t))
    if not lead and not trail:
        return None
    edges = "both" if lead and trail else "leading" if lead else "trailing"
    # Only spaces added: the source's line breaks all kept (`"Done.\n"` as `"Fait. \n"`), nothing lost.
    only_added = all(ws_t.replace(" ", "") == ws_s.replace(" ", "") and " " not in ws_s for ws_s, ws_t, differs in
                     ((lead_s, lead_t, lead), (trail_s, trail_t, trail)) if differs)
    return edges, only_added


# Scripts written without spaces between words: Han, kana, Hangul is spaced (not here), Thai, Lao,
# Khmer, Myanmar; and the full-width punctuation of CJK text (`：`, `、`, `」`), which holds its own space.
_UNSPACED = compiled_on_use(rf"[\u2e80-\u2fdf\u3000-\u303f\uff01-\uff60{KANA}{HAN}{HAN_COMPATIBILITY}\u0e00-\u0eff"
                             r"\u1780-\u17ff\u1000-\u109f]")


def _unspaced(ws_s: str, ws_t: str, edge: str) -> bool:
    """Whether a translation leaves out spaces around its source (`" in "` as `"转为"`) at an edge written
    in a script without spaces between words: there the words join with nothing between them."""
    return bool(ws_s) and set(ws_s) == {" "} and not ws_t and bool(_UNSPACED.match(edge))


# A one-letter word that Arabic and Hebrew write joined to the word after it: Arabic's conjunctions and
# prepositions و ف ب ك ل (`و` "and": `والكتاب`), Hebrew's prefixed letters ו ה ב כ ל מ ש (the Academy of the
# Hebrew Language's «אותיות השימוש»). A string that ends on one ends where the next word is glued on.
def _proclitic_end(ws_s: str, ws_t: str, target: str) -> bool:
    """Whether a translation leaves out its source's trailing space (`"%s and "`) after a one-letter word
    its script joins to the next (`"%s و"`, ``joined_letters``: the `prefixes` of one letter of B103's
    number words): the string the program appends follows it with no space."""
    if not ws_s or set(ws_s) != {" "} or ws_t:
        return False
    end = target.rstrip()
    return end[-1:] in joined_letters() and (len(end) == 1 or end[-2].isspace())


# A sentence's final mark in any script: full stop, ideographic, Devanagari/Bengali danda, Arabic, Ethiopic.
_FINAL = compiled_on_use(r"[.!?\u3002\uff01\uff1f\u0964\u0965\u06d4\u1362][\"'\u201d\u2019)]?$")


def _closed_sentence(source: str, target: str, trail_s: str, trail_t: str) -> bool:
    """Whether a translation leaves out the space after its source's last full stop (`...period. `) and
    ends its own sentence there: a space nothing follows, not a join a program makes."""
    return bool(trail_s) and set(trail_s) == {" "} and not trail_t and bool(_FINAL.search(source.rstrip(" "))) \
        and bool(_FINAL.search(target))

"""B106 tag-mismatch: the translation's markup tags differ from the source's."""

from __future__ import annotations

import re
from collections import Counter
from difflib import SequenceMatcher

from lint.rules.bilingual._pairwise import Difference, PairwiseRule

from lint.formats.bilingual import code_counts, kept_markup, markup_of, singular, without_code, xliff_example
from lint.model import Document, Segment, Severity
from lint.rule import Example

_PO = "messages.po"
_RST = "#: library/functions.rst:12\n"
_XLF = "app.xlf"


def _must_keep(key: str, added: Counter[str], doc: Document, markup: str, translation: str) -> bool:
    """Whether a source's code the translation lacks is a defect: code the catalogue names in two
    msgids or more (an API's vocabulary: ``None``, ``sys.stdin``), or code the translation holds
    misspelled (``__wrapped__`` as ``_wrapped_``), or code shaped as an API: a number, an option
    (``--mode``), a dotted, underscored or numbered name (``os.sep``, ``datetime1``, ``camelCase``).
    A one-off example's plain names (``'cat'``, ``(key, value)``) may be localized with the examples
    around them, as documentation translations do."""
    if not key.startswith("`"):
        return True  # tags, substitutions, footnotes, ICU arguments
    if re.search(r"(?<![\w.])" + re.escape(key[1:-1]) + r"(?!\w|\.\w)", without_code(translation, markup)):
        return False  # kept as words or in other markup (*body* for ``body``): a matter of style
    if code_counts(doc, markup)[key] >= 2 or _API_SHAPED.search(key[1:-1]):
        return True
    return any(SequenceMatcher(None, key, other).ratio() >= 0.8 for other in added)


_API_SHAPED = re.compile(r"^[\W\d]+$|^-{1,2}\w|^\w+[._:]\w|\w_|\d|[a-z][A-Z]")


class TagMismatch(PairwiseRule):
    code = "B106"
    slug = "tag-mismatch"
    summary = "Translation's markup (tags, inline literals, roles) differs from the source's"
    rationale = """
**What it does.** Compares the markup tags of a translation (`<b>`, `</a>`, `<br/>`) with those of its
source, by name and kind (opening, closing, self-closing), and flags any that are missing or added.
Attributes are not compared: a link's `title` may be translated. The order may change with the
language. XLIFF inline codes count as tags, compared by name and id (`<ph id="1"/>`, `<pc id="1">`,
`<x id="1"/>`, `<bpt id="1"/>`), not by the native code they hold.

In a catalogue whose strings are written in a markup (format option `markup`, or `auto`: a Sphinx
catalogue's strings are reST), the string is read in that markup and its parts that are not words are
compared instead: inline literals and code by their content, roles by name and target (`:term:`objet
fichier <file object>`` keeps the target `file object`; its title is the translator's), substitutions,
footnotes, HTML tags where the markup is HTML or Markdown, and ICU arguments (`{count, plural, ...}`)
by name and type. A `<the version>` inside a reST literal is not a tag. Link targets are B109's.

**Why is this bad?** Literal content is code: a translated ``` ``True`` ``` or option name is wrong
in the rendered page; a role whose target changed links nowhere. A dropped closing tag runs bold text to the end of the page; a lost `<a>` removes
a link; a tag an MT engine invented shows up as text or breaks the template.
"""
    severity = Severity.ERROR
    kinds = frozenset({"msgstr", "target"})
    flag = (
        Example(_RST + 'msgid "Use ``tomllib`` or ``tomllib.load``."\nmsgstr "Utilisez ``tomlib`` ou ``tomllib.load``."\n',
                path=_PO),
        Example(_RST + 'msgid "See :func:`os.path.join`."\nmsgstr "Voir :func:`os.path.joint`."\n', path=_PO),
        Example(_RST + 'msgid ":pep:`3119`"\nmsgstr ":pep:`3120`"\n', path=_PO, note="a string of markup alone"),
        Example(_RST + 'msgid "Added the ``--invalidation-mode`` option."\n'
                'msgstr "Ajout de l\'option ``--mode-invalidation``."\n', path=_PO),
        Example('msgid "Click <b>Save</b> to continue."\nmsgstr "Cliquez sur <b>Enregistrer pour continuer."\n',
                path=_PO),
        Example('msgid "Read the <a href=\\"/terms\\">terms</a>."\nmsgstr "Lisez les conditions."\n', path=_PO),
        Example('msgid "Line one<br/>Line two"\nmsgstr "Ligne un Ligne deux"\n', path=_PO),
        Example('msgid "It is <em>free</em>."\nmsgstr "C\'est <strong>gratuit</strong>."\n', path=_PO),
        Example('msgid "Save changes"\nmsgstr "<b>Enregistrer</b> les modifications"\n', path=_PO),
        Example(xliff_example('Hello <ph id="1"/>, you have <ph id="2"/> messages.',
                              "Bonjour, vous avez <ph id=\"2\"/> messages."), path=_XLF),
        Example(xliff_example('Click <pc id="1">Save</pc> now.', "Cliquez sur Enregistrer maintenant."), path=_XLF),
        Example(xliff_example('Press <x id="1"/> to continue.', 'Appuyez sur <x id="2"/> pour continuer.',
                              version="1.2"), path=_XLF),
        Example(xliff_example('<bpt id="1">&lt;b&gt;</bpt>Bold<ept id="1">&lt;/b&gt;</ept> text',
                              '<bpt id="1">&lt;b&gt;</bpt>Texte en gras', version="1.2"), path=_XLF),
    )
    allow = (
        Example(_RST + 'msgid "Show ``<the version>`` here."\nmsgstr "Affiche ``<the version>`` ici."\n', path=_PO,
                note="reST: a literal, not a tag"),
        Example(_RST + 'msgid "A :term:`file object`."\nmsgstr "Un :term:`objet fichier <file object>`."\n', path=_PO),
        Example(_RST + 'msgid "Use the :mod:`os` module."\nmsgstr "Utilisez le module ``os``."\n', path=_PO,
                note="the same code in other markup"),
        Example(_RST + 'msgid "``left`` is the first value."\nmsgstr "*left* est la première valeur."\n', path=_PO),
        Example(_RST + 'msgid "A sequence of ``(key, value)`` pairs."\nmsgstr "Une séquence de paires ``(clé, valeur)``."\n',
                path=_PO, note="a one-off example\'s names, localized"),
        Example('msgid "Click <b>Save</b> to continue."\nmsgstr "Cliquez sur <b>Enregistrer</b> pour continuer."\n',
                path=_PO),
        Example('msgid "<a href=\\"/en/terms\\" title=\\"Terms\\">terms</a>"\n'
                'msgstr "<a href=\\"/fr/terms\\" title=\\"Conditions\\">conditions</a>"\n', path=_PO),
        Example('msgid "<b>New</b>: <i>beta</i>"\nmsgstr "<i>bêta</i> : <b>nouveau</b>"\n', path=_PO,
                note="the order may change"),
        Example('msgid "Less than 5 < 10"\nmsgstr "Moins que 5 < 10"\n', path=_PO),
        Example('msgid "Plain text"\nmsgstr "Texte brut"\n', path=_PO),
        Example(xliff_example('<ph id="1"/> of <ph id="2"/> files', '<ph id="2"/> fichiers sur <ph id="1"/>'),
                path=_XLF, note="inline codes may change order"),
        Example(xliff_example('Click <pc id="1" dataRefStart="d1">Save</pc>.',
                              'Cliquez sur <pc id="1" dataRefStart="d1">Enregistrer</pc>.'), path=_XLF),
        Example(xliff_example('<g id="1" ctype="bold">New</g> features', 'Nouvelles <g id="1">fonctions</g>',
                              version="1.2"), path=_XLF),
        Example(xliff_example('<bpt id="1">&lt;b&gt;</bpt>Bold<ept id="1">&lt;/b&gt;</ept> text',
                              '<bpt id="1">&lt;strong&gt;</bpt>Gras<ept id="1">&lt;/strong&gt;</ept>',
                              version="1.2"), path=_XLF, note="the native code inside is not compared"),
    )

    head = "Markup tags differ from the source"
    separator = " "

    def difference(self, seg: Segment, doc: Document, both: tuple[str, str]) -> Difference | None:
        markup = markup_of(doc)
        source, target = (kept_markup(t, markup) for t in both)
        # In a marked-up string, code a translator adds (``code`` where the source wrote plain words)
        # breaks nothing: only the source's that the translation lost or changed is reported, and tags.
        added_tags = Counter({k: n for k, n in (target - source).items() if k.startswith("<")})
        lost = source - target + added_tags if markup not in ("none", "auto") else (source - target) + (target - source)
        if not lost:
            return None
        alternative = singular(seg, doc)
        if alternative is not None and not kept_markup(alternative, markup) - target:
            return None  # a plural form may follow the singular msgid
        if markup not in ("none", "auto"):
            lost = Counter({k: n for k, n in lost.items() if _must_keep(k, target - source, doc, markup, both[1])})
            if not lost:
                return None
        return Difference(sorted(lost.elements()), sorted((target - source).elements()),
                          head="Markup differs from the source" if markup not in ("none", "auto") else None)

"""B109 markup-broken: the translation breaks the markup its source had (reST roles and literals, links)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from urllib.parse import unquote

from lint.formats.bilingual import in_language, markup_of, pair, same_target
from lint.formats.markup import Mark, marks
from lint.model import Document, Finding, Segment, Severity
from lint.patterns import compiled_on_use
from lint.rule import Example, Rule

from .url_mismatch import hosts_not_in_source, url_site

_PO = "messages.po"
_RST = "#: library/functions.rst:12\n"
_MD = "#: docs/guide.md:3\n"
_FR_HEADER = 'msgid ""\nmsgstr ""\n"Language: fr\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'

# reST inline markup must start after whitespace or punctuation and end before it (the spec's
# "inline markup recognition rules"); a letter or digit against a role or a literal glues it to a word.
# A role is names, each after a colon, then `:`` (`:func:`, `:py:meth:`). Each role's start is found from its
# `:`` back, on the string reversed: a search forward for `:[\w+.-]+(?::[\w+.-]+)*:`` read the names and colons
# in a row to their end from each colon of them (13 s on 20 KB of `:a`).
_NAMES_REVERSED = compiled_on_use(r"[\w+.:-]*")
_CLASSES = {
    "unbalanced-literal": "an inline literal's ``` `` ``` has no partner",
    "unbalanced-backquote": "a backquote has no partner",
    "role-without-backquotes": "a role without its backquotes",
    "role-without-colon": "a role without its opening colon",
    "unclosed-role": "a role without its closing backquote",
    "space-before-role": "no space or escape before a role or an inline literal",
    "space-after-markup": "no space or punctuation after a role or an inline literal",
    "space-inside-literal": "a space just inside an inline literal's ``` `` ```",
    "space-in-hyperlink": "no space before a hyperlink's `<`",
    "role-double-backquotes": "a role written with double backquotes",
    "missing-underscore": "a hyperlink reference without its trailing `_`",
    "link-missing-backquote": "a hyperlink reference without its opening backquote",
    "reference": "the count of hyperlink references differs from the source's",
    "target-changed": "a link target differs from the source's",
}


def _by_name(mk: Mark) -> bool:
    """Whether a mark is a reference by name: `Notes`_, or its embedded alias `text <Notes_>`_ (reST)."""
    return mk.kind == "reference" or (mk.kind == "link" and _ALIAS.fullmatch(mk.target) is not None)


_ALIAS = compiled_on_use(r"[^<>`:/]+[^\s_<>`]_")


def _rst_defects(text: str) -> tuple[Counter[str], list[str]]:
    """What is broken in a reST string, by class, and the link targets it holds."""
    out: Counter[str] = Counter()
    targets: list[str] = []
    rest = list(text)
    for mk in marks(text, "rst"):
        if _by_name(mk):
            # A reference by name (`Notes`_) may be translated with the title it names, which Sphinx
            # translates too; names are compared by count (Sphinx's "inconsistent references").
            out["reference"] += 1
        elif mk.kind == "link" and mk.target and text[mk.end - 1] == "_":
            targets.append(mk.target)
        out.update(_spacing(text, mk))
        if mk.kind == "interpreted" and re.search(r"<[^<>\s]+>$", mk.target):
            out["missing-underscore"] += 1  # `text <target>` with no `_`: read as the default role
        if mk.kind != "escape":
            rest[mk.start : mk.end] = [" "] * (mk.end - mk.start)
    left = "".join(rest)
    out["role-double-backquotes"] = len(re.findall(r"(?<![\w`]):[\w+.-]+:``", text))
    for start in _role_starts(text):
        before = text[start - 1 : start]
        if before and (before.isalnum() or before == "`"):
            out["space-before-role"] += 1
    out["unbalanced-literal"] = left.count("``")
    if re.search(r"(?<![\w`]):[a-z]+(?::[a-z]+)?:`", left):
        out["unclosed-role"] += 1
    # After an elided article too (`d':mod:asyncio`): an apostrophe may open inline markup.
    if re.search(r"(?:^|(?<=[\s(\['’])):[a-z][\w-]*(?::[a-z][\w-]*)?:(?=[\w~./!-])", left):
        out["role-without-backquotes"] += 1
    if _link_without_backquote(left):
        out["link-missing-backquote"] += 1
    singles = len(re.findall(r"(?<!`)`(?!`)", left))
    if singles and not out["unclosed-role"] and not out["link-missing-backquote"]:
        out["unbalanced-backquote"] += singles
    return +out, targets


def _spacing(text: str, mk: Mark) -> Iterator[str]:
    """The classes of what a mark lacks around or inside it that docutils needs to read it as markup."""
    if mk.kind in ("role", "literal", "link", "reference", "interpreted") and text[mk.start] in "`:":
        after = text[mk.end : mk.end + 1]
        # An end-string followed by an opening bracket is no end-string either (`:ref:`FAQ <faq>`(also`).
        if after and (after.isalnum() or after in "`([{"):
            yield "space-after-markup"
    if mk.kind == "literal" and text.startswith("``", mk.start) and mk.target != mk.target.strip():
        yield "space-inside-literal"  # `` ``* `` ``: a start-string before a space, an end-string after one, is none
    if mk.kind == "link" and text[mk.end - 1] == "_" and mk.prose is not None:
        # `text<url>`_ with no space before `<` is a reference named `text<url>`, not a link to url.
        lt = text.rfind("<", mk.start, mk.end)
        if lt > mk.start + 1 and not text[lt - 1].isspace():
            yield "space-in-hyperlink"
    if mk.kind in ("literal", "interpreted") and text[mk.start] == "`" and text[mk.start - 1 : mk.start].isalnum():
        yield "space-before-role"  # `o``None``` is no literal to docutils: the page shows the backquotes


def _role_starts(text: str) -> list[int]:
    """Where each role of the string starts, as a search for `:[\\w+.-]+(?::[\\w+.-]+)*:`` from the start
    finds them: in the run of names and colons before each `:``, the first colon after which no two
    colons stand together and at least one name does."""
    starts: list[int] = []
    if ":`" not in text:
        return starts
    reversed_text = text[::-1]
    close = text.find(":`")
    while close >= 0:
        names = _NAMES_REVERSED.match(reversed_text, len(text) - close)  # the names and colons before it
        assert names is not None  # (a run of none at least)
        run = close - len(names.group())
        if close > run and text[close - 1] != ":":
            doubled = text.rfind("::", run, close)
            start = text.find(":", run if doubled < 0 else doubled + 1, close)
            if start >= 0:
                starts.append(start)
        close = text.find(":`", close + 2)
    return starts


# A role's names and `:`` with no colon before them (`pep:`572``, a translated name `файл:`x.so``), and one
# the source writes whole (`:pep:`572``), each with its text: names of word characters alone, so that each
# start reads its own run of them and no other's, and text up to the next backquote on its line.
_NO_OPENING_COLON = compiled_on_use(r"(?<![\w:`])(\w+(?::\w+)?):`(?!`)([^`\n]*)`")
_WHOLE_ROLE = compiled_on_use(r"(?<![\w`]):([a-z][a-z0-9]*(?::[a-z][a-z0-9]*)?):`([^`\n]*)`")


def _roles_without_colon(target: str, source: str) -> int:
    """How many more roles the translation writes without their opening colon than the source does
    (`Lihat: pep:`572`` for `See :pep:`572``; `файл:`liblibname.so`` for `:file:`liblibname.so``, its name
    translated too): docutils reads `pep:` as a word and `572` as the default role's text, in italics. A
    bare name counts where the source writes that name as a role, or the same text in a role
    (`key:`value`` may be prose)."""
    if ":`" not in target:
        return 0
    whole = [(m.group(1), m.group(2)) for m in _WHOLE_ROLE.finditer(source)]
    if not whole:
        return 0
    names, texts = {name for name, _ in whole}, {text for _, text in whole}

    def bare(text: str) -> int:
        # (`şekilde sağlanır:file:`x``: the role whole, glued to the word before it, is space-before-role)
        return sum((name := m.group(1)) in names or (m.group(2) in texts and name.rpartition(":")[2] not in names)
                   for m in _NO_OPENING_COLON.finditer(text))

    return max(0, bare(target) - bare(source))


# A hyperlink's target and its `_`, which a link without its opening backquote ends with (`Docs <x>`_`).
_LINK_END = compiled_on_use(r"<[^<>\s]+>`_")
_WORD = compiled_on_use(r"\w")


def _link_without_backquote(text: str) -> bool:
    """Whether a link's target and `_` follow a word with no backquote, angle bracket or line end between:
    what a search for `(?<!`)\\b[^`<>\\n]*<[^<>\\s]+>`_` finds, read from each target back, where the
    search read every line to its end from each word of it (2.7 s on 20 KB of words)."""
    after = 0
    for m in _LINK_END.finditer(text):
        # The last backquote, angle bracket or line end before the target: at least the `>` and the backquote of
        # the previous link's end, so no character is read twice.
        stop = max(text.rfind(c, max(after - 2, 0), m.start()) for c in "`<>\n")
        if _WORD.search(text, stop + 1, m.start()):
            return True
        after = m.end()
    return False


def _markdown_targets(text: str) -> list[str]:
    return [mk.target for mk in marks(text, "markdown") if mk.kind in ("link", "image", "autolink")]


class MarkupBroken(Rule):
    code = "B109"
    slug = "markup-broken"
    summary = "Translation breaks the markup of its source (roles, literals, links)"
    rationale = """
**What it does.** In a catalogue whose strings are reST (a Sphinx translation: format option
`markup`, decided by `auto` from the `#:` references) or Markdown, reads the translation as that markup
and flags what renders wrong: an inline literal's ``` `` ``` or a backquote left without its partner,
a role without its backquotes or its closing one, a role or an inline literal glued to the word before
or after it (reST needs a space, punctuation or an escape there: `o``None``` shows its backquotes), a role or a literal followed by an opening bracket (`` `(also `` ends nothing), a space just inside an inline literal's
backquotes (`` ``* `` ``: no literal), a hyperlink's `<url>` with no space before it (`` `text<url>`_ `` is a reference
named `text<url>`), a role written with double backquotes, a hyperlink
reference that lost its opening backquote or its trailing `_`, and a link (reST or Markdown, a
Markdown image) whose target is not one of the source's. Each defect is counted in the source too, and
only what the translation adds is reported: a source's own oddity is not the translator's. A link
target that differs only by a language code (`/en/` → `/fr/`), or a page of a site with the language
in its address (`en.wikipedia.org/wiki/Outlier` → `fr.wikipedia.org/wiki/Donnée_aberrante`), is the
localized page, not a change, unless its address is malformed (a percent escape cut short or not
UTF-8, a parenthesis left open: a truncated or mistyped URL) or a word of the page's name is one letter
off a word of the link's own text, or of its singular (the localized page is named by the translated
title: `quartiles <…/Quartilx>`). A page in
the catalogue's own language (`fr.wikipedia.org`, `/fr/`) where the source links a page of another site,
as many links as the source's, is the translator's choice too. A link to a site the source does not name
is B104's finding (`URL not in the source`), reported once there. References by name (`` `Notes`_ ``) name a title that is translated
too: their count is compared, as Sphinx does, not their words; an embedded alias (`` `le schéma <Schema_>`_ ``)
is one of them. These are the classes of sphinx-lint's checks
on PO files.

**Why is this bad?** The page is built from the translation: a lost backquote turns the rest of the
paragraph into code or raises a build warning, a role without backquotes shows `:func:abs` as text, a
changed target links nowhere.
"""
    severity = Severity.ERROR
    kinds = frozenset({"msgstr", "string", "target"})
    flag = (
        Example(_RST + 'msgid "Use ``len(x)`` here."\nmsgstr "Utilisez ``len(x)` ici."\n', path=_PO),
        Example(_RST + 'msgid "See :func:`abs`."\nmsgstr "Voir :func:abs."\n', path=_PO),
        Example(_RST + 'msgid "The name, or ``None`` if it has none."\nmsgstr "El nombre, o``None`` si no tiene."\n',
                path=_PO, note="a literal glued to the word before it"),
        Example(_RST + 'msgid "The :keyword:`!continue` statement"\nmsgstr "L\'instruction :keyword:!continue"\n', path=_PO,
                note="a target that starts with ! or -"),
        Example(_RST + 'msgid ":option:`--main` cannot be set."\nmsgstr ":option:--main ne peut pas être défini."\n',
                path=_PO),
        Example(_RST + 'msgid "See :func:`abs`."\nmsgstr "Voir :func:`abs."\n', path=_PO),
        Example(_RST + 'msgid "Part of the :mod:`asyncio` API."\nmsgstr "Fait partie de l\'API d\':mod:asyncio."\n',
                path=_PO, note="after an elided article"),
        Example(_RST + 'msgid "The :class:`int` type."\nmsgstr "Le type:class:`int`."\n', path=_PO),
        Example(_RST + 'msgid "Several :class:`int` values."\nmsgstr "Plusieurs :class:`int`s."\n', path=_PO),
        Example(_RST + 'msgid "Read the `tutorial <https://example.org/tut>`_."\n'
                'msgstr "Lisez le `tutoriel <https://example.org/tut>`."\n', path=_PO),
        Example(_RST + 'msgid "Read the `tutorial <https://example.org/tut>`_."\n'
                'msgstr "Lisez le `tutoriel <https://example.org/tutorial>`_."\n', path=_PO),
        Example(_RST + 'msgid "Read the `tutorial <https://example.org/tut>`_."\n'
                'msgstr "Lisez le tutoriel <https://example.org/tut>`_."\n', path=_PO),
        Example(_RST + 'msgid "See :ref:`intro`."\nmsgstr "Voir :ref:``intro``."\n', path=_PO),
        Example(_RST + 'msgid "See :pep:`572` for a full description."\n'
                'msgstr "Lihat: pep:`572` untuk deskripsi lengkap."\n', path=_PO,
                note="the role's colon moved before the space: `572` is read as the default role"),
        Example(_RST + 'msgid "Use :py:func:`abs` here."\nmsgstr "Gunakan py:func:`abs` di sini."\n', path=_PO),
        Example(_RST + 'msgid "Link with :file:`liblibname.so`."\n'
                'msgstr "Скомпонуйте з файл:`liblibname.so`."\n', path=_PO,
                note="the role's name translated and its opening colon lost"),
        Example(_RST + 'msgid "Both `Transports`_ and `Protocols`_."\nmsgstr "Les `Transports`_ et les Protocoles."\n',
                path=_PO),
        Example(_RST + 'msgid "The operators ``*`` and ``/``."\nmsgstr "Оператори ``* `` і ``/``."\n', path=_PO,
                note="a space inside a literal's backquotes: ``* `` is no literal, the rest of the string is"),
        Example(_RST + 'msgid "See the :ref:`FAQ <faq-index>` (also called the FAQ)."\n'
                'msgstr "Lihat :ref:`FAQ <faq-index>`(juga disebut FAQ)."\n', path=_PO,
                note="an opening bracket right after a role's closing backquote"),
        Example(_RST + 'msgid "From `\\"Monty Python\\" <https://en.wikipedia.org/wiki/Monty_Python>`__."\n'
                'msgstr "Dari `\\"Monty Python \\"<https://en.wikipedia.org/wiki/Monty_Python>`__."\n', path=_PO,
                note="no space before the link's `<`: a reference by that whole name"),
        Example(_MD + 'msgid "See [the guide](guide.md)."\nmsgstr "Voir [le guide](guide-fr.md)."\n', path=_PO),
        Example(_RST + 'msgid "The `mean <https://en.wikipedia.org/wiki/Mean>`_."\n'
                'msgstr "La `moyenne <https://en.wikipedia.org/wiki/Meat>`_."\n', path=_PO),
        Example(_MD + 'msgid "![Logo](img/logo.png)"\nmsgstr "![Logo](img/logo.jpg)"\n', path=_PO),
        Example(_FR_HEADER + _RST + 'msgid "SSL 3.0 is `completely broken <https://en.wikipedia.org/wiki/POODLE>`_."\n'
                'msgstr "SSL 3.0 est `totalement déficient <https://fr.wikipedia.org/wiki/POODKE>`_."\n', path=_PO,
                note="the page in the reader's language, its name mistyped"),
        Example(_RST + 'msgid "An `outlier <https://en.wikipedia.org/wiki/Outlier>`_."\n'
                'msgstr "Une `donnée aberrante <https://fr.wikipedia.org/wiki/Donn%C3%A9e_aberrant%C3%A>`_."\n',
                path=_PO, note="the localized page's address, its percent escape cut short"),
        Example(_RST + 'msgid "The `flyweight <https://en.wikipedia.org/wiki/Flyweight_pattern>`_."\n'
                'msgstr "Le `poids mouche <https://fr.wikipedia.org/wiki/Poids-mouche_(patron>`_."\n',
                path=_PO, note="the localized page's address, its parenthesis unclosed"),
        Example(_RST + 'msgid "Against `brute-force attacks <https://en.wikipedia.org/wiki/Brute-force_attack>`_."\n'
                'msgstr "Contre les `attaques par force brute <https://fr.wikipedia.org/wiki/Attaque_par_force_brutx>`_."\n',
                path=_PO, note="the localized page's name one letter off the link's own words"),
        Example(_RST + 'msgid "Find the `quartiles <https://en.wikipedia.org/wiki/Quartile>`_."\n'
                'msgstr "Trouver les `quartiles <https://fr.wikipedia.org/wiki/Quartilx>`_."\n', path=_PO,
                note="the localized page's name one letter off the singular of the link's own word"),
    )
    allow = (
        Example(_FR_HEADER + _RST + 'msgid "A `random variable <http://www.stat.yale.edu/ranvar.htm>`_."\n'
                'msgstr "Une `variable aléatoire <https://es.wikipedia.org/wiki/Variable_aleatoria>`_."\n',
                path=_PO, note="a link to a site the source does not name is B104's finding (URL not in the source)"),
        Example(_FR_HEADER + _RST + 'msgid "A `random variable <http://www.stat.yale.edu/ranvar.htm>`_."\n'
                'msgstr "Une `variable aléatoire <https://fr.wikipedia.org/wiki/Variable_al%C3%A9atoire>`_."\n',
                path=_PO, note="a page in the reader's language in place of the source's"),
        Example(_RST + 'msgid "Use ``len(x)`` here."\nmsgstr "Utilisez ``len(x)`` ici."\n', path=_PO),
        Example(_RST + 'msgid "See `The Schema Table`_ for details."\n'
                'msgstr "Voir `le schéma Table <The Schema Table_>`_ pour plus de détails."\n', path=_PO,
                note="an embedded alias: the same reference by name, with translated text"),
        Example(_RST + 'msgid "See :func:`abs`."\nmsgstr "Voir :func:`abs`."\n', path=_PO),
        Example(_RST + 'msgid "The :class:`int` type."\nmsgstr "Le type :class:`int`."\n', path=_PO),
        Example(_RST + 'msgid "See the :ref:`FAQ <faq-index>` (or ``help()``)."\n'
                'msgstr "Voir la :ref:`FAQ<faq-index>` (ou ``help()``)."\n', path=_PO,
                note="a role's title may touch its `<target>`, a closing bracket may follow a literal"),
        Example(_RST + 'msgid "Several :class:`int` values."\nmsgstr "Plusieurs :class:`int`\\\\s."\n', path=_PO,
                note="an escaped letter may follow a role"),
        Example(_RST + 'msgid "Read the `tutorial <https://example.org/en/tut>`_."\n'
                'msgstr "Lisez le `tutoriel <https://example.org/fr/tut>`_."\n', path=_PO,
                note="the localized page"),
        Example(_RST + 'msgid "Use the :term:`file object`."\n'
                'msgstr "Utilisez l\'\\":term:`objet fichier <file object>`\\"."\n', path=_PO),
        Example(_RST + 'msgid "Returns a :term:`file object`."\nmsgstr "Renvoie un :term:`objet fichier <file object>`."\n',
                path=_PO),
        Example(_RST + 'msgid "`WinPython <https://winpython.github.io/>`_"\n'
                'msgstr "`WinPython <https://WinPython.github.io/>`_"\n', path=_PO, note="a host is case-insensitive"),
        Example(_RST + 'msgid "It is `spam`."\nmsgstr "C\'est `spam`."\n', path=_PO),
        Example(_RST + 'msgid "Set the key:`value` pair with :func:`set`."\n'
                'msgstr "Définissez la paire key:`value` avec :func:`set`."\n', path=_PO,
                note="a word before a colon and a backquote is a role only where the source uses that name as one"),
        Example(_RST + 'msgid "See the `Functional API`_."\nmsgstr "Voir l\'`API fonctionnelle`_."\n', path=_PO,
                note="a reference by name follows its translated title"),
        Example(_RST + 'msgid "The `mean <https://en.wikipedia.org/wiki/Mean>`_."\n'
                'msgstr "La `moyenne <https://fr.wikipedia.org/wiki/Moyenne>`_."\n', path=_PO),
        Example(_RST + 'msgid "Find the `quartiles <https://en.wikipedia.org/wiki/Quartile>`_."\n'
                'msgstr "Trouver les `quartiles <https://fr.wikipedia.org/wiki/Quartile>`_."\n', path=_PO,
                note="the page named in the singular"),
        Example(_RST + 'msgid "An `outlier <https://en.wikipedia.org/wiki/Outlier>`_."\n'
                'msgstr "Une `donnée aberrante <https://fr.wikipedia.org/wiki/Donn%C3%A9e_aberrante>`_."\n',
                path=_PO),
        Example(_RST + 'msgid "`Round-robin <https://en.wikipedia.org/wiki/Round-robin_scheduling>`_"\n'
                'msgstr "`Tourniquet <https://fr.wikipedia.org/wiki/Round-robin_(informatique)>`_"\n', path=_PO),
        Example(_RST + 'msgid "Keep `odd backquote."\nmsgstr "Gardez `odd backquote."\n', path=_PO,
                note="the source's own defect is not the translation's"),
        Example('msgid "Use `ls -l` to list files."\nmsgstr "Utilisez `ls -l."\n', path=_PO,
                note="markup none: a plain application string"),
        Example(_MD + 'msgid "See [the guide](guide.md)."\nmsgstr "Voir [le mode d\'emploi](guide.md)."\n',
                path=_PO, note="link text is the translator's"),
    )

    def check_segment(self, seg: Segment, doc: Document) -> Iterator[Finding]:
        markup = markup_of(doc)
        if markup not in ("rst", "markdown"):
            return
        both = pair(seg, doc)
        if both is None:
            return
        source, target = both
        if markup == "rst":
            if not re.search(r"[`_:]", source + target):
                return
            (src_defects, src_targets), (tr_defects, tr_targets) = _rst_defects(source), _rst_defects(target)
            added = tr_defects - src_defects
            if lost := _roles_without_colon(target, source):
                added["role-without-colon"] = lost
            if added["reference"] or tr_defects["reference"] < src_defects["reference"]:
                added["reference"] = 1
        else:
            src_targets, tr_targets = _markdown_targets(source), _markdown_targets(target)
            added = Counter()
        # A page in the reader's language linked where the source links none (a French encyclopedia's
        # article for an English course's page) is the translator's choice, not a broken link.
        localized = not any(in_language(t, doc.language) for t in src_targets)
        changed = [t for t in tr_targets
                   if (not any(same_target(src, t) for src in src_targets)
                   and not (localized and in_language(t, doc.language) and len(tr_targets) == len(src_targets)))
                   or _garbled(t, src_targets)
                   or _slipped(t, src_targets)]
        changed += [t for t in _mistyped_targets(target, markup, source, src_targets) if t not in changed]
        # A link to a site the source does not name is B104's finding (`URL not in the source`): one
        # changed link, one finding. B109 keeps what B104 does not compare (paths, anchors, references).
        new_sites = hosts_not_in_source(both, doc.language) if changed else frozenset()
        changed = [t for t in changed if not ("://" in t and url_site(t) in new_sites)]
        if changed and len(tr_targets) >= len(src_targets):
            added["target-changed"] += 1
        if not added:
            return
        what = "; ".join(_CLASSES[k] for k in _CLASSES if added[k])
        if changed:
            what = what.replace("differs from the source's", f"differs from the source's ({changed[0]})")
        yield self.finding(seg, 0, len(seg.text), "Markup broken by the translation: " + what)


def _garbled(target: str, sources: list[str]) -> bool:
    """Whether a localized link target (the source's page on the translation's own site: `en.` →
    `fr.wikipedia.org/wiki/Attaque_par_force_brute`), which cannot be compared with the source's, is
    malformed: a percent escape broken (`%C3%A` with one digit, or bytes that are no UTF-8) or its
    parentheses unbalanced (`Poids-mouche_(patron`), as a truncated or mistyped URL is."""
    path = _path(target)
    if "://" not in target or not path or any(_path(t) == path for t in sources):
        return False
    if re.search(r"%(?![0-9A-Fa-f]{2})", path) or path.count("(") != path.count(")"):
        return True
    try:
        unquote(path, errors="strict")
    except UnicodeDecodeError:
        return True
    return False


def _slipped(target: str, sources: list[str]) -> bool:
    """Whether a link target's path is one letter off a source target's, same length (`wiki/POODLE` →
    `wiki/POODKE`), on the translation's own site too (`en.` → `fr.wikipedia.org`, where a localized
    page's path is otherwise not compared): a page kept under its name (a proper name, an acronym)
    mistyped, not another page."""
    path = _path(target)
    paths = [_path(t) for t in sources if "://" in t]
    if "://" not in target or len(path) < 4 or path in paths:
        return False  # the source's page (`aa364418` beside a source's `aa364428`)
    return any(len(p) == len(path) and sum(a != b for a, b in zip(p, path, strict=True)) == 1
               for p in paths)


def _path(target: str) -> str:
    return target.partition("://")[2].partition("/")[2].partition("#")[0].rstrip("/")


_LETTERS = compiled_on_use(r"[^\W\d_]{4,}")


def _folded(word: str) -> str:
    import unicodedata

    return "".join(c for c in unicodedata.normalize("NFKD", word.casefold()) if not unicodedata.combining(c))


def _mistyped_targets(text: str, markup: str, source: str, sources: list[str]) -> list[str]:
    """Localized link targets with a word one letter off a word of their own link text (`attaques par
    force brute <…/Attaque_par_force_brutx>`): a localized page is named by the translated title, so a
    word of its name that differs from the title's in one letter, same length, is a typo in the
    address (accents and case aside; `attaques`/`Attaque` differ in length, a plural, not a typo; a
    word of the source, `tutorial` under `tutoriel`, is the source language's, not a typo)."""
    out = []
    said = {_folded(w) for w in _LETTERS.findall(source)}
    for mk in marks(text, markup):
        if mk.kind not in ("link", "image") or "://" not in mk.target or mk.prose is None:
            continue
        path = _path(mk.target)
        if not path or any(_path(t) == path for t in sources):
            continue
        try:
            slug = unquote(path.rpartition("/")[2], errors="strict")
        except UnicodeDecodeError:
            continue
        title = {_folded(w) for w in _LETTERS.findall(text[mk.prose[0] : mk.prose[1]])}
        # A page is named in the singular where the link's text may be plural (`quartiles` →
        # `Quartile`): a title word without its plural's `s` or `x` counts as a word of the title too.
        stems = title | {t[:-1] for t in title if t[-1] in "sx" and len(t) > 4}
        for word in map(_folded, _LETTERS.findall(slug)):
            if word not in stems and word not in said and any(len(t) == len(word) and sum(a != b for a, b in zip(t, word, strict=True)) == 1
                                         for t in stems):
                out.append(mk.target)
                break
    return out

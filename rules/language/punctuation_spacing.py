"""L103 punctuation-spacing: a missing (no-break) space where the language sets one before a mark."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from lint.formats.bilingual import copied, stands_as_token
from lint.language import has_own_words, in_other_language, pack, primary
from lint.model import Applicability, Document, Finding, Segment, Severity
from lint.patterns import compiled, compiled_on_use
from lint.rule import Example, Rule

from ._around import in_program_output, link_text_around, quotation_around, sentence_around
from ._packs import languages_with

# A mark (or a run of them, `?!`) set against the word before it, then a space, a closer or the end.
_TIGHT = compiled_on_use(r"(?<=[\w)\]»”’])([;:!?]+)(?=[\s)\]»”’]|$)")
_OPEN_TIGHT = compiled_on_use(r"«(?=[^\s\u00a0\u202f\u2009])")
_CLOSE_TIGHT = compiled_on_use(r"(?<=[^\s\u00a0\u202f\u2009])»")
_SPACES = {"\u00a0": "no-break space", "\u202f": "narrow no-break space", " ": "space"}
# A mark with a space before it, as the document sets it where it follows the convention.
_SPACED = compiled_on_use(r"(?<=[\w)\]»”’])([ \u00a0\u202f])([;:!?])(?=[\s)\]»”’]|$)")
# A name opened by a colon after a space or the start (`l'option :members:`, `:thumbsup:`): its closing
# colon is part of the name, as reST options and roles and chat emoji codes write it, not punctuation.
_COLON_NAME = compiled_on_use(r"(?:^|(?<=[\s(])):[^\W\d][\w+-]*$")


@cache
def _entity_before() -> re.Pattern[str]:
    """A character reference up to the `;` that ends it (`&amp`, `&#233`), as the catalogue readers read one
    (their module imported where a `;` is asked about, not by every run that loads this rule)."""
    from lint.formats.markup import ENTITY_BEFORE_SEMICOLON

    return compiled(ENTITY_BEFORE_SEMICOLON + "$")


_TRIGGER = compiled_on_use(r"[\w)\]»”’][;:!?]|«[^\s\u00a0\u202f\u2009]|[^\s\u00a0\u202f\u2009]»")


@dataclass(frozen=True)
class _Habit:
    """How a document sets the marks: whether it follows the convention at all, and the space it puts
    before each mark where it has a clear habit of its own (a plain space, say, where the convention
    names a narrow no-break one)."""

    follows: bool
    space: dict[str, str]


def _habit(prose: str) -> _Habit:
    glued = len(_TIGHT.findall(prose))
    by_mark: dict[str, Counter[str]] = {}
    for m in _SPACED.finditer(prose):
        by_mark.setdefault(m.group(2), Counter())[m.group(1)] += 1
    spaced = sum(sum(c.values()) for c in by_mark.values())
    space = {}
    for mark, kinds in by_mark.items():
        kind, n = kinds.most_common(1)[0]
        if n >= 3 and 3 * n >= 2 * sum(kinds.values()):
            space[mark] = kind
    # Three marks or more set tight and hardly ever a spaced one: the document's own typography, not a slip.
    return _Habit(follows=not (glued >= 3 and 3 * spaced < glued), space=space)


class PunctuationSpacing(Rule):
    code = "L103"
    slug = "punctuation-spacing"
    summary = "Missing no-break space before ; : ! ? or inside « » (French)"
    rationale = """
**What it does.** In French, flags `;`, `:`, `!` and `?` set against the word before them, and « »
without a space inside: `Attention!`, `Exemple:`, `«bonjour»`.

**Why is this bad?** French typography sets a narrow no-break space (espace fine insécable) before
`; ! ?` and a no-break space before `:` and inside « » (Imprimerie nationale, *Lexique des règles
typographiques en usage à l'Imprimerie nationale*, 2002). English-trained MT output and text pasted
from English drop them. Canadian French (OQLF, *Banque de dépannage linguistique*) and Swiss French
(Groupe de Lausanne, *Guide du typographe*) set a space only before `:` and inside « »: with
`language: fr-CA` or `fr-CH`, `;`, `!` and `?` are left alone.

The rule holds a document to the convention only where the document follows it: a page that sets
three marks or more tight and hardly any spaced (fewer than a third as many) has its own typography, and
is left alone. Where a page has a clear habit of its own for a mark (a plain space before `?` three
times or more, two thirds of them alike), the fix inserts that space, not a third kind.

Not flagged: a plain space before the mark (breakable, but common on the web), times and ratios
(`12:30`, `1:2`), URLs and code (never prose), emoticons, a mark followed by a letter (`v-on:click`),
a sentence in another language (an English error message quoted in a French page), a mark after a
capitalized word in a reference labelled as a source in another language, as French Wikipedia's
templates print the label (`(en) … pour Yahoo! News, 7 août 2006`: the publisher's name keeps its `!`;
a French word's mark in it is still flagged, one capitalized as a sentence's first word too: `2006. Résumé:`,
and a colon or semicolon after a name, which no name holds: `Londres: Penguin`), and the `;`
separators of a catalogue string whose source and translation are `;`-terminated lists (a .desktop
file's `Keywords`: `Text;Editor;` as `Texte;Éditeur;`). In a translation
catalogue, a string copied from its source and a mark among words the translation cites from its source
(`XHTML 1.0: The Extensible HyperText Markup Language`, the two words before the mark and the one after
it as the source writes them) keep the source's typography, as does the colon of a program's (and its
subcommand's, where the program opens a synopsis of the catalogue) name that opens both the source and the translation (`git checkout: --ours…`), and a mark after a code written `%` and
a letter that the source glues to the same mark (hexchat's `$1%O: `, where `%O` resets the colour), and
a literal copied from the source as one token: words joined by slashes, each with its mark (`squash!/fixup!`, the
prefixes git reads in commit subjects) or a mail header's name (`Ajout de cc: %s`, `les From: inclus`).
"""
    severity = Severity.WARNING
    fix = Applicability.SAFE
    fix_note = ("Inserts the space the document itself sets before that mark elsewhere, when it has a clear habit "
                "(three times or more, two thirds of them alike: a plain space, say), else the one the convention "
                "names (U+202F before ; ! ?, U+00A0 before : and inside « »); nothing else changes.")
    languages = languages_with("space-before")
    scope = "document"
    flag = (
        Example("Voici la liste : un, deux.\n\nLisez [les hooks: une introduction](https://example.com/hooks) ensuite.\n",
                path="a.md", language="fr", note="a link's text in the page's own language"),
        Example("Voici la liste : un, deux.\n\nVoir [Guide: démarrage rapide](https://example.com/guide).\n",
                path="a.md", language="fr", note="a short French title holds none of the common words"),
        Example('msgid ""\nmsgstr ""\n"Language: fr\\n"\n\nmsgid "merge failed: --ours and --merge"\n'
                'msgstr "échec de la fusion: --ours et --merge"\n\nmsgid "Example:"\nmsgstr "Exemple :"\n',
                path="fr.po", language="fr", note="the translation's own words before the colon"),
        Example('msgid ""\nmsgstr ""\n"Language: fr\\n"\n\nmsgid "protocol error: bad pack header"\n'
                'msgstr "protocol error: en-tête de paquet incorrect"\n\nmsgid "Example:"\nmsgstr "Exemple :"\n',
                path="fr.po", language="fr", note="two words copied before the colon, no program of a synopsis: untranslated"),
        Example("Attention! Le fichier est supprimé.\n", language="fr",
                fixed="Attention\u202f! Le fichier est supprimé.\n"),
        Example("Voici un exemple:\n", language="fr", fixed="Voici un exemple\u00a0:\n"),
        Example("Pourquoi utiliser Vue?\n", language="fr", fixed="Pourquoi utiliser Vue\u202f?\n"),
        Example("Il pleut; nous restons.\n", language="fr", fixed="Il pleut\u202f; nous restons.\n"),
        Example("Il a dit «bonjour» en entrant.\n", language="fr",
                fixed="Il a dit «\u00a0bonjour\u00a0» en entrant.\n"),
        Example("Vraiment?! Déjà fini.\n", language="fr", fixed="Vraiment\u202f?! Déjà fini.\n"),
        Example("Pourquoi ? Parce que. Comment ? Ainsi. Quand ? Demain. Et ensuite? Rien.\n", language="fr",
                fixed="Pourquoi ? Parce que. Comment ? Ainsi. Quand ? Demain. Et ensuite ? Rien.\n"),
        Example("Il a demandé “Pourquoi utiliser des composants?” en réunion.\n", language="fr",
                fixed="Il a demandé “Pourquoi utiliser des composants\u202f?” en réunion.\n"),
        Example("Étape 1: installer le paquet.\n", language="fr", fixed="Étape 1\u00a0: installer le paquet.\n"),
        Example('#: library/x.rst:7\nmsgid "It shows *ValueError: bad value* here."\n'
                'msgstr "Il affiche *ValueError: mauvaise valeur* ici."\n\n#: library/x.rst:11\n'
                'msgid "Example:"\nmsgstr "Exemple :"\n\n#: library/x.rst:12\nmsgid "Note:"\nmsgstr "Note :"\n',
                path="fr.po", language="fr", note="words after the mark the translation wrote itself",
                fixed='#: library/x.rst:7\nmsgid "It shows *ValueError: bad value* here."\n'
                'msgstr "Il affiche *ValueError\u00a0: mauvaise valeur* ici."\n\n#: library/x.rst:11\n'
                'msgid "Example:"\nmsgstr "Exemple :"\n\n#: library/x.rst:12\nmsgid "Note:"\nmsgstr "Note :"\n'),
        Example("Notez bien: la syntaxe change.\n", language="fr-CA", fixed="Notez bien\u00a0: la syntaxe change.\n"),
        Example("Définissez la clé user:name: elle est obligatoire.\n", language="fr",
                fixed="Définissez la clé user:name\u00a0: elle est obligatoire.\n",
                note="a key's colon inside a word: the name between colons opens after a space"),
        Example("<!-- copylint-language: fr -->\nQue faire (et pourquoi)?\n", path="a.md",
                fixed="<!-- copylint-language: fr -->\nQue faire (et pourquoi)\u202f?\n"),
        Example('msgid "Jan, Feb, ..., Dec (en_US);"\nmsgstr "janv., févr., ..., déc. (fr_FR);"\n', path="fr.po", language="fr",
                fixed='msgid "Jan, Feb, ..., Dec (en_US);"\nmsgstr "janv., févr., ..., déc. (fr_FR)\u202f;"\n',
                note="one item is no list: a sentence's `;`"),
        Example('msgid "Topic: %s"\nmsgstr "%BSujet%B: %s"\n', path="fr.po", language="fr",
                fixed='msgid "Topic: %s"\nmsgstr "%BSujet%B\u00a0: %s"\n',
                note="a code before the mark that the source does not glue to it: the translation's word"),
        Example('msgid "cannot copy image file %r: %s"\nmsgstr "impossible de copier le fichier image %r: %s"\n',
                path="fr.po", language="fr",
                fixed='msgid "cannot copy image file %r: %s"\nmsgstr "impossible de copier le fichier image %r\u00a0: %s"\n',
                note="a conversion's value before the mark, as a word: Sphinx's fr.po"),
        Example('msgid "%BTopic%B: %s"\nmsgstr "%BSujet%B: %s"\n', path="fr.po", language="fr",
                fixed='msgid "%BTopic%B: %s"\nmsgstr "%BSujet%B\u00a0: %s"\n',
                note="the code closes the bold of a word, as in the source: the mark follows the word"),
        Example('msgid "Adding the recipient %s"\nmsgstr "Ajout du destinataire cc: %s"\n', path="fr.po", language="fr",
                fixed='msgid "Adding the recipient %s"\nmsgstr "Ajout du destinataire cc\u00a0: %s"\n',
                note="a header's name the source does not write: the translation's own words"),
        Example('msgid "Unknown Type/Version: %s"\nmsgstr "Le Type/Version: %s est inconnu"\n', path="fr.po", language="fr",
                fixed='msgid "Unknown Type/Version: %s"\nmsgstr "Le Type/Version\u00a0: %s est inconnu"\n',
                note="words joined by a slash, copied from the source, then the label's colon: French prose"),
        Example('msgid "Note: squash!/fixup! are read"\nmsgstr "Note: squash!/fixup! sont lus"\n', path="fr.po",
                language="fr", fixed='msgid "Note: squash!/fixup! are read"\nmsgstr "Note\u00a0: squash!/fixup! sont lus"\n',
                note="a word and its colon copied from the source are still the sentence's"),
        Example("- (en) Un article cité, voir aussi: la suite, 2006\n", path="a.md", language="fr",
                fixed="- (en) Un article cité, voir aussi\u00a0: la suite, 2006\n",
                note="a French word's mark in a reference to an English source"),
        Example("- (en) J. Smith, « The Crisis », The Times, 2006. Résumé: la crise expliquée\n", path="a.md",
                language="fr", fixed="- (en) J. Smith, « The Crisis », The Times, 2006. Résumé\u00a0: la crise expliquée\n",
                note="a French word capitalized as a sentence's first in such a reference"),
        Example("- (en) John Smith, The Great Crisis, Londres: Penguin Books, 2006, 320 p.\n", path="a.md", language="fr",
                fixed="- (en) John Smith, The Great Crisis, Londres\u00a0: Penguin Books, 2006, 320 p.\n",
                note="a colon after a name is the sentence's: only `!` and `?` are a name's own"),
        Example('msgid "It rains; we stay;"\nmsgstr "Il pleut; nous restons;"\n', path="fr.po", language="fr",
                fixed='msgid "It rains; we stay;"\nmsgstr "Il pleut\u202f; nous restons\u202f;"\n',
                note="a space after the `;`: prose, not a list"),
    )
    allow = (
        Example('msgid ""\nmsgstr ""\n"Language: fr\\n"\n\nmsgid "git checkout [<options>] <branch>"\n'
                'msgstr "git checkout [<options>] <branche>"\n\nmsgid "git checkout: --ours and --merge are incompatible"\n'
                'msgstr "git checkout: --ours et --merge sont incompatibles"\n\nmsgid "Example:"\nmsgstr "Exemple :"\n',
                path="fr.po", language="fr",
                note="a program's and its subcommand's name that opens the message (the program opens a synopsis)"),
        Example('msgid "move commits that begin with squash!/fixup! under -i"\n'
                'msgstr "déplace les commits qui commencent par squash!/fixup! sous -i"\n', path="fr.po", language="fr",
                note="a literal prefix the program reads, copied from the source as one token"),
        Example('msgid "(mbox) Adding cc: %s from line \'%s\'\\n"\nmsgstr "(mbox) Ajout de cc: %s depuis la ligne \'%s\'\\n"\n',
                path="fr.po", language="fr", note="a mail header's name in lower case, as the program writes it"),
        Example('msgid "show in-body From: even if identical to the e-mail header"\n'
                'msgstr "montrer les From: inclus même s\'ils sont identiques"\n', path="fr.po", language="fr",
                note="a header's name as the source writes it"),
        Example("Sans balise &lt;url&gt; ici, ni &amp; ni &#233; là.\n", language="fr", path="a.txt",
                note="an entity's closing ; is not the mark"),
        Example("Attention\u202f! Le fichier est supprimé.\n", language="fr"),
        Example("Voici un exemple :\n", language="fr"),
        Example('#: library/html.rst:7\nmsgid "**Source code:** :source:`Lib/html/__init__.py`"\n'
                'msgstr "**Source code:** :source:`Lib/html/__init__.py`"\n\n#: library/html.rst:11\n'
                'msgid "Example:"\nmsgstr "Exemple :"\n\n#: library/html.rst:12\nmsgid "Note:"\nmsgstr "Note :"\n',
                path="fr.po", language="fr", note="a string copied from its source keeps the source's typography"),
        Example('#: library/xml.dom.rst:7\nmsgid "As defined by `XHTML 1.0: The Extensible HyperText Markup Language '
                '<https://www.w3.org/TR/xhtml1/>`_."\nmsgstr "Tel que défini par `XHTML 1.0: The Extensible HyperText '
                'Markup Language <https://www.w3.org/TR/xhtml1/>`_."\n\n#: library/xml.dom.rst:11\n'
                'msgid "Example:"\nmsgstr "Exemple :"\n\n#: library/xml.dom.rst:12\nmsgid "Note:"\nmsgstr "Note :"\n',
                path="fr.po", language="fr", note="an English title the translation cites from its source"),
        Example('#: whatsnew/3.10.rst:7\nmsgid "Instead of *SyntaxError: unexpected EOF while parsing* it shows '
                'more."\nmsgstr "Au lieu d\'afficher *SyntaxError: unexpected EOF while parsing* il en montre '
                'plus."\n\n#: whatsnew/3.10.rst:11\nmsgid "Example:"\nmsgstr "Exemple :"\n\n#: whatsnew/3.10.rst:12\n'
                'msgid "Note:"\nmsgstr "Note :"\n', path="fr.po", language="fr",
                note="an English message the translation cites from its source, its first word alone before the mark"),
        Example("- (en) Opinion : « Institutional Failure at Reuters » par Thomas Lifson pour Yahoo! News, 7 août 2006\n",
                path="a.md", language="fr", note="a name in a reference labelled as an English source (frwiki)"),
        Example("La réunion commence à 12:30 et finit à 14:00.\n", language="fr"),
        Example("Utilisez la directive v-on:click dans le modèle.\n", language="fr"),
        Example("Pourquoi utiliser Vue? Parce que.\n", language="fr-CA"),
        Example("Il pleut; nous restons.\n", language="fr-CH"),
        Example("Is this English? Yes: it is.\n", language="en"),
        Example("Il a dit « bonjour » en entrant.\n", language="fr"),
        Example("Lancez `npm run dev:ssr` pour démarrer.\n", path="a.md", language="fr"),
        Example("Le ratio est de 16:9 sur cet écran.\n", language="fr"),
        Example("L'attribut est mentionné dans l'option :members: du module.\n", language="fr",
                note="a name set between colons (an option, a role, an emoji code): no mark"),
        Example("Réagissez avec :thumbsup: sous le message.\n", language="fr"),
        Example("La console affiche ceci.\n\nWarning: Each child in a list should have a unique key prop.\n",
                language="fr"),
        Example("Cargo a généré un programme “Hello, world!” pour vous.\n", language="fr"),
        Example("Voici la liste : un, deux.\n\nLisez *[React Hooks: Not Magic, Just Arrays](https://example.com/hooks)* "
                "(en anglais).\n", path="a.md", language="fr",
                note="a link's text: the English title of the page it links to (react.dev fr)"),
        Example("Voici la liste : un, deux.\n\n- [CVE-2021-28965: XML round-trip vulnerability in REXML](https://example.com/cve)\n",
                path="a.md", language="fr", note="an English title in title case (ruby-lang.org fr's security news)"),
        Example("Retrouvez le premier billet de blog : [Why did we build React?](https://example.com/why) "
                "*(« Pourquoi avons-nous créé React ? », NdT)*\n", path="a.md", language="fr"),
        Example("Pourquoi? Parce que! Voici: la suite; enfin la fin.\n", language="fr",
                note="a page that never sets the space has its own typography"),
        Example("Dans sa thèse “Null References: The Billion Dollar Mistake”, il l'explique.\n", language="fr"),
        Example('msgid "%C22*%O$t%C22$1%O: %C18$2%O on %C24$4%O by %C26$3%O"\n'
                'msgstr "%C22*%O$t%C22$1%O: %C18$2%O sur %C24$4%O par %C26$3%O"\n', path="fr.po", language="fr",
                note="hexchat fr.po: the mark after the `%O` code (reset colour), as the source's format sets it"),
        Example('#: mousepad.desktop.in:1\nmsgid "Text;Editor;Mousepad;"\nmsgstr "Texte;Éditeur;Mousepad;"\n',
                path="fr.po", language="fr", note="a .desktop file's Keywords: `;` separates the list's items"),
        Example("Le terminal affiche :\n\n<ConsoleLogLine level=\"error\">\n\nError: hit\n\n</ConsoleLogLine>\n",
                path="a.md", language="fr"),
    )

    def check_document(self, doc: Document) -> Iterator[Finding]:
        segments = list(doc.segments_matching(_TRIGGER))
        if not segments:
            return
        habit = _habit(doc.prose[0])
        # The document's conventions, looked up once (a pack is merged from its language's on each lookup).
        before = (pack(doc.language) or {}).get("space-before") or {}
        inside = (pack(primary(doc.language)) or {}).get("space-inside-quotes") or {}
        for seg in segments:
            if seg.source_text is not None and copied(seg, doc):
                continue  # a translation that copies its source keeps the source's typography (B102's to judge)
            yield from self._segment(seg, doc, habit, before, inside)

    def _segment(self, seg: Segment, doc: Document, habit: _Habit, before: dict[str, str],
                 inside: dict[str, str]) -> Iterator[Finding]:
        text = seg.text
        listed = seg.source_text is not None and _SEPARATED.fullmatch(seg.source_text) is not None \
            and _SEPARATED.fullmatch(text) is not None
        cited = _cites_other_language(text, doc.language)
        for m in _TIGHT.finditer(text) if habit.follows else ():
            mark = m.group(1)[0]
            space = before.get(mark)
            if space is None:
                continue
            if mark == ";" and listed:
                continue  # the separator of a `;`-terminated list (a .desktop file's Keywords), not punctuation
            space = habit.space.get(mark, space)
            if mark == ":" and text[m.end(): m.end() + 1] in ("(", ")"):
                continue  # an emoticon
            if mark == ":" and _COLON_NAME.search(text, max(0, m.start() - 60), m.start()):
                continue  # the closing colon of a name set between colons (`:members:`, `:thumbsup:`)
            if mark == ";" and _entity_before().search(text, max(0, m.start() - 33), m.start()):
                continue  # the end of a character reference left as text (`&lt;url&gt;`, `&#233;`): no mark
            if in_other_language(sentence_around(text, m.start()), doc.language) or in_program_output(doc, seg, m.start()):
                continue  # an English error message quoted in a French page keeps its English colon
            if _title_in_other_language(seg, doc, m.start()) or (cited and mark in "!?" and _after_capitalized(text, m.start())):
                continue  # “Hello, world!”, `[React Hooks: Not Magic, Just Arrays](…)`, `(en) … Yahoo! News`: as written
            if seg.source_text is not None and (_from_source(text, m.start(), seg.source_text)
                                                or program_prefix(text, m.start(), seg.source_text, doc)):
                continue  # a catalogue's translation citing its source (`XHTML 1.0: The Extensible …`, `git checkout:`)
            if seg.source_text is not None and (_after_source_code(text, m.start(), mark, seg.source_text)
                                                or literal_from_source(text, m.start(), seg.source_text)):
                continue  # hexchat's `$1%O: ` (a format code), `squash!/fixup!`, `cc: %s`: the program's, as the source has it
            yield self.finding(seg, m.start(), m.start(), f"Missing {_SPACES[space]} before '{mark}'",
                               edits=[(m.start(), m.start(), space)])
        if "«" in inside:
            for m in _OPEN_TIGHT.finditer(text):
                yield self.finding(seg, m.start(), m.end(), f"Missing {_SPACES[inside['«']]} after '«'",
                                   edits=[(m.end(), m.end(), inside["«"])])
        if "»" in inside:
            for m in _CLOSE_TIGHT.finditer(text):
                yield self.finding(seg, m.start(), m.end(), f"Missing {_SPACES[inside['»']]} before '»'",
                                   edits=[(m.start(), m.start(), inside["»"])])


def _from_source(text: str, at: int, source: str) -> bool:
    """Whether the mark at ``at`` stands in words a translation copied from its source (a cited title,
    an English message): the two words before it and the word after it, as the source writes them."""
    before = _TWO_WORDS_BEFORE.search(text, max(0, at - 60), at)
    after = _WORD_AFTER.match(text, at + 1)
    if before is not None and after is not None and text[before.start() : after.end()] in source:
        return True
    # Or the word before and two after: a message that starts the citation (`*SyntaxError: unexpected EOF*`).
    before = _WORD_BEFORE.search(text, max(0, at - 60), at)
    after = _TWO_WORDS_AFTER.match(text, at + 1)
    return before is not None and after is not None and text[before.start() : after.end()] in source


# A program's name, or a program's and its subcommand's, with its colon, opening a message (`git checkout:`):
# lower case, as commands are.
_PROGRAM_PREFIX = compiled_on_use(r"[a-z][\w.-]*(?: [a-z][\w.-]*)?:")


def program_prefix(text: str, at: int, source: str, doc: Document) -> bool:
    """Whether the mark at ``at`` ends the program's name (and its subcommand's) that both the translation
    and its source open with (`git checkout: --ours/--theirs…`): a prefix the program prints before its
    message, not the translation's colon. Two words only where the program opens a usage synopsis of the
    catalogue: `protocol error: ` copied is a message's words left untranslated."""
    prefix = _PROGRAM_PREFIX.match(text)
    return (prefix is not None and prefix.end() == at + 1 and source.startswith(prefix.group())
            and (" " not in prefix.group() or prefix.group().split()[0] in _synopsis_programs(doc)))


# The names of mail headers, as a program writes them (git send-email's `Adding cc: %s`, format-patch's
# `in-body From:`): no French word is spelt so, so a translation writes them only as the header's name.
_HEADER_NAMES = frozenset({"to", "cc", "bcc", "from", "reply-to", "in-reply-to", "message-id"})


def literal_from_source(text: str, at: int, source: str) -> bool:
    """Whether the mark at ``at`` belongs to a literal the translation copies from its source: a token
    (between spaces) of words joined by slashes, each with its mark (`squash!/fixup!`, the prefixes of
    git's commit subjects), or a mail header's name with its colon (`cc:`, `From:`), each written so,
    as a whole token, in the source. A word and its mark alone (`Attention!`, `Note:`) are prose."""
    start = text.rfind(" ", 0, at) + 1
    end = at + 1
    while end < len(text) and not text[end].isspace():
        end += 1
    token = text[start:end]
    if not token or len(token) > 40 or not stands_as_token(token, source):
        return False
    name = token[: at - start]
    return (name.lower() in _HEADER_NAMES and token == name + ":") or _ALTERNATIVES.fullmatch(token) is not None


# Literal words joined by slashes, each with its mark (`squash!/fixup!`, `amend!/fixup!`): alternatives a
# program reads as they are written. Every word carries its mark: a label of words French shares with
# English (`Source/Destination:`, `Type/Version:`) ends with the sentence's mark, which French spaces.
_ALTERNATIVES = compiled_on_use(r"[^\W\d_][\w-]*[!?:;](?:/[^\W\d_][\w-]*[!?:;])+")


def _after_source_code(text: str, at: int, mark: str, source: str) -> bool:
    """Whether the mark at ``at`` follows a code written as a sign and one letter (hexchat's `%O`, which
    resets bold and colour, `%B`, `%U`) after no word, glued to the same mark in the source: the text
    around it is the program's format (`$1%O: ` shows `nick: `), not prose."""
    code = _CODE_BEFORE.search(text, max(0, at - 3), at)
    # After a letter the code closes a word's bold or colour (`%BSujet%B:`): the mark follows that word.
    return code is not None and not text[code.start() - 1:code.start()].isalpha() and code.group() + mark in source


# A code written `%` and one letter (`%O`, `%B`, `%U`), not a literal percent sign (`%%`) before a letter, nor
# a printf or Python conversion (`%s`, `%r`, `%d`…), whose value the mark follows as it follows a word.
_CODE_BEFORE = compiled_on_use(r"(?<!%)%[BDHIJKLMNOPQRTUVWYZbhjklmqtvwyz]$")

# A list of two items or more, each ending with `;` and opening with no space (`Text;Editor;Mousepad;`, a .desktop
# file's `Keywords` entry as its catalogue holds it): the `;` are the format's separators, which the
# translation keeps as the source writes them. Prose puts a space after its `;`.
_SEPARATED = compiled_on_use(r"(?:[^;\s][^;\n]*;){2,}")

# Two words before a mark and one after: enough of a source's wording that a translation shares it only
# by citing it.
_TWO_WORDS_BEFORE = compiled_on_use(r"[^\W_][\w.-]* +[^\W_][\w.-]*$")
_WORD_AFTER = compiled_on_use(r"[ \u00a0]*[^\W_]+")
_WORD_BEFORE = compiled_on_use(r"(?<![\w.-])[^\W_][\w.-]*$")
_TWO_WORDS_AFTER = compiled_on_use(r"[ \u00a0]*[^\W_]+ +[^\W_]+")


# The label that opens a reference to a source in another language, as French Wikipedia writes it (its
# templates Lien web and Ouvrage print the language's code in parentheses, `(en)`, after the backlink `^`).
_CITED_LABEL = compiled_on_use(r"(?:\^ )?\(([a-z]{2,3})\) ")


def _cites_other_language(text: str, language: str) -> bool:
    """Whether the paragraph is a reference labelled as a source in another language than the page's
    (`(en) Opinion : … pour Yahoo! News, 7 août 2006`): the source's names keep their own marks."""
    label = _CITED_LABEL.match(text)
    return label is not None and primary(label.group(1)) != primary(language) and pack(label.group(1)) is not None


def _after_capitalized(text: str, at: int) -> bool:
    """Whether the word the mark at ``at`` is set against starts with a capital (a name's: `Yahoo!`; only
    `!` and `?` are a name's own, `Jeopardy!`, `Who?`: a colon or semicolon after a name is the sentence's,
    `Londres: Penguin`, `en Grèce; voir`) and
    opens no sentence: a French word after a sentence's end in the item (`2006. Résumé:`,
    `2006. Pourquoi?`) takes its capital from that, and is still the page's."""
    words = text[max(0, at - 60): at].split()
    if len(words) >= 2 and words[-2][-1:] in ".!?…":
        return False
    return words[-1][:1].isupper()


def _synopsis_programs(doc: Document) -> frozenset[str]:
    """B102's programs that open a usage synopsis of the catalogue, imported only for a catalogue's
    string: a text file loads no rule for catalogue strings."""
    from ..bilingual.untranslated_string import synopsis_programs

    return synopsis_programs(doc)


def _title_in_other_language(seg: Segment, doc: Document, at: int) -> bool:
    """Whether the mark at ``at`` stands in a quoted title or program string in another language (none of
    the page's own words: “Hello, world!”), or in a Markdown link's text that is an English title, the
    title of the page it links to: English words in it and none of the page's own. A link's text is
    short, and a short title in the page's language often holds none of its common words (`[Guide:
    démarrage rapide](…)`, `[Étape 2: installer Vite](…)`): that absence alone would hide its missing
    no-break space, so English is asked for too: English words, or English title case (plain ASCII, two
    capitalized words after the first: `[CVE-2021-28965: XML round-trip vulnerability in REXML](…)`,
    `[React 19 Deep Dive: Coordinating HTML](…)`), which French titles do not use."""
    quoted = quotation_around(seg.text, at)
    if quoted is not None:
        return not has_own_words(quoted, doc.language)
    linked = link_text_around(doc, seg, at)
    return linked is not None and not has_own_words(linked, doc.language) and (
        has_own_words(linked, "en") or (linked.isascii() and len(_CAPITALIZED.findall(linked)) > 2))


# A word that starts with a capital letter (the first word of a title among them).
_CAPITALIZED = compiled_on_use(r"\b[A-Z]\w*")


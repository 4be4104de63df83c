"""B102 untranslated-string: the translation is the source text, copied."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Sequence
from itertools import pairwise
from operator import attrgetter
from typing import cast

from lint.formats.bilingual import (
    cites_a_publication,
    markup_of,
    pair,
    reads_as_prose,
    translatable_words,
    xliff_example,
)
from lint.language import primary
from lint.model import Document, Finding, Segment, Severity
from lint.patterns import compiled_on_use
from lint.rule import Example, Rule

from ._pairwise import HABIT, habit_or_each

# A list a program splits, not a sentence: names joined by `,` or `;` with no space after (unit names a
# user may type, `kilometers per hour,kmph,kph`; a desktop entry's search keywords, `math;calculator;`).
_LIST = compiled_on_use(r"[^,;]+(?:[,;](?! )[^,;]+)+[,;]?")
# A reference to a numbered document (a PEP, an RFC, an issue) and a dash or a colon: what follows is
# that document's title, which translations cite as it is. Blanks read once (`\s*(PEP|RFC)?\s*` split a run
# of them every way where no reference came: quadratic on a string that starts with blanks).
_CITATION = compiled_on_use(r"\s*+(?:(?:PEP|RFC)\s*+)?:(?:pep|rfc|issue|gh|bpo)(?:-reference)?:`[^`]+`\s*(?:--|[-–—:])\s")
# A command line, what a user types: after a shell's or Python's prompt (`$ pip install …`, `>>> import os`),
# a program's name and an option right after it (`python -m pydoc sys`), or an assignment (`cssclasses =
# ["mon", "tue"]`); two options anywhere on the line (`pybabel extract -o out.po -k _`) are counted over its
# words (_OPTION): nested lazy runs before each option backtracked cubically on a long string with a line
# break. A sentence names an option once and ends with a mark (`Use the -O option.`).
_COMMAND = compiled_on_use(r"(?:\$|>>>) \S[^\n]*|[A-Za-z_][\w.]* = \S[^\n]*|[a-z][\w.+-]* --?[A-Za-z][\w-]*(?:[ =][^\n]*)?")
_OPTION = compiled_on_use(r"--?[A-Za-z][\w-]*(?:=.*)?")
# Code a documentation's table or list gives without a literal's marks: a command run with `sudo` (no sentence's
# function word in it: `sudo is required`), a Python import (`from tkinter import ttk`), a call with a string or a call inside (`print(_('Hello'))`), a C type
# (`unsigned long`, `const char *`) or a C declaration (`typedef void (*Destructor)(PyObject *);`).
_CODE = compiled_on_use(r"sudo [a-z][\w.+-]* \S[^\n]*|from [\w.]+ import [\w.]+(?:, [\w.]+)*"
                        r"|[a-z_][\w.]*\([^\n]*['\"(][^\n]*\)|typedef [^\n]*;"
                        r"|(?:(?:const|unsigned|signed) )+(?:char|short|int|long(?: long)?)(?: ?\*+)?|const (?:char|void) ?\*+"
                        # a shell command whose last word is a path (absolute, or of three parts: `source env/bin/activate`) or a name with a digit (
                        # `pkg install python3`): lower-case words alone, no function word (see _code)
                        r"|[a-z][\w.+-]*(?: [a-z][\w.+-]*){0,2} (?:[~.]?/[\w.+-]+(?:/[\w.+-]*)*|[\w.+-]+(?:/[\w.+-]+){2,}/?)|[a-z][\w.+-]*(?: [a-z][\w.+-]*){0,2} [a-z][a-z.+-]*\d[\w.+-]*"
                        # a string literal of class names (`"text-bold text-red"`) or with a named placeholder
                        # (`"[Non-text (%(type)s) part of message omitted]"`): a value in the code, shown as it is
                        r'|"[a-z]+(?:-[a-z]+)+(?: [a-z]+(?:-[a-z]+)+)*"|"[^"\n]*%\(\w+\)[sdrif][^"\n]*"')
# A legal notice, kept in the words of the law it was written under: `Copyright © 2001-2024 Python Software
# Foundation. All rights reserved.` (the holder's name capitalized, and years).
_COPYRIGHT = compiled_on_use(r"Copyright (?:©|\([cC]\)) \d{4}(?:[-–, ]+\d{4})* [A-Z][\w.&-]*(?:,? (?:[A-Z][\w.&-]*|of|for|and))*\. All rights reserved\.")
# Authors cited by initials and surname, then `et al.` (`T. Dierks et. al.`): names.
_ET_AL = compiled_on_use(r"(?:[A-Z]\. )+[A-Z][a-z]+(?:-[A-Z][a-z]+)? et\.? al\.")
# An author's name and address, the address written out against spam (`A.M. Kuchling (amk at amk.ca)`, the
# byline of Python's "What's New" pages) or as it is: a name, no words to translate.
_AUTHOR_ADDRESS = compiled_on_use(r"((?:[A-Z]\.\s?)*[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)*) "
                                  r"\(([\w.+-]+)(?: at |@)[\w-]+(?:\.[\w-]+)+\)")
# A product's name as the whole string: a word in lower case with a capital inside (`iPod`, `macOS`,
# `eBay`), alone or before a model's word (`iPod touch`, `iPad mini`). A name written so is no English
# word a translator would translate.
_PRODUCT = compiled_on_use(r"[a-z]+[A-Z][A-Za-z0-9]*(?: [a-z]+)?")
# A usage synopsis (`git stash list [<log-options>]`, `scalar register [--[no-]maintenance] [<enlistment>]`):
# a program's name and at most two subcommands in lower case, then usage notation only: options,
# `[optional]`, `<placeholder>`, `a | b`, `(group)`, `...`. Its words are what the user types.
_SYNOPSIS_HEAD = compiled_on_use(r"[a-z][\w.-]*(?: [a-z][\w.-]*){0,2}")
_NOTATION = compiled_on_use(r"[\[\]<>|()]|\.\.\.|^-")
_SUBCOMMAND = compiled_on_use(r"[a-z][a-z-]*")
_PROGRAM_PREFIX = compiled_on_use(r"[a-z][\w.-]*(?: [a-z][\w.-]*)?: ")
# Words a sentence has and a program's name or subcommand has not (`git is fast`, `show the log`).
_FUNCTION_WORDS = frozenset("the a an to of for with and or in on at is are be can will this that it no not as now "
                            "from by use see only your you if when without "
                            # adverbs that end a sentence, never a subcommand (`git commit [-a] first`)
                            "instead anyway first again later also too here there already yet then".split())
# A Dutch catalogue whose translations write `product` and `details`.
_NL_CATALOGUE = ('msgid ""\nmsgstr ""\n"Language: nl\\n"\n\n'
                'msgid "Edit product"\nmsgstr "Product bewerken"\n\nmsgid "Delete product"\nmsgstr "Product verwijderen"\n\n'
                'msgid "Show the details"\nmsgstr "Toon de details"\n\nmsgid "Hide the details"\nmsgstr "Verberg de details"\n\n'
)
_ENGB = 'msgid ""\nmsgstr ""\n"Language: en_GB\\n"\n\n'
_KIND = attrgetter("kind")


class UntranslatedString(Rule):
    code = "B102"
    slug = "untranslated-string"
    summary = "Translation identical to its source"
    rationale = """
**What it does.** Flags a translation (PO `msgstr`, XLIFF `<target>`) that is identical to its source
string and holds at least two words (outside tags and inline codes).

**Why is this bad?** A translation tool or an MT fallback copied the source when it had nothing: the
interface shows the source language to users who do not read it.

A catalogue left untranslated, whose copies are five or more and at least half of its strings with words to
translate (those this rule reads: its copies and its translations, but strings it would not flag copied,
one-word strings, code, names), gets one finding, at its first copy, naming how many: `1160 of 1172
strings are their source text, untranslated (the catalogue's language: es-MX)`; its other copies are the
finding's related places. A few copies in a translated catalogue are each flagged where they are. A copy
switched off (`# copylint: disable=B102`) is not counted as one.

Not flagged: strings without two words to translate in a row: one-word strings (`OK`, `Email`),
strings of code (in a catalogue with markup, inline literals, roles and interpreted text; identifiers
such as `KEY_END`, `co_names`, `bash/zsh`; signatures such as `seq, [start,] stop`), names and titles (capitalized words in a row:
`Marc-André Lemburg`; an author's name and an address made of it, `A.M. Kuchling (amk at amk.ca)`; a product's name written with a capital inside: `iPod touch`), acronyms, the cited title of a link to another site or of a numbered
document (`:pep:`3105` - Make print a function`), a bibliographic reference (an author cited by surname and
initials, and a year: `Kahan, W: Branch cuts for complex elementary functions … (1987)`; or by initials and
surname, a title, and a year that closes it: `D. E. Knuth. The art of computer programming … (1997)`),
numbers, placeholders, URLs and symbols, command lines and code (after a shell's or Python's prompt, `$ `,
`>>> `; a program's name and an option right after it, `python -m pydoc sys`; two options; a command run with
`sudo`, a Python import, a call with a string, a C type or declaration, `unsigned long`; a usage synopsis,
`git stash list [<log-options>]`, `git notes [--ref <notes-ref>] get-ref`, or a synopsis's program and
subcommand with no notation where they open another synopsis of the catalogue (translated or not: an
untranslated entry's msgid counts), `git reflog list`, or
where the program does, the subcommand has a hyphen and a trailing space awaits the notation the program appends, `git for-each-ref `; a
program's prefix before nothing to translate, `git archive: NACK %s`, where the program opens a synopsis of the catalogue; an assignment,
`cssclasses = [...]`; lower-case words whose last is a path or a name with a digit, no function word, inflected verb
or negation (`failed reading ./config` is a message), `source
env/bin/activate` (a path absolute or of three parts; `pip/conda` is none), `pkg install python3`; a string literal of class names, `"text-bold text-red"`, or, on a documentation
page, with a named placeholder, `"[Non-text (%(type)s) part omitted]"`; reST's escapes read as their characters, `const
char\\*`), a copyright notice and nothing else (`Copyright © 2001 Python Software Foundation. All rights
reserved.`), authors cited as `T. Dierks et al.`, a reST catalogue's literal blocks (code and its output: an entry whose
msgid holds a line break, which Sphinx keeps in those blocks alone), lists a program splits (names joined by `,` or `;` with no space
after: unit names a user may type, `kilometers per hour,kmph,kph`, whose English names keep working
where the translation keeps them), the strings of an English catalogue (`Language: en_GB`),
and empty translations (untranslated on purpose, which gettext falls back from); XLIFF targets
not translated yet by their state (1.2 `new`, `needs-translation`; 2.0 `initial`) are not read at all.
Nor is a copy each of whose words the catalogue's own translations (those whose words differ from their
sources': not a copy with a full stop added or a capital changed) write twice or more in their prose (not in code: a literal's `return` is no word of theirs): words of the translation's language too, a loanword or a term the team
keeps (Dutch `Product details`, `Voucher code`, `Code is "%s"`, where the catalogue writes `product`,
`details`, `voucher`, `code` and `is` in its translations; not `social application`, whose `application`
no Dutch translation writes). In a language that puts the noun first (French, Spanish, Italian, Portuguese,
Romanian, Catalan, Galician, Occitan) each pair of the copy's words must also stand in that order in one of its
translations: `Contact page` in a French catalogue that writes `page` and `contact` but `Page de contact` is
English. (It could hide a copy of such words in a catalogue whose translations keep
much of their sources' English.)
"""
    severity = Severity.WARNING
    kinds = frozenset({"msgstr", "string", "target"})
    scope = "document"
    flag = (
        Example('#: ../../whatsnew/2.7.rst:5\nmsgid "Written by A.M. Kuchling (amk at amk.ca)"\n'
                'msgstr "Written by A.M. Kuchling (amk at amk.ca)"\n', path="id.po",
                note="words to translate before the byline"),
        Example('msgid "Mail Me (amk at amk.ca)"\nmsgstr "Mail Me (amk at amk.ca)"\n', path="id.po",
                note="title-cased words to translate before an address, no name"),
        Example('msgid "sudo is required to install it"\nmsgstr "sudo is required to install it"\n', path="ko.po",
                note="a sentence about sudo, not a command"),
        Example('msgid "copy it to the dir/sub"\nmsgstr "copy it to the dir/sub"\n', path="ko.po",
                note="function words before a path: a sentence"),
        Example('msgid "install packages via pip/conda"\nmsgstr "install packages via pip/conda"\n', path="ko.po",
                note="two names joined by a slash are no path"),
        Example('msgid "failed reading ./config"\nmsgstr "failed reading ./config"\n', path="ko.po",
                note="an inflected verb before a path: a message"),
        Example('#, python-format\nmsgid "\\"Hello %(name)s, welcome back!\\""\nmsgstr "\\"Hello %(name)s, welcome back!\\""\n',
                path="ko.po", note="an application's message quoted whole, not a documentation's value"),
        Example('msgid "\\"Hello there my friend\\""\nmsgstr "\\"Hello there my friend\\""\n', path="ko.po",
                note="a quoted phrase, no class names nor placeholder"),
        Example('msgid "Copyright © 2001 Python Software Foundation. All rights reserved. See the license."\n'
                'msgstr "Copyright © 2001 Python Software Foundation. All rights reserved. See the license."\n',
                path="ko.po", note="a sentence after the legal notice"),
        Example('msgid "len(\'abc\') returns 3 (the number of characters)"\n'
                'msgstr "len(\'abc\') returns 3 (the number of characters)"\n', path="ko.po",
                note="a sentence that opens with a call, not code"),
        Example(_NL_CATALOGUE + 'msgid "Product application"\nmsgstr "Product application"\n', path="nl.po",
                note="a word no translation of the catalogue writes: English"),
        Example('msgid ""\nmsgstr ""\n"Language: fr\\n"\n\n'
                'msgid "Next page"\nmsgstr "Page suivante"\n\nmsgid "Home page"\nmsgstr "Page d\'accueil"\n\n'
                'msgid "Contact form"\nmsgstr "Formulaire de contact"\n\nmsgid "Seller contact"\nmsgstr "Contact du vendeur"\n\n'
                'msgid "Contact page"\nmsgstr "Contact page"\n', path="fr.po",
                note="French writes both words, but `Page de contact`: English's order is English"),
        Example('msgid ""\nmsgstr ""\n"Language: es_MX\\n"\n\n' + "".join(
                f'msgid "{s}"\nmsgstr "{s}"\n\n' for s in ("Your basket is empty", "Add to your basket",
                "Remove this product", "Proceed to checkout", "Your order has shipped")), path="es_MX.po",
                note="a catalogue left untranslated: one finding, at its first copy, naming how many"),
        Example('msgid "list the stashed changes [<log-options>]"\nmsgstr "list the stashed changes [<log-options>]"\n',
                path="vi.po", note="four words before the notation: a sentence, no synopsis"),
        Example('msgid "git push [-f] to overwrite the branch"\nmsgstr "git push [-f] to overwrite the branch"\n',
                path="vi.po", note="words outside the brackets: a sentence"),
        Example('msgid "git notes: no note found"\nmsgstr "git notes: no note found"\n', path="vi.po"),
        Example('#, c-format\nmsgid "git archive: protocol error %s"\nmsgstr "git archive: protocol error %s"\n',
                path="ko.po", note="words to translate after the program's prefix"),
        Example('msgid "git push [-f] now"\nmsgstr "git push [-f] now"\n', path="vi.po",
                note="a word after the brackets that is no subcommand: `now` is a function word"),
        Example('msgid "git commit [-a] first"\nmsgstr "git commit [-a] first"\n', path="vi.po",
                note="… nor an adverb that ends a sentence"),
        Example('msgid "git archive [<options>] <tree-ish>"\nmsgstr "git archive [<options>] <tree-ish>"\n\n'
                '#, c-format\nmsgid "invalid option: %s"\nmsgstr "invalid option: %s"\n', path="fr.po",
                note="two words and a colon that open no synopsis of the catalogue: a message left untranslated"),
        Example('msgid "git push [-f] [<remote>]"\nmsgstr "git push [-f] [<remote>]"\n\n'
                'msgid "git push failed"\nmsgstr "git push failed"\n', path="fr.po",
                note="a synopsis's command, then a word inflected as prose: a sentence"),
        Example('msgid "git push [-f] [<remote>]"\nmsgstr "git push [-f] [<remote>]"\n\n'
                'msgid "git push quickly"\nmsgstr "git push quickly"\n', path="fr.po",
                note="an adverb in -ly: a sentence"),
        Example('msgid "compare trees deeply <path>"\nmsgstr "compare trees deeply <path>"\n', path="fr.po",
                note="an adverb in -ply (deeply, simply): prose, no verb like reapply"),
        Example('#~ msgid "git notes [--ref <notes-ref>] get-ref"\n#~ msgstr ""\n\n'
                'msgid "git notes get-ref"\nmsgstr "git notes get-ref"\n', path="el.po",
                note="an obsolete entry's synopsis is no longer the catalogue's"),
        Example('msgid "git push [-f] [<remote>]"\nmsgstr "git push [-f] [<remote>]"\n\n'
                'msgid "git broke "\nmsgstr "git broke "\n', path="fr.po",
                note="a trailing space after a program's name and a word with no hyphen: a message's start"),
        Example('msgid "make for-each-ref "\nmsgstr "make for-each-ref "\n', path="fr.po",
                note="a trailing space after a program that opens no synopsis of the catalogue"),
        Example('msgid "git reflog [show] [<ref>]"\nmsgstr "git reflog [show] [<ref>]"\n\n'
                'msgid "show the reflog list"\nmsgstr "show the reflog list"\n', path="fr.po",
                note="words that open no synopsis of the catalogue's"),
        Example('msgid "  (use \\"git add <file>...\\" to update what will be committed)"\n'
                'msgstr "  (use \\"git add <file>...\\" to update what will be committed)"\n', path="vi.po",
                note="an indented first line is a hint, no synopsis's continuation"),
        Example('msgid "invalid chunk offset (too large)"\nmsgstr "invalid chunk offset (too large)"\n', path="vi.po",
                note="words in brackets beside words: prose"),
        Example('msgid "tag shorthand without <tag>"\nmsgstr "tag shorthand without <tag>"\n', path="vi.po"),
        Example('msgid "ignore refs matching <pattern>"\nmsgstr "ignore refs matching <pattern>"\n', path="vi.po"),
        Example('msgid "Supprimer le fichier"\nmsgstr "Supprimer le fichier"\n', path="messages.po"),
        Example('msgid "Votre panier est vide."\nmsgstr "Votre panier est vide."\n', path="messages.po"),
        Example('msgid "Bonjour %(name)s, bienvenue !"\nmsgstr "Bonjour %(name)s, bienvenue !"\n', path="messages.po"),
        Example('msgid "Mot de passe oublié ?"\nmsgstr "Mot de passe oublié ?"\n', path="messages.po"),
        Example('msgid "Frais de port offerts"\nmsgstr "Frais de port offerts"\n', path="messages.po"),
        Example('msgid "Square root, cube root"\nmsgstr "Square root, cube root"\n', path="fil.po",
                note="a list in a sentence: spaces after its commas"),
        Example('#: library/functions.rst:12\nmsgid "An :class:`LZMAFile` can wrap a :term:`file object`."\n'
                'msgstr "An :class:`LZMAFile` can wrap a :term:`file object`."\n', path="messages.po"),
        Example(xliff_example("Forgot your password?", "Forgot your password?"), path="app.xlf"),
        Example('msgid "Use the -O option to optimize"\nmsgstr "Use the -O option to optimize"\n', path="messages.po",
                note="a sentence that names an option"),
        Example('msgid "use -O to remove the asserts, and -OO for docstrings too."\n'
                'msgstr "use -O to remove the asserts, and -OO for docstrings too."\n', path="messages.po",
                note="a sentence's end"),
        Example('msgid "Sync music with your iPod"\nmsgstr "Sync music with your iPod"\n', path="pl.po",
                note="words to translate around a product\'s name"),
        Example('msgid "Warning, A file from 1987 was found."\nmsgstr "Warning, A file from 1987 was found."\n',
                path="fr.po", note="a year and a capital after a comma, but no author cited by surname and initials"),
        Example('msgid "Python, C, and Java are supported since 2001."\nmsgstr "Python, C, and Java are supported '
                'since 2001."\n', path="fr.po", note="a name, a letter after a comma and a year: no author\'s initials"),
        Example('msgid "J. Smith wrote the first version of it in 2019."\nmsgstr "J. Smith wrote the first version of '
                'it in 2019."\n', path="fr.po", note="initials and a surname that open a sentence, not a reference"),
        Example('msgid "A. Introduction. This module was added in 2019."\nmsgstr "A. Introduction. This module was '
                'added in 2019."\n', path="fr.po", note="a lettered heading, then a sentence that gives its year after a word"),
        Example('msgid "SQLite type"\nmsgstr "SQLite type"\n', path="fr.po",
                note="a name and a word to translate (`type SQLite`)"),
        Example(xliff_example('Click <ph id="1"/> to save', 'Click <ph id="1"/> to save', version="1.2",
                              state="translated"), path="app.xlf"),
    )
    allow = (
        Example(_NL_CATALOGUE + 'msgid "Product details"\nmsgstr "Product details"\n', path="nl.po",
                note="a copy whose words the catalogue's translations write: Dutch words too"),
        Example('msgid "git stash list [<log-options>]"\nmsgstr "git stash list [<log-options>]"\n', path="zh_TW.po",
                note="a command\'s usage synopsis"),
        Example('msgid ""\n"git reflog delete [--rewrite] [--updateref]\\n"\n'
                '"                  [--dry-run | -n] [--verbose] <ref>@{<specifier>}..."\nmsgstr ""\n'
                '"git reflog delete [--rewrite] [--updateref]\\n"\n'
                '"                  [--dry-run | -n] [--verbose] <ref>@{<specifier>}..."\n', path="vi.po",
                note="… on two lines"),
        Example('msgid "git notes [list [<object>]]"\nmsgstr "git notes [list [<object>]]"\n', path="vi.po",
                note="a subcommand opening a group of notation"),
        Example('msgid "git archive [<options>] <tree-ish> [<path>...]"\n'
                'msgstr "git archive [<options>] <tree-ish> [<path>...]"\n\n'
                '#, c-format\nmsgid "git archive: NACK %s"\nmsgstr "git archive: NACK %s"\n', path="ko.po",
                note="a program's prefix (the program opens a synopsis of the catalogue), then a protocol's word "
                     "and a placeholder: nothing to translate"),
        Example('msgid "git notes [--ref <notes-ref>] get-ref"\nmsgstr "git notes [--ref <notes-ref>] get-ref"\n',
                path="vi.po", note="a subcommand after the program's options"),
        Example('msgid "git reflog [show] [<log-options>] [<ref>]"\nmsgstr "git reflog [show] [<log-options>] [<ref>]"\n\n'
                'msgid "git reflog list"\nmsgstr "git reflog list"\n', path="fr.po",
                note="a command with no notation, whose program and subcommand open a synopsis of the catalogue's"),
        Example('msgid "git notes [--ref <notes-ref>] get-ref"\nmsgstr ""\n\n'
                'msgid "git notes get-ref"\nmsgstr "git notes get-ref"\n', path="el.po",
                note="… a synopsis the catalogue has not translated yet is the catalogue's too"),
        Example('msgid "git sparse-checkout (init|list|set|add|reapply|disable) <options>"\n'
                'msgstr "git sparse-checkout (init|list|set|add|reapply|disable) <opcje>"\n\n'
                'msgid "git sparse-checkout reapply"\nmsgstr "git sparse-checkout reapply"\n', path="pl.po",
                note="a subcommand in -ply (`reapply`) is a verb, no adverb in -ly"),
        Example('msgid "git reflog [show] [<log-options>] [<ref>]"\nmsgstr "git reflog [show] [<log-options>] [<ref>]"\n\n'
                'msgid "git for-each-ref "\nmsgstr "git for-each-ref "\n', path="fr.po",
                note="the head of a usage line the program completes (its trailing space), of a program with a synopsis"),
        Example('msgid "OK"\nmsgstr "OK"\n', path="messages.po"),
        Example('#: library/functions.rst:12\nmsgid "``PAYMENT_REQUIRED``"\nmsgstr "``PAYMENT_REQUIRED``"\n', path="messages.po"),
        Example('#: library/functions.rst:12\nmsgid ":func:`issubclass`"\nmsgstr ":func:`issubclass`"\n', path="messages.po"),
        Example('msgid "Marc-André Lemburg"\nmsgstr "Marc-André Lemburg"\n', path="messages.po"),
        Example('msgid "bash/zsh"\nmsgstr "bash/zsh"\n', path="messages.po"),
        Example('msgid "iPod touch"\nmsgstr "iPod touch"\n', path="pl.po",
                note="a product\'s name, written with a capital inside"),
        Example('msgid "seq, [start,] stop [, step]"\nmsgstr "seq, [start,] stop [, step]"\n', path="messages.po",
                note="a signature"),
        Example('#: library/functions.rst:12\nmsgid "`PKZIP Application Note <https://example.com/APPNOTE.TXT>`_"\n'
                'msgstr "`PKZIP Application Note <https://example.com/APPNOTE.TXT>`_"\n', path="messages.po",
                note="a cited title"),
        Example('#: whatsnew/2.6.rst:12\nmsgid ":pep:`3105` - Make print a function"\n'
                'msgstr ":pep:`3105` - Make print a function"\n', path="messages.po",
                note="a cited PEP's title"),
        Example('#: whatsnew/3.7.rst:12\nmsgid ":rfc:`7230`: Hypertext Transfer Protocol"\n'
                'msgstr ":rfc:`7230`: Hypertext Transfer Protocol"\n', path="messages.po",
                note="a cited RFC's title"),
        Example('#: howto/argparse.rst:12\nmsgid "$ python prog.py 4\\nTraceback (most recent call last):\\n'
                'TypeError: unsupported operand type(s) for ** or pow()"\nmsgstr "$ python prog.py 4\\nTraceback (most '
                'recent call last):\\nTypeError: unsupported operand type(s) for ** or pow()"\n', path="messages.po",
                note="a literal block (Sphinx keeps its lines): code and its output"),
        Example('msgid "python -m pydoc sys"\nmsgstr "python -m pydoc sys"\n', path="messages.po",
                note="a command line: a program and its option"),
        Example('msgid "sudo dnf install python3-idle"\nmsgstr "sudo dnf install python3-idle"\n', path="ko.po",
                note="a command a documentation's table gives without a literal's marks"),
        Example('msgid "from tkinter import ttk"\nmsgstr "from tkinter import ttk"\n', path="ko.po"),
        Example('msgid "unsigned long"\nmsgstr "unsigned long"\n', path="ko.po", note="a C type"),
        Example('#: c-api/bytes.rst:3\nmsgid "const char\\\\*"\nmsgstr "const char\\\\*"\n', path="ko.po",
                note="… with reST's escaped asterisk"),
        Example('msgid "source tutorial-env/bin/activate"\nmsgstr "source tutorial-env/bin/activate"\n', path="ko.po",
                note="a shell command whose last word is a path"),
        Example('msgid "pkg install python3"\nmsgstr "pkg install python3"\n', path="ko.po",
                note="… or a name with a digit"),
        Example('msgid "\\"text-bold text-red\\""\nmsgstr "\\"text-bold text-red\\""\n', path="ko.po",
                note="a string literal of class names"),
        Example('#: library/email.generator.rst:3\n#, python-format\nmsgid "\\"[Non-text (%(type)s) part omitted]\\""\n'
                'msgstr "\\"[Non-text (%(type)s) part omitted]\\""\n', path="ko.po",
                note="a string literal with a named placeholder: a default value in the code"),
        Example('msgid "Copyright © 2001-2024 Python Software Foundation. All rights reserved."\n'
                'msgstr "Copyright © 2001-2024 Python Software Foundation. All rights reserved."\n', path="ko.po",
                note="a legal notice"),
        Example('msgid "T. Dierks et. al."\nmsgstr "T. Dierks et. al."\n', path="ko.po", note="authors cited by name"),
        Example('#: ../../whatsnew/2.7.rst:5\nmsgid "A.M. Kuchling (amk at amk.ca)"\nmsgstr "A.M. Kuchling (amk at amk.ca)"\n',
                path="id.po", note="python-docs-id: a byline, the author's address written out against spam"),
        Example('msgid "pybabel extract -o messages.pot -k lazy_gettext src"\n'
                'msgstr "pybabel extract -o messages.pot -k lazy_gettext src"\n', path="messages.po",
                note="a command line with two options"),
        Example('msgid "$ pybabel extract -o messages.po /usr/lib/python3.12/argparse.py"\n'
                'msgstr "$ pybabel extract -o messages.po /usr/lib/python3.12/argparse.py"\n', path="messages.po",
                note="a command after a shell's prompt"),
        Example('msgid ">>> from pathlib import Path"\nmsgstr ">>> from pathlib import Path"\n', path="messages.po",
                note="a line after Python's prompt"),
        Example('msgid "cssclasses = [\\"mon text-bold\\", \\"tue\\", \\"sun red\\"]"\n'
                'msgstr "cssclasses = [\\"mon text-bold\\", \\"tue\\", \\"sun red\\"]"\n', path="messages.po",
                note="an assignment"),
        Example('#: whatsnew/2.7.rst:12\nmsgid ":pep:`453` -- Explicit bootstrapping of pip in Python installations"\n'
                'msgstr ":pep:`453` -- Explicit bootstrapping of pip in Python installations"\n', path="messages.po",
                note="a cited PEP's title after reST's dash `--`"),
        Example(_ENGB + 'msgid "Show trailing zeroes"\nmsgstr "Show trailing zeroes"\n',
                path="messages.po", note="an English variant keeps its source"),
        Example('#: library/cmath.rst:12\nmsgid "Kahan, W:  Branch cuts for complex elementary functions. In Iserles, '
                'A. (ed.), The state of the art in numerical analysis. Clarendon Press (1987) pp165--211."\n'
                'msgstr "Kahan, W:  Branch cuts for complex elementary functions. In Iserles, A. (ed.), The state of the '
                'art in numerical analysis. Clarendon Press (1987) pp165--211."\n', path="fr.po",
                note="a bibliographic reference: cited as published"),
        Example('msgid "Kernighan, B. W. and Ritchie, D. M. The C Programming Language. Prentice Hall (1988)."\n'
                'msgstr "Kernighan, B. W. and Ritchie, D. M. The C Programming Language. Prentice Hall (1988)."\n',
                path="fr.po", note="a reference to two authors"),
        Example('msgid "D. E. Knuth. The art of computer programming, volume 2: seminumerical algorithms. '
                'Addison-Wesley (1997)."\n'
                'msgstr "D. E. Knuth. The art of computer programming, volume 2: seminumerical algorithms. '
                'Addison-Wesley (1997)."\n',
                path="fr.po", note="a reference that writes the author's initials first"),
        Example('msgid "Email"\nmsgstr "Email"\n', path="messages.po"),
        Example('msgctxt "unit-symbols"\nmsgid "kilometers per hour,kmph,kmh,kph"\n'
                'msgstr "kilometers per hour,kmph,kmh,kph"\n', path="ja.po", note="names a user may type"),
        Example('msgid "%d / %d"\nmsgstr "%d / %d"\n', path="messages.po"),
        Example('msgid "Supprimer le fichier"\nmsgstr "Delete the file"\n', path="messages.po"),
        Example('msgid "Brouillon"\nmsgstr ""\n', path="messages.po"),
        Example('# copylint: disable=B102\nmsgid "Mot de passe"\nmsgstr "Mot de passe"\n', path="messages.po"),
        Example(xliff_example("Forgot your password?", "Forgot your password?", state="initial"), path="app.xlf",
                note="2.0: not translated yet"),
        Example(xliff_example("Forgot your password?", "Forgot your password?", version="1.2",
                              state="needs-translation"), path="app.xlf"),
        Example(xliff_example('<pc id="1">Save</pc>', '<pc id="1">Save</pc>'), path="app.xlf",
                note="one word once the codes are set aside"),
        Example(xliff_example("Acme Cloud", "Acme Cloud", unit=' translate="no"'), path="app.xlf"),
        Example(xliff_example("This value should be false.", "This value should be false.", version="1.2")
                .replace('target-language="fr"', 'target-language="en"'), path="validators.en.xlf",
                note="a catalogue into its source's own language (Symfony's validators.en.xlf)"),
    )

    def check_document(self, doc: Document) -> Iterator[Finding]:
        if self.kinds.isdisjoint(map(_KIND, doc.segments)):
            return  # no translation (a Markdown page): the segments' kinds asked in C
        if _into_its_source_language(doc):
            return  # an English variant's catalogue (en_GB), or an XLIFF whose target language is its source's
        markup = markup_of(doc)
        copies: list[Segment] = []  # the copies reported
        silenced: list[Finding] = []  # copies a switch silences: reported each, for the engine to drop
        others = 0  # the strings to translate that are no copies reported (kept in the catalogue's words, silenced)
        translated: list[str] = []  # the sources of the translations that differ from them
        for seg in doc.segments:
            both = pair(seg, doc) if seg.kind in self.kinds else None
            if both is None:
                continue
            source, target = both
            if target != source:
                translated.append(source)
            elif not _to_translate(source, markup, doc):
                continue  # no words to translate: code, a name, a command line, a cited title
            elif _in_own_words(source, markup, doc):
                others += 1  # `Product details` in a Dutch catalogue that writes `product` and `details` elsewhere
            else:
                found = self._each(seg)
                if any(s.covers(found) for s in doc.suppressions):
                    silenced.append(found)
                    others += 1
                else:
                    copies.append(seg)
        yield from silenced
        # A catalogue left untranslated (most of its strings to translate copied): one fact, reported once,
        # at its first copy, the others its related places; a few copies in a translated catalogue, each.
        strings = _strings_to_translate(len(copies), others, translated, markup, doc) if len(copies) >= HABIT else 0
        if len(copies) >= HABIT and strings <= 2 * len(copies):
            yield from habit_or_each(copies, lambda _: self._habit(copies, strings, doc), self._each)
        else:
            yield from map(self._each, copies)

    def _each(self, seg: Segment) -> Finding:
        return self.finding(seg, 0, len(seg.text), "The translation is the source text, untranslated")

    def _habit(self, copies: Sequence[Segment], strings: int, doc: Document) -> Finding:
        language = f" (the catalogue's language: {doc.language})" if doc.language_from != "default" else ""
        return self.finding(copies[0], 0, len(copies[0].text),
                            f"{len(copies)} of {strings} strings are their source text, untranslated{language}")


def _strings_to_translate(copies: int, others: int, translated: Sequence[str], markup: str, doc: Document) -> int:
    """How many of the catalogue's strings have words to translate: its ``copies`` reported, its ``others``
    (copies not reported) and those of ``translated`` (the sources of its translations) that have. Counted
    until they are more than twice the copies, enough to tell that the copies are fewer than half: a
    translated catalogue with a few copies reads only some of its sources."""
    strings = copies + others
    for source in translated:
        if strings > 2 * copies:
            break
        strings += _to_translate(source, markup, doc)
    return strings


def _byline(source: str) -> bool:
    """An author's name and address and nothing else (`A.M. Kuchling (amk at amk.ca)`): the address's
    mailbox is made of the name, its initials (`amk`) or one of its words of three letters or more (`gward`
    for Greg Ward), and no word of the name is one a sentence has (`Mail Me (amk at amk.ca)`, `Contact Me
    Here (…)`: English words to translate, title-cased)."""
    m = _AUTHOR_ADDRESS.fullmatch(source)
    if m is None:
        return False
    words = re.findall(r"[A-Z][\w'’-]*", m.group(1))
    mailbox = m.group(2).lower()
    if any(len(w) > 1 and (w.lower() in _FUNCTION_WORDS or w.lower() in _PRONOUNS) for w in words):
        return False
    return mailbox.startswith("".join(w[0] for w in words).lower()) or any(
        len(w) > 2 and w.lower() in mailbox for w in words)


# Pronouns a title-cased sentence has and a name has not (`Mail Me`, `Write To Us`).
_PRONOUNS = frozenset("i me my we us our he him his she her they them their".split())

def _to_translate(source: str, markup: str, doc: Document) -> bool:
    """Whether ``source`` has words to translate: two words in a row outside code, and no name, list, command
    line, usage synopsis, cited title or bibliographic reference, each of which a translation keeps as it is."""
    if _LIST.fullmatch(source) or _PRODUCT.fullmatch(source) or not reads_as_prose(source, markup):
        return False
    if _COPYRIGHT.fullmatch(source) or _ET_AL.fullmatch(source) or _byline(source):
        return False  # a legal notice, authors' names
    # (reST's escapes read as the characters they stand for: `const char\*` is `const char*`.)
    code = _ESCAPED.sub(r"\1", source) if markup == "rst" else source
    if (_COMMAND.fullmatch(source) or _two_options(source) or _code(code, markup)) \
            and not source.rstrip().endswith((".", "!", "?", ":")):
        return False  # a command line, copied as the user types it
    if _synopsis(source) or _bare_command(source, doc) or _prefixed_code(source, markup, doc):
        return False  # `git stash list [<log-options>]`: a command's usage, what the user types
    if markup == "rst" and _CITATION.match(source):
        return False  # `:pep:`3105` - Make print a function`: the cited document's own title, kept as it is
    # `Kahan, W: Branch cuts … (1987)`: a publication cited as it was published
    return not cites_a_publication(source)


# Languages whose noun phrases put the noun first, the adjective or the complement after it (WALS 87A, order
# of adjective and noun: the Romance languages), where a copy's pair of words in English's order is English.
_NOUN_FIRST = frozenset({"fr", "es", "it", "pt", "ro", "ca", "gl", "oc"})
# How many of a catalogue's translations must write a word for it to be one of the translation's language.
_OWN_WORD_USES = 2


def _in_own_words(source: str, markup: str, doc: Document) -> bool:
    """Whether each word of ``source`` (a copied string) is one that two or more of the catalogue's
    translations whose words differ from their sources' write (compared in lower case): the language's word
    too. A translation that is its source with a full stop added or a capital changed writes no word of its own."""
    words = [w.lower() for w in translatable_words(source, markup)]
    if not words:
        return False
    own = doc.memo.get("b102-own-words")
    if own is None:
        own = Counter()
        pairs: set[tuple[str, str]] = set()
        noun_first = primary(doc.language or "") in _NOUN_FIRST
        for seg in doc.segments:
            both = pair(seg, doc) if seg.kind in UntranslatedString.kinds else None
            if both is None or both[0] == both[1]:
                continue
            in_order = [w.lower() for w in translatable_words(both[1], markup)]  # its prose: no code
            written = set(in_order)
            lowered = both[0].lower()
            # (The source's words are read only where each written word stands in it: a translation mostly.)
            if any(w not in lowered for w in written) or written != {w.lower() for w in translatable_words(both[0], markup)}:
                own.update(written)  # not a copy with a stop or a capital changed (`Delete the file.`)
                if noun_first:
                    pairs.update(pairwise(in_order))
        doc.memo["b102-own-words"] = own
        doc.memo["b102-own-pairs"] = pairs if noun_first else None
    if not all(own[w] >= _OWN_WORD_USES for w in words):
        return False
    # In a language that puts the noun first (`Page de contact`), words in English's order (`Contact page`) are
    # English unless its translations write them so.
    pairs = doc.memo["b102-own-pairs"]
    return pairs is None or all(pair_ in pairs for pair_ in pairwise(words))


def _synopsis(source: str) -> bool:
    """Whether ``source`` is a usage synopsis: its first line a program's name and at most two subcommands
    (no English function word: `git is fast` is a sentence), then usage notation only (an option, `[…]`,
    `<…>`, `|`, `(…)`, `...`, and lower-case words only as alternatives, `( pop | apply )`, or alone in
    brackets, `[show]`), and each line after it indented, its continuation (`      [--dry-run | -n] <ref>...`).
    A first line indented is a hint's (`  (use "git add" to track)`), no synopsis."""
    depth = 0  # the brackets open
    subcommand = False  # a subcommand after the program's options seen (`git notes [--ref <ref>] get-ref`)
    for n, line in enumerate(source.rstrip().split("\n")):
        words = line.split()
        if line[:1].isspace() != (n > 0):
            return False
        if n == 0:
            head = _SYNOPSIS_HEAD.match(line)
            if (head is None or head.end() == len(line) or line[head.end()] != " "
                    or _FUNCTION_WORDS.intersection(head.group().split()) or _prose_head(head.group(), source)):
                return False
            words = line[head.end():].split()
        if not words or not _NOTATION.search(words[0]):
            return False
        for i, w in enumerate(words):
            opened = depth + w.count("[") + w.count("(")
            depth = opened - w.count("]") - w.count(")")
            before, after = words[i - 1] if i else "", words[i + 1] if i + 1 < len(words) else ""
            if _usage_word(w, opened, before, after):
                continue
            if subcommand or not _subcommand_after_options(w, opened, before, after):
                return False
            subcommand = True
    return True


def _subcommand_after_options(word: str, depth: int, before: str, after: str) -> bool:
    """Whether a word outside brackets is the subcommand after a program's options (`git notes [--ref
    <notes-ref>] get-ref`, `git multi-pack-index [<options>] verify`): one word in lower case, no English
    function word nor one inflected as prose (`to`, `failed`), right after a bracket closed and before
    notation or the end (`[-f] to overwrite` is prose)."""
    return (depth == 0 and _SUBCOMMAND.fullmatch(word) is not None and word not in _FUNCTION_WORDS
            and not word.endswith(("ing", "ed", "ly")) and before.endswith("]") and after[:1] in ("", "[", "<", "-"))


def _code(source: str, markup: str) -> bool:
    """Whether ``source`` is code given without a literal's marks (``_CODE``): no sentence's function word
    outside the strings it passes (`sudo is required to install it`, `len("abc") returns 3 (the number of
    characters)`, `typedef is a keyword you can use in C;` are sentences), but `from`, an import's keyword."""
    if _CODE.fullmatch(source) is None:
        return False
    if source.startswith('"'):
        # A string literal, its words the value's; one with a placeholder only on a documentation page, where
        # it shows code's value: an application's message may be quoted whole (`"Hello %(name)s, welcome!"`).
        return markup == "rst" or "%(" not in source
    if source.startswith("from "):
        return True
    # (Nor an English verb's inflection or a negation before the last word: `failed reading ./config`,
    # `cannot open ~/.netrc`, `deprecated since python3` are messages that end with a path or a name.)
    unquoted = _QUOTED.sub(" ", source)
    words = unquoted.split()
    return _FUNCTION_WORDS.isdisjoint(_WORD.findall(unquoted)) \
        and not (re.search(r"[/\d]", words[-1]) and any(_INFLECTED.fullmatch(word) for word in words[:-1]))


_QUOTED = compiled_on_use(r"'[^'\n]*'|\"[^\"\n]*\"")
_INFLECTED = compiled_on_use(r"[a-z]{4,}ed|[a-z]{3,}ing|cannot|can't|unable|invalid|since")
_ESCAPED = compiled_on_use(r"\\([^\w\s])")
_WORD = compiled_on_use(r"[A-Za-z]+")


def _prefixed_code(source: str, markup: str, doc: Document) -> bool:
    """Whether ``source`` is a program's prefix (its name, and its subcommand's, in lower case with a
    colon: `git archive: `) before nothing to translate (`NACK %s`: a protocol's word and a placeholder).
    The program must open a usage synopsis of the catalogue: two lower-case words and a colon are as
    often a message's own words (`invalid option: %s`, `patch failed: %s:%ld`), left untranslated."""
    prefix = _PROGRAM_PREFIX.match(source)
    return (prefix is not None and not reads_as_prose(source[prefix.end():], markup)
            and prefix.group().split()[0].rstrip(":") in synopsis_programs(doc))


def _bare_command(source: str, doc: Document) -> bool:
    """Whether ``source`` is a command with no notation (`git reflog list`, `git pack-refs `): a synopsis's
    head alone, whose program and subcommand open a usage synopsis elsewhere in the catalogue (`git reflog
    [show] [<log-options>] [<ref>]`), the catalogue's evidence that they are a command's, not words."""
    head = source.rstrip(" ")
    if not _SYNOPSIS_HEAD.fullmatch(head) or head.count(" ") < 1 or _prose_head(head, source) \
            or _FUNCTION_WORDS.intersection(head.split()):
        return False
    if " ".join(head.split()[:2]) in _synopsis_commands(doc):
        return True
    # The head of a usage line the program completes (`git for-each-ref `, git's usage strings built from
    # pieces): a program that opens a synopsis of the catalogue and one subcommand named with a hyphen, as
    # no English word is (`git broke ` is a message's), then the space before the notation appended.
    return (source.endswith(" ") and not source.endswith("  ") and head.count(" ") == 1
            and "-" in head.split()[1].strip("-") and head.split()[0] in synopsis_programs(doc))


def _synopsis_commands(doc: Document) -> frozenset[str]:
    """The program and first subcommand (`git reflog`) of each usage synopsis among the catalogue's
    sources, found once per document."""
    found = doc.memo.get("synopsis-commands")
    if found is None:
        sources = [seg.source_text for seg in doc.segments if seg.source_text]
        if doc.format == "po":
            sources += _msgids(doc.text)  # an untranslated entry's synopsis is the catalogue's too (no segment)
        found = doc.memo["synopsis-commands"] = frozenset(
            " ".join(s.split()[:2]) for s in sources if _synopsis(s))
    return cast("frozenset[str]", found)


# A PO entry's msgid as written, its first quoted line and those that continue it.
_MSGID = compiled_on_use(r'^msgid ("(?:[^"\\\n]|\\.)*"(?:[ \t]*\r?\n[ \t]*"(?:[^"\\\n]|\\.)*")*)', re.M)


def _msgids(text: str) -> list[str]:
    """The msgids of a PO file, decoded, translated or not (an untranslated entry makes no segment)."""
    from lint.formats.po import decoded_raw

    return [decoded_raw(m.group(1)[1:-1]) for m in _MSGID.finditer(text)]


def synopsis_programs(doc: Document) -> frozenset[str]:
    """The programs (`git`) that open a usage synopsis among the catalogue's sources: the catalogue's
    evidence that a lower-case word opening a message (`git checkout: `) is a program's name, where
    two words and a colon are as often a message's own (`invalid option: `)."""
    return frozenset(c.split()[0] for c in _synopsis_commands(doc))


def _prose_head(head: str, source: str) -> bool:
    """Whether a synopsis's head, with nothing optional or alternative after it (no `[`, no `|`), reads
    as prose: a word inflected as English words are and commands seldom are (`ignore refs matching
    <pattern>`, `machine friendly --stat`), or one word alone (`missing --config=<config>`)."""
    if "[" in source or "|" in source:
        return False
    # (`-ply` is a verb's, `reapply`, `apply`, `reply`, as no adverb's)
    return " " not in head or any(w.endswith(("ing", "ed", "ly")) and w not in _PLY_VERBS for w in head.split())


# Verbs in `-ply` (`git sparse-checkout reapply`), no adverbs; `simply`, `deeply`, `cheaply` are.
_PLY_VERBS = frozenset("apply reapply reply supply comply imply multiply ply".split())


def _usage_word(word: str, depth: int, before: str, after: str) -> bool:
    """Whether one word of a synopsis is usage notation: an option, a `<placeholder>`, `...`, `|`, an
    alternative (`(init|list)`, `pop |`), or a lower-case word alone in brackets (`[show]`) or opening
    a group of notation (`[list [<object>]]`). A word in
    brackets with words beside it (`(too large)`, `[and free]`, `(merge or diff3)`) is prose."""
    core = word.strip("[]()")
    if core[:1] == "-" or "<" in core or ">" in core or core.strip(".|") == "":
        return True
    if "|" in core or before.endswith("|") or after.startswith("|"):
        return all(w.islower() or w == "" for w in core.split("|"))
    whole = word[-1:] == "]" or after[:1] in "[<-("  # `[show]`, or a subcommand's group: `[list [<object>]]`
    return depth > 0 and core.islower() and whole and word[0] == "[" and bool(after or word[-1:] == "]")


def _two_options(source: str) -> bool:
    """Whether a one-line string that starts with a word in lower case names two options or more after it
    (`pybabel extract -o out.po -k _`): a command line. The first must be a whole option (`-o`,
    `--output=x`), the next one only starts as one (`-k`, `-OO,`)."""
    if "\n" in source or not ("a" <= source[:1] <= "z"):
        return False
    words = source.split(" ")[1:]
    first = next((i for i, w in enumerate(words) if _OPTION.fullmatch(w) and (i + 1 < len(words) or "=" in w)), None)
    return first is not None and any(_OPTION.match(w) for w in words[first + 1 :])


def _into_its_source_language(doc: Document) -> bool:
    """Whether the catalogue translates into its source's language: a PO catalogue for an English
    variant (msgids are English), an XLIFF whose `target-language` is its `source-language` (Symfony's
    `validators.en.xlf`), where most strings are kept as they are."""
    if doc.format == "po":
        return (_po_language(doc) or "").split("-")[0].lower() == "en"
    if doc.format == "xliff":
        from lint.formats.xliff import file_language, source_language

        source, target = source_language(doc.source), file_language(doc.source)
        return source is not None and target is not None and (
            source.split("-")[0].lower() == target.split("-")[0].lower())
    return False


def _po_language(doc: Document) -> str | None:
    """The catalogue's language (its PO header); the PO reader is imported only when a PO file is read."""
    from lint.formats.po import file_language

    return file_language(doc.source)

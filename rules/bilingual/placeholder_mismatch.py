"""B101 placeholder-mismatch: the translation's placeholders differ from the source's."""

from __future__ import annotations

import re
from collections import Counter

from lint.formats.bilingual import INTTYPES, markup_of, note_leaves_widths, singular, xliff_example
from lint.formats.builder import PRINTF_SPEC, TEMPLATE_PLACEHOLDER
from lint.language import primary
from lint.model import Document, Segment, Severity
from lint.patterns import compiled_on_use
from lint.rule import Example

from ._pairwise import Difference, PairwiseRule

# Flags that change how a number is shown, not which argument is read: glibc's `I` (the locale's
# digits) and POSIX's `'` (grouped thousands, `%'d`).
_DISPLAY_FLAGS = compiled_on_use(r"%(\d+\$)?['I]+")
_URL_IN_TEXT = compiled_on_use(r"\b(?:https?|ftp)://[^\s<>\"'`]+")
# An integer conversion, the kind a plural form's count takes (`%d`, `%1$lu`, `%i`, `%(n)d`).
_INTEGER = compiled_on_use(r"[diu]$")
# A named placeholder that reads as a count (`{count}`, `${resultCount}`, `%(n)s`, `{num_files}`).
_COUNT_NAME = compiled_on_use(r"(?i)[{(](?:\w*count|n|num\w*|number\w*|total\w*|amount|quantity)[})]")
_PRINTF = compiled_on_use(r"%(?:(\d+)\$)?(" + PRINTF_SPEC + ")")
# GNU gettext's <inttypes.h> directives (bilingual.INTTYPES: `%<PRIuMAX>`, `%08<PRIx64>`): keyed by the whole
# macro with its flags and width, for `%u` or `%<PRIu32>` in place of `%<PRIuMAX>` passes an argument of
# another size, which msgfmt -c reports too, and `%8<PRIx64>` for `%08<PRIx64>` pads otherwise.
_INTTYPES = INTTYPES
# An octal conversion (`%o`, `%03o`: a file's mode), which printf has and the shared placeholder pattern
# leaves out; not before a letter (`100%of`).
_OCTAL = compiled_on_use(r"%(?:(\d+)\$)?([-+0#]*\d*(?:hh|ll|[hljztLq])?o)(?![A-Za-z])")
# What printf reads as the flags `0` and `-` of a conversion (`%0-f`), where a word goes on after it: an argument
# numbered as Qt and JabRef number them (`%0`, `%1`) before a hyphen, in a compound (`%0-fil`, `%0-server`).
_NUMBER_AND_HYPHEN = compiled_on_use(r"%\d+-[A-Za-z]")
# An argument numbered as Qt and JabRef number theirs (`%0`, `%1`), and one no printf conversion reads (`%0 `,
# `%1:`, `%0-`, at the end): where either side of a pair writes one, each `%` and number is that argument,
# whatever letters follow (`%0s`, the plural of a word; Finnish's `%0:t`), and only printf's conversions
# without a number (`%s`) stay conversions.
_NUMBERED = compiled_on_use(r"%(\d+)(?![\d$])")
_CONVERSION = compiled_on_use(_INTTYPES.pattern + "|" + _OCTAL.pattern + "|" + TEMPLATE_PLACEHOLDER.pattern)


class PlaceholderMismatch(PairwiseRule):
    code = "B101"
    slug = "placeholder-mismatch"
    summary = "Translation's placeholders differ from the source's"
    rationale = """
**What it does.** Compares the format placeholders (`%s`, `%d`, `%(name)s`, `{0}`, `{name}`,
`{{name}}`) of a translation with those of its source string (a PO `msgid`, an XLIFF `<source>`), and
flags any that are missing, added or changed. XLIFF inline codes (`<ph id="1"/>`) are compared by B106
tag-mismatch.

**Why is this bad?** A missing or altered placeholder crashes the program that formats the string
(`%d` with no argument), or shows the wrong value; an MT engine that "translated" `%(name)s` into
`%(nom)s` breaks it silently.

In a catalogue of reST strings (a Sphinx translation), the braces of `:file:` and `:samp:` roles and
inline literals are the page's text, not placeholders a program fills (B106 compares them as code), and
`%-style` or `%-formatting` names printf-style formatting. In a PO entry flagged as C's (`#, c-format`),
and in a catalogue whose format strings are all flagged so (a C program's) in an entry without flags
whose locations name no C++, Python, C#, JavaScript or Rust source, only printf conversions and numbered
braces (`{0}`) are placeholders: `{unset}` is a word shown in braces. GNU gettext's `<inttypes.h>`
directives (`%<PRIuMAX>`, `%1$<PRId64>`, `%08<PRIx64>` with printf's flags and width) are conversions of the
type and width their macro names (`%u` or `%<PRIu32>` for `%<PRIuMAX>` differs, and so does `%8<PRIx64>` for
`%08<PRIx64>`), and `%o` is
printf's octal conversion.

Where the entry's note for translators (a PO extracted comment, `#.`, the program's `TRANSLATORS:`
comment) lets the translator adjust, align or pad the string and forbids nothing (not `do not change the
widths`, nor a note that names a value's width) (git's `you can
adjust this to align "git add -i" status menu` over `%12s %12s %s`), a conversion whose width alone changed
(`%20s` for `%12s`: the same argument, of the same type) is the translation's layout; its type, flags and
argument are still compared. (It could hide a width changed by mistake in such an entry: a column out of
line, never a wrong or missing value.)

A brace placeholder with a format spec on one side (`{count:L}`, fmt's locale-aware number, for
`{count}`) takes the same argument as the bare one on the other.

A placeholder that names its value (`{{ limit }}`, `{name}`, `{0}`, a numbered conversion `%1$s`) may be
written more or fewer times than in the source (`greater than {{ x }} or equal to {{ x }}`): the program fills every copy; not twice
in a row with no word between (`{{ count }} {{ count }} fichiers`, an MT engine's stutter). An
unnumbered printf conversion takes the next argument, so its count is compared.

A source that is a strftime format (`%b %e`, `%l∶%M %p`: its conversions are strftime's, one of them
one printf lacks, none `%s`, and no word among them) asks for the language's own date format: the
translation may reorder, pad, spell out or drop the AM/PM of its conversions for a 24-hour clock
(`%-d %b`, `%-m月%-d日`, `%H∶%M`), and is flagged where it shows less, a month, day, year, hour,
minute, second, weekday or half of the day the source shows and no conversion of the translation does
(`%e %d`; `%l:%M`, a 12-hour clock without `%p`).

Plural forms are compared with `msgid_plural`, and may hold `msgid`'s placeholders too; in a language
of two forms (`nplurals=2`), `msgstr[0]`, the form for one, may leave the count out (`un fichier`), and
so may any form the header's `Plural-Forms` picks for fewer than five values of n up to 1000, as
`msgfmt -c` allows (Hebrew's `n==1 ? 0 : n==2 ? 1 : …`, a Serbian team's `n==1 ? 3 : …`, Arabic's forms
for 0, 1 and 2): the count (an integer conversion, or the only placeholder), never another argument. Plural forms in one string, separated by `|` (Symfony, Laravel), are
as many as the language has: the placeholders each form uses are compared as a set.
In an i18n catalogue, the braces around an ICU plural or select branch's text (`one {Element}`) are no
placeholder, and i18next's form for zero, one or two (`item_one`) may add or drop `{{count}}`, as an Android
plural's quantity `zero`, `one` or `two` may add or drop its count, an integer conversion (`%d`) or the
string's only placeholder where it is the first argument and stands before the word it counts (NewPipe's
`%s views`, a number the program formats; not a name, `New video from %s`, nor where a `%` is left broken,
`% s`), but for a form
that stands for many numbers (Russian's `one`: 1, 21, 31…; Slovenian's `two`), which must say how many. A numbered argument
before a hyphen that goes on in a word (`%0-fil` for `%0 file`, as JabRef and Qt number their arguments) is
no conversion with the flags `0` and `-`. Where either side writes such an argument where no printf
conversion reads one (`%0 `, `%1:`, at the end), the pair numbers its arguments so: each `%` and number is
that argument whatever letters follow (`%0s`, a word's plural; Finnish's case ending `%0:t`), and a
printf conversion without a number (`%s` for `%0`) still differs; so does every pair of a catalogue whose
sources write such an argument in two strings or more (`%0ler` for `%0s`); a percentage written with its
sign first (Turkish's and Basque's `%50` for the other string's `50%`) is no such argument. A placeholder inside a tag the translation
drops whole (`Please see <a href="%2$s">this FAQ entry</a>` left out) is B106's finding, the tag's; one
changed inside a tag the translation keeps, or inside angle brackets that close no element (`<user@%2$s>`),
is still reported here.
"""
    severity = Severity.ERROR
    kinds = frozenset({"msgstr", "string", "target"})
    flag = (
        Example('#, python-brace-format\nmsgid "{count} of {total} files"\nmsgstr "{count:L} fichiers sur {count:L}"\n',
                path="fr.po", note="a spec keeps its own argument only: `{total}` is missing"),
        Example('#, c-format\nmsgid "expected object at offset %<PRIuMAX> in pack %s"\n'
                'msgstr "预期对象在包文件 %2$s 的偏移量上"\n', path="zh_CN.po",
                note="an <inttypes.h> conversion dropped"),
        Example('#, c-format\nmsgid "offset %<PRIuMAX> in pack %s"\nmsgstr "包文件 %2$s 的偏移量 %1$<PRId64>"\n',
                path="zh_CN.po", note="its type changed: u to d"),
        Example('#, c-format\nmsgid "offset %<PRIuMAX> in pack %s"\nmsgstr "包文件 %2$s 的偏移量 %1$u"\n',
                path="zh_CN.po", note="its width changed: `%u` takes an unsigned int, not a uintmax_t"),
        Example('#, c-format\nmsgid "bad offset %08<PRIx64> in pack %s"\nmsgstr "mauvais décalage dans le paquet %2$s"\n',
                path="fr.po", note="an <inttypes.h> conversion with flags and a width, dropped"),
        Example('#, c-format\nmsgid "bad offset %08<PRIx64> in pack %s"\nmsgstr "mauvais décalage %8<PRIx64> dans %s"\n',
                path="fr.po", note="its zero padding dropped"),
        Example('#, c-format\nmsgid "new mode (%o) of %s does not match old mode (%o)"\n'
                'msgstr "%2$s의 새 모드(%1$o)가 예전 모드와 다릅니다"\n', path="ko.po", note="an octal conversion dropped"),
        Example('#. TRANSLATORS: do not change the widths, the columns must line up with the header\n#, c-format\n'
                'msgid "%-12s %8s %s"\nmsgstr "%-12s %12s %s"\n', path="de.po", note="a note that forbids the change"),
        Example('#. TRANSLATORS: %s is the width of the image, e.g. 640px\n#, c-format\nmsgid "Width: %8s"\n'
                'msgstr "Largeur : %12s"\n', path="fr.po", note="a note that names a value's width, not the string's layout"),
        Example('#. TRANSLATORS: the first %s is a branch name\n#, perl-format\nmsgid "%12s %12s %s"\n'
                'msgstr "%20s %20s %s"\n', path="pl.po", note="widths changed where the note leaves them alone"),
        Example('#. TRANSLATORS: you can adjust this to align "git add -i" status menu\n#, perl-format\n'
                'msgid "%12s %12s %s"\nmsgstr "%20d %20s %s"\n', path="pl.po",
                note="the note leaves the widths to the translator, not the type: `%d` for `%s`"),
        Example('msgid "%b %e"\nmsgstr "%e %d"\n', path="gu.po", note="a date format that lost its month"),
        Example('msgid "%b %e"\nmsgstr "%е %b"\n', path="bg.po", note="a Cyrillic `е`: no conversion, no day"),
        Example('msgid "%l∶%M %p"\nmsgstr "%l:%M"\n', path="is.po", note="a 12-hour clock without its AM/PM"),
        Example('#, c-format\nmsgid "%h %s"\nmsgstr "%h"\n', path="sv.po", note="`%s` is printf's: no date format"),
        Example('#, c-format\nmsgid "Logs are rotated daily at %H:%M, see %s."\nmsgstr "Los registros rotan a diario a las %H:%M."\n',
                path="es.po", note="a sentence that holds a time is no date format: its `%s` is compared"),
        Example('msgid ""\nmsgstr ""\n"Plural-Forms: nplurals=6; plural=(n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : "\n'
                '"n%100>=3 && n%100<=10 ? 3 : n%100>=11 && n%100<=99 ? 4 : 5);\\n"\n\nmsgid "%d file in %s"\n'
                'msgid_plural "%d files in %s"\nmsgstr[0] "لا ملفات في %2$s"\nmsgstr[1] "ملف واحد في %2$s"\n'
                'msgstr[2] "ملفان"\nmsgstr[3] "%d ملفات في %s"\nmsgstr[4] "%d ملفًا في %s"\nmsgstr[5] "%d ملف في %s"\n',
                path="ar.po", note="a form for two spells its number out, and lost the folder too"),
        Example('msgid ""\nmsgstr ""\n"Plural-Forms: nplurals=6; plural=(n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : "\n'
                '"n%100>=3 && n%100<=10 ? 3 : n%100>=11 && n%100<=99 ? 4 : 5);\\n"\n\n#, python-brace-format\n'
                'msgid "{count} file in {folder}"\nmsgid_plural "{count} files in {folder}"\n'
                'msgstr[0] "لا ملفات في {folder}"\nmsgstr[1] "{count} ملف"\nmsgstr[2] "ملفان في {folder}"\n'
                'msgstr[3] "{count} ملفات في {folder}"\nmsgstr[4] "{count} ملفًا في {folder}"\n'
                'msgstr[5] "{count} ملف في {folder}"\n', path="ar.po",
                note="the form for one keeps its count and lost the folder; the forms for 0 and 2 spell the count out"),
        Example(xliff_example("Name: %s | Size: %s", "Nom : %s"), path="app.xlf",
                note="a | between parts that share no word: no plural forms"),
        Example('msgid "Bonjour %(name)s, bienvenue !"\nmsgstr "Hello, welcome back!"\n', path="messages.po"),
        Example('msgid "%d fichiers"\nmsgstr "%s files"\n', path="messages.po"),
        Example('msgid "Page {0} sur {1}"\nmsgstr "Page {0} of {2}"\n', path="messages.po"),
        Example('#, python-format\nmsgid "%d files"\nmsgstr "%d fichiers"\n\nmsgid "Hello {name}"\nmsgstr "Bonjour {nom}"\n',
                path="fr.po", note="a Python catalogue: braces may be placeholders"),
        Example('msgid "Bonjour {{user}}"\nmsgstr "Hello {{utilisateur}}"\n', path="messages.po"),
        Example('msgid "Votre panier"\nmsgstr "Your cart %s"\n', path="messages.po"),
        Example('msgid "%d file"\nmsgid_plural "%d files"\nmsgstr[0] "%d fichier"\nmsgstr[1] "des fichiers"\n',
                path="messages.po"),
        Example('msgid ""\nmsgstr ""\n"Plural-Forms: nplurals=3; plural=n%10==1 && n%100!=11 ? 0 : "\n'
                '"n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2;\\n"\n\nmsgid "%d file"\nmsgid_plural "%d files"\n'
                'msgstr[0] "jedna datoteka"\nmsgstr[1] "%d datoteke"\nmsgstr[2] "%d datoteka"\n', path="hr.po",
                note="form 0 is for 1, 21, 31 …: the count must be printed"),
        Example(xliff_example("Hello {name}, welcome back!", "Bonjour, bon retour !"), path="app.xlf"),
        Example(xliff_example("%d files deleted", "%s fichiers supprimés", version="1.2"), path="app.xlf"),
        Example('msgid "%s of %lu"\nmsgstr "%lu de %s"\n', path="messages.po",
                note="two conversions with and without a length modifier swap types"),
        Example('msgid "%s of %d"\nmsgstr "%2$s / %1$d"\n', path="messages.po",
                note="reordered by position, but argument 2 is a number: its type changed"),
        Example('msgid "%s: %s"\nmsgstr "%1$s : %1$s"\n', path="messages.po",
                note="argument 1 taken twice, argument 2 dropped"),
        Example('msgid "%s files"\nmsgstr "%1$s %1$s Dateien"\n', path="de.po",
                note="a numbered conversion stuttered, one copy after the other: shown twice"),
        Example(xliff_example("Between {{ min }} and {{ max }}.", "Entre {{ min }} et {{ min }}.", version="1.2"),
                path="validators.fr.xlf", note="a named placeholder written twice where another belonged"),
        Example(xliff_example("{{ count }} files deleted.", "{{ count }} {{ count }} fichiers supprimés.", version="1.2"),
                path="validators.fr.xlf", note="a named placeholder stuttered, one copy after the other: shown twice"),
        Example('msgid "Line %d, column %s"\nmsgstr "Colonne %s, ligne %d"\n', path="messages.po",
                note="unnumbered conversions are taken in order: the two arguments swapped types"),
        Example('msgid "Copying %\'d files to “%s”"\nmsgstr "Copie des fichiers vers « %s »"\n', path="fr.po",
                note="`%\'d` prints the count with grouped thousands"),
        Example('msgid "%s | %s"\nmsgstr "%s"\n', path="messages.po",
                note="a translation made only of placeholders is compared too"),
        Example(xliff_example("%s (%s)", "%s", version="1.2"), path="app.xlf"),
        Example('#: src/main.cpp:10\n#, c-format\nmsgid "%d files"\nmsgstr "%d fichiers"\n\n'
                '#: src/download.cpp:42\nmsgid "Saved to {path}"\nmsgstr "Enregistré dans {chemin}"\n', path="fr.po",
                note="one entry flagged c-format: a C++ source's other entries format with braces"),
        Example('#: src/main.c:10\n#, c-format\nmsgid "%d files"\nmsgstr "%d fichiers"\n\n'
                '#: src/pager.c:42\nmsgid "Page {0} of {1}"\nmsgstr "Page {0}"\n', path="fr.po",
                note="a numbered brace is no word, even in a C program's catalogue"),
        Example('msgid "%1$s refused. Please see <a href=\\"%2$s\\">this FAQ entry</a>."\n'
                'msgstr "%1$s a refusé. Voir <a href=\\"%3$s\\">la FAQ</a>."\n', path="fr.po",
                note="a placeholder changed inside a tag the translation keeps"),
        Example('#, c-format\nmsgid "Send to <user@%2$s> for %1$s"\nmsgstr "Envoyer pour %1$s"\n', path="fr.po",
                note="an address in angle brackets, no element B106 reports: the placeholder dropped"),
        Example('msgid "Latest version: %0"\nmsgstr "Última versión: %s"\n', path="es.po",
                note="a printf conversion for a numbered argument (JabRef's `%0`)"),
        Example('msgid "Copied %0 entries to %1"\nmsgstr "%0 Einträge nach %2s kopiert"\n', path="de.po",
                note="a numbered argument renumbered (`%2s` is `%2` before a word's letter, no printf `%s`)"),
    )
    allow = (
        Example('#, python-brace-format\nmsgid "Blocklist has {count} entry"\nmsgid_plural "Blocklist has {count} entries"\n'
                'msgstr[0] "La liste de blocage comporte {count:L} entrée"\n'
                'msgstr[1] "La liste de blocage comporte {count:L} entrées"\n', path="fr.po",
                note="transmission's fr.po: the count with fmt's locale-aware spec `:L`, the same argument"),
        Example('msgid "Connection to %0 server established."\nmsgstr "Anslutning till %0-server skapades."\n',
                path="sv.po", note="a numbered argument (JabRef's `%0`) in a compound, no conversion `%0-s`"),
        Example('msgid "%1$s refused. Please see <a href=\\"%2$s\\">this FAQ entry</a>."\n'
                'msgstr "%1$s a refusé."\n', path="fr.po",
                note="the placeholder left out with its link: B106 reports the link, one defect"),
        Example('msgid "The %0s are the same."\nmsgstr "%0:t ovat samat."\n', path="fi.po",
                note="JabRef's `%0` with an English plural `s`, and with a Finnish case ending: the same argument"),
        Example('msgid "Importing %0"\nmsgstr "%0 içe aktarılıyor"\n\nmsgid "Path to %0"\nmsgstr "%0 yolu"\n\n'
                'msgid "The %0s are the same."\nmsgstr "%0ler aynı."\n', path="tr.po",
                note="a catalogue whose sources number their arguments so: `%0s` and `%0ler` are `%0` too"),
        Example('msgid "Battery at 20% or lower"\nmsgstr "Pil %20 veya altında"\n', path="tr.po",
                note="Turkish writes a percent sign before its number: no argument `%20`"),
        Example('#. TRANSLATORS: you can adjust this to align "git add -i" status menu\n#, perl-format\n'
                'msgid "%12s %12s %s"\nmsgstr "%20s %20s %s"\n', path="pl.po",
                note="git's note lets the translator adjust the widths to the language's words"),
        Example('#, c-format\nmsgid "new mode (%o) of %s does not match old mode (%o)"\n'
                'msgstr "%2$s의 새 모드(%1$o)가 예전 모드(%3$o)와 다릅니다"\n', path="ko.po",
                note="octal conversions (`%o`, a file's mode) reordered"),
        Example('#, c-format\nmsgid "expected object at offset %<PRIuMAX> in pack %s"\n'
                'msgstr "预期对象在包文件 %2$s 的偏移量 %1$<PRIuMAX> 上"\n', path="zh_CN.po",
                note="an <inttypes.h> conversion (GNU gettext reads `%<PRIuMAX>`), its arguments reordered"),
        Example('#, c-format\nmsgid "bad offset %08<PRIx64> in pack %s"\n'
                'msgstr "paquet %2$s : mauvais décalage %1$08<PRIx64>"\n', path="fr.po",
                note="flags and a width before an <inttypes.h> macro, its arguments reordered"),
        Example('#. Translators: the time format for day and month name in the current locale\n'
                'msgid "%b %e"\nmsgstr "%-d %b"\n', path="pl.po",
                note="a date format: the language orders and pads its parts (`%-d` for `%e`)"),
        Example('msgid "%b %e"\nmsgstr "%-m月%-d日"\n', path="zh_TW.po", note="the month as a number"),
        Example('#. Translators: this is a time format without date used for AM/PM\n'
                'msgid "%l∶%M %p"\nmsgstr "%H∶%M"\n', path="de.po", note="a 24-hour clock"),
        Example('#: src/common/chanopt.c:83\nmsgid "{unset}"\nmsgstr "{nicht gesetzt}"\n\n#: src/common/text.c:12\n'
                '#, c-format\nmsgid "Joined %s"\nmsgstr "%s betreten"\n', path="de.po",
                note="a C program's catalogue (its format strings flagged c-format): braces are text"),
        Example('#: using/cmdline.rst:3\nmsgid "Both :file:`{prefix}/lib` and :samp:`{exec_prefix}`."\n'
                'msgstr "À la fois :file:`{préfixe}/lib` et :samp:`{préfixe_exec}`."\n', path="messages.po",
                note="reST: a :file: or :samp: variable part is words, not a placeholder"),
        Example('#: reference/lexical_analysis.rst:3\nmsgid "Write expressions as ``{expression}``."\n'
                'msgstr "Escriba expresiones como ``{expresion}``."\n', path="messages.po",
                note="reST: an inline literal is code on the page, B106\'s to compare"),
        Example('#: howto/enum.rst:3\nmsgid "%-style formatting: ``%s`` calls :meth:`__str__`."\n'
                'msgstr "Formato de estilo %: ``%s`` llama a :meth:`__str__`."\n', path="messages.po",
                note="reST: `%-style` names printf-style formatting"),
        Example('msgid "Votre panier contient %d articles."\nmsgstr "Your cart contains %d items."\n', path="messages.po"),
        Example('msgid "%(count)d de %(total)d"\nmsgstr "%(count)d of %(total)d"\n', path="messages.po"),
        Example('msgid "De {1} à {0}"\nmsgstr "From {1} to {0}"\n', path="messages.po",
                note="the order may change with the language"),
        Example('msgid "%s (%s)"\nmsgstr "%2$s（%1$s）"\n', path="zh_CN.po",
                note="gettext lets a translation reorder arguments by position"),
        Example('msgid "Line %u, Column %u"\nmsgstr "%2$u열, %1$u줄"\n', path="ko.po"),
        Example('msgid "%1$s by %2$d"\nmsgstr "%s par %d"\n', path="messages.po",
                note="the same arguments in the same order, numbered in the source alone"),
        Example('msgid "%s%s"\nmsgstr "%2$s%1$s"\n', path="messages.po"),
        Example('msgid "%s and its contents will be deleted."\nmsgstr "%1$s und der Inhalt von %1$s werden gelöscht."\n',
                path="de.po", note="a numbered conversion may take its argument twice: the program fills each"),
        Example('msgid "%ld of %s"\nmsgstr "%2$s : %1$ld"\n', path="messages.po",
                note="a length modifier (%ld, %zu, %lld) is part of the conversion"),
        Example(xliff_example("%s%s", "%2$s%1$s", version="1.2"), path="app.xlf"),
        Example('msgid "Brouillon"\nmsgstr ""\n', path="messages.po", note="untranslated: nothing to compare"),
        Example('msgid ""\nmsgstr ""\n"Plural-Forms: nplurals=2; plural=(n > 1);\\n"\n\nmsgid "%d file"\n'
                'msgid_plural "%d files"\nmsgstr[0] "un fichier"\nmsgstr[1] "%d fichiers"\n', path="messages.po",
                note="the form for one spells the count out"),
        Example('msgid ""\nmsgstr ""\n"Plural-Forms: nplurals=4; plural=n==1? 3 : n%10==1 && n%100!=11 ? 0 : "\n'
                '"n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2;\\n"\n\nmsgid "%d file"\nmsgid_plural "%d files"\n'
                'msgstr[0] "%d datoteka"\nmsgstr[1] "%d datoteke"\nmsgstr[2] "%d datoteka"\nmsgstr[3] "jedna datoteka"\n',
                path="sr@latin.po", note="the form the header picks for one alone spells it out"),
        Example('msgid ""\nmsgstr ""\n"Plural-Forms: nplurals=6; plural=(n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : "\n'
                '"n%100>=3 && n%100<=10 ? 3 : n%100>=11 && n%100<=99 ? 4 : 5);\\n"\n\nmsgid "About %u year ago"\n'
                'msgid_plural "About %u years ago"\nmsgstr[0] "منذ أقل من سنة"\nmsgstr[1] "منذ سنة"\n'
                'msgstr[2] "منذ سنتين"\nmsgstr[3] "منذ %u سنوات"\nmsgstr[4] "منذ %u سنة"\nmsgstr[5] "منذ %u سنة"\n',
                path="ar.po", note="Arabic's forms for 0, 1 and 2 alone spell the number out (the dual سنتين)"),
        Example('msgid "%d-bit"\nmsgstr "\u200f%Idبیتی"\n', path="messages.po", note="glibc\'s locale digits flag"),
        Example('msgid "%s (%\'dth copy)%s"\nmsgstr "%s (%d. koopia)%s"\n', path="et.po",
                note="the `\'` flag groups thousands: the same argument"),
        Example('msgid "100 % garanti"\nmsgstr "100 % guaranteed"\n', path="messages.po"),
        Example('msgid "See https://en.wikipedia.org/wiki/Salt_%28cryptography%29"\n'
                'msgstr "Voir https://fr.wikipedia.org/wiki/Salage_(cryptographie)"\n', path="messages.po",
                note="an escaped character in a URL"),
        Example('msgid "20 % de réduction sur tout"\nmsgstr "20% savings on everything"\n', path="messages.po",
                note="a percent sign before a word is not printf's space flag"),
        Example(xliff_example("Hello {name}, welcome back!", "Bonjour {name}, bon retour !"), path="app.xlf"),
        Example(xliff_example("Hello {name}", "Bonjour {name}", state="initial"), path="app.xlf",
                note="an initial segment is not translated yet"),
        Example(xliff_example("You must select at least {{ limit }} choice.|You must select at least {{ limit }} "
                              "choices.", "Вы должны выбрать хотя бы {{ limit }} вариант.|Вы должны выбрать хотя бы "
                              "{{ limit }} варианта.|Вы должны выбрать хотя бы {{ limit }} вариантов.", version="1.2"),
                path="validators.ru.xlf", note="Symfony's plural forms: three in Russian, one in Chinese"),
        Example(xliff_example("This collection should contain {{ limit }} element or more.|This collection should "
                              "contain {{ limit }} elements or more.", "该集合最少应包含 {{ limit }} 个元素。",
                              version="1.2"), path="validators.zh_CN.xlf"),
        Example(xliff_example("This value should be greater than or equal to {{ compared_value }}.",
                              "ဤတန်ဖိုးသည် {{ compared_value }} ထက်ကြီးသင့်သည် (သို့မဟုတ်) ဤတန်ဖိုးသည် "
                              "{{ compared_value }} ညီသင့်သည်။", version="1.2"), path="validators.my.xlf",
                note="a named placeholder said twice (`greater than X or equal to X`): the program fills every copy"),
    )

    head = "Placeholders differ from the source"

    def difference(self, seg: Segment, doc: Document, both: tuple[str, str]) -> Difference | None:
        # `%28` in a URL is an escaped parenthesis, not `%2` followed by `8`.
        if markup_of(doc) == "rst":
            both = (_without_variable_parts(both[0]), _without_variable_parts(both[1]))
        if is_date_format(both[0]):
            return _date_difference(*both)
        forms = seg.translates_plural_forms()
        both = (both[0], _without_percentages(both[1], both[0]))
        numbered = any(map(_numbers_arguments, both)) or _catalogue_numbers_arguments(doc)
        (source, source_written), (target, target_written) = (_arguments(t, forms, numbered) for t in both)
        if seg.index in doc.memo.get("po-printf-only", ()):
            # `{0}` is never a word shown in braces: a C catalogue's entry that writes one formats with braces
            source, target = (Counter({k: n for k, n in side.items() if k.startswith("%") or _INDEX.fullmatch(k)})
                              for side in (source, target))
        if source == target:
            return None
        missing = sorted((source - target).elements())
        extra = sorted((target - source).elements())
        missing = _left_with_their_tags(missing, both, source_written)  # B106's: `<a href="%2$s">` dropped
        # `{count}` written with a format spec on the other side (`{count:L}`, fmt's locale-aware form): the
        # same argument, which the placeholder pattern does not read with its spec.
        missing = [p for p in missing if not _with_a_spec(p, both[1])]
        extra = [p for p in extra if not _with_a_spec(p, both[0])]
        if not missing and not extra:
            return None
        if note_leaves_widths(seg, doc):
            missing, extra = _resized(missing, extra)
        one = singular(seg, doc)
        if one is not None:  # a plural form: msgid_plural is its source, msgid's placeholders are allowed too
            extra = [p for p in extra if p not in _arguments(one, forms)[0]]
            if seg.index in doc.memo.get("po-rare-form", ()):
                # A form for one or a few numbers may spell its number out (`un fichier` for `%d file`,
                # `une page` for `${resultCount} pages`): its count, an integer conversion, a placeholder
                # named as one or the source's only placeholder; never another argument (`ملفان` for
                # `%d files in %s` lost the folder).
                if len(missing) == 1 and (_INTEGER.search(missing[0]) or _COUNT_NAME.search(missing[0])
                                          or sum(source.values()) == 1):
                    missing = []
        if seg.kind == "string" and (few := _I18NEXT_FEW_FORM.search(seg.key or "")) is not None:
            # i18next's form for 0, 1 or 2 (`item_one`), and an Android plural's quantity (`songs.one`,
            # `songs.two`): a language's `one` may say 21 too (Russian: `{{count}} элемент` for `One item`)
            # or 1 alone (`Eine Datei` for `{{count}} file`, Hebrew's `שני פרקים` for `%d episodes`).
            # A form that stands for many numbers (Russian's `one`: 1, 21, 31…) keeps its count;
            # so does one that drops two integers (`Ein Lied` for `%1$d of %2$d song`): one is no count.
            # Not where a `%` is left broken in the form (`dîtina % s`).
            kept = primary(doc.language) in _COUNTED_QUANTITIES.get(few.group(1), ()) \
                or sum(1 for p in missing if _is_count(p, source)) > 1 or _BROKEN_PERCENT.search(both[1]) is not None
            missing = [p for p in missing if kept or not _is_count(p, source, (both[0], source_written))]
            extra = [p for p in extra if not _is_count(p, target)]
            if not missing and not extra:
                return None
        # Name each as written (`%s`), unless one side numbers its arguments (`%2$s`) or the other side
        # writes it alike (`%s … %d` as `%d … %s`, whose arguments swapped types; `%s` dropped of two):
        # then by the argument it takes.
        shown_missing = sorted(source_written[p] for p in missing)
        shown_extra = sorted(target_written[p] for p in extra)
        if (any("$" in p for p in shown_missing + shown_extra) or set(shown_missing) & set(target_written.values())
                or set(shown_extra) & set(source_written.values())):
            return Difference(missing, extra)
        return Difference(shown_missing, shown_extra)


_INDEX = compiled_on_use(r"\{\d+\}")
_NAMED_BRACE = compiled_on_use(r"\{([a-zA-Z_][\w.]*|\d+)\}")


def _with_a_spec(key: str, text: str) -> bool:
    """Whether the brace placeholder ``key`` (`{count}`, `{0}`) stands in ``text`` with a format spec after
    its name (`{count:L}`, `{0:.2f}`): the same argument, formatted otherwise."""
    m = _NAMED_BRACE.fullmatch(key)
    return m is not None and re.search(r"\{" + re.escape(m.group(1)) + r":[^{}\s]+\}", text) is not None

def _is_count(key: str, side: Counter[str], before_its_word: tuple[str, dict[str, str]] | None = None) -> bool:
    """Whether ``key`` is a plural form's count: an integer conversion, or the string's only placeholder, the
    first argument (NewPipe's `%s views`, a number the program formats: Arabic's `مُشاهَدتان` drops it, Bosnian's
    `%s preuzimanje` adds it to `Download finished`). With ``before_its_word`` (the source and its placeholders
    as written), that placeholder must stand before a word, the one it counts (`%s views`): a name at the end
    (`New video from %s`) is no count a form may drop."""
    if _I18NEXT_COUNT.fullmatch(key) is not None:
        return True
    if len(side) != 1 or not key.startswith("%1$"):
        return False
    if before_its_word is None:
        return True
    text, written = before_its_word
    token = written[key]
    at = text.find(token)
    while at >= 0:
        if _BEFORE_A_WORD.match(text, at + len(token)):
            return True
        at = text.find(token, at + 1)
    return False


# Spaces and a letter after a placeholder: the word it counts (`%s views`).
_BEFORE_A_WORD = compiled_on_use(r"[\s\u00a0\u202f]+[^\W\d_]")


def _left_with_their_tags(missing: list[str], both: tuple[str, str], written: dict[str, str]) -> list[str]:
    """``missing`` without the placeholders inside a tag the translation drops whole (`<a href="%2$s">this
    FAQ</a>`): B106 reports the tag, the one defect; one changed in a tag the translation keeps stays."""
    if not missing or "<" not in both[0]:
        return missing
    gone = _in_dropped_tags(both)
    return [p for p in missing if written[p] not in gone]


# An HTML or XML opening tag and its name (`<a href="%2$s">`).
_OPENING_TAG = compiled_on_use(r"<([A-Za-z][\w:-]*)\b[^<>]*>")
_CLOSING_TAG = compiled_on_use(r"</([A-Za-z][\w:-]*)\s*>")


def _in_dropped_tags(both: tuple[str, str]) -> set[str]:
    """The placeholders, as written, inside the source's opening tags (their attributes: `href="%2$s"`) whose
    name the translation writes fewer times than the source: each dropped with its tag. Only an element the
    source closes (`<a …>…</a>`), whose loss B106 reports: an address in angle brackets (`<user@%2$s>`) is no tag."""
    kept = Counter(m.group(1).lower() for m in _OPENING_TAG.finditer(both[1]))
    closed = {m.group(1).lower() for m in _CLOSING_TAG.finditer(both[0])}
    tags = [m for m in _OPENING_TAG.finditer(both[0]) if m.group(1).lower() in closed]
    wanted = Counter(m.group(1).lower() for m in tags)
    return {token.group() for m in tags if kept[m.group(1).lower()] < wanted[m.group(1).lower()]
            for token in _CONVERSION.finditer(m.group())}
# A conversion's width (`12` of `%1$12s`, `8` of `%1$08<PRIx64>`), after its argument's number and flags.
_WIDTH = compiled_on_use(r"^(%(?:\d+\$)?[-+ 0#']*)\d+")


def _resized(missing: list[str], extra: list[str]) -> tuple[list[str], list[str]]:
    """``missing`` and ``extra`` without the conversions whose width alone changed (`%20s` for `%12s`: the
    same argument, of the same type, padded otherwise), each paired with one of the other side."""
    left = list(extra)
    kept: list[str] = []
    for key in missing:
        twin = next((k for k in left if _WIDTH.sub(r"\1", k) == _WIDTH.sub(r"\1", key)), None)
        if twin is None:
            kept.append(key)
        else:
            left.remove(twin)
    return kept, left


# An i18next catalogue's plural form for zero, one or two (`item_one`, `files_zero`), or an Android plural's
# quantity (`songs.one`), and its count (`{{count}}`; an integer conversion, keyed by its argument: `%1$d`).
_I18NEXT_FEW_FORM = compiled_on_use(r"(?:_|(?<=\w)\.)(zero|one|two)$")
# The languages whose plural form (i18next's suffix, Android's quantity) `zero`, `one` or `two` stands for many numbers (CLDR's plural rules:
# Russian's `one` is 1, 21, 31…, Slovenian's `two` 2, 102…, Latvian's `zero` 0, 10–20, 30…): where the form
# is shown for 21 files, it must say how many.
_COUNTED_QUANTITIES = {
    "one": frozenset("be bs br ceb dsb fil gv hr hsb is lt lv mk ru sh sl sr tl uk".split()),
    "two": frozenset("br dsb gv hsb kw sl".split()),
    "zero": frozenset("lv prg".split()),
}
# A `%` that starts no conversion, before a space and a letter or at the end (`% s`): a placeholder broken.
_BROKEN_PERCENT = compiled_on_use(r"%(?:\s+[A-Za-z]|$)")
_I18NEXT_COUNT = compiled_on_use(r"\{\{\s*count\s*\}\}|%\d+\$[di]")

# strftime's conversions (`%b`, `%-d`, `%Od`, `%_H`), and the letters only strftime writes, never printf
# (`%e`, `%d` and `%x` are both): a source written in them alone is a date or time format.
_STRFTIME = compiled_on_use(r"%[-_0^#]?[EO]?([a-zA-Z%+])")
_STRFTIME_ONLY = frozenset("bBhHIklMpPrRTVyYzZCDFGUWj")
# printf's length modifiers before a conversion (`%lu`, `%hd`, `%zu`): a printf format, whose `l` is no hour.
_PRINTF_LENGTH = compiled_on_use(r"%(?:\d+\$)?[-+0#]*\d*(?:\.\d+)?(?:hh|ll|[hljztLq])[sdifuxXeEgGc@]")
# What each conversion shows: a translation writes its language's date format, so it may reorder,
# pad or spell out (`%b %e` as `%-d %b`, `%B%-e日`), but not leave out a part the source shows.
# The half of the day is shown by AM/PM or by a 24-hour clock (`%H`, `%k`): a 12-hour hour without
# `%p` (Icelandic `%l:%M` for `%l∶%M %p`) writes 3:00 for 15:00.
_SHOWS = {**dict.fromkeys("bBhm", "month"), **dict.fromkeys("de", "day"), **dict.fromkeys("YyGgC", "year"),
          **dict.fromkeys("Il", "hour"), **dict.fromkeys("Hk", "hour half"), **dict.fromkeys("pP", "half"),
          "M": "minute", "S": "second", **dict.fromkeys("aAuw", "weekday")}
_COMPOSITE = {"c": "weekday day month year hour half minute second", "x": "day month year", "D": "day month year",
              "F": "day month year", "X": "hour half minute second", "T": "hour half minute second",
              "r": "hour half minute second", "R": "hour half minute"}
# A word outside the conversions (`at`, or `rog` of optparse's `%prog`): prose that mentions a
# conversion, whose sentence and printf arguments are still compared, no date format.
_DATE_WORD = compiled_on_use(r"[^\W\d_]{2,}")
_WORD = compiled_on_use(r"\w")


def is_date_format(source: str) -> bool:
    """Whether ``source`` is a strftime format (`%b %e`, `%l∶%M %p`, `%a, %b %d / %H∶%M`): every `%`
    starts a conversion strftime reads, one of them only strftime writes, none is printf's with a length
    modifier (`%lu`), none is `%s` (printf's string far more often than strftime's seconds since 1970:
    git's `%h %s`), and no word stands outside them (`Rotated at %H:%M.`, ``%prog``: prose)."""
    found = [m.group(1) for m in _STRFTIME.finditer(source)]
    return (bool(found) and not _PRINTF_LENGTH.search(source) and source.count("%") == sum(2 if c == "%" else 1 for c in found)
            and any(c in _STRFTIME_ONLY for c in found) and "s" not in found
            and not _DATE_WORD.search(_STRFTIME.sub(" ", source)))


def _date_difference(source: str, target: str) -> Difference | None:
    """The parts of a date (month, day, hour…) the source's conversions show and the translation's do
    not, each named with the source's conversion: `%e %d` for `%b %e` shows no month, `%е` (a Cyrillic
    е) is no conversion. Order, padding, a spelled-out month and a 24-hour clock are the language's."""
    def shows(text: str) -> dict[str, str]:
        parts: dict[str, str] = {}
        for m in _STRFTIME.finditer(text):
            for part in _COMPOSITE.get(m.group(1), _SHOWS.get(m.group(1), "")).split():
                parts.setdefault(part, m.group())
        return parts

    source_parts, target_parts = shows(source), shows(target)
    missing = sorted({source_parts[p] for p in source_parts.keys() - target_parts.keys()})
    return Difference(missing, [], head="The date format shows less than the source's") if missing else None


def _catalogue_numbers_arguments(doc: Document) -> bool:
    """Whether the catalogue's sources number their arguments as Qt and JabRef do (``_numbers_arguments``) in
    two strings or more: then `%0s` (a plural) is the argument `%0` in each of its strings too."""
    found = doc.memo.get("b101-numbered")
    if found is None:
        found = sum(1 for s in doc.segments if s.source_text and "%" in s.source_text
                    and _numbers_arguments(s.source_text)) >= 2
        doc.memo["b101-numbered"] = found
    return bool(found)


# A number and its percent sign as English, French and most languages write it (`50%`, `50 %`).
_PERCENTAGE = compiled_on_use(r"(?<![\d%$])(\d+)[ \u00a0\u202f]?[%\u066a\uff05]")


def _without_percentages(text: str, other: str) -> str:
    """The translation ``text`` without the percentages it writes with the sign first, as Turkish and Basque do
    (`%50` for the source's `50%`): the same number, no argument numbered as Qt and JabRef number theirs (`%0`).
    Never the source's: a translation's `0%` for the source's argument `%0` is that argument broken."""
    if "%" not in text:
        return text
    numbers = {m.group(1) for m in _PERCENTAGE.finditer(other)}
    if not numbers:
        return text
    # (A percent sign before its number is written as such an argument is: ``_NUMBERED``'s shape, read here
    # as the other string's percentage.)
    return _NUMBERED.sub(lambda m: " " * len(m.group()) if m.group(1) in numbers else m.group(), text)


def _numbers_arguments(text: str) -> bool:
    """Whether ``text`` writes an argument numbered as Qt and JabRef number theirs where no conversion reads
    one: `%0 `, `%1:`, `%1.` at the end; not `%1$s`, `%0s`, `%5.2f`, `%08<PRIx64>`, nor `%1` before a letter."""
    text = _URL_IN_TEXT.sub(" ", text)  # `%20/` in a URL is an escaped space
    return any(not _CONVERSION.match(text, m.start()) and not text[m.end() : m.end() + 1].isalpha()
               for m in _NUMBERED.finditer(text))


def _arguments(text: str, forms: bool, numbered: bool = False) -> tuple[Counter[str], dict[str, str]]:
    """The placeholders of ``text``, each printf conversion keyed by the argument it takes: `%2$s … %1$d`
    and `%d … %s` take the same arguments (gettext lets a translation reorder them by position, and
    `msgfmt -c` compares them so); a conversion whose type changed, an argument dropped, or one an
    unnumbered conversion takes twice still differs; a placeholder that names its value (`{name}`, `{0}`,
    `%1$s`) counts once however often it is written. With each key, the placeholder as written. In plural forms written in one
    string (``forms``: Symfony's and Laravel's `one|other`), each form numbers its arguments afresh and a
    language writes as many forms as it has, each with the placeholders it needs: the set of
    conversions is what must match. ``numbered``: the pair numbers its arguments as Qt and JabRef do
    (`%0`, `%1`, ``_NUMBERED``), each counted once as a name is."""
    written: dict[str, str] = {}
    keys: Counter[str] = Counter()
    ends: dict[str, int] = {}
    position = 0
    plain = _DISPLAY_FLAGS.sub(r"%\1", _URL_IN_TEXT.sub(" ", _icu_branches_opened(text)))
    if numbered:
        for found in _NUMBERED.finditer(plain):
            written.setdefault(found.group(), found.group())
            keys[found.group()] = 1
        plain = _NUMBERED.sub(lambda m: " " * len(m.group()), plain)
    for found in _CONVERSION.finditer(plain):
        token = found.group()
        if _NUMBER_AND_HYPHEN.fullmatch(token) and plain[found.end() : found.end() + 1].isalpha():
            continue  # `%0-fil`: the argument `%0` (Qt's, JabRef's) and a compound's hyphen, no `%0-f`
        m = _PRINTF.fullmatch(token) or _INTTYPES.fullmatch(token) or _OCTAL.fullmatch(token)
        if m is None:
            key = token
        elif forms:
            key = "%" + m.group(2)
        else:
            position = int(m.group(1)) if m.group(1) else position + 1
            key = f"%{position}${m.group(2)}"
        written.setdefault(key, token)
        # A named or numbered placeholder (`{{ limit }}`, `{name}`, `{0}`, and a numbered conversion `%1$s`,
        # which POSIX lets a format take as often as it needs: `%1$s und der Inhalt von %1$s`) is filled
        # wherever it stands, so a translation may say it twice or once (`greater than X or equal to X`);
        # dropping another argument still changes the set. An unnumbered printf conversion takes the next
        # argument, so its count matters. A copy right after another, with no word between (`{count}
        # {count} fichiers`), is an MT engine's stutter: the value shows twice.
        stutter = key in ends and _WORD.search(plain, ends[key], found.start()) is None
        named = m is None or m.group(1) is not None
        keys[key] = 1 if named and not stutter else keys[key] + 1
        ends[key] = found.end()
    if forms:
        keys = Counter(set(keys))
    return keys, written


# An ICU plural or select argument up to its first branch (`{count, plural,`), and a branch's selector up
# to the brace that opens its text (` offset:1 =0 {`, ` few {`).
_ICU_CHOICE = compiled_on_use(r"\{\s*[A-Za-z_]\w*\s*,\s*(?:plural|selectordinal|select)\s*,")
_ICU_BRANCH = compiled_on_use(r"\s*(?:offset:\s*\d+\s+)?(?:=\d+|[\w-]+)\s*\{")


def _icu_branches_opened(text: str) -> str:
    """``text`` with the braces around each ICU plural or select branch's text blanked (same length): a
    branch of one word (`one {Element}`) is text, no `{name}` placeholder, and each language writes the
    branches it has (`few`, `many`); the placeholders inside a branch (`{name}`) stay."""
    if "{" not in text:
        return text
    out = list(text)
    for choice in _ICU_CHOICE.finditer(text):
        at = choice.end()
        while (branch := _ICU_BRANCH.match(text, at)) is not None:
            depth, end = 0, branch.end() - 1
            for end in range(branch.end() - 1, len(text)):
                depth += {"{": 1, "}": -1}.get(text[end], 0)
                if depth == 0:
                    break
            if depth:
                break  # unbalanced: left as written
            out[branch.end() - 1] = out[end] = " "
            at = end + 1
    return "".join(out)


def _without_variable_parts(text: str) -> str:
    """A reST string without its `:file:` and `:samp:` roles, whose `{braces}` mark a part the reader
    replaces (`:file:`{prefix}/lib``), words a translator may translate, not placeholders, and without its
    inline literals (``` ``{expression}`` ```, ``` ``'%s' % x`` ```: code shown on the page, which no
    program formats); B106 compares the rest of those roles and the literals' code."""
    from lint.formats.markup import marks

    if "{" not in text and "%" not in text:
        return text
    out = list(text)
    for mk in marks(text, "rst"):
        if (mk.kind == "role" and mk.name in ("file", "samp")) or mk.kind == "literal":
            out[mk.start : mk.end] = " " * (mk.end - mk.start)
    # `%-style formatting`, `%-formatting`: the name of printf-style formatting, a word on the page.
    return _PRINTF_NAME.sub("  ", "".join(out))


_PRINTF_NAME = compiled_on_use(r"%-(?=[^\W\d_]{2})")

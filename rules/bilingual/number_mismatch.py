"""B103 number-mismatch: the translation's numbers differ from the source's."""

from __future__ import annotations

import bisect
import re
from collections import Counter

from lint.formats.bilingual import (
    locate,
    markup_of,
    note_says_sample,
    number_contexts,
    number_parts,
    number_places,
    numbers,
    singular,
    translator_note,
    without_code,
    xliff_example,
)
from lint.language import CJK_LETTERS
from lint.model import Document, Segment, Severity
from lint.patterns import compiled_on_use
from lint.rule import Example

from ._number_words import said_by_source, said_in_words
from ._pairwise import Difference, PairwiseRule

_PO = "messages.po"
_XLF = "app.xlf"


_DIGIT_RUN = compiled_on_use(r"\d+")
# A mnemonic's underscore before a digit (GTK's `_2`, a menu item's access key) is no part of the number:
# a word character before the digit would hide it (`_4` rendered as Nepali `४`).
_MNEMONIC_DIGIT = compiled_on_use(r"(?<!\w)_(?=\d)")


def _adapted(source: str, target: str) -> bool:
    """Whether a literal block's translation changed more than numbers: a line added, dropped or rewritten
    (a string or a name translated, whose output, a length or a count, may change with it). Where only
    numbers changed, the code is the source's and its output must be too."""
    lines, translated = source.split("\n"), target.split("\n")
    return len(lines) != len(translated) or any(
        a != b and _DIGIT_RUN.sub("", a) != _DIGIT_RUN.sub("", b) for a, b in zip(lines, translated, strict=True))


class NumberMismatch(PairwiseRule):
    code = "B103"
    reads_code = True
    slug = "number-mismatch"
    summary = "Translation's numbers differ from the source's"
    rationale = """
**What it does.** Compares the numbers written in digits in a translation with those of its source (a
PO `msgid`), ignoring group and decimal separators (`1,000` = `1 000`, `2.5` = `2,5`) and the digits of
placeholders, URLs, e-mail addresses, tags and XLIFF inline codes. A number in the translation that is not in the source is
flagged, and so is a number of the source missing from the translation, unless it is ten or less,
which either side may spell out (`2 files` → `deux fichiers`, `set to zero` → `mis à 0`; a number of ten or
less the translation adds stands for the source's word for it, `two`, `both`, `a`, `second`, or is a plural
form's count: `the two files` as `les 3 fichiers` is flagged), or a
number the source writes as an English word past ten, in digits (`Fifteen minutes`, `Fortyfive minutes` as `15 dakika`,
`45 dakika`; not `50 dakika`), or one past ten the translation writes in its language's words (Arabic `ثلاثون دقيقة` for
`30 minutes`, `خمس وأربعون` for 45; Hebrew `חצי שעה`, half an hour, for `30 minutes`: the words of
`rules/bilingual/data/number_words.yaml`, cited to CLDR's number spell-out rules and a grammar; not `عشرون`, 20,
for 30; half an hour for as many `30 minutes` as the source counts), or one the translation writes in digits for the
source's words that stand for it, once each time it says them (`U-turn` as `180 graden`, `Around the clock` as
`24 h/24`; not `180 graden en 180 meter`), or a
hundred percent, the whole (`Zoom to 100%` → `Taille réelle`), unless
the other side has a number in its place, and so is a date the source writes with its month's name
that the translation writes in digits, the same day (`January 1, 1970` as `1970-01-01`), and a number
scaled by an English word written with the same value in an East Asian unit (`1.1 million` as Korean
`110만`, ten thousand's), and so is a number that is part of a compound word on its
side (`Base-10`, `16-bit`, `10進数`), which the other language may write as a word (`Base-10
Exponential` → `Dziesiętna funkcja wykładnicza`, `Decimal` → `10 進数`). In a
translation may write its language's digits (`٩٠` for `90`). In a
catalogue with markup, numbers inside code (inline literals, roles, link targets) are not compared:
B106 compares the code; a number the other side
writes as code (`-999` as ``` ``-999`` ```) is there, and so is one it glues to its unit (`32 KiB` as
`32KiB`) or to a Korean particle (`3.8` as `3.8에서`) or writes with the leading zero the other side leaves out (`.66` as `0.66`). A date's month may be written as a word where the translation keeps its year and day
(`2016-12-31` as `31 de diciembre de 2016`). With no number in its place, a number the source gives as an estimate
(`roughly 100`, `about 10,000`) may be rendered as one (`une centaine`), and a number the translation adds
after a name in capitals (`HTTP 200`, `PEP 247`) to a sentence (four words or more) names a standard's
item: a precision added, no quantity changed; not where the source numbers that name itself (`RFC 2822`:
the item changed), nor added to a label (`PEP 465` for `operator`: another string's translation). A threshold (`over 35 euros`) is no estimate.

An example the source gives (after `e.g.`, `for example`, `for instance` or `such as`, to the end of its
brackets or its sentence) may be adapted to the reader's country: a number the source writes only in
examples may give way to one the translation writes in the same place, one for one: the same brackets
(`(e.g. +1 for the US)` as `(z. B. +49 für Deutschland)`), or the same sentence where both strings have as
many sentences and brackets (`For example if this is a size 4` as `Bijvoorbeeld maatje 48`); not a bound
the example states (`for example one of at least 12 characters`: the program's rule). (It could hide
a slip in an example's number.)

Where the entry's note for translators (a PO extracted comment, `#.`) says both that the string sizes a display
width and that it is the longest or widest form of a message (git's `This string is used to tell us the maximum display
width for a relative timestamp … "4 years, 11 months ago" … is the longest`), the string is a sample: a
source's number the note names may give way to the numbers of the language's own longest form (`il y a
10 ans et 11 mois`). (It could hide a slip in such a sample, which sizes a column and is never shown.)

**Why is this bad?** A translator's typo or an MT engine's slip changes a price, a limit or a date:
`Up to 50 users` shown as `Jusqu'à 500 utilisateurs` is a wrong promise.
"""
    severity = Severity.ERROR
    kinds = frozenset({"msgstr", "string", "target"})
    flag = (
        Example('msgid "Seconds since the epoch (January 1, 1970)."\nmsgstr "에포크 (1970-01-02) 이후의 초."\n',
                path="ko.po", note="another day than the source's date"),
        Example('msgid "About 1.1 million values."\nmsgstr "약 120만 개의 값."\n', path="ko.po",
                note="another value in the translation's unit"),
        Example('msgid "12 million users and 12 million groups."\nmsgstr "1200만 사용자와 120만 그룹."\n', path="ko.po",
                note="one value in the translation's unit stands for one of the source's, not two"),
        Example('#: ../../tutorial/intro.rst:20\nmsgid ">>> x = 10\\n>>> print(x)\\n10"\n'
                'msgstr ">>> x = 10\\n>>> print(x)\\n100"\n', path="fr.po",
                note="a reST literal block is code, its output's numbers compared too"),
        Example('msgid "Shipping is free for all orders placed in the store."\n'
                'msgstr "La livraison est gratuite dès EUR 35 pour les commandes passées en boutique."\n',
                path="messages.po", note="a currency is no standard's item: a price added"),
        Example('msgid "It holds about 37 entries in all."\nmsgstr "Elle contient des entrées en tout."\n',
                path="messages.po", note="only a round number has a word that estimates it"),
        Example('msgid "Operator"\nmsgstr "PEP 465, un nouvel opérateur de multiplication de matrices"\n', path=_PO,
                note="a label's translation naming a standard's item: another string's translation"),
        Example('msgid "It follows RFC 2822, as RFC 2822 itself says."\n'
                'msgstr "Il suit la RFC 2823, comme le dit la RFC 2822 elle-même."\n', path=_PO,
                note="the number of an item the source names, changed where the translation keeps it elsewhere"),
        Example('msgid "It holds about 100 entries."\nmsgstr "Elle contient environ 200 entrées."\n', path=_PO,
                note="an estimate changed"),
        Example('msgid "Zoom to 100%"\nmsgstr "Zoom à 10 %"\n', path=_PO, note="a percentage changed"),
        Example('msgid "Delete the two files"\nmsgstr "Supprimer les 3 fichiers"\n', path=_PO,
                note="a small number added that is not the source's word for it"),
        Example('msgid "It uses 100 MB."\nmsgstr "Elle utilise beaucoup de mémoire."\n', path=_PO,
                note="a hundred that is no percentage"),
        Example('msgid "Free shipping over 35 euros"\nmsgstr "Livraison offerte"\n', path=_PO,
                note="a threshold is no estimate"),
        Example('msgid "The server answers with the success code."\n'
                'msgstr "Le serveur répond avec le code de succès 200."\n', path=_PO,
                note="a number added with no name in capitals before it"),
        Example('msgid "It reached its end of life on 2016-12-31."\nmsgstr "Llegó al final de su vida el 30 de diciembre '
                'de 2016."\n', path=_PO, note="a date's day changed, its month worded"),
        Example('msgid "Since 2016-12-31, 12 servers run it."\nmsgstr "Depuis le 31 décembre 2016, 8 serveurs '
                'l\'exécutent."\n', path=_PO, note="a date's month worded, and the same number elsewhere changed"),
        Example('msgid "The minimum is 32 KiB."\nmsgstr "El mínimo es 23KiB."\n', path=_PO,
                note="a number glued to its unit, changed"),
        Example('msgid "This has been fixed in Python 3.8."\nmsgstr "이 문제는 파이썬 3.9에서 수정되었습니다."\n',
                path="ko.po", note="a version glued to its Korean particle, changed"),
        Example('msgid "Wait 15 seconds."\nmsgstr "1.5초 기다리십시오."\n', path="ko.po",
                note="a number glued to its unit with a point the source does not write"),
        Example('msgid "Wait 1.5 seconds."\nmsgstr "15초 기다리십시오."\n', path="ko.po",
                note="… or without the point the source writes"),
        Example('msgid "16-bit"\nmsgstr "32-bit"\n', path=_PO, note="a compound's number changed: one in its place"),
        Example('msgid "Base-10 logarithm of 100"\nmsgstr "Logarithme décimal de 1000"\n', path=_PO),
        Example('msgid "Up to 50 users"\nmsgstr "Jusqu\'à 500 utilisateurs"\n', path=_PO),
        Example('msgid ""\nmsgstr ""\n"Language: ne\\n"\n\nmsgid "_4"\nmsgstr "५"\n', path="ne.po",
                note="gnome-text-editor: a mnemonic's number changed (its underscore dropped)"),
        Example('#. TRANSLATORS: 80 is the maximum width of a line\nmsgid "Wrap lines longer than 80 columns"\n'
                'msgstr "Couper les lignes de plus de 8 colonnes"\n', path="fr.po",
                note="a limit the message states: the note says no longest form"),
        Example('#. TRANSLATORS: the longest label of the menu\nmsgid "Keep 30 days"\nmsgstr "Garder 3 jours"\n',
                path=_PO, note="a sample whose note names no number: the source's 30 is the message's"),
        Example('#. TRANSLATORS: %s is a date, e.g. "4 years, 11 months ago"\nmsgid "since 4 years, 11 months ago"\n'
                'msgstr "depuis 10 ans et 11 mois"\n', path=_PO, note="a note that names the numbers but sizes no width"),
        Example('msgid "Free shipping over 35 euros"\nmsgstr "Livraison offerte dès 25 euros"\n', path=_PO),
        Example('msgid "Founded in 1998."\nmsgstr "Fondée en 1989."\n', path=_PO),
        Example('msgid "Where 2/3 is .66 rather than 0."\nmsgstr "Où 2/3 vaut 0,67 et non 0."\n', path=_PO,
                note="a fraction rounded otherwise: another number, with or without its leading zero"),
        Example('msgid "Where 2/3 is .66 rather than 0."\nmsgstr "Où 2/3 vaut 066 et non 0."\n', path=_PO,
                note="a fraction that lost its point: a zero before the digits is no leading zero"),
        Example('msgid "Passwords need 12 characters."\nmsgstr "Le mot de passe doit être long."\n', path=_PO),
        Example('msgid "Call us on weekdays."\nmsgstr "Appelez-nous du lundi au vendredi, 9 h - 18 h."\n', path=_PO),
        Example('msgid "Retry after 30 seconds."\nmsgstr "Réessayez dans 3 secondes."\n', path=_PO),
        Example('#. Translators: An accessible timer quick start value\nmsgid "Fifteen minutes"\nmsgstr "50 dakika"\n',
                path="tr.po", note="another number than the one the source writes as a word"),
        Example('msgid ""\nmsgstr ""\n"Language: ar\\n"\n\nmsgid "30 minutes"\nmsgstr "عشرون دقيقة"\n', path="ar.po",
                note="another number in the language's words (twenty)"),
        Example('msgid "It ships in 2 days."\nmsgstr "Elle part sous 3 jours."\n', path=_PO),
        Example('msgid "Keep 500 MB free."\nmsgstr "Gardez 50 Mo libres."\n', path=_PO),
        Example(xliff_example("Keep up to 30 days of history.", "Conservez jusqu'à 90 jours d'historique."),
                path=_XLF),
        Example('msgid "Up to 50 users (e.g. 30 seats)."\nmsgstr "Jusqu\'à 500 utilisateurs (p. ex. 30 sièges)."\n',
                path=_PO, note="a number outside the example changed"),
        Example('msgid "Choose a password, for example one of at least 12 characters."\n'
                'msgstr "Choisissez un mot de passe, par exemple un de 8 caractères au moins."\n', path=_PO,
                note="a bound in an example: the program's rule"),
        Example('msgid "Enter a phone number (e.g. +44 20 7946 0958)."\nmsgstr "Saisissez un numéro de téléphone."\n',
                path=_PO, note="an example dropped: no number in its place"),
        Example('msgid "Up to 50 users, for example 30 seats."\nmsgstr "20 sièges au plus. Par exemple 30 utilisateurs."\n',
                path=_PO, note="no example's number in the source's place: its sentences are not the translation's"),
    )
    allow = (
        Example('msgid "Seconds since the epoch (00:00:00 UTC, January 1, 1970)."\n'
                'msgstr "에포크 (1970-01-01 00:00:00 UTC) 이후의 초."\n', path="ko.po",
                note="a date with its month's name written in digits, the same date"),
        Example('msgid "A value in the range 0 to 0x10FFFF (about 1.1 million values)."\n'
                'msgstr "0에서 0x10FFFF 사이의 값 (약 110만 개의 값)."\n', path="ko.po",
                note="a million written in Korean's unit of ten thousand, the same value"),
        Example('#, c-format\nmsgid "bad offset %016<PRIx64> after 16 bytes"\n'
                'msgstr "mauvais décalage %16<PRIx64> après 16 octets"\n', path="fr.po",
                note="an <inttypes.h> conversion\'s width is no number of the text: B101 compares it"),
        Example('#. TRANSLATORS: This string is used to tell us the\n#. maximum display width for a relative timestamp in\n'
                '#. "git blame" output.  For C locale, "4 years, 11\n#. months ago", which takes 22 places, is the longest\n'
                '#. among various forms of relative timestamps, but\n#. your language may need more or fewer display\n'
                '#. columns.\nmsgid "4 years, 11 months ago"\nmsgstr "il y a 10 ans et 11 mois"\n', path="fr.po",
                note="a sample that sizes a column: the language's longest form"),
        Example('#: ../../tutorial/introduction.rst:20\nmsgid ">>> s = \'supercalifragilisticexpialidocious\'\\n'
                '>>> len(s)\\n34"\nmsgstr ">>> s = \'superkalifradalistodekspialitycznie\'\\n>>> len(s)\\n35"\n',
                path="pl.po", note="a literal block whose code was adapted: its output changes with it"),
        Example('msgid "The table holds roughly 100 entries."\nmsgstr "La table contient une centaine d\'entrées."\n',
                path=_PO, note="an estimate rendered as one, no number in its place"),
        Example('msgid "The server answers with the success code."\n'
                'msgstr "Le serveur répond avec le code de succès HTTP 200."\n', path=_PO,
                note="a standard's item named by the translation: a precision added"),
        Example('msgid "See the PEP on the hashing API."\nmsgstr "Voir la PEP 247 sur l\'API de hachage."\n', path=_PO),
        Example('msgid "OpenSSL 1.0.1 reached its end of life on 2016-12-31."\nmsgstr "OpenSSL 1.0.1 llegó al final '
                'de su vida útil el 31 de diciembre de 2016."\n', path=_PO, note="a date's month written as a word"),
        Example('msgid "at least 32,768 (32 KiB); 4 KiB pages are common"\nmsgstr "al menos 32768 (32KiB); son '
                'habituales las páginas de 4KiB"\n', path=_PO, note="a number glued to its unit"),
        Example('msgid "This has been fixed in Python 3.8."\nmsgstr "이 문제는 파이썬 3.8에서 수정되었습니다."\n',
                path="ko.po", note="a version glued to its Korean particle (`에서`, in), not a 3"),
        Example('msgid "Backups run on 2024-01-05."\nmsgstr "Les sauvegardes ont lieu le 5 janvier 2024."\n', path=_PO,
                note="a date's day without its zero, its month worded"),
        Example('msgid "16.08.1988 (de_DE)"\nmsgstr "16/08/1988 (fr_FR)"\n', path=_PO,
                note="a date's digits with the locale's separators"),
        Example('msgid "Startup is 1.4x faster."\nmsgstr "Le démarrage est 1,4 fois plus rapide."\n', path=_PO,
                note="a multiplier's x"),
        Example('msgid "Zoom to 100%"\nmsgstr "Taille réelle"\n', path=_PO,
                note="a hundred percent, the whole, said in words"),
        Example('msgid "10 to the power of displayed value"\nmsgstr "Dix puissance la valeur affichée"\n', path=_PO,
                note="ten spelled out"),
        Example('#. Translators: An accessible timer quick start value\nmsgid "Fortyfive minutes"\nmsgstr "45 dakika"\n',
                path="tr.po", note="GNOME Clocks: a number past ten the source writes as a word, in digits"),
        Example('msgid ""\nmsgstr ""\n"Language: ar\\n"\n\nmsgid "30 minutes"\nmsgstr "ثلاثون دقيقة"\n', path="ar.po",
                note="GNOME Clocks: a number written in the language's words"),
        Example('msgid "Base-10 Exponential"\nmsgstr "Dziesiętna funkcja wykładnicza"\n', path="pl.po",
                note="a compound's number written as a word"),
        Example('msgid "Switch to Decimal"\nmsgstr "10 進数に切り替える"\n', path="ja.po"),
        Example('msgid "Common Logarithm"\nmsgstr "10-logaritmen"\n', path="sv.po"),
        Example('msgid "A number in the range [0,4294967295]."\nmsgstr "Un nombre compris entre 0 et 4 294 967 295."\n',
                path="messages.po", note="the source's list written without spaces"),
        Example('msgid "Up to 1,000 users"\nmsgstr "Jusqu\'à 1 000 utilisateurs"\n', path=_PO),
        Example('msgid "Size: 2.5 MB"\nmsgstr "Taille : 2,5 Mo"\n', path=_PO),
        Example('#: library/operator.rst:3\nmsgid "Return ``a / b`` where 2/3 is .66 rather than 0."\n'
                'msgstr "Renvoie ``a / b`` où 2/3 est 0.66 et non 0."\n', path=_PO,
                note="a fraction written with its leading zero: the same number"),
        Example('msgid "2 files selected"\nmsgstr "Deux fichiers sélectionnés"\n', path=_PO,
                note="a single digit may be spelled out"),
        Example('msgid "Page %1$s of %2$s"\nmsgstr "Page %1$s sur %2$s"\n', path=_PO),
        Example('msgid "See https://example.com/help/2024"\nmsgstr "Voir https://example.com/aide/2024"\n',
                path=_PO),
        Example('msgid "Version 3.2 is out."\nmsgstr "La version 3.2 est sortie."\n', path=_PO),
        Example('msgid "Tangent is undefined at 90°"\nmsgstr "الظل غير معرف عند ٩٠°"\n', path=_PO,
                note="the language's own digits"),
        Example('msgid "Undefined outside [-1, 1]"\nmsgstr "Indéfini hors de [-1,1]"\n', path=_PO),
        Example('msgid "translator-credits"\nmsgstr "Jean Dupont, 2004-2011."\n', path=_PO,
                note="a key for the translators\' names"),
        Example('#: library/os.rst:3\nmsgid "An int from -999999999 to 999999999."\n'
                'msgstr "Un entier de ``-999999999`` à ``999999999``."\n', path=_PO),
        Example('msgid ""\nmsgstr ""\n"Language: ne\\n"\n\nmsgid "_4"\nmsgstr "४"\n', path="ne.po",
                note="gnome-text-editor: a mnemonic's number (`_4`, GTK's access key) in the language's digits"),
        Example('msgid "Always set to zero."\nmsgstr "Toujours mis à 0."\n', path=_PO,
                note="a single digit for a spelled-out number"),
        Example('#: library/os.rst:3\nmsgid "Use ``read(-1)`` to read all."\nmsgstr "Utilisez ``read(-1)`` pour tout lire."\n',
                path=_PO, note="numbers in code are B106\'s"),
        Example(xliff_example('Step <ph id="1"/> of 3', 'Étape <ph id="1"/> sur 3'), path=_XLF,
                note="an inline code's id is not a number of the text"),
        Example('msgid "Enter a phone number including country code (e.g. +1 for the US)."\n'
                'msgstr "Geben Sie eine Telefonnummer mit Ländervorwahl ein (z. B. +49 für Deutschland)."\n', path="de.po",
                note="an example adapted to the reader's country, in the same brackets"),
        Example('msgid "For example if this is a size 4 of a t-shirt. Leave blank if there is one version."\n'
                'msgstr "Bijvoorbeeld maatje 48 van een hemd. Laat leeg als er 1 versie is."\n', path="nl.po",
                note="… in the same sentence"),
    )

    head = "Numbers differ from the source"

    def difference(self, seg: Segment, doc: Document, both: tuple[str, str]) -> Difference | None:
        if seg.index in doc.memo.get("po-literal-blocks", ()) and _adapted(*both):
            return None  # the code was adapted (`len('superkalifradalistodekspialitycznie')`): so is its output
        markup = markup_of(doc)
        texts = [_MNEMONIC_DIGIT.sub("", without_code(t, markup)) for t in both]
        source, target = (numbers(t) for t in texts)
        if target != source and Counter(_DIGITS.findall(texts[0])) == Counter(_DIGITS.findall(texts[1])):
            return None  # the same digits with other separators: `16.08.1988` as `16/08/1988`
        if target != source:
            # A list written without spaces (`[-1, 1]` as `[-1,1]`, or the source's `[0,4294967295]`)
            # reads as one number: its parts stand for it where the other side has them all.
            source, target = _parted(source, target, texts[0]), _parted(target, source, texts[1])
        extra = sorted((target - source - numbers(both[0])).elements())  # a number the source writes as code counts too
        missing = sorted((source - target - numbers(both[1])).elements())  # and one the translation writes as code
        # The same number glued to its unit on the other side (`32 KiB` as `32KiB`, `10ms`), and a date's
        # month the translation writes as a word (`2016-12-31` as `31 de diciembre de 2016`).
        dated, days = _dates_worded(texts[0], target)
        # And the reverse: a date the source writes with its month's name (`January 1, 1970`) written in
        # digits (`1970-01-01`); and a number scaled by an English word written with an East Asian unit of
        # ten thousand or a hundred million (`1.1 million` as `110만`, `110万`).
        for lost, added in (_dates_numbered(texts[0], texts[1]), _scaled(texts[0], texts[1])):
            dated, days = dated + lost, days + added
        # (One number per date: `2016-12-31 … 12 servers` rendered as `31 décembre 2016 … 8 serveurs`
        # still misses the servers' 12.)
        # So is a fraction one side writes with its leading zero and the other without (`.66` as `0.66`).
        parts = [number_parts(t) for t in texts]
        extra = [n for n in sorted((Counter(extra) - days).elements())
                 if not _glued(n, texts[0], parts[1].get(n)) and not _bare_fraction(n, texts[1], texts[0])]
        missing = [n for n in sorted((Counter(missing) - dated).elements())
                   if not _glued(n, texts[1], parts[0].get(n)) and not _bare_fraction(n, texts[0], texts[1])]
        # Numbers in the language's words (`ثلاثون دقيقة`, `חצי שעה`), or the source's (`U-turn` as `180 graden`).
        missing, extra = _in_words(missing, texts, doc.language), _said_by_source(extra, texts)
        if extra and missing:
            # An example the source gives (`e.g. +1 for the US`) adapted to the reader's country.
            missing, extra = _examples_adapted(missing, extra, texts)
        if not (extra and missing):
            # A number up to ten may stand for one the other side spells out (`zero` → `0`, `deux` →
            # `2`, `10 to the power` → `dix puissance`); one in place of another (`2 days` → `3 jours`)
            # is a change.
            # A number that is part of a compound word (`Base-10`, `16-bit`, `10進数`, `10-logaritmen`)
            # may be a word on the other side (`dziesiętna`, `Decimal`): a change needs a number in its place.
            # (One the translation adds must stand for the source's word: `the two files` as `les 3 fichiers` changed it.)
            extra = [n for n in extra if not _spelled_for(n, seg, doc, texts) and not _in_compound(n, texts[1])]
            missing = [n for n in missing if not _spelled(n) and not _in_compound(n, texts[0])]
            # With nothing in its place, a number the source gives as an estimate (`roughly 100`) may be
            # rendered as one (`une centaine`), and a number the translation adds to a name in capitals
            # (`HTTP 200`, `PEP 247`) names a standard's item, a precision added, not a quantity changed.
            before, after = number_contexts(texts[0]), number_contexts(texts[1])
            missing = [n for n in missing if not (_ROUND.fullmatch(n) and _every(before.get(n, []), _APPROXIMATE))]
            # A hundred percent is the whole, which languages say in words (`Zoom to 100%` as `Taille
            # réelle`, `Originalgröße`): nothing is lost where no number stands in its place.
            missing = [n for n in missing if not _whole(n, texts[0])]
            if len(texts[0].split()) >= _SENTENCE_WORDS:
                # (A label's translation that names a standard's item is another string's: `operator` as
                # `PEP 465, un nouvel opérateur`.)
                extra = [n for n in extra if not _every(after.get(n, []), _DESIGNATION)
                         or any(_numbered(m.group(1), texts[0]) for c in after[n] if (m := _DESIGNATION.search(c)))]
        if missing and note_says_sample(seg, doc) and not Counter(missing) - numbers(translator_note(seg, doc)):
            return None  # a sample of the longest form, whose numbers the note names: the language's own longest
        return Difference(missing, extra, locate(seg, extra[0]) if extra else None)


_DIGITS = compiled_on_use(r"\d+")


def _in_words(missing: list[str], texts: list[str], language: str) -> list[str]:
    """``missing`` less the numbers past ten the translation writes in its language's words (`ثلاثون دقيقة` for `30
    minutes`), each word standing for one of them. Not a number of ten or less: where nothing stands in its place
    it may be spelled out anyway, and a unit's word is often another word too (Hebrew `שנים`, two and years; Arabic
    `الاثنين`, the two and Monday, `لست`, six and I am not), which would hide `3 שנים` for `2 years`."""
    if not missing:
        return missing
    return _less_said(missing, said_in_words(texts[1], language, texts[0]), above=_TEN)


_TEN = 10


def _said_by_source(extra: list[str], texts: list[str]) -> list[str]:
    """``extra`` less the numbers the English source says with words that stand for them (`U-turn`, 180), one for
    each time it says them (`Make a U-turn` as `Draai 180 graden en rij 180 meter` adds the second), and the same
    number again after a slash, the whole the first is counted in (`Around the clock` as `24 h/24`)."""
    said = said_by_source(texts[0]) if extra else Counter()
    for value in list(said):
        said[value] += len(re.findall(rf"/[^\S\n]*{value}(?!\d|[.,]\d)", texts[1]))
    return _less_said(extra, said)


def _less_said(numbers: list[str], said: Counter[int], above: int = -1) -> list[str]:
    """``numbers`` less those ``said`` counts (each count stands for one of them), of those greater than ``above``."""
    left = []
    for n in numbers:
        if n.isdigit() and int(n) > above and said[int(n)] > 0:
            said[int(n)] -= 1
        else:
            left.append(n)
    return left
# What introduces an example in an English source: the rest of its sentence, or of the brackets it opens in,
# is the example (`(e.g. +1 for the US)`, `For example if this is a size 4 of a t-shirt.`).
_EXAMPLE = compiled_on_use(r"(?i)(?<!\w)(?:e\.\s?g\.|for example\b|for instance\b|such as\b)")
_BRACKETS = compiled_on_use(r"\([^()]*\)")
# A bound before a number (`at least 12 characters`, `up to 5 files`): what the program allows, even in an
# example, is no example's number a translator adapts.
_BOUND_BEFORE = compiled_on_use(r"(?i)\b(?:at\s+(?:least|most)|up\s+to|(?:more|less|fewer)\s+than|minimum(?:\s+of)?|"
                                r"maximum(?:\s+of)?|min\.?|max\.?|no\s+more\s+than|over|under|exceed(?:s|ing)?)\s*$")
# A sentence's end: its mark, space, then a capital (`vb. er` and `z. B. +49` end none).
_SENTENCE_END = compiled_on_use(r"[.!?\u3002\uff01\uff1f]\s+(?=[^\W\d_])")  # (read where a capital follows)


class _Units:
    """The brackets and sentences of a text, which the places of its numbers are aligned by, read once
    (bisected for each number: a string of many numbers costs what its length does)."""

    def __init__(self, text: str) -> None:
        self.brackets = [(m.start(), m.end()) for m in _BRACKETS.finditer(text)]
        # Brackets read as blank: a sentence's end inside them (`(z. B. +49 …)`) ends none, and an example
        # that opens in brackets ends with them.
        flat = _BRACKETS.sub(lambda m: " " * len(m.group()), text)
        self.sentences = [m.end() for m in _SENTENCE_END.finditer(flat) if flat[m.end()].isupper()]
        self.examples = [(m.start(), m.end()) for m in _EXAMPLE.finditer(text)]
        self.loose_examples = [(m.start(), m.end()) for m in _EXAMPLE.finditer(flat)]

    def layout(self) -> tuple[int, int]:
        """How many pairs of brackets and sentences the text has."""
        return len(self.brackets), len(self.sentences) + 1

    def of(self, at: int, example: bool) -> tuple[str, int] | None:
        """Where ``at`` stands: inside the k-th brackets (`("brackets", k)`), else in the k-th sentence. With
        ``example``, only a place after one of _EXAMPLE's words in the same brackets or, outside brackets, in
        the same sentence; else None."""
        k = bisect.bisect_right(self.brackets, (at, at)) - 1
        if k >= 0 and self.brackets[k][0] < at < self.brackets[k][1]:
            if example and not _after(self.examples, self.brackets[k][0], at):
                return None
            return "brackets", k
        sentence = bisect.bisect_right(self.sentences, at)
        if example and not _after(self.loose_examples, self.sentences[sentence - 1] if sentence else 0, at):
            return None
        return "sentence", sentence


def _after(marks: list[tuple[int, int]], start: int, at: int) -> bool:
    """Whether one of ``marks`` (sorted spans, none overlapping) stands whole between ``start`` and ``at``."""
    i = bisect.bisect_left(marks, (start, start))
    return i < len(marks) and marks[i][1] <= at


def _examples_adapted(missing: list[str], extra: list[str], texts: list[str]) -> tuple[list[str], list[str]]:
    """``missing`` and ``extra`` less the numbers of an example the translation adapted to its reader: a
    number the source writes only in examples (`(e.g. +1 for the US)`) for one the translation writes in the
    same place (`(z. B. +49 für Deutschland)`: the same brackets, or the same sentence where both have as
    many sentences and brackets), one for one."""
    (source, source_at), (target, target_at) = (number_places(t) for t in texts)
    ours, theirs = _Units(source), _Units(target)
    if ours.layout() != theirs.layout():
        return missing, extra
    added = Counter(extra)
    in_place: dict[tuple[str, int] | None, list[str]] = {}
    for key, at in target_at:
        if added[key]:
            in_place.setdefault(theirs.of(at, example=False), []).append(key)
    wanted = set(missing)
    units: dict[str, list[tuple[str, int] | None]] = {}
    for key, at in source_at:
        if key in wanted:
            bound = _BOUND_BEFORE.search(source, max(0, at - 24), at) is not None  # `at least 12`: a rule
            units.setdefault(key, []).append(None if bound else ours.of(at, example=True))
    left = Counter(missing)
    for key in sorted(units):
        if None in units[key]:
            continue  # a number the source also writes outside an example is its own
        for unit in units[key]:
            swap = next((k for k in in_place.get(unit, ()) if added[k]), None)
            if swap is not None and left[key]:
                left[key] -= 1
                added[swap] -= 1
    return sorted(left.elements()), sorted(added.elements())


_ISO_DATE = compiled_on_use(r"(?<![\d.,-])(\d{4})-(\d{1,2})-(\d{1,2})(?![\d-])")


def _glued(number: str, text: str, written: list[str] | None = None) -> bool:
    """Whether ``text`` writes ``number`` glued to the letters of a unit (`32KiB`, `10ms`) or of a particle
    (Korean `3.8에서`), which ``numbers`` leaves out as part of a word. A separator may stand only where the
    other side writes the number with one (its ``written`` parts, `3` and `8` of `3.8`): `15 seconds` as
    `1.5초` moved the point. A fraction's separator must stand there (`1.5` as `15초` lost it); a group's
    may be left out or added (`1,000` as `1000명`, `1000` as `1,000명`)."""
    parts = written or [number]
    digits = _grouped(parts[0]) + "".join(("[.,]?" if len(p) == 3 else "[.,]") + _grouped(p) for p in parts[1:])
    return re.search(rf"(?<![\w.,]){digits}(?=[^\W\d_]{{1,4}}\b)", text) is not None


def _grouped(digits: str) -> str:
    """A pattern for ``digits`` with a group separator or none before each group of three from the right."""
    head = len(digits) % 3 or 3
    groups = [digits[:head]] + [digits[i : i + 3] for i in range(head, len(digits), 3)]
    return "[.,]?".join(map(re.escape, groups))


def _bare_fraction(number: str, written: str, other: str) -> bool:
    """Whether ``number`` is a fraction that ``written`` gives with its leading zero (`0.66`, keyed `066`)
    and ``other`` without it (`.66`), which ``numbers`` leaves out (a point before digits may end a
    sentence). The zero must stand before the point: `066` for `.66` lost the point, another number."""
    fraction = re.escape(number[1:])
    return (len(number) > 1 and number[0] == "0"
            and re.search(rf"(?<![\w.,])0[.,]{fraction}(?!\d|[.,]\d)", written) is not None
            and re.search(rf"(?<![\w.,])[.,]{fraction}(?!\d|[.,]\d)", other) is not None)


def _dates_worded(source: str, target: Counter[str]) -> tuple[Counter[str], Counter[str]]:
    """The numbers of the source's dates (`2016-12-31`) whose year and day the translation writes, which
    wrote the month as a word (`31 de diciembre de 2016`): the months, and the days it wrote without
    their zero (`05` as `5`); and those days as the translation writes them; each once per date."""
    missing: Counter[str] = Counter()
    extra: Counter[str] = Counter()
    for m in _ISO_DATE.finditer(source):
        year, month, day = m.groups()
        short = day.lstrip("0")
        if target[year] and (target[day] or target[short]):
            missing[month] += 1
            if not target[day]:
                missing[day] += 1
                extra[short] += 1
    return missing, extra


_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_MONTH = r"(January|February|March|April|May|June|July|August|September|October|November|December|" \
         r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?)"
_NAMED_DATE = compiled_on_use(rf"\b{_MONTH} (\d{{1,2}}),? (\d{{4}})\b|\b(\d{{1,2}}) {_MONTH},? (\d{{4}})\b")


def _dates_numbered(source: str, target: str) -> tuple[Counter[str], Counter[str]]:
    """The numbers of the source's dates written with the month's name (`January 1, 1970`, `1 January
    1970`) that the translation writes in digits, the same date (`1970-01-01`, `1970년 1월 1일`, `01/01/1970`):
    the source's that the translation's date writes otherwise (`1` as `01`), and that date's other numbers."""
    missing: Counter[str] = Counter()
    extra: Counter[str] = Counter()
    for m in _NAMED_DATE.finditer(source):
        name, day, year = (m.group(1), m.group(2), m.group(3)) if m.group(1) else (m.group(5), m.group(4), m.group(6))
        month = _MONTHS.index(name[:3].lower()) + 1
        d, mo = f"0?{int(day)}", f"0?{month}"
        written = re.search(rf"(?<![\d.,]){year} ?[-/.년] ?{mo} ?[-/.월] ?{d}(?!\d)"
                            rf"|(?<![\d.,]){d} ?[-/.] ?{mo} ?[-/.] ?{year}(?!\d)|(?<![\d.,]){mo}/{d}/{year}(?!\d)", target)
        if written is not None:
            theirs, ours = numbers(written.group()), Counter([day, year])
            missing += ours - theirs
            extra += theirs - ours
    return missing, extra


_SCALE_WORD = compiled_on_use(r"(?<![\d.,])(\d+(?:\.\d+)?) (thousand|million|billion)\b")
_SCALE_UNIT = compiled_on_use(r"(?<![\d.,])(\d+(?:\.\d+)?) ?([천만억千万萬億亿])")
_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "천": 1e3, "千": 1e3, "만": 1e4, "万": 1e4, "萬": 1e4,
           "억": 1e8, "億": 1e8, "亿": 1e8}


def _scaled(source: str, target: str) -> tuple[Counter[str], Counter[str]]:
    """The source's numbers scaled by an English word (`1.1 million`) the translation writes with the
    same value in its language's unit (`110만`, Korean's ten thousand), and those numbers of the translation."""
    missing: Counter[str] = Counter()
    extra: Counter[str] = Counter()
    theirs = [(m.group(1), float(m.group(1)) * _SCALES[m.group(2)]) for m in _SCALE_UNIT.finditer(target)]
    for m in _SCALE_WORD.finditer(source):
        value = float(m.group(1)) * _SCALES[m.group(2)]
        for i, (written, other) in enumerate(theirs):
            if abs(other - value) < 1e-6 * value:
                missing[m.group(1).replace(".", "")] += 1
                extra[written.replace(".", "")] += 1
                del theirs[i]  # (each of the translation's numbers stands for one of the source's)
                break
    return missing, extra


# English words that make the number after them an estimate: `about 100`, `roughly 10,000`, `~50` (not a
# threshold's `over 35` or `under 10`, which a translation must keep).
_APPROXIMATE = compiled_on_use(r"(?i)(?:\b(?:about|around|approximately|roughly|nearly|almost|some|circa)|~) ?$")
# Only a round number has a word that estimates it (`une centaine`, `a dozen`): `about 37` dropped is lost.
_ROUND = compiled_on_use(r"[1-9]\d*0")
# A name that numbers the items of a standard or a registry, which a number follows: `HTTP 200`, `PEP 247`,
# `RFC 2822`, `ISO 8601`. Not any capitals: a currency (`EUR 35`), a unit (`MB 20`), a protocol's port
# (`TCP 8080`) are quantities a translation must not add.
_DESIGNATION = compiled_on_use(r"\b(HTTP|PEP|RFC|ISO|IEC|IEEE|ECMA|CVE|CWE|BCP|STD|FIPS|UAX|UTS|JSR|JEP|PSR|KIP|"
                               r"EIP|BIP|SRFI)[ -]?$")
# A source of this many words is prose a translator may make more precise; a shorter one is a label.
_SENTENCE_WORDS = 4


def _numbered(name: str, source: str) -> bool:
    """Whether the source writes a number after ``name`` itself (`RFC 2822`): the translation's number
    after it is then the source's item, changed, not a precision added."""
    return re.search(rf"\b{re.escape(name)}[ -]?\d", source) is not None


def _every(contexts: list[str], before: re.Pattern[str]) -> bool:
    """Whether each place a number is written is preceded by what ``before`` matches."""
    return bool(contexts) and all(before.search(c) for c in contexts)


_HUNDRED = compiled_on_use(r"(?<![\d.,])100(?!\d|[.,]\d)")


def _whole(number: str, text: str) -> bool:
    """Whether ``number`` is 100 and each place ``text`` writes it is a percentage (`100%`, `100 %`)."""
    places = list(_HUNDRED.finditer(text)) if number == "100" else []
    return bool(places) and all(re.match("[ \u00a0\u202f]?%", text[m.end() :]) for m in places)


# English words for the numbers zero to ten, cardinal, ordinal and those that count (`a file`, `both`, `twice`),
# with the value each stands for.
_WORD_VALUES = {"zero": 0, "no": 0, "none": 0, "nothing": 0, "empty": 0, "a": 1, "an": 1, "one": 1, "once": 1, "single": 1,
                "first": 1, "two": 2, "twice": 2, "both": 2, "pair": 2, "couple": 2, "double": 2, "second": 2, "half": 2,
                "three": 3, "thrice": 3, "third": 3, "triple": 3, "four": 4, "fourth": 4, "quarter": 4, "five": 5,
                "fifth": 5, "six": 6, "sixth": 6, "seven": 7, "seventh": 7, "eight": 8, "eighth": 8, "nine": 9,
                "ninth": 9, "ten": 10, "tenth": 10, "dozen": 12}
_NUMBER_WORDS = "|".join(_WORD_VALUES)
_NUMBER_WORD = compiled_on_use(rf"(?i)(?<![\w'-])(?:{_NUMBER_WORDS})(?![\w'])")  # (`zero-based` too)
# A plural form for zero, one or two: an i18next suffix (`item_one`) or an Android plural's quantity (`songs.one`).
_FEW_FORM = compiled_on_use(r"(?:_|(?<=\w)\.)(?:zero|one|two)$")


def _spelled_for(number: str, seg: Segment, doc: Document, texts: list[str]) -> bool:
    """Whether a number of ten or less a translation adds stands for the source's word for it (`two files` as
    `2 fichiers`, `July` as `tháng 7`), is a plural form's count (`1 fichier` for `%d file`, an Android plural's
    `one`) or a part of a number of several parts (`۰٫۲۷٫۰`, Persian's `0.27.0`); or a number from eleven to
    ninety-nine the source writes as a word (`Fifteen minutes` as `15 dakika`)."""
    return (_spelled(number) and (singular(seg, doc) is not None or _FEW_FORM.search(seg.key or "") is not None
                                  or _worded(number, texts[0]) or _a_part(number, texts[1]))) \
        or _worded_past_ten(number, texts[0])


# English words for eleven to ninety-nine: the teens, the tens, and a ten with its unit, joined by a hyphen, a
# space or nothing (`forty-five`, `forty five`, `Fortyfive`, as GNOME Clocks' accessible labels write it).
_TEENS = {"eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
          "eighteen": 18, "nineteen": 19}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_UNITS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}
_PAST_TEN = compiled_on_use(rf"(?i)(?<![\w'-])(?:({'|'.join(_TEENS)})|({'|'.join(_TENS)})(?:[- ]?({'|'.join(_UNITS)}))?)"
                            r"(?![\w'])")


def _worded_past_ten(number: str, source: str) -> bool:
    """Whether the English ``source`` writes ``number`` (eleven to ninety-nine) as a word (`Fifteen minutes`,
    `forty-five`): a translation writes it in digits (`15 dakika`), the same number."""
    if not number.isdigit() or not 10 < int(number) < 100:
        return False
    return any((_TEENS.get((m.group(1) or "").lower()) or _TENS.get((m.group(2) or "").lower(), 0)
                + _UNITS.get((m.group(3) or "").lower(), 0)) == int(number) for m in _PAST_TEN.finditer(source))


# A number of several parts (`0.27.0`, `۰٫۲۷٫۰` with the Arabic decimal separator).
_MULTIPART = compiled_on_use(r"\d+(?:[.,\u066b\u066c]\d+)+")


def _a_part(number: str, text: str) -> bool:
    return any(str(int(part)) == str(int(number)) for m in _MULTIPART.finditer(text)
               for part in re.split(r"[.,\u066b\u066c]", m.group()))


# The months, whose number a translation may write (`21st July 2025` as `21 tháng 7 năm 2025`).
_MONTHS_TO_TEN = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October")
_MONTH_TO_TEN = compiled_on_use(r"\b(?:" + "|".join(_MONTHS_TO_TEN) + r")\b")


def _worded(number: str, source: str) -> bool:
    """Whether the English ``source`` writes ``number`` (ten or less) as a word: `two`, `second`, `both`, `a`,
    `July`."""
    value = int(number)
    return any(_WORD_VALUES[m.group().lower()] == value for m in _NUMBER_WORD.finditer(source)) \
        or any(_MONTHS_TO_TEN.index(m.group()) + 1 == value for m in _MONTH_TO_TEN.finditer(source))


def _spelled(number: str) -> bool:
    """Whether a number is one languages write as a word as often as in digits: zero to ten."""
    return number.isdigit() and int(number) <= 10


_CJK = CJK_LETTERS


def _in_compound(number: str, text: str) -> bool:
    """Whether each place ``text`` writes ``number`` joins it to a word: by a hyphen (`Base-10`, `16-bit`)
    or to CJK characters (`10進数`, `10 進数`)."""
    places = list(re.finditer(rf"(?<![\d.,]){re.escape(number)}(?![\d]|[.,]\d)", text))
    return bool(places) and all(
        re.search(rf"[^\W\d_]-$|[{_CJK}] ?$", text[: m.start()]) or re.match(rf"-[^\W\d_]| ?[{_CJK}]", text[m.end() :])
        for m in places)


def _parted(side: Counter[str], other: Counter[str], text: str) -> Counter[str]:
    """``side``'s numbers with each that ``other`` lacks replaced by its parts where ``other`` has them all."""
    split = number_parts(text)
    out = Counter(side)
    for n in list((side - other).elements()):
        pieces = Counter(split.get(n, []))
        if len(pieces) and sum(pieces.values()) > 1 and not pieces - other:
            out -= Counter({n: 1})
            out += pieces
    return out

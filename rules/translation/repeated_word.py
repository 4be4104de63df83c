"""T102 repeated-word: the same word twice in a row (`the the`)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from lint.formats.builder import PLACEHOLDER
from lint.language import identify, names_a_work, pack, primary
from lint.model import Applicability, Document, Finding, Segment, Severity
from lint.patterns import compiled, compiled_on_use
from lint.rule import Example, Rule, rule_data
from lint.scan import non_ascii
from lint.words import CP1252_CHARACTERS, SEPARATOR, encoded, encoded_text, joined

# Capitalized repeats that are typos, not names: sentence-initial function words ("The The" is a band,
# but "In In" is not).
_CAPITALIZED_OK = frozenset({"The", "A", "An", "In", "On", "It", "And", "But", "Of", "To", "For"})
_TRAILING = ".,;:!?\"'”’)]…"
_CODE_AFTER = compiled_on_use(r"[.:]\w")  # an attribute, a file extension, a qualified name
_REPEAT = compiled_on_use(r"\b([^\W\d_]+)(\s+)(\1)\b", re.IGNORECASE)
# A word doubled with a hyphen (`Beep-Beep`), a reduplication of the source's own.
_HYPHENED_REPEAT = compiled_on_use(r"\b([^\W\d_]+)(-)(\1)\b", re.IGNORECASE)
# Languages whose grammar doubles any adjective, adverb or noun for manner, intensity or distribution
# (Turkish `parça parça`, `uzun uzun`, `sık sık`; Hindi `धीरे धीरे`; Persian `کم کم`; Indonesian spaced
# `kira kira`): productive full reduplication (WALS feature 27A), where a doubled word is grammar, not a
# slip, and no list of legitimate repeats could be complete.
_REDUPLICATING = frozenset({
    "tr", "az", "uz", "kk", "ky", "tk", "hi", "ur", "bn", "mr", "gu", "pa", "ne", "ta", "te", "kn", "ml", "si",
    "fa", "id", "ms", "tl", "vi", "th", "km", "lo", "my", "ko", "sw",
    # Santali (Munda: `ᱡᱩᱫᱟᱹ ᱡᱩᱫᱟᱹ`, judạ judạ, various; Anderson, The Munda Languages, 2008), Igbo (`iche iche`,
    # various, `kpam kpam`, completely, `ngwa ngwa`, quickly; Emenanjo, Elements of Modern Igbo Grammar) and
    # Lingala (`pene pene`, very near; Meeuwis, A Grammatical Overview of Lingala) double adverbs and
    # adjectives as productively.
    "sat", "ig", "ln",
    # Punjabi in Shahmukhi and Saraiki, Indo-Aryan as Punjabi and Urdu above (`واری واری`, turn by turn).
    "pnb", "skr",
})
# What such a language never doubles: its conjunctions, prepositions and postpositions, and demonstratives
# (Turkish `ve ve`, Indonesian `ke ke`), which a slip doubles as in any language. (Not Turkish `bir bir`,
# one by one, nor `için için`, inwardly: both reduplication.)
_NEVER_DOUBLED = {
    "tr": frozenset("ve ile veya ama fakat ancak gibi kadar bu şu".split()),
    "az": frozenset("və ilə ya amma lakin kimi qədər bu".split()),
    "id": frozenset("ke di dan yang dari untuk dengan pada ini itu atau".split()),
    "ms": frozenset("ke di dan yang dari untuk dengan pada ini itu atau".split()),
    "tl": frozenset("ang ng sa at na mga".split()),
    "vi": frozenset("và của là các những được cho với trong".split()),
    "fa": frozenset("و به از را که در با".split()),
    "hi": frozenset("और का की के को से में पर".split()),
    "ur": frozenset("اور کا کی کے کو سے میں پر".split()),
    "sw": frozenset("na ya wa kwa za la cha".split()),
    "ig": frozenset("na ma ka nke".split()),  # and/with, but, than, of
    "ln": frozenset("na mpe to ya".split()),  # and/with, also, or, of
    "pnb": frozenset("تے دے دی دا نوں وچ توں".split()),  # and, of (three genders), to, in, from
    "skr": frozenset("تے دے دی دا کوں وچ توں".split()),
    "sat": frozenset("ᱟᱨ ᱨᱮ ᱠᱷᱚᱱ".split()),  # and, in, from
}

# The legitimate repeats of languages with no pack (Hungarian `az az idő`, Albanian `të të dhënave`, Greek weak
# pronouns …), in a pack's keys: data/repeats.yaml.
_PACKLESS = Path(__file__).parent / "data" / "repeats.yaml"


class RepeatedWord(Rule):
    code = "T102"
    slug = "repeated-word"
    summary = "The same word twice in a row"
    rationale = """
**What it does.** Flags a word immediately repeated (`the the`, `in in`), also across a line break,
ignoring case. A capitalized pair may be a name (`Tian Tian`, `Lang Lang`), but no name says its word three
times: from the third copy on, a run is one finding (`Lang Lang Lang`, `Yin Yin Yin Yin`, MT phrase loops), but in
a title cited after the noun that names its work, in a language whose pack lists such nouns, the noun then only
capitalized words up to the copies, three copies that end the capitals (`el sencillo Can I Get Get Get`, `la
canción Fun Fun Fun`: a title's words; `el sencillo de Get Get Get`, after a preposition, `la canción Fun Fun Fun
Fun`, four copies, and `el libro El Gran Gran Gran Libro`, capitals after the copies, are flagged).

**Why is this bad?** The classic proofreading miss: the eye skips it, and MT engines and text
assembled from fragments produce it often.

Not flagged: each language's legitimate repeats, listed in its pack (French reflexives `nous nous`,
`vous vous`; German article and relative pronoun `die die`, `das das`; Dutch `dat dat`; a word its pack lets double
before one next word only, French `le premier premier ministre`, the ordinal before the compound noun; Polish `to to` (the particle, then the pronoun: before a comma, `samo` or the end, or after a fronted clause's comma, `Jeśli tak jest, to to jest`; not `że to to jest`, `o to to`, `Wiem, to to jest`); intensifiers and
answers doubled for emphasis, `sehr sehr`, `muy muy`, `sì sì`; Italian reduplication, `piano piano`), any repeat in a
language whose grammar doubles words freely (productive full reduplication, WALS feature 27A: Turkish `parça parça`,
Hindi, Persian, Indonesian, Korean, Igbo, Santali and others) but its conjunctions, prepositions and demonstratives (`ve ve`,
`ke ke`), the grammatical repeats of some languages with no pack (Hungarian `az az idő`,
Albanian `të të dhënave`, Galician `se se`, Haitian Creole `demann nan nan`, Northern Sotho `leina le le`, Greek weak pronouns, a possessive
then an object, `οι αλλαγές σας σας ικανοποιούν`, not after a particle nor before a genitive, `Θα σας σας`,
`του του αρχείου`: it could hide a weak pronoun typed twice), a term quoted whole whose words are the repeat, in lower case, of four letters or more
(`découvrir les "inconnues inconnues"`, the unknown unknowns; not `"le le"`), a translation's word repeated where its source takes one metavariable twice in a row, as often as it does
(`<commit> <commit>...` as `ПОДАВАНЕ ПОДАВАНЕ…`; it could hide a word typed twice elsewhere in such a string,
where the translation writes the metavariable once; not where the translation writes the doubled
metavariable itself, `<път> <път>`), a word glued to `%` (strftime's
`%a a las`), a word repeated where the source repeats one, as often, between the same marks, and the
word not the source's (C's `[long long]` as uk `[довгий довгий]`; not `[довгий] та та`) or the source's doubled
word kept (`Ping Ping` as `Ping ping`), a hyphen's doubling counted as the source's repeat (`Beep-Beep` as
`Pip pip`; not `Ping` as `Ping ping`), and repeats
grammar or idiom allows (English, its pack's list: `had had`, `that that`, `la la`, English only, where French,
Spanish, Italian `la la` is an article typed twice; in a quotation CLD2 reads as English, `„Really really love
you“`; and in any language when said three times or more, a sound, `cantaba la la la`; `is is` after a clause that a wh-word or `all` opens,
unless a participle follows: `What it is is a loop`, `Where a country is is an average`; in Dutch, the verb that ends
a subordinate clause opening the sentence, then the main clause's, its subject after it, `Omdat ze verschenen zijn zijn ze`
(not after `als` or `sinds` opening a phrase, `Als voorzitter van de raad heeft heeft de minister`, nor a noun
after an article or a possessive, `zijn vriend vriend een boek`, nor a preposition, `met met de trein`); `bye bye`, `very very`, `far far away`, `Walla Walla`), numbers, and single letters.
"""
    severity = Severity.WARNING
    fix = Applicability.UNSAFE
    fix_note = "Deletes the second copy and the space before it; unsafe because a repeat may be meant."
    # A document rule, not a trigger: a repeat needs a backreference, too slow as a scan over all
    # prose. Neighbouring words are compared in C over the whole document first, and the regex runs
    # only on the paragraphs that hold a candidate.
    scope = "document"
    trigger = None
    flag = (
        Example('msgid "Miscellaneous Other Changes"\nmsgstr "Інші інші зміни"\n',
                'msgid "Miscellaneous Other Changes"\nmsgstr "Інші зміни"\n', path="uk.po",
                note="python-docs-uk: a source with no repeat of its own"),
        Example('msgid "[long long] and int"\nmsgstr "[довгий] та та int"\n',
                'msgid "[long long] and int"\nmsgstr "[довгий] та int"\n', path="uk.po",
                note="the source's repeat is translated once; another word doubled elsewhere"),
        Example('msgid "Use ``long long`` for the value"\nmsgstr "Використовуйте ``long long`` для для значення"\n',
                'msgid "Use ``long long`` for the value"\nmsgstr "Використовуйте ``long long`` для значення"\n',
                path="uk.po", note="the source's repeat is code the translation keeps; a word doubled beside it"),
        Example('msgid "Ping"\nmsgstr "Ping ping"\n', 'msgid "Ping"\nmsgstr "Ping"\n', path="nb.po",
                note="a sound's name the source does not double"),
        Example('msgid "Beep-Beep for the alarm"\nmsgstr "Pip pip for for alarmen"\n',
                'msgid "Beep-Beep for the alarm"\nmsgstr "Pip pip for alarmen"\n', path="nb.po",
                note="the source's hyphened repeat rendered, another word doubled beside it"),
        Example("Nke a dị mma na na ya bụ eziokwu.\n", "Nke a dị mma na ya bụ eziokwu.\n", language="ig",
                note="a reduplicating language still never doubles its conjunction"),
        Example("Kende na na ndako na yo.\n", "Kende na ndako na yo.\n", language="ln"),
        Example("Read the Getting Started started guide first.", "Read the Getting Started guide first."),
        Example("Pianists such as Lang Lang Lang and other music masters played.",
                "Pianists such as Lang Lang and other music masters played.",
                note="a name may double, but not triple: a phrase loop in MT output"),
        Example("Yin Yin Yin Yin Yin and her sister came.", "Yin Yin and her sister came.",
                note="a run is one finding"),
        Example("Grabó el sencillo de Get Get Get en aquel estudio.\n", "Grabó el sencillo de Get Get en aquel estudio.\n",
                language="es", note="a preposition between the work's noun and the capitals: no title's words"),
        Example("Compró el libro El Gran Gran Gran Libro de la cocina.\n", "Compró el libro El Gran Gran Libro de la cocina.\n",
                language="es", note="capitals go on after the copies: a loop inside a pasted title-cased anchor"),
        Example("We met Anna The the next day at noon.", "We met Anna The next day at noon."),
        Example("Le le composant est prêt.\n", "Le composant est prêt.\n", language="fr"),
        Example("Cochez la la case pour continuer.\n", "Cochez la case pour continuer.\n", language="fr",
                note="English's `la la` (a song's syllables) is no French repeat: the article typed twice"),
        Example('msgid "git diff <path> <path>"\nmsgstr "git diff <път> <път> за за сравнение"\n',
                'msgid "git diff <path> <path>"\nmsgstr "git diff <път> <път> за сравнение"\n', path="bg.po",
                note="the translation writes the doubled metavariable itself: a word doubled beside it is a slip"),
        Example('msgid "git log [<options>] <commit>"\nmsgstr "git log [ОПЦИЯ…] ПОДАВАНЕ ПОДАВАНЕ"\n',
                'msgid "git log [<options>] <commit>"\nmsgstr "git log [ОПЦИЯ…] ПОДАВАНЕ"\n', path="bg.po",
                note="the source takes its metavariable once"),
        Example("Δεν βρέθηκε το όνομα του του αρχείου.\n", "Δεν βρέθηκε το όνομα του αρχείου.\n", language="el",
                note="the genitive article typed twice before its noun"),
        Example("Θα σας σας στείλουμε ένα μήνυμα.\n", "Θα σας στείλουμε ένα μήνυμα.\n", language="el",
                note="an object pronoun typed twice after the future's particle: no possessive"),
        Example("Αποθήκευση και και κλείσιμο του αρχείου.\n", "Αποθήκευση και κλείσιμο του αρχείου.\n", language="el",
                note="Greek doubles its weak pronouns, never its conjunction"),
        Example("Según el Instituto de de Estadística, el paro bajó.\n",
                "Según el Instituto de Estadística, el paro bajó.\n", language="es",
                note="inside a name: no run of capitals excuses a repeat (so `l'accordo Canada plus plus`, "
                     "a deal's name, stays flagged)"),
        Example("Il a acheté un un deux-pièces à Lyon.\n", "Il a acheté un deux-pièces à Lyon.\n", language="fr",
                note="the article doubled before a numeral: no numeral excuses `un un` (so `obtenir un un deux`, "
                     "a one-two finish without its hyphen, stays flagged)"),
        Example("Bu paketi ve ve diğer paketleri yükleyin.\n", "Bu paketi ve diğer paketleri yükleyin.\n", language="tr",
                note="a conjunction is never reduplicated"),
        Example("Kami akan pergi ke ke pasar besok pagi.\n", "Kami akan pergi ke pasar besok pagi.\n", language="id"),
        Example("Er hat hat das gesagt.\n", "Er hat das gesagt.\n", language="de"),
        Example("Ona się się nie boi.\n", "Ona się nie boi.\n", language="pl", note="the pack's `to to` is not any word"),
        Example("Wydaje mi się, że to to jest najlepsze rozwiązanie.\n",
                "Wydaje mi się, że to jest najlepsze rozwiązanie.\n", language="pl",
                note="`to` after `że`, before a verb: the subject typed twice, no particle"),
        Example("Omdat de reeksen nooit zijn zijn verschenen, zoeken we ze.\n",
                "Omdat de reeksen nooit zijn verschenen, zoeken we ze.\n", language="nl",
                note="a participle after the pair: a verb typed twice inside the clause"),
        Example("Als voorzitter van de raad heeft heeft de minister het plan afgewezen.\n",
                "Als voorzitter van de raad heeft de minister het plan afgewezen.\n", language="nl",
                note="`als` before a noun opens a phrase, no clause: the main clause's verb typed twice"),
        Example("Omdat hij zijn vriend vriend een boek gaf, was hij blij.\n",
                "Omdat hij zijn vriend een boek gaf, was hij blij.\n", language="nl",
                note="a noun after a possessive, typed twice before an article: no clause's verb"),
        Example("The the minister said so.", "The minister said so."),
        Example("{% highlight ruby %}\nputs 1\n{% endhighlight %}\n\nUse it in in a script.\n",
                "{% highlight ruby %}\nputs 1\n{% endhighlight %}\n\nUse it in a script.\n", path="a.md"),
        Example("It was held in in Kyiv.", "It was held in Kyiv."),
        Example('Il a dit "le le système est prêt" hier.\n', 'Il a dit "le système est prêt" hier.\n',
                language="fr", note="a quotation that holds more than the repeat"),
        Example('Cliquez sur « Enregistrer enregistrer » pour finir.\n', 'Cliquez sur « Enregistrer » pour finir.\n',
                language="fr", note="a label quoted whole, its word typed twice"),
        Example("The test reads 'This this is a test sentence.' in the log.",
                "The test reads 'This is a test sentence.' in the log."),
        Example("Prisoners were exchanged throughout the\nthe conflict.", "Prisoners were exchanged throughout the conflict."),
        Example("We will deal with it it now.", "We will deal with it now."),
        Example("The plane carried carried 74 people.", "The plane carried 74 people."),
        Example("This is a developing developing story.", "This is a developing story."),
        Example("They said that the the attack was new.", "They said that the attack was new."),
        Example("Officials of the the Ministry of Defense spoke.", "Officials of the Ministry of Defense spoke."),
        Example("Food trucks and a a professional photographer came.", "Food trucks and a professional photographer came."),
        Example("However, it is is difficult to monitor them.", "However, it is difficult to monitor them.",
                note="`is is` after a subject that no wh-word opens"),
        Example("This is is the first positive test in the team.", "This is the first positive test in the team."),
        Example("When the server is is restarted, the cache is cleared.",
                "When the server is restarted, the cache is cleared.", note="`when` as a conjunction"),
        Example("First of all it is is difficult to monitor them.", "First of all it is difficult to monitor them."),
    )
    allow = (
        Example("Sends the signal *signal* to the child.\n", path="a.rst", note="a parameter's name after its kind"),
        Example('#: library/unittest.rst:1\nmsgid "Called when the test case *test* is run."\n'
                'msgstr "Appelé lorsque le cas de test *test* est exécuté."\n', path="fr.po"),
        Example("Si vous donnez à quelqu’un un fichier, il peut l’exécuter sans rien installer.\n", language="fr"),
        Example("Nous nous levons tôt et vous vous couchez tard.\n", language="fr"),
        Example('Elle vise à découvrir les "inconnues inconnues" et à renforcer la confiance.\n', language="fr",
                note="a term quoted whole: the unknown unknowns"),
        Example("On peut ajouter des sections tout en en préservant l'état.\n", language="fr"),
        Example("Die Frau, die die Zeitung liest, lacht. Das Buch, das das Kind liest.\n", language="de"),
        Example("Hij zei dat dat niet klopt.\n", language="nl"),
        Example("Stel een omgevingsvariabele in in een lopende Bash-sessie.\n", language="nl",
                note="the particle of `instellen`, then the preposition"),
        Example("Pak een bestand uit uit een universeel bestand.\n", language="nl"),
        Example("Daarna moet je je opnieuw aanmelden.\n", language="nl", note="the subject, then the reflexive"),
        Example("Omdat veel van deze reeksen nooit verschenen zijn zijn ze gezocht.\n", language="nl",
                note="a subordinate clause's finite verb, then the main clause's (UD Dutch-LassySmall)"),
        Example("Co trzeba przyznać autorowi, to to, że pisze zgrabnie. Czy to to samo miejsce?\n", language="pl",
                note="the particle `to`, then the pronoun `to` (UD Polish-PDB)"),
        Example("Poi espira piano piano, ripetendo mentalmente la parola.\n", language="it",
                note="reduplication for manner or intensity, standard Italian"),
        Example("Das Essen dort ist sehr sehr schlecht.\n", language="de", note="an intensifier doubled for emphasis"),
        Example("Llegamos muy muy tarde a la estación.\n", language="es"),
        Example("Os políticos devem ceder se se aprestarem a trair a decisão.\n", language="pt",
                note="the conjunction «se» before the clitic «se»"),
        Example("Az az idő, amely után a válasz lassúnak tekinthető.\n", language="hu",
                note="a demonstrative, then the article it takes"),
        Example("Një gabim ndodhi gjatë ngarkimit të të dhënave.\n", language="sq",
                note="the connective, then the preposed article of «të dhënat»"),
        Example('Repons pa valab pandan w t ap jwenn token demann nan nan "%s".\n', language="ht",
                note="the determiner `nan`, then the preposition `nan`"),
        Example("Indica se se debería mostrar o número de liña.\n", language="gl",
                note="the conjunction «se», then the clitic «se»"),
        Example('#. Translators: a time with its weekday (strftime)\n#: src/date.c:12\nmsgid "%a at %H:%M"\n'
                'msgstr "%a a las %H:%M"\n', path="es.po", note="strftime's weekday, then the preposition"),
        Example("Leina le le tla dirišwa mafelong a mangwe go lemoga seswantšho.\n", language="nso",
                note="a demonstrative, then the concord of its class"),
        Example('msgid "git merge-base [-a | --all] <commit> <commit>..."\n'
                'msgstr "git merge-base [-a|--all] ПОДАВАНЕ ПОДАВАНЕ…"\n', path="bg.po",
                note="a usage line that takes one metavariable twice, worded in Bulgarian"),
        Example("Χρησιμοποιήστε «git rebase --continue» όταν οι αλλαγές σας σας ικανοποιούν.\n", language="el",
                note="the possessive after its noun, then the object before its verb: your changes satisfy you"),
        Example("Nke a ga-emepe windo dị iche iche.\n", language="ig", note="reduplication: various"),
        Example('#. Translators: An alarm sound name\nmsgid "Ping Ping"\nmsgstr "Ping ping"\n', path="lt.po",
                note="GNOME Clocks: the source's own repeat kept, in another case"),
        Example('#. Translators: An alarm sound name\nmsgid "Beep-Beep"\nmsgstr "Pip pip"\n', path="nb.po",
                note="the source's word doubled with a hyphen, rendered as a repeat"),
        Example('msgid "``L`` (:class:`int`) [long long]"\nmsgstr "``L`` (:class:`int`) [довгий довгий]"\n',
                path="uk.po", note="python-docs-uk: the source's own repeat (C's `long long`), translated"),
        Example("\u0646\u0642\u0634\u06d2 \u062f\u06d2 \u0633\u0627\u0631\u06d2 \u0688\u06cc\u0679\u0627 "
                "\u0648\u0627\u0631\u06cc \u0648\u0627\u0631\u06cc \u06a9\u0627\u067e\u06cc\n", language="pnb"),
        Example("Aşağıdaki bölümlerde bu ifadeyi parça parça ele alalım ve uzun uzun konuşalım.\n", language="tr",
                note="Turkish doubles any adjective or adverb: reduplication"),
        Example("वह धीरे धीरे घर की ओर चला।\n", language="hi"),
        Example("She had had enough of it."),
        Example("What it is is a loop that never ends.", note="a wh-clause ending in `is`, subject of the second"),
        Example("All it really is is a rename of the old function."),
        Example("Where a country is is a sort of average score.", note="the clause is the subject of the second `is`"),
        Example("He said that that was the plan."),
        Example("Bye bye, said the child."),
        Example('<string name="cancel_download_label">Cancel·la la baixada</string>\n', path="values-ca/strings.xml",
                language="ca", note="AntennaPod: Catalan `Cancel·la` (the geminate l·l), then the article"),
        Example("The crowd sang la la la with the band.", note="English's own allowed repeats, for English only"),
        Example("Ella cantaba la la la la la la mientras cocinaba.", language="es",
                note="English's sounds said three times or more are sounds in any language (`la la casa` is flagged)"),
        Example("Die Single „Really really love you“ wurde im August 2013 veröffentlicht.\n", language="de",
                note="UD German-PUD: English quoted in another language keeps English's allowed repeats"),
        Example("It was very very cold."),
        Example("They flew to Walla Walla in Washington."),
        Example("The score was 20 20 at the break."),
        Example("The word appears in code as `the the`.", path="a.md"),
        Example("Actualice REXML:\n\n{% highlight ruby %}\nclass REXML::Document\n  def document\n    self\n  end\n"
                "end\n{% endhighlight %}\n", path="a.md", language="es",
                note="Jekyll's highlight tag holds code (ruby-lang.org's pages), as a fence does"),
        Example("Far far away, they went."),
        Example("Vitamin A a day: single letters pass."),
        Example("What we see is ylang ylang, the scented part."),
        Example("| Bitwise AND and assignment |"),
        Example("Thanks to Justin Samuel, Tian Tian and Santiago Torres."),
        Example("Tian Tian Zhang and Lang Lang met in Beijing.", note="a doubled name before a surname"),
        Example("Colaboró con el grupo danés Junior Senior con el sencillo Can I Get Get Get y se fue de gira.\n",
                language="es", note="UD Spanish-GSD: a song's title after the noun that names the work, its words capitalized"),
        Example("The result is barray([True False False False]) here.", note="values inside brackets"),
        Example("    a      b      a and b\n    False  False  False\n    True   True   True\n",
                note="a truth table's aligned columns"),
        Example('``bool(x)`` is much clearer than "not not x" and much more concise.',
                note="a double negative is grammatical"),
        Example("    import warnings\n    warnings.filterwarnings('default')", note="code pasted as text"),
        Example("It is read-only only for the current process."),
        Example("A long long time ago, in a galaxy far, far away."),
        Example("Qui fut le premier premier ministre du Canada ?", language="fr",
                note="the ordinal before the compound noun `premier ministre` (the French pack's `repeats-before`)"),
        Example("Java java.util.concurrent package", note="a qualified name"),
        Example("A backup service that protects Amazon Web Services services and their data.",
                note="a name, then the noun it qualifies"),
        Example("an export specifier:\n   module\n   module:name"),
        Example("distribution\n    Distribution name, e.g. 'django'.", path="a.rst"),
    )

    def check_document(self, doc: Document) -> Iterator[Finding]:
        # A run of NULs between segments keeps a heading's last word from pairing with the next
        # paragraph's first, and tells which segment a pair of words is in (the text T107 splits too).
        only: frozenset[str] | None = None
        if primary(doc.language) in _REDUPLICATING:
            only = _NEVER_DOUBLED.get(primary(doc.language))
            if not only:
                return
        segments = doc.segments
        words = _repeat_words(doc.language)
        text = joined(doc)
        if text is not None:
            parts: Iterable[int] = _segments_with_repeats(text, encoded(doc), words.anywhere)
        else:  # a NUL in a text of its own (an i18n "\u0000"): every segment is read
            parts = range(len(segments))
        clause = _clause_words(doc.language)
        for i in parts:
            yield from self._repeats(segments[i], words, doc, only, clause)

    def _repeats(self, seg: Segment, words: _RepeatWords, doc: Document | None = None,
                 only: frozenset[str] | None = None, clause: _ClauseWords | None = None) -> Iterator[Finding]:
        """The repeats in ``seg``; ``words``: its language's legitimate repeats; ``only``: the words a
        reduplicating language may not double."""
        text = seg.text
        # A usage line that takes one metavariable twice (`<commit> <commit>...`): a translation that words
        # it (`ПОДАВАНЕ ПОДАВАНЕ…`) repeats the word as often.
        doubled = len(_DOUBLED_METAVARIABLE.findall(seg.source_text)) if seg.source_text and "<" in seg.source_text else 0
        # (not those the translation writes as metavariables itself, `<commit> <commit>` or `<път> <път>`:
        # a word doubled beside them is a slip, `<commit> <commit>… всички всички`)
        doubled -= len(_DOUBLED_METAVARIABLE.findall(text)) if doubled else 0
        run_end = 0
        echoed, kept = _source_repeats(seg.source_text or "")
        for m in _REPEAT.finditer(text):
            if m.start() < run_end:
                continue  # inside a run already reported
            word = m.group(1)
            if doubled and word not in (seg.source_text or ""):
                doubled -= 1
                continue
            if echoed and echoed[beside := _beside(text, m)] and (
                    word.lower() not in (seg.source_text or "").lower() or word.lower() in kept):
                echoed[beside] -= 1
                continue
            # A single letter repeats only as the article `a a` before a lower-case word (`type a a`, `A a` pass).
            article = word == "a" == m.group(3) and re.match(r"\s+[a-z]{2}", text[m.end():m.end() + 4]) is not None
            if (only is not None and word.lower() not in only) or (len(word) < 2 and not article) or (
                    word.lower() in words.own and _grammar_repeat(text, m, words.where.get(word.lower()))) or (
                    words.english and word.lower() in words.english and _in_english_quotation(text, m)) or (
                    _a_sound_said_thrice(text, m, words.english)) or (
                    words.before and (after := _NEXT_WORD.match(text, m.end())) is not None
                    and (word.lower(), after.group(1).lower()) in words.before):
                continue
            second = m.group(3)
            if second[0].isupper() and (word[0].islower() or (word[1:].islower() and word not in _CAPITALIZED_OK)):
                # A name may double (Tian Tian, Lang Lang), but no name is the same word three times: the
                # third copy is a phrase loop's (`Lang Lang Lang and other masters`).
                third = _loop_after(text, m, doc) if word == second else None
                if third is not None:
                    run_end = third[1]
                    yield self.finding(seg, *third, f"Repeated word '{second}'", edits=[(m.end(3), third[1], "")])
                continue  # a term then its definition ("distribution\n Distribution name"), or a name (Tian Tian)
            if word[0].isupper() and second[0].islower() and _NAME_BEFORE.search(text, max(0, m.start() - 80),
                                                                                 m.start()):
                continue  # "Amazon Web Services services": a name's last word, then the common noun
            if word != second and (word.isupper() or second.isupper()) and word.lower() != word.upper():
                if not (word.istitle() and second.islower()):
                    continue  # an acronym beside the word: "bitwise AND and assignment"
            if _part_of_a_longer_token(text, m):
                continue
            if _across_clauses(text, m, clause or _NO_CLAUSE_WORDS):
                continue  # `What it is is a loop`, nl `Omdat ze verschenen zijn zijn ze`: a clause's verb, the next's
            if (word == second and word.islower() and len(word) >= _QUOTED_TERM_LETTERS
                    and _QUOTED_BEFORE.search(text, max(0, m.start() - 2), m.start()) and _QUOTED_AFTER.match(text, m.end())):
                continue  # `les "inconnues inconnues"` (unknown unknowns): a term quoted whole, its words doubled
            if doc is not None and _marked(doc, seg, m.start(3)):
                continue  # "the signal *signal*": a parameter's name, set apart, after what it is
            yield self.finding(seg, m.start(3), m.end(3), f"Repeated word '{word}'",
                               edits=[(m.end(1), m.end(3), "")])


# Quotation marks that open and close a term set in them whole (`"inconnues inconnues"`, `« bye bye »`).
_QUOTED_BEFORE = compiled_on_use(r"[\"“„«‘‚][ \u00a0\u202f]?$")
_QUOTED_AFTER = compiled_on_use(r"[ \u00a0\u202f]?[\"”“»’‘]")
# … a word of four letters or more, the same twice in lower case: not `"le le"` (an article typed twice), nor a
# label whose second word lost its capital (`« Enregistrer enregistrer »`).
_QUOTED_TERM_LETTERS = 4
_WORD_BEFORE = compiled_on_use(r"(\w+)\W*$")
_WORD_AFTER = compiled_on_use(r"\W*(\w+)")
# The word after a pair, one space away (a pack's `repeats-before`: `premier premier ministre`).
_NEXT_WORD = compiled_on_use(r"[ \u00a0]([^\W\d_]+)\b")


# Where a pack's conditional repeat (its `repeats-where`, per word) is a slip after all: each condition a test of
# the words around the pair, the pack giving the words (see _Where).
_RUN_WINDOW = 16  # the characters before a pair read for a copy or a pronoun right before it


@dataclass(frozen=True)
class _Where:
    """A pack's `repeats-where` for one word: the pair is a legitimate repeat only where each condition given
    holds (fr `faire`, pl `to`, el weak pronouns). ``again``/``once_before``: not-in-a-run, the word once more
    after the pair or right before it; ``not_before`` (unless ``unless_after`` stands right before the pair):
    not-before, words or phrases after it; ``not_right_after``: not right after one of these words, nothing but
    space between; ``after_a_word_but``: a word stands before the pair, past marks, and is not one of these;
    ``before_a_word_not_ending``: a word follows it, past marks, and ends in none of these; ``before`` or
    ``after_a_clause``: before one of these marks or words, or after a clause one of these words opens, then its
    comma."""

    again: re.Pattern[str] | None = None
    once_before: re.Pattern[str] | None = None
    not_before: re.Pattern[str] | None = None
    unless_after: re.Pattern[str] | None = None
    not_right_after: frozenset[str] = frozenset()
    after_a_word_but: frozenset[str] | None = None
    before_a_word_not_ending: tuple[str, ...] | None = None
    before: re.Pattern[str] | None = None
    after_a_clause: re.Pattern[str] | None = None


def _alternation(words: Iterable[str]) -> str:
    """Words or phrases as an alternation, a phrase's words any space apart (`en sorte`)."""
    return "|".join(r"\s+".join(map(re.escape, w.split())) for w in words)


def _where(word: str, data: dict[str, Any]) -> _Where:
    """A pack's `repeats-where` entry for ``word``, its patterns compiled (once per language: _repeat_words)."""
    esc = re.escape(word)
    marks = [w for w in data.get("before") or () if len(w) == 1 and not w.isalnum()]
    words_before = [w for w in data.get("before") or () if w not in marks]
    return _Where(
        again=compiled(rf"\s+{esc}\b", re.IGNORECASE) if data.get("not-in-a-run") else None,
        once_before=compiled(rf"(?<![\w'’-]){esc}\s+$", re.IGNORECASE) if data.get("not-in-a-run") else None,
        not_before=compiled(rf"\s+(?:{_alternation(data['not-before'])})\b", re.IGNORECASE)
        if data.get("not-before") else None,
        unless_after=compiled(rf"(?<![\w'’-])(?:{_alternation(data['unless-after'])})\s+$", re.IGNORECASE)
        if data.get("unless-after") else None,
        not_right_after=frozenset(data.get("not-right-after") or ()),
        after_a_word_but=frozenset(data["after-a-word-but"]) if "after-a-word-but" in data else None,
        before_a_word_not_ending=tuple(data["before-a-word-not-ending"]) if "before-a-word-not-ending" in data else None,
        before=compiled(r"\s*(?:" + "|".join(filter(None, (
            "[" + "".join(map(re.escape, marks)) + "]" if marks else "",
            f"(?:{_alternation(words_before)})\\b" if words_before else ""))) + ")") if data.get("before") else None,
        after_a_clause=compiled(r"(?i)(?:^|[.!?…]\s+)(?:" + _alternation(data["or-after-a-clause-opened-by"])
                                + r")\b[^.!?…]*,\s*$") if data.get("or-after-a-clause-opened-by") else None,
    )


@dataclass(frozen=True)
class _RepeatWords:
    """A language's legitimate repeats, from its pack (or, for a language with none, data/repeats.yaml): ``own``,
    its `repeats`; ``where``, the conditions of those its `repeats-where` names; ``anywhere``, the others (a
    part holding no other pair is not read: _segments_with_repeats); ``before``, its `repeats-before` (a word
    that doubles before one next word only, fr `le premier premier ministre`), as (word, next word) pairs."""

    own: frozenset[str] = frozenset()
    where: dict[str, _Where] = field(default_factory=dict)
    anywhere: frozenset[str] = frozenset()
    before: frozenset[tuple[str, str]] = frozenset()
    english: frozenset[str] = frozenset()  # in another language's document, English's, for English quoted in it


@lru_cache(maxsize=64)
def _repeat_words(tag: str) -> _RepeatWords:
    """The legitimate repeats of the language ``tag`` (read once per tag, as ``pack`` is)."""
    data = pack(tag) or _packless().get(primary(tag)) or {}
    own = frozenset(data.get("repeats") or ())
    where = {word: _where(word, conditions) for word, conditions in (data.get("repeats-where") or {}).items()}
    before = frozenset((word.lower(), after.lower()) for word, nexts in (data.get("repeats-before") or {}).items()
                       for after in nexts)
    english = frozenset() if primary(tag) == "en" else _repeat_words("en").anywhere - own
    return _RepeatWords(own, where, own - where.keys(), before, english)


# A quotation on one line (`„Really really love you“`, `"bye bye"`), its marks included.
_QUOTATION = compiled_on_use(r"«[^»\n]*»|“[^”\n]*”|„[^“”\n]*[“”]|\"[^\"\n]*\"")


def _in_english_quotation(text: str, m: re.Match[str]) -> bool:
    """Whether the pair ``m``, in a document of another language, stands in a quotation that CLD2 reliably
    reads as English (a song's title, `„Really really love you“ wurde im August veröffentlicht`): English's
    allowed repeats hold for English text, not for a word of another language (fr, es `la la`)."""
    line_start = text.rfind("\n", 0, m.start()) + 1
    line_end = len(text) if (n := text.find("\n", m.end())) < 0 else n
    for q in _QUOTATION.finditer(text, line_start, line_end):
        if q.start() < m.start() and m.end() < q.end():
            found = identify(q.group()[1:-1])
            return found.language == "en" and found.reliable
    return False


def _a_sound_said_thrice(text: str, m: re.Match[str], english: frozenset[str]) -> bool:
    """Whether the pair ``m`` is part of three copies or more, one space apart, of one of English's allowed
    repeats in lower case: a sound in any language (es `cantaba la la la`, fr `« la la la »`), where an
    article typed twice is two copies (fr `la la maison`)."""
    word = m.group(1)
    if not english or word not in english or not word.islower():
        return False
    if _copies_after(text, m) is not None:
        return True
    at = m.start() - len(word) - 1  # the copy before the pair, if any
    return at >= 0 and text[at:m.start()] == word + " " and not text[at - 1:at].isalnum()


@lru_cache(maxsize=1)
def _packless() -> dict[str, dict[str, Any]]:
    data: dict[str, dict[str, Any]] = rule_data(_PACKLESS)
    return data


def _grammar_repeat(text: str, m: re.Match[str], where: _Where | None) -> bool:
    """Whether a pair of a word the language's pack lists as a legitimate repeat is one here: anywhere, or
    where the pack's `repeats-where` says (a Greek weak pronoun as a possessive then an object, a Polish `to`
    as the particle then the pronoun, the French causative `faire` before the infinitive)."""
    if where is None:
        return True
    start = max(0, m.start() - _RUN_WINDOW)
    if where.again is not None and (where.again.match(text, m.end()) is not None or (
            where.once_before is not None and where.once_before.search(text, start, m.start()) is not None)):
        return False  # two copies of a run of three or more (`faire faire faire`)
    if where.not_before is not None and where.not_before.match(text, m.end()) is not None and (
            where.unless_after is None or where.unless_after.search(text, start, m.start()) is None):
        return False  # `doit faire faire partie`: the locution's verb typed twice
    if where.not_right_after or where.after_a_word_but is not None:
        before = _WORD_BEFORE.search(text[max(0, m.start() - 40):m.start()])
        if (before is not None and before.group(1).lower() in where.not_right_after
                and text[:m.start()].rstrip()[-1:].isalpha()):
            return False  # pl `o to to`: after a preposition, the pronoun typed twice
        if where.after_a_word_but is not None and (before is None or before.group(1).lower() in where.after_a_word_but):
            return False  # el `Θα σας σας`: no noun before a possessive
    if where.before_a_word_not_ending is not None:
        after = _WORD_AFTER.match(text, m.end())
        if after is None or after.group(1).lower().endswith(where.before_a_word_not_ending):
            return False  # el `του του αρχείου`: the genitive article typed twice
    if where.before is not None or where.after_a_clause is not None:
        return ((where.before is not None and where.before.match(text, m.end()) is not None)
                or (where.after_a_clause is not None and where.after_a_clause.search(text, 0, m.start()) is not None))
    return True


# The word after a repeat, one space away, to tell a name said twice from a word said three times.
_SAME_WORD_AGAIN = compiled_on_use(r" ([^\W\d_]+)\b")


def _source_repeats(source: str) -> tuple[Counter[tuple[str, str]], set[str]]:
    """Where the source doubles a word itself (C's `long long`), what stands either side of each repeat, and the
    words it doubles. Its translation may double the word it translates that to (`довгий довгий`), as often, not
    a word the source writes, and in the same place: between the same marks (`[long long]` as `[довгий
    довгий]`, at the end after a word as `signed long long` as `підписаний довгий довгий`), not beside others
    (`[довгий] та та int`, or a word doubled outside the code span that doubles the source's, ``` ``long long``
    для для```). The source's own doubled word may also be kept as it is, in another case (a sound's name,
    `Ping Ping` as `Ping ping`), and a source word doubled with a hyphen (`Beep-Beep`) is the source's repeat
    too (`Pip pip`, or kept, `Beep beep`)."""
    repeats = [r for pattern in (_REPEAT, _HYPHENED_REPEAT) for r in pattern.finditer(source)] if source else []
    echoed = Counter(_beside(source, r) for r in repeats if len(r.group(1)) > 1)
    return echoed, ({r.group(1).lower() for r in repeats} if echoed else set())


def _beside(text: str, m: re.Match[str]) -> tuple[str, str]:
    """What stands either side of the repeat ``m`` in ``text``, past white space: the mark there, `w` for a
    word's letter or digit, or nothing at the text's ends (`[long long]`: `[` and `]`)."""
    before, after = text[:m.start()].rstrip()[-1:], text[m.end():].lstrip()[:1]
    return ("w" if before.isalnum() else before), ("w" if after.isalnum() else after)

def _copies_after(text: str, m: re.Match[str]) -> tuple[int, int] | None:
    """The span of the copies of a doubled word that follow the pair ``m`` (`Lang Lang Lang`, `Yin Yin Yin
    Yin`: from the third to the last), or None where the word comes twice only. Prose only: copies one
    space apart, not a table's aligned columns (`False  False  False`) nor values inside brackets
    (`barray([True False False False])`)."""
    third = _SAME_WORD_AGAIN.match(text, m.end(3))
    if m.group(2) != " " or third is None or third.group(1) != m.group(3):
        return None
    end = third.end(1)
    while (more := _SAME_WORD_AGAIN.match(text, end)) is not None and more.group(1) == m.group(3):
        end = more.end(1)
    line = text[text.rfind("\n", 0, m.start()) + 1:m.start()]
    opened = line.count("[") + line.count("(") + line.count("{") - line.count("]") - line.count(")") - line.count("}")
    return (third.start(1), end) if opened <= 0 else None

# The word after a run of copies, if one follows after white space.
_WORD_AFTER_COPIES = compiled_on_use(r"\s+(\w)")


def _loop_after(text: str, m: re.Match[str], doc: Document | None) -> tuple[int, int] | None:
    """``_copies_after``, unless the copies are a title's words after its work's noun (``_in_title_after_work_noun``:
    `el sencillo Can I Get Get Get`): three copies, not four (`la canción Fun Fun Fun Fun` is a loop), that end
    the title's capitals (`el libro El Gran Gran Gran Libro`, `la revista Más Más Más Noticias`: a loop inside a
    title-cased anchor)."""
    third = _copies_after(text, m)
    if (third is not None and doc is not None and text[third[0]:third[1]] == m.group(3)
            and ((after := _WORD_AFTER_COPIES.match(text, third[1])) is None or not after.group(1).isupper())
            and _in_title_after_work_noun(text, m.start(), doc.language)):
        return None
    return third


# The words before a run of copies, back to a sentence's mark: a word of letters each, one space apart.
_WORDS_BEFORE_RUN = compiled_on_use(r"(?:[^\W\d_][\w'’-]* +){1,8}$")


def _in_title_after_work_noun(text: str, at: int, language: str) -> bool:
    """Whether the copies at ``at`` are words of a title cited after the noun that names its work (the pack's
    `work-nouns`, as T101 reads them), in a language that writes titles in sentence case: the noun, then only
    capitalized words up to the copies (`con el sencillo Can I Get Get Get`, a song's English title; `la canción
    Fun Fun Fun`). A phrase loop repeats words where no work's noun stands right before their capitals (`con Lang
    Lang Lang y otros maestros`, `el sencillo de Get Get Get`)."""
    nouns = (pack(language) or {}).get("work-nouns")
    if not nouns:
        return False
    run = _WORDS_BEFORE_RUN.search(text, max(0, at - 120), at)
    if run is None:
        return False
    words = run.group().split()
    while words and words[-1][0].isupper():
        words.pop()
    if not words:
        return False  # no word before the capitals
    return names_a_work(words[-1].lower(), nouns)


# One metavariable twice in a row in a source (`git merge-base <commit> <commit>...`, `<path> <path>`).
_DOUBLED_METAVARIABLE = compiled_on_use(r"<([^<>\s]+)>\s+<\1>")

# Two capitalized words inside a sentence right before the repeat (`Amazon Web Services services`): the
# first of the pair ends a name and the second is the noun it qualifies, not a word typed twice (one
# capital before is a slip's as often: `We met Anna The the next day`, `the Getting Started started`).
_NAME_BEFORE = compiled_on_use(r"[\w,;:)] +[A-Z][\w-]* +[A-Z][\w-]* +$")

# `is is` is English where the first `is` ends a clause, opened by a wh-word or `all`, that is the subject
# of the second (`What it is is a loop`, `Where it is is unknown`); after any other subject it is a slip
# (`it is is difficult`, `This is is the first`); `all` not in `first of all`.
_PSEUDO_CLEFT = compiled_on_use(r"(?i)(?:\b(?:what|whatever|where|who|whoever|how|why|when)|(?<!\bof\s)\ball)\s+"
                                r"(?:[\w'’-]+\s+){0,3}is\s+is$")
# A participle after `is is` reads the first `is` as the slip: `When the server is is restarted`, `where
# the file is is stored` (`Where a country is is a sort of average` is the cleft).
_PARTICIPLE_NEXT = compiled_on_use(r"\s+[a-z]+ed\b")


# The sentence (or clause after a semicolon or colon) before a pair: no comma in it.
_CLAUSE_HEAD = compiled_on_use(r"(?:^|[.!?;:]\s+)([^.!?;:,]*)$")


@dataclass(frozen=True)
class _ClauseWords:
    """A language pack's words that tell where a subordinate clause opening the sentence ends on its finite
    verb and the main clause starts with its own (nl `Omdat ze verschenen zijn zijn ze…`): see _across_clauses."""

    openers: frozenset[str] = frozenset()  # verb-final-openers
    subjects: frozenset[str] = frozenset()  # verb-second-subjects
    openers_too: frozenset[str] = frozenset()  # preposition-openers
    determiners: frozenset[str] = frozenset()  # noun-determiners
    prepositions: frozenset[str] = frozenset()


_NO_CLAUSE_WORDS = _ClauseWords()


@lru_cache(maxsize=64)
def _clause_words(tag: str) -> _ClauseWords:
    """The clause words of the pack for ``tag`` (read once per tag, as ``pack`` is)."""
    data = pack(tag) or {}
    return _ClauseWords(*(frozenset(data.get(key) or ()) for key in (
        "verb-final-openers", "verb-second-subjects", "preposition-openers", "noun-determiners", "prepositions")))


def _across_clauses(text: str, m: re.Match[str], clause: _ClauseWords) -> bool:
    """English `What it is is a loop`: a clause ending in `is` is the subject of the second (not with a
    participle after it, `When the server is is restarted`). In a language whose pack names them, the pair
    stands where a subordinate clause that opens its sentence ends on its finite verb and the
    main clause starts with its own, the subject after it (verb second): the sentence opens with one of
    the language's subordinating conjunctions (``clause.openers``), two words or more stand between it and the
    pair, no comma (the boundary a writer may mark) or end mark between, and one of ``subjects`` (a
    pronoun, an article) follows the second copy. A word typed twice inside the clause is flagged:
    `Omdat ze nooit zijn zijn verschenen` (a participle after the pair). An opener that is a preposition
    too (``openers_too``: nl `als`, `sinds`) opens a clause only with one of ``subjects`` right after it
    (`Als hij het gelezen heeft heeft hij`): after a noun or a number it opens a phrase, and the main
    clause's verb typed twice after it is a slip (`Als voorzitter van de raad heeft heeft de minister`,
    `Sinds vorig jaar werkt werkt hij`). After one of ``determiners`` (an article, a possessive that is
    no pronoun) the pair is a noun typed twice, no verb: `Omdat hij zijn vriend vriend een boek gaf`; and
    a pair of ``prepositions`` is no verb itself: `Omdat hij gisteren met met de trein ging`."""
    if m.group(1).lower() == "is" and _PSEUDO_CLEFT.search(text, max(0, m.start() - 60), m.end()):
        return not _PARTICIPLE_NEXT.match(text, m.end())
    if not clause.openers or m.group(1) != m.group(3):
        return False
    head = _CLAUSE_HEAD.search(text, 0, m.start())
    words = head.group(1).split() if head else []
    after = _WORD_AFTER.match(text, m.end())
    if len(words) >= 3 and words[0].lower() in clause.openers_too and words[1].lower() not in clause.subjects:
        return False  # `Als voorzitter van…`, `Sinds 2010`: a phrase, no clause
    if m.group(1).lower() in clause.prepositions or (words and words[-1].lower() in clause.determiners):
        return False  # `zijn vriend vriend een`: a noun; `met met de`: a preposition
    return (len(words) >= 3 and words[0].lower() in clause.openers and after is not None
            and after.group(1).lower() in clause.subjects and text[m.end():after.start(1)].isspace())


def _part_of_a_longer_token(text: str, m: re.Match[str]) -> bool:
    """Whether the pair ``m`` is the edge of a compound or code: "the the-word", "warnings\\nwarnings.warn(",
    "module:name" after it; "read-only only", "<object object at", "quelqu'un un", strftime's "%a a las"
    before it; a Catalan word's `l·l`, the geminate l written with a middle dot (Institut d'Estudis Catalans,
    Ortografia catalana, «la ela geminada»), "Cancel·la la baixada", cancel the download."""
    after = text[m.end() : m.end() + 2]
    if after[:1] in ("-", "’", "'", "(", "/", "[", "<", "=") or _CODE_AFTER.match(after):
        return True
    return m.start() > 0 and (text[m.start() - 1] in "-/.<:_@#$=%" or (
        text[m.start() - 1] in "'’" and text[m.start() - 2: m.start() - 1].isalpha()) or (
        text[m.start() - 2: m.start()].lower() == "l·" and m.group(1)[:1] in "lL"))


def _marked(doc: Document, seg: Segment, at: int) -> bool:
    """Whether the word at segment offset ``at`` is set in emphasis or code in the file (`*signal*`,
    ``` ``test`` ```): markup the segment's text does not show."""
    start = seg.to_source(at)
    return start > 0 and doc.text[start - 1] in "*`_" and not seg.is_contiguous(max(at - 1, 0), at + 1)


# Marks that may touch a word `_REPEAT` finds (`(the the,`): read as spaces before splitting. ASCII's
# are string.punctuation less `_`, written out (the string module's import compiles a regex).
_MARKS = "!\"#$%&'()*+,-./:;<=>?@[\\]^`{|}~" + "“”‘’…«»„‚‹›—–¿¡·•"


def _segments_with_repeats(text: str, data: bytes | None = None, skip: frozenset[str] = frozenset()) -> list[int]:
    """Indexes of the parts of ``text`` (lint.words.joined: SEPARATOR between them) in which a word follows itself, marks around it
    ignored (`(the the,`), and is not one of ``skip`` (the language's repeats allowed anywhere, lower case): the
    repeats `_REPEAT` can find and the rule keeps are in them. Compares in C; Python runs only
    for the pairs found, not per word. ``data``: the text as ``lint.words.encoded_text`` has it, where
    the document has it already (one byte per character, placeholders as \\x02: no letter, mark nor
    space, as \\x01 is in ``_lowered``)."""
    if data is None:
        data = encoded_text(text)
    if data is not None and _SPACED_1252 is not None:
        return _parts_with_pairs(data.translate(_SPACED_1252), _LETTER_PAIR, "cp1252", skip)
    lowered, encoding = _lowered(text)
    return _parts_with_pairs(lowered, _TOKEN_PAIR, encoding, skip)


def _parts_with_pairs(lowered: bytes, pair: re.Pattern[str], encoding: str, skip: frozenset[str]) -> list[int]:
    """``_segments_with_repeats`` of ``lowered`` (its words lowered, a space between them, in ``encoding``):
    the words, equal and next to each other, found by a regex (``pair``: ``_TOKEN_PAIR``, or in
    Windows-1252, where a byte is a character, ``_LETTER_PAIR``, any word: the isalpha test below passes
    over a pair not all letters), in place of a split that made an object of every word (some 2M on the PEPs): the
    regex stops at each space in C. Three equal words in a row are one match, in one part, as the
    split's two pairs were. The bytes are read as Latin-1, a copy, not searched as bytes: a str pattern's
    compiled form is kept between runs (``lint.patterns``), a bytes pattern is compiled by every run."""
    spaced = " " + lowered.decode("latin-1")  # (a space before the first word too)
    parts: list[int] = []
    part, counted = 0, 0
    for m in pair.finditer(spaced):
        word = m.group(1).encode("latin-1").decode(encoding, "surrogatepass")  # (only the few pairs found)
        if (len(word) < 2 and word != "a") or not word.isalpha() or word in skip:
            continue
        part += spaced.count(SEPARATOR, counted, m.start())
        counted = m.start()
        if not parts or parts[-1] != part:
            parts.append(part)
    return parts


# The words are compared as UTF-8 bytes (equal bytes, equal words): str.lower(), a replace per mark and
# str.split() come down to one bytes.translate (the ASCII marks, and the information separators
# \x1c-\x1f that str.split() breaks at and bytes.split() does not, read as spaces; A-Z lowered) and one
# regex search, each a pass in C. The marks and spaces outside ASCII are replaced first, where the text
# holds them.
_ASCII_MARKS = "".join(c for c in _MARKS if c.isascii()) + "\x1c\x1d\x1e\x1f"
_TABLE = bytes.maketrans(_ASCII_MARKS.encode("ascii") + b"ABCDEFGHIJKLMNOPQRSTUVWXYZ",
                         b" " * len(_ASCII_MARKS) + b"abcdefghijklmnopqrstuvwxyz")
# What str.split() reads as a space outside ASCII (tests/test_rules_translation.py checks the list).
UNICODE_SPACES = "\x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
_BREAKS = frozenset(c for c in _MARKS + UNICODE_SPACES if not c.isascii())
# ``_TABLE`` with the ASCII white space bytes.split() breaks at as a space: the one character between words
# that ``_TOKEN_PAIR`` and ``_LETTER_PAIR`` read.
_WHITE_AS_SPACE = bytes.maketrans(b"\t\n\r\x0b\x0c", b"     ")
_SPACED = _TABLE.translate(_WHITE_AS_SPACE)
# A word (all up to the next space) then itself: possessive, a word is all of its characters. Only of
# letters, as the rule keeps no other pair: in UTF-8 an ASCII letter, or a byte of a letter outside ASCII
# (0x80 and up); a token with a digit or a mark in it (`1 1`, `x1 x1`, the cells of a table) is passed
# over in C, where each pair found costs a step in Python.
_TOKEN_PAIR = compiled_on_use(r" ([^\x00-\x40\x5b-\x60\x7b-\x7f]++) ++\1(?![^ ])")


def _lowered(text: str) -> tuple[bytes, str]:
    """The text ``_segments_with_repeats`` compares the words of, where ``lint.words.encoded_text`` gives
    none: lowered, its spaces and marks made spaces (``_SPACED``), in UTF-8, and the encoding it is in. A
    text in ASCII but for masked URLs and code (``lint.formats.builder.PLACEHOLDER``) is read with them as
    \\x01 (no letter, mark nor space: the words holding one stay words of no letters), without the
    str.lower() pass the table does for ASCII."""
    if not text.isascii():
        swapped = text.replace(PLACEHOLDER, "\x01")
        if not swapped.isascii():
            low = text.lower()
            for c in _BREAKS.intersection(non_ascii(low)):
                low = low.replace(c, " ")
            return low.encode("utf-8", "surrogatepass").translate(_SPACED), "utf-8"
        text = swapped
    return text.encode("ascii").translate(_SPACED), "ascii"


def _table_1252() -> bytes | None:
    """``_TABLE`` for text encoded in Windows-1252: each byte to the byte of its character lowered, or to
    a space where the character is a mark (``_MARKS``), a break (``_BREAKS``) or an information separator.
    None where a character's lowercase is not one character of the repertoire (then str.lower() is asked)."""
    # Each character's byte from the 256 bytes' characters: a character's lowercase is encoded by a look-up,
    # not by the codec (some 250 calls through it at every start-up).
    chars = CP1252_CHARACTERS
    byte_of = {ch: b for b, ch in enumerate(chars) if ch != "\ufffd"}  # (U+FFFD: a byte no character encodes to)
    out = bytearray(range(256))
    for b, ch in enumerate(chars):
        if ch == "\ufffd":
            continue  # (never in the text)
        if ch in _MARKS or ch in _BREAKS or ch in "\x1c\x1d\x1e\x1f":
            out[b] = 0x20
            continue
        low = byte_of.get(ch.lower())  # (None: a lowercase of two characters, or outside the repertoire)
        if low is None:
            return None
        out[b] = low
    return bytes(out)


_TABLE_1252 = _table_1252()
# ``_TABLE_1252`` with the ASCII white space as a space (as ``_SPACED``).
_SPACED_1252 = None if _TABLE_1252 is None else _TABLE_1252.translate(_WHITE_AS_SPACE)
# In Windows-1252 a word is all up to the next space, then itself: the engine reads a word's bytes against a
# space alone (a tight loop), where a class of the repertoire's letters was a look-up per byte (some 60M
# instructions on ../shared/corpus). A pair of words that are not all letters (`1 1`, a table's `-- --`) is
# then passed over by ``_parts_with_pairs``'s isalpha test, the few there are: the same pairs kept (a match
# of such a pair holds no space before a word of letters, where one of letters alone could start).
_LETTER_PAIR = compiled_on_use(r" ([^ ]++) ++\1(?![^ ])")

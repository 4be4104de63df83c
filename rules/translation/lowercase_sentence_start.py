"""T108 lowercase-sentence-start: a sentence that starts with a lower-case letter after a full stop."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from functools import lru_cache
from itertools import repeat

from lint.formats.bilingual import translations_write_whole
from lint.language import abbreviations, pack, primary, writes_ordinal_full_stop
from lint.model import Applicability, Document, Finding, Segment, Severity
from lint.patterns import compiled_on_use
from lint.rule import Example, Rule
from lint.scan import matches_at

from ._code_names import code_names

# A word of letters, a full stop, one or two spaces, a lower-case word that is a word (not code).
# The word before may end in digits' suffix (`the 27th. there`), not be a bare number (`2. the` is a
# list item) nor a format directive (`%zu. kopia`: an ordinal in Polish, `%d.` in German).
_START = compiled_on_use(r"(?<![\w.@/:'’%])(\d*[^\W\d_]{2,})\. {1,2}([^\W\d_A-Z]+)(?![\w(.\[_/:@-])")
# The full stops _START may match at. _START opens with a lookbehind, which the regex engine tries at
# every character of the paragraph; this opens with the stop, a literal it skips to.
_STOP = compiled_on_use(r"\.(?= {1,2}[^\W\d_A-Z])")


def _starts(text: str) -> Iterator[re.Match[str]]:
    """``_START.finditer(text)``, asked only where a match can begin: at the start of the run of word
    characters before a stop (the lookbehind allows none before it, the first group runs up to the
    stop)."""
    return matches_at(_START, text, map(_word_start_before, _STOP.finditer(text), repeat(text)))


def _word_start_before(stop: re.Match[str], text: str) -> int:
    at = stop.start()
    while at > 0 and (text[at - 1].isalnum() or text[at - 1] == "_"):  # the regex engine's \w
        at -= 1
    return at


# Words a full stop follows without ending a sentence: abbreviations English writes in lower case or
# with one capital (`approx. five`, `et al. found`, `Inc. and`).
_ABBREVIATIONS = frozenset("""
etc approx vs al cf viz eg ie ibid incl esp misc resp ca min max sec eq ref dept govt est fig figs vol vols no nos
pp ch chap para art ed eds op cit jr sr st dr mr mrs ms messrs mme mlle prof gen gov sen rep inc ltd co corp bros mt ft
jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun approx dia
mm cm km kg mg ml oz lb lbs hr hrs yr yrs mins secs msec ms sq tel ext av ave blvd rd hwy univ assn natl intl dist
""".split())


# Names their owners write in lower case wherever they stand, a sentence's start too (npm's own docs: `npm
# is the world's largest software registry`; vite.dev's release posts: `…five months ago. npm downloads per
# week have gone from 1 million to 2.5 million`), where a document may write them once, in running prose.
_LOWER_CASE_NAMES = frozenset({"npm", "pnpm", "npx", "webpack", "esbuild"})


# English's closed classes (articles, pronouns, conjunctions, prepositions): a sentence that starts
# with one of them in lower case is no name kept in lower case.
_FUNCTION_WORDS = frozenset("""
the a an it its he she they we you i his her their our my your this that these those there then but and
or so in on at for with as if when while after before no not what which who how why where some many most
all one both each every such also however meanwhile according from to by about since during until
""".split())


# `\b[A-Z][a-z]+\b` with the capital first, a class the regex engine skips to (a leading boundary is
# tried at every character).
_CAPITALIZED = compiled_on_use(r"[A-Z](?<!\w[A-Z])[a-z]+\b")


@lru_cache(maxsize=2)
def _capitalized(text: str) -> frozenset[str]:
    """The capitalized words of a document, read once per document (not once per candidate)."""
    return frozenset(_CAPITALIZED.findall(text))


@lru_cache(maxsize=2)
def _lower_starts(text: str) -> Counter[str]:
    """How many sentences start with each word in lower case after a full stop, read once per document."""
    return Counter(re.findall(r"\. {1,2}([a-z]+)\b", text))


# Scripts without case (Japanese, Chinese, Korean) start a sentence with a Latin identifier as written
# (`readonly 객체의 속성은…`): a lower-case start says nothing there.
_CASELESS = frozenset({"ja", "zh", "ko"})


class LowercaseSentenceStart(Rule):
    code = "T108"
    slug = "lowercase-sentence-start"
    summary = "A sentence that starts in lower case after a full stop"
    rationale = """
**What it does.** Flags a lower-case word right after a full stop that ends a word of letters
(`…in the new era. the sense of responsibility…`).

**Why is this bad?** MT systems that translate a paragraph sentence by sentence, or that split one
source sentence in two, leave the second half in lower case; scrapers that join a caption to the
text leave the same mark. Readers take the full stop for a typo or the sentence for a fragment.

Not flagged: a full stop after an abbreviation (`approx. five`, `et al. found`, `Inc. and`; the document's
language pack lists its own: fr `p. ex. le`, es `p. ej. el`, de `bzw. die`, `v. Chr. die`), after a day of
the week abbreviated that a range's word joins to a second one (the pack's `weekday-abbreviations` and
`weekday-range-words`: pt `Ter. a sex.: 10h às 21h30`, though `ter.` alone may be the verb: `ter. a casa` is
flagged), after a Roman
numeral in a language that marks ordinals with a full stop (de `Papst Paul VI. die`, cs `Karel IV. byl`; not
after a noun the numeral labels as a cardinal, which the pack lists: `Kapitel XII. danach`), after an
initialism with inner dots (`e.g. the`, `U.S. officials`), an ellipsis, and a lower-case word that is
code (`see foo. bar()`), a path or a name with inner marks, a word the document writes as code
elsewhere (in backquotes, with an underscore, a call or an attribute), a name its owners write in lower
case everywhere (`npm`, `pnpm`, `npx`, `webpack`, `esbuild`), a translator's abbreviation in a short
translated string whose source is one clause or none (ca `Pet. pujada` for `Up Reqs`: a word of four
letters or fewer that no translation of the catalogue writes whole, a string of eight words or fewer;
not `Fet. desa els canvis` for `Done, save the changes`), a word the document starts two
sentences or more with in lower case (`git`, `scp`, `frozendict`: names their authors keep in lower
case), and a word other than a function word that the document never writes with a capital, unless a
sentence of prose stands on both sides (four words or more before the stop, two after the word).
"""
    severity = Severity.WARNING
    fix = Applicability.UNSAFE
    fix_note = "Capitalizes the letter; unsafe because the full stop may belong to an abbreviation."
    trigger = r"\. {1,2}[^\W\d_A-Z]"  # the literal first: the scan skips to each full stop
    flag = (
        Example("The country entered the new era. the sense of responsibility grew.",
                "The country entered the new era. The sense of responsibility grew."),
        Example("Vite 3 was released five months ago. downloads per week have gone from 1 million to 2.5 million.\n",
                "Vite 3 was released five months ago. Downloads per week have gone from 1 million to 2.5 million.\n"),
        Example("Analysts were surprised. Prices rose sharply in March. analysts expect more.",
                "Analysts were surprised. Prices rose sharply in March. Analysts expect more.",
                note="the document writes the word with a capital elsewhere"),
        Example("The plane landed safely. no one was hurt.", "The plane landed safely. No one was hurt."),
        Example("He left the room. then he came back.", "He left the room. Then he came back."),
        Example("The talks ended in Geneva. the delegates flew home.", "The talks ended in Geneva. The delegates flew home."),
        Example("A casa é grande. É preciso ter. a casa está vazia.\n", "A casa é grande. É preciso ter. A casa está vazia.\n",
                language="pt", note="`ter`, the verb, ends the sentence: no second day of the week after `a`"),
        Example("We met the minister.  she said little.", "We met the minister.  She said little."),
        Example("The vote was delayed. it will take place on Friday.", "The vote was delayed. It will take place on Friday."),
        Example("Sales fell at NATO. this was expected.", "Sales fell at NATO. This was expected."),
        Example("Yesterday we met Mr.\u00a0Smith. he said that everything was fine.",
                "Yesterday we met Mr.\u00a0Smith. He said that everything was fine.",
                note="a no-break space after `Mr.` binds a name, not an abbreviation's parts"),
        Example("Vi kom sent in. vi åt middag tillsammans hela kvällen. Vi sov.\n",
                "Vi kom sent in. Vi åt middag tillsammans hela kvällen. Vi sov.\n", language="sv",
                note="a two-letter particle ends a Swedish sentence"),
        Example("La partie précédant le *:* s'il y en a un. sinon une chaîne vide. Sinon rien.\n",
                "La partie précédant le *:* s'il y en a un. Sinon une chaîne vide. Sinon rien.\n", language="fr",
                note="a two-letter word that ends a French sentence: the pack knows French abbreviations"),
        Example("He threw a fork-ball. with that, the inning ended.", "He threw a fork-ball. With that, the inning ended."),
        Example("Die Lösung steht im Anhang zu Kapitel XII. danach folgen die Übungen. Danach ist Schluss.\n",
                "Die Lösung steht im Anhang zu Kapitel XII. Danach folgen die Übungen. Danach ist Schluss.\n",
                language="de", note="a numeral that labels a chapter is a cardinal: its full stop ends the sentence"),
        Example("The city was rebuilt after World War II. the old market never came back.",
                "The city was rebuilt after World War II. The old market never came back.",
                note="English writes no ordinal with a full stop: a Roman numeral ends the sentence"),
        Example("Children decorated the clear plastic canopies. food trucks will be set up nearby.",
                "Children decorated the clear plastic canopies. Food trucks will be set up nearby.",
                note="a sentence of prose on both sides, though the document never capitalizes the word"),
        Example("The event began in 1996 as a summertime promotion. originally it ran for a day.",
                "The event began in 1996 as a summertime promotion. Originally it ran for a day."),
        Example("The summer weather shows no signs of letting up. besides her dress, the bracelet drew looks.",
                "The summer weather shows no signs of letting up. Besides her dress, the bracelet drew looks.",
                note="a two-letter word that ends sentences before the stop"),
        Example("The fire in the building had been promptly extinguished. earlier, MK in Volgograd reported it.",
                "The fire in the building had been promptly extinguished. Earlier, MK in Volgograd reported it.",
                note="an acronym after the word"),
        Example("Można tu dodać drogi, budynki i rzeki. drogi są rysowane jako linie. Drogi mają nazwy.\n",
                "Można tu dodać drogi, budynki i rzeki. Drogi są rysowane jako linie. Drogi mają nazwy.\n",
                language="pl", note="a sentence's end in Polish; `np. drogi` is allowed"),
        Example('msgid "Retry"\nmsgstr "Torneu a provar"\n\nmsgid "Correct the errors. Try again."\n'
                'msgstr "Corregiu els errors. torneu a provar."\n',
                'msgid "Retry"\nmsgstr "Torneu a provar"\n\nmsgid "Correct the errors. Try again."\n'
                'msgstr "Corregiu els errors. Torneu a provar."\n', path="ca.po",
                note="the source's two sentences, the second's start left in lower case"),
        Example('msgid "Save"\nmsgstr "Desa"\n\nmsgid "Done, save the changes"\nmsgstr "Fet. desa els canvis"\n',
                'msgid "Save"\nmsgstr "Desa"\n\nmsgid "Done, save the changes"\nmsgstr "Fet. Desa els canvis"\n',
                path="ca.po", note="a short word ends the source's first clause as a sentence: no abbreviation"),
        Example('msgid "Done"\nmsgstr "Fet"\n\nmsgid "Save"\nmsgstr "Desa"\n\nmsgid "Done and save the changes"\n'
                'msgstr "Fet. desa els canvis"\n',
                'msgid "Done"\nmsgstr "Fet"\n\nmsgid "Save"\nmsgstr "Desa"\n\nmsgid "Done and save the changes"\n'
                'msgstr "Fet. Desa els canvis"\n',
                path="ca.po", note="the catalogue writes `Fet` whole: a word, no abbreviation"),
        Example("Dyukov spoke after the Zenit-Khimki (1:0) Russian Cup final. currently 16 clubs are in the league.",
                "Dyukov spoke after the Zenit-Khimki (1:0) Russian Cup final. Currently 16 clubs are in the league.",
                note="a score's colon ends no clause"),
    )
    allow = (
        Example("Vite 3 was released five months ago. npm downloads per week have gone from 1 million to 2.5 million "
                "since then.\n", note="a name its owners write in lower case (vite.dev's release posts)"),
        Example("Il existe plusieurs formats, p. ex. le format PDF ou le format EPUB.\n", language="fr",
                note="an abbreviation from the language's pack"),
        Example("Hay varios formatos, p. ej. el formato PDF o el formato EPUB.\n", language="es"),
        Example("Die Datei wird gelesen bzw. die Sitzung wird beendet.\n", language="de"),
        Example("A exposição fica no museu até março.\n\nTer. a sex.: 10h às 21h30; sáb.: 10h às 20h30.\n", language="pt",
                note="Porttinari (Folha): two days of the week joined into a range"),
        Example("Um 512 v. Chr. die Herrschaft zu brechen, gelang nicht. Die Stadt fiel erst später.\n", language="de",
                note="`v. Chr.` (vor Christus), an abbreviation the German pack lists"),
        Example("Il définit la variable globale côté client. Ça permet au code client de démarrer. À terme, "
                "tout change.\n", language="fr"),
        Example("전달된 값이 readonly 객체인지 확인합니다. readonly 객체의 속성은 변경될 수 있습니다.\n", language="ko"),
        Example("Le transport se ferme de lui-même. À l'inverse, il reste ouvert. Également disponible ici.\n",
                language="fr", note="an accented capital starts the sentence"),
        Example("Parametrelerin, body'nin vb. type'larını fonksiyon parametreleri olarak tanımlarsınız. Type "
                "bilgisi önemlidir.\n", language="tr", note="a two-letter abbreviation (`vb.`, etc.)"),
        Example("Isključivanje ove opcije može riješiti neke probleme, npr. nedostatak zvuka na kanalima.\n",
                language="hr", note="a language's own `e.g.`"),
        Example("Tämän asetuksen käyttöön ottaminen voi ratkaista joitain ongelmia, esim. suoratoiston pysähtymisen. "
                "Suoratoiston laatu paranee.\n",
                language="fi"),
        Example("Maks. antal af baggrunde pr. element. Antal og Element vises her.\n", language="da"),
        Example("Im August 1969 schaffte Papst Paul VI. die Todesstrafe ab. Die Kirche folgte ihm darin.\n",
                language="de", note="German marks an ordinal with a full stop, a Roman numeral's too"),
        Example("Seit der Zeit von Thutmosis III. fast hundert Jahre zuvor war niemand dort.\n", language="de"),
        Example("Można tu dodać np. drogi, budynki i rzeki. Drogi są rysowane jako linie.\n", language="pl",
                note="`np.` (na przykład), from the Polish pack (openstreetmap-website's pl.yml)"),
        Example("Koszt transportu aż w 40 proc. zależy od ceny paliwa. Zależy też od pory roku.\n", language="pl",
                note="`proc.` (procent) after a number, from the Polish pack (UD Polish-PDB)"),
        Example("Het schandaal, de zgn. vleescrisis, kostte veel. Vleescrisis werd het woord van het jaar.\n",
                language="nl", note="`zgn.` (zogenaamd), from the Dutch pack (UD Dutch-LassySmall)"),
        Example("Můžete přidat např. silnice, budovy a řeky. Silnice se kreslí jako čáry.\n", language="cs",
                note="`např.` (například), a language without a pack"),
        Example("Klickt wgl. op de Link an der E-Mail. Op där Säit kënnt Dir Äert Passwuert änneren.\n", language="lb",
                note="`wgl.` (wann ech gelift: please)"),
        Example("Daftar dapat diubah, mis. dimungkinkan untuk mengubah isinya. Dimungkinkan juga menghapusnya.\n",
                language="id", note="python-docs-id: `mis.` (misalnya, for example), PUEBI's abbreviation"),
        Example("Král Karel IV. byl korunován v Římě. Byl to velký panovník své doby.\n", language="cs",
                note="a language without a pack that writes ordinals so"),
        Example('msgid ""\nmsgstr ""\n"Language: pl\\n"\n\n#, c-format\nmsgid "%zu. copy of %s"\n'
                'msgstr "%zu. kopia pliku %s"\n\nmsgid "Copy"\nmsgstr "Kopia"\n', path="pl.po", note="an ordinal after a directive"),
        Example('msgid "Upload"\nmsgstr "Pujada"\n\nmsgid "Up Reqs"\nmsgstr "Pet. pujada"\n', path="ca.po",
                note="a translator's abbreviation in a column head (transmission's ca.po: `Pet.` for `Peticions`)"),
        Example('msgid "Here"\nmsgstr "Die"\n\nmsgid "Please correct the errors and try again."\n'
                'msgstr "Herstel asb. die foute en probeer weer."\n', path="af.po",
                note="transmission's af.po: `asb.` (asseblief, please) in a one-sentence source's translation"),
        Example("Process'leri bir araçla (ör. bir web dashboard üzerinden) yönetebilirsiniz. Bir araç yeterlidir.\n",
                language="tr", note="an abbreviation opens the bracket"),
        Example("Install a runner (cf. the list above) before you start. The list is short."),
        Example("Use a tool, e.g. the one above."),
        Example("The team grew to approx. five hundred people."),
        Example("Smith et al. found the same effect."),
        Example("The letters hint that Mlle. du Motel had confided in him. Du Motel never wrote back.",
                note="an honorific before a name's particle"),
        Example("Acme Inc. and its partners signed."),
        Example("U.S. officials said so."),
        Example("Wait... then it started."),
        Example("Call foo. bar() returns nothing.", note="code"),
        Example("The meeting is at 5 p.m. today.", note="an abbreviation with inner dots"),
        Example("Los cambios podrían ayudar a EE.\u00a0UU. a intensificar sus iniciativas.", language="es",
                note="an abbreviation whose parts a no-break space binds"),
        Example("See vol. two of the report."),
        Example("It takes about 16 Msec. to traverse 25 mm. of tissue.", note="units"),
        Example("The plane landed safely. No one was hurt."),
        Example("Check the config.yaml file."),
        Example("Commit your work first. git keeps every version. Then push it.", note="never capitalized here"),
        Example("Git is a tool. Commit your work. git keeps every version. It is fast. git is free.",
                note="the author starts sentences with it in lower case twice: a name"),
        Example("The module must remain Python 2.1 compatible.  email package version 3 will be distributed.",
                note="a name kept in lower case, then what it names"),
        Example("Dates are hashed by their fields. ``timedelta`` is new. timedelta objects are hashed too.",
                path="a.rst", note="the document writes the word as code: a name"),
    )

    def check_segment(self, seg: Segment, doc: Document) -> Iterator[Finding]:
        if primary(doc.language) in _CASELESS:
            return
        text = seg.text
        own = abbreviations(doc.language)
        for m in _starts(text):
            word = m.group(2)
            if not word[0].islower():
                continue  # a capital outside ASCII (`Ça`, `À`, `Éviter`): the pattern excludes only A-Z
            if m.group(1).lower() in _ABBREVIATIONS or m.group(1).lower() in own:
                continue  # English's abbreviations, and the document's language's
            if _abbreviation_shaped(text, m, doc.language):
                continue
            if _weekday_range(text, m, doc.language):
                continue  # pt `Ter. a sex.`: two days of the week joined, no sentence's end between them
            if _ROMAN.fullmatch(m.group(1)) and writes_ordinal_full_stop(doc.language) and not _labels_a_number(
                    text, m.start(1), doc.language):
                continue  # an ordinal's full stop (de `Papst Paul VI. die`, hu `a XX. század`), no sentence end
            if word in _LOWER_CASE_NAMES:
                continue  # a name its owners write in lower case, at a sentence's start too (`npm downloads…`)
            if word not in _FUNCTION_WORDS and (_lower_starts(doc.text)[word] > 1 or (
                    word.capitalize() not in _capitalized(doc.text) and not _between_sentences(text, m, doc.text))):
                # A word the document never writes with a capital, or starts more than one sentence with
                # in lower case, is a name kept in lower case (`git`, `scp`, `dict`), not a slip.
                continue
            if _translators_abbreviation(seg, m, doc):
                continue
            at = seg.to_source(m.start(2))
            if doc.text[seg.to_source(m.end(1)):at].strip() != ".":
                continue  # markup between the stop and the word: emphasis or code (`*spam.* and`, `*a*`)
            i = m.start(2)
            yield self.finding(seg, i, m.end(2), f"Sentence starts in lower case: '{m.group(2)}' after a full stop",
                               edits=[(i, i + 1, text[i].upper())])


# A sentence's end inside a string: a stop, question or exclamation mark with a word after it.
_INNER_END = compiled_on_use(r"[.!?]\s+\S")
# A clause's end inside a string, where a translator may end a sentence: a comma, semicolon or colon, or a
# dash between spaces (`Done, click OK`, `Done - click OK`).
_INNER_BREAK = compiled_on_use(r"[,;:]\s|\s[-\u2013\u2014]\s")


def _translators_abbreviation(seg: Segment, m: re.Match[str], doc: Document) -> bool:
    """The stop shortens a word of a short translated string (a label, a column head) whose source is one
    clause or none: ca `Pet. pujada` for `Up Reqs`, af `Herstel asb. die foute` for `Please correct the
    errors…`. The word before it has four letters or fewer, the string eight words or fewer, the source no
    sentence or clause end inside it, so no source sentence or clause was ended there (`Fet. desa els
    canvis` for `Done, save the changes` is a sentence's start left in lower case), and no translation of
    the catalogue writes the word whole (ca `Fet` for `Done`): an abbreviation is never written out so."""
    source = seg.source_text
    return (source is not None and len(m.group(1)) <= 4 and len(seg.text.split()) <= 8
            and _INNER_END.search(source.strip()) is None and _INNER_BREAK.search(source.strip()) is None
            and not translations_write_whole(doc, m.group(1)))


# A Roman numeral of two letters or more (`VI`, `XIV`, `MCM`), as _START's word before a stop can be.
_ROMAN = compiled_on_use(r"(?=[MDCLXVI]{2})M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")

def _labels_a_number(text: str, at: int, language: str) -> bool:
    """The word before the numeral at ``at`` is a noun the numeral labels as a cardinal (de `Kapitel XII`,
    the pack's `numbered-nouns`), not a name it makes an ordinal of (`Paul VI.`)."""
    before = text[max(0, at - 40):at].split()
    nouns = (pack(language) or {}).get("numbered-nouns") or ()
    return bool(before) and before[-1].lower() in nouns


# The part of an abbreviation a no-break space binds to the one before (`EE. UU.`, `I. A.`): capitals.
_ABBREVIATION_PART = compiled_on_use(r"[A-Z]{1,3}")



def _abbreviation_shaped(text: str, m: re.Match[str], language: str) -> bool:
    """The word before the stop is an abbreviation by its place or its shape: it opens a bracket (`(ör.
    bir web dashboard`, `(cf. the list`: no sentence ends one word into a bracket), a no-break space binds
    it, in capitals, to an abbreviation before it (`EE.\u00a0UU. a`, `I.\u00a0A.`), or it is one of the
    language's abbreviations that no pack lists (Turkish `vb.` for `etc.`)."""
    before = text[m.start(1) - 1:m.start(1)]
    if before in ("(", "["):
        return True
    word = m.group(1)
    if text[max(0, m.start(1) - 2):m.start(1)] in (".\u00a0", ".\u202f") and _ABBREVIATION_PART.fullmatch(word):
        return True  # `EE.\u00a0UU. a`: the parts of one abbreviation (not `Mr.\u00a0Smith. he`)
    return word.lower() in abbreviations(language)


# The next word after a range's `a` or `e`, with its full stop.
_NEXT_ABBREVIATION = compiled_on_use(r" {1,2}([^\W\d_]+)\.")


def _weekday_range(text: str, m: re.Match[str], language: str) -> bool:
    """The stop ends a day of the week abbreviated (the pack's `weekday-abbreviations`), and the lower-case word
    after it joins a second one, with its stop (`weekday-range-words`): pt `Ter. a sex.: 10h às 21h30`, where
    `ter.` may elsewhere be the verb ending a sentence (`É preciso ter. a casa está vazia` is flagged)."""
    data = pack(language) or {}
    days = data.get("weekday-abbreviations") or ()
    if m.group(1).lower() not in days or m.group(2) not in (data.get("weekday-range-words") or ()):
        return False
    after = _NEXT_ABBREVIATION.match(text, m.end(2))
    return after is not None and after.group(1).lower() in days


_PROSE_WORD = compiled_on_use(r"[A-Za-z][a-z]*(?:['’-][a-z]+)?[,;:]?")


def _between_sentences(text: str, m: re.Match[str], doc_text: str) -> bool:
    """The stop ends a sentence of prose and a sentence of prose follows it: five words or more of
    letters before the stop (back to the previous end mark), the word before it of three letters or more,
    and two words or more of letters after the lower-case word. A name kept in lower case is most often
    code's (`pip`, `setuptools`) and stands among code, paths and marks, not in running sentences."""
    if (len(m.group(1)) < 3 and m.group(1).lower() not in _SHORT_ENDS) or m.group(2) in code_names(doc_text):
        return False
    head = text[max(0, m.start() - 200):m.start(1)]
    head = _CLAUSE_END.split(head)[-1]
    if sum(1 for w in head.split() if _PROSE_WORD.fullmatch(w)) < 4 or len(head.split()) < 4:
        return False
    tail = text[m.end(2):m.end(2) + 80].lstrip(",;:").split()[:3]
    if tail and tail[0] in _NAMING_NOUNS:
        return False  # `email package version 3 will…`: what names in lower case are called in prose
    return len(tail) >= 2 and all(_PROSE_WORD.fullmatch(w) or w.isdigit() or _ACRONYM.fullmatch(w) for w in tail[:2])


# Nouns after a name kept in lower case (`email package`, `asyncio module`, `ls command`).
_NAMING_NOUNS = frozenset("""
package packages module modules library libraries class classes function functions method methods command
commands tool tools object objects type types attribute attributes keyword option options program
""".split())
# Two-letter words that end sentences (`no signs of letting up. besides`); other short words before a stop
# are abbreviations or code.
_SHORT_ENDS = frozenset("it us me up on in so go do be to".split())
# Where a sentence or clause ends, back from a stop: not a decimal point nor a score's or a time's colon
# (`1.8 block shots`, `Zenit-Khimki (1:0) Russian Cup final`).
_CLAUSE_END = compiled_on_use(r"[!?;\r\n]|\.(?!\d)|:(?!\d)")  # (a line ends at LF, CRLF or a lone CR)
_ACRONYM = compiled_on_use(r"[A-Z]{2,5}[,;:]?")

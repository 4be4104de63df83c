"""L101 other-language-sentence: a sentence written in another language than the document's."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import pairwise

from lint.formats.bilingual import cites_a_publication, copied
from lint.language import (
    CJK_LETTERS,
    capitalizes_nouns,
    cld2_codes,
    foreign_words,
    foreign_words_gate,
    identify,
    is_module_code,
    own_words,
    own_words_count,
    pack,
    primary,
)
from lint.model import Document, Finding, Segment, Severity
from lint.options import RuleOptions, option
from lint.patterns import compiled_on_use
from lint.rule import Example, Rule
from lint.scan import closed_matches
from lint.words import holds_token

from ._around import in_program_output

# Names of the languages a message names (others are shown by their tag).
NAMES = {
    "en": "English", "fr": "French", "de": "German", "es": "Spanish", "it": "Italian", "pt": "Portuguese",
    "nl": "Dutch", "pl": "Polish", "ru": "Russian", "uk": "Ukrainian", "ja": "Japanese", "zh": "Chinese",
    "ko": "Korean", "sv": "Swedish", "da": "Danish", "no": "Norwegian", "fi": "Finnish", "cs": "Czech",
    "tr": "Turkish", "el": "Greek", "hu": "Hungarian", "ro": "Romanian", "ar": "Arabic", "he": "Hebrew",
}
# Languages CLD2 confuses with one another on short text: a sentence "in" a sibling is not flagged.
_SIBLINGS = [{"no", "nb", "nn", "da"}, {"hr", "sr", "bs"}, {"ms", "id"}, {"es", "gl", "ca", "pt"}, {"pt", "gl"},
             {"zh", "ja"}, {"cs", "sk"}, {"ru", "uk", "be", "bg"},
             # Scots, which CLD2 reads as English, and Occitan, as French or Catalan, on a sentence or two
             # (openstreetmap-website's sco.yml and oc.yml: their own sentences, each of them).
             {"sco", "en"}, {"oc", "fr"}, {"oc", "ca"}]  # (French and Catalan are no siblings)
# Kinds whose text is someone else's words or not a sentence at all.
_SKIPPED_KINDS = frozenset({"blockquote", "code"})
# Quotations and glosses inside a sentence: a quoted title or a gloss in parentheses is meant to be in its
# own language. They are blanked out before identification (same length, so offsets hold).
_QUOTED = compiled_on_use(r"«[^»]*»|“[^”]*”|„[^“”]*[“”]|\"[^\"]*\"|「[^」]*」|『[^』]*』|‘[^’]*’|\([^)]*\)|（[^）]*）|\[[^\]]*\]")
# Where a quotation opens and what closes it, for ``closed_matches``: a paragraph of `『` (or `(`, `"`) that
# nothing closes was searched for _QUOTED from each of them to its end (n**2 / 2 steps).
_QUOTE_OPENING = compiled_on_use(r"[«“„\"「『‘(（\[]")
_QUOTE_CLOSERS = {"«": "»", "“": "”", "„": "“”", '"': '"', "「": "」", "『": "』", "‘": "’", "(": ")", "（": "）", "[": "]"}
# A changelog's entry: a commit's subject, cited as its author wrote it, as a quoted title is. It has the
# shape of one: a line that opens with a pull request's or an issue's number in brackets (`[#1103] fix: reset
# all fields …`), or ends with numbers in brackets (`… in unary call (#1066)`), or with GitHub's generated
# `… by @user in #1821 | #1859`, or ends with numbers after a Conventional Commits prefix (`fix(retry): …
# #1799`). A bare number after prose is a reference in the page's own text (`… as described in #1234`): an
# untranslated sentence stays one. Blanked out with the quotations.
_CITED_OPENING = compiled_on_use(r"[^\S\n]*[\[(]#\d+(?:,\s*#\d+)*[\])]")
_NUMBER = r"[\[(]?#\d+[\])]?"
_NUMBERS = rf"(?<![\w#]){_NUMBER}(?:\s*(?:[|,]|and)\s*{_NUMBER})*"
_CITED_ENDING = compiled_on_use(
    rf"(?:(?<![\w#])[\[(]#\d+(?:\s*(?:[|,]|and)\s*#\d+)*[\])]|\bby\s+@[\w-]+(?:(?:\s*,\s*|\s+and\s+|\s+)@[\w-]+)*"
    rf"\s+in\s+{_NUMBERS})[^\S\n]*\Z")
_BARE_ENDING = compiled_on_use(rf"{_NUMBERS}[^\S\n]*\Z")
_COMMIT_PREFIX = compiled_on_use(r"[^\S\n]*[a-z]+\([^()\n]+\)!?:\s")
# How far from a line's end its numbers are looked for: a bound on the search, which tries every `#` it
# holds (a line of `#1, #1, …` not ending in one would be walked to its end from each of them).
_ENDING_REACH = 200
# A sentence ends at . ! ? (or a colon that introduces one) before a space or the end (not in `3.5`,
# `i.e.x`), or at a CJK full stop. A clause ends at a semicolon or a spaced dash: a sentence left in
# English after `… democráticas;` or `… -- ` is judged on its own where the whole is not another language.
_SENTENCE = compiled_on_use(r".+?(?:[.!?:]+(?=\s|$)|[。！？：]+|$)", re.DOTALL)
# The clauses of a sentence the model reads as the page's language, asked in its place (a whole sentence
# is the better evidence where it is one language).
_CLAUSE = compiled_on_use(r".+?(?:;+(?=\s|$)|\s(?:--|[—–])(?=\s)|；+|$)", re.DOTALL)
_CLAUSE_MARK = compiled_on_use(r";\s|\s(?:--|[—–])\s|；.")
# The letters outside ASCII of every Latin script, not Latin-1's alone (Latin Extended-A and -B, Latin
# Extended Additional: Vietnamese), capitals and lower case: a Czech, Polish or Hungarian name (`Šárka
# Čechová`, `Łukasz Żółkiewski`) left in the model's text reads as its language and hides the English
# sentence around it; a Polish word (`Użytkownik może zmienić`) that counts as no word leaves a Polish
# sentence too short to be asked, and one ending in `ą` or `ł` no seam before a glued English sentence.
_LATIN = [*range(0xC0, 0x250), *range(0x1E00, 0x1F00)]
_CAPITALS = "".join(c for c in map(chr, _LATIN) if c.isupper() or c.istitle())
_LOWER = "".join(c for c in map(chr, _LATIN) if c.islower())
# Where a sentence may have been glued to the end of a clause with no mark between (a heading or a list
# item without its full stop, then `Because of the borrowing rules, …`): a capital (Latin, Greek, Cyrillic,
# Armenian) after a lower-case word, in whatever script the page's is (`… ратуши An object-oriented …`,
# `… w sieci lokalnej You can …`): the letter before is asked ``str.islower`` (``_seams``). The text from
# there on is asked as a sentence of its own.
_SEAM = compiled_on_use(rf"(?<=[^\W\d_]) (?=[A-Z{_CAPITALS}\u0386-\u03ab\u0400-\u042f\u0531-\u0556])")
# Marks that end a clause, not a sentence: a piece ending so with too few words is read on.
_CLAUSE_ENDS = (":", "：", ";", "；", "--", "—", "–")
# In CJK text, a sentence in a Latin-script language is a run of Latin words and their punctuation.
_LATIN_SPAN = compiled_on_use(r"[A-Za-z][A-Za-z0-9 ,;:'’\"()\-]*(?:[.!?](?=\s|$|[^\x00-\x7f])|[A-Za-z0-9)])")
# A word a language model can read: letters only, not a name (capitalized), not code (snake_case,
# camelCase, dotted, with digits).
_WORD = compiled_on_use(rf"(?<![\w.\-/@#$])[a-z{_LOWER}\u0400-\u04ff]{{2,}}(?![\w/@(])")
_CJK = compiled_on_use(f"[{CJK_LETTERS}]")
_LETTERS = compiled_on_use(r"[^\W\d_]+")
# In a page of CJK text, a run of six Latin words is worth a look.
# (Words of one letter, `a` and `I`, and apostrophes, straight or curly, do not break the run.)
_LATIN_RUN = compiled_on_use(r"(?:[A-Za-z][A-Za-z'’]*[ ,]+){5}[A-Za-z]{2,}")
_CJK_LANGUAGES = frozenset({"ja", "zh", "ko"})
# Where another language's sentence may start inside a flagged one: a capital (Latin or Cyrillic) after white
# space, or a change between CJK and Latin script. Only the latest so many are asked of the language model (up
# to three readings each, on a flagged sentence only): the seam wanted is the latest, and a sentence of names
# before it must not cost a reading per name.
_CUT = compiled_on_use(rf"(?<=\s)(?=[A-Z{_CAPITALS}\u0400-\u042f])|(?<=[^\W\d_])(?=[{CJK_LETTERS}])"
                       rf"|(?<=[{CJK_LETTERS}])(?=[A-Za-z])")
_MOST_CUTS = 12


# A name of two capitalized words or more inside a sentence, up to two short lower-case particles or a
# possessive between them allowed (`National Land Survey of Finland's Topographic Database`, `State of the
# Map`, `Open Data Commons Open Database License`): a translated sentence keeps the names of the source's organizations, products and
# documents as they are, and their words are no evidence of the sentence's language. Not the sentence's
# first word, capitalized as every sentence's is.
_NAME_RUN = compiled_on_use(rf"(?:(?<=[^\W\d_]\s)|(?<=[^\W\d_][,;]\s))[A-Z{_CAPITALS}][\w'’-]*"
                            rf"(?:\s+(?:[a-z]{{1,3}}\s+){{0,2}}[A-Z{_CAPITALS}][\w'’-]*)+")


def _without_names(sentence: str) -> str:
    """``sentence`` with its names of several capitalized words blanked out, for the language model; as it
    is where that would leave fewer than half of its words. A translation keeps a name or two among its own
    words; a sentence that is mostly capitalized words joined by short ones (`The Board of Directors of the
    Bank of England and the Chancellor of the Exchequer met on Monday.`) is itself in the names' language."""
    if " " not in sentence:
        return sentence
    blanked = _NAME_RUN.sub(_blank, sentence)
    return blanked if 2 * len(_LETTERS.findall(blanked)) >= len(_LETTERS.findall(sentence)) else sentence


def _seams(clause: str, openers: frozenset[str] | None) -> list[int]:
    """Where a sentence may start in ``clause`` glued to the text before it: after each space between a
    lower-case letter and a capital (``_SEAM``). Where the page's capitals open its nouns too (German),
    only a capital that opens one of ``openers``, the other languages' common words (`… dem Präsidenten
    When the …`): a noun's capital is no seam."""
    cuts = [m.end() for m in _SEAM.finditer(clause) if clause[m.start() - 1].islower()]
    if openers is None:
        return cuts
    return [c for c in cuts if (word := _LETTERS.match(clause, c)) is not None and word.group().lower() in openers]




def _page_resumes(tail: str, gate: re.Pattern[str], lang: str, other: str) -> bool:
    """Whether the text after the other languages' last common word in ``tail`` reads, reliably, as the
    page's language ``lang``. A sentence glued to the page's text runs to the end of its clause; where the
    page's words come back before that end, the tail is a phrase set inside the page's sentence (a button's
    label, a talk's title: `… tlačítko Save changes and close the window a pak restartujte aplikaci.`),
    which a translation keeps as it is."""
    ends = [m.end() for m in gate.finditer(tail)]
    if not ends:
        return False
    rest = tail[ends[-1]:]
    # (Where the page's language has a pack, one of its own small words too: the identifier, hinted with the
    # page's language, also reads a glued sentence's closing names so: `… dans la prison HMP Long Lartin.`
    # on an English page.)
    if pack(lang) and not own_words_count(rest, lang, other):
        return False
    found = identify(rest, lang)
    return found.reliable and primary(found.language) == primary(lang)


def _blank(m: re.Match[str]) -> str:
    """Spaces for a match, as long as it (offsets hold)."""
    return " " * len(m.group())


def _quotes_blanked(text: str) -> str:
    """``_QUOTED.sub(_blank, text)``: each quotation and gloss blanked out."""
    parts: list[str] = []
    pos = 0
    for m in closed_matches(_QUOTED, _QUOTE_OPENING, _QUOTE_CLOSERS.__getitem__, text):
        parts += (text[pos:m.start()], _blank(m))
        pos = m.end()
    parts.append(text[pos:])
    return "".join(parts)


def _cited_entry(line: str) -> bool:
    """Whether ``line`` has the shape of a commit's subject cited in a changelog."""
    if _CITED_OPENING.match(line):
        return True
    at = max(0, len(line) - _ENDING_REACH)
    if _CITED_ENDING.search(line, at):
        return True
    return _COMMIT_PREFIX.match(line) is not None and _BARE_ENDING.search(line, at) is not None


def _without_cited_entries(text: str) -> str:
    """``text`` with its changelog's entries blanked out (same length, so offsets hold)."""
    lines = text.split("\n")
    return "\n".join(" " * len(line) if "#" in line and _cited_entry(line) else line for line in lines)


def _siblings(a: str, b: str) -> bool:
    return a == b or any(a in group and b in group for group in _SIBLINGS)


def _sentences(spans: re.Pattern[str], text: str, min_words: int) -> Iterator[tuple[int, str]]:
    """(offset, sentence) for each sentence of ``text``; a sentence cut at a colon, a semicolon or a dash
    with too few words to be judged is read on with what follows (`Rust has four scalar types: integers,
    floats, …`)."""
    held = -1
    for m in spans.finditer(text):
        if held < 0:
            held = m.start()
        if m.group().rstrip().endswith(_CLAUSE_ENDS) and _words(text[held:m.end()]) < min_words:
            continue
        yield held, text[held:m.end()]
        held = -1
    if held >= 0:
        yield held, text[held:]


def _words(text: str) -> int:
    """Common words: lower-case runs of letters (names and code do not count); two CJK characters
    count as one word."""
    return len(_WORD.findall(text)) + len(_CJK.findall(text)) // 2


def _source_words(seg: Segment) -> frozenset[str] | None:
    """A catalogue entry's source words (lowercased), to tell a sentence left untranslated from one the
    model misreads (Danish `Bitvis AND er kun defineret`, Asturian read as Spanish); None outside
    catalogues."""
    if seg.source_text is None:
        return None
    return frozenset(w.lower() for w in re.findall(r"[^\W\d_]{2,}", seg.source_text))


def _copied(sentence: str, source: frozenset[str]) -> bool:
    """Whether most of a sentence's words are its source's."""
    words = [w.lower() for w in re.findall(r"[^\W\d_]{2,}", sentence)]
    return bool(words) and sum(w in source for w in words) >= 0.6 * len(words)


def _reads_as(text: str, other: str) -> bool:
    """Whether CLD2 reliably reads ``text`` as ``other`` (or a sibling of it)."""
    found = identify(text)
    return found.reliable and _siblings(primary(found.language), other)


def _shows(text: str, lang: str, other: str) -> bool:
    """Whether ``text``, left out of a flagged span, is the page's: none of the other language's own small
    words, not reliably the other language to CLD2, and one of the page language's small words or CLD2's
    reliable reading as it."""
    if own_words_count(text, other, lang) or _reads_as(text, other):
        return False
    if own_words_count(text, lang, other):
        return True
    # (CLD2 alone only on two common words or more: it reads `Traditionell waren` as reliably English.)
    found = identify(text)
    return _words(text) >= 2 and found.reliable and _siblings(primary(found.language), lang)


def _reported_within(starts: list[int], seg: Segment) -> bool:
    """Whether one of ``starts`` (sorted places in the source) falls inside the segment's source span."""
    first, end = seg.to_source(0), seg.to_source_end(len(seg.text))
    i = bisect_left(starts, first)
    return i < len(starts) and starts[i] <= end


# Where a reference to a publication ends: its year, then at most pages, a publisher's short words or an
# identifier (`Clarendon Press (1987) pp165--211.`), fewer common words than a sentence holds.
_YEAR = compiled_on_use(r"\b(?:1[5-9]|20)\d\d[a-z]?\b")
_REFERENCE_TAIL = 3


def _a_reference(seg: Segment) -> bool:
    """Whether the segment is a reference to a publication whole (`Kahan, W: Branch cuts for complex
    elementary functions; or, Much ado about nothing's sign bit. Iserles, A., and Powell, M. (eds.), The state
    of the art in numerical analysis. Clarendon Press (1987) pp165--211.`): authors first, a year near its end,
    after which fewer than three common words stand (the reference ends the segment: a sentence after it is
    the page's own text, left untranslated or not). A reference's title is in the cited work's language
    whatever the page's. In a catalogue, its source is a reference too: the translator kept the reference
    (`In Iserles` shortened to `Iserles`), not an untranslated sentence that opens with a name."""
    if not cites_a_publication(seg.text):
        return False
    years = list(_YEAR.finditer(seg.text))
    if not years or _words(seg.text[years[-1].end():]) >= _REFERENCE_TAIL:
        return False
    return seg.source_text is None or cites_a_publication(seg.source_text)


# A gloss's mark: a spaced dash between a term and its translation (`Bad address -- 잘못된 주소`).
_GLOSS_MARK = compiled_on_use(r"[^\S\n]*(?:--|[—–])[^\S\n]+")
_TRAILING_MARK = compiled_on_use(r"[^\S\n]*(?:--|[—–])[^\S\n]*\Z")
_SENTENCE_MARK = compiled_on_use(r"[.!?。！？]")


def _glossed(seg: Segment, start: int, end: int, lang: str, other: str) -> bool:
    """Whether the span ``start``-``end`` of a catalogue's translation is its source's term kept before its
    translation (errno's `Attempting to link in too many shared libraries -- 너무 많은 공유 라이브러리 연결
    시도`): the span opens the translation, holds no sentence's end, is the source's first sentence or clause,
    and is followed on its line by a spaced dash (which the source does not write there) and text in the
    page's language. A gloss pairs the term with its translation on purpose; a sentence the translator left
    untranslated is not followed by its own translation (and a dash the source writes, `Save your changes --
    they are lost otherwise`, is the source's clause, not a gloss)."""
    source, text = seg.source_text, seg.text
    if source is None or text[:start].strip():
        return False
    term = text[start:end]
    if (trailing := _TRAILING_MARK.search(term)) is not None:
        term = term[:trailing.start()]  # (a clause keeps the dash it was cut at)
    mark = _GLOSS_MARK.match(text, start + len(term))
    if mark is None or not term or _SENTENCE_MARK.search(term):
        return False
    words, said = " ".join(term.split()), " ".join(source.split())
    rest = said[len(words):].lstrip()
    if not said.startswith(words) or rest[:1] not in ("", ".", "!", "?", ":", ";", ","):
        return False  # (not the source's sentence or clause from its start, or its own dash after it)
    gloss = text[mark.end():].split("\n", 1)[0]
    if lang in _CJK_LANGUAGES:
        return _CJK.search(gloss) is not None and _LATIN_RUN.search(gloss) is None
    return _shows(gloss, lang, other)


class OtherLanguageSentence(Rule):
    code = "L101"
    slug = "other-language-sentence"
    summary = "A sentence in another language than the document's (left untranslated?)"
    rationale = """
**What it does.** In the sentences where a common word of another language appears (or, in Chinese, Japanese or Korean text, a run of Latin words), identifies the language of each sentence long enough to tell (CLD2, whose models
ship inside the `pycld2` package) and flags one written in another language than the document's: an
English sentence left in a French page, a source string copied into a Japanese catalogue.

**Why is this bad?** A reader of the French page meets a sentence they may not read; a translator's
tool counts the string as translated. Machine-translation pipelines leave such sentences where a
segment failed or was skipped.

Not flagged: sentences with fewer than `min-words` common words (lower-case words: names, code and
numbers do not count; a name of several capitalized words, `National Land Survey of Finland's Topographic
Database`, is no evidence of the sentence's language either: the model reads the sentence without it, except in
German and its kin, which capitalize every noun, and where that would leave fewer than half its words), quotations and glosses (text inside quotes, parentheses or brackets, and block
quotes), a changelog's entries (a line with a commit subject's shape: it opens or ends with a pull
request's or an issue's number in brackets, `[#1103] fix: reset all fields …`, `… (#1066)`, or ends with
GitHub's `… by @user in #1821 | #1859`, or with a number after a `fix(scope):` prefix; a bare number after
prose, `… as described in #1234`, is the page's own text), an answer below `confidence` percent or that
CLD2 does not call reliable, languages CLD2 tells
apart poorly (Norwegian and Danish, Spanish, Portuguese and Galician, Scots and English, Occitan and
French…), languages outside the ones it names,
a document in a language CLD2 does not know (an Android app's `values-ast/` or `values-sc/`: Asturian and
Sardinian read as Spanish and Italian),
a sentence with two small words of the page's language that the other does not share (and not twice as many
of the other's: English `as` and `do` are spelled as Portuguese ones), or without one of
the other language's (CLD2 going by technical nouns: `Componenti integrati come <button> supportano…`), and
module code.
In a translation catalogue, a sentence is left untranslated where most of its words are its source's:
other sentences the model reads as another language (Asturian as Spanish, Danish as English) are not
flagged; a translation that is its source whole, where B102 (`untranslated-string`) reported it, is left to
B102: one finding for the entry, not one more per sentence here (with B102 off, or where B102 lets the copy
through, it is asked here); a bibliographic reference copied whole (`Kahan, W: Branch cuts … (1987)`) is
cited as published, and so is a segment that is a reference whole, edited or not (authors first, its year
near its end with fewer than three common words after it; in a catalogue, its source a reference too): its
title is in the cited work's language. A gloss is not flagged either: in a catalogue, the source's term (its
first sentence or clause, no sentence's end inside) opening the translation and followed, on its line, by a
spaced dash the source does not write there and its translation in the page's language (`Bad address --
잘못된 주소`).
A sentence glued to the page's text with no full stop between (a heading or a segment run into the next) is
looked for after each capital that follows a lower-case letter, in any script, where the page's capitals open
only sentences and names: as its language pack says, or, without one, in every language but those that
capitalize all nouns (German and its kin, where only a capital that opens another language's common word
counts: `… fertig sein wird When the work …`). Where the page's language has no pack (Czech, Turkish,
Romanian, Vietnamese…), and so no small words of its own to weigh, the text from such a capital needs two of
the other language's small words, not one (`… din Albania, care are o rată …` reads as English to CLD2).
A glued sentence runs to the end of its clause: where the page's language comes back after the other's last
common word (with, where the page's language has a pack, one of its own small words: a glued sentence's
closing names read as any language to the identifier), the run is a label
or a title set inside the page's sentence (`… tlačítko Save changes and close the window a pak restartujte
aplikaci.`), kept as it is by a translation, and is not flagged.
The span starts where the other language does: a sentence glued to the page's text with no full stop
between (`… na części terytorium Meksyku Before we do that, …`), read as the other language whole, is
underlined from the capital (or change of script) before its first small word after which the rest still
reads as it and before which the page's language shows. In German, whose nouns take capitals, only the
other language's small word itself, capitalized (`Before`), is such a capital. A phrase inside a sentence
(`Policja poinformowała advantage of using Cargo is …`) is underlined to the sentence's end: no seam marks
where it stops.
The document's language comes from `lint.language` (inline switch, per-path config, the file, config,
detection); where none of them knows it (the `en` default), nothing is flagged. MDX comments are left alone.
"""
    severity = Severity.WARNING
    scope = "findings"

    @dataclass(frozen=True)
    class Options(RuleOptions):
        """The rule's options (config `rules: {L101: {...}}`; see `copylint explain`)."""

        confidence: int = option(90, "the percent the language detector must be sure of the other language",
                                 minimum=0, maximum=100)
        min_words: int = option(6, "the common (lower-case) words a sentence needs to be judged", minimum=1)
    opts: Options
    flag = (
        Example("Any address can be either a version four or a version six address Un porte-parole de la direction a "
                "déclaré que le personnel a été déployé dans la prison HMP Hollow Creek.\n", language="en",
                note="a sentence glued to the page's, closed by names: no phrase set in the page's sentence"),
        Example("Aquesta pàgina és la versió catalana del lloc, podeu tornar a la pàgina principal.\n\n"
                "Veuillez vérifier votre courrier électronique et suivre le lien pour confirmer votre nouveau compte.\n\n"
                "Les modificacions s'han desat i apareixeran al mapa d'aquí a uns minuts.\n", language="ca",
                note="French in a Catalan page: Occitan's siblings are not each other's"),
        Example("<!-- copylint-language: fr -->\nLe composant affiche la liste des tâches. This component renders "
                "the list of tasks that the user has created today.\n", path="a.md"),
        Example("La configuration se fait dans le fichier principal. You can override any option from the "
                "command line when you run the build.\n", language="fr"),
        Example("Conține date din National Land Survey of Finland. The data of the Topographic Database are "
                "updated by the survey every year.\n", language="ro",
                note="an English sentence that names the same things: its own words are English"),
        Example("La configuration se fait dans le fichier principal. The Board of Directors of the Bank of England "
                "and the Chancellor of the Exchequer met on Monday.\n", language="fr",
                note="mostly names joined by short words: read whole, the names' language is the sentence's"),
        Example("Настройки хранятся в главном файле программы. The Board of Directors of the Bank of England and "
                "the Chancellor of the Exchequer met on Monday.\n", language="ru"),
        Example("Toto je hlavní stránka projektu a jeho dokumentace. We thank Šárka Čechová and Žofie Řezníčková "
                "for all of their help.\n", language="cs",
                note="names of capitals outside Latin-1 (`Š`, `Č`, `Ž`) left out too: read with them, the sentence is Czech"),
        Example("Ceci est la page principale du projet et de sa documentation. It was written by Čestmír Šťastný and "
                "Šárka Čechová in the spring.\n", language="fr"),
        Example("Ceci est la page principale du projet. Użytkownik może zmienić ustawienia, jeśli ma uprawnienia "
                "właściciela.\n", language="fr", note="Polish words, their letters outside Latin-1, count as words"),
        Example("W tej sekcji przedstawiamy listę modułów projektu oraz ich zależności dla bieżącej wersji, które "
                "wkrótce się zmienią Because of the borrowing rules, if you have a mutable reference, it must be the "
                "only reference to that data.\n", language="pl",
                note="glued after a word ending in `ą`: asked from the capital on"),
        Example("W poniedziałek przyniesie opady o wysokości do 25 cm na części terytorium Meksyku Before we do that, "
                "however, we will explore the technique we are not going to use as a starting point.\n", language="pl",
                note="glued after a name: underlined from `Before` (tests/test_other_language_spans.py)"),
        Example("Nie poszło zbyt dobrze Thinking about the relationships another way, a parent node should own its "
                "children.\n", language="pl", note="the whole sentence reads as English: underlined from `Thinking`"),
        Example("Ve čtvrtek ráno se na náměstí sešlo několik set lidí a starosta jim poděkoval za trpělivost Most "
                "of the residents had already left the town before the storm reached the coast.\n", language="cs",
                note="a language without a pack writes sentence case too: underlined from `Most`"),
        Example("Belediye başkanı dün akşam yaptığı açıklamada yeni köprünün gelecek yıl tamamlanacağını söyledi The "
                "contractor said that the work would be finished before the end of the summer.\n", language="tr"),
        Example("Primăria a anunțat ieri că lucrările la noul pod vor fi încheiate până la sfârșitul anului viitor "
                "The contractor said that the work would be finished before the end of the summer.\n", language="ro"),
        Example("Thành phố đã công bố kế hoạch xây dựng một cây cầu mới bắc qua sông vào năm tới When the work is "
                "finished, the bridge will be open to traffic in both directions.\n", language="vi"),
        Example("Мэр города заявил, что строительство нового моста будет завершено к концу следующего года The "
                "contractor said that the work would be finished before the end of the summer.\n", language="ru",
                note="a capital after a lower-case Cyrillic letter is a seam"),
        Example("Der Bürgermeister hat gestern angekündigt, dass die neue Brücke im nächsten Jahr fertig sein wird "
                "When the work is finished, the bridge will be open to traffic in both directions.\n", language="de",
                note="German capitalizes its nouns: a seam only where the capital opens another language's word"),
        Example("Het team van de trainer heeft dit seizoen nog geen uitwedstrijd gewonnen in de competitie van "
                "Schotland The transmitter half is the upstream location where you put the rubber duck into the "
                "river.\n", language="nl", note="underlined from `The`"),
        Example("Die Installation dauert nur wenige Minuten. Make sure that you have installed the latest "
                "version of the package before you start.\n", language="de"),
        Example("El asistente le guía por cada paso. This section explains how the router resolves the "
                "path and which component it renders.\n", language="es"),
        Example("コンポーネントはテンプレートから描画されます。The template is compiled into a render function "
                "that returns the virtual nodes.\n", language="ja"),
        Example("组件会根据模板进行渲染。When the state changes, the component is rendered again with the "
                "new values.\n", language="zh"),
        Example('msgid "Save your changes before you leave the page. They are lost otherwise."\nmsgstr "Save your changes '
                'before you leave the page. Sinon, elles sont perdues."\n\nmsgid ""\nmsgstr ""\n"Language: fr\\n"\n',
                path="a.po", note="one sentence of the source left in a translation"),
        Example('msgid ""\nmsgstr ""\n"Language: fr\\n"\n\nmsgid "You can upload up to 1,000 photos to each album before '
                'you need a new one."\nmsgstr "You can upload up to 1,000 photos to each album before you need a new '
                'one."\n', path="a.po", select=("B102",),
                note="a whole copy that B102 lets through (it reads `1,000` as a list): asked here"),
        Example("Il primo passo è installare il pacchetto. Then you need to add the plugin to the list of "
                "plugins in your configuration file.\n", language="it"),
        Example("Les types se déclarent ainsi. Rust has four primary scalar types: integers, floats, Booleans, "
                "and characters.\n", language="fr", note="cut at the colon, neither half has six common words"),
        Example("这部分介绍切片。Next, we’ll look at a different kind of reference: slices.\n",
                language="zh", note="one-letter words and a curly apostrophe in the run of Latin words"),
        Example("Les étapes sont décrites dans le guide d'installation du projet ; make sure that you have installed "
                "the latest version of the package before you start.\n", language="fr",
                note="a clause after a semicolon, the sentence read as French as a whole"),
        Example("Dans cette section, nous présentons la liste des modules du projet et de leurs dépendances pour la "
                "version actuelle de la bibliothèque Because of the borrowing rules, if you have a mutable reference, "
                "it must be the only reference to that data.\n", language="fr",
                note="glued to a line without its full stop: asked from the capital on"),
        Example("Os tipos declaram-se assim. As you write more complex programs, you will add dependencies, and "
                "it will be much easier to do.\n", language="pt",
                note="`as` and `do` are Portuguese words too, outnumbered by the English ones"),
        Example("## 详细变更\n\n- [[#1116](https://github.com/cloudwego/kitex/pull/1116)] fix: use the last rpcinfo "
                "to trace\n\n**Thanks a lot to those community contributors who submit some pull requests or share "
                "your ideas for this version:**\n", path="a.md", language="zh",
                note="release notes: a line without a pull request's number is the page's own text"),
        Example("- 修复重试逻辑。\n- Fix the retry logic so that it does not loop forever, see #1066 for the details.\n",
                path="a.md", language="zh", note="a number in the middle of the line, not in brackets: no cited entry"),
        Example("## 配置说明\n\n本节介绍如何配置客户端的重试策略，以及相关的默认值。\n\n- This option is deprecated and will be "
                "removed in the next major version, please migrate to the new retry policy as described in #1234\n"
                "- 默认值为三次。\n", path="a.md", language="zh",
                note="a bare number at the end of prose, not a commit's subject: the page's own reference"),
        Example("Se o servidor recusar o pedido, reduza o tamanho do cabeçalho. For example, if the cookie is too "
                "long, you should delete it first.\n", language="pt",
                note="«for example» in English: «exemplo» is no word of it"),
        Example('msgid ""\nmsgstr ""\n"Language: ko\\n"\n\nmsgid "Save your changes before you leave the page -- they '
                'are lost otherwise."\nmsgstr "Save your changes before you leave the page -- 그렇지 않으면 잃어버립니다."\n',
                path="a.po", note="the source writes the dash: its first clause left untranslated, no gloss"),
        Example('msgid ""\nmsgstr ""\n"Language: fr\\n"\n\n#: library/cmath.rst:12\nmsgid "Kahan, W:  Branch cuts for '
                'complex elementary functions. Clarendon Press (1987) pp165--211. This paper explains why the sign of '
                'zero matters for each of the functions."\nmsgstr "Kahan, W: Branch cuts for complex elementary '
                'functions. Clarendon Press (1987) pp165--211. This paper explains why the sign of zero matters for '
                'each of the functions."\n', path="a.po",
                note="a sentence after a reference is the page's own text"),
    )
    allow = (
        Example("Finlanda: Conține date din\nNational Land Survey of Finland's Topographic Database\n"
                "și alte seturi de date, sub licența lor.\n", language="ro",
                note="a Romanian sentence holding an English name (openstreetmap-website's ro.yml)"),
        Example("OpenStreetMap, logotip povečevalnega stekla in State of the Map so %{registered_trademarks_link}.\n",
                language="sl", note="a name with two particles (openstreetmap-website's sl.yml)"),
        Example("Anna Berg, eine altgediente Drehbuch-Schreiberin und Autorin des Buches „Just the Funny Parts: And a "
                "Few Hard Truths About Sneaking Into the Writers‘ Room\" hat eine andere Theorie.\n", language="de",
                note="German capitals are its nouns (`Autorin des Buches`), not names: the sentence is read whole"),
        Example("V dialogu klikněte na tlačítko Save changes and close the window a pak restartujte aplikaci.\n",
                language="cs", note="a button's label inside the page's sentence, whose words come back after it"),
        Example("Na konferenci zazněla přednáška How We Moved Our Whole Stack to the Cloud in a Year, kterou si pak "
                "stáhlo mnoho lidí.\n", language="cs", note="a talk's title, without quotation marks"),
        Example("W oknie dialogowym kliknij przycisk Save changes and close the window, a potem nie zamykaj "
                "aplikacji.\n", language="pl"),
        Example("În fereastra de dialog apăsați butonul Save all changes to the file și apoi reporniți aplicația.\n",
                language="ro"),
        Example("Ve čtvrtek přijeli do Prahy zástupci firem Microsoft a Google, aby ve škole představili své nové "
                "služby pro učitele a jejich žáky.\n", language="cs", note="names after lower-case words: seams, read as Czech"),
        Example("Aplikace Visual Studio Code je nyní dostupná i v češtině a uživatelé si ji mohou stáhnout zdarma z "
                "webu výrobce.\n", language="cs"),
        Example("Starosta na konci projevu řekl jen Thank you very much a pak odešel z pódia bez dalších otázek od "
                "novinářů.\n", language="cs", note="a short English quote without marks"),
        Example("Funkce vrací hodnotu None, pokud soubor neexistuje nebo k němu uživatel nemá oprávnění ke čtení a "
                "zápisu.\n", language="cs", note="a code term"),
        Example("Şirket, yeni Galaxy Tab modelini gelecek ay Türkiye'de satışa sunacağını ve fiyatının da o zaman "
                "açıklanacağını duyurdu.\n", language="tr"),
        Example("Kullanıcı dosyayı açamazsa fonksiyon None değerini döndürür ve hata mesajı ekranda gösterilir.\n",
                language="tr"),
        Example("Compania a anunțat că aplicația Microsoft Teams va fi disponibilă gratuit pentru toate școlile din "
                "țară de anul viitor.\n", language="ro"),
        Example("Guvernul a anunțat noi investiții pentru regiunile sărace din Albania, care are o rată de șomaj mai "
                "mare de 15%.\n", language="ro",
                note="CLD2 reads the text from `Albania` on as English for `care are`: one English word, not two"),
        Example("Người dùng có thể tải ứng dụng Google Maps về điện thoại và sử dụng nó ngay cả khi không có mạng.\n",
                language="vi"),
        Example("Cuối buổi họp báo, ông chỉ nói Thank you for coming rồi rời khỏi phòng mà không trả lời thêm câu hỏi "
                "nào.\n", language="vi"),
        Example("Ye are viewin the Scots version o this page. Ye can gang back tae the main page gin ye want.\n",
                language="sco", note="Scots, which CLD2 reads as English"),
        Example('msgid ""\nmsgstr ""\n"Language: fr\\n"\n\nmsgid "Save your changes before you leave the page"\nmsgstr '
                '"Save your changes before you leave the page"\n', path="a.po",
                select=("B102",), note="the whole source copied: B102 reports the entry, once"),
        Example('msgid ""\nmsgstr ""\n"Language: fr\\n"\n\n#: library/cmath.rst:12\nmsgid "Kahan, W:  Branch cuts for '
                'complex elementary functions. In Iserles, A. (ed.), The state of the art in numerical analysis. '
                'Clarendon Press (1987) pp165--211."\nmsgstr "Kahan, W:  Branch cuts for complex elementary functions. '
                'In Iserles, A. (ed.), The state of the art in numerical analysis. Clarendon Press (1987) pp165--211."\n',
                path="a.po", note="a bibliographic reference, cited as published (B102 leaves it too)"),
        Example('msgid ""\nmsgstr ""\n"Language: ko\\n"\n\n#: library/cmath.rst:12\nmsgid "Kahan, W:  Branch cuts for '
                'complex elementary functions; or, Much ado about nothing\'s sign bit.  In Iserles, A., and Powell, M. '
                '(eds.), The state of the art in numerical analysis. Clarendon Press (1987) pp165--211."\nmsgstr "Kahan, '
                'W: Branch cuts for complex elementary functions; or, Much ado about nothing\'s sign bit. Iserles, A., '
                'and Powell, M. (eds.), The state of the art in numerical analysis. Clarendon Press (1987) pp165--211."\n',
                path="a.po", note="a reference its translator edited (python-docs-ko's cmath.po): still a reference"),
        Example('msgid ""\nmsgstr ""\n"Language: ko\\n"\n\nmsgid "Attempting to link in too many shared libraries"\n'
                'msgstr "Attempting to link in too many shared libraries -- 너무 많은 공유 라이브러리 연결 시도"\n',
                path="a.po", note="the source's term, then its translation: a gloss (python-docs-ko's errno.po)"),
        Example('msgid ""\nmsgstr ""\n"Language: da\\n"\n\nmsgid "Bitwise AND is only defined for non-negative integers"\n'
                'msgstr "Bitvis AND er kun defineret for ikkenegative heltal"\n\n'
                'msgid "Median is only defined for real numbers"\nmsgstr "Median er kun defineret for reelle tal"\n',
                path="da.po", note="Danish the model reads as English: not its source's words"),
        Example('<resources>\n    <string name="no_history">Equí apaecen los episodios dempués de sentilos.</string>\n'
                '    <string name="no_episodes">Equí apaecen los episodios cuando amiestes un podcast.</string>\n'
                '    <string name="summary">Amuesa un avisu cuando s\\\'espublice un episodiu nuevu.</string>\n'
                '</resources>\n', path="res/values-ast/strings.xml",
                note="Asturian, a language the model does not know: it reads it as Spanish"),
        Example("La configuration se fait dans le fichier principal. Vous pouvez remplacer chaque option depuis "
                "la ligne de commande.\n", language="fr"),
        Example("Le titre du livre est « The Lord of the Rings and the Return of the King ».\n", language="fr"),
        Example('Le message affiché est "Save your changes before you leave the page".\n', language="fr"),
        Example("Utilisez `npm install --save-dev vue-router@latest` pour installer le routeur.\n", path="a.md",
                language="fr"),
        Example("Merci à Evan You, Guillaume Chau, Natalia Tepluhina et Eduardo San Martin Morote.\n", language="fr"),
        Example("Cliquez sur Save.\n", language="fr"),
        Example("> This is a quotation from the English original, kept as it was written by the author.\n\n"
                "Ceci est une citation de l'original anglais.\n", path="a.md", language="fr"),
        Example("Le mot anglais (the one that everybody uses in the office every day) n'a pas de traduction.\n",
                language="fr"),
        Example("This English page explains how the build works and where the settings are stored.\n"),
        Example("La console affiche ceci :\n\n<ConsoleBlock level=\"error\">\n\nWarning: Each child in a list should "
                "have a unique key prop. Check the render method of the list component.\n\n</ConsoleBlock>\n\n"
                "Ce message demande une clé pour chaque élément.\n", path="a.md", language="fr",
                note="a program's output, quoted as it prints it"),
        Example("La page se charge.\n\n{/*FIXME: this does not appear to actually work, precedence is not implemented "
                "yet in the server renderer */}\n", path="a.md", language="fr", note="an MDX comment is never shown"),
        Example("La page se charge.\n\n{/*FIXME: this does not appear to actually work -- I guess precedence is not "
                "implemented yet*/}\n\nLa suite.\n", path="a.md", language="fr"),
        Example("---\ntitle: Стили\n---\nimport Since from '~/components/Since.astro';\nimport PackageManagerTabs "
                "from '~/components/tabs/PackageManagerTabs.astro';\nimport ReadMore from '~/components/ReadMore.astro';"
                "\n\nAstro был разработан, чтобы упростить "
                "стилизацию и написание CSS.\n", path="a.md", language="ru", note="an MDX page's imports"),
        Example("In scenari di stress test, Vue supera React e Angular con un margine significativo.\n", language="it"),
        Example("Le guide est publié sous le titre The Rust Programming Language et traduit par la communauté.\n",
                language="fr", note="a title in the sentence: too few common words after its capital"),
        Example("Die erste Skizze des Werkzeugs entstand als kleines Experiment mit dem Namen quick prototype that "
                "serves the files over native modules.\n", language="de",
                note="German capitalizes its nouns: a capital after a lower-case word is no seam"),
        Example("Le serveur démarre et la console affiche la bannière habituelle ; the port is printed below.\n",
                language="fr", note="a clause too short to judge"),
        Example("Componenti integrati come `<button>` supportano solo eventi integrati del browser come `onClick`. "
                "Tuttavia, è possibile creare i propri componenti.\n", path="a.md", language="it",
                note="CLD2 calls the first sentence English; it has no English word but its nouns"),
        Example("Antes de Vite 6, solo estaban disponibles dos entornos: el cliente y el servidor.\n",
                language="es", note="CLD2 alone calls the first sentence English; the page's language is its prior"),
        Example("## 详细变更\n\n- [[#1103](https://github.com/cloudwego/kitex/pull/1103)] fix: reset all fields of "
                "netpoll byte buffer when recycle it\n- [[#1104](https://github.com/cloudwego/kitex/pull/1104)] fix: "
                "move limiter handler to the last of the inbound handler to get rpcinfo\n", path="a.md", language="zh",
                note="release notes cite the pull requests' titles as written (cloudwego's Chinese pages)"),
        Example("### 修复\n\n[#1126] fix(generic): the issue of structs cache of generic call has dirty data under "
                "multiple services\n[#1169] fix(tool): empty struct generate wrong struct when the file is large\n",
                path="a.md", language="zh", note="entries as lines of one paragraph"),
        Example("Correções desta versão:\n\n- Fix the retry logic so that it does not loop forever when the "
                "server is down (#1066)\n", path="a.md", language="pt", note="the number at the end"),
        Example("## 新功能\n\n* fix(retry): shallow copy response to avoid data race by @jayantxie in "
                "[#1799](https://github.com/cloudwego/kitex/pull/1799) | [#1814](https://github.com/cloudwego/kitex/"
                "pull/1814)\n", path="a.md", language="zh", note="GitHub's generated release notes"),
        Example("## 修复\n\n- fix(retry): shallow copy response to avoid data race when the request is retried #1799\n",
                path="a.md", language="zh", note="a Conventional Commits subject, its number at the end"),
        Example("Se o servidor recusar o pedido, reduza o tamanho do cabeçalho. Por exemplo, se o cookie for longo, "
                "elimine-o. Depois tente outra vez.\n", language="pt",
                note="CLD2 reads the middle sentence as English (`for`, `cookie`): «exemplo» is Portuguese (Vite's pt docs)"),
    )

    def check_findings(self, doc: Document, findings: Sequence[Finding],
                       ran: Callable[[str], bool]) -> Iterable[Finding]:
        # Read after the other rules: a catalogue entry whose translation is its whole source and that
        # B102 reported is left to B102 (one finding for the entry, not one per sentence); one B102 let
        # through (a shape it reads as code) or did not run for is still asked here.
        # (A catalogue left untranslated is one B102 finding, its other copies its related places.)
        copies = sorted(at for f in findings if f.code == "B102" for at in (f.start, *(r.start for r in f.related)))
        if doc.language_from == "default":
            return  # the language is a guess (no file hint, no config, detection unsure): nothing to compare
        lang = primary(doc.language)
        if lang not in cld2_codes():
            return  # a language the model does not know (Asturian, Sardinian): it reads it as a neighbour's
        min_words = self.opts.min_words
        confidence = self.opts.confidence
        min_chars = min_words * 3
        # The model reads only the paragraphs where another language's common words (or, in CJK text,
        # a run of Latin words) appear: a cost bound found in C; the model then decides.
        gate = _LATIN_RUN if lang in _CJK_LANGUAGES else foreign_words_gate(doc.language)
        if gate is None:
            return
        if gate is not _LATIN_RUN and not holds_token(doc, foreign_words(doc.language)):
            return  # none of the gate's words stands alone anywhere: its scan would find nothing
        for seg in doc.segments_matching(gate):
            if len(seg.text) < min_chars or seg.kind in _SKIPPED_KINDS or is_module_code(seg.text):
                continue  # too short, someone's words, or code (an MDX page's imports read as Markdown)
            yield from self._segment(doc, seg, lang, min_words, confidence, gate, copies)

    def _segment(self, doc: Document, seg: Segment, lang: str, min_words: int, confidence: int,
                 gate: re.Pattern[str], copies: list[int]) -> Iterator[Finding]:
        text = _quotes_blanked(_without_cited_entries(seg.text) if "#" in seg.text else seg.text)
        if _words(text) < min_words:
            return
        source = _source_words(seg)
        if source is not None and copied(seg, doc) and _reported_within(copies, seg):
            return  # the whole source copied, and B102 reported the entry: once is enough
        if source is not None and copied(seg, doc) and cites_a_publication(seg.text):
            return  # a bibliographic reference copied as it was published (B102 leaves it too)
        if _a_reference(seg):
            return  # a reference to a publication, its title in the cited work's language
        case = (pack(doc.language) or {}).get("sentence-case")
        # Whether the page's capitals open only sentences and names: a capital after a lower-case word is
        # then a seam, where the span may start. Its pack says so; without one, every language that writes
        # capitals does but those that capitalize every noun (German's kin): a Czech, Turkish, Romanian or
        # Vietnamese page needs no pack for an English sentence glued to its text to be found.
        capitals = case if case is not None else not capitalizes_nouns(lang)
        spans = _LATIN_SPAN if lang in _CJK_LANGUAGES else _SENTENCE
        for start_at, sentence in _sentences(spans, text, min_words):
            # (Not the paragraph at once: CLD2 folds one English sentence into a French paragraph.)
            if ("{/*" in sentence or "*/}" in sentence or text.rfind("{/*", 0, start_at) > text.rfind("*/}", 0, start_at)
                    or text.startswith("{/")):
                continue  # an MDX comment, never shown (its asterisks may have been read as emphasis: `{/FIXME…/}`)
            for at, piece, other in self._foreign_parts(start_at, sentence, lang, min_words, confidence, gate,
                                                        source, lang not in _CJK_LANGUAGES, capitals):
                start, end = self._seamed(start_at, sentence, at, piece, lang, other, confidence, source, capitals)
                if in_program_output(doc, seg, start):
                    continue  # what a program prints, quoted as it prints it
                if _glossed(seg, start, end, lang, other):
                    continue  # the source's term, kept before the translation of it
                where = NAMES.get(lang, lang)
                yield self.finding(seg, start, end, f"Sentence in {NAMES[other]}, but the document is in {where} "
                                                    f"(left untranslated?)")

    def _foreign_parts(self, start_at: int, sentence: str, lang: str, min_words: int, confidence: int,
                       gate: re.Pattern[str], source: frozenset[str] | None,
                       latin: bool, capitals: bool) -> Iterator[tuple[int, str, str]]:
        """(offset, text, language) for the sentence, or the parts of it, written in another language than
        ``lang``. Where the whole reads as the page's language, its clauses (after `;` or ` -- `) are
        asked, and in each clause the text after a seam (`… em laboratório We’re no longer …`): a
        sentence glued to the page's text with no mark between (in a language that writes sentence case)."""
        if latin and gate.search(sentence) is None:
            return  # no other language's word in it: neither the sentence nor a part of it is asked
        words = _words(sentence)
        if words < min_words:
            return
        other = self._other_language(sentence, lang, confidence, source)
        if other is not None:
            yield start_at, sentence, other
            return
        if not latin or words < 2 * min_words:
            return  # (a part must hold min_words common words, and the page's text before it some)
        clauses = ([(at, clause) for at, clause in _sentences(_CLAUSE, sentence, min_words)]
                   if _CLAUSE_MARK.search(sentence) else [(0, sentence)])
        for at, clause in clauses:
            if len(clauses) > 1 and gate.search(clause) is not None and _words(clause) >= min_words:
                other = self._other_language(clause, lang, confidence, source)
                if other is not None:
                    yield start_at + at, clause, other
                    continue
            cuts = _seams(clause, None if capitals else foreign_words(lang))
            if not cuts:
                continue
            # Where the clause's common words and the other languages' words stand, found once: a tail's
            # counts are then looked up, not found again for each seam (a name is a seam too).
            words_at = [m.start() for m in _WORD.finditer(clause)]
            cjk_at = [m.start() for m in _CJK.finditer(clause)]
            foreign_at = [m.start() for m in gate.finditer(clause)]  # (the foreign-words gate: a Latin page)
            page_words = own_words(lang)
            own_at = [m.start() for m in _LETTERS.finditer(clause) if m.group().lower() in page_words]
            for cut in cuts:
                if (len(words_at) - bisect_left(words_at, cut)) + (len(cjk_at) - bisect_left(cjk_at, cut)) // 2 < min_words:
                    break  # later tails are shorter still
                if not foreign_at or foreign_at[-1] < cut:
                    break  # no other language's word from here on
                own = len(own_at) - bisect_left(own_at, cut)
                if own >= 2 and len(foreign_at) - bisect_left(foreign_at, cut) < 2 * own:
                    continue  # the page's own small words outnumber the others' there: the model would agree
                tail = clause[cut:]
                other = self._other_language(tail, lang, confidence, source)
                # (Where the page's language has no small words of its own to outnumber the other's (no
                # pack), two of the other's, not one: a tail is a guess at a sentence's start, and the page's
                # text from a name on may hold one of them, which CLD2 then follows: Romanian `Macedonia,
                # care are o rată de șomaj …`, English to it for `care are`.)
                if other is not None and (page_words or not pack(other) or own_words_count(tail, other, lang) >= 2):
                    if not _page_resumes(tail, gate, lang, other):
                        yield start_at + at + cut, tail, other
                    break  # (a later seam's tail ends as this one does: the page's words again)

    def _seamed(self, start_at: int, sentence: str, at: int, piece: str, lang: str, other: str, confidence: int,
                source: frozenset[str] | None, capitals: bool) -> tuple[int, int]:
        """The span (segment offsets) of ``piece``, found at ``at`` in ``sentence`` (which starts at
        ``start_at``), that is written in ``other``: from the seam where the language changes (``_seam_cut``),
        not from where the sentence, the clause or the first capital after a lower-case word happens to start.
        A sentence glued to the page's text with no full stop between (`… na części terytorium Meksyku Before
        we do that, …`) reads as the other language whole; the underline, or a suppression by span, would
        otherwise land on the page's words. ``capitals``: whether the page's capitals open only sentences and
        names (not German's nouns)."""
        at -= start_at
        start, end = at + len(piece) - len(piece.lstrip()), at + len(piece.rstrip())
        if lang in _CJK_LANGUAGES:
            return start + start_at, end + start_at  # (a CJK page's run of Latin words: its span is the run already)
        return start_at + self._seam_cut(sentence[:end], start, lang, other, confidence, source, capitals), start_at + end

    def _seam_cut(self, text: str, start: int, lang: str, other: str, confidence: int,
                  source: frozenset[str] | None, capitals: bool) -> int:
        """Where in ``text`` (a sentence up to a flagged piece's end) the other language's run starts: the
        latest seam after ``start`` (the piece's) and at or before the other language's first own small word
        where the text since the seam before it shows the page's language and the rest still reads as
        ``other`` (a run of names between, `serwer Microsoft Visual Studio Code is …`, belongs to the run);
        or that small word itself where it has a capital (it opens a sentence: `… terytorium Meksyku Before
        we do that …`, where a name may end the page's sentence as well as open the other's). Without
        ``capitals`` (German), a capital is no seam but at that small word. ``start`` where none does."""
        theirs = own_words(other) - own_words(lang)
        if not theirs:
            return start  # (no small words of the other language to bound the page's text by)
        first = next((m.start() for m in _LETTERS.finditer(text, start) if m.group().lower() in theirs), len(text))
        found = [m.end() for m in _CUT.finditer(text, start + 1, first + 1)]
        if not capitals:  # (`der Präsident such as …`: a noun's capital, not the other language's)
            found = [c for c in found if c == first or not (text[c].isupper() and text[c - 1].isspace())]
        cuts = [start, *found][-_MOST_CUTS:]
        opener = first < len(text) and text[first].isupper() and not _reads_as(text[start:first], other)
        for before, cut in reversed(list(pairwise(cuts))):
            if _words(text[cut:]) < 3 or not ((opener and cut == first) or _shows(text[before:cut], lang, other)):
                continue
            if self._other_language(text[cut:], lang, confidence, source) == other:
                return cut
        return start

    def _other_language(self, sentence: str, lang: str, confidence: int,
                        source: frozenset[str] | None) -> str | None:
        """The language ``sentence`` is written in where it is reliably another than ``lang`` (the
        document's), else None. Asked of text the gate opens (in a Latin-script page) with min_words
        common words: the callers count them."""
        # (Its names left out, but in German, whose capitals are its nouns: `Autorin des Buches`.)
        found = identify(sentence if capitalizes_nouns(lang) else _without_names(sentence), lang)
        other = primary(found.language)
        if (not found.reliable or found.percent < confidence or other not in NAMES
                or _siblings(other, lang)):
            return None
        own_here = own_words_count(sentence, lang, other)
        if own_here >= 2 and own_words_count(sentence, other, lang) < 2 * own_here:
            return None  # two of the page language's own small words: it is the page's language after all
            # (unless the other's outnumber them twice: English `as`, `do` are Portuguese words too)
        if pack(other) and not own_words_count(sentence, other, lang):
            return None  # not one small word of the other language: CLD2 went by the technical nouns
        if source is not None and not _copied(sentence, source):
            return None  # a catalogue's sentence left untranslated is its source's words
        return other

"""T101 mid-sentence-capital: a function word capitalized inside a sentence (pasted title-cased link text)."""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left
from collections.abc import Iterator
from functools import lru_cache

from lint.language import names_a_work, own_words, pack, packs, primary
from lint.model import Applicability, Document, Finding, Segment, Severity
from lint.patterns import compiled_on_use
from lint.rule import Example, Rule

# Closed-class words that are capitalized only at a sentence start or in a title. Left out on purpose:
# "A" (a letter and grade: "got an A in"), "I", "May"/"Will"/"Can" (names, a month), "US", "It" stays
# (the seed shows "warning It is possible").
_ARTICLES = ("The", "An")
_PRONOUNS = ("It", "He", "She", "They", "We", "You", "Its", "Their", "His", "Our", "This", "That",
             "These", "Those", "There", "Which", "Who")
_AUXILIARIES = ("Is", "Are", "Was", "Were", "Has", "Have", "Had", "Does", "Did", "Would", "Could", "Should")
_PREPOSITIONS = ("On", "In", "Of", "At", "To", "For", "With", "By", "From", "Into", "Onto", "Over",
                 "Under", "About", "After", "Before", "Between", "During", "Against", "Through", "Without")
_CONJUNCTIONS = ("And", "But", "Or", "Nor", "So", "Than", "Because", "While", "Although")
_WORDS = _ARTICLES + _PRONOUNS + _AUXILIARIES + _PREPOSITIONS + _CONJUNCTIONS
_NOT_BEFORE_NAME = frozenset(_PREPOSITIONS + _CONJUNCTIONS + _AUXILIARIES)

# A lowercase word (or a comma after one) and one space, then the capitalized function word, then the
# next word. Line starts, sentence ends, colons, quotes and brackets never precede it.
_PATTERN = compiled_on_use(
    r"(?<=[a-z,] )(" + "|".join(_WORDS) + r")(?= +([A-Za-z][\w'’-]*)(?: +([A-Za-z][\w'’-]*))?)"
)
# Other languages with English-like sentence casing (French, Spanish, Italian, Portuguese, Dutch…)
# list their function words in their language pack; German capitalizes every noun and has none. A word
# of one ASCII letter (es `y`, `o`; it and pt `a`) is left out: as a capital it is as often a label (`el
# eje Y es`, `la opción A es`); one accented letter (it `è`, pt `é`) never is.
_PACK_WORDS = {primary(t): tuple(sorted({w.capitalize() for w in p["function-words"]
                                         if len(w) >= 2 or not w.isascii()}))
               for t, p in packs().items() if p.get("sentence-case") and p.get("function-words")}
_OTHER_WORDS = tuple(sorted({w for words in _PACK_WORDS.values() for w in words} - set(_WORDS)))
# Those words of one ASCII letter (es `y`, `o`), and the articles that make such a capital a label
# (`el eje Y es`, `la coordenada Y para`): read only between lower-case words, no article two words before.
_PACK_LETTERS = {primary(t): "".join(sorted({w.upper() for w in p["function-words"] if len(w) == 1 and w.isascii()}))
                 for t, p in packs().items() if p.get("sentence-case") and p.get("function-words")}
# English's common words (its pack's), less any a sentence-case language writes too: after a capitalized
# function word, one of them says an English name or title runs on (`désignée par Car of the Century
# awards`, `Il Divo`), kept as the source wrote it, not the language's own word pasted in title case.
_ENGLISH_WORDS = frozenset((packs().get("en") or {}).get("common-words") or ())
_NEXT_WORD = compiled_on_use(r" +([^\W\d_][\w'’-]*)")


def _english_runs_on(text: str, m: re.Match[str], own: frozenset[str]) -> bool:
    """Whether the two words after a capitalized function word are English's and not the language's own:
    an English name or title (`Car of the Century`). One such word is not enough: it may be the language's
    own that its pack does not list (French `dans Un but administratif`: `but`, a goal; Spanish `Que use
    Linux`), and a capitalized word after it proves nothing either (`Dat we Amsterdam`)."""
    word = m.group(2)
    if word not in _ENGLISH_WORDS or word in own:
        return False
    after = _NEXT_WORD.match(text, m.end(2))
    return after is not None and after.group(1) in _ENGLISH_WORDS and after.group(1) not in own


_PACK_ARTICLES = {primary(t): frozenset((p.get("articles") or []) + (p.get("contracted-articles") or [])
                                        + (p.get("determiners") or []))
                  for t, p in packs().items()}
# Those of them that are pronouns too (French `un`, `une`: `un des meilleurs`): an article after them is one.
_PRONOUN_ARTICLES = {primary(t): frozenset(p.get("pronoun-articles") or ()) for t, p in packs().items()}
# A preposition and an article the language joins (es `del`, it `del`/`dello`…), written apart before the
# article capitalized: the article opens a title or a name (`las ventas de El poder del ahora`, `le vendite
# de Il potere di adesso`, `o autor de Os Lusíadas`); and the conjunctions that join a second title to it
# (`de El poder del ahora y Una nueva tierra`).
_TITLE_PREPOSITIONS = {primary(t): frozenset(tuple(pair.split()) for pair in p["title-prepositions"])
                       for t, p in packs().items() if p.get("title-prepositions")}
_TITLE_ARTICLES = {language: frozenset(article for _, article in pairs) for language, pairs in _TITLE_PREPOSITIONS.items()}
_TITLE_CONJUNCTIONS = {primary(t): frozenset(p.get("conjunctions") or ()) for t, p in packs().items()}
# Nouns that name a creative work (es `libro`, fr `album`), and the articles, not contracted, that open a title
# after one (`su libro Las flores del bien`, `les albums Un homme nature`): the work's title, in sentence case.
_WORK_NOUNS = {primary(t): frozenset(p["work-nouns"]) for t, p in packs().items() if p.get("work-nouns")}
# Nouns that name a group (es `banda`, `grupo`, `orquesta`: the pack's `group-nouns`): an article right after one
# opens the group's name as after a work's noun its title (`desmanteló la banda Los laguneros`, `el grupo Los
# Panchos`), where the name is set off (``_SET_OFF``; not after a year: ``_work_of_year``).
_GROUP_NOUNS = {language: frozenset((pack(language) or {}).get("group-nouns") or ()) for language in _WORK_NOUNS}
# A name or title set off as an apposition: after its article at most four words, then a comma, a stop or a
# bracket (`la banda Los laguneros, dedicada`, `la orquesta La sonora de la ciudad.`). After a group's noun or a
# work's year (not after a work's noun alone) the name must be set off so: a slip that starts a clause runs on
# (`el grupo La mayoría de los asistentes aplaudió`, `el libro de 2020, Los mejores libros se venden solos`).
# After a year, set off by a comma as the year is, or by a subtitle's colon (`su libro de 1974, El análisis del
# marco: Un ensayo`): not by a stop (`son livre de 1974, Le prix a augmenté.`).
_SET_OFF = compiled_on_use(r"(?:\s+[^\W\d_][\w'’-]*){1,4}\s*([,;:.!?)])")
# A work's noun, `de`, a year and a comma before the article: the year the work came out, then its title
# (`su libro de 1974, El análisis del marco`; fr `son album de 1974, Un homme`, pt `o livro de 1974, O ano`).
_WORK_OF_YEAR = compiled_on_use(r"(?<![\w'’-])([^\W\d_][\w'’-]*) +de +(?:1[0-9]|20)[0-9]{2}, +$")
_WORK_TITLE_ARTICLES = {primary(t): frozenset(p.get("articles") or ()) | _TITLE_ARTICLES.get(primary(t), frozenset())
                        for t, p in packs().items() if primary(t) in _WORK_NOUNS}


def _work_of_year(text: str, start: int, nouns: frozenset[str]) -> bool:
    """Whether a work's noun, `de` and a year (``_WORK_OF_YEAR``) stand right before ``start``: `su libro de
    1974, El análisis del marco`."""
    m = _WORK_OF_YEAR.search(text, max(0, start - 60), start)
    return m is not None and names_a_work(m.group(1).lower(), nouns)


def _set_off_name(text: str, start: int, end: int, previous: re.Match[str] | None, language: str) -> bool:
    """Whether the article at ``start``-``end`` opens a group's name after its noun (the pack's `group-nouns`) or
    a work's title after its noun and year (``_work_of_year``), set off as an apposition (``_SET_OFF``): `la banda
    Los laguneros, dedicada`, `su libro de 1974, El análisis del marco, y`."""
    closed = _SET_OFF.match(text, end)
    if closed is None:
        return False
    if previous is not None and names_a_work(previous.group(1), _GROUP_NOUNS[language]):
        return True
    return closed.group(1) in ",;:)" and _work_of_year(text, start, _WORK_NOUNS[language])


def _plural(article: str) -> bool:
    """Whether an article or determiner of es or fr (the packs that list theirs) is plural: all end in -s or -x
    (`los`, `las`, `estos`; `les`, `des`, `aux`) and no singular one does. A plural one names no thing after
    another article (`la Une`, `al Este` do; `la Les meilleures offres`, `el Los mejores` are pasted)."""
    return article.endswith(("s", "x"))


# The words of a title after its article, up to a mark that ends it (a title holds none of these).
_TITLE_RUN = compiled_on_use(r"[^,.;:!?()«»\"“”\[\]\n]*")


def _title_cased(text: str, end: int, language: str) -> bool:
    """Whether the words after the article that ends at ``end`` hold a function word capitalized as title case
    writes it, after a capitalized word, or before a lowercase one where it is no article (`Los mejores Consejos
    De la semana`, `Les meilleurs Moments Du Festival`, `Un paseo Por la ciudad`): a pasted title-cased anchor,
    where a title in sentence case keeps them lower case (`Las flores del bien`), capitalizes a name's article
    (`Un verano en La Habana`) or is followed by a second title (`Las flores del bien y La casa verde`). The
    words are read up to a mark that ends the title or a lowercase article (`I promessi sposi e il libro Il nome
    della rosa`)."""
    run = _TITLE_RUN.match(text, end)
    words = _WORD.findall(text, end, run.end() if run else end)
    articles = _WORK_TITLE_ARTICLES.get(language, frozenset())
    capitals = _PACK_WORDS[language]
    for i, word in enumerate(words):
        if word in articles:
            return False
        if word in capitals and (
                (i > 0 and words[i - 1][0].isupper())
                or (i + 1 < len(words) and words[i + 1][0].islower() and word.lower() not in articles)):
            return True  # (an article before a lowercase word opens a second title: `y La casa verde`)
    return False
_SENTENCE_BREAK = compiled_on_use(r"[.!?;:]\s")
_WORD = compiled_on_use(r"[^\W\d_]+")


def _first_conjunction_after(text: str, opened: int, at: int, conjunctions: frozenset[str]) -> bool:
    """No conjunction stands between a title's opening and the one at ``at``: `de El nombre de la rosa y
    Una historia` joins two titles, `de El nombre de la rosa y compró pan y La leche` has gone on past the
    first into the sentence's own words."""
    return not any(w.group() in conjunctions for w in _WORD.finditer(text, opened, at))


# A noun that names several works (the plural of one of the pack's `work-nouns`) and the capitalized word after it:
# the first of the titles it names (`sus películas Guía del autoestopista galáctico y El hijo de Rambow`); and the
# word after that one, if any (a title in sentence case goes on in lower case: `Guía del`).
_PLURAL_WORKS_TITLE = compiled_on_use(r"(?<![\w'’-])([^\W\d_]+s) +(?=[^\W\d_a-zà-öø-ÿ][^\W\d_]*(?: +([^\W\d_]+))?)")
# A clause that opens with a function word and one more before the noun: a fronted phrase (`En sus novelas`,
# `Em seus livros`), after which the clause's subject comes, not a title (`En sus novelas García Márquez retrata`);
# not where that word is an article, a determiner or a conjunction (`Las dos películas Guía…`, `Y sus películas…`).
_FRONTED = compiled_on_use(r"(?:^|[.!?;:,]\s+)[\"'«“¿¡(]*([^\W\d_]+) +[^\W\d_]+ +$")


def _names_titles(text: str, m: re.Match[str], language: str) -> bool:
    """Whether the plural noun that ``m`` (``_PLURAL_WORKS_TITLE``) found names the works whose titles follow it:
    written in lower case (not `Obras Sanitarias`), before a capitalized word that a lowercase one follows, or
    none (a title in sentence case, `Guía del`; not a name, `Juan Luis Guerra`, `Jorge Amado`), and not the
    end of a fronted phrase (``_FRONTED``) whose clause the capitalized word's subject opens."""
    following = m.group(2)
    if not m.group(1)[0].islower() or (following is not None and not following[0].islower()):
        return False
    fronted = _FRONTED.search(text, max(0, m.start(1) - 60), m.start(1))
    if fronted is None:
        return True
    opener = fronted.group(1).lower()
    return (opener.capitalize() not in _PACK_WORDS.get(language, ()) or opener in _PACK_ARTICLES.get(language, ())
            or opener in _TITLE_CONJUNCTIONS.get(language, ()))  # the clause's subject: `Las dos películas Guía…`


def _title_opened_before(text: str, start: int, titles: list[int], language: str) -> int | None:
    """Where the last title opened before ``start`` in ``text``: an article that opened one (``titles``), or the
    first word after a plural noun that names works (``_PLURAL_WORKS_TITLE``, ``_names_titles``: `sus películas
    Guía del autoestopista galáctico`, a title that opens with no article)."""
    opened = titles[-1] if titles else None
    nouns = _WORK_NOUNS.get(language, frozenset())
    for m in _PLURAL_WORKS_TITLE.finditer(text, max(0, start - 80), start):
        word = m.group(1).lower()
        if word[:-1] in nouns and (opened is None or m.end() > opened) and _names_titles(text, m, language):
            opened = m.end()
    return opened


_LOWER_BEFORE = "[a-zà-öø-ÿœ,]"
# The two words before a match: two capitalized words that are not function words make a name that the
# function word ends (Kim Jong Un, Baton Rouge Este), not pasted title case (Les Utilisateurs De la…).
# The article `A` capitalized (`dominating in A life-or-death struggle`), read only where the words around
# make it the article: after a preposition, a verb of being, a conjunction or a verb's -ing or -ed form
# (`signing A contract`), before a lower-case word
# that is no function word (`from A to Z`, `between A and B`) nor one that a letter names (`in A major`,
# `has A levels`); `an A in physics`, `plan A`, `vitamin A` are letters.
_ARTICLE_A = compiled_on_use(
    r"\b(?!(?:an|the|a|this|each|every|its|their|his|her|our|my|your|vitamin|type|plan|class|grade|group|hepatitis|exhibit|section|part|option|category|model|series|"
    r"level|tier|division|block|building|wing|zone|phase|step|figure|table|appendix|annex|schedule|form|note|row|"
    r"column|line|track|key|point|team|unit|variant|version|size|channel|list|player|person|company|case|"
    r"scenario|method|approach|solution|box|room|gate|terminal|hall|platform|site|sample|batch|strain|allele|"
    r"blood|protein|subunit|size|paper|drive|side|string|letter|rank|rating|rated|league|division)\b)"
    r"(?:(?<![\w'’-])(?:[Ii]t|[Tt]hat|[Tt]here|[Hh]ere|[Ww]hat|[Hh]e|[Ss]he|[Ww]ho)['’]s|[a-z]{2,}"
    r"|(?<![\w'’-])(?:At|In|On|For|With|From|By|After|Before|During|As)) "
    r"(A)(?= +(?!(?:to|and|or|nor|through|thru|in|on|of|at|by|is|was|are|were|be|as|major|minor|flat|sharp|"
    r"levels?|list|grade|grades|team|side|plus|minus|class|type|rating|string|student|students|again|has|had|have|"
    r"can|could|will|would|should|must|may|might|does|did|defined)\b)[a-z]{3,})"
)
# Another capital letter standing alone as a word in the document (`A can't know about B`, `if C raises an
# exception and A has returned`): the text names things by letters, and `A` is one of them. A letter with a
# point is an initial (`Vladimir V. Putin`), not such a name.
_OPENING_MARKS = frozenset("`[(\"“‘'*_")
# A run of three or more capitalized words inside a sentence in which a short function word is capitalized
# too (`events Taking Place At Various venues`): "start case", every word capitalized, as link anchors and
# page titles are pasted. Titles and names in running text keep such words lower case (`The Lord of the
# Rings`, `Bank of England`); longer prepositions (`Campaign Against Antisemitism`) and the letter `A`
# (`John A Meinel`, `Serie A`) may be capitalized in them and are not counted.
_START_CASE_RUN = compiled_on_use(
    r"(?<![\w'’-])(?:[a-z0-9][\w'’-]*|[^\s`\ufffc]+,|[A-Z][\w-]*['’]s) ((?:[A-Z][\w'’-]* ){2,}[A-Z][\w'’-]*)"
    r"(?= ([a-z][\w'’-]*)(?: +(\S+))?(?: +(\S+))?)")
# A quotation opened mid-sentence (`said, "These Are Tough Times with…`): its first word is capitalized as a
# sentence's; a run of capitals after it is start case, unless the quotation closes before a sentence
# ends (a title quoted whole: `“When You Have More Information Than the Compiler” in chapter 9`).
_QUOTED_RUN = compiled_on_use(
    r"(?<=[\s,:(])([“\"‘])[A-Z][\w'’-]* ((?:[A-Z][\w'’-]* )+[A-Z][\w'’-]*)"
    r"(?= ([a-z][\w'’-]*)(?: +(\S+))?(?: +(\S+))?)")
_CLOSING = {"“": compiled_on_use("”"), '"': compiled_on_use('"'), "‘": compiled_on_use(r"’(?![\w])")}
_SENTENCE_END = compiled_on_use(r"[.!?]")
_SHORT_FUNCTION_WORDS = frozenset({"Of", "In", "At", "On", "To", "For", "And", "The", "By", "Or", "An", "Nor", "As"})
# A preposition or conjunction opening such a run after a lower-case word (`ordered To Be Shut down`) starts
# no name, and a cited title would be set apart (quoted, linked, emphasized).
_RUN_OPENERS = frozenset({"Of", "In", "At", "On", "To", "For", "And", "By", "Or", "Nor", "As", "With", "From", "Into"})
# Words that make a clause, not a name. Names of organizations, places and people are made of nouns and
# adjectives; a run that holds a verb of being or having, a modal, a pronoun or a relative is a sentence
# pasted in title case (`Nagoya Announced That It Was Confirmed`, `naval mariners Have Been Admirably
# Performing`, `the suspect, Who Had Lived Together With the…`). `May`, `Will` and `Can` are names too
# (Theresa May, Will Smith) and are not counted; `Can` and `Will` only past a run's first word (`Dense Rain
# Clouds Can be`, `the arranged Umbrellas Will Feature Illustrations`).
_VERBS = frozenset({"Is", "Are", "Was", "Were", "Be", "Been", "Being", "Has", "Have", "Had", "Does", "Did",
                    "Would", "Could", "Should", "Might", "Must"})
_PRONOUNS_ANYWHERE = frozenset({"It", "He", "She", "They", "We", "You", "Who", "Whom", "Whose", "Which", "When",
                                "Where"})
# Possessives, prepositions and particles count only after a run's first word: a possessive opens an
# honorific (`His Holiness Pope Francis`), a particle follows a verb (`to Light Up Paper Lanterns`).
_AFTER_FIRST = frozenset({"That", "His", "Its", "Their", "Our", "With", "From", "Into", "Onto", "About", "Since",
                          "Until", "Among", "Via", "After", "Before", "During", "Between", "Towards", "Toward",
                          "Per", "Up", "Down", "Off", "Out", "Ago", "Than", "Can", "Cannot", "Shall", "While",
                          "Because", "Although", "Though", "Whether", "Will", "Do", "Not", "Also"})
# `This`, `These`, `Those` are left out: organizations are named with them (`the executive director of
# Beyond These Walls in Washington state`, WMT24 English news).
# Prepositions that open no name after a lower-case word, as `_RUN_OPENERS` (`are Among People Aged from`).
_OPENING_PREPOSITIONS = frozenset({"Among", "During", "Upon", "Via"})
_RUN_TRIGGER_WORDS = tuple(sorted((_VERBS | _PRONOUNS_ANYWHERE | _AFTER_FIRST | _OPENING_PREPOSITIONS)
                                  - set(_WORDS)))
# Title case carries on past a small lower-case word (`We Were Young in Those Years`, `IP You Seems to Be
# Tasty`): the run is part of a title that keeps its small words lower case, cited in running text.
_TITLE_SMALL = frozenset({"a", "an", "the", "and", "but", "or", "nor", "for", "so", "yet", "as", "at", "by", "in",
                          "of", "off", "on", "per", "to", "up", "via", "vs", "with", "from", "into", "onto",
                          "over", "than", "upon", "out"})
_OTHER_LETTER = compiled_on_use(r"(?<![\w.'’-])[B-HJ-Z](?![\w.'’-])")
# A capitalized word before a letter, the word not opening a sentence: the letter ends a name (`DAVA M`,
# `Malcolm X`, `Generation Z`) and names nothing on its own.
_NAME_BEFORE_LETTER = compiled_on_use(r"(?:[^\s.!?:;] +|\()[A-Z][\w'’-]* +$")


@lru_cache(maxsize=2)
def _letter_names_a_thing(text: str) -> bool:
    """Another capital letter stands alone as a word in ``text``, not as the end of a name (read once per
    document, not once per `A`)."""
    return any(_NAME_BEFORE_LETTER.search(text, max(0, m.start() - 60), m.start()) is None
               for m in _OTHER_LETTER.finditer(text))


@lru_cache(maxsize=4)
def _letter_between(letters: str) -> re.Pattern[str]:
    """One of ``letters`` alone between a lower-case word of three letters or more and one of two or more,
    with the word before that (group 1, empty at a sentence's start)."""
    return compiled_on_use(rf"(?:(?<![\w'’-])([^\W\d_]+) +|(?<![\w'’-]))[a-zà-öø-ÿ]{{3,}} +([{letters}]) +(?=[a-zà-öø-ÿ]{{2}})")


@lru_cache(maxsize=2)
def _letter_labels(text: str, letters: str) -> bool:
    """A capital letter stands alone as a word mid-sentence in ``text`` other than as a one-letter function
    word between lower-case words: the text names things by letters (`los ejes X e Y`, `la opción B`)."""
    for m in _LETTER_MID.finditer(text):
        if m.group(1) in letters and _LOWER_WORD_AFTER.match(text, m.end()):
            continue
        return True
    return False


# A capital letter alone after a lower-case word (or a comma), mid-sentence.
_LETTER_MID = compiled_on_use(r"(?<=[a-zà-öø-ÿ,] )([A-Z])(?![\w.'’-])")
_LOWER_WORD_AFTER = compiled_on_use(r" +[a-zà-öø-ÿ]{2}")


# A capitalized run the page writes this often, word for word, mid-sentence after as many different words,
# is a name as its owner styles it.
_NAME_REPEATS = 3


def _styled_name(doc: Document, seg_text: str, start: int, word: str, next_word: str) -> bool:
    """Whether the page writes ``word`` (capitalized, at ``start`` of ``seg_text``) as a name's styling:
    the pair it makes with the word after it (`About page`, `The npm Registry`) or with the lower-case word
    before it (`pagina Su`, `página Sobre`) stands mid-sentence in ``_NAME_REPEATS`` different contexts,
    and never in lower case (`in the` is everywhere on a page that glues `rule In the 20th century`)."""
    before = _WORD_BEFORE.search(seg_text, max(0, start - 40), start)
    return _styled_pair(doc, f"{word} {next_word}") or (
        before is not None and before.group(1)[0].islower() and before.group(1) != word.lower()
        and _styled_pair(doc, f"{before.group(1)} {word}"))  # `the The`, however often, is a slip


def _styled_pair(doc: Document, run: str) -> bool:
    """``_styled_name``'s answer for one pair, once per page (a page of one sentence repeated asks it for
    each copy, and each answer reads every copy)."""
    memo: dict[str, bool] = doc.memo.setdefault("T101-styled-pairs", {})
    if run not in memo:
        lower = run.lower()
        memo[run] = (re.search(rf"(?<!\w){re.escape(lower)}(?!\w)", doc.text) is None
                     and _in_contexts(doc.text, run))
    return memo[run]


def _in_contexts(text: str, run: str) -> bool:
    """Whether ``text`` writes ``run`` after a lower-case word in ``_NAME_REPEATS`` different contexts (the
    two words before it and what follows it: `your About page,`, `an About page with`, `styled About page
    is`): a style, where one sentence repeated (a corpus row per rater's note, a pasted paragraph) repeats
    the same slip in the same words, and a sentence's start capitalizes any run."""
    contexts: set[tuple[str, str, str]] = set()
    at = text.find(run)
    while at >= 0 and len(contexts) < _NAME_REPEATS:
        m = _WORDS_BEFORE_RUN.search(text, max(0, at - 60), at)
        if m is not None:
            end = at + len(run)
            contexts.add((m.group(1) or "", m.group(2), text[end:end + 12]))
        at = text.find(run, at + 1)
    return len(contexts) >= _NAME_REPEATS


_WORDS_BEFORE_RUN = compiled_on_use(r"(?:([\w'’-]+),? +)?\b([a-z][\w'’-]*),? $")
_WORD_BEFORE = compiled_on_use(r"([^\W\d_][\w'’-]*) +$")
_TWO_WORDS_BEFORE = compiled_on_use(r"([^\W\d_][\w'’-]*) +([^\W\d_][\w'’-]*) +$")
# A capitalized word, then a comma: in a language that writes titles in sentence case, what follows is a
# cited work's title (`Karl Laske, Des coffres si bien garnis`), as references list them.
_AFTER_NAME_AND_COMMA = compiled_on_use(r"(?<![\w'’-])[A-ZÀ-ÖØ-Þ][\w'’.-]*, $")
# Two items of a list before it, each opening with a capital after a comma or a colon (`sus canciones:
# Suspiros de Triana, La canción que tú cantabas, El sabor de la gloria`): a list of titles or names, each
# written in sentence case, and the next item opens with its capital too. One such item is not enough: a
# clause after a comma may open with a name (`En 2006, Juan compró una casa, La…`).
_AFTER_CAPITALIZED_ITEMS = compiled_on_use(
    r"[,:] [A-ZÀ-ÖØ-Þ][^,.;:!?()«»\"“”\n]*, [A-ZÀ-ÖØ-Þ][^,.;:!?()«»\"“”\n]*, $")


def _word_led(words: tuple[str, ...], before: str) -> list[str]:
    """Branches for ``words``, each word first, then the lowercase letter or comma and the space before
    it by lookbehind: every branch starting with a literal lets the regex engine skip to the words'
    first letters, three times faster than stopping at every space. Words of one first letter share a
    branch, its lookbehind asserted right after that letter (`T(?<=[a-z,] T)(?:he|wo|his)`): one
    lookbehind per letter to compile, tried before any of the words, the same matches."""
    groups: dict[str, list[str]] = {}
    for w in words:
        groups.setdefault(w[0], []).append(w[1:])
    return [f"{re.escape(first)}(?<={before} {re.escape(first)})(?:{'|'.join(rests)})"
            for first, rests in groups.items()]


_LETTERS = sorted(set("".join(_PACK_LETTERS.values())) - {"A"})
_TRIGGER = "(?:" + "|".join([*_word_led(_WORDS, "[a-z,]"), *_word_led(_OTHER_WORDS, _LOWER_BEFORE),
                              r"A(?<=[a-z] A)", *(f"{c}(?<={_LOWER_BEFORE} {c})" for c in _LETTERS),
                              *_word_led(_RUN_TRIGGER_WORDS, r"[\w'’-]")]) + r") +[^\W\d_]"
# The scan that gates the rule (``Rule.trigger``), for the same segments: every branch of _TRIGGER asserts
# a space right before its capital, so it is asked from that space, a literal the regex engine skips to
# in C, and only where a branch's first letter follows it. The branches' literal first letters alone
# made the engine stop at every character of the prose (7 ns a character, the costliest of all triggers).
_FIRST_LETTERS = "".join(sorted({w[0] for w in (*_WORDS, *_OTHER_WORDS, *_RUN_TRIGGER_WORDS, "A", *_LETTERS)}))
# The capital is read as a class right after the space, not asserted (an assertion costs the engine more at
# each of the prose's spaces than the class), and the character before the space must be one that some
# branch's lookbehind allows: `[a-z,]`, `_LOWER_BEFORE` and `[\w'’-]` all lie in `[\w'’,-]`, which rules
# out the sentence starts (`. The`) before the branches are tried. The match still opens at the space.
_FIRST_CLASS = f"[{re.escape(_FIRST_LETTERS)}]"
_GATE = f" {_FIRST_CLASS}(?<=[\\w'’,-] {_FIRST_CLASS})(?<=(?=(?:{_TRIGGER})){_FIRST_CLASS})"


@lru_cache(maxsize=16)
def _pattern_for(language: str) -> re.Pattern[str]:
    """A language's capitalized function word after a lowercase word, and the word after it."""
    words = "|".join(sorted(_PACK_WORDS[language], key=len, reverse=True))
    return re.compile(rf"(?<={_LOWER_BEFORE} )({words})(?= +([^\W\d_][\w'’-]*))")


# Pronouns that religious writing capitalizes for a deity, every time (`surround the deceased with His Holy
# Mercy, to welcome him in His vast paradise`): used so more than once in a paragraph, they are a style, where
# a pasted anchor leaves one.
_REVERENTIAL = frozenset({"He", "His"})


@lru_cache(maxsize=4)
def _reverential_uses(word: str) -> re.Pattern[str]:
    return compiled_on_use(rf"(?<=[\w,] ){word}\b")


def _clause_word(word: str) -> bool:
    """A verb of being or having, a modal, a subject pronoun or relative."""
    return word in _VERBS or word in _PRONOUNS_ANYWHERE


def _clause_run(text: str, m: re.Match[str]) -> bool:
    """A run of capitalized words (``_START_CASE_RUN``) that holds a clause's words: a sentence pasted in
    title case, not a name nor a title cited whole. An article right before it makes it a noun phrase,
    a name or a title used as one (`the Knights Who Say Ni project`, `a Do It Yourself solution`, `the
    This Is Us cast`), unless a small word follows it and the sentence goes on in lower case (`shot with a
    Rifle When He Was Sitting in his car`): a phrase named by a title goes on with a noun."""
    words = m.group(1).split(" ")
    if not (words[0] in _OPENING_PREPOSITIONS or _clause_word(words[0])
            or any(_clause_word(w) or w in _AFTER_FIRST for w in words[1:])):
        return False
    if _title_goes_on(text, m.start(1), m):
        return False
    if words[-1] in _DANGLING or any(a in _VERBS and _VERB_FORM.fullmatch(b) for a, b in itertools.pairwise(words)):
        # A run broken off inside a phrase (`the Infant Entered His wife's ward`, `a Rifle When He Was shot`)
        # or holding a verb phrase (`the Businessman Is Fighting leukemia`): no name ends in a possessive,
        # an auxiliary or a preposition, nor holds a progressive or perfect, article or not.
        return True
    return (m.group(2) in _TITLE_SMALL or m.group(2) in _PREPOSITIONS_LOWER or _NO_NOUN.fullmatch(m.group(2)) is not None
            or _ARTICLE_BEFORE.search(text, max(0, m.start(1) - 5), m.start(1)) is None)


def _title_goes_on(text: str, start: int, m: re.Match[str]) -> bool:
    """The run at ``start`` is part of a longer title cited in running text: a small word then two words
    of title case follow it (`We Were Young in Those Years`, `IP You Seems to Be Tasty`; `Infected in June,
    and` is a sentence going on), or `of` and one capitalized word (`Doctor Who Society of Canada`), or a capitalized word and a small word that is no conjunction nor `of`
    come before it, no mark between them (`Focus on Running Our Own Affairs`; `Western Force and
    Brumbies`, `the Ministry of Emergency Situations` are names, `Alexander, a Passionate…` a sentence)."""
    if m.group(2) in _TITLE_SMALL and all(w and _TITLE_WORD.match(w) for w in (m.group(3), m.group(4))):
        return True
    if (m.group(2) == "of" and m.group(3) and _TITLE_WORD.match(m.group(3))
            and not any(w in _VERBS for w in m.group(1).split(" "))):
        return True  # a name that goes on with `of` and a place or a body: `Doctor Who Society of Canada`
        # (not a clause: `that He Was Proud of France`)
    before = text[max(0, start - 60):start].split()
    return (len(before) >= 2 and before[-1] in _TITLE_SMALL and before[-1] not in _NOT_IN_TITLES_ONLY
            and _TITLE_WORD.match(before[-2].lstrip("“‘\"'")) is not None and before[-2][-1:].isalpha())


_TITLE_WORD = compiled_on_use(r"[A-Z][a-z]")
_NOT_IN_TITLES_ONLY = frozenset({"and", "or", "nor", "but", "yet", "so", "of"})
def _ends_title_cased_run(text: str, end: int) -> bool:
    """The two words before ``end`` are capitalized: an article after them and before a lower-case word
    ends a run of title case (`Observation Since The first round`), where no name or title ends in `The`.
    After one capitalized word it may open a sentence whose full stop was lost (`Unauthorised The
    username…` in a table flattened to text)."""
    before = _TWO_WORDS_BEFORE.search(text, max(0, end - 80), end)
    return before is not None and all(w[0].isupper() for w in before.groups())


def _holds_flagged(flagged: list[int], start: int, end: int) -> bool:
    """Whether a word flagged on its own (``flagged``: their starts, in order) starts in [start, end)."""
    k = bisect_left(flagged, start)
    return k < len(flagged) and flagged[k] < end


# A title of a work quoted whole (AP style sets the titles of books, songs and shows in quotation marks):
# a quotation opened before a capital that closes, a dozen words or fewer on, before any sentence end.
_QUOTED_TITLE_WORDS = 12
_CLOSES = {"“": "”", '"': '"'}
# The words a title leaves in lower case (Chicago 8.159, AP: articles, coordinating conjunctions,
# prepositions), and the marks a word of it may carry.
_TITLE_SMALL_WORDS = frozenset("""
a an the and but or nor for so yet as at by in of off on onto out per to up via with from into over upon
about above across after against along among around before behind below beneath beside between beyond down
during inside near past through toward towards under until within without
""".split())
_TITLE_MARKS = ",;:!?'’\"“”()"


def _in_quoted_title(text: str, start: int, end: int) -> bool:
    """Whether the run ``text[start:end]`` lies inside a quotation that reads as a quoted title: its
    opening mark (`“`, or a straight `"` that opens, an odd one) follows the sentence's last end and comes
    before a capital, and its closing mark follows the run before any sentence end, the quotation holding
    ``_QUOTED_TITLE_WORDS`` words or fewer (`"The Girlfriend's Guide To Closing the Deal" shares…`)."""
    q = max(text.rfind("“", 0, start), text.rfind('"', 0, start))
    if q < 0 or not text[q + 1:q + 2].isupper() or _SENTENCE_END.search(text, q, start) is not None:
        return False
    mark = text[q]
    if mark == '"' and text.count('"', 0, q) % 2:
        return False  # a straight mark that closes a quotation
    if mark == "“" and "”" in text[q:start]:
        return False
    close = text.find(_CLOSES[mark], end)
    stop = _SENTENCE_END.search(text, end)
    if not (close >= 0 and (stop is None or close < stop.start())
            and len(text[q + 1:close].split()) <= _QUOTED_TITLE_WORDS):
        return False
    # A title is capitalized but for its small words (`Guide To Closing the Deal`); a quoted sentence
    # that ends in a comma before its speech tag is not (`"Residents were told to Read More About The
    # Flood Plan before leaving," officials said`).
    outside = (text[q + 1:start] + " " + text[end:close]).split()
    return all(not w[:1].islower() or w.strip(_TITLE_MARKS).lower() in _TITLE_SMALL_WORDS for w in outside)


class _NextFrom:
    """Where ``pattern`` is next found in ``text`` from a place, asked of places in order: a search is made
    again only past the place the last one found (a quotation never closed in a long paragraph was searched
    for to the paragraph's end from each run)."""

    def __init__(self, pattern: re.Pattern[str], text: str) -> None:
        self.pattern, self.text = pattern, text
        self.asked = -1
        self.found: int | None = None  # where the first match at or after ``asked`` starts

    def start_from(self, at: int) -> int | None:
        if self.asked < 0 or (self.found is not None and self.found < at):
            m = self.pattern.search(self.text, at)
            self.asked, self.found = at, None if m is None else m.start()
        return self.found


@lru_cache(maxsize=4)  # (asked for each word that could be flagged: the paragraph read once)
def _heading_line(text: str) -> bool:
    """One line, no mark at its end, more capitalized words than not: a heading kept as a paragraph of
    plain text (`HOWTO Fetch Internet Resources Using The urllib Package`), where a code name may follow
    a capitalized `The`."""
    words = text.split()
    return ("\n" not in text.strip() and text.rstrip()[-1:].isalnum()
            and sum(1 for w in words if w[:1].isupper()) * 2 > len(words))


@lru_cache(maxsize=4)  # (asked for each run: the paragraph read once)
def _reads_as_title(text: str) -> bool:
    """Title case throughout: more capitalized words than not, and no lower-case word but the small words
    titles keep lower case (a headline that stands as a paragraph of plain text)."""
    words = [w.strip(",;:()\"“”‘’'") for w in text.split()]
    words = [w for w in words if w[:1].isalpha()]
    capitals = sum(1 for w in words if w[0].isupper())
    return capitals * 2 > len(words) and all(w[0].isupper() or w in _TITLE_SMALL for w in words)


_PREPOSITIONS_LOWER = frozenset(w.lower() for w in _PREPOSITIONS) | {"across", "around", "behind", "beyond", "along",
                                                                     "toward", "towards", "within", "among"}
# A word no noun can be, after a run: an object pronoun, an adverb in -ly (`a Passionate Romance Began
# Between them`, `the Song Is Well clearly`). A title used as a name before a noun (`the This Is Us cast`)
# is followed by that noun.
_NO_NOUN = compiled_on_use(r"(?:them|him|her|it|us|me|you|themselves|himself|herself|itself|"
                           r"[a-z]{2,}(?:ous|ive|ful|ate|ent|ant|ing|ed|ar|ce|se|te)ly|[a-z]{3,}ally|[a-z]{2,}[ai]bly)")
# Words that leave a phrase open, so no name or title ends in them before a lower-case word: a
# possessive or article waits for its noun, an auxiliary for its verb, a preposition for its object.
# `May`, `Will` and `Can` end names (Theresa May), particles end titles (`Stand Up`): not counted.
_DANGLING = frozenset({"His", "Her", "Its", "Their", "Our", "My", "Your", "The", "An", "Is", "Are", "Was", "Were",
                       "Be", "Been", "Has", "Have", "Had", "Would", "Could", "Should", "Might", "Must", "Not",
                       "Does", "Did", "From", "With", "Into", "Onto", "About", "Of", "To", "For", "At", "By",
                       "And", "Or", "Nor", "Than"})
# A participle after an auxiliary (`Is Fighting`, `Was Confirmed`, `Have Been`).
_VERB_FORM = compiled_on_use(r"[A-Z][a-z]+(?:ing|ed)|Been|Being")
# An article right before a run makes it a noun phrase: a name or a title used as one.
_ARTICLE_BEFORE = compiled_on_use(r"(?<![\w'’-])(?:[Aa]n?|[Tt]he) +$")


class MidSentenceCapital(Rule):
    code = "T101"
    slug = "mid-sentence-capital"
    summary = "Function word capitalized in the middle of a sentence"
    rationale = """
**What it does.** Flags an article, preposition, pronoun, conjunction or auxiliary verb that is
capitalized right after a lowercase word, inside a sentence: `one of these cities The most violent
Ukrainian attacks On Russian soil`, `assessments warning It is possible`.

**Why is this bad?** It is the trace of title-cased link anchors ("The Most Violent Attacks…") pasted
into a sentence by a scraper, or kept by a machine translation engine. Readers stumble; it looks like
a new sentence started without a full stop.

In French, Spanish, Italian, Portuguese and Dutch (the function words of their language packs), a
capitalized function word after a lowercase word is flagged even inside a run of capitals, since
those languages do not title-case (`Les Utilisateurs De la plateforme`, `Voir Aussi la documentation`);
not before another capitalized word (`Le Monde`, `Los Angeles`), nor after a name and a comma, where
a reference cites a title in sentence case (`Karl Laske, Des coffres si bien garnis`), nor after a
preposition the language joins to the article but here writes apart (Spanish `de El poder del ahora`, not
`del`; Italian `de Il nome della rosa`; the pack's `title-prepositions`): the article opens a cited title, as
does one right after a conjunction that joins a second title to such a one, or to a title opened by any
capitalized word after the plural of a work's noun, in lower case, that a lowercase word or none follows, not at
the end of a fronted phrase (`sus películas Guía del autoestopista galáctico y El hijo de Rambow`; `En sus novelas
García Márquez retrata`, `discos Juan Luis Guerra y Los músicos` and `en Obras Sanitarias y La empresa` are
still flagged), in the same sentence, the first conjunction after it (`y Una nueva tierra`; `de La pesca`, `pan y El vino` and `de El nombre de la rosa y
compró pan y La leche` are still flagged), nor after a comma that follows two items of a list each opening
with a capital after a comma or a colon (`Suspiros de Triana, La canción que tú cantabas, El sabor de la
gloria`: a list of titles in sentence case; `pan, leche, La fruta` and `En 2006, Juan compró una casa, La casa`
are still flagged, and so is an item that goes on in title case, as below, `…, La vie Des Hommes Et des femmes`), nor when it is an article, not contracted, right after a noun that names a creative work
(the pack's `work-nouns`: `su libro Las flores del bien`, `les albums Un homme nature`, where the work's title
follows its noun; `el libro Que me diste` and `le film Des frères Coen` are still flagged, and so is an article
whose words go on in title case, a function word capitalized after a capital or before a lowercase word, as a
pasted anchor writes them, where a title keeps them lower case or capitalizes a name's article (`el disco Un
paseo Por la ciudad`, `le film Les meilleurs Moments Du Festival` are flagged, `el libro Un verano en La Habana`
is not); but a slip after such a noun, `el libro La semana pasada`, is read as a title too), nor after such a noun,
`de`, the year the work came out and a comma, where a comma, a colon or a bracket sets the title off within four
words (`su libro de 1974, El análisis del marco: Un ensayo`; `Las ventas de 1974, El precio` and `el libro de 2020, Los mejores
libros se venden solos` are flagged), nor right after a noun that names a group (the pack's `group-nouns`), where
a comma, a stop or a bracket sets the name off within four words (`la banda Los laguneros, dedicada`, `con el grupo
Los del río.`; `el grupo La mayoría de los asistentes aplaudió` is flagged), nor before two of
English's common words that the language does not write itself (`par Car of
the Century awards`: an English name or title kept as written; `dans Un but administratif` is flagged), nor right after
one of the pack's articles when the word is itself a determiner, which cannot follow an article and so is a
noun (Spanish `Punta del Este`, `al Este`: the east; French `la Une`, a paper's front page; `lo Que`, `el
Que` are still flagged, and so is French `un Des`, since `un` is a pronoun too, the pack's `pronoun-articles`,
and the same article twice or a plural one, `le Le bouton`, `la Les meilleures offres`, `el Los mejores`: a
stutter or an anchor pasted after its article). German
capitalizes every noun: not checked.

Not flagged: names and titles (a capitalized article followed by capitalized words: `The Hague`, `The
New York Times`), words after a colon, a quote, a bracket, a sentence end or at a line start, and
headings and table cells, where title case is normal; `He` and `His` capitalized more than once in a
paragraph (a deity's pronoun, capitalized as a style: `with His Holy Mercy … in His vast paradise`).

A run of three or more capitalized words inside an English sentence is reported as one finding, without
a fix, when a short function word inside it is capitalized too (`events Taking Place At Various venues`),
or when a preposition or conjunction opens it (`ordered To Be Shut down`):
titles and names in running text keep `of`, `in`, `at`, `the`… lower case (`The Lord of the Rings`),
while pasted anchors and page titles come capitalized word by word. Longer prepositions (`Campaign Against
Antisemitism`), the letter `A` (`John A Meinel`) and a run that opens a link, a quotation or emphasis are
left alone.

A run is reported too when it holds the words of a clause rather than a name's: a verb of being or
having or a modal, a subject pronoun or a relative (`the club Announced That It Was Confirmed that`,
`mariners Have Been Admirably Performing tasks`, `the suspect, Who Had Lived Together With the victim`),
or, past its first word, a possessive, a preposition, a subordinating conjunction, `Can`, `Will`, `Not`
or a verb's particle (`to Light Up Paper Lanterns Inscribed with`): names of organizations, places and
people are made of nouns and adjectives. A quotation opened mid-sentence is read the same way after its
first word (`said, "These Are Tough Times for everyone.`), unless it closes before a sentence ends (a
quoted title: `"We Are The Champions" was played`); so is a run inside such a quotation, opened before a
capital and closed, a dozen words or fewer on, before a sentence ends, its other words capitalized but
for a title's small words (`"The Girlfriend's Guide To Closing the Deal" shares`; a quoted sentence that
ends in a comma, `"Residents were told to Read More About The Flood Plan before leaving," officials
said`, is reported). Not reported: a run right after an article and before
a noun (`the Knights Who Say Ni project`, `a Do It Yourself solution`: a title used as a name; `shot with
a Rifle When He Was Sitting in his car` is reported), a run that title case carries on past a small word
(`in We Were Young in Those Years last year`) or that `of` and a capitalized word carry on (`Doctor Who
Society of Canada`: a name), and a paragraph that is a headline in title case. An
article capitalized after a run of title case and before a lower-case word (`Observation Since The first
round`) is flagged: no name ends in `The`. A run right after an article is reported all the same when it
ends in a word that leaves a phrase open before a lower-case word (a possessive, an auxiliary, a
preposition: `the Infant Entered His wife's ward`) or holds an auxiliary and a participle (`the
Businessman Is Fighting leukemia`).

The article `A` is read as the article (after a preposition, a verb, a conjunction or a pronoun's
contraction such as `it's`, before a lower-case word) only where the document names nothing else by a
capital letter standing alone; a letter that ends a name (`DAVA M`, `Malcolm X`) does not count.
"""
    severity = Severity.WARNING
    fix = Applicability.UNSAFE
    fix_note = "Lowercases the word; unsafe because a title or name may have been meant."
    kinds = frozenset({"paragraph", "list_item", "blockquote", "caption", "msgstr", "target", "cue", "string"})
    languages = frozenset({"en", *_PACK_WORDS})
    trigger = _GATE
    flag = (
        Example("Iraqi rule In the 20th century, the government fell apart in the end.\n\n"
                "Secular architecture In the hamlet of Le Bois there is a mill.\n\n"
                "Fear in the population In the next few months, more people came.\n",
                "Iraqi rule in the 20th century, the government fell apart in the end.\n\n"
                "Secular architecture in the hamlet of Le Bois there is a mill.\n\n"
                "Fear in the population in the next few months, more people came.\n",
                note="headlines glued to their paragraphs: `in the` is written in lower case on the page too"),
        Example("Work went on along both sides of the The river.\n\nThey took over the The scope of it.\n\n"
                "Funds reached the The villages by May.\n",
                "Work went on along both sides of the the river.\n\nThey took over the the scope of it.\n\n"
                "Funds reached the the villages by May.\n", select=("T101",),
                note="a word doubled with a capital, in three places: a slip each time, not a name"),
        Example("They tested their stress Hormon and Their reaction.\tThey tested their stress Hormon and Their "
                "reaction.\tThey tested their stress Hormon and Their reaction.\n",
                "They tested their stress Hormon and their reaction.\tThey tested their stress Hormon and their "
                "reaction.\tThey tested their stress Hormon and their reaction.\n",
                note="one MT sentence in three rows of a rating file: the same slip, not a style"),
        Example("We changed how The npm Registry works. The registry stays up.\n",
                "We changed how the npm Registry works. The registry stays up.\n", note="written so once"),
        Example("The border city was the site of one of these cities The most violent attacks.",
                "The border city was the site of one of these cities the most violent attacks."),
        Example("Ukrainian attacks On Russian soil late last year.", "Ukrainian attacks on Russian soil late last year."),
        Example('"Residents were told to Read More About The Flood Plan before leaving," officials said.',
                note="a link's anchor in a quoted sentence that ends in a comma: no title"),
        Example("Western intelligence assessments warning It is possible that it stalls.",
                "Western intelligence assessments warning it is possible that it stalls."),
        Example("Prices rose sharply In the first quarter.", "Prices rose sharply in the first quarter."),
        Example("The minister spoke About the new budget.", "The minister spoke about the new budget."),
        Example("Talks resumed, But no deal was reached.", "Talks resumed, but no deal was reached."),
        Example("The river flooded After heavy rain in the north.", "The river flooded after heavy rain in the north."),
        Example("Officials said They would respond on Monday.", "Officials said they would respond on Monday."),
        Example("Read the report on climate change Is the world ready for it.",
                "Read the report on climate change is the world ready for it."),
        Example("Les Utilisateurs De la plateforme voient le résultat.\n", language="fr",
                fixed="Les Utilisateurs de la plateforme voient le résultat.\n"),
        Example("La Ford T a été désignée Par le jury des Car of the Century awards.\n",
                "La Ford T a été désignée par le jury des Car of the Century awards.\n", language="fr",
                note="a French word after the capital: pasted title case; the English award's name is not"),
        Example("Les Romains divisèrent la péninsule en deux dans Un but administratif.\n",
                "Les Romains divisèrent la péninsule en deux dans un but administratif.\n", language="fr",
                note="`but` is English's word and French's (a goal): one such word does not make an English name"),
        Example("Se recomienda Que use Linux para el servidor.\n",
                "Se recomienda que use Linux para el servidor.\n", language="es",
                note="`use` is Spanish too, though its pack does not list it: one English-looking word and a name "
                     "make no English title"),
        Example("Ik hoop Dat we Amsterdam snel bezoeken.\n", "Ik hoop dat we Amsterdam snel bezoeken.\n",
                language="nl"),
        Example("Voir Aussi la documentation du routeur.\n", language="fr",
                fixed="Voir aussi la documentation du routeur.\n"),
        Example("Ofrece subsidios mensuales a los que estudien Y abriendo más universidades.\n",
                "Ofrece subsidios mensuales a los que estudien y abriendo más universidades.\n", language="es",
                note="the conjunction `y` between lower-case words, no article before its noun"),
        Example("Dijo que estaban furiosos, eran malos, horribles Y falsos.\n",
                "Dijo que estaban furiosos, eran malos, horribles y falsos.\n", language="es"),
        Example("Creo que el sistema Es muy rápido.\n", "Creo que el sistema es muy rápido.\n", language="es",
                note="an article two words before: the word right before is a noun"),
        Example("Es todo lo Que ofrecemos a los clientes.\n", "Es todo lo que ofrecemos a los clientes.\n",
                language="es", note="`lo que`: a relative after the article, no noun"),
        Example("Gana el Que llegue primero a la meta.\n", "Gana el que llegue primero a la meta.\n", language="es"),
        Example("Los usuarios Del sistema pueden entrar.\n", language="es",
                fixed="Los usuarios del sistema pueden entrar.\n"),
        Example("Gli utenti Della piattaforma vedono il risultato.\n", language="it",
                fixed="Gli utenti della piattaforma vedono il risultato.\n"),
        Example("The team was dominating in A life-or-death struggle.", "The team was dominating in a life-or-death "
                "struggle.", note="the article `A` between a preposition and a lower-case word"),
        Example("The park is A beautiful place to visit.", "The park is a beautiful place to visit."),
        Example("At A meeting of experts on the 21st, they agreed on it.",
                "At a meeting of experts on the 21st, they agreed on it.", note="after a preposition opening the sentence"),
        Example("Vladimir V. Putin spoke in A small room near the sea.",
                "Vladimir V. Putin spoke in a small room near the sea.", note="an initial names nothing by a letter"),
        Example("Thousands attended the events Taking Place At Various venues across the city.",
                note="start case: every word of a run capitalized, `At` among them (reported, no fix)"),
        Example("Fans can now watch it on the new Streaming Service For Sports Fans from Monday."),
        Example("The province had been ordered To Be Shut down last week."),
        Example("Os usuários Da plataforma veem o resultado.\n", language="pt",
                fixed="Os usuários da plataforma veem o resultado.\n"),
        Example("La sentenza È un'opportunità per tutti noi.\n", language="it",
                fixed="La sentenza è un'opportunità per tutti noi.\n", note="one accented letter, the verb `è`"),
        Example("Es la temporada de La pesca en el río.\n", "Es la temporada de la pesca en el río.\n", language="es",
                note="`de la` is never joined: no title is shown by it"),
        Example("Compró pan y El vino para la cena.\n", "Compró pan y el vino para la cena.\n", language="es",
                note="after a conjunction, with no title opened before it"),
        Example("Leyó la reseña de El nombre de la rosa y compró pan y La leche.\n",
                "Leyó la reseña de El nombre de la rosa y compró pan y la leche.\n", language="es",
                note="past a first conjunction the sentence has left the title: not a second one joined to it"),
        Example("Leyó la reseña de El nombre de la rosa. Luego compró pan y La leche.\n",
                "Leyó la reseña de El nombre de la rosa. Luego compró pan y la leche.\n", language="es",
                note="a title opened in the sentence before does not carry past its full stop"),
        Example("Vio sus películas favoritas y El resto de la obra.\n", "Vio sus películas favoritas y el resto de la obra.\n",
                language="es", note="after a plural work's noun, a lowercase word: no title opened, so none joined"),
        Example("Vio sus películas Alien y Tiburón y compró pan y La leche.\n",
                "Vio sus películas Alien y Tiburón y compró pan y la leche.\n", language="es",
                note="past a first conjunction the sentence has left the titles a plural work's noun opened"),
        Example("En sus películas Almodóvar retrata a las mujeres y La vida en Madrid.\n",
                "En sus películas Almodóvar retrata a las mujeres y la vida en Madrid.\n", language="es",
                note="a fronted phrase ends with the plural work's noun: the capital after it opens the clause's subject"),
        Example("Grabó varios discos Juan Luis Guerra y Los músicos de su banda lo acompañaron.\n",
                "Grabó varios discos Juan Luis Guerra y los músicos de su banda lo acompañaron.\n", language="es",
                note="a name after the plural work's noun (two capitals), not a title in sentence case"),
        Example("Trabajó en Obras Sanitarias y La empresa lo despidió en 1990.\n",
                "Trabajó en Obras Sanitarias y la empresa lo despidió en 1990.\n", language="es",
                note="a capitalized `Obras` is a name's word, not a work's noun"),
        Example("Em seus livros Jorge Amado retrata a Bahia e Os costumes do Recôncavo.\n",
                "Em seus livros Jorge Amado retrata a Bahia e os costumes do Recôncavo.\n", language="pt",
                note="a fronted phrase and a name after the plural work's noun: the subject, not a title"),
        Example("C'est un Des meilleurs films de l'année.\n", "C'est un des meilleurs films de l'année.\n",
                language="fr", note="`un` is a pronoun too (`un des`): only a definite article makes the capital a noun"),
        Example("Leí el libro Que me diste ayer.\n", "Leí el libro que me diste ayer.\n", language="es",
                note="after a noun that names a work, only an article opens its title"),
        Example("Il a vu le film Des frères Coen hier.\n", "Il a vu le film des frères Coen hier.\n", language="fr",
                note="a contracted article (`des`, of the) opens no title"),
        Example("Escucha el disco Un paseo Por la ciudad ahora.\n", "Escucha el disco un paseo por la ciudad ahora.\n",
                language="es", note="after a work's noun, words that go on in title case: a pasted anchor, not a title"),
        Example("Cliquez sur le Le bouton pour continuer.\n", "Cliquez sur le le bouton pour continuer.\n",
                language="fr", note="the same article twice: no noun (`la Une`) but a stutter"),
        Example("Las ventas de 1974, El precio subió mucho en el país.\n",
                "Las ventas de 1974, el precio subió mucho en el país.\n", language="es",
                note="a year and a comma with no work's noun before them: no title"),
        Example("Ella tocó con el grupo La mayoría de los asistentes aplaudió.\n",
                "Ella tocó con el grupo la mayoría de los asistentes aplaudió.\n", language="es",
                note="after a group's noun, a name that is not set off within four words: a slip that runs on"),
        Example("Subieron las ventas del libro de 2020, Los mejores libros se venden solos.\n",
                "Subieron las ventas del libro de 2020, los mejores libros se venden solos.\n", language="es",
                note="after a work's year, a title that no comma sets off: a sentence"),
        Example("Cliquez sur la Les meilleures offres du jour.\n", "Cliquez sur la les meilleures offres du jour.\n",
                language="fr", note="a plural article names no thing after an article: an anchor pasted after its own"),
        Example("Ses romans : Les dessous de Paris, Le temps perdu, La vie Des Hommes Et des femmes.\n",
                "Ses romans : Les dessous de Paris, Le temps perdu, la vie Des Hommes et des femmes.\n", language="fr",
                note="an item of a list that goes on in title case: a pasted anchor, not a title in sentence case"),
        Example("Compramos pan, leche, La fruta y los huevos.\n", "Compramos pan, leche, la fruta y los huevos.\n",
                language="es", note="items of a list in lower case: no list of titles"),
        Example("En 2006, Juan compró una casa, La casa de sus padres.\n",
                "En 2006, Juan compró una casa, la casa de sus padres.\n", language="es",
                note="one clause opening with a name after a comma makes no list of names"),
        Example("O resultado final É bastante mediano.\n", language="pt",
                fixed="O resultado final é bastante mediano.\n"),
        Example("On Monday the club Announced That It Was Confirmed that the striker would stay.",
                note="a run holding a pronoun and a verb of being: a clause, not a name"),
        Example("Officials said the trials Have Been Successfully Completed in three regions."),
        Example("The suspect, Who Had Lived Together With the victim, was arrested on Friday."),
        Example("The minister told reporters that He Was Proud of France and its people.",
                note="a clause that `of` and a capital carry on is no name"),
        Example("It was a quiet evening, They Immediately Called the police when the alarm rang."),
        Example("Testing of the new engine Is Being Conducted on schedule, the ministry said."),
        Example("Most of the new cases are Among People Aged between 18 and 45."),
        Example("Volunteers will begin to Light Up Paper Lanterns Inscribed with messages of hope.",
                note="a verb's particle after the run's first word"),
        Example("The line stops at Ozore Station (in the same town), Which Is In The cut-off section.",
                note="after a bracket and a comma"),
        Example("The protester was shot with a Rifle When He Was Sitting in his car.",
                note="after an article, but a small word and lower case follow: no title used as a name"),
        Example('A member of the group said, "These Are Tough Times for everyone. We hope it ends soon."',
                note="a quotation opened mid-sentence that runs past a sentence end: a quoted sentence"),
        Example("The minister said that Premier League Suspension Was Lifted after the vote.",
                note="a verb of being after a name"),
        Example("The meeting ended at 5 p.m., Just After Three Members Left the room."),
        Example("Olya dated Alexander, and a Passionate Romance Began Between them that summer.",
                note="after an article, but a pronoun follows: no title used as a name before a noun"),
        Example("From early morning, Dense Rain Clouds Can be expected over the coast."),
        Example("Some of the arranged Umbrellas Will Feature Illustrations made by children.",
                note="`Will` past a run's first word: a modal, not a name"),
        Example("A video shows two cats helping a Wounded Dog Make Its Way across the road.",
                note="after an article, but a preposition follows"),
        Example("The Moscow Health Department's Head Consulting Specialist For Adult care spoke first.",
                note="after a possessive"),
        Example("The woman who kidnapped the Infant Entered His wife's ward at night.",
                note="after an article, but the run ends in a possessive: no name does"),
        Example("We remind our readers that the Businessman Is Fighting leukemia.",
                note="after an article, but an auxiliary and a participle: a verb phrase"),
        Example("The woman stepped a Couple Meters Away From Her ward when she heard it."),
        Example("It's A very rare occasion that you get to see it.", "It's a very rare occasion that you get to see it.",
                note="`A` after a pronoun's contraction"),
        Example("The song by DAVA M was a hit, and it refers to A new version of it.",
                "The song by DAVA M was a hit, and it refers to a new version of it.",
                note="a letter that ends a name names nothing on its own"),
        Example("It was his First Onsite Observation Since The first round last summer.",
                "It was his First Onsite Observation Since the first round last summer.",
                note="an article between title case and a lower-case word: no name ends in `The`"),
    )
    allow = (
        Example("The health of The npm Registry matters. We changed how The npm Registry works, so that The "
                "npm Registry stays up.\n", note="a name styled so throughout the page"),
        Example("The court in The Hague ruled on Friday."),
        Example("She wrote for The New York Times for a decade."),
        Example("He read The Lord of the Rings twice."),
        Example("The Ministry of Defense said that 65 soldiers were on board."),
        Example("Kremlin spokesman Dmitry Peskov said it was new information."),
        Example("He said: The plan will work."),
        Example("It ended. The next day was calm."),
        Example("She got an A in physics."),
        Example("We know that A is true whenever it holds.", note="`A` then a verb: a letter naming a thing"),
        Example("Suppose that A grows while B shrinks.", note="other letters name things in the text"),
        Example("The symphony in A major was played last."),
        Example("We went from A to Z in one day."),
        Example("The choice between A and B is yours."),
        Example("Plan A failed, so they turned to plan A prime."),
        Example("She has A levels in maths and physics."),
        Example("Deficiency of vitamin A causes night blindness."),
        Example("Decoupling requires that A can't know about B, in which case you add a layer."),
        Example("Take an order from table A, then an order from table B, then one from A again."),
        Example("The address returned by an A record query for the host."),
        Example("There is also a well-known article `A successful Git branching model <https://example.com>`_.",
                path="a.rst", note="a link's title"),
        Example("Interpreter A calls the pipe.\n\nThen interpreter B reads it.\n", note="letters elsewhere in the "
                "document"),
        Example("The talks were held in Kyiv and Moscow."),
        Example("# Attacks On Russian Soil\n", path="a.md"),
        Example("Members of The Beatles met in Liverpool."),
        Example("Meanwhile, the Campaign Against Antisemitism asked police to investigate."),
        Example("It was written by John A Meinel in 2009 and is still used."),
        Example("He read *The Lord Of The Rings* twice.", path="a.md", note="an emphasized title"),
        Example("I think I can do it."),
        Example("See the section [Bringing Paths Into Scope with the use Keyword](ch07.md).", path="a.md"),
        Example("Python should not decide how to handle `The bug`_ for the developer.\n\n"
                ".. _The bug: https://bugs.python.org/issue27266\n", path="a.rst",
                note="a link's title that opens with the article"),
        Example("It is described in the sections on `The start_response() Callable`_ below.\n\n"
                ".. _The start_response() Callable: #callable\n", path="a.rst"),
        Example("Read “When You Have More Information Than the Compiler” in chapter 9."),
        Example("Il travaille pour Le Monde depuis 2010.\n", language="fr"),
        Example("Attardons-nous désormais sur la Une du quotidien de ce matin.\n", language="fr",
                note="UD French-GSD: `la Une`, a paper's front page; no article follows an article, so it is a noun"),
        Example("La Ford T a été désignée au niveau international par Car of the Century awards.\n", language="fr",
                note="`Car`, a French word, opens an English award's name: English words follow it (UD French PUD)"),
        Example("- Jean-Pierre Thiollet, Les dessous d'une Présidence, Anagramme éditions, 2003.\n", language="fr",
                note="a reference: author, then the title in sentence case"),
        Example("Véase Gabriel García Márquez, La hojarasca, Sudamericana, 1955.\n", language="es"),
        Example("Su libro Las flores del bien (1946) está considerado su mejor obra.\n", language="es",
                note="UD Spanish-GSD: a work's title after the noun that names it"),
        Example("En 2006, il sort simultanément les albums Un homme nature et Doc Gynéco.\n", language="fr",
                note="UD French-GSD"),
        Example("Ha letto il romanzo I promessi sposi e il libro Il nome della rosa.\n", language="it"),
        Example("Publicó el libro Un verano en La Habana en 1990.\n", language="es",
                note="a name's article inside a title: capitalized before the name, not title case"),
        Example("El concepto viene de Goffman y su libro de 1974, El análisis del marco, y se ha desarrollado.\n",
                language="es", note="UD Spanish-GSD: a work's noun and the year it came out, then its title"),
        Example("Así lo informó el director, que desmanteló la banda Los laguneros, dedicada al robo.\n", language="es",
                note="UD Spanish-GSD: a group's name after the noun that names the group (the pack's `group-nouns`)"),
        Example("Grabó las canciones más populares del género: Suspiros de Triana, La canción que tú cantabas, "
                "El sabor de la gloria, El negro que tenía el alma blanca, Centinela alerta, La hija de Juan Simón.\n",
                language="es", note="UD Spanish-GSD: a list of titles, each in sentence case"),
        Example("Hizo cameos en sus películas Guía del autoestopista galáctico y El hijo de Rambow.\n", language="es",
                note="UD Spanish-PUD: the plural of a work's noun, two titles, the first with no article"),
        Example("Vio sus películas Alien y El octavo pasajero.\n", language="es",
                note="a title of one word after the plural of a work's noun, and a second joined to it"),
        Example("Las dos películas Guía del autoestopista galáctico y El hijo de Rambow fracasaron.\n", language="es",
                note="the sentence opens with the plural work's noun after an article: a subject naming titles, not a fronted phrase"),
        Example("Leyó la primera edición de El nombre de la rosa y Una historia de la lectura en un verano.\n",
                language="es", note="`de El`, not `del`: the article opens a title (RAE), and a second joined to it"),
        Example("Le vendite de Il nome della rosa e Un mondo nuovo furono alte.\n", language="it",
                note="`de Il`, not `del`: the article opens a cited title"),
        Example("Ele leu a primeira edição de Os sertões na biblioteca.\n", language="pt"),
        Example("Il a rencontré Kim Jong Un et Donald Trump à Singapour.\n", language="fr",
                note="the end of a name of three capitalized words"),
        Example("Elle a visité Los Angeles en mai.\n", language="es"),
        Example("Pasamos el verano en Punta del Este con la familia, al Este de Montevideo.\n", language="es",
                note="after an article `Este` is a noun, the east (a demonstrative never follows one)"),
        Example("El valor del eje Y es siempre positivo.\n", language="es",
                note="one ASCII letter capitalized is a label as often as the conjunction `y`"),
        Example("Cada eje Y tiene su propia escala en el gráfico.\n", language="es", note="a determiner before its noun"),
        Example("Este eje Y es vertical.\n", language="es"),
        Example("Sumamos la coordenada Y para cada punto del plano.\n", language="es",
                note="an article two words before: the noun's label"),
        Example("Los ejes X e Y son perpendiculares, y la curva corta el eje Y dos veces.\n", language="es",
                note="a text that names things by letters"),
        Example("Ofrece subsidios a los que estudien Y abriendo universidades.\n", language="en",
                note="English: one-letter words of other languages are not read"),
        Example("Ha rivisto il film È Stata la Mano di Dio ieri sera.\n", language="it",
                note="before a capitalized word it may open a title or a name"),
        Example("Die Benutzer Der Plattform sehen Das Ergebnis.\n", language="de"),
        Example("Lisez aussi [Vous n'avez pas besoin d'un effet](/learn/effects).\n", path="a.md", language="fr"),
        Example("Most people can choose a Do It Yourself solution instead.",
                note="an article makes the run a noun phrase: a title used as a name"),
        Example("The code for the bot is hosted in the Knights Who Say Ni project."),
        Example("Fan groups included The Ontario Ghostbusters, Doctor Who Society of Canada, and a choir.",
                note="a name that goes on with `of` and a place"),
        Example("Fans met the This Is Us cast in Los Angeles."),
        Example('The song "We Are The Champions" was played at the end.', note="a quoted title"),
        Example('Her book "The Girlfriend\'s Guide To Closing the Deal" shares what she learned.',
                note="a run inside a title quoted whole"),
        Example("The paper ran “How We Built It With Rust” in March.", note="a quoted title closes before the stop"),
        Example("She played Lu Ruowen in We Were Young in Those Years last year.",
                note="title case goes on past a small word: a title cited whole"),
        Example("He met His Holiness Pope Francis in Rome last week.", note="a possessive opening an honorific"),
        Example("Reporters said Prime Minister Theresa May would resign on Friday."),
        Example("Shenzhen Government Asks for Public Opinion On Health Regulations to Be Published\n\n"
                "The draft is online.\n", note="a headline standing as a paragraph"),
        Example("Staff from the aid group Doctors Without Borders arrived on Monday."),
        Example("She is the executive director of Beyond These Walls in Washington state."),
        Example("Campaigners from Black Lives Matter gathered in Austin on Sunday."),
        Example("HOWTO Fetch Internet Resources Using The urllib Package\n\nThis page explains it.\n",
                note="a heading kept as a paragraph: a code name after `The`"),
        Example("The company's A shares rose 3 percent on Monday.", note="a possessive, not a pronoun's contraction"),
        Example('"I pray to God to surround him with His Holy Mercy and to welcome him in His vast paradise," he said.',
                note="a deity's pronoun, capitalized each time"),
        Example("Malcolm X spoke first, and B then read the statement to A crowd.",
                note="`B` opening a clause names a thing: the text names things by letters"),
        Example("401 Unauthorised The username or password supplied were incorrect.",
                note="a table flattened to text: one capitalized word, then a sentence"),
        Example("Now that you have an About page, style it.\n\nVisit your About page again.\n\n"
                "The styled About page is done.\n", note="a page's name, written so in three places"),
        Example("Controlla la tua pagina Su di me ora.\n\nVisita di nuovo la tua pagina Su di me.\n\n"
                "Nella tua pagina Su di me trovi tutto.\n", language="it", note="a page's name, written so in three places"),
        Example("Você tem uma página Sobre com conteúdo.\n\nVisite sua página Sobre no navegador.\n\n"
                "Atualize a tag na sua página Sobre para que funcione.\n", language="pt"),
    )

    def check_segment(self, seg: Segment, doc: Document) -> Iterator[Finding]:
        text = seg.text
        language = primary(doc.language)
        if language != "en":
            yield from self._sentence_case(seg, doc, language)
            return
        flagged: list[int] = []
        for m in _PATTERN.finditer(text):
            word, next_word, after = m.group(1), m.group(2), m.group(3)
            # (the line break looked for only after the last space: a paragraph of one line is not read back to its
            # start for each word)
            space = text.rfind(" ", 0, m.start() - 1)
            token_start = max(space, text.rfind("\n", space + 1, m.start() - 1)) + 1
            previous = text[token_start : m.start() - 1].lstrip("[(“‘\"'*_")
            if previous[:1].isupper() and not (word in _ARTICLES and next_word[0].islower()
                                               and _ends_title_cased_run(text, m.start())
                                               and not _heading_line(text)):
                continue  # inside a title-cased run: "Bringing Paths Into Scope"
            if next_word[0].isupper():
                # Capitalized words follow: a name or a title (The Hague, The New York Times) — unless a
                # preposition or conjunction starts it and one capitalized word is followed by a
                # lowercase one (attacks On Russian soil).
                if word not in _NOT_BEFORE_NAME or after is None or not after[0].islower():
                    continue
                if next_word in _WORDS:
                    continue
            if word in _REVERENTIAL and len(_reverential_uses(word).findall(text)) > 1:
                continue  # `with His Holy Mercy, … in His vast paradise`: a deity's pronoun, capitalized throughout
            if _styled_name(doc, text, m.start(1), word, next_word):
                continue  # `The npm Registry`, `your About page`, written so throughout the page: a name's own styling
            start, end = m.span(1)
            at = seg.to_source(start)
            if doc.text[at - 1:at] in _OPENING_MARKS:
                continue  # a linked or emphasized title that opens with it: `The bug`_, [The Hague](…)
            flagged.append(start)
            yield self.finding(
                seg, start, end, f"'{word}' capitalized mid-sentence (pasted link text or title case?)",
                word.lower(),
            )
        yield from self._start_case_runs(seg, doc, flagged)
        yield from self._quoted_runs(seg, flagged)
        # Every match has a space on each side of its `A`: a segment without one is not scanned (the
        # pattern opens with a boundary and a lookahead tried at every word: 9.4 of T101's 21 ms on the PEPs).
        for m in _ARTICLE_A.finditer(text) if " A " in text else ():
            if _letter_names_a_thing(doc.text):
                break
            at = seg.to_source(m.start(1))
            if doc.text[at - 1:at] in _OPENING_MARKS:
                continue  # the title of a linked or quoted work: `A successful Git branching model`_
            yield self.finding(seg, m.start(1), m.end(1), "'A' capitalized mid-sentence (pasted link text or title "
                               "case?)", "a")

    def _start_case_runs(self, seg: Segment, doc: Document, flagged: list[int]) -> Iterator[Finding]:
        """English runs of start case (``_START_CASE_RUN``) that hold no word flagged on its own: one finding
        for the run, with no fix (which of its words belong to a name, the run does not say)."""
        title: bool | None = None
        for m in _START_CASE_RUN.finditer(seg.text):
            if title is None:
                title = _reads_as_title(seg.text)
            if title:
                return  # a headline kept as a paragraph: `Shenzhen Government Asks for Public Opinion On…`
            words = m.group(1).split(" ")
            if words[0] not in _RUN_OPENERS and not any(w in _SHORT_FUNCTION_WORDS for w in words[1:]):
                if not _clause_run(seg.text, m):
                    continue
            start, end = m.span(1)
            if _holds_flagged(flagged, start, end):
                continue
            at = seg.to_source(start)
            if doc.text[at - 1:at] in _OPENING_MARKS:
                continue  # a linked, quoted or emphasized title: `*The Lord Of The Rings*`
            if _in_quoted_title(seg.text, start, end):
                continue  # inside a title quoted whole: `"The Girlfriend's Guide To Closing the Deal" is`
            yield self.finding(seg, start, end, f"'{m.group(1)}' capitalized word by word mid-sentence (pasted link "
                                                "text or title case?)")

    def _quoted_runs(self, seg: Segment, flagged: list[int]) -> Iterator[Finding]:
        """English runs of start case after the first word of a quotation opened mid-sentence
        (``_QUOTED_RUN``), holding a clause's or a short function word, where the quotation runs past a
        sentence end (a quoted sentence, not a quoted title)."""
        text = seg.text
        if '"' not in text and "“" not in text and "‘" not in text:
            return
        # (the closing marks and the sentence ends after each run, found from where the last search found them)
        closing = {mark: _NextFrom(pattern, text) for mark, pattern in _CLOSING.items()}
        ends = _NextFrom(_SENTENCE_END, text)
        for m in _QUOTED_RUN.finditer(text):
            words = m.group(2).split(" ")
            if not any(_clause_word(w) or w in _AFTER_FIRST or w in _SHORT_FUNCTION_WORDS for w in words):
                continue
            if m.group(3) in _TITLE_SMALL and all(w and _TITLE_WORD.match(w) for w in (m.group(4), m.group(5))):
                continue  # title case goes on past a small word: a quoted title
            close = closing[m.group(1)].start_from(m.end(2))
            end = ends.start_from(m.end(2))
            if close is not None and (end is None or close < end):
                continue  # the quotation closes before a sentence ends: a quoted title
            if _reads_as_title(text):
                return
            start, stop = m.span(2)
            if _holds_flagged(flagged, start, stop):
                continue
            yield self.finding(seg, start, stop, f"'{m.group(2)}' capitalized word by word mid-sentence (pasted "
                                                 "link text or title case?)")

    def _sentence_case(self, seg: Segment, doc: Document, language: str) -> Iterator[Finding]:
        """In a language that capitalizes only sentence starts and names (French, Spanish…), a capitalized
        function word after a lowercase word is pasted title case even inside a run of capitals
        (`Les Utilisateurs De la plateforme`): names keep their particles lowercase (`Charles de
        Gaulle`). Before a capitalized word it may start a name (`Le Monde`, `Los Angeles`): left alone."""
        titles: list[int] = []  # where a cited title opens (after a name and a comma, after `de` unjoined)
        for m in _pattern_for(language).finditer(seg.text):
            word, next_word = m.group(1), m.group(2)
            if next_word[0].isupper():
                continue
            if _english_runs_on(seg.text, m, own_words(language)):
                continue  # an English name or title (`par Car of the Century awards`), its words as written
            start, end = m.span(1)
            before = _TWO_WORDS_BEFORE.search(seg.text, max(0, start - 80), start)
            if before and all(w[0].isupper() and w not in _PACK_WORDS[language] for w in before.groups()):
                continue  # the end of a name of three words: Kim Jong Un, Baton Rouge Este
            determiners = _PACK_ARTICLES.get(language, frozenset())
            previous = _WORD_BEFORE.search(seg.text, max(0, start - 40), start)
            if (word.lower() in determiners and previous is not None and previous.group(1).lower() in determiners
                    and previous.group(1).lower() not in _PRONOUN_ARTICLES.get(language, ())
                    and previous.group(1).lower() != word.lower()
                    and not _plural(word.lower()) and not _plural(previous.group(1).lower())):
                continue  # `Punta del Este`, `al Este`: a determiner never follows an article, so it is a noun
            if (_AFTER_NAME_AND_COMMA.search(seg.text, max(0, start - 80), start)
                    or (_AFTER_CAPITALIZED_ITEMS.search(seg.text, max(0, start - 160), start)
                        and not _title_cased(seg.text, end, language))):
                titles.append(start)
                continue  # a reference, author then title: `Jules Roy, La bataille de Dien Bien Phu`
            if (word.lower() in _WORK_TITLE_ARTICLES.get(language, ())
                    and ((previous is not None and names_a_work(previous.group(1), _WORK_NOUNS[language]))
                         or _set_off_name(seg.text, start, end, previous, language))
                    and not _title_cased(seg.text, end, language)):
                titles.append(start)
                continue  # `su libro Las flores del bien`: a work's title after the noun that names it
            if previous is not None and (previous.group(1), word.lower()) in _TITLE_PREPOSITIONS.get(language, ()):
                titles.append(start)
                continue  # `las ventas de El poder del ahora`: no `del`, so `El` opens a title
            opened = (_title_opened_before(seg.text, start, titles, language)
                      if previous is not None and previous.group(1) in _TITLE_CONJUNCTIONS.get(language, ()) else None)
            if (opened is not None and previous is not None and start - opened <= 80
                    and not _SENTENCE_BREAK.search(seg.text, opened, start)
                    and _first_conjunction_after(seg.text, opened, previous.start(1), _TITLE_CONJUNCTIONS[language])
                    and (word.lower() in determiners or word.lower() in _TITLE_ARTICLES.get(language, ()))):
                titles.append(start)
                continue  # a second title joined to the first: `de El poder del ahora y Una nueva tierra`
            at = seg.to_source(start)
            if doc.text[at - 1:at] in ("[", "*", "_", "«", "“", ">"):
                continue  # a link or emphasis that opens with it: the title of a page, cited (`[Vous n'avez…`)
            if _styled_name(doc, seg.text, start, word, next_word):
                continue  # `la tua pagina Su di me`, written so throughout the page: the page's name
            line_start = doc.text.rfind("\n", 0, at) + 1
            if doc.text.startswith(":::", line_start):
                continue  # a container's title (`:::danger Il s'agit…`), written as a heading
            yield self.finding(seg, start, end, f"'{word}' capitalized mid-sentence (pasted link text or title case?)",
                               word.lower())
        if _PACK_LETTERS.get(language) and not _letter_labels(doc.text, _PACK_LETTERS[language]):
            yield from self._conjunction_letters(seg, language)

    def _conjunction_letters(self, seg: Segment, language: str) -> Iterator[Finding]:
        """A function word of one letter (Spanish `y`, `o`) capitalized between two lower-case words, in a
        text that names nothing by a capital letter (no `eje X`, `opción B`), with no article or
        demonstrative two words before (`el eje Y es`, `cada eje Y tiene`: a label after its noun)."""
        articles = _PACK_ARTICLES.get(language, frozenset())
        for m in _letter_between(_PACK_LETTERS[language]).finditer(seg.text):
            if (m.group(1) or "").lower() in articles:
                continue
            start = m.start(2)
            yield self.finding(seg, start, start + 1,
                               f"'{m.group(2)}' capitalized mid-sentence (pasted link text or title case?)",
                               m.group(2).lower())

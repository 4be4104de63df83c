"""T109 glued-words: two common words written as one (`theyalso requires`), decided by word frequencies."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator
from functools import lru_cache

from lint.guard import SettingUp, StopRun
from lint.model import Applicability, Document, Finding, Severity
from lint.rule import Example, Rule

from ._code_names import code_names

# A lower-case word of six letters or more, not touching code, a path or a name with inner marks, nor a
# hashtag's (`#sharedvalues`: written without spaces by design).
_CANDIDATE = re.compile(r"(?<![\w@#/.:'’_-])[a-z]{6,}(?![\w@/_(-]|\.\w|['’](?!s\b)\w)")
# Every word _CANDIDATE finds is a whole run of six lower-case letters or more: a run after another
# character (opening with a class the regex engine skips to, where _CANDIDATE tries its look-behind at
# every character, some 300 instructions a character), or at the text's start (``_runs``).
_RUN = re.compile(r"[^a-z]([a-z]{6,}+)")
_FIRST_RUN = re.compile(r"[a-z]{6,}+")
_COMMON = 4.0  # Zipf frequency (log10 of uses per billion words) of each half: the commonest ~5,000 words
_MIN_HALF = 2
# Of two splits, the one taken is a hundred times likelier (the product of its words' frequencies).
_ODDS = 2.0
# Beside a function word, the other half need only be a word English uses (one in a million words and
# more).
_CONTENT = 3.0
# ... and where the token is absent from the list altogether, a word used once in five million
# (`theprefectural`, `wassoured`: the list holds even most glued pairs of common words).
_RARE_CONTENT = 2.3
# A content word of three letters makes a compound's half only among the commonest ~1,000 words
# (`last day`, `two cats`, `old baby`).
_SHORT_CONTENT = 5.0
# Two content words joined: each used three times in a million words or more (one among the commonest
# ~5,000 words), the token absent from the list, and only in a document without code, since technical
# prose coins such compounds (`lockfile`, `dataclasses`, `typecheck`) faster than any word list records them.
_COMPOUND = 3.5
# Signs of code in a document (``_has_code``): a code span, an identifier with an underscore, a call, a
# dotted name called; as one regex, `\`|\w_\w|_\w+_|\w\(\)|\b[a-z]+\.[a-z_]+\(|::|=>|->|\{|\}`.
# The large list holds web text, glued words included (`thatthe` is there, a thousand times rarer than
# `that` and `the`): a token counts as glued when it is rarer than one use in ten million words and
# each half is a thousand times commoner than the whole.
_RARE = 3.0
_MARGIN = 3.0
# One half is a function word (English's closed classes: `they`, `from`, `that`): glue joins a function
# word to its neighbour; two content words joined (`white space`, `back port`) are most often a compound.
_FUNCTION = frozenset("""
the of and to in is that for it as was with be by on not he this are or his from at which but have an
they you were her she there been their one all would we can has if will so no what about up out them
who when into some than also could then do may its did only other these had our more most such each
because against between through during before after under over while where should must might shall
very both any few many much every own same those him me my us your i am being does done having
until since without within upon across among toward towards onto than though although unless whether
whose whom yet nor just even still already however
""".split())
# Halves that make compounds or derivations, not glued words: particles (`login`, `setup`, `checkout`)
# and words that serve as suffixes (`callable`, `filelike`, `topmost`, `accessor`).
_PARTICLES = frozenset("in on up out off over down back by away".split())
_SUFFIXES = frozenset("able like less most ship ships wise ward wards fold hood self all".split())
# Suffixes that are no word of their own in lower case, though the case-folded list counts their letters
# as one (`ness` as Loch Ness, Eliot Ness: Zipf 3.6): after any stem, inflected too, they make a
# derivation (`woundedness`, `connectedness`), never a glued next word.
_BOUND_SUFFIXES = frozenset({"ness"})
# First halves that are prefixes (`indirection`, `overwrote`, `outlives`, `formatters`).
_PREFIXES = frozenset("in on up out over under down back by for fore after".split())
# Halves are three letters or more, but for a two-letter word after another (`becauseof`): two-letter
# first halves make false splits (`dousing` is not `do using`, `isinstance` is code).
_SHORT_AFTER = frozenset("of to at is it".split())


@lru_cache(maxsize=1)
def _frequency() -> Callable[[str], float]:
    """wordfreq's English frequencies (the `glue` extra). Loaded at the first candidate, not at start-up:
    about 0.15 s CPU for the large English list (1.5 MB), the run's and not that document's (outside its
    time limit: ``lint.guard.SettingUp``)."""
    with SettingUp():
        return _loaded_frequency()


def _loaded_frequency() -> Callable[[str], float]:
    try:
        from wordfreq import get_frequency_dict, zipf_frequency
    except ImportError as exc:  # the run's setting, not the file's: one message, exit 2
        raise StopRun("T109 (glued-words) needs wordfreq: pip install 'copylint[glue]'") from exc

    # A word of lower-case ASCII letters is one token to wordfreq, whose Zipf frequency is then a function of
    # the word's entry in the list alone (its frequency, or none): asked once per entry value (the list has
    # some 800), by the first such word met, where wordfreq tokenized every word (some 40 microseconds a
    # word, a fifth of a worker's first sight of a corpus). Any other word is asked of wordfreq itself.
    frequencies = get_frequency_dict("en", "large")
    by_entry: dict[float | None, float] = {}

    @lru_cache(maxsize=65536)
    def zipf(word: str) -> float:
        if not (word.isascii() and word.isalpha() and word.islower()):
            return float(zipf_frequency(word, "en", wordlist="large"))
        entry = frequencies.get(word)
        value = by_entry.get(entry)
        if value is None:
            value = by_entry[entry] = float(zipf_frequency(word, "en", wordlist="large"))
        return value

    return zipf


@lru_cache(maxsize=2)
def _uses(text: str) -> Counter[str]:
    """How often the document writes each candidate token (counted once per document, not per token)."""
    return Counter(_CANDIDATE.findall(text))


# That regex's alternatives, each opening with a literal the regex engine skips to (as one regex it
# opens with classes, and a search tries every alternative at every character of a document): the marks
# any document with code has one of, an underscore inside or around a word, an empty call, and a dotted
# name called (its `\b[a-z]+` before the dot is checked by ``_called_name``).
_CODE_MARKS = ("`", "{", "}", "::", "=>", "->")
_UNDERSCORE = re.compile(r"_(?:(?<=\w_)(?=\w)|\w+_)")
_EMPTY_CALL = re.compile(r"\(\)(?<=\w\(\))")
_DOTTED_CALL = re.compile(r"\.[a-z_]+\(")


@lru_cache(maxsize=2)
def _has_code(text: str) -> bool:
    """Whether the text shows a sign of code, found by a few literal scans."""
    if any(mark in text for mark in _CODE_MARKS):
        return True
    if "_" in text and _UNDERSCORE.search(text):
        return True
    if "(" not in text:
        return False
    return _EMPTY_CALL.search(text) is not None or any(
        _called_name(text, m.start()) for m in _DOTTED_CALL.finditer(text))


def _called_name(text: str, dot: int) -> bool:
    """Whether a run of lower-case ASCII letters ends at ``dot`` and starts at a word's start."""
    start = dot
    while start and "a" <= text[start - 1] <= "z":
        start -= 1
    if start == dot:
        return False
    before = text[start - 1] if start else ""
    return not (before.isalnum() or before == "_")


# Words recur across documents (a corpus's records, a tree's files): each is split once per process.
@lru_cache(maxsize=1 << 16)
def split_of(word: str, compounds: bool = False, markup: bool = False) -> tuple[str, str] | None:
    """The two common words a token unknown to the frequency list is made of: the split whose two words
    are commonest together, when it makes two common words and every other such split is a hundred times
    rarer (two readings of like odds would make the choice a guess: `thereview` is `the review` or
    `there view`); with ``compounds``, two content words too."""
    zipf = _frequency()
    whole = zipf(word)
    if whole >= _RARE:
        return None  # a word English uses
    splits = sorted(((zipf(a) + zipf(b), a, b) for a, b in
                     ((word[:i], word[i:]) for i in range(_MIN_HALF, len(word) - _MIN_HALF + 1))
                     if len(a) > 2 and (len(b) > 2 or b in _SHORT_AFTER) and b not in _BOUND_SUFFIXES
                     # A particle or a suffix after a bare stem makes a compound (`login`, `callable`);
                     # after an inflected verb, or after a function word in a token English never writes
                     # (`suchlike` it does, rarely), it is the next word (`washed away`, `was able`).
                     and ((b not in _PARTICLES and b not in _SUFFIXES) or _inflected(a)
                          or (a in _FUNCTION and whole == 0))
                     and (a not in _PREFIXES or b in _FUNCTION)
                     and _common_pair(a, b, whole, zipf, compounds, markup)), reverse=True)
    if not splits or (len(splits) > 1 and splits[0][0] - splits[1][0] < _ODDS):
        return None
    return splits[0][1], splits[0][2]


def _inflected(word: str) -> bool:
    """A verb's past, present or -ing form (`washed`, `seems`, `turning`): a compound's first half is a
    bare stem (`login`, `setup`, `childlike`), so a particle or a suffix after an inflected form is the
    next word (`washed away`, `seems like`)."""
    for ending in ("ing", "ed", "es", "s"):
        if word.endswith(ending) and not word.endswith("ss"):
            stem = word[:-len(ending)]
            # A stem of three letters or more with a vowel: `string`, `thing`, `shed` are no inflections.
            return len(stem) >= 3 and any(c in "aeiouy" for c in stem)
    return False


def _participle(word: str, zipf: Callable[[str], float]) -> bool:
    """A verb's past participle in -ed whose verb is a common word (`overturned`, `chilled`, `closed`), not
    a word that only ends in the letters (`speed`, `breed`)."""
    return (len(word) > 5 and word.endswith("ed")
            and max(zipf(word[:-2]), zipf(word[:-1])) >= _CONTENT)


def _agent_noun(word: str, zipf: Callable[[str], float]) -> bool:
    """A common verb made a noun by -er (`worker`, `maker`, `fighter`): English closes its compounds with
    the verb's object as often as not (`keyworker`, `carmaker`, `firefighter`), newer ones too rare for
    the list."""
    stem = word.removesuffix("s")
    if not stem.endswith("er") or len(stem) < 5:
        return False
    return max(zipf(stem[:-2]), zipf(stem[:-1])) >= _COMPOUND


def _common_pair(a: str, b: str, whole: float, zipf: Callable[[str], float], compounds: bool,
                 markup: bool = False) -> bool:
    """Two halves that read as two words: a function word and a word English uses (`had travelled`,
    `until midday`; where the token is absent from the list, a rarer word too: `the prefectural`); with
    ``compounds``, where the token is absent from the list altogether, two content words used three times
    in a million words or more, of four letters or more, or of three among the commonest thousand
    (`rocket reach`, `fishing experience`, `last day`)."""
    if a not in _FUNCTION and b not in _FUNCTION:
        # (A compound English writes is in the large list, if rarely: `rockfalls`, `tailrace`, `livecast`.)
        # Documentation in Markdown or reST coins terms from two words (`supertraits`) even where a
        # page shows no code: there each half is among the commonest ~5,000 words.
        least = _COMMON if markup else _COMPOUND
        # A participle in -ed before a word (`overturnedvehicle`, `chillednoodles`): English writes such a
        # phrase open, never as one word, so the participle need only be a word English uses.
        first = _CONTENT if not markup and _participle(a, zipf) else least
        return (compounds and whole == 0 and not _agent_noun(b, zipf)
                and zipf(a) >= (first if len(a) > 3 else _SHORT_CONTENT)
                and zipf(b) >= (least if len(b) > 3 else _SHORT_CONTENT))
    content = b if a in _FUNCTION else a
    return min(zipf(a), zipf(b)) >= max(_COMMON, whole + _MARGIN) or (
        zipf(content) >= (_RARE_CONTENT if whole == 0 else max(_CONTENT, whole + _MARGIN))
        and zipf(a if content is b else b) >= _COMMON)


class GluedWords(Rule):
    code = "T109"
    slug = "glued-words"
    summary = "Two common words written as one"
    rationale = """
**What it does.** Flags a lower-case token of six letters or more that English hardly uses (rarer
than one in ten million words in wordfreq's large English list) and that splits into a function word
and a word English uses (one in a million words or more; one in five million where the token is absent
from the list; the function word among the commonest), each a thousand times commoner than the token
(`theyalso` → `they also`, `frommany` → `from many`, `hadtravelled` → `had travelled`). Where a token
splits into two words in more than one way, the split taken is the one whose words are commonest
together, and only when it is a hundred times likelier than the next (`thereview` could be `the review`
or `there view`: not flagged).

**Why is this bad?** Scrapers join two text nodes without the space between them, and MT systems
that work on sub-word pieces sometimes lose a word boundary. Spell checkers stop at the word; this
rule says which space is missing.

Two content words joined (`rocketreach` → `rocket reach`, `bonemarrow` → `bone marrow`) are flagged
only when the token is absent from the list (a compound English writes is there, if rarely: `rockfalls`,
`tailrace`), each half is used three times in a million words or more (among the commonest ~5,000 words
in Markdown and reST, where documentation coins terms such as `supertraits`; a half of three letters
among the commonest ~1,000: `lastday`), and the document shows no code (code spans, identifiers, calls):
technical prose coins such compounds (`lockfile`, `dataclasses`) faster than any list records them.

Not flagged: a word English uses (`nevertheless`, `somebody`), a token the document uses more than
once (its own term: `docstring`, `whitespace`) or writes as code somewhere, compounds in a document
with code, a second half that is a particle or a suffix after a bare stem (`login`, `callable`; after
an inflected verb it is the next word: `washedaway` → `washed away`; `-ness`, no word of its own, is a
suffix after any stem: `woundedness`), capitalized words and names,
code, paths and identifiers, hashtags (`#sharedvalues`: their words are joined by design), and tokens that split into common words in more than one way of like
odds. A particle or a suffix after a function word is the next word only in a token the list does not
hold (`wasable` → `was able`; `suchlike` is English).
Off by default: it needs the `glue` extra (`pip install 'copylint[glue]'`, wordfreq: a 57 MB wheel,
since it carries every language's list; the English list it reads is 1.5 MB and loads in about 0.15 s,
at the first candidate only). Select it with `--select T109`.
"""
    severity = Severity.WARNING
    fix = Applicability.UNSAFE
    fix_note = "Inserts the missing space; unsafe because a rare term may split into two common words."
    default_enabled = False
    languages = frozenset({"en"})
    scope = "document"
    flag = (
        Example("The new law theyalso requires a permit.", "The new law they also requires a permit."),
        Example("Officials said that frommany regions the news was good.",
                "Officials said that from many regions the news was good."),
        Example("The minister did notwant to comment.", "The minister did not want to comment."),
        Example("The post was tagged #news, and the law theyalso passed is new.",
                "The post was tagged #news, and the law they also passed is new.", note="a glued word beside a hashtag"),
        Example("Prices rose becauseof the drought.", "Prices rose because of the drought."),
        Example("The team played wellagainst the champions.", "The team played well against the champions."),
        Example("It was reported thatthe talks had ended.", "It was reported that the talks had ended."),
        Example("The company saidthey would appeal.", "The company said they would appeal."),
        Example("Residents wereasked to stay indoors.", "Residents were asked to stay indoors."),
        Example("Photo sessions run on the 1st from 10am untilmidday.",
                "Photo sessions run on the 1st from 10am until midday.", note="a function word and a rarer word"),
        Example("He hadtravelled to Hokkaido during the month.", "He had travelled to Hokkaido during the month."),
        Example("It was the first private company to have a rocketreach outer space.",
                "It was the first private company to have a rocket reach outer space.",
                note="two content words, in a document without code"),
        Example("Children enjoyed a fishingexperience at the museum.",
                "Children enjoyed a fishing experience at the museum."),
        Example("The bridge was washedaway just after three in the morning.",
                "The bridge was washed away just after three in the morning.",
                note="a particle after an inflected verb is the next word"),
        Example("Officials said the team wasable to finish on time.",
                "Officials said the team was able to finish on time.",
                note="a suffix after a function word, in a token English never writes"),
        Example("Heavy rain fell across theprefectural capital on Sunday.",
                "Heavy rain fell across the prefectural capital on Sunday.",
                note="beside a function word, a rarer word where the token is absent from the list"),
        Example("Sunday was the lastday of the festival.", "Sunday was the last day of the festival.",
                note="a three-letter half among the commonest words"),
        Example("Damage to theregion's roads was severe.", "Damage to the region's roads was severe.",
                note="a possessive"),
        Example("It will classify an image of an overturnedvehicle as an accident.",
                "It will classify an image of an overturned vehicle as an accident.",
                note="a participle before a noun: a phrase English writes open"),
        Example("Medics carried the woundedsoldiers to the road.", "Medics carried the wounded soldiers to the road.",
                note="a participle glued to the next word (not a suffix)"),
        Example("Crowds came to see the newlyinfected patients moved.",
                "Crowds came to see the newly infected patients moved."),
    )
    allow = (
        Example("The talks nevertheless went on."),
        Example("Somebody left the door open."),
        Example("Use the `dataframe` object.", path="a.md", note="code"),
        Example("Install it with pip from requirements."),
        Example("The TheyAlso brand is new.", note="capitalized: a name"),
        Example("The essay was tagged #sharedvalues and #cognitivebias.", note="hashtags: joined by design"),
        Example("Open config/settingsfile.yaml first.", note="a path"),
        Example("The hiyashi chuka is a summer dish.", note="a rare loanword splits into no common words"),
        Example("The spacecraft reached orbit."),
        Example("Everything was understood without translation."),
        Example("The bridge will withstand the storm.", note="a rare word, its halves not a thousand times commoner"),
        Example("Every object here is callable once.", note="a suffix"),
        Example("Families feel the woundedness that soldiers bring home.",
                note="-ness after an inflected form: a derivation (`ness` is no word in lower case)"),
        Example("Please login before you start.", note="a particle"),
        Example("Every value here is stringlike.", note="'string' is a stem, not an inflected verb"),
        Example("The firefighters were dousing the flames.", note="not 'do using'"),
        Example("Jane dresses in a coverall.", note="'all' makes compounds"),
        Example("Run `pip lock` first: it writes the lockfile.", path="a.md",
                note="two content words in a document with code: a term"),
        Example("The module ``timeit`` measures it. Import timeit first.", path="a.rst",
                note="written as code elsewhere"),
        Example("Rockfalls closed the pass, and one rockfall blocked the road.", note="a compound the list holds"),
        Example("I'm a keyworker and my boyfriend has work commitments.",
                note="a noun and a verb's agent noun: a closed compound (`carmaker`), if too new for the list"),
        Example("The ship's tailrace was cleared.", note="a rare compound, in the list"),
        Example("The results, and suchlike details, follow.", note="a word the list holds, if rarely"),
        Example("Black and other formatters rewrite the file.", note="a prefix and a word: `for matters`"),
        Example("Rust's supertraits build on other traits.", path="a.md",
                note="two content words in documentation: each must be among the commonest"),
        Example("Here thereview decides.", note="two readings of like odds: `the review`, `there view`"),
    )

    def prepare(self) -> None:
        try:
            _frequency()("the")
        except RuntimeError:
            pass  # wordfreq is missing: said where the rule runs, as without a pool

    def check_document(self, doc: Document) -> Iterator[Finding]:
        # The words are decided once per document, over all its prose; most documents have no glued word,
        # and then no segment is visited (a trigger would send nearly every segment here: one long
        # lower-case word is all it could ask for).
        glued = _glued_words(doc)
        if not glued:
            return
        for seg in doc.segments:
            for m in _CANDIDATE.finditer(seg.text):
                halves = glued.get(m.group())
                if halves is None:
                    continue
                a, b = halves
                at = m.start() + len(a)
                yield self.finding(seg, m.start(), m.end(),
                                   f"'{m.group()}' looks like two words glued: '{a} {b}'", edits=[(at, at, " ")])


def _runs(text: str) -> set[str]:
    """The text's runs of six lower-case letters or more: every word ``_CANDIDATE`` finds among them."""
    runs = set(_RUN.findall(text))
    first = _FIRST_RUN.match(text)
    if first is not None:
        runs.add(first.group())
    return runs


def _candidate(text: str, run: str) -> bool:
    """Whether ``_CANDIDATE`` finds ``run`` (one of ``_runs``) in the text: where it stands whole, after no
    word character, path or name mark, before none (asked of a rare run's few places only)."""
    at = text.find(run)
    while at >= 0:
        found = _CANDIDATE.match(text, at)  # (its look-behind reads the text before ``at``)
        if found is not None and found.end() == at + len(run):
            return True
        at = text.find(run, at + 1)
    return False


# The candidate words met so far that English uses (Zipf frequency of _RARE or more): at most the list's
# words of that frequency, some 30,000.
_USED: set[str] = set()


def _glued_words(doc: Document) -> dict[str, tuple[str, str]]:
    """The document's glued words and their halves, each word decided once (every test depends on the word
    and the document alone), over the words of all its segments: most documents have none, and their
    segments are then not scanned again."""
    prose = doc.prose[0]
    words = _runs(prose)
    if not words:
        return {}
    try:
        zipf = _frequency()
    except RuntimeError:
        # Without wordfreq the rule says so only where it has a candidate to weigh, as when it looked up
        # _CANDIDATE's words alone: a document of none is checked, not an error.
        if any(_candidate(prose, word) for word in words):
            raise
        return {}
    # A word English uses splits into nothing (``split_of``'s first test): the document's code is looked
    # for only where a rarer word is left. Most of a document's words are such words, met before: they
    # are left out as a set (``_USED``), and only the others are looked up. (The runs _CANDIDATE would not
    # take are asked too: a word's frequency is the word's, wherever it stands.)
    rare = []
    for word in words - _USED:
        if zipf(word) < _RARE:
            rare.append(word)
        else:
            _USED.add(word)
    if not rare:
        return {}
    text = doc.text
    compounds = not _has_code(text)
    markup = doc.format != "text"
    glued: dict[str, tuple[str, str]] = {}
    for word in rare:
        halves = split_of(word, compounds, markup)
        # (The document-wide tests last: most documents have no word that splits. Whether _CANDIDATE finds
        # the run is asked of a run that splits alone: a search of the prose for each of a document's rare
        # runs cost more than _CANDIDATE's whole scan.)
        if halves is None or not _candidate(prose, word) or _uses(text)[word] > 1:
            continue  # a word the document uses again is its vocabulary (a term), not an accident
        if word not in code_names(text):  # the document writes it as code somewhere: ``timeit``, `readinto(`
            glued[word] = halves
    return glued

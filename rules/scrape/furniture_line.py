"""S111 furniture-line: a line of page furniture that no phrase list names, judged by a small model."""

from __future__ import annotations

import bisect
import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate, compress, count, pairwise, repeat
from operator import add, and_, contains, eq, ge, gt, itemgetter, lt, mul, not_, truediv
from pathlib import Path

from lint.model import Document, Finding, Severity
from lint.patterns import compiled_on_use, kept_value
from lint.rule import Example, Rule

MODEL = Path(__file__).parent / "data" / "furniture_line.json"
# How many furniture lines (this rule's, and the lines of the rules it defers to) a text must show before
# this rule reports any.
MIN_SIGNALS = 2
_WORD = compiled_on_use(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
_DATE = compiled_on_use(rf"(?i)\b(?:\d{{1,2}} {_MONTH},? \d{{4}}|{_MONTH} \d{{1,2}}(?:st|nd|rd|th)?,? \d{{4}}|\d{{4}}-\d\d-\d\d"
                   rf"|\d{{1,2}}[./]\d{{1,2}}[./]\d{{2,4}}|\d{{1,2}}:\d\d)")
_END = compiled_on_use(r"[.!?][\"”’)\]]?$")
# What _END finds at the end of a line without a line break (all of a text's stripped lines), asked with
# str.endswith in C.
_ENDINGS = (*".!?", *(mark + close for mark in ".!?" for close in "\"”’)]"))
_SEPARATORS = compiled_on_use(r" [|/•·»›>–—-] |: ")
# English function words: prose has many, furniture (names, section titles, prompts) few. The model
# learns how much that counts; the list is grammar, not furniture.
_STOP = frozenset("""
a an the of to in on at for with by from as and or but is are was were be been has have had it its that
this which who what when where how not no he she they we you i his her their our will would can could
""".split())

FEATURES = (
    "bias", "log_chars", "words_1_3", "words_4_8", "words_9_20", "words_21_plus", "capitalized", "all_caps",
    "digits", "date", "ends_sentence", "ends_colon", "ends_ellipsis", "separator", "stop_ratio",
    "starts_lower", "first_tenth", "last_tenth", "before_body", "after_body", "repeated",
    "prev_short", "next_short", "prev_sentence", "next_sentence", "question", "url_or_at", "copyright",
    "topic_overlap", "inside_body", "addresses_reader", "sentence_case_fragment",
    "list_sibling", "body_distance", "lines_before_body", "pipe",
)
# Words a page uses to talk to its reader (`Sign up for our newsletter`, `Continue reading your story`).
_READER = frozenset("you your yours us our we".split())


@dataclass(frozen=True)
class Model:
    """The trained logistic model: a weight per line feature and the score that flags a line."""

    weights: tuple[float, ...]
    threshold: float

    def score(self, x: Sequence[float]) -> float:
        z = sum(map(mul, self.weights, x))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


@lru_cache(maxsize=1)
def model() -> Model:
    # Kept between runs under the file's size and modification time (``kept_value``, as Python keeps
    # bytecode): a run reads no JSON, and imports no json (which compiles its regexes at import).
    st = MODEL.stat()
    features, weights, threshold = kept_value(("furniture-line-model", str(MODEL)), _model_read,
                                              (st.st_size, st.st_mtime_ns))
    assert features == FEATURES, "model file does not match the features"
    return Model(weights, threshold)


def _model_read() -> tuple[tuple[str, ...], tuple[float, ...], float]:
    """The model file's features, weights and threshold."""
    import json

    data = json.loads(MODEL.read_text(encoding="utf-8"))
    return tuple(data["features"]), tuple(float(w) for w in data["weights"]), float(data["threshold"])


def _overlap(low: list[str], vocabulary: Counter[str] | BodyWords, in_body: bool) -> float:
    """The share of a line's content words that the body uses (elsewhere than in this line)."""
    content = [w for w in low if len(w) > 3 and w not in _STOP]
    if not content:
        return 0.0
    if not in_body:
        return sum(map(vocabulary.__contains__, content)) / len(content)
    own = Counter(content)
    return sum(map(gt, map(vocabulary.__getitem__, content), map(own.__getitem__, content))) / len(content)


@dataclass(frozen=True)
class Layout:
    """What the features of a document's lines share, read from their shapes alone (no word split):
    the lines' counts, which end a sentence, which are short or sentences, where the body is."""

    lines: Sequence[str]
    counts: Counter[str]
    ends: list[bool]
    shorts: list[float]
    sentences: list[float]
    body: list[int]
    siblings: list[float]
    body_distance: list[float]
    before_body: list[float]


_FIRST, _FIRST_TWO = itemgetter(slice(None, 1)), itemgetter(slice(None, 2))
_BULLETS = ("- ", "• ", "* ")
# ``min(1.0, log(1 + d) / 3)`` for each distance d: 1.0 from d = 20 on (log 21 > 3), so a document of any
# length takes its values from this list and a run of 1.0.
_SCALED = [min(1.0, math.log(1 + d) / 3) for d in range(32)]


def _scaled(n: int) -> list[float]:
    """``min(1.0, log(1 + d) / 3)`` for d in 0 .. n."""
    return _SCALED[:n + 1] + [1.0] * (n + 1 - len(_SCALED))


def layout_of(lines: Sequence[str]) -> Layout:
    # Each list is made by a map over the lines (a loop in C): a record of a corpus is read in the
    # microseconds a Python loop over its lines costs.
    ends = list(map(str.endswith, lines, repeat(_ENDINGS)))
    if "\n" in "".join(lines):  # (a line as given, not stripped: _END's `$` holds before its break)
        ends = [e or (ln[-1:] == "\n" and _END.search(ln) is not None) for e, ln in zip(ends, lines, strict=True)]
    spaces = list(map(str.count, lines, repeat(" ")))
    few = list(map(lt, spaces, repeat(8)))
    shorts = list(map(float, map(and_, few, map(not_, ends))))
    sentences = list(map(float, map(and_, map(not_, few), ends)))
    body = list(compress(count(), map(and_, ends, map(ge, spaces, repeat(20)))))
    n = len(lines)
    # A line shaped as its neighbours are (one item of a list, a row of a table): a list in an article's
    # body and a menu or a block of links both have that shape; the model weighs it with the line's place.
    # The shape, read off a line's edges: how it starts (a digit, a bullet, a capital), whether it ends a
    # sentence, whether it is short, whether it is a table's row.
    firsts = list(map(_FIRST, lines))
    shapes: list[tuple[bool, ...] | None] = [None, *zip(
        map(str.isdigit, firsts), map(contains, repeat(_BULLETS), map(_FIRST_TWO, lines)), map(str.isupper, firsts),
        ends, few, map(contains, lines, repeat("|")), strict=True)] + [None]
    middle = shapes[1:]
    siblings = list(map(truediv, map(add, map(eq, shapes, middle), map(eq, shapes[2:], middle)), repeat(2)))
    # How far a line stands from the nearest body line, and how far before the first one (on a log scale,
    # capped at 1): furniture gathers at the page's edges, away from the body. The lines between two body
    # lines a gap apart take theirs by two slices (up to half the gap, then down).
    scaled = _scaled(n)
    if body:
        first = body[0]
        distance = scaled[first:0:-1]  # the lines before the first body line
        for a, b in pairwise(body):
            half = (b - a) // 2
            distance += scaled[:half + 1]
            distance += scaled[b - a - half - 1:0:-1]
        distance += scaled[:n - body[-1]]
        before = [*scaled[first:0:-1], *[0.0] * (n - first)]
    else:
        distance = [scaled[n]] * n
        before = scaled[n:0:-1]
    return Layout(lines, Counter(lines), ends, shorts, sentences, body, siblings, distance, before)


# The features read from a line's words, its digits or a pattern over it (the costly ones): ``bounds``
# stands each at its most furniture-like value, so that a line whose score cannot reach the threshold
# whatever they are is never split into words.
_WORDED = frozenset({"words_1_3", "words_4_8", "words_9_20", "words_21_plus", "capitalized", "all_caps",
                     "digits", "date", "separator", "stop_ratio", "topic_overlap", "addresses_reader",
                     "sentence_case_fragment"})


_WORD_BINS = frozenset({"words_1_3", "words_4_8", "words_9_20", "words_21_plus"})
_DIGITED = frozenset({"digits", "date"})
_DIGIT = compiled_on_use(r"\d")


def bounds(layout: Layout, weights: Sequence[float], floor: float = -math.inf,
           at: Iterable[int] | None = None) -> list[float]:
    """For each line, the highest logit its features can give with the worded ones unknown (each of
    them lies in [0, 1]): the exact sum of the others, plus every positive weight of a worded one (the
    largest of the word-count bins', of which one is 1; the digit features' only where a digit is). A
    line whose bound is under the threshold's logit scores under the threshold (``line_features``
    would give it a score no higher). A line whose bound stays under ``floor`` even with the digit
    features' slack is not searched for a digit: its bound is given without it (under ``floor`` still).
    With ``at``, the bounds of those lines alone (line numbers, in that order), each the same as among all."""
    w = dict(zip(FEATURES, weights, strict=True))
    # Exactly one of the word-count bins is 1: the largest of their weights bounds them together.
    # `digits` and `date` are 0 on a line without a digit (most lines): their slack is added where one is.
    slack = w["bias"] + sum(max(0.0, w[f]) for f in _WORDED - _WORD_BINS - _DIGITED) \
        + max(0.0, *(w[f] for f in _WORD_BINS))
    digit_slack = sum(max(0.0, w[f]) for f in _DIGITED)
    has_digit, isdigit = _DIGIT.search, str.isdigit
    lines, ends, shorts, sentences, counts = layout.lines, layout.ends, layout.shorts, layout.sentences, layout.counts
    n = len(lines)
    first_body, last_body = (layout.body[0], layout.body[-1]) if layout.body else (n, -1)
    log_chars, end_sentence, end_colon, end_ellipsis = w["log_chars"] / 6, w["ends_sentence"], w["ends_colon"], \
        w["ends_ellipsis"]
    lower, first, last, before, after = w["starts_lower"], w["first_tenth"], w["last_tenth"], w["before_body"], \
        w["after_body"]
    repeated, prev_short, next_short, prev_sentence, next_sentence = w["repeated"], w["prev_short"], \
        w["next_short"], w["prev_sentence"], w["next_sentence"]
    question, url, copyright_, inside = w["question"], w["url_or_at"], w["copyright"], w["inside_body"]
    sibling, distance, before_lines, pipe = w["list_sibling"], w["body_distance"], w["lines_before_body"], w["pipe"]
    siblings, distances, befores = layout.siblings, layout.body_distance, layout.before_body
    shorts_around = [1.0, *shorts, 1.0]
    sentences_around = [0.0, *sentences, 0.0]
    out = []
    log = math.log
    for k in range(n) if at is None else at:
        line = lines[k]
        out.append(slack
                   + log_chars * log(1 + len(line))
                   + end_sentence * ends[k]
                   + end_colon * line.endswith(":")
                   + end_ellipsis * line.endswith(("...", "…"))
                   + lower * line[:1].islower()
                   + first * (k < n / 10) + last * (k >= n - n / 10)
                   + before * (k < first_body) + after * (k > last_body)
                   + repeated * (counts[line] > 1)
                   + prev_short * shorts_around[k] + next_short * shorts_around[k + 2]
                   + prev_sentence * sentences_around[k] + next_sentence * sentences_around[k + 2]
                   + question * line.endswith("?")
                   + url * ("http" in line or "@" in line or "www." in line)
                   # (No character lowers to a bracket: a line without one holds no `(c)` lowered.)
                   + copyright_ * ("©" in line or ("(" in line and "(c)" in line.lower()))
                   + inside * (first_body < k < last_body)
                   + sibling * siblings[k] + distance * distances[k] + before_lines * befores[k]
                   + pipe * ("|" in line))
        # Searching a line for a digit (a regex's step per character) was a third of this loop: only a line
        # the slack could lift to ``floor`` is searched. (The same sum: its last term was the slack or 0.0.)
        # (str.isdigit, which the features count, and \d agree on ASCII alone.)
        if out[-1] + digit_slack >= floor and (has_digit(line) if line.isascii() else any(map(isdigit, line))):
            out[-1] += digit_slack
    return out


def edge_bounds(layout: Layout, weights: Sequence[float], floor: float) -> dict[int, float]:
    """``bounds`` of the lines the rule may report, by line number: a line between the body's first and last
    line is the text's own structure (``text_structure``), and the first line the title, neither ever
    reported: only the lines after the title up to the first body line, and from the last one on, are
    bounded (most lines of a talk or an article are its body's)."""
    body, n = layout.body, len(layout.lines)
    edges = range(1, n) if not body else [*range(1, body[0] + 1), *range(max(body[0] + 1, body[-1]), n)]
    return dict(zip(edges, bounds(layout, weights, floor, edges), strict=True))


def _bin_slack(weights: Sequence[float]) -> tuple[float, Callable[[int], float]]:
    """What ``bounds`` adds for the word-count bins (the largest weight of theirs, or 0), and the weight of
    the bin that a line of so many words falls in (as ``line_features`` sets them)."""
    w = dict(zip(FEATURES, weights, strict=True))
    few, some, many, most = w["words_1_3"], w["words_4_8"], w["words_9_20"], w["words_21_plus"]

    def weight_of(words: int) -> float:
        return few if words <= 3 else some if words <= 8 else many if words <= 20 else most

    return max(0.0, few, some, many, most), weight_of


def vocabulary_of(layout: Layout) -> Counter[str]:
    """How often each content word occurs in the body's lines: a line about the article's own topic
    shares its words; another article's headline, a prompt or a menu item does not."""
    lines = layout.lines
    return Counter(w for k in layout.body for w in map(str.lower, _WORD.findall(lines[k])) if len(w) > 3)


TOPIC_OVERLAP = FEATURES.index("topic_overlap")


class BodyWords:
    """``vocabulary_of`` asked word by word, for a line outside the body, which asks only whether the body
    uses each of its words: a word whose letters the lowered body does not hold is none of its words, and
    only the body lines that hold them are split into words (counting every word of a long body was a
    fifth of this rule's time). The counts themselves (``vocabulary_of``) are made for a line inside the
    body, and for a body with a capital sigma, whose lowering depends on the letters around it (the one
    character that str.lower maps by its context): there a word's lowered letters need not stand in its
    line's."""

    def __init__(self, layout: Layout) -> None:
        self.layout = layout
        self._lines = [layout.lines[k] for k in layout.body]
        joined = "\n".join(self._lines)
        self._by_word = "\u03a3" not in joined
        self._lowered = joined.lower() if self._by_word else ""
        self._low_lines: list[str] | None = None
        self._uses: dict[str, bool] = {}
        self._counts: Counter[str] | None = None

    def counts(self) -> Counter[str]:
        if self._counts is None:
            self._counts = vocabulary_of(self.layout)
        return self._counts

    def __getitem__(self, word: str) -> int:
        return self.counts()[word]

    def __contains__(self, word: str) -> bool:
        """Whether a body line's words, lowered, include ``word`` (lowered, more than three letters)."""
        if not self._by_word or self._counts is not None:
            return word in self.counts()
        answer = self._uses.get(word)
        if answer is None:
            answer = False
            if word in self._lowered:
                if self._low_lines is None:
                    self._low_lines = self._lowered.split("\n")  # (lowering adds no line break)
                answer = any(word in low and word in map(str.lower, _WORD.findall(line))
                             for line, low in zip(self._lines, self._low_lines, strict=True))
            self._uses[word] = answer
        return answer


# A list item's lines under its bulleted name (an address, a phone number): a bullet this many lines away
# or nearer, above and below.
_ITEM_REACH = 6


# A letter's salutation (`Dear Hannah:`, `Dear Mr. Ortiz,`): its own line, right above the first paragraph.
_SALUTATION = compiled_on_use(r"Dear [^\W\d_][^!?:,;]{0,40}[,:]")
# A letter's signature: at most this many lines (a name) under its complimentary close, ending the text.
_SIGNATURE_LINES = 1


# The words a complimentary close opens with (`Yours,`, `Sincerely,`, `Best wishes,`, `With love,`): a
# page's furniture set the same way (`Tags,`, `Follow Us,`, `Sponsored Content,`) opens with none of them.
_CLOSE_WORDS = frozenset("""
yours your sincerely regards best love cheers thanks thank respectfully cordially warmly warm warmest kind
kindest fondly affectionately faithfully truly with all many
""".split())


def _complimentary_close(line: str) -> bool:
    """A letter's complimentary close (`Yours,`, `Best wishes,`): one to four words, a capital first, a
    comma last, as letters set it on its own line under the last paragraph, opening with a word of closes."""
    return line[:1].isupper() and line.endswith(",") and len(line.split()) <= 4 \
        and line.split()[0].rstrip(",").lower() in _CLOSE_WORDS


def letter_frame(lines: Sequence[str], k: int, first_body: int, last_body: int) -> bool:
    """Whether the line is a letter's frame around its body, as letters are set: the salutation on the line
    right above the first paragraph, or the complimentary close on the line right under the last one and
    the signature under it (a name: one line of capitalized words without an end mark that ends the text). A letter's
    frame is short, title-cased and outside the body: the model's furniture shape."""
    line = lines[k]
    if k == first_body - 1:
        return _SALUTATION.fullmatch(line) is not None
    close = last_body + 1
    # A close and a signature frame a letter only under a letter's salutation (`Dear Hannah:` right above
    # the first paragraph): under a page's article, `Sincerely,` and `The Daily Herald` are its template's.
    if not (first_body >= 1 and _SALUTATION.fullmatch(lines[first_body - 1]) is not None):
        return False
    if not (close < len(lines) and len(lines) - close - 1 <= _SIGNATURE_LINES
            and _complimentary_close(lines[close])):
        return False
    # The signature is a name: each word capitalized.
    signature = lines[close + 1:]
    return k >= close and all(len(s.split()) <= 4 and not s.endswith((".", "!", "?", ":")) for s in signature) \
        and (not signature or all(w[:1].isupper() for w in signature[0].split()))


def text_structure(lines: Sequence[str], k: int, layout: Layout) -> bool:
    """Whether the line is a piece of the text's own structure, which an extractor keeps from the article and
    page furniture rarely shows: a line inside the body's run (between its first and last line of prose: a
    subheading, a speaker's name, a caption), a row of a table (a `|` in it and in a line beside it), an
    item of a bulleted list (a bullet on a line beside it: a list of names), or a line of a list item's
    block (a bullet within ``_ITEM_REACH`` lines above and below: an address and a phone number under a
    clinic's name), but for a list above the body's first paragraph. On the development sites, 8 of the
    model's 63 findings on the article benchmark's pages stood there (5 true), and 221 of its 324 on the
    web-content-extraction benchmark's (203 false)."""
    body = layout.body
    if body and body[0] < k < body[-1]:
        return True
    line, n = lines[k], len(lines)
    if body and letter_frame(lines, k, body[0], body[-1]):
        return True
    if "|" in line and ("|" in (lines[k - 1] if k else "") or "|" in (lines[k + 1] if k + 1 < n else "")):
        return True
    if body and k < body[0]:
        return False  # a bulleted list above the body is a menu as often (a nav bar, a language switcher)
    near = [j for j in range(max(0, k - 2 * _ITEM_REACH), min(n, k + _ITEM_REACH + 1))
            if j != k and lines[j][:2] in _BULLETS]
    above, below = [j for j in near if j < k], [j for j in near if j > k]
    if line[:2] in _BULLETS:
        return bool((below and below[0] - k <= _ITEM_REACH) or (above and k - above[-1] <= _ITEM_REACH))
    # The last item's block is as long as the item's before it.
    return bool(above) and k - above[-1] <= _ITEM_REACH and bool(
        below or (len(above) > 1 and k - above[-1] < above[-1] - above[-2]))


def topic_overlap(line: str, layout: Layout, k: int, vocabulary: Counter[str] | BodyWords) -> float:
    """The line's ``topic_overlap`` feature, as ``line_features`` computes it."""
    return _overlap(list(map(str.lower, _WORD.findall(line))), vocabulary, k in set(layout.body))


def line_features(lines: Sequence[str], only: Sequence[int] | None = None,
                  layout: Layout | None = None, vocabulary: Counter[str] | None = None) -> list[list[float]]:
    """The feature vector of every line of a document (stripped, non-empty), in FEATURES' order; with
    ``only``, of those lines alone (in that order). ``vocabulary`` (``vocabulary_of``) is the body's,
    computed when not given; with ``only`` and no vocabulary, ``topic_overlap`` is left at 0.0
    (``topic_overlap`` computes it for a line), and the body's lines are not split into words."""
    n = len(lines)
    layout = layout or layout_of(lines)
    counts, ends, shorts, sentences, body = layout.counts, layout.ends, layout.shorts, layout.sentences, layout.body
    first_body, last_body = (body[0], body[-1]) if body else (n, -1)
    body_set = set(body)
    wanted = range(n) if only is None else only
    found: dict[int, list[str]] = {k: _WORD.findall(lines[k]) for k in wanted}
    lowered = {k: list(map(str.lower, words)) for k, words in found.items()}
    if vocabulary is None and only is None:
        vocabulary = Counter(w for k in body for w in lowered[k] if len(w) > 3)
    out = []
    for k in wanted:
        line = lines[k]
        words = found[k]
        low = lowered[k]
        nw = len(words)
        chars = len(line)
        # (Counted in C, over words and characters: a paragraph of plain text is one line.)
        caps = sum(map(str.isupper, map(itemgetter(0), words))) / nw if nw else 0.0
        stops = sum(map(_STOP.__contains__, low)) / nw if nw else 0.0
        digit_count = sum(map(str.isdigit, line))
        digits = digit_count / chars
        out.append([
            1.0,
            math.log(1 + chars) / 6,
            float(nw <= 3), float(4 <= nw <= 8), float(9 <= nw <= 20), float(nw > 20),
            caps,
            float(nw > 0 and line.isupper()),
            min(1.0, digits * 5),
            float(digit_count > 0 and _DATE.search(line) is not None),  # (every date form has a digit)
            float(ends[k]),
            float(line.endswith(":")),
            float(line.endswith(("...", "…"))),
            float(_SEPARATORS.search(line) is not None),
            stops,
            float(line[:1].islower()),
            float(k < n / 10), float(k >= n - n / 10), float(k < first_body), float(k > last_body),
            float(counts[line] > 1),
            shorts[k - 1] if k > 0 else 1.0,
            shorts[k + 1] if k + 1 < n else 1.0,
            sentences[k - 1] if k > 0 else 0.0,
            sentences[k + 1] if k + 1 < n else 0.0,
            float(line.endswith("?")),
            float("http" in line or "@" in line or "www." in line),
            float("©" in line or "(c)" in line.lower()),
            _overlap(low, vocabulary, k in body_set) if vocabulary is not None else 0.0,
            float(first_body < k < last_body),
            float(any(map(_READER.__contains__, low))),
            float(nw >= 2 and words[0][0].isupper() and all(w.islower() for w in words[1:])
                  and not ends[k]),
            layout.siblings[k], layout.body_distance[k], layout.before_body[k], float("|" in line),
        ])
    return out


# A line that runs on to the next is `^[^\n]{39,}[a-z,;][ \t]*\n(?=[ \t]*[a-z])` (MULTILINE). The first line is
# read off its end (``_first_line_runs_on``): the pattern backs off over the whole line a character at a
# time, and a record of plain text is one long line.
_RUN_ON_LAST = frozenset("abcdefghijklmnopqrstuvwxyz,;")
_LOWER_NEXT = compiled_on_use(r"[ \t]*[a-z]")
# The same lines but the first, each found from the line break before it, a literal the regex engine
# skips to in C (a MULTILINE `^` is tried at every character).
_RUNS_ON_AFTER_BREAK = compiled_on_use(r"\n[^\n]{39,}[a-z,;][ \t]*(?=\n[ \t]*[a-z])")


# The same lines again, each found at the line break that ends it, where the pattern above reads the
# whole line and backs off over it one character at a time: the line's last character, the next line's
# start and the 40 characters before the break (none of them a break: a line of 40 or more) are asked
# of the characters around the break alone. A line with spaces or tabs after its last character is
# left to the pattern above (`_TRAILING_BREAK` finds it), as is the first line (no break before it).
_RUN_ON_BREAK = compiled_on_use(r"\n(?<=[a-z,;]\n)(?=[ \t]*[a-z])(?<=[^\n]{40}\n)")
_TRAILING_BREAK = compiled_on_use(r"\n(?<=[ \t]\n)(?=[ \t]*[a-z])")
# A line of 40 characters or more once stripped (str.strip's whitespace is the regex engine's \s), each
# found from the line break before it; the first line is asked with ``match``.
_LONG_AFTER_BREAK = compiled_on_use(r"\n[^\S\n]*\S[^\n]{39,}(?<=\S)")
_LONG_FIRST = compiled_on_use(r"[^\S\n]*\S[^\n]{39,}(?<=\S)")
# The break after a line of 40 characters or more as it stands (the last line, without one, is counted
# as if it were such a line).
_LONG_RAW = compiled_on_use(r"\n(?<=[^\n]{40}\n)")


def _runs_on_count(text: str) -> int:
    """How many lines but the first ``_RUNS_ON_AFTER_BREAK`` finds."""
    count = len(_RUN_ON_BREAK.findall(text))
    first_break = text.find("\n")
    if first_break >= 0 and _RUN_ON_BREAK.match(text, first_break):
        count -= 1
    for m in _TRAILING_BREAK.finditer(text):
        before = text.rfind("\n", 0, m.start())
        if before >= 0 and _RUNS_ON_AFTER_BREAK.match(text, before):
            count += 1
    return count


def _first_line_runs_on(text: str) -> bool:
    """Whether ``_RUNS_ON`` matches at the text's start: a first line of 40 characters or more before its
    trailing spaces and tabs, the last of them a lower-case letter, a comma or a semicolon, and a next line
    that starts (after spaces and tabs) with a lower-case letter."""
    first_break = text.find("\n")
    if first_break < 0:
        return False
    line = text[:first_break].rstrip(" \t")
    return len(line) >= 40 and line[-1] in _RUN_ON_LAST and _LOWER_NEXT.match(text, first_break + 1) is not None


def hand_wrapped(text: str) -> bool:
    """Whether the text is prose wrapped by hand, as plain-text documentation, mail and RFCs are (and some
    extractors' Markdown): in a fifth or more of its long lines a sentence runs on to the next line, where
    extractor output keeps a paragraph on one line. The model knows only the second layout; in the first,
    every heading, field and wrapped line end is short and unpunctuated, so it reads them all as furniture."""
    # Each line that runs on is counted at the break after it: fewer than three breaks, fewer than three.
    if text.count("\n") < 3:
        return False
    runs_on = _runs_on_count(text) + _first_line_runs_on(text)
    if runs_on < 3:
        return False
    # A line of 40 characters or more once stripped is one before: where the text's runs-on make a fifth
    # of those, they make a fifth of the long lines too (most texts are told so, without stripping).
    if runs_on >= 0.2 * (text.count("\n") + 1) or runs_on >= 0.2 * (len(_LONG_RAW.findall(text)) + 1):
        return True  # (the count of all lines first: a bound too, counted at memory speed)
    long_lines = len(_LONG_AFTER_BREAK.findall(text)) + (_LONG_FIRST.match(text) is not None)
    return runs_on >= 0.2 * long_lines


# A heading underlined as reST and plain-text documents underline theirs: a line of one punctuation
# character repeated, as long as the text line above it.
# The underline is found first and the line above it read after: a pattern that begins with the text
# line (`^[^\n]*\S[^\n]*\n`) backtracks over every line of the text, quadratic in a line's length.
# Each underline is found from the line break before it (the first line, with none, is never one): a
# literal the regex engine skips to, where a MULTILINE `^` is tried at every character of the text.
_UNDERLINE = compiled_on_use(r"\n([=\-~^*#+`'\"])\1{2,}[ \t]*$", re.MULTILINE)


def written_lines(text: str) -> tuple[list[tuple[int, int]], list[str]]:
    """The spans of the lines ``_furniture.LINE`` finds (cut at each CR and LF, blank ones left out) and
    each stripped, cut and read by maps in C (the regex stepped through every character of the text)."""
    pieces = text.replace("\r", "\n").split("\n")
    stripped = list(map(str.strip, pieces))  # (str.strip's white space is the regex engine's \s)
    starts = list(compress(accumulate(map((1).__add__, map(len, pieces)), initial=0), stripped))
    spans = list(zip(starts, map(add, starts, compress(map(len, pieces), stripped)), strict=True))
    return spans, list(filter(None, stripped))


def underlined_headings(text: str) -> bool:
    """Whether the text marks its headings by underlining them (two or more): a plain-text document or a
    reST source, with its own structure of headings, lists and tables, which the model, made for an
    extractor's output, would read as furniture line by line (a list of names, a table's rows)."""
    found = 0
    for m in _UNDERLINE.finditer(text):
        start = m.start() + 1  # (the underline's first character, after the break)
        above = text[text.rfind("\n", 0, start - 1) + 1 : start - 1]
        if above.strip() and abs(len(text[start:m.end()].rstrip()) - len(above.rstrip())) <= 2:
            found += 1
            if found >= 2:
                return True
    return False


def own_layout(text: str) -> bool:
    """Whether the text is hand-wrapped or underlines its headings (``hand_wrapped``, ``underlined_headings``).
    Their patterns read lines ended by LF: a text whose lines end in CRLF or CR alone (an old Mac export) is
    asked as the same text with LF ends (its underlines were never seen: 19,473 findings on the PEPs as one
    CR or CRLF file, none with LF ends)."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return hand_wrapped(text) or underlined_headings(text)


class FurnitureLine(Rule):
    code = "S111"
    slug = "furniture-line"
    summary = "A line of page furniture that the phrase lists do not name (judged by a line model)"
    rationale = """
**What it does.** In plain text, scores every line that `S102` and `S110` left alone with a small
logistic-regression model over the line's shape: its length and word count, the share of capitalized
words, digits and dates, how it ends, separators (`|`, `»`, ` - `), the share of function words, where it
stands (before or after the article's body, how far from its nearest body line, first or last tenth of
the text), whether it repeats, the shape of the lines around it, and whether it is shaped as its
neighbours are (one item of a list). A line scored above the model's threshold is reported, in a text
that shows two furniture lines or more (its own lines and the findings of `S101`, `S102`, `S109` and `S110`): one odd line in a
text that shows no other furniture is more often the text's own (a transcript's `(Applause)`) than a
page's.

**Why is this bad?** Phrase lists know the furniture of the pages they were written from; the next site
says `Story continues below advertisement` or `Scroll to continue with content`. The shape of a
furniture line (short, title-cased, no sentence end, next to other such lines, outside the body) is
the same on every site.

The model (`rules/scrape/data/furniture_line.json`, 36 weights) was trained by `bench/furniture_model.py`
on the development half of two public labelled sets, split by site: the article-extraction benchmark's
extractor output and trafilatura's evaluation pages. The threshold was set for a precision of 0.8 out of
fold (five folds by development site). Plain text only (Markdown and reST mark their headings and lists up); the first line
(the title) is never flagged. Report only.

Not flagged: text wrapped by hand (a sentence runs on from one line to the next in a fifth or more of
the long lines: plain-text documentation, mail, RFCs, some extractors' Markdown), where the model, made
for one paragraph per line, would read every heading and header field as furniture; and text that
underlines its headings (two or more, as reST and plain-text documents do), whose lists of names and
table rows are its own structure. Nor a line of the text's own structure, whatever it scores: a line
between the body's first and last paragraph (a subheading, a speaker's name), a table's row beside another,
an item of a bulleted list, and the lines under a list item's bullet (an address, a phone number): on
unseen sites' pages the model's findings there were nine in ten the article's own. A bulleted list above the
body's first paragraph is judged all the same: there it is a nav bar or a language switcher as often.
Nor a letter's frame, as letters set it: the salutation (`Dear Hannah:`) on the line right above the first
paragraph, and, under such a salutation, the complimentary close (one to four words ending in a comma and
opening with a close's word, `Yours,`, `Best wishes,`) on the line right under the last one with the
signature under it (one line, a name), ending the text; a close and a name that more lines follow, or
under an article with no salutation (`Sincerely,` and `The Daily Herald`: a site's template), and lines
shaped so that open with no close's word (`Tags,`, `Follow Us,`), are judged as any line is.
"""
    severity = Severity.INFO
    fix = None
    scope = "findings"
    flag = (
        Example("Storm closes schools across the county\n\n"
                "The storm closed every school in the county on Monday, officials said, and more snow is expected on Tuesday night across the region.\n\nParents were told to check the district's website for updates before leaving home, and buses will run on a reduced schedule until Thursday.\n\nEMAIL ME\n\nMost Read\n"),
        Example("Storm closes schools across the county\n\n"
                "The storm closed every school in the county on Monday, officials said, and more snow is expected on Tuesday night across the region.\n\nParents were told to check the district's website for updates before leaving home, and buses will run on a reduced schedule until Thursday.\n\nSHARE THIS STORY\n\nNewsletter\n"),
        Example("Storm closes schools across the county\n\n"
                "The storm closed every school in the county on Monday, officials said, and more snow is expected on Tuesday night across the region.\n\nParents were told to check the district's website for updates before leaving home, and buses will run on a reduced schedule until Thursday.\n\nNOVEMBER 20, 2019 10:43\n\nSHARE THIS STORY\n", note="a timestamp after the body"),
        Example("Storm closes schools across the county\n\n"
                "The storm closed every school in the county on Monday, officials said, and more snow is expected on Tuesday night across the region.\n\nParents were told to check the district's website for updates before leaving home, and buses will run on a reduced schedule until Thursday.\n\nITV, ASSOCIATED PRESS\n\nTopics\n", note="a credit line"),
        Example("Storm closes schools across the county\n\n"
                "The storm closed every school in the county on Monday, officials said, and more snow is expected on Tuesday night across the region.\n\nParents were told to check the district's website for updates before leaving home, and buses will run on a reduced schedule until Thursday.\n\nFax: 972-3-561-3699\n\nContact Us\n"),
        Example("Storm closes schools across the county\n\n"
                "The storm closed every school in the county on Monday, officials said, and more snow is expected on Tuesday night across the region.\n\nParents were told to check the district's website for updates before leaving home, and buses will run on a reduced schedule until Thursday.\n\nNewsletter\n\nEMAIL ME\n"),
        Example("Storm closes schools across the county\n\n"
                "The storm closed every school in the county on Monday, officials said, and more snow is expected on Tuesday night across the region.\n\nParents were told to check the district's website for updates before leaving home, and buses will run on a reduced schedule until Thursday.\n\nContact Us\n\nMost Read\n"),
        Example("Storm closes schools across the county\n\n"
                "The storm closed every school in the county on Monday, officials said, and more snow is expected on Tuesday night across the region.\n\nParents were told to check the district's website for updates before leaving home, and buses will run on a reduced schedule until Thursday.\n\nMost Read\n\nTopics\n"),
        Example("Storm closes schools across the county\n\n"
                "The storm closed every school in the county on Monday, officials said, and more snow is expected on Tuesday night across the region.\n\nParents were told to check the district's website for updates before leaving home, and buses will run on a reduced schedule until Thursday.\n\nTopics\n\nContact Us\n"),
        Example("Storm closes schools across the county\n\n"
                "The storm closed every school in the county on Monday, officials said, and more snow is expected on Tuesday night across the region.\n\nParents were told to check the district's website for updates before leaving home, and buses will run on a reduced schedule until Thursday.\n\nYours,\n\nBill\n\nEMAIL ME\n",
                note="a letter's close and a name that a prompt follows"),
        Example("Storm closes schools across the county\n\n"
                "The storm closed every school in the county on Monday, officials said, and more snow is expected on Tuesday night across the region.\n\nParents were told to check the district's website for updates before leaving home, and buses will run on a reduced schedule until Thursday.\n\nSincerely,\n\nThe Daily Herald\n",
                note="a close and a site's name under an article with no salutation: a template's"),
    )
    allow = (
        Example("Storm closes schools across the county\n\nThe storm closed every school in the county on Monday, officials said, and more snow is expected on Tuesday night across the region.\n", note="the title is never flagged"),
        Example("Storm closes schools across the county\n\n"
                "The storm closed every school in the county on Monday, officials said, and more snow is expected on Tuesday night across the region.\n\nWhat parents need to know\n\nParents were told to check the district's website for updates before leaving home, and buses will run on a reduced schedule until Thursday.\n", note="a subheading inside the body"),
        Example("Storm closes schools across the county\n\n"
                "The storm closed every school in the county on Monday, officials said, and more snow is expected on Tuesday night across the region.\n\nParents were told to check the district's website for updates before leaving home, and buses will run on a reduced schedule until Thursday.\n\nBuses will run late.\n", note="a short sentence"),
        Example("Storm closes schools across the county\n\n"
                "The storm closed every school in the county on Monday, officials said, and more snow is expected on Tuesday night across the region.\n\nParents were told to check the district's website for updates before leaving home, and buses will run on a reduced schedule until Thursday.\n\nI love snow days!\n", note="a quotation ending with a mark"),
        Example("Storm closes schools across the county\n\n"
                "The storm closed every school in the county on Monday, officials said, and more snow is expected on Tuesday night across the region.\n\nParents were told to check the district's website for updates before leaving home, and buses will run on a reduced schedule until Thursday.\n\nThe county has 40 schools.\n", note="a short sentence"),
        Example("Storm closes schools across the county\n\n"
                "The storm closed every school in the county on Monday, officials said, and more snow is expected on Tuesday night across the region.\n\nSchools reopen Thursday\n\nParents were told to check the district's website for updates before leaving home, and buses will run on a reduced schedule until Thursday.\n", note="a subheading inside the body"),
        Example("Storm closes schools across the county\n\n"
                "The storm closed every school in the county on Monday, officials said, and more snow is expected on Tuesday night across the region.\n\nParents were told to check the district's website for updates before leaving home, and buses will run on a reduced schedule until Thursday.\n\nOfficials urged drivers to stay off the roads.\n", note="a sentence"),
        Example("# Links\n\nThe guide ends here and the links follow.\n\nContact Us\n", path="a.md", note="Markdown: marked up"),
        Example("Title: Storage quotas for shared projects\nStatus: Draft\nCreated: 12-Mar-2024\n\n"
                "Abstract\n\nThis document proposes a quota for each shared project, so that one\n"
                "team cannot fill the disk that every other team depends on, and it\n"
                "describes how an administrator raises the quota for a single project.\n\n"
                "Motivation\n\nLast year the shared disk filled up twice, and both times the\n"
                "builds of every team stopped until someone deleted old artifacts by\n"
                "hand, which took most of a working day.\n",
                note="wrapped by hand: headings and header fields, not furniture"),
        Example("Election results\n================\n\nThe vote closed on Friday and these candidates were elected to the council for the coming year of work.\n\n"
                "Candidates\n----------\n\nBarry Warsaw\n\nBrett Cannon\n\nCarol Willing\n\nEmily Morehouse\n\nPablo Galindo\n",
                note="headings underlined: a document's own structure (a list of names)"),
        Example("How icebergs turn over\n\n"
                "The iceberg rolled over in less than a minute, and this video is real time, filmed from a boat forty meters away. Thank you.\n\n(Applause)\n",
                note="one odd line where the text shows no other furniture: a transcript's own"),
        Example("Storm closes schools across the county\n\n"
                "The storm closed every school in the county on Monday, officials said, and more snow is expected on Tuesday night across the region.\n\nMayor Jane Smith\n\nParents were told to check the district's website for updates before leaving home, and buses will run on a reduced schedule until Thursday.\n", note="a name inside the body"),
        Example("Release notes for version 2.0\n\nThis release took a year of work, and it would not have happened without "
                "the people who sponsored the project on GitHub and paid for the servers.\n\nThank you to my sponsors:\n\n"
                "- Ana Kowalski\n- Ravi Menon\n- Lee J. Hart\n- Tomas Berg\n- Ines Duarte\n- Marek Novak\n",
                note="a bulleted list of names: the article's own"),
        Example("The states with the most new homes\n\nThe analysis used permit data from the Census Bureau for every state, "
                "and it counted the homes permitted per thousand residents over the last five years.\n\n"
                "| State | Permits per 1,000 |\n| Montana | 15.9 |\n| Alabama | 30.6 |\n| Wisconsin | 75.5 |\n"
                "| Idaho | 22.1 |\n", note="a table's rows"),
        Example("Counseling services near campus\n\nStudents who want help outside the university can see one of the "
                "clinics below, and most of them charge fees based on income or accept insurance.\n\n"
                "- Harbor Institute for Counseling Services\n210 Fillmore St. Suite 4\n(415) 555-0142\n"
                "Fees based on income\n- Westside Family Clinic\nOuter Sunset District\n(415) 555-0187\nPsychotherapy\n"
                "- Bay Peer Support\n1400 Valencia Street\n(415) 555-0123\n",
                note="a list of clinics, an address and a phone number under each name"),
        Example("August 19, 1975\n\nDear Hannah:\n\nWe are back from Europe, having been to London and then to the "
                "islands, and we had a quiet week at the end of it with friends who send you their love.\n\n"
                "I have seen the doctor twice since we came back, and he is sure that the pain was nothing worse "
                "than a strained muscle from carrying the cases.\n\nYours,\n\nBill\n",
                note="a letter's salutation, complimentary close and signature"),
    )

    def check_findings(self, doc: Document, findings: Sequence[Finding],
                       ran: Callable[[str], bool]) -> Iterator[Finding]:
        text = doc.text
        # Three lines need two line breaks: a text of fewer (most records of a corpus of sentences or
        # paragraphs) is not read further.
        if doc.format != "text" or not doc.segments or text.count("\n") + text.count("\r") < 2 or own_layout(text):
            return
        spans, lines = written_lines(text)
        if len(spans) < 3:
            return  # a title and a line: nothing to compare a line with
        m = model()
        layout = layout_of(lines)
        # Only the lines whose score could reach the threshold are split into words (the same findings).
        t = min(m.threshold, 1 - 1e-12)
        floor = math.log(t / (1 - t)) - 1e-9
        bound = edge_bounds(layout, m.weights, floor)
        likely = [k for k, b in bound.items() if b >= floor]
        if not likely:
            return
        taken = sorted((f.start, f.end) for f in findings if f.code in ("S102", "S110", "S109", "S101"))
        if len(likely) + len(taken) < MIN_SIGNALS:
            return  # the page gate below could not open, whatever the lines score
        # A line's word count (one scan in C) tells which word-count bin is its own: its bound then holds
        # that bin's weight where it held the largest one's (more than half the lines left are then
        # under the threshold, and not split into words for every feature).
        slack, weight_of = _bin_slack(m.weights)
        likely = [k for k in likely if bound[k] - slack + weight_of(len(_WORD.findall(lines[k]))) >= floor
                  and not text_structure(lines, k, layout)]
        if len(likely) + len(taken) < MIN_SIGNALS:
            return
        taken_starts = [a for a, _ in taken]
        reach = list(accumulate((b for _, b in taken), max))  # the furthest end of the findings so far
        # The body's vocabulary is read only for a line that may score high enough whatever its overlap
        # with it (``topic_overlap``: a share, in [0, 1]).
        overlap_weight = m.weights[TOPIC_OVERLAP]
        vocabulary: BodyWords | None = None
        found: list[Finding] = []
        for k, x in zip(likely, line_features(lines, likely, layout), strict=True):
            if sum(map(mul, m.weights, x)) + max(0.0, overlap_weight) < floor:
                continue
            if vocabulary is None:
                vocabulary = BodyWords(layout)
            x[TOPIC_OVERLAP] = topic_overlap(lines[k], layout, k, vocabulary)
            p = m.score(x)
            if p < m.threshold:
                continue
            s, e = spans[k]
            start = s + len(text[s:e]) - len(text[s:e].lstrip())
            end = e - len(text[s:e]) + len(text[s:e].rstrip())
            # A finding that starts before this line ends and ends after it starts overlaps it.
            k_end = bisect.bisect_left(taken_starts, end)
            if not (k_end and reach[k_end - 1] > start):
                found.append(self.finding_at(start, end,
                                             f"Line looks like page furniture (score {p:.2f}): '{lines[k][:50]}'"))
        # One odd line in a text that shows no other furniture is more often the text's own (a transcript's
        # `(Applause)`, a one-line quotation) than a page's: an extractor that lets furniture through lets
        # more than one line of it through.
        if len(found) + len(taken) >= MIN_SIGNALS:
            yield from found

"""P102 mixed-quote-styles: straight quotes in a text that uses curly ones (or the reverse)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from lint.language import CJK_LETTERS, pack, packs, primary
from lint.model import Applicability, Document, Finding, Segment, Severity
from lint.options import RuleOptions, option
from lint.patterns import compiled_on_use
from lint.rule import Example, Rule

from ..language._straight_quotes import straight_quotations

_CURLY = compiled_on_use("[“”‘’]")
_STRAIGHT = compiled_on_use("[\"']")
# (and the full-width colon and opening brackets of CJK text, after which a quotation opens: 说：'为什么)
_OPENERS = " \t\n([{\u00a0—–-/：（【《「『="
# Elisions written with an apostrophe that a keyboard makes look like an opening quote: ’90s, ’n’, ’em.
_ELISION = compiled_on_use(r"\d|(?:n|em|til|tis|twas|cause|bout|round|nuff|ndrangheta)\b", re.I)


def _curly_for(text: str, i: int) -> str | None:
    """The curly mark a straight one at ``i`` stands for, or None where it is not a quote (5'11")."""
    ch = text[i]
    before = text[i - 1] if i > 0 else ""
    after = text[i + 1] if i + 1 < len(text) else ""
    if before.isdigit():
        return None  # feet and inches, minutes and seconds: primes, not quotes
    # CJK text sets no space before a quotation: after a CJK character, a mark before a Latin letter opens
    # one (她又说'OK'), where after a Latin letter it is an apostrophe (can't). (Before a CJK character it may
    # as well close one: 被称为"龙穴"的地方.)
    cjk_before = bool(before) and _CJK.match(before) is not None and after.isascii() and after.isalpha()
    if ch == "'":
        if (before.isalpha() and not cjk_before) or (before in "sS" and not after.isalpha()):
            return "’"  # apostrophe: can't, Russia's, the students'
        if _ELISION.match(text, i + 1):
            return "’"  # '90s, rock 'n' roll, 'em
        if after.isalpha() and (before in _OPENERS or not before or cjk_before):
            return "‘"  # 'host' societies
        return "’"
    if not before or before in _OPENERS or cjk_before:
        return "“"
    return "”"


_CJK = compiled_on_use(f"[{CJK_LETTERS}]")


def _empty_quotes(text: str, i: int) -> bool:
    """Whether the straight mark at ``i`` is one of a pair with nothing inside (`""`, `''`), alone
    between spaces or punctuation: an empty string, code (`Input Package Path: ""`, a table's default
    value), which no typesetter sets curly. A run of three (`\"\"\"`) or a pair against a word
    (`''quoted''`) is something else."""
    ch = text[i]
    j = i if text[i + 1:i + 2] == ch else i - 1 if i > 0 and text[i - 1] == ch else -1
    if j < 0:
        return False
    before, after = text[j - 1:j] if j > 0 else "", text[j + 2:j + 3]
    return before != ch and after != ch and not before.isalnum() and not after.isalnum()

# A string literal of code written in prose without code marks: right after an assignment or a comparison
# (`run_name="__main__"`, `Component == "ChatModel"`) or a call's or an index's bracket (`get("key")`,
# `d['key']`), on one line.
# Where such a literal opens: the operator and its quote, or a bracket right before the quote; read from
# the operator (a literal the regex engine skips to), the name before it read back by hand.
_CODE_OPEN = compiled_on_use(r"(==|!=|(?<![<>=!])=)\s*([\"'])|[(\[]([\"'])")
# A name as code spells it: snake_case, dotted, an inner capital, an option's dashes.
_CODE_NAME = compiled_on_use(r"\w*_\w*|\S+\.\S+|[a-z]+[A-Z]\w*|--?\w[\w-]*")


def _code_string_marks(text: str) -> frozenset[int]:
    """Where the straight marks that delimit code's string literals stand in ``text``: no typesetter
    curls them, and a curly one breaks the code a reader copies. Code by its operator (`==`, `!=`), its
    name's spelling (`run_name=`, `RunInfo.Component`, `getValue(`) or a literal of one token (`get('key')`);
    `The headline="Storm hits coast"` and `He asked("why not?")` are prose glued by a scrape."""
    if "=" not in text and "(" not in text and "[" not in text:
        return frozenset()
    marks: set[int] = set()
    for m in _CODE_OPEN.finditer(text):
        operator = m.group(1) or ""
        quote_at = m.start(2) if m.group(2) else m.start(3)
        end = _literal_end(text, quote_at)
        if end < 0:
            continue
        name = _name_before(text, m.start(), spaced=bool(operator))
        content = text[quote_at + 1:end]
        if name and (operator in ("==", "!=") or _CODE_NAME.fullmatch(name)
                     or (content and not any(c.isspace() for c in content))):
            marks.update((quote_at, end))
    return frozenset(marks)


def _literal_end(text: str, at: int) -> int:
    """Where the literal opened by the quote at ``at`` closes (the same mark, within 80 characters, on
    its line, no other straight mark between), or -1."""
    for i in range(at + 1, min(len(text), at + 82)):
        if text[i] == text[at]:
            return i
        if text[i] in "\"'\n":
            return -1
    return -1


def _name_before(text: str, at: int, spaced: bool) -> str:
    """The name (word characters, dots, dashes) that ends at ``at``, spaces before an operator skipped."""
    end = at
    if spaced:
        while end > 0 and text[end - 1].isspace():
            end -= 1
    start = end
    while start > 0 and (text[start - 1].isalnum() or text[start - 1] in "_.-"):
        start -= 1
    return text[start:end]


_CATALOGUE = 'msgid ""\nmsgstr ""\n"Language: fr\\n"\n\n'


def _entries(*translations: str) -> str:
    """PO entries with these translations, for the examples."""
    return "".join(f'msgid "Entry {i}"\nmsgstr "{t}"\n\n' for i, t in enumerate(translations))


class MixedQuoteStyles(Rule):
    code = "P102"
    slug = "mixed-quote-styles"
    summary = "Straight and curly quotation marks mixed in one text"
    rationale = """
**What it does.** Counts the quotation marks and apostrophes of a document's prose. Where curly marks
(“ ” ‘ ’) are the clear majority, each straight mark (" ') is flagged. With the option
`curly-in-straight: true`, curly marks in a mostly straight-quoted text are flagged too.

**Why is this bad?** Mixed styles show that text was pasted together from different sources (a
translation memory, a CMS field, a keyboard). Typesetting looks careless, and searches for a name with
an apostrophe miss half its occurrences.

In a language whose quotation marks are not “ ” (French, German, Russian, Japanese…; see
docs/languages.md), only apostrophes are judged here: its double quotes are L102's, which knows its
marks; in a language with a pack whose marks are “ ” (Chinese), a straight pair that L102 sets in them
is L102's finding too, and only the lone straight marks are this rule's. In Japanese and Chinese, whose quotation marks come with the text from the input method, an
apostrophe inside a Latin name (`Swami's`) is held only to the text's other Latin apostrophes. In
a language without the possessive 's (not English, not Dutch), the apostrophes of the English names a
translation carries over (`St. Martin's`, `O'Neill`, `Women's Hospital`, `I'm A Celebrity`, and the English
negation of a quoted English title or line, `didn't`, which no other language writes, unless the text sets
another English contraction curly, `you’ll`) are held only to the text's
other such names: a translator keeps them as the source typed them, while the language's own elisions
(`l’ispettore`) follow the text's habit. Not
flagged: primes after digits (5'11", 40°26'46"), anything in code (never in a segment), an empty pair
(`Input Package Path: ""`: an empty string), a string literal of code written without code marks (after
`=`, `==` or `!=`, or a call's or an index's bracket: `run_name="__main__"`, `get('key')`), and
documents without a clear majority. In a translation catalogue (PO, XLIFF, i18n files), typed entry by
entry and often by several translators, the straight marks of a kind are one finding, naming how many,
with one fix for them all: which typography the file keeps is one choice (a project may type straight
apostrophes in all its files but a few).
"""
    severity = Severity.INFO
    fix = Applicability.SAFE
    fix_note = (
        "Replaces the mark by the majority style's equivalent: an apostrophe by ’, a straight double "
        "quote by “ or ” by its position."
    )
    scope = "document"
    languages = frozenset({"en", *(primary(t) for t in packs())})
    # Curly marks in a straight-quoted text come from an editor's autocorrect and do not hurt readers;
    # straight marks in curly-quoted (typeset) text are the scraping and MT residue. Opt in to both.

    @dataclass(frozen=True)
    class Options(RuleOptions):
        """The rule's options (config `rules: {P102: {...}}`; see `copylint explain`)."""

        curly_in_straight: bool = option(False, "also flag curly quotes in a text that mostly uses straight ones")
    opts: Options
    flag = (
        Example("L’équipe d’Anne et l’avis de l’État, mais l'autre.\n",
                "L’équipe d’Anne et l’avis de l’État, mais l’autre.\n", language="fr"),
        Example("Die Band spielte „She didn't care“, und dann geht's weiter, sagt’s der Sänger, meint’s die Band, "
                "glaubt’s das Publikum.\n",
                "Die Band spielte „She didn't care“, und dann geht’s weiter, sagt’s der Sänger, meint’s die Band, "
                "glaubt’s das Publikum.\n", language="de",
                note="a German elision among curly ones, beside an English line's negation left as typed"),
        Example("Die Zeile „you’ll never walk alone“ sang das Publikum, und „she didn't care“ auch.\n",
                "Die Zeile „you’ll never walk alone“ sang das Publikum, und „she didn’t care“ auch.\n", language="de",
                note="an English line's negation left straight where the text's English contractions are curly"),
        Example("“This is new,” he said. “I can't say anything yet.” The “accident” happened.\n",
                "“This is new,” he said. “I can’t say anything yet.” The “accident” happened.\n"),
        Example("“One,” “two,” “three.” Russia's war.\n", "“One,” “two,” “three.” Russia’s war.\n"),
        Example("“A” and “B” and “C” but \"D\".\n", "“A” and “B” and “C” but “D”.\n"),
        Example("The “storm” and the “flood”. The headline=\"Storm hits coast\" ran all day.\n",
                "The “storm” and the “flood”. The headline=“Storm hits coast” ran all day.\n",
                note="prose a scrape glued to `=`: no code name, a literal of several words"),
        Example("The “storm” and the “flood”. He asked(\"why not?\") and left.\n",
                "The “storm” and the “flood”. He asked(“why not?”) and left.\n"),
        Example("“A,” “B,” “C,” “E,” “F” and “G” but \"\"D\"\".\n",
                note="a doubled pair against a word is no empty string"),
        Example("It’s the students’ books, Kyiv’s mayor, and it's late.\n",
                "It’s the students’ books, Kyiv’s mayor, and it’s late.\n"),
        Example("He said “yes.” She said “no.” They said \"maybe.\"\n",
                "He said “yes.” She said “no.” They said “maybe.”\n"),
        Example("The “accident” in the “district” of the “region” isn't over.\n",
                "The “accident” in the “district” of the “region” isn’t over.\n"),
        Example("“Yes,” “no” and “maybe” were the students' answers.\n",
                "“Yes,” “no” and “maybe” were the students’ answers.\n"),
        Example("“One” and “two”.\n\nThe new paragraph says \"three\".\n",
                "“One” and “two”.\n\nThe new paragraph says “three”.\n"),
        Example("The “accident” near “Belgorod,” the “IL-76” and rock 'n' roll in the '90s.\n",
                "The “accident” near “Belgorod,” the “IL-76” and rock ’n’ roll in the ’90s.\n"),
        Example("NASA’s “Artemis” plan, the ‘Apollo’ era and the 'Gemini' flights.\n",
                "NASA’s “Artemis” plan, the ‘Apollo’ era and the ‘Gemini’ flights.\n"),
        Example("“Yes,” said O’Brien. “No,” said the U.S. envoy. (\"Maybe,\" said CNN.)\n",
                "“Yes,” said O’Brien. “No,” said the U.S. envoy. (“Maybe,” said CNN.)\n"),
        Example("# Title\n\nThe “first” and “second” and the students' books.\n",
                "# Title\n\nThe “first” and “second” and the students’ books.\n", path="a.md"),
        Example(_CATALOGUE + _entries("L’arbre et l’eau", "L’air d’ici", "D’abord l’an", "l'un", "l'autre et l'été"),
                _CATALOGUE + _entries("L’arbre et l’eau", "L’air d’ici", "D’abord l’an", "l’un", "l’autre et l’été"),
                path="fr.po", note="one finding for the catalogue's three, one fix for them all"),
        Example("一名女孩对我说：'为什么现在才告诉我？”“龙穴”和“推特”。\n",
                "一名女孩对我说：‘为什么现在才告诉我？”“龙穴”和“推特”。\n", language="zh",
                note="a straight quote that opens a Chinese quotation is no Latin apostrophe"),
        Example("他写道：\"正式称为坎耶。”“推特”和“龙穴”。\n", "他写道：“正式称为坎耶。”“推特”和“龙穴”。\n",
                language="zh", note="after a full-width colon the quotation opens"),
        Example("他说‘好’，她说‘行’，我说‘对’，你说‘是’，他说‘嗯’，她又说'OK'。\n",
                "他说‘好’，她说‘行’，我说‘对’，你说‘是’，他说‘嗯’，她又说‘OK’。\n", language="zh",
                note="a closing quote after a Latin word is no apostrophe"),
        Example("L’ispettore O'Hagan dell’unità, l’agente dell’Arma e l'agente di St. Martin's all’ospedale d’Ivrea.\n",
                "L’ispettore O'Hagan dell’unità, l’agente dell’Arma e l’agente di St. Martin's all’ospedale d’Ivrea.\n",
                language="it",
                note="the language's own elision is held to the text's habit; the English names keep theirs"),
        Example("Il pub O’Neill’s, l’ispettore O'Hagan e l’agente dell’unità.\n",
                "Il pub O’Neill’s, l’ispettore O’Hagan e l’agente dell’unità.\n", language="it",
                note="the text writes an English name's apostrophe curly itself"),
        Example("他说“好”，她说“行”，我说“对”，你说“是”，他说“嗯”。称为 \"龙卷风\" 的监狱，他说：\"走吧。”\n",
                "他说“好”，她说“行”，我说“对”，你说“是”，他说“嗯”。称为 \"龙卷风\" 的监狱，他说：“走吧。”\n", language="zh",
                note="the straight pair is L102's (one finding, one fix); the lone straight mark is this rule's"),
        Example("“龙穴”明星说 O’Brien 和 O'Neill 都来了，“很好。”\n",
                "“龙穴”明星说 O’Brien 和 O’Neill 都来了，“很好。”\n", language="zh",
                note="the text writes a Latin apostrophe curly itself"),
    )
    allow = (
        Example("“This is completely new information,” he said. “I can’t say anything yet.”\n"),
        Example("Plain 'straight' \"quotes\" everywhere, can't and won't.\n"),
        Example("He is 5'11\" tall and “very” “tall” “indeed”.\n"),
        Example("One “curly” pair and one \"straight\" pair: no majority.\n"),
        Example("No quotes at all.\n"),
        Example("It’s Kyiv’s mayor’s office.\n"),
        Example("Coordinates 40°26'46\" N and “north” “south” “east”.\n"),
        Example("\"One\" and \"two\" and \"three\" but “four” (curly in straight text: only with the option).\n"),
        Example("“A,” “B,” “C.”\n\n```\nprint('code')\n```\n", path="a.md"),
        Example("“A,” “B,” “C,” and `print('x')` in code.\n", path="a.md"),
        Example("“One,” “two,” “three” at 40°26'46\" N, 79°58'56\" W and a 2\" pipe.\n"),
        Example("The “best” way: check that RunInfo.Component == \"ChatModel\" before the call, and that “fromNode” "
                "and “toNode” are set.\n", note="a string literal compared in code written in prose"),
        Example("The “best” way is to pass run_name=\"__main__\" or call get('key'), as “runpy” and “pkgutil” do.\n",
                note="a keyword argument's value and a call's argument"),
        Example("The “input,” the “output” and the “name”:\n\n- Input Package Path: \"\"\n- Output Type: “any”\n",
                path="a.md", note="an empty string is code, not a quotation (cloudwego's docs)"),
        Example("| Option | Default |\n|---|---|\n| “TokenPrefix” | \"\" |\n| “Name” | “main” |\n", path="a.md",
                note="an empty default value in a table"),
        Example("The “first,” “second” and “third” call ``print('x')`` in a literal.\n", path="a.rst"),
        Example("The term \"black hole\" was coined -- in fact they're the death state of stars.\n"),
        Example("Il dit « oui », elle dit “non”, ils disent “peut-être” et \"jamais\".\n", language="fr"),
        Example("他说“好”，她说“行”，我说“对”。这座监狱称为 \"龙卷风\" 监狱。\n", language="zh",
                note="a straight pair in a language with its own marks is L102's finding, not two of this rule's"),
        Example("L’ispettore O'Hagan ha parlato dell’indagine a St. Martin's e all’ospedale Brigham and "
                "Women's con l’aiuto dell’agente, un’ora dopo l’arresto all’alba d’oggi.\n", language="it",
                note="English names carried over as typed, the Italian elisions curly: two habits, each kept"),
        Example("Selon l’agence, Martin O'Neill et l’équipe de McDonald's l’ont confirmé d’emblée.\n", language="fr"),
        Example("Sostituirà Ant McPartlin nel programma “I'm A Celebrity” dell’emittente, un’idea dell’agente.\n",
                language="it", note="an English title's contraction, kept as typed, like a name's possessive"),
        Example("Die Band spielte 1994 den Song „She didn't care at all“, und danach geht’s weiter, sagt’s der Sänger.\n",
                language="de", note="an English line quoted as typed: its negation is English's, not a German elision"),
        Example("“龙穴”明星、“推特”上的 Swami's 海滩和 Soko Ng'ombe 市场。“很好。”\n", language="zh",
                note="Chinese quotation marks show no habit for a Latin name's apostrophe"),
    )

    def check_document(self, doc: Document) -> Iterator[Finding]:
        prose = doc.prose[0]
        if "“" not in prose and "”" not in prose and "‘" not in prose and "’" not in prose:
            return  # no curly mark at all: nothing to mix (and no straight mark need be read)
        # The straight marks first: most pages with curly marks have none that could be curly (a straight
        # mark in code or a name's), and then their curly marks, many, need not be listed.
        straight = _straight_marks(doc)
        if not straight:
            return
        curly = _curly_marks(doc)
        if not curly:
            return
        # Too few marks of one kind to show a habit: the whole text's marks, twice the other's, decide.
        overall_curly = len(curly) >= 3 and len(curly) >= 2 * len(straight)
        overall_straight = len(straight) >= 3 and len(straight) >= 2 * len(curly)
        # Double quotes and apostrophes are two habits: a writer may type “quotes” by hand and leave
        # apostrophes straight throughout. A kind with enough marks follows its own majority (none when
        # it has no clear one); a kind with few follows the document's. A language whose quotation marks
        # are not “ ” (French « », German „ “, Japanese 「」) has its double quotes judged by L102, with
        # its own marks; here only its apostrophes.
        catalogue = any(seg.source_text is not None for seg in doc.segments)
        first_pair = ((pack(doc.language) or {}).get("quotes") or [["“", "”"]])[0]
        for kind in ('"', "'") if first_pair[0] == "“" else ("'",):
            kind_curly = [(seg, i) for seg, i in curly if _kind(seg.text[i]) == kind]
            kind_straight = [(seg, i) for seg, i in straight if seg.text[i] == kind]
            if kind == "'":
                kind_straight = _apostrophes_held_to_the_text(primary(doc.language), kind_straight, kind_curly)
            if len(kind_curly) + len(kind_straight) >= _DECIDES:
                to_curly = _outnumbers(len(kind_curly), len(kind_straight))
                to_straight = _outnumbers(len(kind_straight), len(kind_curly))
            else:
                to_curly, to_straight = overall_curly, overall_straight
            if to_curly and catalogue and kind_straight:
                yield self._one_for_the_catalogue(kind, kind_straight, len(kind_curly))
            elif to_curly:
                for seg, i in _not_requoted(doc, kind, kind_straight):
                    mark = _curly_for(seg.text, i)
                    if mark:
                        yield self.finding(seg, i, i + 1, f"Straight {seg.text[i]} in a text that uses curly quotes",
                                           mark)
            elif self.opts.curly_in_straight and to_straight:
                for seg, i in kind_curly:
                    plain = "'" if seg.text[i] in "‘’" else '"'
                    yield self.finding(seg, i, i + 1, f"Curly {seg.text[i]} in a text that uses straight quotes",
                                       plain)

    def _one_for_the_catalogue(self, kind: str, straight: list[tuple[Segment, int]], curly: int) -> Finding:
        """A catalogue's straight marks as one finding: its translators' typing, one choice to make for
        the whole file (a project may type straight apostrophes everywhere but in a few files), with
        one fix for them all."""
        edits = [(seg.to_source(i), seg.to_source_end(i + 1), mark) for seg, i in straight
                 if (mark := _curly_for(seg.text, i)) and seg.is_contiguous(i, i + 1)]
        seg, i = straight[0]
        start = seg.to_source(i)
        related = [self.related(seg, i, i + 1, f"Straight {kind}") for seg, i in straight[1:]]
        return self.finding_at(start, start + 1, f"{len(straight)} straight {kind} among {curly} curly in this "
                                                 "catalogue's translations (the first here)", edits=edits or None,
                               related=related)


# Marks of one kind (double quotes, or apostrophes and single quotes) that show that kind's own habit;
# with fewer, a pasted 'Gemini' in a short curly-quoted text follows the whole text's majority.
_DECIDES = 10


def _straight_marks(doc: Document) -> list[tuple[Segment, int]]:
    """The straight marks that could be curly: not a code string's, nor an empty pair's."""
    straight: list[tuple[Segment, int]] = []
    for seg in doc.segments:
        text = seg.text
        if "'" in text or '"' in text:
            code = _code_string_marks(text)
            straight.extend((seg, m.start()) for m in _STRAIGHT.finditer(text)
                            if _curly_for(text, m.start()) and not _empty_quotes(text, m.start())
                            and m.start() not in code)
    return straight


def _curly_marks(doc: Document) -> list[tuple[Segment, int]]:
    curly: list[tuple[Segment, int]] = []
    for seg in doc.segments:
        text = seg.text
        if "“" in text or "”" in text or "‘" in text or "’" in text:
            curly.extend((seg, m.start()) for m in _CURLY.finditer(text))
    return curly


def _outnumbers(ours: int, theirs: int) -> bool:
    """Whether one kind's style is clearly the text's own: twice the other's marks against one pasted
    pair, three times against more. Edited documents that mix the two about 2:1 (PEPs written by
    several hands) have no house style to restore."""
    return ours >= 3 and ours >= (2 if theirs <= 2 else 3) * theirs


# Languages whose “ ” or 「」 come from the input method with the text around them: they show no habit
# for the apostrophes of the Latin names it quotes (Swami's, Ng'ombe, I'm A Celebrity), typed as on
# a Latin keyboard.
_IME_QUOTED = frozenset({"ja", "zh"})
# Inside a Latin word: a Latin letter on both sides (a closing quote after a Latin word, `说'OK'。`, is no
# apostrophe).
_LATIN_APOSTROPHE = compiled_on_use(r"(?<=[A-Za-z\u00c0-\u024f])['’](?=[A-Za-z\u00c0-\u024f])")


def _not_requoted(doc: Document, kind: str, straight: list[tuple[Segment, int]]) -> list[tuple[Segment, int]]:
    """The straight marks to report: in a language with its own marks, less the double marks of the
    pairs L102 sets in them (the pairs still count towards the text's habit above)."""
    if kind == '"' and primary(doc.language) != "en":
        return _without_requoted_pairs(doc, straight)
    return straight


def _without_requoted_pairs(doc: Document, straight: list[tuple[Segment, int]]) -> list[tuple[Segment, int]]:
    """A text's straight double marks less the pairs L102 sets in its language's own marks (a Chinese
    page's `"龙卷风"` among “ ”): one slip, reported once, by the rule that knows the language's marks."""
    pairs = {(id(seg), i) for seg, m in straight_quotations(doc) for i in (m.start(), m.end() - 1)}
    return [(seg, i) for seg, i in straight if (id(seg), i) not in pairs]


def _apostrophes_held_to_the_text(language: str, straight: list[tuple[Segment, int]],
                                  curly: list[tuple[Segment, int]]) -> list[tuple[Segment, int]]:
    """The straight apostrophes judged by the text's habit: in Japanese and Chinese less those of its Latin
    words, in a language without the possessive 's less those of the English names it carries over."""
    if language in _IME_QUOTED:
        return _without_latin_apostrophes(straight, curly)
    if language not in _OWN_POSSESSIVE:
        return _without_english_name_apostrophes(straight, curly)
    return straight


def _without_latin_apostrophes(straight: list[tuple[Segment, int]],
                               curly: list[tuple[Segment, int]]) -> list[tuple[Segment, int]]:
    """A Japanese or Chinese text's straight marks less the apostrophes inside its Latin words, where
    it writes none of those curly: its own habit for them, whatever its quotation marks."""
    if any(_LATIN_APOSTROPHE.match(seg.text, i) for seg, i in curly):
        return straight
    return [(seg, i) for seg, i in straight if not _LATIN_APOSTROPHE.match(seg.text, i)]


# Languages whose own words take an apostrophe before a final s (English Martin's; Dutch auto's, Anna's).
_OWN_POSSESSIVE = frozenset({"en", "nl"})
# An English name's apostrophe: a possessive or a contraction after a capitalized word (St. Martin's,
# Women's, McDonald's; the show "I'm A Celebrity", "Don't Look Up"), an English negation (didn't) or an
# Irish O' (O'Neill). The
# language's own elisions (l'arrêt, D'Alema, dell'Aquila, C'est, S'il) are neither.
_IRISH_O = compiled_on_use(r"(?<=\bO)['’](?=[A-Z][a-z])")
_ENGLISH_CLITIC = compiled_on_use(r"(?<=[A-Za-z])['’](?=(?:s|m|re|ll|ve|d|t)\b)")
_CAPITALIZED_WORD_END = compiled_on_use(r"\b[A-Z][A-Za-z]*\Z")
# English's negative contraction (didn't, don't, isn't, can't), which no other Latin-script language
# writes: an English title or line quoted as typed (`„Her father didn't like me anyway“`), whatever the
# word before it.
_ENGLISH_NEGATION = compiled_on_use(r"(?<=[a-z]n)['’](?=t\b)")
# The contractions only English writes (they're, we'll, you've), whatever the word before.
_ENGLISH_ONLY_CLITIC = compiled_on_use(r"(?<=[a-z])['’](?=(?:re|ll|ve)\b)")


def _is_english_name_apostrophe(text: str, i: int) -> bool:
    if _IRISH_O.match(text, i) or _ENGLISH_NEGATION.match(text, i):
        return True
    # (The word before is looked for in the 64 characters before the mark: a search of all the text before
    # it, at every apostrophe of a long paragraph, was quadratic.)
    return (_ENGLISH_CLITIC.match(text, i) is not None
            and _CAPITALIZED_WORD_END.search(text, max(0, i - 64), i) is not None)


def _without_english_name_apostrophes(straight: list[tuple[Segment, int]],
                                      curly: list[tuple[Segment, int]]) -> list[tuple[Segment, int]]:
    """A text's straight apostrophes less those of the English names it carries over (St. Martin's,
    O'Neill, Brigham and Women's Hospital), where it writes none of those curly: a translation into a
    language without the possessive 's keeps the source's names as they were typed, consistently, while
    its own elisions (l’ispettore) are set curly; those are still held to the text's habit."""
    if any(_is_english_name_apostrophe(seg.text, i) for seg, i in curly):
        return straight
    # An English line's contraction set curly (`„you’ll never walk alone“`) shows the text's habit for its
    # English lines: their negation (`„I don't care“`) is held to it.
    english_curly = any(_ENGLISH_ONLY_CLITIC.match(seg.text, i) for seg, i in curly)
    return [(seg, i) for seg, i in straight if not _is_english_name_apostrophe(seg.text, i)
            or (english_curly and _ENGLISH_NEGATION.match(seg.text, i))]


def _kind(mark: str) -> str:
    return '"' if mark in "“”" else "'"

"""S106 glued-sentences: a sentence end with no space before the next sentence (`said.The`)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from lint.language import own_words
from lint.model import Applicability, Document, Finding, Segment, Severity
from lint.patterns import compiled_on_use
from lint.rule import Example, Rule

# A lowercase word of three letters or more (an ordinal's digits before it: `the 25th.He`), not right after a
# bracket or `=` (code: `Annotated[torch.Tensor, dtype]`), a sentence end, then a capitalized word of two letters or more: `said.The`, `over!Now`, `ready?Yes`, `end.”The`.
_GLUED = compiled_on_use(r"(?<![\w.@/\\[(=])(\d*[A-Za-z]?[a-z]+)([.!?][”\"’)]?)(?=[A-Z][a-z]+\b|[IA](?: [a-z]|['’][a-z]))")
# Things with a dot between a lowercase and a capitalized part that are not sentences.
_NOT_PROSE = compiled_on_use(
    r"e\.g|i\.e|etc|vs|cf|al|approx|incl|fig|no|vol|ch|sec|ed|jr|sr|st|dr|mr|mrs|ms|prof|inc|ltd|co|corp",
    re.IGNORECASE,
)
# Words that open sentences far more often than they name a class or a module: after one of them the glue
# is a sentence boundary even when the sentence before is short (`Thank you.Thank you all.`).
_STARTERS = frozenset("""
the a an this that these those there their it its he she they we you i his her our my your
in on at as after before during when while if but and so or yet then now also still however meanwhile
both all some many most more several few no not nobody none nothing everyone everything one two three
what why how who where which thank thanks yes please since although though because despite according
officials police residents authorities critics experts analysts people
today nowadays yesterday tomorrow here instead finally later soon again indeed therefore thus
unfortunately fortunately suddenly eventually recently perhaps maybe sometimes often once last next
every each another other such even only just never always well oh let imagine look
""".split())
# Two-letter words that end sentences (`drawn on it.Einstein`); other short words before a dot are
# abbreviations or code (`os.Path`, `No.`).
_SHORT_ENDS = frozenset("it us me up on in so go do be to".split())
# Words before a `module.Class` name in running text (`the existing typing.Optional`), and after it
# (`inspect.Signature metadata`, `pathlib.Path objects`): what code names are called in prose.
_BEFORE_NAME = frozenset("existing legacy using use see called like supplying subclassing via".split())
_AFTER_NAME = frozenset("""
class classes object objects module modules metadata syntax work interface interfaces type types method
methods instance instances attribute attributes function functions exception exceptions documentation
abstract package packages library api field fields property constructor subclass subclasses
""".split())
_WORD = compiled_on_use(r"[A-Za-z]+")
_SENTENCE_END = compiled_on_use(r"[!?:;#*>|\n]|\.(?!\d)")  # (a decimal point ends no sentence: `1.8 block shots`)


class GluedSentences(Rule):
    code = "S106"
    slug = "glued-sentences"
    summary = "Two sentences glued together without a space"
    rationale = """
**What it does.** Flags a full stop, question or exclamation mark between a lowercase word and a
capitalized word with no space: `officials said.The plane…`.

**Why is this bad?** The space was a line break or a block boundary in the page (`</p><p>`) that the
extraction dropped. Readers stumble, and sentence-based tools (search snippets, TTS, MT) read one
sentence where there are two.

Not flagged: URLs and domains (`example.com`, `Node.js`), file names (`setup.py`), abbreviations
(`e.g.`, `U.S.`), initials (`J.R.R.`), identifiers (`obj.Method`, `ASP.NET`), decimals and versions,
names with an exclamation mark (`Yahoo!News`), a lower-case package's member among code
(`placed in sync.Pool to reuse` in a sentence with `RPCInfo` or a call, or a code span nearby: its other
uses may sit in other files).
"""
    severity = Severity.WARNING
    fix = Applicability.UNSAFE
    fix_note = "Inserts a space after the mark; unsafe because a product or code name may have been meant."
    languages = frozenset({"en"})
    trigger = r"[.!?][”\"’)]?(?:[A-Z][a-z]|[IA][ '’])"  # the mark first: a letter class first would start everywhere
    flag = (
        Example("Russian news agencies said.The plane was carrying soldiers.",
                "Russian news agencies said. The plane was carrying soldiers."),
        Example("Infection was confirmed on the 25th.He had travelled to Hokkaido.",
                "Infection was confirmed on the 25th. He had travelled to Hokkaido."),
        Example("It remains a modest presence.Incidentally, the name is old.",
                "It remains a modest presence. Incidentally, the name is old."),
        Example("No information has been published.Officials declined to comment.",
                "No information has been published. Officials declined to comment."),
        Example("Is it over?Nobody knows.", "Is it over? Nobody knows."),
        Example("What a match!Fans cheered for an hour.", "What a match! Fans cheered for an hour."),
        Example("He said “enough.”Then he left.", "He said “enough.” Then he left."),
        Example("The talks ended on Monday.Both sides blamed each other.",
                "The talks ended on Monday. Both sides blamed each other."),
        Example("Read the full story here.Subscribe to our newsletter.",
                "Read the full story here. Subscribe to our newsletter."),
        Example("It rained all week.Farmers welcomed it.", "It rained all week. Farmers welcomed it."),
        Example("The storm hit the coast on Monday.Economists expect losses of $2bn.",
                "The storm hit the coast on Monday. Economists expect losses of $2bn."),
        Example("Thank you.Thank you all.", "Thank you. Thank you all."),
        Example("The agencies said.The plane was late, and the ministry said.Once again, nobody knew.",
                "The agencies said. The plane was late, and the ministry said. Once again, nobody knew.",
                note="the same word glued twice before sentence openers: two slips, not a namespace"),
        Example("Space can vibrate like a drum.I'd like to convince you of that.",
                "Space can vibrate like a drum. I'd like to convince you of that."),
        Example("There were only the lines drawn on it.Einstein realized that space is curved.",
                "There were only the lines drawn on it. Einstein realized that space is curved."),
        Example("It is an actual wave on space-time.They can travel far.",
                "It is an actual wave on space-time. They can travel far."),
        Example("We sent sounds to the universe.Today, we hope to hear back.",
                "We sent sounds to the universe. Today, we hope to hear back."),
        Example("He moved overseas as a teenager.Toyama, who is now 17, trains daily.",
                "He moved overseas as a teenager. Toyama, who is now 17, trains daily."),
        Example("Nobody knows what the technology of the future will be.Stephen Hawking warns that it is risky.",
                "Nobody knows what the technology of the future will be. Stephen Hawking warns that it is risky.",
                note="a name of two words opens a sentence that goes on in lower case"),
        Example("He spoke after the Russian Cup final.Currently 16 clubs are in the league.",
                "He spoke after the Russian Cup final. Currently 16 clubs are in the league."),
        Example("It is a special event that we look forward to.This year, it is held online.",
                "It is a special event that we look forward to. This year, it is held online."),
        Example("He averaged 2.7 assists and 1.8 block shots.Earlier it was reported that he was ill.",
                "He averaged 2.7 assists and 1.8 block shots. Earlier it was reported that he was ill.",
                note="a decimal point ends no sentence"),
        Example("The class was held at the driving school in Tsuruoka.Around 30 officials were there.",
                "The class was held at the driving school in Tsuruoka. Around 30 officials were there.",
                note="a number and a lower-case word after the capitalized one"),
        Example("The couple are patrons of the charity.Duchess Kate's summer look drew attention.",
                "The couple are patrons of the charity. Duchess Kate's summer look drew attention."),
        Example("Today the mayors reported on their fulfilment.Firstly, House of Sport construction has resumed.",
                "Today the mayors reported on their fulfilment. Firstly, House of Sport construction has resumed.",
                note="a sentence adverb in -ly and its comma"),
        Example("The minister said.Police arrived late, a witness said.Officials denied it.",
                "The minister said. Police arrived late, a witness said. Officials denied it.",
                note="the same word glued twice, a sentence apart: no list"),
        Example("It is run by the `retry` package.\n\nNo new request is sent, whatever the result.Mixed Retry waits "
                "for valid results.\n",
                "It is run by the `retry` package.\n\nNo new request is sent, whatever the result. Mixed Retry waits "
                "for valid results.\n", path="a.md",
                note="code nearby, but a name of two capitalized words opens a sentence (cloudwego's docs)"),
        Example("| `[index,index...]` | Indices must be integer.For example: $.FieldList[1,3,4] |\n", path="a.md",
                note="code nearby, but a function word opens a sentence (cloudwego's docs)"),
        Example("The governor signed the bill on the same day.Democrats called it cruel, DeSantis said.",
                "The governor signed the bill on the same day. Democrats called it cruel, DeSantis said.",
                note="a name's inner capital after one letter (DeSantis, McCain) is no code"),
        Example("Please choose the option(s) you want before the deadline.Afterwards, no changes are possible.",
                "Please choose the option(s) you want before the deadline. Afterwards, no changes are possible.",
                note="a plural's ending in brackets is no call"),
        Example("Our photos are on the site in the gallery.Visitors love them, and so do the students from my_school.",
                "Our photos are on the site in the gallery. Visitors love them, and so do the students from my_school.",
                note="a snake_case word is also a user's name"),
    )
    allow = (
        Example("Visit example.com for details."),
        Example("Written in Node.js and ASP.NET by the team."),
        Example("Edit setup.py and README.md first."),
        Example("Call obj.Method and then self.Run."),
        Example("Fruit, e.g.Apples, are healthy."),
        Example("The U.S. Army and the U.K. Navy."),
        Example("Use os.A or re.I flags, as the docs say."),
        Example("Types such as typing.Tuple, typing.List and typing.Dict are generic."),
        Example("J.R.R. Tolkien wrote it."),
        Example("Version 3.11 was released; pi is 3.14."),
        Example("The module os.Path is not real, but looks like code."),
        Example("See Connection.ProgrammingError and \"components.Filter\" for details."),
        Example("* parts.Contents: Generates a table of contents."),
        Example("Register classes like decimal.Decimal with an ABC, or the mx.Proxy package."),
        Example("* The API for supplying inspect.Signature metadata for builtins is provisional."),
        Example("It would be equivalent to the existing typing.Optional syntax."),
        Example("* ``list``  # typing.List\n* ``dict``  # typing.Dict\n"),
        Example("* `Issue #3006: subprocess.Popen causes socket to remain open`"),
        Example("The version is constrained to ONLY be Major.Minor, and nothing else."),
        Example("Return values being pathlib.Path objects\n=====================================\n",
                path="a.rst"),
        Example("A prime example is the multiprocessing.Pool work, as well as other efforts."),
        Example("Heavy rain is forecast (Weather Map) - Yahoo!News", note="a name with its exclamation mark"),
        Example("My main concern is that Annotated[torch.Tensor, dtype] is quite verbose."),
        Example("Its version is constrained to be Major.Minor, and none of the other features apply."),
        Example("Each worker is a threading.Thread object that the pool starts."),
        Example("- Before calling next, introduce a lock (sync.Mutex, sync.Once, etc.) or make a copy.",
                note="names of one namespace listed together (cloudwego's docs)"),
        Example("Guard it with sync.Once or sync.Mutex before the first call."),
        Example("The lifecycle of Kitex's RPCInfo ends when the request returns, and then it is placed in sync.Pool "
                "to reuse.", note="a package's member beside code; its other uses are in other files (cloudwego)"),
        Example("- [#1020] optimize: add nil check for MethodInfo which get from ServiceInfo in client.Call to "
                "ignore panic", path="a.md", note="a commit subject in release notes"),
        Example("The `ChatModelAgent` exports the agent's events through callbacks.Handler, converting them to "
                "AgentEvent for return.", path="a.md", note="a code span masked in the segment"),
        Example("[#1168] fix(tool): remove the pointer to java.Object in generated file"),
    )

    def check_segment(self, seg: Segment, doc: Document) -> Iterator[Finding]:
        if seg.kind == "heading":
            return  # `threading.Thread`, `Relationship to inspect.Signature`: headings name things
        text = seg.text
        for m in _GLUED.finditer(text):
            word, mark = m.group(1), m.group(2)
            if (len(word) < 3 and word.lower() not in _SHORT_ENDS) or _NOT_PROSE.fullmatch(word):
                continue
            if mark[0] == "!" and word[:1].isupper():
                continue  # a name with its exclamation mark: `Yahoo!News`, `Jeopardy!Champions`
            after = text[m.end() :]
            nxt = re.match(r"[A-Za-z]+", after)
            follow = text[m.end() + nxt.end() : m.end() + nxt.end() + 1] if nxt else ""
            if nxt and follow and follow in "'’" and text[m.end() + nxt.end() + 1 : m.end() + nxt.end() + 2].isalpha():
                follow = " "  # a contraction: "drum.I'd like", "universe.It's"
            if follow and not follow.isspace() and follow not in ",;":
                continue  # code or a name: obj.Method(), a.B.c, parts.Contents:, paths
            if nxt and (any(c.isupper() for c in nxt.group()[1:]) or nxt.group().lower() == word.lower()):
                continue  # CamelCase after the dot: Connection.ProgrammingError
            token_start = max(text.rfind(" ", 0, m.start(1)), text.rfind("\n", 0, m.start(1))) + 1
            if text[token_start : m.start(1)] and text[token_start] in "\"'“‘`(<[" and mark in ".!?":
                continue  # quoted or bracketed identifier: "components.Filter"
            if mark == "." and (_looks_like_code(text, m.start(1)) or _listed_namespace(text, m.start(1), m.end(), word)):
                continue
            if mark[0] == "." and nxt and nxt.group().lower() not in _STARTERS and (not _prose_on_both_sides(
                    text, m.start(1), follow, m.end() + nxt.end(), word, doc)
                    or _qualified_name_among_code(text, m.start(1), m.end() + nxt.end(), word, mark)):
                continue  # `inspect.Signature`, `string.Template`: a name, not two sentences
            at = m.end(2)
            yield self.finding(seg, m.start(2), at, f"No space after '{mark}' between two sentences",
                               edits=[(at, at, " ")])


def _prose_on_both_sides(text: str, start: int, follow: str, after: int, word: str, doc: Document) -> bool:
    """The glue is between two sentences only if a sentence of three words or more ends in `word`,
    a lowercase word follows the capitalized one, and `word.` is not used twice before a name."""
    if follow == "," and text[after + 1:after + 2] == " " and (
            (text[after + 2:after + 3].islower() and (word.islower() or text[after - 2:after] == "ly"))
            or (word.islower() and text[after - 2:after] == "ly" and text[after + 2:after + 3].isupper())):
        # A sentence adverb or a subject and its comma: `presence.Incidentally, the name …`, `teenager.Toyama,
        # who is …` (after a capitalized word, `Major.Minor, and` is a class's member).
        after += 1
    elif follow != " ":
        return False
    elif text[after - 2:after] == "ly" and text[after + 1:after + 2].isalnum():
        pass  # a sentence adverb: `final.Currently 16 clubs …`
    elif not text[after + 1 : after + 2].islower() and not _name_then_sentence(text, after + 1) \
            and _NUMBER_THEN_WORD.match(text, after + 1) is None:
        return False
    nxt = _WORD.match(text, after + 1)
    if nxt and nxt.group() in _AFTER_NAME:
        return False
    head = text[:start]
    cut = max((m.end() for m in _SENTENCE_END.finditer(head, max(0, start - 200))), default=0)
    before = _WORD.findall(head[cut:])
    if len(before) < 2 or before[-1].lower() in _BEFORE_NAME:
        return False
    uses = re.finditer(rf"(?<![\w.]){re.escape(word)}\.[A-Za-z_]", doc.text)
    return next(uses, None) is None or next(uses, None) is None  # `typing.Tuple, typing.List`: a namespace


# A number and a lower-case word after the capitalized one: a sentence going on (`Tsuruoka.Around 30 related
# officials were`), where a class name after a module is followed by no count.
_NUMBER_THEN_WORD = compiled_on_use(r"\d[\d,.]* [a-z]{2,}\b")


def _name_then_sentence(text: str, at: int) -> bool:
    """A name of two capitalized words or more opens a sentence that goes on in lower-case words
    (`be.Stephen Hawking warns that …`): a class name after a module is not followed by another
    capitalized word and a lower-case one."""
    words = text[at:at + 80].split()[:6]
    first = words[0].rstrip(",") if words else ""
    first = first[:-2] if first.endswith(("'s", "’s")) else first  # a possessive: `patrons.Duchess Kate's look`
    if len(words) < 3 or not _WORD.fullmatch(first) or not first[:1].isupper():
        return False
    return any(w.islower() and _WORD.fullmatch(w.rstrip(",.")) for w in words[1:])


# What parts the items of a list (`sync.Mutex, sync.Once`, `sync.Mutex or sync.Once`): a sentence between
# two of them (`said.Police arrived late, a witness said.Officials`) makes two glued sentences of them.
_LIST_SEPARATOR = r"(?:,? (?:and|or) |, |/)"


def _listed_namespace(text: str, start: int, end: int, word: str) -> bool:
    """Whether `word.Name` is listed next to another `word.Name` whose name opens no sentence, parted
    only by a comma or a conjunction (`a lock (sync.Mutex, sync.Once, etc.)`): names of one namespace
    listed together. The same word glued twice further apart is two slips (`The minister said.Police
    arrived late, a witness said.Officials denied it.`)."""
    item = rf"(?<![\w.]){re.escape(word)}\.([A-Z][A-Za-z]*)"
    before = re.search(rf"{item}{_LIST_SEPARATOR}\Z", text[max(0, start - 60):start])
    after = re.compile(rf"[A-Za-z]*{_LIST_SEPARATOR}{item}").match(text, end)
    return any(m is not None and m.group(1).lower() not in _STARTERS for m in (before, after))


# Code that places a glue's word among code: an identifier in CamelCase with a hump after two lower-case
# letters or more (`MethodInfo`, `AgentEvent`; not a name's `McCain`, `DeSantis`, `iPhone`) or after an
# acronym (`RPCInfo`), a call or a scope in brackets with no argument or a name for one (`Call()`,
# `fix(tool)`; a plural's ending in brackets is prose: `option(s)`, `box(es)`). (A snake_case word is
# also a user's or a file's name: `the students from my_school`.)
_CODE_NEAR = compiled_on_use(
    r"\b[A-Za-z]*(?:[a-z]{2}[A-Z]|[A-Z]{2}[a-z]{2})[A-Za-z]*|\b[A-Za-z_]\w*\((?!(?:s|es|ies)\))[)A-Za-z_]")
# A code span the reader masked (U+FFFC): code wherever it stands within reach.
_CODE_SPAN = "\ufffc"
# Where the sentence that holds a glue's word starts and ends: at a sentence's end or a blank line (a line
# break alone may wrap a sentence).
_SENTENCE_BREAK = compiled_on_use(r"[.!?][\"”’)]*(?:\s|$)|\n[^\S\n]*\n")
_NEAR = 200


def _qualified_name_among_code(text: str, start: int, end: int, word: str, mark: str) -> bool:
    """Whether `word.Name` at ``start``–``end`` is a package's member named among code (`placed in sync.Pool
    to reuse` beside `RPCInfo`, `in client.Call to ignore panic` beside `MethodInfo`): a lower-case
    package-like word, a full stop alone, one capitalized word going on in lower case or after a comma
    (a name of two capitalized words opens a sentence: `result.Mixed Retry waits`), and code in the
    sentence it would be in, or a code span within reach. The same glue in prose without code is two
    sentences (`drawn on it.Einstein realized`): the package's other uses may be in other files, where no
    rule sees them."""
    if mark != "." or not (word.isascii() and word.isalpha() and word.islower()):
        return False
    if not re.match(r"(?:,? [a-z]|,?$)", text[end:end + 3]):
        return False
    name = text[text.rfind(".", start, end) + 1:end]
    if name.lower() in own_words("en"):
        return False  # a function word opens a sentence (`must be integer.For example:`); a package exports names
    head, tail = text[max(0, start - _NEAR):start], text[end:end + _NEAR]
    if _CODE_SPAN in head or _CODE_SPAN in tail:
        return True
    # Other code counts in the sentence `word.Name` would be in, not in the sentences around it.
    cut = max((m.end() for m in _SENTENCE_BREAK.finditer(head)), default=0)
    stop = next((m.start() for m in _SENTENCE_BREAK.finditer(tail)), len(tail))
    return _CODE_NEAR.search(head, cut) is not None or _CODE_NEAR.search(tail, 0, stop) is not None


def _looks_like_code(text: str, start: int) -> bool:
    """`self.Run`, `os.Path`: a short identifier-like word right after a space or bracket."""
    word_end = text.find(".", start)
    word = text[start:word_end]
    return word in ("self", "obj", "this", "os", "sys", "cls", "np", "pd", "re", "io") or "_" in word

"""S107 space-before-punctuation: a space before `.`, `,`, `;`, `:`, `?` or `!` (where the language sets none)."""

from __future__ import annotations

from collections.abc import Iterator

from lint import lines
from lint.language import pack, packs, primary
from lint.model import Applicability, Document, Finding, Segment, Severity
from lint.patterns import compiled_on_use
from lint.rule import Example, Rule

# A word, spaces, then a mark that ends a clause, then a space, a closing quote or the end.
_SPACE = compiled_on_use(r"(?<=[\w”’\"')\]])([ \u00a0]+)([,;:.!?])(?=[\s”’\"')\]]|$)")

# A URL, a domain or a reST reference just before the space.
_LINK_END = compiled_on_use(r"(?:://\S+|\w\.(?:org|com|net|io|dev|edu|gov|uk|de)/?|`_{1,2}|\w_{1,2})$")

# Words after which a mark is named, not used: "type ; to end", "a trailing , in a list".
_NAMES_MARK = compiled_on_use(r"\b(?i:type|press|enter|insert|add|use|a|an|the|trailing|single|double|final|extra|"
                         r"leading|semicolon|comma|colon|period)$")
# A line of code pasted as text: an assignment, a lambda, a prompt, braces.
_CODE_LINE = compiled_on_use(r"^\s*(?:>>>|\.\.\.\s|\$ )|\w\s*=\s*[\w\[{(\"']|\blambda\b|[{}]|\)\s*:$")


_BULLETS = "-*+• "


_Line = tuple[int, int, bool, int, bool]


def _line_around(text: str, start: int, known: dict[int, _Line]) -> _Line:
    """The line holding ``start``, read once for all the marks on it (a paragraph with no line break and
    thousands of spaced marks, text run together from a table or machine translation, is one line): its start,
    its end, whether it is code (``_CODE_LINE``), where its words start after its bullets (`- `, `• `), and
    whether it has bullets. ``known`` holds the line read last, by its end."""
    for end, line in known.items():
        if line[0] <= start < end:
            return line
    known.clear()  # the marks come in order: a line once left is not asked of again
    line_start = lines.line_start(text, start)
    end = lines.line_end(text, start)
    first = line_start
    while first < end and text[first].isspace():
        first += 1
    words = first
    while words < end and text[words] in _BULLETS:
        words += 1
    known[end] = (line_start, end, _CODE_LINE.search(text[line_start:end]) is not None, words, words > first)
    return known[end]


def _last_words(text: str, first: int, end: int, most: int) -> list[str]:
    """Up to ``most`` words (runs of what is not white space) of ``text[first:end]``, the last first: what
    ``text[first:end].split()[-most:]`` holds, reading back no further than them."""
    found: list[str] = []
    i = end
    while len(found) < most:
        while i > first and text[i - 1].isspace():
            i -= 1
        if i == first:
            break
        word_end = i
        while i > first and not text[i - 1].isspace():
            i -= 1
        found.append(text[i:word_end])
    return found


class SpaceBeforePunctuation(Rule):
    code = "S107"
    slug = "space-before-punctuation"
    summary = "Space before a punctuation mark"
    rationale = """
**What it does.** Flags spaces between a word and the comma, full stop, semicolon, colon, question or
exclamation mark after it: `he said .`, `points ,`, `really ?`.

**Why is this bad?** English sets these marks against the word. The space is left where an inline
element (a link, a footnote mark, a tag) was removed, or copied from French typography by an MT engine.
The line may even break before the mark.

In English and every language with a pack (docs/languages.md); where the language sets a space before
a mark (French before `; : ! ?`, Canadian and Swiss French before `:`), that mark is left alone, and
`commencer .` is still flagged. Not flagged: an ellipsis, emoticons (`:)`),
a mark followed by a word or digit (`. NET`, `5 :3`), and lines that start with the mark.
"""
    severity = Severity.WARNING
    fix = Applicability.SAFE
    fix_note = "Deletes the spaces before the mark."
    languages = frozenset({"en", *(primary(t) for t in packs())})
    # Starts with a literal space (a fast scan); the no-break space case is left to the check itself.
    trigger = r" [,;:.!?](?:[\s”’\"')\]]|$)"
    flag = (
        Example("He wrote (see page 4 ) , then left.", "He wrote (see page 4 ), then left.",
                note="one bracket before the mark is no list of symbols"),
        Example("The plane crashed , officials said.", "The plane crashed, officials said."),
        Example("This is a developing story .", "This is a developing story."),
        Example("Is it over ?", "Is it over?"),
        Example("What a day !", "What a day!"),
        Example("Three items ; then more.", "Three items; then more."),
        Example("The list follows : apples and pears.", "The list follows: apples and pears."),
        Example("He said “no” .", "He said “no”."),
        Example("Prices rose sharply  , analysts said.", "Prices rose sharply, analysts said."),
        Example("Il faut commencer .\n", "Il faut commencer.\n", language="fr"),
        Example("Er kommt morgen ?\n", "Er kommt morgen?\n", language="de"),
        Example("Llega mañana , dijo.\n", "Llega mañana, dijo.\n", language="es"),
    )
    allow = (
        Example("The plane crashed, officials said."),
        Example("Pourquoi utiliser Vue ? Voici un exemple : la liste ; et voilà !\n", language="fr"),
        Example("Voici un exemple : la liste.\n", language="fr-CA"),
        Example("Wait ... what?"),
        Example("3. Content collections use TypeScript . . .\n", path="a.md"),
        Example("Great news :) see you."),
        Example("Items: - first, - second."),
        Example("The score was 5 :3 at half time."),
        Example("Run the command with - a flag."),
        Example("The ratio 3 : 2 is common."),
        Example("The file extension is .txt for text."),
        Example("* Bazaar : the distributed version control system."),
        Example("Encodings map ? to ? in the output."),
        Example("* kwargs \\: dict of keyword arguments."),
        Example("The discussion took place on discuss.python.org ."),
        Example(">>> odd = lambda x : bool(x % 2)"),
        Example("Type ; to end the statement, or press : to open the prompt."),
        Example("It changed its behavior so a trailing , in a list of items forces one item per line."),
        Example("Apps written for . NET developers run on Windows."),
        Example('headers = {"user-agent" : MOBILE_USER_AGENT}'),
        Example("See the `specification <https://example.com/spec#env>`__ .", path="a.rst"),
        Example("As alluded to above_ , the issue is name collisions.", path="a.rst"),
        Example("Usernames can contain letters, numbers and these characters: - _ ' . @ +. They cannot end with a space."),
        Example("用户名可以包含字母、数字及如下字符「 - _ ' . @ +」，并且不能以空格开始或结束。\n", language="zh"),
    )

    def check_segment(self, seg: Segment, doc: Document) -> Iterator[Finding]:
        text = seg.text
        spaced = (pack(doc.language) or {}).get("space-before") or {}
        known: dict[int, _Line] = {}
        for m in _SPACE.finditer(text):
            mark = m.group(2)
            if mark in spaced:
                continue  # the language sets a space there (French `Pourquoi ?`)
            # (Only what precedes the run on its line is read, never the whole text before it: a
            # paragraph of megabytes, such as a TSV read as text, has thousands of runs.)
            start = m.start()
            if mark == ":" and text[start - 1 : start].isdigit():
                continue  # a ratio or a time: 3 : 2
            if mark == "." and (text[m.end(2) : m.end(2) + 2] == ".." or text.startswith(" . .", m.end(2))):
                continue  # an ellipsis, its points spaced or not (`. . .`, as Chicago sets it)
            if mark in ":;" and text[m.end(2) : m.end(2) + 1] in "()":
                continue  # an emoticon
            at = seg.to_source(m.start(1))
            written = doc.text[max(0, at - 80) : at]  # as written: markup the segment text leaves out
            if _LINK_END.search(written.rsplit(None, 1)[-1] if written.strip() else ""):
                continue  # "on discuss.python.org ." / "`docs`__ ,": the space keeps the mark out of the link
            line_start, _, code, words, bullets = _line_around(text, start, known)
            if code:
                continue  # "odd = lambda x : bool(x % 2)", ">>> f(a , b)": code in plain text
            # The longest word _NAMES_MARK knows has 9 letters: 16 characters hold it and the boundary.
            if _NAMES_MARK.search(text[max(0, start - 16) : start]) or (
                    mark == "." and text.startswith("NET", m.end(2) + 1)):
                continue  # "type ; to end", "a trailing , in a list", "for . NET developers"
            if text.endswith("\\", 0, start):
                continue  # a reST escape: "name \: type"
            before = _last_words(text, line_start, start, 2)
            if len(before) == 2 and all(len(t) == 1 and not t.isalnum() for t in before):
                continue  # a list of symbols, each standing alone: "the characters - _ ' . @ +"
            after = m.end(2)
            while text.startswith(" ", after):
                after += 1
            if mark in "?!." and text[after : after + 1].islower():
                continue  # the mark named as a symbol: "map ? to ?", "the . syntax"
            if mark == ":":
                # (the words after the line's bullets, as many as a term has and one more)
                most = 3 if bullets else 2
                if len(_last_words(text, words, start, most + 1)) <= most:
                    continue  # a term and its definition: "Bazaar : http://…", "field delimiter : ,"
            yield self.finding(seg, m.start(1), m.end(1), f"Space before '{mark}'", "")

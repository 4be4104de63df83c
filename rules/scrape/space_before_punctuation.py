"""S107 space-before-punctuation: a space before `.`, `,`, `;`, `:`, `?` or `!` (where the language sets none)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from lint.language import pack, packs, primary
from lint.model import Applicability, Document, Finding, Segment, Severity
from lint.rule import Example, Rule

# A word, spaces, then a mark that ends a clause, then a space, a closing quote or the end.
_SPACE = re.compile(r"(?<=[\w”’\"')\]])([ \u00a0]+)([,;:.!?])(?=[\s”’\"')\]]|$)")

# A URL, a domain or a reST reference just before the space.
_LINK_END = re.compile(r"(?:://\S+|\w\.(?:org|com|net|io|dev|edu|gov|uk|de)/?|`_{1,2}|\w_{1,2})$")

# Words after which a mark is named, not used: "type ; to end", "a trailing , in a list".
_NAMES_MARK = re.compile(r"\b(?i:type|press|enter|insert|add|use|a|an|the|trailing|single|double|final|extra|"
                         r"leading|semicolon|comma|colon|period)$")
# A line of code pasted as text: an assignment, a lambda, a prompt, braces.
_CODE_LINE = re.compile(r"^\s*(?:>>>|\.\.\.\s|\$ )|\w\s*=\s*[\w\[{(\"']|\blambda\b|[{}]|\)\s*:$")


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
    )

    def check_segment(self, seg: Segment, doc: Document) -> Iterator[Finding]:
        text = seg.text
        spaced = (pack(doc.language) or {}).get("space-before") or {}
        for m in _SPACE.finditer(text):
            mark = m.group(2)
            if mark in spaced:
                continue  # the language sets a space there (French `Pourquoi ?`)
            before = text[: m.start()]
            if mark == ":" and before[-1:].isdigit():
                continue  # a ratio or a time: 3 : 2
            if mark == "." and text[m.end(2) : m.end(2) + 2] == "..":
                continue
            if mark in ":;" and text[m.end(2) : m.end(2) + 1] in "()":
                continue  # an emoticon
            at = seg.to_source(m.start(1))
            written = doc.text[max(0, at - 80) : at]  # as written: markup the segment text leaves out
            if _LINK_END.search(written.rsplit(None, 1)[-1] if written.strip() else ""):
                continue  # "on discuss.python.org ." / "`docs`__ ,": the space keeps the mark out of the link
            line_start = before.rfind("\n") + 1
            line_end = text.find("\n", m.end())
            line = text[line_start : line_end if line_end >= 0 else len(text)]
            if _CODE_LINE.search(line):
                continue  # "odd = lambda x : bool(x % 2)", ">>> f(a , b)": code in plain text
            if _NAMES_MARK.search(before) or (mark == "." and text.startswith("NET", m.end(2) + 1)):
                continue  # "type ; to end", "a trailing , in a list", "for . NET developers"
            if before.endswith("\\"):
                continue  # a reST escape: "name \: type"
            after = text[m.end(2) :].lstrip(" ")
            if mark in "?!." and after[:1].islower():
                continue  # the mark named as a symbol: "map ? to ?", "the . syntax"
            if mark == ":":
                line_start = max(text.rfind("\n", 0, m.start()), -1) + 1
                line = text[line_start : m.start()].strip()
                term = line.lstrip("-*+• ")
                if len(term.split()) <= (3 if term != line else 2):
                    continue  # a term and its definition: "Bazaar : http://…", "field delimiter : ,"
            yield self.finding(seg, m.start(1), m.end(1), f"Space before '{mark}'", "")

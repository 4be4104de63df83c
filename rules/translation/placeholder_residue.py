"""T106 placeholder-residue: software placeholders and inline tags left in translated prose."""

from __future__ import annotations

import re
from collections.abc import Iterator

from lint.model import Document, Finding, Segment, Severity
from lint.patterns import compiled_on_use
from lint.rule import Example, Rule

_PLACEHOLDER = compiled_on_use(
    r"\{\{\s*[\w.]+\s*\}\}"  # {{name}} (Mustache, Jinja, Angular)
    r"|\{\d+\}"  # {0} (.NET, Java MessageFormat)
    # {name} (Python format, ICU): a word in braces is prose often enough that only names with an
    # underscore, or the names templates use most, count.
    r"|\{[a-z]+_[a-z0-9_]*\}"
    r"|\{(?:name|username|user|count|email|date|time|number|num|id|n|url|link|title|value|amount|price)\}"
    r"|(?<![\w%])%(?:\d+\$)?[-+ 0#]*\d*(?:\.\d+)?[sdifuxXeEgGc@](?![a-zA-Z])"  # %s %d %1$s %.2f %@
    r"|(?<![\w%])%\(\w+\)[sdif]"  # %(name)s
    r"|<(?:x|bx|ex|ph|g|it|mrk|pc|sc|ec)\b[^>]*/?>|</(?:g|ph|it|mrk|pc)>"  # XLIFF inline codes
    r"|\[\[[A-Z0-9_:]+\]\]"  # [[LINK]]
    r"|\$\{[\w.]+\}"  # ${name}
)

# A quotation's marks, opening -> closing.
_PAIRS = {'"': '"', "'": "'", "\u201c": "\u201d", "\u2018": "\u2019", "\u00ab": "\u00bb", "\u201e": "\u201c"}


def _quoted(text: str, start: int, end: int) -> bool:
    """Whether the placeholder at [start, end) sits inside a quotation on its line (`the format is
    "%(message)s"`, `'%s.%s' % version`): a template cited as such, as a code span would be, not one that
    went unfilled."""
    first = max(text.rfind("\n", 0, start) + 1, start - 80)
    for i in range(start - 1, first - 1, -1):
        close = _PAIRS.get(text[i])
        if close is None or (i > 0 and text[i - 1].isalnum()):
            continue  # not a quotation mark, or an apostrophe (John's)
        after = text.find(close, end, min(len(text), end + 80))
        if after != -1 and "\n" not in text[end:after] and not text[after + 1:after + 2].isalnum():
            return True
    return False


# A placeholder named as what it is: followed (after others it is listed with) by a noun for a template's
# parts (`with the %s specifier`, `add %i and %f formatting specifiers`, `skip %c formatting`).
_NAMED = compiled_on_use(r"(?:\s*(?:,|and|or)\s*%\S+)*\s+(?:format(?:ting|ters?|s)?|specifiers?|placeholders?|"
                         r"directives?|conversions?|tokens?|verbs?)\b", re.IGNORECASE)


# Characters that join a placeholder into a path, a name or a key=value pair: notation the writer chose
# (`biz/${namespace}/${name}.go`, `({flag}={value})`, `pkg.${svc}${method}Args`), where a template left
# unfilled stands as a word of its own in its sentence (`Hello {0}!`, `the file %s could`).
_JOINERS = frozenset("/\\=$}{")


def _in_notation(text: str, start: int, end: int) -> bool:
    """Whether the placeholder at [start, end) is glued into a path, an identifier or a key=value pair:
    a path separator, `=` or another placeholder against it, an ASCII letter, digit or underscore
    against it, or a dot between it and a name (`pkg.${svc}`, `${name}.go`)."""
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    if before in _JOINERS or after in _JOINERS or _ascii_word(before) or _ascii_word(after):
        return True
    return (before == "." and start > 1 and _ascii_word(text[start - 2])) or (
        after == "." and end + 1 < len(text) and _ascii_word(text[end + 1]))


def _ascii_word(ch: str) -> bool:
    return ch.isascii() and (ch.isalnum() or ch == "_")


def _written_as_code(doc: Document, placeholder: str) -> bool:
    """Whether the document writes ``placeholder`` alone in a code span (`` `%f` ``) elsewhere: it is
    about that syntax (a list of format verbs: `` `%F` synonym for %f ``), and the bare one is a citation
    that lost its backticks, not a template left unfilled."""
    return f"`{placeholder}`" in doc.source.text


class PlaceholderResidue(Rule):
    code = "T106"
    slug = "placeholder-residue"
    summary = "Software placeholder or inline tag left in prose"
    rationale = """
**What it does.** Flags format placeholders (`{0}`, `{name}`, `{{name}}`, `%s`, `%1$s`, `%(name)s`,
`${name}`), XLIFF inline codes (`<x id="1"/>`, `<g id="2">`) and CMS tokens (`[[LINK]]`) in prose.

**Why is this bad?** They are instructions to software that went unfilled: a string was published
from a template without its values, or an MT engine kept a segment's inline codes as text. Readers see
`Hello {0}`.

Not flagged: a placeholder glued into a path, a name or a key=value pair (`biz/${namespace}/${name}.go`,
`({flag}={value})`, `pkg.${svc}${method}Args`: notation, where a template left unfilled stands as a word
of its own); one the document also writes alone in a code span (a list of format verbs: `` `%F` synonym for
%f ``); a placeholder inside a quotation on its line (`the default format is "%(message)s"`,
`'%s.%s' % version`): documentation citing a template, as it would in a code span; and one named as what
it is (`use the %s specifier`, `add %i and %f formatting specifiers`); braces right after `@`, Git's
syntax for a reflog entry or a branch's upstream (`stash@{0}`, `HEAD@{1}`, `main@{upstream}`).

In files that are templates by design (PO, XLIFF, i18n JSON) placeholders are not prose: the format
parsers keep them out of segments, and the bilingual rules compare them with the source instead.
"""
    severity = Severity.ERROR
    trigger = r"\{[\d{a-z]|%[\d(sdifuxXeEgGc@$.+#-]|</?(?:x|bx|ex|ph|g|it|mrk|pc|sc|ec)\b|\[\[[A-Z0-9]|\$\{"
    flag = (
        Example("Welcome back, {0}! Your order has shipped."),
        Example("Hello {{name}}, your subscription ends soon."),
        Example("The file %s could not be opened."),
        Example("You have %1$s new messages."),
        Example("Click <x id=\"1\"/>here<x id=\"2\"/> to continue."),
        Example("Read the [[LINK]] for details."),
        Example("Dear ${customer.name}, thank you."),
        Example("Deleted %(count)d items."),
        Example("Hi {username}, welcome."),
        Example("The %s format could not be found, said %s.", note="named once, residue once"),
        Example('He said "welcome" to %s and left.', note="a quotation elsewhere on the line"),
        Example("{0}'s profile was updated."),
        Example("你好{0}，欢迎回来。", note="glued to Chinese, not to a name"),
        Example("Use `%d` for numbers.\n\nThe file %s could not be opened.", path="a.md",
                note="another placeholder written as code"),
    )
    allow = (
        Example("Prices rose 50% since March."),
        Example("The set {1, 2, 3} has three elements."),
        Example("A 100%-renewable grid by 2030."),
        Example("Use `{0}` in the format string.", path="a.md"),
        Example("The ratio was 3 % higher, said the report."),
        Example("Tags like <b> are HTML, another rule's business."),
        Example("He earned $100 {approximately} last week."),
        Example("The formula x = {a + b} was shown."),
        Example('The default message format is "%(message)s".  The date comes first.', note="a template cited"),
        Example("- python_version = '%s.%s' % (sys.version_info[0], sys.version_info[1])",
                note="code quoted in prose"),
        Example("The label reads \u201cHello {0}\u201d in the dialog.", note="a UI string quoted in the docs"),
        Example("util: use minimal object inspection with %s specifier.", note="a placeholder named as what it is"),
        Example("util: add %i and %f formatting specifiers."),
        Example("- Applique un stash (par défaut, le dernier, nommé stash@{0}) :", path="pages.fr/git-stash.md",
                note="Git's reflog syntax, not a placeholder"),
        Example("Undo the last reset with git reset HEAD@{1}."),
        Example("- biz/router/${namespace}/${idlName}.go: the routes of each IDL file.", note="a path"),
        Example("- thriftgo/t: options passed on to thriftgo ({flag}={value})", note="a key=value pair"),
        Example("- request: kitex_gen/some_pkg.${svc}${method}Args", note="a name built of placeholders"),
        Example("* `%f` decimal point but no exponent\n* `%F` synonym for %f\n", path="a.md",
                note="a list of format verbs, one without its backticks"),
    )

    def check_segment(self, seg: Segment, doc: Document) -> Iterator[Finding]:
        text = seg.text
        for m in _PLACEHOLDER.finditer(text):
            if (_quoted(text, m.start(), m.end()) or _NAMED.match(text, m.end())
                    or text[m.start() - 1:m.start()] == "@"):
                continue
            if m.group()[0] in "{%$" and (_in_notation(text, m.start(), m.end()) or _written_as_code(doc, m.group())):
                continue
            yield self.finding(seg, m.start(), m.end(), f"Placeholder '{m.group()}' left in the text")

"""T106 placeholder-residue: software placeholders and inline tags left in translated prose."""

from __future__ import annotations

import re
from collections.abc import Iterator

from lint.model import Document, Finding, Segment, Severity, in_ranges
from lint.patterns import compiled_on_use
from lint.rule import Example, Rule

_PLACEHOLDER_SOURCE = (
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
_PLACEHOLDER = compiled_on_use(_PLACEHOLDER_SOURCE)

# A quotation's marks, opening -> closing.
_PAIRS = {'"': '"', "'": "'", "\u201c": "\u201d", "\u2018": "\u2019", "\u00ab": "\u00bb", "\u201e": "\u201c"}


def _quoted(text: str, start: int, end: int) -> bool:
    """Whether the placeholder at [start, end) sits inside a quotation on its line (`the format is
    "%(message)s"`, `'%s.%s' % version`): a template cited as such, as a code span would be, not one that
    went unfilled."""
    first = _line_start_within(text, start, 80)
    for i in range(start - 1, first - 1, -1):
        close = _PAIRS.get(text[i])
        if close is None or (i > 0 and text[i - 1].isalnum() and not _string_prefix(text, i)):
            continue  # not a quotation mark, or an apostrophe (John's)
        after = text.find(close, end, min(len(text), end + 80))
        if after != -1 and not _breaks(text[end:after]) and not text[after + 1:after + 2].isalnum():
            return True
    return False


def _line_start_within(text: str, at: int, reach: int) -> int:
    """Where the line holding ``at`` starts (after LF, CRLF or a lone CR), or ``at - reach`` if that is later."""
    lo = max(0, at - reach)
    return max(text.rfind("\n", lo, at), text.rfind("\r", lo, at), at - reach - 1) + 1


def _breaks(span: str) -> bool:
    """Whether ``span`` holds a line break (LF, CRLF or a lone CR)."""
    return "\n" in span or "\r" in span


def _string_prefix(text: str, quote: int) -> bool:
    """Whether the letters before the quotation mark at ``quote`` are a string literal's prefix (`f"`,
    `rb'`, `t"`): code quoted in prose, where a letter before the mark is otherwise an apostrophe's."""
    i = quote
    while i > 0 and quote - i < 3 and text[i - 1] in "bBfFrRtTuU":
        i -= 1
    return 0 < quote - i < 3 and (i == 0 or not _joinable(text[i - 1]))


_BACKTICKS = compiled_on_use(r"`+")


def _in_code_span(text: str, start: int, end: int) -> bool:
    """Whether the placeholder at [start, end) stands between backticks on its line (``` ``{file_url}.asc`` ```
    in reST read as plain text): code the format did not parse, cited as such. Looked for within 200
    characters either side, as a code span in prose is short and a line may be a whole file."""
    close = text.find("`", end, end + 200)
    if close == -1 or _breaks(text[end:close]):
        return False
    line_start = _line_start_within(text, start, 200)
    return len(_BACKTICKS.findall(text, line_start, start)) % 2 == 1


# A placeholder named as what it is: followed (after others it is listed with) by a noun for a template's
# parts (`with the %s specifier`, `add %i and %f formatting specifiers`, `skip %c formatting`).
# A link of the list: the joiner and the next placeholder, whose characters run up to where the next link
# starts (`,%d`, `and %s`) and no further. Every part is possessive and the joiners start apart, so a link
# matches one way or not at all: the list after a placeholder is the chain of links from its end, and the
# list after the next placeholder is the rest of that chain. `_named` walks each chain once per segment
# (one pattern over the list from each placeholder read it to its end: quadratic in a list of `%d,%d,…`).
_NAMED_LINK = compiled_on_use(r"\s*+(?:,|and|or)\s*+%\S(?:(?!(?:,|and|or)\s*%\S)\S)*+", re.IGNORECASE)
_NAMED_NOUN = compiled_on_use(r"\s+(?:format(?:ting|ters?|s)?|specifiers?|placeholders?|"
                              r"directives?|conversions?|tokens?|verbs?)\b", re.IGNORECASE)


def _named(text: str, at: int, known: dict[int, bool]) -> bool:
    """Whether the list that goes on from ``at`` (none, or links of `,`/`and`/`or` and a placeholder) ends
    in a noun for a template's parts. ``known`` holds the answers found so far in ``text``, by where their
    list went on from: a chain that reaches one of them has that answer, and is not read again."""
    walked: list[int] = []
    while at not in known:
        walked.append(at)
        link = _NAMED_LINK.match(text, at)
        if link is None:
            known[at] = _NAMED_NOUN.match(text, at) is not None
            break
        at = link.end()
    answer = known[at]
    for start in walked:
        known[start] = answer
    return answer


# A placeholder, or a word in braces (`{flag}`, `{total}`), next to the one judged: the parts of a run are
# told apart from the characters that join them.
_TOKEN = compiled_on_use(rf"{_PLACEHOLDER_SOURCE}|\$?\{{[^{{}}\s]*\}}")
_ASCII_LETTER = compiled_on_use(r"[A-Za-z]")
# A file name's extension after a placeholder (`{name}.txt`, `%s.csv`): one of the extensions files are named
# with, not any short word a sentence glued on by a dropped space starts with (`{first_name}.we have saved`).
_FILE_EXTENSION = compiled_on_use(
    r"\.(?:txt|csv|tsv|json|jsonl|log|md|rst|html?|xml|ya?ml|toml|ini|cfg|conf|py|js|ts|go|rs|java|rb|php|sh|c|h|"
    r"cpp|sql|db|pdf|png|jpe?g|gif|svg|zip|gz|tar|tgz|po|pot|mo|xlf|xliff|out|dat|bin|lock|bak|tmp)"
    r"[)\]\"'”’.,;:!?]*")
# Notation on a placeholder's line: a code span's backtick or a path (`reports/{date}/`, `--out=`): what tells
# a file name's pattern in documentation from a template left unfilled in a message to customers (`Your
# invoice {invoice_id}.pdf has been sent`).
# (A parsed format stands a code span in by lint.formats.builder.PLACEHOLDER.)
_NOTATION_MARK = compiled_on_use(r"[`\ufffc]|\S/\S|--\w")
# What stands for a token in a run once masked: a word character to the joiners around it.
_MASK = "\0"


def _in_notation(text: str, start: int, end: int) -> bool:
    """Whether the placeholder at [start, end) is glued into a path, a name or a key=value pair
    (`biz/router/${namespace}/${idlName}.go`, `some_pkg.${svc}${method}Args`, `({flag}={value})`): notation
    the writer chose. The run it is glued into (up to whitespace) must show that shape: an ASCII word
    character right before it (a name's or a pattern's end: `_deprecated_{name}`, `digit{2}`), `=` between
    it and a word, or path separators and `.`/`_`/`=` between two words or placeholders, two of them, or one
    with ASCII letters on both sides of the placeholder, or a file name's extension after it (`{name}.txt`) on a
    line that shows notation (a code span, a path). A template left unfilled is glued to its sentence
    by other things: a dropped space after it (`{order_id}was`), a currency sign (`$%.2f`), a ratio
    (`{count}/{total}`, `page %d/%d`)."""
    left = text[max(0, start - 80):start]
    left = "" if not left or left[-1].isspace() else _TOKEN.sub(_MASK, left.split()[-1])
    right = text[end:end + 80]
    right = "" if not right or right[0].isspace() else _TOKEN.sub(_MASK, right.split()[0])
    if left[-1:] not in ("", _MASK) and _joinable(left[-1]):
        return True  # the end of a name or a pattern: `_deprecated_{name}`, `digit{2}`, `uni${a}ode`
    if (left[-1:] == "=" and _joinable(left[-2:-1])) or (right[:1] == "=" and _joinable(right[1:2])):
        return True  # a key=value pair: `({flag}={value})`, `--width={value}`
    run = f"{left}{_MASK}{right}"
    joiners = sum(1 for i in range(1, len(run) - 1)
                  if run[i] in "/\\" or (run[i] in "._=" and _joinable(run[i - 1]) and _joinable(run[i + 1])))
    if joiners >= 2 or (joiners == 1 and not left and _FILE_EXTENSION.fullmatch(right)
                        and _line_shows_notation(text, start)):
        return True
    return joiners == 1 and _ASCII_LETTER.search(left) is not None and _ASCII_LETTER.search(right) is not None


def _line_shows_notation(text: str, at: int) -> bool:
    """Whether the line around ``at`` (200 characters either side) holds a code span or a path."""
    line_start = _line_start_within(text, at, 200)
    line_end = min((i for i in (text.find("\n", at, at + 200), text.find("\r", at, at + 200)) if i >= 0),
                   default=at + 200)
    return _NOTATION_MARK.search(text, line_start, line_end) is not None


def _joinable(ch: str) -> bool:
    """An ASCII letter, digit or underscore, or a masked token: what a joiner joins."""
    return ch == _MASK or (ch.isascii() and (ch.isalnum() or ch == "_"))


_MEMO_KEY = "T106-placeholders-written-as-code"
# A placeholder written alone in a code span: `` `%f` `` (Markdown), ``` ``%f`` ``` (reST).
_IN_CODE_SPAN = compiled_on_use(rf"`({_PLACEHOLDER_SOURCE})(?=`)")


def _placeholders_written_as_code(doc: Document) -> frozenset[str]:
    """The placeholders that the document writes alone in a code span of its prose (`` `%f` ``): it is
    about that syntax (a list of format verbs: `` `%F` synonym for %f ``), and a bare one is a citation
    that lost its backticks, not a template left unfilled. Code blocks (the format's protected ranges of
    whole lines: fences, indented and literal blocks) are left out: a program's template literal
    (`` `${name}` `` in JavaScript) says nothing of the prose around it. Found once per document."""
    found = doc.memo.get(_MEMO_KEY)
    if found is None:
        text = doc.source.text
        blocks = [(a, b) for a, b in doc.protected
                  if (a == 0 or text[a - 1] == "\n") and (b == len(text) or text[b - 1] == "\n")]
        found = frozenset(m.group(1) for m in _IN_CODE_SPAN.finditer(text) if not in_ranges(blocks, m.start()))
        doc.memo[_MEMO_KEY] = found
    return found  # type: ignore[no-any-return]


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
`({flag}={value})`, `some_pkg.${svc}${method}Args`, a file name's pattern on a line with a code span or a
path: ``saved as {name}.txt in `out/` ``: notation, where a template left unfilled stands as a word of its own
(`Your invoice {invoice_id}.pdf has been sent`), or is glued to its sentence by a dropped space, a currency sign or a ratio: `{id}was`,
`$%.2f`, `page %d/%d`); one the document also writes alone in an inline code span, not a code block (a list
of format verbs: `` `%F` synonym for %f ``); a placeholder inside a quotation on its line (`the default format is "%(message)s"`,
`'%s.%s' % version`, a string literal: `f"Hi {name}!"`) or between backticks (reST's ``` ``{name}`` ``` read as
plain text): documentation citing a template; and one named as what
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
        Example("Bienvenido de nuevo, ${name}.\n\n```js\nconst greeting = `${name}`;\n```\n", path="a.md",
                note="written as code only in a code block: a program's template literal"),
        Example("Uploaded {count}/{total} files.", note="a ratio, not a path"),
        Example("Page %d/%d of the report."),
        Example("Your balance is $%s today.", note="a currency sign, not a joiner"),
        Example("The total is $%.2f with shipping."),
        Example("Your order {order_id}was shipped.", note="a dropped space, not a name"),
        Example("Welcome back {name}.Your order has shipped.", note="a dropped space after a stop, not an extension"),
        Example("Welcome back {first_name}.we have saved your cart for you.",
                note="a lower-case word after a dropped space: no file extension"),
        Example("Thank you for your order. Your invoice {invoice_id}.pdf has been sent to your email address.",
                note="a file name in a message to customers: nothing on the line is notation"),
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
        Example("Pass the width as --width={value} on the command line.", note="a key=value pair"),
        Example('The example builds query = f"SELECT * FROM data WHERE user_id = {user_id}" from input.',
                note="a string literal: its prefix is no apostrophe's letter"),
        Example("Use the format ``{name} <{email}>`` for each author.", note="reST's inline literal, read as text"),
        Example("    path_empty    = pchar{0}", note="a pattern's repetition glued to its atom"),
        Example("Reports are written to reports/{date}/summary.csv each night.", note="a path"),
        Example("Each page is saved as {name}.txt in the `output` folder.\n", path="a.md",
                note="a file name's pattern beside a code span"),
        Example("Logs go to app.{date}.log each day.", note="dots between words: a name's pattern"),
        Example("With --dump the results go to %s.json (the name of the run).", note="a file name's pattern"),
    )

    def check_segment(self, seg: Segment, doc: Document) -> Iterator[Finding]:
        text = seg.text
        named: dict[int, bool] = {}
        for m in _PLACEHOLDER.finditer(text):
            if (_quoted(text, m.start(), m.end()) or _in_code_span(text, m.start(), m.end())
                    or _named(text, m.end(), named)
                    or text[m.start() - 1:m.start()] == "@"):
                continue
            if m.group()[0] in "{%$" and (_in_notation(text, m.start(), m.end()) or m.group() in _placeholders_written_as_code(doc)):
                continue
            yield self.finding(seg, m.start(), m.end(), f"Placeholder '{m.group()}' left in the text")

"""gettext PO/POT catalogues: each `msgstr` (and `msgstr[n]` plural form) is a prose segment whose
``source_text`` is its `msgid` (or `msgid_plural`), for the bilingual family B.

Not prose: comments, `msgctxt`, `msgid`, keywords, quotes and the catalogue header (the entry with an
empty msgid). Escapes (`\\n`, `\\"`, `\\t`) are decoded and opaque: a fix never rewrites them; a
string continued over several quoted lines is one segment. Fuzzy entries (`#, fuzzy`) are skipped:
gettext does not show them and they await a translator anyway; the option `fuzzy: true` (config
`format-options: {po: {fuzzy: true}}`) checks them too. The file is first loaded with polib, the
library made for PO, so a malformed catalogue is an error with polib's own message and line.

Inline switches are translator comments: `# copylint: disable=B101,T102` above an entry.
"""

from __future__ import annotations

import dataclasses
import html
import re
from collections import Counter
from collections.abc import Callable, Mapping
from typing import Any

from lint.formats import Format, FormatExample, ParseError, options_table
from lint.formats.builder import (
    PLACEHOLDER,
    TEMPLATE_PLACEHOLDER,
    SegmentBuilder,
    complement,
    merge_ranges,
    switch_codes,
)
from lint.formats.markup import MARKUPS, marks, markup_of_references
from lint.model import Document, Segment, Source, Suppression
from lint.patterns import compiled_on_use

_KEYWORD = compiled_on_use(r'^(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)\s+"', re.M)
_CONTINUATION = compiled_on_use(r'^\s*"')
_QUOTED = compiled_on_use(r'"(?:[^"\\]|\\.)*"\s*$')
_ESCAPE = compiled_on_use(r'\\(?:[0-7]{1,3}|x[0-9a-fA-F]+|.)')
_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\", "a": "\a", "b": "\b", "f": "\f", "v": "\v"}
# Asked only whether it is found. Its spaces stay on their line: a quote a line break away starts a line of
# its own, which the search tries too; `\s*` read every blank line after each (18 s on 100,000 of them).
_MSGID_MARKUP = compiled_on_use(r'^(?:msgid|msgid_plural)?[^\S\n]*"[^\n]*(?:<(?:a|b|i|u|s|em|strong|span|big|small|tt|sub|sup|br|p|'
                           r'code|kbd)\b[^<>\n]*>|&(?:amp|lt|gt|quot|apos|#x?[0-9A-Fa-f]+);)', re.M)
# A reST role with its backquoted text (`:func:`len``): no program's message writes one, a Sphinx catalogue
# holds them in every other string. An inline literal (``` ``None`` ```) is weaker: a program's message may
# quote an option so (``` ``--verbose`` ```), as Markdown does.
_RST_ROLE = compiled_on_use(r"(?<![\w`]):[a-z]+(?::[a-z]+)?:`[^`\n]+`")
_RST_LITERAL = compiled_on_use(r"(?<![\w`])``[^`\n]+``(?![\w`])")
_LOCATION = compiled_on_use(r"^#:", re.M)
_ENTRY = '\nmsgid "'
# A catalogue without locations is reST where one entry at least writes a role and two at least write a role
# or an inline literal, one entry in _RST_SHARE at least (python-docs-pl's mro.po: 5 of 121).
_RST_ROLE_ENTRIES = 1
_RST_ENTRIES = 2
_RST_SHARE = 40
# A message's line: a sentence, from a capital to a stop (`The originals were kept.`). A literal block's
# lines are code and its output: indented, after a prompt, `from . import echo`, `numpy (1.9.2)`.
_SENTENCE_ENDS = (".", "!", "?", ":", "…")
_TWO_FORMS = compiled_on_use(r'^"Plural-Forms:\s*nplurals\s*=\s*2\s*;', re.M)
_DISABLE = compiled_on_use(r"^#\s*copylint:\s*disable=([\w.,:\s-]+)$")


_PLURAL_FORMS = compiled_on_use(r"Plural-Forms:\s*nplurals\s*=\s*(\d+)\s*;\s*plural\s*=([^;\n]+)")
# gettext's threshold: a form picked for this many values of n or more is one a program shows with
# many numbers, whose msgstr must print the count.
_OFTEN = 5
_C_TOKEN = compiled_on_use(r"\s*(?:(\d+)|(n)|(==|!=|<=|>=|&&|\|\||[-+*/%<>!?:()]))")


def rare_forms(head: str) -> set[int]:
    """The plural forms a catalogue's header (``Plural-Forms``) picks for fewer than five values of n up
    to 1000 (n == 1 alone; Arabic's n == 0 and n == 2; French's 0 and 1): a translation may spell such a
    form's number out (`un fichier`, `سنتين`), and `msgfmt -c` lets it leave the count's directive out
    there (gettext's ``OFTEN``). None where the header has no such expression or one that is not C's
    arithmetic of ``n``."""
    strings = [m.group()[1:-1] for m in re.finditer(r'"(?:[^"\\]|\\.)*"', head.split("\n\n", 1)[0])]
    m = _PLURAL_FORMS.search("".join(strings).replace("\\n", "\n"))
    if m is None:
        return set()
    try:
        plural = _c_expression(m.group(2))
        counts = Counter(plural(n) for n in range(1001))
    except (ValueError, IndexError, ZeroDivisionError):
        return set()
    return {form for form in range(int(m.group(1))) if counts[form] < _OFTEN}


def _c_tokens(text: str) -> list[str]:
    tokens: list[str] = []
    pos = 0
    while pos < len(text.rstrip()):
        t = _C_TOKEN.match(text, pos)
        if t is None:
            raise ValueError(text)
        tokens.append(t.group(1) or t.group(2) or t.group(3))
        pos = t.end()
    return tokens


def _c_expression(text: str) -> Callable[[int], int]:
    """A Plural-Forms expression (C's `?:`, `||`, `&&`, comparisons, `%`, `!`, parentheses, `n`) as a
    function of n; ValueError for anything else."""
    tokens = _c_tokens(text)
    at = 0

    def peek() -> str:
        return tokens[at] if at < len(tokens) else ""

    def take(expected: str | None = None) -> str:
        nonlocal at
        token = peek()
        if not token or (expected is not None and token != expected):
            raise ValueError(text)
        at += 1
        return token

    def ternary() -> Callable[[int], int]:
        cond = binary(0)
        if peek() != "?":
            return cond
        take("?")
        yes = ternary()
        take(":")
        no = ternary()
        return lambda n: yes(n) if cond(n) else no(n)

    levels = (("||",), ("&&",), ("==", "!="), ("<", ">", "<=", ">="), ("+", "-"), ("*", "/", "%"))
    ops: dict[str, Callable[[int, int], int]] = {
        "||": lambda a, b: int(bool(a or b)), "&&": lambda a, b: int(bool(a and b)), "==": lambda a, b: int(a == b),
        "!=": lambda a, b: int(a != b), "<": lambda a, b: int(a < b), ">": lambda a, b: int(a > b),
        "<=": lambda a, b: int(a <= b), ">=": lambda a, b: int(a >= b), "+": lambda a, b: a + b,
        "-": lambda a, b: a - b, "*": lambda a, b: a * b, "/": lambda a, b: a // b, "%": lambda a, b: a % b}

    def binary(level: int) -> Callable[[int], int]:
        if level == len(levels):
            return unary()
        left = binary(level + 1)
        while peek() in levels[level]:
            op, right = ops[take()], binary(level + 1)
            left = (lambda f, g, o: lambda n: o(f(n), g(n)))(left, right, op)
        return left

    def unary() -> Callable[[int], int]:
        token = take()
        if token == "!":
            inner = unary()
            return lambda n: int(not inner(n))
        if token == "(":
            inner = ternary()
            take(")")
            return inner
        return _c_operand(token, text)

    found = ternary()
    if at != len(tokens):
        raise ValueError(text)
    return found


def _c_operand(token: str, text: str) -> Callable[[int], int]:
    if token == "n":
        return lambda n: n
    if token.isdigit():
        value = int(token)
        return lambda n: value
    raise ValueError(text)


_POLIB_BREAKS = compiled_on_use("[\v\f\x1c\x1d\x1e\x85\u2028\u2029]")
_POLIB_SAFE = {0x0B: " ", 0x0C: " ", 0x1C: "x", 0x1D: "x", 0x1E: "x", 0x85: "x", 0x2028: "x", 0x2029: "x"}


def polib_text(text: str) -> str:
    """The text as polib should read it. polib splits lines with str.splitlines, at characters gettext
    keeps inside a string (U+2028, U+0085, a form feed: `msgfmt -c` accepts them), so those become
    whitespace (gettext's own, \\f and \\v) or a letter (the others: still an error outside a
    string, as for gettext). Only the translations' and comments' texts differ from the file's."""
    return text.translate(_POLIB_SAFE) if _POLIB_BREAKS.search(text) else text


def _check_with_polib(source: Source) -> None:
    import polib

    try:
        polib.pofile(polib_text(source.text))
    except (OSError, ValueError) as exc:
        message = str(exc)
        m = re.search(r"line (\d+)", message)
        raise ParseError(f"invalid PO: {message}", int(m.group(1)) if m else None) from None


# Options a config may set under `format-options: {po: {...}}`, with their defaults, and the values a
# string option may take.
OPTIONS = {"fuzzy": False, "markup": "auto"}
CHOICES = {"markup": MARKUPS}


def markup_of(source: Source, options: Mapping[str, Any] | None = None) -> str:
    """The markup the catalogue's strings are written in: the `markup` option, or for `auto` the format
    of the files its `#:` references name (a Sphinx catalogue's `.rst`), else reST where a catalogue
    without references writes reST roles in a share of its entries (reads_as_rst), else HTML where msgids hold
    HTML or Pango tags or entities (GTK applications), else none."""
    chosen = str((options or {}).get("markup", "auto"))
    if chosen != "auto":
        return chosen
    found = markup_of_references(source.text)
    if found == "none" and not _LOCATION.search(source.text) and reads_as_rst(source.text[:200_000]):
        return _RST_INFERRED  # a Sphinx catalogue whose locations were stripped (`msgcat --no-location`)
    if found == "none" and _MSGID_MARKUP.search(source.text):
        return _LABELS  # an application's strings with HTML or Pango markup (`<b>`, `&amp;`) in their msgids
    return found


def reads_as_rst(text: str) -> bool:
    """Whether a catalogue without locations is a Sphinx catalogue: its entries write reST roles
    (`:func:`len``), one at least, and roles or inline literals in two entries at least and in one entry
    of _RST_SHARE (an application's catalogue may quote an option or two as ``` ``--verbose`` ```)."""
    with_role = {text.rfind(_ENTRY, 0, m.start()) for m in _RST_ROLE.finditer(text)}
    if len(with_role) < _RST_ROLE_ENTRIES:
        return False
    marked = with_role | {text.rfind(_ENTRY, 0, m.start()) for m in _RST_LITERAL.finditer(text)}
    entries = text.count(_ENTRY) + text.startswith(_ENTRY[1:])
    return len(marked) >= _RST_ENTRIES and len(marked) * _RST_SHARE >= entries


def _sentence(line: str) -> bool:
    """Whether a line of a msgid reads as a message's sentence, not as code or its output."""
    return line[:1].isupper() and line.endswith(_SENTENCE_ENDS)


# `auto`'s reST for a catalogue without locations, read from its markup: reST, but a msgid's line break
# alone does not make a literal block (nothing tells that Sphinx wrote the catalogue).
_RST_INFERRED = "rst-inferred"


# `auto`'s HTML for an application's labels (GTK's Pango markup: `<b>`, `&amp;`): read as HTML, but shown as
# written, spaces and all, not rendered into a page.
_LABELS = "html-labels"


def parse(source: Source, options: Mapping[str, Any] | None = None) -> Document:
    _check_with_polib(source)
    catalogue = _Catalogue(source, options)
    catalogue.read()
    return catalogue.document()


class _Catalogue:
    """A PO file read line by line: the segments of the translations read so far, and the entry being
    read (its keywords' quoted strings, its comments, the codes its `# copylint: disable=` names)."""

    def __init__(self, source: Source, options: Mapping[str, Any] | None) -> None:
        self.source = source
        self.include_fuzzy = bool((options or {}).get("fuzzy", False))
        markup = markup_of(source, options)
        self.labels = markup == _LABELS
        self.inferred_rst = markup == _RST_INFERRED
        self.markup = "html" if self.labels else "rst" if self.inferred_rst else markup
        self.segments: list[Segment] = []
        self.suppressions: list[Suppression] = []
        self.prose: list[tuple[int, int]] = []  # the msgstr strings' contents in the file
        self.singulars: dict[int, str] = {}  # a plural form's segment index -> the entry's msgid
        # The segments of forms that may spell out the count msgid_plural's other forms print: msgstr[0]
        # where the language has two forms (`nplurals=2`: French's 0 and 1), whatever its expression, and
        # a form the header's Plural-Forms picks for a few values of n alone (Hebrew `n==1 ? 0 : n==2 ?
        # 1 : …`, a Serbian team's `n==1 ? 3 : …`, Arabic's n == 0, 1 and 2).
        self.rare_segments: set[int] = set()
        start, end = header_window(source.text)
        self.two_forms = bool(_TWO_FORMS.search(source.text, start, end))
        self.rare_keys = {f"msgstr[{k}]" for k in rare_forms(source.text[start:end])}
        # segment index -> where its msgstr starts, inside its first quote (markup may start the segment later)
        self.string_starts: dict[int, int] = {}
        self.entry: dict[str, tuple[str, list[tuple[int, str]]]] = {}
        self.comments: list[str] = []
        self.disabled: frozenset[str] | None = None
        self.disable_line = 0
        self.current: str | None = None  # the keyword whose string a continuation line continues
        self.format_flags: set[str] = set()  # xgettext's `#, c-format`, `python-format`… over the whole file
        # segment index -> its entry's format flags, and whether its `#:` locations name a source in a
        # language that formats with braces (C++, Python…; None without locations)
        self.entry_flags: dict[int, tuple[frozenset[str], bool | None]] = {}
        self.literal_blocks: set[int] = set()  # the segments of a reST catalogue's literal blocks
        self.notes: dict[int, str] = {}  # segment index -> its entry's extracted comments (`#.`), joined
        # the segments whose `#:` locations name a file no template is (`shop/views.py`): a program's string
        self.program_strings: set[int] = set()

    def read(self) -> None:
        text = self.source.text
        starts = self.source.line_starts()
        for i, start in enumerate(starts):
            line = text[start : (starts[i + 1] if i + 1 < len(starts) else len(text))].rstrip("\r\n")
            stripped = line.strip()
            if not stripped:
                self.flush()
                self.current = None
            elif stripped.startswith("#"):
                self.comment(i, stripped)
            else:
                self.string_line(i, line, start)
        self.flush()

    def comment(self, i: int, stripped: str) -> None:
        if self.entry and self.current is not None and not self.current.startswith("msgctxt"):
            self.flush()
            self.current = None
        self.comments.append(stripped)
        m = _DISABLE.match(stripped)
        if m:
            self.disabled = switch_codes(m.group(1))
            self.disable_line = i + 1

    def string_line(self, i: int, line: str, start: int) -> None:
        """A keyword's first quoted string, or a quoted line that continues the current keyword's."""
        m = _KEYWORD.match(line)
        if (m or _CONTINUATION.match(line)) and not _QUOTED.search(line):
            raise ParseError("unterminated string", i + 1)  # polib reads past it silently
        if m:
            keyword = m.group(1)
            if keyword in ("msgctxt", "msgid") and any(k.startswith("msgstr") for k in self.entry):
                self.flush()
            self.current = keyword
            self.entry[keyword] = (keyword, [(start + m.end(), line[m.end() : line.rfind('"')])])
        elif _CONTINUATION.match(line) and self.current is not None:
            q = line.index('"') + 1
            self.entry[self.current][1].append((start + q, line[q : line.rfind('"')]))

    def flush(self) -> None:
        """End the entry being read: its translations become segments (unless fuzzy)."""
        if self.entry:
            fuzzy = any(c.startswith("#,") and "fuzzy" in c for c in self.comments)
            flags = frozenset(f for c in self.comments if c.startswith("#,")
                              for f in re.split(r"[\s,]+", c[2:]) if f.endswith("-format"))
            self.format_flags.update(flags)
            places = [p.rsplit(":", 1)[0] for c in self.comments if c.startswith("#:") for p in c[2:].split()]
            braces = any(p.endswith(_BRACE_SOURCES) for p in places) if places else None
            first = len(self.segments)
            msgid = _joined(self.entry.get("msgid"))
            context = _joined(self.entry.get("msgctxt")) or None
            plural = _joined(self.entry.get("msgid_plural"))
            if msgid and (self.include_fuzzy or not fuzzy):
                literal = self.literal_block(msgid)
                for key, (_, parts) in self.entry.items():
                    if key.startswith("msgstr"):
                        self.add_form(key, parts, msgid, plural, context, literal)
            note = " ".join(c[2:].strip() for c in self.comments if c.startswith("#.")).strip()
            program = any(not p.lower().endswith(_TEMPLATE_FILES) for p in places)
            for index in range(first, len(self.segments)):
                self.entry_flags[index] = (flags, braces)
                if program:
                    self.program_strings.add(index)
                if note:
                    self.notes[index] = note
        self.entry.clear()
        self.comments = []
        self.disabled = None

    def literal_block(self, msgid: str) -> bool:
        """Whether the entry is a reST catalogue's literal block: Sphinx's gettext builder joins the lines
        of a paragraph, a title or a list item into one and keeps them only in the blocks it copies as
        written (literal and doctest blocks, math, raw). Code and its output, which a translation copies
        or adapts (a comment, a string translated) and which copylint does not read in a reST document
        either. Where the catalogue's reST was read from its markup (no locations), an entry whose lines
        are all sentences is a message: a program's message may break its lines too."""
        if self.markup != "rst" or "\n" not in msgid:
            return False
        return not self.inferred_rst or not all(_sentence(line) for line in msgid.split("\n") if line)

    def add_form(self, key: str, parts: list[tuple[int, str]], msgid: str, plural: str,
                 context: str | None, literal: bool = False) -> None:
        # Each plural form is read against msgid_plural (a form may hold the count, `%d`,
        # that the singular msgid spells out); B rules also accept what msgid holds.
        if literal:
            # A literal block is no prose: one placeholder in its place, and out of bounds for the rules
            # that read the file; B103 reads its pair (bilingual.pair, code=True).
            if not "".join(raw for _, raw in parts).strip():
                return
            seg: Segment | None = Segment(PLACEHOLDER, "msgstr", ((0, parts[0][0]),), len(self.segments),
                                          source_text=plural or msgid, key=context, opaque=((0, 1),))
            self.literal_blocks.add(len(self.segments))
        else:
            seg = _segment(parts, len(self.segments), plural or msgid, self.markup, context)
        if seg is None:
            return
        if plural:
            self.singulars[seg.index] = msgid
            if (key == "msgstr[0]" and self.two_forms) or key in self.rare_keys:
                self.rare_segments.add(seg.index)
        self.string_starts[seg.index] = parts[0][0]
        self.segments.append(seg)
        if not literal:
            self.prose.extend((at, at + len(raw)) for at, raw in parts)
        if self.disabled:
            end = seg.to_source_end(len(seg.text))
            self.suppressions.append(Suppression(seg.to_source(0), end + 1, self.disabled, self.disable_line))

    def printf_only(self) -> frozenset[int]:
        """The segments whose placeholders are printf conversions alone, `{unset}` a word shown in braces:
        an entry flagged as C's (`#, c-format`), and in a catalogue whose flags are all C's (a C
        program's) an entry without flags unless its locations name a source in a language that formats
        with braces (`src/download.cpp`)."""
        c_program = bool(self.format_flags) and self.format_flags <= _C_FLAGS
        return frozenset(index for index, (flags, braces) in self.entry_flags.items()
                         if (flags <= _C_FLAGS if flags else c_program and not braces))

    def document(self) -> Document:
        # Everything but the translations is out of bounds for rules that read the file itself (runs of
        # spaces, mojibake): an edited msgid no longer finds its translation.
        text = self.source.text
        doc = Document(self.source, "po", self.segments, protected=complement(merge_ranges(sorted(self.prose)), len(text)))
        doc.suppressions = self.suppressions
        doc.memo["markup"] = self.markup
        if self.labels:
            doc.memo["markup-shown-as-written"] = True  # W105: a label's spaces are all shown
        doc.memo["po-singular"] = self.singulars
        doc.memo["po-rare-form"] = self.rare_segments
        doc.memo["po-string-start"] = self.string_starts
        doc.memo["po-format-flags"] = frozenset(self.format_flags)
        doc.memo["po-printf-only"] = self.printf_only()
        doc.memo["po-literal-blocks"] = frozenset(self.literal_blocks)
        doc.memo["po-notes"] = self.notes
        doc.memo["po-program-strings"] = frozenset(self.program_strings)
        return doc


# The files a template engine renders (Django's, Jinja's): a page's HTML, a plain-text e-mail's template.
_TEMPLATE_FILES = (".html", ".htm", ".xhtml", ".txt", ".jinja", ".jinja2", ".j2", ".tmpl")


# The flags xgettext writes for C's printf strings.
_C_FLAGS = frozenset({"c-format", "no-c-format", "possible-c-format"})
# Sources in languages whose messages format with braces (C++'s std::format and fmt, Python, C#, JavaScript,
# Rust): a message taken from one may hold `{0}` or `{path}`, even in a C program's catalogue.
_BRACE_SOURCES = (".cpp", ".cc", ".cxx", ".hpp", ".hh", ".hxx", ".py", ".cs", ".js", ".ts", ".rs")


_LANGUAGE = compiled_on_use(r'^"Language:[ \t]*([A-Za-z]{2,3}(?:[_-][A-Za-z0-9]+)*)[ \t]*\\n"', re.M)


def header_window(text: str) -> tuple[int, int]:
    """Where a catalogue's header fields are read (`Language:`, `Plural-Forms:`): 4,000 characters from the
    header's own msgid on, for a team's translator comments before it run to 10 KB and more (git's
    zh_CN.po: 186 lines), which a window from the file's start left unread."""
    start = max(text.find('msgid ""'), 0)
    return start, start + 4000


def file_language(source: Source) -> str | None:
    """The catalogue's language from its header (`"Language: pt_BR\\n"` -> `pt-BR`): the translations
    are in that language, so language-specific rules (French spacing before `?`) follow it."""
    m = _LANGUAGE.search(source.text, *header_window(source.text))
    return m.group(1).replace("_", "-") if m else None


_RAW_STRING = compiled_on_use(r'(?:[^"\\\n]|\\.)*"(?:[ \t]*\r?\n[ \t]*"(?:[^"\\\n]|\\.)*")*')


def raw_string(text: str, start: int) -> str:
    """The msgstr as written, from just inside its first quote to just before its last one."""
    m = _RAW_STRING.match(text, start)
    return m.group()[:-1] if m else ""


def decoded_raw(raw: str) -> str:
    """A msgstr as written in the file (possibly over several quoted lines), decoded."""
    parts = re.findall(r'"((?:[^"\\]|\\.)*)"', f'"{raw}"')
    return "".join(_decode(p) for p in parts)


def _decode(raw: str) -> str:
    return _ESCAPE.sub(lambda m: _ESCAPES.get(m.group()[1], m.group()[1]), raw)


def _joined(item: tuple[str, list[tuple[int, str]]] | None) -> str:
    return "".join(_decode(raw) for _, raw in item[1]) if item else ""


def _decoded_with_origins(parts: list[tuple[int, str]]) -> tuple[str, list[int], list[bool]]:
    """The string as gettext reads it, with each character's offset in the file and whether it stands
    for itself there (an escape `\\n` does not)."""
    chars: list[str] = []
    origin: list[int] = []
    verbatim: list[bool] = []
    for at, raw in parts:
        pos = 0
        for m in _ESCAPE.finditer(raw):
            chars.append(raw[pos : m.start()])
            origin.extend(range(at + pos, at + m.start()))
            verbatim.extend([True] * (m.start() - pos))
            chars.append(_ESCAPES.get(m.group()[1], m.group()[1]))
            origin.append(at + m.start())
            verbatim.append(False)
            pos = m.end()
        chars.append(raw[pos:])
        origin.extend(range(at + pos, at + len(raw)))
        verbatim.extend([True] * (len(raw) - pos))
    return "".join(chars), origin, verbatim


def _segment(parts: list[tuple[int, str]], index: int, source_text: str, markup: str = "none",
             context: str | None = None) -> Segment | None:
    text, origin, verbatim = _decoded_with_origins(parts)
    builder = SegmentBuilder("msgstr")

    def prose(a: int, b: int) -> None:
        """text[a:b] as prose, placeholders (`%d`, `{0}`) opaque: each run of characters that stand
        for themselves and follow each other in the file is added verbatim, an escape opaquely."""
        pos = a
        for m in TEMPLATE_PLACEHOLDER.finditer(text, a, b):
            verbatim_run(pos, m.start())
            builder.add_opaque(PLACEHOLDER, origin[m.start()])  # %d, %(name)s, {0}: compared by B101
            pos = m.end()
        verbatim_run(pos, b)

    def verbatim_run(a: int, b: int) -> None:
        i = a
        while i < b:
            if not verbatim[i]:
                builder.add_opaque(text[i], origin[i])
                i += 1
                continue
            j = i + 1
            while j < b and verbatim[j] and origin[j] == origin[j - 1] + 1:
                j += 1
            builder.add(text[i:j], origin[i])
            i = j

    pos = 0
    for mk in marks(text, markup) if markup != "none" else ():
        if mk.start < pos:
            continue  # inside a link's text already read
        prose(pos, mk.start)
        if mk.kind == "escape":
            builder.add_opaque(text[mk.end - 1 : mk.end], origin[mk.start])
        elif mk.kind == "entity":
            builder.add_opaque(html.unescape(mk.target), origin[mk.start])  # `&amp;` reads `&`
        elif mk.kind == "emphasis":
            pass  # markers are dropped, as in a reST or Markdown document
        elif mk.prose is not None and mk.kind in ("link", "reference", "image"):
            prose(*mk.prose)  # a link's words (an image's alt text) are prose, its target is not
        else:
            builder.add_opaque(PLACEHOLDER, origin[mk.start])
        pos = mk.end
    prose(pos, len(text))
    seg = builder.build(index, strip=False)
    if seg is None and text.strip():
        # Nothing but markup (``:pep:`420```, a lone literal) or placeholders (`%s` for `%s | %s`): no
        # prose for the other rules, but its markup and placeholders are still compared with the
        # source's by the B family.
        seg = Segment(PLACEHOLDER, "msgstr", ((0, origin[0]),), index, opaque=((0, 1),))
    if seg is None:
        return None
    return dataclasses.replace(seg, source_text=source_text, key=context)


def pair(seg: Segment, doc: Document) -> tuple[str, str]:
    """(msgid, msgstr) of a segment, the msgstr decoded from the file as written (family B compares these)."""
    start = doc.memo.get("po-string-start", {}).get(seg.index, seg.to_source(0))
    return seg.source_text or "", decoded_raw(raw_string(doc.text, start))


FORMAT = Format(
    name='po',
    title='gettext PO/POT',
    reader=parse,
    extensions=(".po", ".pot"),
    language_ids=("po", "pot", "gettext"),
    options=options_table(OPTIONS, CHOICES),
    file_language=file_language,
    pair=pair,
    prose="each `msgstr` and plural form, with its `msgid` as the source for the B family; the header's "
          '`Language` sets the language',
    not_prose='comments, `msgctxt`, `msgid`, the header entry, fuzzy entries (checked too with `format-options:'
              ' {po: {fuzzy: true}}`); placeholders (`%d`, `%(name)s`, `{0}`) and escapes inside msgstr are '
              'read but never rewritten; with markup (`format-options: {po: {markup: rst}}`, or `auto`: the '
              'format of the files the `#:` references name, so a Sphinx catalogue is reST; a catalogue without '
              'any `#:` reference is reST where one entry writes a reST role (`:func:`len``) and two entries, one '
              'in 40 at least, write roles or inline literals; else HTML where msgids hold HTML or Pango tags or '
              'entities), inline literals, '
              'roles, substitutions, link targets and code inside msgstr are not prose either, each in its '
              'exact place in the file, and in a reST catalogue an entry whose msgid holds a line break is a '
              'literal block (Sphinx joins the lines of every other kind of text), code and not prose, whose '
              'numbers B103 still compares with its msgid\'s where nothing but numbers changed (without '
              'references, not where each of its lines is a sentence: a capital to a stop); '
              'obsolete `#~` entries are never read. An unterminated string or a line '
              'polib cannot read is an error with its line',
    examples=(
        FormatExample(
            'msgid ""\nmsgstr ""\n"Language: fr\\n"\n\nmsgid "Hello"\nmsgstr "Bonjour"\n\n#, fuzzy\nmsgid "Bye"\nmsgstr "Au revoir"\n',
            segments=('Bonjour',),
            language='fr',
        ),
        FormatExample(
            '#: ../../tutorial/errors.rst:12\nmsgid "For example:"\nmsgstr "Par exemple :"\n\n'
            '#: ../../tutorial/errors.rst:14\nmsgid ">>> 10 * (1/0)\\nTraceback (most recent call last):"\n'
            'msgstr ">>> 10 * (1/0)\\nTraceback (most recent call last):"\n',
            segments=('Par exemple :', '\ufffc'),
        ),
        FormatExample(
            'msgid "Use :func:`len` here."\nmsgstr "Utilisez :func:`len` ici."\n\n'
            'msgid "See ``None``."\nmsgstr "Voir ``None``."\n\n'
            'msgid ">>> len(\\"abc\\")\\n3"\nmsgstr ">>> len(\\"abc\\")\\n3"\n',
            segments=('Utilisez \ufffc ici.', 'Voir \ufffc.', '\ufffc'),
        ),
        FormatExample(
            'msgid "a"\nmsgstr "unterminated\n',
            error_line=2,
        ),
    ),
)

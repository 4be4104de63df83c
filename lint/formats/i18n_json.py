"""i18n JSON (message catalogues such as `locales/en/app.json`): every string value is one prose segment.

Not prose: keys, numbers, the JSON syntax, and inside a value the ICU MessageFormat arguments and
plural/select syntax (`{name}`, `{count, plural, one {# item} other {# items}}` keeps only the texts
of its branches), `{{mustache}}` and `%s`-style placeholders, which stand as a placeholder (U+FFFC).
Escapes (`\\n`, `\\"`, `\\u00e9`) are decoded and opaque: a fix never rewrites them.

Values under a key that starts with `@` are not prose either: ARB (Flutter) and slang keep there the
resource's attributes and notes for translators (`"@title": {"description": "…"}`, `"@@locale"`), written
in the source language. Nor is the `description` beside a `message` (WebExtension `messages.json`,
Docusaurus `code.json`): a note for translators.

JSON is not claimed by extension (most `.json` files are not prose): map catalogues in the config,
`formats: {"locales/**/*.json": i18n-json}`. A file that is not valid JSON is an error with its line.
The segment's ``key`` is the dotted path of the value (`home.title`).

A catalogue in another language than the source's is paired, key path by key path, with its
source-language catalogue (`locales/en.json` for `locales/fr-FR.json`, `locales/en/app.json` for
`locales/fr/app.json`; options `source` and `source-language`, lint.formats.source_catalogue): each string
that the source has under the same key path gets it as its ``source_text``, and ``pair`` gives family B
both strings as the application reads them (escapes decoded; `{count}`, `{{name}}`, `%s` and `<b>` as
written), as a PO entry's msgid and msgstr. A key the source lacks, the source itself and a catalogue
without a source found are read alone (no B).
"""

from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import Mapping
from pathlib import PurePath
from typing import Any

from lint.formats import Format, FormatExample, ParseError, options_table
from lint.formats.builder import PLACEHOLDER, PRINTF_SPEC, SegmentBuilder, merge_ranges, repeated_branches
from lint.formats.markup import APP_TAGS, MARKUPS, markup_of_app_strings, masked, option
from lint.formats.source_catalogue import SOURCE_HELP, locale_tag, pair, paired, source_path
from lint.model import Document, Segment, Source
from lint.patterns import compiled_on_use

_TOKEN = compiled_on_use(r'"(?:[^"\\]|\\.)*"|[{}\[\]:,]|-?\d[\d.eE+-]*|true|false|null|\s+', re.S)
_ESCAPE = compiled_on_use(r'\\(?:u[0-9a-fA-F]{4}|.)', re.S)
# printf's conversions as the other catalogue readers mask them (builder.PRINTF_SPEC: flags, width, precision,
# C's length modifiers, `%ld`, `%zu`); the ICU braces are read below.
_PLACEHOLDER = compiled_on_use(r"\{\{[^{}]*\}\}|%(?:\d+\$)?" + PRINTF_SPEC + r"|%\([\w.]+\)[sdif]")
# Each run read once: `\s*,?\s*` split a run of blanks every way, and `\d+` gave `[=\w]+` each share of a run
# of digits (quadratic where no `{` follows); an offset's digits then a name go on as one name.
_SELECTOR = compiled_on_use(r"\s*+(?:,\s*+)?(?:offset:\d(?:\d*+\s++)?)?[=\w]++\s*+\{")
_ICU_ARGUMENT = compiled_on_use(r"\{\s*[\w.]+\s*(?:,\s*(plural|select|selectordinal)\s*,|,\s*(?:number|date|time)\b[^{}]*)?")


# Options a config may set under `format-options: {i18n-json: {...}}`: the markup inside the strings, and
# where the source-language catalogue is (lint.formats.source_catalogue).
OPTIONS = {"markup": "auto", "source": "auto", "source-language": "en"}
CHOICES = {"markup": MARKUPS}
HELP = {
    "markup": "the markup inside the strings: `auto` reads the application's rich-text tags where a string holds one",
    **SOURCE_HELP,
}
_SUFFIXES = (".json", ".i18n.json")


def parse(source: Source, options: Mapping[str, Any] | None = None, *,
          sources: tuple[str, ...] | None = None) -> Document:
    text = source.text
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ParseError(f"invalid JSON: {exc.msg}", exc.lineno) from None
    notes = _notes(data, ()) if '"message"' in text or '"@' in text else set()
    segments: list[Segment] = []
    values: list[str] = []  # each segment's string token, as written
    protected: list[tuple[int, int]] = []
    last_end = 0  # the end of the last string value: what lies between values is JSON syntax
    # One entry per open container: [is_object, key or index, expecting a key].
    stack: list[list[object]] = []
    for m in _TOKEN.finditer(text):
        tok = m.group()
        if tok == "{":
            stack.append([True, None, True])
        elif tok == "[":
            stack.append([False, 0, False])
        elif tok in "}]":
            stack.pop()
        elif tok == ":":
            stack[-1][2] = False
        elif tok == ",":
            if stack[-1][0]:
                stack[-1][2] = True
            else:
                stack[-1][1] = int(str(stack[-1][1])) + 1
        elif tok.startswith('"'):
            if stack and stack[-1][0] and stack[-1][2]:
                stack[-1][1] = json.loads(tok)
                continue
            path = tuple(entry[1] for entry in stack)
            if notes and any(path[:k] in notes for k in range(1, len(path) + 1)):
                continue  # a note for translators (ARB's `@key`, a message's description), left as JSON syntax is
            key = ".".join(map(str, path))
            protected.append((last_end, m.start() + 1))
            last_end = m.end() - 1
            seg = _value_segment(tok, m.start() + 1, len(segments), key)
            if seg is not None:
                segments.append(seg)
                values.append(tok)
    protected.append((last_end, len(text)))
    markup = markup_of_app_strings(option(options), (seg.text for seg in segments))
    if markup == APP_TAGS:
        segments = [_bracket_escapes_masked(seg) for seg in segments]
    segments, decoded = paired(source.path, segments, values, options, _SUFFIXES, decode=json.loads, sources=sources)
    # (Masked once paired: a machine translation's tags, `<span class="hps">`, stay text where no source is paired.)
    segments = [masked(seg, markup, unpaired=seg.source_text is None) for seg in segments]
    doc = Document(source, "i18n-json", segments, protected=[(a, b) for a, b in protected if b > a])
    doc.memo["markup"] = markup
    if decoded:
        doc.memo["i18n-values"] = decoded
    return doc


def sources(path: str, options: Mapping[str, Any] | None = None) -> tuple[str, ...]:
    """The files besides the catalogue itself that its findings depend on: its source-language catalogue,
    where it has one (the results cache keys the catalogue's findings on it too)."""
    found = source_path(path, options, _SUFFIXES)
    return (found,) if found else ()


# `&lt;`, `&gt;` and their numeric forms: how a string whose tags are markup shows an angle bracket.
_BRACKET_ESCAPE = compiled_on_use(r"&(?:lt|gt|#0*6[02]|#[xX]0*3[cCeE]);")
_TAG_IN_STRING = compiled_on_use(r"</?(?:[A-Za-z][\w:-]*|\d+)(?:\s[^<>]*)?/?>")


def _bracket_escapes_masked(seg: Segment) -> Segment:
    """``seg`` with `&lt;` and `&gt;` masked where the string holds a tag: there a `<` written as itself
    would open a tag (HTML's syntax, and the tag parsers of i18next's `Trans` and FormatJS alike), so
    the entity is the markup's own escape (jellyfin-web's `<code>http://example.com/<b>&lt;baseurl&gt;</b></code>`),
    not text encoded twice. An entity in a string without tags stays prose (S104 reports it)."""
    if "&" not in seg.text or "<" not in seg.text or not _TAG_IN_STRING.search(seg.text):
        return seg
    spans = [m.span() for m in _BRACKET_ESCAPE.finditer(seg.text)]
    if not spans:
        return seg
    chars = list(seg.text)
    for a, b in spans:
        chars[a:b] = PLACEHOLDER * (b - a)
    return dataclasses.replace(seg, text="".join(chars), opaque=tuple(merge_ranges(sorted([*seg.opaque, *spans]))))


# An entry of the WebExtension `messages.json` format (Chrome's i18n, and Docusaurus' `code.json`):
# the message, with a description for translators beside it.
_MESSAGE_ENTRY_KEYS = frozenset({"message", "description", "placeholders"})


def _notes(data: Any, path: tuple[object, ...]) -> set[tuple[object, ...]]:
    """The key paths of the notes for translators, in the source language, not the text shown: an `@`
    key's value (ARB's resource attributes `"@title": {"description": "…"}` and `"@@locale"`, slang's
    comments `"@info": "…"`: both tools read every `@` key so) and the description beside a `message`
    (WebExtension and Docusaurus catalogues: `{"greeting": {"message": "Bonjour", "description": "…"}}`)."""
    found: set[tuple[object, ...]] = set()
    if isinstance(data, dict):
        if "message" in data and isinstance(data.get("description"), str) and set(data) <= _MESSAGE_ENTRY_KEYS:
            found.add((*path, "description"))
        for k, v in data.items():
            if k.startswith("@"):
                found.add((*path, k))
            elif isinstance(v, (dict, list)):
                found |= _notes(v, (*path, k))
    elif isinstance(data, list):
        for i, v in enumerate(data):
            found |= _notes(v, (*path, i))
    return found


def file_language(source: Source) -> str | None:
    """The locale the catalogue's file name is (`fr-FR.json` -> `fr-FR`, slang's `fr.i18n.json`), as
    excalidraw, localsend and most i18n libraries name their catalogues."""
    name = PurePath(source.path).name
    stem = name[: -len(".i18n.json")] if name.endswith(".i18n.json") else name[: -len(".json")]
    return locale_tag(stem) if name.endswith(".json") else None


def _value_segment(token: str, at: int, index: int, key: str) -> Segment | None:
    """The string's content (without its quotes), escapes decoded as opaque characters, placeholders masked."""
    body = token[1:-1]
    builder = SegmentBuilder("string")
    pos = 0
    for m in _ESCAPE.finditer(body):
        add_icu_prose(builder, body[pos : m.start()], at + pos)
        builder.add_opaque(json.loads(f'"{m.group()}"'), at + m.start())
        pos = m.end()
    add_icu_prose(builder, body[pos:], at + pos)
    seg = builder.build(index)
    if seg is None:
        return None
    return dataclasses.replace(seg, key=key)


def add_icu_prose(builder: SegmentBuilder, chunk: str, at: int, open_braces: list[str] | None = None,
                  between: str = " ") -> None:
    """Text of a value with its placeholders and ICU syntax replaced by placeholders; of the branches of a
    plural or select, each text once (``repeated_branches``), apart from the one before it. ``open_braces``:
    the braces left open by the text before ``chunk`` (an XLIFF target's ICU message goes on after an inline
    code), which the call updates; ``between``: what sets a branch apart from the one before it."""
    pos = 0
    # "plural" for `{count, plural,`, "branch" for a branch's `{`, "plain" otherwise
    open_braces = [] if open_braces is None else open_braces
    dropped = repeated_branches(chunk, _SELECTOR) if "{" in chunk else {}
    i = 0
    while i < len(chunk):
        ch = chunk[i]
        m = _PLACEHOLDER.match(chunk, i)
        if m:
            builder.add(chunk[pos:i], at + pos)
            builder.add_opaque(PLACEHOLDER, at + i)
            i = pos = m.end()
        elif ch == "{":
            builder.add(chunk[pos:i], at + pos)
            i = pos = _after_open_brace(builder, chunk, i, at, open_braces, dropped)
        elif ch == "}" and open_braces:
            builder.add(chunk[pos:i], at + pos)
            i = pos = _after_close_brace(builder, chunk, i, at, open_braces, dropped, between)
        elif ch == "#" and open_braces and "plural" in open_braces:
            builder.add(chunk[pos:i], at + pos)
            builder.add_opaque(PLACEHOLDER, at + i)
            i = pos = i + 1
        else:
            i += 1
    builder.add(chunk[pos:], at + pos)


def _after_open_brace(builder: SegmentBuilder, chunk: str, i: int, at: int, open_braces: list[str],
                      dropped: dict[int, int]) -> int:
    """Where the text resumes after the `{` at ``i``: past an ICU argument's syntax (a placeholder), or
    past the brace, which ``open_braces`` then records."""
    icu = _ICU_ARGUMENT.match(chunk, i)
    if icu and icu.group(1) in ("plural", "select", "selectordinal"):
        # `{count, plural, one {`: the argument and the first selector are syntax.
        builder.add_opaque(PLACEHOLDER, at + i)
        open_braces.append("plural")
        selector = _SELECTOR.match(chunk, icu.end())
        if selector:
            open_braces.append("branch")
            return dropped.get(selector.end(), selector.end())
        return icu.end()
    close = chunk.find("}", i)
    if icu and close >= 0:
        builder.add_opaque(PLACEHOLDER, at + i)  # a simple argument: {name}, {n, number}
        return close + 1
    open_braces.append("plain")
    return i + 1


def _after_close_brace(builder: SegmentBuilder, chunk: str, i: int, at: int, open_braces: list[str],
                       dropped: dict[int, int], between: str = " ") -> int:
    """Where the text resumes after the `}` at ``i`` that closes the last of ``open_braces``: a branch
    said again is skipped to its own closing brace, one said first is set apart from the text before it
    by a space (branches are alternatives, not a sentence)."""
    kind = open_braces.pop()
    i += 1
    if kind == "branch":
        selector = _SELECTOR.match(chunk, i)
        if selector:  # the next branch: `other {`
            open_braces.append("branch")
            if selector.end() in dropped:
                return dropped[selector.end()]
            builder.add_opaque(between, at + i - 1)
            return selector.end()
    return i


FORMAT = Format(
    name='i18n-json',
    title='i18n JSON catalogues',
    reader=parse,
    options=options_table(OPTIONS, CHOICES, HELP),
    file_language=file_language,
    pair=pair,
    sources=sources,
    claims='most `.json` is not prose: map them with `formats: {"locales/**/*.json": i18n-json}`',
    prose='string values (the segment knows its key path, `home.title`); a file named by its locale '
          '(`fr.json`, `pt_BR.json`) sets the language. With `source: auto` (the default), a catalogue in '
          'another language is paired with the source-language catalogue beside it (`en.json`, `en-US.json`) or '
          'in the sibling locale folder (`locales/en/app.json` for `locales/fr/app.json`): each string is '
          'compared with the source\'s string under the same key path by the B family, as a PO msgstr with '
          'its msgid (a key the source lacks is not; a source that is not valid JSON leaves its catalogues '
          'unpaired and is reported once, as its own error)',
    not_prose='keys, numbers, JSON syntax, the values of `@` keys (ARB\'s and slang\'s notes for translators) and a '
              "message's `description` (WebExtension `messages.json`, Docusaurus `code.json`); inside values, "
              "ICU arguments and plural/select syntax (only the branches' texts are prose), `{{mustache}}` and `%s` placeholders; with `markup: auto`, the "
              "application's rich-text tags (`Try <button>reloading</button>`, `<br/>`, `<0>`), which react-intl "
              "and i18next's `Trans` render as elements (entities stay prose: those libraries print `&amp;` as "
              "written), and beside such a tag `&lt;` and `&gt;`, the only way to show an angle bracket there; "
              "escapes are read but never rewritten. Invalid JSON is an error with its line",
    examples=(
        FormatExample(
            '{"home": {"title": "Welcome, {name}!", "count": 3}, "list": ["One\\ttwo"]}\n',
            segments=('Welcome, \ufffc!', 'One\ttwo'),
            keys=('home.title', 'list.0'),
        ),
        FormatExample(
            '{"retry": "Try <button>reloading the page</button>."}\n',
            segments=('Try \ufffc\ufffc\ufffc\ufffc\ufffc\ufffc\ufffc\ufffcreloading the page'
                      '\ufffc\ufffc\ufffc\ufffc\ufffc\ufffc\ufffc\ufffc\ufffc.',),
            keys=('retry',),
        ),
        FormatExample(
            '{"a": \n',
            error_line=2,
        ),
    ),
)

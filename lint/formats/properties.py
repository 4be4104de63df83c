"""Java `.properties` resource bundles: each value is a prose segment (kind "string") that knows its key.

Read as `java.util.Properties.load` reads them: a key runs to the first unescaped `=`, `:` or
whitespace; a line ending in an odd number of backslashes goes on in the next one, whose leading
whitespace is dropped; `#` and `!` start comment lines. Escapes (`\\t`, `\\n`, `\\uXXXX`, `\\=`) are
decoded and opaque, as are MessageFormat's arguments (`{0}`, `{0,number,integer}`, `{name}`), other
placeholders (`%s`, `%1$d`, JabRef's and Qt's `%0`), doubled apostrophes (`''` shows as `'`) and, with
`markup: auto`, the tags of a UI toolkit's rich text (`<b>`, `<html>`): a fix never rewrites them. A
malformed `\\uXXXX` is an error with its line, as it is for Java. The bundle's locale comes from its name (`messages_pt_BR.properties` is pt-BR).

A bundle in another language than the source's is paired with its base bundle (`messages.properties` for
`messages_fr.properties`), else with the bundle named for the source language (`JabRef_en.properties`;
options `source` and `source-language`, lint.formats.source_catalogue), key by key: ``pair`` gives family B
both values as Java reads them (``_shown``).

Inline switches are comment lines: `# copylint-disable-next-line S102`, `# copylint-disable T101` …
`# copylint-enable`, `# copylint-disable-file`.
"""

from __future__ import annotations

import dataclasses
import os
import re
from collections.abc import Mapping, Sequence
from pathlib import Path, PurePath
from typing import Any

from lint.formats import Format, FormatExample, ParseError, options_table
from lint.formats.builder import (
    PLACEHOLDER,
    TEMPLATE_PLACEHOLDER,
    SegmentBuilder,
    complement,
    pattern_switches,
    suppressions_from,
)
from lint.formats.markup import MARKUPS, markup_of_app_strings, masked, option
from lint.formats.source_catalogue import locale_tag, named_for, pair, paired, source_path
from lint.model import Document, Segment, Source
from lint.patterns import compiled_on_use

_BLANK = " \t\f"
# In a value: an escape, a doubled apostrophe, a MessageFormat argument or another placeholder, last an
# argument numbered as JabRef and Qt number theirs (`%0`, `%1`) where no printf conversion reads one
# (`%0 für`, `%0-tilstand`, `%1:`; `%1$s` and `%0s` are read as printf's).
_SPECIAL = compiled_on_use(r"\\u[0-9a-fA-F]{4}|\\u|\\.?|''|\{\d+(?:,[^{}]*)?\}|" + TEMPLATE_PLACEHOLDER.pattern
                           + r"|%\d+(?![\d$])")
_ESCAPES = {"t": "\t", "n": "\n", "r": "\r", "f": "\f"}
_SWITCH = compiled_on_use(r"^[ \t\f]*[#!][ \t]*copylint-(disable-next-line|disable-file|disable|enable)\b(.*)$", re.M)
# baseName_language[_COUNTRY].properties: the locale a ResourceBundle is looked up by.
_LOCALE = compiled_on_use(r"_([a-z]{2,3})(?:_([A-Z]{2}|\d{3}))?\.properties\Z")
# A region as a bundle's name writes it after the language (`_BR`, `_419`).
_REGION = compiled_on_use(r"[A-Z]{2}|\d{3}")

# Options a config may set under `format-options: {properties: {...}}`: where the bundle's source is.
OPTIONS = {"markup": "auto", "source": "auto", "source-language": "en"}
CHOICES = {"markup": MARKUPS}
HELP = {
    "markup": "the markup inside the values: `auto` reads the UI toolkit's rich-text tags (`<b>`, `<html>`, `<br>`) "
              "where a value holds one",
    "source": "the bundle each translated string is compared with (family B): `auto`, the base bundle beside it "
              "(`messages.properties` for `messages_fr.properties`), else the one named for the source language "
              "(`messages_en.properties`); a path relative to the file's folder, `{name}` its file name and `{lang}` "
              "the source language; or `none`",
    "source-language": "the language of the source bundle that `source: auto` looks for where there is no base "
                       "bundle; a bundle in that language is not compared",
}


def _logical_lines(text: str, starts: Sequence[int]) -> list[tuple[int, list[tuple[str, int]]]]:
    """Each key-value line as (its 1-based line, its pieces (text, source offset)): a line that ends in
    an odd number of backslashes goes on in the next one, without the backslash and the next one's
    leading whitespace. Blank and comment lines are left out."""
    out: list[tuple[int, list[tuple[str, int]]]] = []
    n = len(starts)
    i = 0
    while i < n:
        line_no = i + 1
        start = starts[i]
        end = starts[i + 1] if i + 1 < n else len(text)
        line = text[start:end].rstrip("\r\n")
        lead = len(line) - len(line.lstrip(_BLANK))
        i += 1
        if lead == len(line) or line[lead] in "#!":
            continue
        pieces: list[tuple[str, int]] = []
        at, body = start + lead, line[lead:]
        while True:
            backslashes = len(body) - len(body.rstrip("\\"))
            if backslashes % 2 == 0 or i >= n:
                pieces.append((body[:-1] if backslashes % 2 else body, at))
                break
            pieces.append((body[:-1], at))
            start = starts[i]
            end = starts[i + 1] if i + 1 < n else len(text)
            line = text[start:end].rstrip("\r\n")
            lead = len(line) - len(line.lstrip(_BLANK))
            at, body = start + lead, line[lead:]
            i += 1
        out.append((line_no, pieces))
    return out


def _split(pieces: list[tuple[str, int]]) -> tuple[str, list[tuple[str, int]]]:
    """The raw key and the value's pieces (key, separator and the blanks around it taken off)."""
    joined = "".join(p for p, _ in pieces)
    k = 0
    while k < len(joined) and joined[k] not in "=:" + _BLANK:
        k += 2 if joined[k] == "\\" else 1
    k = min(k, len(joined))
    key = joined[:k]
    v = k
    while v < len(joined) and joined[v] in _BLANK:
        v += 1
    if v < len(joined) and joined[v] in "=:":
        v += 1
        while v < len(joined) and joined[v] in _BLANK:
            v += 1
    value: list[tuple[str, int]] = []
    pos = 0
    for piece, at in pieces:
        lo = max(v - pos, 0)
        if lo < len(piece):
            value.append((piece[lo:], at + lo))
        pos += len(piece)
    return key, value


def _decoded(escape: str, line: int) -> str:
    if escape.startswith("\\u"):
        if len(escape) != 6:
            raise ParseError("malformed \\uxxxx escape", line)
        return chr(int(escape[2:], 16))
    if escape == "\\":  # a lone backslash at the end of the file: Java drops it
        return ""
    return _ESCAPES.get(escape[1], escape[1])


def _value_segment(value: list[tuple[str, int]], line: int, index: int, key: str) -> Segment | None:
    builder = SegmentBuilder("string")
    for piece, at in value:
        pos = 0
        for m in _SPECIAL.finditer(piece):
            builder.add(piece[pos : m.start()], at + pos)
            token = m.group()
            if token.startswith("\\"):
                builder.add_opaque(_decoded(token, line), at + m.start())
            elif token == "''":
                builder.add_opaque("'", at + m.start())
            else:
                builder.add_opaque(PLACEHOLDER, at + m.start())
            pos = m.end()
        builder.add(piece[pos:], at + pos)
    seg = builder.build(index)
    return None if seg is None else dataclasses.replace(seg, key=key)


def _decoded_key(raw: str, line: int) -> str:
    if "\\" not in raw:
        return raw
    return _SPECIAL.sub(lambda m: _decoded(m.group(), line) if m.group().startswith("\\") else m.group(), raw)


def _read(source: Source) -> tuple[list[Segment], list[str], list[tuple[int, int]]]:
    """The segments, each one's value as Java reads it (``_shown``), and where the values are."""
    text = source.text
    segments: list[Segment] = []
    shown: list[str] = []
    prose: list[tuple[int, int]] = []
    for line, pieces in _logical_lines(text, source.line_starts()):
        raw_key, value = _split(pieces)
        key = _decoded_key(raw_key, line)
        seg = _value_segment(value, line, len(segments), key)
        if seg is not None:
            segments.append(seg)
            shown.append(_shown(value, line))
            prose.extend((at, at + len(piece)) for piece, at in value)
    return segments, shown, prose


def parse(source: Source, options: Mapping[str, Any] | None = None, *,
          sources: tuple[str, ...] | None = None) -> Document:
    text = source.text
    segments, shown, prose = _read(source)
    # A tag in a value is rich text a UI toolkit renders (Swing's `<html>`, JabRef's `<b>`), never a scraped
    # page's residue: opaque, as i18n JSON's; family B compares the tags as written (``shown``).
    markup = markup_of_app_strings(option(options), (seg.text for seg in segments))
    # Each value given the source bundle's under the same key (lint.formats.source_catalogue); then masked, a
    # machine translation's tags (`<span class="hps">`) left as text in a value with no source to compare with.
    segments, decoded = paired(source.path, segments, shown, options, (), load=_source_values,
                               auto=_source_of, sources=sources)
    segments = [masked(seg, markup, unpaired=seg.source_text is None) for seg in segments]
    doc = Document(source, "properties", segments, protected=complement(sorted(prose), len(text)))
    doc.memo["markup"] = markup
    if "copylint-" in text:
        doc.suppressions = suppressions_from(text, source.line_starts(), pattern_switches(_SWITCH))
    if decoded:
        doc.memo["i18n-values"] = decoded
    return doc


def _shown(value: list[tuple[str, int]], line: int) -> str:
    """A value as `Properties.load` reads it (escapes decoded, continuation lines joined), MessageFormat's
    arguments, other placeholders and doubled apostrophes as written: what family B compares (``pair``)."""
    out: list[str] = []
    for piece, _ in value:
        pos = 0
        for m in _SPECIAL.finditer(piece):
            token = m.group()
            out.append(piece[pos : m.start()])
            out.append(_decoded(token, line) if token.startswith("\\") else token)
            pos = m.end()
        out.append(piece[pos:])
    return "".join(out)


def _source_values(text: str) -> dict[str, str]:
    """The source bundle's values by key, as Java reads them (``_shown``)."""
    segments, shown, _ = _read(Source("<source>", text))
    return {seg.key or "": value for seg, value in zip(segments, shown, strict=True)}


def _bundle(stem: str) -> tuple[str, str] | None:
    """(base name, locale) of a bundle's name without `.properties` (`messages_pt_BR` -> `messages`, `pt_BR`),
    the locale read as catalogues' names are (source_catalogue.locale_tag), or None (`messages`, `config_db`)."""
    parts = stem.split("_")
    if len(parts) >= 3 and _REGION.fullmatch(parts[-1]) and locale_tag("_".join(parts[-2:]), three_letters=True):
        return "_".join(parts[:-2]), "_".join(parts[-2:])
    if len(parts) >= 2 and locale_tag(parts[-1]):
        return "_".join(parts[:-1]), parts[-1]
    return None


def _source_of(target: Path, tag: str) -> Path | None:
    """`source: auto`: the base bundle beside a bundle of another language than the source's
    (`messages.properties` for `messages_fr.properties`), else the bundle named for the source language
    (`messages_en.properties`, `messages_en_US.properties`)."""
    if not target.name.endswith(".properties"):
        return None
    named = _bundle(target.name[: -len(".properties")])
    if named is None or not named[0] or named[1].partition("_")[0] == tag.partition("-")[0]:
        return None
    base = target.parent / f"{named[0]}.properties"
    if base.is_file():
        return base
    try:
        names = sorted(os.listdir(target.parent))
    except OSError:
        return None
    found = named_for(names, tag, ".properties", named[0] + "_")
    return target.parent / found if found else None


def sources(path: str, options: Mapping[str, Any] | None = None) -> tuple[str, ...]:
    """The source bundle a translated bundle is compared with (the results cache keys on it too)."""
    found = source_path(path, options, (), _source_of)
    return (found,) if found else ()


def structure(doc: Document) -> tuple[list[str | None], list[str]]:
    """The keys in order and the text between the values (keys, separators, comments): what a fix keeps."""
    return [seg.key for seg in doc.segments], [doc.text[a:b] for a, b in doc.protected]


def file_language(source: Source) -> str | None:
    """The bundle's locale from its name, as ResourceBundle looks it up: `messages_fr_CA.properties` is fr-CA."""
    m = _LOCALE.search(PurePath(source.path).name)
    return "-".join(part for part in m.groups() if part) if m else None


FORMAT = Format(
    name="properties",
    title="Java properties resource bundles",
    reader=parse,
    patterns=("*_[a-z][a-z].properties", "*_[a-z][a-z]_[A-Z][A-Z].properties", "*messages.properties",
              "*Messages.properties"),
    language_ids=("properties",),
    options=options_table(OPTIONS, CHOICES, HELP),
    file_language=file_language,
    pair=pair,
    sources=sources,
    structure=structure,
    claims="map other bundles with `formats: {\"i18n/*.properties\": properties}`: most `.properties` files "
           "are settings, not prose",
    prose="each value (the segment knows its key); the name's locale (`_pt_BR`) sets the language. With `source: "
          "auto` (the default), a bundle in another language than the source's (`messages_fr.properties`) is "
          "paired with its base bundle (`messages.properties`), else with the bundle named for the source language "
          "(`messages_en.properties`), key by key, and the B family compares each value with the source's as Java "
          "reads both (escapes decoded, lines joined; `{0}` and `''` as written), as a PO msgstr with its msgid",
    not_prose="keys, separators, comments (`#`, `!`), line continuations; escapes (`\\t`, `\\uXXXX`), "
              "MessageFormat arguments (`{0}`, `{0,number}`), other placeholders (`%s`, JabRef's and Qt's `%0`), "
              "doubled apostrophes and, with `markup: auto` where a value holds a tag, a UI toolkit's rich-text "
              "tags (`<b>`, `<html>`) are read but never rewritten. A malformed `\\uXXXX` is an error with its line",
    examples=(
        FormatExample(
            "# Greetings\n"
            "greeting = Hello, {0}!\n"
            "farewell:Goodbye\n"
            "! a comment\n"
            "empty=\n"
            "key\\ with\\ spaces  Value after blanks\n",
            segments=("Hello, \ufffc!", "Goodbye", "Value after blanks"),
            path="messages.properties", keys=("greeting", "farewell", "key with spaces")),
        FormatExample(
            "long = This sentence goes \\\n"
            "       on the next line.\n"
            "tab = a\\tb \\u00e9t\\u00e9 L''application\n",
            segments=("This sentence goes on the next line.", "a\tb été L'application"),
            path="messages.properties", keys=("long", "tab")),
        FormatExample(
            "title=Bienvenue\r\nbody=Il n''y a rien {0,number,integer} fois.\r\n",
            path="app/messages_fr_CA.properties",
            segments=("Bienvenue", "Il n'y a rien \ufffc fois."),
            language="fr-CA"),
        FormatExample("ok=fine\nbad=caf\\u00e\n", path="messages.properties", error_line=2),
        FormatExample(
            "greeting = Hello  world , {0}!\n"
            "esc=caf\\u00e9  is open\n"
            "long = First part \\\n"
            "    and  second.\n",
            path="messages_en.properties",
            segments=("Hello  world , \ufffc!", "café  is open", "First part and  second."),
            fixed="greeting = Hello world, {0}!\n"
                  "esc=caf\\u00e9 is open\n"
                  "long = First part \\\n"
                  "    and second.\n"),
    ),
)

"""The parse stage: a Source becomes a Document of prose Segments.

Each format is declared once, by the module that reads it: a module-level ``FORMAT = Format(...)``
(or ``FORMATS = (Format(...), ...)`` for a module that reads several) names the format, the files it
claims, the editor language ids it answers to, its reader, its typed options, how a file names its own
language, how a bilingual segment pairs with its source, the docs' description and the examples that
are its tests. Everything that lists formats is made from these declarations: ``format_for``, the
config's format names and options, the LSP's language map, the config schema's format list
(``copylint formats --format schema``) and docs/formats.md (``copylint formats --format markdown``).

Adding a format is one new module here (the docs and the schema are regenerated): see CONTRIBUTING.md.
A reader that cannot read a malformed file raises ``ParseError`` with the 1-based line.
"""

from __future__ import annotations

import fnmatch
import importlib
import pkgutil
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Any, Protocol

from lint.model import Document, Segment, Source

DEFAULT_FORMAT = "text"


class ParseError(Exception):
    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.line = line


class Reader(Protocol):
    """What a format's reader is: a Source in, its Document out (options only where the format declares
    some; the config has checked every name and type against the declaration)."""

    def __call__(self, source: Source, /, *args: Any) -> Document: ...


OptionValue = bool | str | tuple[str, ...]


@dataclass(frozen=True)
class FormatOption:
    """One option of a format's reader (config ``format-options: {<format>: {<name>: value}}``)."""

    name: str
    default: OptionValue
    choices: tuple[str, ...] = ()  # the values a string option may take; empty: any string
    help: str = ""

    @property
    def type(self) -> str:
        """The JSON type a value must have: boolean, string, or array (of strings)."""
        if isinstance(self.default, bool):
            return "boolean"
        return "array" if isinstance(self.default, tuple) else "string"


def options_table(defaults: Mapping[str, Any], choices: Mapping[str, tuple[str, ...]] | None = None,
                  help: Mapping[str, str] | None = None) -> tuple[FormatOption, ...]:
    """Typed options from a reader's defaults (``{"fuzzy": False}``) and the values its strings may take."""
    return tuple(
        FormatOption(name, tuple(value) if isinstance(value, list) else value, tuple((choices or {}).get(name, ())),
                     (help or {}).get(name, ""))
        for name, value in defaults.items())


@dataclass(frozen=True)
class FormatExample:
    """A small file of the format and what its reader must make of it: the segments' texts, in order
    (a placeholder U+FFFC stands for each opaque character: an escape, a URL, inline code), or the
    1-based line of the ParseError it must raise. tests/test_formats_declared.py reads every example."""

    text: str
    segments: tuple[str, ...] = ()
    keys: tuple[str | None, ...] = ()  # the segments' keys, where the format names them (empty: not checked)
    error_line: int | None = None
    path: str = ""  # the file's name (default: example + the format's first extension)
    options: Mapping[str, Any] = field(default_factory=dict)
    language: str | None = None  # what ``file_language`` must find (None: not checked)


Pair = Callable[[Segment, Document], "tuple[str, str] | None"]


@dataclass(frozen=True)
class Format:
    """One format: what it claims, how it is read, how it is documented and tested."""

    name: str  # what config `formats:` and `format-options:` call it
    title: str  # the docs' name for it
    reader: Reader
    extensions: tuple[str, ...] = ()  # lowercase, with the dot: claimed by any file that ends so
    patterns: tuple[str, ...] = ()  # globs on the path (`*/res/values*/strings.xml`), tried before extensions
    language_ids: tuple[str, ...] = ()  # LSP languageIds of documents that have no path to go by
    options: tuple[FormatOption, ...] = ()
    # The language a file names for itself (a PO header's `Language: fr`), which overrides the configured one.
    file_language: Callable[[Source], str | None] | None = None
    # Bilingual formats: (source, translation) of a segment, both decoded as written (family B reads these).
    pair: Pair | None = None
    prose: str = ""  # docs: what is read as prose
    not_prose: str = ""  # docs: what is never linted, never edited
    claims: str = ""  # docs: which files, where extensions do not say it all
    examples: tuple[FormatExample, ...] = ()

    def option_defaults(self) -> dict[str, Any]:
        return {o.name: list(o.default) if isinstance(o.default, tuple) else o.default for o in self.options}

    def claims_path(self, path: str) -> bool:
        """Whether the format claims a path by its declared globs or extensions."""
        posix = PurePath(path).as_posix()
        if any(fnmatch.fnmatchcase(posix, p) or fnmatch.fnmatchcase("/" + posix, p) for p in self.patterns):
            return True
        return PurePath(path).suffix.lower() in self.extensions

    def read(self, source: Source, options: Mapping[str, Any] | None = None, language: str | None = "en") -> Document:
        """The Document of a Source in this format, its language resolved against the file's own."""
        # Options reach only readers that declare them; the config has checked every name and type.
        doc: Document = self.reader(source, options) if options and self.options else self.reader(source)
        doc.format = self.name
        # A file that names its own language (a PO header's `Language: fr`) overrides the configured one
        # (lint.language.resolve then weighs it against inline switches, per-path config and detection).
        named = self.file_language(source) if self.file_language is not None else None
        doc.language = named or language or "en"
        doc.language_from = "file" if named else "config" if language else "default"
        return doc

    def read_string(self, text: str, options: Mapping[str, Any] | None = None, language: str | None = "en",
                    path: str | None = None) -> Document:
        """A string read as this format (a msgstr read as reST): offsets are offsets into ``text``."""
        name = path or "<string>" + (self.extensions[0] if self.extensions else "")
        return self.read(Source(name, text), options, language)


def _declared(module: Any) -> tuple[Format, ...]:
    one = getattr(module, "FORMAT", None)
    return (one,) if isinstance(one, Format) else tuple(getattr(module, "FORMATS", ()))


class _Registry(Mapping[str, Format]):
    """Every format declared by a module of this package, by name, found when first asked for."""

    def __init__(self) -> None:
        self._formats: dict[str, Format] | None = None

    def _load(self) -> dict[str, Format]:
        if self._formats is None:
            found: dict[str, Format] = {}
            for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
                module = importlib.import_module(f"{__name__}.{info.name}")
                for fmt in _declared(module):
                    if fmt.name in found:
                        raise RuntimeError(f"format '{fmt.name}' is declared twice ({info.name})")
                    found[fmt.name] = fmt
            # The default first, then by name: the order docs and schemas list them in.
            self._formats = {DEFAULT_FORMAT: found.pop(DEFAULT_FORMAT), **dict(sorted(found.items()))}
        return self._formats

    def __getitem__(self, name: str) -> Format:
        return self._load()[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._load())

    def __len__(self) -> int:
        return len(self._load())


FORMATS: Mapping[str, Format] = _Registry()


def format_for(path: str, overrides: Mapping[str, str] | None = None) -> str | None:
    """The format of a path: a config override (glob → format) first, then the formats' own globs, then
    the extension."""
    name = PurePath(path).name
    for pattern, fmt in (overrides or {}).items():
        if fnmatch.fnmatch(name, pattern) or fnmatch.fnmatch(path, pattern):
            return fmt
    declared = FORMATS.values()
    for f in declared:
        if f.patterns and f.claims_path(path):
            return f.name
    suffix = PurePath(path).suffix.lower()
    for f in declared:
        if suffix in f.extensions:
            return f.name
    return None


def format_for_language_id(language_id: str) -> str | None:
    """The format of an editor document known only by its languageId (LSP), or None."""
    for f in FORMATS.values():
        if language_id in f.language_ids:
            return f.name
    return None


def options_of(fmt: str) -> dict[str, Any]:
    """The options a format's reader takes (config `format-options`), with their defaults."""
    return FORMATS[fmt].option_defaults()


def choices_of(fmt: str) -> dict[str, tuple[str, ...]]:
    """The values a format's string options may take, by option name."""
    return {o.name: o.choices for o in FORMATS[fmt].options if o.choices}


def parse(source: Source, fmt: str, language: str | None = "en", options: Mapping[str, Any] | None = None) -> Document:
    """The Document of a Source read as ``fmt`` (an unknown name reads as plain text)."""
    return FORMATS.get(fmt, FORMATS[DEFAULT_FORMAT]).read(source, options, language)

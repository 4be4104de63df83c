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

import ast
import fnmatch
import importlib
import os
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import astuple, dataclass, field
from functools import lru_cache
from pathlib import Path, PurePath
from typing import Any, Protocol

from lint.model import Document, Segment, Source
from lint.paths import relative_to_root
from lint.patterns import compiled, compiled_on_use, files_signature, kept_value

DEFAULT_FORMAT = "text"


class ParseError(Exception):
    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.line = line


class Reader(Protocol):
    """What a format's reader is: a Source in, its Document out (options only where the format declares
    some; the config has checked every name and type against the declaration; ``sources=`` only where it
    declares ``Format.sources``: what they found for the file, or None)."""

    def __call__(self, source: Source, /, *args: Any, **kwargs: Any) -> Document: ...


OptionValue = bool | str | tuple[str, ...]


@dataclass(frozen=True)
class FormatOption:
    """One option of a format's reader (config ``format-options: {<format>: {<name>: value}}``)."""

    name: str
    default: OptionValue
    choices: tuple[str, ...] = ()  # the values a string (or each string of a list) may take; empty: any
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
    """A small file of the format and what its reader must make of it: the segments' texts, in order, as
    rules read them (escapes and entities decoded, U+FFFC for inline code, a URL, a placeholder), or the
    1-based line of the ParseError it must raise; optionally the file as `copylint check --fix` leaves it.
    tests/test_formats_declared.py reads every example, and docs/formats.md shows them."""

    text: str
    segments: tuple[str, ...] = ()
    keys: tuple[str | None, ...] = ()  # the segments' keys, where the format names them (empty: not checked)
    error_line: int | None = None
    path: str = ""  # the file's name (default: example + the format's first extension)
    options: Mapping[str, Any] = field(default_factory=dict)
    language: str | None = None  # what ``file_language`` must find (None: not checked)
    fixed: str | None = None  # the file after `copylint check --fix` (None: not checked)


Pair = Callable[[Segment, Document], "tuple[str, str] | None"]


@dataclass(frozen=True)
class Format:
    """One format: what it claims, how it is read, how it is documented and tested."""

    name: str  # what config `formats:` and `format-options:` call it
    title: str  # the docs' name for it
    reader: Reader
    extensions: tuple[str, ...] = ()  # lowercase, with the dot: claimed by any file that ends so
    # Globs on the path with a leading slash (`*/values-*/strings.xml`, `*_[a-z][a-z].properties`), tried
    # before extensions; each starts with `*` and ends in a literal (what lets format_for skip most paths).
    patterns: tuple[str, ...] = ()
    language_ids: tuple[str, ...] = ()  # LSP languageIds of documents that have no path to go by
    options: tuple[FormatOption, ...] = ()
    # The language a file names for itself (a PO header's `Language: fr`), which overrides the configured one.
    file_language: Callable[[Source], str | None] | None = None
    # Bilingual formats: (source, translation) of a segment, both decoded as written (family B reads these).
    pair: Pair | None = None
    # The files besides itself that a file's findings depend on, for its path and reader options (an i18n
    # catalogue's source-language catalogue): the results cache keys the file's findings on them too.
    sources: Callable[[str, Mapping[str, Any] | None], tuple[str, ...]] | None = None
    # A signature of everything in the file that is not prose, best read by another parser than the
    # reader: `check --fix` keeps a fix only where the signature is the same after it (lint.invariants).
    structure: Callable[[Document], Any] | None = None
    prose: str = ""  # docs: what is read as prose
    not_prose: str = ""  # docs: what is never linted, never edited
    claims: str = ""  # docs: which files, where extensions do not say it all
    examples: tuple[FormatExample, ...] = ()

    def option_defaults(self) -> dict[str, Any]:
        return {o.name: list(o.default) if isinstance(o.default, tuple) else o.default for o in self.options}

    def read(self, source: Source, options: Mapping[str, Any] | None = None, language: str | None = "en",
             sources: tuple[str, ...] | None = None) -> Document:
        """The Document of a Source in this format, its language resolved against the file's own. ``sources``:
        what ``self.sources`` answered for the file, where the caller has asked it already (the engine, once
        per check), handed to a reader that declares them (its argument ``sources``); None: the reader looks
        them up."""
        # Options reach only readers that declare them; the config has checked every name and type.
        doc: Document
        if self.sources is not None:
            doc = self.reader(source, options, sources=sources)
        else:
            doc = self.reader(source, options) if options and self.options else self.reader(source)
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


@dataclass(frozen=True)
class FormatEntry:
    """What choosing a format needs to know of it, read from its module's text without importing the
    module (importing every reader compiles their regexes: some 60 ms of a one-file run's start-up)."""

    name: str
    module: str
    extensions: tuple[str, ...] = ()
    patterns: tuple[str, ...] = ()
    language_ids: tuple[str, ...] = ()
    sources: bool = False  # whether it declares ``Format.sources`` (files its findings depend on)


# A declaration's fields, written as literals (tests/test_formats_declared.py holds every module to it).
_NAME = compiled_on_use(r"""^( +)name=["']([\w-]+)["'],$""", re.M)
_FIELD = r"^{indent}{field}=(\([^)]*\)),$"


@lru_cache(maxsize=1)
def index() -> tuple[FormatEntry, ...]:
    """Every format declared by a module of this package, from the modules' text: the default first,
    then by name (the order docs and schemas list them in). Kept between runs while no module of the
    package changes size or modification time (``lint.patterns.kept_value``)."""
    try:
        signature = files_signature(__path__[0])
    except OSError:
        return _index()
    rows = kept_value(("format-index", __path__[0]), lambda: tuple(astuple(e) for e in _index()), signature)
    return tuple(FormatEntry(*row) for row in rows)


def _index() -> tuple[FormatEntry, ...]:
    found: list[FormatEntry] = []
    import pkgutil  # here: the index is kept between runs, and read again only when a module changes

    for info in pkgutil.iter_modules(__path__):
        module = f"{__name__}.{info.name}"
        try:
            text = (Path(__path__[0]) / f"{info.name}.py").read_text(encoding="utf-8")
        except OSError:  # installed without sources: ask the module itself
            found.extend(FormatEntry(f.name, module, f.extensions, f.patterns, f.language_ids, f.sources is not None)
                         for f in _declared(importlib.import_module(module)))
            continue
        if "Format(" not in text:
            continue
        names = list(_NAME.finditer(text))
        for i, m in enumerate(names):
            block = text[m.end() : names[i + 1].start() if i + 1 < len(names) else len(text)]
            fields = {}
            for field_name in ("extensions", "patterns", "language_ids"):
                value = compiled(_FIELD.format(indent=m.group(1), field=field_name), re.M).search(block)
                fields[field_name] = ast.literal_eval(value.group(1)) if value else ()
            sources = compiled(rf"^{m.group(1)}sources=", re.M).search(block) is not None
            found.append(FormatEntry(m.group(2), module, **fields, sources=sources))
    found.sort(key=lambda e: (e.name != DEFAULT_FORMAT, e.name))
    return tuple(found)


class _Registry(Mapping[str, Format]):
    """The declared formats by name: the names from ``index()``, each declaration imported when asked for."""

    def __init__(self) -> None:
        self._loaded: dict[str, Format] = {}

    def __getitem__(self, name: str) -> Format:
        if name not in self._loaded:
            entry = next((e for e in index() if e.name == name), None)
            if entry is None:
                raise KeyError(name)
            for fmt in _declared(importlib.import_module(entry.module)):
                self._loaded[fmt.name] = fmt
        return self._loaded[name]

    def __contains__(self, name: object) -> bool:
        return any(e.name == name for e in index())

    def __iter__(self) -> Iterator[str]:
        return iter([e.name for e in index()])

    def __len__(self) -> int:
        return len(index())


FORMATS: Mapping[str, Format] = _Registry()


@dataclass(frozen=True)
class _Claims:
    """The index made fast to ask for each file of a walk: one dict lookup for an extension, one regex
    for all the globs, tried only on a path that ends as one of them can."""

    by_extension: dict[str, str]
    tails: tuple[str, ...]  # what a path must end with for a glob to match it (empty: any path)
    globs: re.Pattern[str] | None
    glob_formats: tuple[str, ...]


@lru_cache(maxsize=1)
def _claims() -> _Claims:
    by_extension: dict[str, str] = {}
    globs: list[tuple[str, str]] = []
    for e in index():
        for ext in e.extensions:
            by_extension.setdefault(ext, e.name)
        globs.extend((e.name, p) for p in e.patterns)
    # What the globs make is kept between runs (``lint.patterns``): fnmatch's translation is a regex's work.
    tails, combined = kept_value(("format-claims", tuple(p for _, p in globs)), lambda: _globs_made(globs))
    return _Claims(by_extension, () if "" in tails else tails, compiled(combined) if globs else None,
                   tuple(name for name, _ in globs))


def _globs_made(globs: list[tuple[str, str]]) -> tuple[tuple[str, ...], str]:
    """What a path must end with for each glob to match it, and one regex of them all, a group each."""
    tails = tuple(re.split(r"[*?\]]", p)[-1] for _, p in globs)
    return tails, "|".join(f"(?P<g{i}>{fnmatch.translate(p)})" for i, (_, p) in enumerate(globs))


def format_for(path: str, overrides: Mapping[str, str] | None = None, root: Path | None = None) -> str | None:
    """The format of a path: a config override (glob → format, matched against the file's name, its path
    relative to the config's folder ``root`` and the path as given) first, then the formats' own globs
    (matched against the path with a leading slash, so `*/values/strings.xml` takes `values/strings.xml`),
    then the extension."""
    if overrides:
        name = PurePath(path).name
        under: str | None = None  # made only for a glob the name does not match (a resolve, for a path outside root)
        for pattern, fmt in overrides.items():
            if fnmatch.fnmatch(name, pattern):
                return fmt
            if under is None:
                under = relative_to_root(path, root) if root is not None else path
            if fnmatch.fnmatch(under, pattern) or fnmatch.fnmatch(path, pattern):
                return fmt
    claims = _claims()
    if claims.globs is not None:
        probe = "/" + (path if os.sep == "/" else path.replace(os.sep, "/"))
        if not claims.tails or probe.endswith(claims.tails):
            m = claims.globs.match(probe)
            if m is not None and m.lastgroup is not None:
                return claims.glob_formats[int(m.lastgroup[1:])]
    return claims.by_extension.get(os.path.splitext(path)[1].lower())


def with_sources(fmt: str) -> bool:
    """Whether the format declares ``Format.sources`` (read from the index: imports no reader)."""
    return any(e.name == fmt and e.sources for e in index())


def claims_with_sources() -> bool:
    """Whether a format that declares ``Format.sources`` claims files of its own (by pattern or extension),
    without a config's mapping (Android's `values-fr/strings.xml`)."""
    return any(e.sources and (e.patterns or e.extensions) for e in index())


def format_of(path: str, overrides: Mapping[str, str] | None = None, root: Path | None = None) -> str:
    """``format_for``, with a file no format claims read as DEFAULT_FORMAT (plain text), as the engine
    reads it."""
    return format_for(path, overrides, root) or DEFAULT_FORMAT


def format_for_language_id(language_id: str) -> str | None:
    """The format of an editor document known only by its languageId (LSP), or None."""
    return next((e.name for e in index() if language_id in e.language_ids), None)


def options_of(fmt: str) -> dict[str, Any]:
    """The options a format's reader takes (config `format-options`), with their defaults."""
    return FORMATS[fmt].option_defaults()


def choices_of(fmt: str) -> dict[str, tuple[str, ...]]:
    """The values a format's string options may take, by option name."""
    return {o.name: o.choices for o in FORMATS[fmt].options if o.choices}


def parse(source: Source, fmt: str, language: str | None = "en", options: Mapping[str, Any] | None = None,
          sources: tuple[str, ...] | None = None) -> Document:
    """The Document of a Source read as ``fmt`` (an unknown name reads as plain text); ``sources`` as
    ``Format.read`` takes them."""
    return FORMATS.get(fmt, FORMATS[DEFAULT_FORMAT]).read(source, options, language, sources)


# -- what is made from the declarations ---------------------------------------------------------------------


def _option_schema(option: FormatOption) -> dict[str, Any]:
    out: dict[str, Any] = {"type": option.type, "default": list(option.default) if isinstance(option.default, tuple)
                           else option.default}
    if option.type == "array":
        # One string stands for a list of one (the config reads it so).
        items: dict[str, Any] = {"type": "string", **({"enum": list(option.choices)} if option.choices else {})}
        out = {"type": ["array", "string"], "items": items, "default": out["default"]}
    elif option.choices:
        out["enum"] = list(option.choices)
    if option.help:
        out["description"] = option.help
    return out


def config_schema(schema: dict[str, Any]) -> dict[str, Any]:
    """The config schema with its format parts made from the declarations: the names `formats` may map a
    glob to, and each format's `format-options` with their types and defaults."""
    properties = dict(schema["properties"])
    formats_entry = dict(properties["formats"])
    formats_entry["additionalProperties"] = {"type": "string", "enum": list(FORMATS)}
    properties["formats"] = formats_entry
    with_options = [f for f in FORMATS.values() if f.options]
    properties["format-options"] = {
        "type": "object",
        "description": "Format name to its reader's options (docs/formats.md): "
                       + "; ".join(f"{f.name} {{{', '.join(o.name for o in f.options)}}}" for f in with_options) + ".",
        "additionalProperties": False,
        "properties": {
            f.name: {"type": "object", "additionalProperties": False,
                     "properties": {o.name: _option_schema(o) for o in f.options}}
            for f in with_options
        },
    }
    return {**schema, "properties": properties}


def _cell(text: str) -> str:
    return text.replace("\n", " ").replace("|", "\\|") if "\\|" not in text else text.replace("\n", " ")


def _files(fmt: Format) -> str:
    claimed = ", ".join(f"`{e}`" for e in (*fmt.extensions, *fmt.patterns)) or "none by default"
    return f"{claimed} ({fmt.claims})" if fmt.claims else claimed


def docs_markdown() -> str:
    """docs/formats.md: the formats, the files each claims, what is prose and what is not, its options."""
    lines = [
        "# Formats",
        "",
        "<!-- Generated by `copylint formats --format markdown > docs/formats.md` from each format's",
        "declaration (`FORMAT = Format(...)` in lint/formats/); do not edit. -->",
        "",
        "The format comes from the config's `formats` (glob → format), then the globs and extensions a format",
        "claims; on stdin, from `--stdin-filename`; in an editor, from the document's name or else its",
        "language id. Each reader turns a file into prose segments whose every character maps back to its",
        "exact place in the file, so findings point at the file and fixes edit only prose.",
        "",
        "| format | name | files | editor language ids | prose | not prose (never linted, never edited) |",
        "|---|---|---|---|---|---|",
    ]
    for f in FORMATS.values():
        ids = ", ".join(f"`{i}`" for i in f.language_ids) or "-"
        lines.append(f"| {f.title} | `{f.name}` | {_cell(_files(f))} | {ids} | {_cell(f.prose)} | {_cell(f.not_prose)} |")
    lines += ["", "## Options", "", "Set under `format-options: {<format>: {<option>: value}}` in the config.", "",
              "| format | option | type | default | values |", "|---|---|---|---|---|"]
    import json  # here: a check writes no such table (json compiles its regexes at import)

    for f in FORMATS.values():
        for o in f.options:
            default = json.dumps(list(o.default) if isinstance(o.default, tuple) else o.default)
            values = ", ".join(o.choices) or "-"
            lines.append(f"| `{f.name}` | `{o.name}` | {o.type} | `{default}` | {values} |")
    return "\n".join(lines) + "\n"

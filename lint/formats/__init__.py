"""The parse stage: a Source becomes a Document of prose Segments.

Each format is a module here with ``parse(source) -> Document`` (or a named function,
``module:function``) and the file extensions it claims; ``parse`` picks it by name. A parser that
cannot read a malformed file raises ``ParseError`` with the 1-based line.
"""

from __future__ import annotations

import fnmatch
import importlib
from collections.abc import Mapping
from pathlib import PurePath
from typing import Any

from lint.model import Document, Source

# format name -> (module, extensions). Modules are imported only when a file of theirs is seen.
FORMATS: dict[str, tuple[str, tuple[str, ...]]] = {
    "text": ("lint.formats.text", (".txt", ".text")),
    "markdown": ("lint.formats.markdown", (".md", ".markdown")),
    "rst": ("lint.formats.rst", (".rst", ".rest")),
    "srt": ("lint.formats.subtitles:parse_srt", (".srt",)),
    "vtt": ("lint.formats.subtitles:parse_vtt", (".vtt",)),
    "po": ("lint.formats.po", (".po", ".pot")),
    "html": ("lint.formats.html", (".html", ".htm", ".xhtml")),
    "xliff": ("lint.formats.xliff", (".xlf", ".xliff")),
    # Not claimed by extension: most .json files are not prose (config `formats` maps catalogues).
    "i18n-json": ("lint.formats.i18n_json", ()),
    "i18n-yaml": ("lint.formats.i18n_yaml", ()),
}

DEFAULT_FORMAT = "text"


class ParseError(Exception):
    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.line = line


def extensions() -> set[str]:
    return {ext for _, exts in FORMATS.values() for ext in exts}


def format_for(path: str, overrides: Mapping[str, str] | None = None) -> str | None:
    """The format of a path: a config override (glob → format) first, then the extension."""
    name = PurePath(path).name
    for pattern, fmt in (overrides or {}).items():
        if fnmatch.fnmatch(name, pattern) or fnmatch.fnmatch(path, pattern):
            return fmt
    suffix = PurePath(path).suffix.lower()
    for fmt, (_, exts) in FORMATS.items():
        if suffix in exts:
            return fmt
    return None


def options_of(fmt: str) -> dict[str, Any]:
    """The options a format's parser takes (config `format-options`), with their defaults."""
    module_name = FORMATS[fmt][0].partition(":")[0]
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError:
        return {}
    return dict(getattr(module, "OPTIONS", {}))


def choices_of(fmt: str) -> dict[str, tuple[str, ...]]:
    """The values a format's string options may take (``CHOICES`` in its module), by option name."""
    module_name = FORMATS[fmt][0].partition(":")[0]
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError:
        return {}
    return dict(getattr(module, "CHOICES", {}))


def parse(source: Source, fmt: str, language: str | None = "en", options: Mapping[str, Any] | None = None) -> Document:
    spec = FORMATS.get(fmt, FORMATS[DEFAULT_FORMAT])[0]
    module_name, _, func = spec.partition(":")
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError:
        module, func, options = importlib.import_module(FORMATS[DEFAULT_FORMAT][0]), "", None
    reader = getattr(module, func or "parse")
    # Options reach only parsers that declare them; the config has checked every name and type.
    doc: Document = reader(source, options) if options else reader(source)
    doc.format = fmt
    # A file that names its own language (a PO header's `Language: fr`) overrides the configured one.
    file_language = getattr(module, "file_language", None)
    # (lint.language.resolve then weighs it against inline switches, per-path config and detection.)
    named = file_language(source) if file_language is not None else None
    doc.language = named or language or "en"
    doc.language_from = "file" if named else "config" if language else "default"
    return doc

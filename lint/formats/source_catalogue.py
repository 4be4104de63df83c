"""The source-language catalogue of a monolingual one: where `locales/fr-FR.json` finds `locales/en.json`.

Web applications ship one catalogue per language, keyed alike (`locales/en.json` + `locales/fr-FR.json`,
or `locales/en/app.json` + `locales/fr/app.json`): the English file is the source of every other. A
catalogue format paired with its source (``source_path``, then ``source_strings``) gives each string the
source's string under the same key path as its ``Segment.source_text``, and family B compares the two as
it compares a PO entry's msgstr with its msgid.

Where the source is (format option `source`):

- `auto` (the default): the file named for the source language (option `source-language`, `en`) beside
  the catalogue, with the same suffix (`en.json`, else `en-US.json`, `en_US.json`, `en-GB.json`…: the
  bare language first, then `-US`/`_US`, then another variant where it is the only one; a
  `source-language` with its region, `en-US`, names that file alone: `en_US.json`, `en-us.json`), or,
  where the catalogue's folder
  is named for its locale (`locales/fr/app.json`), the same file in the sibling folder named so
  (`locales/en/app.json`). Only a catalogue whose file or folder name is a locale tag (`fr`, `pt_BR`,
  `zh-Hant`, `kab-KAB`) is paired: `percentages.json` beside `en.json` is no translation of it;
- a path template, relative to the catalogue's folder unless absolute, in which `{name}` stands for the
  catalogue's file name and `{lang}` for the source language (`../{lang}/{name}`, `en.json`);
- `none`: no pairing.

A catalogue in the source language (`en.json`, `en-GB.json` where the source is `en`), or whose source is
not found, is read alone, as before. A source that cannot be read or is not valid JSON leaves its
catalogues unpaired (no B findings from it): the source's own check reports its error once, with its line,
rather than every catalogue repeating it. Each source is read once per process, memoized by its path,
size and modification time (``source_strings``), so 57 catalogues beside one `en.json` read it once and an
edited source is read again.
"""

from __future__ import annotations

import dataclasses
import json
import os
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from lint.model import Segment
from lint.patterns import compiled_on_use

# A locale tag as catalogues are named: an ISO 639 code of two or three letters, and a region or script
# (`fr`, `pt_BR`, `zh-Hant`, `es-419`, `kab-KAB`). Three letters alone are not enough (`app.json`).
_LOCALE = compiled_on_use(r"([a-z]{2})(?:[-_](?:[A-Za-z]{2,4}|\d{3}))?|([a-z]{3})[-_](?:[A-Za-z]{2,4}|\d{3})")
# The options `source` and `source-language` of the catalogue formats (i18n JSON and YAML), documented.
SOURCE_HELP = {
    "source": "the source-language catalogue each string is compared with (family B): `auto`, the file named for "
              "the source language beside it (`en.json`, `en-US.json`, `devise.en.yml`) or in the sibling locale "
              "folder (`locales/en/app.json` for `locales/fr/app.json`); a path relative to the catalogue's "
              "folder, `{name}` its file name and `{lang}` the source language (`../{lang}/{name}`); or `none`",
    "source-language": "the language of the source catalogue that `source: auto` looks for",
}
# A source larger than this is not read (config `max-file-size`'s default): its catalogues stay unpaired.
MAX_SOURCE_BYTES = 10 * 1024 * 1024


def _language(name: str) -> str | None:
    """The language subtag of a file or folder name that is a locale tag (`fr-FR` -> `fr`), or None."""
    from lint.formats.i18n_yaml import ISO_639_1  # (which imports this module)

    m = _LOCALE.fullmatch(name)
    if m is None or (m.group(1) is not None and m.group(1) not in ISO_639_1):
        return None  # two letters that name no language: `ui.json`, `db.json`
    return (m.group(1) or m.group(2)).lower()


def _split(name: str, suffixes: tuple[str, ...]) -> tuple[str, str] | None:
    """(stem, suffix) of a file name that ends with one of ``suffixes`` (the longest first), or None."""
    for suffix in sorted(suffixes, key=len, reverse=True):
        if name.endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)], suffix
    return None


def _named_for(names: list[str], tag: str, suffix: str, prefix: str = "") -> str | None:
    """Of ``names`` (a folder's entries), the one named for the source language ``tag`` between ``prefix``
    and ``suffix`` (`en` + `.json`, `devise.` + `en` + `.yml`): for a bare language, the bare language
    first, then the United States' variant, then another variant where there is one alone; for a tag
    with its region or script (`en-US`, `pt-BR`), that tag only (`en_US`, `en-us`): another variant is
    one of its translations."""
    found = []
    language = tag.partition("-")[0]
    for name in names:
        if not (name.startswith(prefix) and name.endswith(suffix)) or len(name) <= len(prefix) + len(suffix):
            continue
        stem = name[len(prefix) : len(name) - len(suffix)]
        if "-" in tag:
            if stem.lower().replace("_", "-") == tag:
                found.append((0, name))
        elif _language(stem) == language:
            rank = 0 if stem == language else 1 if stem[len(language) + 1 :].upper() == "US" else 2
            found.append((rank, name))
    found.sort()
    if len(found) > 1 and found[0][0] == found[1][0] == 2:
        return None  # `en-AU` and `en-GB`, neither the bare language nor `en-US`: which is the source is a guess
    return found[0][1] if found else None


def _listed(folder: Path) -> list[str]:
    try:
        return sorted(os.listdir(folder))
    except OSError:
        return []


def _auto(target: Path, tag: str, suffixes: tuple[str, ...]) -> Path | None:
    """The source-language file beside ``target`` or in its locale folder's sibling (module docstring);
    ``tag`` is the source language, lowercase, `-` between its subtags (`en`, `en-us`)."""
    language = tag.partition("-")[0]
    split = _split(target.name, suffixes)
    if split is None:
        return None
    stem, suffix = split
    # Rails names a gem's catalogues `devise.fr.yml`: the locale is the stem's last dotted part.
    prefix, _, last = stem.rpartition(".")
    own = _language(last)
    if own is not None:
        if own == language:
            return None  # the source itself, or a variant of its language
        name = _named_for(_listed(target.parent), tag, suffix, prefix + "." if prefix else "")
        return target.parent / name if name else None
    folder = target.parent
    own = _language(folder.name)
    if own is None or own == language:
        return None
    sibling = _named_for([n for n in _listed(folder.parent) if (folder.parent / n / target.name).is_file()],
                         tag, "")
    return folder.parent / sibling / target.name if sibling else None


def source_path(path: str, options: Mapping[str, Any] | None, suffixes: tuple[str, ...]) -> str | None:
    """The path of the source-language catalogue of the catalogue at ``path`` (options `source` and
    `source-language`, module docstring), or None: no source, or the catalogue is its own."""
    setting = str((options or {}).get("source", "auto"))
    if setting == "none" or not path or path.startswith("<"):
        return None
    language = str((options or {}).get("source-language", "en"))  # as written: a template's folder name
    target = Path(path)
    if setting == "auto":
        found = _auto(target, language.lower().replace("_", "-"), suffixes)
    else:
        found = Path(os.path.normpath(target.parent / setting.replace("{name}", target.name).replace("{lang}", language)))
    if found is None or not found.is_file():
        return None
    try:
        if found.samefile(target):
            return None
    except OSError:
        return None
    return str(found)


# path -> ((size, mtime_ns), its strings by key path, or None where it cannot be read)
_READ: dict[str, tuple[tuple[int, int], dict[str, str] | None]] = {}
READS = 0  # how many times a source was read (tests count them: once per source and version)


def stamp(path: str) -> tuple[int, int] | None:
    """The size and modification time a source is memoized by; None where it cannot be stat'ed."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_size, st.st_mtime_ns


def source_strings(path: str, load: Callable[[str], Any] = json.loads) -> dict[str, str] | None:
    """The source catalogue's string values by key path (`home.title`, `list.0`, as the reader keys its
    segments), read once per process while its size and modification time stay; None where it cannot
    be read, is too large or is not valid JSON."""
    now = stamp(path)
    if now is None:
        return None
    known = _READ.get(path)
    if known is not None and known[0] == now:
        return known[1]
    global READS
    strings: dict[str, str] | None = None
    READS += 1
    if now[0] <= MAX_SOURCE_BYTES:
        try:
            data = load(Path(path).read_bytes().decode("utf-8-sig"))
            strings = {}
            _flatten(data, (), strings)
        except Exception:  # unreadable, not UTF-8, not JSON or YAML (yaml.YAMLError): the catalogues go unpaired
            strings = None
    _READ[path] = (now, strings)
    return strings


def _flatten(data: Any, path: tuple[object, ...], out: dict[str, str]) -> None:
    if isinstance(data, dict):
        for k, v in data.items():
            _flatten(v, (*path, k), out)
    elif isinstance(data, list):
        for i, v in enumerate(data):
            _flatten(v, (*path, i), out)
    elif isinstance(data, str) and path:
        out[".".join(map(str, path))] = data


def paired(path: str, segments: list[Segment], values: Sequence[Any], options: Mapping[str, Any] | None,
           suffixes: tuple[str, ...], load: Callable[[str], Any] = json.loads,
           decode: Callable[[Any], str] = str) -> tuple[list[Segment], dict[int, str]]:
    """The segments, each given the source catalogue's string under the same key path
    (``Segment.source_text``), and each paired string as the application reads it (``values``, one per
    segment, ``decode``d only where paired), by segment index, for the format's ``pair``. A key the source lacks stays unpaired; so does
    every string where the catalogue has no source. Where each catalogue keeps its strings under its own
    locale (Rails' `fr:` and `en:`), the key paths are compared below it."""
    found = source_path(path, options, suffixes)
    strings = source_strings(found, load) if found else None
    decoded: dict[int, str] = {}
    if not strings:
        return segments, decoded
    own, theirs = _root(s.key for s in segments), _root(strings)
    out = []
    for seg, value in zip(segments, values, strict=True):
        key = seg.key or ""
        if own and theirs and key.startswith(own + "."):
            key = theirs + key[len(own) :]
        origin = strings.get(key)
        if origin is not None:
            seg = dataclasses.replace(seg, source_text=origin)
            decoded[seg.index] = decode(value)
        out.append(seg)
    return out, decoded


def _root(keys: Iterable[str | None]) -> str | None:
    """The first part every key path shares where it is a locale tag (Rails' `fr:`), else None."""
    roots = {(key or "").partition(".")[0] for key in keys}
    if len(roots) != 1:
        return None
    root = next(iter(roots))
    return root if _language(root) is not None else None

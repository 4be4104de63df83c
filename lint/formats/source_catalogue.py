"""The source-language catalogue of a monolingual one: where `locales/fr-FR.json` finds `locales/en.json`.

Web applications ship one catalogue per language, keyed alike (`locales/en.json` + `locales/fr-FR.json`,
or `locales/en/app.json` + `locales/fr/app.json`): the English file is the source of every other. A
catalogue format paired with its source (``source_path``, then ``source_strings``) gives each string the
source's string under the same key path as its ``Segment.source_text``, and family B compares the two as
it compares a PO entry's msgstr with its msgid.

Android's string resources (`res/values-fr/strings.xml` with `res/values/strings.xml`) and Java's resource
bundles (`messages_fr.properties` with `messages.properties`) are paired the same way, each format finding
its source by its own naming (the ``auto`` of ``source_path``).

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
size and modification time (``source_strings``, and ``digest`` for the results cache: one memo), so 57
catalogues beside one `en.json` read it once and an edited source is read again; the language server
hands the memo each buffer open in the editor (``open_buffer``), read in place of its file, unsaved edits
and all. The engine looks a catalogue's source up once per check (``Format.sources``) and hands it to the
reader (its argument ``sources``, ``found_source``).
"""

from __future__ import annotations

import dataclasses
import json
import os
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from lint.model import Document, Segment
from lint.patterns import compiled_on_use

# A locale tag as catalogues name their files, folders and Rails' top-level keys: a language, then a region
# or a script (`fr`, `pt_BR`, `pt-br`, `es-419`, `zh-Hant`, `zh-hant`). The language is a code of ISO 639-1
# (ISO_639_1), or, where ``locale_tag`` is asked for them, a code of three letters with a region or a script
# (`kab-KAB`, `fil-PH`): three letters alone are not enough (`app.json`), and no short list holds them.
# A second part of three letters is a region only in capitals (excalidraw's `kab-KAB.json`): in lower case
# it is a word (`my-app.json`, `id-map.json`, `de-bug.json`). A second part of four letters is a script: in
# title case any (`zh-Hant`, `sr-Latn`), in another case one of the scripts locales are written in
# (`zh-hant`); any other is a word (`my-page.json`, `no-data.json`, `en-test.json`).
_SCRIPTS = ("adlm arab armn beng cyrl deva ethi geor grek gujr guru hang hans hant hebr jpan khmr knda kore laoo "
            "latn mlym mong mtei mymr nkoo olck orya rohg sinh syrc taml telu tfng thaa thai tibt vaii yiii")
# (A region of three capitals goes with a language of three letters alone: `de-DEV.json`, `en-API.json` are no locales.)
_SUBTAG = rf"[A-Za-z]{{2}}|\d{{3}}|[A-Z][a-z]{{3}}|(?i:{'|'.join(_SCRIPTS.split())})"
_LOCALE = compiled_on_use(rf"([a-z]{{2}})(?:[-_]({_SUBTAG}))?|([a-z]{{3}})[-_]({_SUBTAG}|[A-Z]{{3}})")
# ISO 639-1: the languages a locale tag's two letters may name (a Rails catalogue's single top-level key,
# an i18n JSON catalogue's file name, `fr.json`).
ISO_639_1 = frozenset(
    "aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de dv dz "
    "ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie ig ii ik "
    "io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml "
    "mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd "
    "se sg si sk sl sm sn so sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi "
    "vo wa wo xh yi yo za zh zu".split()
)


def locale_tag(name: str, three_letters: bool = False) -> str | None:
    """The tag of the locale ``name`` is (`fr`, `pt_BR` -> `pt-BR`, `zh-Hant`), its subtags as written, or
    None: a name that is no locale tag (`ui`, `app`, `my-app`), or whose language is of three letters
    where ``three_letters`` is not asked for (a catalogue's file or folder name beside its source is;
    a file's own language is not). The one reader of locale names for the catalogue formats."""
    m = _LOCALE.fullmatch(name)
    if m is None:
        return None
    if m.group(1) is not None:
        if m.group(1) not in ISO_639_1:
            return None  # two letters that name no language: `ui.json`, `db.json`
        return m.group(1) + (f"-{m.group(2)}" if m.group(2) else "")
    return f"{m.group(3)}-{m.group(4)}" if three_letters else None


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
    tag = locale_tag(name, three_letters=True)
    return None if tag is None else tag.partition("-")[0]


def _split(name: str, suffixes: tuple[str, ...]) -> tuple[str, str] | None:
    """(stem, suffix) of a file name that ends with one of ``suffixes`` (the longest first), or None."""
    for suffix in sorted(suffixes, key=len, reverse=True):
        if name.endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)], suffix
    return None


def named_for(names: list[str], tag: str, suffix: str, prefix: str = "") -> str | None:
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
        name = named_for(_listed(target.parent), tag, suffix, prefix + "." if prefix else "")
        return target.parent / name if name else None
    folder = target.parent
    own = _language(folder.name)
    if own is None or own == language:
        return None
    sibling = named_for([n for n in _listed(folder.parent) if (folder.parent / n / target.name).is_file()],
                         tag, "")
    return folder.parent / sibling / target.name if sibling else None


LOOKUPS = 0  # how many times a catalogue's source was looked up (tests count them: once per check)


# A format's own `source: auto` (Android's `values/`, a resource bundle's base): the source of the catalogue
# at a path, for the source language (lowercase, `-` between its subtags), or None.
Auto = Callable[[Path, str], "Path | None"]


def source_path(path: str, options: Mapping[str, Any] | None, suffixes: tuple[str, ...],
                auto: Auto | None = None) -> str | None:
    """The path of the source-language catalogue of the catalogue at ``path`` (options `source` and
    `source-language`, module docstring; ``auto``: the format's own `auto`, where it names its catalogues
    otherwise), or None: no source, or the catalogue is its own."""
    setting = str((options or {}).get("source", "auto"))
    if setting == "none" or not path or path.startswith("<"):
        return None
    global LOOKUPS
    LOOKUPS += 1
    language = str((options or {}).get("source-language", "en"))  # as written: a template's folder name
    target = Path(path)
    if setting == "auto":
        tag = language.lower().replace("_", "-")
        found = auto(target, tag) if auto is not None else _auto(target, tag, suffixes)
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


@dataclasses.dataclass
class _Known:
    """What this process knows of one version of a source catalogue (its size and modification time, or its
    open buffer's text): its content digest (the results cache keys its catalogues' findings on it) and its
    strings by key path, read by each loader that asked (None where it cannot be read)."""

    stamp: tuple[int, int]
    digest: bytes | None = None
    strings: dict[Callable[[str], Any], dict[str, str] | None] = dataclasses.field(default_factory=dict)
    text: str | None = None  # the open buffer this version is, where it is one (``open_buffer``)


# path -> what is known of it: the one memo of the sources, for the engine's cache key and the readers alike.
_KNOWN: dict[str, _Known] = {}
READS = 0  # how many times a source was read (tests count them: once per source and version)
# real path -> the text of the file's buffer open in an editor (lint.lsp), read instead of the file: the
# catalogues that depend on it are compared with its unsaved edits. Empty but in the language server.
_BUFFERS: dict[str, str] = {}


def open_buffer(key: str, text: str | None) -> None:
    """Read ``text`` as the content of the file at the real path ``key`` from now on (its buffer open in an
    editor, edits unsaved or not), or the file again (None: the buffer is closed)."""
    if text is None:
        if _BUFFERS.pop(key, None) is not None:
            forget(key, buffers_only=True)  # a closed buffer's text is not kept alive by the memo
    else:
        _BUFFERS[key] = text


def forget(key: str, buffers_only: bool = False) -> None:
    """Drop what is known of the file at the real path ``key`` (by whatever path it was asked for): read it
    again at the next ask, even where its size and modification time are the same (a file changed on disk
    within one tick of its clock); ``buffers_only``: only the versions read from its open buffer."""
    for path in [p for p, known in _KNOWN.items() if not buffers_only or known.text is not None]:
        if os.path.realpath(path) == key:
            del _KNOWN[path]


def stamp(path: str) -> tuple[int, int] | None:
    """The size and modification time a source is memoized by; None where it cannot be stat'ed."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_size, st.st_mtime_ns


def _known(path: str) -> _Known | None:
    """The memo of the source's version now, its open buffer's or the file's on disk (a new one once it
    changed); None where it is gone."""
    if _BUFFERS:
        text = _BUFFERS.get(os.path.realpath(path))
        if text is not None:
            known = _KNOWN.get(path)
            if known is None or known.text != text:
                # Its size as the file's would be, where written; no modification time.
                known = _KNOWN[path] = _Known((len(text.encode("utf-8", "surrogatepass")), -1), text=text)
            return known
    now = stamp(path)
    if now is None:
        return None
    known = _KNOWN.get(path)
    if known is None or known.stamp != now or known.text is not None:
        known = _KNOWN[path] = _Known(now)
    return known


def _content(path: str, known: _Known) -> bytes:
    """The source's bytes in the version ``known`` is of (its buffer's, UTF-8); OSError where unreadable."""
    if known.text is not None:
        return known.text.encode("utf-8", "surrogatepass")
    return Path(path).read_bytes()


def digest(path: str) -> bytes:
    """The content digest of a file another one's findings depend on (``Format.sources``), once per version;
    empty where it cannot be read (then those findings are keyed as those of a file without it)."""
    known = _known(path)
    if known is None:
        return b""
    if known.digest is None:
        from lint import cache

        try:
            known.digest = cache.content_digest(_content(path, known))
        except OSError:
            return b""
    return known.digest


def source_strings(path: str, load: Callable[[str], Any] = json.loads) -> dict[str, str] | None:
    """The source catalogue's string values by key path (`home.title`, `list.0`, as the reader keys its
    segments), read once per process and loader while its size and modification time stay; None where it
    cannot be read, is too large or is not valid JSON (or what ``load`` reads)."""
    known = _known(path)
    if known is None:
        return None
    if load in known.strings:
        return known.strings[load]
    global READS
    strings: dict[str, str] | None = None
    READS += 1
    if known.stamp[0] <= MAX_SOURCE_BYTES:
        try:
            data = load(_content(path, known).decode("utf-8-sig"))
            strings = {}
            _flatten(data, (), strings)
        except Exception:  # unreadable, not UTF-8, not JSON or YAML (yaml.YAMLError): the catalogues go unpaired
            strings = None
    known.strings[load] = strings
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


def found_source(path: str, options: Mapping[str, Any] | None, suffixes: tuple[str, ...],
                 auto: Auto | None = None, sources: tuple[str, ...] | None = None) -> str | None:
    """``source_path``, unless the engine has looked it up for this check already (``sources``: what
    ``Format.sources`` found, handed to the reader by ``Format.read``)."""
    if sources is not None:
        return sources[0] if sources else None
    return source_path(path, options, suffixes, auto)


def paired(path: str, segments: list[Segment], values: Sequence[Any], options: Mapping[str, Any] | None,
           suffixes: tuple[str, ...], load: Callable[[str], Any] = json.loads,
           decode: Callable[[Any], str] = str, auto: Auto | None = None,
           other: Callable[[str], str | None] | None = None,
           sources: tuple[str, ...] | None = None) -> tuple[list[Segment], dict[int, str]]:
    """The segments, each given the source catalogue's string under the same key path
    (``Segment.source_text``), and each paired string as the application reads it (``values``, one per
    segment, ``decode``d only where paired), by segment index, for the format's ``pair``. A key the source lacks stays unpaired; so does
    every string where the catalogue has no source. Where each catalogue keeps its strings under its own
    locale (Rails' `fr:` and `en:`), the key paths are compared below it. ``other``: the key a string
    the source lacks translates instead, if any (an Android plural's `few` translates the source's `other`).
    ``sources``: what the format's ``sources`` found for the catalogue (``found_source``), None: looked up here."""
    found = found_source(path, options, suffixes, auto, sources)
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
        if origin is None and other is not None and (instead := other(key)) is not None:
            origin = strings.get(instead)
        if origin is not None:
            seg = dataclasses.replace(seg, source_text=origin)
            decoded[seg.index] = decode(value)
        out.append(seg)
    return out, decoded


def pair(seg: Segment, doc: Document) -> tuple[str, str] | None:
    """(source string, string) of a paired catalogue string, both as the application reads them (``paired``
    keeps the catalogue's, in ``doc.memo["i18n-values"]``): what family B compares, as a PO entry's msgid and
    msgstr."""
    value = doc.memo.get("i18n-values", {}).get(seg.index)
    return None if value is None or seg.source_text is None else (seg.source_text, value)


def _root(keys: Iterable[str | None]) -> str | None:
    """The first part every key path shares where it is a locale tag (Rails' `fr:`), else None."""
    roots = {(key or "").partition(".")[0] for key in keys}
    if len(roots) != 1:
        return None
    root = next(iter(roots))
    return root if _language(root) is not None else None

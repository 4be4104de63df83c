"""The document's language, always known, and language identification of a stretch of text.

Where a document's language comes from, first that answers wins:

1. ``inline``: a switch in the file itself, ``copylint-language: fr`` in a comment (``<!-- … -->`` in
   Markdown/HTML/XLIFF, ``.. copylint-language: fr`` in reST, ``# copylint-language: fr`` in PO/YAML);
2. ``path``: the config's ``languages`` (glob → tag, gitignore syntax relative to the config's folder);
3. ``file``: what the format says (PO ``Language:``, XLIFF target language, HTML ``lang``, front matter
   ``lang``/``locale``, a Rails catalogue's top-level key);
4. ``config``: the config's ``language``;
5. ``detected``: identified from the document's prose (pycld2), when the prose says it clearly, with a
   folder or file-name part that is a language tag (`docs/es/…`, `index.fr.md`) as CLD2's prior;
6. ``default``: ``en``.

Identification uses CLD2 (``pycld2``): its models are compiled into the extension (no download, no
data file), it imports in about a millisecond and classifies a sentence in about 5 µs. Compared on 1,100
short sentences (5–12 words) of French, Japanese, Chinese and English docs: pycld2 0.944 accuracy, 5 µs
a sentence, 10 MB wheel; py3langid 0.968, 41 µs, 0.8 s CPU to import numpy and unpack its model, 4.6 MB
wheel plus numpy; lingua-language-detector 0.962, 1.2 ms, 0.7 s to load, 96 MB wheel, 240 MB RSS;
whatlang-pyo3 0.934, 44 µs, 1.4 MB. A linter starts on every commit, so start-up and per-call cost
decide; the few points of accuracy are bought back by judging only long, reliable segments.
"""

from __future__ import annotations

import os
import re
from collections.abc import Container, Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lint.paths import relative_to_root
from lint.patterns import compiled, compiled_on_use

if TYPE_CHECKING:
    import pathspec

    from lint.config import Config
    from lint.model import Document

DEFAULT = "en"

# A BCP 47 tag as users write it (`fr`, `fr-CA`, `zh-Hant`, `pt_BR`).
TAG = r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*"
# The switch is a comment's (`<!-- copylint-language: fr -->`, `.. copylint-language: fr` in reST, `#
# copylint-language: fr` in PO or YAML, `{/* copylint-language: fr */}` in MDX, which has no HTML comments),
# not prose that names it (this project's README: an inline `copylint-language: fr` comment).
_INLINE = compiled_on_use(
    r"(?:<!--|\{/\*|(?:^|[ \t])(?:\.\.|#))[ \t]*copylint-language\s*[:=]\s*(" + TAG + r")", re.MULTILINE)
_TAG = compiled_on_use(TAG + r"\Z")

# CLD2 answers in its own codes for a few languages; these are the BCP 47 ones.
_CLD2_CODES = {"iw": "he", "jw": "jv", "zh-Hant": "zh-Hant", "zh": "zh"}


@dataclass(frozen=True)
class Identified:
    """What language identification makes of a text: a tag (``un`` when unknown), the share of the
    text in it (percent of bytes) and whether CLD2 calls the answer reliable."""

    language: str
    percent: int
    reliable: bool


def normalize(tag: str) -> str:
    """``pt_BR`` → ``pt-BR``, ``FR`` → ``fr``, ``zh-hant`` → ``zh-Hant``: the case BCP 47 recommends."""
    parts = tag.replace("_", "-").split("-")
    out = [parts[0].lower()]
    for p in parts[1:]:
        out.append(p.title() if len(p) == 4 else p.upper() if len(p) == 2 else p.lower())
    return "-".join(out)


def is_tag(value: str) -> bool:
    return bool(_TAG.match(value))


def primary(tag: str) -> str:
    return tag.split("-")[0].lower()


def inline_language(text: str, code: Iterable[tuple[int, int]] = ()) -> str | None:
    """The language a ``copylint-language: xx`` switch written in the file names; one inside ``code``
    (the file's code blocks: a page that shows the switch) names none."""
    if "copylint-language" not in text:
        return None
    from lint.model import in_ranges

    blocks = sorted(code)
    for m in _INLINE.finditer(text):
        if not in_ranges(blocks, m.start()):
            return normalize(m.group(1))
    return None


def path_language(path: str, config: Config) -> str | None:
    """The language the config's ``languages`` gives this path (the last matching glob wins, as in
    gitignore files)."""
    if not config.languages:
        return None
    rel = relative_to_root(path, config.root)
    found = None
    for spec, tag in _path_specs(tuple(config.languages.items())):
        if spec.match_file(rel):
            found = tag
    return found


@lru_cache(maxsize=64)
def _path_specs(items: tuple[tuple[str, str], ...]) -> list[tuple[pathspec.GitIgnoreSpec, str]]:
    import pathspec

    return [(pathspec.GitIgnoreSpec.from_lines([glob]), normalize(tag)) for glob, tag in items]


def _clean(text: str) -> bytes:
    # CLD2 wants valid UTF-8 without control characters; placeholders (U+FFFC) carry no language.
    return text.replace("\ufffc", " ").encode("utf-8", "ignore")


@lru_cache(maxsize=4096)
def identify(text: str, hint: str = "") -> Identified:
    """The language of ``text`` (cached: the same sentence recurs across a site's pages). ``hint``, a
    language the text is expected in (the document's), is CLD2's prior: a short sentence of that
    language that CLD2 would otherwise call English (`Antes de Vite 6, solo estaban disponibles dos
    entornos:`) comes back unsure, while a real English sentence still comes back English."""
    import pycld2

    try:
        if hint:
            reliable, _, details = pycld2.detect(_clean(text), isPlainText=True, bestEffort=False,
                                                 hintLanguage=hint)
        else:
            reliable, _, details = pycld2.detect(_clean(text), isPlainText=True, bestEffort=False)
    except pycld2.error:
        # A hint CLD2 does not know (a language outside its list) is no prior at all.
        return identify(text) if hint else Identified("un", 0, False)
    code, percent = details[0][1], details[0][2]
    if code == "un":
        return Identified("un", 0, False)
    return Identified(_CLD2_CODES.get(code, code), percent, bool(reliable))


# How much prose detection reads: the first sentences, 3,000 characters, say which language a page is in.
_DETECT_CHARS = 3_000
_DETECT_MIN_CHARS = 200


# Prose worth reading for detection: a segment of six words or more (or a long one in a script without
# spaces) is a sentence; link lists, names and headings are mostly in no language (a page listing
# "English", "Deutsch"…). Told by counting spaces, not by a regex: it runs on every page.
def _is_sentence(text: str) -> bool:
    return len(text) >= 30 and (text.count(" ") >= 5 or (not text.isascii() and text.count(" ") * 8 < len(text)))


# An MDX page's module statements (`import Box from '~/components/Box.astro';`), read as a paragraph
# where MDX is linted as Markdown: code, in no human language.
_MODULE_CODE = compiled_on_use(r"(?:import|export)\s[^\n]*?\bfrom\s*['\"]|import\s*['\"]")


def is_module_code(text: str) -> bool:
    """``text`` opens with an ES module statement (``import … from '…'``)."""
    return _MODULE_CODE.match(text) is not None


# A directory named by a language tag (`docs/es/…`, `pages/en/blog/…`, `i18n/zh-cn/…`, the first part of
# a path given from the docs folder, `fr/guide.md`), tldr-pages' `pages.fr/…`, or a file named
# `index.fr.md`: how translated sites lay out their pages, and CLD2's prior where no config says more.
# Not any folder with a tag after a dot: `lemonde.fr/`, `example.de/` name a site, not its language.
_PATH_PART = compiled_on_use(r"(?:\A|[/\\])(?:pages\.)?([a-z]{2}(?:[-_][A-Za-z]{2,4})?)(?=[/\\])"
                             r"|\.([a-z]{2}(?:[-_][A-Za-z]{2,4})?)\.\w+\Z")


def path_tags(path: str) -> list[str]:
    """The directory and file-name parts of ``path`` shaped like a language tag, lower-cased as written
    (`zh-cn`, `fr`), in order."""
    lowered = path.lower()
    # The folders' tags are found in the folder part alone (a folder's match ends before the separator
    # after it; none of a file name's can start before its name), kept per folder: the pattern tries both
    # branches at each character of a path, some 30,000 instructions a page where a book's pages share
    # a folder. A file name's tag (`index.fr.md`) has two dots after it.
    cut = max(lowered.rfind("/"), lowered.rfind("\\")) + 1
    name = lowered[cut:]
    tags = _folder_tags(lowered[:cut])
    if name.count(".") < 2:
        return list(tags)
    return [*tags, *(m.group(1) or m.group(2) for m in _PATH_PART.finditer(name))]


@lru_cache(maxsize=256)
def _folder_tags(folder: str) -> tuple[str, ...]:
    return tuple(m.group(1) or m.group(2) for m in _PATH_PART.finditer(folder))


def path_hint(path: str) -> str:
    """The language a path names by a directory or a file-name part (its last such part), as CLD2's
    code, or "" where it names none CLD2 knows."""
    tags = path_tags(path)
    if not tags:
        return ""
    found = tags[-1]
    tag = normalize(found)
    return "zh-Hant" if tag in ("zh-TW", "zh-HK", "zh-Hant") else primary(tag) if primary(tag) in cld2_codes() else ""


def declared_language(doc: Document) -> tuple[str, str] | None:
    """The language the page is said to be in, apart from what its text reads as, and who says it:
    ``inline``, ``path`` (the config's ``languages``), ``file`` (its metadata) or ``folder`` (a folder or
    file-name part that is a language tag); None where nothing says. The config's one ``language`` for
    every file is no word on this page."""
    if doc.language_from in ("inline", "path", "file"):
        return doc.language, doc.language_from
    hint = path_hint(doc.source.path)
    return (hint, "folder") if hint else None


@lru_cache(maxsize=1)
def cld2_codes() -> frozenset[str]:
    """The languages CLD2 identifies, as its codes (`en`, `fr`, `zh`)."""
    import pycld2

    return frozenset(code for _, code in pycld2.LANGUAGES)


def detected_language(doc: Document) -> str | None:
    """The language of the document's prose when CLD2 calls it reliable and it covers most of the text
    (its sentences, when it has enough of them)."""
    parts: list[str] = []
    size = 0
    for seg in doc.segments:
        if _is_sentence(seg.text) and not is_module_code(seg.text):
            parts.append(seg.text)
            size += len(seg.text)
            if size >= _DETECT_CHARS:
                break
    if size < _DETECT_MIN_CHARS:  # few sentences: all the prose there is
        parts = [seg.text for seg in doc.segments if not is_module_code(seg.text)]
        size = sum(map(len, parts))
    text = "\n".join(parts)[:_DETECT_CHARS]
    if size < _DETECT_MIN_CHARS:
        return _short_page_language(doc, text, size)
    # The path's language, as a prior: a page of commit lines and names (`pages/en/blog/release/…`) that
    # CLD2 alone calls Danish comes back English, while a page clearly in another language stays that.
    hinted = path_hint(doc.source.path)
    found = identify(text, hinted)
    if found.language == "ja" and hinted != "ja" and not _SCRIPT_LETTERS["Kana"].search(text):
        # Japanese is written with kana: a page of Han characters alone that CLD2 calls Japanese only
        # with the folder's prior (Traditional Chinese under `zh/`, read with Simplified's) is read
        # without it.
        found = identify(text)
    # CLD2 calls a page of names and short lines unreliable even when most of it is one language.
    clear = (found.reliable and found.percent >= 60) or (found.percent >= 70 and len(text) >= 500)
    # The page's own prose (outside block quotes) half or more in the folder's language: the folder's,
    # whatever CLD2 makes of the whole (a French error page under the long English message it explains).
    # An English page left untranslated there has none of it.
    if hinted and found.language != hinted and _share_in(_own_prose(doc), hinted) >= 0.5:
        return hinted
    # CLD2 unsure (below 80 %) and agreeing with the folder, or leaning to another language by a short
    # head where the page holds the folder's script or function words: the folder decides.
    if hinted and not (found.reliable and found.percent >= 80) and (
            found.language == hinted
            or _holds_folders_language(text, hinted, "en" if found.language == "un" else found.language)):
        return hinted
    if not clear and size >= _DETECT_CHARS and (whole := _page_in_own_script(doc)) is not None:
        return whole
    if found.language == "un":
        return None
    if not clear and not _in_own_script(text, found.language):
        return None
    return found.language


# How much of a page's prose is read where its head leaves CLD2 unsure.
_WHOLE_PAGE_CHARS = 60_000


def _page_in_own_script(doc: Document) -> str | None:
    """The language of the page's whole prose where most of its letters are in that language's own
    script: a page whose head CLD2 is unsure of (react.dev's Korean `videos.md`, where English talk
    descriptions left untranslated open the page) is the language the rest of it is written in. None
    where the page is not mostly in such a script (a Latin-script page stays undecided)."""
    text = "\n".join(_own_prose(doc))[:_WHOLE_PAGE_CHARS]
    found = identify(text)
    return found.language if found.language not in ("un", "en") and _in_own_script(text, found.language) else None


# A quotation in guillemets or curly or straight double quotes, on one line.
_QUOTATIONS = compiled_on_use(r"«[^»\n]*»|“[^”\n]*”|„[^“”\n]*[“”]|\"[^\"\n]*\"")


def _short_page_language(doc: Document, text: str, size: int) -> str | None:
    """The language of a page with too little prose for CLD2 alone (``text``, ``size`` characters):
    its script's, where the script says it, or its folder's, where its words agree; else None."""
    # Too little to go by, unless its script says it and its Latin letters are names, not English prose
    # (a short page of Chinese around product names; not a line of English that ends with a Chinese
    # site's name).
    # Text all in ASCII holds no letter of a script _in_own_script counts: nothing to identify (and
    # CLD2 not even imported, for a small English file).
    # A CJK character or Hangul syllable says as much as about three Latin letters: a command's page
    # of two short Chinese lines is long enough.
    found = (identify(text) if not text.isascii() and size + 2 * _wide_letters(text) >= _SCRIPT_MIN_CHARS
             else None)
    if found and _in_own_script(text, found.language) and (
            not has_own_words(text, "en") or _in_own_script(text, found.language, share=2.0)):
        # English words beside the script are names and a quoted line (`Arcanist: A CLI for
        # Phabricator.` atop a Korean page) where the script outweighs them twice over.
        return found.language
    # A short page in no language's folder (javascript.info's French tasks: a heading and two
    # questions) is in the language CLD2 reliably reads where three of that language's own small words
    # stand in it, twice as many as English's: a line of English, names or commands holds none. Words
    # in quotation marks are the quoted text's (an English lesson quoting « Je ne sais pas ce que… »).
    unquoted = _QUOTATIONS.sub(" ", text) if found else ""
    if found and found.reliable and found.language != DEFAULT and pack(found.language) and (
            (ours := own_words_count(unquoted, found.language, DEFAULT)) >= 3
            and ours > 2 * own_words_count(unquoted, DEFAULT, found.language)):
        return found.language
    # A short page under a language's folder (`docs/fr/errors/x.md`: a heading and a sentence) is in
    # that language when it holds more of its function words than English's (or a third of its
    # letters in its script), or when half its own prose is in it; an English page left
    # untranslated there is neither.
    hinted = path_hint(doc.source.path) if size >= _SCRIPT_MIN_CHARS else ""
    if hinted and hinted != "en" and (_holds_folders_language(text, hinted, "en")
                                      or _share_in(_own_prose(doc), hinted) >= 0.5):
        return hinted
    return None


# Languages written right to left (CLDR's characterOrder right-to-left), by their primary subtag: their
# texts set the order of runs with direction marks (E102) and type curly quotes either way round (P101).
RIGHT_TO_LEFT = frozenset({"ar", "arc", "ckb", "dv", "fa", "he", "iw", "ks", "lrc", "mzn", "nqo", "ps", "sd",
                           "syr", "ug", "ur", "yi"})


# The letters of the scripts East Asian text is written in, as bodies of a regex character class
# (``f"[{HAN}{KANA}]"``), named once for the rules that ask for them: the Unicode blocks, whole.
KANA = "\u3040-\u30ff"  # Hiragana and Katakana (with the prolonged sound mark ー and the middle dot ・)
# CJK Unified Ideographs and their Extension A, not the Yijing hexagram symbols (U+4DC0-U+4DFF) between them
HAN = "\u3400-\u4dbf\u4e00-\u9fff"
HAN_COMPATIBILITY = "\uf900-\ufaff"  # CJK Compatibility Ideographs (`﨑`, `塚`: names)
HANGUL = "\uac00-\ud7af"  # Hangul Syllables
CJK_LETTERS = KANA + HAN + HANGUL  # a Chinese, Japanese or Korean letter


# Scripts that only some languages are written in: a page whose letters are mostly Cyrillic is not in
# English, whatever its share of code names and product names in Latin letters makes CLD2 unsure of.
# Compiled when a page is weighed by its script (``lint.patterns``): a class past Latin-1 costs the
# stdlib's compiler milliseconds, and most runs never ask.
_SCRIPT_LETTERS = {
    "Cyrl": compiled_on_use(r"[\u0400-\u04ff]"), "Grek": compiled_on_use(r"[\u0370-\u03ff]"),
    "Hang": compiled_on_use(f"[{HANGUL}]"), "Kana": compiled_on_use(f"[{KANA}]"),
    "Hani": compiled_on_use(f"[{HAN}]"), "Arab": compiled_on_use(r"[\u0600-\u06ff]"),
    "Hebr": compiled_on_use(r"[\u0590-\u05ff]"),
}
_SCRIPTS_OF = {
    "ru": ("Cyrl",), "uk": ("Cyrl",), "bg": ("Cyrl",), "be": ("Cyrl",), "sr": ("Cyrl",), "mk": ("Cyrl",),
    "kk": ("Cyrl",), "el": ("Grek",), "ko": ("Hang",), "ja": ("Kana", "Hani"), "zh": ("Hani",),
    "zh-Hant": ("Hani",), "ar": ("Arab",), "fa": ("Arab",), "he": ("Hebr",),
}
_LETTER = compiled_on_use(r"[^\W\d_]")
# A CJK character (or Hangul syllable) carries about what three Latin letters do.
_WIDE_SCRIPTS = frozenset({"Hang", "Kana", "Hani"})
_SCRIPT_MIN_CHARS = 40


def _own_prose(doc: Document) -> list[str]:
    """The page's prose outside block quotes: a quotation is in the language of what it quotes (an
    English error message quoted on a French page), the rest in the page's own."""
    return [seg.text for seg in doc.segments if seg.kind != "blockquote" and not is_module_code(seg.text)]


def _share_in(parts: list[str], language: str) -> float:
    """The share of the characters of ``parts`` that CLD2 gives to ``language``, each part identified
    alone: asked only of a page under a language's folder that CLD2 is unsure of as a whole."""
    read: list[str] = []
    size = 0
    for part in parts:  # the first _DETECT_CHARS of them, as detection reads
        read.append(part)
        size += len(part)
        if size >= _DETECT_CHARS:
            break
    return sum(len(p) for p in read if identify(p).language == language) / (size or 1)


def _holds_folders_language(text: str, hinted: str, other: str) -> bool:
    """Whether ``text``, under a folder named for ``hinted``, holds enough of that language to be its
    page though CLD2 cannot tell or leans to ``other``: a third of its letters in the language's own
    script, or more of its function words than ``other``'s (two at least)."""
    if _in_own_script(text, hinted, share=0.5):
        return True
    ours = own_words_count(text, hinted, other)
    return ours >= 2 and ours > own_words_count(text, other, hinted)


def _wide_letters(text: str) -> int:
    """How many of the text's letters are in a script written without spaces between words (CJK, kana,
    Hangul)."""
    return sum(len(_SCRIPT_LETTERS[s].findall(text)) for s in _WIDE_SCRIPTS)


def _in_own_script(text: str, language: str, share: float = 1.0) -> bool:
    """Most of the text's letters (or ``share`` of as many as the others) are in a script only
    ``language`` and its kin are written in (and, for Japanese, it has kana): CLD2's best guess stands
    even where it is unsure."""
    scripts = _SCRIPTS_OF.get(language)
    if not scripts:
        return False
    own = sum(len(_SCRIPT_LETTERS[s].findall(text)) for s in scripts)
    kana = len(_SCRIPT_LETTERS["Kana"].findall(text))
    if (language == "ja" and not kana) or (language.startswith("zh") and kana * 10 > own):
        return False  # Japanese is written with kana; Chinese text has none to speak of
    weight = 3 if scripts[0] in _WIDE_SCRIPTS else 1
    others = len(_LETTER.findall(text)) - own
    return own > 0 and own * weight > others * share


def resolve(doc: Document, config: Config) -> None:
    """Set ``doc.language`` and ``doc.language_from``, first that answers wins (see the module doc)."""
    # A reader that looked for "copylint-" in the text (Markdown) says where no switch can stand.
    may_switch = doc.memo.get("copylint-", True)
    inline = may_switch and inline_language(doc.source.text, doc.memo.get("code-blocks", ()))
    if inline:
        doc.language, doc.language_from = inline, "inline"
        return
    by_path = path_language(doc.source.path, config)
    if by_path:
        doc.language, doc.language_from = by_path, "path"
        return
    if doc.language_from == "file":
        doc.language = normalize(doc.language)
        return
    if config.language:
        doc.language, doc.language_from = normalize(config.language), "config"
        return
    found = detected_language(doc)
    if found:
        doc.language, doc.language_from = found, "detected"
    else:
        doc.language, doc.language_from = DEFAULT, "default"


def names_a_work(word: str, nouns: Container[str]) -> bool:
    """Whether ``word`` (lower case) is one of ``nouns`` (a pack's `work-nouns`, `group-nouns` …), or its plural
    in -s (`albums`, `libros`)."""
    return word in nouns or (word.endswith("s") and word[:-1] in nouns)


def languages_with(key: str) -> frozenset[str]:
    """The primary subtags of the languages whose pack sets ``key`` (a rule's convention: `fullwidth`,
    `inverted`, `space-before` …): a rule whose `languages` are these runs for those languages only (the
    rule index reads such a line with this same function, without importing the rule's module)."""
    return frozenset(primary(t) for t, p in packs().items() if p.get(key))


@lru_cache(maxsize=1)
def packs() -> dict[str, dict[str, Any]]:
    """Every language pack (``rules/language/data/<tag>.yaml``), by tag: a language's conventions as
    data, read by the generic L rules and by the rules that know a language (T101, T102, P102…)."""
    import importlib

    from lint.rule import rule_data

    rules_package = importlib.import_module("lint.rules")  # rules/, installed as lint.rules
    folder = Path(str(rules_package.__file__)).parent / "language" / "data"
    out: dict[str, dict[str, Any]] = {}
    # (What folder.glob("*.yaml") finds, case as the system's paths have it, without the regex glob compiles.)
    for path in sorted(p for p in folder.iterdir() if os.path.normcase(p.name).endswith(".yaml")):
        data = rule_data(path)
        out[str(data["language"])] = data
    return out


# The script a region implies where a language is written in two (CLDR's likely subtags): Chinese of
# Taiwan, Hong Kong and Macao is Traditional.
_LIKELY_SCRIPT = {("zh", "TW"): "Hant", ("zh", "HK"): "Hant", ("zh", "MO"): "Hant"}


@lru_cache(maxsize=128)
def pack(tag: str) -> dict[str, Any] | None:
    """The pack for a tag, its region or script merged over the language's (``fr-CA`` over ``fr``):
    the most specific one that exists (``zh-Hant-TW``, ``zh-TW``: ``zh-Hant``). A region's pack lists
    only what differs. Asked per document by several rules: kept per tag (read only, as ``packs()``)."""
    all_packs = packs()
    parts = normalize(tag).split("-")
    base = all_packs.get(parts[0])
    if base is None:
        return None
    if len(parts) == 2 and (parts[0], parts[1]) in _LIKELY_SCRIPT:
        parts.insert(1, _LIKELY_SCRIPT[parts[0], parts[1]])
    specific = next((all_packs[t] for k in range(len(parts), 1, -1)
                     if (t := "-".join(parts[:k])) in all_packs), None)
    if specific is None or specific is base:
        return base
    merged = dict(base)
    merged.update(specific)
    return merged


def trie_alternation(words: list[str]) -> str:
    """An alternation of ``words`` factored by prefix (`d(?:e(?:s|r)|u)`): the regex engine then tries
    one branch per character instead of every word at every space, 5-10x faster over long prose."""
    root: dict[str, Any] = {}
    for w in words:
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        alts = [re.escape(k) + emit(v) for k, v in sorted(node.items()) if k]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(root)


@lru_cache(maxsize=64)
def foreign_words(tag: str) -> frozenset[str]:
    """The common words of the other languages than ``tag``'s (its own left out): what
    ``foreign_words_gate`` looks for between spaces."""
    own = set((pack(tag) or {}).get("common-words") or ())
    return frozenset(w for t, p in packs().items() if primary(t) != primary(tag) and "-" not in t
                     for w in p.get("common-words") or () if w not in own)


@lru_cache(maxsize=64)
def foreign_words_gate(tag: str) -> re.Pattern[str] | None:
    """A pattern that finds, in C, the paragraphs where a common word of another language than ``tag``
    stands: only those are worth a language model's time. Words are taken
    between spaces (a gate, not a judge: a word after punctuation is not needed to open it)."""
    words = sorted(foreign_words(tag))
    if not words:
        return None
    # The words' first characters, asked in one class before the trie: most spaces are followed by
    # none of them, and the engine then leaves at once instead of trying the trie's first branches.
    firsts = "".join(re.escape(c) for c in sorted({w[0] for w in words}))
    word = f" (?=[{firsts}]){trie_alternation(words)}(?= )"
    return compiled(word)  # kept between runs (``lint.patterns``): its classes reach past Latin-1


def in_other_language(text: str, language: str) -> bool:
    """Whether ``text`` (a sentence or a quotation around a finding) is reliably in another language than
    ``language``: rules that hold text to one language's conventions leave such text alone (an English
    error message quoted in a French page keeps its English colon)."""
    if len(text) < 12:
        return False
    found = identify(text)
    if not found.reliable or found.language == "un" or primary(found.language) == primary(language):
        return False
    # CLD2 misreads short sentences (`Attention ! Le fichier est supprimé.` as English): one of the
    # language's own common or function words says it is not another language after all.
    own = _own_words(normalize(language))
    return not own or not any(w in own for w in _WORDS.findall(text.lower()))


_WORDS = compiled_on_use(r"[^\W\d_]+")


# Abbreviations of languages without a pack that lists them (Turkish: TDK's list of abbreviations,
# `vb.` ve benzeri, `ör.`/`örn.` örneğin, `bkz.` bakınız, `vs.` vesaire).
_ABBREVIATIONS_WITHOUT_PACK: dict[str, frozenset[str]] = {
    "tr": frozenset({"vb", "vd", "ör", "örn", "bkz", "vs", "sn", "yy", "çev", "haz", "bl", "mad"}),
    # The commonest abbreviations of each language's own dictionary, the ones a help text writes for
    # `e.g.`, `i.e.`, `see`, `max.` and `per`: Croatian, Bosnian and Serbian (Hrvatski pravopis, Pravopis
    # srpskoga jezika: npr., tj., itd., odn., usp., sl.), Slovene (Slovenski pravopis: npr., tj., itd., oz.,
    # prim.), Finnish (Kielitoimisto: esim., ks., ns., mm., jne., yms., vrt.), Afrikaans (AWS: bv., ens., vgl.),
    # Filipino (hal., atbp.), Lithuanian (VLKK: pvz., žr., pan., plg.), Danish (Retskrivningsordbogen: f.eks.,
    # bl.a., pr., maks., jf., evt., inkl., osv., kl. klokken, ca. cirka, vedr. vedrørende), Norwegian (Språkrådet:
    # f.eks., bl.a., pr., maks., jf., evt., osv., kl., ca., vedr., ang. angående), Swedish (Språkrådet's Svenska skrivregler: t.ex., bl.a., osv., dvs., jfr, inkl., exkl., resp.),
    # Romanian (DOOM: ex., de ex., dvs. for dumneavoastră). Those written with inner stops (`f.eks.`,
    # `m.fl.`) need no entry: P104 and T108 read a stop inside the word as an abbreviation's.
    **dict.fromkeys(("hr", "bs", "sr"), frozenset({"npr", "tj", "itd", "odn", "usp", "sl"})),
    "sl": frozenset({"npr", "tj", "itd", "oz", "prim"}),
    "fi": frozenset({"esim", "ks", "ns", "mm", "jne", "yms", "vrt"}),
    "af": frozenset({"bv", "ens", "vgl"}),
    **dict.fromkeys(("fil", "tl"), frozenset({"hal", "atbp"})),
    "lt": frozenset({"pvz", "žr", "pan", "plg"}),
    "da": frozenset({"eks", "bl", "pr", "maks", "jf", "evt", "inkl", "osv", "kl", "ca", "vedr"}),
    **dict.fromkeys(("nb", "nn", "no"), frozenset({"eks", "bl", "pr", "maks", "jf", "evt", "inkl", "osv", "kl", "ca",
                                                  "vedr", "ang"})),
    "sv": frozenset({"bl", "osv", "dvs", "jfr", "inkl", "exkl", "resp"}),
    "ro": frozenset({"ex", "dvs"}),
    # Basque (Euskaltzaindia's list: adib. adibidez, etab. eta abar, lerr. lerroa).
    "eu": frozenset({"adib", "etab", "lerr"}),
    # Indonesian (PUEBI, «Singkatan», and KBBI: mis. misalnya, dll. dan lain-lain, dsb. dan sebagainya, dst. dan
    # seterusnya, hlm. halaman, tsb. tersebut, sda. sama dengan atas).
    "id": frozenset({"mis", "dll", "dsb", "dst", "hlm", "tsb", "sda"}),
    # Czech (Internetová jazyková příručka, «Zkratky»: např. například, tj. to jest, tzn. to znamená, atd.,
    # apod., mj. mimo jiné, resp., popř., příp., tzv. takzvaný, str. strana) and Slovak (Pravidlá slovenského
    # pravopisu: napr., tzn., tzv., atď., resp., príp.).
    "cs": frozenset({"např", "tj", "tzn", "atd", "apod", "mj", "resp", "popř", "příp", "tzv", "str"}),
    "sk": frozenset({"napr", "tzn", "tzv", "atď", "resp", "príp", "str"}),
    # Luxembourgish (Zenter fir d'Lëtzebuerger Sprooch, «Lëtzebuerger Orthographie», abbreviations: wgl.
    # wann ech gelift, the `please` of every form's text, asw. an esou weider, resp. respektiv).
    "lb": frozenset({"wgl", "asw", "resp"}),
}


# Languages whose spelling capitalizes every noun: German, and the Germanic varieties written after its
# rules (Luxembourgish, Swiss German, Low German, Colognian, Bavarian, Palatine German). A run of
# capitals there is a noun phrase (`Autorin des Buches`), not a name.
_CAPITALIZED_NOUNS = frozenset({"de", "lb", "gsw", "nds", "ksh", "bar", "pfl"})


def capitalizes_nouns(tag: str) -> bool:
    """Whether the language capitalizes every noun (German), so that capitals do not mark its names."""
    return primary(tag) in _CAPITALIZED_NOUNS


@lru_cache(maxsize=32)
def abbreviations(tag: str) -> frozenset[str]:
    """The words a full stop follows inside a sentence in the language (its pack's `abbreviations`:
    fr `ex` of `p. ex.`, es `ej`, de `bzw`; for a language without a pack, its commonest ones above),
    lowercased. T108 reads no sentence end after one, P104 no stacked mark in `pvz.,`."""
    listed = frozenset(w.lower() for w in (pack(tag) or {}).get("abbreviations") or ())
    return listed | _ABBREVIATIONS_WITHOUT_PACK.get(primary(tag), frozenset())


# Languages without a pack that write an ordinal number with a full stop, a Roman numeral's too, so that
# a lower-case word may follow it inside a sentence: Czech and Slovak (`Karel IV. byl`), Hungarian (`a XX.
# században`), Croatian, Bosnian, Serbian and Slovene (`Karlo IV. je`), Turkish (`XX. yüzyıl`), each by its
# orthography's rule on ordinal numbers (Pravidla českého pravopisu, Osiris helyesírás, Hrvatski pravopis,
# TDK Yazım Kılavuzu). A pack says so with `ordinal-full-stop: true`.
_ORDINAL_FULL_STOP_WITHOUT_PACK = frozenset({"cs", "sk", "hu", "hr", "bs", "sr", "sl", "tr"})


def writes_ordinal_full_stop(tag: str) -> bool:
    """Whether the language marks an ordinal number with a full stop (de `Heinrich VIII. war`, `der 3.
    Oktober`): there, a full stop after a number is no sentence end."""
    return bool((pack(tag) or {}).get("ordinal-full-stop")) or primary(tag) in _ORDINAL_FULL_STOP_WITHOUT_PACK


@lru_cache(maxsize=32)
def _own_words(tag: str) -> frozenset[str]:
    conventions = pack(tag) or {}
    return frozenset((conventions.get("common-words") or []) + (conventions.get("function-words") or []))


def own_words(language: str) -> frozenset[str]:
    """``language``'s common and function words (`le`, `des`, `pour`…), lowercased; none without a pack."""
    return _own_words(normalize(language))


def has_own_words(text: str, language: str) -> bool:
    """Whether ``text`` holds one of ``language``'s common or function words (`le`, `des`, `pour`…): a
    quoted title or program string without any (“Hello, world!”, “Null References: The Billion Dollar
    Mistake”) is not written in the page's language, however short it is."""
    own = _own_words(normalize(language))
    return not own or any(w in own for w in _WORDS.findall(text.lower()))


def own_words_count(text: str, language: str, other: str) -> int:
    """How many different common or function words of ``language`` that ``other`` does not share
    stand in ``text``: two (`di`, `con`) say a sentence is ``language``'s, whatever CLD2 makes of its
    technical nouns (`In scenari di stress test, Vue supera React e Angular con un margine…`, English
    to CLD2, with or without the hint)."""
    own = _own_words(normalize(language)) - _own_words(normalize(other))
    return len(own.intersection(_WORDS.findall(text.lower())))

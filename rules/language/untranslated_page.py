"""L108 untranslated-page: a page declared in one language (its folder, the config, its own metadata)
whose prose is all in another: a page copied into a translation's tree and never translated."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from lint.language import (
    CJK_LETTERS,
    declared_language,
    identify,
    is_module_code,
    own_words,
    own_words_count,
    path_tags,
    primary,
)
from lint.model import Document, Finding, Segment, Severity
from lint.options import RuleOptions, option
from lint.patterns import compiled_on_use
from lint.rule import Example, Rule

from .other_language_sentence import NAMES

# A common word: a lower-case run of letters (names, code and numbers are not prose words).
_WORD = compiled_on_use(r"(?<![\w.\-/@#$])[a-zà-öø-ÿœß\u0400-\u04ff]{2,}(?![\w/@(])")
_CJK = compiled_on_use(f"[{CJK_LETTERS}]")
_NON_SPACE = compiled_on_use(r"\S")
# Kinds that are someone else's words (a quotation), code, or a translation unit (family B compares
# those against their source).
_SKIPPED_KINDS = frozenset({"blockquote", "code", "msgstr", "target", "string"})
# Languages CLD2 confuses on a page of technical prose: a page "in" a sibling of its folder's is not
# reported.
_SIBLINGS = [{"no", "nb", "nn", "da"}, {"hr", "sr", "bs"}, {"ms", "id"}, {"es", "gl", "ca", "pt"},
             {"zh", "ja", "zh-Hant"}, {"cs", "sk"}, {"ru", "uk", "be", "bg"}]
# Region codes a folder is named by as often as a language (`uk/` for the United Kingdom, `ca/` for
# Canada): under one, an English page is no evidence of anything.
_REGIONS = frozenset({"uk", "ca", "us", "eu", "in"})
# How much of the page is read: its first sentences, as detection reads (a page is in one language).
_READ_CHARS = 3_000


@dataclass(frozen=True)
class _Prose:
    """The page's own prose: its segments (outside quotations, code and module statements), the text
    read for identification, its common words and the share of its non-space characters they make."""

    segments: list[Segment]
    text: str
    words: int
    word_share: float


def _own_prose(doc: Document) -> _Prose:
    segments = [seg for seg in doc.segments
                if seg.kind not in _SKIPPED_KINDS and not is_module_code(seg.text) and seg.text.strip()]
    read: list[str] = []
    size = 0
    for seg in segments:
        if size >= _READ_CHARS:
            break
        read.append(seg.text)
        size += len(seg.text)
    text = "\n".join(read)
    words = len(_WORD.findall(text)) + len(_CJK.findall(text)) // 2
    letters = sum(len(m) for m in _WORD.findall(text)) + len(_CJK.findall(text)) * 3
    return _Prose(segments, text, words, letters / (len(_NON_SPACE.findall(text)) or 1))


def _siblings(a: str, b: str) -> bool:
    return a == b or primary(a) == primary(b) or any(a in g and b in g for g in _SIBLINGS)


class UntranslatedPage(Rule):
    code = "L108"
    slug = "untranslated-page"
    summary = "A page declared in one language (its folder, the config, its metadata) written wholly in another"
    rationale = """
**What it does.** Where a page's language is declared — a folder or file-name part that is a language
tag (`docs/fr/…`, `src/content/docs/zh-cn/…`, `index.fr.md`), the config's `languages` (glob → tag),
an inline `copylint-language` switch or the file's own metadata (front matter `lang`, PO `Language:`) —
and its own prose (outside quotations and code; the first 3,000 characters, as detection reads)
is identified by CLD2 as another language with at least `confidence` percent, reliably, with no more
of the declared language's small words than the other's (for Chinese, Japanese, Korean, Russian…: few
letters in its script), reports the page once, at its first line of prose.

**Why is this bad?** A page copied into a translation's folder and never translated is served to the
readers of that language as if it were theirs; no sentence-level check sees it, since the whole page is
consistently in one language (detection reads a folder's page as what it is and checks it as English).

Not reported: pages with fewer than `min-words` common words (lower-case words; names and code do not
count), pages whose prose is mostly code, commands and names (common words make less than half its
characters), pages declared in the `source-language` (the language the site is written in, whose pages
the others translate), languages CLD2 confuses (Spanish, Portuguese, Galician, Catalan; Chinese and
Japanese…), and folder names that are ambiguous: a word of the page's own language (`it/`, `no/`, `de/`
in a French tree), a region code (`uk/`, `ca/`, `us/`), a code of a language the messages do not name
(`ml/`, `ts/`, `os/`, `vi/` name topics as often), or a path with two language parts that disagree;
a part with a region (`zh-cn`, `pt-br`) is always a locale. Declare such a folder in the config's
`languages` to have it read.
"""
    severity = Severity.WARNING
    scope = "document"

    @dataclass(frozen=True)
    class Options(RuleOptions):
        """The rule's options (config `rules: {L108: {...}}`; see `copylint explain`)."""

        min_words: int = option(40, "the common (lower-case) words a page's prose needs to be judged", minimum=1)
        confidence: int = option(90, "the percent of the page's prose CLD2 must give the other language",
                                 minimum=0, maximum=100)
        source_language: str = option("en", "the language the site is written in: its pages are never reported")
    opts: Options

    _ENGLISH = ("Astro gives you access to environment variables through the built-in support of Vite. "
                "You can use them in the code of the server and of the client, but only the variables that "
                "start with the public prefix are sent to the browser. Read the guide to learn how to define "
                "them in a file that is loaded when the development server starts, and how to give them "
                "types so that your editor can complete their names.\n")
    _FRENCH = ("Astro vous donne accès aux variables d'environnement grâce à la prise en charge intégrée de Vite. "
               "Vous pouvez les utiliser dans le code du serveur et du client, mais seules les variables qui "
               "commencent par le préfixe public sont envoyées au navigateur. Lisez le guide pour savoir comment "
               "les définir dans un fichier chargé au démarrage du serveur de développement.\n")
    flag = (
        Example("# Variables\n\n" + _ENGLISH, path="docs/fr/guides/variables.md"),
        Example("---\ntitle: Variables\n---\n" + _ENGLISH, path="src/content/docs/zh-cn/guides/variables.mdx"),
        Example(_ENGLISH, path="i18n/ja/docusaurus-plugin-content-docs/current/variables.md"),
        Example(_ENGLISH, path="docs/variables.de.md"),
        Example("---\nlang: es\n---\n" + _ENGLISH, path="guides/variables.md"),
        Example("<!-- copylint-language: ko -->\n" + _ENGLISH, path="guides/variables.md"),
        Example(_FRENCH, path="docs/pl/variables.md", note="French in the Polish folder"),
    )
    allow = (
        Example(_ENGLISH, path="docs/en/guides/variables.md", note="the source language's own folder"),
        Example(_ENGLISH, path="docs/guides/variables.md"),
        Example(_FRENCH, path="docs/fr/guides/variables.md"),
        Example("# Variables\n\nThis page has not been translated yet. Read the English version.\n",
                path="docs/fr/guides/variables.md", note="too little prose to judge"),
        Example(_ENGLISH, path="docs/it/variables.md", note="`it` is an English word: the folder may name a topic"),
        Example(_FRENCH, path="docs/de/variables.md", note="`de` is a French word: the folder may be one"),
        Example(_ENGLISH, path="docs/uk/tax-rules.md", note="a region's folder as often as Ukrainian's"),
        Example(_ENGLISH, path="docs/ml/training.md", note="Malayalam's code, and machine learning's"),
        Example(_ENGLISH, path="docs/fr/pl/variables.md", note="two language parts that disagree"),
        Example("---\nlang: en\n---\n" + _ENGLISH, path="docs/fr/variables.md",
                note="the file says it is English: an English page kept there on purpose"),
        Example("# Commandes\n\n`npm run dev` `npm run build` `npm run preview` `astro add react` `astro check` "
                "`astro sync` `astro telemetry disable` `astro info` `astro docs` `astro preferences list`\n\n"
                "- `--root <path>`\n- `--config <path>`\n- `--site <url>`\n- `--base <pathname>`\n- `--verbose`\n"
                "- `--silent`\n- `--open`\n- `--host`\n- `--port <number>`\n",
                path="docs/fr/reference/cli.md", note="commands and names, no prose to speak of"),
        Example("> " + _ENGLISH + "\nCitation du guide anglais.\n", path="docs/fr/citation.md",
                note="a quotation is in the language it quotes"),
    )

    def check_document(self, doc: Document) -> Iterable[Finding]:
        declared = declared_language(doc)
        if declared is None:
            return
        tag, how = declared
        source = primary(self.opts.source_language)
        if primary(tag) == source:
            return
        prose = _own_prose(doc)
        if prose.words < self.opts.min_words or prose.word_share < 0.5:
            return  # too little prose, or mostly code, commands and names
        found = identify(prose.text)
        other = found.language
        if (not found.reliable or found.percent < self.opts.confidence or other not in NAMES
                or _siblings(other, tag)):
            return
        if how == "folder" and _ambiguous_folder(doc.source.path, other):
            return
        if own_words_count(prose.text, tag, other) * 2 > max(own_words_count(prose.text, other, tag), 1):
            return  # the declared language's small words are there: a page partly translated, L101's to judge
        if _share_in_declared(prose.segments, tag) >= 0.1:
            return
        first = next((seg for seg in prose.segments if seg.kind != "heading"), prose.segments[0])
        line_end = first.text.find("\n")
        end = len(first.text.rstrip()) if line_end < 0 else len(first.text[:line_end].rstrip())
        declared_by = {"folder": f"its folder or file name says {NAMES.get(tag, tag)}",
                       "path": "the config's `languages` says " + NAMES.get(tag, tag),
                       "file": "its metadata says " + NAMES.get(tag, tag),
                       "inline": "its `copylint-language` switch says " + NAMES.get(tag, tag)}[how]
        yield self.finding(first, 0, max(end, 1),
                           f"Page is in {NAMES[other]}, but {declared_by} (CLD2: {found.percent} % "
                           f"{NAMES[other]} over {prose.words} words of its prose): left untranslated?")


def _ambiguous_folder(path: str, other: str) -> bool:
    """Whether the path's language part may be something else: two parts that disagree
    (`docs/fr/de/…`), a code of a language copylint does not name (`ml/`, `ts/`, `os/`, `vi/` are
    abbreviations as often), a word of the page's own language (`it/` in an English tree, `de/` in a
    French one) or a region's code. A part with a region (`zh-cn`, `pt-br`) names a locale."""
    tags = path_tags(path)
    part = tags[-1]
    if len(set(tags)) > 1:
        return True
    if "-" in part or "_" in part:
        return False  # nobody names a topic so
    return (part not in NAMES or part in _REGIONS or part in own_words(other)
            or part in _WORDS_OF.get(primary(other), ()))


# Two-letter words the packs' lists of small words leave out, common enough to name a folder.
_WORDS_OF: dict[str, frozenset[str]] = {
    "en": frozenset({"it", "is", "no", "to", "so", "my", "be", "me", "he", "am", "an", "as", "at", "by", "do",
                     "go", "hi", "if", "in", "of", "on", "or", "up", "us", "we"}),
}


def _share_in_declared(segments: list[Segment], tag: str) -> float:
    """The share of the prose's sentences (of six words or more) CLD2 gives the declared language, each
    read alone: a page partly translated is L101's, sentence by sentence."""
    sentences = [seg.text for seg in segments if len(seg.text) >= 30 and seg.text.count(" ") >= 5][:40]
    if not sentences:
        return 0.0
    return sum(primary(identify(s).language) == primary(tag) for s in sentences) / len(sentences)

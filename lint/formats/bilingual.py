"""What the bilingual rules (family B) compare: a translation and its source, both as written.

A translation segment's text hides its placeholders, escapes and inline codes behind opaque
characters; the B rules need the strings themselves, so `pair` returns the decoded source and the
decoded translation of a segment (PO: `msgid` and `msgstr`; XLIFF: `<source>` and `<target>`, inline
codes written canonically with their id, `<ph id="1"/>`, `<pc id="1">…</pc>`, see
`lint.formats.xliff`; i18n JSON and YAML: the source catalogue's string under the same key and the
string, both decoded, see `lint.formats.source_catalogue`), or None when the segment has no source or is empty. Every B rule reads its
strings through `pair`, so each works on every bilingual format.

The extractors below take numbers, URLs, e-mail addresses and markup tags out of a string, each after
removing the placeholders (`%1$s`, `{0}`) so that a placeholder's digits are not read as numbers.
"""

from __future__ import annotations

import re
from collections import Counter

from lint.formats.builder import TEMPLATE_PLACEHOLDER, email_match
from lint.model import Document, Segment
from lint.patterns import compiled_on_use

# An e-mail address, `\b[\w.+-]+` and this, read from its `@` (``_email_spans``).
_EMAIL_AT = compiled_on_use(r"(?<=[\w.+-])@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}\b")
_URL = compiled_on_use(r"\b(?:https?://|ftp://|www\.)[^\s<>\"'`]*[^\s<>\"'`.,;:!?)\]}»”’]")
_TAG = compiled_on_use(r"</?([A-Za-z][\w:-]*)(?:\s[^<>]*)?/?>")
# A number with its group and decimal separators (1,000  1 000  1.000,5  3.14); the key drops them, so
# `1,000` and `1 000` (a French translation's grouping) compare equal.
# A multiplier's `x` may follow it (`1.4x faster`).
# (Not the whole part of a number whose fraction is glued to a Latin word: `3.8KiB` is no 3.)
# Japanese and Chinese set no space between a number and the word beside it (`1000バイト`, `2021年`,
# `約1,000個`): kana or a Han character on either side leaves it a number. (Not Hangul: Korean spaces its
# words, and a number glued to a syllable is its counter or particle's, `3개`, `3.8에서`, often for a
# number the source spells out; python-docs-ko's dev half gains nothing from reading them.)
_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff"
_NUMBER = compiled_on_use(r"(?<![^\W" + _CJK + r"])(?<![.,])\d+(?:[,.\u00a0\u202f ]\d{3}(?!\d))*(?:[.,]\d+)?"
                          r"(?![^\Wx" + _CJK + r"]|x\w)(?![.,]\d+[^\W\d_])")
_SEPARATORS = compiled_on_use(r"[.,\u00a0\u202f ]")
_ABBR_EXPANSION = compiled_on_use(r"\s*\(.*\)$", re.S)
_XLIFF_CODES = frozenset({"x", "bx", "ex", "ph", "bpt", "ept", "it", "sc", "ec", "g", "pc"})
_ID = compiled_on_use(r'\sid="([^"]*)"')


def pair(seg: Segment, doc: Document, code: bool = False) -> tuple[str, str] | None:
    """(source, translation) of a bilingual segment, decoded, or None (no source, or a source that is a
    key such as GNOME's `translator-credits`). A reST catalogue's literal block (code and its output,
    memo `po-literal-blocks`) is paired only for the rules that compare code (``code``: B103, a doctest's
    output); the others (a copy, an end's mark, placeholders a translator renames with the code's
    names) ask nothing of it."""
    if not seg.source_text or not seg.text:
        return None
    if not code and seg.index in doc.memo.get("po-literal-blocks", ()):
        return None
    # Eight B rules ask for each segment's pair: read it once per document (the memo lives and dies with
    # the Document it is derived from).
    memo: dict[tuple[int, int], tuple[str, str] | None] = doc.memo.setdefault("bilingual-pairs", {})
    key = (seg.index, seg.anchors[0][1])
    if key not in memo:
        memo[key] = _pair(seg, doc)
    return memo[key]


def stands_as_token(token: str, text: str) -> bool:
    """Whether ``text`` writes ``token`` whole, between white space or the text's ends (`Cc:` in `kepala
    Cc:`, not in `ACc:`): where the translation and its source each write a name, a literal, a mark's word."""
    return re.search(r"(?<!\S)" + re.escape(token) + r"(?!\S)", text) is not None


def translations_write_whole(doc: Document, word: str) -> bool:
    """Whether a translation of the catalogue writes ``word`` as a word of its own, with no full stop after it
    (es `Muy bien` beside `Muy bien., continuar`): a whole word of the language, not an abbreviation a
    translator shortened with a stop (transmission's lt `ats.`, af `asb.`, ca `Pet.`, never written out so)."""
    return translations_hold(doc, re.compile(r"(?<![\w.])" + re.escape(word) + r"(?![\w.])", re.IGNORECASE))


def translations_hold(doc: Document, pattern: re.Pattern[str]) -> bool:
    """Whether a translation of the catalogue (a segment paired with its source) holds ``pattern``."""
    return any(s.source_text is not None and pattern.search(s.text) is not None for s in doc.segments)


def copied(seg: Segment, doc: Document) -> bool:
    """The translation is its source, decoded the same way: a copy, in the source's language."""
    both = pair(seg, doc)
    return both is not None and both[0] == both[1]


# msgids that are keys, not text: the translator's own credits (GNOME, KDE), never a translation of them.
_KEYS = frozenset({"translator-credits", "translator_credits", "TRANSLATOR-CREDITS", "Your names", "Your emails"})


def _pair(seg: Segment, doc: Document) -> tuple[str, str] | None:
    source = seg.source_text or ""
    if source in _KEYS:
        return None
    from lint.formats import FORMATS

    fmt = FORMATS.get(doc.format)
    if fmt is not None and fmt.pair is not None:  # a bilingual format decodes its own strings
        return fmt.pair(seg, doc)
    return source, seg.text  # another format's segment with a source: its text as shown


# GNU gettext's ISO C 99 <inttypes.h> directives (`%<PRIuMAX>`, `%1$<PRId64>`, `%08<PRIx64>`): a conversion
# whose type the macro names (u, d, x…) and its width (MAX, 64…), with printf's flags, width and precision
# before it. msgfmt reads them, and so does git's po/. Not read as numbers (`08`) or as a tag.
INTTYPES = compiled_on_use(r"%(?:(\d+)\$)?([-+0#]*\d*(?:\.\d+)?<PRI[diouxX](?:MAX|PTR|(?:LEAST|FAST)?(?:8|16|32|64))>)")


def _plain(text: str) -> str:
    if "<PRI" in text:
        text = INTTYPES.sub(" ", text)
    return TEMPLATE_PLACEHOLDER.sub(" ", text)


def urls(text: str) -> list[str]:
    return _URL.findall(_plain(text))


def emails(text: str) -> Counter[str]:
    rest = _URL.sub(" ", _plain(text))
    return Counter(rest[start:end].lower() for start, end in _email_spans(rest))


def _email_spans(text: str) -> list[tuple[int, int]]:
    """Where the e-mail addresses of ``text`` are, as ``finditer`` finds them for the whole pattern, which
    read a run of name characters to its end from each of its offsets (a hang on 80 KB of `a.`)."""
    spans: list[tuple[int, int]] = []
    pos = 0
    if "@" not in text:
        return spans
    while (found := email_match(text, pos, len(text), _EMAIL_AT)) is not None:
        spans.append(found)
        pos = found[1]
    return spans


def _without_emails(text: str) -> str:
    """``text`` with each e-mail address replaced by a space."""
    parts: list[str] = []
    pos = 0
    for start, end in _email_spans(text):
        parts.append(text[pos:start])
        parts.append(" ")
        pos = end
    parts.append(text[pos:])
    return "".join(parts)


def tags(text: str) -> Counter[str]:
    """Tags by name and kind: `<a href=...>` is `<a>`, attributes (a translated title) may differ. An
    XLIFF inline code keeps its id (`<ph id="1"/>`): the id ties it to the source's code."""
    out: Counter[str] = Counter()
    for m in _TAG.finditer(_plain(text)):
        tag, name = m.group(), m.group(1).lower()
        closing = tag.startswith("</")
        ident = _ID.search(tag) if name in _XLIFF_CODES and not closing else None
        out[("</" if closing else "<") + name + (f' id="{ident.group(1)}"' if ident else "")
            + ("/>" if tag.endswith("/>") else ">")] += 1
    return out


_XLIFF_12 = (
    '<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2"><file source-language="en" '
    'target-language="fr" datatype="plaintext" original="app"><body>'
    '<trans-unit id="1"{unit}><source>{source}</source><target{target_attrs}>{target}</target></trans-unit>'
    "</body></file></xliff>\n"
)
_XLIFF_20 = (
    '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="fr">'
    '<file id="f"><unit id="u1"{unit}><segment{segment}><source>{source}</source><target>{target}</target>'
    "</segment></unit></file></xliff>\n"
)


def xliff_example(source: str, target: str, version: str = "2.0", unit: str = "", state: str = "") -> str:
    """A one-unit XLIFF document for a rule's examples: ``source`` and ``target`` are XML content,
    ``unit`` extra attributes of the unit (` translate="no"`), ``state`` the target's (1.2) or the
    segment's (2.0) state."""
    attrs = f' state="{state}"' if state else ""
    if version.startswith("1"):
        return _XLIFF_12.format(unit=unit, source=source, target=target, target_attrs=attrs)
    return _XLIFF_20.format(unit=unit, segment=attrs, source=source, target=target)


def _numbers_written(text: str) -> tuple[str, list[tuple[str, re.Match[str]]]]:
    """``text`` with its placeholders, URLs, e-mail addresses and tags blanked, and each number of it
    with its key: its digits in ASCII, separators dropped (`١٨٠` and `১৮০` are 180: a translation may
    write its language's digits)."""
    rest = _TAG.sub(" ", _without_emails(_URL.sub(" ", _plain(text))))
    return rest, [(_ascii_digits(_SEPARATORS.sub("", m.group())), m) for m in _NUMBER.finditer(rest)]


def numbers(text: str) -> Counter[str]:
    """Numbers outside placeholders, URLs, e-mail addresses and tags, keyed by their digits, in ASCII."""
    return Counter(key for key, _ in _numbers_written(text)[1])


def number_places(text: str) -> tuple[str, list[tuple[str, int]]]:
    """``text`` blanked as ``numbers`` reads it (placeholders, URLs, e-mail addresses and tags), and each of
    its numbers, keyed as ``numbers`` keys it, with where it starts in that blanked text."""
    rest, found = _numbers_written(text)
    return rest, [(key, m.start()) for key, m in found]


def number_parts(text: str) -> dict[str, list[str]]:
    """Each number of ``text`` (as ``numbers`` keys it) with the numbers its separators may part
    (`[-1,1]` holds 1 and 1 where `1,1` would be eleven tenths)."""
    return {key: [_ascii_digits(p) for p in _SEPARATORS.split(m.group()) if p] for key, m in _numbers_written(text)[1]}


def number_contexts(text: str) -> dict[str, list[str]]:
    """Each number of ``text`` (as ``numbers`` keys it) with the text before each place it is written
    (up to 40 characters, placeholders, URLs, e-mail addresses and tags blanked as ``numbers`` does)."""
    rest, found = _numbers_written(text)
    out: dict[str, list[str]] = {}
    for key, m in found:
        out.setdefault(key, []).append(rest[max(0, m.start() - 40) : m.start()])
    return out


def _ascii_digits(digits: str) -> str:
    if digits.isascii():
        return digits
    import unicodedata

    return "".join(str(unicodedata.decimal(c, c)) for c in digits)


def locate(seg: Segment, needle: str) -> tuple[int, int]:
    """Where ``needle`` stands in the segment's text, or the whole segment."""
    at = seg.text.find(needle)
    return (at, at + len(needle)) if at >= 0 and needle else (0, len(seg.text))


def translator_note(seg: Segment, doc: Document) -> str:
    """What the entry's notes tell its translators: a PO entry's extracted comments (`#.`, the program's
    `TRANSLATORS:` comments), joined; empty where it has none."""
    return str(doc.memo.get("po-notes", {}).get(seg.index, ""))


# A note that leaves the string's layout to the translator (git's `you can adjust this to align "git add
# -i" status menu` over `%12s %12s %s`): its conversions' widths are the translator's to set.
# Not a note that only speaks of a width (`%d is the width of the image`), nor one that forbids the change
# (`do not change the widths`, `keep the padding`).
_LAYOUT_NOTE = compiled_on_use(r"(?i)\b(?:adjust(?:s|ed|ing)?|align(?:s|ed|ing|ment)?|pad(?:s|ded|ding)?)\b")
_FIXED_NOTE = compiled_on_use(r"(?i)(?:\b(?:not|never|keep|preserve|unchanged)\b|n't\b)")
# A note that says the string sizes a display width (git's `This string is used to tell us the maximum
# display width for a relative timestamp … "4 years, 11 months ago" … is the longest among various forms`):
# the string is a sample, and a translation writes its own language's longest form, numbers and all.
# Both: the longest form, and a display's width it sizes (`80 is the maximum width of a line` is a limit the
# message states, `the longest name allowed is 32` too).
_SAMPLE_NOTE = compiled_on_use(r"(?i)\b(?:longest|widest)\b")
_DISPLAY_NOTE = compiled_on_use(r"(?i)\b(?:display\s+(?:width|columns)|(?:maximum|max)\s+width)\b")


def note_leaves_widths(seg: Segment, doc: Document) -> bool:
    """Whether the entry's note lets the translator adjust the string's widths or alignment."""
    note = translator_note(seg, doc)
    return _LAYOUT_NOTE.search(note) is not None and _FIXED_NOTE.search(note) is None


def note_says_sample(seg: Segment, doc: Document) -> bool:
    """Whether the entry's note says the string is a sample that sizes a display width (the longest form
    of a message), not a message the program shows."""
    note = translator_note(seg, doc)
    return _SAMPLE_NOTE.search(note) is not None and _DISPLAY_NOTE.search(note) is not None


def markup_of(doc: Document) -> str:
    """The markup the document's strings are written in (the reader's `markup` option, `auto` decided)."""
    return str(doc.memo.get("markup", "none"))


def singular(seg: Segment, doc: Document) -> str | None:
    """A PO plural form's singular msgid (its ``source_text`` is msgid_plural), or None."""
    found: str | None = doc.memo.get("po-singular", {}).get(seg.index)
    return found


_ICU = compiled_on_use(r"\{\s*([A-Za-z_]\w*)\s*,\s*(plural|selectordinal|select|number|date|time|duration|spellout)\b")
# A path part or a host label that names a language (`/en/`, `/fr-FR/`, `en.wikipedia.org`): localized
# pages differ by it alone.
_LANGUAGE_PART = compiled_on_use(r"(?<=[/.])(?:[a-z]{2}(?:[-_][a-zA-Z]{2,4})?)(?=[/.]|$)|(?<=//)[a-z]{2}(?:[-_][a-zA-Z]{2})?(?=\.)")


def in_language(url: str, language: str) -> bool:
    """Whether a URL names a page in ``language`` by its host's first label or a path segment
    (`https://fr.wikipedia.org/wiki/…`, `https://example.com/fr/aide`, `…/fr-FR/…`): a translator who
    links the reader's language's page in place of the source's picks it on purpose."""
    lang = language.split("-")[0].split("_")[0].lower()
    if len(lang) != 2 or lang == "en" or "://" not in url:
        return False
    host, _, path = url.partition("://")[2].partition("/")
    labels = [host.lower().split(".")[0]] if host.count(".") >= 2 else []
    segments = [p.lower() for p in path.split("/")[:-1]]
    return any(part == lang or part.startswith((lang + "-", lang + "_")) for part in labels + segments)


def same_target(source: str, translation: str) -> bool:
    """Whether a translation's link target is its source's: the same once `http` is `https` and a
    trailing slash dropped; a language code in the path may differ (`/en/` → `/fr/`); a page of a site
    whose host names the language (`en.wikipedia.org` → `fr.wikipedia.org`) may have its own path there,
    the localized page's."""
    a, b = (_url_key(t) for t in (source, translation))
    if a == b:
        return True
    if "://" not in a or "://" not in b:
        return False
    host_a, _, path_a = a.partition("://")[2].partition("/")
    host_b, _, path_b = b.partition("://")[2].partition("/")
    if host_a != host_b and _LANGUAGE_PART.sub("*", "//" + host_a) == _LANGUAGE_PART.sub("*", "//" + host_b):
        return True  # the localized site: its page has a localized name
    return host_a == host_b and _LANGUAGE_PART.sub("*", "/" + path_a) == _LANGUAGE_PART.sub("*", "/" + path_b)


def _url_key(target: str) -> str:
    if "://" not in target and not target.startswith("www."):
        return target
    scheme, _, rest = target.replace("http://", "https://", 1).rstrip("/").partition("://")
    host, slash, path = (rest or scheme).partition("/")
    host = host.lower().removeprefix("www.")  # a host is case-insensitive; `www.` names the same site
    return f"https://{host}{slash}{path}"


# Marks whose target must survive translation (B106); links are B109's.
_COMPARED = frozenset({"literal", "role", "substitution", "footnote", "interpreted", "code", "tag"})
_SPACES = compiled_on_use(r"\s+")
# `:samp:` and `:file:` mark their variable parts with braces (`self.visit_{classname}`): words a reader replaces, so
# a translator may translate them.
_SAMP_VARIABLE = compiled_on_use(r"\{[^{}]*\}")
# Roles of docutils and Sphinx whose content is words, not code: a glossary term (translated with the
# glossary), a definition, a GUI label, a menu path, a key's label (`Control-D` is `Ctrl-D` on a French
# keyboard, `Strg-D` on a German one), emphasis, a cited title.
_PROSE_ROLES = frozenset({"term", "dfn", "guilabel", "menuselection", "kbd", "emphasis", "strong", "title-reference",
                          "title", "t"})


def _code_key(content: str) -> str:
    """Code as compared: without its spaces (``a | b`` is ``a|b``), call parentheses, quotes around it
    or a role's `~` and `.`."""
    return _SPACES.sub("", content).lstrip("~!.").strip("'\"").removesuffix("()")


def kept_markup(text: str, markup: str) -> Counter[str]:
    """What a translation must keep of ``text``'s markup, as comparable keys: the code of inline
    literals, roles (by target, not their translated title; a glossary `:term:` is translated with the
    glossary) and interpreted text, each by its content whatever the mark (``` ``True`` ``` and
    `:const:`True`` are the same code), substitutions, footnotes, tags (HTML read as HTML: in reST,
    `<b>` is text), ICU arguments by name and type; without markup, tags as ``tags``."""
    from lint.formats.markup import marks

    out: Counter[str] = Counter(f"{{{m.group(1)}, {m.group(2)}}}" for m in _ICU.finditer(text))
    if markup in ("none", "auto"):
        out.update(tags(text))
        return out
    for mk in marks(text, markup):
        if mk.kind not in _COMPARED or (mk.kind == "role" and mk.name in _PROSE_ROLES):
            continue
        if mk.kind == "tag":
            closing = text.startswith("</", mk.start)
            out[f"<{'/' if closing else ''}{mk.name}>"] += 1
        elif mk.kind in ("literal", "role", "interpreted", "code"):
            target = _SAMP_VARIABLE.sub("{}", mk.target) if mk.name in ("samp", "file") else mk.target
            if mk.name == "abbr":
                # `:abbr:`LIFO (last-in, first-out)``: the expansion is prose. Sphinx reads it from the first
                # bracket to the closing one at the end, space before it or not (`LIFO(후입 선출법)`).
                target = _ABBR_EXPANSION.sub("", target)
            out[f"`{_code_key(target)}`"] += 1
        else:
            out[text[mk.start : mk.end]] += 1
    return out


def code_counts(doc: Document, markup: str) -> Counter[str]:
    """In how many msgids (sources) of the document each piece of code (``kept_markup``'s keys) stands."""
    found: Counter[str] | None = doc.memo.get("bilingual-code-counts")
    if found is None:
        found = Counter()
        seen: set[str] = set()
        for seg in doc.segments:
            if seg.source_text and seg.source_text not in seen:
                seen.add(seg.source_text)
                found.update(set(kept_markup(seg.source_text, markup)))
        doc.memo["bilingual-code-counts"] = found
    return found


def without_code(text: str, markup: str, cited: bool = False) -> str:
    """``text`` with the parts of its markup that are not words (literals, roles, targets, tags) as
    spaces, same length; with ``cited``, the words of a link to another site too (a cited title)."""
    from lint.formats.markup import marks

    if markup in ("none", "auto"):
        return text
    chars = list(text)
    for mk in marks(text, markup):
        keep = mk.prose if mk.prose is not None and not (cited and mk.kind == "link" and "://" in mk.target) else None
        for i in range(mk.start, mk.end):
            if keep is None or not keep[0] <= i < keep[1]:
                chars[i] = " "
    return "".join(chars)


_PROSE_WORD = compiled_on_use(r"(?<![\w./\\@$%&-])[^\W\d_]{2,}(?:['’-][^\W\d_]+)*(?![\w/\\@(]|\.\w)")


def translatable_words(text: str, markup: str) -> list[str]:
    """The words of ``text`` a translator translates: not code (literals, roles, interpreted text,
    placeholders, tags, URLs, e-mail addresses, identifiers such as `KEY_END`, `co_names`, `bash/zsh`,
    `os.path`), not names (capitalized words in a row: `Marc-André Lemburg`) or acronyms, not the
    words of a link to another site (a cited title: `PKZIP Application Note <https://…>`_)."""
    chars = TEMPLATE_PLACEHOLDER.sub(lambda m: " " * len(m.group()), text)
    rest = _TAG.sub(" ", _without_emails(_URL.sub(" ", without_code(chars, markup, cited=True))))
    words = list(_PROSE_WORD.finditer(rest))
    out: list[str] = []
    for i, m in enumerate(words):
        w = m.group()
        if w.isupper():
            continue  # an acronym or a constant
        if w[0].isupper():
            # Two capitalized words in a row are a name or a title (`Peter Moody`); one alone starts a sentence.
            near = [words[j] for j in (i - 1, i + 1) if 0 <= j < len(words)]
            if any(n.group()[0].isupper() and not rest[min(m.end(), n.end()) : max(m.start(), n.start())].strip()
                   for n in near):
                continue
        elif len(w) <= 3 and 0 < i < len(words) - 1 and words[i - 1].group()[0].isupper() \
                and words[i + 1].group()[0].isupper():
            continue  # a particle inside a name: Guido van Rossum
        out.append(w)
    return out


# A bibliographic reference: it opens with an author as surname and initials (`Kahan, W:`, `Knuth, D. E.,`)
# and gives a year (`Clarendon Press (1987)`); translations cite a publication as it was published. The
# initials are dotted or close with a colon, and a title follows, not a word of the sentence: a capital
# after a comma (`Python, C, and Java`, `Sorry, I, for one`) or initials run into prose (`Smith, J. and
# Doe, A. wrote`) open an ordinary sentence. Authors may be several (`Kernighan, B. W. and Ritchie, D. M.`).
_SURNAME = r"[A-Z][^\W\d_]+(?:[-'’][^\W\d_]+)*"
_ONE_AUTHOR = rf"{_SURNAME}, (?:(?:[A-Z]\.[- ]?){{1,3}}+[:,]?|[A-Z]{{1,3}}:)"
# Or initials first (`J. R. R. Tolkien, The Hobbit`, `D. Knuth. The Art of …`, `A. Aho, R. Sethi and J. Ullman,`):
# dotted initials, a surname, then a full stop or a comma before the title; a surname run into prose
# (`J. Smith wrote it in 2019`) opens a sentence, and so does a lettered heading (`A. Overview: The …`).
_INITIALS_FIRST = rf"(?:[A-Z]\.[- ]?){{1,3}}+{_SURNAME}"
_AUTHOR = compiled_on_use(rf"\s*+{_ONE_AUTHOR}(?:\s*+(?:and|&) {_ONE_AUTHOR})*+\s*+[\"“‘'(A-Z]")
_AUTHOR_INITIALS_FIRST = compiled_on_use(
    rf"\s*+{_INITIALS_FIRST}(?:(?:,? (?:and|&) |, ){_INITIALS_FIRST})*+[.,] [\"“‘'(A-Z]")
_YEAR = compiled_on_use(r"\b(?:1[5-9]|20)\d\d\b")
# A reference closes with its year (`Addison-Wesley (1997).`, `The Hobbit, 1937.`, `pp.3--30 1998.`); a
# sentence gives it after a word (`A. Introduction. The module was added in 2019.`): initials and a name
# open a sentence as often as a reference (a lettered heading, `E. Coli. The bacteria …`).
_CLOSING_YEAR = compiled_on_use(r"(?:^|(\S*)\s)\(?(?:1[5-9]|20)\d\d\)?[.\s]*$")


def cites_a_publication(text: str) -> bool:
    """Whether a string is a bibliographic reference (`Kahan, W: Branch cuts … (1987)`, `D. E. Knuth.
    The art of … (1997).`), which a translation copies as it was published: not left untranslated
    (B102, L101)."""
    if _AUTHOR.match(text) is not None:
        return _YEAR.search(text) is not None
    year = _CLOSING_YEAR.search(text) if _AUTHOR_INITIALS_FIRST.match(text) else None
    before = (year.group(1) or "") if year else ""
    return year is not None and not (before.isalpha() and before.islower())  # `in 2019.` ends a sentence


def reads_as_prose(text: str, markup: str) -> bool:
    """Whether ``text`` holds words to translate written as prose: two of ``translatable_words`` one
    after the other, with only a space between, or two in a sentence without brackets (`seq, [start,]
    stop`, `func, seq` are signatures)."""
    words = translatable_words(text, markup)
    if len(words) < 2:
        return False
    plain = _plain(text)
    if re.search(r"[.!?…]\s*$", plain) and not re.search(r"[\[\]()*=]", plain):
        return True  # a sentence: `Hello %(name)s, welcome!`
    return bool(re.search(r"(?<![\w(\[])(?:" + "|".join(map(re.escape, set(words))) + r")[ \u00a0]+(?:\w{1,2}['’])?(?:"
                          + "|".join(map(re.escape, set(words))) + r")(?![\w\]\[(])", text))

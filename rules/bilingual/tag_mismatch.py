"""B106 tag-mismatch: the translation's markup tags differ from the source's."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

from lint.formats.bilingual import (
    _PROSE_ROLES,
    code_counts,
    kept_markup,
    markup_of,
    pair,
    singular,
    without_code,
    xliff_example,
)
from lint.formats.builder import TEMPLATE_PLACEHOLDER
from lint.model import Document, Segment, Severity
from lint.options import RuleOptions, option
from lint.patterns import compiled_on_use
from lint.rule import Example

from ._pairwise import Difference, PairwiseRule

_PO = "messages.po"
_RST = "#: library/functions.rst:12\n"
_XLF = "app.xlf"
_ES = (_RST + 'msgid "The copied list is a new object; the original list is not changed."\n'
       'msgstr "La lista copiada es un objeto nuevo; la lista original no cambia."\n\n'
       + _RST + 'msgid "Deep copies build new objects for every element found in the original, recursively."\n'
       'msgstr "Las copias profundas construyen objetos nuevos para cada elemento encontrado en el original, '
       'recursivamente, lo que requiere más tiempo y memoria."\n\n')
_FR = (_RST + 'msgid "The copied list is a new object; the original list is not changed."\n'
       'msgstr "La liste copiée est un nouvel objet ; la liste originale ne change pas."\n\n'
       + _RST + 'msgid "Deep copies build new objects for every element found in the original, recursively."\n'
       'msgstr "Les copies profondes construisent de nouveaux objets pour chaque élément trouvé dans '
       'l\'original, récursivement, ce qui demande plus de temps et de mémoire."\n\n'
       + _RST + 'msgid "See :ref:`private-name-mangling` and :term:`name mangling`."\n'
       'msgstr "Voir :ref:`private-name-mangling` et :term:`substitution de noms <name mangling>`."\n\n'
       + _RST + 'msgid "A shallow copy shares its elements with the original list."\n'
       'msgstr "Une copie superficielle partage ses éléments avec la liste d\'origine, sans les dupliquer."\n\n')



def _similarity(a: str, b: str) -> float:
    """difflib's ratio of two names; difflib is imported here, on a bilingual file's first renamed tag,
    not by every run that loads the rule."""
    from difflib import SequenceMatcher

    return SequenceMatcher(None, a, b).ratio()

def _must_keep(key: str, added: Counter[str], doc: Document, markup: str, both: tuple[str, str],
               literals: tuple[dict[str, str], dict[str, str]], rename_examples: bool = True,
               lexicon: bool = False) -> bool:
    """Whether a source's code the translation lacks is a defect: code shaped as an API (a number, an
    option ``--mode``, a dotted, underscored or numbered name ``os.sep``, ``datetime1``, ``camelCase``);
    code the translation holds garbled (the same literal with a word nobody writes: ``naem(data)``);
    code the catalogue names in two msgids or more (an API's vocabulary: ``None``, ``sys.stdin``); code
    the translation holds misspelled (``__wrapped__`` as ``_wrapped_``). Code whose plain words the
    translation renders in its own language (``(transport, protocole)``, ``'chat'``) is an example
    localized with the text around it, as documentation translations do; code kept as words or in
    other markup (*body* for ``body``) a matter of style. ``literals``: each side's inline literals
    (``_code_of``), read once per pair; ``lexicon``: the option that asks wordfreq of words
    the catalogue never writes (``_lexicon_word``)."""
    if not key.startswith("`"):
        return True  # tags, substitutions, footnotes, ICU arguments
    if "{}" in key and any(other.replace("{}", "") == key.replace("{}", "") for other in added):
        return True  # a `:samp:` or `:file:` variable part dropped (`J{n}` as `J`): its words are the reader's
    if "<" in key and any(_unworded(other) == _unworded(key) != key and _worded(key, other, doc, markup, lexicon)
                          for other in added):
        return False  # a command's metavariable worded by the translator (`compileall <directory>` as `<dossier>`)
    if rename_examples and (_localized(key, literals, doc, markup) or _renamed_example(key, literals, doc, markup, lexicon)):
        return False
    rendering = _rendering(key, literals)
    known = _vocabularies(doc, markup).known
    if rendering is not None and len(known) >= _VOCABULARY:
        new, plain = rendering
        if not all(w.lower() in known for w in new):
            return True
        if plain:
            return False
    if re.search(r"(?<![\w.])" + re.escape(key[1:-1]) + r"(?!\w|\.\w)", without_code(both[1], markup)):
        return False  # kept as words or in other markup (*body* for ``body``): a matter of style
    if _API_SHAPED.search(key[1:-1]) or code_counts(doc, markup)[key] >= 2 or TEMPLATE_PLACEHOLDER.search(key[1:-1]):
        return True  # an API's shape, the catalogue's vocabulary, or a format's placeholder (``foo %(BAR)s``)
    return any(_similarity(key, other) >= 0.8 for other in added)


# `<directory>` in a command line: words the reader replaces.
_METAVARIABLE = compiled_on_use(r"<([^\W\d_][^\W\d]*(?:[ -][^\W\d]+)*)>")


def _worded(key: str, other: str, doc: Document, markup: str, lexicon: bool) -> bool:
    """Whether each metavariable ``other`` changed is written in words of the translation's language,
    no slip of the source's (`<dossier>` for `<directory>`, not `<unkownn>` for `<unknown>`)."""
    words = _vocabularies(doc, markup)
    pairs = zip(_METAVARIABLE.findall(key), _METAVARIABLE.findall(other), strict=False)
    changed = [(a, b) for a, b in pairs if a != b]
    return bool(changed) and all(
        _similarity(a.lower(), b.lower()) < 0.8
        and all(_target_word(_folded(w.lower()), words, doc, lexicon) or _lexicon_word(w.lower(), doc, lexicon)
                for w in _WORDS.findall(b))
        for a, b in changed)


def _unworded(code: str) -> str:
    """Code with its metavariables' words taken out (`compileall <directory>` → `compileall <>`); an
    element of HTML (`<b>`, `<span>`) is a tag, kept."""
    return _METAVARIABLE.sub(lambda m: m.group() if m.group(1).lower() in _ELEMENTS else "<>", code)
_API_SHAPED = compiled_on_use(r"^[\W\d]+$|^-{1,2}\w|^\w+[._:]\w|\w_|\d|[a-z][A-Z]")
_WORDS = compiled_on_use(r"[^\W\d_]+")
# Below this many distinct words a catalogue is too small to tell a word nobody writes from a rare one.
_VOCABULARY = 150
# Fewer words and few of the translation's own words are known: renamings are missed, not invented.
_RENAMING_VOCABULARY = 40
_CODE_KINDS = frozenset({"literal", "role", "interpreted", "code"})


def _code_of(text: str, markup: str, literals: bool = False) -> dict[str, str]:
    """The code of ``text``'s literals and roles as written, by their ``kept_markup`` key; with
    ``literals``, of its inline literals only (a role's target names an API: never a translator's)."""
    from lint.formats.markup import marks

    kinds = ("literal", "code") if literals else _CODE_KINDS
    # Sphinx's :code: role is an inline literal written as a role, and :file: one that holds a path
    # (an example's `widget.py`, which a translator may rename as the example's other names).
    return {next(iter(kept_markup(text[mk.start : mk.end], markup)), ""): mk.target
            for mk in marks(text, markup)
            if (mk.kind in kinds or (literals and mk.kind == "role" and mk.name in _LITERAL_ROLES))
            and mk.name != "term"}


_LITERAL_ROLES = frozenset({"code", "file"})


# A literal's parts: names (dotted or underscored as one: ``os.getcwd``, ``new_string``; an option with
# its dashes, ``-k``) and the rest.
_TOKENS = compiled_on_use(r"(?:(?<![\w-])-+)?\w+(?:\.\w+)*")
_PLAIN = compiled_on_use(r"[^\W\d_A-Z]+(?:_[^\W\d_A-Z]+)*")


def _rendering(key: str, literals: tuple[dict[str, str], dict[str, str]]) -> tuple[list[str], bool] | None:
    """The words a translation's literal wrote in place of a source literal's: its new literal shaped
    like the lost one (its words aside, the same punctuation; or most of it the same; or sharing a
    name), with whether all that changed are plain lowercase words, not names or API (``protocol`` →
    ``protocole``, ``path`` → ``chemin`` in ``join(os.getcwd(), path)``); None where no literal of the
    translation stands for it. ``literals``: the source's and the translation's, by key."""
    source, target = literals
    lost = source.get(key)
    if lost is None:
        return None
    shape = _WORDS.sub("w", lost)
    lost_tokens = set(_TOKENS.findall(lost))
    # The most alike first: among ``division``, ``future`` and ``generatorz``, ``generatorz`` stands
    # for a lost ``generators``.
    for other_key, other in sorted(target.items(), key=lambda kv: -_similarity(lost, kv[1])):
        tokens = _TOKENS.findall(other)
        if other_key in source or not (_WORDS.sub("w", other) == shape
                                       or _similarity(lost, other) >= 0.5
                                       or (len(lost_tokens) >= 2 and lost_tokens.intersection(tokens))):
            continue
        gone = lost_tokens - set(tokens)
        new = [w for t in tokens if t not in lost_tokens for w in _WORDS.findall(t)]
        if new:
            return new, all(_PLAIN.fullmatch(t) for t in gone)
    return None


def _stands_for(key: str, added: Counter[str], literals: tuple[dict[str, str], dict[str, str]]) -> bool:
    """Whether code the translation added stands for a source's ``key``: a literal that renders it
    (``_rendering``), or code that differs from it in its digits alone (``10`` as ``11``, :rfc:`2822`
    as :rfc:`2823`)."""
    if _rendering(key, literals) is not None:
        return True
    digits = _DIGIT_RUNS.sub("0", key)
    return digits != key and any(other != key and _DIGIT_RUNS.sub("0", other) == digits for other in added)


_DIGIT_RUNS = compiled_on_use(r"\d+")
_PARTS = compiled_on_use(r"[^\W\d_]{2,}")


def _parts(code: str) -> set[str]:
    """A piece of code's words, lowercased, split at dots, underscores and case changes are not split:
    ``foo.bar`` → foo, bar; ``new_string`` → new, string."""
    return {w.lower() for w in _PARTS.findall(code)}


@dataclass(frozen=True)
class _Renamings:
    """How a catalogue's translations rewrite its sources' inline literals: for each word of a source's
    literal, in how many entries each new word replaced it (``renamed``), in how many translations' code
    it is kept (``kept``), and the words that name an API (a role's target: :func:`time.monotonic`)."""

    renamed: dict[str, Counter[str]]
    kept: Counter[str]
    api: frozenset[str]


@dataclass(frozen=True)
class _EntryCode:
    """One catalogue entry's code: its source's role targets, and the code (literals included) of its
    source and of its translation."""

    role_targets: tuple[str, ...]
    source: tuple[str, ...]
    target: tuple[str, ...]


# Roles whose target is no API's name but a page's label, a glossary term, a document or a numbered
# reference (:ref:`private-name-mangling`, :term:`name mangling`, :pep:`8`), and roles that mark text up
# as code without naming an object (:code:`dictionary.keys()`, :samp:, :file:, :program:, :math:).
_LABEL_ROLES = frozenset({"ref", "numref", "doc", "term", "pep", "rfc", "issue", "gh", "source", "download",
                          "code", "samp", "file", "program", "command", "math"})


def _names_api(role: str) -> bool:
    """Whether a role's target names code (:func:`time.monotonic`, :c:macro:`Py_RETURN_NONE`), not a
    label or prose."""
    name = role.rsplit(":", 1)[-1]
    return name not in _LABEL_ROLES and name not in _PROSE_ROLES


def _entries_code(doc: Document, markup: str) -> list[_EntryCode]:
    """Each paired entry's code, read once per document for the questions B106 asks of the whole catalogue."""
    found: list[_EntryCode] | None = doc.memo.get("b106-entries-code")
    if found is None:
        from lint.formats.markup import marks

        found = []
        for seg in doc.segments:
            both = pair(seg, doc) if seg.source_text is not None else None
            if both is None:
                continue
            found.append(_EntryCode(tuple(mk.target for mk in marks(both[0], markup)
                                          if mk.kind == "role" and _names_api(mk.name)),
                                    tuple(_code_of(both[0], markup, literals=True).values()),
                                    tuple(_code_of(both[1], markup, literals=True).values())))
        doc.memo["b106-entries-code"] = found
    return found


def _renamings(doc: Document, markup: str) -> _Renamings:
    found: _Renamings | None = doc.memo.get("b106-renamings")
    if found is not None:
        return found
    renamed: dict[str, Counter[str]] = {}
    kept: Counter[str] = Counter()
    api: set[str] = set()
    for entry in _entries_code(doc, markup):
        api.update(w for target in entry.role_targets for w in _parts(target))
        src = set().union(*map(_parts, entry.source))
        tgt = set().union(*map(_parts, entry.target))
        kept.update(tgt)
        new = tgt - src
        for word in src - tgt:
            renamed.setdefault(word, Counter()).update(new)
    found = _Renamings(renamed, kept, frozenset(api))
    doc.memo["b106-renamings"] = found
    return found


def _localized(key: str, literals: tuple[dict[str, str], dict[str, str]], doc: Document, markup: str) -> bool:
    """Whether a lost literal is an example the catalogue's translator localizes throughout (``foo.bar``
    as ``truc.bar`` in three entries, ``Crow`` as ``Corbeau``): each of its words that the translation
    dropped is written in no translation's code of the catalogue, none names an API (a role's target),
    and each was replaced by the same word in two entries or more, a word that is not a one-letter
    slip of it (``LC_CTYPE`` as ``LC_TYPE`` twice is a typo copied, not a renaming)."""
    lost = literals[0].get(key)
    if lost is None:
        return False
    now = set().union(*map(_parts, literals[1].values())) if literals[1] else set()
    gone = _parts(lost) - now
    if not gone:
        return False
    seen = _renamings(doc, markup)
    for word in gone:
        if seen.kept[word] or word in seen.api or word.upper() in lost:
            return False
        by = seen.renamed.get(word, Counter())
        if not any(n >= 2 and _similarity(word, other) < 0.75 for other, n in by.items()
                   if other in now):
            return False
    return True


@dataclass(frozen=True)
class _Vocabularies:
    """The words a catalogue's translations write as prose and no source writes at all, in prose or
    code (``target``: the words of the translation's language, `dictionnaire`, `copiada`), and the
    words both write (``shared``: `fraction`, `source`), lowercased; and every word the catalogue
    writes, its translations' prose and its sources (``known``, lowercased, accents kept): a word a
    translation's literal holds that is none of them is no rendering but a typo or a garbled name."""

    target: frozenset[str]
    shared: frozenset[str]
    source_prose: frozenset[str]
    known: frozenset[str]


def _vocabularies(doc: Document, markup: str) -> _Vocabularies:
    found: _Vocabularies | None = doc.memo.get("b106-vocabularies")
    if found is None:
        prose: set[str] = set()
        sources: set[str] = set()
        source_prose: set[str] = set()
        literal_blocks = doc.memo.get("po-literal-blocks", ())
        for seg in doc.segments:
            if seg.source_text is None or seg.index in literal_blocks:
                continue  # a reST catalogue's literal block is code, not the catalogue's words
            prose.update(w.lower() for w in _WORDS.findall(without_code(seg.text, markup)))
            sources.update(w.lower() for w in _WORDS.findall(seg.source_text))
            source_prose.update(w.lower() for w in _WORDS.findall(without_code(seg.source_text, markup)))
        known = frozenset(prose | sources)
        prose, sources = {_folded(w) for w in prose}, {_folded(w) for w in sources}
        found = _Vocabularies(frozenset(prose - sources), frozenset(prose & sources), frozenset(source_prose), known)
        doc.memo["b106-vocabularies"] = found
    return found


def _folded(word: str) -> str:
    """A word without its accents: names in code drop them (``indice`` for `índice`, ``reponse``)."""
    if word.isascii():
        return word
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


def _target_word(word: str, words: _Vocabularies, doc: Document, lexicon: bool) -> bool | None:
    """True for a word of the translation's language (or two run together: `nommodule`, `monprojet`),
    False for one both languages write, None for a word neither writes (a typo: `enddwin`). A word the
    catalogue's prose never writes (`chien`, `latence`) is asked of wordfreq's lists with the option
    ``lexicon``: common in the translation's language and rare in English."""
    if word in words.target:
        return True
    if word in words.shared:
        return False
    known = words.target | words.shared
    halves = [(word[:i], word[i:]) for i in range(2, len(word) - 1)]
    if any(a in known and b in known and (a in words.target or b in words.target) for a, b in halves):
        return True
    return _lexicon_word(word, doc, lexicon)


# wordfreq's Zipf scale: 3 is a word met once per million words. A translation's rendered name is a
# common word of its language (`chien` 4.3, `latence` 2.6, `décorateur` 2.0); a slip or a garbled name
# (`enddwin`, `sknile`) is in no list; a word as common in English is the source's (`chat`, `date`).
_IN_LANGUAGE = 2.0
_ENGLISH_MARGIN = 1.0


def _lexicon_word(word: str, doc: Document, lexicon: bool, either: bool = False) -> bool | None:
    """With the option ``lexicon`` (it needs wordfreq, the `glue` extra): True where wordfreq says
    ``word`` is a word of the document's language and far rarer in English (with ``either``, however
    common in English: `chat` for `cat` is a word, not a slip), False where it is an English word;
    None without the option (findings never depend on what happens to be installed), for English
    catalogues, for words of three letters or fewer (codes: `ft`, `del`) and for words in neither list."""
    lang = doc.language.split("-")[0].split("_")[0].lower()
    if not lexicon or not lang or lang == "en" or len(word) < 4:
        return None
    try:
        from wordfreq import zipf_frequency
    except ImportError as exc:  # the run's setting, not the file's: one message, exit 2
        from lint.guard import StopRun

        raise StopRun("B106's option lexicon needs wordfreq: pip install 'copylint[glue]'") from exc
    try:
        there, english = zipf_frequency(word, lang), zipf_frequency(word, "en")
    except LookupError:
        return None  # a language wordfreq has no list for
    if there >= _IN_LANGUAGE and (either or english <= there - _ENGLISH_MARGIN):
        return True
    return False if english >= _IN_LANGUAGE else None


def _renamed_example(key: str, literals: tuple[dict[str, str], dict[str, str]], doc: Document, markup: str,
                     lexicon: bool) -> bool:
    """Whether a lost literal is an example whose names the translator rendered in the translation's
    language once (``copied_list = original_list[:]`` as ``lista_copiada = lista_original[:]``,
    ``dictionary.keys`` as ``dictionnaire.keys``): a literal of the translation stands for it, what it
    changed are lowercase words that name no API (no role's target, not kept as code in any
    translation) and the words it wrote instead are words of the translation's language (its prose
    writes them, no source does), or words both languages write, at least one of the first kind; a
    word neither writes is a typo (`curses.enddwin`). Capitalized names (``True``, ``SystemExit``) are
    never renamed examples."""
    lost = literals[0].get(key)
    if lost is None or lost.lstrip().startswith("-"):
        return False  # an option (`-k`, `--mode`) is the program's, whatever follows it
    words = _vocabularies(doc, markup)
    if len(words.target) + len(words.shared) < _RENAMING_VOCABULARY:
        return False
    names = _code_names(doc, markup)
    shape = _shape(lost)
    others = [c for k, c in literals[1].items() if k not in literals[0] and _similarity(shape, _shape(c)) >= 0.75]
    if not others:
        return False
    # The literal that stands for it: the most alike (``self.index`` is ``self.indice``, not ``self.datos``).
    other = max(others, key=lambda c: _similarity(lost, c))
    before, after = Counter(_NAME.findall(lost)), Counter(_NAME.findall(other))
    gone, new = before - after, after - before
    if not gone or not new or any(n != n.lower() or n in names for n in gone):
        return False
    if any(re.search(r"(?<![\w.])" + re.escape(n) + r"\.__\w+__", lost) for n in gone):
        return False  # whose special method is named (``object.__getattribute__``) is a class, an API's
    if all(_determined(g) for g in gone) and all(_determined(g, n) for g in gone for n in new):
        return True  # ``some_fraction`` as ``ma_fraction``: a name the source's own words call an example's
    # A letter English code never writes (``décorateur`` for ``wrapper``) marks the translation's word.
    kinds = [_target_word(_folded(w.lower()), words, doc, lexicon) or _lexicon_word(w.lower(), doc, lexicon)
             or not w.isascii()
             for n in new for w in _WORDS.findall(n)]
    # A word neither language writes may be the translator's coinage (``nommodule``) but not a slip
    # of the name it replaced (``enddwin`` for ``endwin``).
    slips = [n for n in new if any(_similarity(n.lower(), g.lower()) >= 0.8 for g in gone)
             and not all(_target_word(_folded(w.lower()), words, doc, lexicon)
                         or _lexicon_word(w.lower(), doc, lexicon, either=True) for w in _WORDS.findall(n))]
    # A name the sources write only as code (`foo`, `spam`: no English prose word) replaced by the
    # translator's own placeholder (`truc`, `machin`), no slip of it, is an example's name too.
    placeholders = (all(len(g) >= 3 and not words.source_prose.intersection(w.lower() for w in _WORDS.findall(g))
                        for g in gone)
                    and all(_letters_shared(n.lower(), g.lower()) < 0.5 for n in new for g in gone))
    return (any(kinds) or placeholders) and not slips


# English determiners that, first in a name, make it an example's (``my_list``, ``some_value``,
# ``the_answer``): an API names what a thing is, not whose it is.
_DETERMINERS = frozenset({"my", "some", "your", "our", "their", "the", "any", "another"})


def _determined(name: str, other: str | None = None) -> bool:
    """Whether a name's first part is an English determiner and it has another part (``my_list``);
    with ``other``, also whether ``other`` has as many parts and another first one (``ma_liste``)."""
    parts = _NAME_PART.findall(name)
    if len(parts) < 2 or parts[0].lower() not in _DETERMINERS:
        return False
    if other is None:
        return True
    others = _NAME_PART.findall(other)
    # Another word in the determiner's place, no slip of it (``ma`` for ``my``, not ``ym`` or ``somé``),
    # and no slip in the rest (``ma_liste`` for ``my_list``, not ``ma_lsit``).
    return (len(others) == len(parts) and _letters_shared(others[0].lower(), parts[0].lower()) <= 0.5
            and not any(_typed_wrong(o.lower(), p.lower()) for o, p in zip(others[1:], parts[1:], strict=True)))


def _typed_wrong(typed: str, meant: str) -> bool:
    """Whether ``typed`` is ``meant`` with two letters swapped or one replaced (``lsit``, ``lisr`` for
    ``list``): a slip of the key, where a translation changes the word's length or letters (``liste``)."""
    if typed == meant or len(typed) != len(meant):
        return False
    differ = [k for k in range(len(typed)) if typed[k] != meant[k]]
    return len(differ) == 1 or (len(differ) == 2 and sorted(typed) == sorted(meant))


def _shape(code: str) -> str:
    """A literal's shape: each name a `w`, spaces dropped (``(x,y)=something`` and
    ``(x, y) = quelque_chose`` are both `(w,w)=w`)."""
    return _NAME.sub("w", _SPACE_RUN.sub("", code))


_SPACE_RUN = compiled_on_use(r"\s+")


def _letters_shared(a: str, b: str) -> float:
    """The share of the longer name's letters the other holds too, in any order: a slip keeps most of
    them (``naem`` for ``mean``, ``pucs`` for ``pycs``), another name few (``truc`` for ``foo``)."""
    return sum((Counter(a) & Counter(b)).values()) / max(len(a), len(b), 1)


_NAME = compiled_on_use(r"[^\W\d]\w*")


def _code_names(doc: Document, markup: str) -> frozenset[str]:
    """The names (split at dots) of a catalogue's API, lowercased: its sources' role targets (`object`
    in :meth:`object.__getattribute__`) and the names its translations keep in their literals."""
    found: frozenset[str] | None = doc.memo.get("b106-code-names")
    if found is None:
        names: set[str] = set()
        kept: set[str] = set()
        for entry in _entries_code(doc, markup):
            names.update(n.lower() for target in entry.role_targets for n in _NAME.findall(target))
            source = set().union(*(_NAME.findall(c) for c in entry.source))
            kept.update(n.lower() for c in entry.target for n in _NAME.findall(c) if n in source)
        found = frozenset(names | set(kept))
        doc.memo["b106-code-names"] = found
    return found


# Elements of HTML and of the markup GTK (Pango) and Qt labels use: a tag of theirs may be left open
# (`<p>`, `<li>`, `<br>`), anything else unclosed is a metavariable.
_ELEMENTS = frozenset("""a abbr b big blockquote body br caption cite code col dd del div dl dt em embed figure font
    footer h1 h2 h3 h4 h5 h6 head header hr html i img input ins kbd label li link main markup meta nav ol option p
    param pre q s samp section small source span strong sub sup table tbody td th thead title tr tt u ul var wbr
    area base track""".split())


# The elements HTML lets stand without a closing tag (void ones, and those whose end tag is optional): an
# unclosed one is a tag wherever it stands. An unclosed `<title>` or `<b>` in a string that closes no
# tag at all is a word in angle brackets (`TRAY -b <title> <text>` in a program's usage line).
_LEFT_OPEN = frozenset("""area base br col embed hr img input link meta param source track wbr
    li dt dd p tr td th tbody thead tfoot option html head body caption colgroup""".split())
# Of those, the ones a program's usage line names as arguments (`git cherry [<upstream> [<head>]]`,
# `git mv <source> <destination>`, `<n>[,<base>]`), which HTML sets only in a page's head or inside a media
# element, never in an interface string's text: beside a word in angle brackets that names no element,
# in a string that closes no tag, each is a metavariable as `<title>` is (`[<head>]` as `[<헤드>]`).
_ARGUMENT_NAMES = frozenset({"base", "head", "source"})

_DOTTED = compiled_on_use(r"`[A-Za-z_][\w.]*`")


def _qualified(key: str, added: Counter[str]) -> bool:
    """Whether a lost name is the same object as a name the translation added, written with more or
    fewer of its qualifiers (:class:`SubprocessProtocol` as :class:`asyncio.SubprocessProtocol`): a
    role finds it either way."""
    if not _DOTTED.fullmatch(key):
        return False
    name = key[1:-1]
    return any(_DOTTED.fullmatch(other) and (other[1:-1].endswith("." + name) or name.endswith("." + other[1:-1]))
               for other in added)


# A name in capitals with its number (`KEY1`, `NAME`, `P`): a grammar's or a pattern's metavariable.
_CAPITALS = compiled_on_use(r"(?<![\w])([^\W\d_]+)(\d*)(?![\w])")


def _capitals_shape(code: str) -> tuple[str, list[tuple[str, str]]]:
    """A literal with each name in capitals replaced by its number alone (``{KEY1: P1}`` → `{1: 1}`,
    spaces dropped), and those names with their numbers, in order."""
    names: list[tuple[str, str]] = []

    def blank(m: re.Match[str]) -> str:
        if not m.group(1).isupper():
            return m.group()
        names.append((m.group(1), m.group(2)))
        return "\0" + m.group(2)

    return _SPACE_RUN.sub("", _CAPITALS.sub(blank, code)), names


def _metavariables_renamed(literals: tuple[dict[str, str], dict[str, str]], added_keys: Counter[str],
                           doc: Document, markup: str, lexicon: bool) -> set[str]:
    """The source's literals (by key) whose names in capitals the translation renamed into its own
    language, the same way in every literal of the entry (``{KEY1: P1}`` as ``{CLÉ1: M1}`` beside
    ``<subject>[KEY1]`` as ``<subject>[CLÉ1]``): a grammar's metavariables, which documentation
    translators word (`NAME` as `NOM`). Each renamed literal must keep its shape and numbers, no
    renamed name may be kept elsewhere in the translation's code, and one new name at least must be a
    word of the translation's language, and two names at least are renamed or one is written twice
    in the translation's code (``SEP.RULE+`` for ``RULE (SEP RULE)*`` as ``SEP.REGLE+``, ``REGLE (SEP
    REGLE)*``); a constant or a key changed once (``SIGINT`` as ``SIGTERM``, ``'PATH'`` as ``'RUTA'``)
    is none. ``added_keys``: the code the translation adds, with how often it writes it."""
    source, target = literals
    # Each literal's shape as written and as its key (a key stands for every literal it normalizes:
    # ``!REGLE`` and ``REGLE`` are one key, one code kept).
    added = [_capitals_shape(v) for k, c in target.items() if k not in source for v in (c, k[1:-1])]
    if not added:
        return set()
    mapping: dict[str, str] = {}
    explained: set[str] = set()
    for key, code in source.items():
        if key in target:
            continue
        shape, names = _capitals_shape(code)
        if not names:
            continue
        shapes = {shape, _capitals_shape(key[1:-1])[0]}
        for other_shape, other_names in added:
            if other_shape not in shapes or len(other_names) != len(names):
                continue
            pairs = [(a, b) for (a, _), (b, _) in zip(names, other_names, strict=True) if a != b]
            if pairs and all(mapping.setdefault(a, b) == b for a, b in pairs):
                explained.add(key)
                break
        else:
            return set()  # a literal with capitals changed otherwise: not one consistent renaming
    if not explained or len(set(mapping.values())) != len(mapping):
        return set()
    if len(mapping) < 2 and sum(count for key, count in added_keys.items()
                                for n, _ in _capitals_shape(key)[1] if n in mapping.values()) < 2:
        return set()  # one name renamed once is a constant's or a key's (``'PATH'`` as ``'RUTA'``)
    kept = {n for code in target.values() for n, _ in _capitals_shape(code)[1]}
    if kept.intersection(mapping):
        return set()
    if all(len(old) == 1 and len(new) == 1 for old, new in mapping.items()):
        return explained  # a pattern's one-letter metavariables (``P1 | P2`` as ``M1 | M2``) name no constant
    words = _vocabularies(doc, markup)
    if not any(not new.isascii() or _target_word(_folded(new.lower()), words, doc, lexicon)
               or _lexicon_word(new.lower(), doc, lexicon) for new in mapping.values() if len(new) >= 3):
        return set()
    return explained


def _in_words(key: str, literals: tuple[dict[str, str], dict[str, str]], added: Counter[str],
              both: tuple[str, str], markup: str) -> bool:
    """Whether a lost literal is one name (``True``, ``sys.stdin``) that a translation adding no code of
    its own wrote as words (``True`` as *vrai*, ``sys.stdin`` as *l'entrée standard*); not where the
    translation quotes more words than the source does, its emphasis set as quotes aside."""
    code = literals[0].get(key)
    if code is None or _ONE_NAME.fullmatch(code.strip()) is None or any(k.startswith("`") for k in added):
        return False
    # Quoted words in the literal's stead (``static`` as « statiques », ``None`` as ''Ninguno''): the
    # literal translated and its markup replaced, which renders wrong; words unquoted read as prose.
    return not _quotes_added(_QUOTED, both, markup)


def _quotes_added(quoted: re.Pattern[str], both: tuple[str, str], markup: str) -> bool:
    """Whether the translation's prose quotes more (``quoted``) than its source's, beyond the emphasis it
    set as quotes (*cooked* as « cuit » explains one)."""
    added = len(quoted.findall(without_code(both[1], markup))) - len(quoted.findall(without_code(both[0], markup)))
    return added > max(0, len(_EMPHASIS.findall(both[0])) - len(_EMPHASIS.findall(both[1])))


def _dropped(key: str, literals: tuple[dict[str, str], dict[str, str]], added: Counter[str],
             both: tuple[str, str], markup: str) -> bool:
    """Whether a lost literal was left out of a rephrasing, leaving no trace (``connect()`` as *se
    connecte*, ``sys.exit(main())`` as *la pratique recommandée*): the translation adds no code of its
    own, quotes no more words than the source, and writes no slip of the literal's names in its prose
    (``decorator_list`` as *decorators_list* is code garbled, reported). Nothing renders wrong: whether
    the sentence lost a fact is an omission's question, not markup's."""
    code = literals[0].get(key)
    if code is None or any(k.startswith("`") for k in added):
        return False
    if _quotes_added(_QUOTED_CODE, both, markup):
        return False  # the literal quoted in its stead (``None`` as ''Ninguno'', ``**`` as '**')
    if len(code.strip()) >= 2 and code.strip() in _LITERAL_SPAN.sub(" ", both[1]):
        return False  # its text kept without its markup (``2**15`` as 2**15, which reST reads as strong)
    names = [n for n in _NAME.findall(code) if _API_SHAPED.search(n)]
    written = _NAME.findall(without_code(both[1], markup))
    return not any(_similarity(n.lower(), w.lower()) >= 0.8 for n in names for w in written)


# Anything short in quotes, straight, doubled or typographic: "host:puerto", '**', « serveur ».
_QUOTED_CODE = compiled_on_use(r"(?<!\w)(?:''|[«\"“‘'])[^«»\"“”‘’'\n]{1,40}?(?:''|[»\"”’'])(?!\w)")
_LITERAL_SPAN = compiled_on_use(r"``.+?``")


def _regrouped(key: str, literals: tuple[dict[str, str], dict[str, str]], prose: str) -> bool:
    """Whether a lost literal is part of a literal the translation added, or holds one whole, at the
    boundaries of its names: the translation regrouped the source's code (``Counter(a=3, b=0)`` within
    ``Counter(a=3) != Counter(a=3, b=0)``; ``mode='func_type'`` as ``'func_type'`` beside *mode*). What
    the longer one holds beyond the other is names, no placeholder, the shorter holds a name of two
    letters or more (not ``a`` in ``type(a)``), and what each holds is balanced (``foo(a`` for ``foo(a,
    b)`` is broken code, and ``Ellipsis*`` a slip)."""
    lost = literals[0].get(key)
    if lost is None:
        return False
    lost = lost.strip()
    for other_key, other in literals[1].items():
        other = other.strip()
        if other_key in literals[0] or not other or other == lost:
            continue
        short, long = (lost, other) if len(lost) < len(other) else (other, lost)
        at = _bounded_find(long, short)
        if at < 0:
            continue
        rest = long[:at] + " " + long[at + len(short):]
        # Where the translation kept part of the source's literal, the names it left out are in its
        # prose (``mode='func_type'`` as ``'func_type'`` for *mode*): `python -m` dropped from ``python -m
        # pip install`` changes the command.
        words = set(_NAME.findall(prose))
        if (re.search(r"[^\W\d_]{2}", rest) and re.search(r"[^\W\d_]{2}", short) and "%" not in rest
                and "{" not in rest and _balanced(short) and _balanced(long)
                and (short != other or all(n in words for n in _NAME.findall(rest)))):
            return True
    return False


_WORD_CHAR = compiled_on_use(r"\w")


def _split_up(key: str, literals: tuple[dict[str, str], dict[str, str]]) -> bool:
    """Whether the translation wrote a lost literal as two or more literals of its own that spell it in
    order, blanks aside (``<>`` as ``<`` and ``>``: the same characters named one by one). Each piece is
    balanced code: ``spam(a,`` and ``b)`` for ``spam(a, b)`` render broken, or one character named alone
    (``[]`` as ``[`` and ``]``: a bracket is a symbol the text names). Each is symbols only: pieces
    with a name or a number are other code (``is not`` as ``is`` and ``not``, two operators; ``x[0]`` as
    ``x`` and ``[0]``; ``f()`` as ``f(`` and ``)``)."""
    lost = literals[0].get(key)
    if lost is None:
        return False
    whole = "".join(lost.split())
    pieces = ["".join(code.split()) for k, code in literals[1].items() if k not in literals[0]]
    for i in range(len(pieces)):
        joined = ""
        for n, piece in enumerate(pieces[i:], 1):
            joined += piece
            if (not piece or not (_balanced(piece) or len(piece) == 1) or not whole.startswith(joined)
                    or _WORD_CHAR.search(piece)):
                break
            if joined == whole:
                return n >= 2
    return False


# A string inside code: triple-quoted first, then one line in single or double quotes.
_CODE_STRING = compiled_on_use(r"'''.*?'''|\"\"\".*?\"\"\"|'[^'\n]*'|\"[^\"\n]*\"")
# A run of three lowercase words or more, spaced as prose, in code (`1 <= day <= number of days in the month`).
_PROSE_RUN = compiled_on_use(r"(?<![\w.'\"-])[a-z]{2,}(?: [a-z]{2,}){2,}(?![\w.('\"])")
# An English article or `of`, which no code writes outside its strings: prose (`number of days`, not `for n in range`).
_ARTICLE = compiled_on_use(r"\b(?:the|of|an)\b")
# A phrase of words in an example's string (`Do you really want to quit?`): no digits, no code's characters.
_PHRASE = compiled_on_use(r"[A-Za-z][A-Za-z,.!?'’-]*(?: [A-Za-z,.!?'’-]+)+")
# The string passed to a call or assigned (`ask_ok('…')`, `x = '…'`): an example's, not a value shown alone.
_PASSED = compiled_on_use(r"[A-Za-z_]\w*\s*\(|=")
# A sentence's mark that ends a phrase (a prompt, a message), and a call that prints or prompts its string.
_SENTENCE_MARK = compiled_on_use(r"[?!.:,]\s*$")
_PRINTED = compiled_on_use(r"\b(?:print|input)\(\s*$")


def _rendered_left_out(lost: Counter[str], added: Counter[str],
                       literals: tuple[dict[str, str], dict[str, str]], source: str = "") -> Counter[str]:
    """``lost`` without the literals the translation kept but for their words (``_words_rendered``). Each new
    literal must stand for a lost one: ``sendmail's`` as ``sendmail`` beside a new ``stding`` is more than a
    possessive left out."""
    if len(added) > len(lost):
        return lost
    counted = _counted_plurals(lost, added, literals, source)
    return Counter({k: n for k, n in lost.items() if not _words_rendered(k, added, literals, counted)})


# A word that counts what follows it (`two ``Mocks```, `all ``Handlers```) or a plural verb after it (`… are`).
_COUNTING_BEFORE = compiled_on_use(r"\b(?:all|both|two|three|several|many|multiple|some|these|those|other|\d+)\s*[`:*]*$", re.I)
_PLURAL_VERB_AFTER = compiled_on_use(r"\s+(?:are|were|have|do)\b")


def _counted_plurals(lost: Counter[str], added: Counter[str], literals: tuple[dict[str, str], dict[str, str]],
                     source: str) -> frozenset[str]:
    """The lost literals that are an English plural of a name (``Mocks``) used as a counted word: the source writes
    the singular too (``Mock`` attributes are ``Mocks``), counts it or gives it a plural verb (`all ``Handlers```,
    ```Loggers`` are`), or holds more such plurals the translation writes singular (```Filters`` can be used by
    ``Handlers```, in a language that writes no plural). A lone ``Headers`` as ``Header`` is a changed name."""
    singulars = {literals[1].get(k) for k in added}
    plurals = [k for k in lost if (name := literals[0].get(k)) and name[:1].isupper() and name[:-1] in singulars
               and name.endswith("s") and re.fullmatch(r"[A-Z]\w*[a-z]", name[:-1])]
    if len(plurals) > 1:
        return frozenset(plurals)
    counted = set()
    for key in plurals:
        name = literals[0][key]
        at = list(re.finditer(r"(?<![\w.])" + re.escape(name) + r"(?!\w)[`'*_]*", source))
        if name[:-1] in literals[0].values() or any(_COUNTING_BEFORE.search(source, 0, m.start())
                                                     or _PLURAL_VERB_AFTER.match(source, m.end()) for m in at):
            counted.add(key)
    return frozenset(counted)


def _words_rendered(key: str, added: Counter[str], literals: tuple[dict[str, str], dict[str, str]],
                    counted: frozenset[str] = frozenset()) -> bool:
    """Whether a lost literal is one the translation kept but for its words, which it rendered: a phrase in
    an example's string (``ask_ok('Do you really want to quit?')`` as ``ask_ok('정말 끝내길 원하세요?')``), a
    run of prose in pseudo-code (``1 <= day <= number of days in the month``, its code before and after kept),
    or an English plural or possessive on a name (``Mocks``, ``sendmail's`` as ``Mock``, ``sendmail``).
    Everything else of the literal is kept as the source writes it, so a changed name or operator still
    differs; a quoted single word (``'utf-8'``, ``'a'``) is a value, never a phrase."""
    lost = literals[0].get(key)
    if not lost:
        return False
    for other in (literals[1].get(k) for k in added):
        if not other:
            continue
        if other == lost[:-2] and lost[-2:] in ("'s", "’s"):
            return True  # (`'s` is English's: no name ends so)
        if key in counted and lost == other + "s":
            return True
        if _phrases_rendered(lost, other) or _prose_rendered(lost, other):
            return True
    return False


def _phrases_rendered(lost: str, other: str) -> bool:
    """Whether ``other`` is ``lost`` with only the phrases of the strings it passes or assigns rendered."""
    found = list(_CODE_STRING.finditer(lost))
    strings = [m.group() for m in found]
    theirs = [m.group() for m in _CODE_STRING.finditer(other)]
    code = _CODE_STRING.sub("\0", lost)
    return bool(strings) and len(strings) == len(theirs) and _PASSED.search(code) is not None \
        and "".join(code.split()) == "".join(_CODE_STRING.sub("\0", other).split()) \
        and all(a == b or (a[:1] == b[:1] and a[-1:] == b[-1:] and _PHRASE.fullmatch(a.strip("'\"")) is not None
                           and _message(a, lost[:m.start()]))
                for a, b, m in zip(strings, theirs, found, strict=True))


def _message(string: str, before: str) -> bool:
    """Whether a phrase in code is a message to its reader (ends with a sentence's mark, ``'Do you really want
    to quit?'``, or is printed or prompted, ``print('Hello world')``), not a value the code compares or looks up
    (``x.startswith('Content Type')``, ``answer == 'yes please'``, ``getattr(obj, 'some name')``)."""
    return _SENTENCE_MARK.search(string.strip("'\"")) is not None or _PRINTED.search(before) is not None


def _prose_rendered(lost: str, other: str) -> bool:
    """Whether ``other`` is ``lost`` with its one run of prose rendered, its code before and after kept."""
    runs = [m for m in _PROSE_RUN.finditer(_CODE_STRING.sub(lambda m: "\0" * len(m.group()), lost))
            if _ARTICLE.search(m.group())]
    if len(runs) != 1:
        return False
    before, after = lost[:runs[0].start()].strip(), lost[runs[0].end():].strip()
    other = other.strip()
    middle = other[len(before):len(other) - len(after)].strip()
    return re.search(r"[^\w\s]", before + after) is not None and other.startswith(before) \
        and other.endswith(after) and bool(middle) and len(before) + len(after) < len(other)


def _bounded_find(text: str, part: str) -> int:
    """Where ``part`` starts in ``text`` at the boundaries of names (not ``Ellipsis`` in
    ``Ellipsis_``, nor ``kws`` in ``*kws``'s stars' run), or -1."""
    m = re.search(r"(?<![\w*_.])" + re.escape(part) + r"(?![\w*_])", text)
    return m.start() if m else -1


_PAIRS = {")": "(", "]": "[", "}": "{"}


def _balanced(code: str) -> bool:
    """Whether brackets and quotes pair up in a piece of code."""
    stack: list[str] = []
    for c in code:
        if c in "([{":
            stack.append(c)
        elif c in _PAIRS:
            if not stack or stack.pop() != _PAIRS[c]:
                return False
    return stack == [] and code.count("'") % 2 == 0 and code.count('"') % 2 == 0


@dataclass(frozen=True)
class _LostCode:
    """An entry's code (by key, roles that link nowhere included) on each side, and the source's code the
    translation lost with its stand-ins: the translation's new code of the same shape, the most alike
    first (``"latency"`` is ``"latence"``, not ``"bande_passante"``)."""

    source: dict[str, str]
    target: dict[str, str]
    source_roles: dict[str, str]
    stand_ins: dict[str, list[str]]

    def api(self, doc: Document, markup: str) -> Counter[str]:
        """The names of the catalogue's API (its roles' targets), less the entry's own roles that link
        nowhere (:attr:`!the_answer`): those are the example's."""
        return _role_target_names(doc, markup) - Counter(n.lower() for code in self.source_roles.values()
                                                         for n in _NAME.findall(code))


def _renamed_in_entry(both: tuple[str, str], literals: tuple[dict[str, str], dict[str, str]], doc: Document,
                      markup: str, lexicon: bool) -> set[str]:
    """The source's code (by key) whose names, or else whose names' parts, the translation renamed the
    same way throughout the entry: an example localized (``_names_renamed``, ``_parts_renamed``)."""
    source_roles = _unlinked_roles(both[0], markup)
    source = {**literals[0], **source_roles}
    target = {**literals[1], **_unlinked_roles(both[1], markup)}
    stand_ins = {key: sorted((other for other_key, other in target.items()
                              if other_key not in source and _shape(other) == _shape(code)),
                             key=lambda other: -_similarity(code, other))
                 for key, code in source.items() if key not in target}
    entry = _LostCode(source, target, source_roles, stand_ins)
    return _names_renamed(both, entry, doc, markup) or _parts_renamed(both, entry, doc, markup, lexicon)


def _names_renamed(both: tuple[str, str], entry: _LostCode, doc: Document, markup: str) -> set[str]:
    """The lost code whose whole names the translation renamed the same way throughout the entry
    (``{"bandwidth": b, "latency": l}`` as ``{"bande_passante": b, "latence": l}`` beside ``latency`` as
    ``latence``; ``modname.the_answer`` as ``nommodule.la_reponse`` beside :attr:`!la_reponse`, a role that
    links nowhere): each lost literal's stand-in has its shape and as many names, and each name changed
    maps to one new name everywhere. Two names at least are renamed, all in lower case, none a role's
    target in the catalogue (an API's: `time.monotonic`) nor kept as code elsewhere in the translation, and
    one new name at least shares few letters with the old one (a slip changes one name, a few letters:
    ``Counter.subtract`` as ``Cointer.substract``)."""
    mapping: dict[str, str] = {}
    stands: dict[str, list[tuple[str, str]]] = {}
    for key, alike in entry.stand_ins.items():
        names = _NAME.findall(entry.source[key])
        # Names the shape runs together (``from x import y`` is `w`) are counted as written.
        if alike and len(other_names := _NAME.findall(alike[0])) == len(names):
            pairs = [(a, b) for a, b in zip(names, other_names, strict=True) if a != b]
            if pairs:
                stands[key] = pairs
    for pairs in stands.values():
        for a, b in pairs:
            if mapping.setdefault(a, b) != b:
                return set()  # one name renamed two ways: no consistent renaming
    if len(mapping) < 2 or len(set(mapping.values())) != len(mapping) or any(a != a.lower() for a in mapping):
        return set()  # (two names renamed to one are no renaming either: the example's names are merged)
    api = entry.api(doc, markup)
    kept = {n for code in entry.target.values() for n in _NAME.findall(code)}
    if any(api[a] > 0 or a in kept for a in mapping):
        return set()
    if not any(_similarity(a.lower(), b.lower()) < 0.6 for a, b in mapping.items()):
        return set()
    # A new word that looks like the old one's (`latence` for `latency`) and that the catalogue never
    # writes may be a slip (`orignal`): it stands only where the entry writes the renaming twice or more.
    written = kept_markup(both[0], markup)
    times = Counter({renaming: 0 for renaming in mapping.items()})
    for key, pairs in stands.items():
        for renaming in pairs:
            times[renaming] += max(written[key], 1)
    words = _vocabularies(doc, markup)
    for (a, b), n in times.items():
        near = [w for w in _WORDS.findall(b) if w.isascii() and _folded(w.lower()) not in words.target | words.shared
                and any(_similarity(w.lower(), v.lower()) >= 0.8 for v in _WORDS.findall(a))]
        if near and n < 2:
            return set()
    return set(stands)


# A name's parts: words split at underscores, dots, digits and case changes (``FooTest`` → `Foo`, `Test`;
# ``subpkg2`` → `subpkg`, `2`).
_NAME_PART = compiled_on_use(r"[A-ZÀ-Þ]?[^\W\d_A-ZÀ-Þ]+|[A-ZÀ-Þ]+(?![^\W\d_A-ZÀ-Þ])|\d+")


def _part_renamings(code: str, other: str) -> list[tuple[str, str]] | None:
    """The parts a stand-in literal changed in a lost one's names, in order (``foo_tests.SomeTest`` →
    ``machin_tests.UnTest``: (foo, machin), (Some, Un)); None where a name's parts do not pair up, a
    number changed or a part in capitals changed (``LC_CTYPE`` as ``LC_TYPE``: a constant's name)."""
    names, other_names = _NAME.findall(code), _NAME.findall(other)
    if len(names) != len(other_names):
        return None
    pairs: list[tuple[str, str]] = []
    for a, b in zip(names, other_names, strict=True):
        parts, other_parts = _NAME_PART.findall(a), _NAME_PART.findall(b)
        if len(parts) != len(other_parts):
            return None
        for x, y in zip(parts, other_parts, strict=True):
            if x == y:
                continue
            if x.isdigit() or y.isdigit() or (len(x) > 1 and x.isupper()) or (len(y) > 1 and y.isupper()):
                return None
            if x[0].isupper() != y[0].isupper():
                return None  # ``threading`` as ``Thread``: another object, not a renaming
            pairs.append((x, y))
    return pairs


def _compound_of_word(old: str, new: str, words: _Vocabularies, doc: Document, lexicon: bool) -> bool:
    """Whether a new part that looks like the old one is the old one's tail or head with a word of the
    translation's language in place of the rest (``souspkg`` for ``subpkg``: `sous` for `sub`), not a
    slip (``monotonique`` for ``monotonic`` changes one letter of it, ``enddwin`` adds one)."""
    for n in range(min(len(old), len(new)) - 1, 1, -1):
        for head_old, head_new, ok in ((old[:-n], new[:-n], old[-n:] == new[-n:]),
                                       (old[n:], new[n:], old[:n] == new[:n])):
            if ok and len(head_old) >= 2 and len(head_new) >= 3 and _target_word(
                    _folded(head_new), words, doc, lexicon):
                return True
    return False


def _agrees(pairs: list[tuple[str, str]], mapping: dict[str, str]) -> bool:
    """Whether a literal's renamed parts map each old part to one new part, as ``mapping`` does."""
    seen = dict(mapping)
    return all(seen.setdefault(a.lower(), b.lower()) == b.lower() for a, b in pairs)


def _parts_renamed(both: tuple[str, str], entry: _LostCode, doc: Document, markup: str, lexicon: bool) -> set[str]:
    """The lost code whose names' parts the translation renamed the same way throughout the
    entry (``-k foo`` matching ``foo_tests.SomeTest`` and ``bar_tests.FooTest`` as ``-k machin``,
    ``machin_tests.UnTest``, ``truc_tests.MachinTest``; ``pkg.subpkg1`` and ``from ..subpkg2 import
    mod`` as ``pkg.souspkg1``, ``from ..souspkg2 import mod``): what ``_names_renamed`` asks of whole
    names, asked of their parts, so that an example's compound names (`FooTest`, `subpkg2`) are read as
    the words they are made of. Each lost literal's stand-in has its shape and changes only lowercase or
    capitalized parts, never a number or a part in capitals; each part changed maps to one new part,
    lowercased, everywhere; parts are renamed twice or more in the entry; no part renamed names an API
    (a role's target in the catalogue) or is kept in the translation's code; the new parts are no slips
    of the old (few letters in common, or the old's head or tail with a word of the translation's
    language in place of the rest: `sous` in ``souspkg``); and one new part at least is a word of the
    translation's language, or one old part a name the sources write only as code (`foo`): a name
    changed once (``os.fsencode`` as ``os.encode``) or slipped the same way twice is reported."""
    written = kept_markup(both[0], markup)
    mapping: dict[str, str] = {}
    times = 0
    explained: set[str] = set()
    for key, alike in entry.stand_ins.items():
        code = entry.source[key]
        # The stand-in is the first, the most alike, that agrees with the renamings read so far
        # (``foo_tests.SomeTest`` is ``machin_tests.UnTest`` once ``foo`` is ``machin``).
        candidates = [pairs for other in alike if (pairs := _part_renamings(code, other))]
        if not candidates:
            continue
        pairs = next((p for p in candidates if _agrees(p, mapping)), None)
        if pairs is None:
            return set()  # one part renamed two ways
        for a, b in pairs:
            mapping[a.lower()] = b.lower()
        times += len(pairs) * max(written[key], 1)
        explained.add(key)
    if not explained or times < 2 or len(set(mapping.values())) != len(mapping):
        return set()
    api = entry.api(doc, markup)
    kept = {p.lower() for code in entry.target.values() for n in _NAME.findall(code) for p in _NAME_PART.findall(n)}
    if any(api[a] > 0 or a in kept for a in mapping):
        return set()
    words = _vocabularies(doc, markup)
    if not all(_letters_shared(a, b) < 0.5 or _compound_of_word(a, b, words, doc, lexicon)
               for a, b in mapping.items()):
        return set()
    if not any(not b.isascii() or _target_word(_folded(b), words, doc, lexicon)
               or _lexicon_word(b, doc, lexicon) or _compound_of_word(a, b, words, doc, lexicon)
               or (len(a) >= 3 and a not in words.source_prose)
               for a, b in mapping.items()):
        return set()
    return explained


def _unlinked_roles(text: str, markup: str) -> dict[str, str]:
    """A text's roles that link nowhere (:attr:`!the_answer`), by their ``kept_markup`` key: code shown as
    a literal."""
    from lint.formats.markup import marks

    return {next(iter(kept_markup(text[mk.start:mk.end], markup)), ""): mk.target
            for mk in marks(text, markup)
            if mk.kind == "role" and ("`!" in text[mk.start:mk.end] or "`~!" in text[mk.start:mk.end])}


def _role_target_names(doc: Document, markup: str) -> Counter[str]:
    """The names (split at dots, lowercased) of the roles' targets in a catalogue's sources, its API, with
    how often they are written."""
    found: Counter[str] | None = doc.memo.get("b106-role-names")
    if found is None:
        found = Counter(n.lower() for entry in _entries_code(doc, markup) for target in entry.role_targets
                        for n in _NAME.findall(target))
        doc.memo["b106-role-names"] = found
    return found


# A word or two in quotes, straight, doubled or typographic: «static», “None”, ''Ninguno''.
_QUOTED = compiled_on_use(r"(?<!\w)(?:''|[«\"“‘'])\s?[^\W\d_]+(?:[ -][^\W\d_]+)?\s?(?:''|[»\"”’'])(?!\w)")


_ONE_NAME = compiled_on_use(r"[^\W\d_]+(?:\.[^\W\d_]+)*")
# reST or Markdown emphasis or strong emphasis of a word or a few: *cooked*, **not**.
_EMPHASIS = compiled_on_use(r"(?<![\w*`])\*{1,2}[^\s*`][^*`\n]{0,60}?\*{1,2}(?![\w*`])")


def _opening_name(key: str) -> str | None:
    """The name of an opening `<name>` (no closing tag, not self-closing, no XLIFF inline code)."""
    if not key.startswith("<") or key.startswith("</") or key.endswith("/>") or " id=" in key:
        return None
    return key[1:-1]


def _metavariable(key: str, side: Counter[str]) -> bool:
    """Whether an opening `<name>` that names no element of HTML or of GUI label markup is a
    metavariable (`--solve <equation>`, `<file>`): no closing `</name>` in its string."""
    name = _opening_name(key)
    return name is not None and name.lower() not in _ELEMENTS and not side[f"</{name}>"]


# A `<name>` that ends a string, before closing quotes and brackets (`:<funcname>`, `'tree:<depth>'`).
_LAST_ANGLED = compiled_on_use(r"<([^\W\d_][\w -]{0,60})>[\"'”’»)\]]*\s*\Z")


def ends_with_metavariable(text: str) -> bool:
    """Whether a string ends with a metavariable, a `<name>` that names no element of HTML or of GUI
    label markup and that the string never closes (`function :<funcname>`): a word the user replaces,
    whose mark before it (`:`) ends no sentence."""
    m = _LAST_ANGLED.search(text)
    return m is not None and m.group(1).lower() not in _ELEMENTS and f"</{m.group(1)}>" not in text


def _element_metavariables(side: Counter[str], closes: bool) -> set[str]:
    """The unclosed elements of a string that are a usage line's metavariables (`<title>` in
    `TRAY -b <title> <text>`): the element needs a closing tag, neither string closes one (``closes``),
    and a word beside it in angle brackets is no element (`<text>`): the string's evidence that its angle
    brackets hold arguments, where `<b>%s` alone is a bold left open."""
    if closes or not any(_metavariable(k, side) for k in side):
        return set()
    return {k for k in side if (name := _opening_name(k)) is not None and name.lower() in _ELEMENTS
            and (name.lower() not in _LEFT_OPEN or name.lower() in _ARGUMENT_NAMES) and not side[f"</{name}>"]}


def _worded_as_element(source: Counter[str], target: Counter[str], source_elements: set[str], closes: bool) -> set[str]:
    """The translation's unclosed elements that word the source's metavariables (`The <src> part` as `La
    partie <source>`, `<upstream>` as Catalan `<font>`): in strings that close no tag, each an element's name
    of four letters or more (a word, not `<b>`, `<i>`, `<p>`), no void one but those a usage line names
    (`<base>`, `<head>`, `<source>`), that the source does not write; no more of them, with the
    translation's own new metavariables, than the source's metavariables the translation lost."""
    if closes:
        return set()
    found = {k for k in target if (name := _opening_name(k)) is not None and name.lower() in _ELEMENTS
             and len(name) >= _WORDED_NAME and name.isalpha() and not source[k]
             and (name.lower() not in _LEFT_OPEN or name.lower() in _ARGUMENT_NAMES)
             and name.lower() not in _MARKUP_ONLY}
    if not found:
        return set()
    lost = [k for k in source if (_metavariable(k, source) or k in source_elements) and not target[k]]
    new = [k for k in target if _metavariable(k, target) and not source[k]]
    return found if len(found) + len(new) <= len(lost) else set()


# An element's name that may be a word a translator writes in angle brackets (`<font>`, `<source>`).
_WORDED_NAME = 4
# Elements that only mark text up, no word of any language a metavariable is translated to (`<strong>`,
# `<span>`, `<code>`): one of them in a lost metavariable's place is markup put there, unclosed.
_MARKUP_ONLY = frozenset("abbr bdi bdo blink cite code center nobr samp span strike strong".split())


class TagMismatch(PairwiseRule):
    code = "B106"
    slug = "tag-mismatch"
    summary = "Translation's markup (tags, inline literals, roles) differs from the source's"
    rationale = """
**What it does.** Compares the markup tags of a translation (`<b>`, `</a>`, `<br/>`) with those of its
source, by name and kind (opening, closing, self-closing), and flags any that are missing or added.
Attributes are not compared: a link's `title` may be translated. The order may change with the
language. XLIFF inline codes count as tags, compared by name and id (`<ph id="1"/>`, `<pc id="1">`,
`<x id="1"/>`, `<bpt id="1"/>`), not by the native code they hold.

In a catalogue whose strings are written in a markup (format option `markup`, or `auto`: a Sphinx
catalogue's strings are reST), the string is read in that markup and its parts that are not words are
compared instead: inline literals and code by their content, roles by name and target (`:term:`objet
fichier <file object>`` keeps the target `file object`; its title is the translator's), substitutions,
footnotes, HTML tags where the markup is HTML or Markdown (a :kbd: key's label is the reader's keyboard's:
`Ctrl-D` for `Control-D`; a command's `<metavariable>` may be worded in the translation's language,
`<dossier>` for `<directory>`, never slipped; an element that needs a closing tag, such as `<title>`,
or one HTML sets only in a page's head or a media element, `<head>`, `<base>`, `<source>` (`git cherry
[<upstream> [<head>]]`), is a metavariable where neither string closes a tag and a word beside it in angle brackets names no
element: `TRAY -b <title> <text>`; `<b>%s` alone is a bold left open, and `<b>` never stands for another
element's `<i>`; where neither string closes a tag, an element's name of four letters or more in the
translation, no markup alone (`<strong>`, `<span>`, `<code>`), `<font>` or `<source>`, that the source does not write, words a metavariable the translation
lost, no more of them with its new metavariables than the source's it lost: `The <src> part` as `La partie
<source>`, Catalan `[<upstream> [<head>]]` as `[<font> [<cap>]]`; it could hide an unclosed element put in
a metavariable's place by mistake), and ICU arguments (`{count, plural, ...}`)
by name and type. A `<the version>` inside a reST literal is not a tag. A name written with more or
fewer of its qualifiers (`SubprocessProtocol` as `asyncio.SubprocessProtocol`) is the same name. Link targets are B109's. An example the
catalogue's translator localizes throughout (``foo.bar`` as ``truc.bar`` in two entries or more, its
words never kept in any translation's code, none of them an API's name, that is a role's target) is not
flagged, nor, with the option `rename-examples` (on by default: documentation translators render examples'
names so), an example renamed once in the translation's language (``copied_list = original_list[:]`` as
``lista_copiada = lista_original[:]``): what changed are lowercase names no role targets and no translation
keeps as code (a :ref: label's or a :term:'s words are no API's), and the words written instead are words
the catalogue's translations write in their prose and its sources never write (accents aside: ``indice``
for `índice`), or, with the option `lexicon` (off by default: it needs wordfreq, the `glue` extra, and
findings must not change with what is installed), common words of the catalogue's
language that are rare in English (``chien`` for ``dog``), or words with a letter English code never
writes (``@décorateur`` for ``@wrapper``), at least one, the others no slip of
the name they replace; or names the sources write only as code (``foo.bar``) replaced by the
translator's own (``truc.machin``) that share few letters with them. An option (``-k``) is never an
example's. A capitalized name (``SystemExit``) is code, never an example's, and
``curses.enddwin`` is a slip. Code
the translation writes at least once is kept, however often the source writes it (a rephrasing names
``close`` once where the source names it twice), unless a new literal of the translation stands for
the missing one (``None`` twice as ``None`` and ``Aucun``: one occurrence changed, not dropped); tags
are counted. Code the translation regroups is the same code (``Counter(a=3)`` and ``Counter(a=3, b=0)``
as ``Counter(a=3) != Counter(a=3, b=0)``; ``mode='func_type'`` as ``'func_type'`` beside *mode*), where
what is added or left is names and the brackets pair up; so is a literal written as two or more that spell
it in order, each balanced or one character and symbols only (``<>`` as ``<`` and ``>``, ``[]`` as ``[``
and ``]``; not ``is not`` as ``is`` and ``not``, nor ``f()`` as ``f(`` and ``)``). With `rename-examples`, two or more lowercase
names renamed the same way throughout an entry (``{"bandwidth": b, "latency": l}`` as
``{"bande_passante": b, "latence": l}`` beside ``"latency"`` as ``"latence"``), none a role's target in
the catalogue nor kept as code in the translation, one at least no look-alike of the old name, are an
example localized; a look-alike the catalogue never writes must be written twice (``orignal`` once is a
slip). The same holds of names' parts (split at underscores, digits and case changes), so that an example's
compound names are read as the words they are made of (``foo_tests.SomeTest`` and ``bar_tests.FooTest`` as
``machin_tests.UnTest`` and ``truc_tests.MachinTest``; ``pkg.subpkg1`` and ``pkg.subpkg2`` as ``pkg.souspkg1``
and ``pkg.souspkg2``): parts renamed twice or more, never a number or a part in capitals (``LC_CTYPE`` as
``LC_TYPE``), no new part a slip of the old, and one new part a word of the translation's language or one old
part a name the sources write only as code (`foo`). A name whose first word is an English determiner (``my_list``,
``some_fraction``) is an example's by its own words, whatever new first word replaces the determiner
(``ma_liste``, ``ma_fraction``), so long as it is no slip of it (``ym_list``); a grammar's one-letter metavariables renamed the same way twice or more (``P1 | P2`` as
``M1 | M2``) name no constant. Unless `literals-as-words` is on, a literal left out of a rephrasing with no trace (no code added
in its place, no quotes, no slip of its names in the prose: ``connect()`` as *se connecte*) is not
flagged: nothing renders wrong, and an omission is no markup's question. A reST catalogue's literal
block (an entry whose msgid holds a line break) is code, not markup: its ``` `` ```, roles and `<tags>` are
code's characters, and its comments, strings and metavariables (`<yourscript>` as `<seuscript>`) are
translated; nothing of it is compared here (B110 compares its lines' structure, B103 its numbers). Unless `rename-examples` is off, a literal kept but
for its words is not flagged: a phrase in an example's string (``` ``ask_ok('Do you really want to quit?')`` ```
as ``` ``ask_ok('정말 끝내길 원하세요?')`` ```: words alone, in a string passed to a call or assigned, a message
(ending with a sentence's mark, or printed: `print('Hello world')`; `x.startswith('Content Type')` compares a value); a quoted single word,
``` ``'utf-8'`` ```, or a string shown alone, ``` ``'Sun Jun 20 23:21:05 1993'`` ```, is a value), a run of prose (three
words or more, one of them `the`, `of` or `an`, which code writes nowhere but in its strings) in pseudo-code whose
code before and after is kept (``` ``1 <= day <= number of days in the month`` ```), an
English plural on a capitalized name that counts a word (the source writes the singular too, counts it, `all`,
gives it a plural verb, `are`, or holds more such plurals; not a lone ``` ``Headers`` ``` as ``` ``Header`` ```, a name
of its own) or a possessive (``` ``Mocks`` ```, ``` ``sendmail's`` ``` as ``` ``Mock`` ```,
``` ``sendmail`` ```); each new literal of the translation must stand for a lost one.

**Why is this bad?** Literal content is code: a translated ``` ``True`` ``` or option name is wrong
in the rendered page; a role whose target changed links nowhere. A dropped closing tag runs bold text to the end of the page; a lost `<a>` removes
a link; a tag an MT engine invented shows up as text or breaks the template.
"""
    severity = Severity.ERROR
    kinds = frozenset({"msgstr", "string", "target"})

    @dataclass(frozen=True)
    class Options(RuleOptions):
        rename_examples: bool = option(True, "an example's names the translator renders in the translation's "
                                             "language (``copied_list`` as ``lista_copiada``) are not flagged; "
                                             "false: every changed literal is")
        lexicon: bool = option(False, "ask wordfreq's word lists (the glue extra: pip install 'copylint[glue]') "
                                      "whether an example's new name is a common word of the translation's "
                                      "language (``chien`` for ``dog``), beside the catalogue's own prose; off: "
                                      "the catalogue's words alone, the same findings on every install")
        literals_as_words: bool = option(False, "report an inline literal of one name (``True``, ``sys.stdin``) "
                                                "that the translation writes as words of its language, with no "
                                                "code in its place (``True`` as *vrai*), or a literal a rephrasing "
                                                "leaves out without a trace; false: a documentation "
                                                "translation's style, not reported (quoted words in its place, "
                                                "« Aucun » for ``None``, are reported either way)")
    opts: Options
    flag = (
        Example(_RST + 'msgid "Use ``Headers`` here."\nmsgstr "``Header``\\를 사용합니다."\n', path="ko.po",
                note="a name's plural that counts nothing (no singular beside it, no count, no plural verb): a changed name"),
        Example('msgid "<b>%s"\nmsgstr "%s"\n', path=_PO, note="a bold left open, no usage line around it: a tag"),
        Example(_FR + _RST + 'msgid "Call ``spam(a, b)`` first."\nmsgstr "Appelez ``spam(a,`` puis ``b)``."\n', path=_PO,
                note="a literal cut in two pieces that are no code each: broken on the page"),
        Example(_FR + _RST + 'msgid "Use ``is not`` to compare with None."\n'
                'msgstr "Utilisez ``is`` et ``not`` pour comparer à None."\n', path=_PO,
                note="one operator written as two others: pieces that spell it with names are other code"),
        Example(_FR + _RST + 'msgid "Call ``f()`` with no argument."\n'
                'msgstr "Appelez ``f(`` sans argument puis ``)``."\n', path=_PO,
                note="a call cut in two: an open bracket after a name is no symbol named alone"),
        Example('msgid "Text <b>bold"\nmsgstr "Texte <i>gras"\n', path=_PO, note="one element for another"),
        Example('msgid "<title>Help"\nmsgstr "Aide"\n', path=_PO),
        Example('msgid "TRAY -b <b> <text>"\nmsgstr "TRAY -b <i> <texte>"\n', path=_PO,
                note="in a usage line too, one element's metavariable never stands for another element"),
        Example('msgid "take url.<base>.insteadOf into account"\nmsgstr "url.<dasar>.insteadOf"\n', path=_PO,
                note="no word in angle brackets beside `<base>` that names no element: read as a tag"),
        Example('msgid "Enter a value for <name>"\nmsgstr "Saisissez une valeur pour <strong>"\n', path=_PO,
                note="markup in a lost metavariable's place: `strong` words no metavariable"),
        Example('msgid "Copy the file."\nmsgstr "Copiez le fichier <source>."\n', path=_PO,
                note="an element the translation adds where no metavariable was lost"),
        Example('msgid "The <src> part is a commit."\nmsgstr "La partie <source> est un <title> commit."\n', path=_PO,
                note="two elements for the one metavariable lost"),
        Example('msgid "<video><source src=\\"a.webm\\">Play</video>"\nmsgstr "<video>Lire</video>"\n', path=_PO,
                note="in a string that closes a tag, `<source>` is HTML's"),
        Example(_FR + _RST + 'msgid "Store it in ``my_list``."\nmsgstr "Stockez-la dans ``ma_lsit``."\n', path=_PO,
                note="an example's name, but its second word mistyped"),
        Example(_FR + _RST + 'msgid "Pass ``some_fraction`` to it."\nmsgstr "Passez-lui ``some_fractoin``."\n',
                path=_PO, note="an example's name slipped, its determiner kept"),
        Example(_FR + _RST + 'msgid "Store it in ``my_list``."\nmsgstr "Stockez-la dans ``ym_list``."\n', path=_PO,
                note="a determiner slipped is no translation of it"),
        Example(_FR + _RST + 'msgid "Read ``P1`` first."\nmsgstr "Lisez d\'abord ``M1``."\n', path=_PO,
                note="one letter renamed once is no metavariable renaming"),
        Example(_FR + _RST + 'msgid "Use ``os.fork()`` or ``os.forkpty()`` here."\n'
                'msgstr "Utilisez ``sys.fork()`` ou ``sys.forkpty()`` ici."\n', path=_PO,
                note="a module's name changed twice is no example's renaming"),
        Example(_FR + _RST + 'msgid "Pass ``src_dir_fd`` to ``open``; ``src_dir_fd`` is then relative."\n'
                'msgstr "Passez ``src_dir_ds`` à ``open`` ; ``src_dir_ds`` est alors relatif."\n', path=_PO,
                note="a slip written twice is no renaming"),
        Example(_FR + _RST + 'msgid "Set ``LC_CTYPE``; ``LC_CTYPE`` decides."\n'
                'msgstr "Définissez ``LC_TYPE`` ; ``LC_TYPE`` décide."\n', path=_PO,
                note="a part in capitals is a constant's, never an example's"),
        Example(_RST + 'msgid "Call ``ask_ok(\'Do you want to quit?\')`` first."\n'
                'msgstr "먼저 ``ask_no(\'끝내길 원하세요?\')``\\를 호출합니다."\n', path="ko.po",
                note="the example's phrase rendered, but its function renamed too"),
        Example(_RST + 'msgid "Test ``x.startswith(\'Content Type\')`` first."\n'
                'msgstr "먼저 ``x.startswith(\'콘텐츠 유형\')``\\를 검사합니다."\n', path="ko.po",
                note="a phrase the code compares, no message: a value"),
        Example(_RST + 'msgid "Pass ``open(\'utf-8\')`` to it."\nmsgstr "``open(\'utf-16\')``\\을 전달합니다."\n', path="ko.po",
                note="a quoted single word is a value, not a phrase"),
        Example(_RST + 'msgid "A string such as ``\'Sun Jun 20 23:21:05 1993\'``."\n'
                'msgstr "Una cadena como ``\'Dom 20 de junio 23:21:05 1993\'``."\n', path=_PO,
                note="a string shown alone, with digits: a program's output, no example's phrase"),
        Example(_RST + 'msgid "Use ``python -m pip install --user``."\nmsgstr "Use ``python -m pie install --user``."\n',
                path=_PO, note="lowercase words in a command are code, no prose (no article, no `of`)"),
        Example(_RST + 'msgid "Write ``{n: n**2 for n in range(10)}``."\nmsgstr "Escriba ``{n: n**2 for range(10)}``."\n',
                path=_PO, note="… nor are a comprehension's keywords"),
        Example(_RST + 'msgid "Feed ``sendmail\'s`` ``stdin``."\n'
                'msgstr "Alimente ``stding`` de ``sendmail`` (``sendmails\'s`` ``stdin``)."\n', path=_PO,
                note="more new literals than lost ones: not a possessive left out alone"),
        Example(_ES + _RST + 'msgid "Upgrade it with ``python -m pip install --upgrade``."\n'
                'msgstr "Actualícelo con ``pip install --upgrade``."\n', path=_PO,
                note="part of a command kept, `python -m` dropped: another command, no regrouping"),
        Example(_ES + _RST + 'msgid "Then ``a.x`` calls ``type(a).__dict__[\'x\'].__get__(a, type(a))``."\n'
                'msgstr "Entonces ``a`` llama a ``type(a).__dict__[‘x’].__get__(a, type(a))``."\n', path=_PO,
                note="a one-letter literal is no regrouping of the code around it"),
        Example(_ES + _RST + 'msgid "Integers are stored in base ``2**15`` or in base ``2**30``."\n'
                'msgstr "Los enteros se almacenan en base 2**15 o en base 2**30."\n', path=_PO,
                note="a literal's text kept without its markup: reST reads `**15 o en base 2**` as strong"),
        Example(_ES + _RST + 'msgid "Pass ``table`` as keyword arguments with the ``**`` notation."\n'
                'msgstr "Pase ``table`` como argumentos por palabra clave con la notación \'**\'."\n', path=_PO,
                note="a literal quoted in its stead"),
        Example(_FR + _RST + 'msgid "Write ``import os_path`` first."\nmsgstr "Écrivez d\'abord ``os_pth``."\n',
                path=_PO, note="a statement's names cut to one, slipped (its shape runs the names together)"),
        Example(_FR + _RST + 'msgid "``decorator_list`` is the list of decorators."\n'
                'msgstr "*decorators_list* est la liste des décorateurs."\n', path=_PO,
                note="a literal left out, but its name garbled in the prose"),
        Example(_FR + _RST + 'msgid "Call ``spam(a, b)`` or ``spam``."\nmsgstr "Appelez ``spam(a`` ou ``spam``."\n',
                path=_PO, note="code cut short is no regrouping: its brackets do not pair"),
        Example(_RST + 'msgid "It returns ``None`` then."\nmsgstr "Elle renvoie ``None`` ensuite."\n\n'
                + _RST + 'msgid "If *delay* is ``None``, no limit applies; ``None`` is the default."\n'
                'msgstr "Si *delay* vaut ``None``, aucune limite ne s\'applique ; ``Aucun`` est la valeur par défaut."\n',
                path=_PO, note="one of two occurrences of a literal translated"),
        Example(_RST + 'msgid "Use ``sys.stdout`` and ``sys.stderr``; ``sys.stderr`` is unbuffered."\n'
                'msgstr "Utilisez ``sys.stdout`` et ``sys.stderr`` ; ``sys.sdterr`` n\'a pas de tampon."\n',
                path=_PO, note="one of two occurrences of a name slipped"),
        Example(_RST + 'msgid ":rfc:`2822` replaced :rfc:`822`; :rfc:`2822` assumes 7-bit ASCII."\n'
                'msgstr "La :rfc:`2822` remplace la :rfc:`822` ; la :rfc:`2882` suppose de l\'ASCII 7 bits."\n',
                path=_PO, note="one of two references' numbers changed"),
        Example(_RST + 'msgid "See :file:`{prefix}/lib/python{version}` and :file:`{exec_prefix}/lib/python{version}`."\n'
                'msgstr "Voir :file:`{prefix}/lib/python` et :file:`{exec_prefix}/lib/python{version}`."\n', path=_PO,
                note="a variable part dropped from one of two roles of the same shape"),
        Example(_RST + 'msgid "Use :samp:`J{n}` here."\nmsgstr "Utilisez :samp:`J` ici."\n', path=_PO),
        Example(_RST + 'msgid "Set ``LC_CTYPE`` first."\nmsgstr "Définissez ``LC_TYPE`` d\'abord."\n\n'
                + _RST + 'msgid "Read ``LC_CTYPE``."\nmsgstr "Lisez ``LC_TYPE``."\n', path=_PO,
                note="a slip copied into two entries is no renaming"),
        Example(_RST + 'msgid "See :func:`time.monotonic`."\nmsgstr "Voir :func:`time.monotonic`."\n\n'
                + _RST + 'msgid "Use ``monotonic`` here."\nmsgstr "Utilisez ``monotonique`` ici."\n\n'
                + _RST + 'msgid "Then ``monotonic`` again."\nmsgstr "Puis ``monotonique`` encore."\n', path=_PO,
                note="an API's name (a role's target) is never localized"),
        Example(_ES + _RST + 'msgid "See :func:`copy.deepcopy`, for example ``copy.deepcopy(x)``."\n'
                'msgstr "Vea :func:`copy.deepcopy`, por ejemplo ``copia.deepcopy(x)``."\n', path=_PO,
                note="a name a role targets is an API's, never an example's"),
        Example(_ES + _RST + 'msgid "Shallow copies of lists, for example, ``copied_list = original_list[:]``."\n'
                'msgstr "Copias superficiales de las listas, por ejemplo, ``lista_copiada = lista_orignal[:]``."\n',
                path=_PO, note="a slip beside a rendered name"),
        Example(_RST + 'msgid "The values ``foo %(bar)s`` and ``foo %(BAR)s`` are equivalent."\n'
                'msgstr "Los valores ``foo %(bar)s`` y ``foo `` son equivalentes."\n', path=_PO,
                note="a format's placeholder dropped from a literal (B101 leaves literals to B106)"),
        Example(_FR + _RST + 'msgid "See :data:`os.name`."\nmsgstr "Voir :data:`os.name`."\n\n'
                + _RST + 'msgid "Print the name, for example ``print(name)``."\n'
                'msgstr "Affichez le nom, par exemple ``print(nom)``."\n', path=_PO,
                note="a name an API role targets is never an example's, whatever the language"),
        Example(_FR + _RST + 'msgid "Count each dog and cat: ``{\\"dog\\": 1, \\"cat\\": 2}``."\n'
                'msgstr "Comptez les animaux : ``{\\"dgo\\": 1, \\"cat\\": 2}``."\n', path=_PO,
                note="a slip is no word of the translation's language"),
        Example(_FR + _RST + 'msgid "Run :program:`python -m compileall <directory> -l` first."\n'
                'msgstr "Lancez d\'abord :program:`python -m compileall <directroy> -l`."\n', path=_PO,
                note="a metavariable's slip is no wording"),
        Example(_FR + _RST + 'msgid "Edit :file:`pyconfig.h` and :file:`Lib/site.py`."\n'
                'msgstr "Modifiez :file:`pyconfig,h` et :file:`Lib/sitepy`."\n', path=_PO,
                note="a file's name slipped"),
        Example(_RST + 'msgid "Use ``tomllib`` or ``tomllib.load``."\nmsgstr "Utilisez ``tomlib`` ou ``tomllib.load``."\n',
                path=_PO),
        Example(_FR + _RST + 'msgid "It returns ``None`` then."\nmsgstr "Elle renvoie ``None`` ensuite."\n\n'
                + _RST + 'msgid "Return ``None`` if it failed."\nmsgstr "Renvoie « Aucun » en cas d\'échec."\n',
                path=_PO, note="a literal translated and quoted in its stead: no rendering as words"),
        Example(_ES + _RST + 'msgid "It returns ``None`` then."\nmsgstr "Retorna ``None`` entonces."\n\n'
                + _RST + 'msgid "Return ``None`` if it failed."\nmsgstr "Retorna \'\'Ninguno\'\' si ha fallado."\n',
                path=_PO, note="two apostrophes for the backquotes"),
        Example(_RST + 'msgid "See :func:`os.path.join`."\nmsgstr "Voir :func:`os.path.joint`."\n', path=_PO),
        Example(_FR + _RST + 'msgid "A pattern ``{KEY1: P1, KEY2: P2, ...}`` matches."\n'
                'msgstr "Un filtre ``{CLÉ1: M1, CLÉ3: M2, ...}`` réussit."\n', path=_PO,
                note="a metavariable's number changed: no renaming"),
        Example(_FR + _RST + 'msgid "A pattern ``{KEY1: P1}`` matches ``KEY1``."\n'
                'msgstr "Un filtre ``{CLÉ1: M1}`` réussit pour ``CLEF1``."\n', path=_PO,
                note="one name renamed two ways"),
        Example(_ES + _RST + 'msgid "Read ``\'PATH\'`` first."\nmsgstr "Lea ``\'PATH\'`` primero."\n\n'
                + _RST + 'msgid "If the environment has no ``\'PATH\'`` key."\n'
                'msgstr "Si el entorno no tiene una clave ``\'RUTA\'``."\n', path=_PO,
                note="a key renamed alone is no metavariable"),
        Example(_RST + 'msgid ":pep:`3119`"\nmsgstr ":pep:`3120`"\n', path=_PO, note="a string of markup alone"),
        Example(_RST + 'msgid "Added the ``--invalidation-mode`` option."\n'
                'msgstr "Ajout de l\'option ``--mode-invalidation``."\n', path=_PO),
        Example('msgid "Click <b>Save</b> to continue."\nmsgstr "Cliquez sur <b>Enregistrer pour continuer."\n',
                path=_PO),
        Example('msgid "Read the <a href=\\"/terms\\">terms</a>."\nmsgstr "Lisez les conditions."\n', path=_PO),
        Example('msgid "Line one<br/>Line two"\nmsgstr "Ligne un Ligne deux"\n', path=_PO),
        Example('msgid "It is <em>free</em>."\nmsgstr "C\'est <strong>gratuit</strong>."\n', path=_PO),
        Example('msgid "Save changes"\nmsgstr "<b>Enregistrer</b> les modifications"\n', path=_PO),
        Example('msgid "Set the <title> of the page"\nmsgstr "Définit le <title></title> de la page"\n', path=_PO,
                note="the translation closes the element: markup, read as tags on both sides"),
        Example(xliff_example('Hello <ph id="1"/>, you have <ph id="2"/> messages.',
                              "Bonjour, vous avez <ph id=\"2\"/> messages."), path=_XLF),
        Example(xliff_example('Click <pc id="1">Save</pc> now.', "Cliquez sur Enregistrer maintenant."), path=_XLF),
        Example(xliff_example('Press <x id="1"/> to continue.', 'Appuyez sur <x id="2"/> pour continuer.',
                              version="1.2"), path=_XLF),
        Example(xliff_example('<bpt id="1">&lt;b&gt;</bpt>Bold<ept id="1">&lt;/b&gt;</ept> text',
                              '<bpt id="1">&lt;b&gt;</bpt>Texte en gras', version="1.2"), path=_XLF),
    )
    allow = (
        Example(_FR + _RST + 'msgid "The *attrs* are found inside the tag\'s ``<>`` brackets."\n'
                'msgstr "Les *attrs* sont entre les symboles ``<`` et ``>`` de la balise."\n', path=_PO,
                note="one literal written as two that spell it, in order (python-docs-fr, html.parser)"),
        Example(_FR + _RST + 'msgid "A list is written between ``[]`` brackets."\n'
                'msgstr "Une liste s\'écrit entre les crochets ``[`` et ``]``."\n', path=_PO,
                note="a pair of brackets named one by one: each piece is one character"),
        Example(_RST + 'msgid ".. code:: rst\\n\\n   Use ``spam.eggs(42)`` here."\n'
                'msgstr ".. code:: rst\\n\\n   Use ``spam.ovos(42)`` aqui."\n', path=_PO,
                note="a literal block (a msgid with a line break) is code, not markup: B110 compares its lines"),
        Example(_RST + 'msgid "usage: <yourscript> [options]\\n\\n<yourscript> -h"\n'
                'msgstr "uso: <seuscript> [opções]\\n\\n<seuscript> -h"\n', path=_PO,
                note="a literal block's metavariables, translated"),
        Example(_FR + _RST + 'msgid "Pass ``some_fraction`` to it, or store it in ``my_list``."\n'
                'msgstr "Passez-lui ``ma_fraction``, ou stockez-la dans ``ma_liste``."\n', path=_PO,
                note="names whose first word is an English determiner are an example's"),
        Example(_FR + _RST + 'msgid "An or-pattern ``P1 | P2 | ...`` matches if one of ``P1``, ``P2`` matches."\n'
                'msgstr "Un filtre OU ``M1 | M2 | ...`` réussit si ``M1`` ou ``M2`` réussit."\n', path=_PO,
                note="a pattern's one-letter metavariables renamed the same way throughout the entry"),
        Example(_FR + _RST + 'msgid "For example, ``-k foo`` matches ``foo_tests.SomeTest.test_something``, '
                '``bar_tests.SomeTest.test_foo``, but not ``bar_tests.FooTest.test_something``."\n'
                'msgstr "Par exemple, ``-k machin`` retient ``machin_tests.UnTest.test_untruc``, '
                '``truc_tests.UnTest.test_machin``, mais pas ``truc_tests.MachinTest.test_untruc``."\n', path=_PO,
                note="an example's compound names renamed part by part, the same way throughout the entry"),
        Example(_FR + _RST + 'msgid "If you execute ``from ..subpkg2 import mod`` from within ``pkg.subpkg1`` '
                'you will import ``pkg.subpkg2.mod``."\n'
                'msgstr "Si vous exécutez ``from ..souspkg2 import mod`` depuis le sous-paquet ``pkg.souspkg1``, '
                'vous importez ``pkg.souspkg2.mod``."\n', path=_PO,
                note="a part's head replaced by a word of the translation's language (`sous`), three times"),
        Example(_FR + _RST + 'msgid "Each socket is created when another socket does a ``connect()`` to us."\n'
                'msgstr "Chaque connecteur est créé quand un autre connecteur se connecte à nous."\n', path=_PO,
                note="a literal left out of a rephrasing, no trace of it: nothing renders wrong"),
        Example(_FR + _RST + 'msgid "Formerly, ``Counter(a=3)`` and ``Counter(a=3, b=0)`` were distinct."\n'
                'msgstr "On avait auparavant ``Counter(a=3) != Counter(a=3, b=0)``."\n', path=_PO,
                note="the source's code regrouped into one literal"),
        Example(_FR + _RST + 'msgid "Added ``type_comments`` and ``mode=\'func_type\'``."\n'
                'msgstr "Ajout de *type_comments* et de la valeur ``\'func_type\'`` pour *mode*."\n', path=_PO,
                note="a literal's part kept as code, the rest as words"),
        Example(_FR + _RST + 'msgid "Mapping patterns: ``{\\"bandwidth\\": b, \\"latency\\": l}`` captures the '
                '``\\"latency\\"`` value."\n'
                'msgstr "Les filtres d\'association : ``{\\"bande_passante\\": b, \\"latence\\": l}`` extrait la '
                'valeur ``\\"latence\\"``."\n', path=_PO,
                note="an example's names renamed the same way throughout the entry"),
        Example(_FR + _RST + 'msgid "You can write ``modname.the_answer = 42`` and remove :attr:`!the_answer`."\n'
                'msgstr "Vous pouvez écrire ``nommodule.la_reponse = 42`` et supprimer :attr:`!la_reponse`."\n',
                path=_PO, note="a role that links nowhere (`!`) shows code: the example's name"),
        Example(_RST + 'msgid "This accepts ``foo.bar``."\nmsgstr "Ceci accepte ``truc.bar``."\n\n'
                + _RST + 'msgid "It rejects ``foo.bar``."\nmsgstr "Il rejette ``truc.bar``."\n', path=_PO,
                note="an example localized the same way throughout the catalogue"),
        Example(_ES + _RST + 'msgid "Shallow copies of lists are made by slicing the entire list, for example, '
                '``copied_list = original_list[:]``."\nmsgstr "Se pueden hacer copias superficiales de las listas '
                'asignando una porción de la lista completa, por ejemplo, ``lista_copiada = lista_original[:]``."\n',
                path=_PO, note="an example's names rendered in Spanish once (option rename-examples)"),
        Example(_FR + _RST + 'msgid "Here ``obj.name`` is any attribute of any object."\n'
                'msgstr "Ici ``obj.nom`` est le nom d\'un attribut quelconque."\n', path=_PO,
                note="`name` is a :ref: label's and a :term:'s word, not an API's"),
        Example(_FR + _RST + 'msgid "It compiles the current directory."\nmsgstr "Il compile le dossier courant."\n\n'
                + _RST + 'msgid "Run :program:`python -m compileall <directory> -l` first."\n'
                'msgstr "Lancez d\'abord :program:`python -m compileall <dossier> -l`."\n', path=_PO,
                note="a command's metavariable, worded in French (a word of the catalogue's prose)"),
        Example(_FR + _RST + 'msgid "A mapping pattern ``{KEY1: P1, KEY2: P2, ...}`` matches each key ``KEY1``."\n'
                'msgstr "Un filtre associatif ``{CLÉ1: M1, CLÉ2: M2, ...}`` réussit pour chaque clé ``CLÉ1``."\n',
                path=_PO, note="a grammar's metavariables worded in French, the same way throughout the string"),
        Example(_FR + _RST + 'msgid "A rule names what it matches."\nmsgstr "Une règle nomme ce qu\'elle filtre."\n\n'
                + _RST + 'msgid "the notation ``SEP.RULE+`` is shorthand for ``RULE (SEP RULE)*``"\n'
                'msgstr "la notation ``SEP.REGLE+`` désigne ``REGLE (SEP REGLE)*``"\n', path=_PO,
                note="one metavariable worded, the same way each time it is written"),
        Example(_FR + _RST + 'msgid "Read ``sys.stdin`` first."\nmsgstr "Lisez ``sys.stdin`` d\'abord."\n\n'
                + _RST + 'msgid "It reads ``sys.stdin`` by default."\nmsgstr "Il lit l\'entrée standard par défaut."\n',
                path=_PO, note="a literal written as words, no code in its place (option literals-as-words)"),
        Example(_FR + _RST + 'msgid "It returns ``None`` then."\nmsgstr "Elle renvoie ``None`` ensuite."\n\n'
                + _RST + 'msgid "Return ``None`` if the \\"name\\" is unknown."\n'
                'msgstr "Ne renvoie rien si le « nom » est inconnu."\n', path=_PO,
                note="the source quotes as many words as the translation"),
        Example(_FR + _RST + 'msgid "It returns ``None`` then."\nmsgstr "Elle renvoie ``None`` ensuite."\n\n'
                + _RST + 'msgid "In *cooked* mode, return ``None``."\nmsgstr "En mode « cuit », ne renvoie rien."\n',
                path=_PO, note="the source's emphasis set as quotes"),
        Example(_FR + _RST + 'msgid "Decorate it with ``@wrapper`` first."\n'
                'msgstr "Décorez-la d\'abord avec ``@décorateur``."\n', path=_PO,
                note="an example's name in a letter English code never writes"),
        Example(_FR + _RST + 'msgid "The target of ``(x,y)=some_value`` is a tuple."\n'
                'msgstr "La cible de ``(x, y) = une_valeur_quelconque`` est un n-uplet."\n', path=_PO,
                note="spaces are no part of a literal's shape"),
        Example(_FR + _RST + 'msgid "A mapping of keys to values."\nmsgstr "Un dictionnaire associe des clés à des valeurs."\n\n'
                + _RST + 'msgid "What :code:`dictionary.keys()` returns."\n'
                'msgstr "Ce que renvoie ``dictionnaire.keys()``."\n', path=_PO,
                note=":code: is an inline literal, not an API's name"),
        Example(_FR + _RST + 'msgid "Such as :file:`test_widget.py` beside :file:`widget.py`."\n'
                'msgstr "Tel que :file:`test_composant.py` à côté de :file:`composant.py`."\n', path=_PO,
                note="an example's file names rendered in French"),
        Example(_RST + 'msgid "Press :kbd:`Control-D` to quit."\nmsgstr "Appuyez sur :kbd:`Ctrl-D` pour quitter."\n',
                path=_PO, note="a key's label, as the reader's keyboard writes it"),
        Example(_RST + 'msgid "Call ``close`` when done; ``close`` may be called twice."\n'
                'msgstr "Appelez ``close`` à la fin ; l\'appeler deux fois est sans effet."\n', path=_PO,
                note="a rephrasing names the literal once, where the source names it twice"),
        Example(_RST + 'msgid "Show ``<the version>`` here."\nmsgstr "Affiche ``<the version>`` ici."\n', path=_PO,
                note="reST: a literal, not a tag"),
        Example(_RST + 'msgid "A :term:`file object`."\nmsgstr "Un :term:`objet fichier <file object>`."\n', path=_PO),
        Example(_RST + 'msgid "Use the :mod:`os` module."\nmsgstr "Utilisez le module ``os``."\n', path=_PO,
                note="the same code in other markup"),
        Example(_RST + 'msgid "``left`` is the first value."\nmsgstr "*left* est la première valeur."\n', path=_PO),
        Example(_RST + 'msgid "A sequence of ``(key, value)`` pairs."\nmsgstr "Une séquence de paires ``(clé, valeur)``."\n',
                path=_PO, note="a one-off example\'s names, localized"),
        Example(_RST + 'msgid "Calls :samp:`self.visit_{classname}`."\nmsgstr "Appelle :samp:`self.visit_{classe}`."\n',
                path=_PO, note="a :samp: variable part is words a reader replaces"),
        Example(_RST + 'msgid "In :abbr:`LIFO (last-in, first-out)` order."\n'
                'msgstr "Dans l\'ordre :abbr:`LIFO (dernier entré, premier sorti)`."\n', path=_PO,
                note="an :abbr:'s expansion is prose"),
        Example(_RST + 'msgid "In reverse order (:abbr:`LIFO (last-in, first-out)`)."\n'
                'msgstr "반대 순서로(:abbr:`LIFO(후입 선출법(last-in, first-out))`)."\n', path="ko.po",
                note="… from its first bracket, with no space before it, as Sphinx reads it"),
        Example(_RST + 'msgid "Call ``ask_ok(\'Do you want to quit?\')`` first."\n'
                'msgstr "먼저 ``ask_ok(\'끝내길 원하세요?\')``\\를 호출합니다."\n', path="ko.po",
                note="an example's phrase rendered inside its string, the code around it kept"),
        Example(_RST + 'msgid "Holds ``1 <= day <= number of days in the month``."\n'
                'msgstr "``1 <= day <= 그 달의 날 수``\\를 만족합니다."\n', path="ko.po",
                note="prose in pseudo-code rendered, the code before it kept"),
        Example(_RST + 'msgid "``Mock`` attributes are ``Mocks``."\nmsgstr "``Mock`` 어트리뷰트는 ``Mock``\\입니다."\n',
                path="ko.po", note="an English plural on a class's name, left out by a language that writes none"),
        Example(_RST + 'msgid "Click :guilabel:`Save`."\nmsgstr "Cliquez sur :guilabel:`Enregistrer`."\n', path=_PO),
        Example(_RST + 'msgid "A subclass of :class:`SubprocessProtocol`."\n'
                'msgstr "Una subclase de :class:`asyncio.SubprocessProtocol`."\n', path=_PO,
                note="the same class, named with its module"),
        Example('msgid "Click <b>Save</b> to continue."\nmsgstr "Cliquez sur <b>Enregistrer</b> pour continuer."\n',
                path=_PO),
        Example('msgid "<a href=\\"/en/terms\\" title=\\"Terms\\">terms</a>"\n'
                'msgstr "<a href=\\"/fr/terms\\" title=\\"Conditions\\">conditions</a>"\n', path=_PO),
        Example('msgid "<b>New</b>: <i>beta</i>"\nmsgstr "<i>bêta</i> : <b>nouveau</b>"\n', path=_PO,
                note="the order may change"),
        Example('msgid "Less than 5 < 10"\nmsgstr "Moins que 5 < 10"\n', path=_PO),
        Example('msgid "Plain text"\nmsgstr "Texte brut"\n', path=_PO),
        Example('msgid "  -s, --solve <equation>   Solve the given equation"\n'
                'msgstr "  -s, --solve <ecuación>   Resolver la ecuación"\n', path=_PO,
                note="a metavariable in a program's help, worded by the translator"),
        Example('#: src/outbound.c:1\nmsgid "TRAY -t <text>   Set the tray tooltip.\\nTRAY -b <title> <text>  Set the '
                'tray balloon."\nmsgstr "TRAY -t <texto>   Configura la descripción.\\nTRAY -b <título> <texto>  '
                'Configura el globo."\n', path=_PO,
                note="an HTML element's name as a usage line's argument: no string closes a tag"),
        Example('msgid "git cherry [-v] [<upstream> [<head> [<limit>]]]"\n'
                'msgstr "git cherry [-v] [<업스트림> [<헤드> [<한계값>]]]"\n', path=_PO,
                note="`<head>`, which HTML lets stand open, as a usage line's argument beside `<upstream>`"),
        Example('msgid "<n>[,<base>]"\nmsgstr "<n>[,<dasar>]"\n', path=_PO),
        Example('msgid "The <src> part of the refspec is a commit object."\n'
                'msgstr "La partie <source> du spécificateur de référence est un objet commit."\n', path="fr.po",
                note="a metavariable worded as a word that names an element"),
        Example('msgid "git cherry [-v] [<upstream> [<head> [<limit>]]]"\n'
                'msgstr "git cherry [-v] [<font> [<cap> [<límit>]]]"\n', path="ca.po",
                note="Catalan `font` for upstream, beside `<head>` worded `<cap>`"),
        Example('msgid "git cherry [-v] [<upstream> [<head> [<limit>]]]"\n'
                'msgstr "git cherry [-v] [<προς τα πάνω> [<head> [<όριο όριο>]]]"\n', path=_PO,
                note="`<head>` kept as the source writes it, beside arguments worded in words"),
        Example(xliff_example('<ph id="1"/> of <ph id="2"/> files', '<ph id="2"/> fichiers sur <ph id="1"/>'),
                path=_XLF, note="inline codes may change order"),
        Example(xliff_example('Click <pc id="1" dataRefStart="d1">Save</pc>.',
                              'Cliquez sur <pc id="1" dataRefStart="d1">Enregistrer</pc>.'), path=_XLF),
        Example(xliff_example('<g id="1" ctype="bold">New</g> features', 'Nouvelles <g id="1">fonctions</g>',
                              version="1.2"), path=_XLF),
        Example(xliff_example('<bpt id="1">&lt;b&gt;</bpt>Bold<ept id="1">&lt;/b&gt;</ept> text',
                              '<bpt id="1">&lt;strong&gt;</bpt>Gras<ept id="1">&lt;/strong&gt;</ept>',
                              version="1.2"), path=_XLF, note="the native code inside is not compared"),
    )

    head = "Markup tags differ from the source"
    separator = " "

    def difference(self, seg: Segment, doc: Document, both: tuple[str, str]) -> Difference | None:
        markup = markup_of(doc)
        source, target = (kept_markup(t, markup) for t in both)
        # `--solve <equation>` in a program's help: a metavariable the translator words, not a tag.
        closes = any(k.startswith("</") for side in (source, target) for k in side)
        elements = [_element_metavariables(side, closes) for side in (source, target)]
        worded = _worded_as_element(source, target, elements[0], closes)
        if worded:
            # (`<upstream>` as `<font>` beside `<head>` as `<cap>`: worded metavariables, no element for another)
            elements = [elements[0], elements[1] | worded]
        elif elements[0] and elements[1]:
            # One element's metavariable never stands for another's: `<b>` as `<i>` is a changed tag.
            elements = [elements[0] & elements[1]] * 2
        else:
            # One string's metavariable that the other writes the same is that metavariable there too
            # (`[<head>]` kept beside `<προς τα πάνω>`, which is read as no tag: no evidence of its own).
            elements = [elements[0] | (elements[1] & set(source)), elements[1] | (elements[0] & set(target))]
        source, target = (Counter({k: n for k, n in side.items() if not _metavariable(k, side) and k not in kept})
                          for side, kept in zip((source, target), elements, strict=True))
        # In a marked-up string, code a translator adds (``code`` where the source wrote plain words)
        # breaks nothing: only the source's that the translation lost or changed is reported, and tags.
        added_tags = Counter({k: n for k, n in (target - source).items() if k.startswith("<")})
        lost = source - target + added_tags if markup not in ("none", "auto") else (source - target) + (target - source)
        if not lost:
            return None
        alternative = singular(seg, doc)
        if alternative is not None and not kept_markup(alternative, markup) - target:
            return None  # a plural form may follow the singular msgid
        if markup not in ("none", "auto"):
            literals = (_code_of(both[0], markup, literals=True), _code_of(both[1], markup, literals=True))
            # Code the translation writes, if fewer times than the source (a rephrasing that names
            # ``close`` once where the source names it twice), is kept, unless a new literal of the
            # translation stands for the missing one (``None`` twice as ``None`` and ``Nonne``: one
            # changed, not dropped); tags are counted (a lost `</b>`).
            lost = Counter({k: n for k, n in lost.items()
                            if not (k.startswith("`") and "{}" not in k and target[k]
                                    and not _stands_for(k, target - source, literals))})
            lost = Counter({k: n for k, n in lost.items() if not _qualified(k, target - source)})
            if not lost:
                return None
            renamed = _metavariables_renamed(literals, target - source, doc, markup, self.opts.lexicon)
            if self.opts.rename_examples:
                renamed |= _renamed_in_entry(both, literals, doc, markup, self.opts.lexicon)
            prose = without_code(both[1], markup)
            lost = Counter({k: n for k, n in lost.items() if not _regrouped(k, literals, prose) and not _split_up(k, literals)})
            if self.opts.rename_examples:
                lost = _rendered_left_out(lost, target - source, literals, both[0])
            lost = Counter({k: n for k, n in lost.items()
                            if k not in renamed and _must_keep(k, target - source, doc, markup, both, literals,
                                                               self.opts.rename_examples, self.opts.lexicon)})
            if not self.opts.literals_as_words:
                lost = Counter({k: n for k, n in lost.items() if not _in_words(k, literals, target - source, both, markup)
                                and not _dropped(k, literals, target - source, both, markup)})
            if not lost:
                return None
        # `lost` holds the tags a translation adds too (a finding of their own); the message names them
        # once, as not in the source.
        added = target - source
        return Difference(sorted((lost - added).elements()), sorted(added.elements()),
                          head="Markup differs from the source" if markup not in ("none", "auto") else None)

"""L104 inverted-question-mark: a Spanish question or exclamation without its opening ¿ or ¡ (or the
reverse)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from lint.formats.bilingual import copied
from lint.language import abbreviations, has_own_words, in_other_language, names_a_work, own_words, pack, packs, primary
from lint.model import Document, Finding, Segment, Severity
from lint.patterns import compiled_on_use
from lint.rule import Example, Rule

from ._around import link_text_around, quotation_around, quotation_span_around
from ._packs import languages_with

# Where a sentence ends: . ! ? … before a capital, an opening mark or the end (not `vs. espacios`), or a
# line break, unless the line goes on in lower case or with a placeholder (`%s`, or U+FFFC, which a
# catalogue's reader writes for one): a dialog's string wraps its question over two lines (`¿Confirma que
# quiere eliminar\npermanentemente «%s»?`, `¿Quisiste crear una rama empujando a\n'%s:refs/heads/%s'?`);
# nor one after a comma, which ends no sentence (ruby-lang.org's `¡Con estos cambios,\n[2470 archivos
# cambiados](…)\ndesde Ruby 2.3.0!`), unless the line opens a question or an exclamation of its own: the ¿
# or ¡ before the comma is never closed (`¡Muchas gracias por su compra,\n¡Nos vemos pronto!`), and joined,
# the next line's mark closed it.
_BOUNDARY = compiled_on_use(r"[.!?…]+(?=\s+[A-ZÁÉÍÓÚÑ¿¡\"“«(]|\s*$)|(?<!,)\n(?![ \t]*(?:[a-záéíóúñü]|['\"‘“«]?[%\ufffc]))"
                            r"|(?<=,)\n(?=[ \t]*[¿¡])")


class InvertedQuestionMark(Rule):
    code = "L104"
    slug = "inverted-question-mark"
    summary = "A question or exclamation without its opening ¿ or ¡ (Spanish)"
    rationale = """
**What it does.** In Spanish, flags a `?` or `!` with no `¿` or `¡` before it in the same sentence, and
an opening `¿` or `¡` that is never closed: `Qué es Vue?`, `¿Qué es Vue.`

**Why is this bad?** Spanish question and exclamation marks are double, and the opening one is
obligatory (Real Academia Española, *Ortografía de la lengua española*, 2010, §3.4.4): the reader must
know where the question starts. MT engines and keyboards without the marks drop them.

Not flagged: a sentence in another language (`This is a bug!` quoted in a Spanish page), a mark inside
a word or code (`?query`, `!important`), `(?)` and `(!)` marking doubt or
surprise, a `?` among a prompt's answer keys (`[y,n,q,?]`), a mark quoted with no letter beside it,
named as a character (`si el directorio comienza con un '!'`, `cualquier de '*?[]'`), a question that
opens mid-sentence (`Si falla, ¿qué hacemos?`), a mark that ends a title in another language (a spelling
no Spanish word has: k, w, th, a final p) quoted after the noun that names its work (`la canción "Fly!"`,
`la producción de la West End "Annie!"`: the title's own mark, cited as its language writes it; Fundéu RAE,
«títulos de libros, escritura correcta», 2021; a title Spanish could spell, `"Oliver!"`, `"Corre!"`, is
still flagged). The full stop of one of the
language's abbreviations (its pack's list, from the RAE's: `Sr.`, `Dr.`, `EE. UU.`) ends no sentence:
`¿Por qué el Sr. Kavanaugh no quería…?` is one question.
"""
    severity = Severity.WARNING
    languages = languages_with("inverted")
    trigger = r"[?!¿¡]"
    flag = (
        Example("Qué es Vue?\n", language="es"),
        Example('msgid "Discard this hunk [y,n,q,a,d%s,?]? "\nmsgstr "Descartar este fragmento [y,n,q,a,d%s,?]? "\n',
                path="es.po", language="es", note="the prompt\'s own question still needs its ¿"),
        Example("Está seguro,?\n", language="es", note="a `?` after a comma at the end is no answer key"),
        Example("Si el directorio comienza con '!' qué hacemos?\n", language="es",
                note="a named character is skipped, the question's own mark is not"),
        Example("Qué es '42'?\n", language="es", note="a quotation before the mark, not around it"),
        Example("Cómo funciona el enrutador? Lo vemos ahora.\n", language="es"),
        Example("Qué bien!\n", language="es"),
        Example("¿Qué es Vue.\n", language="es"),
        Example("Funciona. Por qué no lo usas?\n", language="es"),
        Example("¡Cuidado con los efectos secundarios.\n", language="es"),
        Example("Todo listo. Empezamos!\n", language="es"),
        Example("Y entonces dijo: “Es la mejor idea que he oído nunca!” y se fue.\n", language="es"),
        Example("Entonces gritó “Socorro!” y salió corriendo de la casa.\n", language="es",
                note="a short Spanish quotation: no other language's words in it"),
        Example('Cantó en el festival la canción "Qué bien!" con su banda.\n', language="es",
                note="a title with Spanish letters: a Spanish exclamation wants its ¡"),
        Example('Leí el libro "Corre!" en una sola tarde.\n', language="es",
                note="no spelling of another language: a Spanish title that lost its ¡"),
        Example('Le pregunté “Cuándo vienes?” y no me contestó.\n', language="es"),
        Example("<!-- copylint-language: es -->\nQuieres saber más?\n", path="a.md"),
        Example('msgid "What is the following folder?"\nmsgstr "qué es la carpeta siguiente?"\n', path="es.po",
                language="es", note="a whole question in its source: the translation lost its ¿"),
        Example('msgid "overwrite existing file?"\nmsgstr "sobrescribir el archivo existente?"\n', path="es.po",
                language="es", note="a prompt in lower case, in a catalogue where no string leaves a question open"),
        Example("Todo está listo\nquieres empezar?\n", language="es",
                note="a line that goes on in lower case is the same sentence"),
        Example("Esto es todo.\nFunciona bien,\n2470 archivos cambiados!\n", language="es",
                note="a line after a comma goes on the same sentence"),
        Example("¡Muchas gracias por su compra,\n¡Nos vemos pronto!\n", language="es",
                note="a line after a comma that opens an exclamation of its own: the first ¡ is never closed"),
        Example("Ya conoces el método Regexp#match?\n", language="es",
                note="a question that ends on a method's name still wants its ¿"),
        Example("Qué es Vue.js? Un framework.\n", language="es", note="a product's name, not a method's"),
        Example("Conoces Enumerable#any?, all? y one? Son nuevos.\n", language="es",
                note="the list of methods ends the question"),
        Example("Ejecuta bundle install (o has borrado el Gemfile.lock?) y vuelve a empezar.\n", language="es",
                note="a file's name, not a method's"),
        Example("Lee [Qué es ruby.wasm?](https://example.com/wasm) para empezar.\n", path="a.md", language="es",
                note="a project's name ends the link's question"),
        Example("Conoces ruby-lang.org? es la web oficial.\n", language="es", note="a site's name"),
        Example("¿Sabes qué es Vue\nEs un framework de JavaScript.\n", language="es",
                note="a question left open over a line that never closes it"),
        Example("Ya tenemos Ruby! y es gratis.\n", language="es",
                note="a capitalized word that ends the exclamation, not one that opens it as a name"),
        Example("Hola! bienvenidos a la documentación de Vite.\n", path="a.md", language="es",
                note="an interjection, a Spanish word, is no product's name"),
        Example("¡Gracias a todos los que vinieron\nNos vemos el año que viene!\n", path="a.txt", language="es",
                note="a line that may end a sentence: in a plain-text scrape each line is one"),
    )
    allow = (
        Example("¿Qué es Vue?\n", language="es"),
        Example("¡Qué bien!\n", language="es"),
        Example("Si falla, ¿qué hacemos?\n", language="es"),
        Example("El valor (?) no está documentado.\n", language="es"),
        Example('msgid "If your directory starts with a \'!\', pass --skip-checks"\n'
                'msgstr "Si el directorio comienza con un \'!\', se necesita --skip-checks"\n', path="es.po",
                language="es", note="a character named in quotes (git's po/)"),
        Example("Si el directorio lleva cualquier de '*?[]' en él, usa --skip-checks.\n", language="es"),
        Example("Usa `!important` solo si es necesario.\n", path="a.md", language="es"),
        Example("What is Vue?\n", language="en"),
        Example("¿Cómo? ¿Cuándo? ¿Dónde?\n", language="es"),
        Example("La URL termina en ?page=2 para la segunda página.\n", language="es"),
        Example("- [[#14119] refactor!: fusiona `PreviewServerForHook` en el tipo](https://github.com/vitejs/vite/pull/1)\n",
                path="a.md", language="es"),
        Example("¿Es posible? Sí, y además es fácil.\n", language="es"),
        Example("¿Hay alguna diferencia si se pone el `alert` antes de `setWalk`?\n", path="a.md", language="es"),
        Example("## ¿Qué hay de nuevo en React 18?\n", path="a.md", language="es"),
        Example("# ¿ Quién es el suscriptor ?\n", path="a.md", language="es",
                note="closed after a space (letsencrypt's Spanish pages): the space is S107's finding"),
        Example("¡Nada peor que un debate sobre tabuladores vs. espacios!\n", language="es"),
        Example("¿Por qué el Sr. Kavanaugh y sus partidarios no querían que el FBI investigue? Nadie lo sabe.\n",
                language="es", note="an abbreviation's full stop (RAE's list: Sr., Dr., EE. UU.) ends no sentence"),
        Example("¡Qué decisión la de EE. UU. en la cumbre!\n", language="es"),
        Example("Editar la publicación “Hello, World!” actualizará el archivo de la entrada.\n", language="es"),
        Example('Compuso con su productor la canción "Jump!" para el disco.\n', language="es",
                note="an English title after the noun that names its work"),
        Example('Hizo el papel principal en la producción de la West End "Annie!"\n', language="es",
                note="the work's noun, then its stage, then its title"),
        Example('Y gritaron “November is coming!” durante todo el partido en el estadio.\n', language="es",
                note="an English chant quoted as sung"),
        Example("Este error aparece.\n\n**This is a production bug in the application!** Nada más.\n", path="a.md",
                language="es"),
        Example('#: library/re.rst:7\nmsgid "??"\nmsgstr "??"\n', path="es.po", language="es",
                note="a catalogue's string copied from its source"),
        Example("¿Confirma que quiere eliminar\npermanentemente el archivo?\n", language="es",
                note="a question wrapped over two lines"),
        Example('msgid "Discard this hunk [y,n,q,a,d%s,?]? "\nmsgstr "¿Descartar este fragmento [y,n,q,a,d%s,?]? "\n',
                path="es.po", language="es", note="`?` among a prompt's answer keys"),
        Example('msgid "Did you mean to push to\\n\'%s:refs/heads/%s\'?"\n'
                'msgstr "¿Quisiste empujar a\\n\'%s:refs/heads/%s\'?"\n', path="es.po", language="es",
                note="a question wrapped before a quoted placeholder"),
        Example("¡Con estos cambios,\n[2470 archivos cambiados](https://github.com/ruby/ruby/compare/v2_3_0...v2_4_0)\n"
                "desde Ruby 2.3.0!\n", path="a.md", language="es",
                note="an exclamation wrapped after a comma, before a link (ruby-lang.org's release news)"),
        Example("* Enumerable#any?, all?, none?, y one? aceptan un patrón como argumento.\n", path="a.md",
                language="es", note="Ruby methods named with their `?` (ruby-lang.org's news)"),
        Example("### [Regexp#match?](https://bugs.ruby-lang.org/issues/8110)\n\nEl método nuevo.\n", path="a.md",
                language="es"),
        Example("Vulnerabilidad en File.fnmatch y File.fnmatch? con NUL, y en `Array#sum!`.\n", language="es"),
        Example("¿Identificas a alguien que te ayudó en la comunidad de\nRuby el año pasado? Cuéntanos.\n",
                language="es", note="a question wrapped before a name (ruby-lang.org's news)"),
        Example("Haase escribió un resumen: [What's new in Ruby 2.1?](https://example.com/ruby).\n", path="a.md",
                language="es", note="a link's text: the English title of the page it links to"),
        Example("Se comporta como [try! of Active Support](https://example.com/try) en Rails.\n", path="a.md",
                language="es"),
        Example("* Lolipop! servicio de hospedaje compartido por un año.\n", path="a.md", language="es",
                note="a product's name written with its mark"),
        Example("El método Regexp#match{?} con nil lanza TypeError.\n", language="es",
                note="a mark in braces, as in parentheses"),
    )

    def check_segment(self, seg: Segment, doc: Document) -> Iterator[Finding]:
        if seg.source_text is not None and copied(seg, doc):
            return  # a catalogue's string copied from its source (`??`) is in the source's language: B102's
        pairs = (pack(doc.language) or {}).get("inverted") or {}
        text = seg.text
        start = 0
        # An abbreviation's full stop ends no sentence (`¿Por qué el Sr. Kavanaugh no quería…?`).
        own = abbreviations(doc.language)
        ends = _joined_wraps(text, [b for b in _BOUNDARY.finditer(text) if not _abbreviation_stop(text, b, own)],
                             pairs, own_words(doc.language))
        names = _method_name_marks(seg, doc) if "#" in text or "." in text else frozenset()
        for b in [*ends, None]:
            end = b.end() if b is not None else len(text)
            yield from self._sentence(seg, doc, start, end, pairs, names)
            start = end

    def _sentence(self, seg: Segment, doc: Document, start: int, end: int, pairs: dict[str, str],
                  names: frozenset[int]) -> Iterator[Finding]:
        text, language = seg.text, doc.language
        for close, opening in pairs.items():
            open_at = -1
            for i in range(start, end):
                ch = text[i]
                if ch == opening:
                    open_at = i
                elif ch == close:
                    before, after = text[i - 1: i], text[i + 1: i + 2]
                    # `[y,n,q,a,d,?]`: a key among the answers a prompt takes, no question's end.
                    key = before in ",[|" and after != "" and after in ",]|"  # ("" is in every string)
                    if key or before in ("(", "{", "") or before.isspace() or (after and (after.isalnum() or after in "=:")):
                        if open_at >= 0 and before.isspace():
                            open_at = -2  # `¿ Quién es ?`: closed, after a space (S107's business)
                        continue  # (?), {?}, a lone mark, ?query, !important, a!=b, feat!: (a breaking change)
                    if i in names:
                        continue  # `Regexp#match?`, `Enumerable#any?, all?`: a Ruby method's name ends in it
                    if open_at < 0 and close == "!" and _name_with_mark(text, start, i, language):
                        continue  # `Lolipop! servicio de hospedaje`: a product's name ends in it
                    if _named_character(text, i):
                        continue  # a character named in quotes (`un '!'`, `'*?[]'`), no sentence's end
                    if open_at < 0 and (quoted := quotation_around(text, i) or link_text_around(doc, seg, i)) and (
                            in_other_language(quoted, language)
                            or (has_own_words(quoted, "en") and not has_own_words(quoted, language))):
                        open_at = -2
                        continue  # another language's title or words quoted as written: “Hello, World!”
                    if open_at < 0 and _foreign_title(text, i, language):
                        open_at = -2
                        continue  # a title in another language, cited after its work's noun: la canción "Fly!"
                    if open_at < 0 and not in_other_language(text[start:end], language):
                        yield self.finding(seg, i, i + 1, f"'{close}' with no opening '{opening}'")
                    open_at = -2  # closed
            if open_at >= 0:
                yield self.finding(seg, open_at, open_at + 1, f"'{opening}' never closed by '{close}'")


# Ruby methods named with their `?` or `!` (ruby-lang.org's news: `Regexp#match?`, `File.fnmatch?`,
# `Enumerable#any?, all?, none?, y one? aceptan…`): a name joined to its class or receiver by `#`, or by
# `.` where the method has three letters or more (not `Vue.js?`, `Node.js?`: a question about a product),
# maybe then more methods in a list, each with its mark; the sentence goes on after the last (a comma, a
# bracket, a backtick or a lower-case word) or a link's text ends there (`### [Regexp#match?](…)`), so a
# question that ends on a method's name (`Ya conoces el método Regexp#match?`) still wants its ¿. A file's
# or a site's name is no method's (`(o has borrado el Gemfile.lock?)`, `[Qué es ruby.wasm?](…)`,
# `ruby-lang.org? es…`): not after a `.`, `/` or `-`, nor a common extension or top-level domain.
_NOT_METHODS = ("com|org|net|edu|gov|info|dev|app|html?|json|ya?ml|toml|lock|txt|xml|css|scss|php|wasm|png|jpe?g"
                "|gif|svg|pdf|zip|exe|conf|cfg|ini|java|swift|gemspec")
_METHOD_NAMES = compiled_on_use(
    r"(?<![\w@./-])[A-Za-z_@][\w:]*(?:#[a-z_]\w*|\.(?!(?:" + _NOT_METHODS + r")[?!])[a-z_]{3,}\w*)[?!]"
    r"(?:,[ \t]*(?:(?:y|e|o|u)[ \t]+)?[a-z_]\w*[?!])*(?=[,\])`]|[ \t]+[a-záéíóúñ]|\Z)")
_MARK = compiled_on_use(r"[?!]")


def _method_name_marks(seg: Segment, doc: Document) -> frozenset[int]:
    """Where in the segment a `?` or `!` ends a Ruby method's name (``_METHOD_NAMES``); at the segment's
    end, only where the source closes a link's text right after it."""
    text, source = seg.text, doc.source.text
    return frozenset(k.start() for m in _METHOD_NAMES.finditer(text)
                     if m.end() < len(text) or source[seg.to_source_end(m.end()):][:1] == "]"
                     for k in _MARK.finditer(text, m.start(), m.end()))


# Quotation marks and their closings, a straight single quote among them: around a mark with no letter
# beside it, it quotes the characters themselves, not someone's words.
_CLOSING = {"'": "'", '"': '"', "‘": "’", "“": "”", "«": "»", "`": "`"}
_NAMED_REACH = 12  # characters on either side: a glob or a set of characters, never a sentence


def _named_character(text: str, at: int) -> bool:
    """Whether the mark at ``at`` stands in quotes among characters that are neither letters, digits nor
    blanks (`'!'`, `'*?[]'`, `"?"`): a character named, as a program's message names the ones it refuses."""
    first = at
    while first > max(0, at - _NAMED_REACH) and not _breaks_run(text[first - 1]):
        first -= 1
    last = at + 1
    while last < min(len(text), at + 1 + _NAMED_REACH) and not _breaks_run(text[last]):
        last += 1
    return first > 0 and last < len(text) and _CLOSING.get(text[first - 1]) == text[last]


def _breaks_run(ch: str) -> bool:
    """A character a named character's run cannot hold: a letter, a digit, a blank or a quotation mark."""
    return ch.isalnum() or ch.isspace() or ch in _CLOSING or ch in _CLOSING.values()


# The word before a full stop.
_WORD_BEFORE = compiled_on_use(r"(\w+)\Z")


def _abbreviation_stop(text: str, boundary: re.Match[str], own: frozenset[str]) -> bool:
    """Whether a boundary is the full stop of one of the language's abbreviations (`Sr.`, `EE. UU.`)."""
    if boundary.group() != ".":
        return False
    word = _WORD_BEFORE.search(text, max(0, boundary.start() - 16), boundary.start())
    return word is not None and word.group(1).lower() in own


def _joined_wraps(text: str, ends: list[re.Match[str]], pairs: dict[str, str],
                  common: frozenset[str]) -> list[re.Match[str]]:
    """The sentence ends less the line breaks that wrap a question or an exclamation: a line that leaves
    a ¿ or ¡ open, whose next lines close it before opening another, goes on the same sentence, whatever
    letter the next line starts with (`¿Identificas a alguien en la comunidad de\nRuby el año pasado?`).
    A line that opens its own mark first is a sentence of its own (`¡Muchas gracias,\n¡Nos vemos!`).
    Only a line that cannot end a sentence wraps (``_wraps_mid_sentence``): in a plain-text scrape a line
    is a sentence, and `¡Gracias a todos los que vinieron\nNos vemos el año que viene!` misses two marks."""
    kept: list[re.Match[str]] = []
    start = 0
    for k, b in enumerate(ends):
        if "\n" in b.group() and not _MARK_END.search(b.group()) and _wraps_mid_sentence(text, start, b.start(), common):
            # The next lines, up to the next sentence end that a mark makes or a blank line.
            until = next((e.end() for e in ends[k + 1:] if _MARK_END.search(e.group())), len(text))
            blank = _BLANK_LINE.search(text, b.end(), until)
            until = blank.start() if blank else until
            if any(text.rfind(opening, start, b.start()) > text.rfind(close, start, b.start())
                   and _closes_first(text, b.end(), until, close, opening) for close, opening in pairs.items()):
                continue
        kept.append(b)
        start = b.end()
    return kept


def _wraps_mid_sentence(text: str, start: int, at: int, common: frozenset[str]) -> bool:
    """Whether the line that ends at ``at`` stops where no sentence ends: on one of the language's common
    words (`…en la comunidad de\nRuby…`, `¿Podemos decir que\nRoR es…?`) or inside a quotation it opened
    (`el programa “Hola\nMundo” más corto`)."""
    word = _WORD_BEFORE.search(text, max(start, at - 16), at)
    if word is not None and word.group(1).lower() in common:
        return True
    line = text[start:at]
    return any(line.rfind(o) > line.rfind(c) for o, c in (("“", "”"), ("«", "»")))


_MARK_END = compiled_on_use(r"[.!?…]")
_BLANK_LINE = compiled_on_use(r"\n[ \t]*\n")


def _closes_first(text: str, start: int, end: int, close: str, opening: str) -> bool:
    """Whether ``close`` stands in text[start:end] before any ``opening``."""
    c = text.find(close, start, end)
    o = text.find(opening, start, end)
    return c >= 0 and (o < 0 or c < o)


# A capitalized word glued to the `!` after it, alone at the sentence's start, the sentence going on in
# lower case: a product's or a company's name written with its mark (ruby-lang.org's `* Lolipop! servicio
# de hospedaje compartido`). An exclamation that goes on in lower case ends on its last word, rarely its
# first (`Qué bien! dijo`, `Ya tenemos Ruby! y es gratis` are flagged); the language's own common words are
# no names. The word must be spelled as no Spanish word is (RAE: Spanish words end in a vowel or d, j, l,
# n, r, s, x, y, z; k and w only in loans): one-word interjections that open a sentence are Spanish words
# (`Hola! bienvenidos`, `Gracias! nos vemos`, `Atención! la versión 2.0…`), the commonest missing ¡ of all.
# (`Yahoo!` goes on flagged: a miss of a false finding, rather than a hidden `Hola!`.)
_CAPITALIZED_BEFORE = compiled_on_use(r"(?<![\w.#@/-])[A-ZÁÉÍÓÚÑ][a-záéíóúñü]+\Z")
_LOAN_SPELLING = compiled_on_use(r"[kw]|[^aeiouáéíóúdjlnrsxyz]\Z")
_LOWER_AFTER = compiled_on_use(r"[ \t]+[a-záéíóúñü]")


def _name_with_mark(text: str, start: int, at: int, language: str) -> bool:
    """Whether the `!` at ``at`` ends a name (``_CAPITALIZED_BEFORE``) that opens the sentence at ``start``
    and the sentence goes on after it."""
    word = _CAPITALIZED_BEFORE.search(text, max(start, at - 40), at)
    return (word is not None and not text[start:word.start()].strip() and _LOWER_AFTER.match(text, at + 1) is not None
            and word.group().lower() not in own_words(language) and _LOAN_SPELLING.search(word.group().lower()) is not None)


# A title cited in quotation marks after the noun that names its work (the pack's `work-nouns`: `la canción
# "Fly!"`), maybe with its maker or stage after `de` (`la canción de los Beatles "Help!"`, `la producción de la
# West End "Annie!"`): a `!` or `?` that ends it is the title's own, and a title in another language is cited as
# that language spells it (Fundéu RAE, «títulos de libros, escritura correcta», 2021: a title not written in
# Spanish may keep the form of its own language; RAE, Ortografía de la lengua española, 2010, § 4.2.4.10.1:
# quotation marks stand for the italics of a title). Spanish, the one language whose pack lists inverted
# marks: its `de`/`del` and articles. A title with Spanish words or letters (`la canción "Qué bien!"`) wants its
# ¡ as any Spanish exclamation does; a quotation after a verb (`gritó "Socorro!"`) is speech, not a title.
_WORK_NAMED_BEFORE = compiled_on_use(
    r"(?<!\w)([^\W\d_]+)(?:[ \t]+del?(?:[ \t]+(?:el|la|los|las))?(?:[ \t]+[A-ZÁÉÍÓÚÑ][^\W\d_]*){1,4})?[ \t]*\Z")
_OWN_LETTERS = compiled_on_use(r"[áéíóúñü¿¡]")
# A spelling no Spanish word has, which says a title is another language's: k or w, sh, th, ph, ck, a doubled
# b d f g m p t, nn after a or u (Spanish doubles n only where in-, con-, en-, sin- meet an n: innato, perenne),
# y after a consonant at a word's end (`Fly`; Spanish hoy, muy, rey), or a final consonant none of its words
# ends in (`Jump`, `Help`; Spanish ends in a vowel, d, j, l, n, r, s, x, y, z). A title with none of these
# (`"Corre!"`, `"Hola!"`, `"Quieres bailar?"`) may well be Spanish that lost its ¡ or ¿, and stays flagged.
_FOREIGN_SPELLING = compiled_on_use(r"[kw]|sh|th|ph|ck|([bdfgmpt])\1|[au]nn|[^\W\d_aeiou]y\b|[^\W\d_aeiouáéíóúdjlnrsxyz]\b")
# (The pack's `quoted-work-nouns` too: `producción`, a work's noun only before a quoted title.)
_WORK_NOUNS = {primary(t): frozenset(p["work-nouns"]) | frozenset(p.get("quoted-work-nouns") or ())
               for t, p in packs().items() if p.get("work-nouns")}


def _foreign_title(text: str, at: int, language: str) -> bool:
    """Whether the mark at ``at`` ends a quoted title (``_WORK_NAMED_BEFORE``) with none of the language's own
    words or letters in it and a spelling its words lack (``_FOREIGN_SPELLING``)."""
    nouns = _WORK_NOUNS.get(primary(language), frozenset())
    span = quotation_span_around(text, at) if nouns else None
    if span is None or span[1] != at + 1:
        return False
    quoted = text[span[0] + 1:span[1]]
    if (has_own_words(quoted, language) or _OWN_LETTERS.search(quoted.lower())
            or not _FOREIGN_SPELLING.search(quoted.lower())):
        return False
    before = _WORK_NAMED_BEFORE.search(text, max(0, span[0] - 80), span[0])
    return before is not None and names_a_work(before.group(1).lower(), nouns)

"""P104 doubled-punctuation: `,,`, `..`, `?.` and other marks doubled by mistake."""

from __future__ import annotations

import re
from collections.abc import Iterator

from lint.formats.bilingual import pair, translations_write_whole
from lint.language import abbreviations
from lint.model import Applicability, Document, Finding, Segment, Severity
from lint.patterns import compiled_on_use
from lint.rule import Example, Rule

_DOUBLED = compiled_on_use(
    r"(?<=[^\s,]),,(?![,\S])"  # crashed,, officials (not ,,low quotes'' nor a,,b in data)
    r"|(?<=[^\s;]);;(?![;\S])"
    r"|(?<=[\w)])\.\.(?![.\w/*])"  # story.. (not ... nor ../docs nor 1..10 nor 1..*)
    r"|(?<=\w)[?!]\.(?![.\w])"  # really?. (not a?.b)
    r"|(?<=\w),\.(?!\.)"
    r"|(?<=\w);\."
    r"|(?<=[a-z])\.,"
)
# Where a match of _DOUBLED can start: each of its alternatives is two of these marks. Led by a class,
# which the regex engine skips along in C, where _DOUBLED, led by lookbehinds, tries all seven
# alternatives at every character of the paragraph.
_PAIR = compiled_on_use(r"[,;.?!][,;.]")
# The word before a full stop that is followed by a comma: "etc.," and "e.g.," are right.
# Abbreviations of two letters-and-stops may be spaced, as Spanish and German write them (`p. ej.,`, `d. h.,`).
_WORD_BEFORE = compiled_on_use(r"(?:[A-Za-z]\. ?)*([A-Za-z]+)$")
# The same in any script's letters: `févr.,` is French's abbreviation of février, not `vr.,`.
_LETTERS_BEFORE = compiled_on_use(r"[^\W\d_]+$")
# Lowercase abbreviations; a capitalized word before ".," is taken for one too (Calif., Sept., Corp.).
_ABBREVIATIONS = frozenset(
    """etc eg ie al vs cf viz resp approx incl esp ca ed eds trans vol vols no nos pp ff fig figs ch chap
    sec secs para op cit ibid misc min max sq ft in lb lbs oz km mi hr hrs yr yrs mo mos wk wks est dept
    govt assn assoc bros co corp inc ltd jr sr st ave blvd rd mt dr mr mrs ms prof gen gov sen rep lt col
    capt sgt pt pts qt tbsp tsp gal cu temp abbr anon apt def orig pl sing var ver approx av avg cont
    contd dist div ea encl env eq eqs excl ext gr hwy illus intl jct lat long med mfg mgr natl pkg pop
    pref pres prob pub qtd rec ref refs reg rel req rev sc sect ser soc spec sq stat subj suppl syn tel
    univ usu vet viz wt yd yds""".split()
)


class DoubledPunctuation(Rule):
    code = "P104"
    slug = "doubled-punctuation"
    summary = "Punctuation mark doubled or stacked by mistake"
    rationale = """
**What it does.** Flags `,,`, `;;`, two full stops that are not an ellipsis (`end..`), a question or
exclamation mark followed by a full stop (`really?.`), `,.`, `;.`, and a full stop followed by a comma
after a word that is not an abbreviation.

**Why is this bad?** Joining fragments (a caption and its sentence, a quote and its attribution)
doubles the marks at the seam; MT engines add a full stop after one that was already there.

Not flagged: the ellipsis `...` (and `....`, an ellipsis after a full stop), `?!` and `!!`, an
abbreviation's full stop followed by a comma (`e.g.,`, `etc.,`, `U.S.,`, `Inc.,`, `Calif.,`, and those
of the document's language: its pack's, es `ej.,`, fr `env.,`, or for a language without a pack its
commonest ones, nb `osv.,`; in a catalogue, a word of four letters or fewer whose source has no full
stop at all and that no translation writes whole: a translator's abbreviation, lt `ats.,` for `down,`),
ranges, multiplicities and paths (`1..10`, `0..*`, `../docs`), marks a catalogue's translation copies
from its source with the syntax character after them (`<types..>`: a `>`, `]`, `)`, `}` or a letter
right after the marks, no more often than the source writes them: the program's syntax, or a slip of the
source's to mend there; a space or the string's end after them is a sentence's, reported even where the
source has the same slip), `,,` used as a low quotation mark, and marks with markup
between them (`` `Why?`_. `` in reST, `*eggs.*,` in Markdown): the first belongs to the marked-up text.
"""
    severity = Severity.WARNING
    fix = Applicability.SAFE
    fix_note = "Removes the second mark where the intended one is clear (`,,` `;;` `..` `?.` `!.`); otherwise reports only."
    trigger = r"[,;.?!][,;.]"
    flag = (
        Example("The plane crashed,, officials said.", "The plane crashed, officials said."),
        Example("This is a developing story..", "This is a developing story."),
        Example("Is it possible?. Nobody knows.", "Is it possible? Nobody knows."),
        Example("What a day!. It was long.", "What a day! It was long."),
        Example("Three items;; then more.", "Three items; then more."),
        Example("It ended,. Then it began again."),
        Example("He left the building., and drove away."),
        Example("Filer, mapper., og andre ting.\n", language="da", note="a Danish word that is no abbreviation"),
        Example("Vamos ter., e depois sair.\n", language="pt",
                note="the verb `ter`: Tuesday's abbreviation is `terç.`, not `ter.`"),
        Example("The report was released;. The minister resigned."),
        Example('msgid "Open files, folders"\nmsgstr "Atverti failai., aplankai"\n', path="lt.po",
                note="a whole word before the stop: no abbreviation, though the source has no full stop"),
        Example('msgid "Very well"\nmsgstr "Muy bien"\n\nmsgid "Very well, continue"\nmsgstr "Muy bien., continuar"\n',
                path="es.po", note="a short word the catalogue writes whole elsewhere: no abbreviation"),
        Example("Such distributions are installed (see the stdlib..)", "Such distributions are installed (see the stdlib.)"),
        Example("Type, endian-ness of the data, etc..  Its operators follow.",
                "Type, endian-ness of the data, etc.  Its operators follow."),
        Example("We were in shock when it happened..", "We were in shock when it happened."),
        Example('msgid "Show <types..> of the list."\nmsgstr "Muestra <tipos..> de la lista.."\n',
                'msgid "Show <types..> of the list."\nmsgstr "Muestra <tipos..> de la lista."\n', path="es.po",
                note="the source's `..>` is copied; the translation's own `..` at the end is not the source's"),
        Example('msgid "Loading..."\nmsgstr "Учитава.."\n', 'msgid "Loading..."\nmsgstr "Учитава."\n', path="sr.po",
                note="the source's ellipsis cut short: not a copy of its marks"),
        Example('msgid "Wait.. then go"\nmsgstr "Attendez. Puis allez, merci.. fin"\n',
                'msgid "Wait.. then go"\nmsgstr "Attendez. Puis allez, merci. fin"\n', path="fr.po",
                note="a space after the marks: a sentence's stop, not syntax copied from the source"),
        Example('msgid "Open the file.."\nmsgstr "Ouvrir le fichier.."\n', 'msgid "Open the file.."\nmsgstr "Ouvrir le fichier."\n',
                path="fr.po", note="the string's end: the source's slip repeated, not syntax"),
        Example('msgid "Show <types..>"\nmsgstr "Montre <types..> et <noms..>"\n',
                'msgid "Show <types..>"\nmsgstr "Montre <types..> et <noms.>"\n', path="fr.po",
                note="one `..>` more than the source's"),
        Example('msgid "Some names (e.g., foo) are kept."\nmsgstr "Algunos nombres (por ejemplo., foo) se mantienen."\n',
                path="es.po", note="the source's `.,` ends an abbreviation; the translation's follows a word"),
    )
    allow = (
        Example("Pasirinkite formatą, pvz., MP3 ar FLAC.\n", language="lt",
                note="an abbreviation of a language without a pack (VLKK: pvz.)"),
        Example("Idatzi izena, adib., Jon.\n", language="eu"),
        Example("Åpne DCC, ignorering, varsling osv., i faner eller vinduer?\n", language="nb",
                note="hexchat nb.po: Norwegian `osv.` (og så videre), Språkrådet's abbreviation"),
        Example("<kaldenavn1> <kaldenavn2> osv., fremhæver kaldenavne og bl.a., m.fl., her.\n", language="da",
                note="hexchat da.po: Danish `osv.`; `bl.a.` and `m.fl.` have their inner stops"),
        Example("Filer, mappar osv., och dvs., allt annat.\n", language="sv",
                note="Swedish `osv.` and `dvs.` (Svenska skrivregler)"),
        Example("Dos mensajes distintos (ej., dos cadenas) dan el mismo valor.\n", language="es",
                note="an abbreviation from the language's pack"),
        Example('msgid ""\n"Click to enable Alternative Speed Limits\\n"\n" ({download_speed} down, {upload_speed} up)"\n'
                'msgstr ""\n"Įjungti alternatyvius greičio apribojimus\\n"\n" ({download_speed} ats., {upload_speed} išs.)"\n',
                path="lt.po", note="transmission's lt.po: `ats.` (atsiuntimas), a translator's abbreviation of `down`"),
        Example("When both sides... More than 200 were exchanged."),
        Example("Campo Pequeno. De 3ª a sáb., às 21h30; sáb. e dom., às 16h.\n", language="pt",
                note="Bosque (UD Portuguese): the days of the week abbreviated, as the pack lists them"),
        Example("Les mois janv., févr., mars et avr., puis déc. sont abrégés.\n", language="fr",
                note="an abbreviation of the language's pack with an accented letter"),
        Example("Really?! I had no idea."),
        Example("Stop!! Now!"),
        Example("Fruit, e.g., apples and pears."),
        Example("La ruta absoluta del archivo (p. ej., `/home/user/file.md`) se muestra aquí.", path="a.md", language="es"),
        Example("Tools, pens, etc., were on the table."),
        Example("The U.S., Canada and Mexico signed."),
        Example("Acme Inc., a supplier, said so."),
        Example("Version 1.2.3 was released."),
        Example("The range 1..10 is inclusive."),
        Example("Crow's foot (1..*)", note="a UML multiplicity: one or many"),
        Example("See ../docs for details."),
        Example("Robots of 8 ft., 12 ft. long."),
        Example("Etc., etc. and so on."),
        Example("A launcher for scripts in some contexts (eg., double-clicking) or not (ie., GUI)."),
        Example("Officials in Portland, Ore., and Sacramento, Calif., said so on Sept. 3."),
        Example("This is a ,,test''."),
        Example("It was the end of the story.... Then another began."),
        Example("The value of x?.y is undefined if x is null."),
        Example("See also `Why Not Use PEP 683 Immortalization?`_.\n\n.. _Why Not Use PEP 683 Immortalization?: "
                "https://peps.python.org/pep-0683/\n", path="a.rst"),
        Example("The ``eggs`` object strips the leading *eggs.*, stores the rest.\n", path="a.rst"),
        Example("Meet at 10 a.m., then lunch at 1 p.m., said Sen. Smith of N.Y., the chairman."),
        Example('msgid "IGNORE <mask> <types..> <options..>"\nmsgstr "IGNORE <máscara> <tipos..> <opciones..>"\n',
                path="es.po", note="marks a translation copies from its source, with what follows them: the program's syntax"),
    )

    def check_segment(self, seg: Segment, doc: Document) -> Iterator[Finding]:
        text = seg.text
        own = abbreviations(doc.language)
        both = pair(seg, doc) if seg.source_text else None
        for m in _doubled(text):
            mark = m.group()
            start, end = m.span()
            if not seg.is_contiguous(start, end):
                continue  # markup between the marks: the first belongs to a link, emphasis or code
            # The source's marks, copied (`<types..>`): the program's syntax or its author's slip. Not `.,`: a
            # source's is an abbreviation's stop (`e.g.,`), the translation's after a word of its own a slip.
            if both is not None and mark != ".," and _copied(mark, text, end, both[0]):
                continue
            if mark == ".,":
                whole = _LETTERS_BEFORE.search(text, max(0, start - 30), start)
                if whole is not None and whole.group().lower() in own:
                    continue
                if whole is not None and len(whole.group()) <= 4 and both is not None and "." not in both[0] \
                        and not translations_write_whole(doc, whole.group()):
                    # a translator's abbreviation: the source has no full stop (lt `ats.,` for `down,`), and no
                    # translation writes the word whole (es `bien` beside `Muy bien., continuar`: a slip)
                    continue
                word = _WORD_BEFORE.search(text, max(0, start - 30), start)
                if word is None or "." in word.group() or word.group(1).lower() in _ABBREVIATIONS or word.group(1).lower() in own \
                        or word.group(1)[0].isupper() or len(word.group(1)) == 1:
                    continue
            if mark in (",,", ";;", ".."):
                yield self.finding(seg, start, end, f"Doubled '{mark[0]}'", mark[0])
            elif mark in ("?.", "!."):
                yield self.finding(seg, start, end, f"'{mark}': a full stop after '{mark[0]}'", mark[0])
            else:
                yield self.finding(seg, start, end, f"Stacked punctuation '{mark}'", applicability=None)


def _copied(mark: str, text: str, end: int, source: str) -> bool:
    """Whether the translation's ``mark`` (ending at ``end``) copies the source's syntax: the character
    after it is syntax (`>`, `]`, `)`, `}`, or a letter or digit with no space, as in `<types..>`), never
    a space or the string's end (a sentence's stop, which a copy of the source would repeat too), and the
    translation writes that mark and character no more often, up to here, than the source does. Neither
    is part of a longer run of marks (the `..` of an ellipsis `...`, which a translation has cut short)."""
    after = text[end:end + 1]
    if not after or not (after in ">])}" or after.isalnum()):
        return False
    pattern = f"(?<![.,;?!]){re.escape(mark)}{re.escape(after)}"
    return len(re.findall(pattern, text[:end + 1])) <= len(re.findall(pattern, source))


def _doubled(text: str) -> Iterator[re.Match[str]]:
    """``_DOUBLED.finditer(text)``: tried only where two marks meet (the same matches, in order)."""
    pos = 0
    while (pair := _PAIR.search(text, pos)) is not None:
        m = _DOUBLED.match(text, pair.start())
        if m is None:
            pos = pair.start() + 1
        else:
            yield m
            pos = m.end()

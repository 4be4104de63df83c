"""W105 space-run: two or more spaces between words inside a line."""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from lint.lines import line_bounds, line_end, line_start
from lint.model import MARKDOWN_FORMATS, Applicability, Document, Finding, Severity, in_ranges
from lint.options import RuleOptions, option
from lint.patterns import compiled_on_use
from lint.rule import Example, Rule

# Every run of two or more spaces between visible characters of one line. Both patterns start with
# the literal two spaces and look behind from there: `re` then skips ahead to each double space in C
# instead of trying a lookbehind at every character (25 times faster on the corpus).
_ANY_RUN = compiled_on_use(r"  (?<=\S  ) *(?=\S)")
# The same, except exactly two spaces after a sentence's end (., !, ?, : or …, then up to two closing
# quotes, brackets or inline-markup marks, as in `**Note.**  Text`): the typing convention is excluded
# inside the regex, so texts that use it everywhere (the PEPs) cost no Python per sentence.
_CLOSE = "\"'\u201d\u2019)\\]*_`"
_RUN_AFTER_PERIOD_OK = compiled_on_use(
    rf"  (?<=\S  )(?: +|(?<![.!?:…]  )(?<![.!?:…][{_CLOSE}]  )(?<![.!?:…][{_CLOSE}]{{2}}  ))(?=\S)"
)
# A footnote or citation reference after a sentence's end (`done. [#why]_  Next`, `done.\\ [1]_`, Markdown's
# `done.[^1]  Next`): the reference belongs to the sentence before the two spaces.
_NOTE_TAIL = compiled_on_use(r"(?:\\ | )?\[[#*^]?[\w.-]*\]_?\Z")
_CLOSERS = _CLOSE + "\u00bb\u203a"
# What may follow an emoji's base character: a variation selector, a joiner, a skin tone.
_EMOJI_MODIFIERS = "\ufe0f\u200d\U0001f3fb\U0001f3fc\U0001f3fd\U0001f3fe\U0001f3ff"
# Text before the run that makes it alignment, not a gap: a list marker, a heading mark, a quote mark,
# a line-block bar, a reST escape or a doc-site container's marker and type at the start of the line
# (`*   item`, `1.  item`, `##  Title`, `>  quote`, `|   line`, `\   text`, `:::warning  Title`).
_MARKER = compiled_on_use(r"[ \t]*(?:[-*+\u2022\u2023\u25e6|\\]|\d{1,3}[.)]|[A-Za-z][.)]|\(\w{1,3}\)|#\.|#{1,6}|>{1,3}"
                          r"|:{3,}[ \t]*[A-Za-z][\w-]*)\Z")
# `Jun  2 2009`: ctime and `ls -l` pad the day of the month to two characters.
_MONTH = compiled_on_use(r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\Z")


def _neighbours(text: str, first: int, last: int) -> list[str]:
    """The lines just above and below the line [first, last) (without their line ends), where they exist."""
    out = []
    if first > 0:
        prev_end = first - 1
        if prev_end > 0 and text[prev_end] == "\n" and text[prev_end - 1] == "\r":
            prev_end -= 1
        out.append(text[line_start(text, prev_end):prev_end])
    if last < len(text):
        nxt = last + (2 if text.startswith("\r\n", last) else 1)
        out.append(text[nxt:line_end(text, nxt)])
    return out


def _aligned(neighbour: str, column: int, run: int) -> bool:
    """True when ``neighbour`` has a word starting at ``column`` after spacing of its own: the run
    pads a column (`Name:      Irix` over `Released:  1991`), it is not a hole in a sentence."""
    if column < 2 or column >= len(neighbour) or neighbour[column] in " \t" or neighbour[column - 1] != " ":
        return False
    return run >= 3 or neighbour[column - 2] == " "


# How many lines of a PO string, up and down, are looked at for a column the run aligns.
_STRING_LINES = 40


def _aligned_in_string(doc: Document, first: int, column: int, width: int) -> bool:
    """Whether a run of three spaces or more pads a PO string's quoted line to a column where another line
    of the same string has the same mark after a space (` p, pick COMMIT   — use` and, lines away, ` r,
    reword COMMIT — use`): the translation's own table, whose rows a wrapped description parts, so that
    the lines just above and below (``_aligned``) hold no such column. Not a letter's or a digit's column."""
    text = doc.text
    mark = text[first + column] if first + column < len(text) else ""
    if doc.format != "po" or width < 3 or not mark or mark.isalnum() or mark in "\"\\":
        return False
    for down in (False, True):
        at = first
        for _ in range(_STRING_LINES):
            if down:
                nxt = text.find("\n", at)
                if nxt < 0:
                    break
                at = nxt + 1
            else:
                if at == 0:
                    break
                at = text.rfind("\n", 0, at - 1) + 1
            row = text[at:line_end(text, at)]
            if not row.startswith('"'):
                break  # the string's keyword line (`msgstr ""`), a comment or a blank line: its end
            if len(row) > column and row[column] == mark and row[column - 1] == " ":
                return True
    return False


class _Line:
    """What the checks ask of the line that holds the current run, worked out once per line: a long
    line with many runs (a 2 MB msgstr) costs its length once, not once per run."""

    def __init__(self, text: str, start: int, end: int) -> None:
        self.start, self.end = line_bounds(text, start, end)
        runs = _ANY_RUN.findall(text, self.start, self.end)
        self.table = len(runs) >= 2 and max(map(len, runs)) >= 3
        self.last_tick = text.rfind("`", self.start, self.end)
        self.last_double = text.rfind("``", self.start, self.end)
        # Backticks counted from the line's start up to ``counted``, which moves forward run by run.
        # Runs start at a space, so no backtick sequence is split between two counts.
        self.counted, self.doubles, self.ticks = self.start, 0, 0
        self._neighbours: list[str] | None = None

    def in_code_span(self, text: str, start: int, end: int) -> bool:
        """True when the run sits between backticks on its line (inline code in Markdown, reST, plain
        text)."""
        piece = text[self.counted:start]
        self.doubles += piece.count("``")
        self.ticks += piece.count("`")
        self.counted = start
        if self.doubles % 2:
            return self.last_double >= end
        return (self.ticks - 2 * self.doubles) % 2 == 1 and self.last_tick >= end

    def neighbours(self, text: str) -> list[str]:
        """The lines above and below, less a copy of this one: a repeated line lines up with itself, which
        says nothing of a table."""
        if self._neighbours is None:
            own = text[self.start:self.end]
            self._neighbours = [n for n in _neighbours(text, self.start, self.end) if n != own]
        return self._neighbours


class SpaceRun(Rule):
    code = "W105"
    slug = "space-run"
    summary = "Two or more spaces between words"
    rationale = """
**What it does.** Flags runs of two or more spaces between visible characters of one line, and
replaces them by one space.

**Why is this bad?** Runs of spaces are left where a scraper dropped an inline element (a link, an
icon, a footnote mark) or where an MT engine removed a tag. Browsers hide them; every other channel
(e-mail, feeds, plain text, search snippets) shows them.

Not flagged, because there the spaces are deliberate layout (precision first):

- indentation, and the spacing after a list marker or heading mark (`*   item`, `1.  item`);
- exactly two spaces after a sentence's end (`.`, `!`, `?`, `:`, `…`, optionally followed by closing quotes,
  brackets or markup such as `**`, or a footnote reference such as `[#note]_` or `[^1]`; or an emoji
  before a capital): the two-space typing convention, used throughout the Python PEPs.
  Three or more spaces are flagged. Set the option `allow-after-period` to false to flag the two as well;
- table layout: a run next to a `|` cell border, a line with two runs or more of which one is three
  spaces or wider (two double spaces in one line are two typos, not a table), and a run that ends at
  the column where a word starts after spacing in the line above or below (`Name:     Irix` over
  `Released: 1991`-style aligned key/value lists);
- a PO string's leading and trailing spaces (B107 compares them with the source's);
- a run before a `# comment` (code convention), the padded day of `Jun  2 2009` (ctime dates), a run
  between two numbers (`-0.701  1.214`: a table of numbers);
- inline code between backticks on the line, and anything the format marks as code or markup;
- a run in the prose of a document in reST, Markdown (MDX too) or HTML: a paragraph, heading, list item,
  table cell, or a front-matter value read as prose. The rendered page shows one space, whatever the
  source holds, as it does for a catalogue's marked-up strings (below). The option `in-rendered-documents`
  flags them too: where the source is what people read, or where a run is the only trace of an inline
  element a scraper dropped from the Markdown it wrote (`see the guide  for details`: the page shows one
  space, and the lost link goes unreported). Plain text is checked, and so is a catalogue's plain
  string; code blocks, literal blocks and HTML's `<pre>` (and its obsolete `<xmp>`, `<listing>`), whose
  spaces the page shows as written, are code, never read. Not seen: a style sheet that shows an element's
  spaces as written (CSS `white-space: pre`) makes its prose look rendered: set the option there;
- the strings of a translation catalogue (PO, XLIFF, i18n JSON/YAML) written in reST, Markdown or HTML
  (format option `markup`, `auto` decided from the catalogue's references): the page they are
  rendered into shows one space, whatever the string holds, and the translator's source catalogue is
  not what readers see. The option `in-rendered-catalogues` flags them too. A catalogue of plain
  strings (an application's labels, markup `none`, or `auto`'s HTML for labels with Pango markup such as
  `<b>`: GTK shows their spaces as written) shows every space, and is checked, but for the values of a
  Rails catalogue's `_html` keys, which Rails renders as HTML;
- a run a catalogue's translation copies from its source: as long and between the same characters; as
  long beside the same mark on the same side, no more such runs up to it than the source holds
  (`%c  =  current channel` as `%c  =  canal actuel`: the source's column separator around translated
  words; `c  = d` where the source has `c = d` is flagged); as long after the same code (`%C16,17  `);
  or one of a table's runs: as many runs of one width as the source's, parting the same numbers of
  words, or parting column heads that each open with a capital or a sign (`File name  Size  Modified
  date` as `Nom du fichier  Taille  Date de modification`): a slip of the source's is the source's to mend;
- a catalogue's translation whose source string aligns columns with runs of three spaces or more (a
  program's help: `-s, --solve <equation>   Solve the given equation`): the translation pads the same
  columns to its own words. Two spaces in a row are a slip on either side and are flagged.
- a catalogue's translation that writes spaces where its source writes a tab before the same word
  (`hint:\tgit log` as `ПОДСКАЗКА:     git log`): a tab stop, padded, where the translation writes that word after a tab fewer times than the source (it could hide a slip before a
  word the source writes after a tab, a rare place for one);
- in a PO string, a run of three spaces or more that pads a line to the column where another line of the
  same string has the same mark after a space (` p, pick COMMIT   — use` and, past a wrapped line,
  ` r, reword COMMIT — use`): the translation's own table (it could hide a three-space slip that happens
  to fall on such a column).
"""
    severity = Severity.INFO
    fix = Applicability.SAFE
    fix_note = "Replaces the run by a single space; no visible character changes."
    scope = "document"

    @dataclass(frozen=True)
    class Options(RuleOptions):
        """The rule's options (config `rules: {W105: {...}}`; see `copylint explain`)."""

        allow_after_period: bool = option(True, "two spaces after a sentence's full stop are a typing "
                                                "convention, not flagged")
        in_rendered_catalogues: bool = option(False, "also flag runs in a catalogue's strings written in "
                                                     "reST, Markdown or HTML, which their page shows as one space")
        in_rendered_documents: bool = option(False, "also flag runs in the prose of a reST, Markdown or HTML "
                                                    "document, which its rendered page shows as one space")
    opts: Options
    flag = (
        Example("The minister  said on Monday.\n", "The minister said on Monday.\n"),
        Example('msgid "Copying %s to  %s"\nmsgstr "Copie  %s vers %s"\n', 'msgid "Copying %s to  %s"\nmsgstr "Copie %s vers %s"\n',
                path="fr.po", note="the translation's own run: its source's is elsewhere"),
        Example("A link was here:   and now it is gone.\n", "A link was here: and now it is gone.\n"),
        Example("Prices rose by  5 percent.\n", "Prices rose by 5 percent.\n"),
        Example("Kyiv and    Moscow exchanged prisoners.\n", "Kyiv and Moscow exchanged prisoners.\n"),
        Example("The Ministry of  Defense said so.\r\n", "The Ministry of Defense said so.\r\n"),
        Example('#: src/main.c:12\nmsgid "Save the file"\nmsgstr "Enregistrer  le fichier"\n',
                '#: src/main.c:12\nmsgid "Save the file"\nmsgstr "Enregistrer le fichier"\n', path="fr.po",
                note="an application's label shows every space"),
        Example('#: src/main.c:12\nmsgid "<b>Save</b> the file"\nmsgstr "<b>Enregistrer</b>  le fichier"\n',
                '#: src/main.c:12\nmsgid "<b>Save</b> the file"\nmsgstr "<b>Enregistrer</b> le fichier"\n', path="fr.po",
                note="Pango markup in a GTK label: HTML to read, but its spaces are shown"),
        Example('msgid ""\n"Save the "\n"file"\nmsgstr ""\n"Enregistrer le  "\n"fichier"\n',
                'msgid ""\n"Save the "\n"file"\nmsgstr ""\n"Enregistrer le "\n"fichier"\n', path="fr.po",
                note="the run ends a quoted line, the next line continues the string"),
        Example("It went to be shared.   In addition, three spaces are not the convention.\n",
                "It went to be shared. In addition, three spaces are not the convention.\n"),
        Example("Compiler-generated  ``__annotate__`` functions\n", "Compiler-generated ``__annotate__`` functions\n",
                path="a.txt", note="plain text shows every space"),
        Example("It recommends to run it  every few hundred steps.\n", "It recommends to run it every few hundred steps.\n",
                note="plain text: the reader sees the run"),
        Example("emit a separator.  The  general form, and  so on.\n", "emit a separator.  The general form, and so on.\n"),
        Example("A line above.\nan opportunity to  continue testing\nthe line below.\n",
                "A line above.\nan opportunity to continue testing\nthe line below.\n"),
        Example("Deux  espaces ici.\nDeux  espaces ici.\n", "Deux espaces ici.\nDeux espaces ici.\n",
                note="a repeated line lines up with itself, not with a table's column"),
        Example("See the note [#why]_  for the details.\n", "See the note [#why]_ for the details.\n", path="a.txt",
                note="a footnote reference inside a sentence"),
        Example("A slight exaggeration 😉  and the rest.\n", "A slight exaggeration 😉 and the rest.\n",
                note="an emoji inside a sentence, a lower-case word after it"),
        Example("Copyright ©  Acme Corp and others.\n", "Copyright © Acme Corp and others.\n",
                note="a symbol, not an emoji, before the capital"),
        Example("Press ⬆  Enter to go up.\n", "Press ⬆ Enter to go up.\n", note="an arrow in its text presentation"),
        Example('msgid "Seconds  Repeat  Command"\nmsgstr "Sekunder  Gentag Kommando  nu"\n',
                'msgid "Seconds  Repeat  Command"\nmsgstr "Sekunder Gentag Kommando nu"\n', path="da.po",
                note="as many runs as the source's, but not between the same columns"),
        Example('msgid "Seconds  Repeat  Command"\nmsgstr "Sekunder  Gentag  Kommando"\n\n'
                'msgid "Save  now"\nmsgstr "Enregistrer  tout de suite"\n',
                'msgid "Seconds  Repeat  Command"\nmsgstr "Sekunder  Gentag  Kommando"\n\n'
                'msgid "Save  now"\nmsgstr "Enregistrer tout de suite"\n', path="fr.po",
                note="each entry judged against its own source, not the one before"),
        Example('#: src/menu.c:1\nmsgid "%c  =  current channel"\nmsgstr "%c  =  canal  actuel"\n',
                '#: src/menu.c:1\nmsgid "%c  =  current channel"\nmsgstr "%c  =  canal actuel"\n', path="fr.po",
                note="the separator's runs are the source's; the one between two translated words is not"),
        Example('msgid "a  =  b, c = d"\nmsgstr "a  =  b, c  = d"\n', 'msgid "a  =  b, c = d"\nmsgstr "a  =  b, c = d"\n',
                path="fr.po", note="one run before `=` more than the source's"),
        Example('msgid "Run\\n\\tgit add <file>\\nthen git commit"\nmsgstr "Führen Sie\\n\\tgit add <Datei>\\naus, dann  git commit"\n',
                'msgid "Run\\n\\tgit add <file>\\nthen git commit"\nmsgstr "Führen Sie\\n\\tgit add <Datei>\\naus, dann git commit"\n',
                path="de.po", note="the translation keeps the source's tab before `git`: the run elsewhere is a slip"),
        Example('msgid "hint:\\tgit log <opts>"\nmsgstr "astuce :\\tgit  log <options>"\n',
                'msgid "hint:\\tgit log <opts>"\nmsgstr "astuce :\\tgit log <options>"\n', path="fr.po",
                note="the source's tab stands before `git`, not before `log`"),
        Example('msgid "a\\nb"\nmsgstr ""\n"x, exec ПОДАВАНЕ   — изпълнение\\n"\n"drop — прескачане на подаването\\n"\n',
                'msgid "a\\nb"\nmsgstr ""\n"x, exec ПОДАВАНЕ — изпълнение\\n"\n"drop — прескачане на подаването\\n"\n',
                path="bg.po", note="no other line's dash at the column the run pads to"),
        Example('msgid "%c  =  current channel\\n%e = network name"\nmsgstr "%c  =  canal actuel\\n%e  = nom du réseau"\n',
                'msgid "%c  =  current channel\\n%e = network name"\nmsgstr "%c  =  canal actuel\\n%e = nom du réseau"\n',
                path="fr.po", note="the second `  =` is the translation's, the source writes `%e = `"),
    )
    allow = (
        Example("Ce serait verbeux…  Faisons plutôt comme ceci.\n", note="two spaces after a sentence's end, here an ellipsis"),
        Example(":::warning  使用上の注意\ndeep watch は重い処理です。\n:::\n", path="a.md", note="a container marker and its title"),
        Example("One space between words.\n"),
        Example("Two spaces after a period.  That is a convention.\n"),
        Example("    Indented line of text.\n"),
        Example('msgid ""\n"Usage:\\n"\n"  %s [options]"\nmsgstr ""\n"Utilisation :\\n"\n"  %s [options]"\n', path="fr.po",
                note="a PO string's indented line"),
        Example("Name      Age   City\nAlice     30    Paris\n"),
        Example("Trailing spaces are W102's business.   \n"),
        Example("Tab\tseparated\tvalues.\n"),
        Example("*   ``len(x)`` calls ``__len__``\n-  A list item aligned after its dash.\n"),
        Example("* **Finer-grained access control.**  Roundup allows it.\n"),
        Example("| Name:             Irix 4\n| Unsupported in:   Python 2.3\n"),
        Example("| `u8`        | Byte |\n"),
        Example("Built on Jun  2 2009, 09:58:33.\n"),
        Example("Write ``x = [1,  2]`` to see it.\n", path="a.rst"),
        Example("x = 1  # the code convention\n"),
        Example("    -0.536  1.936 -1.182\n     0.666 -0.701  1.214\n     0.666 -0.701  1.214\n",
                note="columns of numbers, rows repeated"),
        Example("Two spaces after the period.  Before a word.\n", path="a.md"),
        Example("It recommends to run it  every few hundred steps.\n", path="pep-0001.rst",
                note="a reST page's prose: the rendered page shows one space (option `in-rendered-documents` "
                     "flags it)"),
        Example("Compiler-generated  ``__annotate__`` functions\n", path="a.rst", note="a reST heading's words"),
        Example("See the guide  for the details.\n", path="a.md",
                note="a Markdown page's prose, where a link may have been dropped: the page shows one space"),
        Example("<p>See the guide  for the details.</p>\n", path="a.html", note="an HTML page's prose"),
        Example("The reload situation. [#supports_reload]_  However, there was some.\n", path="a.rst",
                note="two spaces after a sentence's end and its footnote reference"),
        Example("It is cached.[^1]  The next run reads it.\n", path="a.md", note="a Markdown footnote reference"),
        Example('They forget how the rest worked."""  Reference: the list.\n', note="three closing marks"),
        Example("That is a slight exaggeration 😉  The release takes a day.\n",
                note="an emoji ends the sentence"),
        Example("Great job 👍🏽  The team won.\n", note="an emoji with a skin tone"),
        Example("* ⬆️  Upgrade Starlette to 0.14.2.\n", path="a.md",
                note="an arrow in its emoji presentation (U+FE0F), as release notes label their lines"),
        Example('msgid "Degrees"\nmsgstr "ডিগ্রি  "\n', path="bn.po", note="the string's trailing spaces are B107's"),
        Example('msgid "Done\\n"\nmsgstr "Terminé  \\n"\n', path="fr.po", note="a line's trailing spaces"),
        Example('msgid "Usage"\nmsgstr "   Utilisation"\n', path="fr.po", note="the string's leading spaces are B107's"),
        Example('msgid "translator-credits"\nmsgstr ""\n"   Amina Kazija https://launchpad.net/~a\\n"\n'
                '"  Samir Ribić https://launchpad.net/~m"\n', path="bs.po", note="the first line of a string on several"),
        Example('#: library/os.rst:12\nmsgid "Return the path."\nmsgstr "Renvoie  le chemin."\n', path="fr.po",
                note="a Sphinx catalogue's reST string: the page shows one space"),
        Example('#: src/main.c:12\nmsgid "  -s, --solve <equation>   Solve the given equation"\n'
                'msgstr "  -s, --solve <ecuación>   Resolver la ecuación dada"\n\n'
                '#: src/main.c:13\nmsgid "  -v, --version            Show release version"\n'
                'msgstr "  -v, --version    Mostrar la versión"\n', path="es.po",
                note="a program's help whose source aligns columns, re-padded by the translation"),
        Example('msgid "%-20s  %s"\nmsgstr "%-20s  %s"\n\nmsgid "Size:  %s"\nmsgstr "Taille :  %s"\n', path="fr.po",
                note="a run the source has before the same placeholder: the program's layout, the source's to judge"),
        Example('#: src/menu.c:1\nmsgid "Codes:\\n%c  =  current channel\\n%e  =  network name"\n'
                'msgstr "Codes :\\n%c  =  canal actuel\\n%e  =  nom du réseau"\n', path="fr.po",
                note="the source's column separator, two spaces either side of `=`, kept around translated words"),
        Example('msgid " Ref#  Seconds  Repeat  Command \\n"\nmsgstr " Ref#  Sekunder  Gentag  Kommando \\n"\n', path="da.po",
                note="a table's header: as many runs as the source's, around translated words"),
        Example('msgid "File name  Size  Modified date"\nmsgstr "Nom du fichier  Taille  Date de modification"\n',
                path="fr.po", note="a table's column heads, as many runs as the source's"),
        Example('msgid "%C16,17  Notify List"\nmsgstr "%C16,17  Lista de notificaciones"\n', path="es.po",
                note="a code the source pads as the translation does"),
        Example('msgid "hint:\\tgit log <opts> --raw\\n"\nmsgstr "ПОДСКАЗКА:     git log ОПЦИЯ… --raw\\n"\n', path="bg.po",
                note="spaces where the source writes a tab before the same word: a tab stop, padded"),
        Example('msgid ""\n"p, pick <commit> = use commit\\n"\n"x, exec <command> = run command\\n"\n'
                '"b, break = stop here\\n"\nmsgstr ""\n'
                '" p, pick ПОДАВАНЕ   — прилагане\\n"\n'
                '" x, exec ПОДАВАНЕ   — изпълнение на команда към обвивката: останалата част "\n'
                '"на\\n"\n" b, break           — спиране\\n"\n', path="bg.po",
                note="the translation's own table: its rows' dashes line up, a wrapped line between them"),
    )

    def check_document(self, doc: Document) -> Iterator[Finding]:
        text = doc.text
        if "  " not in text:
            return
        if (doc.memo.get("markup") in _COLLAPSING and not doc.memo.get("markup-shown-as-written")
                and not self.opts.in_rendered_catalogues):
            return  # a catalogue's marked-up strings: the rendered page collapses the run
        pattern = _RUN_AFTER_PERIOD_OK if self.opts.allow_after_period else _ANY_RUN
        line: _Line | None = None
        copied = (sorted(_spaced_like_source(doc)), sorted(_collapsing_spans(doc, self.opts.in_rendered_catalogues)))
        sources = _Sources(_sources_with_runs(doc), text)
        # (Outside a PO file and the translations that copy their source's columns, no run is a
        # catalogue's layout: not asked.)
        catalogue = doc.format == "po" or any(copied) or bool(sources.spans)
        # A reST, Markdown or HTML document's prose: its page shows the run as one space (the catalogue
        # exemption above, for documents).
        rendered = _RenderedProse(doc, doc.format in _COLLAPSING and not self.opts.in_rendered_documents)
        for m in pattern.finditer(text):
            start, end = m.span()
            if doc.protected and doc.is_protected(start):
                continue
            if text[start - 1] == "|" or text[end] == "|":
                continue  # a table cell's padding
            if catalogue and _catalogue_layout(doc, text, start, end, copied, sources):
                continue
            if text.startswith(("# ", "#!"), end):
                continue  # `x = 1  # comment`: the code convention for a trailing comment
            if text[start - 1].isdigit() and text[end].isdigit():
                continue  # `-0.701  1.214`: columns of numbers
            if line is None or start >= line.end:
                line = _Line(text, start, end)
            if _MARKER.fullmatch(text, line.start, start):
                continue
            if end - start == 2 and _typing_convention(text, line.start, start, end, self.opts.allow_after_period):
                continue
            if line.in_code_span(text, start, end):
                continue
            if line.table:
                continue  # a plain-text table: several runs, some wide, pad columns
            column = end - line.start
            if any(_aligned(n, column, end - start) for n in line.neighbours(text)) or _aligned_in_string(
                    doc, line.start, column, end - start) or rendered.holds(start, end):
                continue
            yield self.finding_at(start, end, f"{end - start} spaces in a row", " ")

    def decided(self, doc: Document) -> Iterator[tuple[int, int]]:
        """Every run of spaces between two visible characters of a line outside code: the runs this rule
        flags or leaves alone on purpose (a rendered page's prose, a table's padding, the two spaces after
        a sentence), which LanguageTool's whitespace rules then leave to it (``overlap.OVERLAPS``)."""
        if "  " in doc.text:
            for m in _ANY_RUN.finditer(doc.text):
                if not (doc.protected and doc.is_protected(m.start())):
                    yield m.span()


def _typing_convention(text: str, first: int, start: int, end: int, after_period: bool) -> bool:
    """Whether two spaces are a typing convention: the padded day of a ctime date (`Jun  2 2009`), or
    the two after a sentence's end that the pattern's lookbehinds do not see."""
    if text[end].isdigit() and _MONTH.search(text, max(first, start - 3), start):
        return True
    return after_period and _ends_sentence(text, first, start, end)


def _ends_sentence(text: str, first: int, start: int, end: int) -> bool:
    """Whether the text before a two-space run ends a sentence in ways the pattern's lookbehinds do not
    see: through a footnote reference (`reload. [#why]_  However`), three closing marks or more
    (`worked.'''  Reference`), or at an emoji before a capital (`exaggeration 😉  The release`)."""
    before = text[max(first, start - 80):start]
    note = _NOTE_TAIL.search(before)
    if note:
        before = before[:note.start()]
    before = before.rstrip(_CLOSERS)
    if not before:
        return False
    if before[-1] in ".!?:…":
        return True
    base = before.rstrip(_EMOJI_MODIFIERS)
    last = ord(base[-1:] or " ")
    # U+FE0F asks for the emoji presentation of the character before it, whatever its block (`⬆️`).
    emoji = last >= 0x1F000 or 0x2600 <= last <= 0x27BF or "\ufe0f" in before[len(base):]
    return emoji and text[end].isupper()


def _catalogue_layout(doc: Document, text: str, start: int, end: int,
                      copied: tuple[list[tuple[int, int]], list[tuple[int, int]]], sources: _Sources) -> bool:
    """Whether a run is a catalogue string's layout: a PO line's indent or its trailing spaces, a run in
    a translation whose source aligns columns (`--solve <equation>   Solve the given equation`), or one it
    copies from its source."""
    return (_indents_po_line(doc, text, start) or _starts_po_string(doc, text, start)
            or _ends_po_string(doc, text, end) or any(in_ranges(spans, start) for spans in copied)
            or _source_run(sources, start, end))


def _sources_with_runs(doc: Document) -> list[tuple[int, int, str, str]]:
    """The Source spans of a catalogue's translations whose source string holds a run of spaces or a tab (to the
    end of the translation's last line), with that source and the translation's text."""
    text = doc.text
    spans = []
    for seg in doc.segments:
        if seg.source_text is not None and ("  " in seg.source_text or "\t" in seg.source_text):
            # To its line's end: a string of placeholders alone is one opaque character at its start.
            end = text.find("\n", seg.to_source_end(len(seg.text)))
            spans.append((seg.to_source(0), len(text) if end < 0 else end, seg.source_text, seg.text))
    return spans


class _Held:
    """One translation whose source holds a run of spaces, and what the source checks ask of it, each
    worked out once: a string costs its length once per distinct run width and per mark beside a run,
    not once per run (a 138 KB catalogue entry took 113 s when every run split the whole string again).
    The columns, heads and marks' runs of every width come from one pass over each string
    (``_Spacing``), where a split or a regex per width read it again: a string made of runs of every
    width (1 MB) took 24 s."""

    def __init__(self, text: str, first: int, last: int, source: str, translation: str) -> None:
        self.text, self.first, self.last, self.source, self.translation = text, first, last, source, translation
        self._windows: tuple[set[str], set[str]] | None = None
        self._codes: dict[tuple[str, int], bool] = {}
        self._spacings: dict[str, _Spacing] = {}
        # The answers per width: each costs the runs of that width, asked by every run of it.
        self._columns: dict[int, bool] = {}
        self._heads: dict[int, bool] = {}

    def _spacing(self, which: Literal["translation", "slice", "source"]) -> _Spacing:
        """The runs of the translation (``translation``: its text; ``slice``: the document's text of it,
        as the file writes it) or of the ``source``, found once."""
        if which not in self._spacings:
            # (The slice as a string on its own: a mark at its start has nothing before it.)
            string = {"translation": self.translation, "source": self.source}.get(which)
            self._spacings[which] = _Spacing(self.text[self.first:self.last] if string is None else string)
        return self._spacings[which]

    def copies(self, start: int, end: int) -> bool:
        """Whether the source has the run between the same characters: one before it and two after it
        (``text[start - 1:end + 2] in source``, answered from the source's runs: the character before a
        run and the one after it are no spaces, so the source's copy is one of its own runs, exactly
        as long)."""
        if self._windows is None:
            full: set[str] = set()
            short: set[str] = set()
            for m in _SOURCE_RUN.finditer(self.source):
                piece = self.source[m.start() - 1:m.end() + 2]
                full.add(piece)
                short.add(piece[:m.end() - m.start() + 2])
            self._windows = (full, short)
        piece = self.text[start - 1:end + 2]
        return piece in (self._windows[0] if len(piece) == end - start + 3 else self._windows[1])

    def stands_for_tab(self, start: int, end: int) -> bool:
        """Whether the run stands where the source writes a tab: the word after it follows a tab in the
        source (`hint:\\tgit log` as `ПОДСКАЗКА:     git log`), a tab stop the translation pads with spaces."""
        if "\t" not in self.source:
            return False
        word = _TOKEN_AFTER.match(self.text, end, self.last)
        if word is None:
            return False
        # Only a tab the translation dropped: where it writes the word after a tab as often as the source
        # (`\tgit add` kept, then `dann  git commit`), the run is no tab stop but a slip.
        after_tab = re.compile("\t *" + re.escape(word.group()) + r"(?!\S)")
        return len(after_tab.findall(self.source)) > len(after_tab.findall(self.translation))

    def after_same_code(self, start: int, end: int) -> bool:
        key = (_token_before(self.text, self.first, start), end - start)
        if key not in self._codes:
            self._codes[key] = _after_same_code(*key, self._spacing("source"))
        return self._codes[key]

    def same_columns(self, width: int) -> bool:
        """Whether the translation and its source part their words into the same columns by runs exactly
        ``width`` long, two runs at least: as many runs, as many words between each two (` Ref#  Seconds
        Repeat  Command ` as ` Ref#  Sekunder  Gentag  Kommando `). A slip in a translation does not fall
        where the source's table has its runs."""
        if width not in self._columns:
            columns = self._spacing("translation").columns(width)
            self._columns[width] = len(columns) >= 3 and columns == self._spacing("source").columns(width)
        return self._columns[width]

    def table_heads(self, width: int) -> bool:
        """Whether the translation and its source are a table's row of column heads parted by as many runs
        exactly ``width`` long, two runs at least, each column of both opening with a capital or a sign
        of a few words (`File name  Size  Modified date` as `Nom du fichier  Taille  Date de modification`):
        the program's columns, the words in them the translator's."""
        if width not in self._heads:
            translation, source = self._spacing("translation"), self._spacing("source")
            parts = len(translation.columns(width))
            self._heads[width] = (parts >= 3 and parts == len(source.columns(width))
                                  and translation.all_heads(width) and source.all_heads(width))
        return self._heads[width]

    def count_beside(self, key: tuple[str, int, str], end: int) -> tuple[int, int]:
        """How many runs the translation has beside a mark (``_Spacing.beside``'s ``key``) that end, the
        mark after one included, by ``end``, and how many the source has."""
        ends = self._spacing("slice").beside.get(key, [])
        return bisect.bisect_right(ends, end - self.first), len(self._spacing("source").beside.get(key, []))


# The word after a run in a PO file's text: up to white space, a quote or an escape's backslash.
_TOKEN_AFTER = compiled_on_use(r'[^\s"\\]+')
# A run of spaces, all of it; a word as str.split() reads it (re's \s is str.isspace()).
_RUN = compiled_on_use(" +")
_SPLIT_WORD = compiled_on_use(r"\S+")


class _Spacing:
    """One string's runs of spaces, each whole, and the words between them, each found in one pass and
    only where asked: what a table's columns at any width, and the runs beside any mark, are read from."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.runs = [m.span() for m in _RUN.finditer(text)]
        self._starts: dict[int, list[int]] | None = None
        self._beside: dict[tuple[str, int, str], list[int]] | None = None
        self._word_starts: list[int] | None = None
        self._tails: dict[int, list[str]] | None = None
        self._words_before: dict[int, list[int]] = {}

    @property
    def starts(self) -> dict[int, list[int]]:
        """Per width, where each run exactly that wide starts."""
        if self._starts is None:
            self._starts = {}
            for start, end in self.runs:
                self._starts.setdefault(end - start, []).append(start)
        return self._starts

    @property
    def beside(self) -> dict[tuple[str, int, str], list[int]]:
        """Per (mark before, width, mark after), one of the marks "": where each such run ends, the mark
        after it included (a mark, then the run: ``_beside_same_mark``'s two sides)."""
        if self._beside is None:
            self._beside = {}
            text = self.text
            for start, end in self.runs:
                if start:
                    self._beside.setdefault((text[start - 1], end - start, ""), []).append(end)
                if end < len(text):
                    self._beside.setdefault(("", end - start, text[end]), []).append(end + 1)
        return self._beside

    @property
    def reversed_tails(self) -> dict[int, list[str]]:
        """Per width, the token before each run exactly that wide (``_token_before``: back to the white
        space or quote before it), reversed and sorted: a token, which holds neither, ends before such a run
        where one of them starts with it reversed."""
        if self._tails is None:
            self._tails = {}
            text = self.text
            for start, end in self.runs:
                self._tails.setdefault(end - start, []).append(_token_before(text, 0, start)[::-1])
            for tails in self._tails.values():
                tails.sort()
        return self._tails

    @property
    def word_starts(self) -> list[int]:
        if self._word_starts is None:
            self._word_starts = [m.start() for m in _SPLIT_WORD.finditer(self.text)]
        return self._word_starts

    def _bounds(self, width: int) -> list[int]:
        """The index of the first word of each part of the string cut at its runs exactly ``width``
        long, and the number of words after the last."""
        before = self._words_before.get(width)
        if before is None:  # (how many words stand before each run of the width)
            words = self.word_starts
            before = self._words_before[width] = [bisect.bisect_left(words, at) for at in self.starts.get(width, ())]
        return [0, *before, len(self.word_starts)]

    def columns(self, width: int) -> list[int]:
        """How many words each part of the string cut at its runs exactly ``width`` long holds."""
        bounds = self._bounds(width)
        return [b - a for a, b in itertools.pairwise(bounds)]

    def all_heads(self, width: int) -> bool:
        """Whether each part of the string cut at its runs exactly ``width`` long is a column's head: a few
        words (a sentence parted by the source's runs, `..., Boston, MA  02111-1307  USA`, is no row of
        heads), the first opening with a capital or a sign."""
        bounds = self._bounds(width)
        return all(0 < b - a <= _HEAD_WORDS and not self.text[self.word_starts[a]].islower()
                   for a, b in itertools.pairwise(bounds))


# A source's run between two characters that are no spaces: the only place a translation's run, as the
# pattern finds it, can be copied from.
_SOURCE_RUN = compiled_on_use(r"(?<=\S) +(?=\S)")


@dataclass
class _Sources:
    """The spans of ``_sources_with_runs``, in the document's order, and their starts to bisect."""

    spans: list[tuple[int, int, str, str]]
    text: str  # the document's: the spans' offsets are into it

    def __post_init__(self) -> None:
        self.starts = [a for a, _, _, _ in self.spans]
        # The last translation asked of: runs are asked in the document's order, so none before it is
        # asked again (keeping each would hold every string's runs to the end).
        self._held: tuple[int, _Held] | None = None

    def holding(self, offset: int) -> _Held | None:
        """The translation whose span holds ``offset``, if any."""
        k = bisect.bisect_right(self.starts, offset) - 1
        if k < 0 or offset >= self.spans[k][1]:
            return None
        if self._held is None or self._held[0] != k:
            self._held = (k, _Held(self.text, *self.spans[k]))
        return self._held[1]


def _source_run(sources: _Sources, start: int, end: int) -> bool:
    """Whether a run in a translation is one its source has, as long and between the same characters
    (`%-20s  %s` copied, `Name:  %s` as `Nom :  %s`), or as long beside the same mark, no more of them
    up to here than the source holds (`%c  =  current channel` as `%c  =  canal actuel`: a table whose
    words are translated, its separators not), or after the same code, or one of a table's runs: the
    program's layout, which the translation keeps; a slip of the source's is the source's to mend, where
    the msgid is written."""
    # The run between the same characters: one before it and two after it (a run bounded by text, as
    # long as the source's, where the same two spaces inside a longer run or before other words are not).
    held = sources.holding(start)
    if held is None:
        return False
    return (held.copies(start, end) or _beside_same_mark(held, start, end)
            or held.after_same_code(start, end) or held.same_columns(end - start) or held.stands_for_tab(start, end)
            or held.table_heads(end - start))


def _token_before(text: str, first: int, start: int) -> str:
    """The token (no spaces, no quote) that ends where a run starts, back to ``first`` at most."""
    i = start
    while i > first and not text[i - 1].isspace() and text[i - 1] != '"':
        i -= 1
    return text[i:start]


def _after_same_code(token: str, width: int, source: _Spacing) -> bool:
    """Whether the run follows a token that is no word (`%C16,17`, `Ref#`), which the source writes
    followed by a run exactly as long (``width``): a code the translation copies, with its padding. (The
    token holds no space, so the source's run after it is one of its runs, whole.)"""
    if not token or token.isalpha():
        return False
    tails, wanted = source.reversed_tails.get(width, []), token[::-1]
    i = bisect.bisect_left(tails, wanted)
    return i < len(tails) and tails[i].startswith(wanted)


# A column's head is a few words.
_HEAD_WORDS = 4


def _beside_same_mark(held: _Held, start: int, end: int) -> bool:
    """Whether a run touches a mark that is no letter, digit, quote or placeholder (`=`, `-`, `:`) on one
    side, and the source has a run exactly as long on the same side of the same mark at least as many
    times as the translation has up to this one: a column separator of the program's, where the words
    around it are the translation's. A run between two words is never one, nor one more than the
    source's beside its mark (`c  = d` where the source has `c = d`)."""
    text = held.text
    width = end - start
    before, after = text[start - 1], text[end]
    for mark, key in ((after, ("", width, after)), (before, (before, width, ""))):
        if _is_mark(mark):
            here, in_source = held.count_beside(key, end + 1)
            if 0 < here <= in_source:
                return True
    return False


def _is_mark(char: str) -> bool:
    # A PO string's quote and backslash are its syntax (`\"`, `\n`), not a mark of the text; a
    # placeholder (`%s`, `{name}`, `$1`, `@count`) stands for a word.
    return not char.isalnum() and not char.isspace() and char not in "\"\\%{$@&"


def _spaced_like_source(doc: Document) -> list[tuple[int, int]]:
    """The Source spans of a catalogue's translations whose source string aligns columns with runs of
    three spaces or more: the translation's runs are that layout, re-padded to its words."""
    return [(seg.to_source(0), seg.to_source_end(len(seg.text))) for seg in doc.segments
            if seg.source_text is not None and _COLUMNS.search(seg.source_text)]


def _collapsing_spans(doc: Document, flagged: bool) -> list[tuple[int, int]]:
    """The Source spans of the values a catalogue renders as HTML among plain ones (Rails' `_html` keys,
    as the reader marks them): their page shows a run of spaces as one. None where the option
    `in-rendered-catalogues` flags such runs."""
    return [] if flagged else list(doc.memo.get("collapsing-spans") or [])


# Three spaces or more between words: columns a program's help aligns (`-s, --solve   Solve …`), which a
# translation re-pads to its own words' widths. Two are a slip on either side.
_COLUMNS = compiled_on_use(r"\S {3,}\S")


# Markups whose renderer shows a run of spaces between words as one space.
_COLLAPSING = frozenset({"rst", "html", *MARKDOWN_FORMATS})


class _RenderedProse:
    """The Source spans of the prose segments of a document whose page collapses runs of spaces (``active``),
    in order: a run inside one is in the text its page renders (code, literal blocks and markup are no
    segment's, and stay as the rule reads them). Read only where a run would be reported."""

    def __init__(self, doc: Document, active: bool) -> None:
        self.doc, self.active = doc, active
        self.starts: list[int] | None = None
        self.ends: list[int] = []

    def holds(self, start: int, end: int) -> bool:
        """Whether the run [start, end) lies inside one prose segment's span of such a document."""
        if not self.active:
            return False
        if self.starts is None:
            # (an empty segment's span, were there one, holds no run: it ends before the run does)
            spans = self.doc.segment_spans()
            # (the furthest end of the spans that start at or before each: one of them holds the run where
            # it ends past the run, whatever a span nested in another says)
            self.starts, self.ends = [a for a, _ in spans], list(itertools.accumulate((b for _, b in spans), max))
        k = bisect.bisect_right(self.starts, start) - 1
        return k >= 0 and end <= self.ends[k]


def _indents_po_line(doc: Document, text: str, start: int) -> bool:
    """Whether a run indents a line of a PO string (`"Usage:\\n"` then `"  %s ..."`, or `\\n  %s` on
    one quoted line): the line's leading spaces, as its msgid has them, not a gap between words."""
    if doc.format != "po":
        return False
    if text[start - 2 : start] == "\\n":
        return True
    if text[start - 1] != '"':
        return False
    first = line_start(text, start)
    if first == 0 or text[first : start - 1].strip():
        return False
    end = first - 2 if text[first - 2 : first] == "\r\n" else first - 1  # the line break before the line
    return text.endswith('\\n"', 0, end)


# A PO keyword that opens a string (`msgstr "`, `msgstr[1] "`, `msgid "`), or an empty first line
# (`msgstr ""`) that the next quoted line continues.
_PO_OPENING = compiled_on_use(r'(?:msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?)[ \t]+"(?:"\r?\n[ \t]*")?\Z')


def _starts_po_string(doc: Document, text: str, start: int) -> bool:
    """Whether a run opens a PO string (`msgstr "   Amina Kazija"`, or its first quoted line after
    `msgstr ""`): the string's leading whitespace, which B107 compares with the source's, as it does the
    trailing (`_ends_po_string`); not a gap between words."""
    if doc.format != "po" or text[start - 1 : start] != '"':
        return False
    return _PO_OPENING.search(text, max(0, start - 40), start) is not None


def _ends_po_string(doc: Document, text: str, end: int) -> bool:
    """Whether a run ends a PO string (`msgstr "Degrees  "`) or a line of it (before `\\n`): the string's
    trailing whitespace (B107 compares it with the source's), not a gap between words; a run at the end
    of a quoted line that the next line continues (`"two  "` then `"words"`) is one."""
    if doc.format != "po":
        return False
    if text.startswith("\\n", end):
        return True  # a displayed line's end: its trailing spaces, no word follows them
    if text[end : end + 1] != '"':
        return False
    after = end + 1
    if after < len(text) and text[after] not in "\r\n":
        return False  # a quote inside the string, or text after it on the line
    nxt = after + (2 if text.startswith("\r\n", after) else 1)
    return not (text.startswith('"', nxt) and text[nxt + 1 : nxt + 2] not in ('"', " ", ""))

"""B110 literal-block-reflowed: a reST catalogue's literal block whose translation lost its source's line
structure (its line breaks, its indentation's shape, its prompts)."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import pairwise

from lint.formats.bilingual import pair
from lint.formats.po import raw_string
from lint.model import Document, Finding, Segment, Severity
from lint.patterns import compiled_on_use
from lint.rule import Example, Rule

_PO = "messages.po"
_RST = "#: library/asyncio-task.rst:1431\n"

# An interactive session's prompts: a doctest's statement and its continuation. Read only in a block
# with a `>>>` line: elsewhere `...` is Python's Ellipsis or an elided part.
_PROMPT = compiled_on_use(r"[ \t]*(>>>|\.\.\.)(?=[ \t]|$)")
# A comment line's opening (Python's, a shell's, C's, and a C comment's continuing `*`): comments are
# prose a translator may rewrap over more or fewer lines.
_COMMENT = compiled_on_use(r"(?:#|//|/\*|\*(?:[ \t/]|$))")
# A line of wrapped prose: words and a sentence's punctuation, nothing code writes (`=`, `#`, `<`, `{`,
# `[`, `*`, `>`); a word may open with a bracket or a quote and hold digits (`(see`, `100`).
_PROSE_WORD = r"[(\"'‘“]*[\w][\w'’\"“”‘(),;:.!?/%–—-]*"
_PROSE_LINE = compiled_on_use(rf"{_PROSE_WORD}(?:[ \t]+{_PROSE_WORD})*")
_SENTENCE_ENDS = (".", "!", "?", ".)", ".\"")
# A line read as glued to the text before it must say something of its own: four characters at least
# beside its prompt and indentation, one a letter or a digit (`)`, `...`, an underline's `-----` turn up
# inside any translated line).
_GLUED_LEAST = 4
_TAB = 8


@dataclass(frozen=True)
class _Line:
    """One line of a block: its number in the block (from 1), its indentation in columns (None: blank),
    its prompt, and whether it is a comment or (in an interactive session) output."""

    number: int
    text: str
    indent: int | None
    prompt: str
    comment: bool
    output: bool


@dataclass(frozen=True)
class _Block:
    """A block's lines without the blank lines at its edges (a literal block's content has none: Sphinx
    drops them) and with CR LF read as a line break."""

    lines: list[_Line]

    @classmethod
    def of(cls, block: str, session: bool) -> _Block:
        text = block.replace("\r\n", "\n").split("\n")
        lines = []
        for number, line in enumerate(text, 1):
            if not line.strip():
                lines.append(_Line(number, line, None, "", False, False))
                continue
            prompt = m.group(1) if session and (m := _PROMPT.match(line)) else ""
            bare = line.lstrip(" \t")
            indent = len(line[: len(line) - len(bare)].expandtabs(_TAB))
            rest = bare[len(prompt):].lstrip(" \t")
            lines.append(_Line(number, line, indent, prompt, bool(_COMMENT.match(rest)), session and not prompt))
        written = [i for i, line in enumerate(lines) if line.indent is not None]
        return cls(lines[written[0]: written[-1] + 1] if written else [])

    @property
    def written(self) -> list[_Line]:
        return [line for line in self.lines if line.indent is not None]


def _session(block: str) -> bool:
    """Whether the block is an interactive session (a doctest): a line opens with `>>>`."""
    return any(line.lstrip(" \t").startswith(">>>") for line in block.split("\n"))


def _wrapped_prose(block: _Block) -> bool:
    """Whether the block is a paragraph wrapped over lines (an image's alt text that Sphinx keeps as
    written, a line of output that is a sentence): unindented lines of words and no blank line, from a
    capital to a sentence's end. Its translation may wrap its own way, or not at all."""
    text = [line.text.rstrip() for line in block.lines]
    return (bool(text) and all(line.indent == 0 for line in block.lines)
            and all(_PROSE_LINE.fullmatch(line) for line in text)
            and text[0][:1].isupper() and text[-1].endswith(_SENTENCE_ENDS))


def _rewrappable(block: _Block) -> bool:
    """Whether the block's line breaks are not its meaning: a paragraph of prose, comments only, or
    markup whose every line is a tag (raw HTML, which renders the same on one line)."""
    written = block.written
    return (_wrapped_prose(block) or all(line.comment for line in written)
            or all(line.text.strip().startswith("<") and line.text.rstrip().endswith(">") for line in written))


def _aligned(ours: _Block, theirs: _Block) -> tuple[list[_Line], list[_Line]] | None:
    """The source's and the translation's lines that correspond, one for one: all of them where both
    have as many and their comments stand on the same lines; else their lines other than comments (a
    comment merged here and split there shifts the lines after it: comments are the translator's to
    rewrap) where those are as many; else None (an example's output adapted)."""
    if len(ours.lines) == len(theirs.lines) and all(
            x.indent is None or y.indent is None or x.comment == y.comment
            for x, y in zip(ours.lines, theirs.lines, strict=True)):
        return ours.lines, theirs.lines
    a = [line for line in ours.lines if not line.comment]
    b = [line for line in theirs.lines if not line.comment]
    return (a, b) if len(a) == len(b) else None


def _distinctive(line: str) -> bool:
    """Whether a line says enough of its own to be told glued inside another: not a bracket, a bare
    prompt or an underline."""
    rest = line.strip()
    if m := _PROMPT.match(rest):
        rest = rest[m.end():].strip()
    return len(rest) >= _GLUED_LEAST and any(ch.isalnum() for ch in rest)


def _glued_pairs(line: str, before: dict[str, str], after: dict[str, str],
                 lengths: tuple[list[int], list[int]]) -> Iterator[tuple[str, str]]:
    """The pairs of successive source lines (earlier, later) that the line writes as one: the later
    line (indentation and all) ending it right after a character that is not a space, or the earlier
    line opening it with the later one right after it. Looked up by length, so that a block of many
    lines is read in time linear in its size."""
    shorter = bisect_left(lengths[0], len(line))
    for size in lengths[0][:shorter]:
        if (later := line[-size:]) in before and not line[-size - 1].isspace():
            yield before[later], later
    shorter = bisect_left(lengths[1], len(line))
    for size in lengths[1][:shorter]:
        if (earlier := line[:size]) in after and line[size:].startswith(after[earlier]):
            yield earlier, after[earlier]


def _joined(ours: _Block, theirs: _Block) -> tuple[str, str] | None:
    """Two successive written lines of the source that the translation writes as one (`async def
    main():    print(…)`, `# Imprime cada número    print(i)`): the later line glued right after the
    earlier one or its translation, where the source never writes them so. None where every break is
    kept."""
    source = [line.text.rstrip() for line in ours.written]
    before: dict[str, str] = {}
    after: dict[str, str] = {}
    for a, b in pairwise(source):
        if _distinctive(b):
            before.setdefault(b, a)
            if _distinctive(a):
                after.setdefault(a, b)
    lengths = (sorted({len(b) for b in before}), sorted({len(a) for a in after}))
    whole = set(source)
    for line in dict.fromkeys(line.text.rstrip() for line in theirs.written):
        if line in whole:
            continue
        for glued in _glued_pairs(line, before, after, lengths):
            if not any(_glues(written, *glued) for written in whole):
                return glued
    return None


def _glues(line: str, earlier: str, later: str) -> bool:
    """Whether a line of the source itself writes the later line glued (`x = 1;print(x)`)."""
    return ((len(line) > len(later) and line.endswith(later) and not line[-len(later) - 1].isspace())
            or line.startswith(earlier + later))


def _depths(indents: list[int]) -> list[int]:
    """Each line's depth among the indentations open before it (0: the block's own margin), as Python
    reads its blocks."""
    stack: list[int] = []
    depths = []
    for indent in indents:
        while stack and stack[-1] > indent:
            stack.pop()
        if not stack or stack[-1] < indent:
            stack.append(indent)
        depths.append(len(stack) - 1)
    return depths


def _sign(n: int) -> int:
    return (n > 0) - (n < 0)


def _spaces(translated: _Line, source: _Line) -> str:
    t, s = translated.indent or 0, source.indent or 0
    return (f"Literal block's indentation differs from the source on line {translated.number}: "
            f"{t} {'space' if t == 1 else 'spaces'} where the source's {'is' if s == 1 else 'are'} {s}")


def _indentation_changed(ours: list[_Line], theirs: list[_Line]) -> str | None:
    """Where the translation's indentation has another shape than the source's, worded: a line indented
    deeper, the same or less than the line before it where the source's is not (lines moved together,
    or a continuation realigned under a renamed name, keep the shape), or back at the block's margin
    where the source's is inside a block (`b()` out of its function). An interactive session's output
    is the example's to adapt (right-aligned labels): not compared."""
    both = [(x, y) for x, y in zip(ours, theirs, strict=True)
            if x.indent is not None and y.indent is not None and not x.output]
    for (x0, y0), (x1, y1) in pairwise(both):
        if _sign((x1.indent or 0) - (x0.indent or 0)) != _sign((y1.indent or 0) - (y0.indent or 0)):
            # Name the line that moved: the later one, unless it stands where the source's does.
            return _spaces(y0, x0) if x1.indent == y1.indent and x0.indent != y0.indent else _spaces(y1, x1)
    depths = zip(_depths([x.indent or 0 for x, _ in both]), _depths([y.indent or 0 for _, y in both]), strict=True)
    for (x, y), (was, now) in zip(both, depths, strict=True):
        if (was == 0) != (now == 0):
            return _spaces(y, x)
    return None


def _prompt_shown(prompt: str) -> str:
    return f"'{prompt}'" if prompt else "no prompt"


def _shown(line: str, width: int = 30) -> str:
    line = line.strip()
    return line if len(line) <= width else line[: width - 1] + "…"


def _defect(source: str, translation: str) -> str | None:
    """What the translation changed in the source's line structure, worded; None where it kept it."""
    session = _session(source)
    ours, theirs = _Block.of(source, session), _Block.of(translation, session)
    if len(ours.written) < 2 or _rewrappable(ours):
        return None
    if not theirs.lines:
        return f"Literal block's translation is blank: the source's {len(ours.lines)} lines are not in it"
    if len(theirs.lines) == 1:
        return f"Literal block's line breaks are gone: the source's {len(ours.lines)} lines are one in the translation"
    if len(theirs.lines) < len(ours.lines) and (glued := _joined(ours, theirs)) is not None:
        return (f"Literal block's line break is gone: the source's lines '{_shown(glued[0])}' and "
                f"'{_shown(glued[1])}' are one in the translation")
    aligned = _aligned(ours, theirs)
    if aligned is None:
        return None  # comments rewrapped and an example's output adapted: lines the translator may change
    a, b = aligned
    for x, y in zip(a, b, strict=True):
        if (x.indent is None) != (y.indent is None):
            return (f"Literal block's line {y.number} is blank in the translation where the source's has text"
                    if y.indent is None else
                    f"Literal block's line {y.number} has text in the translation where the source's is blank")
    for x, y in zip(a, b, strict=True):
        if x.prompt != y.prompt:
            return (f"Literal block's prompt differs from the source on line {y.number}: "
                    f"{_prompt_shown(y.prompt)} where the source has {_prompt_shown(x.prompt)}")
    return _indentation_changed(a, b)


class LiteralBlockReflowed(Rule):
    code = "B110"
    slug = "literal-block-reflowed"
    summary = "Literal block's translation lost its source's line structure"
    rationale = """
**What it does.** In a reST (Sphinx) catalogue, an entry whose msgid holds a line break is a literal
block (Sphinx's gettext builder keeps the lines of literal and doctest blocks only): code, its output, a
shell session. Its translation may translate comments and strings, and adapt an example, but it is shown
line for line as written. Flags, once per entry, on the msgstr, a translation that:

- lost every line break (the whole example on one line), or is blank;
- where it has fewer lines than the source, writes two of the source's lines as one: a line of the
  source that says something of its own (four characters beside its prompt, a letter or digit among
  them: not `...`, `)` or an underline) ends a line of the translation right after other text, or opens
  it right after the line before it (`async def main():    print(…)`, `# Imprime cada número    print(i)`),
  where the source never glues them so;
- on the lines that correspond (all of them where comments stand on the same lines; else the lines
  other than comments, which a translator may merge or split), blanks a written line or writes a blank
  one, changes a line's `>>>` or `...` prompt (read only in a session, a block with a `>>>` line:
  elsewhere `...` is Python's Ellipsis), or changes the indentation's shape: whether each line is
  indented deeper, the same or less than the line before it, or back at the block's margin where the
  source's is inside a block (tabs are eight columns; a block's lines moved by one space together, or a
  continuation realigned under a renamed name, keep the shape; a session's output is not compared).

The text is never compared: a translated comment, string or output is the translator's. Blank lines at
the block's edges (Sphinx drops them) and CR LF line ends are read as nothing and a line break. A
translation whose lines do not correspond (an example's output adapted) is not flagged, nor a source
whose line breaks are not its meaning: a paragraph wrapped over lines (an image's alt text, a sentence
of output: unindented lines of words, brackets and digits, a capital to a sentence's end), comments
only, or raw HTML whose every line is a tag.

**Why is this bad?** The page shows the block as the translation writes it: a code example on one line
cannot be read or run, a line stripped of its indentation breaks Python, a doctest whose prompt changed
fails or reads wrong.
"""
    severity = Severity.ERROR
    kinds = frozenset({"msgstr"})
    flag = (
        Example(_RST + 'msgid ""\n"async def main():\\n"\n"    await asyncio.sleep(1)\\n"\n"\\n"\n"asyncio.run(main())"\n'
                'msgstr ""\n"async def main():    await asyncio.sleep(1)asyncio.run(main())"\n', path=_PO,
                note="every line break gone (python-docs-pt-br's asyncio-task.po)"),
        Example(_RST + 'msgid ">>> import site\\n>>> site.getusersitepackages()\\n\'/home/user/.local\'"\n'
                'msgstr ">>> import site>>> site.getusersitepackages()\'/home/user/.local\'"\n', path=_PO),
        Example(_RST + 'msgid ""\n"for i in range(3):\\n"\n"    # Print each number\\n"\n"    print(i)\\n"\n"print(\'done\')"\n'
                'msgstr ""\n"for i in range(3):\\n"\n"    # Imprime cada número    print(i)\\n"\n"print(\'done\')"\n', path=_PO,
                note="two lines of the source written as one"),
        Example(_RST + 'msgid ""\n"{\\n"\n"   PyObject *type;\\n"\n"   /* ... code ... */\\n"\n"}"\n'
                'msgstr ""\n"{\\n"\n"PyObject *type;\\n"\n"/* ... código ... */\\n"\n"}"\n', path=_PO,
                note="the lines lost their indentation"),
        Example(_RST + 'msgid ">>> t = [\'black\',\\n...  \'cyan\']\\n...\\n>>> t"\n'
                'msgstr ">>> t = [\'preto\',\\n...  \'ciano\']\\n>>>\\n>>> t"\n', path=_PO,
                note="a continuation's prompt turned into a statement's"),
        Example(_RST + 'msgid "x = 1\\ny = 2\\nprint(x + y)"\nmsgstr "x = 1\\n\\nprint(x + y)"\n', path=_PO,
                note="a line of code left blank"),
        Example(_RST + 'msgid ""\n"def f():\\n"\n"    if x:\\n"\n"        a()\\n"\n"    b()"\n'
                'msgstr ""\n"def f():\\n"\n"    if x:\\n"\n"        a()\\n"\n"b()"\n', path=_PO,
                note="a line moved out of its function, to the block's margin"),
        Example(_RST + 'msgid "$ python -m calendar\\n      January\\nMo Tu We"\n'
                'msgstr "$ python -m calendar      Janeiro Mo Tu We"\n', path=_PO, note="a shell session's output too"),
    )
    allow = (
        Example(_RST + 'msgid ""\n"for i in range(3):\\n"\n"    # Print each number\\n"\n"    print(i)"\n'
                'msgstr ""\n"for i in range(3):\\n"\n"    # Imprime cada\\n"\n"    # número\\n"\n"    print(i)"\n',
                path=_PO, note="a comment translated over two lines"),
        Example(_RST + 'msgid ">>> for w in [\'a\', \'b\', \'c\']:\\n...     print(w)\\n...\\na\\nb\\nc"\n'
                'msgstr ">>> for w in [\'x\', \'y\']:\\n...     print(w)\\n...\\nx\\ny"\n', path=_PO,
                note="an example adapted, its output one line shorter"),
        Example(_RST + 'msgid ""\n"File \\"example.py\\", line 3\\n"\n"    some_other_code = foo()\\n"\n"                    ^"\n'
                'msgstr ""\n"File \\"exemplo.py\\", line 3\\n"\n"    algum_outro_codigo = foo()\\n"\n"                       ^"\n',
                path=_PO, note="a caret moved under a renamed name: the same shape"),
        Example(_RST + 'msgid ""\n"    case Point(x=0):\\n"\n"        print(\\"Origin\\")\\n"\n"    case _:\\n"\n"        pass"\n'
                'msgstr ""\n"    case Point(x=0):\\n"\n"       print(\\"Origem\\")\\n"\n"    case _:\\n"\n"       pass"\n',
                path=_PO, note="a block indented by one space less throughout: the same shape"),
        Example(_RST + 'msgid ""\n"Inheritance diagram showing the classes available in pathlib. The\\n"\n'
                '"most basic class is PurePath, which has three direct subclasses.\\n"\n'
                'msgstr "Diagrama de herança mostrando as classes de pathlib. A classe mais básica é PurePath."\n',
                path=_PO, note="a paragraph wrapped over lines (an image's alt text): not code"),
        Example(_RST + 'msgid "import os\\nprint(os.getcwd())"\nmsgstr "import os\\nprint(os.getcwd())"\n', path=_PO),
        Example(_RST + 'msgid ""\n"Diagram of the event loop: it runs each ready task (see\\n"\n"below), up to\\n"\n'
                '"100 tasks per\\n"\n"iteration."\n'
                'msgstr "Diagrama do laço de eventos: executa cada tarefa pronta (veja abaixo), até 100 tarefas por iteração."\n',
                path=_PO, note="alt text whose lines open with a number, hold a bracket, end on one word"),
        Example(_RST + 'msgid ">>> # Print the numbers\\n>>> # one per line\\n>>> for i in range(2):\\n...     print(i)\\n...\\n0\\n1"\n'
                'msgstr ">>> # Imprime os números, um por linha...\\n>>> for i in range(2):\\n...     print(i)\\n...\\n0\\n1"\n',
                path=_PO, note="two comment lines made one that ends in an ellipsis: a bare '...' is no line of its own"),
        Example(_RST + 'msgid ""\n"Summary\\n"\n"-------\\n"\n"The report lists every file\\n"\n"that changed since the last run."\n'
                'msgstr ""\n"Resumo\\n"\n"--------\\n"\n"O relatório lista todo arquivo alterado desde a última execução."\n',
                path=_PO, note="an underline lengthened holds the source's: no line glued"),
        Example(_RST + 'msgid ""\n"# Create the connection and\\n"\n"# open a cursor\\n"\n"con = connect()\\n"\n"\\n"\n'
                '"# Insert a row\\n"\n"cur.execute(sql)"\n'
                'msgstr ""\n"# Cria a conexão e abre um cursor\\n"\n"con = connect()\\n"\n"\\n"\n"# Insere uma linha de\\n"\n'
                '"# dados\\n"\n"cur.execute(sql)"\n', path=_PO,
                note="one comment merged, another split: as many lines, shifted; the code's lines correspond"),
        Example(_RST + 'msgid ">>> for label in [\'Name\', \'Age\']:\\n...     print(f\'{label:>4}:\')\\n...\\nName:\\n Age:"\n'
                'msgstr ">>> for rótulo in [\'Nome\', \'Idade\']:\\n...     print(f\'{rótulo:>5}:\')\\n...\\n Nome:\\nIdade:"\n',
                path=_PO, note="a session's output adapted (right-aligned labels)"),
        Example(_RST + 'msgid "if x:\\n\\tif y:\\n\\t\\tz()"\nmsgstr "if x:\\n        if y:\\n\\t\\tz()"\n', path=_PO,
                note="a tab is eight columns"),
        Example(_RST + 'msgid "# Only the first call\\n# is cached."\nmsgstr "# Só a primeira chamada fica em cache."\n',
                path=_PO, note="a block of comments only, rewrapped"),
        Example(_RST + 'msgid "<div class=\\"banner\\">\\n  <p>Welcome</p>\\n</div>"\n'
                'msgstr "<div class=\\"banner\\"><p>Bem-vindo</p></div>"\n', path=_PO,
                note="raw HTML, every line a tag: renders the same on one line"),
        Example(_RST + 'msgid ">>> if x:\\n...     y()\\n...\\n>>> z"\nmsgstr ">>> if x:\\r\\n...     y()\\r\\n...\\r\\n>>> z"\n',
                path=_PO, note="CR LF is a line break (the prompts are the source's)"),
        Example(_RST + 'msgid "class Spam:\\n    ...\\n\\nx = Spam()"\nmsgstr "class Spam:\\n    …\\n\\nx = Spam()"\n', path=_PO,
                note="outside a session '...' is Python's Ellipsis, no prompt (its text is not compared here)"),
        Example(_RST + 'msgid "\\nx = 1\\ny = 2\\n"\nmsgstr "x = 1\\ny = 2\\n\\n"\n', path=_PO,
                note="blank lines at the block's edges, which Sphinx drops"),
        Example(_RST + 'msgid "def f():\\n    return 1\\n\\nf()"\nmsgstr "def f():\\n    return 1\\nf()\\n"\n', path=_PO,
                note="a blank line between a function and its call moved to the block's end: the code reads the same"),
        Example(_RST + 'msgid "python -m venv /path/to/env\\n"\nmsgstr "python -m venv /caminho/para/ambiente"\n', path=_PO,
                note="one written line: no break to lose"),
        Example(_RST + 'msgid ""\n"# Set x to 1\\n"\n"# and print it\\n"\n"x = 1;print(x)\\n"\n"print(x)"\n'
                'msgstr ""\n"# Define x como 1 e o imprime\\n"\n"x = 1;print(x)\\n"\n"print(x)"\n', path=_PO,
                note="a line glued as the source glues it"),
        Example('msgid "Line one\\nLine two"\nmsgstr "Ligne un Ligne deux"\n', path=_PO,
                note="no reST catalogue: a program's message, B107's and others'"),
        Example(_RST + 'msgid "x = 1\\ny = 2"\nmsgstr ""\n', path=_PO, note="untranslated"),
    )

    def check_segment(self, seg: Segment, doc: Document) -> Iterator[Finding]:
        if seg.index not in doc.memo.get("po-literal-blocks", ()):
            return
        both = pair(seg, doc, code=True)
        if both is None or both[0] == both[1]:
            return
        message = _defect(*both)
        if message is None:
            return
        start = doc.memo.get("po-string-start", {}).get(seg.index, seg.to_source(0))
        yield self.finding_at(start, start + len(raw_string(doc.text, start)), message)

"""B110 literal-block-reflowed: a reST catalogue's literal block whose translation lost its source's line
structure (its line breaks, its indentation's shape, its prompts)."""

from __future__ import annotations

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

# An interactive session's prompts: a doctest's statement and its continuation.
_PROMPT = compiled_on_use(r"[ \t]*(>>>|\.\.\.)(?=[ \t]|$)")
# A line of wrapped prose: words and a sentence's punctuation, nothing code writes (brackets, `=`, `#`).
_PROSE_LINE = compiled_on_use(r"[^\W\d_][\w'’-]*(?:[,;:.!?]?[ \t]+[\w'’-]+)+[,;:.!?]?")
_SENTENCE_ENDS = (".", "!", "?")
# The shortest line (without its indentation) read as glued to the text before it: `)` or `}` alone may
# close a bracket anywhere.
_GLUED_LEAST = 3


@dataclass(frozen=True)
class _Lines:
    """A block's lines: each one's indentation (None: a blank line) and prompt."""

    text: list[str]
    indents: list[int | None]
    prompts: list[str]

    @classmethod
    def of(cls, block: str) -> _Lines:
        lines = block.split("\n")
        indents = [len(line) - len(line.lstrip(" \t")) if line.strip() else None for line in lines]
        prompts = [m.group(1) if (m := _PROMPT.match(line)) else "" for line in lines]
        return cls(lines, indents, prompts)

    @property
    def joined(self) -> str:
        return "\n".join(self.text)

    @property
    def written(self) -> int:
        """How many lines are not blank."""
        return sum(i is not None for i in self.indents)


def _wrapped_prose(block: str) -> bool:
    """Whether the block is a paragraph wrapped over lines (an image's alt text that Sphinx keeps as
    written): unindented lines of words and no blank line, from a capital to a sentence's end. Its
    translation may wrap its own way, or not at all."""
    text = block.strip("\n").split("\n")
    return (all(_PROSE_LINE.fullmatch(line.rstrip()) for line in text)
            and text[0][:1].isupper() and text[-1].endswith(_SENTENCE_ENDS))


def _steps(indents: list[int | None]) -> dict[int, int]:
    """Each written line after the first (by its 1-based number) and whether it is indented deeper (1),
    the same (0) or less (-1) than the written line before it: the indentation's shape, which code keeps
    where a renamed name moves an aligned line."""
    written = [(n, i) for n, i in enumerate(indents, 1) if i is not None]
    return {n: (b > a) - (b < a) for (_, a), (n, b) in pairwise(written)}


def _joined(source: _Lines, translation: str) -> tuple[str, str] | None:
    """Two successive written lines of the source that the translation writes as one (`async def
    main():    print(…)`, `# Imprime cada número    print(i)`): the later line, indentation and all,
    glued after text in a line of the translation, where the source never writes it so. The earlier
    line may be translated (a comment); None where every break is kept."""
    lines = [line.rstrip() for line in source.text if line.strip()]
    for a, b in pairwise(lines):
        if len(b.strip()) >= _GLUED_LEAST and _glued_after_text(b, translation) and not _glued_after_text(b, source.joined):
            return a, b
    return None


def _glued_after_text(line: str, block: str) -> bool:
    """Whether the line stands in the block right after a character that is not whitespace."""
    at = block.find(line, 1)
    while at > 0:
        if not block[at - 1].isspace():
            return True
        at = block.find(line, at + 1)
    return False


def _shown(line: str, width: int = 30) -> str:
    line = line.strip()
    return line if len(line) <= width else line[: width - 1] + "…"


def _prompt_shown(prompt: str) -> str:
    return f"'{prompt}'" if prompt else "no prompt"


def _defect(source: str, translation: str) -> str | None:
    """What the translation changed in the source's line structure, worded; None where it kept it."""
    ours, theirs = _Lines.of(source), _Lines.of(translation)
    if ours.written < 2 or _wrapped_prose(source):
        return None
    if "\n" not in translation.strip("\n"):
        return f"Literal block's line breaks are gone: the source's {len(ours.text)} lines are one in the translation"
    if len(theirs.text) < len(ours.text) and (glued := _joined(ours, translation)) is not None:
        return (f"Literal block's line break is gone: the source's lines '{_shown(glued[0])}' and "
                f"'{_shown(glued[1])}' are one in the translation")
    if len(theirs.text) != len(ours.text):
        return None  # a comment rewrapped, an example's output adapted: lines the translator may change
    for n, (was, now) in enumerate(zip(ours.indents, theirs.indents, strict=True), 1):
        if (was is None) != (now is None):
            return f"Literal block's line {n} is {'blank' if was is None else 'written'} in the source, not in the translation"
    for n, (old, new) in enumerate(zip(ours.prompts, theirs.prompts, strict=True), 1):
        if old != new:
            return (f"Literal block's prompt differs from the source on line {n}: "
                    f"{_prompt_shown(new)} where the source has {_prompt_shown(old)}")
    steps, shape = _steps(ours.indents), _steps(theirs.indents)
    for n, step in steps.items():
        if shape[n] != step:
            return (f"Literal block's indentation differs from the source on line {n}: "
                    f"{theirs.indents[n - 1]} spaces where the source's are {ours.indents[n - 1]}")
    return None


class LiteralBlockReflowed(Rule):
    code = "B110"
    slug = "literal-block-reflowed"
    summary = "Literal block's translation lost its source's line structure"
    rationale = """
**What it does.** In a reST (Sphinx) catalogue, an entry whose msgid holds a line break is a literal
block (Sphinx's gettext builder keeps the lines of literal and doctest blocks only): code, its output, a
shell session. Its translation may translate comments and strings, and adapt an example, but it is shown
line for line as written. Flags, once per entry, on the msgstr, a translation that:

- lost every line break (the whole example on one line), or, where it has fewer lines than the source,
  writes two of the source's lines as one (`async def main():    print(…)`);
- with as many lines as the source, blanks a written line or writes a blank one, changes a line's
  `>>>` or `...` prompt, or changes the indentation's shape: whether each line is indented deeper, the
  same or less than the line before it (lines stripped of their indentation; a block's lines moved by
  one space together, or a continuation realigned under a renamed name, keep the shape).

The text is never compared: a translated comment, string or output is the translator's. A translation
with other line counts and no lines joined (a comment rewrapped over two lines, an example's output
adapted) is not flagged, nor a source that is a paragraph wrapped over lines (an image's alt text:
unindented lines of words, a capital to a full stop), which a translation may rewrap.

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
        Example(_RST + 'msgid "def f():\\n    return 1\\n\\nf()"\nmsgstr "def f():\\n    return 1\\nf()\\n"\n', path=_PO,
                note="a blank line written, the last one left blank"),
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

"""A text whose lines end in CRLF or in CR alone (an old Mac export) gets the findings of the same text with LF
ends, at the same lines and columns: a rule that reads lines reads them whatever ends them."""

from __future__ import annotations

import pytest

import lint
from lint.model import Source

# Texts from the PEPs where a rule read LF as the only line end (found on the PEPs as one CR file).
TEXTS = {
    # T106: a line's quotation or code span was looked for across the CR-ended lines before it
    "code span on the line before": (
        "virtualenv creates\n``${venv}/include/`` and symlinks ``${base_prefix}/include/pythonX.X``\n"
        "to ``${venv}/include/pythonX.X``. On Windows, where Python's include\n"
        "files are found in ``{{ sys.prefix }}/Include`` and symlinks are not\n"
        "reliably available, virtualenv copies ``{{ sys.prefix }}/Include`` to\n"
        "``${venv}/Include``. This ensures that extension modules built work.\n"),
    # T108: the clause before a stop began after the last LF, so it took in the lines before it
    "clause over a line end": (
        "Which is wrong, because if I write ``Decimal('1.1')`` it is exact, not\n"
        "``D(1.1000000000000001)``.  He also proposed to have an explicit\n"
        "conversion to float.  bokr says you need to put the precision in the\n"
        "constructor and mwilson agreed::\n"),
    # P103: an indented paragraph's line was taken to start after the last LF, so it was not indented
    "indented paragraph": (
        "D. Should the identifier character set be configurable?\n\n"
        "   Various voices proposing and supporting a selectable character set,\n"
        "   so that users can get all the benefits of using their own language\n"
        "   without the drawbacks of confusable/unfamiliar characters\n\n"
        "E. Which identifier characters should be allowed?\n"),
    "quotation on the line before": (
        "    IPv6address   = (\n"
        "                      ( h16 ':'){6} ls32\n"
        "                      | '::' ( h16 ':'){5} ls32\n"
        "                      | ( h16 )?  '::' ( h16 ':'){4} ls32\n"
        "                      | ( ( h16 ':')? h16 )? '::' ( h16 ':'){3} ls32\n"),
}


def _places(text: str) -> list[tuple[str, int, int, int, int]]:
    source = Source("a.txt", text)
    out = []
    for f in lint.check_text(text, path="a.txt"):
        a, b = source.position(f.start), source.position(f.end)
        out.append((f.code, a.line, a.column, b.line, b.column))
    return sorted(out)


@pytest.mark.parametrize("name", sorted(TEXTS))
@pytest.mark.parametrize("end", ["\r\n", "\r"], ids=["crlf", "cr"])
def test_a_text_with_crlf_or_cr_ends_gets_the_findings_of_its_lf_twin(name: str, end: str) -> None:
    text = TEXTS[name]
    assert _places(text.replace("\n", end)) == _places(text)

"""The bilingual family's comparison of a translation with its source: each side's items (addresses,
numbers, placeholders, tags) counted, and what the translation lacks or adds reported in one finding."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import ClassVar, TypeVar

from lint.formats.bilingual import pair
from lint.model import Document, Finding, Related, Segment
from lint.rule import Rule

_T = TypeVar("_T")

# Translations of one catalogue that differ from their sources the same way, from which on they are one
# habit (a translator's input method, a language's label style, a team's convention) reported once.
HABIT = 5


def habit_or_each(items: Sequence[_T], habit: Callable[[Sequence[_T]], Finding],
                  each: Callable[[_T], Finding]) -> Iterator[Finding]:
    """One finding for a catalogue's habit (``HABIT`` mismatches of one kind or more, worded by ``habit``),
    the other mismatches its related places, else one finding for each mismatch."""
    if len(items) >= HABIT:
        found = habit(items)
        others = (each(item) for item in items[1:])
        yield dataclasses.replace(found, related=tuple(Related(f.start, f.end, f.message) for f in others))
    else:
        yield from map(each, items)


@dataclass(frozen=True)
class Difference:
    """What the translation lacks and adds, where to report it (segment offsets; None: the whole
    segment), and the message's head where it is not the rule's own."""

    missing: Sequence[str]
    extra: Sequence[str]
    span: tuple[int, int] | None = None
    head: str | None = None


class PairwiseRule(Rule):
    """A rule that compares a translation (a msgstr, an XLIFF target) with its source: ``difference``
    says what differs, this class pairs the two texts and words the finding:
    `Numbers differ from the source: missing 10; not in the source 12`."""

    head: ClassVar[str]  # "Numbers differ from the source"
    # Whether a reST catalogue's literal blocks are compared too (a doctest's output, a format string in code).
    reads_code: ClassVar[bool] = False
    separator: ClassVar[str] = ", "  # between the items of a list

    def difference(self, seg: Segment, doc: Document, both: tuple[str, str]) -> Difference | None:
        """What the translation (``both[1]``) lacks and adds of its source's (``both[0]``) items; None
        where nothing differs."""
        raise NotImplementedError

    def check_segment(self, seg: Segment, doc: Document) -> Iterator[Finding]:
        both = pair(seg, doc, code=self.reads_code)
        if both is None:
            return
        found = self.difference(seg, doc, both)
        if found is None or not (found.missing or found.extra):
            return
        parts = []
        if found.missing:
            parts.append("missing " + self.separator.join(found.missing))
        if found.extra:
            parts.append("not in the source " + self.separator.join(found.extra))
        start, end = found.span or (0, len(seg.text))
        yield self.finding(seg, start, end, f"{found.head or self.head}: " + "; ".join(parts))

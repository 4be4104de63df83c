"""The `metric` kind of custom rule: a readability score per paragraph (README, "The kinds")."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, ClassVar

from lint.custom import text as textm
from lint.custom.kinds.base import (
    UserRule,
)
from lint.custom.spec import Spec
from lint.model import Document, Finding, Segment


class Metric(UserRule):
    kind = "metric"
    FIELDS = frozenset({"formula", "max", "min", "min-words"})
    PLACEHOLDERS = frozenset({"match", "score", "formula", "max", "min", "words"})
    DEFAULT_KINDS = frozenset({"paragraph"})
    DEFAULT_LANGUAGES = frozenset({"en"})

    formula: ClassVar[str] = "flesch-reading-ease"
    max: ClassVar[float | None] = None
    min: ClassVar[float | None] = None
    min_words: ClassVar[int] = 30

    @classmethod
    def configure(cls, spec: Spec) -> dict[str, Any]:
        formula = spec.choice("formula", sorted(textm.FORMULAS))
        if formula is None:
            raise spec.error((), f"missing field 'formula' (one of {', '.join(sorted(textm.FORMULAS))})")
        most = spec.number("max")
        least = spec.number("min")
        if most is None and least is None:
            raise spec.error((), "missing field 'max' or 'min' (the score a paragraph must not pass)")
        min_words = spec.number("min-words", 30, minimum=1, integer=True)
        label = textm.FORMULAS[formula][0]
        if most is not None and least is None:
            message = "{formula} is {score}; at most {max} wanted"
        elif least is not None and most is None:
            message = "{formula} is {score}; at least {min} wanted"
        else:
            message = "{formula} is {score}; between {min} and {max} wanted"
        return {"formula": formula, "max": most, "min": least, "min_words": int(min_words or 30),
                "DEFAULT_MESSAGE": message, "_groups": (0, set()), "_label": label}

    @classmethod
    def default_summary(cls, attrs: Mapping[str, Any]) -> str:
        bounds = []
        if attrs["min"] is not None:
            bounds.append(f"at least {attrs['min']:g}")
        if attrs["max"] is not None:
            bounds.append(f"at most {attrs['max']:g}")
        return f"{attrs['_label']} {' and '.join(bounds)} per paragraph"

    def scan(self, seg: Segment, doc: Document) -> Iterator[Finding]:
        c = textm.counts(seg.text)
        if c.words < self.min_words:
            return
        label, formula, _ = textm.FORMULAS[self.formula]
        score = round(formula(c), 1)
        if (self.max is not None and score > self.max) or (self.min is not None and score < self.min):
            first_line = len(seg.text.split("\n", 1)[0])
            yield self.finding(seg, 0, first_line, self.say(
                match=seg.text, score=f"{score:g}", formula=label,
                max=None if self.max is None else f"{self.max:g}",
                min=None if self.min is None else f"{self.min:g}", words=c.words))

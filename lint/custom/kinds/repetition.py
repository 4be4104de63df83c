"""The `repetition` kind of custom rule: a word written twice (README, "The kinds")."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, ClassVar

import regex

from lint.custom import matcher
from lint.custom.kinds.base import (
    UserRule,
    _exceptions,
)
from lint.custom.spec import Spec
from lint.model import Applicability, Document, Finding, Segment


class Repetition(UserRule):
    kind = "repetition"
    FIELDS = frozenset({"token", "ignorecase", "exceptions", "fix", "timeout"})
    DEFAULT_MESSAGE = "'{match}' is repeated"
    DEFAULT_FIX = Applicability.UNSAFE
    USES_PATTERNS = True

    pattern: ClassVar[regex.Pattern[str] | None] = None
    token: ClassVar[str] = r"[^\W\d_]+"

    @classmethod
    def configure(cls, spec: Spec) -> dict[str, Any]:
        ignorecase = spec.boolean("ignorecase", True)
        token = spec.get("token") or r"[^\W\d_]+"
        spec.pattern(("token",), token, ignorecase=ignorecase, nonword=True)  # validates it alone
        source = (rf"{matcher.BOUNDARY_START}(?P<copylint_token>(?:{token}))"
                  rf"(?P<copylint_gap>\s+)(?P=copylint_token){matcher.BOUNDARY_END}")
        try:
            compiled = regex.compile(source, regex.IGNORECASE if ignorecase else 0)
        except regex.error as exc:
            raise spec.error("token", f"invalid regular expression '{token}': {exc.msg}") from None
        return {"pattern": compiled, "token": token, "ignorecase": ignorecase,
                **_exceptions(spec, ignorecase), "_groups": (0, set())}

    @classmethod
    def default_summary(cls, attrs: Mapping[str, Any]) -> str:
        return "A word repeated"

    def scan(self, seg: Segment, doc: Document) -> Iterator[Finding]:
        assert self.pattern is not None
        for m in self.finditer(self.pattern, seg, label=self.token):
            word = m.group("copylint_token")
            second = m.group()[m.end("copylint_gap") - m.start():]
            if self.excepted(word) or (word[:1].isupper() and second[:1].isupper()):
                continue  # both capitalized: a name (Bora Bora, Walla Walla)
            yield self.finding(seg, m.start(), m.end(), self.say(match=word),
                               edits=[(m.start("copylint_gap"), m.end(), "")])

"""The kinds of declarative rules, one module each: what each reads from YAML (``configure``) and
how it checks (``check_segment``/``check_document``). ``KINDS`` names them for the YAML ``kind`` field.

A user rule is a class made at load time (``lint.custom.build``) from one of these, carrying its data
as class attributes like a built-in rule's metadata. A new kind is a module here with a class deriving
from ``UserRule`` (``base.py``), and its entry in ``KINDS``.
"""

from __future__ import annotations

from lint.custom.kinds.base import UserRule, UserRuleMeta
from lint.custom.kinds.capitalization import Capitalization
from lint.custom.kinds.conditional import Conditional
from lint.custom.kinds.consistency import Consistency
from lint.custom.kinds.existence import Existence
from lint.custom.kinds.metric import Metric
from lint.custom.kinds.occurrence import Occurrence
from lint.custom.kinds.repetition import Repetition
from lint.custom.kinds.substitution import Substitution

__all__ = ["KINDS", "UserRule", "UserRuleMeta"]

KINDS: dict[str, type[UserRule]] = {
    k.kind: k for k in (Existence, Substitution, Capitalization, Occurrence, Consistency, Repetition,
                        Conditional, Metric)
}

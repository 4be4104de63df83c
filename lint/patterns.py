"""Regexes compiled the first time they are used, not when their module is imported.

Compiling is most of a small run's start-up: the stdlib's compiler builds a 65,536-entry table for
every character class that reaches past Latin-1 (CJK, Cyrillic, bullets) in Python, a few
milliseconds each, and a rule's patterns beyond its trigger are needed only on the segments its
trigger found, which a small English file mostly has none of. ``compiled_on_use`` gives an object
that stands for the compiled pattern: the first use compiles it; then the module that made it holds
the compiled pattern itself under the same name (a rule's functions read the real pattern, with no
wrapper on the path of a call: an attribute of a class with ``__getattr__`` is not specialized by the
interpreter and costs some 20-100 ns more per call, which a rule called per segment pays often), and
the object, wherever else it is kept, answers with the compiled pattern's own methods.
"""

from __future__ import annotations

import re
import sys
from typing import Any, cast

# What a caller may ask of a pattern; after the first use each is the compiled pattern's own attribute.
_ATTRIBUTES = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split", "scanner",
               "pattern", "flags", "groups", "groupindex")


class _OnUse:
    def __init__(self, pattern: str, flags: int, namespace: dict[str, Any] | None) -> None:
        self._source = (pattern, flags)
        self._namespace = namespace  # the globals of the module that made it

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):  # copy, pickle and friends ask for dunders: they are not the pattern's
            raise AttributeError(name)
        compiled = re.compile(*self._source)
        for attribute in _ATTRIBUTES:
            self.__dict__[attribute] = getattr(compiled, attribute)
        namespace, self._namespace = self._namespace, None
        if namespace is not None:
            for key, value in list(namespace.items()):
                if value is self:
                    namespace[key] = compiled
        return getattr(compiled, name)

    def __repr__(self) -> str:
        return f"compiled_on_use({self._source[0]!r}, {self._source[1]})"


def compiled_on_use(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, done the first time the result is used. For patterns held by
    modules and rules (not for ``re.sub(pattern, …)``, which wants a string or a real pattern)."""
    frame = sys._getframe(1) if hasattr(sys, "_getframe") else None
    return cast(re.Pattern[str], _OnUse(pattern, flags, frame.f_globals if frame is not None else None))

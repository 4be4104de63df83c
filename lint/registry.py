"""Which rules exist: the built-in rule modules under ``lint.rules``, plus any added at run time.

Each module under ``rules/<family>/`` defines exactly one ``Rule`` subclass. Other
sources of rules (user rule packs, the LanguageTool bridge) add theirs with
``register``; selection treats them all alike.
"""

from __future__ import annotations

import difflib
import importlib
import pkgutil
from functools import lru_cache

from lint.rule import Rule

_extra: dict[str, type[Rule]] = {}


@lru_cache(maxsize=1)
def builtin_rules() -> tuple[type[Rule], ...]:
    import lint.rules as package

    found: list[type[Rule]] = []
    for info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
        if info.ispkg:
            continue
        module = importlib.import_module(info.name)
        classes = [
            obj
            for obj in vars(module).values()
            if isinstance(obj, type)
            and issubclass(obj, Rule)
            and obj is not Rule
            and obj.__module__ == module.__name__
            and getattr(obj, "code", None)
        ]
        if len(classes) != 1:
            raise RuntimeError(f"{info.name} must define exactly one rule, found {len(classes)}")
        found.append(classes[0])
    return tuple(sorted(found, key=lambda r: r.code))


def register(rule: type[Rule]) -> None:
    """Add a rule that is not a built-in module (user packs, LanguageTool)."""
    _extra[rule.code] = rule


def unregister(code: str) -> None:
    """Drop a rule added with ``register`` (a reloaded config no longer defines it)."""
    _extra.pop(code, None)


def has_extra() -> bool:
    return bool(_extra)


def all_rules() -> list[type[Rule]]:
    return list(builtin_rules()) + sorted(_extra.values(), key=lambda r: r.code)


def rule_by_name(name: str) -> type[Rule] | None:
    """A rule by code or slug (case-insensitive code)."""
    for rule in all_rules():
        if rule.code.lower() == name.lower() or rule.slug == name:
            return rule
    return None


def families() -> set[str]:
    return {r.code.rstrip("0123456789") for r in all_rules()}


def is_selector(name: str) -> bool:
    """A valid --select/--ignore entry: a code, a code prefix (family letter, S1, X.newsroom), or a slug."""
    from lint.docs import FAMILY_NAMES

    if name.upper() == "ALL" or name.upper() in FAMILY_NAMES:
        return True
    return bool(matching_rules(name)) or name.startswith("G:")


def matching_rules(selector: str) -> list[type[Rule]]:
    """The rules a selector names: exact slug, or code prefix (case-insensitive)."""
    s = selector.strip()
    if s.upper() == "ALL":
        return all_rules()
    out = [r for r in all_rules() if r.slug == s]
    if out:
        return out
    return [r for r in all_rules() if r.code.upper().startswith(s.upper())]


def closest_name(name: str) -> str | None:
    names = [r.code for r in all_rules()] + [r.slug for r in all_rules()]
    match = difflib.get_close_matches(name, names, n=1, cutoff=0.5)
    return match[0] if match else None

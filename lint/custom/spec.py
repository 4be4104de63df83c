"""Reading one declarative rule from YAML, with errors that name the file, the rule and the line."""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import regex

from lint.config import ConfigError
from lint.custom import matcher


@dataclass
class Where:
    """Where a list of rules was written: the file, its key lines, the key path of the list."""

    path: str | None
    lines: Mapping[tuple[Any, ...], int]
    base: tuple[Any, ...] = ()
    note: str = ""  # appended to every message, e.g. "(pack listed in .copylint.yaml:4)"

    def line(self, keys: tuple[Any, ...]) -> int | None:
        full = self.base + keys
        for n in range(len(full), 0, -1):
            line = self.lines.get(full[:n])
            if line:
                return line
        return None

    def error(self, keys: tuple[Any, ...], message: str) -> ConfigError:
        return ConfigError(self.path, message + (f" {self.note}" if self.note else ""), self.line(keys))


def did_you_mean(name: str, choices: list[str]) -> str:
    match = difflib.get_close_matches(name, choices, n=1, cutoff=0.5)
    return f" (did you mean '{match[0]}'?)" if match else ""


class Spec:
    """One rule's mapping, read field by field; every problem raises a ConfigError at its line."""

    def __init__(self, raw: Mapping[str, Any], where: Where, index: int) -> None:
        self.raw = raw
        self.where = where
        self.index = index  # position in its list (the key path below ``where.base``)
        self.label = f"#{index + 1}"  # replaced by the code once it is known
        self.used: set[str] = set()

    # -- errors ---------------------------------------------------------------------------

    def error(self, keys: tuple[Any, ...] | str, message: str) -> ConfigError:
        if isinstance(keys, str):
            keys = (keys,)
        return self.where.error((self.index, *keys), f"rule {self.label}: {message}")

    def check_unknown(self, allowed: set[str], kind: str) -> None:
        for key in self.raw:
            if key not in allowed:
                hint = did_you_mean(str(key), sorted(allowed))
                raise self.error(str(key), f"unknown field '{key}' for kind '{kind}'{hint}")

    # -- fields ---------------------------------------------------------------------------

    def has(self, name: str) -> bool:
        return name in self.raw

    def get(self, name: str) -> Any:
        self.used.add(name)
        return self.raw.get(name)

    def string(self, name: str, default: str | None = None, *, required: bool = False) -> str | None:
        value = self.get(name)
        if value is None:
            if required:
                raise self.error((), f"missing field '{name}'")
            return default
        if not isinstance(value, str) or not value.strip():
            raise self.error(name, f"'{name}' must be a non-empty string")
        return value

    def boolean(self, name: str, default: bool = False) -> bool:
        value = self.get(name)
        if value is None:
            return default
        if not isinstance(value, bool):
            raise self.error(name, f"'{name}' must be true or false")
        return value

    def number(self, name: str, default: float | None = None, *, minimum: float | None = None,
               integer: bool = False) -> float | None:
        value = self.get(name)
        if value is None:
            return default
        if isinstance(value, bool) or not isinstance(value, (int, float)) or (integer and not isinstance(value, int)):
            raise self.error(name, f"'{name}' must be {'an integer' if integer else 'a number'}")
        if minimum is not None and value < minimum:
            raise self.error(name, f"'{name}' must be at least {minimum:g}")
        return value

    def choice(self, name: str, choices: list[str], default: str | None = None) -> str | None:
        value = self.get(name)
        if value is None:
            return default
        if value not in choices:
            hint = did_you_mean(str(value), choices)
            raise self.error(name, f"'{name}' must be one of {', '.join(choices)}, not '{value}'{hint}")
        return str(value)

    def strings(self, name: str, *, required: bool = False) -> list[str]:
        value = self.get(name)
        if value is None:
            if required:
                raise self.error((), f"missing field '{name}'")
            return []
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list):
            raise self.error(name, f"'{name}' must be a list of strings")
        for i, item in enumerate(value):
            if not isinstance(item, str) or not item.strip():
                raise self.error((name, i), f"'{name}' item {i + 1} must be a non-empty string")
        return list(value)

    def mapping(self, name: str, *, required: bool = False) -> dict[str, str]:
        value = self.get(name)
        if value is None:
            if required:
                raise self.error((), f"missing field '{name}'")
            return {}
        if not isinstance(value, dict) or not value:
            raise self.error(name, f"'{name}' must map strings to strings, e.g. {{Kiev: Kyiv}}")
        out: dict[str, str] = {}
        for k, v in value.items():
            if isinstance(v, (int, float)) and not isinstance(v, bool):
                v = str(v)
            if not isinstance(k, str) or not k.strip() or not isinstance(v, str):
                raise self.error((name, k), f"'{name}': '{k}' must map to a string")
            out[k] = v
        return out

    # -- patterns ---------------------------------------------------------------------------

    def pattern(self, keys: tuple[Any, ...], source: Any, *, ignorecase: bool, nonword: bool) -> regex.Pattern[str]:
        if not isinstance(source, str) or not source:
            raise self.error(keys, "a pattern must be a non-empty string")
        try:
            compiled = matcher.compile_pattern(source, ignorecase=ignorecase, nonword=nonword)
        except regex.error as exc:
            where = f" at position {exc.pos}" if getattr(exc, "pos", None) is not None else ""
            raise self.error(keys, f"invalid regular expression '{source}': {exc.msg}{where}") from None
        if matcher.matches_empty(regex.compile(source, regex.IGNORECASE if ignorecase else 0)):
            raise self.error(keys, f"the pattern '{source}' matches the empty string")
        return compiled

    def template(self, keys: tuple[Any, ...] | str, text: str, allowed: set[str], groups: int,
                 names: set[str]) -> str:
        try:
            found = matcher.placeholders(text)
        except ValueError as exc:
            raise self.error(keys, f"in {text!r}: {exc}") from None
        for name in found:
            if name.isdigit():
                if int(name) > groups:
                    raise self.error(keys, f"{{{name}}} in {text!r}: the pattern has {groups} group(s)")
            elif name not in allowed and name not in names:
                choices = sorted(allowed | names)
                raise self.error(
                    keys, f"unknown placeholder {{{name}}} in {text!r}{did_you_mean(name, choices)}"
                    f" (known: {', '.join('{' + c + '}' for c in choices)})"
                )
        return text

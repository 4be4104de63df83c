"""A rule's options, declared once as a frozen dataclass and checked when the config loads.

A rule with options declares them in a nested ``Options`` class, a frozen dataclass whose fields are
the options (``min_lines`` is the config key ``min-lines``), each made with ``option()`` so that it has
a default, a sentence for the docs and, for numbers, a range::

    @dataclass(frozen=True)
    class Options(RuleOptions):
        window: int = option(20, "how many lines away a furniture line may be", minimum=1)

    opts: Options

The field's annotation is the option's type; the few types an option may have are those YAML and TOML
write plainly (``bool``, ``int``, ``str``, ``tuple[str, ...]`` for a list of strings, ``dict[str,
tuple[str, ...]]`` and any of them ``| None``). ``rules: {S110: {window: lots}}`` is then one
``ConfigError`` naming the file, the line, the rule and the type, where it used to be a traceback from
inside the rule; ``explain`` and ``docs/rules.md`` show each option's type, default and sentence.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from lint.config import ConfigContext
    from lint.rule import Rule


@dataclass(frozen=True)
class RuleOptions:
    """A rule's options: none (the base every rule's ``Options`` extends)."""


OptionsT = TypeVar("OptionsT", bound=RuleOptions)


class OptionError(ValueError):
    """An option the rule does not have, or a value of the wrong type or out of range. ``option`` is
    the config key (``None``: the options as a whole are not a mapping)."""

    def __init__(self, option: str | None, message: str) -> None:
        super().__init__(message)
        self.option = option
        self.message = message


def option(default: Any, doc: str, *, minimum: int | None = None, maximum: int | None = None,
           keys: tuple[str, ...] = ()) -> Any:
    """An option's field: its default, the sentence the docs show, a range for a number, and the keys a
    mapping may have (none: any). A list or mapping default is copied for each instance."""
    meta = {"doc": doc, "minimum": minimum, "maximum": maximum, "keys": keys}
    if isinstance(default, (list, dict)):
        return dataclasses.field(default_factory=lambda: type(default)(default), metadata=meta)
    return dataclasses.field(default=default, metadata=meta)


@dataclass(frozen=True)
class OptionSpec:
    """One option as a user sees it: config key, type, default, what it does."""

    key: str
    attr: str
    kind: Any  # the resolved annotation
    default: Any
    doc: str
    minimum: int | None
    maximum: int | None
    keys: tuple[str, ...]

    @property
    def type_name(self) -> str:
        """The type in the words of YAML and JSON Schema, with its range: `integer ≥ 1 or null`."""
        origin, args = _parts(self.kind)
        nullable = origin is typing.Union and type(None) in args
        name = _type_name(next(a for a in args if a is not type(None)) if nullable else self.kind)
        if self.minimum is not None and self.maximum is not None:
            name += f" from {self.minimum} to {self.maximum}"
        elif self.minimum is not None:
            name += f" ≥ {self.minimum}"
        if self.keys:
            name += f" with the keys {', '.join(self.keys)}"
        return name + (" or null" if nullable else "")

    def json_schema(self) -> dict[str, Any]:
        """The option as JSON Schema (what a YAML editor checks the config's value against)."""
        schema = _schema(self.kind, self.keys)
        for bound, value in (("minimum", self.minimum), ("maximum", self.maximum)):
            if value is not None:
                target = schema["anyOf"][0] if "anyOf" in schema else schema
                target[bound] = value
        return {**schema, "default": _json_value(self.default), "description": self.doc}

    @property
    def shown_default(self) -> str:
        """The default as a user writes it in YAML."""
        return _yaml_value(self.default)

    def checked(self, value: Any) -> Any:
        """``value`` as the rule takes it (a list as a tuple, one string as a list of one), or
        OptionError saying what type the option has."""
        if isinstance(value, dict) and self.keys:
            unknown = [k for k in value if k not in self.keys]
            if unknown:
                raise OptionError(self.key, f"'{self.key}' has no key {_shown_key(unknown[0])} "
                                            f"(its keys: {', '.join(self.keys)})")
        try:
            out = _checked(self.kind, value)
        except _Mismatch:
            raise OptionError(self.key, f"'{self.key}' must be {_article(self.type_name)}, "
                                        f"not {_shown_value(value)}") from None
        if isinstance(out, int) and not isinstance(out, bool) and (
                (self.minimum is not None and out < self.minimum)
                or (self.maximum is not None and out > self.maximum)):
            raise OptionError(self.key, f"'{self.key}' must be {_article(self.type_name)}, not {out}")
        return out


def specs(options: type[RuleOptions]) -> tuple[OptionSpec, ...]:
    """The options a rule's ``Options`` class declares, in the order it declares them."""
    return _specs(typing.cast(Any, options))  # a class is hashable; mypy reads the dataclass's __hash__


@cache
def _specs(options: Any) -> tuple[OptionSpec, ...]:
    hints = typing.get_type_hints(options)
    out = []
    for f in dataclasses.fields(options):
        default = f.default_factory() if f.default_factory is not dataclasses.MISSING else f.default
        try:
            _schema(hints[f.name])
        except (KeyError, ValueError):
            raise TypeError(f"{options.__qualname__}.{f.name}: an option is a bool, int, str, tuple[str, ...] "
                            f"or dict[str, ...] (or one of them | None), not {hints[f.name]}") from None
        out.append(OptionSpec(f.name.replace("_", "-"), f.name, hints[f.name], default, f.metadata.get("doc", ""),
                              f.metadata.get("minimum"), f.metadata.get("maximum"), f.metadata.get("keys", ())))
    return tuple(out)


def options_of(options: type[OptionsT], given: Mapping[str, Any] | None) -> OptionsT:
    """The rule's options with ``given`` (config keys to values) over the defaults, each value checked."""
    if not given:
        return options()
    if not isinstance(given, Mapping):
        raise OptionError(None, "the options must be a mapping of option names to values")
    by_key = {s.key: s for s in specs(options)}
    values = {}
    for key, value in given.items():
        spec = by_key.get(key)
        if spec is None:
            import difflib

            listed = ", ".join(by_key) or "none"
            near = difflib.get_close_matches(str(key), list(by_key), n=1, cutoff=0.5)
            tip = f" (did you mean '{near[0]}'?)" if near else ""
            raise OptionError(str(key), f"no option {_shown_key(key)}{tip} (its options: {listed})")
        values[spec.attr] = spec.checked(value)
    return options(**values)


def rule_options(value: Any, ctx: ConfigContext, key: tuple[Any, ...]) -> dict[str, dict[str, Any]]:
    """The config's `rules:` section, `{S110: {window: 30}}`: each rule by code or slug, each option
    checked against the rule's ``Options``; the result is keyed by code, with the values as written."""
    from lint import registry

    if not isinstance(value, dict):
        raise ctx.error(key, "'rules' must map rule codes to their options")
    out: dict[str, dict[str, Any]] = {}
    for code, given in value.items():
        rule = registry.rule_by_name(str(code))
        if rule is None:
            hint = registry.closest_name(str(code))
            tip = f" (did you mean '{hint}'?)" if hint else ""
            raise ctx.error(key + (code,), f"unknown rule code or slug {_shown_key(code)}{tip}")
        if not isinstance(given, dict):
            raise ctx.error(key + (code,), f"the options of rule {rule.code} ({rule.slug}) must be a mapping")
        try:
            options_of(rule.Options, given)
        except OptionError as exc:
            where = key + (code,) + ((exc.option,) if exc.option is not None else ())
            raise ctx.error(where, f"rule {rule.code} ({rule.slug}): {exc.message}") from None
        out[rule.code] = {str(k): v for k, v in given.items()}
    return out


def described(rule: type[Rule]) -> list[str]:
    """One Markdown list item per option: key, type, default, what it does."""
    return [f"- `{s.key}` ({s.type_name}, default `{s.shown_default}`)" + (f": {s.doc}" if s.doc else "")
            for s in specs(rule.Options)]


def config_schema(schema: dict[str, Any], rules: Sequence[type[Rule]]) -> dict[str, Any]:
    """The config schema (lint/data/config.schema.json) with its `rules` part made from the rules'
    ``Options``: each rule with options by code and by slug, its options with their types, ranges and
    defaults, nothing else; a rule without options takes an empty mapping."""
    by_name: dict[str, Any] = {}
    for rule in rules:
        found = specs(rule.Options)
        if found:
            entry = {"type": "object", "additionalProperties": False,
                     "properties": {s.key: s.json_schema() for s in found}}
            by_name[rule.code] = entry
            by_name[rule.slug] = {"$ref": f"#/properties/rules/properties/{rule.code}"}
    properties = dict(schema["properties"])
    properties["rules"] = {
        "type": "object",
        "description": "Options of rules, by code or slug: {S110: {window: 30}}. `copylint explain CODE` "
                       "and docs/rules.md list each rule's options with their types and defaults.",
        "properties": by_name,
        "additionalProperties": {"type": "object", "maxProperties": 0},
    }
    return {**schema, "properties": properties}


def packaged_config_schema() -> dict[str, Any]:
    """lint/data/config.schema.json as it stands, the base the generators remake their parts of. A
    ValueError names the file where it is not JSON: a shell redirect into the file empties it before
    the generator reads it."""
    import json
    from pathlib import Path

    path = Path(__file__).parent / "data" / "config.schema.json"
    text = path.read_text(encoding="utf-8")
    try:
        schema: dict[str, Any] = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ValueError(f"{path}:{exc.lineno}: not JSON ({'empty' if not text.strip() else exc.msg}); restore it "
                         f"(git checkout) and write the generated schema through another file, then move it") from None
    return schema


def print_config_schema(rules: Sequence[type[Rule]]) -> None:
    """`copylint rules --format schema`: lint/data/config.schema.json with its `rules` part made anew."""
    import json

    print(json.dumps(config_schema(packaged_config_schema(), rules), indent=2))


# -- types ------------------------------------------------------------------------------


class _Mismatch(Exception):
    pass


def _parts(kind: Any) -> tuple[Any, tuple[Any, ...]]:
    """An annotation's origin and arguments (``X | None`` is a Union of X and NoneType)."""
    origin = typing.get_origin(kind)
    if origin is types.UnionType:
        origin = typing.Union
    return origin, typing.get_args(kind)


def _checked(kind: Any, value: Any) -> Any:
    origin, args = _parts(kind)
    if origin is typing.Union:
        if value is None and type(None) in args:
            return None
        (inner,) = [a for a in args if a is not type(None)]
        return _checked(inner, value)
    if kind is bool:
        if isinstance(value, bool):
            return value
    elif kind is int:
        if isinstance(value, int) and not isinstance(value, bool):
            return value
    elif kind is str:
        if isinstance(value, str):
            return value
    elif origin is tuple:
        items = [value] if isinstance(value, str) else value
        if isinstance(items, (list, tuple)):
            return tuple(_checked(args[0], item) for item in items)
    elif origin is dict:
        if isinstance(value, dict) and all(isinstance(k, str) for k in value):
            return {k: _checked(args[1], v) for k, v in value.items()}
    raise _Mismatch


def _schema(kind: Any, keys: tuple[str, ...] = ()) -> dict[str, Any]:
    origin, args = _parts(kind)
    if origin is typing.Union:
        inner = next(a for a in args if a is not type(None))
        return {"anyOf": [_schema(inner, keys), {"type": "null"}]}
    if origin is tuple:  # one string stands for a list of one
        return {"type": ["array", "string"], "items": _schema(args[0])}
    if origin is dict:
        out: dict[str, Any] = {"type": "object", "additionalProperties": _schema(args[1])}
        if keys:
            out["propertyNames"] = {"enum": list(keys)}
        return out
    names: dict[Any, str] = {bool: "boolean", int: "integer", str: "string"}
    return {"type": names[kind]}


def _json_value(value: Any) -> Any:
    if isinstance(value, tuple):
        return [_json_value(v) for v in value]
    if isinstance(value, dict):
        return {k: _json_value(v) for k, v in value.items()}
    return value


def _type_name(kind: Any) -> str:
    origin, args = _parts(kind)
    if origin is typing.Union:
        inner = [a for a in args if a is not type(None)]
        return f"{_type_name(inner[0])} or null"
    if origin is tuple:
        return f"list of {_type_name(args[0])}s"
    if origin is dict:
        values = _type_name(args[1])
        return f"mapping of {_type_name(args[0])}s to {values.replace('list ', 'lists ', 1)}"
    names: dict[Any, str] = {bool: "boolean", int: "integer", str: "string"}
    return names.get(kind, getattr(kind, "__name__", str(kind)))


def _article(name: str) -> str:
    if name.startswith("boolean"):
        return name.replace("boolean", "true or false", 1)
    return ("an " if name[0] in "aeiou" else "a ") + name


def _yaml_value(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (tuple, list)):
        return "[" + ", ".join(_yaml_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {_yaml_value(v)}" for k, v in value.items()) + "}"
    return str(value)


def _shown_value(value: Any) -> str:
    """A value for a message: short ones as YAML writes them, else only their type."""
    shown = _yaml_value(value) if isinstance(value, (bool, int, float, str, type(None))) else ""
    if isinstance(value, str):
        shown = f"'{value}'"
    if shown and len(shown) <= 40 and shown.isprintable():
        return shown
    kinds: dict[Any, str] = {list: "a list", dict: "a mapping", str: "a long string"}
    return kinds.get(type(value), type(value).__name__)


def _shown_key(key: Any) -> str:
    from lint.config import shown_key

    return shown_key(key)

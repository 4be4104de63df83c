"""Rule packs: YAML files of declarative rules, found by path, by built-in name, or by entry point.

A pack file::

    # yaml-language-server: $schema=<copylint>/lint/data/custom-rules.schema.json
    name: newsroom
    prefix: X.newsroom          # codes without it get it: kyiv -> X.newsroom.kyiv
    description: The Newsroom's style guide
    rules:
      - code: kyiv
        kind: substitution
        swap: {Kiev: Kyiv}

Built-in packs live in ``rules/packs/<name>.yaml`` (installed as ``lint.rules``).
An installed package publishes a pack with an entry point in the group
``copylint.packs`` whose object is the path of its YAML file (a ``str``, a
``pathlib.Path`` or an ``importlib.resources`` file), or a function returning one.
"""

from __future__ import annotations

import importlib.metadata
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lint.config import ConfigError, load_yaml, read_config_text, shown_key
from lint.custom.build import USER_CODE, build_rule
from lint.custom.kinds import UserRule
from lint.custom.spec import Where, did_you_mean

ENTRY_POINT_GROUP = "copylint.packs"
PACK_FIELDS = ("name", "prefix", "description", "rules", "$schema")


@dataclass
class Pack:
    name: str
    path: str  # where its YAML was read from (shown in errors)
    description: str
    rules: list[type[UserRule]]


def builtin_dir() -> Path:
    import lint.rules

    return Path(next(iter(lint.rules.__path__))) / "packs"


def builtin_packs() -> dict[str, Path]:
    folder = builtin_dir()
    if not folder.is_dir():
        return {}
    return {p.stem: p for p in sorted(folder.glob("*.yaml"))}


def entry_point_packs() -> dict[str, importlib.metadata.EntryPoint]:
    return {ep.name: ep for ep in importlib.metadata.entry_points(group=ENTRY_POINT_GROUP)}


def read_pack(text: str, path: str, *, note: str = "", builtin: bool = False, default_name: str | None = None,
              check_examples: bool | None = None) -> Pack:
    """Build every rule of a pack file; the first problem is a ConfigError naming the file, rule and line."""
    data, lines = load_yaml(text, path)
    top = Where(path, lines, (), note)
    if not isinstance(data, dict):
        raise top.error((), "a rule pack is a mapping with 'rules' (a list of rules) and optionally 'name', "
                            "'prefix', 'description'")
    for key in data:
        if key not in PACK_FIELDS:
            raise top.error((key,), f"unknown pack field {shown_key(key)}{did_you_mean(str(key), list(PACK_FIELDS))}")
    name = data.get("name", default_name or Path(path).stem)
    if not isinstance(name, str) or not name.strip():
        raise top.error(("name",), "'name' must be a non-empty string")
    prefix = data.get("prefix")
    if prefix is not None and (not isinstance(prefix, str) or not USER_CODE.match(prefix)):
        raise top.error(("prefix",), f"prefix {prefix!r} must be a dotted code starting with 'X.' (X.newsroom)")
    description = data.get("description") or ""
    if not isinstance(description, str):
        raise top.error(("description",), "'description' must be a string")
    raw_rules = data.get("rules")
    if raw_rules is None:
        raise top.error((), "missing field 'rules' (the pack's list of rules)")
    if not isinstance(raw_rules, list):
        raise top.error(("rules",), "'rules' must be a list of rules")
    where = Where(path, lines, ("rules",), note)
    rules: list[type[UserRule]] = []
    seen: dict[str, int] = {}
    for i, raw in enumerate(raw_rules):
        cls = build_rule(raw, where, i, prefix=prefix, pack=name, builtin=builtin, check_examples=check_examples)
        if cls.code in seen:
            raise where.error((i, "code"), f"rule {cls.code}: code already used by rule #{seen[cls.code] + 1} of this pack")
        seen[cls.code] = i
        rules.append(cls)
    return Pack(name, path, description, rules)


def load_file(path: Path, *, note: str = "", builtin: bool = False,
              check_examples: bool | None = None) -> Pack:
    text = read_config_text(path, "rule pack")
    return read_pack(text, str(path), note=note, builtin=builtin, default_name=path.stem,
                     check_examples=check_examples)


def load_builtin(name: str, *, check_examples: bool | None = None) -> Pack:
    """A pack shipped in rules/packs/ (its codes may also be built-in style, e.g. S123)."""
    path = builtin_packs().get(name)
    if path is None:
        raise KeyError(name)
    return load_file(path, builtin=True, check_examples=check_examples)


def load_entry_point(ep: importlib.metadata.EntryPoint, *, note: str = "",
                     check_examples: bool | None = None) -> Pack:
    """The pack an installed package publishes: its object is a path (or a function returning one)."""
    label = f"entry point '{ep.name}' ({ep.value})"
    try:
        target: Any = ep.load()
    except Exception as exc:  # a broken third-party package must not crash the run
        raise ConfigError(None, f"cannot load rule pack {label}: {type(exc).__name__}: {exc}") from None
    if callable(target) and not hasattr(target, "read_text"):
        try:
            target = target()
        except Exception as exc:
            raise ConfigError(None, f"rule pack {label} failed: {type(exc).__name__}: {exc}") from None
    if hasattr(target, "read_text"):
        shown = str(target)
        try:
            text = target.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise ConfigError(shown, f"cannot read rule pack of {label}: {exc}") from None
    elif isinstance(target, (str, os.PathLike)):
        path = Path(target)
        shown = str(path)
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise ConfigError(shown, f"cannot read rule pack of {label}: {exc}") from None
    else:
        raise ConfigError(None, f"rule pack {label} must point to a YAML file path, not {type(target).__name__}")
    return read_pack(text, shown, note=note, default_name=ep.name, check_examples=check_examples)


def is_path(spec: str) -> bool:
    return "/" in spec or "\\" in spec or spec.endswith((".yaml", ".yml")) or spec.startswith(".")


def available() -> list[str]:
    return sorted(set(builtin_packs()) | set(entry_point_packs()))


def resolve(spec: str, root: Path, *, note: str = "", check_examples: bool | None = None) -> Pack:
    """A pack by path (relative to ``root``), built-in name, or installed entry-point name.

    Raises LookupError when a name is neither (the caller reports it at the config's line).
    """
    if is_path(spec):
        path = Path(spec).expanduser()
        if not path.is_absolute():
            path = root / path
        if not path.is_file():
            raise LookupError(f"rule pack file '{spec}' not found (looked for {path})")
        return load_file(path, note=note, check_examples=check_examples)
    builtin = builtin_packs()
    if spec in builtin:
        return load_file(builtin[spec], note=note, builtin=True, check_examples=check_examples)
    installed = entry_point_packs()
    if spec in installed:
        return load_entry_point(installed[spec], note=note, check_examples=check_examples)
    names = available()
    hint = did_you_mean(spec, names)
    known = f" (available: {', '.join(names)})" if names else ""
    raise LookupError(f"no rule pack named '{spec}'{hint}: not a file, a built-in pack or an installed one{known}")

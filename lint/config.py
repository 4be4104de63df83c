"""The configuration: ``.copylint.yaml`` or ``[tool.copylint]`` in ``pyproject.toml``, found from each
file's folder upward, or ``--config``. In one folder, ``.copylint.yaml`` (or ``.yml``) wins over
``pyproject.toml``, as ruff's own file wins over ``pyproject.toml``. ``extend:`` names a base config
(relative to the file); each key the file sets replaces the base's value of that key.

Parsed with PyYAML's SafeLoader only (``lint.yaml_lines.LineLoader``, a SafeLoader that also
remembers the line of every mapping key, so an error can name it; imported only when there is a
file to read: PyYAML's import is a tenth of a small run's start-up). Every key is documented in README.md and described by the JSON Schema
shipped in ``lint/data/config.schema.json``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lint.model import Severity
from lint.patterns import compiled_on_use

CONFIG_NAMES = (".copylint.yaml", ".copylint.yml")
PYPROJECT = "pyproject.toml"
CONFIG_FILE_NAMES = (*CONFIG_NAMES, PYPROJECT)  # every name a config can have, in the order they win

DEFAULT_EXCLUDE = (
    ".git",
    ".hg",
    ".svn",
    ".venv",
    "venv",
    ".tox",
    ".nox",
    "node_modules",
    "__pycache__",
    "_build",
    "build",
    "dist",
    "site-packages",
)


class ConfigError(Exception):
    def __init__(self, path: str | None, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.path = path
        self.line = line
        self.message = message

    def __str__(self) -> str:
        where = self.path or "<config>"
        if self.line:
            where += f":{self.line}"
        return f"{where}: {self.message}"


# Sections validated by the modules that own them: key -> "module:function"; the
# function takes (value, ConfigContext) and returns the validated value or raises
# ConfigError. Imported only when the key is present.
SECTION_VALIDATORS: dict[str, str] = {
    "languagetool": "lint.languagetool.config:validate",
    "custom-rules": "lint.custom.config:validate_rules",
    "packs": "lint.custom.config:validate_packs",
}

# The keys of the file and what each holds (for the error "did you mean").
KNOWN_KEYS = (
    "select",
    "extend-select",
    "ignore",
    "severity",
    "per-file-ignores",
    "exclude",
    "extend-exclude",
    "language",
    "languages",
    "rules",
    "formats",
    "format-options",
    "words",
    "max-file-size",
    "max-line-length",
    "file-timeout",
    "cache-dir",
    "fail-level",
    "fixable",
    "unfixable",
    *SECTION_VALIDATORS,
)

# Input bounds (config `max-file-size`, `max-line-length`): a file past them is one error line, not
# minutes of work and gigabytes of memory (10 MB of prose takes about 15 s; the hostile run's 50 MB of
# quotes and 200 MB single line took over 5 minutes and 6 to 12 GB).
MAX_FILE_SIZE = 10 * 1024 * 1024  # bytes
MAX_LINE_LENGTH = 1_000_000  # characters: a minified i18n JSON catalogue is one long line
# Seconds one file may take to read, check and fix (config `file-timeout`, `check --file-timeout`; 0: no
# limit): past it the file is stopped, one error line (lint.guard.Deadline), so that a pattern that
# backtracks on some input costs that file, not a run that never ends. Far above what a real file takes:
# the largest file the bounds let in (10 MB of prose) takes about 15 s, the PEPs as one 13.9 MB text ~3 s.
FILE_TIMEOUT = 120.0


MAX_CONFIG_BYTES = 1 << 20  # a config or rule pack larger than 1 MiB is no config
MAX_YAML_NODES = 100_000  # values in a config or pack with every alias expanded


def read_config_text(path: str | Path, what: str = "config") -> str:
    """A config or pack file's text: a regular file of at most ``MAX_CONFIG_BYTES``, UTF-8. A FIFO or a
    device (``/dev/zero``) is refused, not read; a message never quotes the file."""
    from lint.source import _read_regular, _reason

    try:
        data = _read_regular(Path(path), MAX_CONFIG_BYTES)
    except OSError as exc:
        raise ConfigError(str(path), f"cannot read {what}: {_reason(exc)}") from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ConfigError(str(path), f"cannot read {what}: not UTF-8 (byte {exc.start})") from None


_PLAIN_KEY = compiled_on_use(r"[\w.-]{1,40}\Z")


def shown_key(key: Any) -> str:
    """A key for a message: quoted when it looks like a name, else not at all (the key of a file that
    is no config, `/etc/shadow` named as a pack, is that file's content)."""
    return f"'{key}'" if isinstance(key, str) and _PLAIN_KEY.match(key) else "(not a name)"


@dataclass
class ConfigContext:
    """What a section validator needs to report an error at the right line."""

    path: str | None
    lines: Mapping[tuple[Any, ...], int]
    root: Path

    def error(self, key_path: tuple[Any, ...], message: str) -> ConfigError:
        line = None
        for n in range(len(key_path), 0, -1):
            line = self.lines.get(key_path[:n])
            if line:
                break
        return ConfigError(self.path, message, line)


@dataclass
class Config:
    """The settings a file gets: from its config file (and what that extends), or the defaults."""

    path: str | None = None  # the file it came from; None for defaults / --isolated
    root: Path = field(default_factory=Path.cwd)  # globs are relative to this folder
    select: list[str] | None = None
    extend_select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    severity: dict[str, Severity] = field(default_factory=dict)
    per_file_ignores: dict[str, list[str]] = field(default_factory=dict)
    exclude: list[str] = field(default_factory=lambda: list(DEFAULT_EXCLUDE))
    extend_exclude: list[str] = field(default_factory=list)
    # The prose's language; None: each file's own (see lint.language.resolve), else detected, else en.
    language: str | None = None
    languages: dict[str, str] = field(default_factory=dict)  # glob -> language tag, per path
    rule_options: dict[str, dict[str, Any]] = field(default_factory=dict)
    formats: dict[str, str] = field(default_factory=dict)
    format_options: dict[str, dict[str, Any]] = field(default_factory=dict)  # format -> its parser's options
    words: list[str] = field(default_factory=list)
    fixable: list[str] | None = None  # rules whose fixes are offered and applied (None: all)
    unfixable: list[str] = field(default_factory=list)  # rules reported without their fix
    extends: list[str] = field(default_factory=list)  # the base configs `extend` brought in, nearest first
    fail_level: Severity | None = None  # findings below it do not fail the run (None: every finding fails)
    sections: dict[str, Any] = field(default_factory=dict)  # languagetool, custom-rules, packs
    max_file_size: int = MAX_FILE_SIZE
    max_line_length: int = MAX_LINE_LENGTH
    file_timeout: float = FILE_TIMEOUT  # seconds (0: none)
    cache_dir: str | None = None  # the results cache's folder, relative to ``root`` (COPYLINT_CACHE_DIR wins)

    @property
    def excludes(self) -> list[str]:
        return self.exclude + self.extend_exclude


def closest(name: str, choices: Iterable[str]) -> str:
    import difflib  # here: only this path needs it, not every run's start-up

    match = difflib.get_close_matches(name, list(choices), n=1, cutoff=0.5)
    return f" (did you mean '{match[0]}'?)" if match else ""


def _string_list(value: Any, ctx: ConfigContext, key: tuple[Any, ...]) -> list[str]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ctx.error(key, f"'{key[-1]}' must be a list of strings")
    return list(value)


def _check_selectors(names: Iterable[str], ctx: ConfigContext, key: tuple[Any, ...]) -> None:
    from lint import registry

    for i, name in enumerate(names):
        if not registry.is_selector(name):
            hint = registry.closest_name(name)
            tip = f" (did you mean '{hint}'?)" if hint else ""
            raise ctx.error(key + (i,), f"unknown rule code or slug '{name}'{tip}")


def _format_options(value: Any, ctx: ConfigContext, key: tuple[Any, ...]) -> dict[str, dict[str, Any]]:
    """`format-options: {po: {fuzzy: true}}`: each format's options as its parser declares them
    (``OPTIONS`` in its module, with their defaults, whose types the values must have)."""
    from lint import formats

    if not isinstance(value, dict):
        raise ctx.error(key, "'format-options' must map format names to their options")
    out: dict[str, dict[str, Any]] = {}
    for fmt, options in value.items():
        if fmt not in formats.FORMATS:
            raise ctx.error(key + (fmt,), f"unknown format '{fmt}'{closest(str(fmt), formats.FORMATS)}")
        known = formats.options_of(fmt)
        if not isinstance(options, dict):
            raise ctx.error(key + (fmt,), f"the options of '{fmt}' must be a mapping")
        checked: dict[str, Any] = {}
        for name, option in options.items():
            where = key + (fmt, name)
            if name not in known:
                listed = ", ".join(sorted(known)) or "none"
                raise ctx.error(where, f"unknown option '{name}' for format '{fmt}'{closest(str(name), known)}"
                                       f" (its options: {listed})")
            default = known[name]
            if isinstance(default, bool) and not isinstance(option, bool):
                raise ctx.error(where, f"'{name}' must be true or false")
            if isinstance(default, list):
                option = _string_list(option, ctx, where)  # one string stands for a list of one
            choices = formats.choices_of(fmt).get(name)
            if choices and any(o not in choices for o in (option if isinstance(option, list) else [option])):
                what = "hold only" if isinstance(option, list) else "be one of"
                raise ctx.error(where, f"'{name}' must {what} {', '.join(choices)}")
            checked[str(name)] = option
        out[str(fmt)] = {**known, **checked}
    return out


def _load_section(key: str, value: Any, ctx: ConfigContext) -> Any:
    import importlib

    module_name, func_name = SECTION_VALIDATORS[key].split(":")
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError:
        raise ctx.error((key,), f"'{key}' is not supported by this copylint build") from None
    validator: Callable[[Any, ConfigContext], Any] = getattr(module, func_name)
    return validator(value, ctx)


def load_yaml(text: str, path: str | None) -> tuple[Any, dict[tuple[Any, ...], int]]:
    """A config's or rule pack's YAML and the line of each key (``LineLoader``); bad YAML is a
    ConfigError naming the file and line."""
    import yaml

    from lint.yaml_lines import LineLoader

    try:
        loader = LineLoader(text)
        try:
            return loader.get_single_data(), loader.lines
        finally:
            loader.dispose()
    except RecursionError:
        raise ConfigError(path, "invalid YAML: nested too deeply") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or str(exc)
        raise ConfigError(path, f"invalid YAML: {problem}", mark.line + 1 if mark else None) from None


def parse_config(text: str, path: str | None, root: Path, _chain: tuple[Path, ...] = ()) -> Config:
    data, lines = load_yaml(text, path)
    if data is None:
        return Config(path=path, root=root)
    if not isinstance(data, dict):
        raise ConfigError(path, "the configuration must be a mapping of keys to values", 1)
    return _config_of(data, ConfigContext(path, lines, root), _chain)


def _config_of(data: dict[str, Any], ctx: ConfigContext, chain: tuple[Path, ...]) -> Config:
    """The config ``data`` describes, on top of the base config its ``extend`` names (if any)."""
    config = Config(path=ctx.path, root=ctx.root)
    if "extend" in data:
        data = dict(data)
        base = _base_config(data.pop("extend"), ctx, chain)
        config = _inherit(base, data, ctx)
    return _apply(config, data, ctx)


_FIELD_OF_KEY = {"rules": "rule_options"}  # config keys whose field is not the key with _ for -


def _inherit(base: Config, data: dict[str, Any], ctx: ConfigContext) -> Config:
    """``base`` with this file's path and folder, and the keys this file sets back at their defaults
    (each key the file sets replaces the base's value, as ruff's ``extend`` does)."""
    import copy

    config = copy.deepcopy(base)
    config.path, config.root = ctx.path, ctx.root
    config.extends = [str(base.path), *base.extends]
    fresh = Config(path=ctx.path, root=ctx.root)
    for key in data:
        if key in SECTION_VALIDATORS:
            config.sections.pop(key, None)
            continue
        name = _FIELD_OF_KEY.get(str(key), str(key).replace("-", "_"))
        if hasattr(fresh, name):
            setattr(config, name, getattr(fresh, name))
    return config


def _base_config(value: Any, ctx: ConfigContext, chain: tuple[Path, ...]) -> Config:
    if not isinstance(value, str) or not value:
        raise ctx.error(("extend",), "'extend' must be the path of a base config file")
    here = Path(ctx.path).resolve() if ctx.path else None
    base = (ctx.root / Path(value).expanduser()).resolve()
    seen = (*chain, *([here] if here else []))
    if base in seen:
        names = " -> ".join(str(p) for p in (*seen, base))
        raise ctx.error(("extend",), f"'extend' makes a cycle: {names}")
    if not base.is_file():
        raise ctx.error(("extend",), f"'extend': no config file at {base}")
    return load_config(base, seen)


def _apply(config: Config, data: dict[str, Any], ctx: ConfigContext) -> Config:
    # Sections first: user rule packs register codes that select/ignore may name.
    for key in SECTION_VALIDATORS:
        if key in data:
            config.sections[key] = _load_section(key, data[key], ctx)
    for key, value in data.items():
        if key not in KNOWN_KEYS:
            raise ctx.error((key,), f"unknown key {shown_key(key)}{closest(str(key), KNOWN_KEYS)}")
        read = KEY_READERS.get(key)
        if read is not None:
            read(config, value, ctx, (key,))
    return config


# How each key of the file is checked and set on the Config: (config, value, context, key path).
KeyReader = Callable[[Config, Any, ConfigContext, tuple[Any, ...]], None]


def _selectors_into(name: str) -> KeyReader:
    """A reader for a list of rule codes, slugs or prefixes, stored in the field ``name``."""

    def read(config: Config, value: Any, ctx: ConfigContext, k: tuple[Any, ...]) -> None:
        names = _string_list(value, ctx, k)
        setattr(config, name, names)
        _check_selectors(names, ctx, k)

    return read


def _strings_into(name: str) -> KeyReader:
    """A reader for a list of strings (one string stands for a list of one), stored in ``name``."""

    def read(config: Config, value: Any, ctx: ConfigContext, k: tuple[Any, ...]) -> None:
        setattr(config, name, _string_list(value, ctx, k))

    return read


def _positive_int_into(name: str) -> KeyReader:
    def read(config: Config, value: Any, ctx: ConfigContext, k: tuple[Any, ...]) -> None:
        if type(value) is not int or value < 1:
            raise ctx.error(k, f"'{k[0]}' must be a positive whole number")
        setattr(config, name, value)

    return read


def _read_severity(config: Config, value: Any, ctx: ConfigContext, k: tuple[Any, ...]) -> None:
    if not isinstance(value, dict):
        raise ctx.error(k, "'severity' must map rule codes to error, warning or info")
    for code, level in value.items():
        _check_selectors([code], ctx, (*k, code))
        try:
            config.severity[code] = Severity(level)
        except ValueError:
            raise ctx.error(
                (*k, code), f"severity of '{code}' must be error, warning or info, not '{level}'"
            ) from None


def _read_per_file_ignores(config: Config, value: Any, ctx: ConfigContext, k: tuple[Any, ...]) -> None:
    if not isinstance(value, dict):
        raise ctx.error(k, "'per-file-ignores' must map globs to lists of codes")
    for glob, codes in value.items():
        codes = _string_list(codes, ctx, (*k, glob))
        _check_selectors(codes, ctx, (*k, glob))
        config.per_file_ignores[str(glob)] = codes


def _read_cache_dir(config: Config, value: Any, ctx: ConfigContext, k: tuple[Any, ...]) -> None:
    if not isinstance(value, str) or not value:
        raise ctx.error(k, "'cache-dir' must be a folder path")
    config.cache_dir = str(ctx.root / Path(value).expanduser())


def _read_language(config: Config, value: Any, ctx: ConfigContext, k: tuple[Any, ...]) -> None:
    if not isinstance(value, str) or not value:
        raise ctx.error(k, "'language' must be a language tag such as en or en-US")
    config.language = value


def _read_languages(config: Config, value: Any, ctx: ConfigContext, k: tuple[Any, ...]) -> None:
    from lint.language import is_tag

    if not isinstance(value, dict):
        raise ctx.error(k, "'languages' must map globs to language tags, e.g. {\"docs/fr/**\": fr}")
    for glob, tag in value.items():
        if not isinstance(tag, str) or not is_tag(tag):
            raise ctx.error((*k, glob), f"'{tag}' is not a language tag such as fr or pt-BR")
        config.languages[str(glob)] = tag


def _read_file_timeout(config: Config, value: Any, ctx: ConfigContext, k: tuple[Any, ...]) -> None:
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value < float("inf"):
        raise ctx.error(k, "'file-timeout' must be a number of seconds, 0 or more (0: no limit)")
    config.file_timeout = float(value)


def _read_fail_level(config: Config, value: Any, ctx: ConfigContext, k: tuple[Any, ...]) -> None:
    try:
        config.fail_level = Severity(value)
    except ValueError:
        raise ctx.error(k, f"'fail-level' must be error, warning or info, not '{value}'") from None


def _read_formats(config: Config, value: Any, ctx: ConfigContext, k: tuple[Any, ...]) -> None:
    from lint import formats

    if not isinstance(value, dict):
        raise ctx.error(k, "'formats' must map globs to format names")
    for glob, fmt in value.items():
        if fmt not in formats.FORMATS:
            raise ctx.error((*k, glob), f"unknown format '{fmt}'{closest(str(fmt), formats.FORMATS)}")
        config.formats[str(glob)] = fmt


def _read_format_options(config: Config, value: Any, ctx: ConfigContext, k: tuple[Any, ...]) -> None:
    config.format_options = _format_options(value, ctx, k)


def _read_rules(config: Config, value: Any, ctx: ConfigContext, k: tuple[Any, ...]) -> None:
    from lint.options import rule_options

    config.rule_options = rule_options(value, ctx, k)


# The keys of KNOWN_KEYS that are not sections (SECTION_VALIDATORS, loaded first by _apply).
KEY_READERS: dict[str, KeyReader] = {
    "select": _selectors_into("select"),
    "extend-select": _selectors_into("extend_select"),
    "ignore": _selectors_into("ignore"),
    "severity": _read_severity,
    "per-file-ignores": _read_per_file_ignores,
    "exclude": _strings_into("exclude"),
    "extend-exclude": _strings_into("extend_exclude"),
    "language": _read_language,
    "languages": _read_languages,
    "rules": _read_rules,
    "formats": _read_formats,
    "format-options": _read_format_options,
    "words": _strings_into("words"),
    "max-file-size": _positive_int_into("max_file_size"),
    "max-line-length": _positive_int_into("max_line_length"),
    "file-timeout": _read_file_timeout,
    "cache-dir": _read_cache_dir,
    "fail-level": _read_fail_level,
    "fixable": _selectors_into("fixable"),
    "unfixable": _selectors_into("unfixable"),
}


def load_config(path: str | Path, _chain: tuple[Path, ...] = ()) -> Config:
    p = Path(path)
    text = read_config_text(p)
    if p.suffix == ".toml":
        return parse_pyproject(text, str(path), p.resolve().parent, _chain)
    return parse_config(text, str(path), p.resolve().parent, _chain)


def _toml_lines(text: str) -> dict[tuple[Any, ...], int]:
    """The line of each key of ``[tool.copylint]`` (and of its sub-tables' headers), for error messages."""

    lines: dict[tuple[Any, ...], int] = {}
    table: tuple[str, ...] | None = None
    for number, line in enumerate(text.splitlines(), 1):
        header = re.match(r"\s*\[\s*tool\.copylint(?:\.([\w.\"'-]+))?\s*\]", line)
        if header:
            sub = tuple(p.strip("\"'") for p in header.group(1).split(".")) if header.group(1) else ()
            table = sub
            if sub:
                lines.setdefault(sub[:1], number)
                lines.setdefault(sub, number)
            continue
        if re.match(r"\s*\[", line):
            table = None
            continue
        key = re.match(r"\s*(\"[^\"]*\"|'[^']*'|[\w-]+)\s*=", line)
        if key and table is not None:
            lines.setdefault((*table, key.group(1).strip("\"'")), number)
    return lines


def parse_pyproject(text: str, path: str | None, root: Path, _chain: tuple[Path, ...] = ()) -> Config:
    """``[tool.copylint]`` of a ``pyproject.toml``: the keys of ``.copylint.yaml``, in TOML."""
    data = _pyproject_table(text, path)
    if data is None:
        return Config(path=path, root=root)
    return _config_of(data, ConfigContext(path, _toml_lines(text), root), _chain)


def _pyproject_table(text: str, path: str | None) -> dict[str, Any] | None:
    """The ``[tool.copylint]`` table, or None where the file has none."""
    if "copylint" not in text:  # most pyproject.toml files: no need to parse them
        return None
    import tomllib

    try:
        doc = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        import re

        at = re.search(r"\(at line (\d+)", str(exc))
        message = str(exc)[: at.start()].strip() if at else str(exc)
        raise ConfigError(path, f"invalid TOML: {message}", int(at.group(1)) if at else None) from None
    table = doc.get("tool", {}).get("copylint") if isinstance(doc.get("tool"), dict) else None
    if table is None:
        return None
    if not isinstance(table, dict):
        raise ConfigError(path, "[tool.copylint] must be a table of keys to values")
    return table


def safely(test: Callable[[], bool]) -> bool:
    """A file test that is False, not PermissionError, where a folder on the way cannot be searched."""
    try:
        return test()
    except OSError:
        return False


def find_config_file(start: Path) -> Path | None:
    """The nearest config file from ``start`` upward, stopping at a repository root or /: a
    ``.copylint.yaml`` (or ``.yml``), else a ``pyproject.toml`` with a ``[tool.copylint]`` table."""
    folder = start if safely(start.is_dir) else start.parent
    folder = folder.resolve()
    for candidate in (folder, *folder.parents):
        for name in CONFIG_NAMES:
            f = candidate / name
            if safely(f.is_file):
                return f
        pyproject = candidate / PYPROJECT
        if safely(pyproject.is_file) and _has_copylint_table(pyproject):
            return pyproject
        if safely((candidate / ".git").exists):
            return None
    return None


def _has_copylint_table(pyproject: Path) -> bool:
    try:
        text = read_config_text(pyproject)
    except ConfigError:
        return False  # not ours to report: a pyproject.toml we cannot read holds no config we know of
    try:
        return _pyproject_table(text, str(pyproject)) is not None
    except ConfigError:
        return "[tool.copylint" in text  # broken, but meant for us: loading it reports the error


class ConfigResolver:
    """The config for each file: a fixed one (``--config``/``--isolated``) or the nearest file, cached per folder."""

    def __init__(self, fixed: Config | None = None) -> None:
        self.fixed = fixed
        self._by_file: dict[Path, Config] = {}
        self._by_folder: dict[Path, Path | None] = {}
        self.default = Config()

    def for_path(self, path: Path) -> Config:
        if self.fixed is not None:
            return self.fixed
        folder = (path if safely(path.is_dir) else path.parent).resolve()
        if folder not in self._by_folder:
            self._by_folder[folder] = find_config_file(folder)
        found = self._by_folder[folder]
        if found is None:
            return self.default
        if found not in self._by_file:
            self._by_file[found] = load_config(found)
        return self._by_file[found]

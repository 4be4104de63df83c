"""The ``languagetool:`` section of ``.copylint.yaml``.

Its presence is what turns family G on (so do ``--languagetool URL``, ``--require-languagetool`` and
selecting ``G`` explicitly). Keys::

    languagetool:
      url: http://localhost:8081     # a running server; default: the local one (copylint languagetool start)
      language: en-US                # default: from the config's `language` (en → en-US)
      mother-tongue: de              # enables false-friend rules
      level: default                 # or picky (more style and typography rules)
      enabled-rules: [EN_QUOTES]
      disabled-rules: [MORFOLOGIK_RULE_EN_US]
      enabled-categories: [TYPOGRAPHY]
      disabled-categories: [CASING]
      timeout: 30                    # seconds per request; a slower server is reported once and G goes off
      max-text-length: 20000         # characters per request, for a server not started by copylint
      autostart: true                # start the installed local server when none is running
      enabled: true                  # false turns G off for files under this config
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from lint.config import ConfigContext

_LANG_TAG = re.compile(r"^(?:auto|[a-zA-Z]{2,3}(?:-[a-zA-Z0-9]{2,8})*)$")
_RULE_ID = re.compile(r"^[A-Za-z0-9_]+(?:\[\d+\])?$")


@dataclass(frozen=True)
class Settings:
    url: str | None = None
    language: str | None = None
    mother_tongue: str | None = None
    level: str = "default"
    enabled_rules: tuple[str, ...] = ()
    disabled_rules: tuple[str, ...] = ()
    enabled_categories: tuple[str, ...] = ()
    disabled_categories: tuple[str, ...] = ()
    timeout: float = 30.0
    max_text_length: int | None = None
    autostart: bool = True
    enabled: bool = True
    keys: frozenset[str] = field(default_factory=frozenset)  # the keys the user wrote



def _ids(value: Any, ctx: ConfigContext, key: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [v.strip() for v in value.split(",") if v.strip()]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ctx.error(("languagetool", key), f"'languagetool.{key}' must be a list of LanguageTool ids")
    for i, v in enumerate(value):
        if not _RULE_ID.match(v):
            raise ctx.error(("languagetool", key, i),
                            f"'{v}' is not a LanguageTool rule or category id (letters, digits, _)")
    return tuple(value)


def validate(value: Any, ctx: ConfigContext) -> Settings:
    from lint.config import closest

    if value is None:
        value = {}
    if not isinstance(value, dict):
        raise ctx.error(("languagetool",), "'languagetool' must be a mapping of settings (url, language, ...)")
    out: dict[str, Any] = {}
    for key, v in value.items():
        if key not in KEYS:
            raise ctx.error(("languagetool", key), f"unknown key 'languagetool.{key}'{closest(str(key), KEYS)}")
        out[key.replace("-", "_")] = _VALUE_OF[key](v, ctx, key)
    return Settings(**out, keys=frozenset(value))


def _url(v: Any, ctx: ConfigContext, key: str) -> str:
    if not isinstance(v, str) or not re.match(r"^https?://[^\s/]+", v):
        raise ctx.error(("languagetool", key), "'languagetool.url' must be an http(s) URL such as http://localhost:8081")
    return v


def _tag(v: Any, ctx: ConfigContext, key: str) -> str:
    if not isinstance(v, str) or not _LANG_TAG.match(v):
        raise ctx.error(("languagetool", key), f"'languagetool.{key}' must be a language tag such as en-US")
    return v


def _level(v: Any, ctx: ConfigContext, key: str) -> str:
    if v not in ("default", "picky"):
        raise ctx.error(("languagetool", key), f"'languagetool.level' must be default or picky, not '{v}'")
    return str(v)


def _timeout(v: Any, ctx: ConfigContext, key: str) -> float:
    if isinstance(v, bool) or not isinstance(v, (int, float)) or not 0 < v <= 3600:
        raise ctx.error(("languagetool", key), "'languagetool.timeout' must be a number of seconds between 0 and 3600")
    return float(v)


def _max_text_length(v: Any, ctx: ConfigContext, key: str) -> int:
    if isinstance(v, bool) or not isinstance(v, int) or v < 1000:
        raise ctx.error(("languagetool", key),
                        "'languagetool.max-text-length' must be a whole number of characters >= 1000")
    return v


def _flag(v: Any, ctx: ConfigContext, key: str) -> bool:
    if not isinstance(v, bool):
        raise ctx.error(("languagetool", key), f"'languagetool.{key}' must be true or false")
    return v


# Each key of the section -> its value checked (raising ConfigError) and converted for Settings.
_VALUE_OF: dict[str, Callable[[Any, ConfigContext, str], Any]] = {
    "url": _url,
    "language": _tag,
    "mother-tongue": _tag,
    "level": _level,
    "enabled-rules": _ids,
    "disabled-rules": _ids,
    "enabled-categories": _ids,
    "disabled-categories": _ids,
    "timeout": _timeout,
    "max-text-length": _max_text_length,
    "autostart": _flag,
    "enabled": _flag,
}
KEYS = tuple(_VALUE_OF)

"""``rules_for(config, selection)``: the G rule for a config, or nothing when G is off.

G is on when the user asks for it: a ``languagetool:`` section in the config, ``--languagetool URL``,
``--require-languagetool``, or ``G`` / ``G:<rule id>`` in select or extend-select. It is off (silently)
when not asked for, when deselected (``--select`` without G, ``ignore: [G]``), or with
``languagetool: {enabled: false}``.

The server: ``--languagetool URL``, else ``languagetool.url``, else the local server copylint runs
(``copylint languagetool start``), started on demand when installed (``autostart``, default true) on a
port the OS picks. A server started on demand is stopped when the last run that uses it exits (a JVM with
a 1 GB heap must not outlive the commands that use it), whichever run started it (``server.share``,
``server.leave``); one that ``copylint languagetool start`` runs is left alone.
When asked for but no server can be used, ``check`` says so once on stderr and G is off, the exit code
unaffected; with ``--require-languagetool`` it raises ``LanguageToolUnavailable`` (the CLI: exit 2).
"""

from __future__ import annotations

import atexit
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from lint.guard import SettingUp
from lint.languagetool import LanguageToolError, LanguageToolUnavailable
from lint.languagetool.client import Client
from lint.languagetool.config import Settings
from lint.languagetool.rule import LanguageToolRule, Session, _failed, overlap_checkers, say, sentence
from lint.languagetool.store import ResultStore

if TYPE_CHECKING:
    from lint.config import Config
    from lint.engine import Selection
    from lint.rule import Rule

DEFAULT_MAX_TEXT_LENGTH = 20000

# Said once per process.
_said: set[str] = set()
# (url, language) -> server version, or the error it gave: probed once per process.
_probed: dict[tuple[str, str], str | LanguageToolError] = {}
# The local server's URL and request size, found (or started) once per process.
_local: dict[str, tuple[str, int] | None] = {}


def _say_once(message: str) -> None:
    if message not in _said:
        _said.add(message)
        say(message)


@dataclass(frozen=True)
class Want:
    enabled_only: tuple[str, ...]  # G:<id> selected without the whole family
    enabled: tuple[str, ...]  # G:<id> added to the family (may be rules that are off by default)
    disabled: tuple[str, ...]  # G:<id> ignored


def _is_family(name: str) -> bool:
    return name.upper() == "G" or name == "languagetool"


def _rule_id(name: str) -> str | None:
    return name[2:] if name.upper().startswith("G:") and len(name) > 2 else None


def wanted(config: Config, selection: Selection) -> Want | None:
    """Whether the user asked for G in this run, and which LanguageTool rules."""
    settings: Settings | None = config.sections.get("languagetool")
    if settings is not None and not settings.enabled:
        return None
    select = selection.select if selection.select is not None else config.select
    extend = [*config.extend_select, *selection.extend_select]
    ignore = [*config.ignore, *selection.ignore]
    if any(_is_family(n) for n in ignore):
        return None
    explicit = [n for n in (*(select or ()), *extend) if _is_family(n) or _rule_id(n)]
    everything = select is not None and any(n.upper() == "ALL" for n in select)
    if select is not None and not explicit and not everything:
        return None
    configured = settings is not None or bool(selection.languagetool) or selection.require_languagetool
    if not (configured or explicit or everything):
        return None
    whole = any(_is_family(n) for n in explicit) or everything or (configured and select is None)
    ids = tuple(dict.fromkeys(i for i in map(_rule_id, explicit) if i))
    disabled = tuple(dict.fromkeys(i for i in map(_rule_id, ignore) if i))
    return Want(enabled_only=() if whole else ids, enabled=ids if whole else (), disabled=disabled)


def language_for(config: Config, settings: Settings | None) -> str:
    if settings is not None and settings.language:
        return settings.language
    lang = config.language or "en"
    return "en-US" if lang.lower() == "en" else lang


def _local_server(autostart: bool) -> tuple[str, int] | None:
    """The local server (running, or started now when installed and ``autostart``): URL, request size."""
    key = "autostart" if autostart else "running"
    if key in _local:
        return _local[key]
    from lint.languagetool import install, server

    found: tuple[str, int] | None = None
    # A recorded server whose process lives is the server, answering or not: its silence is the probe's to
    # bound and say. Asking its health for two seconds here took a loaded server's silence for no server,
    # and started a second one beside it on a free port.
    hold = "lint.lsp" not in sys.modules
    try:
        # A server started on demand outlives the run that started it (its own session) while other runs use
        # it, and the last of them stops it at its exit (``server.leave``): a short check that started it
        # exits at once, a longer one that joined it keeps it to its end. An editor's language server uses a
        # server it did not start without holding it: a check never leaves it running for the editor.
        state, started = server.share(autostart and install.installed() is not None, hold=hold)
    except (server.ServerError, install.InstallError) as exc:
        state, started = None, False
        _say_once(f"could not start the local LanguageTool server: {exc}")
    if state is not None and (started or hold):
        atexit.register(server.leave, run=server.run_dir())  # (this home's, as now)
    if started and state is not None:
        _say_once(f"started the local LanguageTool server at {state.url} (pid {state.pid}) for this run; "
                  "`copylint languagetool start` keeps one running between runs")
    if state is not None:
        found = (state.url, state.max_text_length)
    _local[key] = found
    return found


def params_for(language: str, settings: Settings | None, want: Want) -> dict[str, str]:
    s = settings or Settings()
    params = {"language": language}
    if s.mother_tongue:
        params["motherTongue"] = s.mother_tongue
    if s.level == "picky":
        params["level"] = "picky"
    enabled = _join(s.enabled_rules, want.enabled, want.enabled_only)
    disabled = _join(s.disabled_rules, want.disabled)
    if enabled:
        params["enabledRules"] = enabled
    if want.enabled_only:
        params["enabledOnly"] = "true"
    if disabled:
        params["disabledRules"] = disabled
    if s.enabled_categories:
        params["enabledCategories"] = ",".join(s.enabled_categories)
    if s.disabled_categories:
        params["disabledCategories"] = ",".join(s.disabled_categories)
    return params


def _join(*groups: Iterable[str]) -> str:
    return ",".join(dict.fromkeys(i for g in groups for i in g))


def _unavailable(message: str, required: bool) -> list[Rule]:
    if required:
        raise LanguageToolUnavailable(message)
    _say_once(f"{sentence(message)} Grammar checks (G) are off.")
    return []


def rules_for(config: Config, selection: Selection) -> list[Rule]:
    want = wanted(config, selection)
    if want is None:
        return []
    settings: Settings | None = config.sections.get("languagetool")
    required = selection.require_languagetool
    url = selection.languagetool or (settings.url if settings else None)
    max_text_length = settings.max_text_length if settings and settings.max_text_length else None
    if url is None:
        # Starting the local server (seconds: a JVM) is the run's set-up, bounded by the start's own wait, not
        # the time of the file it comes with (``SettingUp``): a short limit stopped the file mid-start.
        with SettingUp():
            local = _local_server(settings.autostart if settings else True)
        if local is None:
            return _unavailable("no LanguageTool server: run `copylint languagetool install` (the local server "
                                "then starts on demand) or pass --languagetool URL", required)
        url, local_limit = local
        max_text_length = max_text_length or local_limit
    timeout = settings.timeout if settings else 30.0
    client = Client(url, timeout)
    if client.server in _failed:
        return _unavailable(_failed[client.server], required)
    language = language_for(config, settings)
    probe_key = (client.server, language)
    if probe_key not in _probed:
        # The run's set-up, outside the time limit of the file it comes with (``SettingUp``), and waiting at
        # most that limit: a server that never answers is then the server's failure, said once with G off
        # and the exit code unaffected, not a stop of that file (exit 2, "please report it"), nor a healthy
        # server blamed for the time the file had already spent (its reading) when the limit ran out.
        with SettingUp() as paused:
            try:
                _probed[probe_key] = client.probe(language, timeout=min(timeout, 10.0, paused.limit or 10.0))
            except LanguageToolError as exc:
                _probed[probe_key] = exc
    version = _probed[probe_key]
    if isinstance(version, LanguageToolError):
        return _unavailable(str(version), required)
    session = Session(
        client=client,
        params=params_for(language, settings, want),
        version=version,
        max_text_length=max_text_length or DEFAULT_MAX_TEXT_LENGTH,
        words=frozenset(config.words),
        required=required,
        overlap=overlap_checkers(config, selection),
        store=ResultStore(on_disk=selection.cache),
    )
    return [LanguageToolRule(session)]


def reset() -> None:
    """Forget what this process learnt about servers (for tests that stop and start them)."""
    _said.clear()
    _probed.clear()
    _local.clear()
    _failed.clear()


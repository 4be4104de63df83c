"""The ``custom-rules:`` and ``packs:`` keys of .copylint.yaml, called by lint.config while it loads a file.

Each validator builds the Rule classes, tests them on their own examples, and
registers them (``lint.registry.register``) so that ``--select X.newsroom``,
``rules`` and ``explain`` see them like built-in rules. The registry is
process-wide: loading the same file again replaces what it registered before;
two config files that give one code two different definitions are an error
(one of them would silently lose).
"""

from __future__ import annotations

from typing import Any, cast

from lint import registry
from lint.config import ConfigContext, ConfigError
from lint.custom import packs as packs_mod
from lint.custom.build import build_rule
from lint.custom.kinds import UserRule, UserRuleMeta
from lint.custom.spec import Where

# code -> (fingerprint, config files that registered it)
_owners: dict[str, tuple[str, set[str]]] = {}
# config file -> codes it registered the last time it was loaded
_by_config: dict[str, set[str]] = {}


def _config_key(ctx: ConfigContext) -> str:
    return str(ctx.path) if ctx.path else "<config>"


def _session(ctx: ConfigContext) -> dict[str, str]:
    """The codes registered while loading this config file (shared by both validators of one load).

    The first validator of a load forgets what the same file registered last time.
    """
    state: dict[str, str] | None = ctx.__dict__.get("_copylint_custom_codes")
    if state is None:
        state = {}
        ctx.__dict__["_copylint_custom_codes"] = state
        key = _config_key(ctx)
        for code in _by_config.pop(key, set()):
            _fp, paths = _owners.get(code, ("", set()))
            paths.discard(key)
            if not paths:
                _owners.pop(code, None)
                registry.unregister(code)
    return state


def _register(rules: list[type[UserRule]], ctx: ConfigContext, where_of: dict[str, str]) -> None:
    key = _config_key(ctx)
    session = _session(ctx)
    for cls in rules:
        if cls.code in session:
            raise ConfigError(ctx.path, f"rule {cls.code} is defined twice: at {session[cls.code]} and at {cls.origin}",
                              None)
        existing = registry.rule_by_name(cls.code)
        owner = _owners.get(cls.code)
        if existing is not None and owner is None:
            raise ConfigError(ctx.path, f"rule {cls.code} ({cls.origin}) has the code of the built-in rule "
                                        f"{existing.code} {existing.slug}", None)
        if owner is not None and owner[0] != cls.fingerprint:
            raise ConfigError(ctx.path, f"rule {cls.code} ({cls.origin}) is defined differently by "
                                        f"{', '.join(sorted(owner[1]))}: one code, one definition per run", None)
        clash = registry.rule_by_name(cls.slug)
        if clash is not None and clash.code != cls.code:
            raise ConfigError(ctx.path, f"rule {cls.code} ({cls.origin}): slug '{cls.slug}' is already the slug of "
                                        f"{clash.code}; give it another with 'slug:'", None)
        session[cls.code] = where_of.get(cls.code, cls.origin)
    for cls in rules:
        _fp, paths = _owners.setdefault(cls.code, (cls.fingerprint, set()))
        paths.add(key)
        _by_config.setdefault(key, set()).add(cls.code)
        registry.register(cls)


def validate_rules(value: Any, ctx: ConfigContext) -> list[type[UserRule]]:
    """``custom-rules:``: a list of rules, written in the config itself."""
    _session(ctx)
    if value is None:
        return []
    if not isinstance(value, list):
        raise ctx.error(("custom-rules",), "'custom-rules' must be a list of rules (each with code, kind, ...)")
    where = Where(ctx.path, ctx.lines, ("custom-rules",))
    rules = [build_rule(raw, where, i) for i, raw in enumerate(value)]
    _register(rules, ctx, {})
    return rules


def validate_packs(value: Any, ctx: ConfigContext) -> list[type[UserRule]]:
    """``packs:``: pack files (relative to the config's folder), built-in packs, installed packs."""
    _session(ctx)
    if value is None:
        return []
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        raise ctx.error(("packs",), "'packs' must be a list of pack files or pack names")
    out: list[type[UserRule]] = []
    for i, spec in enumerate(value):
        if not isinstance(spec, str) or not spec.strip():
            raise ctx.error(("packs", i), "a pack is a file path or a pack name (a string)")
        line = ctx.lines.get(("packs", i))
        note = f"(pack listed at {ctx.path or '<config>'}:{line})" if line else ""
        try:
            pack = packs_mod.resolve(spec.strip(), ctx.root, note=note)
        except LookupError as exc:
            raise ctx.error(("packs", i), str(exc.args[0])) from None
        _register(pack.rules, ctx, {})
        out.extend(pack.rules)
    return out


def registered(code: str, fingerprint: str) -> type[UserRule]:
    """The user rule this process registered under ``code`` with this definition: how a pickled rule
    class (a ``Config`` sent to a ``--jobs`` worker) is read back (``kinds.base._by_reference``)."""
    rule = registry.added(code)
    if not isinstance(rule, UserRuleMeta) or rule.__dict__.get("fingerprint") != fingerprint:
        raise LookupError(f"rule {code} ({fingerprint}) is not loaded in this process: a user rule is sent "
                          "by reference, to a process that loaded the same config (a forked worker)")
    return cast("type[UserRule]", rule)


def rules_of(config: Any) -> list[type[UserRule]]:
    """The user rules a loaded Config brought (its custom-rules and packs)."""
    sections = getattr(config, "sections", {}) or {}
    return [*sections.get("custom-rules", []), *sections.get("packs", [])]


def applies(rule: type, config: Any) -> bool:
    """Whether a registered rule may run under ``config``: built-in rules always, user rules only under
    the config that brought them (the registry is process-wide; another config's rules must not leak in).

    For the engine's rule selection (``lint.engine.selected_rule_classes``).
    """
    if not isinstance(rule, UserRuleMeta):
        return True
    user = cast("type[UserRule]", rule)
    return any(user.code == r.code and user.fingerprint == r.fingerprint for r in rules_of(config))


def reset() -> None:
    """Forget every rule the configs loaded so far registered (tests; a server that reloads every config)."""
    for code in list(_owners):
        registry.unregister(code)
    _owners.clear()
    _by_config.clear()

"""One YAML rule → one Rule class, with the same metadata a built-in rule has, tested on its own examples."""

from __future__ import annotations

import contextvars
import hashlib
import json
import re
import textwrap
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from lint.custom import matcher
from lint.custom.examples import CustomExample, run_examples
from lint.custom.kinds import KINDS, UserRule, UserRuleMeta
from lint.custom.spec import Spec, Where, did_you_mean
from lint.model import Applicability, SegmentKind, Severity

COMMON_FIELDS = frozenset({
    "code", "kind", "message", "severity", "level", "summary", "description", "link", "scope", "languages",
    "examples", "slug",
})

# Segment kinds format parsers produce (lint.model.SegmentKind); "any" means all of them.
SEGMENT_KINDS = tuple(kind.value for kind in SegmentKind)

USER_CODE = re.compile(r"^X(?:\.[A-Za-z0-9_-]+)+$")
BUILTIN_CODE = re.compile(r"^[A-Z][0-9]{3}$")
_CODE_PART = re.compile(r"^[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*$")
_SLUG = re.compile(r"^[a-z0-9][a-z0-9-]*$")

FIX_NOTES = {
    "substitution": "Replaces the term with the house form, in the same capitalization (KIEV → KYIV, "
                    "a capital at the start of a sentence kept); nothing else in the text changes.",
    "capitalization": "Rewrites only the letters' case of the words it names.",
    "consistency": "Rewrites the less frequent spelling to the one the file uses most (the first one on a tie).",
    "repetition": "Deletes the second occurrence and the space before it; some repetitions are meant "
                  "(\"had had\"), so the fix is a suggestion unless the rule says otherwise.",
}

# ``copylint test-rules`` loads rules without running their examples, to report every failure.
_check_examples: contextvars.ContextVar[bool] = contextvars.ContextVar("copylint_check_examples", default=True)


@contextmanager
def examples_deferred() -> Iterator[None]:
    token = _check_examples.set(False)
    try:
        yield
    finally:
        _check_examples.reset(token)


def _code(spec: Spec, prefix: str | None, builtin: bool) -> str:
    raw = spec.get("code")
    if raw is None:
        raise spec.error((), "missing field 'code'")
    if not isinstance(raw, str) or not _CODE_PART.match(raw):
        raise spec.error("code", f"code {raw!r} must be dotted names of letters, digits, - and _ (X.newsroom.kyiv)")
    code = raw
    if prefix and not raw.startswith(prefix + ".") and not (builtin and BUILTIN_CODE.match(raw)):
        if raw.startswith("X."):
            raise spec.error("code", f"code '{raw}' is outside the pack's prefix '{prefix}'")
        code = f"{prefix}.{raw}"
    if not USER_CODE.match(code) and not (builtin and BUILTIN_CODE.match(code)):
        raise spec.error("code", f"code '{code}' must start with 'X.' (user codes are namespaced: X.newsroom.kyiv)")
    return code


def _slug(spec: Spec, code: str) -> str:
    given = spec.string("slug")
    if given is not None:
        if not _SLUG.match(given):
            raise spec.error("slug", f"slug '{given}' must be lower-case letters, digits and hyphens")
        return given
    body = code[2:] if code.startswith("X.") else code
    return re.sub(r"[^a-z0-9]+", "-", body.lower()).strip("-")


def _severity(spec: Spec) -> Severity:
    sev = spec.choice("severity", ["error", "warning", "info"])
    level = spec.choice("level", ["error", "warning", "info", "suggestion"])
    if level == "suggestion":
        level = "info"
    if sev and level and sev != level:
        raise spec.error("level", f"'level: {level}' contradicts 'severity: {sev}' (level is another name for it)")
    return Severity(sev or level or "warning")


def _scope(spec: Spec, default: frozenset[str] | None) -> frozenset[str] | None:
    if not spec.has("scope"):
        return default
    values = spec.strings("scope")
    out = set()
    for i, v in enumerate(values):
        name = v.strip().lower().replace(" ", "_").replace("-", "_")
        if name in ("any", "all"):
            return None
        if name not in SEGMENT_KINDS:
            hint = did_you_mean(name, list(SEGMENT_KINDS))
            raise spec.error(("scope", i) if isinstance(spec.raw.get("scope"), list) else "scope",
                             f"unknown scope '{v}'{hint} (any, {', '.join(SEGMENT_KINDS)})")
        out.add(name)
    return frozenset(out)


def _languages(spec: Spec, default: frozenset[str] | None) -> frozenset[str] | None:
    if not spec.has("languages"):
        return default
    values = spec.strings("languages")
    out = set()
    for i, v in enumerate(values):
        tag = v.strip().replace("_", "-").split("-")[0].lower()
        if not tag.isalpha() or not 2 <= len(tag) <= 3:
            raise spec.error(("languages", i) if isinstance(spec.raw.get("languages"), list) else "languages",
                             f"'{v}' is not a language tag (en, en-US, de)")
        out.add(tag)
    return frozenset(out) or None


def _fix(spec: Spec, default: Applicability | None, kind: str) -> Applicability | None:
    if not spec.has("fix"):
        return default
    value = spec.get("fix")
    if value is False or value == "none":
        return None
    if value not in ("safe", "unsafe"):
        raise spec.error("fix", f"'fix' must be safe, unsafe or none, not {value!r}")
    if default is None:
        raise spec.error("fix", f"{kind} rules have no fix")
    return Applicability(value)


def _examples(spec: Spec) -> tuple[tuple[CustomExample, ...], tuple[CustomExample, ...]]:
    raw = spec.get("examples")
    if raw is None:
        return (), ()
    if not isinstance(raw, dict):
        raise spec.error("examples", "'examples' must be a mapping with 'flag' and 'pass' lists")
    for key in raw:
        if key not in ("flag", "pass"):
            raise spec.error(("examples", key), f"unknown examples list '{key}'{did_you_mean(str(key), ['flag', 'pass'])}")
    out: dict[str, list[CustomExample]] = {"flag": [], "pass": []}
    for which in ("flag", "pass"):
        items = raw.get(which) or []
        if isinstance(items, str):
            items = [items]
        if not isinstance(items, list):
            raise spec.error(("examples", which), f"'examples: {which}' must be a list")
        out[which] = [_example(spec, which, i, item) for i, item in enumerate(items)]
    return tuple(out["flag"]), tuple(out["pass"])


def _example(spec: Spec, which: str, i: int, item: Any) -> CustomExample:
    """Item ``i`` of the ``which`` examples: a string, or a mapping with 'text' (and 'fixed', 'path', 'kind')."""
    keys = ("examples", which, i)
    line = spec.where.line((spec.index, *keys))
    if isinstance(item, str):
        return CustomExample(item, line=line)
    if not isinstance(item, dict) or not isinstance(item.get("text"), str):
        raise spec.error(keys, "an example is a string, or a mapping with 'text' (and 'fixed', 'path', 'kind')")
    allowed = {"text", "path", "kind"} | ({"fixed"} if which == "flag" else set())
    for k in item:
        if k not in allowed:
            raise spec.error(keys + (k,), f"unknown example field '{k}'{did_you_mean(str(k), sorted(allowed))}")
    fixed = item.get("fixed")
    path = item.get("path", "example.txt")
    seg_kind = item.get("kind")
    if fixed is not None and not isinstance(fixed, str):
        raise spec.error(keys + ("fixed",), "'fixed' must be a string")
    if not isinstance(path, str) or not path:
        raise spec.error(keys + ("path",), "'path' must be a file name such as example.md")
    if seg_kind is not None:
        seg_kind = str(seg_kind).strip().lower().replace(" ", "_").replace("-", "_")
        if seg_kind not in SEGMENT_KINDS:
            raise spec.error(keys + ("kind",), f"unknown segment kind '{item.get('kind')}'"
                             f"{did_you_mean(seg_kind, list(SEGMENT_KINDS))}")
    return CustomExample(item["text"], fixed, path, segment_kind=seg_kind, line=line)


def _rationale(cls_kind: str, summary: str, description: str | None, link: str | None,
               origin: str, pack: str | None, details: str) -> str:
    what = textwrap.dedent(description).strip() if description else summary.rstrip(".") + "."
    source = f"the rule pack '{pack}'" if pack else "the configuration"
    parts = [f"**What it does.** {what}"]
    if details:
        parts.append(details)
    parts.append(f"**Why is this bad?** It is house style: a {cls_kind} rule from {source} ({origin}).")
    if link:
        parts.append(f"See {link}.")
    return "\n\n".join(parts) + "\n"


def fingerprint(raw: Any, code: str, pack: str | None) -> str:
    blob = json.dumps({"rule": raw, "code": code, "pack": pack}, sort_keys=True, default=str)
    return hashlib.sha256(blob.encode()).hexdigest()[:16]


def build_rule(raw: Any, where: Where, index: int, *, prefix: str | None = None, pack: str | None = None,
               builtin: bool = False, check_examples: bool | None = None) -> type[UserRule]:
    """The Rule class for one YAML rule; ConfigError (file, rule, line) for anything wrong with it."""
    if not isinstance(raw, dict):
        raise where.error((index,), f"rule #{index + 1} must be a mapping with 'code', 'kind' and the kind's fields")
    spec = Spec(raw, where, index)
    code = _code(spec, prefix, builtin)
    spec.label = code
    kind_name, base = _kind(spec)
    spec.check_unknown(set(COMMON_FIELDS | base.FIELDS), kind_name)
    attrs = base.configure(spec)
    default_fix = attrs.pop("DEFAULT_FIX", base.DEFAULT_FIX)

    groups, names = attrs.pop("_groups", (0, set()))
    message = spec.string("message") or attrs.pop("DEFAULT_MESSAGE", base.DEFAULT_MESSAGE)
    attrs.pop("DEFAULT_MESSAGE", None)
    spec.template("message", message, set(base.PLACEHOLDERS), groups, names)
    if base.USES_PATTERNS:
        attrs["timeout"] = spec.number("timeout", matcher.DEFAULT_TIMEOUT, minimum=0.001)
    kinds = _scope(spec, attrs.pop("DEFAULT_KINDS", base.DEFAULT_KINDS))
    languages = _languages(spec, base.DEFAULT_LANGUAGES)
    fix = _fix(spec, default_fix, kind_name)
    severity = _severity(spec)
    slug = _slug(spec, code)
    summary = spec.string("summary") or base.default_summary(attrs)
    summary = summary.strip().splitlines()[0]
    description = spec.string("description")
    link = spec.string("link")
    flag, allow = _examples(spec)
    line = where.line((index,))
    origin = f"{where.path or '<config>'}:{line}" if line else (where.path or "<config>")

    details = base.details(attrs)
    attrs = {k: v for k, v in attrs.items() if not k.startswith("_")}
    attrs.update(
        code=code, slug=slug, summary=summary, severity=severity, fix=fix,
        fix_note=FIX_NOTES.get(kind_name, "") if fix else "",
        kinds=kinds, languages=languages, message=message, origin=origin, pack=pack,
        rationale=_rationale(kind_name, summary, description, link, origin, pack, details),
        tags=("custom", kind_name), flag=flag, allow=allow,
        fingerprint=fingerprint(raw, code, pack),
        __module__="lint.custom.user",
        __doc__=f"{code} {slug}: {summary}",
    )
    attrs.setdefault("scope", "prose")
    name = "Custom_" + re.sub(r"\W", "_", code)
    cls: type[UserRule] = UserRuleMeta(name, (base,), attrs)  # type: ignore[assignment]

    if check_examples if check_examples is not None else _check_examples.get():
        _check_rule_examples(cls, where, index)
    return cls


def _kind(spec: Spec) -> tuple[str, type[UserRule]]:
    """The rule's kind and the class of that kind."""
    kind_name = spec.get("kind")
    if kind_name is None:
        raise spec.error((), f"missing field 'kind' (one of {', '.join(KINDS)})")
    if kind_name not in KINDS:
        raise spec.error("kind", f"unknown kind '{kind_name}'{did_you_mean(str(kind_name), list(KINDS))} "
                                 f"(one of {', '.join(KINDS)})")
    base = KINDS[kind_name]
    if spec.has("fix") and "fix" not in base.FIELDS:
        raise spec.error("fix", f"{kind_name} rules have no fix")
    return kind_name, base


def _check_rule_examples(cls: type[UserRule], where: Where, index: int) -> None:
    """Run the rule's own examples; the first that fails is a ConfigError at its line."""
    failures = run_examples(cls)
    if failures:
        f = failures[0]
        which = "flag" if f.must_flag else "pass"
        message = f"rule {cls.code}: {which} example {f.example.text!r}: {f.problem}"
        if f.line is None:
            raise where.error((index,), message)
        raise _error_at(where, f.line, message)


def _error_at(where: Where, line: int, message: str) -> Exception:
    from lint.config import ConfigError

    return ConfigError(where.path, message + (f" {where.note}" if where.note else ""), line)


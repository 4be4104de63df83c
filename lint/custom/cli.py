"""``copylint test-rules``: run every custom rule's own examples, as a pack's CI would."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from lint.config import ConfigError, find_config_file, load_config
from lint.custom import packs as packs_mod
from lint.custom.build import examples_deferred
from lint.custom.config import rules_of
from lint.custom.examples import run_examples
from lint.custom.kinds import UserRule


def _where(rule: type[UserRule], line: int | None) -> str:
    path = rule.origin.rsplit(":", 1)[0] if rule.origin.rsplit(":", 1)[-1].isdigit() else rule.origin
    return f"{path}:{line}" if line else rule.origin


@click.command("test-rules")
@click.argument("pack_files", nargs=-1, type=click.Path(dir_okay=False, path_type=str))
@click.option("--config", "config_file", type=click.Path(dir_okay=False, path_type=str),
              help="The config whose custom-rules and packs are tested (default: the nearest .copylint.yaml).")
@click.option("-q", "--quiet", is_flag=True, help="Print failures only.")
def test_rules(pack_files: tuple[str, ...], config_file: str | None, quiet: bool) -> None:
    """Run the examples of every custom rule: the config's custom-rules and packs, or the PACK_FILES given.

    Each rule's `flag` examples must be flagged (and fixed to `fixed`, idempotently);
    its `pass` examples must not be. Exit 0 when all pass, 1 when one fails, 2 when a
    rule or pack cannot be loaded.
    """
    rules: list[type[UserRule]] = []
    try:
        with examples_deferred():
            config_path: Path | None = Path(config_file) if config_file else None
            if config_path is None and not pack_files:
                config_path = find_config_file(Path.cwd())
                if config_path is None:
                    click.echo("copylint: no .copylint.yaml here or above, and no pack files given", err=True)
                    sys.exit(2)
            if config_path is not None:
                rules.extend(rules_of(load_config(config_path)))
            for name in pack_files:
                rules.extend(packs_mod.load_file(Path(name)).rules)
    except ConfigError as exc:
        click.echo(f"copylint: {exc}", err=True)
        sys.exit(2)
    if not rules:
        click.echo("copylint: no custom rules to test (no custom-rules or packs)", err=True)
        sys.exit(2)

    examples = failed = 0
    untested = []
    for rule in rules:
        n = len(rule.flag) + len(rule.allow)
        examples += n
        if not n:
            untested.append(rule)
        failures = run_examples(rule)
        failed += len(failures)
        for f in failures:
            click.echo(f"{_where(rule, f.line)}: {rule.code}: {f}")
        if not quiet and n and not failures:
            click.echo(f"ok    {rule.code} ({n} example{'s' if n != 1 else ''})")
    if not quiet:
        for rule in untested:
            click.echo(f"{rule.origin}: {rule.code}: no examples (add examples: {{flag: [...], pass: [...]}})")
    click.echo(f"{len(rules)} rule{'s' if len(rules) != 1 else ''}, {examples} example{'s' if examples != 1 else ''}"
               f"{f', {failed} failing' if failed else ', all as expected'}")
    sys.exit(1 if failed else 0)

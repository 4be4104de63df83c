"""The commands other than ``check`` (``rules``, ``formats``, ``explain``, ``corpus``, ``baseline``, ``clean``):
imported by the command line (``lint.cli.LazyGroup``) only when one of them is run or the commands are listed,
so that a check does not make their click objects (some 4M instructions of a one-file check)."""

from __future__ import annotations

from pathlib import Path

import click

from lint.cli import _codes, _lint_candidates, _or_pool_failed, _stopping_errors, fail


def _load_user_rules(config_file: str | None, isolated: bool) -> None:
    """Load the nearest config (or --config) so that its user rules are listed like built-ins."""
    if isolated:
        return
    from lint.config import ConfigError, ConfigResolver, load_config

    try:
        ConfigResolver(load_config(config_file) if config_file else None).for_path(Path("."))
    except ConfigError as exc:
        fail(str(exc))


@click.command()
@click.option("--format", "--output-format", "output_format", default="text", show_default=True,
              type=click.Choice(["text", "json", "markdown", "schema"]))
@click.option("--config", "config_file", type=click.Path(dir_okay=False, path_type=str),
              help="Also list the user rules of this config file (default: the nearest one).")
@click.option("--isolated", is_flag=True, help="Built-in rules only.")
def rules(output_format: str, config_file: str | None, isolated: bool) -> None:
    """List every rule: code, slug, family, fix, summary (markdown: docs/rules.md; schema:
    lint/data/config.schema.json, whose `rules` part the rules' options make)."""
    from lint import docs, registry

    _load_user_rules(config_file, isolated)

    all_rules = registry.all_rules()
    if output_format == "schema":  # lint/data/config.schema.json, its `rules` part made from the built-in rules
        from lint.options import print_config_schema

        try:
            print_config_schema(registry.builtin_rules())
        except ValueError as exc:
            fail(str(exc))
    elif output_format == "markdown":
        click.echo(docs.rules_markdown(all_rules), nl=False)
    elif output_format == "json":
        import json

        click.echo(json.dumps([docs.rule_dict(r) for r in all_rules], indent=2, ensure_ascii=False))
    else:
        for r in all_rules:
            fix = r.fix.value if r.fix else "-"
            click.echo(f"{r.code:<6} {r.slug:<30} {docs.FAMILY_NAMES.get(r.code[0], r.code[0]):<12} "
                       f"{fix:<7} {r.summary}")


@click.command("formats")
@click.option("--format", "--output-format", "output_format", default="text", show_default=True,
              type=click.Choice(["text", "markdown", "schema"]))
def formats_command(output_format: str) -> None:
    """List the formats (markdown: docs/formats.md; schema: lint/data/config.schema.json)."""
    from lint import formats

    if output_format == "markdown":
        click.echo(formats.docs_markdown(), nl=False)
    elif output_format == "schema":
        import json

        from lint.options import packaged_config_schema

        try:
            schema = formats.config_schema(packaged_config_schema())
        except ValueError as exc:
            fail(str(exc))
        click.echo(json.dumps(schema, indent=2))
    else:
        for f in formats.FORMATS.values():
            files = ", ".join((*f.extensions, *f.patterns)) or "-"
            click.echo(f"{f.name:<11} {files:<40} {f.title}")


@click.command()
@click.argument("name")
@click.option("--config", "config_file", type=click.Path(dir_okay=False, path_type=str),
              help="Also know the user rules of this config file (default: the nearest one).")
def explain(name: str, config_file: str | None) -> None:
    """Show a rule's rationale, examples and fix safety (by code or slug)."""
    from lint import docs, registry

    if name.upper() == "G" or name.upper().startswith("G:"):
        click.echo(docs.GRAMMAR_FAMILY, nl=False)
        return
    _load_user_rules(config_file, False)

    rule = registry.rule_by_name(name)
    if rule is None:
        hint = registry.closest_name(name)
        fail(f"unknown rule code or slug '{name}'" + (f" (did you mean '{hint}'?)" if hint else ""))
        return
    click.echo(docs.rule_markdown(rule), nl=False)


def _thresholds(values: tuple[str, ...], defaults: dict[str, int], option: str) -> dict[str, int]:
    out = dict(defaults)
    for value in values:
        for item in (v.strip() for v in value.split(",") if v.strip()):
            family, _, n = item.partition("=")
            if not family.isalpha() or not n.isdigit():
                fail(f"{option} takes FAMILY=COUNT (e.g. S=3), not {item!r}")
            if int(n) == 0:
                out.pop(family.upper(), None)
            else:
                out[family.upper()] = int(n)
    return out


@click.command()
@click.argument("inp", metavar="IN", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("out", metavar="OUT", type=click.Path(file_okay=False, path_type=Path))
@click.option("--text-field", default="text", show_default=True, help="The field that holds each record's text.")
@click.option("--id-field", default=None, help="The field that names each record (default: its number).")
@click.option("--select", multiple=True, help="Only these rules (default: the default rules).")
@click.option("--ignore", multiple=True, help="Rules to leave out.")
@click.option("--as", "as_format", default="txt", show_default=True,
              help="The format each text is read as (a file suffix: txt, md, html, rst).")
@click.option("--flag", "flag", multiple=True, metavar="F=N",
              help="Flag a record with N findings of family F (default E=1,S=1,T=1,P=1,W=1; F=0 turns one off).")
@click.option("--drop", "drop", multiple=True, metavar="F=N", help="Drop a record with N findings of family F (default E=5,S=5).")
@click.option("--fix", is_flag=True, help="Write each record's fixed text beside it (field 'fixed').")
@click.option("--shard-size", type=click.IntRange(min=1), default=1000, show_default=True,
              help="Records per output shard (the unit of resuming).")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None, help="Processes (default: the cores).")
@click.option("--dask", "dask_scheduler", metavar="SCHEDULER",
              help="Run on Dask: a dask.distributed scheduler address, or local:N for a local cluster of N workers.")
@click.option("--file-timeout", metavar="SECONDS", type=click.FloatRange(min=0, max=1e9), default=120.0,
              show_default=True, help="Stop a record that takes longer to check: its decision is error (0: no limit).")
def corpus(inp: Path, out: Path, text_field: str, id_field: str | None, select: tuple[str, ...],
           ignore: tuple[str, ...], as_format: str, flag: tuple[str, ...], drop: tuple[str, ...], fix: bool,
           shard_size: int, jobs: int | None, dask_scheduler: str | None, file_timeout: float) -> None:
    """Lint each record of a JSONL or Parquet corpus IN; write findings and a clean/flag/drop decision per
    record to shards in OUT, and OUT/summary.json. Re-running the same command resumes."""
    from lint import corpus as cm
    from lint import parallel, registry

    for name in (*_codes(select), *_codes(ignore)):
        if not registry.is_selector(name):
            fail(f"unknown rule code or slug '{name}'")
    settings = cm.Settings(
        text_field=text_field, id_field=id_field, select=_codes(select) or None, ignore=_codes(ignore),
        path="record." + as_format.lstrip("."), flag=_thresholds(flag, cm.DEFAULT_FLAG, "--flag"),
        drop=_thresholds(drop, cm.DEFAULT_DROP, "--drop"), fix=fix, shard_size=shard_size,
        file_timeout=file_timeout,
    )
    try:
        summary = cm.run(inp, out, settings, jobs or parallel.default_jobs(), dask_scheduler)
    except _stopping_errors(cm.CorpusError, OSError) as exc:
        fail(str(exc))
        return
    decisions = ", ".join(f"{n} {d}" for d, n in summary["decisions"].items())
    click.echo(f"{summary['records']} records, {summary['words']} words: {decisions or 'none'}; "
               f"summary in {out / 'summary.json'}")


@click.group()
def baseline() -> None:
    """Record today's findings so that only new ones are reported (check --baseline FILE)."""


@baseline.command("write")
@click.argument("paths", nargs=-1, type=click.Path(path_type=str))
@click.option("-o", "--output", default=".copylint-baseline.json", show_default=True,
              type=click.Path(dir_okay=False, path_type=str), help="The baseline file to write.")
@click.option("--select", multiple=True, help="Only these rules (as for check).")
@click.option("--ignore", multiple=True, help="Rules to leave out (as for check).")
@click.option("--config", "config_file", type=click.Path(dir_okay=False, path_type=str), help="Use this config file.")
@click.option("--isolated", is_flag=True, help="Ignore all config files.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None, help="Processes (default: the cores).")
def baseline_write(paths: tuple[str, ...], output: str, select: tuple[str, ...], ignore: tuple[str, ...],
                   config_file: str | None, isolated: bool, jobs: int | None) -> None:
    """Lint PATHS and record every finding in the baseline file (paths relative to its folder)."""
    from lint import baseline as bl
    from lint.config import Config, ConfigError, ConfigResolver, load_config
    from lint.discover import Candidate, discover
    from lint.engine import Linter, Selection

    try:
        resolver = ConfigResolver(Config()) if isolated else ConfigResolver(
            load_config(config_file) if config_file else None)
        resolver.for_path(Path(paths[0] if paths else "."))
        linter = Linter(Selection(select=_codes(select) or None, ignore=_codes(ignore)))
        candidates = [c for c in discover(paths or (".",), resolver) if isinstance(c, Candidate)]
        results = _lint_candidates(linter, candidates, jobs, fix=False, unsafe=False, write=False)
        counts = bl.fingerprints(results, Path(output).parent)
    except _or_pool_failed(ConfigError) as exc:
        fail(str(exc))
        return
    bl.write(Path(output), counts)
    click.echo(f"Recorded {sum(counts.values())} findings in {output}")


@click.command()
@click.option("--config", "config_file", type=click.Path(dir_okay=False, path_type=str),
              help="Use this config file's cache-dir (default: the nearest config file's).")
@click.option("--isolated", is_flag=True, help="Ignore config files: only COPYLINT_CACHE_DIR or the default.")
def clean(config_file: str | None, isolated: bool) -> None:
    """Remove the results cache (COPYLINT_CACHE_DIR, the config's cache-dir, or ./.copylint_cache)."""
    import shutil

    from lint import cache
    from lint.config import Config, ConfigError, ConfigResolver, load_config

    try:
        config = Config() if isolated else (
            load_config(config_file) if config_file else ConfigResolver().for_path(Path(".")))
    except ConfigError as exc:
        fail(str(exc))
        return
    folder = cache.cache_dir(config)
    if not folder.exists():
        click.echo(f"No cache at {folder}")
        return
    if not cache.is_cache_dir(folder):
        fail(f"{folder} is not a copylint cache (no copylint CACHEDIR.TAG): not removed")
    shutil.rmtree(folder)
    click.echo(f"Removed {folder}")

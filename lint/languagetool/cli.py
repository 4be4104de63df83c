"""``copylint languagetool install|start|stop|status``: the local LanguageTool server behind family G."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from lint.languagetool import LT_VERSION

EXIT_OK, EXIT_NOT_RUNNING, EXIT_ERROR = 0, 1, 2

_home_option = click.option(
    "--home", type=click.Path(file_okay=False, path_type=Path), default=None,
    help="The install folder (default: $COPYLINT_LANGUAGETOOL_HOME or ~/.cache/copylint/languagetool).",
)


def _fail(message: str) -> None:
    click.echo(f"copylint: {message}", err=True)
    sys.exit(EXIT_ERROR)


@click.group("languagetool")
def group() -> None:
    """Install, start, stop and inspect the LanguageTool server behind the G rules."""


@group.command()
@click.option("--language", "-l", "languages", multiple=True, metavar="CODE",
              help="A language module to add beyond English (de, fr, nl, ...); repeatable.")
@click.option("--force", is_flag=True, help="Resolve and copy the jars again even when installed.")
@click.option("--verify", "verify_only", is_flag=True, help="Check the installed jars against their recorded SHA-256.")
@_home_option
def install(languages: tuple[str, ...], force: bool, verify_only: bool, home: Path | None) -> None:
    """Download the LanguageTool HTTP server from Maven Central into the cache folder.

    Uses Maven (`mvn`, reusing ~/.m2) and verifies the download (Maven's checksums, each jar whole,
    the server class present). Does nothing when the same languages are already installed.
    """
    from lint.languagetool import install as inst

    if verify_only:
        current = inst.installed(home)
        if current is None:
            _fail("LanguageTool is not installed")
            return
        problems = inst.verify(current)
        if problems:
            _fail("the installation is damaged:\n  " + "\n  ".join(problems) + "\nrun install --force")
        click.echo(f"LanguageTool {current.version} in {current.root}: every jar matches its recorded SHA-256")
        return
    try:
        result = inst.install(languages, home, force=force, log=lambda m: click.echo(m, err=True))
    except inst.InstallError as exc:
        _fail(f"install failed: {exc}")
        return
    click.echo(f"LanguageTool {result.version} ({', '.join(result.languages)}) is installed in {result.root}")


@group.command()
@click.option("--port", default=8081, show_default=True, help="Port on 127.0.0.1.")
@click.option("--heap", default="1g", show_default=True, help="Maximum Java heap (-Xmx).")
@click.option("--timeout", default=120.0, show_default=True, help="Seconds to wait for /v2/healthcheck.")
@click.option("--max-text-length", type=int, default=None, help="Characters per request (maxTextLength).")
@click.option("--threads", type=int, default=None, help="Checks run at once (maxCheckThreads).")
@_home_option
def start(port: int, heap: str, timeout: float, max_text_length: int | None, threads: int | None,
          home: Path | None) -> None:
    """Start the installed server on loopback and wait until it answers."""
    from lint.languagetool import install as inst
    from lint.languagetool import server

    props = {}
    if max_text_length:
        props["maxTextLength"] = str(max_text_length)
    if threads:
        props["maxCheckThreads"] = str(threads)
    try:
        state = server.start(port=port, heap=heap, timeout=timeout, where=home, properties=props)
    except (server.ServerError, inst.InstallError) as exc:
        _fail(str(exc))
        return
    click.echo(f"LanguageTool {state.version} is running at {state.url} (pid {state.pid}, log {state.log})")


@group.command()
@_home_option
def stop(home: Path | None) -> None:
    """Stop the server that `start` started."""
    from lint.languagetool import server

    state = server.stop(where=home)
    if state is None:
        click.echo("no LanguageTool server started by copylint is running")
    else:
        click.echo(f"stopped LanguageTool at {state.url} (pid {state.pid})")


def _size(n: int | None) -> str:
    if n is None:
        return "unknown"
    return f"{n / 2**20:.0f} MiB"


@group.command()
@click.option("--url", default=None, help="Ask this server instead of the one `start` started.")
@click.option("--json", "as_json", is_flag=True, help="Print the status as JSON.")
@_home_option
def status(url: str | None, as_json: bool, home: Path | None) -> None:
    """Version, languages and memory of the running server; exit 1 when none is running."""
    from lint.languagetool import install as inst
    from lint.languagetool import server

    info = server.status(url, where=home)
    installed = inst.installed(home)
    info["installed"] = str(installed.root) if installed else None
    if as_json:
        click.echo(json.dumps(info, indent=2))
    elif not info["running"]:
        where = info.get("url") or "no server started by copylint"
        click.echo(f"LanguageTool is not running ({where})" + (f": {info['error']}" if info.get("error") else ""))
        click.echo(f"installed: {info['installed'] or f'no (copylint languagetool install fetches {LT_VERSION})'}")
    else:
        click.echo(f"LanguageTool {info.get('version') or '?'} at {info['url']}")
        langs = info.get("languages") or []
        click.echo(f"languages: {len(langs)}: {', '.join(langs)}")
        if "pid" in info:
            click.echo(f"memory: {_size(info.get('rss'))} resident (heap limit {info['heap']}), pid {info['pid']}, "
                       f"up {info['uptime']:.0f} s")
            click.echo(f"log: {info['log']}")
        else:
            click.echo("memory: unknown (not a server copylint started)")
        if info.get("error"):
            click.echo(f"warning: {info['error']}")
    sys.exit(EXIT_OK if info["running"] else EXIT_NOT_RUNNING)

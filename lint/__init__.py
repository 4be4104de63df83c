"""copylint: a linter for prose that catches what scraping and machine translation leave behind.

The Python API is the engine the CLI runs::

    import lint
    findings = lint.check_text(" date 2024-01-24 Photo caption.", path="a.txt")
    fixed = lint.fix_text(text, path="a.txt")
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["__version__", "check_text", "fix_text"]

if TYPE_CHECKING:
    from lint.engine import check_text, fix_text


def __getattr__(name: str) -> Any:
    # Imported on first use so that `copylint --version` and module imports stay fast.
    if name in ("check_text", "fix_text"):
        from lint import engine

        return getattr(engine, name)
    raise AttributeError(name)

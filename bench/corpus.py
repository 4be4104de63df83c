"""The benchmark corpus: ../shared/corpus (the PEPs in reST, the Rust book in Markdown) and how its
files are listed, shared by the benchmarks that time the linter on it."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# ../shared beside the checkout, or where $COPYLINT_SHARED says (a worktree kept apart from it).
SHARED = Path(os.environ.get("COPYLINT_SHARED", ROOT.parent / "shared"))
CORPUS = SHARED / "corpus"
SUFFIXES = (".md", ".rst", ".txt")


def corpus_files(corpus: Path = CORPUS) -> list[Path]:
    """The corpus's Markdown, reST and text files, sorted."""
    return sorted(p for p in corpus.rglob("*") if p.suffix in SUFFIXES and p.is_file())


def peps_as_text(folder: Path) -> list[Path]:
    """The PEPs copied into ``folder`` with `.txt` names (read as plain text, the scraped-text case, with
    no config), in name order."""
    copies = []
    for p in sorted((CORPUS / "peps").rglob("*.rst")):
        copies.append(folder / (p.stem + ".txt"))
        shutil.copyfile(p, copies[-1])
    return copies

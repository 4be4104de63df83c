"""Professionally translated news, and edited prose from treebanks, as folders of Markdown: the clean base
text for `languages.py inject`.

    python bench/news_references.py OUT [--ntrex GITDIR] [--wmt21 GITDIR] [--wmt24 GITDIR] [--ud LANG=GITDIR ...]

Each source is a clone (or a bare git directory) of a public repository you fetch yourself; nothing here
ships text. Writes OUT/<source>/<language>/<document>.md:

- `ntrex`: NTREX-128 (MicrosoftTranslator/NTREX): the WMT19 English news test set translated by
  professionals into 128 languages, with document ids. The headline is a heading; the sentences make
  paragraphs of three to eight, never cutting a quotation that runs over several sentences and
  closes by the sixteenth (each sentence that opens with the quotation's mark reopens it: the paragraphs of a long
  quotation, lost in the sentence-per-line file), and a line with no end mark (a headline, a subheading)
  stands alone: a `## ` subheading where its English source line has no end mark either (a standfirst,
  a crosshead: `Le premier but de Dolly Menga assure la victoire de Livingston`), prose where the source
  has one (the translator dropped it: a slip the base text keeps).
- `wmt21`: the newstest2021 human references (wmt-conference/wmt21-news-systems, txt/references); the text
  files carry no document ids, so ten lines (sentences) make a file, running on to where a quotation
  open at its end closes (ten more at most), in paragraphs as for NTREX; each document's headline, a line
  whose source line (txt/sources) has no end mark, a `## ` subheading as there.
- `wmt24`: the WMT24 general-task human references of the news and literary documents
  (wmt-conference/wmt24-news-systems, txt-ts), by document id, each line a paragraph; the first line,
  the headline, a heading where it has no end mark.
- `ud`: the sentences of a Universal Dependencies treebank (its `# text =` lines, every `.conllu` file the
  repository holds): text written in the language, edited for publication (news, encyclopedia), and
  annotated sentence by sentence, so what a translation or a scrape leaves is rare. Files of ten sentences
  in the treebank's order, a new file at a new document (`# newdoc`) once three sentences are in;
  paragraphs as for NTREX.

Halves are by file, as everywhere in `languages.py`.
"""

from __future__ import annotations

import argparse
import re
import subprocess
from collections.abc import Iterator
from pathlib import Path

NTREX = {"fr": "fra", "fr-CA": "fra-CA", "de": "deu", "es": "spa", "es-MX": "spa-MX", "it": "ita", "pt": "por",
         "pt-BR": "por-BR", "ja": "jpn", "zh": "zho-CN", "ko": "kor", "ru": "rus",
         "pl": "pol", "cs": "ces", "tr": "tur", "ro": "ron", "vi": "vie", "nl": "nld"}
WMT21 = {"fr": "newstest2021.de-fr.ref.A.fr", "de": "newstest2021.en-de.ref.A.de", "ja": "newstest2021.en-ja.ref.A.ja",
         "zh": "newstest2021.en-zh.ref.A.zh", "ru": "newstest2021.en-ru.ref.A.ru"}
WMT21_SOURCES = {"fr": "newstest2021.de-fr.src.de", "de": "newstest2021.en-de.src.en", "ja": "newstest2021.en-ja.src.en",
                 "zh": "newstest2021.en-zh.src.en", "ru": "newstest2021.en-ru.src.en"}
WMT24 = ("es", "de", "ja", "zh", "ru")

# A sentence that ends a paragraph ends with one of these (else it is a heading or a caption).
_ENDS = re.compile(r"[.!?。！？…»”“」』\"'’)）]$")


def lines_at(git_dir: Path, path: str) -> list[str]:
    """A file of the repository's HEAD, as lines (``git_dir`` a work tree or a bare git directory)."""
    git = ["git", "-C", str(git_dir)] if (git_dir / ".git").exists() else ["git", "--git-dir", str(git_dir)]
    out = subprocess.run([*git, "show", f"HEAD:{path}"], capture_output=True, text=True, check=True).stdout
    return [line.strip() for line in out.splitlines()]


# The double quotation marks that open and close a quotation, by language (German „…“ and »…«).
_MARKS = {"de": ("„»", "“«")}
_DEFAULT_MARKS = ("«「『“„", "»」』”")


def quote_depth(sentence: str, language: str, depth: int) -> int:
    """The depth of open quotations after ``sentence``, ``depth`` open before it. A straight mark opens or
    closes by its place (after a space and before a word it opens, `droit ".` closes), as a reader tells them apart; a quotation's mark at the
    start of a sentence while one is open reopens it (each paragraph of a long quotation reopened, the
    paragraphs lost in a sentence-per-line file) instead of nesting one; a closing mark with nothing
    open (its opening mark lost) closes nothing. Single marks are left out: apostrophes look the same."""
    opens, closes = _MARKS.get(language.split("-")[0], _DEFAULT_MARKS)
    for i, ch in enumerate(sentence):
        if ch == '"':
            before = sentence[i - 1] if i else " "
            after = sentence[i + 1] if i + 1 < len(sentence) else " "
            ch = opens[0] if (before.isspace() or before in "([—–-") and (after.isalnum() or after in "(¿¡") else closes[0]
        if ch in opens:
            if not (i == 0 and depth > 0):
                depth += 1
        elif ch in closes:
            depth = max(depth - 1, 0)
    return depth


def paragraphs(sentences: list[str], language: str) -> Iterator[list[str]]:
    current: list[str] = []
    depth = 0
    for i, sentence in enumerate(sentences):
        if depth > 0 and sentence.startswith("## "):
            # A line without end mark inside an open quotation is a line of the quotation, not a
            # subheading (joined as one, its `## ` was a defect the base text never had).
            sentence = sentence[3:]
        # A line with no end mark (a headline, a subheading) is a paragraph of its own.
        if current and depth <= 0 and not (_ENDS.search(current[-1]) and _ENDS.search(sentence)):
            yield current
            current, depth = [], 0
        current.append(sentence)
        depth = quote_depth(sentence, language, depth)
        # (Eight sentences at most, sixteen where a quotation open at the eighth closes by then: one the
        # translator never closed does not swallow the page.)
        if (len(current) >= 3 and depth <= 0) or len(current) >= _MOST or (
                len(current) >= _MOST // 2 and depth > 0 and not _closes_within(sentences, i + 1, language, depth,
                                                                                 _MOST - len(current))):
            yield current
            current, depth = [], 0
    if current:
        yield current


_MOST = 16


def _closes_within(sentences: list[str], at: int, language: str, depth: int, count: int) -> bool:
    """Whether the quotations open (``depth``) close within the ``count`` sentences from ``at``."""
    for sentence in sentences[at:at + count]:
        depth = quote_depth(sentence, language, depth)
        if depth <= 0:
            return True
    return False


def chunks(lines: list[str], language: str, size: int = 10) -> Iterator[tuple[int, list[str]]]:
    """Files of ``size`` lines, numbered by their nominal start (line ``k * size``), each running on past its
    end to where a quotation open there closes (within ``size`` more lines; one that does not close there
    is the translator's, and the file ends where it would), the next starting after it: text without
    document ids, where a quotation cut at a file's end is the cut's, not the translator's."""
    end = 0
    for k in range(0, len(lines), size):
        start = max(k, end)
        end = k + size
        depth = 0
        for line in lines[start:end]:
            depth = quote_depth(line, language, depth) if line else depth
        end = _closing(lines, language, depth, end, min(len(lines), k + 2 * size))
        part = [line for line in lines[start:end] if line]
        if part:
            yield k // size, part


def _closing(lines: list[str], language: str, depth: int, end: int, limit: int) -> int:
    """Where the quotations open (``depth``) before line ``end`` have closed, if they close before line
    ``limit``; else ``end``."""
    at = end
    while depth > 0 and at < limit:
        depth = quote_depth(lines[at], language, depth) if lines[at] else depth
        at += 1
    return at if depth <= 0 else end


def headed(line: str, source: str) -> str:
    """A reference line as Markdown: a subheading (`## `) where neither it nor its source line ends with
    an end mark (a headline, a standfirst, a crosshead of the article, set apart in print as on the
    page); a line that lost the end mark its source has stays prose, the translator's slip."""
    if line and not _ENDS.search(line) and not _ENDS.search(source):
        return f"## {line}"
    return line


def joined(sentences: list[str], language: str) -> str:
    return ("" if language.split("-")[0] in ("ja", "zh") else " ").join(sentences)


def ntrex(git_dir: Path, out: Path) -> None:
    ids = lines_at(git_dir, "DOCUMENT_IDS.tsv")
    sources = lines_at(git_dir, "NTREX-128/newstest2019-src.eng.txt")
    for language, code in NTREX.items():
        lines = lines_at(git_dir, f"NTREX-128/newstest2019-ref.{code}.txt")
        if not len(lines) == len(ids) == len(sources):
            raise SystemExit(f"NTREX {code}: {len(lines)} lines for {len(ids)} document ids, {len(sources)} source lines")
        documents: dict[str, list[str]] = {}
        for doc, line, source in zip(ids, lines, sources, strict=True):
            # (The headline, each document's first line, is its `# ` heading below.)
            body = documents.setdefault(doc, [])
            body.append(headed(line, source) if body else line)
        folder = out / "ntrex" / language
        folder.mkdir(parents=True, exist_ok=True)
        for doc, (headline, *body) in documents.items():
            text = "\n\n".join(joined(p, language) for p in paragraphs([s for s in body if s], language))
            (folder / f"{doc}.md").write_text(f"# {headline}\n\n{text}\n", encoding="utf-8")
        print(f"ntrex {language}: {len(documents)} documents")


def wmt21(git_dir: Path, out: Path) -> None:
    for language, name in WMT21.items():
        sources = lines_at(git_dir, f"txt/sources/{WMT21_SOURCES[language]}")
        lines = lines_at(git_dir, f"txt/references/{name}")
        if len(lines) != len(sources):
            raise SystemExit(f"WMT21 {language}: {len(lines)} lines for {len(sources)} source lines")
        lines = [headed(line, source) for line, source in zip(lines, sources, strict=True)]
        folder = out / "wmt21" / language
        folder.mkdir(parents=True, exist_ok=True)
        for n, part in chunks(lines, language):
            text = "\n\n".join(joined(p, language) for p in paragraphs(part, language))
            (folder / f"part{n:03}.md").write_text(text + "\n", encoding="utf-8")
        print(f"wmt21 {language}: {len(lines)} lines")


def wmt24(git_dir: Path, out: Path) -> None:
    for language in WMT24:
        docs = lines_at(git_dir, f"txt-ts/documents/en-{language}.docs")
        lines = lines_at(git_dir, f"txt-ts/references/en-{language}.refA.txt")
        documents: dict[str, list[str]] = {}
        for meta, line in zip(docs, lines, strict=True):
            domain, _, doc = meta.partition("\t")
            if domain in ("news", "literary") and line:
                documents.setdefault(doc, []).append(line)
        folder = out / "wmt24" / language
        folder.mkdir(parents=True, exist_ok=True)
        for doc, paras in documents.items():
            # The first line is the headline (as NTREX's): a heading where it has no end mark.
            head, *rest = paras
            head = f"# {head}" if head[-1:].isalnum() else head
            (folder / f"{doc}.md").write_text("\n\n".join([head, *rest]) + "\n", encoding="utf-8")
        print(f"wmt24 {language}: {len(documents)} documents")


def ud(language: str, git_dir: Path, out: Path) -> None:
    git = ["git", "-C", str(git_dir)] if (git_dir / ".git").exists() else ["git", "--git-dir", str(git_dir)]
    names = subprocess.run([*git, "ls-tree", "-r", "--name-only", "HEAD"], capture_output=True, text=True,
                           check=True).stdout.split()
    folder = out / "ud" / language
    folder.mkdir(parents=True, exist_ok=True)
    files: list[list[str]] = [[]]
    for name in sorted(n for n in names if n.endswith(".conllu") and "/" not in n):
        if subprocess.run([*git, "cat-file", "-e", f"HEAD:{name}"], capture_output=True).returncode:
            print(f"ud {language}: {name} is listed but absent (a snapshot without its largest files): skipped")
            continue
        for line in lines_at(git_dir, name):
            if (line.startswith("# newdoc") and len(files[-1]) >= 3) or len(files[-1]) >= 10:
                files.append([])
            if line.startswith("# text ="):
                files[-1].append(line.partition("=")[2].strip())
    written = [f for f in files if f]
    for i, sentences in enumerate(written):
        text = "\n\n".join(joined(p, language) for p in paragraphs(sentences, language))
        (folder / f"{git_dir.parent.name.split('+')[-1]}.{i:04}.md").write_text(text + "\n", encoding="utf-8")
    print(f"ud {language}: {sum(map(len, written))} sentences in {len(written)} files")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--ntrex", type=Path, help="a clone of MicrosoftTranslator/NTREX")
    ap.add_argument("--wmt21", type=Path, help="a clone of wmt-conference/wmt21-news-systems")
    ap.add_argument("--wmt24", type=Path, help="a clone of wmt-conference/wmt24-news-systems")
    ap.add_argument("--ud", action="append", default=[], metavar="LANG=GITDIR",
                    help="a clone of a Universal Dependencies treebank (UniversalDependencies/UD_*)")
    args = ap.parse_args()
    for spec in args.ud:
        language, _, git_dir = spec.partition("=")
        ud(language, Path(git_dir), args.out)
    for source, convert in (("ntrex", ntrex), ("wmt21", wmt21), ("wmt24", wmt24)):
        if getattr(args, source):
            convert(getattr(args, source), args.out)


if __name__ == "__main__":
    main()

"""L101's spans: where an other-language run spliced into real text is underlined.

    python bench/l101_spans.py --text pl=PATH --text fr=PATH ... [--english PATH] [--half dev|test|all]
                               [--per-mode 100] [--seed 16] [--reverse] [--show N]

Each host language's folder of Markdown (`news_references.py` writes professionally translated news) gives
paragraphs of 12 words or more; an English run (real sentences from --english) is spliced into a copy in
one of three ways, and the copy is linted with L101 alone, in its language:

- `between`: an English sentence between two of the paragraph's sentences (`languages.py inject`'s kind);
- `glued`: an English sentence glued to the end of one of the paragraph's sentences, whose end mark is
  dropped (`… w sieci lokalnej You can override any option from the command line.`): a heading or a list
  item run into the next sentence, a machine-translation segment joined to its neighbour;
- `phrase`: six to twelve words of an English sentence inside one of the paragraph's sentences.

`--reverse` also splices each host language's sentences (`between` and `glued`) into English paragraphs of
--english, linted as English.

For each spliced run: `found` (an L101 finding overlaps it), `exact` (a finding that overlaps it starts and
ends within two characters of its seams, white space not counted), `starts-in-host` (one starts more than
two characters before the run: the underline takes in the host's words), `ends-in-host` (one ends more than
two characters after it), `short` (every finding on it starts late or ends early: the underline misses part of
it), and `elsewhere`: findings that do not touch the run (the host's own text flagged).
Halves are by file, as in `languages.py` (dev to tune on, test to report).
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from languages import (
    MDX,
    Injected,
    english_sentence,
    english_sentences,
    files_in,
    markdown_files,
    paragraphs_of,
    quoted_spans,
)

from lint.config import Config
from lint.engine import Linter
from lint.model import Source

_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
# A sentence's end mark before white space (or a CJK one): where a glued sentence replaces it.
_END_MARK = re.compile(r"[.!?](?=\s+\S)|[。！？](?=\S)")
# Two words with a space between, outside the first and last two of a sentence: where a phrase goes.
_GAP = re.compile(r"(?<=[^\W\d_]) (?=[^\W\d_])")
# Seams within this many characters (white space not counted) are exact.
_SLACK = 2
MODES = ("between", "glued", "phrase")


@dataclass(frozen=True)
class Outcome:
    found: bool
    exact: bool
    starts_in_host: bool
    ends_in_host: bool
    short: bool
    elsewhere: int


def _outside_quotes(paragraph: str, at: int) -> bool:
    return not any(a < at < b for a, b in quoted_spans(paragraph))


def glued_sentence(pool: list[str]) -> Callable[[str, random.Random], Injected | None]:
    def inject(paragraph: str, rng: random.Random) -> Injected | None:
        marks = [m.start() for m in _END_MARK.finditer(paragraph) if _outside_quotes(paragraph, m.start())]
        last = len(paragraph.rstrip()) - 1
        if paragraph[last:last + 1] in (".", "!", "?", "。", "！", "？"):
            marks.append(last)
        if not marks:
            return None
        at = rng.choice(marks)
        sentence = rng.choice(pool)
        sep = "" if _CJK.search(paragraph[at - 1:at] or " ") else " "
        new = paragraph[:at] + sep + sentence + paragraph[at + 1:]
        start = at + len(sep)
        return Injected(new, start, start + len(sentence))
    return inject


def spliced_phrase(pool: list[str]) -> Callable[[str, random.Random], Injected | None]:
    def inject(paragraph: str, rng: random.Random) -> Injected | None:
        words = rng.choice(pool).rstrip(".!?").split()
        if len(words) < 6:
            return None
        k = rng.randint(6, min(12, len(words)))
        j = rng.randint(0, len(words) - k)
        phrase = " ".join(words[j:j + k]).strip(",;:")
        if _CJK.search(paragraph):
            gaps = [i for i in range(2, len(paragraph) - 2) if _CJK.match(paragraph[i - 1]) and _CJK.match(paragraph[i])]
            sep = ""
        else:
            gaps = [m.start() for m in _GAP.finditer(paragraph)]
            sep = " "
        gaps = [g for g in gaps if _outside_quotes(paragraph, g)]
        if not gaps:
            return None
        at = rng.choice(gaps)
        if sep:  # the gap is a space: the phrase goes after it, with a space of its own after
            new = paragraph[:at + 1] + phrase + sep + paragraph[at + 1:]
            return Injected(new, at + 1, at + 1 + len(phrase))
        new = paragraph[:at] + phrase + paragraph[at:]
        return Injected(new, at, at + len(phrase))
    return inject


def _apart(text: str, a: int, b: int) -> int:
    """Characters between offsets ``a`` and ``b`` of ``text``, white space not counted."""
    lo, hi = min(a, b), max(a, b)
    return sum(not c.isspace() for c in text[lo:hi])


def merged(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The findings' spans, those with only white space between them made one (L101 reports each sentence of
    a run, and each part of one cut at a colon, on its own)."""
    out: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if out and not text[out[-1][1]:s].strip():
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


def outcome(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> Outcome:
    spans = merged(text, spans)
    touching = [(s, e) for s, e in spans if s < end and start < e]
    return Outcome(
        found=bool(touching),
        exact=any(_apart(text, s, start) <= _SLACK and _apart(text, e, end) <= _SLACK for s, e in touching),
        starts_in_host=any(s < start and _apart(text, s, start) > _SLACK for s, _ in touching),
        ends_in_host=any(e > end and _apart(text, e, end) > _SLACK for _, e in touching),
        short=(bool(touching) and not any(_apart(text, s, start) <= _SLACK or s < start for s, _ in touching))
        or (bool(touching) and not any(_apart(text, e, end) <= _SLACK or e > end for _, e in touching)),
        elsewhere=len(spans) - len(touching),
    )


@dataclass
class Tally:
    tried: int = 0
    found: int = 0
    exact: int = 0
    starts_in_host: int = 0
    ends_in_host: int = 0
    short: int = 0
    elsewhere: int = 0

    def add(self, o: Outcome) -> None:
        self.tried += 1
        self.found += o.found
        self.exact += o.exact
        self.starts_in_host += o.starts_in_host
        self.ends_in_host += o.ends_in_host
        self.short += o.short
        self.elsewhere += o.elsewhere

    def row(self, name: str) -> str:
        return (f"{name:16} tried {self.tried:5}  found {self.found:5}  exact {self.exact:5}  "
                f"starts-in-host {self.starts_in_host:4}  ends-in-host {self.ends_in_host:4}  short {self.short:4}  "
                f"elsewhere {self.elsewhere:3}")


def _l101(linter: Linter, text: str, lang: str) -> list[tuple[int, int]]:
    config = Config(language=lang, formats=dict(MDX), select=["L101"])
    found = linter.findings(Source(f"spliced.{lang}.md", text + "\n"), config)
    return [(f.start, f.end) for f in found if f.code == "L101"]


def _host_sentences(paragraphs: list[str]) -> list[str]:
    out = []
    for p in paragraphs:
        for s in re.split(r"(?<=[.!?])\s+|(?<=[。！？])", p):
            if 8 <= len(s.split()) <= 30 or (_CJK.search(s) and 20 <= len(s) <= 80):
                if s[-1:] in ".!?。！？" and not quoted_spans(s):
                    out.append(s)
    return out


def _marked(injected: Injected, spans: list[tuple[int, int]]) -> str:
    """The spliced text with the run in ⟨ ⟩ and the findings in ⟦ ⟧."""
    marks = sorted([(injected.start, "⟨"), (injected.end, "⟩"), *((s, "⟦") for s, _ in spans),
                    *((e, "⟧") for _, e in spans)], key=lambda p: p[0], reverse=True)
    text = injected.text
    for at, mark in marks:
        text = text[:at] + mark + text[at:]
    return text


def run(texts: list[tuple[str, Path]], english_root: Path, half: str, per_mode: int, seed: int, reverse: bool,
        show: int, only: str | None = None) -> None:
    linter = Linter()
    english = english_sentences(english_root, linter)
    by_language: dict[str, list[str]] = {}
    for lang, root in texts:
        sources = list(files_in(root, lang, half, linter))
        by_language.setdefault(lang, []).extend(paragraphs_of(sources, lang, linter))
    cases: list[tuple[str, str, str, list[str], list[str]]] = []  # (row, doc language, mode, hosts, pool)
    for lang, paragraphs in by_language.items():
        cases.extend((f"{lang}<-en", lang, mode, paragraphs, english) for mode in MODES)
    if reverse:
        english_paragraphs = list(paragraphs_of(
            [Source(str(p), p.read_text(encoding="utf-8")) for p in markdown_files(english_root, half)], "en", linter))
        for lang, paragraphs in by_language.items():
            cases.extend((f"en<-{lang}", "en", mode, english_paragraphs, _host_sentences(paragraphs))
                         for mode in ("between", "glued"))
    print(f"half {half}; paragraphs: { {k: len(v) for k, v in by_language.items()} }; English sentences: {len(english)}")
    injectors = {"between": english_sentence, "glued": glued_sentence, "phrase": spliced_phrase}
    rng = random.Random(seed)
    by_row: dict[str, Tally] = {}
    shown: list[str] = []
    for row, lang, mode, hosts, pool in cases:
        if not hosts or not pool:
            continue
        tally = by_row.setdefault(row, Tally())
        mode_tally = Tally()
        inject = injectors[mode](pool)
        for paragraph in rng.sample(hosts, min(len(hosts), per_mode * 3)):
            if mode_tally.tried >= per_mode:
                break
            injected = inject(paragraph, rng)
            if injected is None:
                continue
            spans = _l101(linter, injected.text, lang)
            o = outcome(injected.text, injected.start, injected.end, spans)
            tally.add(o)
            mode_tally.add(o)
            if o.found and not o.exact and len(shown) < show and f"{row} {mode}".startswith(only or ""):
                shown.append(f"{row} {mode}: {_marked(injected, spans)}")
        print(mode_tally.row(f"{row} {mode}"))
    print()
    everything = Tally()
    for row, tally in by_row.items():
        print(tally.row(row))
        for name in ("tried", "found", "exact", "starts_in_host", "ends_in_host", "short", "elsewhere"):
            setattr(everything, name, getattr(everything, name) + getattr(tally, name))
    print(everything.row("all"))
    for line in shown:
        print("  " + line.replace("\n", "⏎"))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--text", action="append", required=True, help="LANG=PATH of a folder of Markdown")
    ap.add_argument("--english", type=Path, default=Path(__file__).resolve().parent.parent.parent / "shared" / "corpus")
    ap.add_argument("--half", choices=("dev", "test", "all"), default="dev")
    ap.add_argument("--per-mode", type=int, default=100)
    ap.add_argument("--seed", type=int, default=16)
    ap.add_argument("--reverse", action="store_true", help="also splice each language's sentences into English")
    ap.add_argument("--show", type=int, default=0, help="print this many found runs whose span is not exact")
    ap.add_argument("--only", help="the rows to print runs of (`pl<-en`, `en<-de glued`): a prefix")
    args = ap.parse_args()
    texts = [(v.partition("=")[0], Path(v.partition("=")[2])) for v in args.text]
    run(texts, args.english, args.half, args.per_mode, args.seed, args.reverse, args.show, args.only)


if __name__ == "__main__":
    main()

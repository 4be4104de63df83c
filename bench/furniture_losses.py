"""Where the line rules lose recall on the furniture lines of bench/recall.py (issue 15), on the development
half alone (sites split as recall.py splits them; the test half is never read here): each furniture line is
put in the first class that holds it, counted, and a few of each shown.

  - found: a line rule (S102, S110, S111) covers it;
  - title: the text's first line, which S111 never judges;
  - no body: the page has no line of prose (20+ spaces, a sentence's end), so S111 has no body to place it by;
  - inside body: between the body's first and last prose line (`text_structure`: S111 never judges it; a
    furniture paragraph of prose after the article, a call to action or an author's note, makes every short
    line above it "inside");
  - list/table: a bulleted list's item or a table's row (`text_structure`);
  - gated: S111's score reaches the threshold but the page shows fewer than MIN_SIGNALS furniture lines;
  - score: under the threshold, before or after the body (by how far under it).

    COPYLINT_RECALL_DATA=... python bench/furniture_losses.py [--source aeb,wceb] [--examples 6]
"""

from __future__ import annotations

import argparse
import collections
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import recall
from lint.rules.scrape.furniture_line import layout_of, line_features, model, text_structure

_ENDS = ".!?\"”’)"


def shape(line: str) -> str:
    """A line's shape: its words (binned as the model bins them) and whether it ends a sentence."""
    words = len(line.split())
    size = "1-3" if words <= 3 else "4-8" if words <= 8 else "9-20" if words <= 20 else "21+"
    ends = line.rstrip()[-1:] in _ENDS
    return f"{size} words{', sentence' if ends else ''}"


def why_missed(page: recall.Page, k: int, covered: dict[int, str], scores: list[float]) -> str:
    """The class of a furniture line (see the docstring)."""
    if k in covered:
        return "found " + covered[k]
    if k == 0:
        return "title"
    layout = layout_of(page.lines)
    body = layout.body
    if not body:
        return "no body"
    if body[0] < k < body[-1]:
        return "inside body"
    if text_structure(page.lines, k, layout):
        return "list/table"
    where = "before body" if k < body[0] else "after body"
    m = model()
    if scores[k] >= m.threshold:
        return "gated " + where
    return f"score {'0.7+' if scores[k] >= 0.7 else '<0.7'} {where}"


def losses(pages: list[recall.Page], examples: int) -> None:
    classes: collections.Counter[str] = collections.Counter()
    shapes: collections.Counter[tuple[str, str]] = collections.Counter()
    shown: dict[str, list[str]] = collections.defaultdict(list)
    m = model()
    for page in pages:
        if recall.half(page.site) != "dev" or not any(page.labels):
            continue
        covered = recall.flagged_lines(page.lines, recall.LINE_RULES)
        scores = [m.score(x) for x in line_features(page.lines)]
        for k, (line, label) in enumerate(zip(page.lines, page.labels, strict=True)):
            if not label:
                continue
            why = why_missed(page, k, covered, scores)
            classes[why] += 1
            if not why.startswith("found"):
                shapes[(why.split()[0], shape(line))] += 1
                if len(shown[why]) < examples:
                    shown[why].append(line[:90])
    print(f"  furniture lines {sum(classes.values())}")
    for why, n in classes.most_common():
        print(f"  {n:5d} {why}")
    print("  missed, by class and shape:")
    for (why, form), n in shapes.most_common(12):
        print(f"  {n:5d} {why}: {form}")
    for why, lines in shown.items():
        print(f"  {why}:")
        for line in lines:
            print(f"      {line!r}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--source", default="aeb,wceb")
    ap.add_argument("--examples", type=int, default=6)
    args = ap.parse_args()
    for source in args.source.split(","):
        print(f"## {source} (development half)")
        if source == "aeb":
            losses(recall.aeb_pages("newspaper,readability,boilerpipe,goose3,justext,trafilatura".split(",")),
                   args.examples)
        elif source == "wceb":
            losses(recall.wceb_pages(), args.examples)


if __name__ == "__main__":
    main()

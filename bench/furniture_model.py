"""Train S111's line model (logistic regression, fitted with numpy: `pip install numpy`, for training only; the rule reads
the JSON it writes in plain Python) on the development half of the labelled
furniture lines that bench/recall.py reads (sites split by a hash of their name), choose its threshold
by cross-validation over the development sites, and write rules/scrape/data/furniture_line.json. The
test half is never read here: bench/recall.py --half test reports it.

The threshold: five folds by site; each fold's pages are scored by a model fitted on the other four, and
judged as the rule judges them (only the lines S102/S110 leave; nothing on a page that shows fewer than
MIN_SIGNALS furniture lines in all); the threshold is the lowest whose pooled precision on those
labelled lines reaches --precision.

--wceb adds the web-content-extraction benchmark's development pages (bench/recall.py --prepare-wceb) to the
fit and to the threshold's folds: 2025 pages of 211 development sites, their furniture (cookie notices, calls
to action, author lines, review notes) of shapes the 2019 article benchmark has few of. --judged-only fits on
the lines S111 judges alone (on the development folds it found fewer: kept for the record, not used).

    python bench/furniture_model.py [--precision 0.8] [--epochs 400] [--wceb] [--judged-only]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import sys
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import recall
from lint.rules.scrape.furniture_line import FEATURES, MIN_SIGNALS, MODEL, layout_of, line_features, text_structure

import lint

# A labelled line's features and its label.
Sample = tuple[list[float], bool]
# The rules that count in bench/recall.py beside S111, whose lines S111 leaves alone.
OTHERS = [code for code in recall.LINE_RULES if code != "S111"]


@dataclass(frozen=True)
class PageSample:
    """A development page as S111 sees it: every line but the first (the title), its label (None: not
    counted), whether S111 judges it (no other rule took it, and it is no part of the text's own structure),
    and how many findings the others made."""

    site: str
    features: list[list[float]]
    labels: list[bool | None]
    judged: list[bool]
    taken: int

    def labelled(self, judged_only: bool = False) -> list[Sample]:
        return [(x, y) for x, y, j in zip(self.features, self.labels, self.judged, strict=True)
                if y is not None and (j or not judged_only)]


def samples(pages: list[recall.Page]) -> list[PageSample]:
    """The development half's pages."""
    out = []
    for page in pages:
        if recall.half(page.site) != "dev" or len(page.lines) < 2:
            continue
        taken = recall.flagged_lines(page.lines, OTHERS)
        findings = lint.check_text("\n\n".join(page.lines) + "\n", path="page.txt", select=OTHERS)
        n = len(page.lines)
        layout = layout_of(page.lines)
        # (A line of the text's own structure is never reported, whatever it scores: the rule does not judge it.)
        out.append(PageSample(page.site, line_features(page.lines)[1:], list(page.labels[1:]),
                              [k not in taken and not text_structure(page.lines, k, layout) for k in range(1, n)],
                              len(findings)))
    return out


def fit(data: list[Sample], epochs: int, l2: float = 1e-3, rate: float = 0.5) -> list[float]:
    """Batch gradient descent on the log loss, the classes weighted to count alike (numpy, a training-only
    dependency: the web-content-extraction benchmark's lines made a plain-Python fit take many minutes)."""
    import numpy as np

    x = np.asarray([f for f, _ in data], dtype=float).reshape(len(data), len(FEATURES))
    y = np.asarray([1.0 if label else 0.0 for _, label in data])
    pos = float(y.sum())
    neg = len(data) - pos
    cw = np.where(y > 0, len(data) / (2 * max(pos, 1.0)), len(data) / (2 * max(neg, 1.0)))
    w = np.zeros(len(FEATURES))
    for _ in range(epochs):
        p = 1 / (1 + np.exp(-np.clip(x @ w, -30, 30)))
        w = w - rate * ((x.T @ ((p - y) * cw)) / len(data) + l2 * w)
    return [float(v) for v in w]


def score(w: list[float], x: list[float]) -> float:
    z = sum(a * b for a, b in zip(w, x, strict=True))
    return 1 / (1 + math.exp(-max(-30, min(30, z))))


# A page's scored lines: (score, label, judged), and the others' findings on it.
Scored = tuple[list[tuple[float, bool | None, bool]], int]


def judged_at(pages: list[Scored], t: float) -> tuple[int, int, int]:
    """S111's true and false findings at threshold ``t`` on the labelled lines, and the furniture lines
    it judged (those the others left), the page gate applied as the rule applies it."""
    tp = fp = total = 0
    for lines, taken in pages:
        flagged = [judged and s >= t for s, _, judged in lines]
        shown = sum(flagged) + taken >= MIN_SIGNALS
        for (_, y, judged), f in zip(lines, flagged, strict=True):
            if y is None or not judged:
                continue
            total += y
            tp += shown and f and y
            fp += shown and f and not y
    return tp, fp, total


def threshold_for(pages: list[Scored], precision: float) -> tuple[float, float, float]:
    """The lowest threshold (in steps of 0.005) whose precision reaches ``precision``: (threshold,
    precision, recall)."""
    best = (1.0, 1.0, 0.0)
    for step in range(199, 99, -1):
        t = step / 200
        tp, fp, total = judged_at(pages, t)
        if tp and tp / (tp + fp) >= precision and tp / max(total, 1) > best[2]:
            best = (t, tp / (tp + fp), tp / max(total, 1))
    return best


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--precision", type=float, default=0.8)
    ap.add_argument("--epochs", type=int, default=400)
    ap.add_argument("--judged-only", action="store_true",
                    help="fit on the lines the rule judges alone (not those other rules take or the text's structure)")
    ap.add_argument("--wceb", action="store_true", help="add the web-content-extraction benchmark's pages")
    args = ap.parse_args()
    pages = samples(recall.aeb_pages("newspaper,readability,boilerpipe,goose3,justext,trafilatura".split(","))
                    + recall.trafilatura_pages() + (recall.wceb_pages() if args.wceb else []))
    folds = 5
    sites = {p.site for p in pages}
    fold = {s: int(hashlib.sha256(("threshold:" + s).encode()).hexdigest(), 16) % folds for s in sites}
    out_of_fold: list[Scored] = []
    for f in range(folds):
        w = fit([x for p in pages if fold[p.site] != f for x in p.labelled(args.judged_only)], args.epochs)
        out_of_fold += [([(score(w, x), y, j) for x, y, j in zip(p.features, p.labels, p.judged, strict=True)],
                         p.taken) for p in pages if fold[p.site] == f]
    for goal in (0.9, 0.85, 0.8, 0.75, 0.7):
        print("  (out of fold: precision %.2f at threshold %.3f: precision %.2f, recall %.2f)"
              % (goal, *threshold_for(out_of_fold, goal)))
    t, p, r = threshold_for(out_of_fold, args.precision)
    train = [x for page in pages for x in page.labelled(args.judged_only)]
    w = fit(train, args.epochs)
    print(f"fit on {len(train)} lines of {len(sites)} development sites ({sum(y for _, y in train)} furniture); "
          f"threshold chosen out of fold ({folds} folds by site) on the lines S111 judges: {t:.3f} (precision "
          f"{p:.2f}, recall {r:.2f} of the furniture the other rules leave)")
    for name, wi in sorted(zip(FEATURES, w, strict=True), key=lambda z: -abs(z[1])):
        print(f"  {name:>14} {wi:+.2f}")
    MODEL.write_text(json.dumps({
        "about": "S111 line model: logistic regression over FEATURES, trained by bench/furniture_model.py on the "
                 "development half (sites split by sha256 of the site name) of the article-extraction "
                 "benchmark (github.com/scrapinghub/article-extraction-benchmark, extractor outputs)"
                 + (", the web-content-extraction benchmark's article and blog pages (github.com/tiptopjaw/"
                    "web-content-extraction-benchmark, bench/recall.py --prepare-wceb)" if args.wceb else "")
                 + " and trafilatura's English evaluation pages (../shared/corpora/trafilatura); threshold chosen "
                 f"out of fold over the development sites (pooled precision {args.precision} on the lines S111 "
                 "judges)",
        "features": list(FEATURES),
        "weights": [round(x, 4) for x in w],
        "threshold": round(t, 4),
    }, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {MODEL}")


if __name__ == "__main__":
    main()

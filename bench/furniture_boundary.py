"""Whether a better article-body boundary lifts the line rules' recall on the furniture lines of
bench/recall.py (issue 15), on the development half alone (the test half is never read here).

S111 takes its "body" to run from the first to the last line of prose (20+ spaces, a sentence's end) and
never judges a line between them (`text_structure`): one furniture paragraph after the article (a teaser,
a cookie notice) hides every short furniture line above it. This script replaces that boundary, in memory
(the rule's module is patched here, never edited), and prints S102/S110/S111's precision and recall:

  --trim none     the first-to-last rule (the product's; with --refit, S111 refitted as below);
  --trim oracle   the body's prose lines that the ground truth labels furniture are cut off its two ends
                  (a ceiling: the labels decide);
  --trim model    the same cut by a paragraph model (logistic, numpy): is this prose line the article's?
                  fitted on the development sites of four folds and applied to the fifth's (out of fold),
                  over each prose line's rank from either end, the lines between it and its neighbours,
                  its length against the page's median, its words' overlap with the other prose lines,
                  reader address, an ellipsis, a link, digits, capitals and function words;
                  lines are cut from each end while their score is --cut or more.

Needs numpy for --trim model and --refit (as bench/furniture_model.py; training only).

--refit fits S111 again with the layout the boundary gives (bench/furniture_model.py's fit and
out-of-fold threshold, --precision), keeping prose lines out of the fit and out of judgment: fitted on
furniture paragraphs, the line model learns to flag prose and its threshold climbs (tried: the oracle
boundary refitted with them gave aeb 0.40, wceb 0.16). Without --refit the shipped model judges.

    COPYLINT_RECALL_DATA=... python bench/furniture_boundary.py --trim oracle --refit
    COPYLINT_RECALL_DATA=... python bench/furniture_boundary.py --trim model --cut 0.8,0.9 --refit
"""

from __future__ import annotations

import argparse
import collections
import dataclasses
import hashlib
import itertools
import math
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import furniture_model as fm
import lint.rules.scrape.furniture_line as fl
import recall

PARAGRAPH_FEATURES = ("bias", "is_last", "is_first", "rank_from_end", "rank", "gap_before", "gap_after",
                      "log_chars", "reader", "overlap", "ellipsis", "url", "digits", "position", "stop_ratio",
                      "capitalized", "relative_length", "short_before", "short_after", "question", "single")
_FOLDS = 5


def _log3(n: int) -> float:
    return min(1.0, math.log(1 + n) / 3)


def paragraph_features(lines: Sequence[str], layout: fl.Layout) -> list[list[float]]:
    """Each prose line's (``layout.body``'s) features, in PARAGRAPH_FEATURES' order."""
    body, n = layout.body, len(lines)
    words = {k: [w.lower() for w in fl._WORD.findall(lines[k])] for k in body}
    vocabulary = collections.Counter(w for k in body for w in set(words[k]) if len(w) > 3 and w not in fl._STOP)
    lengths = sorted(len(lines[k]) for k in body)
    median = lengths[len(lengths) // 2]
    out = []
    for i, k in enumerate(body):
        line, low = lines[k], words[k]
        content = [w for w in set(low) if len(w) > 3 and w not in fl._STOP]
        before = k - body[i - 1] - 1 if i else k
        after = body[i + 1] - k - 1 if i + 1 < len(body) else n - 1 - k
        out.append([
            1.0, float(i == len(body) - 1), float(i == 0), _log3(len(body) - 1 - i), _log3(i),
            _log3(before), _log3(after), math.log(1 + len(line)) / 6,
            float(any(w in fl._READER for w in low)),
            sum(vocabulary[w] > 1 for w in content) / len(content) if content else 0.0,
            float(line.endswith(("...", "…"))), float("http" in line or "@" in line or "www." in line),
            min(1.0, 5 * sum(c.isdigit() for c in line) / len(line)), k / n,
            sum(w in fl._STOP for w in low) / max(1, len(low)),
            sum(w[:1].isupper() for w in fl._WORD.findall(line)) / max(1, len(low)),
            min(2.0, len(line) / median) / 2,
            layout.shorts[k - 1] if k else 1.0, layout.shorts[k + 1] if k + 1 < n else 1.0,
            float("?" in line), float(len(body) == 1),
        ])
    return out


def fit(x: list[list[float]], y: list[bool], epochs: int = 600) -> list[float]:
    """Logistic regression, classes weighted alike (as furniture_model.fit, over other features)."""
    import numpy as np

    xa, ya = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    pos = float(ya.sum())
    cw = np.where(ya > 0, len(ya) / (2 * max(pos, 1.0)), len(ya) / (2 * max(len(ya) - pos, 1.0)))
    w = np.zeros(xa.shape[1])
    for _ in range(epochs):
        p = 1 / (1 + np.exp(-np.clip(xa @ w, -30, 30)))
        w = w - 0.5 * ((xa.T @ ((p - ya) * cw)) / len(ya) + 1e-3 * w)
    return [float(v) for v in w]


def _fold(site: str) -> int:
    return int(hashlib.sha256(("paragraph:" + site).encode()).hexdigest(), 16) % _FOLDS


def paragraph_models(pages: list[recall.Page]) -> dict[int, list[float]]:
    """A paragraph model per fold, fitted on the other folds' development pages (labelled prose lines)."""
    rows = []
    for page in pages:
        layout = fl.layout_of(page.lines)
        if layout.body:
            feats = paragraph_features(page.lines, layout)
            rows += [(_fold(page.site), x, page.labels[k]) for x, k in zip(feats, layout.body, strict=True)
                     if page.labels[k] is not None]
    return {f: fit([x for g, x, _ in rows if g != f], [bool(y) for g, _, y in rows if g != f]) for f in range(_FOLDS)}


def _with_body(layout: fl.Layout, body: list[int]) -> fl.Layout:
    """The layout with another body: its distances recomputed as ``layout_of`` computes them."""
    n = len(layout.lines)
    scaled = fl._scaled(n)
    if not body:
        return dataclasses.replace(layout, body=[], body_distance=[scaled[n]] * n, before_body=scaled[n:0:-1])
    distance = scaled[body[0]:0:-1]
    for a, b in itertools.pairwise(body):
        half = (b - a) // 2
        distance += scaled[:half + 1] + scaled[b - a - half - 1:0:-1]
    distance += scaled[:n - body[-1]]
    before = [*scaled[body[0]:0:-1], *[0.0] * (n - body[0])]
    return dataclasses.replace(layout, body=body, body_distance=distance, before_body=before)


def trimmed(body: list[int], cut: Callable[[int], bool]) -> list[int]:
    """The body less the prose lines ``cut`` names at its two ends (its middle is kept)."""
    i, j = 0, len(body) - 1
    while j >= 0 and cut(j):
        j -= 1
    while i < j and cut(i):
        i += 1
    return body[i:j + 1]


def patch(mode: str, cut: float, pages: list[recall.Page], refit: bool) -> None:
    """Replace the rule's ``layout_of`` (and, with ``refit``, keep prose lines out of judgment)."""
    original, original_structure = fl.layout_of, fl.text_structure
    labels = {page.lines: page.labels for page in pages}
    sites = {page.lines: page.site for page in pages}
    models = paragraph_models(pages) if mode == "model" else {}

    def layout_of(lines: Sequence[str]) -> fl.Layout:
        layout = original(lines)
        key = tuple(lines)
        if mode == "none" or not layout.body or key not in labels:
            return layout
        if mode == "oracle":
            label = labels[key]
            return _with_body(layout, trimmed(layout.body, lambda i: label[layout.body[i]] is True))
        w = models[_fold(sites[key])]
        scores = [1 / (1 + math.exp(-max(-30.0, min(30.0, sum(a * b for a, b in zip(w, x, strict=True))))))
                  for x in paragraph_features(lines, layout)]
        return _with_body(layout, trimmed(layout.body, lambda i: scores[i] >= cut))

    def text_structure(lines: Sequence[str], k: int, layout: fl.Layout) -> bool:
        return _prose(lines[k]) or original_structure(lines, k, layout)

    fl.layout_of = layout_of  # type: ignore[assignment]
    fm.layout_of = layout_of  # type: ignore[assignment]
    if refit:
        fl.text_structure = text_structure  # type: ignore[assignment]
        fm.text_structure = text_structure  # type: ignore[assignment]


def _prose(line: str) -> bool:
    return line.endswith(fl._ENDINGS) and line.count(" ") >= 20


def refitted(pages: list[recall.Page], precision: float) -> fl.Model:
    """S111 fitted again on the development pages (furniture_model's fit and threshold), prose lines left out."""
    samples = fm.samples(pages)
    for s in samples:  # (a prose line: features `ends_sentence` and `words_21_plus`)
        s.labels[:] = [None if x[10] == 1.0 and x[5] == 1.0 else y for x, y in zip(s.features, s.labels, strict=True)]
    fold = {s.site: int(hashlib.sha256(("threshold:" + s.site).encode()).hexdigest(), 16) % _FOLDS for s in samples}
    out_of_fold: list[fm.Scored] = []
    for f in range(_FOLDS):
        w = fm.fit([x for s in samples if fold[s.site] != f for x in s.labelled()], 400)
        out_of_fold += [([(fm.score(w, x), y, j) for x, y, j in zip(s.features, s.labels, s.judged, strict=True)],
                         s.taken) for s in samples if fold[s.site] == f]
    t, p, r = fm.threshold_for(out_of_fold, precision)
    print(f"  S111 refitted: threshold {t:.3f} (out of fold on the lines it judges: precision {p:.2f}, recall {r:.2f})")
    return fl.Model(tuple(fm.fit([x for s in samples for x in s.labelled()], 400)), t)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--trim", choices=("none", "oracle", "model"), default="model")
    ap.add_argument("--cut", default="0.8", help="the paragraph model's scores that cut a prose line (comma list)")
    ap.add_argument("--refit", action="store_true")
    ap.add_argument("--precision", type=float, default=0.8)
    args = ap.parse_args()
    aeb = [p for p in recall.aeb_pages("newspaper,readability,boilerpipe,goose3,justext,trafilatura".split(","))
           if recall.half(p.site) == "dev"]
    wceb = [p for p in recall.wceb_pages() if recall.half(p.site) == "dev"]
    traf = [p for p in recall.trafilatura_pages() if recall.half(p.site) == "dev"]
    shipped = fl.model()
    original = fl.layout_of, fl.text_structure
    for cut in map(float, args.cut.split(",")):
        fl.layout_of, fl.text_structure = original  # type: ignore[assignment]
        fm.layout_of, fm.text_structure = original  # type: ignore[assignment]
        patch(args.trim, cut, aeb + wceb, args.refit)
        m = refitted(aeb + traf + wceb, args.precision) if args.refit else shipped
        fl.model = lambda m=m: m  # type: ignore[assignment, misc]
        print(f"# trim {args.trim}" + (f" at {cut}" if args.trim == "model" else "")
              + (", S111 refitted" if args.refit else ", the shipped S111"))
        recall.run_furniture("aeb", aeb, ("dev",), 0)
        recall.run_furniture("wceb", wceb, ("dev",), 0)


if __name__ == "__main__":
    main()

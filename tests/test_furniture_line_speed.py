"""S111's shortcuts must choose what its plain reading chooses: the lines cut by maps in C (``written_lines``)
are the lines its regex finds; the first line's run-on test is the pattern's; the layout read by maps is the
layout read line by line; the bounds, searched for a digit only where the slack could lift them to the floor,
prune the lines the plain bounds prune; and the rule, which scores only the lines its bounds leave, reports
what scoring every line with every feature reports."""

from __future__ import annotations

import math
import random
import re
from collections import Counter
from collections.abc import Sequence
from itertools import pairwise

from lint.rules.scrape import furniture_line as fl
from lint.rules.scrape._furniture import LINE

from lint.config import Config
from lint.engine import Linter, Selection
from lint.model import Document, Finding, Source

_RUNS_ON = re.compile(r"^[^\n]{39,}[a-z,;][ \t]*\n(?=[ \t]*[a-z])", re.MULTILINE)
_END = re.compile(r"[.!?][\"”’)\]]?$")
_DIGIT = re.compile(r"\d")

_BODY = ("The storm closed every school in the county on Monday, officials said, and more snow is expected "
         "on Tuesday night across the whole of the region.",
         "Parents were told to check the district's website for updates before leaving home, and buses will "
         "run on a reduced schedule until Thursday at the earliest.",
         "Le président a dit que la réforme serait adoptée avant la fin de l'année, malgré les protestations "
         "des syndicats et de l'opposition au parlement.")
_LINES = ("Most Read", "SHARE THIS STORY", "Newsletter", "EMAIL ME", "NOVEMBER 20, 2019 10:43", "Fax: 972-3-561-3699",
          "Contact Us", "Topics", "(Applause)", "Thank you.", "© 2020 Example Media", "(C) Example", "Read more...",
          "Continue reading…", "Tags: storm | snow | schools", "http://example.com/a", "mail us @ news", "Why now?",
          "- item one", "• item two", "* item", "1. First", "x² and y³", "① circled", "٣ arabic digit", "Σύνοψη",
          "Related:", "Mayor Jane Smith", "the end of the line", "I love snow days!", "Posted 2 hours ago",
          "a line that is long enough to run on to the next one, and it does so here,")
_BREAKS = ("\n", "\n", "\n\n", "\r\n", "\r", "\n \n", "  \n", "\t\n", "\n\u00a0\n", "\x0c\n")


def _page(rng: random.Random) -> str:
    parts = []
    for _ in range(rng.randint(1, 30)):
        parts.append(rng.choice(_BODY) if rng.random() < 0.35 else rng.choice(_LINES))
        parts.append(rng.choice(_BREAKS))
    return ("" if rng.random() < 0.8 else " ") + "".join(parts)


def _layout_by_line(lines: Sequence[str]) -> fl.Layout:
    """``layout_of`` as it read the lines one by one."""
    ends = [ln.endswith(fl._ENDINGS) or (ln[-1:] == "\n" and _END.search(ln) is not None) for ln in lines]
    spaces = [ln.count(" ") for ln in lines]
    shorts = [float(c < 8 and not e) for c, e in zip(spaces, ends, strict=True)]
    sentences = [float(c >= 8 and e) for c, e in zip(spaces, ends, strict=True)]
    body = [k for k, c in enumerate(spaces) if ends[k] and c >= 20]
    n = len(lines)
    shapes = [None, *((ln[:1].isdigit(), ln[:2] in ("- ", "• ", "* "), ln[:1].isupper(), e, c < 8, "|" in ln)
                      for ln, e, c in zip(lines, ends, spaces, strict=True)), None]
    siblings = [((shapes[k] == shapes[k + 1]) + (shapes[k + 2] == shapes[k + 1])) / 2 for k in range(n)]
    scaled = [min(1.0, math.log(1 + d) / 3) for d in range(n + 1)]
    if body:
        first = body[0]
        distance = scaled[first:0:-1]
        for a, b in pairwise(body):
            gap = b - a
            distance += [scaled[d if d <= gap - d else gap - d] for d in range(gap)]
        distance += scaled[:n - body[-1]]
        before = [*scaled[first:0:-1], *[0.0] * (n - first)]
    else:
        distance = [scaled[n]] * n
        before = scaled[n:0:-1]
    return fl.Layout(lines, Counter(lines), ends, shorts, sentences, body, siblings, distance, before)


def _plain_bound(layout: fl.Layout, weights: Sequence[float], k: int) -> float:
    """A line's bound as ``bounds`` wrote it, every line searched for a digit."""
    x = _known_features(layout, k)
    w = dict(zip(fl.FEATURES, weights, strict=True))
    slack = w["bias"] + sum(max(0.0, w[f]) for f in fl._WORDED - fl._WORD_BINS - fl._DIGITED) \
        + max(0.0, *(w[f] for f in fl._WORD_BINS))
    line = layout.lines[k]
    digit = _DIGIT.search(line) if line.isascii() else any(map(str.isdigit, line))
    return slack + sum(w[f] * v for f, v in x.items()) + (sum(max(0.0, w[f]) for f in fl._DIGITED) if digit else 0.0)


def _known_features(layout: fl.Layout, k: int) -> dict[str, float]:
    lines, n = layout.lines, len(layout.lines)
    line = lines[k]
    first_body, last_body = (layout.body[0], layout.body[-1]) if layout.body else (n, -1)
    return {"log_chars": math.log(1 + len(line)) / 6, "ends_sentence": layout.ends[k],
            "ends_colon": line.endswith(":"), "ends_ellipsis": line.endswith(("...", "…")),
            "starts_lower": line[:1].islower(), "first_tenth": k < n / 10, "last_tenth": k >= n - n / 10,
            "before_body": k < first_body, "after_body": k > last_body, "repeated": layout.counts[line] > 1,
            "prev_short": layout.shorts[k - 1] if k else 1.0, "next_short": layout.shorts[k + 1] if k + 1 < n else 1.0,
            "prev_sentence": layout.sentences[k - 1] if k else 0.0,
            "next_sentence": layout.sentences[k + 1] if k + 1 < n else 0.0, "question": line.endswith("?"),
            "url_or_at": "http" in line or "@" in line or "www." in line,
            "copyright": "©" in line or "(c)" in line.lower(), "inside_body": first_body < k < last_body,
            "list_sibling": layout.siblings[k], "body_distance": layout.body_distance[k],
            "lines_before_body": layout.before_body[k], "pipe": "|" in line}


def _plain_hand_wrapped(text: str) -> bool:
    runs_on = fl._runs_on_count(text) + (_RUNS_ON.match(text) is not None)
    if runs_on < 3:
        return False
    long_lines = len(fl._LONG_AFTER_BREAK.findall(text)) + (fl._LONG_FIRST.match(text) is not None)
    return runs_on >= 0.2 * (text.count("\n") + 1) or runs_on >= 0.2 * long_lines


def _plain_rule(doc: Document, findings: Sequence[Finding]) -> list[tuple[int, int, str]]:
    """S111 scoring every line but the first with every feature (no bound, no gate before the last)."""
    text = doc.text
    if doc.format != "text" or not doc.segments or _plain_hand_wrapped(text) or fl.underlined_headings(text):
        return []
    spans = [m.span() for m in LINE.finditer(text)]
    if len(spans) < 3:
        return []
    lines = [text[s:e].strip() for s, e in spans]
    m = fl.model()
    taken = [(f.start, f.end) for f in findings if f.code in ("S102", "S110", "S109", "S101")]
    found = []
    layout = fl.layout_of(lines)
    for k, x in enumerate(fl.line_features(lines)):
        p = m.score(x)
        if k == 0 or p < m.threshold or fl.text_structure(lines, k, layout):
            continue
        s, e = spans[k]
        start, end = s + len(text[s:e]) - len(text[s:e].lstrip()), e - len(text[s:e]) + len(text[s:e].rstrip())
        if not any(a < end and b > start for a, b in taken):
            found.append((start, end, f"Line looks like page furniture (score {p:.2f}): '{lines[k][:50]}'"))
    return found if len(found) + len(taken) >= fl.MIN_SIGNALS else []


def test_the_lines_cut_in_c_are_the_lines_the_regex_finds() -> None:
    rng = random.Random(111)
    pieces = ["a", "B", " ", "\t", "\n", "\r", "\r\n", "\u00a0", "\u2028", "\x0b", "\x0c", "\x1c", "\x85", "é", "x y"]
    for _ in range(5000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        spans = [m.span() for m in LINE.finditer(text)]
        assert fl.written_lines(text) == (spans, [text[s:e].strip() for s, e in spans]), repr(text)


def test_the_first_line_runs_on_where_the_pattern_matches() -> None:
    rng = random.Random(112)
    pieces = ["a", "B", ",", ";", ".", " ", "\t", "\r", "é", "z"]
    seen = wrapped = 0
    for _ in range(20000):
        lines = [rng.choice(("", "x" * 38, "y" * 39, " " * 40)) + "".join(rng.choice(pieces) for _ in range(rng.randint(0, 4)))
                 for _ in range(rng.randint(1, 8))]
        text = "".join(line + rng.choice(("\n", "\n", " \n", "\r\n")) for line in lines)[:rng.randint(0, 400)]
        expected = _RUNS_ON.match(text) is not None
        assert fl._first_line_runs_on(text) == expected, repr(text)
        assert fl.hand_wrapped(text) == _plain_hand_wrapped(text), repr(text)
        seen += expected
        wrapped += fl.hand_wrapped(text)
    assert seen > 500 and wrapped > 100


def test_the_layout_and_the_bounds_are_the_plain_ones() -> None:
    rng = random.Random(113)
    m = fl.model()
    t = min(m.threshold, 1 - 1e-12)
    floor = math.log(t / (1 - t)) - 1e-9
    kept = 0
    for _ in range(400):
        lines = fl.written_lines(_page(rng))[1] or ["x"]
        layout = fl.layout_of(lines)
        assert layout == _layout_by_line(lines)
        for given in (-math.inf, floor):
            bound = fl.bounds(layout, m.weights, given)
            for k in range(len(lines)):
                plain = _plain_bound(layout, m.weights, k)
                # The same bound, but where neither reaches the floor (the line is pruned either way).
                assert math.isclose(bound[k], plain, abs_tol=1e-12) or max(bound[k], plain) < given, (lines, k)
                kept += plain >= floor
    assert kept > 500


def test_the_bounds_of_some_lines_are_theirs_among_all() -> None:
    rng = random.Random(115)
    m = fl.model()
    t = min(m.threshold, 1 - 1e-12)
    floor = math.log(t / (1 - t)) - 1e-9
    for _ in range(200):
        lines = fl.written_lines(_page(rng))[1] or ["x"]
        layout = fl.layout_of(lines)
        every = fl.bounds(layout, m.weights, floor)
        some = sorted(rng.sample(range(len(lines)), rng.randint(0, len(lines))))
        assert fl.bounds(layout, m.weights, floor, some) == [every[k] for k in some]


def test_the_rule_reports_what_scoring_every_line_reports() -> None:
    rng = random.Random(114)
    linter, config = Linter(Selection(select=("S111",))), Config()
    rule = fl.FurnitureLine()
    flagged = 0
    for n in range(400):
        text = _page(rng)
        doc = linter.parsed(Source("page.txt", text), config)
        findings = []
        if n % 3 == 0 and text.strip():  # a line another rule took (S102's)
            at = rng.randrange(len(text))
            findings = [Finding("S102", "boilerplate-line", "", at, min(len(text), at + 10))]
        ours = [(f.start, f.end, f.message) for f in rule.check_findings(doc, findings, lambda _: True)]
        assert ours == _plain_rule(doc, findings), text
        flagged += bool(ours)
    assert flagged > 50

"""Differential tests of a rewritten search against the plain one it replaced: the strings both are asked
about, and the ones where their answers differ."""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from itertools import product


def texts_of(pieces: list[str], seed: int, exhaustive: int, count: int, longest: int = 14) -> Iterator[str]:
    """Every string of up to `exhaustive` pieces, then `count` random ones of up to `longest` pieces."""
    for size in range(exhaustive + 1):
        for combination in product(pieces, repeat=size):
            yield "".join(combination)
    rng = random.Random(seed)
    for _ in range(count):
        yield "".join(rng.choice(pieces) for _ in range(rng.randint(0, longest)))


def differences(texts: Iterator[str], ours: Callable[[str], object], plain: Callable[[str], object]) -> list[str]:
    """The first five texts on which ``ours`` and ``plain`` answer differently."""
    return [text for text in texts if ours(text) != plain(text)][:5]

"""The config's YAML reader: PyYAML's SafeLoader that also remembers the line of every mapping key.

A module of its own so that ``lint.config`` imports PyYAML only when there is a config or rule pack
to read (``load_yaml``): PyYAML's import is a tenth of a small run's start-up.
"""

from __future__ import annotations

from typing import Any

import yaml

from lint.config import MAX_YAML_NODES


class LineLoader(yaml.SafeLoader):
    """SafeLoader that records the line of each mapping key, by key path.

    A document whose values, every alias expanded, number more than ``MAX_YAML_NODES`` is refused
    before anything walks it: a few aliases of aliases (a "billion laughs") would otherwise make the
    line recording, and every check of the values after it, take exponential time and memory.
    """

    def __init__(self, stream: Any) -> None:
        super().__init__(stream)
        self.lines: dict[tuple[Any, ...], int] = {}

    def construct_document(self, node: yaml.Node) -> Any:
        size = _expanded_nodes(node, {}, MAX_YAML_NODES)
        if size > MAX_YAML_NODES:
            raise yaml.constructor.ConstructorError(
                None, None, f"more than {MAX_YAML_NODES:,} values once its aliases are expanded "
                "(an alias bomb?)", node.start_mark)
        self._record(node, ())
        return super().construct_document(node)

    def _record(self, node: yaml.Node, path: tuple[Any, ...]) -> None:
        if isinstance(node, yaml.MappingNode):
            for key_node, value_node in node.value:
                key = key_node.value
                self.lines[path + (key,)] = key_node.start_mark.line + 1
                self._record(value_node, path + (key,))
        elif isinstance(node, yaml.SequenceNode):
            for i, item in enumerate(node.value):
                self.lines[path + (i,)] = item.start_mark.line + 1
                self._record(item, path + (i,))


def _expanded_nodes(node: yaml.Node, sizes: dict[int, int], limit: int) -> int:
    """How many nodes ``node`` stands for with its aliases expanded (each distinct node is counted
    once and remembered, so this is linear in the file); stops counting past ``limit``."""
    known = sizes.get(id(node))
    if known is not None:
        return known
    sizes[id(node)] = limit + 1  # a node that contains itself (a recursive alias) is over any limit
    total = 1
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            total += _expanded_nodes(key, sizes, limit) + _expanded_nodes(value, sizes, limit)
            if total > limit:
                break
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            total += _expanded_nodes(item, sizes, limit)
            if total > limit:
                break
    sizes[id(node)] = total
    return total

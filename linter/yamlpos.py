"""Safe YAML loading that remembers where every key and value stood.

Findings about the manifest must point at a line and column, which plain ``yaml.safe_load``
forgets. We compose the node graph with the safe loader and convert it ourselves, recording
positions by path, rejecting duplicate keys and refusing alias bombs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

from linter.errors import LintError

Path_ = tuple  # a path into the document: ("scopes", 2)
# Expanding aliases can blow up exponentially ("billion laughs"); no real manifest comes near this.
MAX_NODES = 100_000
_PLAIN_TAGS = ("tag:yaml.org,2002:map", "tag:yaml.org,2002:seq")


@dataclass
class Located:
    data: Any
    values: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    keys: dict[Path_, tuple[int, int]] = field(default_factory=dict)

    def where(self, path: Path_) -> tuple[int, int]:
        """Line and column (1-based) of the value at ``path``, or of its nearest ancestor."""
        path = tuple(path)
        while path:
            if path in self.values:
                return self.values[path]
            path = path[:-1]
        return self.values.get((), (1, 1))

    def key_where(self, path: Path_) -> tuple[int, int]:
        return self.keys.get(tuple(path)) or self.where(path)


def _pos(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def load(text: str, filename: str) -> Located:
    """Parse ``text``; raise LintError naming the file, line and column on any problem."""
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (None, None)
        raise LintError(f"invalid YAML: {exc.problem or exc.context}", filename, line, col) from None
    except yaml.YAMLError as exc:
        raise LintError(f"invalid YAML: {exc}", filename) from None
    located = Located(None)
    if node is None:
        return located
    budget = [MAX_NODES]
    constructor = yaml.SafeLoader("")

    def convert(n: yaml.Node, path: Path_) -> Any:
        budget[0] -= 1
        if budget[0] < 0:
            raise LintError(f"document too large or too deeply aliased (over {MAX_NODES} nodes)",
                            filename, *_pos(n))
        located.values[path] = _pos(n)
        if isinstance(n, (yaml.MappingNode, yaml.SequenceNode)) and n.tag not in _PLAIN_TAGS:
            raise LintError(f"invalid YAML value: unsupported tag {n.tag!r}", filename, *_pos(n))
        if isinstance(n, yaml.MappingNode):
            out: dict = {}
            for key_node, value_node in n.value:
                if key_node.tag == "tag:yaml.org,2002:merge":
                    raise LintError("YAML merge keys (<<) are not supported in this file",
                                    filename, *_pos(key_node))
                key = convert(key_node, path + ("<key>",))
                if not isinstance(key, (str, int, float, bool)) and key is not None:
                    raise LintError("mapping keys must be plain values", filename, *_pos(key_node))
                if key in out:
                    raise LintError(f"duplicate key {key!r}", filename, *_pos(key_node))
                located.keys[path + (key,)] = _pos(key_node)
                out[key] = convert(value_node, path + (key,))
            located.values.pop(path + ("<key>",), None)
            return out
        if isinstance(n, yaml.SequenceNode):
            return [convert(item, path + (i,)) for i, item in enumerate(n.value)]
        try:
            return constructor.construct_object(n, deep=True)
        except yaml.YAMLError as exc:
            raise LintError(f"invalid YAML value: {exc}", filename, *_pos(n)) from None

    located.data = convert(node, ())
    return located

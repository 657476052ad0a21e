"""--fix, --diff and the editor's quick fixes: rewrite the manifest's scope list, and nothing else.

Scopes are added for high-confidence missing-scope findings and removed for unused-scope
findings, both as reported (so suppressed, ignored or baselined findings are left alone). The
text is edited in place at the positions PyYAML reports, so comments, order, quoting and layout
(flow ``[a, b]`` or block ``- a``) stay as they were; new scopes go at the end of the list. The
result is re-parsed and must hold exactly the intended list before anything is written.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass

import yaml

from linter.atomic import write_atomic
from linter.context import Context
from linter.engine import LintResult
from linter.errors import LintError
from linter.finding import Finding

Edit = tuple[int, int, str]  # replace text[start:end] with the string


@dataclass(frozen=True)
class ScopeChange:
    display: str
    added: tuple[str, ...]
    removed: tuple[str, ...]
    before: str
    after: str

    def diff(self) -> str:
        lines = difflib.unified_diff(self.before.splitlines(keepends=True), self.after.splitlines(keepends=True),
                                     f"a/{self.display}", f"b/{self.display}")
        return "".join(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n"
                       for line in lines)

    def summary(self) -> str:
        parts = [f"added {', '.join(self.added)}"] if self.added else []
        parts += [f"removed {', '.join(self.removed)}"] if self.removed else []
        return "; ".join(parts)


ScopeFix = tuple[str, str]  # ("add", scope) or ("remove", scope)


def scope_fixes(result: LintResult) -> dict[Finding, ScopeFix]:
    """The manifest edit that would settle each finding on its own: the scope to add for a
    high-confidence missing-scope finding, the scope to remove for an unused-scope finding in the
    manifest. Editors offer them as quick fixes."""
    return {finding: (action, scope) for finding, action, scope, _ in _fixes(result)}


def planned(result: LintResult) -> tuple[list[str], list[str]]:
    """(scopes to add, scopes to remove) according to the reported findings: each finding's own
    fix, except that a scope is not added when one added for an earlier finding also serves."""
    add: list[str] = []
    remove: list[str] = []
    for _, action, scope, accepted in _fixes(result):
        if action == "remove" and scope not in remove:
            remove.append(scope)
        elif action == "add" and not set(accepted) & set(add):
            add.append(scope)
    return sorted(add), remove


def _fixes(result: LintResult) -> list[tuple[Finding, str, str, tuple[str, ...]]]:
    """(finding, "add" or "remove", scope, the scopes that would serve) for each finding a scope
    list edit settles, in the order of the findings."""
    manifest = result.manifest
    if manifest is None:
        return []
    ctx = Context(catalog=result.catalog, manifest=manifest, uses=result.scan.uses)
    uses = {(u.path, u.line, u.column): u for u in result.scan.uses}
    entries = {(e.line, e.column): e.value for e in manifest.scopes}
    found: list[tuple[Finding, str, str, tuple[str, ...]]] = []
    for finding in result.findings:
        if finding.rule == "missing-scope":
            use = uses.get((finding.path, finding.line, finding.column))
            if use is None or use.confidence != "high":
                continue  # a guess is for a person to confirm, not for a fix
            accepted = tuple(ctx.accepted_scopes(use))
            if accepted and not set(accepted) & ctx.declared_scopes:
                found.append((finding, "add", accepted[0], accepted))
        elif finding.rule == "unused-scope" and finding.path == manifest.display:
            value = entries.get((finding.line, finding.column))
            if value is not None:
                found.append((finding, "remove", value, ()))
    return found


def change_for(result: LintResult) -> ScopeChange | None:
    """The manifest edit --fix would make, or None when there is nothing to fix."""
    manifest = result.manifest
    add, remove = planned(result)
    if manifest is None or not (add or remove):
        return None
    if not manifest.valid:
        raise LintError("not fixing: the manifest has schema problems (see invalid-manifest); "
                        "correct them first", manifest.display)
    raw = read_exactly(manifest.path, manifest.display)
    after = _rewrite_keeping_bom(raw, add, remove, manifest.display)
    return ScopeChange(manifest.display, tuple(add), tuple(remove), raw, after)


def rewrite_scope(text: str, action: str, scope: str, display: str) -> str | None:
    """``text`` (a manifest) with ``scope`` added to ("add") or removed from ("remove") its scopes
    list, as ``rewrite`` does; None when that is already so or cannot be done safely (the text
    no longer parses, or its list is not one ``rewrite`` edits). For an editor's quick fix."""
    add, remove = ([scope], []) if action == "add" else ([], [scope])
    try:
        after = _rewrite_keeping_bom(text, add, remove, display)
    except (yaml.YAMLError, LintError, RecursionError):
        return None
    return None if after == text else after


def _rewrite_keeping_bom(raw: str, add: list[str], remove: list[str], display: str) -> str:
    bom = "\ufeff" if raw.startswith("\ufeff") else ""
    return bom + rewrite(raw[len(bom):], add, remove, display)


def apply(change: ScopeChange, result: LintResult) -> None:
    assert result.manifest is not None
    try:
        write_atomic(result.manifest.path, change.after.encode("utf-8"))
    except OSError as exc:
        raise LintError(f"cannot write: {exc.strerror or exc}", change.display) from None


def read_exactly(path, display: str) -> str:
    """The manifest's text as it is on disk, line endings and BOM kept."""
    try:
        with open(path, encoding="utf-8", newline="") as handle:  # keep \r\n as it is
            return handle.read()
    except (OSError, UnicodeDecodeError) as exc:
        raise LintError(f"cannot read: {exc}", display) from None


def rewrite(text: str, add: list[str], remove: list[str], display: str = "fortnox.yaml") -> str:
    """``text`` with ``remove`` taken out of and ``add`` appended to its top-level scopes list."""
    root = yaml.compose(text, Loader=yaml.SafeLoader)
    found = [(k, v) for k, v in root.value if k.value == "scopes"] if isinstance(root, yaml.MappingNode) else []
    if not found or not isinstance(found[0][1], yaml.SequenceNode):
        raise LintError("not fixing: scopes is not a list", display)
    key, sequence = found[0]
    items = sequence.value
    add = [scope for scope in add if scope not in {str(node.value) for node in items}]  # already there
    keep = [str(node.value) not in remove for node in items]
    if sequence.flow_style:
        edits = _flow_edits(text, sequence, keep, add)
    else:
        edits = _block_edits(text, key, items, keep, add)
    after = text
    for start, end, replacement in sorted(edits, key=lambda e: (e[0], e[1]), reverse=True):
        after = after[:start] + replacement + after[end:]
    _verify(text, after, [str(n.value) for n, k in zip(items, keep) if k] + add, add, remove, display)
    return after


def _line_start(text: str, at: int) -> int:
    return text.rfind("\n", 0, at) + 1


def _line_end(text: str, at: int) -> int:
    """Just past the newline ending the line that holds ``at`` (or the end of the text)."""
    newline = text.find("\n", at)
    return len(text) if newline < 0 else newline + 1


def _newline(text: str) -> str:
    return "\r\n" if "\r\n" in text else "\n"


def _block_edits(text: str, key: yaml.Node, items: list[yaml.Node], keep: list[bool],
                 add: list[str]) -> list[Edit]:
    edits: list[Edit] = []
    for node, kept in zip(items, keep):
        if not kept:  # the item's whole line goes, with the comment that explains it
            edits.append((_line_start(text, node.start_mark.index), _line_end(text, node.end_mark.index), ""))
    last = items[-1]
    if add:
        dash = text[_line_start(text, last.start_mark.index):last.start_mark.index]  # "  - "
        at = _line_end(text, last.end_mark.index)
        nl = _newline(text)
        lead = "" if text[:at].endswith("\n") else nl
        edits.append((at, at, lead + "".join(f"{dash}{scope}{nl}" for scope in add)))
    elif not any(keep):  # an empty block list would be null: say [] instead
        colon = text.index(":", key.end_mark.index)
        edits.append((colon + 1, colon + 1, " []"))
    return edits


def _alone_on_line(text: str, node: yaml.Node) -> bool:
    """True when nothing but indentation, a comma and a comment share the item's line."""
    before = text[_line_start(text, node.start_mark.index):node.start_mark.index]
    rest = text[node.end_mark.index:_line_end(text, node.end_mark.index)].strip()
    rest = rest[1:].strip() if rest.startswith(",") else rest
    return not before.strip() and (not rest or rest.startswith("#"))


def _flow_edits(text: str, sequence: yaml.SequenceNode, keep: list[bool], add: list[str]) -> list[Edit]:
    items = sequence.value
    kept_at = [i for i, k in enumerate(keep) if k]
    edits: list[Edit] = []
    if not kept_at and not all(_alone_on_line(text, node) for node in items):
        edits.append((items[0].start_mark.index, sequence.end_mark.index - 1, ""))  # up to "]"
    else:
        trailing = []  # removed items after the last kept one
        for i, node in enumerate(items):
            if keep[i]:
                continue
            start, end = node.start_mark.index, node.end_mark.index
            if _alone_on_line(text, node):  # one item per line: drop the line, comment and all
                edits.append((_line_start(text, start), _line_end(text, end), ""))
            elif i < kept_at[-1]:  # "x, " up to the next item
                edits.append((start, items[i + 1].start_mark.index, ""))
            else:
                trailing.append(node)
        if trailing:  # ", x, y" back to the last kept item, as one edit
            edits.append((items[kept_at[-1]].end_mark.index, trailing[-1].end_mark.index, ""))
    if add:
        edits += _flow_addition(text, sequence, [items[j] for j in kept_at], add)
    return edits


def _flow_addition(text: str, sequence: yaml.SequenceNode, kept: list[yaml.Node], add: list[str]) -> list[Edit]:
    if not kept:
        at = sequence.start_mark.index + 1  # just inside "["
        return [(at, at, ", ".join(add))]
    last = kept[-1]
    end = last.end_mark.index
    if not _alone_on_line(text, last):
        return [(end, end, "".join(f", {scope}" for scope in add))]
    # One item per line: new lines in the same style, the last item's comment staying with it.
    indent = text[_line_start(text, last.start_mark.index):last.start_mark.index]
    nl = _newline(text)
    at = _line_end(text, end)
    if text[end:at].lstrip().startswith(","):  # trailing commas throughout
        return [(at, at, "".join(f"{indent}{scope},{nl}" for scope in add))]
    return [(end, end, ","), (at, at, f",{nl}".join(f"{indent}{scope}" for scope in add) + nl)]


def _verify(before: str, after: str, expected: list[str], add: list[str], remove: list[str], display: str) -> None:
    """The rewritten manifest must parse, hold exactly ``expected`` and change nothing else."""
    try:
        old, new = yaml.safe_load(before), yaml.safe_load(after)
    except yaml.YAMLError:
        new = None
    ok = isinstance(new, dict) and new.get("scopes") == expected and \
        {k: v for k, v in new.items() if k != "scopes"} == {k: v for k, v in old.items() if k != "scopes"}
    if not ok:
        wanted = "; ".join(filter(None, [f"add {', '.join(add)}" if add else "",
                                         f"remove {', '.join(remove)}" if remove else ""]))
        raise LintError(f"cannot rewrite this scopes list safely; edit it by hand: {wanted}", display)

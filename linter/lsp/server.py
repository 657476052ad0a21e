"""The language server: lint a document's project on open, change, save and close, publish
diagnostics for every file of it whose findings changed, and clear those of files that have none left."""

from __future__ import annotations

import asyncio
import logging
import os
import sys
from pathlib import Path

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import from_fs_path, to_fs_path
from pygls.workspace import TextDocument

from linter import __version__
from linter.errors import LintError
from linter.fix import read_exactly, rewrite_scope
from linter.lsp.convert import SOURCE, document_range, error_diagnostic, finding_diagnostic, split_lines
from linter.lsp.projects import ProjectLint, Published, canonical, lint_project
from linter.manifest import find_manifest
from linter.ruledefs import load_rules
from linter.scanner.files import read_text
from linter.scanner.lexer import EXTENSIONS, LANGUAGES

log = logging.getLogger("fortnox-lint.lsp")
DEBUG = os.environ.get("FORTNOX_LINT_DEBUG") == "1"  # as in the CLI: tracebacks only when asked
TYPING_PAUSE = 0.2  # seconds: while someone types, lint once they pause, not at every keystroke


class FortnoxLanguageServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__("fortnox-lint", __version__)
        self.published = Published()
        self._pending: dict[str, asyncio.TimerHandle] = {}

    def refresh_soon(self, uri: str) -> None:
        """Refresh after a pause in typing; a newer edit to the same document restarts the wait."""
        self._cancel(uri)
        self._pending[uri] = asyncio.get_running_loop().call_later(TYPING_PAUSE, self.refresh, uri)

    def refresh_now(self, uri: str) -> None:
        self._cancel(uri)
        self.refresh(uri)

    def _cancel(self, uri: str) -> None:
        pending = self._pending.pop(uri, None)
        if pending is not None:
            pending.cancel()

    def open_documents(self) -> dict[Path, TextDocument]:
        documents = {}
        for uri, document in self.workspace.text_documents.items():
            path = to_fs_path(uri)
            if path is not None:
                documents[canonical(path)] = document
        return documents

    def refresh(self, uri: str) -> None:
        """Re-lint the project ``uri`` belongs to and publish the result. Never raises."""
        self._pending.pop(uri, None)
        try:
            path = to_fs_path(uri)
            manifest = find_manifest(Path(path)) if path else None
            if manifest is None:
                log.info("%s is in no Fortnox project (no fortnox.yaml above it)", uri)
                return
            documents = self.open_documents()
            result = lint_project(canonical(manifest), {p: d.source for p, d in documents.items()})
            self.publish(result, documents)
        except Exception as exc:  # noqa: BLE001 - a bug must not take the editor's server down
            log.error("linting %s failed: %s: %s", uri, type(exc).__name__, exc, exc_info=DEBUG)
            self.window_show_message(types.ShowMessageParams(
                type=types.MessageType.Error,
                message=f"fortnox-lint: internal error: {type(exc).__name__}: {exc} (please report it)"))

    def publish(self, result: ProjectLint, documents: dict[Path, TextDocument]) -> None:
        units = self.workspace.position_codec.client_num_units
        per_file: dict[Path, list[types.Diagnostic]] = {}
        if result.error is not None:
            code = load_rules()["invalid-manifest"].code
            lines = self.lines_of(result.manifest, documents)
            per_file[result.manifest] = [error_diagnostic(result.error, lines, result.error_in_manifest, code, units)]
        for path, findings in result.findings.items():
            lines = self.lines_of(path, documents)
            per_file[path] = [finding_diagnostic(finding, lines, units, result.fixes.get(finding))
                              for finding in findings]
        changed = self.published.changes(result.manifest, per_file)
        for path in sorted(changed):
            document = documents.get(path)
            self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(
                uri=document.uri if document else from_fs_path(str(path)),
                version=document.version if document else None,
                diagnostics=changed[path]))

    def quick_fixes(self, params: types.CodeActionParams) -> list[types.CodeAction]:
        """The scope list edits, then the inline suppressions, for our diagnostics. Never raises."""
        try:
            path = to_fs_path(params.text_document.uri)
            manifest = find_manifest(Path(path)) if path else None
            if manifest is None:
                return []  # not a file of a Fortnox project: nothing of ours is shown there
            return self.scope_actions(params, canonical(manifest)) + self.suppressions(params, canonical(path))
        except Exception as exc:  # noqa: BLE001 - a bug must not take the editor's server down
            log.error("quick fixes for %s failed: %s: %s", params.text_document.uri, type(exc).__name__, exc,
                      exc_info=DEBUG)
            return []

    def document_text(self, path: Path) -> tuple[str, str]:
        """(uri, text) of ``path``: its open buffer, else the file as it is on disk (LintError)."""
        document = self.open_documents().get(path)
        if document is not None:
            return document.uri, document.source
        return from_fs_path(str(path)), read_exactly(path, path.name)

    def scope_actions(self, params: types.CodeActionParams, manifest: Path) -> list[types.CodeAction]:
        """For each of our diagnostics that a scope list edit settles, the edit of the project's
        ``manifest`` (its open buffer when there is one)."""
        wanted = [(d, d.data["fix"], d.data["scope"]) for d in params.context.diagnostics
                  if d.source == SOURCE and isinstance(d.data, dict) and d.data.get("fix") in ("add", "remove")
                  and isinstance(d.data.get("scope"), str)]
        if not wanted:
            return []
        try:
            uri, text = self.document_text(manifest)
        except LintError:
            return []  # the manifest cannot be read: the lint says so
        units = self.workspace.position_codec.client_num_units
        actions = []
        for diagnostic, action, scope in wanted:
            after = rewrite_scope(text, action, scope, manifest.name)
            if after is None:
                continue
            title = (f"Add scope '{scope}' to {manifest.name}" if action == "add"
                     else f"Remove scope '{scope}' from {manifest.name}")
            edit = types.TextEdit(range=document_range(text, units), new_text=after)
            actions.append(types.CodeAction(title=title, kind=types.CodeActionKind.QuickFix,
                                            diagnostics=[diagnostic], is_preferred=True,
                                            edit=types.WorkspaceEdit(changes={uri: [edit]})))
        return actions

    def suppressions(self, params: types.CodeActionParams, path: Path) -> list[types.CodeAction]:
        """"Ignore RULE on this line": a ``fortnox-lint: ignore[RULE]`` comment on a line of its own
        above the diagnostic's in ``path``, as the file's language writes comments."""
        opener = comment_opener(path)
        if opener is None:
            return []
        rules = {rule.code: rule.name for rule in load_rules().values() if rule.name not in _NOT_INLINE}
        wanted = [(d, rules[d.code]) for d in params.context.diagnostics if d.source == SOURCE and d.code in rules]
        if not wanted:
            return []
        try:
            uri, text = self.document_text(path)
        except LintError:
            return []
        lines = text.split("\n")
        newline = "\r\n" if "\r\n" in text else "\n"
        actions, seen = [], set()
        for diagnostic, rule in wanted:
            line = diagnostic.range.start.line
            if (line, rule) in seen or line >= len(lines):
                continue
            seen.add((line, rule))
            current = lines[line]
            indent = current[:len(current) - len(current.lstrip(" \t"))]
            start = types.Position(line=line, character=0)
            edit = types.TextEdit(range=types.Range(start=start, end=start),
                                  new_text=f"{indent}{opener} fortnox-lint: ignore[{rule}]{newline}")
            actions.append(types.CodeAction(title=f"Ignore {rule} on this line", kind=types.CodeActionKind.QuickFix,
                                            diagnostics=[diagnostic], edit=types.WorkspaceEdit(changes={uri: [edit]})))
        return actions

    @staticmethod
    def lines_of(path: Path, documents: dict[Path, TextDocument]) -> list[str]:
        if path in documents:
            return split_lines(documents[path].source)
        text, _reason = read_text(path)
        return split_lines(text or "")


# Rules a comment cannot silence: unused-suppression (by design, see linter.suppressions) and a
# manifest that does not parse or fit its schema (fix the manifest).
_NOT_INLINE = frozenset({"unused-suppression", "invalid-manifest"})


def comment_opener(path: Path) -> str | None:
    """How a line comment starts in ``path``'s language, as its lexer knows it (PHP's first: //);
    None for files without a lexed language, except the YAML manifest."""
    if path.suffix.lower() in (".yaml", ".yml"):
        return "#"
    language = EXTENSIONS.get(path.suffix.lower())
    return LANGUAGES[language].line_comments[0] if language is not None else None


def create_server() -> FortnoxLanguageServer:
    server = FortnoxLanguageServer()

    # pygls has already applied each event to its workspace; closing drops the buffer, so the
    # project falls back to the file on disk.
    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: FortnoxLanguageServer, params: types.DidOpenTextDocumentParams) -> None:
        ls.refresh_now(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: FortnoxLanguageServer, params: types.DidChangeTextDocumentParams) -> None:
        ls.refresh_soon(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE, types.SaveOptions(include_text=False))
    def did_save(ls: FortnoxLanguageServer, params: types.DidSaveTextDocumentParams) -> None:
        ls.refresh_now(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: FortnoxLanguageServer, params: types.DidCloseTextDocumentParams) -> None:
        ls.refresh_now(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_CODE_ACTION,
                    types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]))
    def code_action(ls: FortnoxLanguageServer, params: types.CodeActionParams) -> list[types.CodeAction]:
        return ls.quick_fixes(params)

    return server


def serve() -> None:
    """Speak LSP over stdin/stdout until the client says exit. Logs go to stderr, never stdout."""
    logging.basicConfig(stream=sys.stderr, level=logging.WARNING,
                        format="fortnox-lint lsp: %(levelname)s: %(message)s")
    create_server().start_io()

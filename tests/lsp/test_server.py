"""`fortnox-lint lsp` end to end: a real client over stdio, a real project on disk."""

from __future__ import annotations

from pathlib import Path

import pytest
from lsprotocol import types
from pygls.protocol import default_converter

from lsp_support import APP, BILLING, MANIFEST, RecordingClient, client, workspace  # noqa: F401 - fixtures

pytestmark = pytest.mark.asyncio

ERROR, WARNING = types.DiagnosticSeverity.Error, types.DiagnosticSeverity.Warning
MISSING_ORDER = """\
import requests

requests.post("https://api.fortnox.se/3/orders")
requests.get("https://api.fortnox.se/3/customers")
"""
ORDER_MESSAGE = ("POST /3/orders needs scope 'order', which fortnox.yaml does not request; "
                 "Fortnox will answer \"Missing rights\" at run time")


def diagnostic(line: int, start: int, end: int, code: str, message: str,
               severity: types.DiagnosticSeverity = ERROR, fix: tuple[str, str] | None = None) -> types.Diagnostic:
    return types.Diagnostic(
        range=types.Range(start=types.Position(line=line, character=start),
                          end=types.Position(line=line, character=end)),
        message=message, severity=severity, code=code, source="fortnox-lint",
        data={"fix": fix[0], "scope": fix[1]} if fix else None)


def missing_order(line: int, start: int, end: int) -> types.Diagnostic:
    return diagnostic(line, start, end, "FNX001", ORDER_MESSAGE, fix=("add", "order"))


def unused(scope: str, line: int) -> types.Diagnostic:
    return diagnostic(line, 4, 4 + len(scope), "FNX002",
                      f"scope '{scope}' is requested but no scanned code calls an endpoint that needs it; "
                      "every extra scope is more the customer must consent to and more licences they may need",
                      WARNING, fix=("remove", scope))


def open_document(client: RecordingClient, path: Path, text: str | None = None) -> None:
    client.text_document_did_open(types.DidOpenTextDocumentParams(text_document=types.TextDocumentItem(
        uri=path.as_uri(), language_id="python" if path.suffix == ".py" else "yaml", version=1,
        text=path.read_text() if text is None else text)))


def change_document(client: RecordingClient, path: Path, text: str, version: int) -> None:
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=path.as_uri(), version=version),
        content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)]))


async def test_advertises_open_change_and_save_sync(client: RecordingClient):
    sync = client.initialize_result.capabilities.text_document_sync
    assert (sync.open_close, sync.change, sync.save) == (
        True, types.TextDocumentSyncKind.Incremental, types.SaveOptions(include_text=False))
    assert client.initialize_result.server_info.name == "fortnox-lint"


async def test_missing_scope_in_buffer_is_published_then_cleared_when_fixed(client: RecordingClient, workspace: Path):
    app = workspace / "app.py"
    open_document(client, app, MISSING_ORDER)  # the buffer, not the clean file on disk
    assert await client.next_published(1) == [
        (app.as_uri(), [missing_order(2, 14, 47)], 1)]

    change_document(client, app, APP, version=2)
    assert await client.next_published(1) == [(app.as_uri(), [], 2)]


async def test_a_burst_of_edits_is_linted_once_at_the_pause(client: RecordingClient, workspace: Path):
    app = workspace / "app.py"
    open_document(client, app, MISSING_ORDER)
    await client.next_published(1)
    for version, text in ((2, APP), (3, MISSING_ORDER), (4, APP)):  # typed faster than the pause
        change_document(client, app, text, version)
    assert await client.next_published(1) == [(app.as_uri(), [], 4)]


async def test_incremental_edit_moves_the_range(client: RecordingClient, workspace: Path):
    app = workspace / "app.py"
    open_document(client, app, MISSING_ORDER)
    await client.next_published(1)
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=app.as_uri(), version=2),
        content_changes=[types.TextDocumentContentChangePartial(
            range=types.Range(start=types.Position(line=2, character=0), end=types.Position(line=2, character=0)),
            text="x = 1; ")]))
    assert await client.next_published(1) == [
        (app.as_uri(), [missing_order(2, 21, 54)], 2)]


async def test_columns_are_utf16_code_units(client: RecordingClient, workspace: Path):
    app = workspace / "app.py"
    open_document(client, app, 'note = "😀"; requests.post("https://api.fortnox.se/3/orders")\n'
                               'requests.get("https://api.fortnox.se/3/customers")\n')
    # The emoji is one code point but two UTF-16 units: the string starts at unit 27, not 26.
    assert await client.next_published(1) == [
        (app.as_uri(), [missing_order(0, 27, 60)], 1)]


async def test_manifest_edit_rechecks_the_whole_project(client: RecordingClient, workspace: Path):
    manifest, billing = workspace / "fortnox.yaml", workspace / "billing.py"
    open_document(client, manifest)  # all clean: nothing to publish
    change_document(client, manifest, MANIFEST + "  - supplier\n", version=2)
    assert await client.next_published(1) == [(manifest.as_uri(), [unused("supplier", 3)], 2)]

    # Dropping invoice: billing.py, which is not open, now lacks its scope.
    change_document(client, manifest, "scopes:\n  - customer\n", version=3)
    assert await client.next_published(2) == [
        (billing.as_uri(), [diagnostic(0, 13, 48, "FNX001",
                                       "GET /3/invoices needs scope 'invoice', which fortnox.yaml does not "
                                       "request; Fortnox will answer \"Missing rights\" at run time",
                                       fix=("add", "invoice"))], None),
        (manifest.as_uri(), [], 3),
    ]

    change_document(client, manifest, MANIFEST, version=4)
    assert await client.next_published(1) == [(billing.as_uri(), [], None)]


async def test_source_edit_updates_unused_scopes_on_the_manifest(client: RecordingClient, workspace: Path):
    billing, manifest = workspace / "billing.py", workspace / "fortnox.yaml"
    open_document(client, billing)
    change_document(client, billing, "# invoices are sent by hand now\n", version=2)
    assert await client.next_published(1) == [(manifest.as_uri(), [unused("invoice", 2)], None)]
    change_document(client, billing, BILLING, version=3)
    assert await client.next_published(1) == [(manifest.as_uri(), [], None)]


async def test_broken_manifest_is_a_diagnostic_and_the_server_carries_on(client: RecordingClient, workspace: Path):
    app, manifest = workspace / "app.py", workspace / "fortnox.yaml"
    open_document(client, app, MISSING_ORDER)
    await client.next_published(1)
    open_document(client, manifest)  # nothing changed: nothing is sent again

    change_document(client, manifest, "scopes: [customer, invoice\n", version=2)
    assert await client.next_published(2) == [
        (app.as_uri(), [], 1),  # nothing can be checked against a manifest that does not parse
        (manifest.as_uri(), [types.Diagnostic(
            range=types.Range(start=types.Position(line=1, character=0), end=types.Position(line=1, character=0)),
            message="invalid YAML: expected ',' or ']', but got '<stream end>'",
            severity=ERROR, code="FNX007", source="fortnox-lint")], 2),
    ]

    change_document(client, manifest, "scopes: [customer, invoice, order]\n", version=3)
    assert await client.next_published(1) == [(manifest.as_uri(), [], 3)]  # and app.py is fixed too


async def test_duplicate_key_error_covers_the_rest_of_its_line(client: RecordingClient, workspace: Path):
    manifest = workspace / "fortnox.yaml"
    open_document(client, manifest, "scopes: [customer]\nscopes: [invoice]\n")
    assert await client.next_published(1) == [(manifest.as_uri(), [types.Diagnostic(
        range=types.Range(start=types.Position(line=1, character=0), end=types.Position(line=1, character=17)),
        message="duplicate key 'scopes'", severity=ERROR, code="FNX007", source="fortnox-lint")], 1)]


async def test_save_picks_up_files_changed_on_disk(client: RecordingClient, workspace: Path):
    app, billing = workspace / "app.py", workspace / "billing.py"
    open_document(client, app, MISSING_ORDER)
    await client.next_published(1)  # the server has read the project as it was
    billing.write_text('requests.delete("https://api.fortnox.se/3/orders/1")\n')  # e.g. a git checkout
    client.text_document_did_save(types.DidSaveTextDocumentParams(
        text_document=types.TextDocumentIdentifier(uri=app.as_uri())))
    published = await client.next_published(2)
    assert [(uri, [d.code for d in diags]) for uri, diags, _ in published] == [
        (billing.as_uri(), ["FNX001"]), ((workspace / "fortnox.yaml").as_uri(), ["FNX002"])]
    assert published[0][1][0].range == types.Range(start=types.Position(line=0, character=16),
                                                    end=types.Position(line=0, character=51))


async def test_closing_a_buffer_falls_back_to_the_file_on_disk(client: RecordingClient, workspace: Path):
    app = workspace / "app.py"
    open_document(client, app, MISSING_ORDER)
    await client.next_published(1)
    client.text_document_did_close(types.DidCloseTextDocumentParams(
        text_document=types.TextDocumentIdentifier(uri=app.as_uri())))
    assert await client.next_published(1) == [(app.as_uri(), [], None)]


async def test_files_outside_any_project_are_left_alone(client: RecordingClient, workspace: Path,
                                                        tmp_path_factory: pytest.TempPathFactory):
    lone = tmp_path_factory.mktemp("lone") / "script.py"
    lone.write_text(MISSING_ORDER)
    open_document(client, lone)
    app = workspace / "app.py"
    open_document(client, app, MISSING_ORDER)  # the server is still there and answers in order
    assert await client.next_published(1) == [(app.as_uri(), [missing_order(2, 14, 47)], 1)]


CONVERTER = default_converter()


def as_json(value: object) -> object:
    """What goes over the wire: the client gives tuples where a test writes lists."""
    return CONVERTER.unstructure(value)


async def code_actions(client: RecordingClient, path: Path, diagnostics: list[types.Diagnostic]) -> object:
    actions = await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=path.as_uri()), range=diagnostics[0].range,
        context=types.CodeActionContext(diagnostics=diagnostics)))
    return as_json(list(actions or []))


def whole(text: str) -> types.Range:
    lines = text.split("\n")
    return types.Range(start=types.Position(line=0, character=0),
                       end=types.Position(line=len(lines) - 1, character=len(lines[-1])))


async def test_advertises_quick_fixes(client: RecordingClient):
    assert as_json(client.initialize_result.capabilities.code_action_provider) == {"codeActionKinds": ["quickfix"]}


def ignore_action(path: Path, diagnostic: types.Diagnostic, line: int, text: str) -> types.CodeAction:
    at = types.Position(line=line, character=0)
    return types.CodeAction(title="Ignore missing-scope on this line" if diagnostic.code == "FNX001"
                            else "Ignore unused-scope on this line", kind=types.CodeActionKind.QuickFix,
                            diagnostics=[diagnostic], edit=types.WorkspaceEdit(changes={path.as_uri(): [
                                types.TextEdit(range=types.Range(start=at, end=at), new_text=text)]}))


def applied(text: str, edit: dict) -> str:
    """``text`` with one TextEdit (as JSON) applied; ASCII text, so characters are code units."""
    lines = text.split("\n")
    offset = lambda p: sum(len(line) + 1 for line in lines[:p["line"]]) + p["character"]  # noqa: E731
    return text[:offset(edit["range"]["start"])] + edit["newText"] + text[offset(edit["range"]["end"]):]


async def test_quick_fixes_for_a_missing_scope_add_it_to_the_manifest_on_disk_or_ignore_it(
        client: RecordingClient, workspace: Path):
    app, manifest = workspace / "app.py", workspace / "fortnox.yaml"
    open_document(client, app, MISSING_ORDER)
    [(_, diagnostics, _)] = await client.next_published(1)
    assert await code_actions(client, app, diagnostics) == as_json([
        types.CodeAction(title="Add scope 'order' to fortnox.yaml", kind=types.CodeActionKind.QuickFix,
                         diagnostics=diagnostics, is_preferred=True,
                         edit=types.WorkspaceEdit(changes={manifest.as_uri(): [
                             types.TextEdit(range=whole(MANIFEST), new_text=MANIFEST + "  - order\n")]})),
        ignore_action(app, diagnostics[0], 2, "# fortnox-lint: ignore[missing-scope]\n"),
    ])
    assert manifest.read_text() == MANIFEST  # offered, never applied by the server


async def test_applying_a_quick_fix_clears_the_diagnostic(client: RecordingClient, workspace: Path):
    app, manifest = workspace / "app.py", workspace / "fortnox.yaml"
    indented = MISSING_ORDER.replace("requests.post", "def sync():\n    requests.post").replace(
        "\nrequests.get", "\n    requests.get")
    open_document(client, app, indented)
    [(_, diagnostics, _)] = await client.next_published(1)
    add, ignore = await code_actions(client, app, diagnostics)
    [suppress] = ignore["edit"]["changes"][app.as_uri()]
    assert suppress["newText"] == "    # fortnox-lint: ignore[missing-scope]\n"  # indented as the line is
    change_document(client, app, applied(indented, suppress), version=2)
    assert await client.next_published(1) == [(app.as_uri(), [], 2)]

    change_document(client, app, indented, version=3)
    await client.next_published(1)
    open_document(client, manifest)
    [scope_edit] = add["edit"]["changes"][manifest.as_uri()]
    change_document(client, manifest, applied(MANIFEST, scope_edit), version=2)
    assert await client.next_published(1) == [(app.as_uri(), [], 3)]


async def test_quick_fixes_for_an_unused_scope_edit_the_open_manifest(client: RecordingClient, workspace: Path):
    manifest = workspace / "fortnox.yaml"
    edited = "scopes:  # what the app is registered with\n  - customer\n  - supplier  # for later\n  - invoice\n"
    open_document(client, manifest, edited)
    [(_, diagnostics, _)] = await client.next_published(1)
    assert diagnostics == [unused("supplier", 2)]
    remove, ignore = await code_actions(client, manifest, diagnostics)
    assert remove["title"] == "Remove scope 'supplier' from fortnox.yaml"
    assert remove["edit"] == as_json(types.WorkspaceEdit(changes={manifest.as_uri(): [types.TextEdit(
        range=whole(edited), new_text="scopes:  # what the app is registered with\n  - customer\n  - invoice\n")]}))
    assert ignore == as_json(ignore_action(manifest, diagnostics[0], 2, "  # fortnox-lint: ignore[unused-scope]\n"))


async def test_no_scope_fix_for_a_stale_or_foreign_diagnostic(client: RecordingClient, workspace: Path):
    app, manifest = workspace / "app.py", workspace / "fortnox.yaml"
    open_document(client, app, MISSING_ORDER)
    [(_, diagnostics, _)] = await client.next_published(1)
    foreign = types.Diagnostic(range=diagnostics[0].range, message="x", source="another-linter", code="FNX001",
                               data={"fix": "add", "scope": "order"})
    plain = types.Diagnostic(range=diagnostics[0].range, message="x", source="fortnox-lint")
    assert await code_actions(client, app, [foreign, plain]) == []
    # the scope was added meanwhile (the buffer): only ignoring is left to offer for the old diagnostic
    open_document(client, manifest, MANIFEST + "  - order\n")
    assert await client.next_published(1) == [(app.as_uri(), [], 1)]
    assert [a["title"] for a in await code_actions(client, app, diagnostics)] == ["Ignore missing-scope on this line"]


async def test_no_quick_fix_outside_a_project_or_for_an_unsaved_document(client: RecordingClient, workspace: Path,
                                                                        tmp_path_factory: pytest.TempPathFactory):
    app = workspace / "app.py"
    open_document(client, app, MISSING_ORDER)
    [(_, diagnostics, _)] = await client.next_published(1)
    lone = tmp_path_factory.mktemp("lone") / "script.py"
    lone.write_text(MISSING_ORDER)
    stale = types.Diagnostic(range=types.Range(start=types.Position(line=99, character=0),
                                               end=types.Position(line=99, character=1)),
                             message="x", source="fortnox-lint", code="FNX001")
    for uri, sent in ((lone.as_uri(), diagnostics), ("untitled:Untitled-1", diagnostics), (app.as_uri(), [stale])):
        actions = await client.text_document_code_action_async(types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri), range=sent[0].range,
            context=types.CodeActionContext(diagnostics=sent)))
        assert not actions  # none (the client may give None or an empty list)

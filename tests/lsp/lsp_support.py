"""Shared by the LSP tests (not a conftest: the root conftest is imported as `conftest`). A real LSP
client (pytest-lsp) talking to `python -m linter lsp` over stdio, in a temp project."""

from __future__ import annotations

import asyncio
import os
import sys
import textwrap
from pathlib import Path

import pytest
import pytest_lsp
from lsprotocol import types
from pygls.protocol import default_converter
from pytest_lsp import ClientServerConfig, LanguageClient
from pytest_lsp.client import DEFAULT_CLIENT_FEATURES, register_lsp_features

REPO = Path(__file__).resolve().parents[2]
PUBLISH = types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS
TIMEOUT = 30  # seconds any one wait may take before the test fails instead of hanging

MANIFEST = """\
scopes:
  - customer
  - invoice
"""
APP = """\
import requests

requests.get("https://api.fortnox.se/3/customers")
"""
BILLING = 'requests.get("https://api.fortnox.se/3/invoices")\n'


class RecordingClient(LanguageClient):
    """Keeps every publishDiagnostics in arrival order, so none is missed between waits."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.published: asyncio.Queue[types.PublishDiagnosticsParams] = asyncio.Queue()

    async def next_published(self, count: int) -> list[tuple[str, list[types.Diagnostic], int | None]]:
        """The next ``count`` publications as (uri, diagnostics, version)."""
        async def take() -> list:
            return [await self.published.get() for _ in range(count)]

        batch = await asyncio.wait_for(take(), TIMEOUT)
        return [(p.uri, list(p.diagnostics), p.version) for p in batch]


def _record(client: RecordingClient, params: types.PublishDiagnosticsParams) -> None:
    client.diagnostics[params.uri] = params.diagnostics
    client.published.put_nowait(params)


def make_client() -> RecordingClient:
    client = RecordingClient(converter_factory=default_converter)
    register_lsp_features(client, {**DEFAULT_CLIENT_FEATURES, PUBLISH: _record})
    return client


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    """A small Fortnox project; every file is clean as it stands on disk."""
    for name, text in {"fortnox.yaml": MANIFEST, "app.py": APP, "billing.py": BILLING}.items():
        (tmp_path / name).write_text(textwrap.dedent(text), encoding="utf-8")
    return tmp_path


SERVER_ENV = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")]))}


@pytest_lsp.fixture(config=ClientServerConfig(server_command=[sys.executable, "-m", "linter", "lsp"],
                                              client_factory=make_client, server_env=SERVER_ENV))
async def client(lsp_client: RecordingClient, workspace: Path):
    result = await asyncio.wait_for(lsp_client.initialize_session(types.InitializeParams(
        capabilities=types.ClientCapabilities(),
        root_uri=workspace.as_uri(),
        workspace_folders=[types.WorkspaceFolder(uri=workspace.as_uri(), name="project")],
    )), TIMEOUT)
    lsp_client.initialize_result = result
    yield
    await asyncio.wait_for(lsp_client.shutdown_session(), TIMEOUT)
    # Everything the server sent came before its reply to shutdown: nothing may be left unchecked.
    leftover = [lsp_client.published.get_nowait() for _ in range(lsp_client.published.qsize())]
    assert leftover == [], "the server published diagnostics no test step expected"

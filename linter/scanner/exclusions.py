"""Files whose URLs are not calls: documentation, vendored API specs, recorded HTTP traffic, tests."""

from __future__ import annotations

import re

# Prose and API notes: a URL there documents a call, it does not make one.
DOC_SUFFIXES = (".md", ".markdown", ".mdx", ".rst", ".txt", ".adoc", ".asciidoc", ".rdoc", ".org",
                ".html", ".htm", ".http", ".rest", ".textile", ".tex")
# Folders of recorded or canned HTTP traffic (VCR cassettes, Polly recordings, Go testdata)
RECORDED_DIRS = frozenset({"cassettes", "vcr_cassettes", "fixtures", "__fixtures__", "__snapshots__",
                           "recordings", "__recordings__", "snapshots", "testdata", "test-data", "test_data",
                           "__mocks__", "mocks", "stubs", "wiremock", "apidocs", "openapi", "swagger"})
RECORDED_SUFFIXES = (".har", ".snap", ".postman_collection.json", ".pact.json")
_SPEC_MARKERS = re.compile(
    r"""^[ \t]*["']?(?:openapi|swagger)["']?\s*:|"(?:openapi|swagger)"\s*:|^[ \t]*http_interactions\s*:|"""
    r""""log"\s*:\s*\{\s*"version"|"interactions"\s*:\s*\[""", re.M)
_DATA_SUFFIXES = (".json", ".yaml", ".yml")

# Test code, excluded unless the user opts in (--include-tests / include_tests: true)
TEST_DIRS = frozenset({"test", "tests", "__tests__", "spec", "specs", "e2e", "cypress", "testing",
                       "integration_tests", "unit_tests"})
_TEST_DIR = re.compile(r"(?:^|[._-])[Tt]ests?$|[a-z]Tests?$")
_TEST_FILE = re.compile(
    r"""^(?:test_.*\.py|.*_test\.py|conftest\.py|.*_test\.go|.*\.(?:test|spec)\.[cm]?[jt]sx?|.*Tests?\.(?:java|kt|cs|php)"""
    r"""|.*_spec\.rb|.*_test\.rb|test_.*\.rb|.*_test\.exs|.*Spec\.(?:kt|java|php))$""")


def is_documentation(display: str) -> bool:
    return display.lower().endswith(DOC_SUFFIXES)


def is_recorded_or_spec(display: str, text: str) -> bool:
    """A vendored OpenAPI/Swagger document, a HAR file, a VCR cassette or other recorded traffic."""
    lowered = display.lower()
    if lowered.endswith(RECORDED_SUFFIXES):
        return True
    if any(part in RECORDED_DIRS for part in lowered.split("/")[:-1]):
        return True
    return lowered.endswith(_DATA_SUFFIXES) and _SPEC_MARKERS.search(text[:4096]) is not None


def is_test_dir(name: str) -> bool:
    return name.lower() in TEST_DIRS or _TEST_DIR.search(name) is not None


def is_test_file(name: str) -> bool:
    return _TEST_FILE.match(name) is not None

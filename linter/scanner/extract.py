"""Find Fortnox endpoint uses in one file's text: a pure function of the text, its path and the catalog."""

from __future__ import annotations

from pathlib import Path

from linter.catalog import Catalog
from linter.scanner.config import config_bases
from linter.scanner.detect import Evidence, FileDetector, make_use
from linter.scanner.exclusions import is_documentation, is_recorded_or_spec
from linter.scanner.facts import EXTRACTORS, FileView
from linter.scanner.lexer import EXTENSIONS, LANGUAGES, LineIndex, tokenize
from linter.scanner.paths import API_URL, METHODS, classify
from linter.scanner.prefilter import PREFILTER
from linter.scanner.sdk import sdk_uses
from linter.scanner.uses import EndpointUse, FileScan

__all__ = ["API_URL", "METHODS", "PREFILTER", "language_of", "scan_text"]

_TEMPLATES = (".html", ".htm")  # documentation-like, yet served by the app: facts still count



def language_of(path: Path) -> str | None:
    return EXTENSIONS.get(path.suffix.lower())


def scan_text(text: str, display: str, language: str | None, catalog: Catalog) -> FileScan:
    """Everything the rules need from one file, from a single pass over its tokens."""
    if not PREFILTER.search(text):
        return FileScan()
    documentation = is_documentation(display)
    if documentation and not display.lower().endswith(_TEMPLATES):
        return FileScan()
    index = LineIndex(text)
    tokens = None
    code = None
    if documentation or is_recorded_or_spec(display, text):
        # An HTML page names endpoints as docs do, but its activation links are the app's own.
        found = FileScan()
    elif language is None or language not in LANGUAGES:
        found = FileScan(uses=_scan_plain(text, display, index, catalog), facts=config_bases(text, display, index))
    else:
        tokens = tokenize(text, LANGUAGES[language])
        detector = FileDetector(text, display, language, tokens, catalog, index)
        uses, facts = detector.run()
        code = detector.code  # the extractors reuse its lists of token texts and kinds
        uses.extend(sdk_uses(tokens, text, display, language, catalog, index))
        found = FileScan(uses=_dedupe(uses), facts=facts)
    view = FileView(text, display, language, tokens, index, code)
    for extractor in EXTRACTORS:
        found.facts.extend(extractor(view))
    return found


def _scan_plain(text: str, display: str, index: LineIndex, catalog: Catalog) -> list[EndpointUse]:
    """A file in a language we cannot lex: only full API URLs count."""
    uses = []
    for match in API_URL.finditer(text):
        shape = classify(match.group(), catalog)
        if shape.kind != "absolute":
            continue
        line, column = index.position(match.start())
        uses.append(make_use(catalog, display, line, column, shape.endpoint, None,
                             Evidence("high", "url", "the URL is written in full")))
    return uses


def _dedupe(uses: list[EndpointUse]) -> list[EndpointUse]:
    seen: dict[tuple, EndpointUse] = {}
    for use in uses:
        key = (use.line, use.column, use.endpoint)
        if key not in seen:
            seen[key] = use
    return sorted(seen.values())

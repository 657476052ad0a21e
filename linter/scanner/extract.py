"""Find Fortnox endpoint uses in one file's text: a pure function of the text, its path and the catalog."""

from __future__ import annotations

import re
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
# Single-file components: markup with the code in <script> blocks (JavaScript, or TypeScript
# with lang="ts"). The blocks are lexed; the markup is read as other unlexed files are.
_COMPONENTS = (".vue", ".svelte")
_TYPESCRIPT = re.compile(r"""\blang\s*=\s*["']?(?:ts|typescript)\b""", re.I)



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
    if documentation or is_recorded_or_spec(display, text):
        # An HTML page names endpoints as docs do, but its activation links are the app's own.
        return _extracted(FileScan(), FileView(text, display, language, None, index))
    if language is None and display.lower().endswith(_COMPONENTS):
        return _scan_component(text, display, catalog, index)
    if language is None or language not in LANGUAGES:
        return _scan_unlexed(text, display, language, catalog, index)
    return _scan_lexed(text, display, language, catalog, index)


def _extracted(found: FileScan, view: FileView) -> FileScan:
    """``found`` with the facts every extractor finds in ``view`` added."""
    for extractor in EXTRACTORS:
        found.facts.extend(extractor(view))
    return found


def _scan_lexed(text: str, display: str, language: str, catalog: Catalog, index: LineIndex) -> FileScan:
    """A file in a language the lexer knows: detection over its tokens, then the extractors."""
    tokens = tokenize(text, LANGUAGES[language])
    detector = FileDetector(text, display, language, tokens, catalog, index)
    uses, facts = detector.run()
    uses.extend(sdk_uses(tokens, text, display, language, catalog, index))
    # the extractors reuse the detector's lists of token texts and kinds
    return _extracted(FileScan(uses=_dedupe(uses), facts=facts),
                      FileView(text, display, language, tokens, index, detector.code))


def _scan_component(text: str, display: str, catalog: Catalog, index: LineIndex) -> FileScan:
    """A .vue or .svelte file: its <script> blocks scanned as JavaScript or TypeScript, its markup
    as an unlexed file (an activation link in an <a href>). Each pass sees the file with the other
    part blanked out, so lines and columns stay the file's own."""
    scripts, typescript = _script_blocks(text)
    if not scripts:
        return _scan_unlexed(text, display, None, catalog, index)
    script = _blanked(text, scripts, keep=True)  # the same lines as ``text``: ``index`` serves both
    code = _scan_lexed(script, display, "typescript" if typescript else "javascript", catalog, index) \
        if PREFILTER.search(script) else FileScan()
    markup = _scan_unlexed(_blanked(text, scripts, keep=False), display, None, catalog, index)
    return FileScan(uses=_dedupe(code.uses + markup.uses), facts=code.facts + markup.facts)


def _scan_unlexed(text: str, display: str, language: str | None, catalog: Catalog, index: LineIndex) -> FileScan:
    """A file in a language we cannot lex: full API URLs, configured bases, and the facts the
    extractors find in plain text."""
    found = FileScan(uses=_scan_plain(text, display, index, catalog), facts=config_bases(text, display, index))
    return _extracted(found, FileView(text, display, language, None, index))


def _script_blocks(text: str) -> tuple[list[tuple[int, int]], bool]:
    """The (start, end) of each <script> block's content, and whether one says lang="ts". Found
    with str.find, one pass: an unclosed <script> runs to the end of the file."""
    blocks: list[tuple[int, int]] = []
    typescript = False
    lowered = text.lower()
    at = 0
    while True:
        start = lowered.find("<script", at)
        if start < 0:
            break
        close = lowered.find(">", start)
        if close < 0:
            break
        typescript = typescript or _TYPESCRIPT.search(text, start, close) is not None
        end = lowered.find("</script", close)
        blocks.append((close + 1, len(text) if end < 0 else end))
        if end < 0:
            break
        at = end + 8
    return blocks, typescript


def _blanked(text: str, blocks: list[tuple[int, int]], keep: bool) -> str:
    """``text`` with everything outside ``blocks`` (``keep``) or inside them blanked: spaces, the
    line breaks kept, so that every character stays at its line and column."""
    parts: list[str] = []
    at = 0
    for start, end in blocks:
        outside, inside = text[at:start], text[start:end]
        parts.append(outside if not keep else _blank(outside))
        parts.append(inside if keep else _blank(inside))
        at = end
    parts.append(text[at:] if not keep else _blank(text[at:]))
    return "".join(parts)


_NOT_BREAKS = re.compile(r"[^\r\n]")


def _blank(text: str) -> str:
    return _NOT_BREAKS.sub(" ", text)


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

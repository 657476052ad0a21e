"""Score the scanner on the annotated corpus: precision and recall per language and URL style.

Every corpus file marks, in a comment on the line where a use must be reported,

    fortnox: <style> [METHOD] <endpoint> <scope>[; <style> [METHOD] <endpoint> <scope> ...]

and lines that hold a trap (a URL or path that must NOT be reported) with

    fortnox: none <why>

Any use reported on a line without an expected use is a false positive. Each folder directly
below tests/corpus/<language>/ is one project: it is scanned as a whole, so a base URL in one of
its files applies to the others. Annotations are blanked out before scanning (keeping every
column), so the word "fortnox" in them cannot help detection.

Usage: python tests/corpus/score.py [--details]
"""

from __future__ import annotations

import os
import re
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))

from linter.catalog import load_catalog  # noqa: E402
from linter.scanner import scan  # noqa: E402
from linter.scanner.lexer import EXTENSIONS  # noqa: E402

STYLES = ("url", "path", "host-base", "v3-base", "format", "helper", "cross-file", "route-table",
          "resource-property", "sdk")
# How the scanner says it found a use -> the style a false positive is counted under
HOW_TO_STYLE = {
    "url": "url", "path": "path", "constant": "v3-base", "concatenation": "v3-base", "client-base": "v3-base",
    "fortnox-base": "v3-base", "interpolation": "format", "format": "format", "url-join": "format",
    "fortnox-helper": "helper", "declarative-client": "helper", "cross-file-base": "cross-file",
    "cross-file-helper": "cross-file", "route-table": "route-table", "resource-property": "resource-property",
    "sdk": "sdk",
}
ANNOTATION = re.compile(r"(?:#|//|/\*|<!--)[ \t]*(?P<all>fortnox:(?P<body>.*))$")
_TERMINATORS = ("*/", "-->", "%>")
ENTRY = re.compile(r"^(?P<style>[a-z0-9-]+)\s+(?:(?P<method>GET|POST|PUT|PATCH|DELETE)\s+)?"
                   r"(?P<endpoint>/\S+)\s+(?P<scope>[a-z]+)$")


@dataclass(frozen=True)
class Expected:
    path: str
    line: int
    endpoint: str
    scope: str
    style: str
    method: str | None


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


@dataclass
class Report:
    overall: Tally = field(default_factory=Tally)
    languages: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    styles: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    methods_right: int = 0
    methods_checked: int = 0
    traps: int = 0
    traps_hit: int = 0
    files: int = 0
    problems: list[str] = field(default_factory=list)  # annotation errors
    heldout: Tally = field(default_factory=Tally)  # projects named heldout_*: written before running the tool
    misses: list[str] = field(default_factory=list)
    false: list[str] = field(default_factory=list)


def language(path: str) -> str:
    return EXTENSIONS.get(Path(path).suffix.lower(), "other")


def parse(text: str, path: str, report: Report) -> tuple[list[Expected], set[int], str]:
    """Expected uses, trap lines, and the text with every annotation blanked out."""
    expected: list[Expected] = []
    traps: set[int] = set()
    lines = text.split("\n")
    for number, line in enumerate(lines, start=1):
        match = ANNOTATION.search(line)
        if not match:
            continue
        body = match.group("body").strip()
        for terminator in _TERMINATORS:
            body = body.removesuffix(terminator).strip()
        lines[number - 1] = line[:match.start("all")] + " " * (len(line) - match.start("all"))
        if body.startswith("none"):
            traps.add(number)
            continue
        for entry in (e.strip() for e in body.split(";")):
            parsed = ENTRY.match(entry)
            if not parsed or parsed.group("style") not in STYLES:
                report.problems.append(f"{path}:{number}: cannot read annotation {entry!r}")
                continue
            expected.append(Expected(path, number, parsed.group("endpoint"), parsed.group("scope"),
                                     parsed.group("style"), parsed.group("method")))
    return expected, traps, "\n".join(lines)


def score(corpus: Path = HERE) -> Report:
    catalog = load_catalog()
    report = Report()
    for project in sorted(p for lang in corpus.iterdir() if lang.is_dir() for p in lang.iterdir() if p.is_dir()):
        expected: list[Expected] = []
        traps: set[tuple[str, int]] = set()
        overrides: dict[Path, str] = {}
        for file in sorted(project.rglob("*")):
            if not file.is_file():
                continue
            display = file.relative_to(project).as_posix()
            text = file.read_text(encoding="utf-8")
            found, trap_lines, blank = parse(text, f"{project.relative_to(corpus).as_posix()}/{display}", report)
            expected += [Expected(display, e.line, e.endpoint, e.scope, e.style, e.method) for e in found]
            traps |= {(display, n) for n in trap_lines}
            overrides[Path(os.path.abspath(file))] = blank
            report.files += 1
        result = scan([project], catalog, project, overrides=overrides)
        before = (report.overall.tp, report.overall.fp, report.overall.fn)
        _compare(report, project.relative_to(corpus).as_posix(), expected, traps, result.uses)
        if project.name.startswith("heldout_"):
            report.heldout.tp += report.overall.tp - before[0]
            report.heldout.fp += report.overall.fp - before[1]
            report.heldout.fn += report.overall.fn - before[2]
    return report


def _compare(report: Report, name: str, expected: list[Expected], traps: set[tuple[str, int]], uses) -> None:
    wanted = {(e.path, e.line, e.endpoint, e.scope): e for e in expected}
    got = {}
    for use in uses:
        got.setdefault((use.path, use.line, use.endpoint, use.scope or "-"), use)
    for key, exp in wanted.items():
        lang = language(exp.path)
        if key in got:
            for tally in (report.overall, report.languages[lang], report.styles[exp.style]):
                tally.tp += 1
            if exp.method:
                report.methods_checked += 1
                report.methods_right += got[key].method == exp.method
                if got[key].method != exp.method:
                    report.misses.append(f"{name}/{exp.path}:{exp.line}: method {got[key].method} != {exp.method}")
        else:
            for tally in (report.overall, report.languages[lang], report.styles[exp.style]):
                tally.fn += 1
            report.misses.append(f"{name}/{exp.path}:{exp.line}: missed {exp.style} {exp.endpoint} {exp.scope}")
    hit_traps = set()
    for key, use in got.items():
        if key in wanted:
            continue
        lang = language(use.path)
        style = HOW_TO_STYLE.get(use.how, use.how)
        for tally in (report.overall, report.languages[lang], report.styles[style]):
            tally.fp += 1
        if (use.path, use.line) in traps:
            hit_traps.add((use.path, use.line))
        report.false.append(f"{name}/{use.path}:{use.line}:{use.column}: reported {use.method} {use.endpoint} "
                            f"{use.scope} [{use.how}, {use.confidence}] {use.why}")
    report.traps += len(traps)
    report.traps_hit += len(hit_traps)


def table(report: Report) -> str:
    def rows(title: str, tallies: dict[str, Tally], order: tuple[str, ...] | None = None) -> list[str]:
        out = [f"| {title} | expected | found | precision | recall |", "|---|---:|---:|---:|---:|"]
        for key in order or tuple(sorted(tallies)):
            t = tallies.get(key)
            if t is None:
                continue
            out.append(f"| {key} | {t.tp + t.fn} | {t.tp + t.fp} | {t.precision:.2f} | {t.recall:.2f} |")
        return out

    overall = report.overall
    lines = rows("language", report.languages) + [
        f"| **all** | {overall.tp + overall.fn} | {overall.tp + overall.fp} | "
        f"**{overall.precision:.2f}** | **{overall.recall:.2f}** |", ""]
    lines += rows("URL style", report.styles, STYLES) + [""]
    held = report.heldout
    # list items: two lines of a Markdown paragraph would be rendered as one
    lines.append(f"- Projects written blind (heldout_*): "
                 f"{held.tp + held.fn} expected uses, precision {held.precision:.2f}, recall {held.recall:.2f}.")
    lines.append(f"- {report.files} files; {report.traps} trap lines, {report.traps_hit} reported; "
                 f"HTTP method right on {report.methods_right} of {report.methods_checked} uses that show one.")
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    report = score()
    print(table(report))
    if "--details" in argv:
        for line in report.problems + report.misses + report.false:
            print(line)
    if report.problems:
        print("\n".join(report.problems), file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

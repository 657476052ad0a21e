"""The command line: a thin click layer over linter.runner."""

from __future__ import annotations

import os
import sys
from contextlib import nullcontext
from pathlib import Path

import click

from linter import __version__
from linter.compiled import build_description
from linter.engine import LintRequest
from linter.errors import LintError
from linter.formatters.base import clean
from linter.formatters import FORMATTERS
from linter.outputs import Output, plan
from linter.runner import EXIT_ERROR, run, run_auth_url, run_fix, run_init, run_scopes, run_write_baseline
from linter.terminal import color_enabled, is_tty
from linter.wording import counted

_PATHS = click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
_INCLUDE_TESTS = click.option("--include-tests", is_flag=True,
                              help="Also scan test code (tests/, *_test.go, *.spec.ts, ...), skipped by default.")
_CATALOG = click.option("--catalog", type=click.Path(path_type=Path), default=None,
                        help="Use this catalog instead of the shipped data/scopes.yaml.")



def _speed_options(command):
    """--jobs, --no-cache and --cache-dir: how to go fast; none of them changes the findings."""
    command = click.option("--jobs", "-j", type=click.IntRange(min=0), default=0, show_default=True,
                           help="Worker processes for big trees (0: one per core).")(command)
    command = click.option("--no-cache", is_flag=True,
                           help="Neither read nor write the cache of scan results.")(command)
    return click.option("--cache-dir", type=click.Path(path_type=Path), default=None,
                        help="Cache folder (default: .fortnox-lint-cache in the project root).")(command)


def _split(values: tuple[str, ...]) -> set[str]:
    return {part.strip() for value in values for part in value.split(",") if part.strip()}


def _version_text() -> str:
    try:
        # The shipped catalog is parsed as a check parses it (libyaml, no positions, validated only
        # if that fails): a full validating load made --version take half a second.
        from linter.cache import load_catalog

        catalog, _key = load_catalog(None, None)
        return f"fortnox-lint {__version__} (catalog {catalog.version}; {build_description()})"
    except LintError as exc:
        return f"fortnox-lint {__version__} (catalog unreadable: {exc}; {build_description()})"


def _print_version(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    if value and not ctx.resilient_parsing:
        click.echo(_version_text())
        ctx.exit(0)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--version", is_flag=True, expose_value=False, is_eager=True, callback=_print_version,
              help="Show the tool and catalog versions and exit.")
def cli() -> None:
    """Check a Fortnox integration's scopes and licences before it ships."""


@cli.command()
@_PATHS
@click.option("--manifest", type=click.Path(path_type=Path), default=None,
              help="The fortnox.yaml to use (default: found next to or above PATHS).")
@_CATALOG
@click.option("--format", "formats", multiple=True, metavar="FORMAT[:FILE]",
              help=f"Report format: {', '.join(FORMATTERS)}. Add :FILE to write that format to FILE as "
                   "well (repeatable, e.g. --format sarif:results.sarif). Default: full on a terminal, "
                   "github inside GitHub Actions, text otherwise.")
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False), default=None,
              help="Write the main report to FILE instead of standard output.")
@click.option("--color", type=click.Choice(["auto", "always", "never"]), default="auto", show_default=True,
              help="Colour the full format; auto: only on a terminal and when NO_COLOR is unset.")
@click.option("--fail-on", type=click.Choice(["error", "warning", "info"]), default="warning",
              show_default=True, help="Lowest severity that makes the exit code 1.")
@click.option("--exit-zero", is_flag=True,
              help="Exit 0 even with findings (2 still means it could not lint).")
@click.option("--statistics", is_flag=True,
              help="Show how many findings each rule produced instead of the findings.")
@click.option("--select", multiple=True, metavar="RULES", help="Only run these rules (names or codes, comma-separated).")
@click.option("--ignore", multiple=True, metavar="RULES", help="Do not run these rules (names or codes, comma-separated).")
@click.option("--stdin-filename", type=click.Path(path_type=Path), default=None, metavar="PATH",
              help="Read the text of PATH from stdin (an editor's unsaved buffer) and lint it "
                   "within PATH's project; findings are reported for PATH only.")
@click.option("--baseline", type=click.Path(path_type=Path), default=None, metavar="FILE",
              help="Do not report findings recorded in this baseline file.")
@click.option("--write-baseline", type=click.Path(path_type=Path), default=None, metavar="FILE",
              help="Record every current finding in FILE and exit 0.")
@click.option("--fix", is_flag=True, help="Add missing and remove unused scopes in fortnox.yaml (never source files).")
@click.option("--diff", is_flag=True, help="Show the change --fix would make to fortnox.yaml; write nothing.")
@click.option("--since", metavar="GIT_REF", default=None,
              help="Warn about scopes added to fortnox.yaml since this git ref (default: fortnox.lock, if any).")
@_INCLUDE_TESTS
@_speed_options
def check(paths: tuple[Path, ...], manifest: Path | None, catalog: Path | None, formats: tuple[str, ...],
          output: Path | None, color: str, fail_on: str, exit_zero: bool, statistics: bool,
          select: tuple[str, ...], ignore: tuple[str, ...], stdin_filename: Path | None,
          baseline: Path | None, write_baseline: Path | None, fix: bool, diff: bool,
          since: str | None, include_tests: bool, jobs: int, no_cache: bool, cache_dir: Path | None) -> None:
    """Lint PATHS (default: the current folder) against fortnox.yaml."""
    if write_baseline is not None and (baseline is not None or fix or diff):
        raise click.UsageError("--write-baseline cannot be combined with --baseline, --fix or --diff")
    if stdin_filename is not None and (write_baseline is not None or fix or diff):
        raise click.UsageError("--fix, --diff and --write-baseline work on the files on disk, "
                               "not with --stdin-filename")
    from linter.ruledefs import find_rule, load_rules

    outputs = _plan_outputs(formats, output, statistics)

    rules = load_rules()
    chosen: dict[str, set[str] | None] = {"select": None, "ignore": set()}
    for key, values in (("select", select), ("ignore", ignore)):
        if not values:
            continue
        names = set()
        for item in _split(values):
            rule = find_rule(rules, item)
            if rule is None:
                raise click.BadParameter(f"unknown rule {item!r} (see `fortnox-lint rules`)",
                                         param_hint=f"--{key}")
            names.add(rule.name)
        chosen[key] = names
    request = LintRequest(paths=list(paths) or [Path(".")], manifest=manifest, catalog=catalog,
                          select=chosen["select"], ignore=chosen["ignore"] or set(), baseline=baseline,
                          since=since, include_tests=include_tests,
                          cache=not no_cache, cache_dir=cache_dir, jobs=jobs)
    if write_baseline is not None:
        sys.exit(run_write_baseline(request, write_baseline, sys.stderr))
    if fix or diff:
        sys.exit(run_fix(request, outputs, sys.stdout, sys.stderr, diff_only=diff, fail_on=fail_on,
                         exit_zero=exit_zero, color=color_enabled(color, sys.stdout, os.environ)))
    if stdin_filename is None:
        sys.exit(run(request, outputs, sys.stdout, sys.stderr, fail_on, exit_zero=exit_zero,
                     statistics=statistics, color=color_enabled(color, sys.stdout, os.environ)))
    if paths:
        raise click.UsageError("--stdin-filename lints one buffer; do not pass PATHS with it")
    from linter import replay
    from linter.stdin import stdin_request

    recording = replay.recording()  # so that the same check of the same buffer is answered at once
    out, err = sys.stdout, sys.stderr
    if recording is not None:
        out, err = replay.Tee(out, recording.out), replay.Tee(err, recording.err)
    with recording or nullcontext():
        try:
            request = stdin_request(request, stdin_filename, replay.stdin_bytes())
        except OSError as exc:
            click.echo(f"fortnox-lint: error: cannot read stdin: {clean(exc.strerror or str(exc))}", err=True)
            sys.exit(EXIT_ERROR)
        except LintError as exc:
            click.echo(f"fortnox-lint: error: {clean(str(exc))}", err=True)
            sys.exit(EXIT_ERROR)
        code = run(request, outputs, out, err, fail_on, exit_zero=exit_zero, statistics=statistics,
                   color=color_enabled(color, sys.stdout, os.environ))
    if recording is not None:
        recording.save(code)
    sys.exit(code)


def _plan_outputs(formats: tuple[str, ...], output: Path | None, statistics: bool) -> list[Output]:
    try:
        outputs = plan(formats, output, stdout_tty=is_tty(sys.stdout), environ=os.environ)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--format") from None
    if statistics and outputs[0].fmt not in ("text", "full", "json"):
        raise click.BadParameter(f"--statistics prints text or json, not {outputs[0].fmt}; "
                                 "send that format to a file (FORMAT:FILE)", param_hint="--format")
    return outputs


@cli.command()
@_PATHS
@_CATALOG
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--explain", is_flag=True, help="List each call site under the scope it needs.")
@_INCLUDE_TESTS
@_speed_options
def scopes(paths: tuple[Path, ...], catalog: Path | None, fmt: str, explain: bool, include_tests: bool,
           jobs: int, no_cache: bool, cache_dir: Path | None) -> None:
    """Show which scopes and licences the code in PATHS needs (no manifest required)."""
    request = LintRequest(paths=list(paths) or [Path(".")], catalog=catalog, include_tests=include_tests,
                          cache=not no_cache, cache_dir=cache_dir, jobs=jobs)
    sys.exit(run_scopes(request, fmt, sys.stdout, sys.stderr, explain=explain))


@cli.command()
@click.argument("path", type=click.Path(path_type=Path, file_okay=False), default=".")
@_CATALOG
@click.option("--force", is_flag=True, help="Overwrite an existing fortnox.yaml.")
def init(path: Path, catalog: Path | None, force: bool) -> None:
    """Write a commented, least-privilege fortnox.yaml in PATH from the code below it."""
    request = LintRequest(paths=[path], catalog=catalog)
    sys.exit(run_init(request, path / "fortnox.yaml", force, sys.stdout, sys.stderr))


@cli.command("auth-url")
@click.argument("path", type=click.Path(path_type=Path), default=".")
@click.option("--manifest", type=click.Path(path_type=Path), default=None,
              help="The fortnox.yaml to use (default: found in or above PATH).")
@_CATALOG
@click.option("--client-id", default=None, help="The app's client id (default: a {client_id} placeholder).")
@click.option("--state", default=None, help="The state value (default: a {state} placeholder; use a fresh random value per request).")
@click.option("--redirect-uri", default=None, help="Which registered redirect URI to use (default: the first).")
def auth_url(path: Path, manifest: Path | None, catalog: Path | None, client_id: str | None,
             state: str | None, redirect_uri: str | None) -> None:
    """Print the Fortnox authorization URL for the manifest's scopes and settings."""
    sys.exit(run_auth_url(path, manifest, catalog, client_id, state, redirect_uri, sys.stdout, sys.stderr))


@cli.command()
@click.argument("path", required=False, type=click.Path(path_type=Path))
@click.option("--manifest", type=click.Path(path_type=Path), default=None,
              help="The fortnox.yaml to lock (default: found in or above PATH).")
def lock(path: Path | None, manifest: Path | None) -> None:
    """Record fortnox.yaml's scopes as authorized by existing customers (writes fortnox.lock).

    Run it once customers have authorized the current scopes, and commit the file:
    `check` then warns when a scope is added that existing connections do not have.
    """
    from linter.authorized import write_lock
    from linter.engine import locate_manifest
    from linter.manifest import load_manifest
    from linter.scanner.files import display_path

    try:
        found = locate_manifest(LintRequest(paths=[path or Path(".")], manifest=manifest))
        if found is None:
            raise LintError("no fortnox.yaml found here or in any folder above; pass --manifest")
        loaded = load_manifest(found, display_path(Path(os.path.abspath(found)), Path.cwd()))
        if not loaded.valid:
            raise LintError("does not follow its schema; run `fortnox-lint check` first", loaded.display)
        written, scopes = write_lock(loaded)
    except LintError as exc:
        click.echo(f"fortnox-lint: error: {clean(str(exc))}", err=True)
        sys.exit(EXIT_ERROR)
    click.echo(f"wrote {written}: {counted(len(scopes), 'authorized scope')} "
               f"({', '.join(scopes) or 'none'})")


@cli.command("rules")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def list_rules(fmt: str) -> None:
    """List every rule with its code, default severity and summary."""
    from linter.explain import rules_json, rules_table

    click.echo(rules_json() if fmt == "json" else rules_table(), nl=False)


@cli.command("rule")
@click.argument("name_or_code")
def explain_rule(name_or_code: str) -> None:
    """Explain one rule: why it exists, the Fortnox error it prevents, the fix, examples."""
    from linter.explain import rule_text
    from linter.ruledefs import load_rules

    text = rule_text(load_rules(), name_or_code)
    if text is None:
        click.echo(f"fortnox-lint: error: no rule named {name_or_code!r} (see `fortnox-lint rules`)", err=True)
        sys.exit(EXIT_ERROR)
    click.echo(text, nl=False)


@cli.group("catalog")
def catalog_group() -> None:
    """Inspect and maintain the endpoint catalog."""


@catalog_group.command("diff")
@click.argument("openapi", type=click.Path(path_type=Path))
@_CATALOG
def catalog_diff(openapi: Path, catalog: Path | None) -> None:
    """Compare the catalog with an OpenAPI document; exit 1 if they differ."""
    from linter.catalog_diff import run_diff

    sys.exit(run_diff(openapi, catalog, sys.stdout, sys.stderr))


@catalog_group.command("validate")
@click.argument("path", type=click.Path(path_type=Path))
def catalog_validate(path: Path) -> None:
    """Check a catalog file against the schema and its own cross-references."""
    from linter.catalog import load_catalog

    try:
        loaded = load_catalog(path)
    except LintError as exc:
        click.echo(f"fortnox-lint: error: {clean(str(exc))}", err=True)
        sys.exit(EXIT_ERROR)
    click.echo(f"{path}: valid catalog {loaded.version} ({len(loaded.scopes)} scopes, "
               f"{len(loaded.endpoints)} endpoints)")


@cli.command("lsp")
def lsp() -> None:
    """Run the language server over stdio, for editors (needs the lsp extra)."""
    try:
        from linter.lsp.server import serve
    except ImportError as exc:
        if (exc.name or "").split(".")[0] not in ("pygls", "lsprotocol"):
            raise
        click.echo('fortnox-lint: error: the language server needs pygls; '
                   'pip install "fortnox-scope-lint[lsp]"', err=True)
        sys.exit(EXIT_ERROR)
    serve()


def main() -> None:
    """Entry point. An unexpected exception is a bug: say so in one line and exit 2.

    Set FORTNOX_LINT_DEBUG=1 (or pass --debug before the command) to see the traceback.
    """
    debug = os.environ.get("FORTNOX_LINT_DEBUG") == "1" or "--debug" in sys.argv[1:2]
    if "--debug" in sys.argv[1:2]:
        del sys.argv[1]
    if debug:
        os.environ["FORTNOX_LINT_DEBUG"] = "1"  # so the scanner and its workers re-raise too
    try:
        cli(prog_name="fortnox-lint", standalone_mode=True)
    except SystemExit:
        raise
    except LintError as exc:
        click.echo(f"fortnox-lint: error: {clean(str(exc))}", err=True)
        sys.exit(EXIT_ERROR)
    except Exception as exc:  # noqa: BLE001 - the last line of defence
        if debug:
            raise
        click.echo(f"fortnox-lint: internal error: {type(exc).__name__}: {clean(str(exc))} "
                   "(rerun with --debug for details, and please report it)", err=True)
        sys.exit(EXIT_ERROR)

"""The command line: a thin click layer over linter.runner."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from linter import __version__
from linter.engine import LintRequest
from linter.errors import LintError
from linter.formatters import FORMATTERS
from linter.runner import EXIT_ERROR, run, run_scopes

_PATHS = click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
_CATALOG = click.option("--catalog", type=click.Path(path_type=Path), default=None,
                        help="Use this catalog instead of the shipped data/scopes.yaml.")


def _split(values: tuple[str, ...]) -> set[str]:
    return {part.strip() for value in values for part in value.split(",") if part.strip()}


def _version_text() -> str:
    try:
        from linter.catalog import load_catalog

        catalog = load_catalog()
        return f"fortnox-lint {__version__} (catalog {catalog.version})"
    except LintError as exc:
        return f"fortnox-lint {__version__} (catalog unreadable: {exc})"


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
@click.option("--format", "fmt", type=click.Choice(sorted(FORMATTERS)), default="text",
              show_default=True, help="Output format.")
@click.option("--select", multiple=True, metavar="RULES", help="Only run these rules (names or codes, comma-separated).")
@click.option("--ignore", multiple=True, metavar="RULES", help="Do not run these rules (names or codes, comma-separated).")
@click.option("--since", metavar="GIT_REF", default=None,
              help="Warn about scopes added to fortnox.yaml since this git ref (default: fortnox.lock, if any).")
def check(paths: tuple[Path, ...], manifest: Path | None, catalog: Path | None, fmt: str,
          select: tuple[str, ...], ignore: tuple[str, ...], since: str | None) -> None:
    """Lint PATHS (default: the current folder) against fortnox.yaml."""
    from linter.ruledefs import find_rule, load_rules

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
                          select=chosen["select"], ignore=chosen["ignore"] or set(), since=since)
    sys.exit(run(request, fmt, sys.stdout, sys.stderr))


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
    from linter.engine import LintRequest as Request, locate_manifest
    from linter.manifest import load_manifest

    request = Request(paths=[path or Path(".")], manifest=manifest)
    found = locate_manifest(request)
    if found is None:
        raise LintError("no fortnox.yaml found here or in any folder above; pass --manifest")
    loaded = load_manifest(found)
    if not loaded.valid:
        raise LintError("fortnox.yaml does not follow its schema; run `fortnox-lint check` first",
                        str(found))
    written, scopes = write_lock(loaded)
    click.echo(f"wrote {written}: {len(scopes)} authorized scope{'s' if len(scopes) != 1 else ''} "
               f"({', '.join(scopes) or 'none'})")


@cli.command()
@_PATHS
@_CATALOG
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--explain", is_flag=True, help="List each call site under the scope it needs.")
def scopes(paths: tuple[Path, ...], catalog: Path | None, fmt: str, explain: bool) -> None:
    """Show which scopes and licences the code in PATHS needs (no manifest required)."""
    request = LintRequest(paths=list(paths) or [Path(".")], catalog=catalog)
    sys.exit(run_scopes(request, fmt, sys.stdout, sys.stderr, explain=explain))


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
        click.echo(f"fortnox-lint: error: {exc}", err=True)
        sys.exit(EXIT_ERROR)
    click.echo(f"{path}: valid catalog {loaded.version} ({len(loaded.scopes)} scopes, "
               f"{len(loaded.endpoints)} endpoints)")


def main() -> None:
    """Entry point. An unexpected exception is a bug: say so in one line and exit 2.

    Set FORTNOX_LINT_DEBUG=1 (or pass --debug before the command) to see the traceback.
    """
    debug = os.environ.get("FORTNOX_LINT_DEBUG") == "1" or "--debug" in sys.argv[1:2]
    if "--debug" in sys.argv[1:2]:
        del sys.argv[1]
    try:
        cli(prog_name="fortnox-lint", standalone_mode=True)
    except SystemExit:
        raise
    except LintError as exc:
        click.echo(f"fortnox-lint: error: {exc}", err=True)
        sys.exit(EXIT_ERROR)
    except Exception as exc:  # noqa: BLE001 - the last line of defence
        if debug:
            raise
        click.echo(f"fortnox-lint: internal error: {type(exc).__name__}: {exc} "
                   "(rerun with --debug for details, and please report it)", err=True)
        sys.exit(EXIT_ERROR)

"""Security: no network, scanned code is never imported or run, printed text cannot attack the terminal."""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
from pathlib import Path

from lintrun import REPO, run_cli

# Runs the CLI under an audit hook (PEP 578) that records, from every process including the
# workers, any internet socket, any import or compile of a file in the scanned tree, and any
# attempt to start a program. The scanned folder is kept off sys.path, as the console script does.
WATCHED = r"""
import os, socket, sys
ROOT = os.path.realpath(sys.argv[1])
LOG = os.open(sys.argv[2], os.O_WRONLY | os.O_APPEND | os.O_CREAT)
sys.path[:] = [p for p in sys.path if p and os.path.realpath(p) != ROOT]

def inside(name):
    if not isinstance(name, (str, bytes)) or os.fsdecode(name).startswith("<"):  # <string>, <frozen ...>
        return False
    return os.path.realpath(os.fsdecode(name)).startswith(ROOT + os.sep)

def hook(event, args):
    bad = None
    if event in ("socket.connect", "socket.sendto", "socket.bind") and args[0].family != socket.AF_UNIX:
        bad = f"{event} {args[1]!r}"
    elif event == "socket.getaddrinfo":
        bad = f"{event} {args[0]!r}"
    elif event == "import" and inside(args[1]):
        bad = f"import {args[0]} from {args[1]}"
    elif event == "compile" and inside(args[1]):
        bad = f"compile {args[1]}"
    elif event in ("subprocess.Popen", "os.system", "os.exec", "os.posix_spawn", "os.spawn"):
        bad = f"{event} {args[:2]!r}"
    if bad:
        os.write(LOG, (bad + "\n").encode("utf-8", "backslashreplace"))

sys.addaudithook(hook)
sys.argv = ["fortnox-lint"] + sys.argv[3:]
from linter.cli import main
main()
"""

BAIT = "open({marker!r}, 'w').write('executed')\nimport urllib.request\nurllib.request.urlopen('https://api.fortnox.se/3/me')\n"


def test_no_network_no_import_no_execution_of_scanned_code(tmp_path):
    root = tmp_path / "project"
    (root / "linter").mkdir(parents=True)  # even a folder named like the tool itself
    (root / "fortnox.yaml").write_text("scopes: [invoice, profile]\n")
    names = ["conftest.py", "setup.py", "__init__.py", "sitecustomize.py", "usercustomize.py",
             "yaml.py", "click.py", "json.py", "linter/__init__.py", "linter/cli.py",
             "fortnox_client.py", "__main__.py"]
    for i, name in enumerate(names):
        marker = str(tmp_path / f"EXECUTED-{i}")
        (root / name).write_text(BAIT.format(marker=marker) + 'u = "https://api.fortnox.se/3/invoices"\n')
    for i in range(250):  # enough files for worker processes to take part
        (root / "gen").mkdir(exist_ok=True)
        (root / "gen" / f"m{i}.py").write_text(BAIT.format(marker=str(tmp_path / "EXECUTED-gen")))
    log = tmp_path / "audit.log"
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    env.pop("FORTNOX_LINT_DEBUG", None)
    done = subprocess.run([sys.executable, "-c", WATCHED, str(root), str(log), "check", "--format", "json",
                           "--jobs", "2", "--include-tests"], cwd=root, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["summary"]["files_scanned"] == 263
    assert not log.exists() or log.read_text() == ""
    assert sorted(p.name for p in tmp_path.iterdir()) == ["audit.log", "project"] if log.exists() \
        else ["project"]


def yaml_calls(tree: ast.AST) -> list[str]:
    """Every yaml.<function>(...) call, with its Loader when one is named."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
                and isinstance(node.func.value, ast.Name) and node.func.value.id == "yaml":
            loader = [ast.unparse(k.value) for k in node.keywords if k.arg == "Loader"]
            found.append(node.func.attr + (f"[{loader[0]}]" if loader else ""))
    return found


def test_only_safe_yaml_loading_in_the_linter():
    allowed = {"safe_load", "compose[yaml.SafeLoader]", "SafeLoader",
               "load[getattr(yaml, 'CSafeLoader', yaml.SafeLoader)]", "safe_dump", "dump"}
    calls = {call for path in (REPO / "linter").rglob("*.py")
             for call in yaml_calls(ast.parse(path.read_text(encoding="utf-8")))}
    assert calls - allowed == set()
    assert "safe_load" in calls or "compose[yaml.SafeLoader]" in calls


def test_the_linter_never_evaluates_code():
    dangerous = {"eval", "exec", "compile", "__import__",  # builtins
                 "import_module", "run_path", "run_module", "exec_module"}  # importlib, runpy
    used = set()
    for path in (REPO / "linter").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call):
                func = node.func
                name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
                if name in dangerous and not (isinstance(func, ast.Attribute) and name == "compile"
                                              and ast.unparse(func.value) == "re"):
                    used.add(f"{path.relative_to(REPO).as_posix()} {name}({ast.unparse(node.args[0])})")
    # The one dynamic import: an output format's own module, named in a constant table.
    assert used == {"linter/formatters/__init__.py import_module(f'{__name__}.{_MODULES[name]}')"}


def test_terminal_escapes_in_file_names_and_values_are_shown_not_obeyed(tmp_path):
    (tmp_path / "fortnox.yaml").write_text('scopes: ["inv\\e[2Joice"]\n')
    (tmp_path / "evil\x1b[31m.py").write_text('u = "https://api.fortnox.se/3/invoices"\n')
    (tmp_path / "line\nbreak.py").write_text('u = "https://api.fortnox.se/3/invoices"\n')
    (tmp_path / "rtl\u202etxt.py").write_text('u = "https://api.fortnox.se/3/invoices"\n')
    (tmp_path / "bin\x07.dat").write_bytes(b"\0\x1b[2J")
    done = subprocess.run([sys.executable, "-m", "linter", "check", "--select", "missing-scope,unknown-scope"],
                          cwd=tmp_path, capture_output=True, timeout=120,
                          env={**os.environ, "PYTHONPATH": str(REPO)})
    out, err = done.stdout.decode(), done.stderr.decode()
    assert "\x1b" not in out + err and "\x07" not in out + err and "\u202e" not in out + err
    assert err == "fortnox-lint: bin\\x07.dat: skipped (binary file)\n"
    lines = out.splitlines()
    assert [line.split(": ")[0] for line in lines[:-1]] == [
        "evil\\x1b[31m.py:1:5", "fortnox.yaml:1:10", "line\\x0abreak.py:1:5", "rtl\\u202etxt.py:1:5"]
    assert lines[1].startswith("fortnox.yaml:1:10: FNX003 [unknown-scope] 'inv\\x1b[2Joice' is not a Fortnox scope")


def test_json_output_stays_valid_with_undecodable_file_names(tmp_path):
    (tmp_path / "fortnox.yaml").write_text("scopes: [customer]\n")
    (tmp_path / os.fsdecode(b"caf\xe9.py")).write_text('u = "https://api.fortnox.se/3/invoices"\n')
    ran = run_cli(tmp_path, "check", "--format", "json")
    assert ran.code == 1
    document = json.loads(ran.out)
    assert document["findings"][0]["path"] == "caf\\xe9.py"  # the undecodable byte, shown as \xe9

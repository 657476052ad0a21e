"""The compiled build (FORTNOX_LINT_COMPILE=1, see hatch_build.py): a platform wheel whose scanner
modules are mypyc extensions. Installed in a fresh venv it must run them compiled, give the pure
build's exact output, and pass the suite."""

from __future__ import annotations

import importlib.machinery
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

import pytest

from linter.compiled import COMPILED_MODULES

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "bench"))
from generate import generate  # noqa: E402


def _c_compiler() -> str | None:
    command = shlex.split(sysconfig.get_config_var("CC") or "cc")
    return shutil.which(command[0]) if command else None


# mypyc writes C: a machine without a compiler cannot make this build (the pure one needs none).
pytestmark = pytest.mark.skipif(_c_compiler() is None, reason="no C compiler to build the compiled wheel")

# What the suite cannot run against an installed compiled build, and why:
NOT_AGAINST_COMPILED = [
    "tests/test_compiled_build.py",  # itself
    "tests/test_wheel.py",  # builds the pure wheel from the checkout: the same with either venv
    "tests/test_precommit_hook.py",  # pre-commit installs the hook from the checkout: pure again
    # Subclasses the evaluator to compare its fast paths with the plain evaluation: a compiled
    # class cannot be subclassed from Python. Same source, so the pure run covers the logic; the
    # compiled code's answers are compared with the pure build's below and by the rest of the suite.
    "tests/properties/test_evaluate_fast_paths.py",
]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    dist = tmp_path_factory.mktemp("compiled") / "dist"
    env = {**os.environ, "FORTNOX_LINT_COMPILE": "1"}
    built = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(dist), str(REPO)],
                           env=env, capture_output=True, text=True, timeout=1800)
    assert built.returncode == 0, built.stdout[-3000:] + built.stderr[-3000:]
    (found,) = dist.glob("fortnox_scope_lint-*.whl")
    return found


@pytest.fixture(scope="module")
def bindir(wheel: Path) -> Path:
    env_dir = wheel.parent.parent / "venv"
    venv.create(env_dir, with_pip=True)
    bindir = env_dir / ("Scripts" if os.name == "nt" else "bin")
    # the test extra too: the suite runs against this install below
    subprocess.run([str(bindir / "python"), "-m", "pip", "install", "-q", f"{wheel}[test]"], check=True, timeout=1200)
    return bindir


def test_the_wheel_is_for_this_platform_and_holds_the_extensions(wheel: Path):
    assert not wheel.name.endswith("-py3-none-any.whl")
    names = zipfile.ZipFile(wheel).namelist()
    for module in COMPILED_MODULES:
        path = module.replace(".", "/")
        assert any(n.startswith(path + ".") and n.endswith((".so", ".pyd")) for n in names), module
        assert path + ".py" in names  # the source stays beside it (tracebacks, reading)


def test_the_installed_build_runs_its_modules_compiled(bindir: Path):
    version = subprocess.run([str(bindir / "fortnox-lint"), "--version"], capture_output=True, text=True, check=True)
    assert version.stdout.endswith("; compiled)\n")
    shown = subprocess.run([str(bindir / "python"), "-c",
                            "import importlib; print('\\n'.join(importlib.import_module(m).__file__ for m in "
                            f"{list(COMPILED_MODULES)!r}))"],
                           capture_output=True, text=True, check=True, cwd="/")
    files = shown.stdout.splitlines()
    assert len(files) == len(COMPILED_MODULES)
    assert all(f.endswith(tuple(importlib.machinery.EXTENSION_SUFFIXES)) for f in files), files


def _run(python: list[str], env: dict[str, str], root: Path, *args: str) -> dict:
    done = subprocess.run([*python, "-m", "linter", *args, "--format", "json"],
                          capture_output=True, text=True, cwd=root, env=env, timeout=600)
    assert done.returncode in (0, 1), done.stderr
    return json.loads(done.stdout)


def test_it_reports_exactly_what_the_pure_build_reports(bindir: Path, tmp_path: Path):
    pure = ([sys.executable], {**os.environ, "PYTHONPATH": str(REPO)})
    compiled = ([str(bindir / "python")], {k: v for k, v in os.environ.items() if k != "PYTHONPATH"})
    tree = tmp_path / "tree"
    generate(tree, files=400, megabytes=4.0, seed=7)  # every scanned style, in every language
    # registered with one scope: every other use is a finding
    (tree / "fortnox.yaml").write_text("scopes: [invoice]\nlicenses: [Kundfaktura]\n", encoding="utf-8")
    for root in (REPO / "examples" / "webshop", tree):
        for args in (("check", "--no-cache"), ("scopes",)):
            expected = _run(*pure, root, *args)
            assert expected.get("findings") or expected.get("uses"), (root, args)  # something to compare
            assert _run(*compiled, root, *args) == expected, (root, args)


def test_the_suite_passes_against_the_compiled_build(bindir: Path, tmp_path: Path):
    # Run from outside the checkout, so that "linter" is imported from the venv, not from here.
    ignored = [arg for path in NOT_AGAINST_COMPILED for arg in ("--ignore", str(REPO / path))]
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    done = subprocess.run([str(bindir / "python"), "-m", "pytest", "-c", str(REPO / "pyproject.toml"),
                           "--rootdir", str(REPO), "-p", "no:cacheprovider", "-q", "-o", "addopts=",
                           *ignored, str(REPO / "tests")],
                          capture_output=True, text=True, cwd=tmp_path, env=env, timeout=3600)
    assert done.returncode == 0, done.stdout[-5000:] + done.stderr[-2000:]
    assert " passed" in done.stdout.splitlines()[-1] and "skipped" not in done.stdout.splitlines()[-1]


def test_the_benchmark_measures_the_installed_build(bindir: Path, tmp_path: Path):
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    here = bindir.parent.parent  # named relative to where the bench starts, as the README does
    done = subprocess.run([sys.executable, str(REPO / "bench" / "run.py"), "--quick", "--no-scaling",
                           "--tree", str(tmp_path / "tree"), "--python", os.path.relpath(bindir / "python", here)],
                          env=env, capture_output=True, text=True, timeout=900, cwd=here)
    assert done.returncode == 0, done.stderr  # also fails if its scenarios' findings differ
    assert re.search(r"^Build: compiled \(fortnox-lint \S+ \(catalog \S+; compiled\)\)$", done.stdout, re.M)
    assert "| cold full check |" in done.stdout


def test_an_editable_install_cannot_be_compiled(tmp_path: Path):
    # Its modules would go stale at the next edit: refused, with what to do instead.
    venv.create(tmp_path / "venv", with_pip=True)
    python = tmp_path / "venv" / ("Scripts" if os.name == "nt" else "bin") / "python"
    env = {**os.environ, "FORTNOX_LINT_COMPILE": "1"}
    done = subprocess.run([str(python), "-m", "pip", "install", "--no-deps", "-e", str(REPO)],
                          env=env, capture_output=True, text=True, timeout=1200, cwd=tmp_path)
    assert done.returncode != 0
    assert "FORTNOX_LINT_COMPILE is set, but an editable install cannot be compiled" in done.stdout + done.stderr


def test_without_a_working_c_compiler_the_build_says_so(tmp_path: Path):
    env = {**os.environ, "FORTNOX_LINT_COMPILE": "1", "CC": str(tmp_path / "no-such-cc")}
    done = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-w", str(tmp_path / "dist"), str(REPO)],
                          env=env, capture_output=True, text=True, timeout=1200, cwd=tmp_path)
    assert done.returncode != 0
    assert "FORTNOX_LINT_COMPILE: compiling linter/scanner/bytefilter.py" in done.stdout + done.stderr
    assert "with mypyc failed (see above); a C compiler is needed" in done.stdout + done.stderr
    assert not (tmp_path / "dist").exists() or not list((tmp_path / "dist").iterdir())  # no wheel, pure or not

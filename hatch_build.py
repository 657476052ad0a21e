"""Build hook: the parsed catalog every wheel carries, and the optional compiled build.

Every wheel (not an editable install, which reads the checkout's data/) carries
``linter/_data/scopes.parsed.json``: data/scopes.yaml parsed at build time, with a digest of the
YAML it came from. Parsing the YAML took about 35 ms of every run's start; reading the JSON takes
about one, and linter.cache uses it only while the digest matches the YAML beside it.

``FORTNOX_LINT_COMPILE=1 pip install .`` (or ``pip wheel``) compiles the modules named in
``linter/compiled.py`` with mypyc and ships each extension module beside its .py file, which the
import system then prefers. Without the variable nothing is compiled and the wheel is pure
Python. The compiled build needs a C compiler; mypy (mypyc) and setuptools are fetched as build
dependencies only when it is asked for. An editable install cannot be compiled (its modules would
go stale at the next edit), so that combination is refused.
"""

from __future__ import annotations

import json
import os
import runpy
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

ENV_VAR = "FORTNOX_LINT_COMPILE"
# The mypyc the compiled modules were type-checked and tested with: another version may compile
# them differently, so it is pinned as a build dependency (never a runtime one).
BUILD_REQUIRES = ["mypy==2.4.1", "setuptools>=61"]

# Run in a copy of the package by a separate interpreter: setuptools must not read this project's
# pyproject.toml, and the build's own process stays free of setuptools' global state.
_COMPILE = """
import sys
from setuptools import setup
from mypyc.build import mypycify

setup(name="fortnox-lint-compiled", packages=[], script_args=["build_ext", "--inplace"],
      ext_modules=mypycify(["--ignore-missing-imports", "--follow-imports=silent", *sys.argv[1:]],
                           opt_level="3"))
"""

def compile_requested() -> bool:
    return os.environ.get(ENV_VAR, "").strip().lower() not in ("", "0", "false", "no")


class WheelHook(BuildHookInterface):
    """Adds the parsed catalog to every wheel, and the compiled modules when asked for."""

    PLUGIN_NAME = "custom"
    _work: Path | None = None  # what the build writes (parsed catalog, compiled copy), until the wheel is

    def dependencies(self) -> list[str]:
        return list(BUILD_REQUIRES) if compile_requested() else []

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel":
            return
        if version == "editable":  # it reads the checkout's data/ and runs its .py files
            if compile_requested():
                raise RuntimeError(f"{ENV_VAR} is set, but an editable install cannot be compiled: "
                                   "install without -e, or unset it")
            return
        self._work = work = Path(tempfile.mkdtemp(prefix="fortnox-lint-build-"))
        self._parsed_catalog(work, build_data)
        if compile_requested():
            self._compile(work / "compile", build_data)

    def _compile(self, work: Path, build_data: dict[str, Any]) -> None:
        modules = self._linter_module("compiled.py")["COMPILED_MODULES"]
        shutil.copytree(os.path.join(self.root, "linter"), work / "linter",
                        ignore=shutil.ignore_patterns("__pycache__", "*.so", "*.pyd"))
        sources = [str(Path(*name.split("."))) + ".py" for name in modules]
        done = subprocess.run([sys.executable, "-c", _COMPILE, *sources], cwd=work)
        if done.returncode != 0:
            raise RuntimeError(f"{ENV_VAR}: compiling {', '.join(sources)} with mypyc failed "
                               "(see above); a C compiler is needed")
        built = [path for suffix in (".so", ".pyd") for path in work.rglob(f"*{suffix}")
                 if "build" not in path.relative_to(work).parts]
        for path in built:
            # Each module's extension beside its .py, and mypyc's shared runtime at the top level.
            build_data["force_include"][str(path)] = path.relative_to(work).as_posix()
        build_data["pure_python"] = False
        build_data["infer_tag"] = True  # a wheel for this interpreter and platform only

    def _linter_module(self, name: str) -> dict[str, Any]:
        """The globals of linter/``name``, one of the modules that import nothing of the linter's
        (whose dependencies the build does not have)."""
        return runpy.run_path(os.path.join(self.root, "linter", name))

    def _parsed_catalog(self, folder: Path, build_data: dict[str, Any]) -> None:
        import yaml  # a build requirement (pyproject.toml)

        resources = self._linter_module("resources.py")

        raw = Path(self.root, "data", "scopes.yaml").read_bytes()
        data = yaml.load(raw.decode("utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
        if json.loads(json.dumps(data)) != data:
            raise RuntimeError("data/scopes.yaml holds values JSON cannot carry (dates?): quote them")
        target = folder / resources["PARSED_CATALOG"]
        target.write_text(json.dumps({"note": "generated from scopes.yaml when the wheel was built",
                                      "yaml_blake2b": resources["parsed_catalog_key"](raw),
                                      "data": data}, ensure_ascii=False), encoding="utf-8")
        build_data["force_include"][str(target)] = f"linter/_data/{target.name}"

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        if self._work is not None:
            shutil.rmtree(self._work, ignore_errors=True)
            self._work = None

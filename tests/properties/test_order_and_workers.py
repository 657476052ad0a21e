"""The same findings whatever order the files are listed, named or finished in, with any workers."""

from __future__ import annotations

import os
import random
import tempfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import linter.scanner.work as work
from fnx_strategies import SLOW, source_text
from linter.engine import LintRequest, lint

NAMES = ["a.py", "b.ts", "src/c.js", "src/d.php", "src/deep/e.go", "f.rb", "g.cs", "h.kt", "i.java", "j.ex",
         "k.txt", "src/l.py", "m.dat"]
CALLS = ['requests.get("https://api.fortnox.se/3/invoices")\n', "fetch(`https://api.fortnox.se/3/orders/${id}`)\n",
         "x = '/3/customers'\n", '"/api/warehouse/stockpoints-v1"\n', "'https://api.fortnox.se/3/nosuchthing'\n"]
sources = st.lists(st.one_of(st.sampled_from(CALLS), source_text), max_size=6).map("".join)
projects = st.dictionaries(st.sampled_from(NAMES), sources, min_size=1, max_size=len(NAMES))
scopes = st.lists(st.sampled_from(["invoice", "order", "customer", "warehouse", "supplier"]), unique=True)


class ShuffledScandir:
    """os.scandir, listing each folder in a random order."""

    def __init__(self, real, rng: random.Random) -> None:
        self.real, self.rng = real, rng

    def __call__(self, path="."):
        with self.real(path) as listing:
            entries = list(listing)
        self.rng.shuffle(entries)
        return _Listing(entries)


class _Listing(list):
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


def outcome(root: Path, **request) -> tuple:
    result = lint(LintRequest(cwd=root, **request))
    return ([f.to_dict() for f in result.findings], [u.to_dict() for u in result.scan.uses],
            sorted((s.display, s.reason) for s in result.scan.skipped))


@SLOW
@given(projects, scopes, st.randoms(use_true_random=False), st.integers(2, 3))
def test_file_order_and_worker_count_do_not_change_findings(files, wanted, rng, jobs):
    with tempfile.TemporaryDirectory() as folder, pytest.MonkeyPatch.context() as patch:
        root = Path(folder)
        (root / "fortnox.yaml").write_text(f"scopes: [{', '.join(wanted)}]\n")
        for name, text in files.items():
            (root / name).parent.mkdir(parents=True, exist_ok=True)
            (root / name).write_text(text, encoding="utf-8", errors="surrogatepass")
        expected = outcome(root, jobs=1)
        named = list(files) + ["fortnox.yaml"]
        rng.shuffle(named)
        assert outcome(root, paths=[Path(n) for n in named], jobs=1) == expected
        patch.setattr(work, "PARALLEL_MIN_FILES", 0)
        patch.setattr(work, "MIN_FILES_PER_WORKER", 1)
        pools = []
        real_parallel = work._scan_parallel
        patch.setattr(work, "_scan_parallel", lambda *args: pools.append(args[2]) or real_parallel(*args))
        patch.setattr(os, "scandir", ShuffledScandir(os.scandir, rng))
        assert outcome(root, jobs=jobs) == expected
        assert pools == [min(jobs, len(files) + 1)]  # the worker processes really took part

"""Worker processes: the same results with any number of them, and no harm when they cannot start."""

from __future__ import annotations

import concurrent.futures
import os
from pathlib import Path

import pytest

import linter.scanner.work as work
from linter.engine import LintRequest, lint

LINES = [
    'u = "https://api.fortnox.se/3/invoices/{n}"\n',
    "fetch('/api/v1/users')\n",
    "print('nothing to see')\n",
    'requests.post(f"https://api.fortnox.se/3/orders/{o}/createinvoice")\n',
    "\0binary\n",
]


def big_project(root: Path, count: int = 90) -> Path:
    (root / "fortnox.yaml").write_text("scopes: [invoice]\n")
    for i in range(count):
        target = root / f"pkg{i % 7}" / f"m{i:03d}.py"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text("# generated\n" * (i % 5) + LINES[i % len(LINES)])
    return root


def result_of(root: Path, jobs: int) -> tuple:
    result = lint(LintRequest(cwd=root, jobs=jobs))
    return ([f.to_dict() for f in result.findings], [u.to_dict() for u in result.scan.uses],
            [(s.display, s.reason) for s in result.scan.skipped], [f.display for f in result.scan.files])


@pytest.fixture
def parallel_calls(monkeypatch):
    """Lower the threshold so a small tree goes parallel, and count the pools started."""
    monkeypatch.setattr(work, "PARALLEL_MIN_FILES", 20)
    calls = []
    real = work._scan_parallel

    def counting(items, ctx, workers, *rest):
        calls.append(workers)
        return real(items, ctx, workers, *rest)

    monkeypatch.setattr(work, "_scan_parallel", counting)
    return calls


def test_any_number_of_workers_gives_the_same_result(tmp_path, parallel_calls):
    root = big_project(tmp_path)
    serial = result_of(root, 1)
    assert parallel_calls == []
    assert len(serial[1]) == 36 and len(serial[2]) == 18  # the tree really has uses and skips
    for jobs in (2, 3):
        assert result_of(root, jobs) == serial
    assert parallel_calls == [2, 3]


def test_small_trees_stay_in_one_process(tmp_path, monkeypatch):
    root = big_project(tmp_path, count=30)

    def no_pools(*args, **kwargs):
        raise AssertionError("a process pool was started for a small tree")

    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", no_pools)
    assert len(result_of(root, 0)[3]) == 31


def test_falls_back_to_one_process_when_workers_cannot_start(tmp_path, monkeypatch, parallel_calls):
    root = big_project(tmp_path)
    expected = result_of(root, 1)

    class Broken:
        def __init__(self, *args, **kwargs):
            raise OSError(38, "Function not implemented")  # e.g. no /dev/shm in a sandbox

    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", Broken)
    assert result_of(root, 2) == expected
    assert parallel_calls == [2]


def test_a_killed_worker_falls_back_but_a_bug_is_not_hidden(tmp_path, monkeypatch):
    from concurrent.futures.process import BrokenProcessPool

    root = big_project(tmp_path)
    expected = result_of(root, 1)
    monkeypatch.setattr(work, "PARALLEL_MIN_FILES", 20)

    def fails_with(exc):
        def run(*args):
            raise exc
        return run

    monkeypatch.setattr(work, "_scan_parallel", fails_with(BrokenProcessPool("a worker was killed")))
    assert result_of(root, 2) == expected
    monkeypatch.setattr(work, "_scan_parallel", fails_with(RuntimeError("a bug")))  # not a broken pool
    with pytest.raises(RuntimeError, match="a bug"):
        result_of(root, 2)


def test_worker_count():
    assert work.worker_count(3) == 3
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    assert work.worker_count(0) == cores


def test_outcomes_come_back_from_workers_as_they_were(tmp_path):
    """Outcomes pickle in a compact form (linter.scanner.work.Outcome.__reduce__): every kind of
    outcome must unpickle equal to the original, with a FileScan of its own."""
    import pickle

    from linter.catalog import load_catalog
    from linter.scanner.uses import EndpointUse, FileScan

    root = big_project(tmp_path, count=10)
    (root / "empty.py").write_bytes(b"")
    ctx = work.WorkContext(load_catalog(None), salt="s")
    outcomes = [work.scan_path(str(p), p.name, ctx) for p in sorted(root.rglob("*")) if p.is_file()]
    outcomes += [work.Outcome(None, None, (1, 2, 3, 4), "key"), work.Outcome(FileScan(), "why"),
                 work.Outcome(FileScan(), None, (5, 6, 7, 8), content="turned-away"),
                 work.Outcome(FileScan(uses=[EndpointUse("a.py", 1, 2, "/3/x")]), None, None, "k2")]
    assert {o.reason for o in outcomes} >= {None, "binary file", "why"}
    assert any(o.scan and o.scan.uses for o in outcomes) and any(o.scan is None for o in outcomes)
    back = pickle.loads(pickle.dumps(outcomes, protocol=pickle.HIGHEST_PROTOCOL))
    assert back == outcomes
    scans = [o.scan for o in back if o.scan is not None]
    assert len({id(s) for s in scans}) == len(scans)  # none shared: each may be changed on its own


def test_the_collector_is_paused_only_while_linting_and_workers_collect(tmp_path, parallel_calls):
    """linter.engine pauses the cyclic collector for a run; it runs again afterwards, and in the
    worker processes (forked while it was paused), which make garbage."""
    import gc

    root = big_project(tmp_path)
    assert gc.isenabled()
    result_of(root, 2)
    assert gc.isenabled() and parallel_calls == [2]
    gc.disable()
    try:
        with concurrent.futures.ProcessPoolExecutor(1, initializer=work._init_worker,
                                                    initargs=(work.WorkContext(None),)) as pool:  # type: ignore[arg-type]
            assert pool.submit(gc.isenabled).result() is True
    finally:
        gc.enable()


def test_scanning_in_this_process_collects_though_the_run_paused_the_collector(tmp_path, monkeypatch):
    import gc

    root = big_project(tmp_path, count=30)
    states = []
    real = work.scan_path
    monkeypatch.setattr(work, "scan_path", lambda *args: states.append(gc.isenabled()) or real(*args))
    result_of(root, 1)
    assert states and all(states) and gc.isenabled()

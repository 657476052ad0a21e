"""CI runs the benchmark in quick mode: it must work end to end. Timings are printed, not judged."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys

from lintrun import REPO


def test_quick_benchmark_runs_and_reports_every_scenario(tmp_path):
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    done = subprocess.run([sys.executable, str(REPO / "bench" / "run.py"), "--quick", "--tree", str(tmp_path / "tree")],
                          env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr  # also fails when cold, warm, fresh-clone and --jobs 1 findings differ,
    # or when a replayed single-file check's answer differs from the first's
    print(done.stdout)  # the table, for the CI log
    rows = [line.split(" | ")[0].lstrip("| ") for line in done.stdout.splitlines() if re.match(r"\| \D", line)]
    expected = ["scenario", "cold full check", "warm re-run (cache)", "fresh clone, cache folder restored (CI)",
                "cold full check, --jobs 1",
                "single file standing alone, unchanged (check --stdin-filename, replayed)",
                "single file standing alone, just saved (check --stdin-filename)",
                "single file that needs its project, unchanged (check --stdin-filename, warm cache)",
                "single file that needs its project, just saved (check --stdin-filename)", "python -c pass"]
    if shutil.which("rg"):  # ripgrep is the floor when installed; CI need not have it
        expected.append("rg -c with the prefilter's pattern (no lookbehind)")
        if subprocess.run(["rg", "--pcre2-version"], capture_output=True).returncode == 0:
            expected.append("rg -c -P with the prefilter's exact pattern")
    assert rows[:len(expected) + 1] == expected + ["cold check, files"]
    assert done.stdout.startswith("Machine: ")
    # the checkout, run as Python: the build and the exact --version it answered
    assert re.search(r"^Build: pure Python \(fortnox-lint \S+ \(catalog \S+; pure Python\)\)$", done.stdout, re.M)
    assert "\n| scenario | wall s | files/s | MB/s | peak MB | stolen % |\n" in done.stdout
    cold = next(line for line in done.stdout.splitlines() if line.startswith("| cold full check |"))
    # the CPU time the hypervisor took during the run, in percent: read from /proc/stat on Linux
    assert re.fullmatch(r"\| cold full check \| [\d.]+ \| [\d,]+ \| [\d.,]+ \| \d+ \| (\d+|-) \|", cold)
    if os.path.exists("/proc/stat"):
        assert not cold.endswith("| - |")
    assert re.search(r"^Tree: 301 files, 3\.\d MB$", done.stdout, re.M)
    assert re.search(r"^\| 301 \| [\d.]+ \| [\d,]+ \|$", done.stdout, re.M)  # the scaling table's full size
    assert "- peak memory under 150 MB: " in done.stdout
    assert (tmp_path / "tree" / "fortnox.yaml").exists()


def test_rg_floor_skips_the_linter_cache_folder(tmp_path):
    """rg is the floor for reading what the linter reads; the linter never reads its own cache."""
    sys.path.insert(0, str(REPO / "bench"))
    try:
        from run import rg_command
    finally:
        sys.path.remove(str(REPO / "bench"))
    command = rg_command(["-e", "fortnox"])
    assert command[:6] == ["rg", "--no-ignore", "--hidden", "--glob", "!.fortnox-lint-cache", "-c"]
    if shutil.which("rg"):
        (tmp_path / ".fortnox-lint-cache").mkdir()
        (tmp_path / ".fortnox-lint-cache" / "results-1.json").write_text('{"fortnox": 1}')
        (tmp_path / ".hidden.py").write_text("fortnox = 1\n")
        done = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True)
        assert done.stdout.replace("\\", "/") == "./.hidden.py:1\n"


def test_peak_memory_sums_each_process_own_peak():
    """The bench's peak is the command's own peak plus its workers': a burst in a child that
    was freed before any sample could see it resident still counts (each process's high-water
    mark is read, not what is resident at one moment)."""
    sys.path.insert(0, str(REPO / "bench"))
    try:
        from run import measure
    finally:
        sys.path.remove(str(REPO / "bench"))
    burst = "b = bytearray(60_000_000); b[::4096] = b'x' * len(b[::4096]); del b; import time; time.sleep(0.3)"
    parent = f"import subprocess, sys, time; subprocess.run([sys.executable, '-c', {burst!r}]); time.sleep(0.3)"
    run = measure([sys.executable, "-c", parent], REPO, dict(os.environ))
    assert run.returncode == 0
    assert 0.6 <= run.seconds < 5
    if not os.path.exists("/proc/self/status"):  # elsewhere: the kernel's figure for the command
        assert run.peak_mb >= 60
        return
    assert run.peak_mb >= 60 + 5  # the child's burst and the parent's own interpreter
    # not the bench's own memory, which the command's process briefly shared before it started
    assert measure([sys.executable, "-c", "pass"], REPO, dict(os.environ)).peak_mb < 40

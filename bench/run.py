#!/usr/bin/env python3
"""Benchmark fortnox-lint on a synthetic monorepo and print a Markdown table.

    python bench/run.py                 # 10,000 files / 100 MB (takes a few minutes)
    python bench/run.py --quick         # a few hundred files: the CI smoke run
    python bench/run.py --tree DIR      # reuse (or create) the tree in DIR

Scenarios: a cold full ``check`` (empty cache), a warm re-run (same cache, nothing changed),
a fresh clone with the cache folder restored (CI that keeps the folder between jobs),
single-file checks (``check --stdin-filename`` when the CLI has it, else ``check FILE``: a file
that stands alone and one that needs its project, each unchanged and just saved),
``python -c pass`` (the floor for any Python tool), and ``rg`` with the scanner's prefilter
pattern over the same tree when ripgrep is installed (the floor for reading the tree).
Peak memory is the sum of the peaks of the process and its workers (each one's VmHWM, read
from /proc on Linux every 20 ms by a thread of the bench, which keeps its own CPU use small;
elsewhere the process's own peak). Each scenario runs ``--repeat`` times and
the fastest run is reported; rg runs right after each cold check, so that the two are compared
under the same load on a shared machine. On Linux the table also says how much CPU time the
hypervisor gave to other machines during each reported run ("stolen %": of the run's wall time
on all cores), the noise that makes one run slower than the next. Timings are reported, never asserted: the only failures are a
warm, fresh-clone or single-worker run whose findings differ from the cold run's, and
repeated checks of one buffer that do not all answer the same.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(REPO))

from generate import generate  # noqa: E402
from linter.cache import CACHE_DIR_NAME  # noqa: E402  # the linter never reads its cache folder

SAMPLE_SECONDS = 0.02


@dataclass
class Run:
    seconds: float
    peak_mb: float
    stdout: str
    returncode: int
    stolen: float | None = None  # CPU seconds the hypervisor took, on all cores, during the run


def _steal_seconds() -> float | None:
    """The machine's stolen CPU time so far (the steal column of /proc/stat), or None."""
    try:
        with open("/proc/stat") as handle:
            fields = handle.readline().split()
        return int(fields[8]) / os.sysconf("SC_CLK_TCK") if fields[0] == "cpu" else None
    except (OSError, ValueError, IndexError):
        return None


def _children(pid: int) -> list[int]:
    found = []
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children") as handle:
                found += [int(c) for c in handle.read().split()]
    except OSError:
        pass
    return found


def _peak_kb(pid: int) -> int:
    """The process's own peak resident set so far (VmHWM), 0 if it is gone."""
    try:
        with open(f"/proc/{pid}/status") as handle:
            for line in handle:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


def _tree(pid: int) -> list[int]:
    """``pid`` and its descendants."""
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        todo += _children(current)
    return found


class _Sampler(threading.Thread):
    """Each process's own peak memory (VmHWM), read from a thread of the bench while the command
    runs: every few milliseconds at first, then every SAMPLE_SECONDS. A peak is a high-water
    mark, so any later sample still sees it and sampling can be sparse, which keeps the bench
    from taking the CPU time it measures; only growth in a process's last interval is missed."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid, self.peaks, self.done = pid, {}, threading.Event()

    def run(self) -> None:
        start = time.perf_counter()
        while not self.done.is_set():
            for pid in _tree(self.pid):
                self.peaks[pid] = max(self.peaks.get(pid, 0), _peak_kb(pid))
            self.done.wait(min(SAMPLE_SECONDS, max(0.001, (time.perf_counter() - start) / 10)))


def measure(cmd: list[str], cwd: Path, env: dict[str, str], stdin: bytes | None = None) -> Run:
    """Wall time and peak memory of one command (its output is captured, not shown).

    The wall time ends when the command is reaped. Peak memory is the sum of each process's own
    peak (the command and its workers): at least the largest total they reached together. Where
    /proc cannot be read, it is the command's own peak as the kernel reports it when reaped."""
    out = tempfile.TemporaryFile()
    steal = _steal_seconds()
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=out, stderr=subprocess.DEVNULL,
                            stdin=subprocess.PIPE if stdin is not None else subprocess.DEVNULL)
    sampler = _Sampler(proc.pid)  # Popen returns once the command runs: nothing of the bench is sampled
    if os.path.exists(f"/proc/{proc.pid}/status"):
        sampler.start()
    if stdin is not None:
        proc.stdin.write(stdin)  # type: ignore[union-attr]
        proc.stdin.close()  # type: ignore[union-attr]
    _pid, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    after = _steal_seconds()
    sampler.done.set()
    if sampler.is_alive():
        sampler.join()
    proc.returncode = os.waitstatus_to_exitcode(status)
    stolen = after - steal if steal is not None and after is not None else None
    peak_kb = sum(sampler.peaks.values())
    if not peak_kb:  # ru_maxrss also counts the memory of the bench's fork before it ran the command
        peak_kb = usage.ru_maxrss // 1024 if sys.platform == "darwin" else usage.ru_maxrss  # bytes there
    out.seek(0)
    return Run(seconds, peak_kb / 1024, out.read().decode("utf-8", "replace"), proc.returncode, stolen)


def best(runs: list[Run]) -> Run:
    fastest = min(runs, key=lambda r: r.seconds)
    return Run(fastest.seconds, max(r.peak_mb for r in runs), fastest.stdout, fastest.returncode, fastest.stolen)


def tree_stats(root: Path) -> tuple[int, int]:
    files = size = 0
    for folder, _dirs, names in os.walk(root):
        if CACHE_DIR_NAME in folder:
            continue
        for name in names:
            files += 1
            size += os.path.getsize(os.path.join(folder, name))
    return files, size


# The interpreter that runs the linter, and whether it runs this checkout (the default) or the
# package installed for it (--python: a venv holding the compiled build, say).
PYTHON = sys.executable
FROM_CHECKOUT = True


def child_env() -> dict[str, str]:
    env = dict(os.environ)
    if FROM_CHECKOUT:
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")]))
    else:
        env.pop("PYTHONPATH", None)
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # measure as installed: with compiled bytecode
    env.pop("FORTNOX_LINT_DEBUG", None)
    return env


def lint_cmd(*args: str) -> list[str]:
    return [PYTHON, "-m", "linter", *args]


def has_stdin_filename(env: dict[str, str], root: Path) -> bool:
    shown = subprocess.run(lint_cmd("check", "--help"), env=env, capture_output=True, text=True, cwd=root)
    return "--stdin-filename" in shown.stdout


def findings_of(run: Run) -> str:
    """The findings part of a JSON report (drops nothing else that could differ)."""
    import json

    try:
        return json.dumps(json.loads(run.stdout)["findings"], sort_keys=True)
    except (ValueError, KeyError) as exc:
        raise SystemExit(f"bench: unexpected output from fortnox-lint ({exc}): {run.stdout[:300]}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a small tree, one repeat (for CI)")
    parser.add_argument("--tree", type=Path, help="where the tree is (generated if missing)")
    parser.add_argument("--files", type=int)
    parser.add_argument("--mb", type=float)
    parser.add_argument("--repeat", type=int)
    parser.add_argument("--no-scaling", action="store_true", help="skip the half/quarter-size runs")
    parser.add_argument("--python", help="run the linter installed for this interpreter (a venv with the "
                                          "compiled build, say) instead of this checkout")
    args = parser.parse_args()
    if args.python:
        global PYTHON, FROM_CHECKOUT
        # a path is made absolute: every command runs in the tree, not in the folder it was named from
        PYTHON = os.path.abspath(args.python) if os.sep in args.python else shutil.which(args.python) or args.python
        FROM_CHECKOUT = False
    files = args.files or (300 if args.quick else 10_000)
    megabytes = args.mb or (3.0 if args.quick else 100.0)
    repeat = args.repeat or (1 if args.quick else 3)
    scratch = Path(tempfile.mkdtemp(prefix="fortnox-bench-"))
    try:
        return _bench(args, files, megabytes, repeat, scratch)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def _ensure_tree(root: Path, files: int, megabytes: float) -> None:
    if not (root / "fortnox.yaml").exists():
        tree = generate(root, files, megabytes)
        print(f"generated {tree.root}: {tree.files} files, {tree.bytes / 1e6:.1f} MB, "
              f"{tree.fortnox_files} call Fortnox", file=sys.stderr)


def _bench(args: argparse.Namespace, files: int, megabytes: float, repeat: int, scratch: Path) -> int:
    env = child_env()
    root = (args.tree or scratch / "tree").resolve()
    _ensure_tree(root, files, megabytes)
    count, size = tree_stats(root)
    mb = size / 1e6
    # compiles the bytecode once, and says which build runs ("compiled" or "pure Python")
    # (run in the tree, as every measured command is: "python -m" also imports from the folder it runs in)
    version = subprocess.run(lint_cmd("--version"), env=env, capture_output=True, text=True, cwd=root).stdout.strip()
    rows: list[tuple[str, Run, int, float]] = []
    floors = _rg_floors()  # (row name, rg command, its runs)

    def cold(tree: Path, jobs: str = "0", alongside: list[tuple[str, list[str], list[Run]]] = ()) -> Run:
        runs = []
        for i in range(repeat):
            cache = scratch / f"cache-cold-{tree.name}-{jobs}-{i}"
            runs.append(measure(lint_cmd("check", "--format", "json", "--jobs", jobs,
                                         "--cache-dir", str(cache)), tree, env))
            for _name, command, floor_runs in alongside:  # the floor, under the same load
                floor_runs.append(measure(command, tree, env))
        return best(runs)

    cache = scratch / "cache-warm"
    first = measure(lint_cmd("check", "--format", "json", "--cache-dir", str(cache)), root, env)
    cold_run = cold(root, alongside=floors)
    rows.append(("cold full check", cold_run, count, mb))
    warm = best([measure(lint_cmd("check", "--format", "json", "--cache-dir", str(cache)), root, env)
                 for _ in range(repeat)])
    rows.append(("warm re-run (cache)", warm, count, mb))
    restored = _fresh_clones(root, scratch, env, repeat)
    rows.append(("fresh clone, cache folder restored (CI)", restored, count, mb))
    serial = cold(root, "1")
    rows.append(("cold full check, --jobs 1", serial, count, mb))
    for other in (first, warm, restored, serial):
        if findings_of(other) != findings_of(cold_run):
            print("bench: FAILED: findings differ between cold, warm, fresh-clone and --jobs 1 runs", file=sys.stderr)
            return 1

    singles = _single_files(root, cache, env, repeat)
    if singles is None:
        print("bench: FAILED: a replayed single-file check answered differently", file=sys.stderr)
        return 1
    rows += singles
    bare = best([measure([PYTHON, "-c", "pass"], root, env) for _ in range(repeat * 3)])
    rows.append(("python -c pass", bare, 0, 0))
    rg_run = None
    # The floor is the faster of rg's two ways to run the pattern; both are shown.
    for name, _command, floor_runs in floors:
        run = best(floor_runs)
        if run.returncode not in (0, 1):  # 2: rg refused the pattern; its time means nothing
            print(f"bench: {name} failed, not used as a floor", file=sys.stderr)
            continue
        rows.append((name, run, count, mb))
        rg_run = run if rg_run is None or run.seconds < rg_run.seconds else rg_run

    scaling = [] if args.no_scaling else _scaling(root, files, megabytes, scratch, cold)
    print(_report(rows, scaling, count, mb, cold_run, warm, bare, rg_run, version))
    return 0


def _fresh_clones(root: Path, scratch: Path, env: dict[str, str], repeat: int) -> Run:
    """CI that keeps the cache folder between jobs: each job checks out a fresh clone at the same
    path (new inodes and ctimes, so no stat in the index matches) and restores the folder. Two
    jobs prime it: one over an empty cache keys only the files it lexes."""
    clone, cache = scratch / "clone", scratch / "cache-ci"
    cmd = lint_cmd("check", "--format", "json", "--cache-dir", str(cache))
    runs = []
    for job in range(repeat + 2):
        shutil.rmtree(clone, ignore_errors=True)
        shutil.copytree(root, clone, ignore=shutil.ignore_patterns(CACHE_DIR_NAME))
        run = measure(cmd, clone, env)
        if job >= 2:
            runs.append(run)
    shutil.rmtree(clone, ignore_errors=True)
    return best(runs)


def _after_edits(target: Path, cmd: list[str], root: Path, env: dict[str, str], times: int) -> Run:
    """The editor's on-save case: the file was just changed on disk, so its own result is a cache
    miss while every other file's is a hit. Each edit adds blank lines (harmless in any language);
    the file and its mtime are restored afterwards."""
    original, was = target.read_bytes(), target.stat()
    runs = []
    try:
        for i in range(times):
            edited = original + b"\n" * (i + 1)
            target.write_bytes(edited)
            runs.append(measure(cmd, root, env, edited))
    finally:
        target.write_bytes(original)
        os.utime(target, ns=(was.st_atime_ns, was.st_mtime_ns))
    return best(runs)


def _rg_floors() -> list[tuple[str, list[str], list[Run]]]:
    """(row name, command, runs so far) for each way rg runs the prefilter's pattern; none
    without rg."""
    if not shutil.which("rg"):
        return []
    from linter.scanner.extract import PREFILTER

    return [(name, rg_command(pattern), []) for name, pattern in rg_patterns(PREFILTER.pattern)]


def rg_command(pattern: list[str]) -> list[str]:
    """rg over what the linter reads: every file, hidden or ignored, but not the linter's own
    cache folder (a tree that has been checked without --cache-dir holds tens of MB there)."""
    return ["rg", "--no-ignore", "--hidden", "--glob", f"!{CACHE_DIR_NAME}", "-c", *pattern, "."]


def rg_patterns(pattern: str) -> list[tuple[str, list[str]]]:
    """(row name, rg arguments) for the prefilter's own pattern; it carries its own (?i:) groups,
    so no -i. rg's default engine has no lookbehind, so there the lookbehind is dropped (a
    slightly broader pattern, the same reading work); with PCRE2 (-P) it runs exactly."""
    found = [("rg -c with the prefilter's pattern (no lookbehind)",
              ["-e", re.sub(r"\(\?<[!=][^)]*\)", "", pattern).replace('\\"', '"')])]
    if subprocess.run(["rg", "--pcre2-version"], capture_output=True).returncode == 0:
        found.append(("rg -c -P with the prefilter's exact pattern", ["-P", "-e", pattern]))
    return found


def _fortnox_files(root: Path) -> list[Path]:
    """The generated files that call Fortnox, in order: the files an editor would be checking."""
    return [path for path in sorted(root.rglob("module_*"))
            if "(fortnox)" in path.read_text(encoding="utf-8", errors="replace")[:200]]


def _single_files(root: Path, cache: Path, env: dict[str, str], repeat: int
                  ) -> list[tuple[str, Run, int, float]] | None:
    """Rows for single-file checks, each unchanged and just saved: with ``check --stdin-filename``,
    the first Fortnox file that stands alone (only it is scanned; the unchanged one is replayed)
    and the first that needs its project (see the README's Editors section); else ``check FILE``.
    None if the repeated checks of one buffer did not all answer the same."""
    candidates = _fortnox_files(root) or sorted(root.rglob("module_*"))[:1]
    if not has_stdin_filename(env, root):
        target = candidates[0]
        cmd = lint_cmd("check", "--cache-dir", str(cache), target.relative_to(root).as_posix())
        run = best([measure(cmd, root, env) for _ in range(repeat * 3)])
        return [("single file (check FILE, warm cache)", run, 1, target.stat().st_size / 1e6)]
    found: dict[str, Path] = {}
    for path in candidates:
        probe = measure(lint_cmd("check", "--cache-dir", str(cache), "--format", "json", "--stdin-filename",
                                 path.relative_to(root).as_posix()), root, env, path.read_bytes())
        scanned = json.loads(probe.stdout)["summary"]["files_scanned"]
        found.setdefault("standing alone" if scanned <= 1 else "that needs its project", path)
        if len(found) == 2:
            break
    rows = []
    for kind, target in sorted(found.items(), key=lambda item: item[0] != "standing alone"):
        cmd = lint_cmd("check", "--cache-dir", str(cache), "--stdin-filename", target.relative_to(root).as_posix())
        runs = [measure(cmd, root, env, target.read_bytes()) for _ in range(repeat * 3)]
        if len({(r.stdout, r.returncode) for r in runs}) != 1:
            return None
        unchanged = "replayed" if kind == "standing alone" else "warm cache"
        megabytes = target.stat().st_size / 1e6
        rows.append((f"single file {kind}, unchanged (check --stdin-filename, {unchanged})", best(runs), 1,
                     megabytes))
        rows.append((f"single file {kind}, just saved (check --stdin-filename)",
                     _after_edits(target, cmd, root, env, repeat * 3), 1, megabytes))
    return rows


def _scaling(root: Path, files: int, megabytes: float, scratch: Path, cold) -> list[tuple[int, Run]]:
    points = []
    for share in (4, 2):
        tree = scratch / f"tree-{share}"
        generate(tree, files // share, megabytes / share)
        points.append((tree_stats(tree)[0], cold(tree)))
    return points


def _machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo") as handle:
            names = re.findall(r"model name\s*:\s*(.+)", handle.read())
            cpu = names[0] if names else cpu
    except OSError:
        pass
    memory = ""
    try:
        with open("/proc/meminfo") as handle:
            kb = int(re.search(r"MemTotal:\s+(\d+)", handle.read()).group(1))  # type: ignore[union-attr]
            memory = f", {kb / 1024 / 1024:.0f} GB RAM"
    except (OSError, AttributeError):
        pass
    return (f"{platform.system()} {platform.release()}, {cpu}, {os.cpu_count()} cores{memory}, "
            f"Python {platform.python_version()}")


def _report(rows, scaling, count, mb, cold_run, warm, bare, rg_run, version) -> str:
    build = version.rsplit("; ", 1)[-1].rstrip(")") if version.endswith(")") else "unknown"
    lines = [f"Machine: {_machine()}", f"Build: {build} ({version or 'no --version'})",
             f"Tree: {count} files, {mb:.1f} MB", "",
             "| scenario | wall s | files/s | MB/s | peak MB | stolen % |", "|---|---:|---:|---:|---:|---:|"]
    cores = os.cpu_count() or 1
    for name, run, files, size in rows:
        rate = f"{files / run.seconds:,.0f}" if files else "-"
        speed = f"{size / run.seconds:,.1f}" if size else "-"
        stolen = f"{100 * run.stolen / (run.seconds * cores):.0f}" if run.stolen is not None else "-"
        lines.append(f"| {name} | {run.seconds:.3f} | {rate} | {speed} | {run.peak_mb:.0f} | {stolen} |")
    if scaling:
        lines += ["", "| cold check, files | wall s | µs per file |", "|---:|---:|---:|"]
        for files, run in [*scaling, (count, cold_run)]:
            lines.append(f"| {files} | {run.seconds:.3f} | {run.seconds / files * 1e6:,.0f} |")
    lines += ["", "Targets:"]
    if rg_run is not None:
        lines.append(_target("cold full check within 5x rg", cold_run.seconds / rg_run.seconds, 5))
        lines.append(_target("warm re-run within 1.5x rg", warm.seconds / rg_run.seconds, 1.5))
    else:
        lines.append("- rg is not installed: cold and warm runs not compared with it")
    singles = [(name, run) for name, run, _, _ in rows if name.startswith("single file")]
    lines.append(_target("single-file check within 2.5x `python -c pass`", singles[0][1].seconds / bare.seconds, 2.5)
                 + f" ({singles[0][0]})")
    for name, run in singles[1:]:  # the other editor cases: shown, so that the best is not all one sees
        lines.append(f"  - {name}: {run.seconds / bare.seconds:.1f}x")
    peak = max(r.peak_mb for _, r, _, _ in rows)
    lines.append(f"- peak memory under 150 MB: {peak:.0f} MB, {'met' if peak < 150 else 'NOT met'}")
    return "\n".join(lines)


def _target(name: str, ratio: float, limit: float) -> str:
    return f"- {name}: {ratio:.1f}x, {'met' if ratio <= limit else 'NOT met'}"


if __name__ == "__main__":
    sys.exit(main())

"""Start-up cost of the CLI as a ratio to ``python -c "import click"`` (issue 20.3), with each command's peak RSS.

Goals: ``--help`` <= 1.6x, ``packs`` <= 5x, ``check het-gesprek`` <= 5x. The commands take turns (interleaved) so
they share the machine's load; each figure is a median. Run it twice on a busy machine and compare.

Run: .venv/bin/python tests/benchmarks/bench_startup.py [runs] [--instructions]
(another checkout: /other/.venv/bin/python tests/benchmarks/bench_startup.py: it measures the draaiboek that
python imports). ``--instructions`` also counts each command's instructions once under valgrind's callgrind
(about a minute): a figure other load on the machine does not move, to compare two versions of the code. Its
ratios run higher than the wall-time ones (the goals): ``import click`` spends a larger share of its time where
no instruction is counted (the kernel starting the process, reading files), so they carry no verdict.
"""

from __future__ import annotations

import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

COMMANDS = {
    "import click": ([sys.executable, "-c", "import click"], None),
    "draaiboek --help": ([sys.executable, "-m", "draaiboek", "--help"], 1.6),
    "draaiboek packs": ([sys.executable, "-m", "draaiboek", "packs"], 5.0),
    "draaiboek check het-gesprek": ([sys.executable, "-m", "draaiboek", "check", "het-gesprek"], 5.0),
}


def bench_env(cwd: str) -> dict[str, str]:
    """Byte code cached as after a real install (PYTHONDONTWRITEBYTECODE would compile the checkout's modules on
    every run), in a folder of its own so the checkout stays clean."""
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = os.path.join(cwd, "pycache")
    return env


def run_once(command: list[str], cwd: str, env: dict[str, str]) -> tuple[float, float, int]:
    """Wall time, CPU time (user + system: less sensitive to other load) and peak RSS (KiB) of one run;
    wait4 gives this child's own rusage."""
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(command)} exited with {process.returncode}")
    return elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss


def measure(runs: int) -> dict[str, tuple[list[float], list[float], int]]:
    times: dict[str, list[float]] = {name: [] for name in COMMANDS}
    cpu: dict[str, list[float]] = {name: [] for name in COMMANDS}
    peaks: dict[str, int] = dict.fromkeys(COMMANDS, 0)
    with tempfile.TemporaryDirectory() as cwd:  # no checkout on sys.path[0]: the installed draaiboek runs
        env = bench_env(cwd)
        for command, _ in COMMANDS.values():  # one warm-up each: file cache, .pyc files
            run_once(command, cwd, env)
        for _ in range(runs):
            for name, (command, _) in COMMANDS.items():
                elapsed, used, peak = run_once(command, cwd, env)
                times[name].append(elapsed)
                cpu[name].append(used)
                peaks[name] = max(peaks[name], peak)
    return {name: (times[name], cpu[name], peaks[name]) for name in COMMANDS}


def instructions(command: list[str], cwd: str, env: dict[str, str]) -> int:
    """Instructions one run executes (callgrind; hash seed fixed so two runs count alike)."""
    done = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", *command], cwd=cwd,
                          env={**env, "PYTHONHASHSEED": "0"}, capture_output=True, text=True, check=True)
    found = re.search(r"Collected : (\d+)", done.stderr)
    if found is None:
        raise SystemExit(f"no instruction count from callgrind for {' '.join(command)}")
    return int(found.group(1))


def count_instructions() -> None:
    if shutil.which("valgrind") is None:
        raise SystemExit("--instructions needs valgrind")
    with tempfile.TemporaryDirectory() as cwd:
        env = bench_env(cwd)
        counts = {}
        for name, (command, _) in COMMANDS.items():
            subprocess.run(command, cwd=cwd, env=env, capture_output=True, check=True)  # writes the .pyc files
            counts[name] = instructions(command, cwd, env)
            ratio = counts[name] / counts["import click"]
            print(f"{name:<28} {counts[name] / 1e6:9.1f} M instructions {ratio:6.2f}x")


def iqr_ms(values: list[float]) -> float:
    quartiles = statistics.quantiles(values, n=4)
    return (quartiles[2] - quartiles[0]) * 1000


def main() -> None:
    numbers = [arg for arg in sys.argv[1:] if arg.isdigit()]
    runs = int(numbers[0]) if numbers else 15
    result = measure(runs)
    wall_base = statistics.median(result["import click"][0])
    cpu_base = statistics.median(result["import click"][1])
    print(f"{sys.executable}: medians of {runs} interleaved runs (IQR = spread between runs)")
    columns = ("wall ms", "IQR", "ratio", "cpu ms", "IQR", "ratio")
    print(f"{'':<28} " + " ".join(f"{c:>{8 if 'ms' in c else 6}}" for c in columns) + f" {'peak RSS':>9}  goal")
    for name, (_, goal) in COMMANDS.items():
        wall, cpu, peak = result[name]
        wall_ratio = statistics.median(wall) / wall_base
        cpu_ratio = statistics.median(cpu) / cpu_base
        verdict = "" if goal is None else f"<= {goal}x: {'met' if max(wall_ratio, cpu_ratio) <= goal else 'NOT met'}"
        print(f"{name:<28} {statistics.median(wall) * 1000:8.1f} {iqr_ms(wall):6.1f} {wall_ratio:5.2f}x "
              f"{statistics.median(cpu) * 1000:8.1f} {iqr_ms(cpu):6.1f} {cpu_ratio:5.2f}x "
              f"{peak / 1024:6.1f} MB  {verdict}")
    if "--instructions" in sys.argv:
        print("instructions (callgrind, one run each; no verdict: the goals are on wall time):")
        count_instructions()


if __name__ == "__main__":
    main()

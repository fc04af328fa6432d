"""Start-up time of the command line: `kpu-docs --help` and `kpu-docs check` on the example.

    python benchmarks/startup.py [--runs 10] [--pythonpath DIR]

Each command runs in a fresh Python process, `--runs` times, interleaved with two baselines
measured the same way on the same machine: an empty interpreter (`python -c pass`) and one
importing typer, the least any typer command line can cost. It prints the median wall time (and
the fastest run, which a busy machine disturbs least) and the ratio of each median to the
baselines'. Nothing is asserted: the numbers depend on the machine.

The commands run through `kpu_docs.cli:main`, as the installed `kpu-docs` script does, in and
with PYTHONPATH set to this checkout (or --pythonpath), so that it, not an installed copy, is
measured (`python -c` puts the working directory first on sys.path).
"""

from __future__ import annotations

import argparse
import compileall
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "keputusan-11-2025.yaml"


def _cli(*args: str) -> list[str]:
    code = f"import sys; sys.argv = {['kpu-docs', *args]!r}; from kpu_docs.cli import main; main()"
    return [sys.executable, "-c", code]


COMMANDS = {
    "python -c pass": [sys.executable, "-c", "pass"],
    "python -c 'import typer'": [sys.executable, "-c", "import typer"],
    "kpu-docs --help": _cli("--help"),
    "kpu-docs check (example)": _cli("check", str(EXAMPLE)),
}
BASELINES = {"python -c pass": "x pass", "python -c 'import typer'": "x typer"}  # name: column


def measure(runs: int, pythonpath: Path) -> dict[str, list[float]]:
    # Bytecode as an installed package has it (pip compiles at install; a checkout gets it at its
    # first run), even where PYTHONDONTWRITEBYTECODE keeps the runs from writing it.
    compileall.compile_dir(pythonpath / "kpu_docs", quiet=1)
    env = {**os.environ, "PYTHONPATH": str(pythonpath)}
    times: dict[str, list[float]] = {name: [] for name in COMMANDS}
    for name, argv in COMMANDS.items():  # once each, untimed: the disk cache is warm
        subprocess.run(argv, env=env, cwd=pythonpath, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    for _ in range(runs):
        for name, argv in COMMANDS.items():  # interleaved, so a burst of load hits all alike
            start = time.perf_counter()
            subprocess.run(argv, env=env, cwd=pythonpath, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
            times[name].append(time.perf_counter() - start)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10, help="runs of each command (default 10)")
    parser.add_argument("--pythonpath", type=Path, default=ROOT, help="where kpu_docs is imported from")
    options = parser.parse_args()
    pythonpath = options.pythonpath.resolve()

    times = measure(options.runs, pythonpath)
    medians = {name: statistics.median(values) for name, values in times.items()}
    load = " ".join(f"{x:.2f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "?"
    print(f"{options.runs} runs each; Python {sys.version.split()[0]}; {os.cpu_count()} CPUs, load {load}")
    print(f"kpu_docs from {pythonpath}")
    columns = "".join(f" {column:>8}" for column in BASELINES.values())
    print(f"{'command':28} {'median s':>9} {'fastest s':>10}{columns}")
    for name, values in times.items():
        ratios = "".join(f" {medians[name] / medians[baseline]:8.2f}" for baseline in BASELINES)
        print(f"{name:28} {medians[name]:9.3f} {min(values):10.3f}{ratios}")


if __name__ == "__main__":
    main()

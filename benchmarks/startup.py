"""Start-up benchmark: condlookup's everyday commands against a hello-world Typer command.

Everything runs side by side in one run, interleaved round by round, so that a busy shared
machine slows both sides alike; the figures that count are the ratios of the medians.

    python benchmarks/startup.py [--rounds 15] [--check]

Output is measured twice: piped into this script (plain text) and under a pseudo-terminal
(Rich). Budgets: piped at most 1.3x the hello-world, on a terminal at most 1.8x.
"""

from __future__ import annotations

import argparse
import os
import pty
import select
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HELLO = """\
import typer

app = typer.Typer()


@app.command()
def hello(name: str = "world") -> None:
    print(f"hello {name}")


@app.command()
def other() -> None:
    pass


if __name__ == "__main__":
    app()
"""

COMMANDS = {
    "show oms": ["show", "oms", "--no-pager"],
    "search ataxia": ["search", "ataxia"],
    "list": ["list"],
}
BUDGETS = {"piped": 1.3, "terminal": 1.8}


def condlookup_command() -> list[str]:
    script = Path(sys.executable).with_name("condlookup")
    return [str(script)] if script.exists() else [sys.executable, "-m", "condlookup"]


def run_piped(argv: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    done = subprocess.run(argv, capture_output=True, env=env, check=False)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(argv)} failed: {done.stderr.decode()}")
    return elapsed


def run_terminal(argv: list[str], env: dict[str, str]) -> float:
    leader, follower = pty.openpty()
    start = time.perf_counter()
    process = subprocess.Popen(argv, stdin=follower, stdout=follower, stderr=follower, env=env)
    os.close(follower)
    while True:  # drain the terminal so the program never blocks on a full buffer
        ready, _, _ = select.select([leader], [], [], 5)
        if not ready:
            break
        try:
            if not os.read(leader, 65536):
                break
        except OSError:
            break
    process.wait()
    elapsed = time.perf_counter() - start
    os.close(leader)
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(argv)} failed on a terminal")
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--check", action="store_true", help="exit 1 when over budget")
    args = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="condlookup-bench-"))
    hello = workdir / "hello.py"
    hello.write_text(HELLO)
    env = {**os.environ, "CONDLOOKUP_CACHE_DIR": str(workdir / "cache"), "TERM": "xterm-256color"}
    env.pop("NO_COLOR", None)
    # Measure the tool as installed: pip writes bytecode at install time, so let it be cached
    # here too, whatever the shell says.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.update(COLUMNS="100", LINES="50")
    tool = condlookup_command()
    cases = {"hello-world": [sys.executable, str(hello), "hello"]}
    cases |= {name: tool + argv for name, argv in COMMANDS.items()}
    run_piped([*tool, "list"], env)  # build the index first: these are warm runs

    import typer  # noqa: PLC0415 - only to report the version under test

    print(f"Typer {typer.__version__}, Python {sys.version.split()[0]}, {args.rounds} rounds")
    failed = False
    for mode, runner in (("piped", run_piped), ("terminal", run_terminal)):
        times: dict[str, list[float]] = {name: [] for name in cases}
        for argv in cases.values():  # one warm-up each
            runner(argv, env)
        for _ in range(args.rounds):
            for name, argv in cases.items():
                times[name].append(runner(argv, env))
        base = statistics.median(times["hello-world"])
        print(f"\n{mode} (budget {BUDGETS[mode]}x)")
        print(f"  {'command':<16}{'median ms':>10}{'ratio':>8}")
        for name, samples in times.items():
            median = statistics.median(samples)
            ratio = median / base
            over = name != "hello-world" and ratio > BUDGETS[mode]
            failed |= over
            flag = "  OVER BUDGET" if over else ""
            print(f"  {name:<16}{median * 1000:>10.1f}{ratio:>8.2f}{flag}")
    shutil.rmtree(workdir, ignore_errors=True)
    return 1 if failed and args.check else 0


if __name__ == "__main__":
    sys.exit(main())

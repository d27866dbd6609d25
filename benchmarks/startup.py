"""Speed and size: condlookup's commands against a hello-world Typer command, and the index.

Everything runs side by side in one run, interleaved round by round, so that a busy shared
machine slows both sides alike; the figures that count are the ratios of the medians.

    python benchmarks/startup.py [--rounds 15] [--check]

Output is measured twice: piped into this script (plain text) and under a pseudo-terminal
(Rich). Each command has its budget (see COMMANDS). Then the cold index build is timed (both
halves), then the command after editing one page of a folder of ten (the pages half only), as
seconds and as a share of the cold build of the same run; the index size and the peak memory of
the build and of each warm command are reported.
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

# name: (arguments, budget piped, budget on a terminal), as ratios to the hello-world; None
# where the issues set no budget (the catalogue's budgets are for output to another program).
COMMANDS: dict[str, tuple[list[str], float, float | None]] = {
    "show oms": (["show", "oms", "--no-pager"], 1.3, 1.8),
    "search ataxia (curated)": (
        ["search", "ataxia", "--source", "curated", "--no-pager"],
        1.3,
        1.8,
    ),
    "list": (["list"], 1.3, 1.8),
    "show ORPHA:100": (["show", "ORPHA:100", "--no-pager"], 1.3, None),
    "show marfan syndrome": (["show", "marfan", "syndrome", "--no-pager"], 1.3, None),
    "show sjogrens (folded)": (["show", "sjogrens", "--no-pager"], 1.3, None),
    # A miss exits 1, with its suggestions: found through the names' full-text index.
    "show migraine (a miss)": (["show", "migraine", "--no-pager"], 1.3, None),
    "show FBN1 (a gene)": (["show", "FBN1", "--no-pager"], 1.3, None),
    "search marfan": (["search", "marfan", "--no-pager"], 1.5, None),
    "search ataxia (all)": (["search", "ataxia", "--no-pager"], 1.5, None),
    "match 5 symptoms": (
        [
            "match",
            "coloboma",
            "choanal atresia",
            "HP:0000356",
            "growth delay",
            "hearing loss",
            "--no-pager",
        ],
        2.0,
        None,
    ),
}
# match with 5 symptoms and a panel of 100 candidate genes (written into the work folder).
PANEL = "panel.txt"
PANEL_GENES = 100
MISS_EXIT = 1
# After `condlookup update` fetched the definitions (from a local server, the shared data's
# files): the page with Orphanet's definition, and a disease of the Disease Ontology's alone.
WITH_DEFINITIONS: dict[str, tuple[list[str], float, float | None]] = {
    "show marfan syndrome (defined)": (["show", "marfan", "syndrome", "--no-pager"], 1.3, None),
    "show migraine (DO's page)": (["show", "migraine", "--no-pager"], 1.3, None),
}
UPDATE_BUDGET_S = 60.0
SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"
MEMORY_BUDGET_MIB = {"warm": 80, "build": 600}
PAGE = """\
name: Page number {number}
summary: A page of one's own, number {number}, for the benchmark.
sections:
  overview: Made up for the benchmark.
symptoms:
  - name: Ataxia
    hpo: HP:0001251
specialists: [neurologist]
sources:
  - title: The benchmark
    url: https://example.org/benchmark
reviewed: 2026-11-25
"""
BUILD_BUDGET_S = 15.0
INDEX_BUDGET_MB = 150
# After editing one page of a folder of ten, the next command (it rebuilds the pages half).
EDIT_BUDGET_S = 1.5
EDIT_BUDGET_RATIO = 0.15  # of the cold build


def condlookup_command() -> list[str]:
    script = Path(sys.executable).with_name("condlookup")
    return [str(script)] if script.exists() else [sys.executable, "-m", "condlookup"]


def expected_exit(argv: list[str], env: dict[str, str]) -> int:
    return MISS_EXIT if "migraine" in argv and "CONDLOOKUP_DO_URL" not in env else 0


def run_piped(argv: list[str], env: dict[str, str]) -> float:
    return measure(argv, env)[0]


def write_panel(path: Path) -> Path:
    """A gene panel of PANEL_GENES symbols: CHD7 (CHARGE syndrome's), and the first others the
    HPO's genes_to_phenotype.txt names, as a pipeline's list would mix the right gene in."""
    from condlookup.paths import hpo_dir  # noqa: PLC0415

    symbols = ["CHD7"]
    folder = hpo_dir()
    genes = folder / "genes_to_phenotype.txt" if folder else None
    if genes is not None and genes.is_file():
        with genes.open(encoding="utf-8") as handle:
            next(handle)
            for line in handle:
                symbol = line.split("\t")[1]
                if symbol not in symbols and symbol != "-":
                    symbols.append(symbol)
                if len(symbols) == PANEL_GENES:
                    break
    path.write_text("# candidate genes\n" + "\n".join(symbols) + "\n")
    return path


def with_definitions(
    tool: list[str], env: dict[str, str], workdir: Path
) -> tuple[dict[str, str], float] | None:
    """An environment whose `update` fetched Orphanet's packets and the Disease Ontology from a
    local server (the shared data: the packets under the repository archive's top folder, a
    subset of DO's release as doid.obo), and how long that update took; None without them."""
    import gzip  # noqa: PLC0415
    import http.server  # noqa: PLC0415
    import tarfile  # noqa: PLC0415
    import threading  # noqa: PLC0415

    packets = SHARED / "orphanet" / "orphapackets-2025-12-09.tar.gz"
    obo = SHARED / "disease-ontology" / "NCIthesaurus.obo.gz"
    if not (packets.is_file() and obo.is_file()):
        return None
    served = workdir / "served"
    served.mkdir()
    with tarfile.open(packets) as source, tarfile.open(served / "master.tar.gz", "w:gz") as out:
        for member in source:
            handle = source.extractfile(member) if member.isfile() else None
            member.name = f"orphapacket-master/{member.name}"
            out.addfile(member, handle)
    (served / "doid.obo").write_bytes(gzip.decompress(obo.read_bytes()))

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *args: object, **kwargs: object) -> None:
            super().__init__(*args, directory=str(served), **kwargs)  # type: ignore[arg-type]

        def log_message(self, *_args: object) -> None:
            pass

    class Server(http.server.ThreadingHTTPServer):
        def handle_error(self, request: object, client_address: object) -> None:
            # `update` reads the first kB of doid.obo as a range, which this server does not
            # serve: it sends the whole file, and the client hangs up when it has enough.
            if not isinstance(sys.exc_info()[1], ConnectionError):
                super().handle_error(request, client_address)  # type: ignore[arg-type]

    server = Server(("127.0.0.1", 0), Quiet)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}"
    defined = {
        **env,
        "XDG_DATA_HOME": str(workdir / "data"),
        "CONDLOOKUP_CACHE_DIR": str(workdir / "defined-cache"),
        "CONDLOOKUP_ORPHANET_URL": f"{url}/master.tar.gz",
        "CONDLOOKUP_DO_URL": f"{url}/doid.obo",
    }
    update_s = measure([*tool, "update", "--only", "orphanet", "--only", "do"], defined)[0]
    server.shutdown()
    return defined, update_s


def measure(argv: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall time in seconds and peak memory in MiB of one run, output piped and discarded."""
    start = time.perf_counter()
    process = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    _pid, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    error = process.stderr.read() if process.stderr else b""
    if os.waitstatus_to_exitcode(status) != expected_exit(argv, env):
        raise SystemExit(f"{' '.join(argv)} failed: {error.decode()}")
    return elapsed, usage.ru_maxrss / 1024


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
    if process.returncode != expected_exit(argv, env):
        raise SystemExit(f"{' '.join(argv)} failed on a terminal")
    return elapsed


def after_an_edit(tool: list[str], env: dict[str, str], workdir: Path, rounds: int) -> float:
    """The median time of `show` after editing one page of a folder of ten pages of one's own:
    each time, the index's pages half is built again, on the catalogue half the cold build made
    (copied into this case's own cache, as it is built from the same data)."""
    folder, cache = workdir / "ten", workdir / "ten-cache"
    folder.mkdir()
    cache.mkdir()
    for number in range(10):
        (folder / f"page-{number:05d}.yaml").write_text(PAGE.format(number=number))
    for half in Path(env["CONDLOOKUP_CACHE_DIR"]).glob("catalogue-v*.sqlite"):
        shutil.copy(half, cache / half.name)
    ten_env = {**env, "CONDLOOKUP_PATH": str(folder), "CONDLOOKUP_CACHE_DIR": str(cache)}
    show = [*tool, "show", "oms", "--no-pager"]
    run_piped(show, ten_env)  # the first index of these pages
    samples = []
    for edit in range(rounds):
        (folder / "page-00003.yaml").write_text(PAGE.format(number=f"3, edited {edit} times"))
        samples.append(run_piped(show, ten_env))
    return statistics.median(samples)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--check", action="store_true", help="exit 1 when over budget")
    parser.add_argument(
        "--many", type=int, default=10000, help="pages in one user folder for `list (many)`"
    )
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
    cases: dict[str, tuple[list[str], float, float | None]] = {
        "hello-world": ([sys.executable, str(hello), "hello"], 1.0, 1.0)
    }
    cases |= {name: ([*tool, *argv], piped, tty) for name, (argv, piped, tty) in COMMANDS.items()}
    panel = write_panel(workdir / PANEL)
    five = COMMANDS["match 5 symptoms"][0]
    cases[f"match 5 symptoms, {PANEL_GENES} genes"] = (
        [*tool, *five, "--genes", str(panel)],
        2.0,
        None,
    )
    # The same `list`, with a folder of many pages of one's own (built into the index first).
    many = workdir / "many"
    many.mkdir()
    for number in range(args.many):
        (many / f"page-{number:05d}.yaml").write_text(PAGE.format(number=number))
    # Its own cache: one index per set of sources, or each run would rebuild the other.
    many_env = {
        **env,
        "CONDLOOKUP_PATH": str(many),
        "CONDLOOKUP_CACHE_DIR": str(workdir / "many-cache"),
    }
    many_case = f"list ({args.many} pages)"
    start = time.perf_counter()
    run_piped([*tool, "list"], many_env)
    print(f"index with {args.many} pages of one's own built in {time.perf_counter() - start:.1f} s")
    envs = {name: env for name in cases} | {many_case: many_env}
    cases[many_case] = ([*tool, "list"], 1.3, 1.8)
    failed = False

    # The cold build first: it also leaves the index that the warm runs read.
    build_s, build_mib = measure([*tool, "cache", "rebuild"], env)
    index = Path(
        subprocess.run(
            [*tool, "cache", "path"], capture_output=True, text=True, env=env
        ).stdout.strip()
    )
    size_mb = index.stat().st_size / 1e6
    over_build = build_s > BUILD_BUDGET_S or build_mib > MEMORY_BUDGET_MIB["build"]
    over_size = size_mb > INDEX_BUDGET_MB
    failed |= over_build or over_size
    flag = "  OVER BUDGET" if over_build else ""
    print(
        f"cold index build: {build_s:.1f} s (budget {BUILD_BUDGET_S:.0f} s), "
        f"peak {build_mib:.0f} MiB (budget {MEMORY_BUDGET_MIB['build']}){flag}"
    )
    flag = "  OVER BUDGET" if over_size else ""
    halves = [half.stat().st_size / 1e6 for half in index.parent.glob("catalogue-v*.sqlite")]
    beside = f"; its catalogue half beside it: {halves[0]:.1f} MB" if halves else ""
    print(f"index on disk: {size_mb:.1f} MB (budget {INDEX_BUDGET_MB}){flag}{beside}")
    defined = with_definitions(tool, env, workdir)
    if defined is None:
        print(f"definitions: not measured (the shared data is not at {SHARED})")
    else:
        defined_env, update_s = defined
        over_update = update_s > UPDATE_BUDGET_S
        failed |= over_update
        flag = "  OVER BUDGET" if over_update else ""
        print(
            f"update of Orphanet's packets and the Disease Ontology from a local server: "
            f"{update_s:.1f} s (budget {UPDATE_BUDGET_S:.0f} s){flag}"
        )
        defined_build_s = measure([*tool, "cache", "rebuild"], defined_env)[0]
        defined_index = Path(defined_env["CONDLOOKUP_CACHE_DIR"]) / index.name
        defined_mb = defined_index.stat().st_size / 1e6
        failed |= defined_mb > INDEX_BUDGET_MB
        flag = "  OVER BUDGET" if defined_mb > INDEX_BUDGET_MB else ""
        print(
            f"with the definitions: cold build {defined_build_s:.1f} s, index on disk "
            f"{defined_mb:.1f} MB (budget {INDEX_BUDGET_MB}){flag}"
        )
        for name, (argv, piped, tty) in WITH_DEFINITIONS.items():
            cases[name] = ([*tool, *argv], piped, tty)
            envs[name] = defined_env
    edit_s = after_an_edit(tool, env, workdir, args.rounds)
    over_edit = edit_s > EDIT_BUDGET_S or edit_s / build_s > EDIT_BUDGET_RATIO
    failed |= over_edit
    flag = "  OVER BUDGET" if over_edit else ""
    print(
        f"show after editing one of 10 pages: {edit_s:.2f} s (budget {EDIT_BUDGET_S} s), "
        f"{edit_s / build_s:.3f}x the cold build (budget {EDIT_BUDGET_RATIO}x){flag}"
    )

    import typer  # noqa: PLC0415 - only to report the version under test

    print(f"\nTyper {typer.__version__}, Python {sys.version.split()[0]}, {args.rounds} rounds")
    for mode, runner in (("piped", run_piped), ("terminal", run_terminal)):
        times: dict[str, list[float]] = {name: [] for name in cases}
        for name, (argv, _piped, _tty) in cases.items():  # one warm-up each
            runner(argv, envs[name])
        for _ in range(args.rounds):
            for name, (argv, _piped, _tty) in cases.items():
                times[name].append(runner(argv, envs[name]))
        base = statistics.median(times["hello-world"])
        print(f"\n{mode}")
        print(f"  {'command':<26}{'median ms':>10}{'ratio':>8}{'budget':>8}")
        for name, samples in times.items():
            median = statistics.median(samples)
            ratio = median / base
            budget = cases[name][1] if mode == "piped" else cases[name][2]
            over = name != "hello-world" and budget is not None and ratio > budget
            failed |= over
            flag = "  OVER BUDGET" if over else ""
            shown = f"{budget:.1f}" if budget is not None else "-"
            print(f"  {name:<26}{median * 1000:>10.1f}{ratio:>8.2f}{shown:>8}{flag}")
    print(f"\npeak memory, warm (budget {MEMORY_BUDGET_MIB['warm']} MiB)")
    for name, (argv, _piped, _tty) in cases.items():
        mib = measure(argv, envs[name])[1]
        over = mib > MEMORY_BUDGET_MIB["warm"] and name != "hello-world"
        failed |= over
        print(f"  {name:<26}{mib:>8.1f} MiB{'  OVER BUDGET' if over else ''}")
    shutil.rmtree(workdir, ignore_errors=True)
    return 1 if failed and args.check else 0


if __name__ == "__main__":
    sys.exit(main())

"""How long `match --phenopacket FOLDER` takes for a folder of many phenopackets, in one process.

    python benchmarks/phenopacket_folder.py CASES_FILE [--cases 1000]

Writes the first CASES cases of a JSON Lines file of cases (as ../shared/data/phenopackets has
them) as GA4GH Phenopacket v2 files into a temporary folder, then times the installed
`condlookup match --phenopacket FOLDER --json`, its output discarded, after one warm-up run that
builds the index.
"""

from __future__ import annotations

import argparse
import gzip
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any


def phenopacket(case: dict[str, Any]) -> dict[str, Any]:
    features: list[dict[str, Any]] = [{"type": {"id": term}} for term in case["present"]]
    features += [{"type": {"id": term}, "excluded": True} for term in case["excluded"]]
    return {
        "id": case["case"],
        "subject": {"id": case["case"]},
        "phenotypicFeatures": features,
        "metaData": {"created": "2026-11-27T00:00:00Z", "createdBy": "condlookup benchmark"},
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("cases", type=Path)
    parser.add_argument("--cases", dest="count", type=int, default=1000)
    args = parser.parse_args()
    opener = gzip.open if args.cases.suffix == ".gz" else open
    with opener(args.cases, "rt", encoding="utf-8") as handle:
        cases = [json.loads(line) for line in handle if line.strip()][: args.count]
    tool = Path(sys.executable).with_name("condlookup")
    with tempfile.TemporaryDirectory() as folder:
        for number, case in enumerate(cases):
            path = Path(folder) / f"case-{number:05d}.json"
            path.write_text(json.dumps(phenopacket(case)), encoding="utf-8")
        command = [str(tool), "match", "--phenopacket", folder, "--json"]
        subprocess.run([str(tool), "match", "ataxia"], capture_output=True, check=True)
        start = time.perf_counter()
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        elapsed = time.perf_counter() - start
    lines = done.stdout.count("\n")
    failed = done.stderr.count("\n")
    print(
        f"{len(cases)} phenopackets in one process: {elapsed:.1f} s (budget 60 s), "
        f"{elapsed / max(len(cases), 1) * 1000:.0f} ms each; {lines} ranked, {failed} refused"
    )
    return 0 if done.returncode in (0, 1) else done.returncode


if __name__ == "__main__":
    sys.exit(main())

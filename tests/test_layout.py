"""The house shows its parts: no import cycles, dependencies pointing down, small modules.

Imports are read from the source with `ast`, wherever they are: at the top, inside functions
(lazy imports are dependencies too) and under TYPE_CHECKING.
"""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "cli" / "condlookup"

# The parts, bottom first: a module may import its own part and the parts below it, never one
# above. The base modules import nothing of the package but each other.
LAYERS: tuple[tuple[str, ...], ...] = (
    (
        "condlookup",
        "condlookup.errors",
        "condlookup.text",
        "condlookup.paths",
        "condlookup.records",
    ),
    ("condlookup.sources",),
    ("condlookup.pages",),
    ("condlookup.catalogue",),
    ("condlookup.matching",),
    ("condlookup.index",),
    ("condlookup.search",),
    ("condlookup.library",),
    ("condlookup.render",),
    ("condlookup.commands",),
    ("condlookup.__main__",),
)
MAX_TOP_MODULES = 9
MAX_LINES = 450


def module_names(root: Path) -> dict[str, Path]:
    """Every module of the package at `root`, by dotted name (a package by its own name)."""
    found = {}
    for path in sorted(root.rglob("*.py")):
        parts = [root.name, *path.relative_to(root).with_suffix("").parts]
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


def imports_of(name: str, path: Path, known: dict[str, Path]) -> Iterator[str]:
    """The package's modules that `name` imports, anywhere in its source.

    Importing a.b.c runs a and a.b first, so those count too; `from a.b import c` names the
    module a.b.c when there is one, else a name inside a.b.
    """
    is_package = path.name == "__init__.py"
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        targets: list[str] = []
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = name.split(".")
                anchor = anchor if is_package else anchor[:-1]
                anchor = anchor[: len(anchor) - (node.level - 1)]
                base = ".".join([*anchor, base] if base else anchor)
            targets = [base]
            targets += [f"{base}.{alias.name}" for alias in node.names]
        for target in targets:
            pieces = target.split(".")
            for end in range(1, len(pieces) + 1):
                candidate = ".".join(pieces[:end])
                if candidate in known and candidate != name:
                    yield candidate


def import_graph(root: Path) -> dict[str, set[str]]:
    known = module_names(root)
    return {name: set(imports_of(name, path, known)) for name, path in known.items()}


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import cycle as a path that ends where it starts, or None."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    trail: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        trail.append(node)
        for target in sorted(graph.get(node, ())):
            if state.get(target) == 1:
                return [*trail[trail.index(target) :], target]
            if target not in state:
                found = visit(target)
                if found:
                    return found
        trail.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state:
            found = visit(node)
            if found:
                return found
    return None


def layer_of(name: str) -> int:
    best = -1, -1  # (length of the matched part, layer)
    for layer, parts in enumerate(LAYERS):
        for part in parts:
            if (name == part or name.startswith(part + ".")) and len(part) > best[0]:
                best = len(part), layer
    assert best[1] >= 0, f"{name} belongs to no part: add it to LAYERS"
    return best[1]


def test_no_module_imports_one_that_imports_it_back() -> None:
    cycle = find_cycle(import_graph(PACKAGE))
    assert cycle is None, "import cycle: " + " -> ".join(cycle or [])


def test_imports_point_down_the_layers() -> None:
    upward = [
        f"{name} imports {target}"
        for name, targets in import_graph(PACKAGE).items()
        for target in sorted(targets)
        if layer_of(target) > layer_of(name)
    ]
    assert upward == []


def test_the_folder_shows_the_parts() -> None:
    packages = sorted(p.parent.name for p in PACKAGE.glob("*/__init__.py"))
    assert {"sources", "pages", "catalogue", "matching", "index", "render", "commands"} <= set(
        packages
    )
    top = sorted(p.name for p in PACKAGE.glob("*.py"))
    assert len(top) <= MAX_TOP_MODULES, top
    for package in packages:
        docstring = ast.get_docstring(ast.parse((PACKAGE / package / "__init__.py").read_text()))
        assert docstring and "import" in docstring, f"{package}/__init__.py: say what it may import"
    long = {
        str(path.relative_to(PACKAGE)): lines
        for path in PACKAGE.rglob("*.py")
        if (lines := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert long == {}


def write_package(root: Path, files: dict[str, str]) -> Path:
    package = root / "demo"
    for relative, text in files.items():
        path = package / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    return package


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        # A lazy import inside a function closes the circle.
        (
            {
                "__init__.py": "",
                "a.py": "from demo import b\n",
                "b.py": "def f():\n    from demo.a import thing\n",
            },
            ["demo.a", "demo.b", "demo.a"],
        ),
        # So does one under TYPE_CHECKING, and a relative one.
        (
            {
                "__init__.py": "",
                "sub/__init__.py": "",
                "sub/x.py": "from ..y import z\n",
                "y.py": "if TYPE_CHECKING:\n    import demo.sub.x\n",
            },
            ["demo.sub.x", "demo.y", "demo.sub.x"],
        ),
        # A package whose __init__ imports a module that imports the package.
        (
            {"__init__.py": "from demo import c\n", "c.py": "import demo\n"},
            ["demo", "demo.c", "demo"],
        ),
        # No circle: both import a third.
        (
            {"__init__.py": "", "a.py": "import demo.c\n", "b.py": "from demo.c import x\n"},
            None,
        ),
    ],
    ids=["lazy", "type-checking-relative", "package-init", "none"],
)
def test_the_cycle_finder_sees_every_kind_of_import(
    tmp_path: Path, files: dict[str, str], expected: list[str] | None
) -> None:
    assert find_cycle(import_graph(write_package(tmp_path, files))) == expected


def test_the_layer_check_names_an_upward_import() -> None:
    assert layer_of("condlookup.pages.loader") < layer_of("condlookup.catalogue.build")
    assert layer_of("condlookup.sources.hpo") < layer_of("condlookup.catalogue.build")
    assert layer_of("condlookup.catalogue.terms") < layer_of("condlookup.matching.scoring")
    assert layer_of("condlookup.render.plain") > layer_of("condlookup.library")
    with pytest.raises(AssertionError, match="belongs to no part"):
        layer_of("elsewhere.module")


# What the everyday commands must not load, piped: start-up is the product, and these are the
# imports kept lazy for it (the budgets themselves are measured by benchmarks/startup.py).
NEVER_EVERYDAY = {
    "yaml",  # pages are read from the index, not the YAML
    "rich",  # only for a terminal
    "__future__",  # a module load of its own: the everyday modules do without it
    "condlookup.commands.more",
    "condlookup.index.build",
    "condlookup.catalogue.build",
    "condlookup.pages.loader",
    "phenopackets",  # only `match --phenopacket` reads them
    "google",  # protobuf, which phenopackets brings
    "condlookup.matching.cases",
    "condlookup.sources.update",  # the network: only `update`
    "urllib.request",
    "http.client",
}
# Each command with what it must not load either: folding text that is not ASCII needs
# unicodedata, which an ASCII query does not.
EVERYDAY = [
    (
        ["list"],
        {"json", "dataclasses", "unicodedata", "condlookup.search", "condlookup.catalogue"}
        | {"condlookup.matching", "condlookup.sources"},
    ),
    (["show", "test-fever", "--no-pager"], {"unicodedata", "condlookup.search"}),
    (["show", "OMIM:100001", "--no-pager"], {"json", "unicodedata", "condlookup.search"}),
    # Search folds the lines it shows, some of which have accents: unicodedata is allowed.
    (["search", "ataxia"], {"json", "condlookup.pages.loader", "condlookup.matching.scoring"}),
    (["match", "ataxia"], {"json", "unicodedata", "condlookup.pages.loader", "condlookup.search"}),
]


@pytest.mark.parametrize(("argv", "also_never"), EVERYDAY, ids=lambda v: " ".join(v)[:20])
def test_the_everyday_commands_load_only_what_they_need(
    tmp_path: Path, argv: list[str], also_never: set[str]
) -> None:
    fixtures = Path(__file__).parent / "data"
    env = {
        **os.environ,
        "CONDLOOKUP_CACHE_DIR": str(tmp_path / "cache"),
        "CONDLOOKUP_HPO_DIR": str(fixtures / "hpo"),
        "CONDLOOKUP_PATH": str(fixtures / "pages"),
    }
    command = [sys.executable, "-X", "importtime", "-m", "condlookup", *argv]
    subprocess.run(command, env=env, capture_output=True, check=True)  # builds the index
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=True)
    loaded = {
        line.rsplit("|", 1)[1].strip()
        for line in done.stderr.splitlines()
        if line.startswith("import time:")
    }
    assert "condlookup.library" in loaded  # the list is read as intended
    assert {
        name for name in loaded if name.split(".")[0] in NEVER_EVERYDAY or name in NEVER_EVERYDAY
    } | (loaded & also_never) == set()

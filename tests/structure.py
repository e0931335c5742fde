"""The package's structure as it is: its rooms (top-level modules and folders) and which imports which.

``python -m tests.structure`` writes ``docs/structure.md``; ``tests/test_architecture.py`` checks that the file is
the package as it is, and that the arrows are the ones the layout allows.
"""

from __future__ import annotations

import ast
from functools import cache
from pathlib import Path

import suarapos_crawler

PACKAGE = Path(suarapos_crawler.__file__).parent
ROOT = PACKAGE.parent
NAME = PACKAGE.name


def package_modules() -> dict[str, Path]:
    """Every module of the package by dotted name, without the package's own name: ``pages.article``."""
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = list(path.relative_to(PACKAGE).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        if parts:
            found[".".join(parts)] = path
    return found


def room_of(module: str) -> str:
    return module.split(".")[0]


def imported_modules(module: str, path: Path) -> set[str]:
    """The modules of ours that ``module`` imports (anywhere in it: at the top or inside a function)."""
    is_package = path.name == "__init__.py"
    here = module.split(".") if is_package else module.split(".")[:-1]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = here[: len(here) - (node.level - 1)] if node.level > 1 else here
                target = ".".join([*base, *(node.module.split(".") if node.module else [])])
            elif node.module and (node.module == NAME or node.module.startswith(NAME + ".")):
                target = node.module[len(NAME) + 1 :]
            else:
                continue
            found.add(target)
            found.update(f"{target}.{alias.name}" if target else alias.name for alias in node.names)
        elif isinstance(node, ast.Import):
            found.update(a.name[len(NAME) + 1 :] for a in node.names if a.name.startswith(NAME + "."))
    return {m for m in found if m}


@cache
def imports_between_rooms() -> dict[str, set[str]]:
    """room -> the other rooms it imports from."""
    modules = package_modules()
    arrows: dict[str, set[str]] = {}
    for module, path in modules.items():
        for target in imported_modules(module, path):
            while target and target not in modules:  # a name imported from a module: the module
                target = target.rpartition(".")[0]
            if target and room_of(target) != room_of(module):
                arrows.setdefault(room_of(module), set()).add(room_of(target))
    return arrows


def summary_of(room: str) -> str:
    """The first line of a room's docstring."""
    path = PACKAGE / room / "__init__.py" if (PACKAGE / room).is_dir() else PACKAGE / f"{room}.py"
    doc = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8"))) or ""
    return doc.strip().splitlines()[0] if doc.strip() else ""


def drawing() -> str:
    rooms = sorted({room_of(m) for m in package_modules()})
    arrows = imports_between_rooms()
    lines = [
        "# The package's structure",
        "",
        "Made by `python -m tests.structure` from the package's imports, and checked by `tests/test_architecture.py`:",
        "do not edit by hand. Each room is a top-level module or folder of `suarapos_crawler/`; an arrow `a --> b`",
        "says that `a` imports from `b`. The data flows one way: the site, a response (kept as WARC), the page",
        "classes, items, pipelines, the archive, Datasette.",
        "",
        "```mermaid",
        "graph LR",
        *(f"    {room} --> {target}" for room in rooms for target in sorted(arrows.get(room, ()))),
        "```",
        "",
        "| room | what it is | imports from |",
        "|---|---|---|",
        *(f"| `{room}` | {summary_of(room)} | {', '.join(sorted(arrows.get(room, ()))) or '-'} |" for room in rooms),
        "",
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    out = ROOT / "docs" / "structure.md"
    out.parent.mkdir(exist_ok=True)
    out.write_text(drawing(), encoding="utf-8")
    print(f"wrote {out}")

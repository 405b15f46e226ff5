"""The package's own imports, read with ``ast``: no import circle, and the rendering leaves
import nothing above them.

Only what runs when a module is imported counts as its dependency: the imports at module
level (including inside ``try``, ``if`` and class bodies), but not those under
``if TYPE_CHECKING:``, which are for annotations only. ``from . import x`` and
``from .x import y`` are imports of ``coalitions.x``; importing ``coalitions.a.b`` also
runs ``coalitions/a/__init__.py`` (unless the importer is itself inside ``coalitions.a``,
whose ``__init__`` has then already started); a name that is not a module
(``from . import __version__``) is an import of the package's ``__init__``.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "coalitions"

#: The modules of the drawing leaf, a package: they may import each other.
DRAWING = frozenset(
    {"coalitions.drawing"}
    | {f"coalitions.drawing.{m}" for m in ("colour", "geometry", "parties", "svg", "text")}
)

#: The rendering leaves and what they may import from the package.
_REPORT = {
    "coalitions.report.tables",
    "coalitions.report.chamber",
    "coalitions.report.views",
}
LEAVES = {
    **{
        name: {"coalitions.errors", "coalitions._frozen", "coalitions.escape", *_REPORT} - {name}
        for name in ("coalitions.report", *_REPORT)
    },
    **{
        m: {"coalitions.errors", "coalitions._frozen", "coalitions.escape"} | DRAWING
        for m in DRAWING
    },
    "coalitions.escape": set(),
}

#: Function-level imports that are there on purpose, with the reason.
ALLOWED_LOCAL_IMPORTS = {
    # The registration runs only once Hypothesis is imported (by its entry point, or by
    # coalitions/__init__ when Hypothesis came first): importing Hypothesis or the
    # model at module level would make every `import coalitions` import Hypothesis.
    ("coalitions/_hypothesis_hook.py", "register", "hypothesis"),
    ("coalitions/_hypothesis_hook.py", "register", "coalitions.model"),
}


# ------------------------------------------------------------------ reading imports


def modules(root: Path) -> dict[str, Path]:
    """Every module of the package at ``root``, by dotted name."""
    out = {}
    for path in sorted(root.rglob("*.py")):
        parts = list(path.relative_to(root.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        out[".".join(parts)] = path
    return out


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def module_level(body: list[ast.stmt]) -> Iterator[ast.Import | ast.ImportFrom]:
    """The import statements that run when a module with this body is imported."""
    for node in body:
        if isinstance(node, ast.Import | ast.ImportFrom):
            yield node
        elif isinstance(node, ast.If):
            if not _is_type_checking(node.test):
                yield from module_level(node.body)
            yield from module_level(node.orelse)
        elif isinstance(node, ast.Try | ast.TryStar):
            for block in (node.body, node.orelse, node.finalbody):
                yield from module_level(block)
            for handler in node.handlers:
                yield from module_level(handler.body)
        elif isinstance(node, ast.With | ast.ClassDef):
            yield from module_level(node.body)


def function_level(tree: ast.Module) -> Iterator[tuple[str, ast.Import | ast.ImportFrom]]:
    """``(function name, import)`` for every import inside a function."""
    for func in ast.walk(tree):
        if isinstance(func, ast.FunctionDef | ast.AsyncFunctionDef):
            for node in ast.walk(func):
                if isinstance(node, ast.Import | ast.ImportFrom):
                    yield func.name, node


def _base(node: ast.ImportFrom, name: str, is_package: bool) -> str:
    """The module a ``from`` import names, made absolute (``from ..x import y`` in
    ``coalitions.a.b``: ``coalitions.x``)."""
    if node.level == 0:
        return node.module or ""
    package = name.split(".") if is_package else name.split(".")[:-1]
    package = package[: len(package) - (node.level - 1)]
    return ".".join([*package, *([node.module] if node.module else [])])


def targets(
    node: ast.Import | ast.ImportFrom, name: str, is_package: bool, known: dict[str, Path]
) -> list[str]:
    """The dotted names an import statement in module ``name`` imports."""
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    base = _base(node, name, is_package)
    out = []
    for alias in node.names:
        sub = f"{base}.{alias.name}"
        out.append(sub if sub in known else base)
    return out


def graph(root: Path) -> dict[str, set[str]]:
    """Module -> the package's modules that importing it runs first."""
    known = modules(root)
    top = root.name
    edges: dict[str, set[str]] = {m: set() for m in known}
    for name, path in known.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        is_package = path.name == "__init__.py"
        ancestors = {".".join(name.split(".")[:i]) for i in range(1, name.count(".") + 1)}
        if is_package:
            ancestors.add(name)
        for node in module_level(tree.body):
            for target in targets(node, name, is_package, known):
                if target != top and not target.startswith(top + "."):
                    continue
                if target not in known:
                    raise AssertionError(f"{path}: imports {target}, which is not a module")
                edges[name].add(target)
                parts = target.split(".")
                for i in range(2, len(parts)):  # the packages on the way, below the top
                    parent = ".".join(parts[:i])
                    if parent not in ancestors:
                        edges[name].add(parent)
    return edges


def circles(edges: dict[str, set[str]]) -> list[list[str]]:
    """The import circles: one closed path through each strongly connected component
    (Tarjan's algorithm) that has more than one module or a module importing itself."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    components: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(edges[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1 or v in edges[v]:
                components.append(sorted(component))

    for v in sorted(edges):
        if v not in index:
            visit(v)
    return [_closed_path(edges, set(c)) for c in components]


def _closed_path(edges: dict[str, set[str]], component: set[str]) -> list[str]:
    """A path ``a -> b -> ... -> a`` inside a strongly connected component."""
    start = min(component)
    previous: dict[str, str] = {}
    frontier = [start]
    while frontier:  # breadth first, back to the start
        following = []
        for v in frontier:
            for w in sorted(edges[v] & component):
                if w == start:
                    path = [v]
                    while path[-1] != start:
                        path.append(previous[path[-1]])
                    return [start, *reversed(path[:-1]), start]
                if w not in previous:
                    previous[w] = v
                    following.append(w)
        frontier = following
    raise AssertionError(f"no closed path in {sorted(component)}")


def _file(name: str, known: dict[str, Path]) -> str:
    return str(known[name].relative_to(PACKAGE.parent))


# ------------------------------------------------------------------------ the package


def test_no_import_circle() -> None:
    known = modules(PACKAGE)
    found = circles(graph(PACKAGE))
    message = "\n".join(" -> ".join(_file(m, known) for m in path) for path in found)
    assert not found, f"import circles among the modules of coalitions/:\n{message}"


@pytest.mark.parametrize("leaf", sorted(LEAVES))
def test_rendering_leaves_import_nothing_above_them(leaf: str) -> None:
    known = modules(PACKAGE)
    path = known[leaf]
    tree = ast.parse(path.read_text(encoding="utf-8"))
    nodes = [*module_level(tree.body), *(node for _f, node in function_level(tree))]
    is_package = path.name == "__init__.py"
    imported = {t for node in nodes for t in targets(node, leaf, is_package, known)}
    ours = {t for t in imported if t == "coalitions" or t.startswith("coalitions.")}
    assert ours <= LEAVES[leaf], f"{_file(leaf, known)} imports {sorted(ours - LEAVES[leaf])}"


def test_no_function_level_imports() -> None:
    known = modules(PACKAGE)
    found = []
    for name, path in known.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for function, node in function_level(tree):
            if isinstance(node, ast.Import):
                bases = {alias.name for alias in node.names}
            else:
                bases = {_base(node, name, path.name == "__init__.py")}
            if any((_file(name, known), function, b) not in ALLOWED_LOCAL_IMPORTS for b in bases):
                found.append(
                    f"{_file(name, known)}:{node.lineno} in {function}(): {ast.unparse(node)}"
                )
    assert not found, "imports inside functions:\n" + "\n".join(found)


# ------------------------------------------------------------ the reader, on a toy


def _toy(tmp_path: Path, files: dict[str, str]) -> Path:
    root = tmp_path / "coalitions"
    for rel, text in {"__init__.py": "", **files}.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def test_the_reader_finds_a_circle_through_a_subpackage(tmp_path: Path) -> None:
    root = _toy(
        tmp_path,
        {
            "a.py": "from .sub.inner import x\n",
            "sub/__init__.py": "from ..b import y\n",
            "sub/inner.py": "from . import sibling\n",  # inside sub: no edge to sub
            "sub/sibling.py": "",
            "b.py": "import coalitions.a\n",
        },
    )
    edges = graph(root)
    assert edges["coalitions.a"] == {"coalitions.sub.inner", "coalitions.sub"}
    assert edges["coalitions.sub.inner"] == {"coalitions.sub.sibling"}
    assert circles(edges) == [
        ["coalitions.a", "coalitions.sub", "coalitions.b", "coalitions.a"],
    ]


def test_the_reader_ignores_type_checking_and_functions(tmp_path: Path) -> None:
    root = _toy(
        tmp_path,
        {
            "a.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from . import b\n",
            "b.py": "def f():\n    from . import a\n\nclass C:\n    from . import c\n",
            "c.py": "try:\n    from . import __version__\nexcept ImportError:\n    pass\n",
        },
    )
    edges = graph(root)
    assert edges == {
        "coalitions": set(),
        "coalitions.a": set(),
        "coalitions.b": {"coalitions.c"},
        "coalitions.c": {"coalitions"},
    }
    assert circles(edges) == []
    tree = ast.parse((root / "b.py").read_text(encoding="utf-8"))
    assert [f for f, _node in function_level(tree)] == ["f"]

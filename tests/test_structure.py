"""The shape of the package: no import cycles between modules, and the library API works."""

from __future__ import annotations

import ast
import json
import subprocess
import sys

from conftest import EXAMPLES, ROOT

PACKAGE = ROOT / "cluster_assess"


def _module_name(path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _module_level_imports(tree: ast.Module, name: str, is_package: bool) -> set[str]:
    """Imports executed when the module is imported: top level and `if`/`try` blocks, not those
    inside functions or under `if TYPE_CHECKING:`."""
    out: set[str] = set()
    package = name if is_package else name.rpartition(".")[0]

    def visit(body: list[ast.stmt]) -> None:
        for node in body:
            if isinstance(node, ast.Import):
                out.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    anchor = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                    base = f"{anchor}.{base}" if base else anchor
                out.add(base)
                out.update(f"{base}.{alias.name}" for alias in node.names)
            elif isinstance(node, ast.If):
                if not (isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING"):
                    visit(node.body)
                visit(node.orelse)
            elif isinstance(node, ast.Try):
                visit(node.body)
                for handler in node.handlers:
                    visit(handler.body)
                visit(node.orelse)
                visit(node.finalbody)

    visit(tree.body)
    return out


def import_graph() -> dict[str, set[str]]:
    """module → the package's modules it imports at module level."""
    files = {_module_name(p): p for p in PACKAGE.rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in files.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        targets = set()
        for imported in _module_level_imports(tree, name, path.name == "__init__.py"):
            if imported in files and imported != name:
                targets.add(imported)
        graph[name] = targets
    return graph


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}  # 1 = on the current path, 2 = done
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return [*path[path.index(nxt):], nxt]
            if nxt not in state and (cycle := visit(nxt)):
                return cycle
        path.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (cycle := visit(node)):
            return cycle
    return None


def test_the_graph_sees_real_imports():
    graph = import_graph()
    assert "cluster_assess.compare.model" in graph["cluster_assess.compare.comparison"]
    assert "cluster_assess.io.atomic" in graph["cluster_assess.io.output"]


def test_no_module_level_import_cycle():
    cycle = find_cycle(import_graph())
    assert cycle is None, " → ".join(cycle or [])


def test_the_cycle_finder_finds_cycles():
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set()}) is None


def test_io_does_not_import_cli_and_report_does_not_import_render():
    graph = import_graph()
    for module, targets in graph.items():
        if module.startswith("cluster_assess.io."):
            assert not [t for t in targets if t.startswith("cluster_assess.cli")], module
        if module.startswith("cluster_assess.report."):
            assert not [t for t in targets if t.startswith("cluster_assess.render")], module


def test_the_library_api():
    import cluster_assess
    import cluster_assess.compare.model  # binds the package `compare` on cluster_assess, over the function
    from cluster_assess import assess, compare, load_profile, load_rubric

    assert set(cluster_assess.__all__) >= {"load_profile", "load_rubric", "assess", "compare"}
    rubric = load_rubric()
    results = [assess(load_profile(EXAMPLES / f"{name}.yaml").profile, rubric)
               for name in ("shishi", "xiaoguanzhuang-glass")]
    assert results[0].stages["agglomeration"].stage == "cluster"
    table = compare(results, rubric)
    assert table.columns[0].name == "石狮市服装产业集群"


def test_importing_the_package_loads_none_of_it():
    code = ("import sys, json, cluster_assess\n"
            "print(json.dumps(sorted(m for m in sys.modules if m.startswith(('cluster_assess.', 'pydantic', 'yaml')))))")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True,
                         env={"PYTHONPATH": str(ROOT), "PATH": ""})
    assert json.loads(run.stdout) == []


def test_the_readme_names_every_module():
    """The README's 'How the code is organised' lists every module of the package."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## How the code is organised", 1)[1].split("\n## ", 1)[0]
    block = section.split("```", 2)[1]
    missing = [str(p.relative_to(PACKAGE)) for p in sorted(PACKAGE.rglob("*.py"))
               if p.name not in ("__init__.py", "__main__.py") and p.name not in block]
    folders = {p.parent.name for p in PACKAGE.rglob("*.py") if p.parent != PACKAGE}
    missing += [f"{f}/" for f in sorted(folders) if f"{f}/" not in block]
    assert not missing, missing

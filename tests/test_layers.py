"""What the import contracts in pyproject.toml (run by `lint-imports`) cannot see.

The contracts read `import` statements. They cannot tell a third-party package
from the standard library without naming it, nor see a module imported by a
name in a string.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PROJECT = ("db", "forms", "reports", "desktop")


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
    return found


def dynamic_imports(path: Path) -> list[int]:
    """Lines that import a module named at run time (importlib.import_module, __import__)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    return [
        node.lineno
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and (
            (isinstance(node.func, ast.Attribute) and node.func.attr == "import_module")
            or (isinstance(node.func, ast.Name) and node.func.id in ("__import__", "import_module"))
        )
    ]


def _sources(package: str) -> list[Path]:
    return sorted((ROOT / package).rglob("*.py"))


def test_the_rules_read_only_the_standard_library_and_the_program() -> None:
    # Which modules of the program they may read is the contracts' business.
    offenders = [
        f"{path.relative_to(ROOT)} imports {module}"
        for path in _sources("reports/rules")
        for module in imported_modules(path)
        if module.split(".")[0] not in (*sys.stdlib_module_names, *PROJECT)
    ]
    assert offenders == []


@pytest.mark.parametrize("package", ["db", "forms", "reports"])
def test_only_desktop_imports_a_module_by_a_name_in_a_string(package: str) -> None:
    # The command line finds its subcommands so; anywhere else it would hide an arrow.
    offenders = [
        f"{path.relative_to(ROOT)}:{line}"
        for path in _sources(package)
        for line in dynamic_imports(path)
    ]
    assert offenders == []


def test_the_checkers_see_what_they_look_for(tmp_path: Path) -> None:
    source = tmp_path / "bad.py"
    source.write_text(
        "import importlib\nfrom openpyxl import Workbook\n"
        'importlib.import_module("desktop.app")\nrun = __import__("desktop.app")\n'
    )
    assert imported_modules(source) == {"importlib", "openpyxl"}
    assert dynamic_imports(source) == [3, 4]

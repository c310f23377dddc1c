"""The layer rule of DESIGN.md: desktop -> reports -> forms -> db, Qt only in desktop."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LAYERS = ("db", "forms", "reports", "desktop")  # each may import only those before it
QT_MODULES = ("PySide6", "shiboken6", "pytestqt")


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
    return found


def _sources(layer: str) -> list[Path]:
    return sorted((ROOT / layer).rglob("*.py"))


@pytest.mark.parametrize("layer", LAYERS)
def test_layer_imports_only_lower_layers(layer: str) -> None:
    forbidden = LAYERS[LAYERS.index(layer) + 1 :]
    offenders = [
        f"{path.relative_to(ROOT)} imports {module}"
        for path in _sources(layer)
        for module in imported_modules(path)
        if module.split(".")[0] in forbidden
    ]
    assert offenders == []


@pytest.mark.parametrize("layer", LAYERS[:-1])
def test_only_desktop_uses_qt(layer: str) -> None:
    offenders = [
        f"{path.relative_to(ROOT)} imports {module}"
        for path in _sources(layer)
        for module in imported_modules(path)
        if module.split(".")[0] in QT_MODULES
    ]
    assert offenders == []


def test_the_checker_sees_a_forbidden_import(tmp_path: Path) -> None:
    source = tmp_path / "bad.py"
    source.write_text("from desktop.app import run_gui\nimport PySide6.QtWidgets\n")
    assert imported_modules(source) == {"desktop.app", "PySide6.QtWidgets"}


# reports/ in pipeline order: each subpackage may import only those before it.
PIPELINE = ("rules", "datasets", "tables", "render", "outputs")
# The shared vocabulary, the only part of the program the rules may read.
VOCABULARY = ("db.codes", "db.dates")


@pytest.mark.parametrize("stage", PIPELINE)
def test_reports_subpackages_import_only_the_stages_before_them(stage: str) -> None:
    later = tuple(f"reports.{s}" for s in PIPELINE[PIPELINE.index(stage) + 1 :])
    offenders = [
        f"{path.relative_to(ROOT)} imports {module}"
        for path in _sources(f"reports/{stage}")
        for module in imported_modules(path)
        if module.startswith(later)
    ]
    assert offenders == []


def test_the_rules_read_only_the_standard_library_and_the_shared_vocabulary() -> None:
    offenders = [
        f"{path.relative_to(ROOT)} imports {module}"
        for path in _sources("reports/rules")
        for module in imported_modules(path)
        if module.split(".")[0] not in sys.stdlib_module_names
        and not module.startswith(("reports.rules", *VOCABULARY))
    ]
    assert offenders == []


def test_every_reports_module_sits_in_a_stage() -> None:
    loose = [p.name for p in (ROOT / "reports").glob("*.py") if p.name != "__init__.py"]
    assert loose == []

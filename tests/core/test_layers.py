"""`lint-imports` (make lint) holds the layers: a planted upward import breaks it, also inside
a function, and the real tree passes."""

import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
PACKAGES = PYPROJECT["tool"]["importlinter"]["root_packages"]
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


@pytest.fixture
def tree(tmp_path) -> Path:
    """A copy of the app packages and pyproject.toml, to plant imports in."""
    for package in PACKAGES:
        shutil.copytree(
            ROOT / package,
            tmp_path / package,
            ignore=shutil.ignore_patterns("__pycache__", "locale", "static", "templates", "fonts"),
        )
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    return tmp_path


def _lint(tree: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache", "--no-logo"],
        cwd=tree,
        capture_output=True,
        text=True,
        timeout=300,
    )


def _plant(path: Path, code: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + "\n\n" + code, encoding="utf-8")


def test_the_tree_as_it_is_keeps_every_contract(tree):
    result = _lint(tree)
    assert result.returncode == 0, result.stdout
    assert "Apps depend downwards only KEPT" in result.stdout
    assert "No app imports the project package KEPT" in result.stdout


def test_an_upward_import_inside_a_function_breaks_the_layers(tree):
    _plant(tree / "core" / "jobs.py", "def _planted():\n    from reports import models\n")
    result = _lint(tree)
    assert result.returncode != 0
    assert "Apps depend downwards only BROKEN" in result.stdout
    assert "core.jobs -> reports.models" in result.stdout
    assert "No app imports the project package KEPT" in result.stdout


def test_a_module_level_upward_import_breaks_the_layers(tree):
    _plant(tree / "courses" / "selectors.py", "from quizzes.models import Quiz  # noqa\n")
    result = _lint(tree)
    assert result.returncode != 0
    assert "Apps depend downwards only BROKEN" in result.stdout
    assert "courses.selectors -> quizzes.models" in result.stdout


def test_an_app_importing_the_project_package_breaks_the_contract(tree):
    _plant(tree / "organisation" / "models.py", "def _planted():\n    import elearning.urls\n")
    result = _lint(tree)
    assert result.returncode != 0
    assert "No app imports the project package BROKEN" in result.stdout
    assert "organisation.models -> elearning.urls" in result.stdout

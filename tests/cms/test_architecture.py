"""The architecture README describes, checked by the tools `make lint` runs, so `make test`
(and CI) fails on a new upward import, or an untyped service, as well."""

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent


def test_the_import_layers_hold():
    """import-linter with the contracts of pyproject.toml: apps depend one way, and the
    project-level modules every app uses import no app."""
    result = subprocess.run([str(BIN / "lint-imports"), "--no-cache"], cwd=ROOT,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert "0 broken" in result.stdout


def test_an_upward_import_would_be_caught(tmp_path):
    """The contract is not vacuous: the same check over a copy of `courses` that imports
    `certificates` fails."""
    import shutil

    for package in ("cms", "accounts", "courses", "lessons", "quizzes", "organisations",
                    "attendance", "certificates", "reports"):
        shutil.copytree(ROOT / package, tmp_path / package,
                        ignore=shutil.ignore_patterns("locale", "static", "templates",
                                                      "migrations", "__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    (tmp_path / "courses" / "upward.py").write_text("import certificates.models  # noqa\n")
    result = subprocess.run([str(BIN / "lint-imports"), "--no-cache"], cwd=tmp_path,
                            capture_output=True, text=True, timeout=300,
                            env={"PYTHONPATH": str(tmp_path), "PATH": str(BIN)})
    assert result.returncode != 0
    assert "courses is not allowed to import certificates" in result.stdout


APPS = ("cms", "accounts", "courses", "lessons", "quizzes", "organisations", "attendance",
        "certificates", "reports")


def test_services_and_selectors_type_check_strictly():
    """mypy --strict with django-stubs (pyproject.toml's [tool.mypy]) over every services
    and selectors module of the apps finds nothing, and really reads all of them. About 10 s
    from a clean cache (CI), 3 s with `.mypy_cache`."""
    modules = {path for app in APPS for pattern in ("services.py", "services/**/*.py",
                                                    "selectors.py", "selectors/**/*.py")
               for path in (ROOT / app).glob(pattern)}
    result = subprocess.run([str(BIN / "mypy")], cwd=ROOT, capture_output=True, text=True,
                            timeout=300)
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]
    checked = re.search(r"Success: no issues found in (\d+) source files", result.stdout)
    assert checked, result.stdout[-2000:]
    assert int(checked.group(1)) == len(modules) > 40

"""The wheel is the whole application: built with `python -m build`, installed into a fresh
virtualenv outside the checkout, it migrates, loads the demo and serves the home page and
its stylesheet — so no app, template, static file or catalogue is left behind, and nothing
it imports is undeclared."""

import os
import shutil
import subprocess
import sys
import sysconfig
import time
import urllib.request
from pathlib import Path

import pytest

from tests.faults.services import free_port

pytestmark = pytest.mark.packaging
ROOT = Path(__file__).resolve().parents[2]


def run(*args, **kwargs) -> subprocess.CompletedProcess:
    result = subprocess.run(args, capture_output=True, text=True, timeout=600, **kwargs)
    assert result.returncode == 0, (args, result.stdout[-3000:], result.stderr[-3000:])
    return result


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> tuple[Path, dict]:
    work = tmp_path_factory.mktemp("wheel")
    # Built from a copy, so the build's own folders never appear in the checkout while
    # other tests read it.
    source = work / "source"
    shutil.copytree(ROOT, source, ignore=shutil.ignore_patterns(
        ".git", ".venv", "var", "media", "build", "dist", "*.egg-info", "__pycache__",
        ".pytest_cache", ".ruff_cache", "test-artifacts", "static_root"))
    run(sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir",
        str(work / "dist"), str(source), cwd=source)
    wheel = next((work / "dist").glob("kopa-*.whl"))
    venv = work / "venv"
    run(sys.executable, "-m", "venv", "--without-pip", str(venv))
    site = Path(run(str(venv / "bin" / "python"), "-c",
                    "import sysconfig; print(sysconfig.get_paths()['purelib'])").stdout.strip())
    # The third-party dependencies come from this test's own environment (no download);
    # Kopā itself only from the wheel: the checkout's editable install is not seen there.
    (site / "dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    run(sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target",
        str(site), str(wheel))
    env = {key: value for key, value in os.environ.items()
           if not key.startswith(("DATABASE_URL", "REDIS_URL", "CELERY_", "DJANGO_",
                                  "PYTHON"))}
    env.update(DJANGO_SETTINGS_MODULE="cms.settings.dev", KOPA_VAR_DIR=str(work / "var"),
               MEDIA_ROOT=str(work / "media"))
    return venv / "bin" / "python", {**env, "HOME": str(work)}


def test_the_installed_wheel_is_used_not_the_checkout(installed):
    python, env = installed
    where = run(str(python), "-c", "import cms, reports; print(cms.__file__, reports.__file__)",
                cwd=python.parent, env=env).stdout
    assert str(ROOT) not in where and "site-packages" in where


def test_the_installed_wheel_migrates_loads_the_demo_and_serves_the_home_page(installed):
    python, env = installed
    cwd = python.parent.parent.parent  # outside the checkout
    run(str(python), "-m", "django", "migrate", "--noinput", cwd=cwd, env=env)
    run(str(python), "-m", "django", "compile_translations", cwd=cwd, env=env)
    run(str(python), "-m", "django", "seed_demo", cwd=cwd, env=env)
    port = free_port()
    server = subprocess.Popen(
        [str(python), "-m", "django", "runserver", f"127.0.0.1:{port}", "--noreload"],
        cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        home = stylesheet = None
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and home is None:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as page:
                    home = (page.status, page.read().decode())
            except OSError:
                time.sleep(0.3)
        assert home is not None, server.stdout and server.stdout.read1().decode()
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/static/cms/kopa.css",
                                    timeout=5) as css:
            stylesheet = css.status
    finally:
        server.terminate()
        server.wait(timeout=10)
    assert home[0] == 200 and '<html lang="lv"' in home[1] and "Kopā" in home[1]
    assert "Ieiet" in home[1]  # the Latvian catalogue came with the wheel
    assert stylesheet == 200

"""A wheel built from a clean copy of the checkout carries resources/ and gives a working `coplanner`."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest
from packaging_helpers import ROOT, assert_fonts_embedded, clean_env

import planner

pytestmark = pytest.mark.slow

BIN = "Scripts" if sys.platform == "win32" else "bin"
EXE = ".exe" if sys.platform == "win32" else ""


def _clean_copy(target: Path) -> Path:
    """Copy the files git knows of (committed or not, minus ignored ones) — a fresh checkout."""
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
                            cwd=ROOT, capture_output=True, check=True).stdout.decode().split("\0")
    for name in filter(None, listed):
        source = ROOT / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            (target / name).write_bytes(source.read_bytes())
    return target


@pytest.fixture(scope="session")
def checkout_copy(tmp_path_factory) -> Path:
    """A clean copy of this checkout, with no build/, dist/ or .venv left over."""
    return _clean_copy(tmp_path_factory.mktemp("checkout"))


@pytest.fixture(scope="session")
def wheel(checkout_copy, tmp_path_factory) -> Path:
    """The wheel `pip wheel --no-deps .` builds from the clean copy."""
    out = tmp_path_factory.mktemp("wheelhouse")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", ".", "-w", str(out)],
                   cwd=checkout_copy, check=True, timeout=900)
    (built,) = out.glob("coproduction_planner-*.whl")
    return built


@pytest.fixture(scope="session")
def installed(wheel, tmp_path_factory):
    """A fresh virtual environment with the wheel installed (dependencies from the package index), removed afterwards."""
    venv = tmp_path_factory.mktemp("venv") / "env"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=300)
    python = venv / BIN / f"python{EXE}"
    subprocess.run([str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
                    str(wheel)], check=True, timeout=1800, env={**os.environ, "PYTHONPATH": ""})
    yield venv
    shutil.rmtree(venv, ignore_errors=True)  # Qt alone is 250 MB; pytest would keep three runs' worth


def test_the_wheel_carries_every_resource(wheel):
    """Every file under resources/ is in the wheel as planner/_resources/…."""
    names = set(zipfile.ZipFile(wheel).namelist())
    expected = {f"planner/_resources/{p.relative_to(ROOT / 'resources').as_posix()}"
                for p in (ROOT / "resources").rglob("*") if p.is_file()}
    assert expected, "resources/ is empty"
    assert expected <= names, sorted(expected - names)[:10]
    assert "planner/launcher.py" in names


def test_the_sdist_carries_resources(checkout_copy, tmp_path):
    """The source distribution holds resources/, so a wheel built from it still has the guidance and fonts."""
    subprocess.run([sys.executable, "-c", f"from setuptools import build_meta; build_meta.build_sdist({str(tmp_path)!r})"],
                   cwd=checkout_copy, check=True, capture_output=True, timeout=300)
    (sdist,) = tmp_path.glob("*.tar.gz")
    with tarfile.open(sdist) as archive:
        names = archive.getnames()
    assert any(name.endswith("/resources/fonts/DejaVuSans.ttf") for name in names)


def test_the_installed_app_finds_its_resources_in_the_package(installed, run_home):
    """Installed from the wheel, the loader finds planner/_resources inside site-packages."""
    python = installed / BIN / f"python{EXE}"
    result = subprocess.run([str(python), "-c", "from planner.resources import resources_root; print(resources_root())"],
                            cwd=run_home, env=clean_env(run_home), capture_output=True, text=True,
                            check=True, timeout=120)
    where = Path(result.stdout.strip())
    assert where.name == "_resources" and "site-packages" in where.parts, where


def test_the_installed_coplanner_makes_and_exports_a_plan(installed, run_home):
    """The installed `coplanner` prints its version, makes an example and exports it to a PDF with embedded fonts."""
    coplanner = str(installed / BIN / f"coplanner{EXE}")

    def run(*args):
        result = subprocess.run([coplanner, *args], cwd=run_home, env=clean_env(run_home),
                                capture_output=True, text=True, encoding="utf-8", timeout=300, check=False)
        assert result.returncode == 0, result.stderr
        return result.stdout

    assert run("--version").strip() == f"coplanner {planner.__version__}"
    run("example", "tackley", "-o", "x.coplan")
    run("export", "x.coplan", "-o", "x.pdf")
    assert "Tackley" in assert_fonts_embedded(run_home / "x.pdf")

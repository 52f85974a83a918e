"""The one-folder PyInstaller bundle builds, stays small, and runs on its own: CLI, PDF and app."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
from packaging_helpers import ROOT, assert_fonts_embedded, clean_env

import planner

pytestmark = pytest.mark.slow

SPEC = ROOT / "installer" / "coplanner.spec"
SIZE_BUDGET_MB = 150
APP_START_TIMEOUT = 60


@dataclass
class Bundle:
    folder: Path
    exe: Path
    build_seconds: float


def _folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


@pytest.fixture(scope="session")
def bundle(tmp_path_factory):
    """The bundle, built once per test session into a temp folder (removed afterwards) from this checkout's spec."""
    if not os.environ.get("CI"):
        pytest.importorskip("PyInstaller", reason="install the dist extra: pip install -e '.[dist]'")
    work = tmp_path_factory.mktemp("pyinstaller")
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
         "--distpath", str(work / "dist"), "--workpath", str(work / "build"), str(SPEC)],
        cwd=ROOT, capture_output=True, text=True, timeout=1800, check=False)
    assert result.returncode == 0, result.stderr[-4000:]
    folder = work / "dist" / "coplanner"
    exe = folder / ("coplanner.exe" if sys.platform == "win32" else "coplanner")
    assert exe.is_file()
    yield Bundle(folder, exe, time.monotonic() - started)
    shutil.rmtree(work, ignore_errors=True)  # 130 MB; pytest would keep three runs' worth


def run(bundle: Bundle, home: Path, *args: str, timeout: float = 120) -> subprocess.CompletedProcess:
    """Run the bundled coplanner from a temp folder with a clean environment."""
    return subprocess.run([str(bundle.exe), *args], cwd=home, env=clean_env(home),
                          capture_output=True, text=True, encoding="utf-8", timeout=timeout, check=False)


def test_the_bundle_is_within_its_size_budget(bundle):
    """The one-folder build stays under 150 MB (the Linux budget)."""
    size_mb = _folder_size(bundle.folder) / 1e6
    print(f"bundle: {size_mb:.0f} MB, built in {bundle.build_seconds:.0f} s")
    if sys.platform.startswith("linux"):
        assert size_mb < SIZE_BUDGET_MB


def test_the_bundle_carries_only_the_qt_the_app_uses(bundle):
    """No Qt Quick, QML, network, PDF or OpenGL libraries, and only the needed platform plugins."""
    names = [p.name for p in bundle.folder.rglob("*") if p.is_file()]
    for unwanted in ("Qt6Qml", "Qt6Quick", "Qt6Network", "Qt6Pdf", "Qt6OpenGL", "Qt6VirtualKeyboard",
                     "QtNetwork.", "QtQml.", "opengl32sw", "libgtk-3", "_tkinter"):
        assert not [n for n in names if unwanted in n], unwanted
    platforms = bundle.folder.rglob("plugins/platforms/*")
    stems = {p.name.split(".")[0].removeprefix("lib") for p in platforms}
    expected = {"win32": {"qwindows", "qoffscreen", "qminimal"},
                "darwin": {"qcocoa", "qoffscreen", "qminimal"}}.get(sys.platform,
                                                                     {"qxcb", "qoffscreen", "qminimal"})
    assert stems == expected


def test_the_bundle_carries_the_resources(bundle):
    """guidance, examples, fonts and icons sit in the bundle's resources/ folder."""
    (resources,) = [p for p in bundle.folder.rglob("resources") if (p / "guidance").is_dir()]
    for folder in ("guidance", "examples", "fonts", "icons"):
        assert any((resources / folder).iterdir()), folder
    assert (resources / "fonts" / "DejaVuSans.ttf").is_file()


def test_the_bundle_reports_its_version(bundle, run_home):
    """`coplanner --version` from the bundle prints the package version."""
    result = run(bundle, run_home, "--version")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"coplanner {planner.__version__}"


def test_the_bundle_makes_an_example_and_exports_a_pdf_with_embedded_fonts(bundle, run_home):
    """An example plan made by the bundle exports to a PDF whose fonts are all embedded and whose text reads."""
    made = run(bundle, run_home, "example", "tackley", "-o", "x.coplan")
    assert made.returncode == 0, made.stderr
    exported = run(bundle, run_home, "export", "x.coplan", "-o", "x.pdf")
    assert exported.returncode == 0, exported.stderr
    text = assert_fonts_embedded(run_home / "x.pdf")
    assert "Tackley" in text
    guidance = run(bundle, run_home, "guidance")
    assert guidance.returncode == 0, guidance.stderr
    assert "Table 1" in guidance.stdout


def test_the_bundle_writes_the_word_document_and_the_easy_read_summary(bundle, run_home):
    """The other outputs work from the bundle too (python-docx reads its templates from disk)."""
    assert run(bundle, run_home, "example", "tackley", "-o", "x.coplan").returncode == 0
    for name, extra in (("x.docx", ()), ("easy.pdf", ("--easy-read",))):
        exported = run(bundle, run_home, "export", "x.coplan", "-o", name, *extra)
        assert exported.returncode == 0, exported.stderr
        assert (run_home / name).stat().st_size > 10_000


def test_the_bundle_leaves_out_the_portfolio_server(bundle, run_home):
    """Serving a portfolio is for a server: the desktop bundle has no web stack and says so."""
    names = {p.name for p in bundle.folder.rglob("*")}
    assert not {"datasette", "uvicorn", "libssl.so.3"} & names
    served = run(bundle, run_home, "portfolio", "serve", "missing.db")
    assert served.returncode == 2 and "Traceback" not in served.stderr


def test_the_bundled_app_starts_offscreen_opens_a_plan_and_quits(bundle, run_home):
    """The bundled app opens a plan offscreen without a traceback, quits by itself, and gives back the lock."""
    assert run(bundle, run_home, "example", "tackley", "-o", "x.coplan").returncode == 0
    lock = run_home / "x.coplan.lock"
    # COPLANNER_QUIT_AFTER_MS makes the app close its window once its event loop has run.
    env = clean_env(run_home, COPLANNER_QUIT_AFTER_MS="2000")
    started = time.monotonic()
    app = subprocess.run([str(bundle.exe), "x.coplan"], cwd=run_home, env=env, capture_output=True,
                         text=True, encoding="utf-8", timeout=APP_START_TIMEOUT + 30)
    print(f"bundled app opened a plan and quit in {time.monotonic() - started:.1f} s")
    assert "Traceback" not in app.stderr, app.stderr
    assert "could not be loaded" not in app.stderr, app.stderr  # no missing Qt plugin, no missing guidance
    assert app.returncode == 0, app.stderr
    assert not lock.exists(), "a clean quit gives back the plan's lock"
    # The plan really was opened: the app put it at the top of its recent plans.
    settings = [p.read_text(encoding="utf-8") for p in (run_home / ".config").rglob("*.conf")]
    assert any("x.coplan" in text for text in settings), settings


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the tarball is the Linux package")
def test_the_linux_tarball_installs_for_the_user_and_uninstalls_leaving_plans(bundle, tmp_path):
    """The tarball's install.sh gives the user a working coplanner, menu entry, MIME type and icons; uninstall.sh removes them and no plan."""
    packed = subprocess.run([str(ROOT / "installer" / "linux" / "pack.sh"), str(bundle.folder),
                             planner.__version__, str(tmp_path / "out")],
                            capture_output=True, text=True, check=True, timeout=300)
    tarball = Path(packed.stdout.strip().splitlines()[-1])
    assert tarball.name == f"coplanner-{planner.__version__}-linux-{os.uname().machine}.tar.gz"
    subprocess.run(["tar", "-xzf", str(tarball), "-C", str(tmp_path)], check=True, timeout=300)
    unpacked = tmp_path / f"coplanner-{planner.__version__}"
    home = tmp_path / "home"
    home.mkdir()
    env = clean_env(home)
    subprocess.run(["sh", str(unpacked / "install.sh")], env=env, cwd=home, check=True,
                   capture_output=True, timeout=300)

    data = home / ".local" / "share"
    version = subprocess.run([str(home / ".local" / "bin" / "coplanner"), "--version"], env=env,
                             cwd=home, capture_output=True, text=True, check=True, timeout=60)
    assert version.stdout.strip() == f"coplanner {planner.__version__}"
    entry = (data / "applications" / "coplanner.desktop").read_text(encoding="utf-8")
    assert f'Exec="{home}/.local/opt/coplanner/coplanner" %f' in entry
    assert (data / "mime" / "packages" / "coplanner.xml").is_file()
    for icon in ("256x256/apps/coplanner.png", "16x16/mimetypes/application-x-coplan.png",
                 "scalable/apps/coplanner.svg"):
        assert (data / "icons" / "hicolor" / icon).is_file(), icon

    plan = home / "plan.coplan"
    plan.write_bytes(b"a plan the uninstaller must leave alone")
    subprocess.run(["sh", str(unpacked / "uninstall.sh")], env=env, cwd=home, check=True,
                   capture_output=True, timeout=300)
    assert not (home / ".local" / "opt" / "coplanner").exists()
    assert not (home / ".local" / "bin" / "coplanner").exists()
    assert not (data / "applications" / "coplanner.desktop").exists()
    assert not list((data / "icons").rglob("coplanner.*"))
    assert plan.read_bytes() == b"a plan the uninstaller must leave alone"

"""The Linux menu entry, the .coplan MIME type and the Windows installer script agree with the app."""

from __future__ import annotations

import ast
import configparser
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import planner

ROOT = Path(__file__).resolve().parents[2]
INSTALLER = ROOT / "installer"
MIME_NS = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}


def _desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # keys are case-sensitive
    parser.read(INSTALLER / "linux" / "coplanner.desktop", encoding="utf-8")
    return parser["Desktop Entry"]


def test_the_menu_entry_opens_plans_with_coplanner():
    """The .desktop entry runs `coplanner %f` for the .coplan type, with the app's icon."""
    entry = _desktop_entry()
    assert entry["Type"] == "Application"
    assert entry["Exec"] == "coplanner %f"
    assert entry["MimeType"] == "application/x-coplan;"
    assert entry["Icon"] == "coplanner"
    assert entry["Terminal"] == "false"


def test_the_mime_type_matches_a_real_plan_file(plan_file):
    """The MIME entry's glob matches *.coplan and its magic matches the header of a plan the app wrote."""
    root = ET.parse(INSTALLER / "linux" / "coplanner-mime.xml").getroot()
    mime = root.find("m:mime-type", MIME_NS)
    assert mime.get("type") == "application/x-coplan"
    assert mime.find("m:glob", MIME_NS).get("pattern") == "*.coplan"
    header = plan_file.read_bytes()[:100]
    outer = mime.find("m:magic/m:match", MIME_NS)
    checks = [outer, outer.find("m:match", MIME_NS)]
    for match in checks:
        assert match.get("type") == "string"
        offset = int(match.get("offset"))
        value = match.get("value").replace("\\000", "\0").encode("latin-1")
        assert header[offset:offset + len(value)] == value


def test_the_windows_installer_names_the_current_version_and_existing_files():
    """The Inno Setup script's version matches the package and every file it names exists."""
    script = (INSTALLER / "windows" / "coplanner.iss").read_text(encoding="utf-8")
    version = re.search(r'#define AppVersion "([^"]+)"', script).group(1)
    assert version == planner.__version__
    assert "PrivilegesRequired=lowest" in script
    assert "ChangesAssociations=yes" in script
    for name in re.findall(r'\\resources\\icons\\([\w.-]+)', script):
        assert (ROOT / "resources" / "icons" / name).is_file(), name


def _spec_list(name: str) -> list[str]:
    """A list the PyInstaller spec assigns at top level, read without running the spec."""
    tree = ast.parse((INSTALLER / "coplanner.spec").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(getattr(t, "id", None) == name for t in node.targets):
            return ast.literal_eval(node.value)
    raise AssertionError(f"the spec assigns no {name}")


def test_the_bundle_keeps_every_qt_module_the_app_imports():
    """No PySide6 module that planner/ imports is excluded from the bundle, nor its Qt library dropped."""
    excluded = set(_spec_list("EXCLUDES"))
    dropped_libs = _spec_list("DROP_QT_LIBS")
    imported = set()
    for source in (ROOT / "planner").rglob("*.py"):
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("PySide6."):
                imported.add(node.module)
            elif isinstance(node, ast.Import):
                imported.update(a.name for a in node.names if a.name.startswith("PySide6."))
    assert imported, "the scan found no Qt imports at all"
    assert not imported & excluded, sorted(imported & excluded)
    for module in imported:
        library = "Qt6" + module.removeprefix("PySide6.Qt")
        assert library not in dropped_libs, module

"""The Linux menu entry, the .coplan MIME type and the Windows installer script agree with the app."""

from __future__ import annotations

import ast
import configparser
import re
import types
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


def _spec_filters(platform: str) -> dict:
    """The spec's plugin and library filters as they would be defined on ``platform``."""
    tree = ast.parse((INSTALLER / "coplanner.spec").read_text(encoding="utf-8"))
    wanted = {"KEEP_PLUGINS", "DROP_QT_LIBS", "PLATFORMS", "_plugin_kept", "_library_kept"}

    def defines(node) -> bool:
        if isinstance(node, ast.FunctionDef):
            return node.name in wanted
        if isinstance(node, ast.Assign):
            return any(getattr(t, "id", None) in wanted for t in node.targets)
        return isinstance(node, ast.If) and any(defines(n) for n in node.body)

    module = ast.Module(body=[n for n in tree.body if defines(n)], type_ignores=[])
    namespace = {"sys": types.SimpleNamespace(platform=platform), "Path": Path}
    exec(compile(module, "coplanner.spec", "exec"), namespace)  # noqa: S102 - our own spec
    return namespace


def test_the_spec_keeps_the_windows_plugins_the_app_needs_and_drops_the_rest():
    """On Windows: the windows platform plugin, the native styles and SVG stay; Quick, TLS, jpeg, translations go."""
    spec = _spec_filters("win32")
    kept, library = spec["_plugin_kept"], spec["_library_kept"]
    assert kept(r"PySide6\plugins\platforms\qwindows.dll")
    assert kept(r"PySide6\plugins\styles\qmodernwindowsstyle.dll")
    assert kept(r"PySide6\plugins\iconengines\qsvgicon.dll")
    assert not kept(r"PySide6\plugins\platforms\qdirect2d.dll")
    assert not kept(r"PySide6\plugins\imageformats\qjpeg.dll")
    assert not kept(r"PySide6\plugins\tls\qschannelbackend.dll")
    assert not kept(r"PySide6\translations\qtbase_de.qm")
    assert library(r"PySide6\Qt6Widgets.dll") and library(r"PySide6\Qt6Svg.dll")
    assert not library(r"PySide6\Qt6Quick.dll") and not library(r"PySide6\opengl32sw.dll")


def test_the_spec_keeps_the_linux_plugins_the_app_needs_and_drops_the_rest():
    """On Linux: xcb, offscreen, minimal and the compose input method stay; Wayland, GTK theme and Qml go."""
    spec = _spec_filters("linux")
    kept, library = spec["_plugin_kept"], spec["_library_kept"]
    for plugin in ("platforms/libqxcb.so", "platforms/libqoffscreen.so", "platforms/libqminimal.so",
                   "platforminputcontexts/libcomposeplatforminputcontextplugin.so"):
        assert kept(f"PySide6/Qt/plugins/{plugin}"), plugin
    for plugin in ("platforms/libqwayland.so", "platformthemes/libqgtk3.so",
                   "platforminputcontexts/libqtvirtualkeyboardplugin.so", "sqldrivers/libqsqlite.so"):
        assert not kept(f"PySide6/Qt/plugins/{plugin}"), plugin
    assert kept("resources/icons/coplanner-16.png")
    assert library("PySide6/Qt/lib/libQt6Gui.so.6")
    assert not library("PySide6/Qt/lib/libQt6Qml.so.6")

"""The one resource loader: every resource the code names exists, and the three places are tried in order."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

from planner import resources
from planner.resources import resource_path, resources_root

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "planner"
LOADER_NAMES = {"resource_path", "resources_root"}


def _called_name(node: ast.AST) -> str | None:
    if isinstance(node, ast.Call):
        func = node.func
        if isinstance(func, ast.Name):
            return func.id
        if isinstance(func, ast.Attribute):
            return func.attr
    return None


def _part(node: ast.AST) -> str | None:
    """A path part as a glob pattern: literal text kept, each ``{…}`` of an f-string as ``*``."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(v.value if isinstance(v, ast.Constant) else "*" for v in node.values)
    return None


def _named_resource(node: ast.AST) -> tuple[list[str], bool] | None:
    """The parts of a resource path written in code, and whether all of them are known.

    Understands ``resource_path("a", "b")``, ``resources_root() / "a" / "b"`` and either
    followed by ``.glob("pattern")``.
    """
    if _called_name(node) == "resource_path":
        parts = []
        for arg in node.args:
            part = _part(arg)
            if part is None:
                return parts, False
            parts.append(part)
        return parts, True
    if _called_name(node) == "resources_root":
        return [], True
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Div):
        left = _named_resource(node.left)
        if left is None:
            return None
        parts, known = left
        part = _part(node.right)
        if not known or part is None:
            return parts, False
        return [*parts, part], True
    if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
            and node.func.attr in ("glob", "joinpath") and node.args):
        base = _named_resource(node.func.value)
        if base is None:
            return None
        parts, known = base
        pattern = _part(node.args[0])
        if not known or pattern is None:
            return parts, False
        return [*parts, pattern], True
    return None


def named_resources() -> list[tuple[str, int, list[str], bool]]:
    """Every resource path the app's code names: (file, line, parts, fully known)."""
    found = []
    for source in sorted(PACKAGE.rglob("*.py")):
        if source.name == "resources.py" and source.parent == PACKAGE:
            continue  # the loader itself
        tree = ast.parse(source.read_text(encoding="utf-8"), filename=str(source))
        inner = set()
        for node in ast.walk(tree):
            if id(node) in inner:
                continue
            named = _named_resource(node)
            if named is None:
                continue
            # Only the outermost expression counts: resources_root() / "icons" inside a .glob().
            for child in ast.walk(node):
                if child is not node:
                    inner.add(id(child))
            parts, known = named
            if not parts and not known:
                continue
            found.append((str(source.relative_to(ROOT)), node.lineno, parts, known))
    return found


def test_the_code_names_its_resources():
    """The scan finds the fonts, the guidance library and the examples the code loads."""
    tops = {parts[0] for _, _, parts, _ in named_resources() if parts}
    assert {"fonts", "guidance", "examples"} <= tops


def test_the_scan_reads_every_way_of_naming_a_resource():
    """Literal parts, f-string parts, a ``/`` chain and a glob are read; a variable part is marked unknown."""
    def parts_of(code: str):
        return _named_resource(ast.parse(code, mode="eval").body)

    assert parts_of('resource_path("fonts", "a.ttf")') == (["fonts", "a.ttf"], True)
    assert parts_of('resource_path("examples", f"{name}.json")') == (["examples", "*.json"], True)
    assert parts_of('resources_root() / "icons" / "x.svg"') == (["icons", "x.svg"], True)
    assert parts_of('(resources_root() / "icons").glob("a-*.png")') == (["icons", "a-*.png"], True)
    assert parts_of('resource_path("fonts", filename)') == (["fonts"], False)
    assert parts_of('other("fonts")') is None


@pytest.mark.parametrize("where, line, parts, known", [
    pytest.param(*found, id=f"{found[0]}:{found[1]}") for found in named_resources()])
def test_every_named_resource_exists(where, line, parts, known):
    """Each resource path in the code points at something under resources/ (a glob matches a file)."""
    root = ROOT / "resources"
    target = root.joinpath(*parts)
    if any(ch in part for part in parts for ch in "*?["):
        matches = list(root.glob("/".join(parts)))
        assert matches, f"{where}:{line}: nothing under resources/ matches {'/'.join(parts)}"
    elif known:
        assert target.exists(), f"{where}:{line}: resources/{'/'.join(parts)} is missing"
    else:
        assert target.is_dir() and any(target.iterdir()), \
            f"{where}:{line}: resources/{'/'.join(parts)} should be a folder with files in it"


def test_every_font_and_example_exists():
    """The font files the PDF registers and every worked example are in resources/."""
    from planner.export.fonts import font_files
    from planner.guidance import example_names

    for name in font_files():
        assert resource_path("fonts", name).is_file(), name
    assert (resources_root() / "fonts" / "LICENSE-DejaVu.txt").is_file()
    for name in example_names():
        assert resource_path("examples", f"{name}.json").is_file(), name


def test_the_installer_icons_exist():
    """The app and plan-file icons the installers and the window use are all rendered."""
    icons = ROOT / "resources" / "icons"
    for stem in ("coplanner", "coplanner-document"):
        assert (icons / f"{stem}.svg").is_file()
        assert (icons / f"{stem}.ico").is_file()
        for size in (16, 24, 32, 48, 64, 128, 256):
            assert (icons / f"{stem}-{size}.png").is_file(), f"{stem}-{size}.png"


def _layout(tmp_path: Path, *, bundle: bool, wheel: bool, checkout: bool) -> tuple[Path, Path, Path]:
    """Make the three possible homes of resources/ under tmp_path; return (bundle, wheel, checkout) roots."""
    frozen = tmp_path / "frozen"
    package = tmp_path / "site" / "planner"
    package.mkdir(parents=True)
    frozen.mkdir()
    if bundle:
        (frozen / "resources").mkdir()
    if wheel:
        (package / "_resources").mkdir()
    if checkout:
        (package.parent / "resources").mkdir()
    return frozen / "resources", package / "_resources", package.parent / "resources"


@pytest.fixture
def fake_install(tmp_path, monkeypatch):
    """Point the loader at a package folder in tmp_path; returns a function that makes a layout."""
    def make(*, bundle: bool, wheel: bool, checkout: bool):
        places = _layout(tmp_path, bundle=bundle, wheel=wheel, checkout=checkout)
        monkeypatch.setattr(resources, "_PACKAGE", tmp_path / "site" / "planner")
        monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path / "frozen"), raising=False)
        return places
    monkeypatch.delattr(sys, "_MEIPASS", raising=False)
    return make


def test_a_frozen_bundle_looks_in_its_own_folder_first(fake_install):
    """In a PyInstaller bundle, sys._MEIPASS/resources wins over a wheel's and a checkout's."""
    frozen, _, _ = fake_install(bundle=True, wheel=True, checkout=True)
    assert resources_root() == frozen
    assert resource_path("fonts", "x.ttf") == frozen / "fonts" / "x.ttf"


def test_an_installed_wheel_comes_before_a_checkout(fake_install):
    """Without a bundle folder, the wheel's planner/_resources wins over a checkout's resources/."""
    _, wheel, _ = fake_install(bundle=False, wheel=True, checkout=True)
    assert resources_root() == wheel


def test_a_checkout_is_the_last_place(fake_install):
    """With neither a bundle folder nor planner/_resources, the checkout's resources/ is used."""
    _, _, checkout = fake_install(bundle=False, wheel=False, checkout=True)
    assert resources_root() == checkout


def test_no_bundle_attribute_means_no_bundle(fake_install, monkeypatch):
    """Outside a bundle (no sys._MEIPASS) the loader goes straight to the wheel or the checkout."""
    _, wheel, _ = fake_install(bundle=True, wheel=True, checkout=True)
    monkeypatch.delattr(sys, "_MEIPASS")
    assert resources_root() == wheel


def test_missing_resources_say_to_reinstall(fake_install):
    """When no place has resources/, the error tells the officer to reinstall."""
    fake_install(bundle=False, wheel=False, checkout=False)
    with pytest.raises(FileNotFoundError, match="reinstall"):
        resources_root()


def test_the_checkout_really_is_found_here():
    """Run from this checkout (no bundle, no installed copy), the loader finds the top-level resources/."""
    if getattr(sys, "_MEIPASS", None) or (PACKAGE / "_resources").is_dir():
        pytest.skip("not running from a plain checkout")
    assert resources_root() == ROOT / "resources"

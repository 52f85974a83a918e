"""A test over the test tree: every test function checks something, so it can fail."""

from __future__ import annotations

import ast
from pathlib import Path

TESTS = Path(__file__).parents[1]


def _called_name(call: ast.Call) -> str:
    func = call.func
    return func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")


def _checks_directly(node: ast.AST) -> bool:
    """An ``assert``, ``pytest.raises``/``fail``/``warns``, ``qtbot.wait*``/``assert*`` or
    ``qtmodeltester.check`` (which fails on a broken model) in the body."""
    for inner in ast.walk(node):
        if isinstance(inner, ast.Assert):
            return True
        if isinstance(inner, ast.Call) and isinstance(inner.func, ast.Attribute):
            owner = inner.func.value
            owner_name = owner.id if isinstance(owner, ast.Name) else ""
            if owner_name == "pytest" and inner.func.attr in ("raises", "fail", "warns"):
                return True
            if owner_name == "qtbot" and inner.func.attr.startswith(("wait", "assert")):
                return True
            if owner_name == "qtmodeltester" and inner.func.attr == "check":
                return True
    return False


def _calls(node: ast.AST) -> set[str]:
    return {_called_name(inner) for inner in ast.walk(node) if isinstance(inner, ast.Call)}


def _functions(tree: ast.AST) -> list[ast.FunctionDef | ast.AsyncFunctionDef]:
    return [node for node in ast.walk(tree) if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))]


def _is_test(node, parents: dict) -> bool:
    parent = parents.get(node)
    return node.name.startswith("test") and (
        isinstance(parent, ast.Module)
        or (isinstance(parent, ast.ClassDef) and parent.name.startswith("Test")))


def parse_tree() -> dict[Path, ast.Module]:
    return {path: ast.parse(path.read_text(encoding="utf-8"), str(path))
            for path in sorted(TESTS.rglob("*.py"))}


def asserting_helpers(trees: dict[Path, ast.Module]) -> set[str]:
    """Names of functions in the test tree that check something, directly or through another."""
    functions = [f for tree in trees.values() for f in _functions(tree)]
    checking = {f.name for f in functions if _checks_directly(f)}
    grown = True
    while grown:
        grown = False
        for f in functions:
            if f.name not in checking and _calls(f) & checking:
                checking.add(f.name)
                grown = True
    return checking


def unfailing_tests(trees: dict[Path, ast.Module]) -> list[str]:
    """``path::name`` of each test function that neither checks nor calls a helper that checks."""
    helpers = asserting_helpers(trees)
    found = []
    for path, tree in trees.items():
        if not path.name.startswith("test_"):
            continue
        parents = {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
        for f in _functions(tree):
            if _is_test(f, parents) and not _checks_directly(f) and not _calls(f) & helpers:
                found.append(f"{path.relative_to(TESTS)}::{f.name}")
    return found


def test_every_test_function_checks_something():
    """No test in the tree lacks an assert, pytest.raises, qtbot.wait* or an asserting helper."""
    assert unfailing_tests(parse_tree()) == []


def test_the_check_catches_a_test_that_cannot_fail():
    """A test that only calls code, and one that calls a helper which checks nothing, are caught."""
    source = '''
def helper(x):
    return x + 1

def checking_helper(x):
    assert x

def test_calls_only():
    helper(1)

def test_uses_a_checking_helper():
    checking_helper(1)

def test_waits(qtbot):
    qtbot.waitUntil(lambda: True)

def test_raises():
    with pytest.raises(ValueError):
        int("x")
'''
    trees = {TESTS / "test_sample.py": ast.parse(source)}
    assert unfailing_tests(trees) == ["test_sample.py::test_calls_only"]

"""The UI and the command line catch storage's own error types, never ValueError or KeyError broadly."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).parents[2] / "planner"

# Handlers of ValueError/KeyError that guard no storage call, each with why it may stay.
ALLOWED = {
    ("ui/widgets/contributions.py", "_item_changed"),  # float() of what the officer typed
    ("ui/guidance_panel.py", "show_guidance"),  # a guidance entry the library does not have
    ("ui/widgets/personal_data.py", "set_iso"),  # date.fromisoformat of a stored date
    ("cli.py", "_cmd_guidance"),  # render_guidance's "not a cell" for a typed code
    ("cli.py", "_cmd_example"),  # an example name the officer typed
}


def broad_handlers() -> set[tuple[str, str]]:
    """(file, function) of every ``except`` naming ValueError or KeyError in ui/ and the cli modules."""
    found = set()
    files = [*ROOT.joinpath("ui").rglob("*.py"), *ROOT.glob("cli*.py")]
    for path in files:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for function in ast.walk(tree):
            if not isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef)):
                continue
            for node in ast.walk(function):
                if isinstance(node, ast.ExceptHandler) and node.type is not None:
                    names = {n.id for n in ast.walk(node.type) if isinstance(n, ast.Name)}
                    if names & {"ValueError", "KeyError"}:
                        found.add((path.relative_to(ROOT).as_posix(), function.name))
    return found


def test_no_broad_handlers_around_storage_in_ui_or_cli():
    """Only the listed handlers catch ValueError or KeyError, and none of them wraps a storage call."""
    assert broad_handlers() == ALLOWED

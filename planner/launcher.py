"""The ``coplanner`` entry point: a subcommand goes to the command line, anything else opens the app."""

from __future__ import annotations

import sys
from pathlib import Path

from planner import cli


def _looks_like_a_plan(arg: str) -> bool:
    # A file handed over by the desktop (double-click) opens in the app, which explains
    # itself in a dialog if it is not a plan after all.
    return arg not in cli.COMMANDS and (arg.lower().endswith(".coplan") or Path(arg).is_file())


def main(argv: list[str] | None = None) -> int:
    """``coplanner`` and ``coplanner PLAN.coplan`` open the desktop app; the rest is the CLI."""
    argv = sys.argv[1:] if argv is None else argv
    wants_window = not argv or (len(argv) == 1 and _looks_like_a_plan(argv[0]))
    if not wants_window:
        return cli.main(argv)  # a subcommand, or argparse says in one line what is wrong
    from planner.ui.preflight import check  # one clear line instead of Qt's plugin trace

    problem = check()
    if problem:
        print(problem, file=sys.stderr)
        return 1
    from planner.app import run  # Qt is loaded only when the window is wanted

    return run(argv)


if __name__ == "__main__":  # python -m planner.launcher …, as the coplanner script
    sys.exit(main())

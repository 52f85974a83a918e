"""The coplanner entry point: subcommands go to the command line, the rest to the window."""

import sys

import pytest

from planner import launcher


def test_subcommands_go_to_the_command_line(monkeypatch):
    """A subcommand or an option runs the command line, never the window."""
    seen = []
    monkeypatch.setattr(launcher.cli, "main", lambda argv: seen.append(argv) or 0)
    assert launcher.main(["check", "x.coplan"]) == 0
    assert launcher.main(["--version"]) == 0
    assert launcher.main(["frobnicate", "extra"]) == 0
    assert seen == [["check", "x.coplan"], ["--version"], ["frobnicate", "extra"]]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the screen check is Linux's")
def test_no_screen_is_one_clear_line(monkeypatch, capsys):
    """With no screen to draw on, opening the window says so in one line and exits 1."""
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    assert launcher.main(["plan.coplan"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("coplanner:")


def test_the_launcher_runs_as_a_module():
    """`python -m planner.launcher --version` answers as the coplanner script does."""
    import subprocess
    import sys

    from planner import __version__

    result = subprocess.run([sys.executable, "-m", "planner.launcher", "--version"],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0 and result.stdout.strip() == f"coplanner {__version__}"

"""The preflight check names the one apt-get line when Qt's screen libraries are missing."""

from planner.ui import preflight


def test_all_present_is_fine():
    """With every library found, Qt may start."""
    assert preflight.check("linux", {"DISPLAY": ":0"}, find=lambda name: f"lib{name}.so") is None


def test_missing_libraries_give_one_install_line():
    """Missing xcb-cursor and EGL become one line naming their packages."""
    line = preflight.check("linux", {"DISPLAY": ":0"},
                           find=lambda name: None if name in ("xcb-cursor", "EGL") else "found")
    assert line == ("coplanner: Qt needs system libraries for the screen: "
                    "sudo apt-get install -y libxcb-cursor0 libegl1")


def test_chosen_platform_and_other_systems_are_not_checked():
    """A chosen Qt platform, Windows and macOS skip the check."""
    def find(name):
        return None
    assert preflight.check("linux", {"QT_QPA_PLATFORM": "offscreen"}, find=find) is None
    assert preflight.check("win32", {}, find=find) is None
    assert preflight.check("darwin", {}, find=find) is None


def test_main_exit_code(monkeypatch, capsys):
    """main() prints the line and exits 1 when something is missing."""
    monkeypatch.setattr(preflight, "check", lambda: "coplanner: Qt needs system libraries for the screen: x")
    assert preflight.main() == 1
    assert capsys.readouterr().out.strip().startswith("coplanner: Qt needs")


def test_no_screen_at_all_is_one_line():
    """Without DISPLAY or WAYLAND_DISPLAY the check says there is no screen."""
    line = preflight.check("linux", {}, find=lambda name: "found")
    assert line.startswith("coplanner: no screen")
    assert preflight.check("linux", {"WAYLAND_DISPLAY": "wayland-0"}, find=lambda name: None) is None

"""The main window starts on the welcome screen and opens a plan into its steps."""

from planner.ui.files import open_plan


def test_welcome_then_plan(window, plan_path):
    """With no plan the welcome screen shows; opening a plan shows the seven steps."""
    assert window.pages.currentWidget() is window.welcome
    assert open_plan(window, plan_path)
    assert window.pages.currentWidget() is window.plan_view
    assert len(window.steps) == 7
    assert "Library services" in window.windowTitle()

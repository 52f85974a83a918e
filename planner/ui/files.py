"""Opening, creating and copying plan files, with a clear answer for every refusal from storage."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from planner.storage import (
    DamagedPlan, NewerPlan, NotAPlan, PlanError, PlanLocked, PlanNotFound, PlanStore,
)

if TYPE_CHECKING:
    from planner.ui.main_window import MainWindow

PLAN_FILTER = "Coproduction plans (*.coplan)"


def tr(text: str) -> str:
    return QCoreApplication.translate("PlanFiles", text)


def with_suffix(path: Path) -> Path:
    """Add ``.coplan`` when the officer typed a name without it."""
    return path if path.suffix.lower() == ".coplan" else path.with_name(path.name + ".coplan")


def default_folder(window: MainWindow) -> Path:
    folder = window.settings.last_folder
    return Path(folder) if folder and Path(folder).is_dir() else Path.home()


def _safe_name(title: str) -> str:
    name = "".join(c if c.isalnum() or c in " -_" else " " for c in title).strip()
    return " ".join(name.split())[:60] or "Plan"


def open_plan(window: MainWindow, path: Path | str, read_only: bool = False) -> bool:
    """Open a plan in the window, answering each refusal with what the officer can do."""
    path = Path(path)
    if window.document is not None and path.exists() and path.resolve() == window.document.store.path.resolve():
        window.statusBar().showMessage(tr("%s is already open.") % path.name)
        return True
    if not window.may_leave_plan():
        return False
    try:
        store = _open_store(window, path, read_only)
    except PlanNotFound as error:
        window.settings.remove_recent(path)
        window.refresh_recent()
        window.show_message(tr("Plan not found"), str(error) + " " + tr(
            "It has been taken off the recent plans. Choose Open plan… to find it."))
        return False
    except (NotAPlan, DamagedPlan) as error:
        window.show_message(tr("This file cannot be opened"), str(error))
        return False
    except PlanError as error:
        window.show_message(tr("This plan cannot be opened"), str(error))
        return False
    if store is None:
        return False
    window.set_store(store)
    if store.notice:  # e.g. a crash's unfinished change that belonged to another copy
        window.show_message(tr("The plan was opened"), store.notice)
    return True


def _open_store(window: MainWindow, path: Path, read_only: bool) -> PlanStore | None:
    """The open store, or None when the officer chose not to open it after all."""
    try:
        return PlanStore.open(path, read_only=read_only)
    except NewerPlan as error:
        if window.ask_open_read_only(tr("Plan from a newer version"), str(error)):
            return PlanStore.open(path, read_only=True, allow_newer=True)
        return None
    except PlanLocked as error:
        if error.same_host:
            if window.ask_open_read_only(tr("Plan already open"), str(error)):
                return PlanStore.open(path, read_only=True)
            return None
        choice = window.ask_locked_choice(str(error), error.holder)
        if choice == "read_only":
            return PlanStore.open(path, read_only=True)
        if choice == "break_lock" and window.ask_confirm(tr("Clear the other computer's lock?"), tr(
                "Only do this if you are sure %s no longer has the plan open, for example after "
                "their computer crashed. If they are still editing it, one of you will lose "
                "changes.") % error.holder):
            PlanStore.break_lock(path)
            return PlanStore.open(path)
        return None


def new_plan(window: MainWindow) -> bool:
    """Ask where to make a new plan, make it and open it; its title comes from the file name."""
    if not window.may_leave_plan():
        return False
    chosen = window.ask_save_path(tr("New plan"), default_folder(window) / "New plan.coplan", tr(PLAN_FILTER))
    if not chosen:
        return False
    path = with_suffix(Path(chosen))
    title = path.stem.replace("_", " ").strip() or tr("New plan")
    try:
        store = PlanStore.create(path, title[:1].upper() + title[1:])
    except PlanError as error:
        window.show_message(tr("The plan could not be made"), str(error))
        return False
    window.set_store(store)
    return True


def choose_and_open(window: MainWindow) -> bool:
    """Ask for a plan file and open it."""
    chosen = window.ask_open_path(tr("Open plan"), default_folder(window), tr(PLAN_FILTER))
    return open_plan(window, chosen) if chosen else False


def open_example(window: MainWindow, name: str) -> bool:
    """Copy a worked example to a file the officer chooses, and open that copy."""
    if not window.may_leave_plan():
        return False
    examples = window.examples
    title = examples.example_title(name)
    chosen = window.ask_save_path(tr("Save the example as"),
                                  default_folder(window) / f"{_safe_name(title)}.coplan", tr(PLAN_FILTER))
    if not chosen:
        return False
    try:
        store = PlanStore.create_from(with_suffix(Path(chosen)), examples.example_plan(name))
    except PlanError as error:
        window.show_message(tr("The example could not be copied"), str(error))
        return False
    window.set_store(store)
    return True


def save_as(window: MainWindow) -> bool:
    """Copy the open plan to a new file and carry on working in the copy."""
    document = window.document
    if document is None:
        return False
    window.commit_pending_edits()  # what is typed belongs in the copy
    current = document.store.path
    chosen = window.ask_save_path(tr("Save a copy as"),
                                  current.with_name(f"{current.stem} copy.coplan"), tr(PLAN_FILTER))
    if not chosen:
        return False
    destination = with_suffix(Path(chosen))
    if destination.resolve() == current.resolve():
        window.show_message(tr("Already saved"), tr(
            "Every change is saved as you make it, so there is nothing more to save here. "
            "Choose another name to make a copy."))
        return False
    try:
        document.store.save_as(destination)
    except PlanError as error:
        window.show_message(tr("The copy was not saved"), str(error))
        return False
    if open_plan(window, destination):
        window.statusBar().showMessage(tr("Saved a copy as %s; you are now working in the copy.") % destination.name)
        return True
    return False

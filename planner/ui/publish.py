"""File > Publish to portfolio: put this plan's redacted copy in the council's portfolio folder."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from planner.portfolio.classify import Unclassified
from planner.portfolio.publish import publish, published_name
from planner.storage import PlanError

if TYPE_CHECKING:
    from planner.ui.main_window import MainWindow


def tr(text: str) -> str:
    return QCoreApplication.translate("PublishToPortfolio", text)


def publish_to_portfolio(window: MainWindow) -> Path | None:
    """Ask for the portfolio folder and write the copy there; the live plan stays where it is."""
    document = window.document
    if document is None:
        return None
    window.commit_pending_edits()
    start = window.settings.portfolio_folder or str(document.store.path.parent)
    chosen = window.ask_folder(tr("Publish to portfolio: choose the portfolio folder"), Path(start))
    if not chosen:
        return None
    folder = Path(chosen)
    plan = document.plan
    target = folder / published_name(plan, document.store.path)
    if target.exists() and not window.ask_confirm(tr("Replace the published copy?"), tr(
            "%s is already in the portfolio folder, from an earlier publish of this plan or "
            "another plan with the same file name. Replace it with this plan's copy?") % target.name):
        return None
    try:
        path = publish(plan, document.store.path, folder)
    except (PlanError, Unclassified) as error:
        window.show_message(tr("The plan was not published"), str(error))
        return None
    window.settings.portfolio_folder = str(folder)
    window.statusBar().showMessage(tr("Published a copy to %s") % path)
    window.show_message(tr("Published to the portfolio"), tr(
        "A copy of this plan is now in %s, for the council's portfolio.\n\n"
        "Private individuals appear in it only by role label (\u201cService user 1\u201d), with "
        "no contact details or notes, and nobody's stance or influence is included. Your plan "
        "itself stays where it is; publish again after changing it.") % folder)
    return path

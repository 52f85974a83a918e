"""The main window's ways out: the PDF, the Word document, the easy-read summary and the portfolio.

Each is a menu action on the window; the dialogs and writers are imported when first used, which
keeps them out of the app's start.
"""

from __future__ import annotations

from pathlib import Path

from planner.core.checks import Severity


class Exporting:
    """Export and publish for ``MainWindow`` (mixed in): the options, the status line, the writers."""

    def export_options(self) -> dict:
        """The options an export starts from: personal data is never included until ticked."""
        must_fix = 0
        if self.document is not None:  # the dialog asks for a reason to sign only when needed
            must_fix = sum(1 for f in self.document.findings if f.severity is Severity.ERROR)
        return {"paper": self.settings.paper, "include_personal": False,
                "status": "", "open_when_done": self.settings.open_when_done,
                "must_fix": must_fix}

    @property
    def export_status(self) -> str:
        """The status line the plan is shared with: kept in the plan, so it is there on reopening."""
        return self.document.plan.status_line if self.document is not None else ""

    def keep_status_line(self, text: str) -> None:
        """Store a new status line in the plan (one undoable edit), unless it is unchanged or read-only."""
        from planner.ui.operations.plan import change_plan

        text = text.strip()
        if self.document is not None and not self.document.read_only and text != self.document.plan.status_line:
            change_plan(self.document, "status_line", text)

    def export_from_dialog(self) -> Path | None:
        if self.document is None:
            return None
        defaults = self.export_options()
        review = next((s for s in self.step_pages.pages() if s.NAME == "review"), None)
        defaults["status"] = review.export_options()["status"] if review is not None else self.export_status
        options = self.ask_export_options(defaults)
        return self.export_with(options) if options else None

    def export_with(self, options: dict) -> Path | None:
        """Remember the paper and opening as preferences (never personal data), then write the PDF.

        If the plan check finds something that must be fixed, ask first (naming it all) and
        offer to go to it.
        """
        self.commit_pending_edits()
        from planner.ui import export_dialog  # only when exporting: keeps it out of the start

        if not export_dialog.may_export(self):
            return None
        self.settings.paper = options["paper"]
        self.settings.open_when_done = options["open_when_done"]
        self.keep_status_line(options["status"])
        for step in self.step_pages.pages():
            if step.NAME == "review":  # the next export starts unticked again
                step.set_export_preferences(options["paper"], options["open_when_done"])
                step.status_line.setText(options["status"])
        return export_dialog.export_pdf(self, options)

    def export_word(self) -> Path | None:
        """File > Export > Word document: the PDF's options, then the .docx."""
        from planner.ui import export_more  # only when exporting: keeps it out of the start

        return export_more.export_word(self)

    def export_easy_read(self) -> Path | None:
        """File > Export > Easy-read summary: the easy-read PDF, never with personal data."""
        from planner.ui import export_more

        return export_more.export_easy_read(self)

    def publish_to_portfolio(self) -> Path | None:
        """File > Publish to portfolio: a redacted copy into the folder the officer chooses."""
        from planner.ui import publish  # only when publishing: keeps it out of the start

        return publish.publish_to_portfolio(self)

"""The guidance panel on the right: plain words, cited to the article, on what a step points at."""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QTextBrowser, QVBoxLayout, QWidget

from planner.core.article import ARTICLE, CITED, NOT_FROM_ARTICLE, citation  # ARTICLE: for the About box
from planner.core.matrix import CELL_EXAMPLES, FIGURE_1_ONLY, Cell
from planner.core.model import Category, Driver, RiskCategory, SafeguardKind, Side, label
from planner.ui.words import said

__all__ = ["ARTICLE", "GuidancePanel"]


def _paragraphs(text: str) -> str:
    return "".join(f"<p>{escape(part.strip())}</p>" for part in str(text).split("\n\n") if part.strip())


def _list(items) -> str:
    if isinstance(items, str):
        return _paragraphs(items)
    return "<ul>" + "".join(f"<li>{escape(str(i))}</li>" for i in items) + "</ul>"


class GuidancePanel(QWidget):
    """Shows guidance for one thing at a time (a cell, a driver, a risk category...)."""

    def __init__(self, library_source: Callable[[], Any], parent: QWidget | None = None):
        """Args: library_source: returns the guidance library (planner.guidance), or None if it
        is not available; asked only when guidance is first shown."""
        super().__init__(parent)
        self._library_source = library_source
        self.current: tuple[str, str] | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        heading = QLabel(self.tr("Guidance"), self)
        font = heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        heading.setFont(font)
        layout.addWidget(heading)
        self.browser = QTextBrowser(self)
        self.browser.setObjectName("guidance_text")
        self.browser.setAccessibleName(self.tr("Guidance"))
        self.browser.setOpenExternalLinks(False)
        self.browser.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        layout.addWidget(self.browser, 1)
        self.show_intro()

    def show_intro(self) -> None:
        """What the panel is for, before anything is chosen."""
        self.current = None
        self.browser.setHtml(
            "<h3>" + escape(self.tr("About coproduction")) + "</h3>" + _paragraphs(self.tr(
                "Coproduction means professionals and the people who use a service, and their "
                "communities, planning and delivering it together, each bringing resources.\n\n"
                "Choose a cell of the matrix, a driver, a kind of stakeholder, risk or safeguard "
                "and this panel explains it in plain words, with the article's case studies.")) +
            self._source(ARTICLE))

    def show_guidance(self, kind: str, value: str) -> None:
        """Explain ``value`` of ``kind`` ("cell", "driver", "risk_category", ...)."""
        self.current = (kind, value)
        try:
            html = self._html(kind, value)
        except (KeyError, ValueError, LookupError):
            html = None
        if html is None:
            html = "<h3>" + escape(value.replace("_", " ").capitalize()) + "</h3>" + _paragraphs(
                self.tr("There is no guidance on this yet.")) + self._source(ARTICLE)
        self.browser.setHtml(html)

    @property
    def library(self):
        return self._library_source()

    def _source(self, source: str) -> str:
        """The source line, worded as the library's: a section of the article, the whole article
        (ARTICLE) or a sentence already naming it; a practice note (no source) says it is ours."""
        if not source:
            return f"<p><i>{escape(said(NOT_FROM_ARTICLE))}</i></p>"
        cited = source if source == ARTICLE or source.startswith(CITED) else citation(source) + "."
        return f"<p><i>{escape(self.tr('Source:'))} {escape(cited)}</i></p>"

    def _html(self, kind: str, value: str) -> str | None:
        lib = self.library
        if kind == "cell":
            return self._cell(Cell.from_code(value))
        enum, method = {
            "driver": (Driver, None), "risk_category": (RiskCategory, "risk_category"),
            "safeguard_kind": (SafeguardKind, "safeguard_kind"),
            "stakeholder_category": (Category, "stakeholder_category"), "side": (Side, "side"),
        }.get(kind, (None, None))
        if enum is None:
            return None
        member = enum(value)
        topic = None
        if lib is not None:
            topic = lib.drivers[member] if kind == "driver" else getattr(lib, method)(member)
        if topic is None:
            if kind == "driver":
                return self._driver_fallback(member)
            return "<h3>" + escape(label(member)) + "</h3>" + self._source(ARTICLE)
        html = "<h3>" + escape(topic.title) + "</h3>" + _paragraphs(topic.text)
        studies = getattr(topic, "case_studies", ())
        if studies:
            html += "<h4>" + escape(self.tr("In the article's case studies")) + "</h4>" + _list(studies)
        return html + self._source(topic.source)

    def _cell(self, cell: Cell) -> str:
        lib = self.library
        if lib is not None and cell.is_available:
            g = lib.cell(cell)
            parts = ["<h3>" + escape(g.name) + "</h3>", _paragraphs(g.description)]
            if g.examples:
                parts.append("<h4>" + escape(self.tr("Examples")) + "</h4>" + _list(g.examples))
            if g.case_study is not None:
                parts.append("<h4>" + escape(self.tr("The article's case study: %s") % g.case_study.name)
                             + "</h4>" + _paragraphs(g.case_study.summary))
            for caption, items in ((self.tr("What it brings"), g.benefits),
                                   (self.tr("What to watch"), g.limitations)):
                if items:
                    parts.append("<h4>" + escape(caption) + "</h4>" + _list(items))
            return "".join(parts) + self._source(g.source)
        text = "<h3>" + escape(cell.name) + "</h3>"
        where = "Table 1"
        if not cell.is_available:
            text += _paragraphs(self.tr(
                "Table 1 prints only \u201cN/A\u201d here. Our reading: professionals cannot be "
                "the sole deliverers of a service planned with no professional input."))
        elif cell in FIGURE_1_ONLY:
            text += _paragraphs(self.tr("The article's case study (Figure 1): %s.") % CELL_EXAMPLES[cell])
            where = "Figure 1"
        elif cell in CELL_EXAMPLES:
            text += _paragraphs(self.tr("The article's example: %s.") % CELL_EXAMPLES[cell])
        return text + self._source(where)

    def _driver_fallback(self, driver: Driver) -> str:
        texts = {
            Driver.GOVERNANCE: (self.tr("Governance drivers"), self.tr(
                "They respond to a decline in the capacity to govern, locally or nationally. "
                "They tend to bring users and communities into planning, design and management "
                "of the service. Participatory budgeting in Pôrto Alegre is the article's example.")),
            Driver.LOGISTICAL: (self.tr("Logistical (feasibility) drivers"), self.tr(
                "They arise when a service cannot be delivered well because the setting is too "
                "complex or variable, or reaching many households costs too much, as in rural "
                "areas; some personal services cannot be delivered at all without coproduction. "
                "They tend to give users and communities a direct part in delivery.")),
        }
        title, text = texts[driver]
        return ("<h3>" + escape(title) + "</h3>" + _paragraphs(text)
                + self._source(self.tr("%s, citing Joshi and Moore (2003).") % CITED))

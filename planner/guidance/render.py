"""Plain text of the guidance for the command line (``coplanner guidance [CELL]``)."""

from __future__ import annotations

import textwrap

from planner.core.article import citation
from planner.core.matrix import NA_CELL, Cell, available_cells
from planner.guidance.library import ARTICLE, cite
from planner.guidance.loader import load_library

WIDTH = 78


def _wrap(text: str, indent: str = "") -> str:
    return textwrap.fill(text, WIDTH, initial_indent=indent, subsequent_indent=indent)


def _bullets(items) -> list[str]:
    return [textwrap.fill(item, WIDTH, initial_indent="  - ", subsequent_indent="    ") for item in items]


def _parse(code: str) -> Cell:
    valid = ", ".join(c.code for c in available_cells())
    try:
        cell = Cell.from_code(code.strip())
    except ValueError:
        raise ValueError(f"{code!r} is not a cell. Use one of: {valid}") from None
    if cell == NA_CELL:
        raise ValueError(
            f"{code} is the N/A cell of Table 1 (the community plans but professionals alone "
            f"deliver), which no plan can choose. Use one of: {valid}")
    return cell


def _overview() -> str:
    lib = load_library()
    lines = [f"The coproduction matrix (who plans / who delivers), after {citation('Table 1')}.", ""]
    for cell in available_cells():
        guide = lib.cell(cell)
        lines.append(f"{cell.code}")
        lines.append(_wrap(guide.name, "  "))
        if guide.case_study:
            lines.append(_wrap(f"Case study: {guide.case_study.name}", "  "))
        lines.append("")
    lines.append("Why organisations coproduce:")
    for driver in lib.drivers.values():
        lines.append(_wrap(f"{driver.title}: tend to move the {driver.axis} axis.", "  "))
    lines += ["", "Run `coplanner guidance CELL` (e.g. co/community) for one cell in full.",
              "", _wrap(ARTICLE)]
    return "\n".join(lines) + "\n"


def _one(cell: Cell) -> str:
    lib = load_library()
    guide = lib.cell(cell)
    lines = [f"{cell.code}: {guide.name}", "", _wrap(guide.description), "",
             "Examples:", *_bullets(guide.examples), ""]
    if guide.case_study:
        case = guide.case_study
        lines += [f"Case study: {case.name}", _wrap(case.summary, "  "), _wrap(cite(case.source), "  "), ""]
    lines += ["Benefits:", *_bullets(guide.benefits), "",
              "Limitations:", *_bullets(guide.limitations), "",
              "Risks to consider:", *_bullets(t.title for t in lib.risk_templates_for(cell)), "",
              "Safeguards from the case studies and the article:",
              *_bullets(t.title for t in lib.safeguard_templates_for(cell, [])), "",
              _wrap(cite(guide.source)), _wrap(ARTICLE)]
    return "\n".join(lines) + "\n"


def render_guidance(cell_code: str | None = None) -> str:
    """The guidance text for one cell code, or a short overview of all cells when None.

    Raises:
        ValueError: the code is not a cell, or is the N/A cell; the message lists valid codes.
    """
    return _overview() if cell_code is None else _one(_parse(cell_code))

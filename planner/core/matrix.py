"""Table 1 of Bovaird (2007): who plans x who delivers, its eight named cells and the N/A one."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class Planning(str, Enum):
    """Who plans the service (the columns of Table 1)."""

    PROFESSIONALS = "professionals"
    CO = "co"
    COMMUNITY = "community"


class Delivery(str, Enum):
    """Who delivers the service (the rows of Table 1)."""

    PROFESSIONALS = "professionals"
    CO = "co"
    COMMUNITY = "community"


PLANNING_HEADINGS = {
    Planning.PROFESSIONALS: "Professionals as sole service planners",
    Planning.CO: "Service user and/or community as coplanners",
    Planning.COMMUNITY: "No professional input into service planning",
}

DELIVERY_HEADINGS = {
    Delivery.PROFESSIONALS: "Professionals as sole service deliverer",
    Delivery.CO: "Professionals and users/communities as codeliverers",
    Delivery.COMMUNITY: "Users/communities as sole deliverers",
}


@dataclass(frozen=True, order=True)
class Cell:
    """One cell of the matrix; it may be the N/A cell, which no plan may choose."""

    planning: Planning
    delivery: Delivery

    @classmethod
    def of(cls, planning: str, delivery: str) -> Cell:
        """Build a cell from the axis values used in files ("co", "community", ...)."""
        return cls(Planning(planning), Delivery(delivery))

    @property
    def is_available(self) -> bool:
        """False only for the N/A cell (community plans, professionals alone deliver)."""
        return self != NA_CELL

    @property
    def name(self) -> str:
        """The article's name for this cell, word for word."""
        return CELL_NAMES.get(self, "N/A")

    @property
    def code(self) -> str:
        """A short stable label such as ``co/community`` for the CLI and files."""
        return f"{self.planning.value}/{self.delivery.value}"

    @classmethod
    def from_code(cls, code: str) -> Cell:
        """Parse ``planning/delivery``; raises ValueError on anything else."""
        planning, sep, delivery = code.partition("/")
        if not sep:
            raise ValueError(f"cell {code!r} is not of the form planning/delivery")
        return cls.of(planning, delivery)


NA_CELL = Cell(Planning.COMMUNITY, Delivery.PROFESSIONALS)

# Names from Table 1; community/co is blank there, so it takes its section's heading.
CELL_NAMES: dict[Cell, str] = {
    Cell(Planning.PROFESSIONALS, Delivery.PROFESSIONALS): "Traditional professional service provision",
    Cell(Planning.CO, Delivery.PROFESSIONALS): (
        "Traditional professional service provision with users and communities involved in "
        "planning and design"
    ),
    Cell(Planning.PROFESSIONALS, Delivery.CO): "User codelivery of professionally designed services",
    Cell(Planning.CO, Delivery.CO): "Full user/professional coproduction",
    Cell(Planning.COMMUNITY, Delivery.CO): (
        "User/community codelivery of services with professionals, without formal planning or "
        "design processes"
    ),
    Cell(Planning.PROFESSIONALS, Delivery.COMMUNITY): (
        "User/community delivery of professionally planned services"
    ),
    Cell(Planning.CO, Delivery.COMMUNITY): (
        "User/community delivery of coplanned or codesigned services"
    ),
    Cell(Planning.COMMUNITY, Delivery.COMMUNITY): "Traditional self-organized community provision",
}

# The article's example for each cell: Table 1's own, as printed, and for the cell Table 1
# leaves without one (community/co) the case study Figure 1 places there.
CELL_EXAMPLES: dict[Cell, str] = {
    Cell(Planning.CO, Delivery.PROFESSIONALS): "participatory budgeting in Pôrto Alegre",
    Cell(Planning.PROFESSIONALS, Delivery.CO): "Sure Start",
    Cell(Planning.CO, Delivery.CO): "Caterham Barracks Community Trust",
    Cell(Planning.COMMUNITY, Delivery.CO): "Beacon partnership, Falmouth",
    Cell(Planning.PROFESSIONALS, Delivery.COMMUNITY): "Villa Family",
    Cell(Planning.CO, Delivery.COMMUNITY): "Tackley Village shop",
}
FIGURE_1_ONLY = frozenset({Cell(Planning.COMMUNITY, Delivery.CO)})  # examples from Figure 1, not Table 1


def all_cells() -> list[Cell]:
    """All nine cells, rows (delivery) then columns (planning), as Table 1 lays them out."""
    return [Cell(p, d) for d in Delivery for p in Planning]


def available_cells() -> list[Cell]:
    """The eight cells a plan may choose."""
    return [cell for cell in all_cells() if cell.is_available]

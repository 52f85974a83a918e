"""Table 1: eight named cells and one N/A."""

import pytest

from planner.core.matrix import CELL_NAMES, NA_CELL, Cell, all_cells, available_cells


def test_eight_cells_carry_the_articles_names():
    """The eight available cells each have the article's name, word for word."""
    assert len(available_cells()) == 8
    assert Cell.of("professionals", "professionals").name == "Traditional professional service provision"
    assert Cell.of("co", "co").name == "Full user/professional coproduction"
    assert Cell.of("community", "community").name == "Traditional self-organized community provision"
    assert Cell.of("community", "co").name == (
        "User/community codelivery of services with professionals, without formal planning or "
        "design processes")
    assert set(CELL_NAMES) == set(available_cells())


def test_na_cell_is_never_available():
    """Community planning with professional delivery is the N/A cell."""
    assert NA_CELL == Cell.of("community", "professionals")
    assert not NA_CELL.is_available
    assert NA_CELL not in available_cells()
    assert len(all_cells()) == 9


def test_cell_codes_round_trip():
    """Every cell parses back from its code; nonsense is refused."""
    for cell in all_cells():
        assert Cell.from_code(cell.code) == cell
    with pytest.raises(ValueError):
        Cell.from_code("co")
    with pytest.raises(ValueError):
        Cell.from_code("co/everyone")


def test_role_labels_are_plain_words():
    """Planning and delivery roles read as what people do, each with its own words."""
    from planner.core.model import DeliveryRole, PlanningRole, Stance, label

    assert label(PlanningRole.CO) == "Plans with others"
    assert label(DeliveryRole.CO) == "Delivers with others"
    assert label(PlanningRole.CONSULTED) == "Consulted only"
    assert label(Stance.CHAMPION) == "Champion"

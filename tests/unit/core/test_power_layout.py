"""The power/interest map's layout: markers on their scores, names inside their square, crowds counted."""

from __future__ import annotations

import itertools

from planner.core import power_layout as pl


def _measure(text: str) -> float:
    """A stand-in font: every letter a fiftieth of a square wide."""
    return len(text) * 0.02


def _people(spots: dict[tuple[int, int], int]) -> list[tuple[str, int, int, str]]:
    people = []
    for (interest, influence), n in spots.items():
        for i in range(n):
            people.append((f"{interest}{influence}-{i}", interest, influence,
                           f"Stakeholder number {i} at {interest}/{influence}"))
    return people


def _inside_square(box: pl.Box, interest: int, influence: int) -> bool:
    return (interest - 1 <= box.x and box.right <= interest
            and influence - 1 <= box.y and box.top <= influence)


def test_a_lone_marker_sits_on_its_scores_with_its_name_under_it():
    """One stakeholder is centred on their (interest, influence) point and named below the marker."""
    layout = pl.layout([("a", 2, 4, "Parents' forum")], marker=0.16, line=0.15, measure=_measure)
    a = layout.markers["a"]
    assert (a.x, a.y) == (1.5, 3.5)
    assert a.name == "Parents' forum"
    assert a.name_box.top <= a.box.y
    assert abs((a.name_box.x + a.name_box.right) / 2 - a.x) < 1e-9


def test_names_stay_in_their_square_and_cover_no_marker():
    """Every name is inside its own square and overlaps no marker and no other name, at every crowd size that is named."""
    spots = {(i, f): n for (i, f), n in zip(itertools.product(range(1, 6), range(1, 6)),
                                            itertools.cycle([1, 2, 3, 4]))}
    layout = pl.layout(_people(spots), marker=0.16, line=0.15, measure=_measure)
    named = [p for p in layout.markers.values() if p.name_box is not None]
    assert len(named) > 25
    for p in named:
        interest, influence = pl.square_at(p.x, p.y)
        assert _inside_square(p.name_box, interest, influence), p
    for p, q in itertools.permutations(layout.markers.values(), 2):
        if p.name_box is not None:
            assert not p.name_box.overlaps(q.box), (p, q)
            if q.name_box is not None:
                assert not p.name_box.overlaps(q.name_box), (p, q)


def test_a_crowded_square_is_counted_and_its_people_listed():
    """More people than fit as named rows: no names in the square, a count, and every key to list beside the map."""
    layout = pl.layout(_people({(5, 5): 9, (1, 1): 1}), marker=0.16, line=0.15, measure=_measure)
    assert [(c.interest, c.influence, c.count) for c in layout.crowds] == [(5, 5, 9)]
    crowd = layout.crowds[0]
    assert set(crowd.keys) == {f"55-{i}" for i in range(9)}
    boxes = [layout.markers[k].box for k in crowd.keys]
    assert all(layout.markers[k].name is None for k in crowd.keys)
    for a, b in itertools.combinations(boxes, 2):
        assert not a.overlaps(b)
    for box in boxes:
        assert _inside_square(box, 5, 5) and not box.overlaps(crowd.caption)


def test_text_too_big_for_the_squares_counts_instead_of_cutting_names_to_nothing():
    """When a line of text is nearly a square high, even a lone stakeholder is counted and listed, not shown as '…'."""
    layout = pl.layout(_people({(3, 3): 1}), marker=0.16, line=0.6, measure=_measure)
    assert [c.count for c in layout.crowds] == [1]


def test_long_names_are_cut_with_an_ellipsis_to_fit():
    """A name wider than its square ends in an ellipsis and still fits the square."""
    layout = pl.layout([("a", 3, 3, "A" * 200)], marker=0.16, line=0.15, measure=_measure)
    name = layout.markers["a"].name
    assert name.endswith("\u2026") and _measure(name) <= 1 - 2 * pl.PAD


def test_quadrant_names_have_rows_of_their_own():
    """The top and bottom rows keep a line free for the quadrant names, so no marker or name reaches it."""
    layout = pl.layout(_people({(1, 5): 3, (5, 1): 3}), marker=0.16, line=0.15, measure=_measure)
    band = 0.15 * pl.BAND
    for p in layout.markers.values():
        _, influence = pl.square_at(p.x, p.y)
        for box in filter(None, (p.box, p.name_box)):
            if influence == 5:
                assert box.top <= 5 - pl.PAD - band + 1e-9, p
            else:
                assert box.y >= pl.PAD + band - 1e-9, p


def test_a_lone_long_name_takes_two_lines_broken_between_words():
    """A lone stakeholder whose name is too long for one line is named on two, broken at a space, both inside the square."""
    layout = pl.layout([("a", 3, 3, "Shop and facility users of the village")], marker=0.16, line=0.15,
                       measure=lambda t: max(len(part) for part in t.split("\n")) * 0.04)
    a = layout.markers["a"]
    first, second = a.name.split("\n")
    assert first == "Shop and facility users"[:len(first)] and " ".join([first, second]).startswith("Shop and")
    assert a.name_box.h == 2 * 0.15 and a.name_box.top <= a.box.y
    assert _inside_square(a.name_box, 3, 3)


def test_a_crowd_finds_each_marker_by_its_place_and_nothing_between_squares():
    """Crowd.index_at is the inverse of Crowd.spot for every marker, and a point outside the crowd's grid finds none."""
    crowd = pl.square(3, 2, [(f"k{i}", "Name") for i in range(30)], marker=0.16, line=0.15, measure=_measure)
    assert isinstance(crowd, pl.Crowd) and crowd.count == 30
    placed = {p.key: p for p in crowd.placed()}
    for i, key in enumerate(crowd.keys):
        x, y = crowd.spot(i)
        assert (placed[key].x, placed[key].y, placed[key].size) == (x, y, crowd.size)
        assert crowd.index_at(x, y) == i
        assert crowd.index_at(x + crowd.pitch * 0.45, y - crowd.pitch * 0.45) == i
    assert crowd.index_at(2.5, 1.02) is None  # the count's line, under the markers
    assert crowd.index_at(0.5, 0.5) is None  # another square


def test_one_square_is_laid_out_as_the_whole_map_lays_it_out():
    """pl.square gives the same places as pl.layout for that square, so the app (by square) and the PDF (whole) agree."""
    people = _people({(2, 4): 3, (4, 1): 1, (5, 5): 12})
    whole = pl.layout(people, marker=0.16, line=0.15, measure=_measure)
    for point in ((2, 4), (4, 1), (5, 5)):
        members = [(k, name) for k, i, j, name in people if (i, j) == point]
        one = pl.square(*point, members, marker=0.16, line=0.15, measure=_measure)
        placed = one.placed() if isinstance(one, pl.Crowd) else one
        assert {p.key: p for p in placed} == {k: whole.markers[k] for k, _ in members}

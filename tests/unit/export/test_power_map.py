"""Tests for the power/interest map: counts per square for long lists, with a key by square."""

from __future__ import annotations

import re

from pypdf import PdfReader
from reportlab.graphics.shapes import Group, String

from planner.core.model import Category, Plan, Stakeholder
from planner.export import ExportOptions, write_pdf
from planner.export.figures import power_map


def _people(n: int) -> list[tuple[int, Stakeholder]]:
    """n organisations spread over the map's squares."""
    return [(i, Stakeholder(f"s{i}", f"Group {i}", category=Category.COMMUNITY_GROUP,
                            influence=i % 5 + 1, interest=(i // 5) % 5 + 1))
            for i in range(1, n + 1)]


def _strings(node) -> list[str]:
    """Every piece of text in a drawing."""
    found = []
    for child in getattr(node, "contents", []):
        if isinstance(child, Group):
            found += _strings(child)
        elif isinstance(child, String):
            found.append(child.text)
    return found


def test_short_list_numbers_every_marker():
    """A dozen stakeholders are drawn one marker each, numbered."""
    drawing, numbered = power_map(480, _people(12))
    assert numbered
    assert {str(i) for i in range(1, 13)} <= set(_strings(drawing))


def test_long_list_shows_one_count_per_square():
    """With counts_only each occupied square shows its count, and no marker numbers appear."""
    drawing, numbered = power_map(480, _people(100), counts_only=True)
    assert not numbered
    texts = _strings(drawing)
    assert texts.count("4") >= 25  # 100 spread evenly: four in each of the 25 squares
    assert "100" not in texts


def test_pdf_key_lists_every_stakeholder_by_square(tmp_path):
    """Past sixty stakeholders the key (printed with the full registers) goes square by square."""
    plan = Plan("Big", stakeholders=[person for _, person in _people(75)])
    path = tmp_path / "big.pdf"
    write_pdf(plan, path, ExportOptions(invariant=True, full=True, analysis="all"))
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(path).pages)
    key = text[text.index("Key to the map, square by square"):]
    listed = set()
    for run in re.findall(r"Nos\. ([\d, ]+)", key):
        listed |= {int(n) for n in run.replace(",", " ").split()}
    assert set(range(1, 76)) <= listed


def test_markers_are_named_with_the_labels_given():
    """Each marker carries the (already redacted) label it is given, not the stakeholder's stored name."""
    people = _people(6)
    labels = [f"Role {number}" for number, _ in people]
    drawing, numbered = power_map(480, people, labels=labels)
    texts = _strings(drawing)
    assert numbered and set(labels) <= set(texts)
    assert not any(t.startswith("Group ") for t in texts)


def test_a_crowded_square_shows_a_count_and_lists_its_numbers_beside_the_map():
    """Eight people on one score: the square says "8 here" and the note beside the map lists their numbers."""
    people = [(i, Stakeholder(f"s{i}", f"Group {i}", category=Category.COMMUNITY_GROUP,
                              influence=5, interest=5)) for i in range(1, 9)]
    drawing, _ = power_map(480, people, labels=[p.name for _, p in people])
    texts = _strings(drawing)
    assert "8 here" in texts
    assert any(t.startswith("Influence 5, interest 5: 1, 2, 3") for t in texts)
    assert not any(t.startswith("Group ") for t in texts)


def test_the_pdf_places_markers_where_the_shared_layout_says():
    """A lone stakeholder's marker is centred on its scores' square, as in the app's map."""
    from reportlab.graphics.shapes import Circle

    person = Stakeholder("u", "Parents", category=Category.SERVICE_USER, influence=2, interest=4)
    drawing, _ = power_map(480, [(1, person)], labels=["Parents"])
    circles = []

    def walk(node):
        for child in getattr(node, "contents", []):
            if isinstance(child, Group):
                walk(child)
            elif isinstance(child, Circle):
                circles.append(child)
    walk(drawing)
    plot = min(480 * 0.62, 290.0)
    (circle,) = [c for c in circles if c.cx < 38 + plot]  # the legend's circle is beside the map
    assert abs(circle.cx - (38 + 3.5 * plot / 5)) < 0.01
    assert abs(circle.cy - (34 + 1.5 * plot / 5)) < 0.01

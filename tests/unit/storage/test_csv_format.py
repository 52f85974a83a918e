"""The stakeholder CSV: the import layout is the export layout, UTF-8 with a BOM."""

import re
from pathlib import Path

from planner.core.model import Category, Contribution, ContributionKind, Side, Stakeholder
from planner.storage.csv_format import parse_stakeholders_csv, stakeholders_to_csv

PLAN_FORMAT = Path(__file__).parents[3] / "docs" / "plan-format.md"


def documented_columns() -> list[str]:
    """The CSV columns, in order, as docs/plan-format.md lists them ("Columns, in order: ...")."""
    text = " ".join(PLAN_FORMAT.read_text(encoding="utf-8").split())
    listed = re.search(r"Columns, in order: `([^`]+)`", text)
    assert listed, "docs/plan-format.md no longer lists the CSV columns"
    return [name.strip() for name in listed.group(1).split(",")]


def test_round_trip_with_welsh_portuguese_french_and_emoji():
    """Names in Welsh, Portuguese and French, emoji and multi-line notes survive a round trip."""
    people = [
        Stakeholder("s1", "Gŵyl Tŷ Ŵyn", organisation="Cymdeithas Ŷd", notes="line one\nline two, \"quoted\""),
        Stakeholder("s2", "Associação de Moradores do Bairro São João", category=Category.COMMUNITY_GROUP,
                    contributions=[Contribution(ContributionKind.TIME, 4, "heures/semaine", "café 😀")]),
        Stakeholder("s3", "Hélène Dupré", category=Category.MANAGER, side_override=Side.COMMUNITY,
                    personal=True, contact="helene@example.org", influence=5, interest=1),
    ]
    text = stakeholders_to_csv(people)
    assert text.splitlines()[0] == "\ufeff" + ",".join(documented_columns())
    result = parse_stakeholders_csv(text)
    assert result.refused == []
    assert result.accepted == people


def test_bad_rows_are_refused_with_reasons_and_good_rows_kept():
    """Each bad row is refused with its number and reason; the good ones are accepted."""
    text = "Name,Category,Influence,Personal\nAna,service user,2,yes\nBen,wizard,3,no\nCai,volunteer,9,no\n,,,\nDee,carer,1,maybe\n"
    result = parse_stakeholders_csv(text, existing_keys={"s1"})
    assert [s.name for s in result.accepted] == ["Ana"]
    assert result.accepted[0].key == "s2" and result.accepted[0].personal
    reasons = dict(result.refused)
    assert "wizard" in reasons[3] and "out of range" in reasons[4] and "yes or no" in reasons[6]


def test_keys_already_in_the_plan_are_refused():
    """A row whose key the plan already uses is refused, not merged."""
    result = parse_stakeholders_csv("key,name\ns1,Ana\n", existing_keys={"s1"})
    assert result.accepted == [] and "already used" in result.refused[0][1]

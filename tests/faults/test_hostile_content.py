"""Hostile text and malformed JSON: a clean FormatError at import, or a plan that stores, checks and prints."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from planner.core.checks import check_plan
from planner.core.model import Stakeholder
from planner.export import ExportOptions, write_pdf
from planner.storage import FormatError, InvalidValue, PlanStore
from planner.storage.json_format import loads

MARKUP = [
    "<b>", "</b>", "<i>bold?</i>", '<img src="/etc/passwd"/>', "<img src=x>", "&amp;", "&lt;",
    "&", "&#0;", "&#xD800;", "&nbsp;", "<para>", "</para>", "<br/>", "<font size=900>", "]]>",
    "<![CDATA[", "<a href='javascript:x'>", "<seq/>", "<onDraw name=x/>", "0.1 <A", "\\", "%s",
    "\x00", "\x07", "\x1b[31m", "\r\n", "\u2028", "\u202e", "\u200f", "\u0645\u0631\u062d\u0628\u0627",
    "\U0001F3F3\ufe0f\u200d\U0001F308", "w\u0302", "\ufeff", "\uffff", "\U0010ffff", "\t",
]
SURROGATES = ["\ud800", "\udfff", "\udc00x", "a\ud83d"]  # lone halves: JSON can carry them

# Arbitrary Unicode (hypothesis leaves out surrogates; a lone one is added on purpose below).
TEXT = st.lists(st.one_of(st.text(max_size=40), st.sampled_from(MARKUP)), max_size=6).map("".join)
NONEMPTY = TEXT.filter(lambda t: t.strip())
CHOICES = {"planning_role": ["none", "consulted", "co", "sole"], "stance": ["champion", "resistant"]}


@st.composite
def documents(draw, text=TEXT, name=NONEMPTY):
    """A plan document whose every text field is hostile text (keys too)."""
    people = draw(st.lists(name, min_size=1, max_size=4, unique=True))
    risks = draw(st.lists(name, max_size=3, unique=True))
    return {
        "format": "coproduction-plan", "format_version": 1,
        "plan": {"title": draw(name), "organisation": draw(text), "service_area": draw(text),
                 "officer": draw(text), "summary": draw(text),
                 "target_cell": {"planning": "co", "delivery": "community"}},
        "stakeholders": [
            {"key": key, "name": draw(name), "organisation": draw(text), "notes": draw(text),
             "contact": draw(text), "personal": draw(st.booleans()),
             "planning_role": draw(st.sampled_from(CHOICES["planning_role"])),
             "stance": draw(st.sampled_from(CHOICES["stance"])),
             "contributions": [{"kind": "time", "amount": 1, "unit": draw(text), "note": draw(text)}]}
            for key in people],
        "risks": [
            {"key": key, "title": draw(name), "description": draw(text), "owner": people[0],
             "trust": {"users": draw(text), "community": draw(text), "professionals": draw(text)},
             "residual_rationale": draw(text), "accepted_residual": True}
            for key in risks],
        "safeguards": [{"key": draw(name), "title": draw(name), "description": draw(text),
                        "owner": people[-1], "mitigates": risks[:1]}],
    }


def through_everything(text: str, folder: Path, personal: bool = False) -> bool:
    """JSON text -> import -> plan file -> load -> plan check -> PDF; False if import refused it."""
    try:
        plan = loads(text)
    except FormatError:
        return False
    path = folder / "plan.coplan"
    PlanStore.create_from(path, plan).close()
    with PlanStore.open(path) as store:
        loaded = store.load()
    loaded.created = loaded.modified = ""
    plan.created = plan.modified = ""
    assert loaded == plan  # storage keeps hostile text exactly
    check_plan(loaded)
    pdf = folder / "plan.pdf"
    write_pdf(loaded, pdf, ExportOptions(include_personal=personal))
    assert pdf.read_bytes().startswith(b"%PDF")
    return True


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(doc=documents(), ascii_only=st.booleans(), personal=st.booleans(), data=st.data())
def test_hostile_text_is_refused_cleanly_or_stored_checked_and_printed(doc, ascii_only, personal, data):
    """Any Unicode and reportlab markup in any field goes all the way to PDF; a lone surrogate is a FormatError."""
    surrogate = data.draw(st.one_of(st.none(), st.sampled_from(SURROGATES)))
    if surrogate is not None:
        doc["stakeholders"][-1]["notes"] += surrogate
    with tempfile.TemporaryDirectory() as folder:
        printed = through_everything(json.dumps(doc, ensure_ascii=ascii_only), Path(folder), personal)
    assert printed == (surrogate is None)


def test_lone_surrogates_are_refused_at_import(tmp_path):
    """JSON can carry a lone surrogate ("\\ud800"); import refuses it, naming the field."""
    doc = {"format": "coproduction-plan", "format_version": 1,
           "plan": {"title": "Library", "summary": "before \ud800 after"}}
    text = json.dumps(doc)  # ensure_ascii writes the escape \\ud800
    assert "\\ud800" in text
    try:
        loads(text)
    except FormatError as error:
        assert error.where == "plan.summary"
    else:
        raise AssertionError("a lone surrogate was accepted")
    assert not through_everything(text, tmp_path)
    assert list(tmp_path.iterdir()) == []


LONG = ("Lorem ipsum <b>dolor</b> & sit amet, \u0175\u0177 \U0001F600 \u202e " * 3000)[:100_000]


def test_hundred_thousand_character_fields_are_stored_and_checked(tmp_path):
    """100,000-character text in every kind of field imports, stores exactly and passes the plan check."""
    doc = {"format": "coproduction-plan", "format_version": 1,
           "plan": {"title": "T" * 100_000, "summary": LONG, "officer": LONG},
           "stakeholders": [{"key": "s1", "name": "N" * 100_000, "notes": LONG, "contact": LONG,
                             "contributions": [{"note": LONG, "unit": LONG}]}],
           "risks": [{"key": "r1", "title": LONG, "description": LONG, "owner": "s1",
                      "trust": {"users": LONG}, "residual_rationale": LONG}],
           "safeguards": [{"key": "g1", "title": LONG, "description": LONG, "mitigates": ["r1"]}]}
    plan = loads(json.dumps(doc))
    PlanStore.create_from(tmp_path / "long.coplan", plan).close()
    with PlanStore.open(tmp_path / "long.coplan") as store:
        loaded = store.load()
    assert loaded.stakeholders[0].notes == LONG and loaded.risks[0].description == LONG
    check_plan(loaded)


@pytest.mark.slow
def test_hundred_thousand_character_fields_print(tmp_path):
    """A 100,000-character summary and stakeholder note (markup, emoji, RTL) print to a PDF."""
    # Two long fields only: the summary alone costs seconds (see docs/performance.md).
    doc = {"format": "coproduction-plan", "format_version": 1,
           "plan": {"title": "Long", "summary": LONG},
           "stakeholders": [{"key": "s1", "name": "Name", "notes": LONG}]}
    assert through_everything(json.dumps(doc), tmp_path)


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4)
    | st.dictionaries(st.text(max_size=12), children, max_size=4),
    max_leaves=30)
FIELDS = ["format", "format_version", "plan", "stakeholders", "risks", "safeguards", "title",
          "key", "name", "owner", "mitigates", "shares", "trust", "contributions", "amount",
          "target_cell", "planning", "delivery", "review_date", "influence", "drivers"]


@st.composite
def near_plans(draw):
    """Documents close to a plan: the right top-level shape, wrong in random places."""
    def obj(depth: int):
        keys = st.sampled_from(FIELDS)
        leaf = JSON if depth > 1 else st.deferred(lambda: obj(depth + 1))
        return st.dictionaries(keys, st.one_of(JSON, leaf, st.lists(leaf, max_size=3)), max_size=6)
    doc = draw(obj(0))
    if draw(st.booleans()):
        doc["format"] = "coproduction-plan"
        doc["format_version"] = draw(st.sampled_from([1, 1, 0, 2, True, "1", 1.0]))
    return doc


@settings(max_examples=150, deadline=None)
@given(doc=st.one_of(JSON, near_plans()))
@example(doc=[[[[[]]]]])
@example(doc={"format": "coproduction-plan", "format_version": 1, "plan": {"title": "x"},
              "stakeholders": [{"key": "s", "name": "n", "contributions": [{"amount": float("nan")}]}]})
def test_malformed_documents_give_only_format_errors(doc):
    """Random and nearly-right JSON documents import as a plan or raise FormatError, nothing else."""
    try:
        text = json.dumps(doc, allow_nan=True)
    except ValueError:
        return
    try:
        loads(text)
    except FormatError as error:
        assert str(error)


@settings(max_examples=60, deadline=None)
@given(text=st.one_of(st.text(max_size=200), st.binary(max_size=200).map(lambda b: b.decode("latin-1")),
                      st.just("[" * 100_000), st.just('{"a":' * 50_000)))
def test_malformed_json_text_gives_only_format_errors(text):
    """Text that is not JSON, or JSON nested a hundred thousand deep, raises FormatError."""
    try:
        loads(text)
    except FormatError as error:
        assert str(error)


def test_lone_surrogates_through_the_store_are_refused_and_leave_nothing(tmp_path):
    """A lone surrogate given to PlanStore directly is a plain InvalidValue; no stray file, the plan unchanged."""
    with pytest.raises(InvalidValue, match="not valid text"):
        PlanStore.create(tmp_path / "new.coplan", "Library \ud800")
    assert list(tmp_path.iterdir()) == []
    with PlanStore.create(tmp_path / "plan.coplan", "Library") as store:
        for edit in (lambda: store.add_stakeholder(Stakeholder("s1", "Name \udc00")),
                     lambda: store.update_plan(summary="\ud800"),
                     lambda: store.update_plan(title="T\ud800")):
            with pytest.raises(InvalidValue, match="not valid text"):
                edit()
        store.add_stakeholder(Stakeholder("s2", "Fine"))  # the store is still usable
        assert [s.key for s in store.load().stakeholders] == ["s2"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.coplan"]


CSV_HEADERS = st.sampled_from([
    "name", "name,organisation,category,influence,interest,notes",
    "key,name,planning_role,delivery_role,stance,personal,contact", "notes", "",
])


@settings(max_examples=50, deadline=None)
@given(header=CSV_HEADERS, body=st.lists(st.lists(st.one_of(TEXT, st.sampled_from(
    ['"', '""', ",", "\n", "\r", "6", "-1", "yes", "co", "s1", "x" * 300])), max_size=8), max_size=6))
def test_hostile_csv_is_sorted_into_accepted_and_refused_rows(header, body):
    """Any CSV text gives accepted stakeholders and refused rows with reasons, or a FormatError; nothing else."""
    from planner.storage.csv_format import parse_stakeholders_csv

    text = header + "\n" + "\n".join(",".join(cells) for cells in body)
    try:
        result = parse_stakeholders_csv(text)
    except FormatError as error:
        assert str(error)
        return
    for number, reason in result.refused:
        assert isinstance(number, int) and reason
    for stakeholder in result.accepted:
        assert stakeholder.name.strip()
    with tempfile.TemporaryDirectory() as folder:  # what was accepted can be stored as it is
        from planner.core.model import Plan

        PlanStore.create_from(Path(folder) / "csv.coplan", Plan("From CSV", stakeholders=result.accepted)).close()

"""Tests for the one redaction every circulated output is made from."""

from __future__ import annotations

import unicodedata

from planner.core.model import (
    Category, Contribution, Plan, Risk, Safeguard, Stakeholder,
)
from planner.core.redaction import WITHHELD, Scrubber, redact, role_labels


def make_plan() -> Plan:
    """Two private individuals whose names and contacts are typed into other free text."""
    return Plan(
        title="Estate lunch club", summary="Siân Prys and Dafydd Hâf asked for a Tuesday club.",
        stakeholders=[
            Stakeholder("s1", "Siân Prys", personal=True, contact="07700 900123, sian@example.org",
                        organisation="12 Acacia Close", notes="Lives alone; call first.",
                        contributions=[Contribution(note="Ring Siân on 07700900123")]),
            Stakeholder("s2", "Dafydd Hâf", category=Category.CARER, personal=True),
            Stakeholder("s3", "Tenants' association", category=Category.COMMUNITY_GROUP,
                        notes="Chair says SIÂN  PRYS will host; Annual meeting in May."),
        ],
        risks=[Risk("r1", "Host falls ill", description="If hâf, dafydd is away, who covers?")],
        safeguards=[Safeguard("g1", "Cover rota", description="Email sian@example.org weekly")],
    )


def test_role_labels_number_people_within_their_category():
    """Private individuals get "Service user 1", "Carer 1" in plan order; groups get none."""
    assert role_labels(make_plan()) == {"s1": "Service user 1", "s2": "Carer 1"}


def test_names_and_contacts_are_replaced_in_every_free_text():
    """A name typed anywhere becomes the role label; a phone or email becomes [withheld]."""
    safe = redact(make_plan())
    assert safe.summary == "Service user 1 and Carer 1 asked for a Tuesday club."
    assert safe.stakeholders[2].notes.startswith("Chair says Service user 1 will host")
    assert safe.risks[0].description == "If Carer 1 is away, who covers?"
    assert safe.safeguards[0].description == f"Email {WITHHELD} weekly"


def test_decomposed_spelling_is_matched_too():
    """A name typed with decomposed accents (NFD) is found as the composed one is."""
    plan = make_plan()
    plan.summary = unicodedata.normalize("NFD", "Met siân   prys today")
    assert redact(plan).summary == "Met Service user 1 today"


def test_private_individuals_keep_figures_and_lose_identity():
    """Their role label, category and contribution amounts stay; contact, address, notes go."""
    plan = make_plan()
    plan.stakeholders[0].contributions[0].amount = 4
    person = redact(plan).stakeholders[0]
    assert (person.name, person.contact, person.organisation, person.notes) == (
        "Service user 1", "", "", "")
    assert person.contributions[0].amount == 4 and person.contributions[0].note == ""


def test_whole_words_only_and_the_plan_itself_is_untouched():
    """Hiding a name leaves longer words alone, and redact works on a copy."""
    plan = make_plan()
    plan.stakeholders.append(Stakeholder("s4", "Ann", personal=True))
    plan.summary = "Annual review with Ann."
    assert redact(plan).summary == "Annual review with Service user 2."
    assert plan.summary == "Annual review with Ann."


def test_an_organisation_without_a_number_is_not_treated_as_an_address():
    """A volunteer's real group name stays in other text; an address with a number does not."""
    plan = Plan(title="t", summary="The Village Shop and 12 Acacia Close", stakeholders=[
        Stakeholder("s1", "Jo Bloggs", category=Category.VOLUNTEER, personal=True,
                    organisation="The Village Shop"),
        Stakeholder("s2", "Al Smith", personal=True, organisation="12 Acacia Close")])
    assert Scrubber(plan)(plan.summary) == f"The Village Shop and {WITHHELD}"


def test_skipping_texts_without_a_name_changes_nothing():
    """The quick check that skips texts with no name in them gives what the full search gives."""
    plan = Plan("P", stakeholders=[
        Stakeholder("a", "Ann Weiß", personal=True, contact="07700 900123, ann@example.org"),
        Stakeholder("b", "Łukasz Nowak", personal=True),
    ])
    scrub = Scrubber(plan)
    texts = ["Annual report", "ANN WEISS came", "ann  weiß came", "Weiß, Ann wrote",
             "call 07700-900-123", "mail ANN@EXAMPLE.ORG", "Łukasz helps", "łukasz nowak",
             "Lukasz Nowak", "nothing here", "(Ann Weiß)", "Anna Weiß"]
    full = scrub._pattern
    for text in texts:
        expected = full.sub(scrub._replace, text)
        assert scrub(text) == expected, text


def test_the_record_is_redacted_and_snapshots_never_circulate():
    """Names typed into the log and actions become role labels; an agreed version's snapshot is dropped."""
    from planner.core.model import Action, Engagement, Version

    plan = Plan(title="Club", stakeholders=[Stakeholder("s1", "Gwen Ŵyn", personal=True, contact="07700 900123")],
                engagements=[Engagement("e1", "Talk with Gwen Ŵyn", participants=["s1"], raised="Gwen Ŵyn asked",
                                        response="Rang 07700 900123", reason="Gwen Ŵyn agreed")],
                actions=[Action("a1", "Call Gwen Ŵyn back", owner="s1")],
                versions=[Version("v1", "March", "2027-03-03", {"stakeholders": [{"name": "Gwen Ŵyn"}]})])
    safe = redact(plan)
    entry = safe.engagements[0]
    assert (entry.title, entry.raised, entry.response, entry.reason) == (
        "Talk with Service user 1", "Service user 1 asked", "Rang [withheld]", "Service user 1 agreed")
    assert safe.actions[0].title == "Call Service user 1 back" and entry.participants == ["s1"]
    assert safe.versions[0].snapshot == {} and safe.versions[0].label == "March"
    assert plan.versions[0].snapshot  # the plan itself is untouched


def test_a_list_of_texts_is_scrubbed_too():
    """A private name typed into what the meeting is asked to do is replaced, drivers untouched."""
    from planner.core.model import Driver, Plan, Stakeholder
    from planner.core.redaction import redact

    plan = Plan("P", drivers=[Driver.GOVERNANCE],
                stakeholders=[Stakeholder("s1", "Gwenllian Ŵyn", personal=True)],
                decisions=["Agree the plan", "Thank Gwenllian Ŵyn for her time"])
    safe = redact(plan)
    assert safe.decisions == ["Agree the plan", "Thank Service user 1 for her time"]
    assert safe.drivers == [Driver.GOVERNANCE]
    assert plan.decisions[1] == "Thank Gwenllian Ŵyn for her time"


def test_a_name_inside_a_longer_word_does_not_hide_the_next_name():
    """In a list, a short name's 'Last, First' form inside another word never shields the next name."""
    plan = Plan("P", stakeholders=[Stakeholder("a", "Person 9", personal=True),
                                   Stakeholder("b", "Person 930", personal=True)])
    scrub = Scrubber(plan)
    assert "Person 930" not in scrub("Group 929, Person 930, Group 968")
    assert scrub("Group 929, Person 930") == "Group 929, Service user 2"


def test_a_first_name_or_surname_alone_is_hidden_but_not_ordinary_words():
    """"Suggested by Margaret" and "JONES said" are hidden; "May 2027" and "will" are not."""
    plan = Plan(title="t", stakeholders=[
        Stakeholder("s1", "Margaret Okonkwo-Henderson", category=Category.CARER, personal=True),
        Stakeholder("s2", "Will May", personal=True),
        Stakeholder("s3", "Ann Jones", personal=True), Stakeholder("s4", "Ann Smith", personal=True)])
    scrub = Scrubber(plan)
    assert scrub("Suggested by Margaret.") == "Suggested by Carer 1."
    assert scrub("Okonkwo-Henderson agreed") == "Carer 1 agreed"
    assert scrub("Will May host? Will said yes; we will meet in May 2027.") == (
        "Service user 1 host? Service user 1 said yes; we will meet in May 2027.")
    assert scrub("JONES said Ann would come") == f"Service user 2 said {WITHHELD} would come"


def test_a_surname_that_is_also_the_places_name_is_not_hidden_alone():
    """"Tŷ Ŵyn" in the plan's title stays when a resident's surname is Ŵyn; the full name goes."""
    plan = Plan(title="Gŵyl Tŷ Ŵyn", summary="Gwenllian Ŵyn runs Gŵyl Tŷ Ŵyn; Gwenllian agreed.",
                stakeholders=[Stakeholder("s1", "Gwenllian Ŵyn", personal=True)])
    assert redact(plan).summary == "Service user 1 runs Gŵyl Tŷ Ŵyn; Service user 1 agreed."
    assert redact(plan).title == "Gŵyl Tŷ Ŵyn"

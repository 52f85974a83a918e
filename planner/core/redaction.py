"""The one redaction: what a plan looks like when it leaves the app for circulation.

Every output meant for people outside the officer's team (the default PDF, the Word document,
the portfolio) is made from ``redact(plan)``, never from the plan itself, so no exporter can
forget a field: a private individual appears only by a role label ("Service user 1"), their
contact, organisation (often an address) and notes are gone, and their name or contact typed
into anyone's free text (summary, notes, risk and safeguard descriptions, contribution notes) is
replaced by that role label.
"""

from __future__ import annotations

import copy
import dataclasses
import re
import unicodedata
from enum import Enum

from planner.core.checks import Finding, check_plan
from planner.core.fields import Children, specs
from planner.core.model import Contribution, Plan, Stakeholder, label

WITHHELD = "[withheld]"

# Contact details are split into the pieces a person might type elsewhere: an email address,
# a phone number, a line of an address.
_CONTACT_SPLIT = re.compile(r"[,;\n/|]+")
_DIGITS = re.compile(r"\d")
_SEPARATORS = r"[\s\-.()]*"
_TOKEN = re.compile(r"[^\W_]+")  # a run of letters and digits, as isalnum() counts them


def normal(text: str) -> str:
    """Text in the one form all matching uses: composed (NFC) accents."""
    return unicodedata.normalize("NFC", text or "")


def role_labels(plan: Plan) -> dict[str, str]:
    """Role label of each private individual by key: "Service user 1", "Carer 2", numbered in
    plan order within their category, the same numbering every output uses."""
    counters: dict[str, int] = {}
    labels: dict[str, str] = {}
    for person in plan.stakeholders:
        if person.personal and person.key not in labels:
            category = label(person.category)
            counters[category] = counters.get(category, 0) + 1
            labels[person.key] = f"{category} {counters[category]}"
    return labels


def _words_pattern(text: str) -> str | None:
    """A pattern for a name or phrase that ignores case and how much space is between words."""
    words = normal(text).split()
    if not words:
        return None
    return r"\s+".join(re.escape(word) for word in words)


def _phone_pattern(text: str) -> str | None:
    """A pattern for a phone number written with or without spaces, dashes or brackets."""
    digits = _DIGITS.findall(text)
    if len(digits) < 6:  # shorter runs of digits are house numbers or amounts, not phones
        return None
    return _SEPARATORS.join(digits)


# Words that can stand in a name but also in ordinary text, never hidden on their own.
_NOT_NAMES = {
    "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "dame", "rev", "cllr", "the", "and",
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday",
}


def _canonical(text: str) -> str:
    """The form two spellings of one name share: composed, case-folded, single-spaced."""
    return " ".join(normal(text).casefold().split())


def _public_words(plan: Plan) -> set[str]:
    """Words of the plan's own title and setting and of groups' names: place and group names
    (a surname that is also the village's name), never hidden on their own."""
    texts = [plan.title, plan.organisation, plan.service_area]
    texts += [t for s in plan.stakeholders if not s.personal for t in (s.name, s.organisation)]
    return {_canonical(w.strip(".,;:'\"()")) for text in texts for w in normal(text).split()}


def _identifiers(person: Stakeholder, role: str, public: frozenset[str] = frozenset()) -> list[tuple[str, str, str]]:
    """(pattern, canonical form, replacement) for what identifies this private individual.

    Names become the role label; contact details and an organisation that is an address
    (it has a number in it: "12 Acacia Close") become [withheld]. An organisation without a
    number is usually a real group (the village shop a volunteer helps in) and stays.
    """
    found = []
    words = normal(person.name).split()
    phrases = {" ".join(words), " ".join(words[:1] + words[-1:])}
    if len(words) >= 2:  # "Jones, Ann" as a register would write it
        phrases.add(f"{words[-1]}, {words[0]}")
    for phrase in phrases:
        if len(phrase) >= 2:
            found.append((_words_pattern(phrase), _canonical(phrase), role))
    # A first name or surname on its own ("Suggested by Margaret") identifies a person on a
    # small estate too. Matched only as a capitalised word (or in capitals), so "May" the
    # month and "will" the verb are left alone; titles and short words are not names.
    for word in words if len(words) >= 2 else ():
        bare = word.strip(".,;:'\"()")
        if (len(bare) >= 3 and bare.casefold() not in _NOT_NAMES and bare[:1].isupper()
                and _canonical(bare) not in public):
            found.append((f"(?-i:{re.escape(bare)}|{re.escape(bare.upper())})", _canonical(bare), role))
    pieces = _CONTACT_SPLIT.split(person.contact or "")
    if _DIGITS.search(person.organisation or ""):
        pieces.append(person.organisation)
    for piece in (p.strip() for p in pieces):
        if len(piece) < 3:
            continue
        found.append((_words_pattern(piece), _canonical(piece), WITHHELD))
        phone = _phone_pattern(piece)
        if phone and not any(ch.isalpha() for ch in piece):
            found.append((phone, "".join(_DIGITS.findall(piece)), WITHHELD))
    return [item for item in found if item[0]]


class Scrubber:
    """Replaces every private individual's name and contact inside free text."""

    def __init__(self, plan: Plan, only: set[str] | None = None):
        """Hide every private individual of the plan, or only the stakeholders keyed in ``only``
        (an erase hides one person, private or not, under the label the whole plan gives them)."""
        self.labels = role_labels(plan)
        found: list[tuple[str, str, str]] = []
        public = frozenset(_public_words(plan))
        for person in plan.stakeholders:
            if person.personal if only is None else person.key in only:
                role = self.labels.setdefault(person.key, f"{label(person.category)} (name withheld)")
                found += _identifiers(person, role, public)
        # Longest first, so "Ann Jones" is replaced whole before "Ann" could be.
        found.sort(key=lambda item: len(item[1]), reverse=True)
        targets: dict[str, set[str]] = {}
        for _, canonical, target in found:
            targets.setdefault(canonical, set()).add(target)
        # A first name two people share cannot say which of them is meant.
        self._replacement = {canonical: (next(iter(t)) if len(t) == 1 else WITHHELD)
                             for canonical, t in targets.items()}
        # Whole words only, in the pattern itself: a match that starts or ends inside a word
        # ("9, Person" inside "929, Person 930") would otherwise be consumed and refused, and
        # the real name just after it ("Person 930") never looked at.
        self._pattern = re.compile(
            "(?<![^\\W_])(?:" + "|".join(f"(?:{pattern})" for pattern, _, _ in found)
            + ")(?![^\\W_])", re.IGNORECASE
        ) if found else None
        # A whole-word match starts with the first word-token of its identifier, whole: a text
        # holding none of those tokens cannot match, and skipping it saves running the long
        # alternation (slow in Python's re) over thousands of texts in a large plan. Phone
        # patterns allow separators between any digits, so a text with a digit always runs.
        firsts = [_TOKEN.search(canonical) for _, canonical, _ in found]
        self._first_tokens = {m.group(0) for m in firsts if m}
        self._phones = any(not any(ch.isalpha() for ch in canonical) for _, canonical, _ in found)
        self._always = any(m is None for m in firsts)  # nothing to look for: always run

    def __call__(self, text: str) -> str:
        """The text with every private individual replaced by their role label."""
        if not text or self._pattern is None:
            return text
        text = normal(text)
        if (not self._always and not (self._phones and _DIGITS.search(text))
                and self._first_tokens.isdisjoint(_TOKEN.findall(text.casefold()))):
            return text
        return self._pattern.sub(self._replace, text)

    def _replace(self, match: re.Match) -> str:
        found = match.group(0)
        # Whole words only: hiding "Ann" must leave "Annual" alone.
        before = match.string[match.start() - 1: match.start()]
        after = match.string[match.end(): match.end() + 1]
        if (before and before.isalnum()) or (after and after.isalnum()):
            return found
        return (self._replacement.get(_canonical(found))
                or self._replacement.get("".join(_DIGITS.findall(found)))
                or WITHHELD)


# Strings that are references or dates, not text a person typed.
_NOT_TEXT = {"key", "owner", "risk", "safeguard", "engagement", "date", "due", "review_date",
             "created", "modified", "consent_given_on", "consent_withdrawn_on", "retain_until"}


def scrub_texts(obj, scrub) -> None:
    """Scrub every free-text field of a dataclass (and of the dataclasses it holds) in place."""
    for item in dataclasses.fields(obj):
        value = getattr(obj, item.name)
        if isinstance(value, str) and not isinstance(value, Enum) and item.name not in _NOT_TEXT:
            setattr(obj, item.name, scrub(value))
        elif dataclasses.is_dataclass(value):
            scrub_texts(value, scrub)
        elif isinstance(value, list):
            for index, element in enumerate(value):
                if dataclasses.is_dataclass(element):
                    scrub_texts(element, scrub)
                elif isinstance(element, str) and not isinstance(element, Enum):
                    value[index] = scrub(element)  # a list of texts: what the meeting decides


def anonymise_person(person: Stakeholder, role: str) -> None:
    """Strip a private individual to what the plan's figures need."""
    # Every field declared personal (organisation, contact, notes, consent, retention, needs)
    # goes back to its default; the name becomes the role label.
    for spec in specs(Stakeholder):
        if spec.personal and not isinstance(spec.kind, Children):
            setattr(person, spec.name, spec.fresh_default())
    person.name = role
    for contribution in person.contributions:
        for spec in specs(Contribution):
            if spec.personal:
                setattr(contribution, spec.name, spec.fresh_default())


def redact(plan: Plan) -> Plan:
    """A copy of the plan fit to circulate; the plan itself is not changed.

    Private individuals keep their category, side, roles, scores and contributions' amounts
    (the plan's figures need them) under a role label; everything that identifies them goes, in
    their own fields and wherever their name or contact was typed into other free text.
    """
    safe = copy.deepcopy(plan)
    scrub = Scrubber(plan)
    scrub_texts(safe, scrub)
    for person in safe.stakeholders:
        if person.personal:
            anonymise_person(person, scrub.labels[person.key])
    for version in getattr(safe, "versions", []):
        # A snapshot is the whole plan as it was, unredacted: it never circulates. Outputs that
        # show what changed compare the real plans and scrub the result.
        version.snapshot = {}
    return safe


# Findings whose message states the officer's judgement of a named stakeholder (their stance),
# and the message a copy that leaves those judgements out prints instead.
JUDGEMENT_FINDINGS = {
    "professional-resistance": (
        "An influential professional may resist sharing power, and no training or role "
        "agreement is aimed at them (the officer's internal analysis names them). Add training "
        "in working with users and communities, or an agreement on who decides what."),
}


def shows_analysis(person: Stakeholder, analysis: str) -> bool:
    """Whether a copy with this ``analysis`` choice ("none", "groups", "all") shows the officer's
    stance and influence/interest for ``person``."""
    return analysis == "all" or (analysis == "groups" and not person.personal)


def for_circulation(plan: Plan, include_personal: bool,
                    analysis: str = "all") -> tuple[Plan, list[Finding]]:
    """The plan and its plan-check findings as an output may show them.

    With ``include_personal`` (the copy marked "not for circulation") they are as they are;
    otherwise the plan is ``redact(plan)`` and each finding's message is scrubbed the same way.
    The findings are those of the real plan, since redaction empties fields the checks read.
    A finding that states the officer's judgement of a stakeholder whose analysis this copy
    leaves out (``analysis``, see ``shows_analysis``) says what to do without naming them.
    """
    findings = check_plan(plan)
    if include_personal:
        return plan, findings
    scrub = Scrubber(plan)

    def safe(f: Finding) -> Finding:
        person = plan.stakeholder(f.target_key) if f.target_type == "stakeholder" else None
        if f.rule in JUDGEMENT_FINDINGS and person is not None and not shows_analysis(person, analysis):
            return dataclasses.replace(f, message=JUDGEMENT_FINDINGS[f.rule])
        return dataclasses.replace(f, message=scrub(f.message))

    return redact(plan), [safe(f) for f in findings]

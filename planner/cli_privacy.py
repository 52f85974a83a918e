"""The ``coplanner`` commands for the people a plan names: erase, anonymise, person (subject access)."""

from __future__ import annotations

import json
from pathlib import Path

from planner.cli_common import UsageError, load, write_file
from planner.storage import PlanStore


def add_parsers(sub) -> None:
    """The data-protection subcommands."""
    era = sub.add_parser("erase", help="remove a person and every trace of them from a plan file (cannot be undone)")
    era.add_argument("plan", type=Path, metavar="PLAN.coplan")
    era.add_argument("--stakeholder", required=True, metavar="KEY")
    ano = sub.add_parser("anonymise", help="keep a person as a role label with their contributions; clear the rest")
    ano.add_argument("plan", type=Path, metavar="PLAN.coplan")
    ano.add_argument("--stakeholder", required=True, metavar="KEY")
    per = sub.add_parser("person", help="write everything a plan holds about one person as JSON (subject access)")
    per.add_argument("plan", type=Path, metavar="PLAN.coplan")
    per.add_argument("--stakeholder", required=True, metavar="KEY")
    per.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.json")


def forget(args) -> int:
    """``coplanner erase`` and ``coplanner anonymise``."""
    from planner.storage.erase import anonymise_stakeholder, erase_stakeholder

    forget = erase_stakeholder if args.command == "erase" else anonymise_stakeholder
    with PlanStore.open(args.plan) as store:
        done = forget(store, args.stakeholder)
    verb = "Erased" if args.command == "erase" else "Anonymised"
    print(f"{verb} {done.label} ({args.stakeholder}) in {args.plan}; their name or contact was "
          f"replaced in {done.texts_changed} other text field(s) and {done.versions_changed} agreed version(s).")
    if done.owners_cleared:
        print(f"These now have no owner: {', '.join(done.owners_cleared)}.")
    return 0


def person(args) -> int:
    """``coplanner person``: everything the plan holds about one person, as JSON."""
    from planner.core.subject_access import subject_access

    if args.output.suffix.lower() != ".json":
        raise UsageError(f"{args.output}: the record is written as a .json file")
    plan = load(args.plan)
    record = subject_access(plan, args.stakeholder)
    if record is None:
        known = ", ".join(s.key for s in plan.stakeholders) or "none"
        raise UsageError(f"{args.plan}: no stakeholder {args.stakeholder!r} (keys: {known})")
    write_file(args.output, json.dumps(record, ensure_ascii=False, indent=2).encode("utf-8"))
    print(f"Wrote {args.output}")
    return 0

"""The ``coplanner`` commands of the partnership's record: agree, versions, changes."""

from __future__ import annotations

import json
from pathlib import Path

from planner.core.changes import compare
from planner.core.dates import long_date
from planner.storage import PlanStore
from planner.storage.errors import NotFound
from planner.storage.record_edits import snapshot_plan, unknown_version


def add_parsers(sub) -> None:
    """The record's subcommands."""
    agr = sub.add_parser("agree", help="store the plan as it is now as the version the partnership agreed")
    agr.add_argument("plan", type=Path, metavar="PLAN.coplan")
    agr.add_argument("--label", required=True, metavar="TEXT", help='e.g. "Partnership meeting, 3 March 2027"')
    agr.add_argument("--date", metavar="YYYY-MM-DD", help="the date it was agreed (default: today)")
    ver = sub.add_parser("versions", help="list the versions the partnership agreed")
    ver.add_argument("plan", type=Path, metavar="PLAN.coplan")
    ver.add_argument("--json", action="store_true", help="print them as JSON")
    chg = sub.add_parser("changes", help="what changed since an agreed version (until another, or now)")
    chg.add_argument("plan", type=Path, metavar="PLAN.coplan")
    chg.add_argument("--since", required=True, metavar="LABEL")
    chg.add_argument("--until", metavar="LABEL", help="another agreed version (default: the plan now)")
    chg.add_argument("--json", action="store_true", help="print the changes as JSON")


def agree(args) -> int:
    """``coplanner agree``."""
    with PlanStore.open(args.plan) as store:
        version = store.agree(args.label, args.date)
    print(f"Agreed version \u201c{version.label}\u201d of {long_date(version.date)} stored in {args.plan}")
    return 0


def versions(args, load) -> int:
    """``coplanner versions``."""
    plan = load(args.plan)
    if args.json:
        print(json.dumps([{"label": v.label, "date": v.date} for v in plan.versions], ensure_ascii=False, indent=2))
    elif not plan.versions:
        print("No agreed versions yet: use 'coplanner agree' when the partnership agrees the plan.")
    else:
        for v in plan.versions:
            print(f"{long_date(v.date, ''):17}  {v.label}")
    return 0


def version_plan(plan, label: str):
    """The plan an agreed version holds, or NotFound naming the labels there are."""
    found = plan.version(label)
    if found is None:
        raise NotFound(unknown_version(label, plan.versions), label)
    return snapshot_plan(found)


def agreed(plan, label: str):
    """The plan an agreed version holds, with the line its pages carry ("Version agreed at … on …")."""
    from planner.export.record import version_line

    return version_plan(plan, label), version_line(plan.version(label))


def changes(args, load) -> int:
    """``coplanner changes``."""
    plan = load(args.plan)
    old = version_plan(plan, args.since)
    new = version_plan(plan, args.until) if args.until else plan
    found = compare(old, new)
    if args.json:
        print(json.dumps([{"change": d.kind, "register": d.register, "key": d.key, "what": d.what,
                           "details": list(d.details), "text": d.text} for d in found],
                         ensure_ascii=False, indent=2))
    elif not found:
        print(f"Nothing has changed since \u201c{args.since}\u201d.")
    else:
        for d in found:
            print(d.text)
    return 0

"""The ``coplanner`` command line: parse, call storage/export/core, print, exit code.

Exit status: 0 done, 1 ``check`` found errors, 2 bad input (one ``coplanner: error:`` line).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from planner import __version__, cli_privacy, cli_record
from planner.cli_common import Parser, UsageError, load, printable, read_text, write_file
from planner.core import wording
from planner.core.article import ARTICLE
from planner.core.checks import Severity, check_plan
from planner.core.model import Plan
from planner.core.paper import DEFAULT_PAPER, PAPERS, paper_choices
from planner.storage import FormatError, PlanError, PlanLocked, PlanStore
from planner.storage.atomic import target_mode, temporary_beside
from planner.storage.csv_format import stakeholders_to_csv
from planner.storage.json_format import dumps, loads
from planner.storage.lock import PlanLock

COMMANDS = ("new", "import", "export", "check", "guidance", "example", "erase", "anonymise", "person",
            "portfolio", "agree", "versions", "changes")


def _parser() -> argparse.ArgumentParser:
    parser = Parser(prog="coplanner", description="Coproduction Planner: plan public services with the people who use them.",
                    epilog=f"Everything it teaches is cited to {ARTICLE}")
    parser.add_argument("--version", action="version", version=f"coplanner {__version__}")
    sub = parser.add_subparsers(dest="command", parser_class=Parser, metavar="COMMAND")
    new = sub.add_parser("new", help="create an empty plan file")
    new.add_argument("plan", type=Path, metavar="PLAN.coplan")
    new.add_argument("--title", required=True)
    imp = sub.add_parser("import", help="make a plan file from JSON (a whole plan) or CSV (stakeholders)")
    imp.add_argument("source", type=Path, metavar="SOURCE.json|SOURCE.csv")
    imp.add_argument("-o", "--output", type=Path, required=True, metavar="PLAN.coplan")
    imp.add_argument("--force", action="store_true", help="replace the output file if it exists")
    imp.add_argument("--column", action="append", default=[], metavar="HEADER=FIELD",
                     help='for a CSV: put a column into a field (e.g. "Mobile=contact"), or leave it out ("Age=-")')
    exp = sub.add_parser("export", help="write a plan as JSON, CSV (stakeholders), PDF or Word (.docx)")
    exp.add_argument("plan", type=Path, metavar="PLAN.coplan")
    exp.add_argument("-o", "--output", type=Path, required=True, metavar="OUT.json|OUT.csv|OUT.pdf|OUT.docx")
    exp.add_argument("--paper", choices=tuple(PAPERS), default=DEFAULT_PAPER, help=f"paper size: {paper_choices()} (default {PAPERS[DEFAULT_PAPER].name})")
    exp.add_argument("--include-personal", action="store_true", help="print names and contacts of private individuals (not for circulation)")
    exp.add_argument("--analysis", choices=("none", "groups", "all"), default="none",
                     help="your stance and influence/interest judgements of named partners: left out "
                          "(none, the default for circulation), for groups and organisations only, or "
                          "all (an internal analysis); a copy with personal data shows them all")
    exp.add_argument("--status", default="", help='status line on the cover, e.g. "Draft for the partnership meeting of 3 March"')
    exp.add_argument("--full", action="store_true", help="print a large plan's full registers as an annex (the default paper summarises them)")
    exp.add_argument("--sign-off-reason", default="", metavar="TEXT", help="put the plan for signature although must-fix findings remain, for this reason (printed on the sign-off page)")
    exp.add_argument("--easy-read", action="store_true", help="write the easy-read summary (a PDF) instead of the full plan")
    exp.add_argument("--language", choices=("en-GB", "cy"), default="en-GB", help="language of a Word document (en-GB or cy)")
    exp.add_argument("--version", dest="agreed", metavar="LABEL", help="export the version the partnership agreed under this label")
    chk = sub.add_parser("check", help="check a plan for gaps and inconsistencies")
    chk.add_argument("plan", type=Path, metavar="PLAN.coplan")
    chk.add_argument("--json", action="store_true", help="print the findings as JSON")
    gui = sub.add_parser("guidance", help="print the article's guidance for a matrix cell")
    gui.add_argument("cell", nargs="?", metavar="CELL", help="planning/delivery, e.g. co/community")
    exa = sub.add_parser("example", help="create a plan file from one of the article's case studies")
    exa.add_argument("name", nargs="?", metavar="NAME")
    exa.add_argument("-o", "--output", type=Path, metavar="PLAN.coplan")
    exa.add_argument("--force", action="store_true", help="replace the output file if it exists")
    _portfolio_parser(sub)
    cli_privacy.add_parsers(sub)
    cli_record.add_parsers(sub)
    return parser


def _portfolio_parser(sub) -> None:
    port = sub.add_parser("portfolio", help="publish many plans to one read-only portfolio served by Datasette")
    action = port.add_subparsers(dest="portfolio_command", parser_class=Parser, metavar="ACTION")
    bld = action.add_parser("build", help="build or update a portfolio database from every plan under some folders")
    bld.add_argument("folders", type=Path, nargs="+", metavar="FOLDER")
    bld.add_argument("-o", "--output", type=Path, required=True, metavar="PORTFOLIO.db")
    bld.add_argument("--full", action="store_true", help="read every plan again, changed or not")
    srv = action.add_parser("serve", help="serve a portfolio read-only with Datasette")
    srv.add_argument("database", type=Path, metavar="PORTFOLIO.db")
    srv.add_argument("--port", type=int, default=8001)
    srv.add_argument("--host", default="127.0.0.1", help="address to listen on (default: this computer only)")
    meta = action.add_parser("metadata", help="print the Datasette metadata, to run 'datasette serve' yourself")
    meta.add_argument("database", type=Path, metavar="PORTFOLIO.db")


def _create_plan_file(output: Path, plan: Plan, force: bool) -> None:
    """Write ``plan`` as a new plan file; with ``force`` replace an existing one not in use."""
    if output.suffix != ".coplan":
        raise UsageError(f"{output}: a plan file must end in .coplan")
    if output.is_dir():
        raise UsageError(f"{output}: is a folder")
    if output.exists() and not force:
        raise UsageError(f"{output}: already exists; use --force to replace it")
    guard = PlanLock(output)  # refuses a plan open for editing; clears a crash's stale lock
    try:
        guard.acquire()
    except PlanLocked as error:
        raise UsageError(f"{output}: is open for editing by {error.holder}; close it there first") from None
    try:
        temp = temporary_beside(output, ".coplan", "new")
        temp.unlink()
        PlanStore.create_from(temp, plan).close()
        try:
            os.chmod(temp, target_mode(output))
            os.replace(temp, output)
        except OSError as error:
            temp.unlink(missing_ok=True)
            raise UsageError(f"{output}: could not be written ({error.strerror})") from None
    finally:
        guard.release()


def _cmd_new(args) -> int:
    if args.plan.suffix != ".coplan":
        raise UsageError(f"{args.plan}: a plan file must end in .coplan")
    PlanStore.create(args.plan, args.title).close()
    print(f"Created {args.plan}")
    return 0


def _csv_stakeholders(args) -> list:
    """The stakeholders of a CSV import, its columns matched as in the app; says what it leaves out."""
    from planner.storage.csv_columns import COLUMNS, normalise_header, read_stakeholders, read_table

    read_text(args.source, check_only=True)
    table = read_table(args.source.read_bytes())
    columns = list(table.columns)
    for choice in args.column:
        header, _, target = choice.partition("=")
        wanted = [i for i, h in enumerate(table.headers) if h.casefold() == header.strip().casefold()]
        if not wanted:
            raise UsageError(f"{args.source}: --column {choice}: the file has no column "
                             f"\u201c{header.strip()}\u201d (its columns: {', '.join(table.headers)})")
        target = target.strip().lower().replace(" ", "_")
        if target not in (*COLUMNS, "-", ""):
            raise UsageError(f"--column {choice}: {target!r} is not a field; the fields are "
                             f"{', '.join(COLUMNS)}, or - to leave the column out")
        for i in wanted:
            columns[i] = None if target in ("-", "") else target
    result = read_stakeholders(table, columns)
    if result.refused:
        number, reason = result.refused[0]
        raise UsageError(f"{args.source}: row {number}: {reason}")
    renamed = [f"{h} \u2192 {c}" for h, c in zip(table.headers, columns)
               if c is not None and normalise_header(h) != c]
    if renamed:
        print(f"Columns matched: {', '.join(renamed)}")
    ignored = [h for h, c in zip(table.headers, columns) if c is None]
    if ignored:
        print("Left out: " + ", ".join(f"\u201c{h}\u201d" for h in ignored)
              + '; to keep a column, add --column "HEADER=FIELD"')
    if table.encoding != "UTF-8" or table.separator != ",":
        separator = {";": "semicolons", "\t": "tabs"}.get(table.separator, "commas")
        print(f"Read as {table.encoding} text separated by {separator}")
    return result.accepted


def _cmd_import(args) -> int:
    suffix = args.source.suffix.lower()
    if suffix not in (".json", ".csv"):
        raise UsageError(f"{args.source}: import reads .json or .csv files")
    if suffix == ".json":
        plan = loads(read_text(args.source))
    else:
        plan = Plan(title=args.source.stem, stakeholders=_csv_stakeholders(args))
    _create_plan_file(args.output, plan, args.force)
    print(f"Created {args.output} with {len(plan.stakeholders)} stakeholders, {len(plan.risks)} risks "
          f"and {len(plan.safeguards)} safeguards")
    return 0


def _cmd_export(args) -> int:
    suffix = args.output.suffix.lower()
    if suffix not in (".json", ".csv", ".pdf", ".docx"):
        raise UsageError(f"{args.output}: export writes .json, .csv, .pdf or .docx files")
    if args.output.is_dir():
        raise UsageError(f"{args.output}: is a folder")
    if args.easy_read and suffix != ".pdf":
        raise UsageError(f"{args.output}: the easy-read summary is a PDF; name it .pdf")
    if args.easy_read and args.include_personal:
        raise UsageError("the easy-read summary is for sharing widely and never names private "
                         "individuals; leave out --include-personal")
    plan = load(args.plan)
    args.agreed_line = ""
    if args.agreed is not None:
        plan, args.agreed_line = cli_record.agreed(plan, args.agreed)
    people = len({s.key for s in plan.stakeholders if s.personal}  # agreed versions' people too
                 | {s.get("key") for v in plan.versions for s in v.snapshot.get("stakeholders", []) if s.get("personal")})
    if suffix in (".json", ".csv") and people and not args.include_personal:
        # A JSON or CSV copy is the whole record (a backup, a spreadsheet), never redacted:
        # the choice to write one is made afresh each time, as for a PDF with personal data.
        raise UsageError(
            f"{args.plan} names {people} private individual{'s' if people != 1 else ''}, and a "
            f"{suffix[1:].upper()} copy holds everything about them: add --include-personal to "
            "confirm it is for your own use (not for circulation), or export a PDF or Word "
            "document to share")
    if suffix == ".json":
        write_file(args.output, dumps(plan).encode("utf-8"))
    elif suffix == ".csv":
        write_file(args.output, stakeholders_to_csv(plan.stakeholders).encode("utf-8"))
    elif suffix == ".docx":
        _export_docx(plan, args)
    elif args.easy_read:
        _export_easy_read(plan, args)
    else:
        _export_pdf(plan, args)
    print(f"Wrote {args.output}")
    return 0


def _export_options(plan: Plan, args):
    """The PDF's and the Word document's options from the command line (one set for both)."""
    from planner.export import ExportOptions
    from planner.guidance import load_library

    appendix = (load_library().appendix_for(plan.target_cell, plan.risks)
                if plan.target_cell else None)
    return ExportOptions(paper=args.paper, include_personal=args.include_personal,
                         status=args.status, appendix=appendix, full=args.full,
                         sign_off_reason=args.sign_off_reason, analysis=args.analysis,
                         agreed=args.agreed_line)


def _export_pdf(plan: Plan, args) -> None:
    from planner.export import ExportError, write_pdf

    try:
        write_pdf(plan, args.output, _export_options(plan, args))
    except ExportError as error:
        raise UsageError(f"{args.output}: {error}") from None


def _export_easy_read(plan: Plan, args) -> None:
    from planner.export import ExportError
    from planner.export.easy_read import write_easy_read

    try:
        write_easy_read(plan, args.output)
    except ExportError as error:
        raise UsageError(f"{args.output}: {error}") from None


def _export_docx(plan: Plan, args) -> None:
    from planner.export import ExportError
    from planner.export.word import write_docx

    try:
        write_docx(plan, args.output, _export_options(plan, args), language=args.language)
    except ExportError as error:
        raise UsageError(f"{args.output}: {error}") from None


def _cmd_check(args) -> int:
    findings = check_plan(load(args.plan))
    if args.json:
        print(json.dumps([f.as_dict() for f in findings], ensure_ascii=False, indent=2))
    elif not findings:
        print(wording.NOTHING_TO_FIX)
    else:  # in the app's and the PDF's words; --json keeps its machine values (error, warning, advice)
        for f in findings:
            where = f"{f.target_type} {f.target_key}" if f.target_key else f.target_type
            print(printable(f"{wording.SEVERITY_WORDS[f.severity]:10} {f.rule:28} {where:14} {f.message}"))
        print(wording.counts(findings, wording.SUMMARY))
    return 1 if any(f.severity is Severity.ERROR for f in findings) else 0


def _cmd_guidance(args) -> int:
    from planner.guidance import render_guidance

    try:
        print(render_guidance(args.cell))
    except ValueError as error:
        raise UsageError(str(error)) from None
    return 0


def _cmd_example(args) -> int:
    from planner.guidance import example_names, example_plan, example_title

    if args.name is None:
        for name in example_names():
            print(f"{name:14} {example_title(name)}")
        return 0
    if args.output is None:
        raise UsageError("example needs -o PLAN.coplan to say where to create the plan")
    try:
        plan = example_plan(args.name)
    except (KeyError, ValueError) as error:
        raise UsageError(str(error).strip("'\"")) from None
    _create_plan_file(args.output, plan, args.force)
    print(f"Created {args.output} from the example \u201c{plan.title}\u201d")
    return 0


def _cmd_portfolio(args) -> int:
    from planner.portfolio.build import PortfolioError, build
    from planner.portfolio.classify import Unclassified

    try:
        if args.portfolio_command == "build":
            report = build(args.folders, args.output, full=args.full)
            for skipped in report.skipped:
                print(skipped)
            print(f"Wrote {args.output}: {report.plans} plans ({len(report.read)} read, "
                  f"{len(report.unchanged)} unchanged, {report.removed} removed), "
                  f"{len(report.skipped)} skipped")
            return 0
        from planner.portfolio.serve import DatasetteMissing, metadata_json, serve

        if args.portfolio_command == "metadata":
            print(metadata_json(args.database))
            return 0
        if args.portfolio_command == "serve":
            serve(args.database, port=args.port, host=args.host)
            return 0
    except (PortfolioError, Unclassified, DatasetteMissing) as error:
        raise UsageError(str(error)) from None
    raise UsageError("portfolio needs an action: build, serve or metadata (see 'coplanner portfolio --help')")


HANDLERS = {"new": _cmd_new, "import": _cmd_import, "export": _cmd_export,
            "check": _cmd_check, "guidance": _cmd_guidance, "example": _cmd_example,
            "erase": cli_privacy.forget, "anonymise": cli_privacy.forget, "person": cli_privacy.person,
            "portfolio": _cmd_portfolio, "agree": cli_record.agree,
            "versions": lambda a: cli_record.versions(a, load), "changes": lambda a: cli_record.changes(a, load)}


def main(argv: list[str] | None = None) -> int:
    """Run one command; returns the exit status."""
    argv = sys.argv[1:] if argv is None else argv
    try:
        args = _parser().parse_args(argv)
        if args.command is None:
            raise UsageError("no command given (see 'coplanner --help')")
        return HANDLERS[args.command](args)
    except (UsageError, PlanError) as error:
        message = str(error) if not isinstance(error, FormatError) else f"{getattr(args, 'source', getattr(args, 'plan', ''))}: {error}"
        print(f"coplanner: error: {printable(message)}", file=sys.stderr)
        return 2
    except OSError as error:  # a file the command names cannot be reached (name too long, gone)
        where = f"{error.filename}: " if error.filename else ""
        print(f"coplanner: error: {printable(where + (error.strerror or str(error)))}", file=sys.stderr)
        return 2

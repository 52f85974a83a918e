"""The sign-off page: signature lines for partners and community co-planners, or what to fix first."""

from __future__ import annotations

from reportlab.platypus import KeepTogether, ListFlowable, ListItem

from planner.export.contents import Heading
from planner.export.document import Context
from planner.export.sections.closing import BLANK_LINES, co_planners, partner_organisations
from planner.export.sections.words import count
from planner.export.styles import Para, Plain, data_table, p, split_widths
from planner.export.text import clean, esc

SIGNATURE_ROWS = 24  # beyond this many signatories the page lists them and leaves blank lines
LARGE_BLANK_LINES = 8


MUST_FIX_SHOWN = 10  # a long list stays under Plan check findings, not on the sign-off page


def _bullets(texts: list[str], style) -> ListFlowable:
    return ListFlowable([ListItem(p(text, style), leftIndent=12) for text in texts],
                        bulletType="bullet", start="\u2022", leftIndent=12)


def _must_fix_list(ctx: Context) -> list:
    """The must-fix findings as bullets, the first ten when there are many."""
    must = ctx.must_fix
    flow: list = [_bullets([f.message for f in must[:MUST_FIX_SHOWN]], ctx.styles.body)]
    if len(must) > MUST_FIX_SHOWN:
        flow.append(p(f"\u2026 and {len(must) - MUST_FIX_SHOWN} more, listed under Plan check "
                      "findings.", ctx.styles.body))
    return flow


def _signatories(ctx: Context) -> list[tuple[str, str]]:
    """(name, what they sign as) for the lead, partner organisations and co-planner groups."""
    lead = " ".join(clean(ctx.plan.organisation).split())
    rows = [(name, "Lead organisation" if lead and name == lead else "Partner organisation")
            for name in partner_organisations(ctx.plan)]
    return rows + [(name, "Community co-planner") for name in co_planners(ctx.plan)]


def _not_ready(ctx: Context) -> list:
    """Say what must be fixed first, and who will sign once it is."""
    s, must = ctx.styles, ctx.must_fix
    flow = [p(f"This plan is not ready to sign. The plan check found "
              f"{count(len(must), 'problem')} that must be fixed first. Put "
              f"{'it' if len(must) == 1 else 'them'} right, then export the plan again for "
              "signature:", s.body),
            *_must_fix_list(ctx)]
    names = [name for name, _ in _signatories(ctx)]
    if names:
        flow.append(p("Who will sign once these are fixed: " + "; ".join(names) + ".", s.body))
    return flow


def sign_off(ctx: Context) -> list:
    """Signature lines, or, while must-fix findings remain, what to fix before anyone signs."""
    s = ctx.styles
    heading = Heading("Sign-off", s.h1)
    reason = " ".join(clean(ctx.options.sign_off_reason).split())
    if ctx.must_fix and not reason:
        return [heading, *_not_ready(ctx)]
    flow: list = [heading]
    if ctx.must_fix:
        flow += [Para(f"<b>Put for signature with {count(len(ctx.must_fix), 'must-fix finding')} "
                      "open.</b> The officer\u2019s reason: \u201c" + esc(reason) + "\u201d",
                      s.body),
                 *_must_fix_list(ctx)]
    signatories = _signatories(ctx)
    flow.append(p("By signing, each partner agrees to this plan as it stands in this version "
                  f"({ctx.version()}). Community co-planners sign as groups, never as private "
                  "individuals. The blank lines at the end are for partners not listed.", s.body))
    blank = BLANK_LINES
    if len(signatories) > SIGNATURE_ROWS:
        flow += [p(f"The {len(signatories)} signatories, each to sign on a line below or on "
                   "its own copy of this page:", s.body),
                 p("; ".join(f"{name} ({kind.lower()})" for name, kind in signatories) + ".",
                   s.body)]
        signatories, blank = [], LARGE_BLANK_LINES
    rows: list[list] = []
    for name, kind in signatories:
        rows.append([Para(f'{esc(name)}<br/><font size="9" color="#555555">{kind}</font>',
                          s.cell), "", "", "", ""])
    # A space gives a blank line the height of one line of text, like the named ones.
    rows += [[Plain(" "), "", "", "", ""] for _ in range(blank)]
    table = data_table(["Partner or group", "Name", "Role", "Signature", "Date"], rows,
                       split_widths(ctx.width, [28, 20, 16, 22, 14]), s,
                       extra=[("TOPPADDING", (0, 1), (-1, -1), 12),
                              ("BOTTOMPADDING", (0, 1), (-1, -1), 12)])
    # One page when it fits: a signature table is never split from what signing means.
    return [KeepTogether([*flow, table])]

"""The portfolio's canned queries: the questions a head of service asks across many plans."""

from __future__ import annotations

from planner.core.article import citation
from planner.core.matrix import DELIVERY_HEADINGS, PLANNING_HEADINGS, Delivery, Planning


def _matrix_grid() -> str:
    """Table 1's grid (rows: who delivers; columns: who plans), each cell "today → target"."""
    def column(planning: Planning) -> str:
        cell = ("case when available = 0 then 'N/A' else today || ' today → ' || target || "
                "' aiming here' end")
        return f"  max(case when planning = '{planning.value}' then {cell} end) as \"{PLANNING_HEADINGS[planning]}\""
    rows = " ".join(f"when '{d.value}' then '{DELIVERY_HEADINGS[d]}'" for d in Delivery)
    return (
        "with counts as (\n"
        "  select c.rowid as position, c.planning, c.delivery, c.available,\n"
        "    (select count(*) from plans p where p.current_cell = c.code) as today,\n"
        "    (select count(*) from plans p where p.target_cell = c.code) as target\n"
        "  from cells c\n"
        ")\n"
        f"select case delivery {rows} end as \"Who delivers\",\n"
        + ",\n".join(column(p) for p in Planning)
        + "\nfrom counts\ngroup by delivery\norder by min(position)"
    )


# name -> (title, description, SQL). Dates are judged against the day the query runs.
QUERIES: dict[str, tuple[str, str, str]] = {
    "plans_by_cell": (
        "Plans by current and target cell",
        f"Where each service is today in the coproduction matrix (after {citation('Table 1')}) "
        "and where its plan aims to take it.",
        """select p.id, p.title as plan, p.service_area as "service area",
  coalesce(cc.label, 'Not chosen') as "cell today", coalesce(tc.label, 'Not chosen') as "target cell",
  p.current_cell as "today (code)", p.target_cell as "target (code)", p.must_fix as "must fix"
from plans p
left join cells cc on cc.code = p.current_cell
left join cells tc on tc.code = p.target_cell
order by p.target_cell, p.current_cell, p.title""",
    ),
    "matrix_picture": (
        "The matrix as a portfolio picture",
        f"The coproduction matrix (after {citation('Table 1')}) with the portfolio placed on it, as "
        "the article's Figure 1 places its cases: in each cell, how many plans are there today "
        "and how many aim to get there. Rows: who delivers the service; columns: who plans it.",
        _matrix_grid(),
    ),
    "plans_per_cell": (
        "Plans per cell, today and aimed for",
        "The same counts as the matrix picture, one cell per row, with the article's names.",
        """select c.label as cell, c.code,
  (select count(*) from plans p where p.current_cell = c.code) as "plans today",
  (select count(*) from plans p where p.target_cell = c.code) as "plans aiming here"
from cells c
where c.available = 1
order by c.rowid""",
    ),
    "matrix_moves": (
        "Moves across the matrix (today \u2192 target)",
        "Each move plans make from one cell to another, with how many plans make it.",
        """select coalesce(cc.label, 'Not chosen') as "today", coalesce(tc.label, 'Not chosen') as "target",
  count(*) as plans, group_concat(p.title, '; ') as "which plans"
from plans p
left join cells cc on cc.code = p.current_cell
left join cells tc on tc.code = p.target_cell
group by p.current_cell, p.target_cell
order by plans desc, "today", "target\"""",
    ),
    "high_risks_without_safeguard": (
        "High risks with no safeguard, by plan",
        "Risks scored 15 or more (likelihood \u00d7 impact) that no safeguard in their plan answers.",
        """select p.id as plan_id, p.title as plan, r.key, r.title as risk, r.score,
  rc.label as category, coalesce(o.name, 'No owner yet') as owner,
  case r.accepted_residual when 1 then 'yes' else 'no' end as "residual accepted"
from risks r
join plans p on p.id = r.plan_id
left join risk_categories rc on rc.code = r.category
left join stakeholders o on o.id = r.owner_id
where r.high = 1 and not exists (select 1 from safeguard_risks sr where sr.risk_id = r.id)
order by p.title, r.score desc, r.key""",
    ),
    "overdue_safeguards": (
        "Overdue safeguard reviews and actions",
        "Safeguards whose review date has passed and open actions past their due date, oldest "
        "first.",
        """select p.id as plan_id, p.title as plan, x.what, x.key, x.title, x.due as "due or review date",
  cast(julianday(date('now')) - julianday(x.due) as integer) as "days overdue",
  coalesce(o.name, 'No owner yet') as owner
from (
  select 'Safeguard review' as what, g.plan_id, g.key, g.title, g.review_date as due, g.owner_id
  from safeguards g where g.review_date is not null
  union all
  select 'Action', a.plan_id, a.key, a.title, a.due, a.owner_id
  from actions a where a.status = 'open' and a.due is not null
) x
join plans p on p.id = x.plan_id
left join stakeholders o on o.id = x.owner_id
where x.due < date('now')
order by x.due, p.title""",
    ),
    "community_groups_across_plans": (
        "Community groups relied on across plans",
        "Named community groups and organisations (not private individuals) with the plans "
        "that rely on them and the time they give: one group carrying several plans is the "
        "burnout the article warns of.",
        """with groups as (
  select lower(trim(s.name)) as k, s.name, s.id, s.plan_id, s.category
  from stakeholders s
  where s.private_individual = 0 and s.side = 'community'
)
select min(g.name) as "group", count(distinct g.plan_id) as plans,
  (select group_concat(p.title, '; ') from plans p
     where p.id in (select g2.plan_id from groups g2 where g2.k = g.k)) as "in plans",
  (select group_concat(t.amount || ' ' || t.unit, '; ') from contributions t
     join groups g3 on g3.id = t.stakeholder_id
     where g3.k = g.k and t.kind = 'time' and t.amount is not null) as "time given"
from groups g
group by g.k
order by plans desc, "group\"""",
    ),
    "volunteer_time_by_plan": (
        "Volunteers' and users' time by plan",
        "The time users and the community give each plan, added up by unit (hours a week, "
        "hours a month...), with how many people and groups give it.",
        """select p.id as plan_id, p.title as plan, coalesce(nullif(t.unit, ''), '(no unit)') as unit,
  sum(t.amount) as "time given", count(distinct s.id) as "people and groups"
from contributions t
join stakeholders s on s.id = t.stakeholder_id
join plans p on p.id = t.plan_id
where t.kind = 'time' and s.side in ('user', 'community') and t.amount is not null
group by p.id, unit
order by p.title, unit""",
    ),
    "plans_with_must_fix_findings": (
        "Plans with must-fix findings",
        "Plans whose plan check found errors (shares that do not add up, high risks with no "
        "safeguard, no target cell...), most first.",
        """select p.id as plan_id, p.title as plan, count(*) as "must fix",
  group_concat(f.message, char(10)) as findings
from findings f
join plans p on p.id = f.plan_id
where f.must_fix = 1
group by p.id
order by "must fix" desc, p.title""",
    ),
}

"""Every figure the dashboard shows, and what every table holds, for the database that
DATABASE_URL names: printed as JSON, so that two databases (a backup's original and its
restored copy) can be compared by the backup test (test_backup_and_restore.py).

    DATABASE_URL=postgres://... python -m tests.portal.database_figures 2026-11-20

The figures come through the portal's own code, as a reader of everything would see them on
the dashboard (reports.selectors.dashboard), and as each registered figure answers for every union
(cohesion_portal.metrics); the tables through the database itself, so a table no model names
is counted too.
"""

import datetime
import json
import os
import sys


def dashboard_figures(reader, today) -> dict:
    from reports.selectors.dashboard import industry_dashboard

    board = industry_dashboard(reader, today)
    return {
        "plan": str(board.plan) if board.plan else None,
        "targets": [
            {
                "code": state.target.code,
                "metric": state.target.metric,
                "current": state.current,
                "projected": state.projected,
                "status": str(state.status),
                "goal": state.goal,
                "share": state.share,
            }
            for state in board.targets
        ],
        "attention": {item.key: count for item, count, _url in board.attention},
        "period": str(board.period) if board.period else None,
        "grades": {k: v for k, v in (board.grades or {}).items() if k != "period"},
        "grade_trend": board.grade_trend,
        "recruits_by_month": board.recruits_by_month,
        "top": [(card.union.name, str(card.total), card.grade) for card in board.top],
        "treemap": board.treemap,
    }


def metric_figures(today) -> dict:
    """Each registered figure: its total today since the running plan began, and its value for
    every grassroots union over each assessment period."""
    from cohesion_portal import metrics
    from cohesion_portal.access import EVERYTHING, Reader
    from standards.models import Period
    from standards.shares import running_plan

    plan = running_plan(today, user=Reader(EVERYTHING))
    since = plan.starts_on if plan else today.replace(month=1, day=1)
    periods = list(Period.objects.order_by("starts_on"))
    figures = {}
    for metric in metrics.all_metrics():
        figures[metric.key] = {
            "total": metric.total(today, since=since, user=Reader(EVERYTHING))
            if metric.total
            else None,
            "by_union": {
                str(period): {
                    str(union): value
                    for union, value in sorted(
                        metric.by_union(period.starts_on, period.ends_on).items()
                    )
                }
                for period in periods
            }
            if metric.by_union
            else None,
        }
    return figures


def table_contents() -> dict:
    """Every table: its row count and a digest of its rows in a fixed order (PostgreSQL: each
    row as text, sorted); every sequence: where it stands (a restore that left them behind
    would fail the next insert)."""
    from django.db import connection

    tables = {}
    with connection.cursor() as cursor:
        for table in sorted(connection.introspection.table_names()):
            name = connection.ops.quote_name(table)
            cursor.execute(
                f"SELECT COUNT(*), md5(COALESCE(string_agg(t::text, E'\\n' ORDER BY t::text), '')) "
                f"FROM {name} AS t"
            )
            count, digest = cursor.fetchone()
            tables[table] = {"rows": count, "digest": digest}
        cursor.execute(
            "SELECT schemaname || '.' || sequencename, last_value FROM pg_sequences ORDER BY 1"
        )
        sequences = dict(cursor.fetchall())
    return {"tables": tables, "sequences": sequences}


def main(day: str) -> dict:
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cohesion_portal.settings")
    django.setup()
    from cohesion_portal.access import EVERYTHING, Reader, industry_reader
    from unions.models import IndustryUnion

    today = datetime.date.fromisoformat(day)
    return {
        "dashboard": dashboard_figures(Reader(EVERYTHING), today),
        "industry_dashboards": {
            industry.code: dashboard_figures(industry_reader(industry.pk), today)
            for industry in IndustryUnion.objects.order_by("code")
        },
        "metrics": metric_figures(today),
        **table_contents(),
    }


if __name__ == "__main__":
    json.dump(main(sys.argv[1]), sys.stdout, ensure_ascii=False, sort_keys=True, default=str)

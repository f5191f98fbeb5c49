"""The scoring job's baseline: bare SQL aggregates that read the same data the job reads (one
GROUP BY per figure, plus the inspections, veto items and survey answers), with none of the
job's work of turning values into points and storing scorecards."""

from django.db import connection

GRASSROOTS = "substr(u.path, 1, 8)"
QUERIES = {
    "membership": f"""
        SELECT {GRASSROOTS}, count(*) FROM unions_member m JOIN unions_union u ON u.id = m.union_id
        WHERE m.status = 'active' GROUP BY 1""",
    "employees": f"""
        SELECT {GRASSROOTS}, sum(e.headcount) FROM unions_enterprise e
        JOIN unions_union u ON u.id = e.union_id GROUP BY 1""",
    "recruits": f"""
        SELECT {GRASSROOTS}, count(*) FROM unions_membership s
        JOIN unions_member m ON m.id = s.member_id JOIN unions_union u ON u.id = s.union_id
        WHERE s.start IN ('joined', 'rejoined') AND s.started_on BETWEEN %(start)s AND %(end)s
          AND m.is_migrant AND m.birth_date >= '1980-01-01' GROUP BY 1""",
    "coverage": f"""
        SELECT {GRASSROOTS}, count(*), count(*) FILTER (WHERE EXISTS (
            SELECT 1 FROM contracts_collectivecontract_enterprises ce
            JOIN contracts_collectivecontract c ON c.id = ce.collectivecontract_id
            WHERE ce.enterprise_id = e.id AND c.negotiated AND c.signed_on IS NOT NULL
              AND c.effective_from <= %(end)s AND c.effective_to >= %(end)s))
        FROM unions_enterprise e JOIN unions_union u ON u.id = e.union_id
        WHERE e.unionized_on <= %(end)s GROUP BY 1""",
    "congress": f"""
        SELECT {GRASSROOTS}, count(*), count(*) FILTER (WHERE EXISTS (
            SELECT 1 FROM contracts_congresssystem_enterprises ce
            JOIN contracts_congresssession s ON s.congress_id = ce.congresssystem_id
            WHERE ce.enterprise_id = e.id AND s.held_on > %(year_before)s
              AND s.held_on <= %(end)s))
        FROM unions_enterprise e JOIN unions_union u ON u.id = e.union_id
        WHERE e.unionized_on <= %(end)s GROUP BY 1""",
    "performance": f"""
        SELECT {GRASSROOTS}, count(*), count(p.id) FROM contracts_collectivecontract c
        JOIN unions_union u ON u.id = c.union_id
        LEFT JOIN contracts_performancecheck p ON p.contract_id = c.id AND p.year = %(year)s
        WHERE c.signed_on IS NOT NULL AND c.effective_from <= %(end)s AND c.effective_to >= %(end)s
        GROUP BY 1""",
    "disclosures": f"""
        SELECT {GRASSROOTS}, count(*) FROM contracts_disclosure d
        JOIN unions_union u ON u.id = d.union_id
        WHERE d.disclosed_on BETWEEN %(start)s AND %(end)s GROUP BY 1""",
    "scores": """
        SELECT a.union_id, s.indicator_id, s.self_points, s.points FROM standards_assessmentscore s
        JOIN standards_assessment a ON a.id = s.assessment_id WHERE a.period_id = %(period)s""",
    "vetoes": "SELECT union_id, veto_item_id FROM standards_vetohit WHERE period_id = %(period)s",
    "satisfaction": """
        SELECT v.union_id, count(*), count(*) FILTER (WHERE r.answer IN ('satisfied', 'fairly'))
        FROM standards_surveyresponse r JOIN standards_survey v ON v.id = r.survey_id
        WHERE v.period_id = %(period)s GROUP BY 1""",
}


def read_what_scoring_reads(period, as_of) -> int:
    params = {
        "start": period.starts_on,
        "end": as_of,
        "year": as_of.year,
        "year_before": as_of.replace(year=as_of.year - 1),
        "period": period.pk,
    }
    rows = 0
    with connection.cursor() as cursor:
        for sql in QUERIES.values():
            cursor.execute(sql, params)
            rows += len(cursor.fetchall())
    return rows

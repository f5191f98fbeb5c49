import pytest


@pytest.fixture(autouse=True)
def _only_the_rules_under_test(monkeypatch):
    """These tests count the contracts app's reminders around a fixed day; the monthly report's
    rules (tests/reports/test_monthly_reminders.py) would add theirs for every union."""
    from cohesion_portal import reminder_rules

    kept = [rule for rule in reminder_rules.RULES if not rule.kind.startswith("reports.")]
    monkeypatch.setattr(reminder_rules, "rules", lambda: kept)

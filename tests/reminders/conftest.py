import pytest


@pytest.fixture(autouse=True)
def _only_the_rules_under_test(monkeypatch):
    """These tests count the contracts app's reminders around a fixed day; the monthly report's
    rules (tests/reports/test_monthly_reminders.py) would add theirs for every union."""
    from reminders import registry

    rules = {
        kind: rule for kind, rule in registry._rules.items() if not kind.startswith("reports.")
    }
    monkeypatch.setattr(registry, "_rules", rules)

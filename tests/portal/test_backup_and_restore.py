"""The README's backup and restore, run for real on PostgreSQL: the demo data in a database of
its own, the README's `pg_dump` and `tar`, an empty database, the README's `pg_restore` and
`tar` into it; then every dashboard figure, every registered figure, every table (its rows,
row by row), every sequence and every uploaded file must be the same in the copy.

The commands are read from the README's "Backups and restore" block, not copied here: what the
README tells an operator is what this test runs. The portal's figures come from a process of
their own per database (tests/portal/database_figures.py), as a portal pointed at the restored
database would compute them.
"""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest
from django.utils import timezone

from ..conftest import skip_unless_available

pytestmark = pytest.mark.services

ROOT = Path(__file__).resolve().parents[2]
README = ROOT / "README.md"
DEMO_SCALE = "S"  # the smallest demo that gives every app records (60 grassroots unions)


def readme_backup_commands() -> tuple[list[str], list[str]]:
    """The README's backup lines and its restore lines (the block under "Backups and restore",
    split at its "# restore" comment)."""
    text = README.read_text(encoding="utf-8")
    section = text.split("**Backups and restore.**", 1)[1]
    block = re.search(r"```bash\n(.*?)```", section, re.S).group(1)
    backup, restore = [], []
    current = backup
    for line in block.splitlines():
        if line.startswith("#"):
            if "restore" in line:
                current = restore
            continue
        if line.strip():
            current.append(line)
    return backup, restore


def server_and_name() -> tuple[str, str]:
    url = urlsplit(os.environ.get("DATABASE_URL", ""))
    return urlunsplit(url._replace(path="")), url.path.lstrip("/")


def on_postgresql() -> bool:
    return os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://"))


class Databases:
    """Databases created for the test on the server DATABASE_URL names, dropped afterwards."""

    def __init__(self, server: str):
        self.server = server
        self.created = []

    def _run(self, statement: str):
        import psycopg2

        connection = psycopg2.connect(f"{self.server}/postgres")
        connection.autocommit = True
        try:
            with connection.cursor() as cursor:
                cursor.execute(statement)
        finally:
            connection.close()

    def fresh(self, name: str) -> str:
        self._run(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        self._run(f'CREATE DATABASE "{name}"')
        self.created.append(name)
        return f"{self.server}/{name}"

    def drop_all(self):
        for name in self.created:
            self._run(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def portal_environment(database_url: str, media_root: Path) -> dict:
    """The embedded default pointed at `database_url`: tasks in-process, a cache of its own,
    figures computed on every call."""
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("CELERY_BROKER_URL", "CELERY_RESULT_BACKEND", "CACHE_URL")
        and not k.startswith("PYTEST")
    }
    return env | {
        "DATABASE_URL": database_url,
        "MEDIA_ROOT": str(media_root),
        "FIGURES_CACHE_SECONDS": "0",
        "DJANGO_SETTINGS_MODULE": "cohesion_portal.settings",
    }


def run(command, *, env, cwd=ROOT, shell=False):
    result = subprocess.run(
        command,
        env=env,
        cwd=cwd,
        shell=shell,
        executable="/bin/bash" if shell else None,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, f"{command}\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
    return result.stdout


def figures(env, today) -> dict:
    import json

    out = run([sys.executable, "-m", "tests.portal.database_figures", today.isoformat()], env=env)
    return json.loads(out)


def files_under(folder: Path) -> dict:
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def test_the_readme_names_a_backup_and_a_restore_command():
    backup, restore = readme_backup_commands()
    assert any(line.startswith("pg_dump --format=custom ") for line in backup), backup
    assert any(line.startswith("tar czf ") for line in backup), backup
    assert any(line.startswith("pg_restore --clean --if-exists --no-owner ") for line in restore)
    assert any(line.startswith("tar xzf ") for line in restore), restore


def test_a_restored_backup_shows_every_figure_and_row_of_the_original(tmp_path):
    skip_unless_available(
        on_postgresql() and shutil.which("pg_dump") and shutil.which("pg_restore"),
        "needs PostgreSQL (DATABASE_URL) and its client tools (pg_dump, pg_restore)",
        "COHESION_REQUIRE_SERVICES",
    )
    server, name = server_and_name()
    databases = Databases(server)
    today = timezone.localdate()
    backup_lines, restore_lines = readme_backup_commands()
    original_media, restored_media, work = (
        tmp_path / "media",
        tmp_path / "restored-media",
        tmp_path / "backups",
    )
    for folder in (original_media, restored_media, work):
        folder.mkdir()
    try:
        original = portal_environment(databases.fresh(f"{name}_backup_original"), original_media)
        run([sys.executable, "manage.py", "migrate", "--no-input", "-v", "0"], env=original)
        run([sys.executable, "manage.py", "seed_demo", "--scale", DEMO_SCALE], env=original)

        run("set -euo pipefail\n" + "\n".join(backup_lines), env=original, cwd=work, shell=True)
        dumps = sorted(work.glob("cohesion-*.dump"))
        assert len(dumps) == 1, dumps
        day = dumps[0].name.removeprefix("cohesion-").removesuffix(".dump")
        restore_script = "\n".join(restore_lines).replace("YYYY-MM-DD", day)

        restored = portal_environment(databases.fresh(f"{name}_backup_restored"), restored_media)
        run("set -euo pipefail\n" + restore_script, env=restored, cwd=work, shell=True)

        before, after = figures(original, today), figures(restored, today)
    finally:
        databases.drop_all()

    # The comparison means something only if the demo gave every part records.
    assert before["dashboard"]["targets"] and before["dashboard"]["grades"]["scored"] > 0
    assert sum(before["dashboard"]["attention"].values()) > 0
    assert any(row["recruits"] for row in before["dashboard"]["recruits_by_month"])
    for table in (
        "unions_member",
        "unions_historicalmember",
        "contracts_collectivecontract",
        "standards_scorecard",
        "reports_monthlyreport",
        "reminders_reminder",
    ):
        assert before["tables"][table]["rows"] > 0, table

    assert after["dashboard"] == before["dashboard"]
    assert after["industry_dashboards"] == before["industry_dashboards"]
    assert after["metrics"] == before["metrics"]
    assert sorted(after["tables"]) == sorted(before["tables"])
    changed = [t for t in before["tables"] if after["tables"][t] != before["tables"][t]]
    assert not changed, {t: (before["tables"][t], after["tables"][t]) for t in changed}
    assert after["sequences"] == before["sequences"]

    uploaded = files_under(original_media)  # (the demo's monthly Excel reports)
    assert any(path.startswith("reports/monthly/") for path in uploaded), sorted(uploaded)
    assert files_under(restored_media) == uploaded

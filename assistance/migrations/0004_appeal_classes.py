"""The three classes of appeal with their working days to answer, as 12351's practice sets
them: data staff may change in the admin."""

from django.db import migrations

CLASSES = (
    ("ordinary", "一般诉求", 5, 1),
    ("difficult", "疑难诉求", 15, 2),
    ("complex", "特别复杂诉求", 30, 3),
)


def add_classes(apps, schema_editor):
    appeal_class = apps.get_model("assistance", "AppealClass")
    for code, name, days, order in CLASSES:
        appeal_class.objects.get_or_create(
            code=code, defaults={"name": name, "working_days": days, "order": order}
        )


class Migration(migrations.Migration):
    dependencies = [("assistance", "0003_appeals")]
    operations = [migrations.RunPython(add_classes, migrations.RunPython.noop)]

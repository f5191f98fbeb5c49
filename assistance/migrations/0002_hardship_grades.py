"""The three grades of hardship Dalian's unions use (困难职工认定): data staff may rename,
reorder or add to in the admin."""

from django.db import migrations

GRADES = (("ordinary", "一般困难", 1), ("special", "特困", 2), ("extreme", "极困", 3))


def add_grades(apps, schema_editor):
    grade = apps.get_model("assistance", "HardshipGrade")
    for code, name, order in GRADES:
        grade.objects.get_or_create(code=code, defaults={"name": name, "order": order})


class Migration(migrations.Migration):
    dependencies = [("assistance", "0001_hardship_files")]
    operations = [migrations.RunPython(add_grades, migrations.RunPython.noop)]

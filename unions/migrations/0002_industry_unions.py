"""The two industry unions that issued the plan (大轻纺工[2011]7号)."""

from django.db import migrations

INDUSTRY_UNIONS = [
    ("light-textile", "大连市轻纺工会", "轻纺"),
    ("agri-water", "大连市农林水利工会", "农林水利"),
]


def create(apps, schema_editor):
    IndustryUnion = apps.get_model("unions", "IndustryUnion")
    for code, name, short_name in INDUSTRY_UNIONS:
        IndustryUnion.objects.get_or_create(code=code, defaults={"name": name, "short_name": short_name})


class Migration(migrations.Migration):
    dependencies = [("unions", "0001_initial")]
    operations = [migrations.RunPython(create, migrations.RunPython.noop)]

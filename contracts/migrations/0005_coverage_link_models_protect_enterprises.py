"""The enterprises a contract or a congress covers get link models of their own, so that an
enterprise still covered cannot be deleted (PROTECT). The tables, columns and constraints are
those Django made for the plain many-to-many fields: only Django's picture of them changes."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('contracts', '0004_performance_disclosure_scan'),
        ('unions', '0009_disclosures_record_lookups_records_protected'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.CreateModel(
                    name='CongressCoverage',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('congresssystem', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, to='contracts.congresssystem')),
                        ('enterprise', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, to='unions.enterprise')),
                    ],
                    options={
                        'verbose_name': 'enterprise covered',
                        'verbose_name_plural': 'enterprises covered',
                        'db_table': 'contracts_congresssystem_enterprises',
                        'unique_together': {('congresssystem', 'enterprise')},
                    },
                ),
                migrations.AlterField(
                    model_name='congresssystem',
                    name='enterprises',
                    field=models.ManyToManyField(related_name='congresses', through='contracts.CongressCoverage', to='unions.enterprise', verbose_name='enterprises covered'),
                ),
                migrations.CreateModel(
                    name='ContractCoverage',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('collectivecontract', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, to='contracts.collectivecontract')),
                        ('enterprise', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, to='unions.enterprise')),
                    ],
                    options={
                        'verbose_name': 'enterprise covered',
                        'verbose_name_plural': 'enterprises covered',
                        'db_table': 'contracts_collectivecontract_enterprises',
                        'unique_together': {('collectivecontract', 'enterprise')},
                    },
                ),
                migrations.AlterField(
                    model_name='collectivecontract',
                    name='enterprises',
                    field=models.ManyToManyField(related_name='contracts', through='contracts.ContractCoverage', to='unions.enterprise', verbose_name='enterprises covered'),
                ),
            ],
        ),
    ]

"""No B-tree indexes on the facet columns: a filtered search must find its matches through the GIN
index (see the comment on SearchEntry.kind and docs/search.md)."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('search', '0003_narrow_rows'),
    ]

    operations = [
        migrations.AlterField(
            model_name='searchentry',
            name='federal_state',
            field=models.CharField(blank=True, max_length=2, verbose_name='Bundesland'),
        ),
        migrations.AlterField(
            model_name='searchentry',
            name='kind',
            field=models.CharField(max_length=30, verbose_name='Art'),
        ),
        migrations.AlterField(
            model_name='searchentry',
            name='year',
            field=models.PositiveSmallIntegerField(blank=True, null=True, verbose_name='Jahr'),
        ),
    ]

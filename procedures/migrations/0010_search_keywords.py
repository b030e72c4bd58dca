"""Keywords administrators give a procedure for search, and the folded English name beside the name.

The rows already there get their English name and result into the search text (``procedures.search``).
"""

from django.db import migrations, models

from procedures.text import fold


def fill(apps, schema_editor):
    Procedure = apps.get_model("procedures", "Procedure")
    batch = []
    for procedure in Procedure.objects.filter(current_version__isnull=False).select_related("current_version__sector"):
        version = procedure.current_version
        procedure.search_aliases = fold(version.name_en or "")
        parts = [procedure.code, version.name, version.name_en, version.sector.name]
        parts += [version.result_name, version.result_name_en]
        parts += [agency.name for agency in version.agencies.all()]
        procedure.search_text = fold(" ".join(p for p in parts if p))
        batch.append(procedure)
        if len(batch) >= 1000:
            Procedure.objects.bulk_update(batch, ["search_aliases", "search_text"])
            batch = []
    Procedure.objects.bulk_update(batch, ["search_aliases", "search_text"])


class Migration(migrations.Migration):
    dependencies = [
        ("procedures", "0009_procedure_code_rule_stated"),
    ]

    operations = [
        migrations.AddField(
            model_name="procedure",
            name="search_aliases",
            field=models.TextField(blank=True, editable=False),
        ),
        migrations.AddField(
            model_name="procedure",
            name="search_keywords",
            field=models.TextField(
                blank=True,
                help_text="Những cách người dân gọi thủ tục này, cách nhau bằng dấu phẩy, ví dụ: sổ đỏ, sổ hồng, "
                "làm lại sổ. Tìm kiếm trên cổng tìm thấy thủ tục theo các từ này như theo tên thủ tục.",
                verbose_name="từ khóa tìm kiếm",
            ),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]

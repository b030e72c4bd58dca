from django.db import migrations


def install(apps, schema_editor):
    from audit import guards

    guards.install(schema_editor)


def uninstall(apps, schema_editor):
    from audit import guards

    guards.uninstall(schema_editor)


class Migration(migrations.Migration):
    dependencies = [("identity", "0004_admin_in_vietnamese")]

    operations = [migrations.RunPython(install, uninstall)]

"""The Patients group: signed-in readers of the portal, with no admin access at all.

Named as settings.PATIENTS_GROUP is by default; a migration must not follow a setting
that may change later.
"""

from django.db import migrations

PATIENTS = "Patients"


def create_patients_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.get_or_create(name=PATIENTS)


def remove_patients_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=PATIENTS).delete()


class Migration(migrations.Migration):
    initial = True

    dependencies = [("auth", "0012_alter_user_first_name_max_length")]

    operations = [migrations.RunPython(create_patients_group, remove_patients_group)]

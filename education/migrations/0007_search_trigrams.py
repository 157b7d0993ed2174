"""pg_trgm on PostgreSQL, for search's similar condition names (education.features.search).

Django's TrigramExtension checks the database only going forwards: reversed on SQLite it
would ask SQLite for `pg_extension`. This one does nothing on any other database, either
way. pg_trgm is a trusted extension: the database's owner may create it, no superuser
needed. Reversed on PostgreSQL it drops the extension, which PostgreSQL refuses while
anything else still uses it (such as Wagtail's trigram indexes from `enable_trigram`),
or to a role that did not create it.
"""

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations


class TrigramExtensionOnPostgreSQL(TrigramExtension):
    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_backwards(app_label, schema_editor, from_state, to_state)


class Migration(migrations.Migration):
    dependencies = [("education", "0006_condition_sections_and_synonyms")]

    operations = [TrigramExtensionOnPostgreSQL()]

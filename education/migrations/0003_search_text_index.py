"""An index for Wagtail's database search on PostgreSQL, as it queries.

Wagtail's index entries have GIN indexes on their title and body vectors separately,
but its search asks `(title || body) @@ query`, which neither can answer: every search
read every entry. This indexes that expression. SQLite's search has no such index.
"""

from django.db import migrations

NAME = "education_search_text_gin"


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {NAME} ON wagtailsearch_indexentry "
            "USING gin ((title || body))"
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {NAME}")


class Migration(migrations.Migration):
    dependencies = [
        ("education", "0002_publishedtreatment"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(create, drop)]

"""Indexes on Wagtail's page table for the orders the portal and the API list by, and
for finding a page by its address.

Without them, "the first 20 by title" and "the newest 4 related" sort every live page
on each request, and serving a page scans for its address, so those requests slow down
as content grows. Wagtail's own models
do not index these columns; raw SQL keeps them out of Wagtail's migration state.
"""

from django.db import migrations

INDEXES = {
    "education_page_title_idx": "title",
    "education_page_first_published_idx": "first_published_at",
    "education_page_last_published_idx": "last_published_at",
    "education_page_url_path_idx": "url_path",
}


class Migration(migrations.Migration):
    dependencies = [
        ("education", "0007_clinical_governance"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.RunSQL(
            f"CREATE INDEX IF NOT EXISTS {name} ON wagtailcore_page ({column})",
            reverse_sql=f"DROP INDEX IF EXISTS {name}",
        )
        for name, column in INDEXES.items()
    ]

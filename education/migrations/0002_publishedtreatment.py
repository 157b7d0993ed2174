import django.db.models.deletion
from django.db import migrations, models

from education.models.treatments import condition_ids, stored_fields, treatments_in


def store_live_treatments(apps, schema_editor):
    """The treatments of the articles already live, as publishing them would store them."""
    EducationPage = apps.get_model("education", "EducationPage")
    PublishedTreatment = apps.get_model("education", "PublishedTreatment")
    Condition = apps.get_model("education", "Condition")
    existing = set(Condition.objects.values_list("pk", flat=True))
    for article in EducationPage.objects.filter(live=True).iterator():
        for position, raw in enumerate(treatments_in(article.body.raw_data)):
            treatment = PublishedTreatment.objects.create(
                article=article, position=position, **stored_fields(raw)
            )
            treatment.conditions.set(pk for pk in condition_ids(raw) if pk in existing)


class Migration(migrations.Migration):
    dependencies = [("education", "0001_initial")]

    operations = [
        migrations.CreateModel(
            name="PublishedTreatment",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "position",
                    models.PositiveIntegerField(
                        help_text="Its place among the article's treatments."
                    ),
                ),
                ("name", models.CharField(max_length=255)),
                ("category", models.CharField(blank=True, max_length=50)),
                ("description", models.TextField(blank=True)),
                ("notes", models.TextField(blank=True)),
                (
                    "article",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="published_treatments",
                        to="education.educationpage",
                    ),
                ),
                (
                    "conditions",
                    models.ManyToManyField(
                        blank=True, related_name="published_treatments", to="education.condition"
                    ),
                ),
            ],
            options={
                "constraints": [
                    models.UniqueConstraint(
                        fields=("article", "position"), name="one_published_treatment_per_place"
                    )
                ],
            },
        ),
        # Reversed, the table goes and the rows with it.
        migrations.RunPython(store_live_treatments, migrations.RunPython.noop),
    ]

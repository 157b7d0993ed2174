"""SMOG grades for articles and reading figures for conditions, filled in for the live rows.

Drafts get theirs the next time they are saved. The text is gathered as the models'
`patient_text()` gathers it, written out here so later changes to the models do not
change what this migration did.
"""

from django.db import migrations, models

from education import readability


def grade_field(verbose_name):
    return models.DecimalField(
        verbose_name,
        max_digits=4,
        decimal_places=1,
        null=True,
        blank=True,
        editable=False,
    )


def measure_live_rows(apps, schema_editor):
    EducationPage = apps.get_model("education", "EducationPage")
    Condition = apps.get_model("education", "Condition")
    body_field = EducationPage._meta.get_field("body")

    for page in EducationPage.objects.only("summary", "body"):
        text = readability.join_as_sentences(
            [page.summary, *body_field.get_searchable_content(page.body)]
        )
        EducationPage.objects.filter(pk=page.pk).update(smog_grade=readability.smog_grade(text))
    for condition in Condition.objects.all():
        text = readability.join_as_sentences(
            [
                condition.summary,
                readability.rich_text_lines(condition.overview),
                condition.nature,
                condition.typical_causes,
                condition.relation_to_mps,
            ]
        )
        Condition.objects.filter(pk=condition.pk).update(
            reading_time_minutes=readability.reading_time_minutes(text),
            reading_grade=readability.flesch_kincaid_grade(text),
            smog_grade=readability.smog_grade(text),
        )


class Migration(migrations.Migration):
    dependencies = [
        ("education", "0003_reading_record"),
    ]

    operations = [
        migrations.AddField(
            model_name="condition",
            name="reading_grade",
            field=grade_field("reading grade (Flesch-Kincaid)"),
        ),
        migrations.AddField(
            model_name="condition",
            name="reading_time_minutes",
            field=models.PositiveSmallIntegerField(default=0, editable=False),
        ),
        migrations.AddField(
            model_name="condition",
            name="smog_grade",
            field=grade_field("reading grade (SMOG)"),
        ),
        migrations.AddField(
            model_name="educationpage",
            name="smog_grade",
            field=grade_field("reading grade (SMOG)"),
        ),
        # The new columns are dropped on the way back, so there is nothing to undo.
        migrations.RunPython(measure_live_rows, migrations.RunPython.noop),
    ]

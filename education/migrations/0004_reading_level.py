"""SMOG grades for articles, and reading figures for conditions.

Conditions' live rows are measured here, from their text gathered as
`Condition.patient_text()` gathers it, written out so later changes to the model do not
change what this migration did. Articles are not: reading their body would run today's
block code, whose condition choosers query the condition table as it is now, not as it
is at this migration. An article gets its SMOG grade when it is next saved; the editor's
reading-level panel works it out meanwhile.
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


def measure_conditions(apps, schema_editor):
    Condition = apps.get_model("education", "Condition")
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
        migrations.RunPython(measure_conditions, migrations.RunPython.noop),
    ]

"""Conditions get the sections patients look for, and their other names become rows;
medicines get a safety note; the reading grade gets its list of explained terms.

The comma-separated `other_names` become synonym rows, and the plain-text `typical_causes`
becomes the rich-text "causes and risk factors" section, in the rows and in every
revision, so drafts waiting for review keep what their editors wrote. Reversible: the
rows are joined back with commas and the section's text loses its formatting.
"""

import django.db.models.deletion
import django.db.models.functions.text
import modelcluster.fields
import wagtail.fields
from django.db import migrations, models
from django.utils.html import escape, strip_tags


def explained_terms_rights(apps, schema_editor):
    """Clinical reviewers keep the list of explained terms (it changes every grade);
    editors see it. Reversed by deleting the model, which takes its permissions along."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    term_type, _ = ContentType.objects.get_or_create(app_label="education", model="explainedterm")

    def perms(*actions):
        return [
            Permission.objects.get_or_create(
                content_type=term_type,
                codename=f"{action}_explainedterm",
                defaults={"name": f"Can {action} explained term"},
            )[0]
            for action in actions
        ]

    for name, actions in [
        ("Clinical reviewers", ["add", "change", "delete", "view"]),
        ("Editors", ["view"]),
    ]:
        group = Group.objects.filter(name=name).first()
        if group:
            group.permissions.add(*perms(*actions))


def _names(other_names):
    return [name.strip() for name in (other_names or "").split(",") if name.strip()]


def _as_rich_text(plain):
    return f"<p>{escape(plain)}</p>" if plain else ""


def _condition_revisions(apps):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Revision = apps.get_model("wagtailcore", "Revision")
    condition_type = ContentType.objects.filter(app_label="education", model="condition")
    return Revision.objects.filter(base_content_type__in=condition_type)


def move_forwards(apps, schema_editor):
    Condition = apps.get_model("education", "Condition")
    ConditionSynonym = apps.get_model("education", "ConditionSynonym")
    for condition in Condition.objects.all():
        ConditionSynonym.objects.bulk_create(
            ConditionSynonym(condition=condition, name=name, sort_order=position)
            for position, name in enumerate(dict.fromkeys(_names(condition.other_names)))
        )
        condition.causes = _as_rich_text(condition.typical_causes)
        condition.save(update_fields=["causes"])
    for revision in _condition_revisions(apps):
        content = revision.content
        content["synonyms"] = [
            {"pk": None, "name": name, "sort_order": position}
            for position, name in enumerate(dict.fromkeys(_names(content.pop("other_names", ""))))
        ]
        content["causes"] = _as_rich_text(content.pop("typical_causes", ""))
        revision.save(update_fields=["content"])


def move_backwards(apps, schema_editor):
    Condition = apps.get_model("education", "Condition")
    for condition in Condition.objects.prefetch_related("synonyms"):
        condition.other_names = ", ".join(synonym.name for synonym in condition.synonyms.all())
        condition.typical_causes = strip_tags(condition.causes).strip()
        condition.save(update_fields=["other_names", "typical_causes"])
    for revision in _condition_revisions(apps):
        content = revision.content
        synonyms = content.pop("synonyms", [])
        content["other_names"] = ", ".join(row["name"] for row in synonyms)
        content["typical_causes"] = strip_tags(content.pop("causes", "")).strip()
        revision.save(update_fields=["content"])


class Migration(migrations.Migration):
    dependencies = [
        ("education", "0005_reading_record_viewed_index"),
    ]

    operations = [
        migrations.AddField(
            model_name="condition",
            name="not_strictly_autoimmune",
            field=models.BooleanField(
                default=False,
                help_text=(
                    "Tick instead for a condition often grouped with autoimmune diseases but "
                    "not strictly one, such as fibromyalgia: its page then says so rather than "
                    "“not autoimmune”."
                ),
            ),
        ),
        migrations.AddField(
            model_name="condition",
            name="causes",
            field=wagtail.fields.RichTextField(blank=True, verbose_name="causes and risk factors"),
        ),
        migrations.AddField(
            model_name="condition",
            name="diagnosis",
            field=wagtail.fields.RichTextField(blank=True, verbose_name="how it is diagnosed"),
        ),
        migrations.AddField(
            model_name="condition",
            name="living_with",
            field=wagtail.fields.RichTextField(
                blank=True,
                help_text="Self-care: what patients can do day to day.",
                verbose_name="living with it",
            ),
        ),
        migrations.AddField(
            model_name="condition",
            name="see_care_team_soon",
            field=wagtail.fields.RichTextField(
                blank=True,
                help_text=(
                    "Signs to contact the care team about soon. "
                    "Shown in the “When to get help” box."
                ),
                verbose_name="see your care team soon",
            ),
        ),
        migrations.AddField(
            model_name="condition",
            name="symptoms",
            field=wagtail.fields.RichTextField(blank=True, verbose_name="symptoms"),
        ),
        migrations.AddField(
            model_name="condition",
            name="treatment_overview",
            field=wagtail.fields.RichTextField(blank=True, verbose_name="treatment overview"),
        ),
        migrations.AddField(
            model_name="condition",
            name="urgent_help",
            field=wagtail.fields.RichTextField(
                blank=True,
                help_text=(
                    "Signs that need 911 or the emergency department now. "
                    "Shown in the “When to get help” box."
                ),
                verbose_name="get urgent help now",
            ),
        ),
        migrations.CreateModel(
            name="ConditionSynonym",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("sort_order", models.IntegerField(blank=True, editable=False, null=True)),
                ("name", models.CharField(max_length=120)),
                (
                    "condition",
                    modelcluster.fields.ParentalKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="synonyms",
                        to="education.condition",
                    ),
                ),
            ],
            options={
                "ordering": ["sort_order"],
                "abstract": False,
                "constraints": [
                    models.UniqueConstraint(
                        fields=("condition", "name"), name="unique_condition_synonym"
                    )
                ],
            },
        ),
        migrations.RunPython(move_forwards, move_backwards),
        migrations.RemoveField(
            model_name="condition",
            name="other_names",
        ),
        migrations.RemoveField(
            model_name="condition",
            name="typical_causes",
        ),
        migrations.AddField(
            model_name="publishedtreatment",
            name="safety",
            field=models.TextField(blank=True, verbose_name="medicine safety"),
        ),
        migrations.AlterField(
            model_name="educationpage",
            name="body",
            field=wagtail.fields.StreamField(
                [
                    ("heading", 2),
                    ("paragraph", 3),
                    ("figure", 6),
                    ("callout", 9),
                    ("comparison_table", 17),
                    ("condition_list", 22),
                    ("key_points", 27),
                    ("treatment", 32),
                    ("treatment_plan", 37),
                    ("resource_links", 42),
                ],
                block_lookup={
                    0: ("wagtail.blocks.CharBlock", (), {"max_length": 120}),
                    1: (
                        "wagtail.blocks.ChoiceBlock",
                        [],
                        {"choices": [("h2", "Section (level 2)"), ("h3", "Subsection (level 3)")]},
                    ),
                    2: ("wagtail.blocks.StructBlock", [[("text", 0), ("level", 1)]], {}),
                    3: ("education.blocks.ParagraphBlock", (), {}),
                    4: ("wagtail.images.blocks.ImageBlock", [], {}),
                    5: ("wagtail.blocks.CharBlock", (), {"max_length": 255, "required": False}),
                    6: ("wagtail.blocks.StructBlock", [[("image", 4), ("caption", 5)]], {}),
                    7: (
                        "wagtail.blocks.ChoiceBlock",
                        [],
                        {
                            "choices": [
                                ("information", "Information"),
                                ("see-a-clinician", "See a clinician"),
                                ("warning", "Warning"),
                            ]
                        },
                    ),
                    8: (
                        "wagtail.blocks.RichTextBlock",
                        (),
                        {"features": ["bold", "italic", "link", "ol", "ul"]},
                    ),
                    9: ("wagtail.blocks.StructBlock", [[("kind", 7), ("text", 8)]], {}),
                    10: (
                        "wagtail.blocks.CharBlock",
                        (),
                        {"help_text": "Says what the table compares.", "max_length": 255},
                    ),
                    11: (
                        "wagtail.blocks.CharBlock",
                        (),
                        {
                            "default": "Feature",
                            "help_text": "Heading over the row headings.",
                            "max_length": 60,
                        },
                    ),
                    12: (
                        "wagtail.blocks.ListBlock",
                        (0,),
                        {"label": "Column headings", "min_num": 1},
                    ),
                    13: ("wagtail.blocks.CharBlock", (), {"max_length": 255}),
                    14: ("wagtail.blocks.ListBlock", (13,), {"min_num": 1}),
                    15: ("wagtail.blocks.StructBlock", [[("heading", 0), ("cells", 14)]], {}),
                    16: ("wagtail.blocks.ListBlock", (15,), {"min_num": 1}),
                    17: (
                        "wagtail.blocks.StructBlock",
                        [[("caption", 10), ("corner_heading", 11), ("columns", 12), ("rows", 16)]],
                        {},
                    ),
                    18: (
                        "wagtail.snippets.blocks.SnippetChooserBlock",
                        ("education.Condition",),
                        {},
                    ),
                    19: (
                        "wagtail.blocks.TextBlock",
                        (),
                        {"help_text": "Why this condition is listed here.", "required": False},
                    ),
                    20: ("wagtail.blocks.StructBlock", [[("condition", 18), ("note", 19)]], {}),
                    21: ("wagtail.blocks.ListBlock", (20,), {"min_num": 1}),
                    22: ("wagtail.blocks.StructBlock", [[("heading", 0), ("items", 21)]], {}),
                    23: ("wagtail.blocks.TextBlock", (), {"required": False}),
                    24: ("wagtail.blocks.TextBlock", (), {}),
                    25: ("wagtail.blocks.StructBlock", [[("title", 0), ("text", 24)]], {}),
                    26: ("wagtail.blocks.ListBlock", (25,), {"min_num": 1}),
                    27: (
                        "wagtail.blocks.StructBlock",
                        [[("heading", 0), ("intro", 23), ("points", 26)]],
                        {},
                    ),
                    28: (
                        "wagtail.blocks.ChoiceBlock",
                        [],
                        {
                            "choices": [
                                ("physical-therapy", "Physical therapy and manual techniques"),
                                ("exercise", "Exercise"),
                                ("complementary", "Complementary therapy"),
                                ("medicine", "Medicine"),
                                ("self-care", "Self-care and lifestyle"),
                                ("mental-health", "Mental health"),
                            ]
                        },
                    ),
                    29: ("wagtail.blocks.ListBlock", (18,), {"label": "Helps with", "min_num": 1}),
                    30: (
                        "wagtail.blocks.TextBlock",
                        (),
                        {"help_text": "Cautions or practical tips.", "required": False},
                    ),
                    31: (
                        "wagtail.blocks.TextBlock",
                        (),
                        {
                            "help_text": (
                                "Needed for a medicine: take it only as prescribed, the side "
                                "effects to report, and whether it must not be stopped suddenly."
                            ),
                            "label": "Medicine safety",
                            "required": False,
                        },
                    ),
                    32: (
                        "wagtail.blocks.StructBlock",
                        [
                            [
                                ("name", 0),
                                ("category", 28),
                                ("description", 24),
                                ("conditions", 29),
                                ("notes", 30),
                                ("safety", 31),
                            ]
                        ],
                        {},
                    ),
                    33: ("wagtail.blocks.ListBlock", (18,), {"label": "For", "required": False}),
                    34: ("wagtail.blocks.ListBlock", (32,), {"min_num": 1}),
                    35: (
                        "wagtail.blocks.StructBlock",
                        [[("title", 0), ("conditions", 33), ("treatments", 34)]],
                        {},
                    ),
                    36: ("wagtail.blocks.ListBlock", (35,), {"min_num": 1}),
                    37: (
                        "wagtail.blocks.StructBlock",
                        [[("heading", 0), ("intro", 23), ("groups", 36)]],
                        {},
                    ),
                    38: (
                        "wagtail.blocks.CharBlock",
                        (),
                        {"default": "Where to learn more", "max_length": 120},
                    ),
                    39: ("wagtail.blocks.URLBlock", (), {"label": "Web address"}),
                    40: (
                        "wagtail.blocks.StructBlock",
                        [[("title", 13), ("url", 39), ("publisher", 13), ("description", 5)]],
                        {},
                    ),
                    41: ("wagtail.blocks.ListBlock", (40,), {"min_num": 1}),
                    42: ("wagtail.blocks.StructBlock", [[("heading", 38), ("links", 41)]], {}),
                },
            ),
        ),
        migrations.CreateModel(
            name="ExplainedTerm",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "term",
                    models.CharField(
                        help_text=(
                            "As it is written in the content, such as “corticosteroids”. Plurals "
                            "and possessives (“-s”, “-es”, “’s”) and capitals are matched too."
                        ),
                        max_length=80,
                    ),
                ),
                (
                    "explanation",
                    models.CharField(
                        help_text=(
                            "The plain words the content uses to explain it, such as “medicines "
                            "that calm inflammation”. Add a term only when the content explains "
                            "it."
                        ),
                        max_length=255,
                    ),
                ),
            ],
            options={
                "ordering": ["term"],
                "constraints": [
                    models.UniqueConstraint(
                        django.db.models.functions.text.Lower("term"), name="unique_explained_term"
                    )
                ],
            },
        ),
        migrations.RunPython(explained_terms_rights, migrations.RunPython.noop),
    ]

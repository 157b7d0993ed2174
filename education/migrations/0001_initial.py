"""The education app from nothing: its tables, the indexes the portal and the API sort
by, and clinical governance (the staff groups' rights and the "Clinical review" workflow).

Squashed from the migrations before any production install, and reviewed.

Groups (the Patients group is the accounts app's):
- Editors (Wagtail's own group, reused) write, edit and submit for review; they cannot
  publish, unpublish, delete live content or change privacy.
- Clinical reviewers get no standing rights to edit or publish: while an item waits in
  their review task, the task gives them the editor, approve and request changes;
  approving publishes (`education.approval`). Outside a review they can only look at
  conditions.

"Clinical review" applies to the whole page tree (from the root) and to conditions. It
replaces Wagtail's default "Moderators approval" workflow, whose "Moderators" group
could publish directly and would bypass clinical review: the workflow, its task and the
group are deleted when nothing uses them, and otherwise the workflow is switched off.
Going back restores Wagtail's defaults.
"""

import django.core.validators
import django.db.models.deletion
import modelcluster.fields
import modelsearch.index
import wagtail.fields
import wagtail.models.preview
from django.conf import settings
from django.db import migrations, models

import education.models.review

# Indexes on Wagtail's page table for the orders the portal and the API list by (title,
# newest first) and for finding a page by its address (PortalHomePage.route). Without
# them "the first 20 by title" and "the newest 4 related" sort every live page on each
# request. They cannot be in a model's Meta: the columns are Wagtail's, and Django indexes
# only a model's own fields. (first_published_at is indexed by Wagtail itself.)
PAGE_INDEXES = {
    "education_page_title_idx": "title",
    "education_page_last_published_idx": "last_published_at",
    "education_page_url_path_idx": "url_path",
}

ACCESS_ADMIN = ("wagtailadmin", "admin", "access_admin")
IMAGES = ("wagtailimages", "image")
DOCUMENTS = ("wagtaildocs", "document")
CONDITION = ("education", "condition")
WORKFLOW = "Clinical review"
WAGTAIL_DEFAULT = "Moderators approval"


def model_perms(model, *actions):
    app_label, name = model
    return [(app_label, name, f"{action}_{name}") for action in actions]


# Per group: model permissions, page permissions on the root page, and image and
# document permissions on the root collection.
GOVERNANCE = {
    "Editors": {
        "model": [ACCESS_ADMIN, *model_perms(CONDITION, "add", "change", "lock")],
        "page": ["add_page", "change_page", "lock_page"],
        "collection": [
            *model_perms(IMAGES, "add", "choose"),
            *model_perms(DOCUMENTS, "add", "choose"),
        ],
    },
    "Clinical reviewers": {
        "model": [ACCESS_ADMIN, *model_perms(CONDITION, "view")],
        "page": [],
        "collection": [*model_perms(IMAGES, "choose"), *model_perms(DOCUMENTS, "choose")],
    },
}
# What Wagtail's own migrations give its two groups.
WAGTAIL_GROUPS = {
    name: {
        "model": [
            ACCESS_ADMIN,
            *model_perms(IMAGES, "add", "change", "delete", "choose"),
            *model_perms(DOCUMENTS, "add", "change", "delete", "choose"),
        ],
        "page": pages,
        "collection": [
            *model_perms(IMAGES, "add", "change", "choose"),
            *model_perms(DOCUMENTS, "add", "change", "choose"),
        ],
    }
    for name, pages in [
        ("Moderators", ["add_page", "change_page", "lock_page", "publish_page", "unlock_page"]),
        ("Editors", ["add_page", "change_page", "lock_page"]),
    ]
}


def permission(apps, app_label, model, codename):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    perm, _ = Permission.objects.get_or_create(
        content_type=content_type,
        codename=codename,
        defaults={"name": f"Can {codename.replace('_', ' ')}"},
    )
    return perm


def set_group_permissions(apps, groups):
    """Give each group exactly the permissions listed, and nothing else."""
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    root_page = Page.objects.get(depth=1)
    root_collection = Collection.objects.get(depth=1)
    for name, perms in groups.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.set([permission(apps, *perm) for perm in perms["model"]])
        GroupPagePermission.objects.filter(group=group).delete()
        for codename in perms["page"]:
            GroupPagePermission.objects.create(
                group=group,
                page=root_page,
                permission=permission(apps, "wagtailcore", "page", codename),
            )
        GroupCollectionPermission.objects.filter(group=group).delete()
        for perm in perms["collection"]:
            GroupCollectionPermission.objects.create(
                group=group, collection=root_collection, permission=permission(apps, *perm)
            )


def assign(apps, workflow):
    """Make `workflow` the one for the whole page tree and for conditions."""
    Page = apps.get_model("wagtailcore", "Page")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")
    ContentType = apps.get_model("contenttypes", "ContentType")
    WorkflowPage.objects.update_or_create(
        page=Page.objects.get(depth=1), defaults={"workflow": workflow}
    )
    condition_type, _ = ContentType.objects.get_or_create(app_label="education", model="condition")
    WorkflowContentType.objects.update_or_create(
        content_type=condition_type, defaults={"workflow": workflow}
    )


def retire_wagtail_default(apps):
    Group = apps.get_model("auth", "Group")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    for workflow in Workflow.objects.filter(name=WAGTAIL_DEFAULT):
        if workflow.workflow_states.exists():
            # Its history stays readable; it just no longer applies.
            workflow.active = False
            workflow.save(update_fields=["active"])
        else:
            workflow.delete()
    for task in GroupApprovalTask.objects.filter(name=WAGTAIL_DEFAULT):
        if task.task_states.exists() or task.workflow_tasks.exists():
            task.active = False
            task.save(update_fields=["active"])
        else:
            task.delete()
    Group.objects.filter(name="Moderators", user__isnull=True).delete()


def create_governance(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    ClinicalReviewTask = apps.get_model("education", "ClinicalReviewTask")

    set_group_permissions(apps, GOVERNANCE)
    task_type, _ = ContentType.objects.get_or_create(
        app_label="education", model="clinicalreviewtask"
    )
    task = ClinicalReviewTask.objects.create(name=WORKFLOW, content_type=task_type, active=True)
    task.groups.set([Group.objects.get(name="Clinical reviewers")])
    workflow = Workflow.objects.create(name=WORKFLOW, active=True)
    WorkflowTask.objects.create(workflow=workflow, task_id=task.pk, sort_order=0)
    assign(apps, workflow)
    retire_wagtail_default(apps)


def remove_governance(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Task = apps.get_model("wagtailcore", "Task")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    Page = apps.get_model("wagtailcore", "Page")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")

    # The review task's table goes next, so its rows, and the reviews recorded against
    # them, go now.
    Workflow.objects.filter(name=WORKFLOW).delete()
    task_type = ContentType.objects.filter(app_label="education", model="clinicalreviewtask")
    Task.objects.filter(content_type__in=task_type).delete()
    WorkflowContentType.objects.filter(
        content_type__app_label="education", content_type__model="condition"
    ).delete()
    Group.objects.filter(name="Clinical reviewers").delete()
    set_group_permissions(apps, WAGTAIL_GROUPS)

    approval_type, _ = ContentType.objects.get_or_create(
        app_label="wagtailcore", model="groupapprovaltask"
    )
    task, _ = GroupApprovalTask.objects.get_or_create(
        name=WAGTAIL_DEFAULT, defaults={"content_type": approval_type}
    )
    task.active = True
    task.save(update_fields=["active"])
    task.groups.set([Group.objects.get(name="Moderators")])
    workflow, _ = Workflow.objects.get_or_create(name=WAGTAIL_DEFAULT)
    workflow.active = True
    workflow.save(update_fields=["active"])
    WorkflowTask.objects.get_or_create(
        workflow=workflow, task_id=task.pk, defaults={"sort_order": 0}
    )
    WorkflowPage.objects.update_or_create(
        page=Page.objects.get(depth=1), defaults={"workflow": workflow}
    )


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="EducationIndexPage",
            fields=[
                (
                    "page_ptr",
                    models.OneToOneField(
                        auto_created=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        parent_link=True,
                        primary_key=True,
                        serialize=False,
                        to=settings.WAGTAIL_PAGE_MODEL,
                    ),
                ),
                ("intro", wagtail.fields.RichTextField(blank=True)),
            ],
            options={
                "verbose_name": "topic hub",
            },
            bases=("wagtailcore.page",),
        ),
        migrations.CreateModel(
            name="PortalHomePage",
            fields=[
                (
                    "page_ptr",
                    models.OneToOneField(
                        auto_created=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        parent_link=True,
                        primary_key=True,
                        serialize=False,
                        to=settings.WAGTAIL_PAGE_MODEL,
                    ),
                ),
                ("intro", wagtail.fields.RichTextField(blank=True)),
            ],
            options={
                "verbose_name": "portal home page",
            },
            bases=("wagtailcore.page",),
        ),
        migrations.CreateModel(
            name="ClinicalReviewTask",
            fields=[
                (
                    "task_ptr",
                    models.OneToOneField(
                        auto_created=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        parent_link=True,
                        primary_key=True,
                        serialize=False,
                        to="wagtailcore.task",
                    ),
                ),
                (
                    "groups",
                    models.ManyToManyField(
                        help_text=(
                            "Pages/snippets at this step in a workflow will be moderated or "
                            "approved by these groups of users"
                        ),
                        to="auth.group",
                        verbose_name="groups",
                    ),
                ),
            ],
            options={
                "verbose_name": "clinical review task",
                "verbose_name_plural": "clinical review tasks",
            },
            bases=("wagtailcore.task",),
        ),
        migrations.CreateModel(
            name="Condition",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("live", models.BooleanField(default=True, editable=False, verbose_name="live")),
                (
                    "has_unpublished_changes",
                    models.BooleanField(
                        default=False, editable=False, verbose_name="has unpublished changes"
                    ),
                ),
                (
                    "first_published_at",
                    models.DateTimeField(
                        blank=True, db_index=True, null=True, verbose_name="first published at"
                    ),
                ),
                (
                    "last_published_at",
                    models.DateTimeField(
                        editable=False, null=True, verbose_name="last published at"
                    ),
                ),
                (
                    "go_live_at",
                    models.DateTimeField(blank=True, null=True, verbose_name="go live date/time"),
                ),
                (
                    "expire_at",
                    models.DateTimeField(blank=True, null=True, verbose_name="expiry date/time"),
                ),
                (
                    "expired",
                    models.BooleanField(default=False, editable=False, verbose_name="expired"),
                ),
                (
                    "locked",
                    models.BooleanField(default=False, editable=False, verbose_name="locked"),
                ),
                (
                    "locked_at",
                    models.DateTimeField(editable=False, null=True, verbose_name="locked at"),
                ),
                (
                    "reading_time_minutes",
                    models.PositiveSmallIntegerField(default=0, editable=False),
                ),
                (
                    "reading_grade",
                    models.DecimalField(
                        blank=True,
                        decimal_places=1,
                        editable=False,
                        max_digits=4,
                        null=True,
                        verbose_name="reading grade (Flesch-Kincaid)",
                    ),
                ),
                (
                    "smog_grade",
                    models.DecimalField(
                        blank=True,
                        decimal_places=1,
                        editable=False,
                        max_digits=4,
                        null=True,
                        verbose_name="reading grade (SMOG)",
                    ),
                ),
                ("last_reviewed", models.DateField(blank=True, null=True)),
                ("next_review_due", models.DateField(blank=True, null=True)),
                (
                    "review_interval_months",
                    models.PositiveSmallIntegerField(
                        default=education.models.review.default_review_interval,
                        help_text=(
                            "A reviewer's approval sets the next review this many months later."
                        ),
                        validators=[
                            django.core.validators.MinValueValidator(1),
                            django.core.validators.MaxValueValidator(60),
                        ],
                        verbose_name="review every (months)",
                    ),
                ),
                ("name", models.CharField(max_length=120, unique=True)),
                (
                    "slug",
                    models.SlugField(
                        help_text="Used in web addresses and the app API.",
                        max_length=120,
                        unique=True,
                    ),
                ),
                (
                    "other_names",
                    models.CharField(
                        blank=True,
                        help_text="Other names patients may know, separated by commas.",
                        max_length=255,
                    ),
                ),
                (
                    "is_autoimmune",
                    models.BooleanField(
                        default=False,
                        help_text="Tick only when the immune system attacks the body's own tissue.",
                        verbose_name="autoimmune disease",
                    ),
                ),
                (
                    "category",
                    models.CharField(
                        choices=[
                            ("autoimmune", "Autoimmune disease"),
                            ("musculoskeletal-pain", "Musculoskeletal pain disorder"),
                            ("widespread-pain", "Chronic widespread pain condition"),
                        ],
                        max_length=32,
                    ),
                ),
                (
                    "summary",
                    models.TextField(
                        help_text="One or two plain sentences for cards and the app.",
                        max_length=300,
                    ),
                ),
                ("overview", wagtail.fields.RichTextField()),
                ("nature", models.TextField(blank=True, verbose_name="what it is")),
                ("typical_causes", models.TextField(blank=True)),
                (
                    "relation_to_mps",
                    models.TextField(
                        blank=True, verbose_name="how it relates to myofascial pain syndrome"
                    ),
                ),
                (
                    "latest_revision",
                    models.ForeignKey(
                        blank=True,
                        editable=False,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to="wagtailcore.revision",
                        verbose_name="latest revision",
                    ),
                ),
                (
                    "live_revision",
                    models.ForeignKey(
                        blank=True,
                        editable=False,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to="wagtailcore.revision",
                        verbose_name="live revision",
                    ),
                ),
                (
                    "locked_by",
                    models.ForeignKey(
                        blank=True,
                        editable=False,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="locked_%(class)ss",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="locked by",
                    ),
                ),
                (
                    "reviewed_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "ordering": ["name"],
            },
            bases=(
                wagtail.models.preview.PreviewableMixin,
                modelsearch.index.Indexed,
                models.Model,
            ),
        ),
        migrations.CreateModel(
            name="ConditionResource",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("sort_order", models.IntegerField(blank=True, editable=False, null=True)),
                ("title", models.CharField(max_length=255)),
                ("url", models.URLField(verbose_name="web address")),
                ("publisher", models.CharField(max_length=255)),
                (
                    "condition",
                    modelcluster.fields.ParentalKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="resources",
                        to="education.condition",
                    ),
                ),
            ],
            options={
                "ordering": ["sort_order"],
                "abstract": False,
            },
        ),
        migrations.CreateModel(
            name="EducationPage",
            fields=[
                (
                    "page_ptr",
                    models.OneToOneField(
                        auto_created=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        parent_link=True,
                        primary_key=True,
                        serialize=False,
                        to=settings.WAGTAIL_PAGE_MODEL,
                    ),
                ),
                (
                    "reading_time_minutes",
                    models.PositiveSmallIntegerField(default=0, editable=False),
                ),
                (
                    "reading_grade",
                    models.DecimalField(
                        blank=True,
                        decimal_places=1,
                        editable=False,
                        max_digits=4,
                        null=True,
                        verbose_name="reading grade (Flesch-Kincaid)",
                    ),
                ),
                (
                    "smog_grade",
                    models.DecimalField(
                        blank=True,
                        decimal_places=1,
                        editable=False,
                        max_digits=4,
                        null=True,
                        verbose_name="reading grade (SMOG)",
                    ),
                ),
                ("last_reviewed", models.DateField(blank=True, null=True)),
                ("next_review_due", models.DateField(blank=True, null=True)),
                (
                    "review_interval_months",
                    models.PositiveSmallIntegerField(
                        default=education.models.review.default_review_interval,
                        help_text=(
                            "A reviewer's approval sets the next review this many months later."
                        ),
                        validators=[
                            django.core.validators.MinValueValidator(1),
                            django.core.validators.MaxValueValidator(60),
                        ],
                        verbose_name="review every (months)",
                    ),
                ),
                (
                    "summary",
                    models.TextField(
                        help_text="Two or three plain sentences: what the reader will learn.",
                        max_length=400,
                    ),
                ),
                (
                    "body",
                    wagtail.fields.StreamField(
                        [
                            ("heading", 2),
                            ("paragraph", 3),
                            ("figure", 6),
                            ("callout", 9),
                            ("comparison_table", 17),
                            ("condition_list", 22),
                            ("key_points", 27),
                            ("treatment", 31),
                            ("treatment_plan", 36),
                            ("resource_links", 41),
                        ],
                        block_lookup={
                            0: ("wagtail.blocks.CharBlock", (), {"max_length": 120}),
                            1: (
                                "wagtail.blocks.ChoiceBlock",
                                [],
                                {
                                    "choices": [
                                        ("h2", "Section (level 2)"),
                                        ("h3", "Subsection (level 3)"),
                                    ]
                                },
                            ),
                            2: ("wagtail.blocks.StructBlock", [[("text", 0), ("level", 1)]], {}),
                            3: ("education.blocks.ParagraphBlock", (), {}),
                            4: ("wagtail.images.blocks.ImageBlock", [], {}),
                            5: (
                                "wagtail.blocks.CharBlock",
                                (),
                                {"max_length": 255, "required": False},
                            ),
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
                            15: (
                                "wagtail.blocks.StructBlock",
                                [[("heading", 0), ("cells", 14)]],
                                {},
                            ),
                            16: ("wagtail.blocks.ListBlock", (15,), {"min_num": 1}),
                            17: (
                                "wagtail.blocks.StructBlock",
                                [
                                    [
                                        ("caption", 10),
                                        ("corner_heading", 11),
                                        ("columns", 12),
                                        ("rows", 16),
                                    ]
                                ],
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
                                {
                                    "help_text": "Why this condition is listed here.",
                                    "required": False,
                                },
                            ),
                            20: (
                                "wagtail.blocks.StructBlock",
                                [[("condition", 18), ("note", 19)]],
                                {},
                            ),
                            21: ("wagtail.blocks.ListBlock", (20,), {"min_num": 1}),
                            22: (
                                "wagtail.blocks.StructBlock",
                                [[("heading", 0), ("items", 21)]],
                                {},
                            ),
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
                                        (
                                            "physical-therapy",
                                            "Physical therapy and manual techniques",
                                        ),
                                        ("exercise", "Exercise"),
                                        ("complementary", "Complementary therapy"),
                                        ("medicine", "Medicine"),
                                        ("self-care", "Self-care and lifestyle"),
                                        ("mental-health", "Mental health"),
                                    ]
                                },
                            ),
                            29: (
                                "wagtail.blocks.ListBlock",
                                (18,),
                                {"label": "Helps with", "min_num": 1},
                            ),
                            30: (
                                "wagtail.blocks.TextBlock",
                                (),
                                {"help_text": "Cautions or practical tips.", "required": False},
                            ),
                            31: (
                                "wagtail.blocks.StructBlock",
                                [
                                    [
                                        ("name", 0),
                                        ("category", 28),
                                        ("description", 24),
                                        ("conditions", 29),
                                        ("notes", 30),
                                    ]
                                ],
                                {},
                            ),
                            32: (
                                "wagtail.blocks.ListBlock",
                                (18,),
                                {"label": "For", "required": False},
                            ),
                            33: ("wagtail.blocks.ListBlock", (31,), {"min_num": 1}),
                            34: (
                                "wagtail.blocks.StructBlock",
                                [[("title", 0), ("conditions", 32), ("treatments", 33)]],
                                {},
                            ),
                            35: ("wagtail.blocks.ListBlock", (34,), {"min_num": 1}),
                            36: (
                                "wagtail.blocks.StructBlock",
                                [[("heading", 0), ("intro", 23), ("groups", 35)]],
                                {},
                            ),
                            37: (
                                "wagtail.blocks.CharBlock",
                                (),
                                {"default": "Where to learn more", "max_length": 120},
                            ),
                            38: ("wagtail.blocks.URLBlock", (), {"label": "Web address"}),
                            39: (
                                "wagtail.blocks.StructBlock",
                                [
                                    [
                                        ("title", 13),
                                        ("url", 38),
                                        ("publisher", 13),
                                        ("description", 5),
                                    ]
                                ],
                                {},
                            ),
                            40: ("wagtail.blocks.ListBlock", (39,), {"min_num": 1}),
                            41: (
                                "wagtail.blocks.StructBlock",
                                [[("heading", 37), ("links", 40)]],
                                {},
                            ),
                        },
                    ),
                ),
                (
                    "conditions",
                    modelcluster.fields.ParentalManyToManyField(
                        blank=True,
                        help_text="The conditions this article covers.",
                        related_name="education_pages",
                        to="education.condition",
                    ),
                ),
                (
                    "reviewed_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "verbose_name": "education article",
            },
            bases=("wagtailcore.page", models.Model),
        ),
        migrations.CreateModel(
            name="ConditionCode",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("sort_order", models.IntegerField(blank=True, editable=False, null=True)),
                (
                    "system",
                    models.CharField(
                        choices=[("ICD-10-CM", "ICD-10-CM"), ("SNOMED-CT", "SNOMED CT")],
                        max_length=16,
                    ),
                ),
                ("code", models.CharField(max_length=32)),
                ("display", models.CharField(max_length=255, verbose_name="display name")),
                (
                    "condition",
                    modelcluster.fields.ParentalKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="codes",
                        to="education.condition",
                    ),
                ),
            ],
            options={
                "ordering": ["sort_order"],
                "abstract": False,
                "constraints": [
                    models.UniqueConstraint(
                        fields=("system", "code"), name="unique_code_per_system"
                    )
                ],
            },
        ),
        migrations.CreateModel(
            name="ConditionRelation",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("sort_order", models.IntegerField(blank=True, editable=False, null=True)),
                (
                    "note",
                    models.CharField(
                        help_text="In a sentence: how the two conditions overlap.", max_length=255
                    ),
                ),
                (
                    "condition",
                    modelcluster.fields.ParentalKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="related_links",
                        to="education.condition",
                    ),
                ),
                (
                    "related",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="education.condition",
                        verbose_name="related condition",
                    ),
                ),
            ],
            options={
                "ordering": ["sort_order"],
                "abstract": False,
                "constraints": [
                    models.UniqueConstraint(
                        fields=("condition", "related"), name="unique_related_condition"
                    )
                ],
            },
        ),
        migrations.CreateModel(
            name="ReadingRecord",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("saved_at", models.DateTimeField(blank=True, null=True)),
                ("read_at", models.DateTimeField(blank=True, null=True)),
                ("viewed_at", models.DateTimeField(blank=True, null=True)),
                (
                    "page",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="education.educationpage",
                    ),
                ),
                (
                    "user",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="reading_records",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "indexes": [
                    models.Index(
                        fields=["user", "-saved_at"], name="education_r_user_id_53c381_idx"
                    )
                ],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("user", "page"), name="one_reading_record_per_article"
                    )
                ],
            },
        ),
        *(
            migrations.RunSQL(
                f"CREATE INDEX {name} ON wagtailcore_page ({column})",
                reverse_sql=f"DROP INDEX {name}",
            )
            for name, column in PAGE_INDEXES.items()
        ),
        migrations.RunPython(create_governance, remove_governance),
    ]

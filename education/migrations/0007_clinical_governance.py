"""Least privilege for the three groups, and the "Clinical review" workflow.

Editors write, edit and submit for review; they cannot publish, unpublish, delete live
content or change privacy. Clinical reviewers get no standing rights to edit or publish:
while an item waits in their review task, the task gives them the editor, approve and
request changes; approving publishes (see `education.approval`). Outside a review they
can only look at conditions. Patients get no admin rights at all.

"Clinical review" applies to the whole page tree (from the root) and to conditions. It
replaces Wagtail's default "Moderators approval" workflow, whose "Moderators" group
could publish directly and would bypass clinical review: the workflow, its task and the
group are deleted when nothing uses them, and otherwise the workflow is switched off.
Going back restores the groups as migration 0002 and Wagtail's own migrations left them.
"""

from django.db import migrations

ROOT = "root"
ACCESS_ADMIN = ("wagtailadmin", "admin", "access_admin")
IMAGES = ("wagtailimages", "image")
DOCUMENTS = ("wagtaildocs", "document")
CONDITION = ("education", "condition")


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
    "Patients": {"model": [], "page": [], "collection": []},
}

BEFORE = {
    "Moderators": {
        "model": [
            ACCESS_ADMIN,
            *model_perms(IMAGES, "add", "change", "delete", "choose"),
            *model_perms(DOCUMENTS, "add", "change", "delete", "choose"),
        ],
        "page": ["add_page", "change_page", "lock_page", "publish_page", "unlock_page"],
        "collection": [
            *model_perms(IMAGES, "add", "change", "choose"),
            *model_perms(DOCUMENTS, "add", "change", "choose"),
        ],
    },
    "Editors": {
        "model": [
            ACCESS_ADMIN,
            *model_perms(CONDITION, "add", "change", "lock"),
            *model_perms(IMAGES, "add", "change", "delete", "choose"),
            *model_perms(DOCUMENTS, "add", "change", "delete", "choose"),
        ],
        "page": ["add_page", "change_page", "lock_page"],
        "collection": [
            *model_perms(IMAGES, "add", "change", "choose"),
            *model_perms(DOCUMENTS, "add", "change", "choose"),
        ],
    },
    "Clinical reviewers": {
        "model": [ACCESS_ADMIN, *model_perms(CONDITION, "change", "lock", "unlock")],
        "page": ["change_page", "lock_page", "unlock_page"],
        "collection": [*model_perms(IMAGES, "choose"), *model_perms(DOCUMENTS, "choose")],
    },
    "Patients": {"model": [], "page": [], "collection": []},
}

WORKFLOW = "Clinical review"
WAGTAIL_DEFAULT = "Moderators approval"


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

    # The clinical review task's table goes with the previous migration, so its rows, and
    # the reviews recorded against them, go now.
    Workflow.objects.filter(name=WORKFLOW).delete()
    task_type = ContentType.objects.filter(app_label="education", model="clinicalreviewtask")
    Task.objects.filter(content_type__in=task_type).delete()
    WorkflowContentType.objects.filter(
        content_type__app_label="education", content_type__model="condition"
    ).delete()

    set_group_permissions(apps, BEFORE)

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
    Page = apps.get_model("wagtailcore", "Page")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    WorkflowPage.objects.update_or_create(
        page=Page.objects.get(depth=1), defaults={"workflow": workflow}
    )


class Migration(migrations.Migration):
    dependencies = [
        ("education", "0006_clinical_review_task"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]

    operations = [migrations.RunPython(create_governance, remove_governance)]

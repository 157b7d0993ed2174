"""The three groups the hospital works with, each with the least it needs.

Editors write and submit; clinical reviewers review through the workflow; patients
have no admin access at all. Publishing is left to the review workflow. Wagtail's
own migrations already made an "Editors" group: it is reused and given condition rights.
"""

from django.db import migrations

GROUPS = ["Editors", "Clinical reviewers", "Patients"]
STAFF_GROUPS = ["Editors", "Clinical reviewers"]
CONDITION_PERMISSIONS = {
    "Editors": ["add", "change", "lock"],
    "Clinical reviewers": ["change", "lock", "unlock"],
}
PAGE_PERMISSIONS = {
    "Editors": ["add_page", "change_page", "lock_page"],
    "Clinical reviewers": ["change_page", "lock_page", "unlock_page"],
}
COLLECTION_PERMISSIONS = {
    "Editors": [
        ("wagtailimages", "image", ["add", "choose"]),
        ("wagtaildocs", "document", ["add", "choose"]),
    ],
    "Clinical reviewers": [
        ("wagtailimages", "image", ["choose"]),
        ("wagtaildocs", "document", ["choose"]),
    ],
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


def create_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    root_page = Page.objects.filter(depth=1).first()
    root_collection = Collection.objects.filter(depth=1).first()

    for name in GROUPS:
        group, _ = Group.objects.get_or_create(name=name)
        if name not in STAFF_GROUPS:
            continue
        group.permissions.add(permission(apps, "wagtailadmin", "admin", "access_admin"))
        for action in CONDITION_PERMISSIONS[name]:
            group.permissions.add(permission(apps, "education", "condition", f"{action}_condition"))
        for codename in PAGE_PERMISSIONS[name]:
            GroupPagePermission.objects.get_or_create(
                group=group,
                page=root_page,
                permission=permission(apps, "wagtailcore", "page", codename),
            )
        for app_label, model, actions in COLLECTION_PERMISSIONS[name]:
            for action in actions:
                GroupCollectionPermission.objects.get_or_create(
                    group=group,
                    collection=root_collection,
                    permission=permission(apps, app_label, model, f"{action}_{model}"),
                )


def remove_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Group.objects.filter(name__in=["Clinical reviewers", "Patients"]).delete()
    for group in Group.objects.filter(name="Editors"):
        group.permissions.remove(*group.permissions.filter(content_type__app_label="education"))


class Migration(migrations.Migration):
    dependencies = [
        ("education", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]

"""Editorial roles and the two-step review workflow.

* Group "Redaktion": creates and edits pages and submits them for review; may not publish. Uploads
  images and documents and chooses any of them (edits and deletes only its own uploads), maintains
  the directories (organisations, people, contacts) and search promotions.
* Group "Freigabe": everything the editors may do, plus publishing, unpublishing, unlocking and
  deleting pages, editing and deleting any image or document, and redirects.
* Workflow "Zweistufige Freigabe": 1. "Redaktionelle Prüfung" (Redaktion or Freigabe),
  2. "Freigabe zur Veröffentlichung" (Freigabe). It is assigned to the root of the page tree, so it
  covers the site root and every page below it, whichever home page the site uses.

Page permissions are granted on the root of the page tree, collection permissions on the root
collection. Django creates permissions only after all migrations, so missing ones are created here.

History: until issue 16 this was ``news/migrations/0002_roles_and_workflow`` (now a no-op kept for
existing databases). Every step is idempotent (get_or_create, permissions added to a set), so on a
database where news 0002 already did the work this migration changes nothing. The migrations of
events, materials and accessibility that granted their models to the roles (``…_site_roles_permissions``)
depend on news 0002 and may run before this one on a new database, when the groups do not exist
yet and they skip them; so their permissions (``APP_PERMISSIONS``) are granted here as well.
"""

from django.db import migrations

from cms.core.permissions import granter

EDITORS = "Redaktion"
REVIEWERS = "Freigabe"
WORKFLOW = "Zweistufige Freigabe"
TASKS = [
    ("Redaktionelle Prüfung", [EDITORS, REVIEWERS]),
    ("Freigabe zur Veröffentlichung", [REVIEWERS]),
]

PAGE = ("wagtailcore", "page")
IMAGE = ("wagtailimages", "image")
DOCUMENT = ("wagtaildocs", "document")

PAGE_PERMISSIONS = {
    EDITORS: ["add_page", "change_page", "lock_page"],
    REVIEWERS: ["add_page", "change_page", "lock_page", "publish_page", "unlock_page", "bulk_delete_page"],
}
COLLECTION_PERMISSIONS = {
    # Wagtail lets uploaders edit and delete their own files; "change" would allow editing and
    # deleting everyone's files, so that is left to the reviewers.
    EDITORS: [(IMAGE, "add"), (IMAGE, "choose"), (DOCUMENT, "add"), (DOCUMENT, "choose")],
    REVIEWERS: [
        (IMAGE, "add"),
        (IMAGE, "change"),
        (IMAGE, "choose"),
        (IMAGE, "delete"),
        (DOCUMENT, "add"),
        (DOCUMENT, "change"),
        (DOCUMENT, "choose"),
        (DOCUMENT, "delete"),
    ],
}
SNIPPETS = [("core", "organisation"), ("core", "person"), ("core", "contact"), ("core", "goodpracticecriterion")]
PROMOTIONS = ("wagtailsearchpromotions", "searchpromotion")
REDIRECTS = ("wagtailredirects", "redirect")
PRESENTATIONS = ("meetings", "meetingpresentation")
MODEL_PERMISSIONS = {
    EDITORS: [
        (("wagtailadmin", "admin"), "access"),
        *((model, action) for model in SNIPPETS for action in ("add", "change", "view")),
        (PROMOTIONS, "add"),
        (PROMOTIONS, "change"),
        (PRESENTATIONS, "view"),
    ],
    REVIEWERS: [
        (("wagtailadmin", "admin"), "access"),
        *((model, action) for model in SNIPPETS for action in ("add", "change", "view", "delete")),
        (PROMOTIONS, "add"),
        (PROMOTIONS, "change"),
        (PROMOTIONS, "delete"),
        (REDIRECTS, "add"),
        (REDIRECTS, "change"),
        (REDIRECTS, "delete"),
        (PRESENTATIONS, "view"),
    ],
}
# Models of the content apps that both roles handle (as granted by their ``…_site_roles_permissions``).
APP_PERMISSIONS = {
    "events": ["view_eventsubmission", "change_eventsubmission"],
    "materials": [
        "view_order",
        "change_order",
        "add_ordercatalogueitem",
        "change_ordercatalogueitem",
        "delete_ordercatalogueitem",
        "view_ordercatalogueitem",
    ],
    "accessibility": ["view_accessibilityfeedback", "change_accessibilityfeedback"],
}


def permission(apps, app_label, model, codename):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    return Permission.objects.get_or_create(
        content_type=content_type,
        codename=codename,
        defaults={"name": f"Can {codename.replace('_', ' ')}"},
    )[0]


def model_permission(apps, model, action):
    app_label, model_name = model
    return permission(apps, app_label, model_name, f"{action}_{model_name}")


def create_roles(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")

    root_page = Page.objects.filter(depth=1).order_by("path").first()
    root_collection = Collection.objects.filter(depth=1).order_by("path").first()
    groups = {}
    for name in (EDITORS, REVIEWERS):
        group, _ = Group.objects.get_or_create(name=name)
        groups[name] = group
        group.permissions.add(*(model_permission(apps, *item) for item in MODEL_PERMISSIONS[name]))
        if root_page is not None:
            for codename in PAGE_PERMISSIONS[name]:
                GroupPagePermission.objects.get_or_create(
                    group=group, page=root_page, permission=permission(apps, *PAGE, codename)
                )
        if root_collection is not None:
            for model, action in COLLECTION_PERMISSIONS[name]:
                GroupCollectionPermission.objects.get_or_create(
                    group=group, collection=root_collection, permission=model_permission(apps, model, action)
                )

    task_type, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model="groupapprovaltask")
    workflow, created = Workflow.objects.get_or_create(name=WORKFLOW, defaults={"active": True})
    if created:
        for position, (task_name, group_names) in enumerate(TASKS):
            task = GroupApprovalTask.objects.create(name=task_name, content_type=task_type, active=True)
            task.groups.set([groups[name] for name in group_names])
            WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=position)
    if root_page is not None:
        WorkflowPage.objects.update_or_create(page=root_page, defaults={"workflow": workflow})

    for app_label, codenames in APP_PERMISSIONS.items():
        grant, _revoke = granter(app_label, codenames, [EDITORS, REVIEWERS])
        grant(apps, schema_editor)


def remove_roles(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    Task = apps.get_model("wagtailcore", "Task")
    workflow = Workflow.objects.filter(name=WORKFLOW).first()
    if workflow is not None:
        Task.objects.filter(workflow_tasks__workflow=workflow).delete()
        workflow.delete()
    Group.objects.filter(name__in=[EDITORS, REVIEWERS]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailsearchpromotions", "0008_query_verbose_name"),
        ("wagtailredirects", "0008_add_verbose_name_plural"),
        ("core", "0001_initial"),
        ("meetings", "0002_initial"),
        ("events", "0002_event_submission"),
        ("materials", "0001_initial"),
        ("accessibility", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]

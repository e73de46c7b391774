"""Pages with an umlaut slug (made before WAGTAIL_ALLOW_UNICODE_SLUGS=False) get the German ASCII slug
(ü → ue, cms/core/slugs.py); every old address of the page and its subpages redirects permanently to
the page (wagtail.contrib.redirects). Their revisions get the new slug too, so publishing an older
draft does not bring the umlaut back."""

from django.db import migrations
from wagtail.contrib.redirects.models import Redirect as RedirectModel

from cms.core.slugs import german_slugify


def _is_ascii(text):
    return text.isascii()


def rename_slugs(apps, schema_editor):
    Page = apps.get_model("wagtailcore", "Page")
    Site = apps.get_model("wagtailcore", "Site")
    Redirect = apps.get_model("wagtailredirects", "Redirect")
    Revision = apps.get_model("wagtailcore", "Revision")
    sites = [(site, site.root_page.url_path) for site in Site.objects.select_related("root_page")]

    for page in Page.objects.order_by("depth"):
        if _is_ascii(page.slug):
            continue
        page.refresh_from_db()  # a renamed ancestor changed its url_path
        siblings = set(
            Page.objects.filter(path__startswith=page.path[: -4], depth=page.depth)
            .exclude(pk=page.pk)
            .values_list("slug", flat=True)
        )
        base = german_slugify(page.slug) or "seite"
        slug, number = base, 1
        while slug in siblings:
            number += 1
            slug = f"{base}-{number}"
        old_url_path = page.url_path
        new_url_path = old_url_path[: -len(page.slug) - 1] + slug + "/"
        subtree = Page.objects.filter(path__startswith=page.path).order_by("path")
        for node in subtree:
            old = node.url_path
            node.url_path = new_url_path + old[len(old_url_path) :]
            if node.pk == page.pk:
                node.slug = slug
            node.save(update_fields=["slug", "url_path"])
            for site, root_url_path in sites:
                if old.startswith(root_url_path):
                    Redirect.objects.get_or_create(
                        old_path=RedirectModel.normalise_path(old[len(root_url_path) - 1 :]),
                        site=site,
                        defaults={"redirect_page_id": node.pk, "is_permanent": True},
                    )
            for revision in Revision.objects.filter(object_id=str(node.pk), base_content_type__model="page"):
                content = revision.content or {}
                if node.pk == page.pk:
                    content["slug"] = slug
                if "url_path" in content:
                    content["url_path"] = node.url_path
                revision.content = content
                revision.save(update_fields=["content"])


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailredirects", "0008_add_verbose_name_plural"),
    ]

    operations = [migrations.RunPython(rename_slugs, migrations.RunPython.noop)]

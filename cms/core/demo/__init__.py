"""Demo content: the site as the client's texts describe it, loaded by ``manage.py load_demo_content``.

``load_all(stdout)`` runs, inside one transaction:

1. the loaders in ``DEMO_LOADERS`` (core: snippets, documents, home page; regions; meetings),
2. then the loaders named in the setting ``DEMO_CONTENT_LOADERS`` (a list of dotted paths, optional),
3. then ``FINAL_LOADERS`` (steps that connect content of several apps, e.g. the home page's
   focus-area links to section pages created by other apps).

A loader is a callable that takes one argument, a :class:`~cms.core.demo.utils.DemoLog`, and must
be idempotent: look everything up by a natural key (slug under its parent, name, title) and create
only what is missing, never update or duplicate. ``cms.core.demo.utils`` has the helpers for that
(``ensure_child_page``, ``ensure_document``, ``get_or_create``, StreamField block builders), and
``cms.core.demo.site`` the shared records (``get_home_page()``, ``organisation(log, "dihk")``,
``contact(log, "woche")`` …).

To add an app's demo content, write e.g. ``events/demo.py`` with ``def load(log): ...`` and append
its dotted path, either here::

    DEMO_LOADERS = [..., "events.demo.load"]

or, without touching this module, in the settings::

    DEMO_CONTENT_LOADERS = ["events.demo.load", "news.demo.load"]

A path listed in both places runs once. Loaders run in list order, so a loader may rely on the
pages of the core loaders (the home page exists when it runs).

This package is imported by ``scripts/make_demo_documents.py`` without Django being set up, so
keep Django imports inside the functions.
"""

DEMO_LOADERS = [
    "home.demo.load",
    "regions.demo.load",
    "meetings.demo.load",
    "events.demo.load",
    "materials.demo.load",
]

FINAL_LOADERS = [
    "home.demo.link_focus_areas",
]


def loader_paths():
    """Dotted paths of all loaders in the order they run, each once."""
    from django.conf import settings

    paths = [*DEMO_LOADERS, *getattr(settings, "DEMO_CONTENT_LOADERS", []), *FINAL_LOADERS]
    return list(dict.fromkeys(paths))


def load_all(stdout=None):
    """Load all demo content (idempotent). Returns the DemoLog listing what was created."""
    from django.db import transaction
    from django.utils.module_loading import import_string

    from cms.core.demo.utils import DemoLog

    log = DemoLog(stdout)
    with transaction.atomic():
        for path in loader_paths():
            log.write(f"{path}")
            import_string(path)(log)
    return log

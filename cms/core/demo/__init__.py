"""Demo content: the site as the client's texts describe it, loaded by ``manage.py load_demo_content``.

Each app owns its demo content in ``<app>/demo.py``; the project setting ``DEMO_LOADERS`` lists the
loaders (dotted paths) in the order they run, from the shared snippets (``cms.core.demo.snippets``)
and the home page (``home.demo.load``) to the steps that connect content of several apps (the home
page's focus-area links, ``home.demo.link_focus_areas``, last). ``load_all(stdout)`` runs them
inside one transaction.

A loader is a callable that takes one argument, a :class:`~cms.core.demo.utils.DemoLog`, and must
be idempotent: look everything up by a natural key (slug under its parent, name, title) and create
only what is missing, never update or duplicate. ``cms.core.demo.utils`` has the helpers for that
(``ensure_child_page``, ``ensure_document``, ``get_or_create``, StreamField block builders),
``cms.core.demo.snippets`` the shared records (``organisation(log, "dihk")``,
``contact(log, "woche")`` …) and ``home.demo.get_home_page()`` the page the sections hang under.

To add an app's demo content, write ``<app>/demo.py`` with ``def load(log): ...`` and insert its
dotted path into ``DEMO_LOADERS`` after the loaders whose pages it needs.
"""

from django.conf import settings
from django.db import transaction
from django.utils.module_loading import import_string

from cms.core.demo.utils import DemoLog


def loader_paths():
    """Dotted paths of all loaders in the order they run (the setting ``DEMO_LOADERS``)."""
    return list(settings.DEMO_LOADERS)


def load_all(stdout=None):
    """Load all demo content (idempotent). Returns the DemoLog listing what was created."""
    log = DemoLog(stdout)
    with transaction.atomic():
        for path in loader_paths():
            log.write(f"{path}")
            import_string(path)(log)
    return log

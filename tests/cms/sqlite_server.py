"""A site on a SQLite file, served by Django's threaded development server (runserver's), for
tests/cms/test_sqlite_writes.py: ``python tests/cms/sqlite_server.py`` with DATABASE_URL set.

Adds a week that accepts event reports, then prints ``READY <port> <address of the form>`` and
serves on a free port until it is terminated.
"""

import datetime
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))


def main():
    import django

    django.setup()
    from django.core.servers.basehttp import ThreadedWSGIServer, WSGIRequestHandler
    from django.core.wsgi import get_wsgi_application

    from tests.factories.events import EventIndexPageFactory
    from tests.factories.home import make_site_root

    year = datetime.date.today().year + 1
    index = EventIndexPageFactory(
        parent=make_site_root(),
        year=year,
        week_start=datetime.date(year, 9, 14),
        week_end=datetime.date(year, 9, 20),
    )
    form_path = index.url + index.reverse_subpage("submit")

    class QuietHandler(WSGIRequestHandler):
        def log_message(self, *args):
            pass

    server = ThreadedWSGIServer(("127.0.0.1", 0), QuietHandler)
    server.daemon_threads = True
    server.set_app(get_wsgi_application())
    sys.stdout.write(f"READY {server.server_address[1]} {form_path}\n")
    sys.stdout.flush()
    server.serve_forever()


if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")
    main()

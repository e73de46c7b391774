"""Two app instances (gunicorn) sharing one PostgreSQL database and one Redis: a page published in
the admin of instance A is fresh on instance B at once, although B had it in the page cache."""

import os
import subprocess
import sys
from contextlib import ExitStack, contextmanager

import pytest
import requests
from bs4 import BeautifulSoup
from django.contrib.auth.hashers import PBKDF2PasswordHasher

from tests.factories.home import make_site_root
from tests.factories.news import NewsIndexPageFactory
from tests.support.instances import BASE_DIR, database_url, free_port, wait_until_up

# Committed data (the instances are other processes). No serialized_rollback: after an earlier
# transactional test (the backup round trip) has flushed the database, reloading the serialized
# migration data collides with the content types that the flush recreated; make_site_root() builds
# what this test needs.
pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def start_instance(port, redis_url):
    env = {
        **os.environ,
        # dev settings without debug: production minus HTTPS-only cookies and the static manifest,
        # which would need a collectstatic run first.
        "DJANGO_SETTINGS_MODULE": "cms.settings.dev",
        "DEBUG": "0",
        "DATABASE_URL": database_url(),
        "REDIS_URL": redis_url,
        "PAGE_CACHE_SECONDS": "600",
        "ALLOWED_HOSTS": "127.0.0.1",
    }
    command = [sys.executable, "-m", "gunicorn", "--bind", f"127.0.0.1:{port}", "--workers", "1"]
    command += ["--threads", "2", "--no-control-socket", "--log-level", "warning", "cms.wsgi"]
    return subprocess.Popen(command, cwd=BASE_DIR, env=env)  # noqa: S603 - fixed command


@contextmanager
def instances(count, redis_url):
    ports = [free_port() for _ in range(count)]
    processes = [start_instance(port, redis_url) for port in ports]
    try:
        urls = [f"http://127.0.0.1:{port}" for port in ports]
        for url, process in zip(urls, processes, strict=True):
            wait_until_up(url, process)
        yield urls
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()


def form_data(form):
    """The values a browser would send for ``form`` without touching it."""
    data = []
    for field in form.find_all(["input", "textarea", "select"]):
        name = field.get("name")
        if not name or field.get("type") in {"submit", "button", "file", "image"}:
            continue
        if field.name == "textarea":
            data.append((name, field.text))
        elif field.name == "select":
            data += [
                (name, option.get("value", option.text)) for option in field.find_all("option", selected=True)
            ]
        elif field.get("type") in {"checkbox", "radio"}:
            if field.has_attr("checked"):
                data.append((name, field.get("value", "on")))
        else:
            data.append((name, field.get("value", "")))
    return data


def admin_publish_title(base_url, page, title, user, password):
    session = requests.Session()
    login_url = f"{base_url}/admin/login/"
    login = BeautifulSoup(session.get(login_url, timeout=10).text, "html.parser")
    token = login.find("input", {"name": "csrfmiddlewaretoken"})["value"]
    response = session.post(
        login_url,
        data={"csrfmiddlewaretoken": token, "username": user, "password": password, "next": "/admin/"},
        headers={"Referer": login_url},
        timeout=10,
    )
    assert response.ok and "sessionid" in session.cookies, "Anmeldung an Instanz A fehlgeschlagen"

    edit_url = f"{base_url}/admin/pages/{page.pk}/edit/"
    edit = BeautifulSoup(session.get(edit_url, timeout=10).text, "html.parser")
    data = [
        (name, value) for name, value in form_data(edit.find("form", id="page-edit-form")) if name != "title"
    ]
    data += [("title", title), ("action-publish", "action-publish")]
    response = session.post(
        edit_url, data=data, headers={"Referer": edit_url}, timeout=30, allow_redirects=False
    )
    assert response.status_code == 302, f"Veröffentlichen über Instanz A schlug fehl ({response.status_code})"


def test_a_page_published_on_one_instance_is_fresh_on_the_other(redis_url, django_user_model):
    home = make_site_root()
    news_index = NewsIndexPageFactory(parent=home, title="Aktuelles")
    editor = django_user_model.objects.create_superuser("redaktion", "redaktion@example.org")
    # The test settings hash with MD5, which the instances do not accept: store a PBKDF2 hash.
    editor.password = PBKDF2PasswordHasher().encode("zwei-instanzen", PBKDF2PasswordHasher().salt())
    editor.save()

    with ExitStack() as stack:
        instance_a, instance_b = stack.enter_context(instances(2, redis_url))
        page_on_b = f"{instance_b}{news_index.url}"
        requests.get(page_on_b, timeout=10)
        cached = requests.get(page_on_b, timeout=10)
        assert cached.headers["X-Page-Cache"] == "hit"
        assert "Aktuelles" in cached.text

        admin_publish_title(instance_a, news_index, "Neues aus dem N3tzwerk", "redaktion", "zwei-instanzen")

        fresh = requests.get(page_on_b, timeout=10)
        assert fresh.headers["X-Page-Cache"] == "miss"
        assert "Neues aus dem N3tzwerk" in fresh.text

"""App instances in other processes (gunicorn, ``make serve``): their free port, the database URL
of the test database and the wait until they answer."""

import socket
import time
from pathlib import Path

import pytest
import requests
from django.db import connection

BASE_DIR = Path(__file__).resolve().parents[2]


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def database_url():
    db = connection.settings_dict
    password = f":{db['PASSWORD']}" if db["PASSWORD"] else ""
    return f"postgres://{db['USER']}{password}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


def wait_until_up(url, process, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"gunicorn an {url} hat sich beendet (Code {process.returncode}).")
        try:
            requests.get(f"{url}/robots.txt", timeout=10)
            return
        except requests.RequestException:
            time.sleep(0.2)
    pytest.fail(f"gunicorn an {url} antwortet nicht.")

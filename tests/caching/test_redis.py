"""The Redis cache's circuit breaker and per-process fallback (cms/caching/redis.py, issue 15),
against a real Redis started for the test on a free port and stopped in the middle."""

import shutil
import socket
import subprocess
import time
from unittest import mock

import pytest
import redis
from django.test import Client, override_settings
from redis.connection import Connection

from cms.caching.redis import ResilientRedisCache
from tests.support.settings import _restore_settings_modules, load_settings  # noqa: F401 - fixture

pytestmark = pytest.mark.skipif(not shutil.which("redis-server"), reason="needs redis-server")

BREAKER_SECONDS = 1.0


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class RedisServer:
    def __init__(self, tmp_path):
        self.port, self.dir, self.process = free_port(), tmp_path, None
        self.url = f"redis://127.0.0.1:{self.port}/0"

    def start(self):
        command = ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--dir"]
        self.process = subprocess.Popen([*command, str(self.dir)], stdout=subprocess.DEVNULL)  # noqa: S603
        raw = redis.Redis.from_url(self.url, socket_connect_timeout=0.2)
        for _ in range(100):
            try:
                raw.ping()
                return raw
            except redis.ConnectionError:
                time.sleep(0.05)
        raise RuntimeError("redis-server did not start")

    def stop(self):
        if self.process is not None:
            self.process.terminate()
            self.process.wait(10)
            self.process = None


@pytest.fixture
def server(tmp_path):
    server = RedisServer(tmp_path)
    server.raw = server.start()
    yield server
    server.stop()


def make_cache(url, **options):
    return ResilientRedisCache(
        url,
        {
            "KEY_PREFIX": "t",
            "OPTIONS": {
                "SOCKET_CONNECT_TIMEOUT": 1,
                "SOCKET_TIMEOUT": 1,
                "BREAKER_SECONDS": BREAKER_SECONDS,
                "DELETE_ON_RECOVERY": ["pagecache:token"],
                **options,
            },
        },
    )


@pytest.fixture
def connects():
    """Counts the connection attempts to any Redis."""
    with mock.patch.object(Connection, "_connect", autospec=True, side_effect=Connection._connect) as spy:
        yield spy


def test_after_a_failure_redis_is_not_asked_until_the_window_is_over(server, connects):
    cache = make_cache(server.url)
    cache.set("before", 1)
    assert cache.get("before") == 1
    server.stop()

    assert cache.get("before") is None  # the one call that finds Redis gone
    assert connects.call_count >= 2
    attempts = connects.call_count
    started = time.monotonic()
    for number in range(300):
        cache.set(f"key{number}", number)
        assert cache.get(f"key{number}") == number  # from the fallback in this process
        cache.get_many(["before", "pagecache:token"])
    assert connects.call_count == attempts, "Redis was asked again while the breaker was open"
    assert time.monotonic() - started < BREAKER_SECONDS

    # Redis comes back, with an old namespace token from before the outage.
    server.raw = server.start()
    server.raw.set("t:1:pagecache:token", "old")
    time.sleep(BREAKER_SECONDS + 0.1)
    assert cache.get("key1") is None  # asked Redis again: the fallback is gone
    assert connects.call_count > attempts
    cache.set("after", 2)
    assert server.raw.get("t:1:after") is not None
    assert server.raw.get("t:1:pagecache:token") is None  # the page cache starts anew


def test_fallback_entries_are_short_lived_and_bounded(server):
    cache = make_cache(server.url, FALLBACK_SECONDS=0.5, FALLBACK_MAX_ENTRIES=50)
    server.stop()
    cache.set("forever", "x", timeout=None)
    cache.add("token", "t", timeout=None)
    assert cache.get("forever") == "x" and cache.get("token") == "t"
    for number in range(200):
        cache.set(f"key{number}", number)
    assert len(cache.fallback._cache) <= 50
    time.sleep(0.6)
    assert cache.get("forever") is None and cache.get("token") is None


def test_errors_other_than_connection_do_not_open_the_breaker(server, connects):
    cache = make_cache(server.url)
    server.raw.config_set("maxmemory-policy", "noeviction")
    server.raw.config_set("maxmemory", "1")  # Redis now refuses writes (OOM)
    assert cache.set("key", "value") is True  # kept in the fallback
    assert cache.get("key") is None  # but reading still asks Redis: the breaker stayed closed
    assert cache.breaker.current_state == "closed"
    assert connects.call_count == 1
    server.raw.config_set("maxmemory", "0")
    cache.set("key", "value")
    assert server.raw.get("t:1:key") is not None


@pytest.fixture
def stopped_redis(server, monkeypatch):
    """The production cache configuration pointed at the test's Redis, which is then stopped."""
    caches = load_settings(monkeypatch, REDIS_URL=server.url).CACHES
    assert caches["default"]["BACKEND"] == "cms.caching.redis.ResilientRedisCache"
    server.stop()
    with override_settings(CACHES=caches, PAGE_CACHE_SECONDS=3600):
        yield


def test_pages_come_from_the_fallback_while_redis_is_down(stopped_redis, home_page, connects):
    client = Client()
    assert client.get("/").status_code == 200
    attempts = connects.call_count
    for _ in range(20):
        response = client.get("/")
        assert response.status_code == 200
        assert response["X-Page-Cache"] == "hit"
    assert connects.call_count == attempts


def test_threads_share_the_breaker_and_the_fallback(server, connects):
    # Django makes one cache object per thread; an outage found by one is known to all of them.
    first, second = make_cache(server.url), make_cache(server.url)
    server.stop()
    first.set("page", "content")  # finds Redis gone, keeps the value in the process
    attempts = connects.call_count
    assert second.get("page") == "content"
    assert connects.call_count == attempts

"""django-redis with a circuit breaker and a small per-process fallback, for a Redis that is down.

With ``IGNORE_EXCEPTIONS`` alone every cache call of every request tried to connect again and then
rendered without any cache: with Redis stopped the site fell from about 1,300 to 28 requests/s.
``ResilientRedisCache`` is django-redis's ``RedisCache`` with:

- a circuit breaker (pybreaker): after a connection error or timeout, Redis is not asked again for
  ``BREAKER_SECONDS`` (default 5); then one call tries it (half open) and, if it answers, all calls
  go to Redis again;
- meanwhile, a ``LocMemCache`` per process answers: at most ``FALLBACK_MAX_ENTRIES`` entries
  (default 300), each kept at most ``FALLBACK_SECONDS`` (default 30), so the busiest pages stay fast
  and a publish in another process is seen after that time at the latest;
- when Redis answers again, the fallback is emptied and the keys in ``DELETE_ON_RECOVERY`` are
  deleted in Redis (the page cache's namespace token: content published during the outage was not
  seen by Redis, so the entries from before it must not come back).

Other Redis errors (e.g. a full Redis refusing writes) do not open the breaker but are answered by
the fallback as well; anything else (a value that cannot be pickled) is raised as before. Rate-limit
counters (django-ratelimit's ``incr``) count per process during an outage, so the limit is looser,
never stricter, and with ``RATELIMIT_FAIL_OPEN`` nobody is locked out.

pybreaker holds its lock for the duration of a call, so the threads of one process ask Redis one
after another (a Redis call takes well under a millisecond; during an outage, only one thread waits
for the connection timeout and the others get the fallback at once).
"""

import logging
import socket
import threading

import pybreaker
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.locmem import LocMemCache
from django_redis.cache import RedisCache
from django_redis.exceptions import ConnectionInterrupted
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import RedisError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger("cms.core.rediscache")

# Errors that mean "Redis cannot be reached": they open the breaker.
UNREACHABLE = (RedisConnectionError, RedisTimeoutError, socket.timeout, ConnectionRefusedError)
# Errors answered by the fallback (the ones above and any other error Redis reports).
REDIS_ERRORS = (RedisError, ConnectionInterrupted, OSError)


_shared_lock = threading.Lock()
_breakers = {}  # server -> CircuitBreaker, one per process
_recovered = set()  # breakers whose Redis answered again, until one thread has cleaned up


class _Recovery(pybreaker.CircuitBreakerListener):
    def state_change(self, cb, old_state, new_state):
        if new_state.name == pybreaker.STATE_OPEN:
            logger.warning(
                "Redis nicht erreichbar: %s s lang antwortet der Cache im Prozess.", cb.reset_timeout
            )
        elif new_state.name == pybreaker.STATE_CLOSED and old_state is not None:
            _recovered.add(cb.name)


class ResilientRedisCache(RedisCache):
    def __init__(self, server, params):
        params = {**params, "OPTIONS": dict(params.get("OPTIONS", {}))}
        options = params["OPTIONS"]
        breaker_seconds = float(options.pop("BREAKER_SECONDS", 5))
        self.fallback_seconds = float(options.pop("FALLBACK_SECONDS", 30))
        max_entries = int(options.pop("FALLBACK_MAX_ENTRIES", 300))
        self.delete_on_recovery = list(options.pop("DELETE_ON_RECOVERY", []))
        options.pop("IGNORE_EXCEPTIONS", None)
        super().__init__(server, params)
        self._ignore_exceptions = False  # the errors must reach the breaker; this class answers them
        # Django makes one cache object per thread: breaker and fallback are one per process and
        # server, so that all threads learn of an outage at once and share the fallback's entries.
        name = f"redis {server} {breaker_seconds}"
        with _shared_lock:
            if name not in _breakers:
                _breakers[name] = pybreaker.CircuitBreaker(
                    fail_max=1,
                    reset_timeout=breaker_seconds,
                    exclude=[lambda error: not isinstance(error, UNREACHABLE)],
                    listeners=[_Recovery()],
                    name=name,
                )
            self.breaker = _breakers[name]
        self.fallback = LocMemCache(  # LocMemCache objects of the same name share their entries
            f"redis-fallback {server} {self.fallback_seconds} {max_entries}",
            {"TIMEOUT": self.fallback_seconds, "OPTIONS": {"MAX_ENTRIES": max_entries}},
        )

    def _call(self, name, fallback, *args, **kwargs):
        try:
            result = self.breaker.call(getattr(super(), name), *args, **kwargs)
        except pybreaker.CircuitBreakerError:
            return fallback()
        except REDIS_ERRORS as error:
            logger.warning("Redis-Fehler bei %s, Antwort aus dem Cache im Prozess: %r", name, error)
            return fallback()
        if self.breaker.name in _recovered:
            self._recover()
        return result

    def _recover(self):
        with _shared_lock:
            if self.breaker.name not in _recovered:
                return  # another thread has done it
            _recovered.discard(self.breaker.name)
        self.fallback.clear()
        logger.warning(
            "Redis wieder erreichbar; gelöscht: %s", ", ".join(self.delete_on_recovery) or "nichts"
        )
        if self.delete_on_recovery:
            try:
                super().delete_many(self.delete_on_recovery)
            except REDIS_ERRORS as error:  # gone again: the next recovery deletes them
                logger.warning("Redis-Fehler beim Aufräumen: %r", error)
                _recovered.add(self.breaker.name)

    def _short(self, timeout):
        """A timeout for the fallback: at most ``FALLBACK_SECONDS`` (also for "for ever")."""
        if timeout is DEFAULT_TIMEOUT:
            timeout = self.default_timeout
        return self.fallback_seconds if timeout is None else min(timeout, self.fallback_seconds)

    def get(self, key, default=None, version=None):
        return self._call(
            "get", lambda: self.fallback.get(key, default, version), key, default=default, version=version
        )

    def get_many(self, keys, version=None):
        return self._call("get_many", lambda: self.fallback.get_many(keys, version), keys, version=version)

    def has_key(self, key, version=None):
        return self._call("has_key", lambda: self.fallback.has_key(key, version), key, version=version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        def fallback():
            self.fallback.set(key, value, self._short(timeout), version)
            return True

        return self._call("set", fallback, key, value, timeout=timeout, version=version)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call(
            "add",
            lambda: self.fallback.add(key, value, self._short(timeout), version),
            key,
            value,
            timeout=timeout,
            version=version,
        )

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call(
            "set_many",
            lambda: self.fallback.set_many(data, self._short(timeout), version),
            data,
            timeout=timeout,
            version=version,
        )

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call(
            "touch", lambda: self.fallback.touch(key, self._short(timeout), version), key, timeout, version
        )

    def delete(self, key, version=None):
        return self._call("delete", lambda: self.fallback.delete(key, version), key, version=version)

    def delete_many(self, keys, version=None):
        return self._call(
            "delete_many", lambda: self.fallback.delete_many(keys, version), keys, version=version
        )

    def incr(self, key, delta=1, version=None):
        return self._call("incr", lambda: self.fallback.incr(key, delta, version), key, delta, version)

    def decr(self, key, delta=1, version=None):
        return self._call("decr", lambda: self.fallback.decr(key, delta, version), key, delta, version)

    def clear(self):
        return self._call("clear", self.fallback.clear)

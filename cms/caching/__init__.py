"""Caching: what the site keeps so that it does not build it again.

- ``pages``: the full-page cache for anonymous visitors (middleware) and its namespace token;
- ``restrictions``: the private sections (page view restrictions), kept in the content cache;
- ``redis``: the Redis cache backend with a circuit breaker and a per-process fallback.

Rules: docs/architecture.md, "Zwischenspeicher".
"""

"""Gunicorn settings for ``make serve``, sized for the machine.

Threaded workers: two per core plus one (at least two), two threads each. Override with
WEB_CONCURRENCY (workers), GUNICORN_THREADS, BIND (host:port, default 127.0.0.1:$PORT or :8000)
and GUNICORN_TIMEOUT.
"""

import multiprocessing
import os

bind = os.environ.get("BIND") or f"127.0.0.1:{os.environ.get('PORT', '8000')}"
workers = int(os.environ.get("WEB_CONCURRENCY") or max(2, multiprocessing.cpu_count() * 2 + 1))
threads = int(os.environ.get("GUNICORN_THREADS") or 2)
worker_class = "gthread"
timeout = int(os.environ.get("GUNICORN_TIMEOUT") or 30)
graceful_timeout = 20
keepalive = 5
# Recycle workers now and then so that a slow leak cannot grow without bound.
max_requests = 50000
max_requests_jitter = 5000
accesslog = os.environ.get("GUNICORN_ACCESS_LOG") or None
errorlog = "-"
# No shared control socket in the home folder: several instances may run side by side.
control_socket_disable = True

"""Shared by the benchmark scripts (bench_site.py, bench_search.py, lighthouse.py)."""

import subprocess
import sys
import time
import urllib.request


def cpu_check():
    """Milliseconds for a fixed loop (median of five): how fast this machine's CPU was just now."""
    samples = []
    for _ in range(5):
        started = time.perf_counter()
        total = 0
        for number in range(2_000_000):
            total += number
        samples.append((time.perf_counter() - started) * 1000)
    return sorted(samples)[2]


def start_gunicorn(env, base_dir, port):
    """gunicorn (cms/gunicorn.conf.py) with ``env``, once it answers /robots.txt on ``port``."""
    gunicorn = [sys.executable, "-m", "gunicorn", "-c", "cms/gunicorn.conf.py", "cms.wsgi"]
    process = subprocess.Popen(gunicorn, cwd=base_dir, env=env)  # noqa: S603 - fixed command
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/robots.txt", timeout=5)  # noqa: S310
            return process
        except OSError:
            time.sleep(0.3)
    process.terminate()
    raise SystemExit("gunicorn ist nicht gestartet.")

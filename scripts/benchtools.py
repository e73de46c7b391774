"""Shared by the benchmark scripts (bench_site.py, bench_search.py)."""

import time


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

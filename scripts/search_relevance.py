"""The relevance part of ``make bench-search`` on one database: a fresh test database with the demo
content, the judged queries of ``search_judgements.py`` through the search's own ``find()``
(synonyms, intent ranking, "Meinten Sie …?"), the figures as JSON on stdout.

    DATABASE_URL=sqlite:////tmp/relevance.sqlite3 .venv/bin/python scripts/search_relevance.py
"""

import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.test")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from search_judgements import JUDGEMENTS, judge  # noqa: E402 - next to this script


def ablations(run):
    """The same set with parts of the intent ranking switched off: what each part contributes."""
    from unittest import mock

    from search import engine

    no_kinds = dict.fromkeys(engine.KIND_WEIGHTS, 0)
    variants = {
        "ohne Gewichte nach Art": {"KIND_WEIGHTS": no_kinds},
        "ohne Titelvergleich": {"EXACT_TITLE": 0, "TITLE_STARTS": 0, "TITLE_HAS_ALL": 0},
        "nur Textrang (bm25 / ts_rank)": {
            "KIND_WEIGHTS": no_kinds, "EXACT_TITLE": 0, "TITLE_STARTS": 0, "TITLE_HAS_ALL": 0,
        },
    }  # fmt: skip
    figures = {}
    for label, changes in variants.items():
        with mock.patch.multiple(engine, **changes):
            result = judge(run)
        figures[label] = {key: result[key] for key in ("success_at_1", "success_at_3", "mrr")}
    return figures


def main():
    from search.views import find

    if connection.vendor == "postgresql":  # not the latency benchmark's test database
        connection.settings_dict["TEST"]["NAME"] = f"test_{connection.settings_dict['NAME']}_relevance"
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        with open(os.devnull, "w") as quiet:
            call_command("load_demo_content", stdout=quiet)
        timings = []

        def run(query):
            start = time.perf_counter()
            _parsed, results, _corrected = find(query, {})
            titles = [entry.title for entry in results[0:10]]
            timings.append((time.perf_counter() - start) * 1000)
            return titles

        result = judge(run)
        result["vendor"] = connection.vendor
        result["queries"] = len(JUDGEMENTS)
        result["median_ms"] = sorted(timings)[len(timings) // 2]
        result["ablations"] = ablations(run)
        print(json.dumps(result, ensure_ascii=False))  # noqa: T201
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()

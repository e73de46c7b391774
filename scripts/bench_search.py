"""Benchmark of the site search (``make bench-search``).

Relevance: the judged German queries (``search_judgements.py``) on the demo content, on SQLite and
on PostgreSQL, each in its own process (``search_relevance.py``): success@1, success@3, MRR.
``--relevance-only`` runs just this part.

Latency: creates a throw-away test database (``test_<name>`` next to DATABASE_URL's database), fills it with
generated German content at two sizes — 1,000 and 10,000 pages, each plus 2,000 documents with
extracted text — and runs a fixed set of queries through the whole search view (matching,
ranking, facets, highlighting, template rendering). Writes p50/p95 latency, index size and a
small precision check of the German matching to docs/benchmarks/search.md.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/search_bench .venv/bin/python scripts/bench_search.py
"""

import argparse
import os
import platform
import random
import statistics
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.test")

import django  # noqa: E402

django.setup()

from benchtools import cpu_check  # noqa: E402 - next to this script
from django.contrib.auth.models import AnonymousUser  # noqa: E402
from django.core.cache import cache  # noqa: E402
from django.core.files.base import ContentFile  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import RequestFactory, override_settings  # noqa: E402
from wagtail.models import Page, Site  # noqa: E402

MODIFIERS = ["Industrie", "Wirtschafts", "Fachkräfte", "Energie", "Standort", "Innovations", "Regional",
             "Struktur", "Bildungs", "Zukunfts", "Handwerks", "Technologie"]  # fmt: skip
HEADS = ["bündnis", "dialog", "politik", "initiative", "strategie", "netzwerk", "forum", "konferenz",
         "region", "partnerschaft", "wandel", "förderung"]  # fmt: skip
NOUNS = ["Unternehmen", "Betriebe", "Beschäftigte", "Gewerkschaften", "Kammern", "Hochschulen", "Kommunen",
         "Regionen", "Landkreise", "Verbände", "Schulen", "Stadtwerke", "Fachkräfte", "Auszubildende",
         "Straßen", "Brücken", "Häfen", "Gründerinnen", "Forschungseinrichtungen", "Zulieferer"]  # fmt: skip
VERBS = ["stärken", "vernetzen", "beraten", "fördern", "planen", "erproben", "gestalten", "diskutieren",
         "unterstützen", "begleiten", "entwickeln", "qualifizieren"]  # fmt: skip
ADJECTIVES = ["regionale", "digitale", "nachhaltige", "gemeinsame", "neue", "starke", "innovative",
              "öffentliche", "industrielle", "grüne"]  # fmt: skip
PLACES = ["Bayern", "Sachsen", "Köln", "Krefeld", "Thüringen", "Hamburg", "Bremen", "Saarland",
          "Rhein-Mosel", "Nordhessen", "Ostwestfalen", "Lausitz", "Ruhrgebiet", "Emscher-Lippe"]  # fmt: skip
STATES = ["BW", "BY", "BE", "BB", "HB", "HH", "HE", "MV", "NI", "NW", "RP", "SL", "SN", "ST", "SH", "TH"]

QUERIES = [
    {"q": "Industrie"},
    {"q": "Bündnis"},
    {"q": "Buendnis"},
    {"q": "Regionen"},
    {"q": "Dialog"},
    {"q": "Fachkräfte Energie"},
    {"q": "Industriedialog Bayern"},
    {"q": "Strategie", "art": "initiative"},
    {"q": "Netzwerk", "land": "BY"},
    {"q": "Politik", "jahr": "2018"},
    {"q": "Wandel", "seite": "2"},
    {"q": "Straße"},
    {"q": "xyzzy nichts"},
    {"q": "nachhaltige Förderung der Unternehmen"},
]

# (query, word, should match) - the German matching check (folding, stemming, compounds).
PRECISION_CASES = [
    ("Regionen", "Region", True),
    ("Region", "Regionen", True),
    ("Buendnis", "Bündnis", True),
    ("Bündnis", "Industriebündnisse", True),
    ("Dialog", "Industriedialog", True),
    ("Industrie", "Industriedialog", True),
    ("Strasse", "Straße", True),
    ("Politik", "Industriepolitik", True),
    ("Netzwerk", "Netzwerke", True),
    ("Fachkräfte", "Fachkräftesicherung", True),
    ("Energie", "Energiewende", True),
    ("Werk", "Handwerk", True),
    ("Land", "Bundesland", True),
    ("Bildung", "Ausbildung", True),
    ("Forschung", "Forschungseinrichtungen", True),
    ("Rat", "Beratung", False),
    ("Ende", "Unternehmende", False),
    ("Rhein", "Rheinmetall", False),
    ("Kammer", "Kammermusik", False),
    ("Bau", "Aufbaustudium", False),
    ("Dialog", "Monolog", False),
    ("Region", "Religion", False),
    ("Bündnis", "Bildnis", False),
    ("Netz", "Netzwerk", False),
    ("Land", "Landung", False),
    ("Arm", "Armut", False),
    ("Stand", "Standort", False),
    ("Ort", "Standort", False),
]


def sentence(rng):
    compound = rng.choice(MODIFIERS) + rng.choice(HEADS)
    return (
        f"{rng.choice(ADJECTIVES).capitalize()} {rng.choice(NOUNS)} {rng.choice(VERBS)} im "
        f"{compound} {rng.choice(PLACES)} gemeinsam mit {rng.choice(NOUNS)} und {rng.choice(NOUNS)}."
    )


def paragraph(rng, sentences):
    return " ".join(sentence(rng) for _ in range(sentences))


def fill(page_count, document_count, rng):
    from cms.core.models import CustomDocument
    from home.models import HomePage
    from meetings.models import MeetingIndexPage, MeetingPage, MeetingPresentation
    from regions.models import InitiativeIndexPage, InitiativePage, RegionIndexPage, RegionPage
    from search.indexing import update_document

    root = Page.objects.get(depth=1)
    home = root.add_child(instance=HomePage(title="Start", slug="start"))
    site = Site.objects.get(is_default_site=True)
    site.root_page = home
    site.save()
    initiatives = home.add_child(instance=InitiativeIndexPage(title="Initiativen", slug="initiativen"))
    regions = home.add_child(instance=RegionIndexPage(title="Regionen", slug="regionen"))
    meetings = home.add_child(instance=MeetingIndexPage(title="Treffen", slug="treffen"))
    meeting_pages = []
    for number in range(page_count):
        title = f"{rng.choice(MODIFIERS)}{rng.choice(HEADS)} {rng.choice(PLACES)} {number}"
        body = [("paragraph", f"<p>{paragraph(rng, 8)}</p>"), ("paragraph", f"<p>{paragraph(rng, 8)}</p>")]
        kind = number % 10
        if kind < 5:
            page = InitiativePage(
                title=title, slug=f"i-{number}", federal_state=rng.choice(STATES), kind="alliance",
                summary=paragraph(rng, 2)[:400], body=body,
            )  # fmt: skip
            initiatives.add_child(instance=page)
        elif kind < 7:
            page = RegionPage(
                title=title, slug=f"r-{number}", federal_state=rng.choice(STATES),
                summary=paragraph(rng, 2)[:400], body=body,
            )  # fmt: skip
            regions.add_child(instance=page)
        else:
            page = MeetingPage(
                title=f"{number}. Treffen {title}", slug=f"m-{number}", summary=paragraph(rng, 2)[:500],
                date=date(rng.randint(2012, 2024), rng.randint(1, 12), rng.randint(1, 28)), body=body,
            )  # fmt: skip
            meetings.add_child(instance=page)
            meeting_pages.append(page)
    for number in range(document_count):
        document = CustomDocument(title=f"Präsentation {rng.choice(MODIFIERS)}{rng.choice(HEADS)} {number}")
        document.file.save(f"bench-{number}.pdf", ContentFile(b"%PDF-1.4 bench"), save=False)
        document.extracted_text = "\n".join(paragraph(rng, 12) for _ in range(6))  # ~6,000 characters
        document.extraction_status = "done"
        document._skip_extraction = True
        document.save()
        if number % 2 == 0 and meeting_pages:
            MeetingPresentation.objects.create(page=rng.choice(meeting_pages), document=document)
            update_document(document)


def run_queries(repeats, cached=False):
    """Timings per query. As in production with Redis, the menu comes from the content cache, and the
    searches are counted for the editors' report in batches (``SEARCH_LOG_FLUSH_SECONDS``, written
    by a timer thread, not on the request); with ``cached`` the search's own render cache is on too
    (a repeated search), else every search runs matching, ranking, facets, highlighting and the
    template."""
    from search import querylog

    production = {"CONTENT_CACHE": True, "SEARCH_LOG_FLUSH_SECONDS": 10}
    with override_settings(**production, PAGE_CACHE_SECONDS=3600 if cached else 0):
        cache.clear()
        try:
            return _timed_queries(repeats)
        finally:
            querylog.flush()


def _timed_queries(repeats):
    from cms.caching.sites import CachedSiteMiddleware
    from search.views import search as view

    search = CachedSiteMiddleware(view)  # as in production: the site from the content cache
    factory = RequestFactory()
    timings = {}
    for params in QUERIES:
        label = "&".join(f"{key}={value}" for key, value in params.items())
        samples = []
        for attempt in range(repeats + 2):
            request = factory.get("/suche/", params)
            request.user = AnonymousUser()
            start = time.perf_counter()
            response = search(request)
            if hasattr(response, "render"):  # not from the cache
                response.render()
            elapsed = (time.perf_counter() - start) * 1000
            if response.status_code != 200:
                raise RuntimeError(f"{label}: HTTP {response.status_code}")
            if attempt >= 2:  # two warm-up runs
                samples.append(elapsed)
        timings[label] = samples
    return timings


def percentile(values, fraction):
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


def index_sizes():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_total_relation_size('search_searchentry'),"
            " pg_relation_size('search_entry_vector_gin'),"
            " sum(pg_column_size(search_vector)),"
            " sum(pg_column_size(to_tsvector('simple', title_terms || ' ' || body_terms))), count(*)"
            " FROM search_searchentry"
        )
        return cursor.fetchone()


def query_buffers():
    """Pages (8 kB buffers) the search statement reads for ``Industrie``: page 1 with the facet counts,
    and page 2. Unlike times, these do not depend on how fast the machine happens to be. The
    statements are the search engine's own."""
    import json

    from search.analysis import parse
    from search.engine import ResultSet, _index_scan

    results = ResultSet(parse("Industrie"), {})
    statements = {"first": results._statement(0, 10, facets=True), "later": results._statement(10, 20)}
    result = {}
    with _index_scan(), connection.cursor() as cursor:
        for name, (sql, params) in statements.items():
            cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) {sql}", params)
            plan = cursor.fetchone()[0]
            plan = (json.loads(plan) if isinstance(plan, str) else plan)[0]["Plan"]
            result[name] = plan["Shared Hit Blocks"] + plan["Shared Read Blocks"]
    return result


def match_counts():
    """Rows matched per query: ours vs. the plain ``german`` configuration on the unfolded text."""
    from search.analysis import parse, tsquery

    rows = []
    with connection.cursor() as cursor:
        for params in QUERIES[:7]:
            query = params["q"]
            cursor.execute(
                "SELECT count(*) FROM search_searchentry WHERE search_vector @@ to_tsquery('simple', %s)",
                [tsquery(parse(query))],
            )
            ours = cursor.fetchone()[0]
            cursor.execute(
                "SELECT count(*) FROM search_searchentry WHERE to_tsvector('german', title || ' ' || summary"
                " || ' ' || body) @@ plainto_tsquery('german', %s)",
                [query],
            )
            rows.append((query, ours, cursor.fetchone()[0]))
    return rows


def precision_check():
    from search.analysis import index_fields, parse, tsquery

    results = []
    with connection.cursor() as cursor:
        for query, word, expected in PRECISION_CASES:
            fields = index_fields("", word)
            cursor.execute(
                "SELECT to_tsvector('simple', %s) @@ to_tsquery('simple', %s),"
                " to_tsvector('german', %s) @@ plainto_tsquery('german', %s)",
                [f"{fields['body_terms']} {fields['body_parts']}", tsquery(parse(query)), word, query],
            )
            ours, plain = cursor.fetchone()
            results.append((query, word, expected, ours, plain))
    return results


def score(results, column):
    tp = sum(1 for r in results if r[2] and r[column])
    fp = sum(1 for r in results if not r[2] and r[column])
    fn = sum(1 for r in results if r[2] and not r[column])
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return tp, fp, fn, precision, recall


def mb(value):
    return f"{(value or 0) / 2**20:.1f} MB"


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", default="1000,10000", help="page counts, comma separated")
    parser.add_argument("--documents", type=int, default=2000)
    parser.add_argument("--repeats", type=int, default=15)
    parser.add_argument("--out", default=str(ROOT / "docs" / "benchmarks" / "search.md"))
    parser.add_argument(
        "--relevance-only",
        action="store_true",
        help="run only the judged relevance part (demo content, SQLite and PostgreSQL), not the latency",
    )
    parser.add_argument(
        "--keep",
        action="store_true",
        help="keep the filled database (test_<name>_<size>) and reuse it on the next run (one size only)",
    )
    args = parser.parse_args()
    if connection.vendor != "postgresql":
        sys.exit(
            "bench_search: needs PostgreSQL, e.g. DATABASE_URL=postgres://postgres@127.0.0.1:5432/search_bench"
        )

    relevance = run_relevance()
    write_relevance(args.out, relevance)
    if args.relevance_only:
        return

    sizes = [int(size) for size in args.sizes.split(",")]
    report = []
    precision = matches = None
    base_name = connection.settings_dict["NAME"]
    for size in sizes:
        if args.keep:
            connection.settings_dict["TEST"]["NAME"] = f"test_{base_name}_{size}"
        old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True, keepdb=args.keep)
        try:
            rng = random.Random(size)  # noqa: S311 - reproducible test content, not security
            started = time.perf_counter()
            from search.models import SearchEntry

            fill_seconds = None  # a kept, already filled database is reused
            if not (args.keep and SearchEntry.objects.exists()):
                with transaction.atomic():
                    fill(size, args.documents, rng)
                fill_seconds = time.perf_counter() - started
            with connection.cursor() as cursor:
                cursor.execute("VACUUM ANALYZE search_searchentry")
            cpu_before = cpu_check()
            timings = run_queries(args.repeats)
            cached_timings = run_queries(args.repeats, cached=True)
            cpu_after = cpu_check()
            all_samples = [value for samples in timings.values() for value in samples]
            cached_samples = [value for samples in cached_timings.values() for value in samples]
            report.append(
                {
                    "size": size,
                    "fill": fill_seconds,
                    "p50": statistics.median(all_samples),
                    "p95": percentile(all_samples, 0.95),
                    "cached": (statistics.median(cached_samples), percentile(cached_samples, 0.95)),
                    "per_query": {
                        label: (statistics.median(s), percentile(s, 0.95)) for label, s in timings.items()
                    },
                    "sizes": index_sizes(),
                    "cpu": (cpu_before, cpu_after),
                    "buffers": query_buffers(),
                }
            )
            print(f"{size} pages: p50 {report[-1]['p50']:.1f} ms, p95 {report[-1]['p95']:.1f} ms", flush=True)  # noqa: T201
            if size == sizes[-1]:
                precision = precision_check()
                matches = match_counts()
        finally:
            if args.keep:
                connection.close()
                connection.settings_dict["NAME"] = old_name
            else:
                connection.creation.destroy_test_db(old_name, verbosity=0)

    write_report(args, report, precision, matches)


def write_report(args, report, precision, matches):
    lines = [
        "# Benchmark: site search on PostgreSQL",
        "",
        f"Generated by `make bench-search` (scripts/bench_search.py) on {date.today():%d.%m.%Y}: "
        f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"PostgreSQL {connection.pg_version // 10000}.",
        "",
        f"Each size: generated German pages (initiatives, model regions, meeting reports) plus "
        f"{args.documents} documents with about 6,000 characters of extracted text each (half of them "
        f"presentations of a meeting). {len(QUERIES)} fixed queries (with facet filters and a second page "
        f"among them), {args.repeats} timed runs each after two warm-up runs, through the whole search view "
        "(matching, ranking, facet counts, highlighting, template rendering) via RequestFactory. As in "
        "production with Redis, the menu and the site come from the content cache, and the searches are "
        "counted for the editors' report in batches by a timer thread (`SEARCH_LOG_FLUSH_SECONDS`), not on "
        "the request. "
        "p50/p95: every search computed "
        "(the search's render cache off). Repeated search: the same runs with the render cache on "
        "(`SEARCH_CACHE_SECONDS`), so after the warm-up each search is counted and served from the cache.",
        "",
        "| Pages | Entries | p50 | p95 | repeated search: p50 / p95 | Table + indexes | GIN index "
        "| tsvectors (with compound parts) "
        "| tsvectors without parts | Fill time | Pages read: page 1 with facets / page 2 "
        "| CPU check before / after |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for row in report:
        total, gin, vectors, plain_vectors, entries = row["sizes"]
        lines.append(
            f"| {row['size']:,} | {entries:,} | {row['p50']:.1f} ms | {row['p95']:.1f} ms "
            f"| {row['cached'][0]:.1f} / {row['cached'][1]:.1f} ms "
            f"| {mb(total)} | {mb(gin)} "
            f"| {mb(vectors)} | {mb(plain_vectors)} "
            f"| {'reused' if row['fill'] is None else format(row['fill'], '.0f') + ' s'} "
            f"| {row['buffers']['first']:,} / {row['buffers']['later']:,} "
            f"| {row['cpu'][0]:.0f} / {row['cpu'][1]:.0f} ms |"
        )
    lines += [
        "",
        "Pages read: 8 kB buffers read by the search statement for `Industrie` (EXPLAIN BUFFERS): page 1",
        "with the facet counts (one statement), and page 2;",
        "they do not depend on the machine's speed. CPU check: milliseconds for a fixed Python loop just",
        "before and after the timed queries; this virtual machine's speed varies, by a factor of two and",
        "more within minutes, so compare the times only within one run.",
    ]
    if len(report) >= 2:
        ratio = report[-1]["p95"] / report[0]["p95"]
        lines += [
            "",
            f"p95 ratio larger/smaller size: {ratio:.2f} (target ≤ 3); p95 at the larger size: "
            f"{report[-1]['p95']:.1f} ms (target < 50 ms).",
        ]
    lines += ["", "## Per query (larger size)", "", "| Query | p50 | p95 |", "| --- | ---: | ---: |"]
    for label, (p50, p95) in report[-1]["per_query"].items():
        lines.append(f"| `{label}` | {p50:.1f} ms | {p95:.1f} ms |")
    if matches:
        lines += [
            "",
            "## Matches: this search vs. the plain `german` configuration (larger size)",
            "",
            "Rows matched; the difference are umlaut spellings, compound parts and prefixes.",
            "",
            "| Query | this search | plain `german` |",
            "| --- | ---: | ---: |",
        ]
        lines += [f"| {query} | {ours:,} | {plain:,} |" for query, ours, plain in matches]
    if precision:
        ours = score(precision, 3)
        plain = score(precision, 4)
        lines += [
            "",
            "## Precision check of the German matching",
            "",
            f"{len(precision)} hand-labelled pairs (query, word in a text, should it match?).",
            "",
            "| Mechanism | right matches | wrong matches | missed | precision | recall |",
            "| --- | ---: | ---: | ---: | ---: | ---: |",
            f"| this search (folding + compound parts + prefixes) | {ours[0]} | {ours[1]} | {ours[2]} "
            f"| {ours[3]:.0%} | {ours[4]:.0%} |",
            f"| plain `german` configuration | {plain[0]} | {plain[1]} | {plain[2]} "
            f"| {plain[3]:.0%} | {plain[4]:.0%} |",
            "",
            "| Query | Word | should match | this search | plain `german` |",
            "| --- | --- | :---: | :---: | :---: |",
        ]
        mark = {True: "ja", False: "nein"}
        lines += [
            f"| {query} | {word} | {mark[expected]} | {mark[o]} | {mark[p]} |"
            for query, word, expected, o, p in precision
        ]
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    kept = _relevance_section(out.read_text(encoding="utf-8")) if out.exists() else ""
    out.write_text(kept + "\n".join(lines) + "\n", encoding="utf-8")
    print(f"written: {args.out}")  # noqa: T201


# Relevance (judged queries, scripts/search_judgements.py) -----------------------------------------

RELEVANCE_START, RELEVANCE_END = "<!-- relevance -->", "<!-- /relevance -->"


def _relevance_section(text):
    if RELEVANCE_START in text and RELEVANCE_END in text:
        start, end = text.index(RELEVANCE_START), text.index(RELEVANCE_END) + len(RELEVANCE_END)
        return text[start:end] + "\n\n"
    return ""


def run_relevance():
    """The judged queries on a fresh database with the demo content: SQLite (a temporary file) and
    PostgreSQL (next to DATABASE_URL), each in its own process (scripts/search_relevance.py)."""
    import json
    import subprocess
    import tempfile

    results = {}
    with tempfile.TemporaryDirectory() as folder:
        urls = {"SQLite": f"sqlite:///{folder}/relevance.sqlite3", "PostgreSQL": os.environ["DATABASE_URL"]}
        for label, url in urls.items():
            process = subprocess.run(  # noqa: S603 - our own script
                [sys.executable, str(ROOT / "scripts" / "search_relevance.py")],
                env={**os.environ, "DATABASE_URL": url},
                capture_output=True,
                text=True,
                check=False,
            )
            if process.returncode:
                sys.exit(f"bench_search: relevance on {label} failed:\n{process.stderr}")
            results[label] = json.loads(process.stdout.strip().splitlines()[-1])
            row = results[label]
            print(  # noqa: T201
                f"{label}: success@1 {row['success_at_1']:.0%}, success@3 {row['success_at_3']:.0%},"
                f" MRR {row['mrr']:.3f}",
                flush=True,
            )
    return results


def write_relevance(path, results):
    from search_judgements import JUDGEMENTS

    from search import engine

    sqlite, postgres = results["SQLite"], results["PostgreSQL"]
    same_top = sum(
        1 for a, b in zip(sqlite["rows"], postgres["rows"], strict=True) if a["top"][:1] == b["top"][:1]
    )
    same_top3 = sum(1 for a, b in zip(sqlite["rows"], postgres["rows"], strict=True) if a["top"] == b["top"])
    lines = [
        RELEVANCE_START,
        "# Relevance of the site search: judged German queries",
        "",
        f"Generated by `make bench-search` (scripts/bench_search.py, `--relevance-only` for this part) on "
        f"{date.today():%d.%m.%Y}. {len(JUDGEMENTS)} queries visitors would type, written from the demo "
        "content (`scripts/search_judgements.py`: names, umlaut spellings, sections, topics, synonyms, "
        "misspellings, words inside presentations), each with the results that should come first. Each "
        "database gets a fresh test database with the demo content (`load_demo_content`); the queries go "
        "through the search's own `find()` (synonyms, intent ranking, “Meinten Sie …?”), without the "
        "editors' search promotions, which the page shows above the results.",
        "",
        "success@k: share of queries with an expected result among the first k; MRR: mean of 1 / rank of "
        "the first expected result (0 if not in the first 10). Targets: success@3 ≥ 95 %, MRR ≥ 0.85.",
        "",
        "| Ranking | SQLite success@1 | success@3 | MRR | PostgreSQL success@1 | success@3 | MRR |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]

    def cells(row):
        return f"{row['success_at_1']:.0%} | {row['success_at_3']:.0%} | {row['mrr']:.3f}"

    lines.append(f"| **intent ranking (used)** | {cells(sqlite)} | {cells(postgres)} |")
    for label in sqlite["ablations"]:
        lines.append(
            f"| {label} | {cells(sqlite['ablations'][label])} | {cells(postgres['ablations'][label])} |"
        )
    lines += [
        "",
        f"Same first result on both databases: {same_top} of {len(JUDGEMENTS)} queries; same first three: "
        f"{same_top3}. Median time of a judged search (demo content): SQLite {sqlite['median_ms']:.1f} ms, "
        f"PostgreSQL {postgres['median_ms']:.1f} ms.",
        "",
        f"Weights (search/engine.py): title is the query {engine.EXACT_TITLE}, title starts with the first "
        f"word {engine.TITLE_STARTS}, every word in the title {engine.TITLE_HAS_ALL}, kind "
        + ", ".join(f"{kind} {weight}" for kind, weight in engine.KIND_WEIGHTS.items())
        + "; the text rank (bm25 on SQLite, ts_rank on PostgreSQL) orders equal scores.",
        "",
        "| Art | Query | rank SQLite | rank PostgreSQL | first result (SQLite) |",
        "| --- | --- | ---: | ---: | --- |",
    ]
    for a, b in zip(sqlite["rows"], postgres["rows"], strict=True):
        first = (a["top"][:1] or ["–"])[0].replace("|", "\\|")
        lines.append(f"| {a['kind']} | {a['query']} | {a['rank'] or '–'} | {b['rank'] or '–'} | {first} |")
    lines += ["", RELEVANCE_END, ""]
    out = Path(path)
    old = out.read_text(encoding="utf-8") if out.exists() else ""
    if RELEVANCE_START in old and RELEVANCE_END in old:
        rest = old[old.index(RELEVANCE_END) + len(RELEVANCE_END) :].lstrip("\n")
    else:
        rest = old
    out.write_text("\n".join(lines) + "\n" + rest, encoding="utf-8")


if __name__ == "__main__":
    main()

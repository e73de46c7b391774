"""Load benchmark of the site under gunicorn (make bench) -> docs/benchmarks/site.md.

Starts gunicorn with the production settings on DATABASE_URL (PostgreSQL with the demo content) and
REDIS_URL, loads each page with wrk (10 connections, --latency, percentiles from wrk's Lua ``done``
hook), once with the page cache and once with PAGE_CACHE_SECONDS=0, each run next to a static file
served by the same server (WhiteNoise) as the baseline; the uncached pages once more with a single
connection, which gives the time of one rendering without waiting for other requests. Not a test: it
only writes figures.
"""

import datetime
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import urllib.request
from pathlib import Path

from benchtools import cpu_check, start_gunicorn  # next to this script

BASE_DIR = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(BASE_DIR))
OUTPUT = BASE_DIR / "docs" / "benchmarks" / "site.md"
DURATION = os.environ.get("BENCH_DURATION", "8s")
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "10"))
PORT = int(os.environ.get("BENCH_PORT", "8090"))

LUA = """
done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format(
    'RESULT {"requests": %d, "duration_us": %d, "errors": %d, "non2xx": %d, '
    .. '"p50": %d, "p95": %d, "p99": %d}\\n',
    summary.requests, summary.duration, errors, summary.errors.status,
    latency:percentile(50), latency:percentile(95), latency:percentile(99)))
end
"""

TARGET_STATIC_SHARE = 0.5
TARGET_UNCACHED_P95_MS = 100
TARGET_SEARCH_P95_MS = 50


def prepare():
    """Create the database if needed, migrate, load the demo content, collect the static files."""
    import dj_database_url
    import psycopg2

    config = dj_database_url.parse(os.environ["DATABASE_URL"])
    connection = psycopg2.connect(
        host=config["HOST"],
        port=config["PORT"],
        user=config["USER"],
        password=config["PASSWORD"],
        dbname="postgres",
    )
    connection.autocommit = True
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [config["NAME"]])
        if cursor.fetchone() is None:
            cursor.execute(f'CREATE DATABASE "{config["NAME"]}"')
    connection.close()
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "cms.settings.production", "SECRET_KEY": "bench-only"}
    for command in (
        ["migrate", "--noinput", "-v0"],
        ["load_demo_content"],
        ["collectstatic", "--noinput", "-v0"],
    ):
        subprocess.run([sys.executable, "manage.py", *command], cwd=BASE_DIR, env=env, check=True)  # noqa: S603


def page_urls():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.production")
    import django

    django.setup()
    from django.contrib.staticfiles.storage import staticfiles_storage

    from events.models import EventIndexPage
    from meetings.models import MeetingPage
    from regions.models import RegionPage

    events = EventIndexPage.objects.live().order_by("-year").first()
    return [
        ("Statische Datei (CSS, Grundlinie)", staticfiles_storage.url("css/site.css"), "static"),
        ("Startseite", "/", "page"),
        ("Modellregion", RegionPage.objects.live().order_by("path").first().url, "page"),
        ("Bericht eines Treffens", MeetingPage.objects.live().order_by("-date").first().url, "page"),
        ("Suche „Industrie“", "/suche/?q=Industrie", "search"),
        ("Veranstaltungsliste", events.url, "page"),
        ("Karte", events.url + "karte/", "page"),
    ]


def start_server(page_cache_seconds):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "PAGE_CACHE_SECONDS": str(page_cache_seconds),
        "SECURE_SSL_REDIRECT": "0",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "BIND": f"127.0.0.1:{PORT}",
    }
    return start_gunicorn(env, BASE_DIR, PORT)


def stop_server(process):
    process.terminate()
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()


def wrk(url, script, connections=CONNECTIONS):
    # Warm up (fills the page cache, renditions, connection pools).
    for _ in range(3):
        urllib.request.urlopen(url, timeout=30).read()  # noqa: S310
    threads = min(2, connections)
    command = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{DURATION}", "--latency", "-s", script, url]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout  # noqa: S603
    line = next(line for line in output.splitlines() if line.startswith("RESULT "))
    result = json.loads(line.removeprefix("RESULT "))
    result["rps"] = result["requests"] / (result["duration_us"] / 1e6)
    return result


def run(urls, page_cache_seconds, script, single=False):
    """wrk against each URL; ``single``: the pages once more with one connection (time of one rendering)."""
    process = start_server(page_cache_seconds)
    try:
        static = next(path for _, path, kind in urls if kind == "static")
        results = {}
        for _, path, kind in urls:
            if kind != "static":
                # The static file again right before each page: the machine's speed drifts within a run.
                results[("static", path)] = wrk(f"http://127.0.0.1:{PORT}{static}", script)
            results[path] = wrk(f"http://127.0.0.1:{PORT}{path}", script)
        if single:
            for _, path, kind in urls:
                if kind != "static":
                    results[("single", path)] = wrk(f"http://127.0.0.1:{PORT}{path}", script, connections=1)
        return results
    finally:
        stop_server(process)


def ms(microseconds):
    return f"{microseconds / 1000:.1f}"


def main():
    if not shutil.which("wrk"):
        raise SystemExit("wrk fehlt (apt-get install wrk).")
    os.environ.setdefault("SECRET_KEY", "bench-only-" + os.urandom(16).hex())
    prepare()
    load_before = os.getloadavg()[0]
    cpu_before = cpu_check()
    urls = page_urls()
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as lua:
        lua.write(LUA)
    try:
        cached = run(urls, 3600, lua.name)
        uncached = run(urls, 0, lua.name, single=True)
    finally:
        os.unlink(lua.name)
    cpu_after = cpu_check()

    static_rates = [
        r["rps"]
        for results in (cached, uncached)
        for key, r in results.items()
        if key == urls[0][1] or key[0] == "static"
    ]
    rows, verdicts = [], []

    def row(label, mode, r):
        rows.append(
            f"| {label} | {mode} | {r['rps']:.0f} | {ms(r['p50'])} | {ms(r['p95'])} "
            f"| {ms(r['p99'])} | {r['errors'] + r['non2xx']} |"
        )

    def verdict(text, ok):
        verdicts.append(f"- {text} – {'erreicht' if ok else '**nicht erreicht**'}")

    for label, path, kind in urls:
        if kind == "static":
            row(label, "erster Lauf", cached[path])
            row(label, "zweiter Lauf", uncached[path])
            continue
        row(label, f"mit Cache, {CONNECTIONS} Nutzer", cached[path])
        row(label, f"ohne Cache, {CONNECTIONS} Nutzer", uncached[path])
        row(label, "ohne Cache, 1 Nutzer", uncached[("single", path)])
        if kind == "search":
            p95 = cached[path]["p95"] / 1000
            verdict(
                f"{label}, mit Cache (dieselbe Suche wiederholt), {CONNECTIONS} Nutzer: p95 {p95:.1f} ms "
                f"(Ziel < {TARGET_SEARCH_P95_MS} ms)",
                p95 < TARGET_SEARCH_P95_MS,
            )
        else:
            neighbour = cached[("static", path)]["rps"]
            share = cached[path]["rps"] / neighbour
            verdict(
                f"{label}, mit Cache: {cached[path]['rps']:.0f}/s, {share:.0%} der Rate der statischen Datei "
                f"direkt davor ({neighbour:.0f}/s; Ziel ≥ 50 %)",
                share >= TARGET_STATIC_SHARE,
            )
        single_p95 = uncached[("single", path)]["p95"] / 1000
        loaded_p95 = uncached[path]["p95"] / 1000
        verdict(
            f"{label}, ohne Cache: Rendern p95 {single_p95:.1f} ms (Ziel < {TARGET_UNCACHED_P95_MS} ms; "
            f"bei {CONNECTIONS} gleichzeitigen Nutzern {loaded_p95:.1f} ms)",
            single_p95 < TARGET_UNCACHED_P95_MS,
        )

    cpu = os.cpu_count()
    text = f"""# Lasttest der Website (`make bench`)

Gemessen am {datetime.date.today():%d.%m.%Y} auf diesem Rechner ({cpu} Kerne,
Python {platform.python_version()}): gunicorn mit `cms/gunicorn.conf.py`
(Standard: {max(2, cpu * 2 + 1)} Worker × 2 Threads), Produktionseinstellungen, PostgreSQL mit den
Demo-Inhalten, Redis als Cache. Last: `wrk -t2 -c{CONNECTIONS} -d{DURATION} --latency`
({CONNECTIONS} gleichzeitige Nutzer) auf demselben Rechner, d. h. wrk und Server teilen sich die {cpu} Kerne.
„mit Cache“: Seiten-Cache an (nach Aufwärmen kommt jede Antwort aus Redis); „ohne Cache“: zweiter Lauf
mit `PAGE_CACHE_SECONDS=0`, jede Anfrage rendert die Seite (Menü und Liste der geschützten Bereiche kommen
aus dem Inhalts-Cache, wie im Betrieb). „1 Nutzer“: dieselben Seiten mit einer einzigen Verbindung, also
die Zeit eines Renderns ohne Warten auf andere Anfragen. Die Suche läuft immer durch ihre View (jede
Suche wird gezählt); „mit Cache“ kommt nur ihr Ergebnis (HTML) aus dem Cache (`SEARCH_CACHE_SECONDS`),
„ohne Cache“ wird jede Suche neu berechnet (Treffer, Rangfolge, Facetten, Hervorhebung).
Die statische Datei (über WhiteNoise, gleicher Server) ist die Grundlinie: sie wird unmittelbar vor jeder
Seite noch einmal gemessen, und jede Seite wird mit dieser Messung direkt davor verglichen.
Zeiten in Millisekunden. Systemlast vor dem Lauf:
{load_before:.1f} (1-Minuten-Mittel); andere Prozesse auf dem Rechner verfälschen die Zahlen. Eine feste
Rechenschleife brauchte vor dem Lauf {cpu_before:.0f} ms und danach {cpu_after:.0f} ms: die Rechenleistung
dieser virtuellen Maschine schwankt, die Verhältnisse innerhalb eines Laufs sind verlässlicher als die
absoluten Zahlen.

| Adresse | Lauf | Anfragen/s | p50 | p95 | p99 | Fehler |
| --- | --- | ---: | ---: | ---: | ---: | ---: |
{chr(10).join(rows)}

Statische Datei über alle {len(static_rates)} Messungen dieses Laufs: {min(static_rates):.0f} bis
{max(static_rates):.0f} Anfragen/s (dieselbe Datei, derselbe Server: so stark schwankt die Maschine).

## Ziele

{chr(10).join(verdicts)}
"""
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    OUTPUT.write_text(text, encoding="utf-8")
    sys.stdout.write(text)


if __name__ == "__main__":
    main()

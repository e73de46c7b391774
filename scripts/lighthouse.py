"""Lighthouse scores of the main page types (make lighthouse) -> docs/benchmarks/lighthouse.md.

Builds a fresh SQLite database with the demo content (in a temporary folder, media included),
starts gunicorn with the production settings on it, and runs Lighthouse 12 (``npx
lighthouse@12.2.3``, npm cache outside the repository) with Debian's Chromium in its default mobile
profile (Moto G Power, simulated slow 4G, 4x CPU slowdown) on the home page, a model region, the
meeting report, the event list, the map, the directory and an event. Not a test: it only writes
figures. Each page is loaded once before it is measured, so renditions and the page cache exist,
as they would on a running site.
"""

import datetime
import json
import os
import shutil
import subprocess
import sys
import tempfile
import urllib.request
from pathlib import Path

from benchtools import start_gunicorn  # next to this script

BASE_DIR = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(BASE_DIR))
OUTPUT = BASE_DIR / "docs" / "benchmarks" / "lighthouse.md"
PORT = int(os.environ.get("LIGHTHOUSE_PORT", "8097"))
LIGHTHOUSE = os.environ.get("LIGHTHOUSE", "lighthouse@12.2.3")
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
NPM_CACHE = Path(os.environ.get("LIGHTHOUSE_NPM_CACHE", Path.home() / ".cache" / "n3tzwerk-lighthouse-npm"))
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
TARGET = 95


def environment(work):
    base = {key: value for key, value in os.environ.items() if key not in {"REDIS_URL", "DATABASE_URL"}}
    return {
        **base,
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "SECRET_KEY": "lighthouse-only-" + os.urandom(8).hex(),
        "DATABASE_URL": f"sqlite:///{work / 'lighthouse.sqlite3'}",
        "MEDIA_ROOT": str(work / "media"),
        "STATIC_ROOT": str(work / "static"),
        "SECURE_SSL_REDIRECT": "0",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "BIND": f"127.0.0.1:{PORT}",
    }


def prepare(env):
    for command in (
        ["migrate", "--noinput", "-v0"],
        ["load_demo_content"],
        ["collectstatic", "--noinput", "-v0"],
    ):
        subprocess.run([sys.executable, "manage.py", *command], cwd=BASE_DIR, env=env, check=True)  # noqa: S603


def page_urls(env):
    os.environ.update({key: env[key] for key in ("DJANGO_SETTINGS_MODULE", "SECRET_KEY", "DATABASE_URL")})
    import django

    django.setup()
    from events.models import EventIndexPage, EventPage
    from meetings.models import MeetingPage
    from regions.models import InitiativeIndexPage, RegionPage

    events = EventIndexPage.objects.live().order_by("-year").first()
    return [
        ("Startseite", "/"),
        ("Modellregion", RegionPage.objects.live().order_by("path").first().url),
        ("Bericht eines Treffens", MeetingPage.objects.live().order_by("-date").first().url),
        ("Veranstaltungsliste", events.url),
        ("Karte", events.url + "karte/"),
        ("Verzeichnis der Initiativen", InitiativeIndexPage.objects.live().first().url),
        ("Veranstaltung", EventPage.objects.live().order_by("path").first().url),
    ]


def start_server(env):
    return start_gunicorn(env, BASE_DIR, PORT)


def lighthouse(url, report):
    env = {**os.environ, "CHROME_PATH": CHROMIUM, "npm_config_cache": str(NPM_CACHE)}
    command = [
        "npx", "--yes", LIGHTHOUSE, url,
        "--quiet", "--output=json", f"--output-path={report}",
        "--only-categories=" + ",".join(CATEGORIES),
        "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
    ]  # fmt: skip
    subprocess.run(command, env=env, check=True, timeout=300)  # noqa: S603 - fixed command
    data = json.loads(report.read_text(encoding="utf-8"))
    scores = {key: round(data["categories"][key]["score"] * 100) for key in CATEGORIES}
    audits = data["audits"]
    metrics = {
        "LCP": audits["largest-contentful-paint"]["displayValue"],
        "CLS": audits["cumulative-layout-shift"]["displayValue"],
        "TBT": audits["total-blocking-time"]["displayValue"],
        "Gewicht": f"{audits['total-byte-weight']['numericValue'] / 1024:.0f} KiB",
    }
    # What cost points: the audits of each category that did not pass.
    failed = sorted(
        {
            audits[ref["id"]]["title"]
            for key in CATEGORIES
            for ref in data["categories"][key]["auditRefs"]
            if ref.get("weight")
            and audits[ref["id"]].get("score") is not None
            and audits[ref["id"]]["score"] < 1
        }
    )
    metrics["failed"] = failed
    return scores, metrics


def main():
    NPM_CACHE.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="lighthouse-"))
    try:
        env = environment(work)
        prepare(env)
        urls = page_urls(env)
        server = start_server(env)
        rows = []
        try:
            for label, path in urls:
                url = f"http://127.0.0.1:{PORT}{path}"
                urllib.request.urlopen(url, timeout=60).read()  # noqa: S310 - renditions, page cache
                scores, metrics = lighthouse(url, work / "report.json")
                rows.append((label, path, scores, metrics))
                sys.stdout.write(f"{label}: {scores}\n")
        finally:
            server.terminate()
            server.wait(timeout=30)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    write(rows)


def write(rows):
    version = subprocess.run(  # noqa: S603 - fixed command
        [CHROMIUM, "--version"], capture_output=True, text=True, check=False
    ).stdout.strip()
    lines = [
        "# Lighthouse",
        "",
        f"`make lighthouse` ({LIGHTHOUSE}, {version}, mobiles Standardprofil: simuliertes langsames 4G, "
        f"vierfach gedrosselte CPU), gemessen am {datetime.date.today():%d.%m.%Y} auf dem "
        "Entwicklungsrechner (2 Kerne, geteilt) mit gunicorn, "
        "Produktionseinstellungen und SQLite mit den Demo-Inhalten. "
        f"Ziel: jeder Wert mindestens {TARGET}.",
        "",
        "| Seite | Adresse | Leistung | Barrierefreiheit | Empfehlungen | SEO | LCP | CLS | TBT | Gewicht |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for label, path, scores, metrics in rows:
        cells = [str(scores[key]) for key in CATEGORIES]
        lines.append(
            f"| {label} | `{path}` | {' | '.join(cells)} | {metrics['LCP']} | {metrics['CLS']} | "
            f"{metrics['TBT']} | {metrics['Gewicht']} |"
        )
    failed = [(label, metrics["failed"]) for label, _path, _scores, metrics in rows if metrics["failed"]]
    if failed:
        lines += ["", "Prüfungen ohne volle Punktzahl (auch Messwerte knapp unter 100):", ""]
        lines += [f"- {label}: {'; '.join(titles)}" for label, titles in failed]
    below = [
        (label, key, scores[key])
        for label, _path, scores, _m in rows
        for key in CATEGORIES
        if scores[key] < TARGET
    ]
    lines += [
        "",
        "Unter dem Ziel: " + (", ".join(f"{a} ({b}: {c})" for a, b, c in below) if below else "nichts."),
    ]
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    OUTPUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    sys.stdout.write(f"{OUTPUT}\n")


if __name__ == "__main__":
    main()

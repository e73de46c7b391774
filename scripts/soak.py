"""Soak test: 60 s of mixed load with 50 concurrent clients against gunicorn on its own PostgreSQL
and Redis, then again while PostgreSQL restarts, then with Redis stopped. Writes docs/reliability.md.

Starts everything it needs in a temporary folder (PostgreSQL on port 5433 via initdb/pg_ctl, Redis on
6380, gunicorn on 8008) and stops it again; the machine's own servers are not touched. Needs wrk
(``make soak`` installs it). Not a test: the figures depend on the machine.
"""

import contextlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PG_BIN = Path(os.environ.get("PG_BIN", "/usr/lib/postgresql/15/bin"))
PG_PORT = int(os.environ.get("SOAK_PG_PORT", "5433"))
REDIS_PORT = int(os.environ.get("SOAK_REDIS_PORT", "6380"))
HTTP_PORT = int(os.environ.get("SOAK_HTTP_PORT", "8008"))
DURATION = int(os.environ.get("SOAK_SECONDS", "60"))
CONNECTIONS = int(os.environ.get("SOAK_CONNECTIONS", "50"))
WORKERS = int(os.environ.get("SOAK_WORKERS", "4"))
OUTAGE_AFTER, OUTAGE_SECONDS = 15, 10
BASE = f"http://127.0.0.1:{HTTP_PORT}"
PYTHON = sys.executable

# wrk: every connection requests a random URL of the list; statuses are counted per code.
LUA = r"""
local urls = {}
for line in io.lines("%(urls)s") do urls[#urls + 1] = line end
local counts = {}
local threads = {}
setup = function(thread) table.insert(threads, thread) end
init = function(args) codes = {} end
request = function() return wrk.format("GET", urls[math.random(#urls)]) end
response = function(status, headers, body) codes[status] = (codes[status] or 0) + 1 end
done = function(summary, latency, requests)
  local total = {}
  for _, thread in ipairs(threads) do
    local c = thread:get("codes")
    for code, n in pairs(c) do total[code] = (total[code] or 0) + n end
  end
  local parts = {}
  for code, n in pairs(total) do parts[#parts + 1] = string.format('"%%d": %%d', code, n) end
  io.write("STATUS " .. "{" .. table.concat(parts, ", ") .. "}\n")
  io.write(string.format("LATENCY {\"p50\": %%d, \"p99\": %%d, \"max\": %%d}\n",
    latency:percentile(50), latency:percentile(99), latency.max))
  local e = summary.errors
  io.write(string.format(
    "ERRORS {\"connect\": %%d, \"read\": %%d, \"write\": %%d, \"timeout\": %%d, \"status\": %%d}\n",
    e.connect, e.read, e.write, e.timeout, e.status))
end
"""


def log(message):
    print(f"[soak {time.strftime('%H:%M:%S')}] {message}", flush=True)  # noqa: T201


def run(*command, **kwargs):
    return subprocess.run(command, check=True, **kwargs)  # noqa: S603


def as_postgres(*command):
    return run("runuser", "-u", "postgres", "--", *command, stdout=subprocess.DEVNULL)


def request_target(url):
    """``url`` as wrk must send it: percent-encoded (a raw "ü" in the request line is a 400 in gunicorn)."""
    return urllib.parse.quote(url, safe="/?&=%+:")


class Soak:
    def __init__(self, workdir):
        self.dir = Path(workdir)
        self.pgdata = self.dir / "pgdata"
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "cms.settings.production",
            "SECRET_KEY": "soak-test-" + "x" * 40,
            "SECURE_SSL_REDIRECT": "0",
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "DATABASE_URL": f"postgres://postgres@127.0.0.1:{PG_PORT}/soak",
            "REDIS_URL": f"redis://127.0.0.1:{REDIS_PORT}/0",
            "MEDIA_ROOT": str(self.dir / "media"),
            "STATIC_ROOT": str(self.dir / "static"),
            "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
            "LOG_LEVEL": "ERROR",
        }
        self.redis = self.gunicorn = None

    # servers ---------------------------------------------------------------------------------
    def start_postgres(self):
        if not self.pgdata.exists():
            self.pgdata.mkdir(parents=True)
            shutil.chown(self.pgdata, "postgres", "postgres")
            as_postgres(str(PG_BIN / "initdb"), "-D", str(self.pgdata), "-A", "trust", "-U", "postgres")
        as_postgres(
            str(PG_BIN / "pg_ctl"),
            "-D",
            str(self.pgdata),
            "-w",
            "-l",
            str(self.pgdata / "server.log"),
            "-o",
            f"-p {PG_PORT} -k /tmp -c listen_addresses=127.0.0.1 -c max_connections=200",
            "start",
        )

    def stop_postgres(self):
        as_postgres(str(PG_BIN / "pg_ctl"), "-D", str(self.pgdata), "-w", "-m", "fast", "stop")

    def start_redis(self):
        self.redis = subprocess.Popen(  # noqa: S603
            ["redis-server", "--port", str(REDIS_PORT), "--save", "", "--appendonly", "no"],  # noqa: S607
            stdout=subprocess.DEVNULL,
        )
        time.sleep(0.5)

    def stop_redis(self):
        if self.redis is not None:
            self.redis.terminate()
            self.redis.wait()
            self.redis = None

    def start_gunicorn(self):
        self.gunicorn = subprocess.Popen(  # noqa: S603
            [
                PYTHON,
                "-m",
                "gunicorn",
                "cms.wsgi:application",
                "--bind",
                f"127.0.0.1:{HTTP_PORT}",
                "--workers",
                str(WORKERS),
                "--timeout",
                "60",
                "--log-level",
                "warning",
            ],
            cwd=ROOT,
            env=self.env,
            stderr=open(self.dir / "gunicorn.log", "w"),  # noqa: SIM115
        )
        for _ in range(60):
            if status(BASE + "/") == 200:
                return
            time.sleep(1)
        raise RuntimeError("gunicorn did not come up; see gunicorn.log")

    def stop_gunicorn(self):
        if self.gunicorn is not None:
            self.gunicorn.terminate()
            self.gunicorn.wait()

    # site ------------------------------------------------------------------------------------
    def prepare_site(self):
        manage = [PYTHON, "manage.py"]
        run("psql", "-h", "127.0.0.1", "-p", str(PG_PORT), "-U", "postgres", "-qc", "CREATE DATABASE soak")
        for command in (
            ["migrate", "--noinput", "-v0"],
            ["bootstrap_site"],
            ["collectstatic", "--noinput", "-v0"],
        ):
            run(
                *manage,
                *command,
                cwd=ROOT,
                env={**self.env, "ADMIN_PASSWORD": "soak-Admin-2026!"},
                stdout=subprocess.DEVNULL,
            )
        code = (
            "from wagtail.models import Page\n"
            "for page in Page.objects.live().public().specific()[:60]: print(page.url)\n"
        )
        output = run(
            *manage, "shell", "-c", code, cwd=ROOT, env=self.env, capture_output=True, text=True
        ).stdout
        urls = [line for line in output.split() if line.startswith("/")]
        urls += [
            "/suche/?q=Industrie",
            "/suche/?q=Bündnis&seite=2",
            "/suche/vorschlaege/?q=Indu",
            "/sitemap.xml",
            "/robots.txt",
            "/api/v2/pages/?limit=5",
            "/api/v2/pages/?type=news.NewsPage",
        ]
        urls = [request_target(url) for url in urls]
        (self.dir / "urls.txt").write_text("\n".join(urls) + "\n")
        (self.dir / "mixed.lua").write_text(LUA % {"urls": self.dir / "urls.txt"})
        return urls

    def wrk(self, label):
        log(f"{label}: wrk {CONNECTIONS} connections, {DURATION} s")
        output = run(
            "wrk",
            "-t",
            "4",
            "-c",
            str(CONNECTIONS),
            "-d",
            f"{DURATION}s",
            "--timeout",
            "30s",
            "-s",
            str(self.dir / "mixed.lua"),
            BASE,
            capture_output=True,
            text=True,
        ).stdout
        result = {"label": label}
        for line in output.splitlines():
            for key in ("STATUS", "LATENCY", "ERRORS"):
                if line.startswith(key + " "):
                    result[key.lower()] = json.loads(line[len(key) + 1 :])
            if line.startswith("Requests/sec:"):
                result["rps"] = float(line.split()[1])
        result["requests"] = sum(result.get("status", {}).values())
        log(json.dumps(result))
        return result


def status(url):
    try:
        with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 - local soak server
            return response.status
    except urllib.error.HTTPError as error:
        return error.code
    except OSError:
        return None


def main():
    results = {}
    with tempfile.TemporaryDirectory(prefix="n3-soak-") as workdir:
        os.chmod(workdir, 0o755)  # noqa: S103 - the postgres user needs to reach pgdata
        soak = Soak(workdir)
        try:
            soak.start_postgres()
            soak.start_redis()
            urls = soak.prepare_site()
            log(f"{len(urls)} URLs")
            soak.start_gunicorn()
            results["steady"] = soak.wrk("Normalbetrieb")

            load = subprocess.Popen(  # noqa: S603
                [PYTHON, __file__, "--wrk-only", workdir],
                env={**os.environ, "SOAK_LABEL": "restart"},
                stdout=subprocess.PIPE,
                text=True,
            )
            time.sleep(OUTAGE_AFTER)
            log("PostgreSQL stops")
            soak.stop_postgres()
            down = status(BASE + "/")
            outage_page = ""
            try:
                urllib.request.urlopen(BASE + "/", timeout=10)  # noqa: S310
            except urllib.error.HTTPError as error:
                outage_page = error.read().decode("utf-8", "replace")
            time.sleep(OUTAGE_SECONDS)
            log("PostgreSQL starts again")
            soak.start_postgres()
            output = load.communicate()[0]
            results["restart"] = json.loads(output.strip().splitlines()[-1])
            results["restart"]["status_during_outage"] = down
            results["restart"]["german_503"] = "vorübergehend nicht erreichbar" in outage_page
            results["restart"]["status_after"] = status(BASE + "/")

            log("Redis stops")
            soak.stop_redis()
            results["redis_down"] = soak.wrk("Redis gestoppt")
        finally:
            soak.stop_gunicorn()
            soak.stop_redis()
            with contextlib.suppress(subprocess.CalledProcessError):
                soak.stop_postgres()
    write_report(results)


def wrk_only(workdir):
    soak = Soak(workdir)
    print(json.dumps(soak.wrk("PostgreSQL-Neustart")), flush=True)  # noqa: T201


def describe(result):
    statuses = ", ".join(f"{code}: {count}" for code, count in sorted(result.get("status", {}).items()))
    errors = result.get("errors", {})
    socket_errors = sum(errors.get(key, 0) for key in ("connect", "read", "write", "timeout"))
    latency = " / ".join(
        f"{result.get('latency', {}).get(key, 0) / 1000:.0f}" for key in ("p50", "p99", "max")
    )
    return (
        f"| {result['label']} | {result['requests']} | {result.get('rps', 0):.1f} | {statuses} "
        f"| {socket_errors} | {latency} |"
    )


def write_report(results):
    path = ROOT / "docs" / "reliability.md"
    text = path.read_text(encoding="utf-8")
    marker, end = "<!-- soak results -->", "<!-- /soak results -->"
    head = text.split(marker)[0] if marker in text else text
    # What follows the results (the next section) stays: up to the end marker, else the next heading.
    rest = text.split(marker, 1)[1] if marker in text else ""
    if end in rest:
        tail = rest.split(end, 1)[1].lstrip("\n")
    else:
        tail = rest[rest.index("\n## ") + 1 :] if "\n## " in rest else ""
    restart = results["restart"]
    table = [
        marker,
        "",
        f"Letzter Lauf: {time.strftime('%d.%m.%Y %H:%M')} UTC, {os.cpu_count()} CPU-Kerne, "
        f"{WORKERS} gunicorn-Worker, {CONNECTIONS} gleichzeitige Verbindungen, je {DURATION} s.",
        "",
        "| Phase | Anfragen | Anfragen/s | Statuscodes | Socket-Fehler | Latenz p50 / p99 / max (ms) |",
        "| --- | --- | --- | --- | --- | --- |",
        *(describe(results[key]) for key in ("steady", "restart", "redis_down")),
        "",
        f"Während der Datenbankpause: Status {restart['status_during_outage']}, deutsche 503-Seite: "
        f"{'ja' if restart['german_503'] else 'nein'}; nach dem Neustart ohne Neustart von gunicorn: "
        f"Status {restart['status_after']}.",
        "",
        end,
        "",
    ]
    path.write_text(head + "\n".join(table) + ("\n" + tail if tail else ""), encoding="utf-8")
    log(f"written to {path}")


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--wrk-only":
        wrk_only(sys.argv[2])
    else:
        main()

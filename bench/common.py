"""What the bench scripts share: the bench database, the data, the server, PostgreSQL.

run.py and fault.py drive the steps from outside the project; generate.py and queries.py
run inside it, as steps started by `run_step`, after `setup_django()`.
"""

import json
import os
import shutil
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
WORK = BENCH / ".work"  # logs, state, wrk path lists, media: never committed
RESULTS = BENCH / "results"
PYTHON = ROOT / ".venv" / "bin" / "python"
if not PYTHON.exists():
    PYTHON = Path(sys.executable)
GUNICORN = PYTHON.parent / "gunicorn"

DATABASE_URL = os.environ.get(
    "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/portal_bench"
)
SERVER_CORE = os.environ.get("BENCH_SERVER_CORE", "0")
LOAD_CORE = os.environ.get("BENCH_LOAD_CORE", "1")


def say(message=""):
    print(message, flush=True)


def setup_django():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
    import django

    django.setup()


def _with_database(url, name):
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path="/" + name))


def database_name(url=DATABASE_URL):
    return urlsplit(url).path.lstrip("/")


TEMPLATE_URL = _with_database(DATABASE_URL, database_name() + "_template")


def admin_url():
    return _with_database(DATABASE_URL, "postgres")


def _admin(sql_statements):
    import psycopg

    with psycopg.connect(admin_url(), autocommit=True) as conn:
        for statement in sql_statements:
            conn.execute(statement)


def postgres_ready(timeout=1.0):
    import psycopg

    try:
        with psycopg.connect(_with_database(DATABASE_URL, "postgres"), connect_timeout=timeout):
            return True
    except psycopg.OperationalError:
        return False


def postgres_version():
    import psycopg

    with psycopg.connect(_with_database(DATABASE_URL, "postgres")) as conn:
        return conn.execute("SHOW server_version").fetchone()[0]


def env_for(url=DATABASE_URL, **extra):
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="bench.settings",
        BENCH_DATABASE_URL=url,
        PYTHONUNBUFFERED="1",
        **extra,
    )
    return env


def run_step(args, url=DATABASE_URL, prefix="  "):
    """Run a Python step in the project, its output shown as it comes."""
    process = subprocess.Popen(
        [str(PYTHON), *args],
        cwd=ROOT,
        env=env_for(url),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    lines = []
    for line in process.stdout:
        line = line.rstrip("\n")
        lines.append(line)
        say(line if line.startswith(prefix) else prefix + line)
    if process.wait() != 0:
        raise SystemExit(f"Step failed: {' '.join(args)}")
    return lines


def make_template():
    """An empty, migrated database to copy for every data size (migrating takes a while)."""
    name = database_name(TEMPLATE_URL)
    say(f"== Database template {name}: migrating once")
    _admin(
        [
            f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)',
            f'CREATE DATABASE "{name}"',
        ]
    )
    started = time.monotonic()
    run_step(["manage.py", "migrate", "--noinput", "-v", "0"], url=TEMPLATE_URL)
    say(f"  migrated in {time.monotonic() - started:.0f}s")


def reset_database():
    name, template = database_name(), database_name(TEMPLATE_URL)
    _admin(
        [
            f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)',
            f'CREATE DATABASE "{name}" TEMPLATE "{template}"',
        ]
    )
    shutil.rmtree(WORK / "media", ignore_errors=True)


def generate(articles, state_path):
    run_step(
        ["bench/generate.py", "--articles", str(articles), "--state", str(state_path)],
    )
    return json.loads(state_path.read_text())


def count_queries(state_path):
    lines = run_step(["bench/queries.py", "--state", str(state_path)])
    return json.loads(lines[-1])


def drop_databases():
    _admin(
        [
            f'DROP DATABASE IF EXISTS "{database_name()}" WITH (FORCE)',
            f'DROP DATABASE IF EXISTS "{database_name(TEMPLATE_URL)}" WITH (FORCE)',
        ]
    )


class Server:
    """gunicorn as production runs it (gunicorn.conf.py): sync workers (one unless asked),
    on one core."""

    def __init__(self, port, log_path, workers=1):
        self.port = port
        self.log_path = log_path
        self.workers = workers
        self.process = None

    @property
    def base_url(self):
        return f"http://127.0.0.1:{self.port}"

    def start(self):
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        log = self.log_path.open("w")
        command = [
            "taskset",
            "-c",
            SERVER_CORE,
            str(GUNICORN),
            "--config",
            str(ROOT / "gunicorn.conf.py"),
            "--bind",
            f"127.0.0.1:{self.port}",
            "--workers",
            str(self.workers),
            "--worker-class",
            "sync",
            "--max-requests",
            "0",
        ]
        self.process = subprocess.Popen(
            command,
            cwd=ROOT,
            env=env_for(GUNICORN_ACCESS_LOG=""),
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise SystemExit(f"gunicorn exited; see {self.log_path}")
            try:
                with urllib.request.urlopen(self.base_url + "/bench/hello", timeout=2) as answer:
                    if answer.status == 200:
                        return self
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                time.sleep(0.2)
        raise SystemExit(f"gunicorn did not answer in 30s; see {self.log_path}")

    def stop(self):
        if self.process is None or self.process.poll() is not None:
            return
        # Only the process group this object started.
        os.killpg(self.process.pid, signal.SIGTERM)
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()

    def get(self, path, headers=None):
        request = urllib.request.Request(self.base_url + path, headers=headers or {})
        try:
            with urllib.request.urlopen(request, timeout=30) as answer:
                return answer.status, dict(answer.headers), answer.read()
        except urllib.error.HTTPError as error:
            return error.code, dict(error.headers), error.read()


@contextmanager
def running_server(port, log_path, workers=1):
    server = Server(port, log_path, workers)
    try:
        yield server.start()
    finally:
        server.stop()


def require_tools():
    """wrk, taskset and a reachable PostgreSQL, with what to do when one is missing."""
    problems = []
    if not shutil.which("wrk"):
        problems.append("wrk is not installed: apt-get install -y wrk  (Debian's package)")
    if not shutil.which("taskset"):
        problems.append("taskset is not installed: apt-get install -y util-linux")
    if not GUNICORN.exists():
        problems.append("gunicorn is not installed: make venv  (it is in requirements.txt)")
    if (os.cpu_count() or 1) < 2:
        problems.append("needs 2 cores: the server on one, the load generator on the other")
    if not problems and not postgres_ready():
        problems.append(
            f"PostgreSQL does not answer at {_with_database(DATABASE_URL, 'postgres')}; "
            "start it (pg_ctlcluster --skip-systemctl-redirect 15 main start) or set "
            "BENCH_DATABASE_URL"
        )
    if problems:
        raise SystemExit("Cannot run the benchmark:\n  " + "\n  ".join(problems))

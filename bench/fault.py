"""The fault run: PostgreSQL stopped and started again in the middle of a bounded load.

    python bench/fault.py [--articles 1000]        # fresh data, then the fault run
    python bench/fault.py --state STATE --json OUT  # as bench/run.py calls it

gunicorn serves as in the benchmark (one sync worker on core 0); this
process pins itself to core 1 and sends our article detail from a few threads, recording
every answer's time and status. After --before seconds it stops the PostgreSQL cluster
(`pg_ctlcluster VERSION main stop`), waits --down seconds, starts it again, and keeps the
load on for --after seconds. PostgreSQL is started again whatever happens (try/finally).

Stopping PostgreSQL stops it for everyone on this machine, for --down seconds or so.
"""

import argparse
import http.client
import json
import os
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench import common  # noqa: E402
from bench.targets import BY_KEY, headers_for, paths_for  # noqa: E402


def cluster():
    """(version, name) of the local PostgreSQL cluster, from /etc/postgresql."""
    configured = os.environ.get("BENCH_PG_CLUSTER")
    if configured:
        version, name = configured.split()
        return version, name
    versions = sorted(os.listdir("/etc/postgresql"))
    if not versions:
        raise SystemExit("No PostgreSQL cluster in /etc/postgresql; set BENCH_PG_CLUSTER")
    return versions[-1], "main"


def pg_ctl(action):
    version, name = cluster()
    command = ["pg_ctlcluster", "--skip-systemctl-redirect", version, name, action]
    if action == "stop":
        command += ["-m", "fast"]
    subprocess.run(command, check=True, capture_output=True, text=True, timeout=120)


def other_clients():
    """Connections to PostgreSQL from anyone but the benchmark (other databases)."""
    import psycopg

    ours = (common.database_name(), common.database_name(common.TEMPLATE_URL))
    with psycopg.connect(common.admin_url()) as conn:
        rows = conn.execute(
            "SELECT datname, application_name FROM pg_stat_activity "
            "WHERE backend_type = 'client backend' AND pid <> pg_backend_pid() "
            "AND datname IS NOT NULL AND datname <> ALL(%s)",
            [list(ours)],
        ).fetchall()
    return [f"{database} ({application or 'no name'})" for database, application in rows]


def wait_until_alone(wait):
    """Stopping PostgreSQL would break someone else's tests: wait until nobody else uses it."""
    deadline = time.monotonic() + wait
    others = other_clients()
    while others and time.monotonic() < deadline:
        common.say(f"  waiting: PostgreSQL is in use by {', '.join(sorted(set(others)))}")
        time.sleep(10)
        others = other_clients()
    return others


def wait_for_postgres(timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if common.postgres_ready(timeout=1):
            return True
        time.sleep(0.2)
    return False


class Load:
    """A few threads sending GETs one after the other, recording (start, end, status)."""

    def __init__(self, port, paths, headers, threads=2, timeout=5.0):
        self.port, self.paths, self.headers = port, paths, headers
        self.threads, self.timeout = threads, timeout
        self.records = []
        self.stop_at = None
        self._lock = threading.Lock()
        self._counter = 0

    def _next_path(self):
        with self._lock:
            self._counter += 1
            return self.paths[self._counter % len(self.paths)]

    def _run(self):
        while time.monotonic() < self.stop_at:
            path = self._next_path()
            started = time.monotonic()
            try:
                connection = http.client.HTTPConnection(
                    "127.0.0.1", self.port, timeout=self.timeout
                )
                connection.request("GET", path, headers=self.headers)
                response = connection.getresponse()
                response.read()
                status = str(response.status)
                connection.close()
            except (OSError, http.client.HTTPException) as error:
                status = f"no answer ({type(error).__name__})"
                time.sleep(0.05)
            with self._lock:
                self.records.append((started, time.monotonic(), status))

    def start(self, duration_limit):
        self.stop_at = time.monotonic() + duration_limit
        self.workers = [threading.Thread(target=self._run) for _ in range(self.threads)]
        for worker in self.workers:
            worker.start()

    def finish(self):
        self.stop_at = 0
        for worker in self.workers:
            worker.join()


def run(state, port, before=5.0, down=5.0, after=10.0, log_path=None, wait=600, force=False):
    target = BY_KEY["detail_cold"]
    others = [] if force else wait_until_alone(wait)
    if others:
        common.say(f"  fault run skipped: PostgreSQL still in use by {', '.join(others)}")
        return {"skipped": f"PostgreSQL was in use by others ({', '.join(sorted(set(others)))})"}
    log_path = log_path or common.WORK / "gunicorn-fault.log"
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {int(common.LOAD_CORE)})
    common.say(
        f"== Fault run: our article detail under load; PostgreSQL {'/'.join(cluster())} "
        f"stopped after {before:g}s for {down:g}s, then {after:g}s more"
    )
    events = {}
    load = Load(port, paths_for(target.key, state), headers_for(target, state))
    with common.running_server(port, log_path):
        t0 = time.monotonic()
        load.start(before + down + after + 120)  # a bound even if a step hangs
        try:
            time.sleep(before)
            events["stop"] = time.monotonic() - t0
            common.say(f"  {events['stop']:5.1f}s  stopping PostgreSQL")
            pg_ctl("stop")
            events["stopped"] = time.monotonic() - t0
            common.say(f"  {events['stopped']:5.1f}s  PostgreSQL stopped")
            time.sleep(down)
            events["start"] = time.monotonic() - t0
            common.say(f"  {events['start']:5.1f}s  starting PostgreSQL")
        finally:
            if not common.postgres_ready():
                pg_ctl("start")
            if not wait_for_postgres():
                load.finish()
                raise SystemExit("PostgreSQL did not come back: start it by hand")
        events["back"] = time.monotonic() - t0
        common.say(f"  {events['back']:5.1f}s  PostgreSQL accepts connections")
        time.sleep(after)
        load.finish()
        events["end"] = time.monotonic() - t0
    return summarize([(s - t0, e - t0, status) for s, e, status in load.records], events)


def summarize(records, events):
    records.sort()
    phases = {
        "before": [r for r in records if r[0] < events["stop"]],
        "during": [r for r in records if events["stop"] <= r[0] < events["back"]],
        "after": [r for r in records if r[0] >= events["back"]],
    }
    bounds = {
        "before": (0, events["stop"]),
        "during": (events["stop"], events["back"]),
        "after": (events["back"], events["end"]),
    }
    by_phase = {
        name: {
            "seconds": round(bounds[name][1] - bounds[name][0], 1),
            "requests": len(rows),
            "statuses": dict(Counter(status for _, _, status in rows)),
        }
        for name, rows in phases.items()
    }
    failures = [r for r in records if r[2] != "200"]
    last_failure_end = max((r[1] for r in failures), default=None)
    # Recovered: from the first request sent after the last failure on, every answer is a 200.
    recovered_at = None
    if not failures:
        recovered_at = events["back"]
    elif records[-1][2] == "200":
        recovered_at = next(r[1] for r in records if r[0] >= last_failure_end and r[2] == "200")
    first_failure = min((r[0] for r in failures), default=None)
    timeline = {}
    for started, _, status in records:
        timeline.setdefault(int(started), Counter())[status] += 1
    return {
        "events": {key: round(value, 2) for key, value in events.items()},
        "phases": by_phase,
        "first_failure_s": None if first_failure is None else round(first_failure, 2),
        "last_failure_s": None if last_failure_end is None else round(last_failure_end, 2),
        "recovered_at_s": None if recovered_at is None else round(recovered_at, 2),
        "seconds_to_recover": (
            None if recovered_at is None else round(max(recovered_at - events["back"], 0), 2)
        ),
        "timeline": {second: dict(counts) for second, counts in sorted(timeline.items())},
    }


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--state", type=Path, help="a state from run.py (its database must still exist)"
    )
    parser.add_argument(
        "--articles", type=int, default=1000, help="without --state: generate this many first"
    )
    parser.add_argument("--json", type=Path, help="write the summary here too")
    parser.add_argument("--port", type=int, default=int(os.environ.get("BENCH_PORT", "8797")))
    parser.add_argument("--before", type=float, default=5.0)
    parser.add_argument("--down", type=float, default=5.0)
    parser.add_argument("--after", type=float, default=10.0)
    parser.add_argument(
        "--wait", type=float, default=600, help="seconds to wait for others to stop using it"
    )
    parser.add_argument("--force", action="store_true", help="stop PostgreSQL even if in use")
    args = parser.parse_args(argv)
    fresh = args.state is None
    if fresh:
        common.require_tools()
        common.WORK.mkdir(parents=True, exist_ok=True)
        common.make_template()
        common.reset_database()
        args.state = common.WORK / f"state-{args.articles}.json"
        common.generate(args.articles, args.state)
    try:
        state = json.loads(args.state.read_text())
        result = run(
            state,
            args.port,
            args.before,
            args.down,
            args.after,
            wait=args.wait,
            force=args.force,
        )
    finally:
        if fresh and common.postgres_ready():
            common.drop_databases()
    if args.json:
        args.json.write_text(json.dumps(result))
    if "skipped" in result:
        return
    for name, phase in result["phases"].items():
        common.say(
            f"  {name:<7} {phase['seconds']:5.1f}s {phase['requests']:5} requests "
            f"{phase['statuses']}"
        )
    common.say(f"  recovered {result['seconds_to_recover']}s after PostgreSQL was back")


if __name__ == "__main__":
    main()

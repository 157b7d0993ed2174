"""The restart run: gunicorn restarted under load, as a deploy does; no request may fail.

    python bench/restart.py [--articles 1000] [--restarts 3]

gunicorn serves with two sync workers (as behind a proxy in production) and this process
sends our article detail from a few threads (`fault.Load`). Every --every seconds the
master is sent HUP: it starts new workers with the new code and settings and lets the old
ones finish the request they hold before they exit, on the same listening socket. Every
answer is recorded; the run reports the statuses before, across and after the restarts.
"""

import argparse
import json
import os
import signal
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench import common  # noqa: E402
from bench.fault import Load  # noqa: E402
from bench.targets import BY_KEY, headers_for, paths_for  # noqa: E402


def run(state, port, restarts=3, every=4.0, workers=2):
    target = BY_KEY["detail_cold"]
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {int(common.LOAD_CORE)})
    common.say(
        f"== Restart run: our article detail under load; gunicorn ({workers} workers) sent "
        f"HUP {restarts} times, {every:g}s apart"
    )
    # A proxy's patience (nginx waits 60 s by default), not the fault run's 5 s.
    load = Load(
        port, paths_for(target.key, state), headers_for(target, state), threads=4, timeout=30
    )
    sent = []
    with common.running_server(port, common.WORK / "gunicorn-restart.log", workers) as server:
        t0 = time.monotonic()
        load.start(every * (restarts + 1) + 60)
        try:
            for _ in range(restarts):
                time.sleep(every)
                sent.append(round(time.monotonic() - t0, 2))
                os.kill(server.process.pid, signal.SIGHUP)
            time.sleep(every)
        finally:
            load.finish()
    statuses = Counter(status for _, _, status in load.records)
    waits = sorted(end - start for start, end, _ in load.records)
    return {
        "wait_ms": {
            "p50": round(waits[len(waits) // 2] * 1000),
            "p99": round(waits[int(len(waits) * 0.99)] * 1000),
            "max": round(waits[-1] * 1000),
        },
        "workers": workers,
        "hup_sent_s": sent,
        "requests": len(load.records),
        "statuses": dict(statuses),
        "failed": sum(count for status, count in statuses.items() if status != "200"),
    }


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--restarts", type=int, default=3)
    parser.add_argument("--every", type=float, default=4.0, help="seconds between restarts")
    parser.add_argument("--json", type=Path, help="write the summary here too")
    parser.add_argument("--port", type=int, default=int(os.environ.get("BENCH_PORT", "8797")))
    args = parser.parse_args(argv)
    common.require_tools()
    common.WORK.mkdir(parents=True, exist_ok=True)
    common.make_template()
    common.reset_database()
    state_path = common.WORK / f"state-{args.articles}.json"
    common.generate(args.articles, state_path)
    try:
        result = run(json.loads(state_path.read_text()), args.port, args.restarts, args.every)
    finally:
        common.drop_databases()
    if args.json:
        args.json.write_text(json.dumps(result))
    common.say(
        f"  {result['requests']} requests, HUP at {result['hup_sent_s']} s: "
        f"{result['statuses']}; failed {result['failed']}; waits (ms) {result['wait_ms']}"
    )


if __name__ == "__main__":
    main()

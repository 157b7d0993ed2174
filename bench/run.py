"""The benchmark, in one command: `python bench/run.py` (or `make bench`).

For each data size: a fresh PostgreSQL database, generated articles, SQL counted per
request, then gunicorn (one sync worker, core 0) under wrk (core 1) in alternating rounds.
Then the fault run, and `bench/results/results.md` plus `bench/results/ratios.png`.
See bench/README.md for the method and what every column means.
"""

import argparse
import json
import os
import socket
import sys
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench import common  # noqa: E402
from bench.chart import write_chart  # noqa: E402
from bench.common import say  # noqa: E402
from bench.measure import measure_size  # noqa: E402
from bench.report import machine, size_label, versions, write_report  # noqa: E402


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--sizes",
        default=os.environ.get("BENCH_SIZES", "10 1000 10000"),
        help='articles per run, e.g. "10 100" (default: $BENCH_SIZES or "10 1000 10000")',
    )
    parser.add_argument("--duration", type=int, default=5, help="seconds per target per round")
    parser.add_argument("--rounds", type=int, default=3, help="alternating rounds")
    parser.add_argument("--extra-rounds", type=int, default=2, help="more rounds when noisy")
    parser.add_argument("--warmup", type=int, default=2, help="seconds per target, not counted")
    parser.add_argument("--connections", type=int, default=4, help="wrk connections")
    parser.add_argument("--port", type=int, default=int(os.environ.get("BENCH_PORT", "8797")))
    parser.add_argument(
        "--fault",
        choices=["yes", "no", "force"],
        default=os.environ.get("BENCH_FAULT", "yes"),
        help="the fault run (force: even when others use PostgreSQL)",
    )
    parser.add_argument("--keep-databases", action="store_true")
    args = parser.parse_args(argv)
    args.sizes = sorted({int(size) for size in args.sizes.replace(",", " ").split()})
    return args


def port_free(port):
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) != 0


def main(argv=None):
    args = parse_args(argv)
    common.require_tools()
    if not port_free(args.port):
        raise SystemExit(f"Port {args.port} is in use: pass --port or set BENCH_PORT")
    common.WORK.mkdir(parents=True, exist_ok=True)
    common.RESULTS.mkdir(parents=True, exist_ok=True)
    started = datetime.now(UTC)
    info = {"machine": machine(), "versions": versions()}
    load = " ".join(info["machine"]["load_average"])
    sizes = ", ".join(map(size_label, args.sizes))
    say(f"== Benchmark: sizes {sizes}; {info['machine']['cores']} cores, load average {load}")
    runs, fault = [], None
    try:
        common.make_template()
        for size in args.sizes:
            runs.append(measure_size(args, size))
            (common.WORK / "results.json").write_text(json.dumps(runs, indent=1))
        if args.fault != "no":
            say("")
            fault_json = common.WORK / "fault.json"
            fault_json.unlink(missing_ok=True)
            common.run_step(
                [
                    "bench/fault.py",
                    "--state",
                    str(common.WORK / f"state-{args.sizes[-1]}.json"),
                    "--json",
                    str(fault_json),
                    "--port",
                    str(args.port),
                    *(["--force"] if args.fault == "force" else []),
                ]
            )
            fault = json.loads(fault_json.read_text())
    finally:
        if not common.postgres_ready():
            say("PostgreSQL is not answering: starting it")
            from bench.fault import pg_ctl

            pg_ctl("start")
        if not args.keep_databases and common.postgres_ready():
            common.drop_databases()
    finished = datetime.now(UTC)
    report = write_report(args, runs, fault, info, started, finished)
    chart = write_chart(runs)
    (common.WORK / "results.json").write_text(json.dumps({"runs": runs, "fault": fault}, indent=1))
    say(f"\n== Written {report.relative_to(ROOT)} and {chart.relative_to(ROOT)}")
    say(report.read_text().split("## Results by target")[0].split("## Goals (issue 11)")[1])


if __name__ == "__main__":
    main()

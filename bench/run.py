"""The benchmark, in one command: `python bench/run.py` (or `make bench`).

For each data size: a fresh PostgreSQL database, generated articles, SQL counted per
request, then gunicorn (one sync worker, core 0) under wrk (core 1) in alternating rounds.
Then the fault run, and `bench/results/results.md` plus `bench/results/ratios.png`.
See bench/README.md for the method and what every column means.
"""

import argparse
import collections
import json
import os
import platform
import re
import socket
import statistics
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench import common  # noqa: E402
from bench.common import say  # noqa: E402
from bench.targets import BY_KEY, TARGETS, fixed_article, headers_for, paths_for  # noqa: E402

NOISY_SPREAD = 1.3  # a run whose baseline varies more than this across rounds is noise
GOALS = {"cached": 0.8, "304": 0.9, "cold_vs_wagtail": 5.0, "list_vs_wagtail": 2.0, "p95": 1.5}


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


# --- load ----------------------------------------------------------------------------------


# Requests each target has sent so far: every wrk run goes on where the last one stopped,
# so the cache-miss targets never repeat a path (the preflight sent the first).
SENT = collections.Counter()


def wrk(server, target, state, seconds, connections, etag=None):
    paths_file = common.WORK / f"paths-{target.key}.txt"
    headers = [f"{name}: {value}" for name, value in headers_for(target, state, etag).items()]
    command = [
        "taskset",
        "-c",
        common.LOAD_CORE,
        "wrk",
        "--threads",
        "1",
        "--connections",
        str(connections),
        "--duration",
        f"{max(int(seconds), 1)}s",  # wrk takes whole seconds
        "--timeout",
        "10s",
        "--script",
        str(common.BENCH / "wrk.lua"),
        server.base_url,
        "--",
        str(paths_file),
        *headers,
    ]
    SENT[target.key] = max(SENT[target.key], 1)
    output = subprocess.run(
        command,
        capture_output=True,
        text=True,
        timeout=seconds + 60,
        env={**os.environ, "WRK_START": str(SENT[target.key])},
    )
    match = re.search(r"^WRK_JSON (\{.*\})$", output.stdout, re.MULTILINE)
    if not match:
        raise SystemExit(f"wrk gave no result for {target.key}:\n{output.stdout}{output.stderr}")
    result = json.loads(match.group(1))
    SENT[target.key] += result["requests"]
    result["rps"] = result["requests"] / (result["duration_us"] / 1e6)
    result["errors"] = sum(value for key, value in result.items() if key.startswith("errors_"))
    return result


def preflight(server, state):
    """Every target answers as expected before any timing; returns the ETag for the 304 case."""
    status, headers, _ = server.get(
        paths_for("detail_cached", state)[0], headers_for(BY_KEY["detail_cached"], state)
    )
    etag = headers.get("ETag")
    for target in TARGETS:
        paths = paths_for(target.key, state)
        (common.WORK / f"paths-{target.key}.txt").write_text("\n".join(paths) + "\n")
        status, _, _ = server.get(paths[0], headers_for(target, state, etag))
        if status != target.status:
            raise SystemExit(f"{target.key}: {paths[0]} answered {status}, not {target.status}")
    return etag


def measure_size(args, size):
    state_path = common.WORK / f"state-{size}.json"
    say(f"\n== {size:,} articles: fresh database")
    common.reset_database()
    started = time.monotonic()
    state = common.generate(size, state_path)
    generate_seconds = time.monotonic() - started
    say("== SQL queries per request (in-process, same database)")
    queries = common.count_queries(state_path)
    say(f"== gunicorn (1 sync worker, core {common.SERVER_CORE}) and wrk (core {common.LOAD_CORE})")
    rounds = []
    with common.running_server(args.port, common.WORK / f"gunicorn-{size}.log") as server:
        etag = preflight(server, state)
        say(f"  warm-up: {args.warmup:g}s per target")
        for target in TARGETS:
            wrk(server, target, state, args.warmup, args.connections, etag)
        total = args.rounds
        number = 0
        while number < total:
            number += 1
            order = TARGETS if number % 2 else list(reversed(TARGETS))
            results = {}
            for target in order:
                results[target.key] = wrk(
                    server, target, state, args.duration, args.connections, etag
                )
                result = results[target.key]
                say(
                    f"  round {number}/{total}  {target.key:<15} {result['rps']:8.1f} req/s  "
                    f"p50 {result['p50_us'] / 1000:7.1f} ms  p95 {result['p95_us'] / 1000:7.1f} ms"
                    + (f"  {result['errors']} errors" if result["errors"] else "")
                )
            rounds.append(results)
            if number == total and total < args.rounds + args.extra_rounds:
                spread = baseline_spread(rounds)
                if spread > NOISY_SPREAD:
                    say(f"  the baseline varied {spread:.2f}x across rounds: one more round")
                    total += 1
    return {
        "size": size,
        "articles": state["articles"],
        "generate_seconds": round(generate_seconds, 1),
        "fixed_article": fixed_article(state),
        "queries": queries,
        "rounds": rounds,
        "summary": summarize(rounds),
        "baseline_spread": baseline_spread(rounds),
    }


def baseline_spread(rounds):
    values = [r["hello"]["rps"] for r in rounds]
    return max(values) / min(values)


def summarize(rounds):
    """Medians over rounds; ratios are taken within each round, then their median."""
    summary = {}
    for target in TARGETS:
        per_round = [r[target.key] for r in rounds]
        row = {
            "rps": statistics.median(x["rps"] for x in per_round),
            "ratio_a": statistics.median(r[target.key]["rps"] / r["hello"]["rps"] for r in rounds),
            "p50_ms": statistics.median(x["p50_us"] for x in per_round) / 1000,
            "p95_ms": statistics.median(x["p95_us"] for x in per_round) / 1000,
            "requests": sum(x["requests"] for x in per_round),
            "errors": sum(x["errors"] for x in per_round),
        }
        if target.reference:
            row["ratio_b"] = statistics.median(
                r[target.key]["rps"] / r[target.reference]["rps"] for r in rounds
            )
        summary[target.key] = row
    return summary


# --- the report ----------------------------------------------------------------------------


def machine():
    def read(path):
        try:
            return Path(path).read_text()
        except OSError:
            return ""

    cpu = re.search(r"^model name\s*:\s*(.+)$", read("/proc/cpuinfo"), re.MULTILINE)
    memory = re.search(r"^MemTotal:\s*(\d+) kB", read("/proc/meminfo"), re.MULTILINE)
    return {
        "cores": os.cpu_count(),
        "cpu": cpu.group(1) if cpu else platform.processor(),
        "memory_gib": round(int(memory.group(1)) / 1024 / 1024, 1) if memory else None,
        "kernel": platform.release(),
        "load_average": read("/proc/loadavg").split()[:3],
    }


def versions():
    code = (
        "import django, wagtail, rest_framework, gunicorn, psycopg, platform, json;"
        "print(json.dumps({'Python': platform.python_version(), 'Django': django.__version__,"
        "'Wagtail': wagtail.__version__, 'Django REST framework': rest_framework.__version__,"
        "'gunicorn': gunicorn.__version__, 'psycopg': psycopg.__version__}))"
    )
    found = json.loads(
        subprocess.run([str(common.PYTHON), "-c", code], capture_output=True, text=True).stdout
    )
    found["PostgreSQL"] = common.postgres_version()
    wrk_version = subprocess.run(["wrk", "-v"], capture_output=True, text=True)
    found["wrk"] = (
        (wrk_version.stdout + wrk_version.stderr).split("[")[0].replace("wrk", "").strip()
    )
    return found


def size_label(size):
    return f"{size:,}"


def goals(runs):
    """The six targets of issue 6, each MET / NOT MET / NOT MEASURED, with the numbers."""
    by_size = {run["size"]: run for run in runs}
    sizes = sorted(by_size)
    ours = [t.key for t in TARGETS if t.ours]

    def each(key, field, goal):
        values = {size: by_size[size]["summary"][key][field] for size in sizes}
        met = all(value >= goal for value in values.values())
        numbers = ", ".join(f"{v:.2f} at {size_label(s)}" for s, v in values.items())
        return met, numbers

    rows = []
    met, numbers = each("detail_cached", "ratio_a", GOALS["cached"])
    rows.append(("Cached detail (signed in, cache hit) ≥ 0.8 × (a)", met, f"× (a): {numbers}"))
    met, numbers = each("detail_304", "ratio_a", GOALS["304"])
    rows.append(("A 304 answer ≥ 0.9 × (a)", met, f"× (a): {numbers}"))
    met, numbers = each("detail_cold", "ratio_b", GOALS["cold_vs_wagtail"])
    rows.append(("Uncached detail ≥ 5 × Wagtail API v2 detail", met, f"× (b): {numbers}"))
    met, numbers = each("list", "ratio_b", GOALS["list_vs_wagtail"])
    rows.append(("Our list of 20 ≥ 2 × Wagtail API v2 list", met, f"× (b): {numbers}"))

    small, large = sizes[0], sizes[-1]
    label = "Queries per request identical at 10 and 10,000 articles"
    if len(sizes) < 2:
        rows.append((label, None, "needs two sizes"))
    else:
        counts = {
            k: (by_size[small]["queries"][k]["queries"], by_size[large]["queries"][k]["queries"])
            for k in ours
        }
        differ = {k: v for k, v in counts.items() if v[0] != v[1]}
        numbers = ", ".join(f"{k} {a}→{b}" for k, (a, b) in counts.items())
        if (small, large) != (10, 10000):
            numbers += f" (measured at {size_label(small)} and {size_label(large)})"
        rows.append((label, not differ, numbers))

    label = "p95 at 10,000 articles ≤ 1.5 × p95 at 1,000"
    if 1000 in by_size and 10000 in by_size:
        growth = {
            k: by_size[10000]["summary"][k]["p95_ms"] / by_size[1000]["summary"][k]["p95_ms"]
            for k in ours
        }
        numbers = ", ".join(f"{k} {g:.2f}×" for k, g in growth.items())
        rows.append((label, all(g <= GOALS["p95"] for g in growth.values()), numbers))
    else:
        rows.append((label, None, "not measured: needs sizes 1000 and 10000"))
    return rows


def verdict(met):
    return {True: "**MET**", False: "**NOT MET**", None: "NOT MEASURED"}[met]


def write_report(args, runs, fault, info, started, finished):
    lines = [
        "# Benchmark results",
        "",
        f'`python bench/run.py --sizes "{" ".join(map(str, args.sizes))}"`, '
        f"{started:%Y-%m-%d %H:%M} to {finished:%H:%M} UTC. {args.rounds} alternating rounds "
        f"of {args.duration:g} s per target after a {args.warmup:g} s warm-up; wrk with 1 thread "
        f"and {args.connections} connections on core {common.LOAD_CORE}; gunicorn with one sync "
        f"worker on core {common.SERVER_CORE}; PostgreSQL on the same machine (not pinned). "
        "Method and columns: [../README.md](../README.md).",
        "",
        "## Machine and versions",
        "",
        "| | |",
        "|---|---|",
        f"| cores (nproc) | {info['machine']['cores']} |",
        f"| CPU | {info['machine']['cpu']} |",
        f"| memory | {info['machine']['memory_gib']} GiB |",
        f"| kernel | {info['machine']['kernel']} |",
        f"| load average at start | {' '.join(info['machine']['load_average'])} |",
        *(f"| {name} | {version} |" for name, version in info["versions"].items()),
        "",
        "## Targets (issue 6)",
        "",
        "| target | verdict | measured |",
        "|---|---|---|",
        *(f"| {label} | {verdict(met)} | {numbers} |" for label, met, numbers in goals(runs)),
        "",
        "The cached detail is the second and later requests for the same article with the "
        "same token: a hit in the per-audience answer cache. The list and the cold detail "
        "add a `?miss=<n>` the API ignores but the cache key includes, never repeated in a "
        "run, so every one of their requests is a cache miss.",
        "",
        "## Results by target and data size",
        "",
        "Requests per second are medians over the rounds; × (a) and × (b) are medians of the "
        "ratios taken within each round. (b) is Wagtail's list for our list, and Wagtail's "
        "detail for our detail and the portal page.",
        "",
        "| target | articles | req/s | × (a) | × (b) | p50 ms | p95 ms | SQL/req | answer bytes "
        "| non-2xx/3xx, socket errors |",
        "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|",
    ]
    for target in TARGETS:
        for run in runs:
            row = run["summary"][target.key]
            queries = run["queries"][target.key]
            ratio_b = f"{row['ratio_b']:.2f}" if "ratio_b" in row else "—"
            lines.append(
                f"| {target.label} | {size_label(run['size'])} | {row['rps']:,.1f} "
                f"| {row['ratio_a']:.3f} | {ratio_b} | {row['p50_ms']:.1f} | {row['p95_ms']:.1f} "
                f"| {queries['queries']} | {queries['bytes']:,} | {row['errors']} |"
            )
    lines += ["", "Runs:", ""]
    for run in runs:
        noisy = run["baseline_spread"] > NOISY_SPREAD
        lines.append(
            f"- {size_label(run['size'])} articles: generated in {run['generate_seconds']:.0f} s; "
            f"{len(run['rounds'])} rounds; (a) varied {run['baseline_spread']:.2f}× across rounds"
            + (" — **noisy: over 1.3×, treat this size's numbers with care**" if noisy else "")
        )
    lines += ["", "![Requests per second as ratios to (a) and (b), by data size](ratios.png)", ""]
    lines += fault_section(fault)
    path = common.RESULTS / "results.md"
    path.write_text("\n".join(lines) + "\n")
    return path


def fault_section(fault):
    lines = ["## Fault run: PostgreSQL stopped and started under load", ""]
    if fault is None:
        return [*lines, "Not run (`--fault no`).", ""]
    if "skipped" in fault:
        return [*lines, f"Skipped: {fault['skipped']}.", ""]
    events = fault["events"]
    lines += [
        f"Our article detail (a new article each request) from 2 client threads on core "
        f"{common.LOAD_CORE}, one gunicorn sync worker on core {common.SERVER_CORE}. PostgreSQL: "
        f"stop issued at {events['stop']:.1f} s, stopped at {events['stopped']:.1f} s, start "
        f"issued at {events['start']:.1f} s, accepting connections at {events['back']:.1f} s; "
        f"load until {events['end']:.1f} s.",
        "",
        "| phase | seconds | requests | answers by status |",
        "|---|--:|--:|---|",
    ]
    for name, phase in fault["phases"].items():
        statuses = ", ".join(f"{s}: {n}" for s, n in sorted(phase["statuses"].items())) or "—"
        lines.append(f"| {name} | {phase['seconds']:.1f} | {phase['requests']} | {statuses} |")
    recover = fault["seconds_to_recover"]
    if fault["first_failure_s"] is not None:
        lines += [
            "",
            f"Clients saw failures from {fault['first_failure_s']:.1f} s to "
            f"{fault['last_failure_s']:.1f} s "
            f"({fault['last_failure_s'] - fault['first_failure_s']:.1f} s).",
        ]
    lines += [
        "",
        (
            f"Time to recover: **{recover:.2f} s** after PostgreSQL accepted connections again "
            "(from then on, every answer was a 200)."
            if recover is not None
            else "Time to recover: **did not recover** before the load ended."
        ),
        "",
        "Per second (request start, from the beginning of the load):",
        "",
        "| second | answers |",
        "|--:|---|",
    ]
    for second, counts in fault["timeline"].items():
        lines.append(
            f"| {second} | " + ", ".join(f"{s}: {n}" for s, n in sorted(counts.items())) + " |"
        )
    return [*lines, ""]


def write_chart(runs):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.ticker import FuncFormatter, LogLocator

    sizes = [run["size"] for run in runs]
    x = list(range(len(sizes)))
    figure, (left, right) = plt.subplots(1, 2, figsize=(13, 6.5))
    colors = plt.get_cmap("tab10").colors
    markers = "osD^v<>ph"
    for n, target in enumerate(TARGETS):
        if target.key == "hello":
            continue
        style = {"marker": markers[n % len(markers)], "color": colors[n % len(colors)]}
        values = [run["summary"][target.key]["ratio_a"] for run in runs]
        left.plot(x, values, label=target.label, **style)
        if target.reference:
            values = [run["summary"][target.key]["ratio_b"] for run in runs]
            right.plot(x, values, **style)
    for axis, level, text, style, above in (
        (left, 0.9, "goal: 304 ≥ 0.9", ":", True),
        (left, 0.8, "goal: cached detail ≥ 0.8", "--", False),
        (right, 5, "goal: cold detail ≥ 5", "--", True),
        (right, 2, "goal: list ≥ 2", ":", True),
        (right, 1, "as fast as Wagtail API v2", "-", True),
    ):
        axis.axhline(level, color="grey", linestyle=style, linewidth=1)
        axis.annotate(
            text,
            (0, level),
            xytext=(4, 3 if above else -3),
            textcoords="offset points",
            va="bottom" if above else "top",
            fontsize=8,
            color="dimgrey",
        )
    for axis, title in (
        (left, "requests/s ÷ (a) bare Django view (1 = the ceiling)"),
        (right, "requests/s ÷ (b) Wagtail API v2, same pages and fields"),
    ):
        axis.set_yscale("log")
        axis.yaxis.set_major_locator(LogLocator(subs=(1, 2, 5)))
        axis.yaxis.set_minor_locator(LogLocator(subs="all"))
        axis.yaxis.set_major_formatter(FuncFormatter(lambda value, _: f"{value:g}"))
        axis.yaxis.set_minor_formatter(FuncFormatter(lambda value, _: ""))
        axis.set_xticks(x, [f"{s:,}" for s in sizes])
        axis.set_xlim(-0.3, len(sizes) - 0.7)
        axis.set_xlabel("articles in the database")
        axis.set_title(title, fontsize=11)
        axis.grid(True, which="major", axis="y", alpha=0.3)
    figure.legend(loc="lower center", ncol=2, fontsize=9, frameon=False)
    figure.suptitle("Patient education API and portal: throughput ratios by data size")
    figure.tight_layout(rect=(0, 0.14, 1, 1))
    path = common.RESULTS / "ratios.png"
    figure.savefig(path, dpi=110)
    plt.close(figure)
    return path


# --- main ----------------------------------------------------------------------------------


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
    say(report.read_text().split("## Results by target")[0].split("## Targets (issue 6)")[1])


if __name__ == "__main__":
    main()

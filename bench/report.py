"""The report, `bench/results/results.md`: machine and versions, the goals of issue 11
with their verdicts, the table by target and data size, and the fault run.

`machine()` and `versions()` are read when the run starts (the load average then);
`write_report` writes the file from the measured runs (`measure.py`) and the fault run's
summary (`fault.py`).
"""

import json
import os
import platform
import re
import subprocess
from pathlib import Path

from bench import common
from bench.measure import NOISY_SPREAD
from bench.targets import TARGETS

# Issue 11's goals: (label, target, measure, at least), each at 1,000 and 10,000 articles.
# Measures: "ratio_a" and "ratio_b" as in the table; "-queries" is minus SQL per request
# (at most N queries is at least -N).
GOALS = [
    ("Condition page ≥ 0.03 × (a)", "condition_page", "ratio_a", 0.03),
    ("Search ≥ 0.02 × (a)", "search", "ratio_a", 0.02),
    ("Portal article ≥ 0.06 × (a)", "portal_page", "ratio_a", 0.06),
    ("Portal article ≤ 6 queries", "portal_page", "-queries", -6),
    ("Portal home ≥ 0.04 × (a)", "portal_home", "ratio_a", 0.04),
    ("Portal home ≤ 5 queries", "portal_home", "-queries", -5),
    ("API detail, cache miss ≥ 0.12 × (a)", "detail_cold", "ratio_a", 0.12),
    ("API detail, cache miss ≥ 5 × Wagtail API v2 detail", "detail_cold", "ratio_b", 5.0),
    ("API list of 20, cache miss ≥ 0.05 × (a)", "list", "ratio_a", 0.05),
    ("API detail cached ≥ 0.8 × (a)", "detail_cached", "ratio_a", 0.8),
    ("API detail 304 ≥ 0.9 × (a)", "detail_304", "ratio_a", 0.9),
]
GOAL_SIZES = (1000, 10000)
P95_GROWTH = 1.5
# The condition page's answer may not grow with the articles: 10,000's within 10% of 1,000's.
SIZE_GROWTH = 1.1


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
    """Issue 11's goals, each MET / NOT MET / NOT MEASURED, with the numbers."""
    by_size = {run["size"]: run for run in runs}
    sizes = sorted(by_size)
    goal_sizes = [size for size in GOAL_SIZES if size in by_size]
    ours = [t.key for t in TARGETS if t.ours]

    def value(size, key, measure):
        if measure == "-queries":
            return -by_size[size]["queries"][key]["queries"]
        return by_size[size]["summary"][key][measure]

    rows = []
    for label, key, measure, minimum in GOALS:
        if not goal_sizes:
            rows.append((label, None, "needs sizes 1,000 and 10,000"))
            continue
        values = {size: value(size, key, measure) for size in goal_sizes}
        shown = ", ".join(
            f"{abs(v):.0f}" if measure == "-queries" else f"{v:.3f}" for v in values.values()
        )
        at = " and ".join(size_label(size) for size in goal_sizes)
        rows.append((label, all(v >= minimum for v in values.values()), f"{shown} at {at}"))

    if 1000 in by_size and 10000 in by_size:
        small, large = (by_size[size]["queries"]["condition_page"]["bytes"] for size in GOAL_SIZES)
        rows.append(
            (
                "Condition page's answer size independent of the articles",
                large <= SIZE_GROWTH * small,
                f"{small:,} bytes at 1,000, {large:,} at 10,000",
            )
        )

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

    label = f"p95 at 10,000 articles ≤ {P95_GROWTH} × p95 at 1,000"
    if 1000 in by_size and 10000 in by_size:
        growth = {
            k: by_size[10000]["summary"][k]["p95_ms"] / by_size[1000]["summary"][k]["p95_ms"]
            for k in ours
        }
        numbers = ", ".join(f"{k} {g:.2f}×" for k, g in growth.items())
        rows.append((label, all(g <= P95_GROWTH for g in growth.values()), numbers))
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
        "## Goals (issue 11)",
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

"""The report, `bench/results/results.md`: machine and versions, the goals of issue 6
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

GOALS = {"cached": 0.8, "304": 0.9, "cold_vs_wagtail": 5.0, "list_vs_wagtail": 2.0, "p95": 1.5}


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

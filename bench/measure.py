"""Measuring one data size: a fresh database, its data, SQL per request, then the load.

`measure_size` resets the bench database, generates the articles (`generate.py`), counts
each target's SQL queries (`queries.py`), then starts gunicorn (one sync worker, pinned
to the server core) and runs wrk (pinned to the load core) against every target: a
check that each answers its expected status, a warm-up, then alternating rounds (forward,
backward, ...), with extra rounds while the bare view (a) varies more than NOISY_SPREAD.
It returns the raw rounds and their medians (`summarize`).
"""

import collections
import json
import os
import re
import statistics
import subprocess
import time

from bench import common
from bench.common import say
from bench.targets import BY_KEY, TARGETS, fixed_article, headers_for, paths_for

NOISY_SPREAD = 1.3  # a run whose baseline varies more than this across rounds is noise

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

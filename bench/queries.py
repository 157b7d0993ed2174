"""SQL queries per request for every target, counted exactly, in-process.

    python bench/queries.py --state bench/.work/state.json

Django's test client runs each request through the same settings, middleware, URLs and
database as the gunicorn server, with `CaptureQueriesContext` around it. Counting here,
rather than in the server, keeps the timed server free of any counting code. Each
target gets one request first (the restrictions cache fills, the ETag is learnt), then
the counted request: the next article for targets that walk the articles, the same one
for the cached and 304 cases. Prints one JSON line last: {target: {queries, status, bytes}}.
"""

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def count(state):
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from bench.targets import TARGETS, headers_for, paths_for

    results = {}
    for target in TARGETS:
        paths = paths_for(target.key, state)
        client = Client(HTTP_HOST="127.0.0.1")
        first = client.get(paths[0], headers=headers_for(target, state))
        etag = first.headers.get("ETag")
        path = paths[1 % len(paths)]
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path, headers=headers_for(target, state, etag))
        if response.status_code != target.status:
            raise SystemExit(
                f"{target.key}: {path} answered {response.status_code}, not {target.status}"
            )
        results[target.key] = {
            "queries": len(queries),
            "status": response.status_code,
            "bytes": len(response.content),
            "first_bytes": len(first.content),
        }
        print(f"  {target.key:<15} {len(queries):>3} queries  ({path[:70]})", flush=True)
    return results


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--state", type=Path, required=True)
    args = parser.parse_args(argv)
    from bench.common import setup_django

    setup_django()
    print(json.dumps(count(json.loads(args.state.read_text()))), flush=True)


if __name__ == "__main__":
    main()

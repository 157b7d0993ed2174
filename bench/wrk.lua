-- wrk script for bench/run.py:  wrk ... -s bench/wrk.lua URL -- PATHS_FILE [HEADER ...]
-- PATHS_FILE holds one request path a line, cycled through in order; each HEADER is
-- "Name: value" (the bearer token, the session cookie, If-None-Match). WRK_START (in the
-- environment) is how many paths earlier runs of this target used: this run goes on from there.
-- done() prints one line, "WRK_JSON {...}", with counts and latency percentiles in µs.

local paths = {}
local headers = {}
local counter = tonumber(os.getenv("WRK_START") or "0")

function init(args)
  for line in io.lines(args[1]) do
    if line ~= "" then
      paths[#paths + 1] = line
    end
  end
  for i = 2, #args do
    local name, value = string.match(args[i], "^([^:]+):%s*(.*)$")
    headers[name] = value
  end
end

function request()
  counter = counter + 1
  return wrk.format("GET", paths[(counter - 1) % #paths + 1], headers)
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'WRK_JSON {"requests": %d, "duration_us": %d, "bytes": %d, "p50_us": %d, "p95_us": %d, '
      .. '"p99_us": %d, "max_us": %d, "mean_us": %.1f, "errors_connect": %d, "errors_read": %d, '
      .. '"errors_write": %d, "errors_status": %d, "errors_timeout": %d}\n',
    summary.requests, summary.duration, summary.bytes,
    latency:percentile(50), latency:percentile(95), latency:percentile(99),
    latency.max, latency.mean,
    e.connect, e.read, e.write, e.status, e.timeout))
end

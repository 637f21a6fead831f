-- wrk script for bench/serve-load.sh: cycles through a fixed list of request paths (one a
-- line, already URL-encoded, in the file named by CS_SERVE_LOAD_PATHS), each wrk thread
-- starting at a different place in the list, and ends with one machine-readable line:
--   serve-load: requests=N seconds=S rps=R p50_us=A p99_us=B max_us=C non2xx=D connect=E read=F write=G timeout=H
-- (latency percentiles from wrk's own histogram, in microseconds, over every request of
-- the run; non2xx is wrk's count of answers with a status of 400 or more).

local paths = {}
local next_index = 1

local function load_paths()
  local file = os.getenv("CS_SERVE_LOAD_PATHS")
  if file == nil or file == "" then
    error("serve-load.lua: CS_SERVE_LOAD_PATHS names no file of request paths")
  end
  for line in io.lines(file) do
    if line ~= "" then paths[#paths + 1] = line end
  end
  if #paths == 0 then error("serve-load.lua: " .. file .. " holds no request paths") end
end

local thread_count = 0
function setup(thread)
  thread:set("thread_number", thread_count)
  thread_count = thread_count + 1
end

function init(_)
  load_paths()
  -- thread_number is set by setup() before init runs in the thread's own Lua state.
  local number = tonumber(thread_number) or 0
  next_index = (number * 7) % #paths + 1
end

function request()
  local path = paths[next_index]
  next_index = next_index % #paths + 1
  return wrk.format("GET", path)
end

function done(summary, latency, _)
  local seconds = summary.duration / 1e6
  local errors = summary.errors
  io.write(string.format(
    "serve-load: requests=%d seconds=%.3f rps=%.1f p50_us=%.1f p99_us=%.1f max_us=%.1f non2xx=%d connect=%d read=%d write=%d timeout=%d\n",
    summary.requests, seconds, seconds > 0 and summary.requests / seconds or 0,
    latency:percentile(50), latency:percentile(99), latency.max,
    errors.status, errors.connect, errors.read, errors.write, errors.timeout))
end

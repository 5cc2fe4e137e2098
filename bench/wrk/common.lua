-- Shared by the wrk scripts of bench/ (calls.lua, retries.lua): payload templates, a monotonic clock, the
-- latency histogram timed from the scheduled send, and the RESULT line bench/e2e.sh reads. A script loads it
-- with dofile(<its own directory> .. "common.lua") and gets this table.
local common = {}

local ffi = require("ffi")
ffi.cdef [[
  typedef struct { long tv_sec; long tv_nsec; } bench_timespec;
  int clock_gettime(int clock_id, bench_timespec *tp);
]]
local CLOCK_MONOTONIC = 1
local timespec = ffi.new("bench_timespec")

function common.now_us()
  ffi.C.clock_gettime(CLOCK_MONOTONIC, timespec)
  return tonumber(timespec.tv_sec) * 1000000 + tonumber(timespec.tv_nsec) / 1000
end

common.payloads = os.getenv("PAYLOADS") or "bench/payloads/src/main/resources/payloads"
common.run_id = tonumber(os.getenv("RUN_ID") or "0")
common.rate = tonumber(os.getenv("RATE_PER_CONNECTION") or "0")

local authorization = os.getenv("AUTHORIZATION") or ""
common.headers = { ["Content-Type"] = "application/json" }
if authorization ~= "" then common.headers["Authorization"] = authorization end

-- A template as its literal parts and placeholder names, alternating, so filling it is one concatenation.
function common.template(channel)
  local file = assert(io.open(common.payloads .. "/" .. channel .. ".json", "r"))
  local text = file:read("*a"):gsub("%s+$", "")
  file:close()
  local parts, position = {}, 1
  while true do
    local first, last, name = text:find("{{(%w+)}}", position)
    if not first then break end
    parts[#parts + 1] = text:sub(position, first - 1)
    parts[#parts + 1] = name
    position = last + 1
  end
  parts[#parts + 1] = text:sub(position)
  return parts
end

function common.fill(parts, values)
  local filled = {}
  for i = 1, #parts do
    filled[i] = i % 2 == 0 and assert(values[parts[i]], parts[i]) or parts[i]
  end
  return table.concat(filled)
end

-- A Bandwidth-shaped id (c-15ac29a2-1331029c-2cb0-4a07-b215-b22865662d85), unique per run, owner and number.
function common.call_id(owner, number)
  return string.format("c-%08x-%08x-2cb0-4a07-b215-%012x", common.run_id % 0x100000000, owner, number)
end

-- Per-thread pacing with RATE_PER_CONNECTION: wrk's delay() and the moment each request was meant to go.
local interval_us, next_send_us, intended_us

function common.start_schedule(thread_id)
  if common.rate > 0 then
    interval_us = 1000000 / common.rate
    -- Spread the connections' first sends over one interval, so they do not fire in step.
    next_send_us = common.now_us() + interval_us * ((thread_id * 0.618) % 1)
  end
end

function common.delay()
  if common.rate <= 0 then return 0 end
  local wait_ms = (next_send_us - common.now_us()) / 1000
  return wait_ms > 0 and math.floor(wait_ms) or 0
end

function common.mark_send()
  if common.rate > 0 then
    -- delay() works in whole milliseconds, so a send may come a little early: then it counts from the send.
    intended_us = math.min(next_send_us, common.now_us())
    next_send_us = next_send_us + interval_us
  else
    intended_us = common.now_us()
  end
end

-- Thread globals wrk's main state reads back in done(): the histogram and the counters; the replies that took a
-- second or more, by the second of the run they came in (a cold start's shape).
histogram, unexpected_replies, calls_completed, slow_by_second = {}, 0, 0, {}
local first_reply_us

-- Records the reply to the request last marked; true when it was what the script expected.
function common.record_reply(status, body, expect_bxml)
  local latency_us = common.now_us() - intended_us
  -- Buckets 1 % apart: ample for percentiles, and a table small enough to hand to the main state.
  local bucket = math.floor(math.log(math.max(latency_us, 1)) / math.log(1.01))
  histogram[bucket] = (histogram[bucket] or 0) + 1
  first_reply_us = first_reply_us or intended_us
  if latency_us >= 1000000 then
    local second = math.floor((common.now_us() - first_reply_us) / 1000000)
    slow_by_second[second] = (slow_by_second[second] or 0) + 1
  end
  if status ~= 200 or (expect_bxml and not body:find("<Response", 1, true)) then
    unexpected_replies = unexpected_replies + 1
  end
end

local threads = {}
function common.setup(thread)
  thread:set("thread_id", #threads + 1)
  threads[#threads + 1] = thread
end

local function percentile(merged, total, p)
  local keys = {}
  for bucket in pairs(merged) do keys[#keys + 1] = bucket end
  table.sort(keys)
  local wanted, seen = math.ceil(total * p / 100), 0
  for _, bucket in ipairs(keys) do
    seen = seen + merged[bucket]
    if seen >= wanted then return 1.01 ^ (bucket + 1) end
  end
  return 0
end

-- The RESULT line for bench/e2e.sh; extra is appended as is (e.g. " retries=123").
function common.done(summary, latency, extra)
  local merged, measured, completed, unexpected, slow = {}, 0, 0, 0, {}
  for _, thread in ipairs(threads) do
    for second, count in pairs(thread:get("slow_by_second")) do slow[second] = (slow[second] or 0) + count end
    for bucket, count in pairs(thread:get("histogram")) do
      merged[bucket] = (merged[bucket] or 0) + count
      measured = measured + count
    end
    completed = completed + thread:get("calls_completed")
    unexpected = unexpected + thread:get("unexpected_replies")
  end
  local seconds = summary.duration / 1000000
  local errors = summary.errors
  io.write(string.format("RESULT requests=%d seconds=%.2f rps=%.1f calls=%d unexpected=%d socket_errors=%d"
    .. " timeouts=%d", summary.requests, seconds, summary.requests / seconds, completed, unexpected,
    errors.connect + errors.read + errors.write, errors.timeout))
  for _, p in ipairs({ 50, 90, 99, 99.9 }) do
    io.write(string.format(" wrk_p%s_ms=%.2f", tostring(p), latency:percentile(p) / 1000))
  end
  for _, p in ipairs({ 50, 90, 99, 99.9 }) do
    io.write(string.format(" sched_p%s_ms=%.2f", tostring(p), percentile(merged, measured, p) / 1000))
  end
  local seconds_with_slow = {}
  for second in pairs(slow) do seconds_with_slow[#seconds_with_slow + 1] = second end
  table.sort(seconds_with_slow)
  local slow_text = {}
  for _, second in ipairs(seconds_with_slow) do slow_text[#slow_text + 1] = second .. ":" .. slow[second] end
  io.write(string.format(" wrk_max_ms=%.2f slow_by_second=%s%s\n", latency.max / 1000,
    #slow_text > 0 and table.concat(slow_text, ",") or "none", extra or ""))
end

-- The sum of a thread global over every thread (for done()).
function common.total(name)
  local sum = 0
  for _, thread in ipairs(threads) do sum = sum + thread:get(name) end
  return sum
end

return common

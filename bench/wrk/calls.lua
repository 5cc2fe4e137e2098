-- wrk script for bench/e2e.sh: every connection plays whole calls, one after the other, as Bandwidth would
-- deliver them: initiate (or answer) -> gather -> ... -> disconnect, each event sent after the reply to the one
-- before, each call with its own callId. Run it with as many threads as connections (wrk -t N -c N), so a
-- thread's state is its connection's state.
--
-- Environment:
--   PAYLOADS             folder of the payload templates (bench/payloads/src/main/resources/payloads)
--   AUTHORIZATION        the Authorization header to send (e.g. "Basic dXNlcjpwYXNz"); empty: none
--   RUN_ID               distinguishes this run's callIds from earlier runs' (the service keeps ended calls)
--   RATE_PER_CONNECTION  requests per second per connection, on a fixed schedule; 0 or unset: back to back
--
-- Besides wrk's own latency (from the moment a request is written), it measures the latency from the moment
-- the schedule meant to send it (with RATE_PER_CONNECTION), which counts the wait behind a slow reply that
-- wrk's own figure leaves out (coordinated omission). Lines starting with RESULT are for bench/e2e.sh.

local ffi = require("ffi")
ffi.cdef [[
  typedef struct { long tv_sec; long tv_nsec; } bench_timespec;
  int clock_gettime(int clock_id, bench_timespec *tp);
]]
local CLOCK_MONOTONIC = 1
local timespec = ffi.new("bench_timespec")
local function now_us()
  ffi.C.clock_gettime(CLOCK_MONOTONIC, timespec)
  return tonumber(timespec.tv_sec) * 1000000 + tonumber(timespec.tv_nsec) / 1000
end

local payloads = os.getenv("PAYLOADS") or "bench/payloads/src/main/resources/payloads"
local authorization = os.getenv("AUTHORIZATION") or ""
local run_id = tonumber(os.getenv("RUN_ID") or "0")
local rate = tonumber(os.getenv("RATE_PER_CONNECTION") or "0")

-- A template as its literal parts and placeholder names, alternating, so filling it is one concatenation.
local function template(channel)
  local file = assert(io.open(payloads .. "/" .. channel .. ".json", "r"))
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

local function fill(parts, values)
  local filled = {}
  for i = 1, #parts do
    filled[i] = i % 2 == 0 and assert(values[parts[i]], parts[i]) or parts[i]
  end
  return table.concat(filled)
end

-- Distinct per step, so two gathers of one call with the same digits are two events, not a redelivery.
local event_times = {}
for step = 1, 20 do event_times[step] = string.format("2026-11-25T10:00:%02d.000Z", step * 3) end

-- The demo IVR's paths, with the weights of the mix: 1 transfers, 2 records a message, 3 joins a conference,
-- anything else repeats the menu. Conference events go to the one URL for every event type (/voice), as the
-- demo's <Conference> asks; the rest to their channel's own URL. bxml: the reply must carry a document.
local calls = {
  { name = "voicemail", weight = 4, steps = {
    { channel = "initiate", bxml = true },
    { channel = "gather", digits = "2", bxml = true },
    { channel = "recordingComplete", bxml = true },
    { channel = "transcriptionAvailable" },
    { channel = "disconnect" } } },
  { name = "transfer", weight = 3, steps = {
    { channel = "initiate", bxml = true },
    { channel = "gather", digits = "1", bxml = true },
    { channel = "transferAnswer", leg = "b", bxml = true },
    { channel = "transferDisconnect", leg = "b" },
    { channel = "disconnect" } } },
  { name = "conference", weight = 2, steps = {
    { channel = "answer", bxml = true },
    { channel = "gather", digits = "3", bxml = true },
    { channel = "conferenceCreated", shared_url = true },
    { channel = "conferenceMemberJoin", shared_url = true },
    { channel = "conferenceMemberExit", shared_url = true },
    { channel = "conferenceCompleted", shared_url = true },
    { channel = "disconnect" } } },
  { name = "no choice", weight = 1, steps = {
    { channel = "initiate", bxml = true },
    { channel = "gather", digits = "", bxml = true },
    { channel = "redirect", bxml = true },
    { channel = "gather", digits = "9", bxml = true },
    { channel = "gather", digits = "", bxml = true },
    { channel = "disconnect" } } },
}

-- The mix as a fixed rotation (weights as repeats), so every run sends the same events.
local rotation = {}
for _, call in ipairs(calls) do
  for _ = 1, call.weight do rotation[#rotation + 1] = call end
end

local templates = {}
for _, call in ipairs(calls) do
  for _, step in ipairs(call.steps) do
    templates[step.channel] = templates[step.channel] or template(step.channel)
  end
end

local headers = { ["Content-Type"] = "application/json" }
if authorization ~= "" then headers["Authorization"] = authorization end

-- Main state: number the threads, collect their counts at the end.
local threads = {}
function setup(thread)
  thread:set("thread_id", #threads + 1)
  threads[#threads + 1] = thread
end

-- Thread state: this connection's call, its step, and what it measured.
local call_number, call, step_index, a_leg, b_leg
local interval_us, next_send_us, intended_us, expected
calls_completed, unexpected_replies, histogram = 0, 0, {}

local function next_call()
  call_number = (call_number or 0) + 1
  call = rotation[(thread_id + call_number) % #rotation + 1]
  step_index = 1
  -- Shaped like Bandwidth's ids (c-15ac29a2-1331029c-2cb0-4a07-b215-b22865662d85), unique per run, thread, call.
  local call_id = string.format("c-%08x-%08x-2cb0-4a07-b215-%012x", run_id % 0x100000000, thread_id, call_number)
  local b_leg_id = string.format("c-%08x-%08x-2cb0-4a07-b215-%012x", run_id % 0x100000000,
    thread_id + 0x80000000, call_number)
  a_leg = { callId = call_id, parentCallId = call_id, conferenceId = "conf-" .. call_id }
  b_leg = { callId = b_leg_id, parentCallId = call_id, conferenceId = "conf-" .. call_id }
end

function init(args)
  next_call()
  if rate > 0 then
    interval_us = 1000000 / rate
    -- Spread the connections' first sends over one interval, so they do not fire in step.
    next_send_us = now_us() + interval_us * ((thread_id * 0.618) % 1)
  end
end

function delay()
  if rate <= 0 then return 0 end
  local wait_ms = (next_send_us - now_us()) / 1000
  return wait_ms > 0 and math.floor(wait_ms) or 0
end

function request()
  local step = call.steps[step_index]
  local leg = step.leg == "b" and b_leg or a_leg
  leg.digits = step.digits or ""
  leg.eventTime = event_times[step_index]
  local body = fill(templates[step.channel], leg)
  expected = step.bxml
  if rate > 0 then
    -- delay() works in whole milliseconds, so a send may come a little early: then it counts from the send.
    intended_us = math.min(next_send_us, now_us())
    next_send_us = next_send_us + interval_us
  else
    intended_us = now_us()
  end
  local path = step.shared_url and "/voice" or ("/voice/" .. step.channel)
  return wrk.format("POST", path, headers, body)
end

function response(status, headers, body)
  local latency_us = now_us() - intended_us
  -- Buckets 1 % apart: ample for percentiles, and a table small enough to hand to the main state.
  local bucket = math.floor(math.log(math.max(latency_us, 1)) / math.log(1.01))
  histogram[bucket] = (histogram[bucket] or 0) + 1
  if status ~= 200 or (expected and not body:find("<Response", 1, true)) then
    unexpected_replies = unexpected_replies + 1
  end
  step_index = step_index + 1
  if step_index > #call.steps then
    calls_completed = calls_completed + 1
    next_call()
  end
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

function done(summary, latency, requests)
  local merged, measured, completed, unexpected = {}, 0, 0, 0
  for _, thread in ipairs(threads) do
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
  io.write(string.format(" wrk_max_ms=%.2f\n", latency.max / 1000))
end

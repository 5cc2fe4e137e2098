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

local common = dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "common.lua")
local template, fill = common.template, common.fill

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

setup = common.setup
delay = common.delay

-- Thread state: this connection's call, its step, and whether the reply must carry BXML.
local call_number, call, step_index, a_leg, b_leg, expected

local function next_call()
  call_number = (call_number or 0) + 1
  call = rotation[(thread_id + call_number) % #rotation + 1]
  step_index = 1
  local call_id = common.call_id(thread_id, call_number)
  local b_leg_id = common.call_id(thread_id + 0x80000000, call_number)
  a_leg = { callId = call_id, parentCallId = call_id, conferenceId = "conf-" .. call_id }
  b_leg = { callId = b_leg_id, parentCallId = call_id, conferenceId = "conf-" .. call_id }
end

function init(args)
  next_call()
  common.start_schedule(thread_id)
end

function request()
  local step = call.steps[step_index]
  local leg = step.leg == "b" and b_leg or a_leg
  leg.digits = step.digits or ""
  leg.eventTime = event_times[step_index]
  local body = fill(templates[step.channel], leg)
  expected = step.bxml
  common.mark_send()
  local path = step.shared_url and "/voice" or ("/voice/" .. step.channel)
  return wrk.format("POST", path, common.headers, body)
end

function response(status, headers, body)
  common.record_reply(status, body, expected)
  step_index = step_index + 1
  if step_index > #call.steps then
    calls_completed = calls_completed + 1
    next_call()
  end
end

function done(summary, latency, requests)
  common.done(summary, latency)
end

-- wrk script for bench/e2e.sh WORKLOAD=retries: traffic as it looks during an incident, when Bandwidth retries
-- everything that was slow. A fixed pool of long-lived calls and conferences, every event type in no particular
-- order, and about three requests in four a retry of an event already answered (sent again byte for byte, as
-- Bandwidth does, so the service must answer it from memory without running the flow). Run it with as many
-- threads as connections (wrk -t N -c N); each connection owns its share of the pool.
--
-- Environment, besides common.lua's (PAYLOADS, AUTHORIZATION, RUN_ID, RATE_PER_CONNECTION):
--   POOL_CALLS        live calls in the pool (1000); a call that gets its disconnect is replaced by a new one
--   POOL_CONFERENCES  live conferences in the pool (100), replaced the same way after conferenceCompleted
--   RETRY_SHARE       share of requests that are retries (0.75)
--   CONNECTIONS       the connection count wrk runs with, to split the pool (64)
-- Its RESULT line adds retries=N (requests that were retries).

local common = dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "common.lua")

local pool_calls = tonumber(os.getenv("POOL_CALLS") or "1000")
local pool_conferences = tonumber(os.getenv("POOL_CONFERENCES") or "100")
local retry_share = tonumber(os.getenv("RETRY_SHARE") or "0.75")
local connections = tonumber(os.getenv("CONNECTIONS") or "64")
-- Retries are drawn from a call's latest events, well within the replies the service remembers per call (16).
local history_size = 8

-- New events after a call's first one, as repeats for their weight; bxml: the reply must carry a document;
-- leg b: the transfer's B-leg (a call of its own, whose parent is this one); ends: the call is replaced after it.
local call_events = {}
local function weigh(weight, event)
  for _ = 1, weight do call_events[#call_events + 1] = event end
end
weigh(8, { channel = "gather", bxml = true, digits = true })
weigh(4, { channel = "redirect", bxml = true })
weigh(2, { channel = "answer", bxml = true })
weigh(2, { channel = "recordingComplete", bxml = true })
weigh(2, { channel = "transcriptionAvailable" })
weigh(2, { channel = "transferAnswer", bxml = true, leg = "b" })
weigh(2, { channel = "transferDisconnect", leg = "b" })
weigh(1, { channel = "disconnect", ends = true })
local call_start = { channel = "initiate", bxml = true }

local conference_events = {}
for _ = 1, 4 do conference_events[#conference_events + 1] = { channel = "conferenceMemberJoin" } end
for _ = 1, 3 do conference_events[#conference_events + 1] = { channel = "conferenceMemberExit" } end
conference_events[#conference_events + 1] = { channel = "conferenceCompleted", ends = true }
local conference_start = { channel = "conferenceCreated" }

local templates = {}
for _, event in ipairs({ call_start, conference_start, unpack(call_events) }) do
  templates[event.channel] = templates[event.channel] or common.template(event.channel)
end
for _, event in ipairs(conference_events) do
  templates[event.channel] = templates[event.channel] or common.template(event.channel)
end

setup = common.setup
delay = common.delay

-- Thread state: this connection's slots (calls, then conferences), the request in flight, the retry count.
local slots, expected, ending_slot
retries = 0

local function renew(slot)
  slot.generation = slot.generation + 1
  local id = common.call_id(thread_id + slot.owner_offset, slot.number * 0x10000 + slot.generation)
  slot.values = { callId = id, parentCallId = id, conferenceId = "conf-" .. id }
  slot.b_leg = { callId = common.call_id(thread_id + 0x80000000, slot.number * 0x10000 + slot.generation),
    parentCallId = id, conferenceId = "conf-" .. id }
  slot.sequence, slot.history, slot.started = 0, {}, false
end

function init(args)
  math.randomseed(thread_id * 7919 + common.run_id)
  slots = {}
  local calls_here = math.ceil(pool_calls / connections)
  local conferences_here = math.ceil(pool_conferences / connections)
  for number = 1, calls_here + conferences_here do
    local slot = { number = number, generation = 0, conference = number > calls_here,
      owner_offset = number > calls_here and 0x40000000 or 0 }
    renew(slot)
    slots[number] = slot
  end
  common.start_schedule(thread_id)
end

-- A new event of the slot's call or conference, remembered for later retries.
local function new_event(slot)
  local event
  if not slot.started then
    event = slot.conference and conference_start or call_start
    slot.started = true
  else
    local events = slot.conference and conference_events or call_events
    event = events[math.random(#events)]
  end
  slot.sequence = slot.sequence + 1
  local values = event.leg == "b" and slot.b_leg or slot.values
  -- Every new event has its own time, so no two new events of a call are equal (equal ones are retries).
  values.eventTime = string.format("2026-11-25T%02d:%02d:%02d.000Z", math.floor(slot.sequence / 3600) % 24,
    math.floor(slot.sequence / 60) % 60, slot.sequence % 60)
  values.digits = event.digits and tostring(math.random(0, 9)) or ""
  local sent = { path = "/voice/" .. event.channel, body = common.fill(templates[event.channel], values),
    bxml = event.bxml }
  table.insert(slot.history, sent)
  if #slot.history > history_size then table.remove(slot.history, 1) end
  if event.ends then ending_slot = slot end
  return sent
end

function request()
  local slot = slots[math.random(#slots)]
  local sent
  ending_slot = nil
  if #slot.history > 0 and math.random() < retry_share then
    sent = slot.history[math.random(#slot.history)]
    retries = retries + 1
  else
    sent = new_event(slot)
  end
  expected = sent.bxml
  common.mark_send()
  return wrk.format("POST", sent.path, common.headers, sent.body)
end

function response(status, headers, body)
  common.record_reply(status, body, expected)
  if ending_slot then
    -- The call ended: a new one takes its place, so the pool stays the same size.
    calls_completed = calls_completed + 1
    renew(ending_slot)
    ending_slot = nil
  end
end

function done(summary, latency, requests)
  common.done(summary, latency, string.format(" retries=%d", common.total("retries")))
end

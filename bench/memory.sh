#!/usr/bin/env bash
# Heap per idle call: holds CALLS active calls (default 100000, then 1000000) in the real sharding stack of the
# service, in one JVM on one node, and prints the used heap after full GCs divided by the calls, then the
# classes that grew the most per call. Target: at most 2 KB per idle call (1,000,000 calls in 2 GB).
#
#   bench/memory.sh [CALLS...]
#   MEMORY_JAVA_OPTS="-Xmx8g" bench/memory.sh 2000000
#   SHAPE=conference bench/memory.sh 100000
#
# SHAPE (default idle-call: one initiate, the target's idle call) picks what each entity has seen, for sizing:
# call-in-voicemail (initiate, gather, recordingComplete, transcriptionAvailable: four events remembered), or
# conference (conferenceCreated and two members joined).
#
# Runs ResidentEntitiesMemory (bench/memory) on the service's own jar, so it measures exactly what ships: the
# service's configuration, the demo flow, the same decoder; no HTTP. Nothing listens on a fixed port. The
# entities are the in-memory ones (SWITCHBOARD_DURABILITY=memory): ResidentEntitiesMemory wires them itself,
# without the journal's database.
source "$(dirname "$0")/lib.sh"

java_opts=${MEMORY_JAVA_OPTS:--Xmx6g}
shape=${SHAPE:-idle-call}
# Idle entities are parked (no longer actors) this long after their last event; short, so the run need not wait
# the service's 30 s. PARK_AFTER=3h (above the 2 h idle timeout) measures resident entities instead.
park_after=${PARK_AFTER:-2s}
calls=("$@")
[ ${#calls[@]} -gt 0 ] || calls=(100000 1000000)

build bench/memory
machine_report
echo "java options: $java_opts; shape: $shape; park-after: $park_after"
echo

log="$BENCH_LOGS/memory-$shape.log"
# shellcheck disable=SC2086 # java_opts is a list of options, split on purpose
java $java_opts \
  -Dakka.remote.artery.canonical.port=0 -Dakka.coordinated-shutdown.run-by-jvm-shutdown-hook=off \
  -Dakka.loglevel=WARNING -DSWITCHBOARD_LOG_LEVEL=WARN -Dswitchboard.durability.mode=memory \
  -Dswitchboard.admission.max-resident-entities=2147483647 -Dswitchboard.entity.park-after="$park_after" \
  -cp "$SERVICE_JAR:$BENCH_ROOT/bench/payloads/target/classes:$BENCH_ROOT/bench/memory/target/classes" \
  io.switchboard.bench.memory.ResidentEntitiesMemory "$shape" "${calls[@]}" > "$log" 2>&1 &
register_pid $!
wait $! || { echo "the benchmark failed; its log ($log) ends with:" >&2; tail -20 "$log" >&2; exit 1; }
grep -v -E '^[0-9]{4}-|^SLF4J' "$log"
echo
if [ "$shape" = idle-call ]; then echo "target: at most 2048 bytes per idle call"; fi
grep '^RESULT' "$log" | sed -E 's/.* entities=([0-9]+).*heap_per_entity_bytes=([0-9]+).*/\1 \2/' |
  while read -r n bytes; do
    verdict=""
    if [ "$shape" = idle-call ]; then
      if [ "$bytes" -le 2048 ]; then verdict=": met"; else verdict=": missed by $((bytes - 2048)) bytes ($((bytes * 100 / 2048)) % of the target)"; fi
    fi
    echo "$n of $shape: $bytes bytes each, $(( bytes * n / 1048576 )) MiB in all$verdict"
  done

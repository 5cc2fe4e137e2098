#!/usr/bin/env bash
# Time to ready: starts the service jar and measures from the moment the process is launched until both
# GET /health/ready on the webhook port and GET /ready on the management port answer 200 (the node is an Up
# cluster member, its shard regions started, both ports bound), polling with curl every 20 ms; then stops it by
# process id. Target: <= 3000 ms.
#
# Side by side in the same run, alternating: the plain jar, and the jar with an application class-data archive
# (AppCDS, JDK 17: classes parsed once, mapped at start), made first by one training start of the same jar.
#
#   bench/startup.sh
#   RUNS=10 STARTUP_JAVA_OPTS="-Xmx512m" bench/startup.sh
#
# Variables (defaults): RUNS per variant (5), STARTUP_PORT (18190), STARTUP_REMOTE_PORT (18592),
# STARTUP_MANAGEMENT_PORT (18593),
# STARTUP_JAVA_OPTS (none), SWITCHBOARD_DURABILITY (memory; journal: the H2 file of bench/target, its tables
# created by the first start).
source "$(dirname "$0")/lib.sh"

runs=${RUNS:-5}
port=${STARTUP_PORT:-18190}
remote_port=${STARTUP_REMOTE_PORT:-18592}
management_port=${STARTUP_MANAGEMENT_PORT:-18593}
java_opts=${STARTUP_JAVA_OPTS:-}
archive="$BENCH_ROOT/bench/target/switchboard-cds.jsa"

require_command curl
require_free_port "$port"
require_free_port "$remote_port"
require_free_port "$management_port"
build

# start_until_ready LOG [JAVA OPTION...]: starts the service, waits for ready, prints the milliseconds it took,
# stops it by process id (a class-data archive asked for with -XX:ArchiveClassesAtExit is written as it exits).
start_until_ready() {
  local log=$1 started_ns pid ready_ms
  shift
  started_ns=$(date +%s%N)
  # shellcheck disable=SC2086 # java_opts is a list of options, split on purpose
  SWITCHBOARD_HTTP_HOST=127.0.0.1 SWITCHBOARD_HTTP_PORT=$port \
  SWITCHBOARD_REMOTE_HOST=127.0.0.1 SWITCHBOARD_REMOTE_PORT=$remote_port \
  SWITCHBOARD_MANAGEMENT_HOST=127.0.0.1 SWITCHBOARD_MANAGEMENT_PORT=$management_port \
    java $java_opts "$@" -jar "$SERVICE_JAR" > "$log" 2>&1 &
  pid=$!
  register_pid "$pid"
  until curl -sf -o /dev/null "http://127.0.0.1:$port/health/ready" &&
    curl -sf -o /dev/null "http://127.0.0.1:$management_port/ready"; do
    kill -0 "$pid" 2>/dev/null || { echo "the service exited; see $log" >&2; exit 1; }
    [ $(( ($(date +%s%N) - started_ns) / 1000000 )) -lt 60000 ] || { echo "not ready within 60 s" >&2; exit 1; }
    sleep 0.02
  done
  ready_ms=$(( ($(date +%s%N) - started_ns) / 1000000 ))
  stop_pid "$pid"
  echo "$ready_ms"
}

median() { sort -n | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : int((v[NR / 2] + v[NR / 2 + 1]) / 2)}'; }

machine_report
echo "java options: ${java_opts:-(none)}"
rm -f "$archive"
training_ms=$(start_until_ready "$BENCH_LOGS/startup-train.log" -XX:ArchiveClassesAtExit="$archive")
echo "training start for the class-data archive: $training_ms ms"
[ -f "$archive" ] || { echo "no archive was written; see $BENCH_LOGS/startup-train.log" >&2; exit 1; }

plain=() archived=()
for run in $(seq 1 "$runs"); do
  plain_ms=$(start_until_ready "$BENCH_LOGS/startup-$run-plain.log")
  archived_ms=$(start_until_ready "$BENCH_LOGS/startup-$run-cds.log" -XX:SharedArchiveFile="$archive")
  plain+=("$plain_ms") archived+=("$archived_ms")
  echo "run $run: plain $plain_ms ms, with AppCDS $archived_ms ms (load $(cut -d' ' -f1 /proc/loadavg))"
done

plain_median=$(printf '%s\n' "${plain[@]}" | median)
archived_median=$(printf '%s\n' "${archived[@]}" | median)
echo "RESULT runs=$runs plain_median_ms=$plain_median cds_median_ms=$archived_median"
verdict() {
  if [ "$1" -le 3000 ]; then echo "met"; else echo "missed by $(( $1 - 3000 )) ms"; fi
}
echo "target ready <= 3000 ms: plain jar $(verdict "$plain_median") (median $plain_median ms);" \
  "with AppCDS $(verdict "$archived_median") (median $archived_median ms)"

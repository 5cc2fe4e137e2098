#!/usr/bin/env bash
# A freshly started cluster under a steady stream of new calls: NODES (3) nodes of the service jar formed with
# scripts/cluster.sh (memory mode), and the moment every node answers GET /health/ready, whole demo calls
# (bench/wrk/calls.lua) at REQUESTS_PER_SECOND in all (200: about 40 new calls a second), spread evenly over the
# nodes (CONNECTIONS_PER_NODE each, on a fixed schedule) for WINDOW (30s). Per node: requests and calls per
# second, p99 from the scheduled send, the slowest reply, the webhooks not answered within the 5 s reply deadline
# (wrk's --timeout), replies not as expected, the fallbacks the node counted (switchboard_webhook_fallbacks_total),
# and the replies of a second or more by second of the window. Target: none past the deadline, no fallback, from
# the first second.
#
# Side by side, alternated RUNS times: the shards per entity type of SHARDS_VARIANTS ("200 1000": the service's
# default, and Akka's).
#
#   bench/coldcluster.sh
#   RUNS=3 REQUESTS_PER_SECOND=400 bench/coldcluster.sh
#
# Variables (defaults): NODES (3), RUNS (2), SHARDS_VARIANTS ("200 1000"), REQUESTS_PER_SECOND (200),
# CONNECTIONS_PER_NODE (8), WINDOW (30s), PRELOAD (0s: the same load for this long before the window, a warm-up
# through the whole path, then PRELOAD_PAUSE, 10s, of nothing), COLDCLUSTER_BASE_PORT (18280: HTTP 18280.., management 18758..,
# cluster 35720..), SWITCHBOARD_JAVA_OPTS (scripts/cluster.sh's: -Xmx512m). Nothing is pinned: the nodes and wrk
# share the machine's cores. Logs: bench/target/logs/coldcluster-*; the nodes' logs: .cluster/ (kept until the next
# start). Every node is stopped by its process id after each run.
source "$(dirname "$0")/lib.sh"

nodes=${NODES:-3}
runs=${RUNS:-2}
read -r -a shard_variants <<< "${SHARDS_VARIANTS:-200 1000}"
rate=${REQUESTS_PER_SECOND:-200}
connections=${CONNECTIONS_PER_NODE:-8}
window=${WINDOW:-30s}
preload=${PRELOAD:-0s}
preload_pause=${PRELOAD_PAUSE:-10s}
base_port=${COLDCLUSTER_BASE_PORT:-18280}
management_base_port=$((base_port + 478))
remote_base_port=$((base_port + 17440))
deadline_s=5
wrk_script=$(wrk_script_of calls)

require_command wrk
require_command curl
for i in $(seq 0 $((nodes - 1))); do
  for each in $((base_port + i)) $((management_base_port + i)) $((remote_base_port + i)); do require_free_port "$each"; done
done
build
new_webhook_credentials


# load_nodes DURATION NAME: whole calls at the rate in all, spread over the nodes, for DURATION; each node's wrk log
# is coldcluster-NAME-node<n>.log.
load_nodes() {
  local duration=$1 name=$2 i
  local -a wrk_pids=()
  for i in $(seq 0 $((nodes - 1))); do
    RUN_ID=$(( ($(date +%s%N) / 1000000 + i * 7919) % 4294967296 )) \
      PAYLOADS="$BENCH_ROOT/bench/payloads/src/main/resources/payloads" AUTHORIZATION="$authorization" \
      RATE_PER_CONNECTION=$(awk -v r="$rate" -v n="$nodes" -v c="$connections" 'BEGIN {printf "%.3f", r / n / c}') \
      wrk -t "$connections" -c "$connections" -d "$duration" --timeout "${deadline_s}s" -s "$wrk_script" \
        "http://127.0.0.1:$((base_port + i))" > "$BENCH_LOGS/coldcluster-$name-node$((i + 1)).log" &
    wrk_pids+=($!)
    register_pid "$!"
  done
  for i in "${wrk_pids[@]}"; do wait "$i"; done
}

# run_cluster SHARDS RUN: starts the cluster, loads every node from the moment all are ready (after PRELOAD and
# PRELOAD_PAUSE, if given), reports, stops it.
run_cluster() {
  local shards=$1 run=$2 i pid started_ns ready_ms result log
  started_ns=$(date +%s%N)
  SWITCHBOARD_SHARDS=$shards SWITCHBOARD_DURABILITY=memory \
    SWITCHBOARD_WEBHOOK_USER=$webhook_user SWITCHBOARD_WEBHOOK_PASSWORD=$webhook_password \
    "$BENCH_ROOT/scripts/cluster.sh" start "$nodes" --base-port "$base_port" --jar "$SERVICE_JAR" > /dev/null
  for pid in $(cat "$BENCH_ROOT/.cluster/pids"); do register_pid "$pid"; done
  for i in $(seq 0 $((nodes - 1))); do
    pid=$(sed -n "$((i + 1))p" "$BENCH_ROOT/.cluster/pids")
    await_http_ok "http://127.0.0.1:$((base_port + i))/health/ready" 120 "$pid"
  done
  ready_ms=$(( ($(date +%s%N) - started_ns) / 1000000 ))
  printf '%s shards per type, run %d: %d nodes ready %d ms after the start\n' "$shards" "$run" "$nodes" "$ready_ms"
  if [ "$preload" != 0s ]; then
    load_nodes "$preload" "$shards-$run-preload"
    sleep "$preload_pause"
  fi
  load_nodes "$window" "$shards-$run"
  for i in $(seq 0 $((nodes - 1))); do
    log="$BENCH_LOGS/coldcluster-$shards-$run-node$((i + 1)).log"
    result=$(grep '^RESULT' "$log") || { echo "wrk printed no result; see $log" >&2; exit 1; }
    printf '  node %d: %5.0f req/s %4.1f calls/s  p99 %7.1f ms  max %7.1f ms  past the %d s deadline: %s  unexpected: %s  fallbacks: %s\n          replies of 1 s or more, by second: %s\n' \
      $((i + 1)) "$(field "$result" rps)" "$(awk -v c="$(field "$result" calls)" -v s="$(field "$result" seconds)" 'BEGIN {printf "%.1f", c / s}')" \
      "$(field "$result" sched_p99_ms)" "$(field "$result" wrk_max_ms)" "$deadline_s" "$(field "$result" timeouts)" \
      "$(field "$result" unexpected)" "$(fallbacks_at $((management_base_port + i)))" "$(field "$result" slow_by_second)"
  done
  "$BENCH_ROOT/scripts/cluster.sh" stop > /dev/null
}

machine_report
echo "$nodes nodes (scripts/cluster.sh), whole calls at $rate requests/s in all, $connections connections per node, $window"
for run in $(seq 1 "$runs"); do
  for shards in "${shard_variants[@]}"; do run_cluster "$shards" "$run"; done
done

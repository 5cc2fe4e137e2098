#!/usr/bin/env bash
# A cold node under full load: the service jar is started and, the moment GET /health/ready answers 200, wrk
# puts a workload (WORKLOAD, retries by default: bench/wrk/retries.lua) on it at full speed for COLD (30 s); then,
# on the same node, now warm, the same for as long again: the warm window is the baseline of the same run. For
# both windows: requests per second, wrk's p50/p99/max, the requests not answered within the reply deadline
# (wrk's --timeout is the deadline: its timeouts), replies other than 200 with the BXML expected, and the
# fallbacks the service counted (switchboard_webhook_fallbacks_total on the management port), and the replies
# that took a second or more by the second of the window they came in. Target: a cold node answers within the
# deadline from its first second.
#
# Side by side, alternated RUNS times: the service with each warm-up before ready of WARM_UPS (by default its
# default, and none: SWITCHBOARD_WARM_UP_MAX_DURATION=0s).
#
#   bench/coldstart.sh
#   RUNS=3 WORKLOAD=calls COLD=20s WARM_UPS="default 3s" bench/coldstart.sh
#
# Variables (defaults): RUNS (2), WARM_UPS ("default 0s"), WORKLOAD (retries; calls: whole demo calls), COLD (30s),
# CONNECTIONS (64),
# SERVER_CPU (0), LOAD_CPU (1): each pinned to one core (taskset), as in bench/e2e.sh; COLDSTART_PORT (18195),
# COLDSTART_REMOTE_PORT (18596), COLDSTART_MANAGEMENT_PORT (18597), COLDSTART_JAVA_OPTS (the launcher's
# scripts/switchboard: -Xms1g -Xmx1g -XX:+UseSerialGC -Xmn256m -XX:MaxTenuringThreshold=2),
# SWITCHBOARD_DURABILITY (memory). Logs: bench/target/logs/coldstart-*.
source "$(dirname "$0")/lib.sh"

runs=${RUNS:-2}
read -r -a warm_ups <<< "${WARM_UPS:-default 0s}"
workload=${WORKLOAD:-retries}
cold=${COLD:-30s}
connections=${CONNECTIONS:-64}
server_cpu=${SERVER_CPU:-0}
load_cpu=${LOAD_CPU:-1}
port=${COLDSTART_PORT:-18195}
remote_port=${COLDSTART_REMOTE_PORT:-18596}
management_port=${COLDSTART_MANAGEMENT_PORT:-18597}
java_opts=${COLDSTART_JAVA_OPTS:--Xms1g -Xmx1g -XX:+UseSerialGC -Xmn256m -XX:MaxTenuringThreshold=2}
deadline_s=5
wrk_script=$(wrk_script_of "$workload")

require_command wrk
require_command taskset util-linux
require_command curl
for each in "$port" "$remote_port" "$management_port"; do require_free_port "$each"; done
build

new_webhook_credentials


# load LABEL: one window of wrk at full speed; prints its figures and the service's fallbacks during it.
load() {
  local label=$1 log="$BENCH_LOGS/coldstart-wrk-$1.log" before result
  before=$(fallbacks_at "$management_port")
  RUN_ID=$(( $(date +%s%N) / 1000000 % 4294967296 )) \
    PAYLOADS="$BENCH_ROOT/bench/payloads/src/main/resources/payloads" AUTHORIZATION="$authorization" \
    RATE_PER_CONNECTION=0 CONNECTIONS=$connections \
    taskset -c "$load_cpu" wrk -t "$connections" -c "$connections" -d "$cold" --timeout "${deadline_s}s" \
      -s "$wrk_script" "http://127.0.0.1:$port" > "$log"
  result=$(grep '^RESULT' "$log") || { echo "wrk printed no result; see $log" >&2; exit 1; }
  printf '%6.0f req/s  p50 %7.1f ms  p99 %7.1f ms  max %7.1f ms  past the %d s deadline: %s  unexpected: %s  socket errors: %s  fallbacks: %d\n        replies of 1 s or more, by second of the window: %s\n' \
    "$(field "$result" rps)" "$(field "$result" wrk_p50_ms)" "$(field "$result" wrk_p99_ms)" \
    "$(field "$result" wrk_max_ms)" "$deadline_s" "$(field "$result" timeouts)" "$(field "$result" unexpected)" \
    "$(field "$result" socket_errors)" $(( $(fallbacks_at "$management_port") - before )) "$(field "$result" slow_by_second)"
}

# start_and_load WARM_UP RUN: starts the service with that warm-up (default: its own), loads it from the moment it
# is ready, cold then warm, and stops it by process id.
start_and_load() {
  local warm_up=$1 run=$2 variant="warm-up-$1" started_ns pid ready_ms
  local -a warm_up_env=()
  [ "$warm_up" = default ] || warm_up_env=("SWITCHBOARD_WARM_UP_MAX_DURATION=$warm_up")
  started_ns=$(date +%s%N)
  # shellcheck disable=SC2086 # java_opts is a list of options, split on purpose
  env "${warm_up_env[@]}" SWITCHBOARD_HTTP_HOST=127.0.0.1 SWITCHBOARD_HTTP_PORT=$port \
    SWITCHBOARD_PUBLIC_URL=http://127.0.0.1:$port \
    SWITCHBOARD_REMOTE_HOST=127.0.0.1 SWITCHBOARD_REMOTE_PORT=$remote_port \
    SWITCHBOARD_MANAGEMENT_HOST=127.0.0.1 SWITCHBOARD_MANAGEMENT_PORT=$management_port \
    SWITCHBOARD_WEBHOOK_USER=$webhook_user SWITCHBOARD_WEBHOOK_PASSWORD=$webhook_password \
    taskset -c "$server_cpu" java $java_opts -jar "$SERVICE_JAR" > "$BENCH_LOGS/coldstart-$variant-$run.log" 2>&1 &
  pid=$!
  register_pid "$pid"
  await_http_ok "http://127.0.0.1:$port/health/ready" 120 "$pid" ||
    { echo "see $BENCH_LOGS/coldstart-$variant-$run.log" >&2; exit 1; }
  ready_ms=$(( ($(date +%s%N) - started_ns) / 1000000 ))
  printf '%-22s run %d, ready after %5d ms\n' "$variant" "$run" "$ready_ms"
  printf '  cold: %s\n' "$(load "$variant-$run-cold")"
  printf '  warm: %s\n' "$(load "$variant-$run-warm")"
  stop_pid "$pid"
}

machine_report
echo "workload: $workload ($wrk_script), $connections connections; service on CPU $server_cpu, wrk on CPU $load_cpu"
echo "java options: $java_opts; each window $cold"
for run in $(seq 1 "$runs"); do
  for warm_up in "${warm_ups[@]}"; do start_and_load "$warm_up" "$run"; done
done

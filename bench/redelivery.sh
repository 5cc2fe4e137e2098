#!/usr/bin/env bash
# What a redelivery costs against a new event, in CPU (issue 18's target: at most a third). The service alone on
# SERVER_CPU (taskset), wrk with bench/wrk/retries.lua on LOAD_CPU, the service's CPU time read from
# /proc/<pid>/stat around each measured run. After a warm-up (three requests in four a redelivery), PAIRS pairs
# of measured runs on the same process: one with every request a new event (RETRY_SHARE=0), which gives the CPU
# of a new event, then one with 98 % redeliveries, whose CPU less its new events' share, per redelivery, is the
# CPU of a redelivery. Then, on the same core after the service has stopped, the bare akka-http baseline
# (bench/baseline) under the same load: the CPU any request costs before our code, the floor under both.
#
#   bench/redelivery.sh
#   PAIRS=3 SERVICE_JAR=/path/to/older/switchboard.jar bench/redelivery.sh
#
# Variables (defaults): SERVICE_PORT (18180), SERVICE_REMOTE_PORT (18552), BASELINE_PORT (18181), SERVER_CPU (0), LOAD_CPU (1),
# CONNECTIONS (64), WARMUP (120s: one core compiles the service's hot code slowly, as in bench/e2e.sh), DURATION (15s), PAIRS (2), BENCH_JAVA_OPTS (-Xms2g -Xmx2g -XX:+UseSerialGC),
# SERVICE_EXTRA_OPTS (none; e.g. a profiler agent), SWITCHBOARD_DURABILITY (memory).
# Logs: bench/target/logs/redelivery-*. All traffic stays on 127.0.0.1; both servers are stopped by process id.
source "$(dirname "$0")/lib.sh"

service_port=${SERVICE_PORT:-18180}
service_remote_port=${SERVICE_REMOTE_PORT:-18552}
baseline_port=${BASELINE_PORT:-18181}
server_cpu=${SERVER_CPU:-0}
load_cpu=${LOAD_CPU:-1}
connections=${CONNECTIONS:-64}
warmup=${WARMUP:-120s}
duration=${DURATION:-15s}
pairs=${PAIRS:-2}
java_opts=${BENCH_JAVA_OPTS:--Xms2g -Xmx2g -XX:+UseSerialGC}
service_extra_opts=${SERVICE_EXTRA_OPTS:-}
redelivery_share=0.98

require_command wrk
require_command taskset util-linux
require_command curl
require_free_port "$service_port"
require_free_port "$service_remote_port"
require_free_port "$baseline_port"
build bench/baseline
new_webhook_credentials

# shellcheck disable=SC2086 # java_opts is a list of options, split on purpose
start_pinned_service "$server_cpu" "$service_port" "$service_remote_port" "$BENCH_LOGS/redelivery-service.log" \
  $java_opts $service_extra_opts
service_pid=$started_pid
await_http_ok "http://127.0.0.1:$service_port/health/ready" 120 "$service_pid"

# run_wrk PID PORT LABEL DURATION SHARE: one wrk run at SHARE redeliveries against the server on PORT; prints
# "requests redeliveries cpu_seconds" with the CPU process PID used meanwhile.
run_wrk() {
  local pid=$1 port=$2 label=$3 run_duration=$4 share=$5 ticks_before ticks_after result
  local log="$BENCH_LOGS/redelivery-wrk-$label.log"
  ticks_before=$(cpu_ticks "$pid")
  RUN_ID=$(( $(date +%s%N) / 1000000 % 4294967296 )) RETRY_SHARE=$share CONNECTIONS=$connections \
    PAYLOADS="$BENCH_ROOT/bench/payloads/src/main/resources/payloads" AUTHORIZATION="$authorization" \
    taskset -c "$load_cpu" wrk -t "$connections" -c "$connections" -d "$run_duration" --timeout 10s \
      -s "$BENCH_ROOT/bench/wrk/retries.lua" "http://127.0.0.1:$port" > "$log"
  ticks_after=$(cpu_ticks "$pid")
  result=$(grep '^RESULT' "$log") || { echo "wrk printed no result; see $log" >&2; exit 1; }
  [ "$(field "$result" unexpected)" = 0 ] || { echo "unexpected replies in $label; see $log" >&2; exit 1; }
  echo "$(field "$result" requests) $(field "$result" retries) \
$(awk -v t=$((ticks_after - ticks_before)) -v hz="$clock_ticks" 'BEGIN {printf "%.3f", t / hz}')"
}

machine_report
echo "service: $SERVICE_JAR on CPU $server_cpu ($java_opts $service_extra_opts), wrk on CPU $load_cpu, $connections connections"
echo "== warm-up ($warmup, three requests in four a redelivery)"
run_wrk "$service_pid" "$service_port" warmup "$warmup" 0.75 > /dev/null
printf '%-5s %22s %34s %20s %14s\n' pair "CPU per new event" "at 98 % redeliveries: req (redel.)" \
  "CPU per redelivery" "of a new event"
for pair in $(seq 1 "$pairs"); do
  read -r new_requests _ new_cpu <<< "$(run_wrk "$service_pid" "$service_port" "new-$pair" "$duration" 0)"
  read -r requests redeliveries cpu <<< "$(run_wrk "$service_pid" "$service_port" "redeliveries-$pair" "$duration" "$redelivery_share")"
  awk -v pair="$pair" -v nr="$new_requests" -v nc="$new_cpu" -v r="$requests" -v rd="$redeliveries" -v c="$cpu" \
    'BEGIN {
       per_new = nc / nr; per_redelivery = (c - (r - rd) * per_new) / rd
       printf "%-5s %19.0f µs %18d (%d) in %.2f s CPU %17.0f µs %14.2f\n", pair, per_new * 1e6, r, rd, c,
         per_redelivery * 1e6, per_redelivery / per_new
     }'
done
stop_pid "$service_pid"

echo "== the bare baseline on the same core, the same load ($warmup of warm-up, then $duration measured)"
# shellcheck disable=SC2086
start_pinned_baseline "$server_cpu" "$baseline_port" "$BENCH_LOGS/redelivery-baseline.log" $java_opts
baseline_pid=$started_pid
await_http_ok "http://127.0.0.1:$baseline_port/health/ready" 120 "$baseline_pid"
run_wrk "$baseline_pid" "$baseline_port" baseline-warmup "$warmup" 0.75 > /dev/null
read -r requests _ cpu <<< "$(run_wrk "$baseline_pid" "$baseline_port" baseline "$duration" "$redelivery_share")"
awk -v r="$requests" -v c="$cpu" 'BEGIN {printf "CPU per request of the bare baseline: %.0f µs (%d requests in %.2f s CPU)\n",
  c / r * 1e6, r, c}'

#!/usr/bin/env bash
# End-to-end throughput and latency of the full path (Basic auth, JSON decode, validation, sharded call entity,
# demo flow, BXML rendering) of the real service jar, against the bare akka-http baseline (bench/baseline: the
# same akka-http, auth check and body read, a fixed BXML reply), driven by the same load generator (wrk with
# a wrk script), in the same run, side by side. Two workloads (WORKLOAD):
#   calls    (default) bench/wrk/calls.lua: every connection plays whole demo calls, one event after the other;
#   retries  bench/wrk/retries.lua: a fixed pool of long-lived calls (POOL_CALLS, 1000) and conferences
#            (POOL_CONFERENCES, 100), every event type in no particular order, about three requests in four a
#            retry of an event already answered (RETRY_SHARE, 0.75): Bandwidth's traffic during an incident.
#
#   bench/e2e.sh
#   WORKLOAD=retries bench/e2e.sh
#   SPRING=1 WORKLOAD=retries bench/e2e.sh   # a plain Spring Boot handler (bench/spring-baseline) side by side
#   CONNECTIONS=32 DURATION=30s ROUNDS=5 bench/e2e.sh
#
# Each server runs pinned to SERVER_CPU, wrk to LOAD_CPU (taskset), so on a 2-core machine each server has ONE
# core: its throughput is half of what it would get with the machine to itself.
#   1. Maximum throughput: wrk back to back on CONNECTIONS connections (one thread each), DURATION per run,
#      ROUNDS runs per server, the order rotated every round, after one WARMUP run each; the median counts.
#      Target: the service at >= 35 % of the baseline (calls), >= 30 % (retries, and ahead of Spring), >= 10 %
#      in journal mode.
#   2. Latency at half the service's maximum: every connection sends on a fixed schedule (together half the
#      service's median maximum), to every server. Reported: p50/p90/p99/p99.9 as wrk measures them (from the
#      write) and from the scheduled send time (which includes waiting behind a slow reply). Target: the
#      service's p99 <= 5 x the baseline's at that rate.
#
# Variables (defaults): SERVICE_PORT (18180), SERVICE_REMOTE_PORT (18552), BASELINE_PORT (18181), SPRING (0: 1 adds the
# Spring Boot handler, measured like the baseline), SPRING_PORT (18182), SERVER_CPU (0),
# LOAD_CPU (1), CONNECTIONS (64), WARMUP (120s: one core compiles the service's hot code slowly), DURATION (20s),
# ROUNDS (3), BENCH_JAVA_OPTS for both servers (-Xms2g -Xmx2g -XX:+UseSerialGC), SERVICE_EXTRA_OPTS for the service only (e.g. a JFR recording:
# -XX:StartFlightRecording=filename=bench/target/service.jfr,settings=profile), SERVICE_LOG_LEVEL (INFO, the
# service's default), SWITCHBOARD_DURABILITY (memory; journal stores every event, in H2 under bench/target or in
# the database of SWITCHBOARD_DB_URL / _USER / _PASSWORD).
# Logs: bench/target/logs/. All traffic stays on 127.0.0.1; both servers are stopped by process id at the end.
source "$(dirname "$0")/lib.sh"

service_port=${SERVICE_PORT:-18180}
service_remote_port=${SERVICE_REMOTE_PORT:-18552}
baseline_port=${BASELINE_PORT:-18181}
spring_port=${SPRING_PORT:-18182}
spring=${SPRING:-0}
server_cpu=${SERVER_CPU:-0}
load_cpu=${LOAD_CPU:-1}
connections=${CONNECTIONS:-64}
warmup=${WARMUP:-120s}
duration=${DURATION:-20s}
rounds=${ROUNDS:-3}
workload=${WORKLOAD:-calls}
wrk_script=$(wrk_script_of "$workload")
java_opts=${BENCH_JAVA_OPTS:--Xms2g -Xmx2g -XX:+UseSerialGC}
service_extra_opts=${SERVICE_EXTRA_OPTS:-}
service_log_level=${SERVICE_LOG_LEVEL:-INFO}

require_command wrk
require_command taskset util-linux
require_command curl
for port in "$service_port" "$service_remote_port" "$baseline_port" "$spring_port"; do require_free_port "$port"; done
# The servers measured, in the order of the first round; their ports and process ids by name.
servers=(service baseline)
declare -A port_of=([service]=$service_port [baseline]=$baseline_port [spring]=$spring_port) pid_of=()
if [ "$spring" = 1 ]; then
  servers+=(spring)
  build bench/baseline bench/spring-baseline
else
  build bench/baseline
fi

new_webhook_credentials

# shellcheck disable=SC2086 # java_opts is a list of options, split on purpose
start_pinned_service "$server_cpu" "$service_port" "$service_remote_port" "$BENCH_LOGS/e2e-service.log" \
  $java_opts -Xlog:gc:file="$BENCH_LOGS/e2e-service-gc.log" $service_extra_opts
pid_of[service]=$started_pid

# shellcheck disable=SC2086
start_pinned_baseline "$server_cpu" "$baseline_port" "$BENCH_LOGS/e2e-baseline.log" \
  $java_opts -Xlog:gc:file="$BENCH_LOGS/e2e-baseline-gc.log"
pid_of[baseline]=$started_pid

if [ "$spring" = 1 ]; then
  # shellcheck disable=SC2086
  BASELINE_USER=$webhook_user BASELINE_PASSWORD=$webhook_password \
    taskset -c "$server_cpu" java $java_opts -Xlog:gc:file="$BENCH_LOGS/e2e-spring-gc.log" \
    -Dserver.address=127.0.0.1 -Dserver.port="$spring_port" \
    -jar "$BENCH_ROOT/bench/spring-baseline/target/spring-baseline.jar" > "$BENCH_LOGS/e2e-spring.log" 2>&1 &
  pid_of[spring]=$!
  register_pid "${pid_of[spring]}"
fi

for who in "${servers[@]}"; do
  await_http_ok "http://127.0.0.1:${port_of[$who]}/health/ready" 120 "${pid_of[$who]}"
done

median() { tr ' ' '\n' | sort -g | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }

# The GC pauses logged in $1 from line $2 on: "count max_ms total_ms".
gc_pauses_since() {
  tail -n +"$2" "$1" | awk '/Pause/ {v = $NF; sub("ms", "", v); n++; total += v; if (v > max) max = v}
    END {printf "%d %.0f %.0f", n, max, total}'
}

# run_wrk SERVER LABEL DURATION RATE_PER_CONNECTION: one wrk run against SERVER (a name of servers), logged
# as bench/target/logs/e2e-wrk-LABEL.log; prints its RESULT line plus the CPU the server and wrk used and the
# server's GC pauses during it.
run_wrk() {
  local server=$1 label=$2 run_duration=$3 rate=$4 ticks_before ticks_after steal_before steal_after wrk_cpu result gc_log gc_from
  local port=${port_of[$server]} pid=${pid_of[$server]}
  gc_log="$BENCH_LOGS/e2e-$server-gc.log"
  gc_from=$(( $(wc -l < "$gc_log") + 1 ))
  local log="$BENCH_LOGS/e2e-$workload-wrk-$label.log" times="$BENCH_LOGS/e2e-wrk-$label.time"
  ticks_before=$(cpu_ticks "$pid")
  steal_before=$(steal_ticks "$server_cpu")
  # RUN_ID (milliseconds) keeps this run's callIds apart from earlier runs' calls, which the service still holds.
  { TIMEFORMAT='%U %S %R'; time RUN_ID=$(( $(date +%s%N) / 1000000 % 4294967296 )) \
      PAYLOADS="$BENCH_ROOT/bench/payloads/src/main/resources/payloads" AUTHORIZATION="$authorization" \
      RATE_PER_CONNECTION=$rate CONNECTIONS=$connections \
      taskset -c "$load_cpu" wrk -t "$connections" -c "$connections" -d "$run_duration" --timeout 10s \
        -s "$wrk_script" "http://127.0.0.1:$port" > "$log" ; } 2> "$times"
  ticks_after=$(cpu_ticks "$pid")
  steal_after=$(steal_ticks "$server_cpu")
  result=$(grep '^RESULT' "$log") || { echo "wrk printed no result; see $log" >&2; exit 1; }
  wrk_cpu=$(awk '{printf "%.0f", ($1 + $2) * 100 / $3}' "$times")
  local seconds
  seconds=$(field "$result" seconds)
  local gc
  read -r -a gc <<< "$(gc_pauses_since "$gc_log" "$gc_from")"
  echo "$result server_cpu_pct=$(ticks_percent $((ticks_after - ticks_before)) "$seconds")" \
    "steal_pct=$(ticks_percent $((steal_after - steal_before)) "$seconds")" \
    "wrk_cpu_pct=$wrk_cpu gc_pauses=${gc[0]} gc_max_ms=${gc[1]} gc_total_ms=${gc[2]}"
}

describe() {
  local result=$1
  local retries
  retries=$(grep -q ' retries=' <<< "$result" && echo ", $(field "$result" retries) retries" || true)
  printf '%6.0f req/s %6d calls%s  CPU: server %3s %% (stolen by the host %s %%), wrk %3s %%  GC: %s pauses, max %s ms, %s ms in all  errors: %s unexpected replies, %s socket, %s timeouts\n' \
    "$(field "$result" rps)" "$(field "$result" calls)" "$retries" "$(field "$result" server_cpu_pct)" \
    "$(field "$result" steal_pct)" "$(field "$result" wrk_cpu_pct)" "$(field "$result" gc_pauses)" "$(field "$result" gc_max_ms)" \
    "$(field "$result" gc_total_ms)" "$(field "$result" unexpected)" "$(field "$result" socket_errors)" \
    "$(field "$result" timeouts)"
}

machine_report
echo "workload: $workload ($wrk_script)"
echo "servers on CPU $server_cpu, wrk on CPU $load_cpu; $connections connections (one wrk thread each)"
echo "java options (both servers): $java_opts; service log level $service_log_level"
echo

echo "== warm-up ($warmup each, not counted)"
for who in "${servers[@]}"; do
  printf '%-9s %s\n' "$who:" "$(describe "$(run_wrk "$who" "warmup-$who" "$warmup" 0)")"
done
measured_from_line=$(( $(wc -l < "$BENCH_LOGS/e2e-service.log") + 1 ))

echo "== maximum throughput ($rounds rounds of $duration each, the order rotated every round)"
declare -A rps_of=() latency_of=()
all_results=()
for round in $(seq 1 "$rounds"); do
  shift_by=$(( (round - 1) % ${#servers[@]} ))
  order=("${servers[@]:$shift_by}" "${servers[@]:0:$shift_by}")
  for who in "${order[@]}"; do
    result=$(run_wrk "$who" "max-$round-$who" "$duration" 0)
    rps_of[$who]="${rps_of[$who]:-} $(field "$result" rps)"
    all_results+=("$result")
    printf 'round %d %-9s %s\n' "$round" "$who:" "$(describe "$result")"
  done
done
declare -A max_of=()
for who in "${servers[@]}"; do max_of[$who]=$(echo "${rps_of[$who]}" | xargs | median); done
ratio_to() { awk -v s="${max_of[service]}" -v b="${max_of[$1]}" 'BEGIN {printf "%.1f", s * 100 / b}'; }

half_rate=$(awk -v s="${max_of[service]}" 'BEGIN {printf "%.0f", s / 2}')
per_connection=$(awk -v r="$half_rate" -v c="$connections" 'BEGIN {printf "%.3f", r / c}')
echo "== latency at half the service's maximum: $half_rate req/s ($per_connection req/s on each of $connections connections), $duration each"
for who in "${servers[@]}"; do
  latency_of[$who]=$(run_wrk "$who" "latency-$who" "$duration" "$per_connection")
  printf '%-9s %s\n' "$who:" "$(describe "${latency_of[$who]}")"
  all_results+=("${latency_of[$who]}")
done

percentiles() {
  local result=$1 kind=$2
  printf '%8s %8s %8s %8s' "$(field "$result" "${kind}_p50_ms")" "$(field "$result" "${kind}_p90_ms")" \
    "$(field "$result" "${kind}_p99_ms")" "$(field "$result" "${kind}_p99.9_ms")"
}

echo
echo "================ summary ($workload workload)"
for who in "${servers[@]}"; do
  printf 'maximum throughput (median of %d): %-9s %6.0f req/s' "$rounds" "$who" "${max_of[$who]}"
  [ "$who" = service ] && echo || echo "  (service at $(ratio_to "$who") % of it)"
done
printf 'latency at %s req/s (ms)                   p50      p90      p99    p99.9\n' "$half_rate"
for who in "${servers[@]}"; do
  printf '  %-9s from the write (wrk)      %s\n' "$who," "$(percentiles "${latency_of[$who]}" wrk)"
  printf '  %-9s from the scheduled send   %s\n' "$who," "$(percentiles "${latency_of[$who]}" sched)"
done
for who in "${servers[@]}"; do
  printf '  achieved rate: %s %.0f req/s\n' "$who" "$(field "${latency_of[$who]}" rps)"
done

# The targets of the lean path: the service's share of the bare baseline, ahead of a plain Spring handler on
# retries, and its p99 at half its maximum within 5 times the baseline's at the same rate.
target_ratio=35
[ "$workload" = retries ] && target_ratio=30
[ "$SWITCHBOARD_DURABILITY" = journal ] && target_ratio=10
ratio=$(ratio_to baseline)
awk -v r="$ratio" -v t="$target_ratio" 'BEGIN {exit !(r >= t)}' && verdict=met || verdict="missed: $ratio %"
echo "target throughput >= $target_ratio % of the bare baseline: $verdict"
if [ "$spring" = 1 ]; then
  awk -v s="${max_of[service]}" -v b="${max_of[spring]}" 'BEGIN {exit !(s > b)}' && verdict=met || verdict="missed: $(ratio_to spring) %"
  echo "target throughput ahead of the plain Spring Boot handler: $verdict"
fi
service_p99=$(field "${latency_of[service]}" sched_p99_ms)
baseline_p99=$(field "${latency_of[baseline]}" sched_p99_ms)
awk -v p="$service_p99" -v b="$baseline_p99" 'BEGIN {exit !(p <= 5 * b)}' && verdict=met || verdict="missed: $service_p99 ms against $baseline_p99 ms"
echo "target p99 at half the maximum (from the scheduled send) <= 5 x the baseline's: $verdict"

problems=0
for result in "${all_results[@]}"; do
  problems=$((problems + $(field "$result" unexpected) + $(field "$result" socket_errors) + $(field "$result" timeouts)))
done
[ "$problems" -eq 0 ] || echo "WARNING: $problems unexpected replies, socket errors or timeouts: see bench/target/logs/"
fallbacks=$(tail -n +"$measured_from_line" "$BENCH_LOGS/e2e-service.log" | grep -c -E 'sending the fallback|shedding' || true)
echo "service log after the warm-up: $fallbacks fallback replies (deadline missed, flow failure or overload)"

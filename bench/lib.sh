# Shared by the bench/*.sh scripts (sourced, not run). Every process a script starts is registered here
# (register_pid) and stopped by its process id when the script exits, however it exits.

set -euo pipefail
BENCH_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# SERVICE_JAR: the jar measured as the service (default: the one this checkout builds), e.g. an older build to
# compare with in the same run.
SERVICE_JAR=${SERVICE_JAR:-"$BENCH_ROOT/bootstrap/target/switchboard.jar"}
BENCH_LOGS="$BENCH_ROOT/bench/target/logs"
mkdir -p "$BENCH_LOGS"

# The processes this script started, one id a line; a file, so that those started in a subshell count too.
PID_FILE="$BENCH_ROOT/bench/target/started-pids.$$"

register_pid() {
  echo "$1" >> "$PID_FILE"
}

# Stops one process: TERM, up to 30 s to finish, then KILL; and forgets it.
stop_pid() {
  local pid=$1 waited=0
  kill -TERM "$pid" 2>/dev/null || true
  while kill -0 "$pid" 2>/dev/null && [ $waited -lt 300 ]; do sleep 0.1; waited=$((waited + 1)); done
  kill -KILL "$pid" 2>/dev/null || true
  [ -f "$PID_FILE" ] && sed -i "/^$pid\$/d" "$PID_FILE"
  return 0
}

# How the services a script starts keep their calls: SWITCHBOARD_DURABILITY, memory unless set (the figures in
# docs/performance.md say which mode they were taken in). With journal and no SWITCHBOARD_DB_URL, the H2 file
# goes to a fresh directory of this run (unless SWITCHBOARD_DATA_DIR is set), removed at the end, so that no run
# finds the calls of an earlier one. Exported: every service the script starts inherits it.
export SWITCHBOARD_DURABILITY=${SWITCHBOARD_DURABILITY:-memory}
RUN_DATA_DIR=""
if [ "$SWITCHBOARD_DURABILITY" = journal ] && [ -z "${SWITCHBOARD_DB_URL:-}" ] && [ -z "${SWITCHBOARD_DATA_DIR:-}" ]; then
  RUN_DATA_DIR="$BENCH_ROOT/bench/target/data.$$"
  export SWITCHBOARD_DATA_DIR=$RUN_DATA_DIR
fi

# Stops every registered process, however the script ends, then removes this run's data directory.
stop_started() {
  local pid
  if [ -f "$PID_FILE" ]; then
    for pid in $(cat "$PID_FILE"); do stop_pid "$pid"; done
    rm -f "$PID_FILE"
  fi
  [ -z "$RUN_DATA_DIR" ] || rm -rf "$RUN_DATA_DIR"
}
trap stop_started EXIT
trap 'exit 130' INT TERM

# Builds the service jar and the given bench modules (reactor build, never `mvn install`).
build() {
  local modules="bootstrap"
  [ $# -gt 0 ] && modules="$modules,$(IFS=,; echo "$*")"
  echo "building $modules ..." >&2
  local log="$BENCH_LOGS/build.log"
  (cd "$BENCH_ROOT" && mvn -B -ntp -Pbench -pl "$modules" -am package -DskipTests) > "$log" 2>&1 ||
    { echo "the build failed; its log ($log) ends with:" >&2; tail -40 "$log" >&2; exit 1; }
}

# Installs a Debian package when its command is missing (non-interactive; needs root or sudo).
require_command() {
  local command=$1 package=${2:-$1}
  command -v "$command" >/dev/null && return 0
  echo "installing $package ..." >&2
  local sudo=""
  [ "$(id -u)" = 0 ] || sudo="sudo"
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$package" >&2
}

# Refuses a port something already listens on: never measure (or stop) someone else's server.
require_free_port() {
  if (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; then
    echo "port $1 is in use on 127.0.0.1; choose another (see the script's variables)" >&2
    exit 1
  fi
}

# Waits until GET $1 answers 200, or fails after $2 seconds or when process $3 dies.
await_http_ok() {
  local url=$1 timeout=$2 pid=$3 deadline=$((SECONDS + $2))
  until curl -sf -o /dev/null "$url"; do
    if ! kill -0 "$pid" 2>/dev/null || [ $SECONDS -ge $deadline ]; then
      echo "no 200 from $url within ${timeout}s" >&2
      return 1
    fi
    sleep 0.05
  done
}

# start_pinned_service CPU PORT REMOTE_PORT LOG [JAVA OPTION...]: starts $SERVICE_JAR alone on CPU (taskset), its
# webhook and cluster ports on 127.0.0.1, Basic auth with the credentials of new_webhook_credentials, at the log
# level of SERVICE_LOG_LEVEL (INFO, the service's default), its output in LOG; registers it and sets started_pid.
start_pinned_service() {
  local cpu=$1 port=$2 remote_port=$3 log=$4
  shift 4
  SWITCHBOARD_HTTP_HOST=127.0.0.1 SWITCHBOARD_HTTP_PORT=$port SWITCHBOARD_PUBLIC_URL=http://127.0.0.1:$port \
  SWITCHBOARD_REMOTE_HOST=127.0.0.1 SWITCHBOARD_REMOTE_PORT=$remote_port \
  SWITCHBOARD_WEBHOOK_USER=$webhook_user SWITCHBOARD_WEBHOOK_PASSWORD=$webhook_password \
  SWITCHBOARD_LOG_LEVEL=${SERVICE_LOG_LEVEL:-INFO} \
    taskset -c "$cpu" java "$@" -jar "$SERVICE_JAR" > "$log" 2>&1 &
  started_pid=$!
  register_pid "$started_pid"
}

# start_pinned_baseline CPU PORT LOG [JAVA OPTION...]: the bare akka-http baseline (bench/baseline) the same way.
start_pinned_baseline() {
  local cpu=$1 port=$2 log=$3
  shift 3
  BASELINE_USER=$webhook_user BASELINE_PASSWORD=$webhook_password \
    taskset -c "$cpu" java "$@" -Dbaseline.host=127.0.0.1 -Dbaseline.port="$port" \
      -jar "$BENCH_ROOT/bench/baseline/target/baseline.jar" > "$log" 2>&1 &
  started_pid=$!
  register_pid "$started_pid"
}

# cpu_ticks PID: the CPU time (user and system, in clock ticks of clock_ticks a second) process PID has used so far.
clock_ticks=$(getconf CLK_TCK)
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
# steal_ticks CPU: the time (clock ticks) the hypervisor has so far kept CPU from this machine while it had work
# (0 where nothing is virtualized). A run whose server's CPU lost a share of its time measures the host, not the code.
steal_ticks() { awk -v cpu="cpu$1" '$1 == cpu {print $9}' /proc/stat; }
# ticks_percent TICKS SECONDS: TICKS clock ticks as a whole percentage of one CPU over SECONDS.
ticks_percent() { awk -v t="$1" -v hz="$clock_ticks" -v s="$2" 'BEGIN {printf "%.0f", t * 100 / hz / s}'; }

# The machine a figure was taken on, as one block for the report.
machine_report() {
  echo "date:     $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "cpus:     $(nproc) ($(lscpu | sed -n 's/^Model name: *//p' | head -1))"
  echo "memory:   $(free -g | awk '/^Mem:/ {print $2 " GiB"}')"
  echo "java:     $(java -version 2>&1 | head -1)"
  echo "load:     $(cut -d' ' -f1-3 /proc/loadavg) (1, 5, 15 min; above $(nproc) the machine is shared or busy)"
  echo "calls:    SWITCHBOARD_DURABILITY=$SWITCHBOARD_DURABILITY${SWITCHBOARD_DB_URL:+ on $SWITCHBOARD_DB_URL}"
}

# wrk_script_of WORKLOAD: the wrk script that plays a workload, calls or retries (bench/wrk); fails on any other.
wrk_script_of() {
  case "$1" in
    calls|retries) echo "$BENCH_ROOT/bench/wrk/$1.lua" ;;
    *) echo "WORKLOAD must be calls or retries, was $1" >&2; return 2 ;;
  esac
}

# new_webhook_credentials: fresh webhook credentials for this run, never printed: sets webhook_user,
# webhook_password, and authorization (the header value the wrk scripts send).
new_webhook_credentials() {
  webhook_user=bench
  webhook_password=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
  authorization="Basic $(printf '%s:%s' "$webhook_user" "$webhook_password" | base64 -w0)"
}

# field LINE NAME: the value of NAME=... in a wrk script's RESULT line.
field() { sed -E "s/.* $2=([^ ]+).*/\1/" <<< "$1"; }

# fallbacks_at MANAGEMENT_PORT: the fallbacks the service on that management port has counted
# (switchboard_webhook_fallbacks_total, all labels).
fallbacks_at() {
  curl -sf "http://127.0.0.1:$1/metrics" |
    awk '/^switchboard_webhook_fallbacks_total/ {sum += $NF} END {printf "%d", sum}'
}

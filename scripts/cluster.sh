#!/usr/bin/env bash
# A local Switchboard cluster on 127.0.0.1, from the built jar (bootstrap/target/switchboard.jar).
#
#   scripts/cluster.sh start N [--base-port P] [--management-base-port M] [--remote-base-port R] [--jar J]
#       starts N nodes of the jar J (default: the built one); node i serves HTTP on P+i-1 (default P=8080), its
#       management endpoint on M+i-1 and clusters on R+i-1 (by default M=P+478 and R=P+17440: 8558 and 25520 for
#       P=8080). They form one cluster through Cluster Bootstrap with config discovery (every node lists all
#       management endpoints).
#       Waits until every node sees N Up members, then prints each node's HTTP URL on its own line.
#       Variables in the environment (SWITCHBOARD_WEBHOOK_USER, SWITCHBOARD_ADMIN_USER, ...) pass through.
#       Durable call state needs a database the nodes share: with SWITCHBOARD_DB_URL (PostgreSQL, tables
#       created by 'java -jar switchboard.jar db init') the nodes keep their calls in it; without, they run in
#       memory (SWITCHBOARD_DURABILITY=memory), as the single node's H2 file cannot be shared.
#   scripts/cluster.sh stop
#       stops exactly the processes 'start' started (by process id), gracefully, then by force after 30 s.
#   scripts/cluster.sh status
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
state="$root/.cluster"
jar="$root/bootstrap/target/switchboard.jar"
ready_timeout_seconds=${SWITCHBOARD_CLUSTER_READY_TIMEOUT:-120}

usage() {
  sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
}

node_pids() {
  [ -f "$state/pids" ] && cat "$state/pids" || true
}

stop_cluster() {
  local pids pid waited
  pids=$(node_pids)
  [ -n "$pids" ] || { echo "no cluster started by this script is running"; return 0; }
  for pid in $pids; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in $pids; do
    waited=0
    while kill -0 "$pid" 2>/dev/null && [ $waited -lt 300 ]; do sleep 0.1; waited=$((waited + 1)); done
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null || true
  done
  rm -f "$state/pids"
  echo "stopped $(echo $pids | wc -w) node(s)"
}

start_cluster() {
  local nodes=${1:-}; shift || true
  local base_port=8080 management_base_port="" remote_base_port=""
  while [ $# -gt 0 ]; do
    case "$1" in
      --base-port) base_port=${2:?}; shift 2 ;;
      --management-base-port) management_base_port=${2:?}; shift 2 ;;
      --remote-base-port) remote_base_port=${2:?}; shift 2 ;;
      --jar) jar=${2:?}; shift 2 ;;
      *) usage ;;
    esac
  done
  [[ "$nodes" =~ ^[1-9][0-9]*$ ]] || usage
  management_base_port=${management_base_port:-$((base_port + 478))}
  remote_base_port=${remote_base_port:-$((base_port + 17440))}
  [ -f "$jar" ] || { echo "no $jar: build it first (mvn -B -ntp -q package -DskipTests)" >&2; exit 1; }
  [ -z "$(node_pids)" ] || { echo "a cluster started by this script is running; stop it first" >&2; exit 1; }
  mkdir -p "$state"

  # Config discovery: every node knows every node's management endpoint, and waits for all N of them.
  local i contact_points=""
  for i in $(seq 1 "$nodes"); do
    contact_points="$contact_points${contact_points:+,}127.0.0.1:$((management_base_port + i - 1))"
  done

  local durability=${SWITCHBOARD_DURABILITY:-}
  if [ -z "$durability" ]; then
    if [ -n "${SWITCHBOARD_DB_URL:-}" ]; then durability=journal; else durability=memory; fi
  fi

  local http_port
  for i in $(seq 1 "$nodes"); do
    http_port=$((base_port + i - 1))
    SWITCHBOARD_HTTP_HOST=127.0.0.1 \
    SWITCHBOARD_HTTP_PORT=$http_port \
    SWITCHBOARD_PUBLIC_URL=${SWITCHBOARD_PUBLIC_URL:-http://127.0.0.1:$http_port} \
    SWITCHBOARD_REMOTE_HOST=127.0.0.1 \
    SWITCHBOARD_REMOTE_PORT=$((remote_base_port + i - 1)) \
    SWITCHBOARD_MANAGEMENT_HOST=127.0.0.1 \
    SWITCHBOARD_MANAGEMENT_PORT=$((management_base_port + i - 1)) \
    SWITCHBOARD_CLUSTER_BOOTSTRAP=on \
    SWITCHBOARD_DISCOVERY_METHOD=config \
    SWITCHBOARD_CONTACT_POINTS=$contact_points \
    SWITCHBOARD_REQUIRED_CONTACT_POINTS=$nodes \
    SWITCHBOARD_DURABILITY=$durability \
      java ${SWITCHBOARD_JAVA_OPTS:--Xmx512m} \
        -Dakka.management.cluster.bootstrap.contact-point-discovery.stable-margin=1s \
        -jar "$jar" > "$state/node$i.log" 2>&1 &
    echo $! >> "$state/pids"
  done

  local deadline=$((SECONDS + ready_timeout_seconds)) pid up
  for i in $(seq 1 "$nodes"); do
    pid=$(sed -n "${i}p" "$state/pids")
    while :; do
      up=$(curl -sf "http://127.0.0.1:$((management_base_port + i - 1))/cluster/members" \
        | grep -o '"status":"Up"' | wc -l || true)
      [ "$up" -eq "$nodes" ] && break
      if ! kill -0 "$pid" 2>/dev/null || [ $SECONDS -ge $deadline ]; then
        echo "node $i did not see $nodes Up members; its log ends with:" >&2
        tail -20 "$state/node$i.log" >&2
        stop_cluster >&2
        exit 1
      fi
      sleep 0.2
    done
  done
  for i in $(seq 1 "$nodes"); do echo "http://127.0.0.1:$((base_port + i - 1))"; done
}

case "${1:-}" in
  start) shift; start_cluster "$@" ;;
  stop) stop_cluster ;;
  status)
    for pid in $(node_pids); do
      kill -0 "$pid" 2>/dev/null && echo "$pid running" || echo "$pid gone"
    done ;;
  *) usage ;;
esac

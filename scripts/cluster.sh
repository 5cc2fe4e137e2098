#!/usr/bin/env bash
# A local Switchboard cluster on 127.0.0.1, from the built jar (bootstrap/target/switchboard.jar).
#
#   scripts/cluster.sh start N [--base-port P] [--remote-base-port R]
#       starts N nodes; node i serves HTTP on P+i-1 (default P=8080) and clusters on R+i-1 (default R=25520);
#       waits until every node is an Up member, then prints each node's HTTP URL on its own line.
#       Variables in the environment (SWITCHBOARD_WEBHOOK_USER, ...) pass through to every node.
#   scripts/cluster.sh stop
#       stops exactly the processes 'start' started (by process id), gracefully, then by force after 30 s.
#   scripts/cluster.sh status
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
state="$root/.cluster"
jar="$root/bootstrap/target/switchboard.jar"
ready_timeout_seconds=${SWITCHBOARD_CLUSTER_READY_TIMEOUT:-120}

usage() {
  sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//' >&2
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
  local base_port=8080 remote_base_port=25520
  while [ $# -gt 0 ]; do
    case "$1" in
      --base-port) base_port=${2:?}; shift 2 ;;
      --remote-base-port) remote_base_port=${2:?}; shift 2 ;;
      *) usage ;;
    esac
  done
  [[ "$nodes" =~ ^[1-9][0-9]*$ ]] || usage
  [ -f "$jar" ] || { echo "no $jar: build it first (mvn -B -ntp -q package -DskipTests)" >&2; exit 1; }
  [ -z "$(node_pids)" ] || { echo "a cluster started by this script is running; stop it first" >&2; exit 1; }
  mkdir -p "$state"

  # The first node is the first seed, so it forms the cluster; the second is a spare seed for later joiners.
  local seeds="akka://switchboard@127.0.0.1:$remote_base_port"
  [ "$nodes" -gt 1 ] && seeds="$seeds,akka://switchboard@127.0.0.1:$((remote_base_port + 1))"

  local i http_port
  for i in $(seq 1 "$nodes"); do
    http_port=$((base_port + i - 1))
    SWITCHBOARD_HTTP_HOST=127.0.0.1 \
    SWITCHBOARD_HTTP_PORT=$http_port \
    SWITCHBOARD_PUBLIC_URL=${SWITCHBOARD_PUBLIC_URL:-http://127.0.0.1:$http_port} \
    SWITCHBOARD_REMOTE_HOST=127.0.0.1 \
    SWITCHBOARD_REMOTE_PORT=$((remote_base_port + i - 1)) \
    SWITCHBOARD_SEED_NODES=$seeds \
      java ${SWITCHBOARD_JAVA_OPTS:--Xmx512m} -jar "$jar" > "$state/node$i.log" 2>&1 &
    echo $! >> "$state/pids"
  done

  local deadline=$((SECONDS + ready_timeout_seconds)) pid
  for i in $(seq 1 "$nodes"); do
    http_port=$((base_port + i - 1))
    pid=$(sed -n "${i}p" "$state/pids")
    until curl -sf -o /dev/null "http://127.0.0.1:$http_port/health/ready"; do
      if ! kill -0 "$pid" 2>/dev/null || [ $SECONDS -ge $deadline ]; then
        echo "node $i did not become ready; its log ends with:" >&2
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

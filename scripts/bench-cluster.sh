#!/usr/bin/env bash
# Cluster benchmark on this machine (docs/cluster.md): private PostgreSQL + Redis, then
#   1. idle cost: CPU of a 3-node cluster with no stream (node processes, redis-server, postgres), over IDLE_S;
#   2. for 1, 2 and 3 nodes: streams held in real time, adding STEP streams at a time up to MAX (a level is held
#      when every stream stores at least 90 % of its windows (hop 1 s) over MEASURE_S and drops none);
#   3. at LOAD streams on 3 nodes: Redis commands/s (INFO stats), PostgreSQL commits/s and rows inserted/s
#      (pg_stat_database), SignalR backplane bytes per published message and messages per window (PSUBSCRIBE).
# Writes artifacts/bench-cluster.json and prints it. It loads every core for minutes: run it on an idle machine.
# Usage: scripts/bench-cluster.sh [--max N] [--step N] [--load N] [--measure S] [--idle S] [--nodes "1 2 3"]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
max=24 step=4 load=24 measure_s=20 idle_s=30 node_counts="1 2 3"
while [[ $# -gt 0 ]]; do
  case $1 in
    --max) max=$2; shift 2 ;;
    --step) step=$2; shift 2 ;;
    --load) load=$2; shift 2 ;;
    --measure) measure_s=$2; shift 2 ;;
    --idle) idle_s=$2; shift 2 ;;
    --nodes) node_counts=$2; shift 2 ;;
    *) echo "usage: $0 [--max N] [--step N] [--load N] [--measure S] [--idle S] [--nodes \"1 2 3\"]" >&2; exit 2 ;;
  esac
done

./scripts/ensure-deps.sh curl redis-server postgresql
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build Avts.Web/Avts.Web.csproj -c Release --nologo -v q -clp:ErrorsOnly >/dev/null
mkdir -p artifacts
work=$(mktemp -d /tmp/avts-bench-cluster-XXXXXX)
chmod 711 "$work"
ports=($(python3 -c 'import socket
s=[socket.socket() for _ in range(8)]
[x.bind(("127.0.0.1",0)) for x in s]
print(" ".join(str(x.getsockname()[1]) for x in s))'))
pids=()
stop_nodes() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  pids=()
}
cleanup() { stop_nodes; ./scripts/cluster-servers.sh stop "$work/servers"; rm -rf "$work"; }
trap cleanup EXIT
trap 'exit 130' INT TERM

./scripts/cluster-servers.sh start "$work/servers" "${ports[0]}" "${ports[1]}" >/dev/null
# shellcheck disable=SC1091
. "$work/servers/env"
key=bench
psql_q() { PGPASSWORD=$AVTS_CLUSTER_PASSWORD psql -h 127.0.0.1 -p "$AVTS_PG_PORT" -U avts -d avts -qtAc "$1"; }
redis_stat() { REDISCLI_AUTH=$AVTS_CLUSTER_PASSWORD redis-cli -h 127.0.0.1 -p "$AVTS_REDIS_PORT" INFO stats | tr -d '\r' | sed -n "s/^$1://p"; }
now_ms() { date +%s%3N; }
# CPU seconds (user+system) of the given pids, from /proc.
cpu_s() { local t=0 p; for p in "$@"; do [[ -r /proc/$p/stat ]] && t=$((t + $(awk '{print $14+$15}' "/proc/$p/stat"))); done; echo "$t $(getconf CLK_TCK)" | awk '{printf "%.3f", $1/$2}'; }
# redis-server, the postmaster and its backends.
server_pids() {
  cat "$work/servers/redis/redis.pid"
  local postmaster; postmaster=$(head -1 "$work/servers/pg/data/postmaster.pid")
  echo "$postmaster"; pgrep -P "$postmaster" || true
}

start_nodes() {
  local n=$1 k
  for k in $(seq 1 "$n"); do
    Avts__DatabaseProvider=PostgreSql Avts__Database="$AVTS_PG" Avts__ApiKey=$key \
    Avts__Cluster__Enabled=true Avts__Cluster__NodeName="node$k" Avts__Cluster__Redis="$AVTS_REDIS" \
    Avts__Cluster__SiloPort=${ports[1 + k]} Avts__DataDirectory="$work/shared" Logging__LogLevel__Default=Warning \
      dotnet Avts.Web/bin/Release/net10.0/Avts.Web.dll --contentRoot "$root/Avts.Web" \
        --urls "http://127.0.0.1:${ports[4 + k]}" --Avts:Demo=false >"$work/node$k.log" 2>&1 &
    pids+=($!)
  done
  for k in $(seq 1 "$n"); do
    for _ in $(seq 1 240); do curl -s "http://127.0.0.1:${ports[4 + k]}/healthz" >/dev/null 2>&1 && break; sleep 0.5; done
  done
  sleep 3
}

reset_store() { psql_q "DELETE FROM streams; DELETE FROM windows; DELETE FROM alerts;" >/dev/null 2>&1 || true; REDISCLI_AUTH=$AVTS_CLUSTER_PASSWORD redis-cli -h 127.0.0.1 -p "$AVTS_REDIS_PORT" FLUSHALL >/dev/null; }

# Under the data directory's media folder: the default Avts:Locations:FileRoots, so the API accepts it.
mkdir -p "$work/shared/media"
clip="$work/shared/media/clip.mp4"
ffmpeg -hide_banner -v error -y -f lavfi -i "testsrc=size=320x240:rate=25" -f lavfi -i "sine=frequency=440:sample_rate=48000:beep_factor=4" \
  -t 30 -c:v libx264 -preset veryfast -pix_fmt yuv420p -c:a aac -shortest "$clip"
add_streams() { # from to node-count
  local i
  for i in $(seq "$1" "$2"); do
    curl -sf -o /dev/null -H "X-Api-Key: $key" -H 'Content-Type: application/json' \
      -d "{\"name\":\"b$i\",\"location\":\"$clip\",\"loop\":true,\"realTime\":true}" \
      "http://127.0.0.1:${ports[5 + i % $3]}/api/streams" || { echo "bench: could not add stream b$i" >&2; exit 1; }
  done
}
# Held: every stream stored >= 90 % of MEASURE_S windows in the last MEASURE_S (after a 10 s warm-up).
held() { # streams
  local since=$(($(now_ms) - measure_s * 1000)) need worst
  need=$(awk -v m="$measure_s" 'BEGIN{printf "%d", m*0.9}')
  worst=$(psql_q "SELECT COALESCE(MIN(c),0) FROM (SELECT s.name, (SELECT COUNT(*) FROM windows w WHERE w.stream = s.name AND w.recorded_at >= $since) c FROM streams s) x")
  echo "$worst $need"
}

# 1. Idle cost of 3 nodes (--idle 0 skips it).
idle_cpu=None
if (( idle_s > 0 )); then
  reset_store
  start_nodes 3
  idle_pids=("${pids[@]}" $(server_pids))
  r0=$(redis_stat total_commands_processed); x0=$(psql_q "SELECT xact_commit FROM pg_stat_database WHERE datname='avts'")
  c0=$(cpu_s "${idle_pids[@]}"); sleep "$idle_s"; c1=$(cpu_s "${idle_pids[@]}")
  r1=$(redis_stat total_commands_processed); x1=$(psql_q "SELECT xact_commit FROM pg_stat_database WHERE datname='avts'")
  idle_cpu=$(awk -v a="$c0" -v b="$c1" -v s="$idle_s" 'BEGIN{printf "%.1f", 100*(b-a)/s}')
  idle_redis=$(awk -v a="$r0" -v b="$r1" -v s="$idle_s" 'BEGIN{printf "%.1f", (b-a)/s}')
  idle_pg=$(awk -v a="$x0" -v b="$x1" -v s="$idle_s" 'BEGIN{printf "%.1f", (b-a)/s}')
  echo "idle 3-node cluster: ${idle_cpu} % of one core, Redis ${idle_redis} commands/s, PostgreSQL ${idle_pg} commits/s" >&2
  stop_nodes
fi

# 2. Streams held with 1, 2, 3 nodes.
declare -A held_by
for n in $node_counts; do
  reset_store
  start_nodes "$n"
  count=0 best=0
  while (( count + step <= max )); do
    add_streams $((count + 1)) $((count + step)) "$n"
    count=$((count + step))
    sleep $((10 + measure_s))
    read -r worst need <<<"$(held)"
    echo "$n node(s), $count streams: worst stream stored $worst windows of $need needed" >&2
    if (( worst >= need )); then best=$count; else break; fi
  done
  held_by[$n]=$best
  stop_nodes
done

# 3. Coordination cost at LOAD streams on 3 nodes.
reset_store
start_nodes 3
add_streams 1 "$load" 3
sleep 30  # connect, first window (WindowSeconds 4), steady state
r0=$(redis_stat total_commands_processed); x0=$(psql_q "SELECT xact_commit FROM pg_stat_database WHERE datname='avts'")
i0=$(psql_q "SELECT tup_inserted FROM pg_stat_database WHERE datname='avts'"); w0=$(psql_q "SELECT COUNT(*) FROM windows")
REDISCLI_AUTH=$AVTS_CLUSTER_PASSWORD timeout "$measure_s" redis-cli -h 127.0.0.1 -p "$AVTS_REDIS_PORT" --no-raw PSUBSCRIBE 'avts:signalr*' >"$work/pubsub.txt" 2>/dev/null || true
r1=$(redis_stat total_commands_processed); x1=$(psql_q "SELECT xact_commit FROM pg_stat_database WHERE datname='avts'")
i1=$(psql_q "SELECT tup_inserted FROM pg_stat_database WHERE datname='avts'"); w1=$(psql_q "SELECT COUNT(*) FROM windows")
backplane=$(python3 - "$work/pubsub.txt" <<'PY'
import sys, ast
lines = open(sys.argv[1], encoding="utf-8", errors="replace").read().splitlines()
sizes = []
# --no-raw prints each pmessage as four numbered lines: "pmessage", pattern, channel, payload (quoted, escaped).
for i, line in enumerate(lines):
    if line.strip().endswith('"pmessage"') and i + 3 < len(lines):
        payload = lines[i + 3].split(') ', 1)[-1]
        try:
            sizes.append(len(ast.literal_eval('b' + payload)))
        except Exception:
            pass
print(len(sizes), (sum(sizes) / len(sizes)) if sizes else 0)
PY
)
read -r published avg_bytes <<<"$backplane"
stop_nodes

json=$(python3 - <<PY
import json
s = $measure_s
windows = $w1 - $w0
out = {
  "benchmark": "cluster", "machine_cores": $(nproc), "hop_s": 1, "measure_s": s,
  "idle_3_nodes_cpu_percent_of_one_core": $idle_cpu,
  "idle_3_nodes_redis_commands_per_s": ${idle_redis:-None},
  "idle_3_nodes_postgres_commits_per_s": ${idle_pg:-None},
  "streams_held": {k: v for k, v in [$(for n in $node_counts; do printf '("%s", %s),' "$n" "${held_by[$n]}"; done)]},
  "at_streams": $load,
  "redis_commands_per_s": round(($r1 - $r0) / s, 1),
  "postgres_commits_per_s": round(($x1 - $x0) / s, 1),
  "postgres_rows_inserted_per_s": round(($i1 - $i0) / s, 1),
  "windows_per_s": round(windows / s, 1),
  "backplane_messages_per_s": round($published / s, 1),
  "backplane_bytes_per_message": round($avg_bytes, 1),
  "backplane_messages_per_window": round($published / windows, 2) if windows else None,
}
print(json.dumps(out, indent=2))
PY
)
echo "$json" | tee artifacts/bench-cluster.json

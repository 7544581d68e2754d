#!/usr/bin/env bash
# ./run.sh --cluster N [--data DIR]: N Avts hosts in cluster mode on one machine (docs/cluster.md).
# Installs redis-server/postgresql when missing, starts a private PostgreSQL and Redis on loopback (data under DIR,
# default a fresh temp folder), then N hosts on consecutive ports from 5080 (AVTS_PORT) sharing that store, with the
# demo streams. Prints "node K: http://127.0.0.1:PORT/" per node. Ctrl-C stops every process it started.
# Environment: AVTS_PORT (first HTTP port, 5080), AVTS_PG_PORT (5432+1000=6432), AVTS_REDIS_PORT (6380),
# AVTS_SILO_PORT (first silo port, 11111), AVTS_CLUSTER_PASSWORD (PostgreSQL/Redis password; default random),
# AVTS__APIKEY (default: a fresh key, printed).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

usage() { echo "usage: ./run.sh --cluster N [--data DIR]" >&2; exit 2; }
[[ $# -ge 1 && $1 =~ ^[1-9][0-9]*$ ]] || usage
nodes=$1; shift
data=""
while [[ $# -gt 0 ]]; do
  case $1 in
    --data) [[ $# -ge 2 ]] || usage; data=$2; shift 2 ;;
    *) usage ;;
  esac
done

./scripts/ensure-deps.sh curl redis-server postgresql
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build Avts.Web/Avts.Web.csproj -c Release --nologo -v q -clp:ErrorsOnly

port=${AVTS_PORT:-5080}
pg_port=${AVTS_PG_PORT:-6432}
redis_port=${AVTS_REDIS_PORT:-6380}
silo_port=${AVTS_SILO_PORT:-11111}
if [[ -z $data ]]; then
  data=$(mktemp -d /tmp/avts-cluster-XXXXXX)
fi
mkdir -p "$data"
data=$(cd "$data" && pwd)
chmod 711 "$data"  # PostgreSQL runs as 'postgres' when we are root: it must traverse to its data folder
export AVTS__APIKEY=${AVTS__APIKEY:-$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')}

pids=()
stop_all() {
  trap - INT TERM EXIT
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  ./scripts/cluster-servers.sh stop "$data/servers"
  echo "avts: cluster stopped (data kept in $data)" >&2
}
trap 'stop_all; exit 0' INT TERM
trap stop_all EXIT

./scripts/cluster-servers.sh start "$data/servers" "$pg_port" "$redis_port" >/dev/null
# shellcheck disable=SC1091
. "$data/servers/env"

for k in $(seq 1 "$nodes"); do
  p=$((port + k - 1))
  # One shared data directory: every node can open the demo clip and QA files at the same paths.
  Avts__DatabaseProvider=PostgreSql Avts__Database="$AVTS_PG" \
  Avts__Cluster__Enabled=true Avts__Cluster__NodeName="node$k" Avts__Cluster__Redis="$AVTS_REDIS" \
  Avts__Cluster__SiloPort=$((silo_port + k - 1)) Avts__DataDirectory="$data/shared" \
    dotnet Avts.Web/bin/Release/net10.0/Avts.Web.dll --contentRoot "$root/Avts.Web" --urls "http://127.0.0.1:$p" \
      --Avts:Demo=true >"$data/node$k.log" 2>&1 &
  pids+=($!)
done

for k in $(seq 1 "$nodes"); do
  p=$((port + k - 1))
  for _ in $(seq 1 240); do
    if ! kill -0 "${pids[$((k - 1))]}" 2>/dev/null; then
      echo "avts: node $k exited during start-up; its log:" >&2
      tail -20 "$data/node$k.log" >&2
      exit 1
    fi
    curl -s "http://127.0.0.1:$p/healthz" >/dev/null 2>&1 && break
    sleep 0.5
  done
  curl -s "http://127.0.0.1:$p/healthz" >/dev/null 2>&1 || { echo "avts: node $k gave no answer on port $p" >&2; exit 1; }
  echo "node $k: http://127.0.0.1:$p/"
done
echo "API key (QA page, POST endpoints): $AVTS__APIKEY"
echo "Logs and data: $data. Ctrl-C stops every node and both servers."
wait -n "${pids[@]}" || true
echo "avts: a node exited; stopping the cluster" >&2

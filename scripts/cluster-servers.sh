#!/usr/bin/env bash
# Private PostgreSQL and Redis for Avts cluster mode: loopback only, data under DIR, no system service.
#   scripts/cluster-servers.sh start DIR PG_PORT REDIS_PORT   starts both (installs nothing: see ensure-deps.sh) and
#                                                           writes DIR/env with AVTS_PG / AVTS_REDIS connection strings
#   scripts/cluster-servers.sh stop DIR                     stops both (idempotent)
#   scripts/cluster-servers.sh stop-one DIR redis|pg        stops one (a restart test); start again with start
# The password is $AVTS_CLUSTER_PASSWORD, else a fresh random one (in DIR/env, mode 600).
# PostgreSQL refuses to run as root: as root, its data directory is owned by and the server runs as the 'postgres'
# user (created by Debian's postgresql package). Redis keeps an append-only file in DIR, so Orleans' membership table
# survives a Redis restart (a restarted Redis without it would forget every silo).
set -euo pipefail

pg_bin=${AVTS_PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}
as_pg=()
[[ $(id -u) -eq 0 ]] && as_pg=(runuser -u postgres --)

start() {
  local dir=$1 pg_port=$2 redis_port=$3
  mkdir -p "$dir"
  dir=$(cd "$dir" && pwd)
  local password=${AVTS_CLUSTER_PASSWORD:-}
  # A restart (start again on the same DIR) keeps the password the nodes already use.
  [[ -z $password && -f "$dir/env" ]] && password=$(sed -n "s/^AVTS_CLUSTER_PASSWORD=//p" "$dir/env")
  [[ -n $password ]] || password=$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')
  [[ -x "$pg_bin/initdb" ]] || { echo "cluster-servers: no PostgreSQL under $pg_bin (install postgresql)" >&2; exit 1; }
  command -v redis-server >/dev/null || { echo "cluster-servers: no redis-server (install redis-server)" >&2; exit 1; }

  mkdir -p "$dir/pg" "$dir/redis"
  chmod 700 "$dir/pg"
  [[ ${#as_pg[@]} -gt 0 ]] && chown postgres "$dir/pg"
  # The server's user must reach DIR (mktemp makes folders 700, owned by root): DIR gets a+x here, its parents are
  # the caller's to open (run-cluster.sh and the test fixture make theirs 711).
  chmod a+x "$dir"
  if [[ ${#as_pg[@]} -gt 0 ]] && ! "${as_pg[@]}" test -x "$dir/pg"; then
    echo "cluster-servers: user postgres cannot reach $dir (a parent folder is closed to it: chmod a+x it)" >&2
    exit 1
  fi
  if [[ ! -f "$dir/pg/data/PG_VERSION" ]]; then
    printf '%s\n' "$password" > "$dir/pg/pwfile"
    [[ ${#as_pg[@]} -gt 0 ]] && chown postgres "$dir/pg/pwfile"
    "${as_pg[@]}" "$pg_bin/initdb" -D "$dir/pg/data" -U avts --auth=scram-sha-256 --pwfile="$dir/pg/pwfile" -E UTF8 --no-sync >"$dir/pg/initdb.log" 2>&1 \
      || { cat "$dir/pg/initdb.log" >&2; exit 1; }
    rm -f "$dir/pg/pwfile"
  fi
  if ! "${as_pg[@]}" "$pg_bin/pg_ctl" -D "$dir/pg/data" status >/dev/null 2>&1; then
    "${as_pg[@]}" "$pg_bin/pg_ctl" -D "$dir/pg/data" -l "$dir/pg/server.log" -w -t 30 \
      -o "-h 127.0.0.1 -p $pg_port -k $dir/pg -c max_connections=300" start >/dev/null \
      || { cat "$dir/pg/server.log" >&2; exit 1; }
  fi
  PGPASSWORD=$password "${as_pg[@]}" "$pg_bin/psql" -h 127.0.0.1 -p "$pg_port" -U avts -d postgres -qtAc \
    "SELECT 1 FROM pg_database WHERE datname = 'avts'" | grep -q 1 \
    || PGPASSWORD=$password "${as_pg[@]}" "$pg_bin/psql" -h 127.0.0.1 -p "$pg_port" -U avts -d postgres -qc "CREATE DATABASE avts" >/dev/null

  REDISCLI_AUTH=$password redis-cli -h 127.0.0.1 -p "$redis_port" ping 2>/dev/null | grep -q PONG ||
  redis-server --port "$redis_port" --bind 127.0.0.1 --requirepass "$password" --save "" --appendonly yes \
    --dir "$dir/redis" --daemonize yes --pidfile "$dir/redis/redis.pid" --logfile "$dir/redis/redis.log"
  for _ in $(seq 1 50); do
    REDISCLI_AUTH=$password redis-cli -h 127.0.0.1 -p "$redis_port" ping 2>/dev/null | grep -q PONG && break
    sleep 0.1
  done
  REDISCLI_AUTH=$password redis-cli -h 127.0.0.1 -p "$redis_port" ping | grep -q PONG \
    || { cat "$dir/redis/redis.log" >&2; exit 1; }

  umask 077
  cat > "$dir/env" <<ENV
AVTS_PG='Host=127.0.0.1;Port=$pg_port;Username=avts;Password=$password;Database=avts;Maximum Pool Size=20'
AVTS_REDIS='127.0.0.1:$redis_port,password=$password'
AVTS_PG_PORT=$pg_port
AVTS_REDIS_PORT=$redis_port
AVTS_CLUSTER_PASSWORD=$password
ENV
  echo "$dir/env"
}

stop() {
  local dir=$1
  if [[ -f "$dir/redis/redis.pid" ]]; then
    kill "$(cat "$dir/redis/redis.pid")" 2>/dev/null || true
    rm -f "$dir/redis/redis.pid"
  fi
  if [[ -f "$dir/pg/data/postmaster.pid" ]]; then
    "${as_pg[@]}" "$pg_bin/pg_ctl" -D "$dir/pg/data" -m fast -w stop >/dev/null 2>&1 || true
  fi
}

stop_one() {
  local dir=$1 which=$2 pid
  case $which in
    redis)
      [[ -f "$dir/redis/redis.pid" ]] || return 0
      pid=$(cat "$dir/redis/redis.pid")
      kill "$pid" 2>/dev/null || true
      # Until it is gone, so a restart can bind the port again.
      for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      rm -f "$dir/redis/redis.pid" ;;
    pg) "${as_pg[@]}" "$pg_bin/pg_ctl" -D "$dir/pg/data" -m fast -w stop >/dev/null 2>&1 || true ;;
    *) echo "usage: $0 stop-one DIR redis|pg" >&2; exit 2 ;;
  esac
}

case ${1:-} in
  start) [[ $# -eq 4 ]] || { echo "usage: $0 start DIR PG_PORT REDIS_PORT" >&2; exit 2; }; start "$2" "$3" "$4" ;;
  stop-one) [[ $# -eq 3 ]] || { echo "usage: $0 stop-one DIR redis|pg" >&2; exit 2; }; stop_one "$2" "$3" ;;
  stop) [[ $# -eq 2 ]] || { echo "usage: $0 stop DIR" >&2; exit 2; }; stop "$2" ;;
  *) echo "usage: $0 start DIR PG_PORT REDIS_PORT | stop DIR" >&2; exit 2 ;;
esac

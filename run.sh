#!/usr/bin/env bash
# Starts the Avts dashboard: installs what is missing, builds (Release), runs Avts.Web with the demo streams
# (demo-sync, demo-drift) and prints the URL once /healthz answers. Ctrl-C stops it.
# The command-line demo (check + fix of a generated clip) is scripts/demo-check.sh.
# Environment: AVTS_URL (default http://127.0.0.1:5080), AVTS__APIKEY (default: a fresh key, printed).
# ./run.sh --cluster N [--data DIR]: cluster mode instead (see docs/cluster.md): private PostgreSQL and Redis on
# loopback, N hosts on consecutive ports from 5080, one line per node; Ctrl-C stops everything it started.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
cd "$root"
if [[ ${1:-} == --cluster ]]; then
  shift
  exec ./scripts/run-cluster.sh "$@"
fi
./scripts/ensure-deps.sh curl
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build Avts.Web/Avts.Web.csproj -c Release --nologo -v q -clp:ErrorsOnly

url=${AVTS_URL:-http://127.0.0.1:5080}
# QA jobs and fixes are control endpoints: without a key they are refused, so the dashboard gets one per run.
export AVTS__APIKEY=${AVTS__APIKEY:-$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')}
# Content root Avts.Web: wwwroot (the dashboard) and data/ (database, demo clip, QA files) live there.
dotnet Avts.Web/bin/Release/net10.0/Avts.Web.dll --contentRoot "$root/Avts.Web" --urls "$url" --Avts:Demo=true &
server=$!
trap 'kill "$server" 2>/dev/null; wait "$server" 2>/dev/null; exit 0' INT TERM

for _ in $(seq 1 120); do
  if ! kill -0 "$server" 2>/dev/null; then
    wait "$server" || true
    echo "avts: the web host exited during start-up (see the messages above)" >&2
    exit 1
  fi
  if curl -s "$url/healthz" >/dev/null 2>&1; then
    echo
    echo "Avts dashboard: $url/"
    echo "API key (QA page, POST endpoints): $AVTS__APIKEY"
    echo "Ctrl-C stops it."
    wait "$server"
    exit $?
  fi
  sleep 0.5
done
echo "avts: no answer from $url/healthz after 60 s" >&2
kill "$server" 2>/dev/null
exit 1

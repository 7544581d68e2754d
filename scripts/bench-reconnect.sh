#!/usr/bin/env bash
# Kills and restarts an RTSP publisher (and its relay) CYCLES times (default 20) under a live monitor and checks that
# every restart reconnects and that no ffmpeg is left behind: the end-to-end test
# LiveRtspMonitorTests.Monitor_PublisherKilledAndRestarted_* with more cycles than ./test.sh runs (3).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
./scripts/ensure-deps.sh rtsp-server-perl
dotnet build Avts.Tests/Avts.Tests.csproj -c Release --nologo -v q -clp:ErrorsOnly
AVTS_RECONNECT_CYCLES=${1:-20} dotnet test Avts.Tests/Avts.Tests.csproj -c Release --no-build --nologo \
  --filter "FullyQualifiedName~LiveRtspMonitorTests.Monitor_PublisherKilledAndRestarted" --logger "console;verbosity=detailed" \
  | grep -E "restarts|Passed|Failed|Error Message|timed out"

#!/usr/bin/env bash
# Reconnect benchmarks on loopback (the end-to-end tests with more cycles than ./test.sh runs).
#
#   scripts/bench-reconnect.sh [CYCLES]
#       RTSP: kills and restarts a publisher (and its relay) CYCLES times (default 20) under a live monitor and checks
#       that every restart reconnects and no ffmpeg is left behind (LiveRtspMonitorTests.Monitor_PublisherKilledAndRestarted_*;
#       ./test.sh runs 3).
#   scripts/bench-reconnect.sh udp|srt|rtmp|listeners [CYCLES [OUTAGE_S]]
#       A sender that avts listens to (MPEG-TS over UDP, SRT caller, RTMP publisher; "listeners": all three) goes
#       silent for OUTAGE_S seconds (default 15) CYCLES times (default 5) with the product's stall/connect timeouts;
#       prints when media came back after each restart (must be within 5 s) and the status timeline
#       (ListenerReconnectTests; ./test.sh runs 2 outages of 6 s with short timeouts).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
mode=${1:-20}
case "$mode" in
  udp|srt|rtmp|listeners)
    ./scripts/ensure-deps.sh
    dotnet build Avts.Tests/Avts.Tests.csproj -c Release --nologo -v q -clp:ErrorsOnly
    filter="FullyQualifiedName~ListenerReconnectTests"
    [[ $mode == listeners ]] || filter="$filter&DisplayName~$mode"
    AVTS_OUTAGE_CYCLES=${2:-5} AVTS_OUTAGE_SECONDS=${3:-15} dotnet test Avts.Tests/Avts.Tests.csproj -c Release --no-build --nologo \
      --filter "$filter" --logger "console;verbosity=detailed" \
      | grep -E " s  |outages|Passed |Failed |Error Message|timed out|recovery took"
    ;;
  *)
    ./scripts/ensure-deps.sh rtsp-server-perl
    dotnet build Avts.Tests/Avts.Tests.csproj -c Release --nologo -v q -clp:ErrorsOnly
    AVTS_RECONNECT_CYCLES=$mode dotnet test Avts.Tests/Avts.Tests.csproj -c Release --no-build --nologo \
      --filter "FullyQualifiedName~LiveRtspMonitorTests.Monitor_PublisherKilledAndRestarted" --logger "console;verbosity=detailed" \
      | grep -E "restarts|Passed|Failed|Error Message|timed out"
    ;;
esac

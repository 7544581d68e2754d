#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test. Exit code: 0 when all pass.
set -uo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
cd "$root"
# The live tests start a real RTSP server and a private PulseAudio daemon with a null sink; the dashboard test drives
# Debian's chromium through Playwright. The cluster tests (Category=Cluster) start a private PostgreSQL and Redis.
./scripts/ensure-deps.sh rtsp-server-perl pulseaudio pulseaudio-utils chromium redis-server postgresql || exit 1
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build Avts.Live.sln -c Release --nologo -v q -clp:ErrorsOnly || exit 1
dotnet test Avts.Live.sln -c Release --no-build --nologo "$@"

#!/usr/bin/env bash
# `avts bench live` twice: on the generated 640x360 25 fps flash/beep clip (grainy, ~1 Mbit/s), and, when
# ../shared/data is there, on a real talking head (LRS3 00018, scaled to 640x360 25 fps) — the face detector then
# runs on every window. Writes artifacts/bench-live-{generated,lrs3}.json. Usage: scripts/bench-live.sh [--seconds S]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
mkdir -p "$root/artifacts" "$root/.tmp/bench"
"$root/scripts/ensure-deps.sh"
"$root/avts" --version >/dev/null   # build once, outside the run
"$root/avts" bench live --json "$root/artifacts/bench-live-generated.json" "$@"
source_clip="$root/../shared/data/av/lrs3-00018/00018.mp4"
if [[ -f $source_clip ]]; then
  clip="$root/.tmp/bench/lrs3-00018-640x360.mp4"
  [[ -f $clip ]] || ffmpeg -hide_banner -v error -y -i "$source_clip" -vf "scale=640:360,fps=25" \
    -c:v libx264 -preset veryfast -g 25 -c:a aac -b:a 128k "$clip"
  "$root/avts" bench live --media "$clip" --json "$root/artifacts/bench-live-lrs3.json" "$@"
fi

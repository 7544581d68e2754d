#!/usr/bin/env bash
# Speed of `avts check` on a 60 s 640x360 25 fps H.264 + AAC clip, beside ffmpeg's decode-only time for the same
# clip. Prints a table and writes JSON (default: artifacts/bench-check-speed.json). Runs each command 3 times and
# keeps the median. Usage: scripts/bench-check-speed.sh [OUT.json]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
out=${1:-$root/artifacts/bench-check-speed.json}
mkdir -p "$(dirname "$out")" "$root/.tmp/bench"
clip="$root/.tmp/bench/speed-60s-640x360.mp4"
"$root/scripts/ensure-deps.sh"
if [[ ! -f $clip ]]; then
  # Moving test pattern with a flash+beep every 2 s so the check has something to sync on.
  ffmpeg -hide_banner -v error -y \
    -f lavfi -i "testsrc2=s=640x360:r=25:d=60,geq=lum='if(lt(mod(N\,50)\,1)\,235\,lum(X\,Y))':cb='cb(X\,Y)':cr='cr(X\,Y)'" \
    -f lavfi -i "aevalsrc='if(lt(mod(t\,2)\,0.06)\,0.5*sin(2*PI*1000*t)\,0)+0.01*(random(0)-0.5)':s=48000:d=60" \
    -c:v libx264 -preset medium -pix_fmt yuv420p -c:a aac -b:a 128k -shortest "$clip"
fi
"$root/avts" --version >/dev/null   # build once, outside the timings

median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
time_cmd() {
  for _ in 1 2 3; do
    local start end
    start=$(date +%s.%N)
    "$@" >/dev/null 2>&1 || true
    end=$(date +%s.%N)
    echo "$end - $start" | awk '{ printf "%.3f\n", $1 - $3 }'
  done | median
}
decode=$(time_cmd ffmpeg -v error -i "$clip" -f null -)
decode_scaled=$(time_cmd ffmpeg -v error -i "$clip" -vf scale=320:-2,format=gray -f null - -map 0:a -ac 1 -ar 16000 -f null -)
check=$(time_cmd "$root/avts" check "$clip" --format json)
duration=60
printf '| what | seconds | x real time |\n|---|---:|---:|\n'
for row in "ffmpeg decode only (full size)|$decode" "ffmpeg decode + scale to 320 px grey + 16 kHz mono|$decode_scaled" "avts check (onset, whole run incl. start-up)|$check"; do
  name=${row%%|*}; secs=${row##*|}
  printf '| %s | %s | %s |\n' "$name" "$secs" "$(awk -v d=$duration -v s="$secs" 'BEGIN { printf "%.1f", d / s }')"
done
cat >"$out" <<JSON
{"benchmark":"check-speed","clip":{"duration_s":$duration,"width":640,"height":360,"fps":25,"codec":"h264"},"machine":{"cores":$(nproc)},"results":{"ffmpeg_decode_s":$decode,"ffmpeg_decode_scaled_s":$decode_scaled,"avts_check_s":$check}}
JSON
echo "wrote $out" >&2

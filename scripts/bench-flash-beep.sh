#!/usr/bin/env bash
# Accuracy of `avts check` on generated flash + beep clips with known audio delays. Each clip: 10 s, a one-frame
# white flash at irregular times on a dark background, a 1 kHz beep starting exactly DELAY ms after each
# flash, H.264 + AAC in MP4 (so AAC priming/edit lists are exercised). Prints a table, writes JSON.
# Usage: scripts/bench-flash-beep.sh [--fps 25|30000/1001] [OUT.json]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
fps=25
if [[ ${1:-} == --fps ]]; then fps=$2; shift 2; fi
out=${1:-$root/artifacts/bench-flash-beep.json}
delays=(-700 -240 -80 0 40 120 500)
work="$root/.tmp/bench/flash-beep"
mkdir -p "$work" "$(dirname "$out")"
"$root/scripts/ensure-deps.sh"
"$root/avts" --version >/dev/null
# Flash frame numbers chosen irregularly so no periodicity can alias the estimate.
flash_frames=(12 47 71 118 140 186 203 251)
fps_value=$(awk -v f="$fps" 'BEGIN { split(f, p, "/"); print (p[2] ? p[1] / p[2] : p[1]) }')
lum_expr="16"
beep_expr="0"
for n in "${flash_frames[@]}"; do
  lum_expr="if(eq(N\\,$n)\\,235\\,$lum_expr)"
done
rows=()
json_rows=()
for d in "${delays[@]}"; do
  clip="$work/flash-beep-${fps//\//_}-$d.mp4"
  beep_expr="0"
  for n in "${flash_frames[@]}"; do
    t=$(awk -v n="$n" -v f="$fps_value" -v d="$d" 'BEGIN { printf "%.6f", n / f + d / 1000 }')
    beep_expr="$beep_expr+between(t\\,$t\\,$t+0.06)*0.5*sin(2*PI*1000*(t-$t))"
  done
  if [[ ! -f $clip ]]; then
    ffmpeg -hide_banner -v error -y \
      -f lavfi -i "color=c=gray:s=640x360:r=$fps:d=10,format=gray,geq=lum='$lum_expr'" \
      -f lavfi -i "aevalsrc='$beep_expr':s=48000:d=10" \
      -c:v libx264 -pix_fmt yuv420p -c:a aac -b:a 192k "$clip"
  fi
  json=$("$root/avts" check "$clip" --format json --range 2 || true)
  est=$(printf '%s' "$json" | python3 -c 'import json,sys; d=json.load(sys.stdin); v=d["audio_delay_ms"]; print("null" if v is None else f"{v:.1f}")' 2>/dev/null || echo null)
  conf=$(printf '%s' "$json" | python3 -c 'import json,sys; print("%.2f" % json.load(sys.stdin)["confidence"])' 2>/dev/null || echo null)
  err=$(awk -v e="$est" -v d="$d" 'BEGIN { if (e == "null") print "null"; else printf "%.1f", e - d }')
  rows+=("| $d | $est | $err | $conf |")
  json_rows+=("{\"delay_ms\":$d,\"estimate_ms\":$est,\"error_ms\":$err,\"confidence\":$conf}")
done
printf 'fps %s\n| true delay ms | estimate ms | error ms | confidence |\n|---:|---:|---:|---:|\n' "$fps"
printf '%s\n' "${rows[@]}"
(IFS=,; printf '{"benchmark":"flash-beep","fps":"%s","results":[%s]}\n' "$fps" "${json_rows[*]}") >"$out"
echo "wrote $out" >&2

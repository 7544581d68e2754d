#!/usr/bin/env bash
# Accuracy of `avts check` on generated flash + beep clips with known audio delays (scripts/make-flash-beep.sh:
# 10 s, irregular one-frame flashes, a beep DELAY ms after each, H.264 + AAC in MP4, so AAC priming and edit lists
# are exercised). Prints a table, writes JSON.
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
rows=()
json_rows=()
for d in "${delays[@]}"; do
  clip="$work/flash-beep-${fps//\//_}-$d.mp4"
  [[ -f $clip ]] || "$root/scripts/make-flash-beep.sh" "$clip" "$d" "$fps"
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

#!/usr/bin/env bash
# Runs a command and reports the peak resident memory of its whole process tree (the command plus every child, e.g.
# avts and its ffmpeg decoders), sampled every 0.2 s, and the wall time, on stderr:
#   scripts/peak-rss.sh ./avts check long.mp4 --format json > report.json
#   -> peak-rss: 612.4 MiB (tree), 488.1 MiB (largest process), 18.6 s
# GNU time's "maximum resident set size" reports one process, not the sum over the decoders beside it.
set -uo pipefail
"$@" &
pid=$!
peak_tree=0
peak_one=0
start=$(date +%s.%N)
tree() { local p=$1; echo "$p"; for c in $(pgrep -P "$p"); do tree "$c"; done; }
while kill -0 "$pid" 2>/dev/null; do
  pids=$(tree "$pid" | tr '\n' ',' | sed 's/,$//')
  if [[ -n $pids ]]; then
    read -r sum one < <(ps -o rss= -p "$pids" 2>/dev/null | awk '{ s += $1; if ($1 > m) m = $1 } END { print s + 0, m + 0 }')
    (( sum > peak_tree )) && peak_tree=$sum
    (( one > peak_one )) && peak_one=$one
  fi
  sleep 0.2
done
wait "$pid"
status=$?
end=$(date +%s.%N)
awk -v t="$peak_tree" -v o="$peak_one" -v s="$start" -v e="$end" \
  'BEGIN { printf "peak-rss: %.1f MiB (tree), %.1f MiB (largest process), %.1f s\n", t / 1024, o / 1024, e - s }' >&2
exit "$status"

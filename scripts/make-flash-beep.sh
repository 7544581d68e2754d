#!/usr/bin/env bash
# Writes a test clip whose sound is exactly DELAY_MS late (negative: early): a one-frame white flash at irregular
# frames on a dark picture, a 1 kHz beep starting DELAY_MS after each flash; H.264 + AAC 48 kHz in MP4.
# Irregular spacing matters: periodic flashes make every multiple of the period an equally good answer.
# Usage: scripts/make-flash-beep.sh OUT.mp4 DELAY_MS [FPS (25 or 30000/1001)] [SIZE (640x360)]
set -euo pipefail
out=$1
delay=$2
fps=${3:-25}
size=${4:-640x360}
duration=10
flash_frames=(12 47 71 118 140 186 203 251)
fps_value=$(awk -v f="$fps" 'BEGIN { split(f, p, "/"); print (p[2] ? p[1] / p[2] : p[1]) }')
lum_expr="16"
beep_expr="0"
for n in "${flash_frames[@]}"; do
  lum_expr="if(eq(N\\,$n)\\,235\\,$lum_expr)"
  t=$(awk -v n="$n" -v f="$fps_value" -v d="$delay" 'BEGIN { printf "%.6f", n / f + d / 1000 }')
  beep_expr="$beep_expr+between(t\\,$t\\,$t+0.06)*0.5*sin(2*PI*1000*(t-$t))"
done
ffmpeg -hide_banner -v error -y \
  -f lavfi -i "color=c=gray:s=$size:r=$fps:d=$duration,format=gray,geq=lum='$lum_expr'" \
  -f lavfi -i "aevalsrc='$beep_expr':s=48000:d=$duration" \
  -c:v libx264 -pix_fmt yuv420p -c:a aac -b:a 192k "$out"

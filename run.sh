#!/usr/bin/env bash
# Installs what is missing, builds, and runs a demo. Until the dashboard lands this is a demo check: a generated
# flash-and-beep clip whose sound is 120 ms late is checked, then corrected with `avts fix` and checked again.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
cd "$root"
./scripts/ensure-deps.sh
demo="$root/.tmp/demo"
mkdir -p "$demo"
clip="$demo/flash-beep-late120.mp4"
if [[ ! -f $clip ]]; then
  # A white flash every 1.6 s (one frame) on a black picture; a 1 kHz beep 120 ms after each flash.
  ffmpeg -hide_banner -v error -y \
    -f lavfi -i "color=c=black:s=640x360:r=25:d=12,geq=lum='if(lt(mod(N\,40)\,1)\,235\,16)':cb=128:cr=128" \
    -f lavfi -i "aevalsrc='if(lt(mod(t-0.12\,1.6)\,0.08)*gte(t\,0.12)\,0.5*sin(2*PI*1000*t)\,0)':s=48000:d=12" \
    -c:v libx264 -pix_fmt yuv420p -c:a aac -b:a 192k -shortest "$clip"
fi
echo "== avts check $clip" >&2
set +e
./avts check "$clip" --plot "$demo/check.png"
code=$?
set -e
echo "(exit code $code; plot: $demo/check.png)" >&2
echo "== avts fix --auto" >&2
./avts fix "$clip" "$demo/fixed.mp4" --auto || true

#!/usr/bin/env bash
# The command-line demo (run.sh starts the dashboard instead): a generated flash-and-beep clip whose sound is 120 ms
# late (scripts/make-flash-beep.sh) is checked, then corrected with `avts fix --auto`, which re-checks the copy.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
./scripts/ensure-deps.sh
demo="$root/.tmp/demo"
mkdir -p "$demo"
clip="$demo/flash-beep-late120.mp4"
[[ -f $clip ]] || ./scripts/make-flash-beep.sh "$clip" 120
echo "== avts check $clip" >&2
set +e
./avts check "$clip" --plot "$demo/check.png"
code=$?
set -e
echo "(exit code $code; plot: $demo/check.png)" >&2
echo "== avts fix $clip $demo/fixed.mp4 --auto" >&2
./avts fix "$clip" "$demo/fixed.mp4" --auto

#!/usr/bin/env bash
# Reproduces the shipped lip-sync weights (models/avts-lips.pt + card) from the repository root on a CPU machine:
# the speaker splits, training, calibration on speakers the training never saw, copy to models/. Needs ../shared/data
# (faces/, av/, GRID s1) and Debian's libdlib-data (scripts/ensure-deps.sh installs it). 2 cores: about 8 min to
# follow every face once (cached in runs/lips-cache), 20 min of training, 15 min of calibration and commit sweep.
#   scripts/train-lips.sh [CONFIG (default training/configs/lips-shape.json)] [EPOCH_TO_SHIP (default: the best
#   validation offset accuracy of the last 10 epochs, ties by hard-negative accuracy)]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
shared=../shared/data
config=${1:-training/configs/lips-shape.json}
run=runs/$(basename "$config" .json)
./scripts/ensure-deps.sh
dotnet build training/Avts.Training -c Release --nologo -v q -clp:ErrorsOnly
# A copy of the build runs the long jobs, so a rebuild meanwhile cannot pull the assembly from under them.
bin=$(mktemp -d)
cp -r training/Avts.Training/bin/Release/net10.0/. "$bin/"
train() { dotnet "$bin/avts-train.dll" "$@"; }

./scripts/make-lips-splits.sh runs/lips-splits "$shared"
train train --config "$config" --out "$run"

epoch=${2:-$(python3 - "$run/metrics.csv" <<'PY'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1])))[-10:]
best = max(rows, key=lambda r: (float(r['offset_acc_40ms']), float(r['val_hard_acc']), int(r['epoch'])))
print(best['epoch'])
PY
)}
weights=$run/epoch_$(printf "%03d" "$epoch").bin
echo "train-lips: shipping epoch $epoch ($weights)" >&2

# Calibration on speakers the training never read: the table is fitted on the validation speakers and the 20 GRID
# clips the run held out; its ECE is measured on the dev speakers (measured only: nothing is fitted on them). The
# commit confidence is then the lowest at which the dev speakers' confidently wrong answers stay at or under 2 %
# (scripts/commit-sweep.py over a bench shift run; the one value chosen on the dev speakers, and the sweep reports
# leave-one-source-out figures to show what that choice flatters).
fit=$run-calibration-fit
rm -rf "$fit" && mkdir -p "$fit"
for f in runs/lips-splits/val/*; do ln -s "$(readlink -f "$f")" "$fit/$(basename "$f")"; done
python3 - "$config" "$shared/train/grid-s1-crops" "$fit" <<'PY'
import json, os, re, sys
config, grid, out = sys.argv[1:]
validation = set(json.loads(re.sub(r'//.*', '', open(config).read()))['validation_files'])
for name in sorted(validation):
    if name.endswith('.mkv'):
        os.symlink(os.path.join(grid, name), os.path.join(out, name))
PY
train calibrate --weights "$weights" --data "$fit" --held-out runs/lips-splits/dev --shifts 0,80,-80,200,-200,400,-400,1000,-1000 --write
sweep=$run-bench-dev.json
AVTS_LIPS_WEIGHTS=$weights ./avts bench shift --data runs/lips-splits/dev --methods lips --json "$sweep" >/dev/null
commit=${COMMIT_CONFIDENCE:-$(python3 scripts/commit-sweep.py "$sweep" | sed -n 's/^lowest threshold.*: //p')}
[[ $commit == None ]] && commit=0.95
echo "train-lips: commit confidence $commit" >&2
# The sweep reads confidences, which the commit threshold does not change: set it in the card without recalibrating.
python3 - "${weights%.bin}.card.json" "$commit" <<'PY'
import json, sys
path, commit = sys.argv[1], float(sys.argv[2])
card = json.load(open(path))
card['commit_confidence'] = commit
json.dump(card, open(path, 'w'), indent=2)
PY

cp "$weights" models/avts-lips.pt
cp "${weights%.bin}.card.json" models/avts-lips.card.json
rm -rf "$bin"
echo "train-lips: models/avts-lips.pt from $weights" >&2

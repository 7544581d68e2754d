#!/usr/bin/env bash
# Reproduces the shipped AVTS weights (models/avts-SIZE.pt + card) from the repository root on a CPU machine:
# synthetic corpus, the av train split, two training stages, calibration on held-out videos, copy to models/.
# Needs ../shared/data (GRID s1, the av clips, the speech recordings). Training on 2 cores: about 30 min for nano
# (the default model), 60 min for tiny.
#   scripts/train-shipped.sh [nano|tiny, default nano] [EPOCH_TO_SHIP, default 47]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
shared=../shared/data
dotnet build training/Avts.Training -c Release --nologo -v q -clp:ErrorsOnly
train=training/Avts.Training/bin/Release/net10.0/avts-train
mkdir -p runs
[[ -f runs/corpus-ship/corpus.json ]] || "$train" corpus synth --out runs/corpus-ship --count 300 --seed 7 --speech "$shared/speech" -q

# The av train split: four talking heads and Big Buck Bunny; talking/4.mp4, lrs3-00018, the pancake clip, chaplin.mp4
# and smpte-2997.mp4 stay unseen (fire2 and the 1 s Big Buck Bunny are too short). The run's validation draw holds
# talking/1.mp4 out as well.
mkdir -p runs/av-train
for f in talking/1.mp4 talking/2.mp4 talking/3.mp4 talking/5.mp4 events/big_buck_bunny_0_30.webm; do
  ln -sfn "$(cd "$shared/av" && pwd)/$f" "runs/av-train/${f//\//_}"
done

size=${1:-nano}
[[ $size == nano || $size == tiny ]] || { echo "train-shipped.sh: size must be nano or tiny, not $size" >&2; exit 2; }
run=runs/$size
"$train" train --config "training/configs/$size-stage1.json" --out "$run"
"$train" train --config "training/configs/$size-stage2.json" --out "$run" --resume
epoch=$(printf "%03d" "${2:-47}")

# Calibration: fit on half of the run's validation videos (state.json lists them) plus 80 fresh synthetic 8 s clips,
# measure the ECE on the other half plus 24 other synthetic clips (also the held-out synthetic accuracy figure).
mkdir -p "$run-calibration-fit" "$run-calibration-held"
[[ -f runs/synth-calfit/corpus.json ]] || "$train" corpus synth --out runs/synth-calfit --count 80 --seed 5151 --duration 8 --speech "$shared/speech" -q
[[ -f runs/synth-heldout/corpus.json ]] || "$train" corpus synth --out runs/synth-heldout --count 24 --seed 4242 --duration 8 --speech "$shared/speech" -q
for f in runs/synth-calfit/*.mp4; do ln -sfn "$PWD/$f" "$run-calibration-fit/calfit_$(basename "$f")"; done
for f in runs/synth-heldout/*.mp4; do ln -sfn "$PWD/$f" "$run-calibration-held/heldout_$(basename "$f")"; done
i=0
while read -r video; do
  [[ $((i % 2)) -eq 0 ]] && dir=$run-calibration-fit || dir=$run-calibration-held
  ln -sfn "$video" "$dir/$(basename "$(dirname "$video")")_$(basename "$video")"
  i=$((i + 1))
done < <(sed -n '/validation_videos/,/]/p' "$run/state.json" | grep -o '"/[^"]*"' | tr -d '"' | sort)
mkdir -p models
cp "$run/epoch_$epoch.bin" "models/avts-$size.pt"
cp "$run/epoch_$epoch.card.json" "models/avts-$size.card.json"
"$train" calibrate --weights "models/avts-$size.pt" --data "$run-calibration-fit" --held-out "$run-calibration-held" --write

#!/usr/bin/env bash
# Builds the speaker-disjoint folders of the lips training (symbolic links, nothing copied) from the shared data:
#   OUT/dev    faces/ clips of the speakers in training/splits/faces-dev-speakers.txt (never trained on)
#   OUT/val    faces/ clips of the speakers in training/splits/faces-val-speakers.txt (checkpoint choice only)
#   OUT/train  every other faces/ clip, the talking heads of av/ (talking/*.mp4, lrs3-00018)
# GRID s1 (../shared/data/train/grid-s1 and grid-s1-crops) is added by the training config itself.
# Usage: scripts/make-lips-splits.sh [OUT (default runs/lips-splits)] [SHARED (default ../shared/data)]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
out=${1:-$root/runs/lips-splits}
shared=$(cd "${2:-$root/../shared/data}" && pwd)
manifest="$shared/faces/MANIFEST.csv"
[[ -f $manifest ]] || { echo "make-lips-splits: no $manifest" >&2; exit 1; }
rm -rf "$out"
mkdir -p "$out/dev" "$out/val" "$out/train"
# The manifest quotes fields with commas: read it with a CSV parser (Debian's python3), then link.
/usr/bin/python3 - "$manifest" "$root/training/splits" "$shared/faces" "$out" <<'PY'
import csv, os, sys
manifest, splits, faces, out = sys.argv[1:]
def speakers(name):
    with open(os.path.join(splits, name)) as f:
        return {line.strip() for line in f if line.strip() and not line.startswith('#')}
dev, val = speakers('faces-dev-speakers.txt'), speakers('faces-val-speakers.txt')
with open(manifest, newline='') as f:
    for row in csv.DictReader(f):
        speaker = row['speaker_id']
        split = 'dev' if speaker in dev else 'val' if speaker in val else 'train'
        name = speaker.replace(':', '_').replace('/', '_') + '-' + os.path.basename(row['path'])
        os.symlink(os.path.join(faces, row['path']), os.path.join(out, split, name))
PY
for clip in "$shared"/av/talking/*.mp4 "$shared"/av/lrs3-00018/00018.mp4; do
  ln -s "$clip" "$out/train/av_$(basename "$(dirname "$clip")")_$(basename "$clip")"
done
for split in dev val train; do
  echo "$split: $(find "$out/$split" -type l | wc -l) clips" >&2
done

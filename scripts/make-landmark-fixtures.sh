#!/usr/bin/env bash
# Regenerates the landmark fixtures in Avts.Tests/TestData/landmarks/: grey PNG frames of GRID speaker s1 (CC BY 4.0)
# and, for each, dlib's own 68-point landmarks (one JSON line per face) from the reference tool
# ../shared/tools/dlib-landmarks (its build.sh installs libdlib-dev/libdlib-data and compiles it).
#   scripts/make-landmark-fixtures.sh [GRID_DIR] [DLIB_TOOL]
# Defaults: ../shared/data/train/grid-s1 and /tmp/dlib-landmarks (built when missing).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
grid=${1:-$root/../shared/data/train/grid-s1}
tool=${2:-/tmp/dlib-landmarks}
model=/usr/share/dlib/shape_predictor_68_face_landmarks.dat
out="$root/Avts.Tests/TestData/landmarks"
[[ -x $tool ]] || "$root/../shared/tools/dlib-landmarks/build.sh" "$tool"
mkdir -p "$out"

frame() { # name clip index [extra filter]
  ffmpeg -nostdin -hide_banner -loglevel error -y -i "$grid/$2.mpg" \
    -vf "select=eq(n\,$3)${4:+,$4},format=gray" -frames:v 1 -fps_mode passthrough "$out/$1.png"
}

frame closed-smile bbaf3s 8
frame open briz7s 40
frame mid lgbf9s 22
frame blink pgaq7s 40
frame small-face briz7s 22 "scale=252:202:flags=area"   # the face is about 85 px wide
frame given-box lgbf9s 55
# Two faces side by side: dlib's detector finds both.
ffmpeg -nostdin -hide_banner -loglevel error -y -i "$grid/bbaf3s.mpg" -i "$grid/pgaq7s.mpg" -filter_complex \
  "[0]select=eq(n\,55)[a];[1]select=eq(n\,8)[b];[a][b]hstack,format=gray" -frames:v 1 -fps_mode passthrough "$out/two-faces.png"

for png in "$out"/*.png; do
  name=$(basename "$png" .png)
  if [[ $name == given-box ]]; then
    # A box that is not the detector's: larger and off-centre, as a tracker or another detector would give.
    "$tool" "$model" "$png" 80 100 235 262 > "$out/$name.json"
  else
    "$tool" "$model" "$png" > "$out/$name.json"
  fi
  echo "$name: $(wc -l < "$out/$name.json") face(s)"
done

#!/usr/bin/env bash
# Measures the Haar -> dlib HOG box mapping that FaceDetector.ToPredictorBox uses: extracts grey frames from real
# talking-face clips (GRID s1, the av/talking heads, every clip of faces/, each decoded so the face is 80 px or more),
# runs dlib's HOG face detector on each (the reference tool ../shared/tools/dlib-landmarks), then
# scripts/fit-face-box.cs runs the Haar detector on the same frames, pairs the boxes and fits the mapping; it also
# counts how often the verifying cascade accepts the proposals on faces and on frames of clips without faces.
#   scripts/fit-face-box.sh [DATA_DIR] [WORK_DIR] [DLIB_TOOL]      (defaults: ../shared/data, /tmp/avts-face-box-fit, /tmp/dlib-landmarks)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
data=${1:-$root/../shared/data}
work=${2:-/tmp/avts-face-box-fit}
tool=${3:-/tmp/dlib-landmarks}
model=/usr/share/dlib/shape_predictor_68_face_landmarks.dat
[[ -x $tool ]] || "$root/../shared/tools/dlib-landmarks/build.sh" "$tool"
mkdir -p "$work"

frames() { # clip width count prefix: COUNT grey frames spread over the clip, scaled to WIDTH
  local n; n=$(ffprobe -v error -count_packets -select_streams v:0 -show_entries stream=nb_read_packets -of csv=p=0 "$1")
  local step=$(( n / ($3 + 1) )); ((step > 0)) || step=1
  ffmpeg -nostdin -hide_banner -loglevel error -y -i "$1" \
    -vf "select='not(mod(n+1\,$step))*lte(n\,$(( step * $3 )))',scale=$2:-2:flags=area,format=gray" \
    -fps_mode passthrough -frames:v "$3" "$work/$4-%02d.png"
}

i=0
for clip in $(ls "$data"/train/grid-s1/*.mpg | sort | awk 'NR % 30 == 1'); do frames "$clip" 360 3 "grid$((i++))"; done
for clip in "$data"/av/talking/*.mp4; do frames "$clip" 480 4 "talking-$(basename "$clip" .mp4)"; done
i=0
while IFS= read -r clip; do
  width=$(ffprobe -v error -select_streams v:0 -show_entries stream=width -of csv=p=0 "$clip")
  frames "$clip" $(( width >= 480 ? 640 : width * 2 )) 2 "faces$((i++))"
done < <(find "$data/faces" -name '*.mp4' | sort)

# Frames without faces, for the verifying cascade's false-alarm count: every 10th frame of four event clips.
mkdir -p "$work/nonface"
for clip in fire2.mp4 flipping_a_pancake.mkv big_buck_bunny_0_30.webm smpte-2997.mp4; do
  ffmpeg -nostdin -hide_banner -loglevel error -y -i "$data/av/events/$clip" \
    -vf "select='not(mod(n\,10))',scale=640:-2:flags=area,format=gray" -fps_mode passthrough "$work/nonface/${clip%%.*}-%03d.png"
done

for png in "$work"/*.png; do
  "$tool" "$model" "$png" > "${png%.png}.json"
done
echo "$(ls "$work"/*.png | wc -l) frames, $(cat "$work"/*.json | wc -l) dlib faces in $work"
(cd "$root/scripts" && dotnet run -c Release fit-face-box.cs -- "$work")

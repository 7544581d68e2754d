#!/usr/bin/env bash
# Installs what Avts needs from Debian when it is missing: ffmpeg/ffprobe (decode, capture), libgtk-3-0 (OpenCvSharp's
# native library links it), libdlib-data (dlib's 68-point face landmark model, read by Avts.Engine's ShapePredictor).
# Idempotent and quiet when everything is there.
set -euo pipefail

missing=()
command -v ffmpeg >/dev/null 2>&1 || missing+=(ffmpeg)
command -v ffprobe >/dev/null 2>&1 || missing+=(ffmpeg)
ldconfig -p 2>/dev/null | grep 'libgtk-3.so.0' >/dev/null || missing+=(libgtk-3-0)  # no -q: an early exit would SIGPIPE ldconfig under pipefail
[[ -f /usr/share/dlib/shape_predictor_68_face_landmarks.dat ]] || missing+=(libdlib-data)
for extra in "$@"; do
  dpkg -s "$extra" >/dev/null 2>&1 || missing+=("$extra")
done
((${#missing[@]})) || exit 0

mapfile -t missing < <(printf '%s\n' "${missing[@]}" | sort -u)
echo "avts: installing missing Debian packages: ${missing[*]}" >&2
sudo_cmd=()
if [[ $(id -u) -ne 0 ]]; then
  command -v sudo >/dev/null 2>&1 || { echo "avts: need root (or sudo) to install: ${missing[*]}" >&2; exit 1; }
  sudo_cmd=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq >&2
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2

#!/usr/bin/env bash
# Writes tiny action-recognition datasets in the real UCF101 and HMDB51 layouts (the same scenes as the test fixture
# Avts.Tests/Fixtures/ActionDatasetFixture.cs): three classes (a white square moving right, moving left, flashing in
# place), GROUPS groups x 2 clips of 2 s each, 160x120 at 25 fps, MPEG-4 in .avi.
#   scripts/make-action-fixtures.sh OUT [GROUPS]   -> OUT/ucf101 and OUT/hmdb51, split 1 only
# UCF101: group 1 is the test list, the others train. HMDB51: group 1 clip 1 tests (2), group 1 clip 2 is unused (0),
# the other groups train (1).
set -euo pipefail
out=${1:?usage: make-action-fixtures.sh OUT [GROUPS]}
groups=${2:-2}
ucf="$out/ucf101"; hmdb="$out/hmdb51"
mkdir -p "$ucf/ucfTrainTestlist" "$hmdb/testTrainMulti_7030_splits"

render() { # path motion variant
  local y=$((20 + ($3 % 6) * 12)) overlay
  case $2 in
    right) overlay="overlay=x='8+55*t':y=$y:shortest=1" ;;
    left) overlay="overlay=x='128-55*t':y=$y:shortest=1" ;;
    *) overlay="overlay=x=68:y=$y:shortest=1:enable='lt(mod(t,0.4),0.2)'" ;;
  esac
  ffmpeg -nostdin -hide_banner -loglevel error -y -f lavfi -i color=c=0x202020:s=160x120:r=25:d=2 \
    -f lavfi -i color=c=white:s=24x24:r=25:d=2 -filter_complex "[0][1]$overlay" -c:v mpeg4 -q:v 4 -an "$1"
}

ucf_classes=(MoveRight MoveLeft Flash); motions=(right left flash)
: > "$ucf/ucfTrainTestlist/trainlist01.txt"; : > "$ucf/ucfTrainTestlist/testlist01.txt"; : > "$ucf/ucfTrainTestlist/classInd.txt"
for i in 0 1 2; do
  c=${ucf_classes[$i]}; mkdir -p "$ucf/UCF-101/$c"
  echo "$((i + 1)) $c" >> "$ucf/ucfTrainTestlist/classInd.txt"
  for g in $(seq 1 "$groups"); do
    for k in 1 2; do
      f=$(printf 'v_%s_g%02d_c%02d.avi' "$c" "$g" "$k")
      render "$ucf/UCF-101/$c/$f" "${motions[$i]}" $((g * 2 + k))
      if [ "$g" = 1 ]; then echo "$c/$f" >> "$ucf/ucfTrainTestlist/testlist01.txt"
      else echo "$c/$f $((i + 1))" >> "$ucf/ucfTrainTestlist/trainlist01.txt"; fi
    done
  done
done

hmdb_classes=(move_right move_left flash)
for i in 0 1 2; do
  c=${hmdb_classes[$i]}; mkdir -p "$hmdb/$c"; list="$hmdb/testTrainMulti_7030_splits/${c}_test_split1.txt"; : > "$list"
  for g in $(seq 1 "$groups"); do
    for k in 1 2; do
      f="Fixture_${c}_f_nm_np1_fr_med_g${g}_${k}.avi"
      render "$hmdb/$c/$f" "${motions[$i]}" $((g * 2 + k))
      if [ "$g" != 1 ]; then m=1; elif [ "$k" = 1 ]; then m=2; else m=0; fi
      echo "$f $m " >> "$list"
    done
  done
done
echo "wrote $ucf and $hmdb ($groups groups x 2 clips x 3 classes each)"

#!/usr/bin/env bash
# The curriculum ablation of the AVTS paper (easy negatives only vs hard negatives from the start vs the curriculum
# easy -> easy/hard mix), on the same data, split, seed and budget; only curriculum.mode differs between the runs.
# Prints a markdown table of the last epoch's validation (sync accuracy on easy and hard negatives, offset accuracy
# within ±40 ms) and writes OUT/ablation.json.
#   scripts/curriculum-ablation.sh OUT [BASE_CONFIG]   (default base: training/configs/ablation.json, run from the repo root)
set -euo pipefail
out=${1:?usage: scripts/curriculum-ablation.sh OUT [BASE_CONFIG]}
base=${2:-training/configs/ablation.json}
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
[[ -f $base ]] || { echo "curriculum-ablation: no base config '$base'" >&2; exit 2; }
dotnet build "$root/training/Avts.Training" -c Release --nologo -v q -clp:ErrorsOnly >&2
train="$root/training/Avts.Training/bin/Release/net10.0/avts-train"
mkdir -p "$out"
modes=(easy-only hard-from-start curriculum)
for mode in "${modes[@]}"; do
  # The base config's comments are stripped by the JSON reader; only the mode is replaced.
  sed -E "s/\"mode\": *\"[a-z-]+\"/\"mode\": \"$mode\"/" "$base" > "$out/$mode.json"
  if [[ ! -f $out/$mode/metrics.csv ]]; then
    "$train" train --config "$out/$mode.json" --out "$out/$mode" > "$out/$mode.log" 2>&1 || { echo "curriculum-ablation: $mode failed, see $out/$mode.log" >&2; exit 1; }
  fi
done

echo "| negatives | epochs | sync acc, easy neg. | sync acc, hard neg. | offset within ±40 ms | distance pos / easy / hard | clips/s |"
echo "|---|---:|---:|---:|---:|---|---:|"
json="["
for mode in "${modes[@]}"; do
  # metrics.csv: epoch,stage,loss,val_easy_acc,val_hard_acc,offset_acc_40ms,clips_per_s,val_pos_dist,val_easy_dist,val_hard_dist,...
  IFS=, read -r epoch _ loss easy hard offset rate pos easyd hardd _ < <(tail -n 1 "$out/$mode/metrics.csv")
  awk -v m="$mode" -v e="$epoch" -v a="$easy" -v h="$hard" -v o="$offset" -v p="$pos" -v ed="$easyd" -v hd="$hardd" -v r="$rate" \
    'BEGIN { printf "| %s | %d | %.1f %% | %.1f %% | %.1f %% | %.3f / %.3f / %.3f | %.0f |\n", m, e, 100*a, 100*h, 100*o, p, ed, hd, r }'
  json+="{\"mode\":\"$mode\",\"epochs\":$epoch,\"loss\":$loss,\"val_easy_acc\":$easy,\"val_hard_acc\":$hard,\"offset_acc_40ms\":$offset,\"val_pos_dist\":$pos,\"val_easy_dist\":$easyd,\"val_hard_dist\":$hardd,\"clips_per_s\":$rate},"
done
printf '%s\n' "{\"benchmark\":\"curriculum-ablation\",\"base_config\":\"$base\",\"results\":${json%,}]}" > "$out/ablation.json"
echo "curriculum-ablation: $out/ablation.json" >&2

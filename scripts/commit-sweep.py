#!/usr/bin/env python3
"""Commit-confidence sweep over `avts bench shift --json` results: for each threshold, the share of cases a method
would answer (confidence >= threshold), answer within ±80 ms absolute, and answer off by more than 80 ms (confidently
wrong), from the peaks and confidences the bench recorded. The lowest threshold whose confidently-wrong share stays
under the target is what scripts/train-lips.sh writes into the card as commit_confidence.
    scripts/commit-sweep.py BENCH.json [--method lips] [--group main] [--target 0.02]"""
import argparse
import json

parser = argparse.ArgumentParser()
parser.add_argument("bench", nargs="+")
parser.add_argument("--method", default="lips")
parser.add_argument("--group", default="main")
parser.add_argument("--target", type=float, default=0.02)
args = parser.parse_args()

cases = [c for f in args.bench for c in json.load(open(f))["cases"]
         if c["method"] == args.method and c["group"] == args.group]
if not cases:
    raise SystemExit(f"no {args.method} cases in group {args.group}")

THRESHOLDS = [step / 100 for step in range(20, 100, 5)]


def within(case):
    return abs(case["peak_ms"] - case["shift_ms"]) <= 80


def tally(cases, t):
    answered = [c for c in cases if c["peak_ms"] is not None and c["confidence"] >= t]
    right = sum(within(c) for c in answered)
    return len(answered), right, len(answered) - right


def lowest_safe(cases):
    return next((t for t in THRESHOLDS if tally(cases, t)[2] <= args.target * len(cases)), None)


print(f"{len(cases)} cases of {args.method}, group {args.group}")
print("threshold  answered  within ±80 ms  confidently wrong")
for t in THRESHOLDS:
    answered, right, wrong = tally(cases, t)
    print(f"  {t:.2f}    {answered / len(cases):7.1%}   {right / len(cases):11.1%}   {wrong / len(cases):15.1%}")
chosen = lowest_safe(cases)
print(f"lowest threshold with confidently wrong <= {args.target:.0%}: {chosen}")

# The threshold is fitted on the cases it is reported on; leave-one-source-out says how much that flatters it: each
# source is judged at the threshold chosen on the other sources.
sources = sorted({c["source"] for c in cases})
right = wrong = 0
picked = set()
for source in sources:
    t = lowest_safe([c for c in cases if c["source"] != source])
    picked.add(t)
    if t is not None:
        _, r, w = tally([c for c in cases if c["source"] == source], t)
        right, wrong = right + r, wrong + w
print(f"leave-one-source-out ({len(sources)} sources, thresholds {sorted(x for x in picked if x is not None)}): "
      f"within ±80 ms {right / len(cases):.1%}, confidently wrong {wrong / len(cases):.1%}")

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

print(f"{len(cases)} cases of {args.method}, group {args.group}")
print("threshold  answered  within ±80 ms  confidently wrong")
chosen = None
for step in range(20, 100, 5):
    t = step / 100
    answered = [c for c in cases if c["peak_ms"] is not None and c["confidence"] >= t]
    right = sum(abs(c["peak_ms"] - c["shift_ms"]) <= 80 for c in answered)
    wrong = len(answered) - right
    print(f"  {t:.2f}    {len(answered) / len(cases):7.1%}   {right / len(cases):11.1%}   {wrong / len(cases):15.1%}")
    if chosen is None and wrong / len(cases) <= args.target:
        chosen = t
print(f"lowest threshold with confidently wrong <= {args.target:.0%}: {chosen}")

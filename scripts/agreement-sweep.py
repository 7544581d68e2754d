#!/usr/bin/env python3
"""Two lips models' answers on the same bench shift cases, committed only where both peaks agree.

    python3 scripts/agreement-sweep.py FIRST.json SECOND.json [--method lips]

Each JSON is an `avts bench shift --json` run of one model (AVTS_LIPS_WEIGHTS picks the weights). A case is answered
with the mean of the two peaks when they lie within a tolerance of each other and both confidences reach a floor;
everything else is undetermined. Prints, for every (tolerance, floor), the cases answered right (within ±80 ms
absolute) and confidently wrong, and a leave-one-source-out figure: each source judged at the pair chosen on the
others (most right answers with at most 2 % confidently wrong), which is what the choice flatters least.
"""
import argparse
import itertools
import json

TOLERANCES_MS = (20, 40, 60, 80)
FLOORS = (0, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4)


def cases(path, method):
    return {(c['source'], c['shift_ms']): c for c in json.load(open(path))['cases'] if c['method'] == method}


def judge(first, second, keys, tolerance, floor):
    right = wrong = 0
    for key in keys:
        x, y = first[key], second[key]
        if x['peak_ms'] is None or y['peak_ms'] is None:
            continue
        if abs(x['peak_ms'] - y['peak_ms']) <= tolerance and min(x['confidence'], y['confidence']) >= floor:
            if abs((x['peak_ms'] + y['peak_ms']) / 2 - key[1]) <= 80:
                right += 1
            else:
                wrong += 1
    return right, wrong


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('first')
    parser.add_argument('second')
    parser.add_argument('--method', default='lips')
    args = parser.parse_args()
    first, second = cases(args.first, args.method), cases(args.second, args.method)
    keys = sorted(set(first) & set(second))
    total = len(keys)
    print(f'{total} cases in both runs')
    print('tolerance ms  floor  right  confidently wrong')
    grid = list(itertools.product(TOLERANCES_MS, FLOORS))
    for tolerance, floor in grid:
        right, wrong = judge(first, second, keys, tolerance, floor)
        print(f'{tolerance:>12}  {floor:5.2f}  {right / total:6.1%}  {wrong / total:6.1%}')
    right = wrong = 0
    chosen = []
    for source in sorted({k[0] for k in keys}):
        others = [k for k in keys if k[0] != source]
        allowed = [g for g in grid if judge(first, second, others, *g)[1] <= 0.02 * len(others)]
        best = max(allowed, key=lambda g: (judge(first, second, others, *g)[0], -g[0], g[1]))
        chosen.append(best)
        r, w = judge(first, second, [k for k in keys if k[0] == source], *best)
        right, wrong = right + r, wrong + w
    print(f'leave-one-source-out (pairs {sorted(set(chosen))}): within ±80 ms {right / total:.1%}, '
          f'confidently wrong {wrong / total:.1%}')


if __name__ == '__main__':
    main()

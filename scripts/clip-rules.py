#!/usr/bin/env python3
"""Compares rules that turn the two lips models' 1 s clip curves into an answer, offline, on the curves that
scripts/lips-clip-curves.cs dumped for the copies of `avts bench shift --work DIR`.

Each model's answer is a replica of AvtsEstimator.Analyze over the dumped clips (windows of 6 s every 3 s, the card's
calibration; --bench says how closely it follows the real bench). For each rule: a delay and a score; the case is
committed when the score reaches a threshold. Reported per rule: the share of cases whose peak is within +-80 ms of
the injected shift, and, at the threshold chosen leave-one-source-out (the lowest threshold whose committed answers on
the other sources are at most 2 % confidently wrong, i.e. off by more than 80 ms), the share answered within +-80 ms
and the share confidently wrong. Fixed rules (no threshold) are reported as they are.

Usage: python3 scripts/clip-rules.py CURVES.json [--model NAME] [--second NAME] [--bench BENCH.json] [--cases]
"""
import argparse
import json
import math
import random
import statistics
import sys

TOLERANCE_MS = 80
WRONG_LIMIT = 0.02


def centred_mean(curves):
    """ClipWindowScorer.MeanCurve: per-shift mean of curves, each centred on its own median; NaN where fewer than
    half of them cover the shift."""
    if not curves:
        return None
    medians = [statistics.median([d for d in c if not math.isnan(d)] or [0.0]) for c in curves]
    level = sum(medians) / len(medians)
    out = []
    for i in range(len(curves[0])):
        vals = [c[i] - m for c, m in zip(curves, medians) if not math.isnan(c[i])]
        out.append(level + sum(vals) / len(vals) if vals and 2 * len(vals) >= len(curves) else math.nan)
    return out


def argmin(curve):
    best, index = math.inf, -1
    for i, d in enumerate(curve):
        if not math.isnan(d) and d < best:
            best, index = d, i
    return index


def refine(curve, i):
    if 0 < i < len(curve) - 1 and not math.isnan(curve[i - 1]) and not math.isnan(curve[i + 1]):
        a, b, c = curve[i - 1], curve[i], curve[i + 1]
        den = a - 2 * b + c
        if den > 0:
            return i + 0.5 * (a - c) / den
    return i


def on_edge(curve, i):
    return i <= 0 or i >= len(curve) - 1 or math.isnan(curve[i - 1]) or math.isnan(curve[i + 1])


def margin_score(curve, i, step_s):
    """DistanceCurve.Score: median minus minimum, shrunk by the best rival minimum outside the main dip."""
    valid = sorted(d for d in curve if not math.isnan(d))
    if i < 0 or len(valid) < 5:
        return 0.0
    median = statistics.median(valid)
    margin = median - curve[i]
    if margin <= 0:
        return 0.0
    neg = [-d for d in curve]
    mean = -median
    half = 0.5 * (neg[i] + mean)
    lo = i
    while lo > 0 and not math.isnan(neg[lo - 1]) and neg[lo - 1] > half:
        lo -= 1
    hi = i
    while hi < len(neg) - 1 and not math.isnan(neg[hi + 1]) and neg[hi + 1] > half:
        hi += 1
    lobe = math.ceil(0.04 / step_s)
    lo, hi = min(lo, i - lobe), max(hi, i + lobe)
    best = math.nan
    for j, v in enumerate(neg):
        if lo <= j <= hi or math.isnan(v):
            continue
        left = neg[j - 1] if j > 0 and not math.isnan(neg[j - 1]) else -math.inf
        right = neg[j + 1] if j < len(neg) - 1 and not math.isnan(neg[j + 1]) else -math.inf
        if v >= left and v >= right and (math.isnan(best) or v > best):
            best = v
    rival = 1.0 if math.isnan(best) else max(0.0, (-best - curve[i]) / margin)
    return margin * (1 - math.exp(-rival / 0.15))


def calibrated(score, table):
    """DistanceCurve.Confidence: the card's table (linear, clamped) or the default squash."""
    if not table:
        return 1 - math.exp(-max(0.0, score - 0.05) / 0.15)
    if score <= table[0][0]:
        return min(1, max(0, table[0][1]))
    for (s0, p0), (s1, p1) in zip(table, table[1:]):
        if score <= s1:
            t = (score - s0) / (s1 - s0) if s1 > s0 else 1
            return min(1, max(0, p0 + t * (p1 - p0)))
    return min(1, max(0, table[-1][1]))


def window_bounds(span_start, span_end, length=6.0, hop=3.0):
    if span_end - span_start <= length:
        return [(span_start, span_end)]
    out = []
    start = span_start
    while start + length <= span_end + 1e-9:
        out.append((start, start + length))
        start += hop
    if span_end - (start - hop + length) > hop / 2:
        out.append((span_end - length, span_end))
    return out


def estimate(clips, starts, table, step_ms, max_shift):
    """AvtsEstimator.Analyze over dumped clip curves: windows of 6 s every 3 s, each the centred mean of its clips,
    weighted by calibrated confidence into the overall curve. Returns (curve, peak delay or None, confidence)."""
    if not clips:
        return None, None, 0.0
    span_start, span_end = starts[0], starts[-1] + 1.0 + 0.1
    windows = []
    for ws, we in window_bounds(span_start, span_end):
        members = [c for c, t in zip(clips, starts) if t >= ws - 1e-6 and t + 1.0 <= we + 1e-6]
        curve = centred_mean(members)
        if curve is None:
            continue
        i = argmin(curve)
        if i < 0:
            continue
        conf = 0.0 if on_edge(curve, i) else calibrated(margin_score(curve, i, step_ms / 1000), table)
        windows.append((curve, conf, we - ws))
    if not windows:
        return None, None, 0.0
    any_conf = any(w[1] > 0 for w in windows)
    overall = []
    for k in range(len(windows[0][0])):
        num = den = 0.0
        for curve, conf, _ in windows:
            weight = conf if any_conf else 1
            if weight > 0 and not math.isnan(curve[k]):
                num += weight * curve[k]
                den += weight
        overall.append(num / den if den > 0 else math.nan)
    i = argmin(overall)
    if i < 0:
        return overall, None, 0.0
    combined = 1.0
    for _, conf, _ in windows:
        combined *= 1 - conf
    confidence = min(calibrated(margin_score(overall, i, step_ms / 1000), table), 1 - combined)
    if on_edge(overall, i):
        return overall, None, confidence
    return overall, delay_ms(overall, i, max_shift, step_ms), confidence


def delay_ms(curve, i, max_shift, step_ms):
    return (refine(curve, i) - max_shift) * step_ms


class Case:
    def __init__(self, raw, model, second, step_ms, max_shift):
        self.source = raw['source']
        self.shift = raw['shift']

        def curves(name):
            kept = [w for w in raw['models'][name] if w['curve'] is not None] if name else []
            return [[math.nan if d is None else d for d in w['curve']] for w in kept], [w['start'] for w in kept]

        self.clips, self.starts = curves(model)
        self.second, self.second_starts = curves(second)
        self.step_ms = step_ms
        self.max_shift = max_shift


TABLES = {}


def table(name):
    if name not in TABLES:
        card = json.load(open(f'models/{name}.card.json'))
        TABLES[name] = [(p['score'], p['probability']) for p in card.get('confidence_calibration') or []]
    return TABLES[name]


MODEL, SECOND = 'avts-lips', 'avts-lips-crop'


def first(case):
    _, d, c = estimate(case.clips, case.starts, table(MODEL), case.step_ms, case.max_shift)
    return d, c


def other(case):
    _, d, c = estimate(case.second, case.second_starts, table(SECOND), case.step_ms, case.max_shift)
    return d, c


def halves_agree(clips, starts, case, d, agree_ms=80):
    """Whether the first and second half of the clips, each estimated alone, put their peaks within agree_ms of d."""
    n = len(clips)
    if n < 10:
        return False
    for part in (slice(0, n // 2), slice(n // 2, n)):
        _, dh, _ = estimate(clips[part], starts[part], table(MODEL), case.step_ms, case.max_shift)
        if dh is None or abs(dh - d) > agree_ms:
            return False
    return True


def rule_first(case):
    return first(case)


def rule_second(case):
    return other(case)


def pair(case, agree_ms=60, floor=0.2, own=0.3):
    d1, c1 = first(case)
    if d1 is not None and c1 >= own:
        return d1, 1.0, 'own'
    d2, c2 = other(case)
    if d1 is None or d2 is None or abs(d1 - d2) > agree_ms or min(c1, c2) < floor:
        return d1, 0.0, None
    return (d1 + d2) / 2, 1.0, 'agree'


def rule_pair(case):
    d, s, _ = pair(case)
    return d, s


def rule_pair_halves(case):
    """The pair, its agreement answers kept only where both halves of the input agree with them (first model)."""
    d, s, how = pair(case)
    if how == 'agree' and not halves_agree(case.clips, case.starts, case, d):
        return d, 0.0
    return d, s


def ensemble(clips1, starts1, clips2, starts2, case):
    c1, _, _ = estimate(clips1, starts1, table(MODEL), case.step_ms, case.max_shift)
    c2, _, _ = estimate(clips2, starts2, table(SECOND), case.step_ms, case.max_shift)
    if c1 is None or c2 is None:
        return None, 0.0

    def normalised(c):
        valid = [x for x in c if not math.isnan(x)]
        m = statistics.median(valid)
        spread = statistics.pstdev(valid) or 1.0
        return [(x - m) / spread for x in c]

    curve = [a + b for a, b in zip(normalised(c1), normalised(c2))]
    i = argmin(curve)
    if i < 0 or on_edge(curve, i):
        return None, 0.0
    return delay_ms(curve, i, case.max_shift, case.step_ms), margin_score(curve, i, case.step_ms / 1000)


def rule_ensemble(case):
    """Both models' overall curves, each centred on its median and divided by its spread, summed."""
    return ensemble(case.clips, case.starts, case.second, case.second_starts, case)


def rule_ensemble_halves(case, agree_ms=80):
    d, s = ensemble(case.clips, case.starts, case.second, case.second_starts, case)
    n = len(case.clips)
    if d is None or n < 10 or len(case.second) != n:
        return d, 0.0
    for part in (slice(0, n // 2), slice(n // 2, n)):
        dh, _ = ensemble(case.clips[part], case.starts[part], case.second[part], case.second_starts[part], case)
        if dh is None or abs(dh - d) > agree_ms:
            return d, 0.0
    return d, s


RULES = {
    'first model (replica of lips)': rule_first,
    'second model alone': rule_second,
    'pair as built (fixed rule)': rule_pair,
    'pair + halves gate (fixed rule)': rule_pair_halves,
    'two-model ensemble curve': rule_ensemble,
    'ensemble + halves gate': rule_ensemble_halves,
}


def evaluate(answers):
    """answers: list of (source, shift, delay or None, score). Leave-one-source-out threshold."""
    n = len(answers)
    peaks_right = sum(1 for a in answers if a[2] is not None and abs(a[2] - a[1]) <= TOLERANCE_MS)
    sources = sorted({a[0] for a in answers})
    right = wrong = 0
    for held in sources:
        rest = [a for a in answers if a[0] != held]
        threshold = choose(rest)
        for a in answers:
            if a[0] == held and a[2] is not None and a[3] >= threshold:
                if abs(a[2] - a[1]) <= TOLERANCE_MS:
                    right += 1
                else:
                    wrong += 1
    in_sample = choose(answers)
    ins_right = sum(1 for a in answers if a[2] is not None and a[3] >= in_sample and abs(a[2] - a[1]) <= TOLERANCE_MS)
    ins_wrong = sum(1 for a in answers if a[2] is not None and a[3] >= in_sample and abs(a[2] - a[1]) > TOLERANCE_MS)
    return n, peaks_right, right, wrong, in_sample, ins_right, ins_wrong


def choose(answers):
    """Lowest threshold whose committed answers are at most WRONG_LIMIT of all cases confidently wrong."""
    candidates = sorted({a[3] for a in answers if a[2] is not None and a[3] > 0})
    for t in candidates:
        wrong = sum(1 for a in answers if a[2] is not None and a[3] >= t and abs(a[2] - a[1]) > TOLERANCE_MS)
        if wrong <= WRONG_LIMIT * len(answers):
            return t
    return math.inf


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('curves')
    parser.add_argument('--model', default=MODEL)
    parser.add_argument('--second', default=SECOND)
    parser.add_argument('--bench', help='bench shift JSON of the first model, to check the replica against')
    parser.add_argument('--cases', action='store_true', help='print every case of every rule')
    parser.add_argument('--exclude', action='append', default=[], help='source substring to leave out (e.g. short clips)')
    args = parser.parse_args()
    data = json.load(open(args.curves))
    step_ms = data['step_ms']
    max_shift = int(round(data['range_s'] * 1000 / step_ms))
    cases = [Case(c, args.model, args.second, step_ms, max_shift) for c in data['cases']
             if not any(x in c['source'] for x in args.exclude)]
    print(f'{len(cases)} cases, {len({c.source for c in cases})} sources; model {args.model}, second {args.second}')
    print('| rule | peaks within +-80 ms | LOSO (fixed rules: as is): within +-80 ms | confidently wrong | in-sample threshold | in-sample within | in-sample wrong |')
    print('|---|---:|---:|---:|---:|---:|---:|')
    if args.bench:
        bench = {(c['source'], c['shift_ms']): c for c in json.load(open(args.bench))['cases']}
        close = total = 0
        for c in cases:
            b = bench.get((c.source, c.shift))
            d, conf = rule_first(c)
            if b and b['peak_ms'] is not None and d is not None:
                total += 1
                close += abs(b['peak_ms'] - d) <= 5 and abs(b['confidence'] - conf) <= 0.02
        print(f'replica of the first model against the bench: {close} of {total} peaks within 5 ms and confidences within 0.02')
    for name, rule in RULES.items():
        answers = []
        for c in cases:
            d, s = rule(c)
            answers.append((c.source, c.shift, d, s))
        n, peaks, right, wrong, t, ir, iw = evaluate(answers)
        if 'fixed rule' in name:
            # No threshold to choose: the rule commits where its score is 1.
            right = ir = sum(1 for a in answers if a[2] is not None and a[3] >= 1 and abs(a[2] - a[1]) <= TOLERANCE_MS)
            wrong = iw = sum(1 for a in answers if a[2] is not None and a[3] >= 1 and abs(a[2] - a[1]) > TOLERANCE_MS)
            t = 1.0
        if args.cases:
            for a in answers:
                print(f'    {a[0][:40]:40} {a[1]:+5d} {"-" if a[2] is None else f"{a[2]:+8.1f}"} {a[3]:.3f}')
        print(f'| {name} | {100 * peaks / n:.1f} % | {100 * right / n:.1f} % | {100 * wrong / n:.1f} % | {t:.3f} | {100 * ir / n:.1f} % | {100 * iw / n:.1f} % |')


if __name__ == '__main__':
    sys.exit(main())

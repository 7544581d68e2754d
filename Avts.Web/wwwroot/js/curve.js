// The latest window's score curve on a plain <canvas>: candidate audio delay (ms, + = sound late) on x, the
// estimator's score on y (correlation: higher is better; distance: lower is better), the window's estimate marked.
import { prepareCanvas } from './chart.js';

export function drawCurve(canvas, curve) {
  const { g, width, height } = prepareCanvas(canvas);
  if (!curve || curve.delaysMs.length < 2) return;

  const xs = curve.delaysMs, ys = curve.scores;
  const lo = Math.min(...ys), hi = Math.max(...ys), span = hi - lo || 1;
  const pad = { l: 48, r: 10, t: 10, b: 22 };
  const x = (d) => pad.l + ((d - xs[0]) / (xs[xs.length - 1] - xs[0])) * (width - pad.l - pad.r);
  const y = (v) => pad.t + ((hi - v) / span) * (height - pad.t - pad.b);

  g.strokeStyle = '#ccd'; g.fillStyle = '#556'; g.font = '11px system-ui'; g.lineWidth = 1;
  for (const d of [xs[0], xs[0] / 2, 0, xs[xs.length - 1] / 2, xs[xs.length - 1]]) {
    g.beginPath(); g.moveTo(x(d), pad.t); g.lineTo(x(d), height - pad.b); g.stroke();
    g.fillText(`${Math.round(d)}`, Math.min(x(d) - 12, width - 32), height - 6); // keep the last label inside
  }

  g.strokeStyle = '#2a6fdb'; g.lineWidth = 1.5; g.beginPath();
  xs.forEach((d, i) => (i ? g.lineTo(x(d), y(ys[i])) : g.moveTo(x(d), y(ys[i]))));
  g.stroke();

  if (curve.rawDelayMs != null) {
    g.strokeStyle = '#c0392b'; g.lineWidth = 1; g.setLineDash([4, 3]);
    g.beginPath(); g.moveTo(x(curve.rawDelayMs), pad.t); g.lineTo(x(curve.rawDelayMs), height - pad.b); g.stroke();
    g.setLineDash([]);
  }
}

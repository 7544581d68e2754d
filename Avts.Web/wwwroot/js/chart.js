// Delay-over-time chart on a plain <canvas>: the tolerance band shaded, one line per series, time on x (ms).
export const COLORS = ['#2a6fdb', '#e07b00', '#8e44ad', '#16a085', '#c0392b', '#7f8c8d'];

// Sizes the canvas for the device's pixel ratio and clears it; returns the context and the size in CSS pixels.
export function prepareCanvas(canvas) {
  const ratio = window.devicePixelRatio || 1;
  const width = canvas.clientWidth, height = canvas.clientHeight;
  canvas.width = width * ratio; canvas.height = height * ratio;
  const g = canvas.getContext('2d');
  g.scale(ratio, ratio);
  g.clearRect(0, 0, width, height);
  return { g, width, height };
}

export function drawChart(canvas, series, band, span) {
  const { g, width, height } = prepareCanvas(canvas);

  const points = series.flatMap((s) => s.points);
  const tMax = Math.max(Date.now(), ...points.map((p) => p.t));
  // At most `span` back, but no emptier than the data: a fresh page fills the width within seconds.
  const earliest = Math.min(...points.map((p) => p.t), tMax - 10_000);
  const tMin = span ? Math.max(tMax - span, earliest) : earliest;
  const values = points.filter((p) => p.t >= tMin).map((p) => p.v);
  const lo = Math.min(band?.min ?? 0, ...values) - 20, hi = Math.max(band?.max ?? 0, ...values) + 20;
  const pad = { l: 48, r: 10, t: 10, b: 22 };
  const x = (t) => pad.l + ((t - tMin) / (tMax - tMin)) * (width - pad.l - pad.r);
  const y = (v) => pad.t + ((hi - v) / (hi - lo)) * (height - pad.t - pad.b);

  if (band) {
    g.fillStyle = 'rgba(58,164,91,0.15)';
    g.fillRect(pad.l, y(band.max), width - pad.l - pad.r, y(band.min) - y(band.max));
  }

  g.strokeStyle = '#ccd'; g.fillStyle = '#556'; g.font = '11px system-ui'; g.lineWidth = 1;
  for (const v of ticks(lo, hi)) {
    g.beginPath(); g.moveTo(pad.l, y(v)); g.lineTo(width - pad.r, y(v)); g.stroke();
    g.fillText(`${v} ms`, 2, y(v) + 4);
  }
  g.fillText(new Date(tMin).toLocaleTimeString(), pad.l, height - 6);
  g.fillText(new Date(tMax).toLocaleTimeString(), width - pad.r - 60, height - 6);

  series.forEach((s, i) => {
    g.strokeStyle = s.color ?? COLORS[i % COLORS.length]; g.lineWidth = s.width ?? 2;
    g.beginPath();
    let started = false;
    for (const p of s.points) {
      if (p.t < tMin || p.v === null || p.v === undefined) { started = false; continue; }
      if (started) g.lineTo(x(p.t), y(p.v)); else g.moveTo(x(p.t), y(p.v));
      started = true;
    }
    g.stroke();
  });
}

function ticks(lo, hi) {
  const step = [10, 20, 50, 100, 200, 500, 1000].find((s) => (hi - lo) / s <= 8) ?? 2000;
  const out = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi; v += step) out.push(v);
  return out;
}

// One stream in detail: its recent windows from the history API plus live ones from the hub (raw and smoothed delay
// over time), and the latest window's score curve over candidate delays (GET /api/streams/{name}/curve).
import { getJson, fmt, escapeHtml } from './api.js';
import { drawChart } from './chart.js';
import { drawCurve } from './curve.js';
import { live } from './dashboard.js';

const cache = new Map();
const curves = new Map();
let curveFetchedAt = 0;

// Renders run on every hub message; the curve is fetched at most once a second.
async function refreshCurve(view, name) {
  if (Date.now() - curveFetchedAt < 1000) return;
  curveFetchedAt = Date.now();
  try {
    curves.set(name, await getJson(`/api/streams/${encodeURIComponent(name)}/curve`));
  } catch {
    curves.delete(name); // none yet (404): nothing scored with a curve so far
  }
  const curve = curves.get(name);
  const canvas = view.querySelector('#detail-curve');
  if (!canvas) return;
  drawCurve(canvas, curve);
  view.querySelector('#detail-curve-note').textContent = curve
    ? `window ${fmt.num(curve.startSeconds)}-${fmt.num(curve.endSeconds)} s, ${curve.kind} (${curve.kind === 'distance' ? 'lower' : 'higher'} is better), estimate ${fmt.ms(curve.rawDelayMs)}`
    : 'no curve yet';
}

export async function load(name) {
  const rows = await getJson(`/api/streams/${encodeURIComponent(name)}/windows?limit=120`);
  cache.set(name, rows.reverse().map((w) => ({ t: Date.parse(w.recordedAt), v: w.audioDelayMs, raw: w.rawDelayMs,
    confidence: w.confidence, state: w.state, start: w.startSeconds, end: w.endSeconds })));
}

export function render(view, name) {
  const stored = cache.get(name) ?? [];
  const last = stored.length ? stored[stored.length - 1].t : 0;
  const points = [...stored, ...(live.history.get(name) ?? []).filter((p) => p.t > last)].slice(-120);
  const s = live.streams.get(name) ?? {};
  if (!view.querySelector('#detail-chart')) {
    view.innerHTML = `<h2>${escapeHtml(name)} <span id="detail-now" class="muted"></span></h2>
      <p class="muted">The last 120 windows' raw per-window estimate (thin) and smoothed delay (thick), ms, + = sound late.</p>
      <canvas id="detail-chart" class="chart"></canvas>
      <h3>Latest score curve <span id="detail-curve-note" class="muted"></span></h3>
      <canvas id="detail-curve" class="chart"></canvas><div id="detail-table"></div>`;
  }
  refreshCurve(view, name);
  view.querySelector('#detail-now').textContent = `now ${fmt.ms(s.audioDelayMs)} · ${s.state ?? ''}${s.alert ? ' · ALERT' : ''}`;
  drawChart(view.querySelector('#detail-chart'), [
    { name: 'raw', color: '#9ab', width: 1, points: points.map((p) => ({ t: p.t, v: p.raw })) },
    { name: 'smoothed', color: '#2a6fdb', width: 2.5, points },
  ], live.band, 0);
  view.querySelector('#detail-table').innerHTML = `<table><tr><th>time</th><th>raw</th><th>smoothed</th><th>confidence</th><th>state</th></tr>
    ${points.slice(-30).reverse().map((p) => `<tr><td>${fmt.time(p.t)}</td><td>${fmt.ms(p.raw)}</td><td>${fmt.ms(p.v)}</td>
    <td>${fmt.num(p.confidence)}</td><td>${escapeHtml(p.state)}</td></tr>`).join('')}</table>`;
}

// The streams page: one tile per stream (delay, confidence, state, drift, alert) and a live chart of the smoothed
// delay of every stream over the last two minutes, both fed by the hub's WindowResult/StatusChanged/Alert messages.
import { getJson, fmt, escapeHtml } from './api.js';
import { drawChart, COLORS } from './chart.js';

const SPAN_MS = 120_000;
export const live = { streams: new Map(), history: new Map(), band: null };

export async function loadStreams() {
  const [streams, band] = await Promise.all([getJson('/api/streams'), getJson('/api/tolerance')]);
  live.band = { min: band.minMs, max: band.maxMs, name: band.name };
  for (const s of streams) {
    const known = live.streams.get(s.name);
    // node: who scores it now (cluster mode moves streams); seenAt: when this page last heard of a window.
    live.streams.set(s.name, { name: s.name, state: s.state, audioDelayMs: s.lastDelayMs, alert: s.alert,
      confidence: null, driftMsPerMinute: null, seenAt: Date.now(), ...known, node: s.node });
  }
}

// A live stream whose windows stopped arriving (its node died, the link broke) is an outage, not a calm tile.
const SILENT_MS = 10_000;
const silentFor = (s) => (s.state === 'live' && s.seenAt ? Date.now() - s.seenAt : 0);

export function onWindow(m) {
  const s = live.streams.get(m.stream) ?? { name: m.stream };
  Object.assign(s, { audioDelayMs: m.audioDelayMs, rawDelayMs: m.rawDelayMs, confidence: m.confidence, state: m.state,
    driftMsPerMinute: m.driftMsPerMinute, alert: m.alert, at: m.atUnixMs, seenAt: Date.now() });
  live.streams.set(m.stream, s);
  const points = live.history.get(m.stream) ?? [];
  points.push({ t: m.atUnixMs, v: m.audioDelayMs, raw: m.rawDelayMs, confidence: m.confidence, state: m.state });
  while (points.length && points[0].t < Date.now() - 10 * 60_000) points.shift();
  live.history.set(m.stream, points);
}

export function onStatus(m) {
  if (m.state === 'removed') { live.streams.delete(m.stream); return; }
  const s = live.streams.get(m.stream) ?? { name: m.stream };
  s.state = m.state; s.detail = m.detail;
  live.streams.set(m.stream, s);
}

export function render(view) {
  if (!view.querySelector('#tiles')) {
    view.innerHTML = `<h2>Streams</h2><div id="tiles" class="tiles"></div>
      <h2>Delay over time <span class="muted" id="band"></span></h2><canvas id="chart" class="chart"></canvas>
      <div id="legend" class="legend"></div>`;
  }
  const names = [...live.streams.keys()].sort();
  view.querySelector('#tiles').innerHTML = names.map((n) => tile(live.streams.get(n))).join('') ||
    '<p class="muted">No streams. Add one with POST /api/streams.</p>';
  view.querySelectorAll('.tile').forEach((t) => t.addEventListener('click', () => { location.hash = `#/stream/${encodeURIComponent(t.dataset.stream)}`; }));
  if (live.band) view.querySelector('#band').textContent = `(shaded: tolerance ${live.band.name}, ${live.band.min} .. +${live.band.max} ms; + = sound late)`;
  const series = names.map((n, i) => ({ name: n, color: COLORS[i % COLORS.length], points: live.history.get(n) ?? [] }));
  view.querySelector('#legend').innerHTML = series.map((s) => `<span style="color:${s.color}">■ ${escapeHtml(s.name)}</span>`).join('');
  drawChart(view.querySelector('#chart'), series, live.band, SPAN_MS);
}

function tile(s) {
  const silent = silentFor(s) > SILENT_MS;
  const off = silent || ['paused', 'failed', 'ended', 'reconnecting', 'connecting'].includes(s.state);
  const state = silent ? `no window for ${Math.round(silentFor(s) / 1000)} s` : s.state;
  return `<div class="tile ${s.alert ? 'alert' : off ? 'off' : ''}" data-stream="${escapeHtml(s.name)}">
    <div class="name">${escapeHtml(s.name)} ${s.alert ? '<span class="badge">ALERT</span>' : ''}</div>
    <div class="delay">${fmt.ms(s.audioDelayMs)}</div>
    <dl><dt>confidence</dt><dd class="confidence">${fmt.num(s.confidence)}</dd>
    <dt>state</dt><dd class="state">${escapeHtml(state ?? '—')}</dd>
    ${s.node ? `<dt>node</dt><dd class="node">${escapeHtml(s.node)}</dd>` : ''}
    <dt>drift</dt><dd>${s.driftMsPerMinute === null || s.driftMsPerMinute === undefined ? '—' : s.driftMsPerMinute.toFixed(1) + ' ms/min'}</dd></dl>
  </div>`;
}

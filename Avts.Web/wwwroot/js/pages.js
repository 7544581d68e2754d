// The alerts list (stored alerts, refreshed when the hub reports a transition) and the benchmarks list.
import { getJson, fmt, escapeHtml } from './api.js';

export async function renderAlerts(view) {
  const alerts = await getJson('/api/alerts?limit=200');
  view.innerHTML = `<h2>Alerts</h2><table><tr><th>stream</th><th>raised</th><th>cleared</th><th>peak delay</th></tr>
    ${alerts.map((a) => `<tr><td><a href="#/stream/${encodeURIComponent(a.stream)}">${escapeHtml(a.stream)}</a></td>
    <td>${fmt.date(a.raisedAt)}</td><td>${a.clearedAt ? `${fmt.date(a.clearedAt)} <span class="muted">${escapeHtml((a.clearReason ?? '').replace('_', ' '))}</span>` : '<span class="badge">open</span>'}</td>
    <td>${fmt.ms(a.peakDelayMs)}</td></tr>`).join('')}</table>${alerts.length ? '' : '<p class="muted">No alerts stored.</p>'}`;
}

export async function renderBenchmarks(view) {
  const runs = await getJson('/api/benchmarks?limit=200');
  view.innerHTML = `<h2>Benchmarks</h2><p class="muted">Stored runs, newest first (QA checks are recorded as kind "qa").</p>
    <table><tr><th>recorded</th><th>kind</th><th>id</th><th>result</th></tr>
    ${runs.map((r) => `<tr><td>${fmt.date(r.recordedAt)}</td><td>${escapeHtml(r.kind)}</td><td>${escapeHtml(r.id)}</td>
    <td>${summary(r.json)}</td></tr>`).join('')}</table>${runs.length ? '' : '<p class="muted">No benchmark runs stored.</p>'}`;
}

function summary(json) {
  try {
    const value = JSON.parse(json);
    const scalars = Object.entries(value).filter(([, v]) => typeof v !== 'object' || v === null)
      .map(([k, v]) => `${escapeHtml(k)}: <b>${escapeHtml(typeof v === 'number' ? +v.toFixed(3) : v)}</b>`).join(' · ');
    return scalars + accuracyRows(value.results);
  } catch { return escapeHtml(json); }
}

// Dataset benches (esc50, dcase2014, ucf101, hmdb51, sync) share rows with features, accuracy_mean and accuracy_std:
// list them, one per line, so the figures are visible without opening the JSON.
function accuracyRows(results) {
  if (!Array.isArray(results)) return '';
  const rows = results.filter((r) => r && typeof r.accuracy_mean === 'number');
  const percent = (v) => (typeof v === 'number' ? `${(100 * v).toFixed(1)} %` : 'n/a');
  return rows.map((r) => `<div class="bench-row">${escapeHtml([r.features, r.task].filter(Boolean).join('/'))}:
    <b>${percent(r.accuracy_mean)}</b> ± ${percent(r.accuracy_std)}</div>`).join('');
}

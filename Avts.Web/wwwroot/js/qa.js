// QA: submit a server path or upload a file, watch the queue, open a finished job's report (plot, windows, fix).
import { getJson, getBlobUrl, keyedLinks, post, fmt, escapeHtml } from './api.js';

let poll;

export async function renderQa(view) {
  if (!view.querySelector('#qa-jobs')) {
    view.innerHTML = `<h2>QA checks</h2>
      <form id="qa-path"><label>Server path (under Avts:Qa:AllowedRoots) <input name="path" size="40" placeholder="clip.mp4"></label>
      <button>Check</button></form>
      <form id="qa-upload"><label>Upload <input name="file" type="file"></label> <button>Upload and check</button></form>
      <p id="qa-error" class="error"></p><div id="qa-jobs"></div>`;
    view.querySelector('#qa-path').addEventListener('submit', (e) => submit(e, view, { path: e.target.path.value }));
    view.querySelector('#qa-upload').addEventListener('submit', (e) => submit(e, view, new FormData(e.target)));
  }
  const jobs = await getJson('/api/qa?limit=50');
  view.querySelector('#qa-jobs').innerHTML = `<table><tr><th>submitted</th><th>file</th><th>state</th><th>delay</th><th>verdict</th></tr>
    ${jobs.map((j) => `<tr><td>${fmt.date(j.createdAt)}</td><td><a href="#/qa/${j.id}">${escapeHtml(j.name)}</a></td>
    <td>${state(j)}</td><td>${fmt.ms(j.audioDelayMs)}</td><td>${escapeHtml(j.verdict ?? '')}</td></tr>`).join('')}</table>`;
  clearTimeout(poll);
  if (jobs.some((j) => j.state === 'queued' || j.state === 'running')) poll = setTimeout(() => location.hash === '#/qa' && renderQa(view), 1000);
}

async function submit(event, view, body) {
  event.preventDefault();
  view.querySelector('#qa-error').textContent = '';
  try { const job = await post('/api/qa', body); location.hash = `#/qa/${job.id}`; }
  catch (e) { view.querySelector('#qa-error').textContent = e.message; }
}

function state(j) {
  if (j.state === 'running') return `running <progress max="100" value="${j.percent ?? 0}"></progress> ${fmt.num(j.percent, 0)}%`;
  if (j.state === 'failed') return `<span class="error">failed: ${escapeHtml(j.error)}</span>`;
  return escapeHtml(j.state);
}

export async function renderReport(view, id) {
  const job = await getJson(`/api/qa/${id}`);
  clearTimeout(poll);
  if (job.state !== 'done') {
    view.innerHTML = `<h2>QA: ${escapeHtml(job.name)}</h2><p id="qa-state">${state(job)}</p>`;
    if (job.state !== 'failed') poll = setTimeout(() => location.hash === `#/qa/${id}` && renderReport(view, id), 700);
    return;
  }
  const report = await getJson(`/api/qa/${id}/report.json`);
  view.innerHTML = `<h2 id="qa-report">QA report: ${escapeHtml(job.name)}</h2>
    <p><b id="qa-delay">${fmt.ms(report.audio_delay_ms)}</b>${report.uncertainty_ms == null ? '' : ` ± ${fmt.num(report.uncertainty_ms, 0)} ms`} (+ = sound late) · confidence ${fmt.num(report.confidence)} ·
    verdict <b>${escapeHtml(report.verdict)}</b> (${escapeHtml(report.profile?.name)}) · method ${escapeHtml(report.method)}</p>
    ${report.undetermined_reason ? `<p id="qa-reason">${escapeHtml(report.undetermined_reason)}</p>` : ''}
    <p id="qa-files"><a href="/api/qa/${id}/report.json" data-keyed="report.json">report.json</a> · <a href="/api/qa/${id}/report.csv" data-keyed="report.csv">report.csv</a> ·
    <a href="/api/qa/${id}/plot.png" data-keyed="plot.png">plot.png</a> · <button id="qa-fix">Write corrected copy</button> <span id="qa-fixed">${job.fixed ? fixedLink(id) : ''}</span></p>
    <img class="plot" alt="delay per window with the tolerance band, and the score curve">
    <table><tr><th>start</th><th>end</th><th>delay</th><th>confidence</th></tr>
    ${report.windows.map((w) => `<tr><td>${w.start_s.toFixed(1)} s</td><td>${w.end_s.toFixed(1)} s</td><td>${fmt.ms(w.audio_delay_ms)}</td>
    <td>${fmt.num(w.confidence)}</td></tr>`).join('')}</table>`;
  keyedLinks(view.querySelector('#qa-files'));
  getBlobUrl(`/api/qa/${id}/plot.png`).then((src) => { view.querySelector('img.plot').src = src; }, () => {});
  view.querySelector('#qa-fix').addEventListener('click', async () => {
    const out = view.querySelector('#qa-fixed');
    out.textContent = 'writing…';
    try {
      const fix = await post(`/api/qa/${id}/fix`);
      out.innerHTML = `${fixedLink(id)} · re-checked: ${fmt.ms(fix.afterDelayMs)} (${escapeHtml(fix.afterVerdict)})`;
    } catch (e) { out.innerHTML = `<span class="error">${escapeHtml(e.message)}</span>`; }
  });
}

const fixedLink = (id) => `<a href="/api/qa/${id}/fixed" data-keyed="corrected">download corrected copy</a>`;

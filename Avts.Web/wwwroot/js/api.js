// Fetch helpers. The API key (needed for POST: QA jobs and fixes) is kept in localStorage, never in the page source.
const keyInput = () => document.getElementById('api-key');

export function apiKey() { return keyInput().value || localStorage.getItem('avts-api-key') || ''; }

export function initKey() {
  keyInput().value = localStorage.getItem('avts-api-key') || '';
  keyInput().addEventListener('change', () => localStorage.setItem('avts-api-key', keyInput().value));
}

export async function getJson(url) {
  const response = await fetch(url, { headers: { 'X-Api-Key': apiKey() } });
  if (!response.ok) throw new Error(await problem(response));
  return response.json();
}

export async function post(url, body) {
  const headers = { 'X-Api-Key': apiKey() };
  if (body && !(body instanceof FormData)) { headers['Content-Type'] = 'application/json'; body = JSON.stringify(body); }
  const response = await fetch(url, { method: 'POST', headers, body });
  if (!response.ok) throw new Error(await problem(response));
  return response.json();
}

// Files (plot, reports, corrected copy) fetched with the key: <img src> and plain links cannot send the header, which
// reads need when the host sets Avts:RequireKeyForReads. Returns an object URL for the file.
export async function getBlobUrl(url) {
  const response = await fetch(url, { headers: { 'X-Api-Key': apiKey() } });
  if (!response.ok) throw new Error(await problem(response));
  return URL.createObjectURL(await response.blob());
}

// Links marked data-keyed="file name" download through getBlobUrl on click.
export function keyedLinks(root) {
  root.addEventListener('click', async (event) => {
    const link = event.target.closest?.('a[data-keyed]');
    if (!link) return;
    event.preventDefault();
    const save = document.createElement('a');
    save.href = await getBlobUrl(link.getAttribute('href'));
    save.download = link.dataset.keyed;
    save.click();
  });
}

// Problem details carry a one-line "detail": show that rather than the status code alone.
async function problem(response) {
  try { const p = await response.json(); return `${response.status} ${p.title ?? ''}: ${p.detail ?? ''}`; }
  catch { return `${response.status} ${response.statusText}`; }
}

export const fmt = {
  ms: (v) => (v === null || v === undefined ? '—' : `${v > 0 ? '+' : ''}${v.toFixed(1)} ms`),
  num: (v, d = 2) => (v === null || v === undefined ? '—' : v.toFixed(d)),
  time: (v) => (v ? new Date(v).toLocaleTimeString() : '—'),
  date: (v) => (v ? new Date(v).toLocaleString() : '—'),
};

export function escapeHtml(text) {
  return String(text ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}

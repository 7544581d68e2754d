// Router and hub wiring: hash routes (#/, #/stream/NAME, #/alerts, #/qa, #/qa/ID, #/benchmarks); hub messages update
// the shared state and re-render the current view at most a few times a second.
import { apiKey, initKey } from './api.js';
import { HubClient } from './signalr-lite.js';
import * as dashboard from './dashboard.js';
import * as stream from './stream.js';
import { renderAlerts, renderBenchmarks } from './pages.js';
import { renderQa, renderReport } from './qa.js';

const view = document.getElementById('view');
let dirty = false;

async function route() {
  const [, page, arg] = location.hash.replace(/^#\/?/, '/').split('/');
  view.innerHTML = '';
  try {
    if (!page) { await dashboard.loadStreams(); dashboard.render(view); }
    else if (page === 'stream') { await stream.load(decodeURIComponent(arg)); stream.render(view, decodeURIComponent(arg)); }
    else if (page === 'alerts') await renderAlerts(view);
    else if (page === 'qa') await (arg ? renderReport(view, arg) : renderQa(view));
    else if (page === 'benchmarks') await renderBenchmarks(view);
  } catch (e) {
    view.innerHTML = `<p class="error"></p>`;
    view.querySelector('p').textContent = e.message;
  }
}

// Live views redraw on a timer rather than per message: many streams stay cheap to show.
function refresh() {
  if (!dirty) return;
  dirty = false;
  const [, page, arg] = location.hash.replace(/^#\/?/, '/').split('/');
  if (!page) dashboard.render(view);
  else if (page === 'stream') stream.render(view, decodeURIComponent(arg));
}

initKey();
const hub = new HubClient('/hubs/sync', { accessTokenFactory: apiKey });
hub.on('WindowResult', (m) => { dashboard.onWindow(m); dirty = true; });
hub.on('StatusChanged', (m) => { dashboard.onStatus(m); dirty = true; });
hub.on('Alert', () => { dirty = true; if (location.hash === '#/alerts') renderAlerts(view); });
hub.onOpen = () => hub.send('SubscribeAll');
hub.onState = (state) => { document.getElementById('hub-state').textContent = `hub: ${state}`; };
hub.start();
setInterval(refresh, 250);
// Once a second the tiles are redrawn anyway (a silent stream must turn grey without any message), and every 10 s
// the list is re-read: in cluster mode it says which node scores each stream now.
setInterval(() => { dirty = true; }, 1000);
setInterval(() => { if (!location.hash.replace(/^#\/?/, '')) dashboard.loadStreams().then(() => { dirty = true; }, () => {}); }, 10_000);
window.addEventListener('hashchange', route);
dashboard.loadStreams().then(route, route);

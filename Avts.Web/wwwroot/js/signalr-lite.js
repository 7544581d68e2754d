// A minimal SignalR client (JSON hub protocol over one WebSocket, no negotiate), because the page must work offline
// and the @microsoft/signalr bundle cannot be fetched here. It covers what the dashboard needs: handshake, server-to-
// client invocations, fire-and-forget calls, keep-alive pings and reconnects.
const RS = '\x1e';

export class HubClient {
  // options.accessTokenFactory: returns the API key, sent as the access_token query parameter (as the official
  // client does for WebSockets); asked again at each reconnect, so a key typed later is used.
  constructor(path, options = {}) {
    this.url = (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + path;
    this.accessTokenFactory = options.accessTokenFactory ?? (() => '');
    this.handlers = new Map();
    this.onOpen = () => {};
    this.onState = () => {};
  }

  on(target, handler) { this.handlers.set(target.toLowerCase(), handler); }

  // Fire-and-forget invocation (no invocationId: the server sends no completion).
  send(target, ...args) {
    if (this.ws?.readyState === WebSocket.OPEN) {
      this.ws.send(JSON.stringify({ type: 1, target, arguments: args }) + RS);
    }
  }

  start() {
    const token = this.accessTokenFactory();
    const ws = new WebSocket(token ? `${this.url}?access_token=${encodeURIComponent(token)}` : this.url);
    this.ws = ws;
    let buffer = '';
    let handshaken = false;
    ws.onopen = () => ws.send(JSON.stringify({ protocol: 'json', version: 1 }) + RS);
    ws.onmessage = (event) => {
      buffer += event.data;
      let end;
      while ((end = buffer.indexOf(RS)) >= 0) {
        const message = JSON.parse(buffer.slice(0, end));
        buffer = buffer.slice(end + 1);
        if (!handshaken) {
          handshaken = true;
          if (message.error) { this.onState('handshake failed: ' + message.error); ws.close(); return; }
          this.onState('live');
          // The server drops clients silent for 30 s: ping every 15 s, as the official client does.
          this.ping = setInterval(() => this.ws.readyState === WebSocket.OPEN && ws.send('{"type":6}' + RS), 15000);
          this.onOpen();
        } else if (message.type === 1) {
          this.handlers.get(message.target.toLowerCase())?.(...message.arguments);
        } else if (message.type === 7) {
          ws.close();
        }
      }
    };
    ws.onclose = () => {
      clearInterval(this.ping);
      this.onState('reconnecting');
      setTimeout(() => this.start(), 2000);
    };
  }
}

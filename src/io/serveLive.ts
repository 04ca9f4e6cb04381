import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A page server for workshops: pages kept in memory, and open pages told to reload when theirs changes. */
export interface LiveServer {
  /** The address to open, such as http://127.0.0.1:4173/. */
  url: string;
  /** Replaces the page at `path` ("/", "/report") and reloads it wherever it is open. */
  setPage(path: string, html: string): void;
  /** Shows a problem above every page (the pages keep their last good version), or clears it. */
  setProblem(text: string | null): void;
  /** A note at the foot of every page, such as when it was last updated. */
  setStatus(text: string): void;
  close(): Promise<void>;
}

const reloadScript = `<script>(()=>{const events=new EventSource('/events');events.onmessage=(e)=>{if(e.data==='*'||e.data===location.pathname)location.reload()};})();</script>`;
const liveStyle =
  '<style>.live-problem{position:sticky;top:0;z-index:10;background:#fbe9df;border-bottom:3px solid #D55E00;padding:.6em 20px;font-family:inherit}.live-problem pre{white-space:pre-wrap;margin:.4em 0 0;font-size:.9em}.live-status{position:fixed;bottom:0;right:0;background:#1a1a1a;color:#fff;font:12px/1.6 Arial,sans-serif;padding:.2em .8em;border-top-left-radius:6px}</style>';
/** The pages' policy, sent as a header too: nothing from the network but this server's reload events. */
const livePolicy = "default-src 'none'; connect-src 'self'; img-src data:; font-src data:; style-src 'unsafe-inline'; script-src 'unsafe-inline'";
const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * Serves `paths` on the loopback address only (127.0.0.1), so a workshop laptop does not offer
 * them to the network, and answers only requests addressed to 127.0.0.1 or localhost with its
 * port (so a web page elsewhere cannot read them through DNS rebinding). Each page gets a small script that listens on /events (server-sent events)
 * and reloads when its page is replaced; the pages' Content-Security-Policy is widened just
 * enough to allow that one connection back to this server.
 */
export async function serveLive(port: number, paths: readonly string[]): Promise<LiveServer> {
  const pages = new Map<string, string>();
  const listeners = new Set<ServerResponse>();
  let problem: string | null = null;
  let status = '';
  const decorate = (html: string, made: boolean) => {
    const lead = made
      ? 'The last save could not be used, so this page shows the last version that worked.'
      : 'carepaths cannot make this page until this is fixed:';
    const banner = problem ? `<div class="live-problem" role="alert"><b>${lead}</b><pre>${escape(problem)}</pre></div>` : '';
    const foot = status ? `<div class="live-status" aria-live="polite">${escape(status)}</div>` : '';
    return html
      .replace("default-src 'none';", "default-src 'none'; connect-src 'self';")
      .replace('</head>', `${liveStyle}</head>`)
      .replace(/<body>/, `<body>${banner}`)
      .replace('</body>', `${foot}${reloadScript}</body>`);
  };
  const waiting = `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'"><title>carepaths: working</title></head><body><main><h1>carepaths is working on this page</h1><p>It will appear here by itself.</p></main></body></html>`;
  const notify = (message: string) => {
    for (const res of listeners) res.write(`data: ${message}\n\n`);
  };
  let allowedHosts = new Set<string>();
  const server = createServer((req, res) => {
    // DNS rebinding: a page elsewhere that points its own name at 127.0.0.1 sends its own Host.
    // Only the loopback address or localhost, with this port, may read these pages.
    if (!allowedHosts.has((req.headers.host ?? '').toLowerCase())) {
      res.writeHead(403, { 'content-type': 'text/plain; charset=utf-8' }).end(`carepaths serves this only to ${[...allowedHosts][0]}; open that address.`);
      return;
    }
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (path === '/events') {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
      res.write(': connected\n\n');
      listeners.add(res);
      req.on('close', () => listeners.delete(res));
      return;
    }
    const page = pages.get(path);
    if (!paths.includes(path)) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end(`There is no page ${path} here. Open ${paths.join(' or ')}.`);
      return;
    }
    res
      .writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'content-security-policy': livePolicy })
      .end(decorate(page ?? waiting, page !== undefined));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  allowedHosts = new Set([`127.0.0.1:${address.port}`, `localhost:${address.port}`]);
  return {
    url: `http://127.0.0.1:${address.port}/`,
    setPage(path, html) {
      pages.set(path, html);
      notify(path);
    },
    setProblem(text) {
      if (text === problem) return;
      problem = text;
      notify('*');
    },
    setStatus(text) {
      status = text;
    },
    close() {
      for (const res of listeners) res.end();
      listeners.clear();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

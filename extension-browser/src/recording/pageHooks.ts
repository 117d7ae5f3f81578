import { HOOK_SOURCE, type HookPayload, SLOW_REQUEST_MS } from './hookProtocol';

/**
 * Runs in the page's own world while recording: reports console errors and warnings, uncaught errors,
 * and failed or slow fetch/XHR requests (method, URL, status, timing — never headers or bodies) to the
 * recorder by `postMessage`. Installed once per page.
 */
export function installPageHooks(win: Window & typeof globalThis): void {
  const flag = '__handoffRecorderHooks';
  if ((win as unknown as Record<string, unknown>)[flag]) return;
  (win as unknown as Record<string, unknown>)[flag] = true;
  const post = (m: HookPayload) => win.postMessage({ source: HOOK_SOURCE, ...m }, '*');
  const str = (a: unknown) => (a instanceof Error ? `${a.name}: ${a.message}` : typeof a === 'string' ? a : safeJson(a));

  for (const [method, level] of [
    ['error', 'error'],
    ['warn', 'warning'],
  ] as const) {
    const original = win.console[method].bind(win.console);
    win.console[method] = (...args: unknown[]) => {
      post({ kind: 'console', level, text: args.map(str).join(' ').slice(0, 2000) });
      original(...args);
    };
  }
  win.addEventListener('error', (e) => post({ kind: 'console', level: 'error', text: `Uncaught ${e.message}`.slice(0, 2000) }));
  win.addEventListener('unhandledrejection', (e) =>
    post({ kind: 'console', level: 'error', text: `Unhandled rejection: ${str(e.reason)}`.slice(0, 2000) }),
  );

  const report = (method: string, url: string, status: number, started: number) => {
    const durationMs = Math.round(performance.now() - started);
    if (status === 0 || status >= 400 || durationMs >= SLOW_REQUEST_MS)
      post({ kind: 'network', method: method.toUpperCase(), url, status, durationMs });
  };
  const originalFetch = win.fetch.bind(win);
  win.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const started = performance.now();
    const req = input instanceof Request ? input : null;
    const method = init?.method ?? req?.method ?? 'GET';
    const url = new URL(req ? req.url : String(input), win.location.href).href;
    try {
      const res = await originalFetch(input, init);
      report(method, url, res.status, started);
      return res;
    } catch (e) {
      report(method, url, 0, started);
      throw e;
    }
  };
  const open = win.XMLHttpRequest.prototype.open;
  const send = win.XMLHttpRequest.prototype.send;
  const meta = new WeakMap<XMLHttpRequest, { method: string; url: string }>();
  win.XMLHttpRequest.prototype.open = function (this: XMLHttpRequest, method: string, url: string | URL, ...rest: unknown[]) {
    meta.set(this, { method, url: new URL(String(url), win.location.href).href });
    return (open as (...a: unknown[]) => void).call(this, method, url, ...rest);
  };
  win.XMLHttpRequest.prototype.send = function (this: XMLHttpRequest, body?: Document | XMLHttpRequestBodyInit | null) {
    const m = meta.get(this);
    const started = performance.now();
    if (m) this.addEventListener('loadend', () => report(m.method, m.url, this.status, started));
    return send.call(this, body);
  };
}

function safeJson(v: unknown): string {
  try {
    return JSON.stringify(v) ?? String(v);
  } catch {
    return String(v);
  }
}

import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';

/**
 * A small shop (sign-in, checkout) with a real bug behind a flag: with `bug`, coupon codes are looked
 * up case-sensitively, so "spring10" (as customers type it) makes the payment API throw and answer
 * 500; the page then says "Payment failed" and logs a console error instead of "Order confirmed".
 * The reproduction tests record it in the browser and turn it into a Playwright test.
 */
export interface SampleApp {
  url: string;
  /** Every request body the app received, to check what a recording sends where. */
  received: string[];
  close(): Promise<void>;
}

const COUPONS: Record<string, { percent: number }> = { SPRING10: { percent: 10 } };
const PRICES: Record<string, number> = { basic: 1000, pro: 2500 };

const page = (title: string, body: string, script = '') => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<style>body{font:16px system-ui;margin:2rem;max-width:28rem}label{display:block;margin:.6rem 0}input,select{display:block;width:100%;padding:.3rem}
button{margin-top:1rem;padding:.4rem 1rem}[role=alert]{color:#b00}[role=status]{color:#070}</style></head>
<body><h1>${title}</h1>${body}${script ? `<script>${script}</script>` : ''}</body></html>`;

const LOGIN = page(
  'Sign in',
  `<form method="post" action="/login">
  <label>E-mail <input name="email" type="email" autocomplete="username"></label>
  <label>Password <input name="password" type="password" autocomplete="current-password" data-testid="password"></label>
  <button type="submit">Sign in</button>
</form>`,
);

const CHECKOUT = page(
  'Checkout',
  `<form id="checkout">
  <label>Plan <select name="plan"><option value="basic">Basic</option><option value="pro">Pro</option></select></label>
  <label>Name on card <input name="name" autocomplete="cc-name"></label>
  <label>Card number <input name="card" inputmode="numeric" autocomplete="cc-number"></label>
  <label>Coupon <input name="coupon"></label>
  <button type="submit" data-testid="pay">Pay now</button>
</form>
<p id="result"></p>`,
  `document.getElementById('checkout').addEventListener('submit', async (e) => {
  e.preventDefault();
  const f = new FormData(e.target);
  const card = String(f.get('card')).replace(/\\D/g, '');
  const res = await fetch('/api/pay?session=' + document.cookie.replace('session=', ''), {
    method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer shop-secret-token' },
    body: JSON.stringify({ plan: f.get('plan'), coupon: f.get('coupon'), last4: card.slice(-4) }),
  });
  const out = document.getElementById('result');
  if (res.ok) { const j = await res.json(); out.setAttribute('role', 'status'); out.textContent = 'Order confirmed: ' + j.total; }
  else { out.setAttribute('role', 'alert'); out.textContent = 'Payment failed'; console.error('Payment failed: HTTP ' + res.status + ' ' + (await res.text())); }
});`,
);

async function body(req: IncomingMessage): Promise<string> {
  let s = '';
  for await (const chunk of req) s += chunk;
  return s;
}

/** Starts the shop on 127.0.0.1 (a free port unless `port` is given). */
export async function startSampleApp(opts: { bug: boolean; port?: number }): Promise<SampleApp> {
  const received: string[] = [];
  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const text = await body(req);
    if (text) received.push(text);
    const html = (s: string) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(s);
    if (req.method === 'GET' && (url.pathname === '/' || url.pathname === '/login')) return html(LOGIN);
    if (req.method === 'POST' && url.pathname === '/login') {
      return void res.writeHead(303, { location: '/checkout', 'set-cookie': `session=${randomUUID()}; Path=/` }).end();
    }
    if (req.method === 'GET' && url.pathname === '/checkout') return html(CHECKOUT);
    if (req.method === 'POST' && url.pathname === '/api/pay') {
      try {
        const { plan, coupon } = JSON.parse(text) as { plan: string; coupon: string };
        const code = opts.bug ? coupon.trim() : coupon.trim().toUpperCase();
        const price = PRICES[plan] ?? 0;
        const percent = code ? (COUPONS[code] as { percent: number }).percent : 0;
        const total = ((price * (100 - percent)) / 10000).toFixed(2);
        return void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ total }));
      } catch (e) {
        return void res.writeHead(500, { 'content-type': 'text/plain' }).end((e as Error).message);
      }
    }
    res.writeHead(404).end('not found');
  });
  await new Promise<void>((r) => server.listen(opts.port ?? 0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    close: () =>
      new Promise((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

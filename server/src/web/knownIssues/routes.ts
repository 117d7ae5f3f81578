import type http from 'node:http';
import type { Services } from '../../context.js';
import { KnownSolutionStore } from '../../store/knownSolutions.js';
import { indexPage, productPage } from './page.js';

const CSP = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

function html(res: http.ServerResponse, status: number, body: string): void {
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'content-security-policy': CSP,
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-cache',
  });
  res.end(body);
}

/**
 * The public known-issues pages (no sign-in): `/known-issues/` lists the products, and
 * `/known-issues/<product>?q=…` shows that product's published customer answers — only those a
 * lead published. Returns false for other paths.
 */
export function createKnownIssuesHandler(services: Services) {
  const solutions = new KnownSolutionStore(services.store, services.incidents.prefix);
  return (req: http.IncomingMessage, res: http.ServerResponse, url: URL): boolean => {
    if (url.pathname === '/known-issues') {
      res.writeHead(308, { location: '/known-issues/' });
      res.end();
      return true;
    }
    if (!url.pathname.startsWith('/known-issues/')) return false;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET', 'content-type': 'text/plain; charset=utf-8' });
      res.end('The known-issues pages are read with GET.');
      return true;
    }
    let product: string;
    try {
      product = decodeURIComponent(url.pathname.slice('/known-issues/'.length));
    } catch {
      html(res, 400, productPage('?', '', []));
      return true;
    }
    const q = (url.searchParams.get('q') ?? '').slice(0, 200);
    const answer = product
      ? solutions.published(product, q).then((answers) => html(res, 200, productPage(product, q, answers)))
      : solutions.publishedProducts().then((products) => html(res, 200, indexPage(products)));
    answer.catch((err: Error) => {
      res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(`The known issues cannot be read right now: ${err.message}`);
    });
    return true;
  };
}

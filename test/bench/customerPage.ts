import { summary } from './stats.js';

type Trpc = <T>(url: string, token: string, proc: string, input: unknown, method: 'GET' | 'POST') => Promise<T>;

/**
 * The customer's page at `stored` incidents: render latency of `GET /c/<token>` for links spread
 * over the store (timed like byRef, in the same run), and the page's weight without images
 * (HTML + its stylesheet + its script, as a browser loads them).
 */
export async function customerPageBench(trpc: Trpc, url: string, token: string, stored: number, links = 200, requests = 2000) {
  const pages: string[] = [];
  for (let i = 0; i < links; i++) {
    const ref = String(1001 + ((i * 7919) % stored));
    pages.push((await trpc<{ url: string }>(url, token, 'incidents.share', { ref }, 'POST')).url);
  }
  const samples: number[] = [];
  let html = 0;
  for (let i = 0; i < requests; i++) {
    const t0 = performance.now();
    const res = await fetch(pages[i % pages.length]!, { headers: { 'accept-language': 'en' } });
    const body = await res.text();
    samples.push(performance.now() - t0);
    if (res.status !== 200) throw new Error(`customer page answered ${res.status}`);
    html = Math.max(html, Buffer.byteLength(body));
  }
  const asset = async (p: string) => Buffer.byteLength(await (await fetch(`${url}/c/static/${p}`)).text());
  const css = await asset('page.css');
  const js = await asset('live.js');
  return { render: summary(samples), weightBytes: { html, css, js, total: html + css + js } };
}

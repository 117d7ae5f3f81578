import { EventSource } from 'eventsource';

/** A visitor of a customer's page: keeps the CSRF cookie the page sets, as a browser would. */
export function visitor(pageUrl: string, headers: Record<string, string> = {}) {
  let cookie = '';
  let csrf = '';
  return {
    async get(suffix = '', extra: Record<string, string> = {}) {
      const res = await fetch(`${pageUrl}${suffix}`, {
        headers: { ...headers, ...extra, ...(cookie ? { cookie } : {}) },
        redirect: 'manual',
      });
      const set = res.headers.get('set-cookie');
      if (set) cookie = set.split(';')[0]!;
      const body = await res.text();
      csrf = /name="csrf" value="([^"]+)"/.exec(body)?.[1] ?? csrf;
      return { res, body };
    },
    async post(
      what: 'comments' | 'evaluation' | 'subscribe' | 'confirm' | 'unsubscribe',
      fields: Record<string, string>,
      opts: { csrf?: string; cookie?: boolean; origin?: string } = {},
    ) {
      const res = await fetch(`${pageUrl}/${what}`, {
        method: 'POST',
        redirect: 'manual',
        headers: {
          ...headers,
          'content-type': 'application/x-www-form-urlencoded',
          ...(opts.cookie === false ? {} : { cookie }),
          ...(opts.origin ? { origin: opts.origin } : {}),
        },
        body: new URLSearchParams({ csrf: opts.csrf ?? csrf, ...fields }).toString(),
      });
      return { res, body: await res.text() };
    },
    /** Posts the comment form as a browser does when it carries a file (multipart). */
    async postMultipart(what: 'comments', form: FormData) {
      form.set('csrf', csrf);
      const res = await fetch(`${pageUrl}/${what}`, { method: 'POST', redirect: 'manual', headers: { ...headers, cookie }, body: form });
      return { res, body: await res.text() };
    },
  };
}

/** The page's live stream as the page's script reads it; `waitFor` polls until a condition holds. */
export function customerStream(url: string) {
  const messages: { id: number; kind: string; text: string | null; summary: string | null; who: string | null; statusText: string }[] = [];
  const raw: string[] = [];
  const source = new EventSource(url);
  let opened!: () => void;
  const open = new Promise<void>((r) => (opened = r));
  source.addEventListener('open', () => opened());
  source.addEventListener('message', (e) => {
    raw.push(e.data);
    messages.push(JSON.parse(e.data));
  });
  return {
    messages,
    raw,
    open,
    async waitFor(test: () => boolean, what: string, ms = 10_000) {
      const until = Date.now() + ms;
      while (!test() && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
      if (!test()) throw new Error(`stream: ${what} did not arrive; got ${JSON.stringify(messages)}`);
    },
    close: () => source.close(),
  };
}

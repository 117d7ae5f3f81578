import escapeHtml from 'escape-html';

export interface PublishedAnswer {
  title: string;
  fixed_in_version: string | null;
  customer_answer: string | null;
  published_at: string | null;
}

const STYLE = `body{font-family:system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#0b0c0c;line-height:1.5}
h1{font-size:2rem}article{border-top:1px solid #b1b4b6;padding:.5rem 0}label{font-weight:700;display:block}
input{font:inherit;padding:.3rem;width:70%}button{font:inherit;background:#00703c;color:#fff;border:0;padding:.35rem .9rem}
a{color:#1d70b8}.meta{color:#505a5f}:focus-visible{outline:3px solid #fd0}`;

function layout(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body><main>${body}</main></body></html>`;
}

/** The products with published answers, each linking to its page. */
export function indexPage(products: string[]): string {
  const items = products.map((p) => `<li><a href="/known-issues/${encodeURIComponent(p)}">${escapeHtml(p)}</a></li>`).join('');
  return layout(
    'Known issues',
    `<h1>Known issues</h1><p>Problems we know about, and what you can do about them.</p>${
      items ? `<ul>${items}</ul>` : '<p>There are no known issues published.</p>'
    }`,
  );
}

/**
 * One product's published answers, searchable with a plain GET form (works without JavaScript).
 * Every value is escaped: the answers are text, never markup.
 */
export function productPage(product: string, q: string, answers: PublishedAnswer[]): string {
  const list = answers
    .map(
      (a) =>
        `<article><h2>${escapeHtml(a.title)}</h2><p>${escapeHtml(a.customer_answer ?? '')}</p>${
          a.fixed_in_version ? `<p class="meta">Fixed in version ${escapeHtml(a.fixed_in_version)}.</p>` : ''
        }</article>`,
    )
    .join('');
  const found = q ? `<p role="status">${answers.length} ${answers.length === 1 ? 'answer' : 'answers'} for “${escapeHtml(q)}”.</p>` : '';
  return layout(
    `Known issues: ${product}`,
    `<p><a href="/known-issues/">All products</a></p><h1>Known issues: ${escapeHtml(product)}</h1>
<form method="get" role="search"><label for="q">Search the known issues</label>
<input id="q" name="q" type="search" maxlength="200" value="${escapeHtml(q)}"> <button type="submit">Search</button></form>
${found}${list || '<p>No published answers match.</p>'}`,
  );
}

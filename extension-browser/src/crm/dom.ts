/** Small readers over a page's DOM. Everything returned is plain text; nothing is ever parsed as HTML. */

export function clean(s: string | null | undefined): string | undefined {
  const t = (s ?? '').replace(/\s+/g, ' ').trim();
  return t || undefined;
}

import { blockText } from './read/text';

/** Keeps line breaks (for messages), collapses other blanks. */
export function cleanBlock(s: string | null | undefined): string | undefined {
  const t = (s ?? '')
    .split('\n')
    .map((l) => l.replace(/[ \t\r\f\v]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return t || undefined;
}

function fieldValue(el: Element): string | null {
  if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) return el.value || el.getAttribute('value');
  if (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA')
    return (el as HTMLInputElement).value || el.getAttribute('value') || el.textContent;
  return el.textContent;
}

/** Text (or an input's value) of the first selector that matches something non-empty. */
export function textOf(root: ParentNode, ...selectors: string[]): string | undefined {
  for (const sel of selectors) {
    for (const el of Array.from(root.querySelectorAll(sel))) {
      const t = clean(fieldValue(el));
      if (t) return t;
    }
  }
  return undefined;
}

/** Like textOf, for the last match (newest message in a conversation), keeping line breaks. */
export function lastBlockOf(root: ParentNode, ...selectors: string[]): string | undefined {
  for (const sel of selectors) {
    const all = Array.from(root.querySelectorAll(sel));
    for (let i = all.length - 1; i >= 0; i--) {
      const t = blockText(all[i]!);
      if (t) return t;
    }
  }
  return undefined;
}

/** The first match's text with line breaks (a conversation's opening message). */
export function firstBlockOf(root: ParentNode, selector: string): string | undefined {
  for (const el of Array.from(root.querySelectorAll(selector))) {
    const t = blockText(el);
    if (t) return t;
  }
  return undefined;
}

export function attrOf(root: ParentNode, selector: string, name: string): string | undefined {
  return clean(root.querySelector(selector)?.getAttribute(name));
}

const EMAIL_RE = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;

export function emailsIn(text: string | undefined): string[] {
  return [...new Set((text ?? '').match(EMAIL_RE) ?? [])];
}

export function firstEmail(...texts: (string | undefined)[]): string | undefined {
  for (const t of texts) {
    const e = emailsIn(t)[0];
    if (e) return e;
  }
  return undefined;
}

/** First capture group of `re` in the URL's path + hash. */
export function fromUrl(url: URL, re: RegExp): string | undefined {
  return re.exec(url.pathname + url.search + url.hash)?.[1];
}

import { selfShown } from './visible';

const BLOCK = new Set([
  'P',
  'DIV',
  'LI',
  'UL',
  'OL',
  'TR',
  'TABLE',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'BLOCKQUOTE',
  'PRE',
  'SECTION',
  'ARTICLE',
  'HEADER',
  'FOOTER',
  'DD',
  'DT',
  'DL',
  'HR',
  'ASIDE',
  'MAIN',
  'NAV',
  'FORM',
  'FIELDSET',
  'ADDRESS',
]);

function input(el: Element): string | null {
  if (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT')
    return (el as HTMLInputElement).value || el.getAttribute('value') || (el.tagName === 'TEXTAREA' ? el.textContent : '');
  return null;
}

/**
 * The visible text of an element the way a person reads it: paragraphs, line breaks and list items become
 * lines (ordered items keep their number), the source's own whitespace does not, hidden parts are left out.
 */
export function blockText(el: Element): string {
  const cached = textCache.get(el);
  if (cached !== undefined) return cached;
  const text = computeBlockText(el);
  textCache.set(el, text);
  return text;
}

/** One read looks at the same subtrees many times; the page does not change while a script reads it. */
const textCache = new WeakMap<Element, string>();

function computeBlockText(el: Element): string {
  const out: string[] = [];
  const walk = (n: Node, pre: boolean) => {
    if (n.nodeType === 3) {
      out.push(pre ? (n.nodeValue ?? '') : (n.nodeValue ?? '').replace(/\s+/g, ' '));
      return;
    }
    if (n.nodeType !== 1) return;
    const e = n as Element;
    if (!selfShown(e)) return;
    const v = input(e);
    if (v !== null) return void out.push(v);
    if (e.tagName === 'BR') return void out.push('\n');
    const block = BLOCK.has(e.tagName);
    if (block) out.push('\n');
    if (e.tagName === 'LI') {
      const list = e.parentElement;
      if (list?.tagName === 'OL')
        out.push(
          `${
            Array.from(list.children)
              .filter((c) => c.tagName === 'LI')
              .indexOf(e) + 1
          }. `,
        );
      else out.push('- ');
    }
    if (e.tagName === 'TD' || e.tagName === 'TH') out.push(' ');
    for (const c of Array.from(e.childNodes)) walk(c, pre || e.tagName === 'PRE');
    if (block) out.push('\n');
  };
  walk(el, false);
  return out
    .join('')
    .split('\n')
    .map((l) => l.replace(/[ \t\r\f\v\u00a0]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** One line: the visible text with all whitespace collapsed. */
export function lineText(el: Element): string {
  return blockText(el).replace(/\s+/g, ' ').trim();
}

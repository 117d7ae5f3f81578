/**
 * Selectors for teach mode that survive layout changes: built from what names an element (ids without
 * per-ticket numbers, data- attributes, ARIA labels, itemprop, meaningful classes), never from positions.
 */

const STABLE_ATTRS = [
  'data-testid',
  'data-test-id',
  'data-test',
  'data-qa',
  'data-cy',
  'data-field',
  'data-name',
  'data-field-name',
  'itemprop',
  'name',
  'aria-label',
  'role',
];
/** Classes that say a state or a layout, not what the element is. */
const NOISE_CLASS =
  /^(active|selected|open|closed|hover|focus|show|hidden|visible|clear|clearfix|row|col|col-.*|pull-.*|float-.*|flex.*|grid.*|d-.*|m[trblxy]?-\d|p[trblxy]?-\d|text-.*|bg-.*|ng-.*|ember-view|js-.*|is-.*|has-.*|css-.*|sc-.*|jsx-.*|[a-z]{1,3}\d.*|.*__[a-z0-9]{5,})$/i;

const esc = (s: string) => (typeof CSS !== 'undefined' && CSS.escape ? CSS.escape(s) : s.replace(/([^\w-])/g, '\\$1'));
const q = (s: string) => `"${s.replace(/["\\]/g, '\\$&')}"`;

/** `user-5-name` → `[id^="user-"][id$="-name"]`; ids without digits stay `#id`; generated ids give nothing. */
function idPart(id: string): string | null {
  if (!id || id.length > 60) return null;
  if (!/\d/.test(id)) return `#${esc(id)}`;
  const m = /^([A-Za-z_-]*?[_-])\d+([_-][A-Za-z_-]+)?$/.exec(id);
  if (m && m[1]!.length >= 3) return `[id^=${q(m[1]!)}]${m[2] ? `[id$=${q(m[2])}]` : ''}`;
  return null;
}

function step(el: Element): string {
  const tag = el.tagName.toLowerCase();
  const id = idPart(el.id);
  if (id) return id.startsWith('#') ? id : `${tag}${id}`;
  for (const a of STABLE_ATTRS) {
    const v = el.getAttribute(a);
    if (v && v.length <= 80 && !/\d{3,}/.test(v) && v !== 'false' && v !== 'true') return `${tag}[${a}=${q(v)}]`;
  }
  const data = Array.from(el.attributes).find(
    (a) => a.name.startsWith('data-') && /^(true|customer|agent|user|staff|requester|incoming|outgoing)$/i.test(a.value),
  );
  const classes = (typeof el.className === 'string' ? el.className : '')
    .split(/\s+/)
    .filter((c) => c && !NOISE_CLASS.test(c) && c.length < 40);
  return `${tag}${classes
    .slice(0, 2)
    .map((c) => `.${esc(c)}`)
    .join('')}${data ? `[${data.name}=${q(data.value)}]` : ''}`;
}

function matches(doc: Document, sel: string): Element[] {
  try {
    return Array.from(doc.querySelectorAll(sel));
  } catch {
    return [];
  }
}

const named = (s: string) => /[.#[]/.test(s);

/**
 * A selector for `el`: for single fields the first match is `el`; with `all`, the selector matches `el`
 * and the elements repeated like it (messages of one conversation), read later at their last match.
 * Null when nothing on the element or its ancestors names it.
 */
export function robustSelector(target: Element, all = false): string | null {
  const doc = target.ownerDocument;
  let el = target;
  // A click on a bare <p> inside a message body means the body.
  if (all) while (!named(step(el)) && el.parentElement && el.parentElement !== doc.body) el = el.parentElement;
  const steps: string[] = [];
  for (let e: Element | null = el; e && e !== doc.body && e !== doc.documentElement && steps.length < 6; e = e.parentElement) {
    const s = step(e);
    if (!named(s) && steps.length > 0) continue; // bare ancestors add position, not meaning
    steps.unshift(s);
    const found = matches(doc, steps.join(' '));
    if (!all && found[0] === el && named(steps.join(' '))) return steps.join(' ');
    if (all && found.includes(el) && steps.length >= 2) return steps.join(' ');
  }
  if (all && matches(doc, steps.join(' ')).includes(el)) return steps.join(' ');
  return null;
}

/** The label written beside `el` ("Email:" in the cell or element before it), for reading by label when the selector fails. */
export function labelBeside(el: Element): string | undefined {
  const cands = [el.previousElementSibling, el.parentElement?.previousElementSibling, el.closest('td, dd')?.previousElementSibling];
  for (const c of cands) {
    const t = (c?.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (t && t.length <= 40 && /\p{L}/u.test(t) && c!.children.length <= 2) return t;
  }
  return undefined;
}

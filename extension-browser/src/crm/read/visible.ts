/**
 * What an agent can see. A page reader must skip hidden templates, loading overlays and off-screen copies:
 * osTicket, for one, keeps a hidden "Loading ..." h1 before the ticket's own heading.
 */

const SKIP_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'svg', 'SVG', 'HEAD', 'META', 'LINK', 'IFRAME']);
/** Ids/classes of things that cover or stand in for content while a page loads. */
const TRANSIENT = /(?:^|[\s_-])(loading|loader|spinner|overlay|skeleton|placeholder|sr-only|visually-hidden|screen-reader)(?:$|[\s_-])/i;

/** True when the document was laid out (a real browser); unit tests' DOMs have no layout, so size is not checked there. */
function hasLayout(doc: Document): boolean {
  const w = doc.defaultView;
  return !!w && !!doc.body && doc.body.getBoundingClientRect().width > 0;
}

const layoutCache = new WeakMap<Document, boolean>();

const shownCache = new WeakMap<Element, boolean>();

/** The element itself is shown (not its ancestors): no hidden/aria-hidden, not display:none or invisible. Cached per read. */
function selfShown(el: Element): boolean {
  const cached = shownCache.get(el);
  if (cached !== undefined) return cached;
  const v = computeShown(el);
  shownCache.set(el, v);
  return v;
}

function computeShown(el: Element): boolean {
  if (SKIP_TAGS.has(el.tagName)) return false;
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return false;
  if (TRANSIENT.test(`${el.id} ${typeof el.className === 'string' ? el.className : ''}`)) return false;
  const view = el.ownerDocument.defaultView;
  const style = view?.getComputedStyle?.(el);
  if (style && (style.display === 'none' || style.visibility === 'hidden' || style.opacity === '0')) return false;
  const inline = (el as HTMLElement).style;
  if (inline && (inline.display === 'none' || inline.visibility === 'hidden')) return false;
  return true;
}

/** The element and all its ancestors are shown, and (in a real browser) it takes up space. */
export function isVisible(el: Element): boolean {
  for (let e: Element | null = el; e && e !== e.ownerDocument.documentElement; e = e.parentElement) if (!selfShown(e)) return false;
  const doc = el.ownerDocument;
  let laidOut = layoutCache.get(doc);
  if (laidOut === undefined) {
    laidOut = hasLayout(doc);
    layoutCache.set(doc, laidOut);
  }
  if (laidOut) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 && r.height === 0 && el.tagName !== 'INPUT') return false;
  }
  return true;
}

/** Visible matches of a selector (an invalid selector matches nothing). */
export function visibleAll(root: ParentNode, selector: string): Element[] {
  try {
    return Array.from(root.querySelectorAll(selector)).filter(isVisible);
  } catch {
    return [];
  }
}

export { selfShown };

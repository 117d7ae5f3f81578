import { finder } from '@medv/finder';

const TEST_ID_ATTRS = ['data-testid', 'data-test-id', 'data-test', 'data-qa'];

/** The role an element has without an explicit `role` (the ones a recorded step acts on). */
export function roleOf(el: Element): string | null {
  const explicit = el.getAttribute('role');
  if (explicit) return explicit.split(/\s+/)[0] ?? null;
  const tag = el.tagName.toLowerCase();
  const type = (el.getAttribute('type') ?? 'text').toLowerCase();
  if (tag === 'button' || (tag === 'input' && ['submit', 'button', 'reset', 'image'].includes(type))) return 'button';
  if (tag === 'a' && el.hasAttribute('href')) return 'link';
  if (tag === 'select') return (el as HTMLSelectElement).multiple ? 'listbox' : 'combobox';
  if (tag === 'textarea') return 'textbox';
  if (tag === 'input') {
    if (['checkbox', 'radio'].includes(type)) return type;
    if (type === 'number') return 'spinbutton';
    if (['text', 'email', 'search', 'tel', 'url'].includes(type)) return 'textbox';
  }
  if (tag === 'summary') return 'button';
  return null;
}

const clean = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

const CONTROL_TAGS = new Set(['INPUT', 'SELECT', 'TEXTAREA']);

/**
 * The text of a label without the control inside it (its options or value are not part of its name),
 * read by walking its text nodes — no copy of the label is made.
 */
function labelText(label: HTMLLabelElement): string {
  const walker = label.ownerDocument.createTreeWalker(label, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode: (n) => (CONTROL_TAGS.has(n.nodeName) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  let text = '';
  for (let n = walker.nextNode(); n; n = walker.nextNode()) if (n.nodeType === Node.TEXT_NODE) text += n.nodeValue;
  return clean(text);
}

/** The accessible name, as far as the recorder needs it: aria-label(ledby), labels, then content or placeholder. */
export function accessibleName(el: Element): string {
  const aria = clean(el.getAttribute('aria-label'));
  if (aria) return aria;
  const by = el.getAttribute('aria-labelledby');
  if (by) {
    const text = clean(
      by
        .split(/\s+/)
        .map((id) => el.ownerDocument.getElementById(id)?.textContent ?? '')
        .join(' '),
    );
    if (text) return text;
  }
  const labels = (el as HTMLInputElement).labels;
  if (labels && labels.length > 0) {
    const text = clean([...labels].map(labelText).join(' '));
    if (text) return text;
  }
  const tag = el.tagName.toLowerCase();
  if (tag === 'input' && ['submit', 'button', 'reset'].includes((el as HTMLInputElement).type))
    return clean((el as HTMLInputElement).value);
  if (!['input', 'select', 'textarea'].includes(tag)) {
    const text = clean(el.textContent);
    if (text) return text;
  }
  return clean(el.getAttribute('placeholder') ?? el.getAttribute('title'));
}

const cssString = (s: string) => `"${s.replace(/["\\]/g, '\\$&')}"`;

/**
 * Recorder selectors for `el`, most robust first: a test id, its role and accessible name, its visible
 * text, then a unique CSS path (last, it breaks with the layout). `keep` filters out a selector whose
 * text must not be recorded (it holds a secret).
 */
export function selectorsFor(el: Element, keep: (s: string) => boolean = () => true): string[][] {
  const out: string[] = [];
  for (const attr of TEST_ID_ATTRS) {
    const v = el.getAttribute(attr);
    if (v) {
      out.push(attr === 'data-testid' ? `[data-testid=${cssString(v)}]` : `[${attr}=${cssString(v)}]`);
      break;
    }
  }
  const name = accessibleName(el);
  const role = roleOf(el);
  if (name && name.length <= 200) {
    out.push(role && role !== 'combobox' && role !== 'listbox' ? `aria/${name}[role="${role}"]` : `aria/${name}`);
    if (role === 'button' || role === 'link') out.push(`text/${name}`);
  }
  try {
    out.push(finder(el, { timeoutMs: 50 }));
  } catch {
    // finder gives up on pathological pages; the selectors above still identify the element
  }
  return out.filter(keep).map((s) => [s]);
}

const ACTIONABLE =
  'button, a[href], input, select, textarea, label, summary, [role="button"], [role="link"], [role="tab"], [role="menuitem"], [role="option"], [role="checkbox"], [role="radio"]';

/** What a click acted on: the nearest actionable ancestor of the clicked node (a span inside a button is the button). */
export function clickTarget(node: EventTarget | null): Element | null {
  const el = node instanceof Element ? node : node instanceof Node ? node.parentElement : null;
  return el?.closest(ACTIONABLE) ?? el;
}

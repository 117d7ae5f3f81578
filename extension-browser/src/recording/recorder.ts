import type { MaskKind, RecorderStep } from '@handoff/shared';
import { clickTarget, selectorsFor } from './elementSelectors';
import { readHookMessage } from './hookProtocol';
import { keysOf, type KeyTarget } from './keys';
import { type FieldFacts, maskFieldValue, maskText, type MaskRules, secretFieldKind, stripUrl } from './mask';
import type { RecorderMessage } from './messages';

type Send = (m: RecorderMessage) => void;
const FIELD = 'input, select, textarea';
const TEXT_TYPES = new Set(['text', 'email', 'search', 'tel', 'url', 'password', 'number', 'date', 'time', '']);

function isTextField(el: Element): boolean {
  if (el.tagName === 'TEXTAREA' || el.tagName === 'SELECT') return true;
  return el.tagName === 'INPUT' && TEXT_TYPES.has((el as HTMLInputElement).type);
}

function factsOf(el: Element): FieldFacts {
  const field = el as HTMLInputElement;
  return { tag: el.tagName.toLowerCase(), type: field.type ?? '', autocomplete: field.autocomplete ?? '', name: field.name ?? '' };
}

/** What an event leaves to do once the page is idle: work out selectors and send the step. */
type Pending =
  | { kind: 'click'; el: Element; double: boolean; secondary: boolean; x: number; y: number }
  | { kind: 'change'; el: Element; value: string; masked?: MaskKind }
  | { kind: 'keys'; keys: string[] };

/**
 * The recorder on the product page (isolated world): turns the agent's clicks, typing, choices and
 * key presses into Recorder steps — values masked and secret-looking selectors dropped before they
 * leave the page — and passes on what the page hooks report. Returns a function that stops it.
 *
 * The event listeners only note what happened (the element, the value, the keys): the costly part —
 * selectors (a unique CSS path, accessible names), the element's box — runs in a task after the
 * event, so the page's own handlers and rendering do not wait for the recorder. Pending steps are
 * also written out when the page goes away (a click that navigates), in order.
 */
export function startRecorder(doc: Document, rules: MaskRules, send: Send): () => void {
  const win = doc.defaultView as Window;
  const keep = (s: string) => !maskText(s, rules).masked;
  /** The last value recorded per field, so Enter or Tab (before `change` fires) and `change` record it once. */
  const recorded = new WeakMap<Element, string>();
  const pending: Pending[] = [];
  let scheduled: ReturnType<typeof setTimeout> | null = null;

  const flush = () => {
    if (scheduled !== null) clearTimeout(scheduled);
    scheduled = null;
    for (const p of pending.splice(0)) for (const step of stepsOf(p)) send({ type: 'recorder:step', step });
  };
  const later = (p: Pending) => {
    pending.push(p);
    scheduled ??= setTimeout(flush, 0);
  };

  const stepsOf = (p: Pending): RecorderStep[] => {
    if (p.kind === 'keys') {
      // modifiers go down first and come up last: Control, k, k, Control
      return [
        ...p.keys.map((key): RecorderStep => ({ type: 'keyDown', key })),
        ...[...p.keys].reverse().map((key): RecorderStep => ({ type: 'keyUp', key })),
      ];
    }
    const selectors = selectorsFor(p.el, keep);
    if (selectors.length === 0) return [];
    if (p.kind === 'change') return [{ type: 'change', value: p.value, selectors, ...(p.masked ? { handoff: { masked: p.masked } } : {}) }];
    const box = p.el.isConnected ? p.el.getBoundingClientRect() : null;
    return [
      {
        type: p.double ? 'doubleClick' : 'click',
        selectors,
        offsetX: box ? Math.max(0, Math.round(p.x - box.left)) : 0,
        offsetY: box ? Math.max(0, Math.round(p.y - box.top)) : 0,
        ...(p.secondary ? { button: 'secondary' as const } : {}),
      },
    ];
  };

  const noteChange = (el: Element) => {
    const value = (el as HTMLInputElement).value;
    if (recorded.get(el) === value) return;
    recorded.set(el, value);
    const m = maskFieldValue(factsOf(el), value, rules);
    later({ kind: 'change', el, value: m.value, ...(m.masked ? { masked: m.masked } : {}) });
  };

  const onClick = (e: MouseEvent) => {
    if (!e.isTrusted) return;
    const el = clickTarget(e.target);
    // Focusing a field is not a step: the change that follows fills it.
    if (!el || isTextField(el) || el.tagName === 'LABEL') return;
    later({ kind: 'click', el, double: e.detail === 2, secondary: e.button === 2, x: e.clientX, y: e.clientY });
  };
  const onChange = (e: Event) => {
    if (!e.isTrusted || !(e.target instanceof Element) || !e.target.matches(FIELD)) return;
    const type = (e.target as HTMLInputElement).type;
    if (type === 'checkbox' || type === 'radio' || type === 'file') return; // the click is the step
    noteChange(e.target);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (!e.isTrusted) return;
    const field = e.target instanceof Element && e.target.matches(FIELD) ? e.target : null;
    const where: KeyTarget = !field || !isTextField(field) ? 'page' : secretFieldKind(factsOf(field)) ? 'secretField' : 'textField';
    const keys = keysOf(e, where);
    if (!keys) return;
    if (field) noteChange(field); // Enter submits and Tab leaves before `change` fires: the value goes first
    later({ kind: 'keys', keys });
  };
  const onHook = (e: MessageEvent) => {
    const m = e.source === win ? readHookMessage(e.data) : null;
    if (!m) return;
    flush(); // a console message or request belongs to the step that caused it
    if (m.kind === 'console')
      send({ type: 'recorder:console', note: { level: m.level, text: maskText(m.text, rules).text.slice(0, 1000) } });
    else {
      const { method, status } = m;
      send({
        type: 'recorder:network',
        note: { method, status, url: stripUrl(m.url, rules).slice(0, 2000), durationMs: Math.round(m.durationMs) },
      });
    }
  };

  doc.addEventListener('click', onClick, true);
  doc.addEventListener('change', onChange, true);
  doc.addEventListener('keydown', onKeyDown, true);
  win.addEventListener('message', onHook);
  win.addEventListener('pagehide', flush, true);
  return () => {
    flush();
    doc.removeEventListener('click', onClick, true);
    doc.removeEventListener('change', onChange, true);
    doc.removeEventListener('keydown', onKeyDown, true);
    win.removeEventListener('message', onHook);
    win.removeEventListener('pagehide', flush, true);
  };
}

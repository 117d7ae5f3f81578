import type { RecorderStep } from '@handoff/shared';
import { clickTarget, selectorsFor } from './elementSelectors';
import { maskFieldValue, maskText, type MaskRules, stripUrl } from './mask';
import { readHookMessage } from './hookProtocol';
import type { RecorderMessage } from './messages';

type Send = (m: RecorderMessage) => void;
const FIELD = 'input, select, textarea';
const KEYS = new Set(['Enter', 'Escape']);
const TEXT_TYPES = new Set(['text', 'email', 'search', 'tel', 'url', 'password', 'number', 'date', 'time', '']);

function isTextField(el: Element): boolean {
  if (el.tagName === 'TEXTAREA' || el.tagName === 'SELECT') return true;
  return el.tagName === 'INPUT' && TEXT_TYPES.has((el as HTMLInputElement).type);
}

/**
 * The recorder on the product page (isolated world): turns the agent's clicks, typing, choices and
 * key presses into Recorder steps — values masked and secret-looking selectors dropped before they
 * leave the page — and passes on what the page hooks report. Returns a function that stops it.
 */
export function startRecorder(doc: Document, rules: MaskRules, send: Send): () => void {
  const win = doc.defaultView as Window;
  const keep = (s: string) => !maskText(s, rules).masked;
  /** The last value recorded per field, so Enter (which submits before `change` fires) and `change` record it once. */
  const recorded = new WeakMap<Element, string>();

  const recordChange = (el: Element) => {
    const field = el as HTMLInputElement;
    const value = field.value;
    if (recorded.get(el) === value) return;
    recorded.set(el, value);
    const facts = { tag: el.tagName.toLowerCase(), type: field.type ?? '', autocomplete: field.autocomplete ?? '', name: field.name ?? '' };
    const m = maskFieldValue(facts, value, rules);
    const selectors = selectorsFor(el, keep);
    if (selectors.length === 0) return;
    const step: RecorderStep = { type: 'change', value: m.value, selectors, ...(m.masked ? { handoff: { masked: m.masked } } : {}) };
    send({ type: 'recorder:step', step });
  };

  const onClick = (e: MouseEvent) => {
    if (!e.isTrusted) return;
    const el = clickTarget(e.target);
    // Focusing a field is not a step: the change that follows fills it.
    if (!el || isTextField(el) || el.tagName === 'LABEL') return;
    const selectors = selectorsFor(el, keep);
    if (selectors.length === 0) return;
    const box = el.getBoundingClientRect();
    send({
      type: 'recorder:step',
      step: {
        type: e.detail === 2 ? 'doubleClick' : 'click',
        selectors,
        offsetX: Math.round(e.clientX - box.left),
        offsetY: Math.round(e.clientY - box.top),
        ...(e.button === 2 ? { button: 'secondary' as const } : {}),
      },
    });
  };
  const onChange = (e: Event) => {
    if (!e.isTrusted || !(e.target instanceof Element) || !e.target.matches(FIELD)) return;
    const type = (e.target as HTMLInputElement).type;
    if (type === 'checkbox' || type === 'radio' || type === 'file') return; // the click is the step
    recordChange(e.target);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (!e.isTrusted || !KEYS.has(e.key)) return;
    if (e.target instanceof Element && e.target.matches(FIELD)) recordChange(e.target);
    send({ type: 'recorder:step', step: { type: 'keyDown', key: e.key } });
    send({ type: 'recorder:step', step: { type: 'keyUp', key: e.key } });
  };
  const onHook = (e: MessageEvent) => {
    const m = e.source === win ? readHookMessage(e.data) : null;
    if (!m) return;
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
  return () => {
    doc.removeEventListener('click', onClick, true);
    doc.removeEventListener('change', onChange, true);
    doc.removeEventListener('keydown', onKeyDown, true);
    win.removeEventListener('message', onHook);
  };
}

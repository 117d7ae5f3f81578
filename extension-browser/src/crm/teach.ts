import { finder } from '@medv/finder';
import { labelBeside, robustSelector } from './read/selector';
import { blockText } from './read/text';
import type { TaughtField, TeachableField } from './read/taught';

export interface PickedElement {
  /** Selects this element (single fields). */
  selector: string;
  /** Selects this element and the others repeated like it (the latest message: read at the last match). */
  selectorAll: string;
  label?: string | undefined;
  sample: string;
}

/** What teach mode remembers of a clicked element; finder's positional selector only when nothing names it. */
export function describePicked(el: Element): PickedElement {
  const fallback = () => finder(el, { seedMinLength: 2, root: el.ownerDocument.body });
  return {
    selector: robustSelector(el) ?? fallback(),
    selectorAll: robustSelector(el, true) ?? fallback(),
    label: labelBeside(el),
    sample: blockText(el).slice(0, 500),
  };
}

/** The taught field saved for a pick: the latest message is a repeated element, read at its last match. */
export function taughtFrom(field: TeachableField, picked: PickedElement, previous?: TaughtField): TaughtField {
  const repeated = field === 'latestMessage';
  return {
    css: repeated ? picked.selectorAll : picked.selector,
    label: picked.label?.slice(0, 100),
    all: repeated || undefined,
    pattern: previous?.pattern,
  };
}

/** Outlines the element under the pointer; a click picks it, Escape cancels. Never changes the page otherwise. */
export function pickElement(): Promise<PickedElement | null> {
  return new Promise((resolve) => {
    const box = document.createElement('div');
    box.style.cssText =
      'position:fixed;pointer-events:none;z-index:2147483647;outline:3px solid #e8590c;background:rgba(232,89,12,.12);transition:all 40ms';
    document.documentElement.appendChild(box);
    const onMove = (e: MouseEvent) => {
      const r = (e.target as Element).getBoundingClientRect();
      Object.assign(box.style, { left: `${r.left}px`, top: `${r.top}px`, width: `${r.width}px`, height: `${r.height}px` });
    };
    const done = (result: PickedElement | null) => {
      document.removeEventListener('mousemove', onMove, true);
      document.removeEventListener('click', onClick, true);
      document.removeEventListener('keydown', onKey, true);
      box.remove();
      resolve(result);
    };
    const onClick = (e: MouseEvent) => {
      e.preventDefault();
      e.stopPropagation();
      done(describePicked(e.target as Element));
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') done(null);
    };
    document.addEventListener('mousemove', onMove, true);
    document.addEventListener('click', onClick, true);
    document.addEventListener('keydown', onKey, true);
  });
}

import { finder } from '@medv/finder';

export interface PickedElement {
  selector: string;
  sample: string;
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
      const el = e.target as Element;
      const sample = (el instanceof HTMLInputElement ? el.value : (el.textContent ?? '')).replace(/\s+/g, ' ').trim().slice(0, 200);
      done({ selector: finder(el, { seedMinLength: 2 }), sample });
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') done(null);
    };
    document.addEventListener('mousemove', onMove, true);
    document.addEventListener('click', onClick, true);
    document.addEventListener('keydown', onKey, true);
  });
}

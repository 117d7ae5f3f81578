import { maskFieldValue, maskText, type MaskRules } from './mask';

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/**
 * Where the visible part of the page shows a secret (CSS pixels of the viewport): password and card
 * fields, fields whose value the rules would mask, and text that matches them. A screenshot gets
 * these painted over before it leaves the page's tab.
 */
export function sensitiveRects(doc: Document, rules: MaskRules): Box[] {
  const boxes: Box[] = [];
  const add = (r: DOMRect) => {
    if (r.width > 0 && r.height > 0) boxes.push({ x: r.left - 2, y: r.top - 2, w: r.width + 4, h: r.height + 4 });
  };
  for (const el of doc.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input, textarea')) {
    const facts = { tag: el.tagName.toLowerCase(), type: el.type ?? '', autocomplete: el.autocomplete ?? '', name: el.name ?? '' };
    if (maskFieldValue(facts, el.value || 'x', rules).masked && (el.value || facts.type === 'password')) add(el.getBoundingClientRect());
  }
  const walker = doc.createTreeWalker(doc.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (!n.textContent || !maskText(n.textContent, rules).masked) continue;
    const range = doc.createRange();
    range.selectNodeContents(n);
    for (const r of range.getClientRects()) add(r);
  }
  return boxes;
}

/** Paints `boxes` (CSS pixels) opaque into a JPEG screenshot (base64); runs in the service worker (no DOM). */
export async function paintOver(jpegBase64: string, boxes: Box[], devicePixelRatio: number): Promise<string> {
  if (boxes.length === 0) return jpegBase64;
  const bytes = Uint8Array.from(atob(jpegBase64), (c) => c.charCodeAt(0));
  const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/jpeg' }));
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const ctx = canvas.getContext('2d') as OffscreenCanvasRenderingContext2D;
  ctx.drawImage(bitmap, 0, 0);
  ctx.fillStyle = '#000';
  for (const b of boxes) ctx.fillRect(b.x * devicePixelRatio, b.y * devicePixelRatio, b.w * devicePixelRatio, b.h * devicePixelRatio);
  const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.6 });
  const buf = new Uint8Array(await blob.arrayBuffer());
  let s = '';
  for (let i = 0; i < buf.length; i += 0x8000) s += String.fromCharCode(...buf.subarray(i, i + 0x8000));
  return btoa(s);
}

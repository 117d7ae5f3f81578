export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Normalises a drag from (x1,y1) to (x2,y2) into a rectangle with positive size, clipped to the image. */
export function dragRect(x1: number, y1: number, x2: number, y2: number, width: number, height: number): Rect {
  const x = Math.max(0, Math.min(x1, x2));
  const y = Math.max(0, Math.min(y1, y2));
  return { x, y, w: Math.min(width, Math.max(x1, x2)) - x, h: Math.min(height, Math.max(y1, y2)) - y };
}

/** Scale that fits an image into `maxWidth`, never enlarging. */
export function fitScale(width: number, maxWidth: number): number {
  return width > maxWidth ? maxWidth / width : 1;
}

/**
 * Paints the covered regions opaque into the pixels themselves and returns JPEG base64 — the covered
 * content is gone from what leaves the browser, not hidden behind a layer.
 */
export function renderRedacted(img: CanvasImageSource & { width: number; height: number }, rects: Rect[], maxWidth = 1280): string {
  const scale = fitScale(img.width, maxWidth);
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(img.width * scale);
  canvas.height = Math.round(img.height * scale);
  const ctx = canvas.getContext('2d')!;
  ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
  ctx.fillStyle = '#000';
  for (const r of rects) ctx.fillRect(r.x * scale, r.y * scale, r.w * scale, r.h * scale);
  return canvas.toDataURL('image/jpeg', 0.8).replace(/^data:image\/jpeg;base64,/, '');
}

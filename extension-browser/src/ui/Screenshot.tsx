import { useEffect, useRef, useState } from 'preact/hooks';
import { dragRect, renderRedacted, type Rect } from '../capture/redact';
import { useT } from './i18nContext';

/** Shows a captured screenshot; the agent drags boxes over names, card numbers… before attaching it. */
export function ScreenshotEditor(props: { dataUrl: string; onAttach: (base64: string) => void; onCancel: () => void }) {
  const t = useT();
  const canvas = useRef<HTMLCanvasElement>(null);
  const img = useRef<HTMLImageElement | null>(null);
  const [rects, setRects] = useState<Rect[]>([]);
  const drag = useRef<{ x: number; y: number } | null>(null);

  const draw = (extra?: Rect) => {
    const c = canvas.current;
    const i = img.current;
    if (!c || !i) return;
    const ctx = c.getContext('2d')!;
    ctx.drawImage(i, 0, 0);
    ctx.fillStyle = '#000';
    for (const r of extra ? [...rects, extra] : rects) ctx.fillRect(r.x, r.y, r.w, r.h);
  };
  useEffect(() => {
    const i = new Image();
    i.onload = () => {
      img.current = i;
      if (canvas.current) {
        canvas.current.width = i.width;
        canvas.current.height = i.height;
      }
      draw();
    };
    i.src = props.dataUrl;
  }, [props.dataUrl]);
  useEffect(() => draw(), [rects]);

  const point = (e: PointerEvent) => {
    const c = canvas.current!;
    const b = c.getBoundingClientRect();
    return { x: ((e.clientX - b.left) * c.width) / b.width, y: ((e.clientY - b.top) * c.height) / b.height };
  };
  const rectTo = (e: PointerEvent) => {
    const p = point(e);
    return dragRect(drag.current!.x, drag.current!.y, p.x, p.y, canvas.current!.width, canvas.current!.height);
  };
  return (
    <section class="screenshot-editor">
      <p>{t('redactHelp')}</p>
      <canvas
        ref={canvas}
        class="shot"
        onPointerDown={(e) => (drag.current = point(e))}
        onPointerMove={(e) => drag.current && draw(rectTo(e))}
        onPointerUp={(e) => {
          if (!drag.current) return;
          const r = rectTo(e);
          drag.current = null;
          if (r.w > 2 && r.h > 2) setRects([...rects, r]);
        }}
      />
      <div class="row">
        <button type="button" class="attach-shot" onClick={() => img.current && props.onAttach(renderRedacted(img.current, rects))}>
          {t('attachScreenshot', rects.length)}
        </button>
        <button type="button" disabled={!rects.length} onClick={() => setRects(rects.slice(0, -1))}>
          {t('undo')}
        </button>
        <button type="button" onClick={props.onCancel}>
          {t('cancel')}
        </button>
      </div>
    </section>
  );
}

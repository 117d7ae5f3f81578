import { useEffect, useRef } from 'preact/hooks';

/**
 * Shows a chart drawn by Observable Plot: `draw` returns the chart element for a width; it is
 * redrawn when `data` changes. `label` names the chart for screen readers (the data is also in
 * a table next to it).
 */
export function Chart({ draw, data, label }: { draw: (width: number) => Element; data: unknown; label: string }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const chart = draw(Math.max(320, Math.min(el.clientWidth || 720, 960)));
    el.replaceChildren(chart);
    return () => chart.remove();
  }, [data]);
  return <figure class="chart" role="img" aria-label={label} ref={box} data-chart={label} />;
}

import * as Plot from '@observablehq/plot';

/** Horizontal bars of `value` per `label`, longest first; `fill` colours them by a field. */
export function horizontalBars<T extends object>(
  data: T[],
  o: { x: keyof T & string; y: keyof T & string; fill?: keyof T & string; xLabel: string; width: number },
): Element {
  return Plot.plot({
    width: o.width,
    marginLeft: 200,
    height: Math.max(120, data.length * 26 + 50),
    x: { label: o.xLabel, grid: true },
    y: { label: null },
    color: o.fill ? { legend: true } : undefined,
    marks: [Plot.barX(data, { x: o.x, y: o.y, fill: o.fill ?? 'steelblue', sort: { y: '-x' }, tip: true }), Plot.ruleX([0])],
  });
}

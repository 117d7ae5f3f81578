import * as Plot from '@observablehq/plot';
import type { Volume } from '@handoff/shared';

/** Incidents per week, stacked by category. */
export function perWeekChart(rows: Volume['perWeek'], o: { width: number; yLabel: string }): Element {
  return Plot.plot({
    width: o.width,
    height: 280,
    x: { type: 'band', label: null, tickFormat: (d: string) => d.slice(5) },
    y: { label: o.yLabel, grid: true },
    color: { legend: true },
    marks: [Plot.barY(rows, { x: 'week', y: 'incidents', fill: 'category', tip: true }), Plot.ruleY([0])],
  });
}

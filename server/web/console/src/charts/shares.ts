import * as Plot from '@observablehq/plot';
import type { ConfigDifference } from '@handoff/shared';

/** The group's share of each value (bars) against the product's (ticks), in percent. */
export function sharesChart(rows: ConfigDifference[], o: { width: number; xLabel: string }): Element {
  const data = rows.map((r) => ({ label: `${r.key}: ${r.value}`, share: r.share * 100, baseline: r.baselineShare * 100 }));
  return Plot.plot({
    width: o.width,
    marginLeft: 220,
    height: Math.max(120, data.length * 30 + 50),
    x: { label: o.xLabel, domain: [0, 100], grid: true },
    y: { label: null, domain: data.map((d) => d.label) },
    marks: [
      Plot.barX(data, { x: 'share', y: 'label', fill: 'steelblue', tip: true }),
      Plot.tickX(data, { x: 'baseline', y: 'label', stroke: 'black', strokeWidth: 3 }),
    ],
  });
}

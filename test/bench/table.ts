/** One line of the benchmark's table: a figure, what it is measured against, and its target. */
export interface Row {
  engine: string;
  figure: string;
  value: string;
  baseline: string;
  /** The figure over its baseline (null when the target is absolute). */
  ratio: number | null;
  target: string;
  met: boolean;
}

/** Prints the rows as one aligned table. */
export function printTable(rows: Row[]): void {
  const header = ['engine', 'figure', 'value', 'baseline (same run)', 'ratio', 'target', 'met'];
  const cells = rows.map((r) => [
    r.engine,
    r.figure,
    r.value,
    r.baseline,
    r.ratio === null ? '' : String(r.ratio),
    r.target,
    r.met ? 'met' : 'NOT MET',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) => c.map((v, i) => v.padEnd(widths[i]!)).join(' | ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
  for (const c of cells) console.log(line(c));
}

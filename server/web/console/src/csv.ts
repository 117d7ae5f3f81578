import Papa from 'papaparse';

/** One CSV line: column name → value. */
export type CsvRow = Record<string, string | number | null>;

/**
 * Downloads rows as a CSV file (Papa Parse writes it: quoting, separators in values, line
 * breaks), named `<name>.csv`.
 */
export function downloadCsv(name: string, rows: CsvRow[]): void {
  // Every column any row has (Papa Parse would take the first row's keys only).
  const fields = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const data = rows.map((r) => fields.map((f) => r[f] ?? ''));
  const blob = new Blob([Papa.unparse({ fields, data })], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = `${name}.csv`;
  document.body.append(a);
  a.click();
  a.remove();
  // The browser reads the blob when the download starts; release it once that surely happened.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

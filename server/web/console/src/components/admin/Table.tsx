import type { ComponentChildren } from 'preact';

export interface Column<T> {
  label: string;
  cell: (row: T) => ComponentChildren;
  num?: boolean;
}

/** The administration pages' tables: a header row and one row per item. */
export function Table<T>({
  columns,
  rows,
  keyOf,
  label,
}: {
  columns: Column<T>[];
  rows: T[];
  keyOf: (row: T) => string | number;
  label: string;
}) {
  return (
    <table aria-label={label}>
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c.label} scope="col">
              {c.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={keyOf(r)}>
            {columns.map((c) => (
              <td key={c.label} class={c.num ? 'num' : undefined}>
                {c.cell(r)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

import type { ComponentChildren } from 'preact';
import type { MessageKey, Translate } from '../i18n.js';

/** One column of an insight's table: its header, what a row shows in it, and whether it is a number (right-aligned). */
export interface Column<R> {
  header: MessageKey;
  cell: (row: R) => ComponentChildren;
  num?: boolean;
}

/** The table every insight shows next to its chart (the chart's data, readable and accessible). */
export function DataTable<R>({ t, rows, columns, rowKey }: { t: Translate; rows: R[]; columns: Column<R>[]; rowKey: (row: R) => string }) {
  return (
    <table>
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c.header} scope="col">
              {t(c.header)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={rowKey(r)}>
            {columns.map((c) => (
              <td key={c.header} class={c.num ? 'num' : undefined}>
                {c.cell(r)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

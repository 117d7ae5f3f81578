import { type CsvRow, downloadCsv } from '../csv.js';
import type { Translate } from '../i18n.js';

export function CsvButton({ t, name, rows }: { t: Translate; name: string; rows: () => CsvRow[] }) {
  return (
    <button type="button" class="csv" onClick={() => downloadCsv(name, rows())}>
      {t('downloadCsv')}
    </button>
  );
}

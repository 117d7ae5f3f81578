import type { ComponentChildren } from 'preact';
import type { CsvRow } from '../csv.js';
import type { MessageKey, Translate } from '../i18n.js';
import { CsvButton } from './CsvButton.js';
import { Status } from './Status.js';
import type { Loaded } from './useInsight.js';

/**
 * The frame of every insight page: its intro, the loading / error / empty states, the CSV
 * download of what is shown, then the page's charts and tables.
 */
export function InsightView<T>(props: {
  t: Translate;
  /** The sentence above the insight that says what it shows. */
  intro?: MessageKey;
  loaded: Loaded<T>;
  empty: (data: T) => boolean;
  /** The CSV file's name (without `.csv`) and its rows, built when it is downloaded. */
  csvName: string;
  csvRows: (data: T) => CsvRow[];
  children: (data: T) => ComponentChildren;
}) {
  const { t } = props;
  return (
    <>
      {props.intro && <p>{t(props.intro)}</p>}
      <Status t={t} loaded={props.loaded} empty={props.empty}>
        {(d) => (
          <>
            <CsvButton t={t} name={props.csvName} rows={() => props.csvRows(d)} />
            {props.children(d)}
          </>
        )}
      </Status>
    </>
  );
}

import type { ComponentChildren } from 'preact';
import type { Translate } from '../i18n.js';
import type { Loaded } from './useInsight.js';

/** Loading, error and empty states of an insight; renders `children(data)` when there is data. */
export function Status<T>({
  t,
  loaded,
  empty,
  children,
}: {
  t: Translate;
  loaded: Loaded<T>;
  empty: (data: T) => boolean;
  children: (data: T) => ComponentChildren;
}) {
  if (loaded.state === 'loading') return <p aria-live="polite">{t('loading')}</p>;
  if (loaded.state === 'error')
    return (
      <p role="alert" class="error">
        {t('errorPrefix', { message: loaded.message })}
      </p>
    );
  if (empty(loaded.data)) return <p class="empty">{t('noData')}</p>;
  return <>{children(loaded.data)}</>;
}
